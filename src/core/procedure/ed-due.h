/* ed-due.h — a procedure's date rules worked out for one traveller
 *
 * Each rule of `periods` gives a deadline ("within 24 hours of arrival",
 * "by the 10th of the month after hiring") or a window ("from 3 months
 * before the period of stay ends until it ends"), computed from the
 * traveller's dates in the place's time zone; or it says what it waits
 * for ("needs the arrival time"), or why it does not apply.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ed-condition.h"
#include "ed-facts.h"
#include "ed-procedure.h"

G_BEGIN_DECLS

typedef enum
{
  ED_DUE_COMPUTED,
  ED_DUE_NEEDS_DATA,        /* @needs says what */
  ED_DUE_NOT_APPLICABLE,    /* @applicability says why */
} EdDueState;

typedef enum
{
  ED_DUE_DEADLINE,
  ED_DUE_WINDOW,
} EdDueKind;

typedef enum
{
  ED_DUE_EVENT_AFTER_RULE  = 1 << 0,  /* the event is after the rule's valid_until */
  ED_DUE_RUNS_PAST_RULE    = 1 << 1,  /* the dates run past the rule's valid_until */
  ED_DUE_EVENT_BEFORE_RULE = 1 << 2,  /* the event is before the rule's valid_from */
  ED_DUE_UNVERIFIED        = 1 << 3,  /* from one weak source: check before use */
  ED_DUE_MAY_NOT_APPLY     = 1 << 4,  /* its condition waits for data */
} EdDueFlags;

/**
 * EdDue:
 * @period: the rule
 * @state: computed, waiting for data, or not applicable
 * @kind: a deadline or a window
 * @event: (nullable): the event key the dates count from
 * @needs: (element-type utf8): what is missing (traveller keys, field ids)
 * @timed: @from and @until are times (hour rules), not only days
 * @has_from: whether the rule has a start (a deadline counted back has not)
 * @from_day: the first day (valid when @has_from)
 * @until_day: the last day, or the day of the deadline
 * @from: (nullable): for @timed, the start, in the rule's time zone
 * @until: (nullable): for @timed, the deadline, in the rule's time zone
 * @flags: EdDueFlags
 * @applicability: (nullable): why it does not (or may not) apply
 */
typedef struct
{
  const EdPeriod   *period;
  EdDueState        state;
  EdDueKind         kind;
  const char       *event;
  GPtrArray        *needs;
  gboolean          timed;
  gboolean          has_from;
  GDate             from_day;
  GDate             until_day;
  GDateTime        *from;
  GDateTime        *until;
  guint             flags;
  EdApplicability  *applicability;
} EdDue;

GTimeZone  *ed_procedure_dup_time_zone   (EdProcedure    *procedure,
                                          const EdPeriod *period);
EdDue      *ed_period_compute            (const EdPeriod *period,
                                          EdProcedure    *procedure,
                                          const EdFacts  *facts);
GPtrArray  *ed_procedure_compute_dates   (EdProcedure    *procedure,
                                          const EdFacts  *facts);
void        ed_due_free                  (EdDue          *self);

char       *ed_due_format_from           (const EdDue    *self);
char       *ed_due_format_until          (const EdDue    *self);
const char *ed_due_kind_to_string        (EdDueKind       kind);
char       *ed_due_describe_when         (const EdDue    *self,
                                          EdProcedure    *procedure,
                                          EdLanguage      language);
char       *ed_due_describe_warnings     (const EdDue    *self,
                                          EdLanguage      language);
char       *ed_period_describe_rule      (const EdPeriod *period,
                                          EdProcedure    *procedure,
                                          EdLanguage      language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdDue, ed_due_free)

G_END_DECLS
