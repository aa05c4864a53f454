/* test-mo.c — translations into a language other than the UI's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "ed-core.h"

static void
test_mo_own_catalog (void)
{
  /* The process runs in C.UTF-8; the catalogs still answer. */
  g_assert_cmpstr (ed_translate (ED_LANGUAGE_JA, NULL, "Preferences"), ==, "設定");
  g_assert_cmpstr (ed_translate (ED_LANGUAGE_ZH_CN, NULL, "Preferences"), ==, "首选项");
  g_assert_cmpstr (ed_translate (ED_LANGUAGE_EN, NULL, "Preferences"), ==, "Preferences");
  g_assert_cmpstr (ed_translate (ED_LANGUAGE_ZH_TW, NULL, "Preferences"), ==, "偏好設定");
  /* Contexts are kept apart. */
  g_assert_cmpstr (ed_translate (ED_LANGUAGE_JA, "shortcut window", "Quit"), ==, "終了");
  g_assert_cmpstr (ed_translate (ED_LANGUAGE_JA, "no such context", "Quit"), ==, "Quit");
  g_assert_cmpstr (ed_translate (ED_LANGUAGE_JA, NULL, "no such message"), ==, "no such message");
}

/* Where there is no Traditional Chinese catalog, Simplified stands in:
 * a folder that holds only the zh_CN one. */
static void
test_mo_zh_tw_falls_back (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ed-test-mo-XXXXXX", NULL);
  g_autofree char *folder = g_build_filename (dir, "zh_CN", "LC_MESSAGES", NULL);
  g_autofree char *file = g_strconcat (GETTEXT_PACKAGE, ".mo", NULL);
  g_autofree char *source = g_build_filename (ed_i18n_localedir (), "zh_CN", "LC_MESSAGES",
                                              file, NULL);
  g_autofree char *copy = g_build_filename (folder, file, NULL);
  g_autofree char *data = NULL;
  gsize size;

  g_assert_nonnull (dir);
  g_assert_true (g_file_get_contents (source, &data, &size, NULL));
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (copy, data, size, NULL));

  g_assert_cmpstr (ed_translate_domain (GETTEXT_PACKAGE, dir, ED_LANGUAGE_ZH_TW, NULL,
                                        "Preferences"), ==, "首选项");

  g_assert_cmpint (g_remove (copy), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
  g_free (g_steal_pointer (&folder));
  folder = g_build_filename (dir, "zh_CN", NULL);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
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

/* A catalog held in memory; offsets that point past its end, or a
 * string without its NUL, are refused, never read. */
static void
test_mo_from_bytes (void)
{
  /* magic, revision, 1 message, originals at 28, translations at 36 */
  guint32 words[] = { 0x950412de, 0, 1, 28, 36, 0, 0,
                      5, 44,    /* "Hello" */
                      5, 50 };  /* "Salut" */
  guint8 data[sizeof words + 12];
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(EdMoFile) file = NULL;
  g_autoptr(GError) error = NULL;

  memcpy (data, words, sizeof words);
  memcpy (data + sizeof words, "Hello\0Salut\0", 12);
  bytes = g_bytes_new (data, sizeof data);
  file = ed_mo_file_new_from_bytes (bytes, "x.mo", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_mo_file_lookup (file, NULL, "Hello"), ==, "Salut");
  g_clear_pointer (&file, ed_mo_file_free);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* The last NUL cut off. */
  bytes = g_bytes_new (data, sizeof data - 1);
  file = ed_mo_file_new_from_bytes (bytes, "x.mo", &error);
  g_assert_null (file);
  g_assert_error (error, ED_ERROR, ED_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "“x.mo” is not a valid translation catalog");
  g_clear_error (&error);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* A translation said to be 4 GB long. */
  words[9] = G_MAXUINT32;
  memcpy (data, words, sizeof words);
  bytes = g_bytes_new (data, sizeof data);
  file = ed_mo_file_new_from_bytes (bytes, "x.mo", &error);
  g_assert_null (file);
  g_assert_error (error, ED_ERROR, ED_ERROR_PARSE);
}

/* Hong Kong and Macau get the Traditional Chinese catalog, zh_TW, after
 * their own names in LANGUAGE; nothing else changes. */
static void
test_mo_hong_kong_fallback (void)
{
  static const struct {
    const char *language, *locale, *expected;
  } cases[] = {
    { NULL, "zh_HK.UTF-8", "zh_HK:zh_TW" },
    { "", "zh_MO.UTF-8", "zh_MO:zh_TW" },
    { NULL, "zh_HK", "zh_HK:zh_TW" },
    { "zh_HK:en", "en_US.UTF-8", "zh_HK:zh_TW:en" },
    { "en:zh_MO.UTF-8", NULL, "en:zh_MO.UTF-8:zh_TW" },
    { "zh_HK:zh_TW", "zh_HK.UTF-8", NULL },
    { "zh_HK:zh_TW.UTF-8:en", NULL, NULL },
    { NULL, "zh_TW.UTF-8", NULL },
    { NULL, "zh_CN.UTF-8", NULL },
    { NULL, "ja_JP.UTF-8", NULL },
    { "ja:en", "zh_HK.UTF-8", NULL },
    { NULL, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *language = ed_i18n_language_fallback (cases[i].language, cases[i].locale);

      g_test_message ("LANGUAGE=%s, locale %s", cases[i].language, cases[i].locale);
      g_assert_cmpstr (language, ==, cases[i].expected);
    }
}

/* A clerk in Hong Kong starts the application: its words are in
 * Traditional Chinese, whether the zh_HK locale is installed or not. */
static void
test_mo_hong_kong_ui (void)
{
  if (g_test_subprocess ())
    {
      g_unsetenv ("LC_ALL");
      g_unsetenv ("LC_MESSAGES");
      g_unsetenv ("LANGUAGE");
      g_setenv ("LANG", "zh_HK.UTF-8", TRUE);
      ed_i18n_init ();
      g_print ("%s\n", g_dgettext (GETTEXT_PACKAGE, "Preferences"));
      g_print ("%s\n", g_getenv ("LANGUAGE"));
      g_assert_cmpint (ed_language_for_ui (), ==, ED_LANGUAGE_ZH_TW);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("偏好設定\nzh_HK:zh_TW\n");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mo/own-catalog", test_mo_own_catalog);
  g_test_add_func ("/mo/zh-tw-falls-back", test_mo_zh_tw_falls_back);
  g_test_add_func ("/mo/iso-codes", test_mo_iso_codes);
  g_test_add_func ("/mo/not-a-catalog", test_mo_not_a_catalog);
  g_test_add_func ("/mo/from-bytes", test_mo_from_bytes);
  g_test_add_func ("/mo/hong-kong-fallback", test_mo_hong_kong_fallback);
  g_test_add_func ("/mo/hong-kong-ui", test_mo_hong_kong_ui);

  return g_test_run ();
}
