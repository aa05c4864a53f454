/* ed-text-block.h — a procedure's text, in one language or side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ed-core.h"

G_BEGIN_DECLS

#define ED_TYPE_TEXT_BLOCK (ed_text_block_get_type ())

G_DECLARE_FINAL_TYPE (EdTextBlock, ed_text_block, ED, TEXT_BLOCK, GtkWidget)

/* No second language: the text in the staff's language only. */
#define ED_NO_LANGUAGE ((int) -1)

GtkWidget *ed_text_block_new              (EdText      *text,
                                           EdLanguage   language,
                                           int          second_language);
void       ed_text_block_set_languages    (EdTextBlock *self,
                                           EdLanguage   language,
                                           int          second_language);
void       ed_text_block_add_css_class    (EdTextBlock *self,
                                           const char  *css_class);

GtkWidget *ed_text_label_new              (const char  *text,
                                           EdLanguage   language);
void       ed_label_set_selectable        (GtkLabel    *label);

EdText    *ed_text_new_for_ui             (const char  *context,
                                           const char  *msgid);
GtkWidget *ed_text_heading_new            (const char  *context,
                                           const char  *msgid,
                                           int          second_language);

G_END_DECLS
