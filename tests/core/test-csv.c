/* test-csv.c — RFC 4180 CSV and batch travellers, bad rows reported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ed-core.h"
#include "ed-test-procedure.h"
#include "ed-test-util.h"

static GPtrArray *
parse (const char *text)
{
  return ed_csv_parse (text, strlen (text));
}

static const EdCsvRecord *
record (GPtrArray *records,
        guint      i)
{
  g_assert_cmpuint (i, <, records->len);
  return g_ptr_array_index (records, i);
}

static void
assert_fields (const EdCsvRecord *r,
               guint              row,
               ...)
{
  va_list args;
  guint n = 0;

  g_assert_cmpuint (r->row, ==, row);
  g_assert_null (r->error);
  va_start (args, row);
  for (const char *field = va_arg (args, const char *); field != NULL;
       field = va_arg (args, const char *))
    {
      g_assert_cmpuint (n, <, r->n_fields);
      g_assert_cmpstr (r->fields[n], ==, field);
      n++;
    }
  va_end (args);
  g_assert_cmpuint (n, ==, r->n_fields);
}

static void
test_csv_quoting (void)
{
  g_autoptr(GPtrArray) records =
    parse ("a,b,c\r\n"
           "1,\"x, y\",\"line 1\nline 2\"\r\n"
           "\"he said \"\"hi\"\"\",,\n"
           "王小明,\"東京都港区芝公園4-2-8\",last");

  g_assert_cmpuint (records->len, ==, 4);
  assert_fields (record (records, 0), 1, "a", "b", "c", NULL);
  assert_fields (record (records, 1), 2, "1", "x, y", "line 1\nline 2", NULL);
  assert_fields (record (records, 2), 3, "he said \"hi\"", "", "", NULL);
  /* No line break at the end of the file: the last row is still read. */
  assert_fields (record (records, 3), 4, "王小明", "東京都港区芝公園4-2-8", "last", NULL);
}

static void
test_csv_bom (void)
{
  g_autoptr(GPtrArray) records = parse ("\xef\xbb\xbfsurname,given_names\nWANG,XIAOMING\n");

  g_assert_cmpuint (records->len, ==, 2);
  assert_fields (record (records, 0), 1, "surname", "given_names", NULL);
  assert_fields (record (records, 1), 2, "WANG", "XIAOMING", NULL);
}

/* A broken row is numbered as a spreadsheet would show it, and the rows
 * after it are read again from the next line. */
static void
test_csv_broken_rows (void)
{
  g_autoptr(GPtrArray) records =
    parse ("a,b\n"
           "\"multi\nline\",1\n"      /* row 2, on two lines */
           "1,x\"y\n"                 /* row 3: a quote inside an unquoted field */
           "\"ab\"c,d\n"              /* row 4: text after a closing quote */
           "ok,\xff\xfe\n"            /* row 5: not UTF-8 */
           "2,\"never closed\n"       /* row 6: unclosed quote */
           "3,4\n");                  /* row 7 */

  g_assert_cmpuint (records->len, ==, 7);
  assert_fields (record (records, 1), 2, "multi\nline", "1", NULL);
  g_assert_nonnull (record (records, 2)->error);
  g_assert_cmpuint (record (records, 2)->row, ==, 3);
  g_assert_nonnull (strstr (record (records, 3)->error, "closing quote"));
  g_assert_nonnull (strstr (record (records, 4)->error, "UTF-8"));
  g_assert_nonnull (strstr (record (records, 5)->error, "not closed"));
  g_assert_cmpuint (record (records, 5)->row, ==, 6);
  assert_fields (record (records, 6), 7, "3", "4", NULL);
}

/* A quote left open is closed by the next quote in the file, lines
 * later: the rows in between are still read as rows. */
static void
test_csv_open_quote (void)
{
  g_autoptr(GPtrArray) records = parse ("a,b\n"
                                        "x,\"open\n"
                                        "\"quoted\",1\n"
                                        "5,6\n");

  g_assert_cmpuint (records->len, ==, 4);
  g_assert_nonnull (strstr (record (records, 1)->error, "not closed"));
  assert_fields (record (records, 2), 3, "quoted", "1", NULL);
  assert_fields (record (records, 3), 4, "5", "6", NULL);
}

static GPtrArray *
read_travellers (const char   *text,
                 EdProcedure  *procedure,
                 GPtrArray   **problems,
                 GError      **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return ed_csv_read_travellers (bytes, procedure, problems, error);
}

static const EdCsvProblem *
find_problem (GPtrArray *problems,
              guint      row)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const EdCsvProblem *problem = g_ptr_array_index (problems, i);

      if (problem->row == row)
        return problem;
    }

  return NULL;
}

static void
test_csv_travellers (void)
{
  g_autoptr(EdProcedure) procedure = ed_test_load_procedure ("jp-entry-waiting-mysos");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  const EdCsvTraveller *row;
  const EdCsvProblem *problem;
  g_autofree char *text = NULL;

  rows = read_travellers ("surname,given_names,native_name,birth_date,passport_number,"
                          "answers.waiting-address,remarks\r\n"
                          "WANG,XIAOMING,王小明,1990-05-17,E12345678,\"東京都港区芝公園4-2-8, 101\",\r\n"
                          "LI,WEI,,1990-02-30,E23456789,,\r\n"           /* 3: no such date */
                          "ZHANG,FANG,,1991-01-01,E34567890,,VIP\r\n"     /* 4: unknown column */
                          "CHEN,JING,,1992-02-02,E45678901\r\n"           /* 5: a field short */
                          ",,,,,,\r\n"                                    /* 6: empty, skipped */
                          "sato,kenji,佐藤健二,1985-12-01,Ｅ５６７８９０１２,,\r\n"
                          "KIM,JISOO,,1988-08-08,E1234567890123,,\r\n",   /* 8: too long */
                          procedure, &problems, &error);
  g_assert_no_error (error);

  /* The header names the unknown column once, as row 1. */
  problem = find_problem (problems, 1);
  g_assert_nonnull (problem);
  g_assert_cmpstr (problem->column, ==, "remarks");

  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (row->row, ==, 2);
  g_assert_cmpstr (ed_traveller_get (row->traveller, "native_name"), ==, "王小明");
  g_assert_cmpstr (ed_traveller_get_field_value (row->traveller,
                                                 ed_procedure_find_field (procedure,
                                                                          "waiting-address")),
                   ==, "東京都港区芝公園4-2-8, 101");

  /* Typed as staff type: normalised, not refused. */
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpuint (row->row, ==, 7);
  g_assert_cmpstr (ed_traveller_get (row->traveller, "passport_number"), ==, "E56789012");
  g_assert_cmpstr (ed_traveller_get (row->traveller, "surname"), ==, "SATO");

  problem = find_problem (problems, 3);
  g_assert_cmpstr (problem->column, ==, "birth_date");
  text = ed_csv_problem_to_string (problem);
  g_assert_true (g_str_has_prefix (text, "row 3, birth_date: "));
  g_assert_nonnull (strstr (text, "1990-02-30"));

  g_assert_cmpstr (find_problem (problems, 4)->column, ==, "remarks");
  g_assert_null (find_problem (problems, 5)->column);
  g_assert_nonnull (strstr (find_problem (problems, 5)->message, "5 fields"));
  g_assert_null (find_problem (problems, 6));
  g_assert_null (find_problem (problems, 7));
  g_assert_cmpstr (find_problem (problems, 8)->column, ==, "passport_number");
}

static void
test_csv_header_errors (void)
{
  g_autoptr(EdProcedure) procedure = ed_test_load_procedure ("jp-my-her-sys");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  const EdCsvTraveller *row;

  rows = read_travellers ("surname,surname\nA,B\n", procedure, &problems, &error);
  g_assert_null (rows);
  g_assert_error (error, ED_ERROR, ED_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "row 1"));
  g_clear_error (&error);

  rows = read_travellers ("", procedure, &problems, &error);
  g_assert_null (rows);
  g_assert_error (error, ED_ERROR, ED_ERROR_PARSE);
  g_clear_error (&error);

  /* A password is never printed: its column is ignored, the row is not
   * refused. An unknown field id is refused where it has a value. */
  rows = read_travellers ("surname,answers.password,answers.no-such-field\n"
                          "WANG,secret,\n"
                          "LI,,something\n", procedure, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_null (ed_traveller_get_answer (row->traveller, "password"));
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_cmpstr (find_problem (problems, 3)->column, ==, "answers.no-such-field");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/quoting", test_csv_quoting);
  g_test_add_func ("/csv/bom", test_csv_bom);
  g_test_add_func ("/csv/broken-rows", test_csv_broken_rows);
  g_test_add_func ("/csv/open-quote", test_csv_open_quote);
  g_test_add_func ("/csv/travellers", test_csv_travellers);
  g_test_add_func ("/csv/header-errors", test_csv_header_errors);

  return g_test_run ();
}
