/* ed-store-pg-search.c — search as you type, on the server
 *
 * The same tokens as the local search (ed-search-text.c: names and
 * passport numbers folded so that full-width, half-width, katakana and
 * hiragana, upper and lower case meet; inner parts of words marked "_").
 * The order is the local search's: a reference typed whole first, then
 * cases matching every term at the start of a word, then the others
 * matching every term, the most recently changed first within each.
 *
 * Fast at any length of term, in two ways:
 * - the most recent RECENT_WINDOW cases first, from an index that holds
 *   their words (cases_recent): a term that matches often finds a
 *   screenful there at once, and one that matches less often in more of
 *   them, while that costs less than the token index;
 * - a rarer term is a range of the B-tree of every token (case_tokens):
 *   the longest term's cases are read from the index alone, newest
 *   first, and each checked for the other terms until a screenful.
 * A trigram index (pg_trgm) was tried first: a term in one case of a
 * hundred took 60 to 100 ms over a million cases, its rows being read
 * and checked one by one; the token ranges take a few.
 * tests/bench/bench-pg-search.c types into a million cases.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ed-error.h"
#include "ed-search-text.h"
#include "ed-store-pg-private.h"

/* How many of the most recent cases a term is first looked for in; a
 * term found too seldom there for a screenful but too often for the
 * token index to be quicker is looked for in more, up to the last. */
#define RECENT_WINDOW 5000
#define LAST_WINDOW   100000
/* Reading a case from the token index costs about as much as this many
 * cases of the window. */
#define TOKEN_COST    4

/* Who else has a case open: rows of live connections of other desks. */
#define PRESENCE_COLUMN \
  "(SELECT string_agg (DISTINCT p.role, ', ') FROM presence p " \
  "  WHERE p.case_id = c.id AND p.desk <> $1 " \
  "  AND EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = p.pid)) AS open_elsewhere"

#define SELECT_INFO "SELECT " ED_PG_INFO_COLUMNS ", " PRESENCE_COLUMN

/* $1 is the desk, $2 the limit, $3 whether closed cases count; the
 * terms' patterns follow. */
#define FIRST_TERM 4

typedef struct
{
  char      *words_in_any;  /* every term at the start of a word */
  char      *any;           /* every term at the start of a word or inside one */
  GPtrArray *values;        /* $4… */
} Condition;

static void
condition_clear (Condition *condition)
{
  g_clear_pointer (&condition->words_in_any, g_free);
  g_clear_pointer (&condition->any, g_free);
  g_clear_pointer (&condition->values, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Condition, condition_clear)

/* @before: what comes before the term in the words: " " at a word's
 * start, "" anywhere in one. */
static char *
add_pattern (GPtrArray  *values,
             const char *before,
             const char *word)
{
  g_ptr_array_add (values, g_strconcat ("%", before, word, "%", NULL));
  return g_strdup_printf ("c.words LIKE $%u", FIRST_TERM + values->len - 1);
}

/* The window's conditions, on the whole words alone: a term that may
 * match inside a word (ed_search_word_can_be_inner()) is anywhere in
 * one, which is what the inner tokens hold; the index then holds only
 * the words, and a window of thousands is a few hundred pages. */
static void
condition_init (Condition           *condition,
                const EdSearchQuery *query)
{
  g_autoptr(GPtrArray) starts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) any = g_ptr_array_new_with_free_func (g_free);

  condition->values = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; query->words[i] != NULL; i++)
    {
      const char *word = query->words[i];
      g_autofree char *start = add_pattern (condition->values, " ", word);

      if (ed_search_word_can_be_inner (word))
        g_ptr_array_add (any, add_pattern (condition->values, "", word));
      else
        g_ptr_array_add (any, g_strdup (start));
      g_ptr_array_add (starts, g_steal_pointer (&start));
    }
  g_ptr_array_add (starts, NULL);
  g_ptr_array_add (any, NULL);
  condition->words_in_any = g_strjoinv (" AND ", (char **) starts->pdata);
  condition->any = g_strjoinv (" AND ", (char **) any->pdata);
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

/* Runs @sql with the desk, a limit, the flags and @terms. */
static PGresult *
run (Search       *search,
     const char   *sql,
     GPtrArray    *terms,
     GError      **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autofree char *limit = NULL;

  /* Rows already found may come again: ask for as many more. */
  if (search->limit != 0)
    limit = g_strdup_printf ("%u", search->limit + search->infos->len);
  g_ptr_array_add (values, search->self->desk);
  g_ptr_array_add (values, limit);
  g_ptr_array_add (values, (search->flags & ED_CASE_QUERY_INCLUDE_CLOSED) ? "t" : "f");
  for (guint i = 0; terms != NULL && i < terms->len; i++)
    g_ptr_array_add (values, g_ptr_array_index (terms, i));

  return _ed_pg_exec (search->conn, sql, (int) values->len,
                      (const char * const *) values->pdata, error);
}

/* Adds the rows of @result not seen yet; FALSE on error. */
static gboolean
run_and_add (Search       *search,
             const char   *sql,
             GPtrArray    *terms,
             GError      **error)
{
  g_autoptr(PGresult) result = run (search, sql, terms, error);

  if (result == NULL)
    return FALSE;
  _ed_pg_read_infos (search->self, result, search->seen, search->infos, search->limit);
  return TRUE;
}

static gboolean
full (Search *search)
{
  return search->limit != 0 && search->infos->len >= search->limit;
}

/* The window's rows come rank 1 (words) first, then rank 2. */
static int
count_rank_1 (PGresult *result,
              int       rank_column)
{
  int n = 0;

  while (n < PQntuples (result) && PQgetvalue (result, n, rank_column)[0] == '1')
    n++;
  return n;
}

/* A term's weight: the longer, the rarer; a kana counts as two letters,
 * a Han character as three. */
static guint
term_weight (const char *word)
{
  guint weight = 0;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      weight += c >= 0x3040 && c <= 0x30FF ? 2 : c >= 0x2E80 ? 3 : 1;
    }
  return weight;
}

/* From this weight on, a term's range is small enough to be read whole
 * and joined; a lighter one ("w", "た") is checked case by case. */
#define JOIN_WEIGHT 3

/* The ranges of case_tokens a term reads: at a word's start, and
 * inside one when @inner. */
static void
add_ranges (GPtrArray   *values,
            GPtrArray   *ranges,
            const char  *word,
            gboolean     inner)
{
  g_ptr_array_add (values, g_strconcat (word, "%", NULL));
  g_ptr_array_add (ranges, g_strdup_printf ("$%u", FIRST_TERM + values->len - 1));
  if (inner && ed_search_word_can_be_inner (word))
    {
      g_ptr_array_add (values, g_strconcat ("\\_", word, "%", NULL));
      g_ptr_array_add (ranges, g_strdup_printf ("$%u", FIRST_TERM + values->len - 1));
    }
}

/* Every case matching all the terms (at the start of words, or @inner
 * too), newest first, from case_tokens: the heaviest term's ranges read
 * from the index alone (one scan a range: an OR of them would read the
 * table), the others checked case by case until $2. A case twice in the
 * ranges comes twice, side by side: the caller skips the second. */
static char *
tokens_sql (const EdSearchQuery *query,
            gboolean             inner,
            GPtrArray           *values)
{
  g_autoptr(GPtrArray) ranges = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) driver = g_string_new (NULL);
  g_autoptr(GString) others = g_string_new (NULL);
  guint heaviest = 0;

  for (guint i = 1; query->words[i] != NULL; i++)
    if (term_weight (query->words[i]) > term_weight (query->words[heaviest]))
      heaviest = i;

  add_ranges (values, ranges, query->words[heaviest], inner);
  for (guint r = 0; r < ranges->len; r++)
    g_string_append_printf (driver, "%sSELECT case_id, modified FROM case_tokens "
                                    "WHERE token LIKE %s AND NOT trashed AND ($3 OR open)",
                            r > 0 ? " UNION ALL " : "", (char *) g_ptr_array_index (ranges, r));

  for (guint i = 0; query->words[i] != NULL; i++)
    if (i != heaviest)
      {
        g_autoptr(GPtrArray) other = g_ptr_array_new_with_free_func (g_free);
        g_autoptr(GString) any = g_string_new (NULL);

        add_ranges (values, other, query->words[i], inner);
        for (guint r = 0; r < other->len; r++)
          g_string_append_printf (any, "%su.token LIKE %s", r > 0 ? " OR " : "",
                                  (char *) g_ptr_array_index (other, r));
        /* A term of many cases, as a scalar subquery: EXISTS would be a
         * semi-join that reads the term's whole range first. */
        if (term_weight (query->words[i]) >= JOIN_WEIGHT)
          g_string_append_printf (others, " AND EXISTS (SELECT 1 FROM case_tokens u "
                                          "WHERE u.case_id = d.case_id AND (%s))", any->str);
        else
          g_string_append_printf (others, " AND (SELECT TRUE FROM case_tokens u "
                                          "WHERE u.case_id = d.case_id AND (%s) LIMIT 1)",
                                  any->str);
      }

  /* OFFSET 0: sorted first, then checked lazily until the limit, which
   * leaves room for a few cases found twice. */
  return g_strdup_printf (SELECT_INFO " FROM (SELECT d.case_id, d.modified FROM ("
                          "SELECT case_id, modified FROM (%s) t "
                          "ORDER BY modified DESC, case_id DESC OFFSET 0) d WHERE TRUE%s "
                          "LIMIT $2 + 16) m JOIN cases c ON c.id = m.case_id "
                          "ORDER BY m.modified DESC, c.id DESC", driver->str, others->str);
}

/* The most recent @window cases that match every term, read from
 * cases_recent alone, rank 1 (every term at a word's start) first; the
 * rows of the screenful found then read in full. */
static PGresult *
run_window (Search     *search,
            Condition  *condition,
            guint       window,
            int        *n_words,
            GError    **error)
{
  g_autofree char *sql = NULL;
  PGresult *result;

  sql = g_strdup_printf (SELECT_INFO ", w.rank FROM (SELECT c.id, c.modified, "
                         "CASE WHEN %s THEN 1 ELSE 2 END AS rank FROM (SELECT id, modified, "
                         "words FROM cases WHERE trashed IS NULL "
                         "AND ($3 OR status = 'open') ORDER BY modified DESC, id DESC "
                         "LIMIT %u) c WHERE %s ORDER BY 3, c.modified DESC, c.id DESC "
                         "LIMIT $2) w JOIN cases c ON c.id = w.id "
                         "ORDER BY w.rank, c.modified DESC, c.id DESC",
                         condition->words_in_any, window, condition->any);
  result = run (search, sql, condition->values, error);
  if (result != NULL)
    *n_words = count_rank_1 (result, PQfnumber (result, "rank"));
  return result;
}

static double
count_cases (Search *search)
{
  g_autoptr(PGresult) result = NULL;

  result = _ed_pg_exec (search->conn, "SELECT reltuples FROM pg_class "
                                      "WHERE oid = 'cases'::regclass", 0, NULL, NULL);
  return result != NULL && PQntuples (result) == 1 ? g_ascii_strtod (PQgetvalue (result, 0, 0),
                                                                      NULL) : 0.0;
}

/* A window larger than @window that should hold @wanted of what was
 * found @found times in it, when reading it costs less than reading the
 * token index; 0 when not. */
static guint
larger_window (Search *search,
               guint   window,
               guint   found,
               guint   wanted,
               double *n_cases)
{
  double density, larger;

  if (found == 0 || window >= LAST_WINDOW)
    return 0;
  if (*n_cases <= 0.0)
    *n_cases = count_cases (search);

  density = (double) found / window;
  larger = 1.3 * wanted / density;
  if (larger > LAST_WINDOW || larger >= *n_cases || larger <= window ||
      larger > TOKEN_COST * density * *n_cases)
    return 0;
  return (guint) larger;
}

static gboolean
search_terms (Search               *search,
              const EdSearchQuery  *query,
              GError              **error)
{
  g_auto(Condition) condition = { 0 };
  g_autoptr(PGresult) recent = NULL;
  g_autoptr(GPtrArray) words_values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) any_values = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *words_sql = tokens_sql (query, FALSE, words_values);
  g_autofree char *any_sql = tokens_sql (query, TRUE, any_values);
  double n_cases = 0.0;
  guint window = RECENT_WINDOW;
  guint larger;
  int n_words = 0;

  /* Everything asked for: the token index, no window. */
  if (search->limit == 0)
    return run_and_add (search, words_sql, words_values, error) &&
           run_and_add (search, any_sql, any_values, error);

  condition_init (&condition, query);
  recent = run_window (search, &condition, window, &n_words, error);
  if (recent == NULL)
    return FALSE;

  /* Enough at the start of a word among the most recent: the most recent
   * of all. A term somewhat rarer: more of the most recent. Rarer still:
   * the token index finds the few there are. */
  larger = larger_window (search, window, (guint) n_words,
                          search->limit - search->infos->len, &n_cases);
  if ((guint) n_words < search->limit - search->infos->len && larger > 0)
    {
      g_clear_pointer (&recent, PQclear);
      window = larger;
      recent = run_window (search, &condition, window, &n_words, error);
      if (recent == NULL)
        return FALSE;
    }
  if ((guint) n_words >= search->limit - search->infos->len)
    {
      _ed_pg_read_infos (search->self, recent, search->seen, search->infos, search->limit);
      return TRUE;
    }
  if (!run_and_add (search, words_sql, words_values, error))
    return FALSE;
  if (full (search) || query->match_inner == NULL)
    return TRUE;

  /* The same for the rest: inside words too. */
  larger = larger_window (search, window, (guint) (PQntuples (recent) - n_words),
                          search->limit - search->infos->len, &n_cases);
  if ((guint) (PQntuples (recent) - n_words) < search->limit - search->infos->len &&
      larger > 0)
    {
      g_clear_pointer (&recent, PQclear);
      recent = run_window (search, &condition, larger, &n_words, error);
      if (recent == NULL)
        return FALSE;
    }
  if ((guint) (PQntuples (recent) - n_words) >= search->limit - search->infos->len)
    {
      _ed_pg_read_infos (search->self, recent, search->seen, search->infos, search->limit);
      return TRUE;
    }
  return run_and_add (search, any_sql, any_values, error);
}

/* The list by next deadline: see search_locked(). Three ranges of an
 * index each: the open cases with a deadline (cases_next_due), the open
 * ones without (cases_open_undated: when nearly every open case has a
 * deadline, looking for the others among the most recent cases would
 * read them all), and the closed ones when they are listed
 * (cases_recent; not read at all when not). Who else has a case open is
 * looked up for the rows kept only. */
static const char by_due_sql[] =
  "SELECT " ED_PG_INFO_COLUMNS ", " PRESENCE_COLUMN " FROM ("
  "(SELECT " ED_PG_INFO_COLUMNS ", 1 AS due_rank FROM cases c "
  "WHERE c.trashed IS NULL AND c.status = 'open' "
  "AND c.next_due_at IS NOT NULL "
  "ORDER BY c.next_due_at, c.modified DESC, c.id DESC LIMIT $2) "
  "UNION ALL "
  "(SELECT " ED_PG_INFO_COLUMNS ", 2 FROM cases c "
  "WHERE c.trashed IS NULL AND c.status = 'open' AND c.next_due_at IS NULL "
  "ORDER BY c.modified DESC, c.id DESC LIMIT $2) "
  "UNION ALL "
  "(SELECT " ED_PG_INFO_COLUMNS ", 2 FROM cases c "
  "WHERE $3 AND c.trashed IS NULL AND c.status <> 'open' "
  "ORDER BY c.modified DESC, c.id DESC LIMIT $2)) c "
  "ORDER BY c.due_rank, CASE WHEN c.due_rank = 1 "
  "THEN c.next_due_at END, c.modified DESC, c.id DESC "
  "LIMIT $2";

/**
 * _ed_pg_by_due_sql:
 *
 * Returns: the statement that lists cases by next deadline ($1 the desk,
 *   $2 the most rows, $3 whether closed cases count), for the benchmark
 *   to EXPLAIN
 */
const char *
_ed_pg_by_due_sql (void)
{
  return by_due_sql;
}

static gboolean
search_locked (Search       *search,
               const char   *text,
               GError      **error)
{
  g_autoptr(EdSearchQuery) query = ed_search_query_new (text);

  /* By next deadline, as a desk's own store: a closed case's counts as
   * none. Ranges of an index each, not a sort of every case: the open
   * cases with a deadline, then the others, the most recently changed
   * first (by_due_sql). */
  if (ed_search_query_is_empty (query) && (search->flags & ED_CASE_QUERY_BY_DUE) != 0)
    return run_and_add (search, by_due_sql, NULL, error);
  if (ed_search_query_is_empty (query))
    return run_and_add (search, SELECT_INFO " FROM cases c "
                                "WHERE c.trashed IS NULL AND ($3 OR c.status = 'open') "
                                "ORDER BY c.modified DESC, c.id DESC LIMIT $2", NULL, error);

  /* A reference typed whole is what the user wants, open or closed. */
  if (query->exact_reference != NULL)
    {
      g_autoptr(GPtrArray) terms = g_ptr_array_new ();
      EdCaseQueryFlags flags = search->flags;
      gboolean ok;

      g_ptr_array_add (terms, query->exact_reference);
      search->flags |= ED_CASE_QUERY_INCLUDE_CLOSED;
      ok = run_and_add (search, SELECT_INFO " FROM cases c WHERE c.reference = $4 "
                                "AND c.trashed IS NULL AND ($3 OR c.status = 'open') LIMIT $2",
                        terms, error);
      search->flags = flags;
      if (!ok)
        return FALSE;
    }

  if (query->words[0] == NULL || full (search))
    return TRUE;
  return search_terms (search, query, error);
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
