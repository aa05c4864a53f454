/* ed-travellers-page.c
 *
 * The case's travellers — one, or a family — each with their passport
 * details. The family list edits a list of its own; this page carries
 * each addition and removal over to the case, which saves it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-family-list.h"
#include "ed-travellers-page.h"

struct _EdTravellersPage
{
  EdWizardPage  parent_instance;

  EdCase       *edcase;
  GListStore   *travellers;
  EdFamilyList *family;
};

G_DEFINE_FINAL_TYPE (EdTravellersPage, ed_travellers_page, ED_TYPE_WIZARD_PAGE)

static gboolean
store_contains (GListModel  *model,
                EdTraveller *traveller)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(EdTraveller) item = g_list_model_get_item (model, i);

      if (item == traveller)
        return TRUE;
    }

  return FALSE;
}

static void
travellers_changed_cb (EdTravellersPage *self)
{
  GListModel *ours = G_LIST_MODEL (self->travellers);
  GListModel *theirs = ed_case_get_travellers (self->edcase);

  for (guint i = g_list_model_get_n_items (theirs); i > 0; i--)
    {
      g_autoptr(EdTraveller) traveller = g_list_model_get_item (theirs, i - 1);

      if (!store_contains (ours, traveller))
        ed_case_remove_traveller (self->edcase, traveller);
    }

  for (guint i = 0; i < g_list_model_get_n_items (ours); i++)
    {
      g_autoptr(EdTraveller) traveller = g_list_model_get_item (ours, i);

      if (ed_case_find_traveller (self->edcase, traveller) < 0)
        ed_case_add_traveller (self->edcase, traveller);
    }
}

static void
valid_changed_cb (EdTravellersPage *self)
{
  ed_wizard_page_set_complete (ED_WIZARD_PAGE (self), ed_family_list_get_valid (self->family));
}

GtkWidget *
ed_travellers_page_get_family (EdTravellersPage *self)
{
  g_return_val_if_fail (ED_IS_TRAVELLERS_PAGE (self), NULL);

  return GTK_WIDGET (self->family);
}

static gboolean
ed_travellers_page_focus_field (EdWizardPage *page,
                                guint         traveller,
                                const char   *name)
{
  EdTravellersPage *self = ED_TRAVELLERS_PAGE (page);
  EdFieldRow *row;

  if (traveller < g_list_model_get_n_items (G_LIST_MODEL (self->travellers)))
    ed_family_list_select (self->family, traveller);
  row = ed_traveller_editor_find_row (ed_family_list_get_editor (self->family), name);
  if (row == NULL)
    return FALSE;

  ed_field_row_reveal_required (row);
  return gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* The traveller's language beside the staff's: labels and headings. */
static void
ed_travellers_page_second_language_changed (EdWizardPage *page)
{
  EdTravellersPage *self = ED_TRAVELLERS_PAGE (page);

  ed_traveller_editor_set_second_language (ed_family_list_get_editor (self->family),
                                           ed_wizard_page_get_second_language (page));
}

EdWizardPage *
ed_travellers_page_new (EdCase      *edcase,
                        EdProcedure *procedure)
{
  EdTravellersPage *self;
  GListModel *travellers;

  g_return_val_if_fail (ED_IS_CASE (edcase), NULL);

  self = g_object_new (ED_TYPE_TRAVELLERS_PAGE,
                       "id", ED_TRAVELLERS_PAGE_ID,
                       "title", _("Travellers"),
                       NULL);
  self->edcase = g_object_ref (edcase);

  /* A new case starts with one traveller to fill in. */
  travellers = ed_case_get_travellers (edcase);
  if (g_list_model_get_n_items (travellers) == 0)
    {
      g_autoptr(EdTraveller) traveller = ed_traveller_new ();

      ed_case_add_traveller (edcase, traveller);
    }

  for (guint i = 0; i < g_list_model_get_n_items (travellers); i++)
    {
      g_autoptr(EdTraveller) traveller = g_list_model_get_item (travellers, i);

      g_list_store_append (self->travellers, traveller);
    }

  /* The procedure's own questions come in its steps. */
  ed_family_list_set_with_answers (self->family, FALSE);
  ed_family_list_set_procedure (self->family, procedure);
  ed_family_list_set_model (self->family, self->travellers);
  g_signal_connect_object (self->travellers, "items-changed",
                           G_CALLBACK (travellers_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->family, "notify::valid",
                           G_CALLBACK (valid_changed_cb), self, G_CONNECT_SWAPPED);
  valid_changed_cb (self);

  return ED_WIZARD_PAGE (self);
}

static void
ed_travellers_page_finalize (GObject *object)
{
  EdTravellersPage *self = ED_TRAVELLERS_PAGE (object);

  g_clear_object (&self->travellers);
  g_clear_object (&self->edcase);

  G_OBJECT_CLASS (ed_travellers_page_parent_class)->finalize (object);
}

static void
ed_travellers_page_class_init (EdTravellersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ed_travellers_page_finalize;
  ED_WIZARD_PAGE_CLASS (klass)->focus_field = ed_travellers_page_focus_field;
  ED_WIZARD_PAGE_CLASS (klass)->second_language_changed =
    ed_travellers_page_second_language_changed;
}

static void
ed_travellers_page_init (EdTravellersPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *title = gtk_label_new (_("Travellers"));
  GtkWidget *intro = gtk_label_new (_("Enter each traveller’s details exactly as the passport "
                                      "shows them. Paste or scan the machine-readable zone "
                                      "to fill them in at once."));

  self->travellers = g_list_store_new (ED_TYPE_TRAVELLER);
  self->family = ED_FAMILY_LIST (ed_family_list_new ());

  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_widget_add_css_class (title, "title-2");
  gtk_label_set_xalign (GTK_LABEL (intro), 0.0);
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), intro);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->family));

  ed_wizard_page_set_content (ED_WIZARD_PAGE (self), box);
}
