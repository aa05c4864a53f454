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

/* Runs in a subprocess: it changes the environment for good. */
static void
test_paths_profile_subprocess (void)
{
  const char *vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };
  const char *folders[] = { "data", "config", "cache", "state" };

  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    g_setenv (vars[i], "/the/given/folder", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  /* The test suite's own folders stand, in either profile. */
  g_setenv ("ENTRY_DESK_USE_XDG_DIRS", "1", TRUE);
  ed_paths_init_profile ();
  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    g_assert_cmpstr (g_getenv (vars[i]), ==, "/the/given/folder");
  g_assert_cmpstr (g_getenv ("GSETTINGS_BACKEND"), ==, "memory");

  g_unsetenv ("ENTRY_DESK_USE_XDG_DIRS");
  ed_paths_init_profile ();
  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
#if DEVELOPMENT_BUILD
      g_autofree char *expected = g_build_filename (DEVEL_HOME, folders[i], NULL);

      g_assert_cmpstr (g_getenv (vars[i]), ==, expected);
#else
      g_assert_cmpstr (g_getenv (vars[i]), ==, "/the/given/folder");
      (void) folders;
#endif
    }
  g_assert_cmpstr (g_getenv ("GSETTINGS_BACKEND"), ==, DEVELOPMENT_BUILD ? "keyfile" : "memory");
}

static void
test_paths_profile (void)
{
  g_test_trap_subprocess ("/paths/profile/subprocess", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
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
  g_test_add_func ("/paths/profile", test_paths_profile);
  g_test_add_func ("/paths/profile/subprocess", test_paths_profile_subprocess);

  return g_test_run ();
}
