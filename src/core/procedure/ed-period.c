/* ed-period.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ed-date.h"
#include "ed-mo.h"
#include "ed-period.h"

/* GDate stops at year 65535; procedure dates stay far below. */
#define LAST_YEAR 60000
/* Before it a date is a typo, and counting back from it could leave GDate's range. */
#define FIRST_YEAR 1000

/**
 * ed_period_evaluate:
 * @event: the day the period counts from (an arrival, a diagnosis)
 * @first_day: (out caller-allocates) (optional): the event day itself,
 *   the first day the period covers whatever its number
 * @last_day: (out caller-allocates) (optional): the last day covered
 *
 * `event-day-0` (Japan's 14 days): the event day is day 0 and the last
 * day is event + days, so an arrival on 2022-01-01 waits until
 * 2022-01-15. `event-day-1`: the event day is day 1 and the last day is
 * event + days − 1.
 *
 * Returns: whether @event is a valid date (the out dates are set only
 *   then)
 */
gboolean
ed_period_evaluate (const EdPeriod *period,
                    const GDate    *event,
                    GDate          *first_day,
                    GDate          *last_day)
{
  GDate first, last;

  g_return_val_if_fail (period != NULL, FALSE);

  if (event == NULL || !g_date_valid (event) || g_date_get_year (event) > LAST_YEAR ||
      g_date_get_year (event) < FIRST_YEAR)
    return FALSE;

  ed_period_evaluate_days (period, event, &first, &last);
  if (first_day != NULL)
    *first_day = first;
  if (last_day != NULL)
    *last_day = last;

  return TRUE;
}

/* Day @day (31: the last) of the month @months_after months after
 * @event's, clamped to that month's length. */
static void
month_day (const GDate *event,
           int          months_after,
           int          day,
           GDate       *result)
{
  GDateYear year = g_date_get_year (event);
  GDateMonth month = g_date_get_month (event);
  guint8 length;

  g_date_clear (result, 1);
  g_date_set_dmy (result, 1, month, year);
  g_date_add_months (result, (guint) months_after);
  length = g_date_get_days_in_month (g_date_get_month (result), g_date_get_year (result));
  g_date_set_day (result, (GDateDay) MIN (day, length));
}

/**
 * ed_period_evaluate_days:
 * @event: a valid date
 * @first_day: (out caller-allocates): where the rule starts
 * @last_day: (out caller-allocates): its last day
 *
 * The days of any rule. `days` and `months` count forward from the event
 * (event-day-0: the event is day 0, so 14 days after 2022-01-01 end on
 * 2022-01-15; event-day-1: it is day 1); months keep the day of the
 * month where the month has it (01-31 + 1 month = 02-28 or 02-29).
 * `before` counts back: a window runs from event − N to the event, a
 * deadline falls on event − N. `month_day` and `month_end` fall on a day
 * of the Nth month after the event's. `hours` cover whole days here
 * (ed_period_compute() gives their times).
 */
void
ed_period_evaluate_days (const EdPeriod *period,
                         const GDate    *event,
                         GDate          *first_day,
                         GDate          *last_day)
{
  /* Hand-made schema-1 periods set only `days`. */
  guint amount = (guint) MAX (period->count == ED_COUNT_DAYS ? period->days : period->amount, 0);

  *first_day = *event;
  *last_day = *event;

  switch (period->count)
    {
    case ED_COUNT_DAYS:
      if (period->counting == ED_COUNTING_EVENT_DAY_1 && amount > 0)
        amount--;
      g_date_add_days (last_day, amount);
      break;
    case ED_COUNT_MONTHS:
      g_date_add_months (last_day, amount);
      if (period->counting == ED_COUNTING_EVENT_DAY_1 && amount > 0)
        g_date_subtract_days (last_day, 1);
      break;
    case ED_COUNT_HOURS:
      g_date_add_days (last_day, (amount + 23) / 24);
      break;
    case ED_COUNT_BEFORE_DAYS:
      g_date_subtract_days (first_day, amount);
      if (period->kind == ED_PERIOD_DEADLINE)
        *last_day = *first_day;
      break;
    case ED_COUNT_BEFORE_MONTHS:
      g_date_subtract_months (first_day, amount);
      if (period->kind == ED_PERIOD_DEADLINE)
        *last_day = *first_day;
      break;
    case ED_COUNT_MONTH_DAY:
      month_day (event, period->months_after, period->month_day, last_day);
      break;
    case ED_COUNT_MONTH_END:
      month_day (event, period->months_after, 31, last_day);
      break;
    default:
      g_return_if_reached ();
    }
}

/**
 * ed_period_day_number:
 *
 * Returns: the number of @date in the period's counting: 0 on the event
 *   day for `event-day-0`, 1 for `event-day-1`; negative before it and
 *   beyond the period's days after its last day
 */
int
ed_period_day_number (const EdPeriod *period,
                      const GDate    *event,
                      const GDate    *date)
{
  int number;

  g_return_val_if_fail (period != NULL, 0);
  g_return_val_if_fail (event != NULL && g_date_valid (event), 0);
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  number = g_date_days_between (event, date);
  if (period->counting == ED_COUNTING_EVENT_DAY_1)
    number++;

  return number;
}

/* Returns: whether @date is one of the days the period covers */
gboolean
ed_period_includes (const EdPeriod *period,
                    const GDate    *event,
                    const GDate    *date)
{
  GDate first, last;

  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (!ed_period_evaluate (period, event, &first, &last))
    return FALSE;

  return g_date_compare (date, &first) >= 0 && g_date_compare (date, &last) <= 0;
}

/**
 * ed_period_describe_day:
 * @language: the language of the text
 *
 * Returns: (transfer full) (nullable): "Day 5 of 14" in @language, or
 *   %NULL when the period does not cover @date
 */
char *
ed_period_describe_day (const EdPeriod *period,
                        const GDate    *event,
                        const GDate    *date,
                        EdLanguage      language)
{
  g_return_val_if_fail (language < ED_N_LANGUAGES, NULL);

  if (!ed_period_includes (period, event, date))
    return NULL;

  return g_strdup_printf (ed_translate (language, "period", "Day %d of %d"),
                          ed_period_day_number (period, event, date), period->days);
}
