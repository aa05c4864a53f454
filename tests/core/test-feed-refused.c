/* test-feed-refused.c — every way an update can fail keeps the catalog the user had
 *
 * Each test installs a first update, then breaks the next one the way
 * a server or an attacker would, and checks the message and that the
 * downloaded files and what the catalog loads are exactly as before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ed-error.h"
#include "ed-feed-private.h"
#include "ed-test-util.h"
#include "feed-fixture.h"

#define SAMPLE_ID   "xx-feed-sample"
#define MYNUMBER_ID "jp-mynumber-insurance-card"

/* Installs sample v1 and mynumber v3 (the app ships v2), then publishes
 * sample at @next. */
static char *
install_first (FeedFixture *fixture,
               int          next)
{
  g_autofree char *sample = feed_fixture_sample_file (SAMPLE_ID ".json");
  g_autofree char *mynumber = feed_fixture_system_file (MYNUMBER_ID);
  g_autoptr(EdFeedResult) result = NULL;
  g_autoptr(GError) error = NULL;

  feed_fixture_add (fixture, sample, 1);
  feed_fixture_add (fixture, mynumber, 3);
  feed_fixture_publish (fixture, 0);
  result = feed_fixture_update (fixture, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ed_feed_result_get_outcome (result), ==, ED_FEED_OUTCOME_CHANGED);

  if (next > 0)
    {
      feed_fixture_add (fixture, sample, next);
      feed_fixture_publish (fixture, 0);
    }

  return feed_fixture_snapshot ();
}

/* The next update fails with @code and a message containing every @expected. */
static void
assert_refused (FeedFixture *fixture,
                const char  *before,
                const char  *trusted_key,
                GQuark       domain,
                int          code,
                ...)
{
  g_autoptr(EdFeedResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  const char *expected;
  va_list args;

  result = feed_fixture_update (fixture, trusted_key, &error);
  g_assert_null (result);
  g_assert_error (error, domain, code);
  g_test_message ("refused: %s", error->message);

  va_start (args, code);
  while ((expected = va_arg (args, const char *)) != NULL)
    if (strstr (error->message, expected) == NULL)
      g_error ("“%s” does not say “%s”", error->message, expected);
  va_end (args);

  after = feed_fixture_snapshot ();
  g_assert_cmpstr (after, ==, before);
}

static void
test_feed_refused_tampered_file (FeedFixture   *fixture,
                                 gconstpointer  data)
{
  g_autofree char *before = install_first (fixture, 2);

  /* One byte changed on the server after the feed was signed. */
  feed_fixture_alter (fixture, SAMPLE_ID ".json", "Example source", "Example sourcf");
  assert_refused (fixture, before, NULL, ED_ERROR, ED_ERROR_SIGNATURE,
                  SAMPLE_ID ".json", fixture->feed_url, "checksum", NULL);
}

static void
test_feed_refused_bad_signature (FeedFixture   *fixture,
                                 gconstpointer  data)
{
  g_autofree char *before = install_first (fixture, 2);

  feed_fixture_alter (fixture, "index.json", "Test Association", "Test Associatioo");
  assert_refused (fixture, before, NULL, ED_ERROR, ED_ERROR_SIGNATURE,
                  "signature", "does not match", NULL);
}

static void
test_feed_refused_unknown_key (FeedFixture   *fixture,
                               gconstpointer  data)
{
  g_autofree char *before = install_first (fixture, 2);
  g_autoptr(EdSigningKey) stranger = ed_signing_key_generate (NULL, NULL);
  g_autofree char *stranger_key =
    ed_public_key_to_string (ed_signing_key_get_public_key (stranger));
  g_autofree char *signer = g_strndup (fixture->public_key, 44);

  assert_refused (fixture, before, stranger_key, ED_ERROR, ED_ERROR_SIGNATURE,
                  "not trust", signer, NULL);
}

static void
test_feed_refused_older_version (FeedFixture   *fixture,
                                 gconstpointer  data)
{
  g_autofree char *sample = feed_fixture_sample_file (SAMPLE_ID ".json");
  g_autofree char *before = install_first (fixture, 2);
  g_autoptr(EdFeedResult) result = feed_fixture_update (fixture, NULL, NULL);

  g_clear_pointer (&before, g_free);
  before = feed_fixture_snapshot ();

  /* Version 2 is installed; the feed goes back to version 1. */
  feed_fixture_add (fixture, sample, 1);
  feed_fixture_publish (fixture, 0);
  assert_refused (fixture, before, NULL, ED_ERROR, ED_ERROR_INVALID,
                  "version 1 of “" SAMPLE_ID "”", "version 2", NULL);
}

/* The publisher changed the text of version 1 and signed it again: a
 * desk that has version 1 would silently say something else under the
 * same version. */
static void
test_feed_refused_same_version_changed (FeedFixture   *fixture,
                                        gconstpointer  data)
{
  g_autofree char *before = install_first (fixture, 0);
  g_autofree char *source = g_build_filename (fixture->source_dir, SAMPLE_ID ".json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *changed = NULL;
  g_auto(GStrv) parts = NULL;

  g_assert_true (g_file_get_contents (source, &text, NULL, NULL));
  parts = g_strsplit (text, "Example source", 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  changed = g_strjoinv ("A changed source", parts);
  g_assert_true (g_file_set_contents (source, changed, -1, NULL));
  feed_fixture_publish (fixture, 0);

  assert_refused (fixture, before, NULL, ED_ERROR, ED_ERROR_INVALID, fixture->feed_url,
                  "changes the text of version 1 of “" SAMPLE_ID "” without raising its version",
                  "tell the feed’s publisher", NULL);
}

/* A correctly signed file that fails the catalog checks. */
static void
test_feed_refused_invalid_procedure (FeedFixture   *fixture,
                                     gconstpointer  data)
{
  g_autofree char *before = install_first (fixture, 0);
  g_autofree char *broken_path = feed_fixture_sample_file ("xx-feed-broken.json");
  g_autoptr(EdFeedIndex) index = ed_feed_index_new ("Test Association", G_MAXINT64 / 2, NULL);
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (broken_path, FALSE, NULL);
  g_autoptr(GBytes) broken = g_mapped_file_get_bytes (mapped);
  g_autoptr(GBytes) index_bytes = NULL;
  g_autofree char *signature_text = NULL;
  g_autofree char *index_path = g_build_filename (fixture->feed_dir, "index.json", NULL);
  g_autofree char *signature_path = g_build_filename (fixture->feed_dir, "index.json.sig", NULL);
  g_autofree char *file_path = g_build_filename (fixture->feed_dir, "xx-feed-broken.json", NULL);
  guint8 signature[ED_SIGNATURE_SIZE];

  ed_feed_index_add (index, "xx-feed-broken", 1, broken);
  index_bytes = ed_feed_index_to_bytes (index);
  ed_signing_key_sign (fixture->key, index_bytes, signature);
  signature_text = ed_signature_to_string (ed_signing_key_get_public_key (fixture->key), signature);
  g_assert_true (g_file_set_contents (file_path, g_bytes_get_data (broken, NULL),
                                      g_bytes_get_size (broken), NULL));
  g_assert_true (g_file_set_contents (index_path, g_bytes_get_data (index_bytes, NULL),
                                      g_bytes_get_size (index_bytes), NULL));
  g_assert_true (g_file_set_contents (signature_path, signature_text, -1, NULL));

  assert_refused (fixture, before, NULL, ED_ERROR, ED_ERROR_INVALID,
                  "xx-feed-broken.json", "catalog checks", NULL);
}

/* An old index, validly signed, served again. */
static void
test_feed_refused_replayed_index (FeedFixture   *fixture,
                                  gconstpointer  data)
{
  g_autofree char *sample = feed_fixture_sample_file (SAMPLE_ID ".json");
  g_autofree char *old_feed = g_build_filename (fixture->tmp, "old-feed", NULL);
  g_autofree char *before = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(EdFeedIndex) old_index = NULL;
  g_autoptr(EdFeedResult) result = NULL;
  g_autoptr(GError) error = NULL;

  feed_fixture_add (fixture, sample, 1);
  old_index = ed_feed_build (fixture->source_dir, fixture->key, "Test Association", 10,
                             old_feed, &problems, &error);
  g_assert_no_error (error);
  feed_fixture_publish (fixture, 20);
  result = feed_fixture_update (fixture, NULL, &error);
  g_assert_no_error (error);
  before = feed_fixture_snapshot ();

  ed_test_rm_rf (fixture->feed_dir);
  g_assert_cmpint (g_rename (old_feed, fixture->feed_dir), ==, 0);
  assert_refused (fixture, before, NULL, ED_ERROR, ED_ERROR_SIGNATURE,
                  "sequence 10", "sequence 20", NULL);
}

static void
test_feed_refused_http_404 (FeedFixture   *fixture,
                            gconstpointer  data)
{
  g_autofree char *before = install_first (fixture, 2);

  ed_test_server_set_mode (fixture->server, "/feed/index.json", ED_TEST_SERVE_404);
  assert_refused (fixture, before, NULL, ED_ERROR, ED_ERROR_NETWORK,
                  "index.json", "HTTP 404", NULL);

  /* The index is there, a file it lists is not. */
  ed_test_server_set_mode (fixture->server, "/feed/" SAMPLE_ID ".json", ED_TEST_SERVE_404);
  assert_refused (fixture, before, NULL, ED_ERROR, ED_ERROR_NETWORK,
                  SAMPLE_ID ".json", "HTTP 404", NULL);
}

static void
test_feed_refused_http_500 (FeedFixture   *fixture,
                            gconstpointer  data)
{
  g_autofree char *before = install_first (fixture, 2);

  ed_test_server_set_mode (fixture->server, NULL, ED_TEST_SERVE_500);
  assert_refused (fixture, before, NULL, ED_ERROR, ED_ERROR_NETWORK, "HTTP 500", NULL);
}

static void
test_feed_refused_stall (FeedFixture   *fixture,
                         gconstpointer  data)
{
  g_autofree char *before = install_first (fixture, 2);
  gint64 start;
  gint64 answered;

  fixture->timeout = 1;

  /* What an update refused at once costs on this machine (under a
   * sanitizer, reading the catalog takes seconds): the baseline. */
  ed_test_server_set_mode (fixture->server, "/feed/" SAMPLE_ID ".json", ED_TEST_SERVE_500);
  start = g_get_monotonic_time ();
  assert_refused (fixture, before, NULL, ED_ERROR, ED_ERROR_NETWORK, "HTTP 500", NULL);
  answered = g_get_monotonic_time () - start;

  /* A server that never answers is given up after the 1 s timeout: the
   * same work and the timeout, not a wait without end. */
  ed_test_server_set_mode (fixture->server, "/feed/" SAMPLE_ID ".json", ED_TEST_SERVE_STALL);
  start = g_get_monotonic_time ();
  assert_refused (fixture, before, NULL, ED_ERROR, ED_ERROR_NETWORK,
                  SAMPLE_ID ".json", "did not answer in time", NULL);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * answered + 5 * G_USEC_PER_SEC);
}

static void
test_feed_refused_dropped (FeedFixture   *fixture,
                           gconstpointer  data)
{
  g_autofree char *before = install_first (fixture, 2);

  ed_test_server_set_mode (fixture->server, "/feed/" SAMPLE_ID ".json", ED_TEST_SERVE_DROP);
  assert_refused (fixture, before, NULL, ED_ERROR, ED_ERROR_NETWORK,
                  SAMPLE_ID ".json", "closed before the whole file arrived", NULL);
}

static void
test_feed_refused_offline (FeedFixture   *fixture,
                           gconstpointer  data)
{
  g_autofree char *before = install_first (fixture, 2);

  /* Nothing listens on port 9 (discard) of this computer. */
  g_free (fixture->feed_url);
  fixture->feed_url = g_strdup ("http://127.0.0.1:9/feed/");
  assert_refused (fixture, before, NULL, ED_ERROR, ED_ERROR_NETWORK, "refused", NULL);
}

static void
test_feed_refused_plain_http (FeedFixture   *fixture,
                              gconstpointer  data)
{
  g_autofree char *before = install_first (fixture, 2);

  g_free (fixture->feed_url);
  fixture->feed_url = g_strdup ("http://example.org/feed/");
  assert_refused (fixture, before, NULL, ED_ERROR, ED_ERROR_INVALID,
                  "http://example.org/feed/", "https://", NULL);
}

static void
cancel_soon (GCancellable *cancellable)
{
  g_cancellable_cancel (cancellable);
}

static void
test_feed_refused_cancelled (FeedFixture   *fixture,
                             gconstpointer  data)
{
  g_autofree char *before = install_first (fixture, 2);
  g_autoptr(EdFeed) feed = ed_feed_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EdFeedResult) result = NULL;
  g_autofree char *after = NULL;
  const char *urls[] = { fixture->feed_url, NULL };
  const char *keys[] = { fixture->public_key, NULL };

  ed_test_server_set_mode (fixture->server, "/feed/" SAMPLE_ID ".json", ED_TEST_SERVE_STALL);
  ed_feed_set_urls (feed, urls);
  ed_feed_set_trusted_keys (feed, keys);
  ed_feed_update_async (feed, cancellable, feed_fixture_update_failed, &error);
  g_timeout_add_once (300, (GSourceOnceFunc) cancel_soon, cancellable);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  after = feed_fixture_snapshot ();
  g_assert_cmpstr (after, ==, before);

  /* Nothing is left locked: the next update works. */
  ed_test_server_set_mode (fixture->server, NULL, ED_TEST_SERVE_FILES);
  result = feed_fixture_update (fixture, NULL, NULL);
  g_assert_nonnull (result);
}

static void
test_feed_refused_no_feed_no_key (void)
{
  g_autoptr(EdFeed) feed = ed_feed_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) key_error = NULL;
  g_autoptr(EdFeedResult) result = NULL;
  const char *bad_keys[] = { "not-a-key", NULL };
  const char *urls[] = { "https://example.org/feed/", NULL };

  ed_feed_update_async (feed, NULL, feed_fixture_update_failed, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, ED_ERROR, ED_ERROR_NOT_FOUND);

  ed_feed_set_urls (feed, urls);
  ed_feed_set_trusted_keys (feed, bad_keys);
  ed_feed_update_async (feed, NULL, feed_fixture_update_failed, &key_error);
  while (key_error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (key_error, ED_ERROR, ED_ERROR_INVALID);
  g_assert_nonnull (strstr (key_error->message, "not-a-key"));
}

int
main (int    argc,
      char **argv)
{
  feed_fixture_init (&argc, &argv);

  feed_fixture_add_test ("/feed-refused/tampered-file", test_feed_refused_tampered_file);
  feed_fixture_add_test ("/feed-refused/bad-signature", test_feed_refused_bad_signature);
  feed_fixture_add_test ("/feed-refused/unknown-key", test_feed_refused_unknown_key);
  feed_fixture_add_test ("/feed-refused/older-version", test_feed_refused_older_version);
  feed_fixture_add_test ("/feed-refused/invalid-procedure", test_feed_refused_invalid_procedure);
  feed_fixture_add_test ("/feed-refused/same-version-changed",
                         test_feed_refused_same_version_changed);
  feed_fixture_add_test ("/feed-refused/replayed-index", test_feed_refused_replayed_index);
  feed_fixture_add_test ("/feed-refused/http-404", test_feed_refused_http_404);
  feed_fixture_add_test ("/feed-refused/http-500", test_feed_refused_http_500);
  feed_fixture_add_test ("/feed-refused/stall", test_feed_refused_stall);
  feed_fixture_add_test ("/feed-refused/dropped", test_feed_refused_dropped);
  feed_fixture_add_test ("/feed-refused/offline", test_feed_refused_offline);
  feed_fixture_add_test ("/feed-refused/plain-http", test_feed_refused_plain_http);
  feed_fixture_add_test ("/feed-refused/cancelled", test_feed_refused_cancelled);
  g_test_add_func ("/feed-refused/no-feed-no-key", test_feed_refused_no_feed_no_key);

  return feed_fixture_run ();
}
