/* ed-cli-cases-migrate.c — entry-desk-cli cases migrate: a desk moves in
 *
 * Copies a desk's own store (its cases and their sheet logs) into the
 * office database, with a line for each case and the totals. Running it
 * again copies only what is new; the desk's file is kept as it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-cli.h"
#include "ed-store-pg.h"

static void
report_case (EdCaseInfo *info,
             int         how,
             const char *reference,
             gpointer    user_data)
{
  g_autofree char *shown = ed_case_reference_format (reference);

  switch (how)
    {
    case ED_PG_IMPORTED_COPIED:
      g_print (_("%s  copied\n"), ed_case_info_get_reference (info));
      break;
    case ED_PG_IMPORTED_RENAMED:
      g_print (_("%s  copied as %s: another case of the office has its reference\n"),
               ed_case_info_get_reference (info), shown);
      break;
    case ED_PG_IMPORTED_ALREADY:
    default:
      g_print (_("%s  already in the office database as %s\n"),
               ed_case_info_get_reference (info), shown);
      break;
    }
}

int
ed_cli_cases_migrate (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EdCatalog) catalog = NULL;
  g_autoptr(EdStore) from = NULL;
  g_autoptr(EdStore) to = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;
  g_autofree char *source = NULL;
  guint counts[3];
  int status;
  const GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &target,
      N_("The office database: postgresql://USER@HOST/DATABASE"), N_("URI") },
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &source,
      N_("The desk’s case database file (default: --store, or this desk’s own)"), N_("FILE") },
    { NULL }
  };

  context = ed_cli_cases_context (NULL,
                                  _("Copy this desk’s cases, with their sheet logs, into an "
                                    "office database. Cases copied before are not copied "
                                    "again; the desk’s file is kept."), entries);
  if (!ed_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return ed_cli_usage_error (_("Unexpected argument “%s”"), argv[1]);
  if (target == NULL || !ed_store_location_is_pg (target))
    return ed_cli_usage_error (_("Give the office database with --to postgresql://…"));

  from = ed_cli_open_store (source != NULL ? source : ed_cli_store_location (), &status);
  if (from == NULL)
    return status;
  if (ed_store_is_shared (from))
    return ed_cli_usage_error (_("Cases are moved from a desk’s own case database file"));
  to = ed_cli_open_store (target, &status);
  if (to == NULL)
    return status;
  /* The cases arrive with their next deadlines, for the office's lists
   * and reminders. */
  catalog = ed_cli_load_catalog ();
  ed_store_set_catalog (to, catalog);

  if (!ed_store_migrate (from, to, report_case, NULL, counts, NULL, &error))
    return ed_cli_fail (g_steal_pointer (&error));

  g_print (ngettext ("%u case copied", "%u cases copied", counts[ED_PG_IMPORTED_COPIED]),
           counts[ED_PG_IMPORTED_COPIED]);
  g_print (", ");
  g_print (ngettext ("%u under a new reference", "%u under a new reference",
                     counts[ED_PG_IMPORTED_RENAMED]), counts[ED_PG_IMPORTED_RENAMED]);
  g_print (", ");
  g_print (ngettext ("%u there already.\n", "%u there already.\n",
                     counts[ED_PG_IMPORTED_ALREADY]), counts[ED_PG_IMPORTED_ALREADY]);
  g_print (_("The desk’s file %s is kept as it was.\n"), ed_store_get_path (from));

  return ED_EXIT_OK;
}
