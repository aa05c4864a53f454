/* fuzz-feed-signature.c — index.json.sig, and a public key to trust
 *
 * The input is a signature file; when it parses, the signature is
 * checked against the input itself, as the feed checks its index.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ed-signing.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autofree char *text = fuzz_dup_text (data, size);
  g_autoptr(EdPublicKey) signer = NULL;
  g_autoptr(EdPublicKey) trusted = NULL;
  g_autoptr(GError) error = NULL;
  guint8 signature[ED_SIGNATURE_SIZE];

  if (ed_signature_parse (bytes, &signer, signature, &error))
    ed_public_key_verify (signer, bytes, signature);
  g_clear_error (&error);

  trusted = ed_public_key_parse (text, &error);
  if (trusted != NULL)
    g_free (ed_public_key_to_string (trusted));

  return 0;
}
