/* ed-string.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ed-string.h"

/**
 * ed_string_replace:
 * @slot: the text held, owned
 * @value: (nullable): the new text; "" is the same as none, as it is to
 *   a user
 *
 * Returns: whether the text changed, so that the holder notifies only
 *   real changes
 */
gboolean
ed_string_replace (char       **slot,
                   const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;

  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

/* A character that makes a terminal do something instead of showing
 * it, or that reorders what it shows (bidirectional overrides). */
static gboolean
is_control (gunichar c)
{
  if (c == '\n' || c == '\t')
    return FALSE;

  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029;
}

/**
 * ed_string_escape_controls:
 * @text: (nullable): text that may come from a file
 *
 * What a file says is shown on a terminal as text, never obeyed: escape
 * sequences, carriage returns, backspaces and bidirectional overrides
 * are written as `\x1B` or `\u202E`, bytes that are not UTF-8 as
 * `\xFF`. Line breaks and tabs stay.
 *
 * Returns: (transfer full): the text, escaped
 */
char *
ed_string_escape_controls (const char *text)
{
  GString *out;
  const char *p;
  const char *end;

  if (text == NULL)
    return g_strdup ("");

  end = text + strlen (text);
  out = g_string_sized_new (end - text);
  for (p = text; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02X", (guchar) *p);
          p++;
          continue;
        }

      if (!is_control (c))
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      else if (c < 0x80)
        g_string_append_printf (out, "\\x%02X", c);
      else
        g_string_append_printf (out, "\\u%04X", c);
      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}
