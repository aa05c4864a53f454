/* ed-case-row.h — one case in the case list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ed-catalog.h"
#include "ed-case-info.h"

G_BEGIN_DECLS

#define ED_TYPE_CASE_ROW (ed_case_row_get_type ())

G_DECLARE_FINAL_TYPE (EdCaseRow, ed_case_row, ED, CASE_ROW, GtkWidget)

GtkWidget   *ed_case_row_new               (void);
void         ed_case_row_set_catalog       (EdCaseRow   *self,
                                            EdCatalog   *catalog);
void         ed_case_row_set_info          (EdCaseRow   *self,
                                            EdCaseInfo  *info);
EdCaseInfo  *ed_case_row_get_info          (EdCaseRow   *self);
void         ed_case_row_set_size_group    (EdCaseRow   *self,
                                            GtkSizeGroup *group);
void         ed_case_row_set_narrow        (EdCaseRow   *self,
                                            gboolean     narrow);
void         ed_case_row_popup_menu        (EdCaseRow   *self);

char        *ed_case_describe_procedure    (EdCatalog   *catalog,
                                            const char  *procedure_id);
char        *ed_case_format_day            (gint64       seconds);

G_END_DECLS
