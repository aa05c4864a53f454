/* ed-qr.h — a QR code that draws itself with cairo
 *
 * Not a widget: the same object draws into a PDF page, a print job and
 * the on-screen preview, as vector rectangles on a white quiet zone that
 * a dark theme cannot eat.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

/* The quiet zone around the symbol, in modules (ISO/IEC 18004). */
#define ED_QR_QUIET_ZONE 4

typedef enum
{
  ED_QR_LEVEL_M,
  ED_QR_LEVEL_Q,
} EdQrLevel;

#define ED_TYPE_QR (ed_qr_get_type ())

G_DECLARE_FINAL_TYPE (EdQr, ed_qr, ED, QR, GObject)

EdQr        *ed_qr_new            (void);
EdQr        *ed_qr_new_for_text   (const char  *text,
                                   GError     **error);
gboolean     ed_qr_set_text       (EdQr        *self,
                                   const char  *text,
                                   GError     **error);
const char  *ed_qr_get_text       (EdQr        *self);
int          ed_qr_get_modules    (EdQr        *self);
int          ed_qr_get_version    (EdQr        *self);
EdQrLevel    ed_qr_get_level      (EdQr        *self);
gboolean     ed_qr_module_is_dark (EdQr        *self,
                                   int          x,
                                   int          y);
double       ed_qr_size_for_width (EdQr        *self,
                                   double       symbol_width);
void         ed_qr_draw           (EdQr        *self,
                                   cairo_t     *cr,
                                   double       x,
                                   double       y,
                                   double       size);

G_END_DECLS
