/* ed-sheet.h — printable multilingual check sheets
 *
 * One drawing path: an EdSheetLayout is computed for a procedure, a
 * traveller (or none: a blank sheet to fill in by hand) and the options,
 * and ed_sheet_draw_page() draws any of its pages into any cairo context
 * — the PDF writer, a GtkPrintOperation and the on-screen preview alike.
 *
 * What costs is shaping the procedure's text; it does not depend on the
 * traveller. An EdSheetTemplate holds it, laid out and paginated once for
 * (procedure, options); layouts for many travellers share one template.
 * Templates and layouts are immutable once made and may be used from any
 * thread; a cairo context belongs to one thread at a time, as always.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "ed-language.h"
#include "ed-procedure.h"
#include "ed-sheet-office.h"
#include "ed-sheet-record.h"
#include "ed-traveller.h"

G_BEGIN_DECLS

/* A sheet prints one to three of en, ja, zh_CN and zh_TW. */
#define ED_SHEET_MAX_LANGUAGES 3

typedef enum
{
  ED_PAPER_A4,
  ED_PAPER_LETTER,
} EdPaper;

gboolean      ed_paper_from_string   (const char  *name,
                                      EdPaper     *paper);
const char   *ed_paper_to_string     (EdPaper      paper);
void          ed_paper_get_size      (EdPaper      paper,
                                      double      *width,
                                      double      *height);

/* EdSheetOptions: what staff choose before printing. */
typedef struct _EdSheetOptions EdSheetOptions;

#define ED_TYPE_SHEET_OPTIONS (ed_sheet_options_get_type ())

GType            ed_sheet_options_get_type            (void) G_GNUC_CONST;
EdSheetOptions  *ed_sheet_options_new                 (void);
EdSheetOptions  *ed_sheet_options_copy                (const EdSheetOptions *self);
void             ed_sheet_options_free                (EdSheetOptions       *self);
gboolean         ed_sheet_options_set_languages       (EdSheetOptions       *self,
                                                       const EdLanguage     *languages,
                                                       guint                 n_languages,
                                                       GError              **error);
gboolean         ed_sheet_options_parse_languages     (EdSheetOptions       *self,
                                                       const char           *list,
                                                       GError              **error);
const EdLanguage *ed_sheet_options_get_languages      (const EdSheetOptions *self,
                                                       guint                *n_languages);
char            *ed_sheet_options_dup_languages_string (const EdSheetOptions *self);
void             ed_sheet_options_set_paper           (EdSheetOptions       *self,
                                                       EdPaper               paper);
EdPaper          ed_sheet_options_get_paper           (const EdSheetOptions *self);
gboolean         ed_sheet_options_set_as_of           (EdSheetOptions       *self,
                                                       const char           *date);
const char      *ed_sheet_options_get_as_of           (const EdSheetOptions *self);
void             ed_sheet_options_set_review_max_days (EdSheetOptions       *self,
                                                       guint                 days);
guint            ed_sheet_options_get_review_max_days (const EdSheetOptions *self);
void             ed_sheet_options_set_case_reference  (EdSheetOptions       *self,
                                                       const char           *reference);
const char      *ed_sheet_options_get_case_reference  (const EdSheetOptions *self);
void             ed_sheet_options_set_personal_qr     (EdSheetOptions       *self,
                                                       gboolean              personal_qr);
gboolean         ed_sheet_options_get_personal_qr     (const EdSheetOptions *self);
void             ed_sheet_options_set_office          (EdSheetOptions       *self,
                                                       EdSheetOffice        *office);
EdSheetOffice   *ed_sheet_options_get_office          (const EdSheetOptions *self);
gboolean         ed_sheet_options_set_printed_on      (EdSheetOptions       *self,
                                                       const char           *date);
char            *ed_sheet_options_dup_printed_on      (const EdSheetOptions *self);
void             ed_sheet_options_set_summary         (EdSheetOptions       *self,
                                                       gboolean              summary,
                                                       gboolean              summary_only);
gboolean         ed_sheet_options_get_summary         (const EdSheetOptions *self);
gboolean         ed_sheet_options_get_summary_only    (const EdSheetOptions *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdSheetOptions, ed_sheet_options_free)

/* EdSheetTemplate: the procedure's text, shaped and paginated once. */
#define ED_TYPE_SHEET_TEMPLATE (ed_sheet_template_get_type ())

G_DECLARE_FINAL_TYPE (EdSheetTemplate, ed_sheet_template, ED, SHEET_TEMPLATE, GObject)

EdSheetTemplate *ed_sheet_template_new                (EdProcedure          *procedure,
                                                       const EdSheetOptions *options,
                                                       GError              **error);
EdProcedure     *ed_sheet_template_get_procedure      (EdSheetTemplate      *self);
const EdSheetOptions *ed_sheet_template_get_options   (EdSheetTemplate      *self);
guint            ed_sheet_template_get_n_pages        (EdSheetTemplate      *self);

/* EdSheetLayout: one sheet, for one traveller or blank. */
#define ED_TYPE_SHEET_LAYOUT (ed_sheet_layout_get_type ())

G_DECLARE_FINAL_TYPE (EdSheetLayout, ed_sheet_layout, ED, SHEET_LAYOUT, GObject)

EdSheetLayout   *ed_sheet_layout_new                  (EdProcedure          *procedure,
                                                       EdTraveller          *traveller,
                                                       const EdSheetOptions *options,
                                                       GError              **error);
EdSheetLayout   *ed_sheet_layout_new_for_template     (EdSheetTemplate      *sheet_template,
                                                       EdTraveller          *traveller);
void             ed_sheet_layout_new_async            (EdProcedure          *procedure,
                                                       EdTraveller          *traveller,
                                                       const EdSheetOptions *options,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
EdSheetLayout   *ed_sheet_layout_new_finish           (GAsyncResult         *result,
                                                       GError              **error);
void             ed_sheet_wait_for_workers            (void);

EdSheetTemplate *ed_sheet_layout_get_template         (EdSheetLayout        *self);
EdProcedure     *ed_sheet_layout_get_procedure        (EdSheetLayout        *self);
EdTraveller     *ed_sheet_layout_get_traveller        (EdSheetLayout        *self);
const EdSheetOptions *ed_sheet_layout_get_options     (EdSheetLayout        *self);
guint            ed_sheet_layout_get_n_pages          (EdSheetLayout        *self);
void             ed_sheet_layout_get_page_size        (EdSheetLayout        *self,
                                                       double               *width,
                                                       double               *height);


void             ed_sheet_draw_page                   (EdSheetLayout        *layout,
                                                       cairo_t              *cr,
                                                       guint                 page);

/* PDF files: written privately (mode 0600: they hold personal data),
 * replaced atomically, byte for byte reproducible when
 * SOURCE_DATE_EPOCH is set. One layout, or many merged into one file. */
gboolean         ed_sheet_layout_write_pdf            (EdSheetLayout        *self,
                                                       const char           *path,
                                                       GError              **error);

typedef struct _EdSheetPdf EdSheetPdf;

EdSheetPdf      *ed_sheet_pdf_new                     (const char           *path,
                                                       const char           *title,
                                                       GError              **error);
gboolean         ed_sheet_pdf_add                     (EdSheetPdf           *self,
                                                       EdSheetLayout        *layout,
                                                       GError              **error);
gboolean         ed_sheet_pdf_close                   (EdSheetPdf           *self,
                                                       GError              **error);
void             ed_sheet_pdf_free                    (EdSheetPdf           *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdSheetPdf, ed_sheet_pdf_free)

/* A line for the case's audit log (ed_store_log_sheet()), now. */
EdSheetRecord   *ed_sheet_template_new_record         (EdSheetTemplate      *self,
                                                       EdSheetKind           kind);

G_END_DECLS
