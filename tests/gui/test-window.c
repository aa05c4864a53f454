/* test-window.c — the main window in a real display, in the UI language
 *
 * Run under xvfb-run -a dbus-run-session, once per locale: the test
 * knows what the window must read in Japanese and in Simplified and
 * Traditional Chinese.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "ed-application.h"
#include "ed-core.h"
#include "ed-letterhead-group.h"
#include "ed-procedure-browser.h"
#include "ed-window.h"
#include "ed-test-gui.h"

typedef struct
{
  const char *welcome;
  const char *preferences;
} Expected;

static const Expected expected[ED_N_LANGUAGES] = {
  [ED_LANGUAGE_EN]    = { "Welcome to Entry Desk", "Preferences" },
  [ED_LANGUAGE_JA]    = { "Entry Desk へようこそ", "設定" },
  [ED_LANGUAGE_ZH_CN] = { "欢迎使用 Entry Desk", "首选项" },
  [ED_LANGUAGE_ZH_TW] = { "歡迎使用 Entry Desk", "偏好設定" },
};

static EdApplication *app;

#define wait_until_mapped ed_test_wait_until_mapped
#define find_toplevel ed_test_find_toplevel

/* A resize reaches the window's properties once the display has
 * configured the surface. */
static void
wait_for_setting (GSettings  *settings,
                  const char *key,
                  int         value)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_settings_get_int (settings, key) != value && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

/* Scrolls what holds @widget until @widget is at the top, for a picture
 * of it. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_point_t point;

  g_assert_nonnull (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_true (gtk_widget_compute_point (widget, scrolled, &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 12);
}

static GtkWindow *
main_window (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (ED_IS_WINDOW (window));
  wait_until_mapped (GTK_WIDGET (window));
  return window;
}

static AdwStatusPage *
find_status_page (GtkWidget *widget)
{
  if (ADW_IS_STATUS_PAGE (widget))
    return ADW_STATUS_PAGE (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwStatusPage *page = find_status_page (child);

      if (page != NULL)
        return page;
    }

  return NULL;
}

static void
test_window_translated (void)
{
  const Expected *want = &expected[ed_language_for_ui ()];
  GtkWindow *window = main_window ();
  AdwStatusPage *page = find_status_page (GTK_WIDGET (window));

  g_assert_nonnull (page);
  g_assert_cmpstr (adw_status_page_get_title (page), ==, want->welcome);
  g_assert_cmpstr (adw_status_page_get_description (page), !=, "");
  ed_test_screenshot (GTK_WIDGET (window), "window-empty");
}

static void
test_window_about (void)
{
  GtkWindow *about;

  main_window ();
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  wait_until_mapped (GTK_WIDGET (about));
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  ed_test_screenshot (GTK_WIDGET (about), "about");
  gtk_window_destroy (about);
}

static void
test_window_preferences (void)
{
  const Expected *want = &expected[ed_language_for_ui ()];
  GSettings *settings = ed_application_get_settings (app);
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWindow *preferences;

  main_window ();
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  wait_until_mapped (GTK_WIDGET (preferences));
  g_assert_cmpstr (gtk_window_get_title (preferences), ==, want->preferences);
  ed_test_screenshot (GTK_WIDGET (preferences), "preferences");

  /* Dark-mode aware: the setting reaches libadwaita's style manager. */
  g_settings_set_string (settings, "color-scheme", "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style));
  g_settings_set_string (settings, "color-scheme", "default");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);

  /* The office's letterhead, further down the page: for the help. */
  scroll_to (ed_test_find_widget (GTK_WIDGET (preferences), ED_TYPE_LETTERHEAD_GROUP, NULL));
  ed_test_screenshot (GTK_WIDGET (preferences), "preferences-letterhead");

  gtk_window_destroy (preferences);
}

/* Adds to @accels the accelerators @widget's shortcuts show, and to
 * @titles the titles of its groups; fails on a title seen twice. */
static void
collect_shortcuts (GtkWidget  *widget,
                   GHashTable *accels,
                   GHashTable *titles)
{
  g_autofree char *text = NULL;

  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_auto(GStrv) keys = NULL;

      g_object_get (widget, "accelerator", &text, NULL);
      keys = g_strsplit (text != NULL ? text : "", " ", -1);
      for (guint i = 0; keys[i] != NULL; i++)
        g_hash_table_add (accels, g_strdup (keys[i]));
    }
  else if (GTK_IS_SHORTCUTS_GROUP (widget))
    {
      g_object_get (widget, "title", &text, NULL);
      g_assert_false (g_hash_table_contains (titles, text));
      g_hash_table_add (titles, g_strdup (text));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, accels, titles);
}

/* Every shortcut is listed, with its keys; no two groups share a title
 * (in this language). Page Up and Page Down scroll a step: they turn the
 * check sheet's pages only. */
static void
test_window_shortcuts (void)
{
  GtkWindow *window = main_window ();
  GtkWindow *shortcuts;
  g_autoptr(GHashTable) accels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *listed[] = {
    "<Control>n", "<Control>i", "<Control>Return", "<Control>p", "<Alt>Right", "<Alt>Left",
    "Escape", "F9", "Return", "Delete", "Menu", "<Shift>F10", "Page_Up", "Page_Down",
    "<Control>equal", "<Control>minus", "<Control>0",
  };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  wait_until_mapped (GTK_WIDGET (shortcuts));
  ed_test_screenshot (GTK_WIDGET (shortcuts), "shortcuts");

  collect_shortcuts (GTK_WIDGET (shortcuts), accels, titles);
  for (guint i = 0; i < G_N_ELEMENTS (listed); i++)
    g_assert_true (g_hash_table_contains (accels, listed[i]));
  g_assert_cmpuint (g_hash_table_size (titles), >=, 5);

  gtk_window_close (shortcuts);
}

static void
test_window_size_remembered (void)
{
  GSettings *settings = ed_application_get_settings (app);
  GtkWindow *window = main_window ();
  EdWindow *second;
  int width, height;

  gtk_window_set_default_size (window, 812, 634);
  wait_for_setting (settings, "window-width", 812);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 812);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 634);

  second = ed_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, ==, 812);
  g_assert_cmpint (height, ==, 634);
  gtk_window_destroy (GTK_WINDOW (second));
}

static guint
count_visible_rows (GtkWidget *root)
{
  guint n = 0;

  if (ADW_IS_ACTION_ROW (root) && gtk_widget_is_visible (root))
    return 1;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_visible_rows (child);

  return n;
}

static void
test_window_procedures (void)
{
  GtkWindow *window = main_window ();
  EdCatalog *catalog = ed_application_get_catalog (ED_APPLICATION (app));
  GtkWidget *browser, *search;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-case", NULL));
  browser = ed_test_find_widget (GTK_WIDGET (window), ED_TYPE_PROCEDURE_BROWSER, NULL);
  g_assert_nonnull (browser);
  ed_test_wait_until_mapped (browser);
  /* A row for each journey, then one for each of the 21 procedures. */
  g_assert_cmpuint (g_list_model_get_n_items (ed_catalog_get_procedures (catalog)), ==, 21);
  g_assert_cmpuint (g_list_model_get_n_items (ed_catalog_get_journeys (catalog)), ==, 4);
  g_assert_cmpuint (count_visible_rows (browser), ==, 21 + 4);
  ed_test_screenshot (GTK_WIDGET (window), "procedures");

  /* Search in any of the three languages. */
  search = ed_test_find_widget (browser, GTK_TYPE_SEARCH_ENTRY, NULL);
  gtk_editable_set_text (GTK_EDITABLE (search), "大连");
  ED_TEST_WAIT_FOR (count_visible_rows (browser) == 1);
  gtk_editable_set_text (GTK_EDITABLE (search), "mysos");
  ED_TEST_WAIT_FOR (count_visible_rows (browser) == 1 &&
                      ed_test_find_label (browser, "MySOS") != NULL);
  gtk_editable_set_text (GTK_EDITABLE (search), "健康");
  ED_TEST_WAIT_FOR (count_visible_rows (browser) >= 7);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  ED_TEST_WAIT_FOR (count_visible_rows (browser) == 21 + 4);
}

static void
test_window_help_action (void)
{
  g_auto(GStrv) accels = NULL;

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.help");
  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, "F1");
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "help"));
}

/* A development build says so in its header bar, and takes an
 * application id of its own (meson.build). */
static void
test_window_profile (void)
{
  GtkWindow *window = main_window ();

  g_assert_cmpint (gtk_widget_has_css_class (GTK_WIDGET (window), "devel"), ==,
                   DEVELOPMENT_BUILD);
  g_assert_cmpstr (g_application_get_application_id (G_APPLICATION (app)), ==, APPLICATION_ID);
  g_assert_cmpint (g_strcmp0 (APPLICATION_ID, APP_ID) != 0, ==, DEVELOPMENT_BUILD);
}

/* How many rows under @root say @text in their subtitle. */
static guint
count_subtitles_with (GtkWidget  *root,
                      const char *text)
{
  guint n = 0;

  if (ADW_IS_ACTION_ROW (root))
    return strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (root)) ?: "", text) != NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_subtitles_with (child, text);

  return n;
}

/* Content not checked against its sources for longer than the setting
 * says so in the list; the setting is in Preferences. */
static void
test_window_review_age (void)
{
  GtkWindow *window = main_window ();
  GSettings *settings = ed_application_get_settings (app);
  EdLanguage ui = ed_language_for_ui ();
  g_autofree char *stale = NULL;
  GtkWidget *browser;
  guint n_stale = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-case", NULL));
  browser = ed_test_find_widget (GTK_WIDGET (window), ED_TYPE_PROCEDURE_BROWSER, NULL);
  ed_test_wait_until_mapped (browser);

  /* The shipped procedures were reviewed on 2026-12-06: ten days later
   * they are stale for a limit of one day, not for 180. */
  g_setenv ("ED_TODAY", "2026-12-16", TRUE);
  stale = g_strdup_printf (ed_translate (ui, "status",
                                         "Reviewed %s — check with the source before use"),
                           "2026-12-06");
  g_settings_set_uint (settings, "review-max-days", 1);
  n_stale = count_subtitles_with (browser, stale);
  g_assert_cmpuint (n_stale, ==, 12);
  ed_test_screenshot (GTK_WIDGET (window), "procedures-review");

  g_settings_set_uint (settings, "review-max-days", 180);
  g_assert_cmpuint (count_subtitles_with (browser, stale), ==, 0);
  g_unsetenv ("ED_TODAY");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  ed_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = ed_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));

  g_test_add_func ("/window/translated", test_window_translated);
  g_test_add_func ("/window/profile", test_window_profile);
  g_test_add_func ("/window/about", test_window_about);
  g_test_add_func ("/window/preferences", test_window_preferences);
  g_test_add_func ("/window/shortcuts", test_window_shortcuts);
  g_test_add_func ("/window/size-remembered", test_window_size_remembered);
  g_test_add_func ("/window/help-action", test_window_help_action);
  g_test_add_func ("/window/procedures", test_window_procedures);
  g_test_add_func ("/window/review-age", test_window_review_age);

  status = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  return status;
}
