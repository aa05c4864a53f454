/* ed-update-toast.c — what an update of the procedures did, as a toast
 *
 * Toasts are short, but an update's messages are sentences that name a
 * file and a feed: the toast shows them whole, wrapped, and a failure
 * stays until it is dismissed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-error.h"
#include "ed-toast.h"
#include "ed-update-toast.h"

static void
show_details (GtkWindow *parent,
              AdwToast  *toast)
{
  const char *details = g_object_get_data (G_OBJECT (toast), "details");
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, _("Procedures Updated"), details);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* “2 procedures changed: A, B” names them all; the details list how. */
static char *
describe_changes (GPtrArray *changes)
{
  EdLanguage language = ed_language_for_ui ();
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < changes->len; i++)
    {
      const EdFeedChange *change = g_ptr_array_index (changes, i);

      if (i > 0)
        /* Translators: between the names of procedures in a list */
        g_string_append (names, C_("list separator", ", "));
      g_string_append (names, change->title != NULL ? ed_text_lookup (change->title, language)
                                                    : change->id);
    }

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: the number, then the procedures' names */
                                       "%u procedure changed: %s",
                                       "%u procedures changed: %s",
                                       changes->len),
                          changes->len, names->str);
}

static AdwToast *
create_result_toast (EdFeedResult *result,
                     GtkWindow    *parent)
{
  GPtrArray *changes = ed_feed_result_get_changes (result);
  g_autofree char *text = NULL;
  AdwToast *toast;

  if (ed_feed_result_get_outcome (result) != ED_FEED_OUTCOME_CHANGED || changes->len <= 1)
    {
      text = ed_feed_result_get_summary (result, ed_language_for_ui ());
      return ed_toast_new_wrapped (NULL, text, ED_TOAST_TIMEOUT_DEFAULT);
    }

  text = describe_changes (changes);
  /* Long enough to reach Details. */
  toast = ed_toast_new_wrapped (NULL, text, 10);
  if (parent != NULL)
    {
      g_object_set_data_full (G_OBJECT (toast), "details",
                              ed_feed_result_describe (result, ed_language_for_ui ()), g_free);
      adw_toast_set_button_label (toast, _("_Details"));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (show_details),
                               parent, G_CONNECT_SWAPPED);
    }

  return toast;
}

/**
 * ed_update_toast_new:
 * @result: (nullable): what the update did
 * @error: (nullable): why it failed, when @result is %NULL
 * @parent: (nullable): the window of the details dialog
 *
 * Returns: (transfer full) (nullable): a toast that says what was added
 *   or updated, or why nothing was; %NULL when the update was cancelled,
 *   since whoever cancelled it knows
 */
AdwToast *
ed_update_toast_new (EdFeedResult *result,
                     const GError *error,
                     GtkWindow    *parent)
{
  AdwToast *toast;

  g_return_val_if_fail ((result == NULL) != (error == NULL), NULL);

  if (result != NULL)
    return create_result_toast (result, parent);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return NULL;

  if (!g_error_matches (error, ED_ERROR, ED_ERROR_NOT_FOUND))
    return ed_toast_new_wrapped (_("Procedures Not Updated"), error->message,
                                 ED_TOAST_TIMEOUT_LASTING);

  toast = ed_toast_new_wrapped (NULL, error->message, ED_TOAST_TIMEOUT_LASTING);
  adw_toast_set_button_label (toast, _("_Preferences"));
  adw_toast_set_detailed_action_name (toast, "app.show-preferences-page::updates");

  return toast;
}
