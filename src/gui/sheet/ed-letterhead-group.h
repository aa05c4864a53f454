/* ed-letterhead-group.h — Preferences: the firm's letterhead on its sheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ed-sheet-office.h"

G_BEGIN_DECLS

#define ED_TYPE_LETTERHEAD_GROUP (ed_letterhead_group_get_type ())

G_DECLARE_FINAL_TYPE (EdLetterheadGroup, ed_letterhead_group, ED, LETTERHEAD_GROUP,
                      AdwPreferencesGroup)

void           ed_letterhead_group_set_settings (EdLetterheadGroup  *self,
                                                 GSettings          *settings);
EdSheetOffice *ed_letterhead_from_settings      (GSettings          *settings,
                                                 GError            **error);

G_END_DECLS
