/* ed-store-pg-conn.c — connecting to the office database, and running SQL
 *
 * TLS is verify-full unless the address says otherwise (?sslmode=…): the
 * server must show a certificate for its host name, signed by a known
 * authority (~/.postgresql/root.crt, or ?sslrootcert=FILE). The password
 * comes from libpq's own ~/.pgpass, or, when the server asks for one
 * that is not there, from the desktop keyring (libsecret), where
 * Preferences keeps it. It is never written to a setting or a log, and
 * an error never shows the address with it.
 *
 * A call that finds its connection gone connects again; a server that
 * cannot be reached makes the backend go offline (saves then wait in the
 * queue) until the listener thread reaches it again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "ed-error.h"
#include "ed-store-pg-private.h"

static const SecretSchema *
password_schema (void)
{
  static const SecretSchema schema = {
    "io.github.entrydesk.EntryDesk.OfficeDatabase", SECRET_SCHEMA_NONE,
    {
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

/* Without a session bus there is no keyring to ask, and asking would try
 * to start one. */
static gboolean
keyring_available (void)
{
  const char *runtime = g_get_user_runtime_dir ();
  g_autofree char *bus = g_build_filename (runtime, "bus", NULL);

  if (g_getenv ("ENTRY_DESK_NO_KEYRING") != NULL)
    return FALSE;
  return g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL || g_file_test (bus, G_FILE_TEST_EXISTS);
}

typedef struct
{
  char *host;
  char *port;
  char *dbname;
  char *user;
} Address;

static void
address_clear (Address *address)
{
  g_free (address->host);
  g_free (address->port);
  g_free (address->dbname);
  g_free (address->user);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Address, address_clear)

static gboolean
parse_address (const char  *uri,
               Address     *address,
               GError     **error)
{
  PQconninfoOption *options;
  char *message = NULL;

  if (!ed_pq_load (error))
    return FALSE;

  options = PQconninfoParse (uri, &message);
  if (options == NULL)
    {
      /* libpq's message may quote the address, password and all. */
      g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                   _("This is not the address of a PostgreSQL database: write it as "
                     "postgresql://USER@HOST:PORT/DATABASE"));
      PQfreemem (message);
      return FALSE;
    }

  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      if (o->val == NULL || *o->val == '\0')
        continue;
      if (strcmp (o->keyword, "host") == 0)
        address->host = g_strdup (o->val);
      else if (strcmp (o->keyword, "port") == 0)
        address->port = g_strdup (o->val);
      else if (strcmp (o->keyword, "dbname") == 0)
        address->dbname = g_strdup (o->val);
      else if (strcmp (o->keyword, "user") == 0)
        address->user = g_strdup (o->val);
    }
  PQconninfoFree (options);

  if (address->host == NULL)
    address->host = g_strdup ("localhost");
  if (address->port == NULL)
    address->port = g_strdup ("5432");
  if (address->user == NULL)
    address->user = g_strdup (g_get_user_name ());
  if (address->dbname == NULL)
    address->dbname = g_strdup (address->user);

  return TRUE;
}

/**
 * _ed_pg_parse_location:
 *
 * Fills @self's host, port, database, user and location (the address
 * to show: without its password or other parameters) from its URI.
 */
gboolean
_ed_pg_parse_location (EdStorePg  *self,
                       GError    **error)
{
  g_auto(Address) address = { 0 };
  g_autofree char *user = NULL;
  g_autofree char *dbname = NULL;
  gboolean socket;

  if (!parse_address (self->uri, &address, error))
    return FALSE;

  self->host = g_strdup (address.host);
  self->port = g_strdup (address.port);
  self->dbname = g_strdup (address.dbname);
  self->user = g_strdup (address.user);

  user = g_uri_escape_string (address.user, NULL, FALSE);
  dbname = g_uri_escape_string (address.dbname, NULL, FALSE);
  socket = address.host[0] == '/';
  if (socket)
    {
      g_autofree char *host = g_uri_escape_string (address.host, NULL, FALSE);

      self->location = g_strdup_printf ("postgresql://%s@/%s?host=%s&port=%s", user, dbname,
                                        host, address.port);
    }
  else
    self->location = g_strdup_printf ("postgresql://%s@%s:%s/%s", user, address.host,
                                      address.port, dbname);

  return TRUE;
}

/**
 * ed_store_pg_make_uri:
 * @sslmode: (nullable): "verify-full" when %NULL
 *
 * Returns: (transfer full): the address of a database, as Preferences
 *   keeps it (without a password)
 */
char *
ed_store_pg_make_uri (const char *host,
                      guint       port,
                      const char *database,
                      const char *user,
                      const char *sslmode)
{
  g_autofree char *h = g_uri_escape_string (host, "[]:", FALSE);
  g_autofree char *d = g_uri_escape_string (database, NULL, FALSE);
  g_autofree char *u = g_uri_escape_string (user, NULL, FALSE);
  GString *uri = g_string_new ("postgresql://");

  if (*user != '\0')
    g_string_append_printf (uri, "%s@", u);
  g_string_append (uri, h);
  if (port != 0)
    g_string_append_printf (uri, ":%u", port);
  g_string_append_printf (uri, "/%s", d);
  if (sslmode != NULL && strcmp (sslmode, "verify-full") != 0)
    g_string_append_printf (uri, "?sslmode=%s", sslmode);

  return g_string_free (uri, FALSE);
}

static GHashTable *
password_attributes (const Address *address)
{
  GHashTable *attributes = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (attributes, "host", address->host);
  g_hash_table_insert (attributes, "port", address->port);
  g_hash_table_insert (attributes, "database", address->dbname);
  g_hash_table_insert (attributes, "user", address->user);
  return attributes;
}

/**
 * ed_store_pg_store_password:
 * @uri: the database's address
 *
 * Keeps @password in the desktop keyring for @uri's host, port,
 * database and user. Blocks: call it from a worker thread.
 */
gboolean
ed_store_pg_store_password (const char    *uri,
                            const char    *password,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_auto(Address) address = { 0 };
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (uri != NULL && password != NULL, FALSE);

  if (!parse_address (uri, &address, error))
    return FALSE;

  attributes = password_attributes (&address);
  /* Translators: the label of a password in the desktop keyring */
  label = g_strdup_printf (_("Entry Desk office database %s@%s/%s"), address.user,
                           address.host, address.dbname);
  if (!secret_password_storev_sync (password_schema (), attributes, SECRET_COLLECTION_DEFAULT,
                                    label, password, cancellable, error))
    {
      g_prefix_error (error, _("The password could not be kept in the keyring: "));
      return FALSE;
    }

  return TRUE;
}

gboolean
ed_store_pg_clear_password (const char    *uri,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_auto(Address) address = { 0 };
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!parse_address (uri, &address, error))
    return FALSE;

  attributes = password_attributes (&address);
  secret_password_clearv_sync (password_schema (), attributes, cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

char *
_ed_pg_lookup_password (EdStorePg *self)
{
  Address address = { self->host, self->port, self->dbname, self->user };
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;
  char *password;

  if (!keyring_available ())
    return NULL;

  attributes = password_attributes (&address);
  secret = secret_password_lookupv_sync (password_schema (), attributes, NULL, &error);
  if (secret == NULL)
    {
      if (error != NULL)
        g_debug ("No password from the keyring: %s", error->message);
      return NULL;
    }

  password = g_strdup (secret);
  secret_password_free (secret);
  return password;
}

static void
ignore_notice (void       *arg,
               const char *message)
{
}

static PGconn *
connect_with (EdStorePg  *self,
              const char *password)
{
  /* A server that does not answer within 10 s is out of reach (a busy
   * one on a slow network takes a few); the window never waits for it. */
  const char *keywords[] = {
    "sslmode", "connect_timeout", "keepalives_idle", "keepalives_interval",
    "keepalives_count", "tcp_user_timeout", "client_encoding",
    "dbname",
    "application_name", password != NULL ? "password" : NULL,
    NULL,
  };
  const char *values[] = {
    "verify-full", "10", "10", "3", "3", "10000", "UTF8",
    self->uri,
    "Entry Desk", password,
    NULL,
  };

  return PQconnectdbParams (keywords, values, TRUE);
}

/* Whether the server answers at all: a refused or timed-out address is
 * "offline"; one that answers but refuses us (TLS, password) is not. */
static gboolean
server_reachable (EdStorePg *self)
{
  g_autoptr(GSocketClient) client = NULL;
  g_autoptr(GSocketConnection) connection = NULL;
  guint64 port = 5432;

  if (self->host[0] == '/')
    {
      g_autofree char *name = g_strdup_printf (".s.PGSQL.%s", self->port);
      g_autofree char *path = g_build_filename (self->host, name, NULL);

      return g_file_test (path, G_FILE_TEST_EXISTS);
    }

  g_ascii_string_to_unsigned (self->port, 10, 1, 65535, &port, NULL);
  client = g_socket_client_new ();
  g_socket_client_set_timeout (client, 3);
  connection = g_socket_client_connect_to_host (client, self->host, (guint16) port, NULL, NULL);
  return connection != NULL;
}

/**
 * _ed_pg_connect:
 *
 * Returns: (transfer full): a new connection, or %NULL with
 *   %ED_ERROR_OFFLINE when the server cannot be reached, %ED_ERROR_DENIED
 *   when it refuses this desk (a password, a certificate)
 */
PGconn *
_ed_pg_connect (EdStorePg  *self,
                GError    **error)
{
  PGconn *conn = NULL;
  g_autoptr(PGresult) result = NULL;

  for (guint attempt = 0; ; attempt++)
    {
      conn = connect_with (self, NULL);
      if (PQstatus (conn) != CONNECTION_OK && PQconnectionNeedsPassword (conn))
        {
          g_autofree char *password = _ed_pg_lookup_password (self);

          if (password != NULL)
            {
              PQfinish (conn);
              conn = connect_with (self, password);
              memset (password, 0, strlen (password));
            }
        }

      if (PQstatus (conn) == CONNECTION_OK || PQconnectionNeedsPassword (conn) || attempt > 0 ||
          !server_reachable (self))
        break;

      /* Reached, but the handshake cut short ("SSL SYSCALL error: EOF
       * detected"): a server starting, stopping or too busy. Once more
       * before calling it a refusal, which no save waits out. */
      PQfinish (conn);
      g_usleep (G_USEC_PER_SEC / 4);
    }

  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *message = g_strstrip (g_strdup (PQerrorMessage (conn)));

      if (PQconnectionNeedsPassword (conn))
        g_set_error (error, ED_ERROR, ED_ERROR_DENIED,
                     _("The office database %s asks for a password: enter it in Preferences, "
                       "or put it in ~/.pgpass"), self->location);
      else if (!server_reachable (self))
        g_set_error (error, ED_ERROR, ED_ERROR_OFFLINE,
                     _("The office database %s cannot be reached: %s"), self->location,
                     message);
      else
        g_set_error (error, ED_ERROR, ED_ERROR_DENIED,
                     _("The office database %s refused this desk: %s"), self->location,
                     message);
      PQfinish (conn);
      return NULL;
    }

  PQsetNoticeProcessor (conn, ignore_notice, NULL);
  result = _ed_pg_exec (conn, "SELECT session_user", 0, NULL, error);
  if (result == NULL)
    {
      PQfinish (conn);
      return NULL;
    }
  if (self->role == NULL)
    self->role = g_strdup (_ed_pg_text (result, 0, 0));

  return conn;
}

/**
 * _ed_pg_link_ready:
 *
 * Makes sure @link (whose lock the caller holds) has a working
 * connection, connecting again when it was lost.
 */
gboolean
_ed_pg_link_ready (EdStorePg  *self,
                   EdPgLink   *link,
                   GError    **error)
{
  /* A connection the server closed (it stopped, or restarted) reads as
   * the end of its socket: connected again at once, not at the first
   * command, which would fail. */
  if (link->conn != NULL && PQstatus (link->conn) == CONNECTION_OK)
    {
      GPollFD fd = { PQsocket (link->conn), G_IO_IN, 0 };

      if (g_poll (&fd, 1, 0) == 0 ||
          (PQconsumeInput (link->conn) && PQstatus (link->conn) == CONNECTION_OK))
        return TRUE;
    }

  /* The listener tries every second; nobody else waits for a timeout. */
  if (g_atomic_int_get (&self->offline))
    {
      g_set_error (error, ED_ERROR, ED_ERROR_OFFLINE,
                   _("Working offline: the office database %s cannot be reached"),
                   self->location);
      return FALSE;
    }

  g_clear_pointer (&link->conn, PQfinish);
  link->conn = _ed_pg_connect (self, error);
  if (link->conn == NULL)
    {
      if (error != NULL && _ed_pg_error_is_offline (*error))
        _ed_pg_went_offline (self);
      return FALSE;
    }

  if (link == &self->writer)
    {
      g_atomic_int_set (&self->writer_pid, PQbackendPID (link->conn));
      _ed_pg_announce_open (self, link->conn);
    }
  else
    g_atomic_int_set (&self->reader_pid, PQbackendPID (link->conn));
  return TRUE;
}

gboolean
_ed_pg_error_is_offline (const GError *error)
{
  return g_error_matches (error, ED_ERROR, ED_ERROR_OFFLINE);
}

/**
 * _ed_pg_set_error:
 *
 * Sets @error from a failed call: %ED_ERROR_OFFLINE when the connection
 * is gone, %ED_ERROR_DENIED when the role may not do it,
 * %ED_ERROR_EXISTS for a key taken, %ED_ERROR_IO otherwise.
 */
void
_ed_pg_set_error (GError   **error,
                  PGconn    *conn,
                  PGresult  *result)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *primary = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY)
                                       : NULL;
  g_autofree char *message = g_strstrip (g_strdup (primary != NULL ? primary
                                                                   : PQerrorMessage (conn)));

  /* Class 08 is the connection's, but for 08P01, a protocol violation. */
  if (PQstatus (conn) != CONNECTION_OK ||
      (state != NULL && g_str_has_prefix (state, "08") && strcmp (state, "08P01") != 0) ||
      g_strcmp0 (state, "57P01") == 0)
    g_set_error (error, ED_ERROR, ED_ERROR_OFFLINE,
                 _("The office database cannot be reached: %s"), message);
  else if (g_strcmp0 (state, "42501") == 0)
    g_set_error (error, ED_ERROR, ED_ERROR_DENIED,
                 _("Your database role may not do this: %s"), message);
  else if (g_strcmp0 (state, "23505") == 0)
    g_set_error (error, ED_ERROR, ED_ERROR_EXISTS, "%s", message);
  else if (g_strcmp0 (state, "57014") == 0)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
  else
    g_set_error (error, ED_ERROR, ED_ERROR_IO, _("The office database failed: %s"), message);
}

/**
 * _ed_pg_exec:
 * @values: (nullable): text parameters $1…, each nullable
 *
 * Returns: (transfer full) (nullable): the result of a command that
 *   worked, or %NULL with @error
 */
PGresult *
_ed_pg_exec (PGconn              *conn,
             const char          *sql,
             int                  n_params,
             const char * const  *values,
             GError             **error)
{
  /* Without parameters, several commands may go at once (a migration). */
  PGresult *result = n_params == 0 ? PQexec (conn, sql)
                                   : PQexecParams (conn, sql, n_params, NULL, values, NULL,
                                                   NULL, 0);
  ExecStatusType status = PQresultStatus (result);

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return result;

  _ed_pg_set_error (error, conn, result);
  PQclear (result);
  return NULL;
}

gboolean
_ed_pg_command (PGconn              *conn,
                const char          *sql,
                int                  n_params,
                const char * const  *values,
                GError             **error)
{
  g_autoptr(PGresult) result = _ed_pg_exec (conn, sql, n_params, values, error);

  return result != NULL;
}

void
_ed_pg_rollback (PGconn *conn)
{
  if (PQstatus (conn) == CONNECTION_OK)
    PQclear (PQexec (conn, "ROLLBACK"));
}

gint64
_ed_pg_int64 (PGresult *result,
              int       row,
              int       column)
{
  if (PQgetisnull (result, row, column))
    return 0;
  return g_ascii_strtoll (PQgetvalue (result, row, column), NULL, 10);
}

/**
 * _ed_pg_text:
 *
 * Returns: (nullable): the value, %NULL for SQL NULL
 */
const char *
_ed_pg_text (PGresult *result,
             int       row,
             int       column)
{
  if (PQgetisnull (result, row, column))
    return NULL;
  return PQgetvalue (result, row, column);
}
