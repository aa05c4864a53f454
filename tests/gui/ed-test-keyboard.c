/* ed-test-keyboard.c
 *
 * No fixed waits: a key is pressed or released once the X server says
 * so (its key map), and by then its event is on our connection, ahead
 * of the server's answer; the main loop then runs until nothing is left
 * to do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <X11/XKBlib.h>
#include <X11/extensions/XTest.h>

#include "ed-test-gui.h"
#include "ed-test-keyboard.h"

static Display *
x_display (void)
{
  GdkDisplay *display = gdk_display_get_default ();

  g_assert_true (GDK_IS_X11_DISPLAY (display));
  return gdk_x11_display_get_xdisplay (display);
}

static gboolean
wake_up_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* One turn of the main loop, woken at least every 10 ms so that the
 * condition is looked at again; fails the test after @deadline. */
void
ed_test_keyboard_wait_step (gint64      deadline,
                            const char *what)
{
  guint wake_up;

  if (g_get_monotonic_time () > deadline)
    g_error ("Waited in vain for %s", what);

  wake_up = g_timeout_add (10, wake_up_cb, NULL);
  g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake_up);
}

/* Runs the main loop until nothing is pending: events read, idles run. */
static void
drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Without a window manager, the keyboard goes where the pointer is:
 * give it to @window, as a click on it would. */
void
ed_test_keyboard_focus_window (GtkWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  Display *display = x_display ();

  ed_test_wait_until_mapped (GTK_WIDGET (window));
  /* A key is down only until the test lets it go, however busy the
   * machine: a second Enter that nobody pressed would start a case. */
  XAutoRepeatOff (display);
  XRaiseWindow (display, gdk_x11_surface_get_xid (surface));
  XSetInputFocus (display, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  XSync (display, False);
  ED_TEST_KEYBOARD_WAIT (gtk_window_is_active (window));
}

static gboolean
key_is_down (Display *display,
             KeyCode  code)
{
  char keys[32];

  XQueryKeymap (display, keys);
  return (keys[code / 8] & (1 << (code % 8))) != 0;
}

/* The server has handled the key once its key map shows it: its event
 * was written to us before the answer to XQueryKeymap. */
static void
send_key (KeySym   keysym,
          gboolean press)
{
  Display *display = x_display ();
  KeyCode code = XKeysymToKeycode (display, keysym);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_cmpuint (code, !=, 0);
  XTestFakeKeyEvent (display, code, press, CurrentTime);
  while (key_is_down (display, code) != press)
    g_assert_cmpint (g_get_monotonic_time (), <, deadline);
}

/* Presses and releases @keyval with @modifiers (Control, Alt, Shift),
 * then lets the app handle it. */
void
ed_test_press (guint           keyval,
               GdkModifierType modifiers)
{
  Display *display = x_display ();
  KeySym mods[3];
  guint n = 0;

  if (modifiers & GDK_CONTROL_MASK)
    mods[n++] = XK_Control_L;
  if (modifiers & GDK_ALT_MASK)
    mods[n++] = XK_Alt_L;
  if (modifiers & GDK_SHIFT_MASK)
    mods[n++] = XK_Shift_L;

  for (guint i = 0; i < n; i++)
    send_key (mods[i], TRUE);
  send_key (keyval, TRUE);
  send_key (keyval, FALSE);
  for (guint i = n; i > 0; i--)
    send_key (mods[i - 1], FALSE);
  XSync (display, False);

  drain ();
}

/* Types ASCII @text key by key, with Shift where the keyboard needs it;
 * "\n" is Return. */
void
ed_test_press_text (const char *text)
{
  Display *display = x_display ();

  for (const char *p = text; *p != '\0'; p++)
    {
      KeySym keysym;
      KeyCode code;

      g_assert_true (g_ascii_isprint (*p) || *p == '\n');
      if (*p == '\n')
        {
          ed_test_press (GDK_KEY_Return, 0);
          continue;
        }

      keysym = gdk_unicode_to_keyval ((guchar) *p);
      code = XKeysymToKeycode (display, keysym);
      g_assert_cmpuint (code, !=, 0);
      if (XkbKeycodeToKeysym (display, code, 0, 0) == keysym)
        ed_test_press (keysym, 0);
      else
        {
          g_assert_true (XkbKeycodeToKeysym (display, code, 0, 1) == keysym);
          ed_test_press (XkbKeycodeToKeysym (display, code, 0, 0), GDK_SHIFT_MASK);
        }
    }
}

GtkWidget *
ed_test_focus (GtkWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

/* Presses Tab, as a person does looking at the screen, until @reached
 * says the focus is where they want it. Returns whether it got there. */
gboolean
ed_test_tab_to (GtkWindow  *window,
                gboolean  (*reached) (GtkWidget *focus,
                                      gpointer   data),
                gpointer    data,
                guint       max_tabs)
{
  for (guint i = 0; i <= max_tabs; i++)
    {
      GtkWidget *focus = ed_test_focus (window);

      if (focus != NULL && reached (focus, data))
        return TRUE;
      ed_test_press (GDK_KEY_Tab, 0);
    }

  return FALSE;
}
