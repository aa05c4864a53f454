/* ed-test-keyboard.h — a real keyboard for tests in a real window
 *
 * Keys go through the X server (XTest), as a person's do: GTK receives
 * them as events, with its focus, bindings, mnemonics and input method.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * ED_TEST_KEYBOARD_WAIT:
 * @condition: an expression, evaluated again after each main-loop turn
 *
 * Runs the main loop until @condition holds; fails the test, naming
 * @condition and where the wait was, after 10 seconds.
 */
#define ED_TEST_KEYBOARD_WAIT(condition) \
  G_STMT_START { \
    gint64 ed_test_kb_deadline_ = g_get_monotonic_time () + 10 * G_USEC_PER_SEC; \
    while (!(condition)) \
      ed_test_keyboard_wait_step (ed_test_kb_deadline_, "“" #condition "” (" G_STRLOC ")"); \
  } G_STMT_END

void        ed_test_keyboard_wait_step    (gint64           deadline,
                                           const char      *what);
void        ed_test_keyboard_focus_window (GtkWindow       *window);
void        ed_test_press                 (guint            keyval,
                                           GdkModifierType  modifiers);
void        ed_test_press_text            (const char      *text);
GtkWidget  *ed_test_focus                 (GtkWindow       *window);
gboolean    ed_test_tab_to                (GtkWindow       *window,
                                           gboolean       (*reached) (GtkWidget *focus,
                                                                      gpointer   data),
                                           gpointer         data,
                                           guint            max_tabs);

G_END_DECLS
