/* ed-json-scan.c — a strict JSON checker that never recurses
 *
 * One pass over the text with a stack of its own, bounded by
 * ED_JSON_MAX_DEPTH: hostile input costs time linear in its size and
 * memory bounded by it, and the first thing wrong is reported with its
 * line and column (counted in characters, as an editor counts them).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-json-guard.h"
#include "ed-json-scan-private.h"

typedef struct
{
  char        kind;   /* '{' or '[' */
  gsize       open;   /* offset of the bracket */
  guint       index;  /* a list: the element the checker is in */
  gsize       mark;   /* length of the path before the container's members */
  GHashTable *keys;   /* an object: key → offset + 1 where first given */
} Frame;

typedef struct
{
  const char *data;
  gsize       size;
  gsize       pos;
  gsize       last_end;  /* just after the last token */
  GArray     *frames;    /* Frame */
  GString    *path;      /* `steps[3].links`: where the checker is */
  GString    *key;       /* the key being read, unescaped */
  char       *place;
  char       *message;
} Guard;

static void
frame_clear (gpointer data)
{
  Frame *frame = data;

  g_clear_pointer (&frame->keys, g_hash_table_unref);
}

/* Line and column of @offset, both from 1; the column in characters. */
static void
locate (const Guard *self,
        gsize        offset,
        guint       *line,
        guint       *column)
{
  gsize line_start = 0;

  *line = 1;
  for (gsize i = 0; i < offset && i < self->size; i++)
    if (self->data[i] == '\n')
      {
        (*line)++;
        line_start = i + 1;
      }

  *column = 1;
  for (gsize i = line_start; i < offset && i < self->size; i++)
    if (((guchar) self->data[i] & 0xC0) != 0x80)
      (*column)++;
}

static char *
place_at (const Guard *self,
          gsize        offset)
{
  guint line, column;

  locate (self, offset, &line, &column);
  /* Translators: where a file's JSON is broken */
  return g_strdup_printf (_("line %u, column %u"), line, column);
}

static gboolean
fail_at (Guard      *self,
         gsize       offset,
         const char *format,
         ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail_at (Guard      *self,
         gsize       offset,
         const char *format,
         ...)
{
  va_list args;

  if (self->message != NULL)
    return FALSE;

  va_start (args, format);
  self->message = g_strdup_vprintf (format, args);
  va_end (args);
  self->place = place_at (self, offset);

  return FALSE;
}

/* Broken JSON: said as the readers always said it, then why. */
static gboolean
broken_at (Guard      *self,
           gsize       offset,
           const char *format,
           ...) G_GNUC_PRINTF (3, 4);

static gboolean
broken_at (Guard      *self,
           gsize       offset,
           const char *format,
           ...)
{
  g_autofree char *why = NULL;
  va_list args;

  va_start (args, format);
  why = g_strdup_vprintf (format, args);
  va_end (args);

  return fail_at (self, offset, _("the file is not valid JSON: %s"), why);
}

/* The character at @offset, to be named in a message; an invisible one
 * as U+XXXX. */
static char *
character_at (const Guard *self,
              gsize        offset)
{
  const char *p = self->data + offset;
  gunichar c = g_utf8_get_char (p);

  if (!g_unichar_isgraph (c))
    return g_strdup_printf ("U+%04X", c);
  return g_strndup (p, g_utf8_next_char (p) - p);
}

/* What stands at @offset, to be named in a message: a word, or one
 * character. */
static char *
token_at (const Guard *self,
          gsize        offset)
{
  const char *p = self->data + offset;
  gsize n = 0;

  while (offset + n < self->size && n < 24 &&
         (g_ascii_isalnum (p[n]) || p[n] == '.' || p[n] == '+' || p[n] == '-' || p[n] == '_'))
    n++;
  if (n > 0)
    return g_strndup (p, n);

  return character_at (self, offset);
}

static void
skip_space (Guard *self)
{
  while (self->pos < self->size)
    {
      char c = self->data[self->pos];

      if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
        break;
      self->pos++;
    }
}

static int
hex_value (char c)
{
  if (g_ascii_isdigit (c))
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads four hex digits at @at; -1 when they are not. */
static int
read_hex4 (const Guard *self,
           gsize        at)
{
  int value = 0;

  if (at + 4 > self->size)
    return -1;
  for (gsize i = at; i < at + 4; i++)
    {
      int digit = hex_value (self->data[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

/* Reads a text from its opening quote; into @out, unescaped, when not
 * %NULL. */
static gboolean
read_string (Guard   *self,
             GString *out)
{
  gsize start = self->pos;

  self->pos++;
  while (self->pos < self->size)
    {
      guchar c = (guchar) self->data[self->pos];
      gsize at = self->pos;

      if (c == '"')
        {
          self->pos++;
          return TRUE;
        }

      if (c < 0x20)
        return broken_at (self, at, _("a control character, such as a line break or a tab, "
                                      "is inside a text: write it as \\n or \\t"));

      if (c != '\\')
        {
          if (out != NULL)
            g_string_append_c (out, (char) c);
          self->pos++;
          continue;
        }

      if (at + 1 >= self->size)
        break;

      switch (self->data[at + 1])
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          if (out != NULL)
            {
              const char *from = "\"\\/bfnrt";
              const char *to = "\"\\/\b\f\n\r\t";

              g_string_append_c (out, to[strchr (from, self->data[at + 1]) - from]);
            }
          self->pos += 2;
          break;

        case 'u':
          {
            int unit = read_hex4 (self, at + 2);
            gunichar character;

            if (unit < 0)
              return broken_at (self, at,
                                _("“\\u” must be followed by four hexadecimal digits"));
            self->pos += 6;

            if (unit == 0)
              return broken_at (self, at, _("the character U+0000 cannot be in a text: "
                                            "remove “\\u0000”"));
            if (unit >= 0xDC00 && unit <= 0xDFFF)
              return broken_at (self, at, _("“\\u%04X” is the second half of a character "
                                            "without its first half: write the whole character"),
                                (guint) unit);
            character = (gunichar) unit;
            if (unit >= 0xD800 && unit <= 0xDBFF)
              {
                int low = -1;

                if (self->pos + 1 < self->size && self->data[self->pos] == '\\' &&
                    self->data[self->pos + 1] == 'u')
                  low = read_hex4 (self, self->pos + 2);
                if (low < 0xDC00 || low > 0xDFFF)
                  return broken_at (self, at, _("“\\u%04X” is the first half of a character "
                                                "without its second half: write the whole "
                                                "character"), (guint) unit);
                character = 0x10000 + (((gunichar) unit - 0xD800) << 10) +
                            ((gunichar) low - 0xDC00);
                self->pos += 6;
              }
            if (out != NULL)
              g_string_append_unichar (out, character);
          }
          break;

        default:
          {
            g_autofree char *escape = character_at (self, at + 1);

            /* Translators: %s is what follows a backslash, such as "x" */
            return broken_at (self, at, _("“\\%s” is not an escape of JSON: write \\\\ for a "
                                          "backslash"), escape);
          }
        }
    }

  self->last_end = self->size;
  return broken_at (self, start, _("the text that starts here never ends: a closing “\"” "
                                   "is missing"));
}

static gboolean
is_number_char (char c)
{
  return g_ascii_isalnum (c) || c == '.' || c == '+' || c == '-';
}

/* The number grammar of RFC 8259. */
static gboolean
is_json_number (const char *p)
{
  if (*p == '-')
    p++;
  if (*p == '0')
    p++;
  else if (*p >= '1' && *p <= '9')
    while (g_ascii_isdigit (*p))
      p++;
  else
    return FALSE;

  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }

  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '+' || *p == '-')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }

  return *p == '\0';
}

static gboolean
read_number (Guard *self)
{
  gsize start = self->pos;
  g_autofree char *text = NULL;
  gboolean whole;

  while (self->pos < self->size && is_number_char (self->data[self->pos]) &&
         self->pos - start < 400)
    self->pos++;
  text = g_strndup (self->data + start, self->pos - start);

  if (!is_json_number (text))
    return broken_at (self, start,
                      _("“%s” is not a number as JSON writes it, such as 12, -3 or 1.5"), text);

  /* json-glib would wrap a whole number beyond 64 bits. */
  whole = strpbrk (text, ".eE") == NULL;
  errno = 0;
  if (whole)
    g_ascii_strtoll (text, NULL, 10);
  if ((whole && errno == ERANGE) || (!whole && isinf (g_ascii_strtod (text, NULL))))
    return broken_at (self, start, _("the number %s is too large"), text);

  return TRUE;
}

static gboolean
read_literal (Guard *self)
{
  static const char * const literals[] = { "true", "false", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      gsize length = strlen (literals[i]);

      if (self->size - self->pos >= length &&
          memcmp (self->data + self->pos, literals[i], length) == 0 &&
          (self->pos + length == self->size || !g_ascii_isalnum (self->data[self->pos + length])))
        {
          self->pos += length;
          return TRUE;
        }
    }

  return FALSE;
}

static Frame *
top_frame (Guard *self)
{
  return &g_array_index (self->frames, Frame, self->frames->len - 1);
}

static gboolean
open_container (Guard *self)
{
  Frame frame = { 0 };

  if (self->frames->len >= ED_JSON_MAX_DEPTH)
    return fail_at (self, self->pos, _("objects and lists are nested more than %d deep here; no "
                                       "Entry Desk file is: check that this is the right file"),
                    ED_JSON_MAX_DEPTH);

  frame.kind = self->data[self->pos];
  frame.open = self->pos;
  frame.mark = self->path->len;
  g_array_append_val (self->frames, frame);
  self->pos++;

  return TRUE;
}

static void
close_container (Guard *self)
{
  g_string_truncate (self->path, top_frame (self)->mark);
  g_array_set_size (self->frames, self->frames->len - 1);
  self->pos++;
}

/* A key given twice is refused at the second, with both lines. */
static gboolean
add_key (Guard *self,
         gsize  at)
{
  Frame *frame = top_frame (self);
  gpointer first;

  if (frame->keys == NULL)
    frame->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  first = g_hash_table_lookup (frame->keys, self->key->str);
  ed_json_guard_append_key (self->path, self->key->str);
  if (first != NULL)
    {
      guint line, first_line, column;

      locate (self, GPOINTER_TO_SIZE (first) - 1, &first_line, &column);
      locate (self, at, &line, &column);
      self->place = g_strdup (self->path->str);
      if (first_line == line)
        self->message = g_strdup_printf (_("this key is given twice on line %u: keep only one "
                                           "of them"), line);
      else
        self->message = g_strdup_printf (_("this key is given twice, on lines %u and %u: keep "
                                           "only one of them"), first_line, line);
      return FALSE;
    }

  g_hash_table_insert (frame->keys, g_strdup (self->key->str), GSIZE_TO_POINTER (at + 1));
  return TRUE;
}

/* What went wrong where a value or a key should be: the end of the file
 * (it was cut short), or something else. */
static gboolean
fail_truncated (Guard *self)
{
  guint line, column;
  Frame *frame;

  if (self->frames->len == 0)
    return broken_at (self, self->last_end, _("the file ends where a value should be: it may "
                                              "have been cut short"));

  frame = top_frame (self);
  locate (self, frame->open, &line, &column);
  if (frame->kind == '{')
    return broken_at (self, self->last_end, _("the file ends before the object opened on line "
                                              "%u, column %u is closed: it may have been cut "
                                              "short"), line, column);
  return broken_at (self, self->last_end, _("the file ends before the list opened on line %u, "
                                            "column %u is closed: it may have been cut short"),
                    line, column);
}

static gboolean
read_value (Guard *self)
{
  char c;

  skip_space (self);
  if (self->pos >= self->size)
    return fail_truncated (self);

  c = self->data[self->pos];
  if (c == '{' || c == '[')
    return open_container (self);
  if (c == '"')
    return read_string (self, NULL);
  if (c == '-' || g_ascii_isdigit (c))
    return read_number (self);
  if (read_literal (self))
    return TRUE;

  if (c == ',')
    return broken_at (self, self->pos, _("a “,” too many: remove it"));

  {
    g_autofree char *token = token_at (self, self->pos);

    return broken_at (self, self->pos, _("“%s” is not a value: a value is a text in “\"”, a "
                                         "number, true, false, null, an object or a list"),
                      token);
  }
}

static gboolean
read_key (Guard *self)
{
  gsize at;

  skip_space (self);
  if (self->pos >= self->size)
    return fail_truncated (self);

  at = self->pos;
  if (self->data[at] != '"')
    {
      g_autofree char *token = token_at (self, at);

      if (self->data[at] == '}')
        return broken_at (self, at, _("a “,” before “}”: remove the last “,”"));
      if (self->data[at] == ',')
        return broken_at (self, at, _("a “,” too many: remove it"));
      return broken_at (self, at, _("“%s” is not a key: a key is a text in “\"”"), token);
    }

  g_string_truncate (self->key, 0);
  if (!read_string (self, self->key))
    return FALSE;
  self->last_end = self->pos;
  if (!add_key (self, at))
    return FALSE;

  skip_space (self);
  if (self->pos >= self->size)
    return fail_truncated (self);
  if (self->data[self->pos] != ':')
    {
      g_autofree char *token = token_at (self, self->pos);

      return broken_at (self, self->pos, _("“%s” where a “:” should follow the key"),
                        token);
    }
  self->pos++;
  self->last_end = self->pos;

  return TRUE;
}

/* After a value: its container goes on, ends, or the document ends. */
static gboolean
after_value (Guard    *self,
             gboolean *done)
{
  Frame *frame;
  char c;

  *done = FALSE;
  skip_space (self);

  if (self->frames->len == 0)
    {
      gsize at = self->pos;
      g_autofree char *token = NULL;

      *done = TRUE;
      if (at >= self->size)
        return TRUE;

      c = self->data[at];
      if (c == '{' || c == '[' || c == '"' || c == '-' || g_ascii_isdigit (c) ||
          read_literal (self))
        return broken_at (self, at, _("a second JSON document starts here, but a file holds only "
                                      "one: remove it"));

      token = token_at (self, at);
      return broken_at (self, at, _("“%s” after the end of the JSON document: remove everything "
                                    "after its last “}” or “]”"), token);
    }

  if (self->pos >= self->size)
    return fail_truncated (self);

  frame = top_frame (self);
  g_string_truncate (self->path, frame->mark);
  c = self->data[self->pos];
  if (c == (frame->kind == '{' ? '}' : ']'))
    {
      close_container (self);
      self->last_end = self->pos;
      return after_value (self, done);
    }

  if (c != ',')
    {
      g_autofree char *token = token_at (self, self->pos);

      if (frame->kind == '{')
        return broken_at (self, self->pos, _("“%s” where a “,” or a “}” should be"),
                          token);
      return broken_at (self, self->pos, _("“%s” where a “,” or a “]” should be"), token);
    }

  self->pos++;
  self->last_end = self->pos;
  if (frame->kind == '{')
    return read_key (self);

  frame->index++;
  skip_space (self);
  if (self->pos < self->size && self->data[self->pos] == ']')
    return broken_at (self, self->pos, _("a “,” before “]”: remove the last “,”"));
  g_string_append_printf (self->path, "[%u]", frame->index);
  return TRUE;
}

/* Checks the document, a value at a time; a container just opened
 * reads its first member or closes at once. */
static gboolean
check_document (Guard *self)
{
  gboolean done = FALSE;

  while (!done)
    {
      gsize depth = self->frames->len;

      if (!read_value (self))
        return FALSE;
      self->last_end = self->pos;

      if (self->frames->len > depth)
        {
          Frame *frame = top_frame (self);
          char close = frame->kind == '{' ? '}' : ']';

          skip_space (self);
          if (self->pos < self->size && self->data[self->pos] == close)
            {
              close_container (self);
              self->last_end = self->pos;
            }
          else if (frame->kind == '{')
            {
              if (!read_key (self))
                return FALSE;
              continue;
            }
          else
            {
              g_string_append (self->path, "[0]");
              continue;
            }
        }

      if (!after_value (self, &done))
        return FALSE;
    }

  return TRUE;
}

/* UTF-8 text without NUL bytes. */
static gboolean
check_text (Guard *self)
{
  const char *end;

  if (g_utf8_validate_len (self->data, self->size, &end))
    return TRUE;

  if (*end == '\0')
    return fail_at (self, (gsize) (end - self->data), _("a NUL byte: this is not a text file; "
                                                        "check that this is the right file"));
  return fail_at (self, (gsize) (end - self->data), _("this is not UTF-8 text: save the file "
                                                      "as UTF-8"));
}

/**
 * _ed_json_scan:
 * @place: (out): where the text goes wrong, or %NULL
 * @message: (out): what is wrong and what to do, or %NULL
 *
 * Checks that @data is one strict JSON document, not too deep, with no
 * key twice; ed_json_guard_check() has checked its size.
 *
 * Returns: whether it is
 */
gboolean
_ed_json_scan (const char  *data,
               gsize        size,
               char       **place,
               char       **message)
{
  Guard self = { 0 };

  self.data = data;
  self.size = size;

  if (check_text (&self))
    {
      if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
        self.pos = 3;
      skip_space (&self);
      if (self.pos >= size)
        self.message = g_strdup (_("the file is empty: there is no JSON in it; check that this "
                                   "is the right file and that it was saved completely"));
      else
        {
          self.frames = g_array_new (FALSE, TRUE, sizeof (Frame));
          g_array_set_clear_func (self.frames, frame_clear);
          self.path = g_string_new (NULL);
          self.key = g_string_new (NULL);
          check_document (&self);
          g_array_unref (self.frames);
          g_string_free (self.path, TRUE);
          g_string_free (self.key, TRUE);
        }
    }

  *place = self.place;
  *message = self.message;
  return self.message == NULL;
}
