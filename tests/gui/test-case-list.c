/* test-case-list.c — the Cases page in a real window, in the UI language
 *
 * The desk starts on a damaged case database: it says so once and
 * works on a new one. Cases are then added with the core's API, as the
 * wizard would, and the test looks at what staff see: the rows, the
 * search, the toasts, deleting with Undo. The tests run in order, each
 * on what the one before left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "ed-core.h"
#include "ed-test-cases.h"
#include "ed-test-gui.h"
#include "ed-test-store.h"
#include "ed-test-util.h"
#include "ed-banner.h"
#include "ed-case-page.h"
#include "ed-sheet-dialog.h"
#include "ed-window.h"
#include "ed-wizard.h"

typedef struct
{
  const char *welcome;
  const char *no_case_found;
  const char *damaged;
  const char *open;
} Expected;

static const Expected expected[ED_N_LANGUAGES] = {
  [ED_LANGUAGE_EN]    = { "Welcome to Entry Desk", "No Case Found",
                          "The case database was damaged.", "Open" },
  [ED_LANGUAGE_JA]    = { "Entry Desk へようこそ", "案件が見つかりません",
                          "案件データベースが破損していました。", "進行中" },
  [ED_LANGUAGE_ZH_CN] = { "欢迎使用 Entry Desk", "未找到案件",
                          "案件数据库已损坏。", "进行中" },
  [ED_LANGUAGE_ZH_TW] = { "歡迎使用 Entry Desk", "未找到案件",
                          "案件資料庫已損壞。", "進行中" },
};

static EdApplication *app;
static gboolean stopped;
static char *tmp;
static EdCase *eriksson;     /* HER-SYS, two items ticked */
static EdCase *wang;         /* Beijing, 王伟 */
static EdCase *yamada;       /* MySOS, a family of two */
static EdCase *unknown;      /* a procedure no longer in the catalog */

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

static GtkSearchEntry *
search_entry (void)
{
  GtkWidget *entry = ed_test_find_widget (GTK_WIDGET (view ()), GTK_TYPE_SEARCH_ENTRY, NULL);

  g_assert_nonnull (entry);
  return GTK_SEARCH_ENTRY (entry);
}

static const char *
ui_title (const char *procedure_id)
{
  EdProcedure *procedure = ed_catalog_lookup (ed_application_get_catalog (app), procedure_id);

  g_assert_nonnull (procedure);
  return ed_text_lookup (ed_procedure_get_title (procedure), ed_language_for_ui ());
}

/* Ticks the first @n checklist items of @procedure_id for @traveller. */
static void
tick (EdCase      *kase,
      EdTraveller *traveller,
      guint        n)
{
  EdProcedure *procedure = ed_catalog_lookup (ed_application_get_catalog (app),
                                              ed_case_get_procedure_id (kase));
  GPtrArray *steps = ed_procedure_get_steps (procedure);
  guint ticked = 0;

  for (guint i = 0; i < steps->len && ticked < n; i++)
    {
      const EdStep *step = g_ptr_array_index (steps, i);

      for (guint j = 0; step->checklist != NULL && j < step->checklist->len && ticked < n; j++)
        {
          const EdChecklistItem *item = g_ptr_array_index (step->checklist, j);

          ed_case_set_item_done (kase, traveller, step->id, item->id, TRUE);
          ticked++;
        }
    }

  g_assert_cmpuint (ticked, ==, n);
}

static void
search (const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (search_entry ()), "");
  ed_test_type (GTK_WIDGET (search_entry ()), text);
}

/* Started on a damaged file: told once, kept aside, a new store works. */
static void
test_case_list_recovered (void)
{
  GtkWidget *window = ed_test_main_window (app);
  const GError *recovery = ed_store_get_recovery (store ());
  const char *aside = ed_store_get_moved_aside (store ());
  AdwMessageDialog *dialog;
  GtkWidget *banner;

  g_assert_nonnull (recovery);
  g_assert_true (g_file_test (aside, G_FILE_TEST_IS_REGULAR));

  /* In the window's bar, until dismissed; the details say where the old
   * file is. */
  banner = ed_test_find_widget (window, ED_TYPE_BANNER, NULL);
  g_assert_nonnull (banner);
  ed_test_wait_for_label (banner, want ()->damaged);
  ed_test_wait_revealed (banner);
  ed_test_screenshot (window, "cases-damaged-banner");
  ed_test_click (ed_test_find_button (banner, _("_Details")));
  dialog = ed_test_wait_for_dialog (_("Case Database Damaged"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), aside));
  ed_test_screenshot (GTK_WIDGET (dialog), "cases-damaged");
  ed_test_respond (dialog, _("_Close"));

  /* The new store is empty: the welcome. */
  ed_test_wait_for_label (window, want ()->welcome);
  ED_TEST_WAIT_FOR (ed_test_find_label (window, want ()->damaged) == NULL);
  ed_test_screenshot (window, "cases-empty");
}

/* Whether the row of @kase shows its progress bar beside its names (or
 * under the whole text, in a narrow window). */
static gboolean
progress_beside_names (EdCase *kase)
{
  GtkWidget *row = GTK_WIDGET (ed_test_find_case_row (view (), ed_case_get_reference (kase)));
  GtkWidget *bar = row != NULL ? ed_test_find_widget (row, GTK_TYPE_LEVEL_BAR, NULL) : NULL;
  GtkLabel *names = row != NULL ? ed_test_find_label (row, "WANG WEI") : NULL;
  graphene_rect_t bar_bounds, names_bounds;

  g_assert_nonnull (bar);
  g_assert_nonnull (names);
  g_assert_true (gtk_widget_compute_bounds (bar, row, &bar_bounds));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (names), row, &names_bounds));
  if (bar_bounds.origin.x >= names_bounds.origin.x + names_bounds.size.width)
    return TRUE;

  /* Under the text: then the names are not cut short. */
  g_assert_cmpfloat (bar_bounds.origin.y, >=, names_bounds.origin.y + names_bounds.size.height);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (names)));
  return FALSE;
}

/* Changes that cannot be written (a full disk): said in the window's
 * bar, under every page, once, until a save works again; then a toast
 * says they are saved. */
static void
test_case_list_save_failed (void)
{
  GtkWidget *window = ed_test_main_window (app);
  GtkWidget *banner = ed_test_find_widget (window, ED_TYPE_BANNER, NULL);
  g_autoptr(GError) full = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                                                "No space left on device");

  g_assert_nonnull (banner);
  g_signal_emit_by_name (store (), "save-failed", full);
  ed_test_wait_for_label (banner, _("Changes Not Saved"));
  ed_test_wait_for_label (banner, "No space left on device");
  ed_test_wait_revealed (banner);
  ed_test_screenshot (window, "cases-not-saved-banner");
  /* Tried again and failed again: still said once in the window, and
   * not as a toast. */
  g_signal_emit_by_name (store (), "save-failed", full);
  g_assert_cmpuint (ed_test_count_labels (window, _("Changes Not Saved")), ==, 1);

  /* Saved: the bar folds away, a toast says so. */
  g_object_notify (G_OBJECT (store ()), "unsaved");
  ed_test_wait_for_toast (window, _("All changes are saved now"));
  ED_TEST_WAIT_FOR (ed_banner_get_shown (ED_BANNER (banner)) == NULL);
  g_assert_null (ed_test_find_label (banner, _("Changes Not Saved")));
}

static void
assert_row (EdCase     *kase,
            const char *names,
            const char *procedure,
            const char *progress)
{
  EdCaseRow *row = ed_test_find_case_row (view (), ed_case_get_reference (kase));

  g_assert_nonnull (row);
  g_assert_nonnull (ed_test_find_label (GTK_WIDGET (row), ed_case_get_reference (kase)));
  g_assert_nonnull (ed_test_find_label (GTK_WIDGET (row), names));
  g_assert_nonnull (ed_test_find_label (GTK_WIDGET (row), procedure));
  if (progress != NULL)
    {
      /* The list follows the saves of the case. */
      GtkLabel *label = ed_test_wait_for_label (GTK_WIDGET (row), progress);

      g_assert_cmpstr (gtk_label_get_text (label), ==, progress);
    }
  g_assert_nonnull (ed_test_find_label (GTK_WIDGET (row), want ()->open));
}

/* @native: the name in native script the row shows, or %NULL for none. */
static void
assert_native_name (EdCase     *kase,
                    const char *native)
{
  EdCaseRow *row = ed_test_find_case_row (view (), ed_case_get_reference (kase));
  GtkWidget *label = ed_test_find_widget (GTK_WIDGET (row), GTK_TYPE_LABEL, "native-name");

  g_assert_nonnull (label);
  g_assert_cmpint (gtk_widget_get_visible (label), ==, native != NULL);
  if (native != NULL)
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, native);
}

static void
test_case_list_shows_cases (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *eriksson_progress = NULL;
  g_autofree char *yamada_progress = NULL;
  g_autofree char *unknown_title = NULL;
  g_autofree char *ended = NULL;
  GtkWidget *saving;

  eriksson = ed_test_add_case (store (), "jp-my-her-sys",
                               ed_test_traveller ("ERIKSSON", "ANNA", NULL, NULL, "TR1234567"),
                               NULL);
  wang = ed_test_add_case (store (), "cn-beijing-health-code",
                           ed_test_traveller ("WANG", "WEI", "王伟", NULL, "E12345678"), NULL);
  yamada = ed_test_add_case (store (), "jp-entry-waiting-mysos",
                             ed_test_traveller ("YAMADA", "AOI", "山田 葵", "ヤマダ アオイ", "TK7654321"),
                             ed_test_traveller ("YAMADA", "REN", "山田 蓮", "ヤマダ レン", "TK7654322"),
                             NULL);
  unknown = ed_test_add_case (store (), "xx-withdrawn-procedure",
                              ed_test_traveller ("DUPONT", "MARIE", NULL, NULL, NULL), NULL);

  /* Progress, in the steps that apply (all of them here: neither
   * procedure asks questions): the step a case is at, or how many apply
   * while it is at none yet. Ticking items does not move it. */
  ed_case_set_current_step (eriksson, "enter-email");
  eriksson_progress = g_strdup_printf (_("Step %u of %u"), 3, 13);
  tick (yamada, ed_case_get_traveller (yamada, 1), 3);
  yamada_progress = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u step", "%u steps", 19),
                                     19);

  /* “Saving…” while the changes wait to be written, then gone. */
  g_assert_true (ed_store_has_unsaved_changes (store ()));
  saving = ed_test_find_widget (ed_test_main_window (app), GTK_TYPE_REVEALER, "saving");
  g_assert_nonnull (saving);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (saving)));
  ed_test_wait_for_label (saving, _("Saving…"));
  ed_test_screenshot (ed_test_main_window (app), "cases-saving");
  ed_test_wait_saved (store ());
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (saving)));

  ed_test_wait_for_rows (view (), 4);
  assert_row (eriksson, "ERIKSSON ANNA", ui_title ("jp-my-her-sys"), eriksson_progress);
  /* HER-SYS notifications ended: the row says so, and when. */
  ended = ed_procedure_describe_status_brief (ed_catalog_lookup (ed_application_get_catalog (app),
                                                                 "jp-my-her-sys"),
                                              ed_language_for_ui ());
  g_assert_nonnull (ed_test_find_label (GTK_WIDGET (ed_test_find_case_row (view (),
                                                    ed_case_get_reference (eriksson))), ended));
  assert_row (wang, "WANG WEI", ui_title ("cn-beijing-health-code"), NULL);
  assert_row (yamada, "YAMADA AOI, YAMADA REN", ui_title ("jp-entry-waiting-mysos"),
              yamada_progress);
  /* The first traveller's name in their own script, under the passport
   * names; none for a name in Latin letters only. */
  assert_native_name (wang, "王伟");
  assert_native_name (yamada, "山田 葵");
  g_assert_null (ed_test_find_label (GTK_WIDGET (ed_test_find_case_row (view (),
                                                 ed_case_get_reference (yamada))), "山田 蓮"));
  assert_native_name (eriksson, NULL);
  unknown_title = g_strdup_printf (_("Unknown procedure (%s)"), "xx-withdrawn-procedure");
  assert_row (unknown, "DUPONT MARIE", unknown_title, NULL);

  ed_test_screenshot (ed_test_main_window (app), "cases-list");

  /* At the narrowest the window goes, every row still shows, its
   * progress under the names, which have the row's width. */
  ED_TEST_WAIT_FOR (progress_beside_names (wang));
  ed_test_resize (GTK_WINDOW (ed_test_main_window (app)), 360, 700);
  ed_test_wait_for_rows (view (), 4);
  ED_TEST_WAIT_FOR (!progress_beside_names (wang));
  ed_test_screenshot (ed_test_main_window (app), "cases-list-narrow");
  ed_test_resize (GTK_WINDOW (ed_test_main_window (app)), 960, 700);
  ED_TEST_WAIT_FOR (progress_beside_names (wang));
}

static void
assert_found (const char *text,
              EdCase     *kase)
{
  search (text);
  ed_test_wait_for_rows (view (), 1);
  g_assert_nonnull (ed_test_find_case_row (view (), ed_case_get_reference (kase)));
}

static void
test_case_list_search (void)
{
  g_autofree char *typed = NULL;

  /* Latin, from the first letters and inside a name. */
  assert_found ("eri", eriksson);
  assert_found ("sson", eriksson);
  /* Chinese and Japanese, any one character, and katakana. */
  assert_found ("伟", wang);
  /* In Traditional characters too, as Taiwan and Hong Kong write it. */
  assert_found ("王偉", wang);
  ed_test_screenshot (ed_test_main_window (app), "cases-search");
  search ("山田");
  ed_test_wait_for_rows (view (), 1);
  assert_found ("レン", yamada);
  /* A passport number, from three digits inside. */
  assert_found ("5432", yamada);
  /* The reference as someone would type it: small letters, no hyphens. */
  typed = g_ascii_strdown (ed_case_get_reference (wang), -1);
  g_strdelimit (typed, "-", ' ');
  assert_found (typed, wang);

  /* Nothing found: said so. */
  search ("zzzz");
  ed_test_wait_for_rows (view (), 0);
  ed_test_wait_for_label (GTK_WIDGET (view ()), want ()->no_case_found);
  ed_test_screenshot (ed_test_main_window (app), "cases-no-results");

  /* Escape clears the search. */
  g_signal_emit_by_name (search_entry (), "stop-search");
  ed_test_wait_for_rows (view (), 4);
}

static EdCaseInfo *activated;

static void
case_activated_cb (EdCaseListView *list,
                   EdCaseInfo     *info)
{
  g_set_object (&activated, info);
}

static void
test_case_list_open (void)
{
  gulong handler = g_signal_connect (view (), "case-activated",
                                     G_CALLBACK (case_activated_cb), NULL);
  GtkWidget *list_view = ed_test_find_widget (GTK_WIDGET (view ()), GTK_TYPE_LIST_VIEW, NULL);
  EdWindow *window = ED_WINDOW (ed_test_main_window (app));
  GtkWidget *wizard;
  GtkWidget *page;
  GtkWidget *row;

  /* Enter in the search field opens the first case found. */
  assert_found ("wang", wang);
  g_signal_emit_by_name (search_entry (), "activate");
  g_assert_nonnull (activated);
  g_assert_cmpint (ed_case_info_get_id (activated), ==, ed_case_get_id (wang));
  g_clear_object (&activated);

  /* A row's menu: Open. */
  g_signal_emit_by_name (search_entry (), "stop-search");
  ed_test_wait_for_rows (view (), 4);
  row = GTK_WIDGET (ed_test_find_case_row (view (), ed_case_get_reference (yamada)));
  g_assert_true (gtk_widget_activate_action (row, "cases.open", "x", ed_case_get_id (yamada)));
  g_assert_nonnull (activated);
  g_assert_cmpint (ed_case_info_get_id (activated), ==, ed_case_get_id (yamada));
  g_clear_object (&activated);

  /* Enter on a row, or a double click. */
  g_signal_emit_by_name (list_view, "activate", 0);
  g_assert_nonnull (activated);

  /* The case opens on its page, its timeline first; from there its
   * procedure's wizard, whose Back returns to the page, whose Back
   * returns to the list. */
  ED_TEST_WAIT_FOR ((page = ed_window_get_case_page (window)) != NULL &&
                      ed_case_get_id (ed_case_page_get_case (ED_CASE_PAGE (page))) ==
                      ed_case_info_get_id (activated));
  ed_test_wait_until_mapped (page);
  g_assert_true (gtk_widget_activate_action (page, "case.open-procedure", "s",
                                             ed_case_info_get_procedure_id (activated)));
  ED_TEST_WAIT_FOR ((wizard = ed_window_get_wizard (window)) != NULL);
  g_assert_cmpint (ed_case_get_id (ed_wizard_get_case (ED_WIZARD (wizard))),
                   ==, ed_case_info_get_id (activated));
  g_assert_true (ed_wizard_get_store (ED_WIZARD (wizard)) == store ());
  ed_test_wait_until_mapped (wizard);
  g_assert_true (gtk_widget_activate_action (wizard, "wizard.close", NULL));
  ED_TEST_WAIT_FOR (ed_window_get_wizard (window) == NULL);
  g_assert_true (ed_window_get_case_page (window) == page);
  g_assert_true (gtk_widget_activate_action (page, "case.close", NULL));
  ED_TEST_WAIT_FOR (ed_window_get_case_page (window) == NULL);
  g_clear_object (&activated);

  g_signal_handler_disconnect (view (), handler);
}

/* A case's check sheet from its row's menu, as from its wizard. */
static void
test_case_list_sheet (void)
{
  GtkWindow *dialog = NULL;
  EdCaseRow *row;

  ed_test_wait_for_rows (view (), 4);
  row = ed_test_find_case_row (view (), ed_case_get_reference (yamada));
  g_assert_nonnull (row);

  for (guint mode = 0; mode < 2; mode++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row),
                                                 mode == 0 ? "cases.print" : "cases.export-pdf",
                                                 "x", ed_case_get_id (yamada)));
      ED_TEST_WAIT_FOR ((dialog = ed_test_find_toplevel (ED_TYPE_SHEET_DIALOG)) != NULL);
      ed_test_wait_until_mapped (GTK_WIDGET (dialog));
      g_assert_cmpint (ed_sheet_dialog_get_mode (ED_SHEET_DIALOG (dialog)), ==,
                       mode == 0 ? ED_SHEET_DIALOG_PRINT : ED_SHEET_DIALOG_PDF);
      gtk_window_destroy (dialog);
      dialog = NULL;
      ED_TEST_WAIT_FOR (ed_test_find_toplevel (ED_TYPE_SHEET_DIALOG) == NULL);
    }
}

static void
assert_trashed (EdCase   *kase,
                gboolean  trashed)
{
  g_autofree char *where = g_strdup_printf ("id = %" G_GINT64_FORMAT " AND trashed IS NOT NULL",
                                            ed_case_get_id (kase));

  g_assert_cmpint (ed_test_count_cases (store (), where), ==, trashed ? 1 : 0);
}

static gint64
count_with_id (gint64 id)
{
  g_autofree char *where = g_strdup_printf ("id = %" G_GINT64_FORMAT, id);

  return ed_test_count_cases (store (), where);
}

/* The toast names the client, and the case's reference. */
static GtkWidget *
deleted_toast (EdCase     *kase,
               const char *names)
{
  g_autofree char *text = g_strdup_printf (_("Case of %s deleted (%s)"), names,
                                           ed_case_get_reference (kase));

  return ed_test_wait_for_toast (ed_test_main_window (app), text);
}

/* Delete from a row's menu, then Undo: the case is back, even when a
 * script ran the CLI on the same store while the Undo showed. */
static void
test_case_list_delete_undo (void)
{
  const char *list[] = { "cases", "list", "--all", NULL };
  GtkWidget *toast, *undo;

  ed_test_wait_for_rows (view (), 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view ()), "cases.delete", "x",
                                             ed_case_get_id (wang)));
  toast = deleted_toast (wang, "WANG WEI");
  ed_test_wait_for_rows (view (), 3);
  g_assert_null (ed_test_find_case_row (view (), ed_case_get_reference (wang)));
  assert_trashed (wang, TRUE);
  ed_test_screenshot (ed_test_main_window (app), "cases-deleted");

  g_assert_cmpint (ed_test_run_cli (NULL, list, NULL, NULL), ==, 0);
  assert_trashed (wang, TRUE);

  undo = ed_test_find_button (toast, _("_Undo"));
  ed_test_click (undo);
  ed_test_wait_for_rows (view (), 4);
  g_assert_nonnull (ed_test_find_case_row (view (), ed_case_get_reference (wang)));
  assert_trashed (wang, FALSE);
  g_assert_cmpint (count_with_id (ed_case_get_id (wang)), ==, 1);
}

/* The shortcut of @keyval on the list, as the keyboard would trigger it. */
static void
press_key (guint keyval,
           GdkModifierType modifiers)
{
  GtkWidget *list_view = ed_test_find_widget (GTK_WIDGET (view ()), GTK_TYPE_LIST_VIEW, NULL);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (list_view);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                           list_view, NULL));
              return;
            }
        }
    }

  g_error ("No shortcut for key %u", keyval);
}

static gboolean
menu_has (GMenuModel *menu,
          const char *action,
          gint64      id)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autofree char *item_action = NULL;
      g_autoptr(GVariant) target = NULL;

      if (section != NULL)
        {
          if (menu_has (section, action, id))
            return TRUE;
          continue;
        }

      g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action);
      target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET,
                                                      G_VARIANT_TYPE_INT64);
      if (g_strcmp0 (item_action, action) == 0 && target != NULL
          && g_variant_get_int64 (target) == id)
        return TRUE;
    }

  return FALSE;
}

/* Gives the keyboard focus to the row of @kase, as arrow keys would. */
static EdCaseRow *
focus_row (EdCase *kase)
{
  EdCaseRow *row = ed_test_find_case_row (view (), ed_case_get_reference (kase));
  GtkWidget *item;

  g_assert_nonnull (row);
  item = gtk_widget_get_parent (GTK_WIDGET (row));
  g_assert_true (gtk_widget_grab_focus (item));
  return row;
}

static void
dismiss (GtkWidget *toast)
{
  GtkWidget *close = ed_test_find_icon_button (toast, "window-close-symbolic");

  g_assert_nonnull (close);
  ed_test_click (close);
}

/* Menu or Shift+F10 on a row opens its menu; Delete deletes it; the
 * toast goes without Undo: the case is gone from the file. */
static void
test_case_list_keyboard (void)
{
  gint64 id = ed_case_get_id (unknown);
  GtkWidget *menu_button, *popover;
  EdCaseRow *row;

  ed_test_wait_for_rows (view (), 4);

  row = focus_row (yamada);
  press_key (GDK_KEY_F10, GDK_SHIFT_MASK);
  menu_button = ed_test_find_widget (GTK_WIDGET (row), GTK_TYPE_MENU_BUTTON, NULL);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button)));
  ed_test_wait_until_mapped (popover);
  g_assert_true (menu_has (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)),
                           "cases.close", ed_case_get_id (yamada)));
  ed_test_screenshot (ed_test_main_window (app), "cases-menu");
  ed_test_screenshot (popover, "cases-menu-popover");
  gtk_popover_popdown (GTK_POPOVER (popover));
  ED_TEST_WAIT_FOR (!gtk_widget_get_mapped (popover));

  focus_row (unknown);
  press_key (GDK_KEY_Delete, 0);
  ed_test_wait_for_rows (view (), 3);
  assert_trashed (unknown, TRUE);

  dismiss (deleted_toast (unknown, "DUPONT MARIE"));
  ED_TEST_WAIT_FOR (count_with_id (id) == 0);
  g_clear_object (&unknown);
}

static void
assert_status (EdCase     *kase,
               const char *status)
{
  EdCaseRow *row = ed_test_find_case_row (view (), ed_case_get_reference (kase));

  g_assert_nonnull (row);
  g_assert_nonnull (ed_test_find_label (GTK_WIDGET (row), status));
}

/* Closed cases leave the list, unless closed cases are shown. */
static void
test_case_list_close_reopen (void)
{
  g_autofree char *closed_toast = g_strdup_printf (_("Case %s closed"),
                                                   ed_case_get_reference (eriksson));
  g_autofree char *closed_status = NULL;
  g_autofree char *day = NULL;
  GtkWidget *toggle, *row, *bar;

  ed_test_wait_for_rows (view (), 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view ()), "cases.close", "x",
                                             ed_case_get_id (eriksson)));
  ed_test_wait_for_toast (ed_test_main_window (app), closed_toast);
  ed_test_wait_for_rows (view (), 2);
  g_assert_cmpint (ed_case_get_status (eriksson), ==, ED_CASE_CLOSED);

  toggle = ed_test_find_widget (GTK_WIDGET (view ()), GTK_TYPE_TOGGLE_BUTTON, NULL);
  g_assert_nonnull (toggle);
  ed_test_click (toggle);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  ed_test_wait_for_rows (view (), 3);
  day = ed_case_format_day (ed_case_get_closed (eriksson));
  closed_status = g_strdup_printf (_("Closed %s"), day);
  assert_status (eriksson, closed_status);
  /* Its progress: the bar full, "Done" not said beside the badge again. */
  row = GTK_WIDGET (ed_test_find_case_row (view (), ed_case_get_reference (eriksson)));
  bar = ed_test_find_widget (row, GTK_TYPE_LEVEL_BAR, NULL);
  g_assert_nonnull (bar);
  ED_TEST_WAIT_FOR (gtk_widget_get_mapped (bar) &&
                    gtk_level_bar_get_value (GTK_LEVEL_BAR (bar)) ==
                    gtk_level_bar_get_max_value (GTK_LEVEL_BAR (bar)));
  g_assert_cmpuint (ed_test_count_labels (row, _("Done")), <=, 1);
  ed_test_screenshot (ed_test_main_window (app), "cases-closed-shown");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view ()), "cases.reopen", "x",
                                             ed_case_get_id (eriksson)));
  ed_test_click (toggle);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  ed_test_wait_for_rows (view (), 3);
  g_assert_cmpint (ed_case_get_status (eriksson), ==, ED_CASE_OPEN);
  assert_status (eriksson, want ()->open);
}

/* Every control says what it is to a screen reader. */
static void
test_case_list_accessible (void)
{
  EdCaseRow *row = ed_test_find_case_row (view (), ed_case_get_reference (wang));
  GtkWidget *menu_button = ed_test_find_widget (GTK_WIDGET (row), GTK_TYPE_MENU_BUTTON, NULL);
  GtkWidget *list_view = ed_test_find_widget (GTK_WIDGET (view ()), GTK_TYPE_LIST_VIEW, NULL);
  g_autofree char *menu_label = g_strdup_printf (_("Actions for case %s"),
                                                 ed_case_get_reference (wang));

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (search_entry ()),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search cases"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (list_view),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cases"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (menu_button),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label);
}

/* A case the command line starts while the window is open shows in its
 * list within seconds, without a restart. */
static void
test_case_list_added_elsewhere (void)
{
  g_autofree char *traveller = g_build_filename (tmp, "rossi.json", NULL);
  g_autoptr(GSubprocess) cli = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *reference;

  gtk_editable_set_text (GTK_EDITABLE (search_entry ()), "");
  ed_test_wait_for_rows (view (), 3);

  g_assert_true (g_file_set_contents (traveller,
                                      "{\"surname\": \"ROSSI\", \"given_names\": \"CARLA\", "
                                      "\"nationality\": \"ITA\", "
                                      "\"passport_number\": \"YA1234567\"}", -1, &error));
  g_assert_nonnull (g_getenv ("ENTRY_DESK_CLI"));
  cli = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, g_getenv ("ENTRY_DESK_CLI"),
                          "cases", "new", "--journey", "jp-business-visit",
                          "--traveller", traveller, "--json", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (cli, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (cli), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  reference = json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)),
                                             "reference");

  ED_TEST_WAIT_FOR (ed_test_find_case_row (view (), reference) != NULL);
  ed_test_wait_for_rows (view (), 4);
  g_assert_nonnull (ed_test_find_label (GTK_WIDGET (ed_test_find_case_row (view (), reference)),
                                        "ROSSI CARLA"));
}

/* Deleted, then the app quits while the Undo still shows: the closing
 * window dismisses the toast, and the case is gone from the file before
 * the store is flushed, not left in the trash. */
static void
test_case_list_delete_then_quit (void)
{
  gint64 id = ed_case_get_id (wang);
  g_autofree char *path = g_strdup (ed_store_get_path (store ()));
  g_autofree char *sql =
    g_strdup_printf ("SELECT count (*) FROM cases WHERE id = %" G_GINT64_FORMAT, id);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view ()), "cases.delete", "x", id));
  deleted_toast (wang, "WANG WEI");
  g_clear_object (&wang);

  ed_test_stop_app (app);
  stopped = TRUE;
  g_assert_cmpint (ed_test_sql_int (path, sql), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *db_dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *garbage = NULL;
  int status;

  tmp = ed_test_isolate ();

  ed_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* The desk starts on a damaged case database. */
  db_dir = g_build_filename (g_get_user_data_dir (), "entry-desk", NULL);
  db_path = g_build_filename (db_dir, "cases.db", NULL);
  g_assert_cmpint (g_mkdir_with_parents (db_dir, 0700), ==, 0);
  garbage = g_strnfill (16384, 'x');
  memcpy (garbage, "SQLite format 3", 16);
  g_assert_true (g_file_set_contents (db_path, garbage, 16384, NULL));

  app = ed_test_start_app ();

  g_test_add_func ("/case-list/recovered", test_case_list_recovered);
  g_test_add_func ("/case-list/save-failed", test_case_list_save_failed);
  g_test_add_func ("/case-list/shows-cases", test_case_list_shows_cases);
  g_test_add_func ("/case-list/search", test_case_list_search);
  g_test_add_func ("/case-list/open", test_case_list_open);
  g_test_add_func ("/case-list/sheet", test_case_list_sheet);
  g_test_add_func ("/case-list/delete-undo", test_case_list_delete_undo);
  g_test_add_func ("/case-list/keyboard", test_case_list_keyboard);
  g_test_add_func ("/case-list/close-reopen", test_case_list_close_reopen);
  g_test_add_func ("/case-list/accessible", test_case_list_accessible);
  g_test_add_func ("/case-list/added-elsewhere", test_case_list_added_elsewhere);
  g_test_add_func ("/case-list/delete-then-quit", test_case_list_delete_then_quit);

  status = g_test_run ();

  g_clear_object (&eriksson);
  g_clear_object (&wang);
  g_clear_object (&yamada);
  g_clear_object (&unknown);
  /* Quit, but the application is not finalized: registered without
   * g_application_run(), it would warn that it never unregistered. */
  if (!stopped)
    ed_test_stop_app (app);
  ed_test_rm_rf (tmp);
  g_free (tmp);
  return status;
}
