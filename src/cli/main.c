/* main.c — entry-desk-cli, the headless front end of Entry Desk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "ed-cli.h"

static const EdCliCommand commands[] = {
  { "list", ed_cli_list, N_("[--json] [--lang L]"),
    N_("List the procedures with id, region, title and status") },
  { "show", ed_cli_show, N_("ID [--lang L] [--json] [--traveller F.json]"),
    N_("Show one procedure, every step") },
  { "check-catalog", ed_cli_check_catalog, N_("PATH…"),
    N_("Check procedure and journey files; exit 1 on any error") },
  { "mrz", ed_cli_mrz, N_("[--json] LINE… | -"),
    N_("Read a passport’s, ID card’s or visa’s MRZ and check its check digits") },
  { "dates", ed_cli_dates, N_("ID --traveller F.json [--json] [--lang L]"),
    N_("Work out a procedure’s deadlines and windows for a traveller, and the steps that apply") },
  { "validate", ed_cli_validate, N_("ID TRAVELLER.json"),
    N_("Check a traveller file against a procedure’s fields; exit 1 on any error") },
  { "sheet", ed_cli_sheet,
    N_("ID [--traveller F.json] [--lang en,ja,zh_CN] [--paper a4|letter] -o OUT.pdf | "
       "--case REF [ID] -o OUT.pdf"),
    N_("Write a printable check sheet (blank without --traveller), or a case’s journey sheet") },
  { "batch", ed_cli_batch,
    N_("(ID | --journey ID) --csv F.csv (-o DIR | --merge OUT.pdf) [--lang …] [--paper …]"),
    N_("Write a sheet for every traveller of a CSV; bad rows are reported, exit 1") },
  { "cases", ed_cli_cases,
    N_("list|export|import|purge|retention|edit|migrate|new|timeline … [--store URI]"),
    N_("The case store: list, search, export, import, edit and purge cases; "
       "move them to an office database; start one from a journey; its timeline") },
  { "journeys", ed_cli_journeys, N_("list|show [ID] [--json] [--lang L]"),
    N_("The journey templates: several procedures in the order a traveller goes through them") },
  { "feed", ed_cli_feed,
    N_("keygen -o KEY | build DIR --key KEY -o OUT | update [--url URL] [--trust PUBLIC_KEY]"),
    N_("Publish signed procedure updates, or install them from a feed") },
};

/* What a file says reaches the terminal as text, never as a command to
 * it: everything printed goes through ed_string_escape_controls(). */
static void
print_escaped (const char *text)
{
  g_autofree char *safe = ed_string_escape_controls (text);

  fputs (safe, stdout);
}

static void
printerr_escaped (const char *text)
{
  g_autofree char *safe = ed_string_escape_controls (text);

  fputs (safe, stderr);
}

static void
print_help (FILE *stream)
{
  g_autoptr(GString) help = g_string_new (NULL);

  g_string_append_printf (help, "%s\n  entry-desk-cli %s\n  entry-desk-cli --version\n\n%s\n",
                          _("Usage:"), _("COMMAND [OPTION…]"), _("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (help, "  %-14s %s\n                 %s\n",
                            commands[i].name, _(commands[i].parameters), _(commands[i].summary));

  g_string_append_printf (help, "\n%s\n",
                          _("Run “entry-desk-cli COMMAND --help” for the options of a command.\n"
                            "Exit status: 0 ok, 1 the input is invalid, 2 usage error."));
  fputs (help->str, stream);
}

int
main (int    argc,
      char **argv)
{
  ed_paths_init_profile ();
  ed_i18n_init ();
  g_set_prgname ("entry-desk-cli");
  g_set_print_handler (print_escaped);
  g_set_printerr_handler (printerr_escaped);

  if (argc < 2)
    {
      print_help (stderr);
      return ED_EXIT_USAGE;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("entry-desk-cli %s\n", PACKAGE_VERSION);
      return ED_EXIT_OK;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      print_help (stdout);
      return ED_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (argv[1], commands[i].name) == 0)
        {
          g_autofree char *prgname = g_strdup_printf ("entry-desk-cli %s", commands[i].name);

          g_set_prgname (prgname);
          return commands[i].run (argc - 1, argv + 1);
        }
    }

  g_printerr (_("entry-desk-cli: unknown command “%s”\n"), argv[1]);
  g_printerr (_("Run “entry-desk-cli --help” to see the commands.\n"));
  return ED_EXIT_USAGE;
}
