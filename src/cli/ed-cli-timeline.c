/* ed-cli-timeline.c — entry-desk-cli cases new --journey and cases timeline
 *
 * A case started from a journey template for travellers read from their
 * files, and a case's timeline: every deadline and window of its
 * procedures, for a person, as JSON, or as an iCalendar file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "ed-cli.h"

#define add_string ed_cli_json_add_string

static GPtrArray *
load_travellers (char      **paths,
                 EdJourney  *journey,
                 EdCatalog  *catalog,
                 GError    **error)
{
  g_autoptr(GPtrArray) travellers = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *items = ed_journey_get_items (journey);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      EdTraveller *traveller = ed_traveller_load (paths[i], error);

      if (traveller == NULL)
        return NULL;
      /* As each procedure of the journey would write the values. */
      for (guint j = 0; j < items->len; j++)
        {
          const EdJourneyItem *item = g_ptr_array_index (items, j);
          EdProcedure *procedure = ed_catalog_lookup (catalog, item->id);

          if (procedure != NULL)
            ed_traveller_normalize (traveller, procedure);
        }
      g_ptr_array_add (travellers, traveller);
    }

  return g_steal_pointer (&travellers);
}

static void
print_created (EdCase     *kase,
               EdJourney  *journey,
               EdCatalog  *catalog,
               GPtrArray  *left_out,
               EdLanguage  language)
{
  g_autofree char *title = ed_case_dup_title (kase);
  GDate today;

  ed_date_today (&today);
  /* Translators: a case reference, then the travellers' names */
  g_print (_("Created %s: %s\n"), ed_case_get_reference (kase), title);
  g_print ("%s\n", ed_text_lookup (ed_journey_get_title (journey), language));
  for (guint i = 0; i < ed_case_get_n_procedures (kase); i++)
    {
      EdProcedure *procedure = ed_catalog_lookup (catalog, ed_case_get_procedure (kase, i)->id);

      g_print ("  %u. %s", i + 1, ed_text_lookup (ed_procedure_get_title (procedure), language));
      if (ed_procedure_has_ended (procedure, &today))
        g_print (" — %s", _("ended"));
      g_print ("\n");
    }

  if (left_out->len > 0)
    g_print ("%s\n", _("Left out, as they do not apply:"));
  for (guint i = 0; i < left_out->len; i++)
    {
      EdProposal *proposal = g_ptr_array_index (left_out, i);
      g_autofree char *why = ed_applicability_describe (proposal->why_not, proposal->procedure,
                                                        language);

      g_print ("  – %s\n", ed_text_lookup (ed_procedure_get_title (proposal->procedure),
                                           language));
      if (why != NULL)
        g_print ("    %s\n", why);
    }
}

static void
print_created_json (EdCase     *kase,
                    GPtrArray  *left_out,
                    EdLanguage  language)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_string (builder, "reference", ed_case_get_reference (kase));
  add_string (builder, "journey", ed_case_get_journey_id (kase));
  json_builder_set_member_name (builder, "procedures");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ed_case_get_n_procedures (kase); i++)
    json_builder_add_string_value (builder, ed_case_get_procedure (kase, i)->id);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "left_out");
  json_builder_begin_array (builder);
  for (guint i = 0; i < left_out->len; i++)
    {
      EdProposal *proposal = g_ptr_array_index (left_out, i);
      g_autofree char *why = ed_applicability_describe (proposal->why_not, proposal->procedure,
                                                        language);

      json_builder_begin_object (builder);
      add_string (builder, "id", ed_procedure_get_id (proposal->procedure));
      add_string (builder, "reason", why);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  ed_cli_print_json (root);
}

/**
 * ed_cli_cases_new:
 *
 * `cases new --journey ID --traveller F.json [--traveller F2.json…]`
 */
int
ed_cli_cases_new (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EdCatalog) catalog = NULL;
  g_autoptr(EdStore) store = NULL;
  g_autoptr(GPtrArray) travellers = NULL;
  g_autoptr(GPtrArray) left_out = NULL;
  g_autoptr(EdCase) kase = NULL;
  g_auto(GStrv) paths = NULL;
  g_autofree char *journey_id = NULL;
  g_autofree char *lang = NULL;
  GError *error = NULL;
  gboolean json = FALSE;
  EdLanguage language;
  EdJourney *journey;
  gboolean ok;
  int status;
  GDate today;
  const GOptionEntry entries[] = {
    { "journey", 0, 0, G_OPTION_ARG_STRING, &journey_id, N_("The journey template to start from"),
      N_("ID") },
    { "traveller", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths,
      N_("A traveller file; repeat it for a family"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      N_("Language of the texts (en, ja, zh_CN, zh_TW); the UI language by default"), "LANG" },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Start a case from a journey template for the "
                                           "travellers of the files given: the journey’s "
                                           "procedures that apply to them, in its order."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!ed_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return ed_cli_usage_error (_("Unexpected argument “%s”"), argv[1]);
  if (journey_id == NULL)
    return ed_cli_usage_error (_("Give the journey with --journey (“entry-desk-cli journeys list” "
                                 "shows them)"));
  if (paths == NULL)
    return ed_cli_usage_error (_("Give at least one traveller file with --traveller"));
  language = ed_cli_language (lang, &ok);
  if (!ok)
    return ED_EXIT_USAGE;

  catalog = ed_cli_load_catalog ();
  journey = ed_cli_find_journey (catalog, journey_id);
  if (journey == NULL)
    return ED_EXIT_INVALID;

  travellers = load_travellers (paths, journey, catalog, &error);
  if (travellers == NULL)
    return ed_cli_fail (error);

  ed_date_today (&today);
  kase = ed_case_new_from_journey (journey, catalog, travellers, &today, &left_out, &error);
  if (kase == NULL)
    return ed_cli_fail (error);

  store = ed_cli_open_case_store (catalog, &status);
  if (store == NULL)
    return status;
  if (!ed_store_add_case (store, kase, &error))
    return ed_cli_fail (error);

  if (json)
    print_created_json (kase, left_out, language);
  else
    print_created (kase, journey, catalog, left_out, language);

  return ED_EXIT_OK;
}

static const char *
traveller_name (EdTraveller *traveller,
                char       **storage)
{
  *storage = ed_traveller_dup_display_name (traveller);
  return **storage != '\0' ? *storage : NULL;
}

static JsonNode *
timeline_to_json (EdCase     *kase,
                  EdTimeline *timeline,
                  EdLanguage  language)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *now = g_date_time_format_iso8601 (ed_timeline_get_now (timeline));
  const EdTimelineEntry *next = ed_timeline_get_next (timeline);

  json_builder_begin_object (builder);
  add_string (builder, "reference", ed_case_get_reference (kase));
  add_string (builder, "journey", ed_case_get_journey_id (kase));
  add_string (builder, "now", now);
  json_builder_set_member_name (builder, "soon_days");
  json_builder_add_int_value (builder, ed_timeline_get_soon_days (timeline));

  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ed_timeline_get_n_entries (timeline); i++)
    {
      const EdTimelineEntry *entry = ed_timeline_get_entry (timeline, i);
      g_autofree char *from = ed_due_format_from (entry->due);
      g_autofree char *until = ed_due_format_until (entry->due);
      g_autofree char *when = ed_timeline_entry_describe_when (entry, language);
      g_autofree char *warnings = ed_due_describe_warnings (entry->due, language);
      g_autofree char *state = ed_timeline_describe_state (entry->state, language);
      g_autofree char *name = NULL;

      json_builder_begin_object (builder);
      add_string (builder, "procedure", ed_procedure_get_id (entry->procedure));
      add_string (builder, "id", entry->due->period->id);
      add_string (builder, "label", ed_text_lookup (entry->due->period->label, language));
      add_string (builder, "kind", ed_due_kind_to_string (entry->due->kind));
      add_string (builder, "from", from);
      add_string (builder, "until", until);
      add_string (builder, "state", ed_timeline_state_to_string (entry->state));
      add_string (builder, "state_text", state);
      json_builder_set_member_name (builder, "traveller");
      json_builder_add_int_value (builder, entry->traveller_index);
      add_string (builder, "traveller_name", traveller_name (entry->traveller, &name));
      json_builder_set_member_name (builder, "ended");
      json_builder_add_boolean_value (builder, entry->ended);
      json_builder_set_member_name (builder, "next");
      json_builder_add_boolean_value (builder, entry == next);
      add_string (builder, "text", when);
      add_string (builder, "warnings", warnings);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
print_timeline (EdCase     *kase,
                EdCatalog  *catalog,
                EdTimeline *timeline,
                EdLanguage  language)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *now = g_date_time_format (ed_timeline_get_now (timeline),
                                             "%Y-%m-%d %H:%M (UTC%:z)");
  EdJourney *journey = ed_case_get_journey_id (kase) != NULL
                       ? ed_catalog_lookup_journey (catalog, ed_case_get_journey_id (kase))
                       : NULL;
  guint width = 0;

  g_string_append (out, ed_case_get_reference (kase));
  if (journey != NULL)
    g_string_append_printf (out, " — %s",
                            ed_text_lookup (ed_journey_get_title (journey), language));
  g_string_append_c (out, '\n');
  /* Translators: a date and time, then a number of days */
  g_string_append_printf (out, _("As of %s; due soon means within %u days"), now,
                          ed_timeline_get_soon_days (timeline));
  g_string_append (out, "\n\n");

  if (ed_timeline_get_n_entries (timeline) == 0)
    g_string_append_printf (out, "%s\n", _("No deadline: none of the case’s procedures has a "
                                           "date rule that applies."));

  for (EdTimelineState s = ED_TIMELINE_DONE; s <= ED_TIMELINE_NEEDS_DATA; s++)
    {
      g_autofree char *state = ed_timeline_describe_state (s, language);

      width = MAX (width, ed_cli_display_width (state));
    }

  for (guint i = 0; i < ed_timeline_get_n_entries (timeline); i++)
    {
      const EdTimelineEntry *entry = ed_timeline_get_entry (timeline, i);
      g_autofree char *state = ed_timeline_describe_state (entry->state, language);
      g_autofree char *when = ed_timeline_entry_describe_when (entry, language);
      g_autofree char *warnings = ed_due_describe_warnings (entry->due, language);
      g_autofree char *name = NULL;

      ed_cli_append_padded (out, state, width);
      g_string_append_printf (out, "  %s\n", ed_text_lookup (entry->due->period->label,
                                                             language));
      g_string_append_printf (out, "%*s  %s\n", (int) width, "", when);
      g_string_append_printf (out, "%*s  %s", (int) width, "",
                              ed_text_lookup (ed_procedure_get_title (entry->procedure),
                                              language));
      if (traveller_name (entry->traveller, &name) != NULL)
        g_string_append_printf (out, " · %s", name);
      if (entry->ended)
        g_string_append_printf (out, " · %s", _("ended"));
      g_string_append_c (out, '\n');
      if (warnings != NULL)
        g_string_append_printf (out, "%*s  ⚠ %s\n", (int) width, "", warnings);
    }

  fputs (out->str, stdout);
}

/**
 * ed_cli_load_case:
 * @reference: as typed ("ED-7K3M-Q9", "7k3mq9")
 *
 * Returns: (transfer full) (nullable): the case, or %NULL after saying
 *   why, with @status set
 */
EdCase *
ed_cli_load_case (EdStore    *store,
                  const char *reference,
                  int        *status)
{
  g_autoptr(EdCaseInfo) info = NULL;
  GError *error = NULL;
  EdCase *kase;

  info = ed_store_find_case (store, reference, &error);
  if (info == NULL && error == NULL)
    {
      g_printerr (_("entry-desk-cli: there is no case “%s”\n"), reference);
      *status = ED_EXIT_INVALID;
      return NULL;
    }
  if (info == NULL)
    {
      *status = ed_cli_fail (error);
      return NULL;
    }

  kase = ed_store_load_case (store, ed_case_info_get_id (info), &error);
  if (kase == NULL)
    *status = ed_cli_fail (error);
  return kase;
}

/* ISO 8601 with or without seconds: 2027-01-21T09:00+09:00; without an
 * offset, local time. */
static GDateTime *
parse_time (const char *text)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GRegex) minutes = g_regex_new ("^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2})([^:\\d].*)?$", 0,
                                           0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GDateTime *time = g_date_time_new_from_iso8601 (text, local);

  if (time == NULL && g_regex_match (minutes, text, 0, &match))
    {
      g_autofree char *day_time = g_match_info_fetch (match, 1);
      g_autofree char *zone = g_match_info_fetch (match, 2);
      g_autofree char *with_seconds = g_strconcat (day_time, ":00", zone, NULL);

      time = g_date_time_new_from_iso8601 (with_seconds, local);
    }

  return time;
}

/**
 * ed_cli_cases_timeline:
 *
 * `cases timeline REF [--json | --ics -o F.ics] [--now TIME] [--soon-days N]`
 */
int
ed_cli_cases_timeline (int    argc,
                       char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EdCatalog) catalog = NULL;
  g_autoptr(EdStore) store = NULL;
  g_autoptr(EdCase) kase = NULL;
  g_autoptr(EdTimeline) timeline = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *output = NULL;
  GError *error = NULL;
  gboolean json = FALSE, ics = FALSE;
  int soon_days = ED_TIMELINE_SOON_DAYS;
  EdLanguage language;
  gboolean ok;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "ics", 0, 0, G_OPTION_ARG_NONE, &ics, N_("Write an iCalendar file (with -o)"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write the iCalendar file"),
      N_("FILE") },
    { "now", 0, 0, G_OPTION_ARG_STRING, &now_text,
      N_("Judge the deadlines at this time instead of now (ISO 8601, 2027-01-21T09:00+09:00)"),
      N_("TIME") },
    { "soon-days", 0, 0, G_OPTION_ARG_INT, &soon_days, N_("Due soon within this many days (3)"),
      N_("DAYS") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      N_("Language of the texts (en, ja, zh_CN, zh_TW); the UI language by default"), "LANG" },
    { NULL }
  };

  context = g_option_context_new (_("REFERENCE"));
  g_option_context_set_summary (context, _("Show every deadline and window of a case’s procedures, "
                                           "for each traveller, in date order, marked done, "
                                           "overdue, due soon, or waiting for data."));
  g_option_context_set_description (context,
                                    _("With --ics -o FILE, writes them as an iCalendar file "
                                      "instead: one event for\n"
                                      "each deadline still to do, in the place’s time zone, "
                                      "with the case reference\n"
                                      "and a reminder. Names, passport numbers and birth dates "
                                      "are never written."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!ed_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return ed_cli_usage_error (_("No case reference given"));
  if (argc > 2)
    return ed_cli_usage_error (_("Unexpected argument “%s”"), argv[2]);
  if (json && ics)
    return ed_cli_usage_error (_("Give --json or --ics, not both"));
  if (ics != (output != NULL))
    return ed_cli_usage_error (_("--ics writes a file: give it with -o FILE"));
  if (soon_days < 0 || soon_days > 365)
    return ed_cli_usage_error (_("--soon-days must be between 0 and 365"));
  language = ed_cli_language (lang, &ok);
  if (!ok)
    return ED_EXIT_USAGE;

  if (now_text != NULL)
    {
      now = parse_time (now_text);
      if (now == NULL)
        return ed_cli_usage_error (_("“%s” is not a time such as 2027-01-21T09:00+09:00"),
                                   now_text);
    }
  else
    now = ed_date_dup_now ();

  catalog = ed_cli_load_catalog ();
  store = ed_cli_open_case_store (catalog, &status);
  if (store == NULL)
    return status;

  kase = ed_cli_load_case (store, argv[1], &status);
  if (kase == NULL)
    return status;

  timeline = ed_case_compute_timeline (kase, catalog, now, (guint) soon_days);

  if (ics)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
      guint n_events = 0;

      if (!ed_timeline_save_ical (timeline, ed_case_get_reference (kase),
                                  ed_case_get_n_travellers (kase), language, file, &n_events,
                                  NULL, &error))
        return ed_cli_fail (error);
      /* Translators: a file, then how many events it holds */
      g_print (ngettext ("Wrote %s: %u event\n", "Wrote %s: %u events\n", n_events), output,
               n_events);
    }
  else if (json)
    {
      g_autoptr(JsonNode) root = timeline_to_json (kase, timeline, language);

      ed_cli_print_json (root);
    }
  else
    print_timeline (kase, catalog, timeline, language);

  return ED_EXIT_OK;
}
