/* fuzz-mo.c — a compiled gettext catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ed-mo.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(EdMoFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = ed_mo_file_new_from_bytes (bytes, "fuzz.mo", &error);
  if (file == NULL)
    return 0;

  ed_mo_file_lookup (file, NULL, "Preferences");
  ed_mo_file_lookup (file, "shortcut window", "Quit");

  return 0;
}
