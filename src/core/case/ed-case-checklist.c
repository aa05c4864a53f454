/* ed-case-checklist.c — which checklist items of a case are done
 *
 * An item is done for the whole case or for one traveller: HER-SYS
 * registers each person of a family, a hotel booking is done once.
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

  g_free (tick->step_id);
  g_free (tick->item_id);
  g_free (tick);
}

static int
find_tick (EdCase      *self,
           EdTraveller *traveller,
           const char  *step_id,
           const char  *item_id)
{
  for (guint i = 0; i < _ed_case_ticks (self)->len; i++)
    {
      EdCaseTick *tick = g_ptr_array_index (_ed_case_ticks (self), i);

      if (tick->traveller == traveller &&
          strcmp (tick->step_id, step_id) == 0 &&
          strcmp (tick->item_id, item_id) == 0)
        return (int) i;
    }

  return -1;
}

/**
 * ed_case_get_item_done:
 * @traveller: (nullable): one of the case's travellers, or %NULL for the
 *   whole case
 */
gboolean
ed_case_get_item_done (EdCase      *self,
                       EdTraveller *traveller,
                       const char  *step_id,
                       const char  *item_id)
{
  g_return_val_if_fail (ED_IS_CASE (self), FALSE);
  g_return_val_if_fail (step_id != NULL && item_id != NULL, FALSE);

  return find_tick (self, traveller, step_id, item_id) >= 0;
}

void
ed_case_add_tick (EdCase      *self,
                   EdTraveller *traveller,
                   const char  *step_id,
                   const char  *item_id,
                   gint64       done_at)
{
  EdCaseTick *tick = g_new0 (EdCaseTick, 1);

  tick->traveller = traveller;
  tick->step_id = g_strdup (step_id);
  tick->item_id = g_strdup (item_id);
  tick->done_at = done_at;
  g_ptr_array_add (_ed_case_ticks (self), tick);
  _ed_case_notify_n_done (self);
}

/**
 * ed_case_set_item_done:
 * @traveller: (nullable): one of the case's travellers, or %NULL when the
 *   item is done once for the whole case
 *
 * Ticks or unticks one checklist item of a step.
 */
void
ed_case_set_item_done (EdCase      *self,
                       EdTraveller *traveller,
                       const char  *step_id,
                       const char  *item_id,
                       gboolean     done)
{
  int index;

  g_return_if_fail (ED_IS_CASE (self));
  g_return_if_fail (step_id != NULL && item_id != NULL);
  g_return_if_fail (traveller == NULL || ed_case_find_traveller (self, traveller) >= 0);

  index = find_tick (self, traveller, step_id, item_id);
  if ((index >= 0) == !!done)
    return;

  if (done)
    {
      ed_case_add_tick (self, traveller, step_id, item_id, ed_case_now ());
    }
  else
    {
      g_ptr_array_remove_index (_ed_case_ticks (self), (guint) index);
      _ed_case_notify_n_done (self);
    }
  _ed_case_touch (self);
}

guint
ed_case_count_done (EdCase *self)
{
  g_return_val_if_fail (ED_IS_CASE (self), 0);
  return _ed_case_ticks (self)->len;
}

/**
 * ed_case_get_ticks:
 *
 * Returns: (transfer none) (element-type EdCaseTick): the ticked items,
 *   in the order they were ticked; do not change it
 */
GPtrArray *
ed_case_get_ticks (EdCase *self)
{
  g_return_val_if_fail (ED_IS_CASE (self), NULL);
  return _ed_case_ticks (self);
}

/* Ticks of a traveller who leaves the case go with them. */
void
_ed_case_drop_ticks (EdCase      *self,
                     EdTraveller *traveller)
{
  GPtrArray *ticks = _ed_case_ticks (self);
  guint n_done = ticks->len;

  for (guint i = ticks->len; i > 0; i--)
    if (((EdCaseTick *) g_ptr_array_index (ticks, i - 1))->traveller == traveller)
      g_ptr_array_remove_index (ticks, i - 1);

  if (n_done != ticks->len)
    _ed_case_notify_n_done (self);
}

gboolean
_ed_case_ticks_equal (EdCase *self,
                      EdCase *other)
{
  if (_ed_case_ticks (self)->len != _ed_case_ticks (other)->len)
    return FALSE;

  for (guint i = 0; i < _ed_case_ticks (self)->len; i++)
    {
      EdCaseTick *tick = g_ptr_array_index (_ed_case_ticks (self), i);
      EdTraveller *traveller = NULL;
      int position = ed_case_find_traveller (self, tick->traveller);
      int j;

      if (position >= 0)
        traveller = ed_case_get_traveller (other, (guint) position);
      j = find_tick (other, traveller, tick->step_id, tick->item_id);
      if (j < 0 ||
          ((EdCaseTick *) g_ptr_array_index (_ed_case_ticks (other), j))->done_at != tick->done_at)
        return FALSE;
    }

  return TRUE;
}
