/* test-cli-cases.c — entry-desk-cli cases list|export|import|purge|retention
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ed-core.h"
#include "ed-test-util.h"

typedef struct
{
  char *home;
  char *env;           /* XDG_DATA_HOME=… */
  char *fixture;       /* a closed case from 2022 */
} Cli;

static void
cli_set_up (Cli           *cli,
            gconstpointer  data)
{
  cli->home = ed_test_make_tmpdir ();
  cli->env = g_strconcat ("XDG_DATA_HOME=", cli->home, NULL);
  cli->fixture = ed_test_data_path ("store", "case.json", NULL);
}

static void
cli_tear_down (Cli           *cli,
               gconstpointer  data)
{
  ed_test_rm_rf (cli->home);
  g_free (cli->home);
  g_free (cli->env);
  g_free (cli->fixture);
}

/* Runs "entry-desk-cli cases ARGS…" on the test's own store. */
static int
run (Cli         *cli,
     char       **out,
     char       **err,
     const char  *first,
     ...) G_GNUC_NULL_TERMINATED;

static int
run (Cli         *cli,
     char       **out,
     char       **err,
     const char  *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  /* Dates in UTC, as the fixture writes them. */
  const char *env[] = { cli->env, "TZ=UTC", NULL };
  va_list ap;

  g_ptr_array_add (args, (gpointer) "cases");
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return ed_test_run_cli (env, (const char * const *) args->pdata, out, err);
}

static void
test_cases_import_list_export (Cli           *cli,
                               gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *exported = g_build_filename (cli->home, "out.json", NULL);
  g_autofree char *db = g_build_filename (cli->home, "entry-desk", "cases.db", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *rows;
  GStatBuf buf;

  g_assert_cmpint (run (cli, &out, &err, "list", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "no cases"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (cli, &out, NULL, "import", cli->fixture, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Imported ED-4F7H-2K: NGUYEN THI LAN, NGUYEN MINH\n");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (g_stat (db, &buf), ==, 0);
  g_assert_cmpuint (buf.st_mode & 0777, ==, 0600);

  /* Closed: listed with --all only. */
  g_assert_cmpint (run (cli, &out, NULL, "list", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (cli, &out, NULL, "list", "--all", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "ED-4F7H-2K  closed  2022-09-"));
  g_assert_nonnull (strstr (out, "jp-my-her-sys"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run (cli, &out, NULL, "list", "--all", "--json", "--search", "lan", NULL),
                   ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  rows = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (rows), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, 0),
                                                  "reference"), ==, "ED-4F7H-2K");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, 0),
                                                  "closed"), ==, "2022-09-20T08:15:00Z");
  /* Progress in the steps that apply: all thirteen, the case at none of
   * them (its step is not one of this version's). */
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (rows, 0),
                                               "steps"), ==, 13);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (rows, 0),
                                               "step"), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (cli, &out, NULL, "list", "--all", "--search", "李", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);

  /* Export by the reference as typed, to a private file. */
  g_assert_cmpint (run (cli, NULL, NULL, "export", "ed4f7h2k", "-o", exported, NULL), ==, 0);
  g_assert_cmpint (g_stat (exported, &buf), ==, 0);
  g_assert_cmpuint (buf.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (exported, &out, NULL, NULL));
  g_assert_nonnull (strstr (out, "\"reference\" : \"ED-4F7H-2K\""));
  g_assert_nonnull (strstr (out, "\"passport_number\" : \"C1234567\""));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run (cli, NULL, &err, "export", "ED-9999-99", "-o", exported, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "ED-9999-99"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (cli, NULL, NULL, "export", "ED-4F7H-2K", NULL), ==, 2);
  g_assert_cmpint (run (cli, NULL, NULL, "export", NULL), ==, 2);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = strchr (text, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    n++;
  return n;
}

static void
test_cases_import_refused (Cli           *cli,
                           gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *broken = g_build_filename (cli->home, "broken.json", NULL);
  char *at;

  g_assert_cmpint (run (cli, NULL, NULL, "import", cli->fixture, NULL), ==, 0);

  /* Twice: refused, with the way out. */
  g_assert_cmpint (run (cli, NULL, &err, "import", cli->fixture, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "ED-4F7H-2K"));
  g_assert_nonnull (strstr (err, "--new-reference"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (cli, &out, NULL, "import", "--new-reference", cli->fixture, NULL), ==, 0);
  g_assert_null (strstr (out, "ED-4F7H-2K"));
  g_clear_pointer (&out, g_free);

  /* A second traveller with a misspelt key: what, where, nothing added. */
  g_assert_true (g_file_get_contents (cli->fixture, &text, NULL, NULL));
  at = strstr (text, "\"passport_number\" : \"C7654321\"");
  memcpy (at, "\"passport_numbr\"  : \"C7654321\"", strlen ("\"passport_numbr\"  : "));
  g_assert_true (g_file_set_contents (broken, text, -1, NULL));
  g_assert_cmpint (run (cli, NULL, &err, "import", "--new-reference", broken, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "broken.json"));
  g_assert_nonnull (strstr (err, "travellers[1]"));
  g_assert_nonnull (strstr (err, "passport_numbr"));
  g_assert_cmpint (run (cli, &out, NULL, "list", "--all", NULL), ==, 0);
  g_assert_cmpuint (count_lines (out), ==, 2);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (cli, NULL, &err, "import", "/nonexistent/case.json", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "/nonexistent/case.json"));
}

static void
test_cases_purge (Cli           *cli,
                  gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (cli, NULL, NULL, "import", cli->fixture, NULL), ==, 0);

  /* No period set and none given. */
  g_assert_cmpint (run (cli, NULL, &err, "purge", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "retention"));
  g_clear_pointer (&err, g_free);

  /* Without --yes: shown, kept. */
  g_assert_cmpint (run (cli, &out, &err, "purge", "--older-than", "30", NULL), ==, 2);
  g_assert_true (g_str_has_prefix (out, "ED-4F7H-2K"));
  g_assert_nonnull (strstr (err, "--yes"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (cli, &out, NULL, "purge", "--older-than", "30", "--dry-run", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "ED-4F7H-2K"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (cli, &out, NULL, "list", "--all", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "ED-4F7H-2K"));
  g_clear_pointer (&out, g_free);

  /* Closed in 2022: older than 30 days, not older than 100 years. */
  g_assert_cmpint (run (cli, &out, NULL, "purge", "--older-than", "36500", "--yes", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "No case"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (cli, NULL, NULL, "purge", "--dry-run", "--yes", NULL), ==, 2);

  /* The stored period, shared with the app. */
  g_assert_cmpint (run (cli, &out, NULL, "retention", "365", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Closed cases are kept for 365 days.\n");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (cli, &out, NULL, "purge", "--yes", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "ED-4F7H-2K  closed  2022-09-20  jp-my-her-sys                 "
                            "NGUYEN THI LAN, NGUYEN MINH\nDeleted 1 case.\n");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (cli, &out, NULL, "list", "--all", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
}

static void
test_cases_retention (Cli           *cli,
                      gconstpointer  data)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (run (cli, &out, NULL, "retention", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Closed cases are kept until they are deleted.\n");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (cli, &out, NULL, "retention", "1", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Closed cases are kept for 1 day.\n");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (cli, &out, NULL, "retention", "off", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Closed cases are kept until they are deleted.\n");

  g_assert_cmpint (run (cli, NULL, NULL, "retention", "-5", NULL), ==, 2);
  g_assert_cmpint (run (cli, NULL, NULL, "retention", "a year", NULL), ==, 2);
  g_assert_cmpint (run (cli, NULL, NULL, "frobnicate", NULL), ==, 2);
  g_assert_cmpint (run (cli, NULL, NULL, NULL, NULL), ==, 2);
}

/* Two desks start at the same moment on a store that does not exist yet
 * (the app and a script, two windows): both create or find it, and
 * neither fails. Before the version was read under the write lock, 12
 * of 30 pairs had one fail with "table meta already exists". */
static void
test_cases_first_open_race (Cli           *cli,
                            gconstpointer  data)
{
  const char *args[] = { "cases", "list", NULL };

  for (guint round = 0; round < 30; round++)
    {
      g_autofree char *home = g_strdup_printf ("%s/race-%u", cli->home, round);
      g_autofree char *env = g_strconcat ("XDG_DATA_HOME=", home, NULL);
      const char *envp[] = { env, NULL };
      g_autoptr(GSubprocess) first = ed_test_spawn_cli (envp, args);
      g_autoptr(GSubprocess) second = ed_test_spawn_cli (envp, args);
      g_autofree char *err_first = NULL;
      g_autofree char *err_second = NULL;

      int status_first = ed_test_wait_cli (first, NULL, &err_first);
      int status_second = ed_test_wait_cli (second, NULL, &err_second);

      /* The message first: it says what went wrong. */
      g_assert_cmpstr (err_first, ==, "There are no cases.\n");
      g_assert_cmpstr (err_second, ==, "There are no cases.\n");
      g_assert_cmpint (status_first, ==, 0);
      g_assert_cmpint (status_second, ==, 0);
    }
}

/* The app deletes a case and shows its Undo; meanwhile a script runs
 * the CLI on the same store. The case stays in the trash, so the Undo
 * brings it back; it goes for good only when its owner closes the
 * store. Before, every CLI start emptied the trash: the Undo failed and
 * the case was lost. */
static void
test_cases_trash_survives_cli (Cli           *cli,
                               gconstpointer  data)
{
  g_autofree char *db = g_build_filename (cli->home, "entry-desk", "cases.db", NULL);
  g_autoptr(GFile) fixture = g_file_new_for_path (cli->fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdStore) desk = NULL;
  g_autoptr(EdCaseInfo) info = NULL;
  g_autofree char *out = NULL;
  gint64 id;

  desk = ed_store_open (db, NULL, &error);
  g_assert_no_error (error);
  info = ed_store_import_case (desk, fixture, ED_IMPORT_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  id = ed_case_info_get_id (info);

  g_assert_true (ed_store_trash_case (desk, id, &error));
  g_assert_no_error (error);

  /* Any command opens the store; none lists or empties the trash. */
  g_assert_cmpint (run (cli, &out, NULL, "list", "--all", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (cli, NULL, NULL, "retention", NULL), ==, 0);

  /* Undo. */
  g_assert_true (ed_store_restore_case (desk, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (run (cli, &out, NULL, "list", "--all", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "ED-4F7H-2K  closed"));
  g_clear_pointer (&out, g_free);

  /* Deleted again and the app quits with the Undo still up: the case
   * goes with it, not left for the next start. */
  g_assert_true (ed_store_trash_case (desk, id, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&desk));
  g_assert_cmpint (run (cli, &out, NULL, "list", "--all", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (cli, NULL, NULL, "import", cli->fixture, NULL), ==, 0);
}

static void
test_cases_translated (Cli           *cli,
                       gconstpointer  data)
{
  const char *env_ja[] = { cli->env, "LANGUAGE=ja", "LC_ALL=ja_JP.UTF-8", NULL };
  const char *env_zh[] = { cli->env, "LANGUAGE=zh_CN", "LC_ALL=zh_CN.UTF-8", NULL };
  const char *list[] = { "cases", "list", NULL };
  const char *import[] = { "cases", "import", cli->fixture, NULL };
  g_autofree char *err_ja = NULL;
  g_autofree char *err_zh = NULL;

  g_assert_cmpint (ed_test_run_cli (env_ja, list, NULL, &err_ja), ==, 0);
  g_assert_cmpstr (err_ja, ==, "案件はありません。\n");
  g_assert_cmpint (ed_test_run_cli (env_zh, list, NULL, &err_zh), ==, 0);
  g_assert_cmpstr (err_zh, ==, "没有案件。\n");
  g_clear_pointer (&err_ja, g_free);
  g_clear_pointer (&err_zh, g_free);

  g_assert_cmpint (ed_test_run_cli (env_ja, import, NULL, NULL), ==, 0);
  g_assert_cmpint (ed_test_run_cli (env_ja, import, NULL, &err_ja), ==, 1);
  g_assert_nonnull (strstr (err_ja, "ED-4F7H-2K"));
  g_assert_null (strstr (err_ja, "already"));
  g_assert_cmpint (ed_test_run_cli (env_zh, import, NULL, &err_zh), ==, 1);
  g_assert_null (strstr (err_zh, "already"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Cli, NULL, cli_set_up, func, cli_tear_down)

  ADD ("/cli-cases/import-list-export", test_cases_import_list_export);
  ADD ("/cli-cases/import-refused", test_cases_import_refused);
  ADD ("/cli-cases/purge", test_cases_purge);
  ADD ("/cli-cases/retention", test_cases_retention);
  ADD ("/cli-cases/translated", test_cases_translated);
  ADD ("/cli-cases/first-open-race", test_cases_first_open_race);
  ADD ("/cli-cases/trash-survives-cli", test_cases_trash_survives_cli);

  return g_test_run ();
}
