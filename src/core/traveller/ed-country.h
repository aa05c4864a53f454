/* ed-country.h — nationalities and issuing states as passports write them
 *
 * The countries of ISO 3166-1 (from iso-codes, names translated with
 * its gettext domain) and the codes only ICAO Doc 9303 defines: D for
 * Germany, GBD … GBS for the British nationality classes, UNO, XXA …
 * Search also finds what staff type that iso-codes does not name (台灣,
 * 韓國, UK). Without iso-codes, the codes and English names built in
 * (ed-country-builtin.h) stand in. Entries live as long as the process;
 * never free them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ed-language.h"

G_BEGIN_DECLS

typedef struct _EdCountry EdCountry;

const EdCountry  *ed_country_lookup          (const char      *code);
GPtrArray        *ed_country_search          (const char      *query);

const char       *ed_country_get_code        (const EdCountry *self);
const char       *ed_country_get_alpha_2     (const EdCountry *self);
const char       *ed_country_get_flag        (const EdCountry *self);
gboolean          ed_country_is_icao_only    (const EdCountry *self);
const char       *ed_country_get_name        (const EdCountry *self,
                                              EdLanguage       language);
const char       *ed_country_get_display_name (const EdCountry *self);

char             *ed_country_fold_for_search (const char      *text);

G_END_DECLS
