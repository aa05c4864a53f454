/* ed-sheet-summary.c — the cover: everything a client must do, on one page
 *
 * The first page of a sheet is the one a client keeps on the fridge:
 * the firm's letterhead, whom the sheet is for, each step in a sentence
 * with its deadline worked out for the traveller, the two or three QR
 * codes that matter most, whom to call, and whom at the firm to ask.
 * The detailed steps follow from the next page on.
 *
 * It must fit one page, in any two languages, whatever the procedure:
 * it is built at the most generous level, and again tighter (shorter
 * step texts, fewer codes and contacts, less space) until it fits. It
 * takes a list of procedures, so that a journey's cover lists the steps
 * of each procedure of the journey in turn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-sheet-private.h"

#define N_LEVELS 6

typedef struct
{
  EdSheetBuilder *builder;
  guint           level;        /* 0 generous … N_LEVELS - 1 tightest */
  double          space;        /* the factor of the spaces between rows */
} Cover;

/* A section's heading: as the detailed sheet's, smaller when tight. */
static void
cover_heading (Cover        *cover,
               EdSheetBlock *block,
               const char   *word)
{
  const EdSheetGeometry *g = &cover->builder->geometry;
  EdSheetRow *row;
  double space_before = g->base * 0.9 * cover->space;
  double h;

  if (cover->level < 4)
    {
      _ed_sheet_build_heading (cover->builder, block, NULL, word);
      return;
    }

  row = _ed_sheet_block_add_row (block, g->base * 0.5);
  row->flags |= ED_SHEET_ROW_KEEP_WITH_NEXT;
  h = _ed_sheet_row_add_word_columns (row, g, ED_SHEET_FONT_STEP, ED_SHEET_ACCENT, word, NULL,
                                      space_before, 0);
  _ed_sheet_row_add_line (row, g->left, space_before + h + 1.5, g->right, space_before + h + 1.5,
                          ED_SHEET_ACCENT, 0.9);
}

/* The letterhead: the logo, @logo_h tall, the office's name, address
 * and contacts. */
void
_ed_sheet_add_letterhead (EdSheetBuilder *builder,
                          EdSheetRow     *row,
                          double          logo_h)
{
  const EdSheetGeometry *g = &builder->geometry;
  EdSheetOffice *office = ed_sheet_options_get_office (builder->options);
  EdLanguage language = g->languages[0];
  double x = g->left;
  double y = 0, right_y = 0;
  double width = g->right - g->left;
  g_autoptr(GString) contact = g_string_new (NULL);
  const char *handler;

  if (office == NULL)
    return;

  if (ed_sheet_office_has_logo (office))
    {
      double w, h;
      EdSheetOp op = { .kind = ED_SHEET_OP_LOGO, .x = x, .y = 0, .h = logo_h, .office = office };

      ed_sheet_office_get_logo_size (office, &w, &h);
      op.w = MIN (45 * ED_MM, logo_h * w / h);
      _ed_sheet_row_add_op (row, &op);
      x += op.w + g->base * 1.2;
    }

  y += _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_HEADING, language, ED_SHEET_ACCENT,
                                 ed_sheet_office_get (office, "name"), x, y,
                                 (g->right - x) * 0.62);
  y += _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_SMALL, language, ED_SHEET_MUTED,
                                 ed_sheet_office_get (office, "address"), x, y + 1,
                                 (g->right - x) * 0.62);

  /* Phone, e-mail and the handler on the right. */
  if (ed_sheet_office_get (office, "phone") != NULL)
    g_string_append (contact, ed_sheet_office_get (office, "phone"));
  if (ed_sheet_office_get (office, "email") != NULL)
    g_string_append_printf (contact, "%s%s", contact->len > 0 ? "\n" : "",
                            ed_sheet_office_get (office, "email"));
  {
    EdSheetStyle style = _ed_sheet_style (g, ED_SHEET_FONT_SMALL, ED_LANGUAGE_EN);
    EdSheetText *text;

    style.align = ED_SHEET_ALIGN_RIGHT;
    style.color = ED_SHEET_INK;
    if (contact->len > 0)
      {
        text = ed_sheet_text_new (contact->str, &style, width * 0.34, 0);
        right_y += _ed_sheet_row_add_text (row, text, g->right - width * 0.34, 0);
      }
    handler = ed_sheet_office_get (office, "handler");
    if (handler != NULL)
      {
        g_autofree char *line = NULL;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
        line = g_strdup_printf (_ed_sheet_word (language, NC_("sheet", "Your contact: %s")),
                                handler);
#pragma GCC diagnostic pop
        style.language = language;
        style.bold = TRUE;
        text = ed_sheet_text_new (line, &style, width * 0.34, 0);
        right_y += _ed_sheet_row_add_text (row, text, g->right - width * 0.34, right_y + 1);
      }
  }

  row->height = MAX (MAX (y, right_y), ed_sheet_office_has_logo (office) ? logo_h : 0) + 4;
  _ed_sheet_row_add_line (row, g->left, row->height, g->right, row->height, ED_SHEET_ACCENT, 1.2);
  row->height += 2;
}

static void
build_head (Cover       *cover,
            EdProcedure *procedure)
{
  EdSheetBuilder *builder = cover->builder;
  const EdSheetGeometry *g = &builder->geometry;
  EdSheetBlock *block = _ed_sheet_builder_add_block (builder);
  EdSheetRow *row;

  row = _ed_sheet_block_add_row (block, 0);
  _ed_sheet_row_add_mark (row, _ed_sheet_word (g->languages[0],
                                               NC_("sheet", "Summary: what to do, and by when")));
  if (ed_sheet_options_get_office (builder->options) != NULL)
    {
      row = _ed_sheet_block_add_row (block, g->base * 1.0 * cover->space);
      _ed_sheet_add_letterhead (builder, row, (cover->level >= 5 ? 12 : 15) * ED_MM);
    }

  if (cover->level < 4)
    {
      row = _ed_sheet_block_add_row (block, g->base * 0.2);
      _ed_sheet_row_add_word_columns (row, g, ED_SHEET_FONT_SMALL_BOLD, ED_SHEET_MUTED,
                                      NC_("sheet", "Summary: what to do, and by when"), NULL,
                                      0, 0);
    }
  row = _ed_sheet_block_add_row (block, g->base * 0.5 * cover->space);
  _ed_sheet_row_add_columns (row, g,
                             cover->level >= 3 ? ED_SHEET_FONT_HEADING : ED_SHEET_FONT_TITLE,
                             ED_SHEET_ACCENT, ed_procedure_get_title (procedure), 0, 0);
  /* Tightest, the banner at the top of the page says it alone. */
  if (cover->level < 3)
    {
      row = _ed_sheet_block_add_row (block, g->base * 0.7 * cover->space);
      _ed_sheet_build_status (builder, row, FALSE);
    }
}

/* Whom the sheet is for, and when it was printed. */
static void
build_for (Cover *cover)
{
  EdSheetBuilder *builder = cover->builder;
  const EdSheetGeometry *g = &builder->geometry;
  EdSheetBlock *block = g_ptr_array_index (builder->blocks, builder->blocks->len - 1);
  EdSheetRow *row = _ed_sheet_block_add_row (block, g->base * 0.9 * cover->space);
  EdSheetStyle value_style = _ed_sheet_style (g, ED_SHEET_FONT_VALUE, ED_LANGUAGE_EN);
  g_autofree char *printed = ed_sheet_options_dup_printed_on (builder->options);
  double pad = g->base * (cover->level >= 5 ? 0.3 : 0.5);
  double mid = g->left + (g->right - g->left) * 0.62;
  double y = pad;
  EdSheetSlot slot = {
    .kind = ED_SHEET_SLOT_NAME, .font = ED_SHEET_FONT_VALUE, .blank_line = TRUE,
    .max_lines = 2,
  };

  for (guint i = 0; i < g->n_languages; i++)
    if (g->languages[i] != ED_LANGUAGE_EN)
      slot.language = g->languages[i];

  _ed_sheet_row_add_rect (row, ED_SHEET_OP_FILL, g->left, 0, g->right - g->left, 1,
                          ED_SHEET_TINT, 0);
  {
    const char *words[ED_SHEET_MAX_LANGUAGES];

    for (guint i = 0; i < g->n_languages; i++)
      words[i] = _ed_sheet_word (g->languages[i], NC_("sheet", "Prepared for"));
    y += _ed_sheet_row_add_flow (row, g, ED_SHEET_FONT_CAPTION, ED_SHEET_MUTED, words,
                                 g->languages, g->n_languages, g->left + pad, y, mid - g->left);
  }
  slot.x = g->left + pad;
  slot.y = y;
  slot.w = mid - g->left - 2 * pad;
  slot.h = 2 * value_style.size * 1.3;
  _ed_sheet_row_add_slot (row, &slot);
  y += slot.h;

  {
    const char *words[ED_SHEET_MAX_LANGUAGES];
    double y2 = pad;
    EdSheetSlot reference = {
      .kind = ED_SHEET_SLOT_CASE_REFERENCE, .font = ED_SHEET_FONT_VALUE, .max_lines = 1,
      .language = ED_LANGUAGE_EN, .x = mid, .w = g->right - mid - pad,
      .h = value_style.size * 1.45,
    };

    for (guint i = 0; i < g->n_languages; i++)
      words[i] = _ed_sheet_word (g->languages[i], NC_("sheet", "Printed on"));
    y2 += _ed_sheet_row_add_flow (row, g, ED_SHEET_FONT_CAPTION, ED_SHEET_MUTED, words,
                                  g->languages, g->n_languages, mid, y2, g->right - mid - pad);
    y2 += _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_VALUE, ED_LANGUAGE_EN, ED_SHEET_INK,
                                    printed, mid, y2, g->right - mid - pad);
    for (guint i = 0; i < g->n_languages; i++)
      words[i] = _ed_sheet_word (g->languages[i], NC_("sheet", "Case reference"));
    y2 += _ed_sheet_row_add_flow (row, g, ED_SHEET_FONT_CAPTION, ED_SHEET_MUTED, words,
                                  g->languages, g->n_languages, mid, y2 + 2, g->right - mid - pad);
    reference.y = y2 + 2;
    _ed_sheet_row_add_slot (row, &reference);
    y = MAX (y, reference.y + reference.h);
  }

  row->height = y + pad;
  g_array_index (row->ops, EdSheetOp, 0).h = row->height;
}

static const EdPeriod *
step_period (EdProcedure  *procedure,
             const EdStep *step,
             guint         nth)
{
  GPtrArray *periods = ed_procedure_get_periods (procedure);

  for (guint p = 0; periods != NULL && p < periods->len; p++)
    {
      const EdPeriod *period = g_ptr_array_index (periods, p);

      if (g_strcmp0 (period->step, step->id) == 0 && nth-- == 0)
        return period;
    }

  return NULL;
}

/* Date rules that belong to no step: after the steps. */
static gboolean
period_has_step (EdProcedure    *procedure,
                 const EdPeriod *period)
{
  return period->step != NULL && ed_procedure_find_step (procedure, period->step) != NULL;
}

static void
add_due_slots (Cover          *cover,
               EdSheetRow     *row,
               const EdPeriod *period,
               double          y,
               double          indent,
               gboolean        with_label,
               double         *height)
{
  const EdSheetGeometry *g = &cover->builder->geometry;

  for (guint i = 0; i < g->n_languages; i++)
    {
      EdSheetStyle style = _ed_sheet_style (g, ED_SHEET_FONT_SMALL_BOLD, g->languages[i]);
      double h = 0;
      EdSheetSlot slot = {
        .kind = ED_SHEET_SLOT_DUE, .id = period->id, .language = g->languages[i],
        .font = ED_SHEET_FONT_SMALL_BOLD, .max_lines = 2, .blank_line = TRUE,
        .x = g->column_x[i] + indent, .w = g->column_width - indent,
      };

      if (with_label)
        h = _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_SMALL, g->languages[i],
                                      ED_SHEET_MUTED, ed_text_lookup (period->label,
                                                                      g->languages[i]),
                                      slot.x, y, slot.w);
      slot.y = y + h;
      slot.h = 2 * style.size * 1.4;
      _ed_sheet_row_add_slot (row, &slot);
      *height = MAX (*height, slot.y + slot.h);
    }
}

static void
build_steps (Cover       *cover,
             EdProcedure *procedure)
{
  EdSheetBuilder *builder = cover->builder;
  const EdSheetGeometry *g = &builder->geometry;
  GPtrArray *steps = ed_procedure_get_steps (procedure);
  GPtrArray *periods = ed_procedure_get_periods (procedure);
  EdSheetBlock *block = _ed_sheet_builder_add_block (builder);
  EdSheetStyle number_style = _ed_sheet_style (g, ED_SHEET_FONT_SMALL_BOLD, ED_LANGUAGE_EN);
  EdSheetFont font = cover->level >= 2 ? ED_SHEET_FONT_SMALL : ED_SHEET_FONT_BODY;
  EdSheetFont title_font = cover->level >= 2 ? ED_SHEET_FONT_SMALL_BOLD : ED_SHEET_FONT_BODY_BOLD;
  double box = g->base * (cover->level >= 3 ? 1.1 : 1.4);
  EdSheetRow *row;

  cover_heading (cover, block, NC_("sheet", "What to do, and by when"));

  for (guint s = 0; steps != NULL && s < steps->len; s++)
    {
      const EdStep *step = g_ptr_array_index (steps, s);
      g_autofree char *number = g_strdup_printf ("%u", s + 1);
      EdSheetText *number_text;
      double height = 0;
      const EdPeriod *period;
      gboolean labels;

      row = _ed_sheet_block_add_row (block, g->base * (cover->level >= 3 ? 0.2 : 0.45) *
                                            cover->space);
      _ed_sheet_row_add_rect (row, ED_SHEET_OP_STROKE, g->left + 0.5, 0.5, box, box,
                              ED_SHEET_ACCENT, 0.8);
      number_style.color = ED_SHEET_ACCENT;
      number_style.align = ED_SHEET_ALIGN_CENTER;
      number_text = ed_sheet_text_new (number, &number_style, box, 0);
      _ed_sheet_row_add_text (row, number_text, g->left + 0.5,
                              0.5 + (box - ed_sheet_text_get_height (number_text)) / 2);

      for (guint i = 0; i < g->n_languages; i++)
        {
          EdLanguage language = g->languages[i];
          double y = 0;

          /* The title, then what to do in short; tighter, only the
           * latter; tightest, only the title, which is shorter still. */
          if (cover->level == 0 || (step->summary == NULL && cover->level < 3))
            y += _ed_sheet_row_add_string (row, g, title_font, language, ED_SHEET_INK,
                                           ed_text_lookup (step->title, language),
                                           g->column_x[i], y, g->column_width);
          if (step->summary != NULL && cover->level < 3)
            y += _ed_sheet_row_add_string (row, g, font, language, ED_SHEET_INK,
                                           ed_text_lookup (step->summary, language),
                                           g->column_x[i], y + (cover->level < 1 ? 1 : 0),
                                           g->column_width);
          if (cover->level >= 3)
            y += _ed_sheet_row_add_string (row, g, font, language, ED_SHEET_INK,
                                           ed_text_lookup (step->title, language),
                                           g->column_x[i], y, g->column_width);
          height = MAX (height, y);
        }

      /* Tightest, a step's only date goes without its label: the
       * step's title says what it is for. */
      labels = cover->level < 5 || step_period (procedure, step, 1) != NULL;
      for (guint n = 0; (period = step_period (procedure, step, n)) != NULL; n++)
        add_due_slots (cover, row, period, height + 1, 0, labels, &height);
      row->height = MAX (height, box);
    }

  /* Dates of no particular step. */
  for (guint p = 0; periods != NULL && p < periods->len; p++)
    {
      const EdPeriod *period = g_ptr_array_index (periods, p);
      double height = 0;

      if (period_has_step (procedure, period))
        continue;
      row = _ed_sheet_block_add_row (block, g->base * 0.3 * cover->space);
      add_due_slots (cover, row, period, 0, 0, TRUE, &height);
      row->height = height;
    }
}

/* The links a client opens first: those only official from their own
 * code, then the others in step order. */
static GPtrArray *
main_links (EdProcedure *procedure,
            guint        max)
{
  GPtrArray *steps = ed_procedure_get_steps (procedure);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  GPtrArray *links = g_ptr_array_new ();

  for (guint s = 0; steps != NULL && s < steps->len; s++)
    {
      const EdStep *step = g_ptr_array_index (steps, s);

      for (guint l = 0; step->links != NULL && l < step->links->len; l++)
        g_ptr_array_add (all, g_ptr_array_index (step->links, l));
      for (guint a = 0; step->alternatives != NULL && a < step->alternatives->len; a++)
        {
          const EdAlternative *alternative = g_ptr_array_index (step->alternatives, a);

          for (guint l = 0; alternative->links != NULL && l < alternative->links->len; l++)
            g_ptr_array_add (all, g_ptr_array_index (alternative->links, l));
        }
    }

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < all->len && links->len < max; i++)
      {
        const EdLink *link = g_ptr_array_index (all, i);
        gboolean seen = FALSE;

        if (!link->qr || link->official_only != (pass == 0) ||
            !g_str_has_prefix (link->url, "https://"))
          continue;
        for (guint j = 0; j < links->len && !seen; j++)
          seen = g_strcmp0 (((const EdLink *) g_ptr_array_index (links, j))->url, link->url) == 0;
        if (!seen)
          g_ptr_array_add (links, (gpointer) link);
      }

  return links;
}

static EdQr *
get_qr (EdSheetBuilder *builder,
        const char     *url)
{
  EdQr *qr = g_hash_table_lookup (builder->qr_codes, url);

  if (qr == NULL)
    {
      qr = ed_qr_new_for_text (url, NULL);
      if (qr != NULL)
        g_hash_table_insert (builder->qr_codes, g_strdup (url), qr);
    }

  return qr;
}

static void
build_codes (Cover       *cover,
             EdProcedure *procedure)
{
  EdSheetBuilder *builder = cover->builder;
  const EdSheetGeometry *g = &builder->geometry;
  g_autoptr(GPtrArray) links = main_links (procedure, cover->level >= 3 ? 2 : 3);
  EdSheetBlock *block;
  EdSheetRow *row;
  double cell, height = 0;

  if (links->len == 0)
    return;

  block = _ed_sheet_builder_add_block (builder);
  cover_heading (cover, block, NC_("sheet", "Scan these codes"));
  row = _ed_sheet_block_add_row (block, g->base * 0.6 * cover->space);
  cell = (g->right - g->left) / 3;

  for (guint i = 0; i < links->len; i++)
    {
      const EdLink *link = g_ptr_array_index (links, i);
      EdQr *qr = get_qr (builder, link->url);
      double x = g->left + i * cell;
      double size, y, text_x, text_w;

      if (qr == NULL)
        continue;
      size = ed_qr_size_for_width (qr, 21 * ED_MM);
      _ed_sheet_row_add_qr (row, qr, x, 0, size);
      _ed_sheet_row_add_link (row, link->url, x, 0, size, size);
      text_x = x + size;
      text_w = cell - size - g->base * 0.3;
      y = g->base * 0.6;
      for (guint l = 0; l < g->n_languages; l++)
        y += _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_SMALL_BOLD, g->languages[l],
                                       ED_SHEET_INK, ed_text_lookup (link->title, g->languages[l]),
                                       text_x, y, text_w) + 1;
      if (link->official_only)
        for (guint l = 0; l < g->n_languages; l++)
          y += _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_SMALL, g->languages[l],
                                         ED_SHEET_ENDED,
                                         _ed_sheet_word (g->languages[l],
                                                         NC_("sheet", "Only this code is "
                                                                      "official.")),
                                         text_x, y, text_w) + 1;
      height = MAX (height, MAX (size, y));
    }
  row->height = height;
}

static void
build_contacts (Cover       *cover,
                EdProcedure *procedure)
{
  EdSheetBuilder *builder = cover->builder;
  const EdSheetGeometry *g = &builder->geometry;
  GPtrArray *contacts = ed_procedure_get_contacts (procedure);
  guint max = cover->level >= 4 ? 1 : cover->level >= 3 ? 2 : cover->level >= 1 ? 3 : 4;
  EdSheetBlock *block;

  if (contacts == NULL || contacts->len == 0)
    return;

  block = _ed_sheet_builder_add_block (builder);
  cover_heading (cover, block, NC_("sheet", "Contacts"));

  for (guint c = 0; c < contacts->len && c < max; c++)
    {
      const EdContact *contact = g_ptr_array_index (contacts, c);
      EdSheetRow *row = _ed_sheet_block_add_row (block, g->base * 0.35 * cover->space);
      double height = 0;

      for (guint i = 0; i < g->n_languages; i++)
        {
          EdLanguage language = g->languages[i];
          g_autoptr(GString) line = g_string_new (ed_text_lookup (contact->name, language));
          double y = 0;

          y += _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_SMALL_BOLD, language, ED_SHEET_INK,
                                         line->str, g->column_x[i], y, g->column_width);
          g_string_truncate (line, 0);
          if (contact->phone != NULL)
            g_string_append (line, contact->phone);
          if (contact->email != NULL)
            g_string_append_printf (line, "%s%s", line->len > 0 ? "  " : "", contact->email);
          if (line->len == 0 && contact->url != NULL)
            g_string_append (line, contact->text != NULL ? contact->text : contact->url);
          y += _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_SMALL, ED_LANGUAGE_EN,
                                         ED_SHEET_INK, line->str, g->column_x[i], y,
                                         g->column_width);
          if (contact->hours != NULL && contact->hours->len > 0 && cover->level < 4)
            {
              const EdContactHours *hours = g_ptr_array_index (contact->hours, 0);

              y += _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_SMALL, language,
                                             ED_SHEET_MUTED,
                                             ed_text_lookup (hours->hours, language),
                                             g->column_x[i], y, g->column_width);
            }
          height = MAX (height, y);
        }
      row->height = height;
    }
}

/* Whom at the firm to ask: only with a letterhead. */
static void
build_firm (Cover *cover)
{
  EdSheetBuilder *builder = cover->builder;
  const EdSheetGeometry *g = &builder->geometry;
  EdSheetOffice *office = ed_sheet_options_get_office (builder->options);
  EdSheetBlock *block;
  EdSheetRow *row;
  double pad = g->base * 0.6, height = 0;

  /* The letterhead at the top says as much, tighter. */
  if (office == NULL || cover->level >= 1)
    return;

  block = _ed_sheet_builder_add_block (builder);
  row = _ed_sheet_block_add_row (block, 0);
  row->height = g->base * 0.8 * cover->space;
  row = _ed_sheet_block_add_row (block, 0);
  _ed_sheet_row_add_rect (row, ED_SHEET_OP_FILL, g->left, 0, g->right - g->left, 1,
                          ED_SHEET_TINT, 0);
  for (guint i = 0; i < g->n_languages; i++)
    {
      EdLanguage language = g->languages[i];
      g_autoptr(GString) lines = g_string_new (NULL);
      double y = pad;
      const char *keys[] = { "handler", "phone", "email" };

      y += _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_SMALL_BOLD, language, ED_SHEET_ACCENT,
                                     _ed_sheet_word (language,
                                                     NC_("sheet", "Questions? Ask us")),
                                     g->column_x[i], y, g->column_width);
      g_string_append (lines, ed_sheet_office_get (office, "name"));
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        if (ed_sheet_office_get (office, keys[k]) != NULL)
          g_string_append_printf (lines, "\n%s", ed_sheet_office_get (office, keys[k]));
      y += _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_SMALL, language, ED_SHEET_INK,
                                     lines->str, g->column_x[i], y + 1, g->column_width);
      height = MAX (height, y + pad);
    }
  row->height = height;
  g_array_index (row->ops, EdSheetOp, 0).h = height;
}

static double
blocks_height (EdSheetBuilder *builder,
               guint           from)
{
  double height = 0;

  for (guint b = from; b < builder->blocks->len; b++)
    {
      EdSheetBlock *block = g_ptr_array_index (builder->blocks, b);

      for (guint r = 0; r < block->rows->len; r++)
        {
          EdSheetRow *row = g_ptr_array_index (block->rows, r);

          height += row->height + row->space_after;
        }
    }

  return height;
}

/**
 * _ed_sheet_build_summary:
 * @procedures: (array length=n_procedures): the procedures, in order;
 *   the first one's title heads the page
 *
 * Adds the cover, one page, and a page break after it (none when even
 * the tightest cover does not fit one page: three languages).
 */
void
_ed_sheet_build_summary (EdSheetBuilder      *builder,
                         EdProcedure * const *procedures,
                         guint                n_procedures)
{
  const EdSheetGeometry *g = &builder->geometry;
  guint first = builder->blocks->len;
  double room = _ed_sheet_first_page_room (builder);
  gboolean fits = FALSE;

  for (guint level = 0; level < N_LEVELS; level++)
    {
      Cover cover = { builder, level,
                       level >= 5 ? 0.4 : level >= 3 ? 0.6 : level >= 2 ? 0.8 : 1.0 };

      /* Tighter lines for a long procedure: Noto Sans CJK's own are
       * 1.45 of its size; 0.86 of that is 1.25, 0.82 is 1.19. */
      builder->geometry.line_spacing = level >= 5 ? 0.82 : level >= 2 ? 0.86 : 0;

      g_ptr_array_set_size (builder->blocks, first);
      build_head (&cover, procedures[0]);
      build_for (&cover);
      for (guint p = 0; p < n_procedures; p++)
        {
          if (p > 0)
            {
              EdSheetBlock *block = _ed_sheet_builder_add_block (builder);
              EdSheetRow *row = _ed_sheet_block_add_row (block, g->base * 0.3);

              _ed_sheet_row_add_columns (row, g, ED_SHEET_FONT_STEP, ED_SHEET_ACCENT,
                                         ed_procedure_get_title (procedures[p]), 0, 0);
            }
          build_steps (&cover, procedures[p]);
        }
      build_codes (&cover, procedures[0]);
      build_contacts (&cover, procedures[0]);
      build_firm (&cover);

      fits = blocks_height (builder, first) <= room;
      if (fits)
        break;
    }
  builder->geometry.line_spacing = 0;

  /* In three languages the tightest cover may still spill over: then the
   * steps follow right after it rather than below a page of its tail. */
  ((EdSheetBlock *) g_ptr_array_index (builder->blocks, builder->blocks->len - 1))
    ->page_break_after = fits;
}
