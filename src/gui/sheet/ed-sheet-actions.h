/* ed-sheet-actions.h — Print and Export PDF for a case, from anywhere
 *
 * The wizard's summary and menu and the case list's rows call these:
 * they open the sheet dialog (languages, paper, travellers, preview),
 * which then prints through GTK's print dialog or saves a PDF. Each
 * sheet printed or saved goes into the case's audit log when a store
 * is given.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ed-case.h"
#include "ed-catalog.h"
#include "ed-procedure.h"
#include "ed-sheet-dialog.h"
#include "ed-store.h"

G_BEGIN_DECLS

GtkWindow *ed_sheet_actions_print      (GtkWindow   *parent,
                                        EdCase      *kase,
                                        EdProcedure *procedure,
                                        EdStore     *store);
GtkWindow *ed_sheet_actions_export_pdf (GtkWindow   *parent,
                                        EdCase      *kase,
                                        EdProcedure *procedure,
                                        EdStore     *store);

GtkWindow *ed_sheet_actions_journey    (GtkWindow         *parent,
                                        EdSheetDialogMode  mode,
                                        EdCase            *kase,
                                        EdCatalog         *catalog,
                                        EdStore           *store);

G_END_DECLS
