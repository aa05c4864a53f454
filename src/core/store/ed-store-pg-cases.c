/* ed-store-pg-cases.c — cases in and out of the office database
 *
 * A case row holds the case file's JSON (data) and, beside it, what a
 * list shows and what the search reads. A save names the version it was
 * read at and writes only over that version: "UPDATE … WHERE version =
 * $v" either changes the row or finds it changed elsewhere, in one
 * statement, so two desks can never both win.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-case-info-private.h"
#include "ed-case-reference.h"
#include "ed-error.h"
#include "ed-search-text.h"
#include "ed-store-pg-private.h"

/* As the SQLite backend: with 30 bits, a second collision in a row is
 * one in a million. */
#define MAX_REFERENCE_TRIES 16

#define INT_TEXT(name, value) \
  char name[24]; \
  g_snprintf (name, sizeof name, "%" G_GINT64_FORMAT, (gint64) (value))

/**
 * ed_store_pg_search_columns:
 * @words: (out): the whole words: " eriksson anna 7k3mq9 … "
 * @inner: (out): the inner parts of words: " riksson iksson … "
 *
 * What the office database searches a case by: the tokens of the local
 * search (ed-search-text.c), whole words in one column and the inner
 * suffixes (without their mark) in another, each word with a space
 * before and after, so that a trigram index tells a word's start.
 */
void
ed_store_pg_search_columns (EdCaseRecord  *record,
                            char         **words,
                            char         **inner)
{
  g_autofree char *tokens = ed_search_case_tokens (record->reference, record->travellers);
  g_auto(GStrv) split = g_strsplit (tokens, " ", -1);
  GString *whole = g_string_new (" ");
  GString *parts = g_string_new (" ");

  for (guint i = 0; split[i] != NULL; i++)
    {
      if (split[i][0] == '\0')
        continue;
      if (split[i][0] == ED_SEARCH_INNER_MARK)
        g_string_append_printf (parts, "%s ", split[i] + 1);
      else
        g_string_append_printf (whole, "%s ", split[i]);
    }

  *words = g_string_free (whole, FALSE);
  *inner = g_string_free (parts, FALSE);
}

/* The deadlines as one parameter: a JSON array that
 * jsonb_to_recordset() reads (DEADLINE_ROWS). */
static char *
deadlines_json (GArray *deadlines)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; deadlines != NULL && i < deadlines->len; i++)
    {
      const EdDeadline *deadline = &g_array_index (deadlines, EdDeadline, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "traveller");
      json_builder_add_int_value (builder, deadline->traveller);
      json_builder_set_member_name (builder, "procedure_id");
      json_builder_add_string_value (builder, deadline->procedure_id);
      json_builder_set_member_name (builder, "rule_id");
      json_builder_add_string_value (builder, deadline->rule_id);
      json_builder_set_member_name (builder, "due_at");
      json_builder_add_int_value (builder, deadline->due_at);
      json_builder_set_member_name (builder, "end_at");
      json_builder_add_int_value (builder, deadline->end_at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Six values: the next deadline's five columns (NULL for none) and the
 * deadlines. */
static void
due_columns_init (char            **values,
                  const EdNextDue  *next,
                  GArray           *deadlines)
{
  if (next->due_at != 0)
    {
      values[0] = g_strdup_printf ("%" G_GINT64_FORMAT, next->due_at);
      values[1] = g_strdup_printf ("%" G_GINT64_FORMAT, next->end_at);
    }
  values[2] = g_strdup (next->when);
  values[3] = g_strdup (next->procedure_id);
  values[4] = g_strdup (next->rule_id);
  values[5] = deadlines_json (deadlines);
}

/* Two values: how far the case is (#EdCaseProgress), NULL for not known. */
static void
progress_columns_init (char                 **values,
                       const EdCaseProgress  *progress)
{
  if (progress == NULL)
    return;
  values[0] = g_strdup_printf ("%u", progress->n_steps);
  values[1] = g_strdup_printf ("%u", progress->step);
}

/* The deadlines of case "@case_id" from @rows, a CTE of the statement
 * that wrote the case, replacing the stored ones: one statement, so
 * that the case and its deadlines are written together or not at all.
 * Every part sees the rows as they were before it, so the old deadlines
 * go and the new ones stay.
 *
 * "As they were before it" is as the statement's snapshot shows them:
 * deadlines another desk committed while the statement waited for the
 * case's row would stay beside the new ones. So a statement that writes
 * an existing case's deadlines runs in a transaction that took the row
 * first (begin_on_case ()); a new case's row no other desk knows. */
#define DEADLINE_ROWS(rows, json) \
  "d AS (DELETE FROM case_deadlines WHERE case_id IN (SELECT id FROM " rows ")), " \
  "n AS (INSERT INTO case_deadlines (case_id, traveller, procedure_id, rule_id, due_at, " \
  "end_at) SELECT r.id, x.traveller, x.procedure_id, x.rule_id, x.due_at, x.end_at " \
  "FROM " rows " r, jsonb_to_recordset (" json "::jsonb) AS x (traveller integer, " \
  "procedure_id text, rule_id text, due_at bigint, end_at bigint)) "

/* Begins a transaction holding case "@case_id"'s row, once any other
 * desk's write of it has committed: the statements after it see that
 * write, and no other desk's write begins until this one ends
 * (end_on_case ()). No row, no lock: the write finds no case. */
static gboolean
begin_on_case (PGconn      *conn,
               const char  *case_id,
               GError     **error)
{
  if (!_ed_pg_command (conn, "BEGIN", 0, NULL, error))
    return FALSE;
  if (!_ed_pg_command (conn, "SELECT 1 FROM cases WHERE id = $1 FOR NO KEY UPDATE", 1,
                       &case_id, error))
    {
      _ed_pg_rollback (conn);
      return FALSE;
    }
  return TRUE;
}

/* Commits what begin_on_case () began if @ok, else rolls it back. */
static gboolean
end_on_case (PGconn    *conn,
             gboolean   ok,
             GError   **error)
{
  if (ok && _ed_pg_command (conn, "COMMIT", 0, NULL, error))
    return TRUE;
  _ed_pg_rollback (conn);
  return FALSE;
}

static char *
case_data (EdCaseRecord *record)
{
  g_autoptr(JsonNode) node = ed_case_record_to_json (record);

  json_object_remove_member (json_node_get_object (node), "sheets");
  return json_to_string (node, FALSE);
}

typedef struct
{
  char *values[24];
} CaseColumns;

static void
case_columns_clear (CaseColumns *columns)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns->values); i++)
    g_free (columns->values[i]);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CaseColumns, case_columns_clear)

/* $2…$25 of an insert, in this order. */
static void
case_columns_init (CaseColumns  *columns,
                   EdCaseRecord *record)
{
  g_autoptr(EdCaseInfo) info = NULL;

  /* A record made by hand with one procedure: its journey of one. */
  ed_case_record_ensure_journey (record);
  info = ed_case_record_to_info (record);
  columns->values[0] = g_strdup (record->procedure_id);
  columns->values[1] = g_strdup_printf ("%d", record->procedure_version);
  columns->values[2] = g_strdup (record->current_step);
  columns->values[3] = g_strdup (ed_case_status_to_string (record->status));
  columns->values[4] = record->status == ED_CASE_CLOSED
                       ? g_strdup_printf ("%" G_GINT64_FORMAT, record->closed) : NULL;
  columns->values[5] = g_strdup_printf ("%" G_GINT64_FORMAT, record->created);
  columns->values[6] = g_strdup_printf ("%" G_GINT64_FORMAT, record->modified);
  columns->values[7] = g_strjoinv ("\n", (char **) ed_case_info_get_names (info));
  columns->values[8] = g_strdup_printf ("%u", ed_case_info_get_n_travellers (info));
  columns->values[9] = g_strdup_printf ("%u", ed_case_info_get_n_done (info));
  ed_store_pg_search_columns (record, &columns->values[10], &columns->values[11]);
  columns->values[12] = case_data (record);
  /* Schema 2: the journey and its procedures, as a list shows them. */
  columns->values[13] = g_strdup (record->journey_id);
  columns->values[14] = g_strjoinv ("\n", (char **) ed_case_info_get_procedure_ids (info));
  /* Schema 3: the next deadline and the deadlines, when worked out. */
  if (record->next_due_known)
    due_columns_init (columns->values + 15, &record->next_due, record->deadlines);
  /* Schema 5: the first traveller's name in native script. */
  columns->values[21] = g_strdup (ed_case_info_get_native_name (info));
  /* Schema 6: how far the case is, worked out with the deadlines. */
  if (record->next_due_known)
    progress_columns_init (columns->values + 22,
                           record->progress_known ? &record->progress : NULL);
}

gboolean
_ed_pg_insert_sheet (PGconn               *conn,
                     gint64                id,
                     const EdSheetRecord  *sheet,
                     GError              **error)
{
  g_autofree char *languages = g_strjoinv (",", sheet->languages);
  g_autofree char *version = g_strdup_printf ("%d", sheet->procedure_version);
  INT_TEXT (case_id, id);
  INT_TEXT (at, sheet->at);
  const char *values[] = {
    case_id, at, ed_sheet_kind_to_string (sheet->kind), sheet->procedure_id, version,
    languages, sheet->paper, sheet->journey ? "true" : "false", sheet->user, sheet->office,
  };

  return _ed_pg_command (conn, "INSERT INTO sheet_log (case_id, at, kind, procedure_id, "
                               "procedure_version, languages, paper, journey, printed_user, "
                               "office) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                         10, values, error);
}

GPtrArray *
_ed_pg_read_sheets (PGconn  *conn,
                    gint64   id,
                    GError **error)
{
  g_autoptr(PGresult) result = NULL;
  GPtrArray *sheets;
  INT_TEXT (case_id, id);
  const char *values[] = { case_id };

  result = _ed_pg_exec (conn, "SELECT at, kind, procedure_id, procedure_version, languages, "
                              "paper, printed_by, journey, printed_user, office FROM sheet_log "
                              "WHERE case_id = $1 ORDER BY at, id", 1, values, error);
  if (result == NULL)
    return NULL;

  sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_sheet_record_free);
  for (int row = 0; row < PQntuples (result); row++)
    {
      EdSheetRecord *sheet = g_new0 (EdSheetRecord, 1);

      sheet->at = _ed_pg_int64 (result, row, 0);
      ed_sheet_kind_from_string (_ed_pg_text (result, row, 1), &sheet->kind);
      sheet->procedure_id = g_strdup (_ed_pg_text (result, row, 2));
      sheet->procedure_version = (int) _ed_pg_int64 (result, row, 3);
      sheet->languages = g_strsplit (_ed_pg_text (result, row, 4), ",", -1);
      sheet->paper = g_strdup (_ed_pg_text (result, row, 5));
      sheet->by = g_strdup (_ed_pg_text (result, row, 6));
      sheet->journey = g_strcmp0 (_ed_pg_text (result, row, 7), "t") == 0;
      sheet->user = g_strdup (_ed_pg_text (result, row, 8));
      sheet->office = g_strdup (_ed_pg_text (result, row, 9));
      g_ptr_array_add (sheets, sheet);
    }

  return sheets;
}

/* A new reference: never one of those a desk makes offline
 * (ed-store-pg-offline.c), which are another desk's to take. */
static char *
generate_reference (void)
{
  char *reference = ed_case_reference_generate ();

  while (reference[0] == ED_PG_OFFLINE_MARK)
    {
      g_free (reference);
      reference = ed_case_reference_generate ();
    }
  return reference;
}

/* @id: the case's id, reserved for it (a case made offline); 0 for a
 * new one. */
static gboolean
insert_row (PGconn        *conn,
            EdCaseRecord  *record,
            gboolean       new_reference,
            gint64         id,
            GError       **error)
{
  g_auto(CaseColumns) columns = { 0 };
  INT_TEXT (id_text, id);

  for (guint tries = 0; tries < MAX_REFERENCE_TRIES; tries++)
    {
      g_autoptr(PGresult) result = NULL;
      const char *values[26];

      if (new_reference || record->reference == NULL)
        {
          g_free (record->reference);
          record->reference = generate_reference ();
        }
      /* The data holds the reference: made again for each one tried. */
      case_columns_clear (&columns);
      memset (&columns, 0, sizeof columns);
      case_columns_init (&columns, record);

      values[0] = record->reference;
      for (guint i = 0; i < G_N_ELEMENTS (columns.values); i++)
        values[i + 1] = columns.values[i];
      values[25] = id > 0 ? id_text : NULL;

      /* Without deadlines worked out: none yet ($22 NULL, no rows). */
      result = _ed_pg_exec (conn, "WITH c AS (INSERT INTO cases (id, reference, procedure_id, "
                                  "procedure_version, current_step, status, closed, created, "
                                  "modified, names, n_travellers, n_done, words, inner_words, "
                                  "data, journey_id, procedures, next_due_at, next_due_end, "
                                  "next_due, next_due_procedure, next_due_rule, native_name, "
                                  "n_steps, step) "
                                  "VALUES (coalesce ($26::bigint, nextval ('cases_id_seq')), "
                                  "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, "
                                  "$14, $15, $16, $17, $18, $19, $20, $21, $23, $24::integer, "
                                  "$25::integer) "
                                  "ON CONFLICT (reference) DO NOTHING "
                                  "RETURNING id, version, changed_by), "
                                  DEADLINE_ROWS ("c", "coalesce ($22, '[]')")
                                  "SELECT id, version, changed_by FROM c", 26, values, error);
      if (result == NULL)
        return FALSE;
      if (PQntuples (result) == 1)
        {
          record->id = _ed_pg_int64 (result, 0, 0);
          record->version = _ed_pg_int64 (result, 0, 1);
          g_free (record->changed_by);
          record->changed_by = g_strdup (_ed_pg_text (result, 0, 2));
          return TRUE;
        }
      if (!new_reference)
        {
          g_autofree char *shown = ed_case_reference_format (record->reference);

          g_set_error (error, ED_ERROR, ED_ERROR_EXISTS,
                       _("The case %s is already in the store. Nothing was imported; import "
                         "it as a new case to keep both."), shown);
          return FALSE;
        }
    }

  g_set_error (error, ED_ERROR, ED_ERROR_IO, _("No free case reference was found"));
  return FALSE;
}

/**
 * _ed_pg_insert_case:
 *
 * Adds a case with its sheet log, in one transaction.
 */
gboolean
_ed_pg_insert_case (EdStorePg     *self,
                    PGconn        *conn,
                    EdCaseRecord  *record,
                    gboolean       new_reference,
                    GError       **error)
{
  if (!_ed_pg_command (conn, "BEGIN", 0, NULL, error))
    return FALSE;

  if (!insert_row (conn, record, new_reference, 0, error))
    {
      _ed_pg_rollback (conn);
      return FALSE;
    }

  for (guint i = 0; i < record->sheets->len; i++)
    if (!_ed_pg_insert_sheet (conn, record->id, g_ptr_array_index (record->sheets, i), error))
      {
        _ed_pg_rollback (conn);
        return FALSE;
      }

  if (!_ed_pg_command (conn, "COMMIT", 0, NULL, error))
    {
      _ed_pg_rollback (conn);
      return FALSE;
    }

  return TRUE;
}

/**
 * _ed_pg_insert_reserved:
 *
 * Adds a case made offline under the id it reserved (@record's), in one
 * transaction, with its reference; a new one when a case of the office
 * took that one meanwhile (only a case brought in from a desk's own
 * store can).
 */
gboolean
_ed_pg_insert_reserved (PGconn        *conn,
                        EdCaseRecord  *record,
                        GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *was = g_strdup (record->reference);

  if (!_ed_pg_command (conn, "BEGIN", 0, NULL, error))
    return FALSE;

  if (!insert_row (conn, record, FALSE, record->id, &local_error) &&
      g_error_matches (local_error, ED_ERROR, ED_ERROR_EXISTS))
    {
      g_clear_error (&local_error);
      if (insert_row (conn, record, TRUE, record->id, &local_error))
        g_message ("Case %s made offline was sent as %s: its reference was taken", was,
                   record->reference);
    }
  if (local_error != NULL || !_ed_pg_command (conn, "COMMIT", 0, NULL, &local_error))
    {
      _ed_pg_rollback (conn);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
update_row (PGconn        *conn,
            EdCaseRecord  *record,
            GError       **error)
{
  g_auto(CaseColumns) columns = { 0 };
  g_autoptr(PGresult) result = NULL;
  g_autoptr(PGresult) now = NULL;
  INT_TEXT (id, record->id);
  INT_TEXT (version, record->version);
  const char *values[26];

  case_columns_init (&columns, record);
  values[0] = id;
  for (guint i = 0; i < 15; i++)
    values[i + 1] = columns.values[i];
  values[16] = version;
  for (guint i = 15; i < G_N_ELEMENTS (columns.values); i++)
    values[i + 2] = columns.values[i];

  /* The version goes up only when the case changes (cases_stamp ()).
   * The stored deadlines stay when none were worked out. */
  if (record->next_due_known)
    result = _ed_pg_exec (conn, "WITH u AS (UPDATE cases SET procedure_id = $2, "
                                "procedure_version = $3, current_step = $4, status = $5, "
                                "closed = $6, created = $7, modified = $8, names = $9, "
                                "n_travellers = $10, n_done = $11, words = $12, "
                                "inner_words = $13, data = $14, journey_id = $15, "
                                "procedures = $16, next_due_at = $18, next_due_end = $19, "
                                "next_due = $20, next_due_procedure = $21, next_due_rule = $22, "
                                "native_name = $24, n_steps = $25::integer, step = $26::integer "
                                "WHERE id = $1 AND ($17::bigint = 0 OR version = $17) "
                                "RETURNING id, version, changed_by), "
                                DEADLINE_ROWS ("u", "$23")
                                "SELECT version, changed_by FROM u", 26, values, error);
  else
    {
      values[17] = columns.values[21];
      result = _ed_pg_exec (conn, "UPDATE cases SET procedure_id = $2, procedure_version = $3, "
                                  "current_step = $4, status = $5, closed = $6, created = $7, "
                                  "modified = $8, names = $9, n_travellers = $10, n_done = $11, "
                                  "words = $12, inner_words = $13, data = $14, "
                                  "journey_id = $15, procedures = $16, native_name = $18 "
                                  "WHERE id = $1 AND ($17::bigint = 0 OR version = $17) "
                                  "RETURNING version, changed_by", 18, values, error);
    }
  if (result == NULL)
    return FALSE;
  if (PQntuples (result) == 1)
    {
      record->version = _ed_pg_int64 (result, 0, 0);
      g_free (record->changed_by);
      record->changed_by = g_strdup (_ed_pg_text (result, 0, 1));
      return TRUE;
    }

  now = _ed_pg_exec (conn, "SELECT version, changed_by FROM cases WHERE id = $1", 1, values,
                     error);
  if (now == NULL)
    return FALSE;
  if (PQntuples (now) == 0)
    g_set_error (error, ED_ERROR, ED_ERROR_NOT_FOUND, _("The case was deleted"));
  else
    {
      g_autofree char *shown = ed_case_reference_format (record->reference);

      g_set_error (error, ED_ERROR, ED_ERROR_CONFLICT,
                   _("The case %s was changed on another desk (by %s) since this desk read "
                     "it; nothing was overwritten"), shown, _ed_pg_text (now, 0, 1));
    }
  return FALSE;
}

/**
 * _ed_pg_update_case:
 *
 * Writes @record over the stored case if the stored version is
 * @record's (or @record's is 0), and sets @record's version to the new
 * one. %ED_ERROR_CONFLICT when another desk saved since,
 * %ED_ERROR_NOT_FOUND when the case is gone.
 *
 * In a transaction holding the case's row (begin_on_case ()).
 */
gboolean
_ed_pg_update_case (PGconn        *conn,
                    EdCaseRecord  *record,
                    GError       **error)
{
  INT_TEXT (id, record->id);
  gint64 version = record->version;
  g_autofree char *changed_by = g_strdup (record->changed_by);

  if (!begin_on_case (conn, id, error))
    return FALSE;
  if (end_on_case (conn, update_row (conn, record, error), error))
    return TRUE;

  /* Not written: @record is as it was. */
  record->version = version;
  g_free (record->changed_by);
  record->changed_by = g_steal_pointer (&changed_by);
  return FALSE;
}

/**
 * _ed_pg_read_case:
 *
 * Returns: (transfer full): the case, not trashed, with its version and
 *   author
 */
EdCaseRecord *
_ed_pg_read_case (PGconn    *conn,
                  gint64     id,
                  gboolean   with_sheets,
                  GError   **error)
{
  g_autoptr(PGresult) result = NULL;
  g_autoptr(EdCaseRecord) record = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  INT_TEXT (case_id, id);
  const char *values[] = { case_id };

  result = _ed_pg_exec (conn, "SELECT data, version, changed_by, reference FROM cases "
                              "WHERE id = $1 AND trashed IS NULL", 1, values, error);
  if (result == NULL)
    return NULL;
  if (PQntuples (result) == 0)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_NOT_FOUND, _("There is no such case"));
      return NULL;
    }

  data = _ed_pg_text (result, 0, 0);
  record = ed_case_record_new_from_data (data, strlen (data), _ed_pg_text (result, 0, 3),
                                         &local_error);
  if (record == NULL)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_CORRUPT,
                   _("The office database is damaged: case %s cannot be read (%s)"), case_id,
                   local_error->message);
      return NULL;
    }

  record->id = id;
  record->version = _ed_pg_int64 (result, 0, 1);
  record->changed_by = g_strdup (_ed_pg_text (result, 0, 2));
  g_free (record->reference);
  record->reference = g_strdup (_ed_pg_text (result, 0, 3));

  if (with_sheets)
    {
      g_autoptr(GPtrArray) sheets = _ed_pg_read_sheets (conn, id, error);

      if (sheets == NULL)
        return NULL;
      g_ptr_array_set_size (record->sheets, 0);
      g_ptr_array_extend_and_steal (record->sheets, g_steal_pointer (&sheets));
    }

  return g_steal_pointer (&record);
}

/**
 * _ed_pg_read_infos:
 * @result: rows of ED_PG_INFO_COLUMNS, and "open_elsewhere", the roles
 *   of other desks that have the case open, when the query asked
 * @seen: (nullable): ids already in @infos, skipped
 *
 * Appends the rows of @result to @infos until it holds @limit (0: all).
 *
 * Returns: (transfer none): @infos
 */
GPtrArray *
_ed_pg_read_infos (EdStorePg  *self,
                   PGresult   *result,
                   GHashTable *seen,
                   GPtrArray  *infos,
                   guint       limit)
{
  int presence = PQfnumber (result, "open_elsewhere");

  for (int row = 0; row < PQntuples (result) && (limit == 0 || infos->len < limit); row++)
    {
      EdCaseInfoData data = { 0 };
      const char *names = _ed_pg_text (result, row, 6);
      const char *procedures;

      data.id = _ed_pg_int64 (result, row, 0);
      if (seen != NULL && !g_hash_table_add (seen, g_memdup2 (&data.id, sizeof data.id)))
        continue;

      data.reference = g_strdup (_ed_pg_text (result, row, 1));
      data.procedure_id = g_strdup (_ed_pg_text (result, row, 2));
      data.procedure_version = (int) _ed_pg_int64 (result, row, 3);
      data.current_step = g_strdup (_ed_pg_text (result, row, 4));
      ed_case_status_from_string (_ed_pg_text (result, row, 5), &data.status);
      data.names = names != NULL && *names != '\0' ? g_strsplit (names, "\n", -1)
                                                   : g_new0 (char *, 1);
      data.n_travellers = (guint) _ed_pg_int64 (result, row, 7);
      data.n_done = (guint) _ed_pg_int64 (result, row, 8);
      data.created = _ed_pg_int64 (result, row, 9);
      data.modified = _ed_pg_int64 (result, row, 10);
      data.closed = _ed_pg_int64 (result, row, 11);
      data.changed_by = g_strdup (_ed_pg_text (result, row, 12));
      data.journey_id = g_strdup (_ed_pg_text (result, row, 13));
      /* Written before schema 2: a journey of its one procedure. */
      procedures = _ed_pg_text (result, row, 14);
      data.procedure_ids = procedures != NULL && *procedures != '\0'
                           ? g_strsplit (procedures, "\n", -1)
                           : g_strsplit (data.procedure_id != NULL ? data.procedure_id : "",
                                         "\n", -1);
      /* Schema 3; none until a desk worked it out. */
      data.next_due.due_at = _ed_pg_int64 (result, row, 15);
      data.next_due.end_at = _ed_pg_int64 (result, row, 16);
      data.next_due.when = g_strdup (_ed_pg_text (result, row, 17));
      data.next_due.procedure_id = g_strdup (_ed_pg_text (result, row, 18));
      data.next_due.rule_id = g_strdup (_ed_pg_text (result, row, 19));
      /* Schema 5. */
      data.native_name = g_strdup (_ed_pg_text (result, row, 20));
      /* Schema 6; not known until a desk with a catalog worked it out. */
      data.progress_known = !PQgetisnull (result, row, 21);
      data.progress.n_steps = (guint) _ed_pg_int64 (result, row, 21);
      data.progress.step = (guint) _ed_pg_int64 (result, row, 22);
      if (presence >= 0)
        data.open_elsewhere = g_strdup (_ed_pg_text (result, row, presence));
      g_ptr_array_add (infos, _ed_case_info_new (&data));
    }

  return infos;
}

/* @sql on the writer connection; in a transaction holding case
 * "@case_id"'s row (begin_on_case ()) unless %NULL. */
static gboolean
run_on_writer_for_case (EdStorePg   *self,
                        const char  *case_id,
                        const char  *sql,
                        int          n_params,
                        const char * const *values,
                        PGresult   **out,
                        GError     **error)
{
  PGresult *result = NULL;

  g_mutex_lock (&self->writer.lock);
  if (_ed_pg_link_ready (self, &self->writer, error))
    {
      if (case_id == NULL)
        result = _ed_pg_exec (self->writer.conn, sql, n_params, values, error);
      else if (begin_on_case (self->writer.conn, case_id, error))
        {
          result = _ed_pg_exec (self->writer.conn, sql, n_params, values, error);
          if (!end_on_case (self->writer.conn, result != NULL, error))
            g_clear_pointer (&result, PQclear);
        }
      if (result == NULL && error != NULL && _ed_pg_error_is_offline (*error))
        _ed_pg_went_offline (self);
    }
  g_mutex_unlock (&self->writer.lock);

  if (result == NULL)
    return FALSE;
  if (out != NULL)
    *out = result;
  else
    PQclear (result);
  return TRUE;
}

static gboolean
run_on_writer (EdStorePg   *self,
               const char  *sql,
               int          n_params,
               const char * const *values,
               PGresult   **out,
               GError     **error)
{
  return run_on_writer_for_case (self, NULL, sql, n_params, values, out, error);
}

static gboolean
backend_trash_case (EdStoreBackend  *backend,
                    gint64           id,
                    GError         **error)
{
  g_autoptr(PGresult) result = NULL;
  INT_TEXT (case_id, id);
  const char *values[] = { case_id };

  if (!run_on_writer (ED_STORE_PG (backend), "UPDATE cases SET trashed = now () "
                                             "WHERE id = $1 AND trashed IS NULL RETURNING id",
                      1, values, &result, error))
    return FALSE;
  if (PQntuples (result) == 0)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_NOT_FOUND, _("There is no such case"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
backend_restore_case (EdStoreBackend  *backend,
                      gint64           id,
                      GError         **error)
{
  g_autoptr(PGresult) result = NULL;
  INT_TEXT (case_id, id);
  const char *values[] = { case_id };

  if (!run_on_writer (ED_STORE_PG (backend), "UPDATE cases SET trashed = NULL "
                                             "WHERE id = $1 AND trashed IS NOT NULL "
                                             "RETURNING id", 1, values, &result, error))
    return FALSE;
  if (PQntuples (result) == 0)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_NOT_FOUND,
                   _("The case is not in the trash: it was restored or deleted already"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
backend_expunge_case (EdStoreBackend  *backend,
                      gint64           id,
                      GError         **error)
{
  g_autoptr(PGresult) result = NULL;
  INT_TEXT (case_id, id);
  const char *values[] = { case_id };

  if (!run_on_writer (ED_STORE_PG (backend), "SELECT expunge_case ($1)", 1, values, &result,
                      error))
    return FALSE;
  if (g_strcmp0 (_ed_pg_text (result, 0, 0), "t") != 0)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_NOT_FOUND,
                   _("The case is not in the trash: it was restored or deleted already"));
      return FALSE;
    }

  return TRUE;
}

static GPtrArray *
read_infos_on_reader (EdStorePg   *self,
                      const char  *sql,
                      int          n_params,
                      const char * const *values,
                      GError     **error)
{
  g_autoptr(PGresult) result = NULL;
  GPtrArray *infos = NULL;

  g_mutex_lock (&self->reader.lock);
  if (_ed_pg_link_ready (self, &self->reader, error))
    result = _ed_pg_exec (self->reader.conn, sql, n_params, values, error);
  g_mutex_unlock (&self->reader.lock);

  if (result != NULL)
    infos = _ed_pg_read_infos (self, result, NULL,
                               g_ptr_array_new_with_free_func (g_object_unref), 0);
  return infos;
}

static EdCaseInfo *
backend_find_case (EdStoreBackend  *backend,
                   const char      *reference,
                   GError         **error)
{
  const char *values[] = { reference };
  g_autoptr(GPtrArray) infos = NULL;

  infos = read_infos_on_reader (ED_STORE_PG (backend),
                                "SELECT " ED_PG_INFO_COLUMNS " FROM cases c "
                                "WHERE c.reference = $1 AND c.trashed IS NULL", 1, values,
                                error);
  if (infos == NULL || infos->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (infos, 0));
}

static GPtrArray *
backend_purge_preview (EdStoreBackend  *backend,
                       gint64           closed_before,
                       GCancellable    *cancellable,
                       GError         **error)
{
  INT_TEXT (before, closed_before);
  const char *values[] = { before };

  return read_infos_on_reader (ED_STORE_PG (backend),
                               "SELECT " ED_PG_INFO_COLUMNS " FROM cases c "
                               "WHERE c.status = 'closed' AND c.closed < $1 "
                               "AND c.trashed IS NULL ORDER BY c.closed, c.id", 1, values,
                               error);
}

static gboolean
backend_purge (EdStoreBackend  *backend,
               GPtrArray       *preview,
               gint64           closed_before,
               guint           *n_purged,
               GCancellable    *cancellable,
               GError         **error)
{
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GString) ids = g_string_new ("{");
  g_autoptr(GError) local_error = NULL;
  INT_TEXT (before, closed_before);
  const char *values[] = { NULL, before };

  for (guint i = 0; i < preview->len; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            ed_case_info_get_id (g_ptr_array_index (preview, i)));
  g_string_append_c (ids, '}');
  values[0] = ids->str;

  /* One statement: all or nothing. */
  if (!run_on_writer (ED_STORE_PG (backend), "DELETE FROM cases WHERE id = ANY ($1::bigint[]) "
                                             "AND status = 'closed' AND closed < $2 "
                                             "AND trashed IS NULL RETURNING id", 2, values,
                      &result, &local_error))
    {
      if (g_error_matches (local_error, ED_ERROR, ED_ERROR_DENIED))
        g_set_error (error, ED_ERROR, ED_ERROR_DENIED,
                     _("Only the office's administrator role may purge closed cases (this "
                       "desk works as “%s”)"), ED_STORE_PG (backend)->role);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  *n_purged = (guint) PQntuples (result);
  return TRUE;
}

static gboolean
backend_log_sheet (EdStoreBackend       *backend,
                   gint64                id,
                   const EdSheetRecord  *sheet,
                   GError              **error)
{
  EdStorePg *self = ED_STORE_PG (backend);
  gboolean ok = FALSE;

  g_mutex_lock (&self->writer.lock);
  if (_ed_pg_link_ready (self, &self->writer, error))
    ok = _ed_pg_insert_sheet (self->writer.conn, id, sheet, error);
  g_mutex_unlock (&self->writer.lock);

  return ok;
}

static GPtrArray *
backend_list_sheets (EdStoreBackend  *backend,
                     gint64           id,
                     GError         **error)
{
  EdStorePg *self = ED_STORE_PG (backend);
  GPtrArray *sheets = NULL;

  g_mutex_lock (&self->reader.lock);
  if (_ed_pg_link_ready (self, &self->reader, error))
    sheets = _ed_pg_read_sheets (self->reader.conn, id, error);
  g_mutex_unlock (&self->reader.lock);

  return sheets;
}

/* The office's settings, read once when the store opens and kept: the
 * GUI reads them in its own thread, which must not wait for a server. */
gboolean
_ed_pg_load_settings (EdStorePg  *self,
                      PGconn     *conn,
                      GError    **error)
{
  g_autoptr(PGresult) result = _ed_pg_exec (conn, "SELECT key, value FROM settings", 0, NULL,
                                            error);

  if (result == NULL)
    return FALSE;

  g_mutex_lock (&self->settings_lock);
  g_hash_table_remove_all (self->settings);
  for (int row = 0; row < PQntuples (result); row++)
    g_hash_table_insert (self->settings, g_strdup (_ed_pg_text (result, row, 0)),
                         g_strdup (_ed_pg_text (result, row, 1)));
  g_mutex_unlock (&self->settings_lock);

  return TRUE;
}

static char *
backend_get_setting (EdStoreBackend  *backend,
                     const char      *key,
                     GError         **error)
{
  EdStorePg *self = ED_STORE_PG (backend);
  char *value;

  g_mutex_lock (&self->settings_lock);
  value = g_strdup (g_hash_table_lookup (self->settings, key));
  g_mutex_unlock (&self->settings_lock);

  return value;
}

static gboolean
backend_set_setting (EdStoreBackend  *backend,
                     const char      *key,
                     const char      *value,
                     GError         **error)
{
  EdStorePg *self = ED_STORE_PG (backend);
  const char *values[] = { key, value };
  gboolean ok;

  /* Any desk that writes cases sets this one (schema 3). */
  if (value != NULL && strcmp (key, ED_STORE_SETTING_DUE_CATALOG) == 0)
    ok = run_on_writer (self, "SELECT set_due_catalog ($1)", 1, values + 1, NULL, error);
  else if (value == NULL)
    ok = run_on_writer (self, "DELETE FROM settings WHERE key = $1", 1, values, NULL, error);
  else
    ok = run_on_writer (self, "INSERT INTO settings (key, value) VALUES ($1, $2) "
                              "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "
                              "changed_by = session_user, changed_at = now ()", 2, values, NULL,
                        error);
  if (!ok)
    return FALSE;

  g_mutex_lock (&self->settings_lock);
  if (value == NULL)
    g_hash_table_remove (self->settings, key);
  else
    g_hash_table_insert (self->settings, g_strdup (key), g_strdup (value));
  g_mutex_unlock (&self->settings_lock);

  return TRUE;
}

/* Not a change of the case: its version, author and time of change
 * stay (cases_stamp ()), but the update announces it like one, so the
 * other desks' lists show the new deadline. Only over the @version
 * they were worked out of (unless 0): a desk that saved the case since
 * wrote the deadlines of what it saved.
 *
 * Offline, this fails and nothing is queued: the deadlines are worked
 * out of the case, and what asks for this (ed_store_refresh_due()) finds
 * the office's catalog setting unchanged and does it again; a save that
 * waited in the queue gets its deadlines worked out again when it is
 * sent (ed-store-sync.c). */
static gboolean
backend_set_due (EdStoreBackend       *backend,
                 gint64                id,
                 gint64                version,
                 const EdNextDue      *next,
                 GArray               *deadlines,
                 const EdCaseProgress *progress,
                 GError              **error)
{
  g_autoptr(PGresult) result = NULL;
  char *due[8] = { NULL };
  INT_TEXT (case_id, id);
  INT_TEXT (case_version, version);
  const char *values[10] = { case_id };
  gboolean ok;

  due_columns_init (due, next, deadlines);
  progress_columns_init (due + 6, progress);
  for (guint i = 0; i < G_N_ELEMENTS (due); i++)
    values[i + 1] = due[i];
  values[9] = case_version;
  ok = run_on_writer_for_case (ED_STORE_PG (backend), case_id,
                               "WITH u AS (UPDATE cases SET next_due_at = $2, "
                               "next_due_end = $3, next_due = $4, next_due_procedure = $5, "
                               "next_due_rule = $6, n_steps = $8::integer, "
                               "step = $9::integer "
                               "WHERE id = $1 AND ($10::bigint = 0 OR version = $10) "
                               "RETURNING id), "
                               DEADLINE_ROWS ("u", "$7")
                               "SELECT (SELECT count (*) FROM u), reference, changed_by "
                               "FROM cases WHERE id = $1", 10, values, &result, error);
  for (guint i = 0; i < G_N_ELEMENTS (due); i++)
    g_free (due[i]);
  if (!ok)
    return FALSE;
  if (PQntuples (result) == 0)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_NOT_FOUND, _("There is no such case"));
      return FALSE;
    }
  if (_ed_pg_int64 (result, 0, 0) == 0)
    {
      g_autofree char *shown = ed_case_reference_format (_ed_pg_text (result, 0, 1));

      g_set_error (error, ED_ERROR, ED_ERROR_CONFLICT,
                   _("The case %s was changed on another desk (by %s) since this desk read "
                     "it; nothing was overwritten"), shown, _ed_pg_text (result, 0, 2));
      return FALSE;
    }

  return TRUE;
}

/* Through the index on case_deadlines.due_at: only the rows due by
 * @due_before are read; no case's data. */
static GPtrArray *
backend_list_due (EdStoreBackend  *backend,
                  gint64           now,
                  gint64           due_before,
                  GCancellable    *cancellable,
                  GError         **error)
{
  EdStorePg *self = ED_STORE_PG (backend);
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  GPtrArray *reminders;
  INT_TEXT (at, now);
  INT_TEXT (before, due_before);
  const char *values[] = { at, before };

  g_mutex_lock (&self->reader.lock);
  if (_ed_pg_link_ready (self, &self->reader, error))
    result = _ed_pg_exec (self->reader.conn,
                          "SELECT " ED_PG_INFO_COLUMNS ", "
                          "  count (*) FILTER (WHERE d.end_at <= $1), "
                          "  count (*) FILTER (WHERE d.end_at > $1) "
                          "FROM case_deadlines d JOIN cases c ON c.id = d.case_id "
                          "WHERE d.due_at <= $2 AND c.status = 'open' AND c.trashed IS NULL "
                          "GROUP BY c.id ORDER BY min (d.due_at), c.id", 2, values, error);
  g_mutex_unlock (&self->reader.lock);
  if (result == NULL)
    return NULL;

  infos = _ed_pg_read_infos (self, result, NULL,
                             g_ptr_array_new_with_free_func (g_object_unref), 0);
  reminders = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_reminder_free);
  for (guint row = 0; row < infos->len; row++)
    {
      EdReminder *reminder = g_new0 (EdReminder, 1);

      reminder->info = g_object_ref (g_ptr_array_index (infos, row));
      reminder->n_overdue = (guint) _ed_pg_int64 (result, (int) row, ED_PG_INFO_N_COLUMNS);
      reminder->n_due_soon = (guint) _ed_pg_int64 (result, (int) row,
                                                   ED_PG_INFO_N_COLUMNS + 1);
      g_ptr_array_add (reminders, reminder);
    }

  return reminders;
}

void
_ed_store_pg_cases_iface (EdStoreBackendInterface *iface)
{
  iface->list_due = backend_list_due;
  iface->set_due = backend_set_due;
  iface->find_case = backend_find_case;
  iface->trash_case = backend_trash_case;
  iface->restore_case = backend_restore_case;
  iface->expunge_case = backend_expunge_case;
  iface->log_sheet = backend_log_sheet;
  iface->list_sheets = backend_list_sheets;
  iface->get_setting = backend_get_setting;
  iface->set_setting = backend_set_setting;
  iface->purge_preview = backend_purge_preview;
  iface->purge = backend_purge;
}

/**
 * ed_store_pg_import_case:
 * @source: where the case comes from: a desk and its store file
 * @record: the case with its sheet log, as its store has it
 * @how: (out): what was done
 *
 * Copies a case from a desk's own store, once: a case @source already
 * brought in is not copied again. It keeps its reference unless another
 * case of the office has it; then it gets a new one, which @record
 * holds after.
 */
gboolean
ed_store_pg_import_case (EdStorePg     *self,
                         const char    *source,
                         EdCaseRecord  *record,
                         EdPgImported  *how,
                         GError       **error)
{
  g_autoptr(PGresult) seen = NULL;
  g_autofree char *original = g_strdup (record->reference);
  g_autoptr(GError) local_error = NULL;
  const char *values[] = { source, original, NULL };
  gboolean ok = FALSE;
  gint64 id = record->id;

  g_return_val_if_fail (ED_IS_STORE_PG (self), FALSE);

  g_mutex_lock (&self->writer.lock);
  if (!_ed_pg_link_ready (self, &self->writer, error))
    goto out;

  seen = _ed_pg_exec (self->writer.conn, "SELECT c.reference FROM imports i "
                                         "JOIN cases c ON c.id = i.case_id "
                                         "WHERE i.source = $1 AND i.reference = $2",
                      2, values, error);
  if (seen == NULL)
    goto out;
  if (PQntuples (seen) > 0)
    {
      g_free (record->reference);
      record->reference = g_strdup (_ed_pg_text (seen, 0, 0));
      *how = ED_PG_IMPORTED_ALREADY;
      ok = TRUE;
      goto out;
    }

  /* The copy, its sheet log and the note that it was copied: together. */
  record->id = 0;
  if (!_ed_pg_command (self->writer.conn, "BEGIN", 0, NULL, error))
    goto out;
  if (insert_row (self->writer.conn, record, FALSE, 0, &local_error))
    *how = ED_PG_IMPORTED_COPIED;
  else if (g_error_matches (local_error, ED_ERROR, ED_ERROR_EXISTS))
    {
      g_clear_error (&local_error);
      if (insert_row (self->writer.conn, record, TRUE, 0, &local_error))
        *how = ED_PG_IMPORTED_RENAMED;
    }
  if (local_error == NULL)
    {
      INT_TEXT (case_id, record->id);

      values[2] = case_id;
      for (guint i = 0; local_error == NULL && i < record->sheets->len; i++)
        _ed_pg_insert_sheet (self->writer.conn, record->id,
                             g_ptr_array_index (record->sheets, i), &local_error);
      if (local_error == NULL)
        _ed_pg_command (self->writer.conn, "INSERT INTO imports (source, reference, case_id) "
                                           "VALUES ($1, $2, $3)", 3, values, &local_error);
    }
  if (local_error == NULL &&
      _ed_pg_command (self->writer.conn, "COMMIT", 0, NULL, &local_error))
    ok = TRUE;
  else
    {
      _ed_pg_rollback (self->writer.conn);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }

out:
  g_mutex_unlock (&self->writer.lock);
  if (!ok)
    record->id = id;
  return ok;
}
