/* ed-json-scan-private.h — the scanner of ed-json-guard.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean     _ed_json_scan             (const char  *data,
                                        gsize        size,
                                        char       **place,
                                        char       **message);

G_END_DECLS
