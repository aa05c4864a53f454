/* ed-link-row.h — a web page or app link: its QR code, address and buttons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ed-core.h"

G_BEGIN_DECLS

#define ED_TYPE_LINK_ROW (ed_link_row_get_type ())

G_DECLARE_FINAL_TYPE (EdLinkRow, ed_link_row, ED, LINK_ROW, GtkWidget)

GtkWidget     *ed_link_row_new      (const EdLink *link,
                                     EdLanguage    language,
                                     int           second_language);
const EdLink  *ed_link_row_get_link (EdLinkRow    *self);

G_END_DECLS
