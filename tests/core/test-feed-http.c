/* test-feed-http.c — one download, against a real server on 127.0.0.1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ed-error.h"
#include "ed-feed.h"
#include "ed-feed-private.h"
#include "ed-test-server.h"
#include "ed-test-util.h"

typedef struct
{
  char           *root;
  EdTestServer   *server;
  SoupSession    *session;
  GMainLoop      *loop;
  EdFeedResponse *response;
  GError         *error;
  gsize           progress;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->root = ed_test_make_tmpdir ();
  path = g_build_filename (fixture->root, "file.json", NULL);
  g_assert_true (g_file_set_contents (path, "{\"hello\": \"world\"}\n", -1, NULL));

  fixture->server = ed_test_server_new (fixture->root);
  fixture->session = soup_session_new_with_options ("timeout", 1, NULL);
  fixture->loop = g_main_loop_new (NULL, FALSE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->response, _ed_feed_response_free);
  g_clear_error (&fixture->error);
  soup_session_abort (fixture->session);
  g_clear_object (&fixture->session);
  g_clear_pointer (&fixture->server, ed_test_server_free);
  g_main_loop_unref (fixture->loop);
  ed_test_rm_rf (fixture->root);
  g_free (fixture->root);
}

static void
fetched (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fixture *fixture = user_data;

  fixture->response = _ed_feed_fetch_finish (result, &fixture->error);
  g_main_loop_quit (fixture->loop);
}

static void
progress (gsize    received,
          gpointer user_data)
{
  Fixture *fixture = user_data;

  fixture->progress = received;
}

static void
fetch (Fixture    *fixture,
       const char *url,
       const char *etag,
       gsize       max_size,
       guint       deadline)
{
  g_clear_pointer (&fixture->response, _ed_feed_response_free);
  g_clear_error (&fixture->error);
  _ed_feed_fetch_async (fixture->session, url, etag, NULL, max_size, deadline, NULL,
                        progress, fixture, fetched, fixture);
  g_main_loop_run (fixture->loop);
}

static char *
url_of (Fixture    *fixture,
        const char *path)
{
  return g_strconcat (ed_test_server_get_url (fixture->server), path, NULL);
}

static void
assert_network_error (Fixture    *fixture,
                      const char *expected)
{
  g_assert_null (fixture->response);
  g_assert_error (fixture->error, ED_ERROR, ED_ERROR_NETWORK);
  if (strstr (fixture->error->message, expected) == NULL)
    g_error ("“%s” does not say “%s”", fixture->error->message, expected);
}

static void
test_feed_http_ok_and_not_modified (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *url = url_of (fixture, "file.json");
  g_autofree char *etag = NULL;

  fetch (fixture, url, NULL, 1024, 10);
  g_assert_no_error (fixture->error);
  g_assert_false (fixture->response->not_modified);
  g_assert_cmpmem (g_bytes_get_data (fixture->response->body, NULL),
                   g_bytes_get_size (fixture->response->body), "{\"hello\": \"world\"}\n", 19);
  g_assert_cmpuint (fixture->progress, ==, 19);
  g_assert_nonnull (fixture->response->etag);
  etag = g_strdup (fixture->response->etag);

  fetch (fixture, url, etag, 1024, 10);
  g_assert_no_error (fixture->error);
  g_assert_true (fixture->response->not_modified);
  g_assert_null (fixture->response->body);
  g_assert_cmpuint (ed_test_server_get_count (fixture->server, "/file.json"), ==, 1);
}

static void
test_feed_http_errors (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *url = url_of (fixture, "file.json");
  g_autofree char *missing = url_of (fixture, "missing.json");

  fetch (fixture, missing, NULL, 1024, 10);
  assert_network_error (fixture, "HTTP 404");
  g_assert_nonnull (strstr (fixture->error->message, missing));

  ed_test_server_set_mode (fixture->server, NULL, ED_TEST_SERVE_500);
  fetch (fixture, url, NULL, 1024, 10);
  assert_network_error (fixture, "HTTP 500");

  /* Nothing listens on port 9 (discard) of this computer. */
  fetch (fixture, "http://127.0.0.1:9/index.json", NULL, 1024, 10);
  assert_network_error (fixture, "refused");

  /* .invalid never resolves (RFC 6761). */
  fetch (fixture, "https://feed.invalid/index.json", NULL, 1024, 10);
  assert_network_error (fixture, "could not be found");
}

static void
test_feed_http_too_large (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *url = url_of (fixture, "file.json");
  gint64 start = g_get_monotonic_time ();

  fetch (fixture, url, NULL, 10, 10);
  assert_network_error (fixture, "larger than");

  /* A body without a length that never ends: reading stops at the limit. */
  ed_test_server_set_mode (fixture->server, NULL, ED_TEST_SERVE_ENDLESS);
  fetch (fixture, url, NULL, 1024 * 1024, 10);
  assert_network_error (fixture, "larger than");
  g_assert_cmpuint (fixture->progress, <=, 1024 * 1024);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

static void
test_feed_http_stall (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *url = url_of (fixture, "file.json");
  gint64 start = g_get_monotonic_time ();

  ed_test_server_set_mode (fixture->server, NULL, ED_TEST_SERVE_STALL);
  fetch (fixture, url, NULL, 1024, 4);
  assert_network_error (fixture, "did not answer in time");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

static void
test_feed_http_dropped (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *url = url_of (fixture, "file.json");

  ed_test_server_set_mode (fixture->server, NULL, ED_TEST_SERVE_DROP);
  fetch (fixture, url, NULL, 1024, 10);
  assert_network_error (fixture, "closed before the whole file arrived");
}

static void
test_feed_http_cancelled (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *url = url_of (fixture, "file.json");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  ed_test_server_set_mode (fixture->server, NULL, ED_TEST_SERVE_STALL);
  _ed_feed_fetch_async (fixture->session, url, NULL, NULL, 1024, 10, cancellable,
                        NULL, NULL, fetched, fixture);
  g_cancellable_cancel (cancellable);
  g_main_loop_run (fixture->loop);
  g_assert_error (fixture->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_feed_http_url_policy (void)
{
  const char *allowed[] = {
    "https://example.org/feed/", "http://127.0.0.1:8080/feed/", "http://127.1.2.3/",
    "http://localhost/feed", "http://LOCALHOST:80/", "http://[::1]:8000/feed/",
  };
  const char *refused[] = {
    "http://example.org/feed/", "http://192.168.1.10/", "http://10.0.0.1/",
    "http://[::2]/", "ftp://example.org/", "file:///etc/passwd", "example.org", "",
    "http://localhost.example.org/",
  };

  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    {
      g_autoptr(GError) error = NULL;

      if (!ed_feed_check_url (allowed[i], &error))
        g_error ("%s refused: %s", allowed[i], error->message);
    }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;

      if (ed_feed_check_url (refused[i], &error))
        g_error ("%s allowed", refused[i]);
      g_assert_error (error, ED_ERROR, ED_ERROR_INVALID);
    }
}

static void
test_feed_http_plain_http_refused (Fixture       *fixture,
                                   gconstpointer  data)
{
  fetch (fixture, "http://example.org/feed/index.json", NULL, 1024, 10);
  g_assert_null (fixture->response);
  g_assert_error (fixture->error, ED_ERROR, ED_ERROR_INVALID);
  g_assert_nonnull (strstr (fixture->error->message, "https://"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/feed-http/ok-and-not-modified", Fixture, NULL,
              fixture_set_up, test_feed_http_ok_and_not_modified, fixture_tear_down);
  g_test_add ("/feed-http/errors", Fixture, NULL,
              fixture_set_up, test_feed_http_errors, fixture_tear_down);
  g_test_add ("/feed-http/too-large", Fixture, NULL,
              fixture_set_up, test_feed_http_too_large, fixture_tear_down);
  g_test_add ("/feed-http/stall", Fixture, NULL,
              fixture_set_up, test_feed_http_stall, fixture_tear_down);
  g_test_add ("/feed-http/dropped", Fixture, NULL,
              fixture_set_up, test_feed_http_dropped, fixture_tear_down);
  g_test_add ("/feed-http/cancelled", Fixture, NULL,
              fixture_set_up, test_feed_http_cancelled, fixture_tear_down);
  g_test_add ("/feed-http/plain-http-refused", Fixture, NULL,
              fixture_set_up, test_feed_http_plain_http_refused, fixture_tear_down);
  g_test_add_func ("/feed-http/url-policy", test_feed_http_url_policy);

  return g_test_run ();
}
