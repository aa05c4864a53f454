/* ed-test-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "ed-test-store.h"
#include "ed-test-util.h"

void
ed_test_store_open (EdTestStore *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = ed_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "cases.db", NULL);
  fixture->store = ed_store_open (fixture->path, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (ed_store_get_recovery (fixture->store));
}

void
ed_test_store_close (EdTestStore *fixture)
{
  if (fixture->store != NULL)
    {
      gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

      /* Writes done, then searches and callbacks still under way: each
       * holds the store until the main loop has run it. */
      g_assert_true (ed_store_flush (fixture->store, NULL));
      while (G_OBJECT (fixture->store)->ref_count > 1 && g_get_monotonic_time () < deadline)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (1000);
      g_assert_finalize_object (g_steal_pointer (&fixture->store));
    }
  ed_test_rm_rf (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

/* As the app does when it starts again. */
void
ed_test_store_reopen (EdTestStore *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  fixture->store = ed_store_open (fixture->path, NULL, &error);
  g_assert_no_error (error);
}

EdTraveller *
ed_test_traveller (const char *surname,
                   const char *given_names,
                   const char *native_name,
                   const char *phonetic_name,
                   const char *passport_number)
{
  EdTraveller *traveller = ed_traveller_new ();

  ed_traveller_set (traveller, "surname", surname);
  ed_traveller_set (traveller, "given_names", given_names);
  ed_traveller_set (traveller, "native_name", native_name);
  ed_traveller_set (traveller, "phonetic_name", phonetic_name);
  ed_traveller_set (traveller, "passport_number", passport_number);
  return traveller;
}

/* Takes the travellers; the case is added with the public API. */
EdCase *
ed_test_add_case (EdStore     *store,
                  const char  *procedure_id,
                  EdTraveller *first,
                  ...)
{
  g_autoptr(GError) error = NULL;
  EdCase *kase = ed_case_new (procedure_id, 1);
  va_list args;

  va_start (args, first);
  for (EdTraveller *t = first; t != NULL; t = va_arg (args, EdTraveller *))
    {
      ed_case_add_traveller (kase, t);
      g_object_unref (t);
    }
  va_end (args);

  g_assert_true (ed_store_add_case (store, kase, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ed_case_get_id (kase), >, 0);
  return kase;
}

/* Read with a connection of its own, as another process would. */
gint64
ed_test_sql_int (const char *path,
                 const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* The references found, best first. */
GStrv
ed_test_search_refs (EdStore          *store,
                     const char       *text,
                     EdCaseQueryFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv refs;

  found = ed_store_search (store, text, flags, ED_STORE_SEARCH_LIMIT, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < found->len; i++)
    g_strv_builder_add (builder, ed_case_info_get_reference (g_ptr_array_index (found, i)));

  refs = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return refs;
}

guint
ed_test_count_found (EdStore          *store,
                     const char       *text,
                     EdCaseQueryFlags  flags)
{
  g_auto(GStrv) refs = ed_test_search_refs (store, text, flags);

  return g_strv_length (refs);
}

gboolean
ed_test_found (EdStore    *store,
               const char *text,
               EdCase     *kase)
{
  g_auto(GStrv) refs = ed_test_search_refs (store, text, ED_CASE_QUERY_INCLUDE_CLOSED);

  return g_strv_contains ((const char * const *) refs, ed_case_get_reference (kase));
}

/* Runs the main loop until the autosave has written everything. */
void
ed_test_wait_saved (EdStore *store)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (ed_store_has_unsaved_changes (store) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (ed_store_has_unsaved_changes (store));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A GAsyncReadyCallback: keeps the result in *user_data. */
void
ed_test_on_done (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Runs the main loop until ed_test_on_done() filled @result. */
GAsyncResult *
ed_test_wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

guint
ed_test_file_mode (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_mode & 0777;
}

/* Returns: (transfer full): what @store lists of the case @reference,
 * which must be there */
EdCaseInfo *
ed_test_find_info (EdStore    *store,
                   const char *reference)
{
  g_autoptr(GError) error = NULL;
  EdCaseInfo *info = ed_store_find_case (store, reference, &error);

  g_assert_no_error (error);
  g_assert_nonnull (info);
  return info;
}

/* Asserts the progress a desk's list shows of @reference, as the store
 * keeps it; @n_steps -1 for not known. */
void
ed_test_assert_progress (EdStore    *store,
                         const char *reference,
                         int         step,
                         int         n_steps)
{
  g_autoptr(EdCaseInfo) info = ed_test_find_info (store, reference);
  EdCaseProgress progress;
  gboolean known = ed_case_info_get_progress (info, &progress);

  g_assert_cmpint (known, ==, n_steps >= 0);
  if (!known)
    return;
  g_assert_cmpint (progress.n_steps, ==, n_steps);
  g_assert_cmpint (progress.step, ==, step);
}
