/* ed-csv.h — comma-separated values (RFC 4180)
 *
 * UTF-8, with or without a byte order mark; fields may be quoted, and
 * quoted fields may hold commas, line breaks and doubled quotes; lines
 * end in CRLF or LF.
 *
 * Rows are numbered as a spreadsheet numbers them: the header is row 1,
 * the first data row 2, and a quoted line break does not start a new
 * row. A bad row is reported with its number, the column and the
 * reason (EdCsvProblem).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>


G_BEGIN_DECLS

/* How many problems that say the same a report shows before
 * "… and 99,990 more like this". */
#define ED_CSV_MAX_ALIKE 10

/**
 * EdCsvRecord:
 * @row: the spreadsheet row number (header = 1)
 * @fields: (array length=n_fields): the fields, unquoted
 * @n_fields: how many fields the row has
 * @error: (nullable): why the row cannot be read (unclosed quote, text
 *   after a closing quote, not UTF-8); @fields are then unreliable
 */
typedef struct
{
  guint    row;
  char   **fields;
  guint    n_fields;
  char    *error;
} EdCsvRecord;

/**
 * EdCsvProblem:
 * @row: the spreadsheet row number (header = 1)
 * @column: (nullable): the column name, or %NULL for the whole row
 * @message: what is wrong, in the UI language
 * @warning: the row is still read: something was corrected or left out
 *   and the reader says so (ed_csv_warning_new())
 */
typedef struct
{
  guint     row;
  char     *column;
  char     *message;
  gboolean  warning;
} EdCsvProblem;

GPtrArray    *ed_csv_parse               (const char     *data,
                                          gsize           length);
void          ed_csv_record_free         (EdCsvRecord    *record);

EdCsvProblem *ed_csv_problem_new         (guint           row,
                                          const char     *column,
                                          const char     *message);
EdCsvProblem *ed_csv_warning_new         (guint           row,
                                          const char     *column,
                                          const char     *message);
void          ed_csv_problem_free        (EdCsvProblem   *problem);
guint         ed_csv_problems_count_errors (GPtrArray    *problems);
char         *ed_csv_problem_to_string   (const EdCsvProblem *problem);
GPtrArray    *ed_csv_problems_to_strings (GPtrArray      *problems,
                                          guint           max_alike);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdCsvRecord, ed_csv_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdCsvProblem, ed_csv_problem_free)

G_END_DECLS
