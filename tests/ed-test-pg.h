/* ed-test-pg.h — a PostgreSQL server of the test's own
 *
 * One cluster for a test program, in a temporary folder, on a free
 * loopback port, with TLS (a CA and a certificate for "localhost" made
 * with openssl) and the office's roles: office_admin (owner, in
 * entry_desk_admin), alice and bob (entry_desk_staff), rita
 * (entry_desk_reader). Passwords are in a .pgpass that PGPASSFILE names.
 * The server stops when the test ends, even when it crashes: a watchdog
 * process stops it when the test's end of a pipe closes.
 *
 * Run as root (CI), initdb and the server run as "nobody".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _EdTestPg EdTestPg;

gboolean    ed_test_pg_available     (void);
EdTestPg   *ed_test_pg_start         (void);
EdTestPg   *ed_test_pg_start_with    (const char  *options);
void        ed_test_pg_stop          (EdTestPg    *pg);
char       *ed_test_pg_new_database  (EdTestPg    *pg);
char       *ed_test_pg_uri           (EdTestPg    *pg,
                                      const char  *role,
                                      const char  *database);
char       *ed_test_pg_uri_for_host  (EdTestPg    *pg,
                                      const char  *role,
                                      const char  *database,
                                      const char  *host,
                                      const char  *root_cert);
const char *ed_test_pg_get_dir       (EdTestPg    *pg);
const char *ed_test_pg_get_other_ca  (EdTestPg    *pg);
void        ed_test_pg_sql           (EdTestPg    *pg,
                                      const char  *database,
                                      const char  *sql);
char       *ed_test_pg_query         (EdTestPg    *pg,
                                      const char  *database,
                                      const char  *sql);
gpointer    ed_test_pg_connect       (EdTestPg    *pg,
                                      const char  *database);
void        ed_test_pg_kill          (EdTestPg    *pg);
void        ed_test_pg_restart       (EdTestPg    *pg);

G_END_DECLS
