/* ed-mrz-box.c
 *
 * A USB scanner types the MRZ as keystrokes, dozens a second, line
 * ends included; a person pastes it at once or types it slowly. Either
 * way the box reads the text once input has stopped for a moment, fills
 * the traveller from it, and says what it read. A failed check digit is
 * a problem of the detail it covers (the editor shows it on that row);
 * the optional data and composite digits are the MRZ's own, shown here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-mrz-box-private.h"

#define READ_DELAY_MS 300

struct _EdMrzBox
{
  GtkWidget      parent_instance;

  EdTraveller   *traveller;
  EdMrz         *mrz;
  GPtrArray     *problems;
  char          *result;
  guint          read_source;

  GtkTextView   *text_view;
  GtkWidget     *result_box;
  GtkImage      *result_icon;
  GtkLabel      *result_label;
  GtkWidget     *clear_button;
};

G_DEFINE_FINAL_TYPE (EdMrzBox, ed_mrz_box, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TRAVELLER,
  N_PROPS
};

enum {
  READ,
  PROBLEMS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GtkWidget *
ed_mrz_box_new (void)
{
  return g_object_new (ED_TYPE_MRZ_BOX, NULL);
}

static void
show_result (EdMrzBox   *self,
             const char *text,
             const char *icon,
             const char *style)
{
  static const char * const styles[] = { "error", "warning", "success" };
  GtkWidget *text_view = GTK_WIDGET (self->text_view);
  gboolean invalid = g_strcmp0 (style, "error") == 0;

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->result_label), styles[i]);
      gtk_widget_remove_css_class (GTK_WIDGET (self->result_icon), styles[i]);
    }

  g_free (self->result);
  self->result = g_strdup (text);
  gtk_widget_set_visible (self->result_box, text != NULL);
  gtk_label_set_text (self->result_label, text != NULL ? text : "");
  if (icon != NULL)
    gtk_image_set_from_icon_name (self->result_icon, icon);
  if (style != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->result_label), style);
      gtk_widget_add_css_class (GTK_WIDGET (self->result_icon), style);
    }

  gtk_accessible_update_state (GTK_ACCESSIBLE (text_view),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (text_view),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (text_view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
set_problems (EdMrzBox  *self,
              GPtrArray *problems)
{
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = problems != NULL ? problems : ed_problem_list_new ();
  g_signal_emit (self, signals[PROBLEMS_CHANGED], 0);
}

/**
 * ed_mrz_box_read_now:
 *
 * Reads the text at once, without waiting for input to stop.
 */
void
ed_mrz_box_read_now (EdMrzBox *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdMrz) mrz = NULL;
  g_autofree char *result = NULL;
  GPtrArray *problems;

  g_return_if_fail (ED_IS_MRZ_BOX (self));

  g_clear_handle_id (&self->read_source, g_source_remove);
  g_clear_pointer (&self->mrz, ed_mrz_free);

  text = ed_mrz_box_dup_text (self);
  g_strstrip (text);
  gtk_widget_set_visible (self->clear_button, *text != '\0');
  if (*text == '\0')
    {
      show_result (self, NULL, NULL, NULL);
      set_problems (self, NULL);
      return;
    }

  mrz = ed_mrz_parse (text, NULL, &error);
  if (mrz == NULL)
    {
      problems = ed_problem_list_new ();
      ed_problem_list_add (problems, "mrz", "mrz-format", ED_SEVERITY_ERROR, "%s", error->message);
      show_result (self, error->message, "dialog-error-symbolic", "error");
      set_problems (self, problems);
      return;
    }

  problems = ed_mrz_dup_problems (mrz);
  if (self->traveller != NULL)
    ed_mrz_apply_to_traveller (mrz, self->traveller);

  result = _ed_mrz_box_summarize (mrz, problems);
  if (ed_problem_list_has_errors (problems))
    show_result (self, result, "dialog-error-symbolic", "error");
  else
    show_result (self, result, "object-select-symbolic", "success");

  self->mrz = g_steal_pointer (&mrz);
  set_problems (self, problems);
  g_signal_emit (self, signals[READ], 0, self->mrz);
}

static gboolean
read_timeout_cb (gpointer data)
{
  EdMrzBox *self = data;

  self->read_source = 0;
  ed_mrz_box_read_now (self);
  return G_SOURCE_REMOVE;
}

/* A scanner types faster than anyone: read once it stops. */
static void
buffer_changed_cb (EdMrzBox *self)
{
  g_clear_handle_id (&self->read_source, g_source_remove);
  self->read_source = g_timeout_add (READ_DELAY_MS, read_timeout_cb, self);
}

static void
clear_clicked_cb (EdMrzBox *self)
{
  ed_mrz_box_clear (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

/**
 * ed_mrz_box_set_traveller:
 * @traveller: (nullable): the traveller an MRZ read fills
 *
 * Clears the box: an MRZ belongs to one traveller's passport.
 */
void
ed_mrz_box_set_traveller (EdMrzBox    *self,
                          EdTraveller *traveller)
{
  g_return_if_fail (ED_IS_MRZ_BOX (self));
  g_return_if_fail (traveller == NULL || ED_IS_TRAVELLER (traveller));

  if (!g_set_object (&self->traveller, traveller))
    return;

  ed_mrz_box_clear (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRAVELLER]);
}

EdTraveller *
ed_mrz_box_get_traveller (EdMrzBox *self)
{
  g_return_val_if_fail (ED_IS_MRZ_BOX (self), NULL);

  return self->traveller;
}

/**
 * ed_mrz_box_set_text:
 *
 * Puts @text in the box as if pasted: it is read once input stops.
 */
void
ed_mrz_box_set_text (EdMrzBox   *self,
                     const char *text)
{
  g_return_if_fail (ED_IS_MRZ_BOX (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                            text != NULL ? text : "", -1);
}

char *
ed_mrz_box_dup_text (EdMrzBox *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (ED_IS_MRZ_BOX (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/**
 * ed_mrz_box_clear:
 *
 * Empties the box and forgets what it read (and its problems); the
 * details it filled stay in the traveller.
 */
void
ed_mrz_box_clear (EdMrzBox *self)
{
  g_return_if_fail (ED_IS_MRZ_BOX (self));

  ed_mrz_box_set_text (self, NULL);
  ed_mrz_box_read_now (self);
}

/**
 * ed_mrz_box_get_mrz:
 *
 * Returns: (nullable): what the last read found, %NULL when the box is
 *   empty or its text is no MRZ
 */
const EdMrz *
ed_mrz_box_get_mrz (EdMrzBox *self)
{
  g_return_val_if_fail (ED_IS_MRZ_BOX (self), NULL);

  return self->mrz;
}

/**
 * ed_mrz_box_get_problems:
 *
 * Returns: (transfer none) (element-type EdProblem): the problems of
 *   the last read: each failed check digit on the traveller key it
 *   covers or on "mrz", or the text's own fault (a wrong length or
 *   character) on "mrz"
 */
GPtrArray *
ed_mrz_box_get_problems (EdMrzBox *self)
{
  g_return_val_if_fail (ED_IS_MRZ_BOX (self), NULL);

  return self->problems;
}

/**
 * ed_mrz_box_get_result:
 *
 * Returns: (nullable): the line under the box saying what was read
 */
const char *
ed_mrz_box_get_result (EdMrzBox *self)
{
  g_return_val_if_fail (ED_IS_MRZ_BOX (self), NULL);

  return self->result;
}

GtkTextView *
ed_mrz_box_get_text_view (EdMrzBox *self)
{
  g_return_val_if_fail (ED_IS_MRZ_BOX (self), NULL);

  return self->text_view;
}

static gboolean
ed_mrz_box_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (ED_MRZ_BOX (widget)->text_view));
}

static void
ed_mrz_box_dispose (GObject *object)
{
  EdMrzBox *self = ED_MRZ_BOX (object);
  GtkWidget *child;

  g_clear_handle_id (&self->read_source, g_source_remove);
  if (self->text_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_text_view_get_buffer (self->text_view), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ED_TYPE_MRZ_BOX);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->traveller);

  G_OBJECT_CLASS (ed_mrz_box_parent_class)->dispose (object);
}

static void
ed_mrz_box_finalize (GObject *object)
{
  EdMrzBox *self = ED_MRZ_BOX (object);

  g_clear_pointer (&self->mrz, ed_mrz_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->result, g_free);

  G_OBJECT_CLASS (ed_mrz_box_parent_class)->finalize (object);
}

static void
ed_mrz_box_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  EdMrzBox *self = ED_MRZ_BOX (object);

  switch (prop_id)
    {
    case PROP_TRAVELLER:
      g_value_set_object (value, self->traveller);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_mrz_box_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  EdMrzBox *self = ED_MRZ_BOX (object);

  switch (prop_id)
    {
    case PROP_TRAVELLER:
      ed_mrz_box_set_traveller (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_mrz_box_class_init (EdMrzBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_mrz_box_dispose;
  object_class->finalize = ed_mrz_box_finalize;
  object_class->get_property = ed_mrz_box_get_property;
  object_class->set_property = ed_mrz_box_set_property;
  widget_class->grab_focus = ed_mrz_box_grab_focus;

  properties[PROP_TRAVELLER] =
    g_param_spec_object ("traveller", NULL, NULL,
                         ED_TYPE_TRAVELLER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EdMrzBox::read:
   * @mrz: what was read; the traveller is filled already
   */
  signals[READ] =
    g_signal_new ("read",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ED_TYPE_MRZ | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * EdMrzBox::problems-changed:
   *
   * The box was read again, or cleared: ed_mrz_box_get_problems().
   */
  signals[PROBLEMS_CHANGED] =
    g_signal_new ("problems-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entrydesk/EntryDesk/"
                                               "wizard/ed-mrz-box.ui");
  gtk_widget_class_bind_template_child (widget_class, EdMrzBox, text_view);
  gtk_widget_class_bind_template_child (widget_class, EdMrzBox, result_box);
  gtk_widget_class_bind_template_child (widget_class, EdMrzBox, result_icon);
  gtk_widget_class_bind_template_child (widget_class, EdMrzBox, result_label);
  gtk_widget_class_bind_template_child (widget_class, EdMrzBox, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mrzbox");
}

static void
ed_mrz_box_init (EdMrzBox *self)
{
  self->problems = ed_problem_list_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
}
