/* ed-feed-state.c — what updates remember between runs
 *
 * updates/state.json keeps, per feed URL, the validators for
 * conditional requests (ETag, Last-Modified) and the last index that
 * passed every check, and, per procedure id, the highest version ever
 * installed. None of it is trusted as content: a file is only reused
 * when its SHA-256 matches, and a lost state only costs a full
 * download.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ed-error.h"
#include "ed-feed-private.h"
#include "ed-json-reader.h"

#define STATE_FORMAT 1

static void
record_free (EdFeedRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->etag);
  g_free (record->last_modified);
  ed_feed_index_free (record->index);
  g_free (record);
}

EdFeedState *
_ed_feed_state_new (void)
{
  EdFeedState *self = g_new0 (EdFeedState, 1);

  self->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) record_free);
  self->versions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return self;
}

void
_ed_feed_state_free (EdFeedState *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->records);
  g_hash_table_unref (self->versions);
  g_free (self);
}

/**
 * _ed_feed_state_set_record:
 * @index: (transfer full) (nullable): the last index that passed every check
 */
void
_ed_feed_state_set_record (EdFeedState *self,
                           const char  *url,
                           const char  *etag,
                           const char  *last_modified,
                           EdFeedIndex *index)
{
  EdFeedRecord *record = g_new0 (EdFeedRecord, 1);

  record->etag = g_strdup (etag);
  record->last_modified = g_strdup (last_modified);
  record->index = index;
  g_hash_table_replace (self->records, g_strdup (url), record);
}

EdFeedRecord *
_ed_feed_state_get_record (EdFeedState *self,
                           const char  *url)
{
  return g_hash_table_lookup (self->records, url);
}

int
_ed_feed_state_get_version (EdFeedState *self,
                            const char  *id)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (self->versions, id));
}

void
_ed_feed_state_note_version (EdFeedState *self,
                             const char  *id,
                             int          version)
{
  if (version > _ed_feed_state_get_version (self, id))
    g_hash_table_replace (self->versions, g_strdup (id), GINT_TO_POINTER (version));
}

static const char *
optional_string (JsonObject *object,
                 const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static JsonNode *
member_of_type (JsonObject *object,
                const char *member,
                JsonNodeType type)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_TYPE (node) == type ? node : NULL;
}

static void
read_state (EdFeedState *self,
            JsonNode    *root)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonNode *feeds = member_of_type (object, "feeds", JSON_NODE_ARRAY);
  JsonNode *versions_node = member_of_type (object, "versions", JSON_NODE_OBJECT);
  JsonArray *array = feeds != NULL ? json_node_get_array (feeds) : NULL;
  JsonObject *versions = versions_node != NULL ? json_node_get_object (versions_node) : NULL;

  if (object == NULL || json_object_get_int_member_with_default (object, "format", 0) !=
      STATE_FORMAT)
    return;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *feed = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      JsonNode *index_node = member_of_type (feed, "index", JSON_NODE_OBJECT);
      const char *url = feed != NULL ? optional_string (feed, "url") : NULL;
      EdFeedIndex *index;

      if (url == NULL || index_node == NULL)
        continue;
      index = ed_feed_index_new_from_node (index_node, NULL);
      if (index != NULL)
        _ed_feed_state_set_record (self, url, optional_string (feed, "etag"),
                                   optional_string (feed, "last_modified"), index);
    }

  if (versions != NULL)
    {
      g_autoptr(GList) ids = json_object_get_members (versions);

      for (GList *l = ids; l != NULL; l = l->next)
        {
          gint64 version = json_object_get_int_member_with_default (versions, l->data, 0);

          if (ed_json_reader_is_id (l->data) && version > 0 && version <= G_MAXINT)
            _ed_feed_state_note_version (self, l->data, version);
        }
    }
}

/* Returns: the state; empty when there is none or it is unreadable. */
EdFeedState *
_ed_feed_state_load (const char *path)
{
  EdFeedState *self = _ed_feed_state_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_mapped_file (parser, path, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_debug ("Ignoring the update state “%s”: %s", path, error->message);
      return self;
    }

  read_state (self, json_parser_get_root (parser));
  return self;
}

gboolean
_ed_feed_state_save (EdFeedState  *self,
                     const char   *path,
                     GError      **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) urls = g_hash_table_get_keys (self->records);
  g_autoptr(GList) ids = g_hash_table_get_keys (self->versions);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;

  urls = g_list_sort (urls, (GCompareFunc) g_strcmp0);
  ids = g_list_sort (ids, (GCompareFunc) g_strcmp0);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, STATE_FORMAT);
  json_builder_set_member_name (builder, "feeds");
  json_builder_begin_array (builder);
  for (GList *l = urls; l != NULL; l = l->next)
    {
      EdFeedRecord *record = g_hash_table_lookup (self->records, l->data);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "url");
      json_builder_add_string_value (builder, l->data);
      if (record->etag != NULL)
        {
          json_builder_set_member_name (builder, "etag");
          json_builder_add_string_value (builder, record->etag);
        }
      if (record->last_modified != NULL)
        {
          json_builder_set_member_name (builder, "last_modified");
          json_builder_add_string_value (builder, record->last_modified);
        }
      if (record->index != NULL)
        {
          json_builder_set_member_name (builder, "index");
          json_builder_add_value (builder, ed_feed_index_to_node (record->index));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "versions");
  json_builder_begin_object (builder);
  for (GList *l = ids; l != NULL; l = l->next)
    {
      json_builder_set_member_name (builder, l->data);
      json_builder_add_int_value (builder, _ed_feed_state_get_version (self, l->data));
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);

  if (!g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 &local_error))
    {
      g_set_error (error, ED_ERROR, ED_ERROR_IO, _("Could not write “%s”: %s"),
                   path, local_error->message);
      return FALSE;
    }

  return TRUE;
}
