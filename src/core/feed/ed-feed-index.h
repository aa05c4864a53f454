/* ed-feed-index.h — the signed list of a feed's procedures
 *
 * index.json names every procedure file of a feed with its version,
 * size and SHA-256; index.json.sig signs the exact bytes of index.json.
 * The format is documented in data/procedures/README.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "ed-procedure.h"

G_BEGIN_DECLS

#define ED_FEED_INDEX_FORMAT     1
#define ED_FEED_INDEX_NAME       "index.json"
#define ED_FEED_SIGNATURE_NAME   "index.json.sig"
#define ED_FEED_INDEX_MAX_SIZE   (1024 * 1024)
#define ED_FEED_FILE_MAX_SIZE    ED_PROCEDURE_MAX_SIZE
#define ED_FEED_SIGNATURE_MAX_SIZE 1024
#define ED_FEED_MAX_PROCEDURES   1000

typedef struct
{
  char   *id;
  int     version;
  char   *file;       /* always "<id>.json" */
  gint64  size;
  char   *sha256;     /* 64 lower-case hexadecimal digits */
} EdFeedEntry;

typedef struct
{
  int         format;
  char       *publisher;
  char       *generated;  /* ISO 8601, UTC */
  gint64      sequence;
  GPtrArray  *entries;    /* EdFeedEntry, sorted by id */
} EdFeedIndex;

EdFeedIndex        *ed_feed_index_new            (const char         *publisher,
                                                  gint64              sequence,
                                                  GDateTime          *generated);
EdFeedIndex        *ed_feed_index_parse          (GBytes             *bytes,
                                                  GError            **error);
EdFeedIndex        *ed_feed_index_new_from_node  (JsonNode           *node,
                                                  GError            **error);
JsonNode           *ed_feed_index_to_node        (EdFeedIndex        *self);
GBytes             *ed_feed_index_to_bytes       (EdFeedIndex        *self);
EdFeedIndex        *ed_feed_index_copy           (EdFeedIndex        *self);
void                ed_feed_index_free           (EdFeedIndex        *self);
void                ed_feed_index_add            (EdFeedIndex        *self,
                                                  const char         *id,
                                                  int                 version,
                                                  GBytes             *contents);
const EdFeedEntry  *ed_feed_index_lookup         (EdFeedIndex        *self,
                                                  const char         *id);

EdFeedEntry        *ed_feed_entry_copy           (const EdFeedEntry  *entry);
void                ed_feed_entry_free           (EdFeedEntry        *entry);

char               *ed_sha256_hex                (GBytes             *bytes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdFeedEntry, ed_feed_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdFeedIndex, ed_feed_index_free)

G_END_DECLS
