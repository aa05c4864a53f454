/* ed-store-pg-schema.c — the office database's tables, grants and migrations
 *
 * The table entry_desk_schema holds the version. A desk that finds an
 * older one brings it to ED_PG_SCHEMA_VERSION in one transaction, under
 * an advisory lock taken before the transaction, so that two desks
 * connecting at once run each step once: the second waits, then reads
 * the new version and has nothing to do. Steps are never edited once
 * released; a change is a new step. Only a role that owns the schema
 * (the office administrator, README "An office database") can run them.
 *
 * What each role may do is the database's to enforce, not the app's:
 * entry_desk_reader reads; entry_desk_staff also adds and changes cases,
 * logs sheets and deletes a case it put in the trash; only
 * entry_desk_admin deletes closed cases (the retention purge) and sets
 * the office's settings. Every row says which role wrote it, set by a
 * trigger, not by the desk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-error.h"
#include "ed-store-pg.h"
#include "ed-store-pg-private.h"

/* Any number, the same for every desk: the lock of a migration. */
#define MIGRATION_LOCK "7316212865"

static const char schema_1[] =
  "DO $$ BEGIN"
  "  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'entry_desk_reader') THEN"
  "    CREATE ROLE entry_desk_reader NOLOGIN; END IF;"
  "  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'entry_desk_staff') THEN"
  "    CREATE ROLE entry_desk_staff NOLOGIN; END IF;"
  "  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'entry_desk_admin') THEN"
  "    CREATE ROLE entry_desk_admin NOLOGIN; END IF;"
  "END $$;"

  /* The office's settings (the retention period). */
  "CREATE TABLE settings ("
  "  key text PRIMARY KEY,"
  "  value text NOT NULL,"
  "  changed_by text NOT NULL DEFAULT session_user,"
  "  changed_at timestamptz NOT NULL DEFAULT now()"
  ");"
  "CREATE FUNCTION settings_announce () RETURNS trigger LANGUAGE plpgsql AS $$"
  "BEGIN"
  "  PERFORM pg_notify ('" ED_PG_CHANNEL "', 'settings');"
  "  RETURN NULL;"
  "END $$;"
  "CREATE TRIGGER settings_announce AFTER INSERT OR UPDATE OR DELETE ON settings"
  "  FOR EACH STATEMENT EXECUTE FUNCTION settings_announce ();"

  /* A case: what a list shows and what the search reads as columns
   * (ed-store-pg-search.c), the case itself as its case file's JSON
   * (without the sheet log). Times are seconds since 1970, as on a
   * desk. */
  "CREATE TABLE cases ("
  "  id bigserial PRIMARY KEY,"
  "  reference text NOT NULL UNIQUE CHECK (length (reference) = 6),"
  "  version bigint NOT NULL DEFAULT 1,"
  "  procedure_id text NOT NULL,"
  "  procedure_version integer NOT NULL,"
  "  current_step text,"
  "  status text NOT NULL CHECK (status IN ('open', 'closed')),"
  "  closed bigint CHECK ((status = 'closed') = (closed IS NOT NULL)),"
  "  created bigint NOT NULL,"
  "  modified bigint NOT NULL,"
  "  names text NOT NULL DEFAULT '',"
  "  n_travellers integer NOT NULL DEFAULT 0,"
  "  n_done integer NOT NULL DEFAULT 0,"
  "  words text NOT NULL DEFAULT '',"
  "  inner_words text NOT NULL DEFAULT '',"
  "  data jsonb NOT NULL,"
  "  trashed timestamptz,"
  "  created_by text NOT NULL DEFAULT session_user,"
  "  changed_by text NOT NULL DEFAULT session_user,"
  "  changed_at timestamptz NOT NULL DEFAULT now()"
  ");"
  /* The most recent first, read from the index alone. */
  "CREATE INDEX cases_recent ON cases (modified DESC, id DESC)"
  "  INCLUDE (status, words) WHERE trashed IS NULL;"
  "CREATE INDEX cases_closed ON cases (closed) WHERE closed IS NOT NULL;"

  /* Versions and authors are the server's: a desk cannot set them. The
   * version counts changes of the case itself, not of its place in the
   * trash. */
  "CREATE FUNCTION cases_stamp () RETURNS trigger LANGUAGE plpgsql AS $$"
  "BEGIN"
  "  IF TG_OP = 'UPDATE' THEN"
  "    NEW.id := OLD.id;"
  "    NEW.created_by := OLD.created_by;"
  "    NEW.version := OLD.version;"
  "    IF NEW.data IS DISTINCT FROM OLD.data THEN"
  "      NEW.version := OLD.version + 1;"
  "    END IF;"
  "  ELSE"
  "    NEW.version := 1;"
  "    NEW.created_by := session_user;"
  "  END IF;"
  "  NEW.changed_by := session_user;"
  "  NEW.changed_at := now ();"
  "  RETURN NEW;"
  "END $$;"
  "CREATE TRIGGER cases_stamp BEFORE INSERT OR UPDATE ON cases"
  "  FOR EACH ROW EXECUTE FUNCTION cases_stamp ();"

  /* Each token of a case's words and inner words ("_" before an inner
   * one), in one B-tree by token: a term typed is a range of it, read
   * from the index alone. Kept by the server from the case's columns. */
  "CREATE TABLE case_tokens ("
  "  case_id bigint NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  token text COLLATE \"C\" NOT NULL,"
  "  modified bigint NOT NULL,"
  "  open boolean NOT NULL,"
  "  trashed boolean NOT NULL,"
  "  PRIMARY KEY (case_id, token)"
  ");"
  "CREATE INDEX case_tokens_token ON case_tokens (token)"
  "  INCLUDE (modified, case_id, open, trashed);"
  "CREATE FUNCTION cases_tokens () RETURNS trigger"
  "  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$"
  "BEGIN"
  "  IF TG_OP = 'UPDATE' THEN"
  "    IF NEW.words = OLD.words AND NEW.inner_words = OLD.inner_words"
  "       AND NEW.modified = OLD.modified AND NEW.status = OLD.status"
  "       AND (NEW.trashed IS NULL) = (OLD.trashed IS NULL) THEN"
  "      RETURN NULL;"
  "    END IF;"
  "    DELETE FROM case_tokens WHERE case_id = NEW.id;"
  "  END IF;"
  "  INSERT INTO case_tokens (case_id, token, modified, open, trashed)"
  "    SELECT NEW.id, t, NEW.modified, NEW.status = 'open', NEW.trashed IS NOT NULL"
  "    FROM (SELECT unnest (string_to_array (btrim (NEW.words), ' '))"
  "          UNION SELECT '_' || unnest (string_to_array (btrim (NEW.inner_words), ' '))) x (t)"
  "    WHERE t <> '' AND t <> '_';"
  "  RETURN NULL;"
  "END $$;"
  "CREATE TRIGGER cases_tokens AFTER INSERT OR UPDATE ON cases"
  "  FOR EACH ROW EXECUTE FUNCTION cases_tokens ();"

  /* Every desk listens: a change is announced when it commits. */
  "CREATE FUNCTION cases_announce () RETURNS trigger LANGUAGE plpgsql AS $$"
  "BEGIN"
  "  PERFORM pg_notify ('" ED_PG_CHANNEL "', (CASE WHEN TG_OP = 'DELETE' THEN OLD.id"
  "                                           ELSE NEW.id END)::text);"
  "  RETURN NULL;"
  "END $$;"
  "CREATE TRIGGER cases_announce AFTER INSERT OR UPDATE OR DELETE ON cases"
  "  FOR EACH ROW EXECUTE FUNCTION cases_announce ();"

  /* Who printed what, on the server. Lines are never changed; they go
   * only with their case. */
  "CREATE TABLE sheet_log ("
  "  id bigserial PRIMARY KEY,"
  "  case_id bigint NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  at bigint NOT NULL,"
  "  kind text NOT NULL CHECK (kind IN ('print', 'pdf', 'batch')),"
  "  procedure_id text NOT NULL,"
  "  procedure_version integer NOT NULL,"
  "  languages text NOT NULL,"
  "  paper text NOT NULL,"
  "  printed_by text NOT NULL DEFAULT session_user,"
  "  logged_at timestamptz NOT NULL DEFAULT now()"
  ");"
  "CREATE INDEX sheet_log_case ON sheet_log (case_id);"
  "CREATE FUNCTION sheet_log_stamp () RETURNS trigger LANGUAGE plpgsql AS $$"
  "BEGIN"
  "  NEW.printed_by := session_user;"
  "  NEW.logged_at := now ();"
  "  RETURN NEW;"
  "END $$;"
  "CREATE TRIGGER sheet_log_stamp BEFORE INSERT ON sheet_log"
  "  FOR EACH ROW EXECUTE FUNCTION sheet_log_stamp ();"

  /* Which desk has which case open; a row whose connection is gone is
   * stale and not shown. */
  "CREATE TABLE presence ("
  "  case_id bigint NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  desk text NOT NULL,"
  "  pid integer NOT NULL DEFAULT pg_backend_pid (),"
  "  role text NOT NULL DEFAULT session_user,"
  "  since timestamptz NOT NULL DEFAULT now (),"
  "  PRIMARY KEY (case_id, desk)"
  ");"
  "CREATE FUNCTION presence_stamp () RETURNS trigger LANGUAGE plpgsql AS $$"
  "BEGIN"
  "  NEW.role := session_user;"
  "  NEW.pid := pg_backend_pid ();"
  "  RETURN NEW;"
  "END $$;"
  "CREATE TRIGGER presence_stamp BEFORE INSERT OR UPDATE ON presence"
  "  FOR EACH ROW EXECUTE FUNCTION presence_stamp ();"
  "CREATE FUNCTION presence_announce () RETURNS trigger LANGUAGE plpgsql AS $$"
  "BEGIN"
  "  PERFORM pg_notify ('" ED_PG_CHANNEL "', (CASE WHEN TG_OP = 'DELETE' THEN OLD.case_id"
  "                                           ELSE NEW.case_id END)::text);"
  "  RETURN NULL;"
  "END $$;"
  "CREATE TRIGGER presence_announce AFTER INSERT OR DELETE ON presence"
  "  FOR EACH ROW EXECUTE FUNCTION presence_announce ();"

  /* Cases moved in from a desk's own store: "cases migrate" runs again
   * without copying them twice. */
  "CREATE TABLE imports ("
  "  source text NOT NULL,"
  "  reference text NOT NULL,"
  "  case_id bigint NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  imported_by text NOT NULL DEFAULT session_user,"
  "  imported_at timestamptz NOT NULL DEFAULT now (),"
  "  PRIMARY KEY (source, reference)"
  ");"

  /* Staff delete by hand only what they put in the trash; deleting any
   * other case (the purge) needs DELETE on cases, the administrator's. */
  "CREATE FUNCTION expunge_case (case_id bigint) RETURNS boolean"
  "  LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$"
  "  WITH gone AS (DELETE FROM cases WHERE id = case_id AND trashed IS NOT NULL RETURNING 1)"
  "  SELECT EXISTS (SELECT 1 FROM gone) $$;"
  "REVOKE ALL ON FUNCTION expunge_case (bigint) FROM PUBLIC;"

  "GRANT SELECT ON settings, cases, case_tokens, sheet_log, presence, imports"
  "  TO entry_desk_reader, entry_desk_staff, entry_desk_admin;"
  "GRANT INSERT, UPDATE, DELETE ON presence"
  "  TO entry_desk_reader, entry_desk_staff, entry_desk_admin;"
  "GRANT INSERT, UPDATE ON cases TO entry_desk_staff, entry_desk_admin;"
  "GRANT INSERT ON sheet_log, imports TO entry_desk_staff, entry_desk_admin;"
  "GRANT USAGE ON SEQUENCE cases_id_seq, sheet_log_id_seq"
  "  TO entry_desk_staff, entry_desk_admin;"
  "GRANT EXECUTE ON FUNCTION expunge_case (bigint) TO entry_desk_staff, entry_desk_admin;"
  "GRANT DELETE ON cases TO entry_desk_admin;"
  "GRANT INSERT, UPDATE, DELETE ON settings TO entry_desk_admin;";

/* 2: journeys (the desk's schema 3). The case's data holds its
 * procedures in order, as a case file does; the columns a list shows
 * gain the journey and its procedure ids (empty: written before, the
 * case's one procedure), and the sheet log says which lines were parts
 * of a journey sheet. Next deadlines came with 3. */
static const char schema_2[] =
  "ALTER TABLE cases ADD COLUMN journey_id text;"
  "ALTER TABLE cases ADD COLUMN procedures text NOT NULL DEFAULT '';"
  "ALTER TABLE sheet_log ADD COLUMN journey boolean NOT NULL DEFAULT false;";

/* cases_stamp () from schema 3 on: @ignored, the columns whose change is
 * not a change of the case, as a text[] literal. */
#define CASES_STAMP(ignored) \
  "CREATE OR REPLACE FUNCTION cases_stamp () RETURNS trigger LANGUAGE plpgsql AS $$" \
  "BEGIN" \
  "  IF TG_OP = 'UPDATE' THEN" \
  "    NEW.id := OLD.id;" \
  "    NEW.created_by := OLD.created_by;" \
  "    NEW.version := OLD.version;" \
  "    IF NEW.data IS DISTINCT FROM OLD.data THEN" \
  "      NEW.version := OLD.version + 1;" \
  "    END IF;" \
  "    IF (to_jsonb (NEW) - " ignored "::text[])" \
  "       = (to_jsonb (OLD) - " ignored "::text[]) THEN" \
  "      NEW.changed_by := OLD.changed_by;" \
  "      NEW.changed_at := OLD.changed_at;" \
  "      RETURN NEW;" \
  "    END IF;" \
  "  ELSE" \
  "    NEW.version := 1;" \
  "    NEW.created_by := session_user;" \
  "  END IF;" \
  "  NEW.changed_by := session_user;" \
  "  NEW.changed_at := now ();" \
  "  RETURN NEW;" \
  "END $$;"

/* 3: next deadlines (the desk's schema 3 keeps them already). The
 * columns a list shows gain the case's next deadline, which it sorts by,
 * and case_deadlines holds every deadline reminders look at, both worked
 * out by EdStore when a case is written: a case stored before has none
 * until a desk refreshes them (ed_store_refresh_due(): the office has no
 * "due_catalog" setting yet, so the first desk with a catalog does). The
 * reference a desk keeps of the catalog they come from is a setting
 * staff may set, through set_due_catalog (), unlike the others. Writing
 * them is not a change of the case: its version, author and time of
 * change stay (cases_stamp ()); the update still announces the case,
 * so other desks' lists show the new deadline. */
static const char schema_3[] =
  "ALTER TABLE cases ADD COLUMN next_due_at bigint;"
  "ALTER TABLE cases ADD COLUMN next_due_end bigint;"
  "ALTER TABLE cases ADD COLUMN next_due text;"
  "ALTER TABLE cases ADD COLUMN next_due_procedure text;"
  "ALTER TABLE cases ADD COLUMN next_due_rule text;"
  "CREATE INDEX cases_next_due ON cases (next_due_at)"
  "  WHERE next_due_at IS NOT NULL AND status = 'open' AND trashed IS NULL;"
  "CREATE TABLE case_deadlines ("
  "  case_id bigint NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  traveller integer NOT NULL,"
  "  procedure_id text NOT NULL,"
  "  rule_id text NOT NULL,"
  "  due_at bigint NOT NULL,"
  "  end_at bigint NOT NULL"
  ");"
  "CREATE INDEX case_deadlines_case ON case_deadlines (case_id);"
  "CREATE INDEX case_deadlines_due ON case_deadlines (due_at) INCLUDE (case_id, end_at);"

  CASES_STAMP ("'{next_due_at,next_due_end,next_due,next_due_procedure,"
               "next_due_rule,changed_by,changed_at}'")

  "CREATE FUNCTION set_due_catalog (digest text) RETURNS void"
  "  LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$"
  "  INSERT INTO settings (key, value) VALUES ('due_catalog', digest)"
  "  ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, changed_by = session_user,"
  "    changed_at = now () $$;"
  "REVOKE ALL ON FUNCTION set_due_catalog (text) FROM PUBLIC;"

  "GRANT SELECT ON case_deadlines TO entry_desk_reader, entry_desk_staff, entry_desk_admin;"
  "GRANT INSERT, DELETE ON case_deadlines TO entry_desk_staff, entry_desk_admin;"
  "GRANT EXECUTE ON FUNCTION set_due_catalog (text) TO entry_desk_staff, entry_desk_admin;";

/* 4: who printed a sheet at the desk (the desk's user name, beside the
 * database role the server records) and under which office's
 * letterhead; lines logged before say neither. */
static const char schema_4[] =
  "ALTER TABLE sheet_log ADD COLUMN printed_user text;"
  "ALTER TABLE sheet_log ADD COLUMN office text;";

/* 5: Han variants fold to one form in the search (ed_fold_han ()): every
 * case's words are made again (reindex_every_case ()), and its tokens with
 * them (cases_tokens ()). The columns a list shows gain the first named
 * traveller's name in native script (ed_case_list_native_name ()).
 * Neither is a change of the case: while they are written, its version,
 * author and time of change stay, and no desk is told. */
static const char schema_5[] =
  "ALTER TABLE cases ADD COLUMN native_name text;";

/* 6: how far each case is in the steps that apply to it (#EdCaseProgress),
 * worked out with its next deadline and, like it, not a change of the
 * case (cases_stamp () leaves them out). Which steps apply is read from
 * a catalog, which the migration has not: the office's catalog setting
 * is forgotten, so the first desk with a catalog works out every open
 * case's again (ed_store_refresh_due ()). Until then, NULL. */
static const char schema_6[] =
  "ALTER TABLE cases ADD COLUMN n_steps integer;"
  "ALTER TABLE cases ADD COLUMN step integer;"
  "DELETE FROM settings WHERE key = '" ED_STORE_SETTING_DUE_CATALOG "';"

  CASES_STAMP ("'{next_due_at,next_due_end,next_due,next_due_procedure,"
               "next_due_rule,n_steps,step,changed_by,changed_at}'");

/* Cases read and written this many at a time. */
#define REINDEX_BATCH 500

/* The new words and names of the cases of @result (id, reference, data)
 * as one JSON array, which jsonb_to_recordset () reads. A case that
 * cannot be read keeps its words: opening it says what is wrong, and one
 * such case must not keep the whole office on the older schema. */
static char *
reindex_rows (PGresult *result)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (int row = 0; row < PQntuples (result); row++)
    {
      const char *data = _ed_pg_text (result, row, 2);
      g_autoptr(EdCaseRecord) record = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *words = NULL;
      g_autofree char *inner = NULL;
      g_autofree char *native = NULL;

      record = ed_case_record_new_from_data (data, strlen (data), _ed_pg_text (result, row, 1),
                                             &local_error);
      if (record == NULL)
        {
          g_message ("Case %s keeps its search words: %s", _ed_pg_text (result, row, 0),
                     local_error->message);
          continue;
        }
      g_free (record->reference);
      record->reference = g_strdup (_ed_pg_text (result, row, 1));
      ed_store_pg_search_columns (record, &words, &inner);
      native = ed_case_list_native_name (record->travellers);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, _ed_pg_int64 (result, row, 0));
      json_builder_set_member_name (builder, "words");
      json_builder_add_string_value (builder, words);
      json_builder_set_member_name (builder, "inner_words");
      json_builder_add_string_value (builder, inner);
      json_builder_set_member_name (builder, "native_name");
      if (native != NULL)
        json_builder_add_string_value (builder, native);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static gboolean
reindex_every_case (PGconn  *conn,
                   GError **error)
{
  gint64 last = 0;

  if (!_ed_pg_command (conn, "ALTER TABLE cases DISABLE TRIGGER cases_stamp;"
                             "ALTER TABLE cases DISABLE TRIGGER cases_announce", 0, NULL, error))
    return FALSE;

  for (;;)
    {
      g_autoptr(PGresult) result = NULL;
      g_autofree char *after = g_strdup_printf ("%" G_GINT64_FORMAT, last);
      g_autofree char *rows = NULL;
      const char *values[] = { after, NULL };

      result = _ed_pg_exec (conn, "SELECT id, reference, data FROM cases WHERE id > $1 "
                                  "ORDER BY id LIMIT " G_STRINGIFY (REINDEX_BATCH), 1, values,
                            error);
      if (result == NULL)
        return FALSE;
      if (PQntuples (result) == 0)
        break;
      last = _ed_pg_int64 (result, PQntuples (result) - 1, 0);
      rows = reindex_rows (result);
      values[0] = rows;
      if (!_ed_pg_command (conn, "UPDATE cases c SET words = u.words, "
                                 "inner_words = u.inner_words, native_name = u.native_name "
                                 "FROM jsonb_to_recordset ($1::jsonb) AS u (id bigint, "
                                 "words text, inner_words text, native_name text) "
                                 "WHERE c.id = u.id", 1, values, error))
        return FALSE;
    }

  return _ed_pg_command (conn, "ALTER TABLE cases ENABLE TRIGGER cases_stamp;"
                               "ALTER TABLE cases ENABLE TRIGGER cases_announce", 0, NULL,
                         error);
}

typedef struct
{
  const char  *sql;
  gboolean   (*after) (PGconn *conn, GError **error);
} EdPgMigration;

/* migrations[i] brings a database from version i to i + 1. */
static const EdPgMigration migrations[] = {
  { schema_1, NULL },
  { schema_2, NULL },
  { schema_3, NULL },
  { schema_4, NULL },
  { schema_5, reindex_every_case },
  { schema_6, NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == ED_PG_SCHEMA_VERSION);

/* Indexes a schema gained after it was first released, made where they
 * are missing when a role that may (the administrator's, which sets the
 * schema up) connects: staff desks, and a database before, work without
 * them, only slower. */
static const struct
{
  const char *name;
  const char *sql;
} later_indexes[] = {
  /* The list by next deadline (ed-store-pg-search.c): the open cases
   * without one, the most recently changed first. */
  { "cases_open_undated",
    "CREATE INDEX IF NOT EXISTS cases_open_undated ON cases (modified DESC, id DESC) "
    "WHERE trashed IS NULL AND status = 'open' AND next_due_at IS NULL" },
};

static void
ensure_later_indexes (PGconn *conn)
{
  for (guint i = 0; i < G_N_ELEMENTS (later_indexes); i++)
    {
      const char *values[] = { later_indexes[i].name };
      g_autoptr(PGresult) missing = NULL;
      g_autoptr(GError) error = NULL;

      /* Only the owner of the cases may add to them. */
      missing = _ed_pg_exec (conn, "SELECT to_regclass ($1) IS NULL AND pg_has_role ("
                                   "(SELECT relowner FROM pg_class WHERE oid = 'cases'::regclass), "
                                   "'USAGE')", 1, values, &error);
      if (missing != NULL && g_strcmp0 (_ed_pg_text (missing, 0, 0), "t") == 0 &&
          !_ed_pg_command (conn, later_indexes[i].sql, 0, NULL, &error))
        g_message ("The index %s could not be made: %s", later_indexes[i].name,
                   error->message);
    }
}

/* -1 on error; 0 for a database without Entry Desk's tables. */
static int
read_version (PGconn  *conn,
              GError **error)
{
  g_autoptr(PGresult) exists = NULL;
  g_autoptr(PGresult) result = NULL;

  exists = _ed_pg_exec (conn, "SELECT to_regclass ('entry_desk_schema') IS NOT NULL", 0, NULL,
                        error);
  if (exists == NULL)
    return -1;
  if (g_strcmp0 (_ed_pg_text (exists, 0, 0), "t") != 0)
    return 0;

  result = _ed_pg_exec (conn, "SELECT version FROM entry_desk_schema", 0, NULL, error);
  if (result == NULL)
    return -1;
  return PQntuples (result) > 0 ? (int) _ed_pg_int64 (result, 0, 0) : 0;
}

static gboolean
check_newer (int       version,
             GError  **error)
{
  if (version <= ED_PG_SCHEMA_VERSION)
    return TRUE;

  g_set_error (error, ED_ERROR, ED_ERROR_UNSUPPORTED,
               _("The office database was set up by a newer Entry Desk (schema %d; this "
                 "version reads up to %d). Update Entry Desk on this desk."),
               version, ED_PG_SCHEMA_VERSION);
  return FALSE;
}

static gboolean
migrate_locked (PGconn  *conn,
                int      target,
                GError **error)
{
  g_autofree char *set_version = NULL;
  int version;

  /* Another desk may have done it while this one waited for the lock. */
  version = read_version (conn, error);
  if (version < 0 || !check_newer (version, error))
    return FALSE;
  if (version >= target)
    return TRUE;

  if (version == 0 &&
      !_ed_pg_command (conn, "CREATE TABLE entry_desk_schema (version integer NOT NULL);"
                             "INSERT INTO entry_desk_schema VALUES (0);"
                             "GRANT SELECT ON entry_desk_schema TO PUBLIC", 0, NULL, error))
    return FALSE;

  for (int step = version; step < target; step++)
    if (!_ed_pg_command (conn, migrations[step].sql, 0, NULL, error) ||
        (migrations[step].after != NULL && !migrations[step].after (conn, error)))
      {
        g_prefix_error (error, _("Could not set up the office database from schema %d: "),
                        step);
        return FALSE;
      }

  set_version = g_strdup_printf ("UPDATE entry_desk_schema SET version = %d", target);
  return _ed_pg_command (conn, set_version, 0, NULL, error);
}

/**
 * _ed_pg_migrate:
 *
 * Brings the office database to this build's schema. One made by a newer
 * Entry Desk is left alone: %ED_ERROR_UNSUPPORTED.
 */
gboolean
_ed_pg_migrate (PGconn  *conn,
                GError **error)
{
  if (!_ed_pg_migrate_to (conn, ED_PG_SCHEMA_VERSION, error))
    return FALSE;
  ensure_later_indexes (conn);
  return TRUE;
}

/**
 * _ed_pg_migrate_to:
 * @target: a schema version, at most ED_PG_SCHEMA_VERSION
 *
 * Brings the office database to schema @target, as the build that wrote
 * it did: how a test makes a database of an older Entry Desk.
 */
gboolean
_ed_pg_migrate_to (PGconn  *conn,
                   int      target,
                   GError **error)
{
  g_autoptr(GError) local_error = NULL;
  int version;

  g_return_val_if_fail (target > 0 && target <= ED_PG_SCHEMA_VERSION, FALSE);

  version = read_version (conn, error);
  if (version < 0 || !check_newer (version, error))
    return FALSE;
  if (version >= target)
    return TRUE;

  /* The lock first, then the transaction: its snapshot sees what a desk
   * that had the lock before committed. */
  if (!_ed_pg_command (conn, "SELECT pg_advisory_lock (" MIGRATION_LOCK ")", 0, NULL, error))
    return FALSE;
  if (!_ed_pg_command (conn, "BEGIN", 0, NULL, &local_error) ||
      !migrate_locked (conn, target, &local_error) ||
      !_ed_pg_command (conn, "COMMIT", 0, NULL, &local_error))
    _ed_pg_rollback (conn);
  _ed_pg_command (conn, "SELECT pg_advisory_unlock (" MIGRATION_LOCK ")", 0, NULL, NULL);

  if (local_error != NULL)
    {
      if (g_error_matches (local_error, ED_ERROR, ED_ERROR_DENIED))
        {
          g_set_error (error, ED_ERROR, ED_ERROR_DENIED,
                       _("The office database is not set up for this Entry Desk yet (schema "
                         "%d). Connect once as its administrator role to set it up."),
                       ED_PG_SCHEMA_VERSION);
          return FALSE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}
