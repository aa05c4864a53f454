/* ed-sheet-dialog.c
 *
 * The choices on the left, the sheet as it will print on the right. The
 * paper is the office's habit and is remembered (bound to GSettings); so
 * are the languages, for a case never printed: a case printed before gets
 * the languages of its last sheet (its traveller's), and changing them
 * there does not change the office's. Personal details in QR codes are
 * asked for each time, off by default. A procedure that has ended says so above
 * everything, as it does on every page of its sheet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ed-date.h"
#include "ed-letterhead-group.h"
#include "ed-sheet-dialog-private.h"
#include "ed-sheet-journey.h"

G_DEFINE_FINAL_TYPE (EdSheetDialog, ed_sheet_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_LANGUAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The order of the paper row's items. */
static const EdPaper papers[] = { ED_PAPER_A4, ED_PAPER_LETTER };

static gboolean
paper_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  EdPaper paper = ED_PAPER_A4;

  ed_paper_from_string (g_variant_get_string (variant, NULL), &paper);
  g_value_set_uint (value, paper == ED_PAPER_LETTER ? 1 : 0);
  return TRUE;
}

static GVariant *
paper_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  return g_variant_new_string (ed_paper_to_string (papers[selected < G_N_ELEMENTS (papers)
                                                          ? selected : 0]));
}

static EdSheetOptions *
dup_options (EdSheetDialog *self)
{
  EdSheetOptions *options = ed_sheet_options_new ();
  g_autofree char *languages = g_strjoinv (",", self->languages);
  guint selected = adw_combo_row_get_selected (self->paper_row);
  gboolean summary_only;

  /* Normalised: always one to three sheet languages. */
  if (!ed_sheet_options_parse_languages (options, languages, NULL))
    g_assert_not_reached ();
  ed_sheet_options_set_paper (options, papers[selected < G_N_ELEMENTS (papers) ? selected : 0]);
  ed_sheet_options_set_personal_qr (options, gtk_switch_get_active (self->personal_switch));
  summary_only = gtk_switch_get_active (self->summary_switch);
  ed_sheet_options_set_summary (options, ed_sheet_options_get_summary (options) || summary_only,
                                summary_only);
  ed_sheet_options_set_office (options, self->letterhead);
  ed_sheet_options_set_case_reference (options, ed_case_get_reference (self->kase));
  ed_sheet_options_set_review_max_days (options,
                                        g_settings_get_uint (self->settings, "review-max-days"));

  return options;
}

static gboolean
options_equal (const EdSheetOptions *a,
               const EdSheetOptions *b)
{
  g_autofree char *languages_a = ed_sheet_options_dup_languages_string (a);
  g_autofree char *languages_b = ed_sheet_options_dup_languages_string (b);

  return g_str_equal (languages_a, languages_b) &&
         ed_sheet_options_get_paper (a) == ed_sheet_options_get_paper (b) &&
         ed_sheet_options_get_personal_qr (a) == ed_sheet_options_get_personal_qr (b) &&
         ed_sheet_options_get_summary_only (a) == ed_sheet_options_get_summary_only (b) &&
         g_strcmp0 (ed_sheet_options_get_case_reference (a),
                    ed_sheet_options_get_case_reference (b)) == 0;
}

/* Returns: (transfer container): the travellers chosen, in case order */
static GPtrArray *
dup_chosen_travellers (EdSheetDialog *self)
{
  GPtrArray *chosen = g_ptr_array_new ();
  guint selected = adw_combo_row_get_selected (self->traveller_row);

  /* With two or more, the first item is all of them. */
  if (self->travellers->len >= 2 && selected != GTK_INVALID_LIST_POSITION && selected > 0)
    {
      g_ptr_array_add (chosen, g_ptr_array_index (self->travellers,
                                                  MIN (selected - 1, self->travellers->len - 1)));
      return chosen;
    }

  for (guint i = 0; i < self->travellers->len; i++)
    g_ptr_array_add (chosen, g_ptr_array_index (self->travellers, i));

  return chosen;
}

/* One problem, in words, with the icon that says how bad it is. */
static void
append_problem_row (GtkListBox *list,
                    const char *text,
                    const char *icon_name,
                    const char *css_class)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (icon, css_class);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_append (list, row);
}

static void
show_problems (EdSheetDialog *self)
{
  GPtrArray *problems = self->document != NULL
                        ? ed_sheet_document_get_problems (self->document)
                        : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);

  /* The letterhead of Preferences, printed without its logo: said first. */
  if (self->letterhead_problem != NULL)
    append_problem_row (self->problems_list, self->letterhead_problem,
                        "dialog-warning-symbolic", "warning");

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    append_problem_row (self->problems_list, g_ptr_array_index (problems, i),
                        "dialog-error-symbolic", "error");

  gtk_widget_set_visible (GTK_WIDGET (self->problems_group),
                          self->letterhead_problem != NULL ||
                          (problems != NULL && problems->len > 0));
}

static void
set_document (EdSheetDialog   *self,
              EdSheetDocument *document)
{
  g_set_object (&self->document, document);
  ed_sheet_preview_set_document (self->preview, document);
  show_problems (self);
  _ed_sheet_dialog_update_state (self);
}

static void
document_ready_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(EdSheetDialog) self = user_data;
  g_autoptr(EdSheetDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = ed_sheet_document_new_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->preparing = FALSE;
  if (document == NULL)
    {
      set_document (self, NULL);
      _ed_sheet_dialog_show_error (self, _("The Sheet Could Not Be Laid Out"), error);
      return;
    }

  g_set_object (&self->sheet_template, ed_sheet_document_get_template (document));
  set_document (self, document);
}

static gboolean
rebuild_idle (gpointer user_data)
{
  EdSheetDialog *self = user_data;
  g_autoptr(EdSheetOptions) options = dup_options (self);
  g_autoptr(GPtrArray) travellers = dup_chosen_travellers (self);

  self->rebuild_source = 0;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  /* The journey sheet: every traveller, every procedure that applies. */
  if (self->procedure == NULL)
    {
      g_autoptr(GDateTime) now = ed_date_dup_now ();

      self->cancellable = g_cancellable_new ();
      self->preparing = TRUE;
      _ed_sheet_dialog_update_state (self);
      ed_sheet_document_new_for_case_async (self->kase, self->catalog, now, options,
                                            self->cancellable, document_ready_cb,
                                            g_object_ref (self));
      return G_SOURCE_REMOVE;
    }

  /* Another traveller, the same choices: no need to lay the text out again. */
  if (self->sheet_template != NULL &&
      options_equal (ed_sheet_template_get_options (self->sheet_template), options))
    {
      g_autoptr(EdSheetDocument) document =
        ed_sheet_document_new_for_template (self->sheet_template, travellers);

      self->preparing = FALSE;
      set_document (self, document);
      return G_SOURCE_REMOVE;
    }

  self->cancellable = g_cancellable_new ();
  self->preparing = TRUE;
  _ed_sheet_dialog_update_state (self);
  ed_sheet_document_new_async (self->procedure, travellers, options, self->cancellable,
                               document_ready_cb, g_object_ref (self));

  return G_SOURCE_REMOVE;
}

/* Choices often change together (a settings binding, a click that
 * moves a language): one layout for all of them. */
static void
schedule_rebuild (EdSheetDialog *self)
{
  if (self->kase == NULL || self->rebuild_source != 0)
    return;

  self->rebuild_source = g_idle_add (rebuild_idle, self);
  self->preparing = TRUE;
  _ed_sheet_dialog_update_state (self);
}

/* @what: (nullable): what is being done, shown over the preview; %NULL
 * while another dialog (GTK's print dialog) says it */
void
_ed_sheet_dialog_set_busy (EdSheetDialog *self,
                           gboolean       busy,
                           const char    *what)
{
  self->busy = busy;
  if (busy)
    gtk_label_set_label (self->working_label, what != NULL ? what : "");
  _ed_sheet_dialog_update_state (self);
}

void
_ed_sheet_dialog_update_state (EdSheetDialog *self)
{
  guint n_pages = ed_sheet_preview_get_n_pages (self->preview);
  guint page = ed_sheet_preview_get_page (self->preview);
  gboolean working = self->preparing ||
                     (self->busy && *gtk_label_get_label (self->working_label) != '\0');
  g_autofree char *position = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sheet.accept",
                                 ed_sheet_dialog_get_ready (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sheet.previous-page", page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sheet.next-page", page + 1 < n_pages);

  if (n_pages > 0)
    /* Translators: the page of the sheet the preview shows */
    position = g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);
  gtk_label_set_label (self->page_label, position);

  {
    double zoom = ed_sheet_preview_get_zoom (self->preview);
    g_autofree char *percent = NULL;

    gtk_widget_action_set_enabled (GTK_WIDGET (self), "sheet.zoom-in",
                                   n_pages > 0 && zoom < ED_SHEET_PREVIEW_MAX_ZOOM - 0.001);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "sheet.zoom-out", zoom > 1.001);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "sheet.zoom-fit", zoom > 1.001);
    /* Translators: how much the preview is zoomed in, e.g. 125%; 100% is the whole page */
    percent = g_strdup_printf (_("%d%%"), (int) round (zoom * 100));
    gtk_button_set_label (self->zoom_button, percent);
  }

  if (self->preparing && !self->busy)
    gtk_label_set_label (self->working_label, _("Laying out the sheet…"));
  gtk_widget_set_visible (self->working_box, working);
  gtk_spinner_set_spinning (self->working_spinner, working);
  gtk_widget_set_opacity (GTK_WIDGET (self->preview), working ? 0.35 : 1.0);
  gtk_widget_set_visible (self->busy_spinner, self->busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->busy_spinner), self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->options_page), !self->busy);
}

/* The journey the case was started from, or its reference. */
static const char *
journey_subtitle (EdSheetDialog *self)
{
  const char *id = ed_case_get_journey_id (self->kase);
  EdJourney *journey = id != NULL ? ed_catalog_lookup_journey (self->catalog, id) : NULL;

  if (journey != NULL)
    return ed_text_lookup (ed_journey_get_title (journey), ed_language_for_ui ());
  return ed_case_get_reference (self->kase);
}

static void
setup_titles (EdSheetDialog *self)
{
  const char *title;

  if (self->procedure == NULL)
    title = self->mode == ED_SHEET_DIALOG_PRINT ? _("Print Journey Sheet")
                                                : _("Export Journey Sheet as PDF");
  else
    title = self->mode == ED_SHEET_DIALOG_PRINT ? _("Print Check Sheet")
                                                : _("Export Check Sheet as PDF");

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title,
                                 self->procedure != NULL
                                 ? ed_text_lookup (ed_procedure_get_title (self->procedure),
                                                   ed_language_for_ui ())
                                 : journey_subtitle (self));
  gtk_button_set_label (GTK_BUTTON (self->accept_button),
                        self->mode == ED_SHEET_DIALOG_PRINT ? _("_Print…") : _("_Export PDF…"));
}

/* Staff must see that a procedure ended before handing its sheet out. */
static void
setup_status (EdSheetDialog *self)
{
  g_autofree char *status = NULL;
  g_autofree char *text = NULL;

  if (self->procedure == NULL)
    {
      guint n_ended = 0;

      for (guint i = 0; i < ed_case_get_n_procedures (self->kase); i++)
        {
          g_autoptr(EdProcedure) procedure =
            ed_catalog_dup_procedure (self->catalog, ed_case_get_procedure (self->kase, i)->id);

          if (procedure != NULL && ed_procedure_has_ended (procedure, NULL))
            n_ended++;
        }
      if (n_ended == 0)
        return;

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u procedure of this case has ended: every page of "
                                           "its sheet says so.",
                                           "%u procedures of this case have ended: every page "
                                           "of their sheets says so.", n_ended), n_ended);
      gtk_label_set_label (self->ended_label, text);
      gtk_widget_set_visible (self->ended_banner, TRUE);
      return;
    }

  if (!ed_procedure_has_ended (self->procedure, NULL))
    return;

  status = ed_procedure_describe_status (self->procedure, ed_language_for_ui ());
  text = g_strdup_printf ("%s\n%s", status,
                          _("Every page of the sheet says that this procedure has ended."));
  gtk_label_set_label (self->ended_label, text);
  gtk_widget_set_visible (self->ended_banner, TRUE);
}

static char *
dup_traveller_name (EdSheetDialog *self,
                    guint          index)
{
  g_autofree char *name =
    ed_traveller_dup_display_name (g_ptr_array_index (self->travellers, index));

  if (*name != '\0')
    return g_steal_pointer (&name);

  /* Translators: a traveller without a name yet, by their place in the case */
  return g_strdup_printf (_("Traveller %d"), (int) index + 1);
}

/* All of a family in one document by default, or one of them; a case
 * without travellers prints a blank sheet. */
static void
setup_travellers (EdSheetDialog *self)
{
  guint n;

  self->travellers = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < ed_case_get_n_travellers (self->kase); i++)
    {
      EdTraveller *traveller = ed_case_get_traveller (self->kase, i);

      if (!ed_traveller_is_empty (traveller))
        g_ptr_array_add (self->travellers, g_object_ref (traveller));
    }

  n = self->travellers->len;
  /* A journey sheet is for the whole case. */
  if (n >= 2 && self->procedure == NULL)
    {
      g_autofree char *all = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "All %u travellers",
                                                           "All %u travellers", n), n);

      gtk_widget_set_visible (GTK_WIDGET (self->traveller_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->single_traveller_row), TRUE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->single_traveller_row),
                                     _("Print For"));
      adw_action_row_set_subtitle (self->single_traveller_row, all);
      adw_preferences_group_set_description (self->travellers_group,
                                             _("The cover holds everyone’s dates; then each "
                                               "procedure’s sheet for each traveller it "
                                               "applies to."));
      return;
    }
  if (n >= 2)
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

      gtk_string_list_take (names,
                            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "All %u travellers",
                                                          "All %u travellers", n), n));
      for (guint i = 0; i < n; i++)
        gtk_string_list_take (names, dup_traveller_name (self, i));
      adw_combo_row_set_model (self->traveller_row, G_LIST_MODEL (names));
      adw_preferences_group_set_description (self->travellers_group,
                                             _("Each traveller gets a sheet of their own, "
                                               "one after the other in the same document."));
      adw_combo_row_set_selected (self->traveller_row, 0);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->traveller_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->single_traveller_row), TRUE);
  if (n == 1)
    {
      g_autofree char *name = dup_traveller_name (self, 0);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->single_traveller_row),
                                     _("Print For"));
      adw_action_row_set_subtitle (self->single_traveller_row, name);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->single_traveller_row),
                                     _("Blank Sheet"));
      adw_action_row_set_subtitle (self->single_traveller_row,
                                   _("No traveller has been entered yet: "
                                     "the sheet leaves lines to fill in by hand."));
    }
}

static void
setting_languages_changed_cb (EdSheetDialog *self)
{
  g_auto(GStrv) languages = NULL;

  if (self->case_languages)
    return;

  languages = g_settings_get_strv (self->settings, "sheet-languages");
  g_object_set (self, "languages", languages, NULL);
}

/* The newest sheet of the case names its languages, which are the
 * traveller's more surely than the office's last choice. */
static void
sheets_listed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  EdSheetDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = ed_store_list_sheets_finish (ED_STORE (object), result, &error);

  /* Cancelled when the dialog went; unreadable, the office's choice stays. */
  if (records == NULL)
    return;

  for (guint i = records->len; i > 0; i--)
    {
      const EdSheetRecord *record = g_ptr_array_index (records, i - 1);

      if (record->languages == NULL || record->languages[0] == NULL)
        continue;

      self->case_languages = TRUE;
      adw_preferences_group_set_description (self->languages_group,
                                             _("As this case’s last sheet, side by side in "
                                               "this order. Choose one to three."));
      g_object_set (self, "languages", record->languages, NULL);
      return;
    }
}

/**
 * _ed_sheet_dialog_choose_languages:
 * @codes: the languages staff chose, in column order
 *
 * For a case never printed, the office's choice is remembered for the
 * next one; a case printed before keeps it to itself (its log will).
 */
void
_ed_sheet_dialog_choose_languages (EdSheetDialog      *self,
                                   const char * const *codes)
{
  g_object_set (self, "languages", codes, NULL);
  if (!self->case_languages)
    g_settings_set_strv (self->settings, "sheet-languages",
                         (const char * const *) self->languages);
}

static EdSheetDialog *
new_dialog (GtkWindow         *parent,
            EdSheetDialogMode  mode,
            EdCase            *kase,
            EdProcedure       *procedure,
            EdCatalog         *catalog,
            EdStore           *store)
{
  EdSheetDialog *self;

  self = g_object_new (ED_TYPE_SHEET_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->mode = mode;
  self->kase = g_object_ref (kase);
  self->procedure = procedure != NULL ? g_object_ref (procedure) : NULL;
  self->catalog = catalog != NULL ? g_object_ref (catalog) : NULL;
  self->store = store != NULL ? g_object_ref (store) : NULL;

  setup_titles (self);
  setup_status (self);
  setup_travellers (self);

  if (procedure != NULL && ed_procedure_requires_language (procedure, ED_LANGUAGE_ZH_TW))
    _ed_sheet_languages_add_traditional (self);
  setting_languages_changed_cb (self);
  g_signal_connect_object (self->settings, "changed::sheet-languages",
                           G_CALLBACK (setting_languages_changed_cb), self, G_CONNECT_SWAPPED);
  if (store != NULL && ed_case_get_id (kase) > 0)
    {
      self->log_cancellable = g_cancellable_new ();
      ed_store_list_sheets_async (store, ed_case_get_id (kase), self->log_cancellable,
                                  sheets_listed_cb, self);
    }
  g_settings_bind_with_mapping (self->settings, "paper", self->paper_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, paper_get_mapping, paper_set_mapping,
                                NULL, NULL);
  g_signal_connect_object (self->paper_row, "notify::selected", G_CALLBACK (schedule_rebuild),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->personal_switch, "notify::active", G_CALLBACK (schedule_rebuild),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->summary_switch, "notify::active", G_CALLBACK (schedule_rebuild),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->traveller_row, "notify::selected", G_CALLBACK (schedule_rebuild),
                           self, G_CONNECT_SWAPPED);
  schedule_rebuild (self);

  return self;
}

/**
 * ed_sheet_dialog_new:
 * @store: (nullable): the case store, for the audit log
 *
 * Returns: (transfer none): the dialog, modal to @parent, not shown yet
 */
EdSheetDialog *
ed_sheet_dialog_new (GtkWindow         *parent,
                     EdSheetDialogMode  mode,
                     EdCase            *kase,
                     EdProcedure       *procedure,
                     EdStore           *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ED_IS_CASE (kase), NULL);
  g_return_val_if_fail (ED_IS_PROCEDURE (procedure), NULL);
  g_return_val_if_fail (store == NULL || ED_IS_STORE (store), NULL);

  return new_dialog (parent, mode, kase, procedure, NULL, store);
}

/**
 * ed_sheet_dialog_new_for_journey:
 * @catalog: where the case's procedures are found
 * @store: (nullable): the case store, for the audit log
 *
 * The dialog for @kase's journey sheet: a cover with its timeline, then
 * each procedure's sheet for each traveller it applies to; logged one
 * line a procedure.
 *
 * Returns: (transfer none): the dialog, modal to @parent, not shown yet
 */
EdSheetDialog *
ed_sheet_dialog_new_for_journey (GtkWindow         *parent,
                                 EdSheetDialogMode  mode,
                                 EdCase            *kase,
                                 EdCatalog         *catalog,
                                 EdStore           *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ED_IS_CASE (kase), NULL);
  g_return_val_if_fail (ED_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (store == NULL || ED_IS_STORE (store), NULL);

  return new_dialog (parent, mode, kase, NULL, catalog, store);
}

EdSheetDialogMode
ed_sheet_dialog_get_mode (EdSheetDialog *self)
{
  g_return_val_if_fail (ED_IS_SHEET_DIALOG (self), ED_SHEET_DIALOG_PRINT);

  return self->mode;
}

/* Returns: (transfer none) (nullable): the sheets shown, once laid out */
EdSheetDocument *
ed_sheet_dialog_get_document (EdSheetDialog *self)
{
  g_return_val_if_fail (ED_IS_SHEET_DIALOG (self), NULL);

  return self->document;
}

/* Whether the sheet shown may be printed or saved now. */
gboolean
ed_sheet_dialog_get_ready (EdSheetDialog *self)
{
  g_return_val_if_fail (ED_IS_SHEET_DIALOG (self), FALSE);

  return self->document != NULL && !self->preparing && !self->busy &&
         ed_sheet_document_get_problems (self->document)->len == 0;
}

static void
set_languages (EdSheetDialog      *self,
               const char * const *codes)
{
  g_auto(GStrv) languages = _ed_sheet_languages_normalize (self, codes);

  if (self->languages != NULL && g_strv_equal ((const char * const *) self->languages,
                                               (const char * const *) languages))
    return;

  g_strfreev (self->languages);
  self->languages = g_steal_pointer (&languages);
  _ed_sheet_languages_update (self);
  schedule_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGES]);
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _ed_sheet_dialog_accept (ED_SHEET_DIALOG (widget));
}

static void
previous_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EdSheetDialog *self = ED_SHEET_DIALOG (widget);
  guint page = ed_sheet_preview_get_page (self->preview);

  if (page > 0)
    ed_sheet_preview_set_page (self->preview, page - 1);
}

static void
next_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EdSheetDialog *self = ED_SHEET_DIALOG (widget);

  ed_sheet_preview_set_page (self->preview, ed_sheet_preview_get_page (self->preview) + 1);
}

/* Each step a quarter more, as GNOME's viewers do. */
#define ZOOM_STEP 1.25

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EdSheetDialog *self = ED_SHEET_DIALOG (widget);
  double zoom = ed_sheet_preview_get_zoom (self->preview);

  if (g_str_equal (action_name, "sheet.zoom-in"))
    zoom *= ZOOM_STEP;
  else if (g_str_equal (action_name, "sheet.zoom-out"))
    zoom /= ZOOM_STEP;
  else
    zoom = 1;

  ed_sheet_preview_set_zoom (self->preview, zoom);
}

static void
ed_sheet_dialog_dispose (GObject *object)
{
  EdSheetDialog *self = ED_SHEET_DIALOG (object);

  g_cancellable_cancel (self->log_cancellable);
  g_clear_object (&self->log_cancellable);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_object (&self->document);
  g_clear_object (&self->sheet_template);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->letterhead, ed_sheet_office_unref);

  G_OBJECT_CLASS (ed_sheet_dialog_parent_class)->dispose (object);
}

static void
ed_sheet_dialog_finalize (GObject *object)
{
  EdSheetDialog *self = ED_SHEET_DIALOG (object);

  g_clear_pointer (&self->travellers, g_ptr_array_unref);
  g_clear_pointer (&self->languages, g_strfreev);
  g_clear_pointer (&self->letterhead_problem, g_free);
  g_clear_object (&self->kase);
  g_clear_object (&self->procedure);
  g_clear_object (&self->catalog);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ed_sheet_dialog_parent_class)->finalize (object);
}

static void
ed_sheet_dialog_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EdSheetDialog *self = ED_SHEET_DIALOG (object);

  switch (prop_id)
    {
    case PROP_LANGUAGES:
      g_value_set_boxed (value, self->languages);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_sheet_dialog_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  EdSheetDialog *self = ED_SHEET_DIALOG (object);

  switch (prop_id)
    {
    case PROP_LANGUAGES:
      set_languages (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_sheet_dialog_class_init (EdSheetDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_sheet_dialog_dispose;
  object_class->finalize = ed_sheet_dialog_finalize;
  object_class->get_property = ed_sheet_dialog_get_property;
  object_class->set_property = ed_sheet_dialog_set_property;

  /**
   * EdSheetDialog:languages:
   *
   * The sheet languages in column order, such as ["zh_CN", "ja"]: the
   * "sheet-languages" setting's, or those of the case's last sheet.
   */
  properties[PROP_LANGUAGES] =
    g_param_spec_boxed ("languages", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ED_TYPE_SHEET_PREVIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entrydesk/EntryDesk/"
                                               "sheet/ed-sheet-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EdSheetDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, EdSheetDialog, accept_button);
  gtk_widget_class_bind_template_child (widget_class, EdSheetDialog, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, EdSheetDialog, ended_banner);
  gtk_widget_class_bind_template_child (widget_class, EdSheetDialog, ended_label);
  gtk_widget_class_bind_template_child (widget_class, EdSheetDialog, options_page);
  gtk_widget_class_bind_template_child (widget_class, EdSheetDialog, languages_group);
  gtk_widget_class_bind_template_child (widget_class, EdSheetDialog, language_list);
  gtk_widget_class_bind_template_child (widget_class, EdSheetDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, EdSheetDialog, personal_switch);
  gtk_widget_class_bind_template_child (widget_class, EdSheetDialog, summary_switch);
  gtk_widget_class_bind_template_child (widget_class, EdSheetDialog, travellers_group);
  gtk_widget_class_bind_template_child (widget_class, EdSheetDialog, traveller_row);
  gtk_widget_class_bind_template_child (widget_class, EdSheetDialog, single_traveller_row);
  gtk_widget_class_bind_template_child (widget_class, EdSheetDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, EdSheetDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, EdSheetDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, EdSheetDialog, working_box);
  gtk_widget_class_bind_template_child (widget_class, EdSheetDialog, working_spinner);
  gtk_widget_class_bind_template_child (widget_class, EdSheetDialog, working_label);
  gtk_widget_class_bind_template_child (widget_class, EdSheetDialog, page_label);
  gtk_widget_class_bind_template_child (widget_class, EdSheetDialog, zoom_button);

  gtk_widget_class_install_action (widget_class, "sheet.accept", NULL, accept_action);
  gtk_widget_class_install_action (widget_class, "sheet.previous-page", NULL, previous_page_action);
  gtk_widget_class_install_action (widget_class, "sheet.next-page", NULL, next_page_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0,
                                       "sheet.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "sheet.next-page", NULL);

  gtk_widget_class_install_action (widget_class, "sheet.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "sheet.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "sheet.zoom-fit", NULL, zoom_action);
  {
    static const struct { guint key; const char *action; } zoom_keys[] = {
      { GDK_KEY_plus, "sheet.zoom-in" }, { GDK_KEY_equal, "sheet.zoom-in" },
      { GDK_KEY_KP_Add, "sheet.zoom-in" }, { GDK_KEY_minus, "sheet.zoom-out" },
      { GDK_KEY_KP_Subtract, "sheet.zoom-out" }, { GDK_KEY_0, "sheet.zoom-fit" },
      { GDK_KEY_KP_0, "sheet.zoom-fit" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (zoom_keys); i++)
      gtk_widget_class_add_binding_action (widget_class, zoom_keys[i].key, GDK_CONTROL_MASK,
                                           zoom_keys[i].action, NULL);
  }
}

/* Read once a dialog: a logo is parsed at most once per sheet dialog. */
static void
load_letterhead (EdSheetDialog *self)
{
  g_autoptr(GError) error = NULL;

  self->letterhead = ed_letterhead_from_settings (self->settings, &error);
  if (error != NULL)
    {
      g_autofree char *name = g_settings_get_string (self->settings, "letterhead-name");

      self->letterhead = ed_sheet_office_new (name);
      /* Translators: %s says why the logo chosen in Preferences cannot be printed */
      self->letterhead_problem =
        g_strdup_printf (_("The letterhead is printed without its logo: %s"), error->message);
    }
}

static void
ed_sheet_dialog_init (EdSheetDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->languages = _ed_sheet_languages_normalize (self, NULL);
  self->settings = g_settings_new (APP_ID);
  _ed_sheet_languages_init (self);
  load_letterhead (self);

  g_signal_connect_object (self->preview, "notify::page",
                           G_CALLBACK (_ed_sheet_dialog_update_state),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preview, "notify::n-pages",
                           G_CALLBACK (_ed_sheet_dialog_update_state),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preview, "notify::zoom",
                           G_CALLBACK (_ed_sheet_dialog_update_state),
                           self, G_CONNECT_SWAPPED);
  _ed_sheet_dialog_update_state (self);
}
