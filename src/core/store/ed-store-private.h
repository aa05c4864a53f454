/* ed-store-private.h — the parts of the store its files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "ed-case-record.h"
#include "ed-store.h"

G_BEGIN_DECLS

/* The schema this build writes; PRAGMA user_version holds it. */
#define ED_STORE_SCHEMA_VERSION 2

struct _EdStore
{
  GObject      parent_instance;

  char        *path;
  char        *moved_aside;
  GError      *recovery;
  guint        retention_days;

  /* Writes, and reads that must follow them (export): in order, one at
   * a time, on the worker thread for the GUI. */
  sqlite3     *db;
  GMutex       db_lock;
  GThreadPool *writer;
  GMutex       queue_lock;
  GCond        queue_cond;
  guint        queued;

  /* Searches and lists: a second connection, which WAL lets read while
   * the first one writes. */
  sqlite3     *read_db;
  GMutex       read_lock;

  /* Autosave; touched in the opening thread only. */
  GHashTable  *cases;        /* id → EdCase (weak) */
  GHashTable  *dirty;        /* EdCase (strong) */
  guint        save_source;
  gint64       first_unsaved;
  guint        quiet_ms;
  guint        max_ms;
  guint        in_flight;
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
  ED_STORE_READER,   /* any worker thread, the reading connection */
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

/* ed-store-sql.c */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

void          _ed_sql_set_error          (GError          **error,
                                          sqlite3          *db,
                                          int               rc);
gboolean      _ed_sql_exec               (sqlite3          *db,
                                          const char       *sql,
                                          GError          **error);
sqlite3_stmt *_ed_sql_prepare            (sqlite3          *db,
                                          const char       *sql,
                                          GError          **error);
gboolean      _ed_sql_step_done          (sqlite3_stmt     *stmt,
                                          GError          **error);
gboolean      _ed_sql_finished           (sqlite3          *db,
                                          int               rc,
                                          GError          **error);
gboolean      _ed_sql_begin              (sqlite3          *db,
                                          GError          **error);
gboolean      _ed_sql_commit             (sqlite3          *db,
                                          GError          **error);
void          _ed_sql_rollback           (sqlite3          *db);
void          _ed_sql_bind_text          (sqlite3_stmt     *stmt,
                                          int               index,
                                          const char       *text);
const char   *_ed_sql_column_text        (sqlite3_stmt     *stmt,
                                          int               column);
char         *_ed_sql_get_meta           (sqlite3          *db,
                                          const char       *key,
                                          GError          **error);
gboolean      _ed_sql_set_meta           (sqlite3          *db,
                                          const char       *key,
                                          const char       *value,
                                          GError          **error);

/* ed-store-schema.c */
gboolean      _ed_store_migrate          (sqlite3          *db,
                                          GError          **error);

/* ed-store-cases.c */
gboolean      _ed_store_insert_record    (sqlite3          *db,
                                          EdCaseRecord     *record,
                                          gboolean          new_reference,
                                          GError          **error);
gboolean      _ed_store_update_record    (sqlite3          *db,
                                          EdCaseRecord     *record,
                                          GError          **error);
gboolean      _ed_store_index_case       (sqlite3          *db,
                                          gint64            id,
                                          const char       *reference,
                                          GPtrArray        *travellers,
                                          GError          **error);
GPtrArray    *_ed_store_read_travellers  (sqlite3          *db,
                                          gint64            id,
                                          GError          **error);
EdCaseRecord *_ed_store_read_record      (sqlite3          *db,
                                          gint64            id,
                                          GError          **error);
GPtrArray    *_ed_store_read_sheets      (sqlite3          *db,
                                          gint64            id,
                                          GError          **error);
gboolean      _ed_store_insert_sheet     (sqlite3          *db,
                                          gint64            id,
                                          const EdSheetRecord *sheet,
                                          GError          **error);
gboolean      _ed_store_delete_case      (sqlite3          *db,
                                          gint64            id,
                                          GError          **error);
gboolean      _ed_store_scrub            (sqlite3          *db,
                                          gboolean          vacuum,
                                          GError          **error);

/* ed-store-search.c */
EdCaseInfo   *_ed_store_read_info        (sqlite3          *db,
                                          gint64            id,
                                          GError          **error);
#define ED_STORE_INFO_COLUMNS \
  "c.id, c.reference, c.procedure_id, c.procedure_version, c.current_step, c.status, " \
  "c.names, c.n_travellers, c.n_done, c.created, c.modified, c.closed"
gboolean      _ed_store_read_infos       (sqlite3_stmt     *stmt,
                                          GPtrArray        *infos,
                                          GHashTable       *seen,
                                          guint             limit,
                                          GError          **error);

/* ed-store-autosave.c */
void          _ed_store_watch_case       (EdStore          *self,
                                          EdCase           *kase);
void          _ed_store_unwatch_case     (EdStore          *self,
                                          EdCase           *kase);
void          _ed_store_queue_saves      (EdStore          *self);
void          _ed_store_autosave_dispose (EdStore          *self);

G_END_DECLS
