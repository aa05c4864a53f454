/* ed-store-backend.c — the calls of a store backend
 *
 * What each call must do is said in ed-store-backend.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ed-store-backend.h"

G_DEFINE_INTERFACE (EdStoreBackend, ed_store_backend, G_TYPE_OBJECT)

#define IFACE(self) ED_STORE_BACKEND_GET_IFACE (self)

static void
ed_store_backend_default_init (EdStoreBackendInterface *iface)
{
  /**
   * EdStoreBackend::changed-elsewhere:
   * @id: the case, or 0 when several may have changed
   *
   * Another desk changed a case (or opened or closed it). Emitted in any
   * thread.
   */
  g_signal_new ("changed-elsewhere", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST, 0,
                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * EdStoreBackend::offline-changed:
   * @offline: whether the server cannot be reached now
   *
   * Emitted in any thread.
   */
  g_signal_new ("offline-changed", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST, 0,
                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

gboolean
ed_store_backend_open (EdStoreBackend  *self,
                       GCancellable    *cancellable,
                       GError         **error)
{
  g_return_val_if_fail (ED_IS_STORE_BACKEND (self), FALSE);
  return IFACE (self)->open (self, cancellable, error);
}

const char *
ed_store_backend_get_location (EdStoreBackend *self)
{
  g_return_val_if_fail (ED_IS_STORE_BACKEND (self), NULL);
  return IFACE (self)->get_location (self);
}

const GError *
ed_store_backend_get_recovery (EdStoreBackend *self)
{
  g_return_val_if_fail (ED_IS_STORE_BACKEND (self), NULL);
  return IFACE (self)->get_recovery != NULL ? IFACE (self)->get_recovery (self) : NULL;
}

const char *
ed_store_backend_get_moved_aside (EdStoreBackend *self)
{
  g_return_val_if_fail (ED_IS_STORE_BACKEND (self), NULL);
  return IFACE (self)->get_moved_aside != NULL ? IFACE (self)->get_moved_aside (self) : NULL;
}

gboolean
ed_store_backend_insert_case (EdStoreBackend  *self,
                              EdCaseRecord    *record,
                              gboolean         new_reference,
                              GError         **error)
{
  g_return_val_if_fail (ED_IS_STORE_BACKEND (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (new_reference || record->reference != NULL, FALSE);
  return IFACE (self)->insert_case (self, record, new_reference, error);
}

/**
 * ed_store_backend_load_case:
 *
 * Returns: (transfer full): the case's record
 */
EdCaseRecord *
ed_store_backend_load_case (EdStoreBackend  *self,
                            gint64           id,
                            gboolean         with_sheets,
                            GError         **error)
{
  g_return_val_if_fail (ED_IS_STORE_BACKEND (self), NULL);
  return IFACE (self)->load_case (self, id, with_sheets, error);
}

gboolean
ed_store_backend_save_case (EdStoreBackend  *self,
                            EdCaseRecord    *record,
                            GError         **error)
{
  g_return_val_if_fail (ED_IS_STORE_BACKEND (self), FALSE);
  g_return_val_if_fail (record != NULL && record->id != 0, FALSE);
  return IFACE (self)->save_case (self, record, error);
}

/**
 * ed_store_backend_find_case:
 * @reference: canonical ("7K3MQ9")
 *
 * Returns: (transfer full) (nullable): the case, or %NULL, without
 *   @error when there is none
 */
EdCaseInfo *
ed_store_backend_find_case (EdStoreBackend  *self,
                            const char      *reference,
                            GError         **error)
{
  g_return_val_if_fail (ED_IS_STORE_BACKEND (self), NULL);
  g_return_val_if_fail (reference != NULL, NULL);
  return IFACE (self)->find_case (self, reference, error);
}

gboolean
ed_store_backend_trash_case (EdStoreBackend  *self,
                             gint64           id,
                             GError         **error)
{
  g_return_val_if_fail (ED_IS_STORE_BACKEND (self), FALSE);
  return IFACE (self)->trash_case (self, id, error);
}

gboolean
ed_store_backend_restore_case (EdStoreBackend  *self,
                               gint64           id,
                               GError         **error)
{
  g_return_val_if_fail (ED_IS_STORE_BACKEND (self), FALSE);
  return IFACE (self)->restore_case (self, id, error);
}

gboolean
ed_store_backend_expunge_case (EdStoreBackend  *self,
                               gint64           id,
                               GError         **error)
{
  g_return_val_if_fail (ED_IS_STORE_BACKEND (self), FALSE);
  return IFACE (self)->expunge_case (self, id, error);
}

/**
 * ed_store_backend_search:
 *
 * Returns: (transfer container) (element-type EdCaseInfo): the cases
 *   found, best first
 */
GPtrArray *
ed_store_backend_search (EdStoreBackend    *self,
                         const char        *text,
                         EdCaseQueryFlags   flags,
                         guint              limit,
                         GCancellable      *cancellable,
                         GError           **error)
{
  g_return_val_if_fail (ED_IS_STORE_BACKEND (self), NULL);
  return IFACE (self)->search (self, text != NULL ? text : "", flags, limit, cancellable, error);
}

gboolean
ed_store_backend_log_sheet (EdStoreBackend       *self,
                            gint64                id,
                            const EdSheetRecord  *sheet,
                            GError              **error)
{
  g_return_val_if_fail (ED_IS_STORE_BACKEND (self), FALSE);
  g_return_val_if_fail (sheet != NULL, FALSE);
  return IFACE (self)->log_sheet (self, id, sheet, error);
}

/**
 * ed_store_backend_list_sheets:
 *
 * Returns: (transfer container) (element-type EdSheetRecord): the log
 */
GPtrArray *
ed_store_backend_list_sheets (EdStoreBackend  *self,
                              gint64           id,
                              GError         **error)
{
  g_return_val_if_fail (ED_IS_STORE_BACKEND (self), NULL);
  return IFACE (self)->list_sheets (self, id, error);
}

/**
 * ed_store_backend_get_setting:
 *
 * Returns: (transfer full) (nullable): the value; %NULL without @error
 *   when unset
 */
char *
ed_store_backend_get_setting (EdStoreBackend  *self,
                              const char      *key,
                              GError         **error)
{
  g_return_val_if_fail (ED_IS_STORE_BACKEND (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  return IFACE (self)->get_setting (self, key, error);
}

gboolean
ed_store_backend_set_setting (EdStoreBackend  *self,
                              const char      *key,
                              const char      *value,
                              GError         **error)
{
  g_return_val_if_fail (ED_IS_STORE_BACKEND (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  return IFACE (self)->set_setting (self, key, value, error);
}

/**
 * ed_store_backend_purge_preview:
 *
 * Returns: (transfer container) (element-type EdCaseInfo): the cases
 */
GPtrArray *
ed_store_backend_purge_preview (EdStoreBackend  *self,
                                gint64           closed_before,
                                GCancellable    *cancellable,
                                GError         **error)
{
  g_return_val_if_fail (ED_IS_STORE_BACKEND (self), NULL);
  return IFACE (self)->purge_preview (self, closed_before, cancellable, error);
}

gboolean
ed_store_backend_purge (EdStoreBackend  *self,
                        GPtrArray       *preview,
                        gint64           closed_before,
                        guint           *n_purged,
                        GCancellable    *cancellable,
                        GError         **error)
{
  guint n = 0;
  gboolean ok;

  g_return_val_if_fail (ED_IS_STORE_BACKEND (self), FALSE);
  g_return_val_if_fail (preview != NULL, FALSE);

  ok = IFACE (self)->purge (self, preview, closed_before, &n, cancellable, error);
  if (n_purged != NULL)
    *n_purged = ok ? n : 0;

  return ok;
}

gboolean
ed_store_backend_get_offline (EdStoreBackend *self)
{
  g_return_val_if_fail (ED_IS_STORE_BACKEND (self), FALSE);
  return IFACE (self)->get_offline != NULL && IFACE (self)->get_offline (self);
}

guint
ed_store_backend_get_n_queued (EdStoreBackend *self)
{
  g_return_val_if_fail (ED_IS_STORE_BACKEND (self), 0);
  return IFACE (self)->get_n_queued != NULL ? IFACE (self)->get_n_queued (self) : 0;
}

/**
 * ed_store_backend_replay_queue:
 *
 * @saved: (element-type EdCaseRecord): where the records written go
 *
 * Returns: (transfer container) (element-type EdCaseConflict): the
 *   conflicts found; empty for a store without an offline queue
 */
GPtrArray *
ed_store_backend_replay_queue (EdStoreBackend  *self,
                               GPtrArray       *saved,
                               GError         **error)
{
  g_return_val_if_fail (ED_IS_STORE_BACKEND (self), NULL);
  g_return_val_if_fail (saved != NULL, NULL);
  if (IFACE (self)->replay_queue == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);
  return IFACE (self)->replay_queue (self, saved, error);
}

void
ed_store_backend_set_case_open (EdStoreBackend *self,
                                gint64          id,
                                gboolean        open)
{
  g_return_if_fail (ED_IS_STORE_BACKEND (self));
  if (IFACE (self)->set_case_open != NULL)
    IFACE (self)->set_case_open (self, id, open);
}

/**
 * ed_store_backend_poll_elsewhere:
 *
 * Returns: %TRUE when another process changed the store since the last
 *   call; %FALSE for a backend that tells of such changes itself
 */
gboolean
ed_store_backend_poll_elsewhere (EdStoreBackend  *self,
                                 GError         **error)
{
  g_return_val_if_fail (ED_IS_STORE_BACKEND (self), FALSE);
  return IFACE (self)->poll_elsewhere != NULL && IFACE (self)->poll_elsewhere (self, error);
}

/**
 * ed_store_backend_get_role:
 *
 * Returns: (nullable): the database role of this desk; %NULL for a
 *   desk's own store
 */
const char *
ed_store_backend_get_role (EdStoreBackend *self)
{
  g_return_val_if_fail (ED_IS_STORE_BACKEND (self), NULL);
  return IFACE (self)->get_role != NULL ? IFACE (self)->get_role (self) : NULL;
}

void
ed_store_backend_emit_changed_elsewhere (EdStoreBackend *self,
                                         gint64          id)
{
  g_signal_emit_by_name (self, "changed-elsewhere", id);
}

void
ed_store_backend_emit_offline_changed (EdStoreBackend *self,
                                       gboolean        offline)
{
  g_signal_emit_by_name (self, "offline-changed", offline);
}

/**
 * ed_store_backend_list_due:
 *
 * Returns: (transfer full) (element-type EdReminder): the open cases
 *   with a deadline due at or before @due_before, with how many are
 *   overdue at @now and due soon
 */
GPtrArray *
ed_store_backend_list_due (EdStoreBackend  *self,
                           gint64           now,
                           gint64           due_before,
                           GCancellable    *cancellable,
                           GError         **error)
{
  g_return_val_if_fail (ED_IS_STORE_BACKEND (self), NULL);
  /* A backend that keeps no deadlines (a test's). */
  if (IFACE (self)->list_due == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);
  return IFACE (self)->list_due (self, now, due_before, cancellable, error);
}

/**
 * ed_store_backend_set_due:
 * @version: the case's version they were worked out of; 0 for any
 * @deadlines: (element-type EdDeadline): the case's deadlines
 * @progress: (nullable): how far the case is; %NULL for not known
 */
gboolean
ed_store_backend_set_due (EdStoreBackend       *self,
                          gint64                id,
                          gint64                version,
                          const EdNextDue      *next,
                          GArray               *deadlines,
                          const EdCaseProgress *progress,
                          GError              **error)
{
  g_return_val_if_fail (ED_IS_STORE_BACKEND (self), FALSE);
  g_return_val_if_fail (next != NULL && deadlines != NULL, FALSE);
  if (IFACE (self)->set_due == NULL)
    return TRUE;
  return IFACE (self)->set_due (self, id, version, next, deadlines, progress, error);
}
