/* ed-case-record.h — a case as plain data, between threads and files
 *
 * The GUI edits an EdCase in the main thread; the store writes a record
 * copied from it in a worker thread, so typing never waits for the disk
 * and a save never sees a half-made change. Export and import go
 * through the same record and its JSON form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "ed-case.h"
#include "ed-case-info.h"
#include "ed-store.h"

G_BEGIN_DECLS

/* The "entry_desk_case" number of the files this build writes. */
#define ED_CASE_FILE_FORMAT 1

typedef struct
{
  int     traveller;      /* position in the case, -1 for the whole case */
  char   *step_id;
  char   *item_id;
  gint64  done_at;
} EdRecordTick;

typedef struct
{
  gint64        id;                 /* 0 before the store took it */
  char         *reference;          /* canonical; NULL before the store took it */
  char         *procedure_id;
  int           procedure_version;
  char         *current_step;
  EdCaseStatus  status;
  gint64        closed;
  gint64        created;
  gint64        modified;
  char         *notes;
  GPtrArray    *travellers;         /* EdTraveller, owned by the record */
  GArray       *ticks;              /* EdRecordTick */
  GPtrArray    *sheets;             /* EdSheetRecord: export and import only */
} EdCaseRecord;

EdCaseRecord  *ed_case_record_new            (void);
EdCaseRecord  *ed_case_record_new_from_case  (EdCase        *kase);
EdCase        *ed_case_record_to_case        (EdCaseRecord  *record);
void           ed_case_record_free           (EdCaseRecord  *record);
char         **ed_case_record_dup_names      (EdCaseRecord  *record);
EdCaseInfo    *ed_case_record_to_info        (EdCaseRecord  *record);

JsonNode      *ed_case_record_to_json        (EdCaseRecord  *record);
EdCaseRecord  *ed_case_record_new_from_data  (const char    *data,
                                              gsize          size,
                                              const char    *file,
                                              GError       **error);

char          *ed_case_format_time           (gint64         seconds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdCaseRecord, ed_case_record_free)

G_END_DECLS
