/* ed-due-view.h — a date rule worked out for one traveller, side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ed-core.h"

G_BEGIN_DECLS

GtkWidget *ed_due_view_new         (EdProcedure    *procedure,
                                    const EdPeriod *period,
                                    EdTraveller    *traveller,
                                    const char     *name,
                                    int             second_language);
GPtrArray *ed_step_dup_periods     (EdProcedure    *procedure,
                                    const EdStep   *step);

G_END_DECLS
