/* test-store-purge.c — retention: closed cases purged after N days,
 * shown first, and gone from the file afterwards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE   /* memmem */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ed-test-store.h"
#include "ed-test-util.h"

#define DAY (24 * 60 * 60)

static char *
format_time (gint64 seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (seconds);

  return g_date_time_format_iso8601 (time);
}

/* A case as another office would send it, closed @days_ago (or open
 * when negative). */
static gint64
import_case (EdTestStore *fixture,
             const char  *surname,
             const char  *passport,
             int          days_ago)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdCaseInfo) info = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "in.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *created = format_time (now - 1000 * DAY);
  g_autofree char *closed = format_time (now - (gint64) MAX (days_ago, 0) * DAY);
  g_autofree char *closed_member = NULL;
  g_autofree char *json = NULL;

  if (days_ago >= 0)
    closed_member = g_strdup_printf ("\"closed\": \"%s\",", closed);
  json = g_strdup_printf ("{\"entry_desk_case\": 1, \"reference\": \"ED-0000-00\", "
                          "\"procedure\": \"jp-my-her-sys\", \"procedure_version\": 1, "
                          "\"status\": \"%s\", \"created\": \"%s\", \"modified\": \"%s\", %s "
                          "\"travellers\": [{\"surname\": \"%s\", \"passport_number\": \"%s\"}],"
                          "\"sheets\": [{\"at\": \"%s\", \"kind\": \"print\", \"procedure\": "
                          "\"jp-my-her-sys\", \"procedure_version\": 1, \"languages\": [\"ja\"], "
                          "\"paper\": \"a4\"}]}",
                          days_ago >= 0 ? "closed" : "open", created, closed,
                          closed_member != NULL ? closed_member : "", surname, passport, created);
  g_assert_true (g_file_set_contents (path, json, -1, NULL));

  info = ed_store_import_case (fixture->store, file, ED_IMPORT_NEW_REFERENCE, NULL, &error);
  g_assert_no_error (error);
  return ed_case_info_get_id (info);
}

static gboolean
preview_has (GPtrArray *preview,
             gint64     id)
{
  for (guint i = 0; i < preview->len; i++)
    if (ed_case_info_get_id (g_ptr_array_index (preview, i)) == id)
      return TRUE;
  return FALSE;
}

static gboolean
exists (EdTestStore *fixture,
        gint64       id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM cases WHERE id = %"
                                          G_GINT64_FORMAT, id);

  return ed_test_sql_int (fixture->path, sql) == 1;
}

static void
test_purge_retention (void)
{
  EdTestStore fixture = { 0 };
  g_autoptr(GPtrArray) year = NULL;
  g_autoptr(GPtrArray) month = NULL;
  g_autoptr(GError) error = NULL;
  gint64 old, recent, open;
  guint n = 0;

  ed_test_store_open (&fixture);
  old = import_case (&fixture, "OLDCLOSED", "AA1111111", 400);
  recent = import_case (&fixture, "RECENTCLOSED", "BB2222222", 100);
  open = import_case (&fixture, "STILLOPEN", "CC3333333", -1);

  /* What would go, the longest closed first; never an open case. */
  year = ed_store_purge_preview (fixture.store, 365, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (year->len, ==, 1);
  g_assert_true (preview_has (year, old));
  month = ed_store_purge_preview (fixture.store, 30, NULL, &error);
  g_assert_cmpuint (month->len, ==, 2);
  g_assert_cmpint (ed_case_info_get_id (g_ptr_array_index (month, 0)), ==, old);
  g_assert_cmpint (ed_case_info_get_id (g_ptr_array_index (month, 1)), ==, recent);
  g_assert_false (preview_has (month, open));

  g_assert_true (ed_store_purge (fixture.store, year, 365, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_false (exists (&fixture, old));
  g_assert_true (exists (&fixture, recent));
  g_assert_true (exists (&fixture, open));
  /* With its travellers and sheet log. */
  g_assert_cmpint (ed_test_sql_int (fixture.path, "SELECT count (*) FROM travellers"), ==, 2);
  g_assert_cmpint (ed_test_sql_int (fixture.path, "SELECT count (*) FROM sheet_log"), ==, 2);
  g_assert_cmpuint (ed_test_count_found (fixture.store, "oldclosed",
                                         ED_CASE_QUERY_INCLUDE_CLOSED), ==, 0);

  ed_test_store_close (&fixture);
}

/* Reopened after the list was shown: kept. */
static void
test_purge_only_what_was_shown (void)
{
  EdTestStore fixture = { 0 };
  g_autoptr(GPtrArray) preview = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdCase) reopened = NULL;
  gint64 first, second, later;
  guint n = 0;

  ed_test_store_open (&fixture);
  first = import_case (&fixture, "FIRST", "AA1111111", 200);
  second = import_case (&fixture, "SECOND", "BB2222222", 200);

  preview = ed_store_purge_preview (fixture.store, 90, NULL, &error);
  g_assert_cmpuint (preview->len, ==, 2);

  /* Closed after the list was made: not in it, not purged. */
  later = import_case (&fixture, "LATER", "DD4444444", 300);
  reopened = ed_store_load_case (fixture.store, second, &error);
  g_assert_no_error (error);
  ed_case_set_status (reopened, ED_CASE_OPEN);
  g_assert_true (ed_store_flush (fixture.store, &error));

  g_assert_true (ed_store_purge (fixture.store, preview, 90, &n, NULL, &error));
  g_assert_cmpuint (n, ==, 1);
  g_assert_false (exists (&fixture, first));
  g_assert_true (exists (&fixture, second));
  g_assert_true (exists (&fixture, later));

  g_clear_object (&reopened);
  ed_test_store_close (&fixture);
}

static gboolean
file_holds (const char *path,
            const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return memmem (contents, length, needle, strlen (needle)) != NULL;
}

static gboolean
store_files_hold (EdTestStore *fixture,
                  const char  *needle)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);

  return file_holds (fixture->path, needle) || file_holds (wal, needle);
}

/* secure_delete, the merged search index, VACUUM and the emptied WAL:
 * nobody reading the file finds the purged traveller. */
static void
test_purge_leaves_nothing (void)
{
  EdTestStore fixture = { 0 };
  g_autoptr(GPtrArray) preview = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  ed_test_store_open (&fixture);
  import_case (&fixture, "KEPTPERSON", "KK1234567", 10);
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *surname = g_strdup_printf ("FILLER%u", i);

      import_case (&fixture, surname, "FF0000000", -1);
    }
  import_case (&fixture, "ZAPPEDPERSON", "ZX9876543", 500);

  g_assert_true (store_files_hold (&fixture, "ZAPPEDPERSON"));
  g_assert_true (store_files_hold (&fixture, "zx9876543"));

  preview = ed_store_purge_preview (fixture.store, 365, NULL, &error);
  g_assert_cmpuint (preview->len, ==, 1);
  g_assert_true (ed_store_purge (fixture.store, preview, 365, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);

  g_assert_false (store_files_hold (&fixture, "ZAPPEDPERSON"));
  g_assert_false (store_files_hold (&fixture, "ZX9876543"));
  g_assert_false (store_files_hold (&fixture, "zx9876543"));
  g_assert_false (store_files_hold (&fixture, "9876543"));
  g_assert_true (store_files_hold (&fixture, "KEPTPERSON"));

  ed_test_store_close (&fixture);
}

/* The same for a case deleted by hand once its Undo is gone. */
static void
test_expunge_leaves_nothing (void)
{
  EdTestStore fixture = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 id;

  ed_test_store_open (&fixture);
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *surname = g_strdup_printf ("FILLER%u", i);

      import_case (&fixture, surname, "FF0000000", -1);
    }
  id = import_case (&fixture, "ZAPPEDPERSON", "ZX9876543", -1);
  g_assert_true (store_files_hold (&fixture, "ZAPPEDPERSON"));

  g_assert_true (ed_store_trash_case (fixture.store, id, &error));
  g_assert_true (ed_store_expunge_case (fixture.store, id, &error));
  g_assert_no_error (error);
  g_assert_false (store_files_hold (&fixture, "ZAPPEDPERSON"));
  g_assert_false (store_files_hold (&fixture, "9876543"));

  ed_test_store_close (&fixture);
}

static void
test_purge_async (void)
{
  EdTestStore fixture = { 0 };
  g_autoptr(GAsyncResult) previewed = NULL;
  g_autoptr(GAsyncResult) purged = NULL;
  g_autoptr(GPtrArray) preview = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  ed_test_store_open (&fixture);
  import_case (&fixture, "OLDCLOSED", "AA1111111", 40);

  ed_store_purge_preview_async (fixture.store, 30, NULL, ed_test_on_done, &previewed);
  preview = ed_store_purge_preview_finish (fixture.store, ed_test_wait_for (&previewed), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->len, ==, 1);

  ed_store_purge_async (fixture.store, preview, 30, NULL, ed_test_on_done, &purged);
  g_assert_true (ed_store_purge_finish (fixture.store, ed_test_wait_for (&purged), &n, &error));
  g_assert_cmpuint (n, ==, 1);

  g_clear_object (&previewed);
  g_clear_object (&purged);
  ed_test_store_close (&fixture);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store-purge/retention", test_purge_retention);
  g_test_add_func ("/store-purge/only-what-was-shown", test_purge_only_what_was_shown);
  g_test_add_func ("/store-purge/leaves-nothing", test_purge_leaves_nothing);
  g_test_add_func ("/store-purge/expunge-leaves-nothing", test_expunge_leaves_nothing);
  g_test_add_func ("/store-purge/async", test_purge_async);

  return g_test_run ();
}
