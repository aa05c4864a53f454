/* ed-store-sqlite.h — the case store in one SQLite file: the default backend
 *
 * ed_store_open() makes one for a path; nothing else needs to name it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-store-backend.h"

G_BEGIN_DECLS

#define ED_TYPE_STORE_SQLITE (ed_store_sqlite_get_type ())

G_DECLARE_FINAL_TYPE (EdStoreSqlite, ed_store_sqlite, ED, STORE_SQLITE, GObject)

EdStoreBackend *ed_store_sqlite_new (const char *path);

G_END_DECLS
