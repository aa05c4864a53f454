/* test-office.c — two desks on one office database, one of them this window
 *
 * The app runs on an office database of the test's own server
 * (tests/ed-test-pg.c) as alice; the other desk is bob, on the same
 * database with a store of its own, as a second app instance would be.
 * What the issue asks: a case bob creates appears here within a second;
 * a case bob has open is shown as such; editing the same traveller on
 * both shows a conflict here instead of losing either, merged field by
 * field; stopping the server while typing loses nothing, and the window
 * says it is working offline until the server is back; a case bob starts
 * with a deadline due soon is reminded of here, and one started here
 * while the server was down, once it is back. The tests run in order,
 * each on what the one before left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "ed-conflict-dialog.h"
#include "ed-core.h"
#include "ed-office-bar.h"
#include "ed-reminders.h"
#include "ed-test-cases.h"
#include "ed-test-gui.h"
#include "ed-test-notifications.h"
#include "ed-test-pg.h"
#include "ed-test-procedure.h"
#include "ed-test-store.h"
#include "ed-test-util.h"
#include "ed-window.h"

static EdTestPg *server;
static char *database;
static EdApplication *app;
static EdStore *bob;
static EdCase *at_bob;       /* the case bob made, open on his desk */
static char *reference;
static char *as_alice;       /* the office database, as this desk */

/* What changed, as a user sees it, at 1280 and at 360 pixels: when
 * asked (ED_SCREENSHOT_WIDTHS), as resizing twice takes its time. */
static void
screenshot_widths (GtkWidget  *window,
                   const char *name)
{
  g_autofree char *wide = g_strconcat (name, "-1280", NULL);
  g_autofree char *narrow = g_strconcat (name, "-360", NULL);

  if (g_getenv ("ED_SCREENSHOT_WIDTHS") == NULL)
    {
      ed_test_screenshot (window, name);
      return;
    }
  ed_test_resize (GTK_WINDOW (window), 1280, 800);
  ed_test_screenshot (window, wide);
  ed_test_resize (GTK_WINDOW (window), 360, 720);
  ed_test_screenshot (window, narrow);
  ed_test_resize (GTK_WINDOW (window), 1280, 800);
}

static EdStore *
alice (void)
{
  return ed_test_wait_for_store (app);
}

static EdCaseListView *
view (void)
{
  return ed_test_case_list_view (app);
}

static gboolean
wait_until (gboolean (*done) (void),
            guint      ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) ms * 1000;

  while (!done () && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  return done ();
}

static gboolean
row_shown (void)
{
  return ed_test_find_case_row (view (), reference) != NULL;
}

/* Bob creates a case: it is in this window's list within a second. */
static void
test_office_new_case (void)
{
  g_autoptr(EdTraveller) traveller = ed_traveller_new ();
  g_autoptr(GError) error = NULL;
  gint64 started;

  ed_test_wait_for_rows (view (), 0);
  g_assert_true (ed_store_is_shared (alice ()));
  g_assert_cmpstr (ed_store_get_role (alice ()), ==, "alice");

  at_bob = ed_case_new ("jp-my-her-sys", 1);
  ed_traveller_set (traveller, "surname", "SAKURA");
  ed_traveller_set (traveller, "given_names", "MIKA");
  ed_case_add_traveller (at_bob, traveller);
  started = g_get_monotonic_time ();
  g_assert_true (ed_store_add_case (bob, at_bob, &error));
  g_assert_no_error (error);
  reference = g_strdup (ed_case_get_reference (at_bob));

  g_assert_true (wait_until (row_shown, 1000));
  g_assert_cmpint (g_get_monotonic_time () - started, <, G_USEC_PER_SEC);
  ed_test_screenshot (ed_test_main_window (app), "office-new-case");
}

/* Bob holds the case open: the row says so, naming his role. */
static gboolean
shown_open_elsewhere (void)
{
  EdCaseRow *row = ed_test_find_case_row (view (), reference);

  return row != NULL && ed_test_find_label (GTK_WIDGET (row), "bob") != NULL;
}

static void
test_office_open_elsewhere (void)
{
  /* Anything that makes the list search again shows it; the other
   * desk's announcement is one. */
  g_assert_true (wait_until (shown_open_elsewhere, 5000));
}

/* Both desks change the same traveller: the window shows the conflict,
 * the user merges field by field, nothing is lost. */
/* The button that takes the other desk's value: it names bob. */
static GtkWidget *
other_desk_toggle (GtkWidget *widget)
{
  if (GTK_IS_TOGGLE_BUTTON (widget))
    {
      const char *label = gtk_button_get_label (GTK_BUTTON (widget));

      return label != NULL && strstr (label, "bob") != NULL ? widget : NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = other_desk_toggle (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_office_conflict (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdCase) here = NULL;
  g_autoptr(EdStore) check = NULL;
  g_autoptr(EdCase) merged = NULL;
  g_autofree char *uri = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *toggle = NULL;
  GtkWidget *list;
  int position = 0;

  here = ed_store_load_case (alice (), ed_case_get_id (at_bob), &error);
  g_assert_no_error (error);
  ed_store_set_autosave_delays (alice (), 50, 100);

  /* Bob first: the surname and the phone. */
  ed_traveller_set (ed_case_get_traveller (at_bob, 0), "surname", "SAKURAI");
  ed_traveller_set (ed_case_get_traveller (at_bob, 0), "phone", "0901234567");
  g_assert_true (ed_store_flush (bob, &error));
  g_assert_no_error (error);

  /* Then here, before this desk heard of it: the surname and a note. */
  ed_traveller_set (ed_case_get_traveller (here, 0), "surname", "SAKURADA");
  ed_case_set_notes (here, "passport renewed");

  dialog = ed_test_wait_for_dialog (g_dgettext (GETTEXT_PACKAGE, "Changed on Another Desk"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "bob"));
  /* The case by its client, as the list names it, and its reference. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "SAKURADA MIKA"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), reference));
  ed_test_screenshot (GTK_WIDGET (dialog), "office-conflict");
  g_assert_true (ed_store_has_unsaved_changes (alice ()));

  /* The surname: take the other desk's; the rest as the merge has it:
   * bob's phone (only he changed it), this desk's note. */
  list = ed_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX, NULL);
  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row), position++)
    {
      EdCaseConflict *conflict = g_ptr_array_index (ed_store_get_conflicts (alice ()), 0);
      const EdConflictField *field = ed_case_conflict_get_field (conflict, (guint) position);
      GtkWidget *other = other_desk_toggle (row);

      if (field->kind == ED_CONFLICT_FIELD_DATA && g_strcmp0 (field->key, "surname") == 0)
        toggle = other;
    }
  g_assert_nonnull (toggle);
  ed_test_click (toggle);
  adw_message_dialog_response (dialog, "merge");
  /* As a click does: the response, then the dialog goes. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  ed_test_wait_saved (alice ());

  /* What the office has: bob's surname and phone, alice's note. */
  uri = ed_test_pg_uri (server, "office_admin", database);
  check = ed_store_open (uri, NULL, &error);
  g_assert_no_error (error);
  merged = ed_store_load_case (check, ed_case_get_id (here), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_traveller_get (ed_case_get_traveller (merged, 0), "surname"), ==,
                   "SAKURAI");
  g_assert_cmpstr (ed_traveller_get (ed_case_get_traveller (merged, 0), "phone"), ==,
                   "0901234567");
  g_assert_cmpstr (ed_case_get_notes (merged), ==, "passport renewed");
  g_assert_cmpstr (ed_case_get_notes (here), ==, "passport renewed");
  g_assert_cmpstr (ed_traveller_get (ed_case_get_traveller (here, 0), "surname"), ==, "SAKURAI");
}

static EdReminders *
reminders (void)
{
  ED_TEST_WAIT_FOR (ed_application_get_reminders (app) != NULL);
  return ed_application_get_reminders (app);
}

/* Checks now, and waits for the check to end. */
static void
check_reminders (void)
{
  guint before = ed_reminders_get_n_checks (reminders ());

  ed_reminders_check (reminders ());
  ED_TEST_WAIT_FOR (ed_reminders_get_n_checks (reminders ()) != before);
  g_assert_cmpuint (ed_reminders_get_n_checks (reminders ()), >, before);
}

/* Bob starts a jp-new-hire case for an engineer arriving 2027-01-10:
 * two days before the residence registration falls due, this desk is
 * reminded of it, with its reference; closed on bob's desk, it goes. */
static void
test_office_reminders (void)
{
  EdCatalog *catalog = ed_application_get_catalog (app);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Tokyo");
  g_autoptr(GDateTime) now = g_date_time_new (zone, 2027, 1, 21, 9, 0, 0);
  g_autoptr(GPtrArray) travellers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(EdCase) kase = NULL;
  g_autoptr(EdCaseInfo) info = NULL;
  g_autoptr(EdCaseInfo) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  const char *title = NULL;
  GListModel *cases;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, 1, 2027);
  g_ptr_array_add (travellers, ed_test_new_hire ("ZHANG", "WEI", "2027-01-10"));
  kase = ed_case_new_from_journey (ed_catalog_lookup_journey (catalog, "jp-new-hire"), catalog,
                                   travellers, &today, NULL, &error);
  g_assert_no_error (error);
  ed_store_set_catalog (bob, catalog);
  g_assert_true (ed_store_add_case (bob, kase, &error));
  g_assert_no_error (error);

  /* The next deadline bob's desk worked out is this desk's too. */
  info = ed_store_find_case (alice (), ed_case_get_reference (kase), &error);
  g_assert_no_error (error);
  g_assert_nonnull (info);
  g_assert_cmpint (ed_case_info_get_next_due (info)->due_at, >, 0);

  /* This window's list: the case first (the others have nothing due),
   * with its date. */
  ED_TEST_WAIT_FOR (ed_test_find_case_row (view (), ed_case_get_reference (kase)) != NULL);
  cases = G_LIST_MODEL (ed_case_list_view_get_cases (view ()));
  first = g_list_model_get_item (cases, 0);
  g_assert_cmpstr (ed_case_info_get_reference (first), ==, ed_case_get_reference (kase));
  g_assert_nonnull (ed_test_find_label (GTK_WIDGET (ed_test_find_case_row (
                                          view (), ed_case_get_reference (kase))),
                                        "2027-01-23"));
  ed_test_screenshot (ed_test_main_window (app), "office-next-deadline");

  ed_reminders_set_now (reminders (), now);
  check_reminders ();
  id = ed_reminders_id_for_case (ed_case_get_id (kase));
  g_assert_true (ed_reminders_get_text (reminders (), id, &title, NULL));
  g_assert_nonnull (strstr (title, ed_case_get_reference (kase)));

  ed_case_set_status (kase, ED_CASE_CLOSED);
  g_assert_true (ed_store_flush (bob, &error));
  check_reminders ();
  g_assert_false (ed_reminders_get_text (reminders (), id, NULL, NULL));
  ed_reminders_set_now (reminders (), NULL);
}

static EdOfficeBar *
office_bar (void)
{
  GtkWidget *bar = ed_test_find_widget (ed_test_main_window (app), ED_TYPE_OFFICE_BAR, NULL);

  g_assert_nonnull (bar);
  return ED_OFFICE_BAR (bar);
}

static gboolean
offline_shown (void)
{
  return ed_office_bar_get_shown (office_bar ());
}

static gboolean
back_online (void)
{
  return !ed_office_bar_get_shown (office_bar ()) && ed_store_get_n_queued (alice ()) == 0 &&
         !ed_store_has_unsaved_changes (alice ());
}

/* The server stops while staff type: the window says it works offline,
 * nothing typed is lost, and all of it reaches the server after. */
static void
test_office_offline (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdCase) here = NULL;
  g_autoptr(EdStore) check = NULL;
  g_autoptr(EdCase) there = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *typed = NULL;
  g_autoptr(EdCase) made = NULL;
  g_autoptr(EdTraveller) traveller = NULL;
  g_autofree char *made_reference = NULL;
  const char *waiting;

  here = ed_store_load_case (alice (), ed_case_get_id (at_bob), &error);
  g_assert_no_error (error);
  g_assert_false (offline_shown ());

  ed_test_pg_kill (server);
  for (guint i = 1; i <= 30; i++)
    {
      g_free (typed);
      typed = g_strdup_printf ("typed while the server was down, %u", i);
      ed_case_set_notes (here, typed);
      ed_test_drain ();
    }
  g_assert_true (wait_until (offline_shown, 5000));
  /* The cases listed stay listed: offline is not a desk without cases. */
  g_assert_nonnull (ed_test_find_label (ed_test_main_window (app), ed_case_get_reference (here)));

  /* A new case, offline: kept here, listed, marked as waiting. */
  made = ed_case_new ("jp-my-her-sys", 1);
  traveller = ed_traveller_new ();
  ed_traveller_set (traveller, "surname", "NAKAHARA");
  ed_case_add_traveller (made, traveller);
  ed_window_start_case (ED_WINDOW (ed_test_main_window (app)), made);
  ED_TEST_WAIT_FOR (ed_case_get_reference (made) != NULL);
  ed_window_show_cases (ED_WINDOW (ed_test_main_window (app)));
  made_reference = g_strdup (ed_case_get_reference (made));
  ED_TEST_WAIT_FOR (ed_test_find_case_row (view (), made_reference) != NULL);
  waiting = g_dgettext (GETTEXT_PACKAGE, "Waiting to be sent to the office database");
  g_assert_nonnull (ed_test_find_label (GTK_WIDGET (ed_test_find_case_row (view (),
                                                                           made_reference)),
                                        waiting));
  /* With the case typed into above, once its autosave came. */
  ED_TEST_WAIT_FOR (ed_store_get_n_queued (alice ()) == 2);
  screenshot_widths (ed_test_main_window (app), "office-offline");

  ed_test_pg_restart (server);
  g_assert_true (wait_until (back_online, 10000));
  /* Sent: no longer waiting. */
  ED_TEST_WAIT_FOR (ed_test_find_case_row (view (), made_reference) != NULL &&
                    ed_test_find_label (GTK_WIDGET (ed_test_find_case_row (view (),
                                                                           made_reference)),
                                        waiting) == NULL);

  uri = ed_test_pg_uri (server, "office_admin", database);
  check = ed_store_open (uri, NULL, &error);
  g_assert_no_error (error);
  there = ed_store_load_case (check, ed_case_get_id (here), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_case_get_notes (there), ==, typed);
  g_clear_object (&there);
  there = ed_store_load_case (check, ed_case_get_id (made), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_case_get_reference (there), ==, made_reference);
  g_assert_cmpstr (ed_traveller_get (ed_case_get_traveller (there, 0), "surname"), ==,
                   "NAKAHARA");
}

static void
count_sent_cb (EdReminders   *reminders,
               const char    *id,
               GNotification *notification,
               GHashTable    *sent)
{
  g_hash_table_replace (sent, g_strdup (id),
                        GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (sent, id)) + 1));
}

/* The server is down for the morning: alice starts a jp-new-hire case
 * on her desk, its deadlines worked out there and kept in the offline
 * queue, and the hour's reminder check finds no server. When the server
 * is back, the case is sent and the desk is reminded of it, without
 * waiting for the next hour, once. */
static void
test_office_reminders_back (void)
{
  EdCatalog *catalog = ed_application_get_catalog (app);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Tokyo");
  g_autoptr(GDateTime) now = g_date_time_new (zone, 2027, 1, 21, 9, 0, 0);
  g_autoptr(GPtrArray) travellers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(EdCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  EdTestNotification *shown;
  const char *title = NULL;
  GDate today;

  ed_reminders_set_now (reminders (), now);
  g_signal_connect (reminders (), "sent", G_CALLBACK (count_sent_cb), sent);

  ed_test_pg_kill (server);
  g_assert_true (wait_until (offline_shown, 5000));

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, 1, 2027);
  g_ptr_array_add (travellers, ed_test_new_hire ("LIU", "YANG", "2027-01-10"));
  kase = ed_case_new_from_journey (ed_catalog_lookup_journey (catalog, "jp-new-hire"), catalog,
                                   travellers, &today, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ed_store_add_case (alice (), kase, &error));
  g_assert_no_error (error);
  ED_TEST_WAIT_FOR (ed_store_get_n_queued (alice ()) == 1);
  /* The hour falls now: no server, nothing to say yet. */
  ed_reminders_check (reminders ());
  id = ed_reminders_id_for_case (ed_case_get_id (kase));
  g_assert_false (ed_reminders_get_text (reminders (), id, NULL, NULL));

  ed_test_pg_restart (server);
  g_assert_true (wait_until (back_online, 10000));
  /* Nothing clicked, no hour passed: the reminder comes. */
  ED_TEST_WAIT_FOR (ed_reminders_get_text (reminders (), id, &title, NULL));
  g_assert_nonnull (strstr (title, ed_case_get_reference (kase)));
  shown = ed_test_notifications_wait (ed_case_get_reference (kase));
  g_assert_nonnull (shown);
  g_assert_nonnull (strstr (shown->body, "2027-01-23"));

  /* Once: a check again, or the server coming back again, says nothing new. */
  check_reminders ();
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (sent, id)), ==, 1);

  g_signal_handlers_disconnect_by_func (reminders (), count_sent_cb, sent);
  ed_case_set_status (kase, ED_CASE_CLOSED);
  ed_test_wait_saved (alice ());
  check_reminders ();
  g_assert_false (ed_reminders_get_text (reminders (), id, NULL, NULL));
  ed_reminders_set_now (reminders (), NULL);
}

static gboolean
on_own_store (void)
{
  EdStore *store = ed_application_get_store (app);

  return store != NULL && !ed_store_is_shared (store);
}

static gboolean
on_office_store (void)
{
  EdStore *store = ed_application_get_store (app);

  return store != NULL && ed_store_is_shared (store) && row_shown ();
}

/* Preferences name another store: used at once, no restart. What was
 * typed in the case open is saved first, on the store it came from; the
 * window goes back to the list, which shows the new store's cases. */
static void
test_office_switch (void)
{
  GSettings *settings = ed_application_get_settings (app);
  GtkWidget *window = ed_test_main_window (app);
  g_autoptr(EdCase) here = NULL;
  g_autoptr(EdStore) check = NULL;
  g_autoptr(EdCase) there = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  gpointer old;
  gint64 id;

  here = ed_store_load_case (alice (), ed_case_get_id (at_bob), &error);
  g_assert_no_error (error);
  ed_store_set_autosave_delays (alice (), 5000, 10000);
  ed_window_show_case (ED_WINDOW (window), here);
  ed_case_set_notes (here, "typed just before switching");
  id = ed_case_get_id (here);
  g_assert_true (ed_store_has_unsaved_changes (alice ()));

  /* This desk's own file; the office database's store is let go, and
   * with it its connections (no other desk sees this one there). */
  old = alice ();
  g_object_add_weak_pointer (G_OBJECT (old), &old);
  g_unsetenv ("ENTRY_DESK_STORE");
  g_settings_set_string (settings, "office-database", "");
  g_assert_true (wait_until (on_own_store, 10000));
  g_clear_object (&here);
  ED_TEST_WAIT_FOR (old == NULL);
  g_assert_null (ed_window_get_case_page (ED_WINDOW (window)));
  ed_test_wait_for_rows (view (), 0);
  g_assert_false (row_shown ());
  g_assert_false (ed_office_bar_get_shown (office_bar ()));
  screenshot_widths (window, "office-switched-to-desk");

  uri = ed_test_pg_uri (server, "office_admin", database);
  check = ed_store_open (uri, NULL, &error);
  g_assert_no_error (error);
  there = ed_store_load_case (check, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_case_get_notes (there), ==, "typed just before switching");

  /* And back to the office database. */
  g_settings_set_string (settings, "office-database", as_alice);
  g_assert_true (wait_until (on_office_store, 10000));
  g_assert_cmpstr (ed_store_get_role (alice ()), ==, "alice");
  screenshot_widths (window, "office-switched-back");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *tmp = NULL;
  g_autofree char *admin = NULL;
  g_autofree char *as_bob = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  ed_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  if (!ed_test_pg_available ())
    {
      g_test_skip ("PostgreSQL (initdb) or openssl is not installed: run build-aux/deps");
      return 0;
    }

  tmp = ed_test_isolate ();
  server = ed_test_pg_start ();
  database = ed_test_pg_new_database (server);
  admin = ed_test_pg_uri (server, "office_admin", database);
  g_object_unref (ed_store_open (admin, NULL, &error));
  g_assert_no_error (error);

  as_alice = ed_test_pg_uri (server, "alice", database);
  as_bob = ed_test_pg_uri (server, "bob", database);
  bob = ed_store_open (as_bob, NULL, &error);
  g_assert_no_error (error);
  g_setenv ("ENTRY_DESK_STORE", as_alice, TRUE);
  ed_test_notifications_start ();
  app = ed_test_start_app ();

  g_test_add_func ("/office/new-case", test_office_new_case);
  g_test_add_func ("/office/open-elsewhere", test_office_open_elsewhere);
  g_test_add_func ("/office/conflict", test_office_conflict);
  g_test_add_func ("/office/reminders", test_office_reminders);
  g_test_add_func ("/office/offline", test_office_offline);
  g_test_add_func ("/office/reminders-back", test_office_reminders_back);
  g_test_add_func ("/office/switch", test_office_switch);

  status = g_test_run ();

  /* Quit, but the application is not finalized: registered without
   * g_application_run(), it would warn that it never unregistered. */
  ed_test_stop_app (app);
  g_clear_object (&at_bob);
  g_clear_object (&bob);
  ed_test_pg_stop (server);
  ed_test_rm_rf (tmp);
  g_free (reference);
  g_free (database);
  g_free (as_alice);
  return status;
}
