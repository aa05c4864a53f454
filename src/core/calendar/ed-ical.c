/* ed-ical.c — the table of ed-ical.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define ED_ICAL_NO_RENAME
#include "ed-ical.h"

ED_MODULE_DEFINE (EdIcalFunctions, ED_ICAL_FUNCTIONS, ED_LIBICAL_FILE, "libical3",
                  ed_ical_load, ed_ical)
