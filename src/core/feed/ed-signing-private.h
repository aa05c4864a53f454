/* ed-signing-private.h — what the two halves of ed-signing share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-signing.h"

G_BEGIN_DECLS

struct _EdPublicKey
{
  guint8  bytes[ED_PUBLIC_KEY_SIZE];
  char   *base64;
  char   *comment;   /* nullable */
};

void      _ed_memory_clear    (gpointer     memory,
                               gsize        length);
gboolean  _ed_is_single_line  (const char  *text);

G_END_DECLS
