/* ed-store-sqlite-cases.c — cases in and out of their tables
 *
 * Callers hold the writer connection and wrap these in a transaction:
 * a case is always written whole, with its travellers, checklist and
 * search row, or not at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-case-reference.h"
#include "ed-error.h"
#include "ed-json-guard.h"
#include "ed-search-text.h"
#include "ed-store-sqlite-private.h"

/* Tries this many random references before giving up: with 30 bits
 * and even a million cases, a second collision in a row is 1 in 10^6. */
#define MAX_REFERENCE_TRIES 16

gboolean
_ed_store_sqlite_index_case (sqlite3     *db,
                             gint64       id,
                             const char  *reference,
                             GPtrArray   *travellers,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) remove = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) link = NULL;
  g_autofree char *text = ed_search_case_tokens (reference, travellers);

  remove = _ed_sql_prepare (db, "DELETE FROM case_search WHERE rowid = "
                                "(SELECT search_rowid FROM cases WHERE id = ?1)", error);
  insert = _ed_sql_prepare (db, "INSERT INTO case_search (case_id, tokens) VALUES (?1, ?2)",
                            error);
  link = _ed_sql_prepare (db, "UPDATE cases SET search_rowid = ?2 WHERE id = ?1", error);
  if (remove == NULL || insert == NULL || link == NULL)
    return FALSE;

  sqlite3_bind_int64 (remove, 1, id);
  sqlite3_bind_int64 (insert, 1, id);
  sqlite3_bind_text (insert, 2, text, -1, SQLITE_STATIC);
  if (!_ed_sql_step_done (remove, error) || !_ed_sql_step_done (insert, error))
    return FALSE;

  sqlite3_bind_int64 (link, 1, id);
  sqlite3_bind_int64 (link, 2, sqlite3_last_insert_rowid (db));
  return _ed_sql_step_done (link, error);
}

/* The columns a list shows of the next deadline; NULL for none. */
static void
bind_next_due (sqlite3_stmt    *stmt,
               int              first,
               const EdNextDue *next)
{
  if (next->due_at != 0)
    {
      sqlite3_bind_int64 (stmt, first, next->due_at);
      sqlite3_bind_int64 (stmt, first + 1, next->end_at);
    }
  else
    {
      sqlite3_bind_null (stmt, first);
      sqlite3_bind_null (stmt, first + 1);
    }
  _ed_sql_bind_text (stmt, first + 2, next->when);
  _ed_sql_bind_text (stmt, first + 3, next->procedure_id);
  _ed_sql_bind_text (stmt, first + 4, next->rule_id);
}

/**
 * _ed_store_sqlite_write_due:
 * @deadlines: (element-type EdDeadline): the case's deadlines
 * @progress: (nullable): how far the case is; %NULL for not known
 *
 * Replaces the next deadline, the deadlines and the progress of case
 * @id, and nothing else. %ED_ERROR_NOT_FOUND when there is no such case.
 */
gboolean
_ed_store_sqlite_write_due (sqlite3               *db,
                            gint64                 id,
                            const EdNextDue       *next,
                            GArray                *deadlines,
                            const EdCaseProgress  *progress,
                            GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) clear = NULL;
  g_autoptr(sqlite3_stmt) add = NULL;

  stmt = _ed_sql_prepare (db, "UPDATE cases SET next_due_at = ?2, next_due_end = ?3, "
                              "next_due = ?4, next_due_procedure = ?5, next_due_rule = ?6, "
                              "n_steps = ?7, step = ?8 WHERE id = ?1", error);
  clear = _ed_sql_prepare (db, "DELETE FROM case_deadlines WHERE case_id = ?1", error);
  add = _ed_sql_prepare (db, "INSERT INTO case_deadlines (case_id, traveller, procedure_id, "
                             "rule_id, due_at, end_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL || clear == NULL || add == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  bind_next_due (stmt, 2, next);
  if (progress != NULL)
    {
      sqlite3_bind_int (stmt, 7, (int) progress->n_steps);
      sqlite3_bind_int (stmt, 8, (int) progress->step);
    }
  if (!_ed_sql_step_done (stmt, error))
    return FALSE;
  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_NOT_FOUND, _("There is no such case"));
      return FALSE;
    }

  sqlite3_bind_int64 (clear, 1, id);
  if (!_ed_sql_step_done (clear, error))
    return FALSE;
  for (guint i = 0; deadlines != NULL && i < deadlines->len; i++)
    {
      const EdDeadline *deadline = &g_array_index (deadlines, EdDeadline, i);

      sqlite3_reset (add);
      sqlite3_bind_int64 (add, 1, id);
      sqlite3_bind_int (add, 2, (int) deadline->traveller);
      sqlite3_bind_text (add, 3, deadline->procedure_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (add, 4, deadline->rule_id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (add, 5, deadline->due_at);
      sqlite3_bind_int64 (add, 6, deadline->end_at);
      if (!_ed_sql_step_done (add, error))
        return FALSE;
    }

  return TRUE;
}

/* Deletes the rows of the case in each of @tables. */
static gboolean
clear_rows (sqlite3             *db,
            gint64               id,
            const char * const  *tables,
            GError             **error)
{
  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE case_id = ?1", tables[i]);
      g_autoptr(sqlite3_stmt) stmt = _ed_sql_prepare (db, sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!_ed_sql_step_done (stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_procedures (sqlite3       *db,
                  EdCaseRecord  *record,
                  GError       **error)
{
  g_autoptr(sqlite3_stmt) add = NULL;

  add = _ed_sql_prepare (db, "INSERT INTO case_procedures (case_id, position, procedure_id, "
                             "procedure_version) VALUES (?1, ?2, ?3, ?4)", error);
  if (add == NULL)
    return FALSE;

  for (guint i = 0; i < record->procedures->len; i++)
    {
      const EdCaseProcedure *procedure = g_ptr_array_index (record->procedures, i);

      sqlite3_reset (add);
      sqlite3_bind_int64 (add, 1, record->id);
      sqlite3_bind_int (add, 2, (int) i);
      sqlite3_bind_text (add, 3, procedure->id, -1, SQLITE_STATIC);
      sqlite3_bind_int (add, 4, procedure->version);
      if (!_ed_sql_step_done (add, error))
        return FALSE;
    }

  return TRUE;
}

/* Travellers, journey, checklist, the columns a list shows, the search
 * row. */
static gboolean
write_contents (sqlite3       *db,
                EdCaseRecord  *record,
                GError       **error)
{
  static const char * const tables[] = { "travellers", "checklist", "case_procedures", NULL };
  g_autoptr(sqlite3_stmt) add_traveller = NULL;
  g_autoptr(sqlite3_stmt) add_tick = NULL;
  g_autoptr(sqlite3_stmt) summary = NULL;
  g_autoptr(EdCaseInfo) info = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *procedures = NULL;

  /* A record made by hand with one procedure: its journey of one. */
  ed_case_record_ensure_journey (record);

  add_traveller = _ed_sql_prepare (db, "INSERT INTO travellers (case_id, position, data) "
                                       "VALUES (?1, ?2, ?3)", error);
  add_tick = _ed_sql_prepare (db, "INSERT INTO checklist (case_id, traveller, procedure_id, "
                                  "step_id, item_id, done_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error);
  summary = _ed_sql_prepare (db, "UPDATE cases SET names = ?2, n_travellers = ?3, n_done = ?4, "
                                 "procedures = ?5, native_name = ?6 WHERE id = ?1", error);
  if (add_traveller == NULL || add_tick == NULL || summary == NULL ||
      !clear_rows (db, record->id, tables, error) || !write_procedures (db, record, error))
    return FALSE;

  for (guint i = 0; i < record->travellers->len; i++)
    {
      g_autoptr(JsonNode) node = ed_traveller_to_json (g_ptr_array_index (record->travellers, i));
      g_autofree char *data = json_to_string (node, FALSE);

      sqlite3_reset (add_traveller);
      sqlite3_bind_int64 (add_traveller, 1, record->id);
      sqlite3_bind_int (add_traveller, 2, (int) i);
      sqlite3_bind_text (add_traveller, 3, data, -1, SQLITE_STATIC);
      if (!_ed_sql_step_done (add_traveller, error))
        return FALSE;
    }

  for (guint i = 0; i < record->ticks->len; i++)
    {
      EdRecordTick *tick = &g_array_index (record->ticks, EdRecordTick, i);

      sqlite3_reset (add_tick);
      sqlite3_bind_int64 (add_tick, 1, record->id);
      sqlite3_bind_int (add_tick, 2, tick->traveller);
      sqlite3_bind_text (add_tick, 3, tick->procedure_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (add_tick, 4, tick->step_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (add_tick, 5, tick->item_id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (add_tick, 6, tick->done_at);
      if (!_ed_sql_step_done (add_tick, error))
        return FALSE;
    }

  /* What a list shows, kept beside the case so that a list reads one
   * row a case. */
  info = ed_case_record_to_info (record);
  joined = g_strjoinv ("\n", (char **) ed_case_info_get_names (info));
  procedures = g_strjoinv ("\n", (char **) ed_case_info_get_procedure_ids (info));
  sqlite3_bind_int64 (summary, 1, record->id);
  sqlite3_bind_text (summary, 2, joined, -1, SQLITE_STATIC);
  sqlite3_bind_int (summary, 3, (int) ed_case_info_get_n_travellers (info));
  sqlite3_bind_int (summary, 4, (int) ed_case_info_get_n_done (info));
  sqlite3_bind_text (summary, 5, procedures, -1, SQLITE_STATIC);
  _ed_sql_bind_text (summary, 6, ed_case_info_get_native_name (info));
  if (!_ed_sql_step_done (summary, error))
    return FALSE;
  /* Without a catalog, EdStore could not work it out: the stored one
   * stays. */
  if (record->next_due_known &&
      !_ed_store_sqlite_write_due (db, record->id, &record->next_due, record->deadlines,
                                   record->progress_known ? &record->progress : NULL, error))
    return FALSE;

  return _ed_store_sqlite_index_case (db, record->id, record->reference, record->travellers,
                                      error);
}

static void
bind_state (sqlite3_stmt *stmt,
            EdCaseRecord *record)
{
  _ed_sql_bind_text (stmt, 2, record->procedure_id);
  sqlite3_bind_int (stmt, 3, record->procedure_version);
  _ed_sql_bind_text (stmt, 4, record->current_step);
  _ed_sql_bind_text (stmt, 5, ed_case_status_to_string (record->status));
  if (record->status == ED_CASE_CLOSED)
    sqlite3_bind_int64 (stmt, 6, record->closed);
  else
    sqlite3_bind_null (stmt, 6);
  sqlite3_bind_int64 (stmt, 7, record->modified);
  _ed_sql_bind_text (stmt, 8, record->notes);
  _ed_sql_bind_text (stmt, 9, record->journey_id);
}

static gboolean
reference_taken (sqlite3     *db,
                 const char  *reference,
                 gboolean    *taken,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _ed_sql_prepare (db, "SELECT 1 FROM cases WHERE reference = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _ed_sql_set_error (error, db, rc);
      return FALSE;
    }

  *taken = rc == SQLITE_ROW;
  return TRUE;
}

/**
 * _ed_store_sqlite_insert_record:
 * @new_reference: give the case a new reference even if it has one;
 *   without, %ED_ERROR_EXISTS when another case has the record's
 *
 * Inserts a case, with its sheet log when it comes from a file. Sets
 * @record's id, and its reference when it gets a new one.
 */
gboolean
_ed_store_sqlite_insert_record (sqlite3       *db,
                                EdCaseRecord  *record,
                                gboolean       new_reference,
                                GError       **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  gboolean taken = FALSE;
  int rc = SQLITE_CONSTRAINT;

  if (!new_reference && record->reference != NULL)
    {
      if (!reference_taken (db, record->reference, &taken, error))
        return FALSE;
      if (taken)
        {
          g_autofree char *shown = ed_case_reference_format (record->reference);

          g_set_error (error, ED_ERROR, ED_ERROR_EXISTS,
                       _("The case %s is already in the store. Nothing was imported; import "
                         "it as a new case to keep both."), shown);
          return FALSE;
        }
    }

  insert = _ed_sql_prepare (db, "INSERT INTO cases (reference, procedure_id, procedure_version, "
                                "current_step, status, closed, modified, notes, journey_id, "
                                "created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                            error);
  if (insert == NULL)
    return FALSE;

  bind_state (insert, record);
  sqlite3_bind_int64 (insert, 10, record->created);

  for (guint tries = 0; tries < MAX_REFERENCE_TRIES; tries++)
    {
      if (new_reference || record->reference == NULL)
        {
          g_free (record->reference);
          record->reference = ed_case_reference_generate ();
        }
      sqlite3_reset (insert);
      sqlite3_bind_text (insert, 1, record->reference, -1, SQLITE_STATIC);
      rc = sqlite3_step (insert);
      if (rc != SQLITE_CONSTRAINT || !new_reference)
        break;
    }
  if (!_ed_sql_finished (db, rc, error))
    return FALSE;

  record->id = sqlite3_last_insert_rowid (db);
  for (guint i = 0; i < record->sheets->len; i++)
    if (!_ed_store_sqlite_insert_sheet (db, record->id, g_ptr_array_index (record->sheets, i),
                                        error))
      return FALSE;

  return write_contents (db, record, error);
}

/**
 * _ed_store_sqlite_update_record:
 *
 * Writes a case the store already has. %ED_ERROR_NOT_FOUND when the case
 * was deleted in the meantime: nothing is written.
 */
gboolean
_ed_store_sqlite_update_record (sqlite3       *db,
                                EdCaseRecord  *record,
                                GError       **error)
{
  g_autoptr(sqlite3_stmt) update = NULL;

  update = _ed_sql_prepare (db, "UPDATE cases SET procedure_id = ?2, procedure_version = ?3, "
                                "current_step = ?4, status = ?5, closed = ?6, modified = ?7, "
                                "notes = ?8, journey_id = ?9 WHERE id = ?1", error);
  if (update == NULL)
    return FALSE;

  sqlite3_bind_int64 (update, 1, record->id);
  bind_state (update, record);
  if (!_ed_sql_step_done (update, error))
    return FALSE;
  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_NOT_FOUND, _("The case was deleted"));
      return FALSE;
    }

  return write_contents (db, record, error);
}

GPtrArray *
_ed_store_sqlite_read_travellers (sqlite3  *db,
                                  gint64    id,
                                  GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) travellers = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  stmt = _ed_sql_prepare (db, "SELECT data FROM travellers WHERE case_id = ?1 ORDER BY position",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GError) local_error = NULL;
      EdTraveller *traveller;

      const char *data = _ed_sql_column_text (stmt, 0);

      if (data == NULL)
        data = "";
      node = ed_json_guard_parse (data, strlen (data), ED_JSON_MAX_SIZE, "data", &local_error);
      traveller = node != NULL ? ed_traveller_new_from_json (node, &local_error) : NULL;
      if (traveller == NULL)
        {
          g_autofree char *which = g_strdup_printf ("%" G_GINT64_FORMAT, id);

          g_set_error (error, ED_ERROR, ED_ERROR_CORRUPT,
                       _("The case database is damaged: a traveller of case %s cannot be read "
                         "(%s)"), which, local_error->message);
          return NULL;
        }
      g_ptr_array_add (travellers, traveller);
    }
  if (!_ed_sql_finished (db, rc, error))
    return NULL;

  return g_steal_pointer (&travellers);
}

static gboolean
read_ticks (sqlite3       *db,
            EdCaseRecord  *record,
            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _ed_sql_prepare (db, "SELECT traveller, procedure_id, step_id, item_id, done_at "
                              "FROM checklist WHERE case_id = ?1 "
                              "ORDER BY done_at, traveller, procedure_id, step_id, item_id",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record->id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EdRecordTick tick = {
        .traveller = sqlite3_column_int (stmt, 0),
        .procedure_id = g_strdup (_ed_sql_column_text (stmt, 1)),
        .step_id = g_strdup (_ed_sql_column_text (stmt, 2)),
        .item_id = g_strdup (_ed_sql_column_text (stmt, 3)),
        .done_at = sqlite3_column_int64 (stmt, 4),
      };

      g_array_append_val (record->ticks, tick);
    }
  if (!_ed_sql_finished (db, rc, error))
    return FALSE;

  return TRUE;
}

static gboolean
read_procedures (sqlite3       *db,
                 EdCaseRecord  *record,
                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _ed_sql_prepare (db, "SELECT procedure_id, procedure_version FROM case_procedures "
                              "WHERE case_id = ?1 ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record->id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ed_case_record_add_procedure (record, _ed_sql_column_text (stmt, 0),
                                  sqlite3_column_int (stmt, 1));

  return _ed_sql_finished (db, rc, error);
}

EdCaseRecord *
_ed_store_sqlite_read_record (sqlite3  *db,
                              gint64    id,
                              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(EdCaseRecord) record = ed_case_record_new ();
  g_autoptr(GPtrArray) travellers = NULL;
  int rc;

  stmt = _ed_sql_prepare (db, "SELECT reference, procedure_id, procedure_version, current_step, "
                              "status, closed, created, modified, notes, journey_id FROM cases "
                              "WHERE id = ?1 AND trashed IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_NOT_FOUND, _("There is no such case"));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _ed_sql_set_error (error, db, rc);
      return NULL;
    }

  record->id = id;
  record->reference = g_strdup (_ed_sql_column_text (stmt, 0));
  record->procedure_id = g_strdup (_ed_sql_column_text (stmt, 1));
  record->procedure_version = sqlite3_column_int (stmt, 2);
  record->current_step = g_strdup (_ed_sql_column_text (stmt, 3));
  ed_case_status_from_string (_ed_sql_column_text (stmt, 4), &record->status);
  record->closed = sqlite3_column_int64 (stmt, 5);
  record->created = sqlite3_column_int64 (stmt, 6);
  record->modified = sqlite3_column_int64 (stmt, 7);
  record->notes = g_strdup (_ed_sql_column_text (stmt, 8));
  record->journey_id = g_strdup (_ed_sql_column_text (stmt, 9));

  if (!read_procedures (db, record, error))
    return NULL;
  ed_case_record_ensure_journey (record);

  travellers = _ed_store_sqlite_read_travellers (db, id, error);
  if (travellers == NULL)
    return NULL;
  g_ptr_array_extend_and_steal (record->travellers, g_steal_pointer (&travellers));

  if (!read_ticks (db, record, error))
    return NULL;

  return g_steal_pointer (&record);
}

gboolean
_ed_store_sqlite_insert_sheet (sqlite3              *db,
                               gint64                id,
                               const EdSheetRecord  *sheet,
                               GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *languages = g_strjoinv (",", sheet->languages);

  stmt = _ed_sql_prepare (db, "INSERT INTO sheet_log (case_id, at, kind, procedure_id, "
                              "procedure_version, languages, paper, journey, printed_user, "
                              "office) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, sheet->at);
  sqlite3_bind_text (stmt, 3, ed_sheet_kind_to_string (sheet->kind), -1, SQLITE_STATIC);
  _ed_sql_bind_text (stmt, 4, sheet->procedure_id);
  sqlite3_bind_int (stmt, 5, sheet->procedure_version);
  sqlite3_bind_text (stmt, 6, languages, -1, SQLITE_STATIC);
  _ed_sql_bind_text (stmt, 7, sheet->paper);
  sqlite3_bind_int (stmt, 8, sheet->journey != FALSE);
  _ed_sql_bind_text (stmt, 9, sheet->user);
  _ed_sql_bind_text (stmt, 10, sheet->office);

  return _ed_sql_step_done (stmt, error);
}

GPtrArray *
_ed_store_sqlite_read_sheets (sqlite3  *db,
                              gint64    id,
                              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  int rc;

  stmt = _ed_sql_prepare (db, "SELECT at, kind, procedure_id, procedure_version, languages, "
                              "paper, journey, printed_user, office FROM sheet_log "
                              "WHERE case_id = ?1 ORDER BY at, id",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_sheet_record_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EdSheetRecord *sheet = g_new0 (EdSheetRecord, 1);

      sheet->at = sqlite3_column_int64 (stmt, 0);
      ed_sheet_kind_from_string (_ed_sql_column_text (stmt, 1), &sheet->kind);
      sheet->procedure_id = g_strdup (_ed_sql_column_text (stmt, 2));
      sheet->procedure_version = sqlite3_column_int (stmt, 3);
      sheet->languages = g_strsplit (_ed_sql_column_text (stmt, 4), ",", -1);
      sheet->paper = g_strdup (_ed_sql_column_text (stmt, 5));
      sheet->journey = sqlite3_column_int (stmt, 6) != 0;
      sheet->user = g_strdup (_ed_sql_column_text (stmt, 7));
      sheet->office = g_strdup (_ed_sql_column_text (stmt, 8));
      g_ptr_array_add (sheets, sheet);
    }
  if (!_ed_sql_finished (db, rc, error))
    return NULL;

  return g_steal_pointer (&sheets);
}
