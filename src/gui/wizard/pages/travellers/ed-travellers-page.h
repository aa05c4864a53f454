/* ed-travellers-page.h — the first page of a wizard: who travels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-core.h"
#include "ed-case.h"
#include "ed-wizard-page.h"

G_BEGIN_DECLS

#define ED_TYPE_TRAVELLERS_PAGE (ed_travellers_page_get_type ())

G_DECLARE_FINAL_TYPE (EdTravellersPage, ed_travellers_page, ED, TRAVELLERS_PAGE, EdWizardPage)

EdWizardPage *ed_travellers_page_new        (EdCase           *edcase,
                                             EdProcedure      *procedure);
GtkWidget    *ed_travellers_page_get_family (EdTravellersPage *self);

#define ED_TRAVELLERS_PAGE_ID "travellers"

G_END_DECLS
