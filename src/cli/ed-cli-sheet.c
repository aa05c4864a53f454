/* ed-cli-sheet.c — entry-desk-cli sheet
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
 * @exit_status: (out): set when an option is wrong
 *
 * Returns: (transfer full): the options, or %NULL when an option is
 *   wrong; the message has then been printed
 */
EdSheetOptions *
ed_cli_sheet_options (const char *languages,
                      const char *paper,
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

  return g_steal_pointer (&options);
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
  g_autofree char *case_reference = NULL;
  g_autoptr(EdSheetOptions) options = NULL;
  g_autoptr(EdProcedure) procedure = NULL;
  g_autoptr(EdTraveller) traveller = NULL;
  g_autoptr(EdSheetLayout) layout = NULL;
  GError *error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "traveller", 0, 0, G_OPTION_ARG_FILENAME, &traveller_path,
      N_("The traveller's file (JSON); without it, a blank sheet to fill in by hand"), "FILE" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &languages,
      N_("One to three sheet languages in column order (default: en,ja,zh_CN)"), "LANGS" },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_("a4 (default) or letter"), "PAPER" },
    { "case-reference", 0, 0, G_OPTION_ARG_STRING, &reference,
      N_("A reference printed in the footer"), "REF" },
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
                                      "The file is written with mode 0600: it holds personal data."));
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

  options = ed_cli_sheet_options (languages, paper, &status);
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
      g_autoptr(GPtrArray) problems = NULL;

      traveller = ed_traveller_load (traveller_path, &error);
      if (traveller == NULL)
        return ed_cli_fail (error);

      /* A value the official form would refuse is not printed for
       * copying: say what to fix instead. */
      problems = ed_validate_traveller_for_print (traveller, procedure);
      for (guint i = 0; i < problems->len; i++)
        {
          const EdProblem *problem = g_ptr_array_index (problems, i);

          g_printerr ("entry-desk-cli: %s: %s\n", problem->field, problem->message);
        }
      if (problems->len > 0)
        return ED_EXIT_INVALID;
    }

  layout = ed_sheet_layout_new (procedure, traveller, options, &error);
  if (layout == NULL || !ed_sheet_layout_write_pdf (layout, output, &error))
    return ed_cli_fail (error);

  ed_sheet_layout_record_printed (layout, output);
  return ED_EXIT_OK;
}
