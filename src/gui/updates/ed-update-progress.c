/* ed-update-progress.c — how far an update of the procedures is, with a way to stop it
 *
 * Shown in the main window under the header bar and in Preferences,
 * both bound to the application's one feed: whichever started the
 * update, both show it, and either can stop it. Nothing here blocks
 * work in the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-update-progress.h"

struct _EdUpdateProgress
{
  GtkWidget       parent_instance;

  EdUpdater      *updater;
  GPtrArray      *bindings;   /* GBinding from the updater's feed, referenced */

  GtkRevealer    *revealer;
  GtkLabel       *status_label;
  GtkProgressBar *progress_bar;
  GtkButton      *cancel_button;
};

G_DEFINE_FINAL_TYPE (EdUpdateProgress, ed_update_progress, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_UPDATER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
ed_update_progress_new (void)
{
  return g_object_new (ED_TYPE_UPDATE_PROGRESS, NULL);
}

static void
cancel_clicked_cb (EdUpdateProgress *self)
{
  if (self->updater != NULL)
    ed_updater_cancel (self->updater);
}

static void
unbind (EdUpdateProgress *self)
{
  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->bindings, i));
  g_ptr_array_set_size (self->bindings, 0);
}

static void
bind (EdUpdateProgress *self,
      EdFeed           *feed,
      const char       *property,
      gpointer          target,
      const char       *target_property)
{
  GBinding *binding = g_object_bind_property (feed, property, target, target_property,
                                              G_BINDING_SYNC_CREATE);

  g_ptr_array_add (self->bindings, g_object_ref (binding));
}

void
ed_update_progress_set_updater (EdUpdateProgress *self,
                                EdUpdater        *updater)
{
  EdFeed *feed;

  g_return_if_fail (ED_IS_UPDATE_PROGRESS (self));
  g_return_if_fail (updater == NULL || ED_IS_UPDATER (updater));

  if (self->updater == updater)
    return;

  unbind (self);
  g_set_object (&self->updater, updater);

  if (updater != NULL)
    {
      feed = ed_updater_get_feed (updater);
      bind (self, feed, "running", self->revealer, "reveal-child");
      bind (self, feed, "status", self->status_label, "label");
      bind (self, feed, "fraction", self->progress_bar, "fraction");
    }
  else
    {
      gtk_revealer_set_reveal_child (self->revealer, FALSE);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATER]);
}

EdUpdater *
ed_update_progress_get_updater (EdUpdateProgress *self)
{
  g_return_val_if_fail (ED_IS_UPDATE_PROGRESS (self), NULL);

  return self->updater;
}

static void
ed_update_progress_dispose (GObject *object)
{
  EdUpdateProgress *self = ED_UPDATE_PROGRESS (object);

  ed_update_progress_set_updater (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ED_TYPE_UPDATE_PROGRESS);

  G_OBJECT_CLASS (ed_update_progress_parent_class)->dispose (object);
}

static void
ed_update_progress_finalize (GObject *object)
{
  EdUpdateProgress *self = ED_UPDATE_PROGRESS (object);

  g_clear_pointer (&self->bindings, g_ptr_array_unref);

  G_OBJECT_CLASS (ed_update_progress_parent_class)->finalize (object);
}

static void
ed_update_progress_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EdUpdateProgress *self = ED_UPDATE_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_UPDATER:
      g_value_set_object (value, self->updater);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_update_progress_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  EdUpdateProgress *self = ED_UPDATE_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_UPDATER:
      ed_update_progress_set_updater (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_update_progress_class_init (EdUpdateProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_update_progress_dispose;
  object_class->finalize = ed_update_progress_finalize;
  object_class->get_property = ed_update_progress_get_property;
  object_class->set_property = ed_update_progress_set_property;

  properties[PROP_UPDATER] =
    g_param_spec_object ("updater", NULL, NULL,
                         ED_TYPE_UPDATER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entrydesk/EntryDesk/"
                                               "updates/ed-update-progress.ui");
  gtk_widget_class_bind_template_child (widget_class, EdUpdateProgress, revealer);
  gtk_widget_class_bind_template_child (widget_class, EdUpdateProgress, status_label);
  gtk_widget_class_bind_template_child (widget_class, EdUpdateProgress, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, EdUpdateProgress, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "updateprogress");
}

static void
ed_update_progress_init (EdUpdateProgress *self)
{
  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
}
