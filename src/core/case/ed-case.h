/* ed-case.h — one case: travellers going through one procedure together
 *
 * A case holds its travellers (a family is one case), the procedure and
 * the version it follows, which checklist items are done (for the whole
 * case or for one traveller), the step the wizard resumes at, its status
 * and dates, and free notes. Every change emits #EdCase::changed, which
 * the store's autosave listens to: nobody ever saves a case by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ed-traveller.h"

G_BEGIN_DECLS

typedef enum
{
  ED_CASE_OPEN,
  ED_CASE_CLOSED,
} EdCaseStatus;

#define ED_TYPE_CASE_STATUS (ed_case_status_get_type ())
GType ed_case_status_get_type (void) G_GNUC_CONST;

const char  *ed_case_status_to_string   (EdCaseStatus  status);
gboolean     ed_case_status_from_string (const char   *text,
                                         EdCaseStatus *status);

/**
 * EdCaseTick:
 * @traveller: (nullable): the traveller the item was done for, or %NULL
 *   when it was done for the whole case
 * @step_id: the procedure step
 * @item_id: the checklist item of that step
 * @done_at: when it was ticked, in seconds since 1970 (UTC)
 *
 * One ticked checklist item. Owned by the case; read-only.
 */
typedef struct
{
  EdTraveller *traveller;
  char        *step_id;
  char        *item_id;
  gint64       done_at;
} EdCaseTick;

#define ED_TYPE_CASE (ed_case_get_type ())

G_DECLARE_FINAL_TYPE (EdCase, ed_case, ED, CASE, GObject)

EdCase        *ed_case_new                   (const char   *procedure_id,
                                              int           procedure_version);

gint64         ed_case_get_id                (EdCase       *self);
const char    *ed_case_get_reference         (EdCase       *self);

const char    *ed_case_get_procedure_id      (EdCase       *self);
int            ed_case_get_procedure_version (EdCase       *self);
void           ed_case_set_procedure         (EdCase       *self,
                                              const char   *procedure_id,
                                              int           procedure_version);

const char    *ed_case_get_current_step      (EdCase       *self);
void           ed_case_set_current_step      (EdCase       *self,
                                              const char   *step_id);

EdCaseStatus   ed_case_get_status            (EdCase       *self);
void           ed_case_set_status            (EdCase       *self,
                                              EdCaseStatus  status);
gint64         ed_case_get_closed            (EdCase       *self);
gint64         ed_case_get_created           (EdCase       *self);
gint64         ed_case_get_modified          (EdCase       *self);

const char    *ed_case_get_notes             (EdCase       *self);
void           ed_case_set_notes             (EdCase       *self,
                                              const char   *notes);

GListModel    *ed_case_get_travellers        (EdCase       *self);
guint          ed_case_get_n_travellers      (EdCase       *self);
EdTraveller   *ed_case_get_traveller         (EdCase       *self,
                                              guint         position);
void           ed_case_add_traveller         (EdCase       *self,
                                              EdTraveller  *traveller);
gboolean       ed_case_remove_traveller      (EdCase       *self,
                                              EdTraveller  *traveller);
int            ed_case_find_traveller        (EdCase       *self,
                                              EdTraveller  *traveller);

gboolean       ed_case_get_item_done         (EdCase       *self,
                                              EdTraveller  *traveller,
                                              const char   *step_id,
                                              const char   *item_id);
void           ed_case_set_item_done         (EdCase       *self,
                                              EdTraveller  *traveller,
                                              const char   *step_id,
                                              const char   *item_id,
                                              gboolean      done);
guint          ed_case_count_done            (EdCase       *self);
GPtrArray     *ed_case_get_ticks             (EdCase       *self);

char          *ed_case_dup_title             (EdCase       *self);
gboolean       ed_case_equal                 (EdCase       *self,
                                              EdCase       *other);

G_END_DECLS
