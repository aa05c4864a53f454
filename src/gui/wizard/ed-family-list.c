/* ed-family-list.c
 *
 * A family travels together but registers one by one (HER-SYS needs
 * one registration per person), so a case holds several travellers.
 * They are listed with their state at a glance; the one selected is
 * edited right under the list, so that a case of one traveller is
 * simply the editor. A case has at least one traveller: the last one
 * cannot be removed, and one with details is removed only once staff
 * confirm.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-family-list.h"
#include "ed-family-row.h"

struct _EdFamilyList
{
  GtkWidget          parent_instance;

  GListStore        *model;
  EdProcedure       *procedure;
  gboolean           valid;
  gboolean           with_answers;

  GtkListBox        *list;
  GtkLabel          *editor_title;
  EdTravellerEditor *editor;
};

G_DEFINE_FINAL_TYPE (EdFamilyList, ed_family_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_PROCEDURE,
  PROP_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
ed_family_list_new (void)
{
  return g_object_new (ED_TYPE_FAMILY_LIST, NULL);
}

static guint
n_travellers (EdFamilyList *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->model));
}

/**
 * ed_family_list_dup_traveller_title:
 *
 * Returns: (transfer full): the traveller's name as in the passport,
 *   or "Traveller 2" while there is none
 */
char *
ed_family_list_dup_traveller_title (EdFamilyList *self,
                                    guint         position)
{
  g_autoptr(EdTraveller) traveller = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (ED_IS_FAMILY_LIST (self), NULL);

  traveller = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  g_return_val_if_fail (traveller != NULL, NULL);

  name = ed_traveller_dup_display_name (traveller);
  if (*name != '\0')
    return g_steal_pointer (&name);

  /* Translators: a traveller without a name yet; %u counts from 1 */
  return g_strdup_printf (_("Traveller %u"), position + 1);
}

static void
update_valid (EdFamilyList *self)
{
  gboolean valid = ed_traveller_editor_get_valid (self->editor);

  for (guint i = 0; i < n_travellers (self) && valid; i++)
    {
      g_autoptr(EdTraveller) traveller = g_list_model_get_item (G_LIST_MODEL (self->model), i);
      guint errors, warnings;

      ed_family_count_problems (traveller, self->procedure, self->with_answers, &errors, &warnings);
      valid = errors == 0;
    }

  if (valid != self->valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
}

static void
update_rows (EdFamilyList *self)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->list);
  GtkWidget *row;

  for (int i = 0; (row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, i))) != NULL; i++)
    {
      g_autofree char *title = ed_family_list_dup_traveller_title (self, (guint) i);

      ed_family_row_update (ED_FAMILY_ROW (row), title, self->procedure, self->with_answers,
                            n_travellers (self) > 1);
    }

  /* With one traveller the list above says whose details these are. */
  gtk_widget_set_visible (GTK_WIDGET (self->editor_title),
                          n_travellers (self) > 1 && selected != NULL);
  if (selected != NULL)
    {
      g_autofree char *title =
        ed_family_list_dup_traveller_title (self, (guint) gtk_list_box_row_get_index (selected));

      gtk_label_set_text (self->editor_title, title);
    }

  update_valid (self);
}


static void
remove_response_cb (EdFamilyList     *self,
                    const char       *response,
                    AdwMessageDialog *dialog)
{
  EdTraveller *traveller = g_object_get_data (G_OBJECT (dialog), "traveller");
  guint position;

  if (g_strcmp0 (response, "remove") != 0 || n_travellers (self) <= 1 ||
      !g_list_store_find (self->model, traveller, &position))
    return;

  g_list_store_remove (self->model, position);
}

/**
 * ed_family_list_remove_traveller:
 *
 * Removes @traveller from the case: at once when nothing was typed for
 * them, after staff confirm otherwise. The last traveller stays.
 */
void
ed_family_list_remove_traveller (EdFamilyList *self,
                                 EdTraveller  *traveller)
{
  g_autofree char *title = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  GtkRoot *root;
  guint position;

  g_return_if_fail (ED_IS_FAMILY_LIST (self));
  g_return_if_fail (ED_IS_TRAVELLER (traveller));

  if (n_travellers (self) <= 1 || !g_list_store_find (self->model, traveller, &position))
    return;

  if (ed_traveller_is_empty (traveller))
    {
      g_list_store_remove (self->model, position);
      return;
    }

  title = ed_family_list_dup_traveller_title (self, position);
  /* Translators: %s is a traveller's name */
  heading = g_strdup_printf (_("Remove %s?"), title);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("The details typed for this traveller are deleted "
                                     "from the case."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "traveller", g_object_ref (traveller), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
row_remove_cb (EdFamilyList *self,
               EdFamilyRow  *row)
{
  ed_family_list_remove_traveller (self, ed_family_row_get_traveller (row));
}

static GtkWidget *
create_row (gpointer item,
            gpointer data)
{
  EdFamilyList *self = data;
  GtkWidget *row = ed_family_row_new (item);

  g_signal_connect_object (row, "remove", G_CALLBACK (row_remove_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "changed", G_CALLBACK (update_rows), self, G_CONNECT_SWAPPED);

  return row;
}

static void
row_selected_cb (EdFamilyList  *self,
                 GtkListBoxRow *row)
{
  EdTraveller *traveller = row != NULL ? ed_family_row_get_traveller (ED_FAMILY_ROW (row)) : NULL;

  /* Removing the row selected leaves none: its neighbour takes over. */
  if (row == NULL)
    {
      if (n_travellers (self) > 0)
        return;
    }

  ed_traveller_editor_set_traveller (self->editor, traveller);
  update_rows (self);
}

/**
 * ed_family_list_select:
 *
 * Shows the traveller at @position in the editor.
 */
void
ed_family_list_select (EdFamilyList *self,
                       guint         position)
{
  GtkListBoxRow *row;

  g_return_if_fail (ED_IS_FAMILY_LIST (self));

  row = gtk_list_box_get_row_at_index (self->list, (int) MIN (position, G_MAXINT));
  if (row != NULL)
    gtk_list_box_select_row (self->list, row);
}

static void
items_changed_cb (EdFamilyList *self,
                  guint         position,
                  guint         removed,
                  guint         added)
{
  guint n = n_travellers (self);

  /* A case always has someone to edit. */
  if (n == 0)
    {
      g_autoptr(EdTraveller) traveller = ed_traveller_new ();

      g_list_store_append (self->model, traveller);
      return;
    }

  if (gtk_list_box_get_selected_row (self->list) == NULL)
    ed_family_list_select (self, MIN (position, n - 1));
  update_rows (self);
}

/**
 * ed_family_list_set_model:
 * @travellers: (element-type EdTraveller): the case's travellers; an
 *   empty store gets one new traveller, since a case has at least one
 */
void
ed_family_list_set_model (EdFamilyList *self,
                          GListStore   *travellers)
{
  g_return_if_fail (ED_IS_FAMILY_LIST (self));
  g_return_if_fail (G_IS_LIST_STORE (travellers));
  g_return_if_fail (g_list_model_get_item_type (G_LIST_MODEL (travellers)) == ED_TYPE_TRAVELLER);

  if (self->model == travellers)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, travellers);

  gtk_list_box_bind_model (self->list, G_LIST_MODEL (travellers), create_row, self, NULL);
  g_signal_connect_object (travellers, "items-changed", G_CALLBACK (items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  if (n_travellers (self) == 0)
    items_changed_cb (self, 0, 0, 0);
  else
    ed_family_list_select (self, 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

GListStore *
ed_family_list_get_model (EdFamilyList *self)
{
  g_return_val_if_fail (ED_IS_FAMILY_LIST (self), NULL);

  return self->model;
}

/**
 * ed_family_list_set_procedure:
 * @procedure: (nullable): the procedure whose fields every traveller
 *   is checked against
 */
void
ed_family_list_set_procedure (EdFamilyList *self,
                              EdProcedure  *procedure)
{
  g_return_if_fail (ED_IS_FAMILY_LIST (self));
  g_return_if_fail (procedure == NULL || ED_IS_PROCEDURE (procedure));

  if (!g_set_object (&self->procedure, procedure))
    return;

  ed_traveller_editor_set_procedure (self->editor, procedure);
  update_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROCEDURE]);
}

EdProcedure *
ed_family_list_get_procedure (EdFamilyList *self)
{
  g_return_val_if_fail (ED_IS_FAMILY_LIST (self), NULL);

  return self->procedure;
}

/**
 * ed_family_list_add_traveller:
 *
 * Adds a traveller without details, selects them and puts the focus in
 * their MRZ box, ready for a scan.
 *
 * Returns: (transfer none): the new traveller
 */
EdTraveller *
ed_family_list_add_traveller (EdFamilyList *self)
{
  g_autoptr(EdTraveller) traveller = ed_traveller_new ();

  g_return_val_if_fail (ED_IS_FAMILY_LIST (self), NULL);

  g_list_store_append (self->model, traveller);
  ed_family_list_select (self, n_travellers (self) - 1);
  gtk_widget_grab_focus (GTK_WIDGET (ed_traveller_editor_get_mrz_box (self->editor)));

  return traveller;
}

/**
 * ed_family_list_get_selected_traveller:
 *
 * Returns: (nullable) (transfer none): the traveller in the editor
 */
EdTraveller *
ed_family_list_get_selected_traveller (EdFamilyList *self)
{
  g_return_val_if_fail (ED_IS_FAMILY_LIST (self), NULL);

  return ed_traveller_editor_get_traveller (self->editor);
}

EdTravellerEditor *
ed_family_list_get_editor (EdFamilyList *self)
{
  g_return_val_if_fail (ED_IS_FAMILY_LIST (self), NULL);

  return self->editor;
}

/**
 * ed_family_list_set_with_answers:
 * @with_answers: whether the procedure's own questions are asked here
 *   too, or only the travellers' details (a wizard asks them in its steps)
 */
void
ed_family_list_set_with_answers (EdFamilyList *self,
                                 gboolean      with_answers)
{
  g_return_if_fail (ED_IS_FAMILY_LIST (self));

  self->with_answers = !!with_answers;
  ed_traveller_editor_set_with_answers (self->editor, with_answers);
  update_valid (self);
}

/**
 * ed_family_list_get_valid:
 *
 * Returns: whether every traveller meets the rules (those of the
 *   procedure too) and the editor shows no error
 */
gboolean
ed_family_list_get_valid (EdFamilyList *self)
{
  g_return_val_if_fail (ED_IS_FAMILY_LIST (self), FALSE);

  return self->valid;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ed_family_list_add_traveller (ED_FAMILY_LIST (widget));
}

static void
ed_family_list_dispose (GObject *object)
{
  EdFamilyList *self = ED_FAMILY_LIST (object);
  GtkWidget *child;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ED_TYPE_FAMILY_LIST);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->model);
  g_clear_object (&self->procedure);

  G_OBJECT_CLASS (ed_family_list_parent_class)->dispose (object);
}

static void
ed_family_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EdFamilyList *self = ED_FAMILY_LIST (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_PROCEDURE:
      g_value_set_object (value, self->procedure);
      break;

    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_family_list_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  EdFamilyList *self = ED_FAMILY_LIST (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      ed_family_list_set_model (self, g_value_get_object (value));
      break;

    case PROP_PROCEDURE:
      ed_family_list_set_procedure (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_family_list_class_init (EdFamilyListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_family_list_dispose;
  object_class->get_property = ed_family_list_get_property;
  object_class->set_property = ed_family_list_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PROCEDURE] =
    g_param_spec_object ("procedure", NULL, NULL,
                         ED_TYPE_PROCEDURE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ED_TYPE_TRAVELLER_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entrydesk/EntryDesk/"
                                               "wizard/ed-family-list.ui");
  gtk_widget_class_bind_template_child (widget_class, EdFamilyList, list);
  gtk_widget_class_bind_template_child (widget_class, EdFamilyList, editor_title);
  gtk_widget_class_bind_template_child (widget_class, EdFamilyList, editor);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_valid);

  gtk_widget_class_install_action (widget_class, "family.add", NULL, add_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "familylist");
}

static void
ed_family_list_init (EdFamilyList *self)
{
  g_autoptr(GListStore) travellers = g_list_store_new (ED_TYPE_TRAVELLER);

  self->valid = TRUE;
  self->with_answers = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  ed_family_list_set_model (self, travellers);
}
