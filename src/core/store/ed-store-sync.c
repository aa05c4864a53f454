/* ed-store-sync.c — a store several desks share: versions, conflicts, offline
 *
 * Over a shared backend (an office database) the store remembers, for
 * each case it read or wrote, that version and its contents. A save
 * names the version; when another desk saved since, the backend refuses
 * it and the store reports a conflict (#EdStore::conflict) with the
 * three versions, keeps the case unsaved and stops saving it until the
 * user chose (ed_store_resolve_conflict()). Nothing is overwritten
 * silently, in either direction.
 *
 * A case another desk changed is shown as changed: the list searches
 * again, and a case held open here that has no unsaved change takes the
 * other desk's version in place, so that the window shows it. When the
 * server comes back after working offline, the saves that waited are
 * sent with the same rule (_ed_store_replay()).
 *
 * Over a desk's own store (SQLite) none of this happens: versions are 0
 * and the backend never emits its signals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ed-case-backend.h"
#include "ed-error.h"
#include "ed-store-private.h"

/* Changes from other desks come in bursts: one refresh for each. */
#define ELSEWHERE_DELAY_MS 60

void
_ed_store_remember (EdStore      *self,
                    EdCaseRecord *record)
{
  EdCaseRecord *copy;

  if (record->id == 0)
    return;

  copy = ed_case_record_copy (record);
  g_ptr_array_set_size (copy->sheets, 0);
  g_mutex_lock (&self->known_lock);
  g_hash_table_replace (self->known, g_memdup2 (&copy->id, sizeof copy->id), copy);
  g_mutex_unlock (&self->known_lock);
}

static EdCaseRecord *
known_copy (EdStore *self,
            gint64   id)
{
  EdCaseRecord *known;
  EdCaseRecord *copy = NULL;

  g_mutex_lock (&self->known_lock);
  known = g_hash_table_lookup (self->known, &id);
  if (known != NULL)
    copy = ed_case_record_copy (known);
  g_mutex_unlock (&self->known_lock);

  return copy;
}

static gint64
known_version (EdStore *self,
               gint64   id)
{
  EdCaseRecord *known;
  gint64 version = -1;

  g_mutex_lock (&self->known_lock);
  known = g_hash_table_lookup (self->known, &id);
  if (known != NULL)
    version = known->version;
  g_mutex_unlock (&self->known_lock);

  return version;
}

/* The version a save of @record names: the one last read or written. */
void
_ed_store_prepare_save (EdStore      *self,
                        EdCaseRecord *record)
{
  gint64 version = known_version (self, record->id);

  if (version >= 0)
    record->version = version;
}

void
_ed_store_forget (EdStore *self,
                  gint64   id)
{
  g_mutex_lock (&self->known_lock);
  g_hash_table_remove (self->known, &id);
  g_mutex_unlock (&self->known_lock);
}

/**
 * _ed_store_save_record:
 * @theirs: (out) (optional): on %ED_ERROR_CONFLICT, the stored version
 *
 * Saves @record over the version this store knows, in any thread.
 */
gboolean
_ed_store_save_record (EdStore       *self,
                       EdCaseRecord  *record,
                       EdCaseRecord **theirs,
                       GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  _ed_store_prepare_due (self, record);
  _ed_store_prepare_save (self, record);
  if (ed_store_backend_save_case (self->backend, record, &local_error))
    {
      _ed_store_remember (self, record);
      return TRUE;
    }

  if (theirs != NULL && g_error_matches (local_error, ED_ERROR, ED_ERROR_CONFLICT))
    *theirs = ed_store_backend_load_case (self->backend, record->id, FALSE, NULL);

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
_ed_store_is_in_conflict (EdStore *self,
                          EdCase  *kase)
{
  return g_hash_table_contains (self->in_conflict, kase);
}

static void
drop_conflict (EdStore *self,
               gint64   id)
{
  for (guint i = self->conflicts->len; i > 0; i--)
    if (ed_case_conflict_get_id (g_ptr_array_index (self->conflicts, i - 1)) == id)
      g_ptr_array_remove_index (self->conflicts, i - 1);
}

/* In the opening thread. */
static void
add_conflict (EdStore        *self,
              EdCase         *kase,
              EdCaseConflict *conflict)
{
  drop_conflict (self, ed_case_conflict_get_id (conflict));
  g_ptr_array_add (self->conflicts, g_object_ref (conflict));
  if (kase != NULL)
    g_hash_table_replace (self->in_conflict, g_object_ref (kase), g_object_ref (conflict));
  g_signal_emit_by_name (self, "conflict", conflict);
}

/**
 * _ed_store_conflict_found:
 * @kase: (nullable): the case held here, if any
 *
 * A save was refused: @theirs is newer. In the opening thread.
 */
void
_ed_store_conflict_found (EdStore      *self,
                          EdCase       *kase,
                          EdCaseRecord *mine,
                          EdCaseRecord *theirs)
{
  g_autoptr(EdCaseRecord) base = known_copy (self, mine->id);
  g_autoptr(EdCaseConflict) conflict = NULL;

  /* Only what both started from: a base newer than mine is not it. */
  if (base != NULL && base->version != mine->version)
    g_clear_pointer (&base, ed_case_record_free);
  conflict = ed_case_conflict_new (base, mine, theirs);

  /* Both desks saved the same: nothing to choose. */
  if (ed_case_conflict_is_same (conflict))
    {
      _ed_store_remember (self, theirs);
      return;
    }

  g_message ("Case %s changed on another desk by %s: conflict", theirs->reference,
             theirs->changed_by != NULL ? theirs->changed_by : "?");
  add_conflict (self, kase, conflict);
}

/**
 * ed_store_get_conflicts:
 *
 * Returns: (transfer none) (element-type EdCaseConflict): the conflicts
 *   found and not resolved yet, oldest first
 */
GPtrArray *
ed_store_get_conflicts (EdStore *self)
{
  g_return_val_if_fail (ED_IS_STORE (self), NULL);
  return self->conflicts;
}

/* Shows @record in the case held here, in place, as a change that is
 * not this desk's to save. */
static void
apply_traveller (EdTraveller *traveller,
                 EdTraveller *from)
{
  const char * const *keys = ed_traveller_keys ();
  g_auto(GStrv) ids = ed_traveller_dup_answer_ids (traveller);
  g_auto(GStrv) from_ids = ed_traveller_dup_answer_ids (from);

  for (guint k = 0; keys[k] != NULL; k++)
    if (g_strcmp0 (ed_traveller_get (traveller, keys[k]), ed_traveller_get (from, keys[k])) != 0)
      ed_traveller_set (traveller, keys[k], ed_traveller_get (from, keys[k]));

  for (guint i = 0; ids[i] != NULL; i++)
    if (ed_traveller_get_answer (from, ids[i]) == NULL)
      ed_traveller_set_answer (traveller, ids[i], NULL);
  for (guint i = 0; from_ids[i] != NULL; i++)
    if (g_strcmp0 (ed_traveller_get_answer (traveller, from_ids[i]),
                   ed_traveller_get_answer (from, from_ids[i])) != 0)
      ed_traveller_set_answer (traveller, from_ids[i], ed_traveller_get_answer (from, from_ids[i]));
}

static gboolean
record_has_tick (EdCaseRecord *record,
                 int           traveller,
                 EdCaseTick   *tick)
{
  for (guint i = 0; i < record->ticks->len; i++)
    {
      EdRecordTick *have = &g_array_index (record->ticks, EdRecordTick, i);

      if (have->traveller == traveller && g_strcmp0 (have->step_id, tick->step_id) == 0 &&
          g_strcmp0 (have->item_id, tick->item_id) == 0 &&
          g_strcmp0 (have->procedure_id != NULL ? have->procedure_id : record->procedure_id,
                     tick->procedure_id) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
apply_record (EdStore      *self,
              EdCase       *kase,
              EdCaseRecord *record)
{
  g_autoptr(GPtrArray) ticks = NULL;
  guint n;

  self->applying++;

  if (g_strcmp0 (ed_case_get_procedure_id (kase), record->procedure_id) != 0 ||
      ed_case_get_procedure_version (kase) != record->procedure_version)
    ed_case_set_procedure (kase, record->procedure_id, record->procedure_version);
  if (g_strcmp0 (ed_case_get_current_step (kase), record->current_step) != 0)
    ed_case_set_current_step (kase, record->current_step);
  ed_case_set_status (kase, record->status);
  if (g_strcmp0 (ed_case_get_notes (kase), record->notes) != 0)
    ed_case_set_notes (kase, record->notes);

  n = ed_case_get_n_travellers (kase);
  for (guint i = 0; i < MIN (n, record->travellers->len); i++)
    apply_traveller (ed_case_get_traveller (kase, i), g_ptr_array_index (record->travellers, i));
  for (guint i = n; i > record->travellers->len; i--)
    ed_case_remove_traveller (kase, ed_case_get_traveller (kase, i - 1));
  for (guint i = n; i < record->travellers->len; i++)
    {
      g_autoptr(EdTraveller) copy = ed_traveller_copy (g_ptr_array_index (record->travellers, i));

      ed_case_add_traveller (kase, copy);
    }

  /* Ticks: the ones the record lacks go, its new ones come. */
  /* Pointers only: the case owns the ticks. */
  ticks = g_ptr_array_new ();
  for (guint i = 0; i < ed_case_get_ticks (kase)->len; i++)
    g_ptr_array_add (ticks, g_ptr_array_index (ed_case_get_ticks (kase), i));
  for (guint i = 0; i < ticks->len; i++)
    {
      EdCaseTick *tick = g_ptr_array_index (ticks, i);
      int traveller = tick->traveller != NULL ? ed_case_find_traveller (kase, tick->traveller) : -1;

      if (!record_has_tick (record, traveller, tick))
        ed_case_set_item_done_in (kase, tick->procedure_id != NULL ? tick->procedure_id
                                                                   : record->procedure_id,
                                  tick->traveller, tick->step_id, tick->item_id, FALSE);
    }
  for (guint i = 0; i < record->ticks->len; i++)
    {
      EdRecordTick *tick = &g_array_index (record->ticks, EdRecordTick, i);
      EdTraveller *traveller = tick->traveller >= 0
                               ? ed_case_get_traveller (kase, (guint) tick->traveller) : NULL;
      /* A tick of a record of one procedure may not name it. */
      const char *procedure_id = tick->procedure_id != NULL ? tick->procedure_id
                                                            : record->procedure_id;

      if ((tick->traveller < 0 || traveller != NULL) &&
          !ed_case_get_item_done_in (kase, procedure_id, traveller, tick->step_id,
                                     tick->item_id))
        ed_case_add_tick (kase, traveller, tick->procedure_id, tick->step_id, tick->item_id,
                          tick->done_at);
    }

  ed_case_set_times (kase, record->created, record->modified, record->closed);

  self->applying--;
}

static void
on_resolved_saved (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  EdStore *self = ED_STORE (object);
  EdStoreArgs *args = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  EdCaseRecord *theirs = g_object_get_data (G_OBJECT (result), "ed-theirs");

  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_signal_emit_by_name (self, "changed");
  else if (g_error_matches (error, ED_ERROR, ED_ERROR_CONFLICT) && theirs != NULL)
    {
      /* Saved over once more meanwhile: a new conflict, with the new one. */
      _ed_store_conflict_found (self, NULL, args->data, theirs);
    }
  else
    g_signal_emit_by_name (self, "save-failed", error);
}

static void
free_record_object (gpointer data)
{
  ed_case_record_free (data);
}

static void
save_resolved_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  EdStoreArgs *args = task_data;
  EdCaseRecord *theirs = NULL;
  GError *error = NULL;

  if (_ed_store_save_record (source_object, args->data, &theirs, &error))
    g_task_return_boolean (task, TRUE);
  else
    {
      /* Freed with the task. */
      g_object_set_data_full (G_OBJECT (task), "ed-theirs", theirs, free_record_object);
      g_task_return_error (task, error);
    }
}

/**
 * ed_store_resolve_conflict:
 * @conflict: one of ed_store_get_conflicts()
 * @resolved: (nullable): the case to keep; %NULL for what the conflict's
 *   choices make (ed_case_conflict_merge())
 *
 * Ends a conflict: @resolved is saved over the other desk's version and,
 * when the case is open here, shown in it. To take the other desk's
 * version, choose it for every field: nothing is saved then.
 */
void
ed_store_resolve_conflict (EdStore        *self,
                           EdCaseConflict *conflict,
                           EdCaseRecord   *resolved)
{
  g_autoptr(EdCaseConflict) held = NULL;
  g_autoptr(EdCaseRecord) merged = NULL;
  EdCaseRecord *theirs;
  gint64 id;
  EdCase *kase;

  g_return_if_fail (ED_IS_STORE (self));
  g_return_if_fail (ED_IS_CASE_CONFLICT (conflict));

  held = g_object_ref (conflict);
  theirs = ed_case_conflict_get_theirs (conflict);
  id = ed_case_conflict_get_id (conflict);
  merged = resolved != NULL ? ed_case_record_copy (resolved) : ed_case_conflict_merge (conflict);
  merged->version = theirs->version;

  _ed_store_remember (self, theirs);
  drop_conflict (self, id);

  kase = g_hash_table_lookup (self->cases, &id);
  if (kase != NULL)
    {
      gboolean was_unsaved = ed_store_has_unsaved_changes (self);

      g_hash_table_remove (self->in_conflict, kase);
      apply_record (self, kase, merged);
      /* The other desk's version as it is: nothing left to save. */
      if (ed_case_record_same_content (merged, theirs))
        g_hash_table_remove (self->dirty, kase);
      else
        {
          g_hash_table_add (self->dirty, g_object_ref (kase));
          _ed_store_queue_saves (self);
        }
      if (was_unsaved != ed_store_has_unsaved_changes (self))
        g_object_notify (G_OBJECT (self), "unsaved");
      g_signal_emit_by_name (self, "changed");
      return;
    }

  /* A save from the offline queue, no case open: saved as it is (the
   * other desk's version as it is clears the queued save too). */
  _ed_store_run (self, ed_store_resolve_conflict, ED_STORE_WRITER, save_resolved_thread,
                 _ed_store_args_new (id, 0, g_steal_pointer (&merged),
                                     (GDestroyNotify) ed_case_record_free),
                 NULL, on_resolved_saved, NULL);
}

/* Another desk's version, for a case held here with nothing unsaved. */
static void
on_reloaded (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  EdStore *self = ED_STORE (object);
  g_autoptr(EdCaseRecord) record = g_task_propagate_pointer (G_TASK (result), NULL);
  EdCase *kase;

  if (record == NULL)
    return;
  kase = g_hash_table_lookup (self->cases, &record->id);
  if (kase == NULL || g_hash_table_contains (self->dirty, kase) || self->in_flight > 0 ||
      g_hash_table_contains (self->in_conflict, kase) ||
      record->version <= known_version (self, record->id))
    return;

  _ed_store_remember (self, record);
  apply_record (self, kase, record);
}

static void
reload_case (EdStore *self,
             gint64   id)
{
  EdCase *kase = g_hash_table_lookup (self->cases, &id);

  if (kase == NULL || g_hash_table_contains (self->dirty, kase) ||
      g_hash_table_contains (self->in_conflict, kase))
    return;
  _ed_store_run (self, reload_case, ED_STORE_WRITER, _ed_store_load_thread,
                 _ed_store_args_new (id, 0, NULL, NULL), NULL, on_reloaded, NULL);
}

static gboolean
refresh_elsewhere (gpointer data)
{
  EdStore *self = data;
  g_autoptr(GHashTable) ids = g_steal_pointer (&self->elsewhere);
  GHashTableIter iter;
  gpointer key;

  self->elsewhere_source = 0;
  self->elsewhere = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (g_hash_table_contains (ids, &(gint64) { 0 }))
    {
      g_hash_table_iter_init (&iter, self->cases);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        reload_case (self, *(gint64 *) key);
    }
  else
    {
      g_hash_table_iter_init (&iter, ids);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        reload_case (self, *(gint64 *) key);
    }

  g_signal_emit_by_name (self, "changed");
  return G_SOURCE_REMOVE;
}

/* What a backend's thread holds of the store: a weak reference and where
 * the store lives. The thread never takes a strong one: the last
 * reference dropped there would dispose the store in it, and the office
 * database's backend would then wait for that very thread to end. */
typedef struct
{
  GWeakRef      store;
  GMainContext *context;
} StoreLink;

static void
store_link_clear (gpointer data)
{
  StoreLink *link = data;

  g_weak_ref_clear (&link->store);
  g_main_context_unref (link->context);
}

static StoreLink *
store_link_new (EdStore *self)
{
  StoreLink *link = g_atomic_rc_box_new0 (StoreLink);

  g_weak_ref_init (&link->store, self);
  link->context = g_main_context_ref (self->context != NULL ? self->context
                                                           : g_main_context_default ());
  return link;
}

static void
store_link_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, store_link_clear);
}

typedef struct
{
  StoreLink *link;
  gint64     id;
  gboolean   offline;
  gboolean   is_offline_change;
} Event;

static gboolean
handle_event (gpointer data)
{
  Event *event = data;
  g_autoptr(EdStore) self = g_weak_ref_get (&event->link->store);

  if (self == NULL || self->backend == NULL)
    return G_SOURCE_REMOVE;

  if (event->is_offline_change)
    {
      if (self->offline != event->offline)
        {
          self->offline = event->offline;
          g_object_notify (G_OBJECT (self), "offline");
          if (!self->offline)
            _ed_store_replay (self);
        }
      return G_SOURCE_REMOVE;
    }

  g_hash_table_add (self->elsewhere, g_memdup2 (&event->id, sizeof event->id));
  if (self->elsewhere_source == 0)
    self->elsewhere_source = g_timeout_add (ELSEWHERE_DELAY_MS, refresh_elsewhere, self);
  return G_SOURCE_REMOVE;
}

static void
event_free (gpointer data)
{
  Event *event = data;

  store_link_unref (event->link);
  g_free (event);
}

static void
post_event (StoreLink *link,
            gint64     id,
            gboolean   is_offline_change,
            gboolean   offline)
{
  Event *event = g_new0 (Event, 1);

  event->link = g_atomic_rc_box_acquire (link);
  event->id = id;
  event->is_offline_change = is_offline_change;
  event->offline = offline;
  g_main_context_invoke_full (link->context, G_PRIORITY_DEFAULT, handle_event, event,
                              event_free);
}

/* In the backend's thread: only a weak reference crosses. */
static void
on_changed_elsewhere (EdStoreBackend *backend,
                      gint64          id,
                      StoreLink      *link)
{
  post_event (link, id, FALSE, FALSE);
}

static void
on_offline_changed (EdStoreBackend *backend,
                    gboolean        offline,
                    StoreLink      *link)
{
  post_event (link, 0, TRUE, offline);
}

static void
store_link_free_closure (gpointer  data,
                         GClosure *closure)
{
  store_link_unref (data);
}

typedef struct
{
  GPtrArray *saved;        /* EdCaseRecord */
  GPtrArray *conflicts;    /* EdCaseConflict */
} Replayed;

static void
replayed_free (gpointer data)
{
  Replayed *replayed = data;

  g_clear_pointer (&replayed->saved, g_ptr_array_unref);
  g_clear_pointer (&replayed->conflicts, g_ptr_array_unref);
  g_free (replayed);
}

static Replayed *
replay (EdStore  *self,
        GError  **error)
{
  Replayed *replayed = g_new0 (Replayed, 1);

  replayed->saved = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_case_record_free);
  replayed->conflicts = ed_store_backend_replay_queue (self->backend, replayed->saved, error);
  if (replayed->conflicts == NULL)
    {
      replayed_free (replayed);
      return NULL;
    }

  for (guint i = 0; i < replayed->saved->len; i++)
    {
      EdCaseRecord *record = g_ptr_array_index (replayed->saved, i);

      _ed_store_remember (self, record);
      /* A save read back from the queue's file has no deadlines (they
       * are not in case files), and the catalog may have changed while
       * it waited: worked out again now that it is on the server. */
      _ed_store_update_due (self, record);
    }
  return replayed;
}

static void
take_replayed (EdStore  *self,
               Replayed *replayed)
{
  for (guint i = 0; i < replayed->conflicts->len; i++)
    {
      EdCaseConflict *conflict = g_ptr_array_index (replayed->conflicts, i);
      gint64 id = ed_case_conflict_get_id (conflict);

      _ed_store_conflict_found (self, g_hash_table_lookup (self->cases, &id),
                                ed_case_conflict_get_mine (conflict),
                                ed_case_conflict_get_theirs (conflict));
    }
}

static void
replay_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  Replayed *replayed = replay (source_object, &error);

  if (replayed != NULL)
    g_task_return_pointer (task, replayed, replayed_free);
  else
    g_task_return_error (task, error);
}

static void
on_replayed (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  EdStore *self = ED_STORE (object);
  g_autoptr(GError) error = NULL;
  Replayed *replayed = g_task_propagate_pointer (G_TASK (result), &error);

  if (replayed == NULL)
    {
      g_signal_emit_by_name (self, "save-failed", error);
      return;
    }

  take_replayed (self, replayed);
  replayed_free (replayed);
  g_signal_emit_by_name (self, "changed");
}

/**
 * _ed_store_replay:
 *
 * The server is back: sends the offline queue, after the writes queued
 * before, and reports its conflicts.
 */
void
_ed_store_replay (EdStore *self)
{
  if (ed_store_backend_get_n_queued (self->backend) == 0)
    return;
  _ed_store_run (self, _ed_store_replay, ED_STORE_WRITER, replay_thread,
                 _ed_store_args_new (0, 0, NULL, NULL), NULL, on_replayed, NULL);
}

/**
 * ed_store_replay_queue:
 *
 * Sends the saves that waited for the server now, in this thread, when
 * it can be reached: what a command does before it ends. Conflicts join
 * ed_store_get_conflicts().
 *
 * Returns: %FALSE with @error when the queue could not be written
 */
gboolean
ed_store_replay_queue (EdStore  *self,
                       GError  **error)
{
  Replayed *replayed;

  g_return_val_if_fail (ED_IS_STORE (self), FALSE);

  if (ed_store_backend_get_n_queued (self->backend) == 0 ||
      ed_store_backend_get_offline (self->backend))
    return TRUE;

  _ed_store_wait_writes (self);
  replayed = replay (self, error);
  if (replayed == NULL)
    return FALSE;
  take_replayed (self, replayed);
  replayed_free (replayed);
  return TRUE;
}

void
_ed_store_sync_init (EdStore *self)
{
  g_autoptr(GError) error = NULL;

  self->offline = ed_store_backend_get_offline (self->backend);
  self->elsewhere_handler =
    g_signal_connect_data (self->backend, "changed-elsewhere", G_CALLBACK (on_changed_elsewhere),
                           store_link_new (self), store_link_free_closure, 0);
  self->offline_handler =
    g_signal_connect_data (self->backend, "offline-changed", G_CALLBACK (on_offline_changed),
                           store_link_new (self), store_link_free_closure, 0);

  /* Saves left by an earlier run, sent now. */
  if (!ed_store_replay_queue (self, &error))
    g_warning ("The offline queue could not be sent: %s", error->message);
}

void
_ed_store_sync_dispose (EdStore *self)
{
  if (self->backend != NULL)
    {
      g_clear_signal_handler (&self->elsewhere_handler, self->backend);
      g_clear_signal_handler (&self->offline_handler, self->backend);
    }
  g_clear_handle_id (&self->elsewhere_source, g_source_remove);
  if (self->poll_source != NULL)
    {
      g_source_destroy (self->poll_source);
      g_clear_pointer (&self->poll_source, g_source_unref);
    }
  g_hash_table_remove_all (self->in_conflict);
}

/* Another process on the same file (the command line beside the window)
 * tells nothing: its changes are polled for, off the main thread. They
 * then take the way of another desk's: the open cases reload unless
 * edited here, and the lists refresh. */
static void
poll_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  EdStoreBackend *backend = task_data;
  g_autoptr(GError) error = NULL;

  if (ed_store_backend_poll_elsewhere (backend, &error))
    ed_store_backend_emit_changed_elsewhere (backend, 0);
  else if (error != NULL)
    g_debug ("The case store could not be polled for other processes' changes: %s",
             error->message);
  g_task_return_boolean (task, TRUE);
}

static void
polled (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(EdStore) self = g_weak_ref_get (&((StoreLink *) user_data)->store);

  if (self != NULL)
    self->polling = FALSE;
  store_link_unref (user_data);
}

static gboolean
poll_elsewhere (gpointer data)
{
  EdStore *self = data;
  g_autoptr(GTask) task = NULL;

  if (self->polling || self->backend == NULL)
    return G_SOURCE_CONTINUE;

  /* No source object: the store is never held, nor let go, in the thread. */
  self->polling = TRUE;
  task = g_task_new (NULL, NULL, polled, store_link_new (self));
  g_task_set_source_tag (task, poll_elsewhere);
  g_task_set_task_data (task, g_object_ref (self->backend), g_object_unref);
  g_task_run_in_thread (task, poll_thread);
  return G_SOURCE_CONTINUE;
}

/**
 * ed_store_watch_elsewhere:
 *
 * Makes @self notice, within a second or two, cases that another process
 * added or changed in the same store (the command line beside the
 * window): #EdStore::changed is emitted and open cases not edited here
 * reload. An office database tells of such changes without this.
 */
void
ed_store_watch_elsewhere (EdStore *self)
{
  g_return_if_fail (ED_IS_STORE (self));

  if (self->poll_source != NULL)
    return;

  poll_elsewhere (self);
  self->poll_source = g_timeout_source_new_seconds (1);
  g_source_set_callback (self->poll_source, poll_elsewhere, self, NULL);
  g_source_set_static_name (self->poll_source, "[entry-desk] store poll");
  g_source_attach (self->poll_source, self->context);
}

/**
 * ed_store_get_offline:
 *
 * Returns: %TRUE while the office database cannot be reached: changes
 *   are kept on this desk and sent when it is back
 */
gboolean
ed_store_get_offline (EdStore *self)
{
  g_return_val_if_fail (ED_IS_STORE (self), FALSE);
  return self->offline;
}

/**
 * ed_store_get_n_queued:
 *
 * Returns: how many saved cases wait on this desk for the office
 *   database
 */
guint
ed_store_get_n_queued (EdStore *self)
{
  g_return_val_if_fail (ED_IS_STORE (self), 0);
  return ed_store_backend_get_n_queued (self->backend);
}

/**
 * ed_store_get_role:
 *
 * Returns: (nullable): in an office database, the role this desk works
 *   as; %NULL for a desk's own store
 */
const char *
ed_store_get_role (EdStore *self)
{
  g_return_val_if_fail (ED_IS_STORE (self), NULL);
  return ed_store_backend_get_role (self->backend);
}

/**
 * ed_store_is_shared:
 *
 * Returns: whether several desks share the store (an office database)
 */
gboolean
ed_store_is_shared (EdStore *self)
{
  return ed_store_get_role (self) != NULL;
}

static void
presence_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  EdStore *self = source_object;
  EdStoreArgs *args = task_data;

  ed_store_backend_set_case_open (self->backend, args->id, args->number != 0);
  g_task_return_boolean (task, TRUE);
}

/**
 * _ed_store_announce:
 *
 * Tells the other desks of a shared store that this one holds case @id
 * (or no longer), in order with the writes.
 */
void
_ed_store_announce (EdStore *self,
                    gint64   id,
                    gboolean open)
{
  if (!ed_store_is_shared (self))
    return;
  _ed_store_run (self, _ed_store_announce, ED_STORE_WRITER, presence_thread,
                 _ed_store_args_new (id, open, NULL, NULL), NULL, NULL, NULL);
}
