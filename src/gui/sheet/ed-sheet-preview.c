/* ed-sheet-preview.c
 *
 * A page as it will print: white paper, whatever the theme, drawn by
 * the same function as the PDF and the printer, scaled to fit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-sheet-preview.h"

/* Room around the paper for its shadow. */
#define MARGIN 18

struct _EdSheetPreview
{
  GtkWidget        parent_instance;

  EdSheetDocument *document;
  guint            page;
};

G_DEFINE_FINAL_TYPE (EdSheetPreview, ed_sheet_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_PAGE,
  PROP_N_PAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

  ed_sheet_document_get_page_size (self->document, self->page, &page_width, &page_height);
  scale = MIN ((width - 2 * MARGIN) / page_width, (height - 2 * MARGIN) / page_height);
  w = page_width * scale;
  h = page_height * scale;
  x = floor ((width - w) / 2);
  y = floor ((height - h) / 2);

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

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, ED_TYPE_SHEET_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "sheetpreview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ed_sheet_preview_init (EdSheetPreview *self)
{
  update_accessible (self);
}
