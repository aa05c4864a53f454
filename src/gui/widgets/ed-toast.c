/* ed-toast.c — every toast of the GUI
 *
 * Every toast is made here, from plain text: a title is escaped once,
 * here, so that a name or a file name with “&” or “<” in it shows as
 * typed. A toast's own title is one line, cut short; the sentences an
 * update or the case store says (they name a file, a feed, a reason)
 * are shown whole, wrapped. What staff asked for and did not happen
 * stays until dismissed.
 *
 * Where a toast shows is its owner's business: a widget hands it up
 * with its ::show-toast signal (ed_toast_signal_new()), a helper through
 * the EdToastFunc it was given, and a row that only confirms a click
 * activates win.show-toast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ed-toast.h"

/* Wide enough for a sentence, narrow enough for a toast. */
#define TOAST_WIDTH_CHARS 60

/**
 * ed_toast_new:
 * @text: plain text, not markup
 * @timeout: seconds it stays, or %ED_TOAST_TIMEOUT_LASTING
 *
 * Returns: (transfer full): a toast that says @text on one line
 */
AdwToast *
ed_toast_new (const char *text,
              guint       timeout)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_val_if_fail (text != NULL, NULL);

  title = g_markup_escape_text (text, -1);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, timeout);

  return toast;
}

/**
 * ed_toast_new_lasting:
 * @text: plain text, not markup
 *
 * Returns: (transfer full): a toast that stays until dismissed, for what
 *   staff asked for and did not happen
 */
AdwToast *
ed_toast_new_lasting (const char *text)
{
  return ed_toast_new (text, ED_TOAST_TIMEOUT_LASTING);
}

static GtkWidget *
create_label (const char *text,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), TOAST_WIDTH_CHARS);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/**
 * ed_toast_new_wrapped:
 * @heading: (nullable): a bold first line
 * @text: plain text, not markup: a sentence or two
 * @timeout: seconds it stays, or %ED_TOAST_TIMEOUT_LASTING
 *
 * Returns: (transfer full): a toast that shows @text whole, wrapped,
 *   under its heading; without one, @text is the heading
 */
AdwToast *
ed_toast_new_wrapped (const char *heading,
                      const char *text,
                      guint       timeout)
{
  AdwToast *toast;
  GtkWidget *box;

  g_return_val_if_fail (text != NULL, NULL);

  toast = adw_toast_new ("");
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  if (heading != NULL)
    gtk_box_append (GTK_BOX (box), create_label (heading, "heading"));
  gtk_box_append (GTK_BOX (box), create_label (text, heading != NULL ? NULL : "heading"));
  adw_toast_set_custom_title (toast, box);
  adw_toast_set_timeout (toast, timeout);

  return toast;
}

/**
 * ed_toast_signal_new:
 * @type: a widget class whose owner shows its toasts
 *
 * Adds the signal `show-toast (AdwToast *toast)` to @type. The owner
 * connects it and shows the toast where it shows toasts; a handler that
 * keeps the toast takes a reference.
 *
 * Returns: the signal's id, for ed_toast_emit()
 */
guint
ed_toast_signal_new (GType type)
{
  return g_signal_new ("show-toast",
                       type,
                       G_SIGNAL_RUN_LAST,
                       0, NULL, NULL, NULL,
                       G_TYPE_NONE, 1, ADW_TYPE_TOAST);
}

/**
 * ed_toast_emit:
 * @signal_id: from ed_toast_signal_new()
 * @toast: (transfer full): what @instance has to say
 *
 * Hands @toast to the owner of @instance; without one it is dropped.
 */
void
ed_toast_emit (gpointer  instance,
               guint     signal_id,
               AdwToast *toast)
{
  g_return_if_fail (G_IS_OBJECT (instance));
  g_return_if_fail (ADW_IS_TOAST (toast));

  g_signal_emit (instance, signal_id, 0, toast);
  g_object_unref (toast);
}
