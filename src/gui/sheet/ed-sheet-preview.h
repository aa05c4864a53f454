/* ed-sheet-preview.h — one page of a check sheet, on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ed-sheet-document.h"

G_BEGIN_DECLS

#define ED_TYPE_SHEET_PREVIEW (ed_sheet_preview_get_type ())

/* Four times the page that fits: its smallest type read at arm's length. */
#define ED_SHEET_PREVIEW_MAX_ZOOM 4.0

G_DECLARE_FINAL_TYPE (EdSheetPreview, ed_sheet_preview, ED, SHEET_PREVIEW, GtkWidget)

GtkWidget       *ed_sheet_preview_new          (void);
EdSheetDocument *ed_sheet_preview_get_document (EdSheetPreview  *self);
void             ed_sheet_preview_set_document (EdSheetPreview  *self,
                                                EdSheetDocument *document);
guint            ed_sheet_preview_get_page     (EdSheetPreview  *self);
void             ed_sheet_preview_set_page     (EdSheetPreview  *self,
                                                guint            page);
guint            ed_sheet_preview_get_n_pages  (EdSheetPreview  *self);
double           ed_sheet_preview_get_zoom     (EdSheetPreview  *self);
void             ed_sheet_preview_set_zoom     (EdSheetPreview  *self,
                                                double           zoom);

G_END_DECLS
