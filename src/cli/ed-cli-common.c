/* ed-cli-common.c — what every verb of entry-desk-cli shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#ifdef G_OS_UNIX
#include <unistd.h>
#else
#include <io.h>
#endif

#include "ed-cli.h"

/* Progress and status lines are for a person watching, not for a log. */
gboolean
ed_cli_stderr_is_terminal (void)
{
#ifdef G_OS_UNIX
  return isatty (STDERR_FILENO);
#else
  return _isatty (_fileno (stderr));
#endif
}

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

/**
 * ed_cli_load_catalog:
 *
 * Loads the catalog as the app does (installed, user's, updates). A file
 * skipped is said on standard error, one line a problem, and the rest is
 * used.
 *
 * Returns: (transfer full): the catalog
 */
EdCatalog *
ed_cli_load_catalog (void)
{
  EdCatalog *catalog = ed_catalog_new ();
  GPtrArray *errors;

  ed_catalog_load_default (catalog);

  errors = ed_catalog_get_errors (catalog);
  for (guint i = 0; i < errors->len; i++)
    {
      const GError *error = g_ptr_array_index (errors, i);
      g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);

      for (guint j = 0; lines[j] != NULL; j++)
        /* Translators: a problem of a procedure file that was left out */
        g_printerr (_("entry-desk-cli: skipped: %s\n"), lines[j]);
    }

  return catalog;
}

/* Prints @node as indented JSON and a new line. */
void
ed_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/**
 * ed_cli_display_width:
 *
 * Returns: the columns @text takes in a terminal: two for a Chinese or
 *   Japanese character, so that columns line up
 */
guint
ed_cli_display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

/* Appends @text and the spaces that make it @width columns wide. */
void
ed_cli_append_padded (GString    *out,
                      const char *text,
                      guint       width)
{
  guint used = ed_cli_display_width (text);

  g_string_append (out, text);
  for (; used < width; used++)
    g_string_append_c (out, ' ');
}

/**
 * ed_cli_find_procedure:
 *
 * Returns: (transfer full): the procedure @id of the catalog, or %NULL
 *   with @error set
 */
EdProcedure *
ed_cli_find_procedure (const char  *id,
                       GError     **error)
{
  g_autoptr(EdCatalog) catalog = ed_cli_load_catalog ();
  EdProcedure *procedure = ed_catalog_lookup (catalog, id);
  if (procedure == NULL)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_NOT_FOUND,
                   _("There is no procedure “%s”; “entry-desk-cli list” shows the ids"), id);
      return NULL;
    }

  return g_object_ref (procedure);
}

/* A member that is a string, or null when @value is %NULL. */
void
ed_cli_json_add_string (JsonBuilder *builder,
                        const char  *key,
                        const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* The name a JSON output gives where a procedure or a journey was read from. */
const char *
ed_cli_origin_name (EdOrigin origin)
{
  static const char * const names[] = { "system", "user", "update", "other" };

  return (guint) origin < G_N_ELEMENTS (names) ? names[origin] : "other";
}

/**
 * ed_cli_run_verbs:
 * @group: the command the verbs belong to ("cases")
 * @print_help: prints the group's usage on a stream
 *
 * Runs the verb named by @argv[1] with the arguments after it.
 *
 * Returns: the verb's exit status, %ED_EXIT_USAGE without a verb, or
 *   %ED_CLI_UNKNOWN_VERB for the caller to say which verbs there are
 */
int
ed_cli_run_verbs (const char       *group,
                  const EdCliVerb  *verbs,
                  guint             n_verbs,
                  void            (*print_help) (FILE *stream),
                  int               argc,
                  char            **argv)
{
  if (argc < 2)
    {
      print_help (stderr);
      return ED_EXIT_USAGE;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      print_help (stdout);
      return ED_EXIT_OK;
    }

  for (guint i = 0; i < n_verbs; i++)
    if (strcmp (argv[1], verbs[i].name) == 0)
      {
        g_autofree char *prgname = g_strdup_printf ("entry-desk-cli %s %s", group,
                                                    verbs[i].name);

        g_set_prgname (prgname);
        return verbs[i].run (argc - 1, argv + 1);
      }

  return ED_CLI_UNKNOWN_VERB;
}

/**
 * ed_cli_find_journey:
 *
 * Returns: (transfer none) (nullable): the journey template @id; %NULL
 *   after saying on standard error that there is none
 */
EdJourney *
ed_cli_find_journey (EdCatalog  *catalog,
                     const char *id)
{
  EdJourney *journey = ed_catalog_lookup_journey (catalog, id);

  if (journey == NULL)
    g_printerr (_("entry-desk-cli: there is no journey “%s”; “entry-desk-cli journeys list” "
                  "shows them\n"), id);
  return journey;
}
