/* ed-case-list.h — the cases of a store as a live list, for a GtkListView
 *
 * A GListModel of #EdCaseInfo that follows its search text: set
 * #EdCaseList:search-text from the search entry on every keystroke and
 * the list answers within a frame, without blocking (the search runs in
 * another thread and a newer keystroke cancels an older search). It
 * searches again by itself when the store changes, and keeps the row
 * objects of cases that stay, so a selection survives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ed-store.h"

G_BEGIN_DECLS

#define ED_TYPE_CASE_LIST (ed_case_list_get_type ())

G_DECLARE_FINAL_TYPE (EdCaseList, ed_case_list, ED, CASE_LIST, GObject)

EdCaseList  *ed_case_list_new                (EdStore     *store);
EdStore     *ed_case_list_get_store          (EdCaseList  *self);
const char  *ed_case_list_get_search_text    (EdCaseList  *self);
void         ed_case_list_set_search_text    (EdCaseList  *self,
                                              const char  *text);
gboolean     ed_case_list_get_include_closed (EdCaseList  *self);
void         ed_case_list_set_include_closed (EdCaseList  *self,
                                              gboolean     include_closed);
guint        ed_case_list_get_limit          (EdCaseList  *self);
void         ed_case_list_set_limit          (EdCaseList  *self,
                                              guint        limit);
gboolean     ed_case_list_get_loading        (EdCaseList  *self);

G_END_DECLS
