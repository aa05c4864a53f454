/* test-store-kill.c — the app killed (SIGKILL) in the middle of writing
 *
 * A child process (this program with --writer) adds and edits cases as
 * fast as it can and reports each write once it has returned. The test
 * kills it at a random moment, several times over the same file, and
 * checks that the database opens, passes integrity_check and holds
 * every write that was reported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ed-test-store.h"
#include "ed-test-util.h"

#define ROUNDS 6

static const char *program;
/* Bounds the child's output below a pipe's buffer (64 KiB). */
#define MAX_WRITES 1500

/* One write(2) a line: a pipe keeps it whole, whenever the kill comes. */
static void
report (const char *format,
        ...) G_GNUC_PRINTF (1, 2);

static void
report (const char *format,
        ...)
{
  char line[128];
  va_list args;
  int length;

  va_start (args, format);
  length = g_vsnprintf (line, sizeof line, format, args);
  va_end (args);
  g_assert_cmpint (write (STDOUT_FILENO, line, (size_t) length), ==, length);
}

static int
run_writer (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdStore) store = ed_store_open (path, NULL, &error);
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = g_rand_new ();
  /* Milliseconds: later runs write larger numbers. */
  guint serial = (guint) (g_get_real_time () / 1000 % 1000000000);

  g_assert_no_error (error);
  report ("ready\n");

  for (guint i = 0; i < MAX_WRITES; i++, serial++)
    {
      if (cases->len < 5 || g_rand_int_range (rand, 0, 3) == 0)
        {
          g_autofree char *surname = g_strdup_printf ("KILL%u", serial);
          g_autoptr(EdTraveller) traveller = ed_traveller_new ();
          g_autoptr(EdCase) kase = ed_case_new ("jp-my-her-sys", 1);

          ed_traveller_set (traveller, "surname", surname);
          ed_case_add_traveller (kase, traveller);
          g_assert_true (ed_store_add_case (store, kase, &error));
          report ("added %" G_GINT64_FORMAT " %s\n", ed_case_get_id (kase), surname);
          g_ptr_array_add (cases, g_steal_pointer (&kase));
        }
      else
        {
          EdCase *kase = g_ptr_array_index (cases, g_rand_int_range (rand, 0, cases->len));
          g_autofree char *notes = g_strdup_printf ("%u", serial);

          /* An edit as the GUI makes it, saved as quitting saves it. */
          ed_case_set_notes (kase, notes);
          ed_traveller_set (ed_case_get_traveller (kase, 0), "given_names", notes);
          g_assert_true (ed_store_flush (store, &error));
          report ("noted %" G_GINT64_FORMAT " %s\n", ed_case_get_id (kase), notes);
        }
    }

  /* Waits for the kill. */
  g_usleep (30 * G_USEC_PER_SEC);
  return 0;
}

static char *
sql_text (sqlite3    *db,
          const char *sql,
          gint64      id)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return text;
}

/* Every reported write is in the file; an edit may be newer than the
 * last one reported (it was written, the kill came before the report). */
static void
check_reported (const char *path,
                const char *output,
                guint      *n_checked)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  g_autofree char *integrity = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  integrity = sql_text (db, "PRAGMA integrity_check", 0);
  g_assert_cmpstr (integrity, ==, "ok");

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", 3);
      gint64 id;

      if (g_strv_length (fields) != 3)
        continue;
      id = g_ascii_strtoll (fields[1], NULL, 10);

      if (strcmp (fields[0], "added") == 0)
        {
          g_autofree char *names = sql_text (db, "SELECT names FROM cases WHERE id = ?", id);

          g_assert_nonnull (names);
          g_assert_true (g_str_has_prefix (names, fields[2]));
        }
      else
        {
          g_autofree char *notes = sql_text (db, "SELECT notes FROM cases WHERE id = ?", id);
          g_autofree char *data = sql_text (db, "SELECT data FROM travellers "
                                                "WHERE case_id = ? AND position = 0", id);

          g_assert_nonnull (notes);
          g_assert_cmpuint (g_ascii_strtoull (notes, NULL, 10), >=,
                            g_ascii_strtoull (fields[2], NULL, 10));
          /* The case and its traveller are written together. */
          g_assert_nonnull (strstr (data, notes));
        }
      (*n_checked)++;
    }

  sqlite3_close (db);
}

static void
test_kill_during_writes (void)
{
  g_autofree char *dir = ed_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "cases.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdStore) store = NULL;
  guint n_checked = 0;

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GDataInputStream) lines = NULL;
      g_autoptr(GString) output = g_string_new (NULL);
      guint delay_ms = (guint) g_test_rand_int_range (0, 300);
      char *line;

      child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                program, "--writer", path, NULL);
      g_assert_no_error (error);
      lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));

      /* The first round may kill it while it opens (or migrates) the
       * store; the others while it writes. */
      if (round > 0)
        {
          line = g_data_input_stream_read_line (lines, NULL, NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpstr (line, ==, "ready");
          g_free (line);
        }
      g_usleep (delay_ms * 1000);
      g_subprocess_send_signal (child, SIGKILL);

      while ((line = g_data_input_stream_read_line (lines, NULL, NULL, &error)) != NULL)
        {
          g_string_append_printf (output, "%s\n", line);
          g_free (line);
        }
      g_assert_no_error (error);
      g_subprocess_wait (child, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_signaled (child));
      g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

      g_test_message ("round %u: killed after %u ms", round, delay_ms);
      check_reported (path, output->str, &n_checked);
    }
  /* The writer got somewhere before being killed. */
  g_assert_cmpuint (n_checked, >, 0);

  /* And the store opens as the app would, without calling it damaged. */
  store = ed_store_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (ed_store_get_recovery (store));
  g_assert_cmpuint (ed_test_count_found (store, "kill", ED_CASE_QUERY_OPEN), >, 0);
  g_assert_finalize_object (g_steal_pointer (&store));
  ed_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");

  program = argv[0];
  if (argc == 3 && strcmp (argv[1], "--writer") == 0)
    return run_writer (argv[2]);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store-kill/during-writes", test_kill_during_writes);

  return g_test_run ();
}
