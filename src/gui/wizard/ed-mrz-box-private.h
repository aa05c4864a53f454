/* ed-mrz-box-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-mrz-box.h"

G_BEGIN_DECLS

/* The details ed_mrz_apply_to_traveller() fills, NULL-terminated. */
extern const char * const _ed_mrz_box_filled_keys[];

char  *_ed_mrz_box_summarize  (const EdMrz *mrz,
                               GPtrArray   *problems);

/* ed-mrz-box-replace.c */
EdTraveller *_ed_mrz_box_preview     (EdTraveller *traveller,
                                      const EdMrz *mrz);
GPtrArray   *_ed_mrz_box_find_typed  (EdTraveller *traveller,
                                      EdTraveller *preview,
                                      GHashTable  *read_values);
GtkWidget   *_ed_mrz_box_ask_replace (EdMrzBox    *self,
                                      GPtrArray   *typed,
                                      GCallback    response_cb);

G_END_DECLS
