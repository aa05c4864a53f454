/* ed-journey.c — reading a journey template (data/journeys/README.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-error.h"
#include "ed-journey.h"
#include "ed-json-guard.h"
#include "ed-json-reader.h"

struct _EdJourney
{
  GObject     parent_instance;

  char       *path;
  EdOrigin    origin;
  char       *id;
  int         version;
  char       *reviewed;
  EdText     *title;
  EdText     *summary;
  GPtrArray  *items;       /* EdJourneyItem, in order */
};

G_DEFINE_FINAL_TYPE (EdJourney, ed_journey, G_TYPE_OBJECT)

static const char * const top_keys[] = {
  "schema", "id", "version", "reviewed", "title", "summary", "procedures", NULL
};
static const char * const item_keys[] = { "id", "note", NULL };

static void
item_free (EdJourneyItem *item)
{
  g_free (item->id);
  g_clear_pointer (&item->note, ed_text_unref);
  g_free (item);
}

static void
ed_journey_finalize (GObject *object)
{
  EdJourney *self = ED_JOURNEY (object);

  g_free (self->path);
  g_free (self->id);
  g_free (self->reviewed);
  g_clear_pointer (&self->title, ed_text_unref);
  g_clear_pointer (&self->summary, ed_text_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (ed_journey_parent_class)->finalize (object);
}

static void
ed_journey_class_init (EdJourneyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ed_journey_finalize;
}

static void
ed_journey_init (EdJourney *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
}

static gpointer
read_item (EdJsonReader *r,
           JsonObject   *object,
           GHashTable   *ids,
           gpointer      user_data)
{
  EdJourneyItem *item = g_new0 (EdJourneyItem, 1);

  ed_json_reader_check_keys (r, object, item_keys);
  /* The same procedure twice would give its dates twice. */
  item->id = ed_json_reader_read_item_id (r, object, ids);
  item->note = ed_json_reader_get_text (r, object, "note", FALSE);
  if (item->id == NULL)
    g_clear_pointer (&item, item_free);

  return item;
}

static void
parse (EdJsonReader *r,
       JsonNode     *root,
       gpointer      user_data,
       gboolean     *newer)
{
  g_autofree char *expected_id = ed_json_reader_expected_id (r->file);
  EdJourney *self = user_data;
  JsonObject *top;
  int schema = 0;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      ed_json_reader_problem_at (r, NULL, _("a journey file must hold one JSON object ({ … })"));
      return;
    }
  top = json_node_get_object (root);

  if (ed_json_reader_get_int (r, top, "schema", TRUE, 1, G_MAXINT, &schema) &&
      schema > ED_JOURNEY_SCHEMA)
    {
      ed_json_reader_problem_at (r, "schema",
                                 _("this file is made for a newer Entry Desk (journey format %d; "
                                   "this version reads format %d): update Entry Desk to use it"),
                                 schema, ED_JOURNEY_SCHEMA);
      *newer = TRUE;
      return;
    }

  ed_json_reader_check_keys (r, top, top_keys);
  self->id = ed_json_reader_get_id (r, top, "id", TRUE);
  if (self->id != NULL && expected_id != NULL && strcmp (self->id, expected_id) != 0)
    ed_json_reader_problem_at (r, "id", _("“%s” differs from the file name: name the file "
                                          "“%s.json” or change the id"),
                               self->id, self->id);
  ed_json_reader_get_int (r, top, "version", TRUE, 1, G_MAXINT, &self->version);
  self->reviewed = ed_json_reader_get_date (r, top, "reviewed", TRUE);
  self->title = ed_json_reader_get_text (r, top, "title", TRUE);
  self->summary = ed_json_reader_get_text (r, top, "summary", TRUE);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = ed_json_reader_read_list (r, top, "procedures", TRUE, read_item,
                                          (GDestroyNotify) item_free, NULL);
}

/**
 * ed_journey_new_from_bytes:
 * @name: (nullable): the file's name or path, for messages; when it ends
 *   in `.json`, the journey's id must be the name without it
 *
 * Reads and checks a journey template. Every problem is reported, one a
 * line, as "FILE: PLACE: WHAT", as for procedures. Whether the
 * procedures it names exist is the catalog's check
 * (ed_catalog_check_journeys()).
 *
 * Returns: (transfer full): the journey, or %NULL with @error set
 *   (%ED_ERROR_PARSE, %ED_ERROR_UNSUPPORTED or %ED_ERROR_INVALID)
 */
EdJourney *
ed_journey_new_from_bytes (GBytes      *bytes,
                           const char  *name,
                           EdOrigin     origin,
                           GError     **error)
{
  g_autoptr(EdJourney) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  self = g_object_new (ED_TYPE_JOURNEY, NULL);
  self->origin = origin;
  if (!ed_json_reader_read_bytes (bytes, name, ED_JOURNEY_MAX_SIZE, parse, self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * ed_journey_new_from_file:
 *
 * Like ed_journey_new_from_bytes(), for a file; the journey's id must be
 * the file's name without `.json`.
 */
EdJourney *
ed_journey_new_from_file (const char  *path,
                          EdOrigin     origin,
                          GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  EdJourney *self;

  g_return_val_if_fail (path != NULL, NULL);

  bytes = ed_json_reader_load_file (path, ED_JOURNEY_MAX_SIZE, error);
  if (bytes == NULL)
    return NULL;

  self = ed_journey_new_from_bytes (bytes, path, origin, error);
  if (self != NULL)
    self->path = g_strdup (path);

  return self;
}

/**
 * ed_journey_data_is_journey:
 *
 * Tells a journey file from a procedure file, for a tool given both
 * (check-catalog): a journey lists `procedures` and has no `steps`.
 *
 * Returns: %TRUE when @data is a JSON object that reads as a journey
 */
gboolean
ed_journey_data_is_journey (const char *data,
                            gsize       size)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *top;

  /* Through the guard: too large or too deep is not a journey. */
  root = ed_json_guard_parse (data, size, ED_JOURNEY_MAX_SIZE, "-", NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;

  top = json_node_get_object (root);
  return json_object_has_member (top, "procedures") && !json_object_has_member (top, "steps");
}

const char *
ed_journey_get_id (EdJourney *self)
{
  g_return_val_if_fail (ED_IS_JOURNEY (self), NULL);
  return self->id;
}

int
ed_journey_get_version (EdJourney *self)
{
  g_return_val_if_fail (ED_IS_JOURNEY (self), 0);
  return self->version;
}

/* Returns: the day the template was last checked, YYYY-MM-DD */
const char *
ed_journey_get_reviewed (EdJourney *self)
{
  g_return_val_if_fail (ED_IS_JOURNEY (self), NULL);
  return self->reviewed;
}

EdText *
ed_journey_get_title (EdJourney *self)
{
  g_return_val_if_fail (ED_IS_JOURNEY (self), NULL);
  return self->title;
}

EdText *
ed_journey_get_summary (EdJourney *self)
{
  g_return_val_if_fail (ED_IS_JOURNEY (self), NULL);
  return self->summary;
}

/**
 * ed_journey_get_items:
 *
 * Returns: (transfer none) (element-type EdJourneyItem): the
 *   procedures, in the order of the journey
 */
GPtrArray *
ed_journey_get_items (EdJourney *self)
{
  g_return_val_if_fail (ED_IS_JOURNEY (self), NULL);
  return self->items;
}

/* Returns: (nullable): the item of @procedure_id */
const EdJourneyItem *
ed_journey_find_item (EdJourney  *self,
                      const char *procedure_id)
{
  g_return_val_if_fail (ED_IS_JOURNEY (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      const EdJourneyItem *item = g_ptr_array_index (self->items, i);

      if (g_strcmp0 (item->id, procedure_id) == 0)
        return item;
    }

  return NULL;
}

/* Returns: (nullable): the file it was read from */
const char *
ed_journey_get_path (EdJourney *self)
{
  g_return_val_if_fail (ED_IS_JOURNEY (self), NULL);
  return self->path;
}

EdOrigin
ed_journey_get_origin (EdJourney *self)
{
  g_return_val_if_fail (ED_IS_JOURNEY (self), ED_ORIGIN_OTHER);
  return self->origin;
}
