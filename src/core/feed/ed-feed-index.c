/* ed-feed-index.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-error.h"
#include "ed-feed-index.h"
#include "ed-json-reader.h"

char *
ed_sha256_hex (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static gboolean
is_sha256_hex (const char *text)
{
  if (strlen (text) != 64)
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;

  return TRUE;
}

EdFeedEntry *
ed_feed_entry_copy (const EdFeedEntry *entry)
{
  EdFeedEntry *copy = g_new0 (EdFeedEntry, 1);

  copy->id = g_strdup (entry->id);
  copy->version = entry->version;
  copy->file = g_strdup (entry->file);
  copy->size = entry->size;
  copy->sha256 = g_strdup (entry->sha256);

  return copy;
}

void
ed_feed_entry_free (EdFeedEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->id);
  g_free (entry->file);
  g_free (entry->sha256);
  g_free (entry);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const EdFeedEntry *entry_a = *(const EdFeedEntry * const *) a;
  const EdFeedEntry *entry_b = *(const EdFeedEntry * const *) b;

  return strcmp (entry_a->id, entry_b->id);
}

/**
 * ed_feed_index_new:
 * @generated: (nullable): when the feed was built; now if %NULL
 */
EdFeedIndex *
ed_feed_index_new (const char *publisher,
                   gint64      sequence,
                   GDateTime  *generated)
{
  EdFeedIndex *self = g_new0 (EdFeedIndex, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) utc = g_date_time_to_utc (generated != NULL ? generated : now);

  self->format = ED_FEED_INDEX_FORMAT;
  self->publisher = g_strdup (publisher);
  self->generated = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  self->sequence = sequence;
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_feed_entry_free);

  return self;
}

void
ed_feed_index_free (EdFeedIndex *self)
{
  if (self == NULL)
    return;

  g_free (self->publisher);
  g_free (self->generated);
  g_ptr_array_unref (self->entries);
  g_free (self);
}

EdFeedIndex *
ed_feed_index_copy (EdFeedIndex *self)
{
  EdFeedIndex *copy = g_new0 (EdFeedIndex, 1);

  copy->format = self->format;
  copy->publisher = g_strdup (self->publisher);
  copy->generated = g_strdup (self->generated);
  copy->sequence = self->sequence;
  copy->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_feed_entry_free);
  for (guint i = 0; i < self->entries->len; i++)
    g_ptr_array_add (copy->entries, ed_feed_entry_copy (self->entries->pdata[i]));

  return copy;
}

/* Adds (or replaces) @id, with the size and checksum of @contents. */
void
ed_feed_index_add (EdFeedIndex *self,
                   const char  *id,
                   int          version,
                   GBytes      *contents)
{
  EdFeedEntry *entry = g_new0 (EdFeedEntry, 1);

  for (guint i = 0; i < self->entries->len; i++)
    if (strcmp (((EdFeedEntry *) self->entries->pdata[i])->id, id) == 0)
      g_ptr_array_remove_index (self->entries, i--);

  entry->id = g_strdup (id);
  entry->version = version;
  entry->file = g_strconcat (id, ".json", NULL);
  entry->size = g_bytes_get_size (contents);
  entry->sha256 = ed_sha256_hex (contents);
  g_ptr_array_add (self->entries, entry);
  g_ptr_array_sort (self->entries, compare_entries);
}

const EdFeedEntry *
ed_feed_index_lookup (EdFeedIndex *self,
                      const char  *id)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      const EdFeedEntry *entry = self->entries->pdata[i];

      if (strcmp (entry->id, id) == 0)
        return entry;
    }

  return NULL;
}

static gboolean
invalid (GError     **error,
         const char  *path,
         const char  *problem)
{
  g_set_error (error, ED_ERROR, ED_ERROR_INVALID, _("The feed index is not valid: %s: %s"),
               path, problem);
  return FALSE;
}

static gboolean
get_integer (JsonObject  *object,
             const char  *member,
             const char  *path,
             gint64       min,
             gint64       max,
             gint64      *value,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *problem = NULL;
  g_autofree char *min_text = NULL;
  g_autofree char *max_text = NULL;

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *value = json_node_get_int (node);
      if (*value >= min && *value <= max)
        return TRUE;
    }

  min_text = g_strdup_printf ("%" G_GINT64_FORMAT, min);
  max_text = g_strdup_printf ("%" G_GINT64_FORMAT, max);
  problem = g_strdup_printf (_("must be a whole number from %s to %s"), min_text, max_text);
  return invalid (error, path, problem);
}

static const char *
get_string (JsonObject  *object,
            const char  *member,
            const char  *path,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING &&
      *json_node_get_string (node) != '\0')
    return json_node_get_string (node);

  invalid (error, path, _("must be a text that is not empty"));
  return NULL;
}

static EdFeedEntry *
entry_from_node (JsonNode    *node,
                 guint        position,
                 GError     **error)
{
  g_autoptr(EdFeedEntry) entry = g_new0 (EdFeedEntry, 1);
  g_autofree char *prefix = g_strdup_printf ("procedures[%u]", position);
  g_autofree char *path_id = g_strconcat (prefix, ".id", NULL);
  g_autofree char *path_version = g_strconcat (prefix, ".version", NULL);
  g_autofree char *path_file = g_strconcat (prefix, ".file", NULL);
  g_autofree char *path_size = g_strconcat (prefix, ".size", NULL);
  g_autofree char *path_sha256 = g_strconcat (prefix, ".sha256", NULL);
  g_autofree char *expected_file = NULL;
  JsonObject *object;
  const char *text;
  gint64 number;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, prefix, _("must be an object"));
      return NULL;
    }
  object = json_node_get_object (node);

  if ((text = get_string (object, "id", path_id, error)) == NULL)
    return NULL;
  if (!ed_json_reader_is_id (text))
    {
      invalid (error, path_id, _("not a procedure id (lower-case letters, digits and “-”)"));
      return NULL;
    }
  entry->id = g_strdup (text);

  if (!get_integer (object, "version", path_version, 1, G_MAXINT, &number, error))
    return NULL;
  entry->version = number;

  /* The file name is fixed so that a feed can never write outside the
   * folder it is installed to. */
  expected_file = g_strconcat (entry->id, ".json", NULL);
  if ((text = get_string (object, "file", path_file, error)) == NULL)
    return NULL;
  if (strcmp (text, expected_file) != 0)
    {
      g_autofree char *problem = g_strdup_printf (_("must be “%s”"), expected_file);

      invalid (error, path_file, problem);
      return NULL;
    }
  entry->file = g_steal_pointer (&expected_file);

  if (!get_integer (object, "size", path_size, 1, ED_FEED_FILE_MAX_SIZE, &number, error))
    return NULL;
  entry->size = number;

  if ((text = get_string (object, "sha256", path_sha256, error)) == NULL)
    return NULL;
  if (!is_sha256_hex (text))
    {
      invalid (error, path_sha256, _("must be 64 lower-case hexadecimal digits"));
      return NULL;
    }
  entry->sha256 = g_strdup (text);

  return g_steal_pointer (&entry);
}

/**
 * ed_feed_index_new_from_node:
 *
 * Reads an index and checks every part of it. Members that this
 * version does not know are ignored, so that a publisher can add
 * information; a change that readers must not ignore raises `format`.
 */
EdFeedIndex *
ed_feed_index_new_from_node (JsonNode  *node,
                             GError   **error)
{
  g_autoptr(EdFeedIndex) self = NULL;
  g_autoptr(GDateTime) generated = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *object;
  JsonNode *procedures;
  JsonArray *array;
  const char *text;
  gint64 number;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, "/", _("must be an object"));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!get_integer (object, "format", "format", 1, G_MAXINT, &number, error))
    return NULL;
  if (number > ED_FEED_INDEX_FORMAT)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_UNSUPPORTED,
                   _("The feed uses format %d, which needs a newer version of Entry Desk"),
                   (int) number);
      return NULL;
    }

  self = g_new0 (EdFeedIndex, 1);
  self->format = number;
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_feed_entry_free);

  if ((text = get_string (object, "publisher", "publisher", error)) == NULL)
    return NULL;
  self->publisher = g_strdup (text);

  if ((text = get_string (object, "generated", "generated", error)) == NULL)
    return NULL;
  generated = g_date_time_new_from_iso8601 (text, NULL);
  if (generated == NULL)
    {
      invalid (error, "generated", _("not a date and time such as 2025-03-01T09:30:00Z"));
      return NULL;
    }
  self->generated = g_strdup (text);

  if (!get_integer (object, "sequence", "sequence", 1, G_MAXINT64, &number, error))
    return NULL;
  self->sequence = number;

  procedures = json_object_get_member (object, "procedures");
  if (procedures == NULL || !JSON_NODE_HOLDS_ARRAY (procedures))
    {
      invalid (error, "procedures", _("must be a list"));
      return NULL;
    }

  array = json_node_get_array (procedures);
  if (json_array_get_length (array) > ED_FEED_MAX_PROCEDURES)
    {
      g_autofree char *problem = g_strdup_printf (_("lists more than %d procedures"),
                                                  ED_FEED_MAX_PROCEDURES);

      invalid (error, "procedures", problem);
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      EdFeedEntry *entry = entry_from_node (json_array_get_element (array, i), i, error);

      if (entry == NULL)
        return NULL;

      if (!g_hash_table_add (seen, entry->id))
        {
          g_autofree char *path = g_strdup_printf ("procedures[%u].id", i);
          g_autofree char *problem = g_strdup_printf (_("“%s” is listed twice"), entry->id);

          ed_feed_entry_free (entry);
          invalid (error, path, problem);
          return NULL;
        }
      g_ptr_array_add (self->entries, entry);
    }
  g_ptr_array_sort (self->entries, compare_entries);

  return g_steal_pointer (&self);
}

/**
 * ed_feed_index_parse:
 *
 * Reads index.json, checked by ed_json_guard_check() first: a key given
 * twice or a second document is refused, not silently resolved.
 */
EdFeedIndex *
ed_feed_index_parse (GBytes  *bytes,
                     GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *place = NULL;
  g_autofree char *message = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (!ed_json_guard_check (data, length, ED_FEED_INDEX_MAX_SIZE, &place, &message))
    {
      /* Too large or empty: not JSON that is broken somewhere. */
      if (place == NULL)
        g_set_error (error, ED_ERROR, ED_ERROR_INVALID, _("The feed index is not valid: %s"),
                     message);
      else
        g_set_error (error, ED_ERROR, ED_ERROR_PARSE, _("The feed index is not valid: %s: %s"),
                     place, message);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data != NULL ? data : "", length, &local_error))
    {
      g_set_error (error, ED_ERROR, ED_ERROR_PARSE, _("The feed index is not valid JSON: %s"),
                   local_error->message);
      return NULL;
    }

  return ed_feed_index_new_from_node (json_parser_get_root (parser), error);
}

JsonNode *
ed_feed_index_to_node (EdFeedIndex *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, self->format);
  json_builder_set_member_name (builder, "publisher");
  json_builder_add_string_value (builder, self->publisher);
  json_builder_set_member_name (builder, "generated");
  json_builder_add_string_value (builder, self->generated);
  json_builder_set_member_name (builder, "sequence");
  json_builder_add_int_value (builder, self->sequence);
  json_builder_set_member_name (builder, "procedures");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->entries->len; i++)
    {
      const EdFeedEntry *entry = self->entries->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, entry->id);
      json_builder_set_member_name (builder, "version");
      json_builder_add_int_value (builder, entry->version);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, entry->file);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, entry->size);
      json_builder_set_member_name (builder, "sha256");
      json_builder_add_string_value (builder, entry->sha256);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

GBytes *
ed_feed_index_to_bytes (EdFeedIndex *self)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = ed_feed_index_to_node (self);
  g_autofree char *text = NULL;
  gsize length;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);

  return g_bytes_new_take (g_strconcat (text, "\n", NULL), length + 1);
}
