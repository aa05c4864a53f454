/* ed-procedure-private.h — what the parts of EdProcedure share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-json-reader.h"
#include "ed-condition.h"
#include "ed-procedure.h"

G_BEGIN_DECLS

struct _EdProcedure
{
  GObject     parent_instance;

  char       *path;           /* nullable: the file it was read from */
  EdOrigin    origin;

  char       *id;
  int         version;
  char       *updated;
  guint       languages;      /* 1 << EdLanguage, every text must have them */
  GArray     *extra_languages; /* EdLanguage, as `languages` lists them */

  char       *country;
  char       *subdivision;
  EdText     *region_name;
  EdText     *title;
  EdText     *summary;
  EdText     *intro;

  EdStatus    status;
  char       *valid_from;
  char       *valid_until;
  char       *superseded_by;
  EdText     *successor_title; /* set once by the catalog that holds both */
  EdText     *status_note;

  GPtrArray  *sources;
  GPtrArray  *rules;
  GPtrArray  *notes;
  GPtrArray  *phases;
  GPtrArray  *steps;
  GPtrArray  *fields;
  GPtrArray  *periods;
  GPtrArray  *contacts;

  char       *search_text;    /* built on the first search, casefolded */

  /* Schema 2 */
  int          schema;
  char        *reviewed;
  char        *time_zone;     /* nullable: the country's */
  GPtrArray   *see_also;      /* char * */
  EdCondition *condition;     /* nullable */
  EdText      *not_applicable;
  GPtrArray   *questions;     /* EdQuestion */
  GPtrArray   *fees;          /* EdFee */
};

/* The values of the file's enumerations, in enum order. */
extern const char * const ed_procedure_status_names[];
extern const char * const ed_procedure_note_kind_names[];
extern const char * const ed_procedure_field_kind_names[];
extern const char * const ed_procedure_rule_type_names[];
extern const char * const ed_procedure_period_kind_names[];
extern const char * const ed_procedure_counting_names[];
extern const char * const ed_procedure_source_kind_names[];
extern const char * const ed_procedure_question_kind_names[];

/* ed-procedure-parse.c */
void        _ed_procedure_parse          (EdProcedure   *self,
                                          EdJsonReader  *reader,
                                          JsonNode      *root,
                                          const char    *expected_id,
                                          gboolean      *newer_schema);
void        _ed_procedure_check_address  (EdJsonReader  *reader,
                                          const char    *key,
                                          const char    *address,
                                          gboolean       web_only);

/* ed-procedure-parse-fields.c */
GPtrArray  *_ed_procedure_read_fields    (EdJsonReader  *reader,
                                          JsonObject    *top,
                                          EdProcedure   *procedure);
GPtrArray  *_ed_procedure_read_periods   (EdJsonReader  *reader,
                                          JsonObject    *top,
                                          EdProcedure   *procedure);
GPtrArray  *_ed_procedure_read_contacts  (EdJsonReader  *reader,
                                          JsonObject    *top);
gboolean    _ed_procedure_is_email       (const char    *text);
gboolean    _ed_procedure_is_phone       (const char    *text);

/* ed-procedure-parse-rules.c: what schema 2 adds */
void        _ed_procedure_check_keys    (EdProcedure   *self,
                                         EdJsonReader  *reader,
                                         JsonObject    *object,
                                         const char * const *keys,
                                         const char * const *keys_2);
void        _ed_procedure_read_validity (EdProcedure   *self,
                                         EdJsonReader  *reader,
                                         JsonObject    *object,
                                         char         **valid_from,
                                         char         **valid_until);
GPtrArray  *_ed_procedure_read_source_ids (EdProcedure *self,
                                         EdJsonReader  *reader,
                                         JsonObject    *object,
                                         gboolean       required);
EdCondition *_ed_procedure_read_condition (EdProcedure *self,
                                         EdJsonReader  *reader,
                                         JsonObject    *object,
                                         const char    *key);
GPtrArray  *_ed_procedure_read_questions (EdProcedure  *self,
                                         EdJsonReader  *reader,
                                         JsonObject    *top);
GPtrArray  *_ed_procedure_read_fees     (EdProcedure   *self,
                                         EdJsonReader  *reader,
                                         JsonObject    *top);
void        _ed_procedure_read_relations (EdProcedure  *self,
                                         EdJsonReader  *reader,
                                         JsonObject    *top);
void        _ed_procedure_set_successor_title (EdProcedure *self,
                                               EdText      *title);
void        _ed_procedure_choice_free   (EdChoice      *choice);

G_END_DECLS
