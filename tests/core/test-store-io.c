/* test-store-io.c — a case exported and imported as a JSON file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "ed-test-store.h"
#include "ed-test-util.h"

/* Rows of every table: an import that fails must leave them all. */
static char *
fingerprint (const char *path)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%"
                          G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                          ed_test_sql_int (path, "SELECT count (*) FROM cases"),
                          ed_test_sql_int (path, "SELECT count (*) FROM travellers"),
                          ed_test_sql_int (path, "SELECT count (*) FROM checklist"),
                          ed_test_sql_int (path, "SELECT count (*) FROM sheet_log"),
                          ed_test_sql_int (path, "SELECT count (*) FROM case_search"));
}

static EdCase *
make_full_case (EdStore *store)
{
  g_autoptr(GError) error = NULL;
  char *languages[] = { (char *) "zh_CN", (char *) "en", NULL };
  EdSheetRecord sheet = {
    .at = 1700000000, .kind = ED_SHEET_PDF, .procedure_id = (char *) "jp-my-her-sys",
    .procedure_version = 4, .languages = languages, .paper = (char *) "letter",
  };
  EdTraveller *mother = ed_test_traveller ("LI", "NA", "李娜", NULL, "E98765432");
  EdTraveller *son = ed_test_traveller ("LI", "HAO", "李浩", NULL, "E11223344");
  EdCase *kase;

  ed_traveller_set (mother, "birth_date", "1984-02-29");
  ed_traveller_set (mother, "address_local", "東京都新宿区西新宿2-8-1");
  ed_traveller_set_answer (mother, "hersys-id", "7654321");
  kase = ed_test_add_case (store, "jp-my-her-sys", mother, son, NULL);

  ed_case_set_item_done (kase, NULL, "install", "app-installed", TRUE);
  ed_case_set_item_done (kase, ed_case_get_traveller (kase, 1), "register", "registered", TRUE);
  ed_case_set_item_done (kase, ed_case_get_traveller (kase, 0), "register", "registered", TRUE);
  ed_case_set_current_step (kase, "daily-report");
  ed_case_set_notes (kase, "母子で来日。\nCall after 18:00.");
  ed_case_set_status (kase, ED_CASE_CLOSED);
  g_assert_true (ed_store_flush (store, &error));

  g_assert_true (ed_store_log_sheet (store, kase, &sheet, &error));
  /* Who printed it, with which office's letterhead. */
  sheet.kind = ED_SHEET_BATCH;
  sheet.at = 1700000100;
  sheet.user = (char *) "hanako";
  sheet.office = (char *) "Sakura Immigration Law Office";
  g_assert_true (ed_store_log_sheet (store, kase, &sheet, &error));
  g_assert_no_error (error);

  return kase;
}

static void
assert_sheets_equal (GPtrArray *a,
                     GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      EdSheetRecord *x = g_ptr_array_index (a, i);
      EdSheetRecord *y = g_ptr_array_index (b, i);

      g_assert_cmpint (x->at, ==, y->at);
      g_assert_cmpint (x->kind, ==, y->kind);
      g_assert_cmpstr (x->procedure_id, ==, y->procedure_id);
      g_assert_cmpint (x->procedure_version, ==, y->procedure_version);
      g_assert_cmpstrv (x->languages, y->languages);
      g_assert_cmpstr (x->paper, ==, y->paper);
      g_assert_cmpstr (x->user, ==, y->user);
      g_assert_cmpstr (x->office, ==, y->office);
    }
}

static void
test_io_round_trip (void)
{
  EdTestStore one = { 0 }, two = { 0 };
  g_autoptr(EdCase) kase = NULL;
  g_autoptr(EdCase) imported = NULL;
  g_autoptr(EdCaseInfo) info = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GPtrArray) imported_sheets = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) first = NULL;
  g_autoptr(GFile) second = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;

  ed_test_store_open (&one);
  ed_test_store_open (&two);
  kase = make_full_case (one.store);
  first = g_file_new_build_filename (one.dir, "case.json", NULL);
  second = g_file_new_build_filename (two.dir, "case.json", NULL);

  g_assert_true (ed_store_export_case (one.store, ed_case_get_id (kase), first, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ed_test_file_mode (g_file_peek_path (first)), ==, 0600);

  /* Another office's store: every field back, the same reference. */
  info = ed_store_import_case (two.store, first, ED_IMPORT_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_case_info_get_reference (info), ==, ed_case_get_reference (kase));
  imported = ed_store_load_case (two.store, ed_case_info_get_id (info), &error);
  g_assert_no_error (error);
  g_assert_true (ed_case_equal (imported, kase));
  g_assert_cmpint (ed_case_get_closed (imported), ==, ed_case_get_closed (kase));
  g_assert_true (ed_case_get_item_done (imported, ed_case_get_traveller (imported, 1), "register",
                                        "registered"));
  g_assert_cmpstr (ed_traveller_get_answer (ed_case_get_traveller (imported, 0), "hersys-id"), ==,
                   "7654321");

  sheets = ed_store_list_sheets (one.store, ed_case_get_id (kase), &error);
  imported_sheets = ed_store_list_sheets (two.store, ed_case_get_id (imported), &error);
  g_assert_no_error (error);
  assert_sheets_equal (sheets, imported_sheets);
  g_assert_cmpuint (sheets->len, ==, 2);
  g_assert_null (((EdSheetRecord *) g_ptr_array_index (sheets, 0))->user);
  g_assert_null (((EdSheetRecord *) g_ptr_array_index (sheets, 0))->office);
  g_assert_cmpstr (((EdSheetRecord *) g_ptr_array_index (sheets, 1))->user, ==, "hanako");
  g_assert_cmpstr (((EdSheetRecord *) g_ptr_array_index (sheets, 1))->office, ==,
                   "Sakura Immigration Law Office");

  /* And out again, byte for byte. */
  g_assert_true (ed_store_export_case (two.store, ed_case_get_id (imported), second, NULL, &error));
  g_assert_true (g_file_load_contents (first, NULL, &first_text, NULL, NULL, NULL));
  g_assert_true (g_file_load_contents (second, NULL, &second_text, NULL, NULL, NULL));
  g_assert_cmpstr (first_text, ==, second_text);

  g_clear_object (&kase);
  g_clear_object (&imported);
  ed_test_store_close (&one);
  ed_test_store_close (&two);
}

static void
test_io_import_fixture (void)
{
  EdTestStore fixture = { 0 };
  g_autofree char *path = ed_test_data_path ("store", "case.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdCaseInfo) info = NULL;
  g_autoptr(EdCaseInfo) copy = NULL;
  g_autoptr(EdCase) kase = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  EdTraveller *lan;

  ed_test_store_open (&fixture);
  info = ed_store_import_case (fixture.store, file, ED_IMPORT_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_case_info_get_reference (info), ==, "ED-4F7H-2K");
  g_assert_cmpint (ed_case_info_get_status (info), ==, ED_CASE_CLOSED);
  g_assert_cmpint (ed_case_info_get_closed (info), ==, 1663661700);

  kase = ed_store_load_case (fixture.store, ed_case_info_get_id (info), &error);
  lan = ed_case_get_traveller (kase, 0);
  g_assert_cmpstr (ed_traveller_get (lan, "native_name"), ==, "Nguyễn Thị Lan");
  g_assert_cmpstr (ed_traveller_get (lan, "arrival_port"), ==, "NRT");
  g_assert_cmpint (ed_case_get_created (kase), ==, 1661999400);
  g_assert_true (ed_test_found (fixture.store, "nguyen thi", kase));

  /* The same file again: refused, nothing changes... */
  before = fingerprint (fixture.path);
  copy = ed_store_import_case (fixture.store, file, ED_IMPORT_DEFAULT, NULL, &error);
  g_assert_null (copy);
  g_assert_error (error, ED_ERROR, ED_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "ED-4F7H-2K"));
  after = fingerprint (fixture.path);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);

  /* ...unless asked for a copy under a new reference. */
  copy = ed_store_import_case (fixture.store, file, ED_IMPORT_NEW_REFERENCE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_case_info_get_reference (copy), !=, "ED-4F7H-2K");
  g_assert_cmpstr (ed_case_info_get_title (copy), ==, ed_case_info_get_title (info));
  g_assert_cmpint (ed_test_sql_int (fixture.path, "SELECT count (*) FROM sheet_log"), ==, 2);

  g_clear_object (&kase);
  ed_test_store_close (&fixture);
}

typedef struct
{
  const char *find;
  const char *replace;
  int         code;
  const char *where;      /* what the message must name */
} Damage;

static const Damage damages[] = {
  /* A file cut short, as a failed copy leaves it. */
  { "\"checklist\"", NULL, ED_ERROR_PARSE, ":" },
  { "\"entry_desk_case\" : 1,", "", ED_ERROR_INVALID, "entry_desk_case" },
  { "\"entry_desk_case\" : 1", "\"entry_desk_case\" : 7", ED_ERROR_UNSUPPORTED, "7" },
  { "\"reference\" : \"ED-4F7H-2K\"", "\"reference\" : \"ED-UUUU-UU\"", ED_ERROR_INVALID,
    "reference" },
  { "\"procedure_version\" : 2,\n  \"status\"", "\"procedure_version\" : \"2\",\n  \"status\"",
    ED_ERROR_INVALID, "procedure_version" },
  { "\"created\" : \"2022-09-01T02:30:00Z\"", "\"created\" : \"yesterday\"", ED_ERROR_INVALID,
    "created" },
  { "\"status\" : \"closed\"", "\"status\" : \"done\"", ED_ERROR_INVALID, "status" },
  { "\"closed\" : \"2022-09-20T08:15:00Z\",", "", ED_ERROR_INVALID, "closed" },
  { "\"passport_number\" : \"C7654321\"", "\"pasport_number\" : \"C7654321\"", ED_ERROR_INVALID,
    "travellers[1]" },
  { "\"traveller\" : 1,", "\"traveller\" : 2,", ED_ERROR_INVALID, "checklist[1].traveller" },
  { "\"traveller\" : 1,\n      \"step\" : \"register\",\n      \"item\" : \"registered\"",
    "\"traveller\" : null,\n      \"step\" : \"install\",\n      \"item\" : \"app-installed\"",
    ED_ERROR_INVALID, "checklist[1]" },
  { "\"paper\" : \"a4\"", "\"paper\" : \"A5\"", ED_ERROR_INVALID, "sheets[0].paper" },
  { "\"ja\",", "\"fr\",", ED_ERROR_INVALID, "sheets[0].languages" },
  { "\"travellers\" :", "\"passengers\" :", ED_ERROR_INVALID, "passengers" },
};

static char *
damage_text (const char   *text,
             const Damage *damage)
{
  const char *at = strstr (text, damage->find);

  g_assert_nonnull (at);
  if (damage->replace == NULL)
    return g_strndup (text, (gsize) (at - text));

  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, damage->replace,
                          at + strlen (damage->find));
}

/* A malformed or partial file changes nothing and says where it is
 * wrong. */
static void
test_io_import_damaged (void)
{
  EdTestStore fixture = { 0 };
  g_autofree char *path = ed_test_data_path ("store", "case.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autoptr(EdCase) kase = NULL;

  ed_test_store_open (&fixture);
  kase = ed_test_add_case (fixture.store, "jp-my-her-sys",
                           ed_test_traveller ("SATO", NULL, NULL, NULL, NULL), NULL);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  before = fingerprint (fixture.path);

  for (guint i = 0; i < G_N_ELEMENTS (damages); i++)
    {
      g_autofree char *damaged = damage_text (text, &damages[i]);
      g_autofree char *damaged_path = g_build_filename (fixture.dir, "damaged.json", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (damaged_path);
      g_autoptr(GError) error = NULL;
      g_autoptr(EdCaseInfo) info = NULL;
      g_autofree char *after = NULL;

      g_test_message ("damage %u: %s", i, damages[i].find);
      g_assert_true (g_file_set_contents (damaged_path, damaged, -1, NULL));
      info = ed_store_import_case (fixture.store, file, ED_IMPORT_DEFAULT, NULL, &error);
      g_assert_null (info);
      g_assert_error (error, ED_ERROR, damages[i].code);
      /* Which file, and where in it. */
      g_assert_nonnull (strstr (error->message, "damaged.json"));
      if (damages[i].where != NULL && strstr (error->message, damages[i].where) == NULL)
        g_error ("“%s” does not name %s", error->message, damages[i].where);

      after = fingerprint (fixture.path);
      g_assert_cmpstr (before, ==, after);
    }

  g_clear_object (&kase);
  ed_test_store_close (&fixture);
}

/* A name of 100,000 characters in a case file is refused where it is,
 * without quoting it, and nothing is imported. */
static void
test_io_import_long_value (void)
{
  EdTestStore fixture = { 0 };
  g_autofree char *path = ed_test_data_path ("store", "case.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *huge = g_strnfill (100000, 'N');
  g_autofree char *replace = g_strdup_printf ("\"surname\" : \"%s\",\n      \"given_names\" : "
                                              "\"MINH\"", huge);
  Damage damage = { "\"surname\" : \"NGUYEN\",\n      \"given_names\" : \"MINH\"", replace };
  g_autofree char *damaged = NULL;
  g_autofree char *damaged_path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdCaseInfo) info = NULL;

  ed_test_store_open (&fixture);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  damaged = damage_text (text, &damage);
  damaged_path = g_build_filename (fixture.dir, "long.json", NULL);
  g_assert_true (g_file_set_contents (damaged_path, damaged, -1, NULL));
  file = g_file_new_for_path (damaged_path);

  info = ed_store_import_case (fixture.store, file, ED_IMPORT_DEFAULT, NULL, &error);
  g_assert_null (info);
  g_assert_error (error, ED_ERROR, ED_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "long.json: travellers[1].surname: This has 100000 "
                                            "characters; it can have at most 100."));
  g_assert_null (strstr (error->message, "NNNN"));
  g_assert_cmpint (ed_test_sql_int (fixture.path, "SELECT count (*) FROM cases"), ==, 0);

  ed_test_store_close (&fixture);
}

/* Every problem at once, so that the file is mended in one go. */
static void
test_io_import_every_problem (void)
{
  EdTestStore fixture = { 0 };
  g_autofree char *path = ed_test_data_path ("store", "case.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *once = NULL;
  g_autofree char *twice = NULL;
  g_autofree char *damaged_path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdCaseInfo) info = NULL;

  ed_test_store_open (&fixture);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  once = damage_text (text, &damages[5]);      /* created */
  twice = damage_text (once, &damages[11]);    /* sheets[0].paper */
  damaged_path = g_build_filename (fixture.dir, "twice.json", NULL);
  g_assert_true (g_file_set_contents (damaged_path, twice, -1, NULL));
  file = g_file_new_for_path (damaged_path);

  info = ed_store_import_case (fixture.store, file, ED_IMPORT_DEFAULT, NULL, &error);
  g_assert_null (info);
  g_assert_error (error, ED_ERROR, ED_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "twice.json: created: "));
  g_assert_nonnull (strstr (error->message, "twice.json: sheets[0].paper: "));
  g_assert_nonnull (strchr (error->message, '\n'));
  g_assert_cmpint (ed_test_sql_int (fixture.path, "SELECT count (*) FROM cases"), ==, 0);

  ed_test_store_close (&fixture);
}

/* A file that is right but cannot be written whole (here a trigger
 * refuses its second traveller): nothing of it stays. */
static void
test_io_import_atomic (void)
{
  EdTestStore fixture = { 0 };
  g_autofree char *path = ed_test_data_path ("store", "case.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdCaseInfo) info = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db = NULL;

  ed_test_store_open (&fixture);
  g_assert_cmpint (sqlite3_open (fixture.path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER refuse BEFORE INSERT ON travellers "
                                     "WHEN NEW.data LIKE '%MINH%' "
                                     "BEGIN SELECT RAISE (ABORT, 'refused'); END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  before = fingerprint (fixture.path);
  info = ed_store_import_case (fixture.store, file, ED_IMPORT_DEFAULT, NULL, &error);
  g_assert_null (info);
  g_assert_error (error, ED_ERROR, ED_ERROR_IO);
  after = fingerprint (fixture.path);
  g_assert_cmpstr (before, ==, after);

  ed_test_store_close (&fixture);
}

static void
test_io_export_missing (void)
{
  EdTestStore fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  ed_test_store_open (&fixture);
  file = g_file_new_build_filename (fixture.dir, "none.json", NULL);
  g_assert_false (ed_store_export_case (fixture.store, 42, file, NULL, &error));
  g_assert_error (error, ED_ERROR, ED_ERROR_NOT_FOUND);
  g_assert_false (g_file_query_exists (file, NULL));
  ed_test_store_close (&fixture);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store-io/round-trip", test_io_round_trip);
  g_test_add_func ("/store-io/import-fixture", test_io_import_fixture);
  g_test_add_func ("/store-io/import-damaged", test_io_import_damaged);
  g_test_add_func ("/store-io/import-every-problem", test_io_import_every_problem);
  g_test_add_func ("/store-io/import-long-value", test_io_import_long_value);
  g_test_add_func ("/store-io/import-atomic", test_io_import_atomic);
  g_test_add_func ("/store-io/export-missing", test_io_export_missing);

  return g_test_run ();
}
