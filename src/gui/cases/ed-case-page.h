/* ed-case-page.h — a case's own page: its timeline first, its procedures
 *
 * What opens when a case is opened: every deadline and window of the
 * case's procedures for each traveller, in date order, with what is done,
 * due soon, overdue or waiting for data (each can be marked done); and
 * the procedures of its journey, which staff add, remove, reorder and
 * open in the wizard. Its menu prints the journey sheet and exports the
 * timeline to a calendar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ed-core.h"

G_BEGIN_DECLS

#define ED_TYPE_CASE_PAGE (ed_case_page_get_type ())

G_DECLARE_FINAL_TYPE (EdCasePage, ed_case_page, ED, CASE_PAGE, GtkWidget)

GtkWidget   *ed_case_page_new             (EdCase     *kase,
                                           EdCatalog  *catalog,
                                           EdStore    *store);
EdCase      *ed_case_page_get_case        (EdCasePage *self);
void         ed_case_page_set_now         (EdCasePage *self,
                                           GDateTime  *now);
EdTimeline  *ed_case_page_get_timeline    (EdCasePage *self);
void         ed_case_page_refresh         (EdCasePage *self);
void         ed_case_page_export_calendar_to_file (EdCasePage *self,
                                                   GFile      *file);

G_END_DECLS
