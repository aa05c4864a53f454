/* ed-store-pg-private.h — the parts of the PostgreSQL backend its files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-case-conflict.h"
#include "ed-pq.h"
#include "ed-store-pg.h"

G_BEGIN_DECLS

/* The schema this build writes; ed_meta's "schema" row holds it. */
#define ED_PG_SCHEMA_VERSION 6

/* The channel every change is announced on. */
#define ED_PG_CHANNEL "entry_desk_cases"

/* One connection and the lock that makes it one call at a time. */
typedef struct
{
  GMutex   lock;
  PGconn  *conn;
} EdPgLink;

typedef struct _EdPgQueue EdPgQueue;

/* The first character of the references of cases made offline, and of
 * no other (ed-store-pg-offline.c). */
#define ED_PG_OFFLINE_MARK 'Z'

struct _EdStorePg
{
  GObject     parent_instance;

  char       *uri;          /* as given: may hold a password, never shown */
  char       *location;     /* the address without a password */
  char       *host;
  char       *port;
  char       *dbname;
  char       *user;
  char       *role;         /* session_user, once connected */
  gboolean    read_only;    /* the role may read cases, not change them */
  char       *desk;         /* this desk's id in the presence table */
  char       *queue_dir;    /* nullable: the default folder */

  EdPgLink    writer;       /* writes, loads */
  EdPgLink    reader;       /* searches, lists */

  /* The offline queue; its own lock, taken after a link's. */
  GMutex      queue_lock;
  EdPgQueue  *queue;
  GArray     *reserved;     /* gint64: ids for new cases offline (-offline.c) */
  GMutex      replay_lock;  /* one replay at a time */

  /* The office's settings, as read at opening and set since. */
  GMutex      settings_lock;
  GHashTable *settings;

  /* The last answers of searches, shown again offline. */
  GMutex      found_lock;
  GHashTable *found;        /* "flags limit text" → GPtrArray of EdCaseInfo */

  /* Cases this desk has open, announced again after a reconnection. */
  GMutex      open_lock;
  GHashTable *open_cases;   /* gint64 * */

  /* The listener: a thread with its own connection. */
  GThread      *listener;
  PGconn       *listen_conn;  /* the first, until the thread takes it */
  GCancellable *stopping;
  gint          offline;    /* atomic */
  gint          opened;     /* atomic */
  gint          writer_pid; /* atomic: the server's, for telling our own */
  gint          reader_pid; /* changes from the other desks' */
};

/* ed-store-pg-conn.c */
gboolean      _ed_pg_parse_location      (EdStorePg        *self,
                                          GError          **error);
PGconn       *_ed_pg_connect             (EdStorePg        *self,
                                          GError          **error);
gboolean      _ed_pg_link_ready          (EdStorePg        *self,
                                          EdPgLink         *link,
                                          GError          **error);
void          _ed_pg_set_error           (GError          **error,
                                          PGconn           *conn,
                                          PGresult         *result);
gboolean      _ed_pg_error_is_offline    (const GError     *error);
PGresult     *_ed_pg_exec                (PGconn           *conn,
                                          const char       *sql,
                                          int               n_params,
                                          const char * const *values,
                                          GError          **error);
gboolean      _ed_pg_command             (PGconn           *conn,
                                          const char       *sql,
                                          int               n_params,
                                          const char * const *values,
                                          GError          **error);
void          _ed_pg_rollback            (PGconn           *conn);
gint64        _ed_pg_int64               (PGresult         *result,
                                          int               row,
                                          int               column);
const char   *_ed_pg_text                (PGresult         *result,
                                          int               row,
                                          int               column);
char         *_ed_pg_lookup_password     (EdStorePg        *self);
void          _ed_pg_went_offline        (EdStorePg        *self);
void          _ed_pg_came_online         (EdStorePg        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

/* ed-store-pg-schema.c */
gboolean      _ed_pg_migrate             (PGconn           *conn,
                                          GError          **error);
gboolean      _ed_pg_migrate_to          (PGconn           *conn,
                                          int               target,
                                          GError          **error);

/* ed-store-pg-cases.c */
#define ED_PG_INFO_COLUMNS \
  "c.id, c.reference, c.procedure_id, c.procedure_version, c.current_step, c.status, " \
  "c.names, c.n_travellers, c.n_done, c.created, c.modified, c.closed, c.changed_by, " \
  "c.journey_id, c.procedures, c.next_due_at, c.next_due_end, c.next_due, " \
  "c.next_due_procedure, c.next_due_rule, c.native_name, c.n_steps, c.step"
#define ED_PG_INFO_N_COLUMNS 23
GPtrArray    *_ed_pg_read_infos          (EdStorePg        *self,
                                          PGresult         *result,
                                          GHashTable       *seen,
                                          GPtrArray        *infos,
                                          guint             limit);
gboolean      _ed_pg_insert_case         (EdStorePg        *self,
                                          PGconn           *conn,
                                          EdCaseRecord     *record,
                                          gboolean          new_reference,
                                          GError          **error);
gboolean      _ed_pg_load_settings       (EdStorePg        *self,
                                          PGconn           *conn,
                                          GError          **error);
gboolean      _ed_pg_insert_reserved     (PGconn           *conn,
                                          EdCaseRecord     *record,
                                          GError          **error);
gboolean      _ed_pg_update_case         (PGconn           *conn,
                                          EdCaseRecord     *record,
                                          GError          **error);
EdCaseRecord *_ed_pg_read_case           (PGconn           *conn,
                                          gint64            id,
                                          gboolean          with_sheets,
                                          GError          **error);
gboolean      _ed_pg_insert_sheet        (PGconn           *conn,
                                          gint64            id,
                                          const EdSheetRecord *sheet,
                                          GError          **error);
GPtrArray    *_ed_pg_read_sheets         (PGconn           *conn,
                                          gint64            id,
                                          GError          **error);
void          _ed_store_pg_cases_iface   (EdStoreBackendInterface *iface);

/* ed-store-pg-search.c */
void          _ed_store_pg_search_iface  (EdStoreBackendInterface *iface);
const char   *_ed_pg_by_due_sql          (void);

/* ed-store-pg-offline.c: new cases while the server is away */
void          _ed_pg_reserve             (EdStorePg        *self,
                                          PGconn           *conn);
gboolean      _ed_pg_insert_offline      (EdStorePg        *self,
                                          EdCaseRecord     *record,
                                          GError          **error);
gboolean      _ed_pg_send_new            (EdStorePg        *self,
                                          EdCaseRecord     *record,
                                          GError          **error);
void          _ed_store_pg_offline_iface (EdStoreBackendInterface *iface);

/* ed-store-pg-listen.c */
void          _ed_pg_listener_start      (EdStorePg        *self);
void          _ed_pg_listener_stop       (EdStorePg        *self);
void          _ed_pg_announce_open       (EdStorePg        *self,
                                          PGconn           *conn);

/* ed-store-pg-queue.c: the offline queue, a file only this desk reads */
EdPgQueue    *_ed_pg_queue_new           (const char       *path);
void          _ed_pg_queue_free          (EdPgQueue        *queue);
gboolean      _ed_pg_queue_load          (EdPgQueue        *queue,
                                          GError          **error);
gboolean      _ed_pg_queue_put           (EdPgQueue        *queue,
                                          EdCaseRecord     *record,
                                          GError          **error);
gboolean      _ed_pg_queue_has           (EdPgQueue        *queue,
                                          gint64            id);
EdCaseRecord *_ed_pg_queue_lookup_copy   (EdPgQueue        *queue,
                                          gint64            id);
guint         _ed_pg_queue_size          (EdPgQueue        *queue);
GPtrArray    *_ed_pg_queue_copy_all      (EdPgQueue        *queue);
gboolean      _ed_pg_queue_sent          (EdPgQueue        *queue,
                                          EdCaseRecord     *sent,
                                          gint64            new_version,
                                          GError          **error);
gboolean      _ed_pg_queue_drop          (EdPgQueue        *queue,
                                          gint64            id,
                                          GError          **error);
GPtrArray    *_ed_pg_queue_parse         (const char       *data,
                                          gsize             size,
                                          GError          **error);

G_END_DECLS
