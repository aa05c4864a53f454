/* bench-catalog.c — how long loading the catalog takes (start-up path)
 *
 * `meson test -C _build --benchmark catalog-load`, or run it directly:
 * it loads the catalog of ENTRY_DESK_DATADIR N times and prints the
 * time of one load.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "ed-core.h"

int
main (int    argc,
      char **argv)
{
  int rounds = argc > 1 ? atoi (argv[1]) : 200;
  gint64 start, first, total;
  guint n_procedures = 0;

  setlocale (LC_ALL, "C.UTF-8");
  if (rounds < 1)
    rounds = 1;

  start = g_get_monotonic_time ();
  for (int i = 0; i < rounds; i++)
    {
      g_autoptr(EdCatalog) catalog = ed_catalog_new ();

      ed_catalog_load_default (catalog);
      n_procedures = g_list_model_get_n_items (ed_catalog_get_procedures (catalog));
      if (ed_catalog_get_errors (catalog)->len > 0)
        {
          g_printerr ("%s\n",
                      ((GError *) g_ptr_array_index (ed_catalog_get_errors (catalog), 0))->message);
          return 1;
        }
      if (i == 0)
        first = g_get_monotonic_time () - start;
    }
  total = g_get_monotonic_time () - start;

  g_print ("%u procedures; first load %.2f ms; mean of %d loads %.2f ms\n",
           n_procedures, first / 1000.0, rounds, total / 1000.0 / rounds);
  return 0;
}
