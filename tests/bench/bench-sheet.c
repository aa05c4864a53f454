/* bench-sheet.c — batch sheets: pages per second and peak memory
 *
 * `meson test -C _build --benchmark sheet-batch`, or run it directly:
 *
 *   bench-sheet [--travellers N] [--procedure ID] [--lang LANGUAGES] [--no-target]
 *
 * writes a CSV of N travellers (default 1000), runs the real
 * `entry-desk-cli batch` on it twice — into one merged PDF, then into one
 * PDF per traveller — and prints for each run the pages per second and
 * the CLI's peak resident memory (getrusage ru_maxrss of the child);
 * then, side by side, the time of one sheet for one traveller in
 * zh_CN,ja (`entry-desk-cli sheet`, the median of 5 runs).
 * Defaults: jp-entry-waiting-mysos, the longest procedure, in en,ja,zh_CN.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "ed-core.h"
#include "ed-test-util.h"

/* The targets: for the merged PDF; for one PDF a traveller
 * (1000 trilingual My Number travellers); for one sheet (MySOS zh_CN+ja,
 * what a clerk waits for). */
#define TARGET_PAGES_PER_SECOND 500.0
#define TARGET_PEAK_MB 150.0
#define TARGET_SEPARATE_SECONDS_PER_1000 60.0
#define TARGET_SEPARATE_PEAK_MB 200.0
#define TARGET_SINGLE_SECONDS 0.5
#define SINGLE_RUNS 5

static void
write_csv (const char *path,
           guint       n)
{
  static const char * const surnames[] = { "WANG", "LI", "ZHANG", "TANAKA", "SATO", "SMITH",
                                           "NGUYEN", "KIM" };
  static const char * const given[] = { "XIAOMING", "WEI", "FANG", "HANAKO", "KENJI", "ANNA",
                                        "MINH", "JISOO" };
  static const char * const native[] = { "王小明", "李伟", "张芳", "田中花子", "佐藤健二", "", "", "김지수" };
  g_autoptr(GString) csv = g_string_new ("\xef\xbb\xbfsurname,given_names,native_name,sex,"
                                         "birth_date,nationality,passport_number,arrival_date,"
                                         "phone,email,address_local\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "%s,%s,%s,%s,19%02u-%02u-%02u,CHN,E%08u,2022-%02u-%02u,090%08u,"
                                 "t%u@example.com,\"東京都港区芝公園4-2-%u, 101\"\n",
                            surnames[i % 8], given[(i * 3) % 8], native[i % 8], i % 2 ? "M" : "F",
                            50 + i % 50, 1 + i % 12, 1 + i % 28, i, 1 + i % 9, 1 + i % 28, i, i,
                            1 + i % 20);

  g_file_set_contents (path, csv->str, csv->len, &error);
  g_assert_no_error (error);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Runs the CLI and returns its wall time in seconds and peak RSS in MB. */
static gboolean
run_cli (const char * const *args,
         double             *seconds,
         double             *peak_mb)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  const char *cli = g_getenv ("ENTRY_DESK_CLI");
  struct rusage usage;
  gint64 start;
  pid_t pid;
  int status;

  /* The test suite's malloc checks would measure themselves. */
  envp = g_environ_unsetenv (envp, "MALLOC_CHECK_");
  envp = g_environ_unsetenv (envp, "MALLOC_PERTURB_");

  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  start = g_get_monotonic_time ();
  if (posix_spawn (&pid, cli, NULL, NULL, (char **) argv->pdata, envp) != 0)
    return FALSE;
  if (wait4 (pid, &status, 0, &usage) != pid)
    return FALSE;

  *seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  *peak_mb = usage.ru_maxrss / 1024.0;   /* kilobytes on Linux */

  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

int
main (int    argc,
      char **argv)
{
  int n = 1000;
  /* GOption overwrites a default string without freeing it. */
  g_autofree char *id = NULL;
  g_autofree char *languages = NULL;
  gboolean no_target = FALSE;
  const GOptionEntry entries[] = {
    { "travellers", 0, 0, G_OPTION_ARG_INT, &n, "How many travellers (1000)", "N" },
    { "procedure", 0, 0, G_OPTION_ARG_STRING, &id, "The procedure (jp-entry-waiting-mysos)", "ID" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &languages, "The sheet languages (en,ja,zh_CN)", "LANGS" },
    { "no-target", 0, 0, G_OPTION_ARG_NONE, &no_target,
      "Only check that it works (a test run)", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autofree char *dir = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(EdCatalog) catalog = NULL;
  g_autoptr(EdSheetOptions) options = ed_sheet_options_new ();
  g_autoptr(EdSheetTemplate) sheet_template = NULL;
  g_autoptr(GError) error = NULL;
  EdProcedure *procedure;
  double seconds, peak, pages;
  gboolean met, separate_met = TRUE, single_met = TRUE;

  setlocale (LC_ALL, "C.UTF-8");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-sheet: %s\n", error->message);
      return 2;
    }
  if (n < 1)
    n = 1;
  if (id == NULL)
    id = g_strdup ("jp-entry-waiting-mysos");
  if (languages == NULL)
    languages = g_strdup ("en,ja,zh_CN");

  catalog = ed_catalog_new ();
  ed_catalog_load_default (catalog);
  procedure = ed_catalog_lookup (catalog, id);
  if (procedure == NULL || !ed_sheet_options_parse_languages (options, languages, &error))
    {
      g_printerr ("bench-sheet: no procedure %s, or bad languages %s\n", id, languages);
      return 1;
    }
  sheet_template = ed_sheet_template_new (procedure, options, &error);
  g_assert_no_error (error);
  pages = (double) n * ed_sheet_template_get_n_pages (sheet_template);
  g_assert_cmpuint (ed_sheet_template_get_n_pages (sheet_template), >, 0);

  dir = ed_test_make_tmpdir ();
  csv = g_build_filename (dir, "travellers.csv", NULL);
  merged = g_build_filename (dir, "merged.pdf", NULL);
  folder = g_build_filename (dir, "sheets", NULL);
  write_csv (csv, (guint) n);

  g_print ("%s, %s, A4: %d travellers, %u pages each, %.0f pages, %u cores\n",
           id, languages, n, ed_sheet_template_get_n_pages (sheet_template), pages,
           g_get_num_processors ());

  {
    const char *args[] = { "batch", id, "--csv", csv, "--merge", merged, "--lang",
                           languages, NULL };

    if (!run_cli (args, &seconds, &peak))
      {
        g_printerr ("bench-sheet: the merged batch failed\n");
        ed_test_rm_rf (dir);
        return 1;
      }
    met = no_target || (pages / seconds >= TARGET_PAGES_PER_SECOND && peak < TARGET_PEAK_MB);
    g_print ("merged PDF:     %7.2f s  %7.0f pages/s  peak %5.1f MB  (target ≥ %.0f pages/s, "
             "< %.0f MB: %s)\n",
             seconds, pages / seconds, peak, TARGET_PAGES_PER_SECOND, TARGET_PEAK_MB,
             no_target ? "not judged" : met ? "met" : "NOT MET");
  }

  {
    const char *args[] = { "batch", id, "--csv", csv, "-o", folder, "--lang", languages, NULL };

    if (!run_cli (args, &seconds, &peak))
      {
        g_printerr ("bench-sheet: the batch into separate files failed\n");
        ed_test_rm_rf (dir);
        return 1;
      }
    /* The target is for 1000 travellers: scaled to this run's. */
    separate_met = seconds * 1000.0 / n < TARGET_SEPARATE_SECONDS_PER_1000 &&
                   peak < TARGET_SEPARATE_PEAK_MB;
    g_print ("separate PDFs:  %7.2f s  %7.0f pages/s  peak %5.1f MB  %5.1f sheets/s  "
             "(target < %.0f s a 1000, < %.0f MB: %s)\n",
             seconds, pages / seconds, peak, n / seconds, TARGET_SEPARATE_SECONDS_PER_1000,
             TARGET_SEPARATE_PEAK_MB,
             no_target ? "not judged" : separate_met ? "met" : "NOT MET");
  }

  /* One sheet for one traveller, as a clerk prints it: on a machine
   * that is not still writing the batch's thousand files to disk. */
  ed_test_rm_rf (folder);
  sync ();
  {
    g_autofree char *traveller = g_build_filename (dir, "traveller.json", NULL);
    g_autofree char *one = g_build_filename (dir, "one.pdf", NULL);
    const char *args[] = { "sheet", id, "--lang", "zh_CN,ja", "--traveller", traveller,
                           "-o", one, NULL };
    double times[SINGLE_RUNS];

    g_file_set_contents (traveller,
                         "{\"surname\": \"WANG\", \"given_names\": \"XIAOMING\", "
                         "\"native_name\": \"王小明\", \"birth_date\": \"1990-05-17\", "
                         "\"passport_number\": \"E12345678\", "
                         "\"arrival_date\": \"2022-01-01\"}", -1, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < SINGLE_RUNS; i++)
      if (!run_cli (args, &times[i], &peak))
        {
          g_printerr ("bench-sheet: the single sheet failed\n");
          ed_test_rm_rf (dir);
          return 1;
        }
    qsort (times, SINGLE_RUNS, sizeof (double), compare_doubles);
    single_met = times[SINGLE_RUNS / 2] < TARGET_SINGLE_SECONDS;
    g_print ("one sheet:      %7.2f s  (zh_CN,ja, median of %d; peak %5.1f MB; target < %.1f s: "
             "%s)\n",
             times[SINGLE_RUNS / 2], SINGLE_RUNS, peak, TARGET_SINGLE_SECONDS,
             no_target ? "not judged" : single_met ? "met" : "NOT MET");
  }

  ed_test_rm_rf (dir);
  return no_target || (met && separate_met && single_met) ? 0 : 1;
}
