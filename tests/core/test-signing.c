/* test-signing.c — Ed25519 keys, their files and detached signatures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "ed-error.h"
#include "ed-signing.h"
#include "ed-test-util.h"

/* RFC 8032, section 7.1, test 2: a known key, message and signature. */
static void
test_signing_rfc8032 (void)
{
  static const guint8 public_bytes[] = {
    0x3d, 0x40, 0x17, 0xc3, 0xe8, 0x43, 0x89, 0x5a, 0x92, 0xb7, 0x0a, 0xa7, 0x4d, 0x1b, 0x7e, 0xbc,
    0x9c, 0x98, 0x2c, 0xcf, 0x2e, 0xc4, 0x96, 0x8c, 0xc0, 0xcd, 0x55, 0xf1, 0x2a, 0xf4, 0x66, 0x0c,
  };
  static const guint8 signature[] = {
    0x92, 0xa0, 0x09, 0xa9, 0xf0, 0xd4, 0xca, 0xb8, 0x72, 0x0e, 0x82, 0x0b, 0x5f, 0x64, 0x25, 0x40,
    0xa2, 0xb2, 0x7b, 0x54, 0x16, 0x50, 0x3f, 0x8f, 0xb3, 0x76, 0x22, 0x23, 0xeb, 0xdb, 0x69, 0xda,
    0x08, 0x5a, 0xc1, 0xe4, 0x3e, 0x15, 0x99, 0x6e, 0x45, 0x8f, 0x36, 0x13, 0xd0, 0xf1, 0x1d, 0x8c,
    0x38, 0x7b, 0x2e, 0xae, 0xb4, 0x30, 0x2a, 0xee, 0xb0, 0x0d, 0x29, 0x16, 0x12, 0xbb, 0x0c, 0x00,
  };
  static const guint8 message[] = { 0x72 };
  g_autoptr(EdPublicKey) key = ed_public_key_new_from_bytes (public_bytes, NULL);
  g_autoptr(GBytes) data = g_bytes_new_static (message, sizeof message);
  g_autoptr(GBytes) other = g_bytes_new_static ("s", 1);

  g_assert_true (ed_public_key_verify (key, data, signature));
  g_assert_false (ed_public_key_verify (key, other, signature));
}

static void
test_signing_sign_verify (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdSigningKey) key = ed_signing_key_generate ("Test publisher", &error);
  g_autoptr(EdSigningKey) other = ed_signing_key_generate (NULL, &error);
  g_autoptr(GBytes) data = g_bytes_new_static ("{\"format\": 1}\n", 14);
  g_autoptr(GBytes) altered = g_bytes_new_static ("{\"format\": 2}\n", 14);
  guint8 signature[ED_SIGNATURE_SIZE];

  g_assert_no_error (error);
  ed_signing_key_sign (key, data, signature);

  g_assert_true (ed_public_key_verify (ed_signing_key_get_public_key (key), data, signature));
  g_assert_false (ed_public_key_verify (ed_signing_key_get_public_key (key), altered, signature));
  g_assert_false (ed_public_key_verify (ed_signing_key_get_public_key (other), data, signature));

  signature[10] ^= 0x01;
  g_assert_false (ed_public_key_verify (ed_signing_key_get_public_key (key), data, signature));

  /* Two keys made one after the other are different. */
  g_assert_false (ed_public_key_equal (ed_signing_key_get_public_key (key),
                                       ed_signing_key_get_public_key (other)));
}

static void
test_signing_public_key_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdSigningKey) key = ed_signing_key_generate ("東京 office", &error);
  g_autofree char *line = ed_public_key_to_string (ed_signing_key_get_public_key (key));
  g_autoptr(EdPublicKey) parsed = NULL;
  g_autoptr(EdPublicKey) bare = NULL;
  g_autofree char *padded = NULL;
  const char *bad[] = {
    "",
    "not a key",
    "AAAA",                                          /* too short */
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", /* 44 bytes */
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA*=",  /* not base64 */
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB=",  /* not canonical */
  };

  g_assert_true (g_str_has_suffix (line, " 東京 office"));
  g_assert_cmpuint (strlen (ed_public_key_get_base64 (ed_signing_key_get_public_key (key))),
                    ==, 44);

  parsed = ed_public_key_parse (line, &error);
  g_assert_no_error (error);
  g_assert_true (ed_public_key_equal (parsed, ed_signing_key_get_public_key (key)));
  g_assert_cmpstr (ed_public_key_get_comment (parsed), ==, "東京 office");

  padded = g_strdup_printf ("  %s\n", ed_public_key_get_base64 (parsed));
  bare = ed_public_key_parse (padded, &error);
  g_assert_no_error (error);
  g_assert_null (ed_public_key_get_comment (bare));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(EdPublicKey) wrong = ed_public_key_parse (bad[i], &error);

      g_assert_null (wrong);
      g_assert_error (error, ED_ERROR, ED_ERROR_INVALID);
      g_clear_error (&error);
    }
}

static void
test_signing_key_file (void)
{
  g_autofree char *dir = ed_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "feed.key", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdSigningKey) key = ed_signing_key_generate ("Association", &error);
  g_autoptr(EdSigningKey) loaded = NULL;
  g_autoptr(GBytes) data = g_bytes_new_static ("index", 5);
  guint8 signature[ED_SIGNATURE_SIZE];
  GStatBuf st;

  g_assert_true (ed_signing_key_save (key, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* An existing key is never overwritten. */
  g_assert_false (ed_signing_key_save (key, path, &error));
  g_assert_error (error, ED_ERROR, ED_ERROR_IO);
  g_clear_error (&error);

  loaded = ed_signing_key_load (path, &error);
  g_assert_no_error (error);
  g_assert_true (ed_public_key_equal (ed_signing_key_get_public_key (loaded),
                                      ed_signing_key_get_public_key (key)));
  g_assert_cmpstr (ed_public_key_get_comment (ed_signing_key_get_public_key (loaded)), ==,
                   "Association");
  ed_signing_key_sign (loaded, data, signature);
  g_assert_true (ed_public_key_verify (ed_signing_key_get_public_key (key), data, signature));

  /* A key others can read is refused until it is private again. */
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_clear_pointer (&loaded, ed_signing_key_free);
  loaded = ed_signing_key_load (path, &error);
  g_assert_null (loaded);
  g_assert_error (error, ED_ERROR, ED_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "chmod 600"));
  g_clear_error (&error);

  ed_test_rm_rf (dir);
}

static void
test_signing_key_file_damaged (void)
{
  g_autofree char *dir = ed_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "feed.key", NULL);
  g_autofree char *public_path = g_build_filename (dir, "feed.pub", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdSigningKey) key = ed_signing_key_generate (NULL, &error);
  g_autoptr(EdSigningKey) loaded = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *line = NULL;
  char *public_line;

  g_assert_true (ed_signing_key_save (key, path, &error));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  public_line = strstr (contents, "PublicKey=");
  g_assert_nonnull (public_line);
  public_line[10] = public_line[10] == 'A' ? 'B' : 'A';
  g_assert_true (g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_NONE, 0600,
                                           NULL));
  loaded = ed_signing_key_load (path, &error);
  g_assert_null (loaded);
  g_assert_error (error, ED_ERROR, ED_ERROR_CORRUPT);
  g_clear_error (&error);

  /* A public key file is not a private key. */
  line = ed_public_key_to_string (ed_signing_key_get_public_key (key));
  g_assert_true (g_file_set_contents_full (public_path, line, -1, G_FILE_SET_CONTENTS_NONE,
                                           0600, NULL));
  loaded = ed_signing_key_load (public_path, &error);
  g_assert_null (loaded);
  g_assert_nonnull (error);
  g_clear_error (&error);

  ed_test_rm_rf (dir);
}

static void
test_signing_public_key_file (void)
{
  g_autofree char *dir = ed_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "keys.pub", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdSigningKey) a = ed_signing_key_generate ("A", &error);
  g_autoptr(EdSigningKey) b = ed_signing_key_generate ("B", &error);
  g_autofree char *line_a = ed_public_key_to_string (ed_signing_key_get_public_key (a));
  g_autofree char *line_b = ed_public_key_to_string (ed_signing_key_get_public_key (b));
  g_autofree char *contents = g_strdup_printf ("# keys of our feeds\n\n%s\n  %s  \n",
                                               line_a, line_b);
  g_autoptr(GPtrArray) keys = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  keys = ed_public_key_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (keys->len, ==, 2);
  g_assert_true (ed_public_key_equal (keys->pdata[0], ed_signing_key_get_public_key (a)));
  g_assert_true (ed_public_key_equal (keys->pdata[1], ed_signing_key_get_public_key (b)));
  g_clear_pointer (&keys, g_ptr_array_unref);

  g_assert_true (g_file_set_contents (path, "# one bad line\nnot-a-key\n", -1, NULL));
  keys = ed_public_key_load_file (path, &error);
  g_assert_null (keys);
  g_assert_error (error, ED_ERROR, ED_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "line 2"));

  ed_test_rm_rf (dir);
}

static void
test_signing_signature_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdSigningKey) key = ed_signing_key_generate (NULL, &error);
  g_autoptr(GBytes) data = g_bytes_new_static ("index", 5);
  g_autoptr(GBytes) text_bytes = NULL;
  g_autoptr(GBytes) broken_bytes = NULL;
  g_autoptr(EdPublicKey) signer = NULL;
  g_autofree char *text = NULL;
  guint8 signature[ED_SIGNATURE_SIZE];
  guint8 parsed[ED_SIGNATURE_SIZE];

  ed_signing_key_sign (key, data, signature);
  text = ed_signature_to_string (ed_signing_key_get_public_key (key), signature);
  g_assert_true (g_str_has_suffix (text, "\n"));
  g_assert_nonnull (strchr (text, ' '));

  text_bytes = g_bytes_new (text, strlen (text));
  g_assert_true (ed_signature_parse (text_bytes, &signer, parsed, &error));
  g_assert_no_error (error);
  g_assert_true (ed_public_key_equal (signer, ed_signing_key_get_public_key (key)));
  g_assert_cmpmem (parsed, sizeof parsed, signature, sizeof signature);

  broken_bytes = g_bytes_new (text, strlen (text) / 2);
  g_clear_pointer (&signer, ed_public_key_free);
  g_assert_false (ed_signature_parse (broken_bytes, &signer, parsed, &error));
  g_assert_error (error, ED_ERROR, ED_ERROR_SIGNATURE);
  g_assert_null (signer);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/signing/rfc8032", test_signing_rfc8032);
  g_test_add_func ("/signing/sign-verify", test_signing_sign_verify);
  g_test_add_func ("/signing/public-key-text", test_signing_public_key_text);
  g_test_add_func ("/signing/key-file", test_signing_key_file);
  g_test_add_func ("/signing/key-file-damaged", test_signing_key_file_damaged);
  g_test_add_func ("/signing/public-key-file", test_signing_public_key_file);
  g_test_add_func ("/signing/signature-text", test_signing_signature_text);

  return g_test_run ();
}
