/* ed-sheet-document.h — check sheets for many travellers, as one document
 *
 * What is printed or written at once: one sheet for each traveller (a
 * family's sheets, a batch's rows, one after the other), or one blank
 * sheet; or a case's journey sheet (ed-sheet-journey.h): a cover, then
 * the sheets of several procedures. The print operation, the preview and the PDF writers see its
 * pages as one run, page 0 to n - 1.
 *
 * One pipeline for the GUI and the command line: the procedure's text
 * is shaped once (an EdSheetTemplate); worker threads fill in each
 * traveller; the PDF writer draws the sheets in order into one file, or
 * each into a file of its own. Whoever prints for a stored case logs it
 * (ed_sheet_template_new_record(), ed_store_log_sheet()): the sheet
 * module knows no store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ed-sheet.h"

G_BEGIN_DECLS

/**
 * EdSheetProgressFunc:
 * @done: the sheets written so far
 * @total: every sheet of the document
 *
 * Called in the thread that writes, after each sheet.
 */
typedef void (*EdSheetProgressFunc) (guint    done,
                                     guint    total,
                                     gpointer user_data);

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
EdSheetDocument *ed_sheet_document_new_concat       (GPtrArray            *documents);

EdSheetTemplate *ed_sheet_document_get_template     (EdSheetDocument      *self);
const EdSheetOptions *ed_sheet_document_get_options (EdSheetDocument      *self);
guint            ed_sheet_document_get_n_sheets     (EdSheetDocument      *self);
EdTraveller     *ed_sheet_document_get_traveller    (EdSheetDocument      *self,
                                                     guint                 index);
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

GPtrArray       *ed_sheet_document_get_missing      (EdSheetDocument      *self,
                                                     guint                 index);
GPtrArray       *ed_sheet_document_get_problems     (EdSheetDocument      *self);
char            *ed_sheet_document_dup_title        (EdSheetDocument      *self);
char            *ed_sheet_document_dup_file_name    (EdSheetDocument      *self);
GPtrArray       *ed_sheet_document_new_records      (EdSheetDocument      *self,
                                                     EdSheetKind           kind);

gboolean         ed_sheet_document_write_pdf        (EdSheetDocument      *self,
                                                     const char           *path,
                                                     const char           *title,
                                                     EdSheetProgressFunc   progress,
                                                     gpointer              user_data,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
gboolean         ed_sheet_document_write_each_pdf   (EdSheetDocument      *self,
                                                     const char * const   *paths,
                                                     EdSheetProgressFunc   progress,
                                                     gpointer              user_data,
                                                     GCancellable         *cancellable,
                                                     GPtrArray           **failures);
void             ed_sheet_document_write_pdf_async  (EdSheetDocument      *self,
                                                     GFile                *file,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean         ed_sheet_document_write_pdf_finish (EdSheetDocument      *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

G_END_DECLS
