/* ed-import-problems.h — a case file's problems in an office's words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *ed_import_problem_describe (const char *line);

G_END_DECLS
