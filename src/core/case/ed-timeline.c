/* ed-timeline.c — every deadline and window of a case, in date order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ed-date.h"
#include "ed-mo.h"
#include "ed-timeline.h"

struct _EdTimeline
{
  gatomicrefcount  ref_count;
  GPtrArray       *entries;     /* EdTimelineEntry, in date order */
  GDateTime       *now;
  guint            soon_days;
};

static void
entry_free (gpointer data)
{
  EdTimelineEntry *entry = data;

  g_clear_object (&entry->procedure);
  g_clear_object (&entry->traveller);
  g_clear_pointer (&entry->due, ed_due_free);
  g_free (entry);
}

EdTimeline *
ed_timeline_ref (EdTimeline *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ed_timeline_unref (EdTimeline *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_ptr_array_unref (self->entries);
  g_date_time_unref (self->now);
  g_free (self);
}

/* The first second of @day in @zone. */
static gint64
start_of_day (const GDate *day,
              GTimeZone   *zone)
{
  g_autoptr(GDateTime) time = g_date_time_new (zone, g_date_get_year (day),
                                               g_date_get_month (day), g_date_get_day (day),
                                               0, 0, 0);

  return time != NULL ? g_date_time_to_unix (time) : 0;
}

/**
 * ed_timeline_judge:
 * @due_at: when it falls due (see #EdTimelineEntry)
 * @end_at: from when it is overdue
 * @from_at: when a window opens, or 0
 * @done: staff marked it done
 * @soon_days: "due soon" within this many days
 *
 * What an entry is at @now. A day rule is due soon when its last day is
 * at most @soon_days days after today in its zone; an hour rule when its
 * deadline is at most @soon_days × 24 hours away.
 */
EdTimelineState
ed_timeline_judge (gint64     due_at,
                   gint64     end_at,
                   gint64     from_at,
                   gboolean   done,
                   GDateTime *now,
                   guint      soon_days)
{
  gint64 seconds = g_date_time_to_unix (now);

  if (done)
    return ED_TIMELINE_DONE;
  if (due_at == G_MAXINT64)
    return ED_TIMELINE_NEEDS_DATA;
  if (seconds >= end_at)
    return ED_TIMELINE_OVERDUE;
  if (due_at - seconds <= (gint64) soon_days * 24 * 3600)
    return ED_TIMELINE_DUE_SOON;
  if (from_at != 0 && seconds >= from_at)
    return ED_TIMELINE_OPEN;

  return ED_TIMELINE_UPCOMING;
}

static void
set_times (EdTimelineEntry *entry)
{
  const EdDue *due = entry->due;
  g_autoptr(GTimeZone) zone = NULL;

  if (due->state != ED_DUE_COMPUTED)
    {
      entry->due_at = entry->end_at = G_MAXINT64;
      return;
    }

  if (due->timed)
    {
      entry->due_at = entry->end_at = g_date_time_to_unix (due->until);
      if (due->has_from && due->kind == ED_DUE_WINDOW)
        entry->from_at = g_date_time_to_unix (due->from);
      return;
    }

  zone = ed_procedure_dup_time_zone (entry->procedure, due->period);
  entry->due_at = start_of_day (&due->until_day, zone);
  entry->end_at = entry->due_at + 24 * 3600;
  if (g_date_valid (&due->until_day))
    {
      GDate next = due->until_day;

      g_date_add_days (&next, 1);
      entry->end_at = start_of_day (&next, zone);
    }
  if (due->has_from && due->kind == ED_DUE_WINDOW)
    entry->from_at = start_of_day (&due->from_day, zone);
}

/* Date order; what waits for data last; then the journey's order. */
static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const EdTimelineEntry *ea = *(const EdTimelineEntry * const *) a;
  const EdTimelineEntry *eb = *(const EdTimelineEntry * const *) b;

  if (ea->due_at != eb->due_at)
    return ea->due_at < eb->due_at ? -1 : 1;
  if (ea->from_at != eb->from_at)
    return ea->from_at < eb->from_at ? -1 : 1;
  if (ea->procedure_index != eb->procedure_index)
    return ea->procedure_index < eb->procedure_index ? -1 : 1;
  if (ea->traveller_index != eb->traveller_index)
    return ea->traveller_index < eb->traveller_index ? -1 : 1;
  return 0;
}

static void
add_procedure (EdTimeline         *self,
               EdProcedure        *procedure,
               guint               procedure_index,
               GPtrArray          *travellers,
               EdTimelineDoneFunc  is_done,
               gpointer            data,
               const GDate        *today)
{
  gboolean ended = ed_procedure_has_ended (procedure, today);

  for (guint t = 0; t < travellers->len; t++)
    {
      EdTraveller *traveller = g_ptr_array_index (travellers, t);
      g_autoptr(EdApplicability) applies = NULL;
      g_autoptr(GPtrArray) dues = NULL;
      EdFacts facts;

      ed_traveller_get_facts (traveller, &facts, today);
      applies = ed_procedure_check_applies (procedure, &facts);
      if (applies->applies == ED_APPLIES_NO)
        continue;

      dues = ed_procedure_compute_dates (procedure, &facts);
      for (guint i = 0; i < dues->len; i++)
        {
          EdDue *due = g_ptr_array_index (dues, i);
          EdTimelineEntry *entry;
          gboolean done;

          if (due->state == ED_DUE_NOT_APPLICABLE)
            continue;

          entry = g_new0 (EdTimelineEntry, 1);
          entry->procedure = g_object_ref (procedure);
          entry->procedure_index = procedure_index;
          entry->traveller = g_object_ref (traveller);
          entry->traveller_index = t;
          entry->ended = ended;
          /* The array gives up the rule: the entry holds it now. */
          entry->due = g_steal_pointer (&dues->pdata[i]);
          if (applies->applies == ED_APPLIES_UNKNOWN)
            entry->due->flags |= ED_DUE_MAY_NOT_APPLY;
          set_times (entry);

          done = is_done != NULL &&
                 is_done (data, ed_procedure_get_id (procedure), t, entry->due->period->id);
          entry->state = ed_timeline_judge (entry->due_at, entry->end_at, entry->from_at, done,
                                            self->now, self->soon_days);
          g_ptr_array_add (self->entries, entry);
        }
    }
}

/**
 * ed_timeline_compute:
 * @travellers: (element-type EdTraveller): the travellers, in order
 * @procedures: (element-type EdProcedure): the procedures, in the
 *   journey's order
 * @is_done: (nullable): says which dates staff marked done
 * @now: what "now" is: due soon and overdue are judged against it, and
 *   statuses and ages on its day
 * @soon_days: "due soon" within this many days (%ED_TIMELINE_SOON_DAYS)
 *
 * Works out every date rule of every procedure for every traveller to
 * whom the procedure applies (or may apply), in date order.
 *
 * Returns: (transfer full): the timeline
 */
EdTimeline *
ed_timeline_compute (GPtrArray          *travellers,
                     GPtrArray          *procedures,
                     EdTimelineDoneFunc  is_done,
                     gpointer            data,
                     GDateTime          *now,
                     guint               soon_days)
{
  EdTimeline *self;
  GDate today;

  g_return_val_if_fail (travellers != NULL && procedures != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  self = g_new0 (EdTimeline, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->entries = g_ptr_array_new_with_free_func (entry_free);
  self->now = g_date_time_ref (now);
  self->soon_days = soon_days;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));

  for (guint p = 0; p < procedures->len; p++)
    add_procedure (self, g_ptr_array_index (procedures, p), p, travellers, is_done, data,
                   &today);

  g_ptr_array_sort (self->entries, compare_entries);
  return self;
}

typedef struct
{
  EdCase    *kase;
  GPtrArray *travellers;
} CaseDone;

static gboolean
case_date_done (gpointer    data,
                const char *procedure_id,
                guint       traveller_index,
                const char *rule_id)
{
  CaseDone *done = data;

  return ed_case_get_date_done (done->kase, procedure_id,
                                g_ptr_array_index (done->travellers, traveller_index), rule_id) ||
         ed_case_get_date_done (done->kase, procedure_id, NULL, rule_id);
}

/**
 * ed_timeline_compute_in:
 * @procedures: (element-type EdCaseProcedure): a case's journey; the
 *   procedures @catalog does not have are left out
 *
 * ed_timeline_compute() for procedures given by id.
 *
 * Returns: (transfer full): the timeline
 */
EdTimeline *
ed_timeline_compute_in (EdCatalog          *catalog,
                        GPtrArray          *travellers,
                        GPtrArray          *procedures,
                        EdTimelineDoneFunc  is_done,
                        gpointer            data,
                        GDateTime          *now,
                        guint               soon_days)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (ED_IS_CATALOG (catalog), NULL);

  for (guint i = 0; i < procedures->len; i++)
    {
      const EdCaseProcedure *item = g_ptr_array_index (procedures, i);
      EdProcedure *procedure = ed_catalog_dup_procedure (catalog, item->id);

      if (procedure != NULL)
        g_ptr_array_add (found, procedure);
    }

  return ed_timeline_compute (travellers, found, is_done, data, now, soon_days);
}

/**
 * ed_case_compute_timeline:
 * @catalog: where the case's procedures are looked up; one it does not
 *   have is left out
 *
 * Returns: (transfer full): the timeline of @kase at @now
 */
EdTimeline *
ed_case_compute_timeline (EdCase    *kase,
                          EdCatalog *catalog,
                          GDateTime *now,
                          guint      soon_days)
{
  return ed_case_compute_timeline_for (kase, NULL, catalog, now, soon_days);
}

/**
 * ed_case_compute_timeline_for:
 * @travellers: (element-type EdTraveller) (nullable): copies of the
 *   case's travellers, in its order, for the entries to hold instead of
 *   the case's own (a worker thread may then read them)
 *
 * ed_case_compute_timeline() with other travellers' objects.
 *
 * Returns: (transfer full): the timeline of @kase at @now
 */
EdTimeline *
ed_case_compute_timeline_for (EdCase    *kase,
                              GPtrArray *travellers,
                              EdCatalog *catalog,
                              GDateTime *now,
                              guint      soon_days)
{
  g_autoptr(GPtrArray) own = g_ptr_array_new_with_free_func (g_object_unref);
  CaseDone done = { kase, own };

  g_return_val_if_fail (ED_IS_CASE (kase), NULL);
  g_return_val_if_fail (travellers == NULL ||
                        travellers->len == ed_case_get_n_travellers (kase), NULL);

  for (guint i = 0; i < ed_case_get_n_travellers (kase); i++)
    g_ptr_array_add (own, g_object_ref (ed_case_get_traveller (kase, i)));

  return ed_timeline_compute_in (catalog, travellers != NULL ? travellers : own,
                                 ed_case_get_procedures (kase), case_date_done, &done, now,
                                 soon_days);
}

guint
ed_timeline_get_n_entries (EdTimeline *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->entries->len;
}

/* Returns: (transfer none) (nullable): the entry at @position */
const EdTimelineEntry *
ed_timeline_get_entry (EdTimeline *self,
                       guint       position)
{
  g_return_val_if_fail (self != NULL, NULL);

  return position < self->entries->len ? g_ptr_array_index (self->entries, position) : NULL;
}

static gboolean
counts (const EdTimelineEntry *entry)
{
  return entry->state != ED_TIMELINE_DONE && entry->state != ED_TIMELINE_NEEDS_DATA &&
         !entry->ended;
}

/**
 * ed_timeline_get_next:
 *
 * Returns: (transfer none) (nullable): the next deadline: the first entry
 *   not done, not waiting for data, not of an ended procedure (overdue
 *   ones included)
 */
const EdTimelineEntry *
ed_timeline_get_next (EdTimeline *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      const EdTimelineEntry *entry = g_ptr_array_index (self->entries, i);

      if (counts (entry))
        return entry;
    }

  return NULL;
}

static void
deadline_clear (gpointer data)
{
  EdDeadline *deadline = data;

  g_free (deadline->procedure_id);
  g_free (deadline->rule_id);
}

static GArray *
deadlines_new (void)
{
  GArray *deadlines = g_array_new (FALSE, TRUE, sizeof (EdDeadline));

  g_array_set_clear_func (deadlines, deadline_clear);
  return deadlines;
}

/**
 * ed_deadlines_copy:
 * @deadlines: (nullable) (element-type EdDeadline): deadlines
 *
 * Returns: (transfer full) (element-type EdDeadline): a copy that shares
 *   nothing; empty for %NULL
 */
GArray *
ed_deadlines_copy (GArray *deadlines)
{
  GArray *copy = deadlines_new ();

  for (guint i = 0; deadlines != NULL && i < deadlines->len; i++)
    {
      EdDeadline deadline = g_array_index (deadlines, EdDeadline, i);

      deadline.procedure_id = g_strdup (deadline.procedure_id);
      deadline.rule_id = g_strdup (deadline.rule_id);
      g_array_append_val (copy, deadline);
    }

  return copy;
}

/**
 * ed_timeline_dup_deadlines:
 *
 * Returns: (transfer full) (element-type EdDeadline): the entries that
 *   are due some day: not done, not waiting for data, not of an ended
 *   procedure; in date order
 */
GArray *
ed_timeline_dup_deadlines (EdTimeline *self)
{
  GArray *deadlines = deadlines_new ();

  g_return_val_if_fail (self != NULL, deadlines);

  for (guint i = 0; i < self->entries->len; i++)
    {
      const EdTimelineEntry *entry = g_ptr_array_index (self->entries, i);
      EdDeadline deadline = {
        .traveller = entry->traveller_index,
        .procedure_id = g_strdup (ed_procedure_get_id (entry->procedure)),
        .rule_id = g_strdup (entry->due->period->id),
        .due_at = entry->due_at,
        .end_at = entry->end_at,
      };

      if (counts (entry))
        g_array_append_val (deadlines, deadline);
      else
        deadline_clear (&deadline);
    }

  return deadlines;
}

/* Returns: how many entries are in @state, ended procedures' left out */
guint
ed_timeline_count (EdTimeline      *self,
                   EdTimelineState  state)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->entries->len; i++)
    {
      const EdTimelineEntry *entry = g_ptr_array_index (self->entries, i);

      n += entry->state == state && !entry->ended;
    }

  return n;
}

/* Returns: (transfer none): the "now" it was judged at */
GDateTime *
ed_timeline_get_now (EdTimeline *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->now;
}

guint
ed_timeline_get_soon_days (EdTimeline *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->soon_days;
}

/* The names the JSON output and the tests use. */
const char *
ed_timeline_state_to_string (EdTimelineState state)
{
  switch (state)
    {
    case ED_TIMELINE_DONE:
      return "done";
    case ED_TIMELINE_OVERDUE:
      return "overdue";
    case ED_TIMELINE_DUE_SOON:
      return "due-soon";
    case ED_TIMELINE_OPEN:
      return "open";
    case ED_TIMELINE_UPCOMING:
      return "upcoming";
    case ED_TIMELINE_NEEDS_DATA:
    default:
      return "needs-data";
    }
}

/**
 * ed_timeline_describe_state:
 *
 * Returns: (transfer full): the mark a person reads, in @language
 */
char *
ed_timeline_describe_state (EdTimelineState state,
                            EdLanguage      language)
{
  switch (state)
    {
    case ED_TIMELINE_DONE:
      return g_strdup (ed_translate (language, "timeline", "Done"));
    case ED_TIMELINE_OVERDUE:
      return g_strdup (ed_translate (language, "timeline", "Overdue"));
    case ED_TIMELINE_DUE_SOON:
      return g_strdup (ed_translate (language, "timeline", "Due soon"));
    case ED_TIMELINE_OPEN:
      return g_strdup (ed_translate (language, "timeline", "Open now"));
    case ED_TIMELINE_UPCOMING:
      return g_strdup (ed_translate (language, "timeline", "Upcoming"));
    case ED_TIMELINE_NEEDS_DATA:
    default:
      return g_strdup (ed_translate (language, "timeline", "Waiting for data"));
    }
}

/**
 * ed_timeline_entry_describe_when:
 *
 * Returns: (transfer full): in @language, when the entry falls due ("by
 *   2027-01-24"), or what it waits for ("Waiting for data: needs the
 *   arrival time")
 */
char *
ed_timeline_entry_describe_when (const EdTimelineEntry *entry,
                                 EdLanguage             language)
{
  g_return_val_if_fail (entry != NULL, NULL);

  return ed_due_describe_when (entry->due, entry->procedure, language);
}

void
ed_next_due_clear (EdNextDue *next)
{
  g_clear_pointer (&next->when, g_free);
  g_clear_pointer (&next->procedure_id, g_free);
  g_clear_pointer (&next->rule_id, g_free);
  next->due_at = next->end_at = 0;
}

/* @entry: (nullable): the next deadline, or %NULL for none */
void
ed_next_due_set_from_entry (EdNextDue             *next,
                            const EdTimelineEntry *entry)
{
  ed_next_due_clear (next);
  if (entry == NULL)
    return;

  next->due_at = entry->due_at;
  next->end_at = entry->end_at;
  next->when = ed_due_format_until (entry->due);
  next->procedure_id = g_strdup (ed_procedure_get_id (entry->procedure));
  next->rule_id = g_strdup (entry->due->period->id);
}

/**
 * ed_next_due_format_when:
 *
 * Returns: (transfer full) (nullable): the deadline for people to read:
 *   "2027-01-24", or "2027-01-11 15:30 (UTC+08:00)" in the place's time
 */
char *
ed_next_due_format_when (const EdNextDue *next)
{
  g_autoptr(GDateTime) time = NULL;

  if (next->when == NULL || strchr (next->when, 'T') == NULL)
    return g_strdup (next->when);

  time = g_date_time_new_from_iso8601 (next->when, NULL);
  /* "2027-01-11T15:30+08:00": GLib wants the seconds. */
  if (time == NULL && strlen (next->when) > 16 && next->when[13] == ':')
    {
      g_autofree char *with_seconds = g_strdup_printf ("%.16s:00%s", next->when,
                                                       next->when + 16);

      time = g_date_time_new_from_iso8601 (with_seconds, NULL);
    }
  if (time == NULL)
    return g_strdup (next->when);
  return g_date_time_format (time, "%Y-%m-%d %H:%M (UTC%:z)");
}

void
ed_next_due_copy (EdNextDue       *to,
                  const EdNextDue *from)
{
  ed_next_due_clear (to);
  to->due_at = from->due_at;
  to->end_at = from->end_at;
  to->when = g_strdup (from->when);
  to->procedure_id = g_strdup (from->procedure_id);
  to->rule_id = g_strdup (from->rule_id);
}
