/* ed-mo.h — gettext catalogs read directly, one per language
 *
 * gettext translates into one language per process; a check sheet prints
 * two or three at once. The sheet's own words and country names are
 * looked up here, in the same .mo files gettext uses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ed-language.h"

G_BEGIN_DECLS

typedef struct _EdMoFile EdMoFile;

EdMoFile    *ed_mo_file_new            (const char  *path,
                                        GError     **error);
EdMoFile    *ed_mo_file_new_from_bytes (GBytes      *bytes,
                                        const char  *name,
                                        GError     **error);
void         ed_mo_file_free           (EdMoFile    *self);
const char  *ed_mo_file_lookup         (EdMoFile    *self,
                                        const char  *context,
                                        const char  *msgid);

const char  *ed_translate              (EdLanguage   language,
                                        const char  *context,
                                        const char  *msgid) G_GNUC_FORMAT (3);
const char  *ed_translate_domain       (const char  *domain,
                                        const char  *localedir,
                                        EdLanguage   language,
                                        const char  *context,
                                        const char  *msgid);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdMoFile, ed_mo_file_free)

G_END_DECLS
