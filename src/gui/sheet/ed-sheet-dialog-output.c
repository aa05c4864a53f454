/* ed-sheet-dialog-output.c — the sheet dialog prints, or saves a PDF
 *
 * Printing goes through GTK's print dialog (printers, pages, preview);
 * saving through the desktop's file chooser, then a worker thread. Both
 * ask once before handing out a procedure that has ended, end in the
 * case's audit log, and close the dialog with a toast in the window
 * below.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-print-operation.h"
#include "ed-sheet-actions-private.h"
#include "ed-sheet-dialog-private.h"
#include "ed-toast.h"

void
_ed_sheet_dialog_show_error (EdSheetDialog *self,
                             const char    *heading,
                             const GError  *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The toast goes to the window below, as the dialog closes. */
static void
finish (EdSheetDialog *self,
        AdwToast      *toast)
{
  _ed_sheet_actions_add_toast (gtk_window_get_transient_for (GTK_WINDOW (self)), toast);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               EdSheetDialog           *self)
{
  _ed_sheet_dialog_set_busy (self, FALSE, NULL);

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      finish (self, ed_toast_new (_("Check sheet sent to the printer"), 3));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        _ed_sheet_dialog_show_error (self, _("The Sheet Could Not Be Printed"), error);
    }
}

static void
print (EdSheetDialog *self)
{
  g_autoptr(EdPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  operation = ed_print_operation_new (self->document, self->kase, self->store);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);

  _ed_sheet_dialog_set_busy (self, TRUE, NULL);
  result = ed_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                   GTK_WINDOW (self), &error);

  /* An operation that failed before it began says so only here. */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && self->busy)
    {
      _ed_sheet_dialog_set_busy (self, FALSE, NULL);
      _ed_sheet_dialog_show_error (self, _("The Sheet Could Not Be Printed"), error);
    }
}

/* @user_data: (transfer full): the window that showed the toast */
static void
open_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GtkWindow) window = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The file could not be opened: %s"),
                                                  error->message);

      _ed_sheet_actions_add_toast (window, ed_toast_new_lasting (message));
    }
}

static void
open_clicked_cb (AdwToast  *toast,
                 GtkWindow *window)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "uri");

  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, open_done_cb, g_object_ref (window));
}

typedef struct
{
  EdSheetDialog *self;
  GFile         *file;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->self);
  g_clear_object (&export->file);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Export, export_free)

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Export) export = user_data;
  EdSheetDialog *self = export->self;
  EdSheetDocument *document = ED_SHEET_DOCUMENT (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  _ed_sheet_dialog_set_busy (self, FALSE, NULL);
  if (!ed_sheet_document_write_pdf_finish (document, result, &error))
    {
      _ed_sheet_dialog_show_error (self, _("The Sheet Could Not Be Saved"), error);
      return;
    }

  _ed_sheet_actions_log (document, self->store, self->kase, ED_SHEET_PDF, GTK_WINDOW (self));

  name = g_file_get_basename (export->file);
  /* Translators: %s is the name of the PDF file */
  title = g_strdup_printf (_("Check sheet saved as “%s”"), name);
  toast = ed_toast_new (title, ED_TOAST_TIMEOUT_DEFAULT);
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "uri", g_file_get_uri (export->file), g_free);
  /* An error opening the file is told in the window the toast is in. */
  if (gtk_window_get_transient_for (GTK_WINDOW (self)) != NULL)
    g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_clicked_cb),
                             gtk_window_get_transient_for (GTK_WINDOW (self)), 0);
  finish (self, toast);
}

/**
 * ed_sheet_dialog_export_to_file:
 *
 * Saves the sheet shown into @file as the file chooser's Export does,
 * without asking again; the dialog closes once it is written.
 */
void
ed_sheet_dialog_export_to_file (EdSheetDialog *self,
                                GFile         *file)
{
  Export *export;

  g_return_if_fail (ED_IS_SHEET_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (ed_sheet_dialog_get_ready (self));

  export = g_new0 (Export, 1);
  export->self = g_object_ref (self);
  export->file = g_object_ref (file);

  _ed_sheet_dialog_set_busy (self, TRUE, _("Saving the PDF…"));
  ed_sheet_document_write_pdf_async (self->document, file, NULL, written_cb, export);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     EdSheetDialog   *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->chooser);
  if (file != NULL && ed_sheet_dialog_get_ready (self))
    ed_sheet_dialog_export_to_file (self, file);
}

static void
choose_file (EdSheetDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = ed_sheet_document_dup_file_name (self->document);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (gtk_window_get_title (GTK_WINDOW (self)),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
go_on (EdSheetDialog *self)
{
  if (self->mode == ED_SHEET_DIALOG_PRINT)
    print (self);
  else
    choose_file (self);
}

static void
confirm_response_cb (EdSheetDialog *self,
                     const char    *response)
{
  if (g_strcmp0 (response, "continue") != 0 || !ed_sheet_dialog_get_ready (self))
    return;

  self->ended_confirmed = TRUE;
  go_on (self);
}

/* Once for each dialog: staff who said yes are not asked again. */
static void
confirm_ended (EdSheetDialog *self)
{
  const char *last_day = ed_procedure_get_valid_until (self->procedure);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->mode == ED_SHEET_DIALOG_PRINT)
    body = last_day != NULL
      /* Translators: %s is a date, 2023-01-07 */
      ? g_strdup_printf (_("This procedure ended: its last day was %s. "
                           "Every page of the sheet says so. Print it anyway?"), last_day)
      : g_strdup (_("This procedure has ended. Every page of the sheet says so. Print it anyway?"));
  else
    body = last_day != NULL
      /* Translators: %s is a date, 2023-01-07 */
      ? g_strdup_printf (_("This procedure ended: its last day was %s. "
                           "Every page of the sheet says so. Export it anyway?"), last_day)
      : g_strdup (_("This procedure has ended. "
                    "Every page of the sheet says so. Export it anyway?"));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("This Procedure Has Ended"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "continue",
                                    self->mode == ED_SHEET_DIALOG_PRINT ? _("_Print Anyway")
                                                                        : _("_Export Anyway"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What the Print… or Export PDF… button does. */
void
_ed_sheet_dialog_accept (EdSheetDialog *self)
{
  if (!ed_sheet_dialog_get_ready (self))
    return;

  /* A journey sheet's banner says which of its procedures have ended. */
  if (self->procedure != NULL && ed_procedure_has_ended (self->procedure, NULL) &&
      !self->ended_confirmed)
    confirm_ended (self);
  else
    go_on (self);
}
