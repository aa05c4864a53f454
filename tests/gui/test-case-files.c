/* test-case-files.c — export and import, retention and purge, quitting
 *
 * In a real window, in the UI language. The file choosers cannot be
 * driven under Xvfb: the tests give the list the files the choosers
 * would, and look at what staff see: toasts, dialogs, the rows, and what
 * the database holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "ed-banner.h"
#include "ed-cases-group.h"
#include "ed-core.h"
#include "ed-purge-review.h"
#include "ed-test-cases.h"
#include "ed-test-gui.h"
#include "ed-test-store.h"
#include "ed-test-util.h"
#include "ed-window.h"

#define DAY (24 * 60 * 60)

typedef struct
{
  const char *not_imported;
  const char *delete_two;
} Expected;

static const Expected expected[ED_N_LANGUAGES] = {
  [ED_LANGUAGE_EN]    = { "Case Not Imported", "Delete 2 Old Cases?" },
  [ED_LANGUAGE_JA]    = { "案件を読み込めませんでした", "古い案件 2 件を削除しますか？" },
  [ED_LANGUAGE_ZH_CN] = { "未导入案件", "要删除 2 个旧案件吗？" },
  [ED_LANGUAGE_ZH_TW] = { "未匯入案件", "要刪除 2 個舊案件嗎？" },
};

static EdApplication *app;
static char *tmp;

static const Expected *
want (void)
{
  return &expected[ed_language_for_ui ()];
}

static EdStore *
store (void)
{
  return ed_test_wait_for_store (app);
}

static EdCaseListView *
view (void)
{
  return ed_test_case_list_view (app);
}

static GFile *
tmp_file (const char *name)
{
  g_autofree char *path = g_build_filename (tmp, name, NULL);

  return g_file_new_for_path (path);
}

static void
wait_for_file (GFile *file)
{
  ED_TEST_WAIT_FOR (g_file_query_exists (file, NULL));
}

static gint64
count_all (void)
{
  return ed_test_count_cases (store (), "1");
}

static void
assert_same_traveller (EdTraveller *a,
                       EdTraveller *b)
{
  const char *keys[] = { "surname", "given_names", "native_name", "passport_number", "birth_date" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_cmpstr (ed_traveller_get (a, keys[i]), ==, ed_traveller_get (b, keys[i]));
}

/* Out to a file and back, as a new case since the reference is taken. */
static void
test_case_files_round_trip (void)
{
  g_autoptr(EdTraveller) li = ed_test_traveller ("LI", "NA", "李娜", NULL, "E87654321");
  g_autoptr(EdCase) kase = NULL;
  g_autoptr(EdCase) copy = NULL;
  g_autoptr(GFile) file = tmp_file ("exported.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *exported = g_strdup_printf (_("Case exported to “%s”"), "exported.json");
  g_autofree char *imported_prefix = NULL;
  GtkWidget *window = ed_test_main_window (app);
  AdwMessageDialog *dialog;
  EdCaseList *cases;
  gint64 copy_id = 0;

  ed_traveller_set (li, "birth_date", "1990-04-01");
  kase = ed_test_add_case (store (), "jp-entry-waiting-mysos", g_object_ref (li), NULL);
  ed_test_wait_for_rows (view (), 1);

  ed_case_list_view_export (view (), ed_case_get_id (kase), file);
  ed_test_wait_for_toast (window, exported);
  wait_for_file (file);
  /* Personal data: readable by the user only. */
  g_assert_cmpuint (ed_test_file_mode (path), ==, 0600);

  /* The same case again: offered as a new case. */
  ed_case_list_view_import (view (), file);
  dialog = ed_test_wait_for_dialog (_("Case Already Imported"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), ed_case_get_reference (kase)));
  g_assert_cmpint (count_all (), ==, 1);
  ed_test_screenshot (GTK_WIDGET (dialog), "import-exists");
  ed_test_respond (dialog, _("Import as a _New Case"));

  ed_test_wait_for_rows (view (), 2);
  cases = ed_case_list_view_get_cases (view ());
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(EdCaseInfo) info = g_list_model_get_item (G_LIST_MODEL (cases), i);

      if (ed_case_info_get_id (info) != ed_case_get_id (kase))
        copy_id = ed_case_info_get_id (info);
    }
  g_assert_cmpint (copy_id, !=, 0);
  copy = ed_store_load_case (store (), copy_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_case_get_reference (copy), !=, ed_case_get_reference (kase));
  imported_prefix = g_strdup_printf (_("Imported %s: %s"), ed_case_get_reference (copy), "LI NA");
  ed_test_wait_for_toast (window, imported_prefix);

  /* Everything else came back as it was. */
  g_assert_cmpstr (ed_case_get_procedure_id (copy), ==, ed_case_get_procedure_id (kase));
  g_assert_cmpuint (ed_case_get_n_travellers (copy), ==, 1);
  assert_same_traveller (ed_case_get_traveller (copy, 0), li);

  ed_test_screenshot (window, "cases-imported");
}

/* A line of @problems starts with @place, then what is wrong. */
static void
assert_problem_at (const char *problems,
                   const char *place)
{
  g_auto(GStrv) lines = g_strsplit (problems, "\n", -1);
  g_autofree char *start = g_strdup_printf (C_("import problem", "%s: %s"), place, "");

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], start))
      return;

  g_error ("no problem at “%s” in:\n%s", place, problems);
}

/* A malformed file adds nothing, and every problem is listed. */
static void
test_case_files_import_errors (void)
{
  g_autoptr(GFile) file = tmp_file ("broken-case.json");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GtkWidget) label = NULL;
  AdwMessageDialog *dialog;
  gint64 before = count_all ();
  const char *problems;
  GtkWidget *extra;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *unknown_field = NULL;

  g_assert_true (g_file_set_contents (path,
                                      "{\"entry_desk_case\": 1, \"reference\": \"XX\", "
                                      "\"status\": \"weird\", \"notez\": \"call back\", "
                                      "\"travellers\": [{\"surname\": 5}, "
                                      "{\"pasport_number\": \"E1\"}]}", -1, NULL));
  ed_case_list_view_import (view (), file);
  dialog = ed_test_wait_for_dialog (want ()->not_imported);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "broken-case.json"));

  extra = adw_message_dialog_get_extra_child (dialog);
  g_assert_nonnull (extra);
  label = g_object_ref (GTK_WIDGET (ed_test_find_widget (extra, GTK_TYPE_LABEL, NULL)));
  problems = gtk_label_get_text (GTK_LABEL (label));
  /* One line a problem, each with its place in words, without the
   * file's path or a JSON path. */
  g_test_message ("%s", problems);
  assert_problem_at (problems, _("case reference"));
  assert_problem_at (problems, _("procedure"));
  assert_problem_at (problems, _("case status"));
  first = g_strdup_printf (_("traveller %u"), 1);
  second = g_strdup_printf (_("traveller %u"), 2);
  assert_problem_at (problems, first);
  assert_problem_at (problems, second);
  g_assert_nonnull (strstr (problems, "pasport_number"));
  unknown_field = g_strdup_printf (_("unknown field “%s”"), "notez");
  g_assert_nonnull (strstr (problems, unknown_field));
  g_assert_null (strstr (problems, "travellers["));
  g_assert_null (strstr (problems, path));
  g_assert_cmpint (count_all (), ==, before);
  ed_test_screenshot (GTK_WIDGET (dialog), "import-errors");
  ed_test_respond (dialog, _("_Close"));
}

static char *
format_time (gint64 seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (seconds);

  return g_date_time_format_iso8601 (time);
}

/* A case as another office would send it, closed @days_ago (open when
 * negative). */
static EdCaseInfo *
import_old_case (const char *surname,
                 int         days_ago)
{
  g_autoptr(GFile) file = tmp_file ("old.json");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *created = format_time (now - 1000 * DAY);
  g_autofree char *closed = format_time (now - (gint64) MAX (days_ago, 0) * DAY);
  g_autofree char *closed_member = NULL;
  g_autofree char *json = NULL;
  EdCaseInfo *info;

  if (days_ago >= 0)
    closed_member = g_strdup_printf ("\"closed\": \"%s\",", closed);
  json = g_strdup_printf ("{\"entry_desk_case\": 1, \"reference\": \"ED-0000-00\", "
                          "\"procedure\": \"jp-my-her-sys\", \"procedure_version\": 1, "
                          "\"status\": \"%s\", \"created\": \"%s\", \"modified\": \"%s\", %s "
                          "\"travellers\": [{\"surname\": \"%s\", \"given_names\": \"KIM\"}]}",
                          days_ago >= 0 ? "closed" : "open", created, closed,
                          closed_member != NULL ? closed_member : "", surname);
  g_assert_true (g_file_set_contents (path, json, -1, NULL));

  info = ed_store_import_case (store (), file, ED_IMPORT_NEW_REFERENCE, NULL, &error);
  g_assert_no_error (error);
  return info;
}

static gboolean
exists (EdCaseInfo *info)
{
  g_autofree char *where = g_strdup_printf ("id = %" G_GINT64_FORMAT, ed_case_info_get_id (info));

  return ed_test_count_cases (store (), where) == 1;
}

/* The references the review dialog lists. */
static GStrv
listed_references (AdwMessageDialog *dialog)
{
  GtkWidget *list = ed_test_find_widget (adw_message_dialog_get_extra_child (dialog),
                                         GTK_TYPE_LIST_BOX, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      g_strv_builder_add (builder, gtk_widget_get_name (row));

  return g_strv_builder_end (builder);
}

static GtkWindow *
open_preferences (void)
{
  GtkWindow *preferences;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = ed_test_find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  ed_test_wait_until_mapped (GTK_WIDGET (preferences));
  return preferences;
}

/* @toast: (transfer full) */
static void
show_in_main_window (AdwToast *toast,
                     gpointer  window)
{
  ed_window_add_toast (ED_WINDOW (window), toast);
}

/* Only the closed cases older than the retention period are listed,
 * and nothing goes until staff confirm. */
static void
test_case_files_purge (void)
{
  g_autoptr(EdCaseInfo) old_a = import_old_case ("PARK", 400);
  g_autoptr(EdCaseInfo) old_b = import_old_case ("CHOI", 800);
  g_autoptr(EdCaseInfo) recent = import_old_case ("KANG", 10);
  g_autoptr(EdCaseInfo) open = import_old_case ("JUNG", -1);
  g_auto(GStrv) listed = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *reminder = NULL;
  GtkWidget *banner;
  GtkWindow *preferences = open_preferences ();
  GtkWidget *group, *spin, *button;
  AdwMessageDialog *dialog;

  group = ed_test_find_widget (GTK_WIDGET (preferences), ED_TYPE_CASES_GROUP, NULL);
  g_assert_nonnull (group);
  g_assert_true (gtk_widget_is_sensitive (group));
  spin = ed_test_find_widget (group, GTK_TYPE_SPIN_BUTTON, NULL);
  button = ed_test_find_button (group, _("_Delete Old Cases…"));
  g_assert_nonnull (button);

  /* 0 keeps them: nothing to review. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (button));

  /* Saved in the database, where the command line reads it too. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 365);
  ED_TEST_WAIT_FOR (ed_store_get_retention_days (store ()) == 365);
  ed_test_screenshot (GTK_WIDGET (preferences), "preferences-cases");

  /* Reviewed, then cancelled: nothing deleted. */
  ed_test_click (button);
  dialog = ed_test_wait_for_dialog (want ()->delete_two);
  listed = listed_references (dialog);
  g_assert_cmpuint (g_strv_length (listed), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) listed,
                                  ed_case_info_get_reference (old_a)));
  g_assert_true (g_strv_contains ((const char * const *) listed,
                                  ed_case_info_get_reference (old_b)));
  g_assert_nonnull (ed_test_find_label (GTK_WIDGET (dialog), "PARK KIM"));
  ed_test_screenshot (GTK_WIDGET (dialog), "purge-preview");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  ed_test_respond (dialog, _("_Cancel"));
  ed_test_wait_store_idle (store ());
  g_assert_true (exists (old_a) && exists (old_b) && exists (recent) && exists (open));

  /* At start-up, a reminder; its Review shows the same list. */
  reminder = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u closed case is past the retention period",
                                           "%u closed cases are past the retention period", 2), 2);
  ed_purge_review_remind (GTK_WINDOW (ed_test_main_window (app)), store (),
                          ed_application_get_catalog (app), show_in_main_window,
                          g_object_ref (ed_test_main_window (app)), g_object_unref);
  /* It stays until acted on: in the window's bar, not a toast. */
  banner = ed_test_find_widget (ed_test_main_window (app), ED_TYPE_BANNER, NULL);
  g_assert_nonnull (banner);
  ed_test_wait_for_label (banner, reminder);
  ed_test_wait_revealed (banner);
  ed_test_screenshot (ed_test_main_window (app), "purge-reminder");
  ed_test_click (ed_test_find_button (banner, _("_Review…")));
  dialog = ed_test_wait_for_dialog (want ()->delete_two);
  ed_test_respond (dialog, _("_Cancel"));
  g_assert_true (exists (old_a) && exists (old_b));

  /* Confirmed: exactly those two. */
  ed_test_click (button);
  dialog = ed_test_wait_for_dialog (want ()->delete_two);
  ed_test_respond (dialog, _("_Delete"));
  deleted = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Deleted %u old case",
                                          "Deleted %u old cases", 2), 2);
  ed_test_wait_for_toast (GTK_WIDGET (preferences), deleted);
  g_assert_false (exists (old_a));
  g_assert_false (exists (old_b));
  g_assert_true (exists (recent) && exists (open));

  gtk_window_destroy (preferences);
}

/* What was typed in the last second is written when the app quits. */
static void
test_case_files_quit_flushes (void)
{
  g_autoptr(EdCase) kase = NULL;
  g_autoptr(EdStore) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (ed_store_get_path (store ()));

  kase = ed_test_add_case (store (), "jp-my-her-sys",
                           ed_test_traveller ("OKAFOR", "CHIDI", NULL, NULL, NULL), NULL);
  /* No autosave before the quit. */
  ed_store_set_autosave_delays (store (), 60000, 60000);
  ed_traveller_set (ed_case_get_traveller (kase, 0), "given_names", "CHIDI EMEKA");
  g_assert_true (ed_store_has_unsaved_changes (store ()));

  ed_test_stop_app (app);

  again = ed_store_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ed_test_count_found (again, "emeka", ED_CASE_QUERY_OPEN), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  int status;

  tmp = ed_test_isolate ();

  ed_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = ed_test_start_app ();

  g_test_add_func ("/case-files/round-trip", test_case_files_round_trip);
  g_test_add_func ("/case-files/import-errors", test_case_files_import_errors);
  g_test_add_func ("/case-files/purge", test_case_files_purge);
  g_test_add_func ("/case-files/quit-flushes", test_case_files_quit_flushes);

  status = g_test_run ();

  /* The application is not finalized: registered without
   * g_application_run(), it would warn that it never unregistered. */
  ed_test_rm_rf (tmp);
  g_free (tmp);
  return status;
}
