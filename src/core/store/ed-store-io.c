/* ed-store-io.c — export and import of one case as a JSON file
 *
 * An import is checked whole before anything is written, and written in
 * one transaction: a file that is malformed, partial or wrong anywhere
 * changes nothing, and the error lists every problem with its place.
 *
 * A case whose reference the store already has is refused unless
 * ED_IMPORT_NEW_REFERENCE is given: importing the same file twice would
 * otherwise make two cases that staff cannot tell apart, and quietly
 * renaming a reference that was given to a client or written on paper
 * would break it. With the flag, the copy gets a new reference.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ed-error.h"
#include "ed-json-guard.h"
#include "ed-store-private.h"

static gboolean
export_case (EdStore       *self,
             gint64         id,
             GFile         *file,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(EdCaseRecord) record = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  record = ed_store_backend_load_case (self->backend, id, TRUE, error);
  if (record == NULL)
    return FALSE;

  root = ed_case_record_to_json (record);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, &length);

  /* PRIVATE: 0600, it holds personal data. */
  stream = g_file_replace (file, NULL, FALSE,
                           G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                           cancellable, &local_error);
  if (stream == NULL ||
      !g_output_stream_write_all (G_OUTPUT_STREAM (stream), data, length, NULL, cancellable,
                                  &local_error) ||
      !g_output_stream_write_all (G_OUTPUT_STREAM (stream), "\n", 1, NULL, cancellable,
                                  &local_error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, ED_ERROR, ED_ERROR_IO, _("Could not write “%s”: %s"),
                   name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * ed_store_export_case:
 * @file: where to write; replaced if it exists, made readable by its
 *   owner only
 *
 * Writes the case file: the case's state, its travellers as in the
 * traveller file and its audit log. Unsaved changes are written first.
 */
gboolean
ed_store_export_case (EdStore       *self,
                      gint64         id,
                      GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_return_val_if_fail (ED_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (ed_store_has_unsaved_changes (self) && !ed_store_flush (self, error))
    return FALSE;

  return export_case (self, id, file, cancellable, error);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  EdStoreArgs *args = task_data;
  GError *error = NULL;

  if (export_case (source_object, args->id, args->data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
ed_store_export_case_async (EdStore             *self,
                            gint64               id,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (ED_IS_STORE (self));
  g_return_if_fail (G_IS_FILE (file));

  /* Queued after the saves of what was typed last. */
  _ed_store_queue_saves (self);
  _ed_store_run (self, ed_store_export_case_async, ED_STORE_WRITER, export_thread,
                 _ed_store_args_new (id, 0, g_object_ref (file), g_object_unref),
                 cancellable, callback, user_data);
}

gboolean
ed_store_export_case_finish (EdStore       *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static EdCaseRecord *
read_case_file (GFile         *file,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize length;

  /* A file too large for a case is not even read. */
  bytes = ed_json_guard_load (file, ED_JSON_MAX_SIZE, cancellable, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  return ed_case_record_new_from_data (data, length, name, error);
}

static EdCaseInfo *
import_case (EdStore        *self,
             GFile          *file,
             EdImportFlags   flags,
             GCancellable   *cancellable,
             GError        **error)
{
  g_autoptr(EdCaseRecord) record = NULL;

  record = read_case_file (file, cancellable, error);
  if (record == NULL ||
      !_ed_store_insert (self, record, (flags & ED_IMPORT_NEW_REFERENCE) != 0, error))
    return NULL;

  return ed_case_record_to_info (record);
}

/**
 * ed_store_import_case:
 * @flags: %ED_IMPORT_NEW_REFERENCE to import a case whose reference is
 *   taken under a new one
 *
 * Returns: (transfer full): the imported case, or %NULL with @error:
 *   %ED_ERROR_PARSE or %ED_ERROR_INVALID saying where the file is wrong,
 *   %ED_ERROR_EXISTS when the reference is taken. Nothing is changed
 *   then.
 */
EdCaseInfo *
ed_store_import_case (EdStore        *self,
                      GFile          *file,
                      EdImportFlags   flags,
                      GCancellable   *cancellable,
                      GError        **error)
{
  EdCaseInfo *info;

  g_return_val_if_fail (ED_IS_STORE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = import_case (self, file, flags, cancellable, error);
  if (info != NULL)
    _ed_store_emit_changed (self);

  return info;
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  EdStoreArgs *args = task_data;
  GError *error = NULL;
  EdCaseInfo *info = import_case (source_object, args->data, (EdImportFlags) args->number,
                                  cancellable, &error);

  if (info != NULL)
    g_task_return_pointer (task, info, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
ed_store_import_case_async (EdStore             *self,
                            GFile               *file,
                            EdImportFlags        flags,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (ED_IS_STORE (self));
  g_return_if_fail (G_IS_FILE (file));

  _ed_store_run (self, ed_store_import_case_async, ED_STORE_WRITER, import_thread,
                 _ed_store_args_new (0, flags, g_object_ref (file), g_object_unref),
                 cancellable, callback, user_data);
}

/**
 * ed_store_import_case_finish:
 *
 * Returns: (transfer full): as ed_store_import_case()
 */
EdCaseInfo *
ed_store_import_case_finish (EdStore       *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  EdCaseInfo *info;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  info = g_task_propagate_pointer (G_TASK (result), error);
  if (info != NULL)
    _ed_store_emit_changed (self);

  return info;
}
