/* test-timeline.c — a case's deadlines in date order, at a fixed "now";
 * which procedures are proposed for it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ed-core.h"
#include "ed-test-procedure.h"
#include "ed-test-util.h"

static EdCatalog *catalog;

static GDateTime *
tokyo (int year,
       int month,
       int day,
       int hour,
       int minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Tokyo");

  return g_date_time_new (zone, year, month, day, hour, minute, 0);
}

static GDate
date (int year,
      int month,
      int day)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, day, month, year);
  return d;
}

/* A Chinese engineer hired in Tokyo, arriving on 2027-01-10. */
static EdTraveller *
engineer (void)
{
  EdTraveller *traveller = ed_test_new_hire ("ZHANG", "WEI", "2027-01-10");

  ed_traveller_set (traveller, "sex", "M");
  ed_traveller_set (traveller, "arrival_port", "NRT");
  ed_traveller_set (traveller, "stay_expiry", "2028-01-10");
  ed_traveller_set (traveller, "employer", "Example KK");
  ed_traveller_set_answer (traveller, "mid-long-term", "yes");
  ed_traveller_set_answer (traveller, "hire-date", "2027-01-12");
  ed_traveller_set_answer (traveller, "employment-insurance", "yes");
  ed_traveller_set_answer (traveller, "employer-insurance", "yes");
  ed_traveller_set_answer (traveller, "employee-pension", "yes");
  ed_traveller_set_answer (traveller, "period-length", "stay-6-months-or-more");
  return traveller;
}

static EdCase *
new_hire_case (EdTraveller *traveller)
{
  g_autoptr(GPtrArray) travellers = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GDate today = date (2027, 1, 5);
  EdCase *kase;

  g_ptr_array_add (travellers, traveller);
  kase = ed_case_new_from_journey (ed_catalog_lookup_journey (catalog, "jp-new-hire"), catalog,
                                   travellers, &today, NULL, &error);
  g_assert_no_error (error);
  return kase;
}

static void
print_timeline (EdTimeline *timeline)
{
  for (guint i = 0; i < ed_timeline_get_n_entries (timeline); i++)
    {
      const EdTimelineEntry *entry = ed_timeline_get_entry (timeline, i);
      g_autofree char *when = ed_timeline_entry_describe_when (entry, ED_LANGUAGE_EN);

      g_test_message ("%u %s %s/%s: %s%s", i, ed_timeline_state_to_string (entry->state),
                      ed_procedure_get_id (entry->procedure), entry->due->period->id, when,
                      entry->ended ? " (ended)" : "");
    }
}

static const EdTimelineEntry *
find_entry (EdTimeline *timeline,
            const char *procedure_id,
            const char *rule_id,
            guint       traveller)
{
  for (guint i = 0; i < ed_timeline_get_n_entries (timeline); i++)
    {
      const EdTimelineEntry *entry = ed_timeline_get_entry (timeline, i);

      if (strcmp (ed_procedure_get_id (entry->procedure), procedure_id) == 0 &&
          strcmp (entry->due->period->id, rule_id) == 0 && entry->traveller_index == traveller)
        return entry;
    }

  return NULL;
}

/* The timeline of the new hire, in date order, judged at several "now"s. */
static void
test_timeline_new_hire (void)
{
  g_autoptr(EdTraveller) traveller = engineer ();
  g_autoptr(EdCase) kase = new_hire_case (traveller);
  g_autoptr(GDateTime) before = tokyo (2027, 1, 5, 9, 0);
  g_autoptr(GDateTime) soon = tokyo (2027, 1, 21, 9, 0);
  g_autoptr(GDateTime) late = tokyo (2027, 1, 25, 0, 0);
  g_autoptr(EdTimeline) timeline = NULL;
  const EdTimelineEntry *entry, *next;

  timeline = ed_case_compute_timeline (kase, catalog, before, ED_TIMELINE_SOON_DAYS);
  print_timeline (timeline);
  g_assert_cmpuint (ed_timeline_get_n_entries (timeline), >=, 4);

  /* In date order. */
  for (guint i = 1; i < ed_timeline_get_n_entries (timeline); i++)
    g_assert_cmpint (ed_timeline_get_entry (timeline, i - 1)->due_at, <=,
                     ed_timeline_get_entry (timeline, i)->due_at);

  /* The moving-in notification: 14 days, by 2027-01-23. */
  entry = find_entry (timeline, "jp-residence-registration", "notification-deadline", 0);
  g_assert_nonnull (entry);
  g_assert_cmpint (entry->state, ==, ED_TIMELINE_UPCOMING);
  g_assert_cmpint (g_date_get_day (&entry->due->until_day), ==, 23);
  g_assert_false (entry->ended);
  /* The Hello Work report: by the 10th of the month after hiring. */
  entry = find_entry (timeline, "jp-employer-foreign-hire", "hello-work-with-insurance", 0);
  g_assert_nonnull (entry);
  g_assert_cmpint (g_date_get_month (&entry->due->until_day), ==, 2);
  g_assert_cmpint (g_date_get_day (&entry->due->until_day), ==, 10);
  /* Not insured through the employer? No: health insurance and pension
   * are the employer's, so their rules are not there. */
  g_assert_null (find_entry (timeline, "jp-national-health-insurance", "enrol-deadline", 0));
  /* The renewal window, from 3 months before the stay ends. */
  entry = find_entry (timeline, "jp-residence-status-online", "online-window", 0);
  g_assert_nonnull (entry);
  g_assert_cmpint (entry->state, ==, ED_TIMELINE_UPCOMING);

  next = ed_timeline_get_next (timeline);
  g_assert_true (next == ed_timeline_get_entry (timeline, 0));
  g_clear_pointer (&timeline, ed_timeline_unref);

  /* Three days before 2027-01-23 (2027-01-20 onward): due soon. */
  timeline = ed_case_compute_timeline (kase, catalog, soon, ED_TIMELINE_SOON_DAYS);
  entry = find_entry (timeline, "jp-residence-registration", "notification-deadline", 0);
  g_assert_cmpint (entry->state, ==, ED_TIMELINE_DUE_SOON);
  g_assert_cmpuint (ed_timeline_count (timeline, ED_TIMELINE_DUE_SOON), >=, 1);
  g_clear_pointer (&timeline, ed_timeline_unref);

  /* A setting of 1 day: not yet. */
  timeline = ed_case_compute_timeline (kase, catalog, soon, 1);
  entry = find_entry (timeline, "jp-residence-registration", "notification-deadline", 0);
  g_assert_cmpint (entry->state, ==, ED_TIMELINE_UPCOMING);
  g_clear_pointer (&timeline, ed_timeline_unref);

  /* After the day ends in Tokyo: overdue, and still the next deadline. */
  timeline = ed_case_compute_timeline (kase, catalog, late, ED_TIMELINE_SOON_DAYS);
  entry = find_entry (timeline, "jp-residence-registration", "notification-deadline", 0);
  g_assert_cmpint (entry->state, ==, ED_TIMELINE_OVERDUE);
  g_assert_true (ed_timeline_get_next (timeline) == entry);
  g_clear_pointer (&timeline, ed_timeline_unref);

  /* Marked done: done, and no longer next. */
  ed_case_set_date_done (kase, "jp-residence-registration", traveller, "notification-deadline",
                         TRUE);
  timeline = ed_case_compute_timeline (kase, catalog, late, ED_TIMELINE_SOON_DAYS);
  entry = find_entry (timeline, "jp-residence-registration", "notification-deadline", 0);
  g_assert_cmpint (entry->state, ==, ED_TIMELINE_DONE);
  g_assert_true (ed_timeline_get_next (timeline) != entry);
  g_assert_cmpuint (ed_timeline_count (timeline, ED_TIMELINE_OVERDUE), ==, 0);
}

/* The boundaries of "due soon" and "overdue", for a day rule and an
 * hour rule. */
static void
test_timeline_judge (void)
{
  g_autoptr(GDateTime) t0 = tokyo (2027, 1, 20, 23, 59);
  g_autoptr(GDateTime) t1 = tokyo (2027, 1, 21, 0, 0);
  g_autoptr(GDateTime) t2 = tokyo (2027, 1, 24, 0, 0);
  g_autoptr(GDateTime) day = tokyo (2027, 1, 24, 0, 0);
  gint64 due_at = g_date_time_to_unix (day);
  gint64 end_at = due_at + 24 * 3600;

  /* A day rule due on 2027-01-24: due soon from 01-21, overdue from 01-25. */
  g_assert_cmpint (ed_timeline_judge (due_at, end_at, 0, FALSE, t0, 3), ==, ED_TIMELINE_UPCOMING);
  g_assert_cmpint (ed_timeline_judge (due_at, end_at, 0, FALSE, t1, 3), ==, ED_TIMELINE_DUE_SOON);
  g_assert_cmpint (ed_timeline_judge (due_at, end_at, 0, FALSE, t2, 3), ==, ED_TIMELINE_DUE_SOON);
  g_assert_cmpint (ed_timeline_judge (due_at, end_at, 0, FALSE, t2, 0), ==, ED_TIMELINE_DUE_SOON);
  {
    g_autoptr(GDateTime) after = g_date_time_add_seconds (t2, 24 * 3600);

    g_assert_cmpint (ed_timeline_judge (due_at, end_at, 0, FALSE, after, 3), ==,
                     ED_TIMELINE_OVERDUE);
    g_assert_cmpint (ed_timeline_judge (due_at, end_at, 0, TRUE, after, 3), ==,
                     ED_TIMELINE_DONE);
  }

  /* A window open since 01-10, closing far away: open. */
  g_assert_cmpint (ed_timeline_judge (due_at + 90 * 24 * 3600, end_at + 90 * 24 * 3600,
                                      due_at - 14 * 24 * 3600, FALSE, t1, 3), ==,
                   ED_TIMELINE_OPEN);
  g_assert_cmpint (ed_timeline_judge (G_MAXINT64, G_MAXINT64, 0, FALSE, t1, 3), ==,
                   ED_TIMELINE_NEEDS_DATA);
}

/* An hour rule in Shanghai: 24 hours after arrival; without the arrival
 * time it waits for data; two travellers, two entries. */
static void
test_timeline_hours_and_family (void)
{
  g_autoptr(EdCase) kase = ed_case_new ("cn-accommodation-registration", 1);
  g_autoptr(EdTraveller) mother = ed_traveller_new ();
  g_autoptr(EdTraveller) son = ed_traveller_new ();
  g_autoptr(GTimeZone) shanghai = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) now = g_date_time_new (shanghai, 2027, 1, 1, 8, 0, 0);
  g_autoptr(EdTimeline) timeline = NULL;
  const EdTimelineEntry *entry;
  g_autofree char *until = NULL;

  ed_traveller_set (mother, "nationality", "DEU");
  ed_traveller_set (mother, "arrival_date", "2026-12-31");
  ed_traveller_set (mother, "arrival_time", "23:10");
  ed_traveller_set_answer (mother, "stay-at-hotel", "no");
  ed_traveller_set (son, "nationality", "DEU");
  ed_traveller_set (son, "arrival_date", "2026-12-31");
  ed_traveller_set_answer (son, "stay-at-hotel", "no");
  ed_case_add_traveller (kase, mother);
  ed_case_add_traveller (kase, son);

  timeline = ed_case_compute_timeline (kase, catalog, now, ED_TIMELINE_SOON_DAYS);
  print_timeline (timeline);
  g_assert_cmpuint (ed_timeline_get_n_entries (timeline), ==, 2);

  entry = ed_timeline_get_entry (timeline, 0);
  g_assert_true (entry->traveller == mother);
  g_assert_cmpint (entry->state, ==, ED_TIMELINE_DUE_SOON);
  until = ed_due_format_until (entry->due);
  g_assert_cmpstr (until, ==, "2027-01-01T23:10+08:00");
  g_assert_cmpint (entry->end_at, ==, entry->due_at);

  /* The son's arrival time is missing: last, waiting for data. */
  entry = ed_timeline_get_entry (timeline, 1);
  g_assert_true (entry->traveller == son);
  g_assert_cmpint (entry->state, ==, ED_TIMELINE_NEEDS_DATA);
  g_assert_cmpint (entry->due_at, ==, G_MAXINT64);
  g_assert_true (ed_timeline_get_next (timeline) == ed_timeline_get_entry (timeline, 0));
  {
    g_autofree char *when = ed_timeline_entry_describe_when (entry, ED_LANGUAGE_EN);

    g_assert_nonnull (strstr (when, "Arrival time"));
  }
  g_clear_pointer (&timeline, ed_timeline_unref);

  /* Done for the whole case counts for each traveller. */
  ed_case_set_date_done (kase, "cn-accommodation-registration", NULL, "register-after-arrival",
                         TRUE);
  timeline = ed_case_compute_timeline (kase, catalog, now, ED_TIMELINE_SOON_DAYS);
  g_assert_cmpint (ed_timeline_get_entry (timeline, 0)->state, ==, ED_TIMELINE_DONE);
  g_assert_null (ed_timeline_get_next (timeline));
  g_clear_pointer (&timeline, ed_timeline_unref);

  /* At a hotel: the rule does not apply; nothing left. */
  ed_traveller_set_answer (mother, "stay-at-hotel", "yes");
  ed_traveller_set_answer (son, "stay-at-hotel", "yes");
  timeline = ed_case_compute_timeline (kase, catalog, now, ED_TIMELINE_SOON_DAYS);
  g_assert_cmpuint (ed_timeline_get_n_entries (timeline), ==, 0);
}

/* An ended procedure added to a case: its dates are there, marked, and
 * never the next deadline. */
static void
test_timeline_ended (void)
{
  g_autoptr(EdTraveller) traveller = engineer ();
  g_autoptr(EdCase) kase = new_hire_case (traveller);
  g_autoptr(GDateTime) now = tokyo (2027, 1, 11, 9, 0);
  g_autoptr(EdTimeline) timeline = NULL;
  const EdTimelineEntry *entry;

  g_assert_true (ed_case_add_procedure (kase, "jp-entry-waiting-mysos", 1, 0));
  timeline = ed_case_compute_timeline (kase, catalog, now, ED_TIMELINE_SOON_DAYS);
  print_timeline (timeline);
  entry = find_entry (timeline, "jp-entry-waiting-mysos", "waiting-period", 0);
  g_assert_nonnull (entry);
  g_assert_true (entry->ended);
  g_assert_true (ed_timeline_get_next (timeline) != entry);
  g_assert_false (ed_timeline_get_next (timeline)->ended);
  /* Not counted in what is due. */
  g_assert_cmpuint (ed_timeline_count (timeline, entry->state), <,
                    ed_timeline_get_n_entries (timeline));
}

/* What a journey proposes: the procedures that apply; those that do not
 * are left out with the reason; ended ones are proposed, marked. */
static void
test_proposals (void)
{
  g_autoptr(EdTraveller) traveller = engineer ();
  g_autoptr(GPtrArray) travellers = g_ptr_array_new ();
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GPtrArray) left_out = NULL;
  g_autoptr(EdCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  EdJourney *journey = ed_catalog_lookup_journey (catalog, "jp-new-hire");
  GDate today = date (2027, 1, 5);
  gboolean found_ended = FALSE;

  g_ptr_array_add (travellers, traveller);
  proposals = ed_journey_propose (journey, catalog, travellers, &today);
  g_assert_cmpuint (proposals->len, ==, ed_journey_get_items (journey)->len);
  for (guint i = 0; i < proposals->len; i++)
    {
      EdProposal *proposal = g_ptr_array_index (proposals, i);
      const char *id = ed_procedure_get_id (proposal->procedure);

      g_assert_nonnull (proposal->note);
      g_assert_false (proposal->ended);
      /* Covered by the employer: health insurance and pension do not
       * apply, and say why. */
      if (strcmp (id, "jp-national-health-insurance") == 0 ||
          strcmp (id, "jp-national-pension") == 0)
        {
          g_autofree char *why = NULL;
          g_autofree char *described = NULL;

          g_assert_cmpint (proposal->applies, ==, ED_APPLIES_NO);
          why = ed_applicability_describe (proposal->why_not, proposal->procedure,
                                           ED_LANGUAGE_EN);
          g_test_message ("%s: %s", id, why);
          g_assert_nonnull (why);

          /* What the journey dialog says under its title: the note,
           * then why not, on a line of its own. */
          described = ed_proposal_describe (proposal, "Note", " · ", ED_LANGUAGE_EN);
          g_assert_true (g_str_has_prefix (described, "Note\n"));
          g_assert_true (g_str_has_suffix (described, why));
        }
      else
        g_assert_cmpint (proposal->applies, !=, ED_APPLIES_NO);
    }

  kase = ed_case_new_from_journey (journey, catalog, travellers, &today, &left_out, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_case_get_journey_id (kase), ==, "jp-new-hire");
  g_assert_cmpuint (left_out->len, ==, 2);
  g_assert_cmpuint (ed_case_get_n_procedures (kase), ==, proposals->len - 2);
  g_assert_cmpstr (ed_case_get_procedure (kase, 0)->id, ==, "jp-visit-japan-web");
  g_assert_cmpstr (ed_case_get_procedure_id (kase), ==, "jp-visit-japan-web");
  g_assert_cmpint (ed_case_find_procedure (kase, "jp-national-pension"), ==, -1);
  g_assert_true (ed_case_get_traveller (kase, 0) == traveller);
  g_clear_pointer (&proposals, g_ptr_array_unref);

  /* Adding: what applies and is not there yet, the ended ones last;
   * Japan's before China's in each group. */
  proposals = ed_case_propose_procedures (kase, catalog, &today);
  for (guint i = 0; i < proposals->len; i++)
    {
      EdProposal *proposal = g_ptr_array_index (proposals, i);
      const char *id = ed_procedure_get_id (proposal->procedure);

      if (i > 0 && !proposal->ended)
        {
          EdProposal *before = g_ptr_array_index (proposals, i - 1);

          g_assert_false (before->applies == proposal->applies &&
                          g_str_equal (ed_procedure_get_country (before->procedure), "CN") &&
                          g_str_equal (ed_procedure_get_country (proposal->procedure), "JP"));
        }
      g_assert_cmpint (ed_case_find_procedure (kase, id), ==, -1);
      g_assert_cmpint (proposal->applies, !=, ED_APPLIES_NO);
      g_assert_true (!found_ended || proposal->ended);
      found_ended |= proposal->ended;
      /* An ended one says so first. */
      if (proposal->ended)
        {
          g_autofree char *status = ed_procedure_describe_status_brief (proposal->procedure,
                                                                        ED_LANGUAGE_EN);
          g_autofree char *described = ed_proposal_describe (proposal, "Beijing", " · ",
                                                             ED_LANGUAGE_EN);
          g_autofree char *expected = g_strdup_printf ("Beijing · %s", status);

          g_assert_true (g_str_has_prefix (described, expected));
        }
      g_assert_cmpstr (id, !=, "jp-national-pension");
    }
  g_assert_true (found_ended);

  /* A Japanese national needs no Visit Japan Web: without anything
   * that applies, no case. */
  {
    g_autoptr(EdTraveller) local = ed_traveller_new ();
    g_autoptr(GPtrArray) locals = g_ptr_array_new ();
    g_autoptr(EdCase) none = NULL;

    ed_traveller_set (local, "nationality", "JPN");
    g_ptr_array_add (locals, local);
    none = ed_case_new_from_journey (ed_catalog_lookup_journey (catalog, "jp-business-visit"),
                                     catalog, locals, &today, NULL, &error);
    g_assert_null (none);
    g_assert_error (error, ED_ERROR, ED_ERROR_INVALID);
  }
}

/* The next deadline for people: a day, or a time in the place's zone. */
static void
test_next_due_format (void)
{
  EdNextDue next = { 0, };
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;

  next.when = g_strdup ("2027-01-24");
  day = ed_next_due_format_when (&next);
  g_assert_cmpstr (day, ==, "2027-01-24");
  ed_next_due_clear (&next);

  next.when = g_strdup ("2027-01-11T15:30+08:00");
  time = ed_next_due_format_when (&next);
  g_assert_cmpstr (time, ==, "2027-01-11 15:30 (UTC+08:00)");
  ed_next_due_clear (&next);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *procedures = NULL;
  g_autofree char *journeys = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* The shipped catalog only: the user's folders are a test's own. */
  catalog = ed_catalog_new ();
  procedures = ed_paths_system_procedures_dir ();
  journeys = ed_paths_system_journeys_dir ();
  ed_catalog_load_directory (catalog, procedures, ED_ORIGIN_SYSTEM);
  ed_catalog_load_journey_directory (catalog, journeys, ED_ORIGIN_SYSTEM);
  g_assert_cmpuint (ed_catalog_check_journeys (catalog), ==, 0);
  g_assert_cmpuint (ed_catalog_get_errors (catalog)->len, ==, 0);

  g_test_add_func ("/timeline/new-hire", test_timeline_new_hire);
  g_test_add_func ("/timeline/judge", test_timeline_judge);
  g_test_add_func ("/timeline/hours-and-family", test_timeline_hours_and_family);
  g_test_add_func ("/timeline/ended", test_timeline_ended);
  g_test_add_func ("/timeline/proposals", test_proposals);
  g_test_add_func ("/timeline/next-due-format", test_next_due_format);

  status = g_test_run ();
  g_clear_object (&catalog);
  return status;
}
