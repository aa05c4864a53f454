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
