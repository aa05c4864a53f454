/* ed-signing.h — Ed25519 keys that sign and check procedure feeds
 *
 * The cryptography is nettle's; this file only moves keys between
 * files, text and memory. Formats (see data/procedures/README.md):
 *
 * - a public key is one line: 44 characters of base64 (the 32 bytes
 *   of the key), optionally followed by a space and a comment;
 * - a private key file is a key file readable by its owner only, with
 *   the group [Entry Desk Signing Key] and the keys Algorithm=Ed25519,
 *   PrivateKey (base64 of the 32-byte seed), PublicKey and Comment;
 * - a detached signature is one line: the signer's public key in
 *   base64, a space, and the 64-byte signature in base64.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ED_PUBLIC_KEY_SIZE 32
#define ED_SIGNATURE_SIZE  64

typedef struct _EdPublicKey  EdPublicKey;
typedef struct _EdSigningKey EdSigningKey;

EdPublicKey   *ed_public_key_new_from_bytes     (const guint8        *bytes,
                                                 const char          *comment);
EdPublicKey   *ed_public_key_parse              (const char          *text,
                                                 GError             **error);
GPtrArray     *ed_public_key_load_file          (const char          *path,
                                                 GError             **error);
EdPublicKey   *ed_public_key_copy               (const EdPublicKey   *self);
void           ed_public_key_free               (EdPublicKey         *self);
const char    *ed_public_key_get_base64         (const EdPublicKey   *self);
const char    *ed_public_key_get_comment        (const EdPublicKey   *self);
char          *ed_public_key_to_string          (const EdPublicKey   *self);
gboolean       ed_public_key_equal              (const EdPublicKey   *a,
                                                 const EdPublicKey   *b);
gboolean       ed_public_key_verify             (const EdPublicKey   *self,
                                                 GBytes              *data,
                                                 const guint8        *signature);

EdSigningKey  *ed_signing_key_generate          (const char          *comment,
                                                 GError             **error);
EdSigningKey  *ed_signing_key_load              (const char          *path,
                                                 GError             **error);
gboolean       ed_signing_key_save              (EdSigningKey        *self,
                                                 const char          *path,
                                                 GError             **error);
void           ed_signing_key_free              (EdSigningKey        *self);
const EdPublicKey *ed_signing_key_get_public_key (EdSigningKey       *self);
void           ed_signing_key_sign              (EdSigningKey        *self,
                                                 GBytes              *data,
                                                 guint8              *signature);

char          *ed_signature_to_string           (const EdPublicKey   *key,
                                                 const guint8        *signature);
gboolean       ed_signature_parse               (GBytes              *text,
                                                 EdPublicKey        **key,
                                                 guint8              *signature,
                                                 GError             **error);

gboolean       ed_base64_decode_exact           (const char          *text,
                                                 guint8              *out,
                                                 gsize                length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdPublicKey, ed_public_key_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdSigningKey, ed_signing_key_free)

G_END_DECLS
