/* ed-store.h — the case store: every case, never lost
 *
 * Where the cases are kept is the store's backend (ed-store-backend.h),
 * picked by ed_store_open() from a location: by default one SQLite
 * file, $XDG_DATA_HOME/entry-desk/cases.db (mode 0600, its folder
 * 0700). Cases the GUI opens or creates through the store are watched:
 * every change is written within a second (after ~400 ms of quiet, or
 * 800 ms after the first unsaved change while typing goes on), so there
 * is no Save button and a killed app loses at most the last second.
 *
 * Threads: every call with a GError and no _async is synchronous and may
 * touch the disk; the CLI uses those. The GUI uses the _async/_finish
 * pairs (writes run in order on one worker thread, reads on others) and
 * never blocks. Signals are emitted in the thread that opened the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ed-case.h"
#include "ed-case-conflict.h"
#include "ed-case-info.h"
#include "ed-catalog.h"
#include "ed-sheet-record.h"
#include "ed-timeline.h"

G_BEGIN_DECLS

/* The most rows a search returns unless told otherwise: a screenful
 * many times over, and what keeps a keystroke under one frame. */
#define ED_STORE_SEARCH_LIMIT 200

/* Deleting with Undo, when several desks share a store (the app and
 * `entry-desk-cli cases …` at the same time, two windows, an office
 * database): a trashed case belongs to the store object that trashed
 * it. Only its owner expunges it: when its Undo goes, or at the latest
 * when the owner is closed. A case still in the trash
 * ED_STORE_TRASH_KEEP_SECONDS after it was trashed was left by a desk
 * that stopped without expunging it (a crash): whoever opens the store
 * then expunges it. So no Undo may be offered for longer than
 * ED_STORE_UNDO_SECONDS, well below: an Undo offered within it works,
 * whatever other desks open the store meanwhile. */
#define ED_STORE_UNDO_SECONDS (10 * 60)
#define ED_STORE_TRASH_KEEP_SECONDS (60 * 60)

typedef enum
{
  ED_CASE_QUERY_OPEN           = 0,
  ED_CASE_QUERY_INCLUDE_CLOSED = 1 << 0,
  ED_CASE_QUERY_BY_DUE         = 1 << 1,  /* the plain list, by next deadline */
} EdCaseQueryFlags;

typedef enum
{
  ED_IMPORT_DEFAULT       = 0,
  ED_IMPORT_NEW_REFERENCE = 1 << 0,
} EdImportFlags;

/**
 * EdReminder:
 * @info: the case, with its next deadline
 * @n_overdue: how many of its deadlines are overdue
 * @n_due_soon: how many fall due soon
 *
 * What ed_store_check_reminders() finds for one open case.
 */
typedef struct
{
  EdCaseInfo *info;
  guint       n_overdue;
  guint       n_due_soon;
} EdReminder;

void ed_reminder_free (EdReminder *reminder);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdReminder, ed_reminder_free)

#define ED_TYPE_STORE (ed_store_get_type ())

G_DECLARE_FINAL_TYPE (EdStore, ed_store, ED, STORE, GObject)

char          *ed_store_default_path        (void);

EdStore       *ed_store_open                (const char           *location,
                                             GCancellable         *cancellable,
                                             GError              **error);
void           ed_store_open_async          (const char           *location,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
EdStore       *ed_store_open_finish         (GAsyncResult         *result,
                                             GError              **error);
const char    *ed_store_get_path            (EdStore              *self);
const GError  *ed_store_get_recovery        (EdStore              *self);
const char    *ed_store_get_moved_aside     (EdStore              *self);

/* Cases: add, open, delete with undo. */
gboolean       ed_store_add_case            (EdStore              *self,
                                             EdCase               *kase,
                                             GError              **error);
void           ed_store_add_case_async      (EdStore              *self,
                                             EdCase               *kase,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean       ed_store_add_case_finish     (EdStore              *self,
                                             GAsyncResult         *result,
                                             GError              **error);
EdCase        *ed_store_load_case           (EdStore              *self,
                                             gint64                id,
                                             GError              **error);
void           ed_store_load_case_async     (EdStore              *self,
                                             gint64                id,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
EdCase        *ed_store_load_case_finish    (EdStore              *self,
                                             GAsyncResult         *result,
                                             GError              **error);
EdCaseInfo    *ed_store_find_case           (EdStore              *self,
                                             const char           *typed_reference,
                                             GError              **error);
gboolean       ed_store_trash_case          (EdStore              *self,
                                             gint64                id,
                                             GError              **error);
gboolean       ed_store_restore_case        (EdStore              *self,
                                             gint64                id,
                                             GError              **error);
gboolean       ed_store_expunge_case        (EdStore              *self,
                                             gint64                id,
                                             GError              **error);
void           ed_store_trash_case_async    (EdStore              *self,
                                             gint64                id,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
void           ed_store_restore_case_async  (EdStore              *self,
                                             gint64                id,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
void           ed_store_expunge_case_async  (EdStore              *self,
                                             gint64                id,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean       ed_store_change_finish       (EdStore              *self,
                                             GAsyncResult         *result,
                                             GError              **error);

/* Autosave. */
gboolean       ed_store_has_unsaved_changes (EdStore              *self);
gboolean       ed_store_flush               (EdStore              *self,
                                             GError              **error);
void           ed_store_flush_async         (EdStore              *self,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean       ed_store_flush_finish        (EdStore              *self,
                                             GAsyncResult         *result,
                                             GError              **error);
void           ed_store_set_autosave_delays (EdStore              *self,
                                             guint                 quiet_ms,
                                             guint                 max_ms);

/* Search as you type, and the plain list (empty @text). */
GPtrArray     *ed_store_search              (EdStore              *self,
                                             const char           *text,
                                             EdCaseQueryFlags      flags,
                                             guint                 limit,
                                             GCancellable         *cancellable,
                                             GError              **error);
void           ed_store_search_async        (EdStore              *self,
                                             const char           *text,
                                             EdCaseQueryFlags      flags,
                                             guint                 limit,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GPtrArray     *ed_store_search_finish       (EdStore              *self,
                                             GAsyncResult         *result,
                                             GError              **error);

/* The audit log of sheets. */
gboolean       ed_store_log_sheet           (EdStore              *self,
                                             EdCase               *kase,
                                             const EdSheetRecord  *record,
                                             GError              **error);
void           ed_store_log_sheet_async     (EdStore              *self,
                                             EdCase               *kase,
                                             const EdSheetRecord  *record,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean       ed_store_log_sheet_finish    (EdStore              *self,
                                             GAsyncResult         *result,
                                             GError              **error);
GPtrArray     *ed_store_list_sheets         (EdStore              *self,
                                             gint64                id,
                                             GError              **error);
void           ed_store_list_sheets_async   (EdStore              *self,
                                             gint64                id,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GPtrArray     *ed_store_list_sheets_finish  (EdStore              *self,
                                             GAsyncResult         *result,
                                             GError              **error);

/* A case as a JSON file. */
gboolean       ed_store_export_case         (EdStore              *self,
                                             gint64                id,
                                             GFile                *file,
                                             GCancellable         *cancellable,
                                             GError              **error);
void           ed_store_export_case_async   (EdStore              *self,
                                             gint64                id,
                                             GFile                *file,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean       ed_store_export_case_finish  (EdStore              *self,
                                             GAsyncResult         *result,
                                             GError              **error);
EdCaseInfo    *ed_store_import_case         (EdStore              *self,
                                             GFile                *file,
                                             EdImportFlags         flags,
                                             GCancellable         *cancellable,
                                             GError              **error);
void           ed_store_import_case_async   (EdStore              *self,
                                             GFile                *file,
                                             EdImportFlags         flags,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
EdCaseInfo    *ed_store_import_case_finish  (EdStore              *self,
                                             GAsyncResult         *result,
                                             GError              **error);

/* Next deadlines and reminders (ed-store-due.c). */
void           ed_store_set_catalog         (EdStore              *self,
                                             EdCatalog            *catalog);
gboolean       ed_store_refresh_due         (EdStore              *self,
                                             guint                *n_refreshed,
                                             GCancellable         *cancellable,
                                             GError              **error);
void           ed_store_refresh_due_async   (EdStore              *self,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean       ed_store_refresh_due_finish  (EdStore              *self,
                                             GAsyncResult         *result,
                                             guint                *n_refreshed,
                                             GError              **error);
GPtrArray     *ed_store_check_reminders     (EdStore              *self,
                                             GDateTime            *now,
                                             guint                 soon_days,
                                             GCancellable         *cancellable,
                                             GError              **error);
void           ed_store_check_reminders_async (EdStore            *self,
                                             GDateTime            *now,
                                             guint                 soon_days,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GPtrArray     *ed_store_check_reminders_finish (EdStore           *self,
                                             GAsyncResult         *result,
                                             GError              **error);

/* Retention: closed cases older than a number of days are purged, after
 * staff have seen the list. */
guint          ed_store_get_retention_days  (EdStore              *self);
gboolean       ed_store_set_retention_days  (EdStore              *self,
                                             guint                 days,
                                             GError              **error);
void           ed_store_set_retention_days_async (EdStore         *self,
                                             guint                 days,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean       ed_store_set_retention_days_finish (EdStore        *self,
                                             GAsyncResult         *result,
                                             GError              **error);
GPtrArray     *ed_store_purge_preview       (EdStore              *self,
                                             guint                 older_than_days,
                                             GCancellable         *cancellable,
                                             GError              **error);
void           ed_store_purge_preview_async (EdStore              *self,
                                             guint                 older_than_days,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GPtrArray     *ed_store_purge_preview_finish (EdStore             *self,
                                             GAsyncResult         *result,
                                             GError              **error);
gboolean       ed_store_purge               (EdStore              *self,
                                             GPtrArray            *preview,
                                             guint                 older_than_days,
                                             guint                *n_purged,
                                             GCancellable         *cancellable,
                                             GError              **error);
void           ed_store_purge_async         (EdStore              *self,
                                             GPtrArray            *preview,
                                             guint                 older_than_days,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean       ed_store_purge_finish        (EdStore              *self,
                                             GAsyncResult         *result,
                                             guint                *n_purged,
                                             GError              **error);

/* An office database several desks share: who this desk is, working
 * offline, and cases changed on two desks at once. */
const char    *ed_store_get_role            (EdStore              *self);
gboolean       ed_store_is_shared           (EdStore              *self);
gboolean       ed_store_get_read_only       (EdStore              *self);
gboolean       ed_store_get_offline         (EdStore              *self);
void           ed_store_watch_elsewhere     (EdStore              *self);
guint          ed_store_get_n_queued        (EdStore              *self);
gboolean       ed_store_replay_queue        (EdStore              *self,
                                             GError              **error);
GPtrArray     *ed_store_get_conflicts       (EdStore              *self);

/**
 * EdMigrateFunc:
 * @info: the case in the desk's store
 * @how: an #EdPgImported: copied, copied under @reference, or there already
 * @reference: its canonical reference in the office database
 */
typedef void (*EdMigrateFunc) (EdCaseInfo  *info,
                               int          how,
                               const char  *reference,
                               gpointer     user_data);

gboolean       ed_store_migrate             (EdStore              *from,
                                             EdStore              *to,
                                             EdMigrateFunc         func,
                                             gpointer              user_data,
                                             guint                 counts[3],
                                             GCancellable         *cancellable,
                                             GError              **error);
void           ed_store_resolve_conflict    (EdStore              *self,
                                             EdCaseConflict       *conflict,
                                             EdCaseRecord         *resolved);

G_END_DECLS
