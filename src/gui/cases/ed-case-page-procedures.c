/* ed-case-page-procedures.c — the procedures of a case: add, remove,
 * reorder, open
 *
 * Each row says whether the procedure has ended and whether it applies
 * to the case's travellers (and why not); adding offers the catalog's
 * procedures that apply, ended ones last and marked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-case-page-private.h"

static GDate
today_of (EdCasePage *self)
{
  g_autoptr(GDateTime) now = _ed_case_page_dup_now (self);
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  return today;
}

/* "Does not apply: …" or "May apply: needs …", for the whole case. */
static char *
describe_applies (EdCasePage  *self,
                  EdProcedure *procedure,
                  GDate       *today)
{
  g_autoptr(GPtrArray) travellers = g_ptr_array_new ();
  EdApplies applies = ED_APPLIES_UNKNOWN;
  char *why = NULL;

  for (guint i = 0; i < ed_case_get_n_travellers (self->kase); i++)
    g_ptr_array_add (travellers, ed_case_get_traveller (self->kase, i));
  if (travellers->len == 0)
    return NULL;

  for (guint i = 0; i < travellers->len && applies != ED_APPLIES_YES; i++)
    {
      g_autoptr(EdApplicability) applicability = NULL;
      EdFacts facts;

      ed_traveller_get_facts (g_ptr_array_index (travellers, i), &facts, today);
      applicability = ed_procedure_check_applies (procedure, &facts);
      if (applicability->applies == ED_APPLIES_YES)
        applies = ED_APPLIES_YES;
      else if (why == NULL || applicability->applies == ED_APPLIES_UNKNOWN)
        {
          g_free (why);
          why = ed_applicability_describe (applicability, procedure, ed_language_for_ui ());
          if (applicability->applies == ED_APPLIES_NO && applies != ED_APPLIES_UNKNOWN)
            applies = ED_APPLIES_NO;
        }
    }

  if (applies == ED_APPLIES_YES)
    g_clear_pointer (&why, g_free);
  return why;
}

static GtkWidget *
icon_button (const char *icon,
             const char *label,
             const char *action,
             const char *procedure_id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                   -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", procedure_id);
  return button;
}

static GtkWidget *
procedure_row (EdCasePage *self,
               guint       position,
               GDate      *today)
{
  const EdCaseProcedure *item = ed_case_get_procedure (self->kase, position);
  EdProcedure *procedure = ed_catalog_lookup (self->catalog, item->id);
  const char *journey_id = ed_case_get_journey_id (self->kase);
  EdJourney *journey = journey_id != NULL ? ed_catalog_lookup_journey (self->catalog, journey_id)
                                          : NULL;
  const EdJourneyItem *journey_item = journey != NULL ? ed_journey_find_item (journey, item->id)
                                                      : NULL;
  EdLanguage language = ed_language_for_ui ();
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *title = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;
  guint n = ed_case_get_n_procedures (self->kase);

  if (procedure == NULL)
    {
      title = g_strdup (item->id);
      g_string_append (subtitle, _("Not in the catalog: add its file, or check for updates."));
    }
  else
    {
      g_autofree char *why = describe_applies (self, procedure, today);

      title = g_strdup_printf ("%u. %s", position + 1,
                               ed_text_lookup (ed_procedure_get_title (procedure), language));
      if (ed_procedure_has_ended (procedure, today))
        {
          g_autofree char *status = ed_procedure_describe_status_brief (procedure, language);

          g_string_append (subtitle, status);
          gtk_widget_add_css_class (row, "procedure-ended");
        }
      if (why != NULL)
        {
          if (subtitle->len > 0)
            g_string_append_c (subtitle, '\n');
          g_string_append (subtitle, why);
        }
      if (journey_item != NULL && journey_item->note != NULL)
        {
          if (subtitle->len > 0)
            g_string_append_c (subtitle, '\n');
          g_string_append (subtitle, ed_text_lookup (journey_item->note, language));
        }
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), procedure != NULL);
  g_object_set_data_full (G_OBJECT (row), "procedure", g_strdup (item->id), g_free);

  button = icon_button ("go-up-symbolic", _("Move Up"), "case.move-procedure-up", item->id);
  gtk_widget_set_sensitive (button, position > 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  button = icon_button ("go-down-symbolic", _("Move Down"), "case.move-procedure-down", item->id);
  gtk_widget_set_sensitive (button, position + 1 < n);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  button = icon_button ("user-trash-symbolic", _("Remove from Case"), "case.remove-procedure",
                        item->id);
  gtk_widget_set_sensitive (button, n > 1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  if (procedure != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               gtk_image_new_from_icon_name ("go-next-symbolic"));

  return row;
}

void
_ed_case_page_fill_procedures (EdCasePage *self)
{
  GDate today = today_of (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->procedure_list))) != NULL)
    gtk_list_box_remove (self->procedure_list, child);
  for (guint i = 0; i < ed_case_get_n_procedures (self->kase); i++)
    gtk_list_box_append (self->procedure_list, procedure_row (self, i, &today));
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EdCasePage *self = ED_CASE_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  int position = ed_case_find_procedure (self->kase, id);

  if (position > 0)
    ed_case_move_procedure (self->kase, id, (guint) position - 1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EdCasePage *self = ED_CASE_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  int position = ed_case_find_procedure (self->kase, id);

  if (position >= 0)
    ed_case_move_procedure (self->kase, id, (guint) position + 1);
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    EdCasePage       *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "procedure");

  if (g_strcmp0 (response, "remove") == 0)
    ed_case_remove_procedure (self->kase, id);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EdCasePage *self = ED_CASE_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  EdProcedure *procedure = ed_catalog_lookup (self->catalog, id);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Remove the Procedure?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” leaves the case, with what was ticked and marked done "
                                    "for it."),
                                  procedure != NULL
                                  ? ed_text_lookup (ed_procedure_get_title (procedure),
                                                    ed_language_for_ui ())
                                  : id);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "procedure", g_strdup (id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
proposal_activated_cb (GtkListBox    *list,
                       GtkListBoxRow *row,
                       EdCasePage    *self)
{
  EdProcedure *procedure = g_object_get_data (G_OBJECT (row), "procedure");
  GtkWidget *dialog = gtk_widget_get_ancestor (GTK_WIDGET (list), ADW_TYPE_MESSAGE_DIALOG);

  ed_case_add_procedure (self->kase, ed_procedure_get_id (procedure),
                         ed_procedure_get_version (procedure), -1);
  adw_view_stack_set_visible_child_name (self->view_stack, "procedures");
  if (dialog != NULL)
    gtk_window_close (GTK_WINDOW (dialog));
}

static GtkWidget *
proposal_row (EdProposal *proposal)
{
  EdLanguage language = ed_language_for_ui ();
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;

  subtitle = ed_proposal_describe (proposal,
                                   ed_text_lookup (ed_procedure_get_region_name (
                                                     proposal->procedure), language),
                                   " · ", language);
  if (proposal->ended)
    gtk_widget_add_css_class (row, "procedure-ended");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 ed_text_lookup (ed_procedure_get_title (proposal->procedure),
                                                 language));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("list-add-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "procedure", g_object_ref (proposal->procedure),
                          g_object_unref);
  return row;
}

/* Only those that apply to the travellers are offered; ended ones too,
 * marked. */
void
_ed_case_page_add_procedure (EdCasePage *self)
{
  GDate today = today_of (self);
  g_autoptr(GPtrArray) proposals = ed_case_propose_procedures (self->kase, self->catalog, &today);
  GtkWidget *dialog;
  GtkWidget *scrolled;
  GtkWidget *list;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Add a Procedure"),
                                   proposals->len > 0
                                   ? _("The procedures that apply to the case’s travellers. Ended "
                                       "ones can still be added: they are marked.")
                                   : _("No other procedure applies to the case’s travellers."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Procedures to add"), -1);
  for (guint i = 0; i < proposals->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), proposal_row (g_ptr_array_index (proposals, i)));
  g_signal_connect_object (list, "row-activated", G_CALLBACK (proposal_activated_cb), self, 0);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 420);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_widget_set_visible (scrolled, proposals->len > 0);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* The actions of the procedure rows, installed by the class. */
void
_ed_case_page_install_procedure_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "case.move-procedure-up", "s", move_up_action);
  gtk_widget_class_install_action (widget_class, "case.move-procedure-down", "s",
                                   move_down_action);
  gtk_widget_class_install_action (widget_class, "case.remove-procedure", "s", remove_action);
}
