/* ed-case.h — one case: travellers going through their procedures together
 *
 * A case holds its travellers (a family is one case) and a journey: one
 * or more procedures in order, each with the version it follows, and the
 * journey template it was started from, if any (ed-journey.h). One of
 * them is the current procedure, the one the wizard shows
 * (ed_case_get_procedure_id()). The case keeps which checklist items of
 * which procedure are done (for the whole case or for one traveller),
 * which dates of its timeline staff marked done, the step the wizard
 * resumes at, its status and dates, and free notes. Every change emits
 * #EdCase::changed, which the store's autosave listens to: nobody ever
 * saves a case by hand.
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

/* The step of a tick that marks a date of the timeline done: its item
 * is the date rule's id (`periods[].id`). No procedure step has this id:
 * step ids start with a letter. */
#define ED_CASE_DATES_STEP "@dates"

/**
 * EdCaseTick:
 * @traveller: (nullable): the traveller the item was done for, or %NULL
 *   when it was done for the whole case
 * @procedure_id: the procedure of the step
 * @step_id: the procedure step, or %ED_CASE_DATES_STEP for a date
 * @item_id: the checklist item of that step, or the date rule's id
 * @done_at: when it was ticked, in seconds since 1970 (UTC)
 *
 * One ticked checklist item, or one date marked done. Owned by the case;
 * read-only.
 */
typedef struct
{
  EdTraveller *traveller;
  char        *procedure_id;
  char        *step_id;
  char        *item_id;
  gint64       done_at;
} EdCaseTick;

/**
 * EdCaseProcedure:
 * @id: the procedure's id
 * @version: the version of its file the case follows
 *
 * One procedure of a case's journey. Owned by the case; read-only.
 */
typedef struct
{
  char *id;
  int   version;
} EdCaseProcedure;

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

const char    *ed_case_get_journey_id        (EdCase       *self);
void           ed_case_set_journey_id        (EdCase       *self,
                                              const char   *journey_id);
guint          ed_case_get_n_procedures      (EdCase       *self);
GPtrArray     *ed_case_get_procedures        (EdCase       *self);
const EdCaseProcedure *ed_case_get_procedure (EdCase       *self,
                                              guint         position);
int            ed_case_find_procedure        (EdCase       *self,
                                              const char   *procedure_id);
gboolean       ed_case_add_procedure         (EdCase       *self,
                                              const char   *procedure_id,
                                              int           procedure_version,
                                              int           position);
gboolean       ed_case_remove_procedure      (EdCase       *self,
                                              const char   *procedure_id);
gboolean       ed_case_move_procedure        (EdCase       *self,
                                              const char   *procedure_id,
                                              guint         position);
gboolean       ed_case_set_current_procedure (EdCase       *self,
                                              const char   *procedure_id);

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
gboolean       ed_case_get_item_done_in      (EdCase       *self,
                                              const char   *procedure_id,
                                              EdTraveller  *traveller,
                                              const char   *step_id,
                                              const char   *item_id);
void           ed_case_set_item_done_in      (EdCase       *self,
                                              const char   *procedure_id,
                                              EdTraveller  *traveller,
                                              const char   *step_id,
                                              const char   *item_id,
                                              gboolean      done);
gboolean       ed_case_get_date_done         (EdCase       *self,
                                              const char   *procedure_id,
                                              EdTraveller  *traveller,
                                              const char   *rule_id);
void           ed_case_set_date_done         (EdCase       *self,
                                              const char   *procedure_id,
                                              EdTraveller  *traveller,
                                              const char   *rule_id,
                                              gboolean      done);
guint          ed_case_count_done            (EdCase       *self);
GPtrArray     *ed_case_get_ticks             (EdCase       *self);

char          *ed_case_dup_title             (EdCase       *self);
gboolean       ed_case_equal                 (EdCase       *self,
                                              EdCase       *other);

G_END_DECLS
