/* ed-cli-journeys.c — entry-desk-cli journeys list|show
 *
 * The journey templates the catalog holds (data/journeys/README.md): the
 * shipped ones and the office's own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "ed-cli.h"

#define add_string ed_cli_json_add_string

static void
add_journey (JsonBuilder *builder,
             EdJourney   *journey,
             EdCatalog   *catalog,
             EdLanguage   language,
             gboolean     full)
{
  GPtrArray *items = ed_journey_get_items (journey);
  GDate today;

  ed_date_today (&today);
  json_builder_begin_object (builder);
  add_string (builder, "id", ed_journey_get_id (journey));
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, ed_journey_get_version (journey));
  add_string (builder, "reviewed", ed_journey_get_reviewed (journey));
  add_string (builder, "origin", ed_cli_origin_name (ed_journey_get_origin (journey)));
  add_string (builder, "title", ed_text_lookup (ed_journey_get_title (journey), language));
  if (full)
    add_string (builder, "summary", ed_text_lookup (ed_journey_get_summary (journey), language));

  json_builder_set_member_name (builder, "procedures");
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      const EdJourneyItem *item = g_ptr_array_index (items, i);
      EdProcedure *procedure = ed_catalog_lookup (catalog, item->id);
      g_autofree char *status = NULL;

      if (!full)
        {
          json_builder_add_string_value (builder, item->id);
          continue;
        }

      json_builder_begin_object (builder);
      add_string (builder, "id", item->id);
      add_string (builder, "title", procedure != NULL
                                    ? ed_text_lookup (ed_procedure_get_title (procedure), language)
                                    : NULL);
      if (procedure != NULL)
        status = ed_procedure_describe_status_on (procedure, language, &today, FALSE);
      add_string (builder, "status", status);
      json_builder_set_member_name (builder, "ended");
      json_builder_add_boolean_value (builder, procedure != NULL &&
                                               ed_procedure_has_ended (procedure, &today));
      json_builder_set_member_name (builder, "missing");
      json_builder_add_boolean_value (builder, procedure == NULL);
      add_string (builder, "note", item->note != NULL ? ed_text_lookup (item->note, language)
                                                      : NULL);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static int
journeys_list (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EdCatalog) catalog = NULL;
  g_autofree char *lang = NULL;
  gboolean json = FALSE;
  EdLanguage language;
  GListModel *journeys;
  gboolean ok;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      N_("Language of the titles (en, ja, zh_CN, zh_TW); the UI language by default"), "LANG" },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("List the journey templates: several procedures in the "
                                           "order a traveller goes through them."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!ed_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return ed_cli_usage_error (_("Unexpected argument “%s”"), argv[1]);
  language = ed_cli_language (lang, &ok);
  if (!ok)
    return ED_EXIT_USAGE;

  catalog = ed_cli_load_catalog ();
  journeys = ed_catalog_get_journeys (catalog);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (journeys); i++)
        {
          g_autoptr(EdJourney) journey = g_list_model_get_item (journeys, i);

          add_journey (builder, journey, catalog, language, FALSE);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      ed_cli_print_json (root);
      return ED_EXIT_OK;
    }

  for (guint i = 0; i < g_list_model_get_n_items (journeys); i++)
    {
      g_autoptr(EdJourney) journey = g_list_model_get_item (journeys, i);
      guint n = ed_journey_get_items (journey)->len;

      g_print ("%-20s  %s  ", ed_journey_get_id (journey),
               ed_text_lookup (ed_journey_get_title (journey), language));
      g_print (ngettext ("(%u procedure)\n", "(%u procedures)\n", n), n);
    }

  return ED_EXIT_OK;
}

static int
journeys_show (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EdCatalog) catalog = NULL;
  g_autofree char *lang = NULL;
  gboolean json = FALSE;
  EdLanguage language;
  EdJourney *journey;
  GPtrArray *items;
  gboolean ok;
  int status;
  GDate today;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      N_("Language of the texts (en, ja, zh_CN, zh_TW); the UI language by default"), "LANG" },
    { NULL }
  };

  context = g_option_context_new (_("ID"));
  g_option_context_set_summary (context, _("Show a journey template: its procedures in order, and "
                                           "why each is there."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!ed_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return ed_cli_usage_error (_("No journey id given"));
  if (argc > 2)
    return ed_cli_usage_error (_("Unexpected argument “%s”"), argv[2]);
  language = ed_cli_language (lang, &ok);
  if (!ok)
    return ED_EXIT_USAGE;

  catalog = ed_cli_load_catalog ();
  journey = ed_cli_find_journey (catalog, argv[1]);
  if (journey == NULL)
    return ED_EXIT_INVALID;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      add_journey (builder, journey, catalog, language, TRUE);
      root = json_builder_get_root (builder);
      ed_cli_print_json (root);
      return ED_EXIT_OK;
    }

  ed_date_today (&today);
  items = ed_journey_get_items (journey);
  g_print ("%s\n%s\n", ed_text_lookup (ed_journey_get_title (journey), language),
           ed_text_lookup (ed_journey_get_summary (journey), language));
  /* Translators: %s is a date, YYYY-MM-DD */
  g_print (_("Reviewed on %s"), ed_journey_get_reviewed (journey));
  g_print ("\n\n");

  for (guint i = 0; i < items->len; i++)
    {
      const EdJourneyItem *item = g_ptr_array_index (items, i);
      EdProcedure *procedure = ed_catalog_lookup (catalog, item->id);

      if (procedure == NULL)
        {
          /* Translators: a journey names a procedure the catalog lacks */
          g_print ("%u. %s — %s\n", i + 1, item->id, _("not in the catalog: left out"));
        }
      else
        {
          g_autofree char *brief = ed_procedure_describe_status_brief (procedure, language);

          g_print ("%u. %s (%s)", i + 1,
                   ed_text_lookup (ed_procedure_get_title (procedure), language), item->id);
          if (ed_procedure_has_ended (procedure, &today) && brief != NULL)
            g_print (" — %s", brief);
          g_print ("\n");
        }
      if (item->note != NULL)
        g_print ("   %s\n", ed_text_lookup (item->note, language));
    }

  return ED_EXIT_OK;
}

static void
print_help (FILE *stream)
{
  fprintf (stream, "%s\n  entry-desk-cli journeys list [--json] [--lang L]\n"
                   "  entry-desk-cli journeys show ID [--json] [--lang L]\n\n%s\n",
           _("Usage:"),
           _("Run “entry-desk-cli journeys COMMAND --help” for the options of a command."));
}

int
ed_cli_journeys (int    argc,
                 char **argv)
{
  static const EdCliVerb verbs[] = {
    { "list", journeys_list },
    { "show", journeys_show },
  };
  int status = ed_cli_run_verbs ("journeys", verbs, G_N_ELEMENTS (verbs), print_help, argc, argv);

  if (status == ED_CLI_UNKNOWN_VERB)
    return ed_cli_usage_error (_("Unknown journeys command “%s”: use list or show"), argv[1]);
  return status;
}
