/* ed-case-checklist.c — which checklist items of a case are done
 *
 * An item is done for the whole case or for one traveller: HER-SYS
 * registers each person of a family, a hotel booking is done once. Each
 * tick belongs to one procedure of the case. A date of the timeline that
 * staff mark done is kept the same way, as a tick of the pseudo-step
 * ED_CASE_DATES_STEP whose item is the date rule's id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ed-case-private.h"

void
_ed_case_tick_free (gpointer data)
{
  EdCaseTick *tick = data;

  g_free (tick->procedure_id);
  g_free (tick->step_id);
  g_free (tick->item_id);
  g_free (tick);
}

static int
find_tick (EdCase      *self,
           const char  *procedure_id,
           EdTraveller *traveller,
           const char  *step_id,
           const char  *item_id)
{
  GPtrArray *ticks = _ed_case_ticks (self);

  for (guint i = 0; i < ticks->len; i++)
    {
      EdCaseTick *tick = g_ptr_array_index (ticks, i);

      if (tick->traveller == traveller &&
          strcmp (tick->procedure_id, procedure_id) == 0 &&
          strcmp (tick->step_id, step_id) == 0 &&
          strcmp (tick->item_id, item_id) == 0)
        return (int) i;
    }

  return -1;
}

/**
 * ed_case_get_item_done_in:
 * @procedure_id: one of the case's procedures
 * @traveller: (nullable): one of the case's travellers, or %NULL for the
 *   whole case
 */
gboolean
ed_case_get_item_done_in (EdCase      *self,
                          const char  *procedure_id,
                          EdTraveller *traveller,
                          const char  *step_id,
                          const char  *item_id)
{
  g_return_val_if_fail (ED_IS_CASE (self), FALSE);
  g_return_val_if_fail (procedure_id != NULL && step_id != NULL && item_id != NULL, FALSE);

  return find_tick (self, procedure_id, traveller, step_id, item_id) >= 0;
}

/**
 * ed_case_get_item_done:
 * @traveller: (nullable): one of the case's travellers, or %NULL for the
 *   whole case
 *
 * Like ed_case_get_item_done_in(), in the current procedure.
 */
gboolean
ed_case_get_item_done (EdCase      *self,
                       EdTraveller *traveller,
                       const char  *step_id,
                       const char  *item_id)
{
  g_return_val_if_fail (ED_IS_CASE (self), FALSE);

  return ed_case_get_item_done_in (self, ed_case_get_procedure_id (self), traveller, step_id,
                                   item_id);
}

void
ed_case_add_tick (EdCase      *self,
                  EdTraveller *traveller,
                  const char  *procedure_id,
                  const char  *step_id,
                  const char  *item_id,
                  gint64       done_at)
{
  EdCaseTick *tick = g_new0 (EdCaseTick, 1);

  tick->traveller = traveller;
  tick->procedure_id = g_strdup (procedure_id);
  tick->step_id = g_strdup (step_id);
  tick->item_id = g_strdup (item_id);
  tick->done_at = done_at;
  g_ptr_array_add (_ed_case_ticks (self), tick);
  _ed_case_notify_n_done (self);
}

/**
 * ed_case_set_item_done_in:
 * @procedure_id: one of the case's procedures
 * @traveller: (nullable): one of the case's travellers, or %NULL when the
 *   item is done once for the whole case
 *
 * Ticks or unticks one checklist item of a step.
 */
void
ed_case_set_item_done_in (EdCase      *self,
                          const char  *procedure_id,
                          EdTraveller *traveller,
                          const char  *step_id,
                          const char  *item_id,
                          gboolean     done)
{
  int index;

  g_return_if_fail (ED_IS_CASE (self));
  g_return_if_fail (step_id != NULL && item_id != NULL);
  g_return_if_fail (ed_case_find_procedure (self, procedure_id) >= 0);
  g_return_if_fail (traveller == NULL || ed_case_find_traveller (self, traveller) >= 0);

  index = find_tick (self, procedure_id, traveller, step_id, item_id);
  if ((index >= 0) == !!done)
    return;

  if (done)
    {
      ed_case_add_tick (self, traveller, procedure_id, step_id, item_id, ed_case_now ());
    }
  else
    {
      g_ptr_array_remove_index (_ed_case_ticks (self), (guint) index);
      _ed_case_notify_n_done (self);
    }
  _ed_case_touch (self);
}

/**
 * ed_case_set_item_done:
 *
 * Like ed_case_set_item_done_in(), in the current procedure.
 */
void
ed_case_set_item_done (EdCase      *self,
                       EdTraveller *traveller,
                       const char  *step_id,
                       const char  *item_id,
                       gboolean     done)
{
  g_return_if_fail (ED_IS_CASE (self));

  ed_case_set_item_done_in (self, ed_case_get_procedure_id (self), traveller, step_id, item_id,
                            done);
}

/**
 * ed_case_get_date_done:
 * @traveller: (nullable): the traveller the date is for, or %NULL for
 *   the whole case
 * @rule_id: the id of the procedure's date rule (`periods[].id`)
 *
 * Returns: whether staff marked this date of the timeline done
 */
gboolean
ed_case_get_date_done (EdCase      *self,
                       const char  *procedure_id,
                       EdTraveller *traveller,
                       const char  *rule_id)
{
  return ed_case_get_item_done_in (self, procedure_id, traveller, ED_CASE_DATES_STEP, rule_id);
}

void
ed_case_set_date_done (EdCase      *self,
                       const char  *procedure_id,
                       EdTraveller *traveller,
                       const char  *rule_id,
                       gboolean     done)
{
  ed_case_set_item_done_in (self, procedure_id, traveller, ED_CASE_DATES_STEP, rule_id, done);
}

/**
 * ed_case_count_done:
 *
 * Returns: how many checklist items are ticked, in every procedure;
 *   dates marked done are not counted
 */
guint
ed_case_count_done (EdCase *self)
{
  GPtrArray *ticks;
  guint n = 0;

  g_return_val_if_fail (ED_IS_CASE (self), 0);

  ticks = _ed_case_ticks (self);
  for (guint i = 0; i < ticks->len; i++)
    n += strcmp (((EdCaseTick *) g_ptr_array_index (ticks, i))->step_id,
                 ED_CASE_DATES_STEP) != 0;

  return n;
}

/**
 * ed_case_get_ticks:
 *
 * Returns: (transfer none) (element-type EdCaseTick): the ticked items
 *   and the dates marked done, in the order they were ticked; do not
 *   change it
 */
GPtrArray *
ed_case_get_ticks (EdCase *self)
{
  g_return_val_if_fail (ED_IS_CASE (self), NULL);
  return _ed_case_ticks (self);
}

static void
drop_ticks_where (EdCase      *self,
                  EdTraveller *traveller,
                  const char  *procedure_id)
{
  GPtrArray *ticks = _ed_case_ticks (self);
  guint n_done = ticks->len;

  for (guint i = ticks->len; i > 0; i--)
    {
      EdCaseTick *tick = g_ptr_array_index (ticks, i - 1);

      if (procedure_id != NULL ? strcmp (tick->procedure_id, procedure_id) == 0
                               : tick->traveller == traveller)
        g_ptr_array_remove_index (ticks, i - 1);
    }

  if (n_done != ticks->len)
    _ed_case_notify_n_done (self);
}

/* Ticks of a traveller who leaves the case go with them. */
void
_ed_case_drop_ticks (EdCase      *self,
                     EdTraveller *traveller)
{
  drop_ticks_where (self, traveller, NULL);
}

/* And those of a procedure taken out of the journey. */
void
_ed_case_drop_procedure_ticks (EdCase     *self,
                               const char *procedure_id)
{
  drop_ticks_where (self, NULL, procedure_id);
}

/* A procedure replaced by another keeps its checklist. */
void
_ed_case_rename_ticks (EdCase     *self,
                       const char *procedure_id,
                       const char *new_id)
{
  GPtrArray *ticks = _ed_case_ticks (self);

  for (guint i = 0; i < ticks->len; i++)
    {
      EdCaseTick *tick = g_ptr_array_index (ticks, i);

      if (strcmp (tick->procedure_id, procedure_id) == 0)
        {
          g_free (tick->procedure_id);
          tick->procedure_id = g_strdup (new_id);
        }
    }
}

gboolean
_ed_case_ticks_equal (EdCase *self,
                      EdCase *other)
{
  GPtrArray *ticks = _ed_case_ticks (self);

  if (ticks->len != _ed_case_ticks (other)->len)
    return FALSE;

  for (guint i = 0; i < ticks->len; i++)
    {
      EdCaseTick *tick = g_ptr_array_index (ticks, i);
      EdTraveller *traveller = NULL;
      int position = ed_case_find_traveller (self, tick->traveller);
      int j;

      if (position >= 0)
        traveller = ed_case_get_traveller (other, (guint) position);
      j = find_tick (other, tick->procedure_id, traveller, tick->step_id, tick->item_id);
      if (j < 0 ||
          ((EdCaseTick *) g_ptr_array_index (_ed_case_ticks (other), j))->done_at != tick->done_at)
        return FALSE;
    }

  return TRUE;
}
