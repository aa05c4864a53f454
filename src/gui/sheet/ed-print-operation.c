/* ed-print-operation.c
 *
 * As GNOME Text Editor prints: a GtkPrintOperation subclass, so that
 * GTK's own dialog offers the printers, the page range and the preview.
 * The sheet is laid out for its paper already; a printer with other
 * paper gets it scaled down to fit, never cut.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-print-operation.h"
#include "ed-sheet-actions-private.h"

struct _EdPrintOperation
{
  GtkPrintOperation  parent_instance;

  EdSheetDocument   *document;
  EdCase            *kase;
  EdStore           *store;       /* nullable */
  GtkWindow         *parent;      /* weak: where to report */
};

G_DEFINE_FINAL_TYPE (EdPrintOperation, ed_print_operation, GTK_TYPE_PRINT_OPERATION)

/* The printer and its options, for the next sheet printed in this
 * session, as other GNOME applications keep them. */
static GtkPrintSettings *last_settings;

static GtkPaperSize *
paper_size_new (EdPaper paper)
{
  return gtk_paper_size_new (paper == ED_PAPER_LETTER ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
}

/**
 * ed_print_operation_new:
 * @store: (nullable): the case store: a printed sheet goes into the
 *   case's audit log
 *
 * Returns: (transfer full): an operation that prints every page of
 *   @document on the paper it was laid out for
 */
EdPrintOperation *
ed_print_operation_new (EdSheetDocument *document,
                        EdCase          *kase,
                        EdStore         *store)
{
  EdPrintOperation *self;
  EdPaper paper;
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper_size = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (ED_IS_SHEET_DOCUMENT (document), NULL);
  g_return_val_if_fail (ED_IS_CASE (kase), NULL);
  g_return_val_if_fail (store == NULL || ED_IS_STORE (store), NULL);

  self = g_object_new (ED_TYPE_PRINT_OPERATION, NULL);
  self->document = g_object_ref (document);
  self->kase = g_object_ref (kase);
  self->store = store != NULL ? g_object_ref (store) : NULL;

  paper = ed_sheet_options_get_paper (ed_sheet_document_get_options (document));
  paper_size = paper_size_new (paper);
  gtk_page_setup_set_paper_size_and_default_margins (page_setup, paper_size);
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_PORTRAIT);

  if (last_settings != NULL)
    {
      g_autoptr(GtkPrintSettings) settings = gtk_print_settings_copy (last_settings);

      /* The paper chosen for this sheet, not the last one's. */
      gtk_print_settings_set_paper_size (settings, paper_size);
      gtk_print_settings_set_orientation (settings, GTK_PAGE_ORIENTATION_PORTRAIT);
      gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), settings);
    }

  title = ed_sheet_document_dup_title (document);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), title);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), page_setup);
  gtk_print_operation_set_n_pages (GTK_PRINT_OPERATION (self),
                                   (int) ed_sheet_document_get_n_pages (document));
  /* The sheet has its own margins, in points from the paper's corner. */
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
  /* A family's sheets or a 24-page sheet take a moment to spool. */
  gtk_print_operation_set_show_progress (GTK_PRINT_OPERATION (self), TRUE);

  return self;
}

EdSheetDocument *
ed_print_operation_get_document (EdPrintOperation *self)
{
  g_return_val_if_fail (ED_IS_PRINT_OPERATION (self), NULL);

  return self->document;
}

/**
 * ed_print_operation_run:
 * @parent: (nullable): the window the print dialog belongs to, and
 *   where a problem with the audit log is reported
 *
 * gtk_print_operation_run(); the result comes with #GtkPrintOperation::done.
 */
GtkPrintOperationResult
ed_print_operation_run (EdPrintOperation         *self,
                        GtkPrintOperationAction   action,
                        GtkWindow                *parent,
                        GError                  **error)
{
  g_return_val_if_fail (ED_IS_PRINT_OPERATION (self), GTK_PRINT_OPERATION_RESULT_ERROR);

  g_set_weak_pointer (&self->parent, parent);
  return gtk_print_operation_run (GTK_PRINT_OPERATION (self), action, parent, error);
}

static void
ed_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  EdPrintOperation *self = ED_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double page_width, page_height, scale;

  ed_sheet_document_get_page_size (self->document, (guint) page_nr, &page_width, &page_height);
  scale = MIN (width / page_width, height / page_height);

  /* Other paper than the sheet's: scaled to fit, centred. */
  if (G_APPROX_VALUE (scale, 1.0, 0.001) == FALSE)
    {
      cairo_translate (cr, (width - page_width * scale) / 2, (height - page_height * scale) / 2);
      cairo_scale (cr, scale, scale);
    }

  ed_sheet_document_draw_page (self->document, cr, (guint) page_nr);
}

static void
ed_print_operation_done (GtkPrintOperation       *operation,
                         GtkPrintOperationResult  result)
{
  EdPrintOperation *self = ED_PRINT_OPERATION (operation);

  if (result != GTK_PRINT_OPERATION_RESULT_APPLY)
    return;

  g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
  _ed_sheet_actions_log (self->document, self->store, self->kase, ED_SHEET_PRINT, self->parent);
}

static void
ed_print_operation_dispose (GObject *object)
{
  EdPrintOperation *self = ED_PRINT_OPERATION (object);

  g_clear_weak_pointer (&self->parent);
  g_clear_object (&self->document);
  g_clear_object (&self->kase);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ed_print_operation_parent_class)->dispose (object);
}

static void
ed_print_operation_class_init (EdPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->dispose = ed_print_operation_dispose;

  operation_class->draw_page = ed_print_operation_draw_page;
  operation_class->done = ed_print_operation_done;
}

static void
ed_print_operation_init (EdPrintOperation *self)
{
}
