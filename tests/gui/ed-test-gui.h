/* ed-test-gui.h — helpers for tests in a real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void        ed_test_wait_until_mapped (GtkWidget  *widget);
void        ed_test_iterate           (guint       msec);
GtkWindow  *ed_test_find_toplevel     (GType       type);
GtkWidget  *ed_test_find_widget       (GtkWidget  *root,
                                       GType       type,
                                       const char *css_name_or_null);
void        ed_test_screenshot        (GtkWidget  *widget,
                                       const char *name);

G_END_DECLS
