/* ed-procedure-browser.c
 *
 * Procedures grouped by country, each with its status and dates: an
 * ended procedure says so, and since when, wherever it is listed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ed-core.h"
#include "ed-catalog.h"
#include "ed-country.h"
#include "ed-procedure-browser.h"

struct _EdProcedureBrowser
{
  GtkWidget       parent_instance;

  EdCatalog      *catalog;
  GPtrArray      *rows;         /* AdwActionRow, each with its "procedure" */
  GPtrArray      *groups;       /* AdwPreferencesGroup */

  GtkSearchEntry *search_entry;
  GtkStack       *stack;
  GtkBox         *groups_box;

  guint           review_max_days;
};

G_DEFINE_FINAL_TYPE (EdProcedureBrowser, ed_procedure_browser, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_REVIEW_MAX_DAYS,
  N_PROPS
};

enum {
  PROCEDURE_ACTIVATED,
  JOURNEY_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GtkWidget *
ed_procedure_browser_new (void)
{
  return g_object_new (ED_TYPE_PROCEDURE_BROWSER, NULL);
}

static void
row_activated_cb (EdProcedureBrowser *self,
                  AdwActionRow       *row)
{
  EdProcedure *procedure = g_object_get_data (G_OBJECT (row), "procedure");
  EdJourney *journey = g_object_get_data (G_OBJECT (row), "journey");

  if (journey != NULL)
    g_signal_emit (self, signals[JOURNEY_ACTIVATED], 0, journey);
  else
    g_signal_emit (self, signals[PROCEDURE_ACTIVATED], 0, procedure);
}

/* A journey: several procedures, started as one case. */
static GtkWidget *
create_journey_row (EdProcedureBrowser *self,
                    EdJourney          *journey)
{
  EdLanguage ui = ed_language_for_ui ();
  guint n = ed_journey_get_items (journey)->len;
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u procedure",
                                                         "%u procedures", n), n);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 ed_text_lookup (ed_journey_get_title (journey), ui));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               ed_text_lookup (ed_journey_get_summary (journey), ui));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  badge = gtk_label_new (count);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));

  g_object_set_data_full (G_OBJECT (row), "journey", g_object_ref (journey), g_object_unref);
  g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);

  return row;
}

static gboolean
journey_matches (EdJourney  *journey,
                 const char *needle)
{
  return *needle == '\0' ||
         ed_text_contains (ed_journey_get_title (journey), needle) ||
         ed_text_contains (ed_journey_get_summary (journey), needle) ||
         strstr (ed_journey_get_id (journey), needle) != NULL;
}

static void
add_journeys (EdProcedureBrowser *self)
{
  GListModel *journeys = ed_catalog_get_journeys (self->catalog);
  GtkWidget *group;
  GtkWidget *list;

  if (g_list_model_get_n_items (journeys) == 0)
    return;

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Journeys"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Several procedures in the order a traveller goes "
                                           "through them, as one case with one timeline."));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Journeys"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  gtk_box_append (self->groups_box, group);
  g_ptr_array_add (self->groups, group);
  g_object_set_data (G_OBJECT (group), "list", list);

  for (guint i = 0; i < g_list_model_get_n_items (journeys); i++)
    {
      g_autoptr(EdJourney) journey = g_list_model_get_item (journeys, i);
      GtkWidget *row = create_journey_row (self, journey);

      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (self->rows, row);
    }
}

/**
 * ed_procedure_status_badge_new:
 *
 * Returns: the badge saying where @procedure stands today ("Ended"),
 *   as every list of procedures and cases shows it
 */
GtkWidget *
ed_procedure_status_badge_new (EdProcedure *procedure)
{
  static const struct
  {
    const char *label;
    const char *css;
  } badges[] = {
    [ED_PROCEDURE_IN_FORCE] = { N_("In Force"), "status-current" },
    [ED_PROCEDURE_ENDING] = { N_("Ending"), "status-ending" },
    [ED_PROCEDURE_PLANNED] = { N_("Planned"), "status-planned" },
    [ED_PROCEDURE_ENDED] = { N_("Ended"), "status-ended" },
  };
  EdProcedureState state = ed_procedure_get_state (procedure, NULL);
  GtkWidget *badge = gtk_label_new (_(badges[state].label));

  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "status-badge");
  gtk_widget_add_css_class (badge, badges[state].css);
  return badge;
}

static GtkWidget *
create_row (EdProcedureBrowser *self,
            EdProcedure        *procedure)
{
  EdLanguage ui = ed_language_for_ui ();
  g_autofree char *status = ed_procedure_describe_status_brief (procedure, ui);
  g_autofree char *subtitle = NULL;
  GtkWidget *row, *arrow;
  EdProcedureState state = ed_procedure_get_state (procedure, NULL);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 ed_text_lookup (ed_procedure_get_title (procedure), ui));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* Content not checked against its sources for too long says so. */
  if (state != ED_PROCEDURE_ENDED &&
      ed_procedure_review_is_stale (procedure, NULL, self->review_max_days))
    {
      g_autofree char *review = ed_procedure_describe_review (procedure, ui, NULL,
                                                              self->review_max_days);
      g_autofree char *both = g_strdup_printf ("%s — %s", status, review);

      g_free (status);
      status = g_steal_pointer (&both);
    }
  /* Translators: a procedure's region, then its status and dates */
  subtitle = g_strdup_printf (_("%s · %s"),
                              ed_text_lookup (ed_procedure_get_region_name (procedure), ui),
                              status);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), ed_procedure_status_badge_new (procedure));

  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  /* Screen readers hear the status with the title. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, status,
                                  -1);

  g_object_set_data_full (G_OBJECT (row), "procedure", g_object_ref (procedure), g_object_unref);
  g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);

  return row;
}

static char *
dup_country_name (const char *code)
{
  const EdCountry *country = ed_country_lookup (code);

  if (country == NULL)
    return g_strdup (code);

  return g_strdup (ed_country_get_name (country, ed_language_for_ui ()));
}

static void
rebuild (EdProcedureBrowser *self)
{
  GListModel *procedures;
  GtkWidget *child;
  GtkWidget *list = NULL;
  g_autofree char *country = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->groups, 0);

  if (self->catalog == NULL)
    return;

  add_journeys (self);

  /* The catalog is sorted by country, then region. */
  procedures = ed_catalog_get_procedures (self->catalog);
  for (guint i = 0; i < g_list_model_get_n_items (procedures); i++)
    {
      g_autoptr(EdProcedure) procedure = g_list_model_get_item (procedures, i);
      const char *code = ed_procedure_get_country (procedure);
      GtkWidget *row;

      if (list == NULL || g_strcmp0 (code, country) != 0)
        {
          g_autofree char *name = dup_country_name (code);
          GtkWidget *group = adw_preferences_group_new ();

          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), name);
          list = gtk_list_box_new ();
          gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
          gtk_widget_add_css_class (list, "boxed-list");
          gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                          -1);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
          gtk_box_append (self->groups_box, group);
          g_ptr_array_add (self->groups, group);
          g_object_set_data (G_OBJECT (group), "list", list);

          g_free (country);
          country = g_strdup (code);
        }

      row = create_row (self, procedure);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
apply_search (EdProcedureBrowser *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  /* Folded as the procedures' texts are: case, width, kana, Han variants. */
  g_autofree char *needle = ed_fold_search (trimmed);
  gboolean any = FALSE;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      EdProcedure *procedure = g_object_get_data (G_OBJECT (row), "procedure");
      EdJourney *journey = g_object_get_data (G_OBJECT (row), "journey");

      gtk_widget_set_visible (row, journey != NULL ? journey_matches (journey, needle)
                                                   : ed_procedure_matches (procedure, needle));
    }

  for (guint i = 0; i < self->groups->len; i++)
    {
      GtkWidget *group = g_ptr_array_index (self->groups, i);
      GtkWidget *list = g_object_get_data (G_OBJECT (group), "list");
      gboolean visible = FALSE;

      for (GtkWidget *row = gtk_widget_get_first_child (list);
           row != NULL;
           row = gtk_widget_get_next_sibling (row))
        visible |= gtk_widget_get_visible (row);

      gtk_widget_set_visible (group, visible);
      any |= visible;
    }

  gtk_stack_set_visible_child_name (self->stack, any || self->rows->len == 0 ? "list" : "empty");
}

static void
search_changed_cb (EdProcedureBrowser *self)
{
  apply_search (self);
}

/* Enter in the search field opens the first procedure found, for what
 * was typed even if the list has not caught up with it yet; a journey
 * only when no procedure is (a journey's summary names procedures, and
 * they come first in the list). */
static void
search_activate_cb (EdProcedureBrowser *self)
{
  GtkWidget *first_journey = NULL;

  apply_search (self);
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (!gtk_widget_get_visible (row))
        continue;
      if (g_object_get_data (G_OBJECT (row), "journey") == NULL)
        {
          row_activated_cb (self, ADW_ACTION_ROW (row));
          return;
        }
      if (first_journey == NULL)
        first_journey = row;
    }
  if (first_journey != NULL)
    row_activated_cb (self, ADW_ACTION_ROW (first_journey));
}

static void
procedures_changed_cb (EdProcedureBrowser *self)
{
  rebuild (self);
  apply_search (self);
}

void
ed_procedure_browser_set_catalog (EdProcedureBrowser *self,
                                  EdCatalog          *catalog)
{
  g_return_if_fail (ED_IS_PROCEDURE_BROWSER (self));
  g_return_if_fail (catalog == NULL || ED_IS_CATALOG (catalog));

  if (self->catalog == catalog)
    return;

  if (self->catalog != NULL)
    g_signal_handlers_disconnect_by_data (ed_catalog_get_procedures (self->catalog), self);
  g_set_object (&self->catalog, catalog);
  if (catalog != NULL)
    g_signal_connect_object (ed_catalog_get_procedures (catalog), "items-changed",
                             G_CALLBACK (procedures_changed_cb), self, G_CONNECT_SWAPPED);

  procedures_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
}

/**
 * ed_procedure_browser_set_review_max_days:
 * @days: how old a procedure's review may be before its row says "check
 *   with the source before use" (the "review-max-days" setting)
 */
void
ed_procedure_browser_set_review_max_days (EdProcedureBrowser *self,
                                          guint               days)
{
  g_return_if_fail (ED_IS_PROCEDURE_BROWSER (self));

  if (self->review_max_days == days)
    return;

  self->review_max_days = days;
  procedures_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW_MAX_DAYS]);
}

EdCatalog *
ed_procedure_browser_get_catalog (EdProcedureBrowser *self)
{
  g_return_val_if_fail (ED_IS_PROCEDURE_BROWSER (self), NULL);

  return self->catalog;
}

void
ed_procedure_browser_focus_search (EdProcedureBrowser *self)
{
  g_return_if_fail (ED_IS_PROCEDURE_BROWSER (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
ed_procedure_browser_dispose (GObject *object)
{
  EdProcedureBrowser *self = ED_PROCEDURE_BROWSER (object);

  GtkWidget *child;

  ed_procedure_browser_set_catalog (self, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (ed_procedure_browser_parent_class)->dispose (object);
}

static void
ed_procedure_browser_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EdProcedureBrowser *self = ED_PROCEDURE_BROWSER (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    case PROP_REVIEW_MAX_DAYS:
      g_value_set_uint (value, self->review_max_days);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_procedure_browser_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EdProcedureBrowser *self = ED_PROCEDURE_BROWSER (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      ed_procedure_browser_set_catalog (self, g_value_get_object (value));
      break;

    case PROP_REVIEW_MAX_DAYS:
      ed_procedure_browser_set_review_max_days (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_procedure_browser_class_init (EdProcedureBrowserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_procedure_browser_dispose;
  object_class->get_property = ed_procedure_browser_get_property;
  object_class->set_property = ed_procedure_browser_set_property;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         ED_TYPE_CATALOG,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REVIEW_MAX_DAYS] =
    g_param_spec_uint ("review-max-days", NULL, NULL,
                       1, G_MAXUINT, ED_PROCEDURE_REVIEW_MAX_DAYS,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EdProcedureBrowser::journey-activated:
   * @journey: the journey template chosen
   */
  signals[JOURNEY_ACTIVATED] =
    g_signal_new ("journey-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ED_TYPE_JOURNEY);

  /**
   * EdProcedureBrowser::procedure-activated:
   * @procedure: the procedure chosen
   */
  signals[PROCEDURE_ACTIVATED] =
    g_signal_new ("procedure-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ED_TYPE_PROCEDURE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entrydesk/EntryDesk/"
                                               "ed-procedure-browser.ui");
  gtk_widget_class_bind_template_child (widget_class, EdProcedureBrowser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EdProcedureBrowser, stack);
  gtk_widget_class_bind_template_child (widget_class, EdProcedureBrowser, groups_box);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "procedurebrowser");
}

static void
ed_procedure_browser_init (EdProcedureBrowser *self)
{
  self->review_max_days = ED_PROCEDURE_REVIEW_MAX_DAYS;
  self->rows = g_ptr_array_new ();
  self->groups = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}
