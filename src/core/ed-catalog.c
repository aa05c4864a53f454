/* ed-catalog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-catalog.h"
#include "ed-error.h"
#include "ed-paths.h"

struct _EdCatalog
{
  GObject     parent_instance;

  GListStore *procedures;   /* EdProcedure, in the order of compare_procedures() */
  GHashTable *by_id;        /* id → EdProcedure */
  GPtrArray  *errors;       /* GError, one a file skipped */
};

G_DEFINE_FINAL_TYPE (EdCatalog, ed_catalog, G_TYPE_OBJECT)

static void
ed_catalog_finalize (GObject *object)
{
  EdCatalog *self = ED_CATALOG (object);

  g_clear_object (&self->procedures);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->errors, g_ptr_array_unref);

  G_OBJECT_CLASS (ed_catalog_parent_class)->finalize (object);
}

static void
ed_catalog_class_init (EdCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ed_catalog_finalize;
}

static void
ed_catalog_init (EdCatalog *self)
{
  self->procedures = g_list_store_new (ED_TYPE_PROCEDURE);
  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
}

EdCatalog *
ed_catalog_new (void)
{
  return g_object_new (ED_TYPE_CATALOG, NULL);
}

/* By country, then subdivision (a national procedure before the
 * regional ones), then id: staff look for a place first. */
static int
compare_procedures (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  EdProcedure *pa = (EdProcedure *) a;
  EdProcedure *pb = (EdProcedure *) b;
  const char *sa = ed_procedure_get_subdivision (pa);
  const char *sb = ed_procedure_get_subdivision (pb);
  int order;

  order = g_strcmp0 (ed_procedure_get_country (pa), ed_procedure_get_country (pb));
  if (order != 0)
    return order;

  if ((sa == NULL) != (sb == NULL))
    return sa == NULL ? -1 : 1;
  order = g_strcmp0 (sa, sb);
  if (order != 0)
    return order;

  return g_strcmp0 (ed_procedure_get_id (pa), ed_procedure_get_id (pb));
}

/**
 * ed_catalog_add:
 *
 * Adds @procedure, replacing the one with the same id.
 */
void
ed_catalog_add (EdCatalog   *self,
                EdProcedure *procedure)
{
  EdProcedure *old;
  guint position;

  g_return_if_fail (ED_IS_CATALOG (self));
  g_return_if_fail (ED_IS_PROCEDURE (procedure));

  old = g_hash_table_lookup (self->by_id, ed_procedure_get_id (procedure));
  if (old != NULL && g_list_store_find (self->procedures, old, &position))
    g_list_store_remove (self->procedures, position);

  g_hash_table_replace (self->by_id, g_strdup (ed_procedure_get_id (procedure)),
                        g_object_ref (procedure));
  g_list_store_insert_sorted (self->procedures, procedure, compare_procedures, NULL);
}

static gboolean
same_directory (const char *path,
                const char *other)
{
  g_autofree char *dir = NULL;
  g_autofree char *other_dir = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *other_canonical = NULL;

  if (path == NULL || other == NULL)
    return FALSE;

  dir = g_path_get_dirname (path);
  other_dir = g_path_get_dirname (other);
  canonical = g_canonicalize_filename (dir, NULL);
  other_canonical = g_canonicalize_filename (other_dir, NULL);

  return strcmp (canonical, other_canonical) == 0;
}

/**
 * ed_catalog_add_file:
 *
 * Reads a procedure file and adds it; it replaces a procedure of the same
 * id read from another directory (later wins). A bad file, or a second
 * file of the same directory with an id already there, is skipped and
 * its error kept (ed_catalog_get_errors()).
 *
 * Returns: whether the file was added
 */
gboolean
ed_catalog_add_file (EdCatalog   *self,
                     const char  *path,
                     EdOrigin     origin,
                     GError     **error)
{
  g_autoptr(EdProcedure) procedure = NULL;
  g_autoptr(GError) local_error = NULL;
  EdProcedure *old;

  g_return_val_if_fail (ED_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  procedure = ed_procedure_new_from_file (path, origin, &local_error);
  if (procedure != NULL)
    {
      old = g_hash_table_lookup (self->by_id, ed_procedure_get_id (procedure));
      if (old != NULL && same_directory (ed_procedure_get_path (old), path))
        g_set_error (&local_error, ED_ERROR, ED_ERROR_INVALID,
                     /* Translators: a file, then the id, then the other file */
                     _("%s: id: the id “%s” is already used by %s in the same folder"),
                     path, ed_procedure_get_id (procedure), ed_procedure_get_path (old));
    }

  if (local_error != NULL)
    {
      g_ptr_array_add (self->errors, g_error_copy (local_error));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  ed_catalog_add (self, procedure);
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * ed_catalog_list_directory:
 * @error: set when the directory exists but cannot be read
 *
 * Returns: (transfer full) (element-type filename): the paths of the
 *   procedure files (`*.json`, hidden files left out) of @path, sorted by
 *   name; empty when @path does not exist; %NULL on error
 */
GPtrArray *
ed_catalog_list_directory (const char  *path,
                           GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_dir_open (path, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&names);

      g_set_error (error, ED_ERROR, ED_ERROR_IO,
                   /* Translators: a folder, then why it could not be read */
                   _("%s: could not read the folder: %s"), path, local_error->message);
      return NULL;
    }

  /* Hidden files are editors' backups and locks, not procedures. */
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.' && g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));

  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      char *file = g_build_filename (path, g_ptr_array_index (names, i), NULL);

      g_free (g_ptr_array_index (names, i));
      names->pdata[i] = file;
    }

  return g_steal_pointer (&names);
}

/**
 * ed_catalog_load_directory:
 *
 * Adds every procedure file of @path (see ed_catalog_list_directory()),
 * in the order of their names. A directory that does not exist is not an
 * error: most users have no procedures of their own.
 */
void
ed_catalog_load_directory (EdCatalog  *self,
                           const char *path,
                           EdOrigin    origin)
{
  g_autoptr(GPtrArray) files = NULL;
  GError *error = NULL;

  g_return_if_fail (ED_IS_CATALOG (self));
  g_return_if_fail (path != NULL);

  files = ed_catalog_list_directory (path, &error);
  if (files == NULL)
    {
      g_ptr_array_add (self->errors, error);
      return;
    }

  for (guint i = 0; i < files->len; i++)
    ed_catalog_add_file (self, g_ptr_array_index (files, i), origin, NULL);
}

/**
 * ed_catalog_load_default:
 *
 * Loads, later winning by id: the procedures installed with the app
 * (ENTRY_DESK_DATADIR overrides where), the user's own in
 * `$XDG_DATA_HOME/entry-desk/procedures/`, then the last downloaded
 * update in `$XDG_DATA_HOME/entry-desk/updates/current/`.
 */
void
ed_catalog_load_default (EdCatalog *self)
{
  g_autofree char *system_dir = ed_paths_system_procedures_dir ();
  g_autofree char *user_dir = ed_paths_user_procedures_dir ();
  g_autofree char *updates_dir = ed_paths_updates_current_dir ();

  g_return_if_fail (ED_IS_CATALOG (self));

  ed_catalog_load_directory (self, system_dir, ED_ORIGIN_SYSTEM);
  ed_catalog_load_directory (self, user_dir, ED_ORIGIN_USER);
  ed_catalog_load_directory (self, updates_dir, ED_ORIGIN_UPDATE);
}

/**
 * ed_catalog_get_procedures:
 *
 * Returns: (transfer none): the procedures (#EdProcedure), sorted by
 *   country, then subdivision (national procedures first), then id
 */
GListModel *
ed_catalog_get_procedures (EdCatalog *self)
{
  g_return_val_if_fail (ED_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->procedures);
}

/* Returns: (transfer none) (nullable): the procedure with @id */
EdProcedure *
ed_catalog_lookup (EdCatalog  *self,
                   const char *id)
{
  g_return_val_if_fail (ED_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, id);
}

/**
 * ed_catalog_get_errors:
 *
 * Returns: (transfer none) (element-type GError): one error for every
 *   file skipped, in the order read; each message names the file and,
 *   one a line, every problem with its place
 */
GPtrArray *
ed_catalog_get_errors (EdCatalog *self)
{
  g_return_val_if_fail (ED_IS_CATALOG (self), NULL);
  return self->errors;
}
