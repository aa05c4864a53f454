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
  GHashTable    *filled;        /* (nullable): what the MRZ read put in the traveller */
  GHashTable    *read_values;   /* (nullable): what the last read said, kept when changed */

  /* A read waiting for staff to say whether it replaces what they typed. */
  GtkWidget     *ask_dialog;
  EdMrz         *pending_mrz;
  GPtrArray     *pending_problems;
  EdTraveller   *pending_preview;
  GPtrArray     *pending_typed;
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

const char * const _ed_mrz_box_filled_keys[] = {
  "surname", "given_names", "nationality", "birth_date", "sex", "passport_number",
  "passport_expiry", NULL,
};

static void
remember_filled (EdMrzBox *self)
{
  g_clear_pointer (&self->filled, g_hash_table_unref);
  if (self->traveller == NULL)
    return;

  self->filled = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  for (guint i = 0; _ed_mrz_box_filled_keys[i] != NULL; i++)
    g_hash_table_insert (self->filled, (gpointer) _ed_mrz_box_filled_keys[i],
                         g_strdup (ed_traveller_get (self->traveller,
                                                     _ed_mrz_box_filled_keys[i])));
}

/* "Read 7 details" is true only while they stand as read: once one is
 * changed, the line goes (the text stays in the box, to read again). */
static void
traveller_changed_cb (EdMrzBox   *self,
                      const char *key)
{
  gpointer read;

  if (self->filled == NULL || !g_hash_table_lookup_extended (self->filled, key, NULL, &read))
    return;
  if (g_strcmp0 (read, ed_traveller_get (self->traveller, key)) == 0)
    return;

  g_clear_pointer (&self->filled, g_hash_table_unref);
  if (self->problems != NULL && !ed_problem_list_has_errors (self->problems))
    show_result (self, NULL, NULL, NULL);
}

static void
drop_pending (EdMrzBox *self)
{
  if (self->ask_dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->ask_dialog, self);
      gtk_window_destroy (GTK_WINDOW (self->ask_dialog));
      self->ask_dialog = NULL;
    }
  g_clear_pointer (&self->pending_mrz, ed_mrz_free);
  g_clear_pointer (&self->pending_problems, g_ptr_array_unref);
  g_clear_object (&self->pending_preview);
  g_clear_pointer (&self->pending_typed, g_ptr_array_unref);
}

/* @preview into the traveller, but for the keys in @keep; then say what
 * was read. */
static void
finish_read (EdMrzBox    *self,
             EdMrz       *mrz,
             GPtrArray   *problems,
             EdTraveller *preview,
             GPtrArray   *keep)
{
  g_autofree char *result = NULL;

  if (self->traveller != NULL && preview != NULL)
    {
      g_clear_pointer (&self->read_values, g_hash_table_unref);
      self->read_values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      for (guint i = 0; _ed_mrz_box_filled_keys[i] != NULL; i++)
        {
          const char *key = _ed_mrz_box_filled_keys[i];

          g_hash_table_insert (self->read_values, (gpointer) key,
                               g_strdup (ed_traveller_get (preview, key)));
          if (keep == NULL || !g_ptr_array_find_with_equal_func (keep, key, g_str_equal, NULL))
            ed_traveller_set (self->traveller, key, ed_traveller_get (preview, key));
        }
    }

  result = _ed_mrz_box_summarize (mrz, problems);
  if (ed_problem_list_has_errors (problems))
    show_result (self, result, "dialog-error-symbolic", "error");
  else
    show_result (self, result, "object-select-symbolic", "success");

  remember_filled (self);
  self->mrz = mrz;
  set_problems (self, problems);
  g_signal_emit (self, signals[READ], 0, self->mrz);
}

static void
replace_response_cb (EdMrzBox   *self,
                     const char *response)
{
  EdMrz *mrz = g_steal_pointer (&self->pending_mrz);
  GPtrArray *problems = g_steal_pointer (&self->pending_problems);
  g_autoptr(EdTraveller) preview = g_steal_pointer (&self->pending_preview);
  g_autoptr(GPtrArray) typed = g_steal_pointer (&self->pending_typed);

  /* Answered once: a button responds, then the closing would again. */
  if (self->ask_dialog != NULL)
    g_signal_handlers_disconnect_by_data (self->ask_dialog, self);
  self->ask_dialog = NULL;
  if (mrz == NULL)
    return;
  finish_read (self, mrz, problems, preview,
               g_strcmp0 (response, "replace") == 0 ? NULL : typed);
}

/**
 * ed_mrz_box_read_now:
 *
 * Reads the text at once, without waiting for input to stop. Where the
 * read would replace details typed by hand, staff are asked first.
 */
void
ed_mrz_box_read_now (EdMrzBox *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdMrz) mrz = NULL;
  g_autoptr(EdTraveller) preview = NULL;
  g_autoptr(GPtrArray) typed = NULL;
  GPtrArray *problems;

  g_return_if_fail (ED_IS_MRZ_BOX (self));

  g_clear_handle_id (&self->read_source, g_source_remove);
  drop_pending (self);
  g_clear_pointer (&self->mrz, ed_mrz_free);
  g_clear_pointer (&self->filled, g_hash_table_unref);

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
    {
      preview = _ed_mrz_box_preview (self->traveller, mrz);
      typed = _ed_mrz_box_find_typed (self->traveller, preview, self->read_values);
    }

  if (typed != NULL && typed->len > 0)
    {
      show_result (self, NULL, NULL, NULL);
      self->pending_mrz = g_steal_pointer (&mrz);
      self->pending_problems = problems;
      self->pending_preview = g_steal_pointer (&preview);
      self->pending_typed = g_steal_pointer (&typed);
      self->ask_dialog = _ed_mrz_box_ask_replace (self, self->pending_typed,
                                                  G_CALLBACK (replace_response_cb));
      return;
    }

  finish_read (self, g_steal_pointer (&mrz), problems, preview, NULL);
}

static gboolean
read_timeout_cb (gpointer data)
{
  EdMrzBox *self = data;

  self->read_source = 0;
  ed_mrz_box_read_now (self);
  return G_SOURCE_REMOVE;
}

/**
 * ed_mrz_box_get_waiting:
 *
 * Returns: whether a read of the text waits for input to stop
 */
gboolean
ed_mrz_box_get_waiting (EdMrzBox *self)
{
  g_return_val_if_fail (ED_IS_MRZ_BOX (self), FALSE);

  return self->read_source != 0;
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

  if (self->traveller == traveller)
    return;

  if (self->traveller != NULL)
    g_signal_handlers_disconnect_by_data (self->traveller, self);
  g_set_object (&self->traveller, traveller);
  g_clear_pointer (&self->read_values, g_hash_table_unref);
  if (traveller != NULL)
    g_signal_connect_object (traveller, "changed", G_CALLBACK (traveller_changed_cb), self,
                             G_CONNECT_SWAPPED);

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
  drop_pending (self);
  if (self->text_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_text_view_get_buffer (self->text_view), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ED_TYPE_MRZ_BOX);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->traveller != NULL)
    g_signal_handlers_disconnect_by_data (self->traveller, self);
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
  g_clear_pointer (&self->filled, g_hash_table_unref);
  g_clear_pointer (&self->read_values, g_hash_table_unref);

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
