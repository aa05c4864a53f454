/* test-toast.c — every toast of the GUI, as staff read it
 *
 * Each kind of toast is made, checked (its timeout, its title), then
 * shown in a real window: the text on screen is what was passed, with
 * its “&” and “<” as typed, and nothing is left behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "ed-banner.h"
#include "ed-i18n.h"
#include "ed-test-cases.h"
#include "ed-test-gui.h"
#include "ed-toast.h"

/* A name and a file name as staff might type them. */
#define TYPED "Case ED-7K3M-Q9 <Smith & Sons>"
#define REASON "the disk “/media/usb & co” is full"

/* Returns: (transfer container): the labels of @toast's custom title */
static GList *
title_labels (AdwToast *toast)
{
  GtkWidget *box = adw_toast_get_custom_title (toast);
  GList *labels = NULL;

  g_assert_true (GTK_IS_BOX (box));
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_assert_true (GTK_IS_LABEL (child));
      labels = g_list_append (labels, child);
    }

  return labels;
}

static void
assert_wrapped_label (GtkWidget  *label,
                      const char *text,
                      gboolean    heading)
{
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, text);
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (label)));
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (label)));
  g_assert_cmpint (gtk_widget_has_css_class (label, "heading"), ==, heading);
}

/* Shows @toast (transfer full) in a window, waits for @text on screen,
 * then closes the window: the toast goes with it. */
static void
show (AdwToast   *toast,
      const char *text)
{
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWindow *window;

  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &toast);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), gtk_label_new ("Cases"));
  window = ed_test_show_page (NULL, overlay, 640, 400);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  ed_test_wait_for_label (GTK_WIDGET (window), text);

  gtk_window_destroy (window);
  ED_TEST_WAIT_FOR (toast == NULL);
}

/* One line; the text escaped once, so that it shows as typed. */
static void
test_toast_plain (void)
{
  AdwToast *toast = ed_toast_new (TYPED, 10);

  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Case ED-7K3M-Q9 &lt;Smith &amp; Sons&gt;");
  g_assert_null (adw_toast_get_custom_title (toast));
  g_assert_cmpuint (adw_toast_get_timeout (toast), ==, 10);
  g_assert_cmpint (adw_toast_get_priority (toast), ==, ADW_TOAST_PRIORITY_NORMAL);

  show (toast, TYPED);
}

/* As long as libadwaita's own. */
static void
test_toast_default (void)
{
  g_autoptr(AdwToast) toast = ed_toast_new ("Address copied", ED_TOAST_TIMEOUT_DEFAULT);
  g_autoptr(AdwToast) libadwaita = adw_toast_new ("Address copied");

  g_assert_cmpuint (adw_toast_get_timeout (toast), ==, adw_toast_get_timeout (libadwaita));
}

/* What staff asked for and did not happen stays. */
static void
test_toast_lasting (void)
{
  g_autofree char *message = g_strdup_printf ("The case could not be opened: %s", REASON);
  AdwToast *toast = ed_toast_new_lasting (message);
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  g_assert_cmpstr (adw_toast_get_title (toast), ==, escaped);
  g_assert_cmpuint (adw_toast_get_timeout (toast), ==, 0);

  show (toast, message);
}

/* A sentence whole, wrapped, under its heading; plain text, never
 * markup. */
static void
test_toast_wrapped (void)
{
  AdwToast *toast = ed_toast_new_wrapped ("Changes Not Saved", REASON, ED_TOAST_TIMEOUT_LASTING);
  g_autoptr(GList) labels = title_labels (toast);

  g_assert_cmpuint (adw_toast_get_timeout (toast), ==, 0);
  g_assert_cmpuint (g_list_length (labels), ==, 2);
  assert_wrapped_label (labels->data, "Changes Not Saved", TRUE);
  assert_wrapped_label (labels->next->data, REASON, FALSE);

  show (toast, REASON);
}

/* Without a heading, the sentence is the heading. */
static void
test_toast_wrapped_alone (void)
{
  AdwToast *toast = ed_toast_new_wrapped (NULL, TYPED, 10);
  g_autoptr(GList) labels = title_labels (toast);

  g_assert_cmpuint (adw_toast_get_timeout (toast), ==, 10);
  g_assert_cmpuint (g_list_length (labels), ==, 1);
  assert_wrapped_label (labels->data, TYPED, TRUE);

  show (toast, TYPED);
}

/* Something whose owner shows its toasts. */
#define TEST_TYPE_SOURCE (test_source_get_type ())
G_DECLARE_FINAL_TYPE (TestSource, test_source, TEST, SOURCE, GObject)

struct _TestSource
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (TestSource, test_source, G_TYPE_OBJECT)

static guint show_toast_signal;

static void
test_source_class_init (TestSourceClass *klass)
{
  show_toast_signal = ed_toast_signal_new (G_TYPE_FROM_CLASS (klass));
}

static void
test_source_init (TestSource *self)
{
}

static void
keep_toast_cb (TestSource  *source,
               AdwToast    *toast,
               AdwToast   **kept)
{
  g_assert_null (*kept);
  *kept = g_object_ref (toast);
}

/* The owner gets the toast and keeps it with a reference; without an
 * owner, it is dropped. */
static void
test_toast_signal (void)
{
  g_autoptr(TestSource) source = g_object_new (TEST_TYPE_SOURCE, NULL);
  AdwToast *toast = ed_toast_new (TYPED, ED_TOAST_TIMEOUT_DEFAULT);
  AdwToast *kept = NULL;
  gulong handler;

  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &toast);
  ed_toast_emit (source, show_toast_signal, toast);
  g_assert_null (toast);

  toast = ed_toast_new_lasting (TYPED);
  handler = g_signal_connect (source, "show-toast", G_CALLBACK (keep_toast_cb), &kept);
  ed_toast_emit (source, show_toast_signal, toast);
  g_assert_true (kept == toast);
  g_signal_handler_disconnect (source, handler);
  g_assert_finalize_object (kept);
}

static gboolean
frame_time_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  gint64 *frame_time = user_data;

  *frame_time = gdk_frame_clock_get_frame_time (clock);
  return G_SOURCE_CONTINUE;
}

/* A toast that replaces one still going, then goes at once itself
 * (staff clicked its button, or the next result came): both leave, and
 * the window lives on, until every animation has run out (libadwaita
 * 1.2 freed such a toast while it was still sliding in, and crashed
 * when the slide ended). */
static void
test_toast_replaced_then_dismissed (void)
{
  GtkWidget *overlay = adw_toast_overlay_new ();
  AdwToast *first = ed_toast_new_lasting ("First");
  AdwToast *second = ed_toast_new_lasting ("Second");
  gint64 frame_time = 0;
  GtkWindow *window;
  gint64 until;
  guint tick;

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), gtk_label_new ("Cases"));
  window = ed_test_show_page (NULL, overlay, 640, 400);
  tick = gtk_widget_add_tick_callback (overlay, frame_time_cb, &frame_time, NULL);
  g_object_add_weak_pointer (G_OBJECT (first), (gpointer *) &first);
  g_object_add_weak_pointer (G_OBJECT (second), (gpointer *) &second);

  ed_toast_overlay_add (ADW_TOAST_OVERLAY (overlay), first);
  ed_test_wait_for_label (GTK_WIDGET (window), "First");
  ed_toast_dismiss (first);
  ed_toast_overlay_add (ADW_TOAST_OVERLAY (overlay), second);
  ed_test_wait_for_label (GTK_WIDGET (window), "Second");
  ed_toast_dismiss (second);

  /* Each toast is gone from the screen, and let go… */
  ED_TEST_WAIT_FOR (first == NULL && second == NULL);
  g_assert_null (ed_test_find_label (GTK_WIDGET (window), "Second"));

  /* …and a second later by the window's clock, past the longest slide
   * libadwaita has, nothing went wrong. */
  ED_TEST_WAIT_FOR (frame_time > 0);
  until = frame_time + G_USEC_PER_SEC;
  ED_TEST_WAIT_FOR (frame_time > until);
  gtk_widget_remove_tick_callback (overlay, tick);
  g_assert_null (ed_test_find_label (GTK_WIDGET (window), "First"));
  gtk_window_destroy (window);
}

static void
count_cb (guint *n)
{
  (*n)++;
}

/* What stays true until dealt with, in a bar: shown whole, the latest in
 * front; its button does what a toast's does and takes it away; when it
 * goes, the one before comes back; ed_toast_dismiss() takes it away too,
 * and each says it was dismissed, as a toast does. */
static void
test_toast_banner (void)
{
  GtkWidget *banner = ed_banner_new ();
  AdwToast *first = ed_toast_new_wrapped ("Changes Not Saved", REASON, ED_TOAST_TIMEOUT_LASTING);
  AdwToast *second = ed_toast_new_lasting (TYPED);
  guint clicked = 0, dismissed = 0;
  GtkWindow *window;

  g_object_add_weak_pointer (G_OBJECT (first), (gpointer *) &first);
  g_object_add_weak_pointer (G_OBJECT (second), (gpointer *) &second);
  adw_toast_set_button_label (second, "_Details");
  g_signal_connect_swapped (second, "button-clicked", G_CALLBACK (count_cb), &clicked);
  g_signal_connect_swapped (first, "dismissed", G_CALLBACK (count_cb), &dismissed);
  g_signal_connect_swapped (second, "dismissed", G_CALLBACK (count_cb), &dismissed);
  window = ed_test_show_page (NULL, banner, 640, 400);

  ed_banner_show (ED_BANNER (banner), first);
  ed_test_wait_for_label (banner, REASON);
  g_assert_false (gtk_widget_get_visible (ed_test_find_button (banner, "")));
  ed_banner_show (ED_BANNER (banner), second);
  ed_test_wait_for_label (banner, TYPED);
  g_assert_null (ed_test_find_label (banner, REASON));
  ed_test_wait_revealed (banner);
  ed_test_screenshot (GTK_WIDGET (window), "banner");

  ed_test_click (ed_test_find_button (banner, "_Details"));
  g_assert_cmpuint (clicked, ==, 1);
  g_assert_cmpuint (dismissed, ==, 1);
  g_assert_null (second);
  ed_test_wait_for_label (banner, REASON);

  ed_toast_dismiss (first);
  g_assert_cmpuint (dismissed, ==, 2);
  g_assert_null (first);
  g_assert_null (ed_banner_get_shown (ED_BANNER (banner)));
  g_assert_null (ed_test_find_label (banner, REASON));
  gtk_window_destroy (window);
}

/* A window with a bar: what stays until dismissed, added to its toast
 * overlay as any toast is (as a dialog that has closed does), is in the
 * bar and not a toast; what just happened is a toast. */
static void
test_toast_overlay_bar (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *banner = ed_banner_new ();
  AdwToast *lasting = ed_toast_new_lasting (TYPED);
  AdwToast *passing = ed_toast_new ("Address copied", ED_TOAST_TIMEOUT_DEFAULT);
  GtkWindow *window;

  g_object_add_weak_pointer (G_OBJECT (lasting), (gpointer *) &lasting);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), gtk_label_new ("Cases"));
  gtk_widget_set_vexpand (overlay, TRUE);
  gtk_box_append (GTK_BOX (box), overlay);
  gtk_box_append (GTK_BOX (box), banner);
  ed_toast_overlay_set_bar (ADW_TOAST_OVERLAY (overlay), ED_BANNER (banner));
  window = ed_test_show_page (NULL, box, 640, 400);

  ed_toast_overlay_add (ADW_TOAST_OVERLAY (overlay), lasting);
  ed_test_wait_for_label (banner, TYPED);
  g_assert_true (ed_banner_get_shown (ED_BANNER (banner)) == lasting);
  ed_toast_overlay_add (ADW_TOAST_OVERLAY (overlay), passing);
  ed_test_wait_for_label (overlay, "Address copied");
  g_assert_null (ed_test_find_label (banner, "Address copied"));
  g_assert_null (ed_test_find_label (overlay, TYPED));
  g_assert_true (ed_banner_get_shown (ED_BANNER (banner)) == lasting);

  ed_toast_dismiss (lasting);
  g_assert_null (lasting);
  g_assert_null (ed_test_find_label (banner, TYPED));
  gtk_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  ed_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/toast/plain", test_toast_plain);
  g_test_add_func ("/toast/default", test_toast_default);
  g_test_add_func ("/toast/lasting", test_toast_lasting);
  g_test_add_func ("/toast/wrapped", test_toast_wrapped);
  g_test_add_func ("/toast/wrapped-alone", test_toast_wrapped_alone);
  g_test_add_func ("/toast/signal", test_toast_signal);
  g_test_add_func ("/toast/replaced-then-dismissed", test_toast_replaced_then_dismissed);
  g_test_add_func ("/toast/banner", test_toast_banner);
  g_test_add_func ("/toast/overlay-bar", test_toast_overlay_bar);

  return g_test_run ();
}
