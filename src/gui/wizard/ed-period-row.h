/* ed-period-row.h — a date worked out from a procedure's date rule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ed-core.h"

G_BEGIN_DECLS

GtkWidget *ed_period_row_new (const EdPeriod *period,
                              EdProcedure    *procedure,
                              EdTraveller    *traveller,
                              const char     *subtitle,
                              const char     *missing);

G_END_DECLS
