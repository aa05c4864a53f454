/* ed-traveller-keys.h — the traveller keys the procedure format knows
 *
 * A traveller file, a batch CSV and a procedure's fields name a
 * traveller's data by these keys (DESIGN.md "Traveller data"). They are
 * part of the format, so they live beside it; EdTraveller keeps the
 * values.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How many keys ed_traveller_keys() lists. */
#define ED_TRAVELLER_N_KEYS 22

const char * const *ed_traveller_keys         (void);
int                 ed_traveller_key_index    (const char *key);
gboolean            ed_traveller_is_key       (const char *key);
gboolean            ed_traveller_key_is_date  (const char *key);
gboolean            ed_traveller_key_is_time  (const char *key);

G_END_DECLS
