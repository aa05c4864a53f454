/* ed-store-purge.c — closed cases deleted after the retention period
 *
 * The retention period is kept in the database's meta table, so that
 * the CLI and the GUI share it. Staff see what will go first:
 * ed_store_purge_preview() lists the closed cases closed more than N
 * days ago, and ed_store_purge() deletes
 * exactly those cases of the list that still qualify, so nothing is
 * deleted that was not shown (a case reopened since is kept). Only
 * closed cases are ever purged. Afterwards nothing of them is left in
 * the file: see _ed_store_scrub().
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

  g_mutex_lock (&self->read_lock);
  value = _ed_sql_get_meta (self->read_db, "retention_days", NULL);
  g_mutex_unlock (&self->read_lock);

  if (value != NULL && !g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT, &days, NULL))
    days = 0;

  return (guint) days;
}

/**
 * ed_store_set_retention_days:
 * @days: 0 to keep closed cases until deleted by hand
 *
 * Kept in the database, so that the CLI and the GUI share it.
 */
gboolean
ed_store_set_retention_days (EdStore  *self,
                             guint     days,
                             GError  **error)
{
  g_autofree char *value = NULL;
  gboolean ok;

  g_return_val_if_fail (ED_IS_STORE (self), FALSE);

  if (days > 0)
    value = g_strdup_printf ("%u", days);

  g_mutex_lock (&self->db_lock);
  ok = _ed_sql_set_meta (self->db, "retention_days", value, error);
  g_mutex_unlock (&self->db_lock);

  return ok;
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
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean ok = FALSE;

  g_return_val_if_fail (ED_IS_STORE (self), NULL);

  g_mutex_lock (&self->read_lock);
  stmt = _ed_sql_prepare (self->read_db, "SELECT " ED_STORE_INFO_COLUMNS " FROM cases c "
                                         "WHERE c.status = 'closed' AND c.closed < ?1 "
                                         "AND c.trashed IS NULL ORDER BY c.closed, c.id", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, cutoff_for (older_than_days));
      ok = _ed_store_read_infos (stmt, infos, NULL, 0, error);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_mutex_unlock (&self->read_lock);

  return ok ? g_steal_pointer (&infos) : NULL;
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

static gboolean
purge_locked (sqlite3    *db,
              GPtrArray  *preview,
              gint64      cutoff,
              guint      *n_purged,
              GError    **error)
{
  g_autoptr(sqlite3_stmt) still = NULL;
  int rc;

  still = _ed_sql_prepare (db, "SELECT 1 FROM cases WHERE id = ?1 AND status = 'closed' "
                               "AND closed < ?2 AND trashed IS NULL", error);
  if (still == NULL)
    return FALSE;

  for (guint i = 0; i < preview->len; i++)
    {
      gint64 id = ed_case_info_get_id (g_ptr_array_index (preview, i));

      sqlite3_reset (still);
      sqlite3_bind_int64 (still, 1, id);
      sqlite3_bind_int64 (still, 2, cutoff);
      rc = sqlite3_step (still);
      if (rc == SQLITE_DONE)
        continue;
      if (rc != SQLITE_ROW)
        {
          _ed_sql_set_error (error, db, rc);
          return FALSE;
        }
      if (!_ed_store_delete_case (db, id, error))
        return FALSE;
      (*n_purged)++;
    }

  return TRUE;
}

static gboolean
purge (EdStore    *self,
       GPtrArray  *preview,
       guint       older_than_days,
       guint      *n_purged,
       GError    **error)
{
  gboolean ok;

  *n_purged = 0;
  g_mutex_lock (&self->db_lock);
  ok = _ed_sql_begin (self->db, error);
  if (ok && !purge_locked (self->db, preview, cutoff_for (older_than_days), n_purged, error))
    {
      _ed_sql_rollback (self->db);
      *n_purged = 0;
      ok = FALSE;
    }
  ok = ok && _ed_sql_commit (self->db, error);
  ok = ok && (*n_purged == 0 || _ed_store_scrub (self->db, TRUE, error));
  g_mutex_unlock (&self->db_lock);

  return ok;
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

  if (!purge (self, preview, older_than_days, &n, error))
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
  EdStoreArgs *args = task_data;
  GError *error = NULL;
  guint n = 0;

  if (purge (source_object, args->data, args->number, &n, &error))
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
