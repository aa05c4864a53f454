/* ed-sheet-document-private.h — what the document's PDF writers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-sheet-document.h"
#include "ed-sheet-private.h"

G_BEGIN_DECLS

EdSheetLayout   *_ed_sheet_document_ref_sheet     (EdSheetDocument *self,
                                                  guint            index);
const char      *_ed_sheet_document_get_title     (EdSheetDocument *self);
EdSheetTemplate *_ed_sheet_document_get_template  (EdSheetDocument *self,
                                                  guint            index);

/* Documents of other shapes (a journey sheet) are put together with these. */
EdSheetDocument *_ed_sheet_document_new           (void);
EdTraveller     *_ed_sheet_document_add_traveller (EdSheetDocument *self,
                                                  EdTraveller     *traveller);
void             _ed_sheet_document_add_sheet     (EdSheetDocument *self,
                                                  EdSheetTemplate *sheet_template,
                                                  EdTraveller     *whom);
void             _ed_sheet_document_set_title     (EdSheetDocument *self,
                                                  const char      *title,
                                                  const char      *name,
                                                  gboolean         journey);

G_END_DECLS
