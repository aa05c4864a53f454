/* ed-sheet-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#ifdef HAVE_PANGOFC
#include <pango/pangofc-font.h>
#endif

#include "ed-error.h"
#include "ed-sheet-breaks.h"
#include "ed-sheet-fonts.h"
#include "ed-sheet-text.h"

/* A run of glyphs in one font. Its glyphs, text and clusters are
 * slices of the text's arrays, which hold every run in reading order:
 * consecutive runs in the same font are drawn with one call, however
 * many lines they cover, which keeps a PDF small and fast to write. */
typedef struct
{
  cairo_scaled_font_t *font;
  guint                face;      /* ed_sheet_fonts_face_id(), 0 if unknown */
  guint                glyph;
  guint                n_glyphs;
  guint                byte;
  guint                n_bytes;
  guint                cluster;
  guint                n_clusters;
} Run;

typedef struct
{
  double    top;
  double    bottom;
  guint     run;
  guint     n_runs;
  gboolean  paragraph_start;      /* the first line, or after a "\n" */
} Line;

struct _EdSheetText
{
  gatomicrefcount       ref_count;
  guint32               color;
  double                size;
  EdLanguage            language;
  gboolean              heading;
  double                width;
  double                height;
  Line                 *lines;
  guint                 n_lines;
  Run                  *runs;
  guint                 n_runs;
  cairo_glyph_t        *glyphs;
  char                 *utf8;
  cairo_text_cluster_t *clusters;
};

typedef struct
{
  GArray  *runs;
  GArray  *glyphs;
  GString *utf8;
  GArray  *clusters;
} Builder;

/* Pango's default font map is per thread; so is our context. Fonts
 * end up shared anyway: cairo caches scaled fonts process-wide, so a
 * batch's threads all draw with the same font objects and a PDF embeds
 * each font once. */
static GPrivate context_key = G_PRIVATE_INIT (g_object_unref);

/* Pango 1.50 works out a font's metrics for a language once, and keeps
 * them; to lay out its sample text meanwhile, it guards against
 * recursion with one static int for the whole process. Two threads doing
 * it at once, the second gets an approximate character width of 0, keeps
 * it, and breaks lines by other rules: now and then a sheet printed twice
 * broke a line one character apart (a template's two threads each have
 * their fonts). So metrics are asked for one thread at a time; once
 * known, that is a look-up in a short list. */
typedef PangoFontMetrics *(*GetMetrics) (PangoFont     *font,
                                         PangoLanguage *language);

static GRecMutex metrics_lock;
static GetMetrics pango_get_metrics;

static PangoFontMetrics *
get_metrics_one_at_a_time (PangoFont     *font,
                           PangoLanguage *language)
{
  GetMetrics get_metrics = (GetMetrics) g_atomic_pointer_get (&pango_get_metrics);
  PangoFontMetrics *metrics;

  g_rec_mutex_lock (&metrics_lock);
  metrics = get_metrics (font, language);
  g_rec_mutex_unlock (&metrics_lock);

  return metrics;
}

/* Before the first font of any thread is measured: the font class is
 * the same for every font of the font map. */
static void
serialize_metrics (PangoContext *context)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      PangoFontDescription *description = pango_font_description_from_string ("Sans 10");
      g_autoptr(PangoFont) font = pango_context_load_font (context, description);

      pango_font_description_free (description);
      if (font != NULL && PANGO_FONT_GET_CLASS (font)->get_metrics != NULL)
        {
          PangoFontClass *klass = PANGO_FONT_GET_CLASS (font);

          /* Another thread (GTK's) may be measuring a font: it finds the
           * original in place until the wrapper is, and then that. */
          g_atomic_pointer_set (&pango_get_metrics, klass->get_metrics);
          g_atomic_pointer_set (&klass->get_metrics, get_metrics_one_at_a_time);
        }
      g_once_init_leave (&done, 1);
    }
}

static PangoContext *
get_context (void)
{
  PangoContext *context = g_private_get (&context_key);

  if (context == NULL)
    {
      cairo_font_options_t *options = cairo_font_options_create ();

      context = pango_font_map_create_context (pango_cairo_font_map_get_default ());

      /* Paper, not pixels: no hinting, no rounding of positions, so
       * that the same text breaks the same way in a PDF, a print job and
       * a zoomed preview. */
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
      pango_cairo_context_set_font_options (context, options);
      pango_cairo_context_set_resolution (context, 72.0);
      pango_context_set_round_glyph_positions (context, FALSE);
      cairo_font_options_destroy (options);

      serialize_metrics (context);
      g_private_set (&context_key, context);
    }

  return context;
}

/* One face for every language: Noto Sans CJK carries the Japanese,
 * Simplified and Traditional Chinese forms of Han characters in each of
 * its faces, and the language of the run picks them (OpenType "locl").
 * A single face keeps the fonts a PDF embeds, and the memory their
 * subsetting takes, to one regular and one bold. */
#define FAMILY "Noto Sans CJK JP"

/* Longer than this without a place to break, a run of text is no word
 * a reader needs kept whole (a value pasted by mistake, a row of "x"). */
#define LONG_WORD_CHARS 100

/* Whether @text has a run longer than LONG_WORD_CHARS with no line
 * break opportunity in it. Pango's word wrapping searches such a run to
 * its end for a break at every line it fills, which makes its time grow
 * with the square of the run's length (10,000 characters: seconds);
 * broken anywhere instead, as PANGO_WRAP_CHAR does, it grows linearly. */
static gboolean
has_long_word (const char *text,
               PangoLanguage *language)
{
  g_autofree PangoLogAttr *attrs = NULL;
  glong n_chars;
  guint run = 0;

  /* Never fewer bytes than characters: most texts stop here. */
  if (strlen (text) <= LONG_WORD_CHARS || (n_chars = g_utf8_strlen (text, -1)) <= LONG_WORD_CHARS)
    return FALSE;

  /* Zeroed: Pango leaves the first character's is_line_break unset. */
  attrs = g_new0 (PangoLogAttr, n_chars + 1);
  pango_get_log_attrs (text, -1, -1, language, attrs, (int) n_chars + 1);
  for (glong i = 0; i < n_chars; i++)
    {
      run = attrs[i].is_line_break ? 1 : run + 1;
      if (run > LONG_WORD_CHARS)
        return TRUE;
    }

  return FALSE;
}

static PangoLayout *
create_layout (const char         *text,
               const EdSheetStyle *style,
               double              width,
               double              hanging_indent,
               EdSheetBreaks       rules)
{
  PangoLayout *layout = pango_layout_new (get_context ());
  PangoFontDescription *font = pango_font_description_new ();
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoLanguage *language = pango_language_from_string (ed_language_bcp47 (style->language));

  pango_font_description_set_family_static (font, FAMILY);
  pango_font_description_set_weight (font, style->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size (font, style->size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  /* Every run carries its language: it picks the font's forms and the
   * line-breaking rules (no line starting with 。 in Japanese). */
  pango_attr_list_insert (attrs, pango_attr_language_new (language));
  /* A hyphen added inside a URL or a passport number would be copied. */
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  if (width > 0)
    ed_sheet_breaks_apply (attrs, text, style->language, rules);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      gboolean by_char = style->wrap == ED_SHEET_WRAP_CHAR || has_long_word (text, language);

      pango_layout_set_wrap (layout, by_char ? PANGO_WRAP_CHAR : PANGO_WRAP_WORD_CHAR);
    }
  switch (style->align)
    {
    case ED_SHEET_ALIGN_CENTER:
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      break;
    case ED_SHEET_ALIGN_RIGHT:
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      break;
    case ED_SHEET_ALIGN_LEFT:
    default:
      break;
    }
  if (style->line_spacing > 0)
    pango_layout_set_line_spacing (layout, (float) style->line_spacing);
  if (style->max_lines > 0 && width > 0)
    {
      pango_layout_set_height (layout, -(int) style->max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }

  /* A hanging indent for lists: "•\ttext", the tab stop where the
   * following lines start. */
  if (hanging_indent > 0)
    {
      PangoTabArray *tabs =
        pango_tab_array_new_with_positions (1, FALSE, PANGO_TAB_LEFT,
                                            (int) (hanging_indent * PANGO_SCALE));

      pango_layout_set_indent (layout, (int) (-hanging_indent * PANGO_SCALE));
      pango_layout_set_tabs (layout, tabs);
      pango_tab_array_free (tabs);
    }

  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Which font file a run is in, for the fonts shared between PDF files. */
static guint
face_id (PangoFont *font)
{
#ifdef HAVE_PANGOFC
  static GQuark quark;
  guint id;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("ed-sheet-face-id");
  id = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (font), quark));
  if (id == 0 && PANGO_IS_FC_FONT (font))
    {
      FcPattern *pattern = pango_fc_font_get_pattern (PANGO_FC_FONT (font));
      FcChar8 *file = NULL;
      int index = 0;

      if (FcPatternGetString (pattern, FC_FILE, 0, &file) != FcResultMatch)
        return 0;
      FcPatternGetInteger (pattern, FC_INDEX, 0, &index);
      id = ed_sheet_fonts_face_id ((const char *) file, index);
      g_object_set_qdata (G_OBJECT (font), quark, GUINT_TO_POINTER (id));
    }
  return id;
#else
  return 0;
#endif
}

static void
convert_run (Builder        *builder,
             PangoLayoutRun *glyph_item,
             const char     *text,
             double          x,
             double          baseline)
{
  PangoGlyphString *glyphs = glyph_item->glyphs;
  g_autofree int *offsets = g_new (int, glyphs->num_glyphs + 1);
  PangoGlyphItemIter iter;
  gboolean have;
  Run run = {
    .glyph = builder->glyphs->len,
    .byte = builder->utf8->len,
    .cluster = builder->clusters->len,
  };

  offsets[0] = 0;
  for (int i = 0; i < glyphs->num_glyphs; i++)
    offsets[i + 1] = offsets[i] + glyphs->glyphs[i].geometry.width;

  /* Clusters tie glyphs to the characters they show, so that a PDF
   * reader finds 護照 and not whatever the glyph ids would suggest:
   * Chinese forms are not in the font's character map. */
  for (have = pango_glyph_item_iter_init_start (&iter, glyph_item, text);
       have;
       have = pango_glyph_item_iter_next_cluster (&iter))
    {
      cairo_text_cluster_t cluster = { iter.end_index - iter.start_index, 0 };
      int step = iter.start_glyph <= iter.end_glyph ? 1 : -1;

      for (int i = iter.start_glyph; i != iter.end_glyph; i += step)
        {
          const PangoGlyphInfo *info = &glyphs->glyphs[i];
          cairo_glyph_t glyph;

          if (info->glyph == PANGO_GLYPH_EMPTY || (info->glyph & PANGO_GLYPH_UNKNOWN_FLAG))
            continue;

          glyph.index = info->glyph;
          glyph.x = x + (offsets[i] + info->geometry.x_offset) / (double) PANGO_SCALE;
          glyph.y = baseline + info->geometry.y_offset / (double) PANGO_SCALE;
          g_array_append_val (builder->glyphs, glyph);
          cluster.num_glyphs++;
        }

      if (cluster.num_bytes > 0 || cluster.num_glyphs > 0)
        g_array_append_val (builder->clusters, cluster);
    }

  g_string_append_len (builder->utf8, text + glyph_item->item->offset, glyph_item->item->length);

  run.n_glyphs = builder->glyphs->len - run.glyph;
  run.n_bytes = builder->utf8->len - run.byte;
  run.n_clusters = builder->clusters->len - run.cluster;
  if (run.n_glyphs == 0)
    {
      /* Nothing to draw (a tab): keep the text out too, clusters must
       * match the text they cover. */
      g_array_set_size (builder->glyphs, run.glyph);
      g_string_truncate (builder->utf8, run.byte);
      g_array_set_size (builder->clusters, run.cluster);
      return;
    }

  run.font = cairo_scaled_font_reference (
    pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (glyph_item->item->analysis.font)));
  run.face = face_id (glyph_item->item->analysis.font);
  g_array_append_val (builder->runs, run);
}

static gboolean
overflows (PangoLayout *layout,
           double       width)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.x + logical.width > width * PANGO_SCALE + PANGO_SCALE / 2;
}

/* A heading of several lines is set as narrow as it goes in as many
 * lines, so that they come out about as long as each other. */
static void
balance (PangoLayout *layout,
         double       width)
{
  int lines = pango_layout_get_line_count (layout);
  int low = (int) (width * 0.4 * PANGO_SCALE);
  int high = (int) (width * PANGO_SCALE);

  for (guint i = 0; i < 8 && high - low > PANGO_SCALE; i++)
    {
      int middle = (low + high) / 2;

      pango_layout_set_width (layout, middle);
      if (pango_layout_get_line_count (layout) == lines &&
          !overflows (layout, middle / (double) PANGO_SCALE))
        high = middle;
      else
        low = middle;
    }
  pango_layout_set_width (layout, high);
}

/* The text laid out by the sheet's rules for breaking lines; a rule that
 * would push a word past the edge is dropped for that text. */
static PangoLayout *
lay_out (const char         *text,
         const EdSheetStyle *style,
         double              width,
         double              hanging_indent)
{
  EdSheetBreaks rules = ED_SHEET_BREAKS_KINSOKU | ED_SHEET_BREAKS_URLS | ED_SHEET_BREAKS_WIDOW;
  EdSheetBreaks optional = ED_SHEET_BREAKS_URLS | ED_SHEET_BREAKS_URL | ED_SHEET_BREAKS_HEADING;
  PangoLayout *layout;

  if (style->wrap == ED_SHEET_WRAP_CHAR && strchr (text, '/') != NULL)
    rules |= ED_SHEET_BREAKS_URL;
  if (style->heading)
    rules |= ED_SHEET_BREAKS_HEADING;

  layout = create_layout (text, style, width, hanging_indent, rules);
  if (width > 0 && overflows (layout, width))
    {
      g_object_unref (layout);
      rules &= ~optional;
      layout = create_layout (text, style, width, hanging_indent, rules);
    }
  /* Balanced without the phrases, a heading would break inside a word
   * where its natural break did not. */
  if ((rules & ED_SHEET_BREAKS_HEADING) && width > 0 && style->max_lines == 0 &&
      style->align == ED_SHEET_ALIGN_LEFT && pango_layout_get_line_count (layout) > 1)
    balance (layout, width);

  return layout;
}

/**
 * ed_sheet_text_check_fonts:
 *
 * Without Noto Sans CJK, fontconfig would quietly pick another font and
 * Han characters could take the wrong forms: refuse to print instead.
 *
 * Returns: whether the sheet's fonts are installed
 */
gboolean
ed_sheet_text_check_fonts (GError **error)
{
  static const char * const families[] = { FAMILY };
  PangoContext *context = get_context ();

  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    {
      PangoFontDescription *description = pango_font_description_from_string (families[i]);
      g_autoptr(PangoFont) font = pango_context_load_font (context, description);
      PangoFontDescription *found = font != NULL ? pango_font_describe (font) : NULL;
      gboolean ok = found != NULL &&
                    g_strcmp0 (pango_font_description_get_family (found), families[i]) == 0;

      pango_font_description_free (description);
      g_clear_pointer (&found, pango_font_description_free);

      if (!ok)
        {
          g_set_error (error, ED_ERROR, ED_ERROR_NOT_FOUND,
                       /* Translators: %s is a font name; fonts-noto-cjk is a package name */
                       _("The font “%s” is not installed; install it (Debian and Ubuntu: "
                         "fonts-noto-cjk) to print sheets"), families[i]);
          return FALSE;
        }
    }

  return TRUE;
}

static EdSheetText *
text_new (const char         *text,
          const EdSheetStyle *style,
          double              width,
          double              hanging_indent)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(GArray) lines = NULL;
  Builder builder;
  PangoLayoutIter *iter;
  PangoRectangle extents;
  EdSheetText *self;

  layout = lay_out (text, style, width, hanging_indent);
  text = pango_layout_get_text (layout);
  lines = g_array_new (FALSE, TRUE, sizeof (Line));
  builder.runs = g_array_new (FALSE, TRUE, sizeof (Run));
  builder.glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  builder.utf8 = g_string_new (NULL);
  builder.clusters = g_array_new (FALSE, FALSE, sizeof (cairo_text_cluster_t));

  self = g_new0 (EdSheetText, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->color = style->color;
  self->size = style->size;
  self->language = style->language;
  self->heading = style->heading;

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *layout_line = pango_layout_iter_get_line_readonly (iter);
      double baseline = pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;
      PangoRectangle logical;
      Line line = { .run = builder.runs->len,
                    .paragraph_start = layout_line->is_paragraph_start };
      double x;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line.top = logical.y / (double) PANGO_SCALE;
      line.bottom = (logical.y + logical.height) / (double) PANGO_SCALE;
      x = logical.x / (double) PANGO_SCALE;
      self->width = MAX (self->width, (logical.x + logical.width) / (double) PANGO_SCALE);

      for (GSList *l = layout_line->runs; l != NULL; l = l->next)
        {
          PangoLayoutRun *glyph_item = l->data;

          convert_run (&builder, glyph_item, text, x, baseline);
          x += pango_glyph_string_get_width (glyph_item->glyphs) / (double) PANGO_SCALE;
        }

      line.n_runs = builder.runs->len - line.run;
      g_array_append_val (lines, line);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  pango_layout_get_extents (layout, NULL, &extents);
  self->height = (extents.y + extents.height) / (double) PANGO_SCALE;
  self->n_lines = lines->len;
  self->lines = (Line *) g_array_free (g_steal_pointer (&lines), FALSE);
  self->n_runs = builder.runs->len;
  self->runs = (Run *) g_array_free (builder.runs, FALSE);
  self->glyphs = (cairo_glyph_t *) g_array_free (builder.glyphs, FALSE);
  self->utf8 = g_string_free (builder.utf8, FALSE);
  self->clusters = (cairo_text_cluster_t *) g_array_free (builder.clusters, FALSE);

  return self;
}

/* Texts already shaped, shared between threads: a sheet sets the same
 * text in the same style and width again and again (its title on the
 * cover, which is built at several levels of tightness until it fits,
 * and in the steps' header; the same help line in each step), and a
 * text never changes once made. Shaping is most of a sheet's layout: a
 * one-sheet print lays out a third of its texts a second time. Bounded:
 * a batch's values are each printed once, and would only fill it. */
#define CACHE_MAX 4096

typedef struct
{
  char         *text;
  EdSheetStyle  style;
  double        width;
  double        hanging_indent;
} Key;

static GMutex cache_lock;
static GHashTable *cache;     /* Key → EdSheetText */

static guint
key_hash (gconstpointer data)
{
  const Key *key = data;

  return g_str_hash (key->text) ^ g_double_hash (&key->width) ^
         ((guint) key->style.language << 24) ^ ((guint) key->style.bold << 20) ^
         g_double_hash (&key->style.size);
}

static gboolean
key_equal (gconstpointer a,
           gconstpointer b)
{
  const Key *ka = a, *kb = b;
  const EdSheetStyle *sa = &ka->style, *sb = &kb->style;

  return ka->width == kb->width && ka->hanging_indent == kb->hanging_indent &&
         sa->language == sb->language && sa->size == sb->size && sa->bold == sb->bold &&
         sa->color == sb->color && sa->align == sb->align && sa->wrap == sb->wrap &&
         sa->line_spacing == sb->line_spacing && sa->max_lines == sb->max_lines &&
         sa->heading == sb->heading && strcmp (ka->text, kb->text) == 0;
}

static void
key_free (gpointer data)
{
  Key *key = data;

  g_free (key->text);
  g_free (key);
}

/**
 * ed_sheet_text_new:
 * @text: one paragraph (line breaks are kept as forced breaks)
 * @width: the width to wrap at, in points; 0 for one line
 * @hanging_indent: for list items written "•\ttext": where the text and
 *   its following lines start; 0 for none
 *
 * Shapes @text with Pango in the calling thread, unless it was shaped
 * in the same style and width before.
 *
 * Returns: (transfer full): the shaped text
 */
EdSheetText *
ed_sheet_text_new (const char         *text,
                   const EdSheetStyle *style,
                   double              width,
                   double              hanging_indent)
{
  Key lookup = { (char *) text, *style, width, hanging_indent };
  EdSheetText *self;
  Key *key;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  g_mutex_lock (&cache_lock);
  if (cache == NULL)
    cache = g_hash_table_new_full (key_hash, key_equal, key_free,
                                   (GDestroyNotify) ed_sheet_text_unref);
  self = g_hash_table_lookup (cache, &lookup);
  if (self != NULL)
    ed_sheet_text_ref (self);
  g_mutex_unlock (&cache_lock);
  if (self != NULL)
    return self;

  self = text_new (text, style, width, hanging_indent);

  key = g_new (Key, 1);
  *key = lookup;
  key->text = g_strdup (text);
  g_mutex_lock (&cache_lock);
  if (g_hash_table_size (cache) >= CACHE_MAX)
    g_hash_table_remove_all (cache);
  g_hash_table_replace (cache, key, ed_sheet_text_ref (self));
  g_mutex_unlock (&cache_lock);

  return self;
}

EdSheetText *
ed_sheet_text_ref (EdSheetText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/* Takes %NULL, so that arrays of texts may have holes. */
void
ed_sheet_text_unref (EdSheetText *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < self->n_runs; i++)
    cairo_scaled_font_destroy (self->runs[i].font);
  g_free (self->runs);
  g_free (self->lines);
  g_free (self->glyphs);
  g_free (self->utf8);
  g_free (self->clusters);
  g_free (self);
}

/* The width of the widest line, from the left edge of the box. */
double
ed_sheet_text_get_width (const EdSheetText *self)
{
  return self->width;
}

double
ed_sheet_text_get_height (const EdSheetText *self)
{
  return self->height;
}

guint
ed_sheet_text_get_n_lines (const EdSheetText *self)
{
  return self->n_lines;
}

double
ed_sheet_text_get_line_top (const EdSheetText *self,
                            guint              line)
{
  g_return_val_if_fail (line < self->n_lines, 0);
  return self->lines[line].top;
}

double
ed_sheet_text_get_line_bottom (const EdSheetText *self,
                               guint              line)
{
  g_return_val_if_fail (line < self->n_lines, 0);
  return self->lines[line].bottom;
}

/**
 * ed_sheet_text_get_glyph:
 * @n: from 0, over all lines
 *
 * Returns: the font's id of glyph @n, for tests: which form of a Han
 *   character was chosen
 */
gulong
ed_sheet_text_get_glyph (const EdSheetText *self,
                         guint              n)
{
  guint count = 0;

  for (guint r = 0; r < self->n_runs; r++)
    count += self->runs[r].n_glyphs;
  g_return_val_if_fail (n < count, 0);

  return self->glyphs[n].index;
}

/**
 * ed_sheet_text_draw_lines:
 * @x: the left edge of the text box
 * @y: where the top of @first_line goes
 *
 * Draws lines [@first_line, @first_line + @n_lines) in the text's colour.
 */
void
ed_sheet_text_draw_lines (const EdSheetText *self,
                          cairo_t           *cr,
                          double             x,
                          double             y,
                          guint              first_line,
                          guint              n_lines)
{
  cairo_surface_t *target = cairo_get_target (cr);
  const Run *first = NULL;
  cairo_scaled_font_t *first_font = NULL;
  cairo_scaled_font_t **fonts;
  const cairo_glyph_t *glyphs;
  g_autofree cairo_glyph_t *mapped_glyphs = NULL;
  guint first_run, end_run;

  g_return_if_fail (self != NULL);

  if (first_line >= self->n_lines)
    return;
  n_lines = MIN (n_lines, self->n_lines - first_line);
  first_run = self->lines[first_line].run;
  end_run = self->lines[first_line + n_lines - 1].run
            + self->lines[first_line + n_lines - 1].n_runs;
  if (first_run == end_run)
    return;

  cairo_save (cr);
  cairo_translate (cr, x, y - self->lines[first_line].top);
  cairo_set_source_rgb (cr,
                        ((self->color >> 16) & 0xff) / 255.0,
                        ((self->color >> 8) & 0xff) / 255.0,
                        (self->color & 0xff) / 255.0);

  /* A PDF's shared fonts draw what they hold (ed-sheet-fonts.h). */
  glyphs = self->glyphs;
  fonts = g_newa (cairo_scaled_font_t *, end_run - first_run + 1);
  for (guint r = first_run; r < end_run; r++)
    {
      const Run *run = &self->runs[r];
      cairo_scaled_font_t *mapped;

      if (mapped_glyphs == NULL)
        {
          const Run *last = &self->runs[end_run - 1];
          guint from = self->runs[first_run].glyph;

          mapped_glyphs = g_new (cairo_glyph_t, last->glyph + last->n_glyphs);
          memcpy (mapped_glyphs + from, self->glyphs + from,
                  (last->glyph + last->n_glyphs - from) * sizeof (cairo_glyph_t));
        }
      mapped = ed_sheet_fonts_map_run (target, run->face, run->font, self->glyphs + run->glyph,
                                       run->n_glyphs, mapped_glyphs + run->glyph);
      fonts[r - first_run] = mapped != NULL ? mapped : run->font;
      if (mapped != NULL)
        glyphs = mapped_glyphs;
    }

  /* Runs in the same font, one after the other, in one call. */
  first = NULL;
  for (guint r = first_run; r <= end_run; r++)
    {
      const Run *run = r < end_run ? &self->runs[r] : NULL;
      cairo_scaled_font_t *font = run != NULL ? fonts[r - first_run] : NULL;

      if (first != NULL && (run == NULL || font != first_font))
        {
          const Run *last = &self->runs[r - 1];

          cairo_set_scaled_font (cr, first_font);
          cairo_show_text_glyphs (cr, self->utf8 + first->byte,
                                  last->byte + last->n_bytes - first->byte,
                                  glyphs + first->glyph,
                                  last->glyph + last->n_glyphs - first->glyph,
                                  self->clusters + first->cluster,
                                  last->cluster + last->n_clusters - first->cluster, 0);
          first = NULL;
        }
      if (first == NULL)
        {
          first = run;
          first_font = font;
        }
    }

  cairo_restore (cr);
}

double
ed_sheet_text_get_size (const EdSheetText *self)
{
  return self->size;
}

/* The text as drawn, every line, without the breaks. */
const char *
ed_sheet_text_get_utf8 (const EdSheetText *self)
{
  return self->utf8;
}

/**
 * ed_sheet_text_dup_line:
 *
 * Returns: (transfer full): what line @line shows, for tests: where a
 *   line breaks
 */
char *
ed_sheet_text_dup_line (const EdSheetText *self,
                        guint              line)
{
  const Line *l;
  const Run *first, *last;

  g_return_val_if_fail (line < self->n_lines, NULL);

  l = &self->lines[line];
  if (l->n_runs == 0)
    return g_strdup ("");
  first = &self->runs[l->run];
  last = &self->runs[l->run + l->n_runs - 1];
  return g_strndup (self->utf8 + first->byte, last->byte + last->n_bytes - first->byte);
}

/**
 * ed_sheet_text_line_starts_paragraph:
 *
 * Returns: whether line @line is the text's first or follows a line
 *   break of the text itself, for tests: where a paragraph ends
 */
gboolean
ed_sheet_text_line_starts_paragraph (const EdSheetText *self,
                                     guint              line)
{
  g_return_val_if_fail (line < self->n_lines, FALSE);
  return self->lines[line].paragraph_start;
}

EdLanguage
ed_sheet_text_get_language (const EdSheetText *self)
{
  return self->language;
}

/* Whether it was set as a heading: broken between phrases. */
gboolean
ed_sheet_text_is_heading (const EdSheetText *self)
{
  return self->heading;
}

guint
ed_sheet_text_get_n_runs (const EdSheetText *self)
{
  return self->n_runs;
}

/**
 * ed_sheet_text_get_run:
 * @face: (out): the font file's id (ed_sheet_fonts_face_id()), 0 if unknown
 * @font: (out) (optional) (transfer none): the run's font
 * @n_glyphs: (out): how many glyphs it has
 *
 * Returns: the run's glyphs
 */
const cairo_glyph_t *
ed_sheet_text_get_run (const EdSheetText    *self,
                       guint                 run,
                       guint                *face,
                       cairo_scaled_font_t **font,
                       guint                *n_glyphs)
{
  g_return_val_if_fail (run < self->n_runs, NULL);

  *face = self->runs[run].face;
  if (font != NULL)
    *font = self->runs[run].font;
  *n_glyphs = self->runs[run].n_glyphs;
  return self->glyphs + self->runs[run].glyph;
}
