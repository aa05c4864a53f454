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

  return ed_csv_read_travellers (bytes, procedure, NULL, problems, error);
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
  /* Row 7 is read: its full-width passport number said, not refused. */
  problem = find_problem (problems, 7);
  g_assert_nonnull (problem);
  g_assert_true (problem->warning);
  g_assert_cmpstr (problem->column, ==, "passport_number");
  g_assert_nonnull (strstr (problem->message, "“E56789012”"));
  for (guint i = 0; i < problems->len; i++)
    {
      const EdCsvProblem *each = g_ptr_array_index (problems, i);

      g_assert_true (each->row != 7 || each->warning);
    }
  g_assert_cmpstr (find_problem (problems, 8)->column, ==, "passport_number");
  g_assert_false (find_problem (problems, 8)->warning);
}

/* One bad row in a batch: a cell of 100,000 characters (a column pasted
 * into it) is refused at once, by its column, without being quoted back;
 * the rows around it are read. */
static void
test_csv_long_values (void)
{
  g_autoptr(EdProcedure) procedure = ed_test_load_procedure ("jp-my-her-sys");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *huge = g_strnfill (100000, 'A');
  g_autofree char *address = g_strnfill (301, 'x');
  g_autofree char *csv = NULL;
  gint64 start = g_get_monotonic_time ();

  csv = g_strdup_printf ("surname,given_names,birth_date,address_local\r\n"
                         "WANG,XIAOMING,1990-05-17,\r\n"
                         "%s,WEI,1990-02-01,\r\n"              /* 3: a name too long */
                         "ZHANG,FANG,%s,\r\n"                   /* 4: a date too long */
                         "CHEN,JING,1992-02-02,%s\r\n"          /* 5: an address */
                         "SATO,KENJI,1985-12-01,\r\n",
                         huge, huge, address);
  rows = read_travellers (csv, procedure, &problems, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (rows->len, ==, 2);
  /* The rows read say only that required values are empty. */
  g_assert_cmpuint (ed_csv_problems_count_errors (problems), ==, 3);
  for (guint i = 0; i < problems->len; i++)
    {
      const EdCsvProblem *problem = g_ptr_array_index (problems, i);

      g_assert_true ((problem->row >= 3 && problem->row <= 5) == !problem->warning);
    }
  for (guint row = 3; row <= 5; row++)
    {
      const EdCsvProblem *problem = find_problem (problems, row);
      g_autofree char *text = ed_csv_problem_to_string (problem);
      const char *expected[] = {
        "row 3, surname: This has 100000 characters; it can have at most 100.",
        "row 4, birth_date: This has 100000 characters; it can have at most 32.",
        "row 5, address_local: This has 301 characters; it can have at most 300.",
      };

      g_assert_cmpstr (text, ==, expected[row - 3]);
    }

  /* Wall time, on a busy machine too: a sheet of it took minutes. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
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

  /* A password is never printed: its column is ignored with a warning,
   * the row is not refused. An unknown field id is refused where it has
   * a value. */
  rows = read_travellers ("surname,answers.password,answers.no-such-field\n"
                          "WANG,secret,\n"
                          "LI,,something\n", procedure, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_null (ed_traveller_get_answer (row->traveller, "password"));
  /* Besides, the row read leaves the e-mail and the input id, which the
   * procedure requires, empty: warned of. */
  g_assert_cmpuint (problems->len, ==, 5);
  g_assert_cmpuint (ed_csv_problems_count_errors (problems), ==, 2);
  g_assert_cmpuint (row->n_missing, ==, 2);
  for (guint i = 0; i < problems->len; i++)
    {
      const EdCsvProblem *problem = g_ptr_array_index (problems, i);

      g_assert_true (problem->warning == (problem->row == 2 ||
                                          g_strcmp0 (problem->column, "answers.password") == 0));
    }
  g_assert_cmpstr (find_problem (problems, 1)->column, ==, "answers.password");
  g_assert_cmpstr (find_problem (problems, 3)->column, ==, "answers.no-such-field");
}

/* A NUL byte ended the field there, silently: "WA<NUL>NG" was read as
 * "WA". The row is refused, and the rows after it are still read. */
static void
test_csv_nul_byte (void)
{
  static const char text[] = "surname,given_names\nWA\0NG,LI\n\"ZH\0AO\",WEI\nSUN,YI\n";
  g_autoptr(GPtrArray) records = ed_csv_parse (text, sizeof text - 1);

  g_assert_cmpuint (records->len, ==, 4);
  g_assert_cmpuint (record (records, 1)->row, ==, 2);
  g_assert_nonnull (strstr (record (records, 1)->error, "NUL character"));
  g_assert_nonnull (strstr (record (records, 2)->error, "NUL character"));
  assert_fields (record (records, 3), 4, "SUN", "YI", NULL);
}

static GPtrArray *
problems_alike (guint n)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_csv_problem_free);

  g_ptr_array_add (problems, ed_csv_problem_new (1, "a", "other"));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *column = g_strdup_printf ("x%u", i);

      g_ptr_array_add (problems, ed_csv_problem_new (1, column, "unknown column"));
    }
  g_ptr_array_add (problems, ed_csv_problem_new (2, NULL, "too few fields"));

  return problems;
}

/* 100,000 unknown columns are one mistake, said in a dozen lines. */
static void
test_csv_problems_capped (void)
{
  g_autoptr(GPtrArray) many = problems_alike (100000);
  g_autoptr(GPtrArray) few = problems_alike (10);
  g_autoptr(GPtrArray) lines = ed_csv_problems_to_strings (many, ED_CSV_MAX_ALIKE);
  g_autoptr(GPtrArray) all = ed_csv_problems_to_strings (few, ED_CSV_MAX_ALIKE);

  g_assert_cmpuint (lines->len, ==, 13);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "row 1, a: other");
  g_assert_cmpstr (g_ptr_array_index (lines, 1), ==, "row 1, x0: unknown column");
  g_assert_cmpstr (g_ptr_array_index (lines, 10), ==, "row 1, x9: unknown column");
  g_assert_cmpstr (g_ptr_array_index (lines, 11), ==, "… and 99,990 more like this");
  g_assert_cmpstr (g_ptr_array_index (lines, 12), ==, "row 2: too few fields");

  /* As many as shown: no line to say there are more. */
  g_assert_cmpuint (all->len, ==, 12);
  g_assert_cmpstr (g_ptr_array_index (all, 11), ==, "row 2: too few fields");
}

/* What a batch reads with a warning instead of refusing the row: a
 * date in full-width digits, a passport number with a hyphen, a column
 * of another procedure's answers (said once, as row 1), a required
 * value left empty (counted on the row). */
static void
test_csv_forgiven (void)
{
  g_autoptr(EdProcedure) procedure = ed_test_load_procedure ("jp-entry-waiting-mysos");
  g_autoptr(EdProcedure) other = ed_test_load_procedure ("jp-national-pension");
  g_autoptr(EdCatalog) catalog = ed_catalog_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = "surname,given_names,birth_date,passport_number,answers.waiting-address,"
                     "arrival_date,answers.move-in-date\n"
                     "WANG,XIAOMING,１９９０-０５-１７,E1234-567,Tokyo,2022-01-01,2022-01-05\n"
                     "LI,WEI,1991/2/3,,Osaka,2022-01-02,2022-01-06\n";
  const EdCsvTraveller *row;
  const EdCsvProblem *problem;
  g_autofree char *said = NULL;
  guint n_column = 0;

  ed_catalog_add (catalog, procedure);
  ed_catalog_add (catalog, other);
  bytes = g_bytes_new_static (text, strlen (text));
  rows = ed_csv_read_travellers (bytes, procedure, catalog, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpuint (ed_csv_problems_count_errors (problems), ==, 0);

  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (ed_traveller_get (row->traveller, "birth_date"), ==, "1990-05-17");
  g_assert_cmpstr (ed_traveller_get (row->traveller, "passport_number"), ==, "E1234567");
  g_assert_null (ed_traveller_get_answer (row->traveller, "move-in-date"));
  g_assert_cmpuint (row->n_missing, ==, 0);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (ed_traveller_get (row->traveller, "birth_date"), ==, "1991-02-03");
  g_assert_cmpuint (row->n_missing, ==, 1);

  for (guint i = 0; i < problems->len; i++)
    if (g_strcmp0 (((EdCsvProblem *) g_ptr_array_index (problems, i))->column,
                   "answers.move-in-date") == 0)
      n_column++;
  g_assert_cmpuint (n_column, ==, 1);
  problem = find_problem (problems, 1);
  g_assert_true (problem->warning);
  g_assert_nonnull (strstr (problem->message, "jp-national-pension"));

  problem = find_problem (problems, 2);
  g_assert_true (problem->warning);
  g_assert_cmpstr (problem->column, ==, "passport_number");
  problem = find_problem (problems, 3);
  g_assert_true (problem->warning);
  g_assert_cmpstr (problem->column, ==, "passport_number");
  said = ed_csv_problem_to_string (problem);
  g_assert_true (g_str_has_prefix (said, "row 3, passport_number: warning: "));
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Without the catalog, a column no procedure is known to have: every
   * row with a value in it is refused, as before. */
  rows = ed_csv_read_travellers (bytes, procedure, NULL, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 0);
  g_assert_false (find_problem (problems, 1)->warning);
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
  g_test_add_func ("/csv/nul-byte", test_csv_nul_byte);
  g_test_add_func ("/csv/problems-capped", test_csv_problems_capped);
  g_test_add_func ("/csv/long-values", test_csv_long_values);
  g_test_add_func ("/csv/forgiven", test_csv_forgiven);

  return g_test_run ();
}
