/* ed-family-row.h — one traveller of a case, as the family list shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ed-core.h"

G_BEGIN_DECLS

#define ED_TYPE_FAMILY_ROW (ed_family_row_get_type ())

G_DECLARE_FINAL_TYPE (EdFamilyRow, ed_family_row, ED, FAMILY_ROW, AdwActionRow)

GtkWidget    *ed_family_row_new             (EdTraveller  *traveller);
EdTraveller  *ed_family_row_get_traveller   (EdFamilyRow  *self);
void          ed_family_row_update          (EdFamilyRow  *self,
                                             const char   *title,
                                             EdProcedure  *procedure,
                                             gboolean      with_answers,
                                             gboolean      removable);

void          ed_family_count_problems      (EdTraveller  *traveller,
                                             EdProcedure  *procedure,
                                             gboolean      with_answers,
                                             guint        *errors,
                                             guint        *warnings);

G_END_DECLS
