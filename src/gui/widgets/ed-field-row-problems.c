/* ed-field-row-problems.c — checking a row's value and saying what is wrong
 *
 * The rules' problems and those found elsewhere (an MRZ check digit)
 * are shown together: the editor takes the error or warning style,
 * the message appears under it, and screen readers get the invalid
 * state and the message as description.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-field-row-private.h"

#define VALIDATE_DELAY_MS 500

static void
add_problems (GPtrArray *into,
              GPtrArray *problems,
              gboolean   skip_required)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const EdProblem *problem = g_ptr_array_index (problems, i);

      if (skip_required && g_str_equal (problem->code, "required"))
        continue;
      if (ed_problem_list_find (into, problem->field, problem->code) == NULL)
        g_ptr_array_add (into, ed_problem_copy (problem));
    }
}

/* What a screen reader says after the label: what is wrong, or else
 * how the official form calls the field. */
void
_ed_field_row_describe (EdFieldRow *self,
                        const char *message)
{
  GtkWidget *targets[2] = { self->editor, NULL };
  g_autofree char *official = NULL;

  if (self->editor_kind != ED_FIELD_EDITOR_COMBO)
    targets[1] = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->editor)));
  if (message == NULL && self->field->official_label != NULL)
    /* Translators: for screen readers, after a field's name */
    message = official = g_strdup_printf (_("On the official form: %s"),
                                          self->field->official_label);

  for (guint i = 0; i < G_N_ELEMENTS (targets) && targets[i] != NULL; i++)
    {
      if (message != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (targets[i]),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                        -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (targets[i]),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
set_invalid (GtkWidget *widget,
             gboolean   invalid)
{
  if (widget != NULL)
    gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                                 GTK_ACCESSIBLE_STATE_INVALID,
                                 invalid
                                 ? GTK_ACCESSIBLE_INVALID_TRUE
                                 : GTK_ACCESSIBLE_INVALID_FALSE,
                                 -1);
}

/* Shows what is wrong: the style of the editor, the message under it,
 * and the same for screen readers. Returns whether the message changed. */
static gboolean
show_problems (EdFieldRow *self)
{
  g_autoptr(GPtrArray) shown = ed_problem_list_new ();
  g_autoptr(GString) message = g_string_new (NULL);
  gboolean errors, warnings = FALSE;
  GtkWidget *delegate = NULL;

  add_problems (shown, self->extra_problems, FALSE);
  add_problems (shown, self->problems, !self->show_required);

  errors = ed_problem_list_has_errors (shown);
  for (guint i = 0; i < shown->len; i++)
    {
      const EdProblem *problem = g_ptr_array_index (shown, i);

      warnings |= problem->severity == ED_SEVERITY_WARNING;
      if (message->len > 0)
        g_string_append_c (message, '\n');
      g_string_append (message, problem->message);
    }

  if (errors)
    gtk_widget_add_css_class (self->editor, "error");
  else
    gtk_widget_remove_css_class (self->editor, "error");
  if (!errors && warnings)
    gtk_widget_add_css_class (self->editor, "warning");
  else
    gtk_widget_remove_css_class (self->editor, "warning");

  gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), errors ? "warning" : "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->message_icon), errors ? "warning" : "error");
  if (message->len > 0)
    {
      const char *style = errors ? "error" : "warning";

      gtk_label_set_text (self->message_label, message->str);
      gtk_image_set_from_icon_name (self->message_icon,
                                    errors ? "dialog-error-symbolic" : "dialog-warning-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), style);
      gtk_widget_add_css_class (GTK_WIDGET (self->message_icon), style);
      gtk_widget_add_css_class (GTK_WIDGET (self), "has-message");
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "has-message");
  gtk_revealer_set_reveal_child (self->message_revealer, message->len > 0);

  if (self->editor_kind != ED_FIELD_EDITOR_COMBO)
    delegate = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->editor)));
  set_invalid (self->editor, errors);
  set_invalid (delegate, errors);
  _ed_field_row_describe (self, message->len > 0 ? message->str : NULL);

  if (g_strcmp0 (self->message, message->len > 0 ? message->str : NULL) == 0)
    return FALSE;

  g_free (self->message);
  self->message = message->len > 0 ? g_strdup (message->str) : NULL;
  return TRUE;
}

static void
refresh (EdFieldRow *self)
{
  gboolean message_changed;

  g_ptr_array_set_size (self->all_problems, 0);
  add_problems (self->all_problems, self->extra_problems, FALSE);
  add_problems (self->all_problems, self->problems, FALSE);

  message_changed = show_problems (self);
  _ed_field_row_checked (self, !ed_problem_list_has_errors (self->all_problems), message_changed);
}

/**
 * ed_field_row_validate_now:
 *
 * Checks the value at once, without waiting for typing to stop.
 */
void
ed_field_row_validate_now (EdFieldRow *self)
{
  const char *value;

  g_return_if_fail (ED_IS_FIELD_ROW (self));

  g_clear_handle_id (&self->validate_source, g_source_remove);

  value = _ed_field_row_get_value (self);
  g_ptr_array_unref (self->problems);
  self->problems = ed_validate_field (self->field, value, self->traveller, NULL);
  if (self->key_field != NULL)
    {
      g_autoptr(GPtrArray) more = ed_validate_field (self->key_field, value, self->traveller, NULL);

      add_problems (self->problems, more, FALSE);
    }

  refresh (self);
}

static gboolean
validate_timeout_cb (gpointer data)
{
  EdFieldRow *self = data;

  self->validate_source = 0;

  /* Typing a country's name is a search, not a wrong code: the check
   * waits for the choice (or for staff to leave the row). */
  if (_ed_field_row_country_is_open (self))
    return G_SOURCE_REMOVE;

  ed_field_row_validate_now (self);
  return G_SOURCE_REMOVE;
}

void
_ed_field_row_schedule_validation (EdFieldRow *self)
{
  if (self->disposed)
    return;

  g_clear_handle_id (&self->validate_source, g_source_remove);
  self->validate_source = g_timeout_add (VALIDATE_DELAY_MS, validate_timeout_cb, self);
}

/**
 * ed_field_row_get_valid:
 *
 * Returns: whether the value has no error: the rules' (a required field
 *   left empty too, even before it is marked) and the extra problems
 */
gboolean
ed_field_row_get_valid (EdFieldRow *self)
{
  g_return_val_if_fail (ED_IS_FIELD_ROW (self), FALSE);

  return self->valid;
}

/**
 * ed_field_row_get_problems:
 *
 * Returns: (transfer none) (element-type EdProblem): the problems of the
 *   last check, extra problems first
 */
GPtrArray *
ed_field_row_get_problems (EdFieldRow *self)
{
  g_return_val_if_fail (ED_IS_FIELD_ROW (self), NULL);

  return self->all_problems;
}

/**
 * ed_field_row_set_extra_problems:
 * @problems: (nullable) (element-type EdProblem): problems found
 *   elsewhere, such as an MRZ check digit that does not match the value
 *
 * They are shown with the rules' problems until staff edit the value.
 */
void
ed_field_row_set_extra_problems (EdFieldRow *self,
                                 GPtrArray  *problems)
{
  g_return_if_fail (ED_IS_FIELD_ROW (self));

  if (self->extra_problems->len == 0 && (problems == NULL || problems->len == 0))
    return;

  g_ptr_array_set_size (self->extra_problems, 0);
  if (problems != NULL)
    add_problems (self->extra_problems, problems, FALSE);
  refresh (self);
}

/**
 * ed_field_row_get_message:
 *
 * Returns: (nullable): the message shown under the row
 */
const char *
ed_field_row_get_message (EdFieldRow *self)
{
  g_return_val_if_fail (ED_IS_FIELD_ROW (self), NULL);

  return self->message;
}

/**
 * ed_field_row_reveal_required:
 *
 * Marks the row when it is required and empty, also before staff have
 * visited it: for a page that shows what is still missing.
 */
void
ed_field_row_reveal_required (EdFieldRow *self)
{
  g_return_if_fail (ED_IS_FIELD_ROW (self));

  self->show_required = TRUE;
  ed_field_row_validate_now (self);
}
