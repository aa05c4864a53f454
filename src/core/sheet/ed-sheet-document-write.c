/* ed-sheet-document-write.c — a document written as PDF, by worker threads
 *
 * Worker threads lay the sheets out: once the template is made, filling
 * in each traveller is what costs. Merged, the thread that writes draws
 * them in order into one file, and the workers run at most a few sheets
 * ahead of it, so that a batch of thousands holds only those few in
 * memory; what is the same on every sheet is drawn into the file once
 * (_ed_sheet_template_draw_static()). Each on its own, every worker
 * writes its sheet into its file; a batch of files lays out a chunk of
 * sheets first, so that one font of the glyphs their values need (names
 * in Chinese, addresses in Japanese) is cut for the whole chunk rather
 * than one for each file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ed-error.h"
#include "ed-sheet-document-private.h"

/* How far the workers may run ahead of the thread that merges. */
#define AHEAD_PER_THREAD 8

/* A file of up to so many sheets (a family's) gives each sheet's values
 * a font of their own; more draw them from the whole font. */
#define FEW_SHEETS 8

/* A batch of files: how many sheets share the font of their values. */
#define CHUNK 64

typedef struct
{
  EdSheetDocument     *document;
  const char * const  *paths;     /* a file a sheet, or NULL to merge */
  GCancellable        *cancellable;

  GMutex               lock;
  GCond                cond;
  gboolean            *ready;     /* per sheet: its worker is done */
  EdSheetLayout      **sheets;    /* merging: handed over in order */
  GError             **errors;    /* per sheet: why it was not written */
  guint                done;
  gboolean             lay_out_only;
} Writer;

static void
writer_init (Writer              *writer,
             EdSheetDocument     *document,
             const char * const  *paths,
             GCancellable        *cancellable)
{
  guint n = ed_sheet_document_get_n_sheets (document);

  writer->document = document;
  writer->paths = paths;
  writer->cancellable = cancellable;
  g_mutex_init (&writer->lock);
  g_cond_init (&writer->cond);
  writer->ready = g_new0 (gboolean, n);
  writer->sheets = g_new0 (EdSheetLayout *, n);
  writer->errors = g_new0 (GError *, n);
}

static void
writer_clear (Writer *writer)
{
  guint n = ed_sheet_document_get_n_sheets (writer->document);

  for (guint i = 0; i < n; i++)
    {
      g_clear_object (&writer->sheets[i]);
      g_clear_error (&writer->errors[i]);
    }
  g_free (writer->sheets);
  g_free (writer->errors);
  g_free (writer->ready);
  g_cond_clear (&writer->cond);
  g_mutex_clear (&writer->lock);
}

static void
work (gpointer data,
      gpointer user_data)
{
  Writer *writer = user_data;
  guint index = GPOINTER_TO_UINT (data) - 1;
  EdSheetLayout *sheet = NULL;
  GError *error = NULL;
  gboolean lay_out_only;

  /* A sheet laid out in a first pass over its chunk is written now. */
  g_mutex_lock (&writer->lock);
  sheet = g_steal_pointer (&writer->sheets[index]);
  lay_out_only = writer->lay_out_only;
  g_mutex_unlock (&writer->lock);

  if (!g_cancellable_set_error_if_cancelled (writer->cancellable, &error))
    {
      if (sheet == NULL)
        sheet = _ed_sheet_document_ref_sheet (writer->document, index);
      if (writer->paths != NULL && !lay_out_only)
        {
          ed_sheet_layout_write_pdf (sheet, writer->paths[index], &error);
          g_clear_object (&sheet);
        }
    }
  else
    g_clear_object (&sheet);

  g_mutex_lock (&writer->lock);
  writer->ready[index] = TRUE;
  writer->sheets[index] = sheet;
  writer->errors[index] = error;
  writer->done++;
  g_cond_broadcast (&writer->cond);
  g_mutex_unlock (&writer->lock);
}

static gpointer
cut_fonts (gpointer sheet_template)
{
  _ed_sheet_template_get_fonts (sheet_template);
  return NULL;
}

static GThreadPool *
new_pool (Writer *writer)
{
  return g_thread_pool_new (work, writer, (int) g_get_num_processors (), FALSE, NULL);
}

/**
 * ed_sheet_document_write_pdf:
 * @path: the file to write
 * @title: (nullable): the PDF's title; %NULL for the procedure's (or the
 *   journey's) in the first sheet language, as a sheet written on its
 *   own has
 * @progress: (nullable) (scope call): told after each sheet
 *
 * Writes every sheet, in order, into one PDF file, privately (mode
 * 0600) and atomically: on failure the file is left as it was. Worker
 * threads lay out the sheets not laid out yet; this thread draws.
 *
 * Returns: %TRUE when the file is written
 */
gboolean
ed_sheet_document_write_pdf (EdSheetDocument      *self,
                             const char           *path,
                             const char           *title,
                             EdSheetProgressFunc   progress,
                             gpointer              user_data,
                             GCancellable         *cancellable,
                             GError              **error)
{
  g_autoptr(EdSheetPdf) pdf = NULL;
  Writer writer = { 0, };
  GThreadPool *pool;
  guint n, ahead, pushed = 0;

  g_return_val_if_fail (ED_IS_SHEET_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (title == NULL)
    title = _ed_sheet_document_get_title (self);

  pdf = ed_sheet_pdf_new (path, title, error);
  if (pdf == NULL)
    return FALSE;

  n = ed_sheet_document_get_n_sheets (self);
  _ed_sheet_pdf_set_sheet_fonts (pdf, n <= FEW_SHEETS);
  ahead = g_get_num_processors () * AHEAD_PER_THREAD;
  writer_init (&writer, self, NULL, cancellable);
  pool = new_pool (&writer);

  /* One sheet, as a clerk prints it: laid out by this thread, whose
   * Pango has its fonts open if it made the template (a worker would open
   * its own first), while another cuts the template's fonts. */
  if (n == 1)
    {
      GThread *fonts = g_thread_new ("ed-sheet-fonts", cut_fonts,
                                     _ed_sheet_document_get_template (self, 0));

      work (GUINT_TO_POINTER (++pushed), &writer);
      g_thread_join (fonts);
    }

  for (guint i = 0; pdf != NULL && i < n; i++)
    {
      g_autoptr(EdSheetLayout) sheet = NULL;
      g_autoptr(GError) failed = NULL;

      while (pushed < n && pushed < i + ahead)
        g_thread_pool_push (pool, GUINT_TO_POINTER (++pushed), NULL);

      g_mutex_lock (&writer.lock);
      while (!writer.ready[i])
        g_cond_wait (&writer.cond, &writer.lock);
      sheet = g_steal_pointer (&writer.sheets[i]);
      failed = g_steal_pointer (&writer.errors[i]);
      g_mutex_unlock (&writer.lock);

      /* Drawn, its pages are in the file: the sheet can go. */
      if (failed == NULL && ed_sheet_pdf_add (pdf, sheet, &failed) &&
          !g_cancellable_set_error_if_cancelled (cancellable, &failed))
        {
          if (progress != NULL)
            progress (i + 1, n, user_data);
          continue;
        }

      g_propagate_error (error, g_steal_pointer (&failed));
      g_clear_pointer (&pdf, ed_sheet_pdf_free);
    }

  /* Whatever was pushed finishes before the pool goes. */
  g_thread_pool_free (pool, FALSE, TRUE);
  writer_clear (&writer);

  return pdf != NULL && ed_sheet_pdf_close (pdf, error);
}

static void
error_free (gpointer error)
{
  if (error != NULL)
    g_error_free (error);
}

/* Lays out (@lay_out_only) or writes sheets [start, end) in the pool,
 * and waits for them; a sheet that failed before is left alone. */
static void
run_pass (Writer              *writer,
          GThreadPool         *pool,
          guint                start,
          guint                end,
          gboolean             lay_out_only,
          EdSheetProgressFunc  progress,
          gpointer             user_data)
{
  guint n = ed_sheet_document_get_n_sheets (writer->document);
  guint pushed = 0;
  guint before;

  g_mutex_lock (&writer->lock);
  writer->lay_out_only = lay_out_only;
  before = writer->done;
  g_mutex_unlock (&writer->lock);

  for (guint i = start; i < end; i++)
    if (writer->errors[i] == NULL)
      {
        g_thread_pool_push (pool, GUINT_TO_POINTER (i + 1), NULL);
        pushed++;
      }

  g_mutex_lock (&writer->lock);
  while (writer->done < before + pushed)
    {
      g_cond_wait (&writer->cond, &writer->lock);
      if (progress != NULL)
        {
          guint done = start + writer->done - before;

          g_mutex_unlock (&writer->lock);
          progress (done, n, user_data);
          g_mutex_lock (&writer->lock);
        }
    }
  g_mutex_unlock (&writer->lock);
}

/* One font for the values of sheets [start, end), laid out, that share
 * a template. */
static void
share_value_fonts (Writer *writer,
                   guint   start,
                   guint   end)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(EdSheetFonts) fonts = NULL;
  EdSheetTemplate *sheet_template = NULL;

  for (guint i = start; i < end; i++)
    {
      EdSheetLayout *sheet = writer->sheets[i];

      if (sheet == NULL)
        continue;
      if (sheet_template == NULL)
        sheet_template = ed_sheet_layout_get_template (sheet);
      else if (ed_sheet_layout_get_template (sheet) != sheet_template)
        return;
      _ed_sheet_layout_add_value_texts (sheet, texts);
    }
  if (sheet_template == NULL)
    return;

  fonts = ed_sheet_fonts_new_extra (_ed_sheet_template_get_fonts (sheet_template),
                                    (const EdSheetText * const *) texts->pdata, texts->len);
  for (guint i = start; i < end; i++)
    if (writer->sheets[i] != NULL)
      _ed_sheet_layout_set_extra_fonts (writer->sheets[i], fonts);
}

/**
 * ed_sheet_document_write_each_pdf:
 * @paths: (array zero-terminated=1): a file for each sheet, in order
 * @progress: (nullable) (scope call): told after each sheet
 * @failures: (out) (optional) (element-type GError): on failure, for
 *   each sheet, why its file was not written, or %NULL when it was
 *
 * Writes each sheet into a PDF file of its own, in worker threads,
 * privately and atomically as ed_sheet_document_write_pdf() does. A file
 * that cannot be written does not stop the others.
 *
 * Returns: %TRUE when every file is written
 */
gboolean
ed_sheet_document_write_each_pdf (EdSheetDocument     *self,
                                  const char * const  *paths,
                                  EdSheetProgressFunc  progress,
                                  gpointer             user_data,
                                  GCancellable        *cancellable,
                                  GPtrArray          **failures)
{
  Writer writer = { 0, };
  GThreadPool *pool;
  gboolean ok = TRUE;
  guint n;

  g_return_val_if_fail (ED_IS_SHEET_DOCUMENT (self), FALSE);
  g_return_val_if_fail (paths != NULL, FALSE);
  g_return_val_if_fail (g_strv_length ((char **) paths) == ed_sheet_document_get_n_sheets (self),
                        FALSE);

  n = ed_sheet_document_get_n_sheets (self);
  writer_init (&writer, self, paths, cancellable);
  pool = new_pool (&writer);

  for (guint start = 0; start < n; start += CHUNK)
    {
      guint end = MIN (n, start + CHUNK);

      if (n > FEW_SHEETS)
        {
          run_pass (&writer, pool, start, end, TRUE, NULL, NULL);
          share_value_fonts (&writer, start, end);
        }
      run_pass (&writer, pool, start, end, FALSE, progress, user_data);
    }
  g_thread_pool_free (pool, FALSE, TRUE);

  for (guint i = 0; i < n; i++)
    ok &= writer.errors[i] == NULL;

  if (!ok && failures != NULL)
    {
      *failures = g_ptr_array_new_full (n, error_free);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (*failures, g_steal_pointer (&writer.errors[i]));
    }

  writer_clear (&writer);
  return ok;
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_autofree char *title = ed_sheet_document_dup_title (source_object);
  GError *error = NULL;

  if (ed_sheet_document_write_pdf (source_object, task_data, title, NULL, NULL, cancellable,
                                   &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * ed_sheet_document_write_pdf_async:
 * @file: where to write; a local file
 *
 * ed_sheet_document_write_pdf() in a worker thread, with the document's
 * own title.
 */
void
ed_sheet_document_write_pdf_async (EdSheetDocument     *self,
                                   GFile               *file,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  char *path;

  g_return_if_fail (ED_IS_SHEET_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ed_sheet_document_write_pdf_async);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_task_return_new_error (task, ED_ERROR, ED_ERROR_IO,
                               /* Translators: %s is where the user chose to save */
                               _("Cannot write “%s”: choose a folder on this computer"), uri);
      return;
    }

  g_task_set_task_data (task, path, g_free);
  _ed_sheet_run_in_thread (task, write_thread);
}

gboolean
ed_sheet_document_write_pdf_finish (EdSheetDocument  *self,
                                    GAsyncResult     *result,
                                    GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
