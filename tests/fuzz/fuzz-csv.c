/* fuzz-csv.c — a batch of travellers from a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ed-core.h"
#include "fuzz.h"

static void
read_travellers (GBytes      *bytes,
                 EdProcedure *against,
                 EdCatalog   *catalog)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;

  rows = ed_csv_read_travellers (bytes, against, catalog, &problems, &error);
  if (rows == NULL)
    return;

  lines = ed_csv_problems_to_strings (problems, ED_CSV_MAX_ALIKE);
  for (guint i = 0; i < rows->len; i++)
    {
      EdCsvTraveller *row = g_ptr_array_index (rows, i);
      g_autofree char *name = ed_traveller_dup_display_name (row->traveller);
      g_autoptr(JsonNode) node = ed_traveller_to_json (row->traveller);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);

  read_travellers (bytes, fuzz_procedure (), fuzz_catalog ());
  read_travellers (bytes, fuzz_procedure (), NULL);
  read_travellers (bytes, NULL, NULL);

  return 0;
}
