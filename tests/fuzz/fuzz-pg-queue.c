/* fuzz-pg-queue.c — the office database's offline queue, as a desk
 * reads it back from disk when it starts or the server returns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ed-core.h"
#include "ed-case-record.h"
#include "ed-store-pg.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = ed_store_pg_read_queue ((const char *) data, size, &error);
  if (entries == NULL)
    {
      g_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      EdCaseRecord *record = g_ptr_array_index (entries, i);
      g_autoptr(EdCase) kase = ed_case_record_to_case (record);
      g_autoptr(JsonNode) node = ed_case_record_to_json (record);

      g_assert (kase != NULL && node != NULL);
    }

  return 0;
}
