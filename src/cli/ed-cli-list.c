/* ed-cli-list.c — entry-desk-cli list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "ed-cli.h"

int
ed_cli_list (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *lang = NULL;
  gboolean json = FALSE;
  gboolean ok;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of the titles"), "LANG" },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("List the procedures of the catalog."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!ed_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return ed_cli_usage_error (_("Unexpected argument “%s”"), argv[1]);

  ed_cli_language (lang, &ok);
  if (!ok)
    return ED_EXIT_USAGE;

  /* The catalog is not there yet: an empty list. */
  if (json)
    g_print ("[]\n");

  return ED_EXIT_OK;
}
