/* test-cli-journeys.c — entry-desk-cli journeys list|show, check-catalog
 * on journey files, cases new --journey and cases timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "ed-core.h"
#include "ed-test-pdf.h"
#include "ed-test-util.h"

/* The CLI runs with an empty data home of its own. */
typedef struct
{
  char *home;
  char *env_home;
  char *traveller;   /* a Chinese engineer hired in Tokyo */
} Cli;

static const char engineer[] =
  "{ \"surname\": \"ZHANG\", \"given_names\": \"WEI\", \"native_name\": \"张伟\","
  "  \"nationality\": \"CHN\", \"sex\": \"M\", \"birth_date\": \"1994-03-08\","
  "  \"passport_number\": \"EJ1234567\", \"arrival_date\": \"2027-01-10\","
  "  \"arrival_port\": \"NRT\", \"status_of_residence\": \"engineer-humanities-international\","
  "  \"stay_expiry\": \"2028-01-10\", \"employer\": \"Example KK\","
  "  \"answers\": { \"mid-long-term\": \"yes\", \"hire-date\": \"2027-01-12\","
  "    \"employment-insurance\": \"yes\", \"employer-insurance\": \"yes\","
  "    \"employee-pension\": \"yes\" } }";

static void
cli_set_up (Cli           *cli,
            gconstpointer  data)
{
  cli->home = ed_test_make_tmpdir ();
  cli->env_home = g_strconcat ("XDG_DATA_HOME=", cli->home, NULL);
  cli->traveller = g_build_filename (cli->home, "zhang.json", NULL);
  g_assert_true (g_file_set_contents (cli->traveller, engineer, -1, NULL));
}

static void
cli_tear_down (Cli           *cli,
               gconstpointer  data)
{
  ed_test_rm_rf (cli->home);
  g_free (cli->home);
  g_free (cli->env_home);
  g_free (cli->traveller);
}

static int
run (Cli               *cli,
     const char        *language,
     const char * const *args,
     char             **out,
     char             **err)
{
  g_autofree char *env_language = g_strconcat ("LANGUAGE=", language != NULL ? language : "",
                                               NULL);
  g_autofree char *env_lc = g_strdup_printf ("LC_ALL=%s",
                                             language == NULL ? "C.UTF-8"
                                             : g_str_equal (language, "ja") ? "ja_JP.UTF-8"
                                             : "zh_CN.UTF-8");
  const char *env[] = { cli->env_home, env_language, env_lc, "TZ=UTC", NULL };

  return ed_test_run_cli (env, args, out, err);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_journeys_list_show (Cli           *cli,
                         gconstpointer  data)
{
  const char *list[] = { "journeys", "list", NULL };
  const char *list_json[] = { "journeys", "list", "--json", NULL };
  const char *show[] = { "journeys", "show", "cn-new-hire", "--lang", "zh_CN", NULL };
  const char *show_json[] = { "journeys", "show", "jp-new-hire", "--json", NULL };
  g_autofree char *out = NULL;
  g_autofree char *out_json = NULL;
  g_autofree char *out_show = NULL;
  g_autofree char *out_show_json = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) shown = NULL;
  JsonArray *procedures;

  g_assert_cmpint (run (cli, NULL, list, &out, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "cn-business-visit "));
  g_assert_nonnull (strstr (out, "jp-new-hire "));
  g_assert_nonnull (strstr (out, "Moving to Japan for work (new hire)"));

  g_assert_cmpint (run (cli, NULL, list_json, &out_json, NULL), ==, 0);
  root = parse (out_json);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 4);

  /* In Chinese: the title, each procedure with its note. */
  g_assert_cmpint (run (cli, "zh_CN", show, &out_show, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out_show, "持Z字签证赴华工作（新入职员工）\n"));
  g_assert_nonnull (strstr (out_show, "1. Z字签证聘用"));
  g_assert_nonnull (strstr (out_show, "(cn-work-residence-permit)"));
  g_assert_nonnull (strstr (out_show, "   出发前：仅通过官方渠道免费网上填报入境卡。"));

  g_assert_cmpint (run (cli, NULL, show_json, &out_show_json, NULL), ==, 0);
  shown = parse (out_show_json);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (shown), "id"), ==,
                   "jp-new-hire");
  procedures = json_object_get_array_member (json_node_get_object (shown), "procedures");
  g_assert_cmpuint (json_array_get_length (procedures), ==, 8);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (procedures, 0),
                                                  "id"), ==, "jp-visit-japan-web");
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (procedures, 0),
                                                  "ended"));
}

static void
test_journeys_errors (Cli           *cli,
                      gconstpointer  data)
{
  const char *none[] = { "journeys", NULL };
  const char *unknown_verb[] = { "journeys", "delete", NULL };
  const char *no_id[] = { "journeys", "show", NULL };
  const char *unknown[] = { "journeys", "show", "xx-nowhere", NULL };
  g_autofree char *err = NULL;

  g_assert_cmpint (run (cli, NULL, none, NULL, NULL), ==, 2);
  g_assert_cmpint (run (cli, NULL, unknown_verb, NULL, NULL), ==, 2);
  g_assert_cmpint (run (cli, NULL, no_id, NULL, NULL), ==, 2);
  g_assert_cmpint (run (cli, NULL, unknown, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "“xx-nowhere”"));
}

/* check-catalog takes journey files, and names a procedure they lack. */
static void
test_journeys_check_catalog (Cli           *cli,
                             gconstpointer  data)
{
  g_autofree char *procedures = g_build_filename (g_getenv ("ENTRY_DESK_DATADIR"), "procedures",
                                                  NULL);
  g_autofree char *journeys = g_build_filename (g_getenv ("ENTRY_DESK_DATADIR"), "journeys",
                                                NULL);
  g_autofree char *own = g_build_filename (cli->home, "xx-trip.json", NULL);
  const char *shipped[] = { "check-catalog", procedures, journeys, NULL };
  const char *journeys_only[] = { "check-catalog", journeys, NULL };
  const char *bad[] = { "check-catalog", own, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out_alone = NULL;
  g_autofree char *err_alone = NULL;
  g_autofree char *out_bad = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpint (run (cli, NULL, shipped, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "25 files checked: no problems"));

  /* Alone, their procedures are found among those installed. */
  g_assert_cmpint (run (cli, NULL, journeys_only, &out_alone, &err_alone), ==, 0);
  g_assert_nonnull (strstr (err_alone, "4 files checked: no problems"));

  g_assert_true (g_file_set_contents (own,
                                      "{ \"schema\": 1, \"id\": \"xx-trip\", \"version\": 1,"
                                      " \"reviewed\": \"2026-12-01\","
                                      " \"title\": { \"en\": \"T\", \"ja\": \"T\", \"zh_CN\": "
                                      "\"T\" },"
                                      " \"summary\": { \"en\": \"S\", \"ja\": \"S\", \"zh_CN\": "
                                      "\"S\" },"
                                      " \"procedures\": [ { \"id\": \"jp-visit-japan-web\" },"
                                      " { \"id\": \"jp-nowhere\" } ] }", -1, NULL));
  g_assert_cmpint (run (cli, NULL, bad, &out_bad, NULL), ==, 1);
  expected = g_strconcat (own, ": procedures[1].id: there is no procedure “jp-nowhere”", NULL);
  g_assert_true (g_str_has_prefix (out_bad, expected));
}

/* The HR officer's case, in Japanese: started from the traveller's file,
 * its timeline judged three days before the moving-in deadline, and its
 * calendar. */
static void
test_cases_new_and_timeline (Cli           *cli,
                             gconstpointer  data)
{
  const char *new_case[] = {
    "cases", "new", "--journey", "jp-new-hire", "--traveller", cli->traveller, "--json", NULL
  };
  g_autofree char *ics = g_build_filename (cli->home, "case.ics", NULL);
  g_autofree char *out = NULL;
  g_autofree char *out_text = NULL;
  g_autofree char *out_json = NULL;
  g_autofree char *out_ics = NULL;
  g_autofree char *calendar = NULL;
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) timeline = NULL;
  JsonObject *object;
  JsonArray *entries, *left_out;
  const char *reference;
  gboolean found_due_soon = FALSE;

  g_assert_cmpint (run (cli, NULL, new_case, &out, NULL), ==, 0);
  created = parse (out);
  object = json_node_get_object (created);
  reference = json_object_get_string_member (object, "reference");
  g_assert_true (g_str_has_prefix (reference, "ED-"));
  g_assert_cmpstr (json_object_get_string_member (object, "journey"), ==, "jp-new-hire");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (object,
                                                                                "procedures"),
                                                  0), ==, "jp-visit-japan-web");
  /* Insured through the employer: health insurance and pension left out. */
  left_out = json_object_get_array_member (object, "left_out");
  g_assert_cmpuint (json_array_get_length (left_out), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (left_out, 0),
                                                  "id"), ==, "jp-national-health-insurance");

  {
    const char *text[] = {
      "cases", "timeline", reference, "--now", "2027-01-21T09:00+09:00", NULL
    };
    const char *json[] = {
      "cases", "timeline", reference, "--json", "--now", "2027-01-21T09:00:00+09:00", NULL
    };
    const char *to_ics[] = {
      "cases", "timeline", reference, "--ics", "-o", ics, "--now", "2027-01-21T09:00+09:00",
      NULL
    };

    /* In Japanese, for a person: due soon first. */
    g_assert_cmpint (run (cli, "ja", text, &out_text, NULL), ==, 0);
    g_test_message ("%s", out_text);
    g_assert_nonnull (strstr (out_text, reference));
    g_assert_nonnull (strstr (out_text, "就労のための来日（新規採用者）"));
    g_assert_nonnull (strstr (out_text, "期限間近"));
    g_assert_nonnull (strstr (out_text, "2027-01-23"));
    g_assert_nonnull (strstr (out_text, "データ待ち"));

    g_assert_cmpint (run (cli, NULL, json, &out_json, NULL), ==, 0);
    timeline = parse (out_json);
    entries = json_object_get_array_member (json_node_get_object (timeline), "entries");
    for (guint i = 0; i < json_array_get_length (entries); i++)
      {
        JsonObject *entry = json_array_get_object_element (entries, i);

        if (g_strcmp0 (json_object_get_string_member (entry, "id"), "notification-deadline") == 0)
          {
            g_assert_cmpstr (json_object_get_string_member (entry, "state"), ==, "due-soon");
            g_assert_cmpstr (json_object_get_string_member (entry, "until"), ==, "2027-01-23");
            g_assert_true (json_object_get_boolean_member (entry, "next"));
            found_due_soon = TRUE;
          }
      }
    g_assert_true (found_due_soon);

    g_assert_cmpint (run (cli, NULL, to_ics, &out_ics, NULL), ==, 0);
    g_assert_true (g_str_has_prefix (out_ics, "Wrote "));
    g_assert_true (g_file_get_contents (ics, &calendar, NULL, NULL));
    g_assert_true (g_str_has_prefix (calendar, "BEGIN:VCALENDAR\r\n"));
    g_assert_nonnull (strstr (calendar, "DTSTART;TZID=Asia/Tokyo:20270123T000000"));
    g_assert_nonnull (strstr (calendar, "BEGIN:VTIMEZONE"));
    g_assert_nonnull (strstr (calendar, "BEGIN:VALARM"));
    g_assert_nonnull (strstr (calendar, reference));
    g_assert_null (strstr (calendar, "EJ1234567"));
    g_assert_null (strstr (calendar, "1994"));
  }
}

static char *
new_case (Cli *cli)
{
  const char *new_case[] = {
    "cases", "new", "--journey", "jp-new-hire", "--traveller", cli->traveller, "--json", NULL
  };
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) created = NULL;

  g_assert_cmpint (run (cli, NULL, new_case, &out, NULL), ==, 0);
  created = parse (out);
  return g_strdup (json_object_get_string_member (json_node_get_object (created), "reference"));
}

/* The journey sheet: a cover with the timeline, then each procedure's
 * sheet; the audit log says which procedures it held. */
static void
test_journey_sheet (Cli           *cli,
                    gconstpointer  data)
{
  g_autofree char *reference = new_case (cli);
  g_autofree char *pdf = g_build_filename (cli->home, "journey.pdf", NULL);
  g_autofree char *one = g_build_filename (cli->home, "one.pdf", NULL);
  g_autofree char *exported = g_build_filename (cli->home, "case.json", NULL);
  const char *sheet[] = { "sheet", "--case", reference, "--lang", "ja,zh_CN", "-o", pdf, NULL };
  const char *procedure[] = {
    "sheet", "jp-residence-registration", "--case", reference, "-o", one, NULL
  };
  const char *not_in_case[] = {
    "sheet", "jp-national-pension", "--case", reference, "-o", one, NULL
  };
  const char *both[] = {
    "sheet", "--case", reference, "--traveller", cli->traveller, "-o", one, NULL
  };
  const char *export[] = { "cases", "export", reference, "-o", exported, NULL };
  g_autofree char *cover = NULL;
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;

  g_assert_cmpint (run (cli, NULL, sheet, NULL, NULL), ==, 0);
  g_assert_cmpuint (ed_test_pdf_pages (pdf), >, 6);
  cover = ed_test_pdf_text (pdf, 1);
  g_test_message ("%s", cover);
  g_assert_nonnull (strstr (cover, "就労のための来日"));
  g_assert_nonnull (strstr (cover, "赴日工作"));
  g_assert_nonnull (strstr (cover, reference));
  g_assert_nonnull (strstr (cover, "2027-01-23"));
  text = ed_test_pdf_text (pdf, 0);
  /* The procedures' sheets follow, in the journey's order. */
  g_assert_nonnull (strstr (text, "VisitJapanWebと共同キオスク"));
  g_assert_nonnull (strstr (text, "住居地の届出"));

  g_assert_cmpint (run (cli, NULL, procedure, NULL, NULL), ==, 0);
  g_assert_cmpint (run (cli, NULL, not_in_case, NULL, NULL), ==, 1);
  g_assert_cmpint (run (cli, NULL, both, NULL, NULL), ==, 2);

  /* One line a procedure of the journey sheet, marked, then the one
   * sheet on its own. */
  g_assert_cmpint (run (cli, NULL, export, NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (exported, &json, NULL, NULL));
  g_assert_nonnull (strstr (json, "\"journey\" : true"));
  g_assert_nonnull (strstr (json, "\"procedure\" : \"jp-employer-foreign-hire\""));
}

/* A cohort: a journey sheet for each traveller of a CSV. */
static void
test_batch_journey (Cli           *cli,
                    gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (cli->home, "cohort.csv", NULL);
  g_autofree char *dir = g_build_filename (cli->home, "sheets", NULL);
  g_autofree char *merged = g_build_filename (cli->home, "cohort.pdf", NULL);
  const char *separate[] = {
    "batch", "--journey", "cn-business-visit", "--csv", csv, "-o", dir, "--lang", "en", NULL
  };
  const char *merge[] = {
    "batch", "--journey", "cn-business-visit", "--csv", csv, "--merge", merged, "--lang", "en",
    NULL
  };
  const char *unknown[] = {
    "batch", "--journey", "xx-nowhere", "--csv", csv, "--merge", merged, NULL
  };
  g_autofree char *first = g_build_filename (dir, "2-MUELLER-ANNA.pdf", NULL);
  g_autofree char *second = g_build_filename (dir, "3-DUBOIS-PAUL.pdf", NULL);
  g_autofree char *text = NULL;

  g_assert_true (g_file_set_contents (csv,
                                      "surname,given_names,nationality,arrival_date,arrival_time\n"
                                      "MUELLER,ANNA,DEU,2027-03-01,10:05\n"
                                      "DUBOIS,PAUL,FRA,2027-03-02,22:40\n", -1, NULL));
  g_assert_cmpint (run (cli, NULL, separate, NULL, NULL), ==, 0);
  g_assert_cmpuint (ed_test_pdf_pages (first), >, 3);
  g_assert_cmpuint (ed_test_pdf_pages (second), >, 3);

  g_assert_cmpint (run (cli, NULL, merge, NULL, NULL), ==, 0);
  text = ed_test_pdf_text (merged, 0);
  g_assert_nonnull (strstr (text, "BusinessvisittoChina"));
  g_assert_nonnull (strstr (text, "MUELLER"));
  g_assert_nonnull (strstr (text, "DUBOIS"));

  g_assert_cmpint (run (cli, NULL, unknown, NULL, NULL), ==, 1);
}

/* A cohort's list is checked as a plain batch's is, against the
 * journey's procedures that apply to each traveller: a column of another
 * procedure's answers is said once and ignored, a column no procedure
 * of the journey knows is an error, a value a procedure requires left
 * empty is a warning, said once however many procedures ask for it. */
static void
test_batch_journey_checks (Cli           *cli,
                           gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (cli->home, "checked.csv", NULL);
  g_autofree char *merged = g_build_filename (cli->home, "checked.pdf", NULL);
  const char *merge[] = {
    "batch", "--journey", "cn-business-visit", "--csv", csv, "--merge", merged, "--lang", "en",
    NULL
  };
  g_autofree char *ignored = g_strconcat (csv, ": row 1, answers.hire-date: warning: ", NULL);
  g_autofree char *unknown = g_strconcat (csv, ": row 1, answers.shoe-size: ", NULL);
  g_autofree char *missing = g_strconcat (csv, ": row 2, passport_number: warning: ", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *line;

  /* Everything the journey's procedures require but the passport number
   * on the first row; the second has it. */
  g_assert_true (g_file_set_contents (csv,
                                      "surname,given_names,sex,birth_date,nationality,"
                                      "passport_number,address_local,arrival_date,"
                                      "flight_number,answers.purpose,answers.hire-date\n"
                                      "MUELLER,ANNA,F,1990-01-02,DEU,,\"1 Nanjing Rd, Shanghai\","
                                      "2027-03-01,LH728,conference-business,2027-03-01\n"
                                      "DUBOIS,PAUL,M,1985-06-07,FRA,E1234567,"
                                      "\"2 Huaihai Rd, Shanghai\",2027-03-02,AF116,"
                                      "conference-business,\n",
                                      -1, NULL));
  g_assert_cmpint (run (cli, NULL, merge, &out, &err), ==, 0);
  line = strstr (err, ignored);
  g_assert_nonnull (line);
  g_assert_nonnull (strstr (line, "“jp-employer-foreign-hire”, not for “cn-business-visit”"));
  line = strstr (err, missing);
  g_assert_nonnull (line);
  g_assert_nonnull (strstr (line, "required, but empty"));
  g_assert_null (strstr (line + strlen (missing), "passport_number"));
  g_assert_null (strstr (err, "row 3"));
  g_assert_nonnull (strstr (out, "sheets written: 2, rows skipped: 0, required values missing: 1, "
                                 "other warnings: 1"));

  /* A column no procedure of the journey has: the batch says so, and
   * ends with status 1. */
  g_assert_true (g_file_set_contents (csv,
                                      "surname,given_names,nationality,arrival_date,"
                                      "answers.shoe-size\n"
                                      "MUELLER,ANNA,DEU,2027-03-01,38\n", -1, NULL));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (cli, NULL, merge, NULL, &err), ==, 1);
  line = strstr (err, unknown);
  g_assert_nonnull (line);
  g_assert_nonnull (strstr (line, "no procedure of the journey “cn-business-visit” has a field "
                                  "“shoe-size”"));
}

static void
test_cases_new_timeline_errors (Cli           *cli,
                                gconstpointer  data)
{
  g_autofree char *broken = g_build_filename (cli->home, "broken.json", NULL);
  g_autofree char *local = g_build_filename (cli->home, "local.json", NULL);
  const char *no_journey[] = { "cases", "new", "--traveller", cli->traveller, NULL };
  const char *no_traveller[] = { "cases", "new", "--journey", "jp-new-hire", NULL };
  const char *unknown[] = {
    "cases", "new", "--journey", "xx-nowhere", "--traveller", cli->traveller, NULL
  };
  const char *bad_file[] = {
    "cases", "new", "--journey", "jp-new-hire", "--traveller", broken, NULL
  };
  const char *nothing_applies[] = {
    "cases", "new", "--journey", "jp-business-visit", "--traveller", local, NULL
  };
  const char *no_case[] = { "cases", "timeline", "ED-7K3M-Q9", NULL };
  const char *ics_no_file[] = { "cases", "timeline", "ED-7K3M-Q9", "--ics", NULL };
  const char *both[] = { "cases", "timeline", "ED-7K3M-Q9", "--ics", "-o", "x", "--json", NULL };
  const char *bad_now[] = { "cases", "timeline", "ED-7K3M-Q9", "--now", "tomorrow", NULL };
  g_autofree char *err = NULL;

  g_assert_true (g_file_set_contents (broken, "{ \"surname\": ", -1, NULL));
  g_assert_true (g_file_set_contents (local, "{ \"nationality\": \"JPN\" }", -1, NULL));

  g_assert_cmpint (run (cli, NULL, no_journey, NULL, NULL), ==, 2);
  g_assert_cmpint (run (cli, NULL, no_traveller, NULL, NULL), ==, 2);
  g_assert_cmpint (run (cli, NULL, unknown, NULL, NULL), ==, 1);
  g_assert_cmpint (run (cli, NULL, bad_file, NULL, NULL), ==, 1);
  g_assert_cmpint (run (cli, NULL, nothing_applies, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "jp-business-visit"));
  g_assert_cmpint (run (cli, NULL, no_case, NULL, NULL), ==, 1);
  g_assert_cmpint (run (cli, NULL, ics_no_file, NULL, NULL), ==, 2);
  g_assert_cmpint (run (cli, NULL, both, NULL, NULL), ==, 2);
  g_assert_cmpint (run (cli, NULL, bad_now, NULL, NULL), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cli/" path, Cli, NULL, cli_set_up, func, cli_tear_down)

  ADD ("journeys/list-show", test_journeys_list_show);
  ADD ("journeys/errors", test_journeys_errors);
  ADD ("journeys/check-catalog", test_journeys_check_catalog);
  ADD ("journeys/cases-new-and-timeline", test_cases_new_and_timeline);
  ADD ("journeys/cases-errors", test_cases_new_timeline_errors);
  ADD ("journeys/sheet", test_journey_sheet);
  ADD ("journeys/batch", test_batch_journey);
  ADD ("journeys/batch-checks", test_batch_journey_checks);

#undef ADD

  return g_test_run ();
}
