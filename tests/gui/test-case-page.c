/* test-case-page.c — a case's page: its timeline first, its procedures
 * (added, removed, reordered, the ended ones marked), its deadlines as a
 * calendar file; at a fixed "now"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "ed-application.h"
#include "ed-case-list-view.h"
#include "ed-case-page.h"
#include "ed-case-row.h"
#include "ed-core.h"
#include "ed-test-cases.h"
#include "ed-test-gui.h"
#include "ed-test-procedure.h"
#include "ed-test-util.h"
#include "ed-window.h"

static EdApplication *app;
static char *tmp;

static EdTraveller *
engineer (void)
{
  return ed_test_new_hire ("ZHANG", "WEI", "2027-01-10");
}

/* A jp-new-hire case in the store, shown on its page. */
static GtkWidget *
show_new_hire (EdCase **kase)
{
  EdCatalog *catalog = ed_application_get_catalog (app);
  g_autoptr(GPtrArray) travellers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  EdWindow *window = ED_WINDOW (ed_test_main_window (app));
  GtkWidget *page;
  GDate today;

  g_ptr_array_add (travellers, engineer ());
  ed_date_today (&today);
  *kase = ed_case_new_from_journey (ed_catalog_lookup_journey (catalog, "jp-new-hire"), catalog,
                                    travellers, &today, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ed_store_add_case (ed_test_wait_for_store (app), *kase, &error));
  g_assert_no_error (error);

  ed_window_show_case (window, *kase);
  page = ed_window_get_case_page (window);
  g_assert_nonnull (page);
  ed_test_wait_until_mapped (page);
  ed_test_wait_for_paint (page);
  return page;
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child);

  return n;
}

/* The timeline's list: the first of the page, as its tab is. */
static GtkWidget *
timeline_list (GtkWidget *page)
{
  GtkWidget *list = ed_test_find_widget (page, GTK_TYPE_LIST_BOX, NULL);

  g_assert_nonnull (list);
  return list;
}

/* The page's timeline has the rule of the procedure done. */
static gboolean
timeline_says_done (GtkWidget  *page,
                    const char *procedure_id,
                    const char *rule_id)
{
  EdTimeline *timeline = ed_case_page_get_timeline (ED_CASE_PAGE (page));

  for (guint i = 0; i < ed_timeline_get_n_entries (timeline); i++)
    {
      const EdTimelineEntry *entry = ed_timeline_get_entry (timeline, i);

      if (g_str_equal (ed_procedure_get_id (entry->procedure), procedure_id) &&
          g_str_equal (entry->due->period->id, rule_id) && entry->state == ED_TIMELINE_DONE)
        return TRUE;
    }
  return FALSE;
}

/* The timeline comes first: every deadline, in date order, with where
 * it stands; ticking one done moves it on. */
static void
test_case_page_timeline (void)
{
  g_autoptr(EdCase) kase = NULL;
  GtkWidget *page = show_new_hire (&kase);
  EdTimeline *timeline = ed_case_page_get_timeline (ED_CASE_PAGE (page));
  GtkWidget *list = timeline_list (page);
  GtkWidget *check;
  const EdTimelineEntry *first;
  g_autofree char *first_procedure = NULL;
  g_autofree char *first_rule = NULL;
  guint n_soon = 0;

  g_assert_nonnull (timeline);
  g_assert_cmpuint (count_rows (list), ==, ed_timeline_get_n_entries (timeline));
  for (guint i = 1; i < ed_timeline_get_n_entries (timeline); i++)
    {
      const EdTimelineEntry *a = ed_timeline_get_entry (timeline, i - 1);
      const EdTimelineEntry *b = ed_timeline_get_entry (timeline, i);

      if (a->due_at != 0 && b->due_at != 0)
        g_assert_cmpint (a->due_at, <=, b->due_at);
      n_soon += b->state == ED_TIMELINE_DUE_SOON;
    }
  first = ed_timeline_get_entry (timeline, 0);
  g_assert_cmpint (first->state, ==, ED_TIMELINE_DUE_SOON);
  first_procedure = g_strdup (ed_procedure_get_id (first->procedure));
  first_rule = g_strdup (first->due->period->id);
  n_soon += 1;
  g_assert_cmpuint (n_soon, ==, 3);
  ed_test_wait_for_label (page, ed_timeline_describe_state (ED_TIMELINE_DUE_SOON,
                                                            ed_language_for_ui ()));
  ed_test_screenshot (ed_test_main_window (app), "case-page-timeline");

  /* Done: the case keeps it, the timeline says so. */
  check = ed_test_find_widget (list, GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_true (ed_case_get_date_done (kase, first_procedure, ed_case_get_traveller (kase, 0),
                                        first_rule));
  ED_TEST_WAIT_FOR (timeline_says_done (page, first_procedure, first_rule));
  timeline = ed_case_page_get_timeline (ED_CASE_PAGE (page));
  for (guint i = 0; i < ed_timeline_get_n_entries (timeline); i++)
    {
      const EdTimelineEntry *entry = ed_timeline_get_entry (timeline, i);

      if (g_str_equal (ed_procedure_get_id (entry->procedure), first_procedure) &&
          g_str_equal (entry->due->period->id, first_rule))
        g_assert_cmpint (entry->state, ==, ED_TIMELINE_DONE);
    }

  gtk_widget_activate_action (page, "case.close", NULL);
  ED_TEST_WAIT_FOR (ed_window_get_case_page (ED_WINDOW (ed_test_main_window (app))) == NULL);
}

/* Reordered, removed after a question, added back from what applies. */
static void
test_case_page_procedures (void)
{
  g_autoptr(EdCase) kase = NULL;
  GtkWidget *page = show_new_hire (&kase);
  AdwViewStack *stack = ADW_VIEW_STACK (ed_test_find_widget (page, ADW_TYPE_VIEW_STACK, NULL));
  g_autofree char *first = g_strdup (ed_case_get_procedure (kase, 0)->id);
  g_autofree char *second = g_strdup (ed_case_get_procedure (kase, 1)->id);
  guint n = ed_case_get_n_procedures (kase);
  AdwMessageDialog *dialog;
  GtkWidget *proposals;
  GtkWidget *row;

  adw_view_stack_set_visible_child_name (stack, "procedures");
  ed_test_wait_for_paint (page);
  ed_test_screenshot (ed_test_main_window (app), "case-page-procedures");

  g_assert_true (gtk_widget_activate_action (page, "case.move-procedure-down", "s", first));
  g_assert_cmpstr (ed_case_get_procedure (kase, 0)->id, ==, second);
  g_assert_cmpstr (ed_case_get_procedure (kase, 1)->id, ==, first);
  g_assert_true (gtk_widget_activate_action (page, "case.move-procedure-up", "s", first));
  g_assert_cmpstr (ed_case_get_procedure (kase, 0)->id, ==, first);

  g_assert_true (gtk_widget_activate_action (page, "case.remove-procedure", "s", second));
  dialog = ed_test_wait_for_dialog (g_dgettext (GETTEXT_PACKAGE, "Remove the Procedure?"));
  ed_test_respond (dialog, g_dgettext (GETTEXT_PACKAGE, "_Remove"));
  ED_TEST_WAIT_FOR (ed_case_get_n_procedures (kase) != n);
  g_assert_cmpuint (ed_case_get_n_procedures (kase), ==, n - 1);
  g_assert_cmpint (ed_case_find_procedure (kase, second), <, 0);

  /* Offered again, among those that apply; chosen, it is last. */
  g_assert_true (gtk_widget_activate_action (page, "case.add-procedure", NULL));
  dialog = ed_test_wait_for_dialog (g_dgettext (GETTEXT_PACKAGE, "Add a Procedure"));
  proposals = ed_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX, NULL);
  g_assert_nonnull (proposals);
  ed_test_screenshot (GTK_WIDGET (dialog), "case-page-add-procedure");
  row = NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (proposals); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      EdProcedure *procedure = g_object_get_data (G_OBJECT (child), "procedure");

      if (procedure != NULL && g_str_equal (ed_procedure_get_id (procedure), second))
        row = child;
      /* None already in the case. */
      if (procedure != NULL)
        g_assert_cmpint (ed_case_find_procedure (kase, ed_procedure_get_id (procedure)), <, 0);
    }
  g_assert_nonnull (row);
  g_signal_emit_by_name (proposals, "row-activated", row);
  ED_TEST_WAIT_FOR (ed_case_get_n_procedures (kase) != n - 1);
  g_assert_cmpuint (ed_case_get_n_procedures (kase), ==, n);
  g_assert_cmpstr (ed_case_get_procedure (kase, n - 1)->id, ==, second);

  gtk_widget_activate_action (page, "case.close", NULL);
  ED_TEST_WAIT_FOR (ed_window_get_case_page (ED_WINDOW (ed_test_main_window (app))) == NULL);
}

/* The deadlines still to do, as a calendar file: the case reference,
 * each in its zone, with a reminder, and no name or passport number. */
static void
test_case_page_calendar (void)
{
  g_autoptr(EdCase) kase = NULL;
  GtkWidget *page = show_new_hire (&kase);
  g_autofree char *path = g_build_filename (tmp, "deadlines.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  g_autofree char *toast = NULL;
  g_autoptr(GError) error = NULL;

  ed_case_page_export_calendar_to_file (ED_CASE_PAGE (page), file);
  toast = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "Deadlines exported to “%s”"),
                           "deadlines.ics");
  ed_test_wait_for_toast (ed_test_main_window (app), toast);

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "BEGIN:VCALENDAR"));
  g_assert_nonnull (strstr (text, "BEGIN:VEVENT"));
  g_assert_nonnull (strstr (text, "TZID:Asia/Tokyo"));
  g_assert_nonnull (strstr (text, "BEGIN:VALARM"));
  g_assert_nonnull (strstr (text, ed_case_get_reference (kase)));
  g_assert_null (strstr (text, "ZHANG"));
  g_assert_null (strstr (text, "EJ1234567"));
  g_assert_null (strstr (text, "1994"));

  gtk_widget_activate_action (page, "case.close", NULL);
  ED_TEST_WAIT_FOR (ed_window_get_case_page (ED_WINDOW (ed_test_main_window (app))) == NULL);
}

static EdCase *
add_new_hire (const char *surname,
              const char *arrival)
{
  EdCatalog *catalog = ed_application_get_catalog (app);
  g_autoptr(GPtrArray) travellers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  EdCase *kase;
  GDate today;

  g_ptr_array_add (travellers, ed_test_new_hire (surname, "WEI", arrival));
  ed_date_today (&today);
  kase = ed_case_new_from_journey (ed_catalog_lookup_journey (catalog, "jp-new-hire"), catalog,
                                   travellers, &today, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ed_store_add_case (ed_test_wait_for_store (app), kase, &error));
  g_assert_no_error (error);
  return kase;
}

/* The row the case list shows for @kase, once painted. */
static EdCaseRow *
find_case_row (GtkWidget *root,
               EdCase    *kase)
{
  if (ED_IS_CASE_ROW (root))
    {
      EdCaseInfo *info = ed_case_row_get_info (ED_CASE_ROW (root));

      return info != NULL && gtk_widget_get_mapped (root) &&
             g_strcmp0 (ed_case_info_get_reference (info), ed_case_get_reference (kase)) == 0
             ? ED_CASE_ROW (root) : NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      EdCaseRow *row = find_case_row (child, kase);

      if (row != NULL)
        return row;
    }

  return NULL;
}

static guint
position_in_list (GListModel *cases,
                  EdCase     *kase)
{
  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(EdCaseInfo) info = g_list_model_get_item (cases, i);

      if (g_str_equal (ed_case_info_get_reference (info), ed_case_get_reference (kase)))
        return i;
    }

  g_assert_not_reached ();
}

/* The case list: each case's next deadline, the soonest first; a case
 * whose procedure has ended says so, and has no deadline to show. */
static void
test_case_page_list (void)
{
  EdWindow *window = ED_WINDOW (ed_test_main_window (app));
  EdCatalog *catalog = ed_application_get_catalog (app);
  EdProcedure *health_code = ed_catalog_lookup (catalog, "cn-beijing-health-code");
  g_autoptr(EdCase) later = add_new_hire ("LI", "2027-01-15");
  g_autoptr(EdCase) ended = NULL;
  g_autoptr(EdCase) sooner = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *view;
  GListModel *cases;
  EdCaseRow *sooner_row, *ended_row;
  GtkLabel *label;
  const char *text;
  GDate today;

  /* Ended on 2023-01-07: still a case of the office's. */
  ed_date_today (&today);
  g_assert_nonnull (health_code);
  g_assert_true (ed_procedure_has_ended (health_code, &today));
  ended = ed_case_new ("cn-beijing-health-code", ed_procedure_get_version (health_code));
  ed_case_add_traveller (ended, engineer ());
  g_assert_true (ed_store_add_case (ed_test_wait_for_store (app), ended, &error));
  g_assert_no_error (error);
  sooner = add_new_hire ("ZHAO", "2027-01-10");

  ed_window_show_cases (window);
  view = ed_test_find_widget (GTK_WIDGET (window), ED_TYPE_CASE_LIST_VIEW, NULL);
  g_assert_nonnull (view);
  ED_TEST_WAIT_FOR (find_case_row (view, sooner) != NULL && find_case_row (view, ended) != NULL &&
            find_case_row (view, later) != NULL);
  ed_test_screenshot (GTK_WIDGET (window), "case-list-next-deadlines");

  /* Soonest first, the case with nothing due last. */
  cases = G_LIST_MODEL (ed_case_list_view_get_cases (ED_CASE_LIST_VIEW (view)));
  g_assert_cmpuint (position_in_list (cases, sooner), <, position_in_list (cases, later));
  g_assert_cmpuint (position_in_list (cases, later), <, position_in_list (cases, ended));

  /* Due in two days: the date, marked due soon. */
  sooner_row = find_case_row (view, sooner);
  label = ed_test_find_label (GTK_WIDGET (sooner_row), "2027-01-23");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "next-due-soon"));
  /* The date before what is due: a narrow row cuts the end, not the day. */
  text = gtk_label_get_text (label);
  g_assert_nonnull (strstr (text, " — "));
  g_assert_true (strstr (text, "2027-01-23") < strstr (text, " — "));

  /* Ended: said after the procedure's title, and marked. */
  ended_row = find_case_row (view, ended);
  label = ed_test_find_label (GTK_WIDGET (ended_row),
                              g_dpgettext2 (GETTEXT_PACKAGE, "procedure", "ended"));
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "procedure-ended"));
}

/* An ended procedure is offered too, marked, after those that apply;
 * added, the case's procedures show it marked. */
static void
test_case_page_add_ended (void)
{
  EdWindow *window = ED_WINDOW (ed_test_main_window (app));
  EdLanguage language = ed_language_for_ui ();
  g_autoptr(EdCase) kase = add_new_hire ("SUN", "2027-01-12");
  g_autofree char *status = NULL;
  g_autofree char *title = NULL;
  EdProcedure *procedure = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *page, *proposals, *row = NULL, *added;
  guint n = ed_case_get_n_procedures (kase);

  ed_window_show_case (window, kase);
  page = ed_window_get_case_page (window);
  g_assert_nonnull (page);
  ED_TEST_WAIT_FOR (gtk_widget_get_mapped (page));

  g_assert_true (gtk_widget_activate_action (page, "case.add-procedure", NULL));
  dialog = ed_test_wait_for_dialog (g_dgettext (GETTEXT_PACKAGE, "Add a Procedure"));
  proposals = ed_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX, NULL);
  g_assert_nonnull (proposals);
  for (GtkWidget *child = gtk_widget_get_first_child (proposals); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      EdProcedure *offered = g_object_get_data (G_OBJECT (child), "procedure");
      GDate today;

      ed_date_today (&today);
      if (offered == NULL)
        continue;
      /* The ended ones come last. */
      g_assert_true (row == NULL || ed_procedure_has_ended (offered, &today));
      if (row == NULL && ed_procedure_has_ended (offered, &today))
        {
          row = child;
          procedure = offered;
        }
    }
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "procedure-ended"));
  status = ed_procedure_describe_status_brief (procedure, language);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), status));

  title = g_strdup_printf ("%u. %s", n + 1,
                           ed_text_lookup (ed_procedure_get_title (procedure), language));
  g_signal_emit_by_name (proposals, "row-activated", row);
  ED_TEST_WAIT_FOR (ed_case_find_procedure (kase, ed_procedure_get_id (procedure)) == (int) n);
  ED_TEST_WAIT_FOR (ed_test_find_row (page, title) != NULL);
  added = ed_test_find_row (page, title);
  g_assert_true (gtk_widget_has_css_class (added, "procedure-ended"));
  ed_test_screenshot (page, "case-page-ended-added");

  gtk_widget_activate_action (page, "case.close", NULL);
  ED_TEST_WAIT_FOR (ed_window_get_case_page (window) == NULL ||
            !gtk_widget_get_mapped (ed_window_get_case_page (window)));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GSettings) settings = NULL;
  int status;

  tmp = ed_test_isolate ();
  ed_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* Two days before the first deadlines of who arrived on 2027-01-10. */
  zone = g_time_zone_new_identifier ("Asia/Tokyo");
  now = g_date_time_new (zone, 2027, 1, 21, 9, 0, 0);
  ed_date_set_now (now);

  /* Reminders have a test of their own, with a notification server. */
  settings = g_settings_new (APP_ID);
  g_settings_set_boolean (settings, "reminders", FALSE);

  app = ed_test_start_app ();
  ed_test_wait_for_store (app);

  g_test_add_func ("/case-page/timeline", test_case_page_timeline);
  g_test_add_func ("/case-page/procedures", test_case_page_procedures);
  g_test_add_func ("/case-page/calendar", test_case_page_calendar);
  g_test_add_func ("/case-page/list", test_case_page_list);
  g_test_add_func ("/case-page/add-ended", test_case_page_add_ended);

  status = g_test_run ();

  /* Not finalized: registered without g_application_run(), it would
   * warn that it never unregistered. */
  ed_test_stop_app (app);
  ed_test_rm_rf (tmp);
  g_free (tmp);
  return status;
}
