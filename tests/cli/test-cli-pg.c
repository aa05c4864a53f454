/* test-cli-pg.c — entry-desk-cli on an office database, against a real server
 *
 * Two command-line desks editing the same cases at once, a desk moving
 * its SQLite store in, roles, the offline queue across runs. One cluster
 * for the program (tests/ed-test-pg.c), a new database for each test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "core/ed-test-office.h"
#include "ed-core.h"
#include "ed-test-pg.h"
#include "ed-test-util.h"

/* Edits each of the two desks makes. */
#define N_EDITS 1000
#define N_CASES 4

static EdTestPg *server;
static char *fixture;

typedef struct
{
  char *database;
  char *dir;
} Office;

static int
cases (const char  *store,
       char       **out,
       char       **err,
       const char  *first,
       ...) G_GNUC_NULL_TERMINATED;

/* Runs "entry-desk-cli cases ARGS… --store STORE". */
static int
cases (const char  *store,
       char       **out,
       char       **err,
       const char  *first,
       ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (args, (gpointer) "cases");
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  if (store != NULL)
    {
      g_ptr_array_add (args, (gpointer) "--store");
      g_ptr_array_add (args, (gpointer) store);
    }
  g_ptr_array_add (args, NULL);

  return ed_test_run_cli (NULL, (const char * const *) args->pdata, out, err);
}

static void
office_set_up (Office        *office,
               gconstpointer  data)
{
  g_autofree char *admin = NULL;

  office->database = ed_test_pg_new_database (server);
  office->dir = ed_test_make_tmpdir ();
  admin = ed_test_pg_uri (server, "office_admin", office->database);
  g_assert_cmpint (cases (admin, NULL, NULL, "list", NULL), ==, 0);
}

static void
office_tear_down (Office        *office,
                  gconstpointer  data)
{
  ed_test_rm_rf (office->dir);
  g_free (office->dir);
  g_free (office->database);
}

static char *
query (Office     *office,
       const char *sql)
{
  return ed_test_office_query (server, office->database, sql);
}

/* Imports the fixture as a new case: its reference. */
static char *
new_case (const char *store)
{
  g_autofree char *out = NULL;
  g_auto(GStrv) words = NULL;

  g_assert_cmpint (cases (store, &out, NULL, "import", fixture, "--new-reference", NULL), ==, 0);
  words = g_strsplit_set (out, " :", -1);
  g_assert_nonnull (words[1]);
  return g_strdup (words[1]);
}

static GSubprocess *
start_batch (const char *store,
             const char *batch)
{
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                              &error, g_getenv ("ENTRY_DESK_CLI"), "cases", "edit", "--batch",
                              batch, "--store", store, NULL);
  g_assert_no_error (error);
  return process;
}

/* Two desks add 1,000 lines each to the notes of the same four cases at
 * once, each edit read, changed and saved. Every line reported saved is
 * in the notes once, and every line not there was reported a conflict:
 * nothing lost, nothing overwritten silently. */
static void
test_cli_pg_concurrent (Office        *office,
                        gconstpointer  data)
{
  const char *roles[] = { "alice", "bob" };
  /* g_autofree on an array frees its first element only. */
  char *references[N_CASES] = { NULL };
  GSubprocess *processes[2];
  char *outs[2] = { NULL };
  g_autoptr(GHashTable) in_notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *alice = ed_test_pg_uri (server, "alice", office->database);
  g_autofree char *all_notes = NULL;
  g_auto(GStrv) lines = NULL;
  guint saved = 0, conflicts = 0;

  for (guint c = 0; c < N_CASES; c++)
    references[c] = new_case (alice);

  for (guint d = 0; d < 2; d++)
    {
      g_autofree char *store = ed_test_pg_uri (server, roles[d], office->database);
      g_autofree char *batch = g_strdup_printf ("%s/%s.edits", office->dir, roles[d]);
      g_autoptr(GString) edits = g_string_new (NULL);

      for (guint n = 0; n < N_EDITS; n++)
        g_string_append_printf (edits, "%s notes+=%s-%u\n", references[n % N_CASES], roles[d], n);
      g_file_set_contents (batch, edits->str, -1, &error);
      g_assert_no_error (error);
      processes[d] = start_batch (store, batch);
    }
  for (guint d = 0; d < 2; d++)
    {
      g_subprocess_communicate_utf8 (processes[d], NULL, NULL, &outs[d], NULL, &error);
      g_assert_no_error (error);
      g_object_unref (processes[d]);
    }

  all_notes = query (office, "SELECT string_agg (data->>'notes', E'\\n') FROM cases");
  lines = g_strsplit (all_notes, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "alice-") || g_str_has_prefix (lines[i], "bob-"))
      g_assert_true (g_hash_table_add (in_notes, g_strdup (lines[i])));  /* once */

  for (guint d = 0; d < 2; d++)
    {
      g_auto(GStrv) results = g_strsplit (outs[d], "\n", -1);

      g_assert_cmpuint (g_strv_length (results), ==, N_EDITS + 1);
      for (guint n = 0; n < N_EDITS; n++)
        {
          g_autofree char *line = g_strdup_printf ("%s-%u", roles[d], n);
          g_autofree char *expected_saved = g_strdup_printf ("saved %s",
                                                             references[n % N_CASES]);

          if (g_str_has_prefix (results[n], "saved "))
            {
              g_assert_cmpstr (results[n], ==, expected_saved);
              g_assert_true (g_hash_table_contains (in_notes, line));
              saved++;
            }
          else
            {
              g_assert_true (g_str_has_prefix (results[n], "conflict "));
              g_assert_false (g_hash_table_contains (in_notes, line));
              conflicts++;
            }
        }
    }

  g_assert_cmpuint (saved + conflicts, ==, 2 * N_EDITS);
  g_assert_cmpuint (g_hash_table_size (in_notes), ==, saved);
  g_test_message ("%u edits saved, %u conflicts reported", saved, conflicts);

  for (guint c = 0; c < N_CASES; c++)
    g_free (references[c]);
  for (guint d = 0; d < 2; d++)
    g_free (outs[d]);
}

/* A desk's SQLite store moves in: cases and sheet logs, once, with
 * their next deadlines; a reference the office has already gets a new
 * one; the file stays. */
static void
test_cli_pg_migrate (Office        *office,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (office->dir, "desk", "cases.db", NULL);
  g_autofree char *uri = ed_test_pg_uri (server, "alice", office->database);
  g_autofree char *out = NULL;
  g_autofree char *count = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *due = NULL;
  g_autoptr(EdStore) desk = NULL;
  g_autoptr(GError) error = NULL;
  EdSheetRecord sheet = {
    .kind = ED_SHEET_PRINT, .procedure_id = "jp-my-her-sys", .procedure_version = 2,
    .languages = (char *[]) { "zh_CN", NULL }, .paper = "a4",
  };

  /* The desk: the fixture (whose reference the office has too) and two
   * cases of its own, one with a sheet printed. */
  g_assert_cmpint (cases (path, NULL, NULL, "import", fixture, NULL), ==, 0);
  g_assert_cmpint (cases (uri, NULL, NULL, "import", fixture, NULL), ==, 0);
  desk = ed_store_open (path, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(EdCase) kase = i == 0 ? ed_case_new ("jp-residence-registration", 1)
                                      : ed_case_new ("jp-my-her-sys", 2);
      g_autoptr(EdTraveller) traveller = ed_traveller_new ();

      ed_traveller_set (traveller, "surname", i == 0 ? "MOVING" : "HOUSE");
      if (i == 0)
        ed_traveller_set (traveller, "arrival_date", "2027-01-10");
      ed_case_add_traveller (kase, traveller);
      g_assert_true (ed_store_add_case (desk, kase, &error));
      if (i == 0)
        g_assert_true (ed_store_log_sheet (desk, kase, &sheet, &error));
    }
  g_clear_object (&desk);

  g_assert_cmpint (cases (NULL, &out, NULL, "migrate", "--from", path, "--to", uri, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "2 cases copied, 1 under a new reference, 0 there already."));
  g_assert_nonnull (strstr (out, "copied as"));
  count = query (office, "SELECT count(*) FROM cases");
  g_assert_cmpstr (count, ==, "4");
  printed = query (office, "SELECT l.languages, l.printed_by FROM sheet_log l JOIN cases c "
                           "ON c.id = l.case_id WHERE c.names = 'MOVING'");
  g_assert_cmpstr (printed, ==, "zh_CN|alice");
  /* With its next deadline, for the office's lists and reminders. */
  due = query (office, "SELECT c.next_due, count (d.*) FROM cases c JOIN case_deadlines d "
                       "ON d.case_id = c.id WHERE c.names = 'MOVING' GROUP BY c.id");
  g_assert_cmpstr (due, ==, "2027-01-23|2");

  /* Again: nothing new. */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cases (NULL, &out, NULL, "migrate", "--from", path, "--to", uri, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "0 cases copied, 0 under a new reference, 3 there already."));
  g_clear_pointer (&count, g_free);
  count = query (office, "SELECT count(*) FROM cases");
  g_assert_cmpstr (count, ==, "4");

  /* The desk's file is there, its cases in it. */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cases (path, &out, NULL, "list", "--all", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "MOVING"));
  g_assert_nonnull (strstr (out, "ED-4F7H-2K"));
}

/* What a role may do is the database's to say. */
static void
test_cli_pg_roles (Office        *office,
                   gconstpointer  data)
{
  g_autofree char *alice = ed_test_pg_uri (server, "alice", office->database);
  g_autofree char *rita = ed_test_pg_uri (server, "rita", office->database);
  g_autofree char *admin = ed_test_pg_uri (server, "office_admin", office->database);
  g_autofree char *reference = new_case (alice);
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;

  /* The fixture was closed in 2022. */
  g_assert_cmpint (cases (rita, &out, NULL, "list", "--all", NULL), ==, 0);
  g_assert_nonnull (strstr (out, reference));
  g_assert_cmpint (cases (rita, NULL, &err, "edit", reference, "notes=rita", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "permission denied"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cases (alice, NULL, &err, "purge", "--older-than", "30", "--yes", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "administrator"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cases (rita, NULL, &err, "purge", "--older-than", "30", "--yes", NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cases (admin, &out, NULL, "purge", "--older-than", "30", "--yes", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Deleted 1 case."));
}

static gboolean
store_gone (gpointer data)
{
  return *(EdStore **) data == NULL;
}

/* The server down: an edit waits in the queue (0600) and the next run
 * sends it. $ENTRY_DESK_STORE stands for --store. */
static void
test_cli_pg_offline (Office        *office,
                     gconstpointer  data)
{
  g_autofree char *alice = ed_test_pg_uri (server, "alice", office->database);
  g_autofree char *reference = new_case (alice);
  g_autofree char *out = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *queue_dir = g_build_filename (g_getenv ("XDG_DATA_HOME"), "entry-desk",
                                                 "office-queue", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_files = 0;
  EdStore *gone = NULL;

  /* Opened while the server runs, then it stops: one process that
   * outlives it, as a batch does. */
  g_setenv ("ENTRY_DESK_STORE", alice, TRUE);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(EdStore) store = ed_store_open (alice, NULL, &error);
    g_autoptr(EdCaseInfo) info = ed_store_find_case (store, reference, &error);
    g_autoptr(EdCase) kase = ed_store_load_case (store, ed_case_info_get_id (info), &error);

    g_assert_no_error (error);
    ed_test_pg_kill (server);
    ed_case_set_notes (kase, "typed while the server was down");
    g_assert_true (ed_store_flush (store, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (ed_store_get_n_queued (store), ==, 1);
    gone = store;
    g_object_add_weak_pointer (G_OBJECT (gone), (gpointer *) &gone);
  }
  /* Gone once its last tasks (telling the office this desk holds the
   * case) have ended in this thread's main context; its thread that
   * listens to the server with it. Left to run, that thread could be
   * connecting, in OpenSSL, as the test exited and OpenSSL cleaned up
   * (a crash seen under ASan). */
  g_assert_true (ed_test_office_wait (store_gone, &gone));

  dir = g_dir_open (queue_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (queue_dir, name, NULL);
      GStatBuf st;

      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, 1);

  ed_test_pg_restart (server);
  g_assert_cmpint (cases (NULL, &out, NULL, "list", "--all", NULL), ==, 0);
  g_assert_nonnull (strstr (out, reference));
  g_unsetenv ("ENTRY_DESK_STORE");

  sql = g_strdup_printf ("SELECT data->>'notes' FROM cases WHERE reference = '%c%c%c%c%c%c'",
                         reference[3], reference[4], reference[5], reference[6], reference[8],
                         reference[9]);
  notes = query (office, sql);
  g_assert_cmpstr (notes, ==, "typed while the server was down");
  g_dir_rewind (dir);
  g_assert_null (g_dir_read_name (dir));
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
  g_setenv ("TZ", "UTC", TRUE);
  fixture = ed_test_data_path ("store", "case.json", NULL);
  server = ed_test_pg_start ();

#define ADD(path, func) \
  g_test_add (path, Office, NULL, office_set_up, func, office_tear_down)

  ADD ("/cli-pg/concurrent", test_cli_pg_concurrent);
  ADD ("/cli-pg/migrate", test_cli_pg_migrate);
  ADD ("/cli-pg/roles", test_cli_pg_roles);
  ADD ("/cli-pg/offline", test_cli_pg_offline);

  status = g_test_run ();

  ed_test_pg_stop (server);
  ed_test_rm_rf (data_home);
  g_free (fixture);
  return status;
}
