/* ed-purge-review.c — old closed cases: shown, then deleted if confirmed
 *
 * Nothing is deleted that staff have not seen: the dialog lists every
 * case the purge would take (names, reference, procedure, the day it
 * was closed), Cancel is the default, and the store deletes only the
 * cases of that list that are still closed and still old enough.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-case-row.h"
#include "ed-purge-review.h"

/* The list scrolls beyond this; the buttons stay on screen. Wide
 * enough for a row's lines not to wrap, so that the list's natural
 * height is the one it gets. */
#define LIST_MAX_HEIGHT 300
#define LIST_WIDTH 440

typedef struct
{
  GtkWindow  *parent;
  EdStore    *store;
  EdCatalog  *catalog;
  guint       days;
  GPtrArray  *preview;
} Review;

static void
review_free (gpointer data)
{
  Review *review = data;

  g_clear_object (&review->parent);
  g_clear_object (&review->store);
  g_clear_object (&review->catalog);
  g_clear_pointer (&review->preview, g_ptr_array_unref);
  g_free (review);
}

static GtkWidget *
create_row (Review     *review,
            EdCaseInfo *info)
{
  GtkWidget *row = adw_action_row_new ();
  const char *title = ed_case_info_get_title (info);
  g_autofree char *procedure = ed_case_describe_procedure (review->catalog,
                                                           ed_case_info_get_procedure_id (info));
  g_autofree char *closed = ed_case_format_day (ed_case_info_get_closed (info));
  g_autofree char *subtitle = NULL;

  /* Translators: a case to be deleted: its procedure, then its reference and the day it
   * was closed */
  subtitle = g_strdup_printf (_("%s\n%s · closed %s"), procedure,
                              ed_case_info_get_reference (info), closed);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 *title != '\0' ? title : _("No traveller named yet"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (row, ed_case_info_get_reference (info));

  return row;
}

static GtkWidget *
create_list (Review *review)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cases to delete"),
                                  -1);
  for (guint i = 0; i < review->preview->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         create_row (review, g_ptr_array_index (review->preview, i)));

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), LIST_MAX_HEIGHT);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_size_request (scrolled, LIST_WIDTH, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);

  return scrolled;
}

static void
purged_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (ed_store_purge_finish (ED_STORE (object), result, &n, &error))
    g_task_return_int (task, n);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             GTask            *task)
{
  Review *review = g_task_get_task_data (task);

  /* One answer: the task is finished by it. */
  g_signal_handlers_disconnect_by_func (dialog, response_cb, task);
  if (g_strcmp0 (response, "delete") != 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Nothing was deleted");
      g_object_unref (task);
      return;
    }

  ed_store_purge_async (review->store, review->preview, review->days,
                        g_task_get_cancellable (task), purged_cb, task);
}

static void
show_nothing_to_delete (GTask *task)
{
  Review *review = g_task_get_task_data (task);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "No case was closed more than %u day ago.",
                                       "No case was closed more than %u days ago.",
                                       review->days),
                          review->days);
  dialog = adw_message_dialog_new (review->parent, _("No Old Cases"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));

  g_task_return_int (task, 0);
  g_object_unref (task);
}

static void
show_preview (GTask *task)
{
  Review *review = g_task_get_task_data (task);
  guint n = review->preview->len;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete %u Old Case?",
                                          "Delete %u Old Cases?", n), n);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "These cases were closed more than %u day ago. They will be "
                                       "deleted with their travellers and sheet log, and cannot be "
                                       "restored.",
                                       "These cases were closed more than %u days ago. "
                                       "They will be deleted with their travellers and sheet log, "
                                       "and cannot be restored.",
                                       review->days),
                          review->days);
  dialog = adw_message_dialog_new (review->parent, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), create_list (review));
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), task);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
previewed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  Review *review = g_task_get_task_data (task);
  GError *error = NULL;

  review->preview = ed_store_purge_preview_finish (ED_STORE (object), result, &error);
  if (review->preview == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
    }
  else if (review->preview->len == 0)
    show_nothing_to_delete (task);
  else
    show_preview (task);
}

/**
 * ed_purge_review_async:
 * @parent: (nullable): the window of the dialogs
 * @catalog: (nullable): for the procedures' titles
 * @older_than_days: the retention period
 *
 * Lists the closed cases closed more than @older_than_days ago in a
 * dialog and deletes them if staff confirm. Finishes with
 * %G_IO_ERROR_CANCELLED when they did not.
 */
void
ed_purge_review_async (GtkWindow           *parent,
                       EdStore             *store,
                       EdCatalog           *catalog,
                       guint                older_than_days,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  GTask *task;
  Review *review;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (ED_IS_STORE (store));

  review = g_new0 (Review, 1);
  review->parent = parent != NULL ? g_object_ref (parent) : NULL;
  review->store = g_object_ref (store);
  review->catalog = catalog != NULL ? g_object_ref (catalog) : NULL;
  review->days = older_than_days;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ed_purge_review_async);
  g_task_set_task_data (task, review, review_free);
  ed_store_purge_preview_async (store, older_than_days, cancellable, previewed_cb, task);
}

/**
 * ed_purge_review_finish:
 * @n_purged: (out) (optional): how many cases were deleted; 0 when
 *   there was nothing to delete
 */
gboolean
ed_purge_review_finish (GAsyncResult  *result,
                        guint         *n_purged,
                        GError       **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;

  if (n_purged != NULL)
    *n_purged = (guint) n;
  return TRUE;
}

/**
 * ed_purge_review_finish_toast:
 * @result: of ed_purge_review_async()
 *
 * Returns: (transfer full) (nullable): a toast saying how many cases
 *   were deleted, or why none could be; %NULL when staff cancelled or
 *   nothing was old enough, which they saw
 */
AdwToast *
ed_purge_review_finish_toast (GAsyncResult *result)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint n = 0;

  if (!ed_purge_review_finish (result, &n, &error))
    return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
           ? NULL : ed_toast_new_lasting (error->message);

  if (n == 0)
    return NULL;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Deleted %u old case",
                                        "Deleted %u old cases", n), n);
  return ed_toast_new (title, ED_TOAST_TIMEOUT_DEFAULT);
}

/* The reminder at start-up. */

typedef struct
{
  GtkWindow      *parent;
  EdStore        *store;
  EdCatalog      *catalog;
  guint           days;
  EdToastFunc     show_toast;
  gpointer        user_data;
  GDestroyNotify  destroy;
} Reminder;

static void
reminder_free (gpointer data)
{
  Reminder *reminder = data;

  g_clear_object (&reminder->parent);
  g_clear_object (&reminder->store);
  g_clear_object (&reminder->catalog);
  if (reminder->destroy != NULL)
    reminder->destroy (reminder->user_data);
  g_free (reminder);
}

static void
reminded_review_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Reminder *reminder = user_data;
  AdwToast *toast = ed_purge_review_finish_toast (result);

  if (toast != NULL)
    reminder->show_toast (toast, reminder->user_data);
  reminder_free (reminder);
}

static void
review_clicked_cb (AdwToast *toast,
                   Reminder *reminder)
{
  /* The toast goes; the review keeps what it needs. */
  g_signal_handlers_disconnect_by_func (toast, review_clicked_cb, reminder);
  g_object_steal_data (G_OBJECT (toast), "ed-reminder");
  ed_purge_review_async (reminder->parent, reminder->store, reminder->catalog,
                         reminder->days, NULL, reminded_review_cb, reminder);
}

static void
reminder_previewed_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  Reminder *reminder = user_data;
  g_autoptr(GPtrArray) preview = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  preview = ed_store_purge_preview_finish (ED_STORE (object), result, NULL);
  if (preview == NULL || preview->len == 0)
    {
      reminder_free (reminder);
      return;
    }

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u closed case is past the retention period",
                                        "%u closed cases are past the retention period",
                                        preview->len),
                           preview->len);
  toast = ed_toast_new_lasting (title);
  adw_toast_set_button_label (toast, _("_Review…"));
  g_object_set_data_full (G_OBJECT (toast), "ed-reminder", reminder, reminder_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (review_clicked_cb), reminder);
  reminder->show_toast (toast, reminder->user_data);
}

/**
 * ed_purge_review_remind:
 * @parent: (nullable): the window the review is modal to
 * @show_toast: shows the reminder, and what the review did
 * @user_data: for @show_toast
 * @destroy: (nullable): frees @user_data once no toast is to come
 *
 * When closed cases are past the retention period, says so in a toast
 * whose Review button shows them (ed_purge_review_async()). Nothing is
 * deleted without staff: the desk reminds, staff decide.
 */
void
ed_purge_review_remind (GtkWindow      *parent,
                        EdStore        *store,
                        EdCatalog      *catalog,
                        EdToastFunc     show_toast,
                        gpointer        user_data,
                        GDestroyNotify  destroy)
{
  Reminder *reminder;
  guint days;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (ED_IS_STORE (store));
  g_return_if_fail (show_toast != NULL);

  days = ed_store_get_retention_days (store);
  if (days == 0)
    {
      if (destroy != NULL)
        destroy (user_data);
      return;
    }

  reminder = g_new0 (Reminder, 1);
  reminder->parent = parent != NULL ? g_object_ref (parent) : NULL;
  reminder->store = g_object_ref (store);
  reminder->catalog = catalog != NULL ? g_object_ref (catalog) : NULL;
  reminder->days = days;
  reminder->show_toast = show_toast;
  reminder->user_data = user_data;
  reminder->destroy = destroy;
  ed_store_purge_preview_async (store, days, NULL, reminder_previewed_cb, reminder);
}
