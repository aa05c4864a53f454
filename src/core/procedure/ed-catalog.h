/* ed-catalog.h — every procedure Entry Desk knows
 *
 * Loaded in order, later wins by id: the installed procedures, then
 * $XDG_DATA_HOME/entry-desk/procedures/, then downloaded updates. A bad
 * file never stops the rest: it is skipped and its error kept. The
 * journey templates (ed-journey.h) come the same way from journeys/
 * beside procedures/ and from $XDG_DATA_HOME/entry-desk/journeys/.
 *
 * The procedures are listed by country, then subdivision (a national
 * procedure before the regional ones), then id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ed-journey.h"
#include "ed-procedure.h"

G_BEGIN_DECLS

#define ED_TYPE_CATALOG (ed_catalog_get_type ())

G_DECLARE_FINAL_TYPE (EdCatalog, ed_catalog, ED, CATALOG, GObject)

EdCatalog    *ed_catalog_new              (void);
void          ed_catalog_load_default     (EdCatalog    *self);
void          ed_catalog_load_directory   (EdCatalog    *self,
                                           const char   *path,
                                           EdOrigin      origin);
GPtrArray    *ed_catalog_list_directory   (const char   *path,
                                           GError      **error);
gboolean      ed_catalog_add_file         (EdCatalog    *self,
                                           const char   *path,
                                           EdOrigin      origin,
                                           GError      **error);
void          ed_catalog_add              (EdCatalog    *self,
                                           EdProcedure  *procedure);

void          ed_catalog_reload_async     (EdCatalog            *self,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean      ed_catalog_reload_finish    (EdCatalog            *self,
                                           GAsyncResult         *result,
                                           GError              **error);

GListModel   *ed_catalog_get_procedures   (EdCatalog    *self);
EdProcedure  *ed_catalog_lookup           (EdCatalog    *self,
                                           const char   *id);
EdProcedure  *ed_catalog_dup_procedure    (EdCatalog    *self,
                                           const char   *id);
GPtrArray    *ed_catalog_get_errors       (EdCatalog    *self);

/* Journey templates */
void          ed_catalog_add_journey      (EdCatalog    *self,
                                           EdJourney    *journey);
gboolean      ed_catalog_add_journey_file (EdCatalog    *self,
                                           const char   *path,
                                           EdOrigin      origin,
                                           GError      **error);
void          ed_catalog_load_journey_directory
                                          (EdCatalog    *self,
                                           const char   *path,
                                           EdOrigin      origin);
guint         ed_catalog_check_journeys   (EdCatalog    *self);
GListModel   *ed_catalog_get_journeys     (EdCatalog    *self);
EdJourney    *ed_catalog_lookup_journey   (EdCatalog    *self,
                                           const char   *id);

G_END_DECLS
