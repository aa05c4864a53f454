/* ed-store-sqlite-search.c — search as you type, and the list of cases
 *
 * A search runs up to three queries, best match first, and stops when
 * it has @limit rows: the whole reference typed; every term as the
 * start of a name, passport number or reference; then terms inside
 * them. Within each, the most recently changed case comes first: the
 * search table's rowids are renewed on every save, and FTS5 walks them
 * backwards and stops early, so a one-letter query over 100,000 cases
 * costs no more than a long one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ed-case-info-private.h"
#include "ed-case-reference.h"
#include "ed-error.h"
#include "ed-search-text.h"
#include "ed-store-sqlite-private.h"

/* The case of the row @stmt is on, a query of ED_STORE_INFO_COLUMNS. */
static EdCaseInfo *
read_info_row (sqlite3_stmt *stmt)
{
  EdCaseInfoData data = { 0 };
  const char *names = _ed_sql_column_text (stmt, 6);
  const char *procedures = _ed_sql_column_text (stmt, 13);

  data.id = sqlite3_column_int64 (stmt, 0);
  data.reference = g_strdup (_ed_sql_column_text (stmt, 1));
  data.procedure_id = g_strdup (_ed_sql_column_text (stmt, 2));
  data.procedure_version = sqlite3_column_int (stmt, 3);
  data.current_step = g_strdup (_ed_sql_column_text (stmt, 4));
  ed_case_status_from_string (_ed_sql_column_text (stmt, 5), &data.status);
  data.names = names != NULL && *names != '\0' ? g_strsplit (names, "\n", -1)
                                               : g_new0 (char *, 1);
  data.n_travellers = (guint) sqlite3_column_int (stmt, 7);
  data.n_done = (guint) sqlite3_column_int (stmt, 8);
  data.created = sqlite3_column_int64 (stmt, 9);
  data.modified = sqlite3_column_int64 (stmt, 10);
  data.closed = sqlite3_column_int64 (stmt, 11);
  data.journey_id = g_strdup (_ed_sql_column_text (stmt, 12));
  data.procedure_ids = g_strsplit (procedures != NULL ? procedures : "", "\n", -1);
  data.next_due.due_at = sqlite3_column_int64 (stmt, 14);
  data.next_due.end_at = sqlite3_column_int64 (stmt, 15);
  data.next_due.when = g_strdup (_ed_sql_column_text (stmt, 16));
  data.next_due.procedure_id = g_strdup (_ed_sql_column_text (stmt, 17));
  data.next_due.rule_id = g_strdup (_ed_sql_column_text (stmt, 18));
  data.native_name = g_strdup (_ed_sql_column_text (stmt, 19));
  data.progress_known = sqlite3_column_type (stmt, 20) != SQLITE_NULL;
  data.progress.n_steps = (guint) sqlite3_column_int (stmt, 20);
  data.progress.step = (guint) sqlite3_column_int (stmt, 21);

  return _ed_case_info_new (&data);
}

/**
 * _ed_store_sqlite_read_infos:
 * @stmt: a query of ED_STORE_INFO_COLUMNS
 * @seen: ids already in @infos, skipped
 *
 * Appends the rows of @stmt to @infos until it holds @limit (0: all).
 */
gboolean
_ed_store_sqlite_read_infos (sqlite3_stmt  *stmt,
                             GPtrArray     *infos,
                             GHashTable    *seen,
                             guint          limit,
                             GError       **error)
{
  int rc = SQLITE_DONE;

  while ((limit == 0 || infos->len < limit) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (seen != NULL && !g_hash_table_add (seen, g_memdup2 (&id, sizeof id)))
        continue;
      g_ptr_array_add (infos, read_info_row (stmt));
    }
  if (limit != 0 && infos->len >= limit)
    return TRUE;
  if (!_ed_sql_finished (sqlite3_db_handle (stmt), rc, error))
    return FALSE;

  return TRUE;
}

static int
check_cancelled (void *data)
{
  return g_cancellable_is_cancelled (data);
}

static gboolean
run_query (sqlite3           *db,
           const char        *sql,
           const char        *text,
           EdCaseQueryFlags   flags,
           guint              limit,
           GPtrArray         *infos,
           GHashTable        *seen,
           GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _ed_sql_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  /* Rows already found may come again from a looser query. */
  sqlite3_bind_int64 (stmt, 2, limit == 0 ? -1 : (gint64) (limit + infos->len));
  sqlite3_bind_int (stmt, 3, (flags & ED_CASE_QUERY_INCLUDE_CLOSED) != 0);

  return _ed_store_sqlite_read_infos (stmt, infos, seen, limit, error);
}

/* Newest search row first: FTS5 walks its rowids backwards and stops
 * at the limit. */
static const char match_sql[] =
  "SELECT " ED_STORE_INFO_COLUMNS " FROM case_search s JOIN cases c ON c.id = s.case_id "
  "WHERE case_search MATCH ?1 AND c.trashed IS NULL AND (?3 OR c.status = 'open') "
  "ORDER BY s.rowid DESC LIMIT ?2";

static gboolean
search (sqlite3           *db,
        const char        *text,
        EdCaseQueryFlags   flags,
        guint              limit,
        GPtrArray         *infos,
        GError           **error)
{
  g_autoptr(EdSearchQuery) query = ed_search_query_new (text != NULL ? text : "");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  /* By next deadline: a closed case's counts as none, so the cases
   * without one follow, the most recently changed first. */
  if (ed_search_query_is_empty (query) && (flags & ED_CASE_QUERY_BY_DUE) != 0)
    return run_query (db, "SELECT " ED_STORE_INFO_COLUMNS " FROM cases c "
                          "WHERE c.trashed IS NULL AND (?3 OR c.status = 'open') "
                          "ORDER BY (c.status != 'open' OR c.next_due_at IS NULL), "
                          "CASE WHEN c.status = 'open' THEN c.next_due_at END, "
                          "c.modified DESC, c.search_rowid DESC LIMIT ?2",
                      NULL, flags, limit, infos, seen, error);
  if (ed_search_query_is_empty (query))
    return run_query (db, "SELECT " ED_STORE_INFO_COLUMNS " FROM cases c "
                          "WHERE c.trashed IS NULL AND (?3 OR c.status = 'open') "
                          "ORDER BY c.modified DESC, c.search_rowid DESC LIMIT ?2",
                      NULL, flags, limit, infos, seen, error);

  /* A reference typed whole is what the user wants, open or closed. */
  if (query->exact_reference != NULL &&
      !run_query (db, "SELECT " ED_STORE_INFO_COLUMNS " FROM cases c "
                      "WHERE c.reference = ?1 AND c.trashed IS NULL "
                      "AND (?3 OR c.status = 'open') LIMIT ?2",
                  query->exact_reference, ED_CASE_QUERY_INCLUDE_CLOSED, limit, infos, seen,
                  error))
    return FALSE;

  if (query->match_words != NULL &&
      !run_query (db, match_sql, query->match_words, flags, limit, infos, seen, error))
    return FALSE;

  if (query->match_inner != NULL && (limit == 0 || infos->len < limit) &&
      !run_query (db, match_sql, query->match_inner, flags, limit, infos, seen, error))
    return FALSE;

  return TRUE;
}

GPtrArray *
_ed_store_sqlite_search (EdStoreBackend    *backend,
                         const char        *text,
                         EdCaseQueryFlags   flags,
                         guint              limit,
                         GCancellable      *cancellable,
                         GError           **error)
{
  EdStoreSqlite *self = ED_STORE_SQLITE (backend);
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean ok;

  g_mutex_lock (&self->read_lock);
  if (cancellable != NULL)
    sqlite3_progress_handler (self->read_db, 1000, check_cancelled, cancellable);
  ok = search (self->read_db, text, flags, limit, infos, error);
  sqlite3_progress_handler (self->read_db, 0, NULL, NULL);
  g_mutex_unlock (&self->read_lock);

  return ok ? g_steal_pointer (&infos) : NULL;
}

EdCaseInfo *
_ed_store_sqlite_find_case (EdStoreBackend  *backend,
                            const char      *reference,
                            GError         **error)
{
  EdStoreSqlite *self = ED_STORE_SQLITE (backend);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean ok = FALSE;

  g_mutex_lock (&self->read_lock);
  stmt = _ed_sql_prepare (self->read_db, "SELECT " ED_STORE_INFO_COLUMNS " FROM cases c "
                                         "WHERE c.reference = ?1 AND c.trashed IS NULL", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_STATIC);
      ok = _ed_store_sqlite_read_infos (stmt, infos, NULL, 1, error);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_mutex_unlock (&self->read_lock);

  if (!ok || infos->len == 0)
    return NULL;

  return g_object_ref (g_ptr_array_index (infos, 0));
}

/* Through the index on case_deadlines.due_at: only the rows due by
 * @due_before are read. */
GPtrArray *
_ed_store_sqlite_list_due (EdStoreBackend  *backend,
                           gint64           now,
                           gint64           due_before,
                           GCancellable    *cancellable,
                           GError         **error)
{
  EdStoreSqlite *self = ED_STORE_SQLITE (backend);
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc = SQLITE_ERROR;

  reminders = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_reminder_free);

  g_mutex_lock (&self->read_lock);
  stmt = _ed_sql_prepare (self->read_db,
                          "SELECT " ED_STORE_INFO_COLUMNS ", "
                          "  sum (d.end_at <= ?1), sum (d.end_at > ?1) "
                          "FROM case_deadlines d JOIN cases c ON c.id = d.case_id "
                          "WHERE d.due_at <= ?2 AND c.status = 'open' AND c.trashed IS NULL "
                          "GROUP BY c.id ORDER BY min (d.due_at), c.id", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, now);
      sqlite3_bind_int64 (stmt, 2, due_before);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          EdReminder *reminder = g_new0 (EdReminder, 1);

          reminder->info = read_info_row (stmt);
          reminder->n_overdue = (guint) sqlite3_column_int (stmt, ED_STORE_INFO_N_COLUMNS);
          reminder->n_due_soon = (guint) sqlite3_column_int (stmt, ED_STORE_INFO_N_COLUMNS + 1);
          g_ptr_array_add (reminders, reminder);
        }
      if (!_ed_sql_finished (self->read_db, rc, error))
        g_clear_pointer (&reminders, g_ptr_array_unref);
    }
  else
    g_clear_pointer (&reminders, g_ptr_array_unref);
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_mutex_unlock (&self->read_lock);

  return g_steal_pointer (&reminders);
}
