/* ed-qr-view.h — a QR code on screen, large enough to scan with a phone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ED_TYPE_QR_VIEW (ed_qr_view_get_type ())

G_DECLARE_FINAL_TYPE (EdQrView, ed_qr_view, ED, QR_VIEW, GtkWidget)

GtkWidget  *ed_qr_view_new      (const char *text,
                                 int         size);
const char *ed_qr_view_get_text (EdQrView   *self);

G_END_DECLS
