/* ed-bench-cases.h — cases such as an office keeps, and searching them, for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-core.h"

G_BEGIN_DECLS

EdCaseRecord *ed_bench_make_record (GRand   *rand,
                                    gint64   now);
double        ed_bench_type        (EdStore *store,
                                    guint    repeat);

G_END_DECLS
