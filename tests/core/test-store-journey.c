/* test-store-journey.c — journeys in the case store: kept whole, listed
 * by next deadline, reminded of, migrated from a store made before them,
 * carried by case files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "ed-case-record.h"
#include "ed-test-store.h"
#include "ed-test-procedure.h"
#include "ed-test-util.h"

static EdCatalog *catalog;

static GDateTime *
tokyo (int year,
       int month,
       int day,
       int hour)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Tokyo");

  return g_date_time_new (zone, year, month, day, hour, 0, 0);
}

static EdTraveller *
hire (const char *surname,
      const char *arrival)
{
  EdTraveller *traveller = ed_test_new_hire (surname, "WEI", arrival);

  ed_traveller_set (traveller, "stay_expiry", "2028-01-10");
  ed_traveller_set_answer (traveller, "mid-long-term", "yes");
  ed_traveller_set_answer (traveller, "employer-insurance", "yes");
  ed_traveller_set_answer (traveller, "employee-pension", "yes");
  return traveller;
}

/* A jp-new-hire case for one engineer arriving on @arrival, in @store. */
static EdCase *
add_new_hire (EdStore    *store,
              const char *surname,
              const char *arrival)
{
  g_autoptr(EdTraveller) traveller = hire (surname, arrival);
  g_autoptr(GPtrArray) travellers = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  EdCase *kase;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, 1, 2027);
  g_ptr_array_add (travellers, traveller);
  kase = ed_case_new_from_journey (ed_catalog_lookup_journey (catalog, "jp-new-hire"), catalog,
                                   travellers, &today, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ed_store_add_case (store, kase, &error));
  g_assert_no_error (error);
  return kase;
}

static EdCaseInfo *
find (EdStore *store,
      EdCase  *kase)
{
  g_autoptr(GError) error = NULL;
  EdCaseInfo *info = ed_store_find_case (store, ed_case_get_reference (kase), &error);

  g_assert_no_error (error);
  g_assert_nonnull (info);
  return info;
}

static void
open_with_catalog (EdTestStore *fixture)
{
  ed_test_store_open (fixture);
  ed_store_set_catalog (fixture->store, catalog);
}

/* A journey is stored whole; the list shows its procedures and its
 * next deadline. */
static void
test_store_journey_kept (void)
{
  EdTestStore fixture = { 0 };
  g_autoptr(EdCase) kase = NULL;
  g_autoptr(EdCase) again = NULL;
  g_autoptr(EdCaseInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  const EdNextDue *next;
  gint64 id;

  open_with_catalog (&fixture);
  kase = add_new_hire (fixture.store, "ZHANG", "2027-01-10");
  ed_case_set_date_done (kase, "jp-employer-foreign-hire", ed_case_get_traveller (kase, 0),
                         "hello-work-with-insurance", TRUE);
  ed_case_set_item_done_in (kase, "jp-residence-registration", ed_case_get_traveller (kase, 0),
                            "gather-documents", "passport", TRUE);
  ed_case_move_procedure (kase, "jp-employer-foreign-hire", 0);
  g_assert_true (ed_store_flush (fixture.store, &error));
  id = ed_case_get_id (kase);

  info = find (fixture.store, kase);
  g_assert_cmpstr (ed_case_info_get_journey_id (info), ==, "jp-new-hire");
  g_assert_cmpstr (ed_case_info_get_procedure_ids (info)[0], ==, "jp-employer-foreign-hire");
  g_assert_cmpuint (g_strv_length ((char **) ed_case_info_get_procedure_ids (info)), ==,
                    ed_case_get_n_procedures (kase));
  /* Dates marked done are not checklist items. */
  g_assert_cmpuint (ed_case_info_get_n_done (info), ==, 1);
  next = ed_case_info_get_next_due (info);
  g_assert_cmpstr (next->when, ==, "2027-01-23");
  g_assert_cmpstr (next->procedure_id, ==, "jp-residence-registration");
  g_assert_cmpstr (next->rule_id, ==, "notification-deadline");
  g_assert_cmpint (next->end_at - next->due_at, ==, 24 * 3600);

  g_clear_object (&kase);
  ed_test_store_reopen (&fixture);
  ed_store_set_catalog (fixture.store, catalog);
  again = ed_store_load_case (fixture.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_case_get_journey_id (again), ==, "jp-new-hire");
  g_assert_cmpstr (ed_case_get_procedure (again, 0)->id, ==, "jp-employer-foreign-hire");
  g_assert_cmpstr (ed_case_get_procedure_id (again), ==, "jp-visit-japan-web");
  g_assert_true (ed_case_get_date_done (again, "jp-employer-foreign-hire",
                                        ed_case_get_traveller (again, 0),
                                        "hello-work-with-insurance"));
  g_assert_true (ed_case_get_item_done_in (again, "jp-residence-registration",
                                           ed_case_get_traveller (again, 0),
                                           "gather-documents", "passport"));
  g_assert_cmpint (ed_test_sql_int (fixture.path, "SELECT count (*) FROM case_procedures"), ==,
                   ed_case_get_n_procedures (again));

  /* Marked done: the next deadline moves on. */
  ed_case_set_date_done (again, "jp-residence-registration", ed_case_get_traveller (again, 0),
                         "notification-deadline", TRUE);
  g_assert_true (ed_store_flush (fixture.store, &error));
  g_clear_object (&info);
  info = find (fixture.store, again);
  g_assert_cmpstr (ed_case_info_get_next_due (info)->rule_id, ==, "cancellation-ground");

  g_clear_object (&again);
  g_clear_object (&info);
  ed_test_store_close (&fixture);
}

/* The plain list by next deadline: the earliest first, cases without one
 * and closed cases last, the most recently changed of them first. */
static void
test_store_list_by_due (void)
{
  EdTestStore fixture = { 0 };
  g_autoptr(EdCase) march = NULL;
  g_autoptr(EdCase) january = NULL;
  g_autoptr(EdCase) closed = NULL;
  g_autoptr(EdCase) none = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) refs = NULL;
  g_auto(GStrv) all = NULL;

  open_with_catalog (&fixture);
  march = add_new_hire (fixture.store, "MARCH", "2027-03-01");
  january = add_new_hire (fixture.store, "JANUARY", "2027-01-10");
  closed = add_new_hire (fixture.store, "CLOSED", "2026-12-01");
  none = ed_test_add_case (fixture.store, "jp-visit-japan-web",
                           ed_test_traveller ("NONE", "A", NULL, NULL, "X1"), NULL);
  ed_case_set_status (closed, ED_CASE_CLOSED);
  g_assert_true (ed_store_flush (fixture.store, &error));

  refs = ed_test_search_refs (fixture.store, "", ED_CASE_QUERY_BY_DUE);
  g_assert_cmpuint (g_strv_length (refs), ==, 3);
  g_assert_cmpstr (refs[0], ==, ed_case_get_reference (january));
  g_assert_cmpstr (refs[1], ==, ed_case_get_reference (march));
  g_assert_cmpstr (refs[2], ==, ed_case_get_reference (none));

  all = ed_test_search_refs (fixture.store, "", ED_CASE_QUERY_BY_DUE |
                                                ED_CASE_QUERY_INCLUDE_CLOSED);
  g_assert_cmpuint (g_strv_length (all), ==, 4);
  g_assert_cmpstr (all[0], ==, ed_case_get_reference (january));
  /* Then the others by time of change: the case closed last, whose old
   * deadline is the earliest of all, does not count it. */
  g_assert_cmpstr (all[1], ==, ed_case_get_reference (march));
  g_assert_cmpstr (all[2], ==, ed_case_get_reference (closed));
  g_assert_cmpstr (all[3], ==, ed_case_get_reference (none));

  g_clear_object (&march);
  g_clear_object (&january);
  g_clear_object (&closed);
  g_clear_object (&none);
  ed_test_store_close (&fixture);
}

static EdReminder *
reminder_for (GPtrArray *reminders,
              EdCase    *kase)
{
  for (guint i = 0; i < reminders->len; i++)
    {
      EdReminder *reminder = g_ptr_array_index (reminders, i);

      if (ed_case_info_get_id (reminder->info) == ed_case_get_id (kase))
        return reminder;
    }

  return NULL;
}

/* Reminders at a fixed "now": one per open case with something overdue
 * or due soon; none for closed or trashed cases, nor what is done. */
static void
test_store_reminders (void)
{
  EdTestStore fixture = { 0 };
  g_autoptr(EdCase) soon = NULL;
  g_autoptr(EdCase) overdue = NULL;
  g_autoptr(EdCase) later = NULL;
  g_autoptr(EdCase) closed = NULL;
  g_autoptr(EdCase) trashed = NULL;
  g_autoptr(GDateTime) now = tokyo (2027, 1, 20, 9);
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GError) error = NULL;
  EdReminder *reminder;
  GAsyncResult *result = NULL;

  open_with_catalog (&fixture);
  /* Due 2027-01-23: three days after the 20th. */
  soon = add_new_hire (fixture.store, "SOON", "2027-01-09");
  overdue = add_new_hire (fixture.store, "OVERDUE", "2027-01-01");
  later = add_new_hire (fixture.store, "LATER", "2027-02-10");
  closed = add_new_hire (fixture.store, "CLOSED", "2027-01-01");
  trashed = add_new_hire (fixture.store, "TRASHED", "2027-01-01");
  ed_case_set_status (closed, ED_CASE_CLOSED);
  g_assert_true (ed_store_flush (fixture.store, &error));
  g_assert_true (ed_store_trash_case (fixture.store, ed_case_get_id (trashed), &error));

  reminders = ed_store_check_reminders (fixture.store, now, ED_TIMELINE_SOON_DAYS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reminders->len, ==, 2);
  /* The earliest deadline first. */
  reminder = g_ptr_array_index (reminders, 0);
  g_assert_cmpint (ed_case_info_get_id (reminder->info), ==, ed_case_get_id (overdue));
  g_assert_cmpuint (reminder->n_overdue, ==, 1);
  reminder = reminder_for (reminders, soon);
  g_assert_nonnull (reminder);
  g_assert_cmpuint (reminder->n_overdue, ==, 0);
  g_assert_cmpuint (reminder->n_due_soon, ==, 1);
  g_assert_cmpstr (ed_case_info_get_next_due (reminder->info)->rule_id, ==,
                   "notification-deadline");
  g_assert_null (reminder_for (reminders, later));
  g_clear_pointer (&reminders, g_ptr_array_unref);

  /* Done is done: no reminder, even before the autosave ran. */
  ed_case_set_date_done (soon, "jp-residence-registration", ed_case_get_traveller (soon, 0),
                         "notification-deadline", TRUE);
  ed_store_check_reminders_async (fixture.store, now, ED_TIMELINE_SOON_DAYS, NULL,
                                  ed_test_on_done, &result);
  reminders = ed_store_check_reminders_finish (fixture.store, ed_test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reminders->len, ==, 1);
  g_assert_null (reminder_for (reminders, soon));
  g_clear_object (&result);
  g_clear_pointer (&reminders, g_ptr_array_unref);

  /* A day before: a setting of one day reminds of nothing but the
   * overdue. */
  reminders = ed_store_check_reminders (fixture.store, now, 1, NULL, &error);
  g_assert_cmpuint (reminders->len, ==, 1);
  g_clear_pointer (&reminders, g_ptr_array_unref);

  /* A case reopened reminds again. */
  ed_case_set_status (closed, ED_CASE_OPEN);
  g_assert_true (ed_store_flush (fixture.store, &error));
  reminders = ed_store_check_reminders (fixture.store, now, ED_TIMELINE_SOON_DAYS, NULL, &error);
  g_assert_nonnull (reminder_for (reminders, closed));

  g_clear_object (&soon);
  g_clear_object (&overdue);
  g_clear_object (&later);
  g_clear_object (&closed);
  g_clear_object (&trashed);
  ed_test_store_close (&fixture);
}

/* A store made by the build before journeys (tests/data/store/
 * schema-2.db, see make-schema-2.sh): every case becomes a
 * one-procedure journey, nothing is lost, and its next deadlines are
 * worked out once a catalog is there. */
static void
test_store_migrate_from_2 (void)
{
  g_autofree char *dir = ed_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "cases.db", NULL);
  g_autofree char *fixture = ed_test_data_path ("store", "schema-2.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdStore) store = NULL;
  g_autoptr(EdCase) open = NULL;
  g_autoptr(EdCase) closed = NULL;
  g_autoptr(EdCaseInfo) info = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  EdSheetRecord *sheet;
  guint n_refreshed = 0;
  gsize length;

  g_assert_true (g_file_get_contents (fixture, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  g_assert_cmpint (ed_test_sql_int (path, "PRAGMA user_version"), ==, 2);

  store = ed_store_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (ed_store_get_recovery (store));
  g_assert_cmpint (ed_test_sql_int (path, "PRAGMA user_version"), ==, 6);

  /* The open case: its procedure, travellers, ticks and sheet log. */
  info = ed_store_find_case (store, "ED-9QXR-3M", &error);
  g_assert_no_error (error);
  open = ed_store_load_case (store, ed_case_info_get_id (info), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ed_case_get_n_procedures (open), ==, 1);
  g_assert_cmpstr (ed_case_get_procedure (open, 0)->id, ==, "jp-residence-registration");
  g_assert_cmpstr (ed_case_get_procedure_id (open), ==, "jp-residence-registration");
  g_assert_null (ed_case_get_journey_id (open));
  g_assert_cmpstr (ed_case_get_current_step (open), ==, "gather-documents");
  g_assert_cmpstr (ed_case_get_notes (open), ==, "Arrives with her son.");
  g_assert_cmpuint (ed_case_get_n_travellers (open), ==, 2);
  g_assert_cmpstr (ed_traveller_get (ed_case_get_traveller (open, 0), "arrival_time"), ==,
                   "14:35");
  g_assert_true (ed_case_get_item_done (open, ed_case_get_traveller (open, 0), "gather-documents",
                                        "residence-card"));
  g_assert_true (ed_case_get_item_done_in (open, "jp-residence-registration", NULL,
                                           "gather-documents", "passport"));
  g_assert_cmpint (ed_case_get_created (open), ==, 1796086800);
  sheets = ed_store_list_sheets (store, ed_case_get_id (open), &error);
  g_assert_cmpuint (sheets->len, ==, 1);
  sheet = g_ptr_array_index (sheets, 0);
  g_assert_cmpstr (sheet->procedure_id, ==, "jp-residence-registration");
  g_assert_false (sheet->journey);
  /* Logged before the log said who printed it, and under which office. */
  g_assert_null (sheet->user);
  g_assert_null (sheet->office);
  g_assert_cmpuint (ed_case_info_get_n_done (info), ==, 2);
  g_assert_cmpint (ed_case_info_get_next_due (info)->due_at, ==, 0);
  g_clear_object (&info);

  /* The closed one, with its two travellers and ticks. */
  info = ed_store_find_case (store, "ED-4F7H-2K", &error);
  closed = ed_store_load_case (store, ed_case_info_get_id (info), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_case_get_procedure_id (closed), ==, "jp-my-her-sys");
  g_assert_true (ed_case_get_item_done (closed, ed_case_get_traveller (closed, 1), "register",
                                        "registered"));
  g_assert_cmpint (ed_case_get_status (closed), ==, ED_CASE_CLOSED);
  g_clear_object (&info);
  g_assert_true (ed_test_found (store, "WANG", open));

  /* Given a catalog, the open case gets its next deadline, once. */
  ed_store_set_catalog (store, catalog);
  g_assert_true (ed_store_refresh_due (store, &n_refreshed, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_refreshed, ==, 1);
  info = ed_store_find_case (store, "ED-9QXR-3M", &error);
  g_assert_cmpstr (ed_case_info_get_next_due (info)->when, ==, "2027-01-23");
  g_assert_true (ed_store_refresh_due (store, &n_refreshed, NULL, &error));
  g_assert_cmpuint (n_refreshed, ==, 0);

  g_clear_object (&open);
  g_clear_object (&closed);
  g_clear_object (&info);
  g_assert_finalize_object (g_steal_pointer (&store));
  ed_test_rm_rf (dir);
}

/* A case file carries the journey; a file of format 1 still imports. */
static void
test_store_journey_files (void)
{
  EdTestStore fixture = { 0 };
  g_autoptr(EdCase) kase = NULL;
  g_autoptr(EdCase) copy = NULL;
  g_autoptr(EdCase) old = NULL;
  g_autoptr(EdCaseInfo) info = NULL;
  g_autoptr(EdCaseInfo) old_info = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autofree char *file = NULL;
  g_autofree char *text = NULL;
  g_autofree char *old_path = ed_test_data_path ("store", "case-open.json", NULL);
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFile) old_file = g_file_new_for_path (old_path);
  char *languages[] = { (char *) "ja", (char *) "zh_CN", NULL };
  EdSheetRecord sheet = {
    .kind = ED_SHEET_PDF, .procedure_id = (char *) "jp-national-pension",
    .procedure_version = 1, .languages = languages, .paper = (char *) "a4", .journey = TRUE,
  };

  open_with_catalog (&fixture);
  kase = add_new_hire (fixture.store, "ZHANG", "2027-01-10");
  ed_case_add_procedure (kase, "jp-national-pension", 1, 2);
  ed_case_set_date_done (kase, "jp-residence-registration", NULL, "notification-deadline", TRUE);
  g_assert_true (ed_store_flush (fixture.store, &error));
  g_assert_true (ed_store_log_sheet (fixture.store, kase, &sheet, &error));

  file = g_build_filename (fixture.dir, "case.json", NULL);
  target = g_file_new_for_path (file);
  g_assert_true (ed_store_export_case (fixture.store, ed_case_get_id (kase), target, NULL,
                                       &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (file, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"entry_desk_case\" : 2"));
  g_assert_nonnull (strstr (text, "\"template\" : \"jp-new-hire\""));
  g_assert_nonnull (strstr (text, "\"step\" : \"@dates\""));
  g_assert_nonnull (strstr (text, "\"journey\" : true"));

  info = ed_store_import_case (fixture.store, target, ED_IMPORT_NEW_REFERENCE, NULL, &error);
  g_assert_no_error (error);
  copy = ed_store_load_case (fixture.store, ed_case_info_get_id (info), &error);
  g_assert_cmpuint (ed_case_get_n_procedures (copy), ==, ed_case_get_n_procedures (kase));
  for (guint i = 0; i < ed_case_get_n_procedures (kase); i++)
    g_assert_cmpstr (ed_case_get_procedure (copy, i)->id, ==, ed_case_get_procedure (kase, i)->id);
  g_assert_cmpstr (ed_case_get_procedure (copy, 2)->id, ==, "jp-national-pension");
  g_assert_cmpstr (ed_case_get_journey_id (copy), ==, "jp-new-hire");
  g_assert_true (ed_case_get_date_done (copy, "jp-residence-registration", NULL,
                                        "notification-deadline"));
  sheets = ed_store_list_sheets (fixture.store, ed_case_get_id (copy), &error);
  g_assert_cmpuint (sheets->len, ==, 1);
  g_assert_true (((EdSheetRecord *) g_ptr_array_index (sheets, 0))->journey);
  g_assert_cmpstr (((EdSheetRecord *) g_ptr_array_index (sheets, 0))->procedure_id, ==,
                   "jp-national-pension");
  /* Its next deadline is worked out on import. */
  g_assert_cmpstr (ed_case_info_get_next_due (info)->rule_id, ==, "cancellation-ground");

  /* Format 1: a one-procedure journey, the ticks that procedure's. */
  old_info = ed_store_import_case (fixture.store, old_file, ED_IMPORT_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  old = ed_store_load_case (fixture.store, ed_case_info_get_id (old_info), &error);
  g_assert_cmpuint (ed_case_get_n_procedures (old), ==, 1);
  g_assert_true (ed_case_get_item_done_in (old, "jp-residence-registration", NULL,
                                           "gather-documents", "passport"));
  g_assert_cmpstr (ed_case_info_get_next_due (old_info)->when, ==, "2027-01-23");

  g_clear_object (&kase);
  g_clear_object (&copy);
  g_clear_object (&old);
  ed_test_store_close (&fixture);
}

/* What a case file says of its journey is checked like the rest. */
static void
test_store_journey_file_problems (void)
{
  const char *bad =
    "{ \"entry_desk_case\": 2, \"reference\": \"ED-4F7H-2K\", \"procedure\": \"a-b\","
    " \"procedure_version\": 1, \"status\": \"open\", \"created\": \"2026-01-01T00:00:00Z\","
    " \"modified\": \"2026-01-01T00:00:00Z\", \"travellers\": [ {} ],"
    " \"journey\": { \"procedures\": [ { \"id\": \"c-d\", \"version\": 1 },"
    "                                  { \"id\": \"c-d\", \"version\": 1 } ], \"x\": 1 },"
    " \"checklist\": [ { \"traveller\": 0, \"procedure\": \"e-f\", \"step\": \"s\","
    "                    \"item\": \"i\", \"done\": \"2026-01-01T00:00:00Z\" } ] }";
  g_autoptr(GError) error = NULL;
  g_autoptr(EdCaseRecord) record = NULL;

  record = ed_case_record_new_from_data (bad, strlen (bad), "bad.json", &error);
  g_assert_null (record);
  g_assert_error (error, ED_ERROR, ED_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "bad.json: journey.x: "));
  g_assert_nonnull (strstr (error->message, "bad.json: journey.procedures[1].id: "));
  g_assert_nonnull (strstr (error->message, "bad.json: procedure: “a-b” is not one of"));
  g_assert_nonnull (strstr (error->message,
                            "bad.json: checklist[0].procedure: “e-f” is not one of"));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *procedures = NULL;
  g_autofree char *journeys = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  catalog = ed_catalog_new ();
  procedures = ed_paths_system_procedures_dir ();
  journeys = ed_paths_system_journeys_dir ();
  ed_catalog_load_directory (catalog, procedures, ED_ORIGIN_SYSTEM);
  ed_catalog_load_journey_directory (catalog, journeys, ED_ORIGIN_SYSTEM);
  g_assert_cmpuint (ed_catalog_get_errors (catalog)->len, ==, 0);

  g_test_add_func ("/store/journey/kept", test_store_journey_kept);
  g_test_add_func ("/store/journey/list-by-due", test_store_list_by_due);
  g_test_add_func ("/store/journey/reminders", test_store_reminders);
  g_test_add_func ("/store/journey/migrate-from-2", test_store_migrate_from_2);
  g_test_add_func ("/store/journey/files", test_store_journey_files);
  g_test_add_func ("/store/journey/file-problems", test_store_journey_file_problems);

  status = g_test_run ();
  g_clear_object (&catalog);
  return status;
}
