/* ed-step-page.c
 *
 * One step of a procedure: its text in the staff's language (the
 * traveller's beside it on request), the ways to do it, notes, links as
 * QR codes, the fields the official form asks for, dates computed from
 * them, and the checklist. Nothing here is written per procedure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-field-row.h"
#include "ed-period-row.h"
#include "ed-step-page.h"
#include "ed-step-page-private.h"
#include "ed-text-block.h"

struct _EdStepPage
{
  EdWizardPage   parent_instance;

  EdCase        *edcase;
  EdProcedure   *procedure;
  const EdStep  *step;
  EdLanguage     language;
  int            second_language;
  EdTraveller   *traveller;     /* whose fields and ticks are shown */
  GPtrArray     *field_rows;
  GPtrArray     *check_buttons;

  GtkLabel      *section_label;
  GtkBox        *title_box;
  GtkLabel      *page_label;
  GtkBox        *body_box;
  AdwPreferencesGroup *fields_group;
  GtkDropDown   *traveller_dropdown;
  AdwPreferencesGroup *dates_group;
  AdwPreferencesGroup *checklist_group;
  GtkListBox    *checklist_list;
  GtkBox        *content;
};

G_DEFINE_FINAL_TYPE (EdStepPage, ed_step_page, ED_TYPE_WIZARD_PAGE)

static void
update_complete (EdStepPage *self)
{
  g_autoptr(GPtrArray) missing = ed_step_dup_missing (self->edcase, self->procedure, self->step);

  ed_wizard_page_set_complete (ED_WIZARD_PAGE (self), missing->len == 0);
}

/**
 * ed_step_page_dup_missing:
 *
 * Returns: (transfer full): see ed_step_dup_missing()
 */
GPtrArray *
ed_step_page_dup_missing (EdStepPage *self)
{
  g_return_val_if_fail (ED_IS_STEP_PAGE (self), NULL);

  return ed_step_dup_missing (self->edcase, self->procedure, self->step);
}

/* A period counts from a date this step asks for. */
static gboolean
step_asks_for (EdStepPage *self,
               const char *event)
{
  for (guint i = 0; i < self->step->field_ids->len; i++)
    {
      const EdField *field = ed_procedure_find_field (self->procedure,
                                                      g_ptr_array_index (self->step->field_ids, i));

      if (field != NULL &&
          (g_strcmp0 (field->id, event) == 0 || g_strcmp0 (field->traveller_key, event) == 0))
        return TRUE;
    }

  return FALSE;
}

static void
clear_group (AdwPreferencesGroup *group,
             GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
update_dates (EdStepPage *self)
{
  GPtrArray *periods = ed_procedure_get_periods (self->procedure);
  GPtrArray *rows = g_object_get_data (G_OBJECT (self->dates_group), "rows");

  clear_group (self->dates_group, rows);

  for (guint i = 0; i < periods->len; i++)
    {
      const EdPeriod *period = g_ptr_array_index (periods, i);
      GtkWidget *row;

      if (!step_asks_for (self, period->event))
        continue;

      row = ed_period_row_new (period, self->procedure, self->traveller,
                               period->note != NULL
                               ? ed_text_lookup (period->note, self->language)
                               : NULL,
                               _("Enter the date above to see this"));
      adw_preferences_group_add (self->dates_group, row);
      g_ptr_array_add (rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->dates_group), rows->len > 0);
}

static void
check_toggled_cb (GtkCheckButton *button,
                  EdStepPage     *self)
{
  const EdChecklistItem *item = g_object_get_data (G_OBJECT (button), "item");

  if (self->traveller == NULL)
    return;

  ed_case_set_item_done (self->edcase, self->traveller, self->step->id, item->id,
                         gtk_check_button_get_active (button));
  update_complete (self);
}

static void
update_checks (EdStepPage *self)
{
  for (guint i = 0; i < self->check_buttons->len; i++)
    {
      GtkCheckButton *button = g_ptr_array_index (self->check_buttons, i);
      const EdChecklistItem *item = g_object_get_data (G_OBJECT (button), "item");
      gboolean done = self->traveller != NULL &&
                      ed_case_get_item_done (self->edcase, self->traveller, self->step->id,
                                             item->id);

      g_signal_handlers_block_by_func (button, check_toggled_cb, self);
      gtk_check_button_set_active (button, done);
      g_signal_handlers_unblock_by_func (button, check_toggled_cb, self);
    }
}

static void
build_checklist (EdStepPage *self)
{
  for (guint i = 0; i < self->step->checklist->len; i++)
    {
      const EdChecklistItem *item = g_ptr_array_index (self->step->checklist, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *text = ed_text_block_new (item->text, self->language, self->second_language);

      gtk_widget_add_css_class (box, "checklist-item");
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      ed_text_lookup (item->text, self->language),
                                      -1);
      g_object_set_data (G_OBJECT (check), "item", (gpointer) item);
      g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
      g_ptr_array_add (self->check_buttons, check);

      gtk_box_append (GTK_BOX (box), check);
      gtk_box_append (GTK_BOX (box), text);
      if (item->page != NULL && g_strcmp0 (item->page, "-") != 0)
        {
          GtkWidget *page = gtk_label_new (item->page);

          gtk_widget_add_css_class (page, "dim-label");
          gtk_widget_add_css_class (page, "caption");
          gtk_widget_set_valign (page, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (page, _("Page in the official guide"));
          gtk_box_append (GTK_BOX (box), page);
        }

      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "check", check);
      gtk_list_box_append (self->checklist_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->checklist_group), self->step->checklist->len > 0);
}

/* Activating a row (Enter, a click beside the box) ticks its item. */
static void
checklist_row_activated_cb (EdStepPage    *self,
                            GtkListBoxRow *row)
{
  GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");

  gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
}

static void
build_fields (EdStepPage *self)
{
  for (guint i = 0; i < self->step->field_ids->len; i++)
    {
      const EdField *field = ed_procedure_find_field (self->procedure,
                                                      g_ptr_array_index (self->step->field_ids, i));
      GtkWidget *row;

      if (field == NULL)
        continue;

      row = ed_field_row_new (self->procedure, field);
      adw_preferences_group_add (self->fields_group, row);
      g_ptr_array_add (self->field_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->fields_group), self->field_rows->len > 0);
}

static void
build_body (EdStepPage *self)
{
  const EdStep *step = self->step;
  const EdPhase *phase = step->phase != NULL
                         ? ed_procedure_find_phase (self->procedure, step->phase)
                         : NULL;
  GtkWidget *title;

  if (phase != NULL)
    gtk_label_set_label (self->section_label, ed_text_lookup (phase->title, self->language));
  gtk_widget_set_visible (GTK_WIDGET (self->section_label), phase != NULL);

  title = ed_text_block_new (step->title, self->language, self->second_language);
  ed_text_block_add_css_class (ED_TEXT_BLOCK (title), "title-2");
  gtk_box_append (self->title_box, title);

  if (step->page != NULL)
    {
      g_autofree char *page = g_strdup_printf (_("Official guide: %s"), step->page);

      gtk_label_set_label (self->page_label, page);
      gtk_widget_set_visible (GTK_WIDGET (self->page_label), TRUE);
    }

  gtk_box_append (self->body_box,
                  ed_text_block_new (step->body, self->language, self->second_language));
  gtk_box_append (self->body_box, _ed_step_part_alternatives (step->alternatives, self->language,
                                                              self->second_language));
  gtk_box_append (self->body_box,
                  _ed_step_part_notes (step->notes, self->language, self->second_language));
  gtk_box_append (self->body_box,
                  _ed_step_part_original_codes (step->original_codes, self->language,
                                                self->second_language));
  gtk_box_append (self->body_box,
                  _ed_step_part_links (step->links, self->language, self->second_language));
}

void
ed_step_page_select_traveller (EdStepPage  *self,
                               EdTraveller *traveller)
{
  g_return_if_fail (ED_IS_STEP_PAGE (self));

  if (self->traveller == traveller)
    return;

  if (self->traveller != NULL)
    g_signal_handlers_disconnect_by_data (self->traveller, self);
  g_set_object (&self->traveller, traveller);
  if (traveller != NULL)
    g_signal_connect_object (traveller, "changed", G_CALLBACK (update_dates), self,
                             G_CONNECT_SWAPPED);

  for (guint i = 0; i < self->field_rows->len; i++)
    ed_field_row_set_traveller (g_ptr_array_index (self->field_rows, i), traveller);

  update_checks (self);
  update_dates (self);
}

static void
traveller_selected_cb (EdStepPage *self)
{
  guint position = gtk_drop_down_get_selected (self->traveller_dropdown);

  if (position != GTK_INVALID_LIST_POSITION)
    ed_step_page_select_traveller (self, ed_case_get_traveller (self->edcase, position));
}

static char *
traveller_title (EdTraveller *traveller)
{
  g_autofree char *name = ed_traveller_dup_display_name (traveller);

  return *name != '\0' ? g_steal_pointer (&name) : g_strdup (_("Unnamed traveller"));
}

static void
travellers_changed_cb (EdStepPage *self)
{
  GListModel *travellers = ed_case_get_travellers (self->edcase);
  guint n = g_list_model_get_n_items (travellers);
  int position = self->traveller != NULL
                 ? ed_case_find_traveller (self->edcase, self->traveller)
                 : -1;

  gtk_widget_set_visible (GTK_WIDGET (self->traveller_dropdown), n > 1);
  ed_step_page_select_traveller (self,
                                 ed_case_get_traveller (self->edcase,
                                                        position >= 0 ? (guint) position : 0));
  gtk_drop_down_set_selected (self->traveller_dropdown,
                              self->traveller != NULL
                              ? (guint) ed_case_find_traveller (self->edcase, self->traveller)
                              : 0);
  update_complete (self);
}

static void
traveller_edited_cb (EdStepPage *self)
{
  update_complete (self);
}

void
ed_step_page_set_second_language (EdStepPage *self,
                                  int         language)
{
  g_return_if_fail (ED_IS_STEP_PAGE (self));

  if (self->second_language == language)
    return;

  self->second_language = language;
  _ed_step_part_set_languages (GTK_WIDGET (self->content), self->language, language);
}

const EdStep *
ed_step_page_get_step (EdStepPage *self)
{
  g_return_val_if_fail (ED_IS_STEP_PAGE (self), NULL);

  return self->step;
}

static void
ed_step_page_shown (EdWizardPage *page)
{
  EdStepPage *self = ED_STEP_PAGE (page);

  /* Names may have changed on the travellers page. */
  travellers_changed_cb (self);
  update_checks (self);
}

/**
 * ed_step_page_new:
 * @number: the step's number, from 1, as the procedure counts its steps
 */
EdWizardPage *
ed_step_page_new (EdCase       *edcase,
                  EdProcedure  *procedure,
                  const EdStep *step,
                  guint         number)
{
  EdStepPage *self;
  g_autofree char *title = NULL;
  g_autoptr(GtkExpression) expression = NULL;
  const EdPhase *phase;

  g_return_val_if_fail (ED_IS_CASE (edcase), NULL);
  g_return_val_if_fail (ED_IS_PROCEDURE (procedure), NULL);
  g_return_val_if_fail (step != NULL, NULL);

  phase = step->phase != NULL ? ed_procedure_find_phase (procedure, step->phase) : NULL;
  title = g_strdup (ed_text_lookup (step->title, ed_language_for_ui ()));
  self = g_object_new (ED_TYPE_STEP_PAGE,
                       "id", step->id,
                       "title", title,
                       "section",
                       phase != NULL ? ed_text_lookup (phase->title, ed_language_for_ui ()) : NULL,
                       "skippable", step->optional,
                       NULL);

  self->edcase = g_object_ref (edcase);
  self->procedure = g_object_ref (procedure);
  self->step = step;

  build_body (self);
  build_fields (self);
  build_checklist (self);

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (traveller_title), NULL, NULL);
  gtk_drop_down_set_expression (self->traveller_dropdown, expression);
  gtk_drop_down_set_model (self->traveller_dropdown, ed_case_get_travellers (edcase));
  g_signal_connect_object (self->traveller_dropdown, "notify::selected",
                           G_CALLBACK (traveller_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ed_case_get_travellers (edcase), "items-changed",
                           G_CALLBACK (travellers_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (edcase, "changed",
                           G_CALLBACK (traveller_edited_cb), self, G_CONNECT_SWAPPED);

  travellers_changed_cb (self);

  return ED_WIZARD_PAGE (self);
}

static void
ed_step_page_dispose (GObject *object)
{
  EdStepPage *self = ED_STEP_PAGE (object);

  if (self->traveller != NULL)
    g_signal_handlers_disconnect_by_data (self->traveller, self);
  g_clear_object (&self->traveller);

  G_OBJECT_CLASS (ed_step_page_parent_class)->dispose (object);
}

static void
ed_step_page_finalize (GObject *object)
{
  EdStepPage *self = ED_STEP_PAGE (object);

  g_clear_pointer (&self->field_rows, g_ptr_array_unref);
  g_clear_pointer (&self->check_buttons, g_ptr_array_unref);
  g_clear_object (&self->procedure);
  g_clear_object (&self->edcase);

  G_OBJECT_CLASS (ed_step_page_parent_class)->finalize (object);
}

static void
ed_step_page_class_init (EdStepPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  EdWizardPageClass *page_class = ED_WIZARD_PAGE_CLASS (klass);

  object_class->dispose = ed_step_page_dispose;
  object_class->finalize = ed_step_page_finalize;
  page_class->shown = ed_step_page_shown;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entrydesk/EntryDesk/"
                                               "wizard/pages/step/ed-step-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EdStepPage, section_label);
  gtk_widget_class_bind_template_child (widget_class, EdStepPage, title_box);
  gtk_widget_class_bind_template_child (widget_class, EdStepPage, page_label);
  gtk_widget_class_bind_template_child (widget_class, EdStepPage, body_box);
  gtk_widget_class_bind_template_child (widget_class, EdStepPage, fields_group);
  gtk_widget_class_bind_template_child (widget_class, EdStepPage, traveller_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EdStepPage, dates_group);
  gtk_widget_class_bind_template_child (widget_class, EdStepPage, checklist_group);
  gtk_widget_class_bind_template_child (widget_class, EdStepPage, checklist_list);
  gtk_widget_class_bind_template_child (widget_class, EdStepPage, content);
  gtk_widget_class_bind_template_callback (widget_class, checklist_row_activated_cb);
}

static void
ed_step_page_init (EdStepPage *self)
{
  self->language = ed_language_for_ui ();
  self->second_language = ED_NO_LANGUAGE;
  self->field_rows = g_ptr_array_new ();
  self->check_buttons = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_set_data_full (G_OBJECT (self->dates_group), "rows", g_ptr_array_new (),
                          (GDestroyNotify) g_ptr_array_unref);
}
