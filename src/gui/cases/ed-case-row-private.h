/* ed-case-row-private.h — what the files of a case's row share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-case-row.h"

G_BEGIN_DECLS

/* ed-case-row-journey.c */
guint   _ed_case_row_count_ended          (EdCaseInfo  *info,
                                           EdCatalog   *catalog,
                                           guint       *n_known);
char   *_ed_case_row_describe_procedures  (EdCaseInfo  *info,
                                           EdCatalog   *catalog,
                                           gboolean    *all_ended);
char   *_ed_case_row_describe_next_due    (EdCaseInfo  *info,
                                           EdCatalog   *catalog,
                                           const char **css_class);

/* ed-case-row-layout.c */
#define ED_TYPE_CASE_ROW_LAYOUT (ed_case_row_layout_get_type ())
G_DECLARE_FINAL_TYPE (EdCaseRowLayout, ed_case_row_layout, ED, CASE_ROW_LAYOUT, GtkLayoutManager)

/* ed-case-row.c */
void    _ed_case_row_get_parts            (EdCaseRow   *self,
                                           GtkWidget  **text,
                                           GtkWidget  **state,
                                           GtkWidget  **menu);

G_END_DECLS
