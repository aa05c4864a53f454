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

struct _EdLinkRow
{
  GtkWidget     parent_instance;

  const EdLink *link;
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
    gtk_widget_set_parent (ed_qr_view_new (link->url, QR_SIZE), GTK_WIDGET (self));

  details = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_valign (details, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (details, TRUE);

  title = ed_text_block_new (link->title, language, second_language);
  ed_text_block_add_css_class (ED_TEXT_BLOCK (title), "heading");
  gtk_box_append (GTK_BOX (details), title);

  address = gtk_label_new (printed_address (link));
  gtk_label_set_selectable (GTK_LABEL (address), TRUE);
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

static void
ed_link_row_class_init (EdLinkRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_link_row_dispose;

  gtk_widget_class_set_css_name (widget_class, "linkrow");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
ed_link_row_init (EdLinkRow *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 18);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
}
