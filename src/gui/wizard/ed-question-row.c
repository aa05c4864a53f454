/* ed-question-row.c
 *
 * A question staff answer for the traveller ("Will the traveller stay at
 * a hotel?"): Yes and No as two buttons a Tab apart, a choice in a
 * drop-down, a number in an entry. The answer is kept in the traveller's
 * answers under the question's id, where the procedure's conditions read
 * it; the row follows changes made elsewhere (on the review page).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-question-row.h"
#include "ed-text-block.h"

typedef struct
{
  const EdQuestion *question;
  EdTraveller      *traveller;
  GtkWidget        *row;
  GtkWidget        *yes;
  GtkWidget        *no;
  GtkWidget        *entry;
  gboolean          updating;
} QuestionRow;

static void
question_row_free (QuestionRow *self)
{
  g_clear_object (&self->traveller);
  g_free (self);
}

/**
 * ed_question_describe_answer:
 * @answer: (nullable): the value kept in the traveller's answers
 *
 * Returns: (transfer full) (nullable): @answer as staff read it in
 *   @language: "Yes", a choice's label, the number; %NULL when there is
 *   no answer
 */
char *
ed_question_describe_answer (const EdQuestion *question,
                             const char       *answer,
                             EdLanguage        language)
{
  g_return_val_if_fail (question != NULL, NULL);

  if (answer == NULL || *answer == '\0')
    return NULL;

  switch (question->kind)
    {
    case ED_QUESTION_YES_NO:
      if (g_str_equal (answer, "yes"))
        return g_strdup (ed_translate (language, "answer", "Yes"));
      if (g_str_equal (answer, "no"))
        return g_strdup (ed_translate (language, "answer", "No"));
      break;

    case ED_QUESTION_CHOICE:
      for (guint i = 0; question->choices != NULL && i < question->choices->len; i++)
        {
          const EdChoice *choice = g_ptr_array_index (question->choices, i);

          if (g_strcmp0 (choice->value, answer) == 0)
            return g_strdup (ed_text_lookup (choice->label, language));
        }
      break;

    case ED_QUESTION_NUMBER:
    default:
      break;
    }

  return g_strdup (answer);
}

static void
show_answer (QuestionRow *self)
{
  const char *answer = ed_traveller_get_answer (self->traveller, self->question->id);

  self->updating = TRUE;
  switch (self->question->kind)
    {
    case ED_QUESTION_YES_NO:
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->yes), g_strcmp0 (answer, "yes") == 0);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->no), g_strcmp0 (answer, "no") == 0);
      break;

    case ED_QUESTION_CHOICE:
      {
        guint selected = 0;

        for (guint i = 0; self->question->choices != NULL && i < self->question->choices->len; i++)
          if (g_strcmp0 (((const EdChoice *) g_ptr_array_index (self->question->choices, i))->value,
                         answer) == 0)
            selected = i + 1;
        adw_combo_row_set_selected (ADW_COMBO_ROW (self->row), selected);
      }
      break;

    case ED_QUESTION_NUMBER:
    default:
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->entry)), answer) != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->entry), answer != NULL ? answer : "");
      break;
    }
  self->updating = FALSE;
}

static void
answer (QuestionRow *self,
        const char  *value)
{
  if (self->updating)
    return;

  ed_traveller_set_answer (self->traveller, self->question->id,
                           value != NULL && *value != '\0' ? value : NULL);
}

static void
toggled_cb (GtkToggleButton *button,
            QuestionRow     *self)
{
  if (self->updating)
    return;

  if (gtk_toggle_button_get_active (button))
    answer (self, GTK_WIDGET (button) == self->yes ? "yes" : "no");
  else if (!gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->yes)) &&
           !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->no)))
    answer (self, NULL);
}

static void
selected_cb (AdwComboRow *row,
             GParamSpec  *pspec,
             QuestionRow *self)
{
  guint selected = adw_combo_row_get_selected (row);
  const EdChoice *choice = NULL;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    choice = g_ptr_array_index (self->question->choices, selected - 1);

  answer (self, choice != NULL ? choice->value : NULL);
}

/* Digits only: a count of people, nights or years. */
static void
entry_changed_cb (GtkEditable *editable,
                  QuestionRow *self)
{
  g_autofree char *digits = ed_normalize_digits (gtk_editable_get_text (editable));
  GString *kept = g_string_new (NULL);

  for (const char *p = digits; p != NULL && *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (kept, *p);

  answer (self, kept->str);
  g_string_free (kept, TRUE);
}

static void
traveller_changed_cb (EdTraveller *traveller,
                      const char  *key,
                      gpointer     user_data)
{
  QuestionRow *self = g_object_get_data (G_OBJECT (user_data), "question-row");

  if (self != NULL && g_strcmp0 (key, self->question->id) == 0)
    show_answer (self);
}

static char *
subtitle_markup (const EdQuestion *question,
                 int               second_language)
{
  EdLanguage ui = ed_language_for_ui ();
  g_autoptr(GString) markup = g_string_new (NULL);

  if (second_language != ED_NO_LANGUAGE && (EdLanguage) second_language != ui)
    {
      g_autofree char *second = g_markup_printf_escaped ("<span lang=\"%s\">%s</span>",
                                                         ed_language_bcp47 (second_language),
                                                         ed_text_lookup (question->text,
                                                                         second_language));

      g_string_append (markup, second);
    }

  if (question->help != NULL)
    {
      g_autofree char *help = g_markup_escape_text (ed_text_lookup (question->help, ui), -1);

      if (markup->len > 0)
        g_string_append_c (markup, '\n');
      g_string_append (markup, help);
    }

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static GtkWidget *
create_yes_no (QuestionRow *self)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  self->yes = gtk_toggle_button_new_with_label (C_("answer", "Yes"));
  self->no = gtk_toggle_button_new_with_label (C_("answer", "No"));
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (self->no), GTK_TOGGLE_BUTTON (self->yes));
  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), self->yes);
  gtk_box_append (GTK_BOX (box), self->no);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  g_signal_connect (self->yes, "toggled", G_CALLBACK (toggled_cb), self);
  g_signal_connect (self->no, "toggled", G_CALLBACK (toggled_cb), self);

  return row;
}

static GtkWidget *
create_choice (QuestionRow *self)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  EdLanguage ui = ed_language_for_ui ();

  gtk_string_list_append (labels, _("Not answered yet"));
  for (guint i = 0; self->question->choices != NULL && i < self->question->choices->len; i++)
    gtk_string_list_append (labels, ed_text_lookup (((const EdChoice *)
                                                     g_ptr_array_index (self->question->choices,
                                                                        i))->label, ui));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  g_signal_connect (row, "notify::selected", G_CALLBACK (selected_cb), self);

  return row;
}

static GtkWidget *
create_number (QuestionRow *self)
{
  GtkWidget *row = adw_action_row_new ();

  self->entry = gtk_entry_new ();
  gtk_entry_set_input_purpose (GTK_ENTRY (self->entry), GTK_INPUT_PURPOSE_DIGITS);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 6);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->entry), 6);
  gtk_widget_set_valign (self->entry, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->entry);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), self->entry);
  g_signal_connect (self->entry, "changed", G_CALLBACK (entry_changed_cb), self);

  return row;
}

/**
 * ed_question_row_new:
 * @second_language: the traveller's language, shown under the question,
 *   or %ED_NO_LANGUAGE
 *
 * Returns: a row answering @question for @traveller
 */
GtkWidget *
ed_question_row_new (const EdQuestion *question,
                     EdTraveller      *traveller,
                     int               second_language)
{
  QuestionRow *self;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *text;

  g_return_val_if_fail (question != NULL, NULL);
  g_return_val_if_fail (ED_IS_TRAVELLER (traveller), NULL);

  self = g_new0 (QuestionRow, 1);
  self->question = question;
  self->traveller = g_object_ref (traveller);

  switch (question->kind)
    {
    case ED_QUESTION_YES_NO:
      self->row = create_yes_no (self);
      break;
    case ED_QUESTION_CHOICE:
      self->row = create_choice (self);
      break;
    case ED_QUESTION_NUMBER:
    default:
      self->row = create_number (self);
      break;
    }

  text = ed_text_lookup (question->text, ed_language_for_ui ());
  title = g_markup_escape_text (text, -1);
  subtitle = subtitle_markup (question, second_language);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->row), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->row), subtitle);
  gtk_widget_add_css_class (self->row, "question-row");
  if (self->yes != NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->yes),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->no),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
    }
  if (self->entry != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);

  g_object_set_data_full (G_OBJECT (self->row), "question-row", self,
                          (GDestroyNotify) question_row_free);
  g_signal_connect_object (traveller, "changed::answers", G_CALLBACK (traveller_changed_cb),
                           self->row, 0);
  show_answer (self);

  return self->row;
}
