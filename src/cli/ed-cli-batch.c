/* ed-cli-batch.c — entry-desk-cli batch: a sheet for every traveller of a CSV
 *
 * The rows become one EdSheetDocument, written as the GUI writes one:
 * worker threads fill in each traveller, and the sheets go either into a
 * file each, or in row order into one merged PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ed-cli.h"

typedef struct
{
  gboolean  enabled;
  gint64    last;
} Progress;

static void
progress_show (Progress *progress,
               guint     done,
               guint     total,
               gboolean  force)
{
  gint64 now;

  if (!progress->enabled)
    return;

  now = g_get_monotonic_time ();
  if (!force && now - progress->last < G_USEC_PER_SEC / 10)
    return;
  progress->last = now;

  /* Back to the start of the line: written past g_printerr(), which
   * shows a carriage return from a file as "\x0D". */
  fputs ("\r", stderr);
  /* Translators: progress on a terminal, e.g. "Rendering 412/1000…" */
  g_printerr (_("Rendering %u/%u…"), done, total);
  if (done == total)
    g_printerr ("\n");
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  progress_show (user_data, done, total, done == total);
}

/* A file name from the row and the passport name, in characters every
 * file system and mail program takes: "0007-WANG-XIAOMING.pdf". */
char *
ed_cli_sheet_file_name (const EdCsvTraveller *row,
                        guint                 digits)
{
  g_autoptr(GString) safe = g_string_new (NULL);
  g_autofree char *name = g_strdup_printf ("%s %s",
                                           ed_traveller_get (row->traveller, "surname") ?: "",
                                           ed_traveller_get (row->traveller, "given_names") ?: "");
  g_autofree char *ascii = g_str_to_ascii (name, "C");

  for (const char *p = ascii; *p != '\0' && safe->len < 60; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (safe, *p);
      else if (safe->len > 0 && safe->str[safe->len - 1] != '-')
        g_string_append_c (safe, '-');
    }
  while (safe->len > 0 && safe->str[safe->len - 1] == '-')
    g_string_truncate (safe, safe->len - 1);

  if (safe->len == 0)
    return g_strdup_printf ("%0*u.pdf", (int) digits, row->row);

  return g_strdup_printf ("%0*u-%s.pdf", (int) digits, row->row, safe->str);
}

static gboolean
write_separate (EdSheetDocument *document,
                GPtrArray       *rows,
                const char      *directory,
                Progress        *progress)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) failures = NULL;
  guint digits = 1;

  for (guint last = ((EdCsvTraveller *) g_ptr_array_index (rows, rows->len - 1))->row;
       last >= 10; last /= 10)
    digits++;

  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *name = ed_cli_sheet_file_name (g_ptr_array_index (rows, i), digits);

      g_ptr_array_add (paths, g_build_filename (directory, name, NULL));
    }
  g_ptr_array_add (paths, NULL);

  if (ed_sheet_document_write_each_pdf (document, (const char * const *) paths->pdata,
                                        progress_cb, progress, NULL, &failures))
    return TRUE;

  for (guint i = 0; i < rows->len; i++)
    {
      const EdCsvTraveller *row = g_ptr_array_index (rows, i);
      const GError *failure = g_ptr_array_index (failures, i);

      if (failure != NULL)
        /* Translators: a row of the CSV whose sheet could not be written */
        g_printerr (_("entry-desk-cli: row %u: %s\n"), row->row, failure->message);
    }

  return FALSE;
}

static gboolean
write_merged (EdSheetDocument *document,
              const char      *path,
              Progress        *progress)
{
  g_autoptr(GError) error = NULL;

  if (ed_sheet_document_write_pdf (document, path, NULL, progress_cb, progress, NULL, &error))
    return TRUE;

  if (progress->enabled)
    g_printerr ("\n");
  g_printerr ("entry-desk-cli: %s\n", error->message);
  return FALSE;
}

/* The last line: what was printed, and what to look at. */
static void
print_summary (const char *csv,
               GPtrArray  *rows,
               GPtrArray  *problems)
{
  g_autoptr(GHashTable) bad_rows = g_hash_table_new (NULL, NULL);
  guint n_missing = 0;
  guint n_warnings = 0;

  for (guint i = 0; i < rows->len; i++)
    n_missing += ((const EdCsvTraveller *) g_ptr_array_index (rows, i))->n_missing;

  for (guint i = 0; i < problems->len; i++)
    {
      const EdCsvProblem *problem = g_ptr_array_index (problems, i);

      if (problem->warning)
        n_warnings++;
      else if (problem->row > 1)  /* not the header's */
        g_hash_table_add (bad_rows, GUINT_TO_POINTER (problem->row));
    }

  /* On standard output: standard error holds only what went wrong. */
  g_print ("%s: ", csv);
  /* Translators: the last line of a batch: sheets written, rows left out
   * for an error, required values left empty (marked "missing" on the
   * sheets), other warnings (values corrected, columns ignored) */
  g_print (_("sheets written: %u, rows skipped: %u, required values missing: %u, "
             "other warnings: %u"),
           rows->len, g_hash_table_size (bad_rows), n_missing, n_warnings - n_missing);
  g_print ("\n");
}

int
ed_cli_batch (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *merge = NULL;
  g_autofree char *languages = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *office = NULL;
  gboolean summary_only = FALSE;
  g_autofree char *journey_id = NULL;
  g_autoptr(EdCatalog) catalog = NULL;
  g_autoptr(EdSheetOptions) options = NULL;
  g_autoptr(EdProcedure) procedure = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(EdSheetTemplate) sheet_template = NULL;
  g_autoptr(EdSheetDocument) document = NULL;
  g_autoptr(GPtrArray) travellers = NULL;
  Progress progress = { ed_cli_stderr_is_terminal (), 0 };
  GError *error = NULL;
  gboolean ok;
  guint n_errors;
  int status;
  const GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv,
      N_("The travellers, one a row (UTF-8 CSV with a header row of traveller keys)"), "FILE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &directory,
      N_("Write one PDF a traveller into this folder"), "DIR" },
    { "merge", 0, 0, G_OPTION_ARG_FILENAME, &merge,
      N_("Write all the sheets into this one PDF"), "OUT.pdf" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &languages,
      N_("One to three sheet languages in column order (default: en,ja,zh_CN)"), "LANGS" },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_("a4 (default) or letter"), "PAPER" },
    { "office", 0, 0, G_OPTION_ARG_FILENAME, &office,
      N_("The firm's letterhead: a JSON file with name, address, phone, email, handler and "
         "logo (an SVG or PNG file)"), "FILE.json" },
    { "summary-only", 0, 0, G_OPTION_ARG_NONE, &summary_only,
      N_("Print only the one-page summary: what to do, and by when"), NULL },
    { "journey", 0, 0, G_OPTION_ARG_STRING, &journey_id,
      N_("Instead of one procedure, a journey sheet for each traveller: a cover with their "
         "dates, then the sheet of each procedure of the journey that applies to them"), "ID" },
    { NULL }
  };

  context = g_option_context_new (_("ID | --journey ID"));
  g_option_context_set_summary (context,
                                _("Write a check sheet of procedure ID for every traveller of a "
                                  "CSV file: one PDF each into a folder, or one merged PDF."));
  g_option_context_set_description (context,
                                    _("The header row names the columns with traveller keys "
                                      "(surname, given_names, native_name, phonetic_name, sex, "
                                      "birth_date, nationality, passport_number, passport_expiry, "
                                      "email, phone, address_abroad, address_local, arrival_date, "
                                      "arrival_port) and answers.FIELD for the answers to the "
                                      "procedure's own fields; a case_reference column names "
                                      "the stored case a row belongs to, whose sheet log then "
                                      "records the batch. Rows are numbered as in a "
                                      "spreadsheet: the header is row 1.\n"
                                      "A bad row is reported with its number and reason and "
                                      "skipped; the other rows are still printed, and the exit "
                                      "status is then 1.\n"
                                      "By default the sheets are in English, Japanese and "
                                      "Chinese side by side. Files are written with mode 0600: "
                                      "they hold personal data."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!ed_cli_parse_options (context, &argc, &argv, &status))
    return status;

  if (argc < 2 && journey_id == NULL)
    return ed_cli_usage_error (_("Which procedure? Give its id, e.g. jp-entry-waiting-mysos"));
  if (argc > (journey_id != NULL ? 1 : 2))
    return ed_cli_usage_error (_("Unexpected argument “%s”"), argv[journey_id != NULL ? 1 : 2]);
  if (csv == NULL)
    return ed_cli_usage_error (_("Give the travellers with --csv FILE"));
  if ((directory == NULL) == (merge == NULL))
    return ed_cli_usage_error (_("Give either -o DIR (one file a traveller) or --merge OUT.pdf"));

  options = ed_cli_sheet_options (languages, paper, office, summary_only, &status);
  if (options == NULL)
    return status;

  catalog = ed_cli_load_catalog ();
  if (journey_id != NULL)
    {
      if (ed_cli_find_journey (catalog, journey_id) == NULL)
        return ED_EXIT_INVALID;
    }
  else
    {
      procedure = ed_catalog_lookup (catalog, argv[1]);
      if (procedure == NULL)
        {
          g_printerr ("entry-desk-cli: ");
          g_printerr (_("There is no procedure “%s”; “entry-desk-cli list” shows the ids"),
                      argv[1]);
          g_printerr ("\n");
          return ED_EXIT_INVALID;
        }
      g_object_ref (procedure);
    }

  /* A journey's answers belong to its procedures: each row is checked
   * against those that apply to its traveller. */
  if (journey_id != NULL)
    rows = ed_csv_load_travellers_for_journey (csv, ed_catalog_lookup_journey (catalog, journey_id),
                                               catalog, &problems, &error);
  else
    rows = ed_csv_load_travellers (csv, procedure, catalog, &problems, &error);
  if (rows == NULL)
    return ed_cli_fail (error);

  /* Each line says where: the file, the row, the column. */
  lines = ed_csv_problems_to_strings (problems, ED_CSV_MAX_ALIKE);
  for (guint i = 0; i < lines->len; i++)
    g_printerr ("entry-desk-cli: %s: %s\n", csv, (const char *) g_ptr_array_index (lines, i));
  n_errors = ed_csv_problems_count_errors (problems);

  if (rows->len == 0)
    {
      g_printerr (_("entry-desk-cli: no traveller to print in “%s”\n"), csv);
      return ED_EXIT_INVALID;
    }

  if (directory != NULL && g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_printerr (_("entry-desk-cli: cannot create the folder “%s”: %s\n"),
                  directory, g_strerror (saved_errno));
      return ED_EXIT_INVALID;
    }

  if (journey_id != NULL)
    {
      ok = ed_cli_batch_journey (catalog, ed_catalog_lookup_journey (catalog, journey_id), rows,
                                 options, directory, merge);
      if (ok)
        print_summary (csv, rows, problems);
      return ok && n_errors == 0 ? ED_EXIT_OK : ED_EXIT_INVALID;
    }

  sheet_template = ed_sheet_template_new (procedure, options, &error);
  if (sheet_template == NULL)
    return ed_cli_fail (error);

  travellers = g_ptr_array_new ();
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (travellers, ((EdCsvTraveller *) g_ptr_array_index (rows, i))->traveller);
  document = ed_sheet_document_new_for_template (sheet_template, travellers);

  progress_show (&progress, 0, rows->len, TRUE);
  if (directory != NULL)
    ok = write_separate (document, rows, directory, &progress);
  else
    ok = write_merged (document, merge, &progress);

  /* A row of a stored case: the sheet goes into that case's log. */
  for (guint i = 0; ok && i < rows->len; i++)
    {
      const EdCsvTraveller *row = g_ptr_array_index (rows, i);

      if (row->case_reference != NULL &&
          !ed_cli_log_sheet (document, row->case_reference, ED_SHEET_BATCH))
        ok = FALSE;
    }

  if (ok)
    print_summary (csv, rows, problems);
  return ok && n_errors == 0 ? ED_EXIT_OK : ED_EXIT_INVALID;
}
