/* ed-cases-group.h — Preferences: how long closed cases are kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ed-catalog.h"
#include "ed-store.h"

G_BEGIN_DECLS

#define ED_TYPE_CASES_GROUP (ed_cases_group_get_type ())

G_DECLARE_FINAL_TYPE (EdCasesGroup, ed_cases_group, ED, CASES_GROUP, AdwPreferencesGroup)

void  ed_cases_group_set_store (EdCasesGroup *self,
                                EdStore      *store,
                                EdCatalog    *catalog);

G_END_DECLS
