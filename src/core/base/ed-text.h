/* ed-text.h — a text in several languages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ed-language.h"

G_BEGIN_DECLS

#define ED_TYPE_TEXT (ed_text_get_type ())

typedef struct _EdText EdText;

GType        ed_text_get_type (void) G_GNUC_CONST;
EdText      *ed_text_new      (void);
EdText      *ed_text_ref      (EdText       *self);
void         ed_text_unref    (EdText       *self);
void         ed_text_set      (EdText       *self,
                               EdLanguage    language,
                               const char   *text);
const char  *ed_text_get      (const EdText *self,
                               EdLanguage    language);
const char  *ed_text_lookup   (const EdText *self,
                               EdLanguage    language);
gboolean     ed_text_has      (const EdText *self,
                               EdLanguage    language);
gboolean     ed_text_contains (const EdText *self,
                               const char   *needle);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdText, ed_text_unref)

G_END_DECLS
