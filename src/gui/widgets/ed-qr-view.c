/* ed-qr-view.c
 *
 * Drawn by the same function as the printed sheet, quiet zone included:
 * the white margin stays white in the dark style, or phones cannot scan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-qr.h"
#include "ed-qr-view.h"

struct _EdQrView
{
  GtkWidget  parent_instance;

  EdQr      *qr;
  int        size;
};

G_DEFINE_FINAL_TYPE (EdQrView, ed_qr_view, GTK_TYPE_WIDGET)

/**
 * ed_qr_view_new:
 * @size: the width and height in pixels
 */
GtkWidget *
ed_qr_view_new (const char *text,
                int         size)
{
  EdQrView *self = g_object_new (ED_TYPE_QR_VIEW,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_IMG,
                                 NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  self->size = size;
  if (!ed_qr_set_text (self->qr, text, &error))
    g_warning ("No QR code for a link: %s", error->message);

  /* Translators: %s is the address the QR code opens */
  label = g_strdup_printf (_("QR code for %s"), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  return GTK_WIDGET (self);
}

const char *
ed_qr_view_get_text (EdQrView *self)
{
  g_return_val_if_fail (ED_IS_QR_VIEW (self), NULL);

  return ed_qr_get_text (self->qr);
}

static void
ed_qr_view_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  EdQrView *self = ED_QR_VIEW (widget);

  *minimum = *natural = self->size;
}

static void
ed_qr_view_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  EdQrView *self = ED_QR_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double size = MIN (width, height);
  cairo_t *cr;

  if (ed_qr_get_text (self->qr) == NULL)
    return;

  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (0, 0, width, height));
  ed_qr_draw (self->qr, cr, (width - size) / 2, (height - size) / 2, size);
  cairo_destroy (cr);
}

static void
ed_qr_view_finalize (GObject *object)
{
  EdQrView *self = ED_QR_VIEW (object);

  g_clear_object (&self->qr);

  G_OBJECT_CLASS (ed_qr_view_parent_class)->finalize (object);
}

static void
ed_qr_view_class_init (EdQrViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ed_qr_view_finalize;

  widget_class->measure = ed_qr_view_measure;
  widget_class->snapshot = ed_qr_view_snapshot;

  gtk_widget_class_set_css_name (widget_class, "qrview");
}

static void
ed_qr_view_init (EdQrView *self)
{
  self->qr = ed_qr_new ();
  self->size = 176;
}
