/* ed-feed-store.h — where downloaded procedures live
 *
 * $XDG_DATA_HOME/entry-desk/updates/ holds the set of procedures that
 * the last successful update installed (current/) and what the updates
 * remember between runs (state.json).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char   *ed_feed_store_dir          (void);
char   *ed_feed_store_current_dir  (const char *store_dir);

G_END_DECLS
