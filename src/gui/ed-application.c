/* ed-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-application.h"
#include "ed-catalog.h"
#include "ed-conflict-dialog.h"
#include "ed-preferences-window.h"
#include "ed-sheet.h"
#include "ed-purge-review.h"
#include "ed-reminders.h"
#include "ed-store-toasts.h"
#include "ed-toast.h"
#include "ed-update-toast.h"
#include "ed-updater.h"
#include "ed-window.h"

struct _EdApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  EdCatalog      *catalog;
  EdUpdater      *updater;
  AdwToast       *update_toast;       /* weak: the last update's result, in the main window */
  GtkWindow      *preferences;        /* weak: Preferences, while it is open */
  AdwToast       *preferences_toast;  /* weak: the last update's result, in Preferences */
  gboolean        start_check_armed;  /* the first window will start it */
  gboolean        checking_at_start;  /* quiet unless something changed or failed */

  EdStore        *store;              /* NULL until opened */
  GError         *store_error;        /* why it could not be opened */
  GCancellable   *store_cancellable;
  char           *store_location;     /* where it is: "" for this desk's own */
  gboolean        store_reported;     /* the recovery was shown */
  gboolean        store_switching;    /* saving before another store opens */
  gulong          catalog_handler;    /* the deadlines worked out again */
  AdwToast       *save_toast;         /* weak: saving failed */

  EdReminders    *reminders;          /* once the store is open */
};

G_DEFINE_FINAL_TYPE (EdApplication, ed_application, ADW_TYPE_APPLICATION)

/* The first window waits this long at most for the store to open and
 * list its cases, so that its first frame shows them: more than a
 * desk's own store of 100,000 cases takes (0.2 s), not so long that an
 * office database out of reach keeps the window from showing. */
#define FIRST_LIST_WAIT_MS 500

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

EdApplication *
ed_application_new (void)
{
  return g_object_new (ED_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
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

/**
 * ed_application_get_store:
 *
 * Returns: (transfer none) (nullable): the cases; %NULL until the store
 *   has opened (see #EdApplication:store) or when it could not be
 */
EdStore *
ed_application_get_store (EdApplication *self)
{
  g_return_val_if_fail (ED_IS_APPLICATION (self), NULL);

  return self->store;
}

/* Returns: (nullable): why the case store could not be opened */
const GError *
ed_application_get_store_error (EdApplication *self)
{
  g_return_val_if_fail (ED_IS_APPLICATION (self), NULL);

  return self->store_error;
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

/* @toast: (transfer full) */
static void
show_in_window (AdwToast *toast,
                gpointer  user_data)
{
  ed_window_add_toast (ED_WINDOW (user_data), toast);
}

/* What an update did, in place of the previous update's there: in
 * Preferences when it is open (it is modal: the check was asked for
 * there), else in the main window. The quiet check at start-up always
 * speaks in the main window. */
static void
show_update_result (EdApplication *self,
                    EdFeedResult  *result,
                    const GError  *error,
                    gboolean       at_start)
{
  gboolean in_preferences = !at_start && self->preferences != NULL &&
                            gtk_widget_get_visible (GTK_WIDGET (self->preferences));
  GtkWindow *window = in_preferences ? self->preferences : GTK_WINDOW (find_main_window (self));
  AdwToast **previous = in_preferences ? &self->preferences_toast : &self->update_toast;
  AdwToast *toast;

  if (window == NULL)
    return;

  toast = ed_update_toast_new (result, error, window);
  if (toast == NULL)
    return;

  if (*previous != NULL)
    ed_toast_dismiss (*previous);
  g_set_weak_pointer (previous, toast);
  if (in_preferences)
    ed_toast_overlay_add (ed_toast_find_overlay (GTK_WIDGET (window)), toast);
  else
    ed_window_add_toast (ED_WINDOW (window), toast);
}

/* Told once, in the first window, whichever of the two comes first: a
 * damaged database that was replaced, and closed cases kept longer than
 * the office wants. */
static void
report_store (EdApplication *self)
{
  EdWindow *window = find_main_window (self);
  const GError *recovery;

  if (self->store_reported || self->store == NULL || window == NULL)
    return;

  self->store_reported = TRUE;
  /* Saves sent from the offline queue when the store opened. */
  for (guint i = 0; i < ed_store_get_conflicts (self->store)->len; i++)
    ed_conflict_dialog_present (GTK_WINDOW (window), self->store,
                                g_ptr_array_index (ed_store_get_conflicts (self->store), i));
  recovery = ed_store_get_recovery (self->store);
  if (recovery != NULL)
    ed_window_add_toast (window, ed_store_recovery_toast_new (recovery, GTK_WINDOW (window)));
  ed_purge_review_remind (GTK_WINDOW (window), self->store, self->catalog,
                          show_in_window, g_object_ref (window), g_object_unref);
}

static void
save_failed_cb (EdApplication *self,
                const GError  *error)
{
  EdWindow *window = find_main_window (self);
  AdwToast *toast;

  if (self->save_toast != NULL || window == NULL)
    return;

  toast = ed_store_save_failed_toast_new (error);
  g_set_weak_pointer (&self->save_toast, toast);
  ed_window_add_toast (window, toast);
}

static void
unsaved_changed_cb (EdApplication *self)
{
  EdWindow *window = find_main_window (self);

  if (self->save_toast == NULL || ed_store_has_unsaved_changes (self->store))
    return;

  ed_toast_dismiss (self->save_toast);
  g_clear_weak_pointer (&self->save_toast);
  if (window != NULL)
    ed_window_add_toast (window, ed_store_saved_toast_new ());
}

static const char *
store_location (EdApplication *self)
{
  const char *location = g_getenv ("ENTRY_DESK_STORE");

  g_clear_pointer (&self->store_location, g_free);
  if (location == NULL || *location == '\0')
    self->store_location = g_settings_get_string (self->settings, "office-database");
  else
    self->store_location = g_strdup (location);

  return *self->store_location != '\0' ? self->store_location : NULL;
}

static void
conflict_cb (EdApplication  *self,
             EdCaseConflict *conflict)
{
  EdWindow *window = find_main_window (self);

  if (window != NULL)
    ed_conflict_dialog_present (GTK_WINDOW (window), self->store, conflict);
}

/* Next deadlines worked out again when the procedures changed (or the
 * store was made before them): then the reminders. */
static void
due_refreshed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(EdApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ed_store_refresh_due_finish (ED_STORE (object), result, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("The next deadlines could not be worked out again: %s", error->message);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->store == NULL)
    return;

  if (self->reminders == NULL)
    {
      self->reminders = ed_reminders_new (G_APPLICATION (self), self->store, self->catalog,
                                          self->settings);
    }
  ed_reminders_check (self->reminders);
}

static void
catalog_changed_cb (EdApplication *self)
{
  if (self->store != NULL)
    ed_store_refresh_due_async (self->store, self->store_cancellable, due_refreshed_cb,
                                g_object_ref (self));
}

/* An office database back after working offline: the deadlines worked
 * out again if they could not be (a start offline), then the reminders
 * checked, without waiting for the hour. The saves that waited are sent
 * first (the store queues them as it says it is back, and its writer
 * runs what it was asked in order), so the cases started or changed
 * offline are among those checked. A case already notified is not
 * notified again (EdReminders). */
static void
store_offline_cb (EdApplication *self,
                  GParamSpec    *pspec,
                  EdStore       *store)
{
  if (store == self->store && !ed_store_get_offline (store))
    catalog_changed_cb (self);
}

static void
store_opened_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(EdApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  EdStore *store = ed_store_open_finish (result, &error);

  /* Quitting, or another store asked for meanwhile. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->store = store;
  self->store_error = g_steal_pointer (&error);
  if (self->store != NULL)
    {
      ed_store_set_catalog (self->store, self->catalog);
      /* Cases the command line adds or changes show in the window. */
      ed_store_watch_elsewhere (self->store);
      catalog_changed_cb (self);
      if (self->catalog_handler == 0)
        self->catalog_handler =
          g_signal_connect_object (ed_catalog_get_procedures (self->catalog), "items-changed",
                                   G_CALLBACK (catalog_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->store, "save-failed", G_CALLBACK (save_failed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->store, "notify::unsaved", G_CALLBACK (unsaved_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->store, "conflict", G_CALLBACK (conflict_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->store, "notify::offline", G_CALLBACK (store_offline_cb),
                               self, G_CONNECT_SWAPPED);
    }
  else
    g_message ("The case store could not be opened: %s", self->store_error->message);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  report_store (self);
  if (self->preferences != NULL)
    ed_preferences_window_set_store (ED_PREFERENCES_WINDOW (self->preferences), self->store,
                                     self->catalog);
}

static void store_flushed_cb (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data);

/* What was typed is saved first; then the store goes, the windows show
 * their lists without it (a case open in one goes back to the list:
 * it was the old store's), and the new one opens. */
static void
switch_store (EdApplication *self)
{
  if (self->store != NULL && ed_store_has_unsaved_changes (self->store))
    {
      ed_store_flush_async (self->store, self->store_cancellable, store_flushed_cb,
                            g_object_ref (self));
      return;
    }

  self->store_switching = FALSE;
  g_clear_object (&self->reminders);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  self->store_reported = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);

  ed_store_open_async (store_location (self), self->store_cancellable, store_opened_cb,
                       g_object_ref (self));
}

static void
store_flushed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(EdApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  EdWindow *window;
  g_autofree char *message = NULL;

  if (ed_store_flush_finish (ED_STORE (object), result, &error))
    {
      switch_store (self);
      return;
    }

  /* Not saved: the store stays, with what was typed, until it is. */
  self->store_switching = FALSE;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  window = find_main_window (self);
  /* Translators: %s says why */
  message = g_strdup_printf (_("Entry Desk still keeps cases where it did: changes to a case "
                               "could not be saved first (%s)"), error->message);
  if (window != NULL)
    ed_window_add_toast (window, ed_toast_new_lasting (message));
}

/* Preferences named another office database, or this desk's own file:
 * used now, without a restart ($ENTRY_DESK_STORE still comes first). */
static void
office_database_changed_cb (EdApplication *self)
{
  g_autofree char *was = g_strdup (self->store_location);

  store_location (self);
  if (g_strcmp0 (was, self->store_location) == 0 || self->store_switching)
    return;
  if (self->store == NULL && self->store_error == NULL)
    {
      /* Still opening the first: opened again at the new place. */
      g_cancellable_cancel (self->store_cancellable);
      g_clear_object (&self->store_cancellable);
      self->store_cancellable = g_cancellable_new ();
    }

  self->store_switching = TRUE;
  switch_store (self);
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

  self->checking_at_start = FALSE;
  feed_result = ed_updater_check_finish (ED_UPDATER (source), result, &error);
  if (quiet && feed_result != NULL &&
      ed_feed_result_get_outcome (feed_result) != ED_FEED_OUTCOME_CHANGED)
    return;

  show_update_result (self, feed_result, error, quiet);
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


/* Returns: (transfer none) (nullable): the reminders, once the store is open */
EdReminders *
ed_application_get_reminders (EdApplication *self)
{
  g_return_val_if_fail (ED_IS_APPLICATION (self), NULL);

  return self->reminders;
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
  report_store (self);

  if (!self->start_check_armed)
    {
      self->start_check_armed = TRUE;
      g_signal_connect_object (window, "map", G_CALLBACK (first_window_mapped_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }

  if (ED_IS_WINDOW (window))
    ed_window_present_with_cases (ED_WINDOW (window), FIRST_LIST_WAIT_MS);
  else
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

  /* In another thread, while the first window is made (which shows when
   * the store has listed its cases, or FIRST_LIST_WAIT_MS). An office
   * database when Preferences names one ($ENTRY_DESK_STORE first, as for
   * the command line). */
  self->store_cancellable = g_cancellable_new ();
  ed_store_open_async (store_location (self), self->store_cancellable, store_opened_cb,
                       g_object_ref (self));
  g_signal_connect_object (self->settings, "changed::office-database",
                           G_CALLBACK (office_database_changed_cb), self, G_CONNECT_SWAPPED);

  self->updater = ed_updater_new (self->settings, self->catalog);
  g_signal_connect_object (ed_updater_get_feed (self->updater), "notify::running",
                           G_CALLBACK (update_running_cb), self, G_CONNECT_SWAPPED);

  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                adw_style_manager_get_default (), "color-scheme",
                                G_SETTINGS_BIND_GET,
                                color_scheme_get_mapping, NULL, NULL, NULL);
}

/* An update left running would keep the process alive, windowless.
 * What was typed in the last second is written before the app ends. */
static void
ed_application_shutdown (GApplication *application)
{
  EdApplication *self = ED_APPLICATION (application);
  g_autoptr(GError) error = NULL;

  if (self->updater != NULL)
    ed_updater_cancel (self->updater);
  g_cancellable_cancel (self->store_cancellable);
  g_clear_object (&self->reminders);
  /* A sheet still being laid out would crash in the process's exit. */
  ed_sheet_wait_for_workers ();
  if (self->store != NULL && !ed_store_flush (self->store, &error))
    g_warning ("Changes to cases could not be saved when Entry Desk quit: %s", error->message);

  G_APPLICATION_CLASS (ed_application_parent_class)->shutdown (application);
}

static void
ed_application_finalize (GObject *object)
{
  EdApplication *self = ED_APPLICATION (object);

  g_clear_weak_pointer (&self->update_toast);
  g_clear_weak_pointer (&self->preferences_toast);
  g_clear_weak_pointer (&self->preferences);
  g_clear_weak_pointer (&self->save_toast);
  g_clear_object (&self->reminders);
  g_clear_object (&self->store);
  g_clear_pointer (&self->store_location, g_free);
  g_clear_error (&self->store_error);
  g_clear_object (&self->store_cancellable);
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
  ed_preferences_window_set_store (preferences, self->store, self->catalog);
  /* A transient window has no app actions of its own: Check Now is app.check-updates. */
  gtk_widget_insert_action_group (GTK_WIDGET (preferences), "app", G_ACTION_GROUP (self));
  g_set_weak_pointer (&self->preferences, GTK_WINDOW (preferences));
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
    ed_window_add_toast (ED_WINDOW (object),
                         ed_toast_new_lasting (_("The help could not be opened. Is the Help "
                                                 "application (Yelp) installed?")));
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

/* From a reminder: the case, in the main window. */
static void
open_case_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  EdApplication *self = user_data;
  EdWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = find_main_window (self);
  if (window != NULL)
    ed_window_open_case (window, g_variant_get_int64 (parameter));
}

static void
show_cases_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  EdApplication *self = user_data;
  EdWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = find_main_window (self);
  if (window != NULL)
    ed_window_show_cases (window);
}

static const GActionEntry app_actions[] = {
  { "open-case", open_case_action, "x" },
  { "show-cases", show_cases_action },
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "help", help_action },
  { "check-updates", check_updates_action },
  { "show-preferences-page", show_preferences_page_action, "s" },
};

static void
ed_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EdApplication *self = ED_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_application_class_init (EdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = ed_application_finalize;
  object_class->get_property = ed_application_get_property;

  /**
   * EdApplication:store:
   *
   * The case store, notified once when it has opened (or failed to:
   * see ed_application_get_store_error()).
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ED_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
}
