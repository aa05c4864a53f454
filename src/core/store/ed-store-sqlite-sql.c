/* ed-store-sqlite-sql.c — SQLite calls as the store makes them, errors as GError
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ed-error.h"
#include "ed-store-sqlite-private.h"

/* SQLite's own text says which call failed and why ("disk I/O error",
 * "UNIQUE constraint failed: cases.reference"); it never holds values,
 * so no personal data reaches a message. */
void
_ed_sql_set_error (GError  **error,
                   sqlite3  *db,
                   int       rc)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, ED_ERROR, ED_ERROR_CORRUPT,
                   _("The case database is damaged (%s)"), detail);
      break;
    case SQLITE_INTERRUPT:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("The search was cancelled"));
      break;
    case SQLITE_FULL:
      g_set_error (error, ED_ERROR, ED_ERROR_IO,
                   _("The disk is full: the case database cannot grow (%s)"), detail);
      break;
    default:
      g_set_error (error, ED_ERROR, ED_ERROR_IO,
                   _("Could not read or write the case database (%s)"), detail);
      break;
    }
}

gboolean
_ed_sql_exec (sqlite3     *db,
              const char  *sql,
              GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _ed_sql_set_error (error, db, rc);
      return FALSE;
    }

  return TRUE;
}

sqlite3_stmt *
_ed_sql_prepare (sqlite3     *db,
                 const char  *sql,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      _ed_sql_set_error (error, db, rc);
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}

gboolean
_ed_sql_step_done (sqlite3_stmt  *stmt,
                   GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _ed_sql_set_error (error, sqlite3_db_handle (stmt), rc);
      return FALSE;
    }

  return TRUE;
}

/* After the last sqlite3_step() of a loop over rows. */
gboolean
_ed_sql_finished (sqlite3  *db,
                  int       rc,
                  GError  **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;

  _ed_sql_set_error (error, db, rc);
  return FALSE;
}

/* IMMEDIATE: the write lock is taken at once, so a transaction never
 * fails half-way because another connection started writing. */
gboolean
_ed_sql_begin (sqlite3  *db,
               GError  **error)
{
  return _ed_sql_exec (db, "BEGIN IMMEDIATE", error);
}

gboolean
_ed_sql_commit (sqlite3  *db,
                GError  **error)
{
  if (_ed_sql_exec (db, "COMMIT", error))
    return TRUE;

  _ed_sql_rollback (db);
  return FALSE;
}

void
_ed_sql_rollback (sqlite3 *db)
{
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
}

void
_ed_sql_bind_text (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

const char *
_ed_sql_column_text (sqlite3_stmt *stmt,
                     int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/**
 * _ed_sql_get_meta:
 *
 * Returns: (transfer full) (nullable): the value, or %NULL when unset
 *   (without @error) or on error
 */
char *
_ed_sql_get_meta (sqlite3     *db,
                  const char  *key,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _ed_sql_prepare (db, "SELECT value FROM meta WHERE key = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup (_ed_sql_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    _ed_sql_set_error (error, db, rc);

  return NULL;
}

gboolean
_ed_sql_set_meta (sqlite3     *db,
                  const char  *key,
                  const char  *value,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _ed_sql_prepare (db, value != NULL
                              ? "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)"
                              : "DELETE FROM meta WHERE key = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);

  return _ed_sql_step_done (stmt, error);
}
