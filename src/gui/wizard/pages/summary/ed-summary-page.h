/* ed-summary-page.h — the last page of a wizard: done, missing, print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-core.h"
#include "ed-case.h"
#include "ed-store.h"
#include "ed-wizard-page.h"

G_BEGIN_DECLS

#define ED_TYPE_SUMMARY_PAGE (ed_summary_page_get_type ())

G_DECLARE_FINAL_TYPE (EdSummaryPage, ed_summary_page, ED, SUMMARY_PAGE, EdWizardPage)

#define ED_SUMMARY_PAGE_ID ED_CASE_REVIEW_STEP

EdWizardPage *ed_summary_page_new             (EdCase        *edcase,
                                               EdProcedure   *procedure);
guint         ed_summary_page_get_n_missing   (EdSummaryPage *self);
void          ed_summary_page_set_store       (EdSummaryPage *self,
                                               EdStore       *store);

G_END_DECLS
