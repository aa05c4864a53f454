/* ed-system-keys.c — the keys an administrator trusts for everyone
 *
 * An administrator puts public key files (*.pub) in the system's
 * trusted-keys.d folders; every update trusts them besides the user's
 * own keys. Preferences lists them read-only, each with the file it
 * comes from, and a file that cannot be read with the reason: the
 * update skips it, and whoever looks should see why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ed-paths.h"
#include "ed-system-keys.h"

void
ed_system_key_free (EdSystemKey *self)
{
  if (self == NULL)
    return;

  g_free (self->path);
  g_clear_pointer (&self->key, ed_public_key_free);
  g_free (self->error);
  g_free (self);
}

/**
 * ed_system_keys_get_dirs:
 *
 * Returns: (transfer full): the folders where an administrator puts
 *   trusted public keys (*.pub): $sysconfdir/entry-desk/trusted-keys.d
 *   and $datadir/entry-desk/trusted-keys.d
 */
char **
ed_system_keys_get_dirs (void)
{
  const char *sysconfdir = g_getenv ("ENTRY_DESK_SYSCONFDIR");
  char **dirs = g_new0 (char *, 3);

  if (sysconfdir == NULL || *sysconfdir == '\0')
    sysconfdir = SYSCONFDIR;

  dirs[0] = g_build_filename (sysconfdir, "entry-desk", "trusted-keys.d", NULL);
  dirs[1] = g_build_filename (ed_paths_pkgdatadir (), "trusted-keys.d", NULL);

  return dirs;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * ed_system_keys_list_files:
 *
 * Returns: (transfer full) (element-type filename): the key files
 *   (*.pub) of the system's trusted-keys.d folders, in the order they
 *   are read: folder by folder, by name
 */
GPtrArray *
ed_system_keys_list_files (void)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) dirs = ed_system_keys_get_dirs ();

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (dirs[i], 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".pub"))
          g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, compare_names);

      for (guint j = 0; j < names->len; j++)
        g_ptr_array_add (files, g_build_filename (dirs[i], names->pdata[j], NULL));
    }

  return files;
}

static EdSystemKey *
system_key_new (const char  *path,
                EdPublicKey *key,
                const char  *error)
{
  EdSystemKey *self = g_new0 (EdSystemKey, 1);

  self->path = g_strdup (path);
  self->key = key;
  self->error = g_strdup (error);

  return self;
}

/**
 * ed_system_keys_load:
 *
 * Reads the key files of the system's trusted-keys.d folders; a file
 * can hold several keys.
 *
 * Returns: (transfer full) (element-type EdSystemKey): every key, and
 *   every file that could not be read, in the order the update reads
 *   them
 */
GPtrArray *
ed_system_keys_load (void)
{
  g_autoptr(GPtrArray) files = ed_system_keys_list_files ();
  GPtrArray *keys = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_system_key_free);

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) file_keys = ed_public_key_load_file (files->pdata[i], &error);

      if (file_keys == NULL)
        {
          g_ptr_array_add (keys, system_key_new (files->pdata[i], NULL, error->message));
          continue;
        }

      for (guint j = 0; j < file_keys->len; j++)
        g_ptr_array_add (keys, system_key_new (files->pdata[i],
                                               ed_public_key_copy (file_keys->pdata[j]), NULL));
    }

  return keys;
}

/**
 * ed_system_keys_load_trusted:
 *
 * A file that cannot be read is skipped with a message: one bad file
 * must not stop updates signed with the other keys.
 *
 * Returns: (transfer full) (element-type EdPublicKey): every key of the
 *   system's trusted-keys.d folders
 */
GPtrArray *
ed_system_keys_load_trusted (void)
{
  g_autoptr(GPtrArray) system_keys = ed_system_keys_load ();
  GPtrArray *keys = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_public_key_free);

  for (guint i = 0; i < system_keys->len; i++)
    {
      EdSystemKey *system_key = system_keys->pdata[i];

      if (system_key->key != NULL)
        g_ptr_array_add (keys, g_steal_pointer (&system_key->key));
      else
        g_message ("%s", system_key->error);
    }

  return keys;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_task_return_pointer (task, ed_system_keys_load (), (GDestroyNotify) g_ptr_array_unref);
}

/* ed_system_keys_load() in a worker thread. */
void
ed_system_keys_load_async (GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, ed_system_keys_load_async);
  g_task_run_in_thread (task, load_thread);
}

/**
 * ed_system_keys_load_finish:
 *
 * Returns: (transfer full) (element-type EdSystemKey): what
 *   ed_system_keys_load() returns; %NULL when cancelled
 */
GPtrArray *
ed_system_keys_load_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
