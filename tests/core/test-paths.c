/* test-paths.c — the folders and files Entry Desk writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>

#include "ed-core.h"
#include "ed-test-util.h"

static void
test_paths_private_file_created (void)
{
  g_autofree char *dir = ed_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "cases.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (ed_paths_ensure_private_file (path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, ==, 0);
#ifdef G_OS_UNIX
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
#endif

  ed_test_rm_rf (dir);
}

static void
test_paths_private_file_kept (void)
{
  g_autofree char *dir = ed_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "cases.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (path, "a store", -1, NULL));
  g_assert_true (ed_paths_ensure_private_file (path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "a store");

  ed_test_rm_rf (dir);
}

static void
test_paths_private_file_error (void)
{
  g_autofree char *dir = ed_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "missing", "cases.db", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (ed_paths_ensure_private_file (path, &error));
  g_assert_error (error, ED_ERROR, ED_ERROR_IO);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  ed_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/paths/private-file/created", test_paths_private_file_created);
  g_test_add_func ("/paths/private-file/kept", test_paths_private_file_kept);
  g_test_add_func ("/paths/private-file/error", test_paths_private_file_error);

  return g_test_run ();
}
