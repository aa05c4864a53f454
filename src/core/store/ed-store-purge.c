/* ed-store-purge.c — closed cases deleted after the retention period
 *
 * The retention period is a setting of the store, so that the CLI and
 * the GUI (and every desk of a shared store) share it. Staff see what
 * will go first: ed_store_purge_preview() lists the closed cases closed
 * more than N days ago, and ed_store_purge() deletes exactly those
 * cases of the list that still qualify, so nothing is deleted that was
 * not shown (a case reopened since is kept). Only closed cases are ever
 * purged. Afterwards the backend leaves nothing of them where it keeps
 * the cases.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ed-case-backend.h"
#include "ed-store-private.h"

#define SECONDS_PER_DAY (24 * 60 * 60)

static gint64
cutoff_for (guint older_than_days)
{
  return ed_case_now () - (gint64) older_than_days * SECONDS_PER_DAY;
}

/**
 * ed_store_get_retention_days:
 *
 * Returns: the days after which closed cases are purged; 0 when the
 *   office keeps them until deleted by hand
 */
guint
ed_store_get_retention_days (EdStore *self)
{
  g_autofree char *value = NULL;
  guint64 days = 0;

  g_return_val_if_fail (ED_IS_STORE (self), 0);

  value = ed_store_backend_get_setting (self->backend, ED_STORE_SETTING_RETENTION_DAYS, NULL);

  if (value != NULL && !g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT, &days, NULL))
    days = 0;

  return (guint) days;
}

/**
 * ed_store_set_retention_days:
 * @days: 0 to keep closed cases until deleted by hand
 *
 * Kept in the store, so that the CLI and the GUI share it.
 */
gboolean
ed_store_set_retention_days (EdStore  *self,
                             guint     days,
                             GError  **error)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (ED_IS_STORE (self), FALSE);

  if (days > 0)
    value = g_strdup_printf ("%u", days);

  return ed_store_backend_set_setting (self->backend, ED_STORE_SETTING_RETENTION_DAYS, value,
                                       error);
}

static void
retention_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  EdStoreArgs *args = task_data;
  GError *error = NULL;

  if (ed_store_set_retention_days (source_object, args->number, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
ed_store_set_retention_days_async (EdStore             *self,
                                   guint                days,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (ED_IS_STORE (self));

  _ed_store_run (self, ed_store_set_retention_days_async, ED_STORE_WRITER, retention_thread,
                 _ed_store_args_new (0, days, NULL, NULL), cancellable, callback, user_data);
}

gboolean
ed_store_set_retention_days_finish (EdStore       *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * ed_store_purge_preview:
 * @older_than_days: how long a case must have been closed; usually
 *   ed_store_get_retention_days()
 *
 * Returns: (transfer container) (element-type EdCaseInfo): the closed
 *   cases ed_store_purge() would delete, the longest closed first
 */
GPtrArray *
ed_store_purge_preview (EdStore       *self,
                        guint          older_than_days,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_return_val_if_fail (ED_IS_STORE (self), NULL);

  return ed_store_backend_purge_preview (self->backend, cutoff_for (older_than_days),
                                         cancellable, error);
}

static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  EdStoreArgs *args = task_data;
  GError *error = NULL;
  GPtrArray *infos = ed_store_purge_preview (source_object, args->number, cancellable, &error);

  if (infos != NULL)
    g_task_return_pointer (task, infos, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

void
ed_store_purge_preview_async (EdStore             *self,
                              guint                older_than_days,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (ED_IS_STORE (self));

  _ed_store_run (self, ed_store_purge_preview_async, ED_STORE_READER, preview_thread,
                 _ed_store_args_new (0, older_than_days, NULL, NULL),
                 cancellable, callback, user_data);
}

/**
 * ed_store_purge_preview_finish:
 *
 * Returns: (transfer container) (element-type EdCaseInfo): as
 *   ed_store_purge_preview()
 */
GPtrArray *
ed_store_purge_preview_finish (EdStore       *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ed_store_purge:
 * @preview: (element-type EdCaseInfo): what ed_store_purge_preview()
 *   returned and staff saw
 * @older_than_days: the days given to ed_store_purge_preview()
 * @n_purged: (out) (optional): how many cases were deleted
 *
 * Deletes the cases of @preview that are still closed and were closed
 * more than @older_than_days ago, with their travellers, checklists and
 * sheet logs, and scrubs the file. It can take seconds on a large
 * store: the GUI calls ed_store_purge_async().
 */
gboolean
ed_store_purge (EdStore       *self,
                GPtrArray     *preview,
                guint          older_than_days,
                guint         *n_purged,
                GCancellable  *cancellable,
                GError       **error)
{
  guint n = 0;

  g_return_val_if_fail (ED_IS_STORE (self), FALSE);
  g_return_val_if_fail (preview != NULL, FALSE);

  if (!ed_store_backend_purge (self->backend, preview, cutoff_for (older_than_days), &n,
                               cancellable, error))
    return FALSE;

  if (n_purged != NULL)
    *n_purged = n;
  if (n > 0)
    _ed_store_emit_changed (self);
  return TRUE;
}

static void
purge_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  EdStore *self = source_object;
  EdStoreArgs *args = task_data;
  GError *error = NULL;
  guint n = 0;

  if (ed_store_backend_purge (self->backend, args->data, cutoff_for (args->number), &n,
                              cancellable, &error))
    g_task_return_int (task, n);
  else
    g_task_return_error (task, error);
}

void
ed_store_purge_async (EdStore             *self,
                      GPtrArray           *preview,
                      guint                older_than_days,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_return_if_fail (ED_IS_STORE (self));
  g_return_if_fail (preview != NULL);

  _ed_store_run (self, ed_store_purge_async, ED_STORE_WRITER, purge_thread,
                 _ed_store_args_new (0, older_than_days, g_ptr_array_ref (preview),
                                     (GDestroyNotify) g_ptr_array_unref),
                 cancellable, callback, user_data);
}

gboolean
ed_store_purge_finish (EdStore       *self,
                       GAsyncResult  *result,
                       guint         *n_purged,
                       GError       **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;

  if (n_purged != NULL)
    *n_purged = (guint) n;
  if (n > 0)
    _ed_store_emit_changed (self);
  return TRUE;
}
