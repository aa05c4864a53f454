/* test-due.c — date rules of procedure format 2, worked out for a traveller
 *
 * Every kind of rule, at the edges staff meet: a late-evening arrival,
 * midnight, the ends of months and years, 29 February, a rule that ends
 * while the traveller is there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ed-core.h"
#include "ed-test-util.h"

#define L(text) "{ \"en\": \"" text "\", \"ja\": \"" text "\", \"zh_CN\": \"" text "\" }"

/* A format 2 procedure around @periods (and @extra top-level members). */
static EdProcedure *
procedure_with (const char *country,
                const char *extra,
                const char *periods)
{
  g_autofree char *json = g_strdup_printf (
    "{ \"schema\": 2, \"id\": \"xx-dates\", \"version\": 1, \"updated\": \"2026-12-06\",\n"
    "  \"reviewed\": \"2026-12-06\",\n"
    "  \"region\": { \"country\": \"%s\", \"subdivision\": null, \"name\": " L ("Somewhere") " },\n"
    "  \"title\": " L ("Dates") ", \"summary\": " L ("Dates.") ", \"status\": \"current\",\n"
    "  \"sources\": [ { \"id\": \"law\", \"title\": " L ("The law") " } ],\n"
    "  \"fields\": [\n"
    "    { \"id\": \"hire-date\", \"kind\": \"date\", \"label\": " L ("Hire date") " },\n"
    "    { \"id\": \"move-in-date\", \"kind\": \"date\", \"label\": " L ("Move-in date") " },\n"
    "    { \"id\": \"move-in-time\", \"kind\": \"time\", \"label\": " L ("Move-in time") " } ],\n"
    "  \"steps\": [ { \"id\": \"do\", \"title\": " L ("Do it") ", \"body\": " L ("Do it.") ",\n"
    "               \"sources\": [ \"law\" ] } ]%s%s,\n"
    "  \"periods\": [ %s ] }",
    country, extra != NULL ? ",\n" : "", extra != NULL ? extra : "", periods);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  EdProcedure *procedure = ed_procedure_new_from_bytes (bytes, "xx-dates.json", ED_ORIGIN_OTHER,
                                                        &error);

  g_assert_no_error (error);
  return procedure;
}

static EdTraveller *
traveller_with (const char *first_key,
                ...)
{
  EdTraveller *traveller = ed_traveller_new ();
  va_list args;

  va_start (args, first_key);
  for (const char *key = first_key; key != NULL; key = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);

      if (ed_traveller_is_key (key))
        ed_traveller_set (traveller, key, value);
      else
        ed_traveller_set_answer (traveller, key, value);
    }
  va_end (args);
  return traveller;
}

/* The rule @id of @procedure for @traveller, as `dates --json` gives it. */
static EdDue *
compute (EdProcedure *procedure,
         EdTraveller *traveller,
         const char  *id)
{
  const EdPeriod *period = ed_procedure_find_period (procedure, id);
  GDate today;
  EdFacts facts;

  g_assert_nonnull (period);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 6, G_DATE_DECEMBER, 2026);
  ed_traveller_get_facts (traveller, &facts, &today);
  return ed_period_compute (period, procedure, &facts);
}

static void
assert_due (EdDue      *due,
            const char *from,
            const char *until)
{
  g_autofree char *got_from = ed_due_format_from (due);
  g_autofree char *got_until = ed_due_format_until (due);

  g_assert_cmpint (due->state, ==, ED_DUE_COMPUTED);
  g_assert_cmpstr (got_from, ==, from);
  g_assert_cmpstr (got_until, ==, until);
}

#define HOURS_24 \
  "{ \"id\": \"register\", \"kind\": \"deadline\", \"event\": \"arrival_date\"," \
  "  \"event_time\": \"arrival_time\", \"hours\": 24, \"label\": " L ("Register") " }"

/* Shanghai, 24 hours: a late arrival on New Year's Eve is due the next
 * evening, with the offset of China's time. */
static void
test_due_hours_over_the_year_end (void)
{
  g_autoptr(EdProcedure) procedure = procedure_with ("CN", NULL, HOURS_24);
  g_autoptr(EdTraveller) traveller = traveller_with ("arrival_date", "2026-12-31",
                                                     "arrival_time", "23:10", NULL);
  g_autoptr(EdDue) due = compute (procedure, traveller, "register");
  g_autofree char *when = ed_due_describe_when (due, procedure, ED_LANGUAGE_EN);

  assert_due (due, "2026-12-31T23:10+08:00", "2027-01-01T23:10+08:00");
  g_assert_cmpint (due->kind, ==, ED_DUE_DEADLINE);
  g_assert_true (due->timed);
  g_assert_cmpstr (when, ==, "by 2027-01-01 23:10 (UTC+08:00)");
}

/* Midnight is 00:00 of the day it starts; Japan's offset is +09:00. */
static void
test_due_hours_at_midnight (void)
{
  g_autoptr(EdProcedure) procedure = procedure_with ("JP", NULL, HOURS_24);
  g_autoptr(EdTraveller) midnight = traveller_with ("arrival_date", "2027-02-28",
                                                    "arrival_time", "00:00", NULL);
  g_autoptr(EdTraveller) before = traveller_with ("arrival_date", "2028-02-28",
                                                  "arrival_time", "23:59", NULL);
  g_autoptr(EdDue) at_midnight = compute (procedure, midnight, "register");
  g_autoptr(EdDue) leap = compute (procedure, before, "register");

  assert_due (at_midnight, "2027-02-28T00:00+09:00", "2027-03-01T00:00+09:00");
  /* 2028 is a leap year: the next day is 29 February. */
  assert_due (leap, "2028-02-28T23:59+09:00", "2028-02-29T23:59+09:00");
}

/* Without the arrival time an hour rule cannot be computed: it says
 * what it needs instead of guessing a day. */
static void
test_due_hours_need_the_time (void)
{
  g_autoptr(EdProcedure) procedure = procedure_with ("CN", NULL, HOURS_24);
  g_autoptr(EdTraveller) traveller = traveller_with ("arrival_date", "2026-12-31", NULL);
  g_autoptr(EdDue) due = compute (procedure, traveller, "register");
  g_autofree char *when = ed_due_describe_when (due, procedure, ED_LANGUAGE_EN);
  g_autofree char *until = ed_due_format_until (due);

  g_assert_cmpint (due->state, ==, ED_DUE_NEEDS_DATA);
  g_assert_cmpuint (due->needs->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (due->needs, 0), ==, "arrival_time");
  g_assert_null (until);
  g_assert_cmpstr (when, ==, "Waiting for data: needs Arrival time");
}

/* Event candidates: the move-in date and time when given, else the
 * arrival. */
static void
test_due_event_candidates (void)
{
  g_autoptr(EdProcedure) procedure = procedure_with ("CN", NULL,
    "{ \"id\": \"register\", \"kind\": \"deadline\", \"event\": [ \"move-in-date\", "
    "\"arrival_date\" ],"
    "  \"event_time\": [ \"move-in-time\", \"arrival_time\" ], \"hours\": 24,"
    "  \"label\": " L ("Register") " }");
  g_autoptr(EdTraveller) arrived = traveller_with ("arrival_date", "2027-03-01",
                                                   "arrival_time", "08:00", NULL);
  g_autoptr(EdTraveller) moved = traveller_with ("arrival_date", "2027-03-01",
                                                 "arrival_time", "08:00",
                                                 "move-in-date", "2027-03-20",
                                                 "move-in-time", "19:30", NULL);
  g_autoptr(EdDue) first = compute (procedure, arrived, "register");
  g_autoptr(EdDue) second = compute (procedure, moved, "register");

  assert_due (first, "2027-03-01T08:00+08:00", "2027-03-02T08:00+08:00");
  g_assert_cmpstr (first->event, ==, "arrival_date");
  assert_due (second, "2027-03-20T19:30+08:00", "2027-03-21T19:30+08:00");
  g_assert_cmpstr (second->event, ==, "move-in-date");
}

/* Days, unchanged from format 1: the entry day is day 0 or day 1. */
static void
test_due_days (void)
{
  g_autoptr(EdProcedure) procedure = procedure_with ("JP", NULL,
    "{ \"id\": \"zero\", \"kind\": \"deadline\", \"event\": \"arrival_date\", \"days\": 14,"
    "  \"counting\": \"event-day-0\", \"label\": " L ("Day 0") " },"
    "{ \"id\": \"one\", \"kind\": \"deadline\", \"event\": \"arrival_date\", \"days\": 14,"
    "  \"counting\": \"event-day-1\", \"label\": " L ("Day 1") " },"
    "{ \"id\": \"period\", \"kind\": \"period\", \"event\": \"arrival_date\", \"days\": 14,"
    "  \"counting\": \"event-day-0\", \"label\": " L ("Waiting") " }");
  g_autoptr(EdTraveller) traveller = traveller_with ("arrival_date", "2026-12-25", NULL);
  g_autoptr(EdDue) zero = compute (procedure, traveller, "zero");
  g_autoptr(EdDue) one = compute (procedure, traveller, "one");
  g_autoptr(EdDue) period = compute (procedure, traveller, "period");

  assert_due (zero, "2026-12-25", "2027-01-08");
  assert_due (one, "2026-12-25", "2027-01-07");
  /* A waiting period comes out as a window. */
  assert_due (period, "2026-12-25", "2027-01-08");
  g_assert_cmpint (period->kind, ==, ED_DUE_WINDOW);
  g_assert_false (zero->timed);
}

/* Months keep the day where the month has it, and stop at its end. */
static void
test_due_months (void)
{
  g_autoptr(EdProcedure) procedure = procedure_with ("CN", NULL,
    "{ \"id\": \"check\", \"kind\": \"deadline\", \"event\": \"arrival_date\", \"months\": 1,"
    "  \"counting\": \"event-day-0\", \"label\": " L ("Health check") " }");
  g_autoptr(EdTraveller) january = traveller_with ("arrival_date", "2027-01-31", NULL);
  g_autoptr(EdTraveller) leap = traveller_with ("arrival_date", "2028-01-31", NULL);
  g_autoptr(EdTraveller) december = traveller_with ("arrival_date", "2026-12-15", NULL);
  g_autoptr(EdDue) a = compute (procedure, january, "check");
  g_autoptr(EdDue) b = compute (procedure, leap, "check");
  g_autoptr(EdDue) c = compute (procedure, december, "check");

  assert_due (a, "2027-01-31", "2027-02-28");
  assert_due (b, "2028-01-31", "2028-02-29");
  assert_due (c, "2026-12-15", "2027-01-15");
}

/* "From 3 months before the period of stay ends until it ends", and
 * "at least 30 days before the permit expires". */
static void
test_due_counted_back (void)
{
  g_autoptr(EdProcedure) procedure = procedure_with ("JP", NULL,
    "{ \"id\": \"apply\", \"kind\": \"window\", \"event\": \"stay_expiry\","
    "  \"before\": { \"months\": 3 }, \"label\": " L ("Apply") " },"
    "{ \"id\": \"extend\", \"kind\": \"deadline\", \"event\": \"stay_expiry\","
    "  \"before\": { \"days\": 30 }, \"label\": " L ("Extend") " }");
  g_autoptr(EdTraveller) may = traveller_with ("stay_expiry", "2027-05-31", NULL);
  g_autoptr(EdTraveller) march = traveller_with ("stay_expiry", "2028-03-01", NULL);
  g_autoptr(EdDue) window = compute (procedure, may, "apply");
  g_autoptr(EdDue) deadline = compute (procedure, march, "extend");
  g_autofree char *when = ed_due_describe_when (window, procedure, ED_LANGUAGE_EN);

  /* 2027-02-31 does not exist: the window opens on the last day of
   * February. */
  assert_due (window, "2027-02-28", "2027-05-31");
  g_assert_cmpint (window->kind, ==, ED_DUE_WINDOW);
  g_assert_cmpstr (when, ==, "from 2027-02-28 to 2027-05-31");
  /* 30 days before 2028-03-01 crosses 29 February; a deadline counted
   * back has no start. */
  assert_due (deadline, NULL, "2028-01-31");
  g_assert_false (deadline->has_from);
}

/* Hello Work: by the 10th of the month after hiring, or by the end of
 * it; the month after December is next year's January. */
static void
test_due_calendar_months (void)
{
  g_autoptr(EdProcedure) procedure = procedure_with ("JP", NULL,
    "{ \"id\": \"tenth\", \"kind\": \"deadline\", \"event\": \"hire-date\","
    "  \"month_day\": { \"months_after\": 1, \"day\": 10 }, \"label\": " L ("By the 10th") " },"
    "{ \"id\": \"end\", \"kind\": \"deadline\", \"event\": \"hire-date\","
    "  \"month_end\": { \"months_after\": 1 }, \"label\": " L ("By the end") " }");
  g_autoptr(EdTraveller) december = traveller_with ("hire-date", "2026-12-31", NULL);
  g_autoptr(EdTraveller) january = traveller_with ("hire-date", "2028-01-05", NULL);
  g_autoptr(EdTraveller) october = traveller_with ("hire-date", "2027-10-01", NULL);
  g_autoptr(EdDue) a = compute (procedure, december, "tenth");
  g_autoptr(EdDue) b = compute (procedure, january, "end");
  g_autoptr(EdDue) c = compute (procedure, october, "end");

  assert_due (a, "2026-12-31", "2027-01-10");
  assert_due (b, "2028-01-05", "2028-02-29");
  /* The example of procedures-2026.md: hired 10-01, due 11-30. */
  assert_due (c, "2027-10-01", "2027-11-30");
}

/* A rule with an end: an arrival inside it whose dates run past it, and
 * one after it, are both warned about. */
static void
test_due_rule_ends (void)
{
  g_autoptr(EdProcedure) procedure = procedure_with ("CN", NULL,
    "{ \"id\": \"stay\", \"kind\": \"window\", \"event\": \"arrival_date\", \"days\": 30,"
    "  \"counting\": \"event-day-0\", \"valid_until\": \"2026-12-31\","
    "  \"label\": " L ("Visa-free stay") " }");
  g_autoptr(EdTraveller) inside = traveller_with ("arrival_date", "2026-12-29", NULL);
  g_autoptr(EdTraveller) after = traveller_with ("arrival_date", "2027-01-02", NULL);
  g_autoptr(EdTraveller) early = traveller_with ("arrival_date", "2026-11-01", NULL);
  g_autoptr(EdDue) a = compute (procedure, inside, "stay");
  g_autoptr(EdDue) b = compute (procedure, after, "stay");
  g_autoptr(EdDue) c = compute (procedure, early, "stay");
  g_autofree char *warning_a = ed_due_describe_warnings (a, ED_LANGUAGE_EN);
  g_autofree char *warning_b = ed_due_describe_warnings (b, ED_LANGUAGE_EN);
  g_autofree char *warning_c = ed_due_describe_warnings (c, ED_LANGUAGE_EN);

  assert_due (a, "2026-12-29", "2027-01-28");
  g_assert_cmpuint (a->flags & ED_DUE_RUNS_PAST_RULE, !=, 0);
  g_assert_nonnull (strstr (warning_a, "in force until 2026-12-31"));
  g_assert_cmpuint (b->flags & ED_DUE_EVENT_AFTER_RULE, !=, 0);
  g_assert_nonnull (strstr (warning_b, "ended on 2026-12-31"));
  g_assert_null (warning_c);
}

/* The traveller keys a rule counts from may be missing: it says which. */
static void
test_due_needs_the_event (void)
{
  g_autoptr(EdProcedure) procedure = procedure_with ("JP", NULL,
    "{ \"id\": \"apply\", \"kind\": \"window\", \"event\": \"stay_expiry\","
    "  \"before\": { \"months\": 3 }, \"label\": " L ("Apply") " }");
  g_autoptr(EdTraveller) traveller = traveller_with ("arrival_date", "2027-01-10", NULL);
  g_autoptr(EdDue) due = compute (procedure, traveller, "apply");

  g_assert_cmpint (due->state, ==, ED_DUE_NEEDS_DATA);
  g_assert_cmpstr (g_ptr_array_index (due->needs, 0), ==, "stay_expiry");
}

/* A rule for some travellers only: not applicable with the reason, and
 * "may apply" while the answer is missing. */
static void
test_due_applies_if (void)
{
  g_autoptr(EdProcedure) procedure = procedure_with ("JP",
    "\"questions\": [ { \"id\": \"insured\", \"kind\": \"yes-no\","
    "  \"text\": " L ("Joins employment insurance?") " } ]",
    "{ \"id\": \"tenth\", \"kind\": \"deadline\", \"event\": \"hire-date\","
    "  \"month_day\": { \"months_after\": 1, \"day\": 10 }, \"label\": " L ("By the 10th") ","
    "  \"applies_if\": { \"question\": \"insured\", \"is\": \"yes\" } }");
  g_autoptr(EdTraveller) yes = traveller_with ("hire-date", "2027-01-10", "insured", "yes", NULL);
  g_autoptr(EdTraveller) no = traveller_with ("hire-date", "2027-01-10", "insured", "no", NULL);
  g_autoptr(EdTraveller) unknown = traveller_with ("hire-date", "2027-01-10", NULL);
  g_autoptr(EdDue) a = compute (procedure, yes, "tenth");
  g_autoptr(EdDue) b = compute (procedure, no, "tenth");
  g_autoptr(EdDue) c = compute (procedure, unknown, "tenth");
  g_autofree char *reason = ed_due_describe_when (b, procedure, ED_LANGUAGE_EN);

  assert_due (a, "2027-01-10", "2027-02-10");
  g_assert_cmpint (b->state, ==, ED_DUE_NOT_APPLICABLE);
  g_assert_cmpstr (reason, ==, "Not needed: the answer to “Joins employment insurance?” — No");
  assert_due (c, "2027-01-10", "2027-02-10");
  g_assert_cmpuint (c->flags & ED_DUE_MAY_NOT_APPLY, !=, 0);
}

/* Every rule of a procedure, in date order, the uncomputed ones last. */
static void
test_due_order (void)
{
  g_autoptr(EdProcedure) procedure = procedure_with ("JP", NULL,
    "{ \"id\": \"late\", \"kind\": \"deadline\", \"event\": \"arrival_date\", \"days\": 14,"
    "  \"counting\": \"event-day-0\", \"label\": " L ("Late") " },"
    "{ \"id\": \"missing\", \"kind\": \"deadline\", \"event\": \"stay_expiry\","
    "  \"before\": { \"days\": 1 }, \"label\": " L ("Missing") " },"
    "{ \"id\": \"early\", \"kind\": \"deadline\", \"event\": \"arrival_date\", \"days\": 1,"
    "  \"counting\": \"event-day-0\", \"label\": " L ("Early") " }");
  g_autoptr(EdTraveller) traveller = traveller_with ("arrival_date", "2027-01-10", NULL);
  g_autoptr(GPtrArray) dues = NULL;
  GDate today;
  EdFacts facts;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 6, G_DATE_DECEMBER, 2026);
  ed_traveller_get_facts (traveller, &facts, &today);
  dues = ed_procedure_compute_dates (procedure, &facts);
  g_assert_cmpuint (dues->len, ==, 3);
  g_assert_cmpstr (((EdDue *) g_ptr_array_index (dues, 0))->period->id, ==, "early");
  g_assert_cmpstr (((EdDue *) g_ptr_array_index (dues, 1))->period->id, ==, "late");
  g_assert_cmpstr (((EdDue *) g_ptr_array_index (dues, 2))->period->id, ==, "missing");
}

/* The rule said in words, for the wizard, the sheet and `show`. */
static void
test_due_rule_in_words (void)
{
  g_autoptr(EdProcedure) procedure = procedure_with ("CN", NULL, HOURS_24 ","
    "{ \"id\": \"end\", \"kind\": \"deadline\", \"event\": \"hire-date\","
    "  \"month_end\": { \"months_after\": 1 }, \"label\": " L ("By the end") " }");
  g_autofree char *hours = ed_period_describe_rule (ed_procedure_find_period (procedure,
                                                                              "register"),
                                                    procedure, ED_LANGUAGE_EN);
  g_autofree char *end = ed_period_describe_rule (ed_procedure_find_period (procedure, "end"),
                                                  procedure, ED_LANGUAGE_EN);

  g_assert_cmpstr (hours, ==, "24 hours from the time of “Arrival date” (Asia/Shanghai time)");
  g_assert_cmpstr (end, ==, "by the end of the month after “Hire date”");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/due/hours-over-the-year-end", test_due_hours_over_the_year_end);
  g_test_add_func ("/due/hours-at-midnight", test_due_hours_at_midnight);
  g_test_add_func ("/due/hours-need-the-time", test_due_hours_need_the_time);
  g_test_add_func ("/due/event-candidates", test_due_event_candidates);
  g_test_add_func ("/due/days", test_due_days);
  g_test_add_func ("/due/months", test_due_months);
  g_test_add_func ("/due/counted-back", test_due_counted_back);
  g_test_add_func ("/due/calendar-months", test_due_calendar_months);
  g_test_add_func ("/due/rule-ends", test_due_rule_ends);
  g_test_add_func ("/due/needs-the-event", test_due_needs_the_event);
  g_test_add_func ("/due/applies-if", test_due_applies_if);
  g_test_add_func ("/due/order", test_due_order);
  g_test_add_func ("/due/rule-in-words", test_due_rule_in_words);

  return g_test_run ();
}
