/* ed-public-key.c — public keys and detached signatures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <nettle/eddsa.h>

#include "ed-error.h"
#include "ed-signing-private.h"

G_STATIC_ASSERT (ED_PUBLIC_KEY_SIZE == ED25519_KEY_SIZE);
G_STATIC_ASSERT (ED_SIGNATURE_SIZE == ED25519_SIGNATURE_SIZE);

/* A plain memset before free may be optimised away. */
void
_ed_memory_clear (gpointer memory,
                  gsize    length)
{
  volatile guint8 *p = memory;

  while (length-- > 0)
    *p++ = 0;
}

/**
 * ed_base64_decode_exact:
 *
 * Decodes @text only when it is the canonical base64 of exactly @length
 * bytes: g_base64_decode() alone skips stray characters, and a key that
 * differs from its text must not pass.
 */
gboolean
ed_base64_decode_exact (const char *text,
                        guint8     *out,
                        gsize       length)
{
  g_autofree guchar *decoded = NULL;
  g_autofree char *again = NULL;
  gsize decoded_length = 0;

  if (text == NULL || strlen (text) != (length + 2) / 3 * 4)
    return FALSE;

  decoded = g_base64_decode (text, &decoded_length);
  if (decoded_length != length)
    {
      if (decoded != NULL)
        _ed_memory_clear (decoded, decoded_length);
      return FALSE;
    }

  again = g_base64_encode (decoded, decoded_length);
  if (strcmp (again, text) == 0)
    memcpy (out, decoded, length);
  _ed_memory_clear (decoded, decoded_length);

  return strcmp (again, text) == 0;
}

gboolean
_ed_is_single_line (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      return FALSE;

  return g_utf8_validate (text, -1, NULL);
}

EdPublicKey *
ed_public_key_new_from_bytes (const guint8 *bytes,
                              const char   *comment)
{
  EdPublicKey *self = g_new0 (EdPublicKey, 1);

  memcpy (self->bytes, bytes, ED_PUBLIC_KEY_SIZE);
  self->base64 = g_base64_encode (bytes, ED_PUBLIC_KEY_SIZE);
  if (comment != NULL && *comment != '\0')
    self->comment = g_strdup (comment);

  return self;
}

/**
 * ed_public_key_parse:
 * @text: "BASE64" or "BASE64 comment"
 */
EdPublicKey *
ed_public_key_parse (const char  *text,
                     GError     **error)
{
  g_autofree char *line = g_strstrip (g_strdup (text));
  guint8 bytes[ED_PUBLIC_KEY_SIZE];
  char *comment = NULL;
  char *space;

  space = strpbrk (line, " \t");
  if (space != NULL)
    {
      *space = '\0';
      comment = g_strstrip (space + 1);
    }

  if (!ed_base64_decode_exact (line, bytes, sizeof bytes) ||
      (comment != NULL && !_ed_is_single_line (comment)))
    {
      g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                   _("“%s” is not a public key: a key is 44 characters of base64, "
                     "optionally followed by a space and a comment"),
                   line);
      return NULL;
    }

  return ed_public_key_new_from_bytes (bytes, comment);
}

/**
 * ed_public_key_load_file:
 *
 * Reads every key of a public key file: one key a line; blank lines and
 * lines starting with “#” are skipped.
 *
 * Returns: (transfer full) (element-type EdPublicKey): the keys
 */
GPtrArray *
ed_public_key_load_file (const char  *path,
                         GError     **error)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_public_key_free);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &local_error))
    {
      g_set_error (error, ED_ERROR, ED_ERROR_IO, _("Could not read the key file “%s”: %s"),
                   path, local_error->message);
      return NULL;
    }

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);
      EdPublicKey *key;

      if (*line == '\0' || *line == '#')
        continue;

      key = ed_public_key_parse (line, &local_error);
      if (key == NULL)
        {
          g_set_error (error, ED_ERROR, ED_ERROR_INVALID, _("%s, line %u: %s"),
                       path, i + 1, local_error->message);
          return NULL;
        }
      g_ptr_array_add (keys, key);
    }

  return g_steal_pointer (&keys);
}

EdPublicKey *
ed_public_key_copy (const EdPublicKey *self)
{
  return ed_public_key_new_from_bytes (self->bytes, self->comment);
}

void
ed_public_key_free (EdPublicKey *self)
{
  if (self == NULL)
    return;

  g_free (self->base64);
  g_free (self->comment);
  g_free (self);
}

const char *
ed_public_key_get_base64 (const EdPublicKey *self)
{
  return self->base64;
}

const char *
ed_public_key_get_comment (const EdPublicKey *self)
{
  return self->comment;
}

/* Returns: the key as one line, the way ed_public_key_parse() reads it. */
char *
ed_public_key_to_string (const EdPublicKey *self)
{
  if (self->comment == NULL)
    return g_strdup (self->base64);

  return g_strdup_printf ("%s %s", self->base64, self->comment);
}

gboolean
ed_public_key_equal (const EdPublicKey *a,
                     const EdPublicKey *b)
{
  return memcmp (a->bytes, b->bytes, ED_PUBLIC_KEY_SIZE) == 0;
}

/**
 * ed_public_key_verify:
 * @signature: %ED_SIGNATURE_SIZE bytes
 *
 * Returns: whether @signature is this key's signature of @data
 */
gboolean
ed_public_key_verify (const EdPublicKey *self,
                      GBytes            *data,
                      const guint8      *signature)
{
  gsize length;
  const guint8 *message = g_bytes_get_data (data, &length);

  return ed25519_sha512_verify (self->bytes, length, message, signature) == 1;
}

/* Returns: the text of a detached signature file, ending in a newline */
char *
ed_signature_to_string (const EdPublicKey *key,
                        const guint8      *signature)
{
  g_autofree char *signature_text = g_base64_encode (signature, ED_SIGNATURE_SIZE);

  return g_strdup_printf ("%s %s\n", key->base64, signature_text);
}

/**
 * ed_signature_parse:
 * @key: (out): the key that says it made the signature; whether it is
 *   trusted, and whether the signature holds, is for the caller to check
 * @signature: (out caller-allocates): %ED_SIGNATURE_SIZE bytes
 */
gboolean
ed_signature_parse (GBytes       *text,
                    EdPublicKey **key,
                    guint8       *signature,
                    GError      **error)
{
  gsize length;
  const char *data = g_bytes_get_data (text, &length);
  g_autofree char *line = g_strndup (data != NULL ? data : "", length);
  g_auto(GStrv) parts = NULL;
  guint8 key_bytes[ED_PUBLIC_KEY_SIZE];

  parts = g_strsplit (g_strstrip (line), " ", -1);
  if ((data != NULL && memchr (data, '\0', length) != NULL) ||
      g_strv_length (parts) != 2 ||
      !ed_base64_decode_exact (parts[0], key_bytes, sizeof key_bytes) ||
      !ed_base64_decode_exact (parts[1], signature, ED_SIGNATURE_SIZE))
    {
      g_set_error_literal (error, ED_ERROR, ED_ERROR_SIGNATURE,
                           _("The signature file of the feed is damaged: it must be one line "
                             "with a public key and a signature"));
      return FALSE;
    }

  *key = ed_public_key_new_from_bytes (key_bytes, NULL);
  return TRUE;
}
