/* ed-paths.h — where Entry Desk reads and writes its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The two sets of downloaded procedures in the updates folder. */
#define ED_PATHS_UPDATES_CURRENT "current"
#define ED_PATHS_UPDATES_OLD     "old"

void         ed_paths_init_profile          (void);
const char  *ed_paths_pkgdatadir           (void);
char        *ed_paths_system_procedures_dir (void);
char        *ed_paths_system_journeys_dir   (void);
char        *ed_paths_user_data_dir         (void);
char        *ed_paths_user_procedures_dir   (void);
char        *ed_paths_user_journeys_dir     (void);
char        *ed_paths_updates_dir           (void);
char        *ed_paths_updates_set_dir       (const char  *updates_dir);
char        *ed_paths_updates_current_dir   (void);
gboolean     ed_paths_ensure_private_dir    (const char  *path,
                                             GError     **error);
gboolean     ed_paths_ensure_private_file   (const char  *path,
                                             GError     **error);

G_END_DECLS
