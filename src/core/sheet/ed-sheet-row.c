/* ed-sheet-row.c — geometry, type and the rows a sheet is built of
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ed-mo.h"
#include "ed-sheet-private.h"

/* A line split between two parts of a row belongs to the part its
 * bottom falls in. */
#define EPSILON 0.01

void
_ed_sheet_geometry_init (EdSheetGeometry      *geometry,
                         const EdSheetOptions *options)
{
  const EdLanguage *languages;
  guint n;

  memset (geometry, 0, sizeof *geometry);
  ed_paper_get_size (ed_sheet_options_get_paper (options),
                     &geometry->page_width, &geometry->page_height);

  languages = ed_sheet_options_get_languages (options, &n);
  geometry->n_languages = n;
  for (guint i = 0; i < n; i++)
    geometry->languages[i] = languages[i];

  /* Margins well inside what any printer reaches (about 5 mm). */
  geometry->left = 16 * ED_MM;
  geometry->right = geometry->page_width - 16 * ED_MM;
  geometry->top = 14 * ED_MM;
  geometry->bottom = geometry->page_height - 13 * ED_MM;

  /* Three columns of Japanese at 8.3 pt still hold 17 characters a
   * line, and the type stays at what official leaflets use. */
  geometry->base = n == 1 ? 10.0 : n == 2 ? 9.0 : 8.3;
  geometry->gutter = 10 * ED_MM;
  geometry->column_gap = n == 1 ? 0 : 5 * ED_MM;
  geometry->column_width = (geometry->right - geometry->left - geometry->gutter -
                            (n - 1) * geometry->column_gap) / n;
  for (guint i = 0; i < n; i++)
    geometry->column_x[i] = geometry->left + geometry->gutter +
                            i * (geometry->column_width + geometry->column_gap);
}

EdSheetStyle
_ed_sheet_style (const EdSheetGeometry *geometry,
                 EdSheetFont            font,
                 EdLanguage             language)
{
  EdSheetStyle style = {
    .language = language,
    .size = geometry->base,
    .color = ED_SHEET_INK,
    .align = ED_SHEET_ALIGN_LEFT,
    .wrap = ED_SHEET_WRAP_WORD,
  };
  double b = geometry->base;

  switch (font)
    {
    case ED_SHEET_FONT_BODY:
      break;
    case ED_SHEET_FONT_BODY_BOLD:
      style.bold = TRUE;
      break;
    case ED_SHEET_FONT_SMALL:
      style.size = b * 0.88;
      break;
    case ED_SHEET_FONT_SMALL_BOLD:
      style.size = b * 0.88;
      style.bold = TRUE;
      break;
    case ED_SHEET_FONT_CAPTION:
      style.size = MAX (6.5, b * 0.76);
      break;
    case ED_SHEET_FONT_TITLE:
      style.size = b * 1.75;
      style.bold = TRUE;
      break;
    case ED_SHEET_FONT_HEADING:
      style.size = b * 1.3;
      style.bold = TRUE;
      break;
    case ED_SHEET_FONT_STEP:
      style.size = b * 1.1;
      style.bold = TRUE;
      break;
    case ED_SHEET_FONT_ADDRESS:
      style.size = b * 0.9;
      style.wrap = ED_SHEET_WRAP_CHAR;
      break;
    case ED_SHEET_FONT_ADDRESS_BOLD:
      style.size = b * 0.9;
      style.bold = TRUE;
      style.wrap = ED_SHEET_WRAP_CHAR;
      break;
    case ED_SHEET_FONT_VALUE:
      style.size = b * 1.15;
      style.bold = TRUE;
      break;
    default:
      g_assert_not_reached ();
    }

  return style;
}

/**
 * _ed_sheet_word:
 * @msgid: a message of context "sheet", marked with NC_("sheet", …)
 *
 * Returns: the sheet's own word in @language, whatever the UI language
 */
const char *
_ed_sheet_word (EdLanguage  language,
                const char *msgid)
{
  return ed_translate (language, "sheet", msgid);
}

void
_ed_sheet_op_clear (EdSheetOp *op)
{
  g_clear_pointer (&op->text, ed_sheet_text_unref);
  g_clear_object (&op->qr);
}

void
_ed_sheet_slot_clear (EdSheetSlot *slot)
{
  g_clear_pointer (&slot->id, g_free);
}

/* Arrays of operations and of slots that release what they hold. */
GArray *
_ed_sheet_ops_new (void)
{
  GArray *ops = g_array_new (FALSE, TRUE, sizeof (EdSheetOp));

  g_array_set_clear_func (ops, (GDestroyNotify) _ed_sheet_op_clear);
  return ops;
}

GArray *
_ed_sheet_slots_new (void)
{
  GArray *slots = g_array_new (FALSE, TRUE, sizeof (EdSheetSlot));

  g_array_set_clear_func (slots, (GDestroyNotify) _ed_sheet_slot_clear);
  return slots;
}

EdSheetRow *
_ed_sheet_row_new (void)
{
  EdSheetRow *row = g_new0 (EdSheetRow, 1);

  row->ops = _ed_sheet_ops_new ();
  row->slots = _ed_sheet_slots_new ();

  return row;
}

void
_ed_sheet_row_free (EdSheetRow *row)
{
  if (row == NULL)
    return;

  g_array_unref (row->ops);
  g_array_unref (row->slots);
  g_free (row);
}

static double
op_bottom (const EdSheetOp *op)
{
  if (op->kind == ED_SHEET_OP_TEXT)
    return op->y + ed_sheet_text_get_line_bottom (op->text, op->first_line + op->n_lines - 1) -
           ed_sheet_text_get_line_top (op->text, op->first_line);
  if (op->kind == ED_SHEET_OP_LINE)
    return MAX (op->y, op->y + op->h);
  if (op->kind == ED_SHEET_OP_QR)
    return op->y + op->w;

  return op->y + op->h;
}

/**
 * _ed_sheet_row_add_op:
 *
 * Adds a copy of @op, taking new references to its text and code.
 */
void
_ed_sheet_row_add_op (EdSheetRow      *row,
                      const EdSheetOp *op)
{
  EdSheetOp copy = *op;

  if (copy.text != NULL)
    ed_sheet_text_ref (copy.text);
  if (copy.qr != NULL)
    g_object_ref (copy.qr);

  g_array_append_val (row->ops, copy);
  row->height = MAX (row->height, op_bottom (op));
}

/**
 * _ed_sheet_row_add_text:
 * @text: (transfer full): the shaped text
 *
 * Returns: the height of @text
 */
double
_ed_sheet_row_add_text (EdSheetRow  *row,
                        EdSheetText *text,
                        double       x,
                        double       y)
{
  g_autoptr(EdSheetText) owned = text;
  EdSheetOp op = {
    .kind = ED_SHEET_OP_TEXT,
    .x = x,
    .y = y,
    .text = text,
    .first_line = 0,
    .n_lines = ed_sheet_text_get_n_lines (text),
  };

  if (op.n_lines == 0)
    return 0;

  _ed_sheet_row_add_op (row, &op);
  return ed_sheet_text_get_height (text);
}

double
_ed_sheet_row_add_string (EdSheetRow            *row,
                          const EdSheetGeometry *geometry,
                          EdSheetFont            font,
                          EdLanguage             language,
                          guint32                color,
                          const char            *string,
                          double                 x,
                          double                 y,
                          double                 width)
{
  EdSheetStyle style = _ed_sheet_style (geometry, font, language);

  if (string == NULL || *string == '\0')
    return 0;

  style.color = color;
  return _ed_sheet_row_add_text (row, ed_sheet_text_new (string, &style, width, 0), x, y);
}

void
_ed_sheet_row_add_rect (EdSheetRow    *row,
                        EdSheetOpKind  kind,
                        double         x,
                        double         y,
                        double         w,
                        double         h,
                        guint32        color,
                        double         line_width)
{
  EdSheetOp op = {
    .kind = kind, .x = x, .y = y, .w = w, .h = h,
    .color = color, .line_width = line_width,
  };

  _ed_sheet_row_add_op (row, &op);
}

void
_ed_sheet_row_add_line (EdSheetRow *row,
                        double      x0,
                        double      y0,
                        double      x1,
                        double      y1,
                        guint32     color,
                        double      line_width)
{
  EdSheetOp op = {
    .kind = ED_SHEET_OP_LINE, .x = x0, .y = y0, .w = x1 - x0, .h = y1 - y0,
    .color = color, .line_width = line_width,
  };

  _ed_sheet_row_add_op (row, &op);
}

void
_ed_sheet_row_add_qr (EdSheetRow *row,
                      EdQr       *qr,
                      double      x,
                      double      y,
                      double      size)
{
  EdSheetOp op = { .kind = ED_SHEET_OP_QR, .x = x, .y = y, .w = size, .h = size, .qr = qr };

  _ed_sheet_row_add_op (row, &op);
}

void
_ed_sheet_row_add_slot (EdSheetRow        *row,
                        const EdSheetSlot *slot)
{
  EdSheetSlot copy = *slot;

  copy.id = g_strdup (slot->id);
  g_array_append_val (row->slots, copy);
  row->height = MAX (row->height, slot->y + slot->h);
}

/**
 * _ed_sheet_row_add_columns:
 * @indent: from the left of each column
 *
 * Adds @text in each of the sheet's languages, side by side, one column
 * a language.
 *
 * Returns: the height of the tallest column
 */
double
_ed_sheet_row_add_columns (EdSheetRow            *row,
                           const EdSheetGeometry *geometry,
                           EdSheetFont            font,
                           guint32                color,
                           const EdText          *text,
                           double                 y,
                           double                 indent)
{
  double height = 0;

  if (text == NULL)
    return 0;

  for (guint i = 0; i < geometry->n_languages; i++)
    height = MAX (height,
                  _ed_sheet_row_add_string (row, geometry, font, geometry->languages[i], color,
                                            ed_text_lookup (text, geometry->languages[i]),
                                           geometry->column_x[i] + indent, y,
                                           geometry->column_width - indent));

  return height;
}

/**
 * _ed_sheet_row_add_word_columns:
 * @msgid: a sheet word, marked NC_("sheet", …)
 * @argument: (nullable): the string for the word's "%s"
 *
 * Like _ed_sheet_row_add_columns(), for one of the sheet's own words.
 */
double
_ed_sheet_row_add_word_columns (EdSheetRow            *row,
                                const EdSheetGeometry *geometry,
                                EdSheetFont            font,
                                guint32                color,
                                const char            *msgid,
                                const char            *argument,
                                double                 y,
                                double                 indent)
{
  double height = 0;

  for (guint i = 0; i < geometry->n_languages; i++)
    {
      EdLanguage language = geometry->languages[i];
      const char *word = _ed_sheet_word (language, msgid);
      g_autofree char *string = NULL;

      if (argument != NULL)
        {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
          string = g_strdup_printf (word, argument);
#pragma GCC diagnostic pop
          word = string;
        }

      height = MAX (height,
                    _ed_sheet_row_add_string (row, geometry, font, language, color, word,
                                              geometry->column_x[i] + indent, y,
                                              geometry->column_width - indent));
    }

  return height;
}

/**
 * _ed_sheet_row_add_flow:
 * @strings: (array length=n_strings): one string a language
 *
 * Sets short strings one after the other, each in its own language, and
 * goes to a new line when one does not fit: labels in several languages
 * without mixing them in one run of text.
 *
 * Returns: the height used
 */
double
_ed_sheet_row_add_flow (EdSheetRow            *row,
                        const EdSheetGeometry *geometry,
                        EdSheetFont            font,
                        guint32                color,
                        const char * const    *strings,
                        const EdLanguage      *languages,
                        guint                  n_strings,
                        double                 x,
                        double                 y,
                        double                 width)
{
  double gap = geometry->base * 0.9;
  double cx = 0;
  double line_height = 0;
  double used = 0;

  for (guint i = 0; i < n_strings; i++)
    {
      EdSheetStyle style = _ed_sheet_style (geometry, font, languages[i]);
      EdSheetText *text;
      double w, h;

      if (strings[i] == NULL || *strings[i] == '\0')
        continue;

      style.color = color;
      text = ed_sheet_text_new (strings[i], &style, width, 0);
      w = ed_sheet_text_get_width (text);
      h = ed_sheet_text_get_height (text);

      if (cx > 0 && (cx + w > width || ed_sheet_text_get_n_lines (text) > 1))
        {
          used += line_height;
          cx = 0;
          line_height = 0;
        }

      _ed_sheet_row_add_text (row, text, x + cx, y + used);
      cx += w + gap;
      line_height = MAX (line_height, h);
    }

  return used + line_height;
}

/**
 * _ed_sheet_row_copy_part:
 * @from: top of the part, relative to @row
 * @to: bottom of the part
 *
 * Cuts a row that does not fit on a page. A text line goes to the part
 * its bottom falls in; backgrounds and rules are clipped to the part;
 * anything else goes to the part its top falls in. The part starts at 0.
 *
 * Returns: (transfer full): the part
 */
EdSheetRow *
_ed_sheet_row_copy_part (const EdSheetRow *row,
                         double            from,
                         double            to)
{
  EdSheetRow *part = _ed_sheet_row_new ();

  part->flags = row->flags;

  for (guint i = 0; i < row->ops->len; i++)
    {
      const EdSheetOp *op = &g_array_index (row->ops, EdSheetOp, i);
      EdSheetOp copy = *op;

      if (op->kind == ED_SHEET_OP_TEXT)
        {
          double top0 = ed_sheet_text_get_line_top (op->text, op->first_line);
          guint first = G_MAXUINT, last = 0;

          for (guint l = op->first_line; l < op->first_line + op->n_lines; l++)
            {
              double bottom = op->y + ed_sheet_text_get_line_bottom (op->text, l) - top0;

              if (bottom > from + EPSILON && bottom <= to + EPSILON)
                {
                  first = MIN (first, l);
                  last = MAX (last, l);
                }
            }
          if (first == G_MAXUINT)
            continue;

          copy.first_line = first;
          copy.n_lines = last - first + 1;
          copy.y = MAX (0, op->y + ed_sheet_text_get_line_top (op->text, first) - top0 - from);
        }
      else if (op->kind == ED_SHEET_OP_FILL ||
               (op->kind == ED_SHEET_OP_LINE && op->w == 0))
        {
          double top = MAX (op->y, from);
          double bottom = MIN (op->y + op->h, to);

          if (bottom <= top)
            continue;
          copy.y = top - from;
          copy.h = bottom - top;
        }
      else
        {
          if (op->y < from - EPSILON || op->y >= to - EPSILON)
            continue;
          copy.y = op->y - from;
        }

      _ed_sheet_row_add_op (part, &copy);
    }

  for (guint i = 0; i < row->slots->len; i++)
    {
      const EdSheetSlot *slot = &g_array_index (row->slots, EdSheetSlot, i);
      EdSheetSlot copy = *slot;

      if (slot->y < from - EPSILON || slot->y >= to - EPSILON)
        continue;
      copy.y = slot->y - from;
      _ed_sheet_row_add_slot (part, &copy);
    }

  return part;
}

static void
set_color (cairo_t *cr,
           guint32  color)
{
  cairo_set_source_rgb (cr,
                        ((color >> 16) & 0xff) / 255.0,
                        ((color >> 8) & 0xff) / 255.0,
                        (color & 0xff) / 255.0);
}

void
_ed_sheet_draw_op (const EdSheetOp *op,
                   cairo_t         *cr)
{
  switch (op->kind)
    {
    case ED_SHEET_OP_TEXT:
      ed_sheet_text_draw_lines (op->text, cr, op->x, op->y, op->first_line, op->n_lines);
      break;

    case ED_SHEET_OP_FILL:
      set_color (cr, op->color);
      cairo_rectangle (cr, op->x, op->y, op->w, op->h);
      cairo_fill (cr);
      break;

    case ED_SHEET_OP_STROKE:
      set_color (cr, op->color);
      cairo_set_line_width (cr, op->line_width);
      cairo_rectangle (cr, op->x, op->y, op->w, op->h);
      cairo_stroke (cr);
      break;

    case ED_SHEET_OP_LINE:
      set_color (cr, op->color);
      cairo_set_line_width (cr, op->line_width);
      cairo_move_to (cr, op->x, op->y);
      cairo_line_to (cr, op->x + op->w, op->y + op->h);
      cairo_stroke (cr);
      break;

    case ED_SHEET_OP_QR:
      ed_qr_draw (op->qr, cr, op->x, op->y, op->w);
      break;

    default:
      g_assert_not_reached ();
    }
}

EdSheetBlock *
_ed_sheet_builder_add_block (EdSheetBuilder *builder)
{
  EdSheetBlock *block = g_new0 (EdSheetBlock, 1);

  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) _ed_sheet_row_free);
  g_ptr_array_add (builder->blocks, block);

  return block;
}

void
_ed_sheet_block_free (EdSheetBlock *block)
{
  if (block == NULL)
    return;

  g_ptr_array_unref (block->rows);
  g_free (block);
}

EdSheetRow *
_ed_sheet_block_add_row (EdSheetBlock *block,
                         double        space_after)
{
  EdSheetRow *row = _ed_sheet_row_new ();

  row->space_after = space_after;
  g_ptr_array_add (block->rows, row);

  return row;
}
