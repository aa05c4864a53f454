/* ed-family-row.c
 *
 * A traveller at a glance: their name as in the passport (or "Traveller
 * 2" until there is one), whether anything is left to fix, and a button
 * to remove them from the case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-family-row.h"

struct _EdFamilyRow
{
  AdwActionRow  parent_instance;

  EdTraveller  *traveller;

  AdwAvatar    *avatar;
  GtkWidget    *status;
  GtkWidget    *remove_button;
};

G_DEFINE_FINAL_TYPE (EdFamilyRow, ed_family_row, ADW_TYPE_ACTION_ROW)

enum {
  REMOVE,
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * ed_family_count_problems:
 * @procedure: (nullable): whose fields the traveller is checked against
 * @with_answers: count the answers to the procedure's own questions too
 *
 * Counts the problems of what ed_traveller_missing() finds, warnings
 * included.
 */
void
ed_family_count_problems (EdTraveller *traveller,
                          EdProcedure *procedure,
                          gboolean     with_answers,
                          guint       *errors,
                          guint       *warnings)
{
  EdMissingFlags flags = ED_MISSING_WARNINGS | (with_answers ? 0 : ED_MISSING_KEYS_ONLY);
  g_autoptr(GPtrArray) missing = ed_traveller_missing (traveller, NULL, procedure, NULL, flags);

  *errors = *warnings = 0;
  for (guint i = 0; i < missing->len; i++)
    {
      const EdMissing *entry = g_ptr_array_index (missing, i);

      for (guint j = 0; j < entry->problems->len; j++)
        {
          const EdProblem *problem = g_ptr_array_index (entry->problems, j);

          if (problem->severity == ED_SEVERITY_ERROR)
            (*errors)++;
          else
            (*warnings)++;
        }
    }
}

static void
remove_clicked_cb (EdFamilyRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
traveller_changed_cb (EdFamilyRow *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * ed_family_row_new:
 *
 * Returns: a row for @traveller; ed_family_row_update() fills it in
 */
GtkWidget *
ed_family_row_new (EdTraveller *traveller)
{
  EdFamilyRow *self;

  g_return_val_if_fail (ED_IS_TRAVELLER (traveller), NULL);

  self = g_object_new (ED_TYPE_FAMILY_ROW, NULL);
  self->traveller = g_object_ref (traveller);
  g_signal_connect_object (traveller, "changed", G_CALLBACK (traveller_changed_cb),
                           self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

EdTraveller *
ed_family_row_get_traveller (EdFamilyRow *self)
{
  g_return_val_if_fail (ED_IS_FAMILY_ROW (self), NULL);

  return self->traveller;
}

/**
 * ed_family_row_update:
 * @title: the traveller's name, or "Traveller 2"
 * @procedure: (nullable): whose fields the traveller is checked against
 * @with_answers: count the answers to the procedure's own questions too
 * @removable: whether the traveller may be removed (not the last one)
 */
void
ed_family_row_update (EdFamilyRow *self,
                      const char  *title,
                      EdProcedure *procedure,
                      gboolean     with_answers,
                      gboolean     removable)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *remove_label = NULL;
  g_autofree char *name = NULL;
  guint errors, warnings;

  g_return_if_fail (ED_IS_FAMILY_ROW (self));

  ed_family_count_problems (self->traveller, procedure, with_answers, &errors, &warnings);
  if (ed_traveller_is_empty (self->traveller))
    subtitle = g_strdup (_("No details yet"));
  else if (errors > 0)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem to fix",
                                             "%u problems to fix", errors), errors);
  else if (warnings > 0)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning to look at",
                                             "%u warnings to look at", warnings), warnings);
  else
    subtitle = g_strdup (_("No problems found"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  /* Initials of a name; a plain figure for "Traveller 2". */
  name = ed_traveller_dup_display_name (self->traveller);
  adw_avatar_set_text (self->avatar, *name != '\0' ? name : NULL);

  gtk_widget_set_visible (self->status, errors > 0 || warnings > 0);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->status),
                                errors > 0 ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (self->status, errors > 0 ? "warning" : "error");
  gtk_widget_add_css_class (self->status, errors > 0 ? "error" : "warning");

  /* Translators: %s is a traveller's name, or "Traveller 2" */
  remove_label = g_strdup_printf (_("Remove %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  gtk_widget_set_sensitive (self->remove_button, removable);
}

static void
ed_family_row_dispose (GObject *object)
{
  EdFamilyRow *self = ED_FAMILY_ROW (object);

  if (self->traveller != NULL)
    g_signal_handlers_disconnect_by_data (self->traveller, self);
  g_clear_object (&self->traveller);

  G_OBJECT_CLASS (ed_family_row_parent_class)->dispose (object);
}

static void
ed_family_row_class_init (EdFamilyRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ed_family_row_dispose;

  /**
   * EdFamilyRow::remove:
   *
   * Staff clicked the row's remove button.
   */
  signals[REMOVE] =
    g_signal_new ("remove",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * EdFamilyRow::changed:
   *
   * The row's traveller changed: its title and state may be stale.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
ed_family_row_init (EdFamilyRow *self)
{
  GtkWidget *avatar = adw_avatar_new (32, NULL, TRUE);
  GtkWidget *status = gtk_image_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), avatar);

  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), status);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  gtk_widget_set_tooltip_text (remove, _("Remove Traveller"));
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), remove);

  self->avatar = ADW_AVATAR (avatar);
  self->status = status;
  self->remove_button = remove;
}
