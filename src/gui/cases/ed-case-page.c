/* ed-case-page.c — a case's own page: the timeline
 *
 * The timeline is worked out again shortly after each change of the
 * case (a date typed in the wizard, a procedure added), and on each
 * showing of the page, against the page's "now".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-case-page-private.h"
#include "ed-read-only.h"

#define REFRESH_DELAY_MS 150

G_DEFINE_FINAL_TYPE (EdCasePage, ed_case_page, GTK_TYPE_WIDGET)

enum {
  OPEN_PROCEDURE,
  CLOSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GDateTime *
_ed_case_page_dup_now (EdCasePage *self)
{
  return self->now != NULL ? g_date_time_ref (self->now) : ed_date_dup_now ();
}

void
_ed_case_page_toast (EdCasePage *self,
                     const char *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
}

static const char *
state_class (const EdTimelineEntry *entry)
{
  if (entry->ended)
    return "timeline-ended";

  switch (entry->state)
    {
    case ED_TIMELINE_DONE:
      return "timeline-done";
    case ED_TIMELINE_OVERDUE:
      return "timeline-overdue";
    case ED_TIMELINE_DUE_SOON:
      return "timeline-due-soon";
    case ED_TIMELINE_OPEN:
      return "timeline-open";
    case ED_TIMELINE_NEEDS_DATA:
      return "timeline-needs-data";
    case ED_TIMELINE_UPCOMING:
    default:
      return "timeline-upcoming";
    }
}

static void
done_toggled_cb (GtkCheckButton *check,
                 EdCasePage     *self)
{
  EdProcedure *procedure = g_object_get_data (G_OBJECT (check), "procedure");
  EdTraveller *traveller = g_object_get_data (G_OBJECT (check), "traveller");
  const char *rule = g_object_get_data (G_OBJECT (check), "rule");

  ed_case_set_date_done (self->kase, ed_procedure_get_id (procedure), traveller, rule,
                         gtk_check_button_get_active (check));
}

static GtkWidget *
entry_row (EdCasePage            *self,
           const EdTimelineEntry *entry,
           EdLanguage             language)
{
  g_autofree char *when = ed_timeline_entry_describe_when (entry, language);
  g_autofree char *state = ed_timeline_describe_state (entry->state, language);
  g_autofree char *warnings = ed_due_describe_warnings (entry->due, language);
  g_autofree char *name = ed_traveller_dup_display_name (entry->traveller);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge;
  GtkWidget *check;

  g_string_append (subtitle, when);
  g_string_append_printf (subtitle, "\n%s",
                          ed_text_lookup (ed_procedure_get_title (entry->procedure), language));
  if (ed_case_get_n_travellers (self->kase) > 1 && *name != '\0')
    g_string_append_printf (subtitle, " · %s", name);
  if (entry->ended)
    {
      g_autofree char *status = ed_procedure_describe_status_brief (entry->procedure, language);

      g_string_append_printf (subtitle, " · %s", status);
    }
  if (warnings != NULL)
    g_string_append_printf (subtitle, "\n⚠ %s", warnings);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 ed_text_lookup (entry->due->period->label, language));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "procedure",
                          g_strdup (ed_procedure_get_id (entry->procedure)), g_free);

  /* Where it stands, in words and colour. */
  badge = gtk_label_new (state);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "timeline-state");
  gtk_widget_add_css_class (badge, state_class (entry));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), badge);

  /* Staff mark what was done; a date waiting for data cannot be. */
  if (entry->state != ED_TIMELINE_NEEDS_DATA)
    {
      check = gtk_check_button_new_with_label (_("Done"));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   entry->state == ED_TIMELINE_DONE);
      g_object_set_data_full (G_OBJECT (check), "procedure", g_object_ref (entry->procedure),
                              g_object_unref);
      g_object_set_data_full (G_OBJECT (check), "traveller", g_object_ref (entry->traveller),
                              g_object_unref);
      g_object_set_data_full (G_OBJECT (check), "rule", g_strdup (entry->due->period->id),
                              g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (done_toggled_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
    }

  return row;
}

static void
set_summary (EdCasePage *self)
{
  guint overdue = ed_timeline_count (self->timeline, ED_TIMELINE_OVERDUE);
  guint soon = ed_timeline_count (self->timeline, ED_TIMELINE_DUE_SOON);
  guint waiting = ed_timeline_count (self->timeline, ED_TIMELINE_NEEDS_DATA);
  g_autoptr(GString) text = g_string_new (NULL);

  if (ed_timeline_get_n_entries (self->timeline) == 0)
    g_string_append (text, _("No deadline yet: the case’s procedures have no date that applies "
                             "to its travellers, or the dates they count from are not entered."));
  if (overdue > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue",
                                               overdue), overdue);
  if (soon > 0)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u due within %u days",
                                                 "%u due within %u days", soon),
                              soon, ed_timeline_get_soon_days (self->timeline));
    }
  if (waiting > 0)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u waiting for data",
                                                 "%u waiting for data", waiting), waiting);
    }

  /* Whose case: the header shows its tabs when the window is wide. */
  {
    g_autofree char *names = ed_case_dup_title (self->kase);
    const char *reference = ed_case_get_reference (self->kase);
    g_autofree char *who = g_strjoin (" · ", *names != '\0' ? names : reference,
                                      *names != '\0' ? reference : NULL, NULL);

    if (*who != '\0')
      g_string_prepend (text, text->len > 0 ? "\n" : "");
    g_string_prepend (text, who);
  }

  gtk_label_set_text (self->summary_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), text->len > 0);
}

static void
set_titles (EdCasePage *self)
{
  g_autofree char *names = ed_case_dup_title (self->kase);
  const char *journey_id = ed_case_get_journey_id (self->kase);
  EdJourney *journey = journey_id != NULL ? ed_catalog_lookup_journey (self->catalog, journey_id)
                                          : NULL;
  const char *reference = ed_case_get_reference (self->kase);

  adw_view_switcher_title_set_title (self->switcher_title,
                                     *names != '\0' ? names : _("New Case"));
  adw_view_switcher_title_set_subtitle (self->switcher_title, reference != NULL ? reference : "");
  gtk_label_set_text (self->journey_label,
                      journey != NULL ? ed_text_lookup (ed_journey_get_title (journey),
                                                        ed_language_for_ui ())
                                      : "");
  gtk_widget_set_visible (GTK_WIDGET (self->journey_label), journey != NULL);
}

/**
 * ed_case_page_refresh:
 *
 * Works the timeline out again, now, and shows it.
 */
void
ed_case_page_refresh (EdCasePage *self)
{
  g_autoptr(GDateTime) now = NULL;
  EdLanguage language = ed_language_for_ui ();
  GtkWidget *child;

  g_return_if_fail (ED_IS_CASE_PAGE (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  now = _ed_case_page_dup_now (self);
  g_clear_pointer (&self->timeline, ed_timeline_unref);
  self->timeline = ed_case_compute_timeline (self->kase, self->catalog, now,
                                             g_settings_get_uint (self->settings,
                                                                  "reminder-days"));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->timeline_list))) != NULL)
    gtk_list_box_remove (self->timeline_list, child);
  for (guint i = 0; i < ed_timeline_get_n_entries (self->timeline); i++)
    gtk_list_box_append (self->timeline_list,
                         entry_row (self, ed_timeline_get_entry (self->timeline, i), language));
  gtk_widget_set_visible (GTK_WIDGET (self->timeline_list),
                          ed_timeline_get_n_entries (self->timeline) > 0);

  set_titles (self);
  set_summary (self);
  _ed_case_page_fill_procedures (self);

  /* A role that may only read: the journey is not changed here. */
  if (self->store != NULL && ed_store_get_read_only (self->store))
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.add-procedure", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.move-procedure-up", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.move-procedure-down", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.remove-procedure", FALSE);
      ed_read_only_apply (GTK_WIDGET (self));
    }
}

static gboolean
refresh_cb (gpointer user_data)
{
  EdCasePage *self = user_data;

  self->refresh_source = 0;
  ed_case_page_refresh (self);
  return G_SOURCE_REMOVE;
}

/* Typing goes on in the wizard: once it pauses. */
static void
case_changed_cb (EdCasePage *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_timeout_add (REFRESH_DELAY_MS, refresh_cb, self);
}

static void
timeline_row_activated_cb (EdCasePage    *self,
                           GtkListBoxRow *row)
{
  const char *procedure = g_object_get_data (G_OBJECT (row), "procedure");

  if (procedure != NULL)
    g_signal_emit (self, signals[OPEN_PROCEDURE], 0, procedure);
}

static void
procedure_row_activated_cb (EdCasePage    *self,
                            GtkListBoxRow *row)
{
  timeline_row_activated_cb (self, row);
}

static void
open_procedure_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_signal_emit (widget, signals[OPEN_PROCEDURE], 0, g_variant_get_string (parameter, NULL));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_signal_emit (widget, signals[CLOSE], 0);
}

static void
add_procedure_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _ed_case_page_add_procedure (ED_CASE_PAGE (widget));
}

static void
export_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  _ed_case_page_export_calendar (ED_CASE_PAGE (widget));
}

static void
print_journey_sheet_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  _ed_case_page_journey_sheet (ED_CASE_PAGE (widget), TRUE);
}

static void
export_journey_sheet_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  _ed_case_page_journey_sheet (ED_CASE_PAGE (widget), FALSE);
}

/**
 * ed_case_page_new:
 * @store: (nullable): where sheets printed for the case are logged
 *
 * Returns: (transfer floating): the page of @kase
 */
GtkWidget *
ed_case_page_new (EdCase    *kase,
                  EdCatalog *catalog,
                  EdStore   *store)
{
  EdCasePage *self;

  g_return_val_if_fail (ED_IS_CASE (kase), NULL);
  g_return_val_if_fail (ED_IS_CATALOG (catalog), NULL);

  self = g_object_new (ED_TYPE_CASE_PAGE, NULL);
  self->kase = g_object_ref (kase);
  self->catalog = g_object_ref (catalog);
  if (store != NULL)
    self->store = g_object_ref (store);
  /* Offline, or a role that may only read: said here too. */
  ed_office_bar_set_store (self->office_bar, store);
  g_signal_connect_object (kase, "changed", G_CALLBACK (case_changed_cb), self,
                           G_CONNECT_SWAPPED);
  ed_case_page_refresh (self);

  return GTK_WIDGET (self);
}

EdCase *
ed_case_page_get_case (EdCasePage *self)
{
  g_return_val_if_fail (ED_IS_CASE_PAGE (self), NULL);
  return self->kase;
}

/* Returns: (transfer none): the timeline shown */
EdTimeline *
ed_case_page_get_timeline (EdCasePage *self)
{
  g_return_val_if_fail (ED_IS_CASE_PAGE (self), NULL);
  return self->timeline;
}

/**
 * ed_case_page_set_now:
 * @now: (nullable): a fixed "now" for this page; %NULL for the
 *   process's (ed_date_dup_now())
 */
void
ed_case_page_set_now (EdCasePage *self,
                      GDateTime  *now)
{
  g_return_if_fail (ED_IS_CASE_PAGE (self));

  g_clear_pointer (&self->now, g_date_time_unref);
  if (now != NULL)
    self->now = g_date_time_ref (now);
  ed_case_page_refresh (self);
}

/* Dates move with the clock: a page shown again is judged again. */
static void
ed_case_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ed_case_page_parent_class)->map (widget);
  ed_case_page_refresh (ED_CASE_PAGE (widget));
}

static void
ed_case_page_dispose (GObject *object)
{
  EdCasePage *self = ED_CASE_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ED_TYPE_CASE_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->kase);
  g_clear_object (&self->catalog);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ed_case_page_parent_class)->dispose (object);
}

static void
ed_case_page_finalize (GObject *object)
{
  EdCasePage *self = ED_CASE_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->timeline, ed_timeline_unref);

  G_OBJECT_CLASS (ed_case_page_parent_class)->finalize (object);
}

static void
ed_case_page_class_init (EdCasePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_case_page_dispose;
  object_class->finalize = ed_case_page_finalize;
  widget_class->map = ed_case_page_map;

  /**
   * EdCasePage::open-procedure:
   * @procedure_id: a procedure of the case, to open in the wizard
   */
  signals[OPEN_PROCEDURE] =
    g_signal_new ("open-procedure",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /* Back to the list of cases. */
  signals[CLOSE] =
    g_signal_new ("close",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (ED_TYPE_OFFICE_BAR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entrydesk/EntryDesk/"
                                               "cases/ed-case-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "casepage");
  gtk_widget_class_bind_template_child (widget_class, EdCasePage, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, EdCasePage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, EdCasePage, journey_label);
  gtk_widget_class_bind_template_child (widget_class, EdCasePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, EdCasePage, timeline_list);
  gtk_widget_class_bind_template_child (widget_class, EdCasePage, office_bar);
  gtk_widget_class_bind_template_child (widget_class, EdCasePage, procedure_list);
  gtk_widget_class_bind_template_callback (widget_class, timeline_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, procedure_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "case.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "case.open-procedure", "s",
                                   open_procedure_action);
  gtk_widget_class_install_action (widget_class, "case.add-procedure", NULL,
                                   add_procedure_action);
  gtk_widget_class_install_action (widget_class, "case.export-calendar", NULL,
                                   export_calendar_action);
  gtk_widget_class_install_action (widget_class, "case.print-journey-sheet", NULL,
                                   print_journey_sheet_action);
  gtk_widget_class_install_action (widget_class, "case.export-journey-sheet", NULL,
                                   export_journey_sheet_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "case.print-journey-sheet", NULL);
  _ed_case_page_install_procedure_actions (widget_class);
}

static void
ed_case_page_init (EdCasePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::reminder-days",
                           G_CALLBACK (case_changed_cb), self, G_CONNECT_SWAPPED);
}
