/* ed-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ed-catalog.h"
#include "ed-store.h"
#include "ed-updater.h"

G_BEGIN_DECLS

#define ED_TYPE_PREFERENCES_WINDOW (ed_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (EdPreferencesWindow, ed_preferences_window, ED, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

EdPreferencesWindow *ed_preferences_window_new (GtkWindow *parent,
                                                GSettings *settings);
void                 ed_preferences_window_set_updater (EdPreferencesWindow *self,
                                                        EdUpdater           *updater);
void                 ed_preferences_window_set_store   (EdPreferencesWindow *self,
                                                        EdStore             *store,
                                                        EdCatalog           *catalog);

G_END_DECLS
