/* feed-fixture.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "ed-catalog.h"
#include "ed-feed-store.h"
#include "ed-test-util.h"
#include "feed-fixture.h"

static char *sysconfdir;

/* Each test gets its own $XDG_DATA_HOME, so its own updates and catalog;
 * the system's trusted-keys.d is an empty folder of the tests. */
void
feed_fixture_init (int    *argc,
                   char ***argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  /* The isolated XDG_DATA_DIRS lack the desktop's proxy settings schema,
   * which GIO's GNOME proxy resolver needs; the server is local anyway. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  sysconfdir = ed_test_make_tmpdir ();
  g_setenv ("ENTRY_DESK_SYSCONFDIR", sysconfdir, TRUE);
}

void
feed_fixture_add_test (const char      *name,
                       FeedFixtureTest  func)
{
  g_test_add (name, FeedFixture, NULL, feed_fixture_set_up, func, feed_fixture_tear_down);
}

int
feed_fixture_run (void)
{
  int status = g_test_run ();

  ed_test_rm_rf (sysconfdir);
  g_clear_pointer (&sysconfdir, g_free);
  return status;
}

void
feed_fixture_set_up (FeedFixture   *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmp = ed_test_make_tmpdir ();
  fixture->source_dir = g_build_filename (fixture->tmp, "procedures", NULL);
  fixture->www = g_build_filename (fixture->tmp, "www", NULL);
  fixture->feed_dir = g_build_filename (fixture->www, "feed", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->source_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (fixture->www, 0700), ==, 0);

  fixture->key = ed_signing_key_generate ("Test Association", &error);
  g_assert_no_error (error);
  fixture->public_key = ed_public_key_to_string (ed_signing_key_get_public_key (fixture->key));

  fixture->server = ed_test_server_new (fixture->www);
  fixture->feed_url = g_strconcat (ed_test_server_get_url (fixture->server), "feed/", NULL);
  fixture->timeout = 5;
}

void
feed_fixture_tear_down (FeedFixture   *fixture,
                        gconstpointer  data)
{
  ed_test_server_free (fixture->server);
  ed_signing_key_free (fixture->key);
  ed_test_rm_rf (fixture->tmp);
  g_free (fixture->tmp);
  g_free (fixture->source_dir);
  g_free (fixture->www);
  g_free (fixture->feed_dir);
  g_free (fixture->feed_url);
  g_free (fixture->public_key);
}

/**
 * feed_fixture_add:
 * @path: a procedure file
 *
 * Puts a copy of @path, at @version, among the publisher's files.
 */
void
feed_fixture_add (FeedFixture *fixture,
                  const char  *path,
                  int          version)
{
  g_autofree char *contents = NULL;
  g_autofree char *replacement = g_strdup_printf ("\"version\": %d,", version);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *target = g_build_filename (fixture->source_dir, name, NULL);
  g_auto(GStrv) parts = NULL;
  g_autofree char *changed = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  /* The file's own `"version": N,`, the first (a procedure's only) one. */
  parts = g_regex_split_simple ("\"version\": [0-9]+,", contents, 0, 0);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  changed = g_strjoinv (replacement, parts);
  g_assert_true (g_file_set_contents (target, changed, -1, NULL));
}

void
feed_fixture_remove (FeedFixture *fixture,
                     const char  *id)
{
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_build_filename (fixture->source_dir, name, NULL);

  g_assert_cmpint (g_remove (path), ==, 0);
}

/* Builds the feed from the publisher's files, as `feed build` does. */
void
feed_fixture_publish (FeedFixture *fixture,
                      gint64       sequence)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdFeedIndex) index = NULL;

  index = ed_feed_build (fixture->source_dir, fixture->key, "Test Association", sequence,
                         fixture->feed_dir, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (index);
}

/* Changes the first @from to @to in a file the server serves. */
void
feed_fixture_alter (FeedFixture *fixture,
                    const char  *file,
                    const char  *from,
                    const char  *to)
{
  g_autofree char *path = g_build_filename (fixture->feed_dir, file, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = NULL;
  char *found;

  g_assert_cmpuint (strlen (from), ==, strlen (to));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  found = strstr (contents, from);
  g_assert_nonnull (found);
  memcpy (found, to, strlen (to));
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

typedef struct
{
  GMainLoop    *loop;
  EdFeedResult *result;
  GError       *error;
} Run;

static void
updated (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Run *run = user_data;

  run->result = ed_feed_update_finish (ED_FEED (source), result, &run->error);
  g_main_loop_quit (run->loop);
}

/**
 * feed_fixture_update:
 * @trusted_key: (nullable): the key to trust; the publisher's if %NULL
 *
 * Updates this desk from the fixture's feed.
 */
EdFeedResult *
feed_fixture_update (FeedFixture  *fixture,
                     const char   *trusted_key,
                     GError      **error)
{
  g_autoptr(EdFeed) feed = ed_feed_new ();
  const char *urls[] = { fixture->feed_url, NULL };
  const char *keys[] = { trusted_key != NULL ? trusted_key : fixture->public_key, NULL };
  Run run = { g_main_loop_new (NULL, FALSE), NULL, NULL };

  ed_feed_set_urls (feed, urls);
  ed_feed_set_trusted_keys (feed, keys);
  ed_feed_set_timeout (feed, fixture->timeout);
  ed_feed_update_async (feed, NULL, updated, &run);
  g_main_loop_run (run.loop);
  g_main_loop_unref (run.loop);

  g_assert_false (ed_feed_get_running (feed));
  g_assert_true ((run.result == NULL) != (run.error == NULL));
  if (run.error != NULL)
    g_propagate_error (error, run.error);

  return run.result;
}

/* A GAsyncReadyCallback for an update that must fail; @user_data is a
 * GError ** that receives why. */
void
feed_fixture_update_failed (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  GError **error = user_data;
  g_autoptr(EdFeedResult) none = ed_feed_update_finish (ED_FEED (source), result, error);

  g_assert_null (none);
  g_assert_nonnull (*error);
}

char *
feed_fixture_current_dir (void)
{
  return ed_feed_store_current_dir (NULL);
}

/* Returns: the path of a procedure installed with the app */
char *
feed_fixture_system_file (const char *id)
{
  g_autofree char *name = g_strconcat (id, ".json", NULL);

  return g_build_filename (g_getenv ("ENTRY_DESK_DATADIR"), "procedures", name, NULL);
}

/* Returns: the path of a file under tests/data/feed */
char *
feed_fixture_sample_file (const char *name)
{
  return ed_test_data_path ("feed", name, NULL);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
append_dir (GString    *text,
            const char *dir,
            gboolean    with_hashes)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    if (strcmp (name, "lock") != 0)
      g_ptr_array_add (names,
                       g_str_has_prefix (name, "new-") ? g_strdup ("new-*") : g_strdup (name));
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);
      g_autofree char *contents = NULL;
      g_autofree char *hash = NULL;
      gsize length = 0;

      if (with_hashes && g_file_get_contents (path, &contents, &length, NULL))
        hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, contents, length);
      g_string_append_printf (text, "  %s %s\n", (char *) names->pdata[i], hash ? hash : "");
    }
}

/**
 * feed_fixture_snapshot:
 *
 * Returns: what a user has: the store's entries, every downloaded file
 *   with its checksum, and what the catalog loads (id, version, origin)
 */
char *
feed_fixture_snapshot (void)
{
  g_autoptr(GString) text = g_string_new ("store:\n");
  g_autofree char *store = ed_feed_store_dir ();
  g_autofree char *current = g_build_filename (store, "current", NULL);
  g_autoptr(EdCatalog) catalog = ed_catalog_new ();
  GListModel *procedures;

  append_dir (text, store, FALSE);
  g_string_append (text, "current:\n");
  append_dir (text, current, TRUE);

  ed_catalog_load_default (catalog);
  procedures = ed_catalog_get_procedures (catalog);
  g_string_append (text, "catalog:\n");
  for (guint i = 0; i < g_list_model_get_n_items (procedures); i++)
    {
      g_autoptr(EdProcedure) procedure = g_list_model_get_item (procedures, i);

      g_string_append_printf (text, "  %s %d %d\n", ed_procedure_get_id (procedure),
                              ed_procedure_get_version (procedure),
                              ed_procedure_get_origin (procedure));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
