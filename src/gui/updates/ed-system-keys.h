/* ed-system-keys.h — the keys an administrator trusts for everyone, with their files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ed-signing.h"

G_BEGIN_DECLS

typedef struct
{
  char        *path;    /* the file it is read from */
  EdPublicKey *key;     /* nullable: the file could not be read */
  char        *error;   /* why not, when @key is %NULL */
} EdSystemKey;

void        ed_system_keys_load_async   (GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
GPtrArray  *ed_system_keys_load_finish  (GAsyncResult         *result,
                                         GError              **error);

G_END_DECLS
