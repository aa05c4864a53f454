/* ed-mrz-box-replace.c — an MRZ read never overwrites what was typed
 * unasked
 *
 * A second MRZ pasted over a traveller whose name staff corrected by
 * hand (the MRZ's ERIKSSON<<ANNA<MARIA has no accents, the visual zone
 * does) would silently undo the correction. So the box first works out
 * what the read would change; where that is a value typed by hand (not
 * one an earlier read put there), it asks: keep what was typed, or
 * replace it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-field-row.h"
#include "ed-mrz-box-private.h"

/**
 * _ed_mrz_box_preview:
 *
 * Returns: (transfer full): a scratch traveller holding @traveller's
 *   details an MRZ fills, as they would be once @mrz is read
 */
EdTraveller *
_ed_mrz_box_preview (EdTraveller *traveller,
                     const EdMrz *mrz)
{
  EdTraveller *preview = ed_traveller_new ();

  for (guint i = 0; _ed_mrz_box_filled_keys[i] != NULL; i++)
    ed_traveller_set (preview, _ed_mrz_box_filled_keys[i],
                      ed_traveller_get (traveller, _ed_mrz_box_filled_keys[i]));
  ed_mrz_apply_to_traveller (mrz, preview);

  return preview;
}

/**
 * _ed_mrz_box_find_typed:
 * @read_values: (nullable): what the last read put in each key
 *
 * Returns: (transfer container) (element-type utf8): the keys whose
 *   value, typed by hand, @preview would replace
 */
GPtrArray *
_ed_mrz_box_find_typed (EdTraveller *traveller,
                        EdTraveller *preview,
                        GHashTable  *read_values)
{
  GPtrArray *typed = g_ptr_array_new ();

  for (guint i = 0; _ed_mrz_box_filled_keys[i] != NULL; i++)
    {
      const char *key = _ed_mrz_box_filled_keys[i];
      const char *now = ed_traveller_get (traveller, key);
      const char *read = read_values != NULL ? g_hash_table_lookup (read_values, key) : NULL;

      if (now == NULL || *now == '\0' || g_strcmp0 (now, ed_traveller_get (preview, key)) == 0)
        continue;
      if (g_strcmp0 (now, read) == 0)
        continue;
      g_ptr_array_add (typed, (gpointer) key);
    }

  return typed;
}

static char *
dup_titles (GPtrArray *keys)
{
  GString *titles = g_string_new (NULL);

  for (guint i = 0; i < keys->len; i++)
    {
      if (i > 0)
        /* Translators: between the names of fields in a sentence. */
        g_string_append (titles, C_("list separator", ", "));
      g_string_append (titles, ed_field_row_key_title (g_ptr_array_index (keys, i)));
    }

  return g_string_free (titles, FALSE);
}

/**
 * _ed_mrz_box_ask_replace:
 * @typed: (element-type utf8): the keys typed by hand that the read
 *   would replace
 * @response_cb: called with "keep" or "replace"
 *
 * Returns: (transfer none): the dialog asking, on @self's window
 */
GtkWidget *
_ed_mrz_box_ask_replace (EdMrzBox  *self,
                         GPtrArray *typed,
                         GCallback  response_cb)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *titles = dup_titles (typed);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (_("The passport says something else for %s, typed by hand. "
                            "Keep what was typed, or replace it with what the passport says?"),
                          titles);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Replace Details Typed by Hand?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Typed"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  /* Enter and Escape both keep: nothing typed goes unless chosen. */
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response", response_cb, self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}
