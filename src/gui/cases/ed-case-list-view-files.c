/* ed-case-list-view-files.c — a case to a JSON file and back
 *
 * The file choosers are native (the portal in Flatpak) and thin: what
 * they choose goes to ed_case_list_view_export() and
 * ed_case_list_view_import() as a GFile, which is what the tests call,
 * since no file chooser can be driven under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ed-case-list-view-private.h"
#include "ed-error.h"
#include "ed-import-problems.h"
#include "ed-toast.h"

static void import_file (EdCaseListView *self,
                         GFile          *file,
                         EdImportFlags   flags);

static GtkFileFilter *
create_json_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Case Files (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  return filter;
}

static GtkFileChooserNative *
create_chooser (EdCaseListView       *self,
                const char           *title,
                GtkFileChooserAction  action,
                const char           *accept_label)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = create_json_filter ();

  chooser = gtk_file_chooser_native_new (title, _ed_case_list_view_window (self), action,
                                         accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  return chooser;
}

/* Export. */

typedef struct
{
  EdCaseListView *view;
  GFile          *file;
} FileJob;

static FileJob *
file_job_new (EdCaseListView *self,
              GFile          *file)
{
  FileJob *job = g_new0 (FileJob, 1);

  job->view = g_object_ref (self);
  job->file = g_object_ref (file);
  return job;
}

static void
file_job_free (FileJob *job)
{
  g_object_unref (job->view);
  g_object_unref (job->file);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FileJob, file_job_free)

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(FileJob) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *title = NULL;

  if (!ed_store_export_case_finish (ED_STORE (object), result, &error))
    {
      _ed_case_list_view_show_error (job->view, _("Case Not Exported"), error->message, NULL);
      return;
    }

  /* Translators: a toast; %s is the name of the file written */
  title = g_strdup_printf (_("Case exported to “%s”"), name);
  _ed_case_list_view_add_toast (job->view, ed_toast_new (title, ED_TOAST_TIMEOUT_DEFAULT));
}

static void
export_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  EdCaseListView  *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (chooser), "ed-case-id");
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    ed_case_list_view_export (self, id, file);

  g_object_unref (chooser);
}

static void
choose_export_file (EdCaseListView *self,
                    gint64          id)
{
  g_autoptr(EdCaseInfo) info = _ed_case_list_view_find (self, id);
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  chooser = create_chooser (self, _("Export Case"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  name = g_strconcat (info != NULL ? ed_case_info_get_reference (info) : "case", ".json", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "ed-case-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * ed_case_list_view_export:
 * @file: (nullable): where to write the case; %NULL to ask
 *
 * Writes case @id to a JSON file that only the user can read; a toast
 * says where.
 */
void
ed_case_list_view_export (EdCaseListView *self,
                          gint64          id,
                          GFile          *file)
{
  g_return_if_fail (ED_IS_CASE_LIST_VIEW (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (self->store == NULL)
    return;

  if (file == NULL)
    {
      choose_export_file (self, id);
      return;
    }

  ed_store_export_case_async (self->store, id, file, NULL, exported_cb, file_job_new (self, file));
}

/* Import. */

/* The store names the file at the start of each problem; the dialog
 * names it once, above them, and each place in words. */
static char *
list_problems (const char *message,
               GFile      *file)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *prefix = g_strconcat (name, ": ", NULL);
  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      g_autofree char *words = NULL;

      if (*line == '\0')
        continue;
      if (g_str_has_prefix (line, prefix))
        line += strlen (prefix);
      words = ed_import_problem_describe (line);
      if (list->len > 0)
        g_string_append_c (list, '\n');
      g_string_append (list, words);
    }

  return g_string_free (g_steal_pointer (&list), FALSE);
}

static void
open_imported_cb (AdwToast       *toast,
                  EdCaseListView *self)
{
  _ed_case_list_view_activate (self, g_object_get_data (G_OBJECT (toast), "ed-case-info"));
}

static void
show_imported (EdCaseListView *self,
               EdCaseInfo     *info)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* Translators: a toast; the reference, then the travellers' names */
  title = g_strdup_printf (_("Imported %s: %s"), ed_case_info_get_reference (info),
                           ed_case_info_get_title (info));
  toast = ed_toast_new (title, ED_TOAST_TIMEOUT_DEFAULT);
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "ed-case-info", g_object_ref (info), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_imported_cb), self, 0);
  _ed_case_list_view_add_toast (self, toast);
}

static void
exists_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    FileJob          *job)
{
  if (g_strcmp0 (response, "new") == 0)
    import_file (job->view, job->file, ED_IMPORT_NEW_REFERENCE);
}

/* The reference is taken: the same case imported twice, or a copy. */
static void
offer_new_reference (EdCaseListView *self,
                     GFile          *file,
                     const GError   *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (_ed_case_list_view_window (self),
                                   _("Case Already Imported"), error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "new", _("Import as a _New Case"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "new",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "new");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (exists_response_cb),
                         file_job_new (self, file), (GClosureNotify) file_job_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(FileJob) job = user_data;
  g_autoptr(EdCaseInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  g_autofree char *problems = NULL;

  info = ed_store_import_case_finish (ED_STORE (object), result, &error);
  if (info != NULL)
    {
      show_imported (job->view, info);
      return;
    }

  if (g_error_matches (error, ED_ERROR, ED_ERROR_EXISTS))
    {
      offer_new_reference (job->view, job->file, error);
      return;
    }

  name = g_file_get_basename (job->file);
  /* Translators: %s is a file name; the problems follow, one a line */
  body = g_strdup_printf (_("Nothing was imported. “%s” has these problems:"), name);
  problems = list_problems (error->message, job->file);
  _ed_case_list_view_show_error (job->view, _("Case Not Imported"), body, problems);
}

static void
import_file (EdCaseListView *self,
             GFile          *file,
             EdImportFlags   flags)
{
  if (self->store == NULL)
    return;

  ed_store_import_case_async (self->store, file, flags, NULL, imported_cb,
                              file_job_new (self, file));
}

static void
import_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  EdCaseListView  *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    ed_case_list_view_import (self, file);

  g_object_unref (chooser);
}

/**
 * ed_case_list_view_import:
 * @file: (nullable): a case file written by an export; %NULL to ask
 *
 * Adds the case of @file to the store. A file with any problem adds
 * nothing, and a dialog lists the problems; a case already in the store
 * can be imported as a new case, under a new reference.
 */
void
ed_case_list_view_import (EdCaseListView *self,
                          GFile          *file)
{
  GtkFileChooserNative *chooser;

  g_return_if_fail (ED_IS_CASE_LIST_VIEW (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (file != NULL)
    {
      import_file (self, file, ED_IMPORT_DEFAULT);
      return;
    }

  chooser = create_chooser (self, _("Import Case"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
