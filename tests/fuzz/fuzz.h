/* fuzz.h — what every libFuzzer target of Entry Desk shares
 *
 * A target is tests/fuzz/fuzz-NAME.c, defining LLVMFuzzerTestOneInput(),
 * and a line in tests/fuzz/targets naming it and its seeds; build-aux/fuzz
 * builds and runs it; fuzz.c sets up the process for all of them. A
 * target feeds the bytes to one reader of outside data as the app does,
 * and uses what the reader accepts, so that the sanitizers see every
 * byte the reader hands on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <glib.h>

G_BEGIN_DECLS

int          LLVMFuzzerInitialize    (int            *argc,
                                      char         ***argv);
int          LLVMFuzzerTestOneInput  (const uint8_t  *data,
                                      size_t          size);

char        *fuzz_dup_text           (const uint8_t  *data,
                                      size_t          size);
const GDate *fuzz_today              (void);
gpointer     fuzz_procedure          (void);
gpointer     fuzz_catalog            (void);

G_END_DECLS
