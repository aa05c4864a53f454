/* ed-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-cases-group.h"
#include "ed-letterhead-group.h"
#include "ed-office-group.h"
#include "ed-preferences-window.h"
#include "ed-toast.h"
#include "ed-updates-page.h"

struct _EdPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwComboRow          *style_row;
  GtkSpinButton        *review_days_button;
  GtkSwitch            *reminders_switch;
  GtkSpinButton        *reminder_days_spin;
  EdCasesGroup         *cases_group;
  EdLetterheadGroup    *letterhead_group;
  EdOfficeGroup        *office_group;
  EdUpdatesPage        *updates_page;
};

G_DEFINE_FINAL_TYPE (EdPreferencesWindow, ed_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The order of the rows in the combo row. */
static const char * const color_schemes[] = { "default", "light", "dark" };

static gboolean
style_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    {
      if (g_strcmp0 (scheme, color_schemes[i]) == 0)
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
style_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (color_schemes))
    selected = 0;

  return g_variant_new_string (color_schemes[selected]);
}

EdPreferencesWindow *
ed_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  return g_object_new (ED_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "settings", settings,
                       NULL);
}

/**
 * ed_preferences_window_set_updater:
 *
 * Lets the Updates page check for updates and show their progress.
 */
void
ed_preferences_window_set_updater (EdPreferencesWindow *self,
                                   EdUpdater           *updater)
{
  g_return_if_fail (ED_IS_PREFERENCES_WINDOW (self));

  ed_updates_page_set_updater (self->updates_page, updater);
}

/**
 * ed_preferences_window_set_store:
 * @store: (nullable): the case store, for the retention period; %NULL
 *   while it opens
 * @catalog: (nullable): for the procedures' titles
 */
void
ed_preferences_window_set_store (EdPreferencesWindow *self,
                                 EdStore             *store,
                                 EdCatalog           *catalog)
{
  g_return_if_fail (ED_IS_PREFERENCES_WINDOW (self));

  ed_cases_group_set_store (self->cases_group, store, catalog);
}

/* What the Cases group says. */
static void
add_toast_cb (EdPreferencesWindow *self,
              AdwToast            *toast)
{
  ed_toast_overlay_add (ed_toast_find_overlay (GTK_WIDGET (self)), g_object_ref (toast));
}

static void
ed_preferences_window_constructed (GObject *object)
{
  EdPreferencesWindow *self = ED_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (ed_preferences_window_parent_class)->constructed (object);

  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                style_get_mapping, style_set_mapping, NULL, NULL);
  ed_updates_page_set_settings (self->updates_page, self->settings);
  g_settings_bind (self->settings, "review-max-days",
                   gtk_spin_button_get_adjustment (self->review_days_button), "value",
                   G_SETTINGS_BIND_DEFAULT);
  ed_letterhead_group_set_settings (self->letterhead_group, self->settings);
  ed_office_group_set_settings (self->office_group, self->settings);
  g_settings_bind (self->settings, "reminders", self->reminders_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reminder-days",
                   gtk_spin_button_get_adjustment (self->reminder_days_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
ed_preferences_window_dispose (GObject *object)
{
  EdPreferencesWindow *self = ED_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ed_preferences_window_parent_class)->dispose (object);
}

static void
ed_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  EdPreferencesWindow *self = ED_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_preferences_window_class_init (EdPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ed_preferences_window_constructed;
  object_class->dispose = ed_preferences_window_dispose;
  object_class->set_property = ed_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ED_TYPE_CASES_GROUP);
  g_type_ensure (ED_TYPE_LETTERHEAD_GROUP);
  g_type_ensure (ED_TYPE_OFFICE_GROUP);
  g_type_ensure (ED_TYPE_UPDATES_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entrydesk/EntryDesk/"
                                               "ed-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EdPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, EdPreferencesWindow, review_days_button);
  gtk_widget_class_bind_template_child (widget_class, EdPreferencesWindow, cases_group);
  gtk_widget_class_bind_template_child (widget_class, EdPreferencesWindow, letterhead_group);
  gtk_widget_class_bind_template_child (widget_class, EdPreferencesWindow, office_group);
  gtk_widget_class_bind_template_child (widget_class, EdPreferencesWindow, reminders_switch);
  gtk_widget_class_bind_template_child (widget_class, EdPreferencesWindow, reminder_days_spin);
  gtk_widget_class_bind_template_child (widget_class, EdPreferencesWindow, updates_page);
  gtk_widget_class_bind_template_callback (widget_class, add_toast_cb);
}

static void
ed_preferences_window_init (EdPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* A failed check for updates, a logo refused: in a bar, as in the
   * main window, not a toast that stays. */
  ed_banner_add_to_window (ADW_WINDOW (self));
}
