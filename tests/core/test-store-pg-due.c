/* test-store-pg-due.c — next deadlines and reminders in the office database
 *
 * Against a real server, as test-store-pg.c: the deadlines a desk works
 * out when it writes a case are the office's, so every desk's reminders
 * and case list show them; a database of the schema before them is
 * migrated; a save that waited offline gets its deadlines when sent. The
 * progress in the steps that apply is worked out and kept with them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ed-case-reference.h"
#include "ed-paths.h"
#include "ed-store-backend.h"
#include "ed-store-pg-private.h"
#include "ed-store-private.h"
#include "ed-test-office.h"
#include "ed-test-pg.h"
#include "ed-test-procedure.h"
#include "ed-test-store.h"
#include "ed-test-util.h"

static EdTestPg *server;
static EdCatalog *catalog;

typedef struct
{
  char *database;
} Office;

/* A desk with the shipped catalog, as the app opens one. */
static EdStore *
open_desk (Office     *office,
           const char *role)
{
  EdStore *store = ed_test_office_open_desk (server, office->database, role);

  ed_store_set_catalog (store, catalog);
  return store;
}

/* A new database, set up by the administrator (@data) or not. */
static void
office_set_up (Office        *office,
               gconstpointer  data)
{
  office->database = ed_test_pg_new_database (server);
  if (data != NULL)
    g_object_unref (open_desk (office, "office_admin"));
}

static void
office_tear_down (Office        *office,
                  gconstpointer  data)
{
  g_free (office->database);
}

static char *
query (Office     *office,
       const char *sql)
{
  return ed_test_office_query (server, office->database, sql);
}


static GDateTime *
tokyo (int year,
       int month,
       int day,
       int hour)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Tokyo");

  return g_date_time_new (zone, year, month, day, hour, 0, 0);
}

/* A jp-new-hire case of one engineer arriving on @arrival, not stored. */
static EdCase *
new_hire_case (const char *surname,
               const char *arrival)
{
  g_autoptr(EdTraveller) traveller = ed_test_new_hire (surname, "WEI", arrival);
  g_autoptr(GPtrArray) travellers = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  EdCase *kase;
  GDate today;

  ed_traveller_set (traveller, "stay_expiry", "2028-01-10");
  ed_traveller_set_answer (traveller, "mid-long-term", "yes");
  ed_traveller_set_answer (traveller, "employer-insurance", "yes");
  ed_traveller_set_answer (traveller, "employee-pension", "yes");
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, 1, 2027);
  g_ptr_array_add (travellers, traveller);
  kase = ed_case_new_from_journey (ed_catalog_lookup_journey (catalog, "jp-new-hire"), catalog,
                                   travellers, &today, NULL, &error);
  g_assert_no_error (error);
  return kase;
}

static EdCase *
add_new_hire (EdStore    *store,
              const char *surname,
              const char *arrival)
{
  g_autoptr(GError) error = NULL;
  EdCase *kase = new_hire_case (surname, arrival);

  g_assert_true (ed_store_add_case (store, kase, &error));
  g_assert_no_error (error);
  return kase;
}

static EdReminder *
reminder_for (GPtrArray *reminders,
              gint64     id)
{
  for (guint i = 0; i < reminders->len; i++)
    {
      EdReminder *reminder = g_ptr_array_index (reminders, i);

      if (ed_case_info_get_id (reminder->info) == id)
        return reminder;
    }

  return NULL;
}

static GPtrArray *
reminders_at (EdStore   *store,
              GDateTime *now)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *reminders = ed_store_check_reminders (store, now, ED_TIMELINE_SOON_DAYS, NULL,
                                                   &error);

  g_assert_no_error (error);
  g_assert_nonnull (reminders);
  return reminders;
}

/* Reminders from the deadlines one desk stored, on another: overdue and
 * due soon, the earliest first; none for closed or trashed cases, nor
 * for what is marked done. */
static void
test_pg_due_reminders (Office        *office,
                       gconstpointer  data)
{
  g_autoptr(EdStore) alice = open_desk (office, "alice");
  g_autoptr(EdStore) bob = open_desk (office, "bob");
  g_autoptr(EdStore) rita = open_desk (office, "rita");
  g_autoptr(EdCase) soon = NULL;
  g_autoptr(EdCase) overdue = NULL;
  g_autoptr(EdCase) later = NULL;
  g_autoptr(EdCase) closed = NULL;
  g_autoptr(EdCase) trashed = NULL;
  g_autoptr(GDateTime) now = tokyo (2027, 1, 20, 9);
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GError) error = NULL;
  EdReminder *reminder;

  /* Due 2027-01-23: three days after the 20th. */
  soon = add_new_hire (alice, "SOON", "2027-01-09");
  overdue = add_new_hire (alice, "OVERDUE", "2027-01-01");
  later = add_new_hire (alice, "LATER", "2027-02-10");
  closed = add_new_hire (alice, "CLOSED", "2027-01-01");
  trashed = add_new_hire (alice, "TRASHED", "2027-01-01");
  ed_case_set_status (closed, ED_CASE_CLOSED);
  g_assert_true (ed_store_flush (alice, &error));
  g_assert_no_error (error);
  g_assert_true (ed_store_trash_case (alice, ed_case_get_id (trashed), &error));

  reminders = reminders_at (bob, now);
  g_assert_cmpuint (reminders->len, ==, 2);
  reminder = g_ptr_array_index (reminders, 0);
  g_assert_cmpint (ed_case_info_get_id (reminder->info), ==, ed_case_get_id (overdue));
  g_assert_cmpuint (reminder->n_overdue, ==, 1);
  g_assert_cmpstr (ed_case_info_get_reference (reminder->info), ==,
                   ed_case_get_reference (overdue));
  reminder = reminder_for (reminders, ed_case_get_id (soon));
  g_assert_nonnull (reminder);
  g_assert_cmpuint (reminder->n_overdue, ==, 0);
  g_assert_cmpuint (reminder->n_due_soon, ==, 1);
  g_assert_cmpstr (ed_case_info_get_next_due (reminder->info)->rule_id, ==,
                   "notification-deadline");
  g_assert_null (reminder_for (reminders, ed_case_get_id (later)));
  g_assert_null (reminder_for (reminders, ed_case_get_id (closed)));
  g_assert_null (reminder_for (reminders, ed_case_get_id (trashed)));
  g_clear_pointer (&reminders, g_ptr_array_unref);

  /* A reader's desk reminds too. */
  reminders = reminders_at (rita, now);
  g_assert_cmpuint (reminders->len, ==, 2);
  g_clear_pointer (&reminders, g_ptr_array_unref);

  /* Marked done on Alice's desk: Bob is no longer reminded. */
  ed_case_set_date_done (soon, "jp-residence-registration", ed_case_get_traveller (soon, 0),
                         "notification-deadline", TRUE);
  g_assert_true (ed_store_flush (alice, &error));
  reminders = reminders_at (bob, now);
  g_assert_cmpuint (reminders->len, ==, 1);
  g_assert_null (reminder_for (reminders, ed_case_get_id (soon)));
  g_clear_pointer (&reminders, g_ptr_array_unref);

  /* A case reopened reminds again. */
  ed_case_set_status (closed, ED_CASE_OPEN);
  g_assert_true (ed_store_flush (alice, &error));
  reminders = reminders_at (bob, now);
  g_assert_nonnull (reminder_for (reminders, ed_case_get_id (closed)));
  g_assert_cmpuint (reminders->len, ==, 2);
}

typedef struct
{
  EdStore *store;
  guint    changed;
} Watch;

static void
on_changed (EdStore *store,
            Watch   *watch)
{
  watch->changed++;
}

static gboolean
got_changed (gpointer data)
{
  return ((Watch *) data)->changed > 0;
}

/* The case list by next deadline, on another desk: the earliest first,
 * cases without one and closed cases last; each case's next deadline as
 * the desk that wrote it worked it out. Setting the deadlines is no
 * change of the case, yet the other desks hear of it. */
static void
test_pg_due_list (Office        *office,
                  gconstpointer  data)
{
  g_autoptr(EdStore) alice = open_desk (office, "alice");
  g_autoptr(EdStore) bob = open_desk (office, "bob");
  g_autoptr(EdCase) march = NULL;
  g_autoptr(EdCase) january = NULL;
  g_autoptr(EdCase) closed = NULL;
  g_autoptr(EdCase) none = NULL;
  g_autoptr(EdCaseInfo) info = NULL;
  g_autoptr(EdCaseRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) refs = NULL;
  g_auto(GStrv) all = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *count = NULL;
  EdNextDue moved = { 0 };
  EdDeadline one = { 0, (char *) "jp-residence-registration",
                     (char *) "notification-deadline", 0, 0 };
  g_autoptr(GArray) deadlines = g_array_new (FALSE, TRUE, sizeof (EdDeadline));
  Watch watch = { alice, 0 };
  const EdNextDue *next;

  march = add_new_hire (alice, "MARCH", "2027-03-01");
  january = add_new_hire (alice, "JANUARY", "2027-01-10");
  closed = add_new_hire (alice, "CLOSED", "2026-12-01");
  none = ed_test_add_case (alice, "jp-visit-japan-web",
                           ed_test_traveller ("NONE", "A", NULL, NULL, "X1"), NULL);
  ed_case_set_status (closed, ED_CASE_CLOSED);
  g_assert_true (ed_store_flush (alice, &error));
  g_assert_no_error (error);

  refs = ed_test_search_refs (bob, "", ED_CASE_QUERY_BY_DUE);
  g_assert_cmpuint (g_strv_length (refs), ==, 3);
  g_assert_cmpstr (refs[0], ==, ed_case_get_reference (january));
  g_assert_cmpstr (refs[1], ==, ed_case_get_reference (march));
  g_assert_cmpstr (refs[2], ==, ed_case_get_reference (none));

  all = ed_test_search_refs (bob, "", ED_CASE_QUERY_BY_DUE | ED_CASE_QUERY_INCLUDE_CLOSED);
  g_assert_cmpuint (g_strv_length (all), ==, 4);
  g_assert_cmpstr (all[0], ==, ed_case_get_reference (january));
  g_assert_cmpstr (all[1], ==, ed_case_get_reference (march));

  /* The open cases without a deadline have their index: the office's
   * administrator made it on connecting (the set-up). */
  count = query (office, "SELECT to_regclass ('cases_open_undated') IS NOT NULL");
  g_assert_cmpstr (count, ==, "t");
  g_clear_pointer (&count, g_free);

  /* What the list shows is what the timeline says is next. */
  record = ed_case_record_new_from_case (january);
  ed_case_record_update_next_due (record, catalog);
  g_assert_cmpint (record->next_due.due_at, >, 0);
  info = ed_test_find_info (bob, ed_case_get_reference (january));
  next = ed_case_info_get_next_due (info);
  g_assert_cmpint (next->due_at, ==, record->next_due.due_at);
  g_assert_cmpint (next->end_at, ==, record->next_due.end_at);
  g_assert_cmpstr (next->when, ==, record->next_due.when);
  g_assert_cmpstr (next->procedure_id, ==, record->next_due.procedure_id);
  g_assert_cmpstr (next->rule_id, ==, record->next_due.rule_id);
  g_clear_object (&info);
  info = ed_test_find_info (bob, ed_case_get_reference (none));
  g_assert_cmpint (ed_case_info_get_next_due (info)->due_at, ==, 0);
  g_assert_null (ed_case_info_get_next_due (info)->when);
  g_clear_object (&info);

  /* Bob's desk sets March's deadlines (as a refresh does): not a change
   * of the case (version, author and time of change stay), but Alice's
   * desk hears of it, and the order follows. */
  sql = g_strdup_printf ("SELECT version, changed_by, changed_at, modified FROM cases "
                         "WHERE id = %" G_GINT64_FORMAT, ed_case_get_id (march));
  before = query (office, sql);
  g_signal_connect (alice, "changed", G_CALLBACK (on_changed), &watch);
  moved.due_at = 1800000000;     /* 2027-01-15 */
  moved.end_at = moved.due_at + 24 * 3600;
  moved.when = (char *) "2027-01-15";
  moved.procedure_id = one.procedure_id;
  moved.rule_id = one.rule_id;
  one.due_at = moved.due_at;
  one.end_at = moved.end_at;
  g_array_append_val (deadlines, one);
  g_assert_true (ed_store_backend_set_due (ed_store_get_backend (bob), ed_case_get_id (march),
                                           0, &moved, deadlines, NULL, &error));
  g_assert_no_error (error);
  after = query (office, sql);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count (*) FROM case_deadlines WHERE case_id = %"
                         G_GINT64_FORMAT, ed_case_get_id (march));
  count = query (office, sql);
  g_assert_cmpstr (count, ==, "1");
  g_assert_true (ed_test_office_wait (got_changed, &watch));
  g_signal_handlers_disconnect_by_func (alice, on_changed, &watch);
  g_clear_pointer (&refs, g_strfreev);
  refs = ed_test_search_refs (alice, "", ED_CASE_QUERY_BY_DUE);
  g_assert_cmpstr (refs[0], ==, ed_case_get_reference (march));
  info = ed_test_find_info (alice, ed_case_get_reference (march));
  g_assert_cmpstr (ed_case_info_get_next_due (info)->when, ==, "2027-01-15");

  /* A case that is not there. */
  g_assert_false (ed_store_backend_set_due (ed_store_get_backend (bob), 999999, 0, &moved,
                                            deadlines, NULL, &error));
  g_assert_error (error, ED_ERROR, ED_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Worked out of a version another desk has saved over since: that
   * save wrote its own, which stay. */
  g_clear_pointer (&sql, g_free);
  g_clear_pointer (&before, g_free);
  sql = g_strdup_printf ("SELECT version FROM cases WHERE id = %" G_GINT64_FORMAT,
                         ed_case_get_id (march));
  before = query (office, sql);
  ed_case_set_status (march, ED_CASE_CLOSED);
  g_assert_true (ed_store_flush (alice, &error));
  g_assert_no_error (error);
  moved.when = (char *) "2027-01-16";
  g_assert_false (ed_store_backend_set_due (ed_store_get_backend (bob), ed_case_get_id (march),
                                            g_ascii_strtoll (before, NULL, 10), &moved,
                                            deadlines, NULL, &error));
  g_assert_error (error, ED_ERROR, ED_ERROR_CONFLICT);
  g_clear_object (&info);
  info = ed_test_find_info (bob, ed_case_get_reference (march));
  g_assert_cmpstr (ed_case_info_get_next_due (info)->when, !=, "2027-01-16");
}

/* A database an Entry Desk of schema 2 set up, with a journey case in
 * it: migrated (two desks at once), nothing lost, no next deadline
 * until a desk with a catalog works them out, once for the office. */
static gpointer
open_admin_in_thread (gpointer data)
{
  Office *office = data;
  g_autofree char *uri = ed_test_pg_uri (server, "office_admin", office->database);
  g_autoptr(GError) error = NULL;
  EdStore *store = ed_store_open (uri, NULL, &error);

  g_assert_no_error (error);
  return store;
}

static void
insert_schema_2_case (PGconn       *conn,
                      EdCase       *kase,
                      const char   *reference,
                      const char   *status)
{
  g_autoptr(EdCaseRecord) record = ed_case_record_new_from_case (kase);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *procedures = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  const char *values[6];

  g_free (record->reference);
  record->reference = g_strdup (reference);
  node = ed_case_record_to_json (record);
  json_object_remove_member (json_node_get_object (node), "sheets");
  data = json_to_string (node, FALSE);
  for (guint i = 0; i < record->procedures->len; i++)
    g_ptr_array_add (ids, ((EdCaseProcedure *) g_ptr_array_index (record->procedures, i))->id);
  g_ptr_array_add (ids, NULL);
  procedures = g_strjoinv ("\n", (char **) ids->pdata);

  values[0] = reference;
  values[1] = record->procedure_id;
  values[2] = status;
  values[3] = data;
  values[4] = record->journey_id;
  values[5] = procedures;
  g_assert_true (_ed_pg_command (conn, "INSERT INTO cases (reference, procedure_id, "
                                       "procedure_version, status, closed, created, modified, "
                                       "names, n_travellers, data, journey_id, procedures) "
                                       "VALUES ($1, $2, 1, $3, CASE WHEN $3 = 'closed' THEN "
                                       "1798000000 END, 1798000000, 1798000000, 'ZHANG WEI', 1, "
                                       "$4, $5, $6)", 6, values, &error));
  g_assert_no_error (error);
}

static void
test_pg_due_migrate_from_2 (Office        *office,
                            gconstpointer  data)
{
  g_autofree char *uri = ed_test_pg_uri (server, "office_admin", office->database);
  g_autoptr(EdCase) open = new_hire_case ("OPEN", "2027-01-09");
  g_autoptr(EdCase) closed = new_hire_case ("CLOSED", "2027-01-01");
  g_autoptr(EdCaseRecord) expected = ed_case_record_new_from_case (open);
  g_autoptr(GDateTime) now = tokyo (2027, 1, 20, 9);
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(EdCaseInfo) info = NULL;
  g_autoptr(EdStore) alice = NULL;
  g_autoptr(EdStore) bob = NULL;
  g_autoptr(EdStore) rita = NULL;
  g_autoptr(EdCase) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  g_autofree char *stamps = NULL;
  g_autofree char *stamps_after = NULL;
  g_autofree char *open_ref = ed_case_reference_generate ();
  g_autofree char *closed_ref = NULL;
  GThread *threads[2];
  EdStore *opened[2];
  guint n_refreshed = 0;
  PGconn *conn;

  do
    {
      g_free (closed_ref);
      closed_ref = ed_case_reference_generate ();
    }
  while (strcmp (closed_ref, open_ref) == 0);

  /* The database as schema 2 left it. */
  conn = PQconnectdb (uri);
  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  g_assert_true (_ed_pg_migrate_to (conn, 2, &error));
  g_assert_no_error (error);
  insert_schema_2_case (conn, open, open_ref, "open");
  insert_schema_2_case (conn, closed, closed_ref, "closed");
  PQfinish (conn);
  version = query (office, "SELECT version FROM entry_desk_schema");
  g_assert_cmpstr (version, ==, "2");
  stamps = query (office, "SELECT version, created_by, changed_by, changed_at FROM cases "
                          "ORDER BY id");

  /* Two administrators' desks start at once: one migrates. */
  for (guint i = 0; i < 2; i++)
    threads[i] = g_thread_new ("open", open_admin_in_thread, office);
  for (guint i = 0; i < 2; i++)
    {
      opened[i] = g_thread_join (threads[i]);
      g_assert_nonnull (opened[i]);
      g_object_unref (opened[i]);
    }
  g_clear_pointer (&version, g_free);
  version = query (office, "SELECT version FROM entry_desk_schema");
  g_assert_cmpstr (version, ==, "6");

  /* Nothing lost; no next deadline yet. */
  alice = open_desk (office, "alice");
  info = ed_test_find_info (alice, open_ref);
  g_assert_cmpstr (ed_case_info_get_journey_id (info), ==, "jp-new-hire");
  g_assert_cmpuint (g_strv_length ((char **) ed_case_info_get_procedure_ids (info)), ==,
                    ed_case_get_n_procedures (open));
  g_assert_cmpint (ed_case_info_get_next_due (info)->due_at, ==, 0);
  loaded = ed_store_load_case (alice, ed_case_info_get_id (info), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ed_case_get_n_procedures (loaded), ==, ed_case_get_n_procedures (open));
  g_assert_cmpuint (ed_case_get_n_travellers (loaded), ==, 1);
  g_assert_cmpstr (ed_traveller_get (ed_case_get_traveller (loaded, 0), "arrival_date"), ==,
                   "2027-01-09");
  g_clear_object (&info);

  /* A reader's desk may not write them: it leaves them, without an
   * error. */
  rita = open_desk (office, "rita");
  g_assert_true (ed_store_refresh_due (rita, &n_refreshed, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_refreshed, ==, 0);
  g_clear_object (&rita);

  /* A staff desk with the catalog works them out, for the open case
   * only, and says which catalog they come from. */
  g_assert_true (ed_store_refresh_due (alice, &n_refreshed, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_refreshed, ==, 1);
  ed_case_record_update_next_due (expected, catalog);
  info = ed_test_find_info (alice, open_ref);
  g_assert_nonnull (expected->next_due.when);
  g_assert_cmpstr (ed_case_info_get_next_due (info)->when, ==, expected->next_due.when);
  g_assert_cmpint (ed_case_info_get_next_due (info)->due_at, ==, expected->next_due.due_at);
  reminders = reminders_at (alice, now);
  g_assert_cmpuint (reminders->len, ==, 1);
  g_assert_nonnull (reminder_for (reminders, ed_case_info_get_id (info)));
  g_clear_object (&info);
  info = ed_test_find_info (alice, closed_ref);
  g_assert_cmpint (ed_case_info_get_next_due (info)->due_at, ==, 0);
  /* Worked out, not changed: versions and authors as they were. */
  stamps_after = query (office, "SELECT version, created_by, changed_by, changed_at FROM cases "
                                "ORDER BY id");
  g_assert_cmpstr (stamps_after, ==, stamps);

  /* Another desk with the same catalog has nothing to do. */
  bob = open_desk (office, "bob");
  g_assert_true (ed_store_refresh_due (bob, &n_refreshed, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_refreshed, ==, 0);
}

/* A cn-accommodation-registration case of one traveller not at a hotel,
 * in Shanghai, at the step "register": five of its eleven steps apply,
 * and it is at the second. Not stored. */
static EdCase *
shanghai_case (void)
{
  g_autoptr(EdTraveller) traveller = ed_test_traveller ("LI", "NA", "李娜", NULL, "312345670");
  EdCase *kase = ed_case_new ("cn-accommodation-registration", 1);

  ed_traveller_set_answer (traveller, "stay-at-hotel", "no");
  ed_traveller_set_answer (traveller, "city", "shanghai");
  ed_case_add_traveller (kase, traveller);
  ed_case_set_current_step (kase, "register");
  return kase;
}

/* The progress one desk works out is every desk's: the other desk's list
 * counts the steps that apply to the case, and follows its saves. */
static void
test_pg_due_progress (Office        *office,
                      gconstpointer  data)
{
  g_autoptr(EdStore) alice = open_desk (office, "alice");
  g_autoptr(EdStore) bob = open_desk (office, "bob");
  g_autoptr(EdCase) kase = shanghai_case ();
  g_autoptr(GError) error = NULL;
  EdCaseProgress counted;

  g_assert_true (ed_store_add_case (alice, kase, &error));
  g_assert_no_error (error);
  ed_test_assert_progress (bob, ed_case_get_reference (kase), 2, 5);
  ed_case_get_progress (kase, ed_catalog_lookup (catalog, "cn-accommodation-registration"),
                        &counted);
  g_assert_cmpuint (counted.step, ==, 2);
  g_assert_cmpuint (counted.n_steps, ==, 5);

  ed_traveller_set_answer (ed_case_get_traveller (kase, 0), "stay-at-hotel", "yes");
  g_assert_true (ed_store_flush (alice, &error));
  g_assert_no_error (error);
  ed_test_assert_progress (bob, ed_case_get_reference (kase), 0, 1);
  ed_case_set_current_step (kase, "hotel-registers");
  g_assert_true (ed_store_flush (alice, &error));
  ed_test_assert_progress (bob, ed_case_get_reference (kase), 1, 1);
}

/* A database of schema 5, whose deadlines a desk with this very catalog
 * worked out: the migration adds the progress, not known, and forgets
 * the catalog, so the first staff desk works out every open case's
 * progress; the cases' versions and authors stay. */
static void
test_pg_due_migrate_from_5 (Office        *office,
                            gconstpointer  data)
{
  g_autofree char *uri = ed_test_pg_uri (server, "office_admin", office->database);
  g_autoptr(EdCase) open = shanghai_case ();
  g_autoptr(EdCase) closed = shanghai_case ();
  g_autoptr(EdStore) admin = NULL;
  g_autoptr(EdStore) alice = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *digest = _ed_store_catalog_digest (catalog);
  g_autofree char *version = NULL;
  g_autofree char *stamps = NULL;
  g_autofree char *stamps_after = NULL;
  g_autofree char *open_ref = ed_case_reference_generate ();
  g_autofree char *closed_ref = NULL;
  const char *values[1] = { digest };
  guint n_refreshed = 0;
  PGconn *conn;

  do
    {
      g_free (closed_ref);
      closed_ref = ed_case_reference_generate ();
    }
  while (strcmp (closed_ref, open_ref) == 0);

  conn = PQconnectdb (uri);
  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  g_assert_true (_ed_pg_migrate_to (conn, 5, &error));
  g_assert_no_error (error);
  insert_schema_2_case (conn, open, open_ref, "open");
  insert_schema_2_case (conn, closed, closed_ref, "closed");
  g_assert_true (_ed_pg_command (conn, "INSERT INTO settings (key, value) "
                                       "VALUES ('due_catalog', $1)", 1, values, &error));
  g_assert_no_error (error);
  PQfinish (conn);
  stamps = query (office, "SELECT version, created_by, changed_by, changed_at FROM cases "
                          "ORDER BY id");

  admin = open_desk (office, "office_admin");
  version = query (office, "SELECT version FROM entry_desk_schema");
  g_assert_cmpstr (version, ==, "6");
  alice = open_desk (office, "alice");
  ed_test_assert_progress (alice, open_ref, 0, -1);

  g_assert_true (ed_store_refresh_due (alice, &n_refreshed, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_refreshed, ==, 1);
  ed_test_assert_progress (alice, open_ref, 2, 5);
  ed_test_assert_progress (alice, closed_ref, 0, -1);
  stamps_after = query (office, "SELECT version, created_by, changed_by, changed_at FROM cases "
                                "ORDER BY id");
  g_assert_cmpstr (stamps_after, ==, stamps);

  /* Once for the office. */
  g_assert_true (ed_store_refresh_due (admin, &n_refreshed, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_refreshed, ==, 0);
}

static gboolean
online (gpointer data)
{
  return !ed_store_get_offline (data) && ed_store_get_n_queued (data) == 0;
}

/* A deadline marked done while the server is down: the save waits in
 * the queue, and its deadlines reach the office with it; the same from
 * a queue a desk left on disk when it quit. Setting deadlines offline
 * is refused and queues nothing: they are worked out again. */
static void
test_pg_due_offline (Office        *office,
                     gconstpointer  data)
{
  g_autoptr(EdStore) alice = open_desk (office, "alice");
  g_autoptr(EdStore) bob = NULL;
  g_autoptr(EdStore) again = NULL;
  g_autoptr(EdCase) soon = NULL;
  g_autoptr(EdCase) at_bob = NULL;
  g_autoptr(GDateTime) now = tokyo (2027, 1, 20, 9);
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  EdNextDue none = { 0 };
  g_autoptr(GArray) deadlines = g_array_new (FALSE, TRUE, sizeof (EdDeadline));
  guint n_refreshed = 0;
  gint64 id;

  soon = add_new_hire (alice, "SOON", "2027-01-09");
  id = ed_case_get_id (soon);
  g_assert_true (ed_store_flush (alice, &error));

  ed_test_pg_kill (server);
  ed_case_set_date_done (soon, "jp-residence-registration", ed_case_get_traveller (soon, 0),
                         "notification-deadline", TRUE);
  g_assert_true (ed_store_flush (alice, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ed_store_get_n_queued (alice), ==, 1);
  g_assert_false (ed_store_backend_set_due (ed_store_get_backend (alice), id, 0, &none, deadlines,
                                            NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (ed_store_get_n_queued (alice), ==, 1);
  ed_test_pg_restart (server);

  g_assert_true (ed_test_office_wait (online, alice));
  bob = open_desk (office, "bob");
  reminders = reminders_at (bob, now);
  g_assert_null (reminder_for (reminders, id));
  g_clear_pointer (&reminders, g_ptr_array_unref);
  /* The journey came whole through the queue. */
  at_bob = ed_store_load_case (bob, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ed_case_get_n_procedures (at_bob), ==, ed_case_get_n_procedures (soon));
  g_assert_cmpuint (ed_case_get_n_procedures (at_bob), >, 1);
  g_assert_true (ed_case_get_date_done (at_bob, "jp-residence-registration",
                                        ed_case_get_traveller (at_bob, 0),
                                        "notification-deadline"));
  g_clear_object (&at_bob);

  /* Undone offline, and the desk quits: its next start sends it, the
   * catalog given after, and the reminder is back. */
  ed_test_pg_kill (server);
  ed_case_set_date_done (soon, "jp-residence-registration", ed_case_get_traveller (soon, 0),
                         "notification-deadline", FALSE);
  g_assert_true (ed_store_flush (alice, &error));
  g_assert_cmpuint (ed_store_get_n_queued (alice), ==, 1);
  g_clear_object (&soon);
  g_clear_object (&alice);
  g_clear_object (&bob);
  ed_test_pg_restart (server);

  uri = ed_test_pg_uri (server, "alice", office->database);
  again = ed_store_open (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ed_store_get_n_queued (again), ==, 0);
  ed_store_set_catalog (again, catalog);
  g_assert_true (ed_store_refresh_due (again, &n_refreshed, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_refreshed, ==, 1);
  reminders = reminders_at (again, now);
  g_assert_nonnull (reminder_for (reminders, id));
  g_assert_cmpuint (reminder_for (reminders, id)->n_due_soon, ==, 1);
}

/* One case's deadlines written by two desks at once are there once.
 * Bob's desk writes them in a transaction it holds open (a slow link);
 * Alice's desk writes them meanwhile, as a refresh and as a save do, and
 * waits for Bob's; what it writes replaces what Bob's committed. Before,
 * Alice's write replaced only what was there when it began, Bob's
 * deadlines stayed beside hers, and the reminder counted each twice
 * (seen in CI, where a desk's queue and its refresh met). */
typedef struct
{
  EdStore         *desk;
  gint64           id;
  GArray          *deadlines;
  const EdNextDue *next;
  EdCaseRecord    *record;
} Writer;

static gpointer
write_deadlines (gpointer data)
{
  Writer *writer = data;
  EdStoreBackend *backend = ed_store_get_backend (writer->desk);
  GError *error = NULL;

  if (writer->record != NULL)
    ed_store_backend_save_case (backend, writer->record, &error);
  else
    ed_store_backend_set_due (backend, writer->id, 0, writer->next, writer->deadlines, NULL,
                              &error);
  return error;
}

static gboolean
desk_waits_for_lock (gpointer data)
{
  g_autofree char *waiting = query (data, "SELECT count (*) FROM pg_stat_activity "
                                          "WHERE wait_event_type = 'Lock'");

  return strcmp (waiting, "1") == 0;
}

/* Bob's desk writes @deadlines of @writer's case in a transaction, and
 * commits it while @writer writes; the number of deadline rows after. */
static char *
write_beside_bob (Office *office,
                  Writer *writer,
                  GArray *deadlines)
{
  g_autofree char *uri = ed_test_pg_uri (server, "bob", office->database);
  g_autoptr(GString) sql = g_string_new ("BEGIN;");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) written = NULL;
  GThread *thread;
  PGconn *bob;

  g_string_append_printf (sql, "UPDATE cases SET next_due_at = 0 WHERE id = %" G_GINT64_FORMAT
                          "; DELETE FROM case_deadlines WHERE case_id = %" G_GINT64_FORMAT ";",
                          writer->id, writer->id);
  for (guint i = 0; i < deadlines->len; i++)
    {
      const EdDeadline *deadline = &g_array_index (deadlines, EdDeadline, i);

      g_string_append_printf (sql, "INSERT INTO case_deadlines VALUES (%" G_GINT64_FORMAT
                              ", %u, '%s', '%s', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ");",
                              writer->id, deadline->traveller, deadline->procedure_id,
                              deadline->rule_id, deadline->due_at, deadline->end_at);
    }
  bob = PQconnectdb (uri);
  g_assert_cmpint (PQstatus (bob), ==, CONNECTION_OK);
  g_assert_true (_ed_pg_command (bob, sql->str, 0, NULL, &error));
  g_assert_no_error (error);

  thread = g_thread_new ("alice", write_deadlines, writer);
  g_assert_true (ed_test_office_wait (desk_waits_for_lock, office));
  g_assert_true (_ed_pg_command (bob, "COMMIT", 0, NULL, &error));
  g_assert_no_error (error);
  written = g_thread_join (thread);
  g_assert_no_error (written);
  PQfinish (bob);

  g_string_printf (sql, "SELECT count (*) FROM case_deadlines WHERE case_id = %"
                   G_GINT64_FORMAT, writer->id);
  return query (office, sql->str);
}

static void
test_pg_due_concurrent (Office        *office,
                        gconstpointer  data)
{
  g_autoptr(EdStore) alice = open_desk (office, "alice");
  g_autoptr(EdCase) kase = add_new_hire (alice, "TWICE", "2027-01-09");
  g_autoptr(GDateTime) now = tokyo (2027, 1, 14, 9);
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(EdCaseRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GArray) deadlines = g_array_new (FALSE, TRUE, sizeof (EdDeadline));
  EdDeadline two[] = {
    { 0, (char *) "jp-residence-registration", (char *) "notification-deadline",
      1800000000, 1800000000 + 24 * 3600 },
    { 0, (char *) "jp-national-health-insurance", (char *) "enrolment-deadline",
      1800086400, 1800086400 + 24 * 3600 },
  };
  EdNextDue next = { two[0].due_at, two[0].end_at, (char *) "2027-01-15",
                     two[0].procedure_id, two[0].rule_id };
  Writer writer = { alice, 0, deadlines, &next, NULL };

  g_assert_true (ed_store_flush (alice, &error));
  g_assert_no_error (error);
  writer.id = ed_case_get_id (kase);
  g_array_append_vals (deadlines, two, G_N_ELEMENTS (two));

  /* A refresh. */
  rows = write_beside_bob (office, &writer, deadlines);
  g_assert_cmpstr (rows, ==, "2");
  reminders = reminders_at (alice, now);
  g_assert_nonnull (reminder_for (reminders, writer.id));
  g_assert_cmpuint (reminder_for (reminders, writer.id)->n_due_soon, ==, 2);
  g_clear_pointer (&rows, g_free);

  /* A save, with the deadlines worked out of the case. */
  record = ed_case_record_new_from_case (kase);
  ed_case_record_update_next_due (record, catalog);
  g_assert_cmpuint (record->deadlines->len, >, 0);
  writer.record = record;
  rows = write_beside_bob (office, &writer, deadlines);
  expected = g_strdup_printf ("%u", record->deadlines->len);
  g_assert_cmpstr (rows, ==, expected);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = NULL;
  g_autofree char *procedures = NULL;
  g_autofree char *journeys = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  if (!ed_test_pg_available ())
    {
      g_test_skip ("PostgreSQL (initdb) or openssl is not installed: run build-aux/deps");
      return 0;
    }

  catalog = ed_catalog_new ();
  procedures = ed_paths_system_procedures_dir ();
  journeys = ed_paths_system_journeys_dir ();
  ed_catalog_load_directory (catalog, procedures, ED_ORIGIN_SYSTEM);
  ed_catalog_load_journey_directory (catalog, journeys, ED_ORIGIN_SYSTEM);
  g_assert_cmpuint (ed_catalog_get_errors (catalog)->len, ==, 0);

  data_home = ed_test_make_tmpdir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  server = ed_test_pg_start ();

  g_test_add ("/store-pg-due/reminders", Office, "set up", office_set_up,
              test_pg_due_reminders, office_tear_down);
  g_test_add ("/store-pg-due/list", Office, "set up", office_set_up, test_pg_due_list,
              office_tear_down);
  g_test_add ("/store-pg-due/migrate-from-2", Office, NULL, office_set_up,
              test_pg_due_migrate_from_2, office_tear_down);
  g_test_add ("/store-pg-due/offline", Office, "set up", office_set_up, test_pg_due_offline,
              office_tear_down);
  g_test_add ("/store-pg-due/concurrent", Office, "set up", office_set_up,
              test_pg_due_concurrent, office_tear_down);
  g_test_add ("/store-pg-due/progress", Office, "set up", office_set_up, test_pg_due_progress,
              office_tear_down);
  g_test_add ("/store-pg-due/migrate-from-5", Office, NULL, office_set_up,
              test_pg_due_migrate_from_5, office_tear_down);

  status = g_test_run ();

  ed_test_pg_stop (server);
  ed_test_rm_rf (data_home);
  g_clear_object (&catalog);
  return status;
}
