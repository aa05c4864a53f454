/* ed-csv.c — an RFC 4180 reader that reports bad rows and goes on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-csv.h"

typedef enum
{
  FIELD_START,
  UNQUOTED,
  QUOTED,
  QUOTE_IN_QUOTED,
} State;

void
ed_csv_record_free (EdCsvRecord *record)
{
  if (record == NULL)
    return;

  g_strfreev (record->fields);
  g_free (record->error);
  g_free (record);
}

/* After a broken field, the rest of the physical line belongs to the
 * broken row: the next row starts on the next line. */
static gsize
skip_line (const char *data,
           gsize       length,
           gsize       pos)
{
  while (pos < length && data[pos] != '\n' && data[pos] != '\r')
    pos++;
  if (pos < length && data[pos] == '\r')
    pos++;
  if (pos < length && data[pos] == '\n')
    pos++;

  return pos;
}

static gsize
end_of_line (const char *data,
             gsize       length,
             gsize       pos)
{
  if (data[pos] == '\r' && pos + 1 < length && data[pos + 1] == '\n')
    return pos + 2;
  return pos + 1;
}

static EdCsvRecord *
read_record (const char *data,
             gsize       length,
             gsize      *pos,
             guint       row)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  EdCsvRecord *record = g_new0 (EdCsvRecord, 1);
  State state = FIELD_START;
  gsize start = *pos;
  gsize p = *pos;
  gboolean multiline = FALSE;
  gboolean nul = FALSE;

  record->row = row;

  for (;;)
    {
      char c;

      if (p >= length)
        {
          if (state == QUOTED)
            {
              record->error = g_strdup (_("a quoted field is not closed (a “\"” is missing)"));
              p = skip_line (data, length, start);
            }
          break;
        }

      c = data[p];

      /* A NUL byte would end the field's text there, silently: the row
       * is refused instead, once it is read to its end. */
      if (c == '\0')
        {
          nul = TRUE;
          p++;
          continue;
        }

      if (state == QUOTED)
        {
          if (c == '"')
            state = QUOTE_IN_QUOTED;
          else
            g_string_append_c (field, c);
          multiline |= c == '\n' || c == '\r';
          p++;
          continue;
        }

      if (c == ',')
        {
          g_ptr_array_add (fields, g_strndup (field->str, field->len));
          g_string_truncate (field, 0);
          state = FIELD_START;
          p++;
          continue;
        }

      if (c == '\r' || c == '\n')
        {
          p = end_of_line (data, length, p);
          break;
        }

      if (state == FIELD_START && c == '"')
        {
          state = QUOTED;
          p++;
          continue;
        }

      if (state == QUOTE_IN_QUOTED)
        {
          if (c == '"')
            {
              g_string_append_c (field, '"');
              state = QUOTED;
              p++;
              continue;
            }

          /* A quote left open on an earlier line closes at the first
           * quote of a later one: blame the quote left open, and read the
           * lines after it again as rows. */
          if (multiline)
            {
              record->error = g_strdup (_("a quoted field is not closed (a “\"” is missing)"));
              p = skip_line (data, length, start);
            }
          else
            {
              record->error = g_strdup (_("there is text after the closing quote of a field"));
              p = skip_line (data, length, p);
            }
          break;
        }

      if (c == '"')
        {
          record->error = g_strdup (_("a field that does not start with a quote contains one "
                                      "(quote the whole field and double the quote)"));
          p = skip_line (data, length, multiline ? start : p);
          break;
        }

      g_string_append_c (field, c);
      state = UNQUOTED;
      p++;
    }

  g_ptr_array_add (fields, g_strndup (field->str, field->len));

  if (record->error == NULL && nul)
    record->error = g_strdup (_("the row holds a NUL character (a zero byte), which no text "
                                "has: check that this is the right file, saved as CSV UTF-8"));

  for (guint i = 0; record->error == NULL && i < fields->len; i++)
    if (!g_utf8_validate (g_ptr_array_index (fields, i), -1, NULL))
      record->error = g_strdup (_("the row is not UTF-8 text (save the file as CSV UTF-8)"));

  record->n_fields = fields->len;
  g_ptr_array_add (fields, NULL);
  record->fields = (char **) g_ptr_array_free (g_steal_pointer (&fields), FALSE);

  *pos = p;
  return record;
}

/**
 * ed_csv_parse:
 * @data: the file's contents
 *
 * Splits CSV text into records. A byte order mark is skipped. Broken
 * rows are returned too, with their error set, so that the caller can
 * report them by row number.
 *
 * Returns: (transfer full) (element-type EdCsvRecord): the records
 */
GPtrArray *
ed_csv_parse (const char *data,
              gsize       length)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_csv_record_free);
  gsize pos = 0;
  guint row = 1;

  g_return_val_if_fail (data != NULL || length == 0, records);

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    pos = 3;

  while (pos < length)
    g_ptr_array_add (records, read_record (data, length, &pos, row++));

  return records;
}

EdCsvProblem *
ed_csv_problem_new (guint       row,
                    const char *column,
                    const char *message)
{
  EdCsvProblem *problem = g_new0 (EdCsvProblem, 1);

  problem->row = row;
  problem->column = g_strdup (column);
  problem->message = g_strdup (message);

  return problem;
}

/**
 * ed_csv_warning_new:
 *
 * A problem that does not stop the row: a value corrected, a column left
 * out, a required value left empty.
 */
EdCsvProblem *
ed_csv_warning_new (guint       row,
                    const char *column,
                    const char *message)
{
  EdCsvProblem *problem = ed_csv_problem_new (row, column, message);

  problem->warning = TRUE;

  return problem;
}

/**
 * ed_csv_problems_count_errors:
 * @problems: (element-type EdCsvProblem)
 *
 * Returns: how many of @problems are not warnings
 */
guint
ed_csv_problems_count_errors (GPtrArray *problems)
{
  guint errors = 0;

  for (guint i = 0; i < problems->len; i++)
    if (!((const EdCsvProblem *) g_ptr_array_index (problems, i))->warning)
      errors++;

  return errors;
}

void
ed_csv_problem_free (EdCsvProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->column);
  g_free (problem->message);
  g_free (problem);
}

/**
 * ed_csv_problem_to_string:
 *
 * Returns: (transfer full): "row 4, birth_date: …" in the UI language
 */
char *
ed_csv_problem_to_string (const EdCsvProblem *problem)
{
  if (problem->warning && problem->column != NULL)
    /* Translators: a warning about a CSV file: row number, column name, what was done */
    return g_strdup_printf (_("row %u, %s: warning: %s"), problem->row, problem->column,
                            problem->message);
  if (problem->warning)
    /* Translators: a warning about a CSV file: row number, what was done */
    return g_strdup_printf (_("row %u: warning: %s"), problem->row, problem->message);

  if (problem->column != NULL)
    /* Translators: a problem in a CSV file: row number, column name, what is wrong */
    return g_strdup_printf (_("row %u, %s: %s"), problem->row, problem->column, problem->message);

  /* Translators: a problem in a CSV file: row number, what is wrong */
  return g_strdup_printf (_("row %u: %s"), problem->row, problem->message);
}

/* 99990 → "99,990", as English, Japanese and Chinese all group digits. */
static char *
format_count (guint count)
{
  g_autofree char *digits = g_strdup_printf ("%u", count);
  GString *out = g_string_new (NULL);
  gsize length = strlen (digits);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

/**
 * ed_csv_problems_to_strings:
 * @problems: (element-type EdCsvProblem): in order
 * @max_alike: how many problems that say the same are shown
 *
 * A header of 100,000 unknown columns is one mistake, not 100,000
 * lines to read: of the problems that say the same (the same message,
 * in any row or column), the first @max_alike are shown, then one line
 * "… and 99,990 more like this" where the next would have been.
 *
 * Returns: (transfer full) (element-type utf8): the lines, as
 *   ed_csv_problem_to_string() says them
 */
GPtrArray *
ed_csv_problems_to_strings (GPtrArray *problems,
                            guint      max_alike)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) totals = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (problems != NULL, lines);

  for (guint i = 0; i < problems->len; i++)
    {
      const EdCsvProblem *problem = g_ptr_array_index (problems, i);
      guint total = GPOINTER_TO_UINT (g_hash_table_lookup (totals, problem->message));

      g_hash_table_insert (totals, problem->message, GUINT_TO_POINTER (total + 1));
    }

  for (guint i = 0; i < problems->len; i++)
    {
      const EdCsvProblem *problem = g_ptr_array_index (problems, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (shown, problem->message));
      guint total = GPOINTER_TO_UINT (g_hash_table_lookup (totals, problem->message));

      g_hash_table_insert (shown, problem->message, GUINT_TO_POINTER (n + 1));
      if (n < max_alike)
        g_ptr_array_add (lines, ed_csv_problem_to_string (problem));
      else if (n == max_alike)
        {
          g_autofree char *more = format_count (total - max_alike);

          /* Translators: after the first problems that say the same;
           * %s is a number such as 99,990 */
          g_ptr_array_add (lines, g_strdup_printf (_("… and %s more like this"), more));
        }
    }

  return lines;
}
