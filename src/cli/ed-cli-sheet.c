/* ed-cli-sheet.c — entry-desk-cli sheet
 *
 * One sheet, through the same EdSheetDocument as a batch and the app's
 * sheets. A sheet for a case the store holds goes into the case's log of
 * printed sheets, as the app's do; any other reference is only printed
 * in the footer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "ed-cli.h"

/**
 * ed_cli_sheet_options:
 * @languages: (nullable): the value of --lang; %NULL for all three
 * @paper: (nullable): the value of --paper; %NULL for A4
 * @office: (nullable): the value of --office: the letterhead's file
 * @summary_only: --summary-only: the one-page summary alone
 * @exit_status: (out): set when an option is wrong
 *
 * Returns: (transfer full): the options, or %NULL when an option is
 *   wrong; the message has then been printed
 */
EdSheetOptions *
ed_cli_sheet_options (const char *languages,
                      const char *paper,
                      const char *office,
                      gboolean    summary_only,
                      int        *exit_status)
{
  g_autoptr(EdSheetOptions) options = ed_sheet_options_new ();
  g_autoptr(GError) error = NULL;
  EdPaper size;

  if (languages != NULL && !ed_sheet_options_parse_languages (options, languages, &error))
    {
      *exit_status = ed_cli_usage_error ("%s", error->message);
      return NULL;
    }

  if (paper != NULL)
    {
      if (!ed_paper_from_string (paper, &size))
        {
          *exit_status = ed_cli_usage_error (_("Unknown paper “%s”: use a4 or letter"), paper);
          return NULL;
        }
      ed_sheet_options_set_paper (options, size);
    }

  if (office != NULL)
    {
      g_autoptr(EdSheetOffice) letterhead = ed_sheet_office_load (office, &error);

      if (letterhead == NULL)
        {
          g_printerr ("entry-desk-cli: %s\n", error->message);
          *exit_status = ED_EXIT_INVALID;
          return NULL;
        }
      ed_sheet_options_set_office (options, letterhead);
    }
  ed_sheet_options_set_summary (options, TRUE, summary_only);

  return g_steal_pointer (&options);
}

/* Returns: (transfer full) (nullable): the stored case @reference
 * names; %NULL when it names none, or with @error set */
static EdCase *
load_case (EdStore     *store,
           const char  *reference,
           GError     **error)
{
  g_autoptr(EdCaseInfo) info = NULL;
  GError *local_error = NULL;

  info = ed_store_find_case (store, reference, &local_error);
  if (info == NULL)
    {
      if (!g_error_matches (local_error, ED_ERROR, ED_ERROR_NOT_FOUND))
        g_propagate_error (error, local_error);
      else
        g_error_free (local_error);
      return NULL;
    }

  return ed_store_load_case (store, ed_case_info_get_id (info), error);
}

/**
 * ed_cli_log_records:
 *
 * Logs @document in the case's audit log: a line for each procedure it
 * has sheets of.
 *
 * Returns: %FALSE with @error set when the log could not be written
 */
gboolean
ed_cli_log_records (EdStore          *store,
                    EdCase           *kase,
                    EdSheetDocument  *document,
                    EdSheetKind       kind,
                    GError          **error)
{
  g_autoptr(GPtrArray) records = ed_sheet_document_new_records (document, kind);

  for (guint i = 0; i < records->len; i++)
    if (!ed_store_log_sheet (store, kase, g_ptr_array_index (records, i), error))
      return FALSE;

  return TRUE;
}

/**
 * ed_cli_log_sheet:
 *
 * The sheet has left the program: log it for the stored case @reference
 * names, if any (`sheet --case-reference`, a batch's `case_reference`
 * column).
 *
 * Returns: %FALSE when the case's log could not be written (said on
 *   standard error)
 */
gboolean
ed_cli_log_sheet (EdSheetDocument *document,
                  const char      *reference,
                  EdSheetKind      kind)
{
  g_autofree char *path = ed_store_default_path ();
  g_autoptr(EdStore) store = NULL;
  g_autoptr(EdCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *normalized = ed_case_reference_normalize (reference);
  int status = 0;

  /* Not a case reference, or no store yet: only a footer. */
  if (normalized == NULL
      || (ed_cli_store_location () == NULL && !g_file_test (path, G_FILE_TEST_EXISTS)))
    return TRUE;

  /* On failure the message is printed. */
  store = ed_cli_open_store (NULL, &status);
  if (store == NULL)
    return FALSE;
  kase = load_case (store, reference, &error);
  if (kase != NULL)
    ed_cli_log_records (store, kase, document, kind, &error);

  if (error == NULL)
    return TRUE;

  /* Translators: %s says why */
  message = g_strdup_printf (_("The sheet was made, but the case’s log of printed sheets could "
                               "not be written: %s"), error->message);
  g_printerr ("entry-desk-cli: %s\n", message);
  return FALSE;
}

int
ed_cli_sheet (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *traveller_path = NULL;
  g_autofree char *languages = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *output = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *office = NULL;
  gboolean summary_only = FALSE;
  g_autofree char *case_reference = NULL;
  g_autoptr(EdSheetOptions) options = NULL;
  g_autoptr(EdProcedure) procedure = NULL;
  g_autoptr(EdTraveller) traveller = NULL;
  g_autoptr(GPtrArray) travellers = g_ptr_array_new ();
  g_autoptr(EdSheetTemplate) sheet_template = NULL;
  g_autoptr(EdSheetDocument) document = NULL;
  GPtrArray *missing;
  GError *error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "traveller", 0, 0, G_OPTION_ARG_FILENAME, &traveller_path,
      N_("The traveller's file (JSON); without it, a blank sheet to fill in by hand"), "FILE" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &languages,
      N_("One to three sheet languages in column order (default: en,ja,zh_CN)"), "LANGS" },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_("a4 (default) or letter"), "PAPER" },
    { "case-reference", 0, 0, G_OPTION_ARG_STRING, &reference,
      N_("A reference printed in the footer; the sheet of a case in the store also "
         "goes into its sheet log"), "REF" },
    { "office", 0, 0, G_OPTION_ARG_FILENAME, &office,
      N_("The firm's letterhead: a JSON file with name, address, phone, email, handler and "
         "logo (an SVG or PNG file)"), "FILE.json" },
    { "summary-only", 0, 0, G_OPTION_ARG_NONE, &summary_only,
      N_("Print only the one-page summary: what to do, and by when"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), "OUT.pdf" },
    { "case", 0, 0, G_OPTION_ARG_STRING, &case_reference,
      N_("A case of the store: without ID, its journey sheet (a cover with its timeline, then "
         "each procedure's sheet); with ID, that procedure's sheet for each of its travellers"),
      "REF" },
    { NULL }
  };

  context = g_option_context_new (_("[ID]"));
  g_option_context_set_summary (context,
                                _("Write a printable check sheet of procedure ID as PDF: the "
                                  "steps with tick boxes and QR codes, the traveller's answers "
                                  "and dates, contacts and sources."));
  g_option_context_set_description (context,
                                    _("The sheet's languages are the traveller's, not the "
                                      "interface's: by default all three, side by side, so that "
                                      "any traveller can read it; --lang ja,zh_CN prints two.\n"
                                      "The file is written with mode 0600: "
                                      "it holds personal data."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!ed_cli_parse_options (context, &argc, &argv, &status))
    return status;

  if (argc < 2 && case_reference == NULL)
    return ed_cli_usage_error (_("Which procedure? Give its id, e.g. jp-entry-waiting-mysos"));
  if (argc > 2)
    return ed_cli_usage_error (_("Unexpected argument “%s”"), argv[2]);
  if (output == NULL)
    return ed_cli_usage_error (_("Say where to write the sheet with -o OUT.pdf"));
  if (case_reference != NULL && traveller_path != NULL)
    return ed_cli_usage_error (_("Give --case or --traveller, not both"));

  options = ed_cli_sheet_options (languages, paper, office, summary_only, &status);
  if (options == NULL)
    return status;
  ed_sheet_options_set_case_reference (options, reference);

  if (case_reference != NULL)
    return ed_cli_sheet_for_case (case_reference, argc > 1 ? argv[1] : NULL, options, output);

  procedure = ed_cli_find_procedure (argv[1], &error);
  if (procedure == NULL)
    return ed_cli_fail (error);

  if (traveller_path != NULL)
    {
      traveller = ed_traveller_load (traveller_path, &error);
      if (traveller == NULL)
        return ed_cli_fail (error);
      g_ptr_array_add (travellers, traveller);
    }

  sheet_template = ed_sheet_template_new (procedure, options, &error);
  if (sheet_template == NULL)
    return ed_cli_fail (error);
  document = ed_sheet_document_new_for_template (sheet_template, travellers);

  /* A value the official form would refuse is not printed for copying:
   * say what to fix instead. */
  missing = ed_sheet_document_get_missing (document, 0);
  for (guint i = 0; i < missing->len; i++)
    {
      const EdMissing *entry = g_ptr_array_index (missing, i);

      for (guint j = 0; j < entry->problems->len; j++)
        {
          const EdProblem *problem = g_ptr_array_index (entry->problems, j);

          g_printerr ("entry-desk-cli: %s: %s\n", problem->field, problem->message);
        }
    }
  if (missing->len > 0)
    return ED_EXIT_INVALID;

  if (!ed_sheet_document_write_pdf (document, output, NULL, NULL, NULL, NULL, &error))
    return ed_cli_fail (error);

  if (reference != NULL && !ed_cli_log_sheet (document, reference, ED_SHEET_PDF))
    return ED_EXIT_INVALID;

  return ED_EXIT_OK;
}
