/* test-journey.c — journey templates: the format, the shipped four, the
 * office's own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "ed-core.h"
#include "ed-test-util.h"

static const char * const shipped_journeys[] = {
  "cn-business-visit",
  "cn-new-hire",
  "jp-business-visit",
  "jp-new-hire",
};

static const char good_journey[] =
  "{ \"schema\": 1, \"id\": \"xx-trip\", \"version\": 2, \"reviewed\": \"2026-12-01\",\n"
  "  \"title\": { \"en\": \"Trip\", \"ja\": \"旅行\", \"zh_CN\": \"旅行\" },\n"
  "  \"summary\": { \"en\": \"A trip\", \"ja\": \"旅行\", \"zh_CN\": \"旅行\" },\n"
  "  \"procedures\": [\n"
  "    { \"id\": \"jp-visit-japan-web\",\n"
  "      \"note\": { \"en\": \"First\", \"ja\": \"最初\", \"zh_CN\": \"首先\" } },\n"
  "    { \"id\": \"jp-residence-registration\" } ] }\n";

static EdJourney *
parse (const char  *text,
       const char  *name,
       GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return ed_journey_new_from_bytes (bytes, name, ED_ORIGIN_OTHER, error);
}

static void
test_journey_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdJourney) journey = parse (good_journey, "xx-trip.json", &error);
  GPtrArray *items;
  const EdJourneyItem *item;

  g_assert_no_error (error);
  g_assert_cmpstr (ed_journey_get_id (journey), ==, "xx-trip");
  g_assert_cmpint (ed_journey_get_version (journey), ==, 2);
  g_assert_cmpstr (ed_journey_get_reviewed (journey), ==, "2026-12-01");
  g_assert_cmpstr (ed_text_get (ed_journey_get_title (journey), ED_LANGUAGE_JA), ==, "旅行");
  items = ed_journey_get_items (journey);
  g_assert_cmpuint (items->len, ==, 2);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpstr (item->id, ==, "jp-visit-japan-web");
  g_assert_cmpstr (ed_text_get (item->note, ED_LANGUAGE_ZH_CN), ==, "首先");
  item = g_ptr_array_index (items, 1);
  g_assert_null (item->note);
  g_assert_true (ed_journey_find_item (journey, "jp-residence-registration") == item);
  g_assert_null (ed_journey_find_item (journey, "cn-arrival-card"));

  g_assert_true (ed_journey_data_is_journey (good_journey, strlen (good_journey)));
  g_assert_false (ed_journey_data_is_journey ("{ \"procedures\": [], \"steps\": [] }", 32));
  g_assert_false (ed_journey_data_is_journey ("[1, 2]", 6));
  g_assert_false (ed_journey_data_is_journey ("{ broken", 8));
}

/* Every problem at once, each with its place. */
static void
test_journey_problems (void)
{
  const char *bad =
    "{ \"schema\": 1, \"id\": \"xx-other\", \"version\": 0, \"colour\": \"red\",\n"
    "  \"title\": { \"en\": \"Trip\" },\n"
    "  \"summary\": { \"en\": \"A trip\", \"ja\": \"旅行\", \"zh_CN\": \"旅行\" },\n"
    "  \"procedures\": [ { \"id\": \"jp-visit-japan-web\" }, { \"id\": \"jp-visit-japan-web\" },\n"
    "                  { \"id\": \"Not An Id\" }, { \"note\": { \"en\": \"x\" } } ] }\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(EdJourney) journey = parse (bad, "xx-trip.json", &error);

  g_assert_null (journey);
  g_assert_error (error, ED_ERROR, ED_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "xx-trip.json: colour: "));
  g_assert_nonnull (strstr (error->message, "xx-trip.json: id: “xx-other” differs"));
  g_assert_nonnull (strstr (error->message, "xx-trip.json: version: "));
  g_assert_nonnull (strstr (error->message, "xx-trip.json: reviewed: "));
  g_assert_nonnull (strstr (error->message, "xx-trip.json: title: the text in “ja” is missing"));
  g_assert_nonnull (strstr (error->message, "xx-trip.json: procedures[1].id: "));
  g_assert_nonnull (strstr (error->message, "xx-trip.json: procedures[2].id: "));
  g_assert_nonnull (strstr (error->message, "xx-trip.json: procedures[3].id: "));
  g_assert_nonnull (strstr (error->message, "xx-trip.json: procedures[3].note: the text in “ja” is "
                                            "missing"));
  g_clear_error (&error);

  journey = parse ("{ \"schema\": 1, \"id\": \"xx-trip\", \"version\": 1, \"reviewed\": "
                   "\"2026-12-01\", \"title\": { \"en\": \"T\", \"ja\": \"T\", \"zh_CN\": \"T\" },"
                   " \"summary\": { \"en\": \"T\", \"ja\": \"T\", \"zh_CN\": \"T\" },"
                   " \"procedures\": [] }", NULL, &error);
  g_assert_null (journey);
  g_assert_nonnull (strstr (error->message, "procedures: "));
  g_clear_error (&error);

  journey = parse ("{ \"schema\": 2, \"id\": \"xx-trip\", \"anything\": true }", NULL, &error);
  g_assert_null (journey);
  g_assert_error (error, ED_ERROR, ED_ERROR_UNSUPPORTED);
  g_assert_null (strstr (error->message, "anything"));
  g_clear_error (&error);

  journey = parse ("{ \"schema\": 1,", NULL, &error);
  g_assert_error (error, ED_ERROR, ED_ERROR_PARSE);
}

static EdCatalog *
load_shipped (void)
{
  EdCatalog *catalog = ed_catalog_new ();

  ed_catalog_load_default (catalog);
  for (guint i = 0; i < ed_catalog_get_errors (catalog)->len; i++)
    g_test_message ("%s", ((GError *) g_ptr_array_index (ed_catalog_get_errors (catalog),
                                                         i))->message);
  g_assert_cmpuint (ed_catalog_get_errors (catalog)->len, ==, 0);

  return catalog;
}

/* The four shipped journeys, in three languages, naming procedures in
 * force, each with a note. */
static void
test_journey_shipped (void)
{
  g_autoptr(EdCatalog) catalog = load_shipped ();
  GListModel *journeys = ed_catalog_get_journeys (catalog);
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 6, G_DATE_DECEMBER, 2026);

  g_assert_cmpuint (g_list_model_get_n_items (journeys), ==, G_N_ELEMENTS (shipped_journeys));
  for (guint i = 0; i < G_N_ELEMENTS (shipped_journeys); i++)
    {
      g_autoptr(EdJourney) journey = g_list_model_get_item (journeys, i);
      GPtrArray *items = ed_journey_get_items (journey);

      g_assert_cmpstr (ed_journey_get_id (journey), ==, shipped_journeys[i]);
      g_assert_true (ed_catalog_lookup_journey (catalog, shipped_journeys[i]) == journey);
      g_assert_cmpint (ed_journey_get_origin (journey), ==, ED_ORIGIN_SYSTEM);
      for (EdLanguage l = ED_LANGUAGE_EN; l <= ED_LANGUAGE_ZH_CN; l++)
        {
          g_assert_true (ed_text_has (ed_journey_get_title (journey), l));
          g_assert_true (ed_text_has (ed_journey_get_summary (journey), l));
        }
      g_assert_cmpuint (items->len, >=, 1);
      for (guint j = 0; j < items->len; j++)
        {
          const EdJourneyItem *item = g_ptr_array_index (items, j);
          EdProcedure *procedure = ed_catalog_lookup (catalog, item->id);

          g_assert_nonnull (procedure);
          g_assert_false (ed_procedure_has_ended (procedure, &today));
          g_assert_nonnull (item->note);
          /* A journey for a country holds that country's procedures. */
          g_assert_true (g_ascii_strncasecmp (ed_procedure_get_country (procedure),
                                              shipped_journeys[i], 2) == 0);
        }
    }

  /* The sequence of the issue: the new hire in Tokyo. */
  {
    EdJourney *journey = ed_catalog_lookup_journey (catalog, "jp-new-hire");
    GPtrArray *items = ed_journey_get_items (journey);

    g_assert_cmpstr (((EdJourneyItem *) g_ptr_array_index (items, 0))->id, ==,
                     "jp-visit-japan-web");
    g_assert_cmpstr (((EdJourneyItem *) g_ptr_array_index (items, 1))->id, ==,
                     "jp-residence-registration");
    g_assert_nonnull (ed_journey_find_item (journey, "jp-national-health-insurance"));
    g_assert_nonnull (ed_journey_find_item (journey, "jp-national-pension"));
    g_assert_nonnull (ed_journey_find_item (journey, "jp-employer-foreign-hire"));
  }
  g_assert_cmpstr (((EdJourneyItem *) g_ptr_array_index (
                      ed_journey_get_items (ed_catalog_lookup_journey (catalog, "cn-new-hire")),
                      0))->id, ==, "cn-work-residence-permit");
}

/* An office's own journey, and its version of a shipped one; a journey
 * naming a procedure that is not there loads, with an error. */
static void
test_journey_user_folder (void)
{
  g_autofree char *user_dir = ed_paths_user_journeys_dir ();
  g_autofree char *own = g_build_filename (user_dir, "xx-trip.json", NULL);
  g_autofree char *changed = g_build_filename (user_dir, "jp-business-visit.json", NULL);
  g_autoptr(EdCatalog) catalog = ed_catalog_new ();
  GPtrArray *errors;
  EdJourney *journey;

  g_assert_true (g_str_has_prefix (user_dir, g_get_user_data_dir ()));
  g_assert_cmpint (g_mkdir_with_parents (user_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (own, good_journey, -1, NULL));
  g_assert_true (g_file_set_contents (changed,
                                      "{ \"schema\": 1, \"id\": \"jp-business-visit\", "
                                      "\"version\": 5, \"reviewed\": \"2026-12-01\", "
                                      "\"title\": { \"en\": \"Ours\", \"ja\": \"当所\", "
                                      "\"zh_CN\": \"本所\" }, \"summary\": { \"en\": \"S\", "
                                      "\"ja\": \"S\", \"zh_CN\": \"S\" }, \"procedures\": "
                                      "[ { \"id\": \"jp-visit-japan-web\" }, "
                                      "{ \"id\": \"jp-nowhere\" } ] }", -1, NULL));

  ed_catalog_load_default (catalog);
  errors = ed_catalog_get_errors (catalog);
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_true (g_str_has_prefix (((GError *) g_ptr_array_index (errors, 0))->message,
                                   changed));
  g_assert_nonnull (strstr (((GError *) g_ptr_array_index (errors, 0))->message,
                            ": procedures[1].id: there is no procedure “jp-nowhere”"));

  g_assert_cmpuint (g_list_model_get_n_items (ed_catalog_get_journeys (catalog)), ==,
                    G_N_ELEMENTS (shipped_journeys) + 1);
  journey = ed_catalog_lookup_journey (catalog, "xx-trip");
  g_assert_cmpint (ed_journey_get_origin (journey), ==, ED_ORIGIN_USER);
  journey = ed_catalog_lookup_journey (catalog, "jp-business-visit");
  g_assert_cmpint (ed_journey_get_version (journey), ==, 5);
  g_assert_cmpint (ed_journey_get_origin (journey), ==, ED_ORIGIN_USER);

  ed_test_rm_rf (user_dir);
}

static void
reloaded (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  gboolean *done = user_data;

  g_assert_true (ed_catalog_reload_finish (ED_CATALOG (source), result, NULL));
  *done = TRUE;
}

/* A reload reads the journey folders again too; a procedure taken with
 * ed_catalog_dup_procedure() outlives it. */
static void
test_journey_reload (void)
{
  g_autofree char *user_dir = ed_paths_user_journeys_dir ();
  g_autofree char *own = g_build_filename (user_dir, "xx-trip.json", NULL);
  g_autoptr(EdCatalog) catalog = load_shipped ();
  g_autoptr(EdProcedure) held = ed_catalog_dup_procedure (catalog, "jp-national-pension");
  gboolean done = FALSE;

  g_assert_nonnull (held);
  g_assert_null (ed_catalog_dup_procedure (catalog, "jp-nowhere"));
  g_assert_null (ed_catalog_lookup_journey (catalog, "xx-trip"));

  g_assert_cmpint (g_mkdir_with_parents (user_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (own, good_journey, -1, NULL));
  ed_catalog_reload_async (catalog, NULL, reloaded, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_nonnull (ed_catalog_lookup_journey (catalog, "xx-trip"));
  g_assert_cmpuint (g_list_model_get_n_items (ed_catalog_get_journeys (catalog)), ==,
                    G_N_ELEMENTS (shipped_journeys) + 1);
  g_assert_true (ed_catalog_lookup (catalog, "jp-national-pension") != held);
  g_assert_cmpstr (ed_procedure_get_id (held), ==, "jp-national-pension");

  ed_test_rm_rf (user_dir);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/journey/parse", test_journey_parse);
  g_test_add_func ("/journey/problems", test_journey_problems);
  g_test_add_func ("/journey/shipped", test_journey_shipped);
  g_test_add_func ("/journey/user-folder", test_journey_user_folder);
  g_test_add_func ("/journey/reload", test_journey_reload);

  return g_test_run ();
}
