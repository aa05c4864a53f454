/* ed-journey-dialog.h — a new case from a journey template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ed-core.h"

G_BEGIN_DECLS

#define ED_TYPE_JOURNEY_DIALOG (ed_journey_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EdJourneyDialog, ed_journey_dialog, ED, JOURNEY_DIALOG, AdwWindow)

GtkWidget    *ed_journey_dialog_new           (GtkWindow       *parent,
                                               EdJourney       *journey,
                                               EdCatalog       *catalog);
EdTraveller  *ed_journey_dialog_get_traveller (EdJourneyDialog *self);

G_END_DECLS
