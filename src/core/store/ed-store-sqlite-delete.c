/* ed-store-sqlite-delete.c — cases deleted: trash, restore, expunge, purge
 *
 * A trashed case keeps its rows with a time in `trashed` and leaves
 * every query; expunging and purging delete the rows for good and then
 * scrub the file (_ed_store_sqlite_scrub()), so that none of the case's
 * data is left in it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ed-case-backend.h"
#include "ed-error.h"
#include "ed-store-sqlite-private.h"

/* Deletes a case for good: its row, travellers, checklist, sheet log
 * (the only way a sheet log row goes) and search row. */
static gboolean
delete_case (sqlite3  *db,
             gint64    id,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) search = NULL;
  g_autoptr(sqlite3_stmt) kase = NULL;

  search = _ed_sql_prepare (db, "DELETE FROM case_search WHERE rowid = "
                                "(SELECT search_rowid FROM cases WHERE id = ?1)", error);
  kase = _ed_sql_prepare (db, "DELETE FROM cases WHERE id = ?1", error);
  if (search == NULL || kase == NULL)
    return FALSE;

  sqlite3_bind_int64 (search, 1, id);
  sqlite3_bind_int64 (kase, 1, id);
  return _ed_sql_step_done (search, error) && _ed_sql_step_done (kase, error);
}

/* After deleting cases: leaves none of their data in the files.
 * secure_delete zeroes freed pages; merging the search index drops the
 * deleted rows' tokens from its segments; the checkpoint empties the
 * WAL, which still holds copies of the old pages; @vacuum gives the
 * space back (and takes seconds on a large store). */
static gboolean
scrub (sqlite3   *db,
       gboolean   vacuum,
       GError   **error)
{
  return _ed_sql_exec (db, "INSERT INTO case_search (case_search) VALUES ('optimize')", error) &&
         (!vacuum || _ed_sql_exec (db, "VACUUM", error)) &&
         _ed_sql_exec (db, "PRAGMA wal_checkpoint (TRUNCATE)", error);
}

/**
 * _ed_store_sqlite_expunge_trash:
 *
 * Cases still in the trash were deleted in an earlier session, whose
 * Undo is gone with it: they go for good when the store is opened.
 */
gboolean
_ed_store_sqlite_expunge_trash (sqlite3  *db,
                                GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  stmt = _ed_sql_prepare (db, "SELECT id FROM cases WHERE trashed IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (!_ed_sql_finished (db, rc, error))
    return FALSE;
  if (ids->len == 0)
    return TRUE;

  if (!_ed_sql_begin (db, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (!delete_case (db, g_array_index (ids, gint64, i), error))
      {
        _ed_sql_rollback (db);
        return FALSE;
      }

  return _ed_sql_commit (db, error) && scrub (db, FALSE, error);
}

typedef enum
{
  CHANGE_TRASH,
  CHANGE_RESTORE,
  CHANGE_EXPUNGE,
} ChangeKind;

static const char * const change_sql[] = {
  [CHANGE_TRASH] = "UPDATE cases SET trashed = ?2 WHERE id = ?1 AND trashed IS NULL",
  [CHANGE_RESTORE] = "UPDATE cases SET trashed = NULL WHERE id = ?1 AND trashed IS NOT NULL",
  [CHANGE_EXPUNGE] = "SELECT 1 FROM cases WHERE id = ?1 AND trashed IS NOT NULL",
};

static gboolean
change_locked (sqlite3     *db,
               ChangeKind   kind,
               gint64       id,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _ed_sql_prepare (db, change_sql[kind], error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (kind == CHANGE_TRASH)
    sqlite3_bind_int64 (stmt, 2, ed_case_now ());

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _ed_sql_set_error (error, db, rc);
      return FALSE;
    }
  if ((kind == CHANGE_EXPUNGE && rc != SQLITE_ROW) ||
      (kind != CHANGE_EXPUNGE && sqlite3_changes (db) == 0))
    {
      g_set_error (error, ED_ERROR, ED_ERROR_NOT_FOUND,
                   kind == CHANGE_TRASH ? _("There is no such case") :
                   _("The case is not in the trash: it was restored or deleted already"));
      return FALSE;
    }

  if (kind != CHANGE_EXPUNGE)
    return TRUE;

  /* A statement still open would keep the tables locked. */
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!_ed_sql_begin (db, error))
    return FALSE;
  if (!delete_case (db, id, error))
    {
      _ed_sql_rollback (db);
      return FALSE;
    }
  return _ed_sql_commit (db, error) && scrub (db, FALSE, error);
}

static gboolean
change (EdStoreBackend  *backend,
        ChangeKind       kind,
        gint64           id,
        GError         **error)
{
  EdStoreSqlite *self = ED_STORE_SQLITE (backend);
  gboolean ok;

  g_mutex_lock (&self->db_lock);
  ok = change_locked (self->db, kind, id, error);
  g_mutex_unlock (&self->db_lock);

  return ok;
}

gboolean
_ed_store_sqlite_trash_case (EdStoreBackend  *backend,
                             gint64           id,
                             GError         **error)
{
  return change (backend, CHANGE_TRASH, id, error);
}

gboolean
_ed_store_sqlite_restore_case (EdStoreBackend  *backend,
                               gint64           id,
                               GError         **error)
{
  return change (backend, CHANGE_RESTORE, id, error);
}

gboolean
_ed_store_sqlite_expunge_case (EdStoreBackend  *backend,
                               gint64           id,
                               GError         **error)
{
  return change (backend, CHANGE_EXPUNGE, id, error);
}

GPtrArray *
_ed_store_sqlite_purge_preview (EdStoreBackend  *backend,
                                gint64           closed_before,
                                GCancellable    *cancellable,
                                GError         **error)
{
  EdStoreSqlite *self = ED_STORE_SQLITE (backend);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean ok = FALSE;

  g_mutex_lock (&self->read_lock);
  stmt = _ed_sql_prepare (self->read_db, "SELECT " ED_STORE_INFO_COLUMNS " FROM cases c "
                                         "WHERE c.status = 'closed' AND c.closed < ?1 "
                                         "AND c.trashed IS NULL ORDER BY c.closed, c.id", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, closed_before);
      ok = _ed_store_sqlite_read_infos (stmt, infos, NULL, 0, error);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_mutex_unlock (&self->read_lock);

  return ok ? g_steal_pointer (&infos) : NULL;
}

static gboolean
purge_locked (sqlite3    *db,
              GPtrArray  *preview,
              gint64      closed_before,
              guint      *n_purged,
              GError    **error)
{
  g_autoptr(sqlite3_stmt) still = NULL;
  int rc;

  still = _ed_sql_prepare (db, "SELECT 1 FROM cases WHERE id = ?1 AND status = 'closed' "
                               "AND closed < ?2 AND trashed IS NULL", error);
  if (still == NULL)
    return FALSE;

  for (guint i = 0; i < preview->len; i++)
    {
      gint64 id = ed_case_info_get_id (g_ptr_array_index (preview, i));

      sqlite3_reset (still);
      sqlite3_bind_int64 (still, 1, id);
      sqlite3_bind_int64 (still, 2, closed_before);
      rc = sqlite3_step (still);
      if (rc == SQLITE_DONE)
        continue;
      if (rc != SQLITE_ROW)
        {
          _ed_sql_set_error (error, db, rc);
          return FALSE;
        }
      if (!delete_case (db, id, error))
        return FALSE;
      (*n_purged)++;
    }

  return TRUE;
}

gboolean
_ed_store_sqlite_purge (EdStoreBackend  *backend,
                        GPtrArray       *preview,
                        gint64           closed_before,
                        guint           *n_purged,
                        GCancellable    *cancellable,
                        GError         **error)
{
  EdStoreSqlite *self = ED_STORE_SQLITE (backend);
  gboolean ok;

  *n_purged = 0;
  g_mutex_lock (&self->db_lock);
  ok = _ed_sql_begin (self->db, error);
  if (ok && !purge_locked (self->db, preview, closed_before, n_purged, error))
    {
      _ed_sql_rollback (self->db);
      *n_purged = 0;
      ok = FALSE;
    }
  ok = ok && _ed_sql_commit (self->db, error);
  ok = ok && (*n_purged == 0 || scrub (self->db, TRUE, error));
  g_mutex_unlock (&self->db_lock);

  return ok;
}
