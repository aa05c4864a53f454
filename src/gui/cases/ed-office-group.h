/* ed-office-group.h — Preferences: the office database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ED_TYPE_OFFICE_GROUP (ed_office_group_get_type ())

G_DECLARE_FINAL_TYPE (EdOfficeGroup, ed_office_group, ED, OFFICE_GROUP, AdwPreferencesGroup)

void  ed_office_group_set_settings (EdOfficeGroup *self,
                                    GSettings     *settings);

G_END_DECLS
