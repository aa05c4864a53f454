/* ed-sheet-pdf.c — sheets written as PDF files
 *
 * The file is written privately (mode 0600: a sheet holds a passport
 * number) into a temporary file that replaces the destination only once
 * complete. With SOURCE_DATE_EPOCH set, the file's dates come from it,
 * so the same input gives the same bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ed-error.h"
#include "ed-sheet-private.h"

#ifdef __SANITIZE_ADDRESS__
#include <sanitizer/lsan_interface.h>
#endif

struct _EdSheetPdf
{
  char            *path;
  char            *title;       /* the document's; names a cover in the outline */
  GOutputStream   *stream;
  cairo_surface_t *surface;
  cairo_t         *cr;
  GError          *error;       /* the first write error */
  guint            n_pages;
  gboolean         is_new;      /* no file was there to replace */
  gboolean         sheet_fonts; /* each sheet's values get a font of their own */
};

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  EdSheetPdf *self = closure;

  if (self->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;

  if (!g_output_stream_write_all (self->stream, data, length, NULL, NULL, &self->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

/* ISO 8601, as cairo wants it for the document's dates. */
static char *
document_date (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) when = NULL;

  if (epoch != NULL && *epoch != '\0')
    {
      char *end;
      gint64 seconds = g_ascii_strtoll (epoch, &end, 10);

      if (*end == '\0' && seconds >= 0)
        when = g_date_time_new_from_unix_utc (seconds);
    }

  if (when == NULL)
    when = g_date_time_new_now_utc ();

  return g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");
}

/* cairo 1.16 loses 768 bytes for each font it subsets while finishing a
 * PDF; leak checks (build-aux/test) would blame every sheet for it. */
static void
finish_surface (cairo_surface_t *surface)
{
#ifdef __SANITIZE_ADDRESS__
  __lsan_disable ();
#endif
  cairo_surface_finish (surface);
#ifdef __SANITIZE_ADDRESS__
  __lsan_enable ();
#endif
}

static void
discard (EdSheetPdf *self)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_clear_pointer (&self->cr, cairo_destroy);
  if (self->surface != NULL)
    {
      /* Nothing more reaches the file once the stream is closed below. */
      if (self->error == NULL)
        self->error = g_error_new_literal (ED_ERROR, ED_ERROR_FAILED, "discarded");
      finish_surface (self->surface);
      g_clear_pointer (&self->surface, cairo_surface_destroy);
    }

  /* Closing a replacing stream cancelled leaves the destination as it
   * was and removes the temporary file; a new file GIO writes in place,
   * and it goes. */
  if (self->stream != NULL && !g_output_stream_is_closed (self->stream))
    {
      g_cancellable_cancel (cancellable);
      g_output_stream_close (self->stream, cancellable, NULL);
      if (self->is_new)
        g_unlink (self->path);
    }
}

void
ed_sheet_pdf_free (EdSheetPdf *self)
{
  if (self == NULL)
    return;

  discard (self);
  g_clear_object (&self->stream);
  g_clear_error (&self->error);
  g_free (self->path);
  g_free (self->title);
  g_free (self);
}

/**
 * ed_sheet_pdf_new:
 * @path: the file to write
 * @title: (nullable): the document's title
 *
 * Starts a PDF file that sheets are added to with ed_sheet_pdf_add().
 * The file appears only when ed_sheet_pdf_close() succeeds.
 *
 * Returns: (transfer full): the writer, or %NULL with @error set
 */
EdSheetPdf *
ed_sheet_pdf_new (const char  *path,
                  const char  *title,
                  GError     **error)
{
  g_autoptr(EdSheetPdf) self = g_new0 (EdSheetPdf, 1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *date = document_date ();

  self->is_new = !g_file_query_exists (file, NULL);

  /* G_FILE_CREATE_PRIVATE: mode 0600, whatever the umask. */
  stream = g_file_replace (file, NULL, FALSE,
                           G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                           NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_IO, _("Cannot write “%s”: %s"),
                   path, local_error->message);
      return NULL;
    }

  self->path = g_strdup (path);
  self->title = g_strdup (title);
  self->stream = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (stream), 256 * 1024);
  self->surface = cairo_pdf_surface_create_for_stream (write_cb, self, 595, 842);
  self->cr = cairo_create (self->surface);

  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_CREATOR, "Entry Desk");
  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_MOD_DATE, date);
  if (title != NULL)
    cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_TITLE, title);

  return g_steal_pointer (&self);
}

static gboolean
check (EdSheetPdf  *self,
       GError     **error)
{
  cairo_status_t status = cairo_surface_status (self->surface);

  if (status == CAIRO_STATUS_SUCCESS && self->cr != NULL)
    status = cairo_status (self->cr);

  if (self->error != NULL)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_IO, _("Cannot write “%s”: %s"),
                   self->path, self->error->message);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_IO, _("Cannot write “%s”: %s"),
                   self->path, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/* The outline: the sheet under the traveller's name (or the procedure's
 * title on a blank sheet), the summary, the detailed sheet and each step
 * under it, each opening its page at its place. */
static void
add_outline (EdSheetPdf    *self,
             EdSheetLayout *layout,
             guint          first_page)
{
  EdSheetTemplate *sheet_template = ed_sheet_layout_get_template (layout);
  const EdSheetGeometry *g = _ed_sheet_template_get_geometry (sheet_template);
  EdTraveller *traveller = ed_sheet_layout_get_traveller (layout);
  g_autofree char *name = traveller != NULL ? ed_traveller_dup_display_name (traveller) : NULL;
  g_autofree char *target = g_strdup_printf ("page=%u pos=[0 0]", first_page + 1);
  int parent;

  /* A journey's cover: neither traveller nor procedure, the title. */
  if ((name == NULL || *name == '\0') && ed_sheet_layout_get_procedure (layout) == NULL)
    {
      g_free (name);
      name = g_strdup (self->title != NULL ? self->title : "");
    }
  else if (name == NULL || *name == '\0')
    {
      g_free (name);
      name = g_strdup (ed_text_lookup (ed_procedure_get_title (ed_sheet_layout_get_procedure (
                                         layout)), g->languages[0]));
    }
  parent = cairo_pdf_surface_add_outline (self->surface, CAIRO_PDF_OUTLINE_ROOT, name, target,
                                          0);

  for (guint p = 0; p < ed_sheet_layout_get_n_pages (layout); p++)
    {
      const EdSheetPage *page = _ed_sheet_template_get_page (sheet_template, p);

      for (guint i = 0; i < page->ops->len; i++)
        {
          const EdSheetOp *op = &g_array_index (page->ops, EdSheetOp, i);
          char y[G_ASCII_DTOSTR_BUF_SIZE];
          g_autofree char *place = NULL;

          if (op->kind != ED_SHEET_OP_MARK)
            continue;
          place = g_strdup_printf ("page=%u pos=[0 %s]", first_page + p + 1,
                                   g_ascii_formatd (y, sizeof y, "%.1f", MAX (0, op->y - 6)));
          cairo_pdf_surface_add_outline (self->surface, parent, op->uri, place, 0);
        }
    }
}

/**
 * ed_sheet_pdf_add:
 *
 * Adds every page of @layout. Sheets from one template share what is
 * the same on each: the file holds it once.
 */
gboolean
ed_sheet_pdf_add (EdSheetPdf     *self,
                  EdSheetLayout  *layout,
                  GError        **error)
{
  double width, height;
  guint n_pages;

  g_return_val_if_fail (self != NULL && self->surface != NULL, FALSE);
  g_return_val_if_fail (ED_IS_SHEET_LAYOUT (layout), FALSE);

  ed_sheet_layout_get_page_size (layout, &width, &height);
  n_pages = ed_sheet_layout_get_n_pages (layout);

  /* Fonts cut to what the sheets show, made once for every file of the
   * template; glyphs outside them come from the whole font. */
  ed_sheet_fonts_attach (_ed_sheet_template_get_fonts (ed_sheet_layout_get_template (layout)),
                         self->surface);
  if (self->sheet_fonts && _ed_sheet_layout_get_extra_fonts (layout) != NULL)
    ed_sheet_fonts_attach (_ed_sheet_layout_get_extra_fonts (layout), self->surface);

  for (guint page = 0; page < n_pages; page++)
    {
      cairo_pdf_surface_set_size (self->surface, width, height);
      ed_sheet_draw_page (layout, self->cr, page);
      cairo_show_page (self->cr);
    }
  add_outline (self, layout, self->n_pages);
  self->n_pages += n_pages;

  return check (self, error);
}

/* Whether each sheet's values (a name in Chinese, an address in
 * Japanese) get a small font of their own: right for a file of a few
 * sheets; a batch of thousands draws them from the whole font instead,
 * which its file embeds once. */
void
_ed_sheet_pdf_set_sheet_fonts (EdSheetPdf *self,
                               gboolean    sheet_fonts)
{
  self->sheet_fonts = sheet_fonts;
}

/**
 * ed_sheet_pdf_close:
 *
 * Finishes the file and puts it in place. On failure, the destination
 * is left as it was.
 */
gboolean
ed_sheet_pdf_close (EdSheetPdf  *self,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (self != NULL && self->surface != NULL, FALSE);

  g_clear_pointer (&self->cr, cairo_destroy);
  finish_surface (self->surface);
  if (!check (self, error))
    {
      discard (self);
      return FALSE;
    }
  g_clear_pointer (&self->surface, cairo_surface_destroy);

  if (!g_output_stream_close (self->stream, NULL, &local_error))
    {
      g_set_error (error, ED_ERROR, ED_ERROR_IO, _("Cannot write “%s”: %s"),
                   self->path, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * ed_sheet_layout_write_pdf:
 *
 * Writes the sheet as a PDF file of its own.
 */
gboolean
ed_sheet_layout_write_pdf (EdSheetLayout  *self,
                           const char     *path,
                           GError        **error)
{
  g_autoptr(EdSheetPdf) pdf = NULL;
  guint n;
  const EdLanguage *languages =
    ed_sheet_options_get_languages (ed_sheet_layout_get_options (self), &n);
  const char *title = ed_text_lookup (ed_procedure_get_title (ed_sheet_layout_get_procedure (self)),
                                      languages[0]);

  pdf = ed_sheet_pdf_new (path, title, error);
  if (pdf == NULL)
    return FALSE;
  _ed_sheet_pdf_set_sheet_fonts (pdf, TRUE);

  return ed_sheet_pdf_add (pdf, self, error) && ed_sheet_pdf_close (pdf, error);
}
