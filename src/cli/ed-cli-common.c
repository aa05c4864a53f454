/* ed-cli-common.c — what every verb of entry-desk-cli shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "ed-cli.h"

/**
 * ed_cli_usage_error:
 *
 * Prints what is wrong with the command line and how to ask for help.
 *
 * Returns: %ED_EXIT_USAGE
 */
int
ed_cli_usage_error (const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("entry-desk-cli: %s\n", message);
  g_printerr (_("Run “%s --help” to see how to use it.\n"), g_get_prgname ());

  return ED_EXIT_USAGE;
}

/**
 * ed_cli_fail:
 * @error: (transfer full): what went wrong
 *
 * Returns: %ED_EXIT_INVALID
 */
int
ed_cli_fail (GError *error)
{
  g_printerr ("entry-desk-cli: %s\n", error->message);
  g_error_free (error);

  return ED_EXIT_INVALID;
}

/**
 * ed_cli_parse_options:
 * @exit_status: (out): set when parsing fails
 *
 * Returns: %FALSE when the command line is wrong; the message has been
 *   printed and @exit_status set.
 */
gboolean
ed_cli_parse_options (GOptionContext   *context,
                      int              *argc,
                      char           ***argv,
                      int              *exit_status)
{
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *exit_status = ed_cli_usage_error ("%s", error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * ed_cli_language:
 * @code: (nullable): the value of --lang, or %NULL for the UI language
 *
 * Returns: the language; on an unknown code, prints why and clears @ok.
 */
EdLanguage
ed_cli_language (const char *code,
                 gboolean   *ok)
{
  EdLanguage language = ed_language_for_ui ();

  *ok = TRUE;
  if (code != NULL && !ed_language_from_code (code, &language))
    {
      ed_cli_usage_error (_("Unknown language “%s”: use en, ja, zh_CN or zh_TW"), code);
      *ok = FALSE;
    }

  return language;
}
