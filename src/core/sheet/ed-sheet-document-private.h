/* ed-sheet-document-private.h — what the document's PDF writers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-sheet-document.h"
#include "ed-sheet-private.h"

G_BEGIN_DECLS

EdSheetLayout  *_ed_sheet_document_ref_sheet (EdSheetDocument *self,
                                              guint            index);

G_END_DECLS
