/* test-cli-mrz.c — entry-desk-cli mrz on the ICAO 9303 specimens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ed-test-util.h"

/* Two-digit years are read relative to this day. */
static const char *env_today[] = { "ED_TODAY=2025-06-01", NULL };

static const struct
{
  const char *name;
  const char *lines[4];
  const char *json;
} specimens[] = {
  { "TD1",
    { "I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6",
      "ERIKSSON<<ANNA<MARIA<<<<<<<<<<", NULL },
    "{\"format\":\"TD1\",\"document_code\":\"I\",\"issuing_state\":\"UTO\","
    "\"surname\":\"ERIKSSON\","
    "\"given_names\":\"ANNA MARIA\",\"document_number\":\"D23145890\",\"nationality\":\"UTO\","
    "\"birth_date\":\"1974-08-12\",\"expiry_date\":\"2012-04-15\",\"sex\":\"F\","
    "\"optional_data\":\"\","
    "\"optional_data_2\":\"\",\"valid\":true,\"errors\":[]}" },
  { "TD1 long document number",
    { "I<UTOD23145890<7349<<<<<<<<<<<", "3407127M9507122UTO<<<<<<<<<<<2",
      "STEVENSON<<PETER<JOHN<<<<<<<<<", NULL },
    "{\"format\":\"TD1\",\"document_code\":\"I\",\"issuing_state\":\"UTO\","
    "\"surname\":\"STEVENSON\","
    "\"given_names\":\"PETER JOHN\",\"document_number\":\"D23145890734\",\"nationality\":\"UTO\","
    "\"birth_date\":\"1934-07-12\",\"expiry_date\":\"1995-07-12\",\"sex\":\"M\","
    "\"optional_data\":\"\","
    "\"optional_data_2\":\"\",\"valid\":true,\"errors\":[]}" },
  { "TD2",
    { "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6", NULL },
    "{\"format\":\"TD2\",\"document_code\":\"I\",\"issuing_state\":\"UTO\","
    "\"surname\":\"ERIKSSON\","
    "\"given_names\":\"ANNA MARIA\",\"document_number\":\"D23145890\",\"nationality\":\"UTO\","
    "\"birth_date\":\"1974-08-12\",\"expiry_date\":\"2012-04-15\",\"sex\":\"F\","
    "\"optional_data\":\"\","
    "\"optional_data_2\":null,\"valid\":true,\"errors\":[]}" },
  { "TD3",
    { "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
      "L898902C36UTO7408122F1204159ZE184226B<<<<<10", NULL },
    "{\"format\":\"TD3\",\"document_code\":\"P\",\"issuing_state\":\"UTO\","
    "\"surname\":\"ERIKSSON\","
    "\"given_names\":\"ANNA MARIA\",\"document_number\":\"L898902C3\",\"nationality\":\"UTO\","
    "\"birth_date\":\"1974-08-12\",\"expiry_date\":\"2012-04-15\",\"sex\":\"F\","
    "\"optional_data\":\"ZE184226B\","
    "\"optional_data_2\":null,\"valid\":true,\"errors\":[]}" },
  { "MRV-A",
    { "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
      "L8988901C4XXX4009078F96121096ZE184226B<<<<<<", NULL },
    "{\"format\":\"MRVA\",\"document_code\":\"V\",\"issuing_state\":\"UTO\","
    "\"surname\":\"ERIKSSON\","
    "\"given_names\":\"ANNA MARIA\",\"document_number\":\"L8988901C\",\"nationality\":\"XXX\","
    "\"birth_date\":\"1940-09-07\",\"expiry_date\":\"1996-12-10\",\"sex\":\"F\","
    "\"optional_data\":\"6ZE184226B\","
    "\"optional_data_2\":null,\"valid\":true,\"errors\":[]}" },
  { "MRV-B",
    { "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<", NULL },
    "{\"format\":\"MRVB\",\"document_code\":\"V\",\"issuing_state\":\"UTO\","
    "\"surname\":\"ERIKSSON\","
    "\"given_names\":\"ANNA MARIA\",\"document_number\":\"L8988901C\",\"nationality\":\"XXX\","
    "\"birth_date\":\"1940-09-07\",\"expiry_date\":\"1996-12-10\",\"sex\":\"F\","
    "\"optional_data\":\"\","
    "\"optional_data_2\":null,\"valid\":true,\"errors\":[]}" },
};

/* The printed JSON, parsed and written again without spaces: keys in
 * their order, values exactly. */
static char *
compact (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  return json_to_string (json_parser_get_root (parser), FALSE);
}

static int
run_mrz (const char * const  *envp,
         gboolean             as_json,
         const char * const  *lines,
         char               **out,
         char               **err)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, (gpointer) "mrz");
  if (as_json)
    g_ptr_array_add (args, (gpointer) "--json");
  for (guint i = 0; lines[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) lines[i]);
  g_ptr_array_add (args, NULL);

  return ed_test_run_cli (envp, (const char * const *) args->pdata, out, err);
}

/* Runs `entry-desk-cli mrz [--json] -` with @input on standard input. */
static int
run_mrz_stdin (gboolean     as_json,
               const char  *input,
               char       **out)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_subprocess_launcher_setenv (launcher, "ED_TODAY", "2025-06-01", TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("ENTRY_DESK_CLI"), "mrz",
                                         as_json ? "--json" : "-", as_json ? "-" : NULL, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, out, NULL, &error);
  g_assert_no_error (error);

  return g_subprocess_get_exit_status (process);
}

static void
test_cli_mrz_specimens (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (specimens); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *json = NULL;

      g_test_message ("%s", specimens[i].name);
      g_assert_cmpint (run_mrz (env_today, TRUE, specimens[i].lines, &out, NULL), ==, 0);
      json = compact (out);
      g_assert_cmpstr (json, ==, specimens[i].json);
    }
}

static void
test_cli_mrz_stdin (void)
{
  g_autofree char *out = NULL;
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;

  /* As a USB scanner types it: lines ended by CR LF. */
  g_assert_cmpint (run_mrz_stdin (TRUE,
                                  "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\r\n"
                                  "L898902C36UTO7408122F1204159ZE184226B<<<<<10\r\n",
                                  &out), ==, 0);
  json = compact (out);
  g_assert_cmpstr (json, ==, specimens[3].json);

  /* Pasted as one blob, in lower case. */
  g_assert_cmpint (run_mrz_stdin (FALSE,
                                  "i<utod231458907<<<<<<<<<<<<<<<7408122f1204159uto<<<<<<<<<<<6"
                                  "eriksson<<anna<maria<<<<<<<<<<",
                                  &text), ==, 0);
  g_assert_nonnull (strstr (text, "\nDocument number:       D23145890\n"));
  g_assert_nonnull (strstr (text, "\nValid:                 yes\n"));
}

static void
test_cli_mrz_wrong_check_digit (void)
{
  const char *lines[] = { "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                          "L898902C36UTO7408123F1204159ZE184226B<<<<<10", NULL };
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  JsonArray *errors;

  /* Exit status 1, but the result is printed. */
  g_assert_cmpint (run_mrz (env_today, TRUE, lines, &out, NULL), ==, 1);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_false (json_object_get_boolean_member (object, "valid"));
  g_assert_cmpstr (json_object_get_string_member (object, "surname"), ==, "ERIKSSON");
  errors = json_object_get_array_member (object, "errors");
  g_assert_cmpuint (json_array_get_length (errors), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (errors, 0), ==, "birth_date");
  g_assert_cmpstr (json_array_get_string_element (errors, 1), ==, "composite");

  g_assert_cmpint (run_mrz (env_today, FALSE, lines, &text, NULL), ==, 1);
  g_assert_nonnull (strstr (text, "\nSurname:         ERIKSSON\n"));
  g_assert_nonnull (strstr (text, "  Birth date: wrong (line 2, column 20 has “3”, expected 2)\n"));
  g_assert_nonnull (strstr (text, "  Document number: ok\n"));
  g_assert_nonnull (strstr (text, "\nValid:           no\n"));
}

static void
test_cli_mrz_garbage (void)
{
  const char *short_line[] = { "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                               "L898902C36UTO7408122F1204159ZE184226B<<<<<1", NULL };
  const char *bad_char[] = { "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                             "L898902C36UTO7408122F1204159ZE184226B<<<<-10", NULL };
  const char *one_line[] = { "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", NULL };
  const char *none[] = { "mrz", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_mrz (NULL, FALSE, short_line, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "Line 2 has 43 characters"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_mrz (NULL, TRUE, bad_char, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "Line 2, column 42: “-”"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_mrz (NULL, FALSE, one_line, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "two or three lines"));
  g_clear_pointer (&err, g_free);

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_mrz_stdin (FALSE, "", &out), ==, 1);

  /* No lines at all is a usage error. */
  g_assert_cmpint (ed_test_run_cli (NULL, none, NULL, &err), ==, 2);
}

static void
test_cli_mrz_translated (void)
{
  const char *env_ja[] = { "LANGUAGE=ja", "LC_ALL=ja_JP.UTF-8", "ED_TODAY=2025-06-01", NULL };
  const char *env_zh[] = { "LANGUAGE=zh_CN", "LC_ALL=zh_CN.UTF-8", "ED_TODAY=2025-06-01", NULL };
  const char *lines[] = { "P<JPNYAMADA<<TARO<<<<<<<<<<<<<<<<<<<<<<<<<<<",
                          "TK12345671JPN8001014M3001019<<<<<<<<<<<<<<<0", NULL };
  const char *wrong[] = { "P<JPNYAMADA", NULL };
  g_autofree char *ja = NULL;
  g_autofree char *zh = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_mrz (env_ja, FALSE, lines, &ja, NULL), ==, 0);
  g_assert_nonnull (strstr (ja, "JPN (日本)"));
  g_assert_nonnull (strstr (ja, "チェックディジット"));
  g_assert_null (strstr (ja, "Check digits"));

  g_assert_cmpint (run_mrz (env_zh, FALSE, lines, &zh, NULL), ==, 0);
  g_assert_nonnull (strstr (zh, "JPN (日本)"));
  g_assert_nonnull (strstr (zh, "校验位"));

  g_assert_cmpint (run_mrz (env_ja, FALSE, wrong, NULL, &err), ==, 1);
  g_assert_null (strstr (err, "An MRZ"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/mrz/specimens", test_cli_mrz_specimens);
  g_test_add_func ("/cli/mrz/stdin", test_cli_mrz_stdin);
  g_test_add_func ("/cli/mrz/wrong-check-digit", test_cli_mrz_wrong_check_digit);
  g_test_add_func ("/cli/mrz/garbage", test_cli_mrz_garbage);
  g_test_add_func ("/cli/mrz/translated", test_cli_mrz_translated);

  return g_test_run ();
}
