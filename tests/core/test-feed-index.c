/* test-feed-index.c — index.json: what is written is read back; what is wrong is refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ed-error.h"
#include "ed-feed-index.h"

#define SHA_A "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

static void
test_feed_index_round_trip (void)
{
  g_autoptr(GDateTime) when = g_date_time_new_utc (2025, 3, 1, 9, 30, 0);
  g_autoptr(EdFeedIndex) index = ed_feed_index_new ("日本語 Association", 42, when);
  g_autoptr(GBytes) b = g_bytes_new_static ("second", 6);
  g_autoptr(GBytes) a = g_bytes_new_static ("first", 5);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(EdFeedIndex) parsed = NULL;
  g_autoptr(GError) error = NULL;
  const EdFeedEntry *entry;

  ed_feed_index_add (index, "zz-second", 3, b);
  ed_feed_index_add (index, "aa-first", 1, a);
  ed_feed_index_add (index, "aa-first", 2, a);   /* replaces */

  bytes = ed_feed_index_to_bytes (index);
  parsed = ed_feed_index_parse (bytes, &error);
  g_assert_no_error (error);

  g_assert_cmpint (parsed->format, ==, ED_FEED_INDEX_FORMAT);
  g_assert_cmpstr (parsed->publisher, ==, "日本語 Association");
  g_assert_cmpstr (parsed->generated, ==, "2025-03-01T09:30:00Z");
  g_assert_cmpint (parsed->sequence, ==, 42);
  g_assert_cmpuint (parsed->entries->len, ==, 2);

  entry = parsed->entries->pdata[0];
  g_assert_cmpstr (entry->id, ==, "aa-first");
  g_assert_cmpint (entry->version, ==, 2);
  g_assert_cmpstr (entry->file, ==, "aa-first.json");
  g_assert_cmpint (entry->size, ==, 5);
  /* sha256("first") */
  g_assert_cmpstr (entry->sha256, ==,
                   "a7937b64b8caa58f03721bb6bacf5c78cb235febe0e70b1b84cd99541461a08e");
  g_assert_true (ed_feed_index_lookup (parsed, "zz-second") == parsed->entries->pdata[1]);
  g_assert_null (ed_feed_index_lookup (parsed, "missing"));
}

static void
assert_refused (const char *json,
                GQuark      domain,
                int         code,
                const char *expected)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(EdFeedIndex) index = ed_feed_index_parse (bytes, &error);

  g_assert_null (index);
  g_assert_error (error, domain, code);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not say “%s”", error->message, expected);
}

#define HEAD "{\"format\": 1, \"publisher\": \"P\", \"generated\": \"2025-03-01T09:30:00Z\", " \
             "\"sequence\": 7, \"procedures\": ["

static void
test_feed_index_refused (void)
{
  assert_refused ("{", ED_ERROR, ED_ERROR_PARSE, "JSON");
  assert_refused ("[]", ED_ERROR, ED_ERROR_INVALID, "object");
  assert_refused ("{\"format\": 2, \"publisher\": \"P\"}", ED_ERROR, ED_ERROR_UNSUPPORTED,
                  "newer");
  assert_refused ("{\"format\": \"1\"}", ED_ERROR, ED_ERROR_INVALID, "format");
  assert_refused ("{\"format\": 1, \"publisher\": \"\"}", ED_ERROR, ED_ERROR_INVALID,
                  "publisher");
  assert_refused ("{\"format\": 1, \"publisher\": \"P\", \"generated\": \"yesterday\"}",
                  ED_ERROR, ED_ERROR_INVALID, "generated");
  assert_refused ("{\"format\": 1, \"publisher\": \"P\", \"generated\": \"2025-03-01T09:30:00Z\","
                  " \"sequence\": 0, \"procedures\": []}", ED_ERROR, ED_ERROR_INVALID, "sequence");
  assert_refused (HEAD "{\"id\": \"Bad_Id\", \"version\": 1, \"file\": \"Bad_Id.json\", "
                  "\"size\": 1, \"sha256\": \"" SHA_A "\"}]}",
                  ED_ERROR, ED_ERROR_INVALID, "procedures[0].id");
  /* A file name can never lead out of the folder it is saved in. */
  assert_refused (HEAD "{\"id\": \"jp-a\", \"version\": 1, \"file\": \"../../jp-a.json\", "
                  "\"size\": 1, \"sha256\": \"" SHA_A "\"}]}",
                  ED_ERROR, ED_ERROR_INVALID, "procedures[0].file");
  assert_refused (HEAD "{\"id\": \"jp-a\", \"version\": 0, \"file\": \"jp-a.json\", "
                  "\"size\": 1, \"sha256\": \"" SHA_A "\"}]}",
                  ED_ERROR, ED_ERROR_INVALID, "procedures[0].version");
  assert_refused (HEAD "{\"id\": \"jp-a\", \"version\": 1, \"file\": \"jp-a.json\", "
                  "\"size\": 2097153, \"sha256\": \"" SHA_A "\"}]}",
                  ED_ERROR, ED_ERROR_INVALID, "procedures[0].size");
  assert_refused (HEAD "{\"id\": \"jp-a\", \"version\": 1, \"file\": \"jp-a.json\", "
                  "\"size\": 1, \"sha256\": \"AAAA\"}]}",
                  ED_ERROR, ED_ERROR_INVALID, "procedures[0].sha256");
  assert_refused (HEAD "{\"id\": \"jp-a\", \"version\": 1, \"file\": \"jp-a.json\", "
                  "\"size\": 1, \"sha256\": \"" SHA_A "\"}, "
                  "{\"id\": \"jp-a\", \"version\": 2, \"file\": \"jp-a.json\", "
                  "\"size\": 1, \"sha256\": \"" SHA_A "\"}]}",
                  ED_ERROR, ED_ERROR_INVALID, "procedures[1].id");
}

/* What json-glib let through: the last of two keys, the first of two
 * documents, nesting that overflows its stack. A signed index is no
 * exception. */
static void
test_feed_index_hostile (void)
{
  g_autofree char *deep = g_strnfill (100000, '[');

  assert_refused ("{\"format\": 1,\n \"format\": 2}", ED_ERROR, ED_ERROR_PARSE,
                  "not valid: format: this key is given twice, on lines 1 and 2");
  assert_refused (HEAD "{\"id\": \"jp-a\", \"version\": 1, \"version\": 9, \"file\": "
                  "\"jp-a.json\", \"size\": 1, \"sha256\": \"" SHA_A "\"}]}",
                  ED_ERROR, ED_ERROR_PARSE, "procedures[0].version: this key is given twice");
  assert_refused (HEAD "]}\n" HEAD "]}", ED_ERROR, ED_ERROR_PARSE,
                  "line 2, column 1: the file is not valid JSON: a second JSON document");
  assert_refused (deep, ED_ERROR, ED_ERROR_PARSE, "line 1, column 65: objects and lists are "
                  "nested more than 64 deep");
  assert_refused ("", ED_ERROR, ED_ERROR_INVALID, "the file is empty");
}

static void
test_feed_index_too_many (void)
{
  g_autoptr(EdFeedIndex) index = ed_feed_index_new ("P", 1, NULL);
  g_autoptr(GBytes) contents = g_bytes_new_static ("x", 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(EdFeedIndex) parsed = NULL;
  g_autoptr(GError) error = NULL;

  for (int i = 0; i <= ED_FEED_MAX_PROCEDURES; i++)
    {
      g_autofree char *id = g_strdup_printf ("xx-%04d", i);
      EdFeedEntry *entry = g_new0 (EdFeedEntry, 1);

      entry->id = g_steal_pointer (&id);
      entry->version = 1;
      entry->file = g_strconcat (entry->id, ".json", NULL);
      entry->size = 1;
      entry->sha256 = ed_sha256_hex (contents);
      g_ptr_array_add (index->entries, entry);
    }

  bytes = ed_feed_index_to_bytes (index);
  parsed = ed_feed_index_parse (bytes, &error);
  g_assert_null (parsed);
  g_assert_error (error, ED_ERROR, ED_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "more than 1000"));
}

static void
test_feed_index_too_large (void)
{
  gsize length = ED_FEED_INDEX_MAX_SIZE + 1;
  g_autofree char *data = g_malloc (length);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdFeedIndex) index = NULL;

  memset (data, ' ', length);
  bytes = g_bytes_new_take (g_steal_pointer (&data), length);
  index = ed_feed_index_parse (bytes, &error);
  g_assert_null (index);
  g_assert_error (error, ED_ERROR, ED_ERROR_INVALID);
}

/* Members a later version adds are ignored, so old desks keep working. */
static void
test_feed_index_unknown_members (void)
{
  const char *json = HEAD "{\"id\": \"jp-a\", \"version\": 1, \"file\": \"jp-a.json\", "
                     "\"size\": 1, \"sha256\": \"" SHA_A "\", \"note\": \"x\"}], "
                     "\"homepage\": \"https://example.org/\"}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(EdFeedIndex) index = ed_feed_index_parse (bytes, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (index->entries->len, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feed-index/round-trip", test_feed_index_round_trip);
  g_test_add_func ("/feed-index/refused", test_feed_index_refused);
  g_test_add_func ("/feed-index/too-large", test_feed_index_too_large);
  g_test_add_func ("/feed-index/hostile", test_feed_index_hostile);
  g_test_add_func ("/feed-index/too-many", test_feed_index_too_many);
  g_test_add_func ("/feed-index/unknown-members", test_feed_index_unknown_members);

  return g_test_run ();
}
