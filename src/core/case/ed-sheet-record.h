/* ed-sheet-record.h — one line of a case's audit log: a sheet printed
 *
 * Whoever prints a sheet for a stored case makes one of these and hands
 * it to the store (ed_store_log_sheet()); the sheet module makes them
 * without knowing the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ED_SHEET_PRINT,
  ED_SHEET_PDF,
  ED_SHEET_BATCH,
} EdSheetKind;

const char  *ed_sheet_kind_to_string   (EdSheetKind  kind);
gboolean     ed_sheet_kind_from_string (const char  *text,
                                        EdSheetKind *kind);

/**
 * EdSheetRecord:
 * @at: when it was printed or exported (seconds since 1970, UTC)
 * @kind: printed, saved as PDF, or part of a batch
 * @procedure_id: the procedure of the sheet
 * @procedure_version: its version at the time
 * @languages: the sheet languages, codes such as "ja"
 * @paper: "a4" or "letter"
 * @by: (nullable): in an office database, the database role that printed
 *   it, as the server recorded it; %NULL in a desk's own store
 * @journey: the sheet was one part of a journey sheet, which prints the
 *   timeline and then every procedure's sheet: one line a procedure
 * @user: (nullable): who printed it: the user name of the desk's
 *   account (g_get_user_name()); %NULL in lines logged before it was kept
 * @office: (nullable): the office profile of the letterhead printed on
 *   it (its name); %NULL for a sheet without a letterhead
 *
 * One line of a case's audit log: a sheet printed for one procedure.
 */
typedef struct
{
  gint64       at;
  EdSheetKind  kind;
  char        *procedure_id;
  int          procedure_version;
  char       **languages;
  char        *paper;
  char        *by;
  gboolean     journey;
  char        *user;
  char        *office;
} EdSheetRecord;

EdSheetRecord *ed_sheet_record_copy (const EdSheetRecord *record);
void           ed_sheet_record_free (EdSheetRecord       *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdSheetRecord, ed_sheet_record_free)

G_END_DECLS
