/* ed-store-search.c — search as you type, and finding a case by reference
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ed-case-reference.h"
#include "ed-error.h"
#include "ed-store-private.h"

/**
 * ed_store_search:
 * @text: (nullable): what the user typed: names in any script, a
 *   passport number, a reference, or parts of them; %NULL or "" lists
 *   the cases, the most recently changed first
 * @flags: whether closed cases are included
 * @limit: the most rows to return, 0 for all (ED_STORE_SEARCH_LIMIT
 *   keeps a keystroke under one frame)
 *
 * Returns: (transfer container) (element-type EdCaseInfo): the cases
 *   found, best first; %NULL with @error when the store cannot be read
 *   or @cancellable was cancelled
 */
GPtrArray *
ed_store_search (EdStore           *self,
                 const char        *text,
                 EdCaseQueryFlags   flags,
                 guint              limit,
                 GCancellable      *cancellable,
                 GError           **error)
{
  g_return_val_if_fail (ED_IS_STORE (self), NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return ed_store_backend_search (self->backend, text, flags, limit, cancellable, error);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  EdStoreArgs *args = task_data;
  GError *error = NULL;
  GPtrArray *infos;

  infos = ed_store_search (source_object, args->data, (EdCaseQueryFlags) args->number,
                           (guint) args->id, cancellable, &error);
  if (infos != NULL)
    g_task_return_pointer (task, infos, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

/**
 * ed_store_search_async:
 *
 * ed_store_search() in another thread. Cancel the previous search when
 * the text changes: a cancelled search stops within a millisecond.
 */
void
ed_store_search_async (EdStore             *self,
                       const char          *text,
                       EdCaseQueryFlags     flags,
                       guint                limit,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_return_if_fail (ED_IS_STORE (self));

  /* The limit rides in the id. */
  _ed_store_run (self, ed_store_search_async, ED_STORE_READER, search_thread,
                 _ed_store_args_new (limit, flags, g_strdup (text), g_free),
                 cancellable, callback, user_data);
}

/**
 * ed_store_search_finish:
 *
 * Returns: (transfer container) (element-type EdCaseInfo): as
 *   ed_store_search()
 */
GPtrArray *
ed_store_search_finish (EdStore       *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ed_store_find_case:
 * @typed_reference: a reference as typed ("ed-7k3m-q9", "7K3MQ9")
 *
 * Returns: (transfer full): the case, or %NULL with %ED_ERROR_NOT_FOUND
 */
EdCaseInfo *
ed_store_find_case (EdStore     *self,
                    const char  *typed_reference,
                    GError     **error)
{
  g_autofree char *reference = NULL;
  g_autoptr(GError) local_error = NULL;
  EdCaseInfo *info;

  g_return_val_if_fail (ED_IS_STORE (self), NULL);
  g_return_val_if_fail (typed_reference != NULL, NULL);

  reference = ed_case_reference_normalize (typed_reference);
  if (reference == NULL)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                   _("“%s” is not a case reference such as ED-7K3M-Q9"), typed_reference);
      return NULL;
    }

  info = ed_store_backend_find_case (self->backend, reference, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (info == NULL)
    {
      g_autofree char *shown = ed_case_reference_format (reference);

      g_set_error (error, ED_ERROR, ED_ERROR_NOT_FOUND, _("There is no case %s"), shown);
      return NULL;
    }

  return info;
}
