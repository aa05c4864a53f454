/* ed-i18n.h — gettext set-up shared by the command line and the GUI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void         ed_i18n_init      (void);
char        *ed_i18n_language_fallback (const char *language,
                                        const char *locale);
const char  *ed_i18n_localedir (void);

G_END_DECLS
