/* ed-case-missing.h — what a case, a step or a traveller still lacks
 *
 * One rule for "is it complete, and what is missing", which the wizard
 * (a step's Next button, the summary), the family list, the case list
 * and the check sheets all ask: a field the procedure asks for that is
 * required and empty, or whose value an official form would refuse; and
 * a checklist item not ticked. Warnings never make anything incomplete;
 * they can be listed as well, for staff to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ed-case.h"
#include "ed-procedure.h"
#include "ed-traveller.h"

G_BEGIN_DECLS

typedef enum
{
  ED_MISSING_VALUE,   /* a field: required and empty, or refused */
  ED_MISSING_TICK,    /* a checklist item not ticked */
} EdMissingKind;

/**
 * EdMissingFlags:
 * @ED_MISSING_DEFAULT: values with an error and items not ticked
 * @ED_MISSING_WARNINGS: values with only warnings too, and the warnings
 *   with the errors
 * @ED_MISSING_KEYS_ONLY: the traveller keys only, not the answers to the
 *   procedure's own questions
 * @ED_MISSING_FOR_PRINT: what stops a check sheet: the traveller is
 *   normalised in place, as staff would have typed it, and only values
 *   filled in and refused count; an empty one does not (the sheet leaves
 *   a line to fill in by hand), nor does a checklist item
 */
typedef enum
{
  ED_MISSING_DEFAULT   = 0,
  ED_MISSING_WARNINGS  = 1 << 0,
  ED_MISSING_KEYS_ONLY = 1 << 1,
  ED_MISSING_FOR_PRINT = 1 << 2,
} EdMissingFlags;

/**
 * EdMissing:
 * @kind: a value or a checklist item
 * @traveller: whose it is
 * @step: (nullable): the step that asks for it; %NULL for a traveller
 *   key that no step asks for
 * @name: %ED_MISSING_VALUE: the traveller key or the field's id that
 *   @problems are on
 * @field: (nullable): %ED_MISSING_VALUE: the procedure's field; %NULL
 *   for a traveller key the procedure does not ask for
 * @problems: (element-type EdProblem): %ED_MISSING_VALUE: what is
 *   wrong, in the order the rules found it
 * @item: %ED_MISSING_TICK: the checklist item
 *
 * One thing missing for one traveller.
 */
typedef struct
{
  EdMissingKind          kind;
  EdTraveller           *traveller;
  const EdStep          *step;
  char                  *name;
  const EdField         *field;
  GPtrArray             *problems;
  const EdChecklistItem *item;
} EdMissing;

void         ed_missing_free          (EdMissing       *missing);
const char  *ed_missing_get_label     (const EdMissing *missing,
                                       EdLanguage       language);

GPtrArray   *ed_traveller_missing     (EdTraveller     *traveller,
                                       EdCase          *kase,
                                       EdProcedure     *procedure,
                                       const EdStep    *step,
                                       EdMissingFlags   flags);
GPtrArray   *ed_case_missing          (EdCase          *kase,
                                       EdProcedure     *procedure,
                                       const EdStep    *step,
                                       EdMissingFlags   flags);
guint        ed_case_count_checklist  (EdProcedure     *procedure,
                                       guint            n_travellers);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdMissing, ed_missing_free)

G_END_DECLS
