/* ed-sheet-build.c — the front of a sheet
 *
 * The title and status, the traveller, the rules box, the computed dates
 * and the procedure's notes; and the pieces every part uses: paragraphs
 * side by side and form rows. Steps are in ed-sheet-steps.c, contacts and
 * sources in ed-sheet-back.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-date.h"
#include "ed-sheet-private.h"

/* List items get a hanging indent: their marker stands out on the left
 * and the lines that follow start under the text. */
static char *
list_item (const char *paragraph,
           double      em,
           double     *hanging_indent)
{
  static const char * const markers[] = { "- ", "・", "※ ", "※", "• " };
  const char *p = paragraph;
  int digits = 0;

  *hanging_indent = 0;

  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      if (g_str_has_prefix (paragraph, markers[i]))
        {
          const char *rest = paragraph + strlen (markers[i]);
          const char *shown = i == 0 || i == 4 ? "•" : i == 1 ? "・" : "※";

          *hanging_indent = 1.15 * em;
          return g_strconcat (shown, "\t", rest, NULL);
        }
    }

  /* "1. ", "12. " */
  while (g_ascii_isdigit (p[digits]) && digits < 2)
    digits++;
  if (digits > 0 && p[digits] == '.' && p[digits + 1] == ' ')
    {
      *hanging_indent = 1.7 * em;
      return g_strdup_printf ("%.*s\t%s", digits + 1, p, p + digits + 2);
    }

  /* "① " to "⑳ " */
  if (g_str_has_prefix (p, "\xe2\x91") && strlen (p) > 3)
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x2460 && c <= 0x2473)
        {
          const char *rest = g_utf8_next_char (p);

          while (*rest == ' ')
            rest++;
          *hanging_indent = 1.3 * em;
          return g_strdup_printf ("%.3s\t%s", p, rest);
        }
    }

  return g_strdup (paragraph);
}

static GPtrArray *
split_paragraphs (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  GPtrArray *paragraphs = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line != '\0')
        g_ptr_array_add (paragraphs, g_strdup (line));
    }

  return paragraphs;
}

/**
 * _ed_sheet_build_paragraphs:
 * @indent: from the left of each column
 *
 * Adds @text one paragraph a row, the languages side by side, so that
 * paragraph n of every language starts on the same line and a long text
 * can break between paragraphs.
 */
void
_ed_sheet_build_paragraphs (EdSheetBuilder *builder,
                            EdSheetBlock   *block,
                            const EdText   *text,
                            EdSheetFont     font,
                            guint32         color,
                            double          indent)
{
  const EdSheetGeometry *g = &builder->geometry;
  GPtrArray *paragraphs[ED_SHEET_MAX_LANGUAGES];
  guint n_rows = 0;

  if (text == NULL)
    return;

  for (guint i = 0; i < g->n_languages; i++)
    {
      paragraphs[i] = split_paragraphs (ed_text_lookup (text, g->languages[i]));
      n_rows = MAX (n_rows, paragraphs[i]->len);
    }

  for (guint r = 0; r < n_rows; r++)
    {
      EdSheetRow *row = _ed_sheet_block_add_row (block, 0);
      gboolean is_list = FALSE;

      row->flags |= ED_SHEET_ROW_SPLITTABLE;

      for (guint i = 0; i < g->n_languages; i++)
        {
          EdSheetStyle style = _ed_sheet_style (g, font, g->languages[i]);
          g_autofree char *shown = NULL;
          double hanging;

          if (r >= paragraphs[i]->len)
            continue;

          shown = list_item (g_ptr_array_index (paragraphs[i], r), style.size, &hanging);
          is_list |= hanging > 0;
          style.color = color;
          _ed_sheet_row_add_text (row,
                                  ed_sheet_text_new (shown, &style,
                                                    g->column_width - indent, hanging),
                                 g->column_x[i] + indent, 0);
        }

      row->space_after = g->base * (is_list ? 0.25 : 0.45);
    }

  for (guint i = 0; i < g->n_languages; i++)
    g_ptr_array_unref (paragraphs[i]);
}

/**
 * _ed_sheet_build_form_row:
 * @official: (nullable): the label exactly as the official form shows it
 * @labels: (array fixed-size=3): our label in each sheet language
 * @notes: (array fixed-size=3) (nullable): a note in each sheet language
 * @slot: the value's slot; its position is set here
 *
 * One line of a form: the official label and ours on the left, the
 * traveller's value (or a line to write it on) on the right.
 */
void
_ed_sheet_build_form_row (EdSheetBuilder     *builder,
                          EdSheetBlock       *block,
                          const char         *official,
                          EdLanguage          official_language,
                          const char * const *labels,
                          const char * const *notes,
                          const EdSheetSlot  *slot)
{
  const EdSheetGeometry *g = &builder->geometry;
  EdSheetRow *row = _ed_sheet_block_add_row (block, 0);
  double x0 = g->column_x[0];
  double width = g->right - x0;
  double value_x = x0 + width * 0.46;
  double label_width = value_x - x0 - g->base;
  double pad = g->base * 0.45;
  double y = pad;
  EdSheetStyle value_style = _ed_sheet_style (g, ED_SHEET_FONT_VALUE, ED_LANGUAGE_EN);
  EdSheetSlot placed = *slot;

  const char *shown[ED_SHEET_MAX_LANGUAGES];

  /* "姓" in Chinese and in Japanese is printed once. */
  for (guint i = 0; i < g->n_languages; i++)
    {
      shown[i] = labels[i];
      for (guint j = 0; j < i; j++)
        if (g_strcmp0 (labels[i], labels[j]) == 0 || g_strcmp0 (labels[i], official) == 0)
          shown[i] = NULL;
    }
  if (g->n_languages > 0 && g_strcmp0 (labels[0], official) == 0)
    shown[0] = NULL;
  labels = shown;

  _ed_sheet_row_add_line (row, x0, 0, g->right, 0, ED_SHEET_RULE, 0.5);

  if (official != NULL)
    {
      y += _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_BODY_BOLD, official_language,
                                     ED_SHEET_INK, official, x0, y, label_width);
      y += _ed_sheet_row_add_flow (row, g, ED_SHEET_FONT_SMALL, ED_SHEET_MUTED,
                                   labels, g->languages, g->n_languages, x0, y, label_width);
    }
  else
    y += _ed_sheet_row_add_flow (row, g, ED_SHEET_FONT_BODY_BOLD, ED_SHEET_INK,
                                 labels, g->languages, g->n_languages, x0, y, label_width);

  if (notes != NULL)
    y += _ed_sheet_row_add_flow (row, g, ED_SHEET_FONT_CAPTION, ED_SHEET_MUTED,
                                 notes, g->languages, g->n_languages, x0, y, label_width);

  /* A value line is as tall as the value type's line. */
  placed.x = value_x;
  placed.y = pad;
  placed.w = g->right - value_x;
  placed.h = MAX (1, slot->max_lines) * value_style.size * 1.45;
  placed.font = ED_SHEET_FONT_VALUE;
  _ed_sheet_row_add_slot (row, &placed);

  row->height = MAX (y, placed.y + placed.h) + pad;
}

/* A tinted box behind a row and the space after it: rows of a box join
 * up into one box, across pages too. Drawn first, under the text. */
static void
add_tint (EdSheetRow            *row,
          const EdSheetGeometry *g,
          gboolean               join_next)
{
  double height = row->height + (join_next ? row->space_after : 0);
  EdSheetOp ops[2] = {
    {
      .kind = ED_SHEET_OP_FILL,
      .x = g->column_x[0] - g->base,
      .w = g->right - g->column_x[0] + g->base,
      .h = height,
      .color = ED_SHEET_TINT,
    },
    {
      .kind = ED_SHEET_OP_FILL,
      .x = g->column_x[0] - g->base - 2.5,
      .w = 2.5,
      .h = height,
      .color = ED_SHEET_ACCENT,
    },
  };

  g_array_prepend_vals (row->ops, ops, G_N_ELEMENTS (ops));
}

/**
 * _ed_sheet_ended_date:
 *
 * Returns: (transfer full) (nullable): the first day an archived
 *   procedure no longer applied, the day after its valid_until
 */
char *
_ed_sheet_ended_date (EdProcedure *procedure)
{
  GDate date;

  if (ed_procedure_get_valid_until (procedure) == NULL ||
      !ed_date_parse (ed_procedure_get_valid_until (procedure), &date))
    return NULL;

  g_date_add_days (&date, 1);
  return ed_date_format (&date);
}

static double
add_words (EdSheetRow            *row,
           const EdSheetGeometry *g,
           EdSheetFont            font,
           guint32                color,
           const char            *msgid,
           double                 x,
           double                 y,
           double                 width)
{
  const char *words[ED_SHEET_MAX_LANGUAGES];

  for (guint i = 0; i < g->n_languages; i++)
    words[i] = _ed_sheet_word (g->languages[i], msgid);

  return _ed_sheet_row_add_flow (row, g, font, color, words, g->languages, g->n_languages,
                                 x, y, width);
}

static EdLanguage
native_name_language (EdSheetBuilder *builder)
{
  const EdSheetGeometry *g = &builder->geometry;

  for (guint i = 0; i < g->n_languages; i++)
    if (g->languages[i] != ED_LANGUAGE_EN)
      return g->languages[i];

  return ED_LANGUAGE_JA;
}

/* Who the sheet is for, and when its content was checked. */
static void
build_traveller_box (EdSheetBuilder *builder,
                     EdSheetBlock   *block,
                     const char     *as_of)
{
  const EdSheetGeometry *g = &builder->geometry;
  EdSheetRow *row = _ed_sheet_block_add_row (block, g->base * 1.2);
  EdSheetStyle value_style = _ed_sheet_style (g, ED_SHEET_FONT_VALUE, ED_LANGUAGE_EN);
  double value_line = value_style.size * 1.45;
  double pad = g->base * 0.7;
  double x0 = g->column_x[0];
  double qr_size = ed_sheet_options_get_personal_qr (builder->options) ? 24 * ED_MM : 0;
  double right = g->right - (qr_size > 0 ? qr_size + g->base : 0);
  double mid = x0 + (right - x0) * 0.58;
  double y, y2;
  EdSheetSlot slot = { .font = ED_SHEET_FONT_VALUE, .blank_line = TRUE };

  y = pad;
  y += add_words (row, g, ED_SHEET_FONT_CAPTION, ED_SHEET_MUTED,
                  NC_("sheet", "Name as in the passport"), x0, y, mid - x0 - g->base);
  slot.kind = ED_SHEET_SLOT_NAME;
  slot.language = native_name_language (builder);
  slot.max_lines = 2;
  slot.x = x0;
  slot.y = y;
  slot.w = mid - x0 - g->base;
  slot.h = 2 * value_line;
  _ed_sheet_row_add_slot (row, &slot);
  y += slot.h + g->base * 0.4;

  y += add_words (row, g, ED_SHEET_FONT_CAPTION, ED_SHEET_MUTED,
                  NC_("sheet", "Passport number"), x0, y, mid - x0 - g->base);
  slot.kind = ED_SHEET_SLOT_PASSPORT;
  slot.language = ED_LANGUAGE_EN;
  slot.max_lines = 1;
  slot.y = y;
  slot.h = value_line;
  _ed_sheet_row_add_slot (row, &slot);
  y += slot.h;

  y2 = pad;
  y2 += add_words (row, g, ED_SHEET_FONT_CAPTION, ED_SHEET_MUTED,
                   NC_("sheet", "Content as of"), mid, y2, right - mid);
  y2 += _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_VALUE, ED_LANGUAGE_EN, ED_SHEET_INK,
                                  as_of, mid, y2, right - mid);
  y2 += g->base * 0.4;
  y2 += add_words (row, g, ED_SHEET_FONT_CAPTION, ED_SHEET_MUTED,
                   NC_("sheet", "Case reference"), mid, y2, right - mid);
  slot.kind = ED_SHEET_SLOT_CASE_REFERENCE;
  slot.x = mid;
  slot.y = y2;
  slot.w = right - mid;
  slot.h = value_line;
  _ed_sheet_row_add_slot (row, &slot);
  y2 += slot.h;

  if (qr_size > 0)
    {
      EdSheetSlot qr = {
        .kind = ED_SHEET_SLOT_PERSONAL_QR,
        .x = g->right - qr_size, .y = pad, .w = qr_size, .h = qr_size,
      };

      _ed_sheet_row_add_slot (row, &qr);
      y2 = MAX (y2, pad + qr_size);
    }

  row->height = MAX (y, y2) + pad;
  add_tint (row, g, FALSE);
}

static void
build_status (EdSheetBuilder *builder,
              EdSheetRow     *row)
{
  const EdSheetGeometry *g = &builder->geometry;
  EdProcedure *procedure = builder->procedure;
  gboolean ended = ed_procedure_get_status (procedure) == ED_STATUS_ARCHIVED;
  g_autofree char *date = ended ? _ed_sheet_ended_date (procedure)
                                : g_strdup (ed_procedure_get_valid_from (procedure));
  EdText *note = ed_procedure_get_status_note (procedure);

  for (guint i = 0; i < g->n_languages; i++)
    {
      EdLanguage language = g->languages[i];
      g_autofree char *line = NULL;
      double y;

      if (ended && date != NULL)
        line = g_strdup_printf (_ed_sheet_word (language,
                                                NC_("sheet", "Ended on %s: this procedure no "
                                                             "longer applies.")),
                                date);
      else if (ended)
        line = g_strdup (_ed_sheet_word (language,
                                         NC_("sheet", "Ended: this procedure no longer applies.")));
      else if (date != NULL)
        line = g_strdup_printf (_ed_sheet_word (language, NC_("sheet", "In force since %s")), date);
      else
        line = g_strdup (_ed_sheet_word (language, NC_("sheet", "In force")));

      y = _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_BODY_BOLD, language,
                                    ended ? ED_SHEET_ENDED : ED_SHEET_CURRENT, line,
                                    g->column_x[i], 0, g->column_width);
      if (note != NULL)
        _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_SMALL, language,
                                  ended ? ED_SHEET_ENDED : ED_SHEET_MUTED,
                                  ed_text_lookup (note, language),
                                 g->column_x[i], y + 1, g->column_width);
    }
}

static void
build_title (EdSheetBuilder *builder)
{
  const EdSheetGeometry *g = &builder->geometry;
  EdProcedure *procedure = builder->procedure;
  EdSheetBlock *block = _ed_sheet_builder_add_block (builder);
  EdSheetRow *row;
  g_autofree char *as_of = NULL;

  /* Region · Check sheet */
  row = _ed_sheet_block_add_row (block, g->base * 0.2);
  for (guint i = 0; i < g->n_languages; i++)
    {
      EdLanguage language = g->languages[i];
      g_autofree char *kicker =
        g_strdup_printf ("%s · %s",
                         ed_text_lookup (ed_procedure_get_region_name (procedure), language),
                         _ed_sheet_word (language, NC_("sheet", "Check sheet")));

      _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_SMALL_BOLD, language, ED_SHEET_MUTED,
                                kicker, g->column_x[i], 0, g->column_width);
    }

  row = _ed_sheet_block_add_row (block, g->base * 0.5);
  _ed_sheet_row_add_columns (row, g, ED_SHEET_FONT_TITLE, ED_SHEET_ACCENT,
                             ed_procedure_get_title (procedure), 0, 0);

  row = _ed_sheet_block_add_row (block, g->base * 0.6);
  _ed_sheet_row_add_columns (row, g, ED_SHEET_FONT_SMALL, ED_SHEET_MUTED,
                             ed_procedure_get_summary (procedure), 0, 0);

  /* The status line: staff must never hand out an ended procedure
   * without seeing that it ended (the banner repeats it on every page). */
  row = _ed_sheet_block_add_row (block, g->base * 0.9);
  build_status (builder, row);

  as_of = g_strdup (ed_sheet_options_get_as_of (builder->options) != NULL
                    ? ed_sheet_options_get_as_of (builder->options)
                    : ed_procedure_get_updated (procedure));
  build_traveller_box (builder, block, as_of);
}

static void
build_rules (EdSheetBuilder *builder)
{
  const EdSheetGeometry *g = &builder->geometry;
  GPtrArray *rules = ed_procedure_get_rules (builder->procedure);
  EdSheetBlock *block;
  EdSheetRow *row;
  double pad = g->base * 0.6;

  if (rules == NULL || rules->len == 0)
    return;

  block = _ed_sheet_builder_add_block (builder);
  row = _ed_sheet_block_add_row (block, g->base * 0.3);
  row->flags |= ED_SHEET_ROW_KEEP_WITH_NEXT;
  _ed_sheet_row_add_word_columns (row, g, ED_SHEET_FONT_STEP, ED_SHEET_ACCENT,
                                  NC_("sheet", "The rules in short"), NULL, pad, 0);
  row->height += pad * 0.5;
  add_tint (row, g, TRUE);

  for (guint r = 0; r < rules->len; r++)
    {
      const EdRule *rule = g_ptr_array_index (rules, r);

      row = _ed_sheet_block_add_row (block, g->base * 0.35);
      row->flags |= ED_SHEET_ROW_SPLITTABLE;
      for (guint i = 0; i < g->n_languages; i++)
        {
          EdLanguage language = g->languages[i];
          EdSheetStyle style = _ed_sheet_style (g, ED_SHEET_FONT_BODY, language);
          g_autofree char *shown = g_strconcat ("•\t", ed_text_lookup (rule->text, language), NULL);
          double h;

          h = _ed_sheet_row_add_text (row, ed_sheet_text_new (shown, &style, g->column_width,
                                                             style.size * 1.15),
                                     g->column_x[i], 0);
          if (rule->when != NULL)
            _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_SMALL, language, ED_SHEET_MUTED,
                                      ed_text_lookup (rule->when, language),
                                     g->column_x[i] + style.size * 1.15, h + 1,
                                     g->column_width - style.size * 1.15);
        }
      if (r + 1 == rules->len)
        {
          row->height += pad;
          row->space_after = g->base * 0.8;
        }
      add_tint (row, g, r + 1 < rules->len);
    }
}

static void
build_dates (EdSheetBuilder *builder)
{
  const EdSheetGeometry *g = &builder->geometry;
  GPtrArray *periods = ed_procedure_get_periods (builder->procedure);
  EdSheetBlock *block;

  if (periods == NULL || periods->len == 0)
    return;

  block = _ed_sheet_builder_add_block (builder);
  _ed_sheet_build_heading (builder, block, NULL, NC_("sheet", "Your dates"));

  for (guint p = 0; p < periods->len; p++)
    {
      const EdPeriod *period = g_ptr_array_index (periods, p);
      const char *labels[ED_SHEET_MAX_LANGUAGES];
      const char *notes[ED_SHEET_MAX_LANGUAGES];
      EdSheetSlot slot = {
        .kind = ED_SHEET_SLOT_PERIOD,
        .id = period->id,
        .language = ED_LANGUAGE_EN,
        .max_lines = 1,
        .blank_line = TRUE,
      };

      for (guint i = 0; i < g->n_languages; i++)
        {
          labels[i] = ed_text_lookup (period->label, g->languages[i]);
          notes[i] = period->note != NULL ? ed_text_lookup (period->note, g->languages[i]) : NULL;
        }

      _ed_sheet_build_form_row (builder, block, NULL, ED_LANGUAGE_EN, labels,
                                period->note != NULL ? notes : NULL, &slot);
    }
}

static void
build_notes (EdSheetBuilder *builder)
{
  GPtrArray *notes = ed_procedure_get_notes (builder->procedure);
  EdSheetBlock *block;

  if (notes == NULL || notes->len == 0)
    return;

  block = _ed_sheet_builder_add_block (builder);
  for (guint i = 0; i < notes->len; i++)
    _ed_sheet_build_note (builder, block, g_ptr_array_index (notes, i));
}

/**
 * _ed_sheet_build_front:
 *
 * The title, the status, the traveller, the rules box, the computed
 * dates and the procedure's notes, in that order.
 */
void
_ed_sheet_build_front (EdSheetBuilder *builder)
{
  build_title (builder);
  build_rules (builder);
  build_dates (builder);
  build_notes (builder);
}
