/* test-period.c — date rules: Japan's 14 days and the others
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ed-core.h"
#include "ed-test-util.h"

static EdProcedure *
load_shipped (const char *id)
{
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_build_filename (g_getenv ("ENTRY_DESK_DATADIR"), "procedures",
                                            name, NULL);
  g_autoptr(GError) error = NULL;
  EdProcedure *procedure = ed_procedure_new_from_file (path, ED_ORIGIN_SYSTEM, &error);

  g_assert_no_error (error);
  return procedure;
}

static const EdPeriod *
find_period (EdProcedure *procedure,
             const char  *id)
{
  GPtrArray *periods = ed_procedure_get_periods (procedure);

  for (guint i = 0; i < periods->len; i++)
    if (g_str_equal (((EdPeriod *) g_ptr_array_index (periods, i))->id, id))
      return g_ptr_array_index (periods, i);

  g_assert_not_reached ();
}

static void
assert_last_day (const EdPeriod *period,
                 const char     *event_text,
                 const char     *expected)
{
  GDate event, first, last;
  char buffer[11];

  g_assert_true (ed_date_parse (event_text, &event));
  g_assert_true (ed_period_evaluate (period, &event, &first, &last));
  g_assert_cmpint (g_date_compare (&first, &event), ==, 0);
  ed_date_format_into (&last, buffer);
  g_assert_cmpstr (buffer, ==, expected);
}

/* The waiting period of the shipped MySOS procedure: the entry day is
 * day 0, the last day entry + 14. */
static void
test_period_fourteen_days (void)
{
  g_autoptr(EdProcedure) procedure = load_shipped ("jp-entry-waiting-mysos");
  const EdPeriod *period = find_period (procedure, "waiting-period");

  g_assert_cmpint (period->days, ==, 14);
  g_assert_cmpint (period->counting, ==, ED_COUNTING_EVENT_DAY_0);
  g_assert_cmpstr (period->event, ==, "arrival_date");

  assert_last_day (period, "2022-01-01", "2022-01-15");
  assert_last_day (period, "2021-12-25", "2022-01-08");  /* over a year end */
  assert_last_day (period, "2024-02-20", "2024-03-05");  /* over a leap day */
  assert_last_day (period, "2023-02-20", "2023-03-06");  /* no leap day */
  assert_last_day (period, "2022-01-31", "2022-02-14");  /* over a month end */
  assert_last_day (period, "2022-09-30", "2022-10-14");
}

static void
test_period_event_day_1 (void)
{
  EdPeriod period = { .id = (char *) "test", .kind = ED_PERIOD_PERIOD,
                      .event = (char *) "arrival_date",
                      .days = 14, .counting = ED_COUNTING_EVENT_DAY_1 };
  GDate event, day;
  g_autofree char *text = NULL;

  assert_last_day (&period, "2022-01-01", "2022-01-14");
  assert_last_day (&period, "2021-12-25", "2022-01-07");
  assert_last_day (&period, "2024-02-16", "2024-02-29");
  assert_last_day (&period, "2023-02-16", "2023-03-01");

  period.days = 1;
  assert_last_day (&period, "2023-12-31", "2023-12-31");

  /* Day numbers: the event day is day 1 here. */
  period.days = 14;
  g_assert_true (ed_date_parse ("2022-01-01", &event));
  g_assert_cmpint (ed_period_day_number (&period, &event, &event), ==, 1);
  g_assert_true (ed_date_parse ("2022-01-14", &day));
  g_assert_cmpint (ed_period_day_number (&period, &event, &day), ==, 14);
  g_assert_true (ed_period_includes (&period, &event, &day));
  text = ed_period_describe_day (&period, &event, &day, ED_LANGUAGE_EN);
  g_assert_cmpstr (text, ==, "Day 14 of 14");
  g_date_add_days (&day, 1);
  g_assert_false (ed_period_includes (&period, &event, &day));
  g_assert_null (ed_period_describe_day (&period, &event, &day, ED_LANGUAGE_EN));
}

static void
test_period_day_numbers (void)
{
  g_autoptr(EdProcedure) procedure = load_shipped ("jp-entry-waiting-mysos");
  const EdPeriod *period = find_period (procedure, "waiting-period");
  GDate event, day;
  g_autofree char *en = NULL;
  g_autofree char *ja = NULL;
  g_autofree char *zh = NULL;

  g_assert_true (ed_date_parse ("2022-01-01", &event));
  g_assert_cmpint (ed_period_day_number (period, &event, &event), ==, 0);

  g_assert_true (ed_date_parse ("2022-01-06", &day));
  g_assert_cmpint (ed_period_day_number (period, &event, &day), ==, 5);
  en = ed_period_describe_day (period, &event, &day, ED_LANGUAGE_EN);
  ja = ed_period_describe_day (period, &event, &day, ED_LANGUAGE_JA);
  zh = ed_period_describe_day (period, &event, &day, ED_LANGUAGE_ZH_CN);
  g_assert_cmpstr (en, ==, "Day 5 of 14");
  g_assert_cmpstr (ja, ==, "5日目（全14日間）");
  g_assert_cmpstr (zh, ==, "第5天（共14天）");

  /* The last day is covered, the next one and the day before are not. */
  g_assert_true (ed_date_parse ("2022-01-15", &day));
  g_assert_true (ed_period_includes (period, &event, &day));
  g_date_add_days (&day, 1);
  g_assert_false (ed_period_includes (period, &event, &day));
  g_assert_true (ed_date_parse ("2021-12-31", &day));
  g_assert_false (ed_period_includes (period, &event, &day));
  g_assert_cmpint (ed_period_day_number (period, &event, &day), ==, -1);
}

static void
test_period_event_date (void)
{
  g_autoptr(EdProcedure) mysos = load_shipped ("jp-entry-waiting-mysos");
  g_autoptr(EdProcedure) card = load_shipped ("jp-mynumber-insurance-card");
  g_autoptr(EdTraveller) traveller = ed_traveller_new ();
  const EdPeriod *waiting = find_period (mysos, "waiting-period");
  const EdPeriod *validity = find_period (card, "card-validity");
  GDate event, last;
  char buffer[11];

  /* Nothing entered, or not a date: no event. */
  g_assert_false (ed_traveller_find_event_date (traveller, mysos, waiting, &event));
  ed_traveller_set (traveller, "arrival_date", "2022-02-30");
  g_assert_false (ed_traveller_find_event_date (traveller, mysos, waiting, &event));

  /* From a traveller key. */
  ed_traveller_set (traveller, "arrival_date", "2022-03-28");
  g_assert_true (ed_traveller_find_event_date (traveller, mysos, waiting, &event));
  g_assert_true (ed_period_evaluate (waiting, &event, NULL, &last));
  ed_date_format_into (&last, buffer);
  g_assert_cmpstr (buffer, ==, "2022-04-11");

  /* From an answer to a date field; a 0-day window ends on the event. */
  g_assert_false (ed_traveller_find_event_date (traveller, card, validity, &event));
  ed_traveller_set_answer (traveller, "residence-expiry", "2027-03-31");
  g_assert_true (ed_traveller_find_event_date (traveller, card, validity, &event));
  g_assert_true (ed_period_evaluate (validity, &event, NULL, &last));
  ed_date_format_into (&last, buffer);
  g_assert_cmpstr (buffer, ==, "2027-03-31");
}

static void
test_period_her_sys_window (void)
{
  g_autoptr(EdProcedure) procedure = load_shipped ("jp-my-her-sys");
  const EdPeriod *period = find_period (procedure, "passport-window");
  GDate event, diagnosed;

  g_assert_cmpint (period->kind, ==, ED_PERIOD_WINDOW);
  /* The example its own note gives. */
  assert_last_day (period, "2022-07-01", "2022-07-29");

  g_assert_true (ed_date_parse ("2022-07-01", &event));
  g_assert_true (ed_date_parse ("2022-07-29", &diagnosed));
  g_assert_true (ed_period_includes (period, &event, &diagnosed));
  g_assert_true (ed_date_parse ("2022-07-30", &diagnosed));
  g_assert_false (ed_period_includes (period, &event, &diagnosed));
}

static void
test_period_invalid_event (void)
{
  EdPeriod period = { .days = 14, .counting = ED_COUNTING_EVENT_DAY_0 };
  GDate event, last;

  g_date_clear (&event, 1);
  g_assert_false (ed_period_evaluate (&period, &event, NULL, &last));
  g_assert_false (ed_period_evaluate (&period, NULL, NULL, &last));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/period/fourteen-days", test_period_fourteen_days);
  g_test_add_func ("/period/event-day-1", test_period_event_day_1);
  g_test_add_func ("/period/day-numbers", test_period_day_numbers);
  g_test_add_func ("/period/event-date", test_period_event_date);
  g_test_add_func ("/period/her-sys-window", test_period_her_sys_window);
  g_test_add_func ("/period/invalid-event", test_period_invalid_event);

  return g_test_run ();
}
