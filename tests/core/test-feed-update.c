/* test-feed-update.c — procedures published on a feed reach the desk
 *
 * A real publisher (ed_feed_build), a real server on 127.0.0.1, and
 * what the user would notice: what the catalog loads afterwards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ed-catalog.h"
#include "ed-error.h"
#include "ed-feed-private.h"
#include "ed-feed-store.h"
#include "ed-system-keys.h"
#include "ed-test-util.h"
#include "feed-fixture.h"

#define SAMPLE_ID   "xx-feed-sample"
#define MYNUMBER_ID "jp-mynumber-insurance-card"
/* The version of the My Number procedure the app ships; the feed brings the next. */
#define MYNUMBER_SHIPPED 2

static void
publish_sample_and_mynumber (FeedFixture *fixture,
                             int          sample_version)
{
  g_autofree char *sample = feed_fixture_sample_file (SAMPLE_ID ".json");
  g_autofree char *mynumber = feed_fixture_system_file (MYNUMBER_ID);

  feed_fixture_add (fixture, sample, sample_version);
  feed_fixture_add (fixture, mynumber, MYNUMBER_SHIPPED + 1);
  feed_fixture_publish (fixture, 0);
}

static const EdFeedChange *
find_change (EdFeedResult *result,
             const char   *id)
{
  GPtrArray *changes = ed_feed_result_get_changes (result);

  for (guint i = 0; i < changes->len; i++)
    if (strcmp (((EdFeedChange *) changes->pdata[i])->id, id) == 0)
      return changes->pdata[i];

  return NULL;
}

static void
assert_catalog_has (const char *id,
                    int         version,
                    EdOrigin    origin)
{
  g_autoptr(EdCatalog) catalog = ed_catalog_new ();
  EdProcedure *procedure;

  ed_catalog_load_default (catalog);
  procedure = ed_catalog_lookup (catalog, id);
  g_assert_nonnull (procedure);
  g_assert_cmpint (ed_procedure_get_version (procedure), ==, version);
  g_assert_cmpint (ed_procedure_get_origin (procedure), ==, origin);
}

static void
test_feed_update_good (FeedFixture   *fixture,
                       gconstpointer  data)
{
  g_autoptr(EdFeedResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *details = NULL;
  g_autofree char *current = feed_fixture_current_dir ();
  g_autofree char *sample_path = g_build_filename (current, SAMPLE_ID ".json", NULL);
  const EdFeedChange *change;

  assert_catalog_has (MYNUMBER_ID, MYNUMBER_SHIPPED, ED_ORIGIN_SYSTEM);
  publish_sample_and_mynumber (fixture, 1);

  result = feed_fixture_update (fixture, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ed_feed_result_get_outcome (result), ==, ED_FEED_OUTCOME_CHANGED);
  g_assert_cmpuint (ed_feed_result_get_changes (result)->len, ==, 2);
  g_assert_cmpuint (ed_feed_result_get_n_downloaded (result), ==, 2);

  change = find_change (result, SAMPLE_ID);
  g_assert_cmpint (change->kind, ==, ED_FEED_CHANGE_ADDED);
  g_assert_cmpint (change->new_version, ==, 1);
  g_assert_cmpstr (ed_text_get (change->title, ED_LANGUAGE_EN), ==,
                   "Example procedure from a feed");

  change = find_change (result, MYNUMBER_ID);
  g_assert_cmpint (change->kind, ==, ED_FEED_CHANGE_UPDATED);
  g_assert_cmpint (change->old_version, ==, MYNUMBER_SHIPPED);
  g_assert_cmpint (change->new_version, ==, MYNUMBER_SHIPPED + 1);

  summary = ed_feed_result_get_summary (result, ED_LANGUAGE_EN);
  g_assert_cmpstr (summary, ==, "Procedures updated: 1 added, 1 updated, 0 removed.");
  details = ed_feed_result_describe (result, ED_LANGUAGE_JA);
  g_assert_nonnull (strstr (details, "Added: “フィードから届いた手続きの例” (version 1)"));
  g_assert_nonnull (strstr (details, "(version 2 → 3)"));

  /* What the user notices: the catalog has them now. */
  assert_catalog_has (SAMPLE_ID, 1, ED_ORIGIN_UPDATE);
  assert_catalog_has (MYNUMBER_ID, MYNUMBER_SHIPPED + 1, ED_ORIGIN_UPDATE);
  g_assert_true (g_file_test (sample_path, G_FILE_TEST_IS_REGULAR));
}

static void
test_feed_update_not_modified (FeedFixture   *fixture,
                               gconstpointer  data)
{
  g_autoptr(EdFeedResult) first = NULL;
  g_autoptr(EdFeedResult) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *summary = NULL;

  publish_sample_and_mynumber (fixture, 1);
  first = feed_fixture_update (fixture, NULL, &error);
  g_assert_no_error (error);
  before = feed_fixture_snapshot ();

  second = feed_fixture_update (fixture, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ed_feed_result_get_outcome (second), ==, ED_FEED_OUTCOME_NOT_MODIFIED);
  g_assert_cmpuint (ed_feed_result_get_changes (second)->len, ==, 0);
  g_assert_cmpuint (ed_feed_result_get_n_downloaded (second), ==, 0);
  summary = ed_feed_result_get_summary (second, ED_LANGUAGE_EN);
  g_assert_nonnull (strstr (summary, "not changed since the last check"));

  /* The server sent each file once: the second time, a 304 for the index. */
  g_assert_cmpuint (ed_test_server_get_count (fixture->server, "/feed/index.json"), ==, 1);
  g_assert_cmpuint (ed_test_server_get_count (fixture->server, "/feed/index.json.sig"), ==, 1);
  g_assert_cmpuint (ed_test_server_get_count (fixture->server, "/feed/" SAMPLE_ID ".json"), ==, 1);
  after = feed_fixture_snapshot ();
  g_assert_cmpstr (after, ==, before);
}

/* A new build of the same files: the index is read, nothing else moves. */
static void
test_feed_update_rebuilt_unchanged (FeedFixture   *fixture,
                                    gconstpointer  data)
{
  g_autoptr(EdFeedResult) first = NULL;
  g_autoptr(EdFeedResult) second = NULL;
  g_autoptr(GError) error = NULL;

  publish_sample_and_mynumber (fixture, 1);
  first = feed_fixture_update (fixture, NULL, &error);
  g_assert_no_error (error);

  feed_fixture_publish (fixture, 0);
  second = feed_fixture_update (fixture, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ed_feed_result_get_outcome (second), ==, ED_FEED_OUTCOME_UP_TO_DATE);
  g_assert_cmpuint (ed_feed_result_get_n_downloaded (second), ==, 0);
  g_assert_cmpuint (ed_test_server_get_count (fixture->server, "/feed/index.json"), ==, 2);
  g_assert_cmpuint (ed_test_server_get_count (fixture->server, "/feed/" SAMPLE_ID ".json"), ==, 1);
}

/* Only what changed is downloaded; what the feed dropped goes. */
static void
test_feed_update_newer_and_removed (FeedFixture   *fixture,
                                    gconstpointer  data)
{
  g_autofree char *sample = feed_fixture_sample_file (SAMPLE_ID ".json");
  g_autoptr(EdFeedResult) first = NULL;
  g_autoptr(EdFeedResult) second = NULL;
  g_autoptr(EdFeedResult) third = NULL;
  g_autoptr(GError) error = NULL;
  const EdFeedChange *change;

  publish_sample_and_mynumber (fixture, 1);
  first = feed_fixture_update (fixture, NULL, &error);
  g_assert_no_error (error);

  feed_fixture_add (fixture, sample, 3);
  feed_fixture_publish (fixture, 0);
  second = feed_fixture_update (fixture, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ed_feed_result_get_n_downloaded (second), ==, 1);
  g_assert_cmpuint (ed_feed_result_get_changes (second)->len, ==, 1);
  change = find_change (second, SAMPLE_ID);
  g_assert_cmpint (change->kind, ==, ED_FEED_CHANGE_UPDATED);
  g_assert_cmpint (change->old_version, ==, 1);
  g_assert_cmpint (change->new_version, ==, 3);
  assert_catalog_has (SAMPLE_ID, 3, ED_ORIGIN_UPDATE);

  feed_fixture_remove (fixture, MYNUMBER_ID);
  feed_fixture_publish (fixture, 0);
  third = feed_fixture_update (fixture, NULL, &error);
  g_assert_no_error (error);
  change = find_change (third, MYNUMBER_ID);
  g_assert_cmpint (change->kind, ==, ED_FEED_CHANGE_REMOVED);
  g_assert_cmpint (change->old_version, ==, MYNUMBER_SHIPPED + 1);
  /* The installed version is back. */
  assert_catalog_has (MYNUMBER_ID, MYNUMBER_SHIPPED, ED_ORIGIN_SYSTEM);
  assert_catalog_has (SAMPLE_ID, 3, ED_ORIGIN_UPDATE);
}

/* Killed between the two renames of the swap: the catalog still loads
 * the previous set, and the next update repairs the store and works. */
static void
test_feed_update_after_crash (FeedFixture   *fixture,
                              gconstpointer  data)
{
  g_autofree char *sample = feed_fixture_sample_file (SAMPLE_ID ".json");
  g_autofree char *store = ed_feed_store_dir ();
  g_autofree char *old = g_build_filename (store, "old", NULL);
  g_autofree char *stage = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GBytes) nothing = g_bytes_new_static ("{}", 2);
  g_autoptr(EdFeedResult) first = NULL;
  g_autoptr(EdFeedResult) next = NULL;
  g_autoptr(GError) error = NULL;

  publish_sample_and_mynumber (fixture, 1);
  first = feed_fixture_update (fixture, NULL, &error);
  g_assert_no_error (error);
  before = feed_fixture_snapshot ();

  stage = _ed_feed_store_make_stage (store, &error);
  g_assert_true (_ed_feed_store_write_file (stage, "half.json", nothing, &error));
  g_assert_true (_ed_feed_store_swap (store, stage, ED_FEED_SWAP_STOP_AFTER_OLD, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (old, G_FILE_TEST_IS_DIR));
  assert_catalog_has (MYNUMBER_ID, MYNUMBER_SHIPPED + 1, ED_ORIGIN_UPDATE);
  assert_catalog_has (SAMPLE_ID, 1, ED_ORIGIN_UPDATE);

  feed_fixture_add (fixture, sample, 2);
  feed_fixture_publish (fixture, 0);
  next = feed_fixture_update (fixture, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ed_feed_result_get_n_downloaded (next), ==, 1);
  assert_catalog_has (SAMPLE_ID, 2, ED_ORIGIN_UPDATE);
  assert_catalog_has (MYNUMBER_ID, MYNUMBER_SHIPPED + 1, ED_ORIGIN_UPDATE);
  g_assert_false (g_file_test (old, G_FILE_TEST_EXISTS));
  after = feed_fixture_snapshot ();
  g_assert_cmpstr (after, !=, before);
}

/* A key an administrator placed in the system folder is trusted. */
static void
test_feed_update_system_key (FeedFixture   *fixture,
                             gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (g_getenv ("ENTRY_DESK_SYSCONFDIR"), "entry-desk",
                                           "trusted-keys.d", NULL);
  g_autofree char *path = g_build_filename (dir, "association.pub", NULL);
  g_autofree char *contents = g_strdup_printf ("# Test Association\n%s\n", fixture->public_key);
  g_autoptr(EdSigningKey) stranger = ed_signing_key_generate (NULL, NULL);
  g_autofree char *stranger_key =
    ed_public_key_to_string (ed_signing_key_get_public_key (stranger));
  g_autoptr(EdFeedResult) result = NULL;
  g_autofree char *ignored = g_build_filename (dir, "README", NULL);
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  g_assert_true (g_file_set_contents (ignored, "not a key", -1, NULL));
  keys = ed_system_keys_load_trusted ();
  g_assert_cmpuint (keys->len, ==, 1);
  g_assert_cmpstr (ed_public_key_get_comment (keys->pdata[0]), ==, "Test Association");
  /* Preferences shows where each key comes from. */
  files = ed_system_keys_list_files ();
  g_assert_cmpuint (files->len, ==, 1);
  g_assert_cmpstr (files->pdata[0], ==, path);

  publish_sample_and_mynumber (fixture, 1);
  result = feed_fixture_update (fixture, stranger_key, &error);
  g_remove (path);
  g_remove (ignored);
  g_assert_no_error (error);
  g_assert_cmpint (ed_feed_result_get_outcome (result), ==, ED_FEED_OUTCOME_CHANGED);
}

static void
fraction_changed (EdFeed     *feed,
                  GParamSpec *pspec,
                  GArray     *fractions)
{
  double fraction = ed_feed_get_fraction (feed);

  g_array_append_val (fractions, fraction);
}

static void
status_changed (EdFeed     *feed,
                GParamSpec *pspec,
                GPtrArray  *statuses)
{
  g_ptr_array_add (statuses, g_strdup (ed_feed_get_status (feed)));
}

static void
update_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  EdFeedResult **out = user_data;

  *out = ed_feed_update_finish (ED_FEED (source), result, NULL);
}

static void
test_feed_update_progress (FeedFixture   *fixture,
                           gconstpointer  data)
{
  g_autoptr(EdFeed) feed = ed_feed_new ();
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) statuses = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EdFeedResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *urls[] = { fixture->feed_url, NULL };
  const char *keys[] = { fixture->public_key, NULL };
  gboolean saw_download = FALSE;

  publish_sample_and_mynumber (fixture, 1);
  ed_feed_set_urls (feed, urls);
  ed_feed_set_trusted_keys (feed, keys);
  g_signal_connect (feed, "notify::fraction", G_CALLBACK (fraction_changed), fractions);
  g_signal_connect (feed, "notify::status", G_CALLBACK (status_changed), statuses);

  ed_feed_update_async (feed, NULL, update_done, &result);
  g_assert_true (ed_feed_get_running (feed));

  /* A second update while one runs is refused. */
  ed_feed_update_async (feed, NULL, feed_fixture_update_failed, &error);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, ED_ERROR, ED_ERROR_FAILED);
  g_assert_false (ed_feed_get_running (feed));

  g_assert_cmpuint (fractions->len, >=, 3);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >=,
                       g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);

  for (guint i = 0; i < statuses->len; i++)
    saw_download |= strstr (statuses->pdata[i], "Downloading “" SAMPLE_ID ".json”") != NULL;
  g_assert_true (saw_download);
  g_assert_cmpstr (ed_feed_get_status (feed), ==, "");
}

int
main (int    argc,
      char **argv)
{
  feed_fixture_init (&argc, &argv);

  feed_fixture_add_test ("/feed-update/good", test_feed_update_good);
  feed_fixture_add_test ("/feed-update/not-modified", test_feed_update_not_modified);
  feed_fixture_add_test ("/feed-update/rebuilt-unchanged", test_feed_update_rebuilt_unchanged);
  feed_fixture_add_test ("/feed-update/newer-and-removed", test_feed_update_newer_and_removed);
  feed_fixture_add_test ("/feed-update/after-crash", test_feed_update_after_crash);
  feed_fixture_add_test ("/feed-update/system-key", test_feed_update_system_key);
  feed_fixture_add_test ("/feed-update/progress", test_feed_update_progress);

  return feed_fixture_run ();
}
