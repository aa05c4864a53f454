/* ed-store-private.h — the parts of the store its files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-case-conflict.h"
#include "ed-store-backend.h"

G_BEGIN_DECLS

struct _EdStore
{
  GObject         parent_instance;

  /* Where the cases are; opened before the store is made. */
  EdStoreBackend *backend;

  /* Writes, and reads that must follow them (a load, an export): in
   * order, one at a time, on the writer thread for the GUI. */
  GThreadPool    *writer;
  GMutex          queue_lock;
  GCond           queue_cond;
  guint           queued;

  /* Autosave; touched in the opening thread only. */
  GHashTable     *cases;        /* id → EdCase (weak) */
  GHashTable     *dirty;        /* EdCase (strong) */
  guint           save_source;
  gint64          first_unsaved;
  guint           quiet_ms;
  guint           max_ms;
  guint           in_flight;

  /* A shared store (ed-store-sync.c). The version and contents of each
   * case as last read or written, for any thread, under its lock: a save
   * names that version, a conflict shows what both desks started from. */
  GMutex          known_lock;
  GHashTable     *known;        /* gint64 * → EdCaseRecord */
  /* In the opening thread only. */
  GMainContext   *context;
  GHashTable     *in_conflict;  /* EdCase → EdCaseConflict */
  GPtrArray      *conflicts;    /* EdCaseConflict, not resolved yet */
  GHashTable     *elsewhere;    /* gint64 *: changed on other desks */
  guint           elsewhere_source;
  GSource        *poll_source;  /* ed_store_watch_elsewhere() */
  gboolean        polling;
  gulong          elsewhere_handler;
  gulong          offline_handler;
  gboolean        offline;
  guint           applying;     /* another desk's version being shown */
  /* The cases this store trashed and has not restored or expunged:
   * its own, expunged when it closes. Changed from any thread. */
  GHashTable     *trashed;      /* gint64 id → itself */
  GMutex          trash_lock;

  /* Where next deadlines are worked out from; read from any thread. */
  EdCatalog      *catalog;
  GMutex          catalog_lock;
  /* Cases a replay of the offline queue wrote without a catalog (as the
   * store opened): their deadlines are worked out by the next
   * ed_store_refresh_due(). Under catalog_lock. */
  GHashTable     *due_stale;    /* gint64 * */
};

/* What an asynchronous call hands its thread: the task data. */
typedef struct
{
  gint64          id;          /* a case */
  guint           number;      /* flags, days, a kind */
  gpointer        data;        /* a record, a file, a list, a text */
  GDestroyNotify  data_free;
  GObject        *object;      /* the case being added */
} EdStoreArgs;

typedef enum
{
  ED_STORE_READER,   /* any worker thread, at once */
  ED_STORE_WRITER,   /* the writer thread, in order */
} EdStoreWorker;

/* ed-store.c */
EdStoreArgs  *_ed_store_args_new         (gint64           id,
                                          guint            number,
                                          gpointer         data,
                                          GDestroyNotify   data_free);
void          _ed_store_run              (EdStore         *self,
                                          gpointer         source_tag,
                                          EdStoreWorker    worker,
                                          GTaskThreadFunc  func,
                                          EdStoreArgs     *args,
                                          GCancellable    *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer         user_data);
void          _ed_store_queue_write      (EdStore          *self,
                                          GTask            *task,
                                          GTaskThreadFunc   func);
void          _ed_store_wait_writes      (EdStore          *self);
void          _ed_store_emit_changed     (EdStore          *self);
void          _ed_store_emit_save_failed (EdStore          *self,
                                          const GError     *error);
void          _ed_store_notify_unsaved   (EdStore          *self);

/* ed-store-due.c */
char         *_ed_store_catalog_digest   (EdCatalog        *catalog);

/* ed-store-actions.c */
void          _ed_store_load_thread      (GTask            *task,
                                          gpointer          source_object,
                                          gpointer          task_data,
                                          GCancellable     *cancellable);

/* ed-store-sync.c */
void          _ed_store_sync_init        (EdStore          *self);
void          _ed_store_sync_dispose     (EdStore          *self);
void          _ed_store_remember         (EdStore          *self,
                                          EdCaseRecord     *record);
void          _ed_store_prepare_save     (EdStore          *self,
                                          EdCaseRecord     *record);
void          _ed_store_forget           (EdStore          *self,
                                          gint64            id);
gboolean      _ed_store_save_record      (EdStore          *self,
                                          EdCaseRecord     *record,
                                          EdCaseRecord    **theirs,
                                          GError          **error);
void          _ed_store_conflict_found   (EdStore          *self,
                                          EdCase           *kase,
                                          EdCaseRecord     *mine,
                                          EdCaseRecord     *theirs);
gboolean      _ed_store_is_in_conflict   (EdStore          *self,
                                          EdCase           *kase);
void          _ed_store_replay           (EdStore          *self);
void          _ed_store_announce         (EdStore          *self,
                                          gint64            id,
                                          gboolean          open);
void          _ed_store_expunge_own_trash (EdStore         *self);

/* ed-store-due.c */
EdCatalog    *_ed_store_dup_catalog      (EdStore          *self);
void          _ed_store_update_due       (EdStore          *self,
                                          EdCaseRecord     *record);
void          _ed_store_prepare_due      (EdStore          *self,
                                          EdCaseRecord     *record);
gboolean      _ed_store_insert           (EdStore          *self,
                                          EdCaseRecord     *record,
                                          gboolean          new_reference,
                                          GError          **error);
gboolean      _ed_store_save             (EdStore          *self,
                                          EdCaseRecord     *record,
                                          GError          **error);

/* ed-store-autosave.c */
void          _ed_store_watch_case       (EdStore          *self,
                                          EdCase           *kase);
void          _ed_store_unwatch_case     (EdStore          *self,
                                          EdCase           *kase);
void          _ed_store_queue_saves      (EdStore          *self);
void          _ed_store_autosave_dispose (EdStore          *self);

G_END_DECLS
