/* test-traveller-editor.c — the traveller editor in a real window
 *
 * Run under xvfb-run -a dbus-run-session, once per UI language. Staff
 * paste a passport's MRZ, type in full width, make mistakes and leave
 * required fields empty; the test checks what they would see and what
 * a screen reader would say.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "ed-application.h"
#include "ed-core.h"
#include "ed-traveller-editor.h"
#include "ed-test-gui.h"
#ifdef ED_TEST_HAS_KEYBOARD
#include "ed-test-keyboard.h"
#endif

/* ICAO Doc 9303 part 4, the specimen passport of Utopia. */
#define SPECIMEN_LINE_1 "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
#define SPECIMEN_LINE_2 "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
/* The same, with the birth date's check digit (line 2, column 20) 3. */
#define WRONG_BIRTH_LINE_2 "L898902C36UTO7408123F1204159ZE184226B<<<<<10"

typedef struct
{
  const char *passport_number;
  const char *birth_date;
} Expected;

static const Expected expected[ED_N_LANGUAGES] = {
  [ED_LANGUAGE_EN]    = { "Passport Number", "Date of Birth" },
  [ED_LANGUAGE_JA]    = { "パスポート番号", "生年月日" },
  [ED_LANGUAGE_ZH_CN] = { "护照号码", "出生日期" },
  [ED_LANGUAGE_ZH_TW] = { "护照号码", "出生日期" },
};

static EdApplication *app;

typedef struct
{
  GtkWindow         *window;
  EdTravellerEditor *editor;
  EdTraveller       *traveller;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *procedure_id = data;

  f->traveller = ed_traveller_new ();
  f->editor = ED_TRAVELLER_EDITOR (g_object_ref_sink (ed_traveller_editor_new ()));
  if (procedure_id != NULL)
    {
      EdProcedure *procedure = ed_catalog_lookup (ed_application_get_catalog (app), procedure_id);

      g_assert_nonnull (procedure);
      ed_traveller_editor_set_procedure (f->editor, procedure);
    }
  ed_traveller_editor_set_traveller (f->editor, f->traveller);
  f->window = ed_test_show_page (GTK_APPLICATION (app), GTK_WIDGET (f->editor), 760, 960);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  ed_test_wait_for_last_ref (f->editor);
  g_assert_finalize_object (f->editor);
  g_assert_finalize_object (f->traveller);
}

static EdFieldRow *
row (Fixture    *f,
     const char *name)
{
  EdFieldRow *found = ed_traveller_editor_find_row (f->editor, name);

  g_assert_nonnull (found);
  return found;
}

static GtkWidget *
editor_of (Fixture    *f,
           const char *name)
{
  return ed_field_row_get_editor (row (f, name));
}

static GtkAccessible *
text_of (Fixture    *f,
         const char *name)
{
  return GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (editor_of (f, name))));
}

static const char *
text (Fixture    *f,
      const char *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (editor_of (f, name)));
}

static void
paste_mrz (Fixture    *f,
           const char *mrz)
{
  EdMrzBox *box = ed_traveller_editor_get_mrz_box (f->editor);

  ed_mrz_box_set_text (box, mrz);
  /* Read once input stops for 300 ms: not at once. */
  g_assert_null (ed_mrz_box_get_result (box));
  g_assert_true (ed_mrz_box_get_waiting (box));
  ED_TEST_WAIT_FOR (ed_mrz_box_get_result (box) != NULL);
}

/* Waits for the check that follows typing half a second after it stops. */
static void
wait_checked (Fixture    *f,
              const char *name)
{
  EdFieldRow *field_row = row (f, name);

  ED_TEST_WAIT_FOR (!ed_field_row_get_checking (field_row));
}

static gboolean
has_mrz_problem (EdFieldRow *field_row)
{
  GPtrArray *problems = ed_field_row_get_problems (field_row);

  for (guint i = 0; i < problems->len; i++)
    if (g_str_has_prefix (((EdProblem *) g_ptr_array_index (problems, i))->code, "mrz-check"))
      return TRUE;

  return FALSE;
}

static void
assert_marked_invalid (Fixture    *f,
                       const char *name)
{
  g_assert_true (gtk_widget_has_css_class (editor_of (f, name), "error"));
  g_assert_false (ed_field_row_get_valid (row (f, name)));
  g_assert_nonnull (ed_field_row_get_message (row (f, name)));
  gtk_test_accessible_assert_state (editor_of (f, name), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);
  gtk_test_accessible_assert_property (editor_of (f, name), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       ed_field_row_get_message (row (f, name)));
}

static void
assert_not_marked (Fixture    *f,
                   const char *name)
{
  g_assert_false (gtk_widget_has_css_class (editor_of (f, name), "error"));
  g_assert_null (ed_field_row_get_message (row (f, name)));
  gtk_test_accessible_assert_state (editor_of (f, name), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_FALSE);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_assert_true (ed_traveller_editor_get_valid (f->editor));
  g_assert_cmpstr (text (f, "surname"), ==, "");
  assert_not_marked (f, "passport_number");
  ed_test_screenshot_page (GTK_WIDGET (f->editor), "editor-empty");
}

/* The two lines of a passport, pasted: seven details filled in. */
static void
test_mrz_fills (Fixture       *f,
                gconstpointer  data)
{
  EdMrzBox *box = ed_traveller_editor_get_mrz_box (f->editor);
  AdwComboRow *sex = ADW_COMBO_ROW (editor_of (f, "sex"));
  GtkStringObject *selected;

  paste_mrz (f, SPECIMEN_LINE_1 "\n" SPECIMEN_LINE_2);

  g_assert_cmpstr (text (f, "surname"), ==, "ERIKSSON");
  g_assert_cmpstr (text (f, "given_names"), ==, "ANNA MARIA");
  g_assert_cmpstr (text (f, "passport_number"), ==, "L898902C3");
  g_assert_cmpstr (text (f, "nationality"), ==, "UTO");
  g_assert_cmpstr (text (f, "birth_date"), ==, "1974-08-12");
  g_assert_cmpstr (text (f, "passport_expiry"), ==, "2012-04-15");
  selected = adw_combo_row_get_selected_item (sex);
  g_assert_cmpstr (gtk_string_object_get_string (selected), ==, "F");
  g_assert_cmpstr (ed_traveller_get (f->traveller, "passport_number"), ==, "L898902C3");
  g_assert_cmpstr (ed_traveller_get (f->traveller, "sex"), ==, "F");

  /* "TD3 passport read: 7 details filled in." in the UI language */
  g_assert_nonnull (strstr (ed_mrz_box_get_result (box), "7"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (editor_of (f, "passport_number")),
                                           "error") == FALSE);
  assert_not_marked (f, "birth_date");
  assert_not_marked (f, "surname");
  /* The specimen expired in 2012: a warning, which does not block. */
  g_assert_true (gtk_widget_has_css_class (editor_of (f, "passport_expiry"), "warning"));
  g_assert_true (ed_field_row_get_valid (row (f, "passport_expiry")));

  ed_test_screenshot_page (GTK_WIDGET (f->editor), "editor-filled");

  /* A detail changed after the read: "7 details filled in" is no longer
   * true, and no longer said. */
  ed_traveller_set (f->traveller, "surname", "ERIKSON");
  g_assert_null (ed_mrz_box_get_result (box));
  g_assert_null (ed_test_find_label (GTK_WIDGET (box), "7"));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/* The MRZ pasted again over a name staff corrected by hand: they are
 * asked, and nothing typed goes unless they choose it. */
static void
test_mrz_repaste (Fixture       *f,
                  gconstpointer  data)
{
  EdMrzBox *box = ed_traveller_editor_get_mrz_box (f->editor);
  GtkWidget *surname = editor_of (f, "surname");
  AdwMessageDialog *dialog;

  paste_mrz (f, SPECIMEN_LINE_1 "\n" SPECIMEN_LINE_2);
  g_assert_cmpstr (text (f, "surname"), ==, "ERIKSSON");
  g_assert_null (find_message_dialog ());

  /* The same MRZ read again changes nothing typed: no question. */
  ed_mrz_box_set_text (box, SPECIMEN_LINE_1 "\n" SPECIMEN_LINE_2 "\n");
  ED_TEST_WAIT_FOR (!ed_mrz_box_get_waiting (box));
  g_assert_null (find_message_dialog ());
  g_assert_nonnull (ed_mrz_box_get_result (box));

  gtk_widget_grab_focus (surname);
  gtk_editable_set_text (GTK_EDITABLE (surname), "");
  ed_test_type (surname, "ERIKSSON LIND");
  g_assert_cmpstr (ed_traveller_get (f->traveller, "surname"), ==, "ERIKSSON LIND");

  /* Pasted again: asked, and the name stays while the question stands. */
  ed_mrz_box_set_text (box, SPECIMEN_LINE_1 "\n" WRONG_BIRTH_LINE_2);
  ED_TEST_WAIT_FOR (find_message_dialog () != NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            ed_field_row_key_title ("surname")));
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "keep");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "keep");
  g_assert_cmpstr (text (f, "surname"), ==, "ERIKSSON LIND");
  ed_test_screenshot (GTK_WIDGET (dialog), "editor-mrz-replace");

  /* Closed (Escape) is kept: the name as typed, the rest read (the
   * check digit's complaint too). */
  gtk_window_close (GTK_WINDOW (dialog));
  ED_TEST_WAIT_FOR (ed_mrz_box_get_result (box) != NULL);
  ED_TEST_WAIT_FOR (find_message_dialog () == NULL);
  g_assert_cmpstr (text (f, "surname"), ==, "ERIKSSON LIND");
  g_assert_cmpstr (ed_traveller_get (f->traveller, "surname"), ==, "ERIKSSON LIND");
  g_assert_cmpstr (text (f, "given_names"), ==, "ANNA MARIA");
  assert_marked_invalid (f, "birth_date");

  /* Asked again, and this time replaced. */
  ed_mrz_box_set_text (box, SPECIMEN_LINE_1 "\n" SPECIMEN_LINE_2);
  ED_TEST_WAIT_FOR (find_message_dialog () != NULL);
  dialog = find_message_dialog ();
  /* As the button does: respond, then close. */
  adw_message_dialog_response (dialog, "replace");
  gtk_window_close (GTK_WINDOW (dialog));
  ED_TEST_WAIT_FOR (ed_mrz_box_get_result (box) != NULL);
  g_assert_cmpstr (text (f, "surname"), ==, "ERIKSSON");
  g_assert_cmpstr (ed_traveller_get (f->traveller, "surname"), ==, "ERIKSSON");
}

/* At 360 px the MRZ's 44 characters scroll sideways: none of them
 * ever runs under the box's clear button. */
static void
test_mrz_narrow (Fixture       *f,
                 gconstpointer  data)
{
  EdMrzBox *box = ed_traveller_editor_get_mrz_box (f->editor);
  GtkWidget *text_view = GTK_WIDGET (ed_mrz_box_get_text_view (box));
  GtkWidget *scrolled = gtk_widget_get_ancestor (text_view, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *clear = ed_test_find_widget (GTK_WIDGET (box), GTK_TYPE_BUTTON, NULL);
  graphene_rect_t text_bounds, clear_bounds;

  /* Shown at its first size before it is made narrower. */
  ED_TEST_WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (f->window)) > 0);
  ed_test_resize (f->window, 360, 960);
  paste_mrz (f, SPECIMEN_LINE_1 "\n" SPECIMEN_LINE_2);
  ED_TEST_WAIT_FOR (gtk_widget_get_mapped (clear) && gtk_widget_get_width (clear) > 0);
  ED_TEST_WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (box)) < 360);

  /* Wider than the box: it scrolls. */
  {
    GtkAdjustment *across = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (text_view));

    ED_TEST_WAIT_FOR (gtk_adjustment_get_upper (across) > gtk_adjustment_get_page_size (across));
  }
  g_assert_true (gtk_widget_compute_bounds (scrolled, GTK_WIDGET (box), &text_bounds));
  g_assert_true (gtk_widget_compute_bounds (clear, GTK_WIDGET (box), &clear_bounds));
  ed_test_screenshot_page (GTK_WIDGET (f->editor), "editor-mrz-narrow");
  g_assert_false (graphene_rect_intersection (&text_bounds, &clear_bounds, NULL));
}

/* A wrong check digit is shown on the detail it covers, and only there. */
static void
test_mrz_check_digit (Fixture       *f,
                      gconstpointer  data)
{
  const char * const *keys = ed_traveller_keys ();
  g_autoptr(EdMrz) mrz = ed_mrz_parse (SPECIMEN_LINE_1 "\n" WRONG_BIRTH_LINE_2, NULL, NULL);
  g_autoptr(GPtrArray) problems = ed_mrz_dup_problems (mrz);
  const EdProblem *birth = ed_problem_list_find (problems, "birth_date", "mrz-check-birth_date");
  EdMrzBox *box = ed_traveller_editor_get_mrz_box (f->editor);

  g_assert_nonnull (birth);
  paste_mrz (f, SPECIMEN_LINE_1 "\n" WRONG_BIRTH_LINE_2);

  /* Filled all the same, so that staff compare rather than retype. */
  g_assert_cmpstr (text (f, "birth_date"), ==, "1974-08-12");
  assert_marked_invalid (f, "birth_date");
  g_assert_nonnull (strstr (ed_field_row_get_message (row (f, "birth_date")), birth->message));
  g_assert_false (ed_traveller_editor_get_valid (f->editor));

  /* Every row shown: those of procedure format 2 only when a procedure
   * needs them. */
  for (guint i = 0; keys[i] != NULL; i++)
    {
      EdFieldRow *shown = ed_traveller_editor_find_row (f->editor, keys[i]);

      if (shown != NULL && !g_str_equal (keys[i], "birth_date"))
        g_assert_false (has_mrz_problem (shown));
    }
  g_assert_false (gtk_widget_has_css_class (editor_of (f, "passport_number"), "error"));
  g_assert_false (gtk_widget_has_css_class (editor_of (f, "passport_expiry"), "error"));
  /* The composite digit covers the birth date too: the box says so. */
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (box)));
  g_assert_nonnull (strstr (ed_mrz_box_get_result (box),
                            ed_mrz_check_label (ED_MRZ_CHECK_BIRTH_DATE)));

  ed_test_screenshot_page (GTK_WIDGET (f->editor), "editor-check-digit");

  /* Once staff correct the date, the check digit's complaint goes. */
  gtk_editable_set_text (GTK_EDITABLE (editor_of (f, "birth_date")), "");
  ed_test_type (editor_of (f, "birth_date"), "1974-08-12");
  wait_checked (f, "birth_date");
  g_assert_false (has_mrz_problem (row (f, "birth_date")));
  assert_not_marked (f, "birth_date");
}

static void
test_full_width (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *passport = editor_of (f, "passport_number");

  gtk_widget_grab_focus (passport);
  ed_test_type (passport, "ＡＢ１２３４５６７");

  /* Stored at once, half width; the entry is not rewritten under the
   * fingers of staff typing. */
  g_assert_cmpstr (ed_traveller_get (f->traveller, "passport_number"), ==, "AB1234567");
  g_assert_cmpstr (text (f, "passport_number"), ==, "ＡＢ１２３４５６７");
  wait_checked (f, "passport_number");
  assert_not_marked (f, "passport_number");
  g_assert_true (ed_field_row_get_valid (row (f, "passport_number")));

  /* Enter moves on to the next row, and shows what is stored. */
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (passport)), "activate");
  ED_TEST_WAIT_FOR (g_strcmp0 (text (f, "passport_number"), "AB1234567") == 0);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                         editor_of (f, "nationality")));
}

static void
test_passport_too_long (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *passport = editor_of (f, "passport_number");

  gtk_widget_grab_focus (passport);
  ed_test_type (passport, "AB12345678");

  /* Not while typing: half a second after the last key. */
  g_assert_true (ed_field_row_get_checking (row (f, "passport_number")));
  assert_not_marked (f, "passport_number");
  wait_checked (f, "passport_number");
  assert_marked_invalid (f, "passport_number");
  g_assert_false (ed_traveller_editor_get_valid (f->editor));
  ed_test_screenshot_page (GTK_WIDGET (f->editor), "editor-error");

  gtk_editable_delete_text (GTK_EDITABLE (passport), 9, 10);
  wait_checked (f, "passport_number");
  assert_not_marked (f, "passport_number");
  g_assert_true (ed_traveller_editor_get_valid (f->editor));
}

/* A whole column pasted into the surname: the field says how long it
 * is and how long it may be, at once and without stalling the window.
 * (A GtkEntry keeps at most 65,535 characters of a paste.) */
static void
test_value_too_long (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *surname = editor_of (f, "surname");
  g_autofree char *huge = g_strnfill (20000, 'A');
  g_autofree char *message = ed_field_describe_too_long (20000, 100);

  gtk_widget_grab_focus (surname);
  gtk_editable_set_text (GTK_EDITABLE (surname), huge);
  ED_TEST_WAIT_FOR (ed_field_row_get_message (row (f, "surname")) != NULL);
  assert_marked_invalid (f, "surname");
  g_assert_cmpstr (ed_field_row_get_message (row (f, "surname")), ==, message);
  g_assert_false (ed_traveller_editor_get_valid (f->editor));

  gtk_editable_set_text (GTK_EDITABLE (surname), "ERIKSSON");
  ED_TEST_WAIT_FOR (ed_field_row_get_message (row (f, "surname")) == NULL);
  assert_not_marked (f, "surname");
  g_assert_true (ed_traveller_editor_get_valid (f->editor));
}

/* With My HER-SYS, the e-mail address is required. */
static void
test_required (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *email = editor_of (f, "email");

  gtk_test_accessible_assert_property (text_of (f, "email"),
                                       GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE);
  gtk_test_accessible_assert_property (text_of (f, "phone"),
                                       GTK_ACCESSIBLE_PROPERTY_REQUIRED, FALSE);

  /* Required and empty: not valid, but not shouted at before staff
   * have been there. */
  g_assert_false (ed_field_row_get_valid (row (f, "email")));
  g_assert_false (ed_traveller_editor_get_valid (f->editor));
  assert_not_marked (f, "email");

  /* Left empty: marked. */
  gtk_widget_grab_focus (email);
  ed_test_drain ();
  gtk_widget_grab_focus (editor_of (f, "phone"));
  ED_TEST_WAIT_FOR (ed_field_row_get_message (row (f, "email")) != NULL);
  assert_marked_invalid (f, "email");

  ed_test_type (email, "anna@example.com");
  wait_checked (f, "email");
  assert_not_marked (f, "email");
  g_assert_true (ed_field_row_get_valid (row (f, "email")));
}

/* What a screen reader says of a row, and the official label beside it. */
static void
test_labels (Fixture       *f,
             gconstpointer  data)
{
  const Expected *want = &expected[ed_language_for_ui ()];
  EdFieldRow *passport = row (f, "passport_number");

  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (passport)), ==,
                   want->passport_number);
  gtk_test_accessible_assert_property (text_of (f, "passport_number"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       want->passport_number);
  gtk_test_accessible_assert_property (text_of (f, "birth_date"), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       want->birth_date);
  /* HER-SYS's form is in traditional Chinese. */
  g_assert_nonnull (ed_test_find_label (GTK_WIDGET (passport), "護照號碼"));
  g_assert_cmpstr (ed_test_label_language (GTK_WIDGET (passport), "護照號碼"), ==, "zh-tw");

  /* Its own question, with its rule. */
  g_assert_nonnull (ed_traveller_editor_find_row (f->editor, "smartphone-input-id"));
  ed_test_screenshot_page (GTK_WIDGET (f->editor), "editor-her-sys");
}

/* The keys of procedure format 2 (stay and work) are asked with every
 * procedure, and without one: main's editor shows them all, under
 * "Stay and Work", whatever the procedure needs. */
static void
test_format_2_keys (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(EdProcedure) none = NULL;

  g_assert_nonnull (ed_traveller_editor_find_row (f->editor, "status_of_residence"));
  g_assert_nonnull (ed_traveller_editor_find_row (f->editor, "stay_expiry"));
  g_assert_nonnull (ed_traveller_editor_find_row (f->editor, "employer"));
  g_assert_nonnull (ed_test_find_label (GTK_WIDGET (f->editor),
                                        ed_field_row_key_title ("status_of_residence")));
  ed_test_screenshot_page (GTK_WIDGET (f->editor), "editor-format-2-keys");

  ed_traveller_editor_set_procedure (f->editor, NULL);
  g_assert_nonnull (ed_traveller_editor_find_row (f->editor, "status_of_residence"));
  g_assert_nonnull (ed_traveller_editor_find_row (f->editor, "arrival_date"));
}

/* "日本" finds Japan: the row stores JPN and shows the name. */
static void
test_country (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *nationality = editor_of (f, "nationality");

  gtk_widget_grab_focus (nationality);
  ed_test_type (nationality, "日本");
  gtk_widget_grab_focus (editor_of (f, "sex"));
  ED_TEST_WAIT_FOR (g_strcmp0 (ed_traveller_get (f->traveller, "nationality"), "JPN") == 0);
  wait_checked (f, "nationality");

  g_assert_cmpstr (text (f, "nationality"), ==, "JPN");
  assert_not_marked (f, "nationality");
}

/* The suggestions a field row shows under itself, as staff type. */
static GtkPopover *
suggestions_of (Fixture    *f,
                const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (row (f, name)));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      return GTK_POPOVER (child);

  g_assert_not_reached ();
}

static gboolean
shows_flag (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) >= 0x1F1E6 && g_utf8_get_char (p) <= 0x1F1FF)
      return TRUE;

  return FALSE;
}

/* The name beside the code is words: no flag, which many desks have no
 * font for and would show as boxes. */
static void
assert_country_shown (Fixture    *f,
                      const char *code)
{
  const char *name = ed_country_get_display_name (ed_country_lookup (code));
  GtkLabel *label;

  ED_TEST_WAIT_FOR (ed_test_find_label (GTK_WIDGET (row (f, "nationality")), name) != NULL);
  label = ed_test_find_label (GTK_WIDGET (row (f, "nationality")), name);
  g_assert_false (shows_flag (gtk_label_get_text (label)));
}

#ifdef ED_TEST_HAS_KEYBOARD
/* Nationality as a searchable list, with the keyboard alone: what is
 * typed finds countries, the arrows move, Enter picks, Escape brings
 * back what was there. */
static void
test_country_keys (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *nationality = editor_of (f, "nationality");
  GtkPopover *suggestions = suggestions_of (f, "nationality");

  ed_traveller_set (f->traveller, "nationality", "JPN");
  ED_TEST_WAIT_FOR (g_strcmp0 (text (f, "nationality"), "JPN") == 0);
  assert_country_shown (f, "JPN");

  ed_test_keyboard_focus_window (f->window);
  gtk_widget_grab_focus (nationality);
  ED_TEST_WAIT_FOR (gtk_widget_has_focus (gtk_root_get_focus (GTK_ROOT (f->window))));
  gtk_editable_select_region (GTK_EDITABLE (nationality), 0, -1);
  ed_test_press_text ("korea");
  ED_TEST_WAIT_FOR (gtk_widget_get_visible (GTK_WIDGET (suggestions)));

  /* Escape: the search goes, JPN stays. */
  ed_test_press (GDK_KEY_Escape, 0);
  ED_TEST_WAIT_FOR (!gtk_widget_get_visible (GTK_WIDGET (suggestions)));
  g_assert_cmpstr (text (f, "nationality"), ==, "JPN");
  g_assert_cmpstr (ed_traveller_get (f->traveller, "nationality"), ==, "JPN");

  /* North Korea, then South Korea: Down moves, Enter picks. */
  gtk_editable_select_region (GTK_EDITABLE (nationality), 0, -1);
  ed_test_press_text ("korea");
  ED_TEST_WAIT_FOR (gtk_widget_get_visible (GTK_WIDGET (suggestions)));
  ed_test_screenshot (GTK_WIDGET (suggestions), "editor-country-korea");
  ed_test_press (GDK_KEY_Down, 0);
  ed_test_press (GDK_KEY_Return, 0);
  ED_TEST_WAIT_FOR (!gtk_widget_get_visible (GTK_WIDGET (suggestions)));
  g_assert_cmpstr (text (f, "nationality"), ==, "KOR");
  g_assert_cmpstr (ed_traveller_get (f->traveller, "nationality"), ==, "KOR");
  assert_country_shown (f, "KOR");
  /* Enter picked: it did not move on. */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), nationality));

  /* What a clerk in Taipei types (no XTest key for Han: put in as an
   * input method would). */
  gtk_editable_set_text (GTK_EDITABLE (nationality), "");
  ed_test_type (nationality, "台灣");
  ED_TEST_WAIT_FOR (gtk_widget_get_visible (GTK_WIDGET (suggestions)));
  ed_test_screenshot (GTK_WIDGET (suggestions), "editor-country-suggestions");
  ed_test_press (GDK_KEY_Return, 0);
  ED_TEST_WAIT_FOR (g_strcmp0 (ed_traveller_get (f->traveller, "nationality"), "TWN") == 0);
  assert_country_shown (f, "TWN");
  ed_test_screenshot_page (GTK_WIDGET (f->editor), "editor-country");
}
#endif

/* A date typed as staff write it, or picked from the calendar. */
static void
test_date (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *birth = editor_of (f, "birth_date");
  GtkMenuButton *button = GTK_MENU_BUTTON (ed_test_find_widget (birth, GTK_TYPE_MENU_BUTTON, NULL));
  GtkCalendar *calendar;
  g_autoptr(GDateTime) day = g_date_time_new_local (1991, 5, 6, 12, 0, 0);

  gtk_widget_grab_focus (birth);
  ed_test_type (birth, "1990年4月25日");
  g_assert_cmpstr (ed_traveller_get (f->traveller, "birth_date"), ==, "1990-04-25");
  wait_checked (f, "birth_date");
  assert_not_marked (f, "birth_date");

  /* The calendar opens on the date typed; a day picked replaces it. */
  g_assert_nonnull (button);
  gtk_menu_button_popup (button);
  ed_test_wait_until_mapped (GTK_WIDGET (gtk_menu_button_get_popover (button)));
  calendar = GTK_CALENDAR (gtk_popover_get_child (gtk_menu_button_get_popover (button)));
  {
    g_autoptr(GDateTime) shown = gtk_calendar_get_date (calendar);

    g_assert_cmpint (g_date_time_get_year (shown), ==, 1990);
    g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 25);
  }
  /* As a click on a day: the calendar says which day was selected. */
  gtk_calendar_select_day (calendar, day);
  ED_TEST_WAIT_FOR (g_strcmp0 (text (f, "birth_date"), "1991-05-06") == 0);
  g_assert_cmpstr (ed_traveller_get (f->traveller, "birth_date"), ==, "1991-05-06");
  ED_TEST_WAIT_FOR (!gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (button))));

  /* A day that does not exist is explained, not silently changed. */
  gtk_editable_set_text (GTK_EDITABLE (birth), "1990-02-30");
  wait_checked (f, "birth_date");
  assert_marked_invalid (f, "birth_date");
}

/* The filled page at 1280 and 360 pixels, light and dark: nothing
 * wider than the window; pictures for people to look at. */
static void
test_sizes (Fixture       *f,
            gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  const int widths[] = { 1280, 360 };

  ED_TEST_WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (f->window)) > 0);
  paste_mrz (f, SPECIMEN_LINE_1 "\n" SPECIMEN_LINE_2);
  ed_traveller_set (f->traveller, "nationality", "CHN");
  ED_TEST_WAIT_FOR (g_strcmp0 (text (f, "nationality"), "CHN") == 0);
  assert_country_shown (f, "CHN");

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (guint dark = 0; dark < 2; dark++)
      {
        g_autofree char *file = g_strdup_printf ("editor-%d-%s", widths[w],
                                                 dark ? "dark" : "light");

        adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                        : ADW_COLOR_SCHEME_FORCE_LIGHT);
        ed_test_resize (f->window, widths[w], 960);
        g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->editor)), <=, widths[w]);
        ed_test_screenshot_page (GTK_WIDGET (f->editor), file);
      }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* A date typed with slashes, or in full width with 年月日, is shown as
 * stored once staff leave the row. */
static void
test_date_shown_normalised (Fixture       *f,
                            gconstpointer  data)
{
  const struct { const char *typed; const char *shown; } dates[] = {
    { "1974/8/12", "1974-08-12" },
    { "１９７４／８／１２", "1974-08-12" },
    { "1974年8月12日", "1974-08-12" },
    { "１９７４年８月１２日", "1974-08-12" },
  };
  GtkWidget *birth = editor_of (f, "birth_date");

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_test_message ("%s", dates[i].typed);
      gtk_widget_grab_focus (birth);
      gtk_editable_set_text (GTK_EDITABLE (birth), "");
      ed_test_type (birth, dates[i].typed);
      /* Still as typed while staff are in the row. */
      g_assert_cmpstr (text (f, "birth_date"), ==, dates[i].typed);

      gtk_widget_grab_focus (editor_of (f, "sex"));
      ED_TEST_WAIT_FOR (g_strcmp0 (text (f, "birth_date"), dates[i].shown) == 0);
      g_assert_cmpstr (ed_traveller_get (f->traveller, "birth_date"), ==, dates[i].shown);
      wait_checked (f, "birth_date");
      assert_not_marked (f, "birth_date");
    }
}

/* A change elsewhere is checked again: a later arrival makes the
 * passport expire too early. */
static void
test_other_key_changes (Fixture       *f,
                        gconstpointer  data)
{
  ed_traveller_set (f->traveller, "passport_expiry", "2090-01-01");
  ED_TEST_WAIT_FOR (g_strcmp0 (text (f, "passport_expiry"), "2090-01-01") == 0);
  wait_checked (f, "passport_expiry");
  g_assert_false (gtk_widget_has_css_class (editor_of (f, "passport_expiry"), "warning"));

  ed_traveller_set (f->traveller, "arrival_date", "2091-01-01");
  ED_TEST_WAIT_FOR (gtk_widget_has_css_class (editor_of (f, "passport_expiry"), "warning"));
  g_assert_nonnull (ed_field_row_get_message (row (f, "passport_expiry")));
  /* A warning: staff look again, but may go on. */
  g_assert_true (ed_traveller_editor_get_valid (f->editor));
}

/* The keys procedures in force count from: a time typed loosely is
 * stored as HH:MM; a status of residence is chosen by its name, with
 * the official Japanese one beside it, and stored as its code. */
static void
test_stay_and_work (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *time = editor_of (f, "arrival_time");
  AdwComboRow *status = ADW_COMBO_ROW (editor_of (f, "status_of_residence"));
  AdwComboRow *visa = ADW_COMBO_ROW (editor_of (f, "visa_type"));
  GListModel *statuses = adw_combo_row_get_model (status);
  guint engineer = G_MAXUINT;

  gtk_widget_grab_focus (time);
  ed_test_type (time, "２３：１０");
  g_assert_cmpstr (ed_traveller_get (f->traveller, "arrival_time"), ==, "23:10");
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (time)), "activate");
  ED_TEST_WAIT_FOR (g_strcmp0 (text (f, "arrival_time"), "23:10") == 0);

  gtk_editable_set_text (GTK_EDITABLE (time), "25:00");
  ED_TEST_WAIT_FOR (ed_field_row_get_message (row (f, "arrival_time")) != NULL);
  assert_marked_invalid (f, "arrival_time");

  /* "Not chosen", then Japan's 32 statuses. */
  g_assert_cmpuint (g_list_model_get_n_items (statuses), ==, 33);
  for (guint i = 0; i < g_list_model_get_n_items (statuses); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (statuses, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), "engineer-humanities-international") == 0)
        engineer = i;
    }
  g_assert_cmpuint (engineer, !=, G_MAXUINT);
  adw_combo_row_set_selected (status, engineer);
  g_assert_cmpstr (ed_traveller_get (f->traveller, "status_of_residence"), ==,
                   "engineer-humanities-international");

  /* China's visa categories, and entry without one. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (visa)), ==, 18);
  ed_test_screenshot_page (GTK_WIDGET (f->editor), "editor-stay");
}

/* Tab reaches every row, in page order, from the MRZ box on. */
static void
test_tab_order (Fixture       *f,
                gconstpointer  data)
{
  const char * const *keys = ed_traveller_keys ();
  g_autoptr(GPtrArray) reached = g_ptr_array_new ();
  EdMrzBox *box = ed_traveller_editor_get_mrz_box (f->editor);
  guint n_shown = 0;

  gtk_widget_grab_focus (GTK_WIDGET (box));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (ed_mrz_box_get_text_view (box))));

  for (guint i = 0; i < 100; i++)
    {
      GtkWidget *focus;
      GtkWidget *field_row;

      gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (f->window));
      /* Round the window and back to the start. */
      if (focus == NULL || focus == GTK_WIDGET (ed_mrz_box_get_text_view (box)))
        break;
      field_row = gtk_widget_get_ancestor (focus, ED_TYPE_FIELD_ROW);
      if (field_row != NULL
          && (reached->len == 0 || g_ptr_array_index (reached, reached->len - 1) != field_row))
        g_ptr_array_add (reached, field_row);
    }

  /* Every row shown, once: every traveller key, those of format 2 too. */
  for (guint i = 0; keys[i] != NULL; i++)
    n_shown += ed_traveller_editor_find_row (f->editor, keys[i]) != NULL;
  g_assert_cmpuint (n_shown, ==, g_strv_length ((char **) keys));
  g_assert_cmpuint (reached->len, ==, n_shown);
  g_assert_true (g_ptr_array_index (reached, 0) == row (f, "surname"));
  g_assert_true (g_ptr_array_index (reached, 4) == row (f, "passport_number"));
  g_assert_true (g_ptr_array_index (reached, reached->len - 1) == row (f, "employer"));
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

  /* Registered, not activated: the app's style sheet and catalog. */
  app = ed_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

#define ADD(path, procedure, func) \
  g_test_add ("/traveller-editor/" path, Fixture, procedure, fixture_set_up, func, \
              fixture_tear_down)
  ADD ("empty", NULL, test_empty);
  ADD ("mrz-fills", NULL, test_mrz_fills);
  ADD ("mrz-check-digit", NULL, test_mrz_check_digit);
  ADD ("mrz-repaste", NULL, test_mrz_repaste);
  ADD ("mrz-narrow", NULL, test_mrz_narrow);
  ADD ("sizes", NULL, test_sizes);
  ADD ("full-width", NULL, test_full_width);
  ADD ("passport-too-long", NULL, test_passport_too_long);
  ADD ("value-too-long", NULL, test_value_too_long);
  ADD ("required", "jp-my-her-sys", test_required);
  ADD ("labels", "jp-my-her-sys", test_labels);
  ADD ("format-2-keys", "jp-national-health-insurance", test_format_2_keys);
  ADD ("country", NULL, test_country);
#ifdef ED_TEST_HAS_KEYBOARD
  ADD ("country-keys", NULL, test_country_keys);
#endif
  ADD ("date", NULL, test_date);
  ADD ("date-shown-normalised", NULL, test_date_shown_normalised);
  ADD ("other-key-changes", NULL, test_other_key_changes);
  ADD ("tab-order", NULL, test_tab_order);
  ADD ("stay-and-work", NULL, test_stay_and_work);
#undef ADD

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
