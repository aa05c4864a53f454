/* ed-store-pg.c — the case store in an office's PostgreSQL database
 *
 * Several desks share one set of cases. Three connections: one writes
 * and loads, one searches (so that a search never waits for a save), one
 * listens for the other desks' changes on its own thread
 * (ed-store-pg-listen.c). Each is used one call at a time, under its
 * lock; the calls come from EdStore's threads.
 *
 * Saves never overwrite another desk's: each carries the version it was
 * read at (ed-store-pg-cases.c). When the server cannot be reached, or
 * drops in the middle of a save, the save goes to the offline queue on
 * disk (ed-store-pg-queue.c) and returns: nothing typed is lost. While a
 * case has a save queued, its later saves join the queue too, in order;
 * replay_queue() sends them when the server is back, with the same rule.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-error.h"
#include "ed-paths.h"
#include "ed-store-pg-private.h"

static void backend_iface_init (EdStoreBackendInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EdStorePg, ed_store_pg, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ED_TYPE_STORE_BACKEND, backend_iface_init))

#define INT_TEXT(name, value) \
  char name[24]; \
  g_snprintf (name, sizeof name, "%" G_GINT64_FORMAT, (gint64) (value))

/**
 * ed_store_location_is_pg:
 *
 * Returns: whether @location is the address of a PostgreSQL database
 */
gboolean
ed_store_location_is_pg (const char *location)
{
  return location != NULL &&
         (g_ascii_strncasecmp (location, "postgresql://", 13) == 0 ||
          g_ascii_strncasecmp (location, "postgres://", 11) == 0);
}

/**
 * ed_store_pg_new:
 * @uri: postgresql://USER@HOST:PORT/DATABASE, with libpq's parameters
 *   (?sslmode=…, ?sslrootcert=…) when needed
 *
 * Returns: (transfer full): the backend, to be opened; %NULL with
 *   @error when @uri is not a database's address
 */
EdStoreBackend *
ed_store_pg_new (const char  *uri,
                 GError     **error)
{
  g_autoptr(EdStorePg) self = NULL;

  g_return_val_if_fail (uri != NULL, NULL);

  self = g_object_new (ED_TYPE_STORE_PG, NULL);
  self->uri = g_strdup (uri);
  if (!_ed_pg_parse_location (self, error))
    return NULL;

  return ED_STORE_BACKEND (g_steal_pointer (&self));
}

/**
 * ed_store_pg_set_queue_dir:
 * @dir: (nullable): where the offline queue is kept; %NULL for
 *   $XDG_DATA_HOME/entry-desk/office-queue
 *
 * Before opening.
 */
void
ed_store_pg_set_queue_dir (EdStorePg  *self,
                           const char *dir)
{
  g_return_if_fail (ED_IS_STORE_PG (self));
  g_return_if_fail (self->queue == NULL);

  g_free (self->queue_dir);
  self->queue_dir = g_strdup (dir);
}

/**
 * ed_store_pg_get_queue_path:
 *
 * Returns: (transfer full): the offline queue's file, one a database
 *   and role: mode 0600 in a folder only its owner reads
 */
char *
ed_store_pg_get_queue_path (EdStorePg *self)
{
  g_autofree char *dir = NULL;
  g_autofree char *key = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (ED_IS_STORE_PG (self), NULL);

  dir = self->queue_dir != NULL ? g_strdup (self->queue_dir)
                                : g_build_filename (g_get_user_data_dir (), "entry-desk",
                                                    "office-queue", NULL);
  key = g_strjoin ("\n", self->host, self->port, self->dbname, self->user, NULL);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  name = g_strdup_printf ("%.16s.json", hash);
  return g_build_filename (dir, name, NULL);
}

/**
 * ed_store_pg_get_role:
 *
 * Returns: (nullable): the database role this desk works as, once open
 */
const char *
ed_store_pg_get_role (EdStorePg *self)
{
  g_return_val_if_fail (ED_IS_STORE_PG (self), NULL);
  return self->role;
}

/**
 * ed_store_pg_get_read_only:
 *
 * Returns: whether the role this desk works as may read cases but not
 *   add or change them (entry_desk_reader); valid once open
 */
gboolean
ed_store_pg_get_read_only (EdStorePg *self)
{
  g_return_val_if_fail (ED_IS_STORE_PG (self), FALSE);
  return self->read_only;
}

guint
ed_store_pg_get_n_queued (EdStorePg *self)
{
  guint n;

  g_return_val_if_fail (ED_IS_STORE_PG (self), 0);

  g_mutex_lock (&self->queue_lock);
  n = self->queue != NULL ? _ed_pg_queue_size (self->queue) : 0;
  g_mutex_unlock (&self->queue_lock);

  return n;
}

void
_ed_pg_went_offline (EdStorePg *self)
{
  if (g_atomic_int_compare_and_exchange (&self->offline, FALSE, TRUE))
    {
      g_message ("Office database %s unreachable: working offline", self->location);
      ed_store_backend_emit_offline_changed (ED_STORE_BACKEND (self), TRUE);
    }
}

void
_ed_pg_came_online (EdStorePg *self)
{
  if (g_atomic_int_compare_and_exchange (&self->offline, TRUE, FALSE))
    {
      g_message ("Office database %s reached again", self->location);
      ed_store_backend_emit_offline_changed (ED_STORE_BACKEND (self), FALSE);
    }
}

/* A trashed case's Undo lasts seconds; a day later it is gone for good. */
static void
expunge_old_trash (PGconn *conn)
{
  g_autoptr(GError) error = NULL;

  if (!_ed_pg_command (conn, "SELECT expunge_case (id) FROM cases "
                             "WHERE trashed < now () - interval '1 day'", 0, NULL, &error))
    g_debug ("Old trash not expunged: %s", error->message);
}

/* What the role may do, as the database enforces it (the README's
 * grants): a desk shows a role that may only read its cases read-only,
 * rather than have its saves refused. */
static gboolean
read_grants (EdStorePg  *self,
             PGconn     *conn,
             GError    **error)
{
  g_autoptr(PGresult) result = _ed_pg_exec (conn, "SELECT has_table_privilege ('cases', "
                                                  "'UPDATE')", 0, NULL, error);

  if (result == NULL)
    return FALSE;
  self->read_only = g_strcmp0 (_ed_pg_text (result, 0, 0), "t") != 0;
  return TRUE;
}

static gboolean
backend_open (EdStoreBackend  *backend,
              GCancellable    *cancellable,
              GError         **error)
{
  EdStorePg *self = ED_STORE_PG (backend);
  g_autofree char *queue_path = ed_store_pg_get_queue_path (self);
  g_autofree char *queue_dir = g_path_get_dirname (queue_path);
  g_autoptr(GError) queue_error = NULL;

  g_return_val_if_fail (self->writer.conn == NULL, FALSE);

  self->writer.conn = _ed_pg_connect (self, error);
  if (self->writer.conn == NULL)
    return FALSE;
  if (!_ed_pg_migrate (self->writer.conn, error) ||
      !_ed_pg_load_settings (self, self->writer.conn, error))
    return FALSE;
  expunge_old_trash (self->writer.conn);
  if (!read_grants (self, self->writer.conn, error))
    return FALSE;

  self->reader.conn = _ed_pg_connect (self, error);
  if (self->reader.conn == NULL)
    return FALSE;
  g_atomic_int_set (&self->writer_pid, PQbackendPID (self->writer.conn));
  g_atomic_int_set (&self->reader_pid, PQbackendPID (self->reader.conn));

  if (!ed_paths_ensure_private_dir (queue_dir, error))
    return FALSE;
  self->queue = _ed_pg_queue_new (queue_path);
  if (!_ed_pg_queue_load (self->queue, &queue_error))
    g_warning ("%s", queue_error->message);
  _ed_pg_reserve (self, self->writer.conn);

  g_atomic_int_set (&self->opened, TRUE);
  _ed_pg_listener_start (self);
  return TRUE;
}

static const char *
backend_get_location (EdStoreBackend *backend)
{
  return ED_STORE_PG (backend)->location;
}

static gboolean
backend_insert_case (EdStoreBackend  *backend,
                     EdCaseRecord    *record,
                     gboolean         new_reference,
                     GError         **error)
{
  EdStorePg *self = ED_STORE_PG (backend);
  g_autoptr(GError) local_error = NULL;
  gboolean ok = FALSE;

  /* A new case made offline waits in the queue, under a reference and
   * an id reserved for it (ed-store-pg-offline.c). */
  if (new_reference && g_atomic_int_get (&self->offline))
    return _ed_pg_insert_offline (self, record, error);

  g_mutex_lock (&self->writer.lock);
  if (_ed_pg_link_ready (self, &self->writer, &local_error))
    ok = _ed_pg_insert_case (self, self->writer.conn, record, new_reference, &local_error);
  if (ok)
    _ed_pg_reserve (self, self->writer.conn);
  g_mutex_unlock (&self->writer.lock);

  if (!ok && _ed_pg_error_is_offline (local_error))
    {
      _ed_pg_went_offline (self);
      if (new_reference)
        return _ed_pg_insert_offline (self, record, error);
      g_set_error (error, ED_ERROR, ED_ERROR_OFFLINE,
                   _("A case cannot be imported while the office database cannot be "
                     "reached; try again when it is back"));
      return FALSE;
    }
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return ok;
}

static EdCaseRecord *
queued_copy (EdStorePg *self,
             gint64     id)
{
  EdCaseRecord *copy;

  g_mutex_lock (&self->queue_lock);
  copy = _ed_pg_queue_lookup_copy (self->queue, id);
  g_mutex_unlock (&self->queue_lock);

  return copy;
}

static EdCaseRecord *
backend_load_case (EdStoreBackend  *backend,
                   gint64           id,
                   gboolean         with_sheets,
                   GError         **error)
{
  EdStorePg *self = ED_STORE_PG (backend);
  EdCaseRecord *record = NULL;

  /* What waits in the queue is newer than the server's: opened again,
   * the case shows it. */
  if (!with_sheets && (record = queued_copy (self, id)) != NULL)
    return record;

  g_mutex_lock (&self->writer.lock);
  if (_ed_pg_link_ready (self, &self->writer, error))
    record = _ed_pg_read_case (self->writer.conn, id, with_sheets, error);
  g_mutex_unlock (&self->writer.lock);

  return record;
}

/* On the writer connection, whose lock the caller holds. */
static gboolean
save_on_server (EdStorePg     *self,
                EdCaseRecord  *record,
                GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(EdCaseRecord) theirs = NULL;

  if (!_ed_pg_link_ready (self, &self->writer, error))
    return FALSE;
  if (_ed_pg_update_case (self->writer.conn, record, &local_error))
    return TRUE;

  if (_ed_pg_error_is_offline (local_error))
    _ed_pg_went_offline (self);

  /* A save that reached the server before the answer was lost, sent
   * again, comes back as a "conflict" with itself. */
  if (g_error_matches (local_error, ED_ERROR, ED_ERROR_CONFLICT))
    theirs = _ed_pg_read_case (self->writer.conn, record->id, FALSE, NULL);
  if (theirs != NULL && ed_case_record_same_content (theirs, record))
    {
      record->version = theirs->version;
      g_free (record->changed_by);
      record->changed_by = g_strdup (theirs->changed_by);
      return TRUE;
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
queue_record (EdStorePg     *self,
              EdCaseRecord  *record,
              GError       **error)
{
  gboolean ok;

  g_mutex_lock (&self->queue_lock);
  ok = _ed_pg_queue_put (self->queue, record, error);
  g_mutex_unlock (&self->queue_lock);

  return ok;
}

static gboolean
backend_save_case (EdStoreBackend  *backend,
                   EdCaseRecord    *record,
                   GError         **error)
{
  EdStorePg *self = ED_STORE_PG (backend);
  g_autoptr(GError) local_error = NULL;
  gboolean queued;
  gboolean ok;

  g_mutex_lock (&self->queue_lock);
  queued = _ed_pg_queue_has (self->queue, record->id);
  g_mutex_unlock (&self->queue_lock);

  /* Behind a queued save of the same case, or with no server: queued. A
   * save with the version of the other desk (a conflict resolved) goes
   * to the server. */
  if (g_atomic_int_get (&self->offline))
    return queue_record (self, record, error);
  if (queued)
    {
      EdCaseRecord *waiting = queued_copy (self, record->id);
      gboolean behind = waiting == NULL || waiting->version == record->version;

      g_clear_pointer (&waiting, ed_case_record_free);
      if (behind)
        return queue_record (self, record, error);
    }

  g_mutex_lock (&self->writer.lock);
  ok = save_on_server (self, record, &local_error);
  g_mutex_unlock (&self->writer.lock);

  if (ok)
    {
      if (queued)
        {
          g_mutex_lock (&self->queue_lock);
          ok = _ed_pg_queue_drop (self->queue, record->id, error);
          g_mutex_unlock (&self->queue_lock);
        }
      return ok;
    }

  /* The server went away, perhaps in the middle of the commit: kept to
   * send again, where a copy that did arrive shows as the same case. */
  if (_ed_pg_error_is_offline (local_error))
    return queue_record (self, record, error);

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
backend_get_offline (EdStoreBackend *backend)
{
  return g_atomic_int_get (&ED_STORE_PG (backend)->offline);
}

static guint
backend_get_n_queued (EdStoreBackend *backend)
{
  return ed_store_pg_get_n_queued (ED_STORE_PG (backend));
}

static GPtrArray *
backend_replay_queue (EdStoreBackend  *backend,
                      GPtrArray       *saved,
                      GError         **error)
{
  EdStorePg *self = ED_STORE_PG (backend);
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) waiting = NULL;
  g_autoptr(GMutexLocker) replaying = g_mutex_locker_new (&self->replay_lock);

  g_mutex_lock (&self->queue_lock);
  waiting = _ed_pg_queue_copy_all (self->queue);
  g_mutex_unlock (&self->queue_lock);

  /* The file keeps every save until the server has it: a crash in the
   * middle of this sends the rest next time. */
  for (guint i = 0; i < waiting->len; i++)
    {
      EdCaseRecord *record = g_ptr_array_index (waiting, i);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(EdCaseRecord) theirs = NULL;
      gboolean sent;
      gboolean ok = TRUE;

      g_mutex_lock (&self->writer.lock);
      /* A case made here offline: version 0, never on the server. */
      if (record->version == 0)
        sent = _ed_pg_send_new (self, record, &local_error);
      else
        sent = save_on_server (self, record, &local_error);
      if (g_error_matches (local_error, ED_ERROR, ED_ERROR_CONFLICT))
        theirs = _ed_pg_read_case (self->writer.conn, record->id, FALSE, NULL);
      g_mutex_unlock (&self->writer.lock);

      g_mutex_lock (&self->queue_lock);
      if (sent)
        ok = _ed_pg_queue_sent (self->queue, record, record->version, error);
      else if (g_error_matches (local_error, ED_ERROR, ED_ERROR_NOT_FOUND))
        ok = _ed_pg_queue_drop (self->queue, record->id, error);  /* deleted elsewhere */
      g_mutex_unlock (&self->queue_lock);
      if (!ok)
        return NULL;

      if (sent)
        g_ptr_array_add (saved, ed_case_record_copy (record));
      else if (theirs != NULL)
        g_ptr_array_add (conflicts, ed_case_conflict_new (NULL, record, theirs));
      else if (_ed_pg_error_is_offline (local_error))
        break;   /* the rest waits for the next time */
      else if (local_error != NULL)
        g_warning ("A queued save of case %s was not sent: %s", record->reference,
                   local_error->message);
    }

  /* New cases made offline took reservations: made again. */
  g_mutex_lock (&self->writer.lock);
  if (self->writer.conn != NULL && PQstatus (self->writer.conn) == CONNECTION_OK)
    _ed_pg_reserve (self, self->writer.conn);
  g_mutex_unlock (&self->writer.lock);

  return g_steal_pointer (&conflicts);
}

static void
backend_set_case_open (EdStoreBackend *backend,
                       gint64          id,
                       gboolean        open)
{
  EdStorePg *self = ED_STORE_PG (backend);
  g_autoptr(GError) error = NULL;
  INT_TEXT (case_id, id);
  const char *values[] = { case_id, self->desk };

  g_mutex_lock (&self->open_lock);
  if (open)
    g_hash_table_add (self->open_cases, g_memdup2 (&id, sizeof id));
  else
    g_hash_table_remove (self->open_cases, &id);
  g_mutex_unlock (&self->open_lock);

  if (g_atomic_int_get (&self->offline))
    return;

  g_mutex_lock (&self->writer.lock);
  if (self->writer.conn != NULL && PQstatus (self->writer.conn) == CONNECTION_OK &&
      !_ed_pg_command (self->writer.conn,
                       open ? "INSERT INTO presence (case_id, desk) VALUES ($1, $2) "
                              "ON CONFLICT (case_id, desk) DO UPDATE SET since = now ()"
                            : "DELETE FROM presence WHERE case_id = $1 AND desk = $2",
                       2, values, &error))
    g_debug ("Presence of case %s not announced: %s", case_id, error->message);
  g_mutex_unlock (&self->writer.lock);
}

/**
 * _ed_pg_announce_open:
 *
 * After a reconnection: the cases this desk has open, again (the rows
 * of the old connection are stale).
 */
void
_ed_pg_announce_open (EdStorePg *self,
                      PGconn    *conn)
{
  GHashTableIter iter;
  gpointer key;

  g_mutex_lock (&self->open_lock);
  g_hash_table_iter_init (&iter, self->open_cases);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      INT_TEXT (case_id, *(gint64 *) key);
      const char *values[] = { case_id, self->desk };

      _ed_pg_command (conn, "INSERT INTO presence (case_id, desk) VALUES ($1, $2) "
                            "ON CONFLICT (case_id, desk) DO UPDATE SET since = now ()",
                      2, values, NULL);
    }
  g_mutex_unlock (&self->open_lock);
}

static const char *
backend_get_role (EdStoreBackend *backend)
{
  return ED_STORE_PG (backend)->role;
}

static void
backend_iface_init (EdStoreBackendInterface *iface)
{
  iface->open = backend_open;
  iface->get_location = backend_get_location;
  iface->insert_case = backend_insert_case;
  iface->load_case = backend_load_case;
  iface->save_case = backend_save_case;
  iface->get_offline = backend_get_offline;
  iface->get_n_queued = backend_get_n_queued;
  iface->replay_queue = backend_replay_queue;
  iface->set_case_open = backend_set_case_open;
  iface->get_role = backend_get_role;
  _ed_store_pg_cases_iface (iface);
  _ed_store_pg_search_iface (iface);
  _ed_store_pg_offline_iface (iface);
}

static void
ed_store_pg_dispose (GObject *object)
{
  EdStorePg *self = ED_STORE_PG (object);

  _ed_pg_listener_stop (self);

  G_OBJECT_CLASS (ed_store_pg_parent_class)->dispose (object);
}

static void
ed_store_pg_finalize (GObject *object)
{
  EdStorePg *self = ED_STORE_PG (object);

  g_clear_pointer (&self->writer.conn, PQfinish);
  g_clear_pointer (&self->reader.conn, PQfinish);
  g_mutex_clear (&self->writer.lock);
  g_mutex_clear (&self->reader.lock);
  g_clear_pointer (&self->queue, _ed_pg_queue_free);
  g_clear_pointer (&self->reserved, g_array_unref);
  g_mutex_clear (&self->queue_lock);
  g_mutex_clear (&self->replay_lock);
  g_clear_pointer (&self->found, g_hash_table_unref);
  g_mutex_clear (&self->found_lock);
  g_clear_pointer (&self->settings, g_hash_table_unref);
  g_mutex_clear (&self->settings_lock);
  g_clear_pointer (&self->open_cases, g_hash_table_unref);
  g_mutex_clear (&self->open_lock);
  g_clear_object (&self->stopping);

  if (self->uri != NULL)
    memset (self->uri, 0, strlen (self->uri));
  g_free (self->uri);
  g_free (self->location);
  g_free (self->host);
  g_free (self->port);
  g_free (self->dbname);
  g_free (self->user);
  g_free (self->role);
  g_free (self->desk);
  g_free (self->queue_dir);

  G_OBJECT_CLASS (ed_store_pg_parent_class)->finalize (object);
}

static void
ed_store_pg_class_init (EdStorePgClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ed_store_pg_dispose;
  object_class->finalize = ed_store_pg_finalize;
}

static void
ed_store_pg_init (EdStorePg *self)
{
  g_mutex_init (&self->writer.lock);
  g_mutex_init (&self->reader.lock);
  g_mutex_init (&self->queue_lock);
  g_mutex_init (&self->replay_lock);
  self->reserved = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_mutex_init (&self->found_lock);
  self->found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_ptr_array_unref);
  g_mutex_init (&self->settings_lock);
  self->settings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_mutex_init (&self->open_lock);
  self->open_cases = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->desk = g_uuid_string_random ();
  self->stopping = g_cancellable_new ();
}
