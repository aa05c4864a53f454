/* ed-test-gui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "ed-test-gui.h"

void
ed_test_wait_until_mapped (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (gtk_widget_get_mapped (widget));
}

/* Runs the main loop for about @msec, so that layout and drawing happen. */
void
ed_test_iterate (guint msec)
{
  gint64 end = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

GtkWindow *
ed_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

/**
 * ed_test_find_widget:
 * @css_name_or_null: also match this widget name (gtk_widget_get_name())
 *
 * Returns: (nullable): the first descendant of @root, depth first, of
 *   @type.
 */
GtkWidget *
ed_test_find_widget (GtkWidget  *root,
                     GType       type,
                     const char *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (name == NULL || g_strcmp0 (gtk_widget_get_name (root), name) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ed_test_find_widget (child, type, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * ed_test_screenshot:
 *
 * Saves what @widget shows as `<ED_SCREENSHOT_DIR>/<name>-<lang>.png`,
 * for people to look at; does nothing when ED_SCREENSHOT_DIR is unset.
 */
void
ed_test_screenshot (GtkWidget  *widget,
                    const char *name)
{
  const char *dir = g_getenv ("ED_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  graphene_rect_t bounds;
  GskRenderer *renderer;
  const char *lang = g_getenv ("LANGUAGE");

  if (dir == NULL || *dir == '\0')
    return;

  ed_test_iterate (200);
  /* A window being resized has no size until the display answers. */
  for (guint i = 0; i < 100
       && (gtk_widget_get_width (widget) == 0 || gtk_widget_get_height (widget) == 0); i++)
    ed_test_iterate (50);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot,
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  /* Pictures are for people to look at, not a check: nothing drawn yet
   * is no failure. */
  if (node == NULL)
    {
      g_test_message ("No screenshot %s: nothing drawn", name);
      return;
    }

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  graphene_rect_init (&bounds, 0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  texture = gsk_renderer_render_texture (renderer, node, &bounds);

  g_mkdir_with_parents (dir, 0755);
  file = g_strdup_printf ("%s-%s.png", name, lang != NULL && *lang != '\0' ? lang : "C");
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/**
 * ed_test_show_page:
 * @application: (nullable): the application, for its style sheet
 * @content: what a page of the app would show, scrolled and clamped
 *
 * Returns: (transfer none): a window as the app's pages look, mapped
 */
GtkWindow *
ed_test_show_page (GtkApplication *application,
                   GtkWidget      *content,
                   int             width,
                   int             height)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *clamp = adw_clamp_new ();

  gtk_window_set_application (GTK_WINDOW (window), application);
  gtk_window_set_title (GTK_WINDOW (window), "Entry Desk");
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  gtk_widget_set_margin_top (clamp, 24);
  gtk_widget_set_margin_bottom (clamp, 24);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  /* The whole page, also what is scrolled out of sight, for
   * ed_test_screenshot_page(). */
  gtk_widget_set_name (page, "ed-test-page");
  gtk_widget_add_css_class (page, "background");
  gtk_box_append (GTK_BOX (page), clamp);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), page);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);

  gtk_window_present (GTK_WINDOW (window));
  ed_test_wait_until_mapped (content);
  return GTK_WINDOW (window);
}

/**
 * ed_test_type:
 *
 * Types @text into @editable at its end, one character at a time, as
 * quickly as a person: the keystrokes come a few milliseconds apart.
 */
void
ed_test_type (GtkWidget  *editable,
              const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int position = -1;

      gtk_editable_set_position (GTK_EDITABLE (editable), -1);
      position = gtk_editable_get_position (GTK_EDITABLE (editable));
      gtk_editable_insert_text (GTK_EDITABLE (editable), p, (int) (g_utf8_next_char (p) - p),
                                &position);
      ed_test_iterate (20);
    }
}

/**
 * ed_test_find_label:
 *
 * Returns: (nullable): the first label on screen under @root whose text
 *   contains @needle, as a user would read it
 */
GtkLabel *
ed_test_find_label (GtkWidget  *root,
                    const char *needle)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), needle) != NULL)
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = ed_test_find_label (child, needle);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Waits up to 20 seconds for ed_test_find_label() to find @needle. */
GtkLabel *
ed_test_wait_for_label (GtkWidget  *root,
                        const char *needle)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  GtkLabel *label;

  while ((label = ed_test_find_label (root, needle)) == NULL &&
         g_get_monotonic_time () < deadline)
    ed_test_iterate (50);

  if (label == NULL)
    g_error ("No label says “%s”", needle);

  return label;
}

/* Returns: (nullable): the first button under @root labelled @label (with its mnemonic) */
GtkWidget *
ed_test_find_button (GtkWidget  *root,
                     const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ed_test_find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Returns: (nullable): the first preferences row under @root titled @title */
GtkWidget *
ed_test_find_row (GtkWidget  *root,
                  const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ed_test_find_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Returns: (nullable): the first button (or other actionable) under
 * @root bound to @action_name, such as "wizard.next" */
GtkWidget *
ed_test_find_actionable (GtkWidget  *root,
                         const char *action_name)
{
  if (GTK_IS_ACTIONABLE (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ed_test_find_actionable (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * ed_test_label_language:
 *
 * Returns: (nullable): the language @text is shaped in where a label
 *   under @root shows it (a pango language attribute, from the label's
 *   attributes or its markup), such as "zh-tw"
 */
const char *
ed_test_label_language (GtkWidget  *root,
                        const char *text)
{
  GtkLabel *label = ed_test_find_label (root, text);
  PangoLayout *layout;
  PangoAttrList *attrs;
  PangoAttrIterator *iter;
  const char *language = NULL;
  int index;

  if (label == NULL)
    return NULL;

  /* The layout has both the label's attributes and its markup's. */
  layout = gtk_label_get_layout (label);
  attrs = pango_layout_get_attributes (layout);
  if (attrs == NULL)
    return NULL;

  index = (int) (strstr (pango_layout_get_text (layout), text) - pango_layout_get_text (layout));
  iter = pango_attr_list_get_iterator (attrs);
  do
    {
      int start, end;
      PangoAttribute *attr;

      pango_attr_iterator_range (iter, &start, &end);
      attr = pango_attr_iterator_get (iter, PANGO_ATTR_LANGUAGE);
      if (start <= index && index < end && attr != NULL)
        language = pango_language_to_string (((PangoAttrLanguage *) attr)->value);
    }
  while (language == NULL && pango_attr_iterator_next (iter));
  pango_attr_iterator_destroy (iter);

  return language;
}

/**
 * ed_test_screenshot_page:
 * @content: the content given to ed_test_show_page()
 *
 * ed_test_screenshot() of the whole page, scrolled out of sight or not.
 */
void
ed_test_screenshot_page (GtkWidget  *content,
                         const char *name)
{
  GtkWidget *page = gtk_widget_get_ancestor (content, GTK_TYPE_BOX);

  while (page != NULL && g_strcmp0 (gtk_widget_get_name (page), "ed-test-page") != 0)
    page = gtk_widget_get_ancestor (gtk_widget_get_parent (page), GTK_TYPE_BOX);

  g_assert_nonnull (page);
  ed_test_screenshot (page, name);
}
