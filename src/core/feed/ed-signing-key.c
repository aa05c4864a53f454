/* ed-signing-key.c — the publisher's private key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <nettle/eddsa.h>

#ifdef G_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#else
#include <windows.h>
#include <bcrypt.h>
#endif

#include "ed-error.h"
#include "ed-signing-private.h"

#define KEY_GROUP "Entry Desk Signing Key"

struct _EdSigningKey
{
  guint8       seed[ED25519_KEY_SIZE];
  EdPublicKey *public_key;
};

/* The key comes from the system's own generator: nettle has none, and
 * leaves the seeding of its generators to the application. */
static gboolean
fill_random (guint8  *buffer,
             gsize    length,
             GError **error)
{
#ifdef G_OS_UNIX
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path ("/dev/urandom");
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, &local_error);
  gsize done = 0;

  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, length, &done, NULL,
                                &local_error) ||
      done != length)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_FAILED,
                   _("The system could not provide random numbers: %s"),
                   local_error != NULL ? local_error->message : "/dev/urandom");
      return FALSE;
    }

  return TRUE;
#else
  NTSTATUS status = BCryptGenRandom (NULL, buffer, (ULONG) length,
                                     BCRYPT_USE_SYSTEM_PREFERRED_RNG);

  if (!BCRYPT_SUCCESS (status))
    {
      g_set_error (error, ED_ERROR, ED_ERROR_FAILED,
                   _("The system could not provide random numbers: %s"), "BCryptGenRandom");
      return FALSE;
    }

  return TRUE;
#endif
}

static EdSigningKey *
signing_key_new (const guint8 *seed,
                 const char   *comment)
{
  EdSigningKey *self = g_new0 (EdSigningKey, 1);
  guint8 public_bytes[ED_PUBLIC_KEY_SIZE];

  memcpy (self->seed, seed, sizeof self->seed);
  ed25519_sha512_public_key (public_bytes, self->seed);
  self->public_key = ed_public_key_new_from_bytes (public_bytes, comment);

  return self;
}

/**
 * ed_signing_key_generate:
 * @comment: (nullable): one line that names the key's owner
 */
EdSigningKey *
ed_signing_key_generate (const char  *comment,
                         GError     **error)
{
  guint8 seed[ED25519_KEY_SIZE];
  EdSigningKey *self;

  if (comment != NULL && !_ed_is_single_line (comment))
    {
      g_set_error_literal (error, ED_ERROR, ED_ERROR_INVALID,
                           _("The comment of a key must be a single line of text"));
      return NULL;
    }

  if (!fill_random (seed, sizeof seed, error))
    return NULL;

  self = signing_key_new (seed, comment);
  _ed_memory_clear (seed, sizeof seed);

  return self;
}

static gboolean
check_private_mode (const char  *path,
                    GError     **error)
{
#ifdef G_OS_UNIX
  GStatBuf st;

  if (g_stat (path, &st) == 0 && (st.st_mode & 077) != 0)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                   _("The private key “%s” can be read by other users; "
                     "make it private first (chmod 600)"), path);
      return FALSE;
    }
#endif

  return TRUE;
}

EdSigningKey *
ed_signing_key_load (const char  *path,
                     GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *algorithm = NULL;
  g_autofree char *private_text = NULL;
  g_autofree char *public_text = NULL;
  g_autofree char *comment = NULL;
  guint8 seed[ED25519_KEY_SIZE];
  guint8 public_bytes[ED_PUBLIC_KEY_SIZE];
  EdSigningKey *self;

  if (!check_private_mode (path, error))
    return NULL;

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, ED_ERROR, ED_ERROR_IO, _("Could not read the private key “%s”: %s"),
                   path, local_error->message);
      return NULL;
    }

  algorithm = g_key_file_get_string (file, KEY_GROUP, "Algorithm", NULL);
  private_text = g_key_file_get_string (file, KEY_GROUP, "PrivateKey", NULL);
  public_text = g_key_file_get_string (file, KEY_GROUP, "PublicKey", NULL);
  comment = g_key_file_get_string (file, KEY_GROUP, "Comment", NULL);

  if (g_strcmp0 (algorithm, "Ed25519") != 0 ||
      !ed_base64_decode_exact (private_text, seed, sizeof seed) ||
      !ed_base64_decode_exact (public_text, public_bytes, sizeof public_bytes))
    {
      g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                   _("“%s” is not an Entry Desk private key (made with “feed keygen”)"), path);
      _ed_memory_clear (seed, sizeof seed);
      return NULL;
    }

  if (private_text != NULL)
    _ed_memory_clear ((guint8 *) private_text, strlen (private_text));

  self = signing_key_new (seed, comment);
  _ed_memory_clear (seed, sizeof seed);

  /* The public key is stored to tell a damaged file from a good one. */
  if (memcmp (self->public_key->bytes, public_bytes, sizeof public_bytes) != 0)
    {
      ed_signing_key_free (self);
      g_set_error (error, ED_ERROR, ED_ERROR_CORRUPT,
                   _("The private key “%s” is damaged: its public key does not match"), path);
      return NULL;
    }

  return self;
}

static void
set_exists_error (GError     **error,
                  const char  *path)
{
  g_set_error (error, ED_ERROR, ED_ERROR_IO,
               _("“%s” already exists; choose another name, a key is never overwritten"), path);
}

/* Writes @text to a new file, and to the disk; an existing file is an
 * error. On Unix only the owner may read the file; on Windows it takes
 * the permissions of its folder, which in a user's profile are theirs. */
static gboolean
write_new_private_file (const char  *path,
                        const char  *text,
                        gsize        length,
                        GError     **error)
{
#ifdef G_OS_UNIX
  gboolean ok = TRUE;
  int saved_errno = 0;
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL, 0600);

  if (fd < 0)
    {
      saved_errno = errno;
      if (saved_errno == EEXIST)
        set_exists_error (error, path);
      else
        g_set_error (error, ED_ERROR, ED_ERROR_IO, _("Could not write “%s”: %s"),
                     path, g_strerror (saved_errno));
      return FALSE;
    }

  for (gsize done = 0; ok && done < length;)
    {
      gssize written = write (fd, text + done, length - done);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        {
          saved_errno = errno;
          ok = FALSE;
        }
      else
        done += written;
    }
  if (ok && fsync (fd) != 0)
    {
      saved_errno = errno;
      ok = FALSE;
    }
  if (g_close (fd, NULL) == FALSE && ok)
    {
      saved_errno = errno;
      ok = FALSE;
    }

  if (!ok)
    {
      g_remove (path);
      g_set_error (error, ED_ERROR, ED_ERROR_IO, _("Could not write “%s”: %s"),
                   path, g_strerror (saved_errno));
    }

  return ok;
#else
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;

  stream = g_file_create (file, G_FILE_CREATE_PRIVATE, NULL, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        set_exists_error (error, path);
      else
        g_set_error (error, ED_ERROR, ED_ERROR_IO, _("Could not write “%s”: %s"),
                     path, local_error->message);
      return FALSE;
    }

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), text, length, NULL, NULL,
                                  &local_error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &local_error))
    {
      g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);
      g_file_delete (file, NULL, NULL);
      g_set_error (error, ED_ERROR, ED_ERROR_IO, _("Could not write “%s”: %s"),
                   path, local_error->message);
      return FALSE;
    }

  return TRUE;
#endif
}

/**
 * ed_signing_key_save:
 *
 * Writes the key to a new file that only its owner can read. An
 * existing file is never replaced: it may be the only copy of another key.
 */
gboolean
ed_signing_key_save (EdSigningKey  *self,
                     const char    *path,
                     GError       **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *seed_text = g_base64_encode (self->seed, sizeof self->seed);
  g_autofree char *text = NULL;
  gsize length = 0;
  gboolean ok;

  g_key_file_set_string (file, KEY_GROUP, "Algorithm", "Ed25519");
  g_key_file_set_string (file, KEY_GROUP, "PublicKey", self->public_key->base64);
  g_key_file_set_string (file, KEY_GROUP, "PrivateKey", seed_text);
  if (self->public_key->comment != NULL)
    g_key_file_set_string (file, KEY_GROUP, "Comment", self->public_key->comment);
  g_key_file_set_comment (file, KEY_GROUP, NULL,
                          " Entry Desk feed signing key. Keep it secret: whoever has it can\n"
                          " publish procedures that every desk trusting its public key installs.",
                          NULL);
  text = g_key_file_to_data (file, &length, NULL);
  _ed_memory_clear ((guint8 *) seed_text, strlen (seed_text));

  ok = write_new_private_file (path, text, length, error);
  _ed_memory_clear ((guint8 *) text, length);

  return ok;
}

void
ed_signing_key_free (EdSigningKey *self)
{
  if (self == NULL)
    return;

  _ed_memory_clear (self->seed, sizeof self->seed);
  ed_public_key_free (self->public_key);
  g_free (self);
}

const EdPublicKey *
ed_signing_key_get_public_key (EdSigningKey *self)
{
  return self->public_key;
}

/**
 * ed_signing_key_sign:
 * @signature: (out caller-allocates): %ED_SIGNATURE_SIZE bytes
 */
void
ed_signing_key_sign (EdSigningKey *self,
                     GBytes       *data,
                     guint8       *signature)
{
  gsize length;
  const guint8 *message = g_bytes_get_data (data, &length);

  ed25519_sha512_sign (self->public_key->bytes, self->seed, length, message, signature);
}
