/* test-traveller.c — the traveller model and its file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "ed-core.h"
#include "ed-test-util.h"

static void
count_change (EdTraveller *traveller,
              const char  *key,
              GPtrArray   *seen)
{
  g_ptr_array_add (seen, g_strdup (key));
}

static void
test_traveller_set_get (void)
{
  g_autoptr(EdTraveller) traveller = ed_traveller_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = NULL;

  g_signal_connect (traveller, "changed", G_CALLBACK (count_change), seen);
  g_assert_true (ed_traveller_is_empty (traveller));

  ed_traveller_set (traveller, "surname", "ERIKSSON");
  ed_traveller_set (traveller, "surname", "ERIKSSON");
  ed_traveller_set (traveller, "given_names", "ANNA MARIA");
  ed_traveller_set_answer (traveller, "waiting-place", "Hotel A");
  ed_traveller_set_answer (traveller, "waiting-place", "Hotel A");

  /* Only real changes are signalled. */
  g_assert_cmpuint (seen->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (seen, 2), ==, "waiting-place");

  g_assert_cmpstr (ed_traveller_get (traveller, "surname"), ==, "ERIKSSON");
  g_assert_cmpstr (ed_traveller_get_answer (traveller, "waiting-place"), ==, "Hotel A");
  name = ed_traveller_dup_display_name (traveller);
  g_assert_cmpstr (name, ==, "ERIKSSON ANNA MARIA");

  /* Clearing: "" is the same as nothing. */
  ed_traveller_set (traveller, "surname", "");
  g_assert_null (ed_traveller_get (traveller, "surname"));
  ed_traveller_set_answer (traveller, "waiting-place", NULL);
  g_assert_null (ed_traveller_get_answer (traveller, "waiting-place"));
  g_assert_false (ed_traveller_is_empty (traveller));
}

static void
test_traveller_field_value (void)
{
  g_autoptr(EdTraveller) traveller = ed_traveller_new ();
  EdField passport = { .id = (char *) "passport", .traveller_key = (char *) "passport_number" };
  EdField answer = { .id = (char *) "jiangsu-from-where" };

  ed_traveller_set_field_value (traveller, &passport, "TR1234567");
  ed_traveller_set_field_value (traveller, &answer, "上海");
  g_assert_cmpstr (ed_traveller_get (traveller, "passport_number"), ==, "TR1234567");
  g_assert_cmpstr (ed_traveller_get_field_value (traveller, &passport), ==, "TR1234567");
  g_assert_cmpstr (ed_traveller_get_answer (traveller, "jiangsu-from-where"), ==, "上海");
  g_assert_cmpstr (ed_traveller_get_field_value (traveller, &answer), ==, "上海");
}

static EdTraveller *
parse (const char  *json,
       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  return ed_traveller_new_from_json (json_parser_get_root (parser), error);
}

static void
test_traveller_json_round_trip (void)
{
  g_autoptr(EdTraveller) traveller = NULL;
  g_autoptr(EdTraveller) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = ed_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "traveller.json", NULL);
  struct stat st;

  traveller = parse ("{\"surname\": \"王\", \"given_names\": \"小明\", \"native_name\": \"王小明\","
                     " \"birth_date\": \"1990-04-01\", \"sex\": \"M\", \"nationality\": \"CHN\","
                     " \"passport_number\": \"E12345678\", \"arrival_date\": null,"
                     " \"answers\": {\"residence-expiry\": \"2027-03-31\"}}", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_traveller_get (traveller, "native_name"), ==, "王小明");
  g_assert_null (ed_traveller_get (traveller, "arrival_date"));

  g_assert_true (ed_traveller_save (traveller, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  again = ed_traveller_load (path, &error);
  g_assert_no_error (error);
  g_assert_true (ed_traveller_equal (traveller, again));
  g_assert_cmpstr (ed_traveller_get_answer (again, "residence-expiry"), ==, "2027-03-31");

  ed_test_rm_rf (dir);
}

static void
test_traveller_json_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdTraveller) traveller = NULL;

  traveller = parse ("[1, 2]", &error);
  g_assert_null (traveller);
  g_assert_error (error, ED_ERROR, ED_ERROR_INVALID);
  g_clear_error (&error);

  traveller = parse ("{\"passport_no\": \"E1\"}", &error);
  g_assert_null (traveller);
  g_assert_nonnull (strstr (error->message, "passport_no"));
  g_clear_error (&error);

  traveller = parse ("{\"birth_date\": 19900401}", &error);
  g_assert_null (traveller);
  g_assert_nonnull (strstr (error->message, "birth_date"));
  g_clear_error (&error);

  traveller = parse ("{\"answers\": {\"q1\": true}}", &error);
  g_assert_null (traveller);
  g_assert_nonnull (strstr (error->message, "answers.“q1”"));
  g_clear_error (&error);

  /* What a file holds is checked before it is read as JSON. */
  traveller = ed_traveller_new_from_data ("{\"surname\": \"A\", \"surname\": \"B\"}", 32,
                                          "t.json", &error);
  g_assert_null (traveller);
  g_assert_error (error, ED_ERROR, ED_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "t.json: surname: this key is given twice on line 1: "
                                       "keep only one of them");
  g_clear_error (&error);
  traveller = ed_traveller_new_from_data ("{\"passport\": \"A\"}", 17, "t.json", &error);
  g_assert_error (error, ED_ERROR, ED_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "t.json: Unknown key “passport”"));
  g_clear_error (&error);

  /* A file that cannot be read is a reading error, with its name. */
  traveller = ed_traveller_load ("/nonexistent/traveller.json", &error);
  g_assert_null (traveller);
  g_assert_error (error, ED_ERROR, ED_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/traveller.json: "));
}

/* A traveller file with a value longer than the key may have is
 * refused by the reader, which names the file and the key and does not
 * quote the value. */
static void
test_traveller_load_long_value (void)
{
  g_autofree char *dir = ed_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "long.json", NULL);
  g_autofree char *huge = g_strnfill (100000, 'A');
  g_autofree char *text = g_strdup_printf ("{\"surname\": \"%s\", \"email\": \"%s\","
                                           " \"answers\": {\"remarks\": \"%s\"}}",
                                           "WANG", huge, huge);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdTraveller) traveller = NULL;
  g_autofree char *expected = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  traveller = ed_traveller_load (path, &error);
  g_assert_null (traveller);
  g_assert_error (error, ED_ERROR, ED_ERROR_INVALID);
  expected = g_strdup_printf ("%s: email: This has 100000 characters; it can have at most 254.\n"
                              "%s: answers.remarks: This has 100000 characters; it can have at "
                              "most 1000.", path, path);
  g_assert_cmpstr (error->message, ==, expected);

  ed_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/traveller/set-get", test_traveller_set_get);
  g_test_add_func ("/traveller/field-value", test_traveller_field_value);
  g_test_add_func ("/traveller/json-round-trip", test_traveller_json_round_trip);
  g_test_add_func ("/traveller/json-errors", test_traveller_json_errors);
  g_test_add_func ("/traveller/load-long-value", test_traveller_load_long_value);

  return g_test_run ();
}
