/* ed-normalize.h — what staff type, in the form official systems accept
 *
 * Pure functions: each takes the text as typed and returns a new string
 * in the form the rules (ed-validate.h) check and the official forms
 * expect. They never refuse anything; what they cannot fix is left for
 * the rules to report. %NULL gives %NULL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ed-fold.h"
#include "ed-procedure.h"
#include "ed-traveller.h"

G_BEGIN_DECLS

char  *ed_normalize_name_latin       (const char    *text);
char  *ed_normalize_passport_number  (const char    *text);
char  *ed_normalize_phone            (const char    *text);
char  *ed_normalize_email            (const char    *text);
char  *ed_normalize_date             (const char    *text);
char  *ed_normalize_digits           (const char    *text);
char  *ed_normalize_code             (const char    *text);
char  *ed_normalize_country          (const char    *text);
char  *ed_normalize_choice           (const char    *text);
char  *ed_normalize_time             (const char    *text);

char  *ed_normalize_for_kind         (EdFieldKind    kind,
                                      const char    *value);
char  *ed_normalize_for_key          (const char    *key,
                                      const char    *value);
char  *ed_normalize_for_field        (const EdField *field,
                                      const char    *value);

void   ed_traveller_normalize        (EdTraveller   *traveller,
                                      EdProcedure   *procedure);

G_END_DECLS
