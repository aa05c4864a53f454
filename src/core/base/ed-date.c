/* ed-date.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "ed-date.h"

/**
 * ed_date_parse:
 * @text: a date written `YYYY-MM-DD`
 * @date: (out caller-allocates): the date, when it exists
 *
 * Only the exact form is accepted, and only dates that exist:
 * `2023-02-30`, `2023-2-3` and `2023/02/03` are refused.
 *
 * Returns: whether @text is such a date
 */
gboolean
ed_date_parse (const char *text,
               GDate      *date)
{
  guint year, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      gboolean dash = i == 4 || i == 7;

      if (text[i] == '\0')
        return FALSE;
      if (dash ? text[i] != '-' : !g_ascii_isdigit (text[i]))
        return FALSE;
    }
  if (text[10] != '\0')
    return FALSE;

  year = (guint) strtoul (text, NULL, 10);
  month = (guint) strtoul (text + 5, NULL, 10);
  day = (guint) strtoul (text + 8, NULL, 10);

  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

void
ed_date_format_into (const GDate *date,
                     char         buffer[11])
{
  g_return_if_fail (date != NULL && g_date_valid (date));

  g_snprintf (buffer, 11, "%04u-%02u-%02u",
              g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

char *
ed_date_format (const GDate *date)
{
  char buffer[11];

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  ed_date_format_into (date, buffer);
  return g_strdup (buffer);
}

static GDateTime *fixed_now;
G_LOCK_DEFINE_STATIC (fixed_now);

static void
replace_now (GDateTime *now)
{
  G_LOCK (fixed_now);
  g_clear_pointer (&fixed_now, g_date_time_unref);
  if (now != NULL)
    fixed_now = g_date_time_ref (now);
  G_UNLOCK (fixed_now);
}

/**
 * ed_date_set_now:
 * @now: (nullable): a fixed "now" for the whole process; %NULL for the
 *   clock
 *
 * For tests and demonstrations: deadlines, reminders and today are
 * judged at @now. ENTRY_DESK_NOW (an ISO 8601 time) sets it at start.
 */
void
ed_date_set_now (GDateTime *now)
{
  /* ENTRY_DESK_NOW is read first, so that it does not undo this later. */
  g_autoptr(GDateTime) before = ed_date_dup_now ();

  replace_now (now);
}

/**
 * ed_date_dup_now:
 *
 * Returns: (transfer full): now: the fixed time of ed_date_set_now() or
 *   ENTRY_DESK_NOW, or the clock's, in the local zone
 */
GDateTime *
ed_date_dup_now (void)
{
  static gsize from_environment = 0;
  GDateTime *now = NULL;

  if (g_once_init_enter (&from_environment))
    {
      const char *text = g_getenv ("ENTRY_DESK_NOW");

      if (text != NULL && *text != '\0')
        {
          g_autoptr(GTimeZone) local = g_time_zone_new_local ();
          g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (text, local);

          /* Not ed_date_set_now (): it reads ENTRY_DESK_NOW first. */
          if (parsed != NULL)
            replace_now (parsed);
          else
            g_warning ("ENTRY_DESK_NOW is not an ISO 8601 time: %s", text);
        }
      g_once_init_leave (&from_environment, 1);
    }

  G_LOCK (fixed_now);
  if (fixed_now != NULL)
    now = g_date_time_ref (fixed_now);
  G_UNLOCK (fixed_now);

  return now != NULL ? now : g_date_time_new_now_local ();
}

/**
 * ed_date_today:
 *
 * Today in the local time zone; tests fix it with ED_TODAY=YYYY-MM-DD,
 * or with a fixed now (ed_date_set_now()).
 */
void
ed_date_today (GDate *date)
{
  const char *fixed = g_getenv ("ED_TODAY");
  g_autoptr(GDateTime) now = NULL;

  if (fixed != NULL && ed_date_parse (fixed, date))
    return;

  now = ed_date_dup_now ();
  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
}
