/* test-keyboard.c — a whole procedure with the keyboard alone
 *
 * Every key goes through the X server, as a person's: Ctrl+N, typing in
 * the search, Enter on a procedure read without creating a case, Start a
 * Case, the MRZ typed into its box, the fields reached with Tab, the
 * questions answered with Space and the arrow keys, a required item
 * ticked, Alt+Right from page to page and, on the review, the final
 * action. The test looks at the screen (the widgets) between keys only
 * to know where the focus is, as a person would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "ed-application.h"
#include "ed-core.h"
#include "ed-field-row.h"
#include "ed-mrz-box.h"
#include "ed-procedure-view.h"
#include "ed-questions-page.h"
#include "ed-sheet-dialog.h"
#include "ed-step-page.h"
#include "ed-summary-page.h"
#include "ed-test-cases.h"
#include "ed-test-gui.h"
#include "ed-test-keyboard.h"
#include "ed-test-util.h"
#include "ed-travellers-page.h"
#include "ed-window.h"
#include "ed-wizard.h"

#define MRZ_LINE_1 "P<JPNYAMADA<<TARO<<<<<<<<<<<<<<<<<<<<<<<<<<<"
#define MRZ_LINE_2 "TR12345672JPN9004012M3003312<<<<<<<<<<<<<<00"

static EdApplication *app;

static GtkWindow *
main_window (void)
{
  GtkWidget *window = ed_test_main_window (app);

  ed_test_wait_until_mapped (window);
  return GTK_WINDOW (window);
}

/* Cases stored, open or closed. */
static gint64
count_cases (void)
{
  EdStore *store = ed_test_wait_for_store (app);
  g_autoptr(GError) error = NULL;

  ed_store_flush (store, &error);
  g_assert_no_error (error);
  return ed_test_count_cases (store, "1");
}

static EdWizard *
wizard_of (GtkWindow *window)
{
  GtkWidget *wizard = ed_window_get_wizard (ED_WINDOW (window));

  g_assert_true (ED_IS_WIZARD (wizard));
  return ED_WIZARD (wizard);
}

static gboolean
inside_type (GtkWidget *focus,
             gpointer   type)
{
  return gtk_widget_get_ancestor (focus, GPOINTER_TO_SIZE (type)) != NULL;
}

static gboolean
inside_field_row (GtkWidget *focus,
                  gpointer   name)
{
  GtkWidget *row = gtk_widget_get_ancestor (focus, ED_TYPE_FIELD_ROW);

  return row != NULL && g_strcmp0 (ed_field_row_get_name (ED_FIELD_ROW (row)), name) == 0;
}

static gboolean
is_actionable (GtkWidget *focus,
               gpointer   action)
{
  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_ACTIONABLE (w) &&
        g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)), action) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
is_toggle_labelled (GtkWidget *focus,
                    gpointer   label)
{
  return GTK_IS_TOGGLE_BUTTON (focus) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (focus)), label) == 0;
}

static gboolean
is_combo_row (GtkWidget *focus,
              gpointer   data)
{
  return ADW_IS_COMBO_ROW (focus);
}

static gboolean
is_expander (GtkWidget *focus,
             gpointer   data)
{
  return GTK_IS_EXPANDER (focus);
}

static gboolean
popover_shown (GtkWidget *combo)
{
  GtkWidget *popover = ed_test_find_widget (combo, GTK_TYPE_POPOVER, NULL);

  return popover != NULL && gtk_widget_get_mapped (popover);
}

static gboolean
is_required_item (GtkWidget *focus,
                  gpointer   data)
{
  return GTK_IS_LIST_BOX_ROW (focus) && g_object_get_data (G_OBJECT (focus), "check") != NULL &&
         g_strcmp0 (((const EdChecklistItem *)
                     g_object_get_data (g_object_get_data (G_OBJECT (focus), "check"),
                                        "item"))->id, data) == 0;
}

/* Types into the field @name of the current page, reached with Tab,
 * and leaves it with Tab. */
static void
fill_field (GtkWindow  *window,
            const char *name,
            const char *text)
{
  g_assert_true (ed_test_tab_to (window, inside_field_row, (gpointer) name, 120));
  ed_test_press_text (text);
  ed_test_press (GDK_KEY_Tab, 0);
}

/* After a page change the focus is on the new page's first control:
 * never on Back, where Enter would go back. */
static void
assert_focus_on_page (GtkWindow *window,
                      EdWizard  *wizard)
{
  GtkWidget *focus = ed_test_focus (window);

  g_assert_nonnull (focus);
  g_assert_false (is_actionable (focus, "wizard.previous"));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (ed_wizard_get_current_page (wizard)))
                 || is_actionable (focus, "wizard.next") || is_actionable (focus, "wizard.print"));
}

/* Tab goes round the window and never sticks: from the page's content
 * it reaches Back and Next, and comes back to the content. */
static void
assert_tab_goes_round (GtkWindow *window,
                       EdWizard  *wizard)
{
  GtkWidget *page = GTK_WIDGET (ed_wizard_get_current_page (wizard));
  GtkWidget *previous = NULL;
  gboolean next = FALSE, back = FALSE, sidebar = FALSE, again = FALSE;

  for (guint i = 0; i < 200 && !again; i++)
    {
      GtkWidget *focus;

      ed_test_press (GDK_KEY_Tab, 0);
      focus = ed_test_focus (window);
      g_assert_nonnull (focus);
      /* A Tab always moves the focus. */
      g_assert_true (focus != previous);
      previous = focus;

      next |= is_actionable (focus, "wizard.next") || is_actionable (focus, "wizard.print");
      back |= is_actionable (focus, "wizard.previous");
      sidebar |= gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX) != NULL &&
                 !gtk_widget_is_ancestor (focus, page);
      again = next && back && gtk_widget_is_ancestor (focus, page);
    }

  g_assert_true (next);
  g_assert_true (back);
  g_assert_true (sidebar);
  g_assert_true (again);
}

static void
alt_right (GtkWindow *window,
           EdWizard  *wizard)
{
  EdWizardPage *before = ed_wizard_get_current_page (wizard);

  ed_test_press (GDK_KEY_Right, GDK_ALT_MASK);
  ED_TEST_KEYBOARD_WAIT (ed_wizard_get_current_page (wizard) != before);
  assert_focus_on_page (window, wizard);
}

static gboolean
procedure_shown (GtkWindow *window)
{
  return ed_window_get_procedure_view (ED_WINDOW (window)) != NULL;
}

/* Two procedures read with the keyboard: no case stored. */
static void
browse (GtkWindow *window)
{
  ed_test_press (GDK_KEY_n, GDK_CONTROL_MASK);
  ed_test_press_text ("mysos");
  ed_test_press (GDK_KEY_Return, 0);
  ED_TEST_KEYBOARD_WAIT (procedure_shown (window));
  ed_test_screenshot (GTK_WIDGET (window), "keyboard-procedure");

  /* A second Enter, as an impatient hand gives, reads on: it starts nothing. */
  g_assert_true (gtk_widget_is_ancestor (ed_test_focus (window),
                                         ed_window_get_procedure_view (ED_WINDOW (window))));
  g_assert_false (GTK_IS_BUTTON (ed_test_focus (window)));
  g_assert_true (GTK_IS_LIST_BOX_ROW (ed_test_focus (window)));
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (ed_test_focus (window))), ==, 0);
  ed_test_press (GDK_KEY_Return, 0);
  g_assert_true (procedure_shown (window));
  g_assert_null (ed_window_get_wizard (ED_WINDOW (window)));
  ed_test_press (GDK_KEY_Left, GDK_ALT_MASK);
  ED_TEST_KEYBOARD_WAIT (!procedure_shown (window));

  /* Back in the search, which still has the focus. */
  ed_test_press (GDK_KEY_a, GDK_CONTROL_MASK);
  ed_test_press_text ("visa-free");
  ed_test_press (GDK_KEY_Return, 0);
  ED_TEST_KEYBOARD_WAIT (procedure_shown (window));
  ed_test_press (GDK_KEY_Escape, 0);
  ED_TEST_KEYBOARD_WAIT (!procedure_shown (window));

  g_assert_cmpint (count_cases (), ==, 0);
}

static void
test_keyboard_walk (void)
{
  GtkWindow *window = main_window ();
  EdWizard *wizard;
  EdWizardPage *page;
  EdTraveller *traveller;
  GtkWidget *combo;
  guint n_steps = 0;

  ed_test_wait_for_store (app);
  ed_test_keyboard_focus_window (window);
  browse (window);

  /* Start a case on the procedure found, with Ctrl+Enter. */
  ed_test_press (GDK_KEY_a, GDK_CONTROL_MASK);
  ed_test_press_text ("accommodation");
  ed_test_press (GDK_KEY_Return, 0);
  ED_TEST_KEYBOARD_WAIT (procedure_shown (window));
  ed_test_press (GDK_KEY_Return, GDK_CONTROL_MASK);
  ED_TEST_KEYBOARD_WAIT (ed_window_get_wizard (ED_WINDOW (window)) != NULL);
  wizard = wizard_of (window);
  ed_test_wait_until_mapped (GTK_WIDGET (wizard));
  g_assert_true (ED_IS_TRAVELLERS_PAGE (ed_wizard_get_current_page (wizard)));
  traveller = ed_case_get_traveller (ed_wizard_get_case (wizard), 0);

  /* The MRZ, typed as a scanner does, fills the passport. */
  g_assert_true (ed_test_tab_to (window, inside_type, GSIZE_TO_POINTER (ED_TYPE_MRZ_BOX), 60));
  ed_test_press_text (MRZ_LINE_1 "\n" MRZ_LINE_2);
  ED_TEST_KEYBOARD_WAIT (g_strcmp0 (ed_traveller_get (traveller, "surname"), "YAMADA") == 0);

  /* A date as staff write it, shown as stored once they leave it. */
  fill_field (window, "arrival_date", "2027/1/1");
  g_assert_cmpstr (ed_traveller_get (traveller, "arrival_date"), ==, "2027-01-01");
  fill_field (window, "arrival_time", "23:10");
  fill_field (window, "address_local", "1 Zhongshan East 1st Road, Shanghai");
  ED_TEST_KEYBOARD_WAIT (ed_wizard_page_get_complete (ed_wizard_get_current_page (wizard)));
  ed_test_screenshot (GTK_WIDGET (window), "keyboard-travellers");
  alt_right (window, wizard);

  /* The questions: No to the hotel, Shanghai for the city. */
  page = ed_wizard_get_current_page (wizard);
  g_assert_true (ED_IS_QUESTIONS_PAGE (page));
  g_assert_true (ed_test_tab_to (window, is_toggle_labelled,
                                 (gpointer) g_dpgettext2 (GETTEXT_PACKAGE, "answer", "No"), 20));
  ed_test_press (GDK_KEY_space, 0);
  g_assert_cmpstr (ed_traveller_get_answer (traveller, "stay-at-hotel"), ==, "no");
  g_assert_true (ed_test_tab_to (window, is_combo_row, NULL, 20));
  combo = ed_test_focus (window);
  ed_test_press (GDK_KEY_space, 0);
  ED_TEST_KEYBOARD_WAIT (popover_shown (combo));
  ed_test_press (GDK_KEY_Down, 0);
  ed_test_press (GDK_KEY_Return, 0);
  ED_TEST_KEYBOARD_WAIT (g_strcmp0 (ed_traveller_get_answer (traveller, "city"), "shanghai") == 0);
  g_assert_true (ed_wizard_page_get_complete (page));
  ed_test_screenshot (GTK_WIDGET (window), "keyboard-questions");
  alt_right (window, wizard);

  /* The first step holds Next until its required item is ticked. */
  page = ed_wizard_get_current_page (wizard);
  g_assert_cmpstr (ed_wizard_page_get_id (page), ==, "prepare-documents");
  ed_test_press (GDK_KEY_Right, GDK_ALT_MASK);
  g_assert_true (ed_wizard_get_current_page (wizard) == page);
  g_assert_true (ed_test_tab_to (window, is_required_item, "passport", 60));
  ed_test_press (GDK_KEY_space, 0);
  g_assert_true (ed_wizard_page_get_complete (page));
  /* Tab goes on through the list and out of it, to Details. */
  g_assert_true (ed_test_tab_to (window, is_expander, NULL, 20));
  assert_tab_goes_round (window, wizard);
  alt_right (window, wizard);

  /* The other steps that apply, and only those. */
  while (!ED_IS_SUMMARY_PAGE (ed_wizard_get_current_page (wizard)))
    {
      n_steps++;
      alt_right (window, wizard);
    }
  g_assert_cmpuint (n_steps, ==, 4);

  /* Alt+Left, then Enter on what has the focus, does not go back
   * twice: the focus is on the page, not on Back. */
  ed_test_press (GDK_KEY_Left, GDK_ALT_MASK);
  assert_focus_on_page (window, wizard);
  alt_right (window, wizard);

  /* The review ends with Print in Next's place. */
  ed_test_screenshot (GTK_WIDGET (window), "keyboard-review");
  g_assert_true (ed_test_tab_to (window, is_actionable, "wizard.print", 200));
  ed_test_press (GDK_KEY_Return, 0);
  ED_TEST_KEYBOARD_WAIT (ed_test_find_toplevel (ED_TYPE_SHEET_DIALOG) != NULL);
  ed_test_wait_until_mapped (GTK_WIDGET (ed_test_find_toplevel (ED_TYPE_SHEET_DIALOG)));
  ed_test_screenshot (GTK_WIDGET (ed_test_find_toplevel (ED_TYPE_SHEET_DIALOG)), "keyboard-sheet");
  ed_test_press (GDK_KEY_Escape, 0);
  ED_TEST_KEYBOARD_WAIT (ed_test_find_toplevel (ED_TYPE_SHEET_DIALOG) == NULL);

  g_assert_cmpint (count_cases (), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *home = NULL;
  int status;

  /* Before anything asks GLib for the user's folders (it keeps the
   * first answer): this test's cases are its own, from none. */
  home = ed_test_isolate ();
  ed_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Pages change at once: the test reads the focus right after a key. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = ed_test_start_app ();

  g_test_add_func ("/keyboard/walk", test_keyboard_walk);

  status = g_test_run ();

  ed_test_stop_app (app);
  ed_test_rm_rf (home);
  return status;
}
