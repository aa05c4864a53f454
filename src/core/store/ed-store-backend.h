/* ed-store-backend.h — where an EdStore keeps its cases
 *
 * EdStore is what the app and the CLI use; a backend is where the cases
 * are: the SQLite file (EdStoreSqlite, the default and, for now, the
 * only one) or, later, an office database. ed_store_open() picks the
 * backend from the location it is given, in one place (ed-store.c); no
 * caller names a backend. EdStore keeps the rest: its threads, the
 * autosave, one EdCase object per case, and the signals.
 *
 * Threads. Every call is plain and synchronous and may block on a disk
 * or a network. EdStore makes the calls from any thread, several at
 * once: its asynchronous writes one at a time, in the order they were
 * asked for, on its writer thread; reads on other worker threads; the
 * synchronous API in its caller's thread. A backend makes itself safe
 * for that (the SQLite backend holds a lock for each of its two
 * connections). A backend never emits signals, touches an EdCase or
 * needs a main loop: it takes and returns plain data (EdCaseRecord,
 * EdCaseInfo, EdSheetRecord) that can cross threads.
 *
 * Errors. A call that fails returns %FALSE or %NULL and sets @error in
 * ED_ERROR with a sentence a user can read, translated, without personal
 * data (a reference may appear, a name may not): %ED_ERROR_NOT_FOUND
 * when the case is not there (or no longer, deleted meanwhile),
 * %ED_ERROR_EXISTS when a reference is taken, %ED_ERROR_CORRUPT when the
 * store is damaged, %ED_ERROR_UNSUPPORTED when a newer Entry Desk made
 * it, %ED_ERROR_IO for the rest; %G_IO_ERROR_CANCELLED when a search
 * was cancelled. A write that fails changes nothing: a case is written
 * whole, with its travellers, checklist and search text, or not at all.
 *
 * Shared stores. Nothing here assumes that this process is the only
 * writer: every call reads what is stored at that moment, a save or a
 * change of a case deleted elsewhere fails with %ED_ERROR_NOT_FOUND
 * (the autosave then drops it), and EdStore keeps no copy of a list. A
 * backend shared by several desks (the office database, EdStorePg)
 * also: gives every case a version, set in the records it returns, and
 * refuses a save whose record carries another version than the stored
 * one with %ED_ERROR_CONFLICT, writing nothing; emits
 * #EdStoreBackend::changed-elsewhere when another desk changed a case
 * and #EdStoreBackend::offline-changed when its server goes away or
 * comes back (from any thread: EdStore re-emits them in its own); and
 * implements the optional members below.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ed-case-info.h"
#include "ed-case-record.h"
#include "ed-sheet-record.h"
#include "ed-store.h"

G_BEGIN_DECLS

#define ED_TYPE_STORE_BACKEND (ed_store_backend_get_type ())

G_DECLARE_INTERFACE (EdStoreBackend, ed_store_backend, ED, STORE_BACKEND, GObject)

/* The store setting that holds the retention period, in days ("30");
 * unset when closed cases are kept until deleted by hand. */
#define ED_STORE_SETTING_RETENTION_DAYS "retention_days"

/* Which catalog the stored next deadlines were worked out from
 * (ed-store-due.c); any desk that writes cases may set it. */
#define ED_STORE_SETTING_DUE_CATALOG "due_catalog"

/**
 * EdStoreBackendInterface:
 * @open: makes the store ready; called once, before any other call, in
 *   one thread. Creates a new store, brings an older one to this
 *   build's schema (%ED_ERROR_UNSUPPORTED for a newer one, left as it
 *   is) and expunges the cases trashed more than
 *   %ED_STORE_TRASH_KEEP_SECONDS ago, by the store's own clock (or that
 *   far in its future): left by a desk that stopped without expunging
 *   them. A younger trashed case is never touched: the desk that trashed
 *   it may be showing its Undo. Other processes may open the same store
 *   at the same moment (two desks starting, the CLI as the app starts):
 *   creating and migrating are safe against that; one of them does it,
 *   under a lock or in a transaction that re-reads the schema version,
 *   and the others wait and find the store ready; none fails. A backend
 *   may replace a damaged store with a new one, keeping the old one, and
 *   say so in @get_recovery.
 * @get_location: where the cases are, as a user may be shown it: a
 *   path, or an address without its password. Valid after @open.
 * @get_recovery: (nullable): %NULL, or when @open replaced a damaged
 *   store, what to tell the user (%ED_ERROR_CORRUPT: where the old one
 *   was kept). %NULL when not implemented.
 * @get_moved_aside: (nullable): %NULL, or where a damaged store was
 *   kept. %NULL when not implemented.
 * @insert_case: stores a case that is new to the store, with the sheet
 *   log in its @sheets (a case from a file brings one), its journey
 *   (@procedures, @journey_id), the procedure of each tick, and the
 *   columns a list shows (ed_case_record_to_info(), the next deadline
 *   included) and its @deadlines, which EdStore has worked out in
 *   @next_due, @deadlines and @progress when @next_due_known (no
 *   progress when not @progress_known); otherwise the case has none
 *   yet. Sets the
 *   record's @id. With @new_reference, gives it a new reference, unique
 *   in the store (ed_case_reference_generate(), tried again while it is
 *   taken); without, keeps the record's own and fails with
 *   %ED_ERROR_EXISTS when another case has it (how an import keeps the
 *   reference of its file).
 * @load_case: the case @id with its travellers and checklist, and its
 *   sheet log in @sheets when @with_sheets (an export). A trashed case
 *   is %ED_ERROR_NOT_FOUND.
 * @save_case: writes a case the store has (its @id is set) over what is
 *   stored: state, journey, travellers, checklist, search text, and the
 *   next deadline, deadlines and progress when @next_due_known
 *   (otherwise the stored ones stay); the sheet log is not touched (@sheets is empty).
 *   %ED_ERROR_NOT_FOUND, writing nothing, when the case was deleted; a
 *   trashed case is written. A shared store: %ED_ERROR_CONFLICT when
 *   @version is not the stored one (0 writes over any), else sets
 *   @version to the new one.
 * @find_case: the case whose canonical reference is @reference, not
 *   trashed; %NULL without @error when there is none.
 * @trash_case: deletes a case so that @restore_case can bring it back:
 *   it leaves searches, finds and loads; the store keeps when (its own
 *   clock, for @open). %ED_ERROR_NOT_FOUND when there is no such case or
 *   it is in the trash already.
 * @restore_case: takes a case out of the trash; %ED_ERROR_NOT_FOUND
 *   when it is not in the trash, with a message that says why (restored
 *   already, or deleted for good): it is what an Undo that did not work
 *   shows.
 * @expunge_case: deletes a trashed case for good, with its sheet log,
 *   leaving no trace of its data where the store keeps it;
 *   %ED_ERROR_NOT_FOUND when it is not in the trash (restored meanwhile:
 *   it is not touched).
 * @search: the cases found for what the user typed, best first, at most
 *   @limit (0: all), as ed_store_search() describes: an empty @text
 *   lists them, the most recently changed first; a reference typed
 *   whole comes first, closed or not; then names, passport numbers and
 *   references matching every term at the start of a word, then inside
 *   one; closed cases only with %ED_CASE_QUERY_INCLUDE_CLOSED; never a
 *   trashed case. With %ED_CASE_QUERY_BY_DUE and an empty @text, the
 *   list comes by next deadline instead, the earliest first and cases
 *   without one last (most recently changed first among those). Should
 *   stop soon after @cancellable is cancelled.
 * @log_sheet: adds a line to the sheet log of case @id. Lines are never
 *   changed or removed, except with their case.
 * @list_sheets: the sheet log of case @id, oldest first.
 * @get_setting: (nullable): a setting every desk of this store shares
 *   (%ED_STORE_SETTING_RETENTION_DAYS); %NULL without @error when unset.
 * @set_setting: sets a setting, or unsets it when @value is %NULL.
 * @purge_preview: the closed cases, not trashed, closed before
 *   @closed_before (seconds since 1970), the longest closed first.
 * @list_due: one #EdReminder (without timeline) for each open case,
 *   not trashed, with a deadline (of the @deadlines its last write
 *   stored) due at or before @due_before (seconds since 1970): how many
 *   are overdue at @now (@end_at at or before it) and how many due soon
 *   (the others due at or before @due_before); the case whose earliest
 *   such deadline comes first, first. What reminders look at: it reads
 *   no case.
 * @set_due: replaces the next deadline, the deadlines and the progress
 *   (none when @progress is %NULL: the catalog lacks its procedure)
 *   stored for case @id, and nothing else: not its time of change, not
 *   its place in searches. EdStore calls it to refresh what an older store or an older
 *   catalog worked out. %ED_ERROR_NOT_FOUND when there is no such case;
 *   %ED_ERROR_CONFLICT when @version, the version they were worked out
 *   of, is not 0 and the case has another now (its writer wrote its own).
 * @purge: deletes for good, as @expunge_case, the cases of @preview
 *   (EdCaseInfo, from @purge_preview) that are still closed, not trashed
 *   and closed before @closed_before, and sets @n_purged to how many.
 *   All or nothing: on error nothing is deleted and @n_purged is 0.
 *
 * @get_offline: (nullable): %TRUE while the server cannot be reached;
 *   saves then wait in an offline queue on disk and return %TRUE.
 * @get_n_queued: (nullable): how many saves wait in the offline queue.
 * @replay_queue: (nullable): sends the saves that waited, in order, each
 *   with its version as any save; adds to @saved the records written
 *   (EdCaseRecord, with their new version) and returns the conflicts
 *   found (EdCaseConflict, without a base), whose saves stay queued until
 *   one is saved over the other desk's version. EdStore calls it on its
 *   writer thread when the server is back, and when it opens.
 * @set_case_open: (nullable): tells the other desks that this one has
 *   case @id open (or no longer), for ed_case_info_get_open_elsewhere().
 * @get_role: (nullable): the database role this desk works as.
 * @poll_elsewhere: (nullable): for a store that other processes change
 *   without telling (one SQLite file, the command line beside the
 *   window): %TRUE when another connection changed it since the last
 *   call (the first call only takes note). Called on a worker thread.
 *
 * Every member must be set but @get_recovery, @get_moved_aside and the
 * shared stores' members.
 */
struct _EdStoreBackendInterface
{
  GTypeInterface parent_iface;

  gboolean       (*open)             (EdStoreBackend       *self,
                                      GCancellable         *cancellable,
                                      GError              **error);
  const char    *(*get_location)     (EdStoreBackend       *self);
  const GError  *(*get_recovery)     (EdStoreBackend       *self);
  const char    *(*get_moved_aside)  (EdStoreBackend       *self);

  gboolean       (*insert_case)      (EdStoreBackend       *self,
                                      EdCaseRecord         *record,
                                      gboolean              new_reference,
                                      GError              **error);
  EdCaseRecord  *(*load_case)        (EdStoreBackend       *self,
                                      gint64                id,
                                      gboolean              with_sheets,
                                      GError              **error);
  gboolean       (*save_case)        (EdStoreBackend       *self,
                                      EdCaseRecord         *record,
                                      GError              **error);
  EdCaseInfo    *(*find_case)        (EdStoreBackend       *self,
                                      const char           *reference,
                                      GError              **error);
  gboolean       (*trash_case)       (EdStoreBackend       *self,
                                      gint64                id,
                                      GError              **error);
  gboolean       (*restore_case)     (EdStoreBackend       *self,
                                      gint64                id,
                                      GError              **error);
  gboolean       (*expunge_case)     (EdStoreBackend       *self,
                                      gint64                id,
                                      GError              **error);

  GPtrArray     *(*search)           (EdStoreBackend       *self,
                                      const char           *text,
                                      EdCaseQueryFlags      flags,
                                      guint                 limit,
                                      GCancellable         *cancellable,
                                      GError              **error);

  gboolean       (*log_sheet)        (EdStoreBackend       *self,
                                      gint64                id,
                                      const EdSheetRecord  *sheet,
                                      GError              **error);
  GPtrArray     *(*list_sheets)      (EdStoreBackend       *self,
                                      gint64                id,
                                      GError              **error);

  char          *(*get_setting)      (EdStoreBackend       *self,
                                      const char           *key,
                                      GError              **error);
  gboolean       (*set_setting)      (EdStoreBackend       *self,
                                      const char           *key,
                                      const char           *value,
                                      GError              **error);

  GPtrArray     *(*purge_preview)    (EdStoreBackend       *self,
                                      gint64                closed_before,
                                      GCancellable         *cancellable,
                                      GError              **error);
  GPtrArray     *(*list_due)         (EdStoreBackend       *self,
                                      gint64                now,
                                      gint64                due_before,
                                      GCancellable         *cancellable,
                                      GError              **error);
  gboolean       (*set_due)          (EdStoreBackend       *self,
                                      gint64                id,
                                      gint64                version,
                                      const EdNextDue      *next,
                                      GArray               *deadlines,
                                      const EdCaseProgress *progress,
                                      GError              **error);
  gboolean       (*purge)            (EdStoreBackend       *self,
                                      GPtrArray            *preview,
                                      gint64                closed_before,
                                      guint                *n_purged,
                                      GCancellable         *cancellable,
                                      GError              **error);

  gboolean       (*get_offline)      (EdStoreBackend       *self);
  guint          (*get_n_queued)     (EdStoreBackend       *self);
  GPtrArray     *(*replay_queue)     (EdStoreBackend       *self,
                                      GPtrArray            *saved,
                                      GError              **error);
  void           (*set_case_open)    (EdStoreBackend       *self,
                                      gint64                id,
                                      gboolean              open);
  const char    *(*get_role)         (EdStoreBackend       *self);
  gboolean       (*poll_elsewhere)   (EdStoreBackend       *self,
                                      GError              **error);
};

/* An EdStore over a backend that ed_store_open() does not pick itself:
 * a test's, or one made by hand. */
EdStore       *ed_store_open_backend           (EdStoreBackend       *backend,
                                                GCancellable         *cancellable,
                                                GError              **error);
EdStoreBackend *ed_store_get_backend           (EdStore              *store);

gboolean       ed_store_backend_open           (EdStoreBackend       *self,
                                                GCancellable         *cancellable,
                                                GError              **error);
const char    *ed_store_backend_get_location   (EdStoreBackend       *self);
const GError  *ed_store_backend_get_recovery   (EdStoreBackend       *self);
const char    *ed_store_backend_get_moved_aside (EdStoreBackend      *self);
gboolean       ed_store_backend_insert_case    (EdStoreBackend       *self,
                                                EdCaseRecord         *record,
                                                gboolean              new_reference,
                                                GError              **error);
EdCaseRecord  *ed_store_backend_load_case      (EdStoreBackend       *self,
                                                gint64                id,
                                                gboolean              with_sheets,
                                                GError              **error);
gboolean       ed_store_backend_save_case      (EdStoreBackend       *self,
                                                EdCaseRecord         *record,
                                                GError              **error);
EdCaseInfo    *ed_store_backend_find_case      (EdStoreBackend       *self,
                                                const char           *reference,
                                                GError              **error);
gboolean       ed_store_backend_trash_case     (EdStoreBackend       *self,
                                                gint64                id,
                                                GError              **error);
gboolean       ed_store_backend_restore_case   (EdStoreBackend       *self,
                                                gint64                id,
                                                GError              **error);
gboolean       ed_store_backend_expunge_case   (EdStoreBackend       *self,
                                                gint64                id,
                                                GError              **error);
GPtrArray     *ed_store_backend_search         (EdStoreBackend       *self,
                                                const char           *text,
                                                EdCaseQueryFlags      flags,
                                                guint                 limit,
                                                GCancellable         *cancellable,
                                                GError              **error);
gboolean       ed_store_backend_log_sheet      (EdStoreBackend       *self,
                                                gint64                id,
                                                const EdSheetRecord  *sheet,
                                                GError              **error);
GPtrArray     *ed_store_backend_list_sheets    (EdStoreBackend       *self,
                                                gint64                id,
                                                GError              **error);
char          *ed_store_backend_get_setting    (EdStoreBackend       *self,
                                                const char           *key,
                                                GError              **error);
gboolean       ed_store_backend_set_setting    (EdStoreBackend       *self,
                                                const char           *key,
                                                const char           *value,
                                                GError              **error);
GPtrArray     *ed_store_backend_purge_preview  (EdStoreBackend       *self,
                                                gint64                closed_before,
                                                GCancellable         *cancellable,
                                                GError              **error);
GPtrArray     *ed_store_backend_list_due       (EdStoreBackend       *self,
                                                gint64                now,
                                                gint64                due_before,
                                                GCancellable         *cancellable,
                                                GError              **error);
gboolean       ed_store_backend_set_due        (EdStoreBackend       *self,
                                                gint64                id,
                                                gint64                version,
                                                const EdNextDue      *next,
                                                GArray               *deadlines,
                                                const EdCaseProgress *progress,
                                                GError              **error);
gboolean       ed_store_backend_purge          (EdStoreBackend       *self,
                                                GPtrArray            *preview,
                                                gint64                closed_before,
                                                guint                *n_purged,
                                                GCancellable         *cancellable,
                                                GError              **error);
gboolean       ed_store_backend_get_offline    (EdStoreBackend       *self);
guint          ed_store_backend_get_n_queued   (EdStoreBackend       *self);
GPtrArray     *ed_store_backend_replay_queue   (EdStoreBackend       *self,
                                                GPtrArray            *saved,
                                                GError              **error);
void           ed_store_backend_set_case_open  (EdStoreBackend       *self,
                                                gint64                id,
                                                gboolean              open);
const char    *ed_store_backend_get_role       (EdStoreBackend       *self);
gboolean       ed_store_backend_poll_elsewhere (EdStoreBackend       *self,
                                                GError              **error);
void           ed_store_backend_emit_changed_elsewhere (EdStoreBackend *self,
                                                gint64                id);
void           ed_store_backend_emit_offline_changed (EdStoreBackend *self,
                                                gboolean              offline);

G_END_DECLS
