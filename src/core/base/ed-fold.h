/* ed-fold.h — text folding, before any field's own normalisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *ed_fold_width          (const char *text);
char     *ed_fold_text           (const char *text);
char     *ed_fold_nfkc           (const char *text);
char     *ed_fold_nfkc_dropping  (const char *text,
                                  gboolean  (*drop) (gunichar c));
gboolean  ed_fold_is_dash        (gunichar    c);
gunichar  ed_fold_han            (gunichar    c);
char     *ed_fold_search         (const char *text);

G_END_DECLS
