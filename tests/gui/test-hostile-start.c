/* test-hostile-start.c — a hostile file among the user's procedures
 *
 * A procedure file nested 100,000 deep overflowed json-glib's stack:
 * the app crashed at every start until the file was deleted by hand.
 * Now it starts, says a file could not be read, and has the rest.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "ed-application.h"
#include "ed-core.h"
#include "ed-test-gui.h"
#include "ed-window.h"

static EdApplication *app;

static void
test_hostile_start (void)
{
  g_autofree char *says = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "%u procedure file could not be read",
                                                        "%u procedure files could not be read",
                                                        1), 1);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  GPtrArray *errors = ed_catalog_get_errors (ed_application_get_catalog (app));

  g_assert_true (ED_IS_WINDOW (window));
  ed_test_wait_until_mapped (GTK_WIDGET (window));
  ed_test_wait_for_label (GTK_WIDGET (window), says);

  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_nonnull (strstr (((GError *) g_ptr_array_index (errors, 0))->message,
                            "xx-deep.json: "));
  g_assert_nonnull (ed_catalog_lookup (ed_application_get_catalog (app), "jp-my-her-sys"));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *file = NULL;
  g_autofree char *deep = g_strnfill (100000, '[');
  int status;

  ed_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  folder = ed_paths_user_procedures_dir ();
  file = g_build_filename (folder, "xx-deep.json", NULL);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (file, deep, -1, NULL));

  app = ed_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));

  g_test_add_func ("/hostile/start", test_hostile_start);
  status = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  g_unlink (file);
  return status;
}
