/* ed-sheet-template.c — sheet templates, and how a page is drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ed-error.h"
#include "ed-sheet-fonts.h"
#include "ed-sheet-private.h"

struct _EdSheetTemplate
{
  GObject          parent_instance;

  EdProcedure     *procedure;
  EdSheetOptions  *options;
  EdSheetGeometry  geometry;
  GPtrArray       *pages;         /* EdSheetPage */

  GMutex           fonts_lock;
  EdSheetFonts    *fonts;         /* made when a PDF first needs them */
};

G_DEFINE_FINAL_TYPE (EdSheetTemplate, ed_sheet_template, G_TYPE_OBJECT)

static void
ed_sheet_template_finalize (GObject *object)
{
  EdSheetTemplate *self = ED_SHEET_TEMPLATE (object);

  g_clear_object (&self->procedure);
  g_clear_pointer (&self->options, ed_sheet_options_free);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->fonts, ed_sheet_fonts_unref);
  g_mutex_clear (&self->fonts_lock);

  G_OBJECT_CLASS (ed_sheet_template_parent_class)->finalize (object);
}

static void
ed_sheet_template_class_init (EdSheetTemplateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ed_sheet_template_finalize;
}

static void
ed_sheet_template_init (EdSheetTemplate *self)
{
  g_mutex_init (&self->fonts_lock);
}

/* The sheet is built on two threads: this one takes its parts (the
 * front, each step, the back) one after the other, while a second builds
 * the cover, if any, and then takes parts too, until none is left
 * (ed-sheet-steps.c). On two cores a one-sheet print takes about half
 * the time of building it all on one. Text is shaped with each thread's
 * own Pango context (ed-sheet-text.c); the cover shares nothing with the
 * other parts' builders but the read-only procedure and options. */
typedef struct
{
  EdSheetBuilder  builder;
  EdProcedure    *procedure;
  gboolean        cover;          /* the summary page, before the rest */
  EdSheetSteps   *steps;
  GMutex          lock;
  GCond           cond;
  gboolean        done;
} CoverJob;

static void
build_cover (gpointer data,
             gpointer user_data)
{
  CoverJob *job = data;

  if (job->cover)
    _ed_sheet_build_summary (&job->builder, &job->procedure, 1);
  while (_ed_sheet_steps_build_next (job->steps))
    ;

  g_mutex_lock (&job->lock);
  job->done = TRUE;
  g_cond_signal (&job->cond);
  g_mutex_unlock (&job->lock);
}

/* One thread at a time: batches already lay out a sheet per core. The
 * thread is the pool's own and lives as long as the process: a thread
 * that ends frees its Pango fonts, and cairo 1.16 can then destroy a
 * scaled font that another thread is drawing with (an assertion,
 * "! scaled_font->cache_frozen", in a batch of one PDF a traveller). */
static GThreadPool *
get_cover_pool (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (build_cover, NULL, 1, TRUE, NULL));

  return pool;
}

static void
start_cover (CoverJob             *job,
             const EdSheetBuilder *builder,
             EdProcedure          *procedure,
             gboolean              cover,
             EdSheetSteps         *steps)
{
  job->builder = *builder;
  job->builder.blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) _ed_sheet_block_free);
  job->builder.qr_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 g_object_unref);
  job->builder.qr_first_step = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  job->procedure = procedure;
  job->cover = cover;
  job->steps = steps;
  g_mutex_init (&job->lock);
  g_cond_init (&job->cond);
  job->done = FALSE;

  if (!g_thread_pool_push (get_cover_pool (), job, NULL))
    build_cover (job, NULL);
}

/* Waits for the cover and the parts the second thread took, and puts
 * the cover's blocks before @builder's. */
static void
finish_cover (CoverJob       *job,
              EdSheetBuilder *builder)
{
  GPtrArray *blocks = job->builder.blocks;

  g_mutex_lock (&job->lock);
  while (!job->done)
    g_cond_wait (&job->cond, &job->lock);
  g_mutex_unlock (&job->lock);

  g_ptr_array_extend_and_steal (blocks, g_steal_pointer (&builder->blocks));
  builder->blocks = blocks;

  g_hash_table_unref (job->builder.qr_codes);
  g_hash_table_unref (job->builder.qr_first_step);
  g_mutex_clear (&job->lock);
  g_cond_clear (&job->cond);
}

/**
 * ed_sheet_template_new:
 *
 * Lays out and paginates everything of @procedure that does not depend
 * on the traveller, in the options' languages and paper. This is the
 * slow part (a few hundred milliseconds for a long trilingual
 * procedure); do it once and make layouts from it.
 *
 * Returns: (transfer full): the template, or %NULL with @error set when
 *   the sheet's fonts are missing
 */
EdSheetTemplate *
ed_sheet_template_new (EdProcedure           *procedure,
                       const EdSheetOptions  *options,
                       GError               **error)
{
  g_autoptr(EdSheetTemplate) self = NULL;
  EdSheetBuilder builder = { 0, };

  g_return_val_if_fail (ED_IS_PROCEDURE (procedure), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!ed_sheet_text_check_fonts (error))
    return NULL;

  /* Traditional Chinese only where the procedure is written in it. */
  {
    const EdLanguage *languages;
    guint n;

    languages = ed_sheet_options_get_languages (options, &n);
    for (guint i = 0; i < n; i++)
      if (languages[i] == ED_LANGUAGE_ZH_TW &&
          !ed_procedure_requires_language (procedure, languages[i]))
        {
          g_set_error (error, ED_ERROR, ED_ERROR_UNSUPPORTED,
                       /* Translators: %s is a procedure id; zh_TW is a language code */
                       _("The procedure “%s” is not written in Traditional Chinese (zh_TW): "
                         "choose among en, ja and zh_CN"),
                       ed_procedure_get_id (procedure));
          return NULL;
        }
  }

  self = g_object_new (ED_TYPE_SHEET_TEMPLATE, NULL);
  self->procedure = g_object_ref (procedure);
  self->options = ed_sheet_options_copy (options);
  _ed_sheet_geometry_init (&self->geometry, self->options);

  builder.procedure = procedure;
  builder.options = self->options;
  builder.geometry = self->geometry;
  builder.blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) _ed_sheet_block_free);
  builder.qr_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  builder.qr_first_step = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (ed_sheet_options_get_summary_only (self->options))
    _ed_sheet_build_summary (&builder, &procedure, 1);
  else
    {
      EdSheetSteps *steps = _ed_sheet_steps_new (&builder, TRUE);
      CoverJob cover;

      start_cover (&cover, &builder, procedure, ed_sheet_options_get_summary (self->options),
                   steps);
      while (_ed_sheet_steps_build_next (steps))
        ;
      finish_cover (&cover, &builder);
      _ed_sheet_steps_finish (steps, &builder);
    }
  self->pages = _ed_sheet_paginate (&builder);

  g_ptr_array_unref (builder.blocks);
  g_hash_table_unref (builder.qr_codes);
  g_hash_table_unref (builder.qr_first_step);

  return g_steal_pointer (&self);
}

/* A template built by other means than a procedure's (a journey's
 * cover): its procedure is %NULL. Takes @pages. */
EdSheetTemplate *
_ed_sheet_template_new_built (const EdSheetOptions  *options,
                              const EdSheetGeometry *geometry,
                              GPtrArray             *pages)
{
  EdSheetTemplate *self = g_object_new (ED_TYPE_SHEET_TEMPLATE, NULL);

  self->options = ed_sheet_options_copy (options);
  self->geometry = *geometry;
  self->pages = pages;
  return self;
}

/* Returns: (transfer none) (nullable): the procedure; %NULL for a
 * journey's cover */
EdProcedure *
ed_sheet_template_get_procedure (EdSheetTemplate *self)
{
  g_return_val_if_fail (ED_IS_SHEET_TEMPLATE (self), NULL);
  return self->procedure;
}

const EdSheetOptions *
ed_sheet_template_get_options (EdSheetTemplate *self)
{
  g_return_val_if_fail (ED_IS_SHEET_TEMPLATE (self), NULL);
  return self->options;
}

guint
ed_sheet_template_get_n_pages (EdSheetTemplate *self)
{
  g_return_val_if_fail (ED_IS_SHEET_TEMPLATE (self), 0);
  return self->pages->len;
}

const EdSheetGeometry *
_ed_sheet_template_get_geometry (EdSheetTemplate *self)
{
  return &self->geometry;
}

const EdSheetPage *
_ed_sheet_template_get_page (EdSheetTemplate *self,
                             guint            page)
{
  g_return_val_if_fail (page < self->pages->len, NULL);
  return g_ptr_array_index (self->pages, page);
}

/* What a traveller's values are likely to need besides the template's
 * own glyphs: Latin letters, digits and the punctuation of addresses. */
static void
add_alphabet (EdSheetGlyphs         *glyphs,
              const EdSheetGeometry *geometry)
{
  g_autoptr(GString) ascii = g_string_new (NULL);

  for (char c = ' '; c < 0x7f; c++)
    g_string_append_c (ascii, c);
  g_string_append (ascii, "…・ー－、。（）");

  for (guint bold = 0; bold < 2; bold++)
    for (guint i = 0; i <= geometry->n_languages; i++)
      {
        EdSheetStyle style = {
          .language = i < geometry->n_languages ? geometry->languages[i] : ED_LANGUAGE_EN,
          .size = 10,
          .bold = bold,
        };
        g_autoptr(EdSheetText) text = ed_sheet_text_new (ascii->str, &style, 0, 0);

        ed_sheet_glyphs_add_text (glyphs, text);
      }
}

/**
 * _ed_sheet_template_get_fonts:
 *
 * Returns: (transfer none): the fonts every PDF of the template draws
 *   with: the glyphs of its pages, cut out of their fonts once
 */
EdSheetFonts *
_ed_sheet_template_get_fonts (EdSheetTemplate *self)
{
  g_mutex_lock (&self->fonts_lock);
  if (self->fonts == NULL)
    {
      g_autoptr(EdSheetGlyphs) glyphs = ed_sheet_glyphs_new ();

      for (guint p = 0; p < self->pages->len; p++)
        {
          const EdSheetPage *page = g_ptr_array_index (self->pages, p);

          for (guint i = 0; i < page->ops->len; i++)
            {
              const EdSheetOp *op = &g_array_index (page->ops, EdSheetOp, i);

              if (op->text != NULL)
                ed_sheet_glyphs_add_text (glyphs, op->text);
            }
        }
      add_alphabet (glyphs, &self->geometry);
      self->fonts = ed_sheet_fonts_new (glyphs);
    }
  g_mutex_unlock (&self->fonts_lock);

  return self->fonts;
}

static void
draw_ops (const EdSheetPage *page,
          cairo_t           *cr)
{
  for (guint i = 0; i < page->ops->len; i++)
    _ed_sheet_draw_op (&g_array_index (page->ops, EdSheetOp, i), cr);
}

/* Drawing many sheets into one PDF, the part that is the same for every
 * traveller is recorded once per page and painted from the recording:
 * cairo writes it into the file once, as a form, and each sheet's page
 * only refers to it. A page drawn only once into a file (one sheet, as
 * a clerk prints it, or a file a traveller) is drawn as it is: the
 * recording would cost more than it saves (a tenth of a one-sheet
 * print). So a page is recorded the second time it is drawn. The
 * recordings live as long as the target surface, which belongs to one
 * thread; nothing is shared between threads. */
typedef struct
{
  EdSheetTemplate *sheet_template;
  GPtrArray       *recordings;    /* cairo_surface_t, or NULL until drawn twice */
  gboolean        *drawn;         /* per page: drawn once already */
} Recordings;

static cairo_user_data_key_t recordings_key;

static void
recordings_free (gpointer data)
{
  Recordings *recordings = data;

  g_object_unref (recordings->sheet_template);
  g_ptr_array_unref (recordings->recordings);
  g_free (recordings->drawn);
  g_free (recordings);
}

/* Returns: (transfer none) (nullable): the recording of @page's part
 * that is the same for everyone, or %NULL the first time @page is drawn
 * into @target: then draw it as it is. */
static cairo_surface_t *
get_recording (EdSheetTemplate *self,
               cairo_surface_t *target,
               guint            page)
{
  GHashTable *table = cairo_surface_get_user_data (target, &recordings_key);
  Recordings *recordings;
  cairo_surface_t *recording;

  if (table == NULL)
    {
      table = g_hash_table_new_full (NULL, NULL, NULL, recordings_free);
      cairo_surface_set_user_data (target, &recordings_key, table,
                                   (cairo_destroy_func_t) g_hash_table_unref);
    }

  recordings = g_hash_table_lookup (table, self);
  if (recordings == NULL)
    {
      recordings = g_new0 (Recordings, 1);
      recordings->sheet_template = g_object_ref (self);
      recordings->recordings = g_ptr_array_new_full (self->pages->len,
                                                     (GDestroyNotify) cairo_surface_destroy);
      g_ptr_array_set_size (recordings->recordings, self->pages->len);
      recordings->drawn = g_new0 (gboolean, self->pages->len);
      g_hash_table_insert (table, self, recordings);
    }

  if (!recordings->drawn[page])
    {
      recordings->drawn[page] = TRUE;
      return NULL;
    }

  recording = g_ptr_array_index (recordings->recordings, page);
  if (recording == NULL)
    {
      cairo_rectangle_t extents = { 0, 0, self->geometry.page_width, self->geometry.page_height };
      cairo_t *cr;

      recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
      ed_sheet_fonts_copy_attached (target, recording);
      cr = cairo_create (recording);
      draw_ops (g_ptr_array_index (self->pages, page), cr);
      cairo_destroy (cr);
      g_ptr_array_index (recordings->recordings, page) = recording;
    }

  return recording;
}

/**
 * _ed_sheet_template_draw_static:
 *
 * Draws what page @page shows for every traveller.
 */
void
_ed_sheet_template_draw_static (EdSheetTemplate *self,
                                cairo_t         *cr,
                                guint            page)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_surface_type_t type = cairo_surface_get_type (target);
  gboolean paged = type == CAIRO_SURFACE_TYPE_PDF || type == CAIRO_SURFACE_TYPE_PS;
  const EdSheetPage *template_page = g_ptr_array_index (self->pages, page);
  cairo_surface_t *recording = paged ? get_recording (self, target, page) : NULL;

  if (recording != NULL)
    {
      cairo_save (cr);
      cairo_set_source_surface (cr, recording, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
    }
  else
    draw_ops (template_page, cr);

  /* The page's links, never in a recording: a PDF page holds them. */
  if (paged)
    for (guint i = 0; i < template_page->ops->len; i++)
      _ed_sheet_draw_link (&g_array_index (template_page->ops, EdSheetOp, i), cr);
}

/**
 * ed_sheet_template_new_record:
 * @kind: printed, saved as PDF, or part of a batch
 *
 * What the case's audit log keeps of a sheet just printed: when, which
 * procedure and version, which languages and paper, who printed it (the
 * desk's user name) and under which office's letterhead. Give it to
 * ed_store_log_sheet() with the case.
 *
 * Returns: (transfer full): the record
 */
EdSheetRecord *
ed_sheet_template_new_record (EdSheetTemplate *self,
                              EdSheetKind      kind)
{
  EdSheetRecord *record;
  const EdLanguage *languages;
  EdSheetOffice *office;
  guint n;

  g_return_val_if_fail (ED_IS_SHEET_TEMPLATE (self), NULL);

  languages = ed_sheet_options_get_languages (self->options, &n);

  record = g_new0 (EdSheetRecord, 1);
  record->at = g_get_real_time () / G_USEC_PER_SEC;
  record->kind = kind;
  record->procedure_id = g_strdup (ed_procedure_get_id (self->procedure));
  record->procedure_version = ed_procedure_get_version (self->procedure);
  record->languages = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    record->languages[i] = g_strdup (ed_language_code (languages[i]));
  record->paper = g_strdup (ed_paper_to_string (ed_sheet_options_get_paper (self->options)));
  record->user = g_strdup (g_get_user_name ());
  office = ed_sheet_options_get_office (self->options);
  if (office != NULL)
    record->office = g_strdup (ed_sheet_office_get (office, "name"));

  return record;
}
