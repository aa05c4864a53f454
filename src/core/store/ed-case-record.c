/* ed-case-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ed-case-backend.h"
#include "ed-date.h"
#include "ed-case-info-private.h"
#include "ed-case-record.h"

static void
tick_clear (gpointer data)
{
  EdRecordTick *tick = data;

  g_free (tick->procedure_id);
  g_free (tick->step_id);
  g_free (tick->item_id);
}

static void
procedure_free (gpointer data)
{
  EdCaseProcedure *procedure = data;

  g_free (procedure->id);
  g_free (procedure);
}

EdCaseRecord *
ed_case_record_new (void)
{
  EdCaseRecord *record = g_new0 (EdCaseRecord, 1);

  record->travellers = g_ptr_array_new_with_free_func (g_object_unref);
  record->ticks = g_array_new (FALSE, TRUE, sizeof (EdRecordTick));
  g_array_set_clear_func (record->ticks, tick_clear);
  record->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_sheet_record_free);
  record->procedures = g_ptr_array_new_with_free_func (procedure_free);

  return record;
}

/**
 * ed_case_record_ensure_journey:
 *
 * A record read from where journeys were not kept (a format 1 case
 * file, an older store) holds its one procedure: the journey of one.
 * Ticks without a procedure are that procedure's.
 */
void
ed_case_record_ensure_journey (EdCaseRecord *record)
{
  if (record->procedure_id == NULL)
    return;

  if (record->procedures->len == 0)
    ed_case_record_add_procedure (record, record->procedure_id, record->procedure_version);

  for (guint i = 0; i < record->ticks->len; i++)
    {
      EdRecordTick *tick = &g_array_index (record->ticks, EdRecordTick, i);

      if (tick->procedure_id == NULL)
        tick->procedure_id = g_strdup (record->procedure_id);
    }
}

/**
 * ed_case_record_add_procedure:
 *
 * Appends a procedure to the record's journey; the first one added
 * becomes the current one unless @record names one already.
 */
void
ed_case_record_add_procedure (EdCaseRecord *record,
                              const char   *procedure_id,
                              int           procedure_version)
{
  EdCaseProcedure *procedure = g_new0 (EdCaseProcedure, 1);

  procedure->id = g_strdup (procedure_id);
  procedure->version = procedure_version;
  g_ptr_array_add (record->procedures, procedure);

  if (record->procedure_id == NULL)
    {
      record->procedure_id = g_strdup (procedure_id);
      record->procedure_version = procedure_version;
    }
}

void
ed_case_record_free (EdCaseRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->reference);
  g_free (record->procedure_id);
  g_free (record->journey_id);
  g_ptr_array_unref (record->procedures);
  ed_next_due_clear (&record->next_due);
  g_clear_pointer (&record->deadlines, g_array_unref);
  g_free (record->current_step);
  g_free (record->notes);
  g_free (record->changed_by);
  g_ptr_array_unref (record->travellers);
  g_array_unref (record->ticks);
  g_ptr_array_unref (record->sheets);
  g_free (record);
}

/**
 * ed_case_record_copy:
 *
 * Returns: (transfer full): a copy of @record that shares nothing with
 *   it, its sheet log included
 */
EdCaseRecord *
ed_case_record_copy (EdCaseRecord *record)
{
  EdCaseRecord *copy = ed_case_record_new ();

  copy->id = record->id;
  copy->reference = g_strdup (record->reference);
  copy->procedure_id = g_strdup (record->procedure_id);
  copy->procedure_version = record->procedure_version;
  copy->current_step = g_strdup (record->current_step);
  copy->status = record->status;
  copy->closed = record->closed;
  copy->created = record->created;
  copy->modified = record->modified;
  copy->notes = g_strdup (record->notes);
  copy->version = record->version;
  copy->changed_by = g_strdup (record->changed_by);
  /* The journey, and what was worked out of it: the offline queue and a
   * conflict's sides are copies, and a save of one writes them. */
  copy->journey_id = g_strdup (record->journey_id);
  for (guint i = 0; i < record->procedures->len; i++)
    {
      EdCaseProcedure *procedure = g_ptr_array_index (record->procedures, i);
      EdCaseProcedure *same = g_new0 (EdCaseProcedure, 1);

      same->id = g_strdup (procedure->id);
      same->version = procedure->version;
      g_ptr_array_add (copy->procedures, same);
    }
  ed_next_due_copy (&copy->next_due, &record->next_due);
  copy->deadlines = record->deadlines != NULL ? ed_deadlines_copy (record->deadlines) : NULL;
  copy->next_due_known = record->next_due_known;
  copy->progress = record->progress;
  copy->progress_known = record->progress_known;

  for (guint i = 0; i < record->travellers->len; i++)
    g_ptr_array_add (copy->travellers,
                     ed_traveller_copy (g_ptr_array_index (record->travellers, i)));

  for (guint i = 0; i < record->ticks->len; i++)
    {
      EdRecordTick *tick = &g_array_index (record->ticks, EdRecordTick, i);
      EdRecordTick same = {
        .traveller = tick->traveller,
        .procedure_id = g_strdup (tick->procedure_id),
        .step_id = g_strdup (tick->step_id),
        .item_id = g_strdup (tick->item_id),
        .done_at = tick->done_at,
      };

      g_array_append_val (copy->ticks, same);
    }

  for (guint i = 0; i < record->sheets->len; i++)
    {
      const EdSheetRecord *sheet = g_ptr_array_index (record->sheets, i);

      g_ptr_array_add (copy->sheets, ed_sheet_record_copy (sheet));
    }

  return copy;
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
  record->journey_id = g_strdup (ed_case_get_journey_id (kase));
  for (guint i = 0; i < ed_case_get_n_procedures (kase); i++)
    {
      const EdCaseProcedure *procedure = ed_case_get_procedure (kase, i);

      ed_case_record_add_procedure (record, procedure->id, procedure->version);
    }
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
        .procedure_id = g_strdup (tick->procedure_id),
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

  /* The journey in its order, then the current one again: adding moves
   * nothing but the list. */
  for (guint i = 0; i < record->procedures->len; i++)
    {
      const EdCaseProcedure *procedure = g_ptr_array_index (record->procedures, i);

      if (i == 0)
        ed_case_set_procedure (kase, procedure->id, procedure->version);
      else
        ed_case_add_procedure (kase, procedure->id, procedure->version, -1);
    }
  if (record->procedures->len > 0)
    ed_case_set_procedure (kase, record->procedure_id, record->procedure_version);
  ed_case_set_journey_id (kase, record->journey_id);
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
        ed_case_add_tick (kase, traveller, tick->procedure_id, tick->step_id, tick->item_id,
                          tick->done_at);
    }

  /* Last: adding travellers above made the case look just changed. */
  ed_case_set_times (kase, record->created, record->modified, record->closed);

  return kase;
}

/* Checklist items, not the dates marked done. */
static guint
count_done (EdCaseRecord *record)
{
  guint n = 0;

  for (guint i = 0; i < record->ticks->len; i++)
    n += g_strcmp0 (g_array_index (record->ticks, EdRecordTick, i).step_id,
                    ED_CASE_DATES_STEP) != 0;

  return n;
}

static char **
dup_procedure_ids (EdCaseRecord *record)
{
  char **ids = g_new0 (char *, record->procedures->len + 1);

  for (guint i = 0; i < record->procedures->len; i++)
    ids[i] = g_strdup (((EdCaseProcedure *) g_ptr_array_index (record->procedures, i))->id);

  return ids;
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
 * ed_case_list_native_name:
 * @travellers: (element-type EdTraveller): a case's travellers
 *
 * Returns: (transfer full) (nullable): what a case list shows beside the
 *   names: the first named traveller's name in their own script, when
 *   the names show another (a name in Latin letters); %NULL when there
 *   is none or it is the name shown already
 */
char *
ed_case_list_native_name (GPtrArray *travellers)
{
  for (guint i = 0; i < travellers->len; i++)
    {
      EdTraveller *traveller = g_ptr_array_index (travellers, i);
      g_autofree char *name = ed_traveller_dup_display_name (traveller);
      const char *native = ed_traveller_get (traveller, "native_name");

      if (*name == '\0')
        continue;
      if (native == NULL || *native == '\0' || g_strcmp0 (native, name) == 0)
        return NULL;
      return g_strdup (native);
    }

  return NULL;
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
    .native_name = ed_case_list_native_name (record->travellers),
    .n_travellers = record->travellers->len,
    .n_done = count_done (record),
    .journey_id = g_strdup (record->journey_id),
    .procedure_ids = dup_procedure_ids (record),
    .created = record->created,
    .modified = record->modified,
    .closed = record->status == ED_CASE_CLOSED ? record->closed : 0,
    .changed_by = g_strdup (record->changed_by),
  };

  ed_next_due_copy (&data.next_due, &record->next_due);
  data.progress = record->progress;
  data.progress_known = record->progress_known;
  return _ed_case_info_new (&data);
}

static gboolean
record_date_done (gpointer    data,
                  const char *procedure_id,
                  guint       traveller_index,
                  const char *rule_id)
{
  EdCaseRecord *record = data;

  for (guint i = 0; i < record->ticks->len; i++)
    {
      EdRecordTick *tick = &g_array_index (record->ticks, EdRecordTick, i);

      if ((tick->traveller < 0 || (guint) tick->traveller == traveller_index) &&
          g_strcmp0 (tick->procedure_id, procedure_id) == 0 &&
          g_strcmp0 (tick->step_id, ED_CASE_DATES_STEP) == 0 &&
          g_strcmp0 (tick->item_id, rule_id) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * ed_case_record_compute_timeline:
 *
 * The timeline of the case @record holds (ed_case_compute_timeline()),
 * from any thread.
 *
 * Returns: (transfer full): the timeline
 */
EdTimeline *
ed_case_record_compute_timeline (EdCaseRecord *record,
                                 EdCatalog    *catalog,
                                 GDateTime    *now,
                                 guint         soon_days)
{
  return ed_timeline_compute_in (catalog, record->travellers, record->procedures,
                                 record_date_done, record, now, soon_days);
}

/**
 * ed_case_record_update_next_due:
 *
 * Works out the case's next deadline for the lists (see #EdNextDue),
 * its deadlines for reminders (#EdDeadline) and how far it is in the
 * steps that apply (#EdCaseProgress), from any thread. A case whose
 * procedure the catalog lacks has no progress.
 */
void
ed_case_record_update_next_due (EdCaseRecord *record,
                                EdCatalog    *catalog)
{
  g_autoptr(GDateTime) now = ed_date_dup_now ();
  g_autoptr(EdTimeline) timeline = NULL;
  g_autoptr(EdProcedure) procedure = NULL;

  procedure = record->procedure_id != NULL
              ? ed_catalog_dup_procedure (catalog, record->procedure_id) : NULL;
  record->progress = (EdCaseProgress) { 0 };
  if (procedure != NULL)
    ed_case_progress_compute (&record->progress, procedure, record->travellers,
                              record->current_step);
  record->progress_known = procedure != NULL;

  timeline = ed_case_record_compute_timeline (record, catalog, now, ED_TIMELINE_SOON_DAYS);
  ed_next_due_set_from_entry (&record->next_due, ed_timeline_get_next (timeline));
  g_clear_pointer (&record->deadlines, g_array_unref);
  record->deadlines = ed_timeline_dup_deadlines (timeline);
  record->next_due_known = TRUE;
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
