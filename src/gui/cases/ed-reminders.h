/* ed-reminders.h — desktop notifications of deadlines due soon or overdue
 *
 * At start-up (once the store is open) and every hour while the app
 * runs, the store's reminder check (ed_store_check_reminders()) says
 * which open cases have deadlines overdue or due within the days the
 * "reminder-days" setting says; each gets one notification, whose action
 * opens the case. The "reminders" setting turns them off.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ed-core.h"

G_BEGIN_DECLS

/* More cases than this at once: the rest in one notification. */
#define ED_REMINDERS_MAX_NOTIFICATIONS 4

#define ED_TYPE_REMINDERS (ed_reminders_get_type ())

G_DECLARE_FINAL_TYPE (EdReminders, ed_reminders, ED, REMINDERS, GObject)

EdReminders   *ed_reminders_new               (GApplication *application,
                                               EdStore      *store,
                                               EdCatalog    *catalog,
                                               GSettings    *settings);
void           ed_reminders_set_now           (EdReminders  *self,
                                               GDateTime    *now);
void           ed_reminders_check             (EdReminders  *self);
GNotification *ed_reminders_get_notification  (EdReminders  *self,
                                               const char   *id);
gboolean       ed_reminders_get_text          (EdReminders  *self,
                                               const char   *id,
                                               const char  **title,
                                               const char  **body);
guint          ed_reminders_get_n_checks      (EdReminders  *self);
char          *ed_reminders_id_for_case       (gint64        case_id);

G_END_DECLS
