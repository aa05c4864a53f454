/* ed-read-only.c — a case shown to a role that may only read it
 *
 * An office database's reader role (entry_desk_reader) may read cases
 * but not change them, and the database refuses its saves. Rather than
 * let staff type what cannot be kept, the window shows such a desk's
 * cases read-only: every field keeps its text, readable and
 * selectable, but takes no typing; ticks and choices show their state
 * but do not change; the buttons that add, remove or close go. The
 * office bar says why (ed-office-bar.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "ed-read-only.h"

/* Buttons that change a case or add one: hidden. Menus that name these
 * actions find them disabled where the window disables them. */
static const char * const changing_actions[] = {
  "family.add",
  "wizard.mark-done",
  "wizard.reopen",
  "case.add-procedure",
  "case.move-procedure-up",
  "case.move-procedure-down",
  "case.remove-procedure",
  "cases.import",
  "win.new-case",
  "win.import-case",
  NULL
};

static gboolean
is_changing_action (const char *name)
{
  return name != NULL && g_strv_contains (changing_actions, name);
}

/**
 * ed_read_only_apply:
 * @root: a case's page, its wizard, or anything holding fields
 *
 * Makes what @root holds read-only, as it is now: call it again for
 * what is added later.
 */
void
ed_read_only_apply (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_ACTIONABLE (root) &&
      is_changing_action (gtk_actionable_get_action_name (GTK_ACTIONABLE (root))))
    {
      gtk_widget_set_visible (root, FALSE);
      return;
    }
  /* A button that removes (a traveller from the case): gone too. */
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)), "user-trash-symbolic") == 0)
    {
      gtk_widget_set_visible (root, FALSE);
      return;
    }
  /* An entry row's pencil says it takes typing: hidden (style.css). */
  if (ADW_IS_ENTRY_ROW (root))
    gtk_widget_add_css_class (root, "read-only");

  /* A search is not a change: it stays. */
  if (GTK_IS_SEARCH_ENTRY (root))
    return;
  if (GTK_IS_EDITABLE (root))
    {
      gtk_editable_set_editable (GTK_EDITABLE (root), FALSE);
      return;
    }
  if (GTK_IS_TEXT_VIEW (root))
    {
      gtk_text_view_set_editable (GTK_TEXT_VIEW (root), FALSE);
      return;
    }
  /* A toggle in a row is an answer (yes / no); elsewhere it shows or
   * hides a part of the window, which stays. */
  if (GTK_IS_CHECK_BUTTON (root) || GTK_IS_SWITCH (root) || GTK_IS_DROP_DOWN (root) ||
      ADW_IS_COMBO_ROW (root) ||
      (GTK_IS_TOGGLE_BUTTON (root) &&
       gtk_widget_get_ancestor (root, GTK_TYPE_LIST_BOX_ROW) != NULL))
    {
      gtk_widget_set_sensitive (root, FALSE);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ed_read_only_apply (child);
}
