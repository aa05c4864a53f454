/* ed-test-util.h — what several test programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

int    ed_test_run_cli      (const char * const  *envp_extra,
                             const char * const  *args,
                             char               **out,
                             char               **err);
GSubprocess *ed_test_spawn_cli (const char * const *envp_extra,
                             const char * const  *args);
int    ed_test_wait_cli     (GSubprocess         *process,
                             char               **out,
                             char               **err);
char  *ed_test_make_tmpdir  (void);
void   ed_test_rm_rf        (const char          *path);
char  *ed_test_data_path    (const char          *first_part,
                             ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
