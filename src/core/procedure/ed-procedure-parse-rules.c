/* ed-procedure-parse-rules.c — what procedure format 2 adds: conditions,
 * questions, fees, validity, source references, relations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-procedure-private.h"
#include "ed-traveller-keys.h"

const char * const ed_procedure_source_kind_names[] = {
  "unspecified", "official", "news", "third-party", NULL
};
const char * const ed_procedure_question_kind_names[] = { "yes-no", "choice", "number", NULL };

static const char * const question_keys[] = {
  "id", "kind", "text", "help", "choices", "min", "max", NULL
};
static const char * const question_choice_keys[] = { "value", "label", NULL };
static const char * const fee_keys[] = {
  "id", "item", "label", "amount", "currency", "valid_from", "valid_until", "step", "note",
  "unverified", "sources", NULL
};

/* Deeper than any real condition; keeps a hostile file from exhausting
 * the stack. */
#define MAX_CONDITION_DEPTH 16
/* A billion in any currency is a typo. */
#define MAX_AMOUNT 1000000000

static void
problem_in (EdJsonReader *r,
            const char   *key,
            const char   *what)
{
  gsize mark = ed_json_reader_enter (r, key);

  ed_json_reader_problem (r, "%s", what);
  ed_json_reader_leave (r, mark);
}

/**
 * _ed_procedure_check_keys:
 * @keys: the keys of format 1
 * @keys_2: (nullable): the keys format 2 adds
 *
 * Like ed_json_reader_check_keys(); a format 2 key in a format 1 file is
 * said to need format 2 rather than to be unknown.
 */
void
_ed_procedure_check_keys (EdProcedure        *self,
                          EdJsonReader       *r,
                          JsonObject         *object,
                          const char * const *keys,
                          const char * const *keys_2)
{
  g_autoptr(GPtrArray) known = g_ptr_array_new ();

  for (guint i = 0; keys[i] != NULL; i++)
    g_ptr_array_add (known, (gpointer) keys[i]);
  for (guint i = 0; keys_2 != NULL && keys_2[i] != NULL; i++)
    {
      g_ptr_array_add (known, (gpointer) keys_2[i]);
      if (self->schema < 2 && json_object_has_member (object, keys_2[i]))
        problem_in (r, keys_2[i], _("this key needs procedure format 2: set “schema” to 2"));
    }
  g_ptr_array_add (known, NULL);

  ed_json_reader_check_keys (r, object, (const char * const *) known->pdata);
}

void
_ed_procedure_read_validity (EdProcedure   *self,
                             EdJsonReader  *r,
                             JsonObject    *object,
                             char         **valid_from,
                             char         **valid_until)
{
  *valid_from = ed_json_reader_get_date (r, object, "valid_from", FALSE);
  *valid_until = ed_json_reader_get_date (r, object, "valid_until", FALSE);

  if (*valid_from != NULL && *valid_until != NULL && strcmp (*valid_from, *valid_until) > 0)
    {
      gsize mark = ed_json_reader_enter (r, "valid_until");

      ed_json_reader_problem (r, _("%s is before “valid_from” (%s)"), *valid_until, *valid_from);
      ed_json_reader_leave (r, mark);
    }
}

/* A list of ids from the file, each once; with @exists, each the id of a
 * source. */
static GPtrArray *
read_id_list (EdJsonReader *r,
              JsonObject   *object,
              const char   *key,
              gboolean      required,
              gboolean    (*exists) (EdProcedure *self, const char *id),
              EdProcedure  *self)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  JsonArray *array = ed_json_reader_get_array (r, object, key, required);
  gsize mark;

  if (array == NULL)
    return ids;

  mark = ed_json_reader_enter (r, key);
  if (required && json_array_get_length (array) == 0)
    ed_json_reader_problem (r, _("must list at least one"));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gsize inner = ed_json_reader_enter_index (r, i);
      const char *id;

      if (json_node_get_value_type (element) != G_TYPE_STRING ||
          !ed_json_reader_is_id ((id = json_node_get_string (element))))
        ed_json_reader_problem (r, _("must be an id: lower-case letters, digits and “-”, starting "
                                     "with a letter"));
      else if (exists != NULL && !exists (self, id))
        ed_json_reader_problem (r, _("“%s” is not the id of a source in “sources”"), id);
      else if (g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
        ed_json_reader_problem (r, _("“%s” is listed twice"), id);
      else
        g_ptr_array_add (ids, g_strdup (id));
      ed_json_reader_leave (r, inner);
    }
  ed_json_reader_leave (r, mark);

  return ids;
}

static gboolean
source_exists (EdProcedure *self,
               const char  *id)
{
  return ed_procedure_find_source (self, id) != NULL;
}

/**
 * _ed_procedure_read_source_ids:
 *
 * Returns: (transfer full): the `sources` of a part: ids of the
 *   procedure's sources
 */
GPtrArray *
_ed_procedure_read_source_ids (EdProcedure  *self,
                               EdJsonReader *r,
                               JsonObject   *object,
                               gboolean      required)
{
  return read_id_list (r, object, "sources", required, source_exists, self);
}

void
_ed_procedure_read_relations (EdProcedure  *self,
                              EdJsonReader *r,
                              JsonObject   *top)
{
  g_clear_pointer (&self->see_also, g_ptr_array_unref);
  self->see_also = read_id_list (r, top, "see_also", FALSE, NULL, self);

  if (self->id != NULL &&
      g_ptr_array_find_with_equal_func (self->see_also, self->id, g_str_equal, NULL))
    ed_json_reader_problem_at (r, "see_also", _("a procedure cannot refer to itself"));
}

void
_ed_procedure_choice_free (EdChoice *choice)
{
  g_free (choice->value);
  g_clear_pointer (&choice->label, ed_text_unref);
  g_free (choice->official_label);
  g_free (choice);
}

/* Conditions */

/* The facts a condition may test, and how. */
typedef enum
{
  FACT_WORDS,     /* in, not_in, is, is_not */
  FACT_NUMBER,    /* at_least, at_most */
  FACT_DATE,      /* on_or_after, on_or_before */
  FACT_PRESENCE,  /* present only */
} FactType;

static const struct
{
  const char *name;
  FactType    type;
} facts[] = {
  { "nationality", FACT_WORDS },
  { "sex", FACT_WORDS },
  { "visa_type", FACT_WORDS },
  { "status_of_residence", FACT_WORDS },
  { "arrival_port", FACT_WORDS },
  { "age", FACT_NUMBER },
  { "stay_days", FACT_NUMBER },
  { "arrival_date", FACT_DATE },
  { "stay_expiry", FACT_DATE },
  { "birth_date", FACT_DATE },
  { "passport_expiry", FACT_DATE },
};

static const char * const op_names[] = {
  "in", "not_in", "is", "is_not", "at_least", "at_most", "on_or_after", "on_or_before",
  "present", NULL
};

static gboolean
op_fits (EdConditionOp op,
         FactType      type)
{
  if (op == ED_CONDITION_PRESENT)
    return TRUE;
  switch (type)
    {
    case FACT_WORDS:
      return op <= ED_CONDITION_IS_NOT;
    case FACT_NUMBER:
      return op == ED_CONDITION_AT_LEAST || op == ED_CONDITION_AT_MOST;
    case FACT_DATE:
      return op == ED_CONDITION_ON_OR_AFTER || op == ED_CONDITION_ON_OR_BEFORE;
    case FACT_PRESENCE:
    default:
      return FALSE;
    }
}

/* What a subject may be tested with, and which values it can have
 * (%NULL: any). */
static gboolean
subject_type (EdProcedure        *self,
              EdJsonReader       *r,
              EdCondition        *condition,
              FactType           *type,
              GPtrArray         **values)
{
  *values = NULL;

  if (condition->type == ED_CONDITION_FACT)
    {
      for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
        if (strcmp (facts[i].name, condition->subject) == 0)
          {
            *type = facts[i].type;
            return TRUE;
          }
      if (ed_traveller_is_key (condition->subject))
        {
          *type = FACT_PRESENCE;
          return TRUE;
        }
      problem_in (r, "fact", _("not a fact Entry Desk knows: use nationality, sex, age, stay_days, "
                               "visa_type, status_of_residence, arrival_port, arrival_date or "
                               "another traveller key"));
      return FALSE;
    }

  if (condition->type == ED_CONDITION_QUESTION)
    {
      const EdQuestion *question = ed_procedure_find_question (self, condition->subject);

      if (question == NULL)
        {
          problem_in (r, "question", _("not the id of a question in “questions”"));
          return FALSE;
        }
      *type = question->kind == ED_QUESTION_NUMBER ? FACT_NUMBER : FACT_WORDS;
      *values = g_ptr_array_new ();
      if (question->kind == ED_QUESTION_YES_NO)
        {
          g_ptr_array_add (*values, (gpointer) "yes");
          g_ptr_array_add (*values, (gpointer) "no");
        }
      for (guint i = 0; question->choices != NULL && i < question->choices->len; i++)
        {
          const char *value = ((EdChoice *) g_ptr_array_index (question->choices, i))->value;

          if (value != NULL)
            g_ptr_array_add (*values, (gpointer) value);
        }
      if (question->kind == ED_QUESTION_NUMBER)
        g_clear_pointer (values, g_ptr_array_unref);
      return TRUE;
    }

  {
    const EdField *field = ed_procedure_find_field (self, condition->subject);

    if (field == NULL)
      {
        problem_in (r, "answer", _("not the id of a field in “fields”"));
        return FALSE;
      }
    switch (field->kind)
      {
      case ED_FIELD_DATE:
        *type = FACT_DATE;
        break;
      case ED_FIELD_NUMBER:
      case ED_FIELD_DIGITS:
        *type = FACT_NUMBER;
        break;
      case ED_FIELD_PASSWORD:
        *type = FACT_PRESENCE;
        break;
      default:
        *type = FACT_WORDS;
      }
    if (field->kind == ED_FIELD_YES_NO || field->kind == ED_FIELD_CHOICE)
      {
        *values = g_ptr_array_new ();
        if (field->kind == ED_FIELD_YES_NO)
          {
            g_ptr_array_add (*values, (gpointer) "yes");
            g_ptr_array_add (*values, (gpointer) "no");
          }
        else
          for (guint i = 0; i < field->choices->len; i++)
            {
              const char *value = ((EdChoice *) g_ptr_array_index (field->choices, i))->value;

              if (value != NULL)
                g_ptr_array_add (*values, (gpointer) value);
            }
      }
    return TRUE;
  }
}

/* The value of a words test: a string for is/is_not, a list for in/not_in. */
static void
read_words (EdJsonReader *r,
            JsonNode     *node,
            EdCondition  *condition,
            const char   *op,
            GPtrArray    *allowed)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean list = condition->op == ED_CONDITION_IN || condition->op == ED_CONDITION_NOT_IN;
  gsize mark = ed_json_reader_enter (r, op);
  guint n = 0;

  if (list && !JSON_NODE_HOLDS_ARRAY (node))
    ed_json_reader_problem (r, _("must be a list of values"));
  else if (!list && json_node_get_value_type (node) != G_TYPE_STRING)
    ed_json_reader_problem (r, _("must be a value, as a string"));
  else if (list)
    {
      JsonArray *array = json_node_get_array (node);

      n = json_array_get_length (array);
      if (n == 0)
        ed_json_reader_problem (r, _("must list at least one"));
      for (guint i = 0; i < n; i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          gsize inner = ed_json_reader_enter_index (r, i);

          if (json_node_get_value_type (element) != G_TYPE_STRING)
            ed_json_reader_problem (r, _("must be a value, as a string"));
          else
            g_strv_builder_add (builder, json_node_get_string (element));
          ed_json_reader_leave (r, inner);
        }
    }
  else
    g_strv_builder_add (builder, json_node_get_string (node));

  condition->values = g_strv_builder_end (builder);

  for (guint i = 0; condition->values[i] != NULL; i++)
    {
      const char *value = condition->values[i];
      gboolean bad = FALSE;

      if (allowed != NULL)
        bad = !g_ptr_array_find_with_equal_func (allowed, value, g_str_equal, NULL);
      if (bad)
        ed_json_reader_problem (r, _("“%s” is not one of the answers it can have"), value);
      else if (condition->type == ED_CONDITION_FACT &&
               strcmp (condition->subject, "nationality") == 0 &&
               (strlen (value) != 3 || !g_ascii_isupper (value[0]) ||
                !g_ascii_isupper (value[1]) || !g_ascii_isupper (value[2])))
        ed_json_reader_problem (r, _("“%s” is not a nationality code: use the three capital "
                                     "letters of ISO 3166-1 alpha-3, as in passports (GBR, CAN)"),
                                value);
    }
  ed_json_reader_leave (r, mark);
}

static EdCondition *read_condition_node (EdProcedure  *self,
                                         EdJsonReader *r,
                                         JsonNode     *node,
                                         guint         depth);

static EdCondition *
read_test (EdProcedure  *self,
           EdJsonReader *r,
           JsonObject   *object,
           EdCondition  *condition,
           const char   *subject_key)
{
  static const char * const test_keys[] = {
    "fact", "question", "answer", "in", "not_in", "is", "is_not", "at_least", "at_most",
    "on_or_after", "on_or_before", "present", "because", NULL
  };
  g_autoptr(GPtrArray) allowed = NULL;
  const char *op = NULL;
  FactType type = FACT_WORDS;
  gboolean typed;
  int found = 0;

  ed_json_reader_check_keys (r, object, test_keys);
  condition->subject = ed_json_reader_get_string (r, object, subject_key, TRUE);
  condition->because = ed_json_reader_get_text (r, object, "because", FALSE);
  if (condition->subject == NULL)
    return condition;

  for (guint i = 0; op_names[i] != NULL; i++)
    if (json_object_has_member (object, op_names[i]))
      {
        op = op_names[i];
        condition->op = (EdConditionOp) i;
        found++;
      }
  if (found != 1)
    {
      ed_json_reader_problem (r, _("a test needs exactly one of in, not_in, is, is_not, at_least, "
                                   "at_most, on_or_after, on_or_before or present"));
      return condition;
    }

  typed = subject_type (self, r, condition, &type, &allowed);
  if (typed && !op_fits (condition->op, type))
    {
      problem_in (r, op, _("this test does not fit what it tests: words take in, not_in, is or "
                           "is_not; numbers at_least or at_most; dates on_or_after or "
                           "on_or_before"));
      return condition;
    }

  switch (condition->op)
    {
    case ED_CONDITION_PRESENT:
      ed_json_reader_get_bool (r, object, "present", &condition->present);
      break;
    case ED_CONDITION_AT_LEAST:
    case ED_CONDITION_AT_MOST:
      {
        int number = 0;

        ed_json_reader_get_int (r, object, op, TRUE, 0, G_MAXINT, &number);
        condition->number = number;
      }
      break;
    case ED_CONDITION_ON_OR_AFTER:
    case ED_CONDITION_ON_OR_BEFORE:
      {
        char *date = ed_json_reader_get_date (r, object, op, TRUE);

        condition->values = g_new0 (char *, 2);
        condition->values[0] = date != NULL ? date : g_strdup ("");
      }
      break;
    default:
      read_words (r, json_object_get_member (object, op), condition, op, allowed);
    }

  return condition;
}

static EdCondition *
read_condition_node (EdProcedure  *self,
                     EdJsonReader *r,
                     JsonNode     *node,
                     guint         depth)
{
  g_autoptr(GPtrArray) children = NULL;
  EdCondition *condition;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      ed_json_reader_problem (r, _("a condition must be an object, such as { \"fact\": \"age\", "
                                   "\"at_least\": 20 }"));
      return NULL;
    }
  if (depth > MAX_CONDITION_DEPTH)
    {
      ed_json_reader_problem (r, _("conditions are nested too deeply (more than %d levels)"),
                              MAX_CONDITION_DEPTH);
      return NULL;
    }

  object = json_node_get_object (node);
  condition = g_new0 (EdCondition, 1);
  condition->source = json_node_copy (node);

  if (json_object_has_member (object, "all") || json_object_has_member (object, "any"))
    {
      const char *key = json_object_has_member (object, "all") ? "all" : "any";
      static const char * const all_keys[] = { "all", NULL };
      static const char * const any_keys[] = { "any", NULL };
      JsonArray *array;
      gsize mark;

      condition->type = strcmp (key, "all") == 0 ? ED_CONDITION_ALL : ED_CONDITION_ANY;
      condition->children = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_condition_free);
      ed_json_reader_check_keys (r, object, strcmp (key, "all") == 0 ? all_keys : any_keys);
      array = ed_json_reader_get_array (r, object, key, TRUE);
      if (array == NULL)
        return condition;

      mark = ed_json_reader_enter (r, key);
      if (json_array_get_length (array) == 0)
        ed_json_reader_problem (r, _("must list at least one condition"));
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          gsize inner = ed_json_reader_enter_index (r, i);
          EdCondition *child = read_condition_node (self, r, json_array_get_element (array, i),
                                                    depth + 1);

          if (child != NULL)
            g_ptr_array_add (condition->children, child);
          ed_json_reader_leave (r, inner);
        }
      ed_json_reader_leave (r, mark);
      return condition;
    }

  if (json_object_has_member (object, "not"))
    {
      static const char * const not_keys[] = { "not", NULL };
      EdCondition *child;
      gsize mark;

      condition->type = ED_CONDITION_NOT;
      condition->children = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_condition_free);
      ed_json_reader_check_keys (r, object, not_keys);
      mark = ed_json_reader_enter (r, "not");
      child = read_condition_node (self, r, json_object_get_member (object, "not"), depth + 1);
      ed_json_reader_leave (r, mark);
      if (child != NULL)
        g_ptr_array_add (condition->children, child);
      return condition;
    }

  if (json_object_has_member (object, "fact"))
    condition->type = ED_CONDITION_FACT;
  else if (json_object_has_member (object, "question"))
    condition->type = ED_CONDITION_QUESTION;
  else if (json_object_has_member (object, "answer"))
    condition->type = ED_CONDITION_ANSWER;
  else
    {
      ed_json_reader_problem (r, _("a condition needs one of all, any, not, fact, question or "
                                   "answer"));
      return condition;
    }

  return read_test (self, r, object, condition,
                    condition->type == ED_CONDITION_FACT ? "fact"
                    : condition->type == ED_CONDITION_QUESTION ? "question" : "answer");
}

/* A condition read with problems is dropped: a part that cannot say whom
 * it applies to must not be shown to everyone. The file is refused
 * anyway. */
static gboolean
is_whole (const EdCondition *condition)
{
  if (condition == NULL)
    return FALSE;
  if (condition->children != NULL)
    {
      if (condition->children->len == 0)
        return FALSE;
      for (guint i = 0; i < condition->children->len; i++)
        if (!is_whole (g_ptr_array_index (condition->children, i)))
          return FALSE;
      return TRUE;
    }
  return condition->subject != NULL;
}

/**
 * _ed_procedure_read_condition:
 *
 * Returns: (transfer full) (nullable): the condition in @key, %NULL when
 *   there is none or it has problems (recorded in @r)
 */
EdCondition *
_ed_procedure_read_condition (EdProcedure  *self,
                              EdJsonReader *r,
                              JsonObject   *object,
                              const char   *key)
{
  JsonNode *node = ed_json_reader_member (r, object, key, FALSE);
  guint before = r->n_problems;
  EdCondition *condition;
  gsize mark;

  if (node == NULL)
    return NULL;

  mark = ed_json_reader_enter (r, key);
  condition = read_condition_node (self, r, node, 0);
  ed_json_reader_leave (r, mark);

  if (r->n_problems > before || !is_whole (condition))
    g_clear_pointer (&condition, ed_condition_free);
  return condition;
}

/* Questions */

static void
question_free (EdQuestion *question)
{
  g_free (question->id);
  g_clear_pointer (&question->text, ed_text_unref);
  g_clear_pointer (&question->help, ed_text_unref);
  g_clear_pointer (&question->choices, g_ptr_array_unref);
  g_free (question);
}

static gpointer
read_question_choice (EdJsonReader *r,
                      JsonObject   *object,
                      GHashTable   *ids,
                      gpointer      user_data)
{
  EdChoice *choice = g_new0 (EdChoice, 1);

  ed_json_reader_check_keys (r, object, question_choice_keys);
  choice->value = ed_json_reader_get_id (r, object, "value", TRUE);
  /* The list's id table maps an id to where it was first used. */
  if (choice->value != NULL && g_hash_table_contains (ids, choice->value))
    problem_in (r, "value", _("this value is already used by another choice"));
  else if (choice->value != NULL)
    g_hash_table_insert (ids, g_strdup (choice->value), g_strdup (""));
  choice->label = ed_json_reader_get_text (r, object, "label", TRUE);

  return choice;
}

static gpointer
read_question (EdJsonReader *r,
               JsonObject   *object,
               GHashTable   *ids,
               gpointer      user_data)
{
  EdProcedure *self = user_data;
  EdQuestion *question = g_new0 (EdQuestion, 1);
  gboolean has_min, has_max;

  ed_json_reader_check_keys (r, object, question_keys);
  question->id = ed_json_reader_read_item_id (r, object, ids);
  if (question->id != NULL && ed_procedure_find_field (self, question->id) != NULL)
    problem_in (r, "id", _("a field already has this id: fields and questions share their ids, "
                           "since both are answers"));

  question->kind = ed_json_reader_get_enum (r, object, "kind", TRUE,
                                            ed_procedure_question_kind_names, ED_QUESTION_YES_NO);
  question->text = ed_json_reader_get_text (r, object, "text", TRUE);
  question->help = ed_json_reader_get_text (r, object, "help", FALSE);
  question->choices = ed_json_reader_read_list (r, object, "choices",
                                                question->kind == ED_QUESTION_CHOICE,
                                                read_question_choice,
                                                (GDestroyNotify) _ed_procedure_choice_free, NULL);
  if (question->kind != ED_QUESTION_CHOICE && json_object_has_member (object, "choices"))
    problem_in (r, "choices", _("only a question of kind “choice” has choices"));
  else if (question->kind == ED_QUESTION_CHOICE && question->choices->len == 0 &&
           json_object_has_member (object, "choices"))
    problem_in (r, "choices", _("must list at least one choice"));

  question->min = question->max = -1;
  has_min = ed_json_reader_get_int (r, object, "min", FALSE, 0, G_MAXINT, &question->min);
  has_max = ed_json_reader_get_int (r, object, "max", FALSE, 0, G_MAXINT, &question->max);
  if ((has_min || has_max) && question->kind != ED_QUESTION_NUMBER)
    problem_in (r, has_min ? "min" : "max", _("only a question of kind “number” has a minimum or "
                                              "maximum"));
  else if (has_min && has_max && question->min > question->max)
    problem_in (r, "max", _("must not be less than “min”"));

  return question;
}

GPtrArray *
_ed_procedure_read_questions (EdProcedure  *self,
                              EdJsonReader *r,
                              JsonObject   *top)
{
  return ed_json_reader_read_list (r, top, "questions", FALSE, read_question,
                                   (GDestroyNotify) question_free, self);
}

/* Fees */

static void
fee_free (EdFee *fee)
{
  g_free (fee->id);
  g_free (fee->item);
  g_clear_pointer (&fee->label, ed_text_unref);
  g_free (fee->currency);
  g_free (fee->valid_from);
  g_free (fee->valid_until);
  g_free (fee->step);
  g_clear_pointer (&fee->note, ed_text_unref);
  g_clear_pointer (&fee->sources, g_ptr_array_unref);
  g_free (fee);
}

static gpointer
read_fee (EdJsonReader *r,
          JsonObject   *object,
          GHashTable   *ids,
          gpointer      user_data)
{
  EdProcedure *self = user_data;
  EdFee *fee = g_new0 (EdFee, 1);
  int amount = 0;

  ed_json_reader_check_keys (r, object, fee_keys);
  fee->id = ed_json_reader_read_item_id (r, object, ids);
  fee->item = ed_json_reader_get_id (r, object, "item", TRUE);
  fee->label = ed_json_reader_get_text (r, object, "label", TRUE);
  ed_json_reader_get_int (r, object, "amount", TRUE, 0, MAX_AMOUNT, &amount);
  fee->amount = amount;

  fee->currency = ed_json_reader_get_string (r, object, "currency", TRUE);
  if (fee->currency != NULL &&
      (strlen (fee->currency) != 3 || !g_ascii_isupper (fee->currency[0]) ||
       !g_ascii_isupper (fee->currency[1]) || !g_ascii_isupper (fee->currency[2])))
    problem_in (r, "currency", _("not a currency code: use the three capital letters of ISO 4217, "
                                 "such as JPY or CNY"));

  _ed_procedure_read_validity (self, r, object, &fee->valid_from, &fee->valid_until);
  fee->step = ed_json_reader_get_id (r, object, "step", FALSE);
  if (fee->step != NULL && ed_procedure_find_step (self, fee->step) == NULL)
    problem_in (r, "step", _("not the id of a step in “steps”"));
  fee->note = ed_json_reader_get_text (r, object, "note", FALSE);
  ed_json_reader_get_bool (r, object, "unverified", &fee->unverified);
  fee->sources = _ed_procedure_read_source_ids (self, r, object, FALSE);

  return fee;
}

/* Two versions of one fee may not both be in force on one day. */
static gboolean
overlap (const EdFee *a,
         const EdFee *b)
{
  const char *a_from = a->valid_from != NULL ? a->valid_from : "0000-00-00";
  const char *b_from = b->valid_from != NULL ? b->valid_from : "0000-00-00";
  const char *a_until = a->valid_until != NULL ? a->valid_until : "9999-99-99";
  const char *b_until = b->valid_until != NULL ? b->valid_until : "9999-99-99";

  return strcmp (a_from, b_until) <= 0 && strcmp (b_from, a_until) <= 0;
}

GPtrArray *
_ed_procedure_read_fees (EdProcedure  *self,
                         EdJsonReader *r,
                         JsonObject   *top)
{
  GPtrArray *fees = ed_json_reader_read_list (r, top, "fees", FALSE, read_fee,
                                              (GDestroyNotify) fee_free, self);

  for (guint i = 0; i < fees->len; i++)
    for (guint j = 0; j < i; j++)
      {
        const EdFee *a = g_ptr_array_index (fees, j);
        const EdFee *b = g_ptr_array_index (fees, i);

        if (a->item != NULL && g_strcmp0 (a->item, b->item) == 0 && overlap (a, b))
          {
            g_autofree char *place = g_strdup_printf ("fees[%u]", i);

            ed_json_reader_problem_at (r, place, _("its dates overlap those of “%s”, another "
                                                   "version of the same fee"),
                                       a->id);
          }
      }

  return fees;
}
