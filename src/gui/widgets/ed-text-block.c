/* ed-text-block.c
 *
 * Paragraphs and "- " bullets of a procedure text as labels. Every label
 * carries its language, so that Han characters take their Japanese or
 * Chinese forms. Side by side, the traveller's language stands in a
 * second column — the two are never mixed in one sentence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ed-text-block.h"

struct _EdTextBlock
{
  GtkWidget   parent_instance;

  EdText     *text;
  EdLanguage  language;
  int         second_language;
  GPtrArray  *css_classes;
};

G_DEFINE_FINAL_TYPE (EdTextBlock, ed_text_block, GTK_TYPE_WIDGET)

/**
 * ed_text_label_new:
 *
 * Returns: a wrapping, selectable label whose text is in @language.
 */
GtkWidget *
ed_text_label_new (const char *text,
                   EdLanguage  language)
{
  GtkWidget *label = gtk_label_new (text);
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoLanguage *pango_language = pango_language_from_string (ed_language_bcp47 (language));

  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language));
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
  pango_attr_list_unref (attrs);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  /* Text can be selected and copied (a search term, say), but is not a
   * stop for Tab: keyboard users go from control to control. */
  gtk_widget_set_focusable (label, FALSE);
  gtk_widget_set_hexpand (label, TRUE);

  return label;
}

static GtkWidget *
create_column (EdTextBlock *self,
               EdLanguage   language)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_auto(GStrv) lines = g_strsplit (ed_text_lookup (self->text, language), "\n", -1);

  gtk_widget_set_hexpand (column, TRUE);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);
      GtkWidget *label;

      if (*line == '\0')
        continue;

      if (g_str_has_prefix (line, "- "))
        {
          GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
          GtkWidget *bullet = gtk_label_new ("•");

          gtk_widget_set_valign (bullet, GTK_ALIGN_START);
          gtk_widget_set_margin_start (row, 6);
          label = ed_text_label_new (line + 2, language);
          gtk_box_append (GTK_BOX (row), bullet);
          gtk_box_append (GTK_BOX (row), label);
          gtk_box_append (GTK_BOX (column), row);
        }
      else
        {
          label = ed_text_label_new (line, language);
          gtk_box_append (GTK_BOX (column), label);
        }

      for (guint j = 0; j < self->css_classes->len; j++)
        gtk_widget_add_css_class (label, g_ptr_array_index (self->css_classes, j));
    }

  return column;
}

static void
rebuild_second (EdTextBlock *self)
{
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self));
  GtkWidget *second = first != NULL ? gtk_widget_get_next_sibling (first) : NULL;

  if (second != NULL)
    gtk_widget_unparent (second);

  if (self->text != NULL && self->second_language != ED_NO_LANGUAGE &&
      (EdLanguage) self->second_language != self->language)
    {
      second = create_column (self, self->second_language);
      gtk_widget_add_css_class (second, "second-language");
      gtk_widget_set_parent (second, GTK_WIDGET (self));
    }
}

static void
rebuild (EdTextBlock *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  if (self->text == NULL)
    return;

  gtk_widget_set_parent (create_column (self, self->language), GTK_WIDGET (self));
  rebuild_second (self);
}

GtkWidget *
ed_text_block_new (EdText     *text,
                   EdLanguage  language,
                   int         second_language)
{
  EdTextBlock *self = g_object_new (ED_TYPE_TEXT_BLOCK, NULL);

  self->text = text != NULL ? ed_text_ref (text) : NULL;
  self->language = language;
  self->second_language = second_language;
  rebuild (self);

  return GTK_WIDGET (self);
}

void
ed_text_block_set_languages (EdTextBlock *self,
                             EdLanguage   language,
                             int          second_language)
{
  g_return_if_fail (ED_IS_TEXT_BLOCK (self));

  if (self->language == language && self->second_language == second_language)
    return;

  self->second_language = second_language;
  if (self->language != language)
    {
      self->language = language;
      rebuild (self);
    }
  else
    rebuild_second (self);
}

/**
 * ed_text_block_add_css_class:
 *
 * Styles every label of the block, now and after a change of language.
 */
void
ed_text_block_add_css_class (EdTextBlock *self,
                             const char  *css_class)
{
  g_return_if_fail (ED_IS_TEXT_BLOCK (self));

  g_ptr_array_add (self->css_classes, g_strdup (css_class));
  rebuild (self);
}

static void
ed_text_block_dispose (GObject *object)
{
  EdTextBlock *self = ED_TEXT_BLOCK (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->text, ed_text_unref);
  g_clear_pointer (&self->css_classes, g_ptr_array_unref);

  G_OBJECT_CLASS (ed_text_block_parent_class)->dispose (object);
}

static void
ed_text_block_class_init (EdTextBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_text_block_dispose;

  gtk_widget_class_set_css_name (widget_class, "textblock");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
ed_text_block_init (EdTextBlock *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  self->second_language = ED_NO_LANGUAGE;
  self->css_classes = g_ptr_array_new_with_free_func (g_free);

  /* Text takes the width it is given, beside an icon too. */
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_HORIZONTAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 24);
  gtk_box_layout_set_homogeneous (GTK_BOX_LAYOUT (layout), TRUE);
}
