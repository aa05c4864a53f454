/* ed-paths.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ed-error.h"
#include "ed-paths.h"

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
