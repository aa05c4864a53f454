/* ed-case-private.h — what the files of the case module share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-case-backend.h"

G_BEGIN_DECLS

/* Between ed-case.c, ed-case-checklist.c and ed-case-journey.c. */
void        _ed_case_touch        (EdCase       *self);
void        _ed_case_notify_n_done (EdCase      *self);
GPtrArray  *_ed_case_ticks        (EdCase       *self);
void        _ed_case_tick_free    (gpointer      data);
void        _ed_case_drop_ticks   (EdCase       *self,
                                   EdTraveller  *traveller);
void        _ed_case_drop_procedure_ticks (EdCase     *self,
                                   const char   *procedure_id);
void        _ed_case_rename_ticks (EdCase       *self,
                                   const char   *procedure_id,
                                   const char   *new_id);
gboolean    _ed_case_ticks_equal  (EdCase       *self,
                                   EdCase       *other);

GPtrArray  *_ed_case_procedures   (EdCase       *self);
guint       _ed_case_get_current  (EdCase       *self);
void        _ed_case_set_current  (EdCase       *self,
                                   guint         position);
void        _ed_case_keep_current (EdCase       *self,
                                   guint         position);
void        _ed_case_procedures_changed (EdCase *self);
EdCaseProcedure *_ed_case_procedure_new (const char *id,
                                   int           version);
void        _ed_case_procedure_free (gpointer    data);

G_END_DECLS
