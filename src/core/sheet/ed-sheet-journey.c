/* ed-sheet-journey.c — one PDF for a whole case: the journey sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ed-sheet-journey.h"
#include "ed-sheet-private.h"

struct _EdJourneySheet
{
  GObject    parent_instance;

  GPtrArray *sheets;        /* EdSheetLayout: the cover, then the procedures' */
  GPtrArray *templates;     /* EdSheetTemplate of each procedure, once */
  char      *title;
};

G_DEFINE_FINAL_TYPE (EdJourneySheet, ed_journey_sheet, G_TYPE_OBJECT)

static void
ed_journey_sheet_finalize (GObject *object)
{
  EdJourneySheet *self = ED_JOURNEY_SHEET (object);

  g_clear_pointer (&self->sheets, g_ptr_array_unref);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_free (self->title);

  G_OBJECT_CLASS (ed_journey_sheet_parent_class)->finalize (object);
}

static void
ed_journey_sheet_class_init (EdJourneySheetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ed_journey_sheet_finalize;
}

static void
ed_journey_sheet_init (EdJourneySheet *self)
{
  self->sheets = g_ptr_array_new_with_free_func (g_object_unref);
  self->templates = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Whom a procedure's sheet is printed for: those it applies or may
 * apply to. */
static gboolean
applies_to (EdProcedure *procedure,
            EdTraveller *traveller,
            GDate       *today)
{
  g_autoptr(EdApplicability) applicability = NULL;
  EdFacts facts;

  ed_traveller_get_facts (traveller, &facts, today);
  applicability = ed_procedure_check_applies (procedure, &facts);
  return applicability->applies != ED_APPLIES_NO;
}

/**
 * ed_journey_sheet_new_from_templates:
 * @timeline: the timeline of the case, for the cover
 * @templates: (element-type EdSheetTemplate): the sheets of the case's
 *   procedures, laid out in @options, in the journey's order; a batch
 *   makes them once for every traveller
 * @travellers: (element-type EdTraveller): the case's travellers
 * @journey: (nullable): the template the case was started from
 * @options: languages, paper, and the case reference for the footers
 *
 * Returns: (transfer full): the journey sheet, or %NULL with @error
 *   when the sheet's fonts are missing
 */
EdJourneySheet *
ed_journey_sheet_new_from_templates (EdTimeline            *timeline,
                                     GPtrArray             *templates,
                                     GPtrArray             *travellers,
                                     EdJourney             *journey,
                                     const EdSheetOptions  *options,
                                     GError               **error)
{
  g_autoptr(EdJourneySheet) self = g_object_new (ED_TYPE_JOURNEY_SHEET, NULL);
  g_autoptr(EdSheetTemplate) cover = NULL;
  g_autoptr(GPtrArray) printed = g_ptr_array_new ();
  GDateTime *now = ed_timeline_get_now (timeline);
  guint n_languages;
  EdLanguage language = ed_sheet_options_get_languages (options, &n_languages)[0];
  GDate today;

  g_return_val_if_fail (timeline != NULL && templates != NULL && travellers != NULL, NULL);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));

  /* Only the procedures that apply to someone get a sheet. */
  for (guint p = 0; p < templates->len; p++)
    {
      EdSheetTemplate *sheet_template = g_ptr_array_index (templates, p);
      EdProcedure *procedure = ed_sheet_template_get_procedure (sheet_template);
      gboolean any = travellers->len == 0;

      for (guint t = 0; t < travellers->len && !any; t++)
        any = applies_to (procedure, g_ptr_array_index (travellers, t), &today);
      if (!any)
        continue;
      g_ptr_array_add (printed, procedure);
      g_ptr_array_add (self->templates, g_object_ref (sheet_template));
    }

  cover = ed_sheet_cover_new (timeline, printed, travellers, journey, options, error);
  if (cover == NULL)
    return NULL;
  g_ptr_array_add (self->sheets,
                   ed_sheet_layout_new_for_template (cover, travellers->len > 0
                                                            ? g_ptr_array_index (travellers, 0)
                                                            : NULL));

  for (guint p = 0; p < self->templates->len; p++)
    {
      EdSheetTemplate *sheet_template = g_ptr_array_index (self->templates, p);
      EdProcedure *procedure = g_ptr_array_index (printed, p);

      if (travellers->len == 0)
        g_ptr_array_add (self->sheets, ed_sheet_layout_new_for_template (sheet_template, NULL));
      for (guint t = 0; t < travellers->len; t++)
        {
          EdTraveller *traveller = g_ptr_array_index (travellers, t);

          if (applies_to (procedure, traveller, &today))
            g_ptr_array_add (self->sheets,
                             ed_sheet_layout_new_for_template (sheet_template, traveller));
        }
    }

  if (journey != NULL)
    self->title = g_strdup (ed_text_lookup (ed_journey_get_title (journey), language));
  else if (printed->len > 0)
    self->title = g_strdup (ed_text_lookup (ed_procedure_get_title (g_ptr_array_index (printed, 0)),
                                            language));

  return g_steal_pointer (&self);
}

/**
 * ed_journey_sheet_new:
 * @procedures: (element-type EdProcedure): the case's procedures, in
 *   the journey's order
 *
 * ed_journey_sheet_new_from_templates(), laying out each procedure's
 * text first: the slow part, done once for all travellers.
 *
 * Returns: (transfer full): the journey sheet, or %NULL with @error
 */
EdJourneySheet *
ed_journey_sheet_new (EdTimeline            *timeline,
                      GPtrArray             *procedures,
                      GPtrArray             *travellers,
                      EdJourney             *journey,
                      const EdSheetOptions  *options,
                      GError               **error)
{
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint p = 0; p < procedures->len; p++)
    {
      EdSheetTemplate *sheet_template = ed_sheet_template_new (g_ptr_array_index (procedures, p),
                                                               options, error);

      if (sheet_template == NULL)
        return NULL;
      g_ptr_array_add (templates, sheet_template);
    }

  return ed_journey_sheet_new_from_templates (timeline, templates, travellers, journey, options,
                                              error);
}

/**
 * ed_journey_sheet_new_for_case:
 * @catalog: where the case's procedures are found; one it lacks is
 *   left out
 * @now: the date of the cover and what is due
 *
 * The journey sheet of @kase; the case reference goes into the footers.
 *
 * Returns: (transfer full): the journey sheet, or %NULL with @error
 */
EdJourneySheet *
ed_journey_sheet_new_for_case (EdCase                *kase,
                               EdCatalog             *catalog,
                               GDateTime             *now,
                               const EdSheetOptions  *options,
                               GError               **error)
{
  g_autoptr(EdTimeline) timeline = NULL;
  g_autoptr(GPtrArray) procedures = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) travellers = g_ptr_array_new ();
  g_autoptr(EdSheetOptions) own = ed_sheet_options_copy (options);
  const char *journey_id = ed_case_get_journey_id (kase);

  g_return_val_if_fail (ED_IS_CASE (kase), NULL);
  g_return_val_if_fail (ED_IS_CATALOG (catalog), NULL);

  if (ed_case_get_reference (kase) != NULL)
    ed_sheet_options_set_case_reference (own, ed_case_get_reference (kase));
  for (guint i = 0; i < ed_case_get_n_procedures (kase); i++)
    {
      EdProcedure *procedure = ed_catalog_dup_procedure (catalog,
                                                         ed_case_get_procedure (kase, i)->id);

      if (procedure != NULL)
        g_ptr_array_add (procedures, procedure);
    }
  for (guint i = 0; i < ed_case_get_n_travellers (kase); i++)
    g_ptr_array_add (travellers, ed_case_get_traveller (kase, i));

  timeline = ed_case_compute_timeline (kase, catalog, now, ED_TIMELINE_SOON_DAYS);
  return ed_journey_sheet_new (timeline, procedures, travellers,
                               journey_id != NULL ? ed_catalog_lookup_journey (catalog, journey_id)
                                                  : NULL,
                               own, error);
}

/* The cover is sheet 0. */
guint
ed_journey_sheet_get_n_sheets (EdJourneySheet *self)
{
  g_return_val_if_fail (ED_IS_JOURNEY_SHEET (self), 0);
  return self->sheets->len;
}

/* Returns: (transfer none): sheet @index; 0 is the cover */
EdSheetLayout *
ed_journey_sheet_get_sheet (EdJourneySheet *self,
                            guint           index)
{
  g_return_val_if_fail (ED_IS_JOURNEY_SHEET (self), NULL);
  g_return_val_if_fail (index < self->sheets->len, NULL);
  return g_ptr_array_index (self->sheets, index);
}

guint
ed_journey_sheet_get_n_pages (EdJourneySheet *self)
{
  guint n = 0;

  g_return_val_if_fail (ED_IS_JOURNEY_SHEET (self), 0);

  for (guint i = 0; i < self->sheets->len; i++)
    n += ed_sheet_layout_get_n_pages (g_ptr_array_index (self->sheets, i));
  return n;
}

static EdSheetLayout *
find_page (EdJourneySheet *self,
           guint           page,
           guint          *in_sheet)
{
  for (guint i = 0; i < self->sheets->len; i++)
    {
      EdSheetLayout *layout = g_ptr_array_index (self->sheets, i);
      guint n = ed_sheet_layout_get_n_pages (layout);

      if (page < n)
        {
          *in_sheet = page;
          return layout;
        }
      page -= n;
    }

  return NULL;
}

void
ed_journey_sheet_get_page_size (EdJourneySheet *self,
                                guint           page,
                                double         *width,
                                double         *height)
{
  guint in_sheet;
  EdSheetLayout *layout;

  g_return_if_fail (ED_IS_JOURNEY_SHEET (self));

  layout = find_page (self, page, &in_sheet);
  if (layout == NULL)
    layout = g_ptr_array_index (self->sheets, 0);
  ed_sheet_layout_get_page_size (layout, width, height);
}

/* Draws page @page of the whole run, the cover's first. */
void
ed_journey_sheet_draw_page (EdJourneySheet *self,
                            cairo_t        *cr,
                            guint           page)
{
  guint in_sheet;
  EdSheetLayout *layout;

  g_return_if_fail (ED_IS_JOURNEY_SHEET (self));

  layout = find_page (self, page, &in_sheet);
  g_return_if_fail (layout != NULL);
  ed_sheet_draw_page (layout, cr, in_sheet);
}

/* Returns: (transfer full) (nullable): the journey's title, or the
 * first procedure's */
char *
ed_journey_sheet_dup_title (EdJourneySheet *self)
{
  g_return_val_if_fail (ED_IS_JOURNEY_SHEET (self), NULL);
  return g_strdup (self->title);
}

/* Adds every page of @sheet, the cover first, to @pdf (a cohort's
 * merged file holds one after the other). */
gboolean
ed_sheet_pdf_add_journey (EdSheetPdf      *pdf,
                          EdJourneySheet  *sheet,
                          GError         **error)
{
  g_return_val_if_fail (ED_IS_JOURNEY_SHEET (sheet), FALSE);

  for (guint i = 0; i < sheet->sheets->len; i++)
    if (!ed_sheet_pdf_add (pdf, g_ptr_array_index (sheet->sheets, i), error))
      return FALSE;

  return TRUE;
}

/* Writes the whole journey sheet as a PDF of its own, mode 0600. */
gboolean
ed_journey_sheet_write_pdf (EdJourneySheet  *self,
                            const char      *path,
                            GError         **error)
{
  g_autoptr(EdSheetPdf) pdf = NULL;

  g_return_val_if_fail (ED_IS_JOURNEY_SHEET (self), FALSE);

  pdf = ed_sheet_pdf_new (path, self->title, error);
  return pdf != NULL && ed_sheet_pdf_add_journey (pdf, self, error) &&
         ed_sheet_pdf_close (pdf, error);
}

/**
 * ed_journey_sheet_new_records:
 *
 * What the case's audit log keeps of it: one line a procedure (each with
 * its version), marked as part of a journey sheet.
 *
 * Returns: (transfer full) (element-type EdSheetRecord): the lines
 */
GPtrArray *
ed_journey_sheet_new_records (EdJourneySheet *self,
                              EdSheetKind     kind)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_sheet_record_free);

  g_return_val_if_fail (ED_IS_JOURNEY_SHEET (self), records);

  for (guint i = 0; i < self->templates->len; i++)
    {
      EdSheetRecord *record = ed_sheet_template_new_record (g_ptr_array_index (self->templates,
                                                                               i),
                                                            kind);

      record->journey = TRUE;
      g_ptr_array_add (records, record);
    }

  return records;
}
