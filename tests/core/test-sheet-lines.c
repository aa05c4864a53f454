/* test-sheet-lines.c — every line of every shipped sheet, as laid out
 *
 * Walks each line of each text of each shipped procedure's sheet (the
 * cover and the detailed steps) in Chinese and Japanese side by side and
 * in English, and checks what a typographer would: no line starts with
 * closing punctuation or a middle dot; no paragraph's last line is one
 * character; a heading breaks between phrases, never inside a word; an
 * address breaks only after a "/". A failure names the procedure, the
 * page and the line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ed-core.h"
#include "ed-sheet-private.h"
#include "ed-test-procedure.h"

/* Never at the start of a line. */
static const char closing[] = "、。，．）」』】〕！？：；·・";

/* A heading may break after these. */
static const char phrase_end[] = "、，。：；！？・·／/）〕］｝〉》」』】";

/* … or before these. */
static const char opening[] = "（〔［｛〈《「『【(";

/* Chinese words after which a phrase may end: 作为|健康保险证. */
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

/* A character a reader counts: not a space, not punctuation. */
static gboolean
is_letter (gunichar c)
{
  return !g_unichar_isspace (c) && !g_unichar_ispunct (c) && !is_in (closing, c) &&
         c != 0x30fc;
}

static guint
count_letters (const char *line)
{
  guint n = 0;

  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    if (is_letter (g_utf8_get_char (p)))
      n++;
  return n;
}

static gunichar
first_char (const char *line)
{
  while (*line == ' ' || *line == '\t')
    line++;
  return g_utf8_get_char (line);
}

static gunichar
last_char (const char *line,
           gboolean   *space)
{
  const char *end = line + strlen (line);

  *space = FALSE;
  while (end > line && (end[-1] == ' ' || end[-1] == '\t'))
    {
      end--;
      *space = TRUE;
    }
  if (end == line)
    return 0;
  return g_utf8_get_char (g_utf8_find_prev_char (line, end));
}

typedef struct
{
  const char *where;              /* procedure, languages, paper */
  GString    *failures;
  guint       n_failures;
  guint       n_lines;
} Walk;

static void
fail (Walk       *walk,
      guint       page,
      const char *line,
      const char *what)
{
  walk->n_failures++;
  if (walk->n_failures <= 60)
    g_string_append_printf (walk->failures, "%s, page %u: “%s” %s\n", walk->where, page + 1,
                            line, what);
}

/* The spans [start, end) of @text (bytes) that are web addresses. */
static GArray *
find_urls (const char *text)
{
  static const char * const prefixes[] = { "https://", "http://", "www." };
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  gboolean whole = TRUE;

  /* A text that is one address, as printed under a QR code. */
  for (const char *p = text; *p != '\0' && whole; p++)
    whole = *p > ' ' && *p < 0x7f;
  if (whole && strchr (text, '/') != NULL && strchr (text, '.') != NULL)
    {
      guint span[2] = { 0, strlen (text) };

      g_array_append_val (spans, span);
      return spans;
    }

  for (const char *p = text; *p != '\0'; p++)
    for (guint k = 0; k < G_N_ELEMENTS (prefixes); k++)
      if (g_str_has_prefix (p, prefixes[k]) &&
          (p == text || !g_ascii_isalnum (p[-1])))
        {
          const char *end = p;
          guint span[2];

          while (*end > ' ' && *end < 0x7f)
            end++;
          span[0] = p - text;
          span[1] = end - text;
          g_array_append_val (spans, span);
          p = end - 1;
          break;
        }

  return spans;
}

/* The lines [from, to) of @text form one paragraph. */
static void
check_urls (Walk              *walk,
            const EdSheetText *text,
            guint              from,
            guint              to,
            const guint       *pages)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autofree guint *starts = g_new (guint, to - from);
  g_autoptr(GArray) spans = NULL;

  for (guint l = from; l < to; l++)
    {
      g_autofree char *line = ed_sheet_text_dup_line (text, l);

      starts[l - from] = joined->len;
      g_string_append (joined, line);
    }

  spans = find_urls (joined->str);
  for (guint s = 0; s < spans->len; s++)
    {
      const guint *span = &g_array_index (spans, guint, s * 2);

      for (guint l = from + 1; l < to; l++)
        {
          guint at = starts[l - from];

          if (at > span[0] && at < span[1] && joined->str[at - 1] != '/')
            {
              g_autofree char *line = ed_sheet_text_dup_line (text, l);

              fail (walk, pages[l], line, "breaks an address elsewhere than after a “/”");
            }
        }
    }
}

static void
check_text (Walk              *walk,
            const EdSheetText *text,
            const guint       *pages)
{
  guint n = ed_sheet_text_get_n_lines (text);
  EdLanguage language = ed_sheet_text_get_language (text);
  guint paragraph = 0;

  for (guint l = 0; l < n; l++)
    {
      g_autofree char *line = ed_sheet_text_dup_line (text, l);
      gboolean starts = ed_sheet_text_line_starts_paragraph (text, l);
      gboolean ends = l + 1 == n || ed_sheet_text_line_starts_paragraph (text, l + 1);

      walk->n_lines++;
      if (starts)
        paragraph = l;

      if (!starts && is_in (closing, first_char (line)))
        fail (walk, pages[l], line, "starts with closing punctuation or a middle dot");

      if (ends && !starts && count_letters (line) <= 1)
        fail (walk, pages[l], line, "is a paragraph's last line of one character");

      if (!starts && ed_sheet_text_is_heading (text))
        {
          g_autofree char *before = ed_sheet_text_dup_line (text, l - 1);
          gboolean space;
          gunichar a = last_char (before, &space);
          gunichar b = first_char (line);
          gboolean phrase = space || g_unichar_isspace (b) || is_in (phrase_end, a) ||
                            is_in (opening, b) ||
                            (language == ED_LANGUAGE_JA && is_hiragana (a) && !is_hiragana (b)) ||
                            (language != ED_LANGUAGE_JA && language != ED_LANGUAGE_EN &&
                             is_in (chinese_phrase_end, a));

          if (!phrase)
            {
              g_autofree char *both = g_strdup_printf ("%s|%s", before, line);

              fail (walk, pages[l], both, "is a heading broken inside a word");
            }
        }

      if (ends)
        check_urls (walk, text, paragraph, l + 1, pages);
    }
}

static void
walk_sheet (Walk            *walk,
            EdSheetTemplate *sheet_template)
{
  g_autoptr(GHashTable) pages = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  GHashTableIter iter;
  gpointer key, value;

  /* A text split over two pages is one paragraph: the page of each of
   * its lines, then the text as a whole. */
  for (guint p = 0; p < ed_sheet_template_get_n_pages (sheet_template); p++)
    {
      const EdSheetPage *page = _ed_sheet_template_get_page (sheet_template, p);

      for (guint i = 0; i < page->ops->len; i++)
        {
          const EdSheetOp *op = &g_array_index (page->ops, EdSheetOp, i);
          guint *line_pages;

          if (op->kind != ED_SHEET_OP_TEXT)
            continue;
          line_pages = g_hash_table_lookup (pages, op->text);
          if (line_pages == NULL)
            {
              line_pages = g_new0 (guint, ed_sheet_text_get_n_lines (op->text));
              g_hash_table_insert (pages, op->text, line_pages);
            }
          for (guint l = op->first_line; l < op->first_line + op->n_lines; l++)
            line_pages[l] = p;
        }
    }

  g_hash_table_iter_init (&iter, pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    check_text (walk, key, value);
}

static void
test_sheet_lines (void)
{
  static const struct {
    const char *languages;
    EdPaper     paper;
  } sets[] = {
    { "zh_CN,ja", ED_PAPER_A4 },
    { "zh_CN,ja", ED_PAPER_LETTER },
    { "en", ED_PAPER_A4 },
  };
  g_autoptr(EdCatalog) catalog = ed_test_load_catalog ();
  GListModel *procedures = ed_catalog_get_procedures (catalog);
  g_autoptr(GString) failures = g_string_new (NULL);
  guint n_failures = 0, n_lines = 0;

  for (guint i = 0; i < g_list_model_get_n_items (procedures); i++)
    for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
      {
        g_autoptr(EdProcedure) procedure = g_list_model_get_item (procedures, i);
        g_autoptr(EdSheetOptions) options = ed_sheet_options_new ();
        g_autoptr(EdSheetTemplate) sheet_template = NULL;
        g_autoptr(GError) error = NULL;
        g_autofree char *where = g_strdup_printf ("%s %s %s", ed_procedure_get_id (procedure),
                                                  sets[s].languages,
                                                  ed_paper_to_string (sets[s].paper));
        Walk walk = { where, failures, 0, 0 };

        g_assert_true (ed_sheet_options_parse_languages (options, sets[s].languages, &error));
        ed_sheet_options_set_paper (options, sets[s].paper);
        sheet_template = ed_sheet_template_new (procedure, options, &error);
        g_assert_no_error (error);

        walk_sheet (&walk, sheet_template);
        g_test_message ("%s: %u lines, %u wrong", where, walk.n_lines, walk.n_failures);
        n_failures += walk.n_failures;
        n_lines += walk.n_lines;
      }

  g_test_message ("%u lines walked", n_lines);
  g_assert_cmpuint (n_lines, >, 10000);
  if (n_failures > 0)
    g_error ("%u lines break against the rules:\n%s", n_failures, failures->str);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sheet-lines/rules", test_sheet_lines);

  return g_test_run ();
}
