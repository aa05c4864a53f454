/* ed-cli-check-catalog.c — entry-desk-cli check-catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "ed-cli.h"

/* A journey or a procedure, told by its content. */
static void
add_file (EdCatalog  *catalog,
          const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  if (g_file_get_contents (path, &data, &length, NULL) &&
      ed_journey_data_is_journey (data, length))
    ed_catalog_add_journey_file (catalog, path, ED_ORIGIN_OTHER, NULL);
  else
    ed_catalog_add_file (catalog, path, ED_ORIGIN_OTHER, NULL);
}

/* The procedures a journey may name: those checked with it, then
 * those installed and the user's own. Returns how many journeys name
 * one that is not there. */
static guint
check_journey_procedures (EdCatalog *catalog)
{
  g_autoptr(EdCatalog) installed = NULL;
  GListModel *journeys = ed_catalog_get_journeys (catalog);
  guint n_bad = 0;

  for (guint i = 0; i < g_list_model_get_n_items (journeys); i++)
    {
      g_autoptr(EdJourney) journey = g_list_model_get_item (journeys, i);
      GPtrArray *items = ed_journey_get_items (journey);
      gboolean bad = FALSE;

      for (guint j = 0; j < items->len; j++)
        {
          const EdJourneyItem *item = g_ptr_array_index (items, j);

          if (ed_catalog_lookup (catalog, item->id) != NULL)
            continue;
          if (installed == NULL)
            {
              g_autofree char *system_dir = ed_paths_system_procedures_dir ();
              g_autofree char *user_dir = ed_paths_user_procedures_dir ();

              installed = ed_catalog_new ();
              ed_catalog_load_directory (installed, system_dir, ED_ORIGIN_SYSTEM);
              ed_catalog_load_directory (installed, user_dir, ED_ORIGIN_USER);
            }
          if (ed_catalog_lookup (installed, item->id) != NULL)
            continue;

          /* Translators: a file, the place in it, then a procedure id */
          g_print (_("%s: procedures[%u].id: there is no procedure “%s” among the files "
                     "checked or installed\n"),
                   ed_journey_get_path (journey), j, item->id);
          bad = TRUE;
        }
      n_bad += bad;
    }

  return n_bad;
}

/* Prints every line of every error: one problem a line. */
static void
print_errors (GPtrArray *errors,
              guint      from)
{
  for (guint i = from; i < errors->len; i++)
    {
      const GError *error = g_ptr_array_index (errors, i);

      g_print ("%s\n", error->message);
    }
}

int
ed_cli_check_catalog (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EdCatalog) catalog = ed_catalog_new ();
  GPtrArray *errors = ed_catalog_get_errors (catalog);
  guint n_files = 0, n_problems = 0, n_missing;
  int status;

  context = g_option_context_new (_("PATH…"));
  g_option_context_set_summary (context,
                                _("Check procedure and journey files: each PATH is a file or "
                                  "a folder of *.json files."));
  g_option_context_set_description (context,
                                    _("Every problem is printed on a line of its own as FILE: "
                                      "PLACE: WHAT, where\n"
                                      "PLACE is a JSON path such as steps[3].links[0].url, "
                                      "or the line and column\n"
                                      "where the JSON itself is broken. "
                                      "A file may use the id of a procedure\n"
                                      "shipped with Entry Desk: it replaces it. A journey file "
                                      "(one that lists\n"
                                      "“procedures” and has no “steps”) may name only procedures "
                                      "checked with it\n"
                                      "or installed.\n"
                                      "Exit status: 0 when every file is good, "
                                      "1 when any has a problem."));
  if (!ed_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return ed_cli_usage_error (_("No file or folder to check"));

  for (int i = 1; i < argc; i++)
    {
      const char *path = argv[i];
      guint before = errors->len;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GPtrArray) files = ed_catalog_list_directory (path, &error);

          if (files == NULL)
            g_print ("%s\n", error->message);
          else if (files->len == 0)
            /* Translators: %s is a folder */
            g_print (_("%s: there is no procedure file (*.json) in this folder\n"), path);
          n_problems += files == NULL || files->len == 0;

          for (guint j = 0; files != NULL && j < files->len; j++)
            add_file (catalog, g_ptr_array_index (files, j));
          n_files += files != NULL ? files->len : 0;
        }
      else if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          add_file (catalog, path);
          n_files++;
        }
      else
        {
          /* Translators: %s is a path given on the command line */
          g_print (_("%s: no such file or folder\n"), path);
          n_problems++;
        }

      print_errors (errors, before);
    }

  n_missing = check_journey_procedures (catalog);
  n_problems += errors->len + n_missing;
  if (n_problems > 0)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "%u file checked: %u with problems\n",
                               "%u files checked: %u with problems\n", n_files),
                  n_files, errors->len + n_missing);
      return ED_EXIT_INVALID;
    }

  g_printerr (g_dngettext (GETTEXT_PACKAGE,
                           "%u file checked: no problems\n",
                           "%u files checked: no problems\n", n_files),
              n_files);
  return ED_EXIT_OK;
}
