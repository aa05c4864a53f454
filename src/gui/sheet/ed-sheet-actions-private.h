/* ed-sheet-actions-private.h — what the sheet dialog and the print
 * operation share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-sheet-actions.h"
#include "ed-sheet-document.h"

G_BEGIN_DECLS

void  _ed_sheet_actions_add_toast (GtkWindow       *window,
                                   AdwToast        *toast);
void  _ed_sheet_actions_log       (EdSheetDocument *document,
                                   EdStore         *store,
                                   EdCase          *kase,
                                   EdSheetKind      kind,
                                   GtkWindow       *reporter);

G_END_DECLS
