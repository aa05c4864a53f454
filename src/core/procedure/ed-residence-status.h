/* ed-residence-status.h — Japan's statuses of residence (在留資格) and
 * China's visa categories, as codes
 *
 * A traveller's `status_of_residence` and `visa_type` are codes from
 * these lists, so that a procedure's conditions can test them; staff
 * read them by their official names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ed-language.h"

G_BEGIN_DECLS

const char * const *ed_residence_status_codes     (void);
gboolean            ed_residence_status_is_code   (const char *code);
const char         *ed_residence_status_label     (const char *code,
                                                   EdLanguage  language);

const char * const *ed_visa_type_codes            (void);
gboolean            ed_visa_type_is_code          (const char *code);
const char         *ed_visa_type_label            (const char *code,
                                                   EdLanguage  language);

G_END_DECLS
