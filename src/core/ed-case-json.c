/* ed-case-json.c — the case file: a record as JSON and back
 *
 * The file is the traveller file of DESIGN.md (`travellers`: one object
 * per traveller) with the case's state around it. Reading checks every
 * member and names the place of the first problem ("checklist[2].item:
 * …"): a file that is wrong anywhere is refused as a whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ed-case-record.h"
#include "ed-case-reference.h"
#include "ed-error.h"
#include "ed-language.h"

static void
add_time (JsonBuilder *builder,
          const char  *name,
          gint64       seconds)
{
  g_autofree char *text = ed_case_format_time (seconds);

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, text);
}

static void
add_optional_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_ticks (JsonBuilder  *builder,
           EdCaseRecord *record)
{
  json_builder_set_member_name (builder, "checklist");
  json_builder_begin_array (builder);
  for (guint i = 0; i < record->ticks->len; i++)
    {
      EdRecordTick *tick = &g_array_index (record->ticks, EdRecordTick, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "traveller");
      if (tick->traveller < 0)
        json_builder_add_null_value (builder);
      else
        json_builder_add_int_value (builder, tick->traveller);
      add_optional_string (builder, "step", tick->step_id);
      add_optional_string (builder, "item", tick->item_id);
      add_time (builder, "done", tick->done_at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_sheets (JsonBuilder  *builder,
            EdCaseRecord *record)
{
  json_builder_set_member_name (builder, "sheets");
  json_builder_begin_array (builder);
  for (guint i = 0; i < record->sheets->len; i++)
    {
      EdSheetRecord *sheet = g_ptr_array_index (record->sheets, i);

      json_builder_begin_object (builder);
      add_time (builder, "at", sheet->at);
      add_optional_string (builder, "kind", ed_sheet_kind_to_string (sheet->kind));
      add_optional_string (builder, "procedure", sheet->procedure_id);
      json_builder_set_member_name (builder, "procedure_version");
      json_builder_add_int_value (builder, sheet->procedure_version);
      json_builder_set_member_name (builder, "languages");
      json_builder_begin_array (builder);
      for (guint j = 0; sheet->languages[j] != NULL; j++)
        json_builder_add_string_value (builder, sheet->languages[j]);
      json_builder_end_array (builder);
      add_optional_string (builder, "paper", sheet->paper);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * ed_case_record_to_json:
 *
 * Returns: (transfer full): the case file's root object
 */
JsonNode *
ed_case_record_to_json (EdCaseRecord *record)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *reference = ed_case_reference_format (record->reference);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "entry_desk_case");
  json_builder_add_int_value (builder, ED_CASE_FILE_FORMAT);
  add_optional_string (builder, "reference", reference);
  add_optional_string (builder, "procedure", record->procedure_id);
  json_builder_set_member_name (builder, "procedure_version");
  json_builder_add_int_value (builder, record->procedure_version);
  add_optional_string (builder, "status", ed_case_status_to_string (record->status));
  add_time (builder, "created", record->created);
  add_time (builder, "modified", record->modified);
  if (record->status == ED_CASE_CLOSED)
    add_time (builder, "closed", record->closed);
  add_optional_string (builder, "current_step", record->current_step);
  add_optional_string (builder, "notes", record->notes);

  json_builder_set_member_name (builder, "travellers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < record->travellers->len; i++)
    json_builder_add_value (builder,
                            ed_traveller_to_json (g_ptr_array_index (record->travellers, i)));
  json_builder_end_array (builder);

  add_ticks (builder, record);
  add_sheets (builder, record);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Reading. Every check names the member it failed on. */

G_GNUC_PRINTF (3, 4)
static gboolean
fail (GError     **error,
      const char  *where,
      const char  *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: "where: what is wrong", e.g. "travellers[1].sex: must be …" */
  g_set_error (error, ED_ERROR, ED_ERROR_INVALID, _("%s: %s"), where, what);
  return FALSE;
}

static gboolean
check_keys (JsonObject          *object,
            const char          *where,
            const char * const  *allowed,
            GError             **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      return fail (error, where, _("unknown member “%s”"), (const char *) l->data);

  return TRUE;
}

static char *
where_of (const char *prefix,
          const char *name)
{
  return prefix != NULL ? g_strdup_printf ("%s.%s", prefix, name) : g_strdup (name);
}

static gboolean
read_string (JsonObject   *object,
             const char   *prefix,
             const char   *name,
             gboolean      required,
             const char  **value,
             GError      **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *where = where_of (prefix, name);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return !required || fail (error, where, _("missing"));
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, where, _("must be a text in quotes"));

  *value = json_node_get_string (node);
  if (required && **value == '\0')
    return fail (error, where, _("must not be empty"));
  if (**value == '\0')
    *value = NULL;

  return TRUE;
}

static gboolean
read_int (JsonObject  *object,
          const char  *prefix,
          const char  *name,
          int          max,
          gint64      *value,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *where = where_of (prefix, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return fail (error, where, _("missing"));
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 0 || json_node_get_int (node) > max)
    return fail (error, where, _("must be a whole number from 0 to %d"), max);

  *value = json_node_get_int (node);
  return TRUE;
}

static gboolean
read_time (JsonObject  *object,
           const char  *prefix,
           const char  *name,
           gint64      *seconds,
           GError     **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *where = where_of (prefix, name);
  const char *text;

  if (!read_string (object, prefix, name, TRUE, &text, error))
    return FALSE;

  time = g_date_time_new_from_iso8601 (text, utc);
  if (time == NULL || g_date_time_to_unix (time) < 0)
    return fail (error, where, _("must be a time such as 2026-11-21T09:30:00Z"));

  *seconds = g_date_time_to_unix (time);
  return TRUE;
}

static JsonArray *
read_array (JsonObject  *object,
            const char  *name,
            gboolean     required,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL && !required)
    return json_array_new ();
  if (node == NULL)
    {
      fail (error, name, _("missing"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (error, name, _("must be a list in [ ]"));
      return NULL;
    }

  return json_array_ref (json_node_get_array (node));
}

static JsonObject *
array_object (JsonArray   *array,
              guint        index,
              const char  *name,
              char       **where,
              GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  *where = g_strdup_printf ("%s[%u]", name, index);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, *where, _("must be an object in { }"));
      return NULL;
    }

  return json_node_get_object (node);
}

static gboolean
read_travellers (JsonObject    *root,
                 EdCaseRecord  *record,
                 GError       **error)
{
  g_autoptr(JsonArray) array = read_array (root, "travellers", TRUE, error);

  if (array == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *where = g_strdup_printf ("travellers[%u]", i);
      EdTraveller *traveller;

      traveller = ed_traveller_new_from_json (json_array_get_element (array, i), &local_error);
      if (traveller == NULL)
        return fail (error, where, "%s", local_error->message);
      g_ptr_array_add (record->travellers, traveller);
    }

  return TRUE;
}

static gboolean
read_ticks (JsonObject    *root,
            EdCaseRecord  *record,
            GError       **error)
{
  static const char * const keys[] = { "traveller", "step", "item", "done", NULL };
  g_autoptr(JsonArray) array = read_array (root, "checklist", FALSE, error);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (array == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = NULL;
      g_autofree char *where_traveller = NULL;
      JsonObject *object = array_object (array, i, "checklist", &where, error);
      EdRecordTick tick = { .traveller = -1 };
      const char *step, *item;
      JsonNode *traveller;
      char *key;

      if (object == NULL || !check_keys (object, where, keys, error) ||
          !read_string (object, where, "step", TRUE, &step, error) ||
          !read_string (object, where, "item", TRUE, &item, error) ||
          !read_time (object, where, "done", &tick.done_at, error))
        return FALSE;

      traveller = json_object_get_member (object, "traveller");
      where_traveller = where_of (where, "traveller");
      if (traveller != NULL && !JSON_NODE_HOLDS_NULL (traveller))
        {
          if (!JSON_NODE_HOLDS_VALUE (traveller) ||
              json_node_get_value_type (traveller) != G_TYPE_INT64 ||
              json_node_get_int (traveller) < 0 ||
              json_node_get_int (traveller) >= record->travellers->len)
            return fail (error, where_traveller,
                         _("must be the number of a traveller, 0 to %d, or null for the whole "
                           "case"), (int) record->travellers->len - 1);
          tick.traveller = (int) json_node_get_int (traveller);
        }

      key = g_strdup_printf ("%d\x1f%s\x1f%s", tick.traveller, step, item);
      if (!g_hash_table_add (seen, key))
        return fail (error, where, _("the same item is ticked twice"));

      tick.step_id = g_strdup (step);
      tick.item_id = g_strdup (item);
      g_array_append_val (record->ticks, tick);
    }

  return TRUE;
}

static gboolean
read_languages (JsonObject     *object,
                const char     *where,
                EdSheetRecord  *sheet,
                GError        **error)
{
  g_autofree char *where_languages = where_of (where, "languages");
  JsonNode *node = json_object_get_member (object, "languages");
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  const char *what = _("must be a list of language codes such as [\"en\", \"ja\"]");
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      json_array_get_length (array = json_node_get_array (node)) == 0)
    return fail (error, where_languages, "%s", what);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *code = json_array_get_element (array, i);
      EdLanguage language;

      if (!JSON_NODE_HOLDS_VALUE (code) || json_node_get_value_type (code) != G_TYPE_STRING ||
          !ed_language_from_code (json_node_get_string (code), &language))
        return fail (error, where_languages, "%s", what);
      g_ptr_array_add (codes, g_strdup (ed_language_code (language)));
    }
  g_ptr_array_add (codes, NULL);
  sheet->languages = (char **) g_ptr_array_free (g_steal_pointer (&codes), FALSE);

  return TRUE;
}

static gboolean
read_sheets (JsonObject    *root,
             EdCaseRecord  *record,
             GError       **error)
{
  static const char * const keys[] = {
    "at", "kind", "procedure", "procedure_version", "languages", "paper", NULL
  };
  g_autoptr(JsonArray) array = read_array (root, "sheets", FALSE, error);

  if (array == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(EdSheetRecord) sheet = g_new0 (EdSheetRecord, 1);
      g_autofree char *where = NULL;
      g_autofree char *where_kind = NULL;
      g_autofree char *where_paper = NULL;
      JsonObject *object = array_object (array, i, "sheets", &where, error);
      const char *kind, *procedure, *paper;
      gint64 version;

      if (object == NULL || !check_keys (object, where, keys, error) ||
          !read_time (object, where, "at", &sheet->at, error) ||
          !read_string (object, where, "kind", TRUE, &kind, error) ||
          !read_string (object, where, "procedure", TRUE, &procedure, error) ||
          !read_int (object, where, "procedure_version", G_MAXINT, &version, error) ||
          !read_languages (object, where, sheet, error) ||
          !read_string (object, where, "paper", TRUE, &paper, error))
        return FALSE;

      where_kind = where_of (where, "kind");
      if (!ed_sheet_kind_from_string (kind, &sheet->kind))
        return fail (error, where_kind, _("must be “print”, “pdf” or “batch”"));
      where_paper = where_of (where, "paper");
      if (g_strcmp0 (paper, "a4") != 0 && g_strcmp0 (paper, "letter") != 0)
        return fail (error, where_paper, _("must be “a4” or “letter”"));

      sheet->procedure_id = g_strdup (procedure);
      sheet->procedure_version = (int) version;
      sheet->paper = g_strdup (paper);
      g_ptr_array_add (record->sheets, g_steal_pointer (&sheet));
    }

  return TRUE;
}

static gboolean
read_state (JsonObject    *root,
            EdCaseRecord  *record,
            GError       **error)
{
  const char *reference, *procedure, *status, *step, *notes;
  gint64 version;

  if (!read_string (root, NULL, "reference", TRUE, &reference, error) ||
      !read_string (root, NULL, "procedure", TRUE, &procedure, error) ||
      !read_int (root, NULL, "procedure_version", G_MAXINT, &version, error) ||
      !read_string (root, NULL, "status", TRUE, &status, error) ||
      !read_time (root, NULL, "created", &record->created, error) ||
      !read_time (root, NULL, "modified", &record->modified, error) ||
      !read_string (root, NULL, "current_step", FALSE, &step, error) ||
      !read_string (root, NULL, "notes", FALSE, &notes, error))
    return FALSE;

  record->reference = ed_case_reference_normalize (reference);
  if (record->reference == NULL)
    return fail (error, "reference", _("“%s” is not a case reference such as ED-7K3M-Q9"),
                 reference);
  if (!ed_case_status_from_string (status, &record->status))
    return fail (error, "status", _("must be “open” or “closed”"));
  if (record->status == ED_CASE_CLOSED && !read_time (root, NULL, "closed", &record->closed, error))
    return FALSE;
  if (record->status == ED_CASE_OPEN && json_object_has_member (root, "closed"))
    return fail (error, "closed", _("an open case has no closing time"));

  record->procedure_id = g_strdup (procedure);
  record->procedure_version = (int) version;
  record->current_step = g_strdup (step);
  record->notes = g_strdup (notes);

  return TRUE;
}

/**
 * ed_case_record_new_from_json:
 * @root: the root of a case file
 *
 * Returns: (transfer full): the record (id 0), or %NULL with @error
 *   saying where the file is wrong and how
 */
EdCaseRecord *
ed_case_record_new_from_json (JsonNode  *root,
                              GError   **error)
{
  static const char * const keys[] = {
    "entry_desk_case", "reference", "procedure", "procedure_version", "status", "created",
    "modified", "closed", "current_step", "notes", "travellers", "checklist", "sheets", NULL
  };
  g_autoptr(EdCaseRecord) record = ed_case_record_new ();
  JsonObject *object;
  JsonNode *format;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                   _("This is not an Entry Desk case file: it must be a JSON object with "
                     "“entry_desk_case”, “reference” and “travellers”"));
      return NULL;
    }

  object = json_node_get_object (root);
  format = json_object_get_member (object, "entry_desk_case");
  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format) ||
      json_node_get_value_type (format) != G_TYPE_INT64)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                   _("This is not an Entry Desk case file: “entry_desk_case” is missing"));
      return NULL;
    }
  if (json_node_get_int (format) != ED_CASE_FILE_FORMAT)
    {
      g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (format));

      g_set_error (error, ED_ERROR, ED_ERROR_UNSUPPORTED,
                   _("This case file has format %s; this version of Entry Desk reads format %d"),
                   found, ED_CASE_FILE_FORMAT);
      return NULL;
    }

  if (!check_keys (object, _("the case"), keys, error) ||
      !read_state (object, record, error) ||
      !read_travellers (object, record, error) ||
      !read_ticks (object, record, error) ||
      !read_sheets (object, record, error))
    return NULL;

  return g_steal_pointer (&record);
}
