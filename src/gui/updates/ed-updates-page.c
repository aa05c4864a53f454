/* ed-updates-page.c — Preferences: where procedure updates come from and whom to trust
 *
 * Every list here is the setting itself: rows are rebuilt when the
 * setting changes and adding or removing writes it at once. What the
 * user types is checked with the feed client's own rules, and a refusal
 * is explained under the list while the row turns red. Check Now is
 * the application's app.check-updates: the application says what the
 * update did, in Preferences while it is open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-signing.h"
#include "ed-system-keys.h"
#include "ed-update-progress.h"
#include "ed-updates-page.h"

struct _EdUpdatesPage
{
  AdwPreferencesPage   parent_instance;

  GSettings           *settings;
  EdUpdater           *updater;
  GCancellable        *cancellable;   /* reading the administrator's keys */

  GtkSwitch           *at_start_switch;
  GtkButton           *check_button;
  EdUpdateProgress    *progress;
  GtkListBox          *feeds_list;
  AdwEntryRow         *feed_entry;
  GtkButton           *add_feed_button;
  GtkLabel            *feed_error;
  GtkListBox          *keys_list;
  AdwEntryRow         *key_entry;
  GtkButton           *add_key_button;
  GtkLabel            *key_error;
  AdwPreferencesGroup *system_keys_group;
  GtkListBox          *system_keys_list;
};

G_DEFINE_FINAL_TYPE (EdUpdatesPage, ed_updates_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_UPDATER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The setting and the value that a remove button takes out. */
static void
remove_clicked_cb (EdUpdatesPage *self,
                   GtkButton     *button)
{
  const char *key = g_object_get_data (G_OBJECT (button), "setting");
  const char *value = g_object_get_data (G_OBJECT (button), "value");
  g_auto(GStrv) values = g_settings_get_strv (self->settings, key);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;

  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) != 0)
      g_strv_builder_add (kept, values[i]);

  result = g_strv_builder_end (kept);
  g_settings_set_strv (self->settings, key, (const char * const *) result);
}

static GtkWidget *
create_row (EdUpdatesPage *self,
            const char    *title,
            const char    *subtitle,
            const char    *setting,
            const char    *value)
{
  g_autofree char *remove_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (setting == NULL)
    return row;

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove"));
  /* Translators: what a remove button does, for screen readers */
  remove_label = g_strdup_printf (_("Remove “%s”"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "setting", g_strdup (setting), g_free);
  g_object_set_data_full (G_OBJECT (button), "value", g_strdup (value), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_sensitive (button, g_settings_is_writable (self->settings, setting));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

/* Removes every row but @keep, the entry row at the end. */
static void
clear_list (GtkListBox *list,
            GtkWidget  *keep)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (child != keep && GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (list, child);
      child = next;
    }
}

static void
feeds_changed_cb (EdUpdatesPage *self)
{
  g_auto(GStrv) urls = g_settings_get_strv (self->settings, "feed-urls");

  clear_list (self->feeds_list, GTK_WIDGET (self->feed_entry));
  for (guint i = 0; urls[i] != NULL; i++)
    gtk_list_box_insert (self->feeds_list, create_row (self, urls[i], NULL, "feed-urls", urls[i]),
                         (int) i);
}

static void
keys_changed_cb (EdUpdatesPage *self)
{
  g_auto(GStrv) keys = g_settings_get_strv (self->settings, "trusted-keys");

  clear_list (self->keys_list, GTK_WIDGET (self->key_entry));
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EdPublicKey) key = ed_public_key_parse (keys[i], &error);
      GtkWidget *row;

      /* Only a hand-edited setting can hold a bad key; say why it is unused. */
      if (key == NULL)
        row = create_row (self, keys[i], error->message, "trusted-keys", keys[i]);
      else
        row = create_row (self,
                          ed_public_key_get_comment (key) != NULL ? ed_public_key_get_comment (key)
                                                                  : _("Key without a name"),
                          ed_public_key_get_base64 (key), "trusted-keys", keys[i]);
      gtk_list_box_insert (self->keys_list, row, (int) i);
    }
}

static void
show_error (AdwEntryRow *entry,
            GtkLabel    *label,
            const char  *message)
{
  gtk_label_set_label (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);

  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (entry),
                                      GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE, label,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE);
    }
}

/* Returns: (transfer full): what the user typed, without the spaces around it */
static char *
dup_entry_text (AdwEntryRow *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static void
append_setting (EdUpdatesPage *self,
                const char    *setting,
                const char    *value)
{
  g_auto(GStrv) values = g_settings_get_strv (self->settings, setting);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;

  g_strv_builder_addv (builder, (const char **) values);
  g_strv_builder_add (builder, value);
  result = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, setting, (const char * const *) result);
}

static void
feed_entry_changed_cb (EdUpdatesPage *self)
{
  g_autofree char *text = dup_entry_text (self->feed_entry);

  show_error (self->feed_entry, self->feed_error, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_feed_button), *text != '\0');
}

static void
add_feed_cb (EdUpdatesPage *self)
{
  g_autofree char *url = dup_entry_text (self->feed_entry);
  g_auto(GStrv) urls = g_settings_get_strv (self->settings, "feed-urls");
  g_autoptr(GError) error = NULL;

  if (*url == '\0')
    return;

  if (!ed_feed_check_url (url, &error))
    {
      show_error (self->feed_entry, self->feed_error, error->message);
      return;
    }
  if (g_strv_contains ((const char * const *) urls, url))
    {
      show_error (self->feed_entry, self->feed_error, _("This feed is already in the list."));
      return;
    }

  append_setting (self, "feed-urls", url);
  gtk_editable_set_text (GTK_EDITABLE (self->feed_entry), "");
}

static void
key_entry_changed_cb (EdUpdatesPage *self)
{
  g_autofree char *text = dup_entry_text (self->key_entry);

  show_error (self->key_entry, self->key_error, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_key_button), *text != '\0');
}

static gboolean
key_is_trusted (EdUpdatesPage     *self,
                const EdPublicKey *key)
{
  g_auto(GStrv) keys = g_settings_get_strv (self->settings, "trusted-keys");

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(EdPublicKey) known = ed_public_key_parse (keys[i], NULL);

      if (known != NULL && ed_public_key_equal (known, key))
        return TRUE;
    }

  return FALSE;
}

static void
add_key_cb (EdUpdatesPage *self)
{
  g_autofree char *text = dup_entry_text (self->key_entry);
  g_autoptr(EdPublicKey) key = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  if (*text == '\0')
    return;

  if (!ed_feed_check_key (text, &error))
    {
      show_error (self->key_entry, self->key_error, error->message);
      return;
    }
  key = ed_public_key_parse (text, NULL);
  if (key_is_trusted (self, key))
    {
      show_error (self->key_entry, self->key_error, _("This key is already trusted."));
      return;
    }

  line = ed_public_key_to_string (key);
  append_setting (self, "trusted-keys", line);
  gtk_editable_set_text (GTK_EDITABLE (self->key_entry), "");
}

static void
system_keys_loaded_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(EdUpdatesPage) self = user_data;
  g_autoptr(GPtrArray) keys = ed_system_keys_load_finish (result, NULL);

  if (keys == NULL)
    return;   /* cancelled: the page is gone */

  for (guint i = 0; i < keys->len; i++)
    {
      const EdSystemKey *system_key = g_ptr_array_index (keys, i);
      g_autofree char *from = g_strdup_printf (_("From %s"), system_key->path);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (system_key->key == NULL)
        {
          row = create_row (self, from, system_key->error, NULL, NULL);
          gtk_widget_add_css_class (row, "error");
        }
      else
        {
          const char *comment = ed_public_key_get_comment (system_key->key);

          subtitle = g_strconcat (ed_public_key_get_base64 (system_key->key), "\n", from, NULL);
          row = create_row (self, comment != NULL ? comment : _("Key without a name"), subtitle,
                            NULL, NULL);
        }
      gtk_list_box_append (self->system_keys_list, row);
    }
}

static void
load_system_keys (EdUpdatesPage *self)
{
  g_auto(GStrv) dirs = ed_system_keys_get_dirs ();
  g_autofree char *description = NULL;

  /* Translators: two folders */
  description = g_strdup_printf (_("Keys that an administrator puts in %s or %s are trusted "
                                   "for everyone on this computer. They can be changed only "
                                   "there."), dirs[0], dirs[1]);
  adw_preferences_group_set_description (self->system_keys_group, description);

  ed_system_keys_load_async (self->cancellable, system_keys_loaded_cb, g_object_ref (self));
}

static void
update_check_button (EdUpdatesPage *self)
{
  gboolean running = self->updater != NULL
                     && ed_feed_get_running (ed_updater_get_feed (self->updater));

  gtk_widget_set_sensitive (GTK_WIDGET (self->check_button),
                            self->updater != NULL && self->settings != NULL &&
                            !running && ed_updater_has_feeds (self->updater));
}

/* The application runs the check and says what it did, here while
 * Preferences is open. */
static void
check_clicked_cb (EdUpdatesPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "app.check-updates", NULL);
}

void
ed_updates_page_set_settings (EdUpdatesPage *self,
                              GSettings     *settings)
{
  g_return_if_fail (ED_IS_UPDATES_PAGE (self));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (self->settings == NULL);

  self->settings = g_object_ref (settings);

  g_settings_bind (settings, "check-updates-at-start", self->at_start_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_writable (settings, "feed-urls", self->feed_entry, "sensitive", FALSE);
  g_settings_bind_writable (settings, "trusted-keys", self->key_entry, "sensitive", FALSE);
  g_signal_connect_object (settings, "changed::feed-urls", G_CALLBACK (feeds_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::feed-urls", G_CALLBACK (update_check_button), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::trusted-keys", G_CALLBACK (keys_changed_cb), self,
                           G_CONNECT_SWAPPED);
  feeds_changed_cb (self);
  keys_changed_cb (self);
  update_check_button (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTINGS]);
}

GSettings *
ed_updates_page_get_settings (EdUpdatesPage *self)
{
  g_return_val_if_fail (ED_IS_UPDATES_PAGE (self), NULL);

  return self->settings;
}

void
ed_updates_page_set_updater (EdUpdatesPage *self,
                             EdUpdater     *updater)
{
  g_return_if_fail (ED_IS_UPDATES_PAGE (self));
  g_return_if_fail (ED_IS_UPDATER (updater));
  g_return_if_fail (self->updater == NULL);

  self->updater = g_object_ref (updater);
  ed_update_progress_set_updater (self->progress, updater);
  g_signal_connect_object (ed_updater_get_feed (updater), "notify::running",
                           G_CALLBACK (update_check_button), self, G_CONNECT_SWAPPED);
  update_check_button (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATER]);
}

EdUpdater *
ed_updates_page_get_updater (EdUpdatesPage *self)
{
  g_return_val_if_fail (ED_IS_UPDATES_PAGE (self), NULL);

  return self->updater;
}

static void
ed_updates_page_dispose (GObject *object)
{
  EdUpdatesPage *self = ED_UPDATES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->updater);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ed_updates_page_parent_class)->dispose (object);
}

static void
ed_updates_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EdUpdatesPage *self = ED_UPDATES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_UPDATER:
      g_value_set_object (value, self->updater);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_updates_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  EdUpdatesPage *self = ED_UPDATES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      ed_updates_page_set_settings (self, g_value_get_object (value));
      break;

    case PROP_UPDATER:
      ed_updates_page_set_updater (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_updates_page_class_init (EdUpdatesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_updates_page_dispose;
  object_class->get_property = ed_updates_page_get_property;
  object_class->set_property = ed_updates_page_set_property;

  /* Both are set once. */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_UPDATER] =
    g_param_spec_object ("updater", NULL, NULL,
                         ED_TYPE_UPDATER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ED_TYPE_UPDATE_PROGRESS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entrydesk/EntryDesk/"
                                               "updates/ed-updates-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EdUpdatesPage, at_start_switch);
  gtk_widget_class_bind_template_child (widget_class, EdUpdatesPage, check_button);
  gtk_widget_class_bind_template_child (widget_class, EdUpdatesPage, progress);
  gtk_widget_class_bind_template_child (widget_class, EdUpdatesPage, feeds_list);
  gtk_widget_class_bind_template_child (widget_class, EdUpdatesPage, feed_entry);
  gtk_widget_class_bind_template_child (widget_class, EdUpdatesPage, add_feed_button);
  gtk_widget_class_bind_template_child (widget_class, EdUpdatesPage, feed_error);
  gtk_widget_class_bind_template_child (widget_class, EdUpdatesPage, keys_list);
  gtk_widget_class_bind_template_child (widget_class, EdUpdatesPage, key_entry);
  gtk_widget_class_bind_template_child (widget_class, EdUpdatesPage, add_key_button);
  gtk_widget_class_bind_template_child (widget_class, EdUpdatesPage, key_error);
  gtk_widget_class_bind_template_child (widget_class, EdUpdatesPage, system_keys_group);
  gtk_widget_class_bind_template_child (widget_class, EdUpdatesPage, system_keys_list);
  gtk_widget_class_bind_template_callback (widget_class, check_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, feed_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_feed_cb);
  gtk_widget_class_bind_template_callback (widget_class, key_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_key_cb);
}

static void
ed_updates_page_init (EdUpdatesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  load_system_keys (self);
}
