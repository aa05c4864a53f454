/* test-cli-dates.c — entry-desk-cli dates ID --traveller F.json, and
 * show ID --traveller F.json, on the shipped procedures in force
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "ed-test-util.h"

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

/* Runs the CLI with @args, today being 2026-12-06, in @language. */
static int
run (Fixture            *f,
     const char         *language,
     const char * const *args,
     char              **out,
     char              **err)
{
  g_autofree char *env_language = g_strconcat ("LANGUAGE=", language, NULL);
  g_autofree char *env_locale = g_strdup_printf ("LC_ALL=%s.UTF-8",
                                                 g_str_equal (language, "ja") ? "ja_JP"
                                                 : g_str_equal (language, "zh_CN") ? "zh_CN" : "C");
  const char *envp[] = { f->env_home, "ED_TODAY=2026-12-06", env_language, env_locale, NULL };

  return ed_test_run_cli (envp, args, out, err);
}

/* The object of `dates --json` whose id is @id. */
static JsonObject *
find_date (JsonNode   *root,
           const char *id)
{
  JsonArray *dates = json_object_get_array_member (json_node_get_object (root), "dates");

  for (guint i = 0; i < json_array_get_length (dates); i++)
    {
      JsonObject *date = json_array_get_object_element (dates, i);

      if (g_str_equal (json_object_get_string_member (date, "id"), id))
        return date;
    }
  g_assert_not_reached ();
}

static JsonNode *
run_json (Fixture    *f,
          const char *procedure,
          const char *traveller)
{
  g_autofree char *path = ed_test_data_path ("traveller", traveller, NULL);
  const char *args[] = { "dates", procedure, "--traveller", path, "--json", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  g_assert_cmpint (run (f, "", args, &out, NULL), ==, 0);
  root = json_from_string (out, &error);
  g_assert_no_error (error);
  return root;
}

/* Shanghai Pudong, 2026-12-31 at 23:10: register by 2027-01-01 23:10,
 * China's time. */
static void
test_cli_dates_pudong (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(JsonNode) root = run_json (f, "cn-accommodation-registration", "pudong.json");
  JsonObject *date = find_date (root, "register-after-arrival");

  g_assert_cmpstr (json_object_get_string_member (date, "kind"), ==, "deadline");
  g_assert_cmpstr (json_object_get_string_member (date, "from"), ==, "2026-12-31T23:10+08:00");
  g_assert_cmpstr (json_object_get_string_member (date, "until"), ==, "2027-01-01T23:10+08:00");
  g_assert_cmpstr (json_object_get_string_member (date, "label"), !=, NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "time_zone"), ==,
                   "Asia/Shanghai");
}

/* The steps that apply and do not: a flat in Shanghai needs Shanghai's
 * channel, not Shenzhen's, and not the hotel's. */
static void
test_cli_dates_steps (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JsonNode) root = run_json (f, "cn-accommodation-registration", "pudong.json");
  JsonArray *steps = json_object_get_array_member (json_node_get_object (root), "steps");
  guint yes = 0, no = 0;

  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      JsonObject *step = json_array_get_object_element (steps, i);
      const char *id = json_object_get_string_member (step, "id");
      const char *applies = json_object_get_string_member (step, "applies");

      if (g_str_equal (applies, "yes"))
        {
          yes++;
          g_assert_null (json_object_get_string_member (step, "reason"));
        }
      else
        {
          no++;
          g_assert_cmpstr (applies, ==, "no");
          g_assert_true (g_str_has_prefix (json_object_get_string_member (step, "reason"),
                                           "Not needed: "));
        }
      if (g_str_has_prefix (id, "shanghai"))
        g_assert_cmpstr (applies, ==, "yes");
      if (g_str_has_prefix (id, "shenzhen") || g_str_equal (id, "hotel-registers"))
        g_assert_cmpstr (applies, ==, "no");
    }
  g_assert_cmpuint (yes, >, 0);
  g_assert_cmpuint (no, >, 0);
}

/* A British national arriving on 2026-12-29 for ten days is told that
 * the 30-day list ends on 2026-12-31. */
static void
test_cli_dates_list_ends (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = ed_test_data_path ("traveller", "uk-visa-free.json", NULL);
  const char *args[] = { "dates", "cn-visa-free-entry", "--traveller", path, NULL };
  g_autoptr(JsonNode) root = run_json (f, "cn-visa-free-entry", "uk-visa-free.json");
  JsonObject *date = find_date (root, "unilateral-stay");
  g_autofree char *out = NULL;

  g_assert_cmpstr (json_object_get_string_member (date, "state"), ==, "computed");
  g_assert_nonnull (strstr (json_object_get_string_member (date, "warnings"),
                            "in force until 2026-12-31"));

  g_assert_cmpint (run (f, "", args, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "This rule is in force until 2026-12-31: these dates run past "
                                 "it."));
}

/* Without the arrival time the 24 hours wait for it, and say so. */
static void
test_cli_dates_needs_data (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *traveller = g_build_filename (f->home, "no-time.json", NULL);
  const char *args[] = { "dates", "cn-accommodation-registration", "--traveller", traveller,
                         "--json", NULL };
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *date;
  JsonArray *needs;

  g_assert_true (g_file_set_contents (traveller,
                                      "{ \"surname\": \"WANG\", \"arrival_date\": \"2026-12-31\" }",
                                      -1, NULL));
  g_assert_cmpint (run (f, "", args, &out, NULL), ==, 0);
  root = json_from_string (out, NULL);
  date = find_date (root, "register-after-arrival");
  needs = json_object_get_array_member (date, "needs");
  g_assert_cmpstr (json_object_get_string_member (date, "state"), ==, "needs-data");
  g_assert_true (json_object_get_null_member (date, "until"));
  g_assert_cmpuint (json_array_get_length (needs), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (needs, 0), ==, "arrival_time");
}

/* In the staff's language, and `show --traveller` for a person. */
static void
test_cli_dates_languages (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = ed_test_data_path ("traveller", "pudong.json", NULL);
  const char *dates_ja[] = { "dates", "cn-accommodation-registration", "--traveller", path, NULL };
  const char *show[] = { "show", "cn-accommodation-registration", "--traveller", path, "--lang",
                         "zh_CN", NULL };
  g_autofree char *out_ja = NULL;
  g_autofree char *out_zh = NULL;

  g_assert_cmpint (run (f, "ja", dates_ja, &out_ja, NULL), ==, 0);
  g_assert_nonnull (strstr (out_ja, "2027-01-01 23:10"));
  g_assert_nonnull (strstr (out_ja, "まで"));
  g_assert_cmpint (run (f, "", show, &out_zh, NULL), ==, 0);
  g_assert_nonnull (strstr (out_zh, "2027-01-01 23:10"));
  g_assert_nonnull (strstr (out_zh, "境外人员住宿登记"));
}

/* Usage errors exit 2, a bad traveller file 1. */
static void
test_cli_dates_errors (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *broken = g_build_filename (f->home, "broken.json", NULL);
  const char *no_traveller[] = { "dates", "cn-accommodation-registration", NULL };
  const char *bad_file[] = { "dates", "cn-accommodation-registration", "--traveller", broken,
                             NULL };
  g_autofree char *err = NULL;

  g_assert_cmpint (run (f, "", no_traveller, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--traveller"));
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_set_contents (broken, "{ \"surname\": ", -1, NULL));
  g_assert_cmpint (run (f, "", bad_file, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "broken.json"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cli/dates/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("pudong", test_cli_dates_pudong);
  ADD ("steps", test_cli_dates_steps);
  ADD ("list-ends", test_cli_dates_list_ends);
  ADD ("needs-data", test_cli_dates_needs_data);
  ADD ("languages", test_cli_dates_languages);
  ADD ("errors", test_cli_dates_errors);

#undef ADD

  return g_test_run ();
}
