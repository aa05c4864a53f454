/* ed-cli-dates.c — entry-desk-cli dates: a procedure's deadlines and
 * windows for one traveller, and the steps that apply to them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "ed-cli.h"

static const char *
applies_to_string (EdApplies applies)
{
  switch (applies)
    {
    case ED_APPLIES_YES:
      return "yes";
    case ED_APPLIES_NO:
      return "no";
    case ED_APPLIES_UNKNOWN:
    default:
      return "unknown";
    }
}

static const char *
due_state_to_string (EdDueState state)
{
  switch (state)
    {
    case ED_DUE_COMPUTED:
      return "computed";
    case ED_DUE_NOT_APPLICABLE:
      return "not-applicable";
    case ED_DUE_NEEDS_DATA:
    default:
      return "needs-data";
    }
}

static void
add_due (JsonBuilder *builder,
         EdProcedure *procedure,
         const EdDue *due,
         EdLanguage   language)
{
  g_autofree char *from = ed_due_format_from (due);
  g_autofree char *until = ed_due_format_until (due);
  g_autofree char *when = ed_due_describe_when (due, procedure, language);
  g_autofree char *warnings = ed_due_describe_warnings (due, language);

  json_builder_begin_object (builder);
  ed_cli_json_add_string (builder, "id", due->period->id);
  ed_cli_json_add_string (builder, "label", ed_text_lookup (due->period->label, language));
  ed_cli_json_add_string (builder, "kind", ed_due_kind_to_string (due->kind));
  ed_cli_json_add_string (builder, "from", from);
  ed_cli_json_add_string (builder, "until", until);
  ed_cli_json_add_string (builder, "state", due_state_to_string (due->state));
  ed_cli_json_add_string (builder, "event", due->state == ED_DUE_COMPUTED ? due->event : NULL);
  ed_cli_json_add_string (builder, "step", due->period->step);
  ed_cli_json_add_string (builder, "time_zone",
                          due->timed ? ed_procedure_get_time_zone (procedure) : NULL);
  json_builder_set_member_name (builder, "needs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < due->needs->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (due->needs, i));
  json_builder_end_array (builder);
  ed_cli_json_add_string (builder, "text", when);
  ed_cli_json_add_string (builder, "warnings", warnings);
  json_builder_end_object (builder);
}

static void
add_applicability (JsonBuilder           *builder,
                   EdProcedure           *procedure,
                   const EdApplicability *applicability,
                   EdLanguage             language)
{
  g_autofree char *reason = ed_applicability_describe (applicability, procedure, language);

  ed_cli_json_add_string (builder, "applies", applies_to_string (applicability->applies));
  ed_cli_json_add_string (builder, "reason", reason);
  json_builder_set_member_name (builder, "missing");
  json_builder_begin_array (builder);
  for (guint i = 0; i < applicability->missing->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (applicability->missing, i));
  json_builder_end_array (builder);
}

static JsonNode *
dates_to_json (EdProcedure   *procedure,
               const EdFacts *facts,
               EdLanguage     language)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) dues = ed_procedure_compute_dates (procedure, facts);
  g_autoptr(EdApplicability) whole = ed_procedure_check_applies (procedure, facts);
  g_autofree char *status = ed_procedure_describe_status_on (procedure, language, &facts->today,
                                                             FALSE);
  g_autofree char *review = ed_procedure_describe_review (procedure, language, &facts->today,
                                                          ED_PROCEDURE_REVIEW_MAX_DAYS);
  GPtrArray *steps = ed_procedure_get_steps (procedure);

  json_builder_begin_object (builder);
  ed_cli_json_add_string (builder, "procedure", ed_procedure_get_id (procedure));
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, ed_procedure_get_version (procedure));
  ed_cli_json_add_string (builder, "language", ed_language_code (language));
  ed_cli_json_add_string (builder, "time_zone", ed_procedure_get_time_zone (procedure));
  ed_cli_json_add_string (builder, "status_text", status);
  ed_cli_json_add_string (builder, "review_text", review);
  add_applicability (builder, procedure, whole, language);

  json_builder_set_member_name (builder, "dates");
  json_builder_begin_array (builder);
  for (guint i = 0; i < dues->len; i++)
    add_due (builder, procedure, g_ptr_array_index (dues, i), language);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "steps");
  json_builder_begin_array (builder);
  for (guint i = 0; i < steps->len; i++)
    {
      const EdStep *step = g_ptr_array_index (steps, i);
      g_autoptr(EdApplicability) applicability = ed_procedure_check_step (procedure, step, facts);

      json_builder_begin_object (builder);
      ed_cli_json_add_string (builder, "id", step->id);
      ed_cli_json_add_string (builder, "title", ed_text_lookup (step->title, language));
      add_applicability (builder, procedure, applicability, language);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * ed_cli_describe_dates:
 *
 * The dates and steps of @procedure for the traveller of @facts, for a
 * person to read (`dates` without --json, `show --traveller`).
 */
char *
ed_cli_describe_dates (EdProcedure   *procedure,
                       const EdFacts *facts,
                       EdLanguage     language)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) dues = ed_procedure_compute_dates (procedure, facts);
  g_autoptr(EdApplicability) whole = ed_procedure_check_applies (procedure, facts);
  g_autofree char *whole_reason = ed_applicability_describe (whole, procedure, language);
  GPtrArray *steps = ed_procedure_get_steps (procedure);

  if (whole_reason != NULL)
    g_string_append_printf (out, "%s\n\n", whole_reason);

  g_string_append_printf (out, "%s\n", ed_translate (language, "show", "Dates"));
  if (dues->len == 0)
    g_string_append_printf (out, "  %s\n",
                            ed_translate (language, "show", "This procedure has no date rules."));
  for (guint i = 0; i < dues->len; i++)
    {
      const EdDue *due = g_ptr_array_index (dues, i);
      g_autofree char *when = ed_due_describe_when (due, procedure, language);
      g_autofree char *warnings = ed_due_describe_warnings (due, language);

      g_string_append_printf (out, "• %s: %s\n",
                              ed_text_lookup (due->period->label, language), when);
      if (warnings != NULL)
        g_string_append_printf (out, "  ⚠ %s\n", warnings);
    }

  g_string_append_printf (out, "\n%s\n", ed_translate (language, "show", "Steps"));
  for (guint i = 0; i < steps->len; i++)
    {
      const EdStep *step = g_ptr_array_index (steps, i);
      g_autoptr(EdApplicability) applicability = ed_procedure_check_step (procedure, step, facts);
      g_autofree char *reason = ed_applicability_describe (applicability, procedure, language);
      const char *mark = applicability->applies == ED_APPLIES_YES ? "✓"
                         : applicability->applies == ED_APPLIES_NO ? "–" : "?";

      g_string_append_printf (out, "%s %u. %s\n", mark, i + 1,
                              ed_text_lookup (step->title, language));
      if (reason != NULL)
        g_string_append_printf (out, "     %s\n", reason);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * ed_cli_load_traveller_facts:
 *
 * Loads a traveller file and normalises it for @procedure, as the rules
 * read it.
 *
 * Returns: (transfer full) (nullable): the traveller
 */
EdTraveller *
ed_cli_load_traveller_facts (const char   *path,
                             EdProcedure  *procedure,
                             EdFacts      *facts,
                             GError      **error)
{
  g_autoptr(EdTraveller) traveller = ed_traveller_load (path, error);

  if (traveller == NULL)
    return NULL;

  ed_traveller_normalize (traveller, procedure);
  ed_traveller_get_facts (traveller, facts, NULL);
  return g_steal_pointer (&traveller);
}

int
ed_cli_dates (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EdProcedure) procedure = NULL;
  g_autoptr(EdTraveller) traveller = NULL;
  g_autofree char *traveller_path = NULL;
  g_autofree char *lang = NULL;
  GError *error = NULL;
  gboolean json = FALSE;
  EdLanguage language;
  EdFacts facts;
  gboolean ok;
  int status;
  const GOptionEntry entries[] = {
    { "traveller", 0, 0, G_OPTION_ARG_FILENAME, &traveller_path,
      N_("The traveller file"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      N_("Language of the labels (en, ja, zh_CN, zh_TW); the UI language by default"), "LANG" },
    { NULL }
  };

  context = g_option_context_new (_("ID --traveller TRAVELLER.json"));
  g_option_context_set_summary (context,
                                _("Work out a procedure’s deadlines and windows for one traveller, "
                                  "and the steps that apply."));
  g_option_context_set_description (context,
                                    _("Hour rules are computed in the procedure’s time zone and "
                                      "printed with their\n"
                                      "offset (2027-01-01T23:10+08:00); "
                                      "day rules give dates (2027-01-14).\n"
                                      "A rule whose date the traveller lacks says what it needs; "
                                      "a rule or step\n"
                                      "that does not apply says why."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!ed_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return ed_cli_usage_error (_("No procedure id given"));
  if (argc > 2)
    return ed_cli_usage_error (_("Unexpected argument “%s”"), argv[2]);
  if (traveller_path == NULL)
    return ed_cli_usage_error (_("Give the traveller file with --traveller"));

  language = ed_cli_language (lang, &ok);
  if (!ok)
    return ED_EXIT_USAGE;

  procedure = ed_cli_find_procedure (argv[1], &error);
  if (procedure == NULL)
    return ed_cli_fail (error);

  traveller = ed_cli_load_traveller_facts (traveller_path, procedure, &facts, &error);
  if (traveller == NULL)
    return ed_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonNode) node = dates_to_json (procedure, &facts, language);

      ed_cli_print_json (node);
    }
  else
    {
      g_autofree char *text = ed_cli_describe_dates (procedure, &facts, language);

      fputs (text, stdout);
    }

  return ED_EXIT_OK;
}
