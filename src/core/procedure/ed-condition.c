/* ed-condition.c — conditions evaluated for one traveller, and said in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-condition.h"
#include "ed-date.h"
#include "ed-mo.h"
#include "ed-procedure-private.h"
#include "ed-traveller-keys.h"

void
ed_condition_free (EdCondition *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->children, g_ptr_array_unref);
  g_free (self->subject);
  g_strfreev (self->values);
  g_clear_pointer (&self->because, ed_text_unref);
  g_clear_pointer (&self->source, json_node_unref);
  g_free (self);
}

static void
reason_free (EdReason *reason)
{
  g_free (reason->value);
  g_free (reason);
}

/**
 * ed_procedure_get_facts_day:
 * @day: (out caller-allocates): the day
 *
 * The day the rules judge a traveller on: the arrival date when the
 * traveller has one, otherwise today (@facts' @today).
 *
 * Returns: whether @day comes from the arrival date
 */
gboolean
ed_procedure_get_facts_day (EdProcedure   *procedure,
                            const EdFacts *facts,
                            GDate         *day)
{
  if (ed_date_parse (facts->get_key (facts->data, "arrival_date"), day))
    return TRUE;

  *day = facts->today;
  return FALSE;
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

/* Whole years from @birth to @day. */
static int
years_between (const GDate *birth,
               const GDate *day)
{
  int years = (int) g_date_get_year (day) - (int) g_date_get_year (birth);

  if (g_date_get_month (day) < g_date_get_month (birth) ||
      (g_date_get_month (day) == g_date_get_month (birth) &&
       g_date_get_day (day) < g_date_get_day (birth)))
    years--;

  return years;
}

/**
 * ed_procedure_dup_fact:
 * @name: a fact (`age`, `stay_days`), a traveller key, or the id of one
 *   of @procedure's fields or questions
 *
 * Returns: (transfer full) (nullable): the traveller's value, %NULL when
 *   the traveller has not got it
 */
char *
ed_procedure_dup_fact (EdProcedure   *procedure,
                       const EdFacts *facts,
                       const char    *name)
{
  const EdField *field;
  const char *value = NULL;

  if (g_strcmp0 (name, "age") == 0)
    {
      GDate birth, day;

      ed_procedure_get_facts_day (procedure, facts, &day);
      if (!ed_date_parse (facts->get_key (facts->data, "birth_date"), &birth) ||
          g_date_compare (&birth, &day) > 0)
        return NULL;
      return g_strdup_printf ("%d", years_between (&birth, &day));
    }

  if (g_strcmp0 (name, "stay_days") == 0)
    {
      GDate arrival, last;

      if (!ed_date_parse (facts->get_key (facts->data, "arrival_date"), &arrival) ||
          !ed_date_parse (facts->get_key (facts->data, "stay_expiry"), &last) ||
          g_date_compare (&last, &arrival) < 0)
        return NULL;
      return g_strdup_printf ("%d", g_date_days_between (&arrival, &last) + 1);
    }

  if (ed_traveller_is_key (name))
    value = facts->get_key (facts->data, name);
  else if ((field = ed_procedure_find_field (procedure, name)) != NULL &&
           field->traveller_key != NULL)
    value = facts->get_key (facts->data, field->traveller_key);
  else
    value = facts->get_answer (facts->data, name);

  return is_blank (value) ? NULL : g_strdup (value);
}

typedef struct
{
  EdApplies  applies;
  GPtrArray *deciders;   /* EdReason: the tests that decided, with their values */
  GPtrArray *missing;    /* char * */
} Verdict;

static void
verdict_init (Verdict *v)
{
  v->deciders = g_ptr_array_new_with_free_func ((GDestroyNotify) reason_free);
  v->missing = g_ptr_array_new_with_free_func (g_free);
}

static void
verdict_clear (Verdict *v)
{
  g_clear_pointer (&v->deciders, g_ptr_array_unref);
  g_clear_pointer (&v->missing, g_ptr_array_unref);
}

static void
add_missing (GPtrArray  *missing,
             const char *name)
{
  if (!g_ptr_array_find_with_equal_func (missing, name, g_str_equal, NULL))
    g_ptr_array_add (missing, g_strdup (name));
}

static void
take_all (Verdict *into,
          Verdict *from,
          gboolean deciders,
          gboolean missing)
{
  if (deciders)
    while (from->deciders->len > 0)
      g_ptr_array_add (into->deciders, g_ptr_array_steal_index (from->deciders, 0));
  if (missing)
    for (guint i = 0; i < from->missing->len; i++)
      add_missing (into->missing, g_ptr_array_index (from->missing, i));
}

static gboolean
in_values (const EdCondition *test,
           const char        *value)
{
  for (guint i = 0; test->values != NULL && test->values[i] != NULL; i++)
    if (g_ascii_strcasecmp (test->values[i], value) == 0)
      return TRUE;
  return FALSE;
}

static EdApplies
test_leaf (const EdCondition *test,
           const char        *value)
{
  gint64 number;
  GDate date;

  switch (test->op)
    {
    case ED_CONDITION_PRESENT:
      return (value != NULL) == test->present ? ED_APPLIES_YES : ED_APPLIES_NO;
    case ED_CONDITION_IN:
    case ED_CONDITION_IS:
      return in_values (test, value) ? ED_APPLIES_YES : ED_APPLIES_NO;
    case ED_CONDITION_NOT_IN:
    case ED_CONDITION_IS_NOT:
      return in_values (test, value) ? ED_APPLIES_NO : ED_APPLIES_YES;
    case ED_CONDITION_AT_LEAST:
    case ED_CONDITION_AT_MOST:
      if (!g_ascii_string_to_signed (value, 10, G_MININT64, G_MAXINT64, &number, NULL))
        return ED_APPLIES_UNKNOWN;
      if (test->op == ED_CONDITION_AT_LEAST)
        return number >= test->number ? ED_APPLIES_YES : ED_APPLIES_NO;
      return number <= test->number ? ED_APPLIES_YES : ED_APPLIES_NO;
    case ED_CONDITION_ON_OR_AFTER:
    case ED_CONDITION_ON_OR_BEFORE:
      {
        char day[11];
        int order;

        if (!ed_date_parse (value, &date))
          return ED_APPLIES_UNKNOWN;
        ed_date_format_into (&date, day);
        order = strcmp (day, test->values[0]);
        if (test->op == ED_CONDITION_ON_OR_AFTER)
          return order >= 0 ? ED_APPLIES_YES : ED_APPLIES_NO;
        return order <= 0 ? ED_APPLIES_YES : ED_APPLIES_NO;
      }
    default:
      g_return_val_if_reached (ED_APPLIES_UNKNOWN);
    }
}

static void
evaluate (const EdCondition *self,
          EdProcedure       *procedure,
          const EdFacts     *facts,
          Verdict           *v)
{
  if (self->type == ED_CONDITION_FACT || self->type == ED_CONDITION_QUESTION ||
      self->type == ED_CONDITION_ANSWER)
    {
      g_autofree char *value = ed_procedure_dup_fact (procedure, facts, self->subject);
      EdReason *reason;

      if (value == NULL && self->op != ED_CONDITION_PRESENT)
        {
          v->applies = ED_APPLIES_UNKNOWN;
          add_missing (v->missing, self->subject);
          return;
        }

      v->applies = test_leaf (self, value);
      if (v->applies == ED_APPLIES_UNKNOWN)
        {
          add_missing (v->missing, self->subject);
          return;
        }
      reason = g_new0 (EdReason, 1);
      reason->test = self;
      reason->value = g_steal_pointer (&value);
      g_ptr_array_add (v->deciders, reason);
      return;
    }

  if (self->type == ED_CONDITION_NOT)
    {
      evaluate (g_ptr_array_index (self->children, 0), procedure, facts, v);
      if (v->applies == ED_APPLIES_YES)
        v->applies = ED_APPLIES_NO;
      else if (v->applies == ED_APPLIES_NO)
        v->applies = ED_APPLIES_YES;
      return;
    }

  /* all: one "no" decides; any: one "yes" decides. */
  {
    EdApplies decisive = self->type == ED_CONDITION_ALL ? ED_APPLIES_NO : ED_APPLIES_YES;
    EdApplies otherwise = self->type == ED_CONDITION_ALL ? ED_APPLIES_YES : ED_APPLIES_NO;
    g_autoptr(GPtrArray) verdicts = g_ptr_array_new ();
    gboolean decided = FALSE, unknown = FALSE;

    for (guint i = 0; i < self->children->len; i++)
      {
        Verdict *child = g_new0 (Verdict, 1);

        verdict_init (child);
        evaluate (g_ptr_array_index (self->children, i), procedure, facts, child);
        decided |= child->applies == decisive;
        unknown |= child->applies == ED_APPLIES_UNKNOWN;
        g_ptr_array_add (verdicts, child);
      }

    v->applies = decided ? decisive : unknown ? ED_APPLIES_UNKNOWN : otherwise;
    for (guint i = 0; i < verdicts->len; i++)
      {
        Verdict *child = g_ptr_array_index (verdicts, i);

        if (decided)
          take_all (v, child, child->applies == decisive, FALSE);
        else if (unknown)
          take_all (v, child, FALSE, child->applies == ED_APPLIES_UNKNOWN);
        else
          take_all (v, child, TRUE, FALSE);
        verdict_clear (child);
        g_free (child);
      }
  }
}

/**
 * ed_condition_evaluate:
 * @reasons: (nullable) (element-type EdReason): receives, for a "no", the
 *   tests that decided it
 * @missing: (nullable) (element-type utf8): receives, for "unknown", what
 *   the traveller lacks
 *
 * Returns: whether the condition holds for the traveller of @facts
 */
EdApplies
ed_condition_evaluate (const EdCondition *self,
                       EdProcedure       *procedure,
                       const EdFacts     *facts,
                       GPtrArray         *reasons,
                       GPtrArray         *missing)
{
  Verdict v = { 0 };

  g_return_val_if_fail (self != NULL, ED_APPLIES_UNKNOWN);
  g_return_val_if_fail (facts != NULL, ED_APPLIES_UNKNOWN);

  verdict_init (&v);
  evaluate (self, procedure, facts, &v);

  if (reasons != NULL && v.applies == ED_APPLIES_NO)
    while (v.deciders->len > 0)
      g_ptr_array_add (reasons, g_ptr_array_steal_index (v.deciders, 0));
  if (missing != NULL && v.applies == ED_APPLIES_UNKNOWN)
    for (guint i = 0; i < v.missing->len; i++)
      add_missing (missing, g_ptr_array_index (v.missing, i));

  verdict_clear (&v);
  return v.applies;
}

static EdApplicability *
applicability_new (void)
{
  EdApplicability *self = g_new0 (EdApplicability, 1);

  self->applies = ED_APPLIES_YES;
  self->reasons = g_ptr_array_new_with_free_func ((GDestroyNotify) reason_free);
  self->missing = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
ed_applicability_free (EdApplicability *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->reasons, g_ptr_array_unref);
  g_clear_pointer (&self->missing, g_ptr_array_unref);
  g_free (self);
}

/* A part's own validity, judged on the traveller's day (the arrival, or
 * today). */
static gboolean
check_validity (EdApplicability *self,
                EdProcedure     *procedure,
                const EdFacts   *facts,
                const char      *valid_from,
                const char      *valid_until)
{
  GDate day;
  char text[11];

  ed_procedure_get_facts_day (procedure, facts, &day);
  ed_date_format_into (&day, text);

  if (valid_until != NULL && strcmp (text, valid_until) > 0)
    self->ended = valid_until;
  else if (valid_from != NULL && strcmp (text, valid_from) < 0)
    self->starts = valid_from;
  else
    return TRUE;

  self->applies = ED_APPLIES_NO;
  return FALSE;
}

static EdApplicability *
check (EdProcedure       *procedure,
       const EdFacts     *facts,
       const EdCondition *condition,
       const EdText      *explanation,
       const char        *valid_from,
       const char        *valid_until)
{
  EdApplicability *self = applicability_new ();

  /* Whom it is for first: "not a Russian national" says more to a
   * British traveller than "this ended". */
  if (condition != NULL)
    self->applies = ed_condition_evaluate (condition, procedure, facts, self->reasons,
                                           self->missing);
  if (self->applies == ED_APPLIES_NO)
    self->explanation = explanation;
  else
    check_validity (self, procedure, facts, valid_from, valid_until);
  return self;
}

/**
 * ed_procedure_check_applies:
 *
 * Whether the whole procedure applies to the traveller of @facts (its
 * `applies_if`); its dates are its status, not an applicability.
 *
 * Returns: (transfer full): the verdict and its reasons
 */
EdApplicability *
ed_procedure_check_applies (EdProcedure   *procedure,
                            const EdFacts *facts)
{
  g_return_val_if_fail (ED_IS_PROCEDURE (procedure), NULL);

  return check (procedure, facts, procedure->condition, procedure->not_applicable, NULL, NULL);
}

/**
 * ed_procedure_check_step:
 *
 * Whether @step applies: its own validity on the traveller's day, then
 * its `applies_if`.
 *
 * Returns: (transfer full): the verdict and its reasons
 */
EdApplicability *
ed_procedure_check_step (EdProcedure   *procedure,
                         const EdStep  *step,
                         const EdFacts *facts)
{
  g_return_val_if_fail (ED_IS_PROCEDURE (procedure), NULL);
  g_return_val_if_fail (step != NULL, NULL);

  return check (procedure, facts, step->condition, step->not_applicable,
                step->valid_from, step->valid_until);
}

/**
 * ed_procedure_check_period:
 *
 * Whether a date rule applies: only its `applies_if` (a rule's validity
 * gives warnings on its dates instead, ed_period_compute()).
 *
 * Returns: (transfer full): the verdict and its reasons
 */
EdApplicability *
ed_procedure_check_period (EdProcedure    *procedure,
                           const EdPeriod *period,
                           const EdFacts  *facts)
{
  g_return_val_if_fail (ED_IS_PROCEDURE (procedure), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  return check (procedure, facts, period->condition, NULL, NULL, NULL);
}

/* The facts a condition can test, in the words staff read. */
static const struct
{
  const char *name;
  const char *label;
} fact_labels[] = {
  { "nationality", NC_("fact", "Nationality") },
  { "sex", NC_("fact", "Sex") },
  { "age", NC_("fact", "Age") },
  { "stay_days", NC_("fact", "Length of stay") },
  { "visa_type", NC_("fact", "Visa type") },
  { "status_of_residence", NC_("fact", "Status of residence") },
  { "arrival_port", NC_("fact", "Port of arrival") },
  { "arrival_date", NC_("fact", "Arrival date") },
  { "arrival_time", NC_("fact", "Arrival time") },
  { "birth_date", NC_("fact", "Date of birth") },
  { "stay_expiry", NC_("fact", "End of the authorised stay") },
  { "passport_expiry", NC_("fact", "Passport expiry") },
  { "employer", NC_("fact", "Employer") },
  { "address_local", NC_("fact", "Address in the destination") },
  { "residence_card_number", NC_("fact", "Residence card number") },
  { "flight_number", NC_("fact", "Flight number") },
};

static const char *
fact_label (const char *name,
            EdLanguage  language)
{
  for (guint i = 0; i < G_N_ELEMENTS (fact_labels); i++)
    if (strcmp (fact_labels[i].name, name) == 0)
      return ed_translate (language, "fact", fact_labels[i].label);
  return name;
}

/**
 * ed_procedure_describe_missing:
 * @name: an entry of EdApplicability's @missing
 *
 * Returns: (transfer full): what is missing, in @language: a fact's
 *   name ("Nationality"), a question, a field's label
 */
char *
ed_procedure_describe_missing (EdProcedure *procedure,
                               const char  *name,
                               EdLanguage   language)
{
  const EdQuestion *question = ed_procedure_find_question (procedure, name);
  const EdField *field = ed_procedure_find_field (procedure, name);

  GPtrArray *fields = ed_procedure_get_fields (procedure);

  if (question != NULL)
    return g_strdup_printf (ed_translate (language, "applies", "the answer to “%s”"),
                            ed_text_lookup (question->text, language));
  if (field != NULL)
    return g_strdup (ed_text_lookup (field->label, language));
  /* A traveller key a field of the procedure fills: that field's label. */
  for (guint i = 0; i < fields->len; i++)
    {
      const EdField *candidate = g_ptr_array_index (fields, i);

      if (g_strcmp0 (candidate->traveller_key, name) == 0)
        return g_strdup (ed_text_lookup (candidate->label, language));
    }
  return g_strdup (fact_label (name, language));
}

/**
 * ed_condition_describe_subject:
 *
 * Returns: (transfer full): what @test looks at, in @language
 */
char *
ed_condition_describe_subject (const EdCondition *test,
                               EdProcedure       *procedure,
                               EdLanguage         language)
{
  return ed_procedure_describe_missing (procedure, test->subject, language);
}

/* The traveller's value as staff read it: "Yes", a choice's label, "34
 * years". */
static char *
describe_value (const EdReason *reason,
                EdProcedure    *procedure,
                EdLanguage      language)
{
  const EdCondition *test = reason->test;
  const EdQuestion *question = ed_procedure_find_question (procedure, test->subject);
  const EdField *field = ed_procedure_find_field (procedure, test->subject);
  GPtrArray *choices = question != NULL ? question->choices : field != NULL ? field->choices : NULL;
  gboolean yes_no = (question != NULL && question->kind == ED_QUESTION_YES_NO) ||
                    (field != NULL && field->kind == ED_FIELD_YES_NO);

  if (reason->value == NULL)
    return g_strdup (ed_translate (language, "answer", "not given"));

  for (guint i = 0; choices != NULL && i < choices->len; i++)
    {
      const EdChoice *choice = g_ptr_array_index (choices, i);

      if (g_strcmp0 (choice->value, reason->value) == 0)
        return g_strdup (ed_text_lookup (choice->label, language));
    }
  if (yes_no && g_strcmp0 (reason->value, "yes") == 0)
    return g_strdup (ed_translate (language, "answer", "Yes"));
  if (yes_no && g_strcmp0 (reason->value, "no") == 0)
    return g_strdup (ed_translate (language, "answer", "No"));
  if (test->type == ED_CONDITION_FACT && g_strcmp0 (test->subject, "age") == 0)
    return g_strdup_printf (ed_translate (language, "answer", "%s years"), reason->value);
  if (test->type == ED_CONDITION_FACT && g_strcmp0 (test->subject, "stay_days") == 0)
    return g_strdup_printf (ed_translate (language, "answer", "%s days"), reason->value);
  return g_strdup (reason->value);
}

/**
 * ed_applicability_describe:
 *
 * Returns: (transfer full) (nullable): in @language, why a part does not
 *   apply ("Not needed: Will you stay at a hotel? — Yes. The hotel
 *   registers its guests.") or what it waits for ("May apply: needs
 *   Nationality"); %NULL when it simply applies
 */
char *
ed_applicability_describe (const EdApplicability *self,
                           EdProcedure           *procedure,
                           EdLanguage             language)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  if (self->applies == ED_APPLIES_YES)
    return NULL;

  if (self->applies == ED_APPLIES_UNKNOWN)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < self->missing->len; i++)
        g_ptr_array_add (names, ed_procedure_describe_missing (procedure,
                                                               g_ptr_array_index (self->missing, i),
                                                               language));
      g_ptr_array_add (names, NULL);
      {
        g_autofree char *list = g_strjoinv (ed_translate (language, "list", ", "),
                                            (char **) names->pdata);

        g_string_printf (text, ed_translate (language, "applies", "May apply: needs %s"), list);
      }
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  if (self->ended != NULL)
    g_string_printf (text, ed_translate (language, "applies", "Not needed: this ended on %s"),
                     self->ended);
  else if (self->starts != NULL)
    g_string_printf (text, ed_translate (language, "applies", "Not yet: this starts on %s"),
                     self->starts);
  else
    {
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < self->reasons->len; i++)
        {
          const EdReason *reason = g_ptr_array_index (self->reasons, i);
          g_autofree char *subject = NULL;
          g_autofree char *value = NULL;

          if (reason->test->because != NULL)
            {
              g_ptr_array_add (parts, g_strdup (ed_text_lookup (reason->test->because, language)));
              continue;
            }
          subject = ed_condition_describe_subject (reason->test, procedure, language);
          value = describe_value (reason, procedure, language);
          g_ptr_array_add (parts, g_strdup_printf (ed_translate (language, "applies", "%s — %s"),
                                                   subject, value));
        }
      g_ptr_array_add (parts, NULL);
      {
        g_autofree char *list = g_strjoinv (ed_translate (language, "list", "; "),
                                            (char **) parts->pdata);

        g_string_printf (text, ed_translate (language, "applies", "Not needed: %s"), list);
      }
    }

  if (self->explanation != NULL)
    {
      g_string_append (text, ed_translate (language, "applies", ". "));
      g_string_append (text, ed_text_lookup (self->explanation, language));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
