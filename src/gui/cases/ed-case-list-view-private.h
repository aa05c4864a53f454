/* ed-case-list-view-private.h — shared by the view and its actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-case-list-view.h"

G_BEGIN_DECLS

struct _EdCaseListView
{
  GtkWidget        parent_instance;

  EdStore         *store;
  EdCatalog       *catalog;
  GError          *error;
  EdCaseList      *cases;        /* what the list shows */
  EdCaseList      *any_case;     /* at most one case, closed or not */
  gboolean         show_closed;
  gboolean         loading;      /* see #EdCaseListView:loading */
  AdwToast        *delete_toast; /* weak: the Undo of the last deletion */
  GtkSizeGroup    *state_group;  /* the rows' status and progress */
  gboolean         narrow;       /* rows with their progress under the text */
  guint            narrow_idle;  /* rows told after the allocation */

  AdwClamp        *search_bar;
  GtkSearchEntry  *search_entry;
  GtkStack        *stack;
  GtkSpinner      *spinner;
  GtkListView     *list_view;
  AdwStatusPage   *no_results_page;
  AdwStatusPage   *error_page;
};

EdCaseInfo  *_ed_case_list_view_find       (EdCaseListView *self,
                                            gint64          id);
void         _ed_case_list_view_activate   (EdCaseListView *self,
                                            EdCaseInfo     *info);
void         _ed_case_list_view_add_toast  (EdCaseListView *self,
                                            AdwToast       *toast);
void         _ed_case_list_view_add_error_toast (EdCaseListView *self,
                                                 const char     *message);
GtkWindow   *_ed_case_list_view_window     (EdCaseListView *self);
void         _ed_case_list_view_show_error (EdCaseListView *self,
                                            const char     *heading,
                                            const char     *body,
                                            const char     *details);

G_END_DECLS
