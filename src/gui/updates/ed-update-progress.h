/* ed-update-progress.h — how far an update of the procedures is, with a way to stop it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ed-updater.h"

G_BEGIN_DECLS

#define ED_TYPE_UPDATE_PROGRESS (ed_update_progress_get_type ())

G_DECLARE_FINAL_TYPE (EdUpdateProgress, ed_update_progress, ED, UPDATE_PROGRESS, GtkWidget)

GtkWidget  *ed_update_progress_new          (void);
void        ed_update_progress_set_updater  (EdUpdateProgress *self,
                                             EdUpdater        *updater);
EdUpdater  *ed_update_progress_get_updater  (EdUpdateProgress *self);

G_END_DECLS
