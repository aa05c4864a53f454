/* ed-store-pg.h — the case store in an office's PostgreSQL database
 *
 * Several desks share one set of cases. Picked by ed_store_open() for a
 * "postgresql://" (or "postgres://") location; nobody else names it but
 * the tests and the GUI's Preferences, which keep the password in the
 * desktop keyring (ed_store_pg_store_password()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-store-backend.h"

G_BEGIN_DECLS

#define ED_TYPE_STORE_PG (ed_store_pg_get_type ())

G_DECLARE_FINAL_TYPE (EdStorePg, ed_store_pg, ED, STORE_PG, GObject)

typedef enum
{
  ED_PG_IMPORTED_COPIED,     /* copied with its reference */
  ED_PG_IMPORTED_RENAMED,    /* copied under a new reference: its was taken */
  ED_PG_IMPORTED_ALREADY,    /* copied by an earlier run */
} EdPgImported;

gboolean        ed_store_location_is_pg      (const char    *location);
EdStoreBackend *ed_store_pg_new              (const char    *uri,
                                              GError       **error);
const char     *ed_store_pg_get_role         (EdStorePg     *self);
gboolean        ed_store_pg_get_read_only    (EdStorePg     *self);
char           *ed_store_pg_get_queue_path   (EdStorePg     *self);
guint           ed_store_pg_get_n_queued     (EdStorePg     *self);
void            ed_store_pg_set_queue_dir    (EdStorePg     *self,
                                              const char    *dir);
gboolean        ed_store_pg_import_case      (EdStorePg     *self,
                                              const char    *source,
                                              EdCaseRecord  *record,
                                              EdPgImported  *how,
                                              GError       **error);

void            ed_store_pg_search_columns   (EdCaseRecord  *record,
                                              char         **words,
                                              char         **inner);
GPtrArray      *ed_store_pg_read_queue       (const char    *data,
                                              gsize          size,
                                              GError       **error);

char           *ed_store_pg_make_uri         (const char    *host,
                                              guint          port,
                                              const char    *database,
                                              const char    *user,
                                              const char    *sslmode);
gboolean        ed_store_pg_store_password   (const char    *uri,
                                              const char    *password,
                                              GCancellable  *cancellable,
                                              GError       **error);
gboolean        ed_store_pg_clear_password   (const char    *uri,
                                              GCancellable  *cancellable,
                                              GError       **error);

G_END_DECLS
