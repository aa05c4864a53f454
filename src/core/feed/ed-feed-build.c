/* ed-feed-build.c — what `entry-desk-cli feed build` does
 *
 * Every procedure file goes through the same checks as the catalog's
 * before it is published: a desk would refuse the whole update for one
 * bad file, so the publisher must see the problem first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ed-error.h"
#include "ed-feed-build.h"
#include "ed-feed-private.h"
#include "ed-procedure.h"

typedef struct
{
  char   *id;
  int     version;
  GBytes *contents;
} Published;

static void
published_free (Published *published)
{
  g_free (published->id);
  g_bytes_unref (published->contents);
  g_free (published);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Returns: (transfer full): the *.json file names in @dir, sorted */
static GPtrArray *
list_json (const char  *dir,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) handle = g_dir_open (dir, 0, &local_error);
  GPtrArray *names;
  const char *name;

  if (handle == NULL)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_IO, _("Could not read the folder “%s”: %s"),
                   dir, local_error->message);
      return NULL;
    }

  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_suffix (name, ".json") && strcmp (name, "index.json") != 0)
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  return names;
}

static Published *
check_file (const char *dir,
            const char *name,
            GPtrArray  *problems)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdProcedure) procedure = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *data = NULL;
  g_autofree char *expected = NULL;
  Published *published;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, &error))
    {
      g_ptr_array_add (problems, g_strdup (error->message));
      return NULL;
    }
  contents = g_bytes_new_take (g_steal_pointer (&data), length);

  if (length > ED_FEED_FILE_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size (ED_FEED_FILE_MAX_SIZE);

      g_ptr_array_add (problems, g_strdup_printf (_("%s: larger than the %s a feed allows"),
                                                  path, limit));
      return NULL;
    }

  procedure = ed_procedure_new_from_bytes (contents, name, ED_ORIGIN_OTHER, &error);
  if (procedure == NULL)
    {
      g_ptr_array_add (problems, g_strdup (error->message));
      return NULL;
    }

  expected = g_strconcat (ed_procedure_get_id (procedure), ".json", NULL);
  if (strcmp (name, expected) != 0)
    {
      g_ptr_array_add (problems, g_strdup_printf (_("%s: the file of “%s” must be named “%s”"),
                                                  path, ed_procedure_get_id (procedure),
                                                  expected));
      return NULL;
    }

  published = g_new0 (Published, 1);
  published->id = g_strdup (ed_procedure_get_id (procedure));
  published->version = ed_procedure_get_version (procedure);
  published->contents = g_steal_pointer (&contents);

  return published;
}

/* Returns: the sequence of the feed already in @out_dir, or 0 */
static gint64
previous_sequence (const char  *out_dir,
                   GError     **error)
{
  g_autofree char *index_path = g_build_filename (out_dir, ED_FEED_INDEX_NAME, NULL);
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(EdFeedIndex) index = NULL;

  if (!g_file_test (out_dir, G_FILE_TEST_EXISTS))
    return 0;

  handle = g_dir_open (out_dir, 0, NULL);
  if (handle == NULL || (!g_file_test (index_path, G_FILE_TEST_EXISTS) &&
                         g_dir_read_name (handle) != NULL))
    {
      g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                   _("“%s” is neither an empty folder nor a feed built before; "
                     "choose another output folder"), out_dir);
      return -1;
    }

  mapped = g_mapped_file_new (index_path, FALSE, NULL);
  bytes = mapped != NULL ? g_mapped_file_get_bytes (mapped) : NULL;
  index = bytes != NULL ? ed_feed_index_parse (bytes, NULL) : NULL;

  return index != NULL ? index->sequence : 0;
}

/* A procedure dropped from the feed must not linger on the server. */
static void
remove_unlisted (const char  *out_dir,
                 EdFeedIndex *index)
{
  g_autoptr(GPtrArray) names = list_json (out_dir, NULL);

  for (guint i = 0; names != NULL && i < names->len; i++)
    {
      g_autofree char *id = g_strndup (names->pdata[i], strlen (names->pdata[i]) - 5);

      if (ed_feed_index_lookup (index, id) == NULL)
        {
          g_autofree char *path = g_build_filename (out_dir, names->pdata[i], NULL);

          g_remove (path);
        }
    }
}

static gboolean
write_feed (const char  *out_dir,
            GPtrArray   *files,
            EdFeedIndex *index,
            EdSigningKey *key,
            GError     **error)
{
  g_autoptr(GBytes) index_bytes = NULL;
  g_autoptr(GBytes) signature_bytes = NULL;
  guint8 signature[ED_SIGNATURE_SIZE];
  char *signature_text;

  if (g_mkdir_with_parents (out_dir, 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, ED_ERROR, ED_ERROR_IO, _("Could not create the folder “%s”: %s"),
                   out_dir, g_strerror (saved_errno));
      return FALSE;
    }

  for (guint i = 0; i < files->len; i++)
    {
      Published *published = files->pdata[i];
      const EdFeedEntry *entry = ed_feed_index_lookup (index, published->id);

      if (!_ed_feed_store_write_file (out_dir, entry->file, published->contents, error))
        return FALSE;
    }
  remove_unlisted (out_dir, index);

  index_bytes = ed_feed_index_to_bytes (index);
  ed_signing_key_sign (key, index_bytes, signature);
  signature_text = ed_signature_to_string (ed_signing_key_get_public_key (key), signature);
  signature_bytes = g_bytes_new_take (signature_text, strlen (signature_text));

  return _ed_feed_store_write_file (out_dir, ED_FEED_INDEX_NAME, index_bytes, error) &&
         _ed_feed_store_write_file (out_dir, ED_FEED_SIGNATURE_NAME, signature_bytes, error);
}

/**
 * ed_feed_build:
 * @sequence: the feed's sequence number, or 0 for the current time in
 *   seconds (and always more than the previous build in @out_dir)
 * @problems: (out) (transfer full) (element-type utf8): every file that
 *   fails the checks, with the reason
 *
 * Checks every procedure file (*.json) of @source_dir; only when all
 * pass, writes them to @out_dir with index.json and its signature.
 *
 * Returns: (transfer full): the index that was written
 */
EdFeedIndex *
ed_feed_build (const char    *source_dir,
               EdSigningKey  *key,
               const char    *publisher,
               gint64         sequence,
               const char    *out_dir,
               GPtrArray    **problems,
               GError       **error)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) published_free);
  g_autoptr(EdFeedIndex) index = NULL;
  g_autofree char *source_path = g_canonicalize_filename (source_dir, NULL);
  g_autofree char *out_path = g_canonicalize_filename (out_dir, NULL);
  gint64 previous;

  *problems = g_ptr_array_new_with_free_func (g_free);

  if (publisher == NULL || *publisher == '\0' || strchr (publisher, '\n') != NULL)
    {
      g_set_error_literal (error, ED_ERROR, ED_ERROR_INVALID,
                           _("The publisher’s name must be one line of text"));
      return NULL;
    }

  names = list_json (source_dir, error);
  if (names == NULL)
    return NULL;
  if (names->len == 0)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                   _("There are no procedure files (*.json) in “%s”"), source_dir);
      return NULL;
    }

  for (guint i = 0; i < names->len; i++)
    {
      Published *published = check_file (source_dir, names->pdata[i], *problems);

      if (published != NULL)
        g_ptr_array_add (files, published);
    }

  if ((*problems)->len > 0)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u file fails the catalog checks; the feed was not built",
                                "%u files fail the catalog checks; the feed was not built",
                                (*problems)->len),
                   (*problems)->len);
      return NULL;
    }

  if (strcmp (source_path, out_path) == 0)
    {
      g_set_error_literal (error, ED_ERROR, ED_ERROR_INVALID,
                           _("The feed must be built in another folder than the procedures"));
      return NULL;
    }

  previous = previous_sequence (out_dir, error);
  if (previous < 0)
    return NULL;
  if (sequence > 0 && sequence <= previous)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, previous);

      g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                   _("The sequence number must be greater than the previous feed’s (%s)"), text);
      return NULL;
    }
  if (sequence <= 0)
    sequence = MAX (g_get_real_time () / G_USEC_PER_SEC, previous + 1);

  index = ed_feed_index_new (publisher, sequence, NULL);
  for (guint i = 0; i < files->len; i++)
    {
      Published *published = files->pdata[i];

      ed_feed_index_add (index, published->id, published->version, published->contents);
    }

  if (!write_feed (out_dir, files, index, key, error))
    return NULL;

  return g_steal_pointer (&index);
}
