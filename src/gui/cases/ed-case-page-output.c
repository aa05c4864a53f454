/* ed-case-page-output.c — a case's timeline out of the window: an
 * iCalendar file, and the journey sheet printed or saved as PDF
 *
 * The journey sheet goes through the sheet dialog, as a procedure's
 * sheet does; each procedure it holds goes into the case's audit log,
 * marked as part of a journey sheet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-case-page-private.h"
#include "ed-sheet-actions.h"

static GtkFileChooserNative *
save_chooser (EdCasePage *self,
              const char *title,
              const char *name,
              const char *pattern,
              const char *filter_name)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (title,
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  return chooser;
}

static char *
file_name (EdCasePage *self,
           const char *suffix)
{
  const char *reference = ed_case_get_reference (self->kase);

  return g_strconcat (reference != NULL ? reference : _("Case"), suffix, NULL);
}

/* The calendar */

static void
calendar_written_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(EdCasePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (object));
  g_autofree char *message = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: a file, then why */
      message = g_strdup_printf (_("Could not write “%s”: %s"), name, error->message);
    }
  else
    /* Translators: %s is a file name */
    message = g_strdup_printf (_("Deadlines exported to “%s”"), name);

  _ed_case_page_toast (self, message);
}

static void
calendar_chosen_cb (GtkNativeDialog *chooser,
                    int              response,
                    EdCasePage      *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      ed_case_page_export_calendar_to_file (self, file);
    }
  g_object_unref (chooser);
}

/**
 * ed_case_page_export_calendar_to_file:
 *
 * Writes the case's deadlines still to do into @file as an iCalendar
 * file, as the Export to Calendar… button does after its file chooser;
 * a toast says when it is written.
 */
void
ed_case_page_export_calendar_to_file (EdCasePage *self,
                                      GFile      *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(EdTimeline) timeline = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *text;

  g_return_if_fail (ED_IS_CASE_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  now = _ed_case_page_dup_now (self);
  timeline = ed_case_compute_timeline (self->kase, self->catalog, now,
                                       g_settings_get_uint (self->settings, "reminder-days"));
  text = ed_timeline_to_ical (timeline, ed_case_get_reference (self->kase),
                              ed_case_get_n_travellers (self->kase), ed_language_for_ui (),
                              &error);
  if (text == NULL)
    {
      _ed_case_page_toast (self, error->message);
      return;
    }

  bytes = g_bytes_new_take (text, strlen (text));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE,
                                       G_FILE_CREATE_REPLACE_DESTINATION, self->cancellable,
                                       calendar_written_cb, g_object_ref (self));
}

/* One event for each deadline still to do, with the case reference. */
void
_ed_case_page_export_calendar (EdCasePage *self)
{
  g_autofree char *name = file_name (self, ".ics");
  GtkFileChooserNative *chooser;

  chooser = save_chooser (self, _("Export Deadlines to Calendar"), name, "*.ics",
                          _("Calendar files"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (calendar_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The journey sheet */

/**
 * _ed_case_page_journey_sheet:
 * @print: %TRUE to print it, %FALSE to save it as PDF
 *
 * Opens the sheet dialog for the journey sheet: languages, paper and a
 * preview, as for one procedure's sheet.
 */
void
_ed_case_page_journey_sheet (EdCasePage *self,
                             gboolean    print)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  ed_sheet_actions_journey (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                            print ? ED_SHEET_DIALOG_PRINT : ED_SHEET_DIALOG_PDF,
                            self->kase, self->catalog, self->store);
}
