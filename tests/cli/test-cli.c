/* test-cli.c — entry-desk-cli's contract: options, exit status, language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ed-test-util.h"

static void
test_cli_version (void)
{
  g_autofree char *out = NULL;
  const char *args[] = { "--version", NULL };

  g_assert_cmpint (ed_test_run_cli (NULL, args, &out, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "entry-desk-cli " PACKAGE_VERSION "\n");
}

static void
test_cli_help (void)
{
  g_autofree char *out = NULL;
  const char *args[] = { "--help", NULL };

  g_assert_cmpint (ed_test_run_cli (NULL, args, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "list"));
  g_assert_nonnull (strstr (out, "Exit status"));
}

static void
test_cli_help_translated (void)
{
  const char *env_ja[] = { "LANGUAGE=ja", "LC_ALL=ja_JP.UTF-8", NULL };
  const char *env_zh[] = { "LANGUAGE=zh_CN", "LC_ALL=zh_CN.UTF-8", NULL };
  const char *args[] = { "--help", NULL };
  g_autofree char *out_ja = NULL;
  g_autofree char *out_zh = NULL;

  g_assert_cmpint (ed_test_run_cli (env_ja, args, &out_ja, NULL), ==, 0);
  g_assert_nonnull (strstr (out_ja, "コマンド"));
  g_assert_null (strstr (out_ja, "Exit status"));

  g_assert_cmpint (ed_test_run_cli (env_zh, args, &out_zh, NULL), ==, 0);
  g_assert_nonnull (strstr (out_zh, "命令"));
  g_assert_null (strstr (out_zh, "Exit status"));
}

static void
test_cli_usage_errors (void)
{
  const char *no_args[] = { NULL };
  const char *unknown[] = { "frobnicate", NULL };
  const char *bad_option[] = { "list", "--no-such-option", NULL };
  const char *bad_lang[] = { "list", "--lang", "fr", NULL };
  const char *extra[] = { "list", "surplus", NULL };
  g_autofree char *err = NULL;

  g_assert_cmpint (ed_test_run_cli (NULL, no_args, NULL, NULL), ==, 2);

  g_assert_cmpint (ed_test_run_cli (NULL, unknown, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "frobnicate"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (ed_test_run_cli (NULL, bad_option, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--no-such-option"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (ed_test_run_cli (NULL, bad_lang, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "“fr”"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (ed_test_run_cli (NULL, extra, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "surplus"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_cli_version);
  g_test_add_func ("/cli/help", test_cli_help);
  g_test_add_func ("/cli/help-translated", test_cli_help_translated);
  g_test_add_func ("/cli/usage-errors", test_cli_usage_errors);

  return g_test_run ();
}
