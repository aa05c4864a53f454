/* ed-store-pg-queue.c — saves waiting for the office database
 *
 * One JSON file a database and role, mode 0600 in a folder only its
 * owner reads, rewritten whole (and synced) at every change, so that a
 * save that returned is on disk even when the app is killed next:
 *
 *   { "entry_desk_queue": 1,
 *     "entries": [ { "id": 12, "version": 4, "case": { …case file… } } ] }
 *
 * One entry a case, the latest save, with the version the desk had read:
 * the server takes it only over that version. The file is read back
 * from disk, so it is outside data: _ed_pg_queue_parse() checks every
 * member and refuses a file that is wrong anywhere (tests/fuzz has a
 * target for it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ed-error.h"
#include "ed-json-guard.h"
#include "ed-store-pg-private.h"

#define QUEUE_FORMAT 1

struct _EdPgQueue
{
  char      *path;
  GPtrArray *entries;   /* EdCaseRecord, oldest first */
};

EdPgQueue *
_ed_pg_queue_new (const char *path)
{
  EdPgQueue *queue = g_new0 (EdPgQueue, 1);

  queue->path = g_strdup (path);
  queue->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_case_record_free);
  return queue;
}

void
_ed_pg_queue_free (EdPgQueue *queue)
{
  if (queue == NULL)
    return;
  g_free (queue->path);
  g_ptr_array_unref (queue->entries);
  g_free (queue);
}

static gboolean
corrupt (GError     **error,
         const char  *what)
{
  g_set_error (error, ED_ERROR, ED_ERROR_CORRUPT, _("The offline queue is damaged: %s"), what);
  return FALSE;
}

static EdCaseRecord *
parse_entry (JsonNode  *node,
             guint      position,
             GError   **error)
{
  g_autofree char *where = g_strdup_printf ("entries[%u]", position);
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  EdCaseRecord *record;
  JsonObject *entry;
  JsonNode *id;
  JsonNode *version;
  JsonNode *kase;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return corrupt (error, where), NULL;
  entry = json_node_get_object (node);
  id = json_object_get_member (entry, "id");
  version = json_object_get_member (entry, "version");
  kase = json_object_get_member (entry, "case");
  if (id == NULL || json_node_get_value_type (id) != G_TYPE_INT64 ||
      json_node_get_int (id) <= 0 ||
      version == NULL || json_node_get_value_type (version) != G_TYPE_INT64 ||
      json_node_get_int (version) < 0 ||
      kase == NULL || !JSON_NODE_HOLDS_OBJECT (kase) ||
      json_object_get_size (entry) != 3)
    return corrupt (error, where), NULL;

  data = json_to_string (kase, FALSE);
  record = ed_case_record_new_from_data (data, strlen (data), where, &local_error);
  if (record == NULL)
    return corrupt (error, local_error->message), NULL;
  if (record->reference == NULL)
    {
      ed_case_record_free (record);
      return corrupt (error, where), NULL;
    }

  record->id = json_node_get_int (id);
  record->version = json_node_get_int (version);
  g_ptr_array_set_size (record->sheets, 0);
  return record;
}

/**
 * _ed_pg_queue_parse:
 *
 * Reads a queue file's contents.
 *
 * Returns: (transfer container) (element-type EdCaseRecord): its saves,
 *   oldest first, or %NULL with %ED_ERROR_CORRUPT (%ED_ERROR_UNSUPPORTED
 *   for a newer format)
 */
GPtrArray *
_ed_pg_queue_parse (const char  *data,
                    gsize        size,
                    GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonNode *format;
  JsonNode *list;
  JsonArray *array;

  /* Too deep, too large, a key twice, a second document: refused
   * before json-glib sees it, as every reader of a file does. */
  node = ed_json_guard_parse (data, size, 0, "office-queue", &local_error);
  if (node == NULL)
    return corrupt (error, local_error->message), NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return corrupt (error, "root"), NULL;

  root = json_node_get_object (node);
  format = json_object_get_member (root, "entry_desk_queue");
  list = json_object_get_member (root, "entries");
  if (format == NULL || json_node_get_value_type (format) != G_TYPE_INT64)
    return corrupt (error, "entry_desk_queue"), NULL;
  if (json_node_get_int (format) != QUEUE_FORMAT)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_UNSUPPORTED,
                   _("The offline queue was written by another version of Entry Desk"));
      return NULL;
    }
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list) || json_object_get_size (root) != 2)
    return corrupt (error, "entries"), NULL;

  array = json_node_get_array (list);
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_case_record_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      EdCaseRecord *record = parse_entry (json_array_get_element (array, i), i, error);

      if (record == NULL)
        return NULL;
      g_ptr_array_add (entries, record);
      if (!g_hash_table_add (ids, g_memdup2 (&record->id, sizeof record->id)))
        return corrupt (error, "entries: a case twice"), NULL;
    }

  return g_steal_pointer (&entries);
}

/**
 * _ed_pg_queue_load:
 *
 * Reads the file, if there is one. A file that cannot be read is kept
 * beside it (".damaged") and the queue starts empty: %FALSE with @error
 * saying so.
 */
gboolean
_ed_pg_queue_load (EdPgQueue  *queue,
                   GError    **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *aside = NULL;
  gsize size = 0;

  if (!g_file_get_contents (queue->path, &data, &size, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_set_error (error, ED_ERROR, ED_ERROR_IO, _("The offline queue “%s” cannot be read: %s"),
                   queue->path, local_error->message);
      return FALSE;
    }

  entries = _ed_pg_queue_parse (data, size, &local_error);
  if (entries != NULL)
    {
      g_ptr_array_set_size (queue->entries, 0);
      g_ptr_array_extend_and_steal (queue->entries, g_steal_pointer (&entries));
      return TRUE;
    }

  aside = g_strconcat (queue->path, ".damaged", NULL);
  g_rename (queue->path, aside);
  g_set_error (error, ED_ERROR, ED_ERROR_CORRUPT,
               _("%s. It was kept as “%s” and an empty queue started."), local_error->message,
               aside);
  return FALSE;
}

/**
 * queue_save:
 *
 * Writes the queue to its file, or removes the file when it is empty.
 */
static gboolean
queue_save (EdPgQueue  *queue,
            GError    **error)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;

  if (queue->entries->len == 0)
    {
      if (g_unlink (queue->path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, ED_ERROR, ED_ERROR_IO,
                       _("The offline queue “%s” cannot be written: %s"), queue->path,
                       g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "entry_desk_queue");
  json_builder_add_int_value (builder, QUEUE_FORMAT);
  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < queue->entries->len; i++)
    {
      EdCaseRecord *record = g_ptr_array_index (queue->entries, i);
      JsonNode *kase;

      /* Read back, a case holds its journey, of one procedure at least. */
      ed_case_record_ensure_journey (record);
      kase = ed_case_record_to_json (record);

      json_object_remove_member (json_node_get_object (kase), "sheets");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, record->id);
      json_builder_set_member_name (builder, "version");
      json_builder_add_int_value (builder, record->version);
      json_builder_set_member_name (builder, "case");
      json_builder_add_value (builder, kase);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  data = json_to_string (root, FALSE);
  if (!g_file_set_contents_full (queue->path, data, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_set_error (error, ED_ERROR, ED_ERROR_IO, _("The offline queue “%s” cannot be written: %s"),
                   queue->path, local_error->message);
      return FALSE;
    }

  return TRUE;
}

static int
find (EdPgQueue *queue,
      gint64     id)
{
  for (guint i = 0; i < queue->entries->len; i++)
    if (((EdCaseRecord *) g_ptr_array_index (queue->entries, i))->id == id)
      return (int) i;
  return -1;
}

/**
 * _ed_pg_queue_put:
 *
 * Keeps a copy of @record, in place of an earlier save of the same case,
 * and writes the file before returning.
 */
gboolean
_ed_pg_queue_put (EdPgQueue     *queue,
                  EdCaseRecord  *record,
                  GError       **error)
{
  EdCaseRecord *copy = ed_case_record_copy (record);
  int at = find (queue, record->id);

  g_ptr_array_set_size (copy->sheets, 0);
  if (at >= 0)
    {
      ed_case_record_free (g_ptr_array_index (queue->entries, at));
      queue->entries->pdata[at] = copy;
    }
  else
    g_ptr_array_add (queue->entries, copy);

  return queue_save (queue, error);
}

gboolean
_ed_pg_queue_has (EdPgQueue *queue,
                  gint64     id)
{
  return queue != NULL && find (queue, id) >= 0;
}

/**
 * _ed_pg_queue_lookup_copy:
 *
 * Returns: (transfer full) (nullable): the save of case @id waiting
 */
EdCaseRecord *
_ed_pg_queue_lookup_copy (EdPgQueue *queue,
                          gint64     id)
{
  int at = queue != NULL ? find (queue, id) : -1;

  return at >= 0 ? ed_case_record_copy (g_ptr_array_index (queue->entries, at)) : NULL;
}

guint
_ed_pg_queue_size (EdPgQueue *queue)
{
  return queue->entries->len;
}

/**
 * _ed_pg_queue_copy_all:
 *
 * Returns: (transfer container) (element-type EdCaseRecord): copies of
 *   the saves waiting, oldest first
 */
GPtrArray *
_ed_pg_queue_copy_all (EdPgQueue *queue)
{
  GPtrArray *copies = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_case_record_free);

  for (guint i = 0; queue != NULL && i < queue->entries->len; i++)
    g_ptr_array_add (copies, ed_case_record_copy (g_ptr_array_index (queue->entries, i)));
  return copies;
}

/**
 * _ed_pg_queue_sent:
 * @sent: what the server now has
 * @new_version: its version there
 *
 * The server has @sent: its entry goes, unless a later save of the case
 * joined the queue meanwhile, which then waits on @new_version.
 */
gboolean
_ed_pg_queue_sent (EdPgQueue     *queue,
                   EdCaseRecord  *sent,
                   gint64         new_version,
                   GError       **error)
{
  int at = find (queue, sent->id);
  EdCaseRecord *waiting;

  if (at < 0)
    return TRUE;

  waiting = g_ptr_array_index (queue->entries, at);
  if (ed_case_record_same_content (waiting, sent))
    g_ptr_array_remove_index (queue->entries, (guint) at);
  else
    waiting->version = new_version;

  return queue_save (queue, error);
}

gboolean
_ed_pg_queue_drop (EdPgQueue  *queue,
                   gint64      id,
                   GError    **error)
{
  int at = find (queue, id);

  if (at < 0)
    return TRUE;
  g_ptr_array_remove_index (queue->entries, (guint) at);
  return queue_save (queue, error);
}

/**
 * ed_store_pg_read_queue:
 * @data: an offline queue file's contents
 *
 * Reads an offline queue as a desk does when it starts: for tests and
 * fuzzing, the queue being data read back from disk.
 *
 * Returns: (transfer container) (element-type EdCaseRecord): the saves,
 *   or %NULL with @error
 */
GPtrArray *
ed_store_pg_read_queue (const char  *data,
                        gsize        size,
                        GError     **error)
{
  return _ed_pg_queue_parse (data, size, error);
}
