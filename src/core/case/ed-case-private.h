/* ed-case-private.h — what the files of the case module share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-case-backend.h"

G_BEGIN_DECLS

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
