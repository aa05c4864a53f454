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
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot,
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  graphene_rect_init (&bounds, 0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  texture = gsk_renderer_render_texture (renderer, node, &bounds);

  g_mkdir_with_parents (dir, 0755);
  file = g_strdup_printf ("%s-%s.png", name, lang != NULL && *lang != '\0' ? lang : "C");
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
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
