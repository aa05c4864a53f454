/* ed-sheet-journey.h — one PDF for a whole case: the journey sheet
 *
 * A cover with the case's timeline (what to do, by when, the QR codes
 * that matter), then each procedure's sheet, in the journey's order, for
 * each traveller it applies to (a blank one when the case has no
 * traveller yet). Printed, saved as PDF, or one per traveller of a batch.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "ed-case.h"
#include "ed-catalog.h"
#include "ed-sheet.h"
#include "ed-timeline.h"

G_BEGIN_DECLS

EdSheetTemplate *ed_sheet_cover_new                (EdTimeline            *timeline,
                                                    GPtrArray             *procedures,
                                                    GPtrArray             *travellers,
                                                    EdJourney             *journey,
                                                    const EdSheetOptions  *options,
                                                    GError               **error);

#define ED_TYPE_JOURNEY_SHEET (ed_journey_sheet_get_type ())

G_DECLARE_FINAL_TYPE (EdJourneySheet, ed_journey_sheet, ED, JOURNEY_SHEET, GObject)

EdJourneySheet  *ed_journey_sheet_new              (EdTimeline            *timeline,
                                                    GPtrArray             *procedures,
                                                    GPtrArray             *travellers,
                                                    EdJourney             *journey,
                                                    const EdSheetOptions  *options,
                                                    GError               **error);
EdJourneySheet  *ed_journey_sheet_new_from_templates (EdTimeline          *timeline,
                                                    GPtrArray             *templates,
                                                    GPtrArray             *travellers,
                                                    EdJourney             *journey,
                                                    const EdSheetOptions  *options,
                                                    GError               **error);
EdJourneySheet  *ed_journey_sheet_new_for_case     (EdCase                *kase,
                                                    EdCatalog             *catalog,
                                                    GDateTime             *now,
                                                    const EdSheetOptions  *options,
                                                    GError               **error);

guint            ed_journey_sheet_get_n_sheets     (EdJourneySheet        *self);
EdSheetLayout   *ed_journey_sheet_get_sheet        (EdJourneySheet        *self,
                                                    guint                  index);
guint            ed_journey_sheet_get_n_pages      (EdJourneySheet        *self);
void             ed_journey_sheet_get_page_size    (EdJourneySheet        *self,
                                                    guint                  page,
                                                    double                *width,
                                                    double                *height);
void             ed_journey_sheet_draw_page        (EdJourneySheet        *self,
                                                    cairo_t               *cr,
                                                    guint                  page);
char            *ed_journey_sheet_dup_title        (EdJourneySheet        *self);

gboolean         ed_sheet_pdf_add_journey          (EdSheetPdf            *pdf,
                                                    EdJourneySheet        *sheet,
                                                    GError               **error);
gboolean         ed_journey_sheet_write_pdf        (EdJourneySheet        *self,
                                                    const char            *path,
                                                    GError               **error);
GPtrArray       *ed_journey_sheet_new_records      (EdJourneySheet        *self,
                                                    EdSheetKind            kind);

G_END_DECLS
