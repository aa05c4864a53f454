/* ed-sheet-steps.c — numbered steps, by phase, with what each needs
 *
 * A step is one block: its number and title, its instructions one
 * paragraph a row, the alternatives ("iPhone / Android"), notes, QR codes,
 * the answers to copy into the official form and the tick boxes of the
 * source's checklist with its page references.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-sheet-private.h"

/* QR codes are at least this wide, quiet zone not included. */
#define QR_SYMBOL_WIDTH (21 * ED_MM)

void
_ed_sheet_build_heading (EdSheetBuilder *builder,
                         EdSheetBlock   *block,
                         const EdText   *title,
                         const char     *word)
{
  const EdSheetGeometry *g = &builder->geometry;
  EdSheetRow *row = _ed_sheet_block_add_row (block, g->base * 0.8);
  double space_before = g->base * 0.9;
  double h;

  row->flags |= ED_SHEET_ROW_KEEP_WITH_NEXT;
  if (title != NULL)
    h = _ed_sheet_row_add_columns (row, g, ED_SHEET_FONT_HEADING, ED_SHEET_ACCENT, title,
                                   space_before, 0);
  else
    h = _ed_sheet_row_add_word_columns (row, g, ED_SHEET_FONT_HEADING, ED_SHEET_ACCENT, word,
                                        NULL, space_before, 0);

  _ed_sheet_row_add_line (row, g->left, space_before + h + 2, g->right, space_before + h + 2,
                          ED_SHEET_ACCENT, 0.9);
}

static guint32
note_color (EdNoteKind kind)
{
  switch (kind)
    {
    case ED_NOTE_PENALTY:
      return ED_SHEET_ENDED;
    case ED_NOTE_WARNING:
    case ED_NOTE_CHECK:
      return ED_SHEET_WARNING;
    case ED_NOTE_INFO:
    default:
      return ED_SHEET_ACCENT;
    }
}

static const char *
note_word (EdNoteKind kind)
{
  switch (kind)
    {
    case ED_NOTE_PENALTY:
      return NC_("sheet", "Penalty");
    case ED_NOTE_WARNING:
      return NC_("sheet", "Warning");
    case ED_NOTE_CHECK:
      return NC_("sheet", "Check before use");
    case ED_NOTE_INFO:
    default:
      return NC_("sheet", "Note");
    }
}

void
_ed_sheet_build_note (EdSheetBuilder *builder,
                      EdSheetBlock   *block,
                      const EdNote   *note)
{
  const EdSheetGeometry *g = &builder->geometry;
  EdSheetRow *row = _ed_sheet_block_add_row (block, g->base * 0.55);
  guint32 color = note_color (note->kind);
  double indent = g->base * 0.9;
  double h;

  row->flags |= ED_SHEET_ROW_SPLITTABLE;
  h = _ed_sheet_row_add_word_columns (row, g, ED_SHEET_FONT_SMALL_BOLD, color,
                                      note_word (note->kind), NULL, 0, indent);
  _ed_sheet_row_add_columns (row, g, ED_SHEET_FONT_SMALL, ED_SHEET_INK, note->text,
                             h + 0.5, indent);

  for (guint i = 0; i < g->n_languages; i++)
    _ed_sheet_row_add_line (row, g->column_x[i] + 1.2, 0, g->column_x[i] + 1.2, row->height,
                            color, 2.0);
}

static EdQr *
get_qr (EdSheetBuilder *builder,
        const char     *url)
{
  EdQr *qr = g_hash_table_lookup (builder->qr_codes, url);
  g_autoptr(GError) error = NULL;

  if (qr != NULL)
    return qr;

  qr = ed_qr_new_for_text (url, &error);
  if (qr == NULL)
    {
      g_warning ("No QR code for %s: %s", url, error->message);
      return NULL;
    }

  g_hash_table_insert (builder->qr_codes, g_strdup (url), qr);
  return qr;
}

/**
 * _ed_sheet_address:
 * @shown: (nullable): the address as the source prints it
 * @language: (out): the language to shape it in
 *
 * The address as a client reads and types it: a path written in
 * %-escapes (%E5%8E%9A…) is printed as the words it stands for, which a
 * browser takes as well, and breaks after a "/" rather than anywhere in
 * a line of escapes; the QR code and the link keep the escapes. Words in
 * an address are the site's: Japanese on a Japanese site.
 *
 * Returns: (transfer full): the address to print
 */
char *
_ed_sheet_address (EdSheetBuilder *builder,
                   const char     *url,
                   const char     *shown,
                   EdLanguage     *language)
{
  g_autofree char *unescaped = NULL;
  char *address = NULL;

  if (shown != NULL)
    address = g_strdup (shown);
  else if (g_str_has_prefix (url, "tel:"))
    address = g_strdup (url + strlen ("tel:"));
  else if (g_str_has_prefix (url, "mailto:"))
    address = g_strdup (url + strlen ("mailto:"));
  else if (strchr (url, '%') != NULL)
    unescaped = g_uri_unescape_string (url, NULL);

  if (unescaped != NULL && g_utf8_validate (unescaped, -1, NULL))
    {
      gboolean printable = TRUE;

      for (const char *p = unescaped; *p != '\0' && printable; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          printable = g_unichar_isgraph (c) && c != '%';
        }
      if (printable)
        address = g_steal_pointer (&unescaped);
    }
  if (address == NULL)
    address = g_strdup (url);

  if (g_str_is_ascii (address))
    *language = ED_LANGUAGE_EN;
  else if (builder->procedure != NULL &&
           g_strcmp0 (ed_procedure_get_country (builder->procedure), "CN") == 0)
    *language = ED_LANGUAGE_ZH_CN;
  else
    *language = ED_LANGUAGE_JA;

  return address;
}

/**
 * _ed_sheet_build_link:
 * @shown: (nullable): the address as the source prints it
 * @qr: whether to print a QR code
 *
 * A web page or an app to install: a QR code with the address printed
 * beside it and what it is, in each language. A URL already printed as a
 * code earlier refers back to it instead of printing it again.
 */
void
_ed_sheet_build_link (EdSheetBuilder *builder,
                      EdSheetBlock   *block,
                      const char     *url,
                      const char     *shown,
                      const EdText   *title,
                      gboolean        qr,
                      gboolean        official_only)
{
  const EdSheetGeometry *g = &builder->geometry;
  EdSheetRow *row = _ed_sheet_block_add_row (block, g->base * 0.7);
  double pad = g->base * 0.6;
  double x0 = g->column_x[0];
  double right = g->right;
  EdQr *code = NULL;
  gpointer first_step = NULL;
  gboolean seen = FALSE;
  double size = 0, text_x, text_w, y, sub_w, sub_h = 0;
  guint n = g->n_languages;

  if (qr)
    {
      seen = g_hash_table_lookup_extended (builder->qr_first_step, url, NULL, &first_step);
      if (!seen)
        code = get_qr (builder, url);
    }

  if (code != NULL)
    {
      g_hash_table_insert (builder->qr_first_step, g_strdup (url),
                           GINT_TO_POINTER (builder->step_number));
      size = ed_qr_size_for_width (code, QR_SYMBOL_WIDTH);
      /* The quiet zone is the card's inner margin on the left. */
      _ed_sheet_row_add_qr (row, code, x0 - g->base, 0, size);
      _ed_sheet_row_add_link (row, url, x0 - g->base, 0, size, size);
      text_x = x0 - g->base + size + g->base * 0.4;
    }
  else
    text_x = x0;

  text_w = right - text_x - pad;
  y = code != NULL ? pad * 1.5 : pad;
  {
    EdLanguage language;
    g_autofree char *address = _ed_sheet_address (builder, url, shown, &language);
    double h;

    h = _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_ADDRESS_BOLD, language, ED_SHEET_INK,
                                  address, text_x, y, text_w);

    _ed_sheet_row_add_link (row, url, text_x, y, text_w, h);
    y += h;
  }
  y += g->base * 0.3;

  /* What it is, in each language, in narrower columns beside the code. */
  sub_w = (text_w - (n - 1) * g->base) / n;
  for (guint i = 0; i < n; i++)
    {
      EdLanguage language = g->languages[i];
      double x = text_x + i * (sub_w + g->base);
      double h = 0;

      if (title != NULL)
        h += _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_SMALL_BOLD, language, ED_SHEET_INK,
                                       ed_text_lookup (title, language), x, y + h, sub_w);

      if (seen && GPOINTER_TO_INT (first_step) > 0)
        {
          g_autofree char *number = g_strdup_printf ("%d", GPOINTER_TO_INT (first_step));
          g_autofree char *text = NULL;

          text = g_strdup_printf (_ed_sheet_word (language,
                                                  NC_("sheet",
                                                      "The QR code for it is in step %s.")),
                                  number);
          h += _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_SMALL, language, ED_SHEET_MUTED,
                                         text, x, y + h + 1, sub_w) + 1;
        }
      else if (seen)
        h += _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_SMALL, language, ED_SHEET_MUTED,
                                       _ed_sheet_word (language,
                                                     NC_("sheet", "Its QR code is printed above.")),
                                      x, y + h + 1, sub_w) + 1;

      if (official_only)
        h += _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_SMALL_BOLD, language, ED_SHEET_ENDED,
                                       _ed_sheet_word (language,
                                                     NC_("sheet", "Only this QR code or address "
                                                                  "is official: do not search "
                                                                  "for it elsewhere.")),
                                      x, y + h + 1.5, sub_w) + 1.5;
      sub_h = MAX (sub_h, h);
    }

  row->height = MAX (size, y + sub_h + pad);
  _ed_sheet_row_add_rect (row, ED_SHEET_OP_STROKE, x0 - g->base, 0, right - x0 + g->base,
                          row->height, ED_SHEET_RULE, 0.6);
}

static void
build_links (EdSheetBuilder *builder,
             EdSheetBlock   *block,
             GPtrArray      *links)
{
  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      const EdLink *link = g_ptr_array_index (links, i);

      _ed_sheet_build_link (builder, block, link->url, link->text, link->title,
                            link->qr, link->official_only);
    }
}

static EdLanguage
value_language (EdSheetBuilder *builder,
                const EdField  *field)
{
  const EdSheetGeometry *g = &builder->geometry;

  if (field->official_label != NULL)
    return field->official_lang;
  for (guint i = 0; i < g->n_languages; i++)
    if (g->languages[i] != ED_LANGUAGE_EN)
      return g->languages[i];

  return ED_LANGUAGE_EN;
}

static void
build_answers (EdSheetBuilder *builder,
               EdSheetBlock   *block,
               const EdStep   *step)
{
  const EdSheetGeometry *g = &builder->geometry;
  EdSheetRow *row;
  gboolean any = FALSE;

  for (guint f = 0; step->field_ids != NULL && f < step->field_ids->len; f++)
    {
      const EdField *field = ed_procedure_find_field (builder->procedure,
                                                      g_ptr_array_index (step->field_ids, f));

      any |= field != NULL && !field->is_private;
    }
  if (!any)
    return;

  row = _ed_sheet_block_add_row (block, g->base * 0.2);
  row->flags |= ED_SHEET_ROW_KEEP_WITH_NEXT;
  _ed_sheet_row_add_word_columns (row, g, ED_SHEET_FONT_SMALL_BOLD, ED_SHEET_ACCENT,
                                  NC_("sheet",
                                      "Your answers: enter them in the form exactly as printed."),
                                 NULL, g->base * 0.3, 0);

  for (guint f = 0; f < step->field_ids->len; f++)
    {
      const EdField *field = ed_procedure_find_field (builder->procedure,
                                                      g_ptr_array_index (step->field_ids, f));
      const char *labels[ED_SHEET_MAX_LANGUAGES];
      char *notes[ED_SHEET_MAX_LANGUAGES] = { NULL, };
      EdSheetSlot slot = {
        .kind = ED_SHEET_SLOT_FIELD,
        .blank_line = TRUE,
      };

      /* Passwords and the like are never printed, not even as a label
       * with a line to write them on. */
      if (field == NULL || field->is_private)
        continue;

      slot.id = field->id;
      slot.language = value_language (builder, field);
      slot.max_lines = field->kind == ED_FIELD_ADDRESS || field->kind == ED_FIELD_TEXT ? 2 : 1;

      for (guint i = 0; i < g->n_languages; i++)
        {
          labels[i] = ed_text_lookup (field->label, g->languages[i]);
          if (field->repeat > 1)
            {
              g_autofree char *times = g_strdup_printf ("%d", field->repeat);

              notes[i] = g_strdup_printf (_ed_sheet_word (g->languages[i],
                                                          NC_("sheet",
                                                              "The form asks for it %s times.")),
                                          times);
            }
        }

      _ed_sheet_build_form_row (builder, block, field->official_label, field->official_lang,
                                labels, field->repeat > 1 ? (const char * const *) notes : NULL,
                               &slot);
      for (guint i = 0; i < g->n_languages; i++)
        g_free (notes[i]);
    }

  row = g_ptr_array_index (block->rows, block->rows->len - 1);
  _ed_sheet_row_add_line (row, g->column_x[0], row->height, g->right, row->height,
                          ED_SHEET_RULE, 0.5);
  row->space_after = g->base * 0.7;
}

static double
add_page_reference (EdSheetBuilder *builder,
                    EdSheetRow     *row,
                    const char     *page,
                    double          y)
{
  const EdSheetGeometry *g = &builder->geometry;
  EdSheetStyle style = _ed_sheet_style (g, ED_SHEET_FONT_CAPTION, ED_LANGUAGE_JA);

  style.color = ED_SHEET_MUTED;
  style.size = 6.0;
  return _ed_sheet_row_add_text (row, ed_sheet_text_new (page, &style, g->gutter - 2, 0),
                                 g->left, y);
}

/* Returns: the bottom of what was added */
static double
add_tick_box (EdSheetBuilder *builder,
              EdSheetRow     *row,
              double          y,
              const char     *page)
{
  const EdSheetGeometry *g = &builder->geometry;
  double box = g->base * 1.05;
  double x = g->left + 1;

  _ed_sheet_row_add_rect (row, ED_SHEET_OP_FILL, x, y, box, box, ED_SHEET_WHITE, 0);
  _ed_sheet_row_add_rect (row, ED_SHEET_OP_STROKE, x, y, box, box, ED_SHEET_INK, 0.8);
  y += box;

  if (page != NULL && *page != '\0')
    y += 1.5 + add_page_reference (builder, row, page, y + 1.5);

  return y;
}

/* A code only the original document prints: say where it is, never
 * invent an address for it. */
static void
build_original_codes (EdSheetBuilder *builder,
                      EdSheetBlock   *block,
                      GPtrArray      *codes)
{
  const EdSheetGeometry *g = &builder->geometry;

  for (guint i = 0; codes != NULL && i < codes->len; i++)
    {
      const EdOriginalCode *code = g_ptr_array_index (codes, i);
      EdSheetRow *row = _ed_sheet_block_add_row (block, g->base * 0.6);
      double mark = g->base * 1.6;
      double h;

      h = _ed_sheet_row_add_word_columns (row, g, ED_SHEET_FONT_SMALL_BOLD, ED_SHEET_MUTED,
                                          NC_("sheet",
                                              "Code printed only in the original document:"),
                                         NULL, 0, 0);
      _ed_sheet_row_add_columns (row, g, ED_SHEET_FONT_SMALL, ED_SHEET_INK, code->title, h, 0);
      /* A QR code's three corner squares, filled: what to look for in
       * the original, and nothing like a box to tick. */
      {
        double corner = mark * 0.36;
        double x0 = g->left + 1, y0 = 1;

        _ed_sheet_row_add_rect (row, ED_SHEET_OP_FILL, x0, y0, corner, corner, ED_SHEET_FAINT, 0);
        _ed_sheet_row_add_rect (row, ED_SHEET_OP_FILL, x0 + mark - corner, y0, corner, corner,
                                ED_SHEET_FAINT, 0);
        _ed_sheet_row_add_rect (row, ED_SHEET_OP_FILL, x0, y0 + mark - corner, corner, corner,
                                ED_SHEET_FAINT, 0);
        _ed_sheet_row_add_rect (row, ED_SHEET_OP_FILL, x0 + mark * 0.55, y0 + mark * 0.55,
                                mark * 0.18, mark * 0.18, ED_SHEET_FAINT, 0);
        _ed_sheet_row_add_rect (row, ED_SHEET_OP_FILL, x0 + mark * 0.82, y0 + mark * 0.7,
                                mark * 0.18, mark * 0.3, ED_SHEET_FAINT, 0);
      }
    }
}

static void
build_checklist (EdSheetBuilder *builder,
                 EdSheetBlock   *block,
                 const EdStep   *step)
{
  const EdSheetGeometry *g = &builder->geometry;

  for (guint c = 0; step->checklist != NULL && c < step->checklist->len; c++)
    {
      const EdChecklistItem *item = g_ptr_array_index (step->checklist, c);
      EdSheetRow *row = _ed_sheet_block_add_row (block, g->base * 0.5);

      double bottom = add_tick_box (builder, row, g->base * 0.25, item->page);

      row->height = _ed_sheet_row_add_columns (row, g, ED_SHEET_FONT_BODY, ED_SHEET_INK,
                                               item->text, 0, 0);
      /* The page reference under the box may reach into the space
       * after the row, not further. */
      row->height = MAX (row->height, bottom - row->space_after);
    }
}

static void
build_alternative (EdSheetBuilder      *builder,
                   EdSheetBlock        *block,
                   const EdAlternative *alternative)
{
  const EdSheetGeometry *g = &builder->geometry;
  double indent = g->base * 1.1;
  guint first = block->rows->len;
  EdSheetRow *row = _ed_sheet_block_add_row (block, g->base * 0.3);

  row->flags |= ED_SHEET_ROW_KEEP_WITH_NEXT;
  _ed_sheet_row_add_columns (row, g, ED_SHEET_FONT_BODY_BOLD, ED_SHEET_ACCENT,
                             alternative->title, 0, indent);
  _ed_sheet_build_paragraphs (builder, block, alternative->body, ED_SHEET_FONT_BODY,
                              ED_SHEET_INK, indent);

  /* A rule down the left of each column holds the alternative together;
   * it runs through the space after each row, which stays space. */
  for (guint r = first; r < block->rows->len; r++)
    {
      double height;

      row = g_ptr_array_index (block->rows, r);
      height = row->height;
      for (guint i = 0; i < g->n_languages; i++)
        _ed_sheet_row_add_line (row, g->column_x[i] + 1, 0, g->column_x[i] + 1,
                                height + (r + 1 < block->rows->len ? row->space_after : 0),
                               ED_SHEET_RULE, 1.5);
      row->height = height;
    }
  row->space_after = g->base * 0.7;

  for (guint i = 0; alternative->notes != NULL && i < alternative->notes->len; i++)
    _ed_sheet_build_note (builder, block, g_ptr_array_index (alternative->notes, i));
  build_links (builder, block, alternative->links);
  build_original_codes (builder, block, alternative->original_codes);
}

static void
build_step (EdSheetBuilder *builder,
            EdSheetBlock   *block,
            const EdStep   *step)
{
  const EdSheetGeometry *g = &builder->geometry;
  EdSheetRow *row = _ed_sheet_block_add_row (block, g->base * 0.45);
  EdSheetRow *first = row;
  EdSheetStyle number_style = _ed_sheet_style (g, ED_SHEET_FONT_SMALL_BOLD, ED_LANGUAGE_EN);
  g_autofree char *number = g_strdup_printf ("%d", ++builder->step_number);
  EdSheetText *number_text;
  double box = g->base * 1.9;
  double h, under;

  row->flags |= ED_SHEET_ROW_KEEP_WITH_NEXT;

  {
    g_autofree char *mark = g_strdup_printf ("%s. %s", number,
                                             ed_text_lookup (step->title, g->languages[0]));

    _ed_sheet_row_add_mark (row, mark);
  }
  _ed_sheet_row_add_rect (row, ED_SHEET_OP_FILL, g->left, 0, box, box, ED_SHEET_ACCENT, 0);
  number_style.color = ED_SHEET_WHITE;
  number_style.align = ED_SHEET_ALIGN_CENTER;
  number_text = ed_sheet_text_new (number, &number_style, box, 0);
  _ed_sheet_row_add_text (row, number_text, g->left,
                          (box - ed_sheet_text_get_height (number_text)) / 2);

  h = _ed_sheet_row_add_columns (row, g, ED_SHEET_FONT_STEP, ED_SHEET_INK, step->title,
                                 MAX (0, (box - g->base * 1.1 * 1.45) / 2), 0);
  if (step->optional)
    _ed_sheet_row_add_word_columns (row, g, ED_SHEET_FONT_CAPTION, ED_SHEET_MUTED,
                                    NC_("sheet", "Optional step"), NULL, h + 1, 0);

  /* The source's page, under the number, as the source prints it, and
   * a tick box when the step has no checklist: marks in the gutter, beside
   * the first lines of the step rather than above them. */
  under = box + 1.5;
  if (step->page != NULL)
    under += add_page_reference (builder, row, step->page, under);
  if (step->checklist == NULL || step->checklist->len == 0)
    under = add_tick_box (builder, row, under + g->base * 0.4, NULL);
  row->reach = under;
  row->height = MAX (box, h + (step->optional ? g->base : 0));

  _ed_sheet_build_paragraphs (builder, block, step->body, ED_SHEET_FONT_BODY, ED_SHEET_INK, 0);

  for (guint i = 0; step->alternatives != NULL && i < step->alternatives->len; i++)
    build_alternative (builder, block, g_ptr_array_index (step->alternatives, i));
  for (guint i = 0; step->notes != NULL && i < step->notes->len; i++)
    _ed_sheet_build_note (builder, block, g_ptr_array_index (step->notes, i));
  build_links (builder, block, step->links);
  build_original_codes (builder, block, step->original_codes);
  build_answers (builder, block, step);
  build_checklist (builder, block, step);

  /* The marks in the gutter must not run into the next step. */
  {
    double total = 0;
    guint title = block->rows->len;

    for (guint i = 0; i < block->rows->len; i++)
      if (g_ptr_array_index (block->rows, i) == (gpointer) first)
        title = i;
    for (guint i = title; i < block->rows->len; i++)
      {
        EdSheetRow *r = g_ptr_array_index (block->rows, i);

        total += r->height + (i + 1 < block->rows->len ? r->space_after : 0);
      }
    row = g_ptr_array_index (block->rows, block->rows->len - 1);
    if (total < first->reach)
      row->height += first->reach - total;
  }
  row->space_after = MAX (row->space_after, g->base * 1.4);
}

/* The front, the steps and the back, built on several threads at once:
 * a thread takes the next part not taken yet and builds it with a
 * builder of its own, and the blocks are put in order at the end. What
 * a step shows depends on the steps before it in one way only: a QR
 * code an earlier step showed is not shown again, the step that did is
 * named instead; the back names them too. So which step first shows
 * each QR code is worked out first, in the order the steps show their
 * links (each alternative's, then the step's own), and each part starts
 * from what the steps before it showed, as if they had been built
 * before it. */
struct _EdSheetSteps
{
  EdSheetBuilder  builder;        /* the template's: its QR codes */
  GPtrArray      *steps;          /* EdStep */
  gboolean        front;          /* part 0 is the front */
  guint           n_parts;        /* the front, the steps, the back */
  GHashTable    **first_steps;    /* per step: URL → first step, before it */
  GHashTable     *shown;          /* URL → first step, after the last */
  GPtrArray     **blocks;         /* per part: EdSheetBlock, once built */
  int             next;           /* the next part to take, atomically */
};

static GHashTable *
copy_first_steps (GHashTable *first_steps)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer url, step;

  g_hash_table_iter_init (&iter, first_steps);
  while (g_hash_table_iter_next (&iter, &url, &step))
    g_hash_table_insert (copy, g_strdup (url), step);

  return copy;
}

/* What _ed_sheet_build_link() does with the QR codes of @links. */
static void
show_links (EdSheetBuilder *builder,
            GPtrArray      *links)
{
  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      const EdLink *link = g_ptr_array_index (links, i);

      if (link->qr && !g_hash_table_contains (builder->qr_first_step, link->url) &&
          get_qr (builder, link->url) != NULL)
        g_hash_table_insert (builder->qr_first_step, g_strdup (link->url),
                             GINT_TO_POINTER (builder->step_number));
    }
}

/**
 * _ed_sheet_steps_new:
 * @front: whether the front comes first
 *
 * Prepares the front, the steps of @builder's procedure and the back to
 * be built by _ed_sheet_steps_build_next() on any threads; makes the
 * steps' QR codes in @builder's table, which the threads then only read.
 *
 * Returns: (transfer full): the parts to build
 */
EdSheetSteps *
_ed_sheet_steps_new (EdSheetBuilder *builder,
                     gboolean        front)
{
  EdSheetSteps *self = g_new0 (EdSheetSteps, 1);
  guint n;

  self->builder = *builder;
  self->steps = ed_procedure_get_steps (builder->procedure);
  n = self->steps != NULL ? self->steps->len : 0;
  self->front = front;
  self->n_parts = (front ? 1 : 0) + n + 1;
  self->first_steps = g_new0 (GHashTable *, n);
  self->blocks = g_new0 (GPtrArray *, self->n_parts);

  self->builder.qr_first_step = copy_first_steps (builder->qr_first_step);
  for (guint s = 0; s < n; s++)
    {
      const EdStep *step = g_ptr_array_index (self->steps, s);

      self->first_steps[s] = copy_first_steps (self->builder.qr_first_step);
      self->builder.step_number = builder->step_number + (int) s + 1;
      for (guint i = 0; step->alternatives != NULL && i < step->alternatives->len; i++)
        show_links (&self->builder,
                    ((const EdAlternative *) g_ptr_array_index (step->alternatives, i))->links);
      show_links (&self->builder, step->links);
    }
  self->shown = g_steal_pointer (&self->builder.qr_first_step);
  self->builder.step_number = builder->step_number;

  return self;
}

static void
build_numbered_step (EdSheetBuilder *builder,
                     GPtrArray      *steps,
                     guint           s)
{
  const EdStep *step = g_ptr_array_index (steps, s);
  EdSheetBlock *block = _ed_sheet_builder_add_block (builder);

  /* The heading moves with the phase's first step. */
  if (step->phase != NULL &&
      (s == 0 || g_strcmp0 (step->phase,
                            ((const EdStep *) g_ptr_array_index (steps, s - 1))->phase) != 0))
    {
      const EdPhase *found = ed_procedure_find_phase (builder->procedure, step->phase);

      if (found != NULL)
        _ed_sheet_build_heading (builder, block, found->title, NULL);
    }

  build_step (builder, block, step);
}

/**
 * _ed_sheet_steps_build_next:
 *
 * Builds the next part no thread has taken, in the calling thread.
 *
 * Returns: %FALSE when every part is taken
 */
gboolean
_ed_sheet_steps_build_next (EdSheetSteps *self)
{
  guint part = (guint) g_atomic_int_add (&self->next, 1);
  guint s = part - (self->front ? 1 : 0);
  EdSheetBuilder builder;

  if (part >= self->n_parts)
    return FALSE;

  builder = self->builder;
  builder.blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) _ed_sheet_block_free);
  if (self->front && part == 0)
    _ed_sheet_build_front (&builder);
  else if (part + 1 == self->n_parts)
    {
      /* The back's own QR codes: the table of the steps' is being read. */
      builder.qr_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                g_object_unref);
      builder.qr_first_step = self->shown;
      builder.step_number += (int) s;
      _ed_sheet_build_back (&builder);
      g_hash_table_unref (builder.qr_codes);
    }
  else
    {
      builder.qr_first_step = self->first_steps[s];
      builder.step_number += (int) s;
      build_numbered_step (&builder, self->steps, s);
    }
  self->blocks[part] = builder.blocks;

  return TRUE;
}

/**
 * _ed_sheet_steps_finish:
 *
 * Once every part is built (and every thread building them is done),
 * adds their blocks to @builder's, in order; frees @self.
 */
void
_ed_sheet_steps_finish (EdSheetSteps   *self,
                        EdSheetBuilder *builder)
{
  guint n = self->steps != NULL ? self->steps->len : 0;

  for (guint p = 0; p < self->n_parts; p++)
    g_ptr_array_extend_and_steal (builder->blocks, self->blocks[p]);
  for (guint s = 0; s < n; s++)
    g_hash_table_unref (self->first_steps[s]);
  g_hash_table_unref (self->shown);

  g_free (self->first_steps);
  g_free (self->blocks);
  g_free (self);
}
