/* ed-step-page.h — one step of a procedure, built from the catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-core.h"
#include "ed-case.h"
#include "ed-wizard-page.h"

G_BEGIN_DECLS

#define ED_TYPE_STEP_PAGE (ed_step_page_get_type ())

G_DECLARE_FINAL_TYPE (EdStepPage, ed_step_page, ED, STEP_PAGE, EdWizardPage)

EdWizardPage  *ed_step_page_new                 (EdCase       *edcase,
                                                 EdProcedure  *procedure,
                                                 const EdStep *step,
                                                 guint         number);
const EdStep  *ed_step_page_get_step            (EdStepPage   *self);
void           ed_step_page_set_second_language (EdStepPage   *self,
                                                 int           language);
void           ed_step_page_select_traveller    (EdStepPage   *self,
                                                 EdTraveller  *traveller);
GPtrArray     *ed_step_page_dup_missing         (EdStepPage   *self);

/* What a step still lacks, for every traveller of the case. */
GPtrArray     *ed_step_dup_missing              (EdCase       *edcase,
                                                 EdProcedure  *procedure,
                                                 const EdStep *step);

G_END_DECLS
