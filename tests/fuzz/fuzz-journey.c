/* fuzz-journey.c — a journey template file, from a folder or a feed
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
  g_autoptr(EdJourney) journey = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *items;

  /* What check-catalog asks first, then the reader itself. */
  ed_journey_data_is_journey ((const char *) data, size);
  journey = ed_journey_new_from_bytes (bytes, NULL, ED_ORIGIN_UPDATE, &error);
  if (journey == NULL)
    return 0;

  /* What the app reads of it: its texts and its procedures. */
  ed_text_lookup (ed_journey_get_title (journey), ED_LANGUAGE_JA);
  ed_text_lookup (ed_journey_get_summary (journey), ED_LANGUAGE_ZH_CN);
  items = ed_journey_get_items (journey);
  for (guint i = 0; i < items->len; i++)
    {
      const EdJourneyItem *item = g_ptr_array_index (items, i);

      ed_journey_find_item (journey, item->id);
    }

  return 0;
}
