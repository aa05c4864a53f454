/* ed-date.h — Gregorian dates as staff type and print them: YYYY-MM-DD
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  ed_date_parse       (const char  *text,
                               GDate       *date);
char     *ed_date_format      (const GDate *date);
void      ed_date_format_into (const GDate *date,
                               char         buffer[11]);
void      ed_date_today       (GDate       *date);
void      ed_date_set_now     (GDateTime   *now);
GDateTime *ed_date_dup_now    (void);

G_END_DECLS
