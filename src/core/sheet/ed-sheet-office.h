/* ed-sheet-office.h — the firm's letterhead on its sheets
 *
 * An office file is a JSON object with the keys `name` (required),
 * `address`, `phone`, `email`, `handler` (who looks after the client)
 * and `logo` (a path to an SVG or PNG file, relative to the office
 * file's folder). Set once in Preferences, or given to the command line
 * with --office; without one, a sheet prints no letterhead at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _EdSheetOffice EdSheetOffice;

#define ED_TYPE_SHEET_OFFICE (ed_sheet_office_get_type ())

GType          ed_sheet_office_get_type      (void) G_GNUC_CONST;
EdSheetOffice *ed_sheet_office_new           (const char     *name);
EdSheetOffice *ed_sheet_office_new_from_data (const char     *data,
                                              gsize           size,
                                              const char     *path,
                                              GError        **error);
EdSheetOffice *ed_sheet_office_load          (const char     *path,
                                              GError        **error);
EdSheetOffice *ed_sheet_office_ref           (EdSheetOffice  *self);
void           ed_sheet_office_unref         (EdSheetOffice  *self);

void           ed_sheet_office_set           (EdSheetOffice  *self,
                                              const char     *key,
                                              const char     *value);
const char    *ed_sheet_office_get           (const EdSheetOffice *self,
                                              const char     *key);
gboolean       ed_sheet_office_set_logo      (EdSheetOffice  *self,
                                              const char     *path,
                                              GError        **error);
gboolean       ed_sheet_office_has_logo      (const EdSheetOffice *self);
void           ed_sheet_office_get_logo_size (const EdSheetOffice *self,
                                              double         *width,
                                              double         *height);
void           ed_sheet_office_draw_logo     (const EdSheetOffice *self,
                                              cairo_t        *cr,
                                              double          x,
                                              double          y,
                                              double          width,
                                              double          height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdSheetOffice, ed_sheet_office_unref)

G_END_DECLS
