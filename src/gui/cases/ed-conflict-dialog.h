/* ed-conflict-dialog.h — a case changed on this desk and another at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ed-core.h"

G_BEGIN_DECLS

AdwMessageDialog *ed_conflict_dialog_present (GtkWindow      *parent,
                                              EdStore        *store,
                                              EdCaseConflict *conflict);
char             *ed_conflict_field_title    (const EdConflictField *field);

G_END_DECLS
