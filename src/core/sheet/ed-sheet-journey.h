/* ed-sheet-journey.h — one document for a whole case: the journey sheet
 *
 * A cover with the case's timeline (what to do, by when, the QR codes
 * that matter), then each procedure's sheet, in the journey's order, for
 * each traveller it applies to (a blank one when the case has no
 * traveller yet). An EdSheetDocument like any other: previewed, printed,
 * saved as PDF, logged (ed_sheet_document_new_records()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-case.h"
#include "ed-catalog.h"
#include "ed-sheet-document.h"
#include "ed-timeline.h"

G_BEGIN_DECLS

EdSheetTemplate *ed_sheet_cover_new                    (EdTimeline            *timeline,
                                                        GPtrArray             *procedures,
                                                        GPtrArray             *travellers,
                                                        EdJourney             *journey,
                                                        const EdSheetOptions  *options,
                                                        GError               **error);

EdSheetDocument *ed_sheet_document_new_for_journey     (EdTimeline            *timeline,
                                                        GPtrArray             *templates,
                                                        GPtrArray             *travellers,
                                                        EdJourney             *journey,
                                                        const EdSheetOptions  *options,
                                                        GError               **error);
EdSheetDocument *ed_sheet_document_new_for_case        (EdCase                *kase,
                                                        EdCatalog             *catalog,
                                                        GDateTime             *now,
                                                        const EdSheetOptions  *options,
                                                        GError               **error);
void             ed_sheet_document_new_for_case_async  (EdCase                *kase,
                                                        EdCatalog             *catalog,
                                                        GDateTime             *now,
                                                        const EdSheetOptions  *options,
                                                        GCancellable          *cancellable,
                                                        GAsyncReadyCallback    callback,
                                                        gpointer               user_data);

G_END_DECLS
