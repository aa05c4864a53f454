/* test-calendar.c — a case's timeline as an iCalendar file, read back
 * with libical's parser as a calendar importing it would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <libical/ical.h>

#include "ed-core.h"
#include "ed-test-util.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

static EdCatalog *catalog;

static EdCatalog *
load_catalog (void)
{
  g_autofree char *procedures = ed_paths_system_procedures_dir ();
  EdCatalog *loaded = ed_catalog_new ();

  ed_catalog_load_directory (loaded, procedures, ED_ORIGIN_SYSTEM);
  g_assert_cmpuint (ed_catalog_get_errors (loaded)->len, ==, 0);
  return loaded;
}

/* Two travellers in Shanghai: one with an hour rule worked out, one
 * waiting for their arrival time; and a Tokyo procedure with day rules. */
static EdCase *
make_case (void)
{
  g_autoptr(EdTraveller) mother = ed_traveller_new ();
  g_autoptr(EdTraveller) son = ed_traveller_new ();
  EdCase *kase = ed_case_new ("cn-accommodation-registration", 1);

  ed_traveller_set (mother, "surname", "MUELLER");
  ed_traveller_set (mother, "given_names", "ANNA");
  ed_traveller_set (mother, "passport_number", "C01X00T47");
  ed_traveller_set (mother, "birth_date", "1984-02-29");
  ed_traveller_set (mother, "nationality", "DEU");
  ed_traveller_set (mother, "arrival_date", "2026-12-31");
  ed_traveller_set (mother, "arrival_time", "23:10");
  ed_traveller_set (mother, "status_of_residence", "engineer-humanities-international");
  ed_traveller_set_answer (mother, "stay-at-hotel", "no");
  ed_traveller_set_answer (mother, "mid-long-term", "yes");
  ed_traveller_set (son, "nationality", "DEU");
  ed_traveller_set (son, "arrival_date", "2026-12-31");
  ed_traveller_set_answer (son, "stay-at-hotel", "no");
  ed_case_add_traveller (kase, mother);
  ed_case_add_traveller (kase, son);
  ed_case_add_procedure (kase, "jp-residence-registration", 1, -1);
  return kase;
}

static icalcomponent *
find_event (icalcomponent *calendar,
            const char    *uid_part)
{
  for (icalcomponent *event = icalcomponent_get_first_component (calendar,
                                                                 ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    if (strstr (icalcomponent_get_uid (event), uid_part) != NULL)
      return event;

  return NULL;
}

static void
test_calendar_events (void)
{
  g_autoptr(EdCase) kase = make_case ();
  g_autoptr(GTimeZone) shanghai = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) now = g_date_time_new (shanghai, 2026, 12, 30, 12, 0, 0);
  g_autoptr(EdTimeline) timeline = ed_case_compute_timeline (kase, catalog, now, 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(icalcomponent) calendar = NULL;
  g_autofree char *text = NULL;
  icalcomponent *event, *alarm;
  icalproperty *start;
  struct icaltimetype time;
  guint n_expected = 0;

  text = ed_timeline_to_ical (timeline, "ED-7K3M-Q9", 2, ED_LANGUAGE_JA, &error);
  g_assert_no_error (error);
  g_test_message ("%s", text);

  /* One event for each deadline still to do; the one waiting for the
   * son's arrival time has none. */
  for (guint i = 0; i < ed_timeline_get_n_entries (timeline); i++)
    n_expected += ed_timeline_get_entry (timeline, i)->state != ED_TIMELINE_NEEDS_DATA;
  g_assert_cmpuint (n_expected, >=, 3);
  g_assert_cmpuint (ed_ical_count_events (text, &error), ==, n_expected);
  g_assert_no_error (error);

  /* What a calendar reads: RFC 5545 without an error, a VTIMEZONE for
   * each zone, named by its IANA id. */
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  g_assert_cmpstr (icalproperty_get_version (icalcomponent_get_first_property (
                     calendar, ICAL_VERSION_PROPERTY)), ==, "2.0");
  g_assert_nonnull (icalcomponent_get_timezone (calendar, "Asia/Shanghai"));
  g_assert_nonnull (icalcomponent_get_timezone (calendar, "Asia/Tokyo"));
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VTIMEZONE_COMPONENT), ==, 2);

  /* The hour rule: 24 hours after 2026-12-31 23:10 in Shanghai. */
  event = find_event (calendar, "cn-accommodation-registration-register-after-arrival-1@");
  g_assert_nonnull (event);
  start = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  g_assert_cmpstr (icalproperty_get_parameter_as_string (start, "TZID"), ==, "Asia/Shanghai");
  time = icalcomponent_get_dtstart (event);
  /* The zone is the calendar's VTIMEZONE, as an importer resolves it. */
  g_assert_nonnull (icaltime_get_timezone (time));
  g_assert_cmpint (icaltime_as_timet_with_zone (time, icaltime_get_timezone (time)), ==,
                   1798816200 /* 2027-01-01T15:10:00Z */);
  g_assert_nonnull (strstr (icalcomponent_get_summary (event), "ED-7K3M-Q9"));
  g_assert_nonnull (strstr (icalcomponent_get_description (event), "ED-7K3M-Q9"));
  g_assert_nonnull (strstr (icalcomponent_get_description (event), "1"));
  alarm = icalcomponent_get_first_component (event, ICAL_VALARM_COMPONENT);
  g_assert_nonnull (alarm);
  g_assert_cmpint (icalproperty_get_action (icalcomponent_get_first_property (
                     alarm, ICAL_ACTION_PROPERTY)), ==, ICAL_ACTION_DISPLAY);
  g_assert_cmpint (icaldurationtype_as_int (icalproperty_get_trigger (
                     icalcomponent_get_first_property (alarm, ICAL_TRIGGER_PROPERTY)).duration),
                   ==, -3 * 24 * 3600);
  g_assert_null (find_event (calendar, "register-after-arrival-2@"));

  /* A day rule: the whole last day in Tokyo. */
  event = find_event (calendar, "jp-residence-registration-notification-deadline-1@");
  g_assert_nonnull (event);
  start = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  g_assert_cmpstr (icalproperty_get_parameter_as_string (start, "TZID"), ==, "Asia/Tokyo");
  time = icalcomponent_get_dtstart (event);
  g_assert_cmpint (time.year, ==, 2027);
  g_assert_cmpint (time.month, ==, 1);
  g_assert_cmpint (time.day, ==, 13);
  g_assert_cmpint (time.hour, ==, 0);
  g_assert_cmpint (icaltime_as_timet_with_zone (time, icaltime_get_timezone (time)), ==,
                   1799766000 /* 2027-01-12T15:00:00Z */);
  g_assert_cmpint (icaltime_as_timet_with_zone (icalcomponent_get_dtend (event),
                                                icaltime_get_timezone (time)) -
                   icaltime_as_timet_with_zone (time, icaltime_get_timezone (time)), ==,
                   24 * 3600);
  g_assert_nonnull (icalcomponent_get_first_component (event, ICAL_VALARM_COMPONENT));

  /* Never a passport number, a birth date or a name. */
  g_assert_null (strstr (text, "C01X00T47"));
  g_assert_null (strstr (text, "1984"));
  g_assert_null (strstr (text, "MUELLER"));
}

/* What is done, waiting for data or of an ended procedure is not in it. */
static void
test_calendar_only_what_is_to_do (void)
{
  g_autoptr(EdCase) kase = make_case ();
  g_autoptr(GTimeZone) shanghai = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) now = g_date_time_new (shanghai, 2026, 12, 30, 12, 0, 0);
  g_autoptr(EdTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *dir = ed_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "case.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *saved = NULL;
  guint n_events = 0;

  ed_case_set_date_done (kase, "cn-accommodation-registration", NULL, "register-after-arrival",
                         TRUE);
  ed_case_add_procedure (kase, "jp-entry-waiting-mysos", 1, -1);
  timeline = ed_case_compute_timeline (kase, catalog, now, 3);
  text = ed_timeline_to_ical (timeline, NULL, 1, ED_LANGUAGE_EN, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (text, "register-after-arrival"));
  g_assert_null (strstr (text, "jp-entry-waiting-mysos"));
  g_assert_nonnull (strstr (text, "notification-deadline"));
  g_assert_nonnull (strstr (text, "cancellation-ground"));

  g_assert_true (ed_timeline_save_ical (timeline, NULL, 1, ED_LANGUAGE_EN, file, &n_events, NULL,
                                        &error));
  g_assert_cmpuint (n_events, ==, 4);
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_cmpuint (ed_ical_count_events (saved, &error), ==, 4);

  g_assert_cmpuint (ed_ical_count_events ("BEGIN:VEVENT\r\nEND:VEVENT\r\n", &error), ==,
                    G_MAXUINT);
  g_assert_error (error, ED_ERROR, ED_ERROR_INVALID);
  ed_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  catalog = load_catalog ();
  g_test_add_func ("/calendar/events", test_calendar_events);
  g_test_add_func ("/calendar/only-what-is-to-do", test_calendar_only_what_is_to_do);

  status = g_test_run ();
  g_clear_object (&catalog);
  return status;
}
