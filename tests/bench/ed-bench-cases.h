/* ed-bench-cases.h — cases such as an office keeps, for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-core.h"

G_BEGIN_DECLS

EdCaseRecord *ed_bench_make_record (GRand  *rand,
                                    gint64  now);

G_END_DECLS
