/* ed-calendar.h — a case's timeline as an iCalendar file
 *
 * RFC 5545, written and checked by libical, never by hand: one VEVENT
 * for each deadline or window of the timeline that is still to do (not
 * done, not waiting for data, not of an ended procedure), in the place's
 * time zone (a VTIMEZONE for each zone, named by its IANA id), with the
 * case reference and a VALARM reminder. Names, passport numbers and
 * birth dates are never written: a calendar travels further than a case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ed-timeline.h"

G_BEGIN_DECLS

char      *ed_timeline_to_ical        (EdTimeline  *timeline,
                                       const char  *reference,
                                       guint        n_travellers,
                                       EdLanguage   language,
                                       GError     **error);
gboolean   ed_timeline_save_ical      (EdTimeline  *timeline,
                                       const char  *reference,
                                       guint        n_travellers,
                                       EdLanguage   language,
                                       GFile       *file,
                                       guint       *n_events,
                                       GCancellable *cancellable,
                                       GError     **error);
guint      ed_ical_count_events       (const char  *data,
                                       GError     **error);

G_END_DECLS
