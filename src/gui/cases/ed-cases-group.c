/* ed-cases-group.c
 *
 * The retention period lives in the case database, not in GSettings,
 * so that the command line (`cases retention`, `cases purge`) and every
 * desk sharing the database use the same one. Deleting old cases goes
 * through the review dialog: nothing goes unseen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-cases-group.h"
#include "ed-purge-review.h"
#include "ed-toast.h"

struct _EdCasesGroup
{
  AdwPreferencesGroup  parent_instance;

  EdStore             *store;
  EdCatalog           *catalog;
  GCancellable        *cancellable;
  gboolean             loading;    /* the spin button shows the stored value */

  GtkSpinButton       *retention_spin;
  GtkWidget           *purge_button;
};

G_DEFINE_FINAL_TYPE (EdCasesGroup, ed_cases_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  SHOW_TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
get_days (EdCasesGroup *self)
{
  return (guint) gtk_spin_button_get_value_as_int (self->retention_spin);
}

static void
retention_saved_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(EdCasesGroup) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ed_store_set_retention_days_finish (ED_STORE (object), result, &error))
    ed_toast_emit (self, signals[SHOW_TOAST], ed_toast_new_lasting (error->message));
}

static void
retention_changed_cb (EdCasesGroup *self)
{
  gtk_widget_set_sensitive (self->purge_button, get_days (self) > 0);

  if (!self->loading && self->store != NULL)
    ed_store_set_retention_days_async (self->store, get_days (self), NULL,
                                       retention_saved_cb, g_object_ref (self));
}

static void
reviewed_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(EdCasesGroup) self = user_data;
  AdwToast *toast = ed_purge_review_finish_toast (result);

  gtk_widget_set_sensitive (self->purge_button, get_days (self) > 0);
  if (toast != NULL)
    ed_toast_emit (self, signals[SHOW_TOAST], toast);
}

static void
purge_clicked_cb (EdCasesGroup *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->store == NULL || get_days (self) == 0)
    return;

  /* One review at a time. */
  gtk_widget_set_sensitive (self->purge_button, FALSE);
  ed_purge_review_async (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                         self->catalog, get_days (self), self->cancellable,
                         reviewed_cb, g_object_ref (self));
}

/**
 * ed_cases_group_set_store:
 * @store: (nullable): the case store; the group is insensitive without one
 * @catalog: (nullable): for the procedures' titles in the review
 */
void
ed_cases_group_set_store (EdCasesGroup *self,
                          EdStore      *store,
                          EdCatalog    *catalog)
{
  g_return_if_fail (ED_IS_CASES_GROUP (self));
  g_return_if_fail (store == NULL || ED_IS_STORE (store));

  g_set_object (&self->store, store);
  g_set_object (&self->catalog, catalog);

  self->loading = TRUE;
  /* One row of the meta table, read at once. */
  gtk_spin_button_set_value (self->retention_spin,
                             store != NULL ? ed_store_get_retention_days (store) : 0);
  self->loading = FALSE;

  gtk_widget_set_sensitive (self->purge_button, get_days (self) > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self), store != NULL);
}

static void
ed_cases_group_dispose (GObject *object)
{
  EdCasesGroup *self = ED_CASES_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (ed_cases_group_parent_class)->dispose (object);
}

static void
ed_cases_group_class_init (EdCasesGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_cases_group_dispose;

  /**
   * EdCasesGroup::show-toast:
   * @toast: how many old cases were deleted, or why something failed
   *
   * See ed_toast_signal_new().
   */
  signals[SHOW_TOAST] = ed_toast_signal_new (G_TYPE_FROM_CLASS (klass));

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entrydesk/EntryDesk/"
                                               "cases/ed-cases-group.ui");
  gtk_widget_class_bind_template_child (widget_class, EdCasesGroup, retention_spin);
  gtk_widget_class_bind_template_child (widget_class, EdCasesGroup, purge_button);
  gtk_widget_class_bind_template_callback (widget_class, retention_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, purge_clicked_cb);
}

static void
ed_cases_group_init (EdCasesGroup *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}
