/* ed-store-sqlite-private.h — the parts of the SQLite backend its files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "ed-store-sqlite.h"

G_BEGIN_DECLS

/* The schema this build writes; PRAGMA user_version holds it. */
#define ED_STORE_SCHEMA_VERSION 6

struct _EdStoreSqlite
{
  GObject   parent_instance;

  char     *path;
  char     *moved_aside;
  GError   *recovery;

  /* Writes, and the reads that must see them at once (a load, an
   * export): one at a time. */
  sqlite3  *db;
  GMutex    db_lock;
  /* PRAGMA data_version of db when last polled; -1 before: it changes
   * when another connection (another process) commits. */
  gint64    data_version;

  /* Searches and lists: a second connection, which WAL lets read while
   * the first one writes. */
  sqlite3  *read_db;
  GMutex    read_lock;
};

/* ed-store-sqlite-sql.c */
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

/* ed-store-sqlite-schema.c */
gboolean      _ed_store_sqlite_migrate   (sqlite3          *db,
                                          GError          **error);

/* ed-store-sqlite-cases.c */
gboolean      _ed_store_sqlite_insert_record (sqlite3      *db,
                                          EdCaseRecord     *record,
                                          gboolean          new_reference,
                                          GError          **error);
gboolean      _ed_store_sqlite_update_record (sqlite3      *db,
                                          EdCaseRecord     *record,
                                          GError          **error);
gboolean      _ed_store_sqlite_index_case (sqlite3         *db,
                                          gint64            id,
                                          const char       *reference,
                                          GPtrArray        *travellers,
                                          GError          **error);
GPtrArray    *_ed_store_sqlite_read_travellers (sqlite3    *db,
                                          gint64            id,
                                          GError          **error);
EdCaseRecord *_ed_store_sqlite_read_record (sqlite3        *db,
                                          gint64            id,
                                          GError          **error);
GPtrArray    *_ed_store_sqlite_read_sheets (sqlite3        *db,
                                          gint64            id,
                                          GError          **error);
gboolean      _ed_store_sqlite_write_due (sqlite3          *db,
                                          gint64            id,
                                          const EdNextDue  *next,
                                          GArray           *deadlines,
                                          const EdCaseProgress *progress,
                                          GError          **error);
gboolean      _ed_store_sqlite_insert_sheet (sqlite3       *db,
                                          gint64            id,
                                          const EdSheetRecord *sheet,
                                          GError          **error);

/* ed-store-sqlite-delete.c */
gboolean      _ed_store_sqlite_expunge_trash (sqlite3      *db,
                                          gint64            now,
                                          GError          **error);
gboolean      _ed_store_sqlite_trash_case (EdStoreBackend  *backend,
                                          gint64            id,
                                          GError          **error);
gboolean      _ed_store_sqlite_restore_case (EdStoreBackend *backend,
                                          gint64            id,
                                          GError          **error);
gboolean      _ed_store_sqlite_expunge_case (EdStoreBackend *backend,
                                          gint64            id,
                                          GError          **error);
GPtrArray    *_ed_store_sqlite_purge_preview (EdStoreBackend *backend,
                                          gint64            closed_before,
                                          GCancellable     *cancellable,
                                          GError          **error);
gboolean      _ed_store_sqlite_purge     (EdStoreBackend   *backend,
                                          GPtrArray        *preview,
                                          gint64            closed_before,
                                          guint            *n_purged,
                                          GCancellable     *cancellable,
                                          GError          **error);

/* ed-store-sqlite-search.c */
#define ED_STORE_INFO_COLUMNS \
  "c.id, c.reference, c.procedure_id, c.procedure_version, c.current_step, c.status, " \
  "c.names, c.n_travellers, c.n_done, c.created, c.modified, c.closed, c.journey_id, " \
  "c.procedures, c.next_due_at, c.next_due_end, c.next_due, c.next_due_procedure, " \
  "c.next_due_rule, c.native_name, c.n_steps, c.step"
#define ED_STORE_INFO_N_COLUMNS 22
gboolean      _ed_store_sqlite_read_infos (sqlite3_stmt    *stmt,
                                          GPtrArray        *infos,
                                          GHashTable       *seen,
                                          guint             limit,
                                          GError          **error);
GPtrArray    *_ed_store_sqlite_search    (EdStoreBackend   *backend,
                                          const char       *text,
                                          EdCaseQueryFlags  flags,
                                          guint             limit,
                                          GCancellable     *cancellable,
                                          GError          **error);
EdCaseInfo   *_ed_store_sqlite_find_case (EdStoreBackend   *backend,
                                          const char       *reference,
                                          GError          **error);
GPtrArray    *_ed_store_sqlite_list_due  (EdStoreBackend   *backend,
                                          gint64            now,
                                          gint64            due_before,
                                          GCancellable     *cancellable,
                                          GError          **error);

G_END_DECLS
