/* ed-store.c — opening the case store, and what keeps it whole
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
 * store is started, so the app always starts; the store says where the
 * old file went (ed_store_get_recovery()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ed-error.h"
#include "ed-paths.h"
#include "ed-store-private.h"

G_DEFINE_FINAL_TYPE (EdStore, ed_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_UNSAVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Busy for longer than this, another Entry Desk (the CLI while the GUI
 * runs) holds the write lock for real trouble: the call fails. */
#define BUSY_TIMEOUT_MS 5000

char *
ed_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "entry-desk", "cases.db", NULL);
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
  if (stmt == NULL || (rc = sqlite3_step (stmt)) != SQLITE_ROW)
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

/* Cases still in the trash were deleted in an earlier session, whose
 * Undo is gone with it. */
static gboolean
expunge_trash (sqlite3  *db,
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
    if (!_ed_store_delete_case (db, g_array_index (ids, gint64, i), error))
      {
        _ed_sql_rollback (db);
        return FALSE;
      }

  return _ed_sql_commit (db, error) && _ed_store_scrub (db, FALSE, error);
}

static void
close_connections (EdStore *self)
{
  g_clear_pointer (&self->read_db, sqlite3_close);
  g_clear_pointer (&self->db, sqlite3_close);
}

static gboolean
open_database (EdStore  *self,
               GError  **error)
{
  if (!prepare_files (self->path, error))
    return FALSE;

  self->db = open_connection (self->path, FALSE, error);
  if (self->db == NULL ||
      !check_file (self->db, error) ||
      !_ed_store_migrate (self->db, error) ||
      !expunge_trash (self->db, error))
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
move_aside (EdStore  *self,
            GError  **error)
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

/**
 * ed_store_open:
 * @path: (nullable): the database file; %NULL for ed_store_default_path()
 *
 * Opens the store, creating it or bringing an older one to the current
 * schema. A damaged file is moved aside and a new store opened: check
 * ed_store_get_recovery() and tell the user.
 *
 * Returns: (transfer full): the store, or %NULL with @error when the
 *   file can be neither opened nor replaced, or a newer Entry Desk made it
 */
EdStore *
ed_store_open (const char    *path,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(EdStore) self = g_object_new (ED_TYPE_STORE, NULL);
  g_autoptr(GError) local_error = NULL;

  self->path = path != NULL ? g_strdup (path) : ed_store_default_path ();

  if (open_database (self, &local_error))
    return g_steal_pointer (&self);

  if (!g_error_matches (local_error, ED_ERROR, ED_ERROR_CORRUPT))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!move_aside (self, error))
    return NULL;
  g_set_error (&self->recovery, ED_ERROR, ED_ERROR_CORRUPT,
               _("The case database “%s” was damaged and could not be read. It was kept as "
                 "“%s”, and a new, empty case database was started."),
               self->path, self->moved_aside);
  g_message ("Case database damaged (%s); moved aside to %s", local_error->message,
             self->moved_aside);

  if (!open_database (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  EdStore *store = ed_store_open (task_data, cancellable, &error);

  if (store != NULL)
    g_task_return_pointer (task, store, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
ed_store_open_async (const char          *path,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, ed_store_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_thread);
}

/**
 * ed_store_open_finish:
 *
 * Returns: (transfer full): as ed_store_open()
 */
EdStore *
ed_store_open_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
ed_store_get_path (EdStore *self)
{
  g_return_val_if_fail (ED_IS_STORE (self), NULL);
  return self->path;
}

/**
 * ed_store_get_recovery:
 *
 * Returns: (nullable): when the database was damaged and replaced, what
 *   to tell the user (where the old file was kept); %NULL otherwise
 */
const GError *
ed_store_get_recovery (EdStore *self)
{
  g_return_val_if_fail (ED_IS_STORE (self), NULL);
  return self->recovery;
}

/**
 * ed_store_get_moved_aside:
 *
 * Returns: (nullable): where a damaged database was kept
 */
const char *
ed_store_get_moved_aside (EdStore *self)
{
  g_return_val_if_fail (ED_IS_STORE (self), NULL);
  return self->moved_aside;
}

typedef struct
{
  GTask           *task;
  GTaskThreadFunc  func;
} WriteJob;

static gboolean
release_task (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static void
writer_thread (gpointer data,
               gpointer user_data)
{
  WriteJob *job = data;
  EdStore *self = user_data;

  job->func (job->task, self, g_task_get_task_data (job->task),
             g_task_get_cancellable (job->task));

  /* The task may hold the last reference to the store, which must not
   * be finalized in its own worker thread. Queued before the count goes
   * down, so that whoever waited for the writes can run it. */
  g_main_context_invoke (g_task_get_context (job->task), release_task, job->task);
  g_free (job);

  g_mutex_lock (&self->queue_lock);
  self->queued--;
  g_cond_broadcast (&self->queue_cond);
  g_mutex_unlock (&self->queue_lock);
}

/**
 * _ed_store_queue_write:
 *
 * Runs @func for @task on the writer thread, after every write queued
 * before it.
 */
void
_ed_store_queue_write (EdStore         *self,
                       GTask           *task,
                       GTaskThreadFunc  func)
{
  WriteJob *job = g_new0 (WriteJob, 1);

  job->task = g_object_ref (task);
  job->func = func;

  g_mutex_lock (&self->queue_lock);
  self->queued++;
  g_mutex_unlock (&self->queue_lock);

  g_thread_pool_push (self->writer, job, NULL);
}

static void
args_free (gpointer data)
{
  EdStoreArgs *args = data;

  if (args->data_free != NULL)
    args->data_free (args->data);
  g_clear_object (&args->object);
  g_free (args);
}

EdStoreArgs *
_ed_store_args_new (gint64          id,
                    guint           number,
                    gpointer        data,
                    GDestroyNotify  data_free)
{
  EdStoreArgs *args = g_new0 (EdStoreArgs, 1);

  args->id = id;
  args->number = number;
  args->data = data;
  args->data_free = data_free;
  return args;
}

/**
 * _ed_store_run:
 * @args: (transfer full): the task data @func gets
 *
 * Runs @func for an _async call: on the writer thread after the writes
 * queued before it, or on any worker thread for a read.
 */
void
_ed_store_run (EdStore             *self,
               gpointer             source_tag,
               EdStoreWorker        worker,
               GTaskThreadFunc      func,
               EdStoreArgs         *args,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, args, args_free);
  if (worker == ED_STORE_WRITER)
    _ed_store_queue_write (self, task, func);
  else
    g_task_run_in_thread (task, func);
}

/* Waits until every queued write is done. */
void
_ed_store_wait_writes (EdStore *self)
{
  g_mutex_lock (&self->queue_lock);
  while (self->queued > 0)
    g_cond_wait (&self->queue_cond, &self->queue_lock);
  g_mutex_unlock (&self->queue_lock);
}

void
_ed_store_emit_changed (EdStore *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

void
_ed_store_emit_save_failed (EdStore      *self,
                            const GError *error)
{
  g_signal_emit (self, signals[SAVE_FAILED], 0, error);
}

void
_ed_store_notify_unsaved (EdStore *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNSAVED]);
}

static void
ed_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  EdStore *self = ED_STORE (object);

  switch (prop_id)
    {
    case PROP_UNSAVED:
      g_value_set_boolean (value, ed_store_has_unsaved_changes (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_store_dispose (GObject *object)
{
  EdStore *self = ED_STORE (object);

  if (self->db != NULL)
    _ed_store_autosave_dispose (self);
  if (self->writer != NULL)
    {
      g_thread_pool_free (self->writer, FALSE, TRUE);
      self->writer = NULL;
    }
  close_connections (self);

  G_OBJECT_CLASS (ed_store_parent_class)->dispose (object);
}

static void
ed_store_finalize (GObject *object)
{
  EdStore *self = ED_STORE (object);

  g_free (self->path);
  g_free (self->moved_aside);
  g_clear_error (&self->recovery);
  g_clear_pointer (&self->cases, g_hash_table_unref);
  g_clear_pointer (&self->dirty, g_hash_table_unref);
  g_mutex_clear (&self->db_lock);
  g_mutex_clear (&self->read_lock);
  g_mutex_clear (&self->queue_lock);
  g_cond_clear (&self->queue_cond);

  G_OBJECT_CLASS (ed_store_parent_class)->finalize (object);
}

static void
ed_store_class_init (EdStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = ed_store_get_property;
  object_class->dispose = ed_store_dispose;
  object_class->finalize = ed_store_finalize;

  /**
   * EdStore:unsaved:
   *
   * %TRUE while a change waits to be written (at most a second).
   */
  properties[PROP_UNSAVED] =
    g_param_spec_boolean ("unsaved", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EdStore::changed:
   *
   * Cases were added, saved, deleted, restored, imported or purged:
   * lists of cases search again.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * EdStore::save-failed:
   * @error: what went wrong, for the user
   *
   * An autosave failed (a full disk); it is tried again at the next
   * change and every few seconds until it works.
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
ed_store_init (EdStore *self)
{
  g_mutex_init (&self->db_lock);
  g_mutex_init (&self->read_lock);
  g_mutex_init (&self->queue_lock);
  g_cond_init (&self->queue_cond);
  self->writer = g_thread_pool_new (writer_thread, self, 1, FALSE, NULL);
  self->cases = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->dirty = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->quiet_ms = 400;
  self->max_ms = 800;
}
