/* ed-proposal.h — which procedures to propose for a case's travellers
 *
 * A case started from a journey template holds the template's
 * procedures that apply to its travellers; adding a procedure to a case
 * offers those of the catalog that apply. "Applies" is the procedure's
 * own `applies_if` (ed-condition.h), for any traveller of the case: a
 * procedure that may apply because a fact is still missing is proposed.
 * An ended procedure is proposed too, marked ended: staff may need it
 * for an old case, and must see that it ended.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-case.h"
#include "ed-catalog.h"
#include "ed-condition.h"

G_BEGIN_DECLS

/**
 * EdProposal:
 * @procedure: the procedure
 * @note: (nullable): the journey's note for it
 * @applies: yes when it applies to a traveller, unknown when it may
 *   (a fact is missing), no when it applies to none
 * @why_not: (nullable): for %ED_APPLIES_NO, why it does not apply to the
 *   first traveller; for %ED_APPLIES_UNKNOWN, what is missing
 * @ended: the procedure has ended
 */
typedef struct
{
  EdProcedure     *procedure;
  const EdText    *note;
  EdApplies        applies;
  EdApplicability *why_not;
  gboolean         ended;
} EdProposal;

GPtrArray  *ed_journey_propose           (EdJourney    *journey,
                                          EdCatalog    *catalog,
                                          GPtrArray    *travellers,
                                          const GDate  *today);
GPtrArray  *ed_case_propose_procedures   (EdCase       *kase,
                                          EdCatalog    *catalog,
                                          const GDate  *today);
EdCase     *ed_case_new_from_journey     (EdJourney    *journey,
                                          EdCatalog    *catalog,
                                          GPtrArray    *travellers,
                                          const GDate  *today,
                                          GPtrArray   **left_out,
                                          GError      **error);
char       *ed_proposal_describe         (const EdProposal *proposal,
                                          const char   *prefix,
                                          const char   *separator,
                                          EdLanguage    language);
void        ed_proposal_free             (EdProposal   *proposal);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdProposal, ed_proposal_free)

G_END_DECLS
