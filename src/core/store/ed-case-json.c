/* ed-case-json.c — the case file: a record as JSON and back
 *
 * The file is the traveller file of DESIGN.md (`travellers`: one object
 * per traveller) with the case's state around it. Reading checks every
 * member and reports every problem with its place ("case.json:
 * checklist[2].item: …"): a file that is wrong anywhere is refused as a
 * whole.
 *
 * Format 2 adds the journey (`journey`: the template and the procedures
 * in order), the procedure of each tick (`checklist[].procedure`) and
 * whether a sheet was part of a journey sheet (`sheets[].journey`); a
 * sheet's line may say who printed it (`sheets[].user`, the desk's user
 * name) and under which office's letterhead (`sheets[].office`).
 * Format 1 files still read: their case holds their one `procedure`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ed-case-record.h"
#include "ed-case-reference.h"
#include "ed-error.h"
#include "ed-json-reader.h"
#include "ed-language.h"
#include "ed-validate.h"

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
      add_optional_string (builder, "procedure", tick->procedure_id);
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
      if (sheet->journey)
        {
          json_builder_set_member_name (builder, "journey");
          json_builder_add_boolean_value (builder, TRUE);
        }
      add_optional_string (builder, "user", sheet->user);
      add_optional_string (builder, "office", sheet->office);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_journey (JsonBuilder  *builder,
             EdCaseRecord *record)
{
  json_builder_set_member_name (builder, "journey");
  json_builder_begin_object (builder);
  add_optional_string (builder, "template", record->journey_id);
  json_builder_set_member_name (builder, "procedures");
  json_builder_begin_array (builder);
  for (guint i = 0; i < record->procedures->len; i++)
    {
      const EdCaseProcedure *procedure = g_ptr_array_index (record->procedures, i);

      json_builder_begin_object (builder);
      add_optional_string (builder, "id", procedure->id);
      json_builder_set_member_name (builder, "version");
      json_builder_add_int_value (builder, procedure->version);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
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
  add_journey (builder, record);
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

/* Reading. */

static const char * const top_keys[] = {
  "entry_desk_case", "reference", "procedure", "procedure_version", "journey", "status",
  "created", "modified", "closed", "current_step", "notes", "travellers", "checklist", "sheets",
  NULL
};
static const char * const journey_keys[] = { "template", "procedures", NULL };
static const char * const journey_procedure_keys[] = { "id", "version", NULL };
static const char * const tick_keys[] = {
  "traveller", "procedure", "step", "item", "done", NULL
};
static const char * const sheet_keys[] = {
  "at", "kind", "procedure", "procedure_version", "languages", "paper", "journey", "user",
  "office", NULL
};
/* In the order of EdCaseStatus and EdSheetKind. */
static const char * const status_names[] = { "open", "closed", NULL };
static const char * const kind_names[] = { "print", "pdf", "batch", NULL };
static const char * const paper_names[] = { "a4", "letter", NULL };

/* Returns: seconds since 1970, or -1 when absent or wrong (a problem
 * when it should be there). */
static gint64
read_time (EdJsonReader *r,
           JsonObject   *object,
           const char   *key,
           gboolean      required)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *text = ed_json_reader_get_string (r, object, key, required);

  if (text == NULL)
    return -1;

  time = g_date_time_new_from_iso8601 (text, utc);
  if (time == NULL || g_date_time_to_unix (time) < 0)
    {
      gsize mark = ed_json_reader_enter (r, key);

      ed_json_reader_problem (r, _("“%s” is not a time such as 2026-11-21T09:30:00Z"), text);
      ed_json_reader_leave (r, mark);
      return -1;
    }

  return g_date_time_to_unix (time);
}

/* A value longer than any the traveller may have is refused at its
 * place in the file (ed-field-limits.h). */
static gboolean
lengths_fit (EdJsonReader *r,
             EdTraveller  *traveller)
{
  g_autoptr(GPtrArray) problems = ed_validate_traveller_lengths (traveller, NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      const EdProblem *problem = g_ptr_array_index (problems, i);
      gboolean is_key = ed_traveller_is_key (problem->field);
      gsize mark = ed_json_reader_enter (r, is_key ? problem->field : "answers");

      if (!is_key)
        ed_json_reader_enter (r, problem->field);
      ed_json_reader_problem (r, "%s", problem->message);
      ed_json_reader_leave (r, mark);
    }

  return problems->len == 0;
}

/* Returns: how many travellers the file lists, read or not. */
static guint
read_travellers (EdJsonReader *r,
                 JsonObject   *top,
                 EdCaseRecord *record)
{
  JsonArray *array = ed_json_reader_get_array (r, top, "travellers", TRUE);
  gsize mark;

  if (array == NULL)
    return 0;

  mark = ed_json_reader_enter (r, "travellers");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GError) error = NULL;
      gsize inner = ed_json_reader_enter_index (r, i);
      EdTraveller *traveller;

      traveller = ed_traveller_new_from_json (json_array_get_element (array, i), &error);
      if (traveller == NULL)
        ed_json_reader_problem (r, "%s", error->message);
      else if (lengths_fit (r, traveller))
        g_ptr_array_add (record->travellers, traveller);
      else
        g_object_unref (traveller);
      ed_json_reader_leave (r, inner);
    }
  ed_json_reader_leave (r, mark);

  return json_array_get_length (array);
}

static gboolean
record_has_procedure (EdCaseRecord *record,
                      const char   *procedure_id)
{
  for (guint i = 0; i < record->procedures->len; i++)
    if (g_strcmp0 (((EdCaseProcedure *) g_ptr_array_index (record->procedures, i))->id,
                   procedure_id) == 0)
      return TRUE;

  return FALSE;
}

typedef struct
{
  guint         n_travellers;
  GHashTable   *seen;           /* "traveller procedure step item" */
  EdCaseRecord *record;
} TickContext;

static void
tick_free (gpointer data)
{
  EdRecordTick *tick = data;

  g_free (tick->procedure_id);
  g_free (tick->step_id);
  g_free (tick->item_id);
  g_free (tick);
}

static gpointer
read_tick (EdJsonReader *r,
           JsonObject   *object,
           GHashTable   *ids,
           gpointer      user_data)
{
  TickContext *context = user_data;
  EdRecordTick *tick = g_new0 (EdRecordTick, 1);
  int traveller = -1;
  char *key;

  ed_json_reader_check_keys (r, object, tick_keys);
  /* Absent in format 1: the case's one procedure. */
  tick->procedure_id = ed_json_reader_get_id (r, object, "procedure", FALSE);
  if (tick->procedure_id == NULL && ed_json_reader_member (r, object, "procedure", FALSE) == NULL)
    tick->procedure_id = g_strdup (context->record->procedure_id);
  else if (tick->procedure_id != NULL && !record_has_procedure (context->record,
                                                                 tick->procedure_id))
    {
      gsize mark = ed_json_reader_enter (r, "procedure");

      ed_json_reader_problem (r, _("“%s” is not one of the case’s procedures"),
                              tick->procedure_id);
      ed_json_reader_leave (r, mark);
    }
  tick->step_id = ed_json_reader_get_string (r, object, "step", TRUE);
  tick->item_id = ed_json_reader_get_string (r, object, "item", TRUE);
  tick->done_at = read_time (r, object, "done", TRUE);

  /* null, or absent: done once for the whole case. */
  if (ed_json_reader_member (r, object, "traveller", FALSE) != NULL)
    {
      if (context->n_travellers == 0)
        {
          gsize mark = ed_json_reader_enter (r, "traveller");

          ed_json_reader_problem (r, _("the case has no travellers: use null for the whole case"));
          ed_json_reader_leave (r, mark);
        }
      else
        ed_json_reader_get_int (r, object, "traveller", TRUE, 0,
                                (int) context->n_travellers - 1, &traveller);
    }
  tick->traveller = traveller;

  if (tick->procedure_id == NULL || tick->step_id == NULL || tick->item_id == NULL ||
      tick->done_at < 0)
    {
      tick_free (tick);
      return NULL;
    }

  key = g_strdup_printf ("%d %s %s %s", tick->traveller, tick->procedure_id, tick->step_id,
                         tick->item_id);
  if (!g_hash_table_add (context->seen, key))
    ed_json_reader_problem (r, _("the same item is ticked twice"));

  return tick;
}

static void
read_ticks (EdJsonReader *r,
            JsonObject   *top,
            EdCaseRecord *record,
            guint         n_travellers)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  TickContext context = { n_travellers, seen, record };
  g_autoptr(GPtrArray) ticks = NULL;

  ticks = ed_json_reader_read_list (r, top, "checklist", FALSE, read_tick, tick_free, &context);
  for (guint i = 0; i < ticks->len; i++)
    {
      EdRecordTick *tick = g_ptr_array_index (ticks, i);
      EdRecordTick copy = *tick;

      /* The strings move to the record. */
      g_array_append_val (record->ticks, copy);
      tick->procedure_id = tick->step_id = tick->item_id = NULL;
    }
}

static char **
read_languages (EdJsonReader *r,
                JsonObject   *object)
{
  JsonArray *array = ed_json_reader_get_array (r, object, "languages", TRUE);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  gboolean ok = array != NULL && json_array_get_length (array) > 0;

  for (guint i = 0; ok && i < json_array_get_length (array); i++)
    {
      JsonNode *code = json_array_get_element (array, i);
      EdLanguage language;

      ok = JSON_NODE_HOLDS_VALUE (code) && json_node_get_value_type (code) == G_TYPE_STRING &&
           ed_language_from_code (json_node_get_string (code), &language);
      if (ok)
        g_ptr_array_add (codes, g_strdup (ed_language_code (language)));
    }

  if (!ok)
    {
      if (array != NULL)
        {
          gsize mark = ed_json_reader_enter (r, "languages");

          ed_json_reader_problem (r, _("must be a list of language codes such as "
                                       "[\"en\", \"ja\"]"));
          ed_json_reader_leave (r, mark);
        }
      return NULL;
    }

  g_ptr_array_add (codes, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&codes), FALSE);
}

static gpointer
read_sheet (EdJsonReader *r,
            JsonObject   *object,
            GHashTable   *ids,
            gpointer      user_data)
{
  g_autoptr(EdSheetRecord) sheet = g_new0 (EdSheetRecord, 1);
  int paper;

  ed_json_reader_check_keys (r, object, sheet_keys);
  sheet->at = read_time (r, object, "at", TRUE);
  sheet->kind = ed_json_reader_get_enum (r, object, "kind", TRUE, kind_names, -1);
  sheet->procedure_id = ed_json_reader_get_id (r, object, "procedure", TRUE);
  ed_json_reader_get_int (r, object, "procedure_version", TRUE, 0, G_MAXINT,
                          &sheet->procedure_version);
  sheet->languages = read_languages (r, object);
  paper = ed_json_reader_get_enum (r, object, "paper", TRUE, paper_names, -1);
  if (paper >= 0)
    sheet->paper = g_strdup (paper_names[paper]);
  ed_json_reader_get_bool (r, object, "journey", &sheet->journey);
  sheet->user = ed_json_reader_get_string (r, object, "user", FALSE);
  sheet->office = ed_json_reader_get_string (r, object, "office", FALSE);

  if (sheet->at < 0 || (int) sheet->kind < 0 || sheet->procedure_id == NULL ||
      sheet->languages == NULL || sheet->paper == NULL)
    return NULL;

  return g_steal_pointer (&sheet);
}

static gpointer
read_journey_procedure (EdJsonReader *r,
                        JsonObject   *object,
                        GHashTable   *ids,
                        gpointer      user_data)
{
  EdCaseProcedure *procedure = g_new0 (EdCaseProcedure, 1);

  ed_json_reader_check_keys (r, object, journey_procedure_keys);
  procedure->id = ed_json_reader_read_item_id (r, object, ids);
  ed_json_reader_get_int (r, object, "version", TRUE, 0, G_MAXINT, &procedure->version);

  return procedure;
}

static void
journey_procedure_free (gpointer data)
{
  EdCaseProcedure *procedure = data;

  g_free (procedure->id);
  g_free (procedure);
}

/* Without a journey (format 1), the case holds its one procedure. */
static void
read_journey (EdJsonReader *r,
              JsonObject   *top,
              EdCaseRecord *record)
{
  JsonObject *journey = ed_json_reader_get_object (r, top, "journey", FALSE);
  g_autoptr(GPtrArray) procedures = NULL;
  gsize mark;

  if (journey == NULL)
    {
      if (record->procedure_id != NULL)
        ed_case_record_add_procedure (record, record->procedure_id, record->procedure_version);
      return;
    }

  mark = ed_json_reader_enter (r, "journey");
  ed_json_reader_check_keys (r, journey, journey_keys);
  record->journey_id = ed_json_reader_get_id (r, journey, "template", FALSE);
  procedures = ed_json_reader_read_list (r, journey, "procedures", TRUE, read_journey_procedure,
                                         journey_procedure_free, NULL);
  ed_json_reader_leave (r, mark);

  for (guint i = 0; i < procedures->len; i++)
    {
      const EdCaseProcedure *procedure = g_ptr_array_index (procedures, i);

      if (procedure->id != NULL)
        ed_case_record_add_procedure (record, procedure->id, procedure->version);
    }
  if (record->procedure_id != NULL && procedures->len > 0 &&
      !record_has_procedure (record, record->procedure_id))
    ed_json_reader_problem_at (r, "procedure", _("“%s” is not one of the procedures of "
                                                 "“journey”"), record->procedure_id);
}

static void
read_state (EdJsonReader *r,
            JsonObject   *top,
            EdCaseRecord *record)
{
  g_autofree char *reference = ed_json_reader_get_string (r, top, "reference", TRUE);
  int status;

  if (reference != NULL)
    {
      record->reference = ed_case_reference_normalize (reference);
      if (record->reference == NULL)
        ed_json_reader_problem_at (r, "reference",
                                   _("“%s” is not a case reference such as ED-7K3M-Q9"),
                                   reference);
    }

  record->procedure_id = ed_json_reader_get_id (r, top, "procedure", TRUE);
  ed_json_reader_get_int (r, top, "procedure_version", TRUE, 0, G_MAXINT,
                          &record->procedure_version);
  read_journey (r, top, record);
  status = ed_json_reader_get_enum (r, top, "status", TRUE, status_names, ED_CASE_OPEN);
  record->status = (EdCaseStatus) status;
  record->created = read_time (r, top, "created", TRUE);
  record->modified = read_time (r, top, "modified", TRUE);
  record->current_step = ed_json_reader_get_string (r, top, "current_step", FALSE);
  record->notes = ed_json_reader_get_string (r, top, "notes", FALSE);

  if (record->status == ED_CASE_CLOSED)
    record->closed = read_time (r, top, "closed", TRUE);
  else if (ed_json_reader_member (r, top, "closed", FALSE) != NULL)
    ed_json_reader_problem_at (r, "closed", _("an open case has no closing time"));
}

/**
 * ed_case_record_new_from_data:
 * @data: the content of a case file
 * @file: the file's name, for the messages
 *
 * Returns: (transfer full): the record (id 0), or %NULL with @error
 *   listing every problem, each with its place in the file:
 *   %ED_ERROR_PARSE when it is not JSON at all, %ED_ERROR_UNSUPPORTED
 *   when a newer Entry Desk wrote it, %ED_ERROR_INVALID otherwise
 */
EdCaseRecord *
ed_case_record_new_from_data (const char  *data,
                              gsize        size,
                              const char  *file,
                              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(EdCaseRecord) record = ed_case_record_new ();
  g_autoptr(GPtrArray) sheets = NULL;
  EdError code = ED_ERROR_INVALID;
  EdJsonReader r;
  JsonNode *root;
  JsonObject *top = NULL;
  int format = 0;

  ed_json_reader_init (&r, file);

  root = ed_json_reader_parse (&r, parser, data, size);
  if (root == NULL)
    code = ED_ERROR_PARSE;
  else if (JSON_NODE_HOLDS_OBJECT (root))
    top = json_node_get_object (root);

  if (root != NULL && (top == NULL || !json_object_has_member (top, "entry_desk_case")))
    ed_json_reader_problem_at (&r, NULL, _("this is not an Entry Desk case file: a case file "
                                           "is a JSON object with “entry_desk_case”, "
                                           "“reference” and “travellers”"));
  else if (top != NULL &&
           ed_json_reader_get_int (&r, top, "entry_desk_case", TRUE, 1, G_MAXINT, &format) &&
           format > ED_CASE_FILE_FORMAT)
    {
      /* A newer file's members would only give misleading problems. */
      ed_json_reader_problem_at (&r, "entry_desk_case",
                                 _("this case file is made for a newer Entry Desk (case format "
                                   "%d; this version reads format %d): update Entry Desk to "
                                   "import it"), format, ED_CASE_FILE_FORMAT);
      code = ED_ERROR_UNSUPPORTED;
    }
  else if (top != NULL)
    {
      ed_json_reader_check_keys (&r, top, top_keys);
      read_state (&r, top, record);
      read_ticks (&r, top, record, read_travellers (&r, top, record));
      sheets = ed_json_reader_read_list (&r, top, "sheets", FALSE, read_sheet,
                                         (GDestroyNotify) ed_sheet_record_free, NULL);
      g_ptr_array_extend_and_steal (record->sheets, g_steal_pointer (&sheets));
    }

  if (r.n_problems > 0)
    {
      ed_json_reader_set_error (&r, code, error);
      ed_json_reader_clear (&r);
      return NULL;
    }

  ed_json_reader_clear (&r);
  return g_steal_pointer (&record);
}
