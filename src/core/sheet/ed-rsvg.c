/* ed-rsvg.c — the table of ed-rsvg.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define ED_RSVG_NO_RENAME
#include "ed-rsvg.h"

ED_MODULE_DEFINE (EdRsvgFunctions, ED_RSVG_FUNCTIONS, ED_LIBRSVG_FILE, "librsvg2-2",
                  ed_rsvg_load, ed_rsvg)
