/* ed-field-row.c
 *
 * A row edits one value of an EdTraveller. What staff type is stored at
 * once, so nothing is lost when the app is killed; it is checked half a
 * second after typing stops (as GNOME Initial Setup does), so that a
 * half-typed value is not called wrong. A required field left empty is
 * marked only once staff have been there, or when the page asks
 * (ed_field_row_reveal_required()): an empty form is not a wall of red.
 *
 * The row is an AdwPreferencesRow holding the real editor (an entry or a
 * combo row, in a list of its own as AdwExpanderRow holds its header)
 * and, under it, the message saying what is wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-field-row-private.h"

G_DEFINE_FINAL_TYPE (EdFieldRow, ed_field_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_TRAVELLER,
  PROP_VALID,
  PROP_MESSAGE,
  N_PROPS
};

enum {
  PROBLEMS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
has_key (const EdField *field)
{
  return field->traveller_key != NULL && ed_traveller_is_key (field->traveller_key);
}

static void
setup (EdFieldRow    *self,
       EdProcedure   *procedure,
       const EdField *field)
{
  const char *title;

  self->procedure = procedure != NULL ? g_object_ref (procedure) : NULL;
  self->field = field;
  if (has_key (field))
    {
      self->name = g_strdup (field->traveller_key);
      self->key_field = ed_validate_default_field (field->traveller_key);
      if (self->key_field == field)
        self->key_field = NULL;
      title = ed_field_row_key_title (field->traveller_key);
    }
  else
    {
      self->name = g_strdup (field->id);
      title = ed_text_lookup (field->label, ed_language_for_ui ());
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  _ed_field_row_build_editor (self, title);
  ed_field_row_validate_now (self);
}

/**
 * ed_field_row_new:
 * @procedure: (nullable): the procedure @field belongs to, kept alive
 *   with the row; %NULL when @field lives as long as the program (a
 *   built-in field of ed_validate_default_field())
 * @field: the field
 *
 * Returns: a row for @field: its kind chooses the editor, its rule and
 *   required flag the checks, its official label is shown beside it
 */
GtkWidget *
ed_field_row_new (EdProcedure   *procedure,
                  const EdField *field)
{
  EdFieldRow *self;

  g_return_val_if_fail (procedure == NULL || ED_IS_PROCEDURE (procedure), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  self = g_object_new (ED_TYPE_FIELD_ROW, NULL);
  setup (self, procedure, field);
  return GTK_WIDGET (self);
}

/**
 * ed_field_row_new_for_key:
 * @key: a traveller key
 *
 * Returns: a row for @key with its built-in kind and rules
 */
GtkWidget *
ed_field_row_new_for_key (const char *key)
{
  const EdField *field = ed_validate_default_field (key);

  g_return_val_if_fail (field != NULL, NULL);

  return ed_field_row_new (NULL, field);
}

const EdField *
ed_field_row_get_field (EdFieldRow *self)
{
  g_return_val_if_fail (ED_IS_FIELD_ROW (self), NULL);

  return self->field;
}

/**
 * ed_field_row_get_name:
 *
 * Returns: the traveller key the row edits, or its field's id: the name
 *   its problems are reported under
 */
const char *
ed_field_row_get_name (EdFieldRow *self)
{
  g_return_val_if_fail (ED_IS_FIELD_ROW (self), NULL);

  return self->name;
}

/**
 * ed_field_row_get_editor:
 *
 * Returns: (transfer none): the AdwEntryRow, AdwPasswordEntryRow or
 *   AdwComboRow staff edit the value with
 */
GtkWidget *
ed_field_row_get_editor (EdFieldRow *self)
{
  g_return_val_if_fail (ED_IS_FIELD_ROW (self), NULL);

  return self->editor;
}

gboolean
ed_field_row_get_required (EdFieldRow *self)
{
  g_return_val_if_fail (ED_IS_FIELD_ROW (self), FALSE);

  return self->field->required;
}

/* The value the rules check: a private field's lives in the row only. */
const char *
_ed_field_row_get_value (EdFieldRow *self)
{
  if (self->field->is_private)
    return self->secret;
  if (self->traveller == NULL)
    return NULL;

  return ed_traveller_get_field_value (self->traveller, self->field);
}

/* The value was checked again: @valid and the message shown are new. */
void
_ed_field_row_checked (EdFieldRow *self,
                       gboolean    valid,
                       gboolean    message_changed)
{
  if (valid != self->valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
  if (message_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
  g_signal_emit (self, signals[PROBLEMS_CHANGED], 0);
}

/* Staff typed or chose @text: stored at once, checked when they pause. */
void
_ed_field_row_edited (EdFieldRow *self,
                      const char *text)
{
  if (self->updating || self->disposed)
    return;

  /* The MRZ's check digit spoke of the value it read; once staff
   * change it, they have compared it with the passport. */
  g_ptr_array_set_size (self->extra_problems, 0);
  self->show_required = TRUE;

  if (self->field->is_private)
    {
      g_free (self->secret);
      self->secret = g_strdup (text);
    }
  else if (self->traveller != NULL)
    {
      g_autofree char *value = ed_normalize_for_field (self->field, text);

      self->writing = TRUE;
      ed_traveller_set_field_value (self->traveller, self->field, value);
      self->writing = FALSE;
    }

  _ed_field_row_schedule_validation (self);
}

/* Staff left the row: what is stored is shown as stored (ＡＢ１ as
 * AB1), and checked now rather than half a second later. */
void
_ed_field_row_left (EdFieldRow *self)
{
  if (self->disposed)
    return;

  self->show_required = TRUE;
  if (!self->field->is_private)
    _ed_field_row_show_value (self, _ed_field_row_get_value (self));
  ed_field_row_validate_now (self);
}

static gboolean
is_own_change (EdFieldRow *self,
               const char *key)
{
  if (has_key (self->field))
    return g_strcmp0 (key, self->field->traveller_key) == 0;

  return g_strcmp0 (key, self->field->id) == 0;
}

/* Another part of the app changed the traveller: an MRZ read fills
 * this row, or the arrival date changes what the expiry means. */
static void
traveller_changed_cb (EdFieldRow  *self,
                      const char  *key,
                      EdTraveller *traveller)
{
  if (self->writing)
    return;

  if (is_own_change (self, key))
    {
      _ed_field_row_show_value (self, _ed_field_row_get_value (self));
      ed_field_row_validate_now (self);
    }
  else
    _ed_field_row_schedule_validation (self);
}

/**
 * ed_field_row_set_traveller:
 * @traveller: (nullable): the traveller whose value the row edits
 */
void
ed_field_row_set_traveller (EdFieldRow  *self,
                            EdTraveller *traveller)
{
  g_return_if_fail (ED_IS_FIELD_ROW (self));
  g_return_if_fail (traveller == NULL || ED_IS_TRAVELLER (traveller));

  if (self->traveller == traveller)
    return;

  if (self->traveller != NULL)
    g_signal_handlers_disconnect_by_data (self->traveller, self);
  g_set_object (&self->traveller, traveller);
  if (traveller != NULL)
    g_signal_connect_object (traveller, "changed", G_CALLBACK (traveller_changed_cb),
                             self, G_CONNECT_SWAPPED);

  g_ptr_array_set_size (self->extra_problems, 0);
  self->show_required = FALSE;
  _ed_field_row_clear_secret (self);
  if (!self->field->is_private)
    _ed_field_row_show_value (self, _ed_field_row_get_value (self));
  ed_field_row_validate_now (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRAVELLER]);
}

EdTraveller *
ed_field_row_get_traveller (EdFieldRow *self)
{
  g_return_val_if_fail (ED_IS_FIELD_ROW (self), NULL);

  return self->traveller;
}

static gboolean
ed_field_row_grab_focus (GtkWidget *widget)
{
  EdFieldRow *self = ED_FIELD_ROW (widget);

  return self->editor != NULL && gtk_widget_grab_focus (self->editor);
}

/* The row lays its child out itself, as a bin would, to present the
 * country suggestions it parents: a popover follows its parent only
 * when the parent presents it in size_allocate. */
static void
ed_field_row_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  GtkWidget *child = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (widget));

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural,
                        minimum_baseline, natural_baseline);
}

static void
ed_field_row_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  GtkWidget *child = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (widget));

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);

  _ed_field_row_present_country (ED_FIELD_ROW (widget));
}

static void
ed_field_row_dispose (GObject *object)
{
  EdFieldRow *self = ED_FIELD_ROW (object);

  self->disposed = TRUE;
  g_clear_handle_id (&self->validate_source, g_source_remove);
  if (self->traveller != NULL)
    g_signal_handlers_disconnect_by_data (self->traveller, self);
  g_clear_object (&self->traveller);
  _ed_field_row_dispose_country (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ED_TYPE_FIELD_ROW);

  G_OBJECT_CLASS (ed_field_row_parent_class)->dispose (object);
}

static void
ed_field_row_finalize (GObject *object)
{
  EdFieldRow *self = ED_FIELD_ROW (object);

  g_clear_pointer (&self->choices, g_ptr_array_unref);
  g_clear_object (&self->choice_values);
  g_clear_object (&self->country_label);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->extra_problems, g_ptr_array_unref);
  g_clear_pointer (&self->all_problems, g_ptr_array_unref);
  g_clear_pointer (&self->secret, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_object (&self->procedure);

  G_OBJECT_CLASS (ed_field_row_parent_class)->finalize (object);
}

static void
ed_field_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  EdFieldRow *self = ED_FIELD_ROW (object);

  switch (prop_id)
    {
    case PROP_TRAVELLER:
      g_value_set_object (value, self->traveller);
      break;

    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_field_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  EdFieldRow *self = ED_FIELD_ROW (object);

  switch (prop_id)
    {
    case PROP_TRAVELLER:
      ed_field_row_set_traveller (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_field_row_class_init (EdFieldRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_field_row_dispose;
  object_class->finalize = ed_field_row_finalize;
  object_class->get_property = ed_field_row_get_property;
  object_class->set_property = ed_field_row_set_property;
  widget_class->grab_focus = ed_field_row_grab_focus;
  widget_class->measure = ed_field_row_measure;
  widget_class->size_allocate = ed_field_row_size_allocate;

  properties[PROP_TRAVELLER] =
    g_param_spec_object ("traveller", NULL, NULL,
                         ED_TYPE_TRAVELLER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EdFieldRow::problems-changed:
   *
   * The problems were checked again (ed_field_row_get_problems()).
   */
  signals[PROBLEMS_CHANGED] =
    g_signal_new ("problems-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entrydesk/EntryDesk/"
                                               "widgets/ed-field-row.ui");
  gtk_widget_class_bind_template_child (widget_class, EdFieldRow, list);
  gtk_widget_class_bind_template_child (widget_class, EdFieldRow, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, EdFieldRow, message_icon);
  gtk_widget_class_bind_template_child (widget_class, EdFieldRow, message_label);
}

static void
ed_field_row_init (EdFieldRow *self)
{
  self->problems = ed_problem_list_new ();
  self->extra_problems = ed_problem_list_new ();
  self->all_problems = ed_problem_list_new ();
  self->valid = TRUE;

  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}
