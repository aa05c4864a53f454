/* ed-case-flow.h — the steps a case goes through, and why the others not
 *
 * A step is in a case's flow when it applies, or may apply, to at least
 * one of its travellers (ed_procedure_check_step() on each traveller's
 * facts and answers). A step that applies to nobody is left out, with
 * the reason in words. The wizard, the case list and the review count
 * their progress in the same steps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ed-case.h"
#include "ed-condition.h"
#include "ed-procedure.h"
#include "ed-traveller.h"

G_BEGIN_DECLS

/* The page a case is at once past its steps (the review): a case's
 * current step (ed_case_get_current_step()) names it. */
#define ED_CASE_REVIEW_STEP "summary"

/**
 * EdCaseProgress:
 * @n_steps: how many steps are in the case's flow (ed_case_dup_flow())
 * @step: where the case is among them, from 1 ("step 2 of 5"); 0 before
 *   the first (the travellers, the questions); @n_steps + 1 past the last
 *   (the review)
 *
 * How far a case is, in the one unit the wizard, its sidebar and the
 * case list count in: the steps that apply.
 */
typedef struct
{
  guint n_steps;
  guint step;
} EdCaseProgress;

EdApplies   ed_travellers_check_step      (GPtrArray     *travellers,
                                           EdProcedure   *procedure,
                                           const EdStep  *step);
void        ed_case_progress_compute      (EdCaseProgress *progress,
                                           EdProcedure   *procedure,
                                           GPtrArray     *travellers,
                                           const char    *current_step);
void        ed_case_get_progress          (EdCase        *kase,
                                           EdProcedure   *procedure,
                                           EdCaseProgress *progress);
EdApplies   ed_traveller_check_step       (EdTraveller   *traveller,
                                           EdProcedure   *procedure,
                                           const EdStep  *step);
EdApplies   ed_case_check_step            (EdCase        *kase,
                                           EdProcedure   *procedure,
                                           const EdStep  *step);
char       *ed_case_describe_step         (EdCase        *kase,
                                           EdProcedure   *procedure,
                                           const EdStep  *step,
                                           EdLanguage     language);
GPtrArray  *ed_case_dup_flow              (EdCase        *kase,
                                           EdProcedure   *procedure);
int         ed_case_flow_position         (GPtrArray     *flow,
                                           const char    *step_id);
gboolean    ed_case_questions_answered    (EdCase        *kase,
                                           EdProcedure   *procedure);

G_END_DECLS
