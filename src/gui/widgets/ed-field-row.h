/* ed-field-row.h — one editable row for one field of a traveller
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ed-core.h"

G_BEGIN_DECLS

#define ED_TYPE_FIELD_ROW (ed_field_row_get_type ())

G_DECLARE_FINAL_TYPE (EdFieldRow, ed_field_row, ED, FIELD_ROW, AdwPreferencesRow)

GtkWidget      *ed_field_row_new                 (EdProcedure   *procedure,
                                                  const EdField *field);
GtkWidget      *ed_field_row_new_for_key         (const char    *key);

const EdField  *ed_field_row_get_field           (EdFieldRow    *self);
const char     *ed_field_row_get_name            (EdFieldRow    *self);
GtkWidget      *ed_field_row_get_editor          (EdFieldRow    *self);
gboolean        ed_field_row_get_required        (EdFieldRow    *self);

void            ed_field_row_set_traveller       (EdFieldRow    *self,
                                                  EdTraveller   *traveller);
EdTraveller    *ed_field_row_get_traveller       (EdFieldRow    *self);

gboolean        ed_field_row_get_checking        (EdFieldRow    *self);
gboolean        ed_field_row_get_valid           (EdFieldRow    *self);
GPtrArray      *ed_field_row_get_problems        (EdFieldRow    *self);
void            ed_field_row_set_extra_problems  (EdFieldRow    *self,
                                                  GPtrArray     *problems);
const char     *ed_field_row_get_message         (EdFieldRow    *self);
void            ed_field_row_validate_now        (EdFieldRow    *self);
void            ed_field_row_reveal_required     (EdFieldRow    *self);

void            ed_field_row_set_second_language (EdFieldRow    *self,
                                                  int            language);

const char     *ed_field_row_key_title           (const char    *key);
const char     *ed_field_row_key_msgid           (const char    *key);

G_END_DECLS
