/* ed-sheet-preview.c
 *
 * A page as it will print: white paper, whatever the theme, drawn by
 * the same function as the PDF and the printer, scaled to fit, or
 * zoomed in (Ctrl and the wheel, or the dialog's buttons) and moved
 * with the pointer or the wheel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ed-sheet-preview.h"

/* Room around the paper for its shadow. */
#define MARGIN 18

struct _EdSheetPreview
{
  GtkWidget        parent_instance;

  EdSheetDocument *document;
  guint            page;
  double           zoom;          /* 1: the whole page */
  double           center_x;      /* the point of the page in the middle, */
  double           center_y;      /* as fractions of its width and height */
  double           drag_x;        /* the centre when a drag began */
  double           drag_y;
};

G_DEFINE_FINAL_TYPE (EdSheetPreview, ed_sheet_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_PAGE,
  PROP_N_PAGES,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void clamp_center (EdSheetPreview *self);

GtkWidget *
ed_sheet_preview_new (void)
{
  return g_object_new (ED_TYPE_SHEET_PREVIEW, NULL);
}

static void
update_accessible (EdSheetPreview *self)
{
  g_autofree char *label = NULL;

  if (self->document != NULL)
    /* Translators: what a screen reader says of the preview */
    label = g_strdup_printf (_("Preview of page %u of %u"), self->page + 1,
                             ed_sheet_document_get_n_pages (self->document));
  if (self->document != NULL && self->zoom > 1)
    {
      char *zoomed;

      /* Translators: the preview's label, then how much it is zoomed in, e.g. 200 */
      zoomed = g_strdup_printf (_("%s, zoomed to %d%%"), label, (int) round (self->zoom * 100));
      g_free (label);
      label = zoomed;
    }
  else
    label = g_strdup (_("Preview"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

EdSheetDocument *
ed_sheet_preview_get_document (EdSheetPreview *self)
{
  g_return_val_if_fail (ED_IS_SHEET_PREVIEW (self), NULL);

  return self->document;
}

guint
ed_sheet_preview_get_n_pages (EdSheetPreview *self)
{
  g_return_val_if_fail (ED_IS_SHEET_PREVIEW (self), 0);

  return self->document != NULL ? ed_sheet_document_get_n_pages (self->document) : 0;
}

guint
ed_sheet_preview_get_page (EdSheetPreview *self)
{
  g_return_val_if_fail (ED_IS_SHEET_PREVIEW (self), 0);

  return self->page;
}

/* Pages past the end show the last one. */
void
ed_sheet_preview_set_page (EdSheetPreview *self,
                           guint           page)
{
  guint n_pages;

  g_return_if_fail (ED_IS_SHEET_PREVIEW (self));

  n_pages = ed_sheet_preview_get_n_pages (self);
  page = n_pages > 0 ? MIN (page, n_pages - 1) : 0;
  if (page == self->page)
    return;

  self->page = page;
  self->center_y = 0;
  clamp_center (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/* The page shown stays where it was, as far as the new document goes:
 * changing the paper should not send staff back to page 1. */
void
ed_sheet_preview_set_document (EdSheetPreview  *self,
                               EdSheetDocument *document)
{
  guint n_pages_before;

  g_return_if_fail (ED_IS_SHEET_PREVIEW (self));
  g_return_if_fail (document == NULL || ED_IS_SHEET_DOCUMENT (document));

  if (self->document == document)
    return;

  n_pages_before = ed_sheet_preview_get_n_pages (self);
  g_set_object (&self->document, document);
  ed_sheet_preview_set_page (self, self->page);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  if (n_pages_before != ed_sheet_preview_get_n_pages (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
}

/* Where a page @size long starts in a view @view long, with the point
 * @center (a fraction of the page) in the middle: centred when it fits,
 * otherwise never showing more than the margin beyond its edges. */
static double
place (double center,
       double size,
       double view)
{
  double start = view / 2 - center * size;

  if (size + 2 * MARGIN <= view)
    return (view - size) / 2;

  return CLAMP (start, view - MARGIN - size, MARGIN);
}

double
ed_sheet_preview_get_zoom (EdSheetPreview *self)
{
  g_return_val_if_fail (ED_IS_SHEET_PREVIEW (self), 1);

  return self->zoom;
}

/* What the view shows of the page, as a fraction of it, along an axis. */
static double
visible_fraction (double view,
                  double size)
{
  return size > 0 ? MIN (1, view / size) : 1;
}

/* How many pixels a point of the page takes, zoom included. */
static double
get_scale (EdSheetPreview *self,
           double         *page_width,
           double         *page_height)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  *page_width = *page_height = 1;
  if (self->document != NULL)
    ed_sheet_document_get_page_size (self->document, self->page, page_width, page_height);

  return MAX (0, MIN ((width - 2 * MARGIN) / *page_width, (height - 2 * MARGIN) / *page_height)) *
         self->zoom;
}

/* Keeps the centre where the page still fills the view. */
static void
clamp_center (EdSheetPreview *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double page_width, page_height, scale, half_x, half_y;

  scale = get_scale (self, &page_width, &page_height);
  half_x = visible_fraction (width, page_width * scale) / 2;
  half_y = visible_fraction (height, page_height * scale) / 2;
  self->center_x = CLAMP (self->center_x, half_x, 1 - half_x);
  self->center_y = CLAMP (self->center_y, half_y, 1 - half_y);
}

/**
 * ed_sheet_preview_set_zoom:
 * @zoom: 1 for the whole page, up to ED_SHEET_PREVIEW_MAX_ZOOM
 *
 * Zooms in on the middle of what is shown. A new page starts at its top.
 */
void
ed_sheet_preview_set_zoom (EdSheetPreview *self,
                           double          zoom)
{
  g_return_if_fail (ED_IS_SHEET_PREVIEW (self));

  zoom = CLAMP (zoom, 1, ED_SHEET_PREVIEW_MAX_ZOOM);
  if (G_APPROX_VALUE (zoom, self->zoom, 0.001))
    return;

  self->zoom = zoom;
  clamp_center (self);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), zoom > 1 ? "grab" : NULL);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* Moves the view by (@dx, @dy) fractions of the page. */
static void
move_by (EdSheetPreview *self,
         double          dx,
         double          dy)
{
  self->center_x += dx;
  self->center_y += dy;
  clamp_center (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Ctrl and the wheel zoom; the wheel alone moves a zoomed page. */
static gboolean
scroll_cb (EdSheetPreview           *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (self->document == NULL)
    return FALSE;

  if (state & GDK_CONTROL_MASK)
    {
      ed_sheet_preview_set_zoom (self, self->zoom * pow (1.25, -dy));
      return TRUE;
    }

  if (self->zoom <= 1)
    return FALSE;

  move_by (self, dx * 0.1 / self->zoom, dy * 0.1 / self->zoom);
  return TRUE;
}

static void
drag_begin_cb (EdSheetPreview *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  if (self->zoom <= 1)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  self->drag_x = self->center_x;
  self->drag_y = self->center_y;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

static void
drag_update_cb (EdSheetPreview *self,
                double          offset_x,
                double          offset_y,
                GtkGestureDrag *gesture)
{
  double page_width, page_height, scale;

  if (self->document == NULL)
    return;

  scale = get_scale (self, &page_width, &page_height);
  if (scale <= 0)
    return;
  self->center_x = self->drag_x - offset_x / (page_width * scale);
  self->center_y = self->drag_y - offset_y / (page_height * scale);
  move_by (self, 0, 0);
}

static void
drag_end_cb (EdSheetPreview *self,
             double          offset_x,
             double          offset_y,
             GtkGestureDrag *gesture)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->zoom > 1 ? "grab" : NULL);
}

static void
ed_sheet_preview_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  clamp_center (ED_SHEET_PREVIEW (widget));
}

static void
ed_sheet_preview_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  EdSheetPreview *self = ED_SHEET_PREVIEW (widget);
  static const GdkRGBA shadow = { 0, 0, 0, 0.25 };
  static const GdkRGBA edge = { 0, 0, 0, 0.15 };
  const float edge_widths[4] = { 1, 1, 1, 1 };
  const GdkRGBA edge_colors[4] = { edge, edge, edge, edge };
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double page_width, page_height, scale, x, y, w, h;
  GskRoundedRect outline;
  cairo_t *cr;

  if (self->document == NULL || width <= 2 * MARGIN || height <= 2 * MARGIN)
    return;

  scale = get_scale (self, &page_width, &page_height);
  w = page_width * scale;
  h = page_height * scale;
  x = floor (place (self->center_x, w, width));
  y = floor (place (self->center_y, h, height));

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (x, y, w, h), 0);
  gtk_snapshot_append_outset_shadow (snapshot, &outline, &shadow, 0, 2, 1, 8);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x, y, w, h));
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  /* The paper: the drawing leaves it to us. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, page_width, page_height);
  cairo_fill (cr);
  ed_sheet_document_draw_page (self->document, cr, self->page);
  cairo_destroy (cr);

  gtk_snapshot_append_border (snapshot, &outline, edge_widths, edge_colors);
  gtk_snapshot_pop (snapshot);
}

static void
ed_sheet_preview_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  /* A page a person can still make out, and an A4 page at about 70 %. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 420 + 2 * MARGIN;
    }
  else
    {
      *minimum = 320;
      *natural = 594 + 2 * MARGIN;
    }
}

static void
ed_sheet_preview_dispose (GObject *object)
{
  EdSheetPreview *self = ED_SHEET_PREVIEW (object);

  g_clear_object (&self->document);

  G_OBJECT_CLASS (ed_sheet_preview_parent_class)->dispose (object);
}

static void
ed_sheet_preview_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EdSheetPreview *self = ED_SHEET_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;

    case PROP_N_PAGES:
      g_value_set_uint (value, ed_sheet_preview_get_n_pages (self));
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_sheet_preview_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  EdSheetPreview *self = ED_SHEET_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ed_sheet_preview_set_document (self, g_value_get_object (value));
      break;

    case PROP_PAGE:
      ed_sheet_preview_set_page (self, g_value_get_uint (value));
      break;

    case PROP_ZOOM:
      ed_sheet_preview_set_zoom (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_sheet_preview_class_init (EdSheetPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_sheet_preview_dispose;
  object_class->get_property = ed_sheet_preview_get_property;
  object_class->set_property = ed_sheet_preview_set_property;

  widget_class->snapshot = ed_sheet_preview_snapshot;
  widget_class->measure = ed_sheet_preview_measure;
  widget_class->size_allocate = ed_sheet_preview_size_allocate;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, ED_TYPE_SHEET_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 1, ED_SHEET_PREVIEW_MAX_ZOOM, 1,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "sheetpreview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ed_sheet_preview_init (EdSheetPreview *self)
{
  GtkEventController *scroll;
  GtkGesture *drag;

  self->zoom = 1;
  self->center_x = 0.5;

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  drag = gtk_gesture_drag_new ();
  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  update_accessible (self);
}
