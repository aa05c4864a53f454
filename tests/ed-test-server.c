/* ed-test-server.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "ed-test-server.h"

struct _EdTestServer
{
  char          *root;
  char          *url;
  GThread       *thread;
  GMainContext  *context;
  GMainLoop     *loop;
  SoupServer    *server;

  GMutex         mutex;
  GCond          ready;
  char          *mode_path;      /* NULL: every path */
  EdTestServeMode mode;
  GHashTable    *counts;         /* path → bodies sent */
};

static void
count_body (EdTestServer *self,
            const char   *path)
{
  g_mutex_lock (&self->mutex);
  g_hash_table_replace (self->counts, g_strdup (path),
                        GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (self->counts,
                                                                                 path)) + 1));
  g_mutex_unlock (&self->mutex);
}

/* Writes a raw response on the stolen connection and closes it. */
static void
write_raw (SoupServerMessage *msg,
           const char        *head,
           const char        *body,
           gsize              body_length,
           gsize              repeat)
{
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);
  GOutputStream *out = g_io_stream_get_output_stream (stream);
  gboolean ok = g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL);

  for (gsize i = 0; ok && i < repeat; i++)
    ok = g_output_stream_write_all (out, body, body_length, NULL, NULL, NULL);
  g_output_stream_flush (out, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

static void
serve_file (EdTestServer      *self,
            SoupServerMessage *msg,
            const char        *path,
            EdTestServeMode    mode)
{
  g_autofree char *file = g_build_filename (self->root, path, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *etag = NULL;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  gsize length;

  if (!g_file_get_contents (file, &contents, &length, NULL))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  if (mode == ED_TEST_SERVE_DROP)
    {
      g_autofree char *head = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Length: %"
                                               G_GSIZE_FORMAT "\r\n\r\n", length);

      write_raw (msg, head, contents, length / 2, 1);
      return;
    }

  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, contents, length);
  etag = g_strdup_printf ("\"%s\"", hash);
  soup_message_headers_replace (response, "ETag", etag);
  if (g_strcmp0 (soup_message_headers_get_one (request, "If-None-Match"), etag) == 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/octet-stream", SOUP_MEMORY_COPY,
                                    contents, length);
  count_body (self, path);
}

static void
handle (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  EdTestServer *self = user_data;
  static const char zeros[64 * 1024];
  EdTestServeMode mode;

  g_mutex_lock (&self->mutex);
  mode = self->mode_path == NULL || strcmp (self->mode_path, path) == 0
         ? self->mode : ED_TEST_SERVE_FILES;
  g_mutex_unlock (&self->mutex);

  switch (mode)
    {
    case ED_TEST_SERVE_404:
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      break;
    case ED_TEST_SERVE_500:
      soup_server_message_set_status (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
      break;
    case ED_TEST_SERVE_STALL:
      soup_server_message_pause (msg);
      break;
    case ED_TEST_SERVE_ENDLESS:
      /* No length: the client has to stop reading by itself. */
      write_raw (msg, "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n", zeros, sizeof zeros, 4096);
      break;
    case ED_TEST_SERVE_FILES:
    case ED_TEST_SERVE_DROP:
    default:
      serve_file (self, msg, path, mode);
    }
}

static gpointer
server_thread (gpointer data)
{
  EdTestServer *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;

  g_main_context_push_thread_default (self->context);

  self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, NULL, handle, self, NULL);
  soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (self->server);
  g_mutex_lock (&self->mutex);
  self->url = g_strdup_printf ("http://127.0.0.1:%d/", g_uri_get_port (uris->data));
  g_cond_signal (&self->ready);
  g_mutex_unlock (&self->mutex);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  g_main_loop_run (self->loop);

  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  /* Let the connections finish closing before the context goes. */
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_main_context_pop_thread_default (self->context);

  return NULL;
}

/* Serves the files under @root at ed_test_server_get_url(). */
EdTestServer *
ed_test_server_new (const char *root)
{
  EdTestServer *self = g_new0 (EdTestServer, 1);

  self->root = g_strdup (root);
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_mutex_init (&self->mutex);
  g_cond_init (&self->ready);

  g_mutex_lock (&self->mutex);
  self->thread = g_thread_new ("test-server", server_thread, self);
  while (self->url == NULL)
    g_cond_wait (&self->ready, &self->mutex);
  g_mutex_unlock (&self->mutex);

  return self;
}

const char *
ed_test_server_get_url (EdTestServer *self)
{
  return self->url;
}

/**
 * ed_test_server_set_mode:
 * @path: (nullable): the request path it applies to (“/feed/index.json”);
 *   %NULL for every request
 */
void
ed_test_server_set_mode (EdTestServer    *self,
                         const char      *path,
                         EdTestServeMode  mode)
{
  g_mutex_lock (&self->mutex);
  g_free (self->mode_path);
  self->mode_path = g_strdup (path);
  self->mode = mode;
  g_mutex_unlock (&self->mutex);
}

/* Returns: how many times @path was sent with its body (not 304) */
guint
ed_test_server_get_count (EdTestServer *self,
                          const char   *path)
{
  guint count;

  g_mutex_lock (&self->mutex);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, path));
  g_mutex_unlock (&self->mutex);

  return count;
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

void
ed_test_server_free (EdTestServer *self)
{
  g_main_context_invoke (self->context, quit_loop, self->loop);
  g_thread_join (self->thread);

  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_hash_table_unref (self->counts);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->ready);
  g_free (self->mode_path);
  g_free (self->root);
  g_free (self->url);
  g_free (self);
}
