/* ed-cli-journey-sheet.c — entry-desk-cli sheet --case and batch --journey
 *
 * A case's journey sheet (a cover with its timeline, then each
 * procedure's sheet), or one procedure's sheets for the case's
 * travellers, each written to the case's audit log; and a journey sheet
 * for every traveller of a CSV.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ed-cli.h"

static gboolean
log_records (EdStore    *store,
             EdCase     *kase,
             GPtrArray  *records,
             GError    **error)
{
  for (guint i = 0; i < records->len; i++)
    if (!ed_store_log_sheet (store, kase, g_ptr_array_index (records, i), error))
      return FALSE;

  return TRUE;
}

/* One procedure's sheet for each traveller of the case, in one file. */
static gboolean
write_procedure_sheets (EdCase                *kase,
                        EdProcedure           *procedure,
                        const EdSheetOptions  *options,
                        const char            *output,
                        GPtrArray             *records,
                        GError               **error)
{
  g_autoptr(EdSheetTemplate) sheet_template = ed_sheet_template_new (procedure, options, error);
  g_autoptr(EdSheetPdf) pdf = NULL;
  guint n_languages;

  if (sheet_template == NULL)
    return FALSE;

  pdf = ed_sheet_pdf_new (output,
                          ed_text_lookup (ed_procedure_get_title (procedure),
                                          ed_sheet_options_get_languages (options,
                                                                          &n_languages)[0]),
                          error);
  if (pdf == NULL)
    return FALSE;

  for (guint i = 0; i < MAX (1, ed_case_get_n_travellers (kase)); i++)
    {
      g_autoptr(EdSheetLayout) layout = NULL;

      layout = ed_sheet_layout_new_for_template (sheet_template,
                                                 ed_case_get_n_travellers (kase) > 0
                                                 ? ed_case_get_traveller (kase, i) : NULL);
      if (!ed_sheet_pdf_add (pdf, layout, error))
        return FALSE;
    }
  if (!ed_sheet_pdf_close (pdf, error))
    return FALSE;

  g_ptr_array_add (records, ed_sheet_template_new_record (sheet_template, ED_SHEET_PDF));
  return TRUE;
}

/**
 * ed_cli_sheet_for_case:
 * @procedure_id: (nullable): one procedure of the case; %NULL for the
 *   journey sheet
 *
 * `sheet [ID] --case REF -o OUT.pdf`
 *
 * Returns: the exit status
 */
int
ed_cli_sheet_for_case (const char      *reference,
                       const char      *procedure_id,
                       EdSheetOptions  *options,
                       const char      *output)
{
  g_autoptr(EdCatalog) catalog = ed_cli_load_catalog ();
  g_autoptr(EdStore) store = NULL;
  g_autoptr(EdCase) kase = NULL;
  g_autoptr(GPtrArray) records = NULL;
  GError *error = NULL;
  int status;

  store = ed_cli_open_store (catalog, &status);
  if (store == NULL)
    return status;

  kase = ed_cli_load_case (store, reference, &status);
  if (kase == NULL)
    return status;
  ed_sheet_options_set_case_reference (options, ed_case_get_reference (kase));

  if (procedure_id != NULL)
    {
      EdProcedure *procedure = ed_catalog_lookup (catalog, procedure_id);

      if (procedure == NULL || ed_case_find_procedure (kase, procedure_id) < 0)
        {
          g_printerr (_("entry-desk-cli: the case %s has no procedure “%s”\n"),
                      ed_case_get_reference (kase), procedure_id);
          return ED_EXIT_INVALID;
        }
      records = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_sheet_record_free);
      if (!write_procedure_sheets (kase, procedure, options, output, records, &error))
        return ed_cli_fail (error);
    }
  else
    {
      g_autoptr(GDateTime) now = ed_date_dup_now ();
      g_autoptr(EdJourneySheet) sheet = NULL;

      sheet = ed_journey_sheet_new_for_case (kase, catalog, now, options, &error);
      if (sheet == NULL || !ed_journey_sheet_write_pdf (sheet, output, &error))
        return ed_cli_fail (error);
      records = ed_journey_sheet_new_records (sheet, ED_SHEET_PDF);
    }

  /* Which procedure each sheet was for, in the case's audit log. */
  if (!log_records (store, kase, records, &error))
    return ed_cli_fail (error);

  return ED_EXIT_OK;
}

/**
 * ed_cli_batch_journey:
 * @rows: (element-type EdCsvTraveller): the travellers of the CSV
 * @directory: (nullable): one file a traveller here, or
 * @merge: (nullable): all in this file
 *
 * `batch --journey ID --csv F.csv (-o DIR | --merge OUT.pdf)`: a journey
 * sheet for each traveller, with the journey's procedures that apply to
 * them. Each procedure's text is laid out once for the cohort.
 *
 * Returns: %TRUE when every sheet was written
 */
gboolean
ed_cli_batch_journey (EdCatalog             *catalog,
                      EdJourney             *journey,
                      GPtrArray             *rows,
                      const EdSheetOptions  *options,
                      const char            *directory,
                      const char            *merge)
{
  g_autoptr(GPtrArray) procedures = g_ptr_array_new ();
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = ed_date_dup_now ();
  g_autoptr(EdSheetPdf) pdf = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *items = ed_journey_get_items (journey);
  guint n_languages;
  guint digits = 1;
  gboolean ok = TRUE;

  for (guint last = ((EdCsvTraveller *) g_ptr_array_index (rows, rows->len - 1))->row;
       last >= 10; last /= 10)
    digits++;

  for (guint i = 0; i < items->len; i++)
    {
      EdProcedure *procedure = ed_catalog_lookup (catalog,
                                                  ((EdJourneyItem *) g_ptr_array_index (items,
                                                                                        i))->id);
      EdSheetTemplate *sheet_template;

      if (procedure == NULL)
        continue;
      sheet_template = ed_sheet_template_new (procedure, options, &error);
      if (sheet_template == NULL)
        {
          g_printerr ("entry-desk-cli: %s\n", error->message);
          return FALSE;
        }
      g_ptr_array_add (procedures, procedure);
      g_ptr_array_add (templates, sheet_template);
    }

  if (merge != NULL)
    {
      pdf = ed_sheet_pdf_new (merge, ed_text_lookup (ed_journey_get_title (journey),
                                                     ed_sheet_options_get_languages (options,
                                                                                     &n_languages)[0]),
                              &error);
      if (pdf == NULL)
        {
          g_printerr ("entry-desk-cli: %s\n", error->message);
          return FALSE;
        }
    }

  for (guint r = 0; r < rows->len; r++)
    {
      const EdCsvTraveller *row = g_ptr_array_index (rows, r);
      g_autoptr(GPtrArray) travellers = g_ptr_array_new ();
      g_autoptr(EdTimeline) timeline = NULL;
      g_autoptr(EdJourneySheet) sheet = NULL;
      g_autoptr(GError) row_error = NULL;
      gboolean written;

      g_ptr_array_add (travellers, row->traveller);
      timeline = ed_timeline_compute (travellers, procedures, NULL, NULL, now,
                                      ED_TIMELINE_SOON_DAYS);
      sheet = ed_journey_sheet_new_from_templates (timeline, templates, travellers, journey,
                                                   options, &row_error);
      if (sheet != NULL && pdf != NULL)
        written = ed_sheet_pdf_add_journey (pdf, sheet, &row_error);
      else if (sheet != NULL)
        {
          g_autofree char *name = ed_cli_sheet_file_name (row, digits);
          g_autofree char *path = g_build_filename (directory, name, NULL);

          written = ed_journey_sheet_write_pdf (sheet, path, &row_error);
        }
      else
        written = FALSE;

      if (!written)
        {
          /* Translators: a row of the CSV whose sheet could not be written */
          g_printerr (_("entry-desk-cli: row %u: %s\n"), row->row, row_error->message);
          ok = FALSE;
          if (pdf != NULL)
            return FALSE;
        }
    }

  if (pdf != NULL && !ed_sheet_pdf_close (pdf, &error))
    {
      g_printerr ("entry-desk-cli: %s\n", error->message);
      return FALSE;
    }

  return ok;
}
