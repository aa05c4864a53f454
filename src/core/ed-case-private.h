/* ed-case-private.h — what the store sets on a case and nobody else
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-case.h"

G_BEGIN_DECLS

void   _ed_case_set_identity  (EdCase       *self,
                               gint64        id,
                               const char   *canonical_reference);
const char *_ed_case_get_canonical_reference (EdCase *self);
void   _ed_case_set_times     (EdCase       *self,
                               gint64        created,
                               gint64        modified,
                               gint64        closed);
void   _ed_case_add_tick      (EdCase       *self,
                               EdTraveller  *traveller,
                               const char   *step_id,
                               const char   *item_id,
                               gint64        done_at);
gint64 _ed_case_now           (void);

/* Between ed-case.c and ed-case-checklist.c. */
void        _ed_case_touch        (EdCase       *self);
void        _ed_case_notify_n_done (EdCase      *self);
GPtrArray  *_ed_case_ticks        (EdCase       *self);
void        _ed_case_tick_free    (gpointer      data);
void        _ed_case_drop_ticks   (EdCase       *self,
                                   EdTraveller  *traveller);
gboolean    _ed_case_ticks_equal  (EdCase       *self,
                                   EdCase       *other);

G_END_DECLS
