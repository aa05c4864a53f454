/* test-language.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ed-core.h"

static void
test_language_codes (void)
{
  EdLanguage language;

  g_assert_true (ed_language_from_code ("ja", &language));
  g_assert_cmpint (language, ==, ED_LANGUAGE_JA);
  g_assert_true (ed_language_from_code ("zh_CN", &language));
  g_assert_cmpint (language, ==, ED_LANGUAGE_ZH_CN);
  g_assert_true (ed_language_from_code ("zh-TW", &language));
  g_assert_cmpint (language, ==, ED_LANGUAGE_ZH_TW);
  g_assert_false (ed_language_from_code ("fr", &language));
  g_assert_false (ed_language_from_code ("", &language));
  g_assert_false (ed_language_from_code ("zh", &language));

  g_assert_cmpstr (ed_language_code (ED_LANGUAGE_ZH_CN), ==, "zh_CN");
  g_assert_cmpstr (ed_language_bcp47 (ED_LANGUAGE_ZH_CN), ==, "zh-CN");
  g_assert_cmpstr (ed_language_native_name (ED_LANGUAGE_JA), ==, "日本語");
}

static void
test_language_for_locale (void)
{
  g_assert_cmpint (ed_language_for_locale ("ja_JP.UTF-8"), ==, ED_LANGUAGE_JA);
  g_assert_cmpint (ed_language_for_locale ("zh_CN.UTF-8"), ==, ED_LANGUAGE_ZH_CN);
  g_assert_cmpint (ed_language_for_locale ("zh_SG"), ==, ED_LANGUAGE_ZH_CN);
  g_assert_cmpint (ed_language_for_locale ("zh_TW.UTF-8"), ==, ED_LANGUAGE_ZH_TW);
  g_assert_cmpint (ed_language_for_locale ("zh_HK"), ==, ED_LANGUAGE_ZH_TW);
  g_assert_cmpint (ed_language_for_locale ("de_DE.UTF-8"), ==, ED_LANGUAGE_EN);
  g_assert_cmpint (ed_language_for_locale (NULL), ==, ED_LANGUAGE_EN);
}

static void
test_language_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) list = NULL;

  list = ed_language_parse_list ("en, ja,zh_CN,ja", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpint (g_array_index (list, EdLanguage, 0), ==, ED_LANGUAGE_EN);
  g_assert_cmpint (g_array_index (list, EdLanguage, 1), ==, ED_LANGUAGE_JA);
  g_assert_cmpint (g_array_index (list, EdLanguage, 2), ==, ED_LANGUAGE_ZH_CN);
  g_clear_pointer (&list, g_array_unref);

  list = ed_language_parse_list ("en,fr", &error);
  g_assert_error (error, ED_ERROR, ED_ERROR_INVALID);
  g_assert_null (list);
  g_assert_nonnull (strstr (error->message, "“fr”"));
  g_clear_error (&error);

  list = ed_language_parse_list (" , ", &error);
  g_assert_error (error, ED_ERROR, ED_ERROR_INVALID);
  g_assert_null (list);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/language/codes", test_language_codes);
  g_test_add_func ("/language/for-locale", test_language_for_locale);
  g_test_add_func ("/language/list", test_language_list);

  return g_test_run ();
}
