/* ed-case-flow.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ed-case-flow.h"
#include "ed-i18n.h"
#include "ed-mo.h"

static EdApplicability *
check_traveller (EdTraveller  *traveller,
                 EdProcedure  *procedure,
                 const EdStep *step)
{
  EdFacts facts;

  ed_traveller_get_facts (traveller, &facts, NULL);
  return ed_procedure_check_step (procedure, step, &facts);
}

/**
 * ed_traveller_check_step:
 *
 * Returns: whether @step applies to @traveller, with the answers given
 *   so far (%ED_APPLIES_UNKNOWN while one it tests is missing)
 */
EdApplies
ed_traveller_check_step (EdTraveller  *traveller,
                         EdProcedure  *procedure,
                         const EdStep *step)
{
  g_autoptr(EdApplicability) applicability = NULL;

  g_return_val_if_fail (ED_IS_TRAVELLER (traveller), ED_APPLIES_UNKNOWN);
  g_return_val_if_fail (ED_IS_PROCEDURE (procedure), ED_APPLIES_UNKNOWN);
  g_return_val_if_fail (step != NULL, ED_APPLIES_UNKNOWN);

  applicability = check_traveller (traveller, procedure, step);
  return applicability->applies;
}

/**
 * ed_travellers_check_step:
 * @travellers: (element-type EdTraveller): a case's travellers
 *
 * Returns: %ED_APPLIES_YES when @step applies to one traveller at least,
 *   %ED_APPLIES_NO when to none, %ED_APPLIES_UNKNOWN when it may apply
 *   (no travellers: an empty first one is asked)
 */
EdApplies
ed_travellers_check_step (GPtrArray    *travellers,
                          EdProcedure  *procedure,
                          const EdStep *step)
{
  gboolean unknown = FALSE;

  g_return_val_if_fail (travellers != NULL, ED_APPLIES_UNKNOWN);
  g_return_val_if_fail (ED_IS_PROCEDURE (procedure), ED_APPLIES_UNKNOWN);
  g_return_val_if_fail (step != NULL, ED_APPLIES_UNKNOWN);

  if (travellers->len == 0)
    {
      g_autoptr(EdTraveller) nobody = ed_traveller_new ();

      return ed_traveller_check_step (nobody, procedure, step);
    }

  for (guint i = 0; i < travellers->len; i++)
    switch (ed_traveller_check_step (g_ptr_array_index (travellers, i), procedure, step))
      {
      case ED_APPLIES_YES:
        return ED_APPLIES_YES;
      case ED_APPLIES_UNKNOWN:
        unknown = TRUE;
        break;
      case ED_APPLIES_NO:
      default:
        break;
      }

  return unknown ? ED_APPLIES_UNKNOWN : ED_APPLIES_NO;
}

/* The case's travellers, not owned. */
static GPtrArray *
dup_travellers (EdCase *kase)
{
  guint n = ed_case_get_n_travellers (kase);
  GPtrArray *travellers = g_ptr_array_sized_new (n);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (travellers, ed_case_get_traveller (kase, i));

  return travellers;
}

/**
 * ed_case_check_step:
 *
 * Returns: whether @step applies to the case's travellers
 *   (ed_travellers_check_step())
 */
EdApplies
ed_case_check_step (EdCase       *kase,
                    EdProcedure  *procedure,
                    const EdStep *step)
{
  g_autoptr(GPtrArray) travellers = NULL;

  g_return_val_if_fail (ED_IS_CASE (kase), ED_APPLIES_UNKNOWN);

  travellers = dup_travellers (kase);
  return ed_travellers_check_step (travellers, procedure, step);
}

/**
 * ed_case_progress_compute:
 * @travellers: (element-type EdTraveller): the case's travellers
 * @current_step: (nullable): the page the case is at (a step's id,
 *   %ED_CASE_REVIEW_STEP, or another page)
 *
 * Works out how far a case is from its travellers, their answers and
 * the page it was left on, as the wizard counts it: a step left out is
 * not counted, and a case left on one (its answers changed since) opens
 * at its first page, before the steps.
 */
void
ed_case_progress_compute (EdCaseProgress *progress,
                          EdProcedure    *procedure,
                          GPtrArray      *travellers,
                          const char     *current_step)
{
  GPtrArray *steps;

  g_return_if_fail (progress != NULL);
  g_return_if_fail (ED_IS_PROCEDURE (procedure));
  g_return_if_fail (travellers != NULL);

  progress->n_steps = 0;
  progress->step = 0;
  steps = ed_procedure_get_steps (procedure);
  for (guint i = 0; i < steps->len; i++)
    {
      const EdStep *step = g_ptr_array_index (steps, i);

      if (ed_travellers_check_step (travellers, procedure, step) == ED_APPLIES_NO)
        continue;
      progress->n_steps++;
      if (g_strcmp0 (step->id, current_step) == 0)
        progress->step = progress->n_steps;
    }

  if (g_strcmp0 (current_step, ED_CASE_REVIEW_STEP) == 0)
    progress->step = progress->n_steps + 1;
}

/**
 * ed_case_get_progress:
 *
 * How far @kase is in @procedure (ed_case_progress_compute()).
 */
void
ed_case_get_progress (EdCase         *kase,
                      EdProcedure    *procedure,
                      EdCaseProgress *progress)
{
  g_autoptr(GPtrArray) travellers = NULL;

  g_return_if_fail (ED_IS_CASE (kase));

  travellers = dup_travellers (kase);
  ed_case_progress_compute (progress, procedure, travellers,
                            ed_case_get_current_step (kase));
}

/**
 * ed_case_describe_step:
 *
 * Why @step is not needed, for each traveller it does not apply to: the
 * reason alone with one traveller (or the same reason for all), else
 * one line per traveller, "NAME: reason".
 *
 * Returns: (transfer full) (nullable): the reasons in @language, or
 *   %NULL when the step applies (or may apply) to every traveller
 */
char *
ed_case_describe_step (EdCase       *kase,
                       EdProcedure  *procedure,
                       const EdStep *step,
                       EdLanguage    language)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean same = TRUE;
  guint n;

  g_return_val_if_fail (ED_IS_CASE (kase), NULL);
  g_return_val_if_fail (ED_IS_PROCEDURE (procedure), NULL);
  g_return_val_if_fail (step != NULL, NULL);

  n = ed_case_get_n_travellers (kase);
  for (guint i = 0; i < n; i++)
    {
      EdTraveller *traveller = ed_case_get_traveller (kase, i);
      g_autoptr(EdApplicability) applicability = check_traveller (traveller, procedure, step);
      g_autofree char *name = NULL;

      if (applicability->applies != ED_APPLIES_NO)
        continue;

      name = ed_traveller_dup_display_name (traveller);
      if (*name == '\0')
        {
          g_free (name);
          /* Translators: a traveller without a name yet, by their place in the case */
          name = g_strdup_printf (ed_translate (language, "case", "Traveller %d"), (int) i + 1);
        }
      g_ptr_array_add (names, g_steal_pointer (&name));
      g_ptr_array_add (reasons, ed_applicability_describe (applicability, procedure, language));
      if (reasons->len > 1 &&
          g_strcmp0 (g_ptr_array_index (reasons, 0), g_ptr_array_index (reasons, reasons->len - 1))
          != 0)
        same = FALSE;
    }

  if (reasons->len == 0)
    return NULL;
  if (n < 2 || (same && reasons->len == n))
    return g_strdup (g_ptr_array_index (reasons, 0));

  for (guint i = 0; i < reasons->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      /* Translators: a traveller's name, then why a step is not needed for them */
      g_string_append_printf (text, ed_translate (language, "case", "%s: %s"),
                              (const char *) g_ptr_array_index (names, i),
                              (const char *) g_ptr_array_index (reasons, i));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * ed_case_dup_flow:
 *
 * Returns: (transfer container) (element-type EdStep): the steps of
 *   @procedure that apply, or may apply, to the case, in order
 */
GPtrArray *
ed_case_dup_flow (EdCase      *kase,
                  EdProcedure *procedure)
{
  GPtrArray *flow = g_ptr_array_new ();
  GPtrArray *steps;

  g_return_val_if_fail (ED_IS_CASE (kase), flow);
  g_return_val_if_fail (ED_IS_PROCEDURE (procedure), flow);

  steps = ed_procedure_get_steps (procedure);
  for (guint i = 0; i < steps->len; i++)
    {
      const EdStep *step = g_ptr_array_index (steps, i);

      if (ed_case_check_step (kase, procedure, step) != ED_APPLIES_NO)
        g_ptr_array_add (flow, (gpointer) step);
    }

  return flow;
}

/**
 * ed_case_flow_position:
 * @flow: (element-type EdStep): ed_case_dup_flow()
 * @step_id: (nullable): a step id, such as a case's current step
 *
 * Returns: the place of @step_id in @flow, from 1 ("step 2 of 19"); 0
 *   when it is not there (the travellers page, the questions)
 */
int
ed_case_flow_position (GPtrArray  *flow,
                       const char *step_id)
{
  g_return_val_if_fail (flow != NULL, 0);

  for (guint i = 0; step_id != NULL && i < flow->len; i++)
    if (g_strcmp0 (((const EdStep *) g_ptr_array_index (flow, i))->id, step_id) == 0)
      return (int) i + 1;

  return 0;
}

/**
 * ed_case_questions_answered:
 *
 * Returns: whether every traveller has an answer to every question of
 *   @procedure (a procedure without questions has them all)
 */
gboolean
ed_case_questions_answered (EdCase      *kase,
                            EdProcedure *procedure)
{
  GPtrArray *questions;

  g_return_val_if_fail (ED_IS_CASE (kase), FALSE);
  g_return_val_if_fail (ED_IS_PROCEDURE (procedure), FALSE);

  questions = ed_procedure_get_questions (procedure);
  for (guint t = 0; t < ed_case_get_n_travellers (kase); t++)
    for (guint q = 0; questions != NULL && q < questions->len; q++)
      {
        const EdQuestion *question = g_ptr_array_index (questions, q);
        const char *answer = ed_traveller_get_answer (ed_case_get_traveller (kase, t),
                                                      question->id);

        if (answer == NULL || *answer == '\0')
          return FALSE;
      }

  return TRUE;
}
