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

/* A Chinese engineer hired in Tokyo, arriving on @arrival_date
 * (2027-01-10 in the walk), with the status of residence of an
 * engineer; the tests add what they need beyond. */
static inline EdTraveller *
ed_test_new_hire (const char *surname,
                  const char *given_names,
                  const char *arrival_date)
{
  EdTraveller *traveller = ed_traveller_new ();

  ed_traveller_set (traveller, "surname", surname);
  ed_traveller_set (traveller, "given_names", given_names);
  ed_traveller_set (traveller, "nationality", "CHN");
  ed_traveller_set (traveller, "birth_date", "1994-03-08");
  ed_traveller_set (traveller, "passport_number", "EJ1234567");
  ed_traveller_set (traveller, "arrival_date", arrival_date);
  ed_traveller_set (traveller, "status_of_residence", "engineer-humanities-international");
  return traveller;
}

G_END_DECLS
