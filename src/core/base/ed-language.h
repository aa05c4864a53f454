/* ed-language.h — the languages of procedure content and sheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The UI language (the staff's) and the sheet languages (the
 * traveller's) are chosen separately; both come from this list. */
typedef enum
{
  ED_LANGUAGE_EN,
  ED_LANGUAGE_JA,
  ED_LANGUAGE_ZH_CN,
  ED_LANGUAGE_ZH_TW,
  ED_N_LANGUAGES
} EdLanguage;

/* Languages every procedure string must carry. */
#define ED_N_BASE_LANGUAGES 3

gboolean     ed_language_from_code    (const char  *code,
                                       EdLanguage  *language);
const char  *ed_language_code         (EdLanguage   language);
const char  *ed_language_bcp47        (EdLanguage   language);
const char  *ed_language_native_name  (EdLanguage   language);
EdLanguage   ed_language_for_ui       (void);
EdLanguage   ed_language_for_locale   (const char  *locale);
GArray      *ed_language_parse_list   (const char  *list,
                                       GError     **error);

G_END_DECLS
