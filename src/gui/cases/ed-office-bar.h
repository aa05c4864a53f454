/* ed-office-bar.h — "Working offline", under the header bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ed-core.h"

G_BEGIN_DECLS

#define ED_TYPE_OFFICE_BAR (ed_office_bar_get_type ())

G_DECLARE_FINAL_TYPE (EdOfficeBar, ed_office_bar, ED, OFFICE_BAR, GtkWidget)

void      ed_office_bar_set_store   (EdOfficeBar *self,
                                     EdStore     *store);
gboolean  ed_office_bar_get_shown   (EdOfficeBar *self);
gboolean  ed_office_bar_get_read_only_shown (EdOfficeBar *self);

G_END_DECLS
