/* test-mrz.c — reading the ICAO Doc 9303 specimen documents
 *
 * The specimens are those of Doc 9303 (Utopia, "UTO"): part 4 (TD3),
 * part 5 (TD1), part 6 (TD2), part 7 (MRV-A and MRV-B), and part 11
 * appendix D.2 for long document numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ed-core.h"

#define TD1_SPECIMEN \
  "I<UTOD231458907<<<<<<<<<<<<<<<\n" \
  "7408122F1204159UTO<<<<<<<<<<<6\n" \
  "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"
#define TD1_LONG_NUMBER \
  "I<UTOD23145890<7349<<<<<<<<<<<\n" \
  "3407127M9507122UTO<<<<<<<<<<<2\n" \
  "STEVENSON<<PETER<JOHN<<<<<<<<<"
#define TD2_SPECIMEN \
  "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n" \
  "D231458907UTO7408122F1204159<<<<<<<6"
#define TD2_LONG_NUMBER \
  "I<UTOSTEVENSON<<PETER<JOHN<<<<<<<<<<\n" \
  "D23145890<UTO3407127M95071227349<<<8"
#define TD3_SPECIMEN \
  "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n" \
  "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
#define MRVA_SPECIMEN \
  "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n" \
  "L8988901C4XXX4009078F96121096ZE184226B<<<<<<"
#define MRVB_SPECIMEN \
  "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n" \
  "L8988901C4XXX4009078F9612109<<<<<<<<"

static GDate today;

static EdMrz *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  EdMrz *mrz = ed_mrz_parse (text, &today, &error);

  g_assert_no_error (error);
  g_assert_nonnull (mrz);
  return mrz;
}

static char *
parse_error (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdMrz) mrz = ed_mrz_parse (text, &today, &error);

  g_assert_null (mrz);
  g_assert_error (error, ED_ERROR, ED_ERROR_PARSE);
  return g_strdup (error->message);
}

static char *
to_json (const EdMrz *mrz)
{
  g_autoptr(JsonNode) node = ed_mrz_to_json (mrz);

  return json_to_string (node, FALSE);
}

static void
assert_json (const char *text,
             const char *expected)
{
  g_autoptr(EdMrz) mrz = parse_ok (text);
  g_autofree char *json = to_json (mrz);

  g_assert_cmpstr (json, ==, expected);
}

static void
test_mrz_check_digit (void)
{
  /* Doc 9303 part 3, 4.9: the worked example. */
  g_assert_cmpint (ed_mrz_check_digit ("520727", -1), ==, '3');
  g_assert_cmpint (ed_mrz_check_digit ("L898902C3", -1), ==, '6');
  g_assert_cmpint (ed_mrz_check_digit ("AB2134<<<", -1), ==, '5');
  g_assert_cmpint (ed_mrz_check_digit ("D23145890734", -1), ==, '9');
}

static void
test_mrz_specimens (void)
{
  assert_json (TD1_SPECIMEN,
               "{\"format\":\"TD1\",\"document_code\":\"I\",\"issuing_state\":\"UTO\","
               "\"surname\":\"ERIKSSON\",\"given_names\":\"ANNA MARIA\","
               "\"document_number\":\"D23145890\",\"nationality\":\"UTO\","
               "\"birth_date\":\"1974-08-12\",\"expiry_date\":\"2012-04-15\",\"sex\":\"F\","
               "\"optional_data\":\"\",\"optional_data_2\":\"\",\"valid\":true,\"errors\":[]}");
  assert_json (TD2_SPECIMEN,
               "{\"format\":\"TD2\",\"document_code\":\"I\",\"issuing_state\":\"UTO\","
               "\"surname\":\"ERIKSSON\",\"given_names\":\"ANNA MARIA\","
               "\"document_number\":\"D23145890\",\"nationality\":\"UTO\","
               "\"birth_date\":\"1974-08-12\",\"expiry_date\":\"2012-04-15\",\"sex\":\"F\","
               "\"optional_data\":\"\",\"optional_data_2\":null,\"valid\":true,\"errors\":[]}");
  assert_json (TD3_SPECIMEN,
               "{\"format\":\"TD3\",\"document_code\":\"P\",\"issuing_state\":\"UTO\","
               "\"surname\":\"ERIKSSON\",\"given_names\":\"ANNA MARIA\","
               "\"document_number\":\"L898902C3\",\"nationality\":\"UTO\","
               "\"birth_date\":\"1974-08-12\",\"expiry_date\":\"2012-04-15\",\"sex\":\"F\","
               "\"optional_data\":\"ZE184226B\",\"optional_data_2\":null,\"valid\":true,"
               "\"errors\":[]}");
  assert_json (MRVA_SPECIMEN,
               "{\"format\":\"MRVA\",\"document_code\":\"V\",\"issuing_state\":\"UTO\","
               "\"surname\":\"ERIKSSON\",\"given_names\":\"ANNA MARIA\","
               "\"document_number\":\"L8988901C\",\"nationality\":\"XXX\","
               "\"birth_date\":\"1940-09-07\",\"expiry_date\":\"1996-12-10\",\"sex\":\"F\","
               "\"optional_data\":\"6ZE184226B\",\"optional_data_2\":null,\"valid\":true,"
               "\"errors\":[]}");
  assert_json (MRVB_SPECIMEN,
               "{\"format\":\"MRVB\",\"document_code\":\"V\",\"issuing_state\":\"UTO\","
               "\"surname\":\"ERIKSSON\",\"given_names\":\"ANNA MARIA\","
               "\"document_number\":\"L8988901C\",\"nationality\":\"XXX\","
               "\"birth_date\":\"1940-09-07\",\"expiry_date\":\"1996-12-10\",\"sex\":\"F\","
               "\"optional_data\":\"\",\"optional_data_2\":null,\"valid\":true,\"errors\":[]}");
}

static void
test_mrz_long_document_number (void)
{
  g_autoptr(EdMrz) td1 = parse_ok (TD1_LONG_NUMBER);
  g_autoptr(EdMrz) td2 = parse_ok (TD2_LONG_NUMBER);
  g_autoptr(EdMrz) extra = NULL;
  g_autoptr(EdMrz) empty = NULL;

  /* The number runs on into the optional data, its check digit last. */
  g_assert_cmpstr (td1->document_number, ==, "D23145890734");
  g_assert_cmpstr (td1->optional_data, ==, "");
  g_assert_cmpstr (td1->surname, ==, "STEVENSON");
  g_assert_cmpstr (td1->given_names, ==, "PETER JOHN");
  g_assert_cmpstr (td1->birth_date, ==, "1934-07-12");
  g_assert_cmpstr (td1->expiry_date, ==, "1995-07-12");
  g_assert_true (ed_mrz_is_valid (td1));

  g_assert_cmpstr (td2->document_number, ==, "D23145890734");
  g_assert_cmpstr (td2->optional_data, ==, "");
  g_assert_true (ed_mrz_is_valid (td2));

  /* Optional data after the long number's check digit and its filler. */
  extra = parse_ok ("I<UTOD23145890<7349<AB12<<<<<<\n"
                    "3407127M9507122UTO<<<<<<<<<<<0\n"
                    "STEVENSON<<PETER<JOHN<<<<<<<<<");
  g_assert_cmpstr (extra->document_number, ==, "D23145890734");
  g_assert_cmpstr (extra->optional_data, ==, "AB12");
  g_assert_true (ed_mrz_is_valid (extra));

  /* A filler for the check digit and nothing after it: no check digit. */
  empty = parse_ok ("I<UTOD23145890<<<<<<<<<<<<<<<<\n"
                    "7408122F1204159UTO<<<<<<<<<<<6\n"
                    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");
  g_assert_cmpstr (empty->document_number, ==, "D23145890");
  g_assert_true (empty->failed & ED_MRZ_CHECK_DOCUMENT_NUMBER);
}

/* Replaces the character at line @line (1-based), column @column with @c. */
static char *
change (const char *text,
        guint       line,
        guint       column,
        char        c)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  char *digit = &lines[line - 1][column - 1];

  g_assert_cmpint (*digit, !=, c);
  *digit = c;
  return g_strjoinv ("\n", lines);
}

/* Changes one check digit and checks which check digits fail. */
static void
assert_errors (const char *text,
               guint       line,
               guint       column,
               const char *expected_errors)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *changed = NULL;
  g_autoptr(EdMrz) mrz = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  char *digit = &lines[line - 1][column - 1];
  JsonArray *errors;

  *digit = *digit == '0' ? '1' : '0';
  changed = g_strjoinv ("\n", lines);
  mrz = parse_ok (changed);
  node = ed_mrz_to_json (mrz);

  g_assert_false (json_object_get_boolean_member (json_node_get_object (node), "valid"));
  errors = json_object_get_array_member (json_node_get_object (node), "errors");
  for (guint i = 0; i < json_array_get_length (errors); i++)
    g_string_append_printf (names, "%s%s", i > 0 ? "," : "",
                            json_array_get_string_element (errors, i));
  g_assert_cmpstr (names->str, ==, expected_errors);

  /* The rest is still read. */
  g_assert_cmpstr (mrz->surname, !=, "");
  g_assert_nonnull (mrz->birth_date);
}

static void
test_mrz_td3_check_digits (void)
{
  assert_errors (TD3_SPECIMEN, 2, 10, "document_number,composite");
  assert_errors (TD3_SPECIMEN, 2, 20, "birth_date,composite");
  assert_errors (TD3_SPECIMEN, 2, 28, "expiry_date,composite");
  assert_errors (TD3_SPECIMEN, 2, 43, "optional_data,composite");
  assert_errors (TD3_SPECIMEN, 2, 44, "composite");
}

static void
test_mrz_td1_check_digits (void)
{
  assert_errors (TD1_SPECIMEN, 1, 15, "document_number,composite");
  assert_errors (TD1_SPECIMEN, 2, 7, "birth_date,composite");
  assert_errors (TD1_SPECIMEN, 2, 15, "expiry_date,composite");
  assert_errors (TD1_SPECIMEN, 2, 30, "composite");
  /* The long number's check digit, in the optional data. */
  assert_errors (TD1_LONG_NUMBER, 1, 19, "document_number,composite");
}

static void
test_mrz_td2_check_digits (void)
{
  assert_errors (TD2_SPECIMEN, 2, 10, "document_number,composite");
  assert_errors (TD2_SPECIMEN, 2, 20, "birth_date,composite");
  assert_errors (TD2_SPECIMEN, 2, 28, "expiry_date,composite");
  assert_errors (TD2_SPECIMEN, 2, 36, "composite");
  assert_errors (TD2_LONG_NUMBER, 2, 32, "document_number,composite");
}

static void
test_mrz_mrv_check_digits (void)
{
  /* Visas have no composite check digit. */
  assert_errors (MRVA_SPECIMEN, 2, 10, "document_number");
  assert_errors (MRVA_SPECIMEN, 2, 20, "birth_date");
  assert_errors (MRVA_SPECIMEN, 2, 28, "expiry_date");
  assert_errors (MRVB_SPECIMEN, 2, 10, "document_number");
  assert_errors (MRVB_SPECIMEN, 2, 20, "birth_date");
  assert_errors (MRVB_SPECIMEN, 2, 28, "expiry_date");
}

static void
test_mrz_data_misread (void)
{
  /* A misread digit of the birth date, not of its check digit. */
  g_autofree char *changed = change (TD3_SPECIMEN, 2, 14, '5');
  g_autoptr(EdMrz) mrz = parse_ok (changed);
  g_autoptr(GPtrArray) problems = ed_mrz_dup_problems (mrz);
  const EdProblem *problem;

  g_assert_cmpstr (mrz->birth_date, ==, "1954-08-12");
  g_assert_cmpint (mrz->failed, ==, ED_MRZ_CHECK_BIRTH_DATE | ED_MRZ_CHECK_COMPOSITE);

  /* Each failure is shown on the field it belongs to. */
  g_assert_cmpuint (problems->len, ==, 2);
  problem = ed_problem_list_find (problems, "birth_date", "mrz-check-birth_date");
  g_assert_nonnull (problem);
  g_assert_cmpint (problem->severity, ==, ED_SEVERITY_ERROR);
  g_assert_nonnull (strstr (problem->message, "line 2, column 20"));
  g_assert_nonnull (ed_problem_list_find (problems, "mrz", "mrz-check-composite"));
}

static void
test_mrz_check_keys (void)
{
  g_autoptr(EdMrz) passport = parse_ok (TD3_SPECIMEN);
  g_autoptr(EdMrz) visa = parse_ok (MRVA_SPECIMEN);

  g_assert_cmpstr (ed_mrz_check_traveller_key (passport, ED_MRZ_CHECK_DOCUMENT_NUMBER),
                   ==, "passport_number");
  g_assert_cmpstr (ed_mrz_check_traveller_key (passport, ED_MRZ_CHECK_BIRTH_DATE),
                   ==, "birth_date");
  g_assert_cmpstr (ed_mrz_check_traveller_key (passport, ED_MRZ_CHECK_EXPIRY_DATE),
                   ==, "passport_expiry");
  g_assert_null (ed_mrz_check_traveller_key (passport, ED_MRZ_CHECK_OPTIONAL_DATA));
  g_assert_null (ed_mrz_check_traveller_key (passport, ED_MRZ_CHECK_COMPOSITE));
  /* A visa's number and expiry are not the passport's. */
  g_assert_null (ed_mrz_check_traveller_key (visa, ED_MRZ_CHECK_DOCUMENT_NUMBER));
  g_assert_cmpstr (ed_mrz_check_traveller_key (visa, ED_MRZ_CHECK_BIRTH_DATE), ==, "birth_date");
}

static void
test_mrz_two_digit_years (void)
{
  GDate date;
  char shown[11];

  /* Today is 2025-06-01. A birth date is never in the future. */
  g_assert_true (ed_mrz_expand_year (25, 5, 31, TRUE, &today, &date));
  ed_date_format_into (&date, shown);
  g_assert_cmpstr (shown, ==, "2025-05-31");
  g_assert_true (ed_mrz_expand_year (25, 6, 2, TRUE, &today, &date));
  ed_date_format_into (&date, shown);
  g_assert_cmpstr (shown, ==, "1925-06-02");
  g_assert_true (ed_mrz_expand_year (0, 2, 29, TRUE, &today, &date));
  ed_date_format_into (&date, shown);
  g_assert_cmpstr (shown, ==, "2000-02-29");

  /* An expiry date may be up to 20 years ahead. */
  g_assert_true (ed_mrz_expand_year (45, 12, 31, FALSE, &today, &date));
  ed_date_format_into (&date, shown);
  g_assert_cmpstr (shown, ==, "2045-12-31");
  g_assert_true (ed_mrz_expand_year (46, 1, 1, FALSE, &today, &date));
  ed_date_format_into (&date, shown);
  g_assert_cmpstr (shown, ==, "1946-01-01");
  g_assert_true (ed_mrz_expand_year (30, 6, 1, FALSE, &today, &date));
  ed_date_format_into (&date, shown);
  g_assert_cmpstr (shown, ==, "2030-06-01");

  /* Dates that do not exist. */
  g_assert_false (ed_mrz_expand_year (23, 2, 29, FALSE, &today, &date));
  g_assert_false (ed_mrz_expand_year (74, 13, 1, TRUE, &today, &date));
  g_assert_false (ed_mrz_expand_year (74, 4, 0, TRUE, &today, &date));
}

static void
test_mrz_unknown_dates (void)
{
  /* The birth date left unknown (fillers), the personal number unused
   * with a filler for its check digit. */
  g_autoptr(EdMrz) mrz = parse_ok ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                                   "L898902C36UTO<<<<<<0F1204159<<<<<<<<<<<<<<<8");
  g_autoptr(GPtrArray) problems = ed_mrz_dup_problems (mrz);
  g_autoptr(EdTraveller) traveller = ed_traveller_new ();
  g_autofree char *json = to_json (mrz);

  g_assert_null (mrz->birth_date);
  g_assert_true (ed_mrz_is_valid (mrz));
  g_assert_nonnull (strstr (json, "\"birth_date\":null"));
  g_assert_nonnull (ed_problem_list_find (problems, "birth_date", "mrz-birth-date-unknown"));
  g_assert_false (ed_problem_list_has_errors (problems));

  ed_traveller_set (traveller, "birth_date", "1974-08-12");
  ed_mrz_apply_to_traveller (mrz, traveller);
  g_assert_cmpstr (ed_traveller_get (traveller, "birth_date"), ==, "1974-08-12");
}

static void
test_mrz_tolerant_input (void)
{
  const char *inputs[] = {
    /* Lower case, surrounding white space, CR/LF as a scanner types. */
    "  p<utoeriksson<<anna<maria<<<<<<<<<<<<<<<<<<<  \r\n"
    "\tl898902c36uto7408122f1204159ze184226b<<<<<10\r\n",
    /* CR alone, and blank lines around. */
    "\n\nP<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\r"
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10\n\n",
    /* Pasted as one blob. */
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<L898902C36UTO7408122F1204159ZE184226B<<<<<10",
    /* Lines joined by a space. */
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<< L898902C36UTO7408122F1204159ZE184226B<<<<<10",
    /* Full width, as a Japanese input method may give it. */
    "Ｐ＜ＵＴＯＥＲＩＫＳＳＯＮ＜＜ＡＮＮＡ＜ＭＡＲＩＡ＜＜＜＜＜＜＜＜＜＜＜＜＜＜＜＜＜＜＜\n"
    "Ｌ８９８９０２Ｃ３６ＵＴＯ７４０８１２２Ｆ１２０４１５９ＺＥ１８４２２６Ｂ＜＜＜＜＜１０",
  };
  g_autoptr(EdMrz) reference = parse_ok (TD3_SPECIMEN);
  g_autofree char *expected = to_json (reference);

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(EdMrz) mrz = parse_ok (inputs[i]);
      g_autofree char *json = to_json (mrz);

      g_assert_cmpstr (json, ==, expected);
    }

  /* TD1 and TD2 blobs are cut by their length too. */
  {
    g_autofree char *td1 = g_strdelimit (g_strdup (TD1_SPECIMEN), "\n", ' ');
    g_autoptr(GString) blob = g_string_new (TD2_SPECIMEN);
    g_autoptr(EdMrz) a = NULL;
    g_autoptr(EdMrz) b = NULL;

    g_string_replace (blob, "\n", "", 0);
    a = parse_ok (td1);
    b = parse_ok (blob->str);
    g_assert_cmpint (a->format, ==, ED_MRZ_TD1);
    g_assert_cmpint (b->format, ==, ED_MRZ_TD2);
    g_assert_true (ed_mrz_is_valid (a) && ed_mrz_is_valid (b));
  }
}

static void
test_mrz_garbage (void)
{
  struct {
    const char *text;
    const char *expected;
  } cases[] = {
    { "", "empty" },
    { " \n \r\n ", "empty" },
    { "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "one line of 44 characters" },
    { TD1_SPECIMEN "\nABC", "has 4" },
    { "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
      "L898902C36UTO7408122F1204159ZE184226B<<<<<1", "Line 2 has 43 characters" },
    { "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<\n"
      "L898902C36UTO7408122F1204159ZE184226B<<<<<10", "Line 1 has 43 characters" },
    { "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<\n"
      "L898902C36UTO7408122F1204159ZE184226", "Line 1 has 35 characters" },
    { "I<UTOD231458907<<<<<<<<<<<<<<<\n"
      "7408122F1204159UTO<<<<<<<<<<<6\n"
      "ERIKSSON<<ANNA<MARIA<<<<<<<<<", "Line 3 has 29 characters" },
    { "P<UTOERIKSSON<<ANNA-MARIA<<<<<<<<<<<<<<<<<<<\n"
      "L898902C36UTO7408122F1204159ZE184226B<<<<<10", "Line 1, column 20: “-”" },
    { "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
      "L898902C36UTO 408122F1204159ZE184226B<<<<<10", "Line 2, column 14: a space" },
    { "P<UTOERIKSSÖN<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
      "L898902C36UTO7408122F1204159ZE184226B<<<<<10", "Line 1, column 12: “Ö”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = parse_error (cases[i].text);

      if (strstr (message, cases[i].expected) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, message, cases[i].expected);
    }

  /* NULL is empty, not a crash. */
  g_free (parse_error (NULL));
}

static void
test_mrz_apply (void)
{
  g_autoptr(EdMrz) passport = parse_ok (TD3_SPECIMEN);
  g_autoptr(EdMrz) visa = parse_ok (MRVB_SPECIMEN);
  g_autofree char *unspecified_text = change (TD3_SPECIMEN, 2, 21, '<');
  g_autoptr(EdMrz) unspecified = NULL;
  g_autoptr(EdTraveller) traveller = ed_traveller_new ();
  g_autoptr(EdTraveller) from_visa = ed_traveller_new ();

  ed_mrz_apply_to_traveller (passport, traveller);
  g_assert_cmpstr (ed_traveller_get (traveller, "surname"), ==, "ERIKSSON");
  g_assert_cmpstr (ed_traveller_get (traveller, "given_names"), ==, "ANNA MARIA");
  g_assert_cmpstr (ed_traveller_get (traveller, "passport_number"), ==, "L898902C3");
  g_assert_cmpstr (ed_traveller_get (traveller, "nationality"), ==, "UTO");
  g_assert_cmpstr (ed_traveller_get (traveller, "birth_date"), ==, "1974-08-12");
  g_assert_cmpstr (ed_traveller_get (traveller, "sex"), ==, "F");
  g_assert_cmpstr (ed_traveller_get (traveller, "passport_expiry"), ==, "2012-04-15");

  /* A visa fills the person, not the passport. */
  ed_mrz_apply_to_traveller (visa, from_visa);
  g_assert_cmpstr (ed_traveller_get (from_visa, "surname"), ==, "ERIKSSON");
  g_assert_cmpstr (ed_traveller_get (from_visa, "nationality"), ==, "XXX");
  g_assert_null (ed_traveller_get (from_visa, "passport_number"));
  g_assert_null (ed_traveller_get (from_visa, "passport_expiry"));

  /* "<" is an unspecified sex: X, as the visual zone prints it. No
   * check digit covers the sex. */
  unspecified = parse_ok (unspecified_text);
  g_assert_cmpstr (unspecified->sex, ==, "<");
  g_assert_true (ed_mrz_is_valid (unspecified));
  ed_mrz_apply_to_traveller (unspecified, traveller);
  g_assert_cmpstr (ed_traveller_get (traveller, "sex"), ==, "X");
}

static void
test_mrz_copy (void)
{
  g_autoptr(EdMrz) mrz = parse_ok (TD1_SPECIMEN);
  g_autoptr(EdMrz) copy = ed_mrz_copy (mrz);
  g_autofree char *a = to_json (mrz);
  g_autofree char *b = to_json (copy);

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (copy->lines[2], ==, "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");
  g_assert_true (copy->surname != mrz->surname);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_JUNE, 2025);

  g_test_add_func ("/mrz/check-digit", test_mrz_check_digit);
  g_test_add_func ("/mrz/specimens", test_mrz_specimens);
  g_test_add_func ("/mrz/long-document-number", test_mrz_long_document_number);
  g_test_add_func ("/mrz/check-digits/td1", test_mrz_td1_check_digits);
  g_test_add_func ("/mrz/check-digits/td2", test_mrz_td2_check_digits);
  g_test_add_func ("/mrz/check-digits/td3", test_mrz_td3_check_digits);
  g_test_add_func ("/mrz/check-digits/mrv", test_mrz_mrv_check_digits);
  g_test_add_func ("/mrz/data-misread", test_mrz_data_misread);
  g_test_add_func ("/mrz/check-keys", test_mrz_check_keys);
  g_test_add_func ("/mrz/two-digit-years", test_mrz_two_digit_years);
  g_test_add_func ("/mrz/unknown-dates", test_mrz_unknown_dates);
  g_test_add_func ("/mrz/tolerant-input", test_mrz_tolerant_input);
  g_test_add_func ("/mrz/garbage", test_mrz_garbage);
  g_test_add_func ("/mrz/apply", test_mrz_apply);
  g_test_add_func ("/mrz/copy", test_mrz_copy);

  return g_test_run ();
}
