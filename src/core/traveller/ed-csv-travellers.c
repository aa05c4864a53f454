/* ed-csv-travellers.c — a batch of travellers from a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-csv-travellers.h"
#include "ed-condition.h"
#include "ed-date.h"
#include "ed-error.h"
#include "ed-normalize.h"
#include "ed-problem.h"
#include "ed-validate.h"

typedef enum
{
  COLUMN_KEY,       /* a traveller key */
  COLUMN_REFERENCE, /* case_reference */
  COLUMN_ANSWER,    /* answers.<field-id> */
  COLUMN_IGNORED,   /* reported once in the header, values dropped */
  COLUMN_UNKNOWN,   /* a value in it makes the row bad */
} ColumnKind;

typedef struct
{
  ColumnKind     kind;
  char          *name;
  const char    *key;       /* COLUMN_KEY: the traveller key */
  const EdField *field;     /* COLUMN_ANSWER: nullable without a procedure */
  char          *field_id;  /* COLUMN_ANSWER */
  gboolean       is_date;
  gboolean       is_passport;
} Column;

/* What the answers are for: one procedure, or the procedures of a
 * journey; none to read the file as it is. */
typedef struct
{
  GPtrArray   *procedures;  /* EdProcedure */
  EdJourney   *journey;     /* nullable */
  EdCatalog   *catalog;     /* nullable: the others */
} Against;

static const char *
against_name (const Against *against)
{
  return against->journey != NULL
         ? ed_journey_get_id (against->journey)
         : ed_procedure_get_id (g_ptr_array_index (against->procedures, 0));
}

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_free (column->name);
  g_free (column->field_id);
}

void
ed_csv_traveller_free (EdCsvTraveller *row)
{
  if (row == NULL)
    return;

  g_clear_object (&row->traveller);
  g_free (row->case_reference);
  g_free (row);
}

static void
add_problem (GPtrArray  *problems,
             guint       row,
             const char *column,
             const char *message)
{
  g_ptr_array_add (problems, ed_csv_problem_new (row, column, message));
}

static void
add_warning (GPtrArray  *problems,
             guint       row,
             const char *column,
             const char *message)
{
  g_ptr_array_add (problems, ed_csv_warning_new (row, column, message));
}

/* Another procedure of the catalog that has a field @id: a spreadsheet
 * made for it, used for this one. */
static EdProcedure *
other_procedure_with_field (const Against *against,
                            const char    *id)
{
  GListModel *procedures;

  if (against->catalog == NULL)
    return NULL;

  procedures = ed_catalog_get_procedures (against->catalog);
  for (guint i = 0; i < g_list_model_get_n_items (procedures); i++)
    {
      g_autoptr(EdProcedure) other = g_list_model_get_item (procedures, i);

      if (!g_ptr_array_find (against->procedures, other, NULL) &&
          ed_procedure_find_field (other, id) != NULL)
        return other;
    }

  return NULL;
}

/* The field @id of the first procedure that has one. */
static const EdField *
find_field (const Against *against,
            const char    *id)
{
  for (guint i = 0; i < against->procedures->len; i++)
    {
      const EdField *field = ed_procedure_find_field (g_ptr_array_index (against->procedures, i),
                                                      id);

      if (field != NULL)
        return field;
    }

  return NULL;
}

/* The key as ed_traveller_keys() holds it, which lives as long as the
 * program. */
static const char *
static_key (const char *name)
{
  const char * const *keys = ed_traveller_keys ();

  for (guint k = 0; keys[k] != NULL; k++)
    if (strcmp (keys[k], name) == 0)
      return keys[k];

  return NULL;
}

static GArray *
read_header (const EdCsvRecord  *header,
             const Against      *against,
             GPtrArray          *problems,
             GError            **error)
{
  g_autoptr(GArray) columns = g_array_sized_new (FALSE, TRUE, sizeof (Column), header->n_fields);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_array_set_clear_func (columns, column_clear);

  for (guint i = 0; i < header->n_fields; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (header->fields[i]));
      Column column = { 0 };

      if (*name == '\0')
        {
          g_free (name);
          /* Translators: the name of a CSV column that has no header, %u counts from 1 */
          name = g_strdup_printf (_("column %u"), i + 1);
          column.kind = COLUMN_UNKNOWN;
        }
      else if (g_hash_table_contains (seen, name))
        {
          g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                       _("row 1, %s: the column appears twice"), name);
          return NULL;
        }
      else if (strcmp (name, ED_CSV_CASE_REFERENCE) == 0)
        column.kind = COLUMN_REFERENCE;
      else if (ed_traveller_is_key (name))
        {
          column.kind = COLUMN_KEY;
          column.key = static_key (name);
          column.is_date = ed_traveller_key_is_date (name);
          column.is_passport = strcmp (name, "passport_number") == 0;
        }
      else if (g_str_has_prefix (name, ED_CSV_ANSWER_PREFIX))
        {
          const char *id = name + strlen (ED_CSV_ANSWER_PREFIX);

          column.kind = COLUMN_ANSWER;
          column.field_id = g_strdup (id);
          if (against->procedures->len > 0)
            {
              EdProcedure *other = NULL;

              column.field = find_field (against, id);
              if (column.field == NULL &&
                  (other = other_procedure_with_field (against, id)) != NULL)
                {
                  g_autofree char *message =
                    /* Translators: the column holds answers to the fields of the first
                     * procedure (an id), not of the second one (a procedure's or a
                     * journey's id), which is printed */
                    g_strdup_printf (_("the column holds answers for “%s”, not for “%s”: "
                                       "it is ignored"),
                                     ed_procedure_get_id (other), against_name (against));

                  add_warning (problems, header->row, name, message);
                  column.kind = COLUMN_IGNORED;
                }
              else if (column.field == NULL)
                {
                  g_autofree char *message =
                    against->journey != NULL
                    /* Translators: the first %s is a journey's id, the second a field's */
                    ? g_strdup_printf (_("no procedure of the journey “%s” has a field “%s”"),
                                       against_name (against), id)
                    : g_strdup_printf (_("the procedure “%s” has no field “%s”"),
                                       against_name (against), id);

                  add_problem (problems, header->row, name, message);
                  column.kind = COLUMN_UNKNOWN;
                }
              else if (column.field->is_private)
                {
                  /* Nothing of it is wanted: the other columns print as they are. */
                  add_warning (problems, header->row, name,
                               _("this field is private: it is never saved or printed, "
                                 "so the column is ignored"));
                  column.kind = COLUMN_IGNORED;
                }
              else
                column.is_date = column.field->kind == ED_FIELD_DATE;
            }
        }
      else
        {
          add_problem (problems, header->row, name,
                       _("unknown column: use a traveller key such as “surname” or "
                         "“passport_number”, or “answers.” and a field id"));
          column.kind = COLUMN_UNKNOWN;
        }

      g_hash_table_add (seen, g_strdup (name));
      column.name = g_steal_pointer (&name);
      g_array_append_val (columns, column);
    }

  return g_steal_pointer (&columns);
}

static gboolean
record_is_empty (const EdCsvRecord *record)
{
  for (guint i = 0; i < record->n_fields; i++)
    {
      const char *p = record->fields[i];

      while (g_ascii_isspace (*p))
        p++;
      if (*p != '\0')
        return FALSE;
    }

  return TRUE;
}

/* The column a validation problem belongs to, as the file names it. */
static char *
problem_column (EdProcedure *procedure,
                const char  *field)
{
  const EdField *found;

  if (field == NULL || ed_traveller_is_key (field))
    return g_strdup (field);

  found = ed_procedure_find_field (procedure, field);
  if (found != NULL && found->traveller_key != NULL)
    return g_strdup (found->traveller_key);

  return g_strconcat (ED_CSV_ANSWER_PREFIX, field, NULL);
}

/* What stops the row's sheet (ed_validate_traveller_for_print()) is an
 * error; a required value left empty is printed as missing, and said.
 * @said holds what was said of the row already: a journey's procedures
 * often ask for the same value. */
static guint
check_traveller (EdTraveller *traveller,
                 EdProcedure *procedure,
                 guint        row,
                 GPtrArray   *problems,
                 GHashTable  *said)
{
  g_autoptr(GPtrArray) found = NULL;
  guint n_missing = 0;

  ed_traveller_normalize (traveller, procedure);
  found = ed_validate_traveller (traveller, procedure, NULL);

  for (guint i = 0; i < found->len; i++)
    {
      const EdProblem *problem = g_ptr_array_index (found, i);
      g_autofree char *column = NULL;
      gboolean required;

      if (problem->severity != ED_SEVERITY_ERROR)
        continue;

      column = problem_column (procedure, problem->field);
      required = g_strcmp0 (problem->code, "required") == 0;
      if (!g_hash_table_add (said, g_strconcat (column != NULL ? column : "",
                                                "\n", required ? "" : problem->message, NULL)))
        continue;

      if (required)
        {
          add_warning (problems, row, column,
                       _("required, but empty: the sheet marks it as missing"));
          n_missing++;
        }
      else
        add_problem (problems, row, column, problem->message);
    }

  return n_missing;
}

/* The procedures of a journey that apply, or may apply, to @traveller:
 * those its sheet prints. */
static gboolean
applies (EdProcedure *procedure,
         EdTraveller *traveller)
{
  g_autoptr(EdApplicability) applicability = NULL;
  EdFacts facts;
  GDate today;

  ed_date_today (&today);
  ed_traveller_get_facts (traveller, &facts, &today);
  applicability = ed_procedure_check_applies (procedure, &facts);
  return applicability->applies != ED_APPLIES_NO;
}

static EdTraveller *
read_traveller (const EdCsvRecord  *record,
                GArray             *columns,
                const Against      *against,
                GPtrArray          *problems,
                char              **reference,
                guint              *n_missing)
{
  g_autoptr(EdTraveller) traveller = ed_traveller_new ();
  guint n_errors = ed_csv_problems_count_errors (problems);

  if (record->n_fields != columns->len)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "the row has %u field but the header has %u",
                                      "the row has %u fields but the header has %u",
                                      record->n_fields),
                         record->n_fields, columns->len);

      add_problem (problems, record->row, NULL, message);
      return NULL;
    }

  for (guint i = 0; i < columns->len; i++)
    {
      const Column *column = &g_array_index (columns, Column, i);
      g_autofree char *value = g_strstrip (g_strdup (record->fields[i]));
      g_autoptr(EdProblem) too_long = NULL;
      GDate date;

      if (*value == '\0' || column->kind == COLUMN_IGNORED)
        continue;

      if (column->kind == COLUMN_UNKNOWN)
        {
          add_problem (problems, record->row, column->name,
                       _("a value in a column that is not a traveller key or an answer"));
          continue;
        }

      /* Before anything reads it further or quotes it in a message. */
      too_long = ed_validate_length (column->kind == COLUMN_KEY
                                     ? ed_validate_default_field (column->key)
                                     : column->field,
                                     column->name, value);
      if (too_long != NULL)
        {
          add_problem (problems, record->row, column->name, too_long->message);
          continue;
        }

      /* Read as a traveller file is: １９９０-０５-１７, 1990/5/17. */
      if (column->is_date)
        {
          g_autofree char *normal = ed_normalize_date (value);

          if (ed_date_parse (normal, &date))
            {
              g_free (value);
              value = g_steal_pointer (&normal);
            }
        }

      if (column->is_date && !ed_date_parse (value, &date))
        {
          g_autofree char *message =
            /* Translators: %s is the value found in the file */
            g_strdup_printf (_("“%s” is not a date: write it as YYYY-MM-DD"), value);

          add_problem (problems, record->row, column->name, message);
          continue;
        }

      if (column->is_passport)
        {
          g_autofree char *normal = ed_normalize_passport_number (value);

          if (strcmp (normal, value) != 0)
            {
              g_autofree char *message =
                /* Translators: a passport number as the file has it, then as it is
                 * printed (hyphens and spaces left out, half-width upper case) */
                g_strdup_printf (_("“%s” is printed as “%s”: check it against the passport"),
                                 value, normal);

              add_warning (problems, record->row, column->name, message);
              g_free (value);
              value = g_steal_pointer (&normal);
            }
        }

      if (column->kind == COLUMN_REFERENCE)
        {
          g_free (*reference);
          *reference = g_steal_pointer (&value);
        }
      else if (column->kind == COLUMN_KEY)
        ed_traveller_set (traveller, column->key, value);
      else if (column->field != NULL)
        ed_traveller_set_field_value (traveller, column->field, value);
      else
        ed_traveller_set_answer (traveller, column->field_id, value);
    }

  if (ed_csv_problems_count_errors (problems) == n_errors)
    {
      g_autoptr(GHashTable) said = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; i < against->procedures->len; i++)
        {
          EdProcedure *procedure = g_ptr_array_index (against->procedures, i);

          if (against->journey == NULL || applies (procedure, traveller))
            *n_missing += check_traveller (traveller, procedure, record->row, problems, said);
        }
    }

  if (ed_csv_problems_count_errors (problems) > n_errors)
    return NULL;

  return g_steal_pointer (&traveller);
}

/* One traveller a row, read @against what the answers are for. */
static GPtrArray *
read_travellers (GBytes         *bytes,
                 const Against  *against,
                 GPtrArray     **problems,
                 GError        **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) found =
    g_ptr_array_new_with_free_func ((GDestroyNotify) ed_csv_problem_free);
  g_autoptr(GPtrArray) travellers = NULL;
  g_autoptr(GArray) columns = NULL;
  const EdCsvRecord *header;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  records = ed_csv_parse (data, length);
  if (records->len == 0)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_PARSE, _("The file is empty: it needs a header row"));
      return NULL;
    }

  header = g_ptr_array_index (records, 0);
  if (header->error != NULL)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_PARSE, _("row 1: %s"), header->error);
      return NULL;
    }

  columns = read_header (header, against, found, error);
  if (columns == NULL)
    return NULL;

  travellers = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_csv_traveller_free);
  for (guint i = 1; i < records->len; i++)
    {
      const EdCsvRecord *record = g_ptr_array_index (records, i);
      g_autofree char *reference = NULL;
      guint n_missing = 0;
      EdTraveller *traveller;
      EdCsvTraveller *row;

      if (record->error != NULL)
        {
          add_problem (found, record->row, NULL, record->error);
          continue;
        }
      if (record_is_empty (record))
        continue;

      traveller = read_traveller (record, columns, against, found, &reference, &n_missing);
      if (traveller == NULL)
        continue;

      row = g_new0 (EdCsvTraveller, 1);
      row->row = record->row;
      row->traveller = traveller;
      row->case_reference = g_steal_pointer (&reference);
      row->n_missing = n_missing;
      g_ptr_array_add (travellers, row);
    }

  *problems = g_steal_pointer (&found);
  return g_steal_pointer (&travellers);
}

/**
 * ed_csv_read_travellers:
 * @procedure: (nullable): the procedure the answers are for; with it,
 *   answers.<field-id> columns are checked against its fields, and each
 *   row against what it requires
 * @catalog: (nullable): the other procedures: with @procedure, a column
 *   of answers to another procedure's field is ignored with a warning
 *   instead of making every row bad
 * @problems: (out) (element-type EdCsvProblem): the bad rows and the
 *   warnings (EdCsvProblem.warning), in order
 *
 * Reads one traveller a row. Rows with an error are left out and
 * reported; rows with only warnings are read; rows with nothing in them
 * are skipped silently.
 *
 * Returns: (transfer full) (element-type EdCsvTraveller): the good rows,
 *   or %NULL with @error set when the file has no usable header row
 */
GPtrArray *
ed_csv_read_travellers (GBytes       *bytes,
                        EdProcedure  *procedure,
                        EdCatalog    *catalog,
                        GPtrArray   **problems,
                        GError      **error)
{
  g_autoptr(GPtrArray) procedures = g_ptr_array_new ();
  Against against = { procedures, NULL, catalog };

  g_return_val_if_fail (problems != NULL, NULL);

  if (procedure != NULL)
    g_ptr_array_add (procedures, procedure);
  return read_travellers (bytes, &against, problems, error);
}

/**
 * ed_csv_read_travellers_for_journey:
 * @catalog: the procedures of @journey, and the others
 *
 * Like ed_csv_read_travellers(), for a journey: answers.<field-id>
 * columns are checked against the fields of its procedures, and each row
 * against what the procedures that apply to it require.
 */
GPtrArray *
ed_csv_read_travellers_for_journey (GBytes      *bytes,
                                    EdJourney   *journey,
                                    EdCatalog   *catalog,
                                    GPtrArray  **problems,
                                    GError     **error)
{
  g_autoptr(GPtrArray) procedures = g_ptr_array_new ();
  GPtrArray *items = ed_journey_get_items (journey);
  Against against = { procedures, journey, catalog };

  g_return_val_if_fail (problems != NULL, NULL);

  for (guint i = 0; i < items->len; i++)
    {
      const EdJourneyItem *item = g_ptr_array_index (items, i);
      EdProcedure *procedure = ed_catalog_lookup (catalog, item->id);

      if (procedure != NULL)
        g_ptr_array_add (procedures, procedure);
    }
  if (procedures->len == 0)
    against.journey = NULL;

  return read_travellers (bytes, &against, problems, error);
}

static GBytes *
load_bytes (const char  *path,
            GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &local_error);

  if (bytes == NULL)
    g_set_error (error, ED_ERROR, ED_ERROR_IO, _("Cannot read “%s”: %s"),
                 path, local_error->message);
  return bytes;
}

/**
 * ed_csv_load_travellers_for_journey:
 *
 * Like ed_csv_read_travellers_for_journey(), from a file.
 */
GPtrArray *
ed_csv_load_travellers_for_journey (const char  *path,
                                    EdJourney   *journey,
                                    EdCatalog   *catalog,
                                    GPtrArray  **problems,
                                    GError     **error)
{
  g_autoptr(GBytes) bytes = load_bytes (path, error);

  if (bytes == NULL)
    return NULL;
  return ed_csv_read_travellers_for_journey (bytes, journey, catalog, problems, error);
}

/**
 * ed_csv_load_travellers:
 *
 * Like ed_csv_read_travellers(), from a file.
 */
GPtrArray *
ed_csv_load_travellers (const char   *path,
                        EdProcedure  *procedure,
                        EdCatalog    *catalog,
                        GPtrArray   **problems,
                        GError      **error)
{
  g_autoptr(GBytes) bytes = load_bytes (path, error);

  if (bytes == NULL)
    return NULL;
  return ed_csv_read_travellers (bytes, procedure, catalog, problems, error);
}
