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

G_END_DECLS
