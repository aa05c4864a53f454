/* ed-banner.c — what stays true until it is dealt with, in a bar
 *
 * A toast is for what just happened; some things stay true until staff
 * or the app deal with them: changes that cannot be written (a full
 * disk), a damaged case database kept aside, procedure files that could
 * not be read. libadwaita 1.2 has no AdwBanner, so this is ours: a bar
 * along the bottom of the main window, under every page (the case list,
 * a case, its wizard), that stays until it is dismissed or what it says
 * is over.
 *
 * It shows an #AdwToast, so that the code that says something does not
 * care where it is shown: the toast's title (or its custom title, the
 * wrapped sentences of ed_toast_new_wrapped()), its button (which emits
 * #AdwToast::button-clicked and activates the toast's action, as a
 * toast does), and a close button. ed_toast_dismiss() takes it away, and
 * #AdwToast::dismissed is emitted, as for a toast. Several at once: the
 * latest is shown; when it goes, the one before comes back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-banner.h"
#include "ed-toast.h"

#define BANNER_KEY "ed-banner"

struct _EdBanner
{
  GtkWidget   parent_instance;

  GtkWidget  *revealer;
  GtkWidget  *message;       /* the shown toast's title */
  GtkWidget  *button;
  GtkWidget  *title_widget;  /* in @message, the toast's own or ours */
  GQueue      toasts;        /* (element-type AdwToast): the head is shown */
};

G_DEFINE_FINAL_TYPE (EdBanner, ed_banner, GTK_TYPE_WIDGET)

static void
clear_message (EdBanner *self)
{
  if (self->title_widget == NULL)
    return;
  gtk_box_remove (GTK_BOX (self->message), self->title_widget);
  self->title_widget = NULL;
}

/* Shows the latest toast, or folds away when there is none. */
static void
present (EdBanner *self)
{
  AdwToast *toast = g_queue_peek_head (&self->toasts);
  const char *button_label;

  clear_message (self);
  if (toast == NULL)
    {
      gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), FALSE);
      return;
    }

  self->title_widget = adw_toast_get_custom_title (toast);
  if (self->title_widget == NULL)
    {
      /* An ed_toast_new() title is markup, escaped once. */
      self->title_widget = gtk_label_new (NULL);
      gtk_label_set_markup (GTK_LABEL (self->title_widget), adw_toast_get_title (toast));
      gtk_label_set_wrap (GTK_LABEL (self->title_widget), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (self->title_widget), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (self->title_widget), 0.0);
      gtk_widget_add_css_class (self->title_widget, "heading");
    }
  gtk_widget_set_hexpand (self->title_widget, TRUE);
  gtk_box_append (GTK_BOX (self->message), self->title_widget);

  button_label = adw_toast_get_button_label (toast);
  gtk_widget_set_visible (self->button, button_label != NULL);
  gtk_button_set_label (GTK_BUTTON (self->button), button_label != NULL ? button_label : "");
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), TRUE);
}

static void
button_clicked_cb (EdBanner *self)
{
  AdwToast *shown = g_queue_peek_head (&self->toasts);
  g_autoptr(AdwToast) toast = NULL;
  const char *action;

  if (shown == NULL)
    return;

  /* Held: a handler may dismiss it. */
  toast = g_object_ref (shown);
  g_signal_emit_by_name (toast, "button-clicked");
  action = adw_toast_get_action_name (toast);
  if (action != NULL)
    gtk_widget_activate_action_variant (GTK_WIDGET (self), action,
                                        adw_toast_get_action_target_value (toast));
  ed_banner_dismiss (self, toast);
}

static void
close_clicked_cb (EdBanner *self)
{
  AdwToast *toast = g_queue_peek_head (&self->toasts);

  if (toast != NULL)
    ed_banner_dismiss (self, toast);
}

static void
ed_banner_dispose (GObject *object)
{
  EdBanner *self = ED_BANNER (object);
  AdwToast *toast;

  clear_message (self);
  while ((toast = g_queue_pop_head (&self->toasts)) != NULL)
    {
      g_object_set_data (G_OBJECT (toast), BANNER_KEY, NULL);
      g_object_unref (toast);
    }
  g_clear_pointer (&self->revealer, gtk_widget_unparent);

  G_OBJECT_CLASS (ed_banner_parent_class)->dispose (object);
}

static void
ed_banner_class_init (EdBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_banner_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "edbanner");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ALERT);
}

static void
ed_banner_init (EdBanner *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *close = gtk_button_new_from_icon_name ("window-close-symbolic");

  g_queue_init (&self->toasts);

  self->revealer = gtk_revealer_new ();
  gtk_revealer_set_transition_type (GTK_REVEALER (self->revealer),
                                    GTK_REVEALER_TRANSITION_TYPE_SLIDE_UP);
  gtk_widget_set_parent (self->revealer, GTK_WIDGET (self));

  gtk_widget_add_css_class (bar, "banner-bar");
  self->message = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_hexpand (self->message, TRUE);
  gtk_widget_set_valign (self->message, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (bar), self->message);

  self->button = gtk_button_new ();
  gtk_button_set_use_underline (GTK_BUTTON (self->button), TRUE);
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->button, "pill");
  g_signal_connect_swapped (self->button, "clicked", G_CALLBACK (button_clicked_cb), self);
  gtk_box_append (GTK_BOX (bar), self->button);

  gtk_widget_set_valign (close, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (close, _("Dismiss"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (close), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Dismiss"), -1);
  gtk_widget_add_css_class (close, "flat");
  gtk_widget_add_css_class (close, "circular");
  g_signal_connect_swapped (close, "clicked", G_CALLBACK (close_clicked_cb), self);
  gtk_box_append (GTK_BOX (bar), close);

  gtk_revealer_set_child (GTK_REVEALER (self->revealer), bar);
}

GtkWidget *
ed_banner_new (void)
{
  return g_object_new (ED_TYPE_BANNER, NULL);
}

/**
 * ed_banner_show:
 * @toast: (transfer full): what stays true until it is dealt with
 *
 * Shows @toast in the bar, in front of any shown before, until it is
 * dismissed: by its close button, its own button, or
 * ed_toast_dismiss().
 */
void
ed_banner_show (EdBanner *self,
                AdwToast *toast)
{
  g_return_if_fail (ED_IS_BANNER (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  g_object_set_data (G_OBJECT (toast), BANNER_KEY, self);
  g_queue_push_head (&self->toasts, toast);
  present (self);
}

/**
 * ed_banner_dismiss:
 * @toast: a toast the bar shows, or had shown
 *
 * Takes @toast away and emits its #AdwToast::dismissed; the one shown
 * before it, if any, comes back.
 */
void
ed_banner_dismiss (EdBanner *self,
                   AdwToast *toast)
{
  GList *link;

  g_return_if_fail (ED_IS_BANNER (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  link = g_queue_find (&self->toasts, toast);
  if (link == NULL)
    return;

  if (link == self->toasts.head)
    clear_message (self);
  g_queue_delete_link (&self->toasts, link);
  g_object_set_data (G_OBJECT (toast), BANNER_KEY, NULL);
  present (self);
  g_signal_emit_by_name (toast, "dismissed");
  g_object_unref (toast);
}

/* Returns: (transfer none) (nullable): the toast the bar shows */
AdwToast *
ed_banner_get_shown (EdBanner *self)
{
  g_return_val_if_fail (ED_IS_BANNER (self), NULL);

  return g_queue_peek_head (&self->toasts);
}

/**
 * ed_banner_find:
 * @toast: any toast
 *
 * Returns: (transfer none) (nullable): the bar that shows @toast
 */
EdBanner *
ed_banner_find (AdwToast *toast)
{
  return g_object_get_data (G_OBJECT (toast), BANNER_KEY);
}

/**
 * ed_banner_add_to_window:
 * @window: a window whose content has a toast overlay, such as an
 *   #AdwPreferencesWindow
 *
 * Puts a bar along the bottom of @window, under its content and its
 * toasts, and sends there what stays until dismissed
 * (ed_toast_overlay_set_bar()).
 *
 * Returns: (transfer none): the bar
 */
EdBanner *
ed_banner_add_to_window (AdwWindow *window)
{
  g_autoptr(GtkWidget) content = NULL;
  AdwToastOverlay *overlay;
  GtkWidget *box;
  GtkWidget *bar;

  g_return_val_if_fail (ADW_IS_WINDOW (window), NULL);

  content = g_object_ref (adw_window_get_content (window));
  overlay = ed_toast_find_overlay (content);
  g_return_val_if_fail (overlay != NULL, NULL);

  adw_window_set_content (window, NULL);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_vexpand (content, TRUE);
  gtk_box_append (GTK_BOX (box), content);
  bar = ed_banner_new ();
  gtk_box_append (GTK_BOX (box), bar);
  adw_window_set_content (window, box);
  ed_toast_overlay_set_bar (overlay, ED_BANNER (bar));

  return ED_BANNER (bar);
}
