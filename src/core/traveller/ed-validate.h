/* ed-validate.h — the rules a traveller's data must meet
 *
 * Pure functions: they look at values and return the problems found,
 * never change anything. Values are normalised (ed-normalize.h) before
 * they are checked, so ＡＢ１２３ passes where AB123 does; what the
 * editor stores is the normalised value. Every value has a maximum
 * length (ed-field-limits.h), checked before anything else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ed-problem.h"
#include "ed-procedure.h"
#include "ed-traveller.h"

G_BEGIN_DECLS

GPtrArray      *ed_validate_traveller      (EdTraveller   *traveller,
                                            EdProcedure   *procedure,
                                            const GDate   *today);
GPtrArray      *ed_validate_field          (const EdField *field,
                                            const char    *value,
                                            EdTraveller   *traveller,
                                            const GDate   *today);
GPtrArray      *ed_validate_key            (const char    *key,
                                            const char    *value,
                                            EdTraveller   *traveller,
                                            const GDate   *today);
const EdField  *ed_validate_default_field  (const char    *key);
GPtrArray      *ed_validate_traveller_for_print (EdTraveller *traveller,
                                            EdProcedure   *procedure);
EdProblem      *ed_validate_length         (const EdField *field,
                                            const char    *name,
                                            const char    *value);
GPtrArray      *ed_validate_traveller_lengths (EdTraveller *traveller,
                                            EdProcedure   *procedure);

G_END_DECLS
