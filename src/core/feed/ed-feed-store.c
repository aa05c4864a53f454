/* ed-feed-store.c — installing a downloaded set of procedures at once
 *
 * The catalog reads updates/current/. An update never writes there: it
 * downloads and checks everything in updates/new-XXXXXX/, then swaps the
 * folders with two renames, each of which is atomic:
 *
 *   1. current/ → old/        (the previous set, complete)
 *   2. new-XXXXXX/ → current/ (the new set, complete and synced)
 *   3. old/ is removed
 *
 * A crash before 1 leaves current/ untouched (new-XXXXXX/ is litter);
 * between 1 and 2 there is no current/ but a complete old/, which the
 * catalog reads instead (ed_feed_store_current_dir()) and the next
 * update renames back; after 2, current/ is the new set and old/ is
 * litter. So a reader always finds one complete set, old or new, never
 * a mixture. Litter is removed by the next update, under its lock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#ifdef G_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#else
#include <windows.h>
#endif

#include "ed-error.h"
#include "ed-feed-private.h"
#include "ed-feed-store.h"
#include "ed-paths.h"

#define CURRENT_NAME ED_PATHS_UPDATES_CURRENT
#define OLD_NAME     ED_PATHS_UPDATES_OLD
#define STAGE_PREFIX "new-"
#define LOCK_NAME    "lock"

struct _EdFeedLock
{
#ifdef G_OS_UNIX
  int     fd;
#else
  HANDLE  file;
#endif
};

/* fcntl() locks belong to a process (and LockFileEx() ones to a handle),
 * so a second update in the same process needs its own guard. */
static GMutex lock_mutex;
static gboolean locked_in_process;

char *
ed_feed_store_dir (void)
{
  return ed_paths_updates_dir ();
}

/**
 * ed_feed_store_current_dir:
 * @store_dir: (nullable): the store, ed_feed_store_dir() if %NULL
 *
 * Returns: the folder holding the complete set of downloaded
 *   procedures to load; it may not exist.
 */
char *
ed_feed_store_current_dir (const char *store_dir)
{
  return ed_paths_updates_set_dir (store_dir);
}

static gboolean set_io_error (GError     **error,
                              const char  *format,
                              ...) G_GNUC_PRINTF (2, 3);

static gboolean
set_io_error (GError     **error,
              const char  *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, ED_ERROR, ED_ERROR_IO, message);
  return FALSE;
}

/* Locks @path against other processes. Returns: %TRUE with the lock
 * in @lock; %FALSE with @error set, or without when another process
 * holds the lock. The system lets it go when the process ends. */
static gboolean
lock_file (const char  *path,
           EdFeedLock  *lock,
           GError     **error)
{
#ifdef G_OS_UNIX
  struct flock request = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
  int fd = g_open (path, O_RDWR | O_CREAT, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;

      return set_io_error (error, _("Could not create “%s”: %s"), path, g_strerror (saved_errno));
    }
  if (fcntl (fd, F_SETLK, &request) != 0)
    {
      g_close (fd, NULL);
      return FALSE;
    }

  lock->fd = fd;
  return TRUE;
#else
  g_autofree gunichar2 *wide_path = g_utf8_to_utf16 (path, -1, NULL, NULL, NULL);
  OVERLAPPED whole_file = { 0, };
  HANDLE file;

  file = CreateFileW ((const wchar_t *) wide_path, GENERIC_READ | GENERIC_WRITE,
                      FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_ALWAYS,
                      FILE_ATTRIBUTE_NORMAL, NULL);
  if (file == INVALID_HANDLE_VALUE)
    {
      g_autofree char *reason = g_win32_error_message (GetLastError ());

      return set_io_error (error, _("Could not create “%s”: %s"), path, reason);
    }
  if (!LockFileEx (file, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0,
                   &whole_file))
    {
      CloseHandle (file);
      return FALSE;
    }

  lock->file = file;
  return TRUE;
#endif
}

EdFeedLock *
_ed_feed_store_lock (const char  *store_dir,
                     GError     **error)
{
  g_autofree char *path = g_build_filename (store_dir, LOCK_NAME, NULL);
  EdFeedLock held = { 0, };
  EdFeedLock *lock;
  gboolean locked = FALSE;

  if (!ed_paths_ensure_private_dir (store_dir, error))
    return NULL;

  g_mutex_lock (&lock_mutex);
  if (!locked_in_process)
    {
      GError *local_error = NULL;

      locked = lock_file (path, &held, &local_error);
      if (local_error != NULL)
        {
          g_mutex_unlock (&lock_mutex);
          g_propagate_error (error, local_error);
          return NULL;
        }
    }

  if (!locked)
    {
      g_mutex_unlock (&lock_mutex);
      g_set_error_literal (error, ED_ERROR, ED_ERROR_FAILED,
                           _("Another update of the procedures is running; "
                             "try again when it has finished"));
      return NULL;
    }

  locked_in_process = TRUE;
  g_mutex_unlock (&lock_mutex);

  lock = g_new (EdFeedLock, 1);
  *lock = held;
  return lock;
}

void
_ed_feed_store_unlock (EdFeedLock *lock)
{
  if (lock == NULL)
    return;

#ifdef G_OS_UNIX
  g_close (lock->fd, NULL);
#else
  CloseHandle (lock->file);
#endif
  g_mutex_lock (&lock_mutex);
  locked_in_process = FALSE;
  g_mutex_unlock (&lock_mutex);
  g_free (lock);
}

/* Removes a set folder: it only ever holds plain files. */
void
_ed_feed_store_remove_set (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

/* fsync() of a file or, for a rename to last, of its folder. */
static void
sync_path (const char *path)
{
#ifdef G_OS_UNIX
  int fd = g_open (path, O_RDONLY, 0);

  if (fd >= 0)
    {
      fsync (fd);
      g_close (fd, NULL);
    }
#else
  /* FlushFileBuffers() wants a handle open for writing; backup
   * semantics let a folder be opened, which NTFS may flush or refuse. */
  g_autofree gunichar2 *wide_path = g_utf8_to_utf16 (path, -1, NULL, NULL, NULL);
  HANDLE file = CreateFileW ((const wchar_t *) wide_path, GENERIC_WRITE,
                             FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                             OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);

  if (file != INVALID_HANDLE_VALUE)
    {
      FlushFileBuffers (file);
      CloseHandle (file);
    }
#endif
}

/* Everything of a set reaches the disk before it becomes current/. */
static void
sync_set (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      sync_path (path);
    }
  sync_path (dir);
}

/**
 * _ed_feed_store_recover:
 *
 * Puts the store back in order after an update that did not finish:
 * the previous set comes back if the swap stopped half-way, and litter
 * is removed. Call it with the lock held.
 */
gboolean
_ed_feed_store_recover (const char  *store_dir,
                        GError     **error)
{
  g_autofree char *current = g_build_filename (store_dir, CURRENT_NAME, NULL);
  g_autofree char *old = g_build_filename (store_dir, OLD_NAME, NULL);
  g_autoptr(GDir) handle = NULL;
  const char *name;

  if (!g_file_test (current, G_FILE_TEST_IS_DIR) && g_file_test (old, G_FILE_TEST_IS_DIR))
    {
      if (g_rename (old, current) != 0)
        {
          int saved_errno = errno;

          return set_io_error (error, _("Could not restore the procedures in “%s”: %s"),
                               old, g_strerror (saved_errno));
        }
      sync_path (store_dir);
    }

  if (g_file_test (old, G_FILE_TEST_IS_DIR))
    _ed_feed_store_remove_set (old);

  handle = g_dir_open (store_dir, 0, NULL);
  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      if (g_str_has_prefix (name, STAGE_PREFIX))
        {
          g_autofree char *path = g_build_filename (store_dir, name, NULL);

          _ed_feed_store_remove_set (path);
        }
    }

  return TRUE;
}

/* Returns: a new, empty folder to download into */
char *
_ed_feed_store_make_stage (const char  *store_dir,
                           GError     **error)
{
  g_autofree char *path = g_build_filename (store_dir, STAGE_PREFIX "XXXXXX", NULL);

  if (g_mkdtemp_full (path, 0700) == NULL)
    {
      int saved_errno = errno;

      set_io_error (error, _("Could not create “%s”: %s"), path, g_strerror (saved_errno));
      return NULL;
    }

  return g_steal_pointer (&path);
}

/* Writes a file, replacing any in one step, so that a web server
 * serving a feed never sends half of one; _ed_feed_store_swap() syncs
 * a whole set to the disk. */
gboolean
_ed_feed_store_write_file (const char  *dir,
                           const char  *name,
                           GBytes      *contents,
                           GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (contents, &length);

  if (!g_file_set_contents_full (path, data != NULL ? data : "", length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local_error))
    {
      g_set_error (error, ED_ERROR, ED_ERROR_IO, _("Could not write “%s”: %s"),
                   path, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * _ed_feed_store_swap:
 * @stop: %ED_FEED_SWAP_ALL, or a step after which to stop as if the
 *   process had been killed there (for the tests)
 *
 * Makes @stage_dir the current set; see the top of this file.
 */
gboolean
_ed_feed_store_swap (const char       *store_dir,
                     const char       *stage_dir,
                     EdFeedSwapStep    stop,
                     GError          **error)
{
  g_autofree char *current = g_build_filename (store_dir, CURRENT_NAME, NULL);
  g_autofree char *old = g_build_filename (store_dir, OLD_NAME, NULL);

  sync_set (stage_dir);

  if (g_file_test (current, G_FILE_TEST_IS_DIR) && g_rename (current, old) != 0)
    {
      int saved_errno = errno;

      return set_io_error (error, _("Could not move “%s” aside: %s"),
                           current, g_strerror (saved_errno));
    }
  if (stop == ED_FEED_SWAP_STOP_AFTER_OLD)
    return TRUE;

  if (g_rename (stage_dir, current) != 0)
    {
      int saved_errno = errno;

      g_rename (old, current);
      return set_io_error (error, _("Could not install the procedures in “%s”: %s"),
                           current, g_strerror (saved_errno));
    }
  sync_path (store_dir);
  if (stop == ED_FEED_SWAP_STOP_AFTER_CURRENT)
    return TRUE;

  if (stop == ED_FEED_SWAP_STOP_IN_REMOVE)
    {
      g_autoptr(GDir) handle = g_dir_open (old, 0, NULL);
      const char *name = handle != NULL ? g_dir_read_name (handle) : NULL;
      g_autofree char *path = name != NULL ? g_build_filename (old, name, NULL) : NULL;

      if (path != NULL)
        g_remove (path);
      return TRUE;
    }

  _ed_feed_store_remove_set (old);
  return TRUE;
}

/**
 * _ed_feed_store_hash_files:
 *
 * Returns: (transfer full): file name → SHA-256 of every file in @dir
 */
GHashTable *
_ed_feed_store_hash_files (const char *dir)
{
  GHashTable *hashes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);
      g_autoptr(GBytes) bytes = NULL;

      if (mapped == NULL)
        continue;
      bytes = g_mapped_file_get_bytes (mapped);
      g_hash_table_insert (hashes, g_strdup (name),
                           g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes));
    }

  return hashes;
}
