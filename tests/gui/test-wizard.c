/* test-wizard.c — procedures walked through in a real window
 *
 * Staff read a procedure without creating a case, start one, fill the
 * traveller from a passport's MRZ, answer the questions and go through
 * the steps that apply to the review; Next waits only for what is
 * required.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <unistd.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "ed-application.h"
#include "ed-case-page.h"
#include "ed-core.h"
#include "ed-family-list.h"
#include "ed-mrz-box.h"
#include "ed-procedure-browser.h"
#include "ed-procedure-view.h"
#include "ed-questions-page.h"
#include "ed-step-page.h"
#include "ed-summary-page.h"
#include "ed-test-cases.h"
#include "ed-test-gui.h"
#include "ed-test-util.h"
#include "ed-traveller-editor.h"
#include "ed-travellers-page.h"
#include "ed-window.h"
#include "ed-wizard.h"

/* A valid TD3 passport MRZ (check digits computed by hand). */
#define MRZ_LINE_1 "P<JPNYAMADA<<TARO<<<<<<<<<<<<<<<<<<<<<<<<<<<"
#define MRZ_LINE_2 "TR12345672JPN9004012M3003312<<<<<<<<<<<<<<00"

static EdApplication *app;

static GtkWindow *
main_window (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (ED_IS_WINDOW (window));
  ed_test_wait_until_mapped (GTK_WIDGET (window));
  return window;
}

/* How many cases the store holds, open or closed. */
static guint
count_cases (void)
{
  EdStore *store = ed_test_wait_for_store (app);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;

  ed_store_flush (store, &error);
  g_assert_no_error (error);
  cases = ed_store_search (store, "", ED_CASE_QUERY_INCLUDE_CLOSED, 0, NULL, &error);
  g_assert_no_error (error);
  return cases->len;
}

/* Like a person: pick the procedure in the browser; it opens to be read. */
static EdProcedureView *
browse_procedure (const char *id)
{
  GtkWindow *window = main_window ();
  GtkWidget *browser;
  EdProcedure *procedure;
  GtkWidget *view;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-case", NULL));
  browser = ed_test_find_widget (GTK_WIDGET (window), ED_TYPE_PROCEDURE_BROWSER, NULL);
  procedure = ed_catalog_lookup (ed_application_get_catalog (app), id);
  g_assert_nonnull (procedure);
  g_signal_emit_by_name (browser, "procedure-activated", procedure);

  view = ed_window_get_procedure_view (ED_WINDOW (window));
  g_assert_true (ED_IS_PROCEDURE_VIEW (view));
  g_assert_true (ed_procedure_view_get_procedure (ED_PROCEDURE_VIEW (view)) == procedure);
  ed_test_wait_until_mapped (view);
  g_assert_null (ed_window_get_wizard (ED_WINDOW (window)));

  return ED_PROCEDURE_VIEW (view);
}

/* …and presses Start a Case. */
static EdWizard *
start_procedure (const char *id)
{
  GtkWindow *window = main_window ();
  EdProcedureView *view = browse_procedure (id);
  GtkWidget *wizard;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "procedure.start-case", NULL));
  g_assert_null (ed_window_get_procedure_view (ED_WINDOW (window)));
  wizard = ed_window_get_wizard (ED_WINDOW (window));
  g_assert_true (ED_IS_WIZARD (wizard));
  ed_test_wait_until_mapped (wizard);
  ed_test_wait_until_mapped (GTK_WIDGET (ed_wizard_get_current_page (ED_WIZARD (wizard))));
  /* The case's page slid in first, the wizard over it: done sliding. */
  ED_TEST_WAIT_FOR (!gtk_stack_get_transition_running (GTK_STACK (gtk_widget_get_parent (
                                                                     wizard))));

  return ED_WIZARD (wizard);
}

static gboolean
next_is_sensitive (EdWizard *wizard)
{
  GtkWidget *next = ed_test_find_actionable (GTK_WIDGET (wizard), "wizard.next");

  g_assert_nonnull (next);
  return gtk_widget_get_sensitive (next);
}

static void
click_next (EdWizard *wizard)
{
  GtkWidget *next = ed_test_find_actionable (GTK_WIDGET (wizard), "wizard.next");
  EdWizardPage *before = ed_wizard_get_current_page (wizard);

  g_assert_true (gtk_widget_get_sensitive (next));
  g_signal_emit_by_name (next, "clicked");
  ED_TEST_WAIT_FOR (ed_wizard_get_current_page (wizard) != before);
  ed_test_wait_until_mapped (GTK_WIDGET (ed_wizard_get_current_page (wizard)));
}

/* Waits until what was filled in or ticked makes the page complete. */
static void
wait_complete (EdWizard *wizard)
{
  ED_TEST_WAIT_FOR (ed_wizard_page_get_complete (ed_wizard_get_current_page (wizard)));
}

static EdTraveller *
first_traveller (EdWizard *wizard)
{
  return ed_case_get_traveller (ed_wizard_get_case (wizard), 0);
}

/* Ticks every box of the page, as staff do once each item is done. */
static void
tick_all (GtkWidget *root)
{
  if (GTK_IS_CHECK_BUTTON (root) && gtk_widget_is_visible (root))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (root), TRUE);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    tick_all (child);
}

/* An answer of the right kind for a procedure's own field. */
static const char *
answer_for (const EdField *field)
{
  switch (field->kind)
    {
    case ED_FIELD_YES_NO:
      return "no";
    case ED_FIELD_CHOICE:
      return ((const EdChoice *) g_ptr_array_index (field->choices, 0))->value;
    case ED_FIELD_DATE:
      return "2022-01-01";
    case ED_FIELD_PHONE:
      return "13800138000";
    case ED_FIELD_EMAIL:
      return "taro@example.com";
    case ED_FIELD_COUNTRY:
      return "JPN";
    case ED_FIELD_DIGITS:
      return "1234567";
    case ED_FIELD_PASSPORT_NUMBER:
      return "TR1234567";
    case ED_FIELD_NAME_LATIN:
      return "YAMADA TARO";
    case ED_FIELD_TIME:
      return "09:30";
    case ED_FIELD_NUMBER:
      return "2";
    case ED_FIELD_PASSWORD:
    case ED_FIELD_TEXT:
    case ED_FIELD_ADDRESS:
    default:
      return "上海市";
    }
}

static void
fill_answers (EdWizard     *wizard,
              const EdStep *step)
{
  EdProcedure *procedure = ed_wizard_get_procedure (wizard);
  EdTraveller *traveller = first_traveller (wizard);

  for (guint i = 0; i < step->field_ids->len; i++)
    {
      const EdField *field = ed_procedure_find_field (procedure,
                                                      g_ptr_array_index (step->field_ids, i));

      if (field->traveller_key == NULL && ed_traveller_get_answer (traveller, field->id) == NULL)
        ed_traveller_set_answer (traveller, field->id, answer_for (field));
    }
}

static void
paste_mrz (EdWizard *wizard)
{
  EdWizardPage *page = ed_wizard_get_current_page (wizard);
  GtkWidget *family = ed_travellers_page_get_family (ED_TRAVELLERS_PAGE (page));
  EdTravellerEditor *editor = ed_family_list_get_editor (ED_FAMILY_LIST (family));
  EdMrzBox *box = ed_traveller_editor_get_mrz_box (editor);

  ed_mrz_box_set_text (box, MRZ_LINE_1 "\n" MRZ_LINE_2);
  ed_mrz_box_read_now (box);
  ED_TEST_WAIT_FOR (g_strcmp0 (ed_traveller_get (first_traveller (wizard), "passport_number"),
                                 "TR1234567") == 0);
}

static gboolean
has_required_items (const EdStep *step)
{
  for (guint i = 0; i < step->checklist->len; i++)
    if (((const EdChecklistItem *) g_ptr_array_index (step->checklist, i))->required)
      return TRUE;

  return FALSE;
}

/* Walks from the first step to the review, page by page, checking that
 * Next waits for every step with required items left, and only those. */
static void
walk_to_summary (EdWizard   *wizard,
                 const char *screenshot_step)
{
  EdProcedure *procedure = ed_wizard_get_procedure (wizard);
  guint n_pages = ed_wizard_get_n_pages (wizard);
  EdSummaryPage *summary;

  for (guint index = 1; index + 1 < n_pages; index++)
    {
      EdWizardPage *page = ed_wizard_get_current_page (wizard);
      const EdStep *step;

      if (ED_IS_SUMMARY_PAGE (page))
        break;
      g_assert_true (ED_IS_STEP_PAGE (page));
      step = ed_step_page_get_step (ED_STEP_PAGE (page));

      /* Only required items hold a step up. */
      if (!has_required_items (step) && step->field_ids->len == 0)
        g_assert_true (ed_wizard_page_get_complete (page));
      if (!step->optional && has_required_items (step) && !ed_wizard_page_get_complete (page))
        {
          /* Gated: nothing happens on Next. */
          g_assert_false (next_is_sensitive (wizard));
          g_assert_false (ed_wizard_next (wizard));
          g_assert_true (ed_wizard_get_current_page (wizard) == page);
        }

      if (g_strcmp0 (step->id, screenshot_step) == 0)
        {
          g_autofree char *name = g_strdup_printf ("wizard-step-%s", step->id);

          g_autofree char *full = g_strdup_printf ("wizard-step-%s-whole", step->id);

          ed_test_screenshot (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (wizard))), name);
          /* The whole page, what is scrolled out of sight too. */
          ed_test_screenshot (ed_test_find_widget (GTK_WIDGET (page), ADW_TYPE_CLAMP, NULL), full);
        }

      fill_answers (wizard, step);
      tick_all (GTK_WIDGET (page));
      wait_complete (wizard);
      click_next (wizard);
    }

  g_assert_true (ED_IS_SUMMARY_PAGE (ed_wizard_get_current_page (wizard)));
  summary = ED_SUMMARY_PAGE (ed_wizard_get_current_page (wizard));
  g_assert_cmpuint (ed_summary_page_get_n_missing (summary), ==, 0);
  (void) procedure;
}

static void
test_wizard_mysos (void)
{
  EdWizard *wizard = start_procedure ("jp-entry-waiting-mysos");
  EdTraveller *traveller;
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (wizard)));

  /* The travellers page first; nothing entered, nothing to go on with. */
  g_assert_true (ED_IS_TRAVELLERS_PAGE (ed_wizard_get_current_page (wizard)));
  g_assert_false (next_is_sensitive (wizard));
  ed_test_screenshot (root, "wizard-travellers-empty");

  /* The passport's MRZ fills the passport; the waiting place, arrival
   * and e-mail MySOS asks for are typed. */
  paste_mrz (wizard);
  traveller = first_traveller (wizard);
  g_assert_cmpstr (ed_traveller_get (traveller, "surname"), ==, "YAMADA");
  g_assert_cmpstr (ed_traveller_get (traveller, "passport_number"), ==, "TR1234567");
  g_assert_false (next_is_sensitive (wizard));
  ed_traveller_set (traveller, "address_local", "東京都千代田区丸の内1-1-1 ホテル東京");
  ed_traveller_set (traveller, "arrival_date", "2022-01-01");
  ed_traveller_set (traveller, "email", "taro@example.com");
  wait_complete (wizard);
  ed_test_screenshot (root, "wizard-travellers-filled");
  click_next (wizard);

  walk_to_summary (wizard, "install-mysos");
  ed_test_screenshot (root, "wizard-summary");

  /* Back never loses anything. */
  g_assert_true (ed_wizard_previous (wizard));
  g_assert_true (ed_wizard_page_get_complete (ed_wizard_get_current_page (wizard)));
  g_assert_true (ed_wizard_go_to (wizard, "travellers"));
  g_assert_cmpstr (ed_traveller_get (traveller, "surname"), ==, "YAMADA");
  g_assert_cmpstr (ed_case_get_current_step (ed_wizard_get_case (wizard)), ==, "travellers");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.close", NULL));
}

static void
test_wizard_jiangsu (void)
{
  EdWizard *wizard = start_procedure ("cn-jiangsu-health-code");
  g_autofree char *heading = NULL;
  EdTraveller *traveller;
  GtkWidget *summary;
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (wizard)));

  paste_mrz (wizard);
  traveller = first_traveller (wizard);
  ed_traveller_set (traveller, "phone", "13800138000");
  ed_traveller_set (traveller, "address_local", "江苏省南京市玄武区中山路1号");
  wait_complete (wizard);
  click_next (wizard);

  /* The traveller's language beside the staff's. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.second-language", "s",
                                             "zh_CN"));
  walk_to_summary (wizard, "fill-in-declare");

  /* The travellers page too: headings and labels also in English. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.second-language", "s",
                                             "en"));
  summary = GTK_WIDGET (ed_wizard_get_current_page (wizard));
  g_assert_true (ed_wizard_go_to (wizard, "travellers"));
  ed_test_wait_until_mapped (GTK_WIDGET (ed_wizard_get_current_page (wizard)));
  ED_TEST_WAIT_FOR (!gtk_widget_get_mapped (summary));
  heading = g_strdup_printf (C_("side by side", "%s · %s"), _("Passport"), "Passport");
  g_assert_nonnull (ed_test_find_label (root, heading));
  g_assert_nonnull (ed_test_find_label (root, "Surname"));
  ed_test_screenshot (root, "wizard-travellers-side-by-side");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.second-language",
                                             "s", ""));
  g_assert_null (ed_test_find_label (root, heading));
  g_assert_null (ed_test_find_label (root, "Surname"));
  g_assert_true (ed_wizard_go_to (wizard, "fill-in-declare"));

  /* Computed dates of the ended procedure are not there; the banner is. */
  g_assert_nonnull (ed_test_find_label (root, "2023-01-07"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.close", NULL));
}

/* Browsing is not creating: two procedures read, no case stored; Back
 * returns to the list of procedures. */
static void
test_wizard_browse (void)
{
  GtkWindow *window = main_window ();
  guint before = count_cases ();
  EdProcedureView *view;
  GtkWidget *stack;

  view = browse_procedure ("cn-accommodation-registration");
  g_assert_nonnull (ed_test_find_label (GTK_WIDGET (view), "stay-at-hotel") == NULL
                    ? GTK_WIDGET (view) : NULL);
  ed_test_wait_for_paint (GTK_WIDGET (view));
  ed_test_screenshot (GTK_WIDGET (window), "procedure-view");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "procedure.close", NULL));
  g_assert_null (ed_window_get_procedure_view (ED_WINDOW (window)));
  stack = ed_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, NULL);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==,
                   "procedures");

  view = browse_procedure ("jp-entry-waiting-mysos");
  ed_test_wait_for_paint (GTK_WIDGET (view));
  ed_test_screenshot (GTK_WIDGET (window), "procedure-view-ended");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "procedure.close", NULL));

  g_assert_cmpuint (count_cases (), ==, before);
}

/* The questions first; then only the steps that apply, numbered among
 * themselves; the review lists the others with the reason. */
static void
test_wizard_questions (void)
{
  EdWizard *wizard = start_procedure ("cn-accommodation-registration");
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (wizard)));
  EdTraveller *traveller;
  EdWizardPage *page;
  GtkWidget *progress;
  guint n_steps = 0;

  paste_mrz (wizard);
  traveller = first_traveller (wizard);
  ed_traveller_set (traveller, "arrival_date", "2027-01-01");
  ed_traveller_set (traveller, "arrival_time", "23:10");
  ed_traveller_set (traveller, "address_local", "上海市黄浦区中山东一路1号");
  ed_test_drain ();
  ED_TEST_WAIT_FOR (next_is_sensitive (wizard));
  ed_test_screenshot (root, "wizard-travellers");
  click_next (wizard);

  page = ed_wizard_get_current_page (wizard);
  g_assert_true (ED_IS_QUESTIONS_PAGE (page));
  /* Unanswered: it can be skipped, and Next says so. */
  g_assert_false (ed_wizard_page_get_complete (page));
  g_assert_true (next_is_sensitive (wizard));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (ed_test_find_actionable (GTK_WIDGET (wizard),
                                                                               "wizard.next"))),
                   ==, g_dgettext (GETTEXT_PACKAGE, "_Skip"));
  ed_test_screenshot (root, "wizard-questions");

  ed_traveller_set_answer (traveller, "stay-at-hotel", "no");
  ed_traveller_set_answer (traveller, "city", "shanghai");
  /* The steps that apply follow the answers at the next idle. */
  ed_test_drain ();
  ED_TEST_WAIT_FOR (ed_wizard_page_get_complete (page));
  click_next (wizard);

  /* Five steps apply: "Step 1 of 5". */
  progress = GTK_WIDGET (ed_test_find_label (GTK_WIDGET (wizard), "1"));
  g_assert_nonnull (progress);
  page = ed_wizard_get_current_page (wizard);
  g_assert_cmpstr (ed_wizard_page_get_id (page), ==, "prepare-documents");
  g_assert_false (ed_wizard_page_get_complete (page));
  g_assert_false (next_is_sensitive (wizard));
  ed_test_screenshot (root, "wizard-step-required");
  tick_all (GTK_WIDGET (page));
  ED_TEST_WAIT_FOR (next_is_sensitive (wizard));
  click_next (wizard);

  while (!ED_IS_SUMMARY_PAGE (ed_wizard_get_current_page (wizard)))
    {
      page = ed_wizard_get_current_page (wizard);
      g_assert_true (ED_IS_STEP_PAGE (page));
      n_steps++;
      if (g_strcmp0 (ed_wizard_page_get_id (page), "register") == 0)
        ed_test_screenshot (root, "wizard-step-register");
      fill_answers (wizard, ed_step_page_get_step (ED_STEP_PAGE (page)));
      ed_test_drain ();
      ED_TEST_WAIT_FOR (next_is_sensitive (wizard));
      click_next (wizard);
    }
  g_assert_cmpuint (n_steps, ==, 4);

  ed_test_wait_for_paint (root);
  ed_test_screenshot (root, "wizard-review");
  /* The final action is in Next's place. */
  g_assert_true (gtk_widget_get_mapped (ed_test_find_actionable (GTK_WIDGET (wizard),
                                                                 "wizard.print")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.mark-done", NULL));
  g_assert_cmpint (ed_case_get_status (ed_wizard_get_case (wizard)), ==, ED_CASE_CLOSED);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.close", NULL));
}

/* Shows @window @width pixels wide, once the display has answered. */
static void
resize (GtkWindow *window,
        int        width)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  /* The window's frame takes a few of the pixels. */
  gtk_window_set_default_size (window, width, 720);
  while (ABS (gtk_widget_get_width (GTK_WIDGET (window)) - width) > 12 &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, width);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >=, width - 12);
}

/* Pictures of @name, 1280 and 360 pixels wide, light and dark. */
static void
shoot_sizes (GtkWindow  *window,
             const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  const int widths[] = { 1280, 360 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (guint dark = 0; dark < 2; dark++)
      {
        g_autofree char *file = g_strdup_printf ("%s-%d-%s", name, widths[w],
                                                 dark ? "dark" : "light");

        adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                        : ADW_COLOR_SCHEME_FORCE_LIGHT);
        resize (window, widths[w]);
        ed_test_screenshot (GTK_WIDGET (window), file);
      }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* GNOME Circle's bar: every page of a case works 360 pixels wide, the
 * steps folded away. */
static void
test_wizard_narrow (void)
{
  EdWizard *wizard = start_procedure ("cn-accommodation-registration");
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (wizard)));
  EdTraveller *traveller;
  int width, height;
  guint n_pages = 0;

  gtk_window_get_default_size (window, &width, &height);

  /* GNOME's title bar: a close button only. Pages change at once, so
   * that each picture shows its page, not the fade from the last one. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close",
                "gtk-enable-animations", FALSE, NULL);

  paste_mrz (wizard);
  traveller = first_traveller (wizard);
  ed_traveller_set (traveller, "arrival_date", "2027-01-01");
  ed_traveller_set (traveller, "arrival_time", "23:10");
  ed_traveller_set (traveller, "address_local", "上海市黄浦区中山东一路1号");
  ed_traveller_set_answer (traveller, "stay-at-hotel", "no");
  ed_traveller_set_answer (traveller, "city", "shanghai");

  for (;;)
    {
      EdWizardPage *page = ed_wizard_get_current_page (wizard);
      g_autofree char *name = g_strdup_printf ("narrow-%02u-%s", n_pages++,
                                               ed_wizard_page_get_id (page));
      int minimum;

      /* What the window holds; its shadow is outside. */
      gtk_widget_measure (gtk_widget_get_first_child (GTK_WIDGET (window)),
                          GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_assert_cmpint (minimum, <=, 360);
      resize (window, 360);
      g_assert_true (ed_wizard_get_current_page (wizard) == page);
      shoot_sizes (window, name);

      if (ED_IS_SUMMARY_PAGE (page))
        break;
      if (ED_IS_STEP_PAGE (page))
        {
          fill_answers (wizard, ed_step_page_get_step (ED_STEP_PAGE (page)));
          tick_all (GTK_WIDGET (page));
        }
      g_assert_true (ed_wizard_next (wizard));
    }
  g_assert_cmpuint (n_pages, ==, 8);

  gtk_window_set_default_size (window, width, height);
  gtk_settings_reset_property (gtk_settings_get_default (), "gtk-decoration-layout");
  gtk_settings_reset_property (gtk_settings_get_default (), "gtk-enable-animations");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.close", NULL));
}

/* First run: a case started, the traveller filled, three steps done;
 * then the process ends without quitting, as if it were killed. */
static void
resume_first_run (void)
{
  EdWizard *wizard = start_procedure ("jp-entry-waiting-mysos");
  EdStore *store = ed_test_wait_for_store (app);
  EdTraveller *traveller;

  /* The window gives the wizard the store once it is open: each sheet
   * printed is logged there. */
  g_assert_true (ed_wizard_get_store (wizard) == store);
  paste_mrz (wizard);
  traveller = first_traveller (wizard);
  ed_traveller_set (traveller, "address_local", "東京都千代田区丸の内1-1-1");
  ed_traveller_set (traveller, "arrival_date", "2022-01-01");
  ed_traveller_set (traveller, "email", "taro@example.com");
  wait_complete (wizard);
  click_next (wizard);

  for (guint i = 0; i < 3; i++)
    {
      tick_all (GTK_WIDGET (ed_wizard_get_current_page (wizard)));
      wait_complete (wizard);
      click_next (wizard);
    }
  g_assert_cmpstr (ed_case_get_current_step (ed_wizard_get_case (wizard)), ==,
                   ed_wizard_page_get_id (ed_wizard_get_page (wizard, 4)));

  /* The case saves itself within a second; no quit, no flush. */
  ed_test_drain ();
  ED_TEST_WAIT_FOR (!ed_store_has_unsaved_changes (store));
  _exit (0);
}

/* Second run: the case is in the list; opened, it is on the same page
 * with everything in place. */
static void
resume_second_run (void)
{
  EdCaseListView *view;
  GtkWidget *list_view;
  GtkWidget *page = NULL;
  GtkWidget *wizard = NULL;
  EdTraveller *traveller;
  g_autoptr(GPtrArray) missing = NULL;

  ed_test_wait_for_store (app);
  view = ed_test_case_list_view (app);
  ed_test_wait_for_rows (view, 1);
  list_view = ed_test_find_widget (GTK_WIDGET (view), GTK_TYPE_LIST_VIEW, NULL);
  g_signal_emit_by_name (list_view, "activate", 0);

  /* The case opens on its page; its procedure, in the wizard. */
  ED_TEST_WAIT_FOR ((page = ed_window_get_case_page (ED_WINDOW (ed_test_main_window (app))))
                      != NULL);
  ed_test_wait_until_mapped (page);
  g_assert_true (gtk_widget_activate_action (page, "case.open-procedure", "s",
                                             ed_case_get_procedure_id (ed_case_page_get_case (
                                               ED_CASE_PAGE (page)))));
  ED_TEST_WAIT_FOR ((wizard = ed_window_get_wizard (ED_WINDOW (ed_test_main_window (app))))
                      != NULL);
  ed_test_wait_until_mapped (wizard);

  g_assert_true (ed_wizard_get_current_page (ED_WIZARD (wizard)) ==
                 ed_wizard_get_page (ED_WIZARD (wizard), 4));
  traveller = first_traveller (ED_WIZARD (wizard));
  g_assert_cmpstr (ed_traveller_get (traveller, "surname"), ==, "YAMADA");
  g_assert_cmpstr (ed_traveller_get (traveller, "passport_number"), ==, "TR1234567");
  g_assert_cmpstr (ed_traveller_get (traveller, "arrival_date"), ==, "2022-01-01");

  /* The steps ticked before are still done. */
  for (guint i = 1; i <= 3; i++)
    g_assert_true (ed_wizard_page_get_complete (ed_wizard_get_page (ED_WIZARD (wizard), i)));
  missing = ed_step_page_dup_missing (ED_STEP_PAGE (ed_wizard_get_page (ED_WIZARD (wizard), 4)));
  g_assert_cmpuint (missing->len, >, 0);
  ed_test_screenshot (GTK_WIDGET (gtk_widget_get_root (wizard)), "wizard-resumed");
}

/* Two processes, one after the other, on the same folder: the app is
 * started again as a user would. */
static void
test_wizard_resume (void)
{
  g_autofree char *home = NULL;

  if (g_test_subprocess ())
    {
      if (g_strcmp0 (g_getenv ("ED_TEST_RESUME_RUN"), "first") == 0)
        resume_first_run ();
      else
        resume_second_run ();
      return;
    }

  home = ed_test_make_tmpdir ();
  g_setenv ("ED_TEST_RESUME_HOME", home, TRUE);
  g_setenv ("ED_TEST_RESUME_RUN", "first", TRUE);
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_setenv ("ED_TEST_RESUME_RUN", "second", TRUE);
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_unsetenv ("ED_TEST_RESUME_HOME");
  g_unsetenv ("ED_TEST_RESUME_RUN");
  ed_test_rm_rf (home);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *home = NULL;
  int status;

  ed_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* The two runs of the resume test share their folder. */
  if (g_getenv ("ED_TEST_RESUME_HOME") != NULL)
    g_setenv ("XDG_DATA_HOME", g_getenv ("ED_TEST_RESUME_HOME"), TRUE);
  else
    {
      home = ed_test_isolate ();
    }

  /* No notification server on this test's bus: the cases it leaves
   * have deadlines, and the reminders of them would fail to be sent. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_boolean (settings, "reminders", FALSE);
  }

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;

      /* The parent process holds the application's bus name. */
      app = ed_application_new ();
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
      g_application_activate (G_APPLICATION (app));
    }
  else
    app = ed_test_start_app ();

  g_test_add_func ("/wizard/browse", test_wizard_browse);
  g_test_add_func ("/wizard/questions", test_wizard_questions);
  g_test_add_func ("/wizard/mysos", test_wizard_mysos);
  g_test_add_func ("/wizard/narrow", test_wizard_narrow);
  g_test_add_func ("/wizard/jiangsu", test_wizard_jiangsu);
  g_test_add_func ("/wizard/resume", test_wizard_resume);

  status = g_test_run ();

  /* Quit, but the application is not finalized: registered without
   * g_application_run(), it would warn that it never unregistered. */
  ed_test_stop_app (app);
  if (home != NULL)
    ed_test_rm_rf (home);
  return status;
}
