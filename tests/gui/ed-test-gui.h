/* ed-test-gui.h — helpers for tests in a real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* How long a wait for a condition may take before the test fails:
 * generous, for a busy machine; a condition that holds returns at once. */
#define ED_TEST_WAIT_TIMEOUT_S 60

/**
 * ED_TEST_WAIT_FOR:
 * @condition: an expression, evaluated again after each iteration
 *
 * Runs the main loop until @condition holds; fails the test, naming
 * @condition and where the wait was, after %ED_TEST_WAIT_TIMEOUT_S.
 */
#define ED_TEST_WAIT_FOR(condition) \
  G_STMT_START { \
    gint64 ed_test_deadline_ = ed_test_wait_deadline (); \
    while (!(condition)) \
      ed_test_wait_step (ed_test_deadline_, "“" #condition "” (" G_STRLOC ")"); \
  } G_STMT_END

gint64      ed_test_wait_deadline     (void);
void        ed_test_wait_step         (gint64      deadline,
                                       const char *what);
void        ed_test_wait_until_mapped (GtkWidget  *widget);
void        ed_test_drain             (void);
void        ed_test_wait_for_paint    (GtkWidget  *widget);
void        ed_test_wait_clickable    (GtkWidget  *widget);
void        ed_test_wait_for_last_ref (gpointer    object);
void        ed_test_resize            (GtkWindow  *window,
                                       int         width,
                                       int         height);
GtkWindow  *ed_test_find_toplevel     (GType       type);
GtkWidget  *ed_test_find_widget       (GtkWidget  *root,
                                       GType       type,
                                       const char *css_name_or_null);
void        ed_test_screenshot        (GtkWidget  *widget,
                                       const char *name);
GtkLabel   *ed_test_find_label        (GtkWidget  *root,
                                       const char *needle);
GtkLabel   *ed_test_wait_for_label    (GtkWidget  *root,
                                       const char *needle);
guint       ed_test_count_labels      (GtkWidget  *root,
                                       const char *needle);
void        ed_test_wait_revealed     (GtkWidget  *root);
GtkWidget  *ed_test_find_button       (GtkWidget  *root,
                                       const char *label);
GtkWidget  *ed_test_find_icon_button  (GtkWidget  *root,
                                       const char *icon_name);
GtkWidget  *ed_test_find_row          (GtkWidget  *root,
                                       const char *title);
GtkWidget  *ed_test_find_actionable   (GtkWidget  *root,
                                       const char *action_name);
GtkWindow  *ed_test_show_page         (GtkApplication *application,
                                       GtkWidget  *content,
                                       int         width,
                                       int         height);
void        ed_test_screenshot_page   (GtkWidget  *content,
                                       const char *name);
void        ed_test_type              (GtkWidget  *editable,
                                       const char *text);
const char *ed_test_label_language    (GtkWidget  *root,
                                       const char *text);

G_END_DECLS
