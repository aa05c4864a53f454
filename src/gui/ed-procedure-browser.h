/* ed-procedure-browser.h — the procedures of the catalog, to pick one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ed-catalog.h"

G_BEGIN_DECLS

#define ED_TYPE_PROCEDURE_BROWSER (ed_procedure_browser_get_type ())

G_DECLARE_FINAL_TYPE (EdProcedureBrowser, ed_procedure_browser, ED, PROCEDURE_BROWSER, GtkWidget)

GtkWidget   *ed_procedure_browser_new          (void);
void         ed_procedure_browser_set_catalog  (EdProcedureBrowser *self,
                                                EdCatalog          *catalog);
EdCatalog   *ed_procedure_browser_get_catalog  (EdProcedureBrowser *self);
void         ed_procedure_browser_focus_search (EdProcedureBrowser *self);
void         ed_procedure_browser_set_review_max_days (EdProcedureBrowser *self,
                                                       guint               days);

GtkWidget *ed_procedure_status_badge_new (EdProcedure *procedure);

G_END_DECLS
