/* ed-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ed-catalog.h"
#include "ed-reminders.h"
#include "ed-store.h"
#include "ed-updater.h"

G_BEGIN_DECLS

#define ED_TYPE_APPLICATION (ed_application_get_type ())

G_DECLARE_FINAL_TYPE (EdApplication, ed_application, ED, APPLICATION, AdwApplication)

EdApplication *ed_application_new          (void);
GSettings     *ed_application_get_settings (EdApplication *self);
EdCatalog     *ed_application_get_catalog  (EdApplication *self);
EdUpdater     *ed_application_get_updater  (EdApplication *self);
EdStore       *ed_application_get_store    (EdApplication *self);
const GError  *ed_application_get_store_error (EdApplication *self);
EdReminders   *ed_application_get_reminders (EdApplication *self);

G_END_DECLS
