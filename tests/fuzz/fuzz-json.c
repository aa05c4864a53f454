/* fuzz-json.c — the JSON guard, and its promise to json-glib
 *
 * What ed_json_guard_check() accepts, json-glib must parse: a
 * difference is a hole a reader would fall through.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "ed-json-guard.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *place = NULL;
  g_autofree char *message = NULL;
  gboolean accepted;

  accepted = ed_json_guard_check ((const char *) data, size, 0, &place, &message);
  if (accepted != (message == NULL))
    abort ();

  node = ed_json_guard_parse ((const char *) data, size, 0, "fuzz.json", &error);
  if ((node != NULL) != accepted)
    abort ();

  if (accepted && (!json_parser_load_from_data (parser, (const char *) data, (gssize) size,
                                                &error) ||
                   json_parser_get_root (parser) == NULL))
    {
      g_printerr ("The guard accepted what json-glib refuses: %s\n",
                  error != NULL ? error->message : "no document");
      abort ();
    }

  return 0;
}
