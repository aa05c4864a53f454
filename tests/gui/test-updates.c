/* test-updates.c — procedure updates in a real window, in the UI language
 *
 * A publisher signs a feed that a SoupServer on 127.0.0.1 serves; the
 * application checks it at start-up, from the main menu and from
 * Preferences. What is asserted is what staff would see: the toasts,
 * the procedures in the browser, the rows and messages in Preferences.
 * The tests run in order, each on what the one before left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "ed-application.h"
#include "ed-banner.h"
#include "ed-core.h"
#include "ed-procedure-browser.h"
#include "ed-toast.h"
#include "ed-update-progress.h"
#include "ed-updates-page.h"
#include "ed-window.h"
#include "ed-test-gui.h"
#include "ed-test-util.h"
#include "feed-fixture.h"

#define SAMPLE_ID   "xx-feed-sample"
#define MYNUMBER_ID "jp-mynumber-insurance-card"

/* The GUI's own words, as translators wrote them. */
typedef struct
{
  const char *menu_item;
  const char *two_changed;
  const char *not_updated;
  const char *no_feeds;
  const char *page_title;
} Expected;

static const Expected expected[ED_N_LANGUAGES] = {
  [ED_LANGUAGE_EN]    = { "Check for _Updates", "2 procedures changed: ", "Procedures Not Updated",
                          "No update feeds are set up. Add one in Preferences.", "Updates" },
  [ED_LANGUAGE_JA]    = { "更新を確認(_U)", "2 件の手続きが変わりました：", "手続きは更新されませんでした",
                          "更新フィードが設定されていません。設定で追加してください。", "更新" },
  [ED_LANGUAGE_ZH_CN] = { "检查更新(_U)", "2 个手续有变化：", "手续未更新",
                          "尚未设置更新源。请在首选项中添加。", "更新" },
  [ED_LANGUAGE_ZH_TW] = { "Check for _Updates", "2 procedures changed: ", "Procedures Not Updated",
                          "No update feeds are set up. Add one in Preferences.", "Updates" },
};

/* The sample's titles, and what the publisher renames it to. */
static const char * const sample_titles[][2] = {
  { "\"en\": \"Example procedure from a feed\"",
    "\"en\": \"Example procedure from a feed, revised\"" },
  { "\"ja\": \"フィードから届いた手続きの例\"", "\"ja\": \"フィードから届いた手続きの例（改訂）\"" },
  { "\"zh_CN\": \"来自更新源的手续示例\"", "\"zh_CN\": \"来自更新源的手续示例（修订）\"" },
};

static EdApplication *app;
static FeedFixture fixture;
static char *tmp;
static char *system_key_path;
static gboolean start_check_began;
static gboolean window_mapped_when_check_began;

static const Expected *
want (void)
{
  return &expected[ed_language_for_ui ()];
}

static EdFeed *
app_feed (void)
{
  return ed_updater_get_feed (ed_application_get_updater (app));
}

static EdCatalog *
app_catalog (void)
{
  return ed_application_get_catalog (app);
}

static GtkWidget *
main_window (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (ED_IS_WINDOW (window));
  ed_test_wait_until_mapped (GTK_WIDGET (window));
  return GTK_WIDGET (window);
}

/* Returns: the title of @id in the UI language, as the catalog has it now */
static const char *
title_of (const char *id)
{
  EdProcedure *procedure = ed_catalog_lookup (app_catalog (), id);

  g_assert_nonnull (procedure);
  return ed_text_lookup (ed_procedure_get_title (procedure), ed_language_for_ui ());
}

static int
version_of (const char *id)
{
  EdProcedure *procedure = ed_catalog_lookup (app_catalog (), id);

  return procedure != NULL ? ed_procedure_get_version (procedure) : 0;
}

static GtkWidget *
show_browser (void)
{
  GtkWidget *window = main_window ();
  GtkWidget *browser;

  g_assert_true (gtk_widget_activate_action (window, "win.new-case", NULL));
  browser = ed_test_find_widget (window, ED_TYPE_PROCEDURE_BROWSER, NULL);
  g_assert_nonnull (browser);
  ed_test_wait_until_mapped (browser);
  return browser;
}

/* The publisher puts the sample at @version, renamed when @revised. */
static void
publish_sample (int      version,
                gboolean revised)
{
  g_autofree char *sample = feed_fixture_sample_file (SAMPLE_ID ".json");
  g_autofree char *path = g_build_filename (fixture.source_dir, SAMPLE_ID ".json", NULL);
  g_autofree char *contents = NULL;

  feed_fixture_add (&fixture, sample, version);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  for (guint i = 0; revised && i < G_N_ELEMENTS (sample_titles); i++)
    {
      g_auto(GStrv) parts = g_strsplit (contents, sample_titles[i][0], -1);

      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      g_free (contents);
      contents = g_strjoinv (sample_titles[i][1], parts);
    }
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

/* As a click does, without GtkButton's activation delay. */
static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  ed_test_wait_clickable (button);
  g_signal_emit_by_name (button, "clicked");
}

static void
wait_until_finished (void)
{
  ED_TEST_WAIT_FOR (!ed_feed_get_running (app_feed ()));
}

static gboolean
progress_revealed (GtkWidget *window)
{
  GtkWidget *progress = ed_test_find_widget (window, ED_TYPE_UPDATE_PROGRESS, NULL);
  GtkWidget *revealer;

  g_assert_nonnull (progress);
  revealer = ed_test_find_widget (progress, GTK_TYPE_REVEALER, NULL);
  return gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

/* “Check for Updates” from the main menu; the progress shows at once. */
static void
check_from_menu (void)
{
  GtkWidget *window = main_window ();

  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "check-updates"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "check-updates", NULL);
  g_assert_true (ed_feed_get_running (app_feed ()));
  g_assert_true (progress_revealed (window));
  /* One update at a time. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "check-updates"));
}

static gboolean
menu_has_item (GMenuModel *menu,
               const char *action,
               const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *item_action = NULL;
      g_autofree char *item_label = NULL;
      GMenuModel *section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      gboolean found = FALSE;

      if (section != NULL)
        {
          found = menu_has_item (section, action, label);
          g_object_unref (section);
          if (found)
            return TRUE;
          continue;
        }

      g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action);
      g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label);
      if (g_strcmp0 (item_action, action) == 0 && g_strcmp0 (item_label, label) == 0)
        return TRUE;
    }

  return FALSE;
}

static GtkMenuButton *
find_primary_menu_button (GtkWidget *root)
{
  if (GTK_IS_MENU_BUTTON (root) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (root)))
    return GTK_MENU_BUTTON (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_primary_menu_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Started after the window was on screen; it added the sample and said so. */
static void
test_updates_at_start (void)
{
  GtkWidget *window = main_window ();
  g_autofree char *added = NULL;
  GtkWidget *browser;

  ED_TEST_WAIT_FOR (ed_catalog_lookup (app_catalog (), SAMPLE_ID) != NULL);

  g_assert_true (start_check_began);
  g_assert_true (window_mapped_when_check_began);
  g_assert_cmpint (version_of (SAMPLE_ID), ==, 1);

  added = g_strdup_printf (_("Added: “%s” (version %d)"), title_of (SAMPLE_ID), 1);
  ed_test_wait_for_label (window, added);
  ed_test_screenshot (window, "updates-at-start");

  /* Without a restart, the browser lists it. */
  browser = show_browser ();
  g_assert_nonnull (ed_test_find_row (browser, title_of (SAMPLE_ID)));
}

/* Two procedures changed: the toast names both, Details says how. */
static void
test_updates_from_menu (void)
{
  GtkWidget *window = main_window ();
  GtkMenuButton *menu_button = find_primary_menu_button (window);
  g_autofree char *mynumber = feed_fixture_system_file (MYNUMBER_ID);
  g_autofree char *old_title = g_strdup (title_of (SAMPLE_ID));
  g_autofree char *updated = NULL;
  const char *text;
  GtkWidget *browser, *details;
  GtkWindow *dialog;

  g_assert_nonnull (menu_button);
  g_assert_true (menu_has_item (gtk_menu_button_get_menu_model (menu_button),
                                "app.check-updates", want ()->menu_item));

  publish_sample (2, TRUE);
  feed_fixture_add (&fixture, mynumber, 3);
  feed_fixture_publish (&fixture, 0);

  check_from_menu ();
  text = gtk_label_get_text (ed_test_wait_for_label (window, want ()->two_changed));
  wait_until_finished ();
  g_assert_cmpint (version_of (SAMPLE_ID), ==, 2);
  g_assert_cmpint (version_of (MYNUMBER_ID), ==, 3);
  g_assert_cmpstr (title_of (SAMPLE_ID), !=, old_title);
  g_assert_nonnull (strstr (text, title_of (SAMPLE_ID)));
  g_assert_nonnull (strstr (text, title_of (MYNUMBER_ID)));
  g_assert_false (progress_revealed (window));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "check-updates"));

  browser = show_browser ();
  g_assert_nonnull (ed_test_find_row (browser, title_of (SAMPLE_ID)));
  g_assert_null (ed_test_find_row (browser, old_title));
  ed_test_screenshot (window, "updates-changed");

  details = ed_test_find_button (window, _("_Details"));
  g_assert_nonnull (details);
  click (details);
  dialog = ed_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  ed_test_wait_until_mapped (GTK_WIDGET (dialog));
  updated = g_strdup_printf (_("Updated: “%s” (version %d → %d)"), title_of (MYNUMBER_ID), 2, 3);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), updated));
  ed_test_screenshot (GTK_WIDGET (dialog), "updates-details");
  gtk_window_destroy (dialog);
}

/* Cancelled while the server keeps it waiting: quiet, nothing changed. */
static void
test_updates_cancel (void)
{
  GtkWidget *window = main_window ();
  g_autofree char *before = feed_fixture_snapshot ();
  g_autofree char *after = NULL;
  g_autofree char *checking = g_strdup_printf (_("Checking “%s”…"), fixture.feed_url);
  GtkWidget *progress, *cancel;

  ed_test_server_set_mode (fixture.server, "/feed/index.json", ED_TEST_SERVE_STALL);
  check_from_menu ();
  ed_test_wait_for_label (window, checking);
  ed_test_screenshot (window, "updates-progress");

  progress = ed_test_find_widget (window, ED_TYPE_UPDATE_PROGRESS, NULL);
  cancel = ed_test_find_button (progress, _("_Cancel"));
  g_assert_nonnull (cancel);
  click (cancel);
  wait_until_finished ();
  ed_test_server_set_mode (fixture.server, NULL, ED_TEST_SERVE_FILES);

  ED_TEST_WAIT_FOR (!progress_revealed (window));
  ed_test_drain ();
  g_assert_null (ed_test_find_label (window, want ()->not_updated));
  after = feed_fixture_snapshot ();
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (version_of (SAMPLE_ID), ==, 2);
}

static void
test_updates_not_modified (void)
{
  GtkWidget *window = main_window ();
  g_autofree char *before = feed_fixture_snapshot ();
  g_autofree char *after = NULL;

  check_from_menu ();
  ed_test_wait_for_label (window,
                          _("No updates: the feeds have not changed since the last check."));
  wait_until_finished ();
  after = feed_fixture_snapshot ();
  g_assert_cmpstr (after, ==, before);
}

/* One byte changed on the server: refused, and everything as it was. */
static void
test_updates_tampered (void)
{
  GtkWidget *window = main_window ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *title = g_strdup (title_of (SAMPLE_ID));
  const char *text;
  GtkWidget *browser;

  publish_sample (3, TRUE);
  feed_fixture_publish (&fixture, 0);
  feed_fixture_alter (&fixture, SAMPLE_ID ".json", "Example source", "Example sourcf");
  before = feed_fixture_snapshot ();

  check_from_menu ();
  ed_test_wait_for_label (window, want ()->not_updated);
  text = gtk_label_get_text (ed_test_wait_for_label (window, SAMPLE_ID ".json"));
  wait_until_finished ();
  g_test_message ("refused: %s", text);
  g_assert_nonnull (strstr (text, fixture.feed_url));
  ed_test_screenshot (window, "updates-refused");

  after = feed_fixture_snapshot ();
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (version_of (SAMPLE_ID), ==, 2);
  browser = show_browser ();
  g_assert_nonnull (ed_test_find_row (browser, title));
}

static const char *
visible_page (GtkWindow *preferences)
{
  return adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (preferences));
}

/* No feed: the toast says so and opens Preferences on the Updates page. */
static void
test_updates_no_feeds (void)
{
  GSettings *settings = ed_application_get_settings (app);
  g_auto(GStrv) urls = g_settings_get_strv (settings, "feed-urls");
  GtkWidget *window = main_window ();
  GtkWidget *button;
  GtkWindow *preferences;

  g_settings_set_strv (settings, "feed-urls", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "check-updates", NULL);
  ed_test_wait_for_label (window, want ()->no_feeds);
  g_assert_false (ed_feed_get_running (app_feed ()));
  ed_test_screenshot (window, "updates-no-feeds");

  button = ed_test_find_button (window, _("_Preferences"));
  g_assert_nonnull (button);
  click (button);
  preferences = ed_test_find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  ed_test_wait_until_mapped (GTK_WIDGET (preferences));
  g_assert_cmpstr (visible_page (preferences), ==, "updates");
  gtk_window_destroy (preferences);

  g_settings_set_strv (settings, "feed-urls", (const char * const *) urls);
}

static GtkWindow *
open_updates_page (void)
{
  GtkWindow *preferences;

  main_window ();
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-preferences-page",
                                  g_variant_new_string ("updates"));
  preferences = ed_test_find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  gtk_window_set_default_size (preferences, 720, 1000);
  ed_test_wait_until_mapped (GTK_WIDGET (preferences));
  g_assert_cmpstr (visible_page (preferences), ==, "updates");
  return preferences;
}

static void
activate_entry (GtkWidget  *page,
                const char *title,
                const char *text)
{
  GtkWidget *entry = ed_test_find_row (page, title);

  g_assert_true (ADW_IS_ENTRY_ROW (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "entry-activated");
}

static void
remove_row (GtkWidget  *page,
            const char *title)
{
  GtkWidget *row = ed_test_find_row (page, title);
  GtkWidget *button;

  g_assert_nonnull (row);
  button = ed_test_find_widget (row, GTK_TYPE_BUTTON, NULL);
  g_assert_nonnull (button);
  click (button);
}

/* What Preferences shows is the settings, and what it takes is checked. */
static void
test_updates_preferences_page (void)
{
  GSettings *settings = ed_application_get_settings (app);
  GtkWindow *preferences = open_updates_page ();
  GtkWidget *page = ed_test_find_widget (GTK_WIDGET (preferences), ED_TYPE_UPDATES_PAGE, NULL);
  g_autofree char *base64 = g_strndup (fixture.public_key, 44);
  const char *feed_title = _("Add a Feed Address");
  const char *key_title = _("Paste a Public Key");
  g_autoptr(GError) refusal = NULL;
  g_autoptr(GError) bad_key = NULL;
  g_auto(GStrv) urls = NULL;
  g_auto(GStrv) keys = NULL;
  g_autoptr(EdSigningKey) other = ed_signing_key_generate ("Other Publisher", NULL);
  g_autofree char *other_key = ed_public_key_to_string (ed_signing_key_get_public_key (other));
  g_autofree char *from = g_strdup_printf (_("From %s"), system_key_path);
  GtkWidget *row, *entry;
  GtkLabel *error_label;

  g_assert_nonnull (page);
  g_assert_cmpstr (adw_preferences_page_get_title (ADW_PREFERENCES_PAGE (page)), ==,
                   want ()->page_title);

  /* The settings, each on its row. */
  g_assert_nonnull (ed_test_find_row (page, fixture.feed_url));
  row = ed_test_find_row (page, "Test Association");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, base64);
  ed_test_wait_for_label (page, from);
  row = ed_test_find_row (page, "Example Ministry");
  g_assert_nonnull (row);
  /* The administrator's keys cannot be removed here. */
  g_assert_null (ed_test_find_widget (row, GTK_TYPE_BUTTON, NULL));
  ed_test_screenshot (GTK_WIDGET (preferences), "preferences-updates");

  /* Plain HTTP to another computer is refused, with the reason under the list. */
  g_assert_false (ed_feed_check_url ("http://example.com/feed", &refusal));
  activate_entry (page, feed_title, "http://example.com/feed");
  entry = ed_test_find_row (page, feed_title);
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  error_label = ed_test_find_label (page, refusal->message);
  g_assert_nonnull (error_label);
  g_assert_cmpstr (gtk_label_get_text (error_label), ==, refusal->message);
  urls = g_settings_get_strv (settings, "feed-urls");
  g_assert_cmpuint (g_strv_length (urls), ==, 1);
  g_clear_pointer (&urls, g_strfreev);
  ed_test_screenshot (GTK_WIDGET (preferences), "preferences-updates-refused");

  /* Typing again clears it; a good address goes into the setting. */
  activate_entry (page, feed_title, "  https://example.org/entry-desk/feed/ ");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_assert_null (ed_test_find_label (page, refusal->message));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  urls = g_settings_get_strv (settings, "feed-urls");
  g_assert_cmpuint (g_strv_length (urls), ==, 2);
  g_assert_cmpstr (urls[1], ==, "https://example.org/entry-desk/feed/");
  g_clear_pointer (&urls, g_strfreev);
  activate_entry (page, feed_title, fixture.feed_url);
  ed_test_find_label (page, _("This feed is already in the list."));
  g_assert_nonnull (ed_test_find_label (page, _("This feed is already in the list.")));
  remove_row (page, "https://example.org/entry-desk/feed/");
  urls = g_settings_get_strv (settings, "feed-urls");
  g_assert_cmpuint (g_strv_length (urls), ==, 1);
  g_assert_cmpstr (urls[0], ==, fixture.feed_url);

  /* Keys: a pasted one is shown by its publisher's name. */
  g_assert_false (ed_feed_check_key ("not a key", &bad_key));
  activate_entry (page, key_title, "not a key");
  g_assert_true (gtk_widget_has_css_class (ed_test_find_row (page, key_title), "error"));
  g_assert_nonnull (ed_test_find_label (page, bad_key->message));
  activate_entry (page, key_title, other_key);
  keys = g_settings_get_strv (settings, "trusted-keys");
  g_assert_cmpuint (g_strv_length (keys), ==, 2);
  g_assert_cmpstr (keys[1], ==, other_key);
  g_clear_pointer (&keys, g_strfreev);
  g_assert_nonnull (ed_test_find_row (page, "Other Publisher"));
  activate_entry (page, key_title, other_key);
  g_assert_nonnull (ed_test_find_label (page, _("This key is already trusted.")));
  ed_test_screenshot (GTK_WIDGET (preferences), "preferences-updates-key-added");
  gtk_editable_set_text (GTK_EDITABLE (ed_test_find_row (page, key_title)), "");
  remove_row (page, "Other Publisher");
  keys = g_settings_get_strv (settings, "trusted-keys");
  g_assert_cmpuint (g_strv_length (keys), ==, 1);
  g_assert_null (ed_test_find_row (page, "Other Publisher"));

  gtk_window_destroy (preferences);
}

/* The switch is the setting; Check Now reports in Preferences. */
static void
test_updates_preferences_check (void)
{
  GSettings *settings = ed_application_get_settings (app);
  GtkWindow *preferences = open_updates_page ();
  GtkWidget *page = ed_test_find_widget (GTK_WIDGET (preferences), ED_TYPE_UPDATES_PAGE, NULL);
  GtkWidget *at_start = ed_test_find_widget (page, GTK_TYPE_SWITCH, NULL);
  GtkWidget *check = ed_test_find_button (page, _("Check _Now"));
  g_autofree char *updated = NULL;
  GtkWidget *bar;

  g_assert_true (g_settings_get_boolean (settings, "check-updates-at-start"));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (at_start)));
  gtk_switch_set_active (GTK_SWITCH (at_start), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "check-updates-at-start"));
  g_settings_set_boolean (settings, "check-updates-at-start", TRUE);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (at_start)));

  /* The publisher fixes the file; Check Now installs it. */
  feed_fixture_publish (&fixture, 0);
  g_assert_nonnull (check);
  g_assert_true (gtk_widget_get_sensitive (check));
  click (check);
  g_assert_true (ed_feed_get_running (app_feed ()));
  g_assert_false (gtk_widget_get_sensitive (check));
  g_assert_true (progress_revealed (page));

  updated = g_strdup_printf (_("Updated: “%s” (version %d → %d)"), title_of (SAMPLE_ID), 2, 3);
  ed_test_wait_for_label (GTK_WIDGET (preferences), updated);
  wait_until_finished ();
  g_assert_cmpint (version_of (SAMPLE_ID), ==, 3);
  g_assert_true (gtk_widget_get_sensitive (check));
  ed_test_screenshot (GTK_WIDGET (preferences), "preferences-updates-checked");

  /* A refused update stays, in Preferences' bar along its bottom, not
   * in a toast; its close button takes it away. */
  publish_sample (4, TRUE);
  feed_fixture_publish (&fixture, 0);
  feed_fixture_alter (&fixture, SAMPLE_ID ".json", "Example source", "Example sourcf");
  click (check);
  bar = ed_test_find_widget (GTK_WIDGET (preferences), ED_TYPE_BANNER, NULL);
  g_assert_nonnull (bar);
  ed_test_wait_for_label (bar, want ()->not_updated);
  wait_until_finished ();
  g_assert_nonnull (ed_banner_get_shown (ED_BANNER (bar)));
  g_assert_null (ed_test_find_label (GTK_WIDGET (ed_toast_find_overlay (GTK_WIDGET (preferences))),
                                     want ()->not_updated));
  g_assert_cmpint (version_of (SAMPLE_ID), ==, 3);
  ed_test_wait_revealed (bar);
  ed_test_screenshot (GTK_WIDGET (preferences), "preferences-updates-refused-bar");
  click (ed_test_find_icon_button (bar, "window-close-symbolic"));
  g_assert_null (ed_banner_get_shown (ED_BANNER (bar)));
  g_assert_null (ed_test_find_label (bar, want ()->not_updated));

  /* Without a feed there is nothing to check. */
  g_settings_set_strv (settings, "feed-urls", NULL);
  g_assert_false (gtk_widget_get_sensitive (check));

  gtk_window_destroy (preferences);
}

/* Records whether the first window was on screen when the check at
 * start-up began. */
static void
running_cb (EdFeed *feed)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (!ed_feed_get_running (feed) || start_check_began)
    return;

  start_check_began = TRUE;
  window_mapped_when_check_began = window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

/* An administrator's key in the system folder, shown read-only. */
static void
write_system_key (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("ENTRY_DESK_SYSCONFDIR"), "entry-desk",
                                           "trusted-keys.d", NULL);
  g_autoptr(EdSigningKey) ministry = ed_signing_key_generate ("Example Ministry", NULL);
  g_autofree char *line = ed_public_key_to_string (ed_signing_key_get_public_key (ministry));
  g_autofree char *contents = g_strdup_printf ("# Given by the ministry\n%s\n", line);

  system_key_path = g_build_filename (dir, "ministry.pub", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (system_key_path, contents, -1, NULL));
}

/* Everything the desk stores goes to a folder of this run. */
static void
isolate (void)
{
  const char *dirs[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
                         "ENTRY_DESK_SYSCONFDIR" };

  tmp = ed_test_make_tmpdir ();
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir = g_build_filename (tmp, dirs[i], NULL);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_setenv (dirs[i], dir, TRUE);
    }
  /* The server is local; no desktop proxy settings are needed. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  const char *urls[2] = { NULL, NULL };
  const char *keys[2] = { NULL, NULL };
  int status;

  /* Before anything reads them. */
  isolate ();

  ed_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* The publisher's feed, with the sample at version 1; the desk is set
   * up to check it when it starts. */
  write_system_key ();
  feed_fixture_set_up (&fixture, NULL);
  publish_sample (1, FALSE);
  feed_fixture_publish (&fixture, 0);

  settings = g_settings_new (APP_ID);
  urls[0] = fixture.feed_url;
  keys[0] = fixture.public_key;
  g_settings_set_strv (settings, "feed-urls", urls);
  g_settings_set_strv (settings, "trusted-keys", keys);
  g_settings_set_boolean (settings, "check-updates-at-start", TRUE);

  app = ed_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (app_feed (), "notify::running", G_CALLBACK (running_cb), NULL);
  g_application_activate (G_APPLICATION (app));

  g_test_add_func ("/updates/at-start", test_updates_at_start);
  g_test_add_func ("/updates/from-menu", test_updates_from_menu);
  g_test_add_func ("/updates/cancel", test_updates_cancel);
  g_test_add_func ("/updates/not-modified", test_updates_not_modified);
  g_test_add_func ("/updates/tampered", test_updates_tampered);
  g_test_add_func ("/updates/no-feeds", test_updates_no_feeds);
  g_test_add_func ("/updates/preferences-page", test_updates_preferences_page);
  g_test_add_func ("/updates/preferences-check", test_updates_preferences_check);

  status = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  feed_fixture_tear_down (&fixture, NULL);
  ed_test_rm_rf (tmp);
  g_free (tmp);
  g_free (system_key_path);
  return status;
}
