/* ed-cli-cases.c — entry-desk-cli cases list|export|import|purge|retention
 * (new and timeline are in ed-cli-timeline.c)
 *
 * The store the GUI uses ($XDG_DATA_HOME/entry-desk/cases.db), or with
 * --store URI (or $ENTRY_DESK_STORE) another file or an office database
 * (postgresql://…), from the command line. Exit status as everywhere: 0
 * done, 1 the input (a file, a reference) is invalid, 2 the command line
 * is wrong, which includes a purge without --yes: it shows what would go
 * and deletes nothing. "cases edit" and "cases migrate" are in their own
 * files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "ed-cli.h"

static char *store_location;

static const GOptionEntry store_entries[] = {
  { "store", 0, 0, G_OPTION_ARG_STRING, &store_location,
    N_("Where the cases are: a case database file, or an office database "
       "postgresql://USER@HOST/DATABASE (default: $ENTRY_DESK_STORE, or this desk’s own)"),
    N_("URI") },
  { NULL }
};

/**
 * ed_cli_store_location:
 *
 * Returns: (nullable): --store, else $ENTRY_DESK_STORE, else %NULL (the
 *   desk's own store)
 */
const char *
ed_cli_store_location (void)
{
  const char *location = store_location != NULL ? store_location
                                                 : g_getenv ("ENTRY_DESK_STORE");

  return location != NULL && *location != '\0' ? location : NULL;
}

/* Saves made here while the office database could not be reached were
 * sent when it opened: what another desk changed meanwhile is said. */
static void
report_conflicts (EdStore *store)
{
  GPtrArray *conflicts = ed_store_get_conflicts (store);

  for (guint i = 0; i < conflicts->len; i++)
    {
      EdCaseConflict *conflict = g_ptr_array_index (conflicts, i);
      g_autofree char *shown = ed_case_reference_format (ed_case_conflict_get_reference (conflict));

      g_printerr (_("entry-desk-cli: case %s was changed on another desk (by %s) while this "
                    "desk worked offline; its change here waits: open the case in Entry Desk "
                    "to choose.\n"), shown, ed_case_conflict_get_changed_by (conflict));
    }
}

/**
 * ed_cli_open_store:
 * @location: (nullable): where, or %NULL for ed_cli_store_location()
 *
 * Returns: (transfer full) (nullable): the store; on error %NULL, with
 *   the message printed and @status set
 */
EdStore *
ed_cli_open_store (const char *location,
                   int        *status)
{
  g_autoptr(GError) error = NULL;
  EdStore *store;

  store = ed_store_open (location != NULL ? location : ed_cli_store_location (), NULL, &error);
  if (store == NULL)
    {
      *status = ed_cli_fail (g_steal_pointer (&error));
      return NULL;
    }

  /* A damaged store was replaced: say so, and carry on with the new. */
  if (ed_store_get_recovery (store) != NULL)
    g_printerr ("entry-desk-cli: %s\n", ed_store_get_recovery (store)->message);
  report_conflicts (store);

  return store;
}

/**
 * ed_cli_open_case_store:
 * @catalog: (nullable): the procedures next deadlines are worked out
 *   with; the catalog is loaded when %NULL
 *
 * ed_cli_open_store() at ed_cli_store_location(), with the catalog set.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with
 *   @status set
 */
EdStore *
ed_cli_open_case_store (EdCatalog *catalog,
                        int       *status)
{
  g_autoptr(EdCatalog) loaded = NULL;
  EdStore *store = ed_cli_open_store (NULL, status);

  if (store == NULL)
    return NULL;

  /* What is written carries its next deadline, as from the app. */
  if (catalog == NULL)
    catalog = loaded = ed_cli_load_catalog ();
  ed_store_set_catalog (store, catalog);
  return store;
}

static EdStore *
open_store (int *status)
{
  return ed_cli_open_case_store (NULL, status);
}

static char *
format_date (gint64 seconds)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (seconds);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d") : g_strdup ("");
}

static const char *
status_label (EdCaseStatus status)
{
  /* Translators: a case's status in "cases list" */
  return status == ED_CASE_CLOSED ? C_("case", "closed") : C_("case", "open");
}

static void
print_rows (GPtrArray *infos)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint status_width = MAX (ed_cli_display_width (status_label (ED_CASE_OPEN)),
                            ed_cli_display_width (status_label (ED_CASE_CLOSED)));

  for (guint i = 0; i < infos->len; i++)
    {
      EdCaseInfo *info = g_ptr_array_index (infos, i);
      g_autofree char *changed = format_date (ed_case_info_get_modified (info));

      g_string_append_printf (out, "%s  ", ed_case_info_get_reference (info));
      ed_cli_append_padded (out, status_label (ed_case_info_get_status (info)), status_width);
      g_string_append_printf (out, "  %s  %-28s  %s\n", changed,
                              ed_case_info_get_procedure_id (info),
                              ed_case_info_get_title (info));
    }
  g_print ("%s", out->str);
}

static void
add_time (JsonBuilder *builder,
          const char  *name,
          gint64       seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (seconds);
  g_autofree char *text = g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, text);
}

static void
print_json (GPtrArray *infos)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < infos->len; i++)
    {
      EdCaseInfo *info = g_ptr_array_index (infos, i);
      const char * const *names = ed_case_info_get_names (info);
      EdCaseProgress progress;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "reference");
      json_builder_add_string_value (builder, ed_case_info_get_reference (info));
      json_builder_set_member_name (builder, "procedure");
      json_builder_add_string_value (builder, ed_case_info_get_procedure_id (info));
      json_builder_set_member_name (builder, "procedure_version");
      json_builder_add_int_value (builder, ed_case_info_get_procedure_version (info));
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder,
                                     ed_case_status_to_string (ed_case_info_get_status (info)));
      json_builder_set_member_name (builder, "travellers");
      json_builder_begin_array (builder);
      for (guint j = 0; names[j] != NULL; j++)
        json_builder_add_string_value (builder, names[j]);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "checklist_done");
      json_builder_add_int_value (builder, ed_case_info_get_n_done (info));
      json_builder_set_member_name (builder, "current_step");
      json_builder_add_string_value (builder, ed_case_info_get_current_step (info));
      /* How far, in the steps that apply, as the window counts it. */
      if (ed_case_info_get_progress (info, &progress))
        {
          json_builder_set_member_name (builder, "steps");
          json_builder_add_int_value (builder, progress.n_steps);
          json_builder_set_member_name (builder, "step");
          json_builder_add_int_value (builder, progress.step);
        }
      add_time (builder, "created", ed_case_info_get_created (info));
      add_time (builder, "modified", ed_case_info_get_modified (info));
      if (ed_case_info_get_status (info) == ED_CASE_CLOSED)
        add_time (builder, "closed", ed_case_info_get_closed (info));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  ed_cli_print_json (root);
}

/**
 * ed_cli_cases_context:
 *
 * Returns: (transfer full): the options of a cases command, with --store
 */
GOptionContext *
ed_cli_cases_context (const char         *parameters,
                      const char         *summary,
                      const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, store_entries, GETTEXT_PACKAGE);
  return context;
}

static GOptionContext *
new_context (const char         *parameters,
             const char         *summary,
             const GOptionEntry *entries)
{
  return ed_cli_cases_context (parameters, summary, entries);
}

static int
cases_list (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EdStore) store = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *search = NULL;
  gboolean json = FALSE, all = FALSE;
  int limit = 0;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "search", 's', 0, G_OPTION_ARG_STRING, &search,
      N_("Only cases whose names, passport numbers or reference hold TEXT"), N_("TEXT") },
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all, N_("Closed cases too"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most N cases (0: all)"), "N" },
    { NULL }
  };

  context = new_context (NULL, _("List the open cases, the most recently changed first."),
                         entries);
  if (!ed_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return ed_cli_usage_error (_("Unexpected argument “%s”"), argv[1]);
  if (limit < 0)
    return ed_cli_usage_error (_("--limit must be 0 or more"));

  store = open_store (&status);
  if (store == NULL)
    return status;

  infos = ed_store_search (store, search, all ? ED_CASE_QUERY_INCLUDE_CLOSED : ED_CASE_QUERY_OPEN,
                           (guint) limit, NULL, &error);
  if (infos == NULL)
    return ed_cli_fail (g_steal_pointer (&error));

  if (json)
    print_json (infos);
  else if (infos->len == 0)
    g_printerr ("%s\n", search != NULL ? _("No case matches.") : _("There are no cases."));
  else
    print_rows (infos);

  return ED_EXIT_OK;
}

static int
cases_export (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EdStore) store = NULL;
  g_autoptr(EdCaseInfo) info = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The JSON file to write (readable by you only)"), N_("FILE") },
    { NULL }
  };

  context = new_context (_("REFERENCE"),
                         _("Write a case to a JSON file: its travellers as in a traveller file, "
                           "its checklist, dates and sheet log."), entries);
  if (!ed_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return ed_cli_usage_error (_("Give one case reference, such as ED-7K3M-Q9"));
  if (output == NULL)
    return ed_cli_usage_error (_("Give the file to write with -o FILE"));

  store = open_store (&status);
  if (store == NULL)
    return status;

  info = ed_store_find_case (store, argv[1], &error);
  file = g_file_new_for_commandline_arg (output);
  if (info == NULL ||
      !ed_store_export_case (store, ed_case_info_get_id (info), file, NULL, &error))
    return ed_cli_fail (g_steal_pointer (&error));

  return ED_EXIT_OK;
}

static int
cases_import (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EdStore) store = NULL;
  g_autoptr(EdCaseInfo) info = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gboolean new_reference = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "new-reference", 0, 0, G_OPTION_ARG_NONE, &new_reference,
      N_("Import a case whose reference is taken as a copy under a new reference"), NULL },
    { NULL }
  };

  context = new_context (_("FILE"),
                         _("Add a case from a JSON file written by “cases export”. A file with "
                           "any error changes nothing."), entries);
  if (!ed_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return ed_cli_usage_error (_("Give one file to import"));

  store = open_store (&status);
  if (store == NULL)
    return status;

  file = g_file_new_for_commandline_arg (argv[1]);
  info = ed_store_import_case (store, file,
                               new_reference ? ED_IMPORT_NEW_REFERENCE : ED_IMPORT_DEFAULT,
                               NULL, &error);
  if (g_error_matches (error, ED_ERROR, ED_ERROR_EXISTS))
    {
      g_printerr ("entry-desk-cli: %s\n%s\n", error->message,
                  _("Run again with --new-reference to import it as a copy."));
      return ED_EXIT_INVALID;
    }
  if (info == NULL)
    return ed_cli_fail (g_steal_pointer (&error));

  g_print (_("Imported %s: %s\n"), ed_case_info_get_reference (info),
           ed_case_info_get_title (info));
  return ED_EXIT_OK;
}

static int
cases_purge (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EdStore) store = NULL;
  g_autoptr(GPtrArray) preview = NULL;
  g_autoptr(GError) error = NULL;
  gboolean dry_run = FALSE, yes = FALSE;
  int older_than = -1;
  guint days, n = 0;
  int status;
  const GOptionEntry entries[] = {
    { "older-than", 0, 0, G_OPTION_ARG_INT, &older_than,
      N_("Closed more than DAYS ago (default: the retention period)"), N_("DAYS") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Only show what would be deleted"),
      NULL },
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &yes, N_("Delete them"), NULL },
    { NULL }
  };

  context = new_context (NULL,
                         _("Delete closed cases after the retention period, with their "
                           "travellers and sheet log. Without --yes it only shows them."),
                         entries);
  if (!ed_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return ed_cli_usage_error (_("Unexpected argument “%s”"), argv[1]);
  if (dry_run && yes)
    return ed_cli_usage_error (_("--dry-run and --yes cannot go together"));
  if (older_than < -1)
    return ed_cli_usage_error (_("--older-than must be 0 or more"));

  store = open_store (&status);
  if (store == NULL)
    return status;

  days = older_than >= 0 ? (guint) older_than : ed_store_get_retention_days (store);
  if (older_than < 0 && days == 0)
    return ed_cli_usage_error (_("No retention period is set: give --older-than DAYS, or set "
                                 "one with “cases retention DAYS”"));

  preview = ed_store_purge_preview (store, days, NULL, &error);
  if (preview == NULL)
    return ed_cli_fail (g_steal_pointer (&error));
  if (preview->len == 0)
    {
      g_print (ngettext ("No case was closed more than %u day ago.\n",
                         "No case was closed more than %u days ago.\n", days), days);
      return ED_EXIT_OK;
    }

  print_rows (preview);
  if (!yes)
    {
      g_printerr (ngettext ("%u case would be deleted.\n", "%u cases would be deleted.\n",
                            preview->len), preview->len);
      if (dry_run)
        return ED_EXIT_OK;
      g_printerr ("%s\n", _("Nothing was deleted: run again with --yes to delete them."));
      return ED_EXIT_USAGE;
    }

  if (!ed_store_purge (store, preview, days, &n, NULL, &error))
    return ed_cli_fail (g_steal_pointer (&error));

  g_print (ngettext ("Deleted %u case.\n", "Deleted %u cases.\n", n), n);
  return ED_EXIT_OK;
}

static int
cases_retention (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint64 days = 0;
  int status;
  const GOptionEntry entries[] = { { NULL } };

  context = new_context (_("[DAYS|off]"),
                         _("Show or set how many days closed cases are kept before “cases "
                           "purge” deletes them. The app uses the same setting."), entries);
  if (!ed_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc > 2)
    return ed_cli_usage_error (_("Unexpected argument “%s”"), argv[2]);
  if (argc == 2 && strcmp (argv[1], "off") != 0 &&
      !g_ascii_string_to_unsigned (argv[1], 10, 1, 36500, &days, NULL))
    return ed_cli_usage_error (_("“%s” is not a number of days from 1 to 36500, or “off”"),
                               argv[1]);

  store = open_store (&status);
  if (store == NULL)
    return status;

  if (argc == 2 && !ed_store_set_retention_days (store, (guint) days, &error))
    return ed_cli_fail (g_steal_pointer (&error));

  days = ed_store_get_retention_days (store);
  if (days == 0)
    g_print ("%s\n", _("Closed cases are kept until they are deleted."));
  else
    g_print (ngettext ("Closed cases are kept for %u day.\n",
                       "Closed cases are kept for %u days.\n", (gulong) days), (guint) days);

  return ED_EXIT_OK;
}

static void
print_help (FILE *stream)
{
  fprintf (stream, "%s\n  entry-desk-cli cases list [--json] [--search TEXT] [--all]\n"
                   "  entry-desk-cli cases export REFERENCE -o FILE\n"
                   "  entry-desk-cli cases import FILE [--new-reference]\n"
                   "  entry-desk-cli cases purge [--older-than DAYS] [--dry-run] [--yes]\n"
                   "  entry-desk-cli cases retention [DAYS|off]\n"
                   "  entry-desk-cli cases edit REFERENCE KEY=VALUE… | --batch FILE\n"
                   "  entry-desk-cli cases migrate --to postgresql://… [--from FILE]\n"
                   "  entry-desk-cli cases new --journey ID --traveller F.json […] [--json]\n"
                   "  entry-desk-cli cases timeline REFERENCE [--json | --ics -o F.ics] "
                   "[--now TIME]\n\n%s\n%s\n",
           _("Usage:"),
           _("Every command takes --store URI: a case database file or an office database "
             "(postgresql://USER@HOST/DATABASE); $ENTRY_DESK_STORE sets it for all."),
           _("Run “entry-desk-cli cases COMMAND --help” for the options of a command."));
}

static const EdCliVerb verbs[] = {
  { "list", cases_list },
  { "export", cases_export },
  { "import", cases_import },
  { "purge", cases_purge },
  { "retention", cases_retention },
  { "edit", ed_cli_cases_edit },
  { "migrate", ed_cli_cases_migrate },
  { "new", ed_cli_cases_new },
  { "timeline", ed_cli_cases_timeline },
};

int
ed_cli_cases (int    argc,
              char **argv)
{
  int status = ed_cli_run_verbs ("cases", verbs, G_N_ELEMENTS (verbs), print_help, argc, argv);

  if (status == ED_CLI_UNKNOWN_VERB)
    return ed_cli_usage_error (_("Unknown cases command “%s”: use list, export, import, purge, "
                                 "retention, edit, migrate, new or timeline"), argv[1]);
  return status;
}
