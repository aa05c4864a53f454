/* ed-cli-validate.c — entry-desk-cli validate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "ed-cli.h"

int
ed_cli_validate (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EdProcedure) procedure = NULL;
  g_autoptr(EdTraveller) traveller = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  GError *error = NULL;
  int status;

  context = g_option_context_new (_("ID TRAVELLER.json"));
  g_option_context_set_summary (context,
                                _("Check a traveller file against the rules and a "
                                  "procedure’s fields."));
  g_option_context_set_description (context,
                                    _("Prints each problem as “field: message”; "
                                      "warnings are marked.\n"
                                      "Exit status 1 when there is an error; "
                                      "warnings alone give 0."));
  if (!ed_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc < 3)
    return ed_cli_usage_error (_("Give a procedure id and a traveller file"));
  if (argc > 3)
    return ed_cli_usage_error (_("Unexpected argument “%s”"), argv[3]);

  procedure = ed_cli_find_procedure (argv[1], &error);
  if (procedure == NULL)
    return ed_cli_fail (error);

  traveller = ed_traveller_load (argv[2], &error);
  if (traveller == NULL)
    return ed_cli_fail (error);

  problems = ed_validate_traveller (traveller, procedure, NULL);
  for (guint i = 0; i < problems->len; i++)
    {
      const EdProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity == ED_SEVERITY_WARNING)
        /* Translators: a field id, then what is wrong with it */
        g_print (_("%s: warning: %s\n"), problem->field, problem->message);
      else
        g_print ("%s: %s\n", problem->field, problem->message);
    }

  if (problems->len == 0)
    g_print ("%s\n", _("No problems found."));

  return ed_problem_list_has_errors (problems) ? ED_EXIT_INVALID : ED_EXIT_OK;
}
