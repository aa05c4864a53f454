/* ed-problem.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ed-problem.h"

G_DEFINE_BOXED_TYPE (EdProblem, ed_problem, ed_problem_copy, ed_problem_free)

EdProblem *
ed_problem_new (const char *field,
                const char *code,
                EdSeverity  severity,
                const char *message)
{
  EdProblem *self;

  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  self = g_new0 (EdProblem, 1);
  self->field = g_strdup (field);
  self->code = g_strdup (code);
  self->severity = severity;
  self->message = g_strdup (message);

  return self;
}

EdProblem *
ed_problem_copy (const EdProblem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return ed_problem_new (self->field, self->code, self->severity, self->message);
}

void
ed_problem_free (EdProblem *self)
{
  if (self == NULL)
    return;

  g_free (self->field);
  g_free (self->code);
  g_free (self->message);
  g_free (self);
}

/**
 * ed_problem_list_new:
 *
 * Returns: (transfer full) (element-type EdProblem): an empty list that
 *   frees its problems
 */
GPtrArray *
ed_problem_list_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) ed_problem_free);
}

/**
 * ed_problem_list_add:
 * @format: the message, already translated
 *
 * Adds a problem, unless the list already has one with the same field
 * and code: a rule met twice (by the traveller key and by a
 * procedure's field filled from it) is reported once.
 */
void
ed_problem_list_add (GPtrArray  *problems,
                     const char *field,
                     const char *code,
                     EdSeverity  severity,
                     const char *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  g_return_if_fail (problems != NULL);

  if (ed_problem_list_find (problems, field, code) != NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (problems, ed_problem_new (field, code, severity, message));
}

gboolean
ed_problem_list_has_errors (GPtrArray *problems)
{
  g_return_val_if_fail (problems != NULL, FALSE);

  for (guint i = 0; i < problems->len; i++)
    {
      const EdProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity == ED_SEVERITY_ERROR)
        return TRUE;
    }

  return FALSE;
}

/**
 * ed_problem_list_find:
 * @code: (nullable): a code, or %NULL for any problem of @field
 *
 * Returns: (nullable) (transfer none): the first such problem
 */
const EdProblem *
ed_problem_list_find (GPtrArray  *problems,
                      const char *field,
                      const char *code)
{
  g_return_val_if_fail (problems != NULL, NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      const EdProblem *problem = g_ptr_array_index (problems, i);

      if (g_strcmp0 (problem->field, field) == 0 &&
          (code == NULL || g_strcmp0 (problem->code, code) == 0))
        return problem;
    }

  return NULL;
}
