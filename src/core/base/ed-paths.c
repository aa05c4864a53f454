/* ed-paths.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#ifdef G_OS_UNIX
#include <fcntl.h>
#endif

#include "ed-error.h"
#include "ed-paths.h"

/**
 * ed_paths_init_profile:
 *
 * Call it first in main(), before anything asks GLib for a folder.
 *
 * A development build (`-Dprofile=development`, as build-aux/run makes
 * it) keeps everything it writes under devel-home/ in the build tree:
 * cases, the user's procedures and downloaded updates in data/, settings
 * in a key file in config/ instead of dconf, caches and state beside
 * them. It sets the XDG folders whatever they were, so that a source
 * build run on an office machine never opens the real cases. The test
 * suite, which gives each test XDG folders of its own, says so with
 * ENTRY_DESK_USE_XDG_DIRS=1. An installed build uses the XDG folders.
 */
void
ed_paths_init_profile (void)
{
#if DEVELOPMENT_BUILD
  static const struct
  {
    const char *variable;
    const char *folder;
  } homes[] = {
    { "XDG_DATA_HOME", "data" },
    { "XDG_CONFIG_HOME", "config" },
    { "XDG_CACHE_HOME", "cache" },
    { "XDG_STATE_HOME", "state" },
  };

  if (g_strcmp0 (g_getenv ("ENTRY_DESK_USE_XDG_DIRS"), "1") == 0)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (homes); i++)
    {
      g_autofree char *dir = g_build_filename (DEVEL_HOME, homes[i].folder, NULL);

      g_setenv (homes[i].variable, dir, TRUE);
    }

  /* $XDG_CONFIG_HOME/glib-2.0/settings/keyfile */
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);
#endif
}

/* Tests and build-aux/run point this at the source tree's data/. */
const char *
ed_paths_pkgdatadir (void)
{
  const char *dir = g_getenv ("ENTRY_DESK_DATADIR");

  return dir != NULL && *dir != '\0' ? dir : PKGDATADIR;
}

char *
ed_paths_system_procedures_dir (void)
{
  return g_build_filename (ed_paths_pkgdatadir (), "procedures", NULL);
}

char *
ed_paths_system_journeys_dir (void)
{
  return g_build_filename (ed_paths_pkgdatadir (), "journeys", NULL);
}

char *
ed_paths_user_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "entry-desk", NULL);
}

char *
ed_paths_user_procedures_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "entry-desk", "procedures", NULL);
}

/* An office's own journey templates, or its versions of ours. */
char *
ed_paths_user_journeys_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "entry-desk", "journeys", NULL);
}

/* Where downloaded procedure updates are kept (see ed-feed-store.c). */
char *
ed_paths_updates_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "entry-desk", "updates", NULL);
}

/**
 * ed_paths_updates_set_dir:
 * @updates_dir: (nullable): the updates folder, ed_paths_updates_dir()
 *   if %NULL
 *
 * The procedures of the last update downloaded from a signed feed are in
 * current/, or in old/ when a crash stopped an update half-way through
 * swapping them (ed-feed-store.c does the swapping).
 *
 * Returns: the folder holding the complete set to load; it may not exist
 */
char *
ed_paths_updates_set_dir (const char *updates_dir)
{
  g_autofree char *default_dir = updates_dir == NULL ? ed_paths_updates_dir () : NULL;
  const char *dir = updates_dir != NULL ? updates_dir : default_dir;
  g_autofree char *current = g_build_filename (dir, ED_PATHS_UPDATES_CURRENT, NULL);
  g_autofree char *old = g_build_filename (dir, ED_PATHS_UPDATES_OLD, NULL);

  if (!g_file_test (current, G_FILE_TEST_IS_DIR) && g_file_test (old, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&old);

  return g_steal_pointer (&current);
}

char *
ed_paths_updates_current_dir (void)
{
  return ed_paths_updates_set_dir (NULL);
}

/**
 * ed_paths_ensure_private_dir:
 *
 * Creates @path and its parents; @path itself is readable by its owner
 * only, because it holds travellers' personal data.
 */
gboolean
ed_paths_ensure_private_dir (const char  *path,
                             GError     **error)
{
  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, ED_ERROR, ED_ERROR_IO,
                   _("Could not create the folder “%s”: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  if (g_chmod (path, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, ED_ERROR, ED_ERROR_IO,
                   _("Could not protect the folder “%s”: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/**
 * ed_paths_ensure_private_file:
 *
 * Creates @path if it is missing, readable by its owner only from the
 * first moment (a later chmod would leave a moment in which another
 * user could open it); an existing file is left as it is. On Windows
 * the file takes the permissions of its folder.
 *
 * Returns: %FALSE with @error set to what the system said, in the
 *   %ED_ERROR_IO code
 */
gboolean
ed_paths_ensure_private_file (const char  *path,
                              GError     **error)
{
#ifdef G_OS_UNIX
  int fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error_literal (error, ED_ERROR, ED_ERROR_IO, g_strerror (saved_errno));
      return FALSE;
    }
  g_close (fd, NULL);

  return TRUE;
#else
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;

  stream = g_file_create (file, G_FILE_CREATE_PRIVATE, NULL, &local_error);
  if (stream == NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_set_error_literal (error, ED_ERROR, ED_ERROR_IO, local_error->message);
      return FALSE;
    }

  return TRUE;
#endif
}
