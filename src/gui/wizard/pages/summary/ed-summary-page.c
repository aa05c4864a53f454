/* ed-summary-page.c
 *
 * What is done and what is missing — each missing item takes staff to
 * its step — the dates computed for each traveller, and the sheet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-period-row.h"
#include "ed-step-page.h"
#include "ed-summary-page.h"

struct _EdSummaryPage
{
  EdWizardPage         parent_instance;

  EdCase              *edcase;
  EdProcedure         *procedure;
  guint                n_missing;
  GPtrArray           *date_rows;

  GtkLabel            *state_label;
  AdwPreferencesGroup *missing_group;
  GtkListBox          *missing_list;
  AdwPreferencesGroup *optional_group;
  GtkListBox          *optional_list;
  AdwPreferencesGroup *dates_group;
  AdwPreferencesGroup *done_group;
  GtkListBox          *done_list;
  GtkLabel            *reference_label;
  GtkButton           *close_button;
};

G_DEFINE_FINAL_TYPE (EdSummaryPage, ed_summary_page, ED_TYPE_WIZARD_PAGE)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
add_step_row (GtkListBox   *list,
              const EdStep *step,
              guint         number,
              const char   *subtitle,
              const char   *icon_name)
{
  EdLanguage ui = ed_language_for_ui ();
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf (_("Step %u: %s"), number,
                                            ed_text_lookup (step->title, ui));
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "step-id", g_strdup (step->id), g_free);
  gtk_list_box_append (list, row);
}

static char *
join_missing (GPtrArray *missing)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < missing->len; i++)
    {
      if (i > 0)
        /* Translators: separates the items still missing in a step */
        g_string_append (text, _("; "));
      g_string_append (text, g_ptr_array_index (missing, i));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_steps (EdSummaryPage *self)
{
  GPtrArray *steps = ed_procedure_get_steps (self->procedure);
  guint n_optional = 0, n_done = 0;

  clear_list (self->missing_list);
  clear_list (self->optional_list);
  clear_list (self->done_list);
  self->n_missing = 0;

  for (guint i = 0; i < steps->len; i++)
    {
      const EdStep *step = g_ptr_array_index (steps, i);
      g_autoptr(GPtrArray) missing = ed_step_dup_missing (self->edcase, self->procedure, step);
      g_autofree char *subtitle = NULL;

      if (missing->len == 0)
        {
          add_step_row (self->done_list, step, i + 1, NULL, "emblem-ok-symbolic");
          n_done++;
          continue;
        }

      subtitle = join_missing (missing);
      if (step->optional)
        {
          add_step_row (self->optional_list, step, i + 1, subtitle, "content-loading-symbolic");
          n_optional++;
        }
      else
        {
          add_step_row (self->missing_list, step, i + 1, subtitle, "dialog-warning-symbolic");
          self->n_missing++;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->missing_group), self->n_missing > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->optional_group), n_optional > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->done_group), n_done > 0);

  if (self->n_missing == 0)
    gtk_label_set_label (self->state_label, _("Every required step is done. "
                                              "Print the check sheet for the traveller."));
  else
    {
      g_autofree char *state = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u step still needs something.",
                                                             "%u steps still need something.",
                                                             self->n_missing),
                                                self->n_missing);

      gtk_label_set_label (self->state_label, state);
    }
}

static void
update_dates (EdSummaryPage *self)
{
  GPtrArray *periods = ed_procedure_get_periods (self->procedure);
  GListModel *travellers = ed_case_get_travellers (self->edcase);
  guint n_travellers = g_list_model_get_n_items (travellers);

  for (guint i = 0; i < self->date_rows->len; i++)
    adw_preferences_group_remove (self->dates_group, g_ptr_array_index (self->date_rows, i));
  g_ptr_array_set_size (self->date_rows, 0);

  for (guint p = 0; p < periods->len; p++)
    for (guint t = 0; t < n_travellers; t++)
      {
        const EdPeriod *period = g_ptr_array_index (periods, p);
        g_autoptr(EdTraveller) traveller = g_list_model_get_item (travellers, t);
        g_autofree char *name = n_travellers > 1 ? ed_traveller_dup_display_name (traveller) : NULL;
        GtkWidget *row = ed_period_row_new (period, self->procedure, traveller, name,
                                            _("Date not entered yet"));

        adw_preferences_group_add (self->dates_group, row);
        g_ptr_array_add (self->date_rows, row);
      }

  gtk_widget_set_visible (GTK_WIDGET (self->dates_group), self->date_rows->len > 0);
}

static void
update_case (EdSummaryPage *self)
{
  gboolean closed = ed_case_get_status (self->edcase) == ED_CASE_CLOSED;
  const char *reference = ed_case_get_reference (self->edcase);

  gtk_label_set_label (self->reference_label, reference != NULL ? reference : "");
  gtk_button_set_label (self->close_button, closed ? _("_Reopen Case") : _("_Close Case"));
  gtk_button_set_use_underline (self->close_button, TRUE);
}

static void
update (EdSummaryPage *self)
{
  update_steps (self);
  update_dates (self);
  update_case (self);
}

static void
close_clicked_cb (EdSummaryPage *self)
{
  gboolean closed = ed_case_get_status (self->edcase) == ED_CASE_CLOSED;

  ed_case_set_status (self->edcase, closed ? ED_CASE_OPEN : ED_CASE_CLOSED);
  update_case (self);
}

static void
step_row_activated_cb (EdSummaryPage *self,
                       GtkListBoxRow *row)
{
  const char *step_id = g_object_get_data (G_OBJECT (row), "step-id");

  gtk_widget_activate_action (GTK_WIDGET (self), "wizard.go-to", "s", step_id);
}

guint
ed_summary_page_get_n_missing (EdSummaryPage *self)
{
  g_return_val_if_fail (ED_IS_SUMMARY_PAGE (self), 0);

  return self->n_missing;
}

static void
ed_summary_page_shown (EdWizardPage *page)
{
  update (ED_SUMMARY_PAGE (page));
}

EdWizardPage *
ed_summary_page_new (EdCase      *edcase,
                     EdProcedure *procedure)
{
  EdSummaryPage *self;

  g_return_val_if_fail (ED_IS_CASE (edcase), NULL);
  g_return_val_if_fail (ED_IS_PROCEDURE (procedure), NULL);

  self = g_object_new (ED_TYPE_SUMMARY_PAGE,
                       "id", ED_SUMMARY_PAGE_ID,
                       "title", _("Summary"),
                       "complete", TRUE,
                       NULL);
  self->edcase = g_object_ref (edcase);
  self->procedure = g_object_ref (procedure);

  update (self);

  return ED_WIZARD_PAGE (self);
}

static void
ed_summary_page_finalize (GObject *object)
{
  EdSummaryPage *self = ED_SUMMARY_PAGE (object);

  g_clear_pointer (&self->date_rows, g_ptr_array_unref);
  g_clear_object (&self->procedure);
  g_clear_object (&self->edcase);

  G_OBJECT_CLASS (ed_summary_page_parent_class)->finalize (object);
}

static void
ed_summary_page_class_init (EdSummaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  EdWizardPageClass *page_class = ED_WIZARD_PAGE_CLASS (klass);

  object_class->finalize = ed_summary_page_finalize;
  page_class->shown = ed_summary_page_shown;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entrydesk/EntryDesk/"
                                               "wizard/pages/summary/ed-summary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EdSummaryPage, state_label);
  gtk_widget_class_bind_template_child (widget_class, EdSummaryPage, missing_group);
  gtk_widget_class_bind_template_child (widget_class, EdSummaryPage, missing_list);
  gtk_widget_class_bind_template_child (widget_class, EdSummaryPage, optional_group);
  gtk_widget_class_bind_template_child (widget_class, EdSummaryPage, optional_list);
  gtk_widget_class_bind_template_child (widget_class, EdSummaryPage, dates_group);
  gtk_widget_class_bind_template_child (widget_class, EdSummaryPage, done_group);
  gtk_widget_class_bind_template_child (widget_class, EdSummaryPage, done_list);
  gtk_widget_class_bind_template_child (widget_class, EdSummaryPage, reference_label);
  gtk_widget_class_bind_template_child (widget_class, EdSummaryPage, close_button);
  gtk_widget_class_bind_template_callback (widget_class, step_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);
}

static void
ed_summary_page_init (EdSummaryPage *self)
{
  self->date_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}
