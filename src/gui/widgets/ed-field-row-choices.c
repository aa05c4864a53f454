/* ed-field-row-choices.c — a choice, a yes or no, a sex, in a combo row
 *
 * Each entry shows its words in the UI language and, dimmed beside
 * them, what the official form writes (是 / 否) or the passport's letter
 * (F, M, X). "Not chosen" comes first: a combo row always shows
 * something, and an unanswered question must not look answered.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-field-row-private.h"

static void
choice_free (gpointer data)
{
  EdFieldChoice *choice = data;

  g_free (choice->value);
  g_free (choice->label);
  g_free (choice->official);
  g_free (choice);
}

static void
add_choice (EdFieldRow *self,
            const char *value,
            const char *label,
            const char *official,
            const char *lang)
{
  EdFieldChoice *choice = g_new0 (EdFieldChoice, 1);

  choice->value = g_strdup (value);
  choice->label = g_strdup (label);
  choice->official = g_strdup (official);
  choice->official_lang = lang;
  g_ptr_array_add (self->choices, choice);
  gtk_string_list_append (self->choice_values, value);
}

static const EdFieldChoice *
find_choice (EdFieldRow *self,
             const char *value,
             guint      *position)
{
  for (guint i = 0; i < self->choices->len; i++)
    {
      const EdFieldChoice *choice = g_ptr_array_index (self->choices, i);

      if (g_strcmp0 (choice->value, value) == 0)
        {
          if (position != NULL)
            *position = i;
          return choice;
        }
    }

  return NULL;
}

gboolean
_ed_field_row_is_sex (const EdField *field)
{
  return g_strcmp0 (field->traveller_key, "sex") == 0 &&
         field->kind != ED_FIELD_CHOICE && field->kind != ED_FIELD_YES_NO;
}

static void
build_choices (EdFieldRow *self)
{
  const EdField *field = self->field;
  EdLanguage ui = ed_language_for_ui ();

  self->choices = g_ptr_array_new_with_free_func (choice_free);
  self->choice_values = gtk_string_list_new (NULL);
  add_choice (self, "", _("Not Chosen"), NULL, NULL);

  /* The passport's own letters, beside the words. */
  if (_ed_field_row_is_sex (field))
    {
      add_choice (self, "F", _("Female"), "F", NULL);
      add_choice (self, "M", _("Male"), "M", NULL);
      add_choice (self, "X", _("Unspecified"), "X", NULL);
      return;
    }

  if (field->kind == ED_FIELD_YES_NO && (field->choices == NULL || field->choices->len == 0))
    {
      add_choice (self, "yes", _("Yes"), NULL, NULL);
      add_choice (self, "no", _("No"), NULL, NULL);
      return;
    }

  for (guint i = 0; field->choices != NULL && i < field->choices->len; i++)
    {
      const EdChoice *choice = g_ptr_array_index (field->choices, i);

      add_choice (self, choice->value, ed_text_lookup (choice->label, ui),
                  choice->official_label, _ed_field_row_official_lang (field));
    }
}

static void
choice_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *official = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (official, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), official);
  gtk_list_item_set_child (item, box);
}

static void
choice_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                EdFieldRow               *self)
{
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *official = gtk_widget_get_next_sibling (label);
  GtkStringObject *value = gtk_list_item_get_item (item);
  const EdFieldChoice *choice = find_choice (self, gtk_string_object_get_string (value), NULL);
  g_autoptr(PangoAttrList) attrs = NULL;

  /* A value the choices do not have (from a file) is shown as it is. */
  gtk_label_set_text (GTK_LABEL (label),
                      choice != NULL ? choice->label : gtk_string_object_get_string (value));
  gtk_widget_set_visible (official, choice != NULL && choice->official != NULL);
  if (choice == NULL || choice->official == NULL)
    return;

  attrs = _ed_field_row_language_attrs (choice->official_lang);
  gtk_label_set_attributes (GTK_LABEL (official), attrs);
  gtk_label_set_text (GTK_LABEL (official), choice->official);
}

static void
combo_selected_cb (EdFieldRow *self)
{
  guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (self->editor));
  const char *value = NULL;

  if (position != GTK_INVALID_LIST_POSITION)
    value = gtk_string_list_get_string (self->choice_values, position);

  _ed_field_row_edited (self, value);
  if (!self->updating)
    ed_field_row_validate_now (self);
}

GtkWidget *
_ed_field_row_create_combo (EdFieldRow *self,
                            const char *markup)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  build_choices (self);
  g_signal_connect (factory, "setup", G_CALLBACK (choice_setup_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (choice_bind_cb), self, 0);
  adw_combo_row_set_factory (ADW_COMBO_ROW (row), factory);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (self->choice_values));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), markup);
  if (self->field->required)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Required"));

  g_signal_connect_object (row, "notify::selected", G_CALLBACK (combo_selected_cb),
                           self, G_CONNECT_SWAPPED);

  return row;
}

/* Selects @value; one the choices do not have (read from a file) is
 * added as it is, so that nothing is lost and the rules can say why. */
void
_ed_field_row_show_choice (EdFieldRow *self,
                           const char *value)
{
  guint position;

  if (value == NULL)
    value = "";
  if (find_choice (self, value, &position) == NULL)
    {
      add_choice (self, value, value, NULL, NULL);
      position = self->choices->len - 1;
    }
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->editor), position);
}
