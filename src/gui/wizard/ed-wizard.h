/* ed-wizard.h — a case going through its procedure, page by page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ed-core.h"
#include "ed-case.h"
#include "ed-store.h"
#include "ed-wizard-page.h"

G_BEGIN_DECLS

#define ED_TYPE_WIZARD (ed_wizard_get_type ())

G_DECLARE_FINAL_TYPE (EdWizard, ed_wizard, ED, WIZARD, GtkWidget)

GtkWidget     *ed_wizard_new                 (EdCase      *edcase,
                                              EdProcedure *procedure);
EdCase        *ed_wizard_get_case            (EdWizard    *self);
EdProcedure   *ed_wizard_get_procedure       (EdWizard    *self);
EdWizardPage  *ed_wizard_get_current_page    (EdWizard    *self);
guint          ed_wizard_get_n_pages         (EdWizard    *self);
EdWizardPage  *ed_wizard_get_page            (EdWizard    *self,
                                              guint        index);
gboolean       ed_wizard_go_to               (EdWizard    *self,
                                              const char  *page_id);
gboolean       ed_wizard_next                (EdWizard    *self);
gboolean       ed_wizard_previous            (EdWizard    *self);
gboolean       ed_wizard_can_reach           (EdWizard    *self,
                                              guint        index);
void           ed_wizard_set_store           (EdWizard    *self,
                                              EdStore     *store);
EdStore       *ed_wizard_get_store           (EdWizard    *self);
void           ed_wizard_set_saving          (EdWizard    *self,
                                              gboolean     saving);

G_END_DECLS
