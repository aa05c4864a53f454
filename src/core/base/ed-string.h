/* ed-string.h — a text held by an object, replaced only when it changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  ed_string_replace          (char       **slot,
                                      const char  *value);
char     *ed_string_escape_controls  (const char  *text);

G_END_DECLS
