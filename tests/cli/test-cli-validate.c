/* test-cli-validate.c — entry-desk-cli validate ID TRAVELLER.json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/resource.h>

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "ed-test-util.h"

typedef struct
{
  char *home;       /* XDG_DATA_HOME: no procedures of the user's own */
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

/* Runs validate ID FILE, today being 2025-06-01. */
static int
run_validate (Fixture     *f,
              const char  *language,
              const char  *id,
              const char  *file,
              char       **out,
              char       **err)
{
  g_autofree char *path = ed_test_data_path ("traveller", file, NULL);
  g_autofree char *env_language = g_strconcat ("LANGUAGE=", language, NULL);
  g_autofree char *env_locale = g_strdup_printf ("LC_ALL=%s.UTF-8",
                                                 g_str_equal (language, "ja") ? "ja_JP" : "C");
  const char *envp[] = { f->env_home, "ED_TODAY=2025-06-01", env_language, env_locale, NULL };
  const char *args[] = { "validate", id, path, NULL };

  return ed_test_run_cli (envp, args, out, err);
}

static void
test_cli_validate_problems (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *out = NULL;

  /* One line a problem, "field: message", in the order of the traveller
   * keys, then of the procedure's own fields. */
  g_assert_cmpint (run_validate (f, "", "jp-my-her-sys", "her-sys-bad.json", &out, NULL), ==, 1);
  g_assert_cmpstr (out, ==,
                   "given_names: “Ō” has an accent: write the name without accents, "
                   "as the passport’s machine-readable zone does (for example “O”).\n"
                   "birth_date: “2023-02-30” is not a date: 2023-02 has 28 days.\n"
                   "nationality: “JAPAN” is not a nationality code: "
                   "write the passport’s three-letter code, JPN for Japan.\n"
                   "passport_number: The passport number has 10 characters; "
                   "it can have at most 9.\n"
                   "email: This is required: fill it in.\n"
                   "phone: The phone number can only have digits, and + at the start of an "
                   "international number; remove “x”.\n"
                   "smartphone-input-id: It has 5 digits; it must have 6 to 7.\n");
}

static void
test_cli_validate_good (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *out = NULL;

  /* Full-width input is fine: it is normalised, never rejected. */
  g_assert_cmpint (run_validate (f, "", "jp-my-her-sys", "her-sys-good.json", &out, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "No problems found.\n");
}

static void
test_cli_validate_warning (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *out = NULL;

  /* Warnings alone: marked, exit status 0. */
  g_assert_cmpint (run_validate (f, "", "jp-my-her-sys", "expiring.json", &out, NULL), ==, 0);
  g_assert_cmpstr (out, ==,
                   "passport_expiry: warning: The passport expires on 2025-06-15, "
                   "before the arrival on 2025-07-01: "
                   "the traveller needs a passport valid on arrival.\n");
}

static void
test_cli_validate_translated (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *warning = NULL;

  g_assert_cmpint (run_validate (f, "ja", "jp-my-her-sys", "her-sys-bad.json", &out, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "email: 必須項目です。入力してください。\n"));
  g_assert_nonnull (strstr (out, "passport_number: パスポート番号が 10 文字あります。最大 9 文字です。\n"));
  g_assert_nonnull (strstr (out, "smartphone-input-id: 5 桁です。6～7 桁にしてください。\n"));
  g_assert_null (strstr (out, "required"));

  g_assert_cmpint (run_validate (f, "ja", "jp-my-her-sys", "expiring.json", &warning, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (warning, "passport_expiry: 警告: "));
}

static void
test_cli_validate_bad_input (Fixture       *f,
                             gconstpointer  data)
{
  const char *too_few[] = { "validate", "jp-my-her-sys", NULL };
  const char *too_many[] = { "validate", "jp-my-her-sys", "a.json", "b.json", NULL };
  const char *envp[] = { f->env_home, NULL };
  g_autofree char *err = NULL;
  g_autofree char *missing = NULL;

  g_assert_cmpint (run_validate (f, "", "no-such-procedure", "her-sys-good.json", NULL, &err),
                   ==, 1);
  g_assert_nonnull (strstr (err, "no-such-procedure"));
  g_clear_pointer (&err, g_free);

  /* A misspelt key is refused, not silently lost. */
  g_assert_cmpint (run_validate (f, "", "jp-my-her-sys", "unknown-key.json", NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "“passport”"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_validate (f, "", "jp-my-her-sys", "no-such-file.json", NULL, &missing),
                   ==, 1);
  g_assert_nonnull (strstr (missing, "no-such-file.json"));

  g_assert_cmpint (ed_test_run_cli (envp, too_few, NULL, NULL), ==, 2);
  g_assert_cmpint (ed_test_run_cli (envp, too_many, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "b.json"));
}

static void
test_cli_validate_user_procedure (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (f->home, "entry-desk", "procedures", NULL);
  g_autofree char *source = ed_test_data_path ("traveller", "xx-validate.json", NULL);
  g_autofree char *target = g_build_filename (dir, "xx-validate.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  gsize length;

  /* An office's own procedure, with a pattern and choices. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (target, contents, (gssize) length, NULL));

  g_assert_cmpint (run_validate (f, "", "xx-validate", "her-sys-good.json", &out, NULL), ==, 1);
  g_assert_cmpstr (out, ==,
                   "passport_number: The passport number has 9 characters; it can have at most 8.\n"
                   "payment: This is required: fill it in.\n"
                   "input-id: This is required: fill it in.\n");
}

/* A traveller file with a name of 100,000 characters (a column pasted
 * into it) is refused at once by validate and by sheet, which named it
 * after minutes of layout: the file, the key, the length and the
 * maximum, in the user's language, and no PDF. */

/* The processor time of the child processes waited for so far. */
static double
children_cpu_seconds (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_CHILDREN, &usage), ==, 0);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static void
test_cli_validate_long_value (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *huge = g_strnfill (100000, 'A');
  g_autofree char *path = g_build_filename (f->home, "long.json", NULL);
  g_autofree char *pdf = g_build_filename (f->home, "long.pdf", NULL);
  g_autofree char *text = g_strdup_printf ("{\"surname\": \"%s\", \"given_names\": \"TARO\"}",
                                           huge);
  g_autofree char *expected = g_strdup_printf ("entry-desk-cli: %s: surname: This has 100000 "
                                               "characters; it can have at most 100.\n", path);
  const char *envp[] = { f->env_home, NULL };
  const char *envp_ja[] = { f->env_home, "LANGUAGE=ja", "LC_ALL=ja_JP.UTF-8", NULL };
  const char *validate[] = { "validate", "jp-my-her-sys", path, NULL };
  const char *sheet[] = { "sheet", "jp-my-her-sys", "--traveller", path, "-o", pdf, NULL };
  double start = children_cpu_seconds ();
  g_autofree char *err = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));

  g_assert_cmpint (ed_test_run_cli (envp, validate, NULL, &err), ==, 1);
  g_assert_cmpstr (err, ==, expected);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (ed_test_run_cli (envp, sheet, NULL, &err), ==, 1);
  g_assert_cmpstr (err, ==, expected);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (ed_test_run_cli (envp_ja, sheet, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "surname: "));
  g_assert_nonnull (strstr (err, "100000"));
  g_assert_null (strstr (err, "characters"));

  /* Processor time, not time on the clock: a busy machine makes the
   * runs wait, not work; a layout quadratic in the length took minutes. */
  g_assert_cmpfloat (children_cpu_seconds () - start, <, 20);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/validate/problems", Fixture, NULL,
              fixture_set_up, test_cli_validate_problems, fixture_tear_down);
  g_test_add ("/cli/validate/good", Fixture, NULL,
              fixture_set_up, test_cli_validate_good, fixture_tear_down);
  g_test_add ("/cli/validate/warning", Fixture, NULL,
              fixture_set_up, test_cli_validate_warning, fixture_tear_down);
  g_test_add ("/cli/validate/translated", Fixture, NULL,
              fixture_set_up, test_cli_validate_translated, fixture_tear_down);
  g_test_add ("/cli/validate/bad-input", Fixture, NULL,
              fixture_set_up, test_cli_validate_bad_input, fixture_tear_down);
  g_test_add ("/cli/validate/user-procedure", Fixture, NULL,
              fixture_set_up, test_cli_validate_user_procedure, fixture_tear_down);
  g_test_add ("/cli/validate/long-value", Fixture, NULL,
              fixture_set_up, test_cli_validate_long_value, fixture_tear_down);

  return g_test_run ();
}
