/* ed-fold.c — text folding: widths, NFKC, the characters pasted from web pages
 *
 * Two strengths, chosen by the caller:
 *
 * - Width only (ed_fold_width) for text that may be in Chinese or
 *   Japanese: names in native script, furigana, addresses. Only the
 *   "Halfwidth and Fullwidth Forms" block and the ideographic space are
 *   folded: ＡＢ１ → AB1, half-width katakana ｶﾞ → ガ. Full NFKC would
 *   also rewrite ㈱ → (株), ① → 1, ㍻ → 平成 and CJK compatibility
 *   ideographs such as 神 (U+FA19) → 神, which changes how a person's
 *   name or an address is written.
 * - Full NFKC (ed_fold_nfkc) for what must end up in Latin letters and
 *   digits anyway.
 *
 * A leaf: it knows nothing of travellers or procedures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ed-fold.h"

static char *
make_valid (const char *text)
{
  return g_utf8_make_valid (text, -1);
}

static gboolean
is_other_space (gunichar c)
{
  return c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F;
}

static gboolean
is_invisible (gunichar c)
{
  return c == 0x200B || c == 0xFEFF;
}

/* ed_fold_is_dash: the dashes people type or paste into numbers, including the katakana
 * prolonged sound mark a Japanese input method gives for "-". */
gboolean
ed_fold_is_dash (gunichar c)
{
  return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 ||
         c == 0x30FC || c == 0xFE63 || c == 0xFF0D || c == 0xFF70;
}

/**
 * ed_fold_width:
 *
 * Full-width ASCII (ＡＢ１２＠) becomes ASCII, the ideographic space and
 * other wide spaces a space, half-width katakana full-width; zero-width
 * spaces pasted from web pages go. Nothing else changes.
 *
 * Returns: (transfer full) (nullable): the text
 */
char *
ed_fold_width (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;
  const char *p;

  if (text == NULL)
    return NULL;

  valid = make_valid (text);
  out = g_string_sized_new (strlen (valid));

  for (p = valid; *p != '\0';)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (c == 0x3000 || is_other_space (c))
        g_string_append_c (out, ' ');
      else if (is_invisible (c))
        ;
      else if (c >= 0xFF01 && c <= 0xFF5E)
        g_string_append_c (out, (char) (c - 0xFEE0));
      else if (c >= 0xFF5F && c <= 0xFFEF)
        {
          g_autofree char *run = NULL;
          g_autofree char *folded = NULL;
          const char *end = next;
          gunichar first;

          /* A run, so that ｶ and ﾞ compose to ガ. */
          while (*end != '\0' && g_utf8_get_char (end) >= 0xFF5F && g_utf8_get_char (end) <= 0xFFEF)
            end = g_utf8_next_char (end);
          run = g_strndup (p, (gsize) (end - p));
          folded = g_utf8_normalize (run, -1, G_NORMALIZE_NFKC);
          first = g_utf8_get_char (folded);

          /* A lone ﾞ after a full-width kana: compose with it. */
          if ((first == 0x3099 || first == 0x309A) && out->len > 0)
            {
              const char *last = g_utf8_find_prev_char (out->str, out->str + out->len);
              gunichar composed;

              if (last != NULL && g_unichar_compose (g_utf8_get_char (last), first, &composed))
                {
                  g_string_truncate (out, (gsize) (last - out->str));
                  g_string_append_unichar (out, composed);
                  g_string_append (out, g_utf8_next_char (folded));
                  p = end;
                  continue;
                }
            }
          g_string_append (out, folded);
          next = end;
        }
      else
        g_string_append_len (out, p, next - p);

      p = next;
    }

  return g_string_free (out, FALSE);
}

/**
 * ed_fold_nfkc:
 *
 * NFKC, then surrounding white space trimmed: for what must end up in
 * Latin letters and digits anyway.
 */
char *
ed_fold_nfkc (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *width = NULL;
  char *folded;

  if (text == NULL)
    return NULL;

  /* The width pass first drops the invisible characters NFKC keeps. */
  valid = make_valid (text);
  width = ed_fold_width (valid);
  folded = g_utf8_normalize (width, -1, G_NORMALIZE_NFKC);

  return g_strstrip (folded);
}

/**
 * ed_fold_nfkc_dropping:
 *
 * NFKC, trimmed, without the characters @drop says are not part of the
 * value (the separators people type inside numbers).
 */
char *
ed_fold_nfkc_dropping (const char *text,
               gboolean  (*drop) (gunichar c))
{
  g_autofree char *folded = ed_fold_nfkc (text);
  GString *out = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!drop (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * ed_fold_text:
 *
 * For names in native script, furigana, addresses and free text:
 * ed_fold_width() and surrounding spaces trimmed.
 */
char *
ed_fold_text (const char *text)
{
  char *width;

  if (text == NULL)
    return NULL;

  width = ed_fold_width (text);
  return g_strstrip (width);
}
