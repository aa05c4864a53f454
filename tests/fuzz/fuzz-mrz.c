/* fuzz-mrz.c — an MRZ as typed, pasted or sent by a scanner
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
  g_autofree char *text = fuzz_dup_text (data, size);
  g_autoptr(EdMrz) mrz = NULL;
  g_autoptr(EdMrz) copy = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(EdTraveller) traveller = NULL;
  g_autoptr(GError) error = NULL;


  mrz = ed_mrz_parse (text, fuzz_today (), &error);
  if (mrz == NULL)
    {
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  copy = ed_mrz_copy (mrz);
  problems = ed_mrz_dup_problems (copy);
  node = ed_mrz_to_json (copy);
  traveller = ed_traveller_new ();
  ed_mrz_apply_to_traveller (mrz, traveller);

  return 0;
}
