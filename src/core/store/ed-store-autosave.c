/* ed-store-autosave.c — every change written within a second
 *
 * The store listens to the cases it handed out. A change marks its case
 * unsaved and (re)starts a timer: the save happens after quiet_ms
 * without changes, or max_ms after the first unsaved change when the
 * typing goes on, whichever is first. A save copies the case into a
 * record in this thread and writes it on the writer thread, in order.
 * Quitting calls ed_store_flush(), which writes what is left at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ed-error.h"
#include "ed-store-private.h"

/* After a failed save (a full disk), how long before trying again. */
#define RETRY_MS 5000

static gboolean save_now (gpointer data);

gboolean
ed_store_has_unsaved_changes (EdStore *self)
{
  g_return_val_if_fail (ED_IS_STORE (self), FALSE);
  return g_hash_table_size (self->dirty) > 0 || self->in_flight > 0;
}

/**
 * ed_store_set_autosave_delays:
 * @quiet_ms: save after this long without a change
 * @max_ms: but at the latest this long after the first unsaved change
 *
 * The defaults (400 ms, 800 ms) keep "at most the last second lost"
 * with room for the write itself.
 */
void
ed_store_set_autosave_delays (EdStore *self,
                              guint    quiet_ms,
                              guint    max_ms)
{
  g_return_if_fail (ED_IS_STORE (self));
  g_return_if_fail (quiet_ms <= max_ms);

  self->quiet_ms = quiet_ms;
  self->max_ms = max_ms;
}

static void
schedule (EdStore *self,
          guint    delay_ms)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (delay_ms, save_now, self);
}

static void
schedule_after_change (EdStore *self)
{
  gint64 now = g_get_monotonic_time ();
  gint64 deadline;

  if (self->first_unsaved == 0)
    self->first_unsaved = now;
  deadline = MIN (now + (gint64) self->quiet_ms * 1000,
                  self->first_unsaved + (gint64) self->max_ms * 1000);
  schedule (self, (guint) (MAX (deadline - now, 0) / 1000));
}

static void
mark_unsaved (EdStore *self,
              EdCase  *kase)
{
  gboolean was_unsaved = ed_store_has_unsaved_changes (self);

  if (!g_hash_table_contains (self->dirty, kase))
    g_hash_table_add (self->dirty, g_object_ref (kase));
  if (!was_unsaved)
    _ed_store_notify_unsaved (self);
}

/* Whether @kase differs from what was last read of it only in where it
 * was left: the current procedure and step, and the time of change. */
static gboolean
only_moved (EdStore *self,
            EdCase  *kase)
{
  g_autoptr(EdCaseRecord) now = ed_case_record_new_from_case (kase);
  EdCaseRecord *known;
  gboolean moved = FALSE;

  g_mutex_lock (&self->known_lock);
  known = g_hash_table_lookup (self->known, &now->id);
  if (known != NULL)
    {
      g_free (now->procedure_id);
      now->procedure_id = g_strdup (known->procedure_id);
      now->procedure_version = known->procedure_version;
      g_free (now->current_step);
      now->current_step = g_strdup (known->current_step);
      now->modified = known->modified;
      moved = ed_case_record_same_content (now, known);
    }
  g_mutex_unlock (&self->known_lock);

  return moved;
}

static void
on_case_changed (EdCase  *kase,
                 EdStore *self)
{
  /* Another desk's version shown: theirs to have saved, not ours. A
   * role that may only read saves no move through a case (its step, its
   * procedure), which the server would refuse; a change of what it holds
   * is still saved, and refused. */
  if (self->applying > 0 || (ed_store_get_read_only (self) && only_moved (self, kase)))
    return;

  mark_unsaved (self, kase);
  schedule_after_change (self);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  EdStore *self = source_object;
  EdCaseRecord *theirs = NULL;
  GError *error = NULL;

  if (_ed_store_save_record (self, task_data, &theirs, &error))
    g_task_return_boolean (task, TRUE);
  else
    {
      if (theirs != NULL)
        g_object_set_data_full (G_OBJECT (task), "ed-theirs", theirs,
                                (GDestroyNotify) ed_case_record_free);
      g_task_return_error (task, error);
    }
}

static void
on_saved (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  EdStore *self = ED_STORE (object);
  EdCase *kase = g_object_get_data (G_OBJECT (result), "ed-case");
  g_autoptr(GError) error = NULL;

  EdCaseRecord *theirs = g_object_get_data (G_OBJECT (result), "ed-theirs");

  self->in_flight--;
  if (g_task_propagate_boolean (G_TASK (result), &error))
    _ed_store_emit_changed (self);
  else if (g_error_matches (error, ED_ERROR, ED_ERROR_CONFLICT) && theirs != NULL)
    {
      /* Kept unsaved, and not saved again until the user chose. */
      mark_unsaved (self, kase);
      _ed_store_conflict_found (self, kase, g_task_get_task_data (G_TASK (result)), theirs);
    }
  else if (!g_error_matches (error, ED_ERROR, ED_ERROR_NOT_FOUND))
    {
      /* Kept unsaved and tried again: the data is still in memory. */
      mark_unsaved (self, kase);
      if (self->save_source == 0)
        schedule (self, RETRY_MS);
      _ed_store_emit_save_failed (self, error);
    }

  if (!ed_store_has_unsaved_changes (self))
    _ed_store_notify_unsaved (self);
}

/* Cases the store has not given an id yet wait for it; cases in
 * conflict wait for the user. */
static GPtrArray *
take_savable (EdStore *self)
{
  GPtrArray *cases = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer kase;

  g_hash_table_iter_init (&iter, self->dirty);
  while (g_hash_table_iter_next (&iter, &kase, NULL))
    if (ed_case_get_id (kase) != 0 && !_ed_store_is_in_conflict (self, kase))
      {
        g_hash_table_iter_steal (&iter);
        g_ptr_array_add (cases, kase);
      }

  self->first_unsaved = g_hash_table_size (self->dirty) > 0 ? g_get_monotonic_time () : 0;
  return cases;
}

void
_ed_store_queue_saves (EdStore *self)
{
  g_autoptr(GPtrArray) cases = take_savable (self);

  for (guint i = 0; i < cases->len; i++)
    {
      EdCase *kase = g_ptr_array_index (cases, i);
      g_autoptr(GTask) task = g_task_new (self, NULL, on_saved, NULL);

      g_task_set_source_tag (task, _ed_store_queue_saves);
      g_object_set_data_full (G_OBJECT (task), "ed-case", g_object_ref (kase), g_object_unref);
      g_task_set_task_data (task, ed_case_record_new_from_case (kase),
                            (GDestroyNotify) ed_case_record_free);
      self->in_flight++;
      _ed_store_queue_write (self, task, save_thread);
    }
}

static gboolean
save_now (gpointer data)
{
  EdStore *self = data;

  self->save_source = 0;
  _ed_store_queue_saves (self);
  return G_SOURCE_REMOVE;
}

/**
 * ed_store_flush:
 *
 * Writes every unsaved change now and waits until it is on disk: call
 * it when the app quits. It blocks; the GUI may prefer
 * ed_store_flush_async() when it need not exit at once.
 */
gboolean
ed_store_flush (EdStore  *self,
                GError  **error)
{
  g_autoptr(GPtrArray) cases = NULL;
  gboolean ok = TRUE;
  gboolean saved = FALSE;

  g_return_val_if_fail (ED_IS_STORE (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  _ed_store_wait_writes (self);

  cases = take_savable (self);
  for (guint i = 0; i < cases->len; i++)
    {
      EdCase *kase = g_ptr_array_index (cases, i);
      g_autoptr(EdCaseRecord) record = ed_case_record_new_from_case (kase);
      g_autoptr(EdCaseRecord) theirs = NULL;
      g_autoptr(GError) local_error = NULL;

      if (_ed_store_save_record (self, record, &theirs, &local_error))
        saved = TRUE;
      else if (!g_error_matches (local_error, ED_ERROR, ED_ERROR_NOT_FOUND))
        {
          mark_unsaved (self, kase);
          if (theirs != NULL)
            _ed_store_conflict_found (self, kase, record, theirs);
          if (ok)
            g_propagate_error (error, g_steal_pointer (&local_error));
          ok = FALSE;
        }
    }

  /* What waited for the server goes now that it may be back. */
  if (ok)
    ok = ed_store_replay_queue (self, error);

  if (saved)
    _ed_store_emit_changed (self);
  _ed_store_notify_unsaved (self);
  return ok;
}

static void
barrier_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_task_return_boolean (task, TRUE);
}

/**
 * ed_store_flush_async:
 *
 * Queues every unsaved change; finishes when all of it is written.
 * Failures are reported by #EdStore::save-failed as always.
 */
void
ed_store_flush_async (EdStore             *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ED_IS_STORE (self));

  g_clear_handle_id (&self->save_source, g_source_remove);
  _ed_store_queue_saves (self);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ed_store_flush_async);
  _ed_store_queue_write (self, task, barrier_thread);
}

gboolean
ed_store_flush_finish (EdStore       *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_case_finalized (gpointer  data,
                   GObject  *where_the_object_was)
{
  EdStore *self = data;
  GHashTableIter iter;
  gpointer kase;

  gpointer id;

  g_hash_table_iter_init (&iter, self->cases);
  while (g_hash_table_iter_next (&iter, &id, &kase))
    if (kase == (gpointer) where_the_object_was)
      {
        _ed_store_forget (self, *(gint64 *) id);
        _ed_store_announce (self, *(gint64 *) id, FALSE);
        g_hash_table_iter_remove (&iter);
        break;
      }
}

/**
 * _ed_store_watch_case:
 *
 * From now on, changes of @kase are saved; once it has an id, loading
 * it again gives this same object.
 */
void
_ed_store_watch_case (EdStore *self,
                      EdCase  *kase)
{
  gint64 id = ed_case_get_id (kase);

  if (g_signal_handler_find (kase, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                             on_case_changed, self) == 0)
    g_signal_connect_object (kase, "changed", G_CALLBACK (on_case_changed), self, 0);

  if (id != 0 && !g_hash_table_contains (self->cases, &id))
    {
      g_hash_table_insert (self->cases, g_memdup2 (&id, sizeof id), kase);
      g_object_weak_ref (G_OBJECT (kase), on_case_finalized, self);
      _ed_store_announce (self, id, TRUE);
    }

  /* Changed while the store was adding it: saved now that it can be. */
  if (id != 0 && g_hash_table_contains (self->dirty, kase))
    schedule_after_change (self);
}

void
_ed_store_unwatch_case (EdStore *self,
                        EdCase  *kase)
{
  gboolean was_unsaved = ed_store_has_unsaved_changes (self);

  g_signal_handlers_disconnect_by_func (kase, on_case_changed, self);
  g_hash_table_remove (self->dirty, kase);
  if (was_unsaved != ed_store_has_unsaved_changes (self))
    _ed_store_notify_unsaved (self);
}

void
_ed_store_autosave_dispose (EdStore *self)
{
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer kase;

  if (!ed_store_flush (self, &error))
    g_warning ("Unsaved changes could not be written when the case store was closed: %s",
               error->message);

  g_hash_table_iter_init (&iter, self->cases);
  while (g_hash_table_iter_next (&iter, NULL, &kase))
    {
      g_object_weak_unref (kase, on_case_finalized, self);
      g_signal_handlers_disconnect_by_func (kase, on_case_changed, self);
      g_hash_table_iter_remove (&iter);
    }
  g_hash_table_remove_all (self->dirty);
}
