/* test-office-reader.c — a desk whose role may only read the office's cases
 *
 * The app runs on an office database of the test's own server as rita,
 * in the reader role (entry_desk_reader: the README's grants); bob, on
 * the same database, makes a case. Rita's window shows it read-only:
 * the bar under the header says that this role may read cases but not
 * change them, no field takes typing, and the buttons that would add,
 * close or delete are not there, instead of letting her type what the
 * server then refuses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "ed-core.h"
#include "ed-field-row.h"
#include "ed-office-bar.h"
#include "ed-test-cases.h"
#include "ed-test-gui.h"
#include "ed-test-pg.h"
#include "ed-test-util.h"
#include "ed-window.h"

static EdTestPg *server;
static EdApplication *app;
static EdStore *bob;

/* What changed, as a user sees it, at 1280 and at 360 pixels: when
 * asked (ED_SCREENSHOT_WIDTHS), as resizing twice takes its time. */
static void
screenshot_widths (GtkWidget  *window,
                   const char *name)
{
  g_autofree char *wide = g_strconcat (name, "-1280", NULL);
  g_autofree char *narrow = g_strconcat (name, "-360", NULL);

  if (g_getenv ("ED_SCREENSHOT_WIDTHS") == NULL)
    {
      ed_test_screenshot (window, name);
      return;
    }
  ed_test_resize (GTK_WINDOW (window), 1280, 800);
  ed_test_screenshot (window, wide);
  ed_test_resize (GTK_WINDOW (window), 360, 720);
  ed_test_screenshot (window, narrow);
  ed_test_resize (GTK_WINDOW (window), 1280, 800);
}

/* Every field row's editor under @root: none takes typing. */
static guint
check_fields (GtkWidget *root)
{
  guint n = 0;

  if (ED_IS_FIELD_ROW (root))
    {
      GtkWidget *editor = ed_field_row_get_editor (ED_FIELD_ROW (root));

      if (GTK_IS_EDITABLE (editor))
        g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (editor)));
      else
        g_assert_false (gtk_widget_is_sensitive (editor));
      return 1;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += check_fields (child);
  return n;
}

static gboolean
shown_where (const char *action,
             GtkWidget  *root)
{
  GtkWidget *button = ed_test_find_actionable (root, action);

  return button != NULL && gtk_widget_get_visible (button) && gtk_widget_is_sensitive (button);
}

/* A button that would remove a traveller, shown and working. */
static gboolean
trash_shown (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)), "user-trash-symbolic") == 0)
    return gtk_widget_get_visible (root) && gtk_widget_is_sensitive (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (trash_shown (child))
      return TRUE;
  return FALSE;
}

static void
test_reader_read_only (void)
{
  GtkWidget *window = ed_test_main_window (app);
  EdStore *store = ed_test_wait_for_store (app);
  g_autoptr(EdTraveller) traveller = ed_traveller_new ();
  g_autoptr(EdCase) made = ed_case_new ("jp-my-her-sys", 1);
  g_autoptr(EdCase) here = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *bar;
  GtkWidget *wizard;

  g_assert_cmpstr (ed_store_get_role (store), ==, "rita");
  g_assert_true (ed_store_get_read_only (store));

  /* The bar says so, naming the role. */
  bar = ed_test_find_widget (window, ED_TYPE_OFFICE_BAR, NULL);
  g_assert_nonnull (bar);
  ED_TEST_WAIT_FOR (ed_office_bar_get_read_only_shown (ED_OFFICE_BAR (bar)));
  g_assert_false (ed_office_bar_get_shown (ED_OFFICE_BAR (bar)));
  g_assert_nonnull (ed_test_find_label (bar, "rita"));
  /* No new case from here. */
  g_assert_false (shown_where ("win.new-case", window));

  ed_traveller_set (traveller, "surname", "SATO");
  ed_traveller_set (traveller, "given_names", "KEN");
  ed_case_add_traveller (made, traveller);
  g_clear_object (&traveller);
  traveller = ed_traveller_new ();
  ed_traveller_set (traveller, "surname", "SATO");
  ed_traveller_set (traveller, "given_names", "YUI");
  ed_case_add_traveller (made, traveller);
  g_assert_true (ed_store_add_case (bob, made, &error));
  g_assert_no_error (error);
  ED_TEST_WAIT_FOR (ed_test_find_case_row (ed_test_case_list_view (app),
                                           ed_case_get_reference (made)) != NULL);
  screenshot_widths (window, "office-reader-list");

  /* Its page: nothing that changes the journey. */
  here = ed_store_load_case (store, ed_case_get_id (made), &error);
  g_assert_no_error (error);
  ed_window_show_case (ED_WINDOW (window), here);
  g_assert_false (shown_where ("case.add-procedure", window));

  /* Its wizard: every field read-only, no Mark as Done, no new traveller. */
  ed_window_show_procedure (ED_WINDOW (window), here, NULL);
  wizard = ed_window_get_wizard (ED_WINDOW (window));
  g_assert_nonnull (wizard);
  g_assert_cmpuint (check_fields (wizard), >, 0);
  /* The wizard says why too. */
  bar = ed_test_find_widget (wizard, ED_TYPE_OFFICE_BAR, NULL);
  g_assert_nonnull (bar);
  g_assert_true (ed_office_bar_get_read_only_shown (ED_OFFICE_BAR (bar)));
  g_assert_false (shown_where ("wizard.mark-done", wizard));
  g_assert_false (shown_where ("family.add", wizard));
  g_assert_false (trash_shown (wizard));
  /* A picture of the wizard, not of the slide to it. */
  ED_TEST_WAIT_FOR (!gtk_stack_get_transition_running (GTK_STACK (gtk_widget_get_parent (wizard))));
  screenshot_widths (window, "office-reader-wizard");

  /* Nothing was typed, nothing waits to be refused. */
  g_assert_false (ed_store_has_unsaved_changes (store));
  g_assert_cmpstr (ed_traveller_get (ed_case_get_traveller (here, 0), "surname"), ==, "SATO");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *tmp = NULL;
  g_autofree char *database = NULL;
  g_autofree char *admin = NULL;
  g_autofree char *as_rita = NULL;
  g_autofree char *as_bob = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  ed_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  if (!ed_test_pg_available ())
    {
      g_test_skip ("PostgreSQL (initdb) or openssl is not installed: run build-aux/deps");
      return 0;
    }

  tmp = ed_test_isolate ();
  server = ed_test_pg_start ();
  database = ed_test_pg_new_database (server);
  admin = ed_test_pg_uri (server, "office_admin", database);
  g_object_unref (ed_store_open (admin, NULL, &error));
  g_assert_no_error (error);

  as_rita = ed_test_pg_uri (server, "rita", database);
  as_bob = ed_test_pg_uri (server, "bob", database);
  bob = ed_store_open (as_bob, NULL, &error);
  g_assert_no_error (error);
  g_setenv ("ENTRY_DESK_STORE", as_rita, TRUE);
  app = ed_test_start_app ();

  g_test_add_func ("/office-reader/read-only", test_reader_read_only);

  status = g_test_run ();

  ed_test_stop_app (app);
  g_clear_object (&bob);
  ed_test_pg_stop (server);
  ed_test_rm_rf (tmp);
  return status;
}
