/* ed-updater.h — the application's updates of the procedures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ed-catalog.h"
#include "ed-feed.h"

G_BEGIN_DECLS

#define ED_TYPE_UPDATER (ed_updater_get_type ())

G_DECLARE_FINAL_TYPE (EdUpdater, ed_updater, ED, UPDATER, GObject)

EdUpdater     *ed_updater_new           (GSettings            *settings,
                                         EdCatalog            *catalog);
EdFeed        *ed_updater_get_feed      (EdUpdater            *self);
gboolean       ed_updater_has_feeds     (EdUpdater            *self);
void           ed_updater_check_async   (EdUpdater            *self,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
EdFeedResult  *ed_updater_check_finish  (EdUpdater            *self,
                                         GAsyncResult         *result,
                                         GError              **error);
void           ed_updater_cancel        (EdUpdater            *self);

G_END_DECLS
