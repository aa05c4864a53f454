/* test-store-progress.c — how far each case is, kept by the case store
 *
 * The store works out with each save how many steps apply to a case and
 * where it is among them (#EdCaseProgress), so that the case list says
 * "Step 2 of 5" as the wizard does without loading the case. On
 * cn-accommodation-registration: eleven steps; not at a hotel and in
 * Shanghai, five apply ("register" the second); at a hotel, one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "ed-test-store.h"
#include "ed-test-util.h"

static EdCatalog *catalog;

/* A case whose answers leave steps out: the list counts only those that
 * apply, as the wizard does, and follows each save. */
static void
test_progress_applying (void)
{
  EdTestStore fixture = { 0 };
  g_autoptr(EdCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  EdProcedure *procedure = ed_catalog_lookup (catalog, "cn-accommodation-registration");
  EdTraveller *traveller;
  EdCaseProgress counted;
  g_autofree char *reference = NULL;

  ed_test_store_open (&fixture);
  ed_store_set_catalog (fixture.store, catalog);
  kase = ed_test_add_case (fixture.store, "cn-accommodation-registration",
                           ed_test_traveller ("LI", "NA", "李娜", NULL, "312345670"), NULL);
  reference = g_strdup (ed_case_get_reference (kase));
  traveller = ed_case_get_traveller (kase, 0);
  /* Nothing answered: every step may apply. */
  ed_test_assert_progress (fixture.store, reference, 0, 11);

  ed_traveller_set_answer (traveller, "stay-at-hotel", "no");
  ed_traveller_set_answer (traveller, "city", "shanghai");
  ed_case_set_current_step (kase, "register");
  g_assert_true (ed_store_flush (fixture.store, &error));
  g_assert_no_error (error);
  ed_test_assert_progress (fixture.store, reference, 2, 5);
  /* What the wizard counts for the same case. */
  ed_case_get_progress (kase, procedure, &counted);
  g_assert_cmpuint (counted.step, ==, 2);
  g_assert_cmpuint (counted.n_steps, ==, 5);

  /* Past the steps: the review. */
  ed_case_set_current_step (kase, ED_CASE_REVIEW_STEP);
  g_assert_true (ed_store_flush (fixture.store, &error));
  ed_test_assert_progress (fixture.store, reference, 6, 5);

  /* Another answer, another count; kept when the store opens again. */
  ed_traveller_set_answer (traveller, "stay-at-hotel", "yes");
  ed_case_set_current_step (kase, "hotel-registers");
  g_assert_true (ed_store_flush (fixture.store, &error));
  ed_test_assert_progress (fixture.store, reference, 1, 1);
  g_clear_object (&kase);
  ed_test_store_reopen (&fixture);
  ed_test_assert_progress (fixture.store, reference, 1, 1);

  /* A store without a catalog cannot tell which steps apply: a case it
   * writes has no progress, until one with a catalog writes it. */
  kase = ed_test_add_case (fixture.store, "cn-accommodation-registration",
                           ed_test_traveller ("ZHOU", "MIN", NULL, NULL, "K1234567A"), NULL);
  ed_test_assert_progress (fixture.store, ed_case_get_reference (kase), 0, -1);
  ed_store_set_catalog (fixture.store, catalog);
  ed_traveller_set_answer (ed_case_get_traveller (kase, 0), "stay-at-hotel", "yes");
  g_assert_true (ed_store_flush (fixture.store, &error));
  ed_test_assert_progress (fixture.store, ed_case_get_reference (kase), 0, 1);

  g_clear_object (&kase);
  ed_test_store_close (&fixture);
}

/* A store written before progress was kept (tests/data/store/
 * schema-5.db, see make-schema-5.sh): nothing known after the migration,
 * which has no catalog; the first refresh with one works out every open
 * case's. */
static void
test_progress_migrate_from_5 (void)
{
  g_autofree char *dir = ed_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "cases.db", NULL);
  g_autofree char *fixture = ed_test_data_path ("store", "schema-5.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdStore) store = NULL;
  g_autoptr(EdCaseInfo) li = NULL;
  guint n_refreshed = 0;
  gsize length;

  g_assert_true (g_file_get_contents (fixture, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  g_assert_cmpint (ed_test_sql_int (path, "PRAGMA user_version"), ==, 5);

  store = ed_store_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ed_test_sql_int (path, "PRAGMA user_version"), ==, 6);
  ed_test_assert_progress (store, "ED-6K3M-Q9", 0, -1);
  ed_test_assert_progress (store, "ED-6P2N-7T", 0, -1);

  ed_store_set_catalog (store, catalog);
  g_assert_true (ed_store_refresh_due (store, &n_refreshed, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_refreshed, ==, 2);
  ed_test_assert_progress (store, "ED-6K3M-Q9", 2, 5);
  ed_test_assert_progress (store, "ED-6P2N-7T", 1, 1);
  /* Closed: a list shows it done, whatever the count. */
  ed_test_assert_progress (store, "ED-6W4R-8X", 0, -1);
  /* The rest of the row as it was. */
  li = ed_test_find_info (store, "ED-6K3M-Q9");
  g_assert_cmpstr (ed_case_info_get_title (li), ==, "LI NA");
  g_assert_cmpstr (ed_case_info_get_current_step (li), ==, "register");

  /* Once: the catalog is the one the store knows now. */
  g_assert_true (ed_store_refresh_due (store, &n_refreshed, NULL, &error));
  g_assert_cmpuint (n_refreshed, ==, 0);

  g_assert_finalize_object (g_steal_pointer (&store));
  ed_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *procedures = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  catalog = ed_catalog_new ();
  procedures = ed_paths_system_procedures_dir ();
  ed_catalog_load_directory (catalog, procedures, ED_ORIGIN_SYSTEM);
  g_assert_cmpuint (ed_catalog_get_errors (catalog)->len, ==, 0);

  g_test_add_func ("/store/progress/applying", test_progress_applying);
  g_test_add_func ("/store/progress/migrate-from-5", test_progress_migrate_from_5);

  status = g_test_run ();
  g_clear_object (&catalog);
  return status;
}
