/* ed-procedure-parse.c — a procedure file (schema 1 or 2) into EdProcedure
 *
 * Reads and checks in one pass: every part is checked where it is read,
 * with its JSON path, and references (a step's fields and phase, a
 * period's event) are resolved against parts read before them. The
 * format is documented in data/procedures/README.md; keep the two in
 * step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-procedure-private.h"
#include "ed-traveller-keys.h"

const char * const ed_procedure_status_names[] = { "current", "archived", "planned", NULL };
const char * const ed_procedure_note_kind_names[] = {
  "info", "warning", "penalty", "check", NULL
};

static const char * const top_keys[] = {
  "schema", "id", "version", "updated", "languages", "region", "title", "summary", "intro",
  "status", "valid_from", "valid_until", "superseded_by", "status_note", "sources", "rules",
  "notes", "phases", "steps", "fields", "periods", "contacts", NULL
};
static const char * const top_keys_2[] = {
  "reviewed", "time_zone", "see_also", "applies_if", "not_applicable", "questions", "fees",
  NULL
};
static const char * const region_keys[] = { "country", "subdivision", "name", NULL };
static const char * const source_keys[] = { "title", "url", "text", "date", NULL };
static const char * const source_keys_2[] = { "id", "kind", NULL };
static const char * const rule_keys[] = { "text", "when", NULL };
static const char * const validity_keys_2[] = {
  "valid_from", "valid_until", "sources", "unverified", NULL
};
static const char * const note_keys[] = { "id", "kind", "text", NULL };
static const char * const note_keys_2[] = {
  "valid_from", "valid_until", "sources", "added", NULL
};
static const char * const phase_keys[] = { "id", "title", NULL };
static const char * const link_keys[] = { "id", "url", "text", "title", "qr",
                                          "official_only", NULL };
static const char * const code_keys[] = { "id", "title", NULL };
static const char * const checklist_keys[] = { "id", "text", "page", NULL };
static const char * const checklist_keys_2[] = { "required", "added", NULL };
static const char * const alternative_keys[] = {
  "id", "title", "body", "links", "notes", "original_codes", NULL
};
static const char * const step_keys[] = {
  "id", "phase", "title", "body", "optional", "page", "alternatives", "notes", "links",
  "original_codes", "fields", "checklist", NULL
};
static const char * const step_keys_2[] = {
  "summary", "sources", "applies_if", "not_applicable", "valid_from", "valid_until", NULL
};

static void
source_free (EdSource *source)
{
  g_clear_pointer (&source->title, ed_text_unref);
  g_free (source->url);
  g_free (source->date);
  g_free (source->text);
  g_free (source->id);
  g_free (source);
}

static void
rule_free (EdRule *rule)
{
  g_clear_pointer (&rule->text, ed_text_unref);
  g_clear_pointer (&rule->when, ed_text_unref);
  g_free (rule->valid_from);
  g_free (rule->valid_until);
  g_clear_pointer (&rule->sources, g_ptr_array_unref);
  g_free (rule);
}

static void
note_free (EdNote *note)
{
  g_free (note->id);
  g_clear_pointer (&note->text, ed_text_unref);
  g_free (note->valid_from);
  g_free (note->valid_until);
  g_clear_pointer (&note->sources, g_ptr_array_unref);
  g_free (note);
}

static void
phase_free (EdPhase *phase)
{
  g_free (phase->id);
  g_clear_pointer (&phase->title, ed_text_unref);
  g_free (phase);
}

static void
link_free (EdLink *link)
{
  g_free (link->id);
  g_free (link->url);
  g_free (link->text);
  g_clear_pointer (&link->title, ed_text_unref);
  g_free (link);
}

static void
original_code_free (EdOriginalCode *code)
{
  g_free (code->id);
  g_clear_pointer (&code->title, ed_text_unref);
  g_free (code);
}

static void
checklist_item_free (EdChecklistItem *item)
{
  g_free (item->id);
  g_clear_pointer (&item->text, ed_text_unref);
  g_free (item->page);
  g_free (item);
}

static void
alternative_free (EdAlternative *alternative)
{
  g_free (alternative->id);
  g_clear_pointer (&alternative->title, ed_text_unref);
  g_clear_pointer (&alternative->body, ed_text_unref);
  g_clear_pointer (&alternative->links, g_ptr_array_unref);
  g_clear_pointer (&alternative->notes, g_ptr_array_unref);
  g_clear_pointer (&alternative->original_codes, g_ptr_array_unref);
  g_free (alternative);
}

static void
step_free (EdStep *step)
{
  g_free (step->id);
  g_free (step->phase);
  g_clear_pointer (&step->title, ed_text_unref);
  g_clear_pointer (&step->body, ed_text_unref);
  g_clear_pointer (&step->alternatives, g_ptr_array_unref);
  g_clear_pointer (&step->notes, g_ptr_array_unref);
  g_clear_pointer (&step->links, g_ptr_array_unref);
  g_clear_pointer (&step->field_ids, g_ptr_array_unref);
  g_clear_pointer (&step->checklist, g_ptr_array_unref);
  g_free (step->page);
  g_clear_pointer (&step->original_codes, g_ptr_array_unref);
  g_clear_pointer (&step->summary, ed_text_unref);
  g_clear_pointer (&step->sources, g_ptr_array_unref);
  g_clear_pointer (&step->condition, ed_condition_free);
  g_clear_pointer (&step->not_applicable, ed_text_unref);
  g_free (step->valid_from);
  g_free (step->valid_until);
  g_free (step);
}

/* Addresses are printed and turned into QR codes: they must be exactly
 * what a browser, a phone or a mail program accepts. */
static gboolean
is_address_char (char c)
{
  return c > ' ' && c < 0x7f && strchr ("<>\"{}|\\^`", c) == NULL;
}

static gboolean
is_host (const char *host)
{
  if (host == NULL || *host == '\0' || *host == '.' || *host == '-')
    return FALSE;
  for (const char *p = host; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '-')
      return FALSE;
  return TRUE;
}

/* local@domain.tld, as a mail program takes it */
gboolean
_ed_procedure_is_email (const char *text)
{
  const char *at = strchr (text, '@');

  if (at == NULL || at == text || strchr (at + 1, '@') != NULL || strchr (at, '.') == NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!is_address_char (*p) || strchr ("()[],;:", *p) != NULL)
      return FALSE;
  return is_host (at + 1);
}

/* Digits with the separators a printed number uses: "03-6757-1038",
 * "+81 3 6757 1038", "(03) 6757-1038", "(+86)12367". */
gboolean
_ed_procedure_is_phone (const char *text)
{
  guint digits = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      /* A leading "+", or "(+86)" as Chinese sources write it. */
      else if (strchr ("+-() .", *p) == NULL ||
               (*p == '+' && p != text && !(p == text + 1 && text[0] == '(')))
        return FALSE;
    }
  return digits >= 3;
}

/**
 * _ed_procedure_check_address:
 * @web_only: only https: is allowed (sources, contacts' web pages)
 *
 * Checks the address in @key, recording a problem there when it is not a
 * well-formed https:, tel: or mailto: URI.
 */
void
_ed_procedure_check_address (EdJsonReader *r,
                             const char   *key,
                             const char   *address,
                             gboolean      web_only)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) error = NULL;
  gsize mark = ed_json_reader_enter (r, key);
  const char *path;

  for (const char *p = address; *p != '\0'; p++)
    {
      if (!is_address_char (*p))
        {
          ed_json_reader_problem (r, _("“%s” is not a well-formed address: "
                                       "it has a space or a character that an address cannot have"),
                                  address);
          goto out;
        }
    }

  uri = g_uri_parse (address, G_URI_FLAGS_NONE, &error);
  if (uri == NULL)
    {
      ed_json_reader_problem (r, _("“%s” is not a well-formed address: %s"), address,
                              error->message);
      goto out;
    }

  path = g_uri_get_path (uri);
  if (g_str_has_prefix (address, "https://"))
    {
      if (!is_host (g_uri_get_host (uri)))
        ed_json_reader_problem (r, _("“%s” is not a well-formed web address: "
                                     "it needs a host name after “https://”"),
                                address);
    }
  else if (web_only)
    ed_json_reader_problem (r, _("“%s” is not a web address starting with “https://”"), address);
  else if (g_str_has_prefix (address, "tel:"))
    {
      if (!_ed_procedure_is_phone (path) || strchr (path, ' ') != NULL)
        ed_json_reader_problem (r, _("“%s” is not a well-formed phone address: "
                                     "write “tel:” and the number, such as tel:03-6757-1038"),
                                address);
    }
  else if (g_str_has_prefix (address, "mailto:"))
    {
      if (!_ed_procedure_is_email (path))
        ed_json_reader_problem (r, _("“%s” is not a well-formed e-mail address: "
                                     "write “mailto:” and the address, "
                                     "such as mailto:app@example.org"),
                                address);
    }
  else
    ed_json_reader_problem (r, _("“%s” is not an https:, tel: or mailto: address"), address);

out:
  ed_json_reader_leave (r, mark);
}

/* Reads `url` and `text`; `text` (the address as the source prints it)
 * makes sense only beside a `url`. */
static void
read_address (EdJsonReader  *r,
              JsonObject    *object,
              gboolean       required,
              gboolean       web_only,
              char         **url,
              char         **text)
{
  *url = ed_json_reader_get_string (r, object, "url", required);
  if (*url != NULL)
    _ed_procedure_check_address (r, "url", *url, web_only);

  *text = ed_json_reader_get_string (r, object, "text", FALSE);
  if (*text != NULL && *url == NULL && !json_object_has_member (object, "url"))
    {
      gsize mark = ed_json_reader_enter (r, "text");

      ed_json_reader_problem (r, _("there is no “url” for this text to print"));
      ed_json_reader_leave (r, mark);
    }
}

static gpointer
read_source (EdJsonReader *r,
             JsonObject   *object,
             GHashTable   *ids,
             gpointer      user_data)
{
  EdProcedure *self = user_data;
  EdSource *source = g_new0 (EdSource, 1);

  _ed_procedure_check_keys (self, r, object, source_keys, source_keys_2);
  source->id = self->schema >= 2 ? ed_json_reader_read_item_id (r, object, ids) : NULL;
  source->kind = ed_json_reader_get_enum (r, object, "kind", FALSE,
                                          ed_procedure_source_kind_names, ED_SOURCE_UNSPECIFIED);
  source->title = ed_json_reader_get_text (r, object, "title", TRUE);
  read_address (r, object, FALSE, TRUE, &source->url, &source->text);
  source->date = ed_json_reader_get_date (r, object, "date", FALSE);

  return source;
}

static gpointer
read_rule (EdJsonReader *r,
           JsonObject   *object,
           GHashTable   *ids,
           gpointer      user_data)
{
  EdProcedure *self = user_data;
  EdRule *rule = g_new0 (EdRule, 1);

  _ed_procedure_check_keys (self, r, object, rule_keys, validity_keys_2);
  rule->text = ed_json_reader_get_text (r, object, "text", TRUE);
  rule->when = ed_json_reader_get_text (r, object, "when", FALSE);
  _ed_procedure_read_validity (self, r, object, &rule->valid_from, &rule->valid_until);
  rule->sources = _ed_procedure_read_source_ids (self, r, object, FALSE);
  ed_json_reader_get_bool (r, object, "unverified", &rule->unverified);

  return rule;
}

static gpointer
read_note (EdJsonReader *r,
           JsonObject   *object,
           GHashTable   *ids,
           gpointer      user_data)
{
  EdProcedure *self = user_data;
  EdNote *note = g_new0 (EdNote, 1);

  _ed_procedure_check_keys (self, r, object, note_keys, note_keys_2);
  note->id = ed_json_reader_read_item_id (r, object, ids);
  note->kind = ed_json_reader_get_enum (r, object, "kind", TRUE, ed_procedure_note_kind_names,
                                        ED_NOTE_INFO);
  if (note->kind == ED_NOTE_CHECK && self->schema < 2)
    {
      gsize mark = ed_json_reader_enter (r, "kind");

      ed_json_reader_problem (r, _("“check” needs procedure format 2: set “schema” to 2"));
      ed_json_reader_leave (r, mark);
    }
  note->text = ed_json_reader_get_text (r, object, "text", TRUE);
  _ed_procedure_read_validity (self, r, object, &note->valid_from, &note->valid_until);
  note->sources = _ed_procedure_read_source_ids (self, r, object, FALSE);
  ed_json_reader_get_bool (r, object, "added", &note->added);

  return note;
}

static gpointer
read_phase (EdJsonReader *r,
            JsonObject   *object,
            GHashTable   *ids,
            gpointer      user_data)
{
  EdPhase *phase = g_new0 (EdPhase, 1);

  ed_json_reader_check_keys (r, object, phase_keys);
  phase->id = ed_json_reader_read_item_id (r, object, ids);
  phase->title = ed_json_reader_get_text (r, object, "title", TRUE);

  return phase;
}

static gpointer
read_link (EdJsonReader *r,
           JsonObject   *object,
           GHashTable   *ids,
           gpointer      user_data)
{
  EdLink *link = g_new0 (EdLink, 1);

  ed_json_reader_check_keys (r, object, link_keys);
  link->id = ed_json_reader_read_item_id (r, object, ids);
  read_address (r, object, TRUE, FALSE, &link->url, &link->text);
  link->title = ed_json_reader_get_text (r, object, "title", TRUE);
  ed_json_reader_get_bool (r, object, "qr", &link->qr);
  ed_json_reader_get_bool (r, object, "official_only", &link->official_only);

  return link;
}

static gpointer
read_original_code (EdJsonReader *r,
                    JsonObject   *object,
                    GHashTable   *ids,
                    gpointer      user_data)
{
  EdOriginalCode *code = g_new0 (EdOriginalCode, 1);

  ed_json_reader_check_keys (r, object, code_keys);
  code->id = ed_json_reader_read_item_id (r, object, ids);
  code->title = ed_json_reader_get_text (r, object, "title", TRUE);

  return code;
}

static gpointer
read_checklist_item (EdJsonReader *r,
                     JsonObject   *object,
                     GHashTable   *ids,
                     gpointer      user_data)
{
  EdProcedure *self = user_data;
  EdChecklistItem *item = g_new0 (EdChecklistItem, 1);

  _ed_procedure_check_keys (self, r, object, checklist_keys, checklist_keys_2);
  item->id = ed_json_reader_read_item_id (r, object, ids);
  item->text = ed_json_reader_get_text (r, object, "text", TRUE);
  item->page = ed_json_reader_get_string (r, object, "page", FALSE);
  ed_json_reader_get_bool (r, object, "required", &item->required);
  ed_json_reader_get_bool (r, object, "added", &item->added);

  return item;
}

static gpointer
read_alternative (EdJsonReader *r,
                  JsonObject   *object,
                  GHashTable   *ids,
                  gpointer      user_data)
{
  EdAlternative *alternative = g_new0 (EdAlternative, 1);

  ed_json_reader_check_keys (r, object, alternative_keys);
  alternative->id = ed_json_reader_read_item_id (r, object, ids);
  alternative->title = ed_json_reader_get_text (r, object, "title", TRUE);
  alternative->body = ed_json_reader_get_text (r, object, "body", TRUE);
  alternative->links = ed_json_reader_read_list (r, object, "links", FALSE, read_link,
                                                 (GDestroyNotify) link_free, NULL);
  alternative->notes = ed_json_reader_read_list (r, object, "notes", FALSE, read_note,
                                                 (GDestroyNotify) note_free, user_data);
  alternative->original_codes = ed_json_reader_read_list (r, object, "original_codes", FALSE,
                                                          read_original_code,
                                                          (GDestroyNotify) original_code_free,
                                                          NULL);

  return alternative;
}

/* A step's `fields`: ids of the procedure's fields, each once. */
static GPtrArray *
read_step_fields (EdJsonReader *r,
                  JsonObject   *object,
                  EdProcedure  *procedure)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  JsonArray *array = ed_json_reader_get_array (r, object, "fields", FALSE);
  gsize mark;

  if (array == NULL)
    return ids;

  mark = ed_json_reader_enter (r, "fields");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gsize inner = ed_json_reader_enter_index (r, i);
      const char *id;

      if (json_node_get_value_type (element) != G_TYPE_STRING)
        ed_json_reader_problem (r, _("must be the id of a field, as a string"));
      else if (!ed_procedure_find_field (procedure, (id = json_node_get_string (element))))
        ed_json_reader_problem (r, _("“%s” is not the id of a field in “fields”"), id);
      else if (g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
        ed_json_reader_problem (r, _("the field “%s” is listed twice"), id);
      else
        g_ptr_array_add (ids, g_strdup (id));

      ed_json_reader_leave (r, inner);
    }
  ed_json_reader_leave (r, mark);

  return ids;
}

static gpointer
read_step (EdJsonReader *r,
           JsonObject   *object,
           GHashTable   *ids,
           gpointer      user_data)
{
  EdProcedure *procedure = user_data;
  EdStep *step = g_new0 (EdStep, 1);
  gboolean has_phases = procedure->phases->len > 0;

  _ed_procedure_check_keys (procedure, r, object, step_keys, step_keys_2);
  step->id = ed_json_reader_read_item_id (r, object, ids);

  step->phase = ed_json_reader_get_id (r, object, "phase", has_phases);
  if (step->phase != NULL && ed_procedure_find_phase (procedure, step->phase) == NULL)
    {
      gsize mark = ed_json_reader_enter (r, "phase");

      if (has_phases)
        ed_json_reader_problem (r, _("“%s” is not the id of a phase in “phases”"), step->phase);
      else
        ed_json_reader_problem (r, _("“%s” refers to a phase, but the file has no “phases”"),
                                step->phase);
      ed_json_reader_leave (r, mark);
    }

  step->title = ed_json_reader_get_text (r, object, "title", TRUE);
  step->body = ed_json_reader_get_text (r, object, "body", TRUE);
  ed_json_reader_get_bool (r, object, "optional", &step->optional);
  step->page = ed_json_reader_get_string (r, object, "page", FALSE);
  step->summary = ed_json_reader_get_text (r, object, "summary", FALSE);
  step->alternatives = ed_json_reader_read_list (r, object, "alternatives", FALSE, read_alternative,
                                                 (GDestroyNotify) alternative_free, procedure);
  step->notes = ed_json_reader_read_list (r, object, "notes", FALSE, read_note,
                                          (GDestroyNotify) note_free, procedure);
  step->links = ed_json_reader_read_list (r, object, "links", FALSE, read_link,
                                          (GDestroyNotify) link_free, NULL);
  step->original_codes = ed_json_reader_read_list (r, object, "original_codes", FALSE,
                                                   read_original_code,
                                                   (GDestroyNotify) original_code_free, NULL);
  step->field_ids = read_step_fields (r, object, procedure);
  step->checklist = ed_json_reader_read_list (r, object, "checklist", FALSE, read_checklist_item,
                                              (GDestroyNotify) checklist_item_free, procedure);
  step->sources = _ed_procedure_read_source_ids (procedure, r, object, procedure->schema >= 2);
  step->condition = _ed_procedure_read_condition (procedure, r, object, "applies_if");
  step->not_applicable = ed_json_reader_get_text (r, object, "not_applicable", FALSE);
  _ed_procedure_read_validity (procedure, r, object, &step->valid_from, &step->valid_until);

  return step;
}

static void
read_languages (EdProcedure  *self,
                EdJsonReader *r,
                JsonObject   *top)
{
  JsonArray *array = ed_json_reader_get_array (r, top, "languages", FALSE);
  gsize mark;

  if (array == NULL)
    return;

  mark = ed_json_reader_enter (r, "languages");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gsize inner = ed_json_reader_enter_index (r, i);
      EdLanguage language = ED_N_LANGUAGES;

      if (json_node_get_value_type (element) == G_TYPE_STRING)
        for (EdLanguage l = 0; l < ED_N_LANGUAGES; l++)
          if (strcmp (json_node_get_string (element), ed_language_code (l)) == 0)
            language = l;

      if (language == ED_N_LANGUAGES)
        ed_json_reader_problem (r, _("must be a language of Entry Desk: en, ja, zh_CN or zh_TW"));
      else if ((r->languages & (1u << language)) == 0)
        {
          r->languages |= 1u << language;
          g_array_append_val (self->extra_languages, language);
        }

      ed_json_reader_leave (r, inner);
    }
  ed_json_reader_leave (r, mark);
}

static void
read_region (EdProcedure  *self,
             EdJsonReader *r,
             JsonObject   *top)
{
  JsonObject *region = ed_json_reader_get_object (r, top, "region", TRUE);
  gsize mark;

  if (region == NULL)
    return;

  mark = ed_json_reader_enter (r, "region");
  ed_json_reader_check_keys (r, region, region_keys);

  self->country = ed_json_reader_get_string (r, region, "country", TRUE);
  if (self->country != NULL &&
      (strlen (self->country) != 2 || !g_ascii_isupper (self->country[0]) ||
       !g_ascii_isupper (self->country[1])))
    {
      gsize inner = ed_json_reader_enter (r, "country");

      ed_json_reader_problem (r, _("“%s” is not a country code: "
                                   "use the two capital letters of ISO 3166-1, such as CN or JP"),
                              self->country);
      ed_json_reader_leave (r, inner);
    }

  self->subdivision = ed_json_reader_get_string (r, region, "subdivision", FALSE);
  if (self->subdivision != NULL)
    {
      const char *s = self->subdivision;
      gsize length = strlen (s);
      gboolean ok = length >= 4 && length <= 6 && self->country != NULL &&
                    strncmp (s, self->country, 2) == 0 && s[2] == '-';

      for (gsize i = 3; ok && i < length; i++)
        ok = g_ascii_isupper (s[i]) || g_ascii_isdigit (s[i]);

      if (!ok)
        {
          gsize inner = ed_json_reader_enter (r, "subdivision");

          ed_json_reader_problem (r, _("“%s” is not a subdivision code of the country: "
                                       "use ISO 3166-2, such as CN-SH"),
                                  s);
          ed_json_reader_leave (r, inner);
        }
    }

  self->region_name = ed_json_reader_get_text (r, region, "name", TRUE);
  ed_json_reader_leave (r, mark);
}

/* The zone hour rules are computed in: one GLib knows (IANA). */
static void
read_time_zone (EdProcedure  *self,
                EdJsonReader *r,
                JsonObject   *top)
{
  g_autoptr(GTimeZone) zone = NULL;

  self->time_zone = ed_json_reader_get_string (r, top, "time_zone", FALSE);
  if (self->time_zone == NULL)
    return;

  zone = g_time_zone_new_identifier (self->time_zone);
  if (zone == NULL && strchr (self->time_zone, '/') == NULL)
    ed_json_reader_problem_at (r, "time_zone", _("“%s” is not a time zone: use a name such as "
                                                 "Asia/Shanghai or Asia/Tokyo"),
                               self->time_zone);
}

static void
check_status (EdProcedure  *self,
              EdJsonReader *r,
              JsonObject   *top)
{
  /* An archived procedure must say since when and why. (A present but
   * wrong value has its own problem already.) */
  if (self->status == ED_STATUS_ARCHIVED)
    {
      if (ed_json_reader_member (r, top, "valid_until", FALSE) == NULL)
        ed_json_reader_problem_at (r, "valid_until", _("required when “status” is “archived”"));
      if (ed_json_reader_member (r, top, "status_note", FALSE) == NULL)
        ed_json_reader_problem_at (r, "status_note", _("required when “status” is “archived”"));
    }

  /* A planned procedure says from when. */
  if (self->status == ED_STATUS_PLANNED)
    {
      if (self->schema < 2)
        ed_json_reader_problem_at (r, "status", _("“planned” needs procedure format 2: set "
                                                  "“schema” to 2"));
      else if (ed_json_reader_member (r, top, "valid_from", FALSE) == NULL)
        ed_json_reader_problem_at (r, "valid_from", _("required when “status” is “planned”"));
    }

  if (self->valid_from != NULL && self->valid_until != NULL &&
      strcmp (self->valid_from, self->valid_until) > 0)
    ed_json_reader_problem_at (r, "valid_until", _("%s is before “valid_from” (%s)"),
                               self->valid_until, self->valid_from);

  if (self->superseded_by != NULL && g_strcmp0 (self->superseded_by, self->id) == 0)
    ed_json_reader_problem_at (r, "superseded_by", _("a procedure cannot replace itself"));
}

/**
 * _ed_procedure_parse:
 * @expected_id: (nullable): the id the file name implies
 * @newer_schema: (out): set when the file is made for a newer Entry Desk
 *
 * Fills @self from @root, recording every problem in @reader. @self is
 * usable only when no problem was recorded.
 */
void
_ed_procedure_parse (EdProcedure  *self,
                     EdJsonReader *r,
                     JsonNode     *root,
                     const char   *expected_id,
                     gboolean     *newer_schema)
{
  JsonObject *top;
  int schema = 0;

  *newer_schema = FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      ed_json_reader_problem_at (r, NULL, _("a procedure file must hold one JSON object ({ … })"));
      return;
    }
  top = json_node_get_object (root);

  /* First: a newer file's keys would only give misleading problems. */
  if (ed_json_reader_get_int (r, top, "schema", TRUE, 1, G_MAXINT, &schema) &&
      schema > ED_PROCEDURE_SCHEMA)
    {
      ed_json_reader_problem_at (r, "schema",
                                 _("this file is made for a newer Entry Desk (procedure format %d; "
                                   "this version reads format %d): update Entry Desk to use it"),
                                 schema, ED_PROCEDURE_SCHEMA);
      *newer_schema = TRUE;
      return;
    }

  self->schema = schema;
  _ed_procedure_check_keys (self, r, top, top_keys, top_keys_2);

  /* Before any text: they decide which languages every text needs. */
  read_languages (self, r, top);

  self->id = ed_json_reader_get_id (r, top, "id", TRUE);
  if (self->id != NULL && expected_id != NULL && strcmp (self->id, expected_id) != 0)
    ed_json_reader_problem_at (r, "id", _("“%s” differs from the file name: "
                                          "name the file “%s.json” or change the id"),
                               self->id, self->id);

  ed_json_reader_get_int (r, top, "version", TRUE, 1, G_MAXINT, &self->version);
  self->updated = ed_json_reader_get_date (r, top, "updated", TRUE);
  self->reviewed = ed_json_reader_get_date (r, top, "reviewed", schema >= 2);
  read_time_zone (self, r, top);
  read_region (self, r, top);
  self->title = ed_json_reader_get_text (r, top, "title", TRUE);
  self->summary = ed_json_reader_get_text (r, top, "summary", TRUE);
  self->intro = ed_json_reader_get_text (r, top, "intro", FALSE);

  self->status = ed_json_reader_get_enum (r, top, "status", TRUE, ed_procedure_status_names,
                                          ED_STATUS_CURRENT);
  self->valid_from = ed_json_reader_get_date (r, top, "valid_from", FALSE);
  self->valid_until = ed_json_reader_get_date (r, top, "valid_until", FALSE);
  self->superseded_by = ed_json_reader_get_id (r, top, "superseded_by", FALSE);
  self->status_note = ed_json_reader_get_text (r, top, "status_note", FALSE);
  check_status (self, r, top);

#define READ_LIST(member, key, required, func, free_func, data) \
  G_STMT_START { \
    g_clear_pointer (&self->member, g_ptr_array_unref); \
    self->member = ed_json_reader_read_list (r, top, key, required, func, \
                                             (GDestroyNotify) free_func, data); \
  } G_STMT_END

  _ed_procedure_read_relations (self, r, top);

  /* Everything else refers to sources; steps to fields, phases and
   * questions; conditions to fields and questions; periods and fees to
   * steps: each is read after what it refers to. */
  READ_LIST (sources, "sources", TRUE, read_source, source_free, self);
  READ_LIST (rules, "rules", FALSE, read_rule, rule_free, self);
  READ_LIST (notes, "notes", FALSE, read_note, note_free, self);
  READ_LIST (phases, "phases", FALSE, read_phase, phase_free, self);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  self->fields = _ed_procedure_read_fields (r, top, self);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  self->questions = _ed_procedure_read_questions (self, r, top);
  g_clear_pointer (&self->condition, ed_condition_free);
  self->condition = _ed_procedure_read_condition (self, r, top, "applies_if");
  self->not_applicable = ed_json_reader_get_text (r, top, "not_applicable", FALSE);
  READ_LIST (steps, "steps", TRUE, read_step, step_free, self);
  g_clear_pointer (&self->periods, g_ptr_array_unref);
  self->periods = _ed_procedure_read_periods (r, top, self);
  g_clear_pointer (&self->fees, g_ptr_array_unref);
  self->fees = _ed_procedure_read_fees (self, r, top);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  self->contacts = _ed_procedure_read_contacts (r, top);

#undef READ_LIST
}
