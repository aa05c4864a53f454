/* ed-sheet-cover.c — the cover of a journey sheet: the timeline on paper
 *
 * What to do and by when: every entry of the case's timeline, in date
 * order, with a tick box, in each sheet language side by side; then the
 * QR codes that matter (the first official code of each procedure that
 * still has something to do, three at most) and the list of the sheets
 * that follow. It is built like a procedure's sheet (rows, then pages)
 * and drawn by the same code, as a template without a procedure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ed-sheet-journey.h"
#include "ed-sheet-private.h"

/* "The two or three QR codes that matter." */
#define MAX_CODES 3

static void
build_title (EdSheetBuilder *builder,
             EdJourney      *journey,
             GPtrArray      *travellers,
             GDateTime      *now)
{
  const EdSheetGeometry *g = &builder->geometry;
  EdSheetBlock *block = _ed_sheet_builder_add_block (builder);
  const char *reference = ed_sheet_options_get_case_reference (builder->options);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  EdSheetRow *row;

  row = _ed_sheet_block_add_row (block, g->base * 0.2);
  _ed_sheet_row_add_word_columns (row, g, ED_SHEET_FONT_SMALL_BOLD, ED_SHEET_MUTED,
                                 NC_("sheet", "Journey · Your dates"), NULL, 0, 0);

  row = _ed_sheet_block_add_row (block, g->base * 0.5);
  if (journey != NULL)
    _ed_sheet_row_add_columns (row, g, ED_SHEET_FONT_TITLE, ED_SHEET_ACCENT,
                              ed_journey_get_title (journey), 0, 0);
  else
    _ed_sheet_row_add_word_columns (row, g, ED_SHEET_FONT_TITLE, ED_SHEET_ACCENT,
                                   NC_("sheet", "Your procedures and their dates"), NULL, 0, 0);

  if (journey != NULL)
    {
      row = _ed_sheet_block_add_row (block, g->base * 0.6);
      _ed_sheet_row_add_columns (row, g, ED_SHEET_FONT_SMALL, ED_SHEET_MUTED,
                                ed_journey_get_summary (journey), 0, 0);
    }

  /* Who and which case: names as in the passport, and as written. */
  for (guint i = 0; i < travellers->len; i++)
    {
      EdTraveller *traveller = g_ptr_array_index (travellers, i);
      g_autofree char *name = ed_traveller_dup_display_name (traveller);
      const char *native = ed_traveller_get (traveller, "native_name");

      if (*name == '\0')
        continue;
      if (names->len > 0)
        g_string_append (names, "   ");
      g_string_append (names, name);
      if (native != NULL && *native != '\0' && g_strcmp0 (native, name) != 0)
        g_string_append_printf (names, " (%s)", native);
    }
  if (reference != NULL)
    g_string_append_printf (names, names->len > 0 ? "   ·   %s" : "%s", reference);

  row = _ed_sheet_block_add_row (block, g->base * 0.3);
  if (names->len > 0)
    _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_BODY_BOLD, g->languages[0], ED_SHEET_INK,
                             names->str, g->left, 0, g->right - g->left);
  row = _ed_sheet_block_add_row (block, g->base * 0.6);
  _ed_sheet_row_add_word_columns (row, g, ED_SHEET_FONT_CAPTION, ED_SHEET_MUTED,
                                 NC_("sheet", "Dates worked out on %s from the data known then. "
                                              "Check each procedure's own sheet."),
                                 today, 0, 0);
}

static guint32
state_color (const EdTimelineEntry *entry)
{
  if (entry->ended)
    return ED_SHEET_ENDED;

  switch (entry->state)
    {
    case ED_TIMELINE_OVERDUE:
      return ED_SHEET_ENDED;
    case ED_TIMELINE_DUE_SOON:
      return ED_SHEET_WARNING;
    case ED_TIMELINE_DONE:
      return ED_SHEET_CURRENT;
    case ED_TIMELINE_NEEDS_DATA:
    case ED_TIMELINE_OPEN:
    case ED_TIMELINE_UPCOMING:
    default:
      return ED_SHEET_MUTED;
    }
}

/* The sheet that follows for @procedure: its number in the packet. */
static int
sheet_number (GPtrArray   *procedures,
              EdProcedure *procedure)
{
  for (guint i = 0; i < procedures->len; i++)
    if (g_ptr_array_index (procedures, i) == procedure)
      return (int) i + 1;
  return 0;
}

static void
build_entry (EdSheetBuilder        *builder,
             EdSheetBlock          *block,
             const EdTimelineEntry *entry,
             GPtrArray             *procedures,
             guint                  n_travellers)
{
  const EdSheetGeometry *g = &builder->geometry;
  EdSheetRow *row = _ed_sheet_block_add_row (block, g->base * 0.55);
  g_autofree char *name = ed_traveller_dup_display_name (entry->traveller);
  double box = g->base * 1.05;
  double height = 0;

  /* A tick box in the gutter, ticked when it is done. */
  _ed_sheet_row_add_rect (row, ED_SHEET_OP_FILL, g->left + 1, 0, box, box, ED_SHEET_WHITE, 0);
  _ed_sheet_row_add_rect (row, ED_SHEET_OP_STROKE, g->left + 1, 0, box, box, ED_SHEET_INK, 0.8);
  if (entry->state == ED_TIMELINE_DONE)
    {
      _ed_sheet_row_add_line (row, g->left + 1 + box * 0.2, box * 0.55, g->left + 1 + box * 0.42,
                             box * 0.8, ED_SHEET_CURRENT, 1.2);
      _ed_sheet_row_add_line (row, g->left + 1 + box * 0.42, box * 0.8, g->left + 1 + box * 0.85,
                             box * 0.2, ED_SHEET_CURRENT, 1.2);
    }

  for (guint i = 0; i < g->n_languages; i++)
    {
      EdLanguage language = g->languages[i];
      g_autofree char *when = ed_timeline_entry_describe_when (entry, language);
      g_autofree char *state = ed_timeline_describe_state (entry->state, language);
      g_autoptr(GString) about = g_string_new (NULL);
      double x = g->column_x[i], y = 0;
      int number = sheet_number (procedures, entry->procedure);

      y += _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_SMALL_BOLD, language,
                                    state_color (entry), when, x, y, g->column_width);
      y += _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_BODY, language, ED_SHEET_INK,
                                    ed_text_lookup (entry->due->period->label, language),
                                    x, y + 1, g->column_width) + 1;

      /* Which sheet, whose, and where it stands. */
      if (number > 0)
        {
          g_autofree char *text = g_strdup_printf ("%d", number);

          g_string_append_printf (about, _ed_sheet_word (language, NC_("sheet", "Sheet %s")),
                                  text);
          g_string_append (about, _ed_sheet_word (language, NC_("sheet", ": ")));
        }
      g_string_append (about, ed_text_lookup (ed_procedure_get_title (entry->procedure),
                                              language));
      if (n_travellers > 1 && *name != '\0')
        g_string_append_printf (about, " · %s", name);
      g_string_append_printf (about, " · %s", state);
      if (entry->ended)
        g_string_append_printf (about, " · %s",
                                _ed_sheet_word (language, NC_("sheet", "this procedure has "
                                                                       "ended")));
      y += _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_CAPTION, language, ED_SHEET_MUTED,
                                    about->str, x, y + 1.5, g->column_width) + 1.5;
      height = MAX (height, y);
    }

  row->height = MAX (height, box);
}

static void
build_timeline (EdSheetBuilder *builder,
                EdTimeline     *timeline,
                GPtrArray      *procedures,
                guint           n_travellers)
{
  const EdSheetGeometry *g = &builder->geometry;
  EdSheetBlock *block = _ed_sheet_builder_add_block (builder);

  _ed_sheet_build_heading (builder, block, NULL, NC_("sheet", "What to do, by when"));

  if (ed_timeline_get_n_entries (timeline) == 0)
    {
      EdSheetRow *row = _ed_sheet_block_add_row (block, g->base * 0.6);

      _ed_sheet_row_add_word_columns (row, g, ED_SHEET_FONT_BODY, ED_SHEET_MUTED,
                                     NC_("sheet", "No date applies yet: each procedure's sheet "
                                                  "says what to do."), NULL, 0, 0);
      return;
    }

  /* One block an entry: an entry is never split between pages. */
  for (guint i = 0; i < ed_timeline_get_n_entries (timeline); i++)
    {
      if (i > 0)
        block = _ed_sheet_builder_add_block (builder);
      build_entry (builder, block, ed_timeline_get_entry (timeline, i), procedures,
                   n_travellers);
    }
}

/* The first official code of @procedure, in the order of its steps. */
static const EdLink *
first_code (EdProcedure *procedure)
{
  GPtrArray *steps = ed_procedure_get_steps (procedure);

  for (guint s = 0; s < steps->len; s++)
    {
      const EdStep *step = g_ptr_array_index (steps, s);

      for (guint l = 0; step->links != NULL && l < step->links->len; l++)
        {
          const EdLink *link = g_ptr_array_index (step->links, l);

          if (link->qr && g_str_has_prefix (link->url, "https:"))
            return link;
        }
    }

  return NULL;
}

/* Whether the timeline still has something to do in @procedure. */
static gboolean
has_work (EdTimeline  *timeline,
          EdProcedure *procedure)
{
  for (guint i = 0; i < ed_timeline_get_n_entries (timeline); i++)
    {
      const EdTimelineEntry *entry = ed_timeline_get_entry (timeline, i);

      if (entry->procedure == procedure && entry->state != ED_TIMELINE_DONE && !entry->ended)
        return TRUE;
    }

  return FALSE;
}

static void
build_codes (EdSheetBuilder *builder,
             EdTimeline     *timeline,
             GPtrArray      *procedures,
             GDate          *today)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  EdSheetBlock *block;

  /* Those with work to do first, then the rest, in the journey's order;
   * never an ended procedure's. */
  for (guint pass = 0; pass < 2 && chosen->len < MAX_CODES; pass++)
    for (guint i = 0; i < procedures->len && chosen->len < MAX_CODES; i++)
      {
        EdProcedure *procedure = g_ptr_array_index (procedures, i);
        const EdLink *link = first_code (procedure);
        gboolean work = has_work (timeline, procedure);

        if (link == NULL || ed_procedure_has_ended (procedure, today) ||
            (pass == 0) != work || g_ptr_array_find (chosen, link, NULL))
          continue;
        g_ptr_array_add (chosen, (gpointer) link);
      }

  if (chosen->len == 0)
    return;

  block = _ed_sheet_builder_add_block (builder);
  _ed_sheet_build_heading (builder, block, NULL, NC_("sheet", "The QR codes that matter"));
  for (guint i = 0; i < chosen->len; i++)
    {
      const EdLink *link = g_ptr_array_index (chosen, i);

      _ed_sheet_build_link (builder, block, link->url, link->text, link->title, TRUE,
                           link->official_only);
    }
}

static void
build_contents (EdSheetBuilder *builder,
                GPtrArray      *procedures,
                GDate          *today)
{
  const EdSheetGeometry *g = &builder->geometry;
  EdSheetBlock *block = _ed_sheet_builder_add_block (builder);

  _ed_sheet_build_heading (builder, block, NULL, NC_("sheet", "The sheets that follow"));
  for (guint p = 0; p < procedures->len; p++)
    {
      EdProcedure *procedure = g_ptr_array_index (procedures, p);
      EdSheetRow *row = _ed_sheet_block_add_row (block, g->base * 0.3);
      double height = 0;

      for (guint i = 0; i < g->n_languages; i++)
        {
          EdLanguage language = g->languages[i];
          g_autofree char *line = NULL;

          line = g_strdup_printf ("%u.\t%s%s%s", p + 1,
                                  ed_text_lookup (ed_procedure_get_title (procedure), language),
                                  ed_procedure_has_ended (procedure, today) ? " · " : "",
                                  ed_procedure_has_ended (procedure, today)
                                  ? _ed_sheet_word (language,
                                                   NC_("sheet", "this procedure has ended"))
                                  : "");
          height = MAX (height,
                        _ed_sheet_row_add_string (row, g, ED_SHEET_FONT_BODY, language,
                                                 ED_SHEET_INK, line, g->column_x[i], 0,
                                                 g->column_width));
        }
      row->height = height;
    }
}

/**
 * ed_sheet_cover_new:
 * @timeline: the case's timeline; its "now" is the cover's date
 * @procedures: (element-type EdProcedure): the procedures whose sheets
 *   follow, in that order
 * @travellers: (element-type EdTraveller): the case's travellers
 * @journey: (nullable): the template the case was started from
 *
 * Returns: (transfer full): the cover, a template without a procedure
 *   (make its layout with ed_sheet_layout_new_for_template()), or %NULL
 *   with @error when the sheet's fonts are missing
 */
EdSheetTemplate *
ed_sheet_cover_new (EdTimeline            *timeline,
                    GPtrArray             *procedures,
                    GPtrArray             *travellers,
                    EdJourney             *journey,
                    const EdSheetOptions  *options,
                    GError               **error)
{
  g_autoptr(EdSheetOptions) own = NULL;
  EdSheetBuilder builder = { 0, };
  g_autoptr(GPtrArray) pages = NULL;
  GDateTime *now;
  GDate today;

  g_return_val_if_fail (timeline != NULL, NULL);
  g_return_val_if_fail (procedures != NULL && travellers != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!ed_sheet_text_check_fonts (error))
    return NULL;

  /* The personal code is a procedure's answers: none on the cover. */
  own = ed_sheet_options_copy (options);
  ed_sheet_options_set_personal_qr (own, FALSE);

  now = ed_timeline_get_now (timeline);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));

  builder.options = own;
  builder.title = journey != NULL ? ed_journey_get_title (journey) : NULL;
  builder.title_id = journey != NULL ? ed_journey_get_id (journey) : NULL;
  _ed_sheet_geometry_init (&builder.geometry, own);
  builder.blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) _ed_sheet_block_free);
  builder.qr_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  builder.qr_first_step = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  build_title (&builder, journey, travellers, now);
  build_timeline (&builder, timeline, procedures, travellers->len);
  build_codes (&builder, timeline, procedures, &today);
  build_contents (&builder, procedures, &today);
  pages = _ed_sheet_paginate (&builder);

  g_ptr_array_unref (builder.blocks);
  g_hash_table_unref (builder.qr_codes);
  g_hash_table_unref (builder.qr_first_step);

  return _ed_sheet_template_new_built (own, &builder.geometry, g_steal_pointer (&pages));
}
