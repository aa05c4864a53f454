/* ed-procedure-view.c
 *
 * Browsing is not creating: a procedure opened from the Procedures view
 * is read here — its status, the questions it asks, its steps, date
 * rules, contacts and sources — and no case exists until staff press
 * "Start a Case". Back returns to the list of procedures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-procedure-browser.h"
#include "ed-procedure-view.h"

struct _EdProcedureView
{
  GtkWidget       parent_instance;

  EdProcedure    *procedure;
  guint           review_max_days;

  AdwWindowTitle *window_title;
  GtkLabel       *title_label;
  GtkBox         *status_box;
  GtkLabel       *status_label;
  GtkLabel       *note_label;
  GtkLabel       *review_label;
  GtkLabel       *summary_label;
  GtkWidget      *questions_group;
  GtkListBox     *questions_list;
  GtkWidget      *steps_group;
  GtkListBox     *steps_list;
  GtkWidget      *dates_group;
  GtkListBox     *dates_list;
  GtkWidget      *contacts_group;
  GtkListBox     *contacts_list;
  GtkWidget      *sources_group;
  GtkListBox     *sources_list;
  GtkWidget      *back_button;
  GtkWidget      *start_button;
};

G_DEFINE_FINAL_TYPE (EdProcedureView, ed_procedure_view, GTK_TYPE_WIDGET)

enum {
  START_CASE,
  CLOSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
add_row (GtkListBox *list,
         const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (list, row);

  return row;
}

static void
add_badge (GtkWidget  *row,
           const char *text)
{
  GtkWidget *badge = gtk_label_new (text);

  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "caption");
  gtk_widget_add_css_class (badge, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
}

static void
show_status (EdProcedureView *self)
{
  EdLanguage ui = ed_language_for_ui ();
  EdProcedureState state = ed_procedure_get_state (self->procedure, NULL);
  g_autofree char *status = ed_procedure_describe_status_brief (self->procedure, ui);
  EdText *note = ed_procedure_get_status_note (self->procedure);

  gtk_box_prepend (self->status_box, ed_procedure_status_badge_new (self->procedure));
  gtk_label_set_label (self->status_label, status);
  if (note != NULL)
    gtk_label_set_label (self->note_label, ed_text_lookup (note, ui));
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL);

  if (state != ED_PROCEDURE_ENDED &&
      ed_procedure_review_is_stale (self->procedure, NULL, self->review_max_days))
    {
      g_autofree char *review = ed_procedure_describe_review (self->procedure, ui, NULL,
                                                              self->review_max_days);

      gtk_label_set_label (self->review_label, review);
      gtk_widget_set_visible (GTK_WIDGET (self->review_label), TRUE);
    }
}

static void
show_questions (EdProcedureView *self)
{
  GPtrArray *questions = ed_procedure_get_questions (self->procedure);
  EdLanguage ui = ed_language_for_ui ();

  for (guint i = 0; questions != NULL && i < questions->len; i++)
    {
      const EdQuestion *question = g_ptr_array_index (questions, i);

      add_row (self->questions_list, ed_text_lookup (question->text, ui),
               question->help != NULL ? ed_text_lookup (question->help, ui) : NULL);
    }

  gtk_widget_set_visible (self->questions_group, questions != NULL && questions->len > 0);
}

static void
show_steps (EdProcedureView *self)
{
  GPtrArray *steps = ed_procedure_get_steps (self->procedure);
  EdLanguage ui = ed_language_for_ui ();

  for (guint i = 0; i < steps->len; i++)
    {
      const EdStep *step = g_ptr_array_index (steps, i);
      g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, ed_text_lookup (step->title, ui));
      GtkWidget *row = add_row (self->steps_list, title,
                                step->summary != NULL ? ed_text_lookup (step->summary, ui) : NULL);

      if (step->condition != NULL || step->valid_from != NULL || step->valid_until != NULL)
        add_badge (row, _("For some travellers"));
      if (step->optional)
        add_badge (row, _("Optional"));
    }
}

static void
show_dates (EdProcedureView *self)
{
  GPtrArray *periods = ed_procedure_get_periods (self->procedure);
  EdLanguage ui = ed_language_for_ui ();

  for (guint i = 0; periods != NULL && i < periods->len; i++)
    {
      const EdPeriod *period = g_ptr_array_index (periods, i);
      g_autofree char *rule = ed_period_describe_rule (period, self->procedure, ui);

      add_row (self->dates_list, ed_text_lookup (period->label, ui), rule);
    }

  gtk_widget_set_visible (self->dates_group, periods != NULL && periods->len > 0);
}

static void
show_contacts (EdProcedureView *self)
{
  GPtrArray *contacts = ed_procedure_get_contacts (self->procedure);
  EdLanguage ui = ed_language_for_ui ();

  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      const EdContact *contact = g_ptr_array_index (contacts, i);
      g_autoptr(GPtrArray) parts = g_ptr_array_new ();
      g_autofree char *subtitle = NULL;

      if (contact->service != NULL)
        g_ptr_array_add (parts, (gpointer) ed_text_lookup (contact->service, ui));
      if (contact->phone != NULL)
        g_ptr_array_add (parts, contact->phone);
      if (contact->email != NULL)
        g_ptr_array_add (parts, contact->email);
      if (contact->url != NULL)
        g_ptr_array_add (parts, contact->text != NULL ? contact->text : contact->url);
      g_ptr_array_add (parts, NULL);
      subtitle = g_strjoinv ("\n", (char **) parts->pdata);
      add_row (self->contacts_list, ed_text_lookup (contact->name, ui), subtitle);
    }

  gtk_widget_set_visible (self->contacts_group, contacts != NULL && contacts->len > 0);
}

static void
source_activated_cb (EdProcedureView *self,
                     GtkListBoxRow   *row)
{
  const char *url = g_object_get_data (G_OBJECT (row), "url");

  if (url != NULL)
    gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), url, GDK_CURRENT_TIME);
}

static void
show_sources (EdProcedureView *self)
{
  GPtrArray *sources = ed_procedure_get_sources (self->procedure);
  EdLanguage ui = ed_language_for_ui ();

  for (guint i = 0; i < sources->len; i++)
    {
      const EdSource *source = g_ptr_array_index (sources, i);
      g_autoptr(GPtrArray) parts = g_ptr_array_new ();
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (source->url != NULL)
        g_ptr_array_add (parts, source->text != NULL ? source->text : source->url);
      if (source->date != NULL)
        g_ptr_array_add (parts, source->date);
      g_ptr_array_add (parts, NULL);
      subtitle = g_strjoinv ("\n", (char **) parts->pdata);
      row = add_row (self->sources_list, ed_text_lookup (source->title, ui), subtitle);
      if (source->url != NULL)
        {
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     gtk_image_new_from_icon_name ("adw-external-link-symbolic"));
          g_object_set_data_full (G_OBJECT (row), "url", g_strdup (source->url), g_free);
        }
    }

  g_signal_connect_object (self->sources_list, "row-activated",
                           G_CALLBACK (source_activated_cb), self, G_CONNECT_SWAPPED);
}

/**
 * ed_procedure_view_new:
 * @review_max_days: how old a review may be before the view says
 *   "check with the source before use"
 */
GtkWidget *
ed_procedure_view_new (EdProcedure *procedure,
                       guint        review_max_days)
{
  EdProcedureView *self;
  EdLanguage ui = ed_language_for_ui ();
  const char *title;

  g_return_val_if_fail (ED_IS_PROCEDURE (procedure), NULL);

  self = g_object_new (ED_TYPE_PROCEDURE_VIEW, NULL);
  self->procedure = g_object_ref (procedure);
  self->review_max_days = review_max_days;

  title = ed_text_lookup (ed_procedure_get_title (procedure), ui);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title,
                                 ed_text_lookup (ed_procedure_get_region_name (procedure), ui));
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->summary_label,
                       ed_text_lookup (ed_procedure_get_summary (procedure), ui));

  show_status (self);
  show_questions (self);
  show_steps (self);
  show_dates (self);
  show_contacts (self);
  show_sources (self);

  return GTK_WIDGET (self);
}

EdProcedure *
ed_procedure_view_get_procedure (EdProcedureView *self)
{
  g_return_val_if_fail (ED_IS_PROCEDURE_VIEW (self), NULL);

  return self->procedure;
}

static void
start_case_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EdProcedureView *self = ED_PROCEDURE_VIEW (widget);

  g_signal_emit (self, signals[START_CASE], 0, self->procedure);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_signal_emit (widget, signals[CLOSE], 0);
}

/* Reading comes first: the first question or step, where Enter does
 * nothing, so a second Enter after the one that opened the procedure
 * cannot start a case (Ctrl+Enter or the button does). */
static gboolean
ed_procedure_view_grab_focus (GtkWidget *widget)
{
  EdProcedureView *self = ED_PROCEDURE_VIEW (widget);
  GtkWidget *lists[] = { self->questions_group, GTK_WIDGET (self->questions_list),
                         self->steps_group, GTK_WIDGET (self->steps_list) };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i += 2)
    {
      GtkListBoxRow *row;

      if (!gtk_widget_get_visible (lists[i]))
        continue;
      for (int j = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (lists[i + 1]), j)); j++)
        if (gtk_widget_get_visible (GTK_WIDGET (row)) && gtk_widget_grab_focus (GTK_WIDGET (row)))
          return TRUE;
    }

  return gtk_widget_grab_focus (self->back_button);
}

static void
ed_procedure_view_dispose (GObject *object)
{
  EdProcedureView *self = ED_PROCEDURE_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ED_TYPE_PROCEDURE_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->procedure);

  G_OBJECT_CLASS (ed_procedure_view_parent_class)->dispose (object);
}

static void
ed_procedure_view_class_init (EdProcedureViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_procedure_view_dispose;
  widget_class->grab_focus = ed_procedure_view_grab_focus;

  /**
   * EdProcedureView::start-case:
   * @procedure: the procedure
   *
   * Staff pressed "Start a Case": the first moment a case exists.
   */
  signals[START_CASE] =
    g_signal_new ("start-case",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ED_TYPE_PROCEDURE);

  /**
   * EdProcedureView::close:
   *
   * Staff went back to the list of procedures.
   */
  signals[CLOSE] =
    g_signal_new ("close",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entrydesk/EntryDesk/"
                                               "ed-procedure-view.ui");
  gtk_widget_class_bind_template_child (widget_class, EdProcedureView, back_button);
  gtk_widget_class_bind_template_child (widget_class, EdProcedureView, window_title);
  gtk_widget_class_bind_template_child (widget_class, EdProcedureView, title_label);
  gtk_widget_class_bind_template_child (widget_class, EdProcedureView, status_box);
  gtk_widget_class_bind_template_child (widget_class, EdProcedureView, status_label);
  gtk_widget_class_bind_template_child (widget_class, EdProcedureView, note_label);
  gtk_widget_class_bind_template_child (widget_class, EdProcedureView, review_label);
  gtk_widget_class_bind_template_child (widget_class, EdProcedureView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, EdProcedureView, questions_group);
  gtk_widget_class_bind_template_child (widget_class, EdProcedureView, questions_list);
  gtk_widget_class_bind_template_child (widget_class, EdProcedureView, steps_group);
  gtk_widget_class_bind_template_child (widget_class, EdProcedureView, steps_list);
  gtk_widget_class_bind_template_child (widget_class, EdProcedureView, dates_group);
  gtk_widget_class_bind_template_child (widget_class, EdProcedureView, dates_list);
  gtk_widget_class_bind_template_child (widget_class, EdProcedureView, contacts_group);
  gtk_widget_class_bind_template_child (widget_class, EdProcedureView, contacts_list);
  gtk_widget_class_bind_template_child (widget_class, EdProcedureView, sources_group);
  gtk_widget_class_bind_template_child (widget_class, EdProcedureView, sources_list);
  gtk_widget_class_bind_template_child (widget_class, EdProcedureView, start_button);

  gtk_widget_class_install_action (widget_class, "procedure.start-case", NULL, start_case_action);
  gtk_widget_class_install_action (widget_class, "procedure.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "procedure.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "procedure.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "procedure.start-case", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "procedure.start-case", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "procedureview");
}

static void
ed_procedure_view_init (EdProcedureView *self)
{
  self->review_max_days = ED_PROCEDURE_REVIEW_MAX_DAYS;

  gtk_widget_init_template (GTK_WIDGET (self));
}
