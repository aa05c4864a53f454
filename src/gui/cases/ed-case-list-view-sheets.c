/* ed-case-list-view-sheets.c — a case's check sheet, from the list
 *
 * The case is loaded (the store gives the same object the wizard would
 * edit), then the sheet dialog opens as it does from the wizard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-case-list-view-private.h"
#include "ed-sheet-actions.h"

typedef struct
{
  EdCaseListView *self;
  gboolean        print;
} SheetJob;

static void
case_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autofree SheetJob *job = user_data;
  g_autoptr(EdCaseListView) self = job->self;
  g_autoptr(EdCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  EdProcedure *procedure;
  GtkWindow *window = _ed_case_list_view_window (self);

  kase = ed_store_load_case_finish (ED_STORE (object), result, &error);
  if (kase == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Translators: %s says why */
          message = g_strdup_printf (_("The case could not be opened: %s"), error->message);
          _ed_case_list_view_add_error_toast (self, message);
        }
      return;
    }

  procedure = self->catalog != NULL
              ? ed_catalog_lookup (self->catalog, ed_case_get_procedure_id (kase))
              : NULL;
  if (procedure == NULL || window == NULL)
    {
      message = g_strdup_printf (_("This case follows the procedure “%s”, "
                                   "which is not in the catalog. "
                                   "Add the procedure file, or check for updates, "
                                   "then open the case again."),
                                 ed_case_get_procedure_id (kase));
      _ed_case_list_view_add_error_toast (self, message);
      return;
    }

  if (job->print)
    ed_sheet_actions_print (window, kase, procedure, self->store);
  else
    ed_sheet_actions_export_pdf (window, kase, procedure, self->store);
}

/**
 * ed_case_list_view_open_sheet:
 * @print: print it, or else export it as PDF
 *
 * Opens the check sheet dialog for the case @id.
 */
void
ed_case_list_view_open_sheet (EdCaseListView *self,
                              gint64          id,
                              gboolean        print)
{
  SheetJob *job;

  g_return_if_fail (ED_IS_CASE_LIST_VIEW (self));

  if (self->store == NULL)
    return;

  job = g_new0 (SheetJob, 1);
  job->self = g_object_ref (self);
  job->print = print;
  ed_store_load_case_async (self->store, id, NULL, case_loaded_cb, job);
}
