/* ed-system-keys.c — the keys an administrator trusts for everyone, with their files
 *
 * Preferences lists them read-only, each with the file it comes from,
 * and a file that cannot be read with the reason: the update skips it,
 * and whoever looks should see why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ed-feed.h"
#include "ed-system-keys.h"

static void
system_key_free (EdSystemKey *system_key)
{
  g_free (system_key->path);
  g_clear_pointer (&system_key->key, ed_public_key_free);
  g_free (system_key->error);
  g_free (system_key);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(GPtrArray) files = ed_feed_list_system_key_files ();
  GPtrArray *keys = g_ptr_array_new_with_free_func ((GDestroyNotify) system_key_free);

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) file_keys = ed_public_key_load_file (files->pdata[i], &error);
      EdSystemKey *system_key;

      if (file_keys == NULL)
        {
          system_key = g_new0 (EdSystemKey, 1);
          system_key->path = g_strdup (files->pdata[i]);
          system_key->error = g_strdup (error->message);
          g_ptr_array_add (keys, system_key);
          continue;
        }

      for (guint j = 0; j < file_keys->len; j++)
        {
          system_key = g_new0 (EdSystemKey, 1);
          system_key->path = g_strdup (files->pdata[i]);
          system_key->key = ed_public_key_copy (file_keys->pdata[j]);
          g_ptr_array_add (keys, system_key);
        }
    }

  g_task_return_pointer (task, keys, (GDestroyNotify) g_ptr_array_unref);
}

/* Reads the system's trusted-keys.d folders in a worker thread. */
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
 * Returns: (transfer full) (element-type EdSystemKey): every key, and
 *   every file that could not be read, in the order the update reads
 *   them; %NULL when cancelled
 */
GPtrArray *
ed_system_keys_load_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
