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
  guint days;

  g_return_val_if_fail (period != NULL, FALSE);

  if (event == NULL || !g_date_valid (event) || g_date_get_year (event) > LAST_YEAR)
    return FALSE;

  days = (guint) MAX (period->days, 0);
  if (period->counting == ED_COUNTING_EVENT_DAY_1 && days > 0)
    days--;

  if (first_day != NULL)
    *first_day = *event;
  if (last_day != NULL)
    {
      *last_day = *event;
      g_date_add_days (last_day, days);
    }

  return TRUE;
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
