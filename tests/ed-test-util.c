/* ed-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "ed-test-util.h"

/**
 * ed_test_spawn_cli:
 * @envp_extra: (nullable): `NAME=value` strings added to the environment
 * @args: the arguments after the program name
 *
 * Starts the entry-desk-cli of the build tree (ENTRY_DESK_CLI) and
 * returns at once, for tests that run several at the same time.
 *
 * Returns: (transfer full): the process, to end with ed_test_wait_cli()
 */
GSubprocess *
ed_test_spawn_cli (const char * const  *envp_extra,
                   const char * const  *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *process;
  const char *cli = g_getenv ("ENTRY_DESK_CLI");

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  for (guint i = 0; envp_extra != NULL && envp_extra[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (envp_extra[i], "=", 2);

      g_subprocess_launcher_setenv (launcher, pair[0], pair[1] != NULL ? pair[1] : "", TRUE);
    }

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  return process;
}

/**
 * ed_test_wait_cli:
 * @process: from ed_test_spawn_cli()
 * @out: (out) (optional): standard output
 * @err: (out) (optional): standard error
 *
 * Waits until @process ends; it must end by exiting, not by a signal.
 *
 * Returns: its exit status
 */
int
ed_test_wait_cli (GSubprocess  *process,
                  char        **out,
                  char        **err)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_buf = NULL;
  g_autofree char *stderr_buf = NULL;

  g_subprocess_communicate_utf8 (process, NULL, NULL, &stdout_buf, &stderr_buf, &error);
  g_assert_no_error (error);

  if (out != NULL)
    *out = g_steal_pointer (&stdout_buf);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_buf);

  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

/**
 * ed_test_run_cli:
 * @envp_extra: (nullable): `NAME=value` strings added to the environment
 * @args: the arguments after the program name
 * @out: (out) (optional): standard output
 * @err: (out) (optional): standard error
 *
 * Runs the entry-desk-cli of the build tree (ENTRY_DESK_CLI).
 *
 * Returns: its exit status
 */
int
ed_test_run_cli (const char * const  *envp_extra,
                 const char * const  *args,
                 char               **out,
                 char               **err)
{
  g_autoptr(GSubprocess) process = ed_test_spawn_cli (envp_extra, args);

  return ed_test_wait_cli (process, out, err);
}

char *
ed_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("entry-desk-test-XXXXXX", &error);

  g_assert_no_error (error);
  return path;
}

void
ed_test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_remove (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      ed_test_rm_rf (child);
    }
  g_rmdir (path);
}

/**
 * ed_test_data_path:
 *
 * Returns: the path of a file under tests/data of the source tree.
 */
char *
ed_test_data_path (const char *first_part,
                   ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;
  va_list args;

  g_ptr_array_add (parts, (gpointer) g_getenv ("G_TEST_SRCDIR"));
  g_ptr_array_add (parts, (gpointer) "data");
  va_start (args, first_part);
  for (part = first_part; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **) parts->pdata);
}
