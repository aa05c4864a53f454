/* ed-mrz-box-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-mrz-box.h"

G_BEGIN_DECLS

char  *_ed_mrz_box_summarize  (const EdMrz *mrz,
                               GPtrArray   *problems);

G_END_DECLS
