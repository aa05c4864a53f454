/* ed-mrz-box.h — where staff paste or scan a passport's MRZ
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ed-core.h"

G_BEGIN_DECLS

#define ED_TYPE_MRZ_BOX (ed_mrz_box_get_type ())

G_DECLARE_FINAL_TYPE (EdMrzBox, ed_mrz_box, ED, MRZ_BOX, GtkWidget)

GtkWidget    *ed_mrz_box_new            (void);
void          ed_mrz_box_set_traveller  (EdMrzBox    *self,
                                         EdTraveller *traveller);
EdTraveller  *ed_mrz_box_get_traveller  (EdMrzBox    *self);

void          ed_mrz_box_set_text       (EdMrzBox    *self,
                                         const char  *text);
char         *ed_mrz_box_dup_text       (EdMrzBox    *self);
void          ed_mrz_box_clear          (EdMrzBox    *self);
void          ed_mrz_box_read_now       (EdMrzBox    *self);

const EdMrz  *ed_mrz_box_get_mrz        (EdMrzBox    *self);
GPtrArray    *ed_mrz_box_get_problems   (EdMrzBox    *self);
const char   *ed_mrz_box_get_result     (EdMrzBox    *self);
gboolean      ed_mrz_box_get_waiting    (EdMrzBox    *self);
GtkTextView  *ed_mrz_box_get_text_view  (EdMrzBox    *self);

G_END_DECLS
