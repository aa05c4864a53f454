/* ed-case-page-output.c — a case's timeline out of the window: an
 * iCalendar file, and the journey sheet printed or saved as PDF
 *
 * The journey sheet lays out every procedure's text: seconds, in a
 * worker thread, from a copy of the case. Each procedure it holds goes
 * into the case's audit log, marked as part of a journey sheet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-case-page-private.h"
#include "ed-case-record.h"

static GtkFileChooserNative *
save_chooser (EdCasePage *self,
              const char *title,
              const char *name,
              const char *pattern,
              const char *filter_name)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
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
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(EdTimeline) timeline = NULL;
  GBytes *bytes;
  char *text;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  now = _ed_case_page_dup_now (self);
  timeline = ed_case_compute_timeline (self->kase, self->catalog, now,
                                       g_settings_get_uint (self->settings, "reminder-days"));
  text = ed_timeline_to_ical (timeline, ed_case_get_reference (self->kase),
                              ed_case_get_n_travellers (self->kase), ed_language_for_ui (),
                              &error);
  if (text == NULL)
    {
      _ed_case_page_toast (self, error->message);
      goto out;
    }

  bytes = g_bytes_new_take (text, strlen (text));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE,
                                       G_FILE_CREATE_REPLACE_DESTINATION, self->cancellable,
                                       calendar_written_cb, g_object_ref (self));
  g_bytes_unref (bytes);

out:
  g_object_unref (chooser);
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

typedef struct
{
  EdCaseRecord   *record;       /* a copy of the case */
  EdCatalog      *catalog;
  EdJourney      *journey;      /* nullable */
  EdSheetOptions *options;
  GDateTime      *now;
  GFile          *file;         /* for a PDF, or NULL to print */
} SheetJob;

static void
sheet_job_free (SheetJob *job)
{
  ed_case_record_free (job->record);
  g_clear_object (&job->catalog);
  g_clear_object (&job->journey);
  ed_sheet_options_free (job->options);
  g_date_time_unref (job->now);
  g_clear_object (&job->file);
  g_free (job);
}

static void
sheet_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  SheetJob *job = task_data;
  g_autoptr(EdTimeline) timeline = NULL;
  g_autoptr(GPtrArray) procedures = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(EdJourneySheet) sheet = NULL;
  GError *error = NULL;

  for (guint i = 0; i < job->record->procedures->len; i++)
    {
      const EdCaseProcedure *item = g_ptr_array_index (job->record->procedures, i);
      EdProcedure *procedure = ed_catalog_dup_procedure (job->catalog, item->id);

      if (procedure != NULL)
        g_ptr_array_add (procedures, procedure);
    }

  timeline = ed_case_record_compute_timeline (job->record, job->catalog, job->now,
                                              ED_TIMELINE_SOON_DAYS);
  sheet = ed_journey_sheet_new (timeline, procedures, job->record->travellers, job->journey,
                                job->options, &error);
  if (sheet != NULL && job->file != NULL)
    {
      g_autofree char *path = g_file_get_path (job->file);

      if (!ed_journey_sheet_write_pdf (sheet, path, &error))
        g_clear_object (&sheet);
    }

  if (sheet == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&sheet), g_object_unref);
}

/* Each procedure of the journey sheet, in the case's audit log. */
static void
log_sheet (EdCasePage     *self,
           EdJourneySheet *sheet,
           EdSheetKind     kind)
{
  g_autoptr(GPtrArray) records = ed_journey_sheet_new_records (sheet, kind);

  if (self->store == NULL || ed_case_get_id (self->kase) == 0)
    return;

  for (guint i = 0; i < records->len; i++)
    ed_store_log_sheet_async (self->store, self->kase, g_ptr_array_index (records, i), NULL,
                              NULL, NULL);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                EdJourneySheet    *sheet)
{
  gtk_print_operation_set_n_pages (operation, (int) ed_journey_sheet_get_n_pages (sheet));
}

/* Other paper than the sheet's: scaled to fit, centred. */
static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              EdJourneySheet    *sheet)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height;
  double scale;

  ed_journey_sheet_get_page_size (sheet, (guint) page, &width, &height);
  scale = MIN (1.0, MIN (gtk_print_context_get_width (context) / width,
                         gtk_print_context_get_height (context) / height));
  cairo_save (cr);
  cairo_translate (cr, (gtk_print_context_get_width (context) - width * scale) / 2, 0);
  cairo_scale (cr, scale, scale);
  ed_journey_sheet_draw_page (sheet, cr, (guint) page);
  cairo_restore (cr);
}

static void
print_sheet (EdCasePage     *self,
             EdJourneySheet *sheet,
             EdPaper         paper)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper_size = NULL;
  g_autofree char *title = ed_journey_sheet_dup_title (sheet);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  paper_size = gtk_paper_size_new (paper == ED_PAPER_LETTER ? GTK_PAPER_NAME_LETTER
                                                            : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (page_setup, paper_size);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, title != NULL ? title : _("Journey Sheet"));
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), sheet);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), sheet);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                    &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    _ed_case_page_toast (self, error->message);
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    log_sheet (self, sheet, ED_SHEET_PRINT);
}

static void
sheet_ready_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(EdCasePage) self = user_data;
  SheetJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(EdJourneySheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  sheet = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (sheet == NULL)
    {
      _ed_case_page_toast (self, error->message);
      return;
    }

  if (job->file == NULL)
    {
      print_sheet (self, sheet, ed_sheet_options_get_paper (job->options));
      return;
    }

  log_sheet (self, sheet, ED_SHEET_PDF);
  {
    g_autofree char *name = g_file_get_basename (job->file);

    /* Translators: %s is a file name */
    message = g_strdup_printf (_("Journey sheet saved as “%s”"), name);
  }
  _ed_case_page_toast (self, message);
}

static void
start_sheet (EdCasePage *self,
             GFile      *file)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, sheet_ready_cb,
                                      g_object_ref (self));
  g_auto(GStrv) languages = g_settings_get_strv (self->settings, "sheet-languages");
  g_autofree char *joined = g_strjoinv (",", languages);
  g_autofree char *paper = g_settings_get_string (self->settings, "paper");
  const char *journey_id = ed_case_get_journey_id (self->kase);
  EdJourney *journey = journey_id != NULL ? ed_catalog_lookup_journey (self->catalog, journey_id)
                                          : NULL;
  SheetJob *job = g_new0 (SheetJob, 1);
  EdPaper size = ED_PAPER_A4;

  job->record = ed_case_record_new_from_case (self->kase);
  job->catalog = g_object_ref (self->catalog);
  job->journey = journey != NULL ? g_object_ref (journey) : NULL;
  job->options = ed_sheet_options_new ();
  ed_sheet_options_parse_languages (job->options, joined, NULL);
  if (ed_paper_from_string (paper, &size))
    ed_sheet_options_set_paper (job->options, size);
  if (ed_case_get_reference (self->kase) != NULL)
    ed_sheet_options_set_case_reference (job->options, ed_case_get_reference (self->kase));
  job->now = _ed_case_page_dup_now (self);
  job->file = file != NULL ? g_object_ref (file) : NULL;

  _ed_case_page_toast (self, _("Preparing the journey sheet…"));
  g_task_set_task_data (task, job, (GDestroyNotify) sheet_job_free);
  g_task_run_in_thread (task, sheet_thread);
}

static void
sheet_chosen_cb (GtkNativeDialog *chooser,
                 int              response,
                 EdCasePage      *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      start_sheet (self, file);
    }
  g_object_unref (chooser);
}

/**
 * _ed_case_page_journey_sheet:
 * @print: %TRUE to print it, %FALSE to save it as PDF
 *
 * The journey sheet, in the sheet languages and paper of the
 * preferences.
 */
void
_ed_case_page_journey_sheet (EdCasePage *self,
                             gboolean    print)
{
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (print)
    {
      start_sheet (self, NULL);
      return;
    }

  name = file_name (self, ".pdf");
  chooser = save_chooser (self, _("Save Journey Sheet as PDF"), name, "*.pdf",
                          _("PDF documents"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (sheet_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
