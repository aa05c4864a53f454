/* ed-period.h — a procedure's date rules, evaluated
 *
 * A period is data (EdPeriod: an event, a number of days, a counting
 * rule); these pure functions give its days for one traveller. Nothing
 * is written per procedure in C.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ed-procedure.h"

G_BEGIN_DECLS

gboolean  ed_period_evaluate         (const EdPeriod *period,
                                      const GDate    *event,
                                      GDate          *first_day,
                                      GDate          *last_day);
void      ed_period_evaluate_days    (const EdPeriod *period,
                                      const GDate    *event,
                                      GDate          *first_day,
                                      GDate          *last_day);
int       ed_period_day_number       (const EdPeriod *period,
                                      const GDate    *event,
                                      const GDate    *date);
gboolean  ed_period_includes         (const EdPeriod *period,
                                      const GDate    *event,
                                      const GDate    *date);
char     *ed_period_describe_day     (const EdPeriod *period,
                                      const GDate    *event,
                                      const GDate    *date,
                                      EdLanguage      language);

G_END_DECLS
