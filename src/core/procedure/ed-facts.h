/* ed-facts.h — what the rules of a procedure may know of one traveller
 *
 * The procedure module evaluates its date rules and applicability for a
 * traveller without knowing EdTraveller: whoever holds the traveller
 * fills an EdFacts (the traveller module does, ed_traveller_get_facts()).
 * Both lookups return %NULL (or "") for what the traveller has not got.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef const char *(*EdFactsLookupFunc) (gpointer    data,
                                          const char *name);

/**
 * EdFacts:
 * @get_key: a traveller key's value (`arrival_date`, `nationality`)
 * @get_answer: the answer to a field or question of the procedure, by id
 * @data: for both lookups
 * @today: the day to judge on (ages without an arrival date, statuses)
 */
typedef struct
{
  EdFactsLookupFunc  get_key;
  EdFactsLookupFunc  get_answer;
  gpointer           data;
  GDate              today;
} EdFacts;

G_END_DECLS
