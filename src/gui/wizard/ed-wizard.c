/* ed-wizard.c
 *
 * The navigator of a procedure, as GNOME Initial Setup's assistant: it
 * enables Next from the current page's `complete` and `skippable`, and
 * no page ever touches the buttons. Back never loses anything: every
 * page writes into the case as staff type, and the store saves it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-sheet-actions.h"
#include "ed-step-page.h"
#include "ed-summary-page.h"
#include "ed-text-block.h"
#include "ed-travellers-page.h"
#include "ed-wizard.h"

struct _EdWizard
{
  GtkWidget       parent_instance;

  EdCase         *edcase;
  EdProcedure    *procedure;
  EdStore        *store;          /* nullable: where printed sheets are logged */
  GPtrArray      *pages;          /* EdWizardPage, in order */
  guint           current;
  char           *second_language;
  GSettings      *settings;

  AdwWindowTitle *window_title;
  GtkWidget      *ended_banner;
  GtkLabel       *ended_label;
  AdwFlap        *flap;
  GtkListBox     *step_list;
  GtkStack       *stack;
  GtkLabel       *progress_label;
  GtkWidget      *saving_label;
  GtkProgressBar *progress_bar;
};

G_DEFINE_FINAL_TYPE (EdWizard, ed_wizard, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SECOND_LANGUAGE,
  PROP_STORE,
  N_PROPS
};

enum {
  CLOSE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static EdWizardPage *
page_at (EdWizard *self,
         guint     index)
{
  return g_ptr_array_index (self->pages, index);
}

static gboolean
page_passable (EdWizardPage *page)
{
  return ed_wizard_page_get_complete (page) || ed_wizard_page_get_skippable (page);
}

/**
 * ed_wizard_can_reach:
 *
 * Returns: whether staff may go to the page at @index: every page before
 *   it is complete or optional, or it lies behind the current page.
 */
gboolean
ed_wizard_can_reach (EdWizard *self,
                     guint     index)
{
  g_return_val_if_fail (ED_IS_WIZARD (self), FALSE);

  if (index >= self->pages->len)
    return FALSE;
  if (index <= self->current)
    return TRUE;

  for (guint i = 0; i < index; i++)
    if (!page_passable (page_at (self, i)))
      return FALSE;

  return TRUE;
}

static void
update_sidebar (EdWizard *self)
{
  for (guint i = 0; i < self->pages->len; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->step_list, (int) i);
      EdWizardPage *page = page_at (self, i);
      GtkImage *icon = g_object_get_data (G_OBJECT (row), "icon");
      const char *icon_name;
      const char *state;

      if (ed_wizard_page_get_complete (page))
        {
          icon_name = "emblem-ok-symbolic";
          state = _("Done");
        }
      else if (ed_wizard_page_get_skippable (page))
        {
          icon_name = "radio-symbolic";
          state = _("Optional");
        }
      else
        {
          icon_name = "radio-symbolic";
          state = _("Not done yet");
        }

      gtk_image_set_from_icon_name (icon, icon_name);
      if (ed_wizard_page_get_complete (page))
        gtk_widget_remove_css_class (GTK_WIDGET (icon), "dim-label");
      else
        gtk_widget_add_css_class (GTK_WIDGET (icon), "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, state,
                                      -1);
      gtk_widget_set_sensitive (GTK_WIDGET (row), ed_wizard_can_reach (self, i));
    }

  gtk_list_box_select_row (self->step_list,
                           gtk_list_box_get_row_at_index (self->step_list, (int) self->current));
}

static void
update_navigation (EdWizard *self)
{
  EdWizardPage *page = page_at (self, self->current);
  guint n = self->pages->len;
  g_autofree char *progress = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.previous", self->current > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next",
                                 self->current + 1 < n && page_passable (page));

  /* Translators: where the user is in the wizard, e.g. "Page 3 of 14" */
  progress = g_strdup_printf (_("Page %u of %u"), self->current + 1, n);
  gtk_label_set_label (self->progress_label, progress);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 n > 1 ? (double) self->current / (n - 1) : 1.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, progress,
                                  -1);

  update_sidebar (self);
}

static void
update_title (EdWizard *self)
{
  EdLanguage ui = ed_language_for_ui ();
  const char *reference = ed_case_get_reference (self->edcase);
  g_autofree char *names = ed_case_dup_title (self->edcase);
  g_autofree char *subtitle = NULL;

  adw_window_title_set_title (self->window_title,
                              ed_text_lookup (ed_procedure_get_title (self->procedure), ui));
  if (reference != NULL && *names != '\0')
    /* Translators: a case reference, then the travellers' names */
    subtitle = g_strdup_printf (_("%s · %s"), reference, names);
  else
    subtitle = g_strdup (reference != NULL ? reference : names);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
show_page (EdWizard *self,
           guint     index)
{
  EdWizardPage *page;

  g_assert (index < self->pages->len);

  self->current = index;
  page = page_at (self, index);

  ed_wizard_page_shown (page);
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (page));
  ed_case_set_current_step (self->edcase, ed_wizard_page_get_id (page));
  update_navigation (self);

  /* Keyboard users start at the top of the new page. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_child_focus (GTK_WIDGET (page), GTK_DIR_TAB_FORWARD);
}

static int
find_page (EdWizard   *self,
           const char *page_id)
{
  for (guint i = 0; i < self->pages->len; i++)
    if (g_strcmp0 (ed_wizard_page_get_id (page_at (self, i)), page_id) == 0)
      return (int) i;

  return -1;
}

gboolean
ed_wizard_go_to (EdWizard   *self,
                 const char *page_id)
{
  int index;

  g_return_val_if_fail (ED_IS_WIZARD (self), FALSE);

  index = find_page (self, page_id);
  if (index < 0 || !ed_wizard_can_reach (self, (guint) index))
    return FALSE;

  show_page (self, (guint) index);
  return TRUE;
}

gboolean
ed_wizard_next (EdWizard *self)
{
  g_return_val_if_fail (ED_IS_WIZARD (self), FALSE);

  if (self->current + 1 >= self->pages->len || !page_passable (page_at (self, self->current)))
    return FALSE;

  show_page (self, self->current + 1);
  return TRUE;
}

gboolean
ed_wizard_previous (EdWizard *self)
{
  g_return_val_if_fail (ED_IS_WIZARD (self), FALSE);

  if (self->current == 0)
    return FALSE;

  show_page (self, self->current - 1);
  return TRUE;
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ed_wizard_next (ED_WIZARD (widget));
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ed_wizard_previous (ED_WIZARD (widget));
}

static void
go_to_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ed_wizard_go_to (ED_WIZARD (widget), g_variant_get_string (parameter, NULL));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_signal_emit (widget, signals[CLOSE], 0);
}

/* The case's check sheet, logged in the case's store. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  EdWizard *self = ED_WIZARD (widget);

  ed_sheet_actions_print (GTK_WINDOW (gtk_widget_get_root (widget)), self->edcase, self->procedure,
                          self->store);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EdWizard *self = ED_WIZARD (widget);

  ed_sheet_actions_export_pdf (GTK_WINDOW (gtk_widget_get_root (widget)), self->edcase,
                               self->procedure, self->store);
}

static void
toggle_steps_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EdWizard *self = ED_WIZARD (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
step_list_row_activated_cb (EdWizard      *self,
                            GtkListBoxRow *row)
{
  guint index = (guint) gtk_list_box_row_get_index (row);

  if (ed_wizard_can_reach (self, index))
    show_page (self, index);

  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  EdWizardPage *page = g_object_get_data (G_OBJECT (row), "page");
  EdWizardPage *previous = before != NULL ? g_object_get_data (G_OBJECT (before), "page") : NULL;
  const char *section = ed_wizard_page_get_section (page);
  GtkWidget *header;

  if (section == NULL ||
      (previous != NULL && g_strcmp0 (section, ed_wizard_page_get_section (previous)) == 0))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (section);
  gtk_label_set_xalign (GTK_LABEL (header), 0.0);
  gtk_label_set_wrap (GTK_LABEL (header), TRUE);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_list_box_row_set_header (row, header);
}

static GtkWidget *
create_sidebar_row (EdWizardPage *page,
                    guint         number,
                    guint         n_steps)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *label;
  g_autofree char *title = NULL;

  /* Steps are numbered as the procedure numbers them; the first and
   * last pages are not steps. */
  if (number > 0 && number <= n_steps)
    title = g_strdup_printf ("%u. %s", number, ed_wizard_page_get_title (page));
  else
    title = g_strdup (ed_wizard_page_get_title (page));

  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_tooltip_text (label, title);

  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "icon", icon);
  g_object_set_data (G_OBJECT (row), "page", page);

  return row;
}

static void
page_state_changed_cb (EdWizard *self)
{
  update_navigation (self);
}

static void
add_page (EdWizard     *self,
          EdWizardPage *page,
          guint         number,
          guint         n_steps)
{
  g_ptr_array_add (self->pages, page);
  gtk_stack_add_named (self->stack, GTK_WIDGET (page), ed_wizard_page_get_id (page));
  gtk_list_box_append (self->step_list, create_sidebar_row (page, number, n_steps));
  g_signal_connect_object (page, "notify::complete", G_CALLBACK (page_state_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "notify::skippable", G_CALLBACK (page_state_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
apply_second_language (EdWizard *self)
{
  EdLanguage language;
  int second = ED_NO_LANGUAGE;

  if (self->second_language != NULL && ed_language_from_code (self->second_language, &language))
    second = (int) language;

  for (guint i = 0; i < self->pages->len; i++)
    if (ED_IS_STEP_PAGE (page_at (self, i)))
      ed_step_page_set_second_language (ED_STEP_PAGE (page_at (self, i)), second);
}

static void
build_pages (EdWizard *self)
{
  GPtrArray *steps = ed_procedure_get_steps (self->procedure);

  add_page (self, ed_travellers_page_new (self->edcase, self->procedure), 0, steps->len);
  for (guint i = 0; i < steps->len; i++)
    add_page (self,
              ed_step_page_new (self->edcase, self->procedure, g_ptr_array_index (steps, i), i + 1),
              i + 1, steps->len);
  add_page (self, ed_summary_page_new (self->edcase, self->procedure), steps->len + 1, steps->len);

  gtk_list_box_set_header_func (self->step_list, header_func, NULL, NULL);
  apply_second_language (self);
}

static void
show_status (EdWizard *self)
{
  EdLanguage ui = ed_language_for_ui ();
  g_autofree char *status = NULL;

  if (!ed_procedure_has_ended (self->procedure, NULL))
    return;

  /* Staff must never hand out an ended procedure without seeing it. */
  status = ed_procedure_describe_status (self->procedure, ui);
  gtk_label_set_label (self->ended_label, status);
  gtk_widget_set_visible (self->ended_banner, TRUE);
}

/**
 * ed_wizard_new:
 *
 * Opens @edcase on the page it was left on, or on its first page.
 */
GtkWidget *
ed_wizard_new (EdCase      *edcase,
               EdProcedure *procedure)
{
  EdWizard *self;
  int index;

  g_return_val_if_fail (ED_IS_CASE (edcase), NULL);
  g_return_val_if_fail (ED_IS_PROCEDURE (procedure), NULL);

  self = g_object_new (ED_TYPE_WIZARD, NULL);
  self->edcase = g_object_ref (edcase);
  self->procedure = g_object_ref (procedure);

  build_pages (self);
  show_status (self);
  update_title (self);
  g_signal_connect_object (edcase, "changed", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);

  index = find_page (self, ed_case_get_current_step (edcase));
  show_page (self, index >= 0 ? (guint) index : 0);

  return GTK_WIDGET (self);
}

/**
 * ed_wizard_set_store:
 * @store: (nullable): the store the case is kept in, where each sheet
 *   printed or saved is logged; %NULL while it opens
 */
void
ed_wizard_set_store (EdWizard *self,
                     EdStore  *store)
{
  g_return_if_fail (ED_IS_WIZARD (self));
  g_return_if_fail (store == NULL || ED_IS_STORE (store));

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

EdStore *
ed_wizard_get_store (EdWizard *self)
{
  g_return_val_if_fail (ED_IS_WIZARD (self), NULL);

  return self->store;
}

/**
 * ed_wizard_set_saving:
 *
 * Says, beside the progress, that changes are being written.
 */
void
ed_wizard_set_saving (EdWizard *self,
                      gboolean  saving)
{
  g_return_if_fail (ED_IS_WIZARD (self));

  gtk_widget_set_visible (self->saving_label, saving);
}

EdCase *
ed_wizard_get_case (EdWizard *self)
{
  g_return_val_if_fail (ED_IS_WIZARD (self), NULL);

  return self->edcase;
}

EdProcedure *
ed_wizard_get_procedure (EdWizard *self)
{
  g_return_val_if_fail (ED_IS_WIZARD (self), NULL);

  return self->procedure;
}

EdWizardPage *
ed_wizard_get_current_page (EdWizard *self)
{
  g_return_val_if_fail (ED_IS_WIZARD (self), NULL);

  return page_at (self, self->current);
}

guint
ed_wizard_get_n_pages (EdWizard *self)
{
  g_return_val_if_fail (ED_IS_WIZARD (self), 0);

  return self->pages->len;
}

EdWizardPage *
ed_wizard_get_page (EdWizard *self,
                    guint     index)
{
  g_return_val_if_fail (ED_IS_WIZARD (self), NULL);
  g_return_val_if_fail (index < self->pages->len, NULL);

  return page_at (self, index);
}

static void
ed_wizard_dispose (GObject *object)
{
  EdWizard *self = ED_WIZARD (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ed_wizard_parent_class)->dispose (object);
}

static void
ed_wizard_finalize (GObject *object)
{
  EdWizard *self = ED_WIZARD (object);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->second_language, g_free);
  g_clear_object (&self->procedure);
  g_clear_object (&self->edcase);

  G_OBJECT_CLASS (ed_wizard_parent_class)->finalize (object);
}

static void
ed_wizard_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  EdWizard *self = ED_WIZARD (object);

  switch (prop_id)
    {
    case PROP_SECOND_LANGUAGE:
      g_value_set_string (value, self->second_language != NULL ? self->second_language : "");
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_wizard_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  EdWizard *self = ED_WIZARD (object);

  switch (prop_id)
    {
    case PROP_SECOND_LANGUAGE:
      if (g_strcmp0 (self->second_language, g_value_get_string (value)) != 0)
        {
          g_free (self->second_language);
          self->second_language = g_value_dup_string (value);
          if (self->pages != NULL)
            apply_second_language (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_STORE:
      ed_wizard_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_wizard_class_init (EdWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_wizard_dispose;
  object_class->finalize = ed_wizard_finalize;
  object_class->get_property = ed_wizard_get_property;
  object_class->set_property = ed_wizard_set_property;

  /**
   * EdWizard:second-language:
   *
   * The language shown beside the staff's ("en", "ja", "zh_CN",
   * "zh_TW"), or "" for none.
   */
  properties[PROP_SECOND_LANGUAGE] =
    g_param_spec_string ("second-language", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * EdWizard:store:
   *
   * The case store, set by the wizard's owner: Print and Export PDF log
   * each sheet in it.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ED_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EdWizard::close:
   *
   * Staff asked to go back to the list of cases.
   */
  signals[CLOSE] =
    g_signal_new ("close",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entrydesk/EntryDesk/"
                                               "wizard/ed-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, EdWizard, window_title);
  gtk_widget_class_bind_template_child (widget_class, EdWizard, ended_banner);
  gtk_widget_class_bind_template_child (widget_class, EdWizard, ended_label);
  gtk_widget_class_bind_template_child (widget_class, EdWizard, flap);
  gtk_widget_class_bind_template_child (widget_class, EdWizard, step_list);
  gtk_widget_class_bind_template_child (widget_class, EdWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, EdWizard, progress_label);
  gtk_widget_class_bind_template_child (widget_class, EdWizard, saving_label);
  gtk_widget_class_bind_template_child (widget_class, EdWizard, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, step_list_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "wizard.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "wizard.go-to", "s", go_to_action);
  gtk_widget_class_install_action (widget_class, "wizard.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "wizard.toggle-steps", NULL, toggle_steps_action);
  gtk_widget_class_install_action (widget_class, "wizard.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "wizard.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_property_action (widget_class, "wizard.second-language",
                                            "second-language");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, GDK_ALT_MASK,
                                       "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "wizard.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK,
                                       "wizard.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "wizard.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "wizard.toggle-steps", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "wizard.print", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "wizard");

  g_type_ensure (ED_TYPE_WIZARD_PAGE);
}

static void
ed_wizard_init (EdWizard *self)
{
  self->pages = g_ptr_array_new ();
  self->second_language = g_strdup ("");

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "second-language", self, "second-language",
                   G_SETTINGS_BIND_DEFAULT);
}
