/* test-catalog-reload.c — a catalog in use takes in what its folders hold now
 *
 * After an update, the window's catalog is read again in place: views
 * that watch its list see one change, and procedures they hold stay
 * valid.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "ed-core.h"
#include "ed-test-util.h"

typedef struct
{
  char      *tmp;
  char      *first;     /* read first */
  char      *second;    /* read second: later wins */
  EdCatalog *catalog;
  guint      n_changes;
  guint      n_items_seen;
} Fixture;

static void
copy_file (const char *source,
           const char *dir,
           const char *name)
{
  g_autofree char *contents = NULL;
  g_autofree char *target = g_build_filename (dir, name, NULL);
  gsize length = 0;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (target, contents, length, NULL));
}

static void
copy_shipped (const char *id,
              const char *dir)
{
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *source = g_build_filename (g_getenv ("ENTRY_DESK_DATADIR"), "procedures",
                                              name, NULL);

  copy_file (source, dir, name);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  fixture->n_changes++;
  /* What a view sees while it rebuilds: the lookup agrees with the list. */
  fixture->n_items_seen = g_list_model_get_n_items (model);
  for (guint i = 0; i < fixture->n_items_seen; i++)
    {
      g_autoptr(EdProcedure) procedure = g_list_model_get_item (model, i);

      g_assert_true (ed_catalog_lookup (fixture->catalog, ed_procedure_get_id (procedure)) ==
                     procedure);
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->tmp = ed_test_make_tmpdir ();
  fixture->first = g_build_filename (fixture->tmp, "first", NULL);
  fixture->second = g_build_filename (fixture->tmp, "second", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->first, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (fixture->second, 0700), ==, 0);

  copy_shipped ("jp-my-her-sys", fixture->first);
  copy_shipped ("cn-dalian-health-code", fixture->first);

  fixture->catalog = ed_catalog_new ();
  ed_catalog_load_directory (fixture->catalog, fixture->first, ED_ORIGIN_SYSTEM);
  ed_catalog_load_directory (fixture->catalog, fixture->second, ED_ORIGIN_UPDATE);
  g_signal_connect (ed_catalog_get_procedures (fixture->catalog), "items-changed",
                    G_CALLBACK (items_changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->catalog);
  ed_test_rm_rf (fixture->tmp);
  g_free (fixture->tmp);
  g_free (fixture->first);
  g_free (fixture->second);
}

static void
reloaded_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (ed_catalog_reload_finish (ED_CATALOG (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
reload (Fixture *fixture)
{
  gboolean done = FALSE;

  fixture->n_changes = 0;
  ed_catalog_reload_async (fixture->catalog, NULL, reloaded_cb, &done);
  /* Nothing changes before the main loop runs the result. */
  g_assert_cmpuint (fixture->n_changes, ==, 0);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_reload_added_and_removed (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *sample = ed_test_data_path ("feed", "xx-feed-sample.json", NULL);
  g_autofree char *dalian = g_build_filename (fixture->first, "cn-dalian-health-code.json", NULL);
  g_autoptr(EdProcedure) held = NULL;
  GListModel *procedures = ed_catalog_get_procedures (fixture->catalog);

  held = g_object_ref (ed_catalog_lookup (fixture->catalog, "cn-dalian-health-code"));
  g_assert_cmpuint (g_list_model_get_n_items (procedures), ==, 2);

  copy_file (sample, fixture->second, "xx-feed-sample.json");
  g_assert_cmpint (g_remove (dalian), ==, 0);
  reload (fixture);

  /* One change for the whole reload, so a view rebuilds once. */
  g_assert_cmpuint (fixture->n_changes, ==, 1);
  g_assert_cmpuint (fixture->n_items_seen, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (procedures), ==, 2);
  g_assert_nonnull (ed_catalog_lookup (fixture->catalog, "xx-feed-sample"));
  g_assert_cmpint (ed_procedure_get_origin (ed_catalog_lookup (fixture->catalog, "xx-feed-sample")),
                   ==, ED_ORIGIN_UPDATE);
  g_assert_null (ed_catalog_lookup (fixture->catalog, "cn-dalian-health-code"));
  g_assert_nonnull (ed_catalog_lookup (fixture->catalog, "jp-my-her-sys"));

  /* A window that still shows the removed procedure keeps a valid one. */
  g_assert_cmpstr (ed_procedure_get_id (held), ==, "cn-dalian-health-code");
}

/* A newer copy in a later folder wins, as at start-up. */
static void
test_reload_later_folder_wins (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *source = g_build_filename (fixture->first, "jp-my-her-sys.json", NULL);
  g_autofree char *target = g_build_filename (fixture->second, "jp-my-her-sys.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *changed = NULL;
  g_auto(GStrv) parts = NULL;
  EdProcedure *procedure;

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  parts = g_regex_split_simple ("\"version\": [0-9]+,", contents, 0, 0);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  changed = g_strjoinv ("\"version\": 100,", parts);
  g_assert_true (g_file_set_contents (target, changed, -1, NULL));

  reload (fixture);

  procedure = ed_catalog_lookup (fixture->catalog, "jp-my-her-sys");
  g_assert_cmpint (ed_procedure_get_version (procedure), ==, 100);
  g_assert_cmpint (ed_procedure_get_origin (procedure), ==, ED_ORIGIN_UPDATE);
  g_assert_cmpuint (g_list_model_get_n_items (ed_catalog_get_procedures (fixture->catalog)), ==, 2);
}

/* The errors are those of the files there now. */
static void
test_reload_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (fixture->second, "xx-bad.json", NULL);
  const GError *first;

  g_assert_true (g_file_set_contents (bad, "{ \"schema\": 1", -1, NULL));
  reload (fixture);
  g_assert_cmpuint (ed_catalog_get_errors (fixture->catalog)->len, ==, 1);
  first = ed_catalog_get_errors (fixture->catalog)->pdata[0];
  g_assert_true (g_str_has_prefix (first->message, bad));
  g_assert_cmpuint (g_list_model_get_n_items (ed_catalog_get_procedures (fixture->catalog)), ==, 2);

  g_assert_cmpint (g_remove (bad), ==, 0);
  reload (fixture);
  g_assert_cmpuint (ed_catalog_get_errors (fixture->catalog)->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/catalog-reload/added-and-removed", Fixture, NULL,
              fixture_set_up, test_reload_added_and_removed, fixture_tear_down);
  g_test_add ("/catalog-reload/later-folder-wins", Fixture, NULL,
              fixture_set_up, test_reload_later_folder_wins, fixture_tear_down);
  g_test_add ("/catalog-reload/errors", Fixture, NULL,
              fixture_set_up, test_reload_errors, fixture_tear_down);

  return g_test_run ();
}
