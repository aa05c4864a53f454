/* ed-system-keys.h — the keys an administrator trusts for everyone
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

void        ed_system_key_free           (EdSystemKey          *self);

char      **ed_system_keys_get_dirs      (void);
GPtrArray  *ed_system_keys_list_files    (void);
GPtrArray  *ed_system_keys_load          (void);
GPtrArray  *ed_system_keys_load_trusted  (void);
void        ed_system_keys_load_async    (GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
GPtrArray  *ed_system_keys_load_finish   (GAsyncResult         *result,
                                          GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdSystemKey, ed_system_key_free)

G_END_DECLS
