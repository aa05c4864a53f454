/* fuzz-procedure.c — a procedure file, from a folder or a feed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ed-core.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(EdProcedure) procedure = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(EdTraveller) traveller = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  procedure = ed_procedure_new_from_bytes (bytes, NULL, ED_ORIGIN_UPDATE, &error);
  if (procedure == NULL)
    return 0;

  node = ed_procedure_to_json (procedure);

  /* Its rules and patterns, on a traveller who filled in everything. */
  traveller = ed_traveller_new ();
  for (const char * const *key = ed_traveller_keys (); *key != NULL; key++)
    ed_traveller_set (traveller, *key, ed_traveller_key_is_date (*key) ? "2025-06-01" : "AB12");
  problems = ed_validate_traveller (traveller, procedure, fuzz_today ());

  return 0;
}
