/* ed-procedure-json.c — a procedure back to JSON
 *
 * Two forms: the file's own (every language; it reads back as the same
 * procedure) and one language's (each text a plain string in it), for
 * `entry-desk-cli show --json` and other programs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ed-procedure-private.h"

typedef struct
{
  JsonBuilder *builder;
  gboolean     all;        /* every language, as the file has it */
  EdLanguage   language;   /* otherwise, this one */
} Writer;

typedef void (*PutItemFunc) (Writer        *w,
                             gconstpointer  item);

static void
put_text (Writer     *w,
          const char *key,
          EdText     *text)
{
  if (text == NULL)
    return;

  json_builder_set_member_name (w->builder, key);
  if (!w->all)
    {
      json_builder_add_string_value (w->builder, ed_text_lookup (text, w->language));
      return;
    }

  json_builder_begin_object (w->builder);
  for (EdLanguage l = 0; l < ED_N_LANGUAGES; l++)
    if (ed_text_get (text, l) != NULL)
      {
        json_builder_set_member_name (w->builder, ed_language_code (l));
        json_builder_add_string_value (w->builder, ed_text_get (text, l));
      }
  json_builder_end_object (w->builder);
}

static void
put_string (Writer     *w,
            const char *key,
            const char *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (w->builder, key);
  json_builder_add_string_value (w->builder, value);
}

/* For the keys whose files write null rather than leave them out. */
static void
put_string_or_null (Writer     *w,
                    const char *key,
                    const char *value)
{
  json_builder_set_member_name (w->builder, key);
  if (value != NULL)
    json_builder_add_string_value (w->builder, value);
  else
    json_builder_add_null_value (w->builder);
}

static void
put_int (Writer     *w,
         const char *key,
         gint64      value)
{
  json_builder_set_member_name (w->builder, key);
  json_builder_add_int_value (w->builder, value);
}

/* Booleans default to false: only true ones are written. */
static void
put_true (Writer     *w,
          const char *key,
          gboolean    value)
{
  if (!value)
    return;
  json_builder_set_member_name (w->builder, key);
  json_builder_add_boolean_value (w->builder, TRUE);
}

static void
put_list (Writer      *w,
          const char  *key,
          GPtrArray   *items,
          PutItemFunc  put_item)
{
  if (items == NULL || items->len == 0)
    return;

  json_builder_set_member_name (w->builder, key);
  json_builder_begin_array (w->builder);
  for (guint i = 0; i < items->len; i++)
    {
      json_builder_begin_object (w->builder);
      put_item (w, g_ptr_array_index (items, i));
      json_builder_end_object (w->builder);
    }
  json_builder_end_array (w->builder);
}

static void
put_ids (Writer     *w,
         const char *key,
         GPtrArray  *ids)
{
  if (ids == NULL || ids->len == 0)
    return;

  json_builder_set_member_name (w->builder, key);
  json_builder_begin_array (w->builder);
  for (guint i = 0; i < ids->len; i++)
    json_builder_add_string_value (w->builder, g_ptr_array_index (ids, i));
  json_builder_end_array (w->builder);
}

/* Conditions are written back as the file wrote them. */
static void
put_condition (Writer            *w,
               const char        *key,
               const EdCondition *condition)
{
  if (condition == NULL)
    return;
  json_builder_set_member_name (w->builder, key);
  json_builder_add_value (w->builder, json_node_copy (condition->source));
}

static void
put_validity (Writer     *w,
              const char *valid_from,
              const char *valid_until)
{
  put_string (w, "valid_from", valid_from);
  put_string (w, "valid_until", valid_until);
}

static void
put_source (Writer        *w,
            gconstpointer  item)
{
  const EdSource *source = item;

  put_string (w, "id", source->id);
  if (source->kind != ED_SOURCE_UNSPECIFIED)
    put_string (w, "kind", ed_procedure_source_kind_names[source->kind]);
  put_text (w, "title", source->title);
  put_string (w, "url", source->url);
  put_string (w, "text", source->text);
  put_string (w, "date", source->date);
}

static void
put_rule (Writer        *w,
          gconstpointer  item)
{
  const EdRule *rule = item;

  put_text (w, "text", rule->text);
  put_text (w, "when", rule->when);
  put_validity (w, rule->valid_from, rule->valid_until);
  put_ids (w, "sources", rule->sources);
  put_true (w, "unverified", rule->unverified);
}

static void
put_note (Writer        *w,
          gconstpointer  item)
{
  const EdNote *note = item;

  put_string (w, "id", note->id);
  put_string (w, "kind", ed_procedure_note_kind_names[note->kind]);
  put_text (w, "text", note->text);
  put_validity (w, note->valid_from, note->valid_until);
  put_ids (w, "sources", note->sources);
  put_true (w, "added", note->added);
}

static void
put_phase (Writer        *w,
           gconstpointer  item)
{
  const EdPhase *phase = item;

  put_string (w, "id", phase->id);
  put_text (w, "title", phase->title);
}

static void
put_link (Writer        *w,
          gconstpointer  item)
{
  const EdLink *link = item;

  put_string (w, "id", link->id);
  put_string (w, "url", link->url);
  put_string (w, "text", link->text);
  put_text (w, "title", link->title);
  put_true (w, "qr", link->qr);
  put_true (w, "official_only", link->official_only);
}

static void
put_original_code (Writer        *w,
                   gconstpointer  item)
{
  const EdOriginalCode *code = item;

  put_string (w, "id", code->id);
  put_text (w, "title", code->title);
}

static void
put_checklist_item (Writer        *w,
                    gconstpointer  item)
{
  const EdChecklistItem *checklist_item = item;

  put_string (w, "id", checklist_item->id);
  put_text (w, "text", checklist_item->text);
  put_string (w, "page", checklist_item->page);
  put_true (w, "required", checklist_item->required);
  put_true (w, "added", checklist_item->added);
}

static void
put_alternative (Writer        *w,
                 gconstpointer  item)
{
  const EdAlternative *alternative = item;

  put_string (w, "id", alternative->id);
  put_text (w, "title", alternative->title);
  put_text (w, "body", alternative->body);
  put_list (w, "links", alternative->links, put_link);
  put_list (w, "notes", alternative->notes, put_note);
  put_list (w, "original_codes", alternative->original_codes, put_original_code);
}

static void
put_step (Writer        *w,
          gconstpointer  item)
{
  const EdStep *step = item;

  put_string (w, "id", step->id);
  put_string (w, "phase", step->phase);
  put_text (w, "title", step->title);
  put_text (w, "summary", step->summary);
  put_text (w, "body", step->body);
  put_true (w, "optional", step->optional);
  put_string (w, "page", step->page);
  put_list (w, "alternatives", step->alternatives, put_alternative);
  put_list (w, "notes", step->notes, put_note);
  put_list (w, "links", step->links, put_link);
  put_list (w, "original_codes", step->original_codes, put_original_code);

  if (step->field_ids->len > 0)
    {
      json_builder_set_member_name (w->builder, "fields");
      json_builder_begin_array (w->builder);
      for (guint i = 0; i < step->field_ids->len; i++)
        json_builder_add_string_value (w->builder, g_ptr_array_index (step->field_ids, i));
      json_builder_end_array (w->builder);
    }

  put_list (w, "checklist", step->checklist, put_checklist_item);
  put_ids (w, "sources", step->sources);
  put_condition (w, "applies_if", step->condition);
  put_text (w, "not_applicable", step->not_applicable);
  put_validity (w, step->valid_from, step->valid_until);
}

static void
put_choice (Writer        *w,
            gconstpointer  item)
{
  const EdChoice *choice = item;

  put_string (w, "value", choice->value);
  put_text (w, "label", choice->label);
  put_string (w, "official_label", choice->official_label);
}

static void
put_field_rule (Writer            *w,
                const EdFieldRule *rule)
{
  if (rule->type == ED_FIELD_RULE_NONE)
    return;

  json_builder_set_member_name (w->builder, "rule");
  json_builder_begin_object (w->builder);
  put_string (w, "type", ed_field_rule_type_to_string (rule->type));
  if (rule->min_length >= 0)
    put_int (w, "min_length", rule->min_length);
  if (rule->max_length >= 0)
    put_int (w, "max_length", rule->max_length);
  if (rule->min_classes >= 0)
    put_int (w, "min_classes", rule->min_classes);
  put_string (w, "pattern", rule->pattern);
  put_text (w, "message", rule->message);
  json_builder_end_object (w->builder);
}

static void
put_field (Writer        *w,
           gconstpointer  item)
{
  const EdField *field = item;

  put_string (w, "id", field->id);
  put_string (w, "traveller", field->traveller_key);
  put_string (w, "kind", ed_field_kind_to_string (field->kind));
  put_true (w, "required", field->required);
  put_text (w, "label", field->label);
  if (field->official_label != NULL)
    {
      json_builder_set_member_name (w->builder, "official_label");
      json_builder_begin_object (w->builder);
      put_string (w, "text", field->official_label);
      put_string (w, "lang", ed_language_code (field->official_lang));
      json_builder_end_object (w->builder);
    }
  put_text (w, "help", field->help);
  put_field_rule (w, &field->rule);
  put_list (w, "choices", field->choices, put_choice);
  if (field->repeat != 1)
    put_int (w, "repeat", field->repeat);
  put_true (w, "private", field->is_private);
}

/* A list when the file gave candidates, a string otherwise. */
static void
put_events (Writer     *w,
            const char *key,
            GPtrArray  *events)
{
  if (events == NULL || events->len == 0)
    return;
  if (events->len == 1)
    {
      put_string (w, key, g_ptr_array_index (events, 0));
      return;
    }
  put_ids (w, key, events);
}

static void
put_object_int (Writer     *w,
                const char *key,
                const char *inner_key,
                int         value,
                const char *second_key,
                int         second)
{
  json_builder_set_member_name (w->builder, key);
  json_builder_begin_object (w->builder);
  put_int (w, inner_key, value);
  if (second_key != NULL)
    put_int (w, second_key, second);
  json_builder_end_object (w->builder);
}

static void
put_period (Writer        *w,
            gconstpointer  item)
{
  const EdPeriod *period = item;

  put_string (w, "id", period->id);
  put_string (w, "kind", ed_procedure_period_kind_names[period->kind]);
  put_events (w, "event", period->events);
  put_events (w, "event_time", period->event_times);
  switch (period->count)
    {
    case ED_COUNT_DAYS:
    case ED_COUNT_MONTHS:
      put_int (w, period->count == ED_COUNT_DAYS ? "days" : "months", period->amount);
      put_string (w, "counting", ed_procedure_counting_names[period->counting]);
      break;
    case ED_COUNT_HOURS:
      put_int (w, "hours", period->amount);
      break;
    case ED_COUNT_BEFORE_DAYS:
    case ED_COUNT_BEFORE_MONTHS:
      put_object_int (w, "before", period->count == ED_COUNT_BEFORE_DAYS ? "days" : "months",
                      period->amount, NULL, 0);
      break;
    case ED_COUNT_MONTH_DAY:
      put_object_int (w, "month_day", "months_after", period->months_after,
                      "day", period->month_day);
      break;
    case ED_COUNT_MONTH_END:
      put_object_int (w, "month_end", "months_after", period->months_after, NULL, 0);
      break;
    default:
      g_assert_not_reached ();
    }
  put_text (w, "label", period->label);
  put_text (w, "note", period->note);
  put_string (w, "time_zone", period->time_zone);
  put_string (w, "step", period->step);
  put_condition (w, "applies_if", period->condition);
  put_validity (w, period->valid_from, period->valid_until);
  put_true (w, "unverified", period->unverified);
  put_ids (w, "sources", period->sources);
}

static void
put_question (Writer        *w,
              gconstpointer  item)
{
  const EdQuestion *question = item;

  put_string (w, "id", question->id);
  put_string (w, "kind", ed_procedure_question_kind_names[question->kind]);
  put_text (w, "text", question->text);
  put_text (w, "help", question->help);
  put_list (w, "choices", question->choices, put_choice);
  if (question->min >= 0)
    put_int (w, "min", question->min);
  if (question->max >= 0)
    put_int (w, "max", question->max);
}

static void
put_fee (Writer        *w,
         gconstpointer  item)
{
  const EdFee *fee = item;

  put_string (w, "id", fee->id);
  put_string (w, "item", fee->item);
  put_text (w, "label", fee->label);
  put_int (w, "amount", fee->amount);
  put_string (w, "currency", fee->currency);
  put_validity (w, fee->valid_from, fee->valid_until);
  put_string (w, "step", fee->step);
  put_text (w, "note", fee->note);
  put_true (w, "unverified", fee->unverified);
  put_ids (w, "sources", fee->sources);
}

static void
put_hours (Writer        *w,
           gconstpointer  item)
{
  const EdContactHours *hours = item;

  put_text (w, "languages", hours->languages);
  put_text (w, "hours", hours->hours);
}

static void
put_contact (Writer        *w,
             gconstpointer  item)
{
  const EdContact *contact = item;

  put_string (w, "id", contact->id);
  put_text (w, "name", contact->name);
  put_string (w, "phone", contact->phone);
  put_string (w, "email", contact->email);
  put_string (w, "url", contact->url);
  put_string (w, "text", contact->text);
  put_true (w, "qr", contact->qr);
  put_text (w, "service", contact->service);
  put_list (w, "hours", contact->hours, put_hours);
}

static JsonNode *
to_json (EdProcedure *self,
         gboolean     all,
         EdLanguage   language)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  Writer w = { builder, all, language };

  json_builder_begin_object (builder);
  put_int (&w, "schema", self->schema);
  put_string (&w, "id", self->id);
  if (!all)
    put_string (&w, "language", ed_language_code (language));
  put_int (&w, "version", self->version);
  put_string (&w, "updated", self->updated);
  put_string (&w, "reviewed", self->reviewed);
  put_string (&w, "time_zone", self->time_zone);

  if (self->extra_languages->len > 0)
    {
      json_builder_set_member_name (builder, "languages");
      json_builder_begin_array (builder);
      for (guint i = 0; i < self->extra_languages->len; i++)
        json_builder_add_string_value (builder,
                                       ed_language_code (g_array_index (self->extra_languages,
                                                                        EdLanguage, i)));
      json_builder_end_array (builder);
    }

  json_builder_set_member_name (builder, "region");
  json_builder_begin_object (builder);
  put_string (&w, "country", self->country);
  put_string_or_null (&w, "subdivision", self->subdivision);
  put_text (&w, "name", self->region_name);
  json_builder_end_object (builder);

  put_text (&w, "title", self->title);
  put_text (&w, "summary", self->summary);
  put_text (&w, "intro", self->intro);
  put_string (&w, "status", ed_procedure_status_names[self->status]);
  put_string_or_null (&w, "valid_from", self->valid_from);
  put_string_or_null (&w, "valid_until", self->valid_until);
  put_string_or_null (&w, "superseded_by", self->superseded_by);
  put_text (&w, "status_note", self->status_note);
  put_ids (&w, "see_also", self->see_also);
  put_condition (&w, "applies_if", self->condition);
  put_text (&w, "not_applicable", self->not_applicable);
  if (!all)
    {
      g_autofree char *line = ed_procedure_describe_status (self, language);

      put_string (&w, "status_text", line);
    }

  put_list (&w, "sources", self->sources, put_source);
  put_list (&w, "rules", self->rules, put_rule);
  put_list (&w, "notes", self->notes, put_note);
  put_list (&w, "phases", self->phases, put_phase);
  put_list (&w, "steps", self->steps, put_step);
  put_list (&w, "fields", self->fields, put_field);
  put_list (&w, "questions", self->questions, put_question);
  put_list (&w, "periods", self->periods, put_period);
  put_list (&w, "fees", self->fees, put_fee);
  put_list (&w, "contacts", self->contacts, put_contact);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * ed_procedure_to_json:
 *
 * Returns: (transfer full): the procedure as its file has it, every
 *   language included; it reads back as the same procedure
 */
JsonNode *
ed_procedure_to_json (EdProcedure *self)
{
  g_return_val_if_fail (ED_IS_PROCEDURE (self), NULL);
  return to_json (self, TRUE, ED_LANGUAGE_EN);
}

/**
 * ed_procedure_to_json_in:
 *
 * Like ed_procedure_to_json(), with every text a string in @language
 * (falling back as ed_text_lookup() does), plus `language` and
 * `status_text`, the status line in @language.
 *
 * Returns: (transfer full): the procedure in @language
 */
JsonNode *
ed_procedure_to_json_in (EdProcedure *self,
                         EdLanguage   language)
{
  g_return_val_if_fail (ED_IS_PROCEDURE (self), NULL);
  g_return_val_if_fail (language < ED_N_LANGUAGES, NULL);
  return to_json (self, FALSE, language);
}
