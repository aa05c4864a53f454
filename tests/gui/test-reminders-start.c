/* test-reminders-start.c — a reminder on the desktop when the app starts
 *
 * As an HR officer would meet it: a Chinese engineer hired in Tokyo,
 * arriving on 2027-01-10, has a case in the store; the real program is
 * started two days before 2027-01-23, the last day to register where he
 * lives (ENTRY_DESK_NOW fixes its clock), and with nothing clicked, the
 * desktop shows a reminder with the case reference and never his name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <gio/gio.h>

#include "ed-core.h"
#include "ed-test-cases.h"
#include "ed-test-notifications.h"
#include "ed-test-procedure.h"
#include "ed-test-util.h"

#define NOW "2027-01-21T09:00:00+09:00"

static char *tmp;

/* The case, in the store the program will open, with its next deadline. */
static EdCase *
store_new_hire (void)
{
  g_autoptr(EdCatalog) catalog = ed_catalog_new ();
  g_autoptr(GPtrArray) travellers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(EdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  EdCase *kase;
  GDate today;

  ed_catalog_load_default (catalog);
  store = ed_store_open (NULL, NULL, &error);
  g_assert_no_error (error);
  ed_store_set_catalog (store, catalog);

  g_ptr_array_add (travellers, ed_test_new_hire ("ZHANG", "WEI", "2027-01-10"));
  ed_date_today (&today);
  kase = ed_case_new_from_journey (ed_catalog_lookup_journey (catalog, "jp-new-hire"), catalog,
                                   travellers, &today, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ed_store_add_case (store, kase, &error));
  g_assert_no_error (error);
  g_assert_true (ed_store_flush (store, &error));
  g_assert_no_error (error);
  return kase;
}

static void
test_reminders_at_start (void)
{
  g_autoptr(EdCase) kase = store_new_hire ();
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GSubprocess) program = NULL;
  g_autoptr(GError) error = NULL;
  const char *reference = ed_case_get_reference (kase);
  EdTestNotification *reminder = NULL;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  g_assert_nonnull (g_getenv ("ENTRY_DESK"));
  g_subprocess_launcher_setenv (launcher, "ENTRY_DESK_NOW", NOW, TRUE);
  program = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("ENTRY_DESK"), NULL);
  g_assert_no_error (error);

  /* A start on a loaded machine may take a while; nothing is clicked. */
  while (reminder == NULL && g_get_monotonic_time () < deadline)
    reminder = ed_test_notifications_wait (reference);
  g_assert_nonnull (reminder);
  g_test_message ("Reminder: %s / %s", reminder->summary, reminder->body);
  g_assert_nonnull (strstr (reminder->body, "2027-01-23"));
  g_assert_null (strstr (reminder->summary, "ZHANG"));
  g_assert_null (strstr (reminder->body, "ZHANG"));
  g_assert_null (strstr (reminder->body, "WEI"));
  /* One, for the one case. */
  g_assert_cmpuint (ed_test_notifications_count (), ==, 1);

  g_subprocess_force_exit (program);
  g_subprocess_wait (program, NULL, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (NOW, NULL);
  g_autoptr(GDBusConnection) bus = NULL;
  int status;

  tmp = ed_test_isolate ();
  ed_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  /* The case is made at the same "now" as the program will judge it. */
  ed_date_set_now (now);
  /* Held for the whole test: the notification server lives on it. */
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_assert_nonnull (bus);
  ed_test_notifications_start ();

  g_test_add_func ("/reminders-start/at-start", test_reminders_at_start);

  status = g_test_run ();

  ed_test_rm_rf (tmp);
  g_free (tmp);
  return status;
}
