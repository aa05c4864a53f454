/* ed-step-missing.c — what a step still lacks, for every traveller
 *
 * Pure checks on the case, so that the wizard knows whether a step is
 * complete without building its page, and the summary can list what is
 * missing step by step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-step-page.h"

static char *
dup_traveller_name (EdCase      *edcase,
                    EdTraveller *traveller)
{
  g_autofree char *name = ed_traveller_dup_display_name (traveller);

  if (*name != '\0')
    return g_steal_pointer (&name);

  /* Translators: a traveller without a name yet, by their place in the case */
  return g_strdup_printf (_("Traveller %d"), ed_case_find_traveller (edcase, traveller) + 1);
}

static void
add_missing (GPtrArray   *missing,
             EdCase      *edcase,
             EdTraveller *traveller,
             const char  *what)
{
  g_autofree char *name = NULL;

  if (ed_case_get_n_travellers (edcase) < 2)
    {
      g_ptr_array_add (missing, g_strdup (what));
      return;
    }

  name = dup_traveller_name (edcase, traveller);
  /* Translators: a traveller's name, then what is missing for them */
  g_ptr_array_add (missing, g_strdup_printf (_("%s: %s"), name, what));
}

/**
 * ed_step_dup_missing:
 *
 * Returns: (transfer full) (element-type utf8): one line in the UI
 *   language for every required field not validly filled and every
 *   checklist item not ticked, for each traveller; empty when the step
 *   is complete. Warnings never count.
 */
GPtrArray *
ed_step_dup_missing (EdCase       *edcase,
                     EdProcedure  *procedure,
                     const EdStep *step)
{
  GPtrArray *missing = g_ptr_array_new_with_free_func (g_free);
  EdLanguage ui = ed_language_for_ui ();
  GListModel *travellers = ed_case_get_travellers (edcase);

  for (guint t = 0; t < g_list_model_get_n_items (travellers); t++)
    {
      g_autoptr(EdTraveller) traveller = g_list_model_get_item (travellers, t);

      for (guint i = 0; i < step->field_ids->len; i++)
        {
          const EdField *field = ed_procedure_find_field (procedure, g_ptr_array_index (step->field_ids, i));
          g_autoptr(GPtrArray) problems = NULL;

          /* Passwords are never kept, so never counted. */
          if (field == NULL || field->is_private)
            continue;

          problems = ed_validate_field (field, ed_traveller_get_field_value (traveller, field),
                                        traveller, NULL);
          if (ed_problem_list_has_errors (problems))
            add_missing (missing, edcase, traveller, ed_text_lookup (field->label, ui));
        }

      for (guint i = 0; i < step->checklist->len; i++)
        {
          const EdChecklistItem *item = g_ptr_array_index (step->checklist, i);

          if (!ed_case_get_item_done (edcase, traveller, step->id, item->id))
            add_missing (missing, edcase, traveller, ed_text_lookup (item->text, ui));
        }
    }

  return missing;
}
