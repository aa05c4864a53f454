/* ed-case-backend.h — what a store backend sets on a case, and nobody else
 *
 * A case's id, canonical reference, times and ticks come from where it is
 * stored: only the store's backends call these.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-case.h"

G_BEGIN_DECLS

void         ed_case_set_identity            (EdCase       *self,
                                             gint64        id,
                                             const char   *canonical_reference);
const char  *ed_case_get_canonical_reference (EdCase       *self);
void         ed_case_set_times               (EdCase       *self,
                                             gint64        created,
                                             gint64        modified,
                                             gint64        closed);
void         ed_case_add_tick                (EdCase       *self,
                                             EdTraveller  *traveller,
                                             const char   *procedure_id,
                                             const char   *step_id,
                                             const char   *item_id,
                                             gint64        done_at);
gint64       ed_case_now                     (void);

G_END_DECLS
