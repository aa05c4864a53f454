/* ed-test-pg.c — a PostgreSQL server of the test's own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <pwd.h>
#include <string.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libpq-fe.h>

#include "ed-test-pg.h"

struct _EdTestPg
{
  char    *dir;          /* owned by the server's user */
  char    *data;
  char    *bindir;
  guint    port;
  char    *root_cert;
  char    *other_ca;
  int      watchdog_fd;  /* closing it stops the server */
  char    *options;      /* more of the server's, from ed_test_pg_start_with () */
  guint    n_databases;
};

static const char * const roles_sql =
  "CREATE ROLE entry_desk_reader NOLOGIN;"
  "CREATE ROLE entry_desk_staff NOLOGIN;"
  "CREATE ROLE entry_desk_admin NOLOGIN;"
  "CREATE ROLE office_admin LOGIN PASSWORD 'admin-pw' IN ROLE entry_desk_admin;"
  "CREATE ROLE alice LOGIN PASSWORD 'alice-pw' IN ROLE entry_desk_staff;"
  "CREATE ROLE bob LOGIN PASSWORD 'bob-pw' IN ROLE entry_desk_staff;"
  "CREATE ROLE rita LOGIN PASSWORD 'rita-pw' IN ROLE entry_desk_reader;";

static char *
find_bindir (void)
{
  g_autofree char *initdb = g_find_program_in_path ("initdb");
  g_autoptr(GDir) versions = NULL;
  const char *name;
  int best = 0;

  if (initdb != NULL)
    {
      g_autofree char *real = g_file_read_link (initdb, NULL);

      return g_path_get_dirname (real != NULL ? real : initdb);
    }

  /* Debian keeps them out of PATH. */
  versions = g_dir_open ("/usr/lib/postgresql", 0, NULL);
  while (versions != NULL && (name = g_dir_read_name (versions)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/usr/lib/postgresql", name, "bin", "initdb", NULL);

      if (g_file_test (path, G_FILE_TEST_IS_EXECUTABLE) && atoi (name) > best)
        best = atoi (name);
    }
  return best > 0 ? g_strdup_printf ("/usr/lib/postgresql/%d/bin", best) : NULL;
}

/**
 * ed_test_pg_available:
 *
 * Returns: whether initdb and openssl are there (build-aux/deps installs
 *   them); a test without them is skipped
 */
gboolean
ed_test_pg_available (void)
{
  g_autofree char *bindir = find_bindir ();
  g_autofree char *openssl = g_find_program_in_path ("openssl");

  return bindir != NULL && openssl != NULL;
}

static gboolean
running_as_root (void)
{
  return getuid () == 0;
}

/* As the server's user: "nobody" when the test runs as root. */
static void
run_as_server (EdTestPg           *pg,
               const char * const *argv)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (running_as_root ())
    {
      g_ptr_array_add (args, "runuser");
      g_ptr_array_add (args, "-u");
      g_ptr_array_add (args, "nobody");
      g_ptr_array_add (args, "--");
    }
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (pg->dir, (char **) args->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s%s", argv[0], out, err);
}

static void
openssl (EdTestPg   *pg,
         const char *command)
{
  g_autofree char *line = g_strdup_printf ("openssl %s", command);
  g_auto(GStrv) argv = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_shell_parse_argv (line, NULL, &argv, &error);
  g_assert_no_error (error);
  g_spawn_sync (pg->dir, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("openssl %s failed: %s", command, err);
}

/* A CA, and a certificate for localhost only, signed by it; another CA
 * that signed nothing of this server's. */
static void
make_certificates (EdTestPg *pg)
{
  g_autofree char *ext = g_build_filename (pg->dir, "san.ext", NULL);

  g_file_set_contents (ext, "subjectAltName=DNS:localhost\n", -1, NULL);
  openssl (pg, "req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes "
               "-keyout ca.key -out ca.crt -days 2 -subj /CN=EntryDeskTestCA");
  openssl (pg, "req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes "
               "-keyout server.key -out server.csr -subj /CN=localhost");
  openssl (pg, "x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial "
               "-out server.crt -days 2 -extfile san.ext");
  openssl (pg, "req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes "
               "-keyout other.key -out other.crt -days 2 -subj /CN=SomeOtherCA");
  pg->root_cert = g_build_filename (pg->dir, "ca.crt", NULL);
  pg->other_ca = g_build_filename (pg->dir, "other.crt", NULL);
}

static guint
free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_socket_bind (socket, any, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
give_to_server (EdTestPg   *pg,
                const char *path)
{
  struct passwd *nobody;

  if (!running_as_root ())
    return;
  nobody = getpwnam ("nobody");
  g_assert_nonnull (nobody);
  g_assert_cmpint (chown (path, nobody->pw_uid, nobody->pw_gid), ==, 0);
}

/* Stops the server and removes its folder when the test's end of the
 * pipe closes: at ed_test_pg_stop(), or when the test dies. */
static void
start_watchdog (EdTestPg *pg)
{
  g_autofree char *script = NULL;
  g_autoptr(GError) error = NULL;
  const char *as = running_as_root () ? "runuser -u nobody -- " : "";
  char *argv[] = { "sh", "-c", NULL, NULL };

  script = g_strdup_printf ("cat >/dev/null; %s'%s/pg_ctl' -D '%s' stop -m immediate "
                            ">/dev/null 2>&1; rm -rf '%s'", as, pg->bindir, pg->data, pg->dir);
  argv[2] = script;
  g_spawn_async_with_pipes (NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                            &pg->watchdog_fd, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
start_server (EdTestPg *pg)
{
  g_autofree char *pg_ctl = g_build_filename (pg->bindir, "pg_ctl", NULL);
  g_autofree char *log = g_build_filename (pg->dir, "server.log", NULL);
  g_autofree char *options = NULL;

  /* fsync off: the machine does not crash in a test, and a killed
   * server loses nothing it committed (synchronous_commit stays on). */
  options = g_strdup_printf ("-p %u -k %s -c listen_addresses=127.0.0.1 -c fsync=off "
                             "-c full_page_writes=off "
                             "-c ssl=on -c ssl_cert_file=%s/server.crt "
                             "-c ssl_key_file=%s/server.key -c max_connections=60 %s",
                             pg->port, pg->dir, pg->dir, pg->dir,
                             pg->options != NULL ? pg->options : "");
  run_as_server (pg, (const char * const []) { pg_ctl, "-D", pg->data, "-l", log, "-w",
                                               "-o", options, "start", NULL });
}

static PGconn *
connect_super (EdTestPg   *pg,
               const char *database)
{
  g_autofree char *port = g_strdup_printf ("%u", pg->port);
  const char *keywords[] = { "host", "port", "user", "dbname", NULL };
  const char *values[] = { pg->dir, port, "postgres", database, NULL };
  PGconn *conn = PQconnectdbParams (keywords, values, FALSE);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("Cannot connect to the test server: %s", PQerrorMessage (conn));
  return conn;
}

/**
 * ed_test_pg_start:
 *
 * Returns: (transfer full): a running server with the office's roles
 */
EdTestPg *
ed_test_pg_start (void)
{
  return ed_test_pg_start_with (NULL);
}

/**
 * ed_test_pg_start_with:
 * @options: (nullable): more of the server's settings: "-c name=value …"
 *
 * Returns: (transfer full): as ed_test_pg_start()
 */
EdTestPg *
ed_test_pg_start_with (const char *options)
{
  EdTestPg *pg = g_new0 (EdTestPg, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *initdb = NULL;
  g_autofree char *hba = NULL;
  g_autofree char *pgpass = NULL;
  g_autofree char *passwords = NULL;
  g_autofree char *home = NULL;

  pg->options = g_strdup (options);
  pg->bindir = find_bindir ();
  g_assert_nonnull (pg->bindir);
  pg->dir = g_dir_make_tmp ("entry-desk-pg-XXXXXX", &error);
  g_assert_no_error (error);
  pg->data = g_build_filename (pg->dir, "data", NULL);
  pg->port = free_port ();
  start_watchdog (pg);

  make_certificates (pg);
  give_to_server (pg, pg->dir);
  give_to_server (pg, pg->root_cert);
  {
    g_autofree char *key = g_build_filename (pg->dir, "server.key", NULL);
    g_autofree char *crt = g_build_filename (pg->dir, "server.crt", NULL);

    g_chmod (key, 0600);
    give_to_server (pg, key);
    give_to_server (pg, crt);
  }

  initdb = g_build_filename (pg->bindir, "initdb", NULL);
  run_as_server (pg, (const char * const []) { initdb, "-D", pg->data, "-U", "postgres",
                                               "-A", "trust", "-E", "UTF8",
                                               "--locale=C.UTF-8", "-N", NULL });

  /* TLS and a password for every role over TCP; the test's own
   * superuser only on the socket. */
  hba = g_build_filename (pg->data, "pg_hba.conf", NULL);
  g_file_set_contents (hba,
                       "local all postgres trust\n"
                       "hostssl all all 127.0.0.1/32 scram-sha-256\n", -1, &error);
  g_assert_no_error (error);
  give_to_server (pg, hba);

  start_server (pg);
  ed_test_pg_sql (pg, "postgres", roles_sql);

  /* Passwords as a desk keeps them without a keyring; a home of its own
   * so that ~/.postgresql is the test's. */
  pgpass = g_build_filename (pg->dir, "pgpass", NULL);
  passwords = g_strdup_printf ("localhost:%u:*:office_admin:admin-pw\n"
                               "localhost:%u:*:alice:alice-pw\n"
                               "localhost:%u:*:bob:bob-pw\n"
                               "localhost:%u:*:rita:rita-pw\n"
                               "127.0.0.1:%u:*:alice:alice-pw\n",
                               pg->port, pg->port, pg->port, pg->port, pg->port);
  g_file_set_contents_full (pgpass, passwords, -1, G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);
  g_setenv ("PGPASSFILE", pgpass, TRUE);
  g_setenv ("ENTRY_DESK_NO_KEYRING", "1", TRUE);
  home = g_build_filename (pg->dir, "home", NULL);
  g_mkdir (home, 0700);
  g_setenv ("HOME", home, TRUE);

  return pg;
}

void
ed_test_pg_stop (EdTestPg *pg)
{
  g_autofree char *pg_ctl = g_build_filename (pg->bindir, "pg_ctl", NULL);

  run_as_server (pg, (const char * const []) { pg_ctl, "-D", pg->data, "-m", "fast", "-w",
                                               "stop", NULL });
  close (pg->watchdog_fd);   /* the watchdog removes the folder */

  g_free (pg->dir);
  g_free (pg->data);
  g_free (pg->bindir);
  g_free (pg->root_cert);
  g_free (pg->other_ca);
  g_free (pg->options);
  g_free (pg);
}

/* The server dies as in a crash; what it had not written is lost. */
void
ed_test_pg_kill (EdTestPg *pg)
{
  g_autofree char *pg_ctl = g_build_filename (pg->bindir, "pg_ctl", NULL);

  run_as_server (pg, (const char * const []) { pg_ctl, "-D", pg->data, "-m", "immediate",
                                               "-w", "stop", NULL });
}

void
ed_test_pg_restart (EdTestPg *pg)
{
  start_server (pg);
}

/**
 * ed_test_pg_new_database:
 *
 * Returns: (transfer full): the name of a new, empty database that
 *   office_admin owns, for one test
 */
char *
ed_test_pg_new_database (EdTestPg *pg)
{
  char *name = g_strdup_printf ("office%u", ++pg->n_databases);
  g_autofree char *sql = g_strdup_printf ("CREATE DATABASE %s OWNER office_admin", name);

  ed_test_pg_sql (pg, "postgres", sql);
  return name;
}

/**
 * ed_test_pg_uri:
 *
 * Returns: (transfer full): the address a desk of @role uses: by host
 *   name, with TLS verify-full against the test's CA
 */
char *
ed_test_pg_uri (EdTestPg   *pg,
                const char *role,
                const char *database)
{
  return ed_test_pg_uri_for_host (pg, role, database, "localhost", pg->root_cert);
}

char *
ed_test_pg_uri_for_host (EdTestPg   *pg,
                         const char *role,
                         const char *database,
                         const char *host,
                         const char *root_cert)
{
  if (root_cert == NULL)
    return g_strdup_printf ("postgresql://%s@%s:%u/%s", role, host, pg->port, database);
  return g_strdup_printf ("postgresql://%s@%s:%u/%s?sslrootcert=%s", role, host, pg->port,
                          database, root_cert);
}

const char *
ed_test_pg_get_dir (EdTestPg *pg)
{
  return pg->dir;
}

const char *
ed_test_pg_get_other_ca (EdTestPg *pg)
{
  return pg->other_ca;
}

void
ed_test_pg_sql (EdTestPg   *pg,
                const char *database,
                const char *sql)
{
  PGconn *conn = connect_super (pg, database);
  PGresult *result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (result);
  PQfinish (conn);
}

/**
 * ed_test_pg_query:
 *
 * Returns: (transfer full): the rows of @sql, a line each, the columns
 *   separated by "|"
 */
char *
ed_test_pg_query (EdTestPg   *pg,
                  const char *database,
                  const char *sql)
{
  PGconn *conn = connect_super (pg, database);
  PGresult *result = PQexec (conn, sql);
  GString *text = g_string_new (NULL);

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  for (int row = 0; row < PQntuples (result); row++)
    {
      for (int column = 0; column < PQnfields (result); column++)
        g_string_append_printf (text, "%s%s", column > 0 ? "|" : "",
                                PQgetvalue (result, row, column));
      g_string_append_c (text, '\n');
    }
  PQclear (result);
  PQfinish (conn);

  return g_string_free (text, FALSE);
}

/**
 * ed_test_pg_connect:
 *
 * Returns: (transfer full): a PGconn of the server's superuser, on its
 *   socket, for what a test does behind the desks' backs
 */
gpointer
ed_test_pg_connect (EdTestPg   *pg,
                    const char *database)
{
  return connect_super (pg, database);
}
