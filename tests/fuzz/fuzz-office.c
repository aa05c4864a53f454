/* fuzz-office.c — an office file (the letterhead), as `sheet --office`
 * and Preferences read it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ed-core.h"
#include "ed-sheet-office.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(EdSheetOffice) office = NULL;
  g_autoptr(GError) error = NULL;

  /* A folder that does not exist: a relative logo is refused as missing. */
  office = ed_sheet_office_new_from_data ((const char *) data, size,
                                          "/nonexistent/entry-desk-fuzz/office.json", &error);
  if (office == NULL)
    {
      g_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  g_assert (ed_sheet_office_get (office, "name") != NULL);
  g_assert (!ed_sheet_office_has_logo (office));

  return 0;
}
