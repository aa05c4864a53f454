/* ed-sheet-journey.c — one document for a whole case: the journey sheet
 *
 * The procedures' text is laid out once (a template each) and shared by
 * every traveller, and by every traveller of a batch; only the cover is
 * the case's own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ed-sheet-document-private.h"
#include "ed-sheet-journey.h"

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
 * ed_sheet_document_new_for_journey:
 * @timeline: the timeline of the case, for the cover
 * @templates: (element-type EdSheetTemplate): the sheets of the case's
 *   procedures, made with @options, in the journey's order; a batch
 *   makes them once for every traveller
 * @travellers: (element-type EdTraveller): the case's travellers; none
 *   for blank sheets
 * @journey: (nullable): the template the case was started from
 * @options: languages, paper, and the case reference for the footers
 *
 * Only the procedures that apply to someone get a sheet, and only for
 * those they apply to. Fast, as ed_sheet_document_new_for_template() is.
 *
 * Returns: (transfer full): the document, the cover first, or %NULL
 *   with @error when the sheet's fonts are missing
 */
EdSheetDocument *
ed_sheet_document_new_for_journey (EdTimeline            *timeline,
                                   GPtrArray             *templates,
                                   GPtrArray             *travellers,
                                   EdJourney             *journey,
                                   const EdSheetOptions  *options,
                                   GError               **error)
{
  g_autoptr(EdSheetDocument) self = NULL;
  g_autoptr(EdSheetTemplate) cover = NULL;
  g_autoptr(GPtrArray) printed = g_ptr_array_new ();
  g_autoptr(GPtrArray) printed_templates = g_ptr_array_new ();
  g_autoptr(GPtrArray) copies = g_ptr_array_new ();
  GDateTime *now;
  guint n_languages;
  EdLanguage language;
  const char *title = NULL;
  GDate today;

  g_return_val_if_fail (timeline != NULL && templates != NULL && travellers != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  now = ed_timeline_get_now (timeline);
  language = ed_sheet_options_get_languages (options, &n_languages)[0];
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));

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
      g_ptr_array_add (printed_templates, sheet_template);
    }

  self = _ed_sheet_document_new ();
  for (guint t = 0; t < travellers->len; t++)
    g_ptr_array_add (copies, _ed_sheet_document_add_traveller (self,
                                                               g_ptr_array_index (travellers, t)));

  cover = ed_sheet_cover_new (timeline, printed, copies, journey, options, error);
  if (cover == NULL)
    return NULL;
  _ed_sheet_document_add_sheet (self, cover, NULL);

  for (guint p = 0; p < printed_templates->len; p++)
    {
      EdSheetTemplate *sheet_template = g_ptr_array_index (printed_templates, p);
      EdProcedure *procedure = g_ptr_array_index (printed, p);

      if (copies->len == 0)
        _ed_sheet_document_add_sheet (self, sheet_template, NULL);
      for (guint t = 0; t < copies->len; t++)
        if (applies_to (procedure, g_ptr_array_index (copies, t), &today))
          _ed_sheet_document_add_sheet (self, sheet_template, g_ptr_array_index (copies, t));
    }

  if (journey != NULL)
    title = ed_text_lookup (ed_journey_get_title (journey), language);
  else if (printed->len > 0)
    title = ed_text_lookup (ed_procedure_get_title (g_ptr_array_index (printed, 0)), language);
  _ed_sheet_document_set_title (self, title,
                                journey != NULL ? ed_journey_get_id (journey) : "journey", TRUE);

  return g_steal_pointer (&self);
}

typedef struct
{
  EdTimeline     *timeline;
  GPtrArray      *procedures;   /* EdProcedure */
  GPtrArray      *travellers;   /* EdTraveller: copies */
  EdJourney      *journey;      /* nullable */
  EdSheetOptions *options;
} CaseData;

static void
case_data_free (CaseData *data)
{
  g_clear_pointer (&data->timeline, ed_timeline_unref);
  g_clear_pointer (&data->procedures, g_ptr_array_unref);
  g_clear_pointer (&data->travellers, g_ptr_array_unref);
  g_clear_object (&data->journey);
  g_clear_pointer (&data->options, ed_sheet_options_free);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaseData, case_data_free)

/* What the document needs of the case, taken now: the case may change
 * while a worker thread lays the sheets out. */
static CaseData *
case_data_new (EdCase               *kase,
               EdCatalog            *catalog,
               GDateTime            *now,
               const EdSheetOptions *options)
{
  CaseData *data = g_new0 (CaseData, 1);
  g_autoptr(GPtrArray) copies = NULL;
  const char *journey_id = ed_case_get_journey_id (kase);

  data->procedures = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < ed_case_get_n_procedures (kase); i++)
    {
      EdProcedure *procedure = ed_catalog_dup_procedure (catalog,
                                                         ed_case_get_procedure (kase, i)->id);

      /* One the catalog lacks is left out. */
      if (procedure != NULL)
        g_ptr_array_add (data->procedures, procedure);
    }

  /* The timeline's entries hold the copies, not the case's travellers. */
  copies = g_ptr_array_new_with_free_func (g_object_unref);
  data->travellers = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < ed_case_get_n_travellers (kase); i++)
    {
      EdTraveller *copy = ed_traveller_copy (ed_case_get_traveller (kase, i));

      g_ptr_array_add (copies, copy);
      if (!ed_traveller_is_empty (copy))
        g_ptr_array_add (data->travellers, g_object_ref (copy));
    }

  if (journey_id != NULL && ed_catalog_lookup_journey (catalog, journey_id) != NULL)
    data->journey = g_object_ref (ed_catalog_lookup_journey (catalog, journey_id));
  data->timeline = ed_case_compute_timeline_for (kase, copies, catalog, now,
                                                 ED_TIMELINE_SOON_DAYS);
  data->options = ed_sheet_options_copy (options);
  if (ed_case_get_reference (kase) != NULL)
    ed_sheet_options_set_case_reference (data->options, ed_case_get_reference (kase));

  return data;
}

static EdSheetDocument *
new_for_case_data (CaseData  *data,
                   GError   **error)
{
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint p = 0; p < data->procedures->len; p++)
    {
      EdSheetTemplate *sheet_template = ed_sheet_template_new (g_ptr_array_index (data->procedures,
                                                                                  p),
                                                               data->options, error);

      if (sheet_template == NULL)
        return NULL;
      g_ptr_array_add (templates, sheet_template);
    }

  return ed_sheet_document_new_for_journey (data->timeline, templates, data->travellers,
                                            data->journey, data->options, error);
}

/**
 * ed_sheet_document_new_for_case:
 * @catalog: where the case's procedures are found; one it lacks is
 *   left out
 * @now: the date of the cover and what is due
 *
 * The journey sheet of @kase, with the travellers that have anything
 * typed; the case reference goes into the footers. Lays each
 * procedure's text out: slow, see
 * ed_sheet_document_new_for_case_async().
 *
 * Returns: (transfer full): the document, or %NULL with @error
 */
EdSheetDocument *
ed_sheet_document_new_for_case (EdCase                *kase,
                                EdCatalog             *catalog,
                                GDateTime             *now,
                                const EdSheetOptions  *options,
                                GError               **error)
{
  g_autoptr(CaseData) data = NULL;

  g_return_val_if_fail (ED_IS_CASE (kase), NULL);
  g_return_val_if_fail (ED_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (now != NULL && options != NULL, NULL);

  data = case_data_new (kase, catalog, now, options);
  return new_for_case_data (data, error);
}

static void
new_for_case_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  g_autoptr(EdSheetDocument) self = NULL;
  GError *error = NULL;

  self = new_for_case_data (task_data, &error);
  if (self == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Laid out here, so that the preview draws at once. */
  for (guint i = 0; i < ed_sheet_document_get_n_sheets (self); i++)
    ed_sheet_document_get_sheet (self, i);

  g_task_return_pointer (task, g_steal_pointer (&self), g_object_unref);
}

/**
 * ed_sheet_document_new_for_case_async:
 *
 * ed_sheet_document_new_for_case() in a worker thread; what it needs of
 * @kase is taken before this returns. Finish with
 * ed_sheet_document_new_finish().
 */
void
ed_sheet_document_new_for_case_async (EdCase               *kase,
                                      EdCatalog            *catalog,
                                      GDateTime            *now,
                                      const EdSheetOptions *options,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ED_IS_CASE (kase));
  g_return_if_fail (ED_IS_CATALOG (catalog));
  g_return_if_fail (now != NULL && options != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ed_sheet_document_new_for_case_async);
  g_task_set_task_data (task, case_data_new (kase, catalog, now, options),
                        (GDestroyNotify) case_data_free);
  g_task_set_return_on_cancel (task, TRUE);
  _ed_sheet_run_in_thread (task, new_for_case_thread);
}
