/* ed-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-window.h"

struct _EdWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwStatusPage        *empty_page;
};

G_DEFINE_FINAL_TYPE (EdWindow, ed_window, ADW_TYPE_APPLICATION_WINDOW)

EdWindow *
ed_window_new (EdApplication *application)
{
  return g_object_new (ED_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

void
ed_window_show_error_toast (EdWindow   *self,
                            const char *message)
{
  AdwToast *toast;

  g_return_if_fail (ED_IS_WINDOW (self));

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
ed_window_dispose (GObject *object)
{
  EdWindow *self = ED_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ed_window_parent_class)->dispose (object);
}

static void
ed_window_class_init (EdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/entrydesk/EntryDesk/ed-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EdWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, EdWindow, empty_page);
}

static void
ed_window_init (EdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}
