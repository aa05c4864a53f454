/* ed-error.h — the error domain of Entry Desk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ED_ERROR (ed_error_quark ())

/**
 * EdError:
 * @ED_ERROR_FAILED: anything not covered below
 * @ED_ERROR_INVALID: the input (a file, a field, a line) is not valid
 * @ED_ERROR_PARSE: the input could not be read at all (broken JSON, CSV, MRZ)
 * @ED_ERROR_NOT_FOUND: an id, a file or a record does not exist
 * @ED_ERROR_UNSUPPORTED: a newer format or an unknown kind
 * @ED_ERROR_IO: reading or writing a file failed
 * @ED_ERROR_CORRUPT: stored data is damaged
 * @ED_ERROR_NETWORK: a download failed
 * @ED_ERROR_SIGNATURE: a signature or a hash does not match
 * @ED_ERROR_EXISTS: a record with the same key (a case reference) exists
 * @ED_ERROR_CONFLICT: another desk changed a case since this one read it
 * @ED_ERROR_OFFLINE: the office database cannot be reached now
 * @ED_ERROR_DENIED: the database role may not do this
 *
 * Error codes are for code; what a user reads is the message, always
 * translated into the UI language.
 */
typedef enum
{
  ED_ERROR_FAILED,
  ED_ERROR_INVALID,
  ED_ERROR_PARSE,
  ED_ERROR_NOT_FOUND,
  ED_ERROR_UNSUPPORTED,
  ED_ERROR_IO,
  ED_ERROR_CORRUPT,
  ED_ERROR_NETWORK,
  ED_ERROR_SIGNATURE,
  ED_ERROR_EXISTS,
  ED_ERROR_CONFLICT,
  ED_ERROR_OFFLINE,
  ED_ERROR_DENIED,
} EdError;

GQuark ed_error_quark (void);

G_END_DECLS
