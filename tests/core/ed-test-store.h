/* ed-test-store.h — what the case store tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-core.h"

G_BEGIN_DECLS

typedef struct
{
  char    *dir;
  char    *path;
  EdStore *store;
} EdTestStore;

void          ed_test_store_open      (EdTestStore  *fixture);
void          ed_test_store_close     (EdTestStore  *fixture);
void          ed_test_store_reopen    (EdTestStore  *fixture);
EdTraveller  *ed_test_traveller       (const char   *surname,
                                       const char   *given_names,
                                       const char   *native_name,
                                       const char   *phonetic_name,
                                       const char   *passport_number);
EdCase       *ed_test_add_case        (EdStore      *store,
                                       const char   *procedure_id,
                                       EdTraveller  *first,
                                       ...) G_GNUC_NULL_TERMINATED;
gint64        ed_test_sql_int         (const char   *path,
                                       const char   *sql);
GStrv         ed_test_search_refs     (EdStore      *store,
                                       const char   *text,
                                       EdCaseQueryFlags flags);
guint         ed_test_count_found     (EdStore      *store,
                                       const char   *text,
                                       EdCaseQueryFlags flags);
gboolean      ed_test_found           (EdStore      *store,
                                       const char   *text,
                                       EdCase       *kase);
void          ed_test_wait_saved      (EdStore      *store);
void          ed_test_on_done         (GObject      *object,
                                       GAsyncResult *result,
                                       gpointer      user_data);
GAsyncResult *ed_test_wait_for        (GAsyncResult **result);
guint         ed_test_file_mode       (const char   *path);
EdCaseInfo   *ed_test_find_info       (EdStore      *store,
                                       const char   *reference);
void          ed_test_assert_progress (EdStore      *store,
                                       const char   *reference,
                                       int           step,
                                       int           n_steps);

G_END_DECLS
