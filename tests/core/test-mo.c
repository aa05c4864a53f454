/* test-mo.c — translations into a language other than the UI's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "ed-core.h"

static void
test_mo_own_catalog (void)
{
  /* The process runs in C.UTF-8; the catalogs still answer. */
  g_assert_cmpstr (ed_translate (ED_LANGUAGE_JA, NULL, "Preferences"), ==, "設定");
  g_assert_cmpstr (ed_translate (ED_LANGUAGE_ZH_CN, NULL, "Preferences"), ==, "首选项");
  g_assert_cmpstr (ed_translate (ED_LANGUAGE_EN, NULL, "Preferences"), ==, "Preferences");
  /* No Traditional Chinese catalog: Simplified stands in. */
  g_assert_cmpstr (ed_translate (ED_LANGUAGE_ZH_TW, NULL, "Preferences"), ==, "首选项");
  /* Contexts are kept apart. */
  g_assert_cmpstr (ed_translate (ED_LANGUAGE_JA, "shortcut window", "Quit"), ==, "終了");
  g_assert_cmpstr (ed_translate (ED_LANGUAGE_JA, "no such context", "Quit"), ==, "Quit");
  g_assert_cmpstr (ed_translate (ED_LANGUAGE_JA, NULL, "no such message"), ==, "no such message");
}

static void
test_mo_iso_codes (void)
{
  const char *dir = "/usr/share/locale";

  g_assert_cmpstr (ed_translate_domain ("iso_3166-1", dir, ED_LANGUAGE_JA, NULL, "Japan"),
                   ==, "日本");
  g_assert_cmpstr (ed_translate_domain ("iso_3166-1", dir, ED_LANGUAGE_ZH_CN, NULL, "Germany"),
                   ==, "德国");
}

static void
test_mo_not_a_catalog (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "meson.build", NULL);
  g_autoptr(EdMoFile) file = NULL;

  file = ed_mo_file_new (path, &error);
  g_assert_null (file);
  g_assert_error (error, ED_ERROR, ED_ERROR_PARSE);
  g_clear_error (&error);

  file = ed_mo_file_new ("/nonexistent/file.mo", &error);
  g_assert_null (file);
  g_assert_nonnull (error);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mo/own-catalog", test_mo_own_catalog);
  g_test_add_func ("/mo/iso-codes", test_mo_iso_codes);
  g_test_add_func ("/mo/not-a-catalog", test_mo_not_a_catalog);

  return g_test_run ();
}
