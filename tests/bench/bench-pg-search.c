/* bench-pg-search.c — search as you type in an office database of a million cases
 *
 * Starts a PostgreSQL server of its own (tests/ed-test-pg.c), lets a desk
 * set up the office database, fills it with --cases cases (default
 * 1,000,000: the benchmark cases of ed-bench-cases.c, copied in with
 * COPY, the indexes made after), then types sequences such as "e", "er",
 * "eri" or "王", "王小" one keystroke at a time through a desk's EdStore,
 * as the GUI searches (ED_STORE_SEARCH_LIMIT rows, open cases), over TLS
 * on the loopback: the time is the server's and the protocol's, not a
 * network's.
 *
 * Prints one line per keystroke (median and worst of --repeat runs) and
 * exits 1 when the worst median is over --target ms (30).
 *
 * Then lists the cases by next deadline, as the case list does with
 * nothing typed: --with-deadline percent of the open cases have one
 * (default 75; the rest, done or waiting for data, come after them), the
 * first page (ED_STORE_SEARCH_LIMIT rows, open cases, and with the
 * closed ones), then longer reads (the store has no offset: a list read
 * further is read from its start). The first pages must take a median
 * under --list-target ms (50), and the statement must use the indexes
 * (EXPLAIN ANALYZE, printed): no sequential scan of the cases (from
 * 10,000 cases; a smaller table is rightly read whole).
 *
 *   meson test -C _build --benchmark --verbose pg-search
 *   _build/tests/bench/bench-pg-search --cases 1000000
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <libpq-fe.h>

#include "ed-bench-cases.h"
#include "ed-core.h"
#include "ed-store-pg.h"
#include "ed-store-pg-private.h"
#include "ed-test-pg.h"
#include "ed-test-util.h"

static void
append_copy_text (GString    *row,
                  const char *text)
{
  if (text == NULL)
    {
      g_string_append (row, "\\N");
      return;
    }
  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '\\': g_string_append (row, "\\\\"); break;
      case '\t': g_string_append (row, "\\t"); break;
      case '\n': g_string_append (row, "\\n"); break;
      case '\r': g_string_append (row, "\\r"); break;
      default: g_string_append_c (row, *p);
      }
}

static void
append_case (GString      *row,
             EdCaseRecord *record,
             GRand        *due_rand,
             double        with_deadline,
             gint64        now)
{
  g_autoptr(EdCaseInfo) info = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *names = NULL;
  g_autofree char *words = NULL;
  g_autofree char *inner = NULL;
  g_autofree char *data = NULL;

  /* As a desk writes it: a journey of its one procedure. */
  ed_case_record_ensure_journey (record);
  info = ed_case_record_to_info (record);
  node = ed_case_record_to_json (record);
  names = g_strjoinv ("\n", (char **) ed_case_info_get_names (info));
  json_object_remove_member (json_node_get_object (node), "sheets");
  data = json_to_string (node, FALSE);
  ed_store_pg_search_columns (record, &words, &inner);

  append_copy_text (row, record->reference);
  g_string_append_c (row, '\t');
  append_copy_text (row, record->procedure_id);
  g_string_append_printf (row, "\t%d\t\\N\t%s\t", record->procedure_version,
                          ed_case_status_to_string (record->status));
  if (record->status == ED_CASE_CLOSED)
    g_string_append_printf (row, "%" G_GINT64_FORMAT, record->closed);
  else
    g_string_append (row, "\\N");
  g_string_append_printf (row, "\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t",
                          record->created, record->modified);
  append_copy_text (row, names);
  g_string_append_printf (row, "\t%u\t%u\t", ed_case_info_get_n_travellers (info),
                          ed_case_info_get_n_done (info));
  append_copy_text (row, words);
  g_string_append_c (row, '\t');
  append_copy_text (row, inner);
  g_string_append_c (row, '\t');
  append_copy_text (row, data);

  /* Its next deadline, as a desk works it out: between a month ago and
   * eleven months on; none for a closed case. */
  if (record->status == ED_CASE_OPEN && g_rand_double (due_rand) * 100 < with_deadline)
    {
      gint64 due = now + g_rand_int_range (due_rand, -30 * 24, 330 * 24) * (gint64) 3600;
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (due);
      g_autofree char *day = g_date_time_format (when, "%F");

      g_string_append_printf (row, "\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\t", due,
                              due + 24 * 3600, day);
      append_copy_text (row, record->procedure_id);
      g_string_append (row, "\tbench");
    }
  else
    g_string_append (row, "\t\\N\t\\N\t\\N\t\\N\t\\N");
  g_string_append (row, "\n");
}

static void
exec_or_die (PGconn     *conn,
             const char *sql)
{
  PGresult *result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (result);
}

/* Straight in with COPY, as a migration of a big office would be done,
 * the indexes made once after: the desks' API writes a case at a time. */
static void
fill (PGconn *conn,
      guint   n_cases,
      GRand  *rand,
      double  with_deadline)
{
  /* Apart: the cases are those of the search benchmark's earlier runs. */
  g_autoptr(GRand) due_rand = g_rand_new_with_seed (20270120);
  g_autoptr(GHashTable) references = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) rows = g_string_new (NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 start = g_get_monotonic_time ();
  PGresult *result;

  exec_or_die (conn, "SET session_replication_role = replica");
  exec_or_die (conn, "DROP INDEX cases_recent");
  exec_or_die (conn, "DROP INDEX case_tokens_token");
  exec_or_die (conn, "DROP INDEX cases_next_due");
  exec_or_die (conn, "DROP INDEX cases_open_undated");
  exec_or_die (conn, "ALTER TABLE case_tokens DROP CONSTRAINT case_tokens_pkey");
  result = PQexec (conn, "COPY cases (reference, procedure_id, procedure_version, current_step, "
                         "status, closed, created, modified, names, n_travellers, n_done, "
                         "words, inner_words, data, next_due_at, next_due_end, next_due, "
                         "next_due_procedure, next_due_rule) FROM STDIN");
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_COPY_IN);
  PQclear (result);

  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(EdCaseRecord) record = ed_bench_make_record (rand, now);

      do
        {
          g_free (record->reference);
          record->reference = ed_case_reference_generate ();
        }
      while (!g_hash_table_add (references, g_strdup (record->reference)));

      append_case (rows, record, due_rand, with_deadline, now);
      if (rows->len > (1 << 20) || i + 1 == n_cases)
        {
          g_assert_cmpint (PQputCopyData (conn, rows->str, (int) rows->len), ==, 1);
          g_string_truncate (rows, 0);
        }
    }
  g_assert_cmpint (PQputCopyEnd (conn, NULL), ==, 1);
  result = PQgetResult (conn);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("COPY: %s", PQerrorMessage (conn));
  PQclear (result);
  printf ("Copied %u cases in %.1f s\n", n_cases,
          (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC);

  start = g_get_monotonic_time ();
  exec_or_die (conn, "SET maintenance_work_mem = '512MB'");
  /* What the trigger cases_tokens () makes, and the indexes, as
   * ed-store-pg-schema.c makes them. */
  exec_or_die (conn, "INSERT INTO case_tokens (case_id, token, modified, open, trashed) "
                     "SELECT DISTINCT id, t, modified, status = 'open', FALSE FROM ("
                     "SELECT id, modified, status, unnest (string_to_array (btrim (words), ' ')) "
                     "FROM cases UNION ALL SELECT id, modified, status, '_' || unnest ("
                     "string_to_array (btrim (inner_words), ' ')) FROM cases) x (id, modified, "
                     "status, t) WHERE t <> '' AND t <> '_'");
  exec_or_die (conn, "ALTER TABLE case_tokens ADD PRIMARY KEY (case_id, token)");
  exec_or_die (conn, "CREATE INDEX case_tokens_token ON case_tokens (token) "
                     "INCLUDE (modified, case_id, open, trashed)");
  exec_or_die (conn, "CREATE INDEX cases_recent ON cases (modified DESC, id DESC) "
                     "INCLUDE (status, words) WHERE trashed IS NULL");
  exec_or_die (conn, "CREATE INDEX cases_next_due ON cases (next_due_at) "
                     "WHERE next_due_at IS NOT NULL AND status = 'open' AND trashed IS NULL");
  exec_or_die (conn, "CREATE INDEX cases_open_undated ON cases (modified DESC, id DESC) "
                     "WHERE trashed IS NULL AND status = 'open' AND next_due_at IS NULL");
  exec_or_die (conn, "VACUUM ANALYZE cases");
  exec_or_die (conn, "VACUUM ANALYZE case_tokens");
  printf ("Indexed in %.1f s\n", (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* One row of the table: the list by next deadline, @limit rows. */
static double
measure_by_due (EdStore          *store,
                const char       *what,
                EdCaseQueryFlags  flags,
                guint             limit,
                guint             repeat)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint found = 0, dated = 0;
  double median;

  for (guint i = 0; i < repeat; i++)
    {
      g_autoptr(GPtrArray) infos = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      infos = ed_store_search (store, "", flags | ED_CASE_QUERY_BY_DUE, limit, NULL, &error);
      ms = (double) (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
      g_array_append_val (times, ms);
      found = infos->len;
      dated = 0;
      for (guint k = 0; k < infos->len; k++)
        if (ed_case_info_get_next_due (g_ptr_array_index (infos, k))->due_at != 0)
          dated++;
      /* By next deadline: the earliest first. */
      for (guint k = 1; k < dated; k++)
        g_assert_cmpint (ed_case_info_get_next_due (g_ptr_array_index (infos, k - 1))->due_at,
                         <=, ed_case_info_get_next_due (g_ptr_array_index (infos, k))->due_at);
    }

  g_array_sort (times, compare_doubles);
  median = g_array_index (times, double, times->len / 2);
  printf ("| %-36s | %5u | %5u | %9.2f | %8.2f |\n", what, found, dated, median,
          g_array_index (times, double, times->len - 1));
  fflush (stdout);
  return median;
}

/* The plan of the list by next deadline, as the store runs it: printed,
 * and FALSE when it reads the cases table from end to end. */
static gboolean
explain_by_due (PGconn     *conn,
                const char *limit,
                gboolean    closed)
{
  g_autofree char *sql = g_strconcat ("EXPLAIN (ANALYZE, BUFFERS) ", _ed_pg_by_due_sql (), NULL);
  const char *values[] = { "bench", limit, closed ? "t" : "f" };
  PGresult *result = PQexecParams (conn, sql, 3, NULL, values, NULL, NULL, 0);
  gboolean indexed = TRUE, by_due = FALSE;

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("EXPLAIN: %s", PQerrorMessage (conn));
  printf ("\nEXPLAIN ANALYZE, %s rows%s:\n", limit, closed ? ", with the closed cases" : "");
  for (int row = 0; row < PQntuples (result); row++)
    {
      const char *line = PQgetvalue (result, row, 0);

      printf ("  %s\n", line);
      if (strstr (line, "Seq Scan on cases") != NULL)
        indexed = FALSE;
      if (strstr (line, "cases_next_due") != NULL)
        by_due = TRUE;
    }
  PQclear (result);
  return indexed && by_due;
}

/* The list by next deadline: first pages against @target ms; longer
 * reads for information. Returns FALSE when slower, or when @conn is
 * given and a plan reads the cases from end to end (only checked from
 * 10,000 cases: a small table is rightly read whole). */
static gboolean
list_by_due (EdStore *store,
             PGconn  *conn,
             guint    n_cases,
             guint    repeat,
             double   target)
{
  g_autofree char *page = g_strdup_printf ("%u", ED_STORE_SEARCH_LIMIT);
  double worst = 0, median;
  gboolean indexed = TRUE;

  printf ("\n| by next deadline                     | found | dated | median ms | worst ms |\n");
  printf ("| ------------------------------------ | ----- | ----- | --------- | -------- |\n");
  median = measure_by_due (store, "first page (open cases)", ED_CASE_QUERY_OPEN,
                           ED_STORE_SEARCH_LIMIT, repeat);
  worst = MAX (worst, median);
  median = measure_by_due (store, "first page (with the closed cases)",
                           ED_CASE_QUERY_INCLUDE_CLOSED, ED_STORE_SEARCH_LIMIT, repeat);
  worst = MAX (worst, median);
  median = measure_by_due (store, "any case (the welcome page or not)",
                           ED_CASE_QUERY_INCLUDE_CLOSED, 1, repeat);
  worst = MAX (worst, median);
  measure_by_due (store, "5 pages (1000 rows)", ED_CASE_QUERY_OPEN, 1000, repeat);
  measure_by_due (store, "25 pages (5000 rows)", ED_CASE_QUERY_OPEN, 5000, repeat);

  if (conn != NULL)
    {
      indexed = explain_by_due (conn, page, FALSE) && indexed;
      indexed = explain_by_due (conn, page, TRUE) && indexed;
    }
  printf ("\nList by next deadline: worst median of a first page %.2f ms (target %.1f ms)%s\n",
          worst, target, indexed ? ", through the indexes" : ", NOT through the indexes");
  return worst <= target && (indexed || n_cases < 10000);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20221011);
  g_autofree char *data_home = NULL;
  g_autofree char *database = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *size = NULL;
  EdTestPg *server;
  PGconn *conn;
  g_autofree char *existing = NULL;
  int n_cases = 1000000, repeat = 7, keep = 0;
  double target = 30.0, worst = 0.0, list_target = 50.0, with_deadline = 75.0;
  gboolean listed, list_only = FALSE;
  const GOptionEntry entries[] = {
    { "cases", 0, 0, G_OPTION_ARG_INT, &n_cases, "Cases to fill the database with", "N" },
    { "repeat", 0, 0, G_OPTION_ARG_INT, &repeat, "Runs of each search", "N" },
    { "target", 0, 0, G_OPTION_ARG_DOUBLE, &target, "Worst median allowed, in ms", "MS" },
    { "keep", 0, 0, G_OPTION_ARG_INT, &keep, "Keep the server up this long after", "S" },
    { "list-target", 0, 0, G_OPTION_ARG_DOUBLE, &list_target,
      "Worst median of a first page by next deadline allowed, in ms", "MS" },
    { "with-deadline", 0, 0, G_OPTION_ARG_DOUBLE, &with_deadline,
      "Percent of the open cases with a next deadline", "P" },
    { "list-only", 0, 0, G_OPTION_ARG_NONE, &list_only,
      "Only the list by next deadline, no typing", NULL },
    { "uri", 0, 0, G_OPTION_ARG_STRING, &existing,
      "Only type, into this database (one filled and kept by an earlier run)", "URI" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_cases < 1 || repeat < 1)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "--cases and --repeat must be > 0");
      return 2;
    }
  if (!ed_test_pg_available ())
    {
      printf ("PostgreSQL (initdb) or openssl is not installed: run build-aux/deps\n");
      return 77;
    }

  if (existing != NULL)
    {
      store = ed_store_open (existing, NULL, &error);
      g_assert_no_error (error);
      if (!list_only)
        worst = ed_bench_type (store, (guint) repeat);
      printf ("\nWorst median per keystroke: %.2f ms (target %.1f ms)\n", worst, target);
      /* No plans: the desk's role may not EXPLAIN through its view. */
      listed = list_by_due (store, NULL, 0, (guint) repeat, list_target);
      return worst <= target && listed ? 0 : 1;
    }

  data_home = ed_test_make_tmpdir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  /* An office's server, set up as README "An office database" says:
   * shared_buffers a quarter of the memory it has (here 2 GB). */
  server = ed_test_pg_start_with ("-c shared_buffers=2GB -c effective_cache_size=6GB "
                                  "-c work_mem=16MB");
  database = ed_test_pg_new_database (server);
  uri = ed_test_pg_uri (server, "office_admin", database);
  g_clear_object (&store);
  store = ed_store_open (uri, NULL, &error);   /* sets the database up */
  g_assert_no_error (error);
  g_clear_object (&store);

  conn = ed_test_pg_connect (server, database);
  fill (conn, (guint) n_cases, rand, with_deadline);
  {
    PGresult *result = PQexec (conn, "SELECT pg_size_pretty "
                                     "(pg_database_size (current_database ()))");

    size = g_strdup (PQgetvalue (result, 0, 0));
    PQclear (result);
  }

  g_free (uri);
  uri = ed_test_pg_uri (server, "alice", database);
  store = ed_store_open (uri, NULL, &error);
  g_assert_no_error (error);
  printf ("The database is %s\n\n", size);

  if (!list_only)
    worst = ed_bench_type (store, (guint) repeat);

  printf ("\nWorst median per keystroke: %.2f ms (target %.1f ms) over %d cases\n",
          worst, target, n_cases);

  listed = list_by_due (store, conn, (guint) n_cases, (guint) repeat, list_target);
  PQfinish (conn);

  g_clear_object (&store);
  if (keep > 0)
    {
      printf ("The server stays up for %d s: psql -h %s -p %s -U postgres %s\n", keep,
              ed_test_pg_get_dir (server), strrchr (strrchr (uri, '@'), ':') + 1, database);
      fflush (stdout);
      g_usleep ((gulong) keep * G_USEC_PER_SEC);
    }
  ed_test_pg_stop (server);
  ed_test_rm_rf (data_home);
  return worst <= target && listed ? 0 : 1;
}
