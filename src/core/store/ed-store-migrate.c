/* ed-store-migrate.c — moving a desk's cases into the office database
 *
 * Every case of a desk's own store (not in its trash), with its sheet
 * log, copied into an office database once: the database notes where
 * each came from, so that running it again copies only what is new. The
 * desk's file is only read, and kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-error.h"
#include "ed-store-pg.h"
#include "ed-store-private.h"

/**
 * ed_store_migrate:
 * @from: a desk's own store
 * @to: an office database
 * @func: (nullable): told of each case, as it is done
 * @counts: (out caller-allocates) (array fixed-size=3): how many were
 *   copied, copied under a new reference, and found already copied
 *
 * Returns: %FALSE with @error when a case could not be copied (those
 *   before it are copied; running it again goes on from there)
 */
gboolean
ed_store_migrate (EdStore          *from,
                  EdStore          *to,
                  EdMigrateFunc     func,
                  gpointer          user_data,
                  guint             counts[3],
                  GCancellable     *cancellable,
                  GError          **error)
{
  g_autoptr(GPtrArray) infos = NULL;
  g_autofree char *source = NULL;
  g_autofree char *path = NULL;
  EdStoreBackend *target;

  g_return_val_if_fail (ED_IS_STORE (from) && ED_IS_STORE (to), FALSE);

  memset (counts, 0, 3 * sizeof (guint));
  target = ed_store_get_backend (to);
  if (!ED_IS_STORE_PG (target))
    {
      g_set_error (error, ED_ERROR, ED_ERROR_UNSUPPORTED,
                   _("Cases are moved into an office database: give a postgresql:// address"));
      return FALSE;
    }

  path = g_canonicalize_filename (ed_store_get_path (from), NULL);
  source = g_strdup_printf ("%s:%s", g_get_host_name (), path);

  infos = ed_store_backend_search (from->backend, "", ED_CASE_QUERY_INCLUDE_CLOSED, 0,
                                   cancellable, error);
  if (infos == NULL)
    return FALSE;

  /* Oldest first: the office's list then shows them as the desk did. */
  for (guint i = infos->len; i > 0; i--)
    {
      EdCaseInfo *info = g_ptr_array_index (infos, i - 1);
      g_autoptr(EdCaseRecord) record = NULL;
      EdPgImported how;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      record = ed_store_backend_load_case (from->backend, ed_case_info_get_id (info), TRUE,
                                           error);
      /* With its deadlines, worked out with @to's catalog if it has one. */
      if (record != NULL)
        _ed_store_prepare_due (to, record);
      if (record == NULL ||
          !ed_store_pg_import_case (ED_STORE_PG (target), source, record, &how, error))
        {
          g_prefix_error (error, _("Case %s was not moved: "), ed_case_info_get_reference (info));
          return FALSE;
        }

      counts[how]++;
      if (func != NULL)
        func (info, how, record->reference, user_data);
    }

  return TRUE;
}
