/* ed-cli-journey-sheet.c — entry-desk-cli sheet --case and batch --journey
 *
 * A case's journey sheet (a cover with its timeline, then each
 * procedure's sheet), or one procedure's sheets for the case's
 * travellers, each written to the case's audit log; and a journey sheet
 * for every traveller of a CSV. All are sheet documents, written as the
 * other sheets are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "ed-cli.h"

/* One procedure's sheet for each traveller of the case, in one file. */
static EdSheetDocument *
new_procedure_sheets (EdCase                *kase,
                      EdProcedure           *procedure,
                      const EdSheetOptions  *options,
                      GError               **error)
{
  g_autoptr(EdSheetTemplate) sheet_template = ed_sheet_template_new (procedure, options, error);
  g_autoptr(GPtrArray) travellers = g_ptr_array_new ();

  if (sheet_template == NULL)
    return NULL;

  for (guint i = 0; i < ed_case_get_n_travellers (kase); i++)
    if (!ed_traveller_is_empty (ed_case_get_traveller (kase, i)))
      g_ptr_array_add (travellers, ed_case_get_traveller (kase, i));

  return ed_sheet_document_new_for_template (sheet_template, travellers);
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
  g_autoptr(EdSheetDocument) document = NULL;
  GError *error = NULL;
  int status;

  store = ed_cli_open_case_store (catalog, &status);
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
      document = new_procedure_sheets (kase, procedure, options, &error);
    }
  else
    {
      g_autoptr(GDateTime) now = ed_date_dup_now ();

      document = ed_sheet_document_new_for_case (kase, catalog, now, options, &error);
    }

  if (document == NULL ||
      !ed_sheet_document_write_pdf (document, output, NULL, NULL, NULL, NULL, &error))
    return ed_cli_fail (error);

  /* Which procedure each sheet was for, in the case's audit log. */
  if (!ed_cli_log_records (store, kase, document, ED_SHEET_PDF, &error))
    return ed_cli_fail (error);

  return ED_EXIT_OK;
}

static void
print_error (const GError *error)
{
  g_printerr ("entry-desk-cli: %s\n", error->message);
}

/**
 * ed_cli_batch_journey:
 * @rows: (element-type EdCsvTraveller): the travellers of the CSV
 * @directory: (nullable): one file a traveller here, or
 * @merge: (nullable): all in this file
 *
 * `batch --journey ID --csv F.csv (-o DIR | --merge OUT.pdf)`: a journey
 * sheet for each traveller, with the journey's procedures that apply to
 * them. Each procedure's text is laid out once for the cohort. A row
 * that names a stored case is logged in it.
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
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = ed_date_dup_now ();
  g_autoptr(GError) error = NULL;
  GPtrArray *items = ed_journey_get_items (journey);
  guint digits = 1;
  gboolean ok = TRUE;

  for (guint last = ((EdCsvTraveller *) g_ptr_array_index (rows, rows->len - 1))->row;
       last >= 10; last /= 10)
    digits++;

  for (guint i = 0; i < items->len; i++)
    {
      const EdJourneyItem *item = g_ptr_array_index (items, i);
      EdProcedure *procedure = ed_catalog_lookup (catalog, item->id);
      EdSheetTemplate *sheet_template;

      if (procedure == NULL)
        continue;
      sheet_template = ed_sheet_template_new (procedure, options, &error);
      if (sheet_template == NULL)
        {
          print_error (error);
          return FALSE;
        }
      g_ptr_array_add (procedures, procedure);
      g_ptr_array_add (templates, sheet_template);
    }

  for (guint r = 0; r < rows->len; r++)
    {
      const EdCsvTraveller *row = g_ptr_array_index (rows, r);
      g_autoptr(GPtrArray) travellers = g_ptr_array_new ();
      g_autoptr(EdTimeline) timeline = NULL;
      EdSheetDocument *document;

      g_ptr_array_add (travellers, row->traveller);
      timeline = ed_timeline_compute (travellers, procedures, NULL, NULL, now,
                                      ED_TIMELINE_SOON_DAYS);
      document = ed_sheet_document_new_for_journey (timeline, templates, travellers, journey,
                                                    options, &error);
      if (document == NULL)
        {
          print_error (error);
          return FALSE;
        }
      g_ptr_array_add (documents, document);
    }

  if (merge != NULL)
    {
      g_autoptr(EdSheetDocument) merged = ed_sheet_document_new_concat (documents);

      if (!ed_sheet_document_write_pdf (merged, merge, NULL, NULL, NULL, NULL, &error))
        {
          print_error (error);
          return FALSE;
        }
    }
  else
    for (guint r = 0; r < rows->len; r++)
      {
        const EdCsvTraveller *row = g_ptr_array_index (rows, r);
        g_autofree char *name = ed_cli_sheet_file_name (row, digits);
        g_autofree char *path = g_build_filename (directory, name, NULL);
        g_autoptr(GError) row_error = NULL;

        if (!ed_sheet_document_write_pdf (g_ptr_array_index (documents, r), path, NULL, NULL,
                                          NULL, NULL, &row_error))
          {
            /* Translators: a row of the CSV whose sheet could not be written */
            g_printerr (_("entry-desk-cli: row %u: %s\n"), row->row, row_error->message);
            ok = FALSE;
          }
      }

  /* A row of a stored case: the sheets go into that case's log. */
  for (guint r = 0; ok && r < rows->len; r++)
    {
      const EdCsvTraveller *row = g_ptr_array_index (rows, r);

      if (row->case_reference != NULL &&
          !ed_cli_log_sheet (g_ptr_array_index (documents, r), row->case_reference,
                             ED_SHEET_BATCH))
        ok = FALSE;
    }

  return ok;
}
