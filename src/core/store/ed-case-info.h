/* ed-case-info.h — a case as a list shows it, without loading it
 *
 * What the store's search and list return: enough to draw a row (the
 * travellers' names, the first one's in native script, the procedures of
 * the journey, the next deadline, how many checklist items are done, how
 * far it is in the steps that apply, the status and dates) and the id to open the case with.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ed-case.h"
#include "ed-case-flow.h"
#include "ed-timeline.h"

G_BEGIN_DECLS

#define ED_TYPE_CASE_INFO (ed_case_info_get_type ())

G_DECLARE_FINAL_TYPE (EdCaseInfo, ed_case_info, ED, CASE_INFO, GObject)

gint64               ed_case_info_get_id                (EdCaseInfo *self);
const char          *ed_case_info_get_reference         (EdCaseInfo *self);
const char          *ed_case_info_get_procedure_id      (EdCaseInfo *self);
int                  ed_case_info_get_procedure_version (EdCaseInfo *self);
const char          *ed_case_info_get_current_step      (EdCaseInfo *self);
EdCaseStatus         ed_case_info_get_status            (EdCaseInfo *self);
const char * const  *ed_case_info_get_names             (EdCaseInfo *self);
const char          *ed_case_info_get_title             (EdCaseInfo *self);
const char          *ed_case_info_get_native_name       (EdCaseInfo *self);
guint                ed_case_info_get_n_travellers      (EdCaseInfo *self);
guint                ed_case_info_get_n_done            (EdCaseInfo *self);
gint64               ed_case_info_get_created           (EdCaseInfo *self);
gint64               ed_case_info_get_modified          (EdCaseInfo *self);
gint64               ed_case_info_get_closed            (EdCaseInfo *self);
const char          *ed_case_info_get_changed_by        (EdCaseInfo *self);
const char          *ed_case_info_get_open_elsewhere    (EdCaseInfo *self);
gboolean             ed_case_info_get_waiting           (EdCaseInfo *self);
const char          *ed_case_info_get_journey_id        (EdCaseInfo *self);
const char * const  *ed_case_info_get_procedure_ids     (EdCaseInfo *self);
const EdNextDue     *ed_case_info_get_next_due          (EdCaseInfo *self);
gboolean             ed_case_info_get_progress          (EdCaseInfo     *self,
                                                         EdCaseProgress *progress);

G_END_DECLS
