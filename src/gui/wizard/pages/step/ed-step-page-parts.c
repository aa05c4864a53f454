/* ed-step-page-parts.c — notes, links and alternatives of a step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-link-row.h"
#include "ed-step-page-private.h"
#include "ed-text-block.h"

static const char *
note_icon (EdNoteKind kind)
{
  switch (kind)
    {
    case ED_NOTE_PENALTY:
      return "dialog-error-symbolic";
    case ED_NOTE_WARNING:
      return "dialog-warning-symbolic";
    case ED_NOTE_INFO:
    default:
      return "dialog-information-symbolic";
    }
}

static const char *
note_css_class (EdNoteKind kind)
{
  switch (kind)
    {
    case ED_NOTE_PENALTY:
      return "note-penalty";
    case ED_NOTE_WARNING:
      return "note-warning";
    case ED_NOTE_INFO:
    default:
      return "note-info";
    }
}

static const char *
note_kind_name (EdNoteKind kind)
{
  switch (kind)
    {
    case ED_NOTE_PENALTY:
      return _("Penalty");
    case ED_NOTE_WARNING:
      return _("Warning");
    case ED_NOTE_INFO:
    default:
      return _("Note");
    }
}

GtkWidget *
_ed_step_part_note (const EdNote *note,
                    EdLanguage    language,
                    int           second_language)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (note_icon (note->kind));

  gtk_widget_add_css_class (box, "note");
  gtk_widget_add_css_class (box, note_css_class (note->kind));
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, note_kind_name (note->kind),
                                  -1);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), ed_text_block_new (note->text, language, second_language));

  return box;
}

GtkWidget *
_ed_step_part_notes (GPtrArray  *notes,
                     EdLanguage  language,
                     int         second_language)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  for (guint i = 0; i < notes->len; i++)
    gtk_box_append (GTK_BOX (box),
                    _ed_step_part_note (g_ptr_array_index (notes, i), language, second_language));

  gtk_widget_set_visible (box, notes->len > 0);
  return box;
}

GtkWidget *
_ed_step_part_links (GPtrArray  *links,
                     EdLanguage  language,
                     int         second_language)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  for (guint i = 0; i < links->len; i++)
    gtk_box_append (GTK_BOX (box),
                    ed_link_row_new (g_ptr_array_index (links, i), language, second_language));

  gtk_widget_set_visible (box, links->len > 0);
  return box;
}

/* A QR code that only the original document prints, with no address
 * behind it: say where it is, since there is nothing to show. */
GtkWidget *
_ed_step_part_original_codes (GPtrArray  *codes,
                              EdLanguage  language,
                              int         second_language)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  for (guint i = 0; i < codes->len; i++)
    {
      const EdOriginalCode *code = g_ptr_array_index (codes, i);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *icon = gtk_image_new_from_icon_name ("camera-photo-symbolic");
      GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *caption = gtk_label_new (_("A QR code printed only in the original document:"));

      gtk_widget_add_css_class (row, "note");
      gtk_widget_add_css_class (row, "note-info");
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_label_set_xalign (GTK_LABEL (caption), 0.0);
      gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
      gtk_widget_add_css_class (caption, "caption");
      gtk_box_append (GTK_BOX (column), caption);
      gtk_box_append (GTK_BOX (column), ed_text_block_new (code->title, language, second_language));
      gtk_box_append (GTK_BOX (row), icon);
      gtk_box_append (GTK_BOX (row), column);
      gtk_box_append (GTK_BOX (box), row);
    }

  gtk_widget_set_visible (box, codes->len > 0);
  return box;
}

GtkWidget *
_ed_step_part_alternatives (GPtrArray  *alternatives,
                            EdLanguage  language,
                            int         second_language)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  if (alternatives->len > 1)
    {
      GtkWidget *heading = gtk_label_new (_("Any one of these ways"));

      gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
      gtk_widget_add_css_class (heading, "heading");
      gtk_box_append (GTK_BOX (box), heading);
    }

  for (guint i = 0; i < alternatives->len; i++)
    {
      const EdAlternative *alternative = g_ptr_array_index (alternatives, i);
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      GtkWidget *title;

      gtk_widget_add_css_class (card, "card");
      gtk_widget_add_css_class (card, "alternative");

      title = ed_text_block_new (alternative->title, language, second_language);
      ed_text_block_add_css_class (ED_TEXT_BLOCK (title), "heading");
      gtk_box_append (GTK_BOX (card), title);
      gtk_box_append (GTK_BOX (card),
                      ed_text_block_new (alternative->body, language, second_language));
      gtk_box_append (GTK_BOX (card),
                      _ed_step_part_notes (alternative->notes, language, second_language));
      gtk_box_append (GTK_BOX (card), _ed_step_part_original_codes (alternative->original_codes,
                                                                    language, second_language));
      gtk_box_append (GTK_BOX (card),
                      _ed_step_part_links (alternative->links, language, second_language));
      gtk_box_append (GTK_BOX (box), card);
    }

  gtk_widget_set_visible (box, alternatives->len > 0);
  return box;
}

/* Every text of a page follows the choice of a second language. */
void
_ed_step_part_set_languages (GtkWidget  *root,
                             EdLanguage  language,
                             int         second_language)
{
  if (ED_IS_TEXT_BLOCK (root))
    {
      ed_text_block_set_languages (ED_TEXT_BLOCK (root), language, second_language);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    _ed_step_part_set_languages (child, language, second_language);
}
