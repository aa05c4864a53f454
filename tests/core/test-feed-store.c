/* test-feed-store.c — the downloaded set is replaced in one step
 *
 * Each test stops the swap where a crash could stop it and checks that
 * a reader finds one complete set, old or new, never a mixture, and that
 * the next update's recovery leaves a clean store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "ed-error.h"
#include "ed-feed-private.h"
#include "ed-feed-store.h"
#include "ed-test-util.h"

static const char * const old_set[] = { "a.json", "old a", "b.json", "old b", NULL };
static const char * const new_set[] = { "a.json", "new a", "c.json", "new c", NULL };

static void
write_set (const char         *dir,
           const char * const *files)
{
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 0; files[i] != NULL; i += 2)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (files[i + 1], strlen (files[i + 1]));
      g_autoptr(GError) error = NULL;

      g_assert_true (_ed_feed_store_write_file (dir, files[i], bytes, &error));
      g_assert_no_error (error);
    }
}

/* Returns: whether @dir holds exactly @files */
static gboolean
set_is (const char         *dir,
        const char * const *files)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n_found = 0;
  guint n_expected = g_strv_length ((char **) files) / 2;

  if (handle == NULL)
    return FALSE;
  while (g_dir_read_name (handle) != NULL)
    n_found++;
  if (n_found != n_expected)
    return FALSE;

  for (guint i = 0; files[i] != NULL; i += 2)
    {
      g_autofree char *path = g_build_filename (dir, files[i], NULL);
      g_autofree char *contents = NULL;

      if (!g_file_get_contents (path, &contents, NULL, NULL) ||
          strcmp (contents, files[i + 1]) != 0)
        return FALSE;
    }

  return TRUE;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (handle != NULL && g_dir_read_name (handle) != NULL)
    n++;

  return n;
}

typedef struct
{
  char *store;
  char *stage;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *current = NULL;
  g_autoptr(GError) error = NULL;

  fixture->store = ed_test_make_tmpdir ();
  current = g_build_filename (fixture->store, "current", NULL);
  write_set (current, old_set);

  fixture->stage = _ed_feed_store_make_stage (fixture->store, &error);
  g_assert_no_error (error);
  write_set (fixture->stage, new_set);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ed_test_rm_rf (fixture->store);
  g_free (fixture->store);
  g_free (fixture->stage);
}

/* After a crash at @stop: readers see old or new; recovery leaves one clean set. */
static void
check_crash (Fixture            *fixture,
             EdFeedSwapStep      stop,
             const char * const *after_recovery)
{
  g_autofree char *readable = NULL;
  g_autofree char *current = g_build_filename (fixture->store, "current", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (_ed_feed_store_swap (fixture->store, fixture->stage, stop, &error));
  g_assert_no_error (error);

  readable = ed_feed_store_current_dir (fixture->store);
  g_assert_true (set_is (readable, old_set) || set_is (readable, new_set));

  g_assert_true (_ed_feed_store_recover (fixture->store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&readable, g_free);
  readable = ed_feed_store_current_dir (fixture->store);
  g_assert_cmpstr (readable, ==, current);
  g_assert_true (set_is (current, after_recovery));
  g_assert_cmpuint (count_entries (fixture->store), ==, 1);
}

static void
test_feed_store_swap (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *current = g_build_filename (fixture->store, "current", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (_ed_feed_store_swap (fixture->store, fixture->stage, ED_FEED_SWAP_ALL, &error));
  g_assert_no_error (error);
  g_assert_true (set_is (current, new_set));
  g_assert_cmpuint (count_entries (fixture->store), ==, 1);
}

static void
test_feed_store_crash_before_swap (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *current = g_build_filename (fixture->store, "current", NULL);
  g_autofree char *readable = ed_feed_store_current_dir (fixture->store);
  g_autoptr(GError) error = NULL;

  /* Killed while downloading: current/ is untouched, the stage is litter. */
  g_assert_true (set_is (readable, old_set));
  g_assert_true (_ed_feed_store_recover (fixture->store, &error));
  g_assert_true (set_is (current, old_set));
  g_assert_false (g_file_test (fixture->stage, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (fixture->store), ==, 1);
}

static void
test_feed_store_crash_after_old (Fixture       *fixture,
                                 gconstpointer  data)
{
  check_crash (fixture, ED_FEED_SWAP_STOP_AFTER_OLD, old_set);
}

static void
test_feed_store_crash_after_current (Fixture       *fixture,
                                     gconstpointer  data)
{
  check_crash (fixture, ED_FEED_SWAP_STOP_AFTER_CURRENT, new_set);
}

static void
test_feed_store_crash_in_remove (Fixture       *fixture,
                                 gconstpointer  data)
{
  check_crash (fixture, ED_FEED_SWAP_STOP_IN_REMOVE, new_set);
}

static void
test_feed_store_first_update (void)
{
  g_autofree char *store = ed_test_make_tmpdir ();
  g_autofree char *current = g_build_filename (store, "current", NULL);
  g_autofree char *stage = NULL;
  g_autoptr(GError) error = NULL;

  stage = _ed_feed_store_make_stage (store, &error);
  write_set (stage, new_set);
  g_assert_true (_ed_feed_store_swap (store, stage, ED_FEED_SWAP_ALL, &error));
  g_assert_no_error (error);
  g_assert_true (set_is (current, new_set));

  ed_test_rm_rf (store);
}

static void
test_feed_store_lock (void)
{
  g_autofree char *store = ed_test_make_tmpdir ();
  g_autoptr(GError) error = NULL;
  EdFeedLock *lock = _ed_feed_store_lock (store, &error);
  EdFeedLock *second;

  g_assert_no_error (error);
  g_assert_nonnull (lock);

  second = _ed_feed_store_lock (store, &error);
  g_assert_null (second);
  g_assert_error (error, ED_ERROR, ED_ERROR_FAILED);
  g_clear_error (&error);

  _ed_feed_store_unlock (lock);
  lock = _ed_feed_store_lock (store, &error);
  g_assert_no_error (error);
  _ed_feed_store_unlock (lock);

  ed_test_rm_rf (store);
}

static void
test_feed_store_hashes (void)
{
  g_autofree char *dir = ed_test_make_tmpdir ();
  g_autoptr(GHashTable) hashes = NULL;

  write_set (dir, old_set);
  hashes = _ed_feed_store_hash_files (dir);
  g_assert_cmpuint (g_hash_table_size (hashes), ==, 2);
  /* sha256("old a") */
  g_assert_cmpstr (g_hash_table_lookup (hashes, "a.json"), ==,
                   "eda24220aaabb967c3198b14fad462ab6215f7fac85ae789a90a07e1ad77ec3f");

  ed_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/feed-store/swap", Fixture, NULL,
              fixture_set_up, test_feed_store_swap, fixture_tear_down);
  g_test_add ("/feed-store/crash-before-swap", Fixture, NULL,
              fixture_set_up, test_feed_store_crash_before_swap, fixture_tear_down);
  g_test_add ("/feed-store/crash-after-old", Fixture, NULL,
              fixture_set_up, test_feed_store_crash_after_old, fixture_tear_down);
  g_test_add ("/feed-store/crash-after-current", Fixture, NULL,
              fixture_set_up, test_feed_store_crash_after_current, fixture_tear_down);
  g_test_add ("/feed-store/crash-in-remove", Fixture, NULL,
              fixture_set_up, test_feed_store_crash_in_remove, fixture_tear_down);
  g_test_add_func ("/feed-store/first-update", test_feed_store_first_update);
  g_test_add_func ("/feed-store/lock", test_feed_store_lock);
  g_test_add_func ("/feed-store/hashes", test_feed_store_hashes);

  return g_test_run ();
}
