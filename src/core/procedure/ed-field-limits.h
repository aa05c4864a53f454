/* ed-field-limits.h — how long a traveller's value may be
 *
 * Every value a traveller has, each traveller key and each answer to a
 * procedure's field, has a maximum length in characters (Unicode code
 * points) of the value as it is kept: normalised (ed-normalize.h), so
 * that the spaces typed inside a passport number do not count.
 *
 * Validation (ed-validate.h) refuses a longer value with the length and
 * the maximum, and says nothing else about it: a value pasted by
 * mistake is neither quoted back nor checked further, so one bad row
 * never stalls a batch. A field whose own check already counts its
 * length (a passport number, a phone number's digits, a `digits` rule
 * with `max_length`) says so in its own words up to
 * ED_FIELD_MAX_LENGTH characters.
 *
 * The readers of outside data (a batch CSV, a traveller file, a case
 * file) refuse, where they find it, a value longer than any field
 * allows: more than ED_FIELD_MAX_LENGTH characters as written.
 *
 * The maxima of the traveller keys (ed_traveller_key_max_length()), and
 * why:
 *
 * - surname, given_names: 100. ICAO 9303's machine-readable zone holds
 *   39 characters for both names together and cuts longer ones; the
 *   visual zone and the forms hold the whole name.
 * - native_name, phonetic_name: 100, as the Latin names.
 * - sex: 16. M, F or X; room for a word typed instead, which validation
 *   explains.
 * - birth_date, passport_expiry, arrival_date: 32, a date as typed
 *   (1990年4月25日) before it is read.
 * - nationality: 64. A three-letter code, or a country's name, for
 *   which validation suggests the code.
 * - passport_number: 9, ICAO 9303's document number field; a
 *   procedure's rule may allow more.
 * - email: 254. RFC 5321: a path is at most 256 octets, less its angle
 *   brackets.
 * - phone: 16. E.164: at most 15 digits, and a leading +.
 * - address_abroad, address_local: 300, the longest postal address,
 *   with room.
 * - arrival_port: 100, an airport's or a port's name.
 * - arrival_time: 16, a time as typed (23:30, ２３時３０分) before it is
 *   read.
 * - flight_number: 16. IATA: a two-character airline code and up to
 *   four digits, with a suffix letter; room for spaces typed.
 * - visa_type: 64, status_of_residence: 100. A code of the vocabulary
 *   (procedure/ed-residence-status.h), or its name typed out.
 * - stay_expiry: 32, a date as typed, as the other dates.
 * - residence_card_number: 16. Japan's residence card: two letters,
 *   eight digits, two letters (12); room for spaces typed.
 * - employer: 200, a company's registered name.
 *
 * An answer to a field of a procedure that does not fill a traveller
 * key may be as long as its rule's `max_length`, or else
 * ED_FIELD_MAX_LENGTH (ed_field_max_length()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ed-procedure.h"

G_BEGIN_DECLS

/* The longest value of any field, and of free text: a few paragraphs.
 * Also the highest `max_length` a procedure's rule may set. */
#define ED_FIELD_MAX_LENGTH 1000

guint     ed_traveller_key_max_length (const char     *key);
guint     ed_field_max_length         (const EdField  *field);
gboolean  ed_field_value_fits         (const char     *value,
                                       guint           max_length,
                                       guint          *length);
char     *ed_field_describe_too_long  (guint           length,
                                       guint           max_length);

G_END_DECLS
