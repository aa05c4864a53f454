/* test-case-list.c — the live list of cases a GtkListView shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "ed-test-store.h"

typedef gboolean (*Condition) (EdCaseList *list, gpointer data);

static void
wait_until (EdCaseList *list,
            Condition   condition,
            gpointer    data)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!condition (list, data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
has_n_items (EdCaseList *list,
             gpointer    data)
{
  return !ed_case_list_get_loading (list) &&
         g_list_model_get_n_items (G_LIST_MODEL (list)) == GPOINTER_TO_UINT (data);
}

static gboolean
first_titled (EdCaseList *list,
              gpointer    data)
{
  g_autoptr(EdCaseInfo) first = g_list_model_get_item (G_LIST_MODEL (list), 0);

  return first != NULL && g_strcmp0 (ed_case_info_get_title (first), data) == 0;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *n)
{
  (*n)++;
}

static void
test_case_list (void)
{
  EdTestStore fixture = { 0 };
  g_autoptr(EdCase) eriksson = NULL;
  g_autoptr(EdCase) wang = NULL;
  g_autoptr(EdCase) yamada = NULL;
  g_autoptr(EdCaseList) list = NULL;
  g_autoptr(EdCaseInfo) row = NULL;
  g_autoptr(EdCaseInfo) same_row = NULL;
  g_autoptr(GError) error = NULL;
  guint title_changes = 0;

  ed_test_store_open (&fixture);
  eriksson = ed_test_add_case (fixture.store, "jp-my-her-sys",
                               ed_test_traveller ("ERIKSSON", "ANNA", NULL, NULL, NULL), NULL);
  wang = ed_test_add_case (fixture.store, "cn-beijing-health-code",
                           ed_test_traveller ("WANG", "WEI", "王伟", NULL, NULL), NULL);
  yamada = ed_test_add_case (fixture.store, "jp-my-her-sys",
                             ed_test_traveller ("YAMADA", "AOI", "山田 葵", NULL, NULL), NULL);

  list = ed_case_list_new (fixture.store);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == ED_TYPE_CASE_INFO);
  wait_until (list, has_n_items, GUINT_TO_POINTER (3));

  /* Typed faster than the searches answer: the last text wins. */
  ed_case_list_set_search_text (list, "w");
  ed_case_list_set_search_text (list, "wa");
  ed_case_list_set_search_text (list, "wan");
  g_assert_true (ed_case_list_get_loading (list));
  wait_until (list, has_n_items, GUINT_TO_POINTER (1));
  wait_until (list, first_titled, (gpointer) "WANG WEI");

  ed_case_list_set_search_text (list, "eri");
  wait_until (list, first_titled, (gpointer) "ERIKSSON ANNA");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  /* The case is edited elsewhere: the row follows, the same object. */
  row = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_signal_connect (row, "notify::title", G_CALLBACK (count_notify), &title_changes);
  ed_traveller_set (ed_case_get_traveller (eriksson, 0), "given_names", "ANNA MARIA");
  wait_until (list, first_titled, (gpointer) "ERIKSSON ANNA MARIA");
  same_row = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (same_row == row);
  g_assert_cmpuint (title_changes, ==, 1);

  /* Deleted and closed cases leave the list. */
  ed_case_list_set_search_text (list, NULL);
  wait_until (list, has_n_items, GUINT_TO_POINTER (3));
  g_assert_true (ed_store_trash_case (fixture.store, ed_case_get_id (wang), &error));
  wait_until (list, has_n_items, GUINT_TO_POINTER (2));
  ed_case_set_status (yamada, ED_CASE_CLOSED);
  wait_until (list, has_n_items, GUINT_TO_POINTER (1));
  ed_case_list_set_include_closed (list, TRUE);
  wait_until (list, has_n_items, GUINT_TO_POINTER (2));

  g_clear_object (&list);
  g_clear_object (&row);
  g_clear_object (&same_row);
  g_clear_object (&eriksson);
  g_clear_object (&wang);
  g_clear_object (&yamada);
  ed_test_store_close (&fixture);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/case-list/follows-store", test_case_list);

  return g_test_run ();
}
