/* ed-due.c — date rules worked out for one traveller
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ed-date.h"
#include "ed-due.h"
#include "ed-mo.h"
#include "ed-period.h"
#include "ed-procedure-private.h"

/* Where GLib finds no time zone database (a bare Windows), the zones of
 * the catalog still work: neither has had summer time since 1991. */
static const struct
{
  const char *identifier;
  gint32      offset;
} known_zones[] = {
  { "Asia/Shanghai", 8 * 3600 },
  { "Asia/Tokyo", 9 * 3600 },
  { "UTC", 0 },
};

/**
 * ed_procedure_dup_time_zone:
 * @period: (nullable): a rule with its own zone
 *
 * Returns: (transfer full): the zone @period's times are in: its own, the
 *   procedure's, or its country's
 */
GTimeZone *
ed_procedure_dup_time_zone (EdProcedure    *procedure,
                            const EdPeriod *period)
{
  const char *identifier = period != NULL && period->time_zone != NULL
                           ? period->time_zone : ed_procedure_get_time_zone (procedure);
  GTimeZone *zone = g_time_zone_new_identifier (identifier);

  if (zone != NULL)
    return zone;

  for (guint i = 0; i < G_N_ELEMENTS (known_zones); i++)
    if (g_strcmp0 (identifier, known_zones[i].identifier) == 0)
      return g_time_zone_new_offset (known_zones[i].offset);

  return g_time_zone_new_utc ();
}

void
ed_due_free (EdDue *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->needs, g_ptr_array_unref);
  g_clear_pointer (&self->from, g_date_time_unref);
  g_clear_pointer (&self->until, g_date_time_unref);
  g_clear_pointer (&self->applicability, ed_applicability_free);
  g_free (self);
}

/* "HH:MM", 24 hours. */
static gboolean
parse_time (const char *text,
            int        *hour,
            int        *minute)
{
  if (text == NULL || strlen (text) != 5 || text[2] != ':' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return FALSE;

  *hour = (text[0] - '0') * 10 + (text[1] - '0');
  *minute = (text[3] - '0') * 10 + (text[4] - '0');
  return *hour < 24 && *minute < 60;
}

static void
set_day_from (GDate     *day,
              GDateTime *time)
{
  g_date_clear (day, 1);
  g_date_set_dmy (day, (GDateDay) g_date_time_get_day_of_month (time),
                  (GDateMonth) g_date_time_get_month (time),
                  (GDateYear) g_date_time_get_year (time));
}

/* The time the hours count from: @event_day at the traveller's time, in
 * the rule's zone. */
static gboolean
compute_times (EdDue          *self,
               EdProcedure    *procedure,
               const EdFacts  *facts,
               const GDate    *event_day,
               guint           event_index)
{
  const EdPeriod *period = self->period;
  const char *time_key = NULL;
  g_autofree char *time = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  int hour, minute;

  if (period->event_times != NULL && event_index < period->event_times->len)
    time_key = g_ptr_array_index (period->event_times, event_index);
  time = time_key != NULL ? ed_procedure_dup_fact (procedure, facts, time_key) : NULL;
  if (!parse_time (time, &hour, &minute))
    {
      g_ptr_array_add (self->needs, g_strdup (time_key != NULL ? time_key : "arrival_time"));
      return FALSE;
    }

  zone = ed_procedure_dup_time_zone (procedure, period);
  self->from = g_date_time_new (zone, (int) g_date_get_year (event_day),
                                (int) g_date_get_month (event_day),
                                (int) g_date_get_day (event_day), hour, minute, 0);
  if (self->from == NULL)
    return FALSE;
  self->until = g_date_time_add_hours (self->from, period->amount);
  if (self->until == NULL)
    return FALSE;

  self->timed = TRUE;
  set_day_from (&self->from_day, self->from);
  set_day_from (&self->until_day, self->until);
  return TRUE;
}

static void
check_rule_dates (EdDue       *self,
                  const GDate *event_day)
{
  const EdPeriod *period = self->period;
  char event[11], last[11];

  ed_date_format_into (event_day, event);
  ed_date_format_into (&self->until_day, last);

  if (period->valid_until != NULL && strcmp (event, period->valid_until) > 0)
    self->flags |= ED_DUE_EVENT_AFTER_RULE;
  else if (period->valid_until != NULL && strcmp (last, period->valid_until) > 0)
    self->flags |= ED_DUE_RUNS_PAST_RULE;
  if (period->valid_from != NULL && strcmp (event, period->valid_from) < 0)
    self->flags |= ED_DUE_EVENT_BEFORE_RULE;
}

/**
 * ed_period_compute:
 *
 * Works @period out for the traveller of @facts: the first of its event
 * candidates that the traveller has gives the dates; an hour rule also
 * needs the event's time, and is computed in the rule's time zone.
 *
 * Returns: (transfer full): the rule's dates, or what it waits for, or
 *   why it does not apply
 */
EdDue *
ed_period_compute (const EdPeriod *period,
                   EdProcedure    *procedure,
                   const EdFacts  *facts)
{
  EdDue *self = g_new0 (EdDue, 1);
  GDate event_day;
  gboolean found = FALSE;
  guint index = 0;

  g_return_val_if_fail (period != NULL, self);
  g_return_val_if_fail (ED_IS_PROCEDURE (procedure), self);
  g_return_val_if_fail (facts != NULL, self);

  self->period = period;
  self->kind = period->kind == ED_PERIOD_DEADLINE ? ED_DUE_DEADLINE : ED_DUE_WINDOW;
  self->needs = g_ptr_array_new_with_free_func (g_free);
  self->state = ED_DUE_NEEDS_DATA;
  g_date_clear (&self->from_day, 1);
  g_date_clear (&self->until_day, 1);
  if (period->unverified)
    self->flags |= ED_DUE_UNVERIFIED;

  self->applicability = ed_procedure_check_period (procedure, period, facts);
  if (self->applicability->applies == ED_APPLIES_NO)
    {
      self->state = ED_DUE_NOT_APPLICABLE;
      return self;
    }
  if (self->applicability->applies == ED_APPLIES_UNKNOWN)
    self->flags |= ED_DUE_MAY_NOT_APPLY;
  else
    g_clear_pointer (&self->applicability, ed_applicability_free);

  for (index = 0; index < period->events->len && !found; index++)
    {
      const char *candidate = g_ptr_array_index (period->events, index);
      g_autofree char *value = ed_procedure_dup_fact (procedure, facts, candidate);

      if (ed_date_parse (value, &event_day) &&
          ed_period_evaluate (period, &event_day, &self->from_day, &self->until_day))
        {
          self->event = candidate;
          found = TRUE;
        }
    }
  if (!found)
    {
      self->event = period->event;
      g_ptr_array_add (self->needs, g_strdup (period->event));
      return self;
    }
  index--;

  self->has_from = !(period->kind == ED_PERIOD_DEADLINE &&
                     (period->count == ED_COUNT_BEFORE_DAYS ||
                      period->count == ED_COUNT_BEFORE_MONTHS));

  if (period->count == ED_COUNT_HOURS &&
      !compute_times (self, procedure, facts, &event_day, index))
    return self;

  check_rule_dates (self, &event_day);
  self->state = ED_DUE_COMPUTED;
  return self;
}

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  const EdDue *x = *(EdDue * const *) a;
  const EdDue *y = *(EdDue * const *) b;

  /* Computed dates first, by their last day; the others keep the file's
   * order after them (the sort is stable). */
  if ((x->state == ED_DUE_COMPUTED) != (y->state == ED_DUE_COMPUTED))
    return x->state == ED_DUE_COMPUTED ? -1 : 1;
  if (x->state != ED_DUE_COMPUTED)
    return 0;
  if (x->timed && y->timed)
    return g_date_time_compare (x->until, y->until);
  return g_date_compare (&x->until_day, &y->until_day);
}

/**
 * ed_procedure_compute_dates:
 *
 * Returns: (transfer full) (element-type EdDue): every date rule of
 *   @procedure for the traveller of @facts: computed ones in date order,
 *   then those waiting for data or not applicable, in the file's order
 */
GPtrArray *
ed_procedure_compute_dates (EdProcedure   *procedure,
                            const EdFacts *facts)
{
  GPtrArray *dues = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_due_free);
  GPtrArray *periods;

  g_return_val_if_fail (ED_IS_PROCEDURE (procedure), dues);

  periods = ed_procedure_get_periods (procedure);
  for (guint i = 0; i < periods->len; i++)
    g_ptr_array_add (dues, ed_period_compute (g_ptr_array_index (periods, i), procedure, facts));

  g_ptr_array_sort (dues, compare_due);
  return dues;
}

const char *
ed_due_kind_to_string (EdDueKind kind)
{
  return kind == ED_DUE_DEADLINE ? "deadline" : "window";
}

static char *
format_point (const EdDue     *self,
              GDateTime       *time,
              const GDate     *day)
{
  if (self->timed)
    return g_date_time_format (time, "%Y-%m-%dT%H:%M%:z");
  return ed_date_format (day);
}

/**
 * ed_due_format_from:
 *
 * Returns: (transfer full) (nullable): ISO 8601: a date-time with its
 *   offset for an hour rule (`2026-12-31T23:10+08:00`), a date otherwise;
 *   %NULL when the rule has no start or was not computed
 */
char *
ed_due_format_from (const EdDue *self)
{
  if (self->state != ED_DUE_COMPUTED || !self->has_from)
    return NULL;
  return format_point (self, self->from, &self->from_day);
}

/**
 * ed_due_format_until:
 *
 * Returns: (transfer full) (nullable): the deadline or the window's end,
 *   as ed_due_format_from()
 */
char *
ed_due_format_until (const EdDue *self)
{
  if (self->state != ED_DUE_COMPUTED)
    return NULL;
  return format_point (self, self->until, &self->until_day);
}

/* "2027-01-01 23:10" */
static char *
human_point (const EdDue *self,
             GDateTime   *time,
             const GDate *day)
{
  if (self->timed)
    return g_date_time_format (time, "%Y-%m-%d %H:%M");
  return ed_date_format (day);
}

/**
 * ed_due_describe_when:
 *
 * Returns: (transfer full): in @language, when: "by 2027-01-01 23:10
 *   (UTC+08:00)", "from 2027-02-11 to 2027-05-10", or what it waits for,
 *   or why it does not apply
 */
char *
ed_due_describe_when (const EdDue *self,
                      EdProcedure *procedure,
                      EdLanguage   language)
{
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  g_autofree char *zone = NULL;
  char *text;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->state == ED_DUE_NOT_APPLICABLE)
    return ed_applicability_describe (self->applicability, procedure, language);

  if (self->state == ED_DUE_NEEDS_DATA)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *list = NULL;

      for (guint i = 0; i < self->needs->len; i++)
        g_ptr_array_add (names, ed_procedure_describe_missing (procedure,
                                                               g_ptr_array_index (self->needs, i),
                                                               language));
      g_ptr_array_add (names, NULL);
      list = g_strjoinv (ed_translate (language, "list", ", "), (char **) names->pdata);
      return g_strdup_printf (ed_translate (language, "due", "Waiting for data: needs %s"), list);
    }

  until = human_point (self, self->until, &self->until_day);
  if (self->has_from && self->kind == ED_DUE_WINDOW)
    from = human_point (self, self->from, &self->from_day);
  if (self->timed)
    zone = g_date_time_format (self->until, "UTC%:z");

  if (from != NULL && zone != NULL)
    text = g_strdup_printf (ed_translate (language, "due", "from %s to %s (%s)"), from, until,
                            zone);
  else if (from != NULL)
    text = g_strdup_printf (ed_translate (language, "due", "from %s to %s"), from, until);
  else if (zone != NULL)
    text = g_strdup_printf (ed_translate (language, "due", "by %s (%s)"), until, zone);
  else
    text = g_strdup_printf (ed_translate (language, "due", "by %s"), until);

  return text;
}

/**
 * ed_due_describe_warnings:
 *
 * Returns: (transfer full) (nullable): in @language, what staff must know
 *   before relying on the dates (the rule ended, runs out during the
 *   stay, rests on a weak source); %NULL when nothing
 */
char *
ed_due_describe_warnings (const EdDue *self,
                          EdLanguage   language)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const EdPeriod *period;

  g_return_val_if_fail (self != NULL, NULL);
  period = self->period;

#define SENTENCE(...) \
  G_STMT_START { \
    if (text->len > 0) \
      g_string_append (text, ed_translate (language, "list", " ")); \
    g_string_append_printf (text, __VA_ARGS__); \
  } G_STMT_END

  if (self->flags & ED_DUE_EVENT_AFTER_RULE)
    SENTENCE (ed_translate (language, "due", "This rule ended on %s, before these dates: it does "
                                             "not apply to them as written."),
              period->valid_until);
  if (self->flags & ED_DUE_RUNS_PAST_RULE)
    SENTENCE (ed_translate (language, "due", "This rule is in force until %s: these dates run past "
                                             "it."),
              period->valid_until);
  if (self->flags & ED_DUE_EVENT_BEFORE_RULE)
    SENTENCE (ed_translate (language, "due", "This rule starts on %s, after these dates."),
              period->valid_from);
  if (self->flags & ED_DUE_UNVERIFIED)
    SENTENCE ("%s", ed_translate (language, "due", "Check before use: this date rests on a single "
                                                   "or uncertain source."));

#undef SENTENCE

  if (text->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * ed_period_describe_rule:
 *
 * Returns: (transfer full): the rule in words, in @language: "24 hours
 *   after “Arrival date” (Asia/Shanghai)", "from 3 months before “End of
 *   the authorised stay” until that day", "by the 10th of the month
 *   after “Hire date”"
 */
char *
ed_period_describe_rule (const EdPeriod *period,
                         EdProcedure    *procedure,
                         EdLanguage      language)
{
  g_autofree char *event = ed_procedure_describe_missing (procedure, period->event, language);
  char *text = NULL;

  switch (period->count)
    {
    case ED_COUNT_DAYS:
      text = g_strdup_printf (period->counting == ED_COUNTING_EVENT_DAY_0
                              ? ed_translate (language, "rule", "%d days from “%s” (that day is "
                                                                "day 0)")
                              : ed_translate (language, "rule", "%d days from “%s” (that day is "
                                                                "day 1)"),
                              period->days, event);
      break;
    case ED_COUNT_MONTHS:
      text = g_strdup_printf (ed_translate (language, "rule", "%d months from “%s”"),
                              period->amount, event);
      break;
    case ED_COUNT_HOURS:
      text = g_strdup_printf (ed_translate (language, "rule", "%d hours from the time of “%s” (%s "
                                                              "time)"),
                              period->amount, event,
                              period->time_zone != NULL ? period->time_zone
                                                        : ed_procedure_get_time_zone (procedure));
      break;
    case ED_COUNT_BEFORE_DAYS:
      text = g_strdup_printf (period->kind == ED_PERIOD_DEADLINE
                              ? ed_translate (language, "rule", "%d days before “%s”")
                              : ed_translate (language, "rule", "from %d days before “%s” until "
                                                                "that day"),
                              period->amount, event);
      break;
    case ED_COUNT_BEFORE_MONTHS:
      text = g_strdup_printf (period->kind == ED_PERIOD_DEADLINE
                              ? ed_translate (language, "rule", "%d months before “%s”")
                              : ed_translate (language, "rule", "from %d months before “%s” until "
                                                                "that day"),
                              period->amount, event);
      break;
    case ED_COUNT_MONTH_DAY:
      if (period->month_day == 31)
        text = g_strdup_printf (ed_translate (language, "rule", "by the last day of the month %d "
                                                                "months after “%s”"),
                                period->months_after, event);
      else if (period->months_after == 1)
        text = g_strdup_printf (ed_translate (language, "rule", "by day %d of the month after "
                                                                "“%s”"),
                                period->month_day, event);
      else
        text = g_strdup_printf (ed_translate (language, "rule", "by day %d of the month %d months "
                                                                "after “%s”"),
                                period->month_day, period->months_after, event);
      break;
    case ED_COUNT_MONTH_END:
      if (period->months_after == 1)
        text = g_strdup_printf (ed_translate (language, "rule", "by the end of the month after "
                                                                "“%s”"),
                                event);
      else
        text = g_strdup_printf (ed_translate (language, "rule", "by the end of the month %d months "
                                                                "after “%s”"),
                                period->months_after, event);
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  return text;
}
