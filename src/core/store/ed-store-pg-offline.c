/* ed-store-pg-offline.c — new cases made while the office database is away
 *
 * A case made offline waits in the offline queue like any save, but it
 * needs an id and a reference that no other desk can give one of its
 * own cases meanwhile:
 * - the id: a desk reserves a few while it can reach the server, from
 *   the sequence every case's id comes from (nextval() never gives a
 *   number twice), so no row is written for them;
 * - the reference: made of the id, one to one, and starting with
 *   ED_PG_OFFLINE_MARK, which the references made online never do
 *   (ed-store-pg-cases.c). Two desks offline have different ids, so
 *   different references; a desk online never makes one of these.
 *   Only a case brought in from a desk's own store, whose reference was
 *   made there, could hold one: the case made offline then gets a new
 *   reference when it is sent.
 *
 * In the queue such a case is a save of version 0: the server's
 * versions start at 1. Sent, it is inserted under its id.
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
/* What of an id the reference holds: five characters of base32. */
#define ID_BITS 25

#define INT_TEXT(name, value) \
  char name[24]; \
  g_snprintf (name, sizeof name, "%" G_GINT64_FORMAT, (gint64) (value))

static GPtrArray *(*server_search) (EdStoreBackend *, const char *, EdCaseQueryFlags, guint,
                                    GCancellable *, GError **);

/* The reference of the case made offline under @id: the mark, then the
 * id's low bits, mixed one to one (an odd factor and a constant) so that
 * cases made one after the other do not read alike. */
static char *
offline_reference (gint64 id)
{
  static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  guint32 mask = (1u << ID_BITS) - 1;
  guint32 n = ((((guint32) id & mask) * 0x2B3A6E5u) ^ 0x15A5C3u) & mask;
  char *reference = g_malloc (ED_CASE_REFERENCE_LENGTH + 1);

  reference[0] = ED_PG_OFFLINE_MARK;
  for (int i = ED_CASE_REFERENCE_LENGTH - 1; i > 0; i--, n >>= 5)
    reference[i] = alphabet[n & 31];
  reference[ED_CASE_REFERENCE_LENGTH] = '\0';
  return reference;
}

/**
 * _ed_pg_reserve:
 *
 * Tops up the ids this desk holds for new cases made offline, on @conn
 * (the writer's, whose lock the caller holds). A role that may not add
 * cases gets none.
 */
void
_ed_pg_reserve (EdStorePg *self,
                PGconn    *conn)
{
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint have;

  g_mutex_lock (&self->queue_lock);
  have = self->reserved->len;
  g_mutex_unlock (&self->queue_lock);
  if (have >= N_RESERVED || self->read_only)
    return;

  {
    INT_TEXT (wanted, N_RESERVED - have);
    const char *values[] = { wanted };

    result = _ed_pg_exec (conn, "SELECT nextval ('cases_id_seq') FROM generate_series (1, $1)",
                          1, values, &error);
  }
  if (result == NULL)
    {
      g_debug ("No case ids reserved for working offline: %s", error->message);
      return;
    }

  g_mutex_lock (&self->queue_lock);
  for (int row = 0; row < PQntuples (result); row++)
    {
      gint64 id = _ed_pg_int64 (result, row, 0);

      g_array_append_val (self->reserved, id);
    }
  g_mutex_unlock (&self->queue_lock);
}

/**
 * _ed_pg_insert_offline:
 *
 * Keeps @record, a new case, in the offline queue under a reserved id.
 */
gboolean
_ed_pg_insert_offline (EdStorePg     *self,
                       EdCaseRecord  *record,
                       GError       **error)
{
  gint64 id;
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
  id = g_array_index (self->reserved, gint64, 0);
  g_array_remove_index (self->reserved, 0);

  record->id = id;
  record->version = 0;
  g_free (record->reference);
  record->reference = offline_reference (id);
  g_free (record->changed_by);
  record->changed_by = g_strdup (self->role);
  ok = _ed_pg_queue_put (self->queue, record, error);
  if (!ok)
    g_array_prepend_val (self->reserved, id);
  g_mutex_unlock (&self->queue_lock);

  return ok;
}

/**
 * _ed_pg_send_new:
 *
 * Adds @record, a case made offline, under its id; on the writer
 * connection, whose lock the caller holds. Sets its version. A case
 * that is there already was sent before, and its answer lost: the same
 * case is sent; another is a conflict (%ED_ERROR_CONFLICT).
 */
gboolean
_ed_pg_send_new (EdStorePg     *self,
                 EdCaseRecord  *record,
                 GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(EdCaseRecord) there = NULL;

  if (!_ed_pg_link_ready (self, &self->writer, error))
    return FALSE;
  /* The connection of before the server went away can look alive until
   * used: once more on a new one. */
  there = _ed_pg_read_case (self->writer.conn, record->id, FALSE, &local_error);
  if (there == NULL && _ed_pg_error_is_offline (local_error))
    {
      g_clear_error (&local_error);
      g_clear_pointer (&self->writer.conn, PQfinish);
      if (!_ed_pg_link_ready (self, &self->writer, error))
        return FALSE;
      there = _ed_pg_read_case (self->writer.conn, record->id, FALSE, &local_error);
    }

  if (there != NULL)
    {
      if (!ed_case_record_same_content (there, record))
        {
          g_autofree char *shown = ed_case_reference_format (record->reference);

          g_set_error (error, ED_ERROR, ED_ERROR_CONFLICT,
                       _("The case %s was changed on another desk (by %s) since this desk "
                         "read it; nothing was overwritten"), shown, there->changed_by);
          return FALSE;
        }
      record->version = there->version;
      g_free (record->changed_by);
      record->changed_by = g_strdup (there->changed_by);
      return TRUE;
    }
  if (!g_error_matches (local_error, ED_ERROR, ED_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return _ed_pg_insert_reserved (self->writer.conn, record, error);
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
  /* A connection of before a restart of the server fails once, and is
   * made again the next time: that next time is now. */
  if (found == NULL && _ed_pg_error_is_offline (local_error) &&
      !g_atomic_int_get (&self->offline))
    {
      g_clear_error (&local_error);
      found = server_search (backend, text, flags, limit, cancellable, &local_error);
    }

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
