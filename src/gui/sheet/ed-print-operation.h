/* ed-print-operation.h — check sheets printed through GTK's print dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ed-case.h"
#include "ed-sheet-document.h"
#include "ed-store.h"

G_BEGIN_DECLS

#define ED_TYPE_PRINT_OPERATION (ed_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (EdPrintOperation, ed_print_operation, ED, PRINT_OPERATION, GtkPrintOperation)

EdPrintOperation *ed_print_operation_new          (EdSheetDocument  *document,
                                                   EdCase           *kase,
                                                   EdStore          *store);
EdSheetDocument  *ed_print_operation_get_document (EdPrintOperation *self);
GtkPrintOperationResult
                  ed_print_operation_run          (EdPrintOperation        *self,
                                                   GtkPrintOperationAction  action,
                                                   GtkWindow               *parent,
                                                   GError                 **error);

G_END_DECLS
