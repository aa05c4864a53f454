/* ed-case-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ed-case-backend.h"
#include "ed-case-info-private.h"
#include "ed-case-record.h"

static void
tick_clear (gpointer data)
{
  EdRecordTick *tick = data;

  g_free (tick->step_id);
  g_free (tick->item_id);
}

EdCaseRecord *
ed_case_record_new (void)
{
  EdCaseRecord *record = g_new0 (EdCaseRecord, 1);

  record->travellers = g_ptr_array_new_with_free_func (g_object_unref);
  record->ticks = g_array_new (FALSE, TRUE, sizeof (EdRecordTick));
  g_array_set_clear_func (record->ticks, tick_clear);
  record->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_sheet_record_free);

  return record;
}

void
ed_case_record_free (EdCaseRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->reference);
  g_free (record->procedure_id);
  g_free (record->current_step);
  g_free (record->notes);
  g_ptr_array_unref (record->travellers);
  g_array_unref (record->ticks);
  g_ptr_array_unref (record->sheets);
  g_free (record);
}

/**
 * ed_case_record_new_from_case:
 *
 * Copies everything of @kase, travellers included, so that the record
 * can go to another thread while the case is edited on.
 */
EdCaseRecord *
ed_case_record_new_from_case (EdCase *kase)
{
  EdCaseRecord *record = ed_case_record_new ();
  GPtrArray *ticks;
  guint n;

  record->id = ed_case_get_id (kase);
  record->reference = g_strdup (ed_case_get_canonical_reference (kase));
  record->procedure_id = g_strdup (ed_case_get_procedure_id (kase));
  record->procedure_version = ed_case_get_procedure_version (kase);
  record->current_step = g_strdup (ed_case_get_current_step (kase));
  record->status = ed_case_get_status (kase);
  record->closed = ed_case_get_closed (kase);
  record->created = ed_case_get_created (kase);
  record->modified = ed_case_get_modified (kase);
  record->notes = g_strdup (ed_case_get_notes (kase));

  n = ed_case_get_n_travellers (kase);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (record->travellers, ed_traveller_copy (ed_case_get_traveller (kase, i)));

  ticks = ed_case_get_ticks (kase);
  for (guint i = 0; i < ticks->len; i++)
    {
      EdCaseTick *tick = g_ptr_array_index (ticks, i);
      EdRecordTick copy = {
        .traveller = ed_case_find_traveller (kase, tick->traveller),
        .step_id = g_strdup (tick->step_id),
        .item_id = g_strdup (tick->item_id),
        .done_at = tick->done_at,
      };

      g_array_append_val (record->ticks, copy);
    }

  return record;
}

/**
 * ed_case_record_to_case:
 *
 * Returns: (transfer full): a case holding the record's data; the
 *   travellers are the record's own, so use the record no more.
 */
EdCase *
ed_case_record_to_case (EdCaseRecord *record)
{
  EdCase *kase = ed_case_new (record->procedure_id, record->procedure_version);

  ed_case_set_identity (kase, record->id, record->reference);
  ed_case_set_current_step (kase, record->current_step);
  ed_case_set_status (kase, record->status);
  ed_case_set_notes (kase, record->notes);
  for (guint i = 0; i < record->travellers->len; i++)
    ed_case_add_traveller (kase, g_ptr_array_index (record->travellers, i));

  for (guint i = 0; i < record->ticks->len; i++)
    {
      EdRecordTick *tick = &g_array_index (record->ticks, EdRecordTick, i);
      EdTraveller *traveller = NULL;

      if (tick->traveller >= 0)
        traveller = ed_case_get_traveller (kase, (guint) tick->traveller);
      if (tick->traveller < 0 || traveller != NULL)
        ed_case_add_tick (kase, traveller, tick->step_id, tick->item_id, tick->done_at);
    }

  /* Last: adding travellers above made the case look just changed. */
  ed_case_set_times (kase, record->created, record->modified, record->closed);

  return kase;
}

/**
 * ed_case_record_dup_names:
 *
 * Returns: (transfer full): the travellers' display names, without the
 *   empty ones, as a case list shows them
 */
char **
ed_case_record_dup_names (EdCaseRecord *record)
{
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; i < record->travellers->len; i++)
    {
      char *name = ed_traveller_dup_display_name (g_ptr_array_index (record->travellers, i));

      if (*name == '\0')
        g_free (name);
      else
        g_ptr_array_add (names, name);
    }
  g_ptr_array_add (names, NULL);

  return (char **) g_ptr_array_free (names, FALSE);
}

/**
 * ed_case_record_to_info:
 *
 * What a list shows of the case: every backend makes its rows so, and
 * one that keeps them beside the case computes them with this.
 *
 * Returns: (transfer full): the case as a list shows it
 */
EdCaseInfo *
ed_case_record_to_info (EdCaseRecord *record)
{
  EdCaseInfoData data = {
    .id = record->id,
    .reference = g_strdup (record->reference),
    .procedure_id = g_strdup (record->procedure_id),
    .procedure_version = record->procedure_version,
    .current_step = g_strdup (record->current_step),
    .status = record->status,
    .names = ed_case_record_dup_names (record),
    .n_travellers = record->travellers->len,
    .n_done = record->ticks->len,
    .created = record->created,
    .modified = record->modified,
    .closed = record->status == ED_CASE_CLOSED ? record->closed : 0,
  };

  return _ed_case_info_new (&data);
}

/**
 * ed_case_format_time:
 *
 * Returns: (transfer full): @seconds as the case file writes times:
 *   "2026-11-21T04:33:23Z"
 */
char *
ed_case_format_time (gint64 seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (seconds);

  return time != NULL ? g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ") : g_strdup ("");
}
