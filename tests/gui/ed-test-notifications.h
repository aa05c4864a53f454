/* ed-test-notifications.h — the desktop's notification server, on the
 * test's own session bus: what the app sent, to check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  char  *summary;
  char  *body;
  GStrv  actions;
} EdTestNotification;

void                ed_test_notifications_start   (void);
EdTestNotification *ed_test_notifications_find    (const char *needle);
EdTestNotification *ed_test_notifications_wait   (const char *needle);
guint               ed_test_notifications_count   (void);

G_END_DECLS
