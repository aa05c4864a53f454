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
#include "ed-case-flow.h"
#include "ed-case-info.h"
#include "ed-sheet-record.h"
#include "ed-timeline.h"

G_BEGIN_DECLS

/* The "entry_desk_case" number of the files this build writes: 2 has
 * the journey. */
#define ED_CASE_FILE_FORMAT 2

typedef struct
{
  int     traveller;      /* position in the case, -1 for the whole case */
  char   *procedure_id;
  char   *step_id;
  char   *item_id;
  gint64  done_at;
} EdRecordTick;

typedef struct
{
  gint64        id;                 /* 0 before the store took it */
  char         *reference;          /* canonical; NULL before the store took it */
  char         *procedure_id;       /* the current procedure */
  int           procedure_version;
  char         *journey_id;         /* the template it was started from, or NULL */
  GPtrArray    *procedures;         /* EdCaseProcedure, in order; holds procedure_id */
  char         *current_step;
  EdCaseStatus  status;
  gint64        closed;
  gint64        created;
  gint64        modified;
  char         *notes;
  GPtrArray    *travellers;         /* EdTraveller, owned by the record */
  GArray       *ticks;              /* EdRecordTick */
  GPtrArray    *sheets;             /* EdSheetRecord: export and import only */
  /* A shared store's: the version the record was read at (0 elsewhere),
   * and the database role that wrote it last (NULL elsewhere). */
  gint64        version;
  char         *changed_by;
  EdNextDue     next_due;           /* worked out by EdStore before a write; not in files */
  GArray       *deadlines;          /* EdDeadline, worked out with @next_due */
  gboolean      next_due_known;     /* else a save leaves the stored deadlines as they are */
  EdCaseProgress progress;          /* worked out with @next_due, written with it */
  gboolean      progress_known;     /* else the procedure is not in the catalog: none */
} EdCaseRecord;

EdCaseRecord  *ed_case_record_new            (void);
EdCaseRecord  *ed_case_record_new_from_case  (EdCase        *kase);
EdCase        *ed_case_record_to_case        (EdCaseRecord  *record);
void           ed_case_record_free           (EdCaseRecord  *record);
EdCaseRecord  *ed_case_record_copy           (EdCaseRecord  *record);
char         **ed_case_record_dup_names      (EdCaseRecord  *record);
char          *ed_case_list_native_name     (GPtrArray     *travellers);
EdCaseInfo    *ed_case_record_to_info        (EdCaseRecord  *record);
void           ed_case_record_ensure_journey (EdCaseRecord  *record);
void           ed_case_record_add_procedure  (EdCaseRecord  *record,
                                              const char    *procedure_id,
                                              int            procedure_version);
EdTimeline    *ed_case_record_compute_timeline (EdCaseRecord *record,
                                              EdCatalog     *catalog,
                                              GDateTime     *now,
                                              guint          soon_days);
void           ed_case_record_update_next_due (EdCaseRecord *record,
                                              EdCatalog     *catalog);

JsonNode      *ed_case_record_to_json        (EdCaseRecord  *record);
EdCaseRecord  *ed_case_record_new_from_data  (const char    *data,
                                              gsize          size,
                                              const char    *file,
                                              GError       **error);

char          *ed_case_format_time           (gint64         seconds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdCaseRecord, ed_case_record_free)

G_END_DECLS
