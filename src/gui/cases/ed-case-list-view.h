/* ed-case-list-view.h — the Cases page: every case, searched as you type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ed-catalog.h"
#include "ed-case-list.h"
#include "ed-store.h"

G_BEGIN_DECLS

#define ED_TYPE_CASE_LIST_VIEW (ed_case_list_view_get_type ())

G_DECLARE_FINAL_TYPE (EdCaseListView, ed_case_list_view, ED, CASE_LIST_VIEW, GtkWidget)

GtkWidget   *ed_case_list_view_new          (void);
void         ed_case_list_view_set_store    (EdCaseListView *self,
                                             EdStore        *store);
EdStore     *ed_case_list_view_get_store    (EdCaseListView *self);
void         ed_case_list_view_set_error    (EdCaseListView *self,
                                             const GError   *error);
void         ed_case_list_view_set_catalog  (EdCaseListView *self,
                                             EdCatalog      *catalog);
EdCaseList  *ed_case_list_view_get_cases    (EdCaseListView *self);
gboolean     ed_case_list_view_get_loading  (EdCaseListView *self);
void         ed_case_list_view_focus_search (EdCaseListView *self);

/* What the rows' menus and the window's menu do (ed-case-list-view-actions.c);
 * a %NULL @file asks for one with the file chooser. */
void         ed_case_list_view_import       (EdCaseListView *self,
                                             GFile          *file);
void         ed_case_list_view_export       (EdCaseListView *self,
                                             gint64          id,
                                             GFile          *file);
void         ed_case_list_view_delete       (EdCaseListView *self,
                                             gint64          id);
void         ed_case_list_view_set_closed   (EdCaseListView *self,
                                             gint64          id,
                                             gboolean        closed);

void            ed_case_list_view_open_sheet     (EdCaseListView *self,
                                                  gint64          id,
                                                  gboolean        print);

G_END_DECLS
