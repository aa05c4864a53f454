/* ed-case-journey.c — the procedures of a case, in order
 *
 * A case holds one procedure or more; staff add, remove and reorder
 * them. Which ones to propose is ed-case-proposals.c; the dates they
 * compute together are the timeline (ed-timeline.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ed-case-private.h"

guint
ed_case_get_n_procedures (EdCase *self)
{
  g_return_val_if_fail (ED_IS_CASE (self), 0);
  return _ed_case_procedures (self)->len;
}

/**
 * ed_case_get_procedures:
 *
 * Returns: (transfer none) (element-type EdCaseProcedure): the
 *   procedures in the journey's order; change them with
 *   ed_case_add_procedure() and the like
 */
GPtrArray *
ed_case_get_procedures (EdCase *self)
{
  g_return_val_if_fail (ED_IS_CASE (self), NULL);
  return _ed_case_procedures (self);
}

/**
 * ed_case_get_procedure:
 *
 * Returns: (transfer none) (nullable): the procedure at @position in the
 *   journey
 */
const EdCaseProcedure *
ed_case_get_procedure (EdCase *self,
                       guint   position)
{
  GPtrArray *procedures;

  g_return_val_if_fail (ED_IS_CASE (self), NULL);

  procedures = _ed_case_procedures (self);
  return position < procedures->len ? g_ptr_array_index (procedures, position) : NULL;
}

/* Returns: the position of @procedure_id, or -1 */
int
ed_case_find_procedure (EdCase     *self,
                        const char *procedure_id)
{
  GPtrArray *procedures;

  g_return_val_if_fail (ED_IS_CASE (self), -1);

  procedures = _ed_case_procedures (self);
  for (guint i = 0; procedure_id != NULL && i < procedures->len; i++)
    if (strcmp (((EdCaseProcedure *) g_ptr_array_index (procedures, i))->id, procedure_id) == 0)
      return (int) i;

  return -1;
}

/**
 * ed_case_add_procedure:
 * @position: where in the journey, or -1 for the end
 *
 * Adds a procedure to the case's journey. Which procedures to offer is
 * the caller's (ed_case_propose_procedures()); an ended one may be
 * added.
 *
 * Returns: %FALSE when the case holds @procedure_id already
 */
gboolean
ed_case_add_procedure (EdCase     *self,
                       const char *procedure_id,
                       int         procedure_version,
                       int         position)
{
  GPtrArray *procedures;
  guint current;

  g_return_val_if_fail (ED_IS_CASE (self), FALSE);
  g_return_val_if_fail (procedure_id != NULL && *procedure_id != '\0', FALSE);

  if (ed_case_find_procedure (self, procedure_id) >= 0)
    return FALSE;

  procedures = _ed_case_procedures (self);
  if (position < 0 || (guint) position > procedures->len)
    position = (int) procedures->len;

  /* The current procedure stays current, wherever it moves. */
  current = _ed_case_get_current (self);
  g_ptr_array_insert (procedures, position,
                      _ed_case_procedure_new (procedure_id, procedure_version));
  if ((guint) position <= current)
    _ed_case_keep_current (self, current + 1);

  _ed_case_procedures_changed (self);
  return TRUE;
}

/**
 * ed_case_remove_procedure:
 *
 * Removes a procedure from the journey, with what was ticked and marked
 * done for it. When it was the current one, the next (or the last)
 * becomes current. A case keeps at least one procedure.
 *
 * Returns: %FALSE when the case does not hold @procedure_id, or holds
 *   nothing else
 */
gboolean
ed_case_remove_procedure (EdCase     *self,
                          const char *procedure_id)
{
  GPtrArray *procedures;
  guint current;
  int position;

  g_return_val_if_fail (ED_IS_CASE (self), FALSE);

  procedures = _ed_case_procedures (self);
  position = ed_case_find_procedure (self, procedure_id);
  if (position < 0 || procedures->len == 1)
    return FALSE;

  current = _ed_case_get_current (self);
  _ed_case_drop_procedure_ticks (self, procedure_id);

  if ((guint) position == current)
    {
      /* Changed while the array still holds the old one, to compare. */
      guint next = (guint) position + 1 < procedures->len ? (guint) position + 1
                                                          : (guint) position - 1;

      _ed_case_set_current (self, next);
      current = next;
    }
  g_ptr_array_remove_index (procedures, (guint) position);
  if ((guint) position < current)
    current--;
  _ed_case_keep_current (self, current);

  _ed_case_procedures_changed (self);
  return TRUE;
}

/**
 * ed_case_move_procedure:
 * @position: the new place, counted in the journey without the one moved
 *
 * Returns: %FALSE when the case does not hold @procedure_id
 */
gboolean
ed_case_move_procedure (EdCase     *self,
                        const char *procedure_id,
                        guint       position)
{
  GPtrArray *procedures;
  EdCaseProcedure *current;
  EdCaseProcedure *moved;
  int from;

  g_return_val_if_fail (ED_IS_CASE (self), FALSE);

  procedures = _ed_case_procedures (self);
  from = ed_case_find_procedure (self, procedure_id);
  if (from < 0)
    return FALSE;
  position = MIN (position, procedures->len - 1);
  if ((guint) from == position)
    return TRUE;

  current = g_ptr_array_index (procedures, _ed_case_get_current (self));
  moved = g_ptr_array_steal_index (procedures, (guint) from);
  g_ptr_array_insert (procedures, (int) position, moved);
  _ed_case_keep_current (self, (guint) ed_case_find_procedure (self, current->id));

  _ed_case_procedures_changed (self);
  return TRUE;
}

/**
 * ed_case_set_current_procedure:
 *
 * Makes @procedure_id the one the wizard shows. The step to resume at
 * is forgotten when it changes.
 *
 * Returns: %FALSE when the case does not hold @procedure_id
 */
gboolean
ed_case_set_current_procedure (EdCase     *self,
                               const char *procedure_id)
{
  int position;

  g_return_val_if_fail (ED_IS_CASE (self), FALSE);

  position = ed_case_find_procedure (self, procedure_id);
  if (position < 0)
    return FALSE;

  if ((guint) position != _ed_case_get_current (self))
    {
      _ed_case_set_current (self, (guint) position);
      _ed_case_touch (self);
    }

  return TRUE;
}
