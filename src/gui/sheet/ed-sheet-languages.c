/* ed-sheet-languages.c — the sheet dialog's list of languages
 *
 * One row a language a sheet can print: ticked ones first, in the order
 * of the sheet's columns, which the arrows change. A tick does not move
 * its row (it is under the pointer); the rows take the columns' order
 * when an arrow is pressed or the languages come from elsewhere. The
 * list only shows and edits the dialog's languages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-sheet-dialog-private.h"

/* Every sheet prints these; Traditional Chinese only a procedure written
 * in it (the dialog adds its row then). */
static const EdLanguage sheet_languages[] = { ED_LANGUAGE_EN, ED_LANGUAGE_JA, ED_LANGUAGE_ZH_CN };

static gboolean
can_print (EdSheetDialog *self,
           EdLanguage     language)
{
  if (language == ED_LANGUAGE_ZH_TW)
    return self->traditional;
  for (guint j = 0; j < G_N_ELEMENTS (sheet_languages); j++)
    if (sheet_languages[j] == language)
      return TRUE;

  return FALSE;
}

/**
 * _ed_sheet_languages_normalize:
 * @codes: (nullable): language codes, as a setting may hold them
 *
 * Returns: (transfer full): the languages among @codes this dialog's
 *   sheet can print, each once, at most three, in their order and spelt
 *   as the core spells them; the usual three when none is left, as a
 *   sheet needs one
 */
char **
_ed_sheet_languages_normalize (EdSheetDialog      *self,
                               const char * const *codes)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean seen[ED_N_LANGUAGES] = { FALSE, };
  guint n = 0;

  for (guint i = 0; codes != NULL && codes[i] != NULL && n < ED_SHEET_MAX_LANGUAGES; i++)
    {
      EdLanguage language;

      if (!ed_language_from_code (codes[i], &language) || seen[language] ||
          !can_print (self, language))
        continue;
      g_strv_builder_add (builder, ed_language_code (language));
      seen[language] = TRUE;
      n++;
    }

  if (n == 0)
    for (guint j = 0; j < G_N_ELEMENTS (sheet_languages); j++)
      g_strv_builder_add (builder, ed_language_code (sheet_languages[j]));

  return g_strv_builder_end (builder);
}

static EdLanguage
row_language (GtkWidget *row)
{
  return (EdLanguage) GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "language"));
}

/* The column of @language on the sheet, from 0, or -1 when not printed. */
static int
column_of (EdSheetDialog *self,
           EdLanguage     language)
{
  for (guint i = 0; self->languages[i] != NULL; i++)
    if (g_str_equal (self->languages[i], ed_language_code (language)))
      return (int) i;

  return -1;
}

static void
set_languages (EdSheetDialog  *self,
               GStrvBuilder   *builder)
{
  g_auto(GStrv) languages = g_strv_builder_end (builder);

  _ed_sheet_dialog_choose_languages (self, (const char * const *) languages);
}

static void
check_toggled_cb (GtkCheckButton *check,
                  EdSheetDialog  *self)
{
  EdLanguage language = row_language (gtk_widget_get_ancestor (GTK_WIDGET (check),
                                                               GTK_TYPE_LIST_BOX_ROW));
  const char *code = ed_language_code (language);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; self->languages[i] != NULL; i++)
    if (!g_str_equal (self->languages[i], code))
      g_strv_builder_add (builder, self->languages[i]);

  /* A language ticked comes last: a column added on the right. */
  if (gtk_check_button_get_active (check))
    g_strv_builder_add (builder, code);

  self->keep_row_order = TRUE;
  set_languages (self, builder);
  self->keep_row_order = FALSE;
}

static void
move (EdSheetDialog *self,
      GtkWidget     *button,
      int            delta)
{
  EdLanguage language = row_language (gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW));
  int from = column_of (self, language);
  int to = from + delta;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = g_strv_length (self->languages);

  if (from < 0 || to < 0 || to >= (int) n)
    return;

  for (int i = 0; i < (int) n; i++)
    {
      int source = i == from ? to : i == to ? from : i;

      g_strv_builder_add (builder, self->languages[source]);
    }

  set_languages (self, builder);
}

static void
up_clicked_cb (GtkWidget     *button,
               EdSheetDialog *self)
{
  move (self, button, -1);
}

static void
down_clicked_cb (GtkWidget     *button,
                 EdSheetDialog *self)
{
  move (self, button, +1);
}

static int
sort_func (GtkListBoxRow *a,
           GtkListBoxRow *b,
           gpointer       user_data)
{
  EdSheetDialog *self = user_data;
  EdLanguage language_a = row_language (GTK_WIDGET (a));
  EdLanguage language_b = row_language (GTK_WIDGET (b));
  int column_a = column_of (self, language_a);
  int column_b = column_of (self, language_b);

  /* Printed ones by column, then the others in their usual order. */
  if (column_a < 0)
    column_a = ED_SHEET_MAX_LANGUAGES + (int) language_a;
  if (column_b < 0)
    column_b = ED_SHEET_MAX_LANGUAGES + (int) language_b;

  return column_a - column_b;
}

static GtkWidget *
create_arrow (const char *icon_name,
              const char *tooltip,
              const char *accessible_label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  return button;
}

static GtkWidget *
create_row (EdSheetDialog *self,
            EdLanguage     language)
{
  const char *name = ed_language_native_name (language);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *up;
  GtkWidget *down;
  g_autofree char *up_label = NULL;
  g_autofree char *down_label = NULL;

  /* Translators: %s is a language, such as 日本語; said by a screen reader */
  up_label = g_strdup_printf (_("Move %s to an earlier column"), name);
  /* Translators: %s is a language, such as 日本語; said by a screen reader */
  down_label = g_strdup_printf (_("Move %s to a later column"), name);
  up = create_arrow ("go-up-symbolic", _("Earlier Column"), up_label);
  down = create_arrow ("go-down-symbolic", _("Later Column"), down_label);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), up);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), down);

  g_object_set_data (G_OBJECT (row), "language", GINT_TO_POINTER (language));
  g_object_set_data (G_OBJECT (row), "check", check);
  g_object_set_data (G_OBJECT (row), "up", up);
  g_object_set_data (G_OBJECT (row), "down", down);

  g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self, 0);
  g_signal_connect_object (up, "clicked", G_CALLBACK (up_clicked_cb), self, 0);
  g_signal_connect_object (down, "clicked", G_CALLBACK (down_clicked_cb), self, 0);

  return row;
}

void
_ed_sheet_languages_init (EdSheetDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (sheet_languages); i++)
    gtk_list_box_append (self->language_list, create_row (self, sheet_languages[i]));

  gtk_list_box_set_sort_func (self->language_list, sort_func, self, NULL);
  _ed_sheet_languages_update (self);
}

/* The procedure is written in Traditional Chinese too: a fourth row. */
void
_ed_sheet_languages_add_traditional (EdSheetDialog *self)
{
  if (self->traditional)
    return;

  self->traditional = TRUE;
  gtk_list_box_append (self->language_list, create_row (self, ED_LANGUAGE_ZH_TW));
  _ed_sheet_languages_update (self);
}

/* Shows the dialog's languages: ticks, columns, arrows, order. */
void
_ed_sheet_languages_update (EdSheetDialog *self)
{
  guint n = g_strv_length (self->languages);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->language_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");
      int column = column_of (self, row_language (row));
      g_autofree char *subtitle = NULL;
      gboolean last_one = column >= 0 && n == 1;
      gboolean no_room = column < 0 && n >= ED_SHEET_MAX_LANGUAGES;

      if (check == NULL)
        continue;

      g_signal_handlers_block_by_func (check, check_toggled_cb, self);
      gtk_check_button_set_active (check, column >= 0);
      g_signal_handlers_unblock_by_func (check, check_toggled_cb, self);

      /* A sheet needs a language: the last one cannot be unticked; a
       * fourth cannot be ticked. */
      gtk_widget_set_sensitive (GTK_WIDGET (check), !last_one && !no_room);
      gtk_widget_set_tooltip_text (GTK_WIDGET (check),
                                   last_one ? _("A sheet needs at least one language")
                                   : no_room ? _("A sheet prints at most three languages: "
                                                 "untick one first")
                                   : NULL);

      if (column >= 0)
        /* Translators: where a language is printed on the sheet, from the left */
        subtitle = g_strdup_printf (_("Column %d"), column + 1);
      else
        subtitle = g_strdup (_("Not printed"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (row), "up"), column > 0);
      gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (row), "down"),
                                column >= 0 && column + 1 < (int) n);
    }

  if (!self->keep_row_order)
    gtk_list_box_invalidate_sort (self->language_list);
}
