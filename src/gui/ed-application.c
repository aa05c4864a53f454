/* ed-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-application.h"
#include "ed-catalog.h"
#include "ed-preferences-window.h"
#include "ed-update-toast.h"
#include "ed-updater.h"
#include "ed-window.h"

struct _EdApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  EdCatalog      *catalog;
  EdUpdater      *updater;
  AdwToast       *update_toast;       /* weak: the last update's result */
  gboolean        start_check_armed;  /* the first window will start it */
  gboolean        checking_at_start;  /* quiet unless something changed or failed */
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

/* Returns: (transfer none): the updates of the procedures */
EdUpdater *
ed_application_get_updater (EdApplication *self)
{
  g_return_val_if_fail (ED_IS_APPLICATION (self), NULL);

  return self->updater;
}

static EdWindow *
find_main_window (EdApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (ED_IS_WINDOW (active))
    return ED_WINDOW (active);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (ED_IS_WINDOW (l->data))
      return ED_WINDOW (l->data);

  return NULL;
}

/**
 * ed_application_show_update_toast:
 * @toast: (transfer full): what an update did
 *
 * Shows @toast in the main window, in place of the previous update's.
 */
void
ed_application_show_update_toast (EdApplication *self,
                                  AdwToast      *toast)
{
  EdWindow *window;

  g_return_if_fail (ED_IS_APPLICATION (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  window = find_main_window (self);
  if (window == NULL)
    {
      g_object_unref (toast);
      return;
    }

  if (self->update_toast != NULL)
    adw_toast_dismiss (self->update_toast);
  g_set_weak_pointer (&self->update_toast, toast);
  ed_window_add_toast (window, toast);
}

/* The check at start-up speaks only when something changed or failed. */
static void
check_updates_done (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(EdApplication) self = user_data;
  g_autoptr(EdFeedResult) feed_result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean quiet = self->checking_at_start;
  AdwToast *toast;

  self->checking_at_start = FALSE;
  feed_result = ed_updater_check_finish (ED_UPDATER (source), result, &error);
  if (quiet && feed_result != NULL &&
      ed_feed_result_get_outcome (feed_result) != ED_FEED_OUTCOME_CHANGED)
    return;

  toast = ed_update_toast_new (feed_result, error, GTK_WINDOW (find_main_window (self)));
  if (toast != NULL)
    ed_application_show_update_toast (self, toast);
}

static void
check_updates_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  EdApplication *self = ED_APPLICATION (user_data);

  ed_updater_check_async (self->updater, check_updates_done, g_object_ref (self));
}

static gboolean
start_check_idle (gpointer user_data)
{
  EdApplication *self = ED_APPLICATION (user_data);

  if (g_settings_get_boolean (self->settings, "check-updates-at-start") &&
      ed_updater_has_feeds (self->updater) &&
      !ed_feed_get_running (ed_updater_get_feed (self->updater)))
    {
      self->checking_at_start = TRUE;
      ed_updater_check_async (self->updater, check_updates_done, g_object_ref (self));
    }

  return G_SOURCE_REMOVE;
}

/* Once the first window is on screen, and after it has drawn: the
 * check never delays it. */
static void
first_window_mapped_cb (EdApplication *self,
                        GtkWidget     *window)
{
  g_signal_handlers_disconnect_by_func (window, first_window_mapped_cb, self);
  g_idle_add_full (G_PRIORITY_LOW, start_check_idle, g_object_ref (self), g_object_unref);
}

static void
update_running_cb (EdApplication *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "check-updates");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                               !ed_feed_get_running (ed_updater_get_feed (self->updater)));
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
  EdApplication *self = ED_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    window = GTK_WINDOW (ed_window_new (ED_APPLICATION (application)));

  if (!self->start_check_armed)
    {
      self->start_check_armed = TRUE;
      g_signal_connect_object (window, "map", G_CALLBACK (first_window_mapped_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }

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

  self->updater = ed_updater_new (self->settings, self->catalog);
  g_signal_connect_object (ed_updater_get_feed (self->updater), "notify::running",
                           G_CALLBACK (update_running_cb), self, G_CONNECT_SWAPPED);

  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                adw_style_manager_get_default (), "color-scheme",
                                G_SETTINGS_BIND_GET,
                                color_scheme_get_mapping, NULL, NULL, NULL);
}

/* An update left running would keep the process alive, windowless. */
static void
ed_application_shutdown (GApplication *application)
{
  EdApplication *self = ED_APPLICATION (application);

  if (self->updater != NULL)
    ed_updater_cancel (self->updater);

  G_APPLICATION_CLASS (ed_application_parent_class)->shutdown (application);
}

static void
ed_application_finalize (GObject *object)
{
  EdApplication *self = ED_APPLICATION (object);

  g_clear_weak_pointer (&self->update_toast);
  g_clear_object (&self->updater);
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

/* @page: (nullable): the name of the page to show, e.g. “updates” */
static void
open_preferences (EdApplication *self,
                  const char    *page)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  EdPreferencesWindow *preferences = ed_preferences_window_new (parent, self->settings);

  ed_preferences_window_set_updater (preferences, self->updater);
  if (page != NULL)
    adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), page);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  open_preferences (ED_APPLICATION (user_data), NULL);
}

/* Opens Preferences on one page, e.g. from a toast: “updates”. */
static void
show_preferences_page_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  open_preferences (ED_APPLICATION (user_data), g_variant_get_string (parameter, NULL));
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
  { "check-updates", check_updates_action },
  { "show-preferences-page", show_preferences_page_action, "s" },
};

static void
ed_application_class_init (EdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = ed_application_finalize;

  application_class->activate = ed_application_activate;
  application_class->startup = ed_application_startup;
  application_class->shutdown = ed_application_shutdown;
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
