/* test-case-progress.c — one progress unit: the case list and the wizard
 *
 * A cn-accommodation-registration case (eleven steps) of a traveller not
 * at a hotel, in Shanghai: five steps apply, and the case is at the
 * second, "register". Its row in the case list and the wizard's bar say
 * the same, "Step 2 of 5", and both follow the wizard's pages and the
 * answers; a closed case is done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ed-case-page.h"
#include "ed-core.h"
#include "ed-test-cases.h"
#include "ed-test-gui.h"
#include "ed-test-store.h"
#include "ed-test-util.h"
#include "ed-window.h"
#include "ed-wizard.h"

static EdApplication *app;
static char *tmp;

static EdStore *
store (void)
{
  return ed_test_wait_for_store (app);
}

static EdCaseListView *
view (void)
{
  return ed_test_case_list_view (app);
}

static char *
step_of (guint step,
         guint n_steps)
{
  return g_strdup_printf (_("Step %u of %u"), step, n_steps);
}

/* Waits until the row of @kase, once its changes are saved, says
 * @progress. */
static void
assert_row (EdCase     *kase,
            const char *progress)
{
  EdCaseRow *row;

  ed_test_wait_saved (store ());
  ED_TEST_WAIT_FOR ((row = ed_test_find_case_row (view (), ed_case_get_reference (kase)))
                    != NULL);
  ed_test_wait_for_label (GTK_WIDGET (row), progress);
}

/* What the store keeps for the list, while the wizard hides it. */
static void
assert_stored (EdCase *kase,
               guint   step,
               guint   n_steps)
{
  g_autoptr(EdCaseInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  EdCaseProgress progress;

  ed_test_wait_saved (store ());
  info = ed_store_find_case (store (), ed_case_get_reference (kase), &error);
  g_assert_no_error (error);
  g_assert_true (ed_case_info_get_progress (info, &progress));
  g_assert_cmpuint (progress.step, ==, step);
  g_assert_cmpuint (progress.n_steps, ==, n_steps);
}

static void
test_case_progress_same_as_wizard (void)
{
  EdWindow *window = ED_WINDOW (ed_test_main_window (app));
  g_autoptr(EdCase) kase = NULL;
  g_autoptr(EdTraveller) traveller = NULL;
  g_autofree char *two_of_five = step_of (2, 5);
  g_autofree char *one_of_five = step_of (1, 5);
  g_autofree char *one_of_four = step_of (1, 4);
  g_autofree char *four_steps = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u step",
                                                              "%u steps", 4), 4);
  g_autofree char *four_of_four = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u step",
                                                                "%u of %u steps", 4), 4, 4);
  g_autofree char *described = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *bar;
  GtkWidget *wizard;
  GtkWidget *page;
  GtkWidget *toggle;

  traveller = ed_test_traveller ("LI", "NA", "李娜", NULL, "312345670");
  ed_traveller_set_answer (traveller, "stay-at-hotel", "no");
  ed_traveller_set_answer (traveller, "city", "shanghai");
  kase = ed_case_new ("cn-accommodation-registration", 1);
  ed_case_add_traveller (kase, traveller);
  ed_case_set_current_step (kase, "register");
  g_assert_true (ed_store_add_case (store (), kase, &error));
  g_assert_no_error (error);

  /* In the list: the steps that apply, not the eleven of the procedure;
   * a screen reader hears what is counted. */
  ed_test_wait_for_rows (view (), 1);
  assert_row (kase, two_of_five);
  bar = ed_test_find_widget (GTK_WIDGET (ed_test_find_case_row (view (),
                                                                ed_case_get_reference (kase))),
                             GTK_TYPE_LEVEL_BAR, NULL);
  g_assert_nonnull (bar);
  described = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "At step %u of the %u step that applies",
                                            "At step %u of the %u steps that apply", 5),
                               2, 5);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       described);
  g_assert_cmpfloat_with_epsilon (gtk_level_bar_get_value (GTK_LEVEL_BAR (bar)) /
                                  gtk_level_bar_get_max_value (GTK_LEVEL_BAR (bar)),
                                  2.0 / 5, 1e-9);
  ed_test_screenshot (GTK_WIDGET (window), "cases-progress");

  /* The wizard, opened on the case, says the same. */
  ed_window_show_case (window, kase);
  page = ed_window_get_case_page (window);
  g_assert_nonnull (page);
  ed_test_wait_until_mapped (page);
  g_assert_true (gtk_widget_activate_action (page, "case.open-procedure", "s",
                                             "cn-accommodation-registration"));
  ED_TEST_WAIT_FOR ((wizard = ed_window_get_wizard (window)) != NULL);
  ed_test_wait_until_mapped (wizard);
  g_assert_cmpstr (ed_wizard_page_get_id (ed_wizard_get_current_page (ED_WIZARD (wizard))), ==,
                   "register");
  ed_test_wait_for_label (wizard, two_of_five);
  /* Its bar as full as the row's. */
  g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (
                                    GTK_PROGRESS_BAR (ed_test_find_widget (wizard,
                                                                           GTK_TYPE_PROGRESS_BAR,
                                                                           NULL))),
                                  2.0 / 5, 1e-9);
  ed_test_wait_for_paint (wizard);
  ed_test_screenshot (wizard, "wizard-progress");

  /* Back a page: the wizard and what the list will show follow. */
  g_assert_true (ed_wizard_previous (ED_WIZARD (wizard)));
  ed_test_wait_for_label (wizard, one_of_five);
  assert_stored (kase, 1, 5);

  /* Another city: Shanghai's step leaves the flow, and both count four. */
  ed_traveller_set_answer (ed_case_get_traveller (kase, 0), "city", "other");
  ed_test_wait_for_label (wizard, one_of_four);
  assert_stored (kase, 1, 4);

  g_assert_true (gtk_widget_activate_action (wizard, "wizard.close", NULL));
  ED_TEST_WAIT_FOR (ed_window_get_wizard (window) == NULL);
  g_assert_true (gtk_widget_activate_action (page, "case.close", NULL));
  ED_TEST_WAIT_FOR (ed_window_get_case_page (window) == NULL);
  assert_row (kase, one_of_four);

  /* Before the steps, how many apply; past them, the review, as the
   * wizard's bar names that page. */
  ed_case_set_current_step (kase, "travellers");
  assert_row (kase, four_steps);
  ed_case_set_current_step (kase, ED_CASE_REVIEW_STEP);
  assert_row (kase, _("Review"));

  /* Closed, and shown with the closed cases: done. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view ()), "cases.close", "x",
                                             ed_case_get_id (kase)));
  ED_TEST_WAIT_FOR (ed_case_get_status (kase) == ED_CASE_CLOSED);
  toggle = ed_test_find_widget (GTK_WIDGET (view ()), GTK_TYPE_TOGGLE_BUTTON, NULL);
  g_assert_nonnull (toggle);
  ed_test_click (toggle);
  ed_test_wait_for_rows (view (), 1);
  assert_row (kase, four_of_four);
  /* "Done" at most once in the row: the badge says it with the day
   * (完了 in Japanese), the progress not again. */
  g_assert_cmpuint (ed_test_count_labels (GTK_WIDGET (ed_test_find_case_row (view (),
                                                                    ed_case_get_reference (kase))),
                                          _("Done")), <=, 1);
  ed_test_click (toggle);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GSettings) settings = NULL;
  int status;

  tmp = ed_test_isolate ();

  ed_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* Reminders have a test of their own, with a notification server. */
  settings = g_settings_new (APP_ID);
  g_settings_set_boolean (settings, "reminders", FALSE);

  app = ed_test_start_app ();
  ed_test_wait_for_store (app);

  g_test_add_func ("/case-progress/same-as-wizard", test_case_progress_same_as_wizard);

  status = g_test_run ();

  ed_test_stop_app (app);
  ed_test_rm_rf (tmp);
  g_free (tmp);
  return status;
}
