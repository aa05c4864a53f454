/* ed-feed-update.c — one update of the procedures, from start to finish
 *
 * The network part runs on the caller's main context (libsoup's async
 * API); reading and writing the store runs in worker threads
 * (ed-feed-install.c). Nothing a feed sends is used before the index
 * signature and the file's checksum have been checked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-error.h"
#include "ed-feed.h"
#include "ed-feed-private.h"
#include "ed-feed-store.h"
#include "ed-system-keys.h"

/* A slow server may take this many times the I/O timeout per file. */
#define DEADLINE_FACTOR 4

typedef struct
{
  EdFeedJob   *job;
  SoupSession *session;
  guint        source_index;
  GPtrArray   *downloads;       /* EdFeedEntry, borrowed from job->chosen */
  guint        download_index;
  guint64      total_bytes;
  guint64      done_bytes;
  GBytes      *index_bytes;     /* waiting for its signature */
  GError      *error;           /* reported once the job is cleaned up */
} Update;

static void fetch_next_index (GTask *task);
static void download_next (GTask *task);

static void
update_free (Update *update)
{
  g_clear_pointer (&update->job, _ed_feed_job_free);
  g_clear_object (&update->session);
  g_clear_pointer (&update->downloads, g_ptr_array_unref);
  g_clear_pointer (&update->index_bytes, g_bytes_unref);
  g_clear_error (&update->error);
  g_free (update);
}

/* Runs @func in a worker thread; @next gets the main task back as its
 * user data. */
static void
run_in_thread (GTask               *task,
               GTaskThreadFunc      func,
               GAsyncReadyCallback  next)
{
  GTask *step = g_task_new (g_task_get_source_object (task), g_task_get_cancellable (task),
                            next, task);

  /* A step that finished must say so even if cancelled meanwhile. */
  g_task_set_check_cancellable (step, FALSE);
  g_task_set_task_data (step, g_task_get_task_data (task), NULL);
  g_task_run_in_thread (step, func);
  g_object_unref (step);
}

static void
abandon_thread (GTask        *step,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Update *update = task_data;

  _ed_feed_job_abandon (update->job);
  g_task_return_boolean (step, TRUE);
}

static void
abandoned (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  EdFeed *self = g_task_get_source_object (task);
  Update *update = g_task_get_task_data (task);

  _ed_feed_set_running (self, FALSE);
  _ed_feed_set_progress (self, 0.0, "");
  g_task_return_error (task, g_steal_pointer (&update->error));
  g_object_unref (task);
}

/* Ends the update with @error (taken) once the store is tidy again. */
static void
update_fail (GTask  *task,
             GError *error)
{
  Update *update = g_task_get_task_data (task);

  g_assert (update->error == NULL);
  update->error = error;
  run_in_thread (task, abandon_thread, abandoned);
}

static void
install_thread (GTask        *step,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Update *update = task_data;
  GError *error = NULL;

  if (_ed_feed_job_install (update->job, cancellable, &error))
    g_task_return_boolean (step, TRUE);
  else
    g_task_return_error (step, error);
}

static void
installed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  EdFeed *self = g_task_get_source_object (task);
  Update *update = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      update_fail (task, error);
      return;
    }

  _ed_feed_set_running (self, FALSE);
  _ed_feed_set_progress (self, 1.0, "");
  g_task_set_check_cancellable (task, FALSE);
  g_task_return_pointer (task, g_steal_pointer (&update->job->result), g_object_unref);
  g_object_unref (task);
}

static void
download_progress (gsize    received,
                   gpointer user_data)
{
  GTask *task = user_data;
  Update *update = g_task_get_task_data (task);

  if (update->total_bytes > 0)
    _ed_feed_set_progress (g_task_get_source_object (task),
                  0.1 + 0.8 * (double) (update->done_bytes + received) / update->total_bytes,
                  NULL);
}

static void
downloaded (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  Update *update = g_task_get_task_data (task);
  EdFeedEntry *entry = update->downloads->pdata[update->download_index];
  EdFeedSource *feed = g_hash_table_lookup (update->job->chosen_source, entry->id);
  g_autoptr(EdFeedResponse) response = NULL;
  g_autofree char *hash = NULL;
  GError *error = NULL;

  response = _ed_feed_fetch_finish (result, &error);
  if (response == NULL)
    {
      update_fail (task, error);
      return;
    }

  hash = ed_sha256_hex (response->body);
  if ((gint64) g_bytes_get_size (response->body) != entry->size ||
      strcmp (hash, entry->sha256) != 0)
    {
      update_fail (task, g_error_new (ED_ERROR, ED_ERROR_SIGNATURE,
                                      _("“%s” from “%s” does not match the checksum in the "
                                        "signed index; it may have been altered, so nothing "
                                        "was installed"), entry->file, feed->url));
      return;
    }

  /* Checked, so it may go to disk; small, and the store is ours. */
  if (!_ed_feed_store_write_file (update->job->stage_dir, entry->file, response->body, &error))
    {
      update_fail (task, error);
      return;
    }

  update->job->n_downloaded++;
  update->done_bytes += entry->size;
  update->download_index++;
  download_next (task);
}

static void
download_next (GTask *task)
{
  EdFeed *self = g_task_get_source_object (task);
  Update *update = g_task_get_task_data (task);
  EdFeedEntry *entry;
  EdFeedSource *feed;
  g_autofree char *url = NULL;
  g_autofree char *status = NULL;

  if (update->download_index == update->downloads->len)
    {
      _ed_feed_set_progress (self, 0.9, _("Checking and installing the procedures…"));
      run_in_thread (task, install_thread, installed);
      return;
    }

  entry = update->downloads->pdata[update->download_index];
  feed = g_hash_table_lookup (update->job->chosen_source, entry->id);
  url = g_strconcat (feed->base, entry->file, NULL);
  status = g_strdup_printf (_("Downloading “%s”…"), entry->file);
  _ed_feed_set_progress (self, ed_feed_get_fraction (self), status);

  _ed_feed_fetch_async (update->session, url, NULL, NULL, entry->size,
                        ed_feed_get_timeout (self) * DEADLINE_FACTOR, g_task_get_cancellable (task),
                       download_progress, task, downloaded, task);
}

static void
plan_downloads (GTask *task)
{
  Update *update = g_task_get_task_data (task);

  _ed_feed_job_choose (update->job);
  update->downloads = g_ptr_array_new ();
  for (guint i = 0; i < update->job->chosen->len; i++)
    {
      EdFeedEntry *entry = update->job->chosen->pdata[i];

      if (_ed_feed_job_needs_download (update->job, entry))
        {
          g_ptr_array_add (update->downloads, entry);
          update->total_bytes += entry->size;
        }
    }

  download_next (task);
}

static void
next_source (GTask *task)
{
  EdFeed *self = g_task_get_source_object (task);
  Update *update = g_task_get_task_data (task);

  update->source_index++;
  _ed_feed_set_progress (self, 0.1 * update->source_index / update->job->sources->len, NULL);
  fetch_next_index (task);
}

static void
signature_fetched (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  Update *update = g_task_get_task_data (task);
  EdFeedSource *source = update->job->sources->pdata[update->source_index];
  g_autoptr(EdFeedResponse) response = NULL;
  g_autoptr(GBytes) index_bytes = g_steal_pointer (&update->index_bytes);
  GError *error = NULL;

  response = _ed_feed_fetch_finish (result, &error);
  if (response != NULL)
    source->index = _ed_feed_job_verify_index (update->job, source, index_bytes,
                                               response->body, &error);

  if (source->index == NULL)
    update_fail (task, error);
  else
    next_source (task);
}

static void
index_fetched (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  EdFeed *self = g_task_get_source_object (task);
  Update *update = g_task_get_task_data (task);
  EdFeedSource *source = update->job->sources->pdata[update->source_index];
  g_autoptr(EdFeedResponse) response = NULL;
  g_autofree char *url = NULL;
  GError *error = NULL;

  response = _ed_feed_fetch_finish (result, &error);
  if (response == NULL)
    {
      update_fail (task, error);
      return;
    }

  if (response->not_modified)
    {
      EdFeedRecord *record = _ed_feed_state_get_record (update->job->state, source->url);

      source->not_modified = TRUE;
      source->index = ed_feed_index_copy (record->index);
      next_source (task);
      return;
    }

  source->new_etag = g_strdup (response->etag);
  source->new_last_modified = g_strdup (response->last_modified);
  update->index_bytes = g_bytes_ref (response->body);

  url = g_strconcat (source->base, ED_FEED_SIGNATURE_NAME, NULL);
  _ed_feed_fetch_async (update->session, url, NULL, NULL, ED_FEED_SIGNATURE_MAX_SIZE,
                        ed_feed_get_timeout (self) * DEADLINE_FACTOR, g_task_get_cancellable (task),
                       NULL, NULL, signature_fetched, task);
}

static void
fetch_next_index (GTask *task)
{
  EdFeed *self = g_task_get_source_object (task);
  Update *update = g_task_get_task_data (task);
  EdFeedSource *source;
  g_autofree char *url = NULL;
  g_autofree char *status = NULL;

  if (update->source_index == update->job->sources->len)
    {
      plan_downloads (task);
      return;
    }

  source = update->job->sources->pdata[update->source_index];
  url = g_strconcat (source->base, ED_FEED_INDEX_NAME, NULL);
  status = g_strdup_printf (_("Checking “%s”…"), source->url);
  _ed_feed_set_progress (self, ed_feed_get_fraction (self), status);

  _ed_feed_fetch_async (update->session, url, source->etag, source->last_modified,
                        ED_FEED_INDEX_MAX_SIZE, ed_feed_get_timeout (self) * DEADLINE_FACTOR,
                       g_task_get_cancellable (task), NULL, NULL, index_fetched, task);
}

static void
prepare_thread (GTask        *step,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Update *update = task_data;
  g_autoptr(GPtrArray) system_keys = ed_system_keys_load_trusted ();
  GError *error = NULL;

  for (guint i = 0; i < system_keys->len; i++)
    g_ptr_array_add (update->job->trusted, ed_public_key_copy (system_keys->pdata[i]));

  if (_ed_feed_job_prepare (update->job, &error))
    g_task_return_boolean (step, TRUE);
  else
    g_task_return_error (step, error);
}

static void
prepared (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GTask *task = user_data;
  Update *update = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      update_fail (task, error);
      return;
    }

  if (update->job->trusted->len == 0)
    {
      update_fail (task, g_error_new_literal (ED_ERROR, ED_ERROR_SIGNATURE,
                                              _("No publisher’s key is trusted yet: add the "
                                                "public key of the feed’s publisher first")));
      return;
    }

  fetch_next_index (task);
}

/* The feed's folder: “…/feed”, “…/feed/” and “…/feed/index.json” are one feed. */
static char *
feed_base (const char *url)
{
  if (g_str_has_suffix (url, "/" ED_FEED_INDEX_NAME))
    return g_strndup (url, strlen (url) - strlen (ED_FEED_INDEX_NAME));
  if (g_str_has_suffix (url, "/"))
    return g_strdup (url);

  return g_strconcat (url, "/", NULL);
}

static gboolean
fill_job (EdFeed     *self,
          EdFeedJob  *job,
          GError    **error)
{
  const char * const *urls = ed_feed_get_urls (self);
  const char * const *keys = ed_feed_get_trusted_keys (self);

  for (guint i = 0; urls != NULL && urls[i] != NULL; i++)
    {
      g_autofree char *base = NULL;
      gboolean seen = FALSE;
      EdFeedSource *source;

      if (!ed_feed_check_url (urls[i], error))
        return FALSE;

      base = feed_base (urls[i]);
      for (guint j = 0; j < job->sources->len; j++)
        seen |= strcmp (((EdFeedSource *) job->sources->pdata[j])->base, base) == 0;
      if (seen)
        continue;

      source = g_new0 (EdFeedSource, 1);
      source->url = g_strdup (base);
      source->base = g_steal_pointer (&base);
      g_ptr_array_add (job->sources, source);
    }

  if (job->sources->len == 0)
    {
      g_set_error_literal (error, ED_ERROR, ED_ERROR_NOT_FOUND,
                           _("No update feed is set up: add the address of a feed first"));
      return FALSE;
    }

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      EdPublicKey *key = ed_public_key_parse (keys[i], error);

      if (key == NULL)
        return FALSE;
      g_ptr_array_add (job->trusted, key);
    }

  if (ed_feed_get_catalog (self) != NULL)
    job->known = _ed_feed_known_from_catalog (ed_feed_get_catalog (self));
  job->store_dir = ed_feed_store_dir ();

  return TRUE;
}

/**
 * ed_feed_update_async:
 *
 * Updates the downloaded procedures from the feeds at #EdFeed:urls.
 * While it runs, #EdFeed:fraction and #EdFeed:status say how far it is.
 * Cancelling @cancellable stops it and leaves the catalog as it was.
 */
void
ed_feed_update_async (EdFeed              *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Update *update;
  GError *error = NULL;

  g_return_if_fail (ED_IS_FEED (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ed_feed_update_async);

  if (ed_feed_get_running (self))
    {
      g_task_return_new_error (task, ED_ERROR, ED_ERROR_FAILED,
                               _("An update of the procedures is already running"));
      return;
    }

  update = g_new0 (Update, 1);
  update->job = _ed_feed_job_new ();
  g_task_set_task_data (task, update, (GDestroyNotify) update_free);

  if (!fill_job (self, update->job, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  update->session = soup_session_new_with_options ("timeout", ed_feed_get_timeout (self),
                                                   "idle-timeout", ed_feed_get_timeout (self),
                                                   "user-agent", "EntryDesk/" PACKAGE_VERSION,
                                                   NULL);

  _ed_feed_set_running (self, TRUE);
  _ed_feed_set_progress (self, 0.0, _("Preparing…"));
  run_in_thread (g_steal_pointer (&task), prepare_thread, prepared);
}

/**
 * ed_feed_update_finish:
 *
 * Returns: (transfer full): what was added or updated, or why nothing
 *   was; %NULL with @error set when the update failed, in which case
 *   the catalog is as it was before
 */
EdFeedResult *
ed_feed_update_finish (EdFeed        *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
