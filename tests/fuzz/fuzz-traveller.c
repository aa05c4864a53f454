/* fuzz-traveller.c — a traveller file, checked against a procedure
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
  g_autoptr(EdTraveller) traveller = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  traveller = ed_traveller_new_from_data ((const char *) data, size, "fuzz.json", &error);
  if (traveller == NULL)
    return 0;

  problems = ed_validate_traveller (traveller, fuzz_procedure (), fuzz_today ());
  name = ed_traveller_dup_display_name (traveller);
  node = ed_traveller_to_json (traveller);

  return 0;
}
