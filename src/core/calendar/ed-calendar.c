/* ed-calendar.c — a case's timeline as an iCalendar file
 *
 * Each event is the whole last day in the place's zone (a day rule) or
 * the deadline's moment (an hour rule), DTSTART and DTEND carrying the
 * zone's IANA id as TZID, described by a VTIMEZONE that libical makes
 * from the system's zone database. Events are transparent (they do not
 * make anyone busy) and remind: a deadline some days before, a window
 * when it opens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-calendar.h"
#include "ed-error.h"
#include "ed-ical.h"
#include "ed-mo.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

typedef struct
{
  icalcomponent *calendar;
  GHashTable    *zones;       /* IANA id → icaltimezone *, those with a VTIMEZONE */
} Writer;

/* The zone's VTIMEZONE once, under its IANA id. Returns: (nullable): the
 * zone, or %NULL when libical does not know it (times go out in UTC). */
static icaltimezone *
use_zone (Writer     *writer,
          const char *identifier)
{
  icaltimezone *zone;
  icalcomponent *vtimezone;
  icalproperty *tzid;

  if (identifier == NULL)
    return NULL;
  if (g_hash_table_contains (writer->zones, identifier))
    return g_hash_table_lookup (writer->zones, identifier);

  zone = icaltimezone_get_builtin_timezone (identifier);
  g_hash_table_insert (writer->zones, g_strdup (identifier), zone);
  if (zone == NULL)
    return NULL;

  vtimezone = icalcomponent_new_clone (icaltimezone_get_component (zone));
  tzid = icalcomponent_get_first_property (vtimezone, ICAL_TZID_PROPERTY);
  if (tzid != NULL)
    icalproperty_set_tzid (tzid, identifier);
  else
    icalcomponent_add_property (vtimezone, icalproperty_new_tzid (identifier));
  icalcomponent_add_component (writer->calendar, vtimezone);

  return zone;
}

static struct icaltimetype
local_time (GDateTime *time)
{
  struct icaltimetype t = icaltime_null_time ();

  t.year = g_date_time_get_year (time);
  t.month = g_date_time_get_month (time);
  t.day = g_date_time_get_day_of_month (time);
  t.hour = g_date_time_get_hour (time);
  t.minute = g_date_time_get_minute (time);
  t.second = g_date_time_get_second (time);
  return t;
}

/* DTSTART or DTEND at @time: in the zone when libical knows it, in UTC
 * otherwise. */
static icalproperty *
time_property (Writer     *writer,
               gboolean    start,
               GDateTime  *time,
               const char *identifier)
{
  struct icaltimetype t;
  icalproperty *property;

  if (use_zone (writer, identifier) != NULL)
    {
      t = local_time (time);
      property = start ? icalproperty_new_dtstart (t) : icalproperty_new_dtend (t);
      icalproperty_add_parameter (property, icalparameter_new_tzid (identifier));
      return property;
    }

  t = icaltime_from_timet_with_zone (g_date_time_to_unix (time), 0,
                                     icaltimezone_get_utc_timezone ());
  return start ? icalproperty_new_dtstart (t) : icalproperty_new_dtend (t);
}

static GDateTime *
start_of (const GDate *day,
          GTimeZone   *zone)
{
  return g_date_time_new (zone, g_date_get_year (day), g_date_get_month (day),
                          g_date_get_day (day), 0, 0, 0);
}

static char *
describe (const EdTimelineEntry *entry,
          const char            *reference,
          guint                  n_travellers,
          EdLanguage             language)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *when = ed_timeline_entry_describe_when (entry, language);
  g_autofree char *warnings = ed_due_describe_warnings (entry->due, language);
  EdText *note = entry->due->period->note;

  g_string_append_printf (text, "%s\n%s",
                          ed_text_lookup (ed_procedure_get_title (entry->procedure), language),
                          when);
  if (note != NULL)
    g_string_append_printf (text, "\n%s", ed_text_lookup (note, language));
  if (warnings != NULL)
    g_string_append_printf (text, "\n%s", warnings);

  /* Whose: the case, and the traveller by their place, never by name. */
  g_string_append_c (text, '\n');
  if (reference != NULL && n_travellers > 1)
    g_string_append_printf (text, ed_translate (language, "calendar",
                                                "Case %s, traveller %u of %u"),
                            reference, entry->traveller_index + 1, n_travellers);
  else if (reference != NULL)
    g_string_append_printf (text, ed_translate (language, "calendar", "Case %s"), reference);
  else if (n_travellers > 1)
    g_string_append_printf (text, ed_translate (language, "calendar", "Traveller %u of %u"),
                            entry->traveller_index + 1, n_travellers);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_alarm (icalcomponent         *event,
           const EdTimelineEntry *entry,
           const char            *summary,
           guint                  soon_days)
{
  icalcomponent *alarm = icalcomponent_new_valarm ();
  struct icaltriggertype trigger = { icaltime_null_time (), icaldurationtype_null_duration () };

  /* A window when it opens; a deadline some days before, or at its
   * start when it is that close. */
  if (entry->from_at != 0)
    trigger.time = icaltime_from_timet_with_zone (entry->from_at, 0,
                                                  icaltimezone_get_utc_timezone ());
  else
    trigger.duration = icaldurationtype_from_int (-(int) soon_days * 24 * 3600);

  icalcomponent_add_property (alarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
  icalcomponent_add_property (alarm, icalproperty_new_trigger (trigger));
  icalcomponent_add_property (alarm, icalproperty_new_description (summary));
  icalcomponent_add_component (event, alarm);
}

static void
add_event (Writer                *writer,
           const EdTimelineEntry *entry,
           const char            *reference,
           guint                  n_travellers,
           EdLanguage             language,
           GDateTime             *stamp,
           guint                  soon_days)
{
  const EdDue *due = entry->due;
  g_autoptr(GTimeZone) zone = ed_procedure_dup_time_zone (entry->procedure, due->period);
  const char *identifier = g_time_zone_get_identifier (zone);
  const char *label = ed_text_lookup (due->period->label, language);
  g_autofree char *uid = NULL;
  g_autofree char *description = describe (entry, reference, n_travellers, language);
  g_autofree char *summary = reference != NULL ? g_strdup_printf ("%s (%s)", label, reference)
                                               : g_strdup (label);
  icalcomponent *event = icalcomponent_new_vevent ();

  uid = g_strdup_printf ("%s-%s-%s-%u@entrydesk.github.io",
                         reference != NULL ? reference : "case",
                         ed_procedure_get_id (entry->procedure), due->period->id,
                         entry->traveller_index + 1);
  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (
                                       icaltime_from_timet_with_zone (
                                         g_date_time_to_unix (stamp), 0,
                                         icaltimezone_get_utc_timezone ())));

  if (due->timed)
    {
      /* The moment of the deadline: an event that takes no time. */
      g_autoptr(GDateTime) until = g_date_time_to_timezone (due->until, zone);

      icalcomponent_add_property (event, time_property (writer, TRUE, until, identifier));
    }
  else
    {
      /* The whole last day, in the place's zone. */
      g_autoptr(GDateTime) start = start_of (&due->until_day, zone);
      g_autoptr(GDateTime) end = g_date_time_add_days (start, 1);

      icalcomponent_add_property (event, time_property (writer, TRUE, start, identifier));
      icalcomponent_add_property (event, time_property (writer, FALSE, end, identifier));
    }

  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  icalcomponent_add_property (event, icalproperty_new_description (description));
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
  icalcomponent_add_property (event, icalproperty_new_categories ("Entry Desk"));
  add_alarm (event, entry, summary, soon_days);
  icalcomponent_add_component (writer->calendar, event);
}

/**
 * ed_timeline_to_ical:
 * @reference: (nullable): the case reference as shown ("ED-7K3M-Q9")
 * @n_travellers: how many travellers the case has (a family's events say
 *   whose they are, by their place)
 * @language: the language of the summaries and descriptions
 *
 * One VEVENT for each entry of @timeline still to do, each with a
 * VALARM; the timeline's "now" is the DTSTAMP. The text is read back
 * with libical's parser before it is returned.
 *
 * Returns: (transfer full): the iCalendar text, or %NULL with
 *   %ED_ERROR_INVALID when libical finds it wrong
 */
char *
ed_timeline_to_ical (EdTimeline  *timeline,
                     const char  *reference,
                     guint        n_travellers,
                     EdLanguage   language,
                     GError     **error)
{
  g_autoptr(GHashTable) zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDateTime) stamp = NULL;
  g_autoptr(icalcomponent) calendar = NULL;
  g_autofree char *name = NULL;
  char *text;
  Writer writer;

  g_return_val_if_fail (timeline != NULL, NULL);

  if (!ed_ical_load (error))
    return NULL;

  stamp = g_date_time_to_utc (ed_timeline_get_now (timeline));
  name = reference != NULL ? g_strdup_printf ("Entry Desk %s", reference)
                           : g_strdup ("Entry Desk");
  calendar = icalcomponent_vanew (ICAL_VCALENDAR_COMPONENT,
                                  icalproperty_new_version ("2.0"),
                                  icalproperty_new_prodid ("-//Entry Desk//Entry Desk "
                                                           PACKAGE_VERSION "//EN"),
                                  icalproperty_new_calscale ("GREGORIAN"),
                                  icalproperty_new_method (ICAL_METHOD_PUBLISH),
                                  (void *) 0);
  {
    icalproperty *calendar_name = icalproperty_new_x (name);

    icalproperty_set_x_name (calendar_name, "X-WR-CALNAME");
    icalcomponent_add_property (calendar, calendar_name);
  }
  writer.calendar = calendar;
  writer.zones = zones;

  for (guint i = 0; i < ed_timeline_get_n_entries (timeline); i++)
    {
      const EdTimelineEntry *entry = ed_timeline_get_entry (timeline, i);

      if (entry->state == ED_TIMELINE_DONE || entry->state == ED_TIMELINE_NEEDS_DATA ||
          entry->ended)
        continue;
      add_event (&writer, entry, reference, n_travellers, language, stamp,
                 ed_timeline_get_soon_days (timeline));
    }

  text = icalcomponent_as_ical_string_r (calendar);
  if (ed_ical_count_events (text, error) == G_MAXUINT)
    {
      free (text);
      return NULL;
    }

  /* libical's memory, given back as GLib's. */
  {
    char *copy = g_strdup (text);

    free (text);
    return copy;
  }
}

/**
 * ed_timeline_save_ical:
 * @file: replaced if it exists
 * @n_events: (out) (optional): how many events were written
 *
 * Writes ed_timeline_to_ical() to @file.
 */
gboolean
ed_timeline_save_ical (EdTimeline    *timeline,
                       const char    *reference,
                       guint          n_travellers,
                       EdLanguage     language,
                       GFile         *file,
                       guint         *n_events,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *text = ed_timeline_to_ical (timeline, reference, n_travellers, language,
                                               error);
  g_autoptr(GError) local_error = NULL;

  if (text == NULL)
    return FALSE;

  if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable,
                                &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, ED_ERROR, ED_ERROR_IO, _("Could not write “%s”: %s"), name,
                   local_error->message);
      return FALSE;
    }

  if (n_events != NULL)
    *n_events = ed_ical_count_events (text, NULL);
  return TRUE;
}

/**
 * ed_ical_count_events:
 *
 * Reads an iCalendar text with libical's parser, as a calendar importing
 * it would.
 *
 * Returns: how many VEVENTs it holds, or %G_MAXUINT with
 *   %ED_ERROR_INVALID when it is not a calendar or libical reports an
 *   error in it
 */
guint
ed_ical_count_events (const char  *data,
                      GError     **error)
{
  g_autoptr(icalcomponent) calendar = NULL;
  int n_errors;

  if (!ed_ical_load (error))
    return G_MAXUINT;

  calendar = icalparser_parse_string (data);
  if (calendar == NULL || icalcomponent_isa (calendar) != ICAL_VCALENDAR_COMPONENT)
    {
      g_set_error_literal (error, ED_ERROR, ED_ERROR_INVALID,
                           _("This is not an iCalendar file"));
      return G_MAXUINT;
    }

  n_errors = icalcomponent_count_errors (calendar);
  if (n_errors > 0)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "The iCalendar file has %d error",
                                "The iCalendar file has %d errors", n_errors), n_errors);
      return G_MAXUINT;
    }

  return (guint) icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT);
}
