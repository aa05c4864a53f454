/* ed-feed.h — updating the procedures from signed feeds
 *
 * An EdFeed downloads the feeds at its URLs, checks each index's
 * signature against the trusted keys (its own and those an
 * administrator put in the system's trusted-keys.d folders) and every
 * file's size and SHA-256, runs the catalog checks, refuses any version
 * older than what the user has, and only then replaces the downloaded
 * set in $XDG_DATA_HOME/entry-desk/updates/current/ in one step. Any
 * failure leaves the catalog as it was and says why, in the UI language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ed-catalog.h"
#include "ed-feed-result.h"

G_BEGIN_DECLS

#define ED_FEED_DEFAULT_TIMEOUT 30

#define ED_TYPE_FEED (ed_feed_get_type ())

G_DECLARE_FINAL_TYPE (EdFeed, ed_feed, ED, FEED, GObject)

EdFeed              *ed_feed_new                (void);

const char * const  *ed_feed_get_urls           (EdFeed              *self);
void                 ed_feed_set_urls           (EdFeed              *self,
                                                 const char * const  *urls);
const char * const  *ed_feed_get_trusted_keys   (EdFeed              *self);
void                 ed_feed_set_trusted_keys   (EdFeed              *self,
                                                 const char * const  *keys);
guint                ed_feed_get_timeout        (EdFeed              *self);
void                 ed_feed_set_timeout        (EdFeed              *self,
                                                 guint                seconds);
EdCatalog           *ed_feed_get_catalog        (EdFeed              *self);
void                 ed_feed_set_catalog        (EdFeed              *self,
                                                 EdCatalog           *catalog);

gboolean             ed_feed_get_running        (EdFeed              *self);
double               ed_feed_get_fraction       (EdFeed              *self);
const char          *ed_feed_get_status         (EdFeed              *self);

void                 ed_feed_update_async       (EdFeed              *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
EdFeedResult        *ed_feed_update_finish      (EdFeed              *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

gboolean             ed_feed_check_url          (const char          *url,
                                                 GError             **error);
gboolean             ed_feed_check_key          (const char          *key,
                                                 GError             **error);

G_END_DECLS
