/* ed-pq.c — the table of ed-pq.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define ED_PQ_NO_RENAME
#include "ed-pq.h"

ED_MODULE_DEFINE (EdPqFunctions, ED_PQ_FUNCTIONS, ED_LIBPQ_FILE, "libpq5", ed_pq_load, ed_pq)
