/* bench-store-search.c — search as you type over a large case store
 *
 * Fills a new store with --cases cases (default 100,000): families and
 * single travellers with Latin, Chinese and Japanese names (native
 * script and furigana), passport numbers in their countries' formats,
 * a fifth of the cases closed. Then types sequences such as "e", "er",
 * "eri" or "王", "王小" one keystroke at a time and measures each
 * search as the GUI runs it (ED_STORE_SEARCH_LIMIT rows, open cases).
 *
 * Prints one line per keystroke (median and worst of --repeat runs) and
 * exits 1 when the worst median is over --target ms (16: one frame).
 *
 *   meson test -C _build --benchmark --verbose
 *   _build/tests/bench/bench-store-search --cases 100000
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "ed-core.h"
#include "ed-store-sqlite-private.h"
#include "ed-test-util.h"
#include "ed-bench-cases.h"

/* Straight into the tables, thousands a transaction: the public API
 * commits (and syncs) once a case, as a person adds them. */
static void
fill (EdStore *store,
      guint    n_cases,
      GRand   *rand)
{
  EdStoreSqlite *sqlite = ED_STORE_SQLITE (ed_store_get_backend (store));
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GError) error = NULL;
  guint done = 0;

  g_mutex_lock (&sqlite->db_lock);
  while (done < n_cases)
    {
      g_assert_true (_ed_sql_begin (sqlite->db, &error));
      for (guint i = 0; i < 5000 && done < n_cases; i++, done++)
        {
          g_autoptr(EdCaseRecord) record = ed_bench_make_record (rand, now);

          if (!_ed_store_sqlite_insert_record (sqlite->db, record, TRUE, &error))
            g_error ("%s", error->message);
        }
      g_assert_true (_ed_sql_commit (sqlite->db, &error));
    }
  g_assert_true (_ed_sql_exec (sqlite->db, "PRAGMA wal_checkpoint (TRUNCATE)", &error));
  g_mutex_unlock (&sqlite->db_lock);
}

static double
file_megabytes (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL ? (double) g_file_info_get_size (info) / (1024.0 * 1024.0) : 0.0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20221011);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  int n_cases = 100000, repeat = 7;
  double target = 16.0, worst = 0.0;
  gboolean keep = FALSE;
  gint64 start;
  const GOptionEntry entries[] = {
    { "cases", 0, 0, G_OPTION_ARG_INT, &n_cases, "Cases to fill the store with", "N" },
    { "repeat", 0, 0, G_OPTION_ARG_INT, &repeat, "Runs of each search", "N" },
    { "target", 0, 0, G_OPTION_ARG_DOUBLE, &target, "Worst median allowed, in ms", "MS" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the database and print where it is", NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_cases < 1 || repeat < 1)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "--cases and --repeat must be > 0");
      return 2;
    }

  dir = ed_test_make_tmpdir ();
  path = g_build_filename (dir, "cases.db", NULL);
  store = ed_store_open (path, NULL, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  fill (store, (guint) n_cases, rand);
  printf ("Filled %d cases in %.1f s\n", n_cases,
          (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC);

  /* Opening checks the whole file (quick_check): what a start costs. */
  g_clear_object (&store);
  start = g_get_monotonic_time ();
  store = ed_store_open (path, NULL, &error);
  g_assert_no_error (error);
  printf ("Opened in %.0f ms; the file is %.1f MB\n\n",
          (double) (g_get_monotonic_time () - start) / 1000.0, file_megabytes (path));

  worst = ed_bench_type (store, (guint) repeat);

  printf ("\nWorst median per keystroke: %.2f ms (target %.1f ms) over %d cases\n",
          worst, target, n_cases);

  g_clear_object (&store);
  if (keep)
    printf ("The database is kept: %s\n", path);
  else
    ed_test_rm_rf (dir);
  return worst <= target ? 0 : 1;
}
