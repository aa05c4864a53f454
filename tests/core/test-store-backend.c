/* test-store-backend.c — EdStore over a backend of another kind
 *
 * EdMemoryBackend below keeps cases in memory, each as its case file
 * would hold it: a second backend, made without touching EdStore or its
 * callers. The tests drive it through the public API only, as the app
 * does, and check what the store keeps to itself: one object per case,
 * the autosave on the writer thread, signals in the opening thread.
 * The location picker of ed_store_open() is checked here too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ed-case-backend.h"
#include "ed-store-backend.h"
#include "ed-store-sqlite.h"
#include "ed-test-store.h"
#include "ed-test-util.h"

#define DAY (24 * 60 * 60)

static GThread *main_thread;

/* The memory backend. */

typedef struct
{
  EdCaseRecord *record;    /* with its sheet log */
  gboolean      trashed;
} Entry;

#define ED_TYPE_MEMORY_BACKEND (ed_memory_backend_get_type ())
G_DECLARE_FINAL_TYPE (EdMemoryBackend, ed_memory_backend, ED, MEMORY_BACKEND, GObject)

struct _EdMemoryBackend
{
  GObject      parent_instance;

  GMutex       lock;
  GHashTable  *entries;    /* gint64 * → Entry */
  GHashTable  *settings;
  gint64       last_id;
  gboolean     opened;
  GThread     *saved_in;   /* where the last save ran */
};

static void backend_iface_init (EdStoreBackendInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EdMemoryBackend, ed_memory_backend, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ED_TYPE_STORE_BACKEND, backend_iface_init))

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  ed_case_record_free (entry->record);
  g_free (entry);
}

/* Through the case file and back: a copy that shares nothing. The next
 * deadline is not in the file: EdStore works it out for the lists. */
static EdCaseRecord *
copy_record (EdCaseRecord *record)
{
  g_autoptr(JsonNode) node = ed_case_record_to_json (record);
  g_autofree char *data = json_to_string (node, FALSE);
  g_autoptr(GError) error = NULL;
  EdCaseRecord *copy = ed_case_record_new_from_data (data, strlen (data), "memory", &error);

  g_assert_no_error (error);
  copy->id = record->id;
  ed_next_due_copy (&copy->next_due, &record->next_due);
  copy->deadlines = ed_deadlines_copy (record->deadlines);
  copy->next_due_known = record->next_due_known;
  return copy;
}

static EdSheetRecord *
copy_sheet (const EdSheetRecord *sheet)
{
  EdSheetRecord *copy = g_new0 (EdSheetRecord, 1);

  *copy = *sheet;
  copy->procedure_id = g_strdup (sheet->procedure_id);
  copy->languages = g_strdupv (sheet->languages);
  copy->paper = g_strdup (sheet->paper);
  return copy;
}

/* Called with the lock held. */
static Entry *
lookup (EdMemoryBackend  *self,
        gint64            id,
        gboolean          trashed_too,
        GError          **error)
{
  Entry *entry = g_hash_table_lookup (self->entries, &id);

  if (entry == NULL || (entry->trashed && !trashed_too))
    {
      g_set_error_literal (error, ED_ERROR, ED_ERROR_NOT_FOUND, "There is no such case");
      return NULL;
    }

  return entry;
}

static gboolean
reference_taken (EdMemoryBackend *self,
                 const char      *reference)
{
  GHashTableIter iter;
  Entry *entry;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    if (g_strcmp0 (entry->record->reference, reference) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
memory_open (EdStoreBackend  *backend,
             GCancellable    *cancellable,
             GError         **error)
{
  ED_MEMORY_BACKEND (backend)->opened = TRUE;
  return TRUE;
}

static const char *
memory_get_location (EdStoreBackend *backend)
{
  return "memory:";
}

static gboolean
memory_insert_case (EdStoreBackend  *backend,
                    EdCaseRecord    *record,
                    gboolean         new_reference,
                    GError         **error)
{
  EdMemoryBackend *self = ED_MEMORY_BACKEND (backend);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  Entry *entry;

  if (new_reference)
    do
      {
        g_free (record->reference);
        record->reference = ed_case_reference_generate ();
      }
    while (reference_taken (self, record->reference));
  else if (reference_taken (self, record->reference))
    {
      g_set_error_literal (error, ED_ERROR, ED_ERROR_EXISTS, "The case is already in the store");
      return FALSE;
    }

  record->id = ++self->last_id;
  entry = g_new0 (Entry, 1);
  entry->record = copy_record (record);
  g_hash_table_insert (self->entries, g_memdup2 (&record->id, sizeof record->id), entry);
  return TRUE;
}

static EdCaseRecord *
memory_load_case (EdStoreBackend  *backend,
                  gint64           id,
                  gboolean         with_sheets,
                  GError         **error)
{
  EdMemoryBackend *self = ED_MEMORY_BACKEND (backend);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  Entry *entry = lookup (self, id, FALSE, error);
  EdCaseRecord *record;

  if (entry == NULL)
    return NULL;

  record = copy_record (entry->record);
  if (!with_sheets)
    g_ptr_array_set_size (record->sheets, 0);
  return record;
}

static gboolean
memory_save_case (EdStoreBackend  *backend,
                  EdCaseRecord    *record,
                  GError         **error)
{
  EdMemoryBackend *self = ED_MEMORY_BACKEND (backend);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  Entry *entry = lookup (self, record->id, TRUE, error);
  EdCaseRecord *copy;
  GPtrArray *sheets;

  if (entry == NULL)
    return FALSE;

  /* The sheet log stays as it is, and the next deadline when the store
   * could not work it out. */
  copy = copy_record (record);
  if (!record->next_due_known)
    {
      ed_next_due_copy (&copy->next_due, &entry->record->next_due);
      g_array_unref (copy->deadlines);
      copy->deadlines = ed_deadlines_copy (entry->record->deadlines);
    }
  sheets = copy->sheets;
  copy->sheets = entry->record->sheets;
  entry->record->sheets = sheets;
  ed_case_record_free (entry->record);
  entry->record = copy;
  self->saved_in = g_thread_self ();
  return TRUE;
}

static EdCaseInfo *
memory_find_case (EdStoreBackend  *backend,
                  const char      *reference,
                  GError         **error)
{
  EdMemoryBackend *self = ED_MEMORY_BACKEND (backend);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  GHashTableIter iter;
  Entry *entry;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    if (!entry->trashed && g_strcmp0 (entry->record->reference, reference) == 0)
      return ed_case_record_to_info (entry->record);

  return NULL;
}

static gboolean
set_trashed (EdStoreBackend  *backend,
             gint64           id,
             gboolean         trashed,
             GError         **error)
{
  EdMemoryBackend *self = ED_MEMORY_BACKEND (backend);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  Entry *entry = lookup (self, id, TRUE, error);

  if (entry == NULL)
    return FALSE;
  if (entry->trashed == trashed)
    {
      g_set_error_literal (error, ED_ERROR, ED_ERROR_NOT_FOUND, "Trashed or restored already");
      return FALSE;
    }

  entry->trashed = trashed;
  return TRUE;
}

static gboolean
memory_trash_case (EdStoreBackend  *backend,
                   gint64           id,
                   GError         **error)
{
  return set_trashed (backend, id, TRUE, error);
}

static gboolean
memory_restore_case (EdStoreBackend  *backend,
                     gint64           id,
                     GError         **error)
{
  return set_trashed (backend, id, FALSE, error);
}

static gboolean
memory_expunge_case (EdStoreBackend  *backend,
                     gint64           id,
                     GError         **error)
{
  EdMemoryBackend *self = ED_MEMORY_BACKEND (backend);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  Entry *entry = lookup (self, id, TRUE, error);

  if (entry == NULL)
    return FALSE;
  if (!entry->trashed)
    {
      g_set_error_literal (error, ED_ERROR, ED_ERROR_NOT_FOUND, "The case is not in the trash");
      return FALSE;
    }

  g_hash_table_remove (self->entries, &id);
  return TRUE;
}

static gboolean
contains_folded (const char *text,
                 const char *folded_term)
{
  g_autofree char *folded = text != NULL ? ed_search_fold (text) : NULL;

  return folded != NULL && strstr (folded, folded_term) != NULL;
}

/* A plain search is enough here: a name or passport number containing
 * the text, or the reference typed whole. */
static gboolean
matches (EdCaseRecord *record,
         const char   *text)
{
  g_autofree char *term = ed_search_fold (text);
  g_autofree char *reference = ed_case_reference_normalize (text);

  if (*term == '\0' || g_strcmp0 (reference, record->reference) == 0)
    return TRUE;

  for (guint i = 0; i < record->travellers->len; i++)
    {
      EdTraveller *traveller = g_ptr_array_index (record->travellers, i);

      if (contains_folded (ed_traveller_get (traveller, "surname"), term) ||
          contains_folded (ed_traveller_get (traveller, "given_names"), term) ||
          contains_folded (ed_traveller_get (traveller, "passport_number"), term))
        return TRUE;
    }

  return FALSE;
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  EdCaseInfo *x = *(EdCaseInfo **) a, *y = *(EdCaseInfo **) b;
  gint64 dx = ed_case_info_get_modified (x), dy = ed_case_info_get_modified (y);

  if (dx != dy)
    return dx < dy ? 1 : -1;
  return ed_case_info_get_id (x) < ed_case_info_get_id (y) ? 1 : -1;
}

/* The earliest next deadline first; a closed case's counts as none. */
static gint64
due_key (EdCaseInfo *info)
{
  gint64 at = ed_case_info_get_next_due (info)->due_at;

  return at != 0 && ed_case_info_get_status (info) == ED_CASE_OPEN ? at : G_MAXINT64;
}

static int
earliest_due_first (gconstpointer a,
                    gconstpointer b)
{
  gint64 x = due_key (*(EdCaseInfo **) a), y = due_key (*(EdCaseInfo **) b);

  if (x != y)
    return x < y ? -1 : 1;
  return newest_first (a, b);
}

static GPtrArray *
memory_search (EdStoreBackend    *backend,
               const char        *text,
               EdCaseQueryFlags   flags,
               guint              limit,
               GCancellable      *cancellable,
               GError           **error)
{
  EdMemoryBackend *self = ED_MEMORY_BACKEND (backend);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  GPtrArray *infos = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  Entry *entry;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    if (!entry->trashed && matches (entry->record, text) &&
        (entry->record->status == ED_CASE_OPEN || (flags & ED_CASE_QUERY_INCLUDE_CLOSED) != 0))
      g_ptr_array_add (infos, ed_case_record_to_info (entry->record));

  g_ptr_array_sort (infos, (flags & ED_CASE_QUERY_BY_DUE) != 0 && *text == '\0'
                           ? earliest_due_first : newest_first);
  if (limit != 0 && infos->len > limit)
    g_ptr_array_set_size (infos, limit);
  return infos;
}

static gboolean
memory_log_sheet (EdStoreBackend       *backend,
                  gint64                id,
                  const EdSheetRecord  *sheet,
                  GError              **error)
{
  EdMemoryBackend *self = ED_MEMORY_BACKEND (backend);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  Entry *entry = lookup (self, id, TRUE, error);

  if (entry == NULL)
    return FALSE;

  g_ptr_array_add (entry->record->sheets, copy_sheet (sheet));
  return TRUE;
}

static GPtrArray *
memory_list_sheets (EdStoreBackend  *backend,
                    gint64           id,
                    GError         **error)
{
  EdMemoryBackend *self = ED_MEMORY_BACKEND (backend);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  Entry *entry = lookup (self, id, TRUE, error);
  GPtrArray *sheets;

  if (entry == NULL)
    return NULL;

  sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_sheet_record_free);
  for (guint i = 0; i < entry->record->sheets->len; i++)
    g_ptr_array_add (sheets, copy_sheet (g_ptr_array_index (entry->record->sheets, i)));
  return sheets;
}

static char *
memory_get_setting (EdStoreBackend  *backend,
                    const char      *key,
                    GError         **error)
{
  EdMemoryBackend *self = ED_MEMORY_BACKEND (backend);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  return g_strdup (g_hash_table_lookup (self->settings, key));
}

static gboolean
memory_set_setting (EdStoreBackend  *backend,
                    const char      *key,
                    const char      *value,
                    GError         **error)
{
  EdMemoryBackend *self = ED_MEMORY_BACKEND (backend);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  if (value != NULL)
    g_hash_table_insert (self->settings, g_strdup (key), g_strdup (value));
  else
    g_hash_table_remove (self->settings, key);
  return TRUE;
}

static int
earliest_reminder_first (gconstpointer a,
                         gconstpointer b)
{
  EdReminder *x = *(EdReminder **) a, *y = *(EdReminder **) b;

  return earliest_due_first (&x->info, &y->info);
}

static GPtrArray *
memory_list_due (EdStoreBackend  *backend,
                 gint64           now,
                 gint64           due_before,
                 GCancellable    *cancellable,
                 GError         **error)
{
  EdMemoryBackend *self = ED_MEMORY_BACKEND (backend);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  GPtrArray *reminders = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_reminder_free);
  GHashTableIter iter;
  Entry *entry;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    {
      GArray *deadlines = entry->record->deadlines;
      EdReminder reminder = { NULL, 0, 0 };

      if (entry->trashed || entry->record->status != ED_CASE_OPEN)
        continue;
      for (guint i = 0; deadlines != NULL && i < deadlines->len; i++)
        {
          const EdDeadline *deadline = &g_array_index (deadlines, EdDeadline, i);

          if (deadline->due_at > due_before)
            continue;
          if (deadline->end_at <= now)
            reminder.n_overdue++;
          else
            reminder.n_due_soon++;
        }
      if (reminder.n_overdue + reminder.n_due_soon == 0)
        continue;

      reminder.info = ed_case_record_to_info (entry->record);
      g_ptr_array_add (reminders, g_memdup2 (&reminder, sizeof reminder));
    }

  /* The next deadline is the earliest of the deadlines. */
  g_ptr_array_sort (reminders, earliest_reminder_first);
  return reminders;
}

static gboolean
memory_set_due (EdStoreBackend       *backend,
                gint64                id,
                gint64                version,
                const EdNextDue      *next,
                GArray               *deadlines,
                const EdCaseProgress *progress,
                GError              **error)
{
  EdMemoryBackend *self = ED_MEMORY_BACKEND (backend);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  Entry *entry = lookup (self, id, TRUE, error);

  if (entry == NULL)
    return FALSE;

  ed_next_due_copy (&entry->record->next_due, next);
  g_clear_pointer (&entry->record->deadlines, g_array_unref);
  entry->record->deadlines = ed_deadlines_copy (deadlines);
  entry->record->progress_known = progress != NULL;
  entry->record->progress = progress != NULL ? *progress : (EdCaseProgress) { 0 };
  return TRUE;
}

static gboolean
purgeable (Entry  *entry,
           gint64  closed_before)
{
  return entry != NULL && !entry->trashed && entry->record->status == ED_CASE_CLOSED &&
         entry->record->closed < closed_before;
}

static int
longest_closed_first (gconstpointer a,
                      gconstpointer b)
{
  gint64 x = ed_case_info_get_closed (*(EdCaseInfo **) a);
  gint64 y = ed_case_info_get_closed (*(EdCaseInfo **) b);

  return x < y ? -1 : x > y;
}

static GPtrArray *
memory_purge_preview (EdStoreBackend  *backend,
                      gint64           closed_before,
                      GCancellable    *cancellable,
                      GError         **error)
{
  EdMemoryBackend *self = ED_MEMORY_BACKEND (backend);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  GPtrArray *infos = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  Entry *entry;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    if (purgeable (entry, closed_before))
      g_ptr_array_add (infos, ed_case_record_to_info (entry->record));

  g_ptr_array_sort (infos, longest_closed_first);
  return infos;
}

static gboolean
memory_purge (EdStoreBackend  *backend,
              GPtrArray       *preview,
              gint64           closed_before,
              guint           *n_purged,
              GCancellable    *cancellable,
              GError         **error)
{
  EdMemoryBackend *self = ED_MEMORY_BACKEND (backend);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  *n_purged = 0;
  for (guint i = 0; i < preview->len; i++)
    {
      gint64 id = ed_case_info_get_id (g_ptr_array_index (preview, i));

      if (purgeable (g_hash_table_lookup (self->entries, &id), closed_before))
        {
          g_hash_table_remove (self->entries, &id);
          (*n_purged)++;
        }
    }

  return TRUE;
}

static void
backend_iface_init (EdStoreBackendInterface *iface)
{
  iface->open = memory_open;
  iface->get_location = memory_get_location;
  iface->insert_case = memory_insert_case;
  iface->load_case = memory_load_case;
  iface->save_case = memory_save_case;
  iface->find_case = memory_find_case;
  iface->trash_case = memory_trash_case;
  iface->restore_case = memory_restore_case;
  iface->expunge_case = memory_expunge_case;
  iface->search = memory_search;
  iface->log_sheet = memory_log_sheet;
  iface->list_sheets = memory_list_sheets;
  iface->get_setting = memory_get_setting;
  iface->set_setting = memory_set_setting;
  iface->list_due = memory_list_due;
  iface->set_due = memory_set_due;
  iface->purge_preview = memory_purge_preview;
  iface->purge = memory_purge;
}

static void
ed_memory_backend_finalize (GObject *object)
{
  EdMemoryBackend *self = ED_MEMORY_BACKEND (object);

  g_hash_table_unref (self->entries);
  g_hash_table_unref (self->settings);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (ed_memory_backend_parent_class)->finalize (object);
}

static void
ed_memory_backend_class_init (EdMemoryBackendClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ed_memory_backend_finalize;
}

static void
ed_memory_backend_init (EdMemoryBackend *self)
{
  g_mutex_init (&self->lock);
  self->entries = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, entry_free);
  self->settings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* The tests. */

typedef struct
{
  EdTestStore      fixture;
  EdMemoryBackend *backend;
  guint            n_changed;
} Memory;

static void
on_changed (EdStore *store,
            Memory  *memory)
{
  /* Whatever thread the backend ran in, signals come home. */
  g_assert_true (g_thread_self () == main_thread);
  memory->n_changed++;
}

static void
memory_set_up (Memory        *memory,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  memory->backend = g_object_new (ED_TYPE_MEMORY_BACKEND, NULL);
  memory->fixture.dir = ed_test_make_tmpdir ();
  memory->fixture.store = ed_store_open_backend (ED_STORE_BACKEND (memory->backend), NULL,
                                                 &error);
  g_assert_no_error (error);
  g_assert_true (memory->backend->opened);
  g_signal_connect (memory->fixture.store, "changed", G_CALLBACK (on_changed), memory);
}

static void
memory_tear_down (Memory        *memory,
                  gconstpointer  data)
{
  ed_test_store_close (&memory->fixture);
  g_assert_finalize_object (memory->backend);
}

static guint
n_entries (Memory *memory)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&memory->backend->lock);

  return g_hash_table_size (memory->backend->entries);
}

static void
test_backend_cases (Memory        *memory,
                    gconstpointer  data)
{
  EdStore *store = memory->fixture.store;
  EdStoreBackend *backend = ED_STORE_BACKEND (memory->backend);
  g_autoptr(EdCase) kase = NULL;
  g_autoptr(EdCase) again = NULL;
  g_autoptr(EdCaseInfo) info = NULL;
  g_autoptr(EdCaseRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_cmpstr (ed_store_get_path (store), ==, "memory:");
  g_assert_null (ed_store_get_recovery (store));
  g_assert_null (ed_store_get_moved_aside (store));
  g_assert_true (ed_store_get_backend (store) == backend);

  kase = ed_test_add_case (store, "jp-my-her-sys",
                           ed_test_traveller ("ERIKSSON", "ANNA", NULL, NULL, "AB1234567"), NULL);
  id = ed_case_get_id (kase);
  g_assert_nonnull (ed_case_get_reference (kase));
  g_assert_cmpuint (n_entries (memory), ==, 1);
  g_assert_cmpuint (memory->n_changed, ==, 1);

  /* One case, one object. */
  again = ed_store_load_case (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (again == kase);

  g_assert_true (ed_test_found (store, "eriks", kase));
  g_assert_true (ed_test_found (store, "ab123", kase));
  info = ed_store_find_case (store, ed_case_get_reference (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpint (ed_case_info_get_id (info), ==, id);
  g_assert_cmpuint (ed_case_info_get_n_travellers (info), ==, 1);
  g_clear_object (&info);

  /* Saved without a word, on the writer thread. */
  ed_traveller_set (ed_case_get_traveller (kase, 0), "given_names", "ANNA MARIA");
  ed_test_wait_saved (store);
  stored = ed_store_backend_load_case (backend, id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_traveller_get (g_ptr_array_index (stored->travellers, 0), "given_names"),
                   ==, "ANNA MARIA");
  g_assert_nonnull (memory->backend->saved_in);
  g_assert_true (memory->backend->saved_in != main_thread);
  g_assert_cmpuint (memory->n_changed, ==, 2);

  /* Deleted with undo, then for good. */
  g_assert_true (ed_store_trash_case (store, id, &error));
  g_assert_false (ed_test_found (store, "eriksson", kase));
  info = ed_store_find_case (store, ed_case_get_reference (kase), &error);
  g_assert_error (error, ED_ERROR, ED_ERROR_NOT_FOUND);
  g_assert_null (info);
  g_clear_error (&error);
  g_assert_true (ed_store_restore_case (store, id, &error));
  g_assert_true (ed_test_found (store, "eriksson", kase));
  g_assert_true (ed_store_trash_case (store, id, &error));
  g_assert_true (ed_store_expunge_case (store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_entries (memory), ==, 0);
  g_assert_false (ed_store_restore_case (store, id, &error));
  g_assert_error (error, ED_ERROR, ED_ERROR_NOT_FOUND);
}

static void
test_backend_async (Memory        *memory,
                    gconstpointer  data)
{
  EdStore *store = memory->fixture.store;
  g_autoptr(EdCase) kase = ed_case_new ("jp-my-her-sys", 1);
  g_autoptr(EdTraveller) traveller = ed_test_traveller ("WANG", "XIAOMING", NULL, NULL, NULL);
  g_autoptr(EdCase) loaded = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(EdCaseInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (memory->fixture.dir, "case.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char * const languages[] = { "ja", "en", NULL };
  EdSheetRecord sheet = {
    .kind = ED_SHEET_PRINT,
    .procedure_id = (char *) "jp-my-her-sys",
    .procedure_version = 1,
    .languages = (char **) languages,
    .paper = (char *) "a4",
  };

  ed_case_add_traveller (kase, traveller);
  ed_store_add_case_async (store, kase, NULL, ed_test_on_done, &result);
  g_assert_true (ed_store_add_case_finish (store, ed_test_wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpint (ed_case_get_id (kase), >, 0);
  g_clear_object (&result);

  ed_store_load_case_async (store, ed_case_get_id (kase), NULL, ed_test_on_done, &result);
  loaded = ed_store_load_case_finish (store, ed_test_wait_for (&result), &error);
  g_assert_true (loaded == kase);
  g_clear_object (&result);

  ed_store_search_async (store, "wang", ED_CASE_QUERY_OPEN, 0, NULL, ed_test_on_done, &result);
  found = ed_store_search_finish (store, ed_test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_object (&result);

  ed_store_log_sheet_async (store, kase, &sheet, NULL, ed_test_on_done, &result);
  g_assert_true (ed_store_log_sheet_finish (store, ed_test_wait_for (&result), &error));
  g_clear_object (&result);
  sheets = ed_store_list_sheets (store, ed_case_get_id (kase), &error);
  g_assert_cmpuint (sheets->len, ==, 1);
  g_assert_cmpstr (((EdSheetRecord *) g_ptr_array_index (sheets, 0))->languages[1], ==, "en");
  g_clear_pointer (&sheets, g_ptr_array_unref);

  /* Out as a file and in again: refused under the same reference, a
   * copy under a new one, with its sheet log. */
  ed_store_export_case_async (store, ed_case_get_id (kase), file, NULL, ed_test_on_done, &result);
  g_assert_true (ed_store_export_case_finish (store, ed_test_wait_for (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  info = ed_store_import_case (store, file, ED_IMPORT_DEFAULT, NULL, &error);
  g_assert_error (error, ED_ERROR, ED_ERROR_EXISTS);
  g_assert_null (info);
  g_clear_error (&error);
  g_assert_cmpuint (n_entries (memory), ==, 1);

  ed_store_import_case_async (store, file, ED_IMPORT_NEW_REFERENCE, NULL, ed_test_on_done,
                              &result);
  info = ed_store_import_case_finish (store, ed_test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_case_info_get_reference (info), !=, ed_case_get_reference (kase));
  g_assert_cmpstr (ed_case_info_get_names (info)[0], ==, "WANG XIAOMING");
  g_clear_object (&result);
  sheets = ed_store_list_sheets (store, ed_case_info_get_id (info), &error);
  g_assert_cmpuint (sheets->len, ==, 1);
  g_assert_cmpuint (ed_test_count_found (store, "wang", ED_CASE_QUERY_OPEN), ==, 2);

  ed_store_trash_case_async (store, ed_case_info_get_id (info), NULL, ed_test_on_done, &result);
  g_assert_true (ed_store_change_finish (store, ed_test_wait_for (&result), &error));
  g_assert_cmpuint (ed_test_count_found (store, "wang", ED_CASE_QUERY_OPEN), ==, 1);
  /* Added, logged (no change to a list), imported, trashed. */
  g_assert_cmpuint (memory->n_changed, ==, 3);
}

static void
close_long_ago (Memory *memory,
                gint64  id,
                int     days_ago)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&memory->backend->lock);
  Entry *entry = g_hash_table_lookup (memory->backend->entries, &id);

  entry->record->status = ED_CASE_CLOSED;
  entry->record->closed = ed_case_now () - (gint64) days_ago * DAY;
}

static void
test_backend_retention (Memory        *memory,
                        gconstpointer  data)
{
  EdStore *store = memory->fixture.store;
  g_autoptr(EdCase) old = NULL;
  g_autoptr(EdCase) recent = NULL;
  g_autoptr(GPtrArray) preview = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_cmpuint (ed_store_get_retention_days (store), ==, 0);
  g_assert_true (ed_store_set_retention_days (store, 365, &error));
  g_assert_cmpuint (ed_store_get_retention_days (store), ==, 365);
  g_assert_cmpstr (g_hash_table_lookup (memory->backend->settings,
                                        ED_STORE_SETTING_RETENTION_DAYS), ==, "365");

  old = ed_test_add_case (store, "jp-my-her-sys",
                          ed_test_traveller ("OLDCLOSED", NULL, NULL, NULL, NULL), NULL);
  recent = ed_test_add_case (store, "jp-my-her-sys",
                             ed_test_traveller ("RECENTCLOSED", NULL, NULL, NULL, NULL), NULL);
  close_long_ago (memory, ed_case_get_id (old), 400);
  close_long_ago (memory, ed_case_get_id (recent), 100);

  preview = ed_store_purge_preview (store, 30, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->len, ==, 2);
  g_assert_cmpint (ed_case_info_get_id (g_ptr_array_index (preview, 0)), ==,
                   ed_case_get_id (old));
  g_clear_pointer (&preview, g_ptr_array_unref);

  preview = ed_store_purge_preview (store, ed_store_get_retention_days (store), NULL, &error);
  g_assert_cmpuint (preview->len, ==, 1);
  ed_store_purge_async (store, preview, 365, NULL, ed_test_on_done, &result);
  g_assert_true (ed_store_purge_finish (store, ed_test_wait_for (&result), &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (n_entries (memory), ==, 1);

  g_assert_true (ed_store_set_retention_days (store, 0, &error));
  g_assert_null (g_hash_table_lookup (memory->backend->settings,
                                      ED_STORE_SETTING_RETENTION_DAYS));
}

/* ed_store_open() picks the backend: a path or a file:// URI is the
 * SQLite file, a postgresql:// address an office database; an address of
 * another kind is refused, naming only its scheme. */
static void
test_backend_location (void)
{
  g_autofree char *dir = ed_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "cases.db", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(EdStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = ed_store_open (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_store_get_path (store), ==, path);
  g_assert_true (ED_IS_STORE_SQLITE (ed_store_get_backend (store)));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_finalize_object (g_steal_pointer (&store));

  store = ed_store_open ("mysql://desk:s3cret@office.example/cases", NULL, &error);
  g_assert_error (error, ED_ERROR, ED_ERROR_UNSUPPORTED);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, "mysql:"));
  g_assert_null (strstr (error->message, "s3cret"));
  g_assert_null (strstr (error->message, "office"));
  g_clear_error (&error);

  /* An office database (tests/pg has the real ones): one that cannot be
   * reached is said so, without its password. */
  store = ed_store_open ("postgresql://desk:s3cret@office.invalid/cases", NULL, &error);
  g_assert_error (error, ED_ERROR, ED_ERROR_OFFLINE);
  g_assert_null (store);
  g_assert_null (strstr (error->message, "s3cret"));

  ed_test_rm_rf (dir);
}

/* Journeys need two calls of a backend more: the cases due by a time,
 * and the next deadline refreshed alone. */
static void
test_backend_journeys (Memory        *memory,
                       gconstpointer  data)
{
  EdStore *store = memory->fixture.store;
  g_autoptr(EdCatalog) catalog = ed_catalog_new ();
  g_autofree char *procedures = ed_paths_system_procedures_dir ();
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Tokyo");
  g_autoptr(GDateTime) now = g_date_time_new (zone, 2027, 1, 21, 9, 0, 0);
  g_autoptr(EdCase) early = NULL;
  g_autoptr(EdCase) late = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) refs = NULL;
  guint n_refreshed = 0;

  ed_catalog_load_directory (catalog, procedures, ED_ORIGIN_SYSTEM);
  early = ed_test_add_case (store, "jp-residence-registration",
                            ed_test_traveller ("EARLY", "A", NULL, NULL, "X1"), NULL);
  late = ed_test_add_case (store, "jp-residence-registration",
                           ed_test_traveller ("LATE", "B", NULL, NULL, "X2"), NULL);
  ed_case_add_procedure (late, "jp-visit-japan-web", 1, 0);
  ed_traveller_set (ed_case_get_traveller (early, 0), "arrival_date", "2027-01-10");
  ed_traveller_set (ed_case_get_traveller (late, 0), "arrival_date", "2027-02-10");
  g_assert_true (ed_store_flush (store, &error));

  /* Saved before the store had a catalog: no deadline yet, then one. */
  refs = ed_test_search_refs (store, "", ED_CASE_QUERY_BY_DUE);
  g_assert_cmpuint (g_strv_length (refs), ==, 2);
  ed_store_set_catalog (store, catalog);
  g_assert_true (ed_store_refresh_due (store, &n_refreshed, NULL, &error));
  g_assert_cmpuint (n_refreshed, ==, 2);
  g_clear_pointer (&refs, g_strfreev);
  refs = ed_test_search_refs (store, "", ED_CASE_QUERY_BY_DUE);
  g_assert_cmpstr (refs[0], ==, ed_case_get_reference (early));
  g_assert_cmpstr (refs[1], ==, ed_case_get_reference (late));

  reminders = ed_store_check_reminders (store, now, ED_TIMELINE_SOON_DAYS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reminders->len, ==, 1);
  g_assert_cmpint (ed_case_info_get_id (((EdReminder *) g_ptr_array_index (reminders, 0))->info),
                   ==, ed_case_get_id (early));

  /* The journey went through the backend whole. */
  g_clear_object (&late);
  {
    g_autoptr(EdCaseInfo) info = ed_store_find_case (store, refs[1], NULL);
    g_autoptr(EdCaseRecord) stored = NULL;

    stored = ed_store_backend_load_case (ED_STORE_BACKEND (memory->backend),
                                         ed_case_info_get_id (info), FALSE, &error);
    g_assert_cmpuint (stored->procedures->len, ==, 2);
  }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  main_thread = g_thread_self ();

#define ADD(path, func) \
  g_test_add (path, Memory, NULL, memory_set_up, func, memory_tear_down)

  ADD ("/store-backend/cases", test_backend_cases);
  ADD ("/store-backend/async", test_backend_async);
  ADD ("/store-backend/retention", test_backend_retention);
  ADD ("/store-backend/journeys", test_backend_journeys);
  g_test_add_func ("/store-backend/location", test_backend_location);

  return g_test_run ();
}
