/* ed-case-row.c
 *
 * One case as the list shows it: the travellers' names (the first one's
 * in native script too, under them: 張偉 under ZHANG WEI), the procedure in
 * the UI language, the reference to read aloud, when it last changed,
 * how far it is in the steps that apply and whether it is open or closed.
 * Its menu (the button, a right click, a long press or the Menu key)
 * acts on this case through the list's "cases." actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-case-row-private.h"
#include "ed-language.h"
#include "ed-procedure.h"
#include "ed-text.h"

struct _EdCaseRow
{
  GtkWidget       parent_instance;

  EdCaseInfo     *info;
  EdCatalog      *catalog;
  GtkWidget      *context_menu;

  GtkLabel       *names_label;
  GtkLabel       *native_name_label;
  GtkLabel       *procedure_label;
  GtkLabel       *ended_label;
  GtkLabel       *next_due_label;
  GtkBox         *layout_box;
  GtkBox         *text_box;
  gboolean        narrow;
  GtkLabel       *reference_label;
  GtkLabel       *modified_label;
  GtkLabel       *elsewhere_label;
  GtkWidget      *state_box;
  GtkLabel       *status_label;
  GtkLevelBar    *progress_bar;
  GtkLabel       *progress_label;
  GtkMenuButton  *menu_button;

  char           *progress_description;
};

G_DEFINE_FINAL_TYPE (EdCaseRow, ed_case_row, GTK_TYPE_WIDGET)

GtkWidget *
ed_case_row_new (void)
{
  return g_object_new (ED_TYPE_CASE_ROW, NULL);
}

/**
 * ed_case_describe_procedure:
 * @catalog: (nullable): the procedures loaded
 *
 * Returns: (transfer full): the title of @procedure_id in the UI
 *   language, or a sentence saying it is not loaded
 */
char *
ed_case_describe_procedure (EdCatalog  *catalog,
                            const char *procedure_id)
{
  EdProcedure *procedure = catalog != NULL ? ed_catalog_lookup (catalog, procedure_id) : NULL;

  if (procedure == NULL)
    /* Translators: a case's procedure that is not in the catalog (any more) */
    return g_strdup_printf (_("Unknown procedure (%s)"), procedure_id);

  return g_strdup (ed_text_lookup (ed_procedure_get_title (procedure), ed_language_for_ui ()));
}

/* Returns: (transfer full): the local day of @seconds, as YYYY-MM-DD */
char *
ed_case_format_day (gint64 seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (seconds);

  return time != NULL ? g_date_time_format (time, "%Y-%m-%d") : g_strdup ("");
}

static char *
format_time (gint64 seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (seconds);

  return time != NULL ? g_date_time_format (time, "%Y-%m-%d %H:%M") : g_strdup ("");
}

static GMenuModel *
create_menu (EdCaseInfo *info)
{
  GVariant *id = g_variant_new_int64 (ed_case_info_get_id (info));
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) open = g_menu_new ();
  g_autoptr(GMenu) state = g_menu_new ();
  g_autoptr(GMenu) remove = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;

  g_variant_ref_sink (id);

  item = g_menu_item_new (_("_Open"), NULL);
  g_menu_item_set_action_and_target_value (item, "cases.open", id);
  g_menu_append_item (open, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("_Print Check Sheet…"), NULL);
  g_menu_item_set_action_and_target_value (item, "cases.print", id);
  g_menu_append_item (open, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("Export Check Sheet as PD_F…"), NULL);
  g_menu_item_set_action_and_target_value (item, "cases.export-pdf", id);
  g_menu_append_item (open, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("_Export Case File…"), NULL);
  g_menu_item_set_action_and_target_value (item, "cases.export", id);
  g_menu_append_item (open, item);
  g_clear_object (&item);

  if (ed_case_info_get_status (info) == ED_CASE_OPEN)
    {
      item = g_menu_item_new (_("_Close Case"), NULL);
      g_menu_item_set_action_and_target_value (item, "cases.close", id);
    }
  else
    {
      item = g_menu_item_new (_("_Reopen Case"), NULL);
      g_menu_item_set_action_and_target_value (item, "cases.reopen", id);
    }
  g_menu_append_item (state, item);
  g_clear_object (&item);

  item = g_menu_item_new (_("_Delete"), NULL);
  g_menu_item_set_action_and_target_value (item, "cases.delete", id);
  g_menu_append_item (remove, item);

  g_menu_append_section (menu, NULL, G_MENU_MODEL (open));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (state));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));
  g_variant_unref (id);

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static gboolean
progress_tooltip_cb (EdCaseRow  *self,
                     int         x,
                     int         y,
                     gboolean    keyboard,
                     GtkTooltip *tooltip)
{
  if (self->progress_description == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, self->progress_description);
  return TRUE;
}

static void
show_progress (EdCaseRow  *self,
               guint       done,
               guint       total,
               const char *label,
               const char *description)
{
  gtk_level_bar_set_max_value (self->progress_bar, total);
  gtk_level_bar_set_value (self->progress_bar, done);
  gtk_label_set_text (self->progress_label, label != NULL ? label : "");
  gtk_widget_set_visible (GTK_WIDGET (self->progress_label), label != NULL);
  /* Told when asked (progress_tooltip_cb ()): setting a tooltip asks the
   * display where the pointer is, twice a row, 200 rows at start-up. */
  g_free (self->progress_description);
  self->progress_description = g_strdup (description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
}

/* How far the case is, in the one unit the wizard counts in too: the
 * steps that apply to it ("Step 2 of 5", as the wizard's bar says on
 * that step). The store works it out with each save (#EdCaseProgress);
 * a closed case is done. */
static void
update_progress (EdCaseRow *self)
{
  EdProcedure *procedure = NULL;
  EdCaseProgress progress;
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;
  gboolean known, closed, shown;
  guint n, value;

  if (self->catalog != NULL)
    procedure = ed_catalog_lookup (self->catalog, ed_case_info_get_procedure_id (self->info));
  known = ed_case_info_get_progress (self->info, &progress);
  closed = ed_case_info_get_status (self->info) == ED_CASE_CLOSED;
  shown = procedure != NULL && (known || closed);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), shown);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_label), shown);
  if (!shown)
    return;

  n = progress.n_steps;
  value = MIN (progress.step, n);
  /* Closed: the badge beside says so and since when; here, what was
   * done, not "Done" a second time. */
  if (closed)
    {
      value = MAX (n, 1);
      if (known && n > 0)
        /* Translators: in the case list, a closed case: steps done of those that apply */
        label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u step",
                                              "%u of %u steps", n),
                                 n, n);
      if (known)
        description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "Finished: the %u step that applies is done",
                                                    "Finished: all %u steps that apply are done",
                                                    n),
                                       n);
      else
        description = g_strdup (_("Finished"));
    }
  else if (n == 0)
    {
      label = g_strdup (_("No steps apply"));
      description = g_strdup (label);
    }
  /* Past the steps: the wizard's bar names the page, as here. */
  else if (progress.step > n)
    {
      label = g_strdup (_("Review"));
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "At the review, after the %u step that applies",
                                                  "At the review, after the %u steps that apply",
                                                  n),
                                     n);
    }
  else if (progress.step == 0)
    {
      /* Translators: in the case list, a case not at a step yet: how many apply */
      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u step", "%u steps", n), n);
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "Not at a step yet: %u step applies",
                                                  "Not at a step yet: %u steps apply", n),
                                     n);
    }
  /* At a step: the same words as the wizard's bar. */
  else
    {
      label = g_strdup_printf (_("Step %u of %u"), progress.step, n);
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "At step %u of the %u step that applies",
                                                  "At step %u of the %u steps that apply", n),
                                     progress.step, n);
    }

  show_progress (self, value, MAX (n, 1), label, description);
}

static void
update_status (EdCaseRow *self)
{
  GtkWidget *badge = GTK_WIDGET (self->status_label);
  g_autofree char *day = NULL;
  g_autofree char *text = NULL;

  if (ed_case_info_get_status (self->info) == ED_CASE_OPEN)
    {
      gtk_label_set_text (self->status_label, C_("case", "Open"));
      gtk_widget_remove_css_class (badge, "case-closed");
      gtk_widget_add_css_class (badge, "case-open");
      return;
    }

  day = ed_case_format_day (ed_case_info_get_closed (self->info));
  /* Translators: a case's status, with the day it was closed */
  text = g_strdup_printf (_("Closed %s"), day);
  gtk_label_set_text (self->status_label, text);
  gtk_widget_remove_css_class (badge, "case-open");
  gtk_widget_add_css_class (badge, "case-closed");
}

/* A case on a procedure that no longer applies says so, and since when:
 * "Ended, last day 2023-05-07". */
static void
update_ended (EdCaseRow *self)
{
  EdProcedure *procedure = self->catalog != NULL
                           ? ed_catalog_lookup (self->catalog,
                                                ed_case_info_get_procedure_id (self->info))
                           : NULL;
  gboolean ended = procedure != NULL &&
                   ed_procedure_get_state (procedure, NULL) == ED_PROCEDURE_ENDED;
  g_autofree char *status = ended ? ed_procedure_describe_status_brief (procedure,
                                                                        ed_language_for_ui ())
                                  : NULL;

  gtk_label_set_text (self->ended_label, status != NULL ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (self->ended_label), status != NULL);
}

static void
update_next_due (EdCaseRow *self)
{
  GtkWidget *label = GTK_WIDGET (self->next_due_label);
  const char *css_class;
  g_autofree char *text = _ed_case_row_describe_next_due (self->info, self->catalog, &css_class);

  gtk_widget_remove_css_class (label, "next-due-overdue");
  gtk_widget_remove_css_class (label, "next-due-soon");
  if (*css_class != '\0')
    gtk_widget_add_css_class (label, css_class);
  gtk_label_set_text (self->next_due_label, text != NULL ? text : "");
  gtk_widget_set_visible (label, text != NULL);
}

static void
update (EdCaseRow *self)
{
  g_autoptr(GMenuModel) menu = NULL;
  g_autofree char *procedure = NULL;
  g_autofree char *modified = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *menu_label = NULL;
  const char *elsewhere;
  const char *title;
  const char *native_name;
  gboolean all_ended;

  if (self->info == NULL)
    return;

  title = ed_case_info_get_title (self->info);
  gtk_label_set_text (self->names_label, *title != '\0' ? title : _("No traveller named yet"));
  native_name = ed_case_info_get_native_name (self->info);
  gtk_label_set_text (self->native_name_label, native_name != NULL ? native_name : "");
  gtk_widget_set_visible (GTK_WIDGET (self->native_name_label), native_name != NULL);
  procedure = _ed_case_row_describe_procedures (self->info, self->catalog, &all_ended);
  gtk_label_set_text (self->procedure_label, procedure);
  update_ended (self);
  /* What it follows has ended: the case is still open, its sheets say so. */
  if (all_ended)
    gtk_widget_add_css_class (GTK_WIDGET (self->procedure_label), "procedure-ended");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->procedure_label), "procedure-ended");
  update_next_due (self);
  gtk_label_set_text (self->reference_label, ed_case_info_get_reference (self->info));
  modified = format_time (ed_case_info_get_modified (self->info));
  if (ed_case_info_get_changed_by (self->info) != NULL)
    /* Translators: in an office database, when and by whom (a database role):
     * "Changed 2026-11-21 09:30 by alice" */
    changed = g_strdup_printf (_("Changed %s by %s"), modified,
                               ed_case_info_get_changed_by (self->info));
  else
    /* Translators: when a case was last changed, e.g. "Changed 2026-11-21 09:30" */
    changed = g_strdup_printf (_("Changed %s"), modified);
  gtk_label_set_text (self->modified_label, changed);

  /* Open on another desk of the office now; or, made or changed while
   * the office database was away, kept on this desk until it is back. */
  elsewhere = ed_case_info_get_open_elsewhere (self->info);
  if (ed_case_info_get_waiting (self->info))
    gtk_label_set_text (self->elsewhere_label, _("Waiting to be sent to the office database"));
  else if (elsewhere != NULL)
    {
      /* Translators: the database roles of the desks that have the case open */
      g_autofree char *open_text = g_strdup_printf (_("Open on another desk: %s"), elsewhere);

      gtk_label_set_text (self->elsewhere_label, open_text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->elsewhere_label),
                          elsewhere != NULL || ed_case_info_get_waiting (self->info));

  update_status (self);
  update_progress (self);

  /* A menu is made when first opened (create_popup_cb ()): making one
   * for each of 200 rows held the list's first frame back. */
  if (gtk_menu_button_get_menu_model (self->menu_button) != NULL || self->context_menu != NULL)
    menu = create_menu (self->info);
  if (gtk_menu_button_get_menu_model (self->menu_button) != NULL)
    gtk_menu_button_set_menu_model (self->menu_button, menu);
  if (self->context_menu != NULL)
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_menu), menu);
  /* Translators: the menu button of a case in the list, read by screen readers */
  menu_label = g_strdup_printf (_("Actions for case %s"), ed_case_info_get_reference (self->info));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label,
                                  -1);
}

/**
 * ed_case_row_set_info:
 * @info: (nullable): the case to show; the row follows its changes
 */
void
ed_case_row_set_info (EdCaseRow  *self,
                      EdCaseInfo *info)
{
  g_return_if_fail (ED_IS_CASE_ROW (self));
  g_return_if_fail (info == NULL || ED_IS_CASE_INFO (info));

  if (self->info == info)
    return;

  if (self->info != NULL)
    g_signal_handlers_disconnect_by_func (self->info, update, self);
  g_set_object (&self->info, info);
  if (info != NULL)
    g_signal_connect_object (info, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  update (self);
}

EdCaseInfo *
ed_case_row_get_info (EdCaseRow *self)
{
  g_return_val_if_fail (ED_IS_CASE_ROW (self), NULL);

  return self->info;
}

/* Procedures updated while the list shows: titles and totals follow. */
void
ed_case_row_set_catalog (EdCaseRow *self,
                         EdCatalog *catalog)
{
  g_return_if_fail (ED_IS_CASE_ROW (self));

  if (self->catalog == catalog)
    return;

  if (self->catalog != NULL)
    g_signal_handlers_disconnect_by_func (ed_catalog_get_procedures (self->catalog), update, self);
  g_set_object (&self->catalog, catalog);
  if (catalog != NULL)
    g_signal_connect_object (ed_catalog_get_procedures (catalog), "items-changed",
                             G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  update (self);
}

/* The rows of a list share @group, so that their progress bars line up
 * whatever the length of their labels. */
void
ed_case_row_set_size_group (EdCaseRow    *self,
                            GtkSizeGroup *group)
{
  g_return_if_fail (ED_IS_CASE_ROW (self));

  gtk_size_group_add_widget (group, self->state_box);
}

/**
 * ed_case_row_set_narrow:
 * @narrow: whether the list is too narrow for the progress beside the
 *   names (a phone-sized window)
 *
 * Narrow, the progress and the status go under the text, which then has
 * the row's whole width: names, procedure and deadline are read, not cut
 * after a few characters; the menu button stays on the right.
 */
void
ed_case_row_set_narrow (EdCaseRow *self,
                        gboolean   narrow)
{
  g_autoptr(GtkWidget) state = NULL;

  g_return_if_fail (ED_IS_CASE_ROW (self));

  narrow = !!narrow;
  if (self->narrow == narrow)
    return;

  self->narrow = narrow;
  state = g_object_ref (self->state_box);
  gtk_box_remove (GTK_BOX (gtk_widget_get_parent (state)), state);
  if (narrow)
    {
      gtk_widget_set_margin_top (state, 3);
      gtk_box_append (self->text_box, state);
    }
  else
    {
      gtk_widget_set_margin_top (state, 0);
      gtk_box_insert_child_after (self->layout_box, state, GTK_WIDGET (self->text_box));
    }
}

static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  EdCaseRow *self = ED_CASE_ROW (user_data);
  g_autoptr(GMenuModel) menu = NULL;

  if (self->info == NULL)
    return;

  menu = create_menu (self->info);
  gtk_menu_button_set_menu_model (button, menu);
}

/* From the keyboard: Menu or Shift+F10 on the row. */
void
ed_case_row_popup_menu (EdCaseRow *self)
{
  g_return_if_fail (ED_IS_CASE_ROW (self));

  gtk_menu_button_popup (self->menu_button);
}

static void
popup_context_menu (EdCaseRow *self,
                    double     x,
                    double     y)
{
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };

  if (self->info == NULL)
    return;

  if (self->context_menu == NULL)
    {
      g_autoptr(GMenuModel) menu = create_menu (self->info);

      self->context_menu = gtk_popover_menu_new_from_model (menu);
      gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
    }

  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
secondary_pressed_cb (EdCaseRow       *self,
                      int              n_press,
                      double           x,
                      double           y,
                      GtkGestureClick *gesture)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_context_menu (self, x, y);
}

static void
long_pressed_cb (EdCaseRow *self,
                 double     x,
                 double     y)
{
  popup_context_menu (self, x, y);
}

/* One click opens the case, as in GNOME's lists; the menu button is
 * not part of that. */
static void
primary_released_cb (EdCaseRow       *self,
                     int              n_press,
                     double           x,
                     double           y,
                     GtkGestureClick *gesture)
{
  GtkWidget *picked;

  if (n_press != 1 || self->info == NULL)
    return;

  picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);
  if (picked == NULL || picked == GTK_WIDGET (self->menu_button) ||
      gtk_widget_is_ancestor (picked, GTK_WIDGET (self->menu_button)))
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "cases.open", "x",
                              ed_case_info_get_id (self->info));
}

static void
ed_case_row_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  EdCaseRow *self = ED_CASE_ROW (widget);

  GTK_WIDGET_CLASS (ed_case_row_parent_class)->size_allocate (widget, width, height, baseline);

  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
}

static void
ed_case_row_dispose (GObject *object)
{
  EdCaseRow *self = ED_CASE_ROW (object);
  GtkWidget *child;

  ed_case_row_set_info (self, NULL);
  ed_case_row_set_catalog (self, NULL);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  g_clear_pointer (&self->progress_description, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), ED_TYPE_CASE_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ed_case_row_parent_class)->dispose (object);
}

static void
ed_case_row_class_init (EdCaseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_case_row_dispose;
  widget_class->size_allocate = ed_case_row_size_allocate;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entrydesk/EntryDesk/"
                                               "cases/ed-case-row.ui");
  gtk_widget_class_bind_template_child (widget_class, EdCaseRow, names_label);
  gtk_widget_class_bind_template_child (widget_class, EdCaseRow, native_name_label);
  gtk_widget_class_bind_template_child (widget_class, EdCaseRow, procedure_label);
  gtk_widget_class_bind_template_child (widget_class, EdCaseRow, ended_label);
  gtk_widget_class_bind_template_child (widget_class, EdCaseRow, next_due_label);
  gtk_widget_class_bind_template_child (widget_class, EdCaseRow, layout_box);
  gtk_widget_class_bind_template_child (widget_class, EdCaseRow, text_box);
  gtk_widget_class_bind_template_child (widget_class, EdCaseRow, reference_label);
  gtk_widget_class_bind_template_child (widget_class, EdCaseRow, modified_label);
  gtk_widget_class_bind_template_child (widget_class, EdCaseRow, elsewhere_label);
  gtk_widget_class_bind_template_child (widget_class, EdCaseRow, state_box);
  gtk_widget_class_bind_template_child (widget_class, EdCaseRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, EdCaseRow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, EdCaseRow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, EdCaseRow, menu_button);
  gtk_widget_class_bind_template_callback (widget_class, primary_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, secondary_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, long_pressed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "caserow");
}

static void
ed_case_row_init (EdCaseRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_popup_cb, self, NULL);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self->progress_bar), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->progress_label), TRUE);
  g_signal_connect_swapped (self->progress_bar, "query-tooltip",
                            G_CALLBACK (progress_tooltip_cb), self);
  g_signal_connect_swapped (self->progress_label, "query-tooltip",
                            G_CALLBACK (progress_tooltip_cb), self);
}
