/* ed-traveller.h — one traveller's data, as in the passport and the forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "ed-facts.h"
#include "ed-procedure.h"
#include "ed-traveller-keys.h"

G_BEGIN_DECLS

/* The largest traveller file read: a real one is a few kilobytes. */
#define ED_TRAVELLER_FILE_MAX_SIZE (1024 * 1024)

#define ED_TYPE_TRAVELLER (ed_traveller_get_type ())

G_DECLARE_FINAL_TYPE (EdTraveller, ed_traveller, ED, TRAVELLER, GObject)

EdTraveller        *ed_traveller_new               (void);
EdTraveller        *ed_traveller_copy              (EdTraveller  *self);
gboolean            ed_traveller_equal             (EdTraveller  *self,
                                                    EdTraveller  *other);
gboolean            ed_traveller_is_empty          (EdTraveller  *self);

const char         *ed_traveller_get               (EdTraveller  *self,
                                                    const char   *key);
void                ed_traveller_set               (EdTraveller  *self,
                                                    const char   *key,
                                                    const char   *value);
const char         *ed_traveller_get_answer        (EdTraveller  *self,
                                                    const char   *field_id);
void                ed_traveller_set_answer        (EdTraveller  *self,
                                                    const char   *field_id,
                                                    const char   *value);
GStrv               ed_traveller_dup_answer_ids    (EdTraveller  *self);
const char         *ed_traveller_get_field_value   (EdTraveller  *self,
                                                    const EdField *field);
void                ed_traveller_set_field_value   (EdTraveller  *self,
                                                    const EdField *field,
                                                    const char   *value);
char               *ed_traveller_dup_display_name  (EdTraveller  *self);
gboolean            ed_traveller_find_event_date   (EdTraveller  *self,
                                                    EdProcedure  *procedure,
                                                    const EdPeriod *period,
                                                    GDate        *event);

void                ed_traveller_get_facts         (EdTraveller  *self,
                                                    EdFacts      *facts,
                                                    const GDate  *today);

JsonNode           *ed_traveller_to_json           (EdTraveller  *self);
EdTraveller        *ed_traveller_new_from_json     (JsonNode     *node,
                                                    GError      **error);
EdTraveller        *ed_traveller_new_from_data     (const char   *data,
                                                    gsize         size,
                                                    const char   *name,
                                                    GError      **error);
EdTraveller        *ed_traveller_load              (const char   *path,
                                                    GError      **error);
gboolean            ed_traveller_save              (EdTraveller  *self,
                                                    const char   *path,
                                                    GError      **error);

G_END_DECLS
