/* ed-proposal.c — which procedures to propose for a case's travellers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ed-error.h"
#include "ed-proposal.h"

void
ed_proposal_free (EdProposal *proposal)
{
  if (proposal == NULL)
    return;

  g_clear_object (&proposal->procedure);
  g_clear_pointer (&proposal->why_not, ed_applicability_free);
  g_free (proposal);
}

/* Applies to someone: yes over unknown over no. Without travellers,
 * nothing is known yet. */
static EdProposal *
propose (EdProcedure *procedure,
         GPtrArray   *travellers,
         const GDate *today)
{
  EdProposal *proposal = g_new0 (EdProposal, 1);

  proposal->procedure = g_object_ref (procedure);
  proposal->ended = ed_procedure_has_ended (procedure, today);
  proposal->applies = travellers->len > 0 ? ED_APPLIES_NO : ED_APPLIES_UNKNOWN;

  for (guint i = 0; i < travellers->len && proposal->applies != ED_APPLIES_YES; i++)
    {
      g_autoptr(EdApplicability) applicability = NULL;
      EdFacts facts;

      ed_traveller_get_facts (g_ptr_array_index (travellers, i), &facts, today);
      applicability = ed_procedure_check_applies (procedure, &facts);

      if (applicability->applies == ED_APPLIES_YES)
        {
          proposal->applies = ED_APPLIES_YES;
          g_clear_pointer (&proposal->why_not, ed_applicability_free);
        }
      else if (applicability->applies == ED_APPLIES_UNKNOWN &&
               proposal->applies == ED_APPLIES_NO)
        {
          proposal->applies = ED_APPLIES_UNKNOWN;
          g_clear_pointer (&proposal->why_not, ed_applicability_free);
          proposal->why_not = g_steal_pointer (&applicability);
        }
      else if (applicability->applies == ED_APPLIES_NO && proposal->why_not == NULL)
        proposal->why_not = g_steal_pointer (&applicability);
    }

  return proposal;
}

/**
 * ed_journey_propose:
 * @travellers: (element-type EdTraveller): the case's travellers
 * @today: the day to judge ages and statuses on
 *
 * Returns: (transfer full) (element-type EdProposal): the journey's
 *   procedures in its order, each with whether it applies; procedures
 *   the catalog lacks are left out
 */
GPtrArray *
ed_journey_propose (EdJourney   *journey,
                    EdCatalog   *catalog,
                    GPtrArray   *travellers,
                    const GDate *today)
{
  GPtrArray *proposals = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_proposal_free);
  GPtrArray *items;

  g_return_val_if_fail (ED_IS_JOURNEY (journey), proposals);
  g_return_val_if_fail (ED_IS_CATALOG (catalog), proposals);

  items = ed_journey_get_items (journey);
  for (guint i = 0; i < items->len; i++)
    {
      const EdJourneyItem *item = g_ptr_array_index (items, i);
      EdProcedure *procedure = ed_catalog_lookup (catalog, item->id);
      EdProposal *proposal;

      if (procedure == NULL)
        continue;
      proposal = propose (procedure, travellers, today);
      proposal->note = item->note;
      g_ptr_array_add (proposals, proposal);
    }

  return proposals;
}

/* Those that apply first, then those that may, then the ended; each
 * group in the catalog's order. */
static int
rank (const EdProposal *proposal)
{
  if (proposal->ended)
    return 2;
  return proposal->applies == ED_APPLIES_YES ? 0 : 1;
}

static int
compare_proposals (gconstpointer a,
                   gconstpointer b)
{
  return rank (*(const EdProposal * const *) a) - rank (*(const EdProposal * const *) b);
}

/* Within a group, the procedures of the countries the case is about
 * first: a new hire in Tokyo sees Japan's before China's. */
static int
compare_proposals_in (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  GPtrArray *countries = user_data;
  const EdProposal *pa = *(const EdProposal * const *) a;
  const EdProposal *pb = *(const EdProposal * const *) b;
  int by_rank = compare_proposals (a, b);
  gboolean home_a, home_b;

  if (by_rank != 0)
    return by_rank;

  home_a = g_ptr_array_find_with_equal_func (countries, ed_procedure_get_country (pa->procedure),
                                             g_str_equal, NULL);
  home_b = g_ptr_array_find_with_equal_func (countries, ed_procedure_get_country (pb->procedure),
                                             g_str_equal, NULL);
  return home_b - home_a;
}

/**
 * ed_case_propose_procedures:
 *
 * What to offer when staff add a procedure to @kase: the catalog's
 * procedures that the case does not hold and that apply (or may apply)
 * to one of its travellers, those that apply first, ended ones last and
 * marked; in each group, those of the countries of the case's
 * procedures first.
 *
 * Returns: (transfer full) (element-type EdProposal): the proposals
 */
GPtrArray *
ed_case_propose_procedures (EdCase      *kase,
                            EdCatalog   *catalog,
                            const GDate *today)
{
  GPtrArray *proposals = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_proposal_free);
  g_autoptr(GPtrArray) travellers = g_ptr_array_new ();
  g_autoptr(GPtrArray) countries = g_ptr_array_new ();
  GListModel *procedures;

  g_return_val_if_fail (ED_IS_CASE (kase), proposals);
  g_return_val_if_fail (ED_IS_CATALOG (catalog), proposals);

  for (guint i = 0; i < ed_case_get_n_travellers (kase); i++)
    g_ptr_array_add (travellers, ed_case_get_traveller (kase, i));
  for (guint i = 0; i < ed_case_get_n_procedures (kase); i++)
    {
      EdProcedure *held = ed_catalog_lookup (catalog, ed_case_get_procedure (kase, i)->id);

      if (held != NULL && ed_procedure_get_country (held) != NULL)
        g_ptr_array_add (countries, (gpointer) ed_procedure_get_country (held));
    }

  procedures = ed_catalog_get_procedures (catalog);
  for (guint i = 0; i < g_list_model_get_n_items (procedures); i++)
    {
      g_autoptr(EdProcedure) procedure = g_list_model_get_item (procedures, i);
      EdProposal *proposal;

      if (ed_case_find_procedure (kase, ed_procedure_get_id (procedure)) >= 0)
        continue;

      proposal = propose (procedure, travellers, today);
      if (proposal->applies == ED_APPLIES_NO)
        ed_proposal_free (proposal);
      else
        g_ptr_array_add (proposals, proposal);
    }

  /* Stable: the catalog's order within each group. */
  g_ptr_array_sort_with_data (proposals, compare_proposals_in, countries);
  return proposals;
}

/**
 * ed_proposal_describe:
 * @prefix: (nullable): what comes first (the journey's note, the region)
 * @separator: between @prefix and the status: " · " or "\n"
 *
 * What a list of proposals says under a procedure's title: @prefix, then
 * that it has ended, then why it does not apply or what is needed to
 * know whether it does, each on a line of its own.
 *
 * Returns: (transfer full): the text, in @language
 */
char *
ed_proposal_describe (const EdProposal *proposal,
                      const char       *prefix,
                      const char       *separator,
                      EdLanguage        language)
{
  g_autoptr(GString) text = g_string_new (prefix);

  g_return_val_if_fail (proposal != NULL, NULL);

  if (proposal->ended)
    {
      g_autofree char *status = ed_procedure_describe_status_brief (proposal->procedure,
                                                                    language);

      g_string_append_printf (text, "%s%s", text->len > 0 ? separator : "", status);
    }
  if (proposal->why_not != NULL && proposal->applies != ED_APPLIES_YES)
    {
      g_autofree char *why = ed_applicability_describe (proposal->why_not, proposal->procedure,
                                                        language);

      if (why != NULL)
        g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", why);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * ed_case_new_from_journey:
 * @travellers: (element-type EdTraveller): the case's travellers; the
 *   case takes a reference on each
 * @left_out: (out) (optional) (transfer full) (element-type EdProposal):
 *   the journey's procedures that apply to none of the travellers
 *
 * Starts a case from a journey template: the travellers, and the
 * journey's procedures that apply or may apply to them, in the
 * journey's order; the first is current.
 *
 * Returns: (transfer full): the case, or %NULL with %ED_ERROR_INVALID
 *   when none of the procedures applies
 */
EdCase *
ed_case_new_from_journey (EdJourney    *journey,
                          EdCatalog    *catalog,
                          GPtrArray    *travellers,
                          const GDate  *today,
                          GPtrArray   **left_out,
                          GError      **error)
{
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(EdCase) kase = NULL;

  g_return_val_if_fail (ED_IS_JOURNEY (journey), NULL);
  g_return_val_if_fail (ED_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (travellers != NULL, NULL);

  proposals = ed_journey_propose (journey, catalog, travellers, today);
  skipped = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_proposal_free);

  for (guint i = 0; i < proposals->len; i++)
    {
      EdProposal *proposal = g_ptr_array_index (proposals, i);
      EdProcedure *procedure = proposal->procedure;

      if (proposal->applies == ED_APPLIES_NO)
        g_ptr_array_add (skipped, g_steal_pointer (&proposals->pdata[i]));
      else if (kase == NULL)
        kase = ed_case_new (ed_procedure_get_id (procedure), ed_procedure_get_version (procedure));
      else
        ed_case_add_procedure (kase, ed_procedure_get_id (procedure),
                               ed_procedure_get_version (procedure), -1);
    }

  if (kase == NULL)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                   _("None of the procedures of the journey “%s” applies to these travellers"),
                   ed_journey_get_id (journey));
      return NULL;
    }

  ed_case_set_journey_id (kase, ed_journey_get_id (journey));
  for (guint i = 0; i < travellers->len; i++)
    ed_case_add_traveller (kase, g_ptr_array_index (travellers, i));

  if (left_out != NULL)
    *left_out = g_steal_pointer (&skipped);

  return g_steal_pointer (&kase);
}
