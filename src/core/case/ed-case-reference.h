/* ed-case-reference.h — the short reference of a case, read aloud and typed
 *
 * A reference is "ED-" and six Crockford base32 characters, shown as
 * ED-7K3M-Q9. The alphabet has no I, L, O or U, so nothing reads as 0
 * or 1 or as a word; typed references forgive case, hyphens, spaces and
 * O/I/L for 0/1/1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Characters of a reference without "ED" and hyphens, as stored. */
#define ED_CASE_REFERENCE_LENGTH 6

char      *ed_case_reference_generate   (void);
char      *ed_case_reference_normalize  (const char *typed);
char      *ed_case_reference_format     (const char *canonical);

G_END_DECLS
