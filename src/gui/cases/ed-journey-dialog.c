/* ed-journey-dialog.c — a new case from a journey template
 *
 * Staff scan or paste the traveller's MRZ (or start without it); the
 * journey's procedures are listed with whether they apply to that
 * traveller, those that apply switched on, those that do not off with
 * the reason, an ended one marked. Start makes the case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-journey-dialog.h"
#include "ed-mrz-box.h"

struct _EdJourneyDialog
{
  AdwWindow     parent_instance;

  EdJourney    *journey;
  EdCatalog    *catalog;
  EdTraveller  *traveller;
  GPtrArray    *switches;      /* GtkSwitch, one a proposal, with its "procedure" */
  guint         update_source;

  GtkListBox   *procedure_list;
};

G_DEFINE_FINAL_TYPE (EdJourneyDialog, ed_journey_dialog, ADW_TYPE_WINDOW)

enum {
  START,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GDate
today (void)
{
  GDate day;

  ed_date_today (&day);
  return day;
}

static void
fill (EdJourneyDialog *self)
{
  g_autoptr(GPtrArray) travellers = g_ptr_array_new ();
  g_autoptr(GPtrArray) proposals = NULL;
  EdLanguage language = ed_language_for_ui ();
  GDate day = today ();
  GtkWidget *child;

  if (!ed_traveller_is_empty (self->traveller))
    g_ptr_array_add (travellers, self->traveller);
  proposals = ed_journey_propose (self->journey, self->catalog, travellers, &day);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->procedure_list))) != NULL)
    gtk_list_box_remove (self->procedure_list, child);
  g_ptr_array_set_size (self->switches, 0);

  for (guint i = 0; i < proposals->len; i++)
    {
      EdProposal *proposal = g_ptr_array_index (proposals, i);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();

      subtitle = ed_proposal_describe (proposal,
                                       proposal->note != NULL
                                       ? ed_text_lookup (proposal->note, language) : NULL,
                                       "\n", language);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     ed_text_lookup (ed_procedure_get_title (proposal->procedure),
                                                     language));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_switch_set_active (GTK_SWITCH (toggle), proposal->applies != ED_APPLIES_NO);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      ed_text_lookup (ed_procedure_get_title (proposal->procedure),
                                                      language), -1);
      g_object_set_data_full (G_OBJECT (toggle), "procedure", g_object_ref (proposal->procedure),
                              g_object_unref);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      if (proposal->applies == ED_APPLIES_NO || proposal->ended)
        gtk_widget_add_css_class (row, "procedure-ended");
      gtk_list_box_append (self->procedure_list, row);
      g_ptr_array_add (self->switches, toggle);
    }
}

static gboolean
update_cb (gpointer user_data)
{
  EdJourneyDialog *self = user_data;

  self->update_source = 0;
  fill (self);
  return G_SOURCE_REMOVE;
}

/* The MRZ read fills the traveller, a key at a time: once it is done. */
static void
traveller_changed_cb (EdJourneyDialog *self)
{
  if (self->update_source == 0)
    self->update_source = g_idle_add (update_cb, self);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  EdJourneyDialog *self = ED_JOURNEY_DIALOG (widget);
  g_autoptr(EdCase) kase = NULL;

  for (guint i = 0; i < self->switches->len; i++)
    {
      GtkWidget *toggle = g_ptr_array_index (self->switches, i);
      EdProcedure *procedure = g_object_get_data (G_OBJECT (toggle), "procedure");

      if (!gtk_switch_get_active (GTK_SWITCH (toggle)))
        continue;
      if (kase == NULL)
        kase = ed_case_new (ed_procedure_get_id (procedure), ed_procedure_get_version (procedure));
      else
        ed_case_add_procedure (kase, ed_procedure_get_id (procedure),
                               ed_procedure_get_version (procedure), -1);
    }

  /* Nothing chosen: the journey's first, as a case needs one. */
  if (kase == NULL)
    {
      const EdJourneyItem *first = g_ptr_array_index (ed_journey_get_items (self->journey), 0);
      EdProcedure *procedure = ed_catalog_lookup (self->catalog, first->id);

      kase = ed_case_new (first->id, procedure != NULL ? ed_procedure_get_version (procedure) : 1);
    }

  ed_case_set_journey_id (kase, ed_journey_get_id (self->journey));
  ed_case_add_traveller (kase, self->traveller);
  g_signal_emit (self, signals[START], 0, kase);
  gtk_window_close (GTK_WINDOW (self));
}

/**
 * ed_journey_dialog_new:
 *
 * Returns: (transfer floating): the dialog, transient for @parent
 */
GtkWidget *
ed_journey_dialog_new (GtkWindow *parent,
                       EdJourney *journey,
                       EdCatalog *catalog)
{
  EdJourneyDialog *self;
  EdLanguage language = ed_language_for_ui ();
  GtkWidget *box, *title, *summary, *mrz_group, *mrz, *group, *scrolled, *clamp, *toolbar;
  GtkWidget *header, *start, *cancel;

  g_return_val_if_fail (ED_IS_JOURNEY (journey), NULL);

  self = g_object_new (ED_TYPE_JOURNEY_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "default-width", 640,
                       "default-height", 720,
                       "title", _("New Case"),
                       NULL);
  self->journey = g_object_ref (journey);
  self->catalog = g_object_ref (catalog);
  g_signal_connect_object (self->traveller, "changed", G_CALLBACK (traveller_changed_cb), self,
                           G_CONNECT_SWAPPED);

  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  start = gtk_button_new_with_mnemonic (_("_Start Case"));
  gtk_widget_add_css_class (start, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (start), "journey.start");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), start);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  title = gtk_label_new (ed_text_lookup (ed_journey_get_title (journey), language));
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-2");
  gtk_box_append (GTK_BOX (box), title);
  summary = gtk_label_new (ed_text_lookup (ed_journey_get_summary (journey), language));
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_box_append (GTK_BOX (box), summary);

  mrz_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (mrz_group), _("Traveller"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (mrz_group),
                                         _("Scan or paste the passport’s machine-readable zone: "
                                           "the procedures are checked against it. You can also "
                                           "start without it and enter the traveller later."));
  mrz = ed_mrz_box_new ();
  ed_mrz_box_set_traveller (ED_MRZ_BOX (mrz), self->traveller);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (mrz_group), mrz);
  gtk_box_append (GTK_BOX (box), mrz_group);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Procedures"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Those that apply to the traveller are on; you can "
                                           "change the case’s procedures later."));
  self->procedure_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->procedure_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->procedure_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->procedure_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Procedures of the journey"),
                                  -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->procedure_list));
  gtk_box_append (GTK_BOX (box), group);

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);

  toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (toolbar), header);
  gtk_box_append (GTK_BOX (toolbar), scrolled);
  adw_window_set_content (ADW_WINDOW (self), toolbar);

  fill (self);
  return GTK_WIDGET (self);
}

/* Returns: (transfer none): the traveller the MRZ fills */
EdTraveller *
ed_journey_dialog_get_traveller (EdJourneyDialog *self)
{
  g_return_val_if_fail (ED_IS_JOURNEY_DIALOG (self), NULL);
  return self->traveller;
}

static void
ed_journey_dialog_dispose (GObject *object)
{
  EdJourneyDialog *self = ED_JOURNEY_DIALOG (object);

  g_clear_handle_id (&self->update_source, g_source_remove);
  g_clear_object (&self->journey);
  g_clear_object (&self->catalog);
  g_clear_object (&self->traveller);
  g_clear_pointer (&self->switches, g_ptr_array_unref);

  G_OBJECT_CLASS (ed_journey_dialog_parent_class)->dispose (object);
}

static void
ed_journey_dialog_class_init (EdJourneyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_journey_dialog_dispose;

  /**
   * EdJourneyDialog::start:
   * @kase: the new case, not stored yet
   */
  signals[START] =
    g_signal_new ("start",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ED_TYPE_CASE);

  gtk_widget_class_install_action (widget_class, "journey.start", NULL, start_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ed_journey_dialog_init (EdJourneyDialog *self)
{
  self->traveller = ed_traveller_new ();
  self->switches = g_ptr_array_new ();
}
