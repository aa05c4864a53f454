/* ed-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-banner.h"
#include "ed-case-list-view.h"
#include "ed-office-bar.h"
#include "ed-case-page.h"
#include "ed-journey-dialog.h"
#include "ed-procedure-browser.h"
#include "ed-procedure-view.h"
#include "ed-wizard.h"
#include "ed-toast.h"
#include "ed-update-progress.h"
#include "ed-window.h"

struct _EdWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  EdCatalog            *catalog;
  EdStore              *store;          /* NULL until it has opened */

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  EdCaseListView       *case_list_view;
  EdProcedureBrowser   *procedure_browser;
  GtkWidget            *case_page;
  GtkWidget            *wizard;
  GtkWidget            *procedure_view; /* a procedure read before a case exists */
  EdUpdateProgress     *update_progress;
  EdOfficeBar          *office_bar;
  EdBanner             *banner;
  GtkRevealer          *saving_revealer;

  GCancellable         *cancellable;
  gint64                opening_id;     /* the case being loaded, or 0 */
  EdCase               *unsaved_case;   /* new, waiting for the store to open */
  guint                 present_source; /* shown at the latest then */
};

G_DEFINE_FINAL_TYPE (EdWindow, ed_window, ADW_TYPE_APPLICATION_WINDOW)

/* @toast: (transfer full): one that stays until dismissed goes to the
 * bar along the bottom of the window (a damaged database, changes not
 * saved, files that could not be read, a failed action); any other is a
 * toast. */
void
ed_window_add_toast (EdWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (ED_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  /* What stays until dismissed (a failure, a reminder to act on) is
   * in the bar, under every page (see ed_window_init()); what just
   * happened, a toast. */
  ed_toast_overlay_add (self->toast_overlay, toast);
}

/* What the case list says about its cases. */
static void
add_toast_cb (EdWindow *self,
              AdwToast *toast)
{
  ed_window_add_toast (self, g_object_ref (toast));
}

static void
show_catalog_errors (EdWindow *self)
{
  GPtrArray *errors = ed_catalog_get_errors (self->catalog);
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  for (guint i = 0; i < errors->len; i++)
    {
      const GError *error = g_ptr_array_index (errors, i);

      if (i > 0)
        g_string_append (body, "\n\n");
      g_string_append (body, error->message);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   _("Procedure Files Not Loaded"),
                                   body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A bad procedure file never stops the app, but staff must know. */
static void
report_catalog_errors (EdWindow *self)
{
  GPtrArray *errors = ed_catalog_get_errors (self->catalog);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (errors->len == 0)
    return;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u procedure file could not be read",
                                        "%u procedure files could not be read",
                                        errors->len),
                           errors->len);
  toast = ed_toast_new_lasting (title);
  adw_toast_set_button_label (toast, _("_Details"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (show_catalog_errors),
                           self, G_CONNECT_SWAPPED);
  ed_window_add_toast (self, toast);
}

static void save_new_case (EdWindow *self,
                           EdCase   *edcase);
static void case_page_close_cb (EdWindow *self);
static void remove_procedure_view (EdWindow *self);

/* "Saving…" in the corner of the lists; a wizard says it in its own bar,
 * where the corner holds its Next button. */
static void
update_saving (EdWindow *self)
{
  gboolean unsaved = FALSE;

  if (self->store != NULL)
    g_object_get (self->store, "unsaved", &unsaved, NULL);

  gtk_revealer_set_reveal_child (self->saving_revealer, unsaved && self->wizard == NULL);
  if (self->wizard != NULL)
    ed_wizard_set_saving (ED_WIZARD (self->wizard), unsaved);
}

/* A role that may only read the office's cases adds, deletes, closes
 * and imports none; the office bar says so. */
static void
update_read_only (EdWindow *self)
{
  const char * const list_actions[] = { "cases.delete", "cases.close", "cases.reopen" };
  gboolean read_only = self->store != NULL && ed_store_get_read_only (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-case", !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-case", !read_only);
  for (guint i = 0; i < G_N_ELEMENTS (list_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self->case_list_view), list_actions[i],
                                   !read_only);
}

/* The store opens after the window shows: the list waits for it. */
static void
store_opened_cb (EdWindow      *self,
                 GParamSpec    *pspec,
                 EdApplication *application)
{
  EdStore *store = ed_application_get_store (application);

  /* Another store (Preferences): a case open here was the old one's,
   * saved before it went; the window goes back to the list. */
  if (self->store != NULL && self->store != store)
    {
      g_clear_object (&self->unsaved_case);
      case_page_close_cb (self);
      remove_procedure_view (self);
    }
  g_set_object (&self->store, store);
  ed_case_list_view_set_error (self->case_list_view, ed_application_get_store_error (application));
  ed_case_list_view_set_store (self->case_list_view, store);
  if (self->wizard != NULL)
    ed_wizard_set_store (ED_WIZARD (self->wizard), store);
  ed_office_bar_set_store (self->office_bar, store);
  update_read_only (self);
  if (store != NULL)
    {
      g_autoptr(EdCase) unsaved = g_steal_pointer (&self->unsaved_case);

      g_signal_connect_object (store, "notify::unsaved", G_CALLBACK (update_saving), self,
                               G_CONNECT_SWAPPED);
      update_saving (self);
      if (unsaved != NULL)
        save_new_case (self, unsaved);
    }
}

EdWindow *
ed_window_new (EdApplication *application)
{
  EdWindow *self = g_object_new (ED_TYPE_WINDOW,
                                 "application", application,
                                 NULL);

  self->catalog = g_object_ref (ed_application_get_catalog (application));
  ed_procedure_browser_set_catalog (self->procedure_browser, self->catalog);
  ed_case_list_view_set_catalog (self->case_list_view, self->catalog);
  g_signal_connect_object (application, "notify::store", G_CALLBACK (store_opened_cb),
                           self, G_CONNECT_SWAPPED);
  if (ed_application_get_store (application) != NULL
      || ed_application_get_store_error (application) != NULL)
    store_opened_cb (self, NULL, application);
  ed_update_progress_set_updater (self->update_progress, ed_application_get_updater (application));
  report_catalog_errors (self);

  return self;
}

static void list_loading_cb (EdWindow *self);

/* Once, whichever comes first: the list is in, or the wait is over. */
static void
present_now (EdWindow *self)
{
  g_signal_handlers_disconnect_by_func (self->case_list_view, list_loading_cb, self);
  g_clear_handle_id (&self->present_source, g_source_remove);
  gtk_window_present (GTK_WINDOW (self));
}

static gboolean
present_timeout_cb (gpointer user_data)
{
  EdWindow *self = user_data;

  self->present_source = 0;
  present_now (self);
  return G_SOURCE_REMOVE;
}

static void
list_loading_cb (EdWindow *self)
{
  if (!ed_case_list_view_get_loading (self->case_list_view))
    present_now (self);
}

/**
 * ed_window_present_with_cases:
 * @max_wait_ms: how long the window may wait for its cases
 *
 * Presents the window once its case list has the store's cases, with
 * their next deadlines (or says why there are none): its first frame
 * then shows them, not a spinner and the rows a frame or two later.
 * The store opens in another thread meanwhile; one slower than
 * @max_wait_ms (an office database far away or out of reach) has the
 * window shown without waiting longer, the list loading.
 */
void
ed_window_present_with_cases (EdWindow *self,
                              guint     max_wait_ms)
{
  g_return_if_fail (ED_IS_WINDOW (self));

  if (!ed_case_list_view_get_loading (self->case_list_view) ||
      gtk_widget_get_visible (GTK_WIDGET (self)))
    {
      present_now (self);
      return;
    }
  if (self->present_source != 0)
    return;

  g_signal_connect_object (self->case_list_view, "notify::loading",
                           G_CALLBACK (list_loading_cb), self, G_CONNECT_SWAPPED);
  self->present_source = g_timeout_add (max_wait_ms, present_timeout_cb, self);
}

static void
remove_wizard (EdWindow *self)
{
  if (self->wizard == NULL)
    return;

  gtk_stack_remove (self->main_stack, self->wizard);
  self->wizard = NULL;
  update_saving (self);
}

/* "Back to Cases" goes to the cases, where a new case now is. */
static void
remove_case_page (EdWindow *self)
{
  if (self->case_page == NULL)
    return;

  gtk_stack_remove (self->main_stack, self->case_page);
  self->case_page = NULL;
}

/* Back from a procedure's wizard: to its case's page. */
static void
wizard_close_cb (EdWindow *self)
{
  if (self->case_page != NULL)
    gtk_stack_set_visible_child (self->main_stack, self->case_page);
  else
    gtk_stack_set_visible_child_name (self->main_stack, "home");
  remove_wizard (self);
}

/* "Back to Cases" goes to the cases, where a new case now is. */
static void
case_page_close_cb (EdWindow *self)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "cases");
  gtk_stack_set_visible_child_name (self->main_stack, "home");
  remove_wizard (self);
  remove_case_page (self);
}

static void
procedure_not_found (EdWindow   *self,
                     const char *procedure_id)
{
  g_autofree char *message = NULL;
  GtkWidget *dialog;

  message = g_strdup_printf (_("This case follows the procedure “%s”, which is not in the catalog. "
                               "Add the procedure file, or check for updates, then open the case "
                               "again."),
                             procedure_id);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Procedure Not Found"), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_procedure_view (EdWindow *self)
{
  if (self->procedure_view == NULL)
    return;

  gtk_stack_remove (self->main_stack, self->procedure_view);
  self->procedure_view = NULL;
}

/* "Back to Procedures" goes there, to the search it came from. */
static void
procedure_view_close_cb (EdWindow *self)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "procedures");
  gtk_stack_set_visible_child_name (self->main_stack, "home");
  remove_procedure_view (self);
  ed_procedure_browser_focus_search (self->procedure_browser);
}

/**
 * ed_window_show_procedure:
 * @procedure_id: (nullable): one of the case's procedures; %NULL for the
 *   current one
 *
 * Opens @edcase in the wizard of that procedure, where it was left.
 * Back returns to the case's page.
 */
void
ed_window_show_procedure (EdWindow   *self,
                          EdCase     *edcase,
                          const char *procedure_id)
{
  EdProcedure *procedure;

  g_return_if_fail (ED_IS_WINDOW (self));
  g_return_if_fail (ED_IS_CASE (edcase));

  if (procedure_id != NULL)
    ed_case_set_current_procedure (edcase, procedure_id);
  procedure = ed_catalog_lookup (self->catalog, ed_case_get_procedure_id (edcase));
  if (procedure == NULL)
    {
      procedure_not_found (self, ed_case_get_procedure_id (edcase));
      return;
    }

  remove_wizard (self);
  self->wizard = ed_wizard_new (edcase, procedure);
  ed_wizard_set_store (ED_WIZARD (self->wizard), self->store);
  g_signal_connect_object (self->wizard, "close", G_CALLBACK (wizard_close_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_stack_add_child (self->main_stack, self->wizard);
  gtk_stack_set_visible_child (self->main_stack, self->wizard);
  update_saving (self);
}

static void
open_procedure_cb (EdWindow   *self,
                   const char *procedure_id,
                   EdCasePage *page)
{
  ed_window_show_procedure (self, ed_case_page_get_case (page), procedure_id);
}

/**
 * ed_window_show_case:
 *
 * Opens @edcase on its own page: its timeline first, then its
 * procedures, each opened in the wizard from there.
 */
void
ed_window_show_case (EdWindow *self,
                     EdCase   *edcase)
{
  g_return_if_fail (ED_IS_WINDOW (self));
  g_return_if_fail (ED_IS_CASE (edcase));

  remove_wizard (self);
  remove_case_page (self);
  self->case_page = ed_case_page_new (edcase, self->catalog, self->store);
  g_signal_connect_object (self->case_page, "open-procedure", G_CALLBACK (open_procedure_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->case_page, "close", G_CALLBACK (case_page_close_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_stack_add_child (self->main_stack, self->case_page);
  gtk_stack_set_visible_child (self->main_stack, self->case_page);
  update_saving (self);
}

/* Returns: (transfer none) (nullable): the page of the case open */
GtkWidget *
ed_window_get_case_page (EdWindow *self)
{
  g_return_val_if_fail (ED_IS_WINDOW (self), NULL);

  return self->case_page;
}

/* The list of cases, from a reminder that covers several. */
void
ed_window_show_cases (EdWindow *self)
{
  g_return_if_fail (ED_IS_WINDOW (self));

  case_page_close_cb (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "cases");
}

GtkWidget *
ed_window_get_wizard (EdWindow *self)
{
  g_return_val_if_fail (ED_IS_WINDOW (self), NULL);

  return self->wizard;
}

static void
case_added_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(EdWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (ed_store_add_case_finish (ED_STORE (object), result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Translators: %s says why */
  message = g_strdup_printf (_("The new case could not be saved: %s"), error->message);
  ed_window_add_toast (self, ed_toast_new_lasting (message));
}

/* A new case is saved from its first keystroke; if the store is still
 * opening, as soon as it is open. */
static void
save_new_case (EdWindow *self,
               EdCase   *edcase)
{
  if (self->store == NULL)
    {
      g_set_object (&self->unsaved_case, edcase);
      return;
    }

  ed_store_add_case_async (self->store, edcase, self->cancellable, case_added_cb,
                           g_object_ref (self));
}

/* The first moment a case exists: staff asked for it. A new case of
 * one procedure goes straight into its wizard, its page behind it. */
static void
start_case_cb (EdWindow    *self,
               EdProcedure *procedure)
{
  g_autoptr(EdCase) edcase = ed_case_new (ed_procedure_get_id (procedure),
                                          ed_procedure_get_version (procedure));

  ed_window_show_case (self, edcase);
  ed_window_show_procedure (self, edcase, NULL);
  save_new_case (self, edcase);
  remove_procedure_view (self);
}

/**
 * ed_window_start_case:
 * @edcase: a new case (a journey's, from ed_case_new_from_journey())
 *
 * Shows the new case on its page and saves it.
 */
void
ed_window_start_case (EdWindow *self,
                      EdCase   *edcase)
{
  g_return_if_fail (ED_IS_WINDOW (self));
  g_return_if_fail (ED_IS_CASE (edcase));

  ed_window_show_case (self, edcase);
  save_new_case (self, edcase);
  remove_procedure_view (self);
}

/**
 * ed_window_show_procedure_view:
 *
 * Shows @procedure read-only, with "Start a Case": browsing stores
 * nothing.
 */
void
ed_window_show_procedure_view (EdWindow    *self,
                               EdProcedure *procedure)
{
  guint review_max_days;

  g_return_if_fail (ED_IS_WINDOW (self));
  g_return_if_fail (ED_IS_PROCEDURE (procedure));

  remove_procedure_view (self);
  review_max_days = g_settings_get_uint (self->settings, "review-max-days");
  self->procedure_view = ed_procedure_view_new (procedure, review_max_days);
  g_signal_connect_object (self->procedure_view, "start-case", G_CALLBACK (start_case_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->procedure_view, "close", G_CALLBACK (procedure_view_close_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_stack_add_child (self->main_stack, self->procedure_view);
  gtk_stack_set_visible_child (self->main_stack, self->procedure_view);
  gtk_widget_grab_focus (self->procedure_view);
}

GtkWidget *
ed_window_get_procedure_view (EdWindow *self)
{
  g_return_val_if_fail (ED_IS_WINDOW (self), NULL);

  return self->procedure_view;
}

static void
procedure_activated_cb (EdWindow    *self,
                        EdProcedure *procedure)
{
  ed_window_show_procedure_view (self, procedure);
}

static void
journey_start_cb (EdWindow *self,
                  EdCase   *edcase)
{
  ed_window_start_case (self, edcase);
}

/* A journey: the traveller's MRZ, then the procedures that apply. */
static void
journey_activated_cb (EdWindow  *self,
                      EdJourney *journey)
{
  GtkWidget *dialog = ed_journey_dialog_new (GTK_WINDOW (self), journey, self->catalog);

  g_signal_connect_object (dialog, "start", G_CALLBACK (journey_start_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  const char *text = g_variant_get_string (parameter, NULL);

  /* What a click did: brief. */
  ed_window_add_toast (ED_WINDOW (widget), ed_toast_new (text, 2));
}

static void
case_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(EdWindow) self = user_data;
  g_autoptr(EdCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  self->opening_id = 0;
  kase = ed_store_load_case_finish (ED_STORE (object), result, &error);
  /* The window was closed meanwhile. */
  if (self->cancellable == NULL)
    return;
  if (kase != NULL)
    {
      ed_window_show_case (self, kase);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* Translators: %s says why */
  message = g_strdup_printf (_("The case could not be opened: %s"), error->message);
  ed_window_add_toast (self, ed_toast_new_lasting (message));
}

/**
 * ed_window_open_case:
 * @case_id: a case of the store (ed_case_info_get_id())
 *
 * Loads the case without blocking, then ed_window_show_case(). Opening
 * the case that is loading already does nothing more.
 */
void
ed_window_open_case (EdWindow *self,
                     gint64    case_id)
{
  g_return_if_fail (ED_IS_WINDOW (self));

  if (self->store == NULL || self->opening_id == case_id)
    return;

  self->opening_id = case_id;
  ed_store_load_case_async (self->store, case_id, self->cancellable, case_loaded_cb,
                            g_object_ref (self));
}

static void
case_activated_cb (EdWindow   *self,
                   EdCaseInfo *info)
{
  ed_window_open_case (self, ed_case_info_get_id (info));
}

static void
import_case_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EdWindow *self = ED_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->main_stack, "home");
  adw_view_stack_set_visible_child_name (self->view_stack, "cases");
  ed_case_list_view_import (self->case_list_view, NULL);
}

static void
new_case_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  EdWindow *self = ED_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->main_stack, "home");
  adw_view_stack_set_visible_child_name (self->view_stack, "procedures");
  ed_procedure_browser_focus_search (self->procedure_browser);
}

static void
ed_window_dispose (GObject *object)
{
  EdWindow *self = ED_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->present_source, g_source_remove);
  g_clear_object (&self->unsaved_case);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (ed_window_parent_class)->dispose (object);
}

static void
ed_window_class_init (EdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_window_dispose;

  g_type_ensure (ED_TYPE_CASE_LIST_VIEW);
  g_type_ensure (ED_TYPE_PROCEDURE_BROWSER);
  g_type_ensure (ED_TYPE_UPDATE_PROGRESS);
  g_type_ensure (ED_TYPE_OFFICE_BAR);
  g_type_ensure (ED_TYPE_BANNER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entrydesk/EntryDesk/ed-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EdWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, EdWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, EdWindow, case_list_view);
  gtk_widget_class_bind_template_child (widget_class, EdWindow, procedure_browser);
  gtk_widget_class_bind_template_child (widget_class, EdWindow, update_progress);
  gtk_widget_class_bind_template_child (widget_class, EdWindow, office_bar);
  gtk_widget_class_bind_template_child (widget_class, EdWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, EdWindow, saving_revealer);
  gtk_widget_class_bind_template_callback (widget_class, procedure_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, journey_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, case_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_toast_cb);

  gtk_widget_class_install_action (widget_class, "win.new-case", NULL, new_case_action);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-case", NULL);
  gtk_widget_class_install_action (widget_class, "win.import-case", NULL, import_case_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "win.import-case", NULL);
}

static void
ed_window_init (EdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  /* Whoever adds a toast to the window (a dialog's late failure too). */
  ed_toast_overlay_set_bar (self->toast_overlay, self->banner);

  /* Striped header bar: this one keeps its cases in the build tree. */
  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "review-max-days", self->procedure_browser, "review-max-days",
                   G_SETTINGS_BIND_GET);
}
