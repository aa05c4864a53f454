/* ed-questions-page.h — the procedure's questions, before its steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-core.h"
#include "ed-wizard-page.h"

G_BEGIN_DECLS

#define ED_TYPE_QUESTIONS_PAGE (ed_questions_page_get_type ())

G_DECLARE_FINAL_TYPE (EdQuestionsPage, ed_questions_page, ED, QUESTIONS_PAGE, EdWizardPage)

#define ED_QUESTIONS_PAGE_ID "questions"

EdWizardPage *ed_questions_page_new (EdCase      *edcase,
                                     EdProcedure *procedure);

G_END_DECLS
