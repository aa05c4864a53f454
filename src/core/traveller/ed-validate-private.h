/* ed-validate-private.h — the checks ed-validate.c combines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-validate.h"

G_BEGIN_DECLS

void  _ed_check_name_latin       (GPtrArray         *problems,
                                  const char        *field,
                                  const char        *value);
void  _ed_check_passport_number  (GPtrArray         *problems,
                                  const char        *field,
                                  const char        *value,
                                  int                max_length);
void  _ed_check_phone            (GPtrArray         *problems,
                                  const char        *field,
                                  const char        *value,
                                  const EdFieldRule *rule);
void  _ed_check_digits           (GPtrArray         *problems,
                                  const char        *field,
                                  const char        *value,
                                  const EdFieldRule *rule);
void  _ed_check_password         (GPtrArray         *problems,
                                  const char        *field,
                                  const char        *value,
                                  const EdFieldRule *rule);
void  _ed_check_pattern          (GPtrArray         *problems,
                                  const char        *field,
                                  const char        *value,
                                  const EdFieldRule *rule);
void  _ed_check_choice           (GPtrArray         *problems,
                                  const char        *field_name,
                                  const EdField     *field,
                                  const char        *value);

G_END_DECLS
