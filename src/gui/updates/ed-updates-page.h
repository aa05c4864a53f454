/* ed-updates-page.h — Preferences: where procedure updates come from and whom to trust
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ed-updater.h"

G_BEGIN_DECLS

#define ED_TYPE_UPDATES_PAGE (ed_updates_page_get_type ())

G_DECLARE_FINAL_TYPE (EdUpdatesPage, ed_updates_page, ED, UPDATES_PAGE, AdwPreferencesPage)

void        ed_updates_page_set_settings  (EdUpdatesPage *self,
                                           GSettings     *settings);
GSettings  *ed_updates_page_get_settings  (EdUpdatesPage *self);
void        ed_updates_page_set_updater   (EdUpdatesPage *self,
                                           EdUpdater     *updater);
EdUpdater  *ed_updates_page_get_updater   (EdUpdatesPage *self);

G_END_DECLS
