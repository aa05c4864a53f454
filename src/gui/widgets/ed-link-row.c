/* ed-link-row.c
 *
 * A link the traveller opens, shown so that they can scan it from the
 * screen with a phone: the QR code large, the address beside it exactly
 * as the source writes it, and buttons to copy or open it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ed-link-row.h"
#include "ed-qr-view.h"
#include "ed-text-block.h"

#define QR_SIZE 184
#define SPACING 18

struct _EdLinkRow
{
  GtkWidget     parent_instance;

  const EdLink *link;
  GtkWidget    *qr;           /* (nullable) */
  GtkWidget    *details;
  GtkWidget    *copy_button;
};

G_DEFINE_FINAL_TYPE (EdLinkRow, ed_link_row, GTK_TYPE_WIDGET)

static void
copy_clicked_cb (EdLinkRow *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));

  gdk_clipboard_set_text (clipboard, self->link->url);
  /* The window says it, if it shows toasts. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", _("Address copied"));
}

static void
open_clicked_cb (EdLinkRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri (GTK_WINDOW (root), self->link->url, GDK_CURRENT_TIME);
}

/* The address a person reads: "03-6757-1038" rather than "tel:+81…". */
static const char *
printed_address (const EdLink *link)
{
  if (link->text != NULL)
    return link->text;
  if (g_str_has_prefix (link->url, "mailto:"))
    return link->url + strlen ("mailto:");
  if (g_str_has_prefix (link->url, "tel:"))
    return link->url + strlen ("tel:");
  return link->url;
}

GtkWidget *
ed_link_row_new (const EdLink *link,
                 EdLanguage    language,
                 int           second_language)
{
  EdLinkRow *self = g_object_new (ED_TYPE_LINK_ROW, NULL);
  GtkWidget *details, *title, *address, *buttons, *open_button;
  g_autofree char *copy_label = NULL;

  self->link = link;

  if (link->qr)
    {
      self->qr = ed_qr_view_new (link->url, QR_SIZE);
      gtk_widget_set_halign (self->qr, GTK_ALIGN_START);
      gtk_widget_set_parent (self->qr, GTK_WIDGET (self));
    }

  details = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_valign (details, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (details, TRUE);

  title = ed_text_block_new (link->title, language, second_language);
  ed_text_block_add_css_class (ED_TEXT_BLOCK (title), "heading");
  gtk_box_append (GTK_BOX (details), title);

  address = gtk_label_new (printed_address (link));
  ed_label_set_selectable (GTK_LABEL (address));
  gtk_label_set_wrap (GTK_LABEL (address), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (address), PANGO_WRAP_CHAR);
  gtk_label_set_xalign (GTK_LABEL (address), 0.0);
  gtk_widget_add_css_class (address, "link-address");
  gtk_box_append (GTK_BOX (details), address);

  if (link->official_only)
    {
      GtkWidget *official = gtk_label_new (_("Only this code or address is official: "
                                             "do not search for the app in a store."));

      gtk_label_set_wrap (GTK_LABEL (official), TRUE);
      gtk_label_set_xalign (GTK_LABEL (official), 0.0);
      gtk_widget_add_css_class (official, "warning");
      gtk_widget_add_css_class (official, "caption");
      gtk_box_append (GTK_BOX (details), official);
    }

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->copy_button = gtk_button_new_with_mnemonic (_("_Copy Address"));
  /* Translators: %s is a web address, a phone number or an e-mail address */
  copy_label = g_strdup_printf (_("Copy %s"), printed_address (link));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->copy_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, copy_label,
                                  -1);
  g_signal_connect_swapped (self->copy_button, "clicked", G_CALLBACK (copy_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), self->copy_button);

  open_button = gtk_button_new_with_mnemonic (_("_Open"));
  gtk_widget_set_tooltip_text (open_button, link->url);
  g_signal_connect_swapped (open_button, "clicked", G_CALLBACK (open_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), open_button);
  gtk_box_append (GTK_BOX (details), buttons);

  self->details = details;
  gtk_widget_set_parent (details, GTK_WIDGET (self));

  return GTK_WIDGET (self);
}

const EdLink *
ed_link_row_get_link (EdLinkRow *self)
{
  g_return_val_if_fail (ED_IS_LINK_ROW (self), NULL);

  return self->link;
}

static void
ed_link_row_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ed_link_row_parent_class)->dispose (object);
}

/* Side by side when both fit, the code above the address when not: the
 * row never makes a narrow window (360 pixels) wider. */
static gboolean
side_by_side (EdLinkRow *self,
              int        width)
{
  int qr, details;

  if (self->qr == NULL)
    return FALSE;

  gtk_widget_measure (self->qr, GTK_ORIENTATION_HORIZONTAL, -1, &qr, NULL, NULL, NULL);
  gtk_widget_measure (self->details, GTK_ORIENTATION_HORIZONTAL, -1, &details, NULL, NULL, NULL);
  return width < 0 || width >= qr + SPACING + details;
}

static void
ed_link_row_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  EdLinkRow *self = ED_LINK_ROW (widget);
  int qr_min = 0, qr_nat = 0, qr_width = 0, min, nat;

  if (self->qr != NULL)
    {
      gtk_widget_measure (self->qr, orientation, -1, &qr_min, &qr_nat, NULL, NULL);
      gtk_widget_measure (self->qr, GTK_ORIENTATION_HORIZONTAL, -1, &qr_width, NULL, NULL, NULL);
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (self->details, orientation, -1, &min, &nat, NULL, NULL);
      *minimum = MAX (qr_min, min);
      *natural = self->qr != NULL ? qr_nat + SPACING + nat : nat;
    }
  else if (side_by_side (self, for_size))
    {
      int width = for_size < 0 ? -1 : for_size - qr_width - SPACING;

      gtk_widget_measure (self->details, orientation, width, &min, &nat, NULL, NULL);
      *minimum = MAX (qr_min, min);
      *natural = MAX (qr_nat, nat);
    }
  else
    {
      gtk_widget_measure (self->details, orientation, for_size, &min, &nat, NULL, NULL);
      *minimum = self->qr != NULL ? qr_min + SPACING + min : min;
      *natural = self->qr != NULL ? qr_nat + SPACING + nat : nat;
    }

  *minimum_baseline = *natural_baseline = -1;
}

static void
ed_link_row_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  EdLinkRow *self = ED_LINK_ROW (widget);
  int qr_width = 0, qr_height = 0;

  if (self->qr != NULL)
    {
      gtk_widget_measure (self->qr, GTK_ORIENTATION_HORIZONTAL, -1, &qr_width, NULL, NULL, NULL);
      gtk_widget_measure (self->qr, GTK_ORIENTATION_VERTICAL, qr_width, &qr_height, NULL,
                          NULL, NULL);
    }

  if (self->qr == NULL)
    gtk_widget_allocate (self->details, width, height, -1, NULL);
  else if (side_by_side (self, width))
    {
      int start = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL
                  ? width - qr_width : 0;
      int details_x = start == 0 ? qr_width + SPACING : 0;

      gtk_widget_size_allocate (self->qr,
                                &(GtkAllocation) { start, (height - qr_height) / 2,
                                                   qr_width, qr_height }, -1);
      gtk_widget_size_allocate (self->details,
                                &(GtkAllocation) { details_x, 0,
                                                   width - qr_width - SPACING, height }, -1);
    }
  else
    {
      gtk_widget_size_allocate (self->qr,
                                &(GtkAllocation) { 0, 0, qr_width, qr_height }, -1);
      gtk_widget_size_allocate (self->details,
                                &(GtkAllocation) { 0, qr_height + SPACING, width,
                                                   MAX (0, height - qr_height - SPACING) }, -1);
    }
}

static GtkSizeRequestMode
ed_link_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ed_link_row_class_init (EdLinkRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_link_row_dispose;

  widget_class->get_request_mode = ed_link_row_get_request_mode;
  widget_class->measure = ed_link_row_measure;
  widget_class->size_allocate = ed_link_row_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "linkrow");
}

static void
ed_link_row_init (EdLinkRow *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
}
