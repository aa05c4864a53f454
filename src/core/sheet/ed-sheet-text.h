/* ed-sheet-text.h — text shaped once, drawn many times (private to the sheet)
 *
 * Shaping Japanese and Chinese with Pango is what a sheet costs; drawing
 * is cheap. An EdSheetText is a paragraph shaped by Pango in the right
 * language and font, kept as lines of cairo glyphs with their UTF-8
 * clusters (so that PDF text stays searchable). It is immutable and
 * refcounted, and may be drawn from any thread into any cairo context.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "ed-language.h"

G_BEGIN_DECLS

typedef enum
{
  ED_SHEET_ALIGN_LEFT,
  ED_SHEET_ALIGN_CENTER,
  ED_SHEET_ALIGN_RIGHT,
} EdSheetAlign;

typedef enum
{
  ED_SHEET_WRAP_WORD,   /* prose: break between words, CJK anywhere */
  ED_SHEET_WRAP_CHAR,   /* URLs and codes: break anywhere, never add a hyphen */
} EdSheetWrap;

typedef struct
{
  EdLanguage    language;
  double        size;           /* points */
  gboolean      bold;
  guint32       color;          /* 0xRRGGBB */
  EdSheetAlign  align;
  EdSheetWrap   wrap;
  double        line_spacing;   /* factor of the font height; 0 for the font's own */
  guint         max_lines;      /* 0 for any; more is cut with "…" */
  gboolean      heading;        /* break between phrases, lines balanced */
} EdSheetStyle;

typedef struct _EdSheetText EdSheetText;

gboolean      ed_sheet_text_check_fonts  (GError            **error);
EdSheetText  *ed_sheet_text_new          (const char         *text,
                                          const EdSheetStyle *style,
                                          double              width,
                                          double              hanging_indent);
EdSheetText  *ed_sheet_text_ref          (EdSheetText        *self);
void          ed_sheet_text_unref        (EdSheetText        *self);

double        ed_sheet_text_get_width    (const EdSheetText  *self);
double        ed_sheet_text_get_height   (const EdSheetText  *self);
guint         ed_sheet_text_get_n_lines  (const EdSheetText  *self);
double        ed_sheet_text_get_line_top (const EdSheetText  *self,
                                          guint               line);
double        ed_sheet_text_get_line_bottom (const EdSheetText *self,
                                          guint               line);
gulong        ed_sheet_text_get_glyph    (const EdSheetText  *self,
                                          guint               n);
double        ed_sheet_text_get_size     (const EdSheetText  *self);
const char   *ed_sheet_text_get_utf8     (const EdSheetText  *self);
char         *ed_sheet_text_dup_line     (const EdSheetText  *self,
                                          guint               line);
gboolean      ed_sheet_text_line_starts_paragraph (const EdSheetText *self,
                                          guint               line);
EdLanguage    ed_sheet_text_get_language (const EdSheetText  *self);
gboolean      ed_sheet_text_is_heading   (const EdSheetText  *self);
guint         ed_sheet_text_get_n_runs   (const EdSheetText  *self);
const cairo_glyph_t *ed_sheet_text_get_run (const EdSheetText *self,
                                          guint               run,
                                          guint              *face,
                                          cairo_scaled_font_t **font,
                                          guint              *n_glyphs);

void          ed_sheet_text_draw_lines   (const EdSheetText  *self,
                                          cairo_t            *cr,
                                          double              x,
                                          double              y,
                                          guint               first_line,
                                          guint               n_lines);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdSheetText, ed_sheet_text_unref)

G_END_DECLS
