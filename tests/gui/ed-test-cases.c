/* ed-test-cases.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ed-test-cases.h"
#include "ed-test-gui.h"
#include "ed-test-store.h"
#include "ed-test-util.h"
#include "ed-window.h"

#define DEADLINE_S 20

/**
 * ed_test_isolate:
 *
 * Points everything the desk stores at a new folder, before anything
 * reads the variables.
 *
 * Returns: (transfer full): the folder; XDG_DATA_HOME is its "data"
 */
char *
ed_test_isolate (void)
{
  const char *vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };
  const char *names[] = { "data", "config", "cache", "state" };
  char *tmp = ed_test_make_tmpdir ();

  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      g_autofree char *dir = g_build_filename (tmp, names[i], NULL);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_setenv (vars[i], dir, TRUE);
    }

  return tmp;
}

EdApplication *
ed_test_start_app (void)
{
  g_autoptr(GError) error = NULL;
  EdApplication *app = ed_application_new ();

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  return app;
}

/* As quitting does: the windows close, then the application shuts
 * down (g_application_run() would emit it), flushing the store. */
void
ed_test_stop_app (EdApplication *app)
{
  GtkWindow *window;

  while ((window = gtk_application_get_active_window (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (window);
  ed_test_iterate (100);
  g_signal_emit_by_name (app, "shutdown");
}

/* Returns: (transfer none): the application's store, once it has opened */
EdStore *
ed_test_wait_for_store (EdApplication *app)
{
  gint64 deadline = g_get_monotonic_time () + DEADLINE_S * G_USEC_PER_SEC;

  while (ed_application_get_store (app) == NULL && g_get_monotonic_time () < deadline)
    ed_test_iterate (20);

  g_assert_null (ed_application_get_store_error (app));
  g_assert_nonnull (ed_application_get_store (app));
  return ed_application_get_store (app);
}

GtkWidget *
ed_test_main_window (EdApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (ED_IS_WINDOW (window));
  ed_test_wait_until_mapped (GTK_WIDGET (window));
  return GTK_WIDGET (window);
}

EdCaseListView *
ed_test_case_list_view (EdApplication *app)
{
  GtkWidget *view = ed_test_find_widget (ed_test_main_window (app), ED_TYPE_CASE_LIST_VIEW, NULL);

  g_assert_nonnull (view);
  return ED_CASE_LIST_VIEW (view);
}

static void
collect_rows (GtkWidget *root,
              GPtrArray *rows)
{
  if (ED_IS_CASE_ROW (root))
    {
      if (gtk_widget_get_mapped (root) && ed_case_row_get_info (ED_CASE_ROW (root)) != NULL)
        g_ptr_array_add (rows, root);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static guint
count_rows (EdCaseListView *view)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (GTK_WIDGET (view), rows);
  return rows->len;
}

/* Waits until the list has @n cases, each drawn as a row on screen. */
void
ed_test_wait_for_rows (EdCaseListView *view,
                       guint           n)
{
  gint64 deadline = g_get_monotonic_time () + DEADLINE_S * G_USEC_PER_SEC;
  EdCaseList *cases;

  while (g_get_monotonic_time () < deadline)
    {
      cases = ed_case_list_view_get_cases (view);
      if (cases != NULL && !ed_case_list_get_loading (cases) &&
          g_list_model_get_n_items (G_LIST_MODEL (cases)) == n && count_rows (view) == n)
        break;
      ed_test_iterate (20);
    }

  cases = ed_case_list_view_get_cases (view);
  g_assert_nonnull (cases);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cases)), ==, n);
  g_assert_cmpuint (count_rows (view), ==, n);
}

/* Returns: (nullable): the row on screen of the case @reference */
EdCaseRow *
ed_test_find_case_row (EdCaseListView *view,
                       const char     *reference)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (GTK_WIDGET (view), rows);
  for (guint i = 0; i < rows->len; i++)
    {
      EdCaseInfo *info = ed_case_row_get_info (g_ptr_array_index (rows, i));

      if (g_strcmp0 (ed_case_info_get_reference (info), reference) == 0)
        return g_ptr_array_index (rows, i);
    }

  return NULL;
}

/* Returns: (transfer none): the message dialog titled @heading, on screen */
AdwMessageDialog *
ed_test_wait_for_dialog (const char *heading)
{
  gint64 deadline = g_get_monotonic_time () + DEADLINE_S * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
              g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)),
                         heading) == 0)
            {
              ed_test_wait_until_mapped (GTK_WIDGET (window));
              return ADW_MESSAGE_DIALOG (window);
            }
        }
      ed_test_iterate (20);
    }

  g_error ("No dialog “%s”", heading);
}

/* Answers @dialog with the button labelled @label, as a click does:
 * the dialog closes. */
void
ed_test_respond (AdwMessageDialog *dialog,
                 const char       *label)
{
  GtkWidget *button = ed_test_find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  ed_test_click (button);
  ed_test_iterate (100);
  g_assert_true (dialog == NULL || !gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_clear_weak_pointer (&dialog);
}

static GtkWidget *
find_toast (GtkWidget  *root,
            const char *needle)
{
  if (g_strcmp0 (gtk_widget_get_css_name (root), "toast") == 0 &&
      ed_test_find_label (root, needle) != NULL)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toast (child, needle);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Returns: (transfer none): the toast on screen that says @needle */
GtkWidget *
ed_test_wait_for_toast (GtkWidget  *root,
                        const char *needle)
{
  gint64 deadline = g_get_monotonic_time () + DEADLINE_S * G_USEC_PER_SEC;
  GtkWidget *toast;

  while ((toast = find_toast (root, needle)) == NULL && g_get_monotonic_time () < deadline)
    ed_test_iterate (20);

  if (toast == NULL)
    g_error ("No toast says “%s”", needle);

  return toast;
}

/* As a click does, without GtkButton's activation delay. */
void
ed_test_click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* Counts the rows of the store's file WHERE @where, with a connection
 * of its own, as another program would. */
gint64
ed_test_count_cases (EdStore    *store,
                     const char *where)
{
  g_autofree char *sql = g_strconcat ("SELECT count (*) FROM cases WHERE ", where, NULL);

  return ed_test_sql_int (ed_store_get_path (store), sql);
}
