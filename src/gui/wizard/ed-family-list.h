/* ed-family-list.h — the travellers of one case, and one's details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ed-core.h"
#include "ed-traveller-editor.h"

G_BEGIN_DECLS

#define ED_TYPE_FAMILY_LIST (ed_family_list_get_type ())

G_DECLARE_FINAL_TYPE (EdFamilyList, ed_family_list, ED, FAMILY_LIST, GtkWidget)

GtkWidget          *ed_family_list_new                    (void);
void                ed_family_list_set_model              (EdFamilyList *self,
                                                           GListStore   *travellers);
GListStore         *ed_family_list_get_model              (EdFamilyList *self);
void                ed_family_list_set_procedure          (EdFamilyList *self,
                                                           EdProcedure  *procedure);
EdProcedure        *ed_family_list_get_procedure          (EdFamilyList *self);

EdTraveller        *ed_family_list_add_traveller          (EdFamilyList *self);
void                ed_family_list_remove_traveller       (EdFamilyList *self,
                                                           EdTraveller  *traveller);
void                ed_family_list_select                 (EdFamilyList *self,
                                                           guint         position);
EdTraveller        *ed_family_list_get_selected_traveller (EdFamilyList *self);
EdTravellerEditor  *ed_family_list_get_editor             (EdFamilyList *self);
gboolean            ed_family_list_get_valid              (EdFamilyList *self);
void                ed_family_list_set_with_answers       (EdFamilyList *self,
                                                           gboolean      with_answers);

char               *ed_family_list_dup_traveller_title    (EdFamilyList *self,
                                                           guint         position);

G_END_DECLS
