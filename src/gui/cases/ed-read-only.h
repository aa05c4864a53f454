/* ed-read-only.h — a case shown to a role that may only read it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void  ed_read_only_apply  (GtkWidget *root);

G_END_DECLS
