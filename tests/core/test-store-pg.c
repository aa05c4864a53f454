/* test-store-pg.c — the office database, against a real server
 *
 * One PostgreSQL cluster for the whole program (tests/ed-test-pg.c), a
 * new database for each test. Desks are EdStores opened on it as the
 * app opens them, with different roles: alice and bob (staff), rita
 * (reader), office_admin (administrator).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ed-case-backend.h"
#include "ed-store-backend.h"
#include "ed-store-pg.h"
#include "ed-store-pg-private.h"
#include "ed-test-office.h"
#include "ed-test-pg.h"
#include "ed-test-store.h"
#include "ed-test-util.h"

static EdTestPg *server;

typedef struct
{
  char *database;
} Office;

static EdStore *open_desk (Office *office, const char *role);

/* A new database; with @data, set up by the administrator first, as an
 * office does before the desks connect. */
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

static EdStore *
open_desk (Office     *office,
           const char *role)
{
  return ed_test_office_open_desk (server, office->database, role);
}

/* Closes a desk as the app does on quit: its last tasks done, then gone. */
static void
close_desk (EdStore **store)
{
  gpointer weak = *store;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (weak, &weak);
  g_clear_object (store);
  while (weak != NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  g_assert_null (weak);
}

static char *
query (Office     *office,
       const char *sql)
{
  return ed_test_office_query (server, office->database, sql);
}


/* Two desks connect to a new database at the same moment: the schema is
 * made once (the advisory lock), both open. */
typedef struct
{
  Office  *office;
  EdStore *store;
} Opening;

static gpointer
open_in_thread (gpointer data)
{
  Opening *opening = data;
  g_autofree char *uri = ed_test_pg_uri (server, "office_admin", opening->office->database);
  g_autoptr(GError) error = NULL;

  opening->store = ed_store_open (uri, NULL, &error);
  g_assert_no_error (error);
  return NULL;
}

static void
test_pg_schema (Office        *office,
                gconstpointer  data)
{
  Opening openings[3] = { { office, NULL }, { office, NULL }, { office, NULL } };
  GThread *threads[3];
  g_autofree char *version = NULL;
  g_autoptr(EdStore) staff = NULL;

  for (guint i = 0; i < 3; i++)
    threads[i] = g_thread_new ("open", open_in_thread, &openings[i]);
  for (guint i = 0; i < 3; i++)
    g_thread_join (threads[i]);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_nonnull (openings[i].store);
      g_clear_object (&openings[i].store);
    }

  version = query (office, "SELECT version FROM entry_desk_schema");
  g_assert_cmpstr (version, ==, "6");

  /* Another role opens a database set up already. */
  staff = open_desk (office, "alice");
  g_assert_true (g_str_has_prefix (ed_store_get_path (staff), "postgresql://alice@localhost:"));
  g_assert_null (strstr (ed_store_get_path (staff), "sslrootcert"));
}

/* A staff role before the administrator set the database up. */
static void
test_pg_not_set_up (Office        *office,
                    gconstpointer  data)
{
  g_autofree char *uri = ed_test_pg_uri (server, "alice", office->database);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdStore) store = ed_store_open (uri, NULL, &error);

  g_assert_null (store);
  g_assert_error (error, ED_ERROR, ED_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "administrator"));
}

static void
test_pg_cases (Office        *office,
               gconstpointer  data)
{
  g_autoptr(EdStore) admin = open_desk (office, "office_admin");
  g_autoptr(EdStore) store = open_desk (office, "alice");
  g_autoptr(EdCase) kase = NULL;
  g_autoptr(EdCase) again = NULL;
  g_autoptr(EdCaseInfo) found = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *who = NULL;
  g_autofree char *sql = NULL;
  EdSheetRecord sheet = {
    .kind = ED_SHEET_PDF, .procedure_id = "jp-my-her-sys", .procedure_version = 3,
    .languages = (char *[]) { "ja", "en", NULL }, .paper = "a4",
    .user = "desk3", .office = "Sakura Immigration Law Office",
  };
  const EdSheetRecord *logged;
  gint64 id;

  kase = ed_test_add_case (store, "jp-my-her-sys",
                           ed_test_traveller ("ERIKSSON", "ANNA", NULL, NULL, "TR1234567"),
                           ed_test_traveller ("王", "小明", "王小明", "ワン シャオミン",
                                              "E12345678"), NULL);
  id = ed_case_get_id (kase);
  ed_case_set_notes (kase, "first");
  g_assert_true (ed_store_flush (store, &error));
  g_assert_no_error (error);

  /* Found as the local search finds: word starts, inside words, Han
   * characters alone, kana in either script, full width, references. */
  g_assert_true (ed_test_found (store, "eri", kase));
  g_assert_true (ed_test_found (store, "ksson", kase));
  g_assert_true (ed_test_found (store, "ＥＲＩ", kase));
  g_assert_true (ed_test_found (store, "小", kase));
  g_assert_true (ed_test_found (store, "小明", kase));
  g_assert_true (ed_test_found (store, "わん", kase));
  g_assert_true (ed_test_found (store, "シャオ", kase));
  g_assert_true (ed_test_found (store, "345678", kase));
  g_assert_true (ed_test_found (store, "anna eri", kase));
  g_assert_true (ed_test_found (store, ed_case_get_reference (kase), kase));
  g_assert_false (ed_test_found (store, "sson anna lee", kase));
  g_assert_false (ed_test_found (store, "eriksdottir", kase));
  g_assert_cmpuint (ed_test_count_found (store, "", ED_CASE_QUERY_OPEN), ==, 1);

  found = ed_store_find_case (store, ed_case_get_reference (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_case_info_get_changed_by (found), ==, "alice");
  g_assert_cmpstr (ed_case_info_get_title (found), ==, "ERIKSSON ANNA, 王 小明");

  /* The same object while held; a fresh read from another desk. */
  again = ed_store_load_case (store, id, &error);
  g_assert_true (again == kase);
  g_clear_object (&again);
  again = ed_store_load_case (admin, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_case_get_notes (again), ==, "first");
  g_assert_true (ed_case_equal (again, kase));

  /* Who printed what is the server's to say. */
  g_assert_true (ed_store_log_sheet (store, kase, &sheet, &error));
  g_assert_no_error (error);
  sheets = ed_store_list_sheets (admin, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheets->len, ==, 1);
  logged = g_ptr_array_index (sheets, 0);
  g_assert_cmpstr (logged->by, ==, "alice");
  /* The desk's user name and the office of its letterhead, as printed. */
  g_assert_cmpstr (logged->user, ==, "desk3");
  g_assert_cmpstr (logged->office, ==, "Sakura Immigration Law Office");

  sql = g_strdup_printf ("SELECT created_by, changed_by, version FROM cases WHERE id = %"
                         G_GINT64_FORMAT, id);
  who = query (office, sql);
  g_assert_cmpstr (who, ==, "alice|alice|2");

  /* Trash, restore, trash and expunge: staff may delete what they put
   * in the trash. */
  g_assert_true (ed_store_trash_case (store, id, &error));
  g_assert_cmpuint (ed_test_count_found (store, "eri", ED_CASE_QUERY_OPEN), ==, 0);
  g_assert_true (ed_store_restore_case (store, id, &error));
  g_assert_true (ed_test_found (store, "eri", kase));
  g_assert_true (ed_store_trash_case (store, id, &error));
  g_assert_true (ed_store_expunge_case (store, id, &error));
  g_assert_no_error (error);
  g_free (who);
  who = query (office, "SELECT count(*) FROM cases");
  g_assert_cmpstr (who, ==, "0");
  g_free (who);
  who = query (office, "SELECT count(*) FROM sheet_log");
  g_assert_cmpstr (who, ==, "0");
}

/* Simplified, Traditional and Japanese forms find each other, as in a
 * desk's own store; another desk's list shows the name in native script. */
static void
test_pg_han_variants (Office        *office,
                      gconstpointer  data)
{
  g_autoptr(EdStore) store = open_desk (office, "alice");
  g_autoptr(EdStore) reader = open_desk (office, "rita");
  g_autoptr(EdCase) zhang = NULL;
  g_autoptr(EdCase) sawada = NULL;
  g_autoptr(EdCaseInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  zhang = ed_test_add_case (store, "jp-my-her-sys",
                            ed_test_traveller ("ZHANG", "WEI", "張偉", NULL, "312345678"),
                            ed_test_traveller ("CHEN", "MEI", "陳美", NULL, "312345679"), NULL);
  sawada = ed_test_add_case (store, "jp-my-her-sys",
                             ed_test_traveller ("SAWADA", "HIROSHI", "沢田 広", NULL,
                                                "TR1234567"), NULL);
  g_assert_true (ed_store_flush (store, &error));
  g_assert_no_error (error);

  g_assert_true (ed_test_found (reader, "张伟", zhang));
  g_assert_true (ed_test_found (reader, "张", zhang));
  g_assert_true (ed_test_found (reader, "陈", zhang));
  g_assert_true (ed_test_found (reader, "澤田", sawada));
  g_assert_true (ed_test_found (reader, "广", sawada));
  g_assert_true (ed_test_found (reader, "泽田 廣", sawada));
  g_assert_false (ed_test_found (reader, "张", sawada));

  info = ed_store_find_case (reader, ed_case_get_reference (zhang), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_case_info_get_native_name (info), ==, "張偉");
}

/* A database written before Han variants were folded: a desk of this
 * build makes every case's words again, so 張偉 stored then is found as
 * 张; its list rows gain the native name; the cases' versions, authors
 * and times of change stay. */
static void
test_pg_migrate_from_4 (Office        *office,
                        gconstpointer  data)
{
  g_autofree char *uri = ed_test_pg_uri (server, "office_admin", office->database);
  g_autoptr(EdCase) kase = ed_case_new ("jp-my-her-sys", 1);
  g_autoptr(EdTraveller) traveller = ed_test_traveller ("ZHANG", "WEI", "張偉", NULL,
                                                        "312345678");
  g_autoptr(EdCaseRecord) record = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(EdStore) admin = NULL;
  g_autoptr(EdStore) alice = NULL;
  g_autoptr(EdCaseInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *case_data = NULL;
  g_autofree char *version = NULL;
  g_autofree char *stamps = NULL;
  g_autofree char *stamps_after = NULL;
  g_autofree char *tokens = NULL;
  g_auto(GStrv) refs = NULL;
  const char *values[1];
  PGconn *conn;

  ed_case_add_traveller (kase, traveller);
  record = ed_case_record_new_from_case (kase);
  g_free (record->reference);
  record->reference = g_strdup ("4H7N2P");
  node = ed_case_record_to_json (record);
  json_object_remove_member (json_node_get_object (node), "sheets");
  case_data = json_to_string (node, FALSE);

  /* The database as schema 4 left it, the words as that build made them. */
  conn = PQconnectdb (uri);
  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  g_assert_true (_ed_pg_migrate_to (conn, 4, &error));
  g_assert_no_error (error);
  values[0] = case_data;
  g_assert_true (_ed_pg_command (conn, "INSERT INTO cases (reference, procedure_id, "
                                       "procedure_version, status, created, modified, names, "
                                       "n_travellers, words, inner_words, data, procedures) "
                                       "VALUES ('4H7N2P', 'jp-my-her-sys', 1, 'open', "
                                       "1798000000, 1798000000, 'ZHANG WEI', 1, "
                                       "' 2p 312345678 4h7n 4h7n2p wei zhang 張偉 ', "
                                       "' 12345678 2345678 345678 45678 5678 678 ang hang 偉 ', "
                                       "$1, 'jp-my-her-sys')", 1, values, &error));
  g_assert_no_error (error);
  /* A case no desk can read keeps its words, and the others are done. */
  g_assert_true (_ed_pg_command (conn, "INSERT INTO cases (reference, procedure_id, "
                                       "procedure_version, status, created, modified, names, "
                                       "words, data) VALUES ('9XXX9X', 'jp-my-her-sys', 1, "
                                       "'open', 1797000000, 1797000000, 'BROKEN', "
                                       "' broken ', '{\"entry_desk_case\": 99}')", 0, NULL,
                                 &error));
  g_assert_no_error (error);
  PQfinish (conn);
  stamps = query (office, "SELECT version, created_by, changed_by, changed_at FROM cases "
                          "ORDER BY id");

  admin = open_desk (office, "office_admin");
  version = query (office, "SELECT version FROM entry_desk_schema");
  g_assert_cmpstr (version, ==, "6");

  alice = open_desk (office, "alice");
  refs = ed_test_search_refs (alice, "张", 0);
  g_assert_cmpstrv (refs, ((const char *[]) { "ED-4H7N-2P", NULL }));
  g_clear_pointer (&refs, g_strfreev);
  refs = ed_test_search_refs (alice, "zhang 伟", 0);
  g_assert_cmpstrv (refs, ((const char *[]) { "ED-4H7N-2P", NULL }));
  /* The token index is made again with the words. */
  tokens = query (office, "SELECT count(*) FROM case_tokens WHERE token IN ('张伟', '_伟')");
  g_assert_cmpstr (tokens, ==, "2");

  info = ed_store_find_case (alice, "ED-4H7N-2P", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_case_info_get_native_name (info), ==, "張偉");
  stamps_after = query (office, "SELECT version, created_by, changed_by, changed_at FROM cases "
                                "ORDER BY id");
  g_assert_cmpstr (stamps_after, ==, stamps);
  g_clear_pointer (&refs, g_strfreev);
  refs = ed_test_search_refs (alice, "broken", 0);
  g_assert_cmpstrv (refs, ((const char *[]) { "ED-9XXX-9X", NULL }));
}

/* Schema 2: a case of a journey keeps its procedures in order, another
 * desk lists them, and a journey sheet's lines say they were one. */
static void
test_pg_journey (Office        *office,
                 gconstpointer  data)
{
  g_autoptr(EdStore) admin = open_desk (office, "office_admin");
  g_autoptr(EdStore) store = open_desk (office, "alice");
  g_autoptr(EdCase) kase = NULL;
  g_autoptr(EdCase) again = NULL;
  g_autoptr(EdCaseInfo) found = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *ids;
  EdSheetRecord sheet = {
    .kind = ED_SHEET_PDF, .procedure_id = "jp-residence-registration", .procedure_version = 1,
    .languages = (char *[]) { "ja", "en", NULL }, .paper = "a4", .journey = TRUE,
  };

  kase = ed_test_add_case (store, "jp-my-her-sys",
                           ed_test_traveller ("ERIKSSON", "ANNA", NULL, NULL, "TR1234567"),
                           NULL);
  ed_case_set_journey_id (kase, "jp-new-hire");
  g_assert_true (ed_case_add_procedure (kase, "jp-residence-registration", 1, -1));
  g_assert_true (ed_store_flush (store, &error));
  g_assert_no_error (error);

  again = ed_store_load_case (admin, ed_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_case_get_journey_id (again), ==, "jp-new-hire");
  g_assert_cmpuint (ed_case_get_n_procedures (again), ==, 2);
  g_assert_cmpstr (ed_case_get_procedure (again, 0)->id, ==, "jp-my-her-sys");
  g_assert_cmpstr (ed_case_get_procedure (again, 1)->id, ==, "jp-residence-registration");

  found = ed_store_find_case (admin, ed_case_get_reference (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_case_info_get_journey_id (found), ==, "jp-new-hire");
  ids = ed_case_info_get_procedure_ids (found);
  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 2);
  g_assert_cmpstr (ids[1], ==, "jp-residence-registration");

  g_assert_true (ed_store_log_sheet (store, kase, &sheet, &error));
  g_assert_no_error (error);
  sheets = ed_store_list_sheets (admin, ed_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheets->len, ==, 1);
  g_assert_true (((EdSheetRecord *) g_ptr_array_index (sheets, 0))->journey);
}

/* The conflict two desks make editing one traveller at once: neither is
 * lost, each field can be merged. */
static gboolean
has_conflict (gpointer data)
{
  return ed_store_get_conflicts (data)->len > 0;
}

static void
on_conflict (EdStore        *store,
             EdCaseConflict *conflict,
             guint          *count)
{
  (*count)++;
}

static void
test_pg_conflict (Office        *office,
                  gconstpointer  data)
{
  g_autoptr(EdStore) alice = open_desk (office, "alice");
  g_autoptr(EdStore) bob = open_desk (office, "bob");
  g_autoptr(EdCase) mine = NULL;
  g_autoptr(EdCase) theirs = NULL;
  g_autoptr(EdCase) check = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdStore) third = NULL;
  EdCaseConflict *conflict;
  guint n_signals = 0;
  gint64 id;
  guint surname = G_MAXUINT, phone = G_MAXUINT, notes = G_MAXUINT;

  mine = ed_test_add_case (alice, "jp-my-her-sys",
                           ed_test_traveller ("TANAKA", "HANAKO", NULL, NULL, "TK1111111"),
                           NULL);
  id = ed_case_get_id (mine);
  theirs = ed_store_load_case (bob, id, &error);
  g_assert_no_error (error);
  g_signal_connect (alice, "conflict", G_CALLBACK (on_conflict), &n_signals);

  /* Bob saves first: the surname and the phone. Alice then saves the
   * surname differently and the notes. */
  ed_traveller_set (ed_case_get_traveller (theirs, 0), "surname", "TANAKA-SATO");
  ed_traveller_set (ed_case_get_traveller (theirs, 0), "phone", "0312345678");
  g_assert_true (ed_store_flush (bob, &error));
  ed_traveller_set (ed_case_get_traveller (mine, 0), "surname", "SATO");
  ed_case_set_notes (mine, "called her");
  ed_store_set_autosave_delays (alice, 10, 20);

  g_assert_true (ed_test_office_wait (has_conflict, alice));
  g_assert_cmpuint (n_signals, ==, 1);
  g_assert_true (ed_store_has_unsaved_changes (alice));
  conflict = g_ptr_array_index (ed_store_get_conflicts (alice), 0);
  g_assert_cmpstr (ed_case_conflict_get_changed_by (conflict), ==, "bob");
  g_assert_nonnull (ed_case_conflict_get_base (conflict));

  for (guint i = 0; i < ed_case_conflict_get_n_fields (conflict); i++)
    {
      const EdConflictField *field = ed_case_conflict_get_field (conflict, i);

      if (field->kind == ED_CONFLICT_FIELD_DATA && g_strcmp0 (field->key, "surname") == 0)
        surname = i;
      else if (field->kind == ED_CONFLICT_FIELD_DATA && g_strcmp0 (field->key, "phone") == 0)
        phone = i;
      else if (field->kind == ED_CONFLICT_FIELD_NOTES)
        notes = i;
    }
  g_assert_cmpuint (ed_case_conflict_get_n_fields (conflict), ==, 3);
  /* Who changed what, and what the merge takes by itself. */
  g_assert_true (ed_case_conflict_get_field (conflict, surname)->mine_changed);
  g_assert_true (ed_case_conflict_get_field (conflict, surname)->theirs_changed);
  g_assert_cmpstr (ed_case_conflict_get_field (conflict, surname)->theirs, ==, "TANAKA-SATO");
  g_assert_cmpstr (ed_case_conflict_get_field (conflict, surname)->base, ==, "TANAKA");
  g_assert_false (ed_case_conflict_get_field (conflict, phone)->mine_changed);
  g_assert_cmpint (ed_case_conflict_get_field (conflict, phone)->choice, ==,
                   ED_CONFLICT_TAKE_THEIRS);
  g_assert_cmpint (ed_case_conflict_get_field (conflict, notes)->choice, ==,
                   ED_CONFLICT_KEEP_MINE);

  /* Alice takes Bob's surname, keeps her notes, gets his phone. */
  ed_case_conflict_choose (conflict, surname, ED_CONFLICT_TAKE_THEIRS);
  ed_store_resolve_conflict (alice, conflict, NULL);
  g_assert_cmpuint (ed_store_get_conflicts (alice)->len, ==, 0);
  g_assert_cmpstr (ed_traveller_get (ed_case_get_traveller (mine, 0), "surname"), ==,
                   "TANAKA-SATO");
  g_assert_cmpstr (ed_traveller_get (ed_case_get_traveller (mine, 0), "phone"), ==,
                   "0312345678");
  ed_test_wait_saved (alice);

  third = open_desk (office, "office_admin");
  check = ed_store_load_case (third, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_traveller_get (ed_case_get_traveller (check, 0), "surname"), ==,
                   "TANAKA-SATO");
  g_assert_cmpstr (ed_traveller_get (ed_case_get_traveller (check, 0), "phone"), ==,
                   "0312345678");
  g_assert_cmpstr (ed_case_get_notes (check), ==, "called her");
}

/* What another desk does shows here within a second: a new case in the
 * list, a change in a case open here, who has a case open. */
typedef struct
{
  EdStore *store;
  EdCase  *kase;
  guint    changed;
} Watch;

static void
on_changed (EdStore *store,
            Watch   *watch)
{
  watch->changed++;
}

static gboolean
list_has_two (gpointer data)
{
  return ed_test_count_found (((Watch *) data)->store, "", ED_CASE_QUERY_OPEN) == 2;
}

static gboolean
notes_arrived (gpointer data)
{
  return g_strcmp0 (ed_case_get_notes (((Watch *) data)->kase), "from alice") == 0;
}

static gboolean
open_elsewhere (gpointer data)
{
  Watch *watch = data;
  g_autoptr(GPtrArray) infos = ed_store_search (watch->store, "", ED_CASE_QUERY_OPEN, 0, NULL,
                                                NULL);

  for (guint i = 0; infos != NULL && i < infos->len; i++)
    if (g_strcmp0 (ed_case_info_get_open_elsewhere (g_ptr_array_index (infos, i)),
                   "alice") == 0)
      return TRUE;
  return FALSE;
}

static gboolean
got_changed (gpointer data)
{
  return ((Watch *) data)->changed > 0;
}

static void
test_pg_elsewhere (Office        *office,
                   gconstpointer  data)
{
  g_autoptr(EdStore) alice = open_desk (office, "alice");
  g_autoptr(EdStore) bob = open_desk (office, "bob");
  g_autoptr(EdCase) first = NULL;
  g_autoptr(EdCase) second = NULL;
  g_autoptr(EdCase) at_bob = NULL;
  g_autoptr(GError) error = NULL;
  Watch watch = { bob, NULL, 0 };
  gint64 started;

  first = ed_test_add_case (alice, "jp-my-her-sys",
                            ed_test_traveller ("LEE", "MIN", NULL, NULL, NULL), NULL);
  at_bob = ed_store_load_case (bob, ed_case_get_id (first), &error);
  g_assert_no_error (error);
  watch.kase = at_bob;
  g_signal_connect (bob, "changed", G_CALLBACK (on_changed), &watch);

  /* Alice adds a case: Bob's list learns it within a second. */
  started = g_get_monotonic_time ();
  second = ed_test_add_case (alice, "jp-my-her-sys",
                             ed_test_traveller ("PARK", "JI", NULL, NULL, NULL), NULL);
  g_assert_true (ed_test_office_wait (got_changed, &watch));
  g_assert_cmpint (g_get_monotonic_time () - started, <, G_USEC_PER_SEC);
  g_assert_true (list_has_two (&watch));

  /* Alice changes the case Bob has open and unchanged: his shows it. */
  started = g_get_monotonic_time ();
  ed_case_set_notes (first, "from alice");
  g_assert_true (ed_store_flush (alice, &error));
  g_assert_true (ed_test_office_wait (notes_arrived, &watch));
  g_assert_cmpint (g_get_monotonic_time () - started, <, G_USEC_PER_SEC);
  g_assert_false (ed_store_has_unsaved_changes (bob));

  /* Alice holds her cases: Bob's list says so. */
  g_assert_true (ed_test_office_wait (open_elsewhere, &watch));
  g_clear_object (&first);
  g_clear_object (&second);
  g_signal_handlers_disconnect_by_func (bob, on_changed, &watch);
}

static gboolean
retention_is_30 (gpointer data)
{
  return ed_store_get_retention_days (data) == 30;
}

/* Rita reads; only the administrator purges. The period the
 * administrator sets reaches the other desks as they run. */
static void
test_pg_roles (Office        *office,
               gconstpointer  data)
{
  g_autoptr(EdStore) admin = open_desk (office, "office_admin");
  g_autoptr(EdStore) alice = open_desk (office, "alice");
  g_autoptr(EdStore) rita = open_desk (office, "rita");
  g_autoptr(EdCase) kase = NULL;
  g_autoptr(EdCase) read = NULL;
  g_autoptr(EdCase) rejected = NULL;
  g_autoptr(GPtrArray) preview = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  /* What a window shows read-only: the reader's desk, no other. */
  g_assert_true (ed_store_get_read_only (rita));
  g_assert_false (ed_store_get_read_only (alice));
  g_assert_false (ed_store_get_read_only (admin));

  kase = ed_test_add_case (alice, "jp-my-her-sys",
                           ed_test_traveller ("OLD", "CASE", NULL, NULL, NULL), NULL);
  ed_case_set_status (kase, ED_CASE_CLOSED);
  g_assert_true (ed_store_flush (alice, &error));
  g_assert_no_error (error);

  /* The reader finds and reads it, and cannot change it. */
  g_assert_true (ed_test_found (rita, "old", kase));
  read = ed_store_load_case (rita, ed_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_traveller_get (ed_case_get_traveller (read, 0), "surname"), ==, "OLD");
  rejected = ed_case_new ("jp-my-her-sys", 1);
  g_assert_false (ed_store_add_case (rita, rejected, &error));
  g_assert_error (error, ED_ERROR, ED_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (ed_store_trash_case (rita, ed_case_get_id (kase), &error));
  g_assert_error (error, ED_ERROR, ED_ERROR_DENIED);
  g_clear_error (&error);

  /* Closed forty days ago. */
  ed_test_pg_sql (server, office->database, "UPDATE cases SET closed = closed - 40 * 86400");

  /* Staff see what a purge would delete, and may not delete it. */
  preview = ed_store_purge_preview (alice, 30, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->len, ==, 1);
  g_assert_false (ed_store_purge (alice, preview, 30, &n, NULL, &error));
  g_assert_error (error, ED_ERROR, ED_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "administrator"));
  g_assert_cmpuint (n, ==, 0);
  g_clear_error (&error);
  g_assert_false (ed_store_purge (rita, preview, 30, &n, NULL, &error));
  g_assert_error (error, ED_ERROR, ED_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (ed_store_set_retention_days (alice, 30, &error));
  g_assert_error (error, ED_ERROR, ED_ERROR_DENIED);
  g_clear_error (&error);


  /* The administrator sets the period every desk reads, and purges. */
  g_assert_true (ed_store_set_retention_days (admin, 30, &error));
  g_assert_cmpuint (ed_store_get_retention_days (admin), ==, 30);
  g_assert_true (ed_test_office_wait (retention_is_30, alice));
  g_assert_true (ed_store_purge (admin, preview, 30, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
}

/* verify-full: a certificate that is not for the name connected to, or
 * not signed by a known authority, is refused. */
static void
test_pg_tls (Office        *office,
             gconstpointer  data)
{
  g_autoptr(EdStore) admin = open_desk (office, "office_admin");
  g_autoptr(GError) error = NULL;
  g_autoptr(EdStore) store = NULL;
  g_autofree char *by_address = NULL;
  g_autofree char *other_ca = NULL;
  g_autofree char *no_ca = NULL;
  g_autofree char *weaker = NULL;

  /* The certificate names localhost, not 127.0.0.1. */
  {
    g_autofree char *root = g_build_filename (ed_test_pg_get_dir (server), "ca.crt", NULL);

    by_address = ed_test_pg_uri_for_host (server, "alice", office->database, "127.0.0.1", root);
  }
  store = ed_store_open (by_address, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, ED_ERROR, ED_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  g_clear_error (&error);

  /* Signed by an authority the desk does not know. */
  other_ca = ed_test_pg_uri_for_host (server, "alice", office->database, "localhost",
                                      ed_test_pg_get_other_ca (server));
  store = ed_store_open (other_ca, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, ED_ERROR, ED_ERROR_DENIED);
  g_clear_error (&error);

  /* verify-full by default: without a root certificate, nothing. */
  no_ca = ed_test_pg_uri_for_host (server, "alice", office->database, "localhost", NULL);
  store = ed_store_open (no_ca, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, ED_ERROR, ED_ERROR_DENIED);
  g_clear_error (&error);

  /* Asked for in the address, a weaker mode is the office's choice. */
  weaker = g_strconcat (no_ca, "?sslmode=require", NULL);
  store = ed_store_open (weaker, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
}

/* The server killed in the middle of a burst of saves: every save that
 * returned is on the server or in the queue (0600), and reaches the
 * server when it is back. */
static gboolean
online (gpointer data)
{
  return !ed_store_get_offline (data) && ed_store_get_n_queued (data) == 0;
}

static void
test_pg_killed (Office        *office,
                gconstpointer  data)
{
  g_autoptr(EdStore) store = open_desk (office, "alice");
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *queue = NULL;
  g_autoptr(EdStore) check = NULL;
  gboolean was_offline = FALSE;

  for (guint i = 0; i < 5; i++)
    g_ptr_array_add (cases, ed_test_add_case (store, "jp-my-her-sys",
                                              ed_test_traveller ("BURST", NULL, NULL, NULL,
                                                                 NULL), NULL));
  queue = ed_store_pg_get_queue_path (ED_STORE_PG (ed_store_get_backend (store)));

  for (guint n = 1; n <= 200; n++)
    {
      EdCase *kase = g_ptr_array_index (cases, n % cases->len);
      g_autofree char *notes = g_strdup_printf ("edit %u", n);

      if (n == 60)
        ed_test_pg_kill (server);
      ed_case_set_notes (kase, notes);
      g_assert_true (ed_store_flush (store, &error));
      g_assert_no_error (error);
      if (n > 60 && ed_store_get_n_queued (store) > 0)
        {
          was_offline = TRUE;
          g_assert_cmpuint (ed_test_file_mode (queue), ==, 0600);
        }
      if (n == 150)
        ed_test_pg_restart (server);
      g_main_context_iteration (NULL, FALSE);
    }
  g_assert_true (was_offline);

  /* Back: the queue is sent and empties. */
  g_assert_true (ed_test_office_wait (online, store));
  g_assert_false (g_file_test (queue, G_FILE_TEST_EXISTS));

  check = open_desk (office, "office_admin");
  for (guint i = 0; i < cases->len; i++)
    {
      EdCase *kase = g_ptr_array_index (cases, i);
      g_autoptr(EdCase) there = ed_store_load_case (check, ed_case_get_id (kase), &error);

      g_assert_no_error (error);
      g_assert_cmpstr (ed_case_get_notes (there), ==, ed_case_get_notes (kase));
    }
}

/* A desk that saved offline and quit: the next start sends the queue;
 * a case another desk changed meanwhile is a conflict, not overwritten. */
static void
test_pg_queue_next_start (Office        *office,
                          gconstpointer  data)
{
  g_autoptr(EdStore) alice = open_desk (office, "alice");
  g_autoptr(EdStore) bob = open_desk (office, "bob");
  g_autoptr(EdCase) kept = NULL;
  g_autoptr(EdCase) contested = NULL;
  g_autoptr(EdCase) at_bob = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdStore) again = NULL;
  g_autoptr(EdCase) check = NULL;
  gint64 kept_id, contested_id;

  kept = ed_test_add_case (alice, "jp-my-her-sys",
                           ed_test_traveller ("KEPT", NULL, NULL, NULL, NULL), NULL);
  contested = ed_test_add_case (alice, "jp-my-her-sys",
                                ed_test_traveller ("CONTESTED", NULL, NULL, NULL, NULL), NULL);
  kept_id = ed_case_get_id (kept);
  contested_id = ed_case_get_id (contested);

  ed_test_pg_kill (server);
  ed_case_set_notes (kept, "offline edit");
  ed_case_set_notes (contested, "alice offline");
  g_assert_true (ed_store_flush (alice, &error));
  g_assert_cmpuint (ed_store_get_n_queued (alice), ==, 2);
  g_clear_object (&kept);
  g_clear_object (&contested);
  close_desk (&alice);
  ed_test_pg_restart (server);

  /* Meanwhile Bob changes one of them. */
  g_clear_object (&bob);
  bob = open_desk (office, "bob");
  at_bob = ed_store_load_case (bob, contested_id, &error);
  g_assert_no_error (error);
  ed_case_set_notes (at_bob, "bob online");
  g_assert_true (ed_store_flush (bob, &error));

  again = open_desk (office, "alice");
  g_assert_cmpuint (ed_store_get_conflicts (again)->len, ==, 1);
  g_assert_cmpint (ed_case_conflict_get_id (g_ptr_array_index (ed_store_get_conflicts (again), 0)),
                   ==, contested_id);
  /* The conflicting save still waits; the other is on the server. */
  g_assert_cmpuint (ed_store_get_n_queued (again), ==, 1);
  check = ed_store_load_case (bob, kept_id, &error);
  g_assert_cmpstr (ed_case_get_notes (check), ==, "offline edit");
  g_clear_object (&check);
  check = ed_store_load_case (again, contested_id, &error);
  g_assert_cmpstr (ed_case_get_notes (check), ==, "alice offline");

  /* Alice keeps hers: saved over Bob's, the queue empties. */
  ed_case_conflict_choose_all (g_ptr_array_index (ed_store_get_conflicts (again), 0),
                               ED_CONFLICT_KEEP_MINE);
  ed_store_resolve_conflict (again, g_ptr_array_index (ed_store_get_conflicts (again), 0), NULL);
  ed_test_wait_saved (again);
  g_assert_cmpuint (ed_store_get_n_queued (again), ==, 0);
  g_clear_object (&check);
  g_clear_object (&at_bob);
  g_clear_object (&bob);
  bob = open_desk (office, "bob");
  check = ed_store_load_case (bob, contested_id, &error);
  g_assert_cmpstr (ed_case_get_notes (check), ==, "alice offline");
}

/* A new case made while the server is away: kept in the queue (0600)
 * under an id the desk reserved and a reference made of it, which no
 * other desk can make meanwhile, online or offline; listed, marked as
 * waiting; sent when the server is back, with what was typed into it
 * since. */
static EdCaseInfo *
listed (EdStore    *store,
        const char *text,
        const char *reference)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = ed_store_search (store, text, ED_CASE_QUERY_BY_DUE, 0, NULL,
                                                &error);

  g_assert_no_error (error);
  for (guint i = 0; i < found->len; i++)
    if (g_strcmp0 (ed_case_info_get_reference (g_ptr_array_index (found, i)), reference) == 0)
      return g_object_ref (g_ptr_array_index (found, i));
  return NULL;
}

static gboolean
both_online (gpointer data)
{
  EdStore **desks = data;

  return online (desks[0]) && online (desks[1]);
}

static void
test_pg_offline_new_case (Office        *office,
                          gconstpointer  data)
{
  g_autoptr(EdStore) alice = open_desk (office, "alice");
  g_autoptr(EdStore) bob = open_desk (office, "bob");
  EdStore *desks[] = { alice, bob };
  g_autoptr(EdCase) before = NULL;
  g_autoptr(EdCase) made = ed_case_new ("jp-my-her-sys", 1);
  g_autoptr(EdCase) at_bob = NULL;
  g_autoptr(EdTraveller) traveller = ed_test_traveller ("OFFLINE", "NORA", NULL, NULL, NULL);
  g_autoptr(EdCaseInfo) info = NULL;
  g_autoptr(EdCase) there = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *queue = NULL;
  g_autofree char *reference = NULL;
  gint64 id;

  /* The plain list read once online, as the window does. */
  before = ed_test_add_case (alice, "jp-my-her-sys",
                             ed_test_traveller ("EARLIER", NULL, NULL, NULL, NULL), NULL);
  info = listed (alice, "", ed_case_get_reference (before));
  g_assert_nonnull (info);
  g_assert_false (ed_case_info_get_waiting (info));
  g_clear_object (&info);
  queue = ed_store_pg_get_queue_path (ED_STORE_PG (ed_store_get_backend (alice)));

  ed_test_pg_kill (server);
  ed_case_add_traveller (made, traveller);
  g_assert_true (ed_store_add_case (alice, made, &error));
  g_assert_no_error (error);
  id = ed_case_get_id (made);
  g_assert_cmpint (id, >, 0);
  reference = g_strdup (ed_case_get_reference (made));
  g_assert_nonnull (reference);
  g_assert_true (ed_store_get_offline (alice));
  g_assert_cmpuint (ed_store_get_n_queued (alice), ==, 1);
  g_assert_cmpuint (ed_test_file_mode (queue), ==, 0600);

  /* Another desk offline at the same time: another id and reference. */
  at_bob = ed_test_add_case (bob, "jp-my-her-sys",
                             ed_test_traveller ("BOBS", NULL, NULL, NULL, NULL), NULL);
  g_assert_cmpint (ed_case_get_id (at_bob), !=, id);
  g_assert_cmpstr (ed_case_get_reference (at_bob), !=, reference);
  g_assert_cmpuint (ed_store_get_n_queued (bob), ==, 1);

  /* Listed offline, first, waiting; the cases listed before stay. */
  info = listed (alice, "", reference);
  g_assert_nonnull (info);
  g_assert_true (ed_case_info_get_waiting (info));
  g_clear_object (&info);
  info = listed (alice, "", ed_case_get_reference (before));
  g_assert_nonnull (info);
  g_clear_object (&info);
  info = listed (alice, "offl", reference);
  g_assert_nonnull (info);
  g_clear_object (&info);

  /* Typed into offline: waits with it. */
  ed_case_set_notes (made, "made offline");
  g_assert_true (ed_store_flush (alice, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ed_store_get_n_queued (alice), ==, 1);

  /* Back: both sent, under their references, the queues empty. */
  ed_test_pg_restart (server);
  g_assert_true (ed_test_office_wait (both_online, desks));
  g_assert_false (g_file_test (queue, G_FILE_TEST_EXISTS));
  there = ed_store_load_case (bob, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_case_get_reference (there), ==, reference);
  g_assert_cmpstr (ed_case_get_notes (there), ==, "made offline");
  g_assert_cmpstr (ed_traveller_get (ed_case_get_traveller (there, 0), "surname"), ==,
                   "OFFLINE");
  g_clear_object (&there);
  there = ed_store_load_case (alice, ed_case_get_id (at_bob), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_case_get_reference (there), ==, ed_case_get_reference (at_bob));
  g_assert_cmpstr (ed_traveller_get (ed_case_get_traveller (there, 0), "surname"), ==, "BOBS");
  info = listed (bob, "", reference);
  g_assert_nonnull (info);
  g_assert_false (ed_case_info_get_waiting (info));
  g_clear_object (&info);
  info = listed (alice, "", reference);
  g_assert_nonnull (info);
  g_assert_false (ed_case_info_get_waiting (info));
  g_clear_object (&info);

  /* A desk online never makes a reference of those: they start with Z. */
  g_assert_true (g_str_has_prefix (reference, "ED-Z"));
  g_assert_true (g_str_has_prefix (ed_case_get_reference (at_bob), "ED-Z"));
  for (guint i = 0; i < 64; i++)
    {
      g_autoptr(EdCase) online_case = ed_test_add_case (bob, "jp-my-her-sys", NULL, NULL);

      g_assert_false (g_str_has_prefix (ed_case_get_reference (online_case), "ED-Z"));
    }

  /* Edits after go to the server as any case's. */
  ed_case_set_notes (made, "after");
  g_assert_true (ed_store_flush (alice, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ed_store_get_n_queued (alice), ==, 0);
  g_clear_object (&there);
  there = ed_store_load_case (bob, id, &error);
  g_assert_cmpstr (ed_case_get_notes (there), ==, "after");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  if (!ed_test_pg_available ())
    {
      g_test_skip ("PostgreSQL (initdb) or openssl is not installed: run build-aux/deps");
      return 0;
    }

  data_home = ed_test_make_tmpdir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  server = ed_test_pg_start ();

#define ADD(path, func) \
  g_test_add (path, Office, "set up", office_set_up, func, office_tear_down)

  g_test_add ("/store-pg/schema", Office, NULL, office_set_up, test_pg_schema,
              office_tear_down);
  g_test_add ("/store-pg/not-set-up", Office, NULL, office_set_up, test_pg_not_set_up,
              office_tear_down);
  ADD ("/store-pg/cases", test_pg_cases);
  ADD ("/store-pg/journey", test_pg_journey);
  ADD ("/store-pg/han-variants", test_pg_han_variants);
  g_test_add ("/store-pg/migrate-from-4", Office, NULL, office_set_up, test_pg_migrate_from_4,
              office_tear_down);
  ADD ("/store-pg/conflict", test_pg_conflict);
  ADD ("/store-pg/elsewhere", test_pg_elsewhere);
  ADD ("/store-pg/roles", test_pg_roles);
  ADD ("/store-pg/tls", test_pg_tls);
  ADD ("/store-pg/killed", test_pg_killed);
  ADD ("/store-pg/queue-next-start", test_pg_queue_next_start);
  ADD ("/store-pg/offline-new-case", test_pg_offline_new_case);

  status = g_test_run ();

  ed_test_pg_stop (server);
  ed_test_rm_rf (data_home);
  return status;
}
