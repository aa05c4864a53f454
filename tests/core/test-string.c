/* test-string.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "ed-core.h"

static void
test_string_replace (void)
{
  g_autofree char *slot = NULL;

  g_assert_true (ed_string_replace (&slot, "a"));
  g_assert_false (ed_string_replace (&slot, "a"));
  g_assert_true (ed_string_replace (&slot, ""));
  g_assert_null (slot);
}

/* What a file says is shown, never obeyed by the terminal. */
static void
test_string_escape_controls (void)
{
  struct {
    const char *text;
    const char *shown;
  } cases[] = {
    { "WANG Li", "WANG Li" },
    { "王小明\tline 1\nline 2", "王小明\tline 1\nline 2" },
    { "\x1b[2J\x1b]0;title\x07", "\\x1B[2J\\x1B]0;title\\x07" },
    { "ok\rFAKE", "ok\\x0DFAKE" },
    { "a\bb\x7f", "a\\x08b\\x7F" },
    { "\xc2\x9b" "31m", "\\u009B31m" },
    { "abc\xe2\x80\xae" "fdp.exe", "abc\\u202Efdp.exe" },
    { "caf\xe9 \xff", "caf\\xE9 \\xFF" },
    { "\xe3\x81", "\\xE3\\x81" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = ed_string_escape_controls (cases[i].text);

      g_assert_cmpstr (shown, ==, cases[i].shown);
      g_assert_true (g_utf8_validate (shown, -1, NULL));
    }

  g_free (ed_string_escape_controls (NULL));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/string/replace", test_string_replace);
  g_test_add_func ("/string/escape-controls", test_string_escape_controls);

  return g_test_run ();
}
