/* ed-case-info-private.h — how the store makes and refreshes case infos
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-case-info.h"
#include "ed-timeline.h"

G_BEGIN_DECLS

typedef struct
{
  gint64        id;
  char         *reference;       /* canonical */
  char         *procedure_id;
  int           procedure_version;
  char         *current_step;
  EdCaseStatus  status;
  char        **names;
  char         *native_name;     /* the first named traveller's, when shown apart */
  guint         n_travellers;
  guint         n_done;
  gint64        created;
  gint64        modified;
  gint64        closed;
  char         *changed_by;      /* a shared store's role; NULL elsewhere */
  char         *open_elsewhere;  /* roles of other desks that have it open */
  gboolean      waiting;         /* a save waits in the offline queue */
  char         *journey_id;
  char        **procedure_ids;   /* the journey, in order */
  EdNextDue     next_due;
  EdCaseProgress progress;
  gboolean      progress_known;  /* worked out with a catalog that has the procedure */
} EdCaseInfoData;

EdCaseInfo  *_ed_case_info_new         (EdCaseInfoData *data);
void         _ed_case_info_data_clear  (EdCaseInfoData *data);
void         _ed_case_info_update      (EdCaseInfo     *self,
                                        EdCaseInfo     *newer);
void         _ed_case_info_set_waiting (EdCaseInfo     *self,
                                        gboolean        waiting);

G_END_DECLS
