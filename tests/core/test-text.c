/* test-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "ed-core.h"

static void
test_text_lookup (void)
{
  g_autoptr(EdText) text = ed_text_new ();

  g_assert_cmpstr (ed_text_lookup (text, ED_LANGUAGE_JA), ==, "");
  g_assert_false (ed_text_has (text, ED_LANGUAGE_EN));

  ed_text_set (text, ED_LANGUAGE_EN, "Download the app");
  ed_text_set (text, ED_LANGUAGE_ZH_CN, "下载应用");

  g_assert_cmpstr (ed_text_get (text, ED_LANGUAGE_EN), ==, "Download the app");
  g_assert_null (ed_text_get (text, ED_LANGUAGE_JA));
  /* Japanese is missing: English, never Chinese, stands in. */
  g_assert_cmpstr (ed_text_lookup (text, ED_LANGUAGE_JA), ==, "Download the app");
  /* Traditional Chinese is missing: Simplified stands in. */
  g_assert_cmpstr (ed_text_lookup (text, ED_LANGUAGE_ZH_TW), ==, "下载应用");

  ed_text_set (text, ED_LANGUAGE_JA, "アプリをダウンロードする");
  g_assert_cmpstr (ed_text_lookup (text, ED_LANGUAGE_JA), ==, "アプリをダウンロードする");
  g_assert_true (ed_text_has (text, ED_LANGUAGE_JA));

  ed_text_set (text, ED_LANGUAGE_JA, "");
  g_assert_false (ed_text_has (text, ED_LANGUAGE_JA));
}

static void
test_text_contains (void)
{
  g_autoptr(EdText) text = ed_text_new ();
  g_autofree char *needle = g_utf8_casefold ("MYSOS", -1);

  ed_text_set (text, ED_LANGUAGE_EN, "Install MySOS");
  ed_text_set (text, ED_LANGUAGE_JA, "MySOSのインストール");
  ed_text_set (text, ED_LANGUAGE_ZH_CN, "安装MySOS");

  g_assert_true (ed_text_contains (text, needle));
  g_assert_true (ed_text_contains (text, "インストール"));
  g_assert_true (ed_text_contains (text, "安装"));
  /* As the case search compares: Han variants, kana, width. */
  g_assert_true (ed_text_contains (text, "安裝"));
  g_assert_true (ed_text_contains (text, "いんすとーる"));
  g_assert_true (ed_text_contains (text, "ＭＹＳＯＳ"));
  g_assert_false (ed_text_contains (text, "cocoa"));
  g_assert_true (ed_text_contains (text, ""));
}

static void
test_text_ref (void)
{
  EdText *text = ed_text_new ();
  EdText *other = ed_text_ref (text);

  ed_text_set (text, ED_LANGUAGE_EN, "shared");
  g_assert_cmpstr (ed_text_get (other, ED_LANGUAGE_EN), ==, "shared");
  ed_text_unref (text);
  g_assert_cmpstr (ed_text_get (other, ED_LANGUAGE_EN), ==, "shared");
  ed_text_unref (other);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/lookup", test_text_lookup);
  g_test_add_func ("/text/contains", test_text_contains);
  g_test_add_func ("/text/ref", test_text_ref);

  return g_test_run ();
}
