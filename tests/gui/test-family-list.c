/* test-family-list.c — several travellers in one case, in a real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "ed-application.h"
#include "ed-core.h"
#include "ed-family-list.h"
#include "ed-test-gui.h"

static const char * const unnamed[ED_N_LANGUAGES] = {
  [ED_LANGUAGE_EN] = "Traveller 2",
  [ED_LANGUAGE_JA] = "渡航者 2",
  [ED_LANGUAGE_ZH_CN] = "旅客 2",
  [ED_LANGUAGE_ZH_TW] = "旅客 2",
};

static EdApplication *app;

typedef struct
{
  GtkWindow    *window;
  EdFamilyList *family;
  GListStore   *travellers;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(EdTraveller) first = ed_traveller_new ();

  f->travellers = g_list_store_new (ED_TYPE_TRAVELLER);
  g_list_store_append (f->travellers, first);
  f->family = ED_FAMILY_LIST (g_object_ref_sink (ed_family_list_new ()));
  ed_family_list_set_model (f->family, f->travellers);
  f->window = ed_test_show_page (GTK_APPLICATION (app), GTK_WIDGET (f->family), 760, 960);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  ed_test_iterate (50);
  g_assert_finalize_object (f->family);
  g_assert_finalize_object (f->travellers);
}

static AdwActionRow *
traveller_row (Fixture *f,
               int      index)
{
  GtkListBox *list = GTK_LIST_BOX (ed_test_find_widget (GTK_WIDGET (f->family), GTK_TYPE_LIST_BOX,
                                                        "travellers"));

  return ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, index));
}

static guint
n_rows (Fixture *f)
{
  guint n = 0;

  while (traveller_row (f, (int) n) != NULL)
    n++;

  return n;
}

static GtkWidget *
remove_button (Fixture *f,
               int      index)
{
  GtkWidget *row = GTK_WIDGET (traveller_row (f, index));
  GtkWidget *button = ed_test_find_widget (row, GTK_TYPE_BUTTON, NULL);

  g_assert_nonnull (button);
  return button;
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static EdTraveller *
traveller_at (Fixture *f,
              guint    position)
{
  g_autoptr(EdTraveller) traveller = g_list_model_get_item (G_LIST_MODEL (f->travellers), position);

  return traveller;
}

static void
test_one_traveller (Fixture       *f,
                    gconstpointer  data)
{
  g_assert_cmpuint (n_rows (f), ==, 1);
  g_assert_true (ed_family_list_get_selected_traveller (f->family) == traveller_at (f, 0));
  /* The last traveller of a case cannot be removed. */
  g_assert_false (gtk_widget_is_sensitive (remove_button (f, 0)));
  ed_family_list_remove_traveller (f->family, traveller_at (f, 0));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->travellers)), ==, 1);
}

static void
test_add_and_remove (Fixture       *f,
                     gconstpointer  data)
{
  EdMrzBox *box = ed_traveller_editor_get_mrz_box (ed_family_list_get_editor (f->family));
  EdTraveller *second;
  GtkWindow *dialog;

  ed_mrz_box_set_text (box,
                       "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                       "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
  ed_test_iterate (500);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (traveller_row (f, 0))), ==,
                   "ERIKSSON ANNA MARIA");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->family), "family.add", NULL));
  ed_test_iterate (50);
  g_assert_cmpuint (n_rows (f), ==, 2);
  second = traveller_at (f, 1);
  g_assert_true (ed_family_list_get_selected_traveller (f->family) == second);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (traveller_row (f, 1))), ==,
                   unnamed[ed_language_for_ui ()]);
  /* A new member starts with an empty MRZ box, ready for a scan. */
  g_autofree char *mrz_text = ed_mrz_box_dup_text (box);
  g_assert_cmpstr (mrz_text, ==, "");
  g_assert_true (gtk_widget_is_sensitive (remove_button (f, 0)));
  ed_test_screenshot (GTK_WIDGET (f->window), "family-two");

  /* Nothing typed for them: removed at once. */
  click (remove_button (f, 1));
  ed_test_iterate (50);
  g_assert_cmpuint (n_rows (f), ==, 1);
  g_assert_null (ed_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (ed_family_list_get_selected_traveller (f->family) == traveller_at (f, 0));

  /* With details: only once staff confirm. */
  second = ed_family_list_add_traveller (f->family);
  ed_traveller_set (second, "surname", "ERIKSSON");
  ed_test_iterate (50);
  click (remove_button (f, 1));
  dialog = ed_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  ed_test_wait_until_mapped (GTK_WIDGET (dialog));
  ed_test_screenshot (GTK_WIDGET (dialog), "family-remove");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  ed_test_iterate (50);
  g_assert_cmpuint (n_rows (f), ==, 2);

  click (remove_button (f, 1));
  dialog = ed_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "remove");
  ed_test_iterate (50);
  g_assert_cmpuint (n_rows (f), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->travellers)), ==, 1);
  g_assert_false (gtk_widget_is_sensitive (remove_button (f, 0)));
}

/* Every traveller counts: one with an error makes the case incomplete. */
static void
test_valid (Fixture       *f,
            gconstpointer  data)
{
  EdTraveller *second;

  g_assert_true (ed_family_list_get_valid (f->family));
  second = ed_family_list_add_traveller (f->family);
  ed_family_list_select (f->family, 0);
  ed_traveller_set (second, "passport_number", "AB12345678");
  ed_test_iterate (50);
  g_assert_false (ed_family_list_get_valid (f->family));
  ed_traveller_set (second, "passport_number", "AB1234567");
  ed_test_iterate (50);
  g_assert_true (ed_family_list_get_valid (f->family));
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

  g_test_add ("/family-list/one-traveller", Fixture, NULL, fixture_set_up, test_one_traveller,
              fixture_tear_down);
  g_test_add ("/family-list/add-and-remove", Fixture, NULL, fixture_set_up, test_add_and_remove,
              fixture_tear_down);
  g_test_add ("/family-list/valid", Fixture, NULL, fixture_set_up, test_valid, fixture_tear_down);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
