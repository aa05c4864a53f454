/* ed-feed-build.h — publishing procedures as a signed feed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-feed-index.h"
#include "ed-signing.h"

G_BEGIN_DECLS

EdFeedIndex  *ed_feed_build  (const char     *source_dir,
                              EdSigningKey   *key,
                              const char     *publisher,
                              gint64          sequence,
                              const char     *out_dir,
                              GPtrArray     **problems,
                              GError        **error);

G_END_DECLS
