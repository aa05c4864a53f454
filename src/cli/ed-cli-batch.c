/* ed-cli-batch.c — entry-desk-cli batch: a sheet for every traveller of a CSV
 *
 * The procedure's text is laid out once (an EdSheetTemplate); worker
 * threads fill in each traveller, and either write each sheet to a file
 * of its own, or hand their sheets, in row order, to the main thread,
 * which draws them into one merged PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ed-cli.h"

/* How far the workers may run ahead of the merging thread. */
#define AHEAD_PER_THREAD 8

typedef struct
{
  EdSheetTemplate *sheet_template;
  GPtrArray       *rows;          /* EdCsvTraveller */
  char            *directory;     /* one file a traveller, or NULL to merge */
  guint            digits;        /* of the largest row number */

  GMutex           lock;
  GCond            cond;
  EdSheetLayout  **layouts;       /* merging: handed over in row order */
  char           **failures;      /* per row: why its file was not written */
  guint            done;
} Batch;

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

  /* Translators: progress on a terminal, e.g. "Rendering 412/1000…" */
  g_printerr ("\r%s", "");
  g_printerr (_("Rendering %u/%u…"), done, total);
  if (done == total)
    g_printerr ("\n");
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

static void
work (gpointer data,
      gpointer user_data)
{
  Batch *batch = user_data;
  guint index = GPOINTER_TO_UINT (data) - 1;
  const EdCsvTraveller *row = g_ptr_array_index (batch->rows, index);
  EdSheetLayout *layout = ed_sheet_layout_new_for_template (batch->sheet_template, row->traveller);
  char *failure = NULL;

  if (batch->directory != NULL)
    {
      g_autofree char *name = ed_cli_sheet_file_name (row, batch->digits);
      g_autofree char *path = g_build_filename (batch->directory, name, NULL);
      g_autoptr(GError) error = NULL;

      if (ed_sheet_layout_write_pdf (layout, path, &error))
        ed_sheet_layout_record_printed (layout, path);
      else
        failure = g_strdup (error->message);
      g_clear_object (&layout);
    }

  g_mutex_lock (&batch->lock);
  if (layout != NULL)
    batch->layouts[index] = layout;
  batch->failures[index] = failure;
  batch->done++;
  g_cond_broadcast (&batch->cond);
  g_mutex_unlock (&batch->lock);
}

static gboolean
run_separate (Batch    *batch,
              Progress *progress)
{
  GThreadPool *pool = g_thread_pool_new (work, batch, (int) g_get_num_processors (), FALSE, NULL);
  guint n = batch->rows->len;
  gboolean ok = TRUE;

  for (guint i = 0; i < n; i++)
    g_thread_pool_push (pool, GUINT_TO_POINTER (i + 1), NULL);

  g_mutex_lock (&batch->lock);
  while (batch->done < n)
    {
      g_cond_wait (&batch->cond, &batch->lock);
      progress_show (progress, batch->done, n, batch->done == n);
    }
  g_mutex_unlock (&batch->lock);
  g_thread_pool_free (pool, FALSE, TRUE);

  for (guint i = 0; i < n; i++)
    {
      const EdCsvTraveller *row = g_ptr_array_index (batch->rows, i);

      if (batch->failures[i] != NULL)
        {
          /* Translators: a row of the CSV whose sheet could not be written */
          g_printerr (_("entry-desk-cli: row %u: %s\n"), row->row, batch->failures[i]);
          ok = FALSE;
        }
    }

  return ok;
}

static gboolean
run_merged (Batch       *batch,
            const char  *path,
            Progress    *progress)
{
  guint n_threads = g_get_num_processors ();
  GThreadPool *pool = g_thread_pool_new (work, batch, (int) n_threads, FALSE, NULL);
  EdProcedure *procedure = ed_sheet_template_get_procedure (batch->sheet_template);
  const EdSheetOptions *options = ed_sheet_template_get_options (batch->sheet_template);
  g_autoptr(EdSheetPdf) pdf = NULL;
  g_autoptr(GError) error = NULL;
  guint n = batch->rows->len;
  guint pushed = 0;
  guint n_languages;

  pdf = ed_sheet_pdf_new (path,
                          ed_text_lookup (ed_procedure_get_title (procedure),
                                          ed_sheet_options_get_languages (options, &n_languages)[0]),
                          &error);

  for (guint i = 0; pdf != NULL && i < n; i++)
    {
      EdSheetLayout *layout;

      while (pushed < n && pushed < i + n_threads * AHEAD_PER_THREAD)
        g_thread_pool_push (pool, GUINT_TO_POINTER (++pushed), NULL);

      g_mutex_lock (&batch->lock);
      while (batch->layouts[i] == NULL)
        g_cond_wait (&batch->cond, &batch->lock);
      layout = g_steal_pointer (&batch->layouts[i]);
      g_mutex_unlock (&batch->lock);

      if (!ed_sheet_pdf_add (pdf, layout, &error))
        {
          g_object_unref (layout);
          g_clear_pointer (&pdf, ed_sheet_pdf_free);
          break;
        }
      /* Drawn: its pages are in the file, the layout can go. */
      g_object_unref (layout);
      progress_show (progress, i + 1, n, i + 1 == n);
    }

  /* Whatever was pushed finishes before the pool goes. */
  g_thread_pool_free (pool, FALSE, TRUE);
  for (guint i = 0; i < n; i++)
    g_clear_object (&batch->layouts[i]);

  if (pdf == NULL || !ed_sheet_pdf_close (pdf, &error))
    {
      if (progress->enabled)
        g_printerr ("\n");
      g_printerr ("entry-desk-cli: %s\n", error->message);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    ed_sheet_template_record_printed (batch->sheet_template,
                                      ((EdCsvTraveller *) g_ptr_array_index (batch->rows, i))->traveller,
                                      path);

  return TRUE;
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
  g_autofree char *journey_id = NULL;
  g_autoptr(EdCatalog) catalog = NULL;
  g_autoptr(EdSheetOptions) options = NULL;
  g_autoptr(EdProcedure) procedure = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(EdSheetTemplate) sheet_template = NULL;
  Batch batch = { 0, };
  Progress progress = { isatty (fileno (stderr)), 0 };
  GError *error = NULL;
  gboolean ok;
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
                                      "procedure's own fields. Rows are numbered as in a "
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

  options = ed_cli_sheet_options (languages, paper, &status);
  if (options == NULL)
    return status;

  if (journey_id != NULL)
    {
      catalog = ed_cli_load_catalog ();
      if (ed_cli_find_journey (catalog, journey_id) == NULL)
        return ED_EXIT_INVALID;
    }
  else
    {
      procedure = ed_cli_find_procedure (argv[1], &error);
      if (procedure == NULL)
        return ed_cli_fail (error);
    }

  /* A journey's answers belong to several procedures: read as they are. */
  rows = ed_csv_load_travellers (csv, procedure, &problems, &error);
  if (rows == NULL)
    return ed_cli_fail (error);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = ed_csv_problem_to_string (g_ptr_array_index (problems, i));

      g_printerr ("entry-desk-cli: %s\n", text);
    }

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
      return ok && problems->len == 0 ? ED_EXIT_OK : ED_EXIT_INVALID;
    }

  sheet_template = ed_sheet_template_new (procedure, options, &error);
  if (sheet_template == NULL)
    return ed_cli_fail (error);

  batch.sheet_template = sheet_template;
  batch.rows = rows;
  batch.directory = directory;
  batch.digits = 1;
  for (guint last = ((EdCsvTraveller *) g_ptr_array_index (rows, rows->len - 1))->row;
       last >= 10; last /= 10)
    batch.digits++;
  batch.layouts = g_new0 (EdSheetLayout *, rows->len);
  batch.failures = g_new0 (char *, rows->len);
  g_mutex_init (&batch.lock);
  g_cond_init (&batch.cond);

  progress_show (&progress, 0, rows->len, TRUE);
  if (directory != NULL)
    ok = run_separate (&batch, &progress);
  else
    ok = run_merged (&batch, merge, &progress);

  g_mutex_clear (&batch.lock);
  g_cond_clear (&batch.cond);
  g_free (batch.layouts);
  for (guint i = 0; i < rows->len; i++)
    g_free (batch.failures[i]);
  g_free (batch.failures);

  return ok && problems->len == 0 ? ED_EXIT_OK : ED_EXIT_INVALID;
}
