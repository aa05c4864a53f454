/* ed-sheet-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-sheet-actions-private.h"
#include "ed-sheet-dialog.h"
#include "ed-toast.h"

static GtkWindow *
open_dialog (GtkWindow         *parent,
             EdSheetDialogMode  mode,
             EdCase            *kase,
             EdProcedure       *procedure,
             EdStore           *store)
{
  EdSheetDialog *dialog = ed_sheet_dialog_new (parent, mode, kase, procedure, store);

  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/**
 * ed_sheet_actions_print:
 * @parent: (nullable): the window the dialog is modal to
 * @kase: the case: its travellers and reference
 * @procedure: the procedure the case follows
 * @store: (nullable): the case store; without it nothing is logged
 *
 * Opens the sheet dialog to print the case's check sheet.
 *
 * Returns: (transfer none): the dialog
 */
GtkWindow *
ed_sheet_actions_print (GtkWindow   *parent,
                        EdCase      *kase,
                        EdProcedure *procedure,
                        EdStore     *store)
{
  return open_dialog (parent, ED_SHEET_DIALOG_PRINT, kase, procedure, store);
}

/**
 * ed_sheet_actions_export_pdf:
 *
 * As ed_sheet_actions_print(), to save the sheet as a PDF file.
 *
 * Returns: (transfer none): the dialog
 */
GtkWindow *
ed_sheet_actions_export_pdf (GtkWindow   *parent,
                             EdCase      *kase,
                             EdProcedure *procedure,
                             EdStore     *store)
{
  return open_dialog (parent, ED_SHEET_DIALOG_PDF, kase, procedure, store);
}

/**
 * ed_sheet_actions_journey:
 * @mode: print, or save as PDF
 * @catalog: where the case's procedures are found
 *
 * Opens the sheet dialog for the case's journey sheet: a cover with its
 * timeline, then each procedure's sheet.
 *
 * Returns: (transfer none): the dialog
 */
GtkWindow *
ed_sheet_actions_journey (GtkWindow         *parent,
                          EdSheetDialogMode  mode,
                          EdCase            *kase,
                          EdCatalog         *catalog,
                          EdStore           *store)
{
  EdSheetDialog *dialog = ed_sheet_dialog_new_for_journey (parent, mode, kase, catalog, store);

  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/* The first window from @window down the transient-for chain that
 * shows toasts: a dialog about to close leaves its toast below. */
static GtkWindow *
find_toast_window (GtkWindow *window)
{
  for (; window != NULL; window = gtk_window_get_transient_for (window))
    if (ed_toast_find_overlay (GTK_WIDGET (window)) != NULL)
      return window;

  return NULL;
}

/**
 * _ed_sheet_actions_add_toast:
 * @window: (nullable): where the toast belongs
 * @toast: (transfer full): the toast
 */
void
_ed_sheet_actions_add_toast (GtkWindow *window,
                             AdwToast  *toast)
{
  GtkWindow *target = find_toast_window (window);

  if (target == NULL)
    {
      g_object_unref (toast);
      return;
    }

  ed_toast_overlay_add (ed_toast_find_overlay (GTK_WIDGET (target)), toast);
}

static void
logged_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GtkWindow) window = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (ed_store_log_sheet_finish (ED_STORE (object), result, &error))
    return;

  /* Translators: %s says why */
  message = g_strdup_printf (_("The sheet was made, but the case’s log of printed sheets could not "
                               "be written: %s"),
                             error->message);
  _ed_sheet_actions_add_toast (window, ed_toast_new_lasting (message));
}

/**
 * _ed_sheet_actions_log:
 * @store: (nullable): the case store; without it nothing is logged
 * @kind: printed or saved as PDF
 * @reporter: (nullable): where a failure is reported
 *
 * Adds @document to the case's audit log, in the background: when,
 * which procedure and version (a line each), which languages and paper. A case the
 * store does not hold (not saved yet) has no log.
 */
void
_ed_sheet_actions_log (EdSheetDocument *document,
                       EdStore         *store,
                       EdCase          *kase,
                       EdSheetKind      kind,
                       GtkWindow       *reporter)
{
  GtkWindow *window = find_toast_window (reporter);
  g_autoptr(GPtrArray) records = NULL;

  if (store == NULL || ed_case_get_id (kase) == 0)
    return;

  /* A line for each procedure: a journey sheet has several. */
  records = ed_sheet_document_new_records (document, kind);
  for (guint i = 0; i < records->len; i++)
    ed_store_log_sheet_async (store, kase, g_ptr_array_index (records, i), NULL, logged_cb,
                              window != NULL ? g_object_ref (window) : NULL);
}
