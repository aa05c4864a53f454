/* test-cli-catalog.c — entry-desk-cli list, show and check-catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "ed-core.h"
#include "ed-test-util.h"

static const char * const shipped_ids[] = {
  "cn-accommodation-registration",
  "cn-arrival-card",
  "cn-beijing-health-code",
  "cn-dalian-health-code",
  "cn-guangzhou-health-code",
  "cn-jiangsu-health-code",
  "cn-shanghai-health-code",
  "cn-shenzhen-health-code",
  "cn-visa-free-entry",
  "cn-work-residence-permit",
  "cn-zhejiang-health-code",
  "jp-employer-foreign-hire",
  "jp-entry-waiting-mysos",
  "jp-my-her-sys",
  "jp-mynumber-card-validity",
  "jp-mynumber-insurance-card",
  "jp-national-health-insurance",
  "jp-national-pension",
  "jp-residence-registration",
  "jp-residence-status-online",
  "jp-visit-japan-web",
};

/* The CLI runs with an empty data home of its own, so that nothing of
 * the user's changes what it lists. */
typedef struct
{
  char *home;
  char *env_home;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->home = ed_test_make_tmpdir ();
  f->env_home = g_strconcat ("XDG_DATA_HOME=", f->home, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ed_test_rm_rf (f->home);
  g_free (f->home);
  g_free (f->env_home);
}

static EdCatalog *
load_catalog (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("ENTRY_DESK_DATADIR"), "procedures", NULL);
  EdCatalog *catalog = ed_catalog_new ();

  ed_catalog_load_directory (catalog, dir, ED_ORIGIN_SYSTEM);
  g_assert_cmpuint (ed_catalog_get_errors (catalog)->len, ==, 0);
  return catalog;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_list_japanese (Fixture       *f,
                    gconstpointer  data)
{
  const char *env[] = { f->env_home, NULL };
  const char *args[] = { "list", "--lang", "ja", NULL };
  g_autoptr(EdCatalog) catalog = load_catalog ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  guint title_column = 0;

  g_assert_cmpint (ed_test_run_cli (env, args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (shipped_ids) + 1);

  for (guint i = 0; i < G_N_ELEMENTS (shipped_ids); i++)
    {
      EdProcedure *procedure = ed_catalog_lookup (catalog, shipped_ids[i]);
      g_autofree char *status = ed_procedure_describe_status_brief (procedure, ED_LANGUAGE_JA);
      g_autofree char *status_en = ed_procedure_describe_status_brief (procedure, ED_LANGUAGE_EN);
      const char *line = NULL;

      for (guint j = 0; lines[j] != NULL && line == NULL; j++)
        if (g_str_has_prefix (lines[j], shipped_ids[i]))
          line = lines[j];

      g_assert_nonnull (line);
      g_assert_nonnull (strstr (line,
                                ed_text_get (ed_procedure_get_title (procedure), ED_LANGUAGE_JA)));
      g_assert_nonnull (strstr (line, ed_text_get (ed_procedure_get_region_name (procedure),
                                                   ED_LANGUAGE_JA)));
      /* The status is said in Japanese, though the UI is English. */
      g_assert_cmpstr (status, !=, status_en);
      g_assert_nonnull (strstr (line, status));
    }

  /* Columns line up: every title starts at the same display column. */
  for (guint i = 0; i < G_N_ELEMENTS (shipped_ids); i++)
    {
      EdProcedure *procedure = ed_catalog_lookup (catalog, shipped_ids[i]);
      const char *title = ed_text_get (ed_procedure_get_title (procedure), ED_LANGUAGE_JA);
      guint width = 0;

      for (guint j = 0; lines[j] != NULL; j++)
        {
          const char *start = strstr (lines[j], title);

          if (!g_str_has_prefix (lines[j], shipped_ids[i]) || start == NULL)
            continue;
          for (const char *p = lines[j]; p < start; p = g_utf8_next_char (p))
            width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
        }
      g_assert_cmpuint (width, >, 0);
      if (i > 0)
        g_assert_cmpuint (width, ==, title_column);
      title_column = width;
    }
}

static void
test_list_json (Fixture       *f,
                gconstpointer  data)
{
  const char *env[] = { f->env_home, NULL };
  const char *args[] = { "list", "--json", "--lang", "zh_CN", NULL };
  g_autoptr(EdCatalog) catalog = load_catalog ();
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;

  g_assert_cmpint (ed_test_run_cli (env, args, &out, NULL), ==, 0);
  root = parse_json (out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, G_N_ELEMENTS (shipped_ids));

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);
      const char *id = json_object_get_string_member (item, "id");
      EdProcedure *procedure = ed_catalog_lookup (catalog, id);
      const char *status = json_object_get_string_member (item, "status");

      g_assert_nonnull (procedure);
      g_assert_cmpstr (json_object_get_string_member (item, "title"), ==,
                       ed_text_get (ed_procedure_get_title (procedure), ED_LANGUAGE_ZH_CN));
      g_assert_cmpstr (json_object_get_string_member (item, "region"), ==,
                       ed_text_get (ed_procedure_get_region_name (procedure), ED_LANGUAGE_ZH_CN));
      g_assert_true (g_str_equal (status, "current") || g_str_equal (status, "archived"));
      g_assert_cmpint (json_object_get_int_member (item, "version"),
                       ==, ed_procedure_get_version (procedure));
      g_assert_true (json_object_has_member (item, "valid_until"));
      g_assert_nonnull (json_object_get_string_member (item, "status_text"));
    }
}

/* No procedure at all is an empty list, not an error. */
static void
test_list_empty (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *env_data = g_strconcat ("ENTRY_DESK_DATADIR=", f->home, NULL);
  const char *env[] = { f->env_home, env_data, NULL };
  const char *args[] = { "list", NULL };
  const char *args_json[] = { "list", "--json", NULL };
  g_autofree char *out = NULL;
  g_autofree char *out_json = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_assert_cmpint (ed_test_run_cli (env, args, &out, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpint (ed_test_run_cli (env, args_json, &out_json, NULL), ==, 0);
  root = parse_json (out_json);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 0);
}

/* A broken file of the user's is reported and skipped; the rest lists. */
static void
test_list_bad_user_file (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (f->home, "entry-desk", "procedures", NULL);
  g_autofree char *bad = g_build_filename (dir, "xx-broken.json", NULL);
  const char *env[] = { f->env_home, NULL };
  const char *args[] = { "list", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (bad, "{ \"schema\": 1, \"id\": \"xx-broken\" }", -1, NULL));

  g_assert_cmpint (ed_test_run_cli (env, args, &out, &err), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (shipped_ids) + 1);
  g_assert_nonnull (strstr (err, bad));
  g_assert_nonnull (strstr (err, "version: required, but missing"));
}

static void
assert_contains (const char *out,
                 const char *what,
                 const char *id,
                 EdLanguage  language)
{
  if (what != NULL && strstr (out, what) == NULL)
    g_error ("show %s --lang %s lacks “%s”", id, ed_language_code (language), what);
}

static void
assert_links (const char *out,
              const char *id,
              EdLanguage  language,
              GPtrArray  *links)
{
  for (guint i = 0; i < links->len; i++)
    {
      const EdLink *link = g_ptr_array_index (links, i);

      assert_contains (out, link->url, id, language);
      assert_contains (out, ed_text_get (link->title, language), id, language);
    }
}

/* `show` prints every part: each step with its alternatives, notes,
 * links, fields and checklist, and the contacts and status. */
static void
assert_show (const char  *out,
             EdProcedure *procedure,
             EdLanguage   language)
{
  const char *id = ed_procedure_get_id (procedure);
  g_autofree char *status = ed_procedure_describe_status (procedure, language);
  GPtrArray *steps = ed_procedure_get_steps (procedure);
  GPtrArray *fields = ed_procedure_get_fields (procedure);
  GPtrArray *contacts = ed_procedure_get_contacts (procedure);

  assert_contains (out, ed_text_get (ed_procedure_get_title (procedure), language), id, language);
  assert_contains (out, status, id, language);

  for (guint i = 0; i < steps->len; i++)
    {
      const EdStep *step = g_ptr_array_index (steps, i);
      g_auto(GStrv) body_lines = g_strsplit (ed_text_get (step->body, language), "\n", -1);

      assert_contains (out, ed_text_get (step->title, language), id, language);
      for (guint j = 0; body_lines[j] != NULL; j++)
        assert_contains (out, body_lines[j], id, language);
      assert_contains (out, step->page, id, language);
      for (guint j = 0; j < step->alternatives->len; j++)
        {
          const EdAlternative *alternative = g_ptr_array_index (step->alternatives, j);

          assert_contains (out, ed_text_get (alternative->title, language), id, language);
          assert_links (out, id, language, alternative->links);
          for (guint k = 0; k < alternative->original_codes->len; k++)
            {
              const EdOriginalCode *code = g_ptr_array_index (alternative->original_codes, k);

              assert_contains (out, ed_text_get (code->title, language), id, language);
            }
        }
      assert_links (out, id, language, step->links);
      for (guint j = 0; j < step->checklist->len; j++)
        {
          const EdChecklistItem *item = g_ptr_array_index (step->checklist, j);

          assert_contains (out, ed_text_get (item->text, language), id, language);
          assert_contains (out, item->page, id, language);
        }
    }

  for (guint i = 0; i < fields->len; i++)
    {
      const EdField *field = g_ptr_array_index (fields, i);

      assert_contains (out, ed_text_get (field->label, language), id, language);
      assert_contains (out, field->official_label, id, language);
    }

  for (guint i = 0; i < contacts->len; i++)
    {
      const EdContact *contact = g_ptr_array_index (contacts, i);

      assert_contains (out, ed_text_get (contact->name, language), id, language);
      assert_contains (out, contact->phone, id, language);
      assert_contains (out, contact->email, id, language);
      assert_contains (out, contact->url, id, language);
    }
}

static void
test_show_every_procedure (Fixture       *f,
                           gconstpointer  data)
{
  const char *env[] = { f->env_home, NULL };
  g_autoptr(EdCatalog) catalog = load_catalog ();
  guint n_runs = 0;

  for (guint i = 0; i < G_N_ELEMENTS (shipped_ids); i++)
    {
      EdProcedure *procedure = ed_catalog_lookup (catalog, shipped_ids[i]);

      for (EdLanguage language = 0; language < ED_N_LANGUAGES; language++)
        {
          const char *args[] = { "show", shipped_ids[i], "--lang",
                                 ed_language_code (language), NULL };
          g_autofree char *out = NULL;
          g_autofree char *err = NULL;

          if (!ed_procedure_requires_language (procedure, language))
            continue;

          g_assert_cmpint (ed_test_run_cli (env, args, &out, &err), ==, 0);
          g_assert_cmpstr (err, ==, "");
          assert_show (out, procedure, language);
          n_runs++;
        }
    }

  /* Eight procedures are also in Traditional Chinese: My HER-SYS (its
   * seed is) and the seven of Japan in force. */
  g_assert_cmpuint (n_runs, ==, 3 * G_N_ELEMENTS (shipped_ids) + 8);
}

static void
test_show_json (Fixture       *f,
                gconstpointer  data)
{
  const char *env[] = { f->env_home, NULL };
  const char *args_all[] = { "show", "jp-entry-waiting-mysos", "--json", NULL };
  const char *args_ja[] = { "show", "jp-entry-waiting-mysos", "--json", "--lang", "ja", NULL };
  g_autoptr(EdCatalog) catalog = load_catalog ();
  EdProcedure *procedure = ed_catalog_lookup (catalog, "jp-entry-waiting-mysos");
  g_autofree char *out_all = NULL;
  g_autofree char *out_ja = NULL;
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(JsonNode) ja = NULL;
  g_autoptr(JsonNode) expected = ed_procedure_to_json (procedure);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdProcedure) again = NULL;
  JsonObject *object;

  /* Without --lang: the procedure as its file has it, and a valid file. */
  g_assert_cmpint (ed_test_run_cli (env, args_all, &out_all, NULL), ==, 0);
  all = parse_json (out_all);
  g_assert_true (json_node_equal (all, expected));
  bytes = g_bytes_new (out_all, strlen (out_all));
  again = ed_procedure_new_from_bytes (bytes, "jp-entry-waiting-mysos.json",
                                       ED_ORIGIN_OTHER, &error);
  g_assert_no_error (error);

  /* With --lang: strings in that language, and the status line. */
  g_assert_cmpint (ed_test_run_cli (env, args_ja, &out_ja, NULL), ==, 0);
  ja = parse_json (out_ja);
  object = json_node_get_object (ja);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, "jp-entry-waiting-mysos");
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==,
                   ed_text_get (ed_procedure_get_title (procedure), ED_LANGUAGE_JA));
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "archived");
  g_assert_nonnull (strstr (json_object_get_string_member (object, "status_text"),
                            ed_text_get (ed_procedure_get_status_note (procedure),
                                         ED_LANGUAGE_JA)));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "steps")), ==,
                    ed_procedure_get_steps (procedure)->len);
}

static void
test_show_errors (Fixture       *f,
                  gconstpointer  data)
{
  const char *env[] = { f->env_home, NULL };
  const char *unknown[] = { "show", "cn-atlantis-health-code", NULL };
  const char *bad_lang[] = { "show", "jp-my-her-sys", "--lang", "ko", NULL };
  const char *no_id[] = { "show", NULL };
  const char *two_ids[] = { "show", "jp-my-her-sys", "cn-beijing-health-code", NULL };
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;

  g_assert_cmpint (ed_test_run_cli (env, unknown, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "“cn-atlantis-health-code”"));
  g_assert_cmpint (ed_test_run_cli (env, bad_lang, NULL, NULL), ==, 2);
  g_assert_cmpint (ed_test_run_cli (env, no_id, NULL, NULL), ==, 2);
  g_assert_cmpint (ed_test_run_cli (env, two_ids, NULL, NULL), ==, 2);
}

static void
test_check_catalog_shipped (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (g_getenv ("ENTRY_DESK_DATADIR"), "procedures", NULL);
  const char *args[] = { "check-catalog", dir, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (ed_test_run_cli (NULL, args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "21 files checked"));
}

static void
test_check_catalog_bad (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *dir = ed_test_data_path ("catalog", "bad", NULL);
  g_autofree char *good = ed_test_data_path ("catalog", "xx-valid.json", NULL);
  g_autoptr(GPtrArray) files = ed_catalog_list_directory (dir, NULL);
  const char *args_dir[] = { "check-catalog", good, dir, NULL };
  g_autofree char *out = NULL;

  g_assert_cmpint (files->len, >=, 10);

  /* Each bad file on its own: exit 1, each problem as FILE: PLACE: WHAT. */
  for (guint i = 0; i < files->len; i++)
    {
      const char *file = g_ptr_array_index (files, i);
      const char *args[] = { "check-catalog", file, NULL };
      g_autofree char *file_out = NULL;
      g_autofree char *prefix = g_strconcat (file, ": ", NULL);
      g_auto(GStrv) lines = NULL;

      g_assert_cmpint (ed_test_run_cli (NULL, args, &file_out, NULL), ==, 1);
      lines = g_strsplit (g_strchomp (file_out), "\n", -1);
      g_assert_cmpuint (g_strv_length (lines), >=, 1);
      for (guint j = 0; lines[j] != NULL; j++)
        {
          g_assert_true (g_str_has_prefix (lines[j], prefix));
          /* a place, then what is wrong */
          g_assert_nonnull (strstr (lines[j] + strlen (prefix), ": "));
        }
    }

  /* A folder of them with a good file: every bad file is named. */
  g_assert_cmpint (ed_test_run_cli (NULL, args_dir, &out, NULL), ==, 1);
  for (guint i = 0; i < files->len; i++)
    g_assert_nonnull (strstr (out, g_ptr_array_index (files, i)));
  g_assert_null (strstr (out, good));
}

/* A firm's corrected copy of a shipped procedure is checked beside the
 * shipped one: it replaces it, which is no error. */
static void
test_check_catalog_override (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *shipped = g_build_filename (g_getenv ("ENTRY_DESK_DATADIR"), "procedures", NULL);
  g_autofree char *source = g_build_filename (shipped, "cn-shanghai-health-code.json", NULL);
  g_autofree char *copy = g_build_filename (f->home, "cn-shanghai-health-code.json", NULL);
  g_autofree char *contents = NULL;
  const char *args[] = { "check-catalog", shipped, copy, NULL };
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  g_assert_cmpint (ed_test_run_cli (NULL, args, NULL, NULL), ==, 0);
}

static void
test_check_catalog_usage (Fixture       *f,
                          gconstpointer  data)
{
  const char *none[] = { "check-catalog", NULL };
  const char *missing[] = { "check-catalog", "/nonexistent/xx.json", NULL };
  const char *empty[] = { "check-catalog", f->home, NULL };
  g_autofree char *out = NULL;
  g_autofree char *out_empty = NULL;

  g_assert_cmpint (ed_test_run_cli (NULL, none, NULL, NULL), ==, 2);
  g_assert_cmpint (ed_test_run_cli (NULL, missing, &out, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "/nonexistent/xx.json: "));
  g_assert_cmpint (ed_test_run_cli (NULL, empty, &out_empty, NULL), ==, 1);
  g_assert_nonnull (strstr (out_empty, f->home));
}

/* Problems are said in the UI language. */
static void
test_check_catalog_translated (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *file = ed_test_data_path ("catalog", "bad", "xx-missing-field.json", NULL);
  const char *env[] = { "LANGUAGE=ja", "LC_ALL=ja_JP.UTF-8", NULL };
  const char *args[] = { "check-catalog", file, NULL };
  g_autofree char *out = NULL;
  g_autofree char *expected = g_strconcat (file, ": summary: ", NULL);
  g_autofree char *broken = ed_test_data_path ("catalog", "bad", "xx-bad-json.json", NULL);
  const char *env_zh[] = { "LANGUAGE=zh_CN", "LC_ALL=zh_CN.UTF-8", NULL };
  const char *args_json[] = { "check-catalog", broken, NULL };
  g_autofree char *out_json = NULL;
  g_autofree char *expected_json = g_strconcat (broken, ": 第 4 行，第 15 列: 文件不是有效的 JSON：", NULL);

  g_assert_cmpint (ed_test_run_cli (env, args, &out, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (out, expected));
  g_assert_null (strstr (out, "required, but missing"));
  g_assert_nonnull (strstr (out, "必須"));

  /* json-glib's own message is translated too, with other separators:
   * its line and column are still found. */
  g_assert_cmpint (ed_test_run_cli (env_zh, args_json, &out_json, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (out_json, expected_json));
  g_assert_null (strstr (out_json, "<data>"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("list-japanese", test_list_japanese);
  ADD ("list-json", test_list_json);
  ADD ("list-empty", test_list_empty);
  ADD ("list-bad-user-file", test_list_bad_user_file);
  ADD ("show-every-procedure", test_show_every_procedure);
  ADD ("show-json", test_show_json);
  ADD ("show-errors", test_show_errors);
  ADD ("check-catalog-shipped", test_check_catalog_shipped);
  ADD ("check-catalog-bad", test_check_catalog_bad);
  ADD ("check-catalog-override", test_check_catalog_override);
  ADD ("check-catalog-usage", test_check_catalog_usage);
  ADD ("check-catalog-translated", test_check_catalog_translated);

#undef ADD

  return g_test_run ();
}
