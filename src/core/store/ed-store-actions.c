/* ed-store-actions.c — adding, opening and deleting cases; the sheet log
 *
 * Deleting is in two steps so that the GUI can offer Undo: trash (the
 * case disappears from lists and searches), then restore or expunge.
 * The store that trashed a case owns it (ed-store.h, "Deleting with
 * Undo"): what it still holds when it closes, it expunges then; other
 * desks opening the store leave it alone until
 * ED_STORE_TRASH_KEEP_SECONDS have passed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ed-case-backend.h"
#include "ed-error.h"
#include "ed-store-private.h"

/**
 * ed_store_add_case:
 * @kase: a new case (from ed_case_new()), not in any store yet
 *
 * Stores @kase under a new reference and saves its every change from
 * now on.
 */
gboolean
ed_store_add_case (EdStore  *self,
                   EdCase   *kase,
                   GError  **error)
{
  g_autoptr(EdCaseRecord) record = NULL;

  g_return_val_if_fail (ED_IS_STORE (self), FALSE);
  g_return_val_if_fail (ED_IS_CASE (kase), FALSE);
  g_return_val_if_fail (ed_case_get_id (kase) == 0, FALSE);

  record = ed_case_record_new_from_case (kase);
  if (!_ed_store_insert (self, record, TRUE, error))
    return FALSE;
  _ed_store_remember (self, record);

  ed_case_set_identity (kase, record->id, record->reference);
  _ed_store_watch_case (self, kase);
  _ed_store_emit_changed (self);

  return TRUE;
}

static void
add_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  EdStore *self = source_object;
  EdStoreArgs *args = task_data;
  GError *error = NULL;

  if (_ed_store_insert (self, args->data, TRUE, &error))
    {
      _ed_store_remember (self, args->data);
      g_task_return_boolean (task, TRUE);
    }
  else
    g_task_return_error (task, error);
}

/**
 * ed_store_add_case_async:
 *
 * ed_store_add_case() without waiting. The case may be edited at once:
 * what changes before the store has it is saved right after.
 */
void
ed_store_add_case_async (EdStore             *self,
                         EdCase              *kase,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  EdStoreArgs *args;

  g_return_if_fail (ED_IS_STORE (self));
  g_return_if_fail (ED_IS_CASE (kase));
  g_return_if_fail (ed_case_get_id (kase) == 0);

  args = _ed_store_args_new (0, 0, ed_case_record_new_from_case (kase),
                             (GDestroyNotify) ed_case_record_free);
  args->object = g_object_ref (G_OBJECT (kase));
  _ed_store_watch_case (self, kase);
  _ed_store_run (self, ed_store_add_case_async, ED_STORE_WRITER, add_thread, args, cancellable,
                 callback, user_data);
}

gboolean
ed_store_add_case_finish (EdStore       *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  EdStoreArgs *args;
  EdCaseRecord *record;
  EdCase *kase;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  args = g_task_get_task_data (G_TASK (result));
  record = args->data;
  kase = ED_CASE (args->object);

  /* Not stored: the case is the caller's again, to add once more. */
  if (!g_task_propagate_boolean (G_TASK (result), error))
    {
      _ed_store_unwatch_case (self, kase);
      return FALSE;
    }

  ed_case_set_identity (kase, record->id, record->reference);
  _ed_store_watch_case (self, kase);
  _ed_store_emit_changed (self);

  return TRUE;
}

static EdCase *
adopt_record (EdStore      *self,
              EdCaseRecord *record)
{
  EdCase *kase = g_hash_table_lookup (self->cases, &record->id);

  /* One case, one object: two views of it never overwrite each other. */
  if (kase != NULL)
    return g_object_ref (kase);

  /* What a save names as the version it writes over. */
  _ed_store_remember (self, record);
  kase = ed_case_record_to_case (record);
  _ed_store_watch_case (self, kase);
  return kase;
}

/**
 * ed_store_load_case:
 *
 * Returns: (transfer full): the case, saved on every change from now on;
 *   the same object as long as someone holds it
 */
EdCase *
ed_store_load_case (EdStore  *self,
                    gint64    id,
                    GError  **error)
{
  g_autoptr(EdCaseRecord) record = NULL;
  EdCase *kase;

  g_return_val_if_fail (ED_IS_STORE (self), NULL);

  kase = g_hash_table_lookup (self->cases, &id);
  if (kase != NULL)
    return g_object_ref (kase);

  record = ed_store_backend_load_case (self->backend, id, FALSE, error);
  return record != NULL ? adopt_record (self, record) : NULL;
}

/* Returns the case's record, not adopted yet. */
void
_ed_store_load_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  EdStore *self = source_object;
  EdStoreArgs *args = task_data;
  GError *error = NULL;
  EdCaseRecord *record = ed_store_backend_load_case (self->backend, args->id, FALSE, &error);

  if (record != NULL)
    g_task_return_pointer (task, record, (GDestroyNotify) ed_case_record_free);
  else
    g_task_return_error (task, error);
}

void
ed_store_load_case_async (EdStore             *self,
                          gint64               id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (ED_IS_STORE (self));

  /* In the write queue: a save queued before is read back, not missed. */
  _ed_store_run (self, ed_store_load_case_async, ED_STORE_WRITER, _ed_store_load_thread,
                 _ed_store_args_new (id, 0, NULL, NULL), cancellable, callback, user_data);
}

/**
 * ed_store_load_case_finish:
 *
 * Returns: (transfer full): as ed_store_load_case()
 */
EdCase *
ed_store_load_case_finish (EdStore       *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_autoptr(EdCaseRecord) record = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  record = g_task_propagate_pointer (G_TASK (result), error);
  return record != NULL ? adopt_record (self, record) : NULL;
}

typedef enum
{
  CHANGE_TRASH,
  CHANGE_RESTORE,
  CHANGE_EXPUNGE,
} ChangeKind;

static void
set_own_trash (EdStore  *self,
               gint64    id,
               gboolean  own)
{
  g_mutex_lock (&self->trash_lock);
  if (own)
    g_hash_table_add (self->trashed, g_memdup2 (&id, sizeof id));
  else
    g_hash_table_remove (self->trashed, &id);
  g_mutex_unlock (&self->trash_lock);
}

static gboolean
change (EdStore     *self,
        ChangeKind   kind,
        gint64       id,
        GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  switch (kind)
    {
    case CHANGE_TRASH:
      ok = ed_store_backend_trash_case (self->backend, id, &local_error);
      break;
    case CHANGE_RESTORE:
      ok = ed_store_backend_restore_case (self->backend, id, &local_error);
      break;
    case CHANGE_EXPUNGE:
      ok = ed_store_backend_expunge_case (self->backend, id, &local_error);
      break;
    default:
      g_assert_not_reached ();
    }

  /* Restored or expunged, by this store or (not found) already: no
   * longer this store's to expunge. */
  if (kind == CHANGE_TRASH)
    {
      if (ok)
        set_own_trash (self, id, TRUE);
    }
  else if (ok || g_error_matches (local_error, ED_ERROR, ED_ERROR_NOT_FOUND))
    set_own_trash (self, id, FALSE);

  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

/**
 * _ed_store_expunge_own_trash:
 *
 * The owner's last duty, when the store closes: the cases it trashed
 * and neither restored nor expunged go for good, since their Undo went
 * with it. Called after the last write.
 */
void
_ed_store_expunge_own_trash (EdStore *self)
{
  g_autoptr(GList) ids = NULL;

  g_mutex_lock (&self->trash_lock);
  ids = g_hash_table_get_keys (self->trashed);
  g_mutex_unlock (&self->trash_lock);

  for (GList *l = ids; l != NULL; l = l->next)
    {
      gint64 id = *(gint64 *) l->data;
      g_autoptr(GError) error = NULL;

      /* Failing, it stays in the trash, and the first store opened after
       * ED_STORE_TRASH_KEEP_SECONDS expunges it. */
      if (!change (self, CHANGE_EXPUNGE, id, &error) &&
          !g_error_matches (error, ED_ERROR, ED_ERROR_NOT_FOUND))
        g_message ("A deleted case could not be expunged as the store closed: %s",
                   error->message);
    }
}

/**
 * ed_store_trash_case:
 *
 * Deletes a case so that it can still be restored: it leaves lists and
 * searches. Expunge it when the Undo is gone, at most
 * %ED_STORE_UNDO_SECONDS later; if not, the store expunges it when it
 * is closed. Until then no other desk expunges it.
 */
gboolean
ed_store_trash_case (EdStore  *self,
                     gint64    id,
                     GError  **error)
{
  g_return_val_if_fail (ED_IS_STORE (self), FALSE);

  if (!change (self, CHANGE_TRASH, id, error))
    return FALSE;
  _ed_store_emit_changed (self);
  return TRUE;
}

gboolean
ed_store_restore_case (EdStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_return_val_if_fail (ED_IS_STORE (self), FALSE);

  if (!change (self, CHANGE_RESTORE, id, error))
    return FALSE;
  _ed_store_emit_changed (self);
  return TRUE;
}

/**
 * ed_store_expunge_case:
 *
 * Deletes a trashed case for good, with its sheet log, leaving none of
 * its data in the file. A case restored meanwhile is not touched
 * (%ED_ERROR_NOT_FOUND).
 */
gboolean
ed_store_expunge_case (EdStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_return_val_if_fail (ED_IS_STORE (self), FALSE);

  return change (self, CHANGE_EXPUNGE, id, error);
}

static void
change_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  EdStoreArgs *args = task_data;
  GError *error = NULL;

  if (change (source_object, (ChangeKind) args->number, args->id, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
change_async (EdStore             *self,
              ChangeKind           kind,
              gint64               id,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  _ed_store_run (self, change_async, ED_STORE_WRITER, change_thread,
                 _ed_store_args_new (id, kind, NULL, NULL), cancellable, callback, user_data);
}

void
ed_store_trash_case_async (EdStore             *self,
                           gint64               id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (ED_IS_STORE (self));
  change_async (self, CHANGE_TRASH, id, cancellable, callback, user_data);
}

void
ed_store_restore_case_async (EdStore             *self,
                             gint64               id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (ED_IS_STORE (self));
  change_async (self, CHANGE_RESTORE, id, cancellable, callback, user_data);
}

void
ed_store_expunge_case_async (EdStore             *self,
                             gint64               id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (ED_IS_STORE (self));
  change_async (self, CHANGE_EXPUNGE, id, cancellable, callback, user_data);
}

/**
 * ed_store_change_finish:
 *
 * Finishes ed_store_trash_case_async(), ed_store_restore_case_async()
 * and ed_store_expunge_case_async().
 */
gboolean
ed_store_change_finish (EdStore       *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  EdStoreArgs *args;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  args = g_task_get_task_data (G_TASK (result));
  if (args->number != CHANGE_EXPUNGE)
    _ed_store_emit_changed (self);
  return TRUE;
}

static EdSheetRecord *
copy_sheet (const EdSheetRecord *record)
{
  EdSheetRecord *copy = g_new0 (EdSheetRecord, 1);

  copy->at = record->at != 0 ? record->at : ed_case_now ();
  copy->kind = record->kind;
  copy->procedure_id = g_strdup (record->procedure_id);
  copy->procedure_version = record->procedure_version;
  copy->languages = g_strdupv (record->languages);
  copy->paper = g_strdup (record->paper);
  copy->journey = record->journey;
  copy->user = g_strdup (record->user);
  copy->office = g_strdup (record->office);

  return copy;
}

/**
 * ed_store_log_sheet:
 * @kase: a case of the store
 * @record: what was printed or exported; @at 0 means now
 *
 * Adds a line to the case's audit log. Lines are never changed or
 * removed, except with the case when it is purged or deleted.
 */
gboolean
ed_store_log_sheet (EdStore              *self,
                    EdCase               *kase,
                    const EdSheetRecord  *record,
                    GError              **error)
{
  g_autoptr(EdSheetRecord) copy = NULL;

  g_return_val_if_fail (ED_IS_STORE (self), FALSE);
  g_return_val_if_fail (ED_IS_CASE (kase) && ed_case_get_id (kase) != 0, FALSE);
  g_return_val_if_fail (record != NULL && record->procedure_id != NULL, FALSE);
  g_return_val_if_fail (record->languages != NULL && record->paper != NULL, FALSE);

  copy = copy_sheet (record);
  return ed_store_backend_log_sheet (self->backend, ed_case_get_id (kase), copy, error);
}

static void
log_sheet_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  EdStore *self = source_object;
  EdStoreArgs *args = task_data;
  GError *error = NULL;

  if (ed_store_backend_log_sheet (self->backend, args->id, args->data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
ed_store_log_sheet_async (EdStore              *self,
                          EdCase               *kase,
                          const EdSheetRecord  *record,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  g_return_if_fail (ED_IS_STORE (self));
  g_return_if_fail (ED_IS_CASE (kase) && ed_case_get_id (kase) != 0);
  g_return_if_fail (record != NULL && record->procedure_id != NULL);
  g_return_if_fail (record->languages != NULL && record->paper != NULL);

  _ed_store_run (self, ed_store_log_sheet_async, ED_STORE_WRITER, log_sheet_thread,
                 _ed_store_args_new (ed_case_get_id (kase), 0, copy_sheet (record),
                                     (GDestroyNotify) ed_sheet_record_free),
                 cancellable, callback, user_data);
}

gboolean
ed_store_log_sheet_finish (EdStore       *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * ed_store_list_sheets:
 *
 * Returns: (transfer container) (element-type EdSheetRecord): the case's
 *   audit log, oldest first
 */
GPtrArray *
ed_store_list_sheets (EdStore  *self,
                      gint64    id,
                      GError  **error)
{
  g_return_val_if_fail (ED_IS_STORE (self), NULL);

  return ed_store_backend_list_sheets (self->backend, id, error);
}

static void
list_sheets_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  EdStoreArgs *args = task_data;
  GError *error = NULL;
  GPtrArray *records = ed_store_list_sheets (source_object, args->id, &error);

  if (records != NULL)
    g_task_return_pointer (task, records, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

/**
 * ed_store_list_sheets_async:
 *
 * ed_store_list_sheets() in another thread, after the sheets logged
 * before it: a window never waits on the disk or the server for it.
 */
void
ed_store_list_sheets_async (EdStore             *self,
                            gint64               id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (ED_IS_STORE (self));

  _ed_store_run (self, ed_store_list_sheets_async, ED_STORE_WRITER, list_sheets_thread,
                 _ed_store_args_new (id, 0, NULL, NULL), cancellable, callback, user_data);
}

/**
 * ed_store_list_sheets_finish:
 *
 * Returns: (transfer container) (element-type EdSheetRecord): as
 *   ed_store_list_sheets()
 */
GPtrArray *
ed_store_list_sheets_finish (EdStore       *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
