/* ed-sheet-fonts.c — font subsets shared between PDF files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-ft.h>
#include <hb.h>
#include <hb-subset.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_CID_H

#include "ed-sheet-fonts.h"

/* Font files, by the id ed-sheet-text.c gives each run. */
typedef struct
{
  char      *file;
  int        index;
  hb_face_t *face;            /* made when first subset */
  int        cid_is_gid;      /* 0 unknown, 1 yes, -1 no */
} Face;

static GMutex faces_lock;
static GPtrArray *faces;      /* Face; id = index + 1 */

/* FreeType wants the faces of one library made and done one at a time. */
static GMutex library_lock;
static FT_Library library;

/**
 * ed_sheet_fonts_face_id:
 *
 * Returns: a number for the face @index of font @file, the same in
 *   every thread, from 1
 */
guint
ed_sheet_fonts_face_id (const char *file,
                        int         index)
{
  guint id = 0;

  g_mutex_lock (&faces_lock);
  if (faces == NULL)
    faces = g_ptr_array_new ();
  for (guint i = 0; i < faces->len && id == 0; i++)
    {
      const Face *face = g_ptr_array_index (faces, i);

      if (face->index == index && g_strcmp0 (face->file, file) == 0)
        id = i + 1;
    }
  if (id == 0)
    {
      Face *face = g_new0 (Face, 1);

      face->file = g_strdup (file);
      face->index = index;
      g_ptr_array_add (faces, face);
      id = faces->len;
    }
  g_mutex_unlock (&faces_lock);

  return id;
}

/* Whether every glyph's CID in @ft_face is its index, as in Adobe's CJK
 * fonts: then a cut keeps the glyphs' original numbers as CIDs. */
static gboolean
check_cid_is_gid (FT_Face ft_face)
{
  FT_Bool is_cid = FALSE;

  if (FT_Get_CID_Is_Internally_CID_Keyed (ft_face, &is_cid) != 0 || !is_cid)
    return FALSE;
  for (FT_Long g = 0; g < ft_face->num_glyphs; g++)
    {
      FT_UInt cid = 0;

      if (FT_Get_CID_From_Glyph_Index (ft_face, (FT_UInt) g, &cid) != 0 || cid != (FT_UInt) g)
        return FALSE;
    }

  return TRUE;
}

/* The tables of @data's face but its character map: a cut keeps the
 * glyphs asked for and no more, and HarfBuzz does not read the map's
 * tens of thousands of entries each time (half the time of a cut). The
 * text is shaped already; a PDF finds its characters elsewhere. */
static hb_blob_t *
reference_table_but_cmap (hb_face_t *face,
                          hb_tag_t   tag,
                          void      *data)
{
  if (tag == HB_TAG ('c', 'm', 'a', 'p'))
    return hb_blob_get_empty ();

  return hb_face_reference_table (data, tag);
}

/* Locks the faces. Returns: (transfer none) (nullable): face @id */
static Face *
lock_face (guint id)
{
  g_mutex_lock (&faces_lock);
  return faces != NULL && id > 0 && id <= faces->len ? g_ptr_array_index (faces, id - 1) : NULL;
}

/* Returns: (transfer none) (nullable): face @id, to cut glyphs out of */
static hb_face_t *
get_face (guint id)
{
  Face *face = lock_face (id);
  hb_face_t *result = NULL;

  if (face != NULL)
    {
      if (face->face == NULL)
        {
          hb_blob_t *blob = hb_blob_create_from_file_or_fail (face->file);

          if (blob != NULL)
            {
              hb_face_t *whole = hb_face_create (blob, (unsigned int) face->index);

              face->face = hb_face_create_for_tables (reference_table_but_cmap, whole,
                                                      (hb_destroy_func_t) hb_face_destroy);
              hb_blob_destroy (blob);
            }
        }
      result = face->face;
    }
  g_mutex_unlock (&faces_lock);

  return result;
}

/* Whether the glyphs of face @id have their indices as CIDs; asked only
 * when a cut kept more glyphs than asked for. */
static gboolean
get_cid_is_gid (guint id)
{
  Face *face = lock_face (id);
  gboolean result = FALSE;

  if (face != NULL)
    {
      if (face->cid_is_gid == 0)
        {
          FT_Face ft_face = NULL;

          g_mutex_lock (&library_lock);
          if (library == NULL)
            FT_Init_FreeType (&library);
          if (library != NULL && FT_New_Face (library, face->file, face->index, &ft_face) == 0)
            {
              face->cid_is_gid = check_cid_is_gid (ft_face) ? 1 : -1;
              FT_Done_Face (ft_face);
            }
          else
            face->cid_is_gid = -1;
          g_mutex_unlock (&library_lock);
        }
      result = face->cid_is_gid > 0;
    }
  g_mutex_unlock (&faces_lock);

  return result;
}

struct _EdSheetGlyphs
{
  GHashTable *sets;           /* face id → hb_set_t */
};

EdSheetGlyphs *
ed_sheet_glyphs_new (void)
{
  EdSheetGlyphs *self = g_new0 (EdSheetGlyphs, 1);

  self->sets = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) hb_set_destroy);
  return self;
}

void
ed_sheet_glyphs_free (EdSheetGlyphs *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->sets);
  g_free (self);
}

static hb_set_t *
glyphs_set (EdSheetGlyphs *self,
            guint          face)
{
  hb_set_t *set = g_hash_table_lookup (self->sets, GUINT_TO_POINTER (face));

  if (set == NULL)
    {
      set = hb_set_create ();
      g_hash_table_insert (self->sets, GUINT_TO_POINTER (face), set);
    }

  return set;
}

static void
add_run (EdSheetGlyphs       *self,
         guint                face,
         const cairo_glyph_t *glyphs,
         guint                n_glyphs)
{
  hb_set_t *set;

  if (face == 0)
    return;

  set = glyphs_set (self, face);
  for (guint g = 0; g < n_glyphs; g++)
    hb_set_add (set, (hb_codepoint_t) glyphs[g].index);
}

void
ed_sheet_glyphs_add_text (EdSheetGlyphs     *self,
                          const EdSheetText *text)
{
  for (guint r = 0; r < ed_sheet_text_get_n_runs (text); r++)
    {
      const cairo_glyph_t *glyphs;
      guint face, n;

      glyphs = ed_sheet_text_get_run (text, r, &face, NULL, &n);
      add_run (self, face, glyphs, n);
    }
}

typedef struct
{
  guint              face;
  hb_map_t          *map;     /* the face's glyph → the subset's */
  cairo_font_face_t *font_face;
  GMutex             lock;
  GHashTable        *scaled;  /* the original scaled font → ours, both held */
} Subset;

struct _EdSheetFonts
{
  gatomicrefcount  ref_count;
  GPtrArray       *subsets;   /* Subset */
  guint            n_glyphs;
};

typedef struct
{
  FT_Face    face;
  hb_blob_t *blob;
} Memory;

static void
memory_free (gpointer data)
{
  Memory *memory = data;

  g_mutex_lock (&library_lock);
  FT_Done_Face (memory->face);
  g_mutex_unlock (&library_lock);
  hb_blob_destroy (memory->blob);
  g_free (memory);
}

static const cairo_user_data_key_t memory_key;

static void
subset_free (Subset *subset)
{
  g_hash_table_unref (subset->scaled);
  hb_map_destroy (subset->map);
  cairo_font_face_destroy (subset->font_face);
  g_mutex_clear (&subset->lock);
  g_free (subset);
}

/* Tables a PDF does not need: layout (the text is shaped already) and
 * vertical metrics. Dropping them keeps the cut fast and small. */
static const char * const dropped_tables[] = {
  "GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "vhea", "vmtx", "VORG", "DSIG",
};

/* Cuts @glyphs out of face @id. HarfBuzz numbers the glyphs it keeps
 * anew, in their order: when it kept exactly the glyphs asked for, the
 * n-th of them is the cut's glyph n. Should it keep a few more, the
 * cut's CIDs say which glyph each is, in a font whose CIDs are its glyph
 * numbers (Noto Sans CJK); otherwise the cut is given up. */
static Subset *
subset_new (guint     id,
            hb_set_t *glyphs)
{
  hb_face_t *face = get_face (id);
  gboolean exact, cid_is_gid = FALSE;
  hb_subset_input_t *input;
  hb_face_t *cut;
  hb_blob_t *blob;
  Subset *subset;
  Memory *memory;
  FT_Face ft_face = NULL;
  FT_Error ft_error;
  hb_codepoint_t glyph = HB_SET_VALUE_INVALID;
  guint n = 0;

  if (face == NULL)
    return NULL;

  input = hb_subset_input_create_or_fail ();
  if (input == NULL)
    return NULL;
  hb_set_add (hb_subset_input_glyph_set (input), 0);
  hb_set_union (hb_subset_input_glyph_set (input), glyphs);
  hb_set_clear (hb_subset_input_unicode_set (input));
  hb_subset_input_set_flags (input, HB_SUBSET_FLAGS_DESUBROUTINIZE);
  for (guint i = 0; i < G_N_ELEMENTS (dropped_tables); i++)
    hb_set_add (hb_subset_input_set (input, HB_SUBSET_SETS_DROP_TABLE_TAG),
                hb_tag_from_string (dropped_tables[i], -1));

  cut = hb_subset_or_fail (face, input);
  exact = cut != NULL && hb_face_get_glyph_count (cut) ==
                         hb_set_get_population (hb_subset_input_glyph_set (input));
  if (cut != NULL && !exact)
    cid_is_gid = get_cid_is_gid (id);
  if (cut == NULL || (!exact && !cid_is_gid))
    {
      hb_face_destroy (cut);
      hb_subset_input_destroy (input);
      return NULL;
    }

  blob = hb_face_reference_blob (cut);
  hb_face_destroy (cut);

  g_mutex_lock (&library_lock);
  if (library == NULL)
    FT_Init_FreeType (&library);
  ft_error = library != NULL
             ? FT_New_Memory_Face (library, (const FT_Byte *) hb_blob_get_data (blob, NULL),
                                   (FT_Long) hb_blob_get_length (blob), 0, &ft_face)
             : 1;
  g_mutex_unlock (&library_lock);
  if (ft_error != 0)
    {
      hb_blob_destroy (blob);
      hb_subset_input_destroy (input);
      return NULL;
    }

  subset = g_new0 (Subset, 1);
  subset->face = id;
  subset->map = hb_map_create ();
  if (cid_is_gid)
    {
      for (FT_Long g = 0; g < ft_face->num_glyphs; g++)
        {
          FT_UInt cid = 0;

          if (FT_Get_CID_From_Glyph_Index (ft_face, (FT_UInt) g, &cid) == 0)
            hb_map_set (subset->map, cid, (hb_codepoint_t) g);
        }
    }
  else
    while (hb_set_next (hb_subset_input_glyph_set (input), &glyph))
      hb_map_set (subset->map, glyph, n++);

  /* Every glyph asked for must be there. */
  glyph = HB_SET_VALUE_INVALID;
  while (hb_set_next (hb_subset_input_glyph_set (input), &glyph))
    if (!hb_map_has (subset->map, glyph))
      {
        hb_map_destroy (subset->map);
        g_free (subset);
        g_mutex_lock (&library_lock);
        FT_Done_Face (ft_face);
        g_mutex_unlock (&library_lock);
        hb_blob_destroy (blob);
        hb_subset_input_destroy (input);
        return NULL;
      }
  hb_subset_input_destroy (input);

  memory = g_new0 (Memory, 1);
  memory->face = ft_face;
  memory->blob = blob;
  subset->font_face = cairo_ft_font_face_create_for_ft_face (ft_face, 0);
  cairo_font_face_set_user_data (subset->font_face, &memory_key, memory, memory_free);
  g_mutex_init (&subset->lock);
  subset->scaled = g_hash_table_new_full (NULL, NULL,
                                          (GDestroyNotify) cairo_scaled_font_destroy,
                                          (GDestroyNotify) cairo_scaled_font_destroy);

  return subset;
}

typedef struct
{
  guint     id;
  hb_set_t *glyphs;
  Subset   *subset;
} Cut;

static gpointer
cut_thread (gpointer data)
{
  Cut *cut = data;

  cut->subset = subset_new (cut->id, cut->glyphs);
  return NULL;
}

/* Each face is cut on a thread of its own (HarfBuzz takes some twenty
 * milliseconds a face): on two cores the regular and the bold are cut
 * at once, which a one-sheet print waits for. */
static EdSheetFonts *
fonts_new_for_sets (GHashTable *sets)
{
  EdSheetFonts *self = g_new0 (EdSheetFonts, 1);
  g_autoptr(GArray) cuts = g_array_new (FALSE, TRUE, sizeof (Cut));
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer id, set;

  g_atomic_ref_count_init (&self->ref_count);
  self->subsets = g_ptr_array_new_with_free_func ((GDestroyNotify) subset_free);

  g_hash_table_iter_init (&iter, sets);
  while (g_hash_table_iter_next (&iter, &id, &set))
    {
      Cut cut = { GPOINTER_TO_UINT (id), set, NULL };

      if (!hb_set_is_empty (set))
        g_array_append_val (cuts, cut);
    }

  for (guint i = 1; i < cuts->len; i++)
    g_ptr_array_add (threads, g_thread_new ("ed-sheet-fonts", cut_thread,
                                            &g_array_index (cuts, Cut, i)));
  if (cuts->len > 0)
    cut_thread (&g_array_index (cuts, Cut, 0));
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));

  for (guint i = 0; i < cuts->len; i++)
    {
      Cut *cut = &g_array_index (cuts, Cut, i);

      if (cut->subset != NULL)
        {
          g_ptr_array_add (self->subsets, cut->subset);
          self->n_glyphs += hb_set_get_population (cut->glyphs);
        }
    }

  return self;
}

/**
 * ed_sheet_fonts_new:
 *
 * Cuts the glyphs out of their fonts: a few tens of milliseconds for a
 * long sheet's glyphs.
 *
 * Returns: (transfer full): the fonts
 */
EdSheetFonts *
ed_sheet_fonts_new (EdSheetGlyphs *glyphs)
{
  return fonts_new_for_sets (glyphs->sets);
}

static const Subset *
find_subset (const EdSheetFonts  *self,
             guint                face,
             const cairo_glyph_t *glyphs,
             guint                n_glyphs)
{
  for (guint s = 0; s < self->subsets->len; s++)
    {
      const Subset *subset = g_ptr_array_index (self->subsets, s);
      gboolean all = subset->face == face;

      for (guint g = 0; all && g < n_glyphs; g++)
        all = hb_map_has (subset->map, (hb_codepoint_t) glyphs[g].index);
      if (all)
        return subset;
    }

  return NULL;
}

/**
 * ed_sheet_fonts_new_extra:
 * @base: the fonts the texts are drawn with where they can
 * @texts: (array length=n_texts): texts, some %NULL
 *
 * Returns: (transfer full) (nullable): fonts for the runs of @texts that
 *   @base cannot draw; %NULL when it draws them all
 */
EdSheetFonts *
ed_sheet_fonts_new_extra (const EdSheetFonts        *base,
                          const EdSheetText * const *texts,
                          guint                      n_texts)
{
  g_autoptr(EdSheetGlyphs) missing = ed_sheet_glyphs_new ();
  EdSheetFonts *self;

  for (guint t = 0; t < n_texts; t++)
    for (guint r = 0; texts[t] != NULL && r < ed_sheet_text_get_n_runs (texts[t]); r++)
      {
        const cairo_glyph_t *glyphs;
        guint face, n;

        glyphs = ed_sheet_text_get_run (texts[t], r, &face, NULL, &n);
        if (find_subset (base, face, glyphs, n) == NULL)
          add_run (missing, face, glyphs, n);
      }

  if (g_hash_table_size (missing->sets) == 0)
    return NULL;

  self = fonts_new_for_sets (missing->sets);
  if (self->subsets->len == 0)
    g_clear_pointer (&self, ed_sheet_fonts_unref);

  return self;
}

EdSheetFonts *
ed_sheet_fonts_ref (EdSheetFonts *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ed_sheet_fonts_unref (EdSheetFonts *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_ptr_array_unref (self->subsets);
  g_free (self);
}

guint
ed_sheet_fonts_get_n_glyphs (const EdSheetFonts *self)
{
  return self->n_glyphs;
}

static const cairo_user_data_key_t attached_key;

static GPtrArray *
get_attached (cairo_surface_t *surface,
              gboolean         create)
{
  GPtrArray *attached = cairo_surface_get_user_data (surface, &attached_key);

  if (attached == NULL && create)
    {
      attached = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_sheet_fonts_unref);
      cairo_surface_set_user_data (surface, &attached_key, attached,
                                   (cairo_destroy_func_t) g_ptr_array_unref);
    }

  return attached;
}

/**
 * ed_sheet_fonts_attach:
 *
 * Texts drawn into @surface from now on use @self where they can. The
 * surface holds a reference until it is destroyed: its fonts are
 * embedded when it is finished.
 */
void
ed_sheet_fonts_attach (EdSheetFonts    *self,
                       cairo_surface_t *surface)
{
  GPtrArray *attached = get_attached (surface, TRUE);

  if (!g_ptr_array_find (attached, self, NULL))
    g_ptr_array_add (attached, ed_sheet_fonts_ref (self));
}

/* A recording of what a PDF page shows draws with the PDF's fonts. */
void
ed_sheet_fonts_copy_attached (cairo_surface_t *from,
                              cairo_surface_t *to)
{
  GPtrArray *attached = get_attached (from, FALSE);

  for (guint i = 0; attached != NULL && i < attached->len; i++)
    ed_sheet_fonts_attach (g_ptr_array_index (attached, i), to);
}

static cairo_scaled_font_t *
subset_scaled_font (Subset              *subset,
                    cairo_scaled_font_t *original)
{
  cairo_scaled_font_t *scaled;

  g_mutex_lock (&subset->lock);
  scaled = g_hash_table_lookup (subset->scaled, original);
  if (scaled == NULL)
    {
      cairo_matrix_t font_matrix, ctm;
      cairo_font_options_t *options = cairo_font_options_create ();

      cairo_scaled_font_get_font_matrix (original, &font_matrix);
      cairo_scaled_font_get_ctm (original, &ctm);
      cairo_scaled_font_get_font_options (original, options);
      scaled = cairo_scaled_font_create (subset->font_face, &font_matrix, &ctm, options);
      cairo_font_options_destroy (options);
      g_hash_table_insert (subset->scaled, cairo_scaled_font_reference (original), scaled);
    }
  g_mutex_unlock (&subset->lock);

  return scaled;
}

cairo_scaled_font_t *
ed_sheet_fonts_map_run (cairo_surface_t     *surface,
                        guint                face,
                        cairo_scaled_font_t *font,
                        const cairo_glyph_t *glyphs,
                        guint                n_glyphs,
                        cairo_glyph_t       *out)
{
  GPtrArray *attached = get_attached (surface, FALSE);

  if (face == 0)
    return NULL;

  for (guint i = 0; attached != NULL && i < attached->len; i++)
    {
      Subset *subset = (Subset *) find_subset (g_ptr_array_index (attached, i), face,
                                               glyphs, n_glyphs);

      if (subset == NULL)
        continue;

      for (guint g = 0; g < n_glyphs; g++)
        {
          out[g] = glyphs[g];
          out[g].index = hb_map_get (subset->map, (hb_codepoint_t) glyphs[g].index);
        }
      return subset_scaled_font (subset, font);
    }

  return NULL;
}
