/* ed-field-row-country.c — finding a nationality by its name or code
 *
 * Staff type what they know — "japan", "日本", "ドイツ", "德国", "JPN" —
 * and pick from the countries found; the row stores the code passports
 * use (JPN, or D for Germany) and shows the name beside it. Typing
 * stays in the entry: the suggestions never take the focus, and the
 * arrow keys, Enter and Escape work them from the entry; Escape brings
 * back what the row said before.
 *
 * Names, not flags: a flag is an emoji that many desks have no font
 * for, and a box of tofu says less than the code beside the name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-field-row-private.h"

#define MAX_SUGGESTIONS 8

void
_ed_field_row_show_country (EdFieldRow *self,
                            const char *value)
{
  const EdCountry *country = NULL;
  g_autofree char *code = ed_normalize_country (value);

  if (code != NULL && *code != '\0')
    country = ed_country_lookup (code);

  /* "JP" is found too, but only a passport's code is stored. */
  if (country == NULL || g_strcmp0 (ed_country_get_code (country), code) != 0)
    {
      /* Removed, not hidden: an empty suffix box would still take room. */
      if (gtk_widget_get_parent (self->country_label) != NULL)
        adw_entry_row_remove (ADW_ENTRY_ROW (self->editor), self->country_label);
      return;
    }

  gtk_label_set_text (GTK_LABEL (self->country_label), ed_country_get_display_name (country));
  if (gtk_widget_get_parent (self->country_label) == NULL)
    {
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (self->editor), self->country_label);
      gtk_box_reorder_child_after (GTK_BOX (gtk_widget_get_parent (self->country_label)),
                                   self->country_label, NULL);
    }
}

gboolean
_ed_field_row_country_is_open (EdFieldRow *self)
{
  return self->country_popover != NULL && gtk_widget_get_visible (self->country_popover);
}

static void
close_suggestions (EdFieldRow *self)
{
  if (_ed_field_row_country_is_open (self))
    gtk_popover_popdown (GTK_POPOVER (self->country_popover));
}

static void
choose (EdFieldRow    *self,
        GtkListBoxRow *row)
{
  const char *code = g_object_get_data (G_OBJECT (row), "code");

  self->choosing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->editor), code);
  gtk_editable_set_position (GTK_EDITABLE (self->editor), -1);
  self->choosing = FALSE;
  g_free (self->country_before);
  self->country_before = g_strdup (code);
  _ed_field_row_show_country (self, code);

  close_suggestions (self);
  ed_field_row_validate_now (self);
}

/* Escape: the search is dropped and the row says what it said. */
static void
cancel (EdFieldRow *self)
{
  self->choosing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->editor),
                         self->country_before != NULL ? self->country_before : "");
  gtk_editable_set_position (GTK_EDITABLE (self->editor), -1);
  self->choosing = FALSE;
  _ed_field_row_show_country (self, self->country_before);

  close_suggestions (self);
  ed_field_row_validate_now (self);
}

static void
suggestion_activated_cb (EdFieldRow    *self,
                         GtkListBoxRow *row)
{
  choose (self, row);
}

static GtkWidget *
create_suggestion (const EdCountry *country)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (ed_country_get_display_name (country));
  GtkWidget *code = gtk_label_new (ed_country_get_code (country));

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (code, "dim-label");
  gtk_widget_add_css_class (code, "monospace");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), code);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* The entry keeps the focus while staff type. */
  gtk_widget_set_focusable (row, FALSE);
  g_object_set_data_full (G_OBJECT (row), "code", g_strdup (ed_country_get_code (country)), g_free);

  return row;
}

void
_ed_field_row_search_country (EdFieldRow *self,
                              const char *text)
{
  g_autoptr(GPtrArray) found = ed_country_search (text);
  GtkWidget *child;
  guint n = MIN (found->len, MAX_SUGGESTIONS);
  int width;

  /* The name beside the row is that of what the row says now. */
  _ed_field_row_show_country (self, text);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->country_list))) != NULL)
    gtk_list_box_remove (self->country_list, child);

  /* A code typed whole needs no suggestion. */
  if (n == 0
      || (n == 1
          && g_ascii_strcasecmp (text, ed_country_get_code (g_ptr_array_index (found, 0))) == 0))
    {
      close_suggestions (self);
      return;
    }

  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->country_list, create_suggestion (g_ptr_array_index (found, i)));
  gtk_list_box_select_row (self->country_list,
                           gtk_list_box_get_row_at_index (self->country_list, 0));

  width = gtk_widget_get_width (self->editor);
  gtk_widget_set_size_request (self->country_popover, MAX (width / 2, 280), -1);
  if (gtk_widget_get_mapped (self->editor))
    {
      gtk_popover_popup (GTK_POPOVER (self->country_popover));
      _ed_field_row_present_country (self);
    }
}

static void
move_selection (EdFieldRow *self,
                int         delta)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->country_list);
  int index = row != NULL ? gtk_list_box_row_get_index (row) + delta : 0;
  GtkListBoxRow *next = gtk_list_box_get_row_at_index (self->country_list, MAX (index, 0));

  if (next != NULL)
    gtk_list_box_select_row (self->country_list, next);
}

static gboolean
key_pressed_cb (EdFieldRow      *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  GtkListBoxRow *row;

  if (!_ed_field_row_country_is_open (self))
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_selection (self, 1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_selection (self, -1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      row = gtk_list_box_get_selected_row (self->country_list);
      if (row == NULL)
        return GDK_EVENT_PROPAGATE;
      choose (self, row);
      return GDK_EVENT_STOP;

    case GDK_KEY_Escape:
      cancel (self);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
focus_enter_cb (EdFieldRow *self)
{
  g_free (self->country_before);
  self->country_before = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->editor)));
}

/* Leaving the row with a name that finds one country only is choosing
 * it: "japan" becomes JPN rather than an error. */
static void
focus_leave_cb (EdFieldRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->editor));
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *code = ed_normalize_country (text);
  const EdCountry *known = ed_country_lookup (code);

  close_suggestions (self);
  if (*text == '\0' || (known != NULL && g_strcmp0 (ed_country_get_code (known), code) == 0))
    return;

  found = ed_country_search (text);
  if (found->len == 1)
    {
      self->choosing = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->editor),
                             ed_country_get_code (g_ptr_array_index (found, 0)));
      self->choosing = FALSE;
      _ed_field_row_left (self);
    }
}

/* A popover follows its parent only when the parent presents it. */
void
_ed_field_row_present_country (EdFieldRow *self)
{
  graphene_rect_t bounds;
  GdkRectangle rect;

  if (!_ed_field_row_country_is_open (self))
    return;

  if (gtk_widget_compute_bounds (self->editor, GTK_WIDGET (self), &bounds))
    {
      rect.x = (int) bounds.origin.x;
      rect.y = (int) bounds.origin.y;
      rect.width = (int) bounds.size.width;
      rect.height = (int) bounds.size.height;
      gtk_popover_set_pointing_to (GTK_POPOVER (self->country_popover), &rect);
    }
  gtk_popover_present (GTK_POPOVER (self->country_popover));
}

void
_ed_field_row_setup_country (EdFieldRow *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_BROWSE);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (list), TRUE);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  gtk_widget_set_focusable (list, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Countries Found"),
                                  -1);
  g_signal_connect_object (list, "row-activated", G_CALLBACK (suggestion_activated_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);

  gtk_popover_set_child (GTK_POPOVER (popover), scrolled);
  gtk_popover_set_autohide (GTK_POPOVER (popover), FALSE);
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_BOTTOM);
  gtk_widget_set_focusable (popover, FALSE);
  gtk_widget_set_can_focus (popover, FALSE);
  /* Parented to the row, which presents it (_ed_field_row_present_country()). */
  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  g_signal_connect_object (popover, "closed", G_CALLBACK (ed_field_row_validate_now),
                           self, G_CONNECT_SWAPPED);

  self->country_popover = popover;
  self->country_list = GTK_LIST_BOX (list);

  /* Before the entry handles them: Enter picks, it does not move on. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->editor, keys);

  g_signal_connect_object (focus, "enter", G_CALLBACK (focus_enter_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->editor, focus);
}

void
_ed_field_row_dispose_country (EdFieldRow *self)
{
  if (self->country_popover == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->country_popover, self);
  gtk_widget_unparent (self->country_popover);
  self->country_popover = NULL;
  self->country_list = NULL;
  g_clear_pointer (&self->country_before, g_free);
}
