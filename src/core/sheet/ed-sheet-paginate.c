/* ed-sheet-paginate.c — rows onto pages, and what every page carries
 *
 * A step stays whole when it fits. When it does not fit below what is
 * already on the page, it moves to the next page whole only if little
 * room is left (under SHORT_ROOM); otherwise it is split, between its
 * rows (paragraphs), never leaving a title without the first lines of
 * what follows it, and a paragraph longer than the room left is split
 * between lines, keeping at least two lines on each side where it can.
 * So a page ends nearly empty only before something that cannot be
 * split (a QR card, a table row) and is taller than the room left.
 *
 * Every page carries the ended banner of an archived procedure, the
 * language of each column, and a footer with "page n of N" in each
 * language and the traveller's name and case reference.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ed-sheet-private.h"

#define EPSILON 0.01

/* A block that does not fit in the room left moves whole to the next
 * page only when the room is less than this: more would be a page that
 * ends half empty, so the block is split instead. */
#define SHORT_ROOM (30 * ED_MM)

typedef struct
{
  EdSheetBuilder *builder;
  GPtrArray      *pages;
  EdSheetPage    *page;
  double          y;
  double          body_top;       /* of the current page */
  double          body_bottom;
  double          chrome_first;   /* height of the page head, first page */
  double          chrome_other;   /* and the others */
} Paginator;

void
_ed_sheet_page_free (EdSheetPage *page)
{
  if (page == NULL)
    return;

  g_array_unref (page->ops);
  g_array_unref (page->slots);
  g_free (page);
}

static EdSheetPage *
page_new (void)
{
  EdSheetPage *page = g_new0 (EdSheetPage, 1);

  page->ops = _ed_sheet_ops_new ();
  page->slots = _ed_sheet_slots_new ();

  return page;
}

static void
place (EdSheetPage      *page,
       guint             page_number,
       const EdSheetRow *row,
       double            y)
{
  for (guint i = 0; i < row->ops->len; i++)
    {
      EdSheetOp op = g_array_index (row->ops, EdSheetOp, i);

      op.y += y;
      if (op.text != NULL)
        ed_sheet_text_ref (op.text);
      if (op.qr != NULL)
        g_object_ref (op.qr);
      if (op.office != NULL)
        ed_sheet_office_ref (op.office);
      op.uri = g_strdup (op.uri);
      g_array_append_val (page->ops, op);
    }

  for (guint i = 0; i < row->slots->len; i++)
    {
      EdSheetSlot slot = g_array_index (row->slots, EdSheetSlot, i);

      slot.y += y;
      slot.page = page_number;
      slot.id = g_strdup (slot.id);
      g_array_append_val (page->slots, slot);
    }
}

static void
new_page (Paginator *p)
{
  const EdSheetGeometry *g = &p->builder->geometry;

  p->page = page_new ();
  p->page->body_bottom = p->body_bottom;
  g_ptr_array_add (p->pages, p->page);
  p->body_top = g->top + (p->pages->len == 1 ? p->chrome_first : p->chrome_other);
  p->y = p->body_top;
}

/* Ends the page, saying why, and starts the next one. */
static void
end_page (Paginator      *p,
          EdSheetPageEnd  end,
          double          pushed)
{
  p->page->end = end;
  p->page->pushed = end == ED_SHEET_PAGE_END_PUSHED ? pushed : 0;
  p->page->room = p->body_bottom - p->y;
  new_page (p);
}

static void
place_row (Paginator        *p,
           const EdSheetRow *row)
{
  place (p->page, p->pages->len - 1, row, p->y);
  p->page->content_bottom = MAX (p->page->content_bottom, p->y + MAX (row->height, row->reach));
  p->y += row->height + row->space_after;
}

static gboolean
page_is_empty (Paginator *p)
{
  return p->y <= p->body_top + EPSILON;
}

/* Line bottoms of the row's texts, relative to the row, sorted. */
static GArray *
line_bottoms (const EdSheetRow *row)
{
  GArray *bottoms = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < row->ops->len; i++)
    {
      const EdSheetOp *op = &g_array_index (row->ops, EdSheetOp, i);
      double top0;

      if (op->kind != ED_SHEET_OP_TEXT)
        continue;
      top0 = ed_sheet_text_get_line_top (op->text, op->first_line);
      for (guint l = op->first_line; l < op->first_line + op->n_lines; l++)
        {
          double bottom = op->y + ed_sheet_text_get_line_bottom (op->text, l) - top0;

          g_array_append_val (bottoms, bottom);
        }
    }

  return bottoms;
}

/* Whether cutting at @cut leaves each text with none or at least @min
 * lines on either side. */
static gboolean
cut_keeps_lines (const EdSheetRow *row,
                 double            cut,
                 guint             min)
{
  for (guint i = 0; i < row->ops->len; i++)
    {
      const EdSheetOp *op = &g_array_index (row->ops, EdSheetOp, i);
      guint before = 0;
      double top0;

      if (op->kind != ED_SHEET_OP_TEXT)
        continue;
      top0 = ed_sheet_text_get_line_top (op->text, op->first_line);
      for (guint l = op->first_line; l < op->first_line + op->n_lines; l++)
        if (op->y + ed_sheet_text_get_line_bottom (op->text, l) - top0 <= cut + EPSILON)
          before++;

      if ((before > 0 && before < min) ||
          (before < op->n_lines && op->n_lines - before < min))
        return FALSE;
    }

  return TRUE;
}

/* Where to cut a splittable row so that its first part fits in
 * @room; 0 when it cannot be cut there. */
static double
find_cut (const EdSheetRow *row,
          double            room)
{
  g_autoptr(GArray) bottoms = NULL;

  if (!(row->flags & ED_SHEET_ROW_SPLITTABLE))
    return 0;

  bottoms = line_bottoms (row);
  for (guint min = 2; min > 0; min--)
    {
      double best = 0;

      for (guint i = 0; i < bottoms->len; i++)
        {
          double cut = g_array_index (bottoms, double, i);

          if (cut <= room + EPSILON && cut > best && cut < row->height - EPSILON &&
              cut_keeps_lines (row, cut, min))
            best = cut;
        }
      if (best > 0)
        return best;
    }

  return 0;
}

/* The least of @row that may stand at the foot of a page. */
static double
min_chunk (const EdSheetRow *row)
{
  g_autoptr(GArray) bottoms = NULL;
  double best = row->height;

  if (!(row->flags & ED_SHEET_ROW_SPLITTABLE))
    return row->height;

  bottoms = line_bottoms (row);
  for (guint i = 0; i < bottoms->len; i++)
    {
      double cut = g_array_index (bottoms, double, i);

      if (cut < best && cut_keeps_lines (row, cut, 2))
        best = cut;
    }

  return best;
}

static double
block_height (const EdSheetBlock *block)
{
  double height = 0;

  for (guint i = 0; i < block->rows->len; i++)
    {
      const EdSheetRow *row = g_ptr_array_index (block->rows, i);

      height += row->height + (i + 1 < block->rows->len ? row->space_after : 0);
    }

  return height;
}

static void
place_split (Paginator        *p,
             const EdSheetRow *row)
{
  g_autoptr(EdSheetRow) rest = NULL;

  while (row->height > p->body_bottom - p->y + EPSILON)
    {
      double cut = find_cut (row, p->body_bottom - p->y);
      EdSheetRow *part;

      if (cut <= 0)
        {
          if (page_is_empty (p))
            {
              g_warning ("A row of the sheet is taller than a page and is cut off");
              break;
            }
          end_page (p, ED_SHEET_PAGE_END_PUSHED, min_chunk (row));
          continue;
        }

      part = _ed_sheet_row_copy_part (row, 0, cut);
      part->space_after = 0;
      place_row (p, part);
      _ed_sheet_row_free (part);
      end_page (p, ED_SHEET_PAGE_END_FULL, 0);

      part = _ed_sheet_row_copy_part (row, cut, row->height);
      part->height = row->height - cut;
      part->space_after = row->space_after;
      g_clear_pointer (&rest, _ed_sheet_row_free);
      rest = part;
      row = rest;
    }

  place_row (p, row);
}

static void
place_block (Paginator          *p,
             const EdSheetBlock *block)
{
  double height = block_height (block);

  if (height <= p->body_bottom - p->y + EPSILON)
    {
      for (guint i = 0; i < block->rows->len; i++)
        place_row (p, g_ptr_array_index (block->rows, i));
      return;
    }

  /* Move a step to the next page whole when a page holds it and little
   * room is left here; otherwise split it between its rows. */
  if (!page_is_empty (p) && p->body_bottom - p->y < SHORT_ROOM &&
      height <= p->body_bottom - (p->builder->geometry.top + p->chrome_other))
    {
      end_page (p, ED_SHEET_PAGE_END_FULL, 0);
      for (guint i = 0; i < block->rows->len; i++)
        place_row (p, g_ptr_array_index (block->rows, i));
      return;
    }

  for (guint i = 0; i < block->rows->len; i++)
    {
      const EdSheetRow *row = g_ptr_array_index (block->rows, i);
      double need = 0;

      /* A title goes with the first lines of what follows it. */
      for (guint j = i; j < block->rows->len; j++)
        {
          const EdSheetRow *keep = g_ptr_array_index (block->rows, j);

          if (!(keep->flags & ED_SHEET_ROW_KEEP_WITH_NEXT) || j + 1 == block->rows->len)
            {
              need += min_chunk (keep);
              break;
            }
          need = MAX (need + keep->height + keep->space_after, need + keep->reach);
        }

      if (need > p->body_bottom - p->y + EPSILON && !page_is_empty (p))
        end_page (p, ED_SHEET_PAGE_END_PUSHED, need);

      place_split (p, row);
    }
}

/* The banner of an ended procedure: white on red, in every language,
 * across the top of every page. */
static EdSheetRow *
build_banner (EdSheetBuilder *builder)
{
  const EdSheetGeometry *g = &builder->geometry;
  g_autofree char *ended = NULL;
  EdSheetRow *row;
  double pad = g->base * 0.5;
  double width = (g->right - g->left - 2 * pad - (g->n_languages - 1) * g->base) / g->n_languages;
  double height = 0;

  if (builder->procedure == NULL || !ed_procedure_has_ended (builder->procedure, NULL))
    return NULL;

  ended = _ed_sheet_ended_date (builder->procedure);
  row = _ed_sheet_row_new ();
  _ed_sheet_row_add_rect (row, ED_SHEET_OP_FILL, g->left, 0, g->right - g->left, 1,
                          ED_SHEET_ENDED, 0);

  for (guint i = 0; i < g->n_languages; i++)
    {
      EdLanguage language = g->languages[i];
      g_autofree char *text = NULL;

      if (ended != NULL)
        text = g_strdup_printf (_ed_sheet_word (language,
                                                NC_("sheet", "Ended on %s: this procedure no "
                                                             "longer applies.")),
                                ended);
      else
        text = g_strdup (_ed_sheet_word (language,
                                         NC_("sheet", "Ended: this procedure no longer applies.")));

      height = MAX (height,
                    _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_SMALL_BOLD, language,
                                              ED_SHEET_WHITE, text,
                                              g->left + pad + i * (width + g->base), pad, width));
    }

  g_array_index (row->ops, EdSheetOp, 0).h = height + 2 * pad;
  row->height = height + 2 * pad;
  row->space_after = g->base * 0.8;

  return row;
}

/* The language of each column, over the columns. */
static EdSheetRow *
build_column_heads (EdSheetBuilder *builder)
{
  const EdSheetGeometry *g = &builder->geometry;
  EdSheetRow *row;
  double height = 0;

  if (g->n_languages < 2)
    return NULL;

  row = _ed_sheet_row_new ();
  for (guint i = 0; i < g->n_languages; i++)
    height = MAX (height,
                  _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_CAPTION, g->languages[i],
                                            ED_SHEET_FAINT,
                                            ed_language_native_name (g->languages[i]),
                                           g->column_x[i], 0, g->column_width));
  for (guint i = 0; i < g->n_languages; i++)
    _ed_sheet_row_add_line (row, g->column_x[i], height + 1.5,
                            g->column_x[i] + g->column_width, height + 1.5, ED_SHEET_RULE, 0.5);
  row->height = height + 1.5;
  row->space_after = g->base * 0.8;

  return row;
}

/* Pages after the first: the title in the first language, and which
 * procedure and version the sheet was printed from. */
static EdSheetRow *
build_running_head (EdSheetBuilder *builder)
{
  const EdSheetGeometry *g = &builder->geometry;
  EdProcedure *procedure = builder->procedure;
  const EdText *title = procedure != NULL ? ed_procedure_get_title (procedure) : builder->title;
  g_autofree char *id = procedure != NULL
                        ? g_strdup_printf ("%s v%d", ed_procedure_get_id (procedure),
                                           ed_procedure_get_version (procedure))
                        : g_strdup (builder->title_id != NULL ? builder->title_id : "");
  EdSheetRow *row = _ed_sheet_row_new ();
  EdSheetStyle style = _ed_sheet_style (g, ED_SHEET_FONT_CAPTION, ED_LANGUAGE_EN);
  EdSheetText *right;

  style.color = ED_SHEET_FAINT;
  style.align = ED_SHEET_ALIGN_RIGHT;
  right = ed_sheet_text_new (id, &style, g->right - g->left, 0);
  _ed_sheet_row_add_text (row, right, g->left, 0);
  if (title != NULL)
    _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_CAPTION, g->languages[0], ED_SHEET_MUTED,
                             ed_text_lookup (title, g->languages[0]),
                             g->left, 0, (g->right - g->left) * 0.7);
  row->space_after = g->base * 0.5;

  return row;
}

static double
chrome_height (EdSheetRow *row)
{
  return row != NULL ? row->height + row->space_after : 0;
}

/* "Page n of N" in every language on the right, the traveller and the
 * case on the left. */
static void
add_footer (EdSheetBuilder *builder,
            EdSheetPage    *page,
            guint           page_number,
            guint           n_pages)
{
  const EdSheetGeometry *g = &builder->geometry;
  g_autoptr(EdSheetRow) row = _ed_sheet_row_new ();
  EdSheetText *texts[ED_SHEET_MAX_LANGUAGES];
  double gap = g->base * 1.2;
  double x = g->right;
  double y = 3.5;
  g_autofree char *n_string = g_strdup_printf ("%u", page_number + 1);
  g_autofree char *total = g_strdup_printf ("%u", n_pages);
  EdSheetSlot slot = {
    .kind = ED_SHEET_SLOT_FOOTER,
    .font = ED_SHEET_FONT_CAPTION,
    .language = ED_LANGUAGE_EN,
    .max_lines = 1,
    .x = g->left,
    .y = y,
    .w = (g->right - g->left) * 0.45,
  };

  _ed_sheet_row_add_line (row, g->left, 0, g->right, 0, ED_SHEET_RULE, 0.5);

  for (guint i = 0; i < g->n_languages; i++)
    {
      EdSheetStyle style = _ed_sheet_style (g, ED_SHEET_FONT_CAPTION, g->languages[i]);
      g_autofree char *text = NULL;

      style.color = ED_SHEET_MUTED;
      text = g_strdup_printf (_ed_sheet_word (g->languages[i], NC_("sheet", "Page %s of %s")),
                              n_string, total);
      texts[i] = ed_sheet_text_new (text, &style, 0, 0);
    }

  for (guint i = g->n_languages; i-- > 0; )
    {
      x -= ed_sheet_text_get_width (texts[i]);
      slot.h = MAX (slot.h, ed_sheet_text_get_height (texts[i]));
      _ed_sheet_row_add_text (row, texts[i], x, y);
      x -= gap;
    }

  _ed_sheet_row_add_slot (row, &slot);

  /* The letterhead's line, with the day the sheet was printed. */
  if (ed_sheet_options_get_office (builder->options) != NULL)
    {
      EdSheetOffice *office = ed_sheet_options_get_office (builder->options);
      EdLanguage language = g->languages[0];
      g_autofree char *printed = ed_sheet_options_dup_printed_on (builder->options);
      g_autofree char *line = NULL;
      const char *handler = ed_sheet_office_get (office, "handler");

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      line = g_strdup_printf (_ed_sheet_word (language,
                                              NC_("sheet", "%s · printed on %s")),
                              ed_sheet_office_get (office, "name"), printed);
      if (handler != NULL)
        {
          g_autofree char *with = g_strdup_printf (_ed_sheet_word (language,
                                                                   NC_("sheet", "%s · %s")),
                                                   line, handler);

          g_free (line);
          line = g_steal_pointer (&with);
        }
#pragma GCC diagnostic pop
      _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_CAPTION, language, ED_SHEET_MUTED, line,
                                g->left, y + slot.h + 1, (g->right - g->left) * 0.6);
    }

  place (page, page_number, row, g->bottom - row->height);
}

static void
add_chrome (EdSheetPage      *page,
            guint             page_number,
            const EdSheetRow *row,
            double           *y)
{
  if (row == NULL)
    return;

  place (page, page_number, row, *y);
  *y += row->height + row->space_after;
}

static double
footer_height (EdSheetBuilder *builder)
{
  const EdSheetGeometry *g = &builder->geometry;
  g_autoptr(EdSheetRow) probe = _ed_sheet_row_new ();
  double height;

  /* From a line of its type; two lines with a letterhead. */
  height = 3.5 + _ed_sheet_row_add_string (probe, g, ED_SHEET_FONT_CAPTION, g->languages[0], 0,
                                           "Pg", g->left, 0, 0);
  if (ed_sheet_options_get_office (builder->options) != NULL)
    height = 2 * height - 2.5;

  return height;
}

/**
 * _ed_sheet_first_page_room:
 *
 * Returns: how tall what the first page holds may be, between its
 *   banner and column heads and its footer
 */
double
_ed_sheet_first_page_room (EdSheetBuilder *builder)
{
  const EdSheetGeometry *g = &builder->geometry;
  g_autoptr(EdSheetRow) banner = build_banner (builder);
  g_autoptr(EdSheetRow) heads = build_column_heads (builder);

  return g->bottom - footer_height (builder) - g->base - g->top - chrome_height (banner) -
         chrome_height (heads);
}

/**
 * _ed_sheet_paginate:
 *
 * Returns: (transfer full) (element-type EdSheetPage): the pages, with
 *   everything on them in page coordinates
 */
GPtrArray *
_ed_sheet_paginate (EdSheetBuilder *builder)
{
  const EdSheetGeometry *g = &builder->geometry;
  g_autoptr(EdSheetRow) banner = build_banner (builder);
  g_autoptr(EdSheetRow) heads = build_column_heads (builder);
  g_autoptr(EdSheetRow) running = build_running_head (builder);
  Paginator p = { builder, NULL, };

  p.pages = g_ptr_array_new_with_free_func ((GDestroyNotify) _ed_sheet_page_free);
  p.chrome_first = chrome_height (banner) + chrome_height (heads);
  p.chrome_other = p.chrome_first + chrome_height (running);
  p.body_bottom = g->bottom - footer_height (builder) - g->base;
  new_page (&p);

  for (guint i = 0; i < builder->blocks->len; i++)
    {
      const EdSheetBlock *block = g_ptr_array_index (builder->blocks, i);

      place_block (&p, block);
      if (block->page_break_after && i + 1 < builder->blocks->len)
        end_page (&p, ED_SHEET_PAGE_END_BREAK, 0);
    }

  for (guint i = 0; i < p.pages->len; i++)
    {
      EdSheetPage *page = g_ptr_array_index (p.pages, i);
      double y = g->top;

      add_chrome (page, i, banner, &y);
      if (i > 0)
        add_chrome (page, i, running, &y);
      add_chrome (page, i, heads, &y);
      add_footer (builder, page, i, p.pages->len);
    }

  return g_steal_pointer (&p.pages);
}
