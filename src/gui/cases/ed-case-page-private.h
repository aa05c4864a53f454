/* ed-case-page-private.h — what the files of the case page share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-case-page.h"
#include "ed-office-bar.h"

G_BEGIN_DECLS

struct _EdCasePage
{
  GtkWidget             parent_instance;

  EdCase               *kase;
  EdCatalog            *catalog;
  EdStore              *store;
  GSettings            *settings;
  GDateTime            *now;         /* fixed, or NULL for the clock */
  EdTimeline           *timeline;
  guint                 refresh_source;
  GCancellable         *cancellable;

  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *view_stack;
  GtkLabel             *journey_label;
  GtkLabel             *summary_label;
  GtkListBox           *timeline_list;
  GtkListBox           *procedure_list;
  EdOfficeBar          *office_bar;
};

/* ed-case-page.c */
GDateTime  *_ed_case_page_dup_now          (EdCasePage *self);
void        _ed_case_page_toast            (EdCasePage *self,
                                            const char *message);

/* ed-case-page-procedures.c */
void        _ed_case_page_fill_procedures  (EdCasePage *self);
void        _ed_case_page_add_procedure    (EdCasePage *self);
void        _ed_case_page_install_procedure_actions (GtkWidgetClass *widget_class);

/* ed-case-page-output.c */
void        _ed_case_page_export_calendar  (EdCasePage *self);
void        _ed_case_page_journey_sheet    (EdCasePage *self,
                                            gboolean    print);

G_END_DECLS
