/* ed-case-list-view.c
 *
 * The Cases page. The search field feeds the store's live list, which
 * answers within a frame in another thread; the page shows the welcome
 * when the store has no case at all, "no case found" for a search, and
 * "no open cases" when every case is closed and closed ones are hidden.
 *
 * Keyboard: typing anywhere on the page searches; Enter in the search
 * field opens the first case, Down goes to the list; in the list, Enter
 * opens, Delete deletes (with Undo), Menu or Shift+F10 opens the case's
 * menu.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-case-list-view-private.h"
#include "ed-case-row.h"
#include "ed-toast.h"

G_DEFINE_FINAL_TYPE (EdCaseListView, ed_case_list_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SHOW_CLOSED,
  PROP_LOADING,
  N_PROPS
};

enum {
  CASE_ACTIVATED,
  SHOW_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GtkWidget *
ed_case_list_view_new (void)
{
  return g_object_new (ED_TYPE_CASE_LIST_VIEW, NULL);
}

static const char *
choose_page (EdCaseListView *self)
{
  const char *text;

  if (self->error != NULL)
    return "error";
  /* Until the first answer: the welcome must not flash for a store
   * full of cases. */
  if (self->store == NULL || ed_case_list_get_loading (self->any_case))
    return "loading";
  /* An office database out of reach lists nothing: that is not a
   * store without cases. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->any_case)) == 0)
    return ed_store_get_offline (self->store) ? "offline" : "empty";
  if (g_list_model_get_n_items (G_LIST_MODEL (self->cases)) > 0 ||
      ed_case_list_get_loading (self->cases))
    return "list";

  text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  if (*text != '\0' || self->show_closed)
    return "no-results";
  return "no-open";
}

/* Until the store is open and both lists have their answer; while a
 * search runs. */
static gboolean
is_loading (EdCaseListView *self)
{
  if (self->error != NULL)
    return FALSE;
  return self->store == NULL || ed_case_list_get_loading (self->any_case) ||
         ed_case_list_get_loading (self->cases);
}

static void
update_page (EdCaseListView *self)
{
  const char *page = choose_page (self);
  gboolean loading = is_loading (self);
  gboolean has_cases = g_str_equal (page, "list") || g_str_equal (page, "no-results") ||
                       g_str_equal (page, "no-open");

  gtk_widget_set_visible (GTK_WIDGET (self->search_bar), has_cases);
  /* Closed cases are searched only when they are shown. */
  adw_status_page_set_description (self->no_results_page,
                                   self->show_closed
                                   ? _("Try a name in Latin letters or in the traveller’s "
                                       "own script, a passport number or a case reference "
                                       "such as ED-7K3M-Q9.")
                                   : _("Try a name in Latin letters or in the traveller’s "
                                       "own script, a passport number or a case reference "
                                       "such as ED-7K3M-Q9. "
                                       "Closed cases are searched when Show Closed Cases is on."));
  gtk_spinner_set_spinning (self->spinner, g_str_equal (page, "loading"));
  gtk_stack_set_visible_child_name (self->stack, page);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cases.import",
                                 self->store != NULL && !ed_store_get_read_only (self->store));

  if (self->loading != loading)
    {
      self->loading = loading;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }
}

/**
 * ed_case_list_view_get_loading:
 *
 * Returns: %TRUE until the store is open and the list has its cases (or
 *   says why it has none), and while a search runs
 */
gboolean
ed_case_list_view_get_loading (EdCaseListView *self)
{
  g_return_val_if_fail (ED_IS_CASE_LIST_VIEW (self), FALSE);

  return self->loading;
}

static void
setup_row_cb (EdCaseListView *self,
              GtkListItem    *item)
{
  GtkWidget *row = ed_case_row_new ();

  ed_case_row_set_catalog (ED_CASE_ROW (row), self->catalog);
  ed_case_row_set_size_group (ED_CASE_ROW (row), self->state_group);
  ed_case_row_set_narrow (ED_CASE_ROW (row), self->narrow);
  gtk_list_item_set_child (item, row);
}

static void
bind_row_cb (EdCaseListView *self,
             GtkListItem    *item)
{
  EdCaseRow *row = ED_CASE_ROW (gtk_list_item_get_child (item));

  ed_case_row_set_catalog (row, self->catalog);
  ed_case_row_set_narrow (row, self->narrow);
  ed_case_row_set_info (row, gtk_list_item_get_item (item));
}

static void
unbind_row_cb (EdCaseListView *self,
               GtkListItem    *item)
{
  ed_case_row_set_info (ED_CASE_ROW (gtk_list_item_get_child (item)), NULL);
}

/**
 * _ed_case_list_view_find:
 *
 * Returns: (transfer full) (nullable): the row of case @id in the list
 */
EdCaseInfo *
_ed_case_list_view_find (EdCaseListView *self,
                         gint64          id)
{
  GListModel *model;

  if (self->cases == NULL)
    return NULL;

  model = G_LIST_MODEL (self->cases);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(EdCaseInfo) info = g_list_model_get_item (model, i);

      if (ed_case_info_get_id (info) == id)
        return g_steal_pointer (&info);
    }

  return NULL;
}

void
_ed_case_list_view_activate (EdCaseListView *self,
                             EdCaseInfo     *info)
{
  g_signal_emit (self, signals[CASE_ACTIVATED], 0, info);
}

/* @toast: (transfer full) */
void
_ed_case_list_view_add_toast (EdCaseListView *self,
                              AdwToast       *toast)
{
  ed_toast_emit (self, signals[SHOW_TOAST], toast);
}

static void
list_activate_cb (EdCaseListView *self,
                  guint           position)
{
  g_autoptr(EdCaseInfo) info = NULL;

  if (self->cases != NULL)
    info = g_list_model_get_item (G_LIST_MODEL (self->cases), position);
  if (info != NULL)
    _ed_case_list_view_activate (self, info);
}

static void
search_changed_cb (EdCaseListView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->cases != NULL)
    ed_case_list_set_search_text (self->cases, text);
  update_page (self);
}

/* Enter in the search field opens the first case found. */
static void
search_activate_cb (EdCaseListView *self)
{
  list_activate_cb (self, 0);
}

static void
stop_search_cb (EdCaseListView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static gboolean
search_key_pressed_cb (EdCaseListView  *self,
                       guint            keyval,
                       guint            keycode,
                       GdkModifierType  state)
{
  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) || self->cases == NULL ||
      g_list_model_get_n_items (G_LIST_MODEL (self->cases)) == 0)
    return GDK_EVENT_PROPAGATE;

  gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
  return GDK_EVENT_STOP;
}

/* The row the keyboard is on, else the selected one. */
static EdCaseRow *
focused_row (EdCaseListView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    return NULL;

  row = gtk_widget_get_ancestor (focus, ED_TYPE_CASE_ROW);
  if (row != NULL)
    return ED_CASE_ROW (row);

  for (GtkWidget *child = gtk_widget_get_first_child (focus); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ED_IS_CASE_ROW (child))
      return ED_CASE_ROW (child);

  return NULL;
}

static gboolean
delete_key_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  EdCaseListView *self = ED_CASE_LIST_VIEW (user_data);
  EdCaseRow *row = focused_row (self);
  EdCaseInfo *info = row != NULL ? ed_case_row_get_info (row) : NULL;

  if (info == NULL)
    return FALSE;

  ed_case_list_view_delete (self, ed_case_info_get_id (info));
  return TRUE;
}

static gboolean
menu_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  EdCaseRow *row = focused_row (ED_CASE_LIST_VIEW (user_data));

  if (row == NULL)
    return FALSE;

  ed_case_row_popup_menu (row);
  return TRUE;
}

static void
add_list_shortcuts (EdCaseListView *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  struct {
    guint            keyval;
    GdkModifierType  modifiers;
    GtkShortcutFunc  func;
  } keys[] = {
    { GDK_KEY_Delete, 0, delete_key_cb },
    { GDK_KEY_KP_Delete, 0, delete_key_cb },
    { GDK_KEY_Menu, 0, menu_key_cb },
    { GDK_KEY_F10, GDK_SHIFT_MASK, menu_key_cb },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcutTrigger *trigger = gtk_keyval_trigger_new (keys[i].keyval, keys[i].modifiers);
      GtkShortcutAction *action = gtk_callback_action_new (keys[i].func, self, NULL);

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            gtk_shortcut_new (trigger, action));
    }
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), controller);
}

static void
clear_lists (EdCaseListView *self)
{
  if (self->cases != NULL)
    g_signal_handlers_disconnect_by_data (self->cases, self);
  if (self->any_case != NULL)
    g_signal_handlers_disconnect_by_data (self->any_case, self);
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->cases);
  g_clear_object (&self->any_case);
}

/**
 * ed_case_list_view_set_store:
 * @store: (nullable): the cases to show; %NULL while the store opens
 */
void
ed_case_list_view_set_store (EdCaseListView *self,
                             EdStore        *store)
{
  g_autoptr(GtkSingleSelection) selection = NULL;

  g_return_if_fail (ED_IS_CASE_LIST_VIEW (self));
  g_return_if_fail (store == NULL || ED_IS_STORE (store));

  if (self->store == store)
    return;

  clear_lists (self);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      self->cases = ed_case_list_new (store);
      ed_case_list_set_search_text (self->cases,
                                    gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      ed_case_list_set_include_closed (self->cases, self->show_closed);
      self->any_case = ed_case_list_new (store);
      ed_case_list_set_include_closed (self->any_case, TRUE);
      ed_case_list_set_limit (self->any_case, 1);

      g_signal_connect_object (self->cases, "items-changed", G_CALLBACK (update_page), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->cases, "notify::loading", G_CALLBACK (update_page), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->any_case, "items-changed", G_CALLBACK (update_page), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->any_case, "notify::loading", G_CALLBACK (update_page), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "notify::offline", G_CALLBACK (update_page), self,
                               G_CONNECT_SWAPPED);

      selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->cases)));
      gtk_single_selection_set_autoselect (selection, FALSE);
      gtk_single_selection_set_can_unselect (selection, TRUE);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
    }

  update_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

EdStore *
ed_case_list_view_get_store (EdCaseListView *self)
{
  g_return_val_if_fail (ED_IS_CASE_LIST_VIEW (self), NULL);

  return self->store;
}

/**
 * ed_case_list_view_set_error:
 * @error: (nullable): why the store could not be opened
 */
void
ed_case_list_view_set_error (EdCaseListView *self,
                             const GError   *error)
{
  g_return_if_fail (ED_IS_CASE_LIST_VIEW (self));

  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
  adw_status_page_set_description (self->error_page, error != NULL ? error->message : NULL);
  update_page (self);
}

/* For the procedures' titles and checklists. */
void
ed_case_list_view_set_catalog (EdCaseListView *self,
                               EdCatalog      *catalog)
{
  g_return_if_fail (ED_IS_CASE_LIST_VIEW (self));

  g_set_object (&self->catalog, catalog);
}

/**
 * ed_case_list_view_get_cases:
 *
 * Returns: (transfer none) (nullable): the cases listed, %NULL until
 *   the store is open
 */
EdCaseList *
ed_case_list_view_get_cases (EdCaseListView *self)
{
  g_return_val_if_fail (ED_IS_CASE_LIST_VIEW (self), NULL);

  return self->cases;
}

void
ed_case_list_view_focus_search (EdCaseListView *self)
{
  g_return_if_fail (ED_IS_CASE_LIST_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
set_show_closed (EdCaseListView *self,
                 gboolean        show_closed)
{
  show_closed = !!show_closed;
  if (self->show_closed == show_closed)
    return;

  self->show_closed = show_closed;
  if (self->cases != NULL)
    ed_case_list_set_include_closed (self->cases, show_closed);
  update_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_CLOSED]);
}

/* Below this width the rows put their progress under the text (a
 * phone-sized window: GNOME's narrowest is 360 pixels). */
#define NARROW_WIDTH 560

static void
set_rows_narrow (GtkWidget *widget,
                 gboolean   narrow)
{
  if (ED_IS_CASE_ROW (widget))
    {
      ed_case_row_set_narrow (ED_CASE_ROW (widget), narrow);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    set_rows_narrow (child, narrow);
}

static gboolean
narrow_idle_cb (gpointer user_data)
{
  EdCaseListView *self = user_data;

  self->narrow_idle = 0;
  set_rows_narrow (GTK_WIDGET (self->list_view), self->narrow);
  return G_SOURCE_REMOVE;
}

/* As GtkBinLayout does; the list's own, so that it knows its width (a
 * widget with a layout manager is never asked to allocate itself). */
static void
ed_case_list_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min = 0, child_nat = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation, for_size, &child_min, &child_nat, NULL, NULL);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
    }
}

/* The welcome and the error pages wrap their text. */
static GtkSizeRequestMode
ed_case_list_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* The rows are told once the list has its width, not while it is being
 * given it: a row changing its layout asks for a new allocation. The
 * rows made later are told as they are made and bound. */
static void
ed_case_list_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  EdCaseListView *self = ED_CASE_LIST_VIEW (widget);
  gboolean narrow = width < NARROW_WIDTH;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      gtk_widget_allocate (child, width, height, baseline, NULL);

  if (narrow == self->narrow)
    return;

  self->narrow = narrow;
  if (self->narrow_idle == 0)
    self->narrow_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, narrow_idle_cb, self, NULL);
}

static void
ed_case_list_view_dispose (GObject *object)
{
  EdCaseListView *self = ED_CASE_LIST_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->narrow_idle, g_source_remove);
  clear_lists (self);
  g_clear_weak_pointer (&self->delete_toast);
  gtk_widget_dispose_template (GTK_WIDGET (self), ED_TYPE_CASE_LIST_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->catalog);
  g_clear_object (&self->state_group);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (ed_case_list_view_parent_class)->dispose (object);
}

static void
ed_case_list_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EdCaseListView *self = ED_CASE_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SHOW_CLOSED:
      g_value_set_boolean (value, self->show_closed);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_case_list_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  EdCaseListView *self = ED_CASE_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      ed_case_list_view_set_store (self, g_value_get_object (value));
      break;
    case PROP_SHOW_CLOSED:
      set_show_closed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EdCaseListView *self = ED_CASE_LIST_VIEW (widget);
  g_autoptr(EdCaseInfo) info = _ed_case_list_view_find (self, g_variant_get_int64 (parameter));

  if (info != NULL)
    _ed_case_list_view_activate (self, info);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ed_case_list_view_export (ED_CASE_LIST_VIEW (widget), g_variant_get_int64 (parameter), NULL);
}

static void
sheet_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ed_case_list_view_open_sheet (ED_CASE_LIST_VIEW (widget), g_variant_get_int64 (parameter),
                                g_str_equal (action_name, "cases.print"));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ed_case_list_view_set_closed (ED_CASE_LIST_VIEW (widget), g_variant_get_int64 (parameter),
                                g_str_equal (action_name, "cases.close"));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ed_case_list_view_delete (ED_CASE_LIST_VIEW (widget), g_variant_get_int64 (parameter));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ed_case_list_view_import (ED_CASE_LIST_VIEW (widget), NULL);
}

static void
ed_case_list_view_class_init (EdCaseListViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_case_list_view_dispose;
  object_class->get_property = ed_case_list_view_get_property;
  object_class->set_property = ed_case_list_view_set_property;
  widget_class->get_request_mode = ed_case_list_view_get_request_mode;
  widget_class->measure = ed_case_list_view_measure;
  widget_class->size_allocate = ed_case_list_view_size_allocate;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ED_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_CLOSED] =
    g_param_spec_boolean ("show-closed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * EdCaseListView:loading:
   *
   * See ed_case_list_view_get_loading().
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EdCaseListView::case-activated:
   * @info: the case to open
   *
   * A case was clicked, or chosen with Enter or its menu's Open.
   */
  signals[CASE_ACTIVATED] =
    g_signal_new ("case-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ED_TYPE_CASE_INFO);

  /**
   * EdCaseListView::show-toast:
   * @toast: what an action on a case says: done (with Undo), or why not
   *
   * See ed_toast_signal_new().
   */
  signals[SHOW_TOAST] = ed_toast_signal_new (G_TYPE_FROM_CLASS (klass));

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entrydesk/EntryDesk/"
                                               "cases/ed-case-list-view.ui");
  gtk_widget_class_bind_template_child (widget_class, EdCaseListView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, EdCaseListView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EdCaseListView, stack);
  gtk_widget_class_bind_template_child (widget_class, EdCaseListView, spinner);
  gtk_widget_class_bind_template_child (widget_class, EdCaseListView, list_view);
  gtk_widget_class_bind_template_child (widget_class, EdCaseListView, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, EdCaseListView, error_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, unbind_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_install_action (widget_class, "cases.open", "x", open_action);
  gtk_widget_class_install_action (widget_class, "cases.export", "x", export_action);
  gtk_widget_class_install_action (widget_class, "cases.print", "x", sheet_action);
  gtk_widget_class_install_action (widget_class, "cases.export-pdf", "x", sheet_action);
  gtk_widget_class_install_action (widget_class, "cases.close", "x", close_action);
  gtk_widget_class_install_action (widget_class, "cases.reopen", "x", close_action);
  gtk_widget_class_install_action (widget_class, "cases.delete", "x", delete_action);
  gtk_widget_class_install_action (widget_class, "cases.import", NULL, import_action);
  gtk_widget_class_install_property_action (widget_class, "cases.show-closed", "show-closed");

  gtk_widget_class_set_css_name (widget_class, "caselistview");
}

static void
ed_case_list_view_init (EdCaseListView *self)
{
  GtkEventController *keys;

  self->state_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  add_list_shortcuts (self);

  update_page (self);
}
