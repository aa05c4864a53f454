/* ed-store-pg-search.c — search as you type, on the server
 *
 * The same tokens as the local search (ed-search-text.c: names and
 * passport numbers folded so that full-width, half-width, katakana and
 * hiragana, upper and lower case meet, with the inner suffixes marked
 * "_"), in one text column with a trigram index (pg_trgm). A term at the
 * start of a word is LIKE '% term%'; inside one, LIKE '% \_term%'. The
 * order is the local search's: a reference typed whole first, then
 * cases matching every term at the start of a word, then inside one,
 * the most recently changed first within each.
 *
 * Fast at any length of term: a term that matches many cases finds a
 * screenful among the most recent few thousand (an index walk that stops
 * early); only a rarer term, which found fewer there, asks the trigram
 * index over every case, which is quick precisely because the term is
 * rare. tests/bench/bench-pg-search.c types into a million cases.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ed-error.h"
#include "ed-search-text.h"
#include "ed-store-pg-private.h"

/* How many of the most recent cases a term is first looked for in. */
#define RECENT_WINDOW 4000

/* Who else has a case open: rows of live connections of other desks. */
#define PRESENCE_COLUMN \
  "(SELECT string_agg (DISTINCT p.role, ', ') FROM presence p " \
  "  WHERE p.case_id = c.id AND p.desk <> $1 " \
  "  AND EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = p.pid))"

#define SELECT_INFO "SELECT " ED_PG_INFO_COLUMNS ", " PRESENCE_COLUMN

typedef struct
{
  GPtrArray *sql;       /* the condition, "AND"ed */
  GPtrArray *values;    /* $4… */
} Condition;

static void
condition_clear (Condition *condition)
{
  g_clear_pointer (&condition->sql, g_ptr_array_unref);
  g_clear_pointer (&condition->values, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Condition, condition_clear)

/* $1 is the desk, $2 the limit, $3 whether closed cases count. */
#define FIRST_TERM 4

/* @before: what comes before the term in the text: " " at the start of a
 * word, " \\_" inside one. */
static char *
add_pattern (Condition  *condition,
             const char *before,
             const char *word)
{
  g_ptr_array_add (condition->values, g_strconcat ("%", before, word, "%", NULL));
  return g_strdup_printf ("c.search_text LIKE $%u", FIRST_TERM + condition->values->len - 1);
}

static void
condition_init (Condition          *condition,
                const EdSearchQuery *query,
                gboolean             inner)
{
  condition->sql = g_ptr_array_new_with_free_func (g_free);
  condition->values = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; query->words[i] != NULL; i++)
    {
      const char *word = query->words[i];
      g_autofree char *start = add_pattern (condition, " ", word);

      if (inner && ed_search_word_can_be_inner (word))
        {
          g_autofree char *inside = add_pattern (condition, " \\_", word);

          g_ptr_array_add (condition->sql, g_strdup_printf ("(%s OR %s)", start, inside));
        }
      else
        g_ptr_array_add (condition->sql, g_steal_pointer (&start));
    }
}

typedef struct
{
  EdStorePg        *self;
  PGconn           *conn;
  EdCaseQueryFlags  flags;
  guint             limit;
  GPtrArray        *infos;
  GHashTable       *seen;
} Search;

/* Runs @sql with the desk, a limit, the flags and @terms, and adds the
 * rows not seen yet; returns how many it added, -1 on error. */
static int
run (Search       *search,
     const char   *sql,
     GPtrArray    *terms,
     GError      **error)
{
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autofree char *limit = NULL;
  guint before = search->infos->len;

  /* Rows already found may come again: ask for as many more. */
  limit = search->limit == 0 ? NULL : g_strdup_printf ("%u", search->limit + before);
  g_ptr_array_add (values, search->self->desk);
  g_ptr_array_add (values, limit);
  g_ptr_array_add (values, (search->flags & ED_CASE_QUERY_INCLUDE_CLOSED) ? "t" : "f");
  for (guint i = 0; terms != NULL && i < terms->len; i++)
    g_ptr_array_add (values, g_ptr_array_index (terms, i));

  result = _ed_pg_exec (search->conn, sql, (int) values->len,
                        (const char * const *) values->pdata, error);
  if (result == NULL)
    return -1;

  _ed_pg_read_infos (search->self, result, search->seen, search->infos, search->limit);
  return (int) (search->infos->len - before);
}

static gboolean
full (Search *search)
{
  return search->limit != 0 && search->infos->len >= search->limit;
}

static gboolean
run_stage (Search               *search,
           const EdSearchQuery  *query,
           gboolean              inner,
           GError              **error)
{
  g_auto(Condition) condition = { 0 };
  g_autofree char *where = NULL;
  g_autofree char *recent = NULL;
  g_autofree char *everywhere = NULL;
  guint wanted = search->limit - search->infos->len;
  int found;

  condition_init (&condition, query, inner);
  g_ptr_array_add (condition.sql, NULL);
  where = g_strjoinv (" AND ", (char **) condition.sql->pdata);

  if (search->limit != 0)
    {
      recent = g_strdup_printf (SELECT_INFO " FROM (SELECT * FROM cases "
                                "WHERE trashed IS NULL AND ($3 OR status = 'open') "
                                "ORDER BY modified DESC, id DESC LIMIT %d) c "
                                "WHERE %s ORDER BY c.modified DESC, c.id DESC LIMIT $2",
                                RECENT_WINDOW, where);
      found = run (search, recent, condition.values, error);
      if (found < 0)
        return FALSE;
      if ((guint) found >= wanted)
        return TRUE;
    }

  /* A rare term: the trigram index finds its few cases, sorted after
   * (modified + 0 keeps the planner off the walk in date order). */
  everywhere = g_strdup_printf (SELECT_INFO " FROM cases c "
                                "WHERE %s AND c.trashed IS NULL AND ($3 OR c.status = 'open') "
                                "ORDER BY c.modified + 0 DESC, c.id DESC LIMIT $2", where);
  return run (search, everywhere, condition.values, error) >= 0;
}

static gboolean
search_locked (Search       *search,
               const char   *text,
               GError      **error)
{
  g_autoptr(EdSearchQuery) query = ed_search_query_new (text);

  if (ed_search_query_is_empty (query))
    return run (search, SELECT_INFO " FROM cases c "
                        "WHERE c.trashed IS NULL AND ($3 OR c.status = 'open') "
                        "ORDER BY c.modified DESC, c.id DESC LIMIT $2", NULL, error) >= 0;

  /* A reference typed whole is what the user wants, open or closed. */
  if (query->exact_reference != NULL)
    {
      g_autoptr(GPtrArray) terms = g_ptr_array_new ();
      EdCaseQueryFlags flags = search->flags;
      int found;

      g_ptr_array_add (terms, query->exact_reference);
      search->flags |= ED_CASE_QUERY_INCLUDE_CLOSED;
      found = run (search, SELECT_INFO " FROM cases c WHERE c.reference = $4 "
                           "AND c.trashed IS NULL AND ($3 OR c.status = 'open') LIMIT $2",
                   terms, error);
      search->flags = flags;
      if (found < 0)
        return FALSE;
    }

  if (query->words[0] == NULL)
    return TRUE;

  if (!full (search) && !run_stage (search, query, FALSE, error))
    return FALSE;
  if (!full (search) && query->match_inner != NULL && !run_stage (search, query, TRUE, error))
    return FALSE;

  return TRUE;
}

static void
on_cancelled (GCancellable *cancellable,
              gpointer      data)
{
  char message[256];

  PQcancel (data, message, sizeof message);
}

static GPtrArray *
backend_search (EdStoreBackend    *backend,
                const char        *text,
                EdCaseQueryFlags   flags,
                guint              limit,
                GCancellable      *cancellable,
                GError           **error)
{
  EdStorePg *self = ED_STORE_PG (backend);
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  Search search = { self, NULL, flags, limit, infos, seen };
  PGcancel *cancel = NULL;
  gulong handler = 0;
  gboolean ok = FALSE;

  g_mutex_lock (&self->reader.lock);
  if (_ed_pg_link_ready (self, &self->reader, error))
    {
      search.conn = self->reader.conn;
      if (cancellable != NULL)
        {
          cancel = PQgetCancel (search.conn);
          handler = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled), cancel, NULL);
        }
      ok = search_locked (&search, text, error);
      if (cancellable != NULL)
        {
          g_cancellable_disconnect (cancellable, handler);
          PQfreeCancel (cancel);
        }
    }
  g_mutex_unlock (&self->reader.lock);

  if (!ok)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return g_steal_pointer (&infos);
}

void
_ed_store_pg_search_iface (EdStoreBackendInterface *iface)
{
  iface->search = backend_search;
}
