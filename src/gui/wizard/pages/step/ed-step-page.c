/* ed-step-page.c
 *
 * One step of a procedure, as an action: what to do (the step's summary),
 * by when (its dates, worked out for each traveller), the warnings to
 * check first, the QR codes to scan, the fields the official form asks
 * for and the checklist. The source's full text stays one click away,
 * under "Details". The traveller's language stands beside the staff's on
 * request, headings and dates too. Nothing here is written per
 * procedure.
 *
 * Only required checklist items (and values a form would refuse) hold
 * the step up: the page is complete without the others, and the review
 * lists what is left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-due-view.h"
#include "ed-field-row.h"
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
  EdTraveller   *traveller;     /* whose fields and ticks are shown */
  GPtrArray     *field_rows;
  GPtrArray     *check_buttons;
  GPtrArray     *periods;       /* EdPeriod shown on this step */

  GtkBox        *section_box;
  GtkBox        *title_box;
  GtkWidget     *not_needed_box;
  GtkLabel      *not_needed_label;
  GtkBox        *summary_box;
  GtkBox        *due_box;
  GtkBox        *act_box;
  GtkBox        *fields_box;
  GtkBox        *fields_heading_box;
  AdwPreferencesGroup *fields_group;
  GtkDropDown   *traveller_dropdown;
  GtkBox        *checklist_box;
  GtkLabel      *checklist_description;
  GtkListBox    *checklist_list;
  GtkExpander   *details_expander;
  GtkBox        *details_box;
  GtkLabel      *page_label;
  GtkBox        *content;
};

G_DEFINE_FINAL_TYPE (EdStepPage, ed_step_page, ED_TYPE_WIZARD_PAGE)

static int
second_language (EdStepPage *self)
{
  return ed_wizard_page_get_second_language (ED_WIZARD_PAGE (self));
}

static void
update_complete (EdStepPage *self)
{
  g_autoptr(GPtrArray) missing = ed_case_missing (self->edcase, self->procedure, self->step,
                                                  ED_MISSING_DEFAULT);

  ed_wizard_page_set_complete (ED_WIZARD_PAGE (self), ed_missing_count_required (missing) == 0);
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

/* For a family, the step may apply to some of them only. */
static void
update_not_needed (EdStepPage *self)
{
  g_autofree char *reason = ed_case_describe_step (self->edcase, self->procedure, self->step,
                                                   self->language);

  gtk_label_set_label (self->not_needed_label, reason != NULL ? reason : "");
  gtk_widget_set_visible (self->not_needed_box, reason != NULL);
}

/* By when, for each traveller, in their terms. */
static void
update_dates (EdStepPage *self)
{
  guint n = ed_case_get_n_travellers (self->edcase);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->due_box))) != NULL)
    gtk_box_remove (self->due_box, child);

  gtk_widget_set_visible (GTK_WIDGET (self->due_box), self->periods->len > 0);
  if (self->periods->len == 0)
    return;

  gtk_box_append (self->due_box,
                  ed_text_heading_new ("heading", "By When", second_language (self)));
  for (guint p = 0; p < self->periods->len; p++)
    for (guint t = 0; t < n; t++)
      {
        EdTraveller *traveller = ed_case_get_traveller (self->edcase, t);
        g_autofree char *name = n > 1 ? ed_traveller_dup_display_name (traveller) : NULL;

        gtk_box_append (self->due_box,
                        ed_due_view_new (self->procedure, g_ptr_array_index (self->periods, p),
                                         traveller, name != NULL && *name != '\0' ? name : NULL,
                                         second_language (self)));
      }
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

static GtkWidget *
create_suffix_label (const char *text,
                     const char *css_class,
                     const char *tooltip)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, css_class);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (label, tooltip);
  return label;
}

/* A row a Tab stop in the list, as in GNOME Settings: Space or Enter
 * ticks it, the arrow keys move between items, Tab leaves the list. */
static void
build_checklist (EdStepPage *self)
{
  guint n_required = 0;

  gtk_box_prepend (self->checklist_box,
                   ed_text_heading_new ("heading", "Checklist", second_language (self)));

  for (guint i = 0; i < self->step->checklist->len; i++)
    {
      const EdChecklistItem *item = g_ptr_array_index (self->step->checklist, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *text = ed_text_block_new (item->text, self->language, second_language (self));

      gtk_widget_add_css_class (box, "checklist-item");
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      /* The row takes the focus and ticks the box; nothing inside it is
       * a Tab stop, so Tab goes on to the next row and out of the list. */
      gtk_widget_set_can_focus (box, FALSE);
      gtk_widget_set_focusable (check, FALSE);
      gtk_widget_set_can_target (check, TRUE);
      g_object_set_data (G_OBJECT (check), "item", (gpointer) item);
      g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
      g_ptr_array_add (self->check_buttons, check);

      gtk_box_append (GTK_BOX (box), check);
      gtk_box_append (GTK_BOX (box), text);
      if (item->required)
        {
          gtk_box_append (GTK_BOX (box),
                          create_suffix_label (_("Required"), "required-badge",
                                               _("Next waits for this item")));
          n_required++;
        }
      if (item->page != NULL && g_strcmp0 (item->page, "-") != 0)
        gtk_box_append (GTK_BOX (box),
                        create_suffix_label (item->page, "dim-label",
                                             _("Page in the official guide")));

      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      ed_text_lookup (item->text, self->language),
                                      -1);
      g_object_set_data (G_OBJECT (row), "check", check);
      gtk_list_box_append (self->checklist_list, row);
    }

  if (n_required > 0)
    gtk_label_set_label (self->checklist_description,
                         _("Tick each item once it is done. Next waits for the items marked "
                           "Required; the review lists the others still open."));
  else
    gtk_label_set_label (self->checklist_description,
                         _("Tick each item once it is done. None holds up Next: the review "
                           "lists those still open."));

  gtk_widget_set_visible (GTK_WIDGET (self->checklist_box), self->step->checklist->len > 0);
}

/* Activating a row (Space, Enter, a click beside the box) ticks its item. */
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
  GtkWidget *heading = ed_text_heading_new ("heading", "What the Form Asks",
                                            second_language (self));

  gtk_widget_set_hexpand (heading, TRUE);
  gtk_box_prepend (self->fields_heading_box, heading);

  for (guint i = 0; i < self->step->field_ids->len; i++)
    {
      const EdField *field = ed_procedure_find_field (self->procedure,
                                                      g_ptr_array_index (self->step->field_ids, i));
      GtkWidget *row;

      if (field == NULL)
        continue;

      row = ed_field_row_new (self->procedure, field);
      ed_field_row_set_second_language (ED_FIELD_ROW (row), second_language (self));
      adw_preferences_group_add (self->fields_group, row);
      g_ptr_array_add (self->field_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->fields_box), self->field_rows->len > 0);
}

/* Warnings, penalties and facts to check before use come first; other
 * notes are part of the details. */
static gboolean
note_is_urgent (const EdNote *note)
{
  return note->kind != ED_NOTE_INFO;
}

static GtkWidget *
notes_of_kind (GPtrArray  *notes,
               gboolean    urgent,
               EdLanguage  language,
               int         second)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  GtkWidget *box;

  for (guint i = 0; notes != NULL && i < notes->len; i++)
    if (note_is_urgent (g_ptr_array_index (notes, i)) == urgent)
      g_ptr_array_add (chosen, g_ptr_array_index (notes, i));

  box = _ed_step_part_notes (chosen, language, second);
  return box;
}

/* What to act on: the QR codes of the step and of each way to do it. */
static void
build_actions (EdStepPage *self)
{
  const EdStep *step = self->step;
  int second = second_language (self);

  gtk_box_append (self->act_box, notes_of_kind (step->notes, TRUE, self->language, second));
  gtk_box_append (self->act_box, _ed_step_part_links (step->links, self->language, second));
  gtk_box_append (self->act_box,
                  _ed_step_part_original_codes (step->original_codes, self->language, second));
  gtk_box_append (self->act_box,
                  _ed_step_part_alternatives (step->alternatives, self->language, second, FALSE));
}

static void
build_body (EdStepPage *self)
{
  const EdStep *step = self->step;
  int second = second_language (self);
  const EdPhase *phase = step->phase != NULL
                         ? ed_procedure_find_phase (self->procedure, step->phase)
                         : NULL;
  GtkWidget *title;
  GtkWidget *lead;
  gboolean details = step->summary != NULL;

  if (phase != NULL)
    {
      GtkWidget *section = ed_text_block_new (phase->title, self->language, second);

      ed_text_block_add_css_class (ED_TEXT_BLOCK (section), "caption-heading");
      ed_text_block_add_css_class (ED_TEXT_BLOCK (section), "dim-label");
      gtk_box_append (self->section_box, section);
    }

  title = ed_text_block_new (step->title, self->language, second);
  ed_text_block_add_css_class (ED_TEXT_BLOCK (title), "title-2");
  gtk_box_append (self->title_box, title);

  /* What to do, in short; a step written before summaries existed leads
   * with its whole text. */
  lead = ed_text_block_new (details ? step->summary : step->body, self->language, second);
  ed_text_block_add_css_class (ED_TEXT_BLOCK (lead), "step-summary");
  gtk_box_append (self->summary_box, lead);

  build_actions (self);

  if (step->page != NULL)
    {
      g_autofree char *page = g_strdup_printf (_("Official guide: %s"), step->page);

      gtk_label_set_label (self->page_label, page);
      gtk_widget_set_visible (GTK_WIDGET (self->page_label), TRUE);
    }
  if (details)
    gtk_box_append (self->details_box, ed_text_block_new (step->body, self->language, second));
  gtk_box_append (self->details_box,
                  _ed_step_part_alternatives (step->alternatives, self->language, second, TRUE));
  gtk_box_append (self->details_box, notes_of_kind (step->notes, FALSE, self->language, second));
  gtk_box_append (self->details_box, _ed_step_part_sources (self->procedure, step->sources,
                                                            self->language));
}

static void
traveller_changed_cb (EdStepPage *self)
{
  update_dates (self);
  update_not_needed (self);
}

void
ed_step_page_select_traveller (EdStepPage  *self,
                               EdTraveller *traveller)
{
  g_return_if_fail (ED_IS_STEP_PAGE (self));

  if (self->traveller == traveller)
    return;

  g_set_object (&self->traveller, traveller);

  for (guint i = 0; i < self->field_rows->len; i++)
    ed_field_row_set_traveller (g_ptr_array_index (self->field_rows, i), traveller);

  update_checks (self);
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
  traveller_changed_cb (self);
}

/* Dates follow what staff type; a page not on screen catches up when
 * it is shown. */
static void
case_changed_cb (EdStepPage *self)
{
  update_complete (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    traveller_changed_cb (self);
}

static void
ed_step_page_second_language_changed (EdWizardPage *page)
{
  EdStepPage *self = ED_STEP_PAGE (page);
  int second = second_language (self);

  _ed_step_part_set_languages (GTK_WIDGET (self->content), self->language, second);
  for (guint i = 0; i < self->field_rows->len; i++)
    ed_field_row_set_second_language (g_ptr_array_index (self->field_rows, i), second);
}

static gboolean
ed_step_page_focus_field (EdWizardPage *page,
                          guint         traveller,
                          const char   *name)
{
  EdStepPage *self = ED_STEP_PAGE (page);

  if (traveller < ed_case_get_n_travellers (self->edcase))
    gtk_drop_down_set_selected (self->traveller_dropdown, traveller);

  for (guint i = 0; i < self->field_rows->len; i++)
    {
      EdFieldRow *row = g_ptr_array_index (self->field_rows, i);

      if (g_strcmp0 (ed_field_row_get_name (row), name) == 0)
        {
          ed_field_row_reveal_required (row);
          return gtk_widget_grab_focus (GTK_WIDGET (row));
        }
    }

  return FALSE;
}

/**
 * ed_step_page_set_second_language:
 *
 * The same as ed_wizard_page_set_second_language().
 */
void
ed_step_page_set_second_language (EdStepPage *self,
                                  int         language)
{
  g_return_if_fail (ED_IS_STEP_PAGE (self));

  ed_wizard_page_set_second_language (ED_WIZARD_PAGE (self), language);
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

  /* Names and dates may have changed on the travellers page. */
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
  self->periods = ed_step_dup_periods (procedure, step);

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
                           G_CALLBACK (case_changed_cb), self, G_CONNECT_SWAPPED);

  travellers_changed_cb (self);

  return ED_WIZARD_PAGE (self);
}

static void
ed_step_page_dispose (GObject *object)
{
  EdStepPage *self = ED_STEP_PAGE (object);

  g_clear_object (&self->traveller);

  G_OBJECT_CLASS (ed_step_page_parent_class)->dispose (object);
}

static void
ed_step_page_finalize (GObject *object)
{
  EdStepPage *self = ED_STEP_PAGE (object);

  g_clear_pointer (&self->field_rows, g_ptr_array_unref);
  g_clear_pointer (&self->check_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->periods, g_ptr_array_unref);
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
  page_class->second_language_changed = ed_step_page_second_language_changed;
  page_class->focus_field = ed_step_page_focus_field;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entrydesk/EntryDesk/"
                                               "wizard/pages/step/ed-step-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EdStepPage, section_box);
  gtk_widget_class_bind_template_child (widget_class, EdStepPage, title_box);
  gtk_widget_class_bind_template_child (widget_class, EdStepPage, not_needed_box);
  gtk_widget_class_bind_template_child (widget_class, EdStepPage, not_needed_label);
  gtk_widget_class_bind_template_child (widget_class, EdStepPage, summary_box);
  gtk_widget_class_bind_template_child (widget_class, EdStepPage, due_box);
  gtk_widget_class_bind_template_child (widget_class, EdStepPage, act_box);
  gtk_widget_class_bind_template_child (widget_class, EdStepPage, fields_box);
  gtk_widget_class_bind_template_child (widget_class, EdStepPage, fields_heading_box);
  gtk_widget_class_bind_template_child (widget_class, EdStepPage, fields_group);
  gtk_widget_class_bind_template_child (widget_class, EdStepPage, traveller_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EdStepPage, checklist_box);
  gtk_widget_class_bind_template_child (widget_class, EdStepPage, checklist_description);
  gtk_widget_class_bind_template_child (widget_class, EdStepPage, checklist_list);
  gtk_widget_class_bind_template_child (widget_class, EdStepPage, details_expander);
  gtk_widget_class_bind_template_child (widget_class, EdStepPage, details_box);
  gtk_widget_class_bind_template_child (widget_class, EdStepPage, page_label);
  gtk_widget_class_bind_template_child (widget_class, EdStepPage, content);
}

static void
ed_step_page_init (EdStepPage *self)
{
  self->language = ed_language_for_ui ();
  self->field_rows = g_ptr_array_new ();
  self->check_buttons = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->checklist_list, "row-activated",
                           G_CALLBACK (checklist_row_activated_cb), self, G_CONNECT_SWAPPED);
}
