/* ed-wizard.c
 *
 * The navigator of a procedure, as GNOME Initial Setup's assistant: it
 * enables Next from the current page's `complete` and `skippable` (Next
 * says "Skip" for an optional page left unfinished), and no page ever
 * touches the buttons. Back never loses anything: every page writes into
 * the case as staff type, and the store saves it.
 *
 * The travellers first, then the procedure's questions, then only the
 * steps that apply to the case (ed_case_check_step()): the others leave
 * the flow and the review says why. Progress is counted in those steps
 * alone ("Step 2 of 5"), in the bar, the sidebar and the case list. The
 * review ends the flow with the final action in Next's place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-questions-page.h"
#include "ed-sheet-actions.h"
#include "ed-step-page.h"
#include "ed-summary-page.h"
#include "ed-text-block.h"
#include "ed-travellers-page.h"
#include "ed-wizard.h"
#include "ed-office-bar.h"
#include "ed-read-only.h"

struct _EdWizard
{
  GtkWidget       parent_instance;

  EdCase         *edcase;
  EdProcedure    *procedure;
  EdStore        *store;          /* nullable: where printed sheets are logged */
  EdOfficeBar    *office_bar;
  GPtrArray      *pages;          /* EdWizardPage, in order */
  guint           current;
  guint           furthest;       /* the furthest page reached: those before are seen */
  guint           flow_source;
  char           *second_language;
  GSettings      *settings;

  AdwWindowTitle *window_title;
  GtkWidget      *ended_banner;
  GtkLabel       *ended_label;
  GtkLabel       *ended_note_label;
  GtkWidget      *ended_more_button;
  AdwFlap        *flap;
  GtkListBox     *step_list;
  GtkStack       *stack;
  GtkLabel       *progress_label;
  GtkWidget      *saving_label;
  GtkProgressBar *progress_bar;
  GtkStack       *next_stack;
  GtkButton      *next_button;
  GtkWidget      *finish_button;
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

/* Steps that apply to nobody in the case are left out; every other page
 * is always in. */
static gboolean
in_flow (EdWizard *self,
         guint     index)
{
  return !g_object_get_data (G_OBJECT (page_at (self, index)), "left-out");
}

static int
next_in_flow (EdWizard *self,
              guint     from)
{
  for (guint i = from + 1; i < self->pages->len; i++)
    if (in_flow (self, i))
      return (int) i;

  return -1;
}

static int
previous_in_flow (EdWizard *self,
                  guint     from)
{
  for (guint i = from; i > 0; i--)
    if (in_flow (self, i - 1))
      return (int) i - 1;

  return -1;
}

/* Where @index stands among the steps in the flow, from 1; 0 for the
 * pages that are not steps. */
static guint
step_number (EdWizard *self,
             guint     index,
             guint    *n_steps)
{
  guint number = 0, n = 0;

  for (guint i = 0; i < self->pages->len; i++)
    if (ED_IS_STEP_PAGE (page_at (self, i)) && in_flow (self, i))
      {
        n++;
        if (i == index)
          number = n;
      }

  if (n_steps != NULL)
    *n_steps = n;
  return number;
}

/* Done: complete, and seen — staff have been there and moved on. A step
 * with nothing to tick is complete from the start, but not done before
 * anyone has read it. */
static gboolean
page_done (EdWizard *self,
           guint     index)
{
  return ed_wizard_page_get_complete (page_at (self, index)) &&
         index <= self->furthest && index != self->current;
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

  if (index >= self->pages->len || !in_flow (self, index))
    return FALSE;
  if (index <= self->current)
    return TRUE;

  for (guint i = 0; i < index; i++)
    if (in_flow (self, i) && !page_passable (page_at (self, i)))
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

      gboolean done = page_done (self, i);
      GtkLabel *label = g_object_get_data (G_OBJECT (row), "label");
      g_autofree char *title = NULL;
      guint number = step_number (self, i, NULL);

      gtk_widget_set_visible (GTK_WIDGET (row), in_flow (self, i));
      if (number > 0)
        title = g_strdup_printf ("%u. %s", number, ed_wizard_page_get_title (page));
      else
        title = g_strdup (ed_wizard_page_get_title (page));
      gtk_label_set_label (label, title);
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), title);

      if (done)
        {
          icon_name = "emblem-ok-symbolic";
          state = _("Done");
        }
      else if (ed_wizard_page_get_skippable (page) && !ed_wizard_page_get_complete (page))
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
      if (done)
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
  gboolean last = next_in_flow (self, self->current) < 0;
  gboolean skip = !ed_wizard_page_get_complete (page) && ed_wizard_page_get_skippable (page);
  g_autofree char *progress = NULL;
  EdCaseProgress steps;
  double fraction;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.previous",
                                 previous_in_flow (self, self->current) >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next",
                                 !last && page_passable (page));
  gtk_button_set_label (self->next_button, skip ? _("_Skip") : _("_Next"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->next_button),
                               skip ? _("Go on without finishing this optional page (Alt+Right)")
                                    : _("Next page (Alt+Right)"));
  /* The review ends the flow: its action takes Next's place. */
  gtk_stack_set_visible_child (self->next_stack,
                               last ? self->finish_button : GTK_WIDGET (self->next_button));

  /* One unit everywhere: the steps that apply, counted as the store
   * counts them for the case list (show_page () set the current step). */
  ed_case_get_progress (self->edcase, self->procedure, &steps);
  if (steps.step > 0 && steps.step <= steps.n_steps)
    /* Translators: where the user is among the steps that apply, e.g. "Step 2 of 5" */
    progress = g_strdup_printf (_("Step %u of %u"), steps.step, steps.n_steps);
  else
    progress = g_strdup (ed_wizard_page_get_title (page));
  gtk_label_set_label (self->progress_label, progress);

  /* The bar fills as the case list's does: empty before the steps, full
   * at the last and past it. */
  if (steps.n_steps > 0)
    fraction = (double) MIN (steps.step, steps.n_steps) / steps.n_steps;
  else
    fraction = last ? 1.0 : 0.0;
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
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
  self->furthest = MAX (self->furthest, index);
  page = page_at (self, index);

  ed_wizard_page_shown (page);
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (page));
  ed_case_set_current_step (self->edcase, ed_wizard_page_get_id (page));
  update_navigation (self);

  /* Keyboard users start at the first control of the new page; a page
   * with none hands the focus to Next (or the final action). */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (page)))
        return;
      if (!gtk_widget_child_focus (GTK_WIDGET (page), GTK_DIR_TAB_FORWARD))
        gtk_widget_child_focus (GTK_WIDGET (self->next_stack), GTK_DIR_TAB_FORWARD);
    }
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

static void update_flow (EdWizard *self);

/* An answer changed a moment ago: the flow is brought up to date before
 * moving, not in the idle that would follow the move. */
static void
flush_flow (EdWizard *self)
{
  if (self->flow_source == 0)
    return;
  g_clear_handle_id (&self->flow_source, g_source_remove);
  update_flow (self);
}

gboolean
ed_wizard_next (EdWizard *self)
{
  int next;

  g_return_val_if_fail (ED_IS_WIZARD (self), FALSE);

  flush_flow (self);
  next = next_in_flow (self, self->current);
  if (next < 0 || !page_passable (page_at (self, self->current)))
    return FALSE;

  show_page (self, (guint) next);
  return TRUE;
}

gboolean
ed_wizard_previous (EdWizard *self)
{
  int previous;

  g_return_val_if_fail (ED_IS_WIZARD (self), FALSE);

  flush_flow (self);
  previous = previous_in_flow (self, self->current);
  if (previous < 0)
    return FALSE;

  show_page (self, (guint) previous);
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

/* From the review: the page where an answer is given, and the field. */
static void
go_to_field_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EdWizard *self = ED_WIZARD (widget);
  const char *page_id, *name;
  int traveller, index;

  g_variant_get (parameter, "(&si&s)", &page_id, &traveller, &name);
  index = find_page (self, page_id);
  if (index < 0 || !in_flow (self, (guint) index))
    return;

  /* Going back to change an answer is always allowed. */
  show_page (self, (guint) index);
  ed_wizard_page_focus_field (page_at (self, (guint) index), (guint) MAX (traveller, 0), name);
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

/* The case is done (closed), or open again. */
static void
update_done_actions (EdWizard *self)
{
  gboolean closed = ed_case_get_status (self->edcase) == ED_CASE_CLOSED;
  gboolean read_only = self->store != NULL && ed_store_get_read_only (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.mark-done", !closed && !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.reopen", closed && !read_only);
}

static void
mark_done_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EdWizard *self = ED_WIZARD (widget);
  gboolean done = g_str_equal (action_name, "wizard.mark-done");

  ed_case_set_status (self->edcase, done ? ED_CASE_CLOSED : ED_CASE_OPEN);
  update_done_actions (self);
  gtk_widget_activate_action (widget, "win.show-toast", "s",
                              done ? _("Case marked as done") : _("Case open again"));
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

/* The title is set by update_sidebar(): steps are numbered among those
 * in the flow. */
static GtkWidget *
create_sidebar_row (EdWizardPage *page)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);

  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "icon", icon);
  g_object_set_data (G_OBJECT (row), "label", label);
  g_object_set_data (G_OBJECT (row), "page", page);

  return row;
}

static void
page_state_changed_cb (EdWizard *self)
{
  update_navigation (self);
}

/* Which steps apply, with the answers and facts as they are now. */
static void
update_flow (EdWizard *self)
{
  for (guint i = 0; i < self->pages->len; i++)
    {
      EdWizardPage *page = page_at (self, i);
      gboolean left_out = FALSE;

      if (ED_IS_STEP_PAGE (page))
        left_out = ed_case_check_step (self->edcase, self->procedure,
                                       ed_step_page_get_step (ED_STEP_PAGE (page)))
                   == ED_APPLIES_NO;
      g_object_set_data (G_OBJECT (page), "left-out", GINT_TO_POINTER (left_out));
    }

  update_navigation (self);
}

static gboolean
update_flow_idle (gpointer data)
{
  EdWizard *self = data;

  self->flow_source = 0;
  update_flow (self);
  return G_SOURCE_REMOVE;
}

/* An answer or a fact changed: once per burst of changes. */
static void
case_changed_cb (EdWizard *self)
{
  if (self->flow_source == 0)
    self->flow_source = g_idle_add (update_flow_idle, self);
}

static void
add_page (EdWizard     *self,
          EdWizardPage *page)
{
  g_ptr_array_add (self->pages, page);
  gtk_stack_add_named (self->stack, GTK_WIDGET (page), ed_wizard_page_get_id (page));
  gtk_list_box_append (self->step_list, create_sidebar_row (page));
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
    ed_wizard_page_set_second_language (page_at (self, i), second);
}

static void
build_pages (EdWizard *self)
{
  GPtrArray *steps = ed_procedure_get_steps (self->procedure);
  GPtrArray *questions = ed_procedure_get_questions (self->procedure);

  add_page (self, ed_travellers_page_new (self->edcase, self->procedure));
  if (questions != NULL && questions->len > 0)
    add_page (self, ed_questions_page_new (self->edcase, self->procedure));
  for (guint i = 0; i < steps->len; i++)
    add_page (self, ed_step_page_new (self->edcase, self->procedure,
                                      g_ptr_array_index (steps, i), i + 1));
  add_page (self, ed_summary_page_new (self->edcase, self->procedure));

  gtk_list_box_set_header_func (self->step_list, header_func, NULL, NULL);
  apply_second_language (self);
}

static void
show_status (EdWizard *self)
{
  EdLanguage ui = ed_language_for_ui ();
  g_autofree char *status = NULL;
  EdText *note;

  if (!ed_procedure_has_ended (self->procedure, NULL))
    return;

  /* Staff must never hand out an ended procedure without seeing it: the
   * status on every page, the reason a click away. */
  status = ed_procedure_describe_status_brief (self->procedure, ui);
  gtk_label_set_label (self->ended_label, status);
  note = ed_procedure_get_status_note (self->procedure);
  if (note != NULL)
    gtk_label_set_label (self->ended_note_label, ed_text_lookup (note, ui));
  gtk_widget_set_visible (self->ended_more_button, note != NULL);
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
  g_signal_connect_object (edcase, "changed", G_CALLBACK (case_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (edcase, "notify::status", G_CALLBACK (update_done_actions), self,
                           G_CONNECT_SWAPPED);
  update_done_actions (self);
  update_flow (self);

  /* Resumed where it was left: the pages before it were seen then. */
  index = find_page (self, ed_case_get_current_step (edcase));
  if (index < 0 || !in_flow (self, (guint) index))
    index = 0;
  self->furthest = (guint) index;
  show_page (self, (guint) index);

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

  if (!g_set_object (&self->store, store))
    return;

  for (guint i = 0; i < self->pages->len; i++)
    if (ED_IS_SUMMARY_PAGE (page_at (self, i)))
      ed_summary_page_set_store (ED_SUMMARY_PAGE (page_at (self, i)), store);
  /* Offline, or a role that may only read: said here too, and then
   * every page shows the case, none edits it. */
  ed_office_bar_set_store (self->office_bar, store);
  update_done_actions (self);
  if (store != NULL && ed_store_get_read_only (store))
    ed_read_only_apply (GTK_WIDGET (self));
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

  g_clear_handle_id (&self->flow_source, g_source_remove);
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
  gtk_widget_class_bind_template_child (widget_class, EdWizard, office_bar);
  gtk_widget_class_bind_template_child (widget_class, EdWizard, ended_label);
  gtk_widget_class_bind_template_child (widget_class, EdWizard, ended_note_label);
  gtk_widget_class_bind_template_child (widget_class, EdWizard, ended_more_button);
  gtk_widget_class_bind_template_child (widget_class, EdWizard, flap);
  gtk_widget_class_bind_template_child (widget_class, EdWizard, step_list);
  gtk_widget_class_bind_template_child (widget_class, EdWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, EdWizard, progress_label);
  gtk_widget_class_bind_template_child (widget_class, EdWizard, saving_label);
  gtk_widget_class_bind_template_child (widget_class, EdWizard, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, EdWizard, next_stack);
  gtk_widget_class_bind_template_child (widget_class, EdWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, EdWizard, finish_button);
  gtk_widget_class_bind_template_callback (widget_class, step_list_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "wizard.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "wizard.go-to", "s", go_to_action);
  gtk_widget_class_install_action (widget_class, "wizard.go-to-field", "(sis)",
                                   go_to_field_action);
  gtk_widget_class_install_action (widget_class, "wizard.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "wizard.toggle-steps", NULL, toggle_steps_action);
  gtk_widget_class_install_action (widget_class, "wizard.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "wizard.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "wizard.mark-done", NULL, mark_done_action);
  gtk_widget_class_install_action (widget_class, "wizard.reopen", NULL, mark_done_action);
  gtk_widget_class_install_property_action (widget_class, "wizard.second-language",
                                            "second-language");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, GDK_ALT_MASK,
                                       "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "wizard.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK,
                                       "wizard.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "wizard.toggle-steps", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "wizard.print", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "wizard");

  g_type_ensure (ED_TYPE_WIZARD_PAGE);
  g_type_ensure (ED_TYPE_OFFICE_BAR);
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
