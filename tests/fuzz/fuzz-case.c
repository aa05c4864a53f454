/* fuzz-case.c — a case file, as Import a Case reads it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ed-core.h"
#include "ed-case-record.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(EdCaseRecord) record = NULL;
  g_autoptr(EdCaseInfo) info = NULL;
  g_autoptr(EdCase) kase = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  record = ed_case_record_new_from_data ((const char *) data, size, "fuzz.json", &error);
  if (record == NULL)
    return 0;

  info = ed_case_record_to_info (record);
  names = ed_case_record_dup_names (record);
  node = ed_case_record_to_json (record);
  kase = ed_case_record_to_case (record);

  return 0;
}
