/* ed-case-missing.c
 *
 * A step is checked field by field, as its page shows them; a whole
 * traveller with every rule of ed_validate_traveller(), so that a key no
 * step asks for (an e-mail address typed wrongly) counts too. The rules
 * themselves are the traveller module's: this file decides which of
 * their problems make something missing, and adds the checklist.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ed-case-missing.h"
#include "ed-validate.h"

void
ed_missing_free (EdMissing *missing)
{
  if (missing == NULL)
    return;

  g_clear_object (&missing->traveller);
  g_clear_pointer (&missing->problems, g_ptr_array_unref);
  g_free (missing->name);
  g_free (missing);
}

/**
 * ed_missing_get_label:
 *
 * Returns: (nullable): what is missing, in @language: the field's label
 *   or the checklist item's text; %NULL for a traveller key the
 *   procedure does not ask for
 */
const char *
ed_missing_get_label (const EdMissing *missing,
                      EdLanguage       language)
{
  g_return_val_if_fail (missing != NULL, NULL);

  if (missing->kind == ED_MISSING_TICK)
    return ed_text_lookup (missing->item->text, language);

  return missing->field != NULL ? ed_text_lookup (missing->field->label, language) : NULL;
}

static gboolean
step_asks_for (const EdStep *step,
               const char   *field_id)
{
  for (guint i = 0; step->field_ids != NULL && i < step->field_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (step->field_ids, i), field_id) == 0)
      return TRUE;

  return FALSE;
}

/* The procedure's field a problem is on: by its id, or by the
 * traveller key it fills. */
static const EdField *
find_field (EdProcedure *procedure,
            const char  *name)
{
  GPtrArray *fields = procedure != NULL ? ed_procedure_get_fields (procedure) : NULL;

  for (guint i = 0; fields != NULL && i < fields->len; i++)
    {
      const EdField *field = g_ptr_array_index (fields, i);

      if (g_strcmp0 (field->id, name) == 0 || g_strcmp0 (field->traveller_key, name) == 0)
        return field;
    }

  return NULL;
}

static const EdStep *
find_step (EdProcedure   *procedure,
           const EdField *field)
{
  GPtrArray *steps = field != NULL ? ed_procedure_get_steps (procedure) : NULL;

  for (guint i = 0; steps != NULL && i < steps->len; i++)
    {
      const EdStep *step = g_ptr_array_index (steps, i);

      if (step_asks_for (step, field->id))
        return step;
    }

  return NULL;
}

static gboolean
counts (const EdProblem *problem,
        EdMissingFlags   flags)
{
  if (problem->severity == ED_SEVERITY_ERROR)
    return TRUE;

  return (flags & ED_MISSING_WARNINGS) != 0;
}

/* Adds one entry for @problems, those of one field, if any of them
 * makes it missing. */
static void
add_value (GPtrArray     *missing,
           EdTraveller   *traveller,
           const EdStep  *step,
           const EdField *field,
           GPtrArray     *problems,
           EdMissingFlags flags)
{
  g_autoptr(GPtrArray) kept = ed_problem_list_new ();
  EdMissing *entry;

  for (guint i = 0; i < problems->len; i++)
    {
      const EdProblem *problem = g_ptr_array_index (problems, i);

      if (counts (problem, flags))
        g_ptr_array_add (kept, ed_problem_copy (problem));
    }

  if (kept->len == 0)
    return;

  entry = g_new0 (EdMissing, 1);
  entry->kind = ED_MISSING_VALUE;
  entry->traveller = g_object_ref (traveller);
  entry->step = step;
  entry->field = field;
  entry->name = g_strdup (((const EdProblem *) g_ptr_array_index (kept, 0))->field);
  entry->problems = g_steal_pointer (&kept);
  g_ptr_array_add (missing, entry);
}

/* The fields @step shows, one by one. */
static void
add_step_values (GPtrArray      *missing,
                 EdTraveller    *traveller,
                 EdProcedure    *procedure,
                 const EdStep   *step,
                 EdMissingFlags  flags)
{
  for (guint i = 0; step->field_ids != NULL && i < step->field_ids->len; i++)
    {
      const char *id = g_ptr_array_index (step->field_ids, i);
      const EdField *field = ed_procedure_find_field (procedure, id);
      g_autoptr(GPtrArray) problems = NULL;

      /* Passwords are never kept, so never counted. */
      if (field == NULL || field->is_private)
        continue;
      if ((flags & ED_MISSING_KEYS_ONLY) && (field->traveller_key == NULL ||
                                             !ed_traveller_is_key (field->traveller_key)))
        continue;

      problems = ed_validate_field (field, ed_traveller_get_field_value (traveller, field),
                                    traveller, NULL);
      add_value (missing, traveller, step, field, problems, flags);
    }
}

/* Every rule for the whole traveller; the problems of one field come
 * one after the other, and stay in the order the rules found them. */
static void
add_traveller_values (GPtrArray      *missing,
                      EdTraveller    *traveller,
                      EdProcedure    *procedure,
                      EdMissingFlags  flags)
{
  g_autoptr(GPtrArray) problems = NULL;
  guint start = 0;

  if (flags & ED_MISSING_FOR_PRINT)
    problems = ed_validate_traveller_for_print (traveller, procedure);
  else
    problems = ed_validate_traveller (traveller, procedure, NULL);

  while (start < problems->len)
    {
      const char *name = ((const EdProblem *) g_ptr_array_index (problems, start))->field;
      g_autoptr(GPtrArray) run = g_ptr_array_new ();
      const EdField *field;
      guint end = start;

      while (end < problems->len &&
             g_strcmp0 (((const EdProblem *) g_ptr_array_index (problems, end))->field, name) == 0)
        g_ptr_array_add (run, g_ptr_array_index (problems, end++));
      start = end;

      if ((flags & ED_MISSING_KEYS_ONLY) && !ed_traveller_is_key (name))
        continue;

      field = find_field (procedure, name);
      add_value (missing, traveller, find_step (procedure, field), field, run, flags);
    }
}

static void
add_ticks (GPtrArray    *missing,
           EdTraveller  *traveller,
           EdCase       *kase,
           const EdStep *step)
{
  for (guint i = 0; step->checklist != NULL && i < step->checklist->len; i++)
    {
      const EdChecklistItem *item = g_ptr_array_index (step->checklist, i);
      EdMissing *entry;

      if (ed_case_get_item_done (kase, traveller, step->id, item->id))
        continue;

      entry = g_new0 (EdMissing, 1);
      entry->kind = ED_MISSING_TICK;
      entry->traveller = g_object_ref (traveller);
      entry->step = step;
      entry->item = item;
      g_ptr_array_add (missing, entry);
    }
}

static void
add_missing (GPtrArray      *missing,
             EdTraveller    *traveller,
             EdCase         *kase,
             EdProcedure    *procedure,
             const EdStep   *step,
             EdMissingFlags  flags)
{
  GPtrArray *steps;

  if (step != NULL)
    add_step_values (missing, traveller, procedure, step, flags);
  else
    add_traveller_values (missing, traveller, procedure, flags);

  if (kase == NULL || procedure == NULL || (flags & ED_MISSING_FOR_PRINT))
    return;

  if (step != NULL)
    {
      add_ticks (missing, traveller, kase, step);
      return;
    }

  steps = ed_procedure_get_steps (procedure);
  for (guint i = 0; steps != NULL && i < steps->len; i++)
    add_ticks (missing, traveller, kase, g_ptr_array_index (steps, i));
}

/**
 * ed_traveller_missing:
 * @kase: (nullable): the case @traveller belongs to, for its checklist;
 *   without it, only values count
 * @procedure: (nullable): the procedure; %NULL only with no @step: then
 *   the traveller keys' own rules alone apply
 * @step: (nullable): one step, whose fields are checked one by one as
 *   its page shows them; %NULL for the whole traveller: every traveller
 *   key and every field of the procedure, and every step's checklist
 *
 * What @traveller still lacks. With %ED_MISSING_FOR_PRINT, @step must
 * be %NULL, and @traveller is normalised in place.
 *
 * Returns: (transfer full) (element-type EdMissing): values first, in
 *   the order of the step's fields (or of the rules), then checklist
 *   items in the procedure's order; empty when nothing is missing
 */
GPtrArray *
ed_traveller_missing (EdTraveller    *traveller,
                      EdCase         *kase,
                      EdProcedure    *procedure,
                      const EdStep   *step,
                      EdMissingFlags  flags)
{
  GPtrArray *missing = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_missing_free);

  g_return_val_if_fail (ED_IS_TRAVELLER (traveller), missing);
  g_return_val_if_fail (kase == NULL || ED_IS_CASE (kase), missing);
  g_return_val_if_fail (procedure == NULL || ED_IS_PROCEDURE (procedure), missing);
  g_return_val_if_fail (step == NULL || procedure != NULL, missing);
  g_return_val_if_fail (!(flags & ED_MISSING_FOR_PRINT) || (step == NULL && procedure != NULL),
                        missing);

  add_missing (missing, traveller, kase, procedure, step, flags);
  return missing;
}

/**
 * ed_case_missing:
 * @step: (nullable): one step, or %NULL for the whole case
 *
 * ed_traveller_missing() for each of the case's travellers, in the
 * case's order.
 *
 * Returns: (transfer full) (element-type EdMissing): what is missing;
 *   empty when the step (or the case) is complete
 */
GPtrArray *
ed_case_missing (EdCase         *kase,
                 EdProcedure    *procedure,
                 const EdStep   *step,
                 EdMissingFlags  flags)
{
  GPtrArray *missing = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_missing_free);

  g_return_val_if_fail (ED_IS_CASE (kase), missing);
  g_return_val_if_fail (ED_IS_PROCEDURE (procedure), missing);
  g_return_val_if_fail (!(flags & ED_MISSING_FOR_PRINT) || step == NULL, missing);

  for (guint i = 0; i < ed_case_get_n_travellers (kase); i++)
    add_missing (missing, ed_case_get_traveller (kase, i), kase, procedure, step, flags);

  return missing;
}

/**
 * ed_case_count_checklist:
 * @n_travellers: how many travellers the case has
 *
 * Returns: how many checklist items a case of @procedure has to tick:
 *   every step's items for each traveller, and a case without travellers
 *   yet counts as one
 */
guint
ed_case_count_checklist (EdProcedure *procedure,
                         guint        n_travellers)
{
  GPtrArray *steps;
  guint n = 0;

  g_return_val_if_fail (ED_IS_PROCEDURE (procedure), 0);

  steps = ed_procedure_get_steps (procedure);
  for (guint i = 0; steps != NULL && i < steps->len; i++)
    {
      const EdStep *step = g_ptr_array_index (steps, i);

      n += step->checklist != NULL ? step->checklist->len : 0;
    }

  return n * MAX (n_travellers, 1);
}
