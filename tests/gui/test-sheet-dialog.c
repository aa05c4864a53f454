/* test-sheet-dialog.c — Print and Export PDF in a real window
 *
 * Staff open the sheet dialog for a case, choose languages and paper
 * (remembered), look at the preview, save a PDF or print; what comes
 * out is read back as a reader would (pdftotext, zbarimg), and lands in
 * the case's audit log.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "ed-application.h"
#include "ed-core.h"
#include "ed-print-operation.h"
#include "ed-sheet-actions.h"
#include "ed-letterhead-group.h"
#include "ed-sheet-dialog-private.h"
#include "ed-test-gui.h"
#include "ed-test-pdf.h"
#include "ed-test-util.h"
#include "ed-window.h"
#include "ed-wizard.h"
#ifdef ED_TEST_HAS_KEYBOARD
#include "ed-test-keyboard.h"
#endif

#define MYSOS_URL "https://mysosp.page.link/sfY2kRrviv4t4eFy7"

static EdApplication *app;

typedef struct
{
  char      *dir;
  GSettings *settings;
  EdStore   *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = ed_test_make_tmpdir ();
  f->settings = g_settings_new (APP_ID);
  g_settings_reset (f->settings, "sheet-languages");
  g_settings_reset (f->settings, "paper");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* What the dialog wrote in the case's log may still be finishing. */
  if (f->store != NULL)
    {
      ed_test_wait_for_last_ref (f->store);
      g_assert_finalize_object (f->store);
    }
  g_clear_object (&f->settings);
  ed_test_rm_rf (f->dir);
  g_free (f->dir);
}

static GtkWindow *
main_window (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (ED_IS_WINDOW (window));
  ed_test_wait_until_mapped (GTK_WIDGET (window));
  return window;
}

static EdProcedure *
procedure (const char *id)
{
  EdProcedure *found = ed_catalog_lookup (ed_application_get_catalog (app), id);

  g_assert_nonnull (found);
  return found;
}

static EdTraveller *
traveller_new (const char *given_names)
{
  EdTraveller *traveller = ed_traveller_new ();

  ed_traveller_set (traveller, "surname", "YAMADA");
  ed_traveller_set (traveller, "given_names", given_names);
  ed_traveller_set (traveller, "native_name", "山田");
  ed_traveller_set (traveller, "birth_date", "1990-04-01");
  ed_traveller_set (traveller, "nationality", "JPN");
  ed_traveller_set (traveller, "passport_number", "TR1234567");
  ed_traveller_set (traveller, "email", "taro@example.com");
  ed_traveller_set (traveller, "phone", "09012345678");
  ed_traveller_set (traveller, "address_local", "東京都千代田区丸の内1-1-1");
  ed_traveller_set (traveller, "arrival_date", "2022-01-01");
  return traveller;
}

/* A filled case: one traveller, or a family of @n. */
static EdCase *
case_new (const char *id,
          guint       n)
{
  static const char * const names[] = { "TARO", "HANAKO", "JIRO" };
  EdCase *kase = ed_case_new (id, ed_procedure_get_version (procedure (id)));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EdTraveller) traveller = traveller_new (names[i]);

      ed_case_add_traveller (kase, traveller);
    }

  return kase;
}

/* A case the store holds, so that it has an audit log. */
static void
store_case (Fixture *f,
            EdCase  *kase)
{
  g_autofree char *path = g_build_filename (f->dir, "cases.db", NULL);
  g_autoptr(GError) error = NULL;

  f->store = ed_store_open (path, NULL, &error);
  g_assert_no_error (error);
  ed_store_add_case (f->store, kase, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ed_case_get_id (kase), >, 0);
}

static void
wait_ready (EdSheetDialog *dialog)
{
  ED_TEST_WAIT_FOR (!dialog->preparing && !dialog->busy && dialog->document != NULL);
  ed_test_drain ();
}

static EdSheetDialog *
open_dialog (EdSheetDialogMode  mode,
             EdCase            *kase,
             EdStore           *store)
{
  EdProcedure *found = procedure (ed_case_get_procedure_id (kase));
  GtkWindow *dialog;

  if (mode == ED_SHEET_DIALOG_PRINT)
    dialog = ed_sheet_actions_print (main_window (), kase, found, store);
  else
    dialog = ed_sheet_actions_export_pdf (main_window (), kase, found, store);

  g_assert_true (ED_IS_SHEET_DIALOG (dialog));
  g_assert_true (gtk_window_get_modal (dialog));
  g_assert_true (gtk_window_get_transient_for (dialog) == main_window ());
  ed_test_wait_until_mapped (GTK_WIDGET (dialog));
  wait_ready (ED_SHEET_DIALOG (dialog));
  return ED_SHEET_DIALOG (dialog);
}

static void
close_dialog (EdSheetDialog *dialog)
{
  g_autoptr(GtkWidget) watched = g_object_ref (GTK_WIDGET (dialog));

  gtk_window_destroy (GTK_WINDOW (dialog));
  ed_test_wait_for_last_ref (watched);
  g_assert_finalize_object (g_steal_pointer (&watched));
}

static GtkWidget *
language_row (EdSheetDialog *dialog,
              EdLanguage     language)
{
  GtkWidget *row = ed_test_find_row (GTK_WIDGET (dialog->language_list),
                                     ed_language_native_name (language));

  g_assert_nonnull (row);
  return row;
}

/* The "up", "down" or "check" widget of a language's row. */
static gpointer
language_row_part (EdSheetDialog *dialog,
                   EdLanguage     language,
                   const char    *part)
{
  return g_object_get_data (G_OBJECT (language_row (dialog, language)), part);
}

/* Like a click on the row's box. */
static void
tick (EdSheetDialog *dialog,
      EdLanguage     language,
      gboolean       ticked)
{
  GtkCheckButton *check = g_object_get_data (G_OBJECT (language_row (dialog, language)), "check");

  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (check)));
  gtk_check_button_set_active (check, ticked);
  wait_ready (dialog);
}

static void
click_arrow (EdSheetDialog *dialog,
             EdLanguage     language,
             const char     *which)
{
  GtkWidget *button = g_object_get_data (G_OBJECT (language_row (dialog, language)), which);

  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  wait_ready (dialog);
}

static void
assert_setting_languages (Fixture    *f,
                          const char *expected)
{
  g_auto(GStrv) languages = g_settings_get_strv (f->settings, "sheet-languages");
  g_autofree char *joined = g_strjoinv (",", languages);

  g_assert_cmpstr (joined, ==, expected);
}

/* The number of pages the sheets have, made without the dialog. */
static guint
expected_pages (EdCase     *kase,
                const char *languages,
                EdPaper     paper)
{
  g_autoptr(EdSheetOptions) options = ed_sheet_options_new ();
  g_autoptr(EdSheetLayout) layout = NULL;
  g_autoptr(GError) error = NULL;

  ed_sheet_options_parse_languages (options, languages, &error);
  g_assert_no_error (error);
  ed_sheet_options_set_paper (options, paper);
  layout = ed_sheet_layout_new (procedure (ed_case_get_procedure_id (kase)),
                                ed_case_get_traveller (kase, 0), options, &error);
  g_assert_no_error (error);

  return ed_sheet_layout_get_n_pages (layout) * MAX (ed_case_get_n_travellers (kase), 1);
}

/* What the preview widget shows, as pixels. */
static GBytes *
render_preview (EdSheetDialog *dialog,
                guint         *n_ink)
{
  GtkWidget *widget = GTK_WIDGET (dialog->preview);
  g_autoptr(GdkPaintable) paintable = NULL;
  GtkSnapshot *snapshot;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  graphene_rect_t bounds;
  guchar *pixels;
  gsize stride;
  int height;
  int width;

  /* A paintable takes the widget as last drawn: after the changes. */
  ed_test_wait_for_paint (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  stride = (gsize) width * 4;
  pixels = g_malloc ((gsize) height * stride);
  g_assert_cmpint (width, >, 100);
  g_assert_cmpint (height, >, 100);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  graphene_rect_init (&bounds, 0, 0, width, height);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &bounds);
  gdk_texture_download (texture, pixels, stride);

  /* Ink: the dark text of a sheet, on the white paper. */
  *n_ink = 0;
  for (gsize i = 0; i < (gsize) height * stride; i += 4)
    if (pixels[i] < 90 && pixels[i + 1] < 90 && pixels[i + 2] < 90)
      (*n_ink)++;

  return g_bytes_new_take (pixels, (gsize) height * stride);
}

/* Whether a row of pixels near the preview's top (below the paper's
 * edge line) is all page, paper or ink: zoomed in, the page reaches past
 * the top; whole, it has room around it, where nothing is drawn. */
static gboolean
top_row_is_page (EdSheetDialog *dialog,
                 GBytes        *pixels)
{
  int width = gtk_widget_get_width (GTK_WIDGET (dialog->preview));
  const guchar *row = (const guchar *) g_bytes_get_data (pixels, NULL) + 3 * 4 * width;

  for (int x = width / 3; x < 2 * width / 3; x++)
    if (row[4 * x + 3] != 255)
      return FALSE;

  return TRUE;
}

/* Presses @keyval with @modifiers, or does what it is bound to without
 * a keyboard. */
static void
press_key (EdSheetDialog   *dialog,
           guint            keyval,
           GdkModifierType  modifiers,
           const char      *action)
{
#ifdef ED_TEST_HAS_KEYBOARD
  ed_test_keyboard_focus_window (GTK_WINDOW (dialog));
  ed_test_press (keyval, modifiers);
#else
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), action, NULL));
#endif
}

static char *
dup_languages (EdSheetDialog *dialog)
{
  return ed_sheet_options_dup_languages_string (ed_sheet_document_get_options (dialog->document));
}

static gboolean
personal_qr (EdSheetDialog *dialog)
{
  return ed_sheet_options_get_personal_qr (ed_sheet_document_get_options (dialog->document));
}

/* Languages and paper follow the setting both ways; the preview has
 * the sheet's pages, one at a time. */
static void
test_sheet_dialog_options (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(EdCase) kase = case_new ("jp-entry-waiting-mysos", 1);
  EdSheetDialog *dialog = open_dialog (ED_SHEET_DIALOG_PDF, kase, NULL);
  GtkWidget *next = ed_test_find_actionable (GTK_WIDGET (dialog), "sheet.next-page");
  GtkWidget *previous = ed_test_find_actionable (GTK_WIDGET (dialog), "sheet.previous-page");
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autofree char *languages = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *position = NULL;
  guint n_pages, ink;
  double width, height;

  /* The defaults: all three languages, A4, no personal data in codes. */
  languages = dup_languages (dialog);
  g_assert_cmpstr (languages, ==, "en,ja,zh_CN");
  g_assert_cmpuint (adw_combo_row_get_selected (dialog->paper_row), ==, 0);
  g_assert_false (gtk_switch_get_active (dialog->personal_switch));
  g_assert_false (personal_qr (dialog));
  g_assert_cmpuint (ed_sheet_preview_get_n_pages (dialog->preview), ==,
                    expected_pages (kase, "en,ja,zh_CN", ED_PAPER_A4));
  g_assert_true (ed_sheet_dialog_get_ready (dialog));
  /* MySOS ended in 2022: staff see it before anything else. */
  g_assert_true (gtk_widget_get_visible (dialog->ended_banner));
  ed_test_screenshot (GTK_WIDGET (dialog), "sheet-dialog");

  /* No English column; Chinese before Japanese; English back, last. */
  tick (dialog, ED_LANGUAGE_EN, FALSE);
  assert_setting_languages (f, "ja,zh_CN");
  /* The row unticked stays under the pointer, saying it is not printed. */
  g_assert_true (gtk_list_box_get_row_at_index (dialog->language_list, 0) ==
                 GTK_LIST_BOX_ROW (language_row (dialog, ED_LANGUAGE_EN)));
  click_arrow (dialog, ED_LANGUAGE_ZH_CN, "up");
  assert_setting_languages (f, "zh_CN,ja");
  g_assert_true (gtk_list_box_get_row_at_index (dialog->language_list, 0) ==
                 GTK_LIST_BOX_ROW (language_row (dialog, ED_LANGUAGE_ZH_CN)));
  g_assert_false (gtk_widget_get_sensitive (language_row_part (dialog, ED_LANGUAGE_ZH_CN, "up")));
  tick (dialog, ED_LANGUAGE_EN, TRUE);
  assert_setting_languages (f, "zh_CN,ja,en");
  g_clear_pointer (&languages, g_free);
  languages = dup_languages (dialog);
  g_assert_cmpstr (languages, ==, "zh_CN,ja,en");
  tick (dialog, ED_LANGUAGE_EN, FALSE);
  tick (dialog, ED_LANGUAGE_ZH_CN, FALSE);
  assert_setting_languages (f, "ja");

  /* The last language cannot go. */
  g_assert_false (gtk_widget_get_sensitive (language_row_part (dialog, ED_LANGUAGE_JA, "check")));

  /* The setting drives the dialog too. */
  g_settings_set_strv (f->settings, "sheet-languages",
                       (const char * const[]) { "zh_CN", "ja", NULL });
  wait_ready (dialog);
  g_assert_true (gtk_check_button_get_active (language_row_part (dialog, ED_LANGUAGE_ZH_CN,
                                                                 "check")));
  g_assert_false (gtk_check_button_get_active (language_row_part (dialog, ED_LANGUAGE_EN,
                                                                  "check")));
  g_clear_pointer (&languages, g_free);
  languages = dup_languages (dialog);
  g_assert_cmpstr (languages, ==, "zh_CN,ja");

  /* Letter, remembered. */
  adw_combo_row_set_selected (dialog->paper_row, 1);
  wait_ready (dialog);
  paper = g_settings_get_string (f->settings, "paper");
  g_assert_cmpstr (paper, ==, "letter");
  ed_sheet_document_get_page_size (dialog->document, 0, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 612, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 792, 0.5);

  /* Personal details in a code only when asked for; not remembered. */
  gtk_switch_set_active (dialog->personal_switch, TRUE);
  wait_ready (dialog);
  g_assert_true (personal_qr (dialog));
  gtk_switch_set_active (dialog->personal_switch, FALSE);
  wait_ready (dialog);

  /* Every page of the sheet, one after the other. */
  n_pages = ed_sheet_preview_get_n_pages (dialog->preview);
  g_assert_cmpuint (n_pages, ==, expected_pages (kase, "zh_CN,ja", ED_PAPER_LETTER));
  g_assert_cmpuint (n_pages, >, 1);
  g_assert_cmpuint (ed_sheet_preview_get_page (dialog->preview), ==, 0);
  position = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "Page %u of %u"), 1, n_pages);
  g_assert_cmpstr (gtk_label_get_label (dialog->page_label), ==, position);
  g_assert_false (gtk_widget_get_sensitive (previous));
  first = render_preview (dialog, &ink);
  g_assert_cmpuint (ink, >, 500);

  g_signal_emit_by_name (next, "clicked");
  ED_TEST_WAIT_FOR (ed_sheet_preview_get_page (dialog->preview) == 1);
  ed_test_drain ();
  g_assert_true (gtk_widget_get_sensitive (previous));
  second = render_preview (dialog, &ink);
  g_assert_cmpuint (ink, >, 500);
  g_assert_false (g_bytes_equal (first, second));
  ed_test_screenshot (GTK_WIDGET (dialog), "sheet-dialog-page-2");

  /* Zoomed in with Ctrl and +: the page fills the preview and says how
   * much; another page keeps the zoom; Ctrl+0 shows the
   * whole page again. */
  {
    g_autoptr(GBytes) zoomed = NULL;
    g_autofree char *percent = NULL;

    g_assert_false (top_row_is_page (dialog, second));
    g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (dialog->zoom_button)));
    press_key (dialog, GDK_KEY_equal, GDK_CONTROL_MASK, "sheet.zoom-in");
    press_key (dialog, GDK_KEY_equal, GDK_CONTROL_MASK, "sheet.zoom-in");
    ED_TEST_WAIT_FOR (ed_sheet_preview_get_zoom (dialog->preview) > 1.5);
    percent = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "%d%%"), 156);
    g_assert_cmpstr (gtk_button_get_label (dialog->zoom_button), ==, percent);
    g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (dialog->zoom_button)));
    zoomed = render_preview (dialog, &ink);
    ed_test_screenshot (GTK_WIDGET (dialog), "sheet-dialog-zoomed");
    g_assert_true (top_row_is_page (dialog, zoomed));
    g_assert_cmpuint (ink, >, 100);
    g_assert_false (g_bytes_equal (zoomed, second));

    press_key (dialog, GDK_KEY_Page_Down, 0, "sheet.next-page");
    ED_TEST_WAIT_FOR (ed_sheet_preview_get_page (dialog->preview) == 2);
    g_assert_cmpfloat (ed_sheet_preview_get_zoom (dialog->preview), >, 1.5);
    g_clear_pointer (&zoomed, g_bytes_unref);
    zoomed = render_preview (dialog, &ink);
    g_assert_true (top_row_is_page (dialog, zoomed));
    press_key (dialog, GDK_KEY_Page_Up, 0, "sheet.previous-page");
    ED_TEST_WAIT_FOR (ed_sheet_preview_get_page (dialog->preview) == 1);

    press_key (dialog, GDK_KEY_0, GDK_CONTROL_MASK, "sheet.zoom-fit");
    ED_TEST_WAIT_FOR (ed_sheet_preview_get_zoom (dialog->preview) == 1);
    g_clear_pointer (&percent, g_free);
    percent = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "%d%%"), 100);
    g_assert_cmpstr (gtk_button_get_label (dialog->zoom_button), ==, percent);
    g_clear_pointer (&zoomed, g_bytes_unref);
    zoomed = render_preview (dialog, &ink);
    g_assert_false (top_row_is_page (dialog, zoomed));
    g_assert_true (g_bytes_equal (zoomed, second));
  }

  for (guint i = 2; i < n_pages; i++)
    g_signal_emit_by_name (next, "clicked");
  ED_TEST_WAIT_FOR (ed_sheet_preview_get_page (dialog->preview) == n_pages - 1);
  g_assert_false (gtk_widget_get_sensitive (next));

  /* Fewer pages: the preview stays within them. */
  g_settings_set_strv (f->settings, "sheet-languages", (const char * const[]) { "en", NULL });
  wait_ready (dialog);
  g_assert_cmpuint (ed_sheet_preview_get_page (dialog->preview),
                    <, ed_sheet_preview_get_n_pages (dialog->preview));

  close_dialog (dialog);
}

static guint
count_records (EdStore *store,
               EdCase  *kase)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  records = ed_store_list_sheets (store, ed_case_get_id (kase), &error);
  g_assert_no_error (error);
  return records->len;
}

static EdSheetRecord *
wait_for_record (EdStore *store,
                 EdCase  *kase,
                 guint    n)
{
  g_autoptr(GPtrArray) records = NULL;

  ED_TEST_WAIT_FOR (count_records (store, kase) >= n);
  records = ed_store_list_sheets (store, ed_case_get_id (kase), NULL);
  g_assert_cmpuint (records->len, ==, n);
  return g_ptr_array_steal_index (records, n - 1);
}

static void
assert_record (EdSheetRecord *record,
               EdSheetKind    kind,
               const char    *languages,
               const char    *paper)
{
  g_autofree char *joined = g_strjoinv (",", record->languages);

  g_assert_cmpint (record->kind, ==, kind);
  g_assert_cmpstr (record->procedure_id, ==, "jp-entry-waiting-mysos");
  g_assert_cmpstr (joined, ==, languages);
  g_assert_cmpstr (record->paper, ==, paper);
  /* Who printed it: the desk's user. */
  g_assert_cmpstr (record->user, ==, g_get_user_name ());
}

/* What each language alone says on the sheet: its procedure title. */
static void
assert_languages (const char *text,
                  const char *chosen)
{
  static const EdLanguage all[] = { ED_LANGUAGE_EN, ED_LANGUAGE_JA, ED_LANGUAGE_ZH_CN };
  g_auto(GStrv) codes = g_strsplit (chosen, ",", -1);

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_autofree char *title =
        ed_test_flatten (ed_text_get (ed_procedure_get_title (procedure ("jp-entry-waiting-mysos")),
                                      all[i]));
      gboolean wanted = g_strv_contains ((const char * const *) codes, ed_language_code (all[i]));

      g_test_message ("%s: %s", ed_language_code (all[i]), wanted ? "present" : "absent");
      if (wanted)
        g_assert_nonnull (strstr (text, title));
      else
        g_assert_null (strstr (text, title));
    }
}

/* Export: a private file with the chosen languages and a MySOS code
 * that scans, a toast to open it, a line in the case's log. */
static void
test_sheet_dialog_export (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(EdCase) kase = case_new ("jp-entry-waiting-mysos", 1);
  g_autofree char *path = g_build_filename (f->dir, "exported sheet.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GHashTable) codes = NULL;
  g_autoptr(EdSheetRecord) record = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  EdSheetDialog *dialog;
  gpointer weak;
  guint n_pages;
  GStatBuf st;

  g_settings_set_strv (f->settings, "sheet-languages",
                       (const char * const[]) { "zh_CN", "ja", NULL });
  store_case (f, kase);
  dialog = open_dialog (ED_SHEET_DIALOG_PDF, kase, f->store);
  n_pages = ed_sheet_document_get_n_pages (dialog->document);

  /* The chooser suggests the case and the traveller. */
  name = ed_sheet_document_dup_file_name (dialog->document);
  g_assert_true (g_str_has_prefix (name, ed_case_get_reference (kase)));
  g_assert_true (g_str_has_suffix (name, " YAMADA TARO.pdf"));

  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  ed_sheet_dialog_export_to_file (dialog, file);
  g_assert_false (ed_sheet_dialog_get_ready (dialog));
  ED_TEST_WAIT_FOR (weak == NULL);

  /* A toast, with a way to open the file. */
  ed_test_wait_for_label (GTK_WIDGET (main_window ()), "exported sheet.pdf");
  g_assert_nonnull (ed_test_find_button (GTK_WIDGET (main_window ()),
                                         g_dgettext (GETTEXT_PACKAGE, "_Open")));
  ed_test_screenshot (GTK_WIDGET (main_window ()), "sheet-exported");

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (ed_test_pdf_pages (path), ==, n_pages);
  text = ed_test_pdf_text (path, 0);
  assert_languages (text, "zh_CN,ja");
  g_assert_nonnull (strstr (text, "YAMADATARO"));
  codes = ed_test_pdf_qr_codes (path);
  g_assert_true (g_hash_table_contains (codes, MYSOS_URL));

  record = wait_for_record (f->store, kase, 1);
  assert_record (record, ED_SHEET_PDF, "zh_CN,ja", "a4");

  /* Another client since, in English: this case keeps its traveller's
   * languages, and a change made for it stays with it. */
  g_settings_set_strv (f->settings, "sheet-languages", (const char * const[]) { "en", NULL });
  dialog = open_dialog (ED_SHEET_DIALOG_PDF, kase, f->store);
  ED_TEST_WAIT_FOR (dialog->case_languages);
  wait_ready (dialog);
  g_clear_pointer (&name, g_free);
  name = dup_languages (dialog);
  g_assert_cmpstr (name, ==, "zh_CN,ja");
  tick (dialog, ED_LANGUAGE_JA, FALSE);
  assert_setting_languages (f, "en");
  g_settings_set_strv (f->settings, "sheet-languages", (const char * const[]) { "ja", NULL });
  wait_ready (dialog);
  g_clear_pointer (&name, g_free);
  name = dup_languages (dialog);
  g_assert_cmpstr (name, ==, "zh_CN");
  close_dialog (dialog);
}

/* My HER-SYS is written in Traditional Chinese: the dialog offers it, and
 * the sheet saved has its words; a fourth column cannot be ticked.
 * MySOS is not: no such row. */
static void
test_sheet_dialog_traditional (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(EdCase) hersys = case_new ("jp-my-her-sys", 1);
  g_autoptr(EdCase) mysos = case_new ("jp-entry-waiting-mysos", 1);
  g_autofree char *path = g_build_filename (f->dir, "her-sys zh_TW.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *languages = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  EdSheetDialog *dialog;
  GtkCheckButton *check;
  gpointer weak;

  dialog = open_dialog (ED_SHEET_DIALOG_PDF, mysos, NULL);
  g_assert_null (ed_test_find_row (GTK_WIDGET (dialog->language_list),
                                   ed_language_native_name (ED_LANGUAGE_ZH_TW)));
  close_dialog (dialog);

  dialog = open_dialog (ED_SHEET_DIALOG_PDF, hersys, NULL);
  check = language_row_part (dialog, ED_LANGUAGE_ZH_TW, "check");
  g_assert_false (gtk_check_button_get_active (check));
  /* Three printed already: no room for a fourth. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (check)));
  tick (dialog, ED_LANGUAGE_EN, FALSE);
  tick (dialog, ED_LANGUAGE_ZH_TW, TRUE);
  languages = dup_languages (dialog);
  g_assert_cmpstr (languages, ==, "ja,zh_CN,zh_TW");
  ed_test_screenshot (GTK_WIDGET (dialog), "sheet-dialog-zh_TW");

  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  ed_sheet_dialog_export_to_file (dialog, file);
  ED_TEST_WAIT_FOR (weak == NULL);
  ED_TEST_WAIT_FOR (g_file_test (path, G_FILE_TEST_EXISTS));
  text = ed_test_pdf_text (path, 0);
  title = ed_test_flatten (ed_text_get (ed_procedure_get_title (procedure ("jp-my-her-sys")),
                                        ED_LANGUAGE_ZH_TW));
  g_assert_nonnull (strstr (text, title));
}

static void
count_page_cb (GtkPrintOperation *operation,
               GtkPrintContext   *context,
               int                page_nr,
               guint             *n_drawn)
{
  (*n_drawn)++;
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         int                     *done)
{
  *done = (int) result;
}

/* Prints to a file through GTK's own print path: every page of the
 * family's sheets, and a line in the case's log. */
static GtkPrintOperationResult
print_to_file (EdSheetDocument *document,
               EdCase          *kase,
               EdStore         *store,
               GtkWindow       *parent,
               GtkPaperSize    *paper,
               const char      *path)
{
  g_autoptr(EdPrintOperation) operation = ed_print_operation_new (document, kase, store);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  guint n_drawn = 0;
  int done = -1;

  /* As if chosen in GTK's print dialog. */
  if (paper != NULL)
    {
      GtkPrintSettings *current =
        gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (operation));
      g_autoptr(GtkPrintSettings) settings = current != NULL ? gtk_print_settings_copy (current)
                                                             : gtk_print_settings_new ();

      gtk_print_settings_set_paper_size (settings, paper);
      gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (operation), settings);
    }
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  g_signal_connect (operation, "draw-page", G_CALLBACK (count_page_cb), &n_drawn);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), &done);

  result = ed_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, parent, &error);
  g_assert_no_error (error);
  ED_TEST_WAIT_FOR (done >= 0);

  g_assert_cmpint (done, ==, result);
  g_assert_cmpuint (n_drawn, ==, ed_sheet_document_get_n_pages (document));
  g_assert_cmpuint (ed_test_pdf_pages (path), ==, n_drawn);
  return result;
}

static void
test_sheet_dialog_print (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(EdCase) kase = case_new ("jp-entry-waiting-mysos", 2);
  g_autofree char *path = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autofree char *letter_path = g_build_filename (f->dir, "printed-letter.pdf", NULL);
  g_autoptr(GtkPaperSize) letter = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
  g_autoptr(EdSheetRecord) record = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  const char *pdfinfo[] = { "pdfinfo", letter_path, NULL };
  EdSheetDialog *dialog;
  EdSheetDocument *document;
  EdSheetLayout *sheet;

  /* One language: a family's pages are many enough. */
  g_settings_set_strv (f->settings, "sheet-languages", (const char * const[]) { "ja", NULL });
  store_case (f, kase);
  dialog = open_dialog (ED_SHEET_DIALOG_PRINT, kase, f->store);
  document = dialog->document;

  /* A family: every traveller's sheet in one document, by default. */
  g_assert_cmpuint (ed_sheet_document_get_n_sheets (document), ==, 2);
  g_assert_cmpuint (ed_sheet_document_get_n_pages (document), ==,
                    expected_pages (kase, "ja", ED_PAPER_A4));
  ed_test_screenshot (GTK_WIDGET (dialog), "sheet-dialog-family");

  g_assert_cmpint (print_to_file (document, kase, f->store, GTK_WINDOW (dialog), NULL, path), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  text = ed_test_pdf_text (path, 0);
  assert_languages (text, "ja");
  g_assert_nonnull (strstr (text, "YAMADATARO"));
  g_assert_nonnull (strstr (text, "YAMADAHANAKO"));
  record = wait_for_record (f->store, kase, 1);
  assert_record (record, ED_SHEET_PRINT, "ja", "a4");

  /* A printer with Letter paper: the A4 sheet scaled to fit. */
  print_to_file (document, kase, NULL, GTK_WINDOW (dialog), letter, letter_path);
  info = ed_test_run_tool (pdfinfo, NULL);
  g_assert_nonnull (strstr (info, "612 x 792"));
  g_clear_pointer (&text, g_free);
  text = ed_test_pdf_text (letter_path, 0);
  assert_languages (text, "ja");

  /* Only one of them. */
  adw_combo_row_set_selected (dialog->traveller_row, 2);
  wait_ready (dialog);
  g_assert_cmpuint (ed_sheet_document_get_n_sheets (dialog->document), ==, 1);
  sheet = ed_sheet_document_get_sheet (dialog->document, 0);
  g_assert_cmpstr (ed_traveller_get (ed_sheet_layout_get_traveller (sheet), "given_names"),
                   ==, "HANAKO");

  close_dialog (dialog);
}

/* A dialog answered may linger hidden a moment: only shown ones count. */
static GtkWindow *
find_shown (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static GtkWindow *
wait_for_toplevel (GType type)
{
  GtkWindow *window;

  ED_TEST_WAIT_FOR ((window = find_shown (type)) != NULL);
  ed_test_wait_until_mapped (GTK_WIDGET (window));
  return window;
}

static void
cancel_print_dialog (EdSheetDialog *dialog)
{
  GtkWindow *print_dialog;

  /* GTK's own dialog, known by name: its header is not in gtk.h. */
  print_dialog = wait_for_toplevel (g_type_from_name ("GtkPrintUnixDialog"));
  g_assert_true (gtk_window_get_transient_for (print_dialog) == GTK_WINDOW (dialog));
  /* Nothing more to do here meanwhile; GTK's dialog says the rest. */
  g_assert_true (dialog->busy);
  g_assert_false (ed_sheet_dialog_get_ready (dialog));
  g_assert_false (gtk_widget_get_visible (dialog->working_box));
  gtk_dialog_response (GTK_DIALOG (print_dialog), GTK_RESPONSE_CANCEL);
  ED_TEST_WAIT_FOR (!dialog->busy);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
}

/* Clicks a button of a message dialog, by its label. */
static void
answer (GtkWindow  *question,
        const char *label)
{
  GtkWidget *button = ed_test_find_button (GTK_WIDGET (question),
                                           g_dgettext (GETTEXT_PACKAGE, label));

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

/* An ended procedure: said above everything, asked about once. */
static void
test_sheet_dialog_ended (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(EdCase) kase = case_new ("cn-jiangsu-health-code", 1);
  EdProcedure *jiangsu = procedure ("cn-jiangsu-health-code");
  EdSheetDialog *dialog = open_dialog (ED_SHEET_DIALOG_PRINT, kase, NULL);
  g_autofree char *status = ed_procedure_describe_status (jiangsu, ed_language_for_ui ());
  GtkWindow *question;

  g_assert_true (ed_procedure_has_ended (jiangsu, NULL));
  g_assert_true (gtk_widget_get_visible (dialog->ended_banner));
  g_assert_nonnull (strstr (gtk_label_get_label (dialog->ended_label), status));
  ed_test_screenshot (GTK_WIDGET (dialog), "sheet-dialog-ended");

  /* Asked first; No leaves everything as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "sheet.accept", NULL));
  question = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (question)),
                            ed_procedure_get_valid_until (jiangsu)));
  ed_test_screenshot (GTK_WIDGET (question), "sheet-dialog-ended-question");
  answer (question, "_Cancel");
  ED_TEST_WAIT_FOR (find_shown (ADW_TYPE_MESSAGE_DIALOG) == NULL);
  g_assert_false (dialog->busy);

  /* Yes: GTK's print dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "sheet.accept", NULL));
  question = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  answer (question, "_Print Anyway");
  cancel_print_dialog (dialog);

  /* Once is enough. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "sheet.accept", NULL));
  ed_test_drain ();
  g_assert_null (find_shown (ADW_TYPE_MESSAGE_DIALOG));
  cancel_print_dialog (dialog);

  close_dialog (dialog);
}

/* A value the official form would refuse is not printed for copying. */
static void
test_sheet_dialog_problems (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(EdCase) kase = case_new ("jp-entry-waiting-mysos", 1);
  EdSheetDialog *dialog;
  GtkWidget *row;

  ed_traveller_set (ed_case_get_traveller (kase, 0), "passport_number", "TR12345678901");
  dialog = open_dialog (ED_SHEET_DIALOG_PDF, kase, NULL);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog->problems_group)));
  row = gtk_widget_get_first_child (GTK_WIDGET (dialog->problems_list));
  g_assert_true (ADW_IS_PREFERENCES_ROW (row));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                            "YAMADA TARO"));
  g_assert_false (ed_sheet_dialog_get_ready (dialog));
  g_assert_false (gtk_widget_get_sensitive (dialog->accept_button));
  ed_test_screenshot (GTK_WIDGET (dialog), "sheet-dialog-problems");

  close_dialog (dialog);
}

/* Every control says what it is to a screen reader. */
static void
assert_named (GtkWidget *widget)
{
  gboolean needs_name = FALSE;

  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) == NULL)
    needs_name = TRUE;
  if (GTK_IS_CHECK_BUTTON (widget)
      && gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)) == NULL)
    needs_name = TRUE;
  if (GTK_IS_SWITCH (widget) || GTK_IS_SPINNER (widget))
    needs_name = TRUE;
  if (ADW_IS_PREFERENCES_ROW (widget))
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), !=, "");

  if (needs_name &&
      !gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) &&
      !gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                         GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    g_error ("A %s in the sheet dialog has no accessible name", G_OBJECT_TYPE_NAME (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_named (child);
}

static void
test_sheet_dialog_accessible (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(EdCase) kase = case_new ("jp-mynumber-insurance-card", 3);
  EdSheetDialog *dialog = open_dialog (ED_SHEET_DIALOG_PRINT, kase, NULL);

  /* A current procedure: no warning. */
  g_assert_false (gtk_widget_get_visible (dialog->ended_banner));
  assert_named (GTK_WIDGET (dialog));
  ed_test_screenshot (GTK_WIDGET (dialog), "sheet-dialog-current");
  close_dialog (dialog);
}

static gboolean
has_binding (GtkWidget  *widget,
             const char *trigger,
             const char *action_name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *keys =
            gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (g_str_equal (keys, trigger) && GTK_IS_NAMED_ACTION (action) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                           action_name))
            return TRUE;
        }
    }

  return FALSE;
}

static gboolean
overlay_lists (GtkWidget  *widget,
               const char *accelerator)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accel = NULL;

      g_object_get (widget, "accelerator", &accel, NULL);
      if (g_strcmp0 (accel, accelerator) == 0)
        return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (overlay_lists (child, accelerator))
      return TRUE;

  return FALSE;
}

static gboolean
menu_offers (GMenuModel *model,
             const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;
      if (section != NULL && menu_offers (section, action))
        return TRUE;
    }

  return FALSE;
}

/* A case's journey sheet: a cover with its timeline, then the sheet of
 * each procedure that applies; saved, it is logged one line a procedure,
 * each marked as part of a journey sheet. */
/* The letterhead set in Preferences is on every sheet the window makes;
 * the summary page alone is one page a traveller; a logo that cannot be
 * printed is said in the dialog, and the sheet still carries the name. */
static void
test_sheet_dialog_letterhead (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(EdCase) kase = case_new ("jp-entry-waiting-mysos", 1);
  g_autofree char *logo = ed_test_data_path ("sheet", "logo.svg", NULL);
  g_autofree char *path = g_build_filename (f->dir, "summary.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GObject) group = NULL;
  g_autofree char *text = NULL;
  g_autofree char *problem = NULL;
  EdSheetDialog *dialog;
  GtkWidget *name_row;
  gpointer weak;
  guint n_full;

  /* Set once in Preferences: the rows show and keep the settings. */
  group = g_object_ref_sink (g_object_new (ED_TYPE_LETTERHEAD_GROUP, NULL));
  ed_letterhead_group_set_settings (ED_LETTERHEAD_GROUP (group), f->settings);
  name_row = ed_test_find_widget (GTK_WIDGET (group), ADW_TYPE_ENTRY_ROW, NULL);
  g_assert_nonnull (name_row);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Sakura Visa Office");
  g_settings_set_string (f->settings, "letterhead-handler", "SATO Hanako");
  g_settings_set_string (f->settings, "letterhead-phone", "+81 3-1234-5678");
  g_settings_set_string (f->settings, "letterhead-logo", logo);
  g_settings_set_strv (f->settings, "sheet-languages",
                       (const char * const[]) { "ja", "zh_CN", NULL });

  store_case (f, kase);
  dialog = open_dialog (ED_SHEET_DIALOG_PDF, kase, f->store);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog->problems_group)));
  n_full = ed_sheet_document_get_n_pages (dialog->document);
  g_assert_cmpuint (n_full, >, 1);

  /* The summary page alone: one page for the one traveller. */
  gtk_switch_set_active (dialog->summary_switch, TRUE);
  wait_ready (dialog);
  g_assert_cmpuint (ed_sheet_document_get_n_pages (dialog->document), ==, 1);
  ed_test_screenshot (GTK_WIDGET (dialog), "sheet-dialog-summary-only");

  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  ed_sheet_dialog_export_to_file (dialog, file);
  ED_TEST_WAIT_FOR (weak == NULL);
  ED_TEST_WAIT_FOR (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (ed_test_pdf_pages (path), ==, 1);
  text = ed_test_pdf_text (path, 0);
  g_assert_nonnull (strstr (text, "SakuraVisaOffice"));
  g_assert_nonnull (strstr (text, "SATOHanako"));
  g_assert_nonnull (strstr (text, "+813-1234-5678"));

  /* A logo that is gone: said, and the letterhead printed without it. */
  g_settings_set_string (f->settings, "letterhead-logo", "/nonexistent/logo.png");
  dialog = open_dialog (ED_SHEET_DIALOG_PDF, kase, f->store);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog->problems_group)));
  g_assert_nonnull (dialog->letterhead_problem);
  problem = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE,
                                         "The letterhead is printed without its logo: %s"), "");
  g_assert_true (g_str_has_prefix (dialog->letterhead_problem, problem));
  g_assert_nonnull (ed_test_find_label (GTK_WIDGET (dialog), dialog->letterhead_problem));
  g_assert_cmpuint (ed_sheet_document_get_n_pages (dialog->document), ==, n_full);
  close_dialog (dialog);

  g_settings_reset (f->settings, "letterhead-name");
  g_settings_reset (f->settings, "letterhead-handler");
  g_settings_reset (f->settings, "letterhead-phone");
  g_settings_reset (f->settings, "letterhead-logo");
}

static void
test_sheet_dialog_journey (Fixture       *f,
                           gconstpointer  data)
{
  EdCatalog *catalog = ed_application_get_catalog (app);
  EdJourney *journey = ed_catalog_lookup_journey (catalog, "jp-new-hire");
  g_autoptr(GPtrArray) travellers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(EdTraveller) traveller = traveller_new ("TARO");
  g_autoptr(EdCase) kase = NULL;
  g_autofree char *path = g_build_filename (f->dir, "journey.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cover = NULL;
  EdSheetDialog *dialog;
  GDate today;
  gpointer weak;
  guint n_pages;
  guint n_procedures;
  char arrival[16];

  g_assert_nonnull (journey);
  /* Arriving in two months: nothing due yet, no reminder. */
  ed_date_today (&today);
  g_date_add_days (&today, 60);
  g_date_strftime (arrival, sizeof arrival, "%Y-%m-%d", &today);
  ed_traveller_set (traveller, "nationality", "CHN");
  ed_traveller_set (traveller, "arrival_date", arrival);
  ed_traveller_set (traveller, "status_of_residence", "engineer-humanities-international");
  g_ptr_array_add (travellers, g_object_ref (traveller));
  ed_date_today (&today);
  kase = ed_case_new_from_journey (journey, catalog, travellers, &today, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ed_case_get_n_procedures (kase), >, 2);
  store_case (f, kase);

  dialog = ED_SHEET_DIALOG (ed_sheet_actions_journey (main_window (), ED_SHEET_DIALOG_PDF, kase,
                                                      catalog, f->store));
  g_assert_true (ED_IS_SHEET_DIALOG (dialog));
  ed_test_wait_until_mapped (GTK_WIDGET (dialog));
  wait_ready (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==,
                   g_dgettext (GETTEXT_PACKAGE, "Export Journey Sheet as PDF"));
  ed_test_wait_for_label (GTK_WIDGET (dialog),
                          ed_text_lookup (ed_journey_get_title (journey), ed_language_for_ui ()));
  /* The cover, with no traveller of its own, then a sheet a procedure. */
  g_assert_cmpuint (ed_sheet_document_get_n_sheets (dialog->document), >, 2);
  g_assert_null (ed_sheet_document_get_traveller (dialog->document, 0));
  g_assert_nonnull (ed_sheet_document_get_traveller (dialog->document, 1));
  n_pages = ed_sheet_document_get_n_pages (dialog->document);
  records = ed_sheet_document_new_records (dialog->document, ED_SHEET_PDF);
  n_procedures = records->len;
  g_assert_cmpuint (n_procedures, >, 1);
  g_clear_pointer (&records, g_ptr_array_unref);
  ed_test_screenshot (GTK_WIDGET (dialog), "sheet-journey");

  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  ed_sheet_dialog_export_to_file (dialog, file);
  ED_TEST_WAIT_FOR (weak == NULL);

  g_assert_cmpuint (ed_test_pdf_pages (path), ==, n_pages);
  cover = ed_test_pdf_text (path, 0);
  g_assert_nonnull (strstr (cover, ed_case_get_reference (kase)));

  /* One line a procedure printed, each marked. */
  ed_sheet_record_free (wait_for_record (f->store, kase, n_procedures));
  records = ed_store_list_sheets (f->store, ed_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, n_procedures);
  for (guint i = 0; i < records->len; i++)
    {
      EdSheetRecord *record = g_ptr_array_index (records, i);

      g_assert_true (record->journey);
      g_assert_cmpint (ed_case_find_procedure (kase, record->procedure_id), >=, 0);
    }
}

/* The wizard's Print… and Export PDF…, its menu and Ctrl+P. */
static void
test_sheet_dialog_wizard (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(EdCase) kase = case_new ("jp-entry-waiting-mysos", 1);
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *window = main_window ();
  GtkWidget *wizard;
  GtkWindow *dialog;
  GtkWindow *overlay;
  GtkWidget *finish;

  /* The store opens after the window shows. */
  ED_TEST_WAIT_FOR (ed_application_get_store (app) != NULL);
  ed_window_show_procedure (ED_WINDOW (window), kase, NULL);
  wizard = ed_window_get_wizard (ED_WINDOW (window));
  ed_test_wait_until_mapped (wizard);

  g_assert_true (has_binding (wizard, "<Control>p", "wizard.print"));
  g_assert_true (gtk_widget_get_sensitive (ed_test_find_actionable (wizard, "wizard.print")));
  /* Export PDF… is the other way to finish, under Print…'s arrow. */
  finish = ed_test_find_widget (wizard, ADW_TYPE_SPLIT_BUTTON, NULL);
  g_assert_nonnull (finish);
  g_assert_true (gtk_widget_get_sensitive (finish));
  g_assert_true (menu_offers (adw_split_button_get_menu_model (ADW_SPLIT_BUTTON (finish)),
                              "wizard.export-pdf"));

  g_assert_true (gtk_widget_activate_action (wizard, "wizard.print", NULL));
  dialog = wait_for_toplevel (ED_TYPE_SHEET_DIALOG);
  g_assert_cmpint (ed_sheet_dialog_get_mode (ED_SHEET_DIALOG (dialog)), ==, ED_SHEET_DIALOG_PRINT);
  g_assert_true (gtk_window_get_transient_for (dialog) == window);
  /* What it prints goes into the app's store. */
  g_assert_nonnull (ED_SHEET_DIALOG (dialog)->store);
  g_assert_true (ED_SHEET_DIALOG (dialog)->store == ed_application_get_store (app));
  wait_ready (ED_SHEET_DIALOG (dialog));
  close_dialog (ED_SHEET_DIALOG (dialog));

  g_assert_true (gtk_widget_activate_action (wizard, "wizard.export-pdf", NULL));
  dialog = wait_for_toplevel (ED_TYPE_SHEET_DIALOG);
  g_assert_cmpint (ed_sheet_dialog_get_mode (ED_SHEET_DIALOG (dialog)), ==, ED_SHEET_DIALOG_PDF);
  wait_ready (ED_SHEET_DIALOG (dialog));
  close_dialog (ED_SHEET_DIALOG (dialog));

  /* The shortcuts window lists them. */
  builder = gtk_builder_new_from_resource ("/io/github/entrydesk/EntryDesk/gtk/help-overlay.ui");
  overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  g_assert_true (overlay_lists (GTK_WIDGET (overlay), "<Control>p"));
  g_assert_true (overlay_lists (GTK_WIDGET (overlay), "<Alt>Right"));
  g_assert_true (overlay_lists (GTK_WIDGET (overlay), "F9"));
  gtk_window_destroy (overlay);

  g_assert_true (gtk_widget_activate_action (wizard, "wizard.close", NULL));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  int status;

  /* No printers needed: GTK's print dialog offers printing to a file. */
  g_setenv ("GTK_PRINT_BACKENDS", "file", TRUE);

  ed_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  home = g_dir_make_tmp ("entry-desk-sheet-dialog-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", home, TRUE);

  app = ed_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sheet-dialog/options", test_sheet_dialog_options);
  ADD ("/sheet-dialog/export", test_sheet_dialog_export);
  ADD ("/sheet-dialog/print", test_sheet_dialog_print);
  ADD ("/sheet-dialog/ended", test_sheet_dialog_ended);
  ADD ("/sheet-dialog/problems", test_sheet_dialog_problems);
  ADD ("/sheet-dialog/accessible", test_sheet_dialog_accessible);
  ADD ("/sheet-dialog/wizard", test_sheet_dialog_wizard);
  ADD ("/sheet-dialog/journey", test_sheet_dialog_journey);
  ADD ("/sheet-dialog/letterhead", test_sheet_dialog_letterhead);
  ADD ("/sheet-dialog/traditional", test_sheet_dialog_traditional);
#undef ADD

  status = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  ed_test_rm_rf (home);
  return status;
}
