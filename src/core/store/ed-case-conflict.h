/* ed-case-conflict.h — a case changed on two desks at once
 *
 * A save to an office database carries the version the desk read; when
 * another desk saved a newer one meanwhile, nothing is overwritten: the
 * store reports a conflict with both versions (and the one both started
 * from, when the desk still has it). The user keeps theirs, takes the
 * other desk's, or merges field by field; ed_case_conflict_merge() makes
 * the case to save from the choices.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ed-case-record.h"

G_BEGIN_DECLS

typedef enum
{
  ED_CONFLICT_FIELD_PROCEDURE,    /* the procedure and its version */
  ED_CONFLICT_FIELD_STATUS,
  ED_CONFLICT_FIELD_STEP,         /* the step the wizard resumes at */
  ED_CONFLICT_FIELD_NOTES,
  ED_CONFLICT_FIELD_TRAVELLER,    /* a traveller added or removed */
  ED_CONFLICT_FIELD_DATA,         /* a traveller's value: @key */
  ED_CONFLICT_FIELD_ANSWER,       /* a traveller's answer to field @key */
  ED_CONFLICT_FIELD_CHECK,        /* a checklist item: @step, @key */
} EdConflictFieldKind;

typedef enum
{
  ED_CONFLICT_KEEP_MINE,
  ED_CONFLICT_TAKE_THEIRS,
} EdConflictChoice;

/**
 * EdConflictField:
 * @kind: what differs
 * @traveller: the traveller's position, -1 for the case (and for a
 *   checklist item of the whole case)
 * @key: a traveller key, an answer's field id or a checklist item id
 * @step: a checklist item's step
 * @mine: (nullable): the value on this desk, as text (a checklist item:
 *   "done" or %NULL; a traveller: the name, or %NULL when there is none)
 * @theirs: (nullable): the value on the other desk
 * @base: (nullable): the value both desks started from, when known
 * @mine_changed: this desk changed it (or %TRUE when the start is unknown)
 * @theirs_changed: the other desk changed it
 * @choice: which value the merge takes
 */
typedef struct
{
  EdConflictFieldKind  kind;
  int                  traveller;
  char                *key;
  char                *step;
  char                *mine;
  char                *theirs;
  char                *base;
  gboolean             mine_changed;
  gboolean             theirs_changed;
  EdConflictChoice     choice;
} EdConflictField;

#define ED_TYPE_CASE_CONFLICT (ed_case_conflict_get_type ())

G_DECLARE_FINAL_TYPE (EdCaseConflict, ed_case_conflict, ED, CASE_CONFLICT, GObject)

EdCaseConflict        *ed_case_conflict_new            (EdCaseRecord     *base,
                                                        EdCaseRecord     *mine,
                                                        EdCaseRecord     *theirs);
gint64                 ed_case_conflict_get_id         (EdCaseConflict   *self);
const char            *ed_case_conflict_get_reference  (EdCaseConflict   *self);
const char            *ed_case_conflict_get_changed_by (EdCaseConflict   *self);
EdCaseRecord          *ed_case_conflict_get_mine       (EdCaseConflict   *self);
EdCaseRecord          *ed_case_conflict_get_theirs     (EdCaseConflict   *self);
EdCaseRecord          *ed_case_conflict_get_base       (EdCaseConflict   *self);
guint                  ed_case_conflict_get_n_fields   (EdCaseConflict   *self);
const EdConflictField *ed_case_conflict_get_field      (EdCaseConflict   *self,
                                                        guint             position);
void                   ed_case_conflict_choose         (EdCaseConflict   *self,
                                                        guint             position,
                                                        EdConflictChoice  choice);
void                   ed_case_conflict_choose_all     (EdCaseConflict   *self,
                                                        EdConflictChoice  choice);
gboolean               ed_case_conflict_is_same        (EdCaseConflict   *self);
EdCaseRecord          *ed_case_conflict_merge          (EdCaseConflict   *self);
gboolean               ed_case_record_same_content     (EdCaseRecord     *a,
                                                        EdCaseRecord     *b);

G_END_DECLS
