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
 * And one for searching (ed_fold_search): what the case search indexes
 * and the Procedures view compares, so that what is typed in one script
 * finds what was written in another.
 *
 * A leaf: it knows nothing of travellers or procedures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ed-fold.h"
#include "ed-fold-han-table.h"

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

static int
compare_han (const void *key,
             const void *entry)
{
  guint32 c = *(const guint32 *) key;
  guint32 from = ((const guint32 *) entry)[0];

  return c < from ? -1 : c > from ? 1 : 0;
}

/**
 * ed_fold_han:
 *
 * Simplified, Traditional and Japanese forms of a Han character meet in
 * one (張 and 张, 澤 沢 and 泽, 國 and 国): OpenCC's variant tables, folded
 * to the Simplified Chinese form (build-aux/gen-han-fold.py says how a
 * character with several is folded). Any other character is returned
 * as it is.
 */
gunichar
ed_fold_han (gunichar c)
{
  const guint32 *entry;
  guint32 key = c;

  /* Below the CJK radicals there is nothing to fold. */
  if (c < 0x2E80)
    return c;

  entry = bsearch (&key, han_fold_table, G_N_ELEMENTS (han_fold_table),
                   sizeof han_fold_table[0], compare_han);
  return entry != NULL ? entry[1] : c;
}

/* Katakana and hiragana spell the same sounds: furigana is typed in
 * either, so both fold to hiragana. */
static gunichar
fold_kana (gunichar c)
{
  if (c >= 0x30A1 && c <= 0x30F6)
    return c - 0x60;
  return c;
}

/**
 * ed_fold_search:
 *
 * Returns: (transfer full): @text as a search compares it: NFKC (so
 *   full-width ＥＲＩ and half-width ｴﾘ read as typed elsewhere, and CJK
 *   compatibility ideographs as their unified ones), case folded, katakana
 *   as hiragana, Han variants as one (ed_fold_han())
 */
char *
ed_fold_search (const char *text)
{
  g_autofree char *normalized = NULL;
  g_autofree char *folded = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (normalized == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (normalized, -1);

  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    g_string_append_unichar (out, ed_fold_han (fold_kana (g_utf8_get_char (p))));

  return g_string_free (out, FALSE);
}
