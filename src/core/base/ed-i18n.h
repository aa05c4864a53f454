/* ed-i18n.h — gettext set-up shared by the command line and the GUI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void         ed_i18n_init      (void);
const char  *ed_i18n_localedir (void);

G_END_DECLS
