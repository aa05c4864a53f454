/* ed-sheet-breaks.c — where a line of a sheet may end
 *
 * Pango breaks lines by Unicode's rules; a printed page needs a few
 * more, as Japanese and Chinese typesetters have them (JIS X 4051):
 *
 * - no line starts with closing punctuation, a middle dot or a small
 *   kana, and none ends with an opening bracket (kinsoku);
 * - a URL breaks only after a "/", so that what is left on each line
 *   is still a whole part of the address;
 * - a paragraph of Chinese or Japanese (each one of a text with line
 *   breaks) never ends with one character alone on its last line;
 * - a heading breaks between phrases (after a particle, punctuation or
 *   a space), never inside a word: 使|用, 待|機, "14-|day".
 *
 * Each rule forbids breaks, as ranges of PANGO_ATTR_ALLOW_BREAKS; one
 * pass over the text, so the time stays linear in its length.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ed-sheet-breaks.h"

/* Never at the start of a line. */
static const char no_start[] =
  "）〕］｝〉》」』】〙〗〟’”｠»、。，．：；！？‐゠–〜ー・·…‥ヽヾゝゞ々〻"
  "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
  ")]},.:;!?%％";

/* Never at the end of a line. */
static const char no_end[] = "（〔［｛〈《「『【〘〖〝‘“｟«([{";

/* A heading may break after these. */
static const char phrase_end[] = "、，。：；！？・·／/）〕］｝〉》」』】 　";

/* Nor inside a Chinese heading, except after these words (作为|健康保险证,
 * 免签与|240小时). */
static const char chinese_phrase_end[] = "的和与與及并並或为為于從从";

static gboolean
is_in (const char *set,
       gunichar    c)
{
  char utf8[8];
  int length = g_unichar_to_utf8 (c, utf8);

  utf8[length] = '\0';
  return c != 0 && strstr (set, utf8) != NULL;
}

static gboolean
is_hiragana (gunichar c)
{
  return c >= 0x3041 && c <= 0x309f;
}

static gboolean
is_cjk (gunichar c)
{
  return (c >= 0x3040 && c <= 0x30ff) ||  /* kana */
         (c >= 0x3400 && c <= 0x9fff) ||  /* Han */
         (c >= 0xac00 && c <= 0xd7af) ||  /* Hangul */
         (c >= 0xf900 && c <= 0xfaff);
}

static gboolean
is_letter (gunichar c)
{
  return !g_unichar_isspace (c) && !g_unichar_ispunct (c) && !is_in (no_start, c);
}

/* The URLs of @chars: spans [start, end) of characters. */
static void
mark_urls (const gunichar *chars,
           guint           n,
           gboolean        whole,
           gboolean       *forbid)
{
  for (guint i = 0; i < n; i++)
    {
      guint end = i;

      if (!whole)
        {
          gboolean starts = FALSE;
          static const char * const prefixes[] = { "https://", "http://", "www." };

          for (guint p = 0; p < G_N_ELEMENTS (prefixes) && !starts; p++)
            {
              guint length = strlen (prefixes[p]);

              starts = i + length <= n;
              for (guint k = 0; starts && k < length; k++)
                starts = chars[i + k] == (gunichar) prefixes[p][k];
            }
          if (!starts || (i > 0 && chars[i - 1] > ' ' && chars[i - 1] < 0x80 &&
                          g_ascii_isalnum ((char) chars[i - 1])))
            continue;
        }

      /* Printable ASCII up to a space or the end. */
      while (end < n && chars[end] > ' ' && chars[end] < 0x7f)
        end++;
      for (guint k = i + 1; k < end; k++)
        if (chars[k - 1] != '/')
          forbid[k] = TRUE;
      i = MAX (i, end);
    }
}

static void
mark_heading (const gunichar *chars,
              guint           n,
              EdLanguage      language,
              gboolean       *forbid)
{
  for (guint i = 1; i < n; i++)
    {
      gunichar before = chars[i - 1];
      gunichar c = chars[i];
      gboolean allowed = is_in (phrase_end, before) || g_unichar_isspace (before) ||
                         is_in (no_end, c);

      /* Japanese: after the particle that ends a phrase, before the next
       * word (アプリを|インストール, 待機期間の|過ごし方). */
      if (language == ED_LANGUAGE_JA && is_hiragana (before) && !is_hiragana (c) &&
          is_letter (c))
        allowed = TRUE;
      if ((language == ED_LANGUAGE_ZH_CN || language == ED_LANGUAGE_ZH_TW) &&
          is_in (chinese_phrase_end, before) && (is_cjk (c) || g_unichar_isalnum (c)))
        allowed = TRUE;

      if (!allowed)
        forbid[i] = TRUE;
    }
}

/* The last two letters of the paragraph [from, to) stay on one line. */
static void
mark_widow (const gunichar *chars,
            guint           from,
            guint           to,
            gboolean       *forbid)
{
  guint last = to, before_last = to;

  for (guint i = to; i-- > from; )
    if (is_letter (chars[i]))
      {
        if (last == to)
          last = i;
        else
          {
            before_last = i;
            break;
          }
      }

  /* Only for Chinese and Japanese: a Latin word is whole anyway. */
  if (before_last == to || (!is_cjk (chars[last]) && !is_cjk (chars[before_last])) ||
      g_unichar_isspace (chars[before_last + 1]))
    return;

  for (guint i = before_last + 1; i < to; i++)
    forbid[i] = TRUE;
}

/**
 * ed_sheet_breaks_apply:
 * @rules: which rules apply to @text
 *
 * Adds the rules' forbidden breaks to @attrs, whose text is @text.
 *
 * Returns: whether any break was forbidden
 */
gboolean
ed_sheet_breaks_apply (PangoAttrList   *attrs,
                       const char      *text,
                       EdLanguage       language,
                       EdSheetBreaks    rules)
{
  g_autofree gunichar *chars = NULL;
  g_autofree guint *offsets = NULL;
  g_autofree gboolean *forbid = NULL;
  gboolean any = FALSE;
  glong n = 0;
  guint i = 0;

  chars = g_utf8_to_ucs4_fast (text, -1, &n);
  if (n < 2)
    return FALSE;

  offsets = g_new (guint, n + 1);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    offsets[i++] = p - text;
  offsets[n] = strlen (text);
  forbid = g_new0 (gboolean, n + 1);

  if (rules & ED_SHEET_BREAKS_KINSOKU)
    for (i = 1; i < (guint) n; i++)
      if (is_in (no_start, chars[i]) || is_in (no_end, chars[i - 1]))
        forbid[i] = TRUE;
  if (rules & (ED_SHEET_BREAKS_URLS | ED_SHEET_BREAKS_URL))
    mark_urls (chars, n, (rules & ED_SHEET_BREAKS_URL) != 0, forbid);
  if (rules & ED_SHEET_BREAKS_HEADING)
    mark_heading (chars, n, language, forbid);
  /* Each paragraph of the text: a line break in it starts another. */
  if ((rules & ED_SHEET_BREAKS_WIDOW) && language != ED_LANGUAGE_EN)
    for (guint from = 0, to = 0; to <= (guint) n; to++)
      if (to == (guint) n || chars[to] == '\n')
        {
          mark_widow (chars, from, to, forbid);
          from = to + 1;
        }

  /* A line break in the text stays one. */
  for (i = 1; i < (guint) n; i++)
    if (chars[i - 1] == '\n' || chars[i] == '\n')
      forbid[i] = FALSE;

  /* Breaks i … j forbidden: a range from the character before i to the
   * one at j, inside which Pango breaks nowhere. */
  for (i = 1; i < (guint) n; i++)
    {
      guint j = i;
      PangoAttribute *attr;

      if (!forbid[i])
        continue;
      while (j + 1 < (guint) n && forbid[j + 1])
        j++;
      attr = pango_attr_allow_breaks_new (FALSE);
      attr->start_index = offsets[i - 1];
      attr->end_index = offsets[j + 1];
      pango_attr_list_insert (attrs, attr);
      any = TRUE;
      i = j;
    }

  return any;
}
