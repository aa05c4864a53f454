/* test-store.c — the case store: files, autosave, delete and undo,
 * damaged files, migrations, the sheet log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <glib/gstdio.h>

#include "ed-store-backend.h"
#include "ed-test-store.h"
#include "ed-test-util.h"

static char *data_home;

static void
test_store_default_path_private (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdStore) store = NULL;
  g_autofree char *dir = g_build_filename (data_home, "entry-desk", NULL);
  g_autofree char *path = g_build_filename (dir, "cases.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(EdCase) kase = NULL;

  store = ed_store_open (NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_store_get_path (store), ==, path);

  kase = ed_test_add_case (store, "jp-my-her-sys",
                           ed_test_traveller ("YAMADA", "TARO", NULL, NULL, "TK1234567"), NULL);

  /* The folder, the database and SQLite's companions: the owner only. */
  g_assert_cmpuint (ed_test_file_mode (dir), ==, 0700);
  g_assert_cmpuint (ed_test_file_mode (path), ==, 0600);
  g_assert_cmpuint (ed_test_file_mode (wal), ==, 0600);
  g_assert_cmpuint (ed_test_file_mode (shm), ==, 0600);

  g_clear_object (&kase);
  g_assert_finalize_object (g_steal_pointer (&store));

  /* A file someone made readable to all is closed again. */
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  store = ed_store_open (NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ed_test_file_mode (path), ==, 0600);
  g_assert_finalize_object (g_steal_pointer (&store));
  ed_test_rm_rf (dir);
}

static void
test_store_autosave (void)
{
  EdTestStore fixture = { 0 };
  g_autoptr(EdCase) kase = NULL;
  g_autoptr(EdCase) again = NULL;
  g_autoptr(GError) error = NULL;
  EdTraveller *traveller;
  g_autofree char *sql = NULL;
  gint64 changed_at;

  ed_test_store_open (&fixture);
  kase = ed_test_add_case (fixture.store, "jp-my-her-sys",
                           ed_test_traveller ("YAMADA", NULL, NULL, NULL, NULL), NULL);
  traveller = ed_case_get_traveller (kase, 0);
  sql = g_strdup_printf ("SELECT count (*) FROM cases WHERE id = %" G_GINT64_FORMAT
                         " AND names = 'YAMADA TARO' AND current_step = 'register'",
                         ed_case_get_id (kase));

  /* No save button: a change is on disk within a second. */
  ed_traveller_set (traveller, "given_names", "TARO");
  ed_case_set_current_step (kase, "register");
  changed_at = g_get_monotonic_time ();
  g_assert_true (ed_store_has_unsaved_changes (fixture.store));
  while (ed_test_sql_int (fixture.path, sql) == 0)
    {
      g_assert_cmpint (g_get_monotonic_time () - changed_at, <, G_USEC_PER_SEC);
      g_main_context_iteration (NULL, TRUE);
    }
  ed_test_wait_saved (fixture.store);

  /* Loading gives the same object while it lives, and the data after. */
  again = ed_store_load_case (fixture.store, ed_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_true (again == kase);
  g_clear_object (&again);

  ed_case_set_item_done (kase, traveller, "register", "registered", TRUE);
  ed_case_set_item_done (kase, NULL, "install", "app-installed", TRUE);
  ed_case_set_notes (kase, "Call back on Monday");
  ed_case_set_status (kase, ED_CASE_CLOSED);
  g_assert_true (ed_store_flush (fixture.store, &error));
  g_assert_no_error (error);

  ed_test_store_reopen (&fixture);
  again = ed_store_load_case (fixture.store, ed_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_false (again == kase);
  g_assert_true (ed_case_equal (again, kase));
  g_assert_cmpstr (ed_case_get_reference (again), ==, ed_case_get_reference (kase));
  g_assert_true (ed_case_get_item_done (again, ed_case_get_traveller (again, 0), "register",
                                        "registered"));
  g_assert_false (ed_case_get_item_done (again, NULL, "register", "registered"));
  g_assert_cmpint (ed_case_get_closed (again), >, 0);

  g_clear_object (&again);
  g_clear_object (&kase);
  ed_test_store_close (&fixture);
}

typedef struct
{
  gint64  at;
  char   *value;
} Typed;

static void
typed_clear (gpointer data)
{
  g_free (((Typed *) data)->value);
}

/* Someone types without a pause for three seconds: the file is never
 * more than a second behind. */
static void
test_store_autosave_while_typing (void)
{
  EdTestStore fixture = { 0 };
  g_autoptr(EdCase) kase = NULL;
  g_autoptr(GArray) history = g_array_new (FALSE, FALSE, sizeof (Typed));
  g_autoptr(GString) notes = g_string_new ("N");
  g_autofree char *sql = NULL;
  gint64 start = g_get_monotonic_time ();

  g_array_set_clear_func (history, typed_clear);
  ed_test_store_open (&fixture);
  kase = ed_test_add_case (fixture.store, "jp-my-her-sys",
                           ed_test_traveller ("YAMADA", NULL, NULL, NULL, NULL), NULL);
  sql = g_strdup_printf ("SELECT length (coalesce (notes, '')) FROM cases WHERE id = %"
                         G_GINT64_FORMAT, ed_case_get_id (kase));

  while (g_get_monotonic_time () - start < 3 * G_USEC_PER_SEC)
    {
      gint64 now = g_get_monotonic_time ();
      gint64 saved_length = ed_test_sql_int (fixture.path, sql);
      Typed typed = { now, NULL };

      /* Everything typed more than a second ago is in the file. */
      for (guint i = 0; i < history->len; i++)
        {
          Typed *old = &g_array_index (history, Typed, i);

          if (now - old->at > G_USEC_PER_SEC)
            g_assert_cmpint (saved_length, >=, (gint64) strlen (old->value));
        }

      g_string_append_c (notes, 'x');
      ed_case_set_notes (kase, notes->str);
      typed.value = g_strdup (notes->str);
      g_array_append_val (history, typed);

      /* A keystroke every 80 ms, the main loop running meanwhile. */
      while (g_get_monotonic_time () - now < 80 * 1000)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (2000);
        }
    }

  ed_test_wait_saved (fixture.store);
  g_clear_object (&kase);
  ed_test_store_close (&fixture);
}

static void
test_store_trash_restore_expunge (void)
{
  EdTestStore fixture = { 0 };
  g_autoptr(EdCase) kept = NULL;
  g_autoptr(EdCase) gone = NULL;
  g_autoptr(EdCase) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 kept_id, gone_id;

  ed_test_store_open (&fixture);
  kept = ed_test_add_case (fixture.store, "jp-my-her-sys",
                           ed_test_traveller ("ERIKSSON", "ANNA", NULL, NULL, "AB1234567"), NULL);
  gone = ed_test_add_case (fixture.store, "jp-my-her-sys",
                           ed_test_traveller ("NILSSON", "LARS", NULL, NULL, "CD7654321"), NULL);
  kept_id = ed_case_get_id (kept);
  gone_id = ed_case_get_id (gone);
  g_clear_object (&kept);
  g_clear_object (&gone);

  /* Deleted: out of lists and searches, not loadable. */
  g_assert_true (ed_store_trash_case (fixture.store, kept_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ed_test_count_found (fixture.store, "eriksson", 0), ==, 0);
  loaded = ed_store_load_case (fixture.store, kept_id, &error);
  g_assert_error (error, ED_ERROR, ED_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Undo. */
  g_assert_true (ed_store_restore_case (fixture.store, kept_id, &error));
  g_assert_no_error (error);
  loaded = ed_store_load_case (fixture.store, kept_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_traveller_get (ed_case_get_traveller (loaded, 0), "surname"), ==,
                   "ERIKSSON");
  g_clear_object (&loaded);

  /* Only a trashed case can be expunged. */
  g_assert_false (ed_store_expunge_case (fixture.store, kept_id, &error));
  g_assert_error (error, ED_ERROR, ED_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Left in the trash when the app quit: gone with it, not there at the
   * next start. */
  g_assert_true (ed_store_trash_case (fixture.store, gone_id, &error));
  g_assert_cmpint (ed_test_sql_int (fixture.path, "SELECT count (*) FROM cases"), ==, 2);
  ed_test_store_reopen (&fixture);
  g_assert_cmpint (ed_test_sql_int (fixture.path, "SELECT count (*) FROM cases"), ==, 1);
  g_assert_cmpint (ed_test_sql_int (fixture.path, "SELECT count (*) FROM travellers"), ==, 1);

  ed_store_trash_case (fixture.store, kept_id, &error);
  g_assert_no_error (error);
  ed_store_expunge_case (fixture.store, kept_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ed_test_sql_int (fixture.path, "SELECT count (*) FROM cases"), ==, 0);

  ed_test_store_close (&fixture);
}

static void
sql_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* A case in the trash belongs to the desk that trashed it: another desk
 * opening the store leaves it for that desk's Undo, until it is older
 * than any Undo can be (its desk crashed); then whoever opens the store
 * expunges it, and an Undo says why it cannot work. */
static void
test_store_trash_owner (void)
{
  EdTestStore fixture = { 0 };
  g_autoptr(EdStore) other = NULL;
  g_autoptr(EdCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *age = NULL;
  gint64 id;

  ed_test_store_open (&fixture);
  kase = ed_test_add_case (fixture.store, "jp-my-her-sys",
                           ed_test_traveller ("ERIKSSON", "ANNA", NULL, NULL, "AB1234567"), NULL);
  id = ed_case_get_id (kase);
  g_clear_object (&kase);
  g_assert_true (ed_store_trash_case (fixture.store, id, &error));
  g_assert_no_error (error);

  /* Another desk opens and closes the store: the Undo still works. */
  other = ed_store_open (fixture.path, NULL, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&other));
  g_assert_cmpint (ed_test_sql_int (fixture.path, "SELECT count (*) FROM cases"), ==, 1);
  g_assert_true (ed_store_restore_case (fixture.store, id, &error));
  g_assert_no_error (error);

  /* Trashed longer ago than an Undo lasts: the next desk to open the
   * store expunges it. */
  g_assert_true (ed_store_trash_case (fixture.store, id, &error));
  age = g_strdup_printf ("UPDATE cases SET trashed = trashed - %d",
                         ED_STORE_TRASH_KEEP_SECONDS + 1);
  sql_exec (fixture.path, age);
  other = ed_store_open (fixture.path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ed_test_sql_int (fixture.path, "SELECT count (*) FROM cases"), ==, 0);
  g_assert_cmpint (ed_test_sql_int (fixture.path, "SELECT count (*) FROM travellers"), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&other));

  /* The Undo of the desk that lost it says so. */
  g_assert_false (ed_store_restore_case (fixture.store, id, &error));
  g_assert_error (error, ED_ERROR, ED_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "deleted for good"));
  g_clear_error (&error);

  /* Restored already: that is what a second Undo hears. */
  kase = ed_test_add_case (fixture.store, "jp-my-her-sys",
                           ed_test_traveller ("NILSSON", "LARS", NULL, NULL, "CD7654321"), NULL);
  id = ed_case_get_id (kase);
  g_clear_object (&kase);
  g_assert_true (ed_store_trash_case (fixture.store, id, &error));
  g_assert_true (ed_store_restore_case (fixture.store, id, &error));
  g_assert_false (ed_store_restore_case (fixture.store, id, &error));
  g_assert_error (error, ED_ERROR, ED_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "restored already"));

  ed_test_store_close (&fixture);
}

/* The GUI's way: nothing blocks, a change made before the store has the
 * case is saved too. */
static void
test_store_async (void)
{
  EdTestStore fixture = { 0 };
  g_autoptr(EdCase) kase = ed_case_new ("jp-my-her-sys", 1);
  g_autoptr(EdCase) loaded = NULL;
  g_autoptr(GAsyncResult) added = NULL;
  g_autoptr(GAsyncResult) trashed = NULL;
  g_autoptr(GAsyncResult) restored = NULL;
  g_autoptr(GAsyncResult) flushed = NULL;
  g_autoptr(GAsyncResult) load = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdTraveller) traveller = ed_traveller_new ();
  gint64 id;

  ed_test_store_open (&fixture);
  ed_case_add_traveller (kase, traveller);
  ed_store_add_case_async (fixture.store, kase, NULL, ed_test_on_done, &added);
  ed_traveller_set (traveller, "surname", "TANAKA");
  g_assert_true (ed_store_add_case_finish (fixture.store, ed_test_wait_for (&added), &error));
  g_assert_no_error (error);
  id = ed_case_get_id (kase);
  g_assert_nonnull (ed_case_get_reference (kase));

  ed_store_flush_async (fixture.store, NULL, ed_test_on_done, &flushed);
  g_assert_true (ed_store_flush_finish (fixture.store, ed_test_wait_for (&flushed), &error));
  g_assert_cmpint (ed_test_sql_int (fixture.path, "SELECT count (*) FROM cases "
                                                  "WHERE names = 'TANAKA'"), ==, 1);

  ed_store_trash_case_async (fixture.store, id, NULL, ed_test_on_done, &trashed);
  g_assert_true (ed_store_change_finish (fixture.store, ed_test_wait_for (&trashed), &error));
  ed_store_restore_case_async (fixture.store, id, NULL, ed_test_on_done, &restored);
  g_assert_true (ed_store_change_finish (fixture.store, ed_test_wait_for (&restored), &error));
  g_assert_no_error (error);

  g_clear_object (&kase);
  g_clear_object (&traveller);
  ed_store_load_case_async (fixture.store, id, NULL, ed_test_on_done, &load);
  loaded = ed_store_load_case_finish (fixture.store, ed_test_wait_for (&load), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_traveller_get (ed_case_get_traveller (loaded, 0), "surname"), ==, "TANAKA");

  g_clear_object (&loaded);
  g_clear_object (&added);
  g_clear_object (&flushed);
  g_clear_object (&trashed);
  g_clear_object (&restored);
  g_clear_object (&load);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  ed_test_store_close (&fixture);
}

static void
assert_moved_aside (EdStore    *store,
                    const char *path,
                    const char *original,
                    gsize       original_length)
{
  g_autofree char *kept = NULL;
  gsize kept_length = 0;
  const GError *recovery = ed_store_get_recovery (store);
  const char *aside = ed_store_get_moved_aside (store);

  /* Reported, with where the old file is. */
  g_assert_nonnull (recovery);
  g_assert_error ((GError *) recovery, ED_ERROR, ED_ERROR_CORRUPT);
  g_assert_nonnull (aside);
  g_assert_nonnull (strstr (recovery->message, aside));
  g_assert_true (g_str_has_prefix (aside, path));

  /* Kept byte for byte, not deleted. */
  g_assert_true (g_file_get_contents (aside, &kept, &kept_length, NULL));
  g_assert_cmpmem (kept, kept_length, original, original_length);
}

static void
test_store_damaged_file (void)
{
  EdTestStore fixture = { 0 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *garbage = g_malloc (16384);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdCase) kase = NULL;

  ed_test_store_open (&fixture);
  g_assert_finalize_object (g_steal_pointer (&fixture.store));

  for (guint i = 0; i < 16384; i++)
    garbage[i] = (char) g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (fixture.path, garbage, 16384, NULL));

  fixture.store = ed_store_open (fixture.path, NULL, &error);
  g_assert_no_error (error);
  assert_moved_aside (fixture.store, fixture.path, garbage, 16384);

  /* And the new store works. */
  kase = ed_test_add_case (fixture.store, "jp-my-her-sys",
                           ed_test_traveller ("SATO", "YUI", "佐藤 結衣", NULL, NULL), NULL);
  g_assert_true (ed_test_found (fixture.store, "佐藤", kase));
  g_clear_object (&kase);
  ed_test_store_close (&fixture);
}

/* A real database with pages overwritten in the middle: the header
 * reads fine, the check at opening finds it. */
static void
test_store_damaged_pages (void)
{
  EdTestStore fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  ed_test_store_open (&fixture);
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *surname = g_strdup_printf ("SURNAME%u", i);
      g_autoptr(EdCase) kase = NULL;

      kase = ed_test_add_case (fixture.store, "jp-my-her-sys",
                               ed_test_traveller (surname, "ANNA", NULL, NULL, NULL), NULL);
    }
  g_assert_finalize_object (g_steal_pointer (&fixture.store));

  g_assert_true (g_file_get_contents (fixture.path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8 * 4096);
  memset (contents + 3 * 4096, 0x5a, 4 * 4096);
  g_assert_true (g_file_set_contents (fixture.path, contents, (gssize) length, NULL));

  fixture.store = ed_store_open (fixture.path, NULL, &error);
  g_assert_no_error (error);
  assert_moved_aside (fixture.store, fixture.path, contents, length);
  g_assert_cmpuint (ed_test_count_found (fixture.store, "", 0), ==, 0);
  ed_test_store_close (&fixture);
}

static void
make_database (const char *path,
               const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_store_migrate_from_1 (void)
{
  g_autofree char *dir = ed_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "cases.db", NULL);
  g_autofree char *fixture = ed_test_data_path ("store", "schema-1.sql", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdStore) store = NULL;
  g_autoptr(EdCase) kase = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(EdCaseInfo) info = NULL;
  EdSheetRecord *sheet;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, NULL));
  make_database (path, sql);
  g_assert_cmpint (ed_test_sql_int (path, "PRAGMA user_version"), ==, 1);

  store = ed_store_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (ed_store_get_recovery (store));
  g_assert_cmpint (ed_test_sql_int (path, "PRAGMA user_version"), ==, 6);

  /* Everything is still there... */
  kase = ed_store_load_case (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_case_get_reference (kase), ==, "ED-7K3M-Q9");
  g_assert_cmpint (ed_case_get_procedure_version (kase), ==, 2);
  g_assert_cmpstr (ed_case_get_current_step (kase), ==, "register");
  g_assert_cmpstr (ed_case_get_notes (kase), ==, "Call back on Monday");
  g_assert_cmpint (ed_case_get_created (kase), ==, 1667000000);
  g_assert_cmpint (ed_case_get_modified (kase), ==, 1667100000);
  g_assert_cmpuint (ed_case_get_n_travellers (kase), ==, 2);
  g_assert_cmpstr (ed_traveller_get_answer (ed_case_get_traveller (kase, 0), "hersys-id"), ==,
                   "1234567");
  g_assert_true (ed_case_get_item_done (kase, ed_case_get_traveller (kase, 1), "register",
                                        "registered"));
  g_assert_true (ed_case_get_item_done (kase, NULL, "install", "app-installed"));
  sheets = ed_store_list_sheets (store, 1, &error);
  g_assert_cmpuint (sheets->len, ==, 1);
  sheet = g_ptr_array_index (sheets, 0);
  g_assert_cmpstr (sheet->languages[0], ==, "ja");
  g_assert_cmpint (ed_store_get_retention_days (store), ==, 365);

  /* ...and the migration indexed it for search. */
  g_assert_true (ed_test_found (store, "ヤマダ", kase));
  g_assert_true (ed_test_found (store, "花子", kase));
  info = ed_store_find_case (store, "ab12cd", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ed_test_count_found (store, "小明", ED_CASE_QUERY_INCLUDE_CLOSED), ==, 1);
  g_assert_cmpuint (ed_test_count_found (store, "小明", ED_CASE_QUERY_OPEN), ==, 0);

  g_clear_object (&kase);
  g_assert_finalize_object (g_steal_pointer (&store));
  ed_test_rm_rf (dir);
}

/* Version 0: a file with nothing in it, or made by sqlite3 by hand. */
static void
test_store_migrate_from_0 (void)
{
  g_autofree char *dir = ed_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "cases.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdStore) store = NULL;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  store = ed_store_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (ed_store_get_recovery (store));
  g_assert_cmpint (ed_test_sql_int (path, "PRAGMA user_version"), ==, 6);
  g_assert_finalize_object (g_steal_pointer (&store));
  ed_test_rm_rf (dir);
}

static void
test_store_newer_schema (void)
{
  g_autofree char *dir = ed_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "cases.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdStore) store = NULL;

  make_database (path, "CREATE TABLE future (x); PRAGMA user_version = 99;");
  store = ed_store_open (path, NULL, &error);
  g_assert_error (error, ED_ERROR, ED_ERROR_UNSUPPORTED);
  g_assert_null (store);
  /* Not damaged: left where it is, untouched. */
  g_assert_cmpint (ed_test_sql_int (path, "PRAGMA user_version"), ==, 99);
  ed_test_rm_rf (dir);
}

static int
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  rc = sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_close (db);
  return rc;
}

static void
test_store_sheet_log (void)
{
  EdTestStore fixture = { 0 };
  g_autoptr(EdCase) kase = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GError) error = NULL;
  char *languages[] = { (char *) "ja", (char *) "zh_CN", NULL };
  EdSheetRecord record = {
    .at = 1700000000, .kind = ED_SHEET_PRINT, .procedure_id = (char *) "jp-my-her-sys",
    .procedure_version = 3, .languages = languages, .paper = (char *) "a4",
  };
  EdSheetRecord *first, *second;
  gint64 id;

  ed_test_store_open (&fixture);
  kase = ed_test_add_case (fixture.store, "jp-my-her-sys",
                           ed_test_traveller ("ITO", "AOI", NULL, NULL, NULL), NULL);
  id = ed_case_get_id (kase);

  g_assert_true (ed_store_log_sheet (fixture.store, kase, &record, &error));
  record.at = 0;
  record.kind = ED_SHEET_PDF;
  record.paper = (char *) "letter";
  g_assert_true (ed_store_log_sheet (fixture.store, kase, &record, &error));
  g_assert_no_error (error);

  sheets = ed_store_list_sheets (fixture.store, id, &error);
  g_assert_cmpuint (sheets->len, ==, 2);
  first = g_ptr_array_index (sheets, 0);
  second = g_ptr_array_index (sheets, 1);
  g_assert_cmpint (first->at, ==, 1700000000);
  g_assert_cmpint (first->kind, ==, ED_SHEET_PRINT);
  g_assert_cmpint (first->procedure_version, ==, 3);
  g_assert_cmpstrv (first->languages, languages);
  g_assert_cmpint (second->kind, ==, ED_SHEET_PDF);
  g_assert_cmpstr (second->paper, ==, "letter");
  g_assert_cmpint (second->at, >=, g_get_real_time () / G_USEC_PER_SEC - 60);

  /* The log cannot be edited or emptied, even with sqlite3 by hand... */
  g_assert_cmpint (exec_sql (fixture.path, "DELETE FROM sheet_log"), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (exec_sql (fixture.path, "UPDATE sheet_log SET paper = 'a4'"), ==,
                   SQLITE_CONSTRAINT);
  g_assert_cmpint (ed_test_sql_int (fixture.path, "SELECT count (*) FROM sheet_log"), ==, 2);

  /* ...it goes with its case. */
  g_clear_object (&kase);
  g_assert_true (ed_store_trash_case (fixture.store, id, &error));
  g_assert_true (ed_store_expunge_case (fixture.store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ed_test_sql_int (fixture.path, "SELECT count (*) FROM sheet_log"), ==, 0);

  ed_test_store_close (&fixture);
}

static void
test_store_retention_setting (void)
{
  EdTestStore fixture = { 0 };
  g_autoptr(GAsyncResult) set = NULL;
  g_autoptr(GError) error = NULL;

  ed_test_store_open (&fixture);
  g_assert_cmpuint (ed_store_get_retention_days (fixture.store), ==, 0);
  g_assert_true (ed_store_set_retention_days (fixture.store, 90, &error));
  g_assert_no_error (error);

  /* In the database: the CLI and the GUI see the same. */
  ed_test_store_reopen (&fixture);
  g_assert_cmpuint (ed_store_get_retention_days (fixture.store), ==, 90);
  g_assert_true (ed_store_set_retention_days (fixture.store, 0, &error));
  g_assert_cmpuint (ed_store_get_retention_days (fixture.store), ==, 0);

  /* The GUI's way. */
  ed_store_set_retention_days_async (fixture.store, 30, NULL, ed_test_on_done, &set);
  g_assert_true (ed_store_set_retention_days_finish (fixture.store, ed_test_wait_for (&set),
                                                     &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ed_store_get_retention_days (fixture.store), ==, 30);
  g_clear_object (&set);
  ed_test_store_close (&fixture);
}

/* Another process writing the same file (the command line beside the
 * window) is noticed by a store that watches; its own saves are not
 * taken for another's. */
static void
count_changed (EdStore *store,
               guint   *n)
{
  (*n)++;
}

static gboolean
poll_once (EdStore *store)
{
  g_autoptr(GError) error = NULL;
  gboolean changed = ed_store_backend_poll_elsewhere (ed_store_get_backend (store), &error);

  g_assert_no_error (error);
  return changed;
}

static void
test_store_watch_elsewhere (void)
{
  EdTestStore fixture = { 0 };
  g_autoptr(EdStore) other = NULL;
  g_autoptr(EdCase) mine = NULL;
  g_autoptr(EdCase) theirs = NULL;
  g_autoptr(GError) error = NULL;
  guint n_changed = 0;
  gint64 deadline;

  ed_test_store_open (&fixture);
  other = ed_store_open (fixture.path, NULL, &error);
  g_assert_no_error (error);

  /* The first poll takes note; this store's own saves change nothing. */
  g_assert_false (poll_once (fixture.store));
  mine = ed_test_add_case (fixture.store, "jp-my-her-sys",
                           ed_test_traveller ("ERIKSSON", "ANNA", NULL, NULL, "AB1234567"), NULL);
  g_assert_true (ed_store_flush (fixture.store, &error));
  g_assert_false (poll_once (fixture.store));

  /* Another connection's save is seen, once. */
  theirs = ed_test_add_case (other, "cn-beijing-health-code",
                             ed_test_traveller ("WANG", "WEI", "王伟", NULL, "E12345678"), NULL);
  g_assert_true (ed_store_flush (other, &error));
  g_assert_true (poll_once (fixture.store));
  g_assert_false (poll_once (fixture.store));

  /* Watching: the store says it changed, within seconds. */
  g_signal_connect (fixture.store, "changed", G_CALLBACK (count_changed), &n_changed);
  ed_store_watch_elsewhere (fixture.store);
  ed_case_set_notes (theirs, "Called the client.");
  g_assert_true (ed_store_flush (other, &error));
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (n_changed == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_changed, >, 0);

  g_clear_object (&theirs);
  g_assert_finalize_object (g_steal_pointer (&other));
  g_clear_object (&mine);
  ed_test_store_close (&fixture);
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  /* Before GLib reads it: the default path lands here. */
  data_home = ed_test_make_tmpdir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/default-path-private", test_store_default_path_private);
  g_test_add_func ("/store/autosave", test_store_autosave);
  g_test_add_func ("/store/autosave-while-typing", test_store_autosave_while_typing);
  g_test_add_func ("/store/trash-restore-expunge", test_store_trash_restore_expunge);
  g_test_add_func ("/store/trash-owner", test_store_trash_owner);
  g_test_add_func ("/store/watch-elsewhere", test_store_watch_elsewhere);
  g_test_add_func ("/store/async", test_store_async);
  g_test_add_func ("/store/damaged-file", test_store_damaged_file);
  g_test_add_func ("/store/damaged-pages", test_store_damaged_pages);
  g_test_add_func ("/store/migrate-from-0", test_store_migrate_from_0);
  g_test_add_func ("/store/migrate-from-1", test_store_migrate_from_1);
  g_test_add_func ("/store/newer-schema", test_store_newer_schema);
  g_test_add_func ("/store/sheet-log", test_store_sheet_log);
  g_test_add_func ("/store/retention-setting", test_store_retention_setting);

  status = g_test_run ();
  ed_test_rm_rf (data_home);
  g_free (data_home);
  return status;
}
