/* ed-toast.c — every toast of the GUI
 *
 * Every toast is made here, from plain text: a title is escaped once,
 * here, so that a name or a file name with “&” or “<” in it shows as
 * typed. A toast's own title is one line, cut short; the sentences an
 * update or the case store says (they name a file, a feed, a reason)
 * are shown whole, wrapped. What staff asked for and did not happen
 * stays until dismissed.
 *
 * Where a toast shows is its owner's business: a widget hands it up
 * with its ::show-toast signal (ed_toast_signal_new()), a helper through
 * the EdToastFunc it was given, and a row that only confirms a click
 * activates win.show-toast.
 *
 * Every toast reaches its overlay through ed_toast_overlay_add() and is
 * dismissed in code with ed_toast_dismiss(). In libadwaita 1.2 a toast
 * dismissed while it still slides in (300 ms, 500 ms when it replaces
 * one leaving) is freed when its leaving ends, and the end of the slide
 * then crashes the program. So a toast waits until the overlay has no
 * toast leaving; while it slides in, it takes no clicks and a dismissal
 * in code waits; one of high priority still pushes a settled one aside
 * at once, as libadwaita does. A toast that stays until dismissed goes
 * to the window's bar instead, where the window has one
 * (ed_toast_overlay_set_bar()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ed-banner.h"
#include "ed-toast.h"

/* Wide enough for a sentence, narrow enough for a toast. */
#define TOAST_WIDTH_CHARS 60

/**
 * ed_toast_new:
 * @text: plain text, not markup
 * @timeout: seconds it stays, or %ED_TOAST_TIMEOUT_LASTING
 *
 * Returns: (transfer full): a toast that says @text on one line
 */
AdwToast *
ed_toast_new (const char *text,
              guint       timeout)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_val_if_fail (text != NULL, NULL);

  title = g_markup_escape_text (text, -1);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, timeout);

  return toast;
}

/**
 * ed_toast_new_lasting:
 * @text: plain text, not markup
 *
 * Returns: (transfer full): a toast that stays until dismissed, for what
 *   staff asked for and did not happen
 */
AdwToast *
ed_toast_new_lasting (const char *text)
{
  return ed_toast_new (text, ED_TOAST_TIMEOUT_LASTING);
}

static GtkWidget *
create_label (const char *text,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), TOAST_WIDTH_CHARS);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/**
 * ed_toast_new_wrapped:
 * @heading: (nullable): a bold first line
 * @text: plain text, not markup: a sentence or two
 * @timeout: seconds it stays, or %ED_TOAST_TIMEOUT_LASTING
 *
 * Returns: (transfer full): a toast that shows @text whole, wrapped,
 *   under its heading; without one, @text is the heading
 */
AdwToast *
ed_toast_new_wrapped (const char *heading,
                      const char *text,
                      guint       timeout)
{
  AdwToast *toast;
  GtkWidget *box;

  g_return_val_if_fail (text != NULL, NULL);

  toast = adw_toast_new ("");
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  if (heading != NULL)
    gtk_box_append (GTK_BOX (box), create_label (heading, "heading"));
  gtk_box_append (GTK_BOX (box), create_label (text, heading != NULL ? NULL : "heading"));
  adw_toast_set_custom_title (toast, box);
  adw_toast_set_timeout (toast, timeout);

  return toast;
}

/**
 * ed_toast_signal_new:
 * @type: a widget class whose owner shows its toasts
 *
 * Adds the signal `show-toast (AdwToast *toast)` to @type. The owner
 * connects it and shows the toast where it shows toasts; a handler that
 * keeps the toast takes a reference.
 *
 * Returns: the signal's id, for ed_toast_emit()
 */
guint
ed_toast_signal_new (GType type)
{
  return g_signal_new ("show-toast",
                       type,
                       G_SIGNAL_RUN_LAST,
                       0, NULL, NULL, NULL,
                       G_TYPE_NONE, 1, ADW_TYPE_TOAST);
}

/**
 * ed_toast_emit:
 * @signal_id: from ed_toast_signal_new()
 * @toast: (transfer full): what @instance has to say
 *
 * Hands @toast to the owner of @instance; without one it is dropped.
 */
void
ed_toast_emit (gpointer  instance,
               guint     signal_id,
               AdwToast *toast)
{
  g_return_if_fail (G_IS_OBJECT (instance));
  g_return_if_fail (ADW_IS_TOAST (toast));

  g_signal_emit (instance, signal_id, 0, toast);
  g_object_unref (toast);
}

#define STATE_KEY "ed-toast-state"
#define OVERLAY_KEY "ed-toast-overlay"
#define WATCHED_KEY "ed-toast-watched"
#define SETTLED_KEY "ed-toast-settled"
#define BAR_KEY "ed-toast-bar"

/* libadwaita's longest slide-in (a toast replacing another), with a
 * few frames to spare. */
#define SLIDE_IN_US (600 * G_TIME_SPAN_MILLISECOND)

/* A toast handed to its overlay, sliding in: it takes no clicks, and a
 * dismissal waits, until the slide is over. */
typedef struct
{
  AdwToast  *toast;
  GtkWidget *widget;
  gint64     start;    /* frame time it was first seen, or 0 */
  gboolean   dismiss;  /* asked for while it slid in */
} Slide;

/* What an overlay's toasts wait for. */
typedef struct
{
  GQueue     pending;  /* not handed over yet */
  GPtrArray *sliding;  /* of Slide */
  guint      tick;
} OverlayState;

static void
slide_free (gpointer data)
{
  Slide *slide = data;

  g_object_unref (slide->toast);
  g_object_unref (slide->widget);
  g_free (slide);
}

static void
overlay_state_free (gpointer data)
{
  OverlayState *state = data;

  g_queue_clear_full (&state->pending, g_object_unref);
  g_ptr_array_unref (state->sliding);
  g_free (state);
}

static void
free_weak_ref (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static OverlayState *
get_state (AdwToastOverlay *overlay)
{
  OverlayState *state = g_object_get_data (G_OBJECT (overlay), STATE_KEY);

  if (state == NULL)
    {
      state = g_new0 (OverlayState, 1);
      state->sliding = g_ptr_array_new_with_free_func (slide_free);
      g_object_set_data_full (G_OBJECT (overlay), STATE_KEY, state, overlay_state_free);
    }

  return state;
}

/* The toasts of @overlay on screen are children beside its content:
 * one that takes clicks is shown and settled; the others slide in or
 * leave. */
static gboolean
overlay_is_clear (AdwToastOverlay *overlay)
{
  return gtk_widget_get_first_child (GTK_WIDGET (overlay)) ==
         gtk_widget_get_last_child (GTK_WIDGET (overlay));
}

static GtkWidget *
find_toast_widget (AdwToastOverlay *overlay,
                   gboolean         settled)
{
  GtkWidget *content = adw_toast_overlay_get_child (overlay);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (overlay)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != content && gtk_widget_get_can_target (child) == settled)
      return child;

  return NULL;
}

static gboolean overlay_tick_cb (GtkWidget     *widget,
                                 GdkFrameClock *clock,
                                 gpointer       user_data);

static void
ensure_tick (AdwToastOverlay *overlay,
             OverlayState    *state)
{
  if (state->tick == 0)
    state->tick = gtk_widget_add_tick_callback (GTK_WIDGET (overlay), overlay_tick_cb, NULL,
                                                NULL);
}

/* A toast widget that just came (handed over, or shown again by
 * libadwaita after one of high priority pushed it aside) slides in. */
static void
adopt_new_widgets (AdwToastOverlay *overlay,
                   OverlayState    *state)
{
  GtkWidget *content = adw_toast_overlay_get_child (overlay);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (overlay)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autoptr(AdwToast) toast = NULL;
      Slide *slide;

      if (child == content || !gtk_widget_get_can_target (child) ||
          g_object_get_data (G_OBJECT (child), SETTLED_KEY) != NULL ||
          g_object_class_find_property (G_OBJECT_GET_CLASS (child), "toast") == NULL)
        continue;

      g_object_get (child, "toast", &toast, NULL);
      if (toast == NULL)
        continue;

      slide = g_new0 (Slide, 1);
      slide->toast = g_steal_pointer (&toast);
      slide->widget = g_object_ref (child);
      gtk_widget_set_can_target (child, FALSE);
      g_ptr_array_add (state->sliding, slide);
      ensure_tick (overlay, state);
    }
}

/* One that waits and is dismissed (a newer result replaced it) never
 * shows; when the one on screen is, the next may come once it has left. */
static void
toast_dismissed_cb (AdwToast        *toast,
                    AdwToastOverlay *overlay)
{
  OverlayState *state = get_state (overlay);

  if (g_queue_remove (&state->pending, toast))
    {
      g_object_unref (toast);
      return;
    }

  adopt_new_widgets (overlay, state);
  if (!g_queue_is_empty (&state->pending))
    ensure_tick (overlay, state);
}

static void
watch_dismissal (AdwToastOverlay *overlay,
                 AdwToast        *toast)
{
  if (g_object_get_data (G_OBJECT (toast), WATCHED_KEY) != NULL)
    return;

  g_object_set_data (G_OBJECT (toast), WATCHED_KEY, GINT_TO_POINTER (TRUE));
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), overlay, 0);
}

/* @toast: (transfer full) */
static void
hand_over (AdwToastOverlay *overlay,
           OverlayState    *state,
           AdwToast        *toast)
{
  GWeakRef *where = g_new0 (GWeakRef, 1);

  g_weak_ref_init (where, overlay);
  g_object_set_data_full (G_OBJECT (toast), OVERLAY_KEY, where, free_weak_ref);
  watch_dismissal (overlay, toast);
  adw_toast_overlay_add_toast (overlay, toast);
  adopt_new_widgets (overlay, state);
}

static gboolean
overlay_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  AdwToastOverlay *overlay = ADW_TOAST_OVERLAY (widget);
  OverlayState *state = get_state (overlay);
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  for (guint i = state->sliding->len; i > 0; i--)
    {
      Slide *slide = g_ptr_array_index (state->sliding, i - 1);
      g_autoptr(AdwToast) toast = g_object_ref (slide->toast);
      gboolean dismiss = slide->dismiss;

      if (slide->start == 0)
        slide->start = now;
      if (now < slide->start + SLIDE_IN_US)
        continue;

      g_object_set_data (G_OBJECT (slide->widget), SETTLED_KEY, GINT_TO_POINTER (TRUE));
      if (gtk_widget_get_parent (slide->widget) == widget)
        gtk_widget_set_can_target (slide->widget, TRUE);
      g_ptr_array_remove_index (state->sliding, i - 1);
      if (dismiss)
        adw_toast_dismiss (toast);
    }

  if (!g_queue_is_empty (&state->pending) && overlay_is_clear (overlay))
    hand_over (overlay, state, g_queue_pop_head (&state->pending));

  /* Frames while something slides, or waits for a toast to leave; one
   * settled on screen is watched for its dismissal instead. */
  if (state->sliding->len > 0 ||
      (!g_queue_is_empty (&state->pending) && find_toast_widget (overlay, TRUE) == NULL))
    return G_SOURCE_CONTINUE;

  state->tick = 0;
  return G_SOURCE_REMOVE;
}

/**
 * ed_toast_overlay_add:
 * @overlay: where the toast shows
 * @toast: (transfer full): what to show
 *
 * Shows @toast in @overlay as adw_toast_overlay_add_toast() does, once
 * the toasts before it have left the screen (see the top of this file).
 */
void
ed_toast_overlay_add (AdwToastOverlay *overlay,
                      AdwToast        *toast)
{
  OverlayState *state;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (ADW_IS_TOAST (toast));

  /* What stays until dismissed is in the window's bar, where it has one. */
  if (adw_toast_get_timeout (toast) == ED_TOAST_TIMEOUT_LASTING)
    {
      GWeakRef *bar_ref = g_object_get_data (G_OBJECT (overlay), BAR_KEY);
      g_autoptr(EdBanner) bar = bar_ref != NULL ? g_weak_ref_get (bar_ref) : NULL;

      if (bar != NULL)
        {
          ed_banner_show (bar, toast);
          return;
        }
    }

  state = get_state (overlay);

  /* Nothing on screen, or a settled one to push aside now: libadwaita's way. */
  if (g_queue_is_empty (&state->pending) &&
      (overlay_is_clear (overlay) ||
       (adw_toast_get_priority (toast) == ADW_TOAST_PRIORITY_HIGH &&
        find_toast_widget (overlay, FALSE) == NULL)))
    {
      hand_over (overlay, state, toast);
      return;
    }

  watch_dismissal (overlay, toast);
  if (adw_toast_get_priority (toast) == ADW_TOAST_PRIORITY_HIGH)
    g_queue_push_head (&state->pending, toast);
  else
    g_queue_push_tail (&state->pending, toast);
  ensure_tick (overlay, state);
}

/**
 * ed_toast_overlay_set_bar:
 * @overlay: a window's toast overlay
 * @bar: the bar along the bottom of the same window
 *
 * From now on, a toast added to @overlay that stays until dismissed
 * (%ED_TOAST_TIMEOUT_LASTING: a failure, a reminder to act on) shows in
 * @bar; any other, in @overlay.
 */
void
ed_toast_overlay_set_bar (AdwToastOverlay *overlay,
                          EdBanner        *bar)
{
  GWeakRef *bar_ref = g_new0 (GWeakRef, 1);

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (ED_IS_BANNER (bar));

  g_weak_ref_init (bar_ref, bar);
  g_object_set_data_full (G_OBJECT (overlay), BAR_KEY, bar_ref, free_weak_ref);
}

/**
 * ed_toast_dismiss:
 * @toast: a toast, shown or not
 *
 * Dismisses @toast as adw_toast_dismiss() does; one still sliding in
 * goes once it is in (see the top of this file).
 */
void
ed_toast_dismiss (AdwToast *toast)
{
  EdBanner *banner;
  GWeakRef *where;
  g_autoptr(AdwToastOverlay) overlay = NULL;
  OverlayState *state;

  g_return_if_fail (ADW_IS_TOAST (toast));

  /* Shown in a bar, not a toast overlay. */
  banner = ed_banner_find (toast);
  if (banner != NULL)
    {
      ed_banner_dismiss (banner, toast);
      return;
    }

  where = g_object_get_data (G_OBJECT (toast), OVERLAY_KEY);
  overlay = where != NULL ? g_weak_ref_get (where) : NULL;
  state = overlay != NULL ? g_object_get_data (G_OBJECT (overlay), STATE_KEY) : NULL;
  for (guint i = 0; state != NULL && i < state->sliding->len; i++)
    {
      Slide *slide = g_ptr_array_index (state->sliding, i);

      if (slide->toast == toast)
        {
          slide->dismiss = TRUE;
          return;
        }
    }

  adw_toast_dismiss (toast);
}

/**
 * ed_toast_find_overlay:
 * @root: a window, or a widget in one
 *
 * Returns: (transfer none) (nullable): the first toast overlay at or
 *   under @root: an #AdwPreferencesWindow's own, for one
 */
AdwToastOverlay *
ed_toast_find_overlay (GtkWidget *root)
{
  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  if (ADW_IS_TOAST_OVERLAY (root))
    return ADW_TOAST_OVERLAY (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwToastOverlay *found = ed_toast_find_overlay (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}
