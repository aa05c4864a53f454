/* ed-sheet-office.c — the firm's letterhead on its sheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "ed-error.h"
#include "ed-json-guard.h"
#include "ed-rsvg.h"
#include "ed-sheet-office.h"
#include "ed-string.h"

static const char * const keys[] = { "name", "address", "phone", "email", "handler" };

struct _EdSheetOffice
{
  gatomicrefcount  ref_count;
  char            *values[G_N_ELEMENTS (keys)];
  char            *logo_path;
  RsvgHandle      *svg;         /* or … */
  cairo_surface_t *png;         /* … the logo */
  cairo_surface_t *svg_drawn;   /* the SVG drawn once, recorded */
  double           logo_width;
  double           logo_height;
};

G_DEFINE_BOXED_TYPE (EdSheetOffice, ed_sheet_office, ed_sheet_office_ref, ed_sheet_office_unref)

/* A logo is drawn by one thread at a time: neither librsvg's handle nor
 * cairo's surfaces promise more. */
static GMutex logo_lock;

EdSheetOffice *
ed_sheet_office_new (const char *name)
{
  EdSheetOffice *self = g_new0 (EdSheetOffice, 1);

  g_atomic_ref_count_init (&self->ref_count);
  ed_sheet_office_set (self, "name", name);
  return self;
}

EdSheetOffice *
ed_sheet_office_ref (EdSheetOffice *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ed_sheet_office_unref (EdSheetOffice *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_free (self->values[i]);
  g_free (self->logo_path);
  g_clear_object (&self->svg);
  g_clear_pointer (&self->png, cairo_surface_destroy);
  g_clear_pointer (&self->svg_drawn, cairo_surface_destroy);
  g_free (self);
}

static int
key_index (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_strcmp0 (keys[i], key) == 0)
      return (int) i;

  return -1;
}

/**
 * ed_sheet_office_set:
 * @key: name, address, phone, email or handler
 * @value: (nullable): its value; empty or %NULL for none
 */
void
ed_sheet_office_set (EdSheetOffice *self,
                     const char    *key,
                     const char    *value)
{
  int i = key_index (key);
  g_autofree char *stripped = value != NULL ? g_strstrip (g_strdup (value)) : NULL;

  g_return_if_fail (i >= 0);

  g_free (self->values[i]);
  self->values[i] = stripped != NULL && *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
}

/* Returns: (nullable): the value of @key, or "logo"'s path */
const char *
ed_sheet_office_get (const EdSheetOffice *self,
                     const char          *key)
{
  int i = key_index (key);

  if (g_strcmp0 (key, "logo") == 0)
    return self->logo_path;
  g_return_val_if_fail (i >= 0, NULL);

  return self->values[i];
}

/* A logo is a small picture. */
#define LOGO_MAX_SIZE (4 * 1000 * 1000)

/**
 * ed_sheet_office_set_logo:
 * @path: (nullable): an SVG or PNG file; %NULL for none
 *
 * Returns: %FALSE with @error set when the file cannot be read as either
 */
gboolean
ed_sheet_office_set_logo (EdSheetOffice  *self,
                          const char     *path,
                          GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  RsvgHandle *svg = NULL;
  cairo_surface_t *png = NULL;
  double width = 0, height = 0;
  g_autofree char *lower = path != NULL ? g_ascii_strdown (path, -1) : NULL;
  g_autoptr(GFile) file = path != NULL ? g_file_new_for_path (path) : NULL;
  g_autoptr(GFileInfo) info = NULL;

  /* Only a file of an image's size: never a device, a pipe or a folder,
   * which would never end or never be an image. */
  if (file != NULL)
    info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                              G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (path != NULL &&
      (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
       g_file_info_get_size (info) > LOGO_MAX_SIZE))
    {
      g_autofree char *limit = g_format_size (LOGO_MAX_SIZE);

      g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                   /* Translators: %s is a file name, then a size such as "4.2 MB" */
                   _("The logo “%s” is not an image file of %s at most"), path, limit);
      return FALSE;
    }

  if (path != NULL && g_str_has_suffix (lower, ".png"))
    {
      png = cairo_image_surface_create_from_png (path);
      if (cairo_surface_status (png) != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                       /* Translators: %s is a file name */
                       _("The logo “%s” is not a PNG image that can be read"), path);
          cairo_surface_destroy (png);
          return FALSE;
        }
      width = cairo_image_surface_get_width (png);
      height = cairo_image_surface_get_height (png);
    }
  else if (path != NULL)
    {
      if (!ed_rsvg_load (error))
        return FALSE;
      svg = rsvg_handle_new_from_file (path, &local_error);
      if (svg == NULL ||
          !rsvg_handle_get_intrinsic_size_in_pixels (svg, &width, &height))
        {
          RsvgRectangle viewport = { 0, 0, 100, 100 }, ink, logical;

          if (svg != NULL &&
              rsvg_handle_get_geometry_for_layer (svg, NULL, &viewport, &ink, &logical, NULL))
            {
              width = logical.width;
              height = logical.height;
            }
        }
      if (svg == NULL || width <= 0 || height <= 0)
        {
          g_clear_object (&svg);
          g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                       /* Translators: %s is a file name */
                       _("The logo “%s” is not an SVG or PNG image that can be read"), path);
          return FALSE;
        }
    }

  g_free (self->logo_path);
  self->logo_path = g_strdup (path);
  g_clear_object (&self->svg);
  g_clear_pointer (&self->png, cairo_surface_destroy);
  g_clear_pointer (&self->svg_drawn, cairo_surface_destroy);
  self->svg = svg;
  self->png = png;
  self->logo_width = width;
  self->logo_height = height;

  return TRUE;
}

gboolean
ed_sheet_office_has_logo (const EdSheetOffice *self)
{
  return self->svg != NULL || self->png != NULL;
}

/* The logo's own size, in its units: only its proportions matter. */
void
ed_sheet_office_get_logo_size (const EdSheetOffice *self,
                               double              *width,
                               double              *height)
{
  *width = self->logo_width;
  *height = self->logo_height;
}

/**
 * ed_sheet_office_draw_logo:
 *
 * Draws the logo as large as fits in the box, its proportions kept, at
 * the box's left; an SVG stays vector in a PDF.
 */
void
ed_sheet_office_draw_logo (const EdSheetOffice *self,
                           cairo_t             *cr,
                           double               x,
                           double               y,
                           double               width,
                           double               height)
{
  double scale;

  if (!ed_sheet_office_has_logo (self) || self->logo_width <= 0 || self->logo_height <= 0)
    return;

  scale = MIN (width / self->logo_width, height / self->logo_height);

  g_mutex_lock (&logo_lock);
  cairo_save (cr);
  cairo_translate (cr, x, y + (height - self->logo_height * scale) / 2);
  cairo_scale (cr, scale, scale);
  if (self->png != NULL)
    {
      cairo_set_source_surface (cr, self->png, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_rectangle (cr, 0, 0, self->logo_width, self->logo_height);
      cairo_fill (cr);
    }
  else
    {
      /* Drawn once into a recording, which a PDF holds as a form: librsvg
       * drawing straight onto a PDF page copies a page-sized picture
       * around (a fifth of a one-sheet print's time). */
      if (self->svg_drawn == NULL)
        {
          cairo_rectangle_t extents = { 0, 0, self->logo_width, self->logo_height };
          RsvgRectangle viewport = { 0, 0, self->logo_width, self->logo_height };
          cairo_t *logo_cr;

          /* The office is shared, not changed: the recording is made
           * under the lock, once. */
          ((EdSheetOffice *) self)->svg_drawn =
            cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
          logo_cr = cairo_create (self->svg_drawn);
          rsvg_handle_render_document (self->svg, logo_cr, &viewport, NULL);
          cairo_destroy (logo_cr);
        }
      cairo_set_source_surface (cr, self->svg_drawn, 0, 0);
      cairo_paint (cr);
    }
  cairo_restore (cr);
  g_mutex_unlock (&logo_lock);
}

/* An office file is a few lines; a value longer than an address with
 * room is not one a sheet can print. */
#define OFFICE_FILE_MAX_SIZE (64 * 1024)
#define OFFICE_VALUE_MAX_LENGTH 300

/**
 * ed_sheet_office_new_from_data:
 * @data: the content of an office file (JSON)
 * @path: the file, for the messages and the folder a relative logo is in
 *
 * Reads an office file, checked by ed_json_guard_parse() first: an
 * empty, truncated, too deep or too large file, a key given twice or a
 * second document is refused with its place.
 *
 * Returns: (transfer full): the office, or %NULL with @error set: the
 *   file is not JSON, has no name, a key it should not have, a value too
 *   long, or a logo that cannot be read
 */
EdSheetOffice *
ed_sheet_office_new_from_data (const char  *data,
                               gsize        size,
                               const char  *path,
                               GError     **error)
{
  g_autoptr(EdSheetOffice) self = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  g_return_val_if_fail (path != NULL, NULL);

  root = ed_json_guard_parse (data, size, OFFICE_FILE_MAX_SIZE, path, error);
  if (root == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                   _("%s: an office file is a JSON object with the office’s name, address, "
                     "phone, email, handler and logo"), path);
      return NULL;
    }
  object = json_node_get_object (root);

  self = ed_sheet_office_new (NULL);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *node = json_object_get_member (object, key);

      if (key_index (key) < 0 && g_strcmp0 (key, "logo") != 0)
        {
          g_autofree char *shown = ed_string_escape_controls (key);

          g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                       /* Translators: the first %s is a file, the second a key in it */
                       _("%s: “%s” is not a key of an office file: use name, address, phone, "
                         "email, handler and logo"), path, shown);
          return NULL;
        }
      if (JSON_NODE_HOLDS_NULL (node))
        continue;
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                       /* Translators: the first %s is a file, the second a key in it */
                       _("%s: “%s” must be a text"), path, key);
          return NULL;
        }
      if (g_utf8_strlen (json_node_get_string (node), -1) > OFFICE_VALUE_MAX_LENGTH)
        {
          g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                       /* Translators: the first %s is a file, the second a key in it, %d
                        * the most characters it may have */
                       _("%s: “%s” is longer than %d characters: shorten it"), path, key,
                       OFFICE_VALUE_MAX_LENGTH);
          return NULL;
        }

      if (g_strcmp0 (key, "logo") == 0)
        {
          g_autofree char *dir = g_path_get_dirname (path);
          const char *logo = json_node_get_string (node);
          g_autofree char *full = g_path_is_absolute (logo) ? g_strdup (logo)
                                                            : g_build_filename (dir, logo, NULL);

          if (*logo != '\0' && !ed_sheet_office_set_logo (self, full, error))
            return NULL;
        }
      else
        ed_sheet_office_set (self, key, json_node_get_string (node));
    }

  if (ed_sheet_office_get (self, "name") == NULL)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                   _("%s: the office file needs the office’s “name”"), path);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * ed_sheet_office_load:
 * @path: an office file (JSON)
 *
 * ed_sheet_office_new_from_data() of the file at @path; a file larger
 * than an office file can be is not read.
 *
 * Returns: (transfer full): the office, or %NULL with @error set
 */
EdSheetOffice *
ed_sheet_office_load (const char  *path,
                      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize size;

  bytes = ed_json_guard_load (file, OFFICE_FILE_MAX_SIZE, NULL, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  return ed_sheet_office_new_from_data (data, size, path, error);
}
