/* ed-catalog.c
 *
 * The store computes a case's next deadline on its worker threads, so
 * a procedure may be looked up from any thread
 * (ed_catalog_dup_procedure()): the lookup table is changed and read
 * under @lock. The list models are the main thread's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-catalog.h"
#include "ed-error.h"
#include "ed-journey.h"
#include "ed-paths.h"
#include "ed-procedure-private.h"

struct _EdCatalog
{
  GObject     parent_instance;

  GListStore *procedures;   /* EdProcedure, in the order of compare_procedures() */
  GHashTable *by_id;        /* id → EdProcedure; under @lock */
  GListStore *journeys;     /* EdJourney, by id */
  GHashTable *journeys_by_id;
  GPtrArray  *errors;       /* GError, one a file skipped */
  GPtrArray  *folders;      /* EdCatalogFolder: what ed_catalog_reload_async() reads again */
  GMutex      lock;
};

typedef enum
{
  FOLDER_PROCEDURES,
  FOLDER_JOURNEYS,
} FolderKind;

typedef struct
{
  char       *path;
  EdOrigin    origin;
  FolderKind  kind;
} EdCatalogFolder;

G_DEFINE_FINAL_TYPE (EdCatalog, ed_catalog, G_TYPE_OBJECT)

static void
ed_catalog_finalize (GObject *object)
{
  EdCatalog *self = ED_CATALOG (object);

  g_clear_object (&self->procedures);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_object (&self->journeys);
  g_clear_pointer (&self->journeys_by_id, g_hash_table_unref);
  g_mutex_clear (&self->lock);
  g_clear_pointer (&self->errors, g_ptr_array_unref);
  g_clear_pointer (&self->folders, g_ptr_array_unref);

  G_OBJECT_CLASS (ed_catalog_parent_class)->finalize (object);
}

static void
folder_free (EdCatalogFolder *folder)
{
  g_free (folder->path);
  g_free (folder);
}

static EdCatalogFolder *
folder_copy (const EdCatalogFolder *folder)
{
  EdCatalogFolder *copy = g_new0 (EdCatalogFolder, 1);

  copy->path = g_strdup (folder->path);
  copy->origin = folder->origin;
  copy->kind = folder->kind;
  return copy;
}

static void
remember_folder (EdCatalog  *self,
                 const char *path,
                 EdOrigin    origin,
                 FolderKind  kind)
{
  EdCatalogFolder folder = { (char *) path, origin, kind };

  for (guint i = 0; i < self->folders->len; i++)
    {
      const EdCatalogFolder *known = g_ptr_array_index (self->folders, i);

      if (known->origin == origin && known->kind == kind && strcmp (known->path, path) == 0)
        return;
    }

  g_ptr_array_add (self->folders, folder_copy (&folder));
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
  self->journeys = g_list_store_new (ED_TYPE_JOURNEY);
  self->journeys_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                g_object_unref);
  g_mutex_init (&self->lock);
  self->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  self->folders = g_ptr_array_new_with_free_func ((GDestroyNotify) folder_free);
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

/* A status says "Replaced by" the successor's title, not its id, once the
 * catalog holds both, in whichever order they came. */
static void
name_successors (EdCatalog   *self,
                 EdProcedure *procedure)
{
  const char *id = ed_procedure_get_id (procedure);
  const char *successor_id = ed_procedure_get_superseded_by (procedure);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->procedures));

  if (successor_id != NULL)
    {
      EdProcedure *successor = g_hash_table_lookup (self->by_id, successor_id);

      if (successor != NULL)
        _ed_procedure_set_successor_title (procedure, ed_procedure_get_title (successor));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EdProcedure) other = g_list_model_get_item (G_LIST_MODEL (self->procedures), i);

      if (g_strcmp0 (ed_procedure_get_superseded_by (other), id) == 0)
        _ed_procedure_set_successor_title (other, ed_procedure_get_title (procedure));
    }
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

  g_mutex_lock (&self->lock);
  g_hash_table_replace (self->by_id, g_strdup (ed_procedure_get_id (procedure)),
                        g_object_ref (procedure));
  g_mutex_unlock (&self->lock);
  g_list_store_insert_sorted (self->procedures, procedure, compare_procedures, NULL);
  name_successors (self, procedure);
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

/* Two files of one folder with the same id are a mistake; a later
 * folder's file replacing an earlier one's is how overrides work. */
static void
check_same_folder (const char  *old_path,
                   const char  *path,
                   const char  *id,
                   GError     **error)
{
  if (old_path != NULL && same_directory (old_path, path))
    g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                 /* Translators: a file, then the id, then the other file */
                 _("%s: id: the id “%s” is already used by %s in the same folder"),
                 path, id, old_path);
}

/* Keeps the error of a file skipped. Returns: %FALSE */
static gboolean
skip_file (EdCatalog  *self,
           GError     *local_error,
           GError    **error)
{
  g_ptr_array_add (self->errors, g_error_copy (local_error));
  g_propagate_error (error, local_error);
  return FALSE;
}

/* Adds @procedure, read from @path, or keeps @local_error (consumed). */
static gboolean
add_read (EdCatalog    *self,
          const char   *path,
          EdProcedure  *read,
          GError       *local_error,
          GError      **error)
{
  g_autoptr(EdProcedure) procedure = read;
  EdProcedure *old;

  if (procedure != NULL)
    {
      old = g_hash_table_lookup (self->by_id, ed_procedure_get_id (procedure));
      check_same_folder (old != NULL ? ed_procedure_get_path (old) : NULL, path,
                         ed_procedure_get_id (procedure), &local_error);
    }
  if (local_error != NULL)
    return skip_file (self, local_error, error);

  ed_catalog_add (self, procedure);
  return TRUE;
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
  GError *local_error = NULL;

  g_return_val_if_fail (ED_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  procedure = ed_procedure_new_from_file (path, origin, &local_error);
  return add_read (self, path, g_steal_pointer (&procedure), local_error, error);
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

typedef struct
{
  EdProcedure *procedure;
  GError      *error;
} Read;

typedef struct
{
  GPtrArray *files;
  EdOrigin   origin;
  Read      *reads;
  int        next;       /* the next file to read, taken atomically */
} ReadAll;

/* Reads files of @data until none is left; two threads may share it. */
static gpointer
read_files (gpointer data)
{
  ReadAll *all = data;
  guint i;

  while ((i = (guint) g_atomic_int_add (&all->next, 1)) < all->files->len)
    all->reads[i].procedure = ed_procedure_new_from_file (g_ptr_array_index (all->files, i),
                                                          all->origin, &all->reads[i].error);

  return NULL;
}

static void
load_folder (EdCatalog  *self,
             const char *path,
             EdOrigin    origin,
             FolderKind  kind)
{
  g_autoptr(GPtrArray) files = NULL;
  GError *error = NULL;

  remember_folder (self, path, origin, kind);
  files = ed_catalog_list_directory (path, &error);
  if (files == NULL)
    {
      g_ptr_array_add (self->errors, error);
      return;
    }

  if (kind == FOLDER_JOURNEYS)
    {
      for (guint i = 0; i < files->len; i++)
        ed_catalog_add_journey_file (self, g_ptr_array_index (files, i), origin, NULL);
      return;
    }

  /* Read on every core, added in the order of the names. */
  {
    g_autofree Read *reads = g_new0 (Read, files->len);
    ReadAll all = { files, origin, reads, 0 };
    GThread *helper = files->len > 1 && g_get_num_processors () > 1 ?
                      g_thread_try_new ("ed-catalog", read_files, &all, NULL) : NULL;

    read_files (&all);
    if (helper != NULL)
      g_thread_join (helper);

    for (guint i = 0; i < files->len; i++)
      add_read (self, g_ptr_array_index (files, i), reads[i].procedure, reads[i].error, NULL);
  }
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
  g_return_if_fail (ED_IS_CATALOG (self));
  g_return_if_fail (path != NULL);

  load_folder (self, path, origin, FOLDER_PROCEDURES);
}

/**
 * ed_catalog_load_default:
 *
 * Loads, later winning by id: the procedures installed with the app
 * (ENTRY_DESK_DATADIR overrides where), the user's own in
 * `$XDG_DATA_HOME/entry-desk/procedures/`, then the last downloaded
 * update in `$XDG_DATA_HOME/entry-desk/updates/current/`; then the
 * journey templates installed with the app and the office's own in
 * `$XDG_DATA_HOME/entry-desk/journeys/`, and checks that the procedures
 * the journeys name are there.
 */
void
ed_catalog_load_default (EdCatalog *self)
{
  g_autofree char *system_dir = ed_paths_system_procedures_dir ();
  g_autofree char *user_dir = ed_paths_user_procedures_dir ();
  g_autofree char *updates_dir = ed_paths_updates_current_dir ();
  g_autofree char *system_journeys = ed_paths_system_journeys_dir ();
  g_autofree char *user_journeys = ed_paths_user_journeys_dir ();

  g_return_if_fail (ED_IS_CATALOG (self));

  ed_catalog_load_directory (self, system_dir, ED_ORIGIN_SYSTEM);
  ed_catalog_load_directory (self, user_dir, ED_ORIGIN_USER);
  ed_catalog_load_directory (self, updates_dir, ED_ORIGIN_UPDATE);
  ed_catalog_load_journey_directory (self, system_journeys, ED_ORIGIN_SYSTEM);
  ed_catalog_load_journey_directory (self, user_journeys, ED_ORIGIN_USER);
  ed_catalog_check_journeys (self);
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
 * ed_catalog_dup_procedure:
 *
 * Like ed_catalog_lookup(), from any thread: the procedure stays valid
 * while a reload replaces it in the catalog.
 *
 * Returns: (transfer full) (nullable): the procedure with @id
 */
EdProcedure *
ed_catalog_dup_procedure (EdCatalog  *self,
                          const char *id)
{
  EdProcedure *procedure;

  g_return_val_if_fail (ED_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  g_mutex_lock (&self->lock);
  procedure = g_hash_table_lookup (self->by_id, id);
  if (procedure != NULL)
    g_object_ref (procedure);
  g_mutex_unlock (&self->lock);

  return procedure;
}

static int
compare_journeys (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  return g_strcmp0 (ed_journey_get_id ((EdJourney *) a), ed_journey_get_id ((EdJourney *) b));
}

/**
 * ed_catalog_add_journey:
 *
 * Adds @journey, replacing the one with the same id.
 */
void
ed_catalog_add_journey (EdCatalog *self,
                        EdJourney *journey)
{
  EdJourney *old;
  guint position;

  g_return_if_fail (ED_IS_CATALOG (self));
  g_return_if_fail (ED_IS_JOURNEY (journey));

  old = g_hash_table_lookup (self->journeys_by_id, ed_journey_get_id (journey));
  if (old != NULL && g_list_store_find (self->journeys, old, &position))
    g_list_store_remove (self->journeys, position);

  g_hash_table_replace (self->journeys_by_id, g_strdup (ed_journey_get_id (journey)),
                        g_object_ref (journey));
  g_list_store_insert_sorted (self->journeys, journey, compare_journeys, NULL);
}

/**
 * ed_catalog_add_journey_file:
 *
 * Reads a journey template and adds it, as ed_catalog_add_file() does a
 * procedure: a later folder's template replaces one of the same id, a
 * bad file is skipped and its error kept.
 *
 * Returns: whether the file was added
 */
gboolean
ed_catalog_add_journey_file (EdCatalog   *self,
                             const char  *path,
                             EdOrigin     origin,
                             GError     **error)
{
  g_autoptr(EdJourney) journey = NULL;
  GError *local_error = NULL;
  EdJourney *old;

  g_return_val_if_fail (ED_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  journey = ed_journey_new_from_file (path, origin, &local_error);
  if (journey != NULL)
    {
      old = g_hash_table_lookup (self->journeys_by_id, ed_journey_get_id (journey));
      check_same_folder (old != NULL ? ed_journey_get_path (old) : NULL, path,
                         ed_journey_get_id (journey), &local_error);
    }
  if (local_error != NULL)
    return skip_file (self, local_error, error);

  ed_catalog_add_journey (self, journey);
  return TRUE;
}

/**
 * ed_catalog_load_journey_directory:
 *
 * Adds every journey template (`*.json`) of @path, in the order of
 * their names; a folder that does not exist is not an error.
 */
void
ed_catalog_load_journey_directory (EdCatalog  *self,
                                   const char *path,
                                   EdOrigin    origin)
{
  g_return_if_fail (ED_IS_CATALOG (self));
  g_return_if_fail (path != NULL);

  load_folder (self, path, origin, FOLDER_JOURNEYS);
}

/**
 * ed_catalog_check_journeys:
 *
 * Checks that every procedure a journey names is in the catalog; each
 * one missing is an error (ed_catalog_get_errors()) naming the journey's
 * file and the place. The journey stays: a case started from it leaves
 * the missing procedure out.
 *
 * Returns: how many procedures are missing
 */
guint
ed_catalog_check_journeys (EdCatalog *self)
{
  GListModel *journeys;
  guint n_missing = 0;

  g_return_val_if_fail (ED_IS_CATALOG (self), 0);

  journeys = G_LIST_MODEL (self->journeys);
  for (guint i = 0; i < g_list_model_get_n_items (journeys); i++)
    {
      g_autoptr(EdJourney) journey = g_list_model_get_item (journeys, i);
      GPtrArray *items = ed_journey_get_items (journey);
      const char *file = ed_journey_get_path (journey);

      for (guint j = 0; j < items->len; j++)
        {
          const EdJourneyItem *item = g_ptr_array_index (items, j);

          if (ed_catalog_lookup (self, item->id) != NULL)
            continue;

          g_ptr_array_add (self->errors,
                           g_error_new (ED_ERROR, ED_ERROR_INVALID,
                                        /* Translators: a file, the place in it, then an id */
                                        _("%s: procedures[%u].id: there is no procedure “%s”"),
                                        file != NULL ? file : ed_journey_get_id (journey), j,
                                        item->id));
          n_missing++;
        }
    }

  return n_missing;
}

/**
 * ed_catalog_get_journeys:
 *
 * Returns: (transfer none): the journey templates (#EdJourney), by id
 */
GListModel *
ed_catalog_get_journeys (EdCatalog *self)
{
  g_return_val_if_fail (ED_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->journeys);
}

/* Returns: (transfer none) (nullable): the journey template with @id */
EdJourney *
ed_catalog_lookup_journey (EdCatalog  *self,
                           const char *id)
{
  g_return_val_if_fail (ED_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->journeys_by_id, id);
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

static void
reload_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GPtrArray *folders = task_data;
  EdCatalog *fresh = ed_catalog_new ();

  gboolean journeys = FALSE;

  for (guint i = 0; i < folders->len; i++)
    {
      const EdCatalogFolder *folder = g_ptr_array_index (folders, i);

      if (folder->kind == FOLDER_JOURNEYS)
        ed_catalog_load_journey_directory (fresh, folder->path, folder->origin);
      else
        ed_catalog_load_directory (fresh, folder->path, folder->origin);
      journeys |= folder->kind == FOLDER_JOURNEYS;
    }
  if (journeys)
    ed_catalog_check_journeys (fresh);

  g_task_return_pointer (task, fresh, g_object_unref);
}

/* Back on the caller's thread: the new contents replace the old in one
 * change of the list, so that a view rebuilds once. */
static void
reloaded (GObject      *source_object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  EdCatalog *self = g_task_get_source_object (task);
  g_autoptr(EdCatalog) fresh = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) journeys = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *procedures = G_LIST_MODEL (fresh->procedures);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->procedures));
  guint n_old_journeys = g_list_model_get_n_items (G_LIST_MODEL (self->journeys));

  if (g_task_return_error_if_cancelled (task))
    return;

  for (guint i = 0; i < g_list_model_get_n_items (procedures); i++)
    g_ptr_array_add (items, g_list_model_get_item (procedures, i));

  /* The lookup table and errors first: handlers of items-changed look
   * procedures up. */
  g_mutex_lock (&self->lock);
  g_hash_table_remove_all (self->by_id);
  for (guint i = 0; i < items->len; i++)
    {
      EdProcedure *procedure = g_ptr_array_index (items, i);

      g_hash_table_insert (self->by_id, g_strdup (ed_procedure_get_id (procedure)),
                           g_object_ref (procedure));
    }
  g_mutex_unlock (&self->lock);
  g_hash_table_remove_all (self->journeys_by_id);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fresh->journeys)); i++)
    {
      EdJourney *journey = g_list_model_get_item (G_LIST_MODEL (fresh->journeys), i);

      g_hash_table_insert (self->journeys_by_id, g_strdup (ed_journey_get_id (journey)),
                           g_object_ref (journey));
      g_ptr_array_add (journeys, journey);
    }
  g_ptr_array_set_size (self->errors, 0);
  for (guint i = 0; i < fresh->errors->len; i++)
    g_ptr_array_add (self->errors, g_error_copy (g_ptr_array_index (fresh->errors, i)));

  g_list_store_splice (self->procedures, 0, n_old, items->pdata, items->len);
  g_list_store_splice (self->journeys, 0, n_old_journeys, journeys->pdata, journeys->len);

  /* Done is done, even if cancelled meanwhile. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_return_boolean (task, TRUE);
}

/**
 * ed_catalog_reload_async:
 *
 * Reads again, in a worker thread, every folder that
 * ed_catalog_load_directory() or ed_catalog_load_default() read, in the
 * same order, and puts what they hold now in place of the procedures,
 * in one change of ed_catalog_get_procedures(). Procedures added one by
 * one (ed_catalog_add(), ed_catalog_add_file()) are not kept. Whoever
 * holds an #EdProcedure of the old contents keeps a valid object.
 *
 * Used after an update of the procedures, so that every view shows them
 * without a restart.
 */
void
ed_catalog_reload_async (EdCatalog           *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GPtrArray *folders;
  GTask *task;
  GTask *step;

  g_return_if_fail (ED_IS_CATALOG (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ed_catalog_reload_async);

  folders = g_ptr_array_new_with_free_func ((GDestroyNotify) folder_free);
  for (guint i = 0; i < self->folders->len; i++)
    g_ptr_array_add (folders, folder_copy (g_ptr_array_index (self->folders, i)));

  /* The thread reads into a catalog of its own; only its result
   * touches @self, on this thread. */
  step = g_task_new (NULL, NULL, reloaded, task);
  g_task_set_task_data (step, folders, (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (step, reload_thread);
  g_object_unref (step);
}

/* Returns: %TRUE once the catalog holds what its folders hold now */
gboolean
ed_catalog_reload_finish (EdCatalog     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
