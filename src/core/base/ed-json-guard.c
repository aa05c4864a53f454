/* ed-json-guard.c — the checks, the messages and the reading of files
 *
 * The scanner itself is ed-json-scan.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ed-error.h"
#include "ed-json-guard.h"
#include "ed-json-scan-private.h"

#define LOAD_CHUNK (64 * 1024)

/**
 * ed_json_guard_append_key:
 * @path: a JSON path such as `steps[3]`
 *
 * Appends a member to @path as the messages show it: `.key`, or
 * `["a key"]` when the key is not plain letters, digits, `_` and `-`
 * (a typo with a space, an empty key), escaped so that it cannot hold
 * a control character.
 */
void
ed_json_guard_append_key (GString    *path,
                          const char *key)
{
  gboolean plain = *key != '\0';

  for (const char *p = key; plain && *p != '\0'; p++)
    plain = g_ascii_isalnum (*p) || *p == '_' || *p == '-';

  if (plain)
    {
      if (path->len > 0)
        g_string_append_c (path, '.');
      g_string_append (path, key);
    }
  else
    {
      g_autofree char *escaped = g_strescape (key, NULL);

      g_string_append_printf (path, "[\"%s\"]", escaped);
    }
}

static char *
too_large_message (gsize max_size)
{
  g_autofree char *limit = g_format_size (max_size);

  /* Translators: %s is a size such as "16.8 MB" */
  return g_strdup_printf (_("the file is larger than %s, the most a file of this kind can "
                            "have: check that this is the right file"), limit);
}

/**
 * ed_json_guard_check:
 * @max_size: the most bytes the reader takes; 0 for %ED_JSON_MAX_SIZE
 * @place: (out) (optional) (nullable): where the file is wrong (see the
 *   header), %NULL for the whole file
 * @message: (out) (optional): what is wrong and what to do
 *
 * Returns: whether @data may be given to json-glib
 */
gboolean
ed_json_guard_check (const char  *data,
                     gsize        size,
                     gsize        max_size,
                     char       **place,
                     char       **message)
{
  g_autofree char *found_place = NULL;
  g_autofree char *found = NULL;
  gboolean ok;

  g_return_val_if_fail (data != NULL || size == 0, FALSE);

  if (max_size == 0)
    max_size = ED_JSON_MAX_SIZE;

  if (size > max_size)
    {
      found = too_large_message (max_size);
      ok = FALSE;
    }
  else
    ok = _ed_json_scan (data != NULL ? data : "", size, &found_place, &found);

  if (place != NULL)
    *place = g_steal_pointer (&found_place);
  if (message != NULL)
    *message = g_steal_pointer (&found);

  return ok;
}

/**
 * ed_json_guard_format:
 * @file: the file as the messages name it
 * @place: (nullable): a place in it
 *
 * Returns: (transfer full): "FILE: PLACE: WHAT", as every reader of
 *   files says it
 */
char *
ed_json_guard_format (const char *file,
                      const char *place,
                      const char *message)
{
  if (place == NULL || *place == '\0')
    /* Translators: a problem in a file: the file, then what is wrong */
    return g_strdup_printf (_("%s: %s"), file, message);

  /* Translators: a problem in a file: the file, the place in it (a line
   * and column, or a JSON path such as steps[3].links[0].url), then what
   * is wrong */
  return g_strdup_printf (_("%s: %s: %s"), file, place, message);
}

static void
set_error (GError     **error,
           EdError      code,
           const char  *file,
           const char  *place,
           const char  *message)
{
  g_autofree char *text = ed_json_guard_format (file, place, message);

  g_set_error_literal (error, ED_ERROR, code, text);
}

/**
 * ed_json_guard_parse:
 * @max_size: as for ed_json_guard_check()
 * @file: the file's name, for the messages
 *
 * Checks @data and parses it.
 *
 * Returns: (transfer full): the document, or %NULL with @error
 *   (%ED_ERROR_PARSE) saying "FILE: PLACE: WHAT"
 */
JsonNode *
ed_json_guard_parse (const char  *data,
                     gsize        size,
                     gsize        max_size,
                     const char  *file,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) json_error = NULL;
  g_autofree char *place = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (file != NULL, NULL);

  if (!ed_json_guard_check (data, size, max_size, &place, &message))
    {
      set_error (error, ED_ERROR_PARSE, file, place, message);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) size, &json_error))
    {
      g_autofree char *what = g_strdup_printf (_("the file is not valid JSON: %s"),
                                               json_error->message);

      set_error (error, ED_ERROR_PARSE, file, NULL, what);
      return NULL;
    }

  return json_parser_steal_root (parser);
}

/**
 * ed_json_guard_load:
 * @max_size: the most bytes the reader takes; 0 for %ED_JSON_MAX_SIZE
 *
 * Reads a file, and no more of it than @max_size: a file larger than
 * that, or a device that never ends, is refused before it fills memory.
 *
 * Returns: (transfer full): the content, or %NULL with @error
 *   (%ED_ERROR_IO when it cannot be read, %ED_ERROR_PARSE when too large)
 */
GBytes *
ed_json_guard_load (GFile         *file,
                    gsize          max_size,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) content = NULL;
  g_autoptr(GError) local_error = NULL;
  gssize n = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (max_size == 0)
    max_size = ED_JSON_MAX_SIZE;

  stream = g_file_read (file, cancellable, &local_error);
  content = g_byte_array_new ();
  do
    {
      gsize used = content->len;

      if (stream == NULL)
        break;
      g_byte_array_set_size (content, used + LOAD_CHUNK);
      n = g_input_stream_read (G_INPUT_STREAM (stream), content->data + used, LOAD_CHUNK,
                               cancellable, &local_error);
      g_byte_array_set_size (content, used + MAX (n, 0));
    }
  while (n > 0 && content->len <= max_size);

  if (local_error != NULL)
    {
      /* Translators: %s: the file, then why it could not be read */
      g_set_error (error, ED_ERROR, ED_ERROR_IO, _("%s: could not read the file: %s"),
                   name, local_error->message);
      return NULL;
    }
  if (content->len > max_size)
    {
      g_autofree char *message = too_large_message (max_size);

      set_error (error, ED_ERROR_PARSE, name, NULL, message);
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&content));
}

/**
 * ed_json_guard_parse_file:
 *
 * ed_json_guard_load() and ed_json_guard_parse() of the file at @path.
 *
 * Returns: (transfer full): the document, or %NULL with @error
 */
JsonNode *
ed_json_guard_parse_file (const char  *path,
                          gsize        max_size,
                          GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = ed_json_guard_load (file, max_size, NULL, error);
  gsize size;
  const char *data;

  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  return ed_json_guard_parse (data, size, max_size, path, error);
}
