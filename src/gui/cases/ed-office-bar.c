/* ed-office-bar.c — "Working offline", under the header bar
 *
 * While the office database cannot be reached, a plain bar says so and
 * that nothing typed is lost: changes are kept on this desk and sent
 * when it is back (EdStore:offline). It goes when the database is back.
 * A desk whose role may only read the cases (ed_store_get_read_only())
 * is told so in the same place, for as long as it works as that role:
 * the window shows its cases read-only (ed-read-only.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-office-bar.h"

struct _EdOfficeBar
{
  GtkWidget    parent_instance;

  GtkRevealer *revealer;
  GtkLabel    *label;
  GtkLabel    *read_only_label;
  EdStore     *store;
};

G_DEFINE_FINAL_TYPE (EdOfficeBar, ed_office_bar, GTK_TYPE_WIDGET)

static void
update (EdOfficeBar *self)
{
  gboolean offline = self->store != NULL && ed_store_get_offline (self->store);
  gboolean read_only = self->store != NULL && ed_store_get_read_only (self->store);

  if (read_only)
    {
      /* Translators: %s is the database role this desk works as */
      g_autofree char *text = g_strdup_printf (_("This desk works as “%s”, a role that may read "
                                                 "cases but not change them. Cases are shown "
                                                 "read-only."),
                                               ed_store_get_role (self->store));

      gtk_label_set_text (self->read_only_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->read_only_label), read_only);
  gtk_widget_set_visible (GTK_WIDGET (self->label), offline);
  if (read_only && !offline)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "office-offline");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "office-offline");
  gtk_revealer_set_reveal_child (self->revealer, offline || read_only);
  gtk_widget_set_visible (GTK_WIDGET (self), offline || read_only);
}

/**
 * ed_office_bar_set_store:
 * @store: (nullable): the case store; only an office database goes
 *   offline
 */
void
ed_office_bar_set_store (EdOfficeBar *self,
                         EdStore     *store)
{
  g_return_if_fail (ED_IS_OFFICE_BAR (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, update, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "notify::offline", G_CALLBACK (update), self,
                             G_CONNECT_SWAPPED);
  update (self);
}

/**
 * ed_office_bar_get_shown:
 *
 * Returns: whether it says "Working offline"
 */
gboolean
ed_office_bar_get_shown (EdOfficeBar *self)
{
  g_return_val_if_fail (ED_IS_OFFICE_BAR (self), FALSE);
  return gtk_revealer_get_reveal_child (self->revealer) &&
         gtk_widget_get_visible (GTK_WIDGET (self->label));
}

/**
 * ed_office_bar_get_read_only_shown:
 *
 * Returns: whether it says that this desk's role may only read cases
 */
gboolean
ed_office_bar_get_read_only_shown (EdOfficeBar *self)
{
  g_return_val_if_fail (ED_IS_OFFICE_BAR (self), FALSE);
  return gtk_revealer_get_reveal_child (self->revealer) &&
         gtk_widget_get_visible (GTK_WIDGET (self->read_only_label));
}

static void
ed_office_bar_dispose (GObject *object)
{
  EdOfficeBar *self = ED_OFFICE_BAR (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, update, self);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), ED_TYPE_OFFICE_BAR);

  G_OBJECT_CLASS (ed_office_bar_parent_class)->dispose (object);
}

static void
ed_office_bar_class_init (EdOfficeBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_office_bar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entrydesk/EntryDesk/cases/"
                                               "ed-office-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, EdOfficeBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, EdOfficeBar, label);
  gtk_widget_class_bind_template_child (widget_class, EdOfficeBar, read_only_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "officebar");
}

static void
ed_office_bar_init (EdOfficeBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
