/* ed-store-pg-offline.c — new cases made while the office database is away
 *
 * A case made offline waits in the offline queue like any save, but it
 * needs a reference and an id that no other desk can give one of its
 * own cases meanwhile. So a desk reserves a few of each while it can
 * reach the server: a reservation is a row of the cases table, in the
 * trash (no list, search or load shows it), holding only its reference
 * and {"entry_desk_reserved": desk}. Its reference and id are taken, as
 * any case's, so no insert anywhere can have them. A case made offline
 * takes one; sent, it is written over its reservation and taken out of
 * the trash, in one transaction. A reservation older than a day is
 * expunged as any trash (ed-store-pg.c): a desk offline longer makes
 * its reservation again when it sends, under a new reference if a
 * desk took that one since.
 *
 * In the queue such a case is a save of version 0: the server's
 * versions start at 1.
 *
 * While saves wait, the list shows them: the cases made here first,
 * then what the server found (or, offline, what it found last time for
 * the same search), each waiting case as this desk has it and marked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-case-info-private.h"
#include "ed-case-reference.h"
#include "ed-error.h"
#include "ed-search-text.h"
#include "ed-store-pg-private.h"

/* New cases a desk can make offline before it reaches the server again. */
#define N_RESERVED 8
/* Searches whose last answer is kept for working offline. */
#define N_FOUND_KEPT 16

#define INT_TEXT(name, value) \
  char name[24]; \
  g_snprintf (name, sizeof name, "%" G_GINT64_FORMAT, (gint64) (value))

static GPtrArray *(*server_search) (EdStoreBackend *, const char *, EdCaseQueryFlags, guint,
                                    GCancellable *, GError **);

typedef EdPgReservation Reservation;
G_STATIC_ASSERT (ED_CASE_REFERENCE_LENGTH < sizeof ((Reservation *) NULL)->reference);

/* A reservation's row; $1 the reference, $2 the desk, $3 the id or NULL. */
#define RESERVE_SQL \
  "INSERT INTO cases (id, reference, procedure_id, procedure_version, status, created, " \
  "modified, data, trashed) VALUES (coalesce ($3::bigint, nextval ('cases_id_seq')), $1, " \
  "'', 0, 'open', 0, 0, jsonb_build_object ('entry_desk_reserved', $2::text), now ()) " \
  "ON CONFLICT DO NOTHING RETURNING id"

static gboolean
reserve_one (EdStorePg    *self,
             PGconn       *conn,
             gint64        id,
             Reservation  *reservation,
             GError      **error)
{
  for (guint tries = 0; tries < 16; tries++)
    {
      g_autofree char *reference = ed_case_reference_generate ();
      g_autoptr(PGresult) result = NULL;
      INT_TEXT (id_text, id);
      const char *values[] = { reference, self->desk, id > 0 ? id_text : NULL };

      /* Sent after its reservation went: its own reference first. */
      if (tries == 0 && reservation->reference[0] != '\0')
        g_strlcpy (reference, reservation->reference, ED_CASE_REFERENCE_LENGTH + 1);
      result = _ed_pg_exec (conn, RESERVE_SQL, 3, values, error);
      if (result == NULL)
        return FALSE;
      if (PQntuples (result) == 1)
        {
          reservation->id = _ed_pg_int64 (result, 0, 0);
          g_strlcpy (reservation->reference, reference, sizeof reservation->reference);
          return TRUE;
        }
    }

  g_set_error (error, ED_ERROR, ED_ERROR_IO, _("No free case reference was found"));
  return FALSE;
}

/**
 * _ed_pg_reserve:
 *
 * Tops up this desk's reservations, on @conn (the writer's, whose lock
 * the caller holds). A role that may not add cases makes none.
 */
void
_ed_pg_reserve (EdStorePg *self,
                PGconn    *conn)
{
  guint have;

  g_mutex_lock (&self->queue_lock);
  have = self->reserved->len;
  g_mutex_unlock (&self->queue_lock);

  for (; have < N_RESERVED; have++)
    {
      g_autoptr(GError) error = NULL;
      Reservation reservation = { 0 };

      if (!reserve_one (self, conn, 0, &reservation, &error))
        {
          g_debug ("No case reference reserved for working offline: %s", error->message);
          return;
        }
      g_mutex_lock (&self->queue_lock);
      g_array_append_val (self->reserved, reservation);
      g_mutex_unlock (&self->queue_lock);
    }
}

/**
 * _ed_pg_insert_offline:
 *
 * Keeps @record, a new case, in the offline queue under a reservation.
 */
gboolean
_ed_pg_insert_offline (EdStorePg     *self,
                       EdCaseRecord  *record,
                       GError       **error)
{
  Reservation reservation;
  gboolean ok;

  g_mutex_lock (&self->queue_lock);
  if (self->reserved->len == 0)
    {
      g_mutex_unlock (&self->queue_lock);
      g_set_error (error, ED_ERROR, ED_ERROR_OFFLINE,
                   _("A new case cannot be added while the office database cannot be "
                     "reached; try again when it is back"));
      return FALSE;
    }
  reservation = g_array_index (self->reserved, Reservation, 0);
  g_array_remove_index (self->reserved, 0);

  record->id = reservation.id;
  record->version = 0;
  g_free (record->reference);
  record->reference = g_strdup (reservation.reference);
  g_free (record->changed_by);
  record->changed_by = g_strdup (self->role);
  ok = _ed_pg_queue_put (self->queue, record, error);
  if (!ok)
    g_array_prepend_val (self->reserved, reservation);
  g_mutex_unlock (&self->queue_lock);

  return ok;
}

/**
 * _ed_pg_send_new:
 *
 * Writes @record, a case made offline, over its reservation and out of
 * the trash; on the writer connection, whose lock the caller holds.
 * Sets its version; a new reference when its reservation had gone and
 * another desk took that one since.
 */
gboolean
_ed_pg_send_new (EdStorePg     *self,
                 EdCaseRecord  *record,
                 GError       **error)
{
  PGconn *conn;
  g_autoptr(PGresult) reserved = NULL;
  g_autoptr(PGresult) shown = NULL;
  INT_TEXT (id, record->id);
  const char *values[] = { id };

  if (!_ed_pg_link_ready (self, &self->writer, error))
    return FALSE;
  /* The connection of before the server went away can look alive until
   * used: once more on a new one. */
  if (!_ed_pg_command (self->writer.conn, "BEGIN", 0, NULL, NULL))
    {
      g_clear_pointer (&self->writer.conn, PQfinish);
      if (!_ed_pg_link_ready (self, &self->writer, error) ||
          !_ed_pg_command (self->writer.conn, "BEGIN", 0, NULL, error))
        return FALSE;
    }
  conn = self->writer.conn;

  reserved = _ed_pg_exec (conn, "SELECT version, reference FROM cases WHERE id = $1 "
                                "AND trashed IS NOT NULL AND data ? 'entry_desk_reserved' "
                                "FOR UPDATE", 1, values, error);
  if (reserved != NULL && PQntuples (reserved) == 0)
    {
      Reservation again = { 0 };

      g_strlcpy (again.reference, record->reference, sizeof again.reference);
      g_clear_pointer (&reserved, PQclear);
      if (reserve_one (self, conn, record->id, &again, error))
        reserved = _ed_pg_exec (conn, "SELECT version, reference FROM cases WHERE id = $1",
                                1, values, error);
      if (reserved != NULL && PQntuples (reserved) == 0)
        {
          /* The id is a case's: the reservation was sent already. */
          g_clear_pointer (&reserved, PQclear);
          g_set_error (error, ED_ERROR, ED_ERROR_EXISTS, _("The case is already in the store"));
        }
    }
  if (reserved == NULL)
    {
      _ed_pg_rollback (conn);
      return FALSE;
    }

  g_free (record->reference);
  record->reference = g_strdup (_ed_pg_text (reserved, 0, 1));
  record->version = _ed_pg_int64 (reserved, 0, 0);
  if (!_ed_pg_update_case (conn, record, error))
    {
      _ed_pg_rollback (conn);
      return FALSE;
    }
  shown = _ed_pg_exec (conn, "UPDATE cases SET trashed = NULL WHERE id = $1 "
                             "RETURNING version, changed_by", 1, values, error);
  if (shown == NULL || !_ed_pg_command (conn, "COMMIT", 0, NULL, error))
    {
      _ed_pg_rollback (conn);
      return FALSE;
    }

  record->version = _ed_pg_int64 (shown, 0, 0);
  g_free (record->changed_by);
  record->changed_by = g_strdup (_ed_pg_text (shown, 0, 1));
  return TRUE;
}

/* Whether @record is found by @query, as the server would find it. */
static gboolean
record_matches (EdCaseRecord        *record,
                const EdSearchQuery *query,
                EdCaseQueryFlags     flags)
{
  g_autofree char *tokens = NULL;
  g_auto(GStrv) split = NULL;

  if (query->exact_reference != NULL && g_strcmp0 (query->exact_reference, record->reference) == 0)
    return TRUE;
  if (record->status != ED_CASE_OPEN && (flags & ED_CASE_QUERY_INCLUDE_CLOSED) == 0)
    return FALSE;

  tokens = ed_search_case_tokens (record->reference, record->travellers);
  split = g_strsplit (tokens, " ", -1);
  for (guint w = 0; query->words[w] != NULL; w++)
    {
      gboolean found = FALSE;

      for (guint t = 0; !found && split[t] != NULL; t++)
        {
          const char *token = split[t];

          if (token[0] == ED_SEARCH_INNER_MARK)
            {
              if (query->match_inner == NULL)
                continue;
              token++;
            }
          found = g_str_has_prefix (token, query->words[w]);
        }
      if (!found)
        return FALSE;
    }

  return TRUE;
}

static EdCaseInfo *
waiting_info (EdCaseRecord *record)
{
  EdCaseInfo *info = ed_case_record_to_info (record);

  _ed_case_info_set_waiting (info, TRUE);
  return info;
}

/* The answer: the cases made here that the search finds, then @found,
 * with what waits of them as this desk has it. */
static GPtrArray *
with_queue (EdStorePg        *self,
            GPtrArray        *found,
            const char       *text,
            EdCaseQueryFlags  flags,
            guint             limit)
{
  g_autoptr(EdSearchQuery) query = ed_search_query_new (text);
  g_autoptr(GPtrArray) waiting = NULL;
  g_autoptr(GHashTable) queued = g_hash_table_new (g_int64_hash, g_int64_equal);
  GPtrArray *infos = g_ptr_array_new_with_free_func (g_object_unref);

  g_mutex_lock (&self->queue_lock);
  waiting = _ed_pg_queue_copy_all (self->queue);
  g_mutex_unlock (&self->queue_lock);

  for (guint i = 0; i < waiting->len; i++)
    {
      EdCaseRecord *record = g_ptr_array_index (waiting, i);

      g_hash_table_insert (queued, &record->id, record);
      if (record->version == 0 && record_matches (record, query, flags))
        g_ptr_array_add (infos, waiting_info (record));
    }

  for (guint i = 0; i < found->len; i++)
    {
      EdCaseInfo *info = g_ptr_array_index (found, i);
      gint64 id = ed_case_info_get_id (info);
      EdCaseRecord *record = g_hash_table_lookup (queued, &id);

      if (record == NULL)
        g_ptr_array_add (infos, g_object_ref (info));
      else if (record->version != 0)
        g_ptr_array_add (infos, waiting_info (record));
    }

  if (limit > 0 && infos->len > limit)
    g_ptr_array_set_size (infos, limit);
  return infos;
}

static GPtrArray *
search_with_queue (EdStoreBackend    *backend,
                   const char        *text,
                   EdCaseQueryFlags   flags,
                   guint              limit,
                   GCancellable      *cancellable,
                   GError           **error)
{
  EdStorePg *self = ED_STORE_PG (backend);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *key = g_strdup_printf ("%u %u %s", flags, limit, text != NULL ? text : "");

  found = server_search (backend, text, flags, limit, cancellable, &local_error);

  g_mutex_lock (&self->found_lock);
  if (found != NULL)
    {
      if (g_hash_table_size (self->found) >= N_FOUND_KEPT)
        g_hash_table_remove_all (self->found);
      g_hash_table_replace (self->found, g_strdup (key), g_ptr_array_ref (found));
    }
  else if (_ed_pg_error_is_offline (local_error) &&
           g_hash_table_lookup (self->found, key) != NULL)
    {
      found = g_ptr_array_ref (g_hash_table_lookup (self->found, key));
      g_clear_error (&local_error);
    }
  g_mutex_unlock (&self->found_lock);

  /* Offline without an earlier answer: the cases made here, if any. */
  if (found == NULL && _ed_pg_error_is_offline (local_error) && ed_store_pg_get_n_queued (self))
    {
      found = g_ptr_array_new_with_free_func (g_object_unref);
      g_clear_error (&local_error);
    }
  if (found == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return with_queue (self, found, text, flags, limit);
}

void
_ed_store_pg_offline_iface (EdStoreBackendInterface *iface)
{
  server_search = iface->search;
  iface->search = search_with_queue;
}
