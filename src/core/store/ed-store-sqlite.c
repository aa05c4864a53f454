/* ed-store-sqlite.c — the case store in one SQLite file
 *
 * One file, by default $XDG_DATA_HOME/entry-desk/cases.db (mode 0600,
 * its folder 0700), with two connections: one writes, one reads, so
 * that a search never waits for a save.
 *
 * Durability: WAL with synchronous=FULL. In WAL mode a commit is one
 * append to the -wal file; FULL adds an fsync of it, so a transaction
 * that returned survives a killed app (NORMAL would do for that) and
 * also a power cut or a kernel crash, where NORMAL could lose every
 * commit since the last checkpoint, far more than the last second. The
 * price, a few milliseconds per commit, is paid on the worker thread at
 * most a few times a second. SQLite's WAL never leaves a torn
 * database: a commit not fully in the WAL is ignored when it is read.
 *
 * A file SQLite cannot read is moved aside, never deleted, and a new
 * store is started, so the app always starts; the backend says where
 * the old file went (get_recovery).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ed-case-backend.h"
#include "ed-error.h"
#include "ed-paths.h"
#include "ed-store-sqlite-private.h"

static void backend_iface_init (EdStoreBackendInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EdStoreSqlite, ed_store_sqlite, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ED_TYPE_STORE_BACKEND, backend_iface_init))

/* Busy for longer than this, another Entry Desk (the CLI while the GUI
 * runs) holds the write lock for real trouble: the call fails. */
#define BUSY_TIMEOUT_MS 5000

/**
 * ed_store_sqlite_new:
 * @path: the database file, created when missing
 *
 * Returns: (transfer full): the backend, to be opened
 */
EdStoreBackend *
ed_store_sqlite_new (const char *path)
{
  EdStoreSqlite *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (ED_TYPE_STORE_SQLITE, NULL);
  self->path = g_strdup (path);
  return ED_STORE_BACKEND (self);
}

static gboolean
set_private_mode (const char  *path,
                  GError     **error)
{
  if (g_chmod (path, 0600) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, ED_ERROR, ED_ERROR_IO, _("Could not protect the file “%s”: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* SQLite gives the -wal and -shm files the database file's mode, so
 * the database is made 0600 before SQLite first opens it. */
static gboolean
prepare_files (const char  *path,
               GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *default_path = ed_store_default_path ();
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GError) local_error = NULL;

  if (g_strcmp0 (path, default_path) == 0)
    {
      if (!ed_paths_ensure_private_dir (dir, error))
        return FALSE;
    }
  else if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, ED_ERROR, ED_ERROR_IO, _("Could not create the folder “%s”: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (!ed_paths_ensure_private_file (path, &local_error))
    {
      g_set_error (error, ED_ERROR, ED_ERROR_IO, _("Could not open the case database “%s”: %s"),
                   path, local_error->message);
      return FALSE;
    }

  return set_private_mode (path, error) && set_private_mode (wal, error) &&
         set_private_mode (shm, error);
}

/* Steps @stmt, trying again while another connection holds the lock.
 * SQLite gives up at once, without its busy handler, when waiting could
 * deadlock: a statement that read the file and then needs to write it,
 * as the switch of a new file to WAL does while another process creates
 * the same store. */
static int
step_when_free (sqlite3_stmt *stmt)
{
  gint64 give_up = g_get_monotonic_time () + BUSY_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
  gulong pause_us = 1000;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_BUSY && g_get_monotonic_time () < give_up)
    {
      sqlite3_reset (stmt);
      g_usleep (pause_us);
      pause_us = MIN (pause_us * 2, 50000);
    }

  return rc;
}

static sqlite3 *
open_connection (const char  *path,
                 gboolean     read_only,
                 GError     **error)
{
  sqlite3 *db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      _ed_sql_set_error (error, db, rc);
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);

  /* The first statement to read the file: where a damaged one shows. */
  stmt = _ed_sql_prepare (db, "PRAGMA journal_mode = WAL", error);
  if (stmt != NULL)
    rc = step_when_free (stmt);
  if (stmt == NULL || rc != SQLITE_ROW)
    {
      if (stmt != NULL)
        _ed_sql_set_error (error, db, rc);
      g_clear_pointer (&stmt, sqlite3_finalize);
      sqlite3_close (db);
      return NULL;
    }
  if (g_ascii_strcasecmp (_ed_sql_column_text (stmt, 0), "wal") != 0)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_IO,
                   _("The case database “%s” cannot use write-ahead logging on this disk"),
                   path);
      g_clear_pointer (&stmt, sqlite3_finalize);
      sqlite3_close (db);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!_ed_sql_exec (db, "PRAGMA foreign_keys = ON;"
                         "PRAGMA synchronous = FULL;"
                         "PRAGMA secure_delete = ON;", error) ||
      (read_only && !_ed_sql_exec (db, "PRAGMA query_only = ON", error)))
    {
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

/* quick_check reads every page (about 0.1 s for 100,000 cases) but not
 * the indexes: enough to find a file that is damaged, cheap enough for
 * every start. */
static gboolean
check_file (sqlite3  *db,
            GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = _ed_sql_prepare (db, "PRAGMA quick_check (1)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _ed_sql_set_error (error, db, rc);
      return FALSE;
    }
  if (g_strcmp0 (_ed_sql_column_text (stmt, 0), "ok") != 0)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_CORRUPT, _("The case database is damaged (%s)"),
                   _ed_sql_column_text (stmt, 0));
      return FALSE;
    }

  return TRUE;
}

static void
close_connections (EdStoreSqlite *self)
{
  g_clear_pointer (&self->read_db, sqlite3_close);
  g_clear_pointer (&self->db, sqlite3_close);
}

static gboolean
open_database (EdStoreSqlite  *self,
               GError        **error)
{
  if (!prepare_files (self->path, error))
    return FALSE;

  self->db = open_connection (self->path, FALSE, error);
  if (self->db == NULL ||
      !check_file (self->db, error) ||
      !_ed_store_sqlite_migrate (self->db, error) ||
      !_ed_store_sqlite_expunge_trash (self->db, ed_case_now (), error))
    {
      close_connections (self);
      return FALSE;
    }

  self->read_db = open_connection (self->path, TRUE, error);
  if (self->read_db == NULL)
    {
      close_connections (self);
      return FALSE;
    }

  return TRUE;
}

static char *
aside_path (const char *path)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  char *aside = g_strdup_printf ("%s.damaged-%s", path, stamp);

  for (guint i = 2; g_file_test (aside, G_FILE_TEST_EXISTS); i++)
    {
      g_free (aside);
      aside = g_strdup_printf ("%s.damaged-%s-%u", path, stamp, i);
    }

  return aside;
}

/* The -wal and -shm go with their database: left behind, SQLite would
 * read the old WAL into the new, empty file. */
static gboolean
move_aside (EdStoreSqlite  *self,
            GError        **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", NULL };
  g_autofree char *aside = aside_path (self->path);

  for (guint i = 0; suffixes[i] != NULL; i++)
    {
      g_autofree char *from = g_strconcat (self->path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (aside, suffixes[i], NULL);

      if (g_rename (from, to) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, ED_ERROR, ED_ERROR_IO,
                       _("The case database “%s” is damaged and could not be moved aside: %s"),
                       self->path, g_strerror (saved_errno));
          return FALSE;
        }
    }

  self->moved_aside = g_steal_pointer (&aside);
  return TRUE;
}

static gboolean
backend_open (EdStoreBackend  *backend,
              GCancellable    *cancellable,
              GError         **error)
{
  EdStoreSqlite *self = ED_STORE_SQLITE (backend);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (self->db == NULL, FALSE);

  if (open_database (self, &local_error))
    return TRUE;

  if (!g_error_matches (local_error, ED_ERROR, ED_ERROR_CORRUPT))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!move_aside (self, error))
    return FALSE;
  g_set_error (&self->recovery, ED_ERROR, ED_ERROR_CORRUPT,
               _("The case database “%s” was damaged and could not be read. It was kept as "
                 "“%s”, and a new, empty case database was started."),
               self->path, self->moved_aside);
  g_message ("Case database damaged (%s); moved aside to %s", local_error->message,
             self->moved_aside);

  return open_database (self, error);
}

static const char *
backend_get_location (EdStoreBackend *backend)
{
  return ED_STORE_SQLITE (backend)->path;
}

static const GError *
backend_get_recovery (EdStoreBackend *backend)
{
  return ED_STORE_SQLITE (backend)->recovery;
}

static const char *
backend_get_moved_aside (EdStoreBackend *backend)
{
  return ED_STORE_SQLITE (backend)->moved_aside;
}

/* A case is written whole, in one transaction, or not at all. */
static gboolean
write_case (EdStoreSqlite  *self,
            EdCaseRecord   *record,
            gboolean        insert,
            gboolean        new_reference,
            GError        **error)
{
  gboolean ok;

  g_mutex_lock (&self->db_lock);
  ok = _ed_sql_begin (self->db, error);
  if (ok && !(insert ? _ed_store_sqlite_insert_record (self->db, record, new_reference, error)
                     : _ed_store_sqlite_update_record (self->db, record, error)))
    {
      _ed_sql_rollback (self->db);
      ok = FALSE;
    }
  ok = ok && _ed_sql_commit (self->db, error);
  g_mutex_unlock (&self->db_lock);

  return ok;
}

static gboolean
backend_insert_case (EdStoreBackend  *backend,
                     EdCaseRecord    *record,
                     gboolean         new_reference,
                     GError         **error)
{
  return write_case (ED_STORE_SQLITE (backend), record, TRUE, new_reference, error);
}

static EdCaseRecord *
backend_load_case (EdStoreBackend  *backend,
                   gint64           id,
                   gboolean         with_sheets,
                   GError         **error)
{
  EdStoreSqlite *self = ED_STORE_SQLITE (backend);
  g_autoptr(EdCaseRecord) record = NULL;
  g_autoptr(GPtrArray) sheets = NULL;

  g_mutex_lock (&self->db_lock);
  record = _ed_store_sqlite_read_record (self->db, id, error);
  if (record != NULL && with_sheets)
    sheets = _ed_store_sqlite_read_sheets (self->db, id, error);
  g_mutex_unlock (&self->db_lock);

  if (record == NULL || (with_sheets && sheets == NULL))
    return NULL;
  if (sheets != NULL)
    g_ptr_array_extend_and_steal (record->sheets, g_steal_pointer (&sheets));

  return g_steal_pointer (&record);
}

static gboolean
backend_save_case (EdStoreBackend  *backend,
                   EdCaseRecord    *record,
                   GError         **error)
{
  return write_case (ED_STORE_SQLITE (backend), record, FALSE, FALSE, error);
}

static gboolean
backend_log_sheet (EdStoreBackend       *backend,
                   gint64                id,
                   const EdSheetRecord  *sheet,
                   GError              **error)
{
  EdStoreSqlite *self = ED_STORE_SQLITE (backend);
  gboolean ok;

  g_mutex_lock (&self->db_lock);
  ok = _ed_store_sqlite_insert_sheet (self->db, id, sheet, error);
  g_mutex_unlock (&self->db_lock);

  return ok;
}

/* One desk writes this store: no version to check (they are 0). */
static gboolean
backend_set_due (EdStoreBackend       *backend,
                 gint64                id,
                 gint64                version,
                 const EdNextDue      *next,
                 GArray               *deadlines,
                 const EdCaseProgress *progress,
                 GError              **error)
{
  EdStoreSqlite *self = ED_STORE_SQLITE (backend);
  gboolean ok;

  g_mutex_lock (&self->db_lock);
  ok = _ed_sql_begin (self->db, error);
  if (ok && !_ed_store_sqlite_write_due (self->db, id, next, deadlines, progress, error))
    {
      _ed_sql_rollback (self->db);
      ok = FALSE;
    }
  ok = ok && _ed_sql_commit (self->db, error);
  g_mutex_unlock (&self->db_lock);

  return ok;
}

static GPtrArray *
backend_list_sheets (EdStoreBackend  *backend,
                     gint64           id,
                     GError         **error)
{
  EdStoreSqlite *self = ED_STORE_SQLITE (backend);
  GPtrArray *sheets;

  g_mutex_lock (&self->read_lock);
  sheets = _ed_store_sqlite_read_sheets (self->read_db, id, error);
  g_mutex_unlock (&self->read_lock);

  return sheets;
}

/* Settings are kept in the meta table, so that the CLI and the GUI
 * share them. */
static char *
backend_get_setting (EdStoreBackend  *backend,
                     const char      *key,
                     GError         **error)
{
  EdStoreSqlite *self = ED_STORE_SQLITE (backend);
  char *value;

  g_mutex_lock (&self->read_lock);
  value = _ed_sql_get_meta (self->read_db, key, error);
  g_mutex_unlock (&self->read_lock);

  return value;
}

static gboolean
backend_set_setting (EdStoreBackend  *backend,
                     const char      *key,
                     const char      *value,
                     GError         **error)
{
  EdStoreSqlite *self = ED_STORE_SQLITE (backend);
  gboolean ok;

  g_mutex_lock (&self->db_lock);
  ok = _ed_sql_set_meta (self->db, key, value, error);
  g_mutex_unlock (&self->db_lock);

  return ok;
}

/* On the writer connection, which this process alone writes through, the
 * data version moves only with another process's commits. */
static gboolean
backend_poll_elsewhere (EdStoreBackend  *backend,
                        GError         **error)
{
  EdStoreSqlite *self = ED_STORE_SQLITE (backend);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean changed = FALSE;
  gint64 version;

  g_mutex_lock (&self->db_lock);
  stmt = _ed_sql_prepare (self->db, "PRAGMA data_version", error);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      version = sqlite3_column_int64 (stmt, 0);
      changed = self->data_version >= 0 && version != self->data_version;
      self->data_version = version;
    }
  else if (stmt != NULL)
    _ed_sql_set_error (error, self->db, sqlite3_errcode (self->db));
  g_mutex_unlock (&self->db_lock);

  return changed;
}

static void
backend_iface_init (EdStoreBackendInterface *iface)
{
  iface->open = backend_open;
  iface->get_location = backend_get_location;
  iface->get_recovery = backend_get_recovery;
  iface->get_moved_aside = backend_get_moved_aside;
  iface->insert_case = backend_insert_case;
  iface->load_case = backend_load_case;
  iface->save_case = backend_save_case;
  iface->find_case = _ed_store_sqlite_find_case;
  iface->trash_case = _ed_store_sqlite_trash_case;
  iface->restore_case = _ed_store_sqlite_restore_case;
  iface->expunge_case = _ed_store_sqlite_expunge_case;
  iface->search = _ed_store_sqlite_search;
  iface->log_sheet = backend_log_sheet;
  iface->list_sheets = backend_list_sheets;
  iface->get_setting = backend_get_setting;
  iface->set_setting = backend_set_setting;
  iface->list_due = _ed_store_sqlite_list_due;
  iface->set_due = backend_set_due;
  iface->purge_preview = _ed_store_sqlite_purge_preview;
  iface->purge = _ed_store_sqlite_purge;
  iface->poll_elsewhere = backend_poll_elsewhere;
}

static void
ed_store_sqlite_finalize (GObject *object)
{
  EdStoreSqlite *self = ED_STORE_SQLITE (object);

  close_connections (self);
  g_free (self->path);
  g_free (self->moved_aside);
  g_clear_error (&self->recovery);
  g_mutex_clear (&self->db_lock);
  g_mutex_clear (&self->read_lock);

  G_OBJECT_CLASS (ed_store_sqlite_parent_class)->finalize (object);
}

static void
ed_store_sqlite_class_init (EdStoreSqliteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ed_store_sqlite_finalize;
}

static void
ed_store_sqlite_init (EdStoreSqlite *self)
{
  g_mutex_init (&self->db_lock);
  g_mutex_init (&self->read_lock);
  self->data_version = -1;
}
