/* test-reminders.c — desktop notifications of deadlines, at a fixed "now"
 *
 * A Chinese engineer hired in Tokyo, arriving on 2027-01-10: at start-up
 * three days before a deadline falls due, the case gets one notification
 * that says its reference and what is due (never a name), and whose
 * action opens it. None for a closed case or one with nothing due; many
 * cases share a last one; the setting turns them off.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "ed-application.h"
#include "ed-case-page.h"
#include "ed-core.h"
#include "ed-reminders.h"
#include "ed-test-cases.h"
#include "ed-test-gui.h"
#include "ed-test-notifications.h"
#include "ed-test-procedure.h"
#include "ed-test-util.h"
#include "ed-window.h"

static EdApplication *app;
static char *tmp;

static GDateTime *
tokyo (int year,
       int month,
       int day,
       int hour)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Tokyo");

  return g_date_time_new (zone, year, month, day, hour, 0, 0);
}

static EdTraveller *
engineer (const char *given_names,
          const char *arrival_date)
{
  return ed_test_new_hire ("ZHANG", given_names, arrival_date);
}

/* A jp-new-hire case, in the app's store. */
static EdCase *
add_new_hire (const char *given_names,
              const char *arrival_date)
{
  EdCatalog *catalog = ed_application_get_catalog (app);
  g_autoptr(GPtrArray) travellers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  EdCase *kase;
  GDate today;

  g_ptr_array_add (travellers, engineer (given_names, arrival_date));
  ed_date_today (&today);
  kase = ed_case_new_from_journey (ed_catalog_lookup_journey (catalog, "jp-new-hire"), catalog,
                                   travellers, &today, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ed_store_add_case (ed_test_wait_for_store (app), kase, &error));
  g_assert_no_error (error);
  return kase;
}

static EdReminders *
reminders (void)
{
  ED_TEST_WAIT_FOR (ed_application_get_reminders (app) != NULL);
  return ed_application_get_reminders (app);
}

/* Checks now, and waits for the check to end. */
static void
check (void)
{
  guint before = ed_reminders_get_n_checks (reminders ());

  ed_reminders_check (reminders ());
  ED_TEST_WAIT_FOR (ed_reminders_get_n_checks (reminders ()) != before);
  g_assert_cmpuint (ed_reminders_get_n_checks (reminders ()), >, before);
}

static gboolean
shown (EdCase      *kase,
       const char **title,
       const char **body)
{
  g_autofree char *id = ed_reminders_id_for_case (ed_case_get_id (kase));

  return ed_reminders_get_text (reminders (), id, title, body);
}

/* Three days before the residence registration falls due: one
 * notification, its reference and what is due, no name, no passport. */
static void
test_reminders_due_soon (void)
{
  g_autoptr(EdCase) kase = add_new_hire ("WEI", "2027-01-10");
  g_autoptr(EdCase) later = add_new_hire ("LI", "2027-06-01");
  const char *title = NULL;
  const char *body = NULL;
  GNotification *notification;
  g_autofree char *id = NULL;
  EdTestNotification *desktop;

  ed_store_flush (ed_test_wait_for_store (app), NULL);
  check ();

  g_assert_true (shown (kase, &title, &body));
  g_test_message ("%s", body);
  g_assert_nonnull (strstr (title, ed_case_get_reference (kase)));

  /* On the desktop, with a button. */
  desktop = ed_test_notifications_wait (ed_case_get_reference (kase));
  g_assert_nonnull (desktop);
  g_assert_null (strstr (desktop->body, "ZHANG"));
  g_assert_cmpuint (g_strv_length (desktop->actions), >=, 2);
  g_assert_null (strstr (body, "ZHANG"));
  g_assert_null (strstr (body, "EJ1234567"));
  g_assert_null (strstr (body, "1994"));
  g_assert_null (strstr (title, "ZHANG"));

  /* Arriving in June: nothing due yet. */
  g_assert_false (shown (later, NULL, NULL));

  /* Its action opens the case, on its page. */
  id = ed_reminders_id_for_case (ed_case_get_id (kase));
  notification = ed_reminders_get_notification (reminders (), id);
  g_assert_nonnull (notification);
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-case",
                                  g_variant_new_int64 (ed_case_get_id (kase)));
  ED_TEST_WAIT_FOR (ed_window_get_case_page (ED_WINDOW (ed_test_main_window (app))) != NULL);
  g_assert_nonnull (ed_window_get_case_page (ED_WINDOW (ed_test_main_window (app))));
  g_assert_cmpint (ed_case_get_id (ed_case_page_get_case (ED_CASE_PAGE (
                     ed_window_get_case_page (ED_WINDOW (ed_test_main_window (app)))))), ==,
                   ed_case_get_id (kase));
  ed_test_wait_until_mapped (ed_window_get_case_page (ED_WINDOW (ed_test_main_window (app))));
  g_assert_true (gtk_widget_get_child_visible (
    ed_window_get_case_page (ED_WINDOW (ed_test_main_window (app)))));
  ed_test_wait_for_paint (ed_window_get_case_page (ED_WINDOW (ed_test_main_window (app))));
  ed_test_screenshot (ed_test_main_window (app), "reminder-opened-case");
  ed_window_show_cases (ED_WINDOW (ed_test_main_window (app)));

  /* The same, checked again an hour later: not said twice. */
  check ();
  g_assert_true (shown (kase, NULL, NULL));
}

/* A closed case is not reminded of; what it showed goes. */
static void
test_reminders_closed (void)
{
  g_autoptr(EdCase) kase = add_new_hire ("MIN", "2027-01-10");

  ed_store_flush (ed_test_wait_for_store (app), NULL);
  check ();
  g_assert_true (shown (kase, NULL, NULL));

  ed_case_set_status (kase, ED_CASE_CLOSED);
  ed_store_flush (ed_test_wait_for_store (app), NULL);
  check ();
  g_assert_false (shown (kase, NULL, NULL));
}

/* Past four cases, the rest in one notification that opens the list. */
static void
test_reminders_many (void)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  const char *title = NULL;
  const char *body = NULL;

  for (guint i = 0; i < ED_REMINDERS_MAX_NOTIFICATIONS + 2; i++)
    g_ptr_array_add (cases, add_new_hire ("TAO", "2027-01-10"));
  ed_store_flush (ed_test_wait_for_store (app), NULL);
  check ();

  g_assert_true (ed_reminders_get_text (reminders (), "reminders-more", &title, &body));
  g_test_message ("%s", body);
  g_assert_nonnull (ed_reminders_get_notification (reminders (), "reminders-more"));

  /* Closed, they go; so does the last one. */
  for (guint i = 0; i < cases->len; i++)
    ed_case_set_status (g_ptr_array_index (cases, i), ED_CASE_CLOSED);
  ed_store_flush (ed_test_wait_for_store (app), NULL);
  check ();
  g_assert_false (ed_reminders_get_text (reminders (), "reminders-more", NULL, NULL));
}

/* Later, overdue: said again, as overdue. The setting off: withdrawn,
 * and no more checks. */
static void
test_reminders_overdue_and_off (void)
{
  g_autoptr(EdCase) kase = add_new_hire ("JUN", "2027-01-10");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GDateTime) late = tokyo (2027, 2, 15, 9);
  const char *due_title = NULL;
  const char *title = NULL;
  g_autofree char *soon = NULL;
  guint n_checks;

  ed_store_flush (ed_test_wait_for_store (app), NULL);
  check ();
  g_assert_true (shown (kase, &due_title, NULL));
  soon = g_strdup (due_title);

  ed_reminders_set_now (reminders (), late);
  check ();
  g_assert_true (shown (kase, &title, NULL));
  g_assert_cmpstr (title, !=, soon);
  g_test_message ("%s → %s", soon, title);
  ed_reminders_set_now (reminders (), NULL);

  g_settings_set_boolean (settings, "reminders", FALSE);
  ED_TEST_WAIT_FOR (!shown (kase, NULL, NULL));
  n_checks = ed_reminders_get_n_checks (reminders ());
  ed_reminders_check (reminders ());
  ed_test_drain ();
  g_assert_cmpuint (ed_reminders_get_n_checks (reminders ()), ==, n_checks);

  g_settings_set_boolean (settings, "reminders", TRUE);
  ED_TEST_WAIT_FOR (shown (kase, NULL, NULL));
}

/* Preferences: the switch and the days are the settings. */
static void
test_reminders_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWindow *preferences;
  GtkWidget *toggle;
  GtkWidget *spin;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = ed_test_find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  ed_test_wait_until_mapped (GTK_WIDGET (preferences));

  /* The Deadlines group comes before the Cases group. */
  toggle = ed_test_find_widget (GTK_WIDGET (preferences), GTK_TYPE_SWITCH, NULL);
  spin = ed_test_find_widget (GTK_WIDGET (preferences), GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_nonnull (toggle);
  g_assert_nonnull (spin);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 3);
  ed_test_screenshot (GTK_WIDGET (preferences), "preferences-reminders");

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 7);
  g_assert_cmpuint (g_settings_get_uint (settings, "reminder-days"), ==, 7);
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "reminders"));

  g_settings_reset (settings, "reminder-days");
  g_settings_reset (settings, "reminders");
  gtk_window_destroy (preferences);
  ed_test_drain ();
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GDateTime) now = NULL;
  int status;

  tmp = ed_test_isolate ();
  ed_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* Two days before 2027-01-23, the last day (counted safely) to
   * register where one lives for who arrived on 2027-01-10. */
  now = tokyo (2027, 1, 21, 9);
  ed_date_set_now (now);

  ed_test_notifications_start ();
  app = ed_test_start_app ();
  ed_test_wait_for_store (app);

  g_test_add_func ("/reminders/due-soon", test_reminders_due_soon);
  g_test_add_func ("/reminders/closed", test_reminders_closed);
  g_test_add_func ("/reminders/many", test_reminders_many);
  g_test_add_func ("/reminders/overdue-and-off", test_reminders_overdue_and_off);
  g_test_add_func ("/reminders/preferences", test_reminders_preferences);

  status = g_test_run ();

  /* Not finalized: registered without g_application_run(), it would
   * warn that it never unregistered. */
  ed_test_stop_app (app);
  ed_test_rm_rf (tmp);
  g_free (tmp);
  return status;
}
