/* ed-feed-install.c — the disk side of an update, in a worker thread
 *
 * Before the network: take the lock, repair an interrupted swap, read
 * what the last update remembered. After it: check every downloaded
 * file again with the catalog checks and the version rule, and only
 * then swap the new set in (see ed-feed-store.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-catalog.h"
#include "ed-error.h"
#include "ed-feed-private.h"
#include "ed-feed-store.h"

#define STATE_NAME "state.json"

static void
source_free (EdFeedSource *source)
{
  g_free (source->url);
  g_free (source->base);
  g_free (source->etag);
  g_free (source->last_modified);
  g_free (source->new_etag);
  g_free (source->new_last_modified);
  ed_feed_index_free (source->index);
  g_free (source);
}

void
_ed_feed_known_free (EdFeedKnown *known)
{
  g_clear_pointer (&known->title, ed_text_unref);
  g_free (known);
}

EdFeedJob *
_ed_feed_job_new (void)
{
  EdFeedJob *job = g_new0 (EdFeedJob, 1);

  job->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) source_free);
  job->trusted = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_public_key_free);
  job->chosen = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_feed_entry_free);
  job->chosen_source = g_hash_table_new (g_str_hash, g_str_equal);

  return job;
}

/* Whatever state it stopped in, a job leaves no litter and no lock. */
void
_ed_feed_job_abandon (EdFeedJob *job)
{
  if (job->stage_dir != NULL)
    _ed_feed_store_remove_set (job->stage_dir);
  g_clear_pointer (&job->stage_dir, g_free);
  g_clear_pointer (&job->lock, _ed_feed_store_unlock);
}

void
_ed_feed_job_free (EdFeedJob *job)
{
  _ed_feed_job_abandon (job);
  g_ptr_array_unref (job->sources);
  g_ptr_array_unref (job->trusted);
  g_clear_pointer (&job->known, g_hash_table_unref);
  g_free (job->store_dir);
  g_clear_pointer (&job->state, _ed_feed_state_free);
  g_clear_pointer (&job->current_hashes, g_hash_table_unref);
  g_free (job->current_dir);
  g_ptr_array_unref (job->chosen);
  g_hash_table_unref (job->chosen_source);
  g_clear_object (&job->result);
  g_free (job);
}

/* Returns: id → EdFeedKnown for every procedure of @catalog */
GHashTable *
_ed_feed_known_from_catalog (EdCatalog *catalog)
{
  GHashTable *known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) _ed_feed_known_free);
  GListModel *procedures = ed_catalog_get_procedures (catalog);

  for (guint i = 0; i < g_list_model_get_n_items (procedures); i++)
    {
      g_autoptr(EdProcedure) procedure = g_list_model_get_item (procedures, i);
      EdFeedKnown *entry = g_new0 (EdFeedKnown, 1);

      entry->version = ed_procedure_get_version (procedure);
      entry->title = ed_text_ref (ed_procedure_get_title (procedure));
      g_hash_table_replace (known, g_strdup (ed_procedure_get_id (procedure)), entry);
    }

  return known;
}

/* A feed's remembered validators are only sent when its files are
 * still installed intact: otherwise "not modified" would not be true
 * of what the user has. */
static void
forget_broken_records (EdFeedJob *job)
{
  for (guint i = 0; i < job->sources->len; i++)
    {
      EdFeedSource *source = job->sources->pdata[i];
      EdFeedRecord *record = _ed_feed_state_get_record (job->state, source->url);
      gboolean intact = record != NULL && record->index != NULL;

      for (guint j = 0; intact && j < record->index->entries->len; j++)
        {
          const EdFeedEntry *entry = record->index->entries->pdata[j];
          const char *hash = g_hash_table_lookup (job->current_hashes, entry->file);

          intact = hash != NULL && strcmp (hash, entry->sha256) == 0;
        }

      if (intact)
        {
          source->etag = g_strdup (record->etag);
          source->last_modified = g_strdup (record->last_modified);
        }
    }
}

/**
 * _ed_feed_job_prepare:
 *
 * Takes the lock, puts the store in order and reads what the previous
 * updates left: the state, the installed set and, unless the caller
 * gave its catalog, the versions the catalog has.
 */
gboolean
_ed_feed_job_prepare (EdFeedJob  *job,
                      GError    **error)
{
  g_autofree char *state_path = g_build_filename (job->store_dir, STATE_NAME, NULL);

  job->lock = _ed_feed_store_lock (job->store_dir, error);
  if (job->lock == NULL || !_ed_feed_store_recover (job->store_dir, error))
    return FALSE;

  job->state = _ed_feed_state_load (state_path);
  job->current_dir = ed_feed_store_current_dir (job->store_dir);
  job->current_hashes = _ed_feed_store_hash_files (job->current_dir);
  forget_broken_records (job);

  if (job->known == NULL)
    {
      g_autoptr(EdCatalog) catalog = ed_catalog_new ();

      ed_catalog_load_default (catalog);
      job->known = _ed_feed_known_from_catalog (catalog);
    }

  job->stage_dir = _ed_feed_store_make_stage (job->store_dir, error);
  return job->stage_dir != NULL;
}

static EdPublicKey *
find_trusted (EdFeedJob         *job,
              const EdPublicKey *key)
{
  for (guint i = 0; i < job->trusted->len; i++)
    if (ed_public_key_equal (job->trusted->pdata[i], key))
      return job->trusted->pdata[i];

  return NULL;
}

/**
 * _ed_feed_job_verify_index:
 *
 * Returns: (transfer full): the index of @source, once its signature
 *   by a trusted key is known good and it is not older than the last
 */
EdFeedIndex *
_ed_feed_job_verify_index (EdFeedJob     *job,
                           EdFeedSource  *source,
                           GBytes        *index_bytes,
                           GBytes        *signature_bytes,
                           GError       **error)
{
  g_autoptr(EdPublicKey) signer = NULL;
  g_autoptr(EdFeedIndex) index = NULL;
  EdFeedRecord *record = _ed_feed_state_get_record (job->state, source->url);
  EdPublicKey *trusted;
  guint8 signature[ED_SIGNATURE_SIZE];

  if (!ed_signature_parse (signature_bytes, &signer, signature, error))
    {
      g_prefix_error (error, "%s: ", source->url);
      return NULL;
    }

  trusted = find_trusted (job, signer);
  if (trusted == NULL)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_SIGNATURE,
                   _("The feed “%s” is signed with a key that this computer does not trust "
                     "(%s); add the publisher’s public key if you trust it"),
                   source->url, ed_public_key_get_base64 (signer));
      return NULL;
    }

  if (!ed_public_key_verify (trusted, index_bytes, signature))
    {
      g_set_error (error, ED_ERROR, ED_ERROR_SIGNATURE,
                   _("The signature of the feed “%s” does not match its index: the index was "
                     "altered or damaged, so nothing was installed"), source->url);
      return NULL;
    }

  index = ed_feed_index_parse (index_bytes, error);
  if (index == NULL)
    {
      g_prefix_error (error, "%s: ", source->url);
      return NULL;
    }

  if (record != NULL && record->index != NULL && index->sequence < record->index->sequence)
    {
      g_autofree char *got = g_strdup_printf ("%" G_GINT64_FORMAT, index->sequence);
      g_autofree char *had = g_strdup_printf ("%" G_GINT64_FORMAT, record->index->sequence);

      g_set_error (error, ED_ERROR, ED_ERROR_SIGNATURE,
                   _("The feed “%s” is older (sequence %s) than the one already installed "
                     "(sequence %s); an old copy may be being replayed, so nothing was "
                     "installed"), source->url, got, had);
      return NULL;
    }

  return g_steal_pointer (&index);
}

/* The new set: every procedure of every feed; when two feeds list the
 * same id, the higher version, or the first feed's. */
void
_ed_feed_job_choose (EdFeedJob *job)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < job->sources->len; i++)
    {
      EdFeedSource *source = job->sources->pdata[i];

      for (guint j = 0; j < source->index->entries->len; j++)
        {
          EdFeedEntry *entry = source->index->entries->pdata[j];
          EdFeedEntry *chosen = g_hash_table_lookup (by_id, entry->id);

          if (chosen != NULL && chosen->version >= entry->version)
            continue;
          if (chosen != NULL)
            g_ptr_array_remove (job->chosen, chosen);

          chosen = ed_feed_entry_copy (entry);
          g_ptr_array_add (job->chosen, chosen);
          g_hash_table_replace (by_id, chosen->id, chosen);
          g_hash_table_replace (job->chosen_source, chosen->id, source);
        }
    }
}

/* Returns: whether the installed set lacks this exact file */
gboolean
_ed_feed_job_needs_download (EdFeedJob   *job,
                             EdFeedEntry *entry)
{
  const char *hash = g_hash_table_lookup (job->current_hashes, entry->file);

  return hash == NULL || strcmp (hash, entry->sha256) != 0;
}

static GBytes *
read_checked (const char         *dir,
              const EdFeedEntry  *entry,
              const char         *url,
              GError            **error)
{
  g_autofree char *path = g_build_filename (dir, entry->file, NULL);
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);
  g_autoptr(GBytes) bytes = mapped != NULL ? g_mapped_file_get_bytes (mapped) : NULL;
  g_autofree char *hash = bytes != NULL ? ed_sha256_hex (bytes) : NULL;

  if (bytes == NULL || (gint64) g_bytes_get_size (bytes) != entry->size ||
      strcmp (hash, entry->sha256) != 0)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_SIGNATURE,
                   _("“%s” from “%s” does not match the checksum in the signed index; "
                     "it may have been altered, so nothing was installed"), entry->file, url);
      return NULL;
    }

  /* A copy: the mapping must not outlive the file, which is moved. */
  return g_bytes_new (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static gboolean
check_entry (EdFeedJob    *job,
             EdFeedEntry  *entry,
             GPtrArray    *changes,
             GError      **error)
{
  EdFeedSource *source = g_hash_table_lookup (job->chosen_source, entry->id);
  EdFeedKnown *known = g_hash_table_lookup (job->known, entry->id);
  int installed = known != NULL ? known->version : 0;
  int highest = MAX (installed, _ed_feed_state_get_version (job->state, entry->id));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(EdProcedure) procedure = NULL;
  g_autoptr(GError) local_error = NULL;

  /* Files still the same as installed are copied, not downloaded. */
  if (!_ed_feed_job_needs_download (job, entry))
    {
      bytes = read_checked (job->current_dir, entry, source->url, error);
      if (bytes == NULL || !_ed_feed_store_write_file (job->stage_dir, entry->file, bytes, error))
        return FALSE;
      g_clear_pointer (&bytes, g_bytes_unref);
    }

  bytes = read_checked (job->stage_dir, entry, source->url, error);
  if (bytes == NULL)
    return FALSE;

  procedure = ed_procedure_new_from_bytes (bytes, entry->file, ED_ORIGIN_UPDATE, &local_error);
  if (procedure == NULL)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                   _("“%s” from “%s” fails the catalog checks: %s"),
                   entry->file, source->url, local_error->message);
      return FALSE;
    }

  if (strcmp (ed_procedure_get_id (procedure), entry->id) != 0 ||
      ed_procedure_get_version (procedure) != entry->version)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                   _("“%s” from “%s” is not the procedure and version its index lists"),
                   entry->file, source->url);
      return FALSE;
    }

  if (entry->version < highest)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                   _("“%s” offers version %d of “%s”, older than version %d that this "
                     "computer already has; versions never go back, so the update was refused"),
                   source->url, entry->version, entry->id, highest);
      return FALSE;
    }

  if (entry->version > installed)
    g_ptr_array_add (changes,
                     _ed_feed_change_new (installed == 0 ? ED_FEED_CHANGE_ADDED
                                                        : ED_FEED_CHANGE_UPDATED,
                                          entry->id, installed, entry->version,
                                          ed_procedure_get_title (procedure)));

  return TRUE;
}

/* Procedures of the installed set that no feed lists any more. */
static void
add_removals (EdFeedJob *job,
              GPtrArray *changes)
{
  g_autoptr(GList) files = g_hash_table_get_keys (job->current_hashes);

  files = g_list_sort (files, (GCompareFunc) g_strcmp0);
  for (GList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *id = g_str_has_suffix (l->data, ".json")
                            ? g_strndup (l->data, strlen (l->data) - 5) : NULL;
      g_autofree char *path = NULL;
      g_autoptr(EdProcedure) procedure = NULL;

      if (id == NULL || g_hash_table_contains (job->chosen_source, id))
        continue;

      path = g_build_filename (job->current_dir, l->data, NULL);
      procedure = ed_procedure_new_from_file (path, ED_ORIGIN_UPDATE, NULL);
      g_ptr_array_add (changes,
                       _ed_feed_change_new (ED_FEED_CHANGE_REMOVED, id,
                                            procedure != NULL
                                            ? ed_procedure_get_version (procedure)
                                            : 0,
                                            0,
                                            procedure != NULL
                                            ? ed_procedure_get_title (procedure)
                                            : NULL));
    }
}

static gboolean
same_as_installed (EdFeedJob *job)
{
  if (g_hash_table_size (job->current_hashes) != job->chosen->len)
    return FALSE;

  for (guint i = 0; i < job->chosen->len; i++)
    if (_ed_feed_job_needs_download (job, job->chosen->pdata[i]))
      return FALSE;

  return TRUE;
}

static void
remember (EdFeedJob *job)
{
  g_autofree char *state_path = g_build_filename (job->store_dir, STATE_NAME, NULL);
  g_autoptr(GError) error = NULL;

  g_autoptr(GHashTable) configured = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  const char *url;

  for (guint i = 0; i < job->sources->len; i++)
    g_hash_table_add (configured, ((EdFeedSource *) job->sources->pdata[i])->url);

  /* A feed no longer configured is forgotten, but not the versions it
   * brought: they still may not go back. */
  g_hash_table_iter_init (&iter, job->state->records);
  while (g_hash_table_iter_next (&iter, (gpointer *) &url, NULL))
    if (!g_hash_table_contains (configured, url))
      g_hash_table_iter_remove (&iter);

  for (guint i = 0; i < job->sources->len; i++)
    {
      EdFeedSource *source = job->sources->pdata[i];

      if (source->not_modified)
        _ed_feed_state_set_record (job->state, source->url, source->etag, source->last_modified,
                                   ed_feed_index_copy (source->index));
      else
        _ed_feed_state_set_record (job->state, source->url, source->new_etag,
                                   source->new_last_modified, ed_feed_index_copy (source->index));
    }
  for (guint i = 0; i < job->chosen->len; i++)
    {
      EdFeedEntry *entry = job->chosen->pdata[i];

      _ed_feed_state_note_version (job->state, entry->id, entry->version);
    }

  /* The state only saves work next time; the update itself is done. */
  if (!_ed_feed_state_save (job->state, state_path, &error))
    g_debug ("%s", error->message);
}

/**
 * _ed_feed_job_install:
 *
 * Checks the downloaded set as a whole and swaps it in; sets
 * job->result. On failure nothing installed has changed.
 */
gboolean
_ed_feed_job_install (EdFeedJob     *job,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GPtrArray) changes =
    g_ptr_array_new_with_free_func ((GDestroyNotify) _ed_feed_change_free);
  gboolean all_not_modified = TRUE;
  EdFeedOutcome outcome;

  for (guint i = 0; i < job->chosen->len; i++)
    if (!check_entry (job, job->chosen->pdata[i], changes, error))
      return FALSE;

  for (guint i = 0; i < job->sources->len; i++)
    all_not_modified &= ((EdFeedSource *) job->sources->pdata[i])->not_modified;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (same_as_installed (job))
    {
      outcome = all_not_modified ? ED_FEED_OUTCOME_NOT_MODIFIED : ED_FEED_OUTCOME_UP_TO_DATE;
      g_ptr_array_set_size (changes, 0);
    }
  else
    {
      add_removals (job, changes);
      if (!_ed_feed_store_swap (job->store_dir, job->stage_dir, ED_FEED_SWAP_ALL, error))
        return FALSE;
      g_clear_pointer (&job->stage_dir, g_free);
      outcome = changes->len > 0 ? ED_FEED_OUTCOME_CHANGED : ED_FEED_OUTCOME_UP_TO_DATE;
    }

  remember (job);
  job->result = _ed_feed_result_new (outcome, changes, job->n_downloaded);
  _ed_feed_job_abandon (job);

  return TRUE;
}
