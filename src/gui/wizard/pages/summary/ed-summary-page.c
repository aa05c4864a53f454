/* ed-summary-page.c
 *
 * The review that ends the flow: what still holds the case up (each
 * taking staff to its field or step), what is left to do, every answer
 * (each a click from its field, where it is changed in place), the dates
 * worked out for each traveller, the steps not needed and why, and the
 * case itself: its notes and the sheets printed. The final action —
 * Print, Export, Mark as Done — is the wizard's, in Next's place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-due-view.h"
#include "ed-field-row.h"
#include "ed-question-row.h"
#include "ed-questions-page.h"
#include "ed-step-page.h"
#include "ed-summary-page.h"
#include "ed-text-block.h"
#include "ed-travellers-page.h"

struct _EdSummaryPage
{
  EdWizardPage         parent_instance;

  EdCase              *edcase;
  EdProcedure         *procedure;
  EdStore             *store;
  GCancellable        *cancellable;
  guint                n_missing;
  gboolean             updating_notes;

  GtkLabel            *state_label;
  AdwPreferencesGroup *missing_group;
  GtkListBox          *missing_list;
  AdwPreferencesGroup *left_group;
  GtkListBox          *left_list;
  GtkBox              *answers_box;
  GtkBox              *dates_box;
  AdwPreferencesGroup *not_needed_group;
  GtkListBox          *not_needed_list;
  AdwPreferencesGroup *done_group;
  GtkListBox          *done_list;
  GtkLabel            *reference_label;
  GtkLabel            *status_label;
  GtkTextView         *notes_view;
  AdwPreferencesGroup *sheets_group;
  GtkListBox          *sheets_list;
  GtkBox              *content;
};

G_DEFINE_FINAL_TYPE (EdSummaryPage, ed_summary_page, ED_TYPE_WIZARD_PAGE)

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

static char *
traveller_name (EdCase *edcase,
                guint   index)
{
  g_autofree char *name = ed_traveller_dup_display_name (ed_case_get_traveller (edcase, index));

  if (*name != '\0')
    return g_steal_pointer (&name);

  /* Translators: a traveller without a name yet, by their place in the case */
  return g_strdup_printf (_("Traveller %d"), (int) index + 1);
}

/* A row that takes staff somewhere: a page, and a field on it. */
static GtkWidget *
add_jump_row (GtkListBox *list,
              const char *title,
              const char *subtitle,
              const char *icon_name,
              const char *page_id,
              int         traveller,
              const char *field)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (icon_name != NULL)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon_name));
  if (page_id != NULL)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "page-id", g_strdup (page_id), g_free);
      g_object_set_data (G_OBJECT (row), "traveller", GINT_TO_POINTER (traveller));
      g_object_set_data_full (G_OBJECT (row), "field", g_strdup (field), g_free);
    }
  else
    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (list, row);

  return row;
}

static char *
step_title (const EdStep *step,
            GPtrArray    *flow)
{
  const char *title = ed_text_lookup (step->title, ed_language_for_ui ());
  int number = ed_case_flow_position (flow, step->id);

  if (number == 0)
    return g_strdup (title);

  /* Translators: a step's number among those that apply, and its title */
  return g_strdup_printf (_("Step %d: %s"), number, title);
}

static char *
describe_missing (EdCase          *edcase,
                  const EdMissing *entry)
{
  EdLanguage ui = ed_language_for_ui ();
  const char *what = ed_missing_get_label (entry, ui);
  int index = ed_case_find_traveller (edcase, entry->traveller);
  g_autofree char *name = NULL;

  if (what == NULL)
    what = ed_field_row_key_title (entry->name);
  if (ed_case_get_n_travellers (edcase) < 2)
    return g_strdup (what);

  name = traveller_name (edcase, (guint) MAX (index, 0));
  /* Translators: a traveller's name, then what is missing for them */
  return g_strdup_printf (_("%s: %s"), name, what);
}

/* One row for each step, saying everything of it that is missing. */
static guint
add_missing_rows (EdSummaryPage *self,
                  GtkListBox    *list,
                  GPtrArray     *missing,
                  gboolean       required,
                  GPtrArray     *flow)
{
  GPtrArray *steps = ed_procedure_get_steps (self->procedure);
  guint n_rows = 0;

  for (guint s = 0; s < steps->len; s++)
    {
      const EdStep *step = g_ptr_array_index (steps, s);
      g_autoptr(GString) subtitle = g_string_new (NULL);
      g_autofree char *title = NULL;
      const EdMissing *first_value = NULL;

      if (ed_case_flow_position (flow, step->id) == 0)
        continue;

      for (guint i = 0; i < missing->len; i++)
        {
          const EdMissing *entry = g_ptr_array_index (missing, i);
          g_autofree char *line = NULL;

          /* Nothing of an optional step holds the case up. */
          if (entry->step != step || (entry->required && !step->optional) != required)
            continue;
          if (first_value == NULL && entry->kind == ED_MISSING_VALUE)
            first_value = entry;
          line = describe_missing (self->edcase, entry);
          if (subtitle->len > 0)
            /* Translators: separates the items still missing in a step */
            g_string_append (subtitle, _("; "));
          g_string_append (subtitle, line);
        }

      if (subtitle->len == 0)
        continue;

      title = step_title (step, flow);
      add_jump_row (list, title, subtitle->str,
                    required ? "dialog-warning-symbolic" : "content-loading-symbolic",
                    step->id,
                    first_value != NULL
                    ? ed_case_find_traveller (self->edcase, first_value->traveller) : 0,
                    first_value != NULL ? first_value->name : NULL);
      n_rows++;
    }

  /* Values no step asks for (an e-mail address typed wrongly): the
   * travellers page has them. */
  for (guint i = 0; required && i < missing->len; i++)
    {
      const EdMissing *entry = g_ptr_array_index (missing, i);
      g_autofree char *line = NULL;

      if (entry->step != NULL || !entry->required)
        continue;
      line = describe_missing (self->edcase, entry);
      add_jump_row (list, _("Travellers"), line, "dialog-warning-symbolic",
                    ED_TRAVELLERS_PAGE_ID,
                    ed_case_find_traveller (self->edcase, entry->traveller), entry->name);
      n_rows++;
    }

  return n_rows;
}

static void
update_steps (EdSummaryPage *self)
{
  g_autoptr(GPtrArray) missing = ed_case_missing (self->edcase, self->procedure, NULL,
                                                  ED_MISSING_DEFAULT);
  g_autoptr(GPtrArray) flow = ed_case_dup_flow (self->edcase, self->procedure);
  GPtrArray *steps = ed_procedure_get_steps (self->procedure);
  guint n_left, n_done = 0, n_not_needed = 0;

  clear_box (GTK_WIDGET (self->missing_list));
  clear_box (GTK_WIDGET (self->left_list));
  clear_box (GTK_WIDGET (self->done_list));
  clear_box (GTK_WIDGET (self->not_needed_list));

  self->n_missing = add_missing_rows (self, self->missing_list, missing, TRUE, flow);
  n_left = add_missing_rows (self, self->left_list, missing, FALSE, flow);

  for (guint s = 0; s < steps->len; s++)
    {
      const EdStep *step = g_ptr_array_index (steps, s);
      g_autofree char *title = step_title (step, flow);
      gboolean any = FALSE;

      if (ed_case_flow_position (flow, step->id) == 0)
        {
          g_autofree char *reason = ed_case_describe_step (self->edcase, self->procedure, step,
                                                           ed_language_for_ui ());

          add_jump_row (self->not_needed_list, title, reason, "action-unavailable-symbolic",
                        NULL, 0, NULL);
          n_not_needed++;
          continue;
        }

      for (guint i = 0; i < missing->len && !any; i++)
        any = ((const EdMissing *) g_ptr_array_index (missing, i))->step == step;
      if (!any)
        {
          add_jump_row (self->done_list, title, NULL, "emblem-ok-symbolic", step->id, 0, NULL);
          n_done++;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->missing_group), self->n_missing > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->left_group), n_left > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->done_group), n_done > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->not_needed_group), n_not_needed > 0);

  if (self->n_missing == 0)
    gtk_label_set_label (self->state_label,
                         n_left == 0
                         ? _("Everything is done. Print the check sheet for the traveller.")
                         : _("Nothing holds the case up. Print the check sheet: it lists what "
                             "is left for the traveller."));
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

/* Which page a field is changed on: the travellers page for a traveller
 * key, else the first step in the flow that asks for it. */
static const char *
page_of_field (EdSummaryPage *self,
               const EdField *field,
               GPtrArray     *flow)
{
  if (field->traveller_key != NULL && ed_traveller_is_key (field->traveller_key))
    return ED_TRAVELLERS_PAGE_ID;

  for (guint i = 0; i < flow->len; i++)
    {
      const EdStep *step = g_ptr_array_index (flow, i);

      for (guint f = 0; f < step->field_ids->len; f++)
        if (g_strcmp0 (g_ptr_array_index (step->field_ids, f), field->id) == 0)
          return step->id;
    }

  return NULL;
}

static char *
describe_value (const EdField *field,
                const char    *value)
{
  if (field->is_private)
    return g_strdup (_("Typed on the official site, never kept"));
  if (value == NULL || *value == '\0')
    return g_strdup (_("Not entered"));

  for (guint i = 0; field->choices != NULL && i < field->choices->len; i++)
    {
      const EdChoice *choice = g_ptr_array_index (field->choices, i);

      if (g_strcmp0 (choice->value, value) == 0)
        return g_strdup (ed_text_lookup (choice->label, ed_language_for_ui ()));
    }
  if (field->kind == ED_FIELD_YES_NO)
    return g_strdup (g_strcmp0 (value, "yes") == 0 ? C_("answer", "Yes") : C_("answer", "No"));

  return g_strdup (value);
}

static gboolean
field_shown (const EdField *field,
             GPtrArray     *flow,
             GPtrArray     *seen)
{
  for (guint i = 0; i < seen->len; i++)
    if (g_ptr_array_index (seen, i) == field)
      return FALSE;

  for (guint i = 0; i < flow->len; i++)
    {
      const EdStep *step = g_ptr_array_index (flow, i);

      for (guint f = 0; f < step->field_ids->len; f++)
        if (g_strcmp0 (g_ptr_array_index (step->field_ids, f), field->id) == 0)
          return TRUE;
    }

  return FALSE;
}

static void step_row_activated_cb (EdSummaryPage *self,
                                   GtkListBoxRow *row);

/* Every answer the steps in the flow ask for, and the questions'. */
static void
update_answers (EdSummaryPage *self)
{
  g_autoptr(GPtrArray) flow = ed_case_dup_flow (self->edcase, self->procedure);
  GPtrArray *fields = ed_procedure_get_fields (self->procedure);
  GPtrArray *questions = ed_procedure_get_questions (self->procedure);
  guint n = ed_case_get_n_travellers (self->edcase);
  EdLanguage ui = ed_language_for_ui ();

  clear_box (GTK_WIDGET (self->answers_box));

  for (guint t = 0; t < n; t++)
    {
      EdTraveller *traveller = ed_case_get_traveller (self->edcase, t);
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *list = gtk_list_box_new ();
      g_autoptr(GPtrArray) seen = g_ptr_array_new ();
      g_autofree char *title = NULL;

      if (n > 1)
        {
          g_autofree char *name = traveller_name (self->edcase, t);

          /* Translators: the heading of one traveller's answers */
          title = g_strdup_printf (_("Answers: %s"), name);
        }
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                       title != NULL ? title : _("Answers"));
      if (t == 0)
        adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                               _("Choose an answer to change it where it was "
                                                 "given."));
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      g_signal_connect_object (list, "row-activated", G_CALLBACK (step_row_activated_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);

      for (guint q = 0; questions != NULL && q < questions->len; q++)
        {
          const EdQuestion *question = g_ptr_array_index (questions, q);
          g_autofree char *answer = NULL;

          answer = ed_question_describe_answer (question,
                                                ed_traveller_get_answer (traveller, question->id),
                                                ui);
          add_jump_row (GTK_LIST_BOX (list), ed_text_lookup (question->text, ui),
                        answer != NULL ? answer : _("Not answered yet"), NULL,
                        ED_QUESTIONS_PAGE_ID, (int) t, question->id);
        }

      for (guint f = 0; fields != NULL && f < fields->len; f++)
        {
          const EdField *field = g_ptr_array_index (fields, f);
          const char *page_id;
          g_autofree char *value = NULL;
          const char *label;

          if (!field_shown (field, flow, seen))
            continue;
          g_ptr_array_add (seen, (gpointer) field);
          page_id = page_of_field (self, field, flow);
          value = describe_value (field, ed_traveller_get_field_value (traveller, field));
          label = field->traveller_key != NULL && ed_traveller_is_key (field->traveller_key)
                  ? ed_field_row_key_title (field->traveller_key)
                  : ed_text_lookup (field->label, ui);
          add_jump_row (GTK_LIST_BOX (list), label, value, NULL, page_id, (int) t,
                        field->traveller_key != NULL && ed_traveller_is_key (field->traveller_key)
                        ? field->traveller_key : field->id);
        }

      if (gtk_widget_get_first_child (list) == NULL)
        {
          g_object_ref_sink (group);
          g_object_unref (group);
          continue;
        }

      gtk_box_append (self->answers_box, group);
    }
}

static void
update_dates (EdSummaryPage *self)
{
  GPtrArray *periods = ed_procedure_get_periods (self->procedure);
  guint n = ed_case_get_n_travellers (self->edcase);
  int second = ed_wizard_page_get_second_language (ED_WIZARD_PAGE (self));

  clear_box (GTK_WIDGET (self->dates_box));
  if (periods == NULL || periods->len == 0)
    return;

  gtk_box_append (self->dates_box, ed_text_heading_new ("heading", "Dates", second));
  for (guint p = 0; p < periods->len; p++)
    for (guint t = 0; t < n; t++)
      {
        EdTraveller *traveller = ed_case_get_traveller (self->edcase, t);
        g_autofree char *name = n > 1 ? traveller_name (self->edcase, t) : NULL;

        gtk_box_append (self->dates_box,
                        ed_due_view_new (self->procedure, g_ptr_array_index (periods, p),
                                         traveller, name, second));
      }
}

static void
update_case (EdSummaryPage *self)
{
  const char *reference = ed_case_get_reference (self->edcase);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  const char *notes = ed_case_get_notes (self->edcase);
  g_autofree char *status = NULL;

  gtk_label_set_label (self->reference_label, reference != NULL ? reference : "");
  if (ed_case_get_status (self->edcase) == ED_CASE_CLOSED)
    {
      g_autoptr(GDateTime) closed = g_date_time_new_from_unix_local (ed_case_get_closed
                                                                       (self->edcase));
      g_autofree char *day = closed != NULL ? g_date_time_format (closed, "%Y-%m-%d")
                                            : g_strdup ("");

      /* Translators: a case marked as done, with the day */
      status = g_strdup_printf (_("Done since %s"), day);
    }
  else
    status = g_strdup (C_("case", "Open"));
  gtk_label_set_label (self->status_label, status);

  /* Never rewritten under the cursor: only when the case was changed
   * elsewhere. */
  if (!gtk_widget_has_focus (GTK_WIDGET (self->notes_view)))
    {
      GtkTextIter start, end;
      g_autofree char *shown = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (g_strcmp0 (shown, notes != NULL ? notes : "") != 0)
        {
          self->updating_notes = TRUE;
          gtk_text_buffer_set_text (buffer, notes != NULL ? notes : "", -1);
          self->updating_notes = FALSE;
        }
    }
}

static void
notes_changed_cb (EdSummaryPage *self,
                  GtkTextBuffer *buffer)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->updating_notes)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  ed_case_set_notes (self->edcase, *text != '\0' ? text : NULL);
}

static const char *
sheet_kind_label (EdSheetKind kind)
{
  switch (kind)
    {
    case ED_SHEET_PDF:
      return _("Saved as PDF");
    case ED_SHEET_BATCH:
      return _("Printed in a batch");
    case ED_SHEET_PRINT:
    default:
      return _("Printed");
    }
}

static void
sheets_listed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  EdSummaryPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = ed_store_list_sheets_finish (ED_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  clear_box (GTK_WIDGET (self->sheets_list));
  if (records == NULL || records->len == 0)
    {
      add_jump_row (self->sheets_list,
                    error != NULL ? _("The log of sheets could not be read")
                                  : _("No check sheet printed yet"),
                    error != NULL ? error->message : NULL, NULL, NULL, 0, NULL);
      return;
    }

  /* The newest first. */
  for (guint i = records->len; i > 0; i--)
    {
      const EdSheetRecord *record = g_ptr_array_index (records, i - 1);
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (record->at);
      g_autofree char *when = at != NULL ? g_date_time_format (at, "%Y-%m-%d %H:%M")
                                         : g_strdup ("");
      g_autofree char *languages = record->languages != NULL
                                   ? g_strjoinv (", ", record->languages) : g_strdup ("");
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      /* Translators: how a sheet was made, and when */
      title = g_strdup_printf (_("%s, %s"), sheet_kind_label (record->kind), when);
      /* Translators: a printed sheet's languages, paper and procedure version */
      subtitle = g_strdup_printf (_("%s · %s · version %d"), languages,
                                  record->paper != NULL ? record->paper : "",
                                  record->procedure_version);
      if (record->user != NULL)
        {
          g_autofree char *base = g_steal_pointer (&subtitle);

          /* Translators: a printed sheet's details, then the user name of whoever printed it */
          subtitle = g_strdup_printf (_("%s · printed by %s"), base, record->user);
        }
      if (record->office != NULL)
        {
          g_autofree char *base = g_steal_pointer (&subtitle);

          /* Translators: a printed sheet's details, then the office name on its letterhead */
          subtitle = g_strdup_printf (_("%s · letterhead: %s"), base, record->office);
        }
      add_jump_row (self->sheets_list, title, subtitle, "printer-symbolic", NULL, 0, NULL);
    }
}

/* The log is read off the main thread: the window never waits on disk. */
static void
update_sheets (EdSummaryPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->sheets_group),
                          self->store != NULL && ed_case_get_id (self->edcase) > 0);
  if (self->store == NULL || ed_case_get_id (self->edcase) <= 0)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  ed_store_list_sheets_async (self->store, ed_case_get_id (self->edcase), self->cancellable,
                              sheets_listed_cb, self);
}

static void
update (EdSummaryPage *self)
{
  update_steps (self);
  update_answers (self);
  update_dates (self);
  update_case (self);
  update_sheets (self);
}

static void
step_row_activated_cb (EdSummaryPage *self,
                       GtkListBoxRow *row)
{
  const char *page_id = g_object_get_data (G_OBJECT (row), "page-id");
  const char *field = g_object_get_data (G_OBJECT (row), "field");
  int traveller = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "traveller"));

  if (page_id == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "wizard.go-to-field", "(sis)", page_id,
                              traveller, field != NULL ? field : "");
}

/**
 * ed_summary_page_set_store:
 * @store: (nullable): where the case's sheets are logged
 */
void
ed_summary_page_set_store (EdSummaryPage *self,
                           EdStore       *store)
{
  g_return_if_fail (ED_IS_SUMMARY_PAGE (self));

  if (g_set_object (&self->store, store) && gtk_widget_get_mapped (GTK_WIDGET (self)))
    update_sheets (self);
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

static void
ed_summary_page_second_language_changed (EdWizardPage *page)
{
  update_dates (ED_SUMMARY_PAGE (page));
}

/* Answers changed on this page (through another page it leads to) or
 * the case was marked as done: what the review says follows. */
static void
case_changed_cb (EdSummaryPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  update_steps (self);
  update_case (self);
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
                       "title", _("Review"),
                       "complete", TRUE,
                       NULL);
  self->edcase = g_object_ref (edcase);
  self->procedure = g_object_ref (procedure);

  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (notes_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (edcase, "changed", G_CALLBACK (case_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_steps (self);
  update_case (self);

  return ED_WIZARD_PAGE (self);
}

static void
ed_summary_page_dispose (GObject *object)
{
  EdSummaryPage *self = ED_SUMMARY_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ed_summary_page_parent_class)->dispose (object);
}

static void
ed_summary_page_finalize (GObject *object)
{
  EdSummaryPage *self = ED_SUMMARY_PAGE (object);

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

  object_class->dispose = ed_summary_page_dispose;
  object_class->finalize = ed_summary_page_finalize;
  page_class->shown = ed_summary_page_shown;
  page_class->second_language_changed = ed_summary_page_second_language_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entrydesk/EntryDesk/"
                                               "wizard/pages/summary/ed-summary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EdSummaryPage, state_label);
  gtk_widget_class_bind_template_child (widget_class, EdSummaryPage, missing_group);
  gtk_widget_class_bind_template_child (widget_class, EdSummaryPage, missing_list);
  gtk_widget_class_bind_template_child (widget_class, EdSummaryPage, left_group);
  gtk_widget_class_bind_template_child (widget_class, EdSummaryPage, left_list);
  gtk_widget_class_bind_template_child (widget_class, EdSummaryPage, answers_box);
  gtk_widget_class_bind_template_child (widget_class, EdSummaryPage, dates_box);
  gtk_widget_class_bind_template_child (widget_class, EdSummaryPage, not_needed_group);
  gtk_widget_class_bind_template_child (widget_class, EdSummaryPage, not_needed_list);
  gtk_widget_class_bind_template_child (widget_class, EdSummaryPage, done_group);
  gtk_widget_class_bind_template_child (widget_class, EdSummaryPage, done_list);
  gtk_widget_class_bind_template_child (widget_class, EdSummaryPage, reference_label);
  gtk_widget_class_bind_template_child (widget_class, EdSummaryPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, EdSummaryPage, notes_view);
  gtk_widget_class_bind_template_child (widget_class, EdSummaryPage, sheets_group);
  gtk_widget_class_bind_template_child (widget_class, EdSummaryPage, sheets_list);
  gtk_widget_class_bind_template_child (widget_class, EdSummaryPage, content);
  gtk_widget_class_bind_template_callback (widget_class, step_row_activated_cb);
}

static void
ed_summary_page_init (EdSummaryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
