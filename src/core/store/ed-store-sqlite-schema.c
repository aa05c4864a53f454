/* ed-store-sqlite-schema.c — the tables of the case store and their migrations
 *
 * PRAGMA user_version is the schema version. A database is brought to
 * ED_STORE_SCHEMA_VERSION by running every step above its version, in
 * one transaction: a migration that fails leaves the file as it was.
 * Steps are never edited once released; a change is a new step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ed-error.h"
#include "ed-store-sqlite-private.h"

/* 1: cases, their travellers, checklist and sheet log. Times are
 * seconds since 1970 (UTC). Travellers are the traveller file's JSON
 * object. The sheet log can only grow: a row goes with its case. */
static const char schema_1[] =
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE TABLE cases ("
  "  id INTEGER PRIMARY KEY,"
  "  reference TEXT NOT NULL UNIQUE CHECK (length (reference) = 6),"
  "  procedure_id TEXT NOT NULL,"
  "  procedure_version INTEGER NOT NULL,"
  "  current_step TEXT,"
  "  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),"
  "  closed INTEGER CHECK ((status = 'closed') = (closed IS NOT NULL)),"
  "  created INTEGER NOT NULL,"
  "  modified INTEGER NOT NULL,"
  "  notes TEXT,"
  "  names TEXT NOT NULL DEFAULT '',"
  "  n_travellers INTEGER NOT NULL DEFAULT 0,"
  "  n_done INTEGER NOT NULL DEFAULT 0,"
  "  trashed INTEGER"
  ");"
  "CREATE INDEX cases_modified ON cases (modified);"
  "CREATE INDEX cases_closed ON cases (closed) WHERE closed IS NOT NULL;"
  "CREATE TABLE travellers ("
  "  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  data TEXT NOT NULL,"
  "  PRIMARY KEY (case_id, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE checklist ("
  "  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  traveller INTEGER NOT NULL,"        /* position, -1 for the whole case */
  "  step_id TEXT NOT NULL,"
  "  item_id TEXT NOT NULL,"
  "  done_at INTEGER NOT NULL,"
  "  PRIMARY KEY (case_id, traveller, step_id, item_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE sheet_log ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  at INTEGER NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('print', 'pdf', 'batch')),"
  "  procedure_id TEXT NOT NULL,"
  "  procedure_version INTEGER NOT NULL,"
  "  languages TEXT NOT NULL,"
  "  paper TEXT NOT NULL"
  ");"
  "CREATE INDEX sheet_log_case ON sheet_log (case_id);"
  "CREATE TRIGGER sheet_log_kept BEFORE DELETE ON sheet_log"
  "  WHEN EXISTS (SELECT 1 FROM cases WHERE id = OLD.case_id)"
  "  BEGIN SELECT RAISE (ABORT, 'the sheet log is kept as long as its case'); END;"
  "CREATE TRIGGER sheet_log_fixed BEFORE UPDATE ON sheet_log"
  "  BEGIN SELECT RAISE (ABORT, 'the sheet log cannot be changed'); END;";

/* 2: search as you type. One row a case, its rowid renewed on every
 * save, so that rowid order is "most recently changed first" and a
 * search stops after the first rows. The tokens are made by
 * ed-search-text.c; '_' marks a suffix inside a word. */
static const char schema_2[] =
  "CREATE VIRTUAL TABLE case_search USING fts5 ("
  "  case_id UNINDEXED, tokens,"
  "  tokenize = \"unicode61 remove_diacritics 2 tokenchars '_'\","
  "  prefix = '1 2 3', detail = none, columnsize = 0"
  ");"
  "ALTER TABLE cases ADD COLUMN search_rowid INTEGER;";

/* 3: journeys. A case holds several procedures in order
 * (case_procedures; cases.procedure_id stays the current one), each
 * tick says its procedure, and the sheet log says which lines were parts
 * of a journey sheet. Every case becomes a one-procedure journey, its
 * ticks its procedure's. The columns a list shows gain the journey's
 * procedure ids and the next deadline, and case_deadlines holds every
 * deadline reminders look at, both worked out by EdStore when a case is
 * written (none until then: EdStore refreshes them, see ed-store-due.c). */
static const char schema_3[] =
  "CREATE TABLE case_procedures ("
  "  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  procedure_id TEXT NOT NULL,"
  "  procedure_version INTEGER NOT NULL,"
  "  PRIMARY KEY (case_id, position),"
  "  UNIQUE (case_id, procedure_id)"
  ") WITHOUT ROWID;"
  "INSERT INTO case_procedures (case_id, position, procedure_id, procedure_version)"
  "  SELECT id, 0, procedure_id, procedure_version FROM cases;"
  "ALTER TABLE cases ADD COLUMN journey_id TEXT;"
  "ALTER TABLE cases ADD COLUMN procedures TEXT NOT NULL DEFAULT '';"
  "UPDATE cases SET procedures = procedure_id;"
  "ALTER TABLE cases ADD COLUMN next_due_at INTEGER;"
  "ALTER TABLE cases ADD COLUMN next_due_end INTEGER;"
  "ALTER TABLE cases ADD COLUMN next_due TEXT;"
  "ALTER TABLE cases ADD COLUMN next_due_procedure TEXT;"
  "ALTER TABLE cases ADD COLUMN next_due_rule TEXT;"
  "CREATE INDEX cases_next_due ON cases (next_due_at)"
  "  WHERE next_due_at IS NOT NULL AND status = 'open' AND trashed IS NULL;"
  "CREATE TABLE case_deadlines ("
  "  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  traveller INTEGER NOT NULL,"
  "  procedure_id TEXT NOT NULL,"
  "  rule_id TEXT NOT NULL,"
  "  due_at INTEGER NOT NULL,"
  "  end_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX case_deadlines_case ON case_deadlines (case_id);"
  "CREATE INDEX case_deadlines_due ON case_deadlines (due_at);"
  "CREATE TABLE checklist_3 ("
  "  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  traveller INTEGER NOT NULL,"
  "  procedure_id TEXT NOT NULL,"
  "  step_id TEXT NOT NULL,"
  "  item_id TEXT NOT NULL,"
  "  done_at INTEGER NOT NULL,"
  "  PRIMARY KEY (case_id, traveller, procedure_id, step_id, item_id)"
  ") WITHOUT ROWID;"
  "INSERT INTO checklist_3 (case_id, traveller, procedure_id, step_id, item_id, done_at)"
  "  SELECT k.case_id, k.traveller, c.procedure_id, k.step_id, k.item_id, k.done_at"
  "  FROM checklist k JOIN cases c ON c.id = k.case_id;"
  "DROP TABLE checklist;"
  "ALTER TABLE checklist_3 RENAME TO checklist;"
  "ALTER TABLE sheet_log ADD COLUMN journey INTEGER NOT NULL DEFAULT 0;";

/* 4: who printed a sheet (the desk's user name) and under which office's
 * letterhead; lines logged before say neither. */
static const char schema_4[] =
  "ALTER TABLE sheet_log ADD COLUMN printed_user TEXT;"
  "ALTER TABLE sheet_log ADD COLUMN office TEXT;";

/* 5: Han variants fold to one form in the search (ed_fold_han ()): the
 * search rows are made again. The columns a list shows gain the first
 * named traveller's name in native script (ed_case_list_native_name ()). */
static const char schema_5[] =
  "ALTER TABLE cases ADD COLUMN native_name TEXT;";

/* 6: how far each case is in the steps that apply to it (#EdCaseProgress),
 * beside its next deadline and worked out with it. Which steps apply is
 * read from the procedures of a catalog, which a migration has not: the
 * catalog the deadlines came from is forgotten, so that the first
 * ed_store_refresh_due () works out every open case's again. Until then,
 * and for a closed case, NULL: a list shows a closed case done. */
static const char schema_6[] =
  "ALTER TABLE cases ADD COLUMN n_steps INTEGER;"
  "ALTER TABLE cases ADD COLUMN step INTEGER;"
  "DELETE FROM meta WHERE key = '" ED_STORE_SETTING_DUE_CATALOG "';";

/* Every case's search row made again, the oldest first: the last changed
 * comes out first in a search. @with_names: the native name a list shows
 * written too (schema 5). */
static gboolean
index_cases (sqlite3   *db,
             gboolean   with_names,
             GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) name = NULL;
  int rc;

  stmt = _ed_sql_prepare (db, "SELECT id, reference FROM cases ORDER BY modified, id", error);
  if (stmt == NULL)
    return FALSE;
  if (with_names &&
      (name = _ed_sql_prepare (db, "UPDATE cases SET native_name = ?2 WHERE id = ?1",
                               error)) == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_autoptr(GPtrArray) travellers = _ed_store_sqlite_read_travellers (db, id, error);

      if (travellers == NULL)
        return FALSE;
      if (with_names)
        {
          g_autofree char *native = ed_case_list_native_name (travellers);

          sqlite3_reset (name);
          sqlite3_bind_int64 (name, 1, id);
          _ed_sql_bind_text (name, 2, native);
          if (!_ed_sql_step_done (name, error))
            return FALSE;
        }
      if (!_ed_store_sqlite_index_case (db, id, _ed_sql_column_text (stmt, 1), travellers,
                                        error))
        return FALSE;
    }

  return _ed_sql_finished (db, rc, error);
}

static gboolean
index_every_case (sqlite3  *db,
                  GError  **error)
{
  return index_cases (db, FALSE, error);
}

/* Emptied first: rows made again are inserted, not replaced one by one
 * (a third less time over 100,000 cases). */
static gboolean
name_and_index_every_case (sqlite3  *db,
                           GError  **error)
{
  return _ed_sql_exec (db, "DELETE FROM case_search; UPDATE cases SET search_rowid = NULL;",
                       error) &&
         index_cases (db, TRUE, error);
}

typedef struct
{
  const char *sql;
  gboolean  (*after) (sqlite3 *db, GError **error);
} EdMigration;

/* migrations[i] brings a database from version i to i + 1. */
static const EdMigration migrations[] = {
  { schema_1, NULL },
  { schema_2, index_every_case },
  { schema_3, NULL },
  { schema_4, NULL },
  { schema_5, name_and_index_every_case },
  { schema_6, NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == ED_STORE_SCHEMA_VERSION);

static int
read_version (sqlite3  *db,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = _ed_sql_prepare (db, "PRAGMA user_version", error);

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _ed_sql_set_error (error, db, sqlite3_errcode (db));
      return -1;
    }

  return sqlite3_column_int (stmt, 0);
}

/* Whether @version can be brought to this build's schema. */
static gboolean
check_version (int      version,
               GError **error)
{
  if (version > ED_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_UNSUPPORTED,
                   _("The case database was written by a newer Entry Desk (schema %d; this "
                     "version reads up to %d). Update Entry Desk to open it."),
                   version, ED_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  return version >= 0;
}

/**
 * _ed_store_sqlite_migrate:
 *
 * Brings @db to the schema of this build. A database from a newer
 * Entry Desk is left alone: %ED_ERROR_UNSUPPORTED.
 *
 * Another process (the CLI as the app starts, a second desk) may be
 * creating or migrating the same file at this moment: the version is
 * read again once the write lock is held, and only the process that
 * finds it old runs the steps; the other one waits for its commit
 * (BUSY_TIMEOUT_MS) and then finds the store up to date.
 */
gboolean
_ed_store_sqlite_migrate (sqlite3  *db,
                          GError  **error)
{
  g_autofree char *set_version = NULL;
  int version;

  /* Without the lock first: every start but the first finds it done. */
  version = read_version (db, error);
  if (!check_version (version, error))
    return FALSE;
  if (version == ED_STORE_SCHEMA_VERSION)
    return TRUE;

  if (!_ed_sql_begin (db, error))
    return FALSE;

  version = read_version (db, error);
  if (!check_version (version, error))
    {
      _ed_sql_rollback (db);
      return FALSE;
    }
  if (version == ED_STORE_SCHEMA_VERSION)
    return _ed_sql_commit (db, error);

  for (int step = version; step < ED_STORE_SCHEMA_VERSION; step++)
    {
      if (!_ed_sql_exec (db, migrations[step].sql, error) ||
          (migrations[step].after != NULL && !migrations[step].after (db, error)))
        {
          _ed_sql_rollback (db);
          g_prefix_error (error, _("Could not update the case database from schema %d: "), step);
          return FALSE;
        }
    }

  set_version = g_strdup_printf ("PRAGMA user_version = %d", ED_STORE_SCHEMA_VERSION);
  if (!_ed_sql_exec (db, set_version, error))
    {
      _ed_sql_rollback (db);
      return FALSE;
    }

  return _ed_sql_commit (db, error);
}
