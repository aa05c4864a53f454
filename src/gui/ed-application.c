/* ed-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-application.h"
#include "ed-catalog.h"
#include "ed-preferences-window.h"
#include "ed-window.h"

struct _EdApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  EdCatalog      *catalog;
};

G_DEFINE_FINAL_TYPE (EdApplication, ed_application, ADW_TYPE_APPLICATION)

EdApplication *
ed_application_new (void)
{
  return g_object_new (ED_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/entrydesk/EntryDesk",
                       NULL);
}

/**
 * ed_application_get_catalog:
 *
 * Returns: (transfer none): the procedures, loaded at start-up
 */
EdCatalog *
ed_application_get_catalog (EdApplication *self)
{
  g_return_val_if_fail (ED_IS_APPLICATION (self), NULL);

  return self->catalog;
}

GSettings *
ed_application_get_settings (EdApplication *self)
{
  g_return_val_if_fail (ED_IS_APPLICATION (self), NULL);

  return self->settings;
}

static gboolean
color_scheme_get_mapping (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  if (g_strcmp0 (scheme, "light") == 0)
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_strcmp0 (scheme, "dark") == 0)
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    g_value_set_enum (value, ADW_COLOR_SCHEME_DEFAULT);

  return TRUE;
}

static void
ed_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    window = GTK_WINDOW (ed_window_new (ED_APPLICATION (application)));

  gtk_window_present (window);
}

static void
ed_application_startup (GApplication *application)
{
  EdApplication *self = ED_APPLICATION (application);

  G_APPLICATION_CLASS (ed_application_parent_class)->startup (application);

  /* Ten small files: loading them takes a few milliseconds. */
  self->catalog = ed_catalog_new ();
  ed_catalog_load_default (self->catalog);

  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                adw_style_manager_get_default (), "color-scheme",
                                G_SETTINGS_BIND_GET,
                                color_scheme_get_mapping, NULL, NULL, NULL);
}

static void
ed_application_finalize (GObject *object)
{
  EdApplication *self = ED_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (ed_application_parent_class)->finalize (object);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  const char *developers[] = { "Entry Desk developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (application),
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Entry Desk"),
                        "developer-name", _("Entry Desk developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Guided entry and registration procedures for China "
                                      "and Japan, with multilingual check sheets."),
                        "website", "https://github.com/entrydesk/entry-desk",
                        "issue-url", "https://github.com/entrydesk/entry-desk/issues",
                        "developers", developers,
                        /* Translators: put your names here, one a line */
                        "translator-credits", _("translator-credits"),
                        "copyright", "© 2026 Entry Desk developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  EdApplication *self = ED_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  EdPreferencesWindow *preferences = ed_preferences_window_new (parent, self->settings);

  gtk_window_present (GTK_WINDOW (preferences));
}

static void
help_shown_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error) &&
      ED_IS_WINDOW (object))
    ed_window_show_error_toast (ED_WINDOW (object),
                                _("The help could not be opened. Is the Help application (Yelp) installed?"));
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_show_uri_full (window, "help:entry-desk", GDK_CURRENT_TIME,
                     NULL, help_shown_cb, NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "help", help_action },
};

static void
ed_application_class_init (EdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = ed_application_finalize;

  application_class->activate = ed_application_activate;
  application_class->startup = ed_application_startup;
}

static void
ed_application_init (EdApplication *self)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };

  self->settings = g_settings_new (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
}
