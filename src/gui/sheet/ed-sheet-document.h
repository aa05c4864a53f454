/* ed-sheet-document.h — the check sheets of one case, as one document
 *
 * What is printed or exported at once: one sheet for each traveller
 * chosen (a family's sheets one after the other), or a blank sheet.
 * The print operation, the PDF writer and the preview see its pages as
 * one run, page 0 to n - 1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ed-case.h"
#include "ed-sheet.h"
#include "ed-store.h"

G_BEGIN_DECLS

#define ED_TYPE_SHEET_DOCUMENT (ed_sheet_document_get_type ())

G_DECLARE_FINAL_TYPE (EdSheetDocument, ed_sheet_document, ED, SHEET_DOCUMENT, GObject)

EdSheetDocument *ed_sheet_document_new_for_template (EdSheetTemplate      *sheet_template,
                                                     GPtrArray            *travellers);
void             ed_sheet_document_new_async        (EdProcedure          *procedure,
                                                     GPtrArray            *travellers,
                                                     const EdSheetOptions *options,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
EdSheetDocument *ed_sheet_document_new_finish       (GAsyncResult         *result,
                                                     GError              **error);

EdSheetTemplate *ed_sheet_document_get_template     (EdSheetDocument      *self);
const EdSheetOptions *ed_sheet_document_get_options (EdSheetDocument      *self);
guint            ed_sheet_document_get_n_sheets     (EdSheetDocument      *self);
EdSheetLayout   *ed_sheet_document_get_sheet        (EdSheetDocument      *self,
                                                     guint                 index);
guint            ed_sheet_document_get_n_pages      (EdSheetDocument      *self);
void             ed_sheet_document_get_page_size    (EdSheetDocument      *self,
                                                     guint                 page,
                                                     double               *width,
                                                     double               *height);
void             ed_sheet_document_draw_page        (EdSheetDocument      *self,
                                                     cairo_t              *cr,
                                                     guint                 page);
GPtrArray       *ed_sheet_document_get_problems     (EdSheetDocument      *self);
char            *ed_sheet_document_dup_title        (EdSheetDocument      *self);
char            *ed_sheet_document_dup_file_name    (EdSheetDocument      *self);

void             ed_sheet_document_write_pdf_async  (EdSheetDocument      *self,
                                                     GFile                *file,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean         ed_sheet_document_write_pdf_finish (EdSheetDocument      *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

void             ed_sheet_document_log_async        (EdSheetDocument      *self,
                                                     EdStore              *store,
                                                     EdCase               *kase,
                                                     EdSheetKind           kind,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean         ed_sheet_document_log_finish       (EdSheetDocument      *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

G_END_DECLS
