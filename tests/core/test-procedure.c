/* test-procedure.c — reading and checking one procedure file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ed-core.h"
#include "ed-test-util.h"

static EdProcedure *
load_fixture (const char *name)
{
  g_autofree char *path = ed_test_data_path ("catalog", name, NULL);
  g_autoptr(GError) error = NULL;
  EdProcedure *procedure = ed_procedure_new_from_file (path, ED_ORIGIN_OTHER, &error);

  g_assert_no_error (error);
  g_assert_nonnull (procedure);
  return procedure;
}

static void
test_procedure_valid (void)
{
  g_autoptr(EdProcedure) procedure = load_fixture ("xx-valid.json");
  const EdStep *step;
  const EdAlternative *alternative;
  const EdLink *link;
  const EdField *field;
  const EdContact *contact;
  const EdChoice *choice;

  g_assert_cmpstr (ed_procedure_get_id (procedure), ==, "xx-valid");
  g_assert_cmpint (ed_procedure_get_version (procedure), ==, 1);
  g_assert_cmpstr (ed_procedure_get_updated (procedure), ==, "2026-11-21");
  g_assert_cmpstr (ed_procedure_get_country (procedure), ==, "JP");
  g_assert_null (ed_procedure_get_subdivision (procedure));
  g_assert_cmpstr (ed_text_get (ed_procedure_get_title (procedure), ED_LANGUAGE_JA), ==, "テストの手続き");
  g_assert_null (ed_procedure_get_intro (procedure));
  g_assert_cmpint (ed_procedure_get_status (procedure), ==, ED_STATUS_CURRENT);
  g_assert_cmpstr (ed_procedure_get_valid_from (procedure), ==, "2024-12-02");
  g_assert_null (ed_procedure_get_valid_until (procedure));
  g_assert_true (ed_procedure_requires_language (procedure, ED_LANGUAGE_ZH_CN));
  g_assert_false (ed_procedure_requires_language (procedure, ED_LANGUAGE_ZH_TW));
  g_assert_true (g_str_has_suffix (ed_procedure_get_path (procedure), "xx-valid.json"));
  g_assert_cmpint (ed_procedure_get_origin (procedure), ==, ED_ORIGIN_OTHER);

  /* Absent lists are empty, never NULL. */
  g_assert_cmpuint (ed_procedure_get_rules (procedure)->len, ==, 0);
  g_assert_cmpuint (ed_procedure_get_notes (procedure)->len, ==, 0);
  g_assert_cmpuint (ed_procedure_get_steps (procedure)->len, ==, 2);

  step = ed_procedure_find_step (procedure, "register");
  g_assert_nonnull (step);
  g_assert_cmpstr (step->phase, ==, "before-entry");
  g_assert_cmpstr (step->page, ==, "P.4");
  g_assert_cmpuint (step->alternatives->len, ==, 0);
  g_assert_cmpuint (step->field_ids->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (step->field_ids, 0), ==, "passport");
  link = g_ptr_array_index (step->links, 0);
  g_assert_cmpstr (link->url, ==, "https://example.org/");
  g_assert_cmpstr (link->text, ==, "example.org");
  g_assert_true (link->qr);
  g_assert_false (link->official_only);
  link = g_ptr_array_index (step->links, 1);
  g_assert_false (link->qr);
  g_assert_null (link->text);

  step = ed_procedure_find_step (procedure, "report");
  alternative = g_ptr_array_index (step->alternatives, 0);
  g_assert_cmpuint (alternative->original_codes->len, ==, 1);
  g_assert_cmpstr (((EdOriginalCode *) g_ptr_array_index (alternative->original_codes, 0))->id,
                   ==, "app-code");
  g_assert_cmpstr (((EdChecklistItem *) g_ptr_array_index (step->checklist, 0))->page,
                   ==, "P.5～10");
  g_assert_null (ed_procedure_find_step (procedure, "nope"));
  g_assert_nonnull (ed_procedure_find_phase (procedure, "after-entry"));

  field = ed_procedure_find_field (procedure, "passport");
  g_assert_cmpint (field->kind, ==, ED_FIELD_PASSPORT_NUMBER);
  g_assert_cmpstr (field->traveller_key, ==, "passport_number");
  g_assert_true (field->required);
  g_assert_cmpint (field->repeat, ==, 2);
  g_assert_cmpstr (field->official_label, ==, "護照號碼");
  g_assert_cmpint (field->official_lang, ==, ED_LANGUAGE_ZH_TW);
  g_assert_cmpint (field->rule.type, ==, ED_FIELD_RULE_PASSPORT_NUMBER);
  g_assert_cmpint (field->rule.max_length, ==, 9);
  g_assert_cmpint (field->rule.min_length, ==, -1);

  /* yes-no fields may carry the official words for yes and no. */
  field = ed_procedure_find_field (procedure, "sick");
  g_assert_cmpint (field->kind, ==, ED_FIELD_YES_NO);
  choice = g_ptr_array_index (field->choices, 1);
  g_assert_cmpstr (choice->value, ==, "no");
  g_assert_cmpstr (choice->official_label, ==, "否");

  /* A pattern rule is compiled once, and anchored at both ends. */
  field = ed_procedure_find_field (procedure, "code");
  g_assert_cmpint (field->rule.type, ==, ED_FIELD_RULE_PATTERN);
  g_assert_true (g_regex_match (field->rule.regex, "AB123", 0, NULL));
  g_assert_false (g_regex_match (field->rule.regex, "AB123x", 0, NULL));
  g_assert_false (g_regex_match (field->rule.regex, "xAB123", 0, NULL));
  g_assert_cmpuint (field->choices->len, ==, 0);

  contact = g_ptr_array_index (ed_procedure_get_contacts (procedure), 0);
  g_assert_cmpstr (contact->phone, ==, "03-6757-1038");
  g_assert_cmpstr (contact->text, ==, "example.org");
  g_assert_cmpuint (contact->hours->len, ==, 1);
  g_assert_cmpstr (((EdSource *) g_ptr_array_index (ed_procedure_get_sources (procedure), 0))->date,
                   ==, "2024-02-29");
}

typedef struct
{
  const char *file;
  EdError     code;
  const char *place;    /* as the message names it */
  const char *what;     /* part of what it says is wrong */
} Malformed;

static const Malformed malformed[] = {
  { "xx-bad-json.json", ED_ERROR_PARSE, "line 4, column 16", "not valid JSON" },
  { "xx-missing-field.json", ED_ERROR_INVALID, "summary", "required, but missing" },
  { "xx-wrong-type.json", ED_ERROR_INVALID, "version", "must be a whole number, not a string" },
  { "xx-unknown-language.json", ED_ERROR_INVALID, "steps[1].title.fr", "“fr” is not a language" },
  { "xx-missing-language.json", ED_ERROR_INVALID, "fields[0].label",
    "the text in “ja” is missing" },
  { "xx-duplicate-id.json", ED_ERROR_INVALID, "steps[1].id",
    "“register” is already used by steps[0]" },
  { "xx-bad-date.json", ED_ERROR_INVALID, "updated", "“2023-02-30” is not a date that exists" },
  { "xx-dangling-field.json", ED_ERROR_INVALID, "steps[1].fields[1]",
    "“no-such-field” is not the id of a field" },
  { "xx-dangling-phase.json", ED_ERROR_INVALID, "steps[1].phase",
    "“at-airport” is not the id of a phase" },
  { "xx-newer-schema.json", ED_ERROR_UNSUPPORTED, "schema", "made for a newer Entry Desk" },
  { "xx-unknown-key.json", ED_ERROR_INVALID, "valid_untill", "unknown key" },
  { "xx-bad-link.json", ED_ERROR_INVALID, "steps[0].links[1].url",
    "not an https:, tel: or mailto: address" },
  { "xx-archived-no-end.json", ED_ERROR_INVALID, "valid_until",
    "required when “status” is “archived”" },
  { "xx-bad-pattern.json", ED_ERROR_INVALID, "fields[3].rule.pattern",
    "not a valid regular expression" },
  { "xx-bad-period-event.json", ED_ERROR_INVALID, "periods[0].event", "not of kind “date”" },
  { "xx-choice-without-choices.json", ED_ERROR_INVALID, "fields[3].choices",
    "required when “kind” is “choice”" },
  { "xx-id-mismatch.json", ED_ERROR_INVALID, "id", "differs from the file name" },
};

static void
test_procedure_malformed (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *path = ed_test_data_path ("catalog", "bad", malformed[i].file, NULL);
      g_autofree char *expected = g_strdup_printf ("%s: %s: ", path, malformed[i].place);
      g_autoptr(GError) error = NULL;
      g_autoptr(EdProcedure) procedure = NULL;

      procedure = ed_procedure_new_from_file (path, ED_ORIGIN_OTHER, &error);
      g_test_message ("%s → %s", malformed[i].file, error != NULL ? error->message : "(no error)");
      g_assert_null (procedure);
      g_assert_error (error, ED_ERROR, (int) malformed[i].code);
      /* The first line says where, then what. */
      g_assert_true (g_str_has_prefix (error->message, expected));
      g_assert_nonnull (strstr (error->message, malformed[i].what));
    }
}

/* All of a file's problems are reported at once, one a line. */
static void
test_procedure_every_problem (void)
{
  const char *json =
    "{ \"schema\": 1, \"id\": \"xx-many\", \"version\": 0, \"updated\": \"2026-13-01\",\n"
    "  \"region\": { \"country\": \"jp\", \"name\": { \"en\": \"Japan\" } },\n"
    "  \"title\": \"Title\", \"summary\": { \"en\": \"\", \"ja\": \"例\", \"zh_CN\": \"例\" },\n"
    "  \"status\": \"gone\", \"sources\": [],\n"
    "  \"steps\": [ { \"id\": \"Bad Id\", \"title\": { \"en\": \"a\", \"ja\": \"a\", "
    "\"zh_CN\": \"a\" },\n"
    "               \"body\": { \"en\": \"a\", \"ja\": \"a\", \"zh_CN\": \"a\" },\n"
    "               \"links\": [ { \"id\": \"x\", \"url\": \"https:///nohost\", "
    "\"title\": 3 } ] } ] }";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(EdProcedure) procedure = NULL;
  const char *expected[] = {
    "xx-many.json: version: must be 1 or more",
    "xx-many.json: updated: “2026-13-01” is not a date that exists",
    "xx-many.json: region.country: “jp” is not a country code",
    "xx-many.json: region.name: the text in “ja” is missing",
    "xx-many.json: region.name: the text in “zh_CN” is missing",
    "xx-many.json: title: must be a text in several languages",
    "xx-many.json: summary.en: must not be empty",
    "xx-many.json: status: “gone” is not allowed here: use one of “current”, “archived”",
    "xx-many.json: sources: must have at least one item",
    "xx-many.json: steps[0].id: “Bad Id” is not a valid id",
    "xx-many.json: steps[0].links[0].url: “https:///nohost” is not a well-formed web address",
    "xx-many.json: steps[0].links[0].title: must be a text in several languages",
  };
  g_auto(GStrv) lines = NULL;

  procedure = ed_procedure_new_from_bytes (bytes, "xx-many.json", ED_ORIGIN_OTHER, &error);
  g_assert_null (procedure);
  g_assert_error (error, ED_ERROR, ED_ERROR_INVALID);

  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (g_str_has_prefix (lines[i], expected[i]));
}

static void
test_procedure_empty_and_not_object (void)
{
  const char *documents[] = { "", "[1, 2]", "\"text\"", "{\"schema\": 1,} " };
  const char *what[] = { "the file is empty", "must hold one JSON object",
                         "must hold one JSON object",
                         "line 1, column 14: the file is not valid JSON" };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (documents[i], strlen (documents[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(EdProcedure) procedure = ed_procedure_new_from_bytes (bytes, "x.json",
                                                                      ED_ORIGIN_OTHER, &error);

      g_assert_null (procedure);
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "x.json: "));
      g_assert_nonnull (strstr (error->message, what[i]));
    }
}

static void
test_procedure_unreadable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdProcedure) procedure = ed_procedure_new_from_file ("/nonexistent/xx.json",
                                                                 ED_ORIGIN_USER, &error);

  g_assert_null (procedure);
  g_assert_error (error, ED_ERROR, ED_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/xx.json: "));
}

/* xx-valid.json with another status and dates */
static EdProcedure *
procedure_with_status (const char *status,
                       const char *from,
                       const char *until,
                       const char *superseded_by)
{
  g_autofree char *fixture = ed_test_data_path ("catalog", "xx-valid.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  EdProcedure *procedure;
  JsonObject *top;
  char *json;

  json_parser_load_from_file (parser, fixture, &error);
  g_assert_no_error (error);
  top = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (top, "status", status);
  if (from != NULL)
    json_object_set_string_member (top, "valid_from", from);
  else
    json_object_set_null_member (top, "valid_from");
  if (until != NULL)
    json_object_set_string_member (top, "valid_until", until);
  if (superseded_by != NULL)
    json_object_set_string_member (top, "superseded_by", superseded_by);
  if (g_str_equal (status, "archived"))
    {
      JsonObject *note = json_object_new ();

      json_object_set_string_member (note, "en", "It ended.");
      json_object_set_string_member (note, "ja", "終わりました。");
      json_object_set_string_member (note, "zh_CN", "已结束。");
      json_object_set_object_member (top, "status_note", note);
    }

  json = json_to_string (json_parser_get_root (parser), FALSE);
  bytes = g_bytes_new_take (json, strlen (json));
  procedure = ed_procedure_new_from_bytes (bytes, "xx-valid.json", ED_ORIGIN_OTHER, &error);
  g_assert_no_error (error);
  return procedure;
}

static void
assert_status (EdProcedure *procedure,
               EdLanguage   language,
               gboolean     with_note,
               const char  *expected)
{
  g_autofree char *line = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 21, 11, 2026);
  line = ed_procedure_describe_status_on (procedure, language, &today, with_note);
  g_assert_cmpstr (line, ==, expected);
}

static void
test_procedure_status (void)
{
  g_autoptr(EdProcedure) archived = procedure_with_status ("archived", NULL, "2023-01-07", NULL);
  g_autoptr(EdProcedure) replaced = procedure_with_status ("archived", NULL, "2023-01-07",
                                                           "xx-new");
  g_autoptr(EdProcedure) since = procedure_with_status ("current", "2024-12-02", NULL, NULL);
  g_autoptr(EdProcedure) future = procedure_with_status ("current", "2027-04-01", NULL, NULL);
  g_autoptr(EdProcedure) plain = procedure_with_status ("current", NULL, NULL, NULL);
  g_autoptr(EdProcedure) lapsed = procedure_with_status ("current", "2020-01-01",
                                                         "2025-07-31", NULL);
  GDate day;

  assert_status (archived, ED_LANGUAGE_EN, TRUE, "Ended, last day 2023-01-07 — It ended.");
  assert_status (archived, ED_LANGUAGE_EN, FALSE, "Ended, last day 2023-01-07");
  assert_status (replaced, ED_LANGUAGE_EN, TRUE,
                 "Ended, last day 2023-01-07 — Replaced by xx-new — It ended.");
  assert_status (since, ED_LANGUAGE_EN, TRUE, "In force since 2024-12-02");
  assert_status (future, ED_LANGUAGE_EN, TRUE, "In force from 2027-04-01");
  assert_status (plain, ED_LANGUAGE_EN, TRUE, "Current");
  /* The dates win over a status nobody updated. */
  assert_status (lapsed, ED_LANGUAGE_EN, TRUE, "Ended, last day 2025-07-31");

  /* In the language asked for, whatever the UI language (C here). */
  assert_status (archived, ED_LANGUAGE_JA, TRUE, "終了（最終日 2023-01-07） — 終わりました。");
  assert_status (since, ED_LANGUAGE_JA, FALSE, "2024-12-02から施行中");
  assert_status (plain, ED_LANGUAGE_ZH_CN, FALSE, "现行");
  assert_status (archived, ED_LANGUAGE_ZH_CN, FALSE, "已结束（最后一天为 2023-01-07）");

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 31, 7, 2025);
  g_assert_false (ed_procedure_has_ended (lapsed, &day));
  g_date_add_days (&day, 1);
  g_assert_true (ed_procedure_has_ended (lapsed, &day));
  g_assert_true (ed_procedure_has_ended (archived, &day));
  g_assert_false (ed_procedure_has_ended (plain, &day));
}

static void
test_procedure_matches (void)
{
  g_autoptr(EdProcedure) procedure = load_fixture ("xx-valid.json");
  const char *hits[] = { "test procedure", "TEST", "テスト", "测试", "japan", "日本", "xx-valid",
                         "tests.", "",
                         /* As the case search folds: Han variants, kana, width. */
                         "測試", "てすと", "ＴＥＳＴ" };
  const char *misses[] = { "shanghai", "register", "xx-other" };

  for (guint i = 0; i < G_N_ELEMENTS (hits); i++)
    {
      g_autofree char *needle = g_utf8_casefold (hits[i], -1);

      g_assert_true (ed_procedure_matches (procedure, needle));
    }
  for (guint i = 0; i < G_N_ELEMENTS (misses); i++)
    {
      g_autofree char *needle = g_utf8_casefold (misses[i], -1);

      g_assert_false (ed_procedure_matches (procedure, needle));
    }
}

static char *
to_string (JsonNode *node)
{
  return json_to_string (node, TRUE);
}

/* The JSON form reads back as the same procedure. */
static void
assert_round_trip (EdProcedure *procedure)
{
  g_autoptr(JsonNode) node = ed_procedure_to_json (procedure);
  g_autofree char *json = to_string (node);
  g_autofree char *name = g_strconcat (ed_procedure_get_id (procedure), ".json", NULL);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(EdProcedure) again = ed_procedure_new_from_bytes (bytes, name, ED_ORIGIN_OTHER, &error);
  g_autoptr(JsonNode) node_again = NULL;
  g_autofree char *json_again = NULL;

  g_assert_no_error (error);
  node_again = ed_procedure_to_json (again);
  json_again = to_string (node_again);
  g_assert_cmpstr (json, ==, json_again);
}

static void
test_procedure_json (void)
{
  g_autoptr(EdProcedure) procedure = load_fixture ("xx-valid.json");
  g_autoptr(JsonNode) all = ed_procedure_to_json (procedure);
  g_autoptr(JsonNode) ja = ed_procedure_to_json_in (procedure, ED_LANGUAGE_JA);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *fixture = ed_test_data_path ("catalog", "xx-valid.json", NULL);
  JsonObject *object;

  assert_round_trip (procedure);

  /* Nothing of the file is lost on the way. */
  g_assert_true (json_parser_load_from_file (parser, fixture, NULL));
  g_assert_true (json_node_equal (all, json_parser_get_root (parser)));

  object = json_node_get_object (ja);
  g_assert_cmpstr (json_object_get_string_member (object, "language"), ==, "ja");
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "テストの手続き");
  g_assert_nonnull (json_object_get_string_member (object, "status_text"));
  object = json_array_get_object_element (json_object_get_array_member (object, "steps"), 0);
  g_assert_cmpstr (json_object_get_string_member (object, "body"), ==, "ページを開いて登録する。");
}

/* The example of the format reference is a valid file. */
static void
test_procedure_readme_example (void)
{
  g_autofree char *readme = g_build_filename (g_getenv ("ENTRY_DESK_DATADIR"), "procedures",
                                              "README.md", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdProcedure) procedure = NULL;
  const char *start, *end;

  g_assert_true (g_file_get_contents (readme, &contents, NULL, NULL));
  start = strstr (contents, "## Example");
  g_assert_nonnull (start);
  start = strstr (start, "```json\n");
  g_assert_nonnull (start);
  start += strlen ("```json\n");
  end = strstr (start, "```");
  g_assert_nonnull (end);

  bytes = g_bytes_new (start, end - start);
  procedure = ed_procedure_new_from_bytes (bytes, "xx-example.json", ED_ORIGIN_OTHER, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_procedure_get_id (procedure), ==, "xx-example");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/procedure/valid", test_procedure_valid);
  g_test_add_func ("/procedure/malformed", test_procedure_malformed);
  g_test_add_func ("/procedure/every-problem", test_procedure_every_problem);
  g_test_add_func ("/procedure/empty-and-not-object", test_procedure_empty_and_not_object);
  g_test_add_func ("/procedure/unreadable", test_procedure_unreadable);
  g_test_add_func ("/procedure/status", test_procedure_status);
  g_test_add_func ("/procedure/matches", test_procedure_matches);
  g_test_add_func ("/procedure/json", test_procedure_json);
  g_test_add_func ("/procedure/readme-example", test_procedure_readme_example);

  return g_test_run ();
}
