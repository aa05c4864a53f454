/* ed-procedure-view.h — one procedure, read before any case is started
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ed-core.h"

G_BEGIN_DECLS

#define ED_TYPE_PROCEDURE_VIEW (ed_procedure_view_get_type ())

G_DECLARE_FINAL_TYPE (EdProcedureView, ed_procedure_view, ED, PROCEDURE_VIEW, GtkWidget)

GtkWidget   *ed_procedure_view_new            (EdProcedure     *procedure,
                                               guint            review_max_days);
EdProcedure *ed_procedure_view_get_procedure  (EdProcedureView *self);

G_END_DECLS
