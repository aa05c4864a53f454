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
  if (problem->column != NULL)
    /* Translators: a problem in a CSV file: row number, column name, what is wrong */
    return g_strdup_printf (_("row %u, %s: %s"), problem->row, problem->column, problem->message);

  /* Translators: a problem in a CSV file: row number, what is wrong */
  return g_strdup_printf (_("row %u: %s"), problem->row, problem->message);
}
