/* test-sheet.c — sheet layout: options, forms of Han characters, nothing
 * outside the margins, titles kept with their steps, PDF files
 *
 * What a reader sees in the PDF (text per language, QR codes, fonts) is
 * tested on the real files in tests/cli/test-cli-sheet.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define _GNU_SOURCE 1

#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "ed-core.h"
#include "ed-sheet-private.h"
#include "ed-test-procedure.h"
#include "ed-test-util.h"

#define EPSILON 0.5

static EdSheetOptions *
options_new (const char *languages,
             EdPaper     paper)
{
  EdSheetOptions *options = ed_sheet_options_new ();
  g_autoptr(GError) error = NULL;

  ed_sheet_options_parse_languages (options, languages, &error);
  g_assert_no_error (error);
  ed_sheet_options_set_paper (options, paper);
  return options;
}

static void
test_sheet_options (void)
{
  g_autoptr(EdSheetOptions) options = ed_sheet_options_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *string = NULL;
  const EdLanguage *languages;
  EdPaper paper;
  guint n;

  languages = ed_sheet_options_get_languages (options, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (languages[0], ==, ED_LANGUAGE_EN);
  g_assert_cmpint (ed_sheet_options_get_paper (options), ==, ED_PAPER_A4);
  g_assert_false (ed_sheet_options_get_personal_qr (options));

  g_assert_true (ed_sheet_options_parse_languages (options, "zh_CN, ja", &error));
  string = ed_sheet_options_dup_languages_string (options);
  g_assert_cmpstr (string, ==, "zh_CN,ja");

  g_assert_false (ed_sheet_options_parse_languages (options, "fr", &error));
  g_assert_error (error, ED_ERROR, ED_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ed_sheet_options_parse_languages (options, "en,ja,zh_CN,zh_TW", &error));
  g_assert_error (error, ED_ERROR, ED_ERROR_INVALID);
  g_clear_error (&error);
  /* Unchanged by the refusals. */
  languages = ed_sheet_options_get_languages (options, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (languages[0], ==, ED_LANGUAGE_ZH_CN);

  g_assert_true (ed_paper_from_string ("Letter", &paper));
  g_assert_cmpint (paper, ==, ED_PAPER_LETTER);
  g_assert_false (ed_paper_from_string ("a5", &paper));
  g_assert_false (ed_sheet_options_set_as_of (options, "2026-02-30"));
  g_assert_true (ed_sheet_options_set_as_of (options, "2026-02-28"));
  g_assert_cmpstr (ed_sheet_options_get_as_of (options), ==, "2026-02-28");
}

/* The language of a run picks the form of a Han character: 骨 and 直
 * are drawn differently in Japanese and in Simplified Chinese. */
static void
test_sheet_han_forms (void)
{
  const char *text = "骨直";
  EdSheetStyle style = { .size = 10, .color = 0 };
  g_autoptr(EdSheetText) ja = NULL;
  g_autoptr(EdSheetText) zh = NULL;
  g_autoptr(EdSheetText) ja_again = NULL;

  style.language = ED_LANGUAGE_JA;
  ja = ed_sheet_text_new (text, &style, 0, 0);
  ja_again = ed_sheet_text_new (text, &style, 0, 0);
  style.language = ED_LANGUAGE_ZH_CN;
  zh = ed_sheet_text_new (text, &style, 0, 0);

  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpuint (ed_sheet_text_get_glyph (ja, i), ==, ed_sheet_text_get_glyph (ja_again, i));
      g_assert_cmpuint (ed_sheet_text_get_glyph (ja, i), !=, ed_sheet_text_get_glyph (zh, i));
    }
}

/* A text shaped before in the same style and width is not shaped again
 * (a third of a sheet's texts are); one that differs in anything that
 * changes how it looks is. */
static void
test_sheet_text_cache (void)
{
  const char *text = "入境日本：14天待机期间 · MySOS";
  const EdSheetStyle base = { .language = ED_LANGUAGE_ZH_CN, .size = 15.75, .bold = TRUE };
  EdSheetStyle styles[9];
  g_autoptr(EdSheetText) first = ed_sheet_text_new (text, &base, 120, 0);
  g_autoptr(EdSheetText) again = ed_sheet_text_new (text, &base, 120, 0);
  g_autofree char *copy = g_strdup (text);
  g_autoptr(EdSheetText) copied = ed_sheet_text_new (copy, &base, 120, 0);

  g_assert_true (again == first);
  g_assert_true (copied == first);
  g_assert_cmpuint (ed_sheet_text_get_n_lines (again), >, 1);

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    styles[i] = base;
  styles[0].language = ED_LANGUAGE_JA;
  styles[1].size = 15.5;
  styles[2].bold = FALSE;
  styles[3].color = 0x1a5fb4;
  styles[4].align = ED_SHEET_ALIGN_CENTER;
  styles[5].line_spacing = 1.3;
  styles[6].max_lines = 1;
  styles[7].heading = TRUE;
  styles[8].wrap = ED_SHEET_WRAP_CHAR;
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      g_autoptr(EdSheetText) other = ed_sheet_text_new (text, &styles[i], 120, 0);

      g_test_message ("style %u", i);
      g_assert_true (other != first);
    }

  {
    g_autoptr(EdSheetText) wider = ed_sheet_text_new (text, &base, 400, 0);
    g_autoptr(EdSheetText) indented = ed_sheet_text_new (text, &base, 120, 8);
    g_autoptr(EdSheetText) shorter = ed_sheet_text_new ("入境日本：14天待机期间", &base, 120, 0);

    g_assert_true (wider != first);
    g_assert_cmpuint (ed_sheet_text_get_n_lines (wider), ==, 1);
    g_assert_true (indented != first);
    g_assert_true (shorter != first);
  }
}

/* Measures fonts of sizes no thread used before, each in a font map of
 * its own thread, as the threads of a sheet do: @data is the first
 * size, in tenths of a point. Returns how many came without an
 * approximate character width. */
static gpointer
measure_fonts (gpointer data)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  PangoLanguage *japanese = pango_language_from_string ("ja");
  guint zero = 0;

  for (guint i = 0; i < 60; i++)
    {
      PangoFontDescription *description = pango_font_description_from_string ("Noto Sans CJK JP");
      PangoFont *font;
      PangoFontMetrics *metrics;

      pango_font_description_set_absolute_size (description,
                                                (GPOINTER_TO_UINT (data) + i) * PANGO_SCALE / 10.0);
      font = pango_context_load_font (context, description);
      metrics = pango_font_get_metrics (font, japanese);
      if (pango_font_metrics_get_approximate_char_width (metrics) == 0)
        zero++;
      pango_font_metrics_unref (metrics);
      g_object_unref (font);
      pango_font_description_free (description);
    }
  g_object_unref (context);

  return GUINT_TO_POINTER (zero);
}

/* Pango 1.50 measures a font in one thread at a time only, or keeps a
 * width of 0 for it and breaks its lines by other rules: the sheets'
 * texts ask Pango one thread at a time (ed-sheet-text.c), and a sheet
 * printed twice breaks its lines the same way. Four threads measure
 * new fonts at once; none gets a width of 0. */
static void
test_sheet_text_metrics (void)
{
  const EdSheetStyle style = { .language = ED_LANGUAGE_JA, .size = 10 };
  g_autoptr(EdSheetText) text = ed_sheet_text_new ("日本", &style, 0, 0);
  GThread *threads[4];
  guint zero = 0;

  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    threads[t] = g_thread_new ("measure", measure_fonts, GUINT_TO_POINTER (300 + t * 100));
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    zero += GPOINTER_TO_UINT (g_thread_join (threads[t]));
  g_assert_cmpuint (zero, ==, 0);
}

/* CPU time of the calling thread: what the layout costs, whatever else
 * the machine is doing. */
static double
thread_seconds (void)
{
  struct timespec now;

  g_assert_cmpint (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now), ==, 0);
  return now.tv_sec + now.tv_nsec / 1e9;
}

/* Each run's text ends in its own digit: a text shaped before would come
 * from the cache of shaped texts, not from Pango. */
static double
layout_seconds (const char *text,
                guint       run,
                guint       min_lines)
{
  EdSheetStyle style = { .language = ED_LANGUAGE_EN, .size = 9, .wrap = ED_SHEET_WRAP_WORD };
  g_autofree char *unique = g_strdup_printf ("%s%u", text, run);
  double start = thread_seconds ();
  g_autoptr(EdSheetText) shaped = ed_sheet_text_new (unique, &style, 150, 0);
  double seconds = thread_seconds () - start;

  g_assert_cmpuint (ed_sheet_text_get_n_lines (shaped), >, min_lines);
  return seconds;
}

/* A value with no place to break (a name of one letter typed 16,000
 * times) is laid out in a time that grows with its length, not with
 * its square: Pango's word wrapping searched the whole rest of such a
 * word for a break at every line (10,000 characters took seconds).
 *
 * Four lengths, each double the one before, laid out in turns several
 * times; the least time of each counts (a run the scheduler or the
 * caches slowed down says nothing about the layout), and the slope of
 * log(time) over log(length) must stay below 1.3: a time of 2n within
 * about 2.5 times that of n. The square of the length gives 2. */
static void
test_sheet_text_linear (void)
{
  const char *units[] = { "A", "漢", "AB CD EF GH " };
  const guint lengths[] = { 2000, 4000, 8000, 16000 };

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      double seconds[G_N_ELEMENTS (lengths)];
      double sum_x = 0, sum_y = 0, sum_xx = 0, sum_xy = 0, slope;
      guint k = G_N_ELEMENTS (lengths);

      for (guint l = 0; l < k; l++)
        {
          g_autoptr(GString) text = g_string_new (NULL);

          while (g_utf8_strlen (text->str, -1) < lengths[l])
            g_string_append (text, units[i]);
          g_ptr_array_add (texts, g_string_free (g_steal_pointer (&text), FALSE));
          seconds[l] = G_MAXDOUBLE;
        }

      for (guint run = 0; run < 7; run++)
        for (guint l = 0; l < k; l++)
          seconds[l] = MIN (seconds[l], layout_seconds (g_ptr_array_index (texts, l), run,
                                                        lengths[l] / 100));

      for (guint l = 0; l < k; l++)
        {
          double x = log (lengths[l]), y = log (seconds[l]);

          g_test_message ("“%s”, %u characters: %.4f s", units[i], lengths[l], seconds[l]);
          sum_x += x;
          sum_y += y;
          sum_xx += x * x;
          sum_xy += x * y;
        }
      slope = (k * sum_xy - sum_x * sum_y) / (k * sum_xx - sum_x * sum_x);
      g_test_message ("“%s”: slope %.2f", units[i], slope);
      g_assert_cmpfloat (slope, <, 1.3);
    }
}

static void
assert_inside (const EdSheetGeometry *g,
               const char            *what,
               guint                  page,
               double                 x0,
               double                 y0,
               double                 x1,
               double                 y1)
{
  if (x0 < g->left - EPSILON || x1 > g->right + EPSILON ||
      y0 < g->top - EPSILON || y1 > g->bottom + EPSILON)
    g_error ("%s on page %u lies outside the margins: (%.1f, %.1f)–(%.1f, %.1f) in "
             "(%.1f, %.1f)–(%.1f, %.1f)", what, page + 1, x0, y0, x1, y1,
             g->left, g->top, g->right, g->bottom);
}

static void
check_page (EdSheetTemplate *sheet_template,
            guint            p)
{
  const EdSheetGeometry *g = _ed_sheet_template_get_geometry (sheet_template);
  const EdSheetPage *page = _ed_sheet_template_get_page (sheet_template, p);

  for (guint i = 0; i < page->ops->len; i++)
    {
      const EdSheetOp *op = &g_array_index (page->ops, EdSheetOp, i);

      switch (op->kind)
        {
        case ED_SHEET_OP_TEXT:
          {
            double top = ed_sheet_text_get_line_top (op->text, op->first_line);
            double bottom = ed_sheet_text_get_line_bottom (op->text,
                                                           op->first_line + op->n_lines - 1);

            assert_inside (g, "a text", p, op->x, op->y,
                           op->x + ed_sheet_text_get_width (op->text), op->y + bottom - top);
          }
          break;

        case ED_SHEET_OP_QR:
          assert_inside (g, "a QR code", p, op->x, op->y, op->x + op->w, op->y + op->w);
          /* At least 2 cm wide without its quiet zone. */
          g_assert_cmpfloat (op->w * ed_qr_get_modules (op->qr) /
                             (ed_qr_get_modules (op->qr) + 2 * ED_QR_QUIET_ZONE), >=, 20 * ED_MM);
          break;

        case ED_SHEET_OP_MARK:
          /* A bookmark: nothing drawn, a place on the page. */
          assert_inside (g, "a bookmark", p, g->left, op->y, g->left, op->y);
          break;

        default:
          assert_inside (g, "a rule or box", p, MIN (op->x, op->x + op->w),
                         MIN (op->y, op->y + op->h),
                         MAX (op->x, op->x + op->w), MAX (op->y, op->y + op->h));
        }
    }

  for (guint i = 0; i < page->slots->len; i++)
    {
      const EdSheetSlot *slot = &g_array_index (page->slots, EdSheetSlot, i);

      g_assert_cmpuint (slot->page, ==, p);
      assert_inside (g, "a traveller's value", p, slot->x, slot->y, slot->x + slot->w,
                     slot->y + slot->h);
    }
}

/* A step's number never stands alone at the foot of a page: the first
 * lines of its instructions are on the same page, below it. */
static void
check_step_titles (EdSheetTemplate *sheet_template,
                   guint            p)
{
  const EdSheetGeometry *g = _ed_sheet_template_get_geometry (sheet_template);
  const EdSheetPage *page = _ed_sheet_template_get_page (sheet_template, p);

  for (guint i = 0; i < page->ops->len; i++)
    {
      const EdSheetOp *box = &g_array_index (page->ops, EdSheetOp, i);
      gboolean followed = FALSE;

      if (box->kind != ED_SHEET_OP_FILL || box->color != ED_SHEET_ACCENT || box->w != box->h ||
          box->x != g->left)
        continue;

      for (guint j = 0; j < page->ops->len && !followed; j++)
        {
          const EdSheetOp *op = &g_array_index (page->ops, EdSheetOp, j);

          followed = op->kind == ED_SHEET_OP_TEXT && op->x >= g->column_x[0] - EPSILON &&
                     op->y >= box->y + box->h;
        }
      if (!followed)
        g_error ("Page %u ends with a step's title", p + 1);
    }
}

static void
test_sheet_fits (void)
{
  static const char * const language_sets[] = { "en", "ja", "zh_CN", "ja,zh_CN", "en,ja,zh_CN" };
  g_autoptr(EdCatalog) catalog = ed_test_load_catalog ();
  GListModel *procedures = ed_catalog_get_procedures (catalog);

  for (guint i = 0; i < g_list_model_get_n_items (procedures); i++)
    {
      g_autoptr(EdProcedure) procedure = g_list_model_get_item (procedures, i);
      gboolean long_one = g_str_equal (ed_procedure_get_id (procedure), "jp-entry-waiting-mysos");

      for (guint l = 0; l < G_N_ELEMENTS (language_sets); l++)
        for (EdPaper paper = ED_PAPER_A4; paper <= ED_PAPER_LETTER; paper++)
          {
            g_autoptr(EdSheetOptions) options = NULL;
            g_autoptr(EdSheetTemplate) sheet_template = NULL;
            g_autoptr(GError) error = NULL;

            /* The longest procedure in every language set; the others in
             * one and three languages, which are the extremes of width. */
            if (!long_one && l != 0 && l != 4)
              continue;

            options = options_new (language_sets[l], paper);
            sheet_template = ed_sheet_template_new (procedure, options, &error);
            g_assert_no_error (error);
            g_assert_cmpuint (ed_sheet_template_get_n_pages (sheet_template), >, 0);
            g_test_message ("%s %s %s: %u pages", ed_procedure_get_id (procedure), language_sets[l],
                            ed_paper_to_string (paper),
                            ed_sheet_template_get_n_pages (sheet_template));

            for (guint p = 0; p < ed_sheet_template_get_n_pages (sheet_template); p++)
              {
                check_page (sheet_template, p);
                check_step_titles (sheet_template, p);
              }
          }
    }
}

/* For every procedure, the summary alone is one page in any two
 * languages, with a firm's letterhead and logo, on A4 and on the shorter
 * Letter; its codes and values within the margins. */
static void
test_sheet_summary_fits (void)
{
  static const char * const language_sets[] = {
    "zh_CN,ja", "ja,zh_CN", "en,ja", "ja,en", "en,zh_CN", "zh_CN,en",
  };
  g_autoptr(EdCatalog) catalog = ed_test_load_catalog ();
  GListModel *procedures = ed_catalog_get_procedures (catalog);
  g_autofree char *path = ed_test_data_path ("sheet", "office.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdSheetOffice) office = ed_sheet_office_load (path, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (procedures); i++)
    {
      g_autoptr(EdProcedure) procedure = g_list_model_get_item (procedures, i);

      for (guint l = 0; l < G_N_ELEMENTS (language_sets); l++)
        for (EdPaper paper = ED_PAPER_A4; paper <= ED_PAPER_LETTER; paper++)
          {
            g_autoptr(EdSheetOptions) options = options_new (language_sets[l], paper);
            g_autoptr(EdSheetTemplate) sheet_template = NULL;

            ed_sheet_options_set_office (options, office);
            ed_sheet_options_set_summary (options, TRUE, TRUE);
            sheet_template = ed_sheet_template_new (procedure, options, &error);
            g_assert_no_error (error);
            g_test_message ("%s %s %s", ed_procedure_get_id (procedure), language_sets[l],
                            ed_paper_to_string (paper));
            g_assert_cmpuint (ed_sheet_template_get_n_pages (sheet_template), ==, 1);
            check_page (sheet_template, 0);
          }
    }
}

/* The lowest point of what is drawn in the body of @page (above its
 * footer's rule, whose top is put in @footer). */
static double
page_content_bottom (const EdSheetPage *page,
                     const EdSheetGeometry *g,
                     double            *footer)
{
  double bottom = g->top;

  *footer = 0;
  for (guint i = 0; i < page->ops->len; i++)
    {
      const EdSheetOp *op = &g_array_index (page->ops, EdSheetOp, i);

      if (op->kind == ED_SHEET_OP_LINE && op->h == 0 && op->x <= g->left + EPSILON &&
          op->x + op->w >= g->right - EPSILON)
        *footer = MAX (*footer, op->y);
    }
  for (guint i = 0; i < page->ops->len; i++)
    {
      const EdSheetOp *op = &g_array_index (page->ops, EdSheetOp, i);
      double end = op->y;

      if (op->y >= *footer - EPSILON)
        continue;
      switch (op->kind)
        {
        case ED_SHEET_OP_TEXT:
          end = op->y + ed_sheet_text_get_line_bottom (op->text, op->first_line + op->n_lines - 1) -
                ed_sheet_text_get_line_top (op->text, op->first_line);
          break;
        case ED_SHEET_OP_QR:
          end = op->y + op->w;
          break;
        case ED_SHEET_OP_LINK:
        case ED_SHEET_OP_MARK:
          break;
        default:
          end = MAX (op->y, op->y + op->h);
        }
      bottom = MAX (bottom, end);
    }

  return bottom;
}

/* The MySOS and My Number sheets, as a traveller takes them home: no
 * page but the last ends with more than 40 mm blank, unless a section
 * ends there (the cover) or what opens the next page is a single thing
 * that cannot be split and is taller than the room that was left. */
static void
test_sheet_page_ends (void)
{
  static const char * const ids[] = {
    "jp-entry-waiting-mysos", "jp-mynumber-insurance-card",
  };
  static const char * const language_sets[] = { "zh_CN,ja", "ja,zh_CN", "en,ja,zh_CN" };
  g_autoptr(GString) failures = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    for (guint l = 0; l < G_N_ELEMENTS (language_sets); l++)
      for (EdPaper paper = ED_PAPER_A4; paper <= ED_PAPER_LETTER; paper++)
        {
          g_autoptr(EdProcedure) procedure = ed_test_load_procedure (ids[i]);
          g_autoptr(EdSheetOptions) options = options_new (language_sets[l], paper);
          g_autoptr(EdSheetTemplate) sheet_template = NULL;
          g_autoptr(GError) error = NULL;
          const EdSheetGeometry *g;
          guint n_pages;

          ed_sheet_options_set_summary (options, TRUE, FALSE);
          sheet_template = ed_sheet_template_new (procedure, options, &error);
          g_assert_no_error (error);
          g = _ed_sheet_template_get_geometry (sheet_template);
          n_pages = ed_sheet_template_get_n_pages (sheet_template);

          for (guint p = 0; p + 1 < n_pages; p++)
            {
              const EdSheetPage *page = _ed_sheet_template_get_page (sheet_template, p);
              double footer;
              double bottom = page_content_bottom (page, g, &footer);
              double blank = (page->body_bottom - bottom) / ED_MM;
              const char *why = "";

              g_assert_cmpfloat (page->body_bottom, <, footer);
              if (page->end == ED_SHEET_PAGE_END_BREAK)
                why = " (a section ends)";
              else if (page->end == ED_SHEET_PAGE_END_PUSHED && page->pushed > page->room)
                why = " (what follows cannot be split)";
              /* The room the paginator saw is the blank less the space
               * after the last row (more by what a mark in the gutter
               * reaches below it). */
              g_assert_cmpfloat (page->room / ED_MM, <=, blank + 2);
              g_assert_cmpfloat (page->room / ED_MM, >=, blank - 6);
              g_test_message ("%s %s %s: page %u of %u ends with %.0f mm blank%s", ids[i],
                              language_sets[l], ed_paper_to_string (paper), p + 1, n_pages,
                              blank, why);
              if (blank > 40 && *why == '\0')
                g_string_append_printf (failures, "%s %s %s: page %u of %u ends with %.0f mm "
                                        "blank\n", ids[i], language_sets[l],
                                        ed_paper_to_string (paper), p + 1, n_pages, blank);
            }
        }

  if (failures->len > 0)
    g_error ("Pages end nearly empty:\n%s", failures->str);
}

static EdTraveller *
traveller_new (void)
{
  EdTraveller *traveller = ed_traveller_new ();

  ed_traveller_set (traveller, "surname", "WANG");
  ed_traveller_set (traveller, "given_names", "XIAOMING");
  ed_traveller_set (traveller, "passport_number", "E12345678");
  ed_traveller_set (traveller, "birth_date", "1990-05-17");
  ed_traveller_set (traveller, "arrival_date", "2022-01-01");
  return traveller;
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* Same input, same bytes, with SOURCE_DATE_EPOCH; written 0600. */
static void
test_sheet_pdf (void)
{
  g_autoptr(EdCatalog) catalog = ed_test_load_catalog ();
  EdProcedure *procedure = ed_catalog_lookup (catalog, "cn-shanghai-health-code");
  g_autoptr(EdSheetOptions) options = options_new ("en,zh_CN", ED_PAPER_A4);
  g_autoptr(EdTraveller) traveller = traveller_new ();
  g_autoptr(EdSheetLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autofree char *dir = ed_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sheet.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "sheet.pdf", NULL);
  const char *data;
  gsize length;
  GStatBuf st;

  g_setenv ("SOURCE_DATE_EPOCH", "1700000000", TRUE);

  layout = ed_sheet_layout_new (procedure, traveller, options, &error);
  g_assert_no_error (error);
  g_assert_true (ed_sheet_layout_write_pdf (layout, path, &error));
  g_assert_no_error (error);
  first = read_file (path);

  g_clear_object (&layout);
  layout = ed_sheet_layout_new (procedure, traveller, options, &error);
  g_assert_true (ed_sheet_layout_write_pdf (layout, path, &error));
  second = read_file (path);
  g_assert_true (g_bytes_equal (first, second));

  data = g_bytes_get_data (first, &length);
  g_assert_true (length > 1000 && memcmp (data, "%PDF-", 5) == 0);
  /* The document's dates are SOURCE_DATE_EPOCH's (cairo 1.16 writes
   * them without PDF's "D:"). */
  g_assert_nonnull (memmem (data, length, "/CreationDate (20231114221320Z)",
                           strlen ("/CreationDate (20231114221320Z)")));

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);


  /* A file that cannot be written is an error, and leaves nothing. */
  g_assert_false (ed_sheet_layout_write_pdf (layout, missing, &error));
  g_assert_error (error, ED_ERROR, ED_ERROR_IO);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_unsetenv ("SOURCE_DATE_EPOCH");
  ed_test_rm_rf (dir);
}

/* Layouts from one template share it, and may be made in any thread. */
static gpointer
make_layout (gpointer data)
{
  g_autoptr(EdTraveller) traveller = traveller_new ();

  return ed_sheet_layout_new_for_template (data, traveller);
}

static void
test_sheet_threads (void)
{
  g_autoptr(EdCatalog) catalog = ed_test_load_catalog ();
  EdProcedure *procedure = ed_catalog_lookup (catalog, "jp-my-her-sys");
  g_autoptr(EdSheetOptions) options = options_new ("ja,zh_CN", ED_PAPER_LETTER);
  g_autoptr(EdSheetTemplate) sheet_template = ed_sheet_template_new (procedure, options, NULL);
  GThread *threads[4];
  double width, height;

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("layout", make_layout, sheet_template);

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autoptr(EdSheetLayout) layout = g_thread_join (threads[i]);
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (surface);

      g_assert_true (ed_sheet_layout_get_template (layout) == sheet_template);
      g_assert_cmpuint (ed_sheet_layout_get_n_pages (layout), ==,
                        ed_sheet_template_get_n_pages (sheet_template));
      ed_sheet_layout_get_page_size (layout, &width, &height);
      g_assert_cmpfloat (width, ==, 612);
      g_assert_cmpfloat (height, ==, 792);
      for (guint p = 0; p < ed_sheet_layout_get_n_pages (layout); p++)
        ed_sheet_draw_page (layout, cr, p);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static void
layout_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  EdSheetLayout **layout = user_data;
  g_autoptr(GError) error = NULL;

  *layout = ed_sheet_layout_new_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_sheet_async (void)
{
  g_autoptr(EdCatalog) catalog = ed_test_load_catalog ();
  EdProcedure *procedure = ed_catalog_lookup (catalog, "jp-mynumber-insurance-card");
  g_autoptr(EdSheetOptions) options = options_new ("ja", ED_PAPER_A4);
  g_autoptr(EdTraveller) traveller = traveller_new ();
  g_autoptr(EdSheetLayout) layout = NULL;

  ed_sheet_layout_new_async (procedure, traveller, options, NULL, layout_ready_cb, &layout);
  /* Later changes do not reach the sheet. */
  ed_traveller_set (traveller, "surname", "CHANGED");
  while (layout == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpstr (ed_traveller_get (ed_sheet_layout_get_traveller (layout), "surname"),
                   ==, "WANG");
  g_assert_cmpuint (ed_sheet_layout_get_n_pages (layout), >, 0);
}

static char *
decode_page (EdSheetLayout *layout,
             guint          page)
{
  g_autofree char *dir = ed_test_make_tmpdir ();
  g_autofree char *png = g_build_filename (dir, "page.png", NULL);
  const char *argv[] = { "zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", png, NULL };
  double width, height, scale = 150.0 / 72.0;
  cairo_surface_t *surface;
  cairo_t *cr;
  char *out = NULL;

  ed_sheet_layout_get_page_size (layout, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (width * scale),
                                        (int) (height * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  ed_sheet_draw_page (layout, cr, page);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  /* zbarimg exits 4 when it finds no code. */
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, NULL, NULL);
  ed_test_rm_rf (dir);
  g_assert_nonnull (out);
  return out;
}

/* The traveller's answers go into a QR code only when asked for. */
static void
test_sheet_personal_qr (void)
{
  g_autoptr(EdCatalog) catalog = ed_test_load_catalog ();
  EdProcedure *procedure = ed_catalog_lookup (catalog, "jp-entry-waiting-mysos");
  g_autoptr(EdSheetOptions) options = options_new ("ja", ED_PAPER_A4);
  g_autoptr(EdTraveller) traveller = traveller_new ();
  g_autoptr(EdSheetLayout) without = NULL;
  g_autoptr(EdSheetLayout) with = NULL;
  g_autofree char *codes_without = NULL;
  g_autofree char *codes_with = NULL;

  /* In the traveller's box, on the detailed sheet's first page: the
   * second, after the one-page summary. */
  without = ed_sheet_layout_new (procedure, traveller, options, NULL);
  codes_without = decode_page (without, 1);
  g_assert_null (strstr (codes_without, "E12345678"));

  ed_sheet_options_set_personal_qr (options, TRUE);
  with = ed_sheet_layout_new (procedure, traveller, options, NULL);
  codes_with = decode_page (with, 1);
  g_assert_nonnull (strstr (codes_with, "WANG XIAOMING"));
  g_assert_nonnull (strstr (codes_with, "E12345678"));
  g_assert_nonnull (strstr (codes_with, "1990-05-17"));
}

/* A sheet printed for a case goes into its audit log: a real store. */
static void
test_sheet_audit_log (void)
{
  g_autoptr(EdCatalog) catalog = ed_test_load_catalog ();
  EdProcedure *procedure = ed_catalog_lookup (catalog, "jp-my-her-sys");
  g_autoptr(EdSheetOptions) options = options_new ("zh_CN,ja", ED_PAPER_LETTER);
  g_autoptr(EdSheetTemplate) sheet_template = ed_sheet_template_new (procedure, options, NULL);
  g_autofree char *dir = ed_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "cases.sqlite", NULL);
  g_autoptr(EdStore) store = NULL;
  g_autoptr(EdCase) kase = NULL;
  g_autoptr(EdSheetRecord) record = NULL;
  g_autoptr(GPtrArray) logged = NULL;
  g_autoptr(GError) error = NULL;
  const EdSheetRecord *read;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  record = ed_sheet_template_new_record (sheet_template, ED_SHEET_PDF);
  g_assert_cmpstr (record->procedure_id, ==, "jp-my-her-sys");
  g_assert_cmpint (record->procedure_version, ==, ed_procedure_get_version (procedure));
  g_assert_cmpuint (g_strv_length (record->languages), ==, 2);
  g_assert_cmpstr (record->languages[0], ==, "zh_CN");
  g_assert_cmpstr (record->paper, ==, "letter");
  g_assert_cmpint (record->at, >=, now - 1);

  store = ed_store_open (path, NULL, &error);
  g_assert_no_error (error);
  kase = ed_case_new ("jp-my-her-sys", ed_procedure_get_version (procedure));
  g_assert_true (ed_store_add_case (store, kase, &error));
  g_assert_true (ed_store_log_sheet (store, kase, record, &error));
  g_assert_no_error (error);

  logged = ed_store_list_sheets (store, ed_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (logged->len, ==, 1);
  read = g_ptr_array_index (logged, 0);
  g_assert_cmpint (read->kind, ==, ED_SHEET_PDF);
  g_assert_cmpstr (read->languages[1], ==, "ja");
  g_assert_cmpstr (read->paper, ==, "letter");

  g_clear_object (&store);
  ed_test_rm_rf (dir);
}

/* A value an official form would refuse stops the sheet; a missing one
 * does not. */
static void
test_sheet_check_traveller (void)
{
  g_autoptr(EdCatalog) catalog = ed_test_load_catalog ();
  EdProcedure *procedure = ed_catalog_lookup (catalog, "jp-entry-waiting-mysos");
  g_autoptr(EdTraveller) traveller = ed_traveller_new ();
  g_autoptr(GPtrArray) problems = NULL;
  const EdProblem *problem;

  problems = ed_validate_traveller_for_print (traveller, procedure);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  ed_traveller_set (traveller, "passport_number", "ｅ１２３４５６７８");
  problems = ed_validate_traveller_for_print (traveller, procedure);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (ed_traveller_get (traveller, "passport_number"), ==, "E12345678");
  g_clear_pointer (&problems, g_ptr_array_unref);

  ed_traveller_set (traveller, "passport_number", "E1234567890123");
  problems = ed_validate_traveller_for_print (traveller, procedure);
  g_assert_cmpuint (problems->len, >, 0);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->severity, ==, ED_SEVERITY_ERROR);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sheet/options", test_sheet_options);
  g_test_add_func ("/sheet/han-forms", test_sheet_han_forms);
  g_test_add_func ("/sheet/text-cache", test_sheet_text_cache);
  g_test_add_func ("/sheet/text-metrics", test_sheet_text_metrics);
  g_test_add_func ("/sheet/text-linear", test_sheet_text_linear);
  g_test_add_func ("/sheet/fits", test_sheet_fits);
  g_test_add_func ("/sheet/summary-fits", test_sheet_summary_fits);
  g_test_add_func ("/sheet/page-ends", test_sheet_page_ends);
  g_test_add_func ("/sheet/pdf", test_sheet_pdf);
  g_test_add_func ("/sheet/threads", test_sheet_threads);
  g_test_add_func ("/sheet/async", test_sheet_async);
  g_test_add_func ("/sheet/check-traveller", test_sheet_check_traveller);
  g_test_add_func ("/sheet/personal-qr", test_sheet_personal_qr);
  g_test_add_func ("/sheet/audit-log", test_sheet_audit_log);

  return g_test_run ();
}
