/* ed-procedure-parse-fields.c — the fields, periods and contacts of a
 * procedure file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-procedure-private.h"
#include "ed-traveller-keys.h"

const char * const ed_procedure_field_kind_names[] = {
  "text", "name-latin", "date", "phone", "email", "country", "passport-number", "choice",
  "yes-no", "digits", "password", "address", "time", "number", NULL
};
/* "none" is what a field without a rule has; a file never writes it. */
const char * const ed_procedure_rule_type_names[] = {
  "none", "passport-number", "name-latin", "phone", "digits", "password", "pattern", NULL
};
const char * const ed_procedure_period_kind_names[] = { "period", "window", "deadline", NULL };
const char * const ed_procedure_counting_names[] = { "event-day-0", "event-day-1", NULL };

static const char * const field_keys[] = {
  "id", "traveller", "kind", "required", "label", "official_label", "help", "rule", "choices",
  "repeat", "private", NULL
};
static const char * const official_label_keys[] = { "text", "lang", NULL };
static const char * const rule_keys[] = {
  "type", "min_length", "max_length", "min_classes", "pattern", "message", NULL
};
static const char * const choice_keys[] = { "value", "label", "official_label", NULL };
static const char * const period_keys[] = {
  "id", "kind", "event", "days", "counting", "label", "note", NULL
};
static const char * const period_keys_2[] = {
  "event_time", "months", "hours", "before", "month_day", "month_end", "time_zone", "step",
  "applies_if", "valid_from", "valid_until", "unverified", "sources", NULL
};
static const char * const before_keys[] = { "days", "months", NULL };
static const char * const month_day_keys[] = { "months_after", "day", NULL };
static const char * const month_end_keys[] = { "months_after", NULL };
static const char * const contact_keys[] = {
  "id", "name", "phone", "email", "url", "text", "qr", "service", "hours", NULL
};
static const char * const hours_keys[] = { "languages", "hours", NULL };

/* Longer than any form asks; keeps a typo from meaning "a million". */
#define MAX_LENGTH 1000
/* A hundred years: beyond it a date rule is a typo, and GDate overflows. */
#define MAX_DAYS 36500
#define MAX_MONTHS 1200
#define MAX_HOURS 8760

const char *
ed_field_kind_to_string (EdFieldKind kind)
{
  g_return_val_if_fail (kind <= ED_FIELD_NUMBER, NULL);
  return ed_procedure_field_kind_names[kind];
}

const char *
ed_field_rule_type_to_string (EdFieldRuleType type)
{
  g_return_val_if_fail (type <= ED_FIELD_RULE_PATTERN, NULL);
  return ed_procedure_rule_type_names[type];
}

#define choice_free _ed_procedure_choice_free

static void
field_free (EdField *field)
{
  g_free (field->id);
  g_free (field->traveller_key);
  g_clear_pointer (&field->label, ed_text_unref);
  g_free (field->official_label);
  g_clear_pointer (&field->help, ed_text_unref);
  g_free (field->rule.pattern);
  g_clear_pointer (&field->rule.regex, g_regex_unref);
  g_clear_pointer (&field->rule.message, ed_text_unref);
  g_clear_pointer (&field->choices, g_ptr_array_unref);
  g_free (field);
}

static void
period_free (EdPeriod *period)
{
  g_free (period->id);
  g_free (period->event);
  g_clear_pointer (&period->label, ed_text_unref);
  g_clear_pointer (&period->note, ed_text_unref);
  g_clear_pointer (&period->events, g_ptr_array_unref);
  g_clear_pointer (&period->event_times, g_ptr_array_unref);
  g_free (period->time_zone);
  g_free (period->step);
  g_clear_pointer (&period->condition, ed_condition_free);
  g_free (period->valid_from);
  g_free (period->valid_until);
  g_clear_pointer (&period->sources, g_ptr_array_unref);
  g_free (period);
}

static void
contact_hours_free (EdContactHours *hours)
{
  g_clear_pointer (&hours->languages, ed_text_unref);
  g_clear_pointer (&hours->hours, ed_text_unref);
  g_free (hours);
}

static void
contact_free (EdContact *contact)
{
  g_free (contact->id);
  g_clear_pointer (&contact->name, ed_text_unref);
  g_free (contact->phone);
  g_free (contact->email);
  g_free (contact->url);
  g_clear_pointer (&contact->service, ed_text_unref);
  g_clear_pointer (&contact->hours, g_ptr_array_unref);
  g_free (contact->text);
  g_free (contact);
}

static void
problem_in (EdJsonReader *r,
            const char   *key,
            const char   *what)
{
  gsize mark = ed_json_reader_enter (r, key);

  ed_json_reader_problem (r, "%s", what);
  ed_json_reader_leave (r, mark);
}

static void
read_official_label (EdJsonReader *r,
                     JsonObject   *object,
                     EdField      *field)
{
  JsonObject *label = ed_json_reader_get_object (r, object, "official_label", FALSE);
  g_autofree char *lang = NULL;
  gsize mark;

  if (label == NULL)
    return;

  mark = ed_json_reader_enter (r, "official_label");
  ed_json_reader_check_keys (r, label, official_label_keys);
  field->official_label = ed_json_reader_get_string (r, label, "text", TRUE);
  lang = ed_json_reader_get_string (r, label, "lang", TRUE);
  if (lang != NULL)
    {
      gboolean known = FALSE;

      for (EdLanguage l = 0; l < ED_N_LANGUAGES; l++)
        if (strcmp (lang, ed_language_code (l)) == 0)
          {
            field->official_lang = l;
            known = TRUE;
          }
      if (!known)
        problem_in (r, "lang", _("must be a language of Entry Desk: en, ja, zh_CN or zh_TW"));
    }
  ed_json_reader_leave (r, mark);
}

static void
read_rule (EdJsonReader *r,
           JsonObject   *object,
           EdFieldRule  *rule)
{
  JsonObject *o = ed_json_reader_get_object (r, object, "rule", FALSE);
  int type;
  gsize mark;

  rule->type = ED_FIELD_RULE_NONE;
  rule->min_length = rule->max_length = rule->min_classes = -1;
  if (o == NULL)
    return;

  mark = ed_json_reader_enter (r, "rule");
  ed_json_reader_check_keys (r, o, rule_keys);

  /* A file writes no "none": look the type up without it. */
  type = ed_json_reader_get_enum (r, o, "type", TRUE, ed_procedure_rule_type_names + 1, -1);
  rule->type = type + 1;

  ed_json_reader_get_int (r, o, "min_length", FALSE, 0, MAX_LENGTH, &rule->min_length);
  ed_json_reader_get_int (r, o, "max_length", FALSE, 1, MAX_LENGTH, &rule->max_length);
  if (ed_json_reader_get_int (r, o, "min_classes", FALSE, 1, 4, &rule->min_classes) &&
      type >= 0 && rule->type != ED_FIELD_RULE_PASSWORD)
    problem_in (r, "min_classes", _("only a rule of type “password” has “min_classes”"));
  if (rule->min_length >= 0 && rule->max_length >= 0 && rule->min_length > rule->max_length)
    problem_in (r, "max_length", _("is less than “min_length”"));

  rule->pattern = ed_json_reader_get_string (r, o, "pattern", FALSE);
  rule->message = ed_json_reader_get_text (r, o, "message", FALSE);

  if (rule->type == ED_FIELD_RULE_PATTERN && rule->pattern == NULL &&
      !json_object_has_member (o, "pattern"))
    problem_in (r, "pattern", _("required when “type” is “pattern”"));
  else if (rule->pattern != NULL && type >= 0 && rule->type != ED_FIELD_RULE_PATTERN)
    problem_in (r, "pattern", _("only a rule of type “pattern” has a “pattern”"));
  else if (rule->pattern != NULL)
    {
      /* The whole value must match: anchor both ends once, here. */
      g_autofree char *anchored = g_strdup_printf ("\\A(?:%s)\\z", rule->pattern);
      g_autoptr(GError) error = NULL;

      rule->regex = g_regex_new (anchored, 0, 0, NULL);
      if (rule->regex == NULL)
        {
          g_autoptr(GRegex) plain = NULL;
          g_autofree char *what = NULL;

          /* Explain with the author's pattern, not our anchored one. */
          plain = g_regex_new (rule->pattern, 0, 0, &error);
          what = g_strdup_printf (_("is not a valid regular expression: %s"),
                                  error != NULL ? error->message : rule->pattern);
          problem_in (r, "pattern", what);
        }
    }

  ed_json_reader_leave (r, mark);
}

static gpointer
read_choice (EdJsonReader *r,
             JsonObject   *object,
             GHashTable   *values,
             gpointer      user_data)
{
  EdField *field = user_data;
  EdChoice *choice = g_new0 (EdChoice, 1);

  ed_json_reader_check_keys (r, object, choice_keys);
  choice->value = ed_json_reader_get_id (r, object, "value", TRUE);
  if (choice->value != NULL)
    {
      if (g_hash_table_contains (values, choice->value))
        problem_in (r, "value", _("this value is already used by another choice"));
      else
        g_hash_table_add (values, g_strdup (choice->value));

      if (field->kind == ED_FIELD_YES_NO &&
          strcmp (choice->value, "yes") != 0 && strcmp (choice->value, "no") != 0)
        problem_in (r, "value",
                    _("a “yes-no” field's choices have the values “yes” and “no” only"));
    }
  choice->label = ed_json_reader_get_text (r, object, "label", TRUE);
  choice->official_label = ed_json_reader_get_string (r, object, "official_label", FALSE);

  return choice;
}

static void
read_choices (EdJsonReader *r,
              JsonObject   *object,
              EdField      *field,
              gboolean      kind_known)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *array = ed_json_reader_get_array (r, object, "choices", FALSE);
  gsize mark;

  field->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) choice_free);
  if (array == NULL)
    {
      if (field->kind == ED_FIELD_CHOICE && kind_known &&
          ed_json_reader_member (r, object, "choices", FALSE) == NULL)
        problem_in (r, "choices", _("required when “kind” is “choice”"));
      return;
    }

  mark = ed_json_reader_enter (r, "choices");
  if (kind_known && field->kind != ED_FIELD_CHOICE && field->kind != ED_FIELD_YES_NO)
    ed_json_reader_problem (r, _("only a field of kind “choice” or “yes-no” has “choices”"));
  else if (field->kind == ED_FIELD_CHOICE && json_array_get_length (array) == 0)
    ed_json_reader_problem (r, _("must have at least one item"));

  /* Choices have values, not ids; read_list()'s id table is unused. */
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gsize inner = ed_json_reader_enter_index (r, i);

      if (JSON_NODE_HOLDS_OBJECT (element))
        g_ptr_array_add (field->choices,
                         read_choice (r, json_node_get_object (element), values, field));
      else
        ed_json_reader_problem (r, _("must be an object"));
      ed_json_reader_leave (r, inner);
    }
  ed_json_reader_leave (r, mark);
}

static gpointer
read_field (EdJsonReader *r,
            JsonObject   *object,
            GHashTable   *ids,
            gpointer      user_data)
{
  EdProcedure *procedure = user_data;
  EdField *field = g_new0 (EdField, 1);
  int kind;

  ed_json_reader_check_keys (r, object, field_keys);
  field->id = ed_json_reader_read_item_id (r, object, ids);

  field->traveller_key = ed_json_reader_get_string (r, object, "traveller", FALSE);
  if (field->traveller_key != NULL && !ed_traveller_is_key (field->traveller_key))
    {
      g_autofree char *keys = g_strjoinv (", ", (char **) ed_traveller_keys ());
      g_autofree char *what = g_strdup_printf (_("“%s” is not a traveller key: use one of %s"),
                                               field->traveller_key, keys);

      problem_in (r, "traveller", what);
    }

  kind = ed_json_reader_get_enum (r, object, "kind", TRUE, ed_procedure_field_kind_names, -1);
  field->kind = kind >= 0 ? kind : ED_FIELD_TEXT;
  if ((field->kind == ED_FIELD_TIME || field->kind == ED_FIELD_NUMBER) && procedure->schema < 2)
    problem_in (r, "kind", _("this kind needs procedure format 2: set “schema” to 2"));
  ed_json_reader_get_bool (r, object, "required", &field->required);
  field->label = ed_json_reader_get_text (r, object, "label", TRUE);
  read_official_label (r, object, field);
  field->help = ed_json_reader_get_text (r, object, "help", FALSE);
  read_rule (r, object, &field->rule);
  read_choices (r, object, field, kind >= 0);
  field->repeat = 1;
  ed_json_reader_get_int (r, object, "repeat", FALSE, 1, 10, &field->repeat);
  ed_json_reader_get_bool (r, object, "private", &field->is_private);

  return field;
}

GPtrArray *
_ed_procedure_read_fields (EdJsonReader *r,
                           JsonObject   *top,
                           EdProcedure  *procedure)
{
  return ed_json_reader_read_list (r, top, "fields", FALSE, read_field,
                                   (GDestroyNotify) field_free, procedure);
}

/* An event is a date the traveller has: a traveller date key, or a date
 * field of this procedure; with @time, a time key or a time field. */
static void
check_event (EdJsonReader *r,
             EdProcedure  *procedure,
             const char   *event,
             gboolean      time)
{
  const EdField *field = ed_procedure_find_field (procedure, event);

  if (time)
    {
      if (ed_traveller_is_key (event) && !ed_traveller_key_is_time (event))
        ed_json_reader_problem (r, _("this traveller key is not a time: use arrival_time"));
      else if (!ed_traveller_is_key (event) && field == NULL)
        ed_json_reader_problem (r, _("neither a traveller time key (arrival_time) nor the id of a "
                                     "field in “fields”"));
      else if (field != NULL && field->kind != ED_FIELD_TIME)
        ed_json_reader_problem (r, _("the field it names is not of kind “time”"));
      return;
    }

  if (ed_traveller_is_key (event) && !ed_traveller_key_is_date (event))
    ed_json_reader_problem (r, _("this traveller key is not a date: use arrival_date, birth_date, "
                                 "passport_expiry or stay_expiry"));
  else if (!ed_traveller_is_key (event) && field == NULL)
    ed_json_reader_problem (r, _("neither a traveller date key (arrival_date, birth_date, "
                                 "passport_expiry, stay_expiry) nor the id of a field in "
                                 "“fields”"));
  else if (field != NULL && field->kind != ED_FIELD_DATE)
    ed_json_reader_problem (r, _("the field it names is not of kind “date”"));
}

/* `event` and `event_time`: one key, or (format 2) a list of candidates
 * in order. */
static GPtrArray *
read_events (EdJsonReader *r,
             JsonObject   *object,
             const char   *key,
             gboolean      required,
             EdProcedure  *procedure)
{
  GPtrArray *events = g_ptr_array_new_with_free_func (g_free);
  JsonNode *node = ed_json_reader_member (r, object, key, required);
  gboolean time = strcmp (key, "event_time") == 0;
  gsize mark;

  if (node == NULL)
    return events;

  mark = ed_json_reader_enter (r, key);
  if (JSON_NODE_HOLDS_ARRAY (node) && procedure->schema >= 2)
    {
      JsonArray *array = json_node_get_array (node);

      if (json_array_get_length (array) == 0)
        ed_json_reader_problem (r, _("must list at least one"));
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          gsize inner = ed_json_reader_enter_index (r, i);

          if (json_node_get_value_type (element) != G_TYPE_STRING)
            ed_json_reader_problem (r, _("must be a traveller key or a field id, as a string"));
          else
            {
              check_event (r, procedure, json_node_get_string (element), time);
              g_ptr_array_add (events, g_strdup (json_node_get_string (element)));
            }
          ed_json_reader_leave (r, inner);
        }
    }
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      check_event (r, procedure, json_node_get_string (node), time);
      g_ptr_array_add (events, g_strdup (json_node_get_string (node)));
    }
  else
    ed_json_reader_problem (r, procedure->schema >= 2
                               ? _("must be a traveller key or a field id, or a list of them")
                               : _("must be a traveller key or a field id, as a string"));
  ed_json_reader_leave (r, mark);

  return events;
}

/* Exactly one count: days, months, hours, before, month_day, month_end. */
static void
read_count (EdJsonReader *r,
            JsonObject   *object,
            EdPeriod     *period)
{
  static const char * const counts[] = {
    "days", "months", "hours", "before", "month_day", "month_end", NULL
  };
  const char *count = NULL;
  guint n = 0;

  for (guint i = 0; counts[i] != NULL; i++)
    if (ed_json_reader_member (r, object, counts[i], FALSE) != NULL)
      {
        count = counts[i];
        n++;
      }

  if (n == 0)
    {
      ed_json_reader_problem (r, _("a date rule needs one of days, months, hours, before, "
                                   "month_day or month_end"));
      return;
    }
  if (n > 1)
    {
      problem_in (r, count, _("a date rule counts one way only: keep one of days, months, hours, "
                              "before, month_day and month_end"));
      return;
    }

  if (strcmp (count, "days") == 0 || strcmp (count, "months") == 0)
    {
      gboolean days = strcmp (count, "days") == 0;
      gboolean have = ed_json_reader_get_int (r, object, count, TRUE, 0,
                                              days ? MAX_DAYS : MAX_MONTHS, &period->amount);

      period->count = days ? ED_COUNT_DAYS : ED_COUNT_MONTHS;
      period->counting = ed_json_reader_get_enum (r, object, "counting", TRUE,
                                                  ed_procedure_counting_names,
                                                  ED_COUNTING_EVENT_DAY_0);
      if (have && period->amount == 0 && period->counting == ED_COUNTING_EVENT_DAY_1)
        problem_in (r, count, _("must be at least 1 when the event day is day 1"));
      return;
    }

  if (json_object_has_member (object, "counting"))
    problem_in (r, "counting", _("only a rule that counts days or months says how it counts them"));

  if (strcmp (count, "hours") == 0)
    {
      period->count = ED_COUNT_HOURS;
      ed_json_reader_get_int (r, object, "hours", TRUE, 1, MAX_HOURS, &period->amount);
      return;
    }

  {
    JsonObject *o = ed_json_reader_get_object (r, object, count, TRUE);
    gsize mark;

    if (o == NULL)
      return;
    mark = ed_json_reader_enter (r, count);

    if (strcmp (count, "before") == 0)
      {
        gboolean days = json_object_has_member (o, "days");

        ed_json_reader_check_keys (r, o, before_keys);
        if (days == json_object_has_member (o, "months"))
          ed_json_reader_problem (r, _("give either “days” or “months”"));
        else
          ed_json_reader_get_int (r, o, days ? "days" : "months", TRUE, 0,
                                  days ? MAX_DAYS : MAX_MONTHS, &period->amount);
        period->count = days ? ED_COUNT_BEFORE_DAYS : ED_COUNT_BEFORE_MONTHS;
      }
    else
      {
        gboolean end = strcmp (count, "month_end") == 0;

        ed_json_reader_check_keys (r, o, end ? month_end_keys : month_day_keys);
        ed_json_reader_get_int (r, o, "months_after", TRUE, 0, MAX_MONTHS, &period->months_after);
        period->count = end ? ED_COUNT_MONTH_END : ED_COUNT_MONTH_DAY;
        period->month_day = 31;
        if (!end && ed_json_reader_get_int (r, o, "day", TRUE, 1, 31, &period->month_day) &&
            period->month_day > 28 && period->month_day != 31)
          problem_in (r, "day", _("must be 1 to 28, or 31 for the last day of the month (29 and 30 "
                                  "do not exist in every month)"));
      }

    ed_json_reader_leave (r, mark);
  }
}

static gpointer
read_period (EdJsonReader *r,
             JsonObject   *object,
             GHashTable   *ids,
             gpointer      user_data)
{
  EdProcedure *procedure = user_data;
  EdPeriod *period = g_new0 (EdPeriod, 1);

  _ed_procedure_check_keys (procedure, r, object, period_keys, period_keys_2);
  period->id = ed_json_reader_read_item_id (r, object, ids);
  period->kind = ed_json_reader_get_enum (r, object, "kind", TRUE, ed_procedure_period_kind_names,
                                          ED_PERIOD_PERIOD);
  if (period->kind == ED_PERIOD_DEADLINE && procedure->schema < 2)
    problem_in (r, "kind", _("“deadline” needs procedure format 2: set “schema” to 2"));

  period->events = read_events (r, object, "event", TRUE, procedure);
  period->event = period->events->len > 0 ? g_strdup (g_ptr_array_index (period->events, 0)) : NULL;

  if (ed_json_reader_member (r, object, "days", FALSE) == NULL && procedure->schema < 2)
    ed_json_reader_get_int (r, object, "days", TRUE, 0, MAX_DAYS, &period->days);
  else
    read_count (r, object, period);
  if (period->count == ED_COUNT_DAYS)
    period->days = period->amount;

  period->event_times = read_events (r, object, "event_time", period->count == ED_COUNT_HOURS,
                                     procedure);
  if (period->count != ED_COUNT_HOURS && period->event_times->len > 0)
    problem_in (r, "event_time", _("only a rule that counts hours needs the event's time"));
  else if (period->event_times->len > 1 && period->event_times->len != period->events->len)
    problem_in (r, "event_time", _("give one time for each event, in the same order"));

  period->label = ed_json_reader_get_text (r, object, "label", TRUE);
  period->note = ed_json_reader_get_text (r, object, "note", FALSE);

  period->time_zone = ed_json_reader_get_string (r, object, "time_zone", FALSE);
  if (period->time_zone != NULL)
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (period->time_zone);

      if (zone == NULL && strchr (period->time_zone, '/') == NULL)
        problem_in (r, "time_zone", _("not a time zone: use a name such as Asia/Shanghai or "
                                      "Asia/Tokyo"));
    }
  period->step = ed_json_reader_get_id (r, object, "step", FALSE);
  if (period->step != NULL && ed_procedure_find_step (procedure, period->step) == NULL)
    problem_in (r, "step", _("not the id of a step in “steps”"));
  period->condition = _ed_procedure_read_condition (procedure, r, object, "applies_if");
  _ed_procedure_read_validity (procedure, r, object, &period->valid_from, &period->valid_until);
  ed_json_reader_get_bool (r, object, "unverified", &period->unverified);
  period->sources = _ed_procedure_read_source_ids (procedure, r, object, FALSE);

  return period;
}

GPtrArray *
_ed_procedure_read_periods (EdJsonReader *r,
                            JsonObject   *top,
                            EdProcedure  *procedure)
{
  return ed_json_reader_read_list (r, top, "periods", FALSE, read_period,
                                   (GDestroyNotify) period_free, procedure);
}

static gpointer
read_hours (EdJsonReader *r,
            JsonObject   *object,
            GHashTable   *ids,
            gpointer      user_data)
{
  EdContactHours *hours = g_new0 (EdContactHours, 1);

  ed_json_reader_check_keys (r, object, hours_keys);
  hours->languages = ed_json_reader_get_text (r, object, "languages", TRUE);
  hours->hours = ed_json_reader_get_text (r, object, "hours", TRUE);

  return hours;
}

static gpointer
read_contact (EdJsonReader *r,
              JsonObject   *object,
              GHashTable   *ids,
              gpointer      user_data)
{
  EdContact *contact = g_new0 (EdContact, 1);

  ed_json_reader_check_keys (r, object, contact_keys);
  contact->id = ed_json_reader_read_item_id (r, object, ids);
  contact->name = ed_json_reader_get_text (r, object, "name", TRUE);

  contact->phone = ed_json_reader_get_string (r, object, "phone", FALSE);
  if (contact->phone != NULL && !_ed_procedure_is_phone (contact->phone))
    problem_in (r, "phone", _("is not a phone number: write digits with “-”, spaces or brackets, "
                              "such as 03-6757-1038"));

  contact->email = ed_json_reader_get_string (r, object, "email", FALSE);
  if (contact->email != NULL && !_ed_procedure_is_email (contact->email))
    problem_in (r, "email", _("is not an e-mail address such as app@example.org"));

  contact->url = ed_json_reader_get_string (r, object, "url", FALSE);
  if (contact->url != NULL)
    _ed_procedure_check_address (r, "url", contact->url, TRUE);
  contact->text = ed_json_reader_get_string (r, object, "text", FALSE);
  ed_json_reader_get_bool (r, object, "qr", &contact->qr);
  if (ed_json_reader_member (r, object, "url", FALSE) == NULL)
    {
      if (contact->text != NULL)
        problem_in (r, "text", _("there is no “url” for this text to print"));
      if (contact->qr)
        problem_in (r, "qr", _("there is no “url” to print as a QR code"));
    }

  contact->service = ed_json_reader_get_text (r, object, "service", FALSE);
  contact->hours = ed_json_reader_read_list (r, object, "hours", FALSE, read_hours,
                                             (GDestroyNotify) contact_hours_free, NULL);

  return contact;
}

GPtrArray *
_ed_procedure_read_contacts (EdJsonReader *r,
                             JsonObject   *top)
{
  return ed_json_reader_read_list (r, top, "contacts", FALSE, read_contact,
                                   (GDestroyNotify) contact_free, NULL);
}
