/* ed-test-procedure.h — the shipped procedures, for tests of the core
 *
 * Header only: ed-test-util links no core, this needs it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-core.h"

G_BEGIN_DECLS

/* A shipped procedure, from ENTRY_DESK_DATADIR. */
static inline EdProcedure *
ed_test_load_procedure (const char *id)
{
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_build_filename (g_getenv ("ENTRY_DESK_DATADIR"), "procedures",
                                            name, NULL);
  g_autoptr(GError) error = NULL;
  EdProcedure *procedure = ed_procedure_new_from_file (path, ED_ORIGIN_SYSTEM, &error);

  g_assert_no_error (error);
  return procedure;
}

/* Every shipped procedure, none left out. */
static inline EdCatalog *
ed_test_load_catalog (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("ENTRY_DESK_DATADIR"), "procedures", NULL);
  EdCatalog *catalog = ed_catalog_new ();

  ed_catalog_load_directory (catalog, dir, ED_ORIGIN_SYSTEM);
  g_assert_cmpuint (ed_catalog_get_errors (catalog)->len, ==, 0);
  return catalog;
}

G_END_DECLS
