/* test-date.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "ed-core.h"

static void
test_date_parse (void)
{
  GDate date;
  g_autofree char *text = NULL;

  g_assert_true (ed_date_parse ("2024-02-29", &date));
  g_assert_cmpuint (g_date_get_year (&date), ==, 2024);
  g_assert_cmpuint (g_date_get_month (&date), ==, 2);
  g_assert_cmpuint (g_date_get_day (&date), ==, 29);
  text = ed_date_format (&date);
  g_assert_cmpstr (text, ==, "2024-02-29");

  /* Dates that do not exist, and forms that are not YYYY-MM-DD. */
  g_assert_false (ed_date_parse ("2023-02-29", &date));
  g_assert_false (g_date_valid (&date));
  g_assert_false (ed_date_parse ("2023-02-30", &date));
  g_assert_false (ed_date_parse ("2023-13-01", &date));
  g_assert_false (ed_date_parse ("2023-00-10", &date));
  g_assert_false (ed_date_parse ("0000-01-01", &date));
  g_assert_false (ed_date_parse ("2023-2-3", &date));
  g_assert_false (ed_date_parse ("2023/02/03", &date));
  g_assert_false (ed_date_parse ("2023-02-03 ", &date));
  g_assert_false (ed_date_parse ("２０２３-０２-０３", &date));
  g_assert_false (ed_date_parse ("", &date));
  g_assert_false (ed_date_parse (NULL, &date));
}

static void
test_date_today_fixed (void)
{
  GDate date;
  char buffer[11];

  g_setenv ("ED_TODAY", "2022-10-11", TRUE);
  ed_date_today (&date);
  ed_date_format_into (&date, buffer);
  g_assert_cmpstr (buffer, ==, "2022-10-11");
  g_unsetenv ("ED_TODAY");

  ed_date_today (&date);
  g_assert_true (g_date_valid (&date));
  g_assert_cmpuint (g_date_get_year (&date), >=, 2024);
}

/* ENTRY_DESK_NOW fixes now for the whole process (a start of the app
 * with a fixed clock): read once, in a process of its own. */
static void
test_date_now_from_environment (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GDateTime) now = NULL;
      g_autoptr(GDateTime) later = NULL;
      g_autoptr(GDateTime) fixed = g_date_time_new_from_iso8601 ("2027-02-01T10:00:00Z", NULL);
      GDate date;
      char buffer[11];

      g_setenv ("ENTRY_DESK_NOW", "2027-01-07T09:30:00+09:00", TRUE);
      now = ed_date_dup_now ();
      g_assert_cmpint (g_date_time_to_unix (now), ==, 1799281800);
      ed_date_today (&date);
      ed_date_format_into (&date, buffer);
      g_assert_cmpstr (buffer, ==, "2027-01-07");

      /* A time set later wins over the environment's. */
      ed_date_set_now (fixed);
      later = ed_date_dup_now ();
      g_assert_true (g_date_time_equal (later, fixed));
      return;
    }

  g_test_trap_subprocess (NULL, 10 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse", test_date_parse);
  g_test_add_func ("/date/today-fixed", test_date_today_fixed);
  g_test_add_func ("/date/now-from-environment", test_date_now_from_environment);

  return g_test_run ();
}
