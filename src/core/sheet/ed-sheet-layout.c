/* ed-sheet-layout.c — one traveller's sheet: the template and the slots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-date.h"
#include "ed-due.h"
#include "ed-normalize.h"
#include "ed-period.h"
#include "ed-validate.h"
#include "ed-sheet-private.h"

/* Values too long for their place are set smaller, down to this share
 * of their size, before lines are dropped. */
#define MIN_SHRINK 0.6

struct _EdSheetLayout
{
  GObject          parent_instance;

  EdSheetTemplate *sheet_template;
  EdTraveller     *traveller;       /* nullable: a blank sheet */
  GPtrArray       *values;          /* per page: GPtrArray of EdSheetText or NULL, per slot */
  GPtrArray       *marks;           /* the same: "missing" where a required value is empty */
  EdQr            *personal_qr;

  GMutex           fonts_lock;
  gboolean         fonts_made;
  EdSheetFonts    *extra_fonts;     /* the values' glyphs the template lacks */
};

G_DEFINE_FINAL_TYPE (EdSheetLayout, ed_sheet_layout, G_TYPE_OBJECT)

static void
ed_sheet_layout_finalize (GObject *object)
{
  EdSheetLayout *self = ED_SHEET_LAYOUT (object);

  g_clear_object (&self->sheet_template);
  g_clear_object (&self->traveller);
  g_clear_pointer (&self->values, g_ptr_array_unref);
  g_clear_pointer (&self->marks, g_ptr_array_unref);
  g_clear_object (&self->personal_qr);
  g_clear_pointer (&self->extra_fonts, ed_sheet_fonts_unref);
  g_mutex_clear (&self->fonts_lock);

  G_OBJECT_CLASS (ed_sheet_layout_parent_class)->finalize (object);
}

static void
ed_sheet_layout_class_init (EdSheetLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ed_sheet_layout_finalize;
}

static void
ed_sheet_layout_init (EdSheetLayout *self)
{
  g_mutex_init (&self->fonts_lock);
}

/**
 * _ed_sheet_layout_add_value_texts:
 * @texts: (element-type EdSheetText): where to add them
 *
 * Adds the traveller's values as shaped, and their "missing" marks.
 */
void
_ed_sheet_layout_add_value_texts (EdSheetLayout *self,
                                  GPtrArray     *texts)
{
  for (guint p = 0; p < self->values->len; p++)
    {
      GPtrArray *values = g_ptr_array_index (self->values, p);
      GPtrArray *marks = g_ptr_array_index (self->marks, p);

      for (guint s = 0; s < values->len; s++)
        {
          if (g_ptr_array_index (values, s) != NULL)
            g_ptr_array_add (texts, g_ptr_array_index (values, s));
          if (g_ptr_array_index (marks, s) != NULL)
            g_ptr_array_add (texts, g_ptr_array_index (marks, s));
        }
    }
}

/**
 * _ed_sheet_layout_set_extra_fonts:
 * @fonts: (nullable): fonts that hold every glyph of the values the
 *   template's fonts lack, made for many sheets at once
 *
 * Cutting a font costs about as much whether it holds a name or a
 * hundred: a batch cuts one for many of its sheets.
 */
void
_ed_sheet_layout_set_extra_fonts (EdSheetLayout *self,
                                  EdSheetFonts  *fonts)
{
  g_mutex_lock (&self->fonts_lock);
  g_clear_pointer (&self->extra_fonts, ed_sheet_fonts_unref);
  self->extra_fonts = fonts != NULL ? ed_sheet_fonts_ref (fonts) : NULL;
  self->fonts_made = TRUE;
  g_mutex_unlock (&self->fonts_lock);
}

/**
 * _ed_sheet_layout_get_extra_fonts:
 *
 * Returns: (transfer none) (nullable): a font of the glyphs the
 *   traveller's values need that the template's fonts lack (a name in
 *   Chinese, an address in Japanese), for a PDF of this sheet alone
 */
EdSheetFonts *
_ed_sheet_layout_get_extra_fonts (EdSheetLayout *self)
{
  g_mutex_lock (&self->fonts_lock);
  if (!self->fonts_made)
    {
      g_autoptr(GPtrArray) texts = g_ptr_array_new ();

      _ed_sheet_layout_add_value_texts (self, texts);
      self->extra_fonts =
        ed_sheet_fonts_new_extra (_ed_sheet_template_get_fonts (self->sheet_template),
                                  (const EdSheetText * const *) texts->pdata, texts->len);
      self->fonts_made = TRUE;
    }
  g_mutex_unlock (&self->fonts_lock);

  return self->extra_fonts;
}

static const char *
nonempty (const char *value)
{
  return value != NULL && *value != '\0' ? value : NULL;
}

static char *
passport_name (EdTraveller *traveller)
{
  const char *surname = nonempty (ed_traveller_get (traveller, "surname"));
  const char *given = nonempty (ed_traveller_get (traveller, "given_names"));

  if (surname != NULL && given != NULL)
    return g_strdup_printf ("%s %s", surname, given);

  return g_strdup (surname != NULL ? surname : given);
}

/* A date rule worked out for the traveller; %NULL for no such rule. */
static EdDue *
period_compute (EdProcedure *procedure,
                const char  *period_id,
                EdTraveller *traveller)
{
  const EdPeriod *period = ed_procedure_find_period (procedure, period_id);
  EdFacts facts;

  if (period == NULL)
    return NULL;

  ed_traveller_get_facts (traveller, &facts, NULL);
  return ed_period_compute (period, procedure, &facts);
}

/* A date rule's deadline (or its window's last day) for the traveller:
 * a day, or a day and time with the zone's offset for an hour rule;
 * %NULL leaves the line to fill in by hand. */
static char *
period_last_day (EdProcedure  *procedure,
                 const char   *period_id,
                 EdTraveller  *traveller)
{
  g_autoptr(EdDue) due = period_compute (procedure, period_id, traveller);

  if (due == NULL || due->state != ED_DUE_COMPUTED)
    return NULL;
  if (due->timed)
    return g_date_time_format (due->until, "%Y-%m-%d %H:%M (UTC%:z)");
  return ed_date_format (&due->until_day);
}

/* When a step is due for the traveller, in a sentence of the slot's
 * language: "by 2027-01-14", or what is still needed to know. */
static char *
period_due (EdProcedure       *procedure,
            const EdSheetSlot *slot,
            EdTraveller       *traveller)
{
  g_autoptr(EdDue) due = period_compute (procedure, slot->id, traveller);

  if (due == NULL)
    return NULL;
  return ed_due_describe_when (due, procedure, slot->language);
}

static char *
field_value (EdSheetLayout     *self,
             const EdSheetSlot *slot)
{
  EdProcedure *procedure = ed_sheet_template_get_procedure (self->sheet_template);
  const EdField *field = ed_procedure_find_field (procedure, slot->id);
  const char *value;

  if (field == NULL || field->is_private)
    return NULL;

  value = nonempty (ed_traveller_get_field_value (self->traveller, field));
  if (value == NULL)
    return NULL;

  /* What the form shows for a choice, so that it can be found there. */
  for (guint i = 0; field->choices != NULL && i < field->choices->len; i++)
    {
      const EdChoice *choice = g_ptr_array_index (field->choices, i);

      if (g_strcmp0 (choice->value, value) == 0)
        return g_strdup (choice->official_label != NULL
                         ? choice->official_label
                         : ed_text_lookup (choice->label, slot->language));
    }

  if (field->kind == ED_FIELD_YES_NO)
    {
      if (g_ascii_strcasecmp (value, "yes") == 0 || g_ascii_strcasecmp (value, "true") == 0)
        return g_strdup (_ed_sheet_word (slot->language, NC_("sheet", "Yes")));
      if (g_ascii_strcasecmp (value, "no") == 0 || g_ascii_strcasecmp (value, "false") == 0)
        return g_strdup (_ed_sheet_word (slot->language, NC_("sheet", "No")));
    }

  return g_strdup (value);
}

static char *
slot_value (EdSheetLayout     *self,
            const EdSheetSlot *slot)
{
  const char *reference = ed_sheet_options_get_case_reference (
                            ed_sheet_template_get_options (self->sheet_template));
  EdTraveller *traveller = self->traveller;

  if (slot->kind == ED_SHEET_SLOT_CASE_REFERENCE)
    return g_strdup (reference);

  if (slot->kind == ED_SHEET_SLOT_FOOTER)
    {
      g_autofree char *name = traveller != NULL ? passport_name (traveller) : NULL;

      if (name != NULL && reference != NULL)
        return g_strdup_printf ("%s · %s", name, reference);
      return g_strdup (name != NULL ? name : reference);
    }

  if (traveller == NULL)
    return NULL;

  switch (slot->kind)
    {
    case ED_SHEET_SLOT_NAME:
      {
        g_autofree char *name = passport_name (traveller);
        const char *native = nonempty (ed_traveller_get (traveller, "native_name"));

        if (name != NULL && native != NULL)
          return g_strdup_printf ("%s\n%s", name, native);
        return g_strdup (name != NULL ? name : native);
      }

    case ED_SHEET_SLOT_PASSPORT:
      return g_strdup (nonempty (ed_traveller_get (traveller, "passport_number")));

    case ED_SHEET_SLOT_FIELD:
      return field_value (self, slot);

    case ED_SHEET_SLOT_PERIOD:
      return period_last_day (ed_sheet_template_get_procedure (self->sheet_template),
                              slot->id, traveller);

    case ED_SHEET_SLOT_DUE:
      return period_due (ed_sheet_template_get_procedure (self->sheet_template), slot,
                         traveller);

    case ED_SHEET_SLOT_CASE_REFERENCE:
    case ED_SHEET_SLOT_FOOTER:
    case ED_SHEET_SLOT_PERSONAL_QR:
    default:
      return NULL;
    }
}

/* Whether the procedure asks for traveller key @key and requires it. */
static gboolean
key_required (EdProcedure *procedure,
              const char  *key)
{
  GPtrArray *fields = ed_procedure_get_fields (procedure);

  for (guint i = 0; fields != NULL && i < fields->len; i++)
    {
      const EdField *field = g_ptr_array_index (fields, i);

      if (field->required && g_strcmp0 (field->traveller_key, key) == 0)
        return TRUE;
    }

  return FALSE;
}

/* An empty slot for a value the procedure requires: the sheet says it
 * is missing above the line left to fill in by hand, so that a batch
 * row printed without it is seen at a glance. */
static gboolean
slot_is_missing (EdSheetLayout     *self,
                 const EdSheetSlot *slot)
{
  EdProcedure *procedure = ed_sheet_template_get_procedure (self->sheet_template);
  const EdField *field;

  if (self->traveller == NULL || procedure == NULL || !slot->blank_line)
    return FALSE;

  switch (slot->kind)
    {
    case ED_SHEET_SLOT_NAME:
      return key_required (procedure, "surname") || key_required (procedure, "given_names");

    case ED_SHEET_SLOT_PASSPORT:
      return key_required (procedure, "passport_number");

    case ED_SHEET_SLOT_FIELD:
      field = ed_procedure_find_field (procedure, slot->id);
      return field != NULL && field->required && !field->is_private;

    default:
      return FALSE;
    }
}

/* The mark is in the slot's language when the sheet is printed in it;
 * a passport number's slot is Latin script on a Japanese sheet too, and
 * its mark is then in the sheet's first language. */
static EdSheetText *
shape_missing (EdSheetLayout         *self,
               const EdSheetGeometry *geometry,
               const EdSheetSlot     *slot)
{
  const EdSheetOptions *options = ed_sheet_template_get_options (self->sheet_template);
  guint n = 0;
  const EdLanguage *languages = ed_sheet_options_get_languages (options, &n);
  EdLanguage language = n > 0 ? languages[0] : slot->language;
  EdSheetStyle style;

  for (guint i = 0; i < n; i++)
    if (languages[i] == slot->language)
      language = slot->language;

  style = _ed_sheet_style (geometry, ED_SHEET_FONT_SMALL_BOLD, language);
  style.color = ED_SHEET_ENDED;
  style.max_lines = 1;
  /* Translators: printed on a check sheet where a required value is empty */
  return ed_sheet_text_new (_ed_sheet_word (language, NC_("sheet", "Missing")),
                            &style, slot->w, 0);
}

/* Shapes @value to fit its slot: smaller type before dropping lines. */
static EdSheetText *
shape_value (const EdSheetGeometry *geometry,
             const EdSheetSlot     *slot,
             const char            *value)
{
  EdSheetStyle style = _ed_sheet_style (geometry, slot->font, slot->language);
  double size = style.size;
  EdSheetText *text = NULL;

  for (double scale = 1.0; scale >= MIN_SHRINK - 0.01; scale -= 0.1)
    {
      g_clear_pointer (&text, ed_sheet_text_unref);
      style.size = size * scale;
      text = ed_sheet_text_new (value, &style, slot->w, 0);
      if (ed_sheet_text_get_n_lines (text) <= MAX (1, slot->max_lines) &&
          ed_sheet_text_get_width (text) <= slot->w + 0.5)
        return text;
    }

  /* Still too long: cut it, visibly, rather than run over the next row. */
  g_clear_pointer (&text, ed_sheet_text_unref);
  style.max_lines = MAX (1, slot->max_lines);
  return ed_sheet_text_new (value, &style, slot->w, 0);
}

static char *
personal_qr_text (EdSheetLayout *self)
{
  EdProcedure *procedure = ed_sheet_template_get_procedure (self->sheet_template);
  GPtrArray *fields = ed_procedure_get_fields (procedure);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *name = passport_name (self->traveller);

  if (name != NULL)
    g_string_append_printf (text, "%s\n", name);

  for (guint i = 0; fields != NULL && i < fields->len; i++)
    {
      const EdField *field = g_ptr_array_index (fields, i);
      const char *value;

      if (field->is_private)
        continue;
      value = nonempty (ed_traveller_get_field_value (self->traveller, field));
      if (value != NULL)
        g_string_append_printf (text, "%s: %s\n",
                                field->official_label != NULL ? field->official_label
                                                              : ed_text_lookup (field->label,
                                                                                ED_LANGUAGE_EN),
                                value);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/**
 * ed_sheet_layout_new_for_template:
 * @traveller: (nullable): the traveller, or %NULL for a blank sheet
 *
 * Fills the template's places for the traveller's name, answers and
 * dates. Cheap: only these few values are shaped. May be called from
 * any thread.
 *
 * Returns: (transfer full): the sheet
 */
EdSheetLayout *
ed_sheet_layout_new_for_template (EdSheetTemplate *sheet_template,
                                  EdTraveller     *traveller)
{
  const EdSheetGeometry *geometry;
  EdSheetLayout *self;
  guint n_pages;

  g_return_val_if_fail (ED_IS_SHEET_TEMPLATE (sheet_template), NULL);
  g_return_val_if_fail (traveller == NULL || ED_IS_TRAVELLER (traveller), NULL);

  self = g_object_new (ED_TYPE_SHEET_LAYOUT, NULL);
  self->sheet_template = g_object_ref (sheet_template);
  self->traveller = traveller != NULL ? ed_traveller_copy (traveller) : NULL;
  geometry = _ed_sheet_template_get_geometry (sheet_template);

  n_pages = ed_sheet_template_get_n_pages (sheet_template);
  self->values = g_ptr_array_new_full (n_pages, (GDestroyNotify) g_ptr_array_unref);
  self->marks = g_ptr_array_new_full (n_pages, (GDestroyNotify) g_ptr_array_unref);
  for (guint p = 0; p < n_pages; p++)
    {
      const EdSheetPage *page = _ed_sheet_template_get_page (sheet_template, p);
      GPtrArray *values = g_ptr_array_new_full (page->slots->len,
                                                (GDestroyNotify) ed_sheet_text_unref);
      GPtrArray *marks = g_ptr_array_new_full (page->slots->len,
                                               (GDestroyNotify) ed_sheet_text_unref);

      for (guint s = 0; s < page->slots->len; s++)
        {
          const EdSheetSlot *slot = &g_array_index (page->slots, EdSheetSlot, s);
          g_autofree char *value = slot_value (self, slot);

          g_ptr_array_add (values, value != NULL ? shape_value (geometry, slot, value) : NULL);
          g_ptr_array_add (marks, value == NULL && slot_is_missing (self, slot)
                                  ? shape_missing (self, geometry, slot) : NULL);
        }
      g_ptr_array_add (self->values, values);
      g_ptr_array_add (self->marks, marks);
    }

  if (self->traveller != NULL &&
      ed_sheet_options_get_personal_qr (ed_sheet_template_get_options (sheet_template)))
    {
      g_autofree char *text = personal_qr_text (self);

      /* Too much to fit a code: no code rather than an error. */
      if (text != NULL)
        self->personal_qr = ed_qr_new_for_text (text, NULL);
    }

  return self;
}

/**
 * ed_sheet_layout_new:
 * @traveller: (nullable): the traveller, or %NULL for a blank sheet
 *
 * A sheet on its own. For many travellers, make one template with
 * ed_sheet_template_new() and layouts from it.
 *
 * Returns: (transfer full): the sheet, or %NULL with @error set
 */
EdSheetLayout *
ed_sheet_layout_new (EdProcedure           *procedure,
                     EdTraveller           *traveller,
                     const EdSheetOptions  *options,
                     GError               **error)
{
  g_autoptr(EdSheetTemplate) sheet_template = ed_sheet_template_new (procedure, options, error);

  if (sheet_template == NULL)
    return NULL;

  return ed_sheet_layout_new_for_template (sheet_template, traveller);
}

typedef struct
{
  EdProcedure    *procedure;
  EdTraveller    *traveller;
  EdSheetOptions *options;
} NewData;

static void
new_data_free (NewData *data)
{
  g_clear_object (&data->procedure);
  g_clear_object (&data->traveller);
  g_clear_pointer (&data->options, ed_sheet_options_free);
  g_free (data);
}

static void
new_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  NewData *data = task_data;
  GError *error = NULL;
  EdSheetLayout *layout;

  layout = ed_sheet_layout_new (data->procedure, data->traveller, data->options, &error);
  if (layout == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, layout, g_object_unref);
}

/**
 * ed_sheet_layout_new_async:
 *
 * Like ed_sheet_layout_new(), in a worker thread, for the preview. The
 * traveller and the options are copied: later changes do not reach the
 * sheet.
 */
void
ed_sheet_layout_new_async (EdProcedure          *procedure,
                           EdTraveller          *traveller,
                           const EdSheetOptions *options,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  NewData *data = g_new0 (NewData, 1);

  data->procedure = g_object_ref (procedure);
  data->traveller = traveller != NULL ? ed_traveller_copy (traveller) : NULL;
  data->options = ed_sheet_options_copy (options);
  g_task_set_source_tag (task, ed_sheet_layout_new_async);
  g_task_set_task_data (task, data, (GDestroyNotify) new_data_free);
  g_task_set_return_on_cancel (task, TRUE);
  _ed_sheet_run_in_thread (task, new_thread);
}

EdSheetLayout *
ed_sheet_layout_new_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

EdSheetTemplate *
ed_sheet_layout_get_template (EdSheetLayout *self)
{
  g_return_val_if_fail (ED_IS_SHEET_LAYOUT (self), NULL);
  return self->sheet_template;
}

EdProcedure *
ed_sheet_layout_get_procedure (EdSheetLayout *self)
{
  g_return_val_if_fail (ED_IS_SHEET_LAYOUT (self), NULL);
  return ed_sheet_template_get_procedure (self->sheet_template);
}

/**
 * ed_sheet_layout_get_traveller:
 *
 * Returns: (nullable) (transfer none): the sheet's copy of the traveller
 */
EdTraveller *
ed_sheet_layout_get_traveller (EdSheetLayout *self)
{
  g_return_val_if_fail (ED_IS_SHEET_LAYOUT (self), NULL);
  return self->traveller;
}

const EdSheetOptions *
ed_sheet_layout_get_options (EdSheetLayout *self)
{
  g_return_val_if_fail (ED_IS_SHEET_LAYOUT (self), NULL);
  return ed_sheet_template_get_options (self->sheet_template);
}

guint
ed_sheet_layout_get_n_pages (EdSheetLayout *self)
{
  g_return_val_if_fail (ED_IS_SHEET_LAYOUT (self), 0);
  return ed_sheet_template_get_n_pages (self->sheet_template);
}

/**
 * ed_sheet_layout_get_page_size:
 *
 * The paper's size in points; ed_sheet_draw_page() draws in these units
 * with the origin at the top left corner of the paper.
 */
void
ed_sheet_layout_get_page_size (EdSheetLayout *self,
                               double        *width,
                               double        *height)
{
  const EdSheetGeometry *geometry;

  g_return_if_fail (ED_IS_SHEET_LAYOUT (self));

  geometry = _ed_sheet_template_get_geometry (self->sheet_template);
  *width = geometry->page_width;
  *height = geometry->page_height;
}

/**
 * ed_sheet_draw_page:
 * @cr: any cairo context, in points, origin at the paper's top left
 * @page: from 0
 *
 * Draws one page of the sheet: the same function serves the PDF writer,
 * GtkPrintOperation's draw-page and the on-screen preview. It does not
 * paint the paper: a preview paints its own white page first. Scale @cr
 * to fit another paper size or a widget.
 */
void
ed_sheet_draw_page (EdSheetLayout *layout,
                    cairo_t       *cr,
                    guint          page)
{
  const EdSheetPage *template_page;
  GPtrArray *values;
  GPtrArray *marks;

  g_return_if_fail (ED_IS_SHEET_LAYOUT (layout));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < ed_sheet_layout_get_n_pages (layout));

  template_page = _ed_sheet_template_get_page (layout->sheet_template, page);
  values = g_ptr_array_index (layout->values, page);
  marks = g_ptr_array_index (layout->marks, page);

  cairo_save (cr);
  _ed_sheet_template_draw_static (layout->sheet_template, cr, page);

  for (guint s = 0; s < template_page->slots->len; s++)
    {
      const EdSheetSlot *slot = &g_array_index (template_page->slots, EdSheetSlot, s);
      const EdSheetText *value = g_ptr_array_index (values, s);
      const EdSheetText *mark = g_ptr_array_index (marks, s);

      if (slot->kind == ED_SHEET_SLOT_PERSONAL_QR)
        {
          if (layout->personal_qr != NULL)
            ed_qr_draw (layout->personal_qr, cr, slot->x, slot->y, MIN (slot->w, slot->h));
        }
      else if (value != NULL)
        ed_sheet_text_draw_lines (value, cr, slot->x, slot->y, 0, MAX (1, slot->max_lines));
      else if (slot->blank_line)
        {
          if (mark != NULL)
            ed_sheet_text_draw_lines (mark, cr, slot->x, slot->y, 0, 1);

          /* A line to write on by hand. */
          cairo_set_source_rgb (cr, 0.6, 0.6, 0.62);
          cairo_set_line_width (cr, 0.6);
          cairo_move_to (cr, slot->x, slot->y + slot->h - 1);
          cairo_line_to (cr, slot->x + slot->w, slot->y + slot->h - 1);
          cairo_stroke (cr);
        }
    }

  cairo_restore (cr);
}
