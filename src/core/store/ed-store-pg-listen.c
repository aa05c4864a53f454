/* ed-store-pg-listen.c — learning of the other desks' changes, and of the server
 *
 * A thread with its own connection LISTENs on the channel every change
 * is announced on (a trigger, when it commits) and waits on its socket:
 * a change made on another desk reaches this one within milliseconds,
 * as #EdStoreBackend::changed-elsewhere. The same thread notices when
 * the server goes away (the socket closes) and tries again every second;
 * when it gets through, the backend is online again
 * (#EdStoreBackend::offline-changed), which makes EdStore send the
 * offline queue.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ed-error.h"
#include "ed-store-pg-private.h"

#define RETRY_MS 1000

/* Waits for @fd (or -1) to be readable, @timeout_ms at most; %FALSE
 * when the backend is being closed. */
static gboolean
wait_for (EdStorePg *self,
          int        fd,
          int        timeout_ms)
{
  GPollFD fds[2];
  guint n = 0;

  if (!g_cancellable_make_pollfd (self->stopping, &fds[n]))
    return FALSE;
  n++;
  if (fd >= 0)
    {
      fds[n].fd = fd;
      fds[n].events = G_IO_IN;
      fds[n].revents = 0;
      n++;
    }

  g_poll (fds, n, timeout_ms);
  g_cancellable_release_fd (self->stopping);
  return !g_cancellable_is_cancelled (self->stopping);
}

static PGconn *
listen_again (EdStorePg *self)
{
  g_autoptr(GError) error = NULL;
  PGconn *conn = _ed_pg_connect (self, &error);

  if (conn == NULL)
    {
      if (!_ed_pg_error_is_offline (error))
        g_debug ("The listener cannot connect: %s", error->message);
      _ed_pg_went_offline (self);
      return NULL;
    }
  if (!_ed_pg_command (conn, "LISTEN " ED_PG_CHANNEL, 0, NULL, &error))
    {
      g_debug ("The listener cannot listen: %s", error->message);
      PQfinish (conn);
      return NULL;
    }

  return conn;
}

static gboolean
is_own (EdStorePg *self,
        int        pid)
{
  return pid == g_atomic_int_get (&self->writer_pid) || pid == g_atomic_int_get (&self->reader_pid);
}

static gpointer
listen_thread (gpointer data)
{
  EdStorePg *self = data;
  PGconn *conn = g_steal_pointer (&self->listen_conn);

  while (!g_cancellable_is_cancelled (self->stopping))
    {
      PGnotify *notify;

      if (conn == NULL)
        {
          gboolean was_offline = g_atomic_int_get (&self->offline);

          conn = listen_again (self);
          if (conn == NULL)
            {
              wait_for (self, -1, RETRY_MS);
              continue;
            }
          g_debug ("Listening to %s", self->location);
          _ed_pg_load_settings (self, conn, NULL);
          _ed_pg_came_online (self);
          /* Whatever changed while this desk did not listen. */
          if (was_offline)
            ed_store_backend_emit_changed_elsewhere (ED_STORE_BACKEND (self), 0);
        }

      if (!wait_for (self, PQsocket (conn), RETRY_MS))
        break;

      /* A call on another connection found the server gone: this one
       * says when it answers again. */
      if (g_atomic_int_get (&self->offline))
        {
          if (_ed_pg_command (conn, "SELECT 1", 0, NULL, NULL))
            _ed_pg_came_online (self);
          else
            g_clear_pointer (&conn, PQfinish);
          continue;
        }

      if (!PQconsumeInput (conn) || PQstatus (conn) != CONNECTION_OK)
        {
          g_clear_pointer (&conn, PQfinish);
          _ed_pg_went_offline (self);
          continue;
        }

      while ((notify = PQnotifies (conn)) != NULL)
        {
          gint64 id = g_ascii_strtoll (notify->extra, NULL, 10);

          /* The office's settings, kept for the GUI to read at once. */
          if (g_strcmp0 (notify->extra, "settings") == 0)
            {
              _ed_pg_load_settings (self, conn, NULL);
              PQfreemem (notify);
              continue;
            }

          g_debug ("Case %" G_GINT64_FORMAT " changed by server process %d", id, notify->be_pid);

          if (!is_own (self, notify->be_pid))
            ed_store_backend_emit_changed_elsewhere (ED_STORE_BACKEND (self), id);
          PQfreemem (notify);
        }
    }

  g_clear_pointer (&conn, PQfinish);
  return NULL;
}

/* Listening before the store is open: nothing another desk does from
 * then on is missed. */
void
_ed_pg_listener_start (EdStorePg *self)
{
  g_return_if_fail (self->listener == NULL);

  self->listen_conn = listen_again (self);
  self->listener = g_thread_new ("ed-pg-listen", listen_thread, self);
}

void
_ed_pg_listener_stop (EdStorePg *self)
{
  if (self->listener == NULL)
    return;

  g_cancellable_cancel (self->stopping);
  g_thread_join (self->listener);
  self->listener = NULL;
}
