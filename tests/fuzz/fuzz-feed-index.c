/* fuzz-feed-index.c — a feed's index.json
 *
 * What is read must write back to what reads the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "ed-feed-index.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(EdFeedIndex) index = NULL;
  g_autoptr(EdFeedIndex) again = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;

  index = ed_feed_index_parse (bytes, &error);
  if (index == NULL)
    return 0;

  written = ed_feed_index_to_bytes (index);
  again = ed_feed_index_parse (written, &error);
  if (again == NULL || again->entries->len != index->entries->len ||
      again->sequence != index->sequence)
    abort ();

  return 0;
}
