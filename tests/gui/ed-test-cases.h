/* ed-test-cases.h — the app with its case store, for tests in a real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ed-application.h"
#include "ed-case-list-view.h"
#include "ed-case-row.h"

G_BEGIN_DECLS

char             *ed_test_isolate           (void);
EdApplication    *ed_test_start_app         (void);
void              ed_test_stop_app          (EdApplication   *app);
EdStore          *ed_test_wait_for_store    (EdApplication   *app);
void              ed_test_wait_store_idle   (EdStore         *store);
GtkWidget        *ed_test_main_window       (EdApplication   *app);
EdCaseListView   *ed_test_case_list_view    (EdApplication   *app);
void              ed_test_wait_for_rows     (EdCaseListView  *view,
                                             guint            n);
EdCaseRow        *ed_test_find_case_row     (EdCaseListView  *view,
                                             const char      *reference);
AdwMessageDialog *ed_test_wait_for_dialog   (const char      *heading);
void              ed_test_respond           (AdwMessageDialog *dialog,
                                             const char      *label);
GtkWidget        *ed_test_wait_for_toast    (GtkWidget       *root,
                                             const char      *needle);
void              ed_test_click             (GtkWidget       *button);
gint64            ed_test_count_cases       (EdStore         *store,
                                             const char      *where);

G_END_DECLS
