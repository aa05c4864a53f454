/* ed-cli-list.c — entry-desk-cli list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "ed-cli.h"

static JsonNode *
list_to_json (GListModel *procedures,
              EdLanguage  language)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (procedures); i++)
    {
      g_autoptr(EdProcedure) procedure = g_list_model_get_item (procedures, i);
      g_autofree char *status_text = ed_procedure_describe_status (procedure, language);

      json_builder_begin_object (builder);
      ed_cli_json_add_string (builder, "id", ed_procedure_get_id (procedure));
      ed_cli_json_add_string (builder, "region",
                              ed_text_lookup (ed_procedure_get_region_name (procedure), language));
      ed_cli_json_add_string (builder, "title",
                              ed_text_lookup (ed_procedure_get_title (procedure), language));
      ed_cli_json_add_string (builder, "status",
                              ed_procedure_get_status (procedure) == ED_STATUS_CURRENT
                              ? "current"
                              : "archived");
      json_builder_set_member_name (builder, "ended");
      json_builder_add_boolean_value (builder, ed_procedure_has_ended (procedure, NULL));
      ed_cli_json_add_string (builder, "status_text", status_text);
      ed_cli_json_add_string (builder, "language", ed_language_code (language));
      ed_cli_json_add_string (builder, "country", ed_procedure_get_country (procedure));
      ed_cli_json_add_string (builder, "subdivision", ed_procedure_get_subdivision (procedure));
      ed_cli_json_add_string (builder, "valid_from", ed_procedure_get_valid_from (procedure));
      ed_cli_json_add_string (builder, "valid_until", ed_procedure_get_valid_until (procedure));
      ed_cli_json_add_string (builder, "superseded_by", ed_procedure_get_superseded_by (procedure));
      json_builder_set_member_name (builder, "version");
      json_builder_add_int_value (builder, ed_procedure_get_version (procedure));
      ed_cli_json_add_string (builder, "updated", ed_procedure_get_updated (procedure));
      ed_cli_json_add_string (builder, "origin",
                              ed_cli_origin_name (ed_procedure_get_origin (procedure)));
      ed_cli_json_add_string (builder, "path", ed_procedure_get_path (procedure));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

/* One line a procedure: id, region, status, title, in aligned columns
 * (the title last, as it is the longest). */
static void
print_list (GListModel *procedures,
            EdLanguage  language)
{
  guint n = g_list_model_get_n_items (procedures);
  g_autoptr(GPtrArray) statuses = g_ptr_array_new_with_free_func (g_free);
  guint id_width = 0, region_width = 0, status_width = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EdProcedure) procedure = g_list_model_get_item (procedures, i);
      char *status = ed_procedure_describe_status_brief (procedure, language);
      const char *region = ed_text_lookup (ed_procedure_get_region_name (procedure), language);

      id_width = MAX (id_width, ed_cli_display_width (ed_procedure_get_id (procedure)));
      region_width = MAX (region_width, ed_cli_display_width (region));
      status_width = MAX (status_width, ed_cli_display_width (status));
      g_ptr_array_add (statuses, status);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EdProcedure) procedure = g_list_model_get_item (procedures, i);
      g_autoptr(GString) line = g_string_new (NULL);

      ed_cli_append_padded (line, ed_procedure_get_id (procedure), id_width + 2);
      ed_cli_append_padded (line,
                            ed_text_lookup (ed_procedure_get_region_name (procedure), language),
                            region_width + 2);
      ed_cli_append_padded (line, g_ptr_array_index (statuses, i), status_width + 2);
      g_string_append (line, ed_text_lookup (ed_procedure_get_title (procedure), language));
      g_print ("%s\n", line->str);
    }
}

int
ed_cli_list (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EdCatalog) catalog = NULL;
  g_autofree char *lang = NULL;
  gboolean json = FALSE;
  EdLanguage language;
  gboolean ok;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      N_("Language of the titles and status (en, ja, zh_CN, zh_TW); the UI language by default"),
      "LANG" },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("List the procedures of the catalog."));
  g_option_context_set_description (context,
                                    _("One line a procedure: id, region, status and title.\n"
                                      "With --json, an array of objects with the keys id, region, "
                                      "title, status\n"
                                      "(“current” or “archived”), ended, status_text, "
                                      "language, country,\n"
                                      "subdivision, valid_from, valid_until, superseded_by, "
                                      "version, updated,\n"
                                      "origin and path."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!ed_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return ed_cli_usage_error (_("Unexpected argument “%s”"), argv[1]);

  language = ed_cli_language (lang, &ok);
  if (!ok)
    return ED_EXIT_USAGE;

  catalog = ed_cli_load_catalog ();
  if (json)
    {
      g_autoptr(JsonNode) node = list_to_json (ed_catalog_get_procedures (catalog), language);

      ed_cli_print_json (node);
    }
  else
    print_list (ed_catalog_get_procedures (catalog), language);

  return ED_EXIT_OK;
}
