/* ed-wizard-page.h — one page of a procedure wizard
 *
 * As in GNOME Initial Setup, a page's state is its properties: the
 * wizard enables Next from `complete` and `skippable` and never lets a
 * page touch its buttons.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ED_TYPE_WIZARD_PAGE (ed_wizard_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (EdWizardPage, ed_wizard_page, ED, WIZARD_PAGE, GtkWidget)

struct _EdWizardPageClass
{
  GtkWidgetClass parent_class;

  /* The page is about to be shown: refresh what others may have changed. */
  void (*shown)                   (EdWizardPage *self);
  /* The traveller's language, shown beside the staff's, changed. */
  void (*second_language_changed) (EdWizardPage *self);
  /* Put the focus on one traveller's field (a key, a field or question
   * id; "" for the page's first control). */
  gboolean (*focus_field)         (EdWizardPage *self,
                                   guint         traveller,
                                   const char   *name);
};

const char  *ed_wizard_page_get_id         (EdWizardPage *self);
const char  *ed_wizard_page_get_title      (EdWizardPage *self);
void         ed_wizard_page_set_title      (EdWizardPage *self,
                                            const char   *title);
const char  *ed_wizard_page_get_section    (EdWizardPage *self);
void         ed_wizard_page_set_section    (EdWizardPage *self,
                                            const char   *section);
gboolean     ed_wizard_page_get_complete   (EdWizardPage *self);
void         ed_wizard_page_set_complete   (EdWizardPage *self,
                                            gboolean      complete);
gboolean     ed_wizard_page_get_skippable  (EdWizardPage *self);
void         ed_wizard_page_set_skippable  (EdWizardPage *self,
                                            gboolean      skippable);
void         ed_wizard_page_shown          (EdWizardPage *self);
void         ed_wizard_page_set_content    (EdWizardPage *self,
                                            GtkWidget    *content);
gboolean     ed_wizard_page_focus_field    (EdWizardPage *self,
                                            guint         traveller,
                                            const char   *name);
int          ed_wizard_page_get_second_language
                                           (EdWizardPage *self);
void         ed_wizard_page_set_second_language
                                           (EdWizardPage *self,
                                            int           language);

G_END_DECLS
