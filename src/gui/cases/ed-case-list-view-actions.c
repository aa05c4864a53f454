/* ed-case-list-view-actions.c — what the case list does to cases
 *
 * Delete has no confirmation but an Undo: the case goes to the store's
 * trash, a toast offers Undo (restore), and when the toast goes without
 * it the case is expunged. Whatever is still in the trash when the app
 * stops is expunged the next time the store opens.
 *
 * Export and import go through GtkFileChooserNative; the part after the
 * chooser takes a GFile, which is what the tests call. An import that
 * fails says every problem of the file, with its place; a case already
 * in the store can be imported again as a new case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-case-list-view-private.h"
#include "ed-error.h"
#include "ed-toast.h"

/* Long enough to find the Undo button. */
#define UNDO_TIMEOUT_S 10

GtkWindow *
_ed_case_list_view_window (EdCaseListView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* A toast that stays: something staff asked for did not happen. */
void
_ed_case_list_view_add_error_toast (EdCaseListView *self,
                                    const char     *message)
{
  _ed_case_list_view_add_toast (self, ed_toast_new_lasting (message));
}

/**
 * _ed_case_list_view_show_error:
 * @details: (nullable): a list of problems, shown whole and selectable
 *   under @body
 */
void
_ed_case_list_view_show_error (EdCaseListView *self,
                               const char     *heading,
                               const char     *body,
                               const char     *details)
{
  GtkWidget *dialog = adw_message_dialog_new (_ed_case_list_view_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));

  if (details != NULL)
    {
      GtkWidget *label = gtk_label_new (details);
      GtkWidget *scrolled = gtk_scrolled_window_new ();

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      /* Its natural height at the width it will get. */
      gtk_label_set_width_chars (GTK_LABEL (label), 50);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_yalign (GTK_LABEL (label), 0.0);
      gtk_widget_add_css_class (label, "problem-list");
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                      GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
    }

  gtk_window_present (GTK_WINDOW (dialog));
}

/* What a toast about one case calls it: its reference. */
static char *
describe_case (EdCaseListView *self,
               gint64          id)
{
  g_autoptr(EdCaseInfo) info = _ed_case_list_view_find (self, id);

  return g_strdup (info != NULL ? ed_case_info_get_reference (info) : "");
}

/* Delete, with Undo. */

typedef struct
{
  GWeakRef  view;
  EdStore  *store;
  gint64    id;
  char     *reference;
  gboolean  undone;
} Deletion;

static void
deletion_free (gpointer data)
{
  Deletion *deletion = data;

  g_weak_ref_clear (&deletion->view);
  g_clear_object (&deletion->store);
  g_free (deletion->reference);
  g_free (deletion);
}

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(EdCaseListView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ed_store_change_finish (ED_STORE (object), result, &error) && self != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The case could not be restored: %s"),
                                                  error->message);

      _ed_case_list_view_add_error_toast (self, message);
    }
}

static void
expunged_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(EdCaseListView) self = user_data;
  g_autoptr(GError) error = NULL;

  /* Not found: restored or expunged meanwhile, nothing to do. */
  if (!ed_store_change_finish (ED_STORE (object), result, &error) &&
      !g_error_matches (error, ED_ERROR, ED_ERROR_NOT_FOUND) && self != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The case could not be deleted: %s"),
                                                  error->message);

      _ed_case_list_view_add_error_toast (self, message);
    }
}

static void
undo_clicked_cb (AdwToast *toast,
                 Deletion *deletion)
{
  deletion->undone = TRUE;
  ed_store_restore_case_async (deletion->store, deletion->id, NULL, restored_cb,
                               g_weak_ref_get (&deletion->view));
}

static void
delete_toast_dismissed_cb (AdwToast *toast,
                           Deletion *deletion)
{
  if (!deletion->undone)
    ed_store_expunge_case_async (deletion->store, deletion->id, NULL, expunged_cb,
                                 g_weak_ref_get (&deletion->view));
}

static void
trashed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Deletion *deletion = user_data;
  g_autoptr(EdCaseListView) self = g_weak_ref_get (&deletion->view);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!ed_store_change_finish (ED_STORE (object), result, &error))
    {
      if (self != NULL)
        {
          g_autofree char *message = g_strdup_printf (_("The case could not be deleted: %s"),
                                                      error->message);

          _ed_case_list_view_add_error_toast (self, message);
        }
      deletion_free (deletion);
      return;
    }

  /* Nobody left to show the Undo to: final at once. */
  if (self == NULL)
    {
      ed_store_expunge_case_async (deletion->store, deletion->id, NULL, expunged_cb, NULL);
      deletion_free (deletion);
      return;
    }

  /* The previous deletion is final once another one is made. */
  if (self->delete_toast != NULL)
    adw_toast_dismiss (self->delete_toast);

  /* Translators: a toast after a case was deleted; %s is its reference */
  title = g_strdup_printf (_("Case %s deleted"), deletion->reference);
  toast = ed_toast_new (title, UNDO_TIMEOUT_S);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "ed-deletion", deletion, deletion_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), deletion);
  g_signal_connect (toast, "dismissed", G_CALLBACK (delete_toast_dismissed_cb), deletion);

  g_set_weak_pointer (&self->delete_toast, toast);
  _ed_case_list_view_add_toast (self, toast);
}

/**
 * ed_case_list_view_delete:
 *
 * Deletes case @id at once and offers Undo in a toast.
 */
void
ed_case_list_view_delete (EdCaseListView *self,
                          gint64          id)
{
  Deletion *deletion;

  g_return_if_fail (ED_IS_CASE_LIST_VIEW (self));

  if (self->store == NULL)
    return;

  deletion = g_new0 (Deletion, 1);
  g_weak_ref_init (&deletion->view, self);
  deletion->store = g_object_ref (self->store);
  deletion->id = id;
  deletion->reference = describe_case (self, id);
  ed_store_trash_case_async (self->store, id, NULL, trashed_cb, deletion);
}

/* Close and reopen. */

typedef struct
{
  EdCaseListView *view;
  gboolean        close;
} StatusChange;

static void
undo_status_cb (AdwToast *toast,
                EdCase   *kase)
{
  ed_case_set_status (kase, ed_case_get_status (kase) == ED_CASE_OPEN ? ED_CASE_CLOSED
                                                                      : ED_CASE_OPEN);
}

static void
loaded_for_status_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  StatusChange *change = user_data;
  g_autoptr(EdCaseListView) self = change->view;
  gboolean close = change->close;
  g_autoptr(EdCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_free (change);
  kase = ed_store_load_case_finish (ED_STORE (object), result, &error);
  if (kase == NULL)
    {
      g_autofree char *message = NULL;

      if (close)
        message = g_strdup_printf (_("The case could not be closed: %s"), error->message);
      else
        message = g_strdup_printf (_("The case could not be reopened: %s"), error->message);
      _ed_case_list_view_add_error_toast (self, message);
      return;
    }

  if ((ed_case_get_status (kase) == ED_CASE_CLOSED) == close)
    return;

  /* Saved by the store within a second, like any change. */
  ed_case_set_status (kase, close ? ED_CASE_CLOSED : ED_CASE_OPEN);

  if (close)
    /* Translators: a toast; %s is the case's reference */
    title = g_strdup_printf (_("Case %s closed"), ed_case_get_reference (kase));
  else
    /* Translators: a toast; %s is the case's reference */
    title = g_strdup_printf (_("Case %s reopened"), ed_case_get_reference (kase));
  toast = ed_toast_new (title, ED_TOAST_TIMEOUT_DEFAULT);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "ed-case", g_object_ref (kase), g_object_unref);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_status_cb), kase);
  _ed_case_list_view_add_toast (self, toast);
}

/**
 * ed_case_list_view_set_closed:
 *
 * Closes or reopens case @id, with Undo in a toast; a closed case
 * leaves the list unless closed cases are shown.
 */
void
ed_case_list_view_set_closed (EdCaseListView *self,
                              gint64          id,
                              gboolean        closed)
{
  StatusChange *change;

  g_return_if_fail (ED_IS_CASE_LIST_VIEW (self));

  if (self->store == NULL)
    return;

  change = g_new0 (StatusChange, 1);
  change->view = g_object_ref (self);
  change->close = !!closed;
  ed_store_load_case_async (self->store, id, NULL, loaded_for_status_cb, change);
}
