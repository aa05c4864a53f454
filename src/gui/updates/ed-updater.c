/* ed-updater.c — the application's updates of the procedures
 *
 * One EdFeed for the whole application, bound to the settings: the main
 * window's menu, the check at start-up and Preferences all run the same
 * update, so that its progress shows everywhere and a second one cannot
 * start meanwhile. After a change the application's catalog is read
 * again in place, so every view shows the new procedures at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-error.h"
#include "ed-updater.h"

struct _EdUpdater
{
  GObject       parent_instance;

  GSettings    *settings;
  EdCatalog    *catalog;
  EdFeed       *feed;
  GCancellable *cancellable;  /* of the update running, if any */
};

G_DEFINE_FINAL_TYPE (EdUpdater, ed_updater, G_TYPE_OBJECT)

static void
ed_updater_dispose (GObject *object)
{
  EdUpdater *self = ED_UPDATER (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->feed);
  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ed_updater_parent_class)->dispose (object);
}

static void
ed_updater_class_init (EdUpdaterClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ed_updater_dispose;
}

static void
ed_updater_init (EdUpdater *self)
{
  self->feed = ed_feed_new ();
}

/**
 * ed_updater_new:
 * @catalog: the catalog the application shows; reloaded after a change
 */
EdUpdater *
ed_updater_new (GSettings *settings,
                EdCatalog *catalog)
{
  EdUpdater *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (ED_IS_CATALOG (catalog), NULL);

  self = g_object_new (ED_TYPE_UPDATER, NULL);
  self->settings = g_object_ref (settings);
  self->catalog = g_object_ref (catalog);

  g_settings_bind (settings, "feed-urls", self->feed, "urls", G_SETTINGS_BIND_GET);
  g_settings_bind (settings, "trusted-keys", self->feed, "trusted-keys", G_SETTINGS_BIND_GET);
  ed_feed_set_catalog (self->feed, catalog);

  return self;
}

/* Returns: (transfer none): the feed, for its progress (running, fraction, status) */
EdFeed *
ed_updater_get_feed (EdUpdater *self)
{
  g_return_val_if_fail (ED_IS_UPDATER (self), NULL);

  return self->feed;
}

/* Returns: whether at least one feed address is set up */
gboolean
ed_updater_has_feeds (EdUpdater *self)
{
  g_auto(GStrv) urls = NULL;

  g_return_val_if_fail (ED_IS_UPDATER (self), FALSE);

  urls = g_settings_get_strv (self->settings, "feed-urls");
  return urls[0] != NULL;
}

static void
reloaded (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* The update is installed whatever happens here; files the catalog
   * could not read are among its errors. */
  if (!ed_catalog_reload_finish (ED_CATALOG (source), result, &error))
    g_warning ("The procedures were not reloaded: %s", error->message);

  g_task_return_pointer (task, g_object_ref (g_task_get_task_data (task)), g_object_unref);
}

static void
updated (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  EdUpdater *self = g_task_get_source_object (task);
  g_autoptr(EdFeedResult) feed_result = NULL;
  GError *error = NULL;

  if (self->cancellable == g_task_get_cancellable (task))
    g_clear_object (&self->cancellable);

  feed_result = ed_feed_update_finish (ED_FEED (source), result, &error);
  if (feed_result == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (ed_feed_result_get_outcome (feed_result) != ED_FEED_OUTCOME_CHANGED)
    {
      g_task_return_pointer (task, g_steal_pointer (&feed_result), g_object_unref);
      return;
    }

  g_task_set_task_data (task, g_steal_pointer (&feed_result), g_object_unref);
  ed_catalog_reload_async (self->catalog, NULL, reloaded, g_steal_pointer (&task));
}

/**
 * ed_updater_check_async:
 *
 * Updates the procedures from the feeds in the settings; once it
 * finishes with a change, the catalog shows the new procedures. Fails
 * with %ED_ERROR_NOT_FOUND when no feed is set up, and with
 * %ED_ERROR_FAILED while another update runs.
 */
void
ed_updater_check_async (EdUpdater           *self,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GCancellable) cancellable = NULL;

  g_return_if_fail (ED_IS_UPDATER (self));

  /* The feed refuses a second update itself, with its own message; the
   * first one keeps its cancellable. */
  if (!ed_feed_get_running (self->feed))
    cancellable = g_cancellable_new ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ed_updater_check_async);
  /* The feed says when it was cancelled; once installed, it is done. */
  g_task_set_check_cancellable (task, FALSE);

  if (!ed_updater_has_feeds (self))
    {
      g_task_return_new_error (task, ED_ERROR, ED_ERROR_NOT_FOUND,
                               _("No update feeds are set up. Add one in Preferences."));
      return;
    }

  if (cancellable != NULL)
    g_set_object (&self->cancellable, cancellable);
  ed_feed_update_async (self->feed, cancellable, updated, g_steal_pointer (&task));
}

/**
 * ed_updater_check_finish:
 *
 * Returns: (transfer full): what changed, or why nothing did; %NULL
 *   with @error set (in the UI language) when the update failed or was
 *   cancelled (%G_IO_ERROR_CANCELLED), and then nothing changed
 */
EdFeedResult *
ed_updater_check_finish (EdUpdater     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Stops the update running, if any; the procedures stay as they were. */
void
ed_updater_cancel (EdUpdater *self)
{
  g_return_if_fail (ED_IS_UPDATER (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}
