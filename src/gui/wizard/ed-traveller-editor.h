/* ed-traveller-editor.h — every detail of one traveller, to type or scan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ed-core.h"
#include "ed-field-row.h"
#include "ed-mrz-box.h"

G_BEGIN_DECLS

#define ED_TYPE_TRAVELLER_EDITOR (ed_traveller_editor_get_type ())

G_DECLARE_FINAL_TYPE (EdTravellerEditor, ed_traveller_editor, ED, TRAVELLER_EDITOR, GtkWidget)

GtkWidget    *ed_traveller_editor_new               (void);
void          ed_traveller_editor_set_traveller     (EdTravellerEditor *self,
                                                     EdTraveller       *traveller);
EdTraveller  *ed_traveller_editor_get_traveller     (EdTravellerEditor *self);
void          ed_traveller_editor_set_procedure     (EdTravellerEditor *self,
                                                     EdProcedure       *procedure);
EdProcedure  *ed_traveller_editor_get_procedure     (EdTravellerEditor *self);
void          ed_traveller_editor_set_with_answers  (EdTravellerEditor *self,
                                                     gboolean           with_answers);

gboolean      ed_traveller_editor_get_valid         (EdTravellerEditor *self);
GPtrArray    *ed_traveller_editor_dup_problems      (EdTravellerEditor *self);
void          ed_traveller_editor_validate_now      (EdTravellerEditor *self);
void          ed_traveller_editor_reveal_required   (EdTravellerEditor *self);

EdFieldRow   *ed_traveller_editor_find_row          (EdTravellerEditor *self,
                                                     const char        *name);
EdMrzBox     *ed_traveller_editor_get_mrz_box       (EdTravellerEditor *self);
void          ed_traveller_editor_set_second_language (EdTravellerEditor *self,
                                                     int                language);

G_END_DECLS
