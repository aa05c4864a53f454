/* ed-store.c — the case store: opening it on its backend, and its threads
 *
 * ed_store_open() picks the backend that keeps the cases at a location
 * (backend_for_location(), the one place that knows them) and opens it.
 * The store runs the backend's plain calls: the synchronous API in the
 * caller's thread, the asynchronous one on worker threads (writes in
 * order on one writer thread, reads on others); results and signals
 * come back in the thread that opened the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-error.h"
#include "ed-store-pg.h"
#include "ed-store-private.h"
#include "ed-store-sqlite.h"

G_DEFINE_FINAL_TYPE (EdStore, ed_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  SAVE_FAILED,
  CONFLICT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_UNSAVED,
  PROP_OFFLINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

char *
ed_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "entry-desk", "cases.db", NULL);
}

/* The one place that knows which backend keeps the cases at a location:
 * a path (or a file:// URI) is an SQLite file, a postgresql:// address
 * an office database. */
static EdStoreBackend *
backend_for_location (const char  *location,
                      GError     **error)
{
  g_autofree char *scheme = NULL;

  if (location == NULL)
    {
      g_autofree char *path = ed_store_default_path ();

      return ed_store_sqlite_new (path);
    }

  /* An address has "scheme://"; "C:\…" and "a:b" are paths. */
  scheme = g_uri_parse_scheme (location);
  if (scheme == NULL || !g_str_has_prefix (location + strlen (scheme), "://"))
    return ed_store_sqlite_new (location);

  if (ed_store_location_is_pg (location))
    return ed_store_pg_new (location, error);

  if (g_ascii_strcasecmp (scheme, "file") == 0)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (location);
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        return ed_store_sqlite_new (path);
    }

  /* Only the scheme: the rest of an address may hold a password. */
  g_set_error (error, ED_ERROR, ED_ERROR_UNSUPPORTED,
               _("Entry Desk cannot keep cases at a “%s:” address; give the path of a case "
                 "database file, or a postgresql:// address"), scheme);
  return NULL;
}

/**
 * ed_store_open:
 * @location: (nullable): where the cases are: the path of a database
 *   file (or its file:// URI); %NULL for ed_store_default_path()
 *
 * Opens the store, creating it or bringing an older one to the current
 * schema. A damaged file is moved aside and a new store opened: check
 * ed_store_get_recovery() and tell the user.
 *
 * Returns: (transfer full): the store, or %NULL with @error when the
 *   file can be neither opened nor replaced, or a newer Entry Desk made it
 */
EdStore *
ed_store_open (const char    *location,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(EdStoreBackend) backend = backend_for_location (location, error);

  if (backend == NULL)
    return NULL;

  return ed_store_open_backend (backend, cancellable, error);
}

/**
 * ed_store_open_backend:
 * @backend: a backend not opened yet
 *
 * Opens @backend and makes a store of it, as ed_store_open() does with
 * the backend it picks.
 *
 * Returns: (transfer full): the store, or %NULL with @error
 */
EdStore *
ed_store_open_backend (EdStoreBackend  *backend,
                       GCancellable    *cancellable,
                       GError         **error)
{
  EdStore *self;

  g_return_val_if_fail (ED_IS_STORE_BACKEND (backend), NULL);

  if (!ed_store_backend_open (backend, cancellable, error))
    return NULL;

  self = g_object_new (ED_TYPE_STORE, NULL);
  self->backend = g_object_ref (backend);
  _ed_store_sync_init (self);
  return self;
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
    {
      /* Signals go to the thread that asked for the store. */
      g_main_context_unref (store->context);
      store->context = g_main_context_ref (g_task_get_context (task));
      g_task_return_pointer (task, store, g_object_unref);
    }
  else
    g_task_return_error (task, error);
}

void
ed_store_open_async (const char          *location,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, ed_store_open_async);
  g_task_set_task_data (task, g_strdup (location), g_free);
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

/**
 * ed_store_get_path:
 *
 * Returns: where the cases are: the database file, or for another
 *   backend its address (without a password)
 */
const char *
ed_store_get_path (EdStore *self)
{
  g_return_val_if_fail (ED_IS_STORE (self), NULL);
  return ed_store_backend_get_location (self->backend);
}

/**
 * ed_store_get_read_only:
 *
 * Returns: whether this desk may read the cases but not add or change
 *   them: an office database's reader role. A window shows them
 *   read-only instead of letting staff type what cannot be saved.
 */
gboolean
ed_store_get_read_only (EdStore *self)
{
  g_return_val_if_fail (ED_IS_STORE (self), FALSE);
  return ED_IS_STORE_PG (self->backend) &&
         ed_store_pg_get_read_only (ED_STORE_PG (self->backend));
}

/**
 * ed_store_get_backend:
 *
 * Returns: (transfer none): where the store keeps its cases
 */
EdStoreBackend *
ed_store_get_backend (EdStore *self)
{
  g_return_val_if_fail (ED_IS_STORE (self), NULL);
  return self->backend;
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
  return ed_store_backend_get_recovery (self->backend);
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
  return ed_store_backend_get_moved_aside (self->backend);
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
    case PROP_OFFLINE:
      g_value_set_boolean (value, ed_store_get_offline (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_store_dispose (GObject *object)
{
  EdStore *self = ED_STORE (object);

  if (self->backend != NULL)
    {
      _ed_store_sync_dispose (self);
      _ed_store_autosave_dispose (self);
    }
  if (self->writer != NULL)
    {
      g_thread_pool_free (self->writer, FALSE, TRUE);
      self->writer = NULL;
    }
  if (self->backend != NULL)
    _ed_store_expunge_own_trash (self);
  g_clear_object (&self->backend);

  G_OBJECT_CLASS (ed_store_parent_class)->dispose (object);
}

static void
ed_store_finalize (GObject *object)
{
  EdStore *self = ED_STORE (object);

  g_clear_pointer (&self->cases, g_hash_table_unref);
  g_clear_pointer (&self->dirty, g_hash_table_unref);
  g_clear_pointer (&self->known, g_hash_table_unref);
  g_clear_pointer (&self->in_conflict, g_hash_table_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->elsewhere, g_hash_table_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_mutex_clear (&self->known_lock);
  g_clear_pointer (&self->trashed, g_hash_table_unref);
  g_mutex_clear (&self->queue_lock);
  g_mutex_clear (&self->trash_lock);
  g_cond_clear (&self->queue_cond);
  g_clear_object (&self->catalog);
  g_mutex_clear (&self->catalog_lock);
  g_clear_pointer (&self->due_stale, g_hash_table_unref);

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

  /**
   * EdStore:offline:
   *
   * %TRUE while an office database cannot be reached: saves wait on this
   * desk (ed_store_get_n_queued()) and are sent when it is back.
   */
  properties[PROP_OFFLINE] =
    g_param_spec_boolean ("offline", NULL, NULL, FALSE,
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

  /**
   * EdStore::conflict:
   * @conflict: the case as both desks have it
   *
   * An office database refused a save: another desk saved the case since
   * this one read it. Nothing was overwritten; the case stays unsaved and
   * is not saved again until ed_store_resolve_conflict(). Also for saves
   * sent from the offline queue (ed_store_get_conflicts() lists them all).
   */
  signals[CONFLICT] =
    g_signal_new ("conflict", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ED_TYPE_CASE_CONFLICT);
}

static void
ed_store_init (EdStore *self)
{
  g_mutex_init (&self->queue_lock);
  g_mutex_init (&self->catalog_lock);
  self->due_stale = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_cond_init (&self->queue_cond);
  self->writer = g_thread_pool_new (writer_thread, self, 1, FALSE, NULL);
  self->cases = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->dirty = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->trashed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_mutex_init (&self->trash_lock);
  self->quiet_ms = 400;
  self->max_ms = 800;
  g_mutex_init (&self->known_lock);
  self->known = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                       (GDestroyNotify) ed_case_record_free);
  self->in_conflict = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
  self->conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  self->elsewhere = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->context = g_main_context_ref_thread_default ();
}
