/* ed-timeline.h — every deadline and window of a case, in date order
 *
 * A case's timeline holds every date rule of every procedure of the
 * case, worked out for every traveller (ed-due.h), in the order they
 * fall due, each marked: done (staff marked it), overdue, due soon
 * (within a few days: a setting, 3 by default), open (a window open
 * now), upcoming, or waiting for data ("needs the arrival time"). Rules
 * and procedures that do not apply to a traveller are left out; those
 * of an ended procedure are kept and marked ended, and never count as
 * the next deadline.
 *
 * Everything is judged against a "now" given by the caller, so that the
 * GUI, the CLI, reminders and tests agree on what is due.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ed-case.h"
#include "ed-catalog.h"
#include "ed-due.h"

G_BEGIN_DECLS

/* "Due soon" by default: within this many days. */
#define ED_TIMELINE_SOON_DAYS 3

typedef enum
{
  ED_TIMELINE_DONE,
  ED_TIMELINE_OVERDUE,
  ED_TIMELINE_DUE_SOON,
  ED_TIMELINE_OPEN,        /* a window open now, not closing soon */
  ED_TIMELINE_UPCOMING,
  ED_TIMELINE_NEEDS_DATA,
} EdTimelineState;

/**
 * EdTimelineEntry:
 * @procedure: the procedure of the rule
 * @procedure_index: its place in the case's journey
 * @traveller: the traveller the dates are for
 * @traveller_index: their place in the case
 * @due: the rule worked out for the traveller
 * @state: what the entry is now
 * @ended: the procedure has ended (on the day of "now")
 * @due_at: when it falls due, in seconds since 1970: the deadline of an
 *   hour rule, or the start of the last day (in the rule's zone) of a
 *   day rule; %G_MAXINT64 while it waits for data
 * @end_at: from when it is overdue: the deadline of an hour rule, the
 *   end of the last day of a day rule
 * @from_at: when a window opens, 0 without a start
 *
 * One deadline or window of the timeline. Read-only.
 */
typedef struct
{
  EdProcedure     *procedure;
  guint            procedure_index;
  EdTraveller     *traveller;
  guint            traveller_index;
  EdDue           *due;
  EdTimelineState  state;
  gboolean         ended;
  gint64           due_at;
  gint64           end_at;
  gint64           from_at;
} EdTimelineEntry;

/**
 * EdNextDue:
 * @due_at: as #EdTimelineEntry; 0 when nothing is due
 * @end_at: as #EdTimelineEntry
 * @when: the deadline as ISO 8601: a date (2027-01-24) or a time with
 *   its offset (2027-01-11T14:35+09:00)
 * @procedure_id: the procedure of the rule
 * @rule_id: the rule (`periods[].id`)
 *
 * A case's next deadline, as a case list shows it without working out
 * the timeline again: the earliest entry neither done, nor waiting for
 * data, nor of an ended procedure.
 */
typedef struct
{
  gint64  due_at;
  gint64  end_at;
  char   *when;
  char   *procedure_id;
  char   *rule_id;
} EdNextDue;

/**
 * EdDeadline:
 * @traveller: the traveller's place in the case
 * @procedure_id: the procedure of the rule
 * @rule_id: the rule (`periods[].id`)
 * @due_at: as #EdTimelineEntry
 * @end_at: as #EdTimelineEntry
 *
 * One entry of a timeline that reminders look at (not done, not waiting
 * for data, not of an ended procedure), kept by the store beside the
 * case so that the reminder check reads no case.
 */
typedef struct
{
  guint   traveller;
  char   *procedure_id;
  char   *rule_id;
  gint64  due_at;
  gint64  end_at;
} EdDeadline;

/* Whether a date of @procedure for traveller @traveller_index was marked
 * done. */
typedef gboolean (*EdTimelineDoneFunc) (gpointer     data,
                                        const char  *procedure_id,
                                        guint        traveller_index,
                                        const char  *rule_id);

typedef struct _EdTimeline EdTimeline;

EdTimeline       *ed_timeline_compute          (GPtrArray           *travellers,
                                                GPtrArray           *procedures,
                                                EdTimelineDoneFunc   is_done,
                                                gpointer             data,
                                                GDateTime           *now,
                                                guint                soon_days);
EdTimeline       *ed_timeline_compute_in       (EdCatalog           *catalog,
                                                GPtrArray           *travellers,
                                                GPtrArray           *procedures,
                                                EdTimelineDoneFunc   is_done,
                                                gpointer             data,
                                                GDateTime           *now,
                                                guint                soon_days);
EdTimeline       *ed_case_compute_timeline     (EdCase              *kase,
                                                EdCatalog           *catalog,
                                                GDateTime           *now,
                                                guint                soon_days);
EdTimeline       *ed_case_compute_timeline_for (EdCase              *kase,
                                                GPtrArray           *travellers,
                                                EdCatalog           *catalog,
                                                GDateTime           *now,
                                                guint                soon_days);
EdTimeline       *ed_timeline_ref              (EdTimeline          *self);
void              ed_timeline_unref            (EdTimeline          *self);

guint             ed_timeline_get_n_entries    (EdTimeline          *self);
const EdTimelineEntry *ed_timeline_get_entry   (EdTimeline          *self,
                                                guint                position);
const EdTimelineEntry *ed_timeline_get_next    (EdTimeline          *self);
guint             ed_timeline_count            (EdTimeline          *self,
                                                EdTimelineState      state);
GDateTime        *ed_timeline_get_now          (EdTimeline          *self);
guint             ed_timeline_get_soon_days    (EdTimeline          *self);

EdTimelineState   ed_timeline_judge            (gint64               due_at,
                                                gint64               end_at,
                                                gint64               from_at,
                                                gboolean             done,
                                                GDateTime           *now,
                                                guint                soon_days);
const char       *ed_timeline_state_to_string  (EdTimelineState      state);
char             *ed_timeline_describe_state   (EdTimelineState      state,
                                                EdLanguage           language);
char             *ed_timeline_entry_describe_when (const EdTimelineEntry *entry,
                                                EdLanguage           language);

GArray           *ed_timeline_dup_deadlines    (EdTimeline          *self);
GArray           *ed_deadlines_copy            (GArray              *deadlines);

void              ed_next_due_clear            (EdNextDue           *next);
void              ed_next_due_set_from_entry   (EdNextDue           *next,
                                                const EdTimelineEntry *entry);
char             *ed_next_due_format_when      (const EdNextDue     *next);
void              ed_next_due_copy             (EdNextDue           *to,
                                                const EdNextDue     *from);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdTimeline, ed_timeline_unref)

G_END_DECLS
