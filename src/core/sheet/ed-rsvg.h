/* ed-rsvg.h — librsvg, for SVG logos, opened when first needed (ed-module.h)
 *
 * Include it instead of librsvg/rsvg.h: rsvg_handle_new_from_file () and
 * the rest are then calls through ed_rsvg ()'s table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <librsvg/rsvg.h>

#include "ed-module.h"

G_BEGIN_DECLS

#define ED_RSVG_FUNCTIONS(F) \
  F (rsvg_handle_get_geometry_for_layer) \
  F (rsvg_handle_get_intrinsic_size_in_pixels) \
  F (rsvg_handle_new_from_file) \
  F (rsvg_handle_render_document)

ED_MODULE_DECLARE (EdRsvgFunctions, ED_RSVG_FUNCTIONS, ed_rsvg_load, ed_rsvg)

/* Every call below goes through the table: the library is opened by
 * the first. */
#ifndef ED_RSVG_NO_RENAME
#define rsvg_handle_get_geometry_for_layer       (ed_rsvg ()->rsvg_handle_get_geometry_for_layer)
#define rsvg_handle_get_intrinsic_size_in_pixels \
  (ed_rsvg ()->rsvg_handle_get_intrinsic_size_in_pixels)
#define rsvg_handle_new_from_file                (ed_rsvg ()->rsvg_handle_new_from_file)
#define rsvg_handle_render_document              (ed_rsvg ()->rsvg_handle_render_document)
#endif

G_END_DECLS
