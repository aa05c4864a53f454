/* ed-store-due.c — next deadlines and reminders
 *
 * Every case written through EdStore carries its next deadline
 * (#EdNextDue), worked out here from the store's catalog just before
 * the write, so that a list shows and sorts by it, and the reminder
 * check finds what is due, without working out 1,000 timelines. With it
 * goes how far the case is in the steps that apply (#EdCaseProgress),
 * which a list shows as the wizard counts it. A store without a catalog
 * (ed_store_set_catalog()) writes neither.
 *
 * What was worked out may grow stale: a store made before journeys has
 * none, and a procedure update may move a rule. The store keeps which
 * catalog its deadlines come from (a digest of every procedure's id and
 * version, ED_STORE_SETTING_DUE_CATALOG); ed_store_refresh_due() works
 * them out again, for every open case, when it differs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"


#include "ed-error.h"
#include "ed-store-private.h"

/**
 * ed_store_set_catalog:
 * @catalog: (nullable): where the cases' procedures are looked up
 *
 * Gives the store the procedures it works out next deadlines with. Set
 * it once, after opening; the store may read it from its threads
 * (ed_catalog_dup_procedure()).
 */
void
ed_store_set_catalog (EdStore   *self,
                      EdCatalog *catalog)
{
  g_return_if_fail (ED_IS_STORE (self));
  g_return_if_fail (catalog == NULL || ED_IS_CATALOG (catalog));

  g_mutex_lock (&self->catalog_lock);
  g_set_object (&self->catalog, catalog);
  g_mutex_unlock (&self->catalog_lock);
}

/* Returns: (transfer full) (nullable): the catalog, from any thread */
EdCatalog *
_ed_store_dup_catalog (EdStore *self)
{
  EdCatalog *catalog;

  g_mutex_lock (&self->catalog_lock);
  catalog = self->catalog != NULL ? g_object_ref (self->catalog) : NULL;
  g_mutex_unlock (&self->catalog_lock);

  return catalog;
}

void
_ed_store_prepare_due (EdStore      *self,
                       EdCaseRecord *record)
{
  g_autoptr(EdCatalog) catalog = _ed_store_dup_catalog (self);

  ed_case_record_ensure_journey (record);
  if (catalog != NULL)
    ed_case_record_update_next_due (record, catalog);
}

/**
 * _ed_store_update_due:
 *
 * Works out the deadlines of @record, a case the store has just written
 * without them (a save that waited in the offline queue), and writes
 * them; without a catalog yet (a replay as the store opens), the next
 * ed_store_refresh_due() does. In the writer thread.
 */
void
_ed_store_update_due (EdStore      *self,
                      EdCaseRecord *record)
{
  g_autoptr(EdCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  g_mutex_lock (&self->catalog_lock);
  if (self->catalog != NULL)
    catalog = g_object_ref (self->catalog);
  else
    g_hash_table_add (self->due_stale, g_memdup2 (&record->id, sizeof record->id));
  g_mutex_unlock (&self->catalog_lock);
  if (catalog == NULL)
    return;

  ed_case_record_ensure_journey (record);
  ed_case_record_update_next_due (record, catalog);
  if (!ed_store_backend_set_due (self->backend, record->id, record->version, &record->next_due,
                                 record->deadlines,
                                 record->progress_known ? &record->progress : NULL, &error))
    g_debug ("The deadlines of case %s were not written: %s", record->reference,
             error->message);
}

/* Every write of a whole case goes through these two: the next deadline
 * is worked out first, in the thread that writes. */
gboolean
_ed_store_insert (EdStore       *self,
                  EdCaseRecord  *record,
                  gboolean       new_reference,
                  GError       **error)
{
  _ed_store_prepare_due (self, record);
  return ed_store_backend_insert_case (self->backend, record, new_reference, error);
}

gboolean
_ed_store_save (EdStore       *self,
                EdCaseRecord  *record,
                GError       **error)
{
  return _ed_store_save_record (self, record, NULL, error);
}

/* A digest of what the deadlines are worked out from: every procedure's
 * id and version. */
char *
_ed_store_catalog_digest (EdCatalog *catalog)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  GListModel *procedures = ed_catalog_get_procedures (catalog);

  for (guint i = 0; i < g_list_model_get_n_items (procedures); i++)
    {
      g_autoptr(EdProcedure) procedure = g_list_model_get_item (procedures, i);
      g_autofree char *line = g_strdup_printf ("%s %d\n", ed_procedure_get_id (procedure),
                                               ed_procedure_get_version (procedure));

      g_checksum_update (checksum, (const guchar *) line, -1);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

/* The cases a replay wrote without deadlines, taken. */
static GArray *
take_stale (EdStore *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key;

  g_mutex_lock (&self->catalog_lock);
  g_hash_table_iter_init (&iter, self->due_stale);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *) key);
  g_hash_table_remove_all (self->due_stale);
  g_mutex_unlock (&self->catalog_lock);

  return ids;
}

/* Works out the deadlines of the cases @ids again. */
static gboolean
refresh_cases (EdStore       *self,
               EdCatalog     *catalog,
               GArray        *ids,
               guint         *n_refreshed,
               GCancellable  *cancellable,
               GError       **error)
{
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(EdCaseRecord) record = NULL;
      g_autoptr(GError) local_error = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      /* Deleted meanwhile: nothing to refresh; saved meanwhile: the
       * save wrote its deadlines. */
      record = ed_store_backend_load_case (self->backend, id, FALSE, &local_error);
      if (record == NULL && g_error_matches (local_error, ED_ERROR, ED_ERROR_NOT_FOUND))
        continue;
      if (record == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      ed_case_record_update_next_due (record, catalog);
      if (!ed_store_backend_set_due (self->backend, id, record->version, &record->next_due,
                                     record->deadlines,
                                     record->progress_known ? &record->progress : NULL,
                                     &local_error))
        {
          if (g_error_matches (local_error, ED_ERROR, ED_ERROR_NOT_FOUND) ||
              g_error_matches (local_error, ED_ERROR, ED_ERROR_CONFLICT))
            continue;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      (*n_refreshed)++;
    }

  return TRUE;
}

static gboolean
refresh_due (EdStore       *self,
             const char    *digest,
             guint         *n_refreshed,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(EdCatalog) catalog = _ed_store_dup_catalog (self);
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *stored = NULL;

  *n_refreshed = 0;
  if (catalog == NULL)
    return TRUE;

  /* The same catalog: only the cases a replay wrote without one. */
  ids = take_stale (self);
  stored = ed_store_backend_get_setting (self->backend, ED_STORE_SETTING_DUE_CATALOG, NULL);
  if (g_strcmp0 (stored, digest) == 0)
    return refresh_cases (self, catalog, ids, n_refreshed, cancellable, error);

  infos = ed_store_backend_search (self->backend, "", ED_CASE_QUERY_OPEN, 0, cancellable, error);
  if (infos == NULL)
    return FALSE;

  g_array_set_size (ids, 0);
  for (guint i = 0; i < infos->len; i++)
    {
      gint64 id = ed_case_info_get_id (g_ptr_array_index (infos, i));

      g_array_append_val (ids, id);
    }

  if (!refresh_cases (self, catalog, ids, n_refreshed, cancellable, &local_error))
    {
      /* A desk that may only read (an office database's reader role)
       * leaves it to one that may write: nothing is wrong with it. */
      if (g_error_matches (local_error, ED_ERROR, ED_ERROR_DENIED) && *n_refreshed == 0)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return ed_store_backend_set_setting (self->backend, ED_STORE_SETTING_DUE_CATALOG, digest,
                                       error);
}

/**
 * ed_store_refresh_due:
 * @n_refreshed: (out) (optional): how many cases got their next deadline
 *   worked out again
 *
 * Works out the next deadline of every open case again when the store's
 * were worked out from another catalog than the store's own (or none:
 * a store made before journeys). Cheap when nothing changed: one setting
 * is read.
 */
gboolean
ed_store_refresh_due (EdStore       *self,
                      guint         *n_refreshed,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(EdCatalog) catalog = NULL;
  g_autofree char *digest = NULL;
  guint n = 0;
  gboolean ok;

  g_return_val_if_fail (ED_IS_STORE (self), FALSE);

  catalog = _ed_store_dup_catalog (self);
  if (catalog == NULL)
    return TRUE;

  /* The list model is the main thread's: the digest is made here. */
  digest = _ed_store_catalog_digest (catalog);
  if (ed_store_has_unsaved_changes (self) && !ed_store_flush (self, error))
    return FALSE;
  ok = refresh_due (self, digest, &n, cancellable, error);
  if (n_refreshed != NULL)
    *n_refreshed = n;
  if (ok && n > 0)
    _ed_store_emit_changed (self);

  return ok;
}

static void
refresh_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  EdStoreArgs *args = task_data;
  GError *error = NULL;
  guint n = 0;

  if (refresh_due (source_object, args->data, &n, cancellable, &error))
    g_task_return_int (task, n);
  else
    g_task_return_error (task, error);
}

/**
 * ed_store_refresh_due_async:
 *
 * ed_store_refresh_due() on the writer thread, after the saves queued.
 */
void
ed_store_refresh_due_async (EdStore             *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(EdCatalog) catalog = NULL;

  g_return_if_fail (ED_IS_STORE (self));

  catalog = _ed_store_dup_catalog (self);
  _ed_store_queue_saves (self);
  _ed_store_run (self, ed_store_refresh_due_async, ED_STORE_WRITER, refresh_thread,
                 _ed_store_args_new (0, 0,
                                     catalog != NULL ? _ed_store_catalog_digest (catalog) : NULL,
                                     g_free),
                 cancellable, callback, user_data);
}

/* Returns: %TRUE when done; @n_refreshed as ed_store_refresh_due() */
gboolean
ed_store_refresh_due_finish (EdStore       *self,
                             GAsyncResult  *result,
                             guint         *n_refreshed,
                             GError       **error)
{
  GError *local_error = NULL;
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  n = g_task_propagate_int (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (n_refreshed != NULL)
    *n_refreshed = (guint) n;
  if (n > 0)
    _ed_store_emit_changed (self);

  return TRUE;
}

void
ed_reminder_free (EdReminder *reminder)
{
  if (reminder == NULL)
    return;

  g_clear_object (&reminder->info);
  g_free (reminder);
}

static GPtrArray *
check_reminders (EdStore       *self,
                 GDateTime     *now,
                 guint          soon_days,
                 GCancellable  *cancellable,
                 GError       **error)
{
  gint64 seconds = g_date_time_to_unix (now);

  /* The deadlines stored with each case, worked out when it was written,
   * say it all: no case is read. */
  return ed_store_backend_list_due (self->backend, seconds,
                                    seconds + (gint64) soon_days * 24 * 3600, cancellable,
                                    error);
}

/**
 * ed_store_check_reminders:
 * @now: what "now" is
 * @soon_days: "due soon" within this many days (%ED_TIMELINE_SOON_DAYS)
 *
 * Which open cases have deadlines overdue or due soon at @now: one
 * reminder a case, the case whose deadline is earliest first, with how
 * many. Closed and trashed cases have none. The deadlines are those
 * stored with each case when it was last written with a catalog (see
 * ed_store_set_catalog() and ed_store_refresh_due()): a dated rule
 * marked done, or a case without a catalog, reminds of nothing.
 *
 * Returns: (transfer full) (element-type EdReminder): the reminders, or
 *   %NULL with @error
 */
GPtrArray *
ed_store_check_reminders (EdStore       *self,
                          GDateTime     *now,
                          guint          soon_days,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_return_val_if_fail (ED_IS_STORE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  return check_reminders (self, now, soon_days, cancellable, error);
}

static void
reminders_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  EdStoreArgs *args = task_data;
  GError *error = NULL;
  GPtrArray *reminders;

  reminders = check_reminders (source_object, args->data, args->number, cancellable, &error);
  if (reminders != NULL)
    g_task_return_pointer (task, reminders, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

/**
 * ed_store_check_reminders_async:
 *
 * ed_store_check_reminders() on the writer thread, after the saves
 * queued: what was just marked done is not reminded of.
 */
void
ed_store_check_reminders_async (EdStore             *self,
                                GDateTime           *now,
                                guint                soon_days,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (ED_IS_STORE (self));
  g_return_if_fail (now != NULL);

  _ed_store_queue_saves (self);
  _ed_store_run (self, ed_store_check_reminders_async, ED_STORE_WRITER, reminders_thread,
                 _ed_store_args_new (0, soon_days, g_date_time_ref (now),
                                     (GDestroyNotify) g_date_time_unref),
                 cancellable, callback, user_data);
}

/**
 * ed_store_check_reminders_finish:
 *
 * Returns: (transfer full) (element-type EdReminder): the reminders
 */
GPtrArray *
ed_store_check_reminders_finish (EdStore       *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
