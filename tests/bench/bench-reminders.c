/* bench-reminders.c — the reminder check and the list by next deadline
 * over a store of open cases with journeys
 *
 * Fills a new store with --cases open cases (default 1,000), each
 * started from a journey template (jp-new-hire, cn-new-hire,
 * jp-business-visit, cn-business-visit), with one to three travellers
 * arriving between 30 days before and 330 days after a fixed "now"
 * (2027-01-20 09:00 in Tokyo), and with the dates of those who arrived
 * more than two weeks before "now" marked done, as staff would. Then
 * measures, each --repeat times:
 *
 *  - the reminder check (ed_store_check_reminders(): the cases with a
 *    deadline overdue or due within 3 days, each one's timeline at
 *    "now"), against --target ms (50);
 *  - the case list by next deadline (ED_STORE_SEARCH_LIMIT rows), as
 *    the window shows it at start-up.
 *
 * With --all-due every case has a deadline due soon: the check's worst
 * case, printed for information.
 *
 *   meson test -C _build --benchmark --verbose
 *   _build/tests/bench/bench-reminders --cases 1000
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "ed-case-record.h"
#include "ed-core.h"
#include "ed-store-sqlite-private.h"
#include "ed-test-util.h"

static const char * const journeys[] = {
  "jp-new-hire", "jp-new-hire", "cn-new-hire", "cn-new-hire", "jp-business-visit",
  "cn-business-visit",
};

static const char * const surnames[] = {
  "ZHANG", "WANG", "LI", "ERIKSSON", "GARCIA", "NGUYEN", "SMITH", "MUELLER", "TANAKA", "KIM",
};

static EdTraveller *
make_traveller (GRand      *rand,
                const char *journey,
                const char *arrival)
{
  EdTraveller *traveller = ed_traveller_new ();
  gboolean japan = g_str_has_prefix (journey, "jp-");
  g_autofree char *passport = g_strdup_printf ("E%08d", g_rand_int_range (rand, 0, 99999999));

  ed_traveller_set (traveller, "surname", surnames[g_rand_int_range (rand, 0,
                                                                      G_N_ELEMENTS (surnames))]);
  ed_traveller_set (traveller, "given_names", "WEI");
  ed_traveller_set (traveller, "nationality", japan ? "CHN" : "DEU");
  ed_traveller_set (traveller, "birth_date", "1990-05-17");
  ed_traveller_set (traveller, "passport_number", passport);
  ed_traveller_set (traveller, "arrival_date", arrival);
  ed_traveller_set (traveller, "arrival_time", "14:35");
  ed_traveller_set (traveller, "stay_expiry", "2028-03-31");
  if (japan && g_str_has_suffix (journey, "-new-hire"))
    {
      ed_traveller_set (traveller, "status_of_residence", "engineer-humanities-international");
      ed_traveller_set_answer (traveller, "mid-long-term", "yes");
      ed_traveller_set_answer (traveller, "hire-date", arrival);
      ed_traveller_set_answer (traveller, "employment-insurance", "yes");
      ed_traveller_set_answer (traveller, "employer-insurance", "no");
      ed_traveller_set_answer (traveller, "employee-pension", "no");
    }
  else if (japan)
    ed_traveller_set (traveller, "status_of_residence", "temporary-visitor");
  else
    {
      ed_traveller_set (traveller, "visa_type", g_str_has_suffix (journey, "-new-hire") ? "Z"
                                                                                        : "none");
      ed_traveller_set_answer (traveller, "stay-at-hotel", "no");
      ed_traveller_set_answer (traveller, "stay-one-year", "yes");
    }
  return traveller;
}

/* Marks done every date of the case that falls due before @before. */
static void
mark_done_before (EdCaseRecord *record,
                  EdCatalog    *catalog,
                  GDateTime    *now,
                  gint64        before)
{
  g_autoptr(EdTimeline) timeline = ed_case_record_compute_timeline (record, catalog, now, 3);

  for (guint i = 0; i < ed_timeline_get_n_entries (timeline); i++)
    {
      const EdTimelineEntry *entry = ed_timeline_get_entry (timeline, i);
      EdRecordTick tick;

      if (entry->due_at >= before)
        break;
      tick = (EdRecordTick) {
        .traveller = (int) entry->traveller_index,
        .procedure_id = g_strdup (ed_procedure_get_id (entry->procedure)),
        .step_id = g_strdup (ED_CASE_DATES_STEP),
        .item_id = g_strdup (entry->due->period->id),
        .done_at = before,
      };
      g_array_append_val (record->ticks, tick);
    }
}

static EdCaseRecord *
make_record (GRand     *rand,
             EdCatalog *catalog,
             GDateTime *now,
             gboolean   all_due)
{
  const char *journey_id = journeys[g_rand_int_range (rand, 0, G_N_ELEMENTS (journeys))];
  EdJourney *journey = ed_catalog_lookup_journey (catalog, journey_id);
  g_autoptr(GPtrArray) travellers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) proposals = NULL;
  /* All due: the 14-day and 24-hour deadlines fall within 3 days. */
  int offset = all_due ? g_rand_int_range (rand, -13, -11) : g_rand_int_range (rand, -30, 330);
  g_autoptr(GDateTime) day = g_date_time_add_days (now, offset);
  g_autofree char *arrival = g_date_time_format (day, "%Y-%m-%d");
  int size = g_rand_int_range (rand, 0, 10) < 7 ? 1 : g_rand_int_range (rand, 2, 4);
  EdCaseRecord *record = ed_case_record_new ();
  GDate today;

  for (int i = 0; i < size; i++)
    g_ptr_array_add (travellers, make_traveller (rand, journey_id, arrival));

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 20, 1, 2027);
  proposals = ed_journey_propose (journey, catalog, travellers, &today);
  for (guint i = 0; i < proposals->len; i++)
    {
      EdProposal *proposal = g_ptr_array_index (proposals, i);

      if (proposal->applies != ED_APPLIES_NO)
        ed_case_record_add_procedure (record, ed_procedure_get_id (proposal->procedure),
                                      ed_procedure_get_version (proposal->procedure));
    }
  if (record->procedures->len == 0)
    ed_case_record_add_procedure (record, ((EdJourneyItem *) g_ptr_array_index (
                                             ed_journey_get_items (journey), 0))->id, 1);

  record->journey_id = g_strdup (journey_id);
  record->created = record->modified = g_date_time_to_unix (now) - 86400;
  g_ptr_array_extend_and_steal (record->travellers, g_steal_pointer (&travellers));
  if (!all_due && offset < -14)
    mark_done_before (record, catalog, now, g_date_time_to_unix (now) - 86400);
  ed_case_record_update_next_due (record, catalog);

  return record;
}

/* Straight into the tables, in one transaction: the public API commits
 * (and syncs) once a case, as a person adds them. */
static void
fill (EdStore   *store,
      EdCatalog *catalog,
      GDateTime *now,
      guint      n_cases,
      gboolean   all_due,
      GRand     *rand)
{
  EdStoreSqlite *sqlite = ED_STORE_SQLITE (ed_store_get_backend (store));
  g_autoptr(GError) error = NULL;

  g_mutex_lock (&sqlite->db_lock);
  g_assert_true (_ed_sql_begin (sqlite->db, &error));
  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(EdCaseRecord) record = make_record (rand, catalog, now, all_due);

      if (!_ed_store_sqlite_insert_record (sqlite->db, record, TRUE, &error))
        g_error ("%s", error->message);
    }
  g_assert_true (_ed_sql_commit (sqlite->db, &error));
  g_assert_true (_ed_sql_exec (sqlite->db, "PRAGMA wal_checkpoint (TRUNCATE)", &error));
  g_mutex_unlock (&sqlite->db_lock);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdStore) store = NULL;
  g_autoptr(EdCatalog) catalog = ed_catalog_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20270120);
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("Asia/Tokyo");
  g_autoptr(GDateTime) now = g_date_time_new (tokyo, 2027, 1, 20, 9, 0, 0);
  g_autofree char *procedures = ed_paths_system_procedures_dir ();
  g_autofree char *journey_dir = ed_paths_system_journeys_dir ();
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree double *check = NULL;
  g_autofree double *list = NULL;
  int n_cases = 1000, repeat = 15;
  double target = 50.0;
  gboolean all_due = FALSE;
  g_autofree char *keep = NULL;
  guint n_reminders = 0, n_listed = 0, n_overdue = 0;
  gint64 start;
  const GOptionEntry entries[] = {
    { "cases", 0, 0, G_OPTION_ARG_INT, &n_cases, "Open cases to fill the store with", "N" },
    { "repeat", 0, 0, G_OPTION_ARG_INT, &repeat, "Runs of each measure", "N" },
    { "target", 0, 0, G_OPTION_ARG_DOUBLE, &target, "Median check allowed, in ms", "MS" },
    { "all-due", 0, 0, G_OPTION_ARG_NONE, &all_due, "Every case has a deadline due soon", NULL },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep,
      "Keep the filled store as this file (bench-startup opens it)", "FILE" },
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

  ed_catalog_load_directory (catalog, procedures, ED_ORIGIN_SYSTEM);
  ed_catalog_load_journey_directory (catalog, journey_dir, ED_ORIGIN_SYSTEM);
  g_assert_cmpuint (ed_catalog_get_errors (catalog)->len, ==, 0);

  dir = ed_test_make_tmpdir ();
  path = g_build_filename (dir, "cases.db", NULL);
  store = ed_store_open (path, NULL, &error);
  g_assert_no_error (error);
  ed_store_set_catalog (store, catalog);

  start = g_get_monotonic_time ();
  fill (store, catalog, now, (guint) n_cases, all_due, rand);
  printf ("Filled %d open cases with journeys in %.1f s%s\n", n_cases,
          (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC,
          all_due ? " (every one with a deadline due soon)" : "");

  /* As at a start: the store opened again, nothing cached. */
  g_clear_object (&store);
  store = ed_store_open (path, NULL, &error);
  g_assert_no_error (error);
  ed_store_set_catalog (store, catalog);

  check = g_new0 (double, repeat);
  list = g_new0 (double, repeat);
  for (int r = 0; r < repeat; r++)
    {
      g_autoptr(GPtrArray) reminders = NULL;
      g_autoptr(GPtrArray) infos = NULL;

      start = g_get_monotonic_time ();
      reminders = ed_store_check_reminders (store, now, ED_TIMELINE_SOON_DAYS, NULL, &error);
      check[r] = (double) (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
      n_reminders = reminders->len;
      n_overdue = 0;
      for (guint i = 0; i < reminders->len; i++)
        n_overdue += ((EdReminder *) g_ptr_array_index (reminders, i))->n_overdue > 0;

      start = g_get_monotonic_time ();
      infos = ed_store_search (store, "", ED_CASE_QUERY_BY_DUE, ED_STORE_SEARCH_LIMIT, NULL,
                               &error);
      list[r] = (double) (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
      n_listed = infos->len;
    }
  qsort (check, repeat, sizeof (double), compare_doubles);
  qsort (list, repeat, sizeof (double), compare_doubles);

  printf ("| measure                                   | cases | median ms | worst ms |\n");
  printf ("| ----------------------------------------- | ----- | --------- | -------- |\n");
  printf ("| reminder check (%4u reminded, %4u overdue) | %5d | %9.2f | %8.2f |\n", n_reminders,
          n_overdue, n_cases, check[repeat / 2], check[repeat - 1]);
  printf ("| case list by next deadline (%3u rows)      | %5d | %9.2f | %8.2f |\n", n_listed,
          n_cases, list[repeat / 2], list[repeat - 1]);
  printf ("\nReminder check: median %.2f ms (target %.1f ms) over %d open cases\n",
          check[repeat / 2], target, n_cases);

  /* What the app does at its first start with another catalog (an
   * update, or a store filled here without one): every case's next
   * deadline again. */
  {
    guint n_refreshed = 0;

    start = g_get_monotonic_time ();
    g_assert_true (ed_store_refresh_due (store, &n_refreshed, NULL, &error));
    g_assert_no_error (error);
    printf ("Next deadlines of every case worked out again (a new catalog): %u cases in "
            "%.0f ms\n", n_refreshed, (double) (g_get_monotonic_time () - start) / 1000.0);
  }

  g_clear_object (&store);
  if (keep != NULL)
    {
      g_autoptr(GFile) from = g_file_new_for_path (path);
      g_autoptr(GFile) to = g_file_new_for_path (keep);

      g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  ed_test_rm_rf (dir);
  return check[repeat / 2] <= target ? 0 : 1;
}
