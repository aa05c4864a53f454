/* ed-condition.h — who a procedure, a step or a date rule applies to
 *
 * A condition (`applies_if` in a procedure file) tests traveller facts
 * (nationality, age, length of stay, visa, status of residence…) and the
 * answers staff give to the procedure's questions. Evaluated for one
 * traveller it says: applies, does not apply (and why, in words), or
 * cannot tell yet (and what is missing). Unknown counts as "applies" for
 * the flow, shown as "may apply".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "ed-facts.h"
#include "ed-procedure.h"

G_BEGIN_DECLS

typedef enum
{
  ED_APPLIES_YES,
  ED_APPLIES_NO,
  ED_APPLIES_UNKNOWN,
} EdApplies;

typedef enum
{
  ED_CONDITION_ALL,
  ED_CONDITION_ANY,
  ED_CONDITION_NOT,
  ED_CONDITION_FACT,      /* a traveller fact: nationality, age, stay_days… */
  ED_CONDITION_QUESTION,  /* the answer to one of the procedure's questions */
  ED_CONDITION_ANSWER,    /* the value of one of the procedure's fields */
} EdConditionType;

typedef enum
{
  ED_CONDITION_IN,
  ED_CONDITION_NOT_IN,
  ED_CONDITION_IS,
  ED_CONDITION_IS_NOT,
  ED_CONDITION_AT_LEAST,
  ED_CONDITION_AT_MOST,
  ED_CONDITION_ON_OR_AFTER,
  ED_CONDITION_ON_OR_BEFORE,
  ED_CONDITION_PRESENT,
} EdConditionOp;

struct _EdCondition
{
  EdConditionType  type;
  GPtrArray       *children;    /* EdCondition: all, any, not (one) */
  char            *subject;     /* a fact name, a question id or a field id */
  EdConditionOp    op;
  GStrv            values;      /* in, not_in, is, is_not; on_or_after, on_or_before */
  gint64           number;      /* at_least, at_most */
  gboolean         present;     /* present */
  EdText          *because;     /* nullable: how to say the test in a reason */
  JsonNode        *source;      /* the condition as the file writes it */
};

/**
 * EdReason:
 * @test: a test that decided "does not apply"
 * @value: (nullable): the traveller's value it saw
 */
typedef struct
{
  const EdCondition *test;
  char              *value;
} EdReason;

/**
 * EdApplicability:
 * @applies: the verdict
 * @reasons: (element-type EdReason): for %ED_APPLIES_NO, the tests that
 *   decided it
 * @missing: (element-type utf8): what the traveller lacks for a verdict:
 *   fact names (`nationality`), question ids or field ids
 * @explanation: (nullable): the file's `not_applicable`, for %ED_APPLIES_NO
 * @ended: (nullable): the part's `valid_until`, when the traveller's date
 *   is after it (then @applies is %ED_APPLIES_NO)
 * @starts: (nullable): the part's `valid_from`, when the traveller's date
 *   is before it (then @applies is %ED_APPLIES_NO)
 */
typedef struct
{
  EdApplies     applies;
  GPtrArray    *reasons;
  GPtrArray    *missing;
  const EdText *explanation;
  const char   *ended;
  const char   *starts;
} EdApplicability;

void              ed_condition_free              (EdCondition        *self);
EdApplies         ed_condition_evaluate          (const EdCondition  *self,
                                                  EdProcedure        *procedure,
                                                  const EdFacts      *facts,
                                                  GPtrArray          *reasons,
                                                  GPtrArray          *missing);

char             *ed_procedure_dup_fact          (EdProcedure        *procedure,
                                                  const EdFacts      *facts,
                                                  const char         *name);
gboolean          ed_procedure_get_facts_day     (EdProcedure        *procedure,
                                                  const EdFacts      *facts,
                                                  GDate              *day);

EdApplicability  *ed_procedure_check_applies     (EdProcedure        *procedure,
                                                  const EdFacts      *facts);
EdApplicability  *ed_procedure_check_step        (EdProcedure        *procedure,
                                                  const EdStep       *step,
                                                  const EdFacts      *facts);
EdApplicability  *ed_procedure_check_period      (EdProcedure        *procedure,
                                                  const EdPeriod     *period,
                                                  const EdFacts      *facts);
void              ed_applicability_free          (EdApplicability    *self);
char             *ed_applicability_describe      (const EdApplicability *self,
                                                  EdProcedure        *procedure,
                                                  EdLanguage          language);
char             *ed_condition_describe_subject  (const EdCondition  *test,
                                                  EdProcedure        *procedure,
                                                  EdLanguage          language);
char             *ed_procedure_describe_missing  (EdProcedure        *procedure,
                                                  const char         *name,
                                                  EdLanguage          language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdApplicability, ed_applicability_free)

G_END_DECLS
