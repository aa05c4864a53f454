/* test-cli-feed.c — entry-desk-cli feed keygen, build and update
 *
 * The publisher's tools and the desk's update, run as a user would,
 * against a real server on 127.0.0.1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "ed-test-server.h"
#include "ed-test-util.h"

typedef struct
{
  char *tmp;
  char *key;
  char *public_key;
  char *procedures;
  char *www;
  char *feed;
  char *data_home;
  char *env_data_home;
} Fixture;

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (to, contents, length, NULL));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *sample = ed_test_data_path ("feed", "xx-feed-sample.json", NULL);
  g_autofree char *target = NULL;

  fixture->tmp = ed_test_make_tmpdir ();
  fixture->key = g_build_filename (fixture->tmp, "association.key", NULL);
  fixture->procedures = g_build_filename (fixture->tmp, "procedures", NULL);
  fixture->www = g_build_filename (fixture->tmp, "www", NULL);
  fixture->feed = g_build_filename (fixture->www, "feed", NULL);
  fixture->data_home = g_build_filename (fixture->tmp, "data", NULL);
  fixture->env_data_home = g_strconcat ("XDG_DATA_HOME=", fixture->data_home, NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->procedures, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (fixture->www, 0700), ==, 0);

  target = g_build_filename (fixture->procedures, "xx-feed-sample.json", NULL);
  copy_file (sample, target);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ed_test_rm_rf (fixture->tmp);
  g_free (fixture->tmp);
  g_free (fixture->key);
  g_free (fixture->public_key);
  g_free (fixture->procedures);
  g_free (fixture->www);
  g_free (fixture->feed);
  g_free (fixture->data_home);
  g_free (fixture->env_data_home);
}

static void
keygen (Fixture *fixture)
{
  const char *args[] = { "feed", "keygen", "-o", fixture->key, "--comment", "Test Association",
                         NULL };
  g_autofree char *out = NULL;

  g_assert_cmpint (ed_test_run_cli (NULL, args, &out, NULL), ==, 0);
  fixture->public_key = g_strdup (g_strstrip (out));
}

static int
build (Fixture  *fixture,
       char    **out,
       char    **err)
{
  const char *args[] = { "feed", "build", fixture->procedures, "--key", fixture->key,
                         "-o", fixture->feed, NULL };

  return ed_test_run_cli (NULL, args, out, err);
}

static void
test_cli_feed_keygen (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *again[] = { "feed", "keygen", "-o", fixture->key, NULL };
  const char *no_output[] = { "feed", "keygen", NULL };
  g_autofree char *err = NULL;
  GStatBuf st;

  keygen (fixture);
  g_assert_cmpint (g_stat (fixture->key, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_str_has_suffix (fixture->public_key, " Test Association"));
  g_assert_cmpuint (strchr (fixture->public_key, ' ') - fixture->public_key, ==, 44);

  /* An existing key is never overwritten. */
  g_assert_cmpint (ed_test_run_cli (NULL, again, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "already exists"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (ed_test_run_cli (NULL, no_output, NULL, &err), ==, 2);
}

static void
test_cli_feed_build (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *index = g_build_filename (fixture->feed, "index.json", NULL);
  g_autofree char *signature = g_build_filename (fixture->feed, "index.json.sig", NULL);
  g_autofree char *copy = g_build_filename (fixture->feed, "xx-feed-sample.json", NULL);
  g_autofree char *signature_text = NULL;

  keygen (fixture);
  g_assert_cmpint (build (fixture, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "1 procedure"));
  g_assert_nonnull (strstr (out, "xx-feed-sample, version 1"));
  g_assert_true (g_file_test (index, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_get_contents (signature, &signature_text, NULL, NULL));
  /* The signature names the key that made it. */
  g_assert_true (strncmp (signature_text, fixture->public_key, 44) == 0);
}

static void
test_cli_feed_build_refuses_invalid (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *broken = ed_test_data_path ("feed", "xx-feed-broken.json", NULL);
  g_autofree char *target = g_build_filename (fixture->procedures, "xx-feed-broken.json", NULL);
  g_autofree char *index = g_build_filename (fixture->feed, "index.json", NULL);
  g_autofree char *err = NULL;

  keygen (fixture);
  copy_file (broken, target);
  g_assert_cmpint (build (fixture, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "xx-feed-broken.json"));
  g_assert_nonnull (strstr (err, "1 file fails the catalog checks"));
  g_assert_null (strstr (err, "xx-feed-sample.json"));
  g_assert_false (g_file_test (index, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (fixture->feed, G_FILE_TEST_EXISTS));
}

static void
test_cli_feed_update (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(EdTestServer) server = ed_test_server_new (fixture->www);
  g_autofree char *url = g_strconcat (ed_test_server_get_url (server), "feed/", NULL);
  g_autofree char *public_file = g_build_filename (fixture->tmp, "association.pub", NULL);
  g_autofree char *installed = g_build_filename (fixture->data_home, "entry-desk", "updates",
                                                 "current", "xx-feed-sample.json", NULL);
  g_autofree char *served = g_build_filename (fixture->feed, "xx-feed-sample.json", NULL);
  g_autofree char *source = g_build_filename (fixture->procedures, "xx-feed-sample.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *installed_before = NULL;
  g_autofree char *installed_after = NULL;
  const char *env[] = { fixture->env_data_home, NULL };
  const char *env_ja[] = { fixture->env_data_home, "LANGUAGE=ja", "LC_ALL=ja_JP.UTF-8", NULL };
  const char *update[] = { "feed", "update", "--url", url, "--trust", NULL, NULL };
  const char *update_file[] = { "feed", "update", "--url", url, "--trust", public_file, NULL };
  const char *untrusted[] = { "feed", "update", "--url", url, NULL };
  const char *list[] = { "list", NULL };
  char *p;

  keygen (fixture);
  update[5] = fixture->public_key;
  g_assert_cmpint (build (fixture, NULL, NULL), ==, 0);

  g_assert_cmpint (ed_test_run_cli (env, update, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Added: “Example procedure from a feed” (version 1)"));
  g_assert_true (g_file_test (installed, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (ed_test_run_cli (env, list, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "xx-feed-sample"));
  g_clear_pointer (&out, g_free);

  /* The same key from a file; nothing changed on the server. */
  g_assert_true (g_file_set_contents (public_file, fixture->public_key, -1, NULL));
  g_assert_cmpint (ed_test_run_cli (env, update_file, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "No updates"));
  g_clear_pointer (&out, g_free);

  /* No trusted key, no update. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ed_test_run_cli (env, untrusted, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "key"));

  /* Version 2 is published, then one byte of it changes on the server:
   * refused, in the UI language, and version 1 stays installed. */
  g_assert_true (g_file_get_contents (installed, &installed_before, NULL, NULL));
  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  p = strstr (contents, "\"version\": 1,");
  g_assert_nonnull (p);
  p[11] = '2';
  g_assert_true (g_file_set_contents (source, contents, -1, NULL));
  g_assert_cmpint (build (fixture, NULL, NULL), ==, 0);
  g_clear_pointer (&contents, g_free);

  g_assert_true (g_file_get_contents (served, &contents, NULL, NULL));
  p = strstr (contents, "Example source");
  g_assert_nonnull (p);
  p[13] = 'f';
  g_assert_true (g_file_set_contents (served, contents, -1, NULL));

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ed_test_run_cli (env_ja, update, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "xx-feed-sample.json"));
  g_assert_null (strstr (err, "checksum"));
  g_assert_true (g_file_get_contents (installed, &installed_after, NULL, NULL));
  g_assert_cmpstr (installed_after, ==, installed_before);
}

static void
test_cli_feed_update_refuses_plain_http (Fixture       *fixture,
                                         gconstpointer  data)
{
  const char *env[] = { fixture->env_data_home, NULL };
  const char *args[] = { "feed", "update", "--url", "http://example.org/feed/", NULL };
  const char *no_feed[] = { "feed", "update", NULL };
  g_autofree char *err = NULL;

  g_assert_cmpint (ed_test_run_cli (env, args, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "plain HTTP"));
  g_clear_pointer (&err, g_free);

  /* Nothing configured (the settings are empty in the tests). */
  g_assert_cmpint (ed_test_run_cli (env, no_feed, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "No update feed"));
}

static void
test_cli_feed_usage (void)
{
  const char *none[] = { "feed", NULL };
  const char *unknown[] = { "feed", "publish", NULL };
  const char *build_no_key[] = { "feed", "build", "dir", "-o", "out", NULL };
  g_autofree char *err = NULL;

  g_assert_cmpint (ed_test_run_cli (NULL, none, NULL, NULL), ==, 2);
  g_assert_cmpint (ed_test_run_cli (NULL, unknown, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "publish"));
  g_assert_cmpint (ed_test_run_cli (NULL, build_no_key, NULL, NULL), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-feed/keygen", Fixture, NULL, fixture_set_up, test_cli_feed_keygen,
              fixture_tear_down);
  g_test_add ("/cli-feed/build", Fixture, NULL, fixture_set_up, test_cli_feed_build,
              fixture_tear_down);
  g_test_add ("/cli-feed/build-refuses-invalid", Fixture, NULL, fixture_set_up,
              test_cli_feed_build_refuses_invalid, fixture_tear_down);
  g_test_add ("/cli-feed/update", Fixture, NULL, fixture_set_up, test_cli_feed_update,
              fixture_tear_down);
  g_test_add ("/cli-feed/update-refuses-plain-http", Fixture, NULL, fixture_set_up,
              test_cli_feed_update_refuses_plain_http, fixture_tear_down);
  g_test_add_func ("/cli-feed/usage", test_cli_feed_usage);

  return g_test_run ();
}
