/* ed-sheet-breaks.h — where a line of a sheet may end (private to the sheet)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pango.h>

#include "ed-language.h"

G_BEGIN_DECLS

typedef enum
{
  ED_SHEET_BREAKS_KINSOKU = 1 << 0,   /* closing punctuation, middle dots, small kana */
  ED_SHEET_BREAKS_URLS    = 1 << 1,   /* URLs in the text: only after "/" */
  ED_SHEET_BREAKS_URL     = 1 << 2,   /* the whole text is an address */
  ED_SHEET_BREAKS_WIDOW   = 1 << 3,   /* two characters at least on the last line */
  ED_SHEET_BREAKS_HEADING = 1 << 4,   /* only between phrases */
} EdSheetBreaks;

gboolean ed_sheet_breaks_apply (PangoAttrList *attrs,
                                const char    *text,
                                EdLanguage     language,
                                EdSheetBreaks  rules);

G_END_DECLS
