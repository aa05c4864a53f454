/* ed-office-group.c — Preferences: the office database
 *
 * Where the desk keeps its cases: on the desk, or in the office's
 * PostgreSQL database (host, port, database, user name, how the
 * connection is secured). The address goes into the settings without a
 * password; the password goes into the desktop keyring, in a worker
 * thread (ed_store_pg_store_password()). Verifying the server's
 * certificate is the default. The application opens the new store as
 * soon as the setting changes, after saving what was typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ed-core.h"
#include "ed-office-group.h"
#include "ed-store-pg.h"

struct _EdOfficeGroup
{
  AdwPreferencesGroup  parent_instance;

  GSettings           *settings;
  GCancellable        *cancellable;
  gboolean             loading;

  GtkSwitch           *use_switch;
  AdwEntryRow         *host_row;
  AdwEntryRow         *port_row;
  AdwEntryRow         *database_row;
  AdwEntryRow         *user_row;
  AdwEntryRow         *password_row;
  AdwComboRow         *tls_row;
  AdwActionRow        *apply_row;
  GtkButton           *apply_button;
};

G_DEFINE_FINAL_TYPE (EdOfficeGroup, ed_office_group, ADW_TYPE_PREFERENCES_GROUP)

/* The order of the TLS row's items. */
static const char * const ssl_modes[] = { "verify-full", "require", "disable" };

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static const char *
get_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
load (EdOfficeGroup *self)
{
  g_autofree char *uri = g_settings_get_string (self->settings, "office-database");
  g_autoptr(GUri) parsed = *uri != '\0' ? g_uri_parse (uri, G_URI_FLAGS_NONE, NULL) : NULL;
  guint mode = 0;

  self->loading = TRUE;
  gtk_switch_set_active (self->use_switch, parsed != NULL);
  if (parsed != NULL)
    {
      const char *path = g_uri_get_path (parsed);
      const char *query = g_uri_get_query (parsed);
      g_autofree char *port = g_uri_get_port (parsed) > 0
                              ? g_strdup_printf ("%d", g_uri_get_port (parsed)) : NULL;

      set_text (self->host_row, g_uri_get_host (parsed));
      set_text (self->port_row, port);
      set_text (self->database_row, path[0] == '/' ? path + 1 : path);
      set_text (self->user_row, g_uri_get_user (parsed));
      for (guint i = 0; query != NULL && i < G_N_ELEMENTS (ssl_modes); i++)
        {
          g_autofree char *setting = g_strconcat ("sslmode=", ssl_modes[i], NULL);

          if (strstr (query, setting) != NULL)
            mode = i;
        }
    }
  adw_combo_row_set_selected (self->tls_row, mode);
  self->loading = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), FALSE);
}

static void
changed_cb (EdOfficeGroup *self)
{
  gboolean use = gtk_switch_get_active (self->use_switch);

  gtk_widget_set_sensitive (GTK_WIDGET (self->host_row), use);
  gtk_widget_set_sensitive (GTK_WIDGET (self->port_row), use);
  gtk_widget_set_sensitive (GTK_WIDGET (self->database_row), use);
  gtk_widget_set_sensitive (GTK_WIDGET (self->user_row), use);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_row), use);
  gtk_widget_set_sensitive (GTK_WIDGET (self->tls_row), use);
  if (self->loading || self->settings == NULL)
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button),
                            !use || (*get_text (self->host_row) != '\0' &&
                                     *get_text (self->database_row) != '\0' &&
                                     *get_text (self->user_row) != '\0'));
  adw_action_row_set_subtitle (self->apply_row, "");
}

typedef struct
{
  char *uri;
  char *password;
} Saving;

static void
saving_free (gpointer data)
{
  Saving *saving = data;

  g_free (saving->uri);
  if (saving->password != NULL)
    memset (saving->password, 0, strlen (saving->password));
  g_free (saving->password);
  g_free (saving);
}

static void
save_password_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  Saving *saving = task_data;
  GError *error = NULL;

  if (ed_store_pg_store_password (saving->uri, saving->password, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
password_saved_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  EdOfficeGroup *self = ED_OFFICE_GROUP (object);
  Saving *saving = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_action_row_set_subtitle (self->apply_row, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), TRUE);
      return;
    }

  g_settings_set_string (self->settings, "office-database", saving->uri);
  set_text (self->password_row, "");
  adw_action_row_set_subtitle (self->apply_row,
                               _("Saved. Entry Desk now keeps cases in the office database."));
}

static void
apply_clicked_cb (EdOfficeGroup *self)
{
  g_autoptr(GTask) task = NULL;
  guint64 port = 0;
  Saving *saving;

  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), FALSE);
  if (!gtk_switch_get_active (self->use_switch))
    {
      g_settings_set_string (self->settings, "office-database", "");
      adw_action_row_set_subtitle (self->apply_row,
                                   _("Saved. Entry Desk now keeps cases on this desk."));
      return;
    }

  if (*get_text (self->port_row) != '\0' &&
      !g_ascii_string_to_unsigned (get_text (self->port_row), 10, 1, 65535, &port, NULL))
    {
      adw_action_row_set_subtitle (self->apply_row, _("The port is a number from 1 to 65535"));
      return;
    }

  saving = g_new0 (Saving, 1);
  saving->uri = ed_store_pg_make_uri (get_text (self->host_row), (guint) port,
                                      get_text (self->database_row), get_text (self->user_row),
                                      ssl_modes[MIN (adw_combo_row_get_selected (self->tls_row),
                                                     G_N_ELEMENTS (ssl_modes) - 1)]);
  saving->password = g_strdup (get_text (self->password_row));

  task = g_task_new (self, self->cancellable, password_saved_cb, NULL);
  g_task_set_task_data (task, saving, saving_free);
  if (*saving->password == '\0')
    g_task_return_boolean (task, TRUE);     /* kept as it was, or in ~/.pgpass */
  else
    g_task_run_in_thread (task, save_password_thread);
}

/**
 * ed_office_group_set_settings:
 *
 * Shows and keeps the office-database setting.
 */
void
ed_office_group_set_settings (EdOfficeGroup *self,
                              GSettings     *settings)
{
  g_return_if_fail (ED_IS_OFFICE_GROUP (self));

  g_set_object (&self->settings, settings);
  load (self);
  changed_cb (self);
}

static void
ed_office_group_dispose (GObject *object)
{
  EdOfficeGroup *self = ED_OFFICE_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ed_office_group_parent_class)->dispose (object);
}

static void
ed_office_group_class_init (EdOfficeGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_office_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entrydesk/EntryDesk/cases/"
                                               "ed-office-group.ui");
  gtk_widget_class_bind_template_child (widget_class, EdOfficeGroup, use_switch);
  gtk_widget_class_bind_template_child (widget_class, EdOfficeGroup, host_row);
  gtk_widget_class_bind_template_child (widget_class, EdOfficeGroup, port_row);
  gtk_widget_class_bind_template_child (widget_class, EdOfficeGroup, database_row);
  gtk_widget_class_bind_template_child (widget_class, EdOfficeGroup, user_row);
  gtk_widget_class_bind_template_child (widget_class, EdOfficeGroup, password_row);
  gtk_widget_class_bind_template_child (widget_class, EdOfficeGroup, tls_row);
  gtk_widget_class_bind_template_child (widget_class, EdOfficeGroup, apply_row);
  gtk_widget_class_bind_template_child (widget_class, EdOfficeGroup, apply_button);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, apply_clicked_cb);
}

static void
ed_office_group_init (EdOfficeGroup *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
