/* ed-letterhead-group.c — Preferences: the firm's letterhead on its sheets
 *
 * The office's name, address, phone, e-mail, the handler and a logo, kept
 * in GSettings and printed on every sheet the window makes. The command
 * line takes the same as an office file (--office).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-letterhead-group.h"
#include "ed-toast.h"

struct _EdLetterheadGroup
{
  AdwPreferencesGroup  parent_instance;

  GSettings           *settings;
  GtkNativeDialog     *chooser;

  AdwEntryRow         *name_row;
  AdwEntryRow         *address_row;
  AdwEntryRow         *phone_row;
  AdwEntryRow         *email_row;
  AdwEntryRow         *handler_row;
  AdwActionRow        *logo_row;
  GtkWidget           *logo_clear_button;
};

G_DEFINE_FINAL_TYPE (EdLetterheadGroup, ed_letterhead_group, ADW_TYPE_PREFERENCES_GROUP)

/* The settings key of each text of the letterhead, and the office file's. */
static const struct
{
  const char *setting;
  const char *office_key;
} texts[] = {
  { "letterhead-address", "address" },
  { "letterhead-phone", "phone" },
  { "letterhead-email", "email" },
  { "letterhead-handler", "handler" },
};

/**
 * ed_letterhead_from_settings:
 *
 * Returns: (transfer full) (nullable): the letterhead set in Preferences;
 *   %NULL without an office name (no letterhead), or with @error when
 *   its logo cannot be printed
 */
EdSheetOffice *
ed_letterhead_from_settings (GSettings  *settings,
                             GError    **error)
{
  g_autofree char *name = g_settings_get_string (settings, "letterhead-name");
  g_autofree char *logo = g_settings_get_string (settings, "letterhead-logo");
  g_autoptr(EdSheetOffice) office = NULL;

  g_strstrip (name);
  if (*name == '\0')
    return NULL;

  office = ed_sheet_office_new (name);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *value = g_settings_get_string (settings, texts[i].setting);

      g_strstrip (value);
      if (*value != '\0')
        ed_sheet_office_set (office, texts[i].office_key, value);
    }

  if (*logo != '\0' && !ed_sheet_office_set_logo (office, logo, error))
    return NULL;

  return g_steal_pointer (&office);
}

static void
update_logo (EdLetterheadGroup *self)
{
  g_autofree char *logo = g_settings_get_string (self->settings, "letterhead-logo");
  g_autofree char *shown = NULL;

  if (*logo != '\0')
    shown = g_filename_display_name (logo);
  adw_action_row_set_subtitle (self->logo_row, shown != NULL ? shown : _("None"));
  gtk_widget_set_visible (self->logo_clear_button, *logo != '\0');
}

static void
show_toast (EdLetterheadGroup *self,
            const char        *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwToastOverlay *overlay = root != NULL ? ed_toast_find_overlay (GTK_WIDGET (root)) : NULL;

  if (overlay != NULL)
    ed_toast_overlay_add (overlay, ed_toast_new_lasting (text));
}

/* A logo is tried before it is kept: one that cannot be printed is
 * refused here, with the reason, not found out at the next sheet. */
static void
chooser_response_cb (EdLetterheadGroup *self,
                     int                response,
                     GtkNativeDialog   *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(EdSheetOffice) trial = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  path = g_file_get_path (file);
  trial = ed_sheet_office_new ("-");
  if (path == NULL || !ed_sheet_office_set_logo (trial, path, &error))
    {
      g_autofree char *text = NULL;

      /* Translators: %s says why the chosen file cannot be the logo */
      text = g_strdup_printf (_("This logo cannot be used: %s"),
                              error != NULL ? error->message : _("choose a file on this computer"));
      show_toast (self, text);
      return;
    }

  g_settings_set_string (self->settings, "letterhead-logo", path);
}

static void
logo_choose_cb (EdLetterheadGroup *self)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Choose a Logo"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), NULL);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("SVG or PNG images"));
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
logo_clear_cb (EdLetterheadGroup *self)
{
  g_settings_set_string (self->settings, "letterhead-logo", "");
}

void
ed_letterhead_group_set_settings (EdLetterheadGroup *self,
                                  GSettings         *settings)
{
  AdwEntryRow *rows[] = { self->address_row, self->phone_row, self->email_row,
                          self->handler_row };

  g_return_if_fail (ED_IS_LETTERHEAD_GROUP (self));
  g_return_if_fail (self->settings == NULL);

  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "letterhead-name", self->name_row, "text", G_SETTINGS_BIND_DEFAULT);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_settings_bind (settings, texts[i].setting, rows[i], "text", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (settings, "changed::letterhead-logo", G_CALLBACK (update_logo), self,
                           G_CONNECT_SWAPPED);
  update_logo (self);
}

static void
ed_letterhead_group_dispose (GObject *object)
{
  EdLetterheadGroup *self = ED_LETTERHEAD_GROUP (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ed_letterhead_group_parent_class)->dispose (object);
}

static void
ed_letterhead_group_class_init (EdLetterheadGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_letterhead_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entrydesk/EntryDesk/"
                                               "sheet/ed-letterhead-group.ui");
  gtk_widget_class_bind_template_child (widget_class, EdLetterheadGroup, name_row);
  gtk_widget_class_bind_template_child (widget_class, EdLetterheadGroup, address_row);
  gtk_widget_class_bind_template_child (widget_class, EdLetterheadGroup, phone_row);
  gtk_widget_class_bind_template_child (widget_class, EdLetterheadGroup, email_row);
  gtk_widget_class_bind_template_child (widget_class, EdLetterheadGroup, handler_row);
  gtk_widget_class_bind_template_child (widget_class, EdLetterheadGroup, logo_row);
  gtk_widget_class_bind_template_child (widget_class, EdLetterheadGroup, logo_clear_button);
  gtk_widget_class_bind_template_callback (widget_class, logo_choose_cb);
  gtk_widget_class_bind_template_callback (widget_class, logo_clear_cb);
}

static void
ed_letterhead_group_init (EdLetterheadGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
