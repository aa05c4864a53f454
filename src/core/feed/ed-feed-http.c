/* ed-feed-http.c — downloading one file of a feed
 *
 * One GET on the caller's main context, with everything an untrusted
 * server must not be able to do prevented here: plain HTTP (except to
 * this computer), redirects to such addresses, bodies beyond a size
 * limit, and holding the connection open for ever.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-error.h"
#include "ed-feed.h"
#include "ed-feed-private.h"

#define CHUNK_SIZE     (64 * 1024)
#define MAX_REDIRECTS  5

typedef struct
{
  SoupSession         *session;
  GUri                *uri;
  char                *url;         /* as first asked for: what messages name */
  char                *etag;
  char                *last_modified;
  gsize                max_size;
  GCancellable        *cancellable; /* ours: cancelled by the caller's or the deadline */
  GCancellable        *caller_cancellable;
  gulong               caller_handler;
  GSource             *deadline;
  GError              *error;       /* returned once the stream is closed */
  gboolean             timed_out;
  guint                timeout;
  guint                redirects;
  SoupMessage         *message;
  GInputStream        *stream;
  GByteArray          *body;
  EdFeedFetchProgress  progress;
  gpointer             progress_data;
} Fetch;

static void fetch_send (GTask *task);

void
_ed_feed_response_free (EdFeedResponse *response)
{
  if (response == NULL)
    return;

  g_clear_pointer (&response->body, g_bytes_unref);
  g_free (response->etag);
  g_free (response->last_modified);
  g_free (response);
}

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0 || g_ascii_strcasecmp (host, "localhost.") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/**
 * ed_feed_check_url:
 *
 * Checks that a feed address may be used: https://, or http:// to this
 * computer only (localhost, 127.0.0.0/8, ::1), for tests and local
 * mirrors.
 */
gboolean
ed_feed_check_url (const char  *url,
                   GError     **error)
{
  g_autoptr(GUri) uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  const char *scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  if (uri == NULL || host == NULL || *host == '\0' ||
      (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0))
    {
      g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                   _("“%s” is not a web address starting with https://"), url);
      return FALSE;
    }

  if (g_ascii_strcasecmp (scheme, "http") == 0 && !host_is_loopback (host))
    {
      g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                   _("“%s” uses plain HTTP, which anyone on the way can read and alter; "
                     "use an https:// address (plain HTTP is accepted only for this "
                     "computer: localhost, 127.0.0.1 or ::1)"), url);
      return FALSE;
    }

  return TRUE;
}

static void
fetch_free (Fetch *fetch)
{
  if (fetch->caller_handler != 0)
    g_cancellable_disconnect (fetch->caller_cancellable, fetch->caller_handler);
  if (fetch->deadline != NULL)
    {
      g_source_destroy (fetch->deadline);
      g_source_unref (fetch->deadline);
    }
  g_clear_object (&fetch->caller_cancellable);
  g_clear_object (&fetch->cancellable);
  g_clear_object (&fetch->stream);
  g_clear_object (&fetch->message);
  g_clear_object (&fetch->session);
  g_clear_pointer (&fetch->uri, g_uri_unref);
  g_clear_pointer (&fetch->body, g_byte_array_unref);
  g_clear_error (&fetch->error);
  g_free (fetch->url);
  g_free (fetch->etag);
  g_free (fetch->last_modified);
  g_free (fetch);
}

static void
stream_closed (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_input_stream_close_finish (G_INPUT_STREAM (source), result, NULL);
}

static void
closed_then_fail (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  Fetch *fetch = g_task_get_task_data (task);

  g_input_stream_close_finish (G_INPUT_STREAM (source), result, NULL);
  g_clear_object (&fetch->stream);
  g_task_return_error (task, g_steal_pointer (&fetch->error));
  g_object_unref (task);
}

/* Ends the fetch with @error (taken). A response still open is closed
 * first, without reading the rest of what the server sends, so that
 * the connection is gone when the caller hears of the failure. */
static void
fetch_return_error (GTask  *task,
                    GError *error)
{
  Fetch *fetch = g_task_get_task_data (task);

  if (fetch->stream == NULL || g_input_stream_is_closed (fetch->stream))
    {
      g_clear_object (&fetch->stream);
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  fetch->error = error;
  g_input_stream_close_async (fetch->stream, G_PRIORITY_DEFAULT, NULL, closed_then_fail, task);
}

static void
fetch_fail (GTask      *task,
            const char *reason)
{
  Fetch *fetch = g_task_get_task_data (task);

  fetch_return_error (task, g_error_new (ED_ERROR, ED_ERROR_NETWORK,
                                         _("Could not download “%s”: %s"), fetch->url, reason));
}

static void
fetch_fail_with (GTask  *task,
                 GError *error)
{
  Fetch *fetch = g_task_get_task_data (task);

  if (fetch->timed_out)
    fetch_fail (task, _("the server did not answer in time"));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    fetch_return_error (task, g_error_copy (error));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    fetch_fail (task, _("the server did not answer in time"));
  else if (error->domain == G_RESOLVER_ERROR)
    fetch_fail (task, _("the server’s name could not be found (is the computer offline?)"));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    fetch_fail (task, _("the server refused the connection"));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE))
    fetch_fail (task, _("the server cannot be reached (is the computer offline?)"));
  else if (error->domain == G_TLS_ERROR)
    fetch_fail (task, _("the secure connection failed: the server’s certificate is not valid"));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE))
    fetch_fail (task, _("the connection was closed before the whole file arrived"));
  else
    fetch_fail (task, error->message);
}

static void
fetch_fail_too_large (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);
  g_autofree char *limit = g_format_size (fetch->max_size);
  g_autofree char *reason = g_strdup_printf (_("the file is larger than the %s allowed"), limit);

  fetch_fail (task, reason);
}

static void
fetch_done (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);
  EdFeedResponse *response = g_new0 (EdFeedResponse, 1);
  SoupMessageHeaders *headers = soup_message_get_response_headers (fetch->message);

  response->body = g_byte_array_free_to_bytes (g_steal_pointer (&fetch->body));
  response->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  response->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));

  g_input_stream_close_async (fetch->stream, G_PRIORITY_DEFAULT, NULL, stream_closed, NULL);
  g_clear_object (&fetch->stream);

  g_task_return_pointer (task, response, (GDestroyNotify) _ed_feed_response_free);
  g_object_unref (task);
}

static void
fetch_read_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source),
                                                              result, &error);

  if (chunk == NULL)
    {
      fetch_fail_with (task, error);
      return;
    }

  if (g_bytes_get_size (chunk) == 0)
    {
      fetch_done (task);
      return;
    }

  if (fetch->body->len + g_bytes_get_size (chunk) > fetch->max_size)
    {
      fetch_fail_too_large (task);
      return;
    }

  g_byte_array_append (fetch->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  if (fetch->progress != NULL)
    fetch->progress (fetch->body->len, fetch->progress_data);

  g_input_stream_read_bytes_async (fetch->stream, CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   fetch->cancellable, fetch_read_done, task);
}

static gboolean
fetch_redirect (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (fetch->message);
  const char *location = soup_message_headers_get_one (headers, "Location");
  g_autoptr(GUri) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *target_text = NULL;

  if (location == NULL)
    return FALSE;

  if (++fetch->redirects > MAX_REDIRECTS)
    {
      fetch_fail (task, _("the server redirected too many times"));
      return TRUE;
    }

  target = g_uri_parse_relative (fetch->uri, location, SOUP_HTTP_URI_FLAGS, NULL);
  target_text = target != NULL ? g_uri_to_string (target) : g_strdup (location);
  if (target == NULL || !ed_feed_check_url (target_text, &error))
    {
      g_autofree char *reason = NULL;

      reason = g_strdup_printf (_("the server redirected to an address that is not allowed: %s"),
                                error != NULL ? error->message : location);
      fetch_fail (task, reason);
      return TRUE;
    }

  g_input_stream_close_async (fetch->stream, G_PRIORITY_DEFAULT, NULL, stream_closed, NULL);
  g_clear_object (&fetch->stream);
  g_clear_pointer (&fetch->uri, g_uri_unref);
  fetch->uri = g_steal_pointer (&target);
  fetch_send (task);
  return TRUE;
}

static void
fetch_sent (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  guint status;
  goffset length;

  fetch->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (fetch->stream == NULL)
    {
      fetch_fail_with (task, error);
      return;
    }

  status = soup_message_get_status (fetch->message);
  if (SOUP_STATUS_IS_REDIRECTION (status) && status != SOUP_STATUS_NOT_MODIFIED &&
      fetch_redirect (task))
    return;

  if (status == SOUP_STATUS_NOT_MODIFIED && (fetch->etag != NULL || fetch->last_modified != NULL))
    {
      EdFeedResponse *response = g_new0 (EdFeedResponse, 1);

      response->not_modified = TRUE;
      g_input_stream_close_async (fetch->stream, G_PRIORITY_DEFAULT, NULL, stream_closed, NULL);
      g_clear_object (&fetch->stream);
      g_task_return_pointer (task, response, (GDestroyNotify) _ed_feed_response_free);
      g_object_unref (task);
      return;
    }

  if (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_GONE)
    {
      g_autofree char *reason = g_strdup_printf (_("the server has no such file (HTTP %u)"),
                                                 status);
      fetch_fail (task, reason);
      return;
    }

  if (status != SOUP_STATUS_OK)
    {
      g_autofree char *reason = g_strdup_printf (_("the server answered with the error HTTP %u"),
                                                 status);
      fetch_fail (task, reason);
      return;
    }

  length =
    soup_message_headers_get_content_length (soup_message_get_response_headers (fetch->message));
  if (length > (goffset) fetch->max_size)
    {
      fetch_fail_too_large (task);
      return;
    }

  fetch->body = g_byte_array_new ();
  g_input_stream_read_bytes_async (fetch->stream, CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   fetch->cancellable, fetch_read_done, task);
}

static void
fetch_send (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  g_clear_object (&fetch->message);
  fetch->message = soup_message_new_from_uri (SOUP_METHOD_GET, fetch->uri);
  soup_message_set_flags (fetch->message, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (fetch->message);
  /* The bytes must be exactly the signed ones. */
  soup_message_headers_replace (headers, "Accept-Encoding", "identity");
  soup_message_headers_replace (headers, "Cache-Control", "no-cache");
  if (fetch->etag != NULL)
    soup_message_headers_replace (headers, "If-None-Match", fetch->etag);
  if (fetch->last_modified != NULL)
    soup_message_headers_replace (headers, "If-Modified-Since", fetch->last_modified);

  soup_session_send_async (fetch->session, fetch->message, G_PRIORITY_DEFAULT,
                           fetch->cancellable, fetch_sent, task);
}

static void
caller_cancelled (GCancellable *caller_cancellable,
                  GCancellable *cancellable)
{
  g_cancellable_cancel (cancellable);
}

static gboolean
deadline_passed (gpointer user_data)
{
  Fetch *fetch = user_data;

  fetch->timed_out = TRUE;
  g_cancellable_cancel (fetch->cancellable);
  g_clear_pointer (&fetch->deadline, g_source_unref);

  return G_SOURCE_REMOVE;
}

/**
 * _ed_feed_fetch_async:
 * @etag: (nullable): ask for the file only if it changed since
 * @last_modified: (nullable): likewise
 * @max_size: refuse a longer body; reading stops there
 * @deadline: seconds the whole transfer may take
 * @progress: (nullable): called with the bytes received so far
 */
void
_ed_feed_fetch_async (SoupSession          *session,
                      const char           *url,
                      const char           *etag,
                      const char           *last_modified,
                      gsize                 max_size,
                      guint                 deadline,
                      GCancellable         *cancellable,
                      EdFeedFetchProgress   progress,
                      gpointer              progress_data,
                      GAsyncReadyCallback   callback,
                      gpointer              user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Fetch *fetch = g_new0 (Fetch, 1);
  g_autoptr(GError) error = NULL;

  g_task_set_source_tag (task, _ed_feed_fetch_async);
  g_task_set_task_data (task, fetch, (GDestroyNotify) fetch_free);

  fetch->session = g_object_ref (session);
  fetch->url = g_strdup (url);
  fetch->etag = g_strdup (etag);
  fetch->last_modified = g_strdup (last_modified);
  fetch->max_size = max_size;
  fetch->progress = progress;
  fetch->progress_data = progress_data;
  fetch->cancellable = g_cancellable_new ();

  if (!ed_feed_check_url (url, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  fetch->uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);

  if (cancellable != NULL)
    {
      fetch->caller_cancellable = g_object_ref (cancellable);
      fetch->caller_handler = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled),
                                                     g_object_ref (fetch->cancellable),
                                                     g_object_unref);
    }

  fetch->deadline = g_timeout_source_new_seconds (deadline);
  g_source_set_callback (fetch->deadline, deadline_passed, fetch, NULL);
  g_source_attach (fetch->deadline, g_main_context_get_thread_default ());

  fetch_send (task);
}

/**
 * _ed_feed_fetch_finish:
 *
 * Returns: (transfer full): the response; its body is %NULL when the
 *   file did not change since @etag / @last_modified
 */
EdFeedResponse *
_ed_feed_fetch_finish (GAsyncResult  *result,
                       GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
