/* ed-test-gui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "ed-test-gui.h"

gint64
ed_test_wait_deadline (void)
{
  return g_get_monotonic_time () + ED_TEST_WAIT_TIMEOUT_S * G_USEC_PER_SEC;
}

/* One turn of ED_TEST_WAIT_FOR(): what is ready runs; with nothing
 * ready, a short sleep rather than blocking, so that a condition no
 * source will change (a thread's work) is still looked at again. Past
 * @deadline, the test fails, saying what it waited for. */
void
ed_test_wait_step (gint64      deadline,
                   const char *what)
{
  if (g_get_monotonic_time () > deadline)
    g_error ("Waited %d s for %s, in vain", ED_TEST_WAIT_TIMEOUT_S, what);

  if (!g_main_context_iteration (NULL, FALSE))
    g_usleep (1000);
}

void
ed_test_wait_until_mapped (GtkWidget *widget)
{
  ED_TEST_WAIT_FOR (gtk_widget_get_mapped (widget));
}

static int
ed_test_surface_width (GtkWindow *window)
{
  return gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window)));
}

/* Whether @window is as wide as asked, or as narrow as it can be, on
 * the display and inside: its least width is measured again each time,
 * as it changes when the content folds; @frame is what the surface has
 * around the window (the border a window without a compositor draws). */
static gboolean
ed_test_has_width (GtkWindow *window,
                   int        width,
                   int        frame)
{
  int minimum = 0;

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL,
                      NULL, NULL);
  return ed_test_surface_width (window) == MAX (width, minimum)
         && gtk_widget_get_width (GTK_WIDGET (window)) == MAX (width, minimum) - frame;
}

/**
 * ed_test_resize:
 *
 * Resizes @window as a user would drag it, and waits until it has the
 * new width, or the least it can have.
 */
void
ed_test_resize (GtkWindow *window,
                int        width,
                int        height)
{
  int frame;

  ed_test_wait_until_mapped (GTK_WIDGET (window));
  frame = ed_test_surface_width (window) - gtk_widget_get_width (GTK_WIDGET (window));
  gtk_window_set_default_size (window, width, height);
  ED_TEST_WAIT_FOR (ed_test_has_width (window, width, frame));
  ed_test_drain ();
}

/**
 * ed_test_wait_for_last_ref:
 * @object: (type GObject): what a test made and holds
 *
 * Waits until the test holds the last reference to @object: the
 * widgets that used it are gone, and g_assert_finalize_object() may
 * follow.
 */
void
ed_test_wait_for_last_ref (gpointer object)
{
  ED_TEST_WAIT_FOR (g_atomic_int_get (&G_OBJECT (object)->ref_count) == 1);
}

static void
ed_test_painted_cb (GdkFrameClock *clock,
                    gpointer       user_data)
{
  gboolean *painted = user_data;

  *painted = TRUE;
}

/**
 * ed_test_wait_for_paint:
 *
 * Asks for @widget to be drawn again and waits until its window has
 * laid it out and painted it: what changed before shows on screen.
 */
void
ed_test_wait_for_paint (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong handler;

  ed_test_wait_until_mapped (widget);
  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (ed_test_painted_cb), &painted);
  gtk_widget_queue_draw (widget);
  ED_TEST_WAIT_FOR (painted);
  g_signal_handler_disconnect (clock, handler);
}

static gboolean
ed_test_clickable (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget) || !gtk_widget_is_sensitive (widget))
    return FALSE;

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (!gtk_widget_get_can_target (w))
      return FALSE;

  return TRUE;
}

/**
 * ed_test_wait_clickable:
 *
 * Waits until a pointer could click @widget: on screen, sensitive, and
 * neither it nor what holds it refuses clicks (a toast sliding in does).
 */
void
ed_test_wait_clickable (GtkWidget *widget)
{
  ED_TEST_WAIT_FOR (ed_test_clickable (widget));
}

/**
 * ed_test_drain:
 *
 * Runs what is ready in the main context now (idle callbacks, events
 * already queued), without waiting for anything: no timer that was not
 * due fires meanwhile.
 */
void
ed_test_drain (void)
{
  for (guint i = 0; i < 1000 && g_main_context_iteration (NULL, FALSE); i++)
    ;
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

  /* A window being resized has no size until the display answers. */
  ED_TEST_WAIT_FOR (gtk_widget_get_width (widget) > 0 && gtk_widget_get_height (widget) > 0);
  ed_test_wait_for_paint (widget);
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
 * Types @text into @editable at its end, one character at a time, each
 * handled before the next comes, as quickly as the machine goes: no
 * timer an editor starts on a keystroke (a check half a second after
 * typing stops) fires before the last one.
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
      ed_test_drain ();
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

/**
 * ed_test_count_labels:
 *
 * Returns: how many labels on screen under @root have @needle in their
 *   text: what a user reads more than once
 */
guint
ed_test_count_labels (GtkWidget  *root,
                      const char *needle)
{
  guint n = GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
            strstr (gtk_label_get_text (GTK_LABEL (root)), needle) != NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += ed_test_count_labels (child, needle);

  return n;
}

/* Waits until the first revealer under @root has slid its child fully
 * in: a screenshot before shows it half way. */
void
ed_test_wait_revealed (GtkWidget *root)
{
  GtkWidget *revealer = ed_test_find_widget (root, GTK_TYPE_REVEALER, NULL);

  g_assert_nonnull (revealer);
  ED_TEST_WAIT_FOR (gtk_revealer_get_child_revealed (GTK_REVEALER (revealer)));
}

/* Waits for ed_test_find_label() to find @needle. */
GtkLabel *
ed_test_wait_for_label (GtkWidget  *root,
                        const char *needle)
{
  gint64 deadline = ed_test_wait_deadline ();
  g_autofree char *what = g_strdup_printf ("a label that says “%s”", needle);
  GtkLabel *label;

  while ((label = ed_test_find_label (root, needle)) == NULL)
    ed_test_wait_step (deadline, what);

  return label;
}

/* Whether @widget is the one looked for: @text is what it must say. */
typedef gboolean (*Match) (GtkWidget  *widget,
                           const char *text);

/* Returns: (nullable): the first widget under @root, depth first, that
 * @match takes for @text */
static GtkWidget *
find_first (GtkWidget  *root,
            Match       match,
            const char *text)
{
  if (match (root, text))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_first (child, match, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_button_labelled (GtkWidget  *widget,
                    const char *label)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_button_with_icon (GtkWidget  *widget,
                     const char *icon_name)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon_name) == 0;
}

static gboolean
is_row_titled (GtkWidget  *widget,
               const char *title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_bound_to (GtkWidget  *widget,
             const char *action_name)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

/* Returns: (nullable): the first button under @root labelled @label (with its mnemonic) */
GtkWidget *
ed_test_find_button (GtkWidget  *root,
                     const char *label)
{
  return find_first (root, is_button_labelled, label);
}

/* Returns: (nullable): the first button under @root that shows the icon
 * @icon_name, such as a close button */
GtkWidget *
ed_test_find_icon_button (GtkWidget  *root,
                          const char *icon_name)
{
  return find_first (root, is_button_with_icon, icon_name);
}

/* Returns: (nullable): the first preferences row under @root titled @title */
GtkWidget *
ed_test_find_row (GtkWidget  *root,
                  const char *title)
{
  return find_first (root, is_row_titled, title);
}

/* Returns: (nullable): the first button (or other actionable) under
 * @root bound to @action_name, such as "wizard.next" */
GtkWidget *
ed_test_find_actionable (GtkWidget  *root,
                         const char *action_name)
{
  return find_first (root, is_bound_to, action_name);
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
