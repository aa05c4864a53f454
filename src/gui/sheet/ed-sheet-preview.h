/* ed-sheet-preview.h — one page of a check sheet, on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ed-sheet-document.h"

G_BEGIN_DECLS

#define ED_TYPE_SHEET_PREVIEW (ed_sheet_preview_get_type ())

G_DECLARE_FINAL_TYPE (EdSheetPreview, ed_sheet_preview, ED, SHEET_PREVIEW, GtkWidget)

GtkWidget       *ed_sheet_preview_new          (void);
EdSheetDocument *ed_sheet_preview_get_document (EdSheetPreview  *self);
void             ed_sheet_preview_set_document (EdSheetPreview  *self,
                                                EdSheetDocument *document);
guint            ed_sheet_preview_get_page     (EdSheetPreview  *self);
void             ed_sheet_preview_set_page     (EdSheetPreview  *self,
                                                guint            page);
guint            ed_sheet_preview_get_n_pages  (EdSheetPreview  *self);

G_END_DECLS
