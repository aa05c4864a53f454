/* test-store-pg-queue.c — the offline queue file, read back
 *
 * The queue is data a desk reads from disk: every damaged file is
 * refused as a whole, without a crash (ASan runs this too).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ed-core.h"
#include "ed-store-pg.h"

static const char good[] =
  "{\"entry_desk_queue\": 1, \"entries\": [{\"id\": 7, \"version\": 3, \"case\": "
  "{\"entry_desk_case\": 1, \"reference\": \"ED-7K3M-Q9\", \"procedure\": \"jp-my-her-sys\", "
  "\"procedure_version\": 1, \"status\": \"open\", \"created\": \"2026-11-21T04:33:23Z\", "
  "\"modified\": \"2026-11-21T04:33:23Z\", \"notes\": \"typed offline\", "
  "\"travellers\": [{\"surname\": \"ERIKSSON\"}], \"checklist\": []}}]}";

static void
test_queue_good (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = ed_store_pg_read_queue (good, strlen (good), &error);
  EdCaseRecord *record;

  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  record = g_ptr_array_index (entries, 0);
  g_assert_cmpint (record->id, ==, 7);
  g_assert_cmpint (record->version, ==, 3);
  g_assert_cmpstr (record->reference, ==, "7K3MQ9");
  g_assert_cmpstr (record->notes, ==, "typed offline");
}

static void
test_queue_damaged (void)
{
  const char *damaged[] = {
    "",
    "[]",
    "{\"entry_desk_queue\": 1}",
    "{\"entry_desk_queue\": \"1\", \"entries\": []}",
    "{\"entry_desk_queue\": 1, \"entries\": {}}",
    "{\"entry_desk_queue\": 1, \"entries\": [], \"more\": 1}",
    "{\"entry_desk_queue\": 1, \"entries\": [1]}",
    "{\"entry_desk_queue\": 1, \"entries\": [{\"id\": 0, \"version\": 1, \"case\": {}}]}",
    "{\"entry_desk_queue\": 1, \"entries\": [{\"id\": 1, \"version\": -1, \"case\": {}}]}",
    "{\"entry_desk_queue\": 1, \"entries\": [{\"id\": 1, \"version\": 1, \"case\": {}}]}",
    "{\"entry_desk_queue\": 1, \"entries\": [{\"id\": 1, \"version\": 1, \"case\": []}]}",
    "{\"entry_desk_queue\": 1, \"entries\": [{\"id\": 1, \"case\": {}}]}",
    "{\"entry_desk_queue\": 1, \"entries\": [{\"id\": 1.5, \"version\": 1, \"case\": {}}]}",
    "{\"entry_desk_queue\": 1, \"entries\": [{\"id\": 1, \"version\": 1, \"case\": {}, \"x\": 1}]}",
    "{\"entry_desk_queue\": 1, \"entries\": [",
  };

  for (guint i = 0; i < G_N_ELEMENTS (damaged); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) entries = ed_store_pg_read_queue (damaged[i], strlen (damaged[i]),
                                                             &error);

      g_assert_null (entries);
      g_assert_error (error, ED_ERROR, ED_ERROR_CORRUPT);
    }
}

static void
test_queue_twice_and_newer (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *entry = NULL;
  g_autofree char *twice = NULL;
  const char *newer = "{\"entry_desk_queue\": 2, \"entries\": []}";

  entry = g_strndup (strchr (good, '[') + 1, strlen (strchr (good, '[') + 1) - 2);
  twice = g_strdup_printf ("{\"entry_desk_queue\": 1, \"entries\": [%s, %s]}", entry, entry);
  entries = ed_store_pg_read_queue (twice, strlen (twice), &error);
  g_assert_null (entries);
  g_assert_error (error, ED_ERROR, ED_ERROR_CORRUPT);
  g_clear_error (&error);

  entries = ed_store_pg_read_queue (newer, strlen (newer), &error);
  g_assert_null (entries);
  g_assert_error (error, ED_ERROR, ED_ERROR_UNSUPPORTED);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store-pg-queue/good", test_queue_good);
  g_test_add_func ("/store-pg-queue/damaged", test_queue_damaged);
  g_test_add_func ("/store-pg-queue/twice-and-newer", test_queue_twice_and_newer);

  return g_test_run ();
}
