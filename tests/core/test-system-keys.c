/* test-system-keys.c — the keys an administrator trusts for everyone
 *
 * Two folders of this run stand for $sysconfdir and $datadir; each test
 * fills them, reads what the update and Preferences would read, and
 * empties them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "ed-system-keys.h"
#include "ed-test-util.h"

static char *tmp;

typedef struct
{
  char *etc;     /* $sysconfdir/entry-desk/trusted-keys.d */
  char *share;   /* $datadir/entry-desk/trusted-keys.d */
} Folders;

static void
folders_set_up (Folders       *folders,
                gconstpointer  data)
{
  folders->etc = g_build_filename (tmp, "etc", "entry-desk", "trusted-keys.d", NULL);
  folders->share = g_build_filename (tmp, "share", "trusted-keys.d", NULL);
}

static void
folders_tear_down (Folders       *folders,
                   gconstpointer  data)
{
  g_autofree char *sysconfdir = g_build_filename (tmp, "etc", NULL);
  g_autofree char *datadir = g_build_filename (tmp, "share", NULL);

  ed_test_rm_rf (sysconfdir);
  ed_test_rm_rf (datadir);
  g_free (folders->etc);
  g_free (folders->share);
}

/* Returns: (transfer full): the line of a new key with @comment */
static char *
new_key_line (const char *comment)
{
  g_autoptr(EdSigningKey) key = ed_signing_key_generate (comment, NULL);

  g_assert_nonnull (key);
  return ed_public_key_to_string (ed_signing_key_get_public_key (key));
}

/* Returns: (transfer full): the path of the file written */
static char *
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static void
test_system_keys_dirs (Folders       *folders,
                       gconstpointer  data)
{
  g_auto(GStrv) dirs = ed_system_keys_get_dirs ();

  g_assert_cmpuint (g_strv_length (dirs), ==, 2);
  g_assert_cmpstr (dirs[0], ==, folders->etc);
  g_assert_cmpstr (dirs[1], ==, folders->share);
}

/* No folder at all: nothing to trust, and nothing wrong. */
static void
test_system_keys_none (Folders       *folders,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) files = ed_system_keys_list_files ();
  g_autoptr(GPtrArray) keys = ed_system_keys_load ();
  g_autoptr(GPtrArray) trusted = ed_system_keys_load_trusted ();

  g_assert_cmpuint (files->len, ==, 0);
  g_assert_cmpuint (keys->len, ==, 0);
  g_assert_cmpuint (trusted->len, ==, 0);
}

/* Only *.pub files, folder by folder, by name within a folder. */
static void
test_system_keys_files (Folders       *folders,
                        gconstpointer  data)
{
  g_autofree char *line = new_key_line ("Ministry");
  g_autofree char *b = write_file (folders->etc, "b.pub", line);
  g_autofree char *a = write_file (folders->etc, "a.pub", line);
  g_autofree char *readme = write_file (folders->etc, "README", "not a key");
  g_autofree char *shared = write_file (folders->share, "0-first.pub", line);
  g_autoptr(GPtrArray) files = ed_system_keys_list_files ();

  g_assert_cmpuint (files->len, ==, 3);
  g_assert_cmpstr (files->pdata[0], ==, a);
  g_assert_cmpstr (files->pdata[1], ==, b);
  g_assert_cmpstr (files->pdata[2], ==, shared);
}

/* Every key with its file; a file that cannot be read with the reason,
 * in its place. */
static void
test_system_keys_load (Folders       *folders,
                       gconstpointer  data)
{
  g_autofree char *ministry = new_key_line ("Ministry");
  g_autofree char *office = new_key_line ("Office");
  g_autofree char *association = new_key_line ("Association");
  g_autofree char *two = g_strdup_printf ("# Given by the ministry\n%s\n\n%s\n", ministry, office);
  g_autofree char *two_path = write_file (folders->etc, "a-ministry.pub", two);
  g_autofree char *bad_path = write_file (folders->etc, "b-damaged.pub", "not a key\n");
  g_autofree char *one_path = write_file (folders->share, "association.pub", association);
  g_autoptr(GPtrArray) keys = ed_system_keys_load ();
  EdSystemKey *key;

  g_assert_cmpuint (keys->len, ==, 4);

  key = keys->pdata[0];
  g_assert_cmpstr (key->path, ==, two_path);
  g_assert_cmpstr (ed_public_key_get_comment (key->key), ==, "Ministry");
  g_assert_null (key->error);
  key = keys->pdata[1];
  g_assert_cmpstr (key->path, ==, two_path);
  g_assert_cmpstr (ed_public_key_get_comment (key->key), ==, "Office");

  key = keys->pdata[2];
  g_assert_cmpstr (key->path, ==, bad_path);
  g_assert_null (key->key);
  g_assert_nonnull (key->error);
  g_assert_nonnull (strstr (key->error, bad_path));

  key = keys->pdata[3];
  g_assert_cmpstr (key->path, ==, one_path);
  g_assert_cmpstr (ed_public_key_get_comment (key->key), ==, "Association");
}

/* What the update trusts: the keys; a damaged file is skipped with a
 * message, and the other keys still count. */
static void
test_system_keys_trusted (Folders       *folders,
                          gconstpointer  data)
{
  g_autofree char *ministry = new_key_line ("Ministry");
  g_autofree char *association = new_key_line ("Association");
  g_autofree char *good = write_file (folders->etc, "ministry.pub", ministry);
  g_autofree char *bad = write_file (folders->etc, "damaged.pub", "not a key\n");
  g_autofree char *shared = write_file (folders->share, "association.pub", association);
  g_autoptr(GPtrArray) keys = ed_system_keys_load_trusted ();

  g_assert_cmpuint (keys->len, ==, 2);
  g_assert_cmpstr (ed_public_key_get_comment (keys->pdata[0]), ==, "Ministry");
  g_assert_cmpstr (ed_public_key_get_comment (keys->pdata[1]), ==, "Association");
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GPtrArray **keys = user_data;
  g_autoptr(GError) error = NULL;

  *keys = ed_system_keys_load_finish (result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*keys);
}

/* Preferences reads them in a worker thread: the same list. */
static void
test_system_keys_async (Folders       *folders,
                        gconstpointer  data)
{
  g_autofree char *ministry = new_key_line ("Ministry");
  g_autofree char *path = write_file (folders->etc, "ministry.pub", ministry);
  g_autofree char *bad = write_file (folders->share, "damaged.pub", "not a key\n");
  g_autoptr(GPtrArray) keys = NULL;
  EdSystemKey *key;

  ed_system_keys_load_async (NULL, loaded_cb, &keys);
  while (keys == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (keys->len, ==, 2);
  key = keys->pdata[0];
  g_assert_cmpstr (key->path, ==, path);
  g_assert_cmpstr (ed_public_key_get_comment (key->key), ==, "Ministry");
  key = keys->pdata[1];
  g_assert_cmpstr (key->path, ==, bad);
  g_assert_null (key->key);
  g_assert_nonnull (key->error);
}

static void
keep_result_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **kept = user_data;

  *kept = g_object_ref (result);
}

/* A cancelled load says so, and returns nothing. */
static void
test_system_keys_cancelled (Folders       *folders,
                            gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  ed_system_keys_load_async (cancellable, keep_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  keys = ed_system_keys_load_finish (result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (keys);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *sysconfdir = NULL;
  g_autofree char *datadir = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  tmp = ed_test_make_tmpdir ();
  /* Before any thread: setenv() is not thread-safe. */
  sysconfdir = g_build_filename (tmp, "etc", NULL);
  datadir = g_build_filename (tmp, "share", NULL);
  g_setenv ("ENTRY_DESK_SYSCONFDIR", sysconfdir, TRUE);
  g_setenv ("ENTRY_DESK_DATADIR", datadir, TRUE);

#define ADD(path, func) \
  g_test_add (path, Folders, NULL, folders_set_up, func, folders_tear_down)
  ADD ("/system-keys/dirs", test_system_keys_dirs);
  ADD ("/system-keys/none", test_system_keys_none);
  ADD ("/system-keys/files", test_system_keys_files);
  ADD ("/system-keys/load", test_system_keys_load);
  ADD ("/system-keys/trusted", test_system_keys_trusted);
  ADD ("/system-keys/async", test_system_keys_async);
  ADD ("/system-keys/cancelled", test_system_keys_cancelled);
#undef ADD

  status = g_test_run ();
  ed_test_rm_rf (tmp);
  g_free (tmp);
  return status;
}
