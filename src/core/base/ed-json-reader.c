/* ed-json-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-date.h"
#include "ed-error.h"
#include "ed-json-reader.h"

void
ed_json_reader_init (EdJsonReader *self,
                     const char   *file)
{
  memset (self, 0, sizeof *self);
  self->file = file;
  self->path = g_string_new (NULL);
  self->problems = g_ptr_array_new_with_free_func (g_free);
  self->languages = (1 << ED_LANGUAGE_EN) | (1 << ED_LANGUAGE_JA) | (1 << ED_LANGUAGE_ZH_CN);
}

void
ed_json_reader_clear (EdJsonReader *self)
{
  if (self->path != NULL)
    g_string_free (self->path, TRUE);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->path = NULL;
}

static void
add_problem (EdJsonReader *self,
             const char   *place,
             const char   *what)
{
  self->n_problems++;
  if (self->problems->len >= ED_JSON_READER_MAX_PROBLEMS)
    return;

  g_ptr_array_add (self->problems, ed_json_guard_format (self->file, place, what));
}

/**
 * ed_json_reader_set_error:
 * @code: an #EdError
 *
 * Sets @error to every problem recorded, one a line.
 */
void
ed_json_reader_set_error (EdJsonReader  *self,
                          int            code,
                          GError       **error)
{
  g_autoptr(GString) message = g_string_new (NULL);

  for (guint i = 0; i < self->problems->len; i++)
    {
      if (i > 0)
        g_string_append_c (message, '\n');
      g_string_append (message, g_ptr_array_index (self->problems, i));
    }

  if (self->n_problems > self->problems->len)
    {
      guint more = self->n_problems - self->problems->len;

      g_string_append_c (message, '\n');
      g_string_append_printf (message,
                              g_dngettext (GETTEXT_PACKAGE, "%s: and %u more problem",
                                           "%s: and %u more problems", more),
                              self->file, more);
    }

  g_set_error_literal (error, ED_ERROR, code, message->str);
}

/**
 * ed_json_reader_problem_at:
 * @place: (nullable): a JSON path, or %NULL for the whole file
 *
 * Records a problem at @place.
 */
void
ed_json_reader_problem_at (EdJsonReader *self,
                           const char   *place,
                           const char   *format,
                           ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  add_problem (self, place, what);
}

/* Records a problem at the reader's current place. */
void
ed_json_reader_problem (EdJsonReader *self,
                        const char   *format,
                        ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  add_problem (self, self->path->str, what);
}

/* Skips a separator as json-glib's translations write it: ": " or "：". */
static const char *
skip_separator (const char *p)
{
  for (;;)
    {
      if (*p == ':' || *p == ' ')
        p++;
      else if (g_str_has_prefix (p, "："))
        p += strlen ("：");
      else
        return p;
    }
}

static const char *
find_separator (const char *p)
{
  const char *ascii = strstr (p, ": ");
  const char *wide = strstr (p, "：");

  if (ascii == NULL || (wide != NULL && wide < ascii))
    return wide;
  return ascii;
}

/* json-glib reports "<data>:LINE:COLUMN: Parse error: what" (translated
 * in its own domain); say it with our words and keep its line, column
 * and what. */
static void
report_json_error (EdJsonReader *reader,
                   const GError *error)
{
  guint line = 0, column = 0;
  int consumed = 0;
  const char *what = error->message;

  if (sscanf (error->message, "<data>:%u:%u%n", &line, &column, &consumed) == 2 && consumed > 0)
    {
      g_autofree char *place = NULL;
      const char *separator;

      what = skip_separator (what + consumed);
      /* Drop json-glib's own "Parse error". */
      separator = find_separator (what);
      if (separator != NULL && separator - what < 40)
        what = skip_separator (separator);

      /* Translators: where a file's JSON is broken */
      place = g_strdup_printf (_("line %u, column %u"), line, column);
      ed_json_reader_problem_at (reader, place, _("the file is not valid JSON: %s"), what);
    }
  else
    ed_json_reader_problem_at (reader, NULL, _("the file is not valid JSON: %s"), what);
}


/**
 * ed_json_reader_parse:
 * @parser: the parser to use; it owns the root
 * @data: the file's content
 *
 * Checks @data with ed_json_guard_check() (at most the reader's
 * @max_size bytes) before json-glib parses it.
 *
 * Returns: (transfer none) (nullable): the document's root, or %NULL
 *   with the problem recorded at its line and column (or JSON path)
 */
JsonNode *
ed_json_reader_parse (EdJsonReader *self,
                      JsonParser   *parser,
                      const char   *data,
                      gsize         size)
{
  g_autoptr(GError) json_error = NULL;
  g_autofree char *place = NULL;
  g_autofree char *message = NULL;

  if (!ed_json_guard_check (data, size, self->max_size, &place, &message))
    {
      add_problem (self, place, message);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, (gssize) size, &json_error))
    {
      report_json_error (self, json_error);
      return NULL;
    }

  return json_parser_get_root (parser);
}

/**
 * ed_json_reader_enter:
 *
 * Moves the reader into the member @key of the current place.
 *
 * Returns: a mark for ed_json_reader_leave()
 */
gsize
ed_json_reader_enter (EdJsonReader *self,
                      const char   *key)
{
  gsize mark = self->path->len;

  ed_json_guard_append_key (self->path, key);
  return mark;
}

gsize
ed_json_reader_enter_index (EdJsonReader *self,
                            guint         index)
{
  gsize mark = self->path->len;

  g_string_append_printf (self->path, "[%u]", index);
  return mark;
}

void
ed_json_reader_leave (EdJsonReader *self,
                      gsize         mark)
{
  g_string_truncate (self->path, mark);
}

static const char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("a list");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_INT64:
      return _("a whole number");
    case G_TYPE_DOUBLE:
      return _("a number with a fraction");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    default:
      return _("a value");
    }
}

/* Records, at the current place, that @node is not what is expected. */
static void
wrong_type (EdJsonReader *self,
            JsonNode     *node,
            const char   *expected)
{
  /* Translators: the first %s is what a key must hold ("a string"),
   * the second what the file has there ("a list") */
  ed_json_reader_problem (self, _("must be %s, not %s"), expected, describe_node (node));
}

/**
 * ed_json_reader_check_keys:
 * @known: the keys the format defines for @object, %NULL-terminated
 *
 * Records every other key as a problem, so that a misspelt key is found
 * instead of silently ignored.
 */
void
ed_json_reader_check_keys (EdJsonReader       *self,
                           JsonObject         *object,
                           const char * const *known)
{
  JsonObjectIter iter;
  const char *key;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &key, NULL))
    {
      if (!g_strv_contains (known, key))
        {
          gsize mark = ed_json_reader_enter (self, key);

          ed_json_reader_problem (self,
                                  _("unknown key (check its spelling in the format reference)"));
          ed_json_reader_leave (self, mark);
        }
    }
}

/**
 * ed_json_reader_member:
 *
 * A member that is null counts as absent.
 *
 * Returns: (nullable): the member, or %NULL when absent (a problem when
 *   @required)
 */
JsonNode *
ed_json_reader_member (EdJsonReader *self,
                       JsonObject   *object,
                       const char   *key,
                       gboolean      required)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    return node;

  if (required)
    {
      gsize mark = ed_json_reader_enter (self, key);

      if (node == NULL)
        ed_json_reader_problem (self, _("required, but missing"));
      else
        ed_json_reader_problem (self, _("required, but null"));
      ed_json_reader_leave (self, mark);
    }

  return NULL;
}

/**
 * ed_json_reader_get_string:
 *
 * Returns: (transfer full) (nullable): the string, never empty
 */
char *
ed_json_reader_get_string (EdJsonReader *self,
                           JsonObject   *object,
                           const char   *key,
                           gboolean      required)
{
  JsonNode *node = ed_json_reader_member (self, object, key, required);
  char *value = NULL;
  gsize mark;

  if (node == NULL)
    return NULL;

  mark = ed_json_reader_enter (self, key);
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    wrong_type (self, node, _("a string"));
  else if (*json_node_get_string (node) == '\0')
    ed_json_reader_problem (self, _("must not be empty"));
  else
    value = g_strdup (json_node_get_string (node));
  ed_json_reader_leave (self, mark);

  return value;
}

/**
 * ed_json_reader_read_bytes:
 * @name: (nullable): the file's name or path, for messages
 * @max_size: the largest file taken (0: %ED_JSON_MAX_SIZE); the JSON
 *   guard checks it, and the nesting, before json-glib sees a byte
 * @parse: reads the document's root with the reader, recording
 *   problems; sets its last argument when the file is made for a newer
 *   Entry Desk
 *
 * Parses @bytes as JSON and hands the root to @parse. Every problem of
 * the file ends up in @error, one a line.
 *
 * Returns: %TRUE when the file has no problem; otherwise %FALSE with
 *   %ED_ERROR_PARSE (broken JSON), %ED_ERROR_UNSUPPORTED (a newer
 *   format) or %ED_ERROR_INVALID (anything else)
 */
gboolean
ed_json_reader_read_bytes (GBytes           *bytes,
                           const char       *name,
                           gsize             max_size,
                           EdJsonParseFunc   parse,
                           gpointer          user_data,
                           GError          **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  EdError code = ED_ERROR_INVALID;
  gboolean newer = FALSE;
  EdJsonReader reader;
  JsonNode *root;
  const char *data;
  gsize size;
  gboolean ok;

  ed_json_reader_init (&reader, name != NULL ? name : "-");
  reader.max_size = max_size;
  data = g_bytes_get_data (bytes, &size);

  root = ed_json_reader_parse (&reader, parser, data, size);
  if (root == NULL)
    code = ED_ERROR_PARSE;
  else
    {
      parse (&reader, root, user_data, &newer);
      if (newer)
        code = ED_ERROR_UNSUPPORTED;
    }

  ok = reader.n_problems == 0;
  if (!ok)
    ed_json_reader_set_error (&reader, code, error);
  ed_json_reader_clear (&reader);

  return ok;
}

/**
 * ed_json_reader_load_file:
 * @max_size: the largest file taken (0: %ED_JSON_MAX_SIZE)
 *
 * Reads a data file whole (a procedure, a journey) through the JSON
 * guard: a larger file, or one that is not a regular file, is not read.
 *
 * Returns: (transfer full) (nullable): its content, or %NULL with
 *   @error set
 */
GBytes *
ed_json_reader_load_file (const char  *path,
                          gsize        max_size,
                          GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return ed_json_guard_load (file, max_size != 0 ? max_size : ED_JSON_MAX_SIZE, NULL, error);
}

/**
 * ed_json_reader_expected_id:
 * @name: (nullable): a file's name or path
 *
 * Returns: (transfer full) (nullable): the id a data file named @name
 *   must have, its name without `.json`; %NULL for another name
 */
char *
ed_json_reader_expected_id (const char *name)
{
  g_autofree char *base = NULL;

  if (name == NULL || !g_str_has_suffix (name, ".json"))
    return NULL;

  base = g_path_get_basename (name);
  return g_strndup (base, strlen (base) - strlen (".json"));
}

gboolean
ed_json_reader_is_id (const char *text)
{
  if (text == NULL || !g_ascii_islower (*text))
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;

  return TRUE;
}

/**
 * ed_json_reader_get_id:
 *
 * Returns: (transfer full) (nullable): the id, when it is well-formed
 */
char *
ed_json_reader_get_id (EdJsonReader *self,
                       JsonObject   *object,
                       const char   *key,
                       gboolean      required)
{
  g_autofree char *id = ed_json_reader_get_string (self, object, key, required);

  if (id != NULL && !ed_json_reader_is_id (id))
    {
      gsize mark = ed_json_reader_enter (self, key);

      ed_json_reader_problem (self,
                              _("“%s” is not a valid id: use lower-case letters a–z, "
                                "digits and “-”, starting with a letter"),
                              id);
      ed_json_reader_leave (self, mark);
      return NULL;
    }

  return g_steal_pointer (&id);
}

/**
 * ed_json_reader_get_date:
 *
 * Returns: (transfer full) (nullable): the date as written, when it is a
 *   date that exists written YYYY-MM-DD
 */
char *
ed_json_reader_get_date (EdJsonReader *self,
                         JsonObject   *object,
                         const char   *key,
                         gboolean      required)
{
  g_autofree char *text = ed_json_reader_get_string (self, object, key, required);
  GDate date;

  if (text != NULL && !ed_date_parse (text, &date))
    {
      gsize mark = ed_json_reader_enter (self, key);

      ed_json_reader_problem (self, _("“%s” is not a date that exists, written YYYY-MM-DD"), text);
      ed_json_reader_leave (self, mark);
      return NULL;
    }

  return g_steal_pointer (&text);
}

/**
 * ed_json_reader_get_int:
 * @value: (inout): set when the member is present and valid
 *
 * Returns: whether @value was set
 */
gboolean
ed_json_reader_get_int (EdJsonReader *self,
                        JsonObject   *object,
                        const char   *key,
                        gboolean      required,
                        int           min,
                        int           max,
                        int          *value)
{
  JsonNode *node = ed_json_reader_member (self, object, key, required);
  gboolean ok = FALSE;
  gsize mark;
  gint64 number;

  if (node == NULL)
    return FALSE;

  mark = ed_json_reader_enter (self, key);
  if (json_node_get_value_type (node) != G_TYPE_INT64)
    wrong_type (self, node, _("a whole number"));
  else if ((number = json_node_get_int (node)) < min || number > max)
    {
      if (max == G_MAXINT)
        ed_json_reader_problem (self, _("must be %d or more"), min);
      else
        ed_json_reader_problem (self, _("must be a number from %d to %d"), min, max);
    }
  else
    {
      *value = (int) number;
      ok = TRUE;
    }
  ed_json_reader_leave (self, mark);

  return ok;
}

/**
 * ed_json_reader_get_bool:
 * @value: (inout): left as it is (the default) when the member is absent
 */
gboolean
ed_json_reader_get_bool (EdJsonReader *self,
                         JsonObject   *object,
                         const char   *key,
                         gboolean     *value)
{
  JsonNode *node = ed_json_reader_member (self, object, key, FALSE);
  gsize mark;

  if (node == NULL)
    return FALSE;

  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    {
      *value = json_node_get_boolean (node);
      return TRUE;
    }

  mark = ed_json_reader_enter (self, key);
  wrong_type (self, node, _("true or false"));
  ed_json_reader_leave (self, mark);
  return FALSE;
}

/**
 * ed_json_reader_get_enum:
 * @names: the allowed values, %NULL-terminated, in enum order
 *
 * Returns: the index of the value in @names, or @fallback
 */
int
ed_json_reader_get_enum (EdJsonReader       *self,
                         JsonObject         *object,
                         const char         *key,
                         gboolean            required,
                         const char * const *names,
                         int                 fallback)
{
  g_autofree char *value = ed_json_reader_get_string (self, object, key, required);
  g_autoptr(GString) allowed = NULL;
  gsize mark;

  if (value == NULL)
    return fallback;

  for (int i = 0; names[i] != NULL; i++)
    if (strcmp (value, names[i]) == 0)
      return i;

  allowed = g_string_new (NULL);
  for (int i = 0; names[i] != NULL; i++)
    /* Translators: how a value is quoted in a list of allowed values */
    g_string_append_printf (allowed, i > 0 ? _(", “%s”") : _("“%s”"), names[i]);

  mark = ed_json_reader_enter (self, key);
  /* Translators: the first %s is the value in the file, the second the
   * list of values allowed */
  ed_json_reader_problem (self, _("“%s” is not allowed here: use one of %s"), value, allowed->str);
  ed_json_reader_leave (self, mark);

  return fallback;
}

/* The member when it is a node of @type; a problem when it is another. */
static JsonNode *
member_of_type (EdJsonReader *self,
                JsonObject   *object,
                const char   *key,
                gboolean      required,
                JsonNodeType  type,
                const char   *expected)
{
  JsonNode *node = ed_json_reader_member (self, object, key, required);
  gsize mark;

  if (node == NULL || json_node_get_node_type (node) == type)
    return node;

  mark = ed_json_reader_enter (self, key);
  wrong_type (self, node, expected);
  ed_json_reader_leave (self, mark);
  return NULL;
}

static gboolean
language_from_key (const char *key,
                   EdLanguage *language)
{
  /* Exactly the codes of the format: "zh-CN" would be an easy typo that
   * ed_language_from_code() forgives. */
  for (EdLanguage i = 0; i < ED_N_LANGUAGES; i++)
    {
      if (strcmp (key, ed_language_code (i)) == 0)
        {
          *language = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * ed_json_reader_get_text:
 *
 * Reads a localized text: an object with one string per language. Every
 * language of the reader's @languages must be there; unknown languages
 * are problems.
 *
 * Returns: (transfer full) (nullable): the text, even when some
 *   languages are missing (their problems are recorded)
 */
EdText *
ed_json_reader_get_text (EdJsonReader *self,
                         JsonObject   *object,
                         const char   *key,
                         gboolean      required)
{
  JsonNode *node;
  g_autoptr(EdText) text = NULL;
  JsonObjectIter iter;
  const char *code;
  JsonNode *value;
  gsize mark;

  node = member_of_type (self, object, key, required, JSON_NODE_OBJECT,
                         _("a text in several languages, such as {\"en\": …, \"ja\": …, "
                           "\"zh_CN\": …}"));
  if (node == NULL)
    return NULL;

  mark = ed_json_reader_enter (self, key);
  text = ed_text_new ();
  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &code, &value))
    {
      gsize inner = ed_json_reader_enter (self, code);
      EdLanguage language;

      if (!language_from_key (code, &language))
        ed_json_reader_problem (self, _("“%s” is not a language of Entry Desk: use en, ja, "
                                        "zh_CN or zh_TW"),
                                code);
      else if (json_node_get_value_type (value) != G_TYPE_STRING)
        wrong_type (self, value, _("a string"));
      else if (*json_node_get_string (value) == '\0')
        ed_json_reader_problem (self, _("must not be empty"));
      else
        ed_text_set (text, language, json_node_get_string (value));

      ed_json_reader_leave (self, inner);
    }

  for (EdLanguage language = 0; language < ED_N_LANGUAGES; language++)
    {
      const char *code_of = ed_language_code (language);

      if ((self->languages & (1u << language)) != 0 && !ed_text_has (text, language) &&
          json_object_get_member (json_node_get_object (node), code_of) == NULL)
        /* Translators: %s is a language code such as "ja" */
        ed_json_reader_problem (self, _("the text in “%s” is missing"), code_of);
    }

  ed_json_reader_leave (self, mark);
  return g_steal_pointer (&text);
}

JsonObject *
ed_json_reader_get_object (EdJsonReader *self,
                           JsonObject   *object,
                           const char   *key,
                           gboolean      required)
{
  JsonNode *node = member_of_type (self, object, key, required, JSON_NODE_OBJECT, _("an object"));

  return node != NULL ? json_node_get_object (node) : NULL;
}

JsonArray *
ed_json_reader_get_array (EdJsonReader *self,
                          JsonObject   *object,
                          const char   *key,
                          gboolean      required)
{
  JsonNode *node = member_of_type (self, object, key, required, JSON_NODE_ARRAY, _("a list"));

  return node != NULL ? json_node_get_array (node) : NULL;
}

/**
 * ed_json_reader_read_list:
 * @required: the list must be present and have at least one item
 * @read_item: reads one object of the list, with the reader at it
 *
 * Returns: (transfer full): the items read, never %NULL
 */
GPtrArray *
ed_json_reader_read_list (EdJsonReader       *self,
                          JsonObject         *object,
                          const char         *key,
                          gboolean            required,
                          EdJsonReadItemFunc  read_item,
                          GDestroyNotify      free_item,
                          gpointer            user_data)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (free_item);
  g_autoptr(GHashTable) ids = NULL;
  JsonArray *array;
  gsize mark;

  array = ed_json_reader_get_array (self, object, key, required);
  if (array == NULL)
    return items;

  /* id → the place that first used it */
  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  mark = ed_json_reader_enter (self, key);

  if (required && json_array_get_length (array) == 0)
    ed_json_reader_problem (self, _("must have at least one item"));

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gsize inner = ed_json_reader_enter_index (self, i);

      if (!JSON_NODE_HOLDS_OBJECT (element))
        wrong_type (self, element, _("an object"));
      else
        {
          gpointer item = read_item (self, json_node_get_object (element), ids, user_data);

          if (item != NULL)
            g_ptr_array_add (items, item);
        }

      ed_json_reader_leave (self, inner);
    }

  ed_json_reader_leave (self, mark);
  return items;
}

/**
 * ed_json_reader_read_item_id:
 * @ids: the ids of the list so far (see ed_json_reader_read_list())
 *
 * Reads the required `id` of a list item and checks that the list does
 * not use it twice.
 *
 * Returns: (transfer full) (nullable): the id
 */
char *
ed_json_reader_read_item_id (EdJsonReader *self,
                             JsonObject   *object,
                             GHashTable   *ids)
{
  char *id = ed_json_reader_get_id (self, object, "id", TRUE);
  const char *first;

  if (id == NULL)
    return NULL;

  first = g_hash_table_lookup (ids, id);
  if (first != NULL)
    {
      gsize mark = ed_json_reader_enter (self, "id");

      /* Translators: the second %s is where the id was first used, e.g. steps[1] */
      ed_json_reader_problem (self, _("the id “%s” is already used by %s"), id, first);
      ed_json_reader_leave (self, mark);
    }
  else
    g_hash_table_insert (ids, g_strdup (id), g_strdup (self->path->str));

  return id;
}
