/* ed-sheet-back.c — contacts, sources and the date the content was checked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ed-sheet-private.h"

static double
add_labelled (EdSheetRow            *row,
              const EdSheetGeometry *g,
              EdLanguage             language,
              const char            *msgid,
              const char            *value,
              double                 x,
              double                 y)
{
  g_autofree char *text = NULL;

  if (value == NULL || *value == '\0')
    return 0;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  text = g_strdup_printf (_ed_sheet_word (language, msgid), value);
#pragma GCC diagnostic pop

  return _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_SMALL, language, ED_SHEET_INK, text,
                                   x, y, g->column_width);
}

static void
build_contact (EdSheetBuilder  *builder,
               EdSheetBlock    *block,
               const EdContact *contact)
{
  const EdSheetGeometry *g = &builder->geometry;
  EdSheetRow *row = _ed_sheet_block_add_row (block, g->base * 0.8);
  double height = 0;

  for (guint i = 0; i < g->n_languages; i++)
    {
      EdLanguage language = g->languages[i];
      double x = g->column_x[i];
      double y = 0;

      y += _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_BODY_BOLD, language, ED_SHEET_INK,
                                     ed_text_lookup (contact->name, language), x, y,
                                     g->column_width);
      if (contact->service != NULL)
        y += _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_SMALL, language, ED_SHEET_MUTED,
                                       ed_text_lookup (contact->service, language),
                                      x, y, g->column_width);
      y += add_labelled (row, g, language, NC_("sheet", "Phone: %s"), contact->phone, x, y);
      y += add_labelled (row, g, language, NC_("sheet", "E-mail: %s"), contact->email, x, y);
      if (!contact->qr)
        y += add_labelled (row, g, language, NC_("sheet", "Web: %s"),
                           contact->text != NULL ? contact->text : contact->url, x, y);

      for (guint h = 0; contact->hours != NULL && h < contact->hours->len; h++)
        {
          const EdContactHours *hours = g_ptr_array_index (contact->hours, h);
          g_autofree char *line =
            g_strdup_printf ("%s: %s", ed_text_lookup (hours->languages, language),
                             ed_text_lookup (hours->hours, language));

          /* "：" rather than ": " in Chinese and Japanese. */
          if (language != ED_LANGUAGE_EN)
            {
              g_free (line);
              line = g_strdup_printf ("%s：%s", ed_text_lookup (hours->languages, language),
                                      ed_text_lookup (hours->hours, language));
            }
          y += _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_SMALL, language, ED_SHEET_MUTED,
                                         line, x, y + 1, g->column_width) + 1;
        }
      height = MAX (height, y);
    }

  row->height = height;

  if (contact->qr && contact->url != NULL)
    _ed_sheet_build_link (builder, block, contact->url, contact->text, contact->name, TRUE, FALSE);
}

static void
build_contacts (EdSheetBuilder *builder)
{
  GPtrArray *contacts = ed_procedure_get_contacts (builder->procedure);
  EdSheetBlock *block;

  if (contacts == NULL || contacts->len == 0)
    return;

  /* A contact is a block of its own: it moves to the next page whole. */
  block = _ed_sheet_builder_add_block (builder);
  _ed_sheet_build_heading (builder, block, NULL, NC_("sheet", "Contacts"));
  for (guint c = 0; c < contacts->len; c++)
    {
      if (c > 0)
        block = _ed_sheet_builder_add_block (builder);
      build_contact (builder, block, g_ptr_array_index (contacts, c));
    }
}

static void
build_sources (EdSheetBuilder *builder)
{
  const EdSheetGeometry *g = &builder->geometry;
  GPtrArray *sources = ed_procedure_get_sources (builder->procedure);
  const char *as_of = ed_sheet_options_get_as_of (builder->options);
  EdSheetBlock *block = _ed_sheet_builder_add_block (builder);
  EdSheetRow *row;

  _ed_sheet_build_heading (builder, block, NULL, NC_("sheet", "Sources"));

  for (guint s = 0; sources != NULL && s < sources->len; s++)
    {
      const EdSource *source = g_ptr_array_index (sources, s);
      double y;

      row = _ed_sheet_block_add_row (block, g->base * 0.6);
      y = _ed_sheet_row_add_columns (row, g, ED_SHEET_FONT_SMALL, ED_SHEET_INK,
                                     source->title, 0, 0);
      if (source->date != NULL)
        _ed_sheet_row_add_word_columns (row, g, ED_SHEET_FONT_CAPTION, ED_SHEET_MUTED,
                                        NC_("sheet", "Published %s"), source->date, y, 0);
      if (source->url != NULL)
        {
          double top = row->height + 1;
          EdLanguage language;
          g_autofree char *address = _ed_sheet_address (builder, source->url, source->text,
                                                        &language);
          double h = _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_ADDRESS, language,
                                               ED_SHEET_MUTED, address,
                                               g->column_x[0], top, g->right - g->column_x[0]);

          _ed_sheet_row_add_link (row, source->url, g->column_x[0], top,
                                  g->right - g->column_x[0], h);
        }
    }

  if (as_of == NULL)
    as_of = ed_procedure_get_reviewed (builder->procedure);

  row = _ed_sheet_block_add_row (block, 0);
  _ed_sheet_row_add_word_columns (row, g, ED_SHEET_FONT_SMALL_BOLD, ED_SHEET_ACCENT,
                                  NC_("sheet", "Content checked against these sources as of %s."),
                                 as_of, g->base * 0.4, 0);
}

/**
 * _ed_sheet_build_back:
 *
 * Contacts with their hours, then the sources and the date the content
 * was checked against them.
 */
void
_ed_sheet_build_back (EdSheetBuilder *builder)
{
  build_contacts (builder);
  build_sources (builder);
}
