/* test-journey-walkthrough.c — the "done when", as an HR officer
 * would go through it, at a fixed "now"
 *
 * In Japanese: a Chinese engineer hired in Tokyo, arriving 2027-01-10,
 * on jp-new-hire; in Chinese, a Japanese engineer hired in Beijing,
 * arriving the same day, on cn-new-hire. The case is started from the journey with the passport's
 * MRZ, the details the procedures ask for are entered, the timeline
 * shows each deadline, a reminder reaches the desktop three days before
 * one falls due, the deadlines go to a calendar file that libical reads
 * back, and the journey sheet is saved. Screenshots, the calendar file
 * and the PDF are left in ED_SCREENSHOT_DIR for people to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <libical/ical.h>

#include "ed-application.h"
#include "ed-case-page.h"
#include "ed-core.h"
#include "ed-journey-dialog.h"
#include "ed-mrz-box.h"
#include "ed-procedure-browser.h"
#include "ed-reminders.h"
#include "ed-sheet-dialog.h"
#include "ed-test-cases.h"
#include "ed-test-gui.h"
#include "ed-test-notifications.h"
#include "ed-test-pdf.h"
#include "ed-test-util.h"
#include "ed-window.h"
#include "ed-wizard.h"

typedef struct
{
  const char *mrz;
  const char *surname;
  const char *nationality;
  const char *passport;
  const char *journey;
  const char *now;          /* three days before a deadline */
  const char *zone;
  const char *details;      /* the procedure whose wizard asks for the details */
} Scenario;

/* ZHANG WEI, Chinese passport EJ1234567, born 1994-03-08, valid until
 * 2032-01-15; TANAKA HARUTO, Japanese passport TK1234567, born
 * 1991-07-15, valid until 2031-04-01. */
static const Scenario japan = {
  "P<CHNZHANG<<WEI<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n"
  "EJ12345673CHN9403084M3201152<<<<<<<<<<<<<<04", "ZHANG", "CHN", "EJ1234567",
  "jp-new-hire", "2027-01-20T09:00:00+09:00", "Asia/Tokyo", "jp-residence-registration",
};
static const Scenario china = {
  "P<JPNTANAKA<<HARUTO<<<<<<<<<<<<<<<<<<<<<<<<<\n"
  "TK12345671JPN9107153M3104013<<<<<<<<<<<<<<02", "TANAKA", "JPN", "TK1234567",
  "cn-new-hire", "2027-02-06T09:00:00+08:00", "Asia/Shanghai", "cn-work-residence-permit",
};

static EdApplication *app;
static char *tmp;

static const Scenario *
scenario (void)
{
  return ed_language_for_ui () == ED_LANGUAGE_ZH_CN ? &china : &japan;
}

static EdWindow *
window (void)
{
  return ED_WINDOW (ed_test_main_window (app));
}

/* Where people look at what the walk left: beside the screenshots. */
static char *
output_path (const char *name,
             const char *suffix)
{
  const char *dir = g_getenv ("ED_SCREENSHOT_DIR");

  g_mkdir_with_parents (dir != NULL ? dir : tmp, 0700);
  return g_strdup_printf ("%s/%s-%s%s", dir != NULL ? dir : tmp, name,
                          ed_language_code (ed_language_for_ui ()), suffix);
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
wait_for_case_page (void)
{
  GtkWidget *page = NULL;

  ED_TEST_WAIT_FOR ((page = ed_window_get_case_page (window ())) != NULL);
  ed_test_wait_until_mapped (page);
  ed_test_wait_for_paint (page);
  return page;
}

/* Reads the calendar file back with libical: one event a deadline to
 * do, each in the place's zone with a reminder, and no personal data. */
static guint
check_calendar (const char *path,
                const char *reference)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  icalcomponent *calendar;
  guint n_events = 0;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (text, scenario ()->surname));
  g_assert_null (strstr (text, scenario ()->passport));

  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_nonnull (icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT));

  for (icalcomponent *event = icalcomponent_get_first_component (calendar,
                                                                 ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      icalproperty *start = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
      icalparameter *tzid = icalproperty_get_first_parameter (start, ICAL_TZID_PARAMETER);
      g_autofree char *whole = g_strdup (icalcomponent_as_ical_string (event));

      g_assert_nonnull (tzid);
      g_assert_cmpstr (icalparameter_get_tzid (tzid), ==, scenario ()->zone);
      g_assert_nonnull (icalcomponent_get_first_component (event, ICAL_VALARM_COMPONENT));
      g_assert_nonnull (strstr (whole, reference));
      n_events++;
    }

  icalcomponent_free (calendar);
  return n_events;
}

static void
test_walkthrough (void)
{
  const Scenario *s = scenario ();
  EdCatalog *catalog = ed_application_get_catalog (app);
  EdJourney *journey = ed_catalog_lookup_journey (catalog, s->journey);
  const char *title = ed_text_lookup (ed_journey_get_title (journey), ed_language_for_ui ());
  g_autofree char *calendar_path = output_path ("walk-deadlines", ".ics");
  g_autofree char *sheet_path = output_path ("walk-journey-sheet", ".pdf");
  g_autoptr(GFile) calendar_file = g_file_new_for_path (calendar_path);
  g_autoptr(GFile) sheet_file = g_file_new_for_path (sheet_path);
  g_autofree char *calendar_name = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *cover = NULL;
  EdTestNotification *reminder;
  GtkWidget *browser, *row, *box, *page, *wizard;
  GtkWindow *dialog;
  EdTimeline *timeline;
  EdTraveller *traveller;
  EdCase *kase;
  guint n_to_do = 0;
  guint n_soon = 0;
  gpointer weak;

  g_assert_nonnull (journey);

  /* New case: the journeys come first among the procedures. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window ()), "win.new-case", NULL));
  browser = ed_test_find_widget (GTK_WIDGET (window ()), ED_TYPE_PROCEDURE_BROWSER, NULL);
  ed_test_wait_until_mapped (browser);
  ed_test_wait_for_paint (browser);
  ed_test_screenshot (GTK_WIDGET (window ()), "walk-1-journeys");
  row = find_row (browser, title);
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");

  /* The passport's MRZ, pasted: the procedures that apply are on. */
  dialog = ed_test_find_toplevel (ED_TYPE_JOURNEY_DIALOG);
  g_assert_nonnull (dialog);
  ed_test_wait_until_mapped (GTK_WIDGET (dialog));
  box = ed_test_find_widget (GTK_WIDGET (dialog), ED_TYPE_MRZ_BOX, NULL);
  g_assert_nonnull (box);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (ed_mrz_box_get_text_view (ED_MRZ_BOX (box))),
                            s->mrz, -1);
  ED_TEST_WAIT_FOR (g_strcmp0 (ed_traveller_get (ed_journey_dialog_get_traveller (
                                 ED_JOURNEY_DIALOG (dialog)), "nationality"),
                               s->nationality) == 0);
  ed_test_wait_for_paint (GTK_WIDGET (dialog));
  traveller = ed_journey_dialog_get_traveller (ED_JOURNEY_DIALOG (dialog));
  g_assert_cmpstr (ed_traveller_get (traveller, "surname"), ==, s->surname);
  g_assert_cmpstr (ed_traveller_get (traveller, "nationality"), ==, s->nationality);
  ed_test_screenshot (GTK_WIDGET (dialog), "walk-2-journey-dialog");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "journey.start", NULL));

  /* The case opens on its timeline. */
  page = wait_for_case_page ();
  kase = ed_case_page_get_case (ED_CASE_PAGE (page));
  g_assert_cmpstr (ed_case_get_journey_id (kase), ==, s->journey);
  g_assert_cmpuint (ed_case_get_n_procedures (kase), >=, 3);
  ed_test_screenshot (GTK_WIDGET (window ()), "walk-3-timeline-from-mrz");

  /* What the MRZ does not say, entered in the procedure that asks. */
  g_assert_true (gtk_widget_activate_action (page, "case.open-procedure", "s", s->details));
  wizard = ed_window_get_wizard (window ());
  g_assert_nonnull (wizard);
  ed_test_wait_until_mapped (wizard);
  traveller = ed_case_get_traveller (kase, 0);
  ed_traveller_set (traveller, "arrival_date", "2027-01-10");
  if (s == &japan)
    {
      ed_traveller_set (traveller, "status_of_residence", "engineer-humanities-international");
      ed_traveller_set (traveller, "address_local", "東京都港区芝公園4-2-8");
      ed_traveller_set_answer (traveller, "hire-date", "2027-01-12");
    }
  else
    {
      ed_traveller_set (traveller, "arrival_time", "15:30");
      ed_traveller_set (traveller, "employer", "示例科技（北京）有限公司");
      ed_traveller_set (traveller, "address_local", "北京市朝阳区建国门外大街1号");
    }
  ed_test_wait_for_paint (wizard);
  ed_test_screenshot (GTK_WIDGET (window ()), "walk-4-details");
  g_assert_true (gtk_widget_activate_action (wizard, "wizard.close", NULL));
  page = wait_for_case_page ();

  /* Every deadline, in date order, with where it stands. */
  ED_TEST_WAIT_FOR ((n_soon = ed_timeline_count (ed_case_page_get_timeline (ED_CASE_PAGE (page)),
                                                  ED_TIMELINE_DUE_SOON)) > 0);
  timeline = ed_case_page_get_timeline (ED_CASE_PAGE (page));
  g_assert_cmpuint (n_soon, >, 0);

  /* What was done on the day of arrival (the 24-hour registration),
   * ticked done. */
  for (guint j = 0; j < ed_timeline_get_n_entries (timeline); j++)
    {
      const EdTimelineEntry *entry = ed_timeline_get_entry (timeline, j);

      if (entry->state == ED_TIMELINE_OVERDUE)
        ed_case_set_date_done (kase, ed_procedure_get_id (entry->procedure), entry->traveller,
                               entry->due->period->id, TRUE);
    }
  ED_TEST_WAIT_FOR (ed_timeline_count (ed_case_page_get_timeline (ED_CASE_PAGE (page)),
                                       ED_TIMELINE_OVERDUE) == 0);
  timeline = ed_case_page_get_timeline (ED_CASE_PAGE (page));
  g_assert_cmpuint (ed_timeline_count (timeline, ED_TIMELINE_OVERDUE), ==, 0);
  for (guint j = 0; j < ed_timeline_get_n_entries (timeline); j++)
    {
      const EdTimelineEntry *entry = ed_timeline_get_entry (timeline, j);

      n_to_do += entry->state != ED_TIMELINE_DONE && entry->state != ED_TIMELINE_NEEDS_DATA &&
                 !entry->ended;
    }
  ed_test_screenshot (GTK_WIDGET (window ()), "walk-5-timeline");

  /* Three days before a deadline: a reminder on the desktop, with the
   * case reference, without a name. */
  ed_store_flush (ed_test_wait_for_store (app), NULL);
  ed_reminders_check (ed_application_get_reminders (app));
  reminder = ed_test_notifications_wait (ed_case_get_reference (kase));
  g_assert_nonnull (reminder);
  g_test_message ("Reminder: %s / %s", reminder->summary, reminder->body);
  g_assert_null (strstr (reminder->summary, s->surname));
  g_assert_null (strstr (reminder->body, s->surname));

  /* The deadlines as a calendar file, read back. */
  ed_case_page_export_calendar_to_file (ED_CASE_PAGE (page), calendar_file);
  calendar_name = g_file_get_basename (calendar_file);
  exported = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "Deadlines exported to “%s”"),
                              calendar_name);
  ed_test_wait_for_toast (GTK_WIDGET (window ()), exported);
  g_assert_cmpuint (check_calendar (calendar_path, ed_case_get_reference (kase)), ==, n_to_do);

  /* The journey sheet, saved as PDF through the sheet dialog. */
  g_assert_true (gtk_widget_activate_action (page, "case.export-journey-sheet", NULL));
  dialog = ed_test_find_toplevel (ED_TYPE_SHEET_DIALOG);
  g_assert_nonnull (dialog);
  ed_test_wait_until_mapped (GTK_WIDGET (dialog));
  ED_TEST_WAIT_FOR (ed_sheet_dialog_get_ready (ED_SHEET_DIALOG (dialog)));
  if (ed_sheet_dialog_get_document (ED_SHEET_DIALOG (dialog)) != NULL)
    {
      GPtrArray *problems =
        ed_sheet_document_get_problems (ed_sheet_dialog_get_document (ED_SHEET_DIALOG (dialog)));

      for (guint i = 0; i < problems->len; i++)
        g_test_message ("Problem: %s", (char *) g_ptr_array_index (problems, i));
    }
  ed_test_screenshot (GTK_WIDGET (dialog), "walk-6-journey-sheet-dialog");
  g_assert_true (ed_sheet_dialog_get_ready (ED_SHEET_DIALOG (dialog)));
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  ed_sheet_dialog_export_to_file (ED_SHEET_DIALOG (dialog), sheet_file);
  ED_TEST_WAIT_FOR (weak == NULL);
  g_assert_cmpuint (ed_test_pdf_pages (sheet_path), >, 2);
  cover = ed_test_pdf_text (sheet_path, 0);
  g_assert_nonnull (strstr (cover, ed_case_get_reference (kase)));

  /* The case list: the next deadline, due soon. */
  g_assert_true (gtk_widget_activate_action (page, "case.close", NULL));
  ED_TEST_WAIT_FOR (ed_window_get_case_page (window ()) == NULL);
  ed_window_show_cases (window ());
  ed_test_wait_for_rows (ed_test_case_list_view (app), 1);
  ed_test_wait_for_paint (GTK_WIDGET (window ()));
  ed_test_screenshot (GTK_WIDGET (window ()), "walk-7-case-list");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = NULL;
  int status;

  tmp = ed_test_isolate ();
  ed_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  now = g_date_time_new_from_iso8601 (scenario ()->now, utc);
  g_assert_nonnull (now);
  ed_date_set_now (now);

  ed_test_notifications_start ();
  app = ed_test_start_app ();
  ed_test_wait_for_store (app);

  g_test_add_func ("/journey-walkthrough/done-when", test_walkthrough);

  status = g_test_run ();

  /* Not finalized: registered without g_application_run(), it would
   * warn that it never unregistered. */
  ed_test_stop_app (app);
  ed_test_rm_rf (tmp);
  g_free (tmp);
  return status;
}
