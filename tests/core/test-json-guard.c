/* test-json-guard.c — what every JSON reader refuses before json-glib
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "ed-error.h"
#include "ed-json-guard.h"

typedef struct
{
  const char *json;
  const char *place;    /* NULL: the whole file */
  const char *message;  /* a part of it */
} Refusal;

static void
assert_refused (const char *json,
                gssize      length,
                const char *place,
                const char *message)
{
  g_autofree char *found_place = NULL;
  g_autofree char *found = NULL;
  gsize size = length < 0 ? strlen (json) : (gsize) length;

  if (ed_json_guard_check (json, size, 0, &found_place, &found))
    g_error ("accepted: %s", json);
  if (g_strcmp0 (found_place, place) != 0 || strstr (found, message) == NULL)
    g_error ("%s\n  refused at %s: %s\n  expected at %s: …%s…", json,
             found_place, found, place, message);
}

static void
assert_accepted (const char *json)
{
  g_autofree char *place = NULL;
  g_autofree char *message = NULL;

  if (!ed_json_guard_check (json, strlen (json), 0, &place, &message))
    g_error ("refused: %s\n  at %s: %s", json, place, message);
}

static void
test_json_guard_accepts (void)
{
  assert_accepted ("{}");
  assert_accepted ("[]");
  assert_accepted ("\xef\xbb\xbf{\"a\": 1}");
  assert_accepted ("  {\"a\": [1, -2.5e+3, 0, true, false, null,\n"
                   "  \"x\\n\\u00e9\\ud83d\\ude00\"]}\n");
  assert_accepted ("{\"a\": {\"a\": 1}, \"b\": [{\"a\": 1}, {\"a\": 2}]}");
  assert_accepted ("{\"surname\": \"王\", \"given_names\": \"\\\"Li\\\"\"}");
  assert_accepted ("-9223372036854775808");
  assert_accepted ("\"text\"");
}

/* The file json-glib crashed on: nesting tens of thousands deep. */
static void
test_json_guard_depth (void)
{
  GString *deep = g_string_new ("{\"a\":\n");

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  assert_refused (deep->str, -1, "line 2, column 64", "nested more than 64 deep");
  g_string_free (deep, TRUE);

  /* As deep as allowed is fine. */
  deep = g_string_new (NULL);
  for (guint i = 0; i < ED_JSON_MAX_DEPTH; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < ED_JSON_MAX_DEPTH; i++)
    g_string_append_c (deep, ']');
  assert_accepted (deep->str);
  g_string_free (deep, TRUE);
}

static void
test_json_guard_size (void)
{
  g_autofree char *message = NULL;
  g_autofree char *place = NULL;

  g_assert_false (ed_json_guard_check ("[1, 2, 3]", 9, 8, &place, &message));
  g_assert_null (place);
  g_assert_nonnull (strstr (message, "larger than 8 bytes"));
  g_assert_true (ed_json_guard_check ("[1, 2, 3]", 9, 9, NULL, NULL));
}

/* json-glib keeps the last of two equal keys without a word. */
static void
test_json_guard_duplicate_key (void)
{
  assert_refused ("{\"a\": 1,\n \"a\": 2}", -1, "a", "given twice, on lines 1 and 2");
  assert_refused ("{\"a\": 1, \"a\": 2}", -1, "a", "given twice on line 1");
  /* Compared as the text they stand for, escapes undone. */
  assert_refused ("{\"steps\": [{\"id\": 1}, {\"id\": 2,\n\n\"\\u0069d\": 3}]}", -1,
                  "steps[1].id", "on lines 1 and 3");
  assert_refused ("{\"a\": {\"b c\": 1, \"b c\": 1}}", -1, "a[\"b c\"]", "given twice");
  /* The same key in two objects is no duplicate. */
  assert_accepted ("[{\"a\": 1}, {\"a\": 1}]");
}

/* json-glib reads the first document and ignores what follows. */
static void
test_json_guard_second_document (void)
{
  assert_refused ("{\"a\": 1}\n{\"a\": 2}", -1, "line 2, column 1", "a second JSON document");
  assert_refused ("[1] 2", -1, "line 1, column 5", "a second JSON document");
  assert_refused ("{\"a\": 1} true", -1, "line 1, column 10", "a second JSON document");
  assert_refused ("{\"a\": 1} x", -1, "line 1, column 10", "“x” after the end");
  assert_refused ("{\"a\": 1} // note", -1, "line 1, column 10", "after the end");
}

/* The line is where the file stops, not the line after it. */
static void
test_json_guard_truncated (void)
{
  assert_refused ("{\n\"a\": [1,\n2,\n", -1, "line 3, column 3",
                  "ends before the list opened on line 2, column 6 is closed");
  assert_refused ("{\n  \"a\": 1,\n  \"b\"", -1, "line 3, column 6",
                  "ends before the object opened on line 1, column 1");
  assert_refused ("{\"a\": \"never closed", -1, "line 1, column 7", "never ends");
  assert_refused ("{\"a\":", -1, "line 1, column 6", "ends before the object");
}

static void
test_json_guard_empty (void)
{
  assert_refused ("", -1, NULL, "the file is empty");
  assert_refused (" \n\t\r\n", -1, NULL, "the file is empty");
  assert_refused ("\xef\xbb\xbf", -1, NULL, "the file is empty");
}

/* What json-glib forgives, strict JSON does not. */
static void
test_json_guard_syntax (void)
{
  const Refusal refusals[] = {
    { "[1, 2,]", "line 1, column 7", "a “,” before “]”" },
    { "{\"a\": 1,}", "line 1, column 9", "a “,” before “}”" },
    { "/* c */ {}", "line 1, column 1", "“/” is not a value" },
    { "{'a': 1}", "line 1, column 2", "“'” is not a key" },
    { "{a: 1}", "line 1, column 2", "“a” is not a key" },
    { "[0x10]", "line 1, column 2", "“0x10” is not a number" },
    { "[01]", "line 1, column 2", "“01” is not a number" },
    { "[1.]", "line 1, column 2", "“1.” is not a number" },
    { "[+1]", "line 1, column 2", "“+1” is not a value" },
    { "[NaN]", "line 1, column 2", "“NaN” is not a value" },
    { "[TRUE]", "line 1, column 2", "“TRUE” is not a value" },
    { "[99999999999999999999]", "line 1, column 2", "too large" },
    { "[1e999]", "line 1, column 2", "too large" },
    { "{\"a\" 1}", "line 1, column 6", "where a “:” should follow" },
    { "{\"a\": 1 \"b\": 2}", "line 1, column 9", "where a “,” or a “}” should be" },
    { "[1 2]", "line 1, column 4", "where a “,” or a “]” should be" },
    { "[\"a\tb\"]", "line 1, column 4", "control character" },
    { "[\"a\nb\"]", "line 1, column 4", "control character" },
    { "[\"\\x41\"]", "line 1, column 3", "“\\x” is not an escape" },
    { "[\"\\u12\"]", "line 1, column 3", "four hexadecimal digits" },
    { "[\"x\\u0000y\"]", "line 1, column 4", "U+0000" },
    { "[\"\\ud800\"]", "line 1, column 3", "first half" },
    { "[\"\\ud800\\u0041\"]", "line 1, column 3", "first half" },
    { "[\"\\udc00\"]", "line 1, column 3", "second half" },
    { "[\x01]", "line 1, column 2", "“U+0001” is not a value" },
    { "\n\n  [é]", "line 3, column 4", "“é” is not a value" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    assert_refused (refusals[i].json, -1, refusals[i].place, refusals[i].message);
}

static void
test_json_guard_encoding (void)
{
  assert_refused ("{\n\"a\": \"caf\xe9\"}", -1, "line 2, column 10", "not UTF-8 text");
  assert_refused ("{\"a\":\n 1}\0{}", 11, "line 2, column 4", "a NUL byte");
}

static void
test_json_guard_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  node = ed_json_guard_parse ("{\"a\": [1]}", 10, 0, "x.json", &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  g_clear_pointer (&node, json_node_unref);

  node = ed_json_guard_parse ("{\"a\": 1, \"a\": 2}", 16, 0, "x.json", &error);
  g_assert_null (node);
  g_assert_error (error, ED_ERROR, ED_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "x.json: a: this key is given twice on line 1: "
                                       "keep only one of them");
  g_clear_error (&error);

  node = ed_json_guard_parse ("", 0, 0, "x.json", &error);
  g_assert_error (error, ED_ERROR, ED_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "x.json: the file is empty"));
}

/* A file larger than the maximum is not read into memory at all; an
 * endless one neither. */
static void
test_json_guard_load (void)
{
  g_autofree char *dir = g_dir_make_tmp ("entry-desk-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/x.json");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_strnfill (100000, ' ');

  g_assert_true (g_file_set_contents (path, big, -1, NULL));
  bytes = ed_json_guard_load (file, 100000, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 100000);
  g_clear_pointer (&bytes, g_bytes_unref);

  bytes = ed_json_guard_load (file, 99999, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, ED_ERROR, ED_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, "larger than"));
  g_clear_error (&error);

  if (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      bytes = ed_json_guard_load (zero, 1000, NULL, &error);
      g_assert_error (error, ED_ERROR, ED_ERROR_PARSE);
      g_clear_error (&error);
    }

  bytes = ed_json_guard_load (missing, 0, NULL, &error);
  g_assert_error (error, ED_ERROR, ED_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/x.json: could not read"));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_json_guard_path (void)
{
  g_autoptr(GString) path = g_string_new (NULL);

  ed_json_guard_append_key (path, "steps");
  g_string_append (path, "[3]");
  ed_json_guard_append_key (path, "links");
  ed_json_guard_append_key (path, "a b\n\x1b[2J");
  g_assert_cmpstr (path->str, ==, "steps[3].links[\"a b\\n\\033[2J\"]");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-guard/accepts", test_json_guard_accepts);
  g_test_add_func ("/json-guard/depth", test_json_guard_depth);
  g_test_add_func ("/json-guard/size", test_json_guard_size);
  g_test_add_func ("/json-guard/duplicate-key", test_json_guard_duplicate_key);
  g_test_add_func ("/json-guard/second-document", test_json_guard_second_document);
  g_test_add_func ("/json-guard/truncated", test_json_guard_truncated);
  g_test_add_func ("/json-guard/empty", test_json_guard_empty);
  g_test_add_func ("/json-guard/syntax", test_json_guard_syntax);
  g_test_add_func ("/json-guard/encoding", test_json_guard_encoding);
  g_test_add_func ("/json-guard/parse", test_json_guard_parse);
  g_test_add_func ("/json-guard/load", test_json_guard_load);
  g_test_add_func ("/json-guard/path", test_json_guard_path);

  return g_test_run ();
}
