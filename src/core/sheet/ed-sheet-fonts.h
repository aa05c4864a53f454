/* ed-sheet-fonts.h — font subsets shared between PDF files (private to the sheet)
 *
 * cairo embeds a font in a PDF by subsetting it anew for every file: for
 * Noto Sans CJK that means copying its 16 MB outline table, looking up
 * every glyph in a character map of 44 000 entries, and compressing
 * about a megabyte of subroutines, in each file. Instead, the glyphs a
 * template shows are cut out of the font once, with HarfBuzz, into a
 * small font of their own; every file drawn from the template uses it,
 * and cairo only has a few hundred glyphs left to embed. A traveller's
 * name and address add a second small font to their own file. A glyph
 * in neither is drawn from the original font, as before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "ed-sheet-text.h"

G_BEGIN_DECLS

guint          ed_sheet_fonts_face_id      (const char         *file,
                                            int                 index);

/* The glyphs texts use, per font file. */
typedef struct _EdSheetGlyphs EdSheetGlyphs;

EdSheetGlyphs *ed_sheet_glyphs_new         (void);
void           ed_sheet_glyphs_free        (EdSheetGlyphs      *self);
void           ed_sheet_glyphs_add_text    (EdSheetGlyphs      *self,
                                            const EdSheetText  *text);

/* Fonts made of those glyphs: immutable, shared between threads. */
typedef struct _EdSheetFonts EdSheetFonts;

EdSheetFonts  *ed_sheet_fonts_new          (EdSheetGlyphs      *glyphs);
EdSheetFonts  *ed_sheet_fonts_new_extra    (const EdSheetFonts *base,
                                            const EdSheetText * const *texts,
                                            guint               n_texts);
EdSheetFonts  *ed_sheet_fonts_ref          (EdSheetFonts       *self);
void           ed_sheet_fonts_unref        (EdSheetFonts       *self);
guint          ed_sheet_fonts_get_n_glyphs (const EdSheetFonts *self);

/* What a surface draws its text with: texts drawn into @surface (or
 * into a surface it was copied to with ed_sheet_fonts_copy_attached())
 * take their glyphs from @fonts where they can. */
void           ed_sheet_fonts_attach       (EdSheetFonts       *self,
                                            cairo_surface_t    *surface);
void           ed_sheet_fonts_copy_attached (cairo_surface_t   *from,
                                             cairo_surface_t   *to);

/* For ed-sheet-text.c: the font to draw @n_glyphs glyphs of @font with,
 * and the glyphs renumbered for it in @out; %NULL to draw the originals. */
cairo_scaled_font_t *ed_sheet_fonts_map_run (cairo_surface_t     *surface,
                                             guint                face,
                                             cairo_scaled_font_t *font,
                                             const cairo_glyph_t *glyphs,
                                             guint                n_glyphs,
                                             cairo_glyph_t       *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdSheetGlyphs, ed_sheet_glyphs_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdSheetFonts, ed_sheet_fonts_unref)

G_END_DECLS
