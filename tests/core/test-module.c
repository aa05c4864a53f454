/* test-module.c — libraries opened when first needed: not before, and a
 * clear message when one is missing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <libpq-fe.h>

#include "ed-core.h"
#include "ed-test-util.h"

/* Whether a library whose file name starts with @name is mapped into
 * this process. */
static gboolean
is_mapped (const char *name)
{
  g_autofree char *maps = NULL;
  g_autofree char *needle = g_strconcat ("/", name, NULL);

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  return strstr (maps, needle) != NULL;
}

typedef struct
{
  __typeof__ (PQlibVersion) *PQlibVersion;
  __typeof__ (PQisthreadsafe) *PQisthreadsafe;
} Functions;

/* The libraries the core opens when first needed are not loaded at
 * start: not by the command line, not by this test, which links only
 * what the core links. Opened, their functions work. */
static void
test_module_lazy (void)
{
  static const char * const symbols[] = { "PQlibVersion", "PQisthreadsafe", NULL };
  static Functions functions;
  static EdModule module = { ED_LIBPQ_FILE, "libpq5", symbols, (gpointer *) &functions, 0, NULL };
  g_autoptr(GError) error = NULL;

  if (!g_file_test ("/proc/self/maps", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /proc/self/maps to see what is loaded");
      return;
    }

  g_assert_false (is_mapped ("libpq.so"));
  g_assert_false (is_mapped ("librsvg-2.so"));
  g_assert_false (is_mapped ("libical.so"));
  g_assert_false (is_mapped ("libicuuc.so"));

  g_assert_true (ed_module_load (&module, &error));
  g_assert_no_error (error);
  g_assert_true (is_mapped ("libpq.so"));
  g_assert_cmpint (functions.PQlibVersion (), >=, 130000);
  g_assert_cmpint (functions.PQisthreadsafe (), ==, 1);
  g_assert_true (ed_module_table (&module) == &functions);
}

/* A library that is not installed: the message names the file and the
 * package to install, each time it is asked. */
static void
test_module_missing (void)
{
  static const char * const symbols[] = { "nothing", NULL };
  static gpointer table[1];
  static EdModule module = {
    "libentry-desk-not-installed.so.7", "entry-desk-not-installed", symbols, table, 0, NULL
  };

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (ed_module_load (&module, &error));
      g_assert_error (error, ED_ERROR, ED_ERROR_NOT_FOUND);
      g_assert_nonnull (strstr (error->message, "libentry-desk-not-installed.so.7"));
      g_assert_nonnull (strstr (error->message, "entry-desk-not-installed"));
    }
}

/* A library without a function asked for (an older version): refused
 * as a whole, and no function of it is left half-taken. */
static void
test_module_too_old (void)
{
  static const char * const symbols[] = { "PQlibVersion", "PQentry_desk_in_libpq_99", NULL };
  static gpointer table[2];
  static EdModule module = { ED_LIBPQ_FILE, "libpq5", symbols, table, 0, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_false (ed_module_load (&module, &error));
  g_assert_error (error, ED_ERROR, ED_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "libpq5"));
  g_assert_null (table[0]);
  g_assert_null (table[1]);
}

/* In Japanese, as a clerk would read it. */
static void
test_module_missing_ja (void)
{
  static const char * const symbols[] = { "nothing", NULL };
  static gpointer table[1];
  static EdModule module = {
    "libentry-desk-gone.so.1", "entry-desk-gone", symbols, table, 0, NULL
  };
  g_autoptr(GError) error = NULL;

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "ja", TRUE);
  ed_i18n_init ();
  g_assert_false (ed_module_load (&module, &error));
  g_unsetenv ("LANGUAGE");
  g_assert_cmpstr (error->message, ==,
                   "ライブラリ libentry-desk-gone.so.1 がありません。"
                   "パッケージ entry-desk-gone をインストールしてください");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/module/lazy", test_module_lazy);
  g_test_add_func ("/module/missing", test_module_missing);
  g_test_add_func ("/module/too-old", test_module_too_old);
  g_test_add_func ("/module/missing-ja", test_module_missing_ja);

  return g_test_run ();
}
