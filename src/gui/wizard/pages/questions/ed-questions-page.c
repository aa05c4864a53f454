/* ed-questions-page.c
 *
 * Short questions first, as GNOME Initial Setup asks before it acts: the
 * answers decide which steps the case goes through. Each traveller of a
 * family answers for themselves. The page is complete once everything
 * is answered, and can be skipped: a step that depends on an unanswered
 * question stays in the flow ("may apply").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-question-row.h"
#include "ed-questions-page.h"
#include "ed-text-block.h"

struct _EdQuestionsPage
{
  EdWizardPage  parent_instance;

  EdCase       *edcase;
  EdProcedure  *procedure;

  GtkBox       *groups_box;
  GtkLabel     *outcome_label;
};

G_DEFINE_FINAL_TYPE (EdQuestionsPage, ed_questions_page, ED_TYPE_WIZARD_PAGE)

static char *
traveller_title (EdCase *edcase,
                 guint   index)
{
  g_autofree char *name = ed_traveller_dup_display_name (ed_case_get_traveller (edcase, index));

  if (*name != '\0')
    return g_steal_pointer (&name);

  /* Translators: a traveller without a name yet, by their place in the case */
  return g_strdup_printf (_("Traveller %d"), (int) index + 1);
}

static void
rebuild (EdQuestionsPage *self)
{
  GPtrArray *questions = ed_procedure_get_questions (self->procedure);
  guint n = ed_case_get_n_travellers (self->edcase);
  int second = ed_wizard_page_get_second_language (ED_WIZARD_PAGE (self));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);

  for (guint t = 0; t < n; t++)
    {
      GtkWidget *group = adw_preferences_group_new ();

      if (n > 1)
        {
          g_autofree char *title = traveller_title (self->edcase, t);

          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
        }
      for (guint q = 0; questions != NULL && q < questions->len; q++)
        {
          const EdQuestion *question = g_ptr_array_index (questions, q);
          GtkWidget *row = ed_question_row_new (question, ed_case_get_traveller (self->edcase, t),
                                                second);

          g_object_set_data_full (G_OBJECT (row), "focus-name",
                                  g_strdup_printf ("%u/%s", t, question->id), g_free);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
      gtk_box_append (self->groups_box, group);
    }
}

/* What the answers mean, as they are given. */
static void
update (EdQuestionsPage *self)
{
  g_autoptr(GPtrArray) flow = ed_case_dup_flow (self->edcase, self->procedure);
  guint total = ed_procedure_get_steps (self->procedure)->len;
  g_autofree char *outcome = NULL;

  ed_wizard_page_set_complete (ED_WIZARD_PAGE (self),
                               ed_case_questions_answered (self->edcase, self->procedure));

  if (flow->len == total)
    outcome = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "So far, the %u step applies.",
                                            "So far, all %u steps apply.", total),
                               total);
  else
    /* Translators: how many of a procedure's steps the answers leave */
    outcome = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "With these answers, %u of %u step applies.",
                                            "With these answers, %u of %u steps apply.", total),
                               flow->len, total);
  gtk_label_set_label (self->outcome_label, outcome);
}

static void
ed_questions_page_shown (EdWizardPage *page)
{
  EdQuestionsPage *self = ED_QUESTIONS_PAGE (page);

  /* Travellers may have been added or named since. */
  rebuild (self);
  update (self);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (g_object_get_data (G_OBJECT (root), "focus-name"), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
ed_questions_page_focus_field (EdWizardPage *page,
                               guint         traveller,
                               const char   *name)
{
  EdQuestionsPage *self = ED_QUESTIONS_PAGE (page);
  g_autofree char *key = g_strdup_printf ("%u/%s", traveller, name);
  GtkWidget *row = find_named (GTK_WIDGET (self->groups_box), key);

  return row != NULL && gtk_widget_child_focus (row, GTK_DIR_TAB_FORWARD);
}

static void
ed_questions_page_second_language_changed (EdWizardPage *page)
{
  rebuild (ED_QUESTIONS_PAGE (page));
}

EdWizardPage *
ed_questions_page_new (EdCase      *edcase,
                       EdProcedure *procedure)
{
  EdQuestionsPage *self;

  g_return_val_if_fail (ED_IS_CASE (edcase), NULL);
  g_return_val_if_fail (ED_IS_PROCEDURE (procedure), NULL);

  self = g_object_new (ED_TYPE_QUESTIONS_PAGE,
                       "id", ED_QUESTIONS_PAGE_ID,
                       "title", _("Questions"),
                       "skippable", TRUE,
                       NULL);
  self->edcase = g_object_ref (edcase);
  self->procedure = g_object_ref (procedure);

  g_signal_connect_object (edcase, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ed_case_get_travellers (edcase), "items-changed",
                           G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);
  update (self);

  return ED_WIZARD_PAGE (self);
}

static void
ed_questions_page_finalize (GObject *object)
{
  EdQuestionsPage *self = ED_QUESTIONS_PAGE (object);

  g_clear_object (&self->procedure);
  g_clear_object (&self->edcase);

  G_OBJECT_CLASS (ed_questions_page_parent_class)->finalize (object);
}

static void
ed_questions_page_class_init (EdQuestionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  EdWizardPageClass *page_class = ED_WIZARD_PAGE_CLASS (klass);

  object_class->finalize = ed_questions_page_finalize;
  page_class->shown = ed_questions_page_shown;
  page_class->second_language_changed = ed_questions_page_second_language_changed;
  page_class->focus_field = ed_questions_page_focus_field;
}

static void
ed_questions_page_init (EdQuestionsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *title = gtk_label_new (_("A Few Questions"));
  GtkWidget *intro = gtk_label_new (_("The answers decide which steps the traveller goes "
                                      "through. Steps that are not needed are left out, and the "
                                      "review says why."));
  GtkWidget *outcome = gtk_label_new (NULL);

  self->groups_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24));
  self->outcome_label = GTK_LABEL (outcome);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "title-2");
  gtk_label_set_xalign (GTK_LABEL (intro), 0.0);
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (outcome), 0.0);
  gtk_label_set_wrap (GTK_LABEL (outcome), TRUE);
  gtk_widget_add_css_class (outcome, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), intro);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->groups_box));
  gtk_box_append (GTK_BOX (box), outcome);

  ed_wizard_page_set_content (ED_WIZARD_PAGE (self), box);
}
