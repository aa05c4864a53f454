/* ed-csv-travellers.h — travellers read from a batch CSV
 *
 * A batch CSV has a header row of traveller keys (DESIGN.md "Traveller
 * data": surname, given_names, …) and `answers.<field-id>` columns for the
 * answers to a procedure's own fields; then one traveller a row. A bad
 * row is reported with its number, the column and the reason, and
 * skipped; the other rows are still read. What can be read safely is
 * read with a warning instead: full-width digits in dates, a passport
 * number with hyphens or spaces, a column that holds another procedure's
 * answers or a private field, a required value left empty (the sheet
 * marks it missing). A journey's batch is checked against each of its
 * procedures that applies to the row's traveller.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ed-catalog.h"
#include "ed-csv.h"
#include "ed-journey.h"
#include "ed-procedure.h"
#include "ed-traveller.h"

G_BEGIN_DECLS

/* The column prefix of a procedure field's answer: answers.<field-id>. */
#define ED_CSV_ANSWER_PREFIX "answers."
/* The column of a stored case's reference: the batch logs its sheet there. */
#define ED_CSV_CASE_REFERENCE "case_reference"

/**
 * EdCsvTraveller:
 * @row: the spreadsheet row number of the traveller
 * @traveller: the traveller the row describes
 * @case_reference: (nullable): the reference of the case the row belongs
 *   to, from the `case_reference` column
 * @n_missing: how many required values the row leaves empty: each is
 *   warned of, and marked missing on the sheet
 */
typedef struct
{
  guint        row;
  EdTraveller *traveller;
  char        *case_reference;
  guint        n_missing;
} EdCsvTraveller;

void          ed_csv_traveller_free      (EdCsvTraveller *row);

GPtrArray    *ed_csv_read_travellers     (GBytes         *bytes,
                                          EdProcedure    *procedure,
                                          EdCatalog      *catalog,
                                          GPtrArray     **problems,
                                          GError        **error);
GPtrArray    *ed_csv_load_travellers     (const char     *path,
                                          EdProcedure    *procedure,
                                          EdCatalog      *catalog,
                                          GPtrArray     **problems,
                                          GError        **error);
GPtrArray    *ed_csv_read_travellers_for_journey (GBytes    *bytes,
                                          EdJourney      *journey,
                                          EdCatalog      *catalog,
                                          GPtrArray     **problems,
                                          GError        **error);
GPtrArray    *ed_csv_load_travellers_for_journey (const char *path,
                                          EdJourney      *journey,
                                          EdCatalog      *catalog,
                                          GPtrArray     **problems,
                                          GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdCsvTraveller, ed_csv_traveller_free)

G_END_DECLS
