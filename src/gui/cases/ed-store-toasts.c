/* ed-store-toasts.c — what the case store tells staff, as toasts
 *
 * Both stay until dismissed, in the window's bar (ed_window_add_toast()):
 * a damaged database that was replaced, and changes that could not be
 * written (a full disk). The store keeps
 * unsaved changes in memory and tries again every few seconds, so staff
 * are told to keep the app open and make room; the application replaces
 * the warning with "saved" once a save works again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-store-toasts.h"
#include "ed-toast.h"

static void
show_recovery_details (GtkWindow *parent,
                       AdwToast  *toast)
{
  const char *message = g_object_get_data (G_OBJECT (toast), "ed-recovery");
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strconcat (message, "\n\n",
                      _("Ask your administrator to recover what the old file still holds. "
                        "Entry Desk never deletes it."),
                      NULL);
  dialog = adw_message_dialog_new (parent, _("Case Database Damaged"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * ed_store_recovery_toast_new:
 * @recovery: what ed_store_get_recovery() said
 * @parent: (nullable): the window of the details dialog
 *
 * Returns: (transfer full): a toast that stays, with the details (where
 *   the damaged file was kept) a click away
 */
AdwToast *
ed_store_recovery_toast_new (const GError *recovery,
                             GtkWindow    *parent)
{
  AdwToast *toast;

  g_return_val_if_fail (recovery != NULL, NULL);

  toast = ed_toast_new_wrapped (NULL, _("The case database was damaged. It was kept aside and a "
                                        "new one was started."),
                                ED_TOAST_TIMEOUT_LASTING);
  g_object_set_data_full (G_OBJECT (toast), "ed-recovery", g_strdup (recovery->message), g_free);
  if (parent != NULL)
    {
      adw_toast_set_button_label (toast, _("_Details"));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (show_recovery_details),
                               parent, G_CONNECT_SWAPPED);
    }

  return toast;
}

/* Returns: (transfer full): a toast that stays until saving works again */
AdwToast *
ed_store_save_failed_toast_new (const GError *error)
{
  g_autofree char *text = NULL;
  AdwToast *toast;

  /* Translators: %s says why the changes could not be written, e.g. that the disk is full */
  text = g_strdup_printf (_("%s. Entry Desk keeps your changes and tries again every few "
                            "seconds: keep it open, and make room on the disk."),
                          error->message);
  toast = ed_toast_new_wrapped (_("Changes Not Saved"), text, ED_TOAST_TIMEOUT_LASTING);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);

  return toast;
}

/* Returns: (transfer full): "saved", after a save that failed worked */
AdwToast *
ed_store_saved_toast_new (void)
{
  return ed_toast_new (_("All changes are saved now"), ED_TOAST_TIMEOUT_DEFAULT);
}
