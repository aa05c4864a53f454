/* ed-test-office.h — desks on an office database of a test's own server
 *
 * Header only, for the tests of the office database (test-store-pg*.c,
 * test-cli-pg.c): they link the core, ed-test-pg does not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-core.h"
#include "ed-test-pg.h"

G_BEGIN_DECLS

/* A desk on @database as @role, opened as the app opens it. */
static inline EdStore *
ed_test_office_open_desk (EdTestPg   *server,
                          const char *database,
                          const char *role)
{
  g_autofree char *uri = ed_test_pg_uri (server, role, database);
  g_autoptr(GError) error = NULL;
  EdStore *store = ed_store_open (uri, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (ed_store_is_shared (store));
  g_assert_cmpstr (ed_store_get_role (store), ==, role);
  return store;
}

/* What @sql returns, as psql prints it, without the last newline. */
static inline char *
ed_test_office_query (EdTestPg   *server,
                      const char *database,
                      const char *sql)
{
  char *text = ed_test_pg_query (server, database, sql);

  g_strchomp (text);
  return text;
}

/* Runs the main loop until @done or 5 s; whether it came. */
static inline gboolean
ed_test_office_wait (gboolean (*done) (gpointer),
                     gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (2000);
  return done (data);
}

G_END_DECLS
