/* ed-conflict-dialog.c — a case changed on this desk and another at once
 *
 * The office database refused a save: another desk saved the case since
 * this one read it (EdStore::conflict). Nothing was overwritten, and the
 * case waits unsaved until the user chose here: keep this desk's
 * version, take the other desk's, or merge field by field. Each field
 * that differs is a row saying what each desk has, with the side the
 * merge takes: by default, whichever desk changed it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-conflict-dialog.h"
#include "ed-field-row.h"

/* Which toggle of a row keeps this desk's value. */
#define MINE_TOGGLE "ed-mine-toggle"

static const char *
shown_value (const EdConflictField *field,
             const char            *value)
{
  if (field->kind == ED_CONFLICT_FIELD_CHECK)
    return value != NULL ? _("Done") : _("Not done");
  if (field->kind == ED_CONFLICT_FIELD_STATUS)
    return g_strcmp0 (value, "closed") == 0 ? _("Closed") : _("Open");
  if (field->kind == ED_CONFLICT_FIELD_TRAVELLER)
    return value == NULL ? _("Not there") : *value != '\0' ? value : _("No name yet");
  return value != NULL && *value != '\0' ? value : _("(empty)");
}

/**
 * ed_conflict_field_title:
 *
 * Returns: (transfer full): what the field is, in the UI language
 */
char *
ed_conflict_field_title (const EdConflictField *field)
{
  int who = field->traveller + 1;

  switch (field->kind)
    {
    case ED_CONFLICT_FIELD_PROCEDURE:
      return g_strdup (_("Procedure"));
    case ED_CONFLICT_FIELD_STATUS:
      return g_strdup (_("Status"));
    case ED_CONFLICT_FIELD_STEP:
      return g_strdup (_("Step"));
    case ED_CONFLICT_FIELD_NOTES:
      return g_strdup (_("Notes"));
    case ED_CONFLICT_FIELD_TRAVELLER:
      /* Translators: a traveller added on one desk or removed on the other */
      return g_strdup_printf (_("Traveller %d"), who);
    case ED_CONFLICT_FIELD_DATA:
      /* Translators: "Traveller 2: Surname" */
      return g_strdup_printf (_("Traveller %d: %s"), who, ed_field_row_key_title (field->key));
    case ED_CONFLICT_FIELD_ANSWER:
      /* Translators: a traveller's answer to a procedure's question, by its id */
      return g_strdup_printf (_("Traveller %d: answer “%s”"), who, field->key);
    case ED_CONFLICT_FIELD_CHECK:
    default:
      if (field->traveller < 0)
        /* Translators: a checklist item, by its step and id */
        return g_strdup_printf (_("Checklist: %s / %s"), field->step, field->key);
      return g_strdup_printf (_("Checklist, traveller %d: %s / %s"), who, field->step,
                              field->key);
    }
}

static GtkWidget *
wrapping_label (const char *text,
                const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A message dialog is narrow: each field is its title, what each desk
 * has, one below the other, and the choice under them at full width. */
static GtkWidget *
field_row (EdCaseConflict *conflict,
           guint           position,
           const char     *other,
           const char     *by)
{
  const EdConflictField *field = ed_case_conflict_get_field (conflict, position);
  g_autofree char *title = ed_conflict_field_title (field);
  g_autofree char *here = NULL;
  g_autofree char *there = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *mine = gtk_toggle_button_new_with_label (_("This Desk"));
  GtkWidget *theirs = gtk_toggle_button_new_with_label (other);

  /* Translators: what this desk has in a field */
  here = g_strdup_printf (_("This desk: %s"), shown_value (field, field->mine));
  /* Translators: what the other desk, by its database role, has in a field:
   * "Other desk (bob): SATO" */
  there = g_strdup_printf (_("Other desk (%s): %s"), by, shown_value (field, field->theirs));

  gtk_widget_set_margin_top (content, 10);
  gtk_widget_set_margin_bottom (content, 10);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_box_append (GTK_BOX (content), wrapping_label (title, "heading"));
  gtk_box_append (GTK_BOX (content), wrapping_label (here, "dim-label"));
  gtk_box_append (GTK_BOX (content), wrapping_label (there, "dim-label"));

  gtk_widget_add_css_class (box, "linked");
  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (theirs), GTK_TOGGLE_BUTTON (mine));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (field->choice == ED_CONFLICT_KEEP_MINE
                                                   ? mine : theirs), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_box_append (GTK_BOX (box), mine);
  gtk_box_append (GTK_BOX (box), theirs);
  gtk_box_append (GTK_BOX (content), box);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), content);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), MINE_TOGGLE, mine);

  return row;
}

typedef struct
{
  EdStore        *store;
  EdCaseConflict *conflict;
  GtkWidget      *list;
} Dialog;

static void
dialog_free (gpointer  data,
             GClosure *closure)
{
  Dialog *dialog = data;

  g_object_set_data (G_OBJECT (dialog->conflict), "ed-conflict-dialog", NULL);
  g_object_unref (dialog->store);
  g_object_unref (dialog->conflict);
  g_free (dialog);
}

static void
response_cb (AdwMessageDialog *message,
             const char       *response,
             Dialog           *dialog)
{
  if (g_strcmp0 (response, "mine") == 0)
    ed_case_conflict_choose_all (dialog->conflict, ED_CONFLICT_KEEP_MINE);
  else if (g_strcmp0 (response, "theirs") == 0)
    ed_case_conflict_choose_all (dialog->conflict, ED_CONFLICT_TAKE_THEIRS);
  else
    {
      guint position = 0;

      for (GtkWidget *row = gtk_widget_get_first_child (dialog->list); row != NULL;
           row = gtk_widget_get_next_sibling (row), position++)
        {
          GtkWidget *mine = g_object_get_data (G_OBJECT (row), MINE_TOGGLE);

          ed_case_conflict_choose (dialog->conflict, position,
                                   gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (mine))
                                   ? ED_CONFLICT_KEEP_MINE : ED_CONFLICT_TAKE_THEIRS);
        }
    }

  ed_store_resolve_conflict (dialog->store, dialog->conflict, NULL);
}

/* The client, as the case list names the case: its travellers' names
 * as this desk has them (the other desk's when this desk has none). */
static char *
conflict_client (EdCaseConflict *conflict)
{
  EdCaseRecord *records[] = { ed_case_conflict_get_mine (conflict),
                              ed_case_conflict_get_theirs (conflict) };

  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    {
      g_auto(GStrv) names = records[i] != NULL ? ed_case_record_dup_names (records[i]) : NULL;

      if (names != NULL && names[0] != NULL)
        return g_strjoinv (", ", names);
    }
  return NULL;
}

/**
 * ed_conflict_dialog_present:
 * @conflict: one of ed_store_get_conflicts()
 *
 * Shows the conflict once: a conflict already shown is not shown again.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL when it is
 *   shown already
 */
AdwMessageDialog *
ed_conflict_dialog_present (GtkWindow      *parent,
                            EdStore        *store,
                            EdCaseConflict *conflict)
{
  g_autofree char *reference = NULL;
  g_autofree char *other = NULL;
  g_autofree char *body = NULL;
  g_autofree char *client = NULL;
  const char *by = ed_case_conflict_get_changed_by (conflict);
  AdwMessageDialog *message;
  GtkWidget *scrolled;
  Dialog *dialog;

  g_return_val_if_fail (ED_IS_STORE (store), NULL);
  g_return_val_if_fail (ED_IS_CASE_CONFLICT (conflict), NULL);

  if (g_object_get_data (G_OBJECT (conflict), "ed-conflict-dialog") != NULL)
    return NULL;

  reference = ed_case_reference_format (ed_case_conflict_get_reference (conflict));
  /* Translators: the other desk, by its database role: "Other Desk (bob)" */
  other = g_strdup_printf (_("Other Desk (%s)"), by != NULL ? by : "?");
  client = conflict_client (conflict);
  if (client != NULL)
    /* Translators: the travellers' names, the case's reference, the other desk's role:
     * "The case of SAKURA MIKA (ED-7K3M-Q9) was changed on another desk (bob) …" */
    body = g_strdup_printf (_("The case of %s (%s) was changed on another desk (%s) while it "
                              "was being changed here. Nothing was overwritten. Keep this "
                              "desk’s version, take the other desk’s, or choose field by field "
                              "and merge."),
                            client, reference, by != NULL ? by : "?");
  else
    body = g_strdup_printf (_("Case %s was changed on another desk (%s) while it was being "
                              "changed here. Nothing was overwritten. Keep this desk’s version, "
                              "take the other desk’s, or choose field by field and merge."),
                            reference, by != NULL ? by : "?");

  message = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Changed on Another Desk"),
                                                        body));
  adw_message_dialog_add_responses (message,
                                    "theirs", _("_Take Theirs"),
                                    "mine", _("_Keep Mine"),
                                    "merge", _("_Merge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (message, "merge", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (message, "merge");
  adw_message_dialog_set_close_response (message, "merge");

  dialog = g_new0 (Dialog, 1);
  dialog->store = g_object_ref (store);
  dialog->conflict = g_object_ref (conflict);
  dialog->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (dialog->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (dialog->list, "boxed-list");
  for (guint i = 0; i < ed_case_conflict_get_n_fields (conflict); i++)
    gtk_list_box_append (GTK_LIST_BOX (dialog->list), field_row (conflict, i, other,
                                                                    by != NULL ? by : "?"));

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), dialog->list);
  adw_message_dialog_set_extra_child (message, scrolled);

  g_object_set_data (G_OBJECT (conflict), "ed-conflict-dialog", message);
  g_signal_connect_data (message, "response", G_CALLBACK (response_cb), dialog, dialog_free, 0);
  gtk_window_present (GTK_WINDOW (message));
  return message;
}
