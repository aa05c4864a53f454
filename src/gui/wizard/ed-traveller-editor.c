/* ed-traveller-editor.c
 *
 * The traveller's details in the order a passport and the forms give
 * them, the MRZ first: a scan fills most of the page at once. With a
 * procedure, its fields decide what is required, add their own rules
 * and show their official labels; its own questions come last.
 *
 * The editor does not scroll: its host puts it in a scrolled window
 * (and a clamp), with whatever else the page shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-text-block.h"
#include "ed-traveller-editor.h"

struct _EdTravellerEditor
{
  GtkWidget            parent_instance;

  EdTraveller         *traveller;
  EdProcedure         *procedure;
  gboolean             with_answers;
  GPtrArray           *rows;          /* EdFieldRow, in page order */
  gboolean             valid;
  int                  second_language; /* the traveller's, or ED_NO_LANGUAGE */

  EdMrzBox            *mrz_box;
  AdwPreferencesGroup *name_group;
  AdwPreferencesGroup *passport_group;
  AdwPreferencesGroup *contact_group;
  AdwPreferencesGroup *address_group;
  AdwPreferencesGroup *arrival_group;
  AdwPreferencesGroup *stay_group;
  AdwPreferencesGroup *procedure_group;
};

G_DEFINE_FINAL_TYPE (EdTravellerEditor, ed_traveller_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TRAVELLER,
  PROP_PROCEDURE,
  PROP_VALID,
  N_PROPS
};

enum {
  PROBLEMS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GtkWidget *
ed_traveller_editor_new (void)
{
  return g_object_new (ED_TYPE_TRAVELLER_EDITOR, NULL);
}

static void
update_valid (EdTravellerEditor *self)
{
  gboolean valid = !ed_problem_list_has_errors (ed_mrz_box_get_problems (self->mrz_box));

  for (guint i = 0; i < self->rows->len && valid; i++)
    valid = ed_field_row_get_valid (g_ptr_array_index (self->rows, i));

  if (valid != self->valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
}

static void
row_problems_changed_cb (EdTravellerEditor *self)
{
  if (self->rows == NULL)
    return;

  update_valid (self);
  g_signal_emit (self, signals[PROBLEMS_CHANGED], 0);
}

/* A failed check digit is shown on the row of the detail it covers. */
static void
mrz_problems_changed_cb (EdTravellerEditor *self)
{
  GPtrArray *problems = ed_mrz_box_get_problems (self->mrz_box);

  if (self->rows == NULL)
    return;

  for (guint i = 0; i < self->rows->len; i++)
    {
      EdFieldRow *row = g_ptr_array_index (self->rows, i);
      g_autoptr(GPtrArray) mine = ed_problem_list_new ();

      for (guint j = 0; j < problems->len; j++)
        {
          const EdProblem *problem = g_ptr_array_index (problems, j);

          if (g_str_equal (problem->field, ed_field_row_get_name (row)))
            g_ptr_array_add (mine, ed_problem_copy (problem));
        }
      ed_field_row_set_extra_problems (row, mine);
    }

  row_problems_changed_cb (self);
}

static const EdField *
find_key_field (EdProcedure *procedure,
                const char  *key)
{
  GPtrArray *fields;

  if (procedure == NULL)
    return NULL;

  fields = ed_procedure_get_fields (procedure);
  for (guint i = 0; fields != NULL && i < fields->len; i++)
    {
      const EdField *field = g_ptr_array_index (fields, i);

      if (g_strcmp0 (field->traveller_key, key) == 0)
        return field;
    }

  return NULL;
}

static gboolean
condition_names (const EdCondition *condition,
                 const char        *key)
{
  if (condition == NULL)
    return FALSE;
  if (condition->type == ED_CONDITION_FACT && g_strcmp0 (condition->subject, key) == 0)
    return TRUE;
  for (guint i = 0; condition->children != NULL && i < condition->children->len; i++)
    if (condition_names (g_ptr_array_index (condition->children, i), key))
      return TRUE;

  return FALSE;
}

/* Whether @procedure needs the traveller's @key: to decide whom it or
 * its steps apply to, or to count one of its dates from. */
static gboolean
procedure_needs_key (EdProcedure *procedure,
                     const char  *key)
{
  GPtrArray *steps, *periods;

  if (procedure == NULL)
    return FALSE;
  if (condition_names (ed_procedure_get_condition (procedure), key))
    return TRUE;

  steps = ed_procedure_get_steps (procedure);
  for (guint i = 0; steps != NULL && i < steps->len; i++)
    if (condition_names (((EdStep *) g_ptr_array_index (steps, i))->condition, key))
      return TRUE;

  periods = ed_procedure_get_periods (procedure);
  for (guint i = 0; periods != NULL && i < periods->len; i++)
    {
      const EdPeriod *period = g_ptr_array_index (periods, i);

      if (condition_names (period->condition, key) ||
          (period->events != NULL &&
           g_ptr_array_find_with_equal_func (period->events, key, g_str_equal, NULL)) ||
          (period->event_times != NULL &&
           g_ptr_array_find_with_equal_func (period->event_times, key, g_str_equal, NULL)))
        return TRUE;
    }

  return FALSE;
}

static void
add_row (EdTravellerEditor   *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  ed_field_row_set_traveller (ED_FIELD_ROW (row), self->traveller);
  ed_field_row_set_second_language (ED_FIELD_ROW (row), self->second_language);
  g_signal_connect_object (row, "problems-changed", G_CALLBACK (row_problems_changed_cb),
                           self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

/* @asked_only: only the keys the procedure asks for or needs (those of
 * procedure format 2 that few procedures use) */
static guint
add_key_rows (EdTravellerEditor   *self,
              AdwPreferencesGroup *group,
              const char * const  *keys,
              gboolean             asked_only)
{
  guint n = 0;

  for (guint i = 0; keys[i] != NULL; i++)
    {
      const EdField *field = find_key_field (self->procedure, keys[i]);
      GtkWidget *row;

      if (field != NULL)
        row = ed_field_row_new (self->procedure, field);
      else if (!asked_only || procedure_needs_key (self->procedure, keys[i]))
        row = ed_field_row_new_for_key (keys[i]);
      else
        continue;
      add_row (self, group, row);
      n++;
    }

  return n;
}

static void
remove_rows (EdTravellerEditor *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      g_signal_handlers_disconnect_by_data (row, self);
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
rebuild (EdTravellerEditor *self)
{
  static const char * const name_keys[] = {
    "surname", "given_names", "native_name", "phonetic_name", NULL
  };
  static const char * const passport_keys[] = {
    "passport_number", "nationality", "sex", "birth_date", "passport_expiry", NULL
  };
  static const char * const contact_keys[] = { "email", "phone", NULL };
  static const char * const address_keys[] = { "address_abroad", "address_local", NULL };
  static const char * const arrival_keys[] = {
    "arrival_date", "arrival_time", "arrival_port", "flight_number", NULL
  };
  static const char * const stay_keys[] = {
    "visa_type", "status_of_residence", "stay_expiry", "residence_card_number", "employer", NULL
  };
  GPtrArray *fields = self->procedure != NULL ? ed_procedure_get_fields (self->procedure) : NULL;
  gboolean own = FALSE;

  remove_rows (self);
  add_key_rows (self, self->name_group, name_keys, FALSE);
  add_key_rows (self, self->passport_group, passport_keys, FALSE);
  add_key_rows (self, self->contact_group, contact_keys, FALSE);
  add_key_rows (self, self->address_group, address_keys, FALSE);
  add_key_rows (self, self->arrival_group, arrival_keys, FALSE);
  add_key_rows (self, self->stay_group, stay_keys, FALSE);

  /* The procedure's own questions: answers kept with the traveller. */
  for (guint i = 0; fields != NULL && self->with_answers && i < fields->len; i++)
    {
      const EdField *field = g_ptr_array_index (fields, i);

      if (field->traveller_key != NULL && ed_traveller_is_key (field->traveller_key))
        continue;
      add_row (self, self->procedure_group, ed_field_row_new (self->procedure, field));
      own = TRUE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->procedure_group), own);
  if (own)
    adw_preferences_group_set_title (self->procedure_group,
                                     ed_text_lookup (ed_procedure_get_title (self->procedure),
                                                     ed_language_for_ui ()));

  mrz_problems_changed_cb (self);
}

/* The section headings, as the template names them. */
static void
update_headings (EdTravellerEditor *self)
{
  const struct
  {
    AdwPreferencesGroup *group;
    const char          *msgid;
  } headings[] = {
    { self->name_group, N_("Name") },
    { self->passport_group, N_("Passport") },
    { self->contact_group, N_("Contact") },
    { self->address_group, N_("Addresses") },
    { self->arrival_group, N_("Arrival") },
    { self->stay_group, N_("Stay and Work") },
  };
  gboolean two = self->second_language != ED_NO_LANGUAGE &&
                 (EdLanguage) self->second_language != ed_language_for_ui ();

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      g_autofree char *title = NULL;

      if (two)
        /* Translators: a heading, then the same in the traveller's language */
        title = g_strdup_printf (C_("side by side", "%s · %s"), _(headings[i].msgid),
                                 ed_translate ((EdLanguage) self->second_language, NULL,
                                               headings[i].msgid));
      else
        title = g_strdup (_(headings[i].msgid));
      adw_preferences_group_set_title (headings[i].group, title);
    }
}

/**
 * ed_traveller_editor_set_second_language:
 * @language: the traveller's language (an #EdLanguage), whose words are
 *   shown beside the staff's, or %ED_NO_LANGUAGE
 *
 * Side by side as the step pages: each field's label and each section's
 * heading also in the traveller's language.
 */
void
ed_traveller_editor_set_second_language (EdTravellerEditor *self,
                                         int                language)
{
  g_return_if_fail (ED_IS_TRAVELLER_EDITOR (self));

  if (self->second_language == language)
    return;

  self->second_language = language;
  for (guint i = 0; i < self->rows->len; i++)
    ed_field_row_set_second_language (g_ptr_array_index (self->rows, i), language);
  update_headings (self);
}

/**
 * ed_traveller_editor_set_traveller:
 * @traveller: (nullable): the traveller to edit; every change is
 *   written into it at once
 */
void
ed_traveller_editor_set_traveller (EdTravellerEditor *self,
                                   EdTraveller       *traveller)
{
  g_return_if_fail (ED_IS_TRAVELLER_EDITOR (self));
  g_return_if_fail (traveller == NULL || ED_IS_TRAVELLER (traveller));

  if (!g_set_object (&self->traveller, traveller))
    return;

  ed_mrz_box_set_traveller (self->mrz_box, traveller);
  for (guint i = 0; i < self->rows->len; i++)
    ed_field_row_set_traveller (g_ptr_array_index (self->rows, i), traveller);
  mrz_problems_changed_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRAVELLER]);
}

EdTraveller *
ed_traveller_editor_get_traveller (EdTravellerEditor *self)
{
  g_return_val_if_fail (ED_IS_TRAVELLER_EDITOR (self), NULL);

  return self->traveller;
}

/**
 * ed_traveller_editor_set_procedure:
 * @procedure: (nullable): the procedure whose fields say what is
 *   required and how it is checked, and whose own questions are asked;
 *   %NULL for the traveller's details alone, with the built-in rules
 */
void
ed_traveller_editor_set_procedure (EdTravellerEditor *self,
                                   EdProcedure       *procedure)
{
  g_return_if_fail (ED_IS_TRAVELLER_EDITOR (self));
  g_return_if_fail (procedure == NULL || ED_IS_PROCEDURE (procedure));

  if (!g_set_object (&self->procedure, procedure))
    return;

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROCEDURE]);
}

/**
 * ed_traveller_editor_set_with_answers:
 * @with_answers: whether the procedure's own questions are asked here
 *   too, or only the traveller's details
 */
void
ed_traveller_editor_set_with_answers (EdTravellerEditor *self,
                                      gboolean           with_answers)
{
  g_return_if_fail (ED_IS_TRAVELLER_EDITOR (self));

  with_answers = !!with_answers;
  if (self->with_answers == with_answers)
    return;

  self->with_answers = with_answers;
  rebuild (self);
}

EdProcedure *
ed_traveller_editor_get_procedure (EdTravellerEditor *self)
{
  g_return_val_if_fail (ED_IS_TRAVELLER_EDITOR (self), NULL);

  return self->procedure;
}

/**
 * ed_traveller_editor_get_valid:
 *
 * Returns: whether no row has an error (a required field left empty
 *   counts, even before it is marked) and the MRZ box holds nothing it
 *   could not read
 */
gboolean
ed_traveller_editor_get_valid (EdTravellerEditor *self)
{
  g_return_val_if_fail (ED_IS_TRAVELLER_EDITOR (self), FALSE);

  return self->valid;
}

/**
 * ed_traveller_editor_dup_problems:
 *
 * Returns: (transfer full) (element-type EdProblem): every problem, in
 *   page order: the MRZ box's own, then each row's
 */
GPtrArray *
ed_traveller_editor_dup_problems (EdTravellerEditor *self)
{
  GPtrArray *problems = ed_problem_list_new ();
  GPtrArray *mrz;

  g_return_val_if_fail (ED_IS_TRAVELLER_EDITOR (self), problems);

  mrz = ed_mrz_box_get_problems (self->mrz_box);
  for (guint i = 0; i < mrz->len; i++)
    {
      const EdProblem *problem = g_ptr_array_index (mrz, i);

      if (g_str_equal (problem->field, "mrz"))
        g_ptr_array_add (problems, ed_problem_copy (problem));
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      GPtrArray *row_problems = ed_field_row_get_problems (g_ptr_array_index (self->rows, i));

      for (guint j = 0; j < row_problems->len; j++)
        g_ptr_array_add (problems, ed_problem_copy (g_ptr_array_index (row_problems, j)));
    }

  return problems;
}

/**
 * ed_traveller_editor_validate_now:
 *
 * Checks every row and the MRZ box at once, without waiting for typing
 * to stop: before the page is left, say.
 */
void
ed_traveller_editor_validate_now (EdTravellerEditor *self)
{
  g_return_if_fail (ED_IS_TRAVELLER_EDITOR (self));

  ed_mrz_box_read_now (self->mrz_box);
  for (guint i = 0; i < self->rows->len; i++)
    ed_field_row_validate_now (g_ptr_array_index (self->rows, i));
}

/**
 * ed_traveller_editor_reveal_required:
 *
 * Marks every required row left empty, also those staff have not
 * visited yet.
 */
void
ed_traveller_editor_reveal_required (EdTravellerEditor *self)
{
  g_return_if_fail (ED_IS_TRAVELLER_EDITOR (self));

  for (guint i = 0; i < self->rows->len; i++)
    ed_field_row_reveal_required (g_ptr_array_index (self->rows, i));
}

/**
 * ed_traveller_editor_find_row:
 * @name: a traveller key, or the id of one of the procedure's own fields
 *
 * Returns: (nullable) (transfer none): the row editing it
 */
EdFieldRow *
ed_traveller_editor_find_row (EdTravellerEditor *self,
                              const char        *name)
{
  g_return_val_if_fail (ED_IS_TRAVELLER_EDITOR (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      EdFieldRow *row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (ed_field_row_get_name (row), name) == 0)
        return row;
    }

  return NULL;
}

EdMrzBox *
ed_traveller_editor_get_mrz_box (EdTravellerEditor *self)
{
  g_return_val_if_fail (ED_IS_TRAVELLER_EDITOR (self), NULL);

  return self->mrz_box;
}

static void
ed_traveller_editor_dispose (GObject *object)
{
  EdTravellerEditor *self = ED_TRAVELLER_EDITOR (object);
  GtkWidget *child;

  if (self->rows != NULL)
    for (guint i = 0; i < self->rows->len; i++)
      g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->rows, i), self);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), ED_TYPE_TRAVELLER_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->traveller);
  g_clear_object (&self->procedure);

  G_OBJECT_CLASS (ed_traveller_editor_parent_class)->dispose (object);
}

static void
ed_traveller_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  EdTravellerEditor *self = ED_TRAVELLER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_TRAVELLER:
      g_value_set_object (value, self->traveller);
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
ed_traveller_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  EdTravellerEditor *self = ED_TRAVELLER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_TRAVELLER:
      ed_traveller_editor_set_traveller (self, g_value_get_object (value));
      break;

    case PROP_PROCEDURE:
      ed_traveller_editor_set_procedure (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_traveller_editor_class_init (EdTravellerEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_traveller_editor_dispose;
  object_class->get_property = ed_traveller_editor_get_property;
  object_class->set_property = ed_traveller_editor_set_property;

  properties[PROP_TRAVELLER] =
    g_param_spec_object ("traveller", NULL, NULL,
                         ED_TYPE_TRAVELLER,
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

  /**
   * EdTravellerEditor::problems-changed:
   *
   * A row or the MRZ box was checked again:
   * ed_traveller_editor_dup_problems() may say something new.
   */
  signals[PROBLEMS_CHANGED] =
    g_signal_new ("problems-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (ED_TYPE_MRZ_BOX);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entrydesk/EntryDesk/"
                                               "wizard/ed-traveller-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, EdTravellerEditor, mrz_box);
  gtk_widget_class_bind_template_child (widget_class, EdTravellerEditor, name_group);
  gtk_widget_class_bind_template_child (widget_class, EdTravellerEditor, passport_group);
  gtk_widget_class_bind_template_child (widget_class, EdTravellerEditor, contact_group);
  gtk_widget_class_bind_template_child (widget_class, EdTravellerEditor, address_group);
  gtk_widget_class_bind_template_child (widget_class, EdTravellerEditor, arrival_group);
  gtk_widget_class_bind_template_child (widget_class, EdTravellerEditor, stay_group);
  gtk_widget_class_bind_template_child (widget_class, EdTravellerEditor, procedure_group);
  gtk_widget_class_bind_template_callback (widget_class, mrz_problems_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "travellereditor");
}

static void
ed_traveller_editor_init (EdTravellerEditor *self)
{
  self->rows = g_ptr_array_new ();
  self->valid = TRUE;
  self->with_answers = TRUE;
  self->second_language = ED_NO_LANGUAGE;

  gtk_widget_init_template (GTK_WIDGET (self));
  rebuild (self);
}
