/* ed-sheet-dialog.h — choose a check sheet's languages, paper and
 * travellers, see it, then print it or save it as PDF; or a case's
 * journey sheet (a cover with its timeline, then each procedure's)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ed-case.h"
#include "ed-catalog.h"
#include "ed-procedure.h"
#include "ed-sheet-document.h"
#include "ed-store.h"

G_BEGIN_DECLS

typedef enum
{
  ED_SHEET_DIALOG_PRINT,
  ED_SHEET_DIALOG_PDF,
} EdSheetDialogMode;

#define ED_TYPE_SHEET_DIALOG (ed_sheet_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EdSheetDialog, ed_sheet_dialog, ED, SHEET_DIALOG, AdwWindow)

EdSheetDialog   *ed_sheet_dialog_new            (GtkWindow         *parent,
                                                 EdSheetDialogMode  mode,
                                                 EdCase            *kase,
                                                 EdProcedure       *procedure,
                                                 EdStore           *store);
EdSheetDialog   *ed_sheet_dialog_new_for_journey (GtkWindow        *parent,
                                                 EdSheetDialogMode  mode,
                                                 EdCase            *kase,
                                                 EdCatalog         *catalog,
                                                 EdStore           *store);
EdSheetDialogMode ed_sheet_dialog_get_mode      (EdSheetDialog     *self);
EdSheetDocument *ed_sheet_dialog_get_document   (EdSheetDialog     *self);
gboolean         ed_sheet_dialog_get_ready      (EdSheetDialog     *self);
void             ed_sheet_dialog_export_to_file (EdSheetDialog     *self,
                                                 GFile             *file);

G_END_DECLS
