/* ed-mo.c — a reader of GNU .mo files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-error.h"
#include "ed-i18n.h"
#include "ed-mo.h"

#define MO_MAGIC 0x950412de

struct _EdMoFile
{
  GBytes     *bytes;
  GHashTable *messages;  /* "context\004msgid" or "msgid" → translation, into @bytes */
};

static guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swap)
{
  guint32 value;

  memcpy (&value, data + offset, sizeof value);
  return swap ? GUINT32_SWAP_LE_BE (value) : value;
}

/**
 * ed_mo_file_new:
 * @path: a compiled gettext catalog
 *
 * Returns: (transfer full): the catalog, or %NULL with @error set when
 *   the file is missing or not a catalog.
 */
EdMoFile *
ed_mo_file_new (const char  *path,
                GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;

  file = g_mapped_file_new (path, FALSE, error);
  if (file == NULL)
    return NULL;

  bytes = g_mapped_file_get_bytes (file);
  return ed_mo_file_new_from_bytes (bytes, path, error);
}

/**
 * ed_mo_file_new_from_bytes:
 * @bytes: the content of a compiled gettext catalog; the catalog keeps it
 * @name: the file's name, for the message
 *
 * Every offset and length in the file is checked against its size, and
 * every string must end in a NUL byte: a damaged file is refused, never
 * read past its end.
 *
 * Returns: (transfer full): the catalog, or %NULL with @error set
 */
EdMoFile *
ed_mo_file_new_from_bytes (GBytes      *bytes,
                           const char  *name,
                           GError     **error)
{
  g_autoptr(GHashTable) messages = NULL;
  const guint8 *data;
  gsize size;
  guint32 magic, n, originals, translations;
  gboolean swap;
  EdMoFile *self;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size < 28)
    goto invalid;

  memcpy (&magic, data, sizeof magic);
  if (magic == MO_MAGIC)
    swap = FALSE;
  else if (GUINT32_SWAP_LE_BE (magic) == MO_MAGIC)
    swap = TRUE;
  else
    goto invalid;

  n = read_u32 (data, 8, swap);
  originals = read_u32 (data, 12, swap);
  translations = read_u32 (data, 16, swap);
  if ((guint64) originals + 8 * (guint64) n > size ||
      (guint64) translations + 8 * (guint64) n > size)
    goto invalid;

  messages = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint32 i = 0; i < n; i++)
    {
      guint32 orig_len = read_u32 (data, originals + 8 * (gsize) i, swap);
      guint32 orig_off = read_u32 (data, originals + 8 * (gsize) i + 4, swap);
      guint32 tr_len = read_u32 (data, translations + 8 * (gsize) i, swap);
      guint32 tr_off = read_u32 (data, translations + 8 * (gsize) i + 4, swap);

      if ((guint64) orig_off + orig_len >= size || (guint64) tr_off + tr_len >= size ||
          data[(gsize) orig_off + orig_len] != '\0' || data[(gsize) tr_off + tr_len] != '\0')
        goto invalid;

      /* The header (empty msgid) and empty translations are not messages. */
      if (orig_len == 0 || tr_len == 0)
        continue;

      g_hash_table_insert (messages, (char *) data + orig_off, (char *) data + tr_off);
    }

  self = g_new0 (EdMoFile, 1);
  self->bytes = g_bytes_ref (bytes);
  self->messages = g_steal_pointer (&messages);
  return self;

invalid:
  g_set_error (error, ED_ERROR, ED_ERROR_PARSE,
               _("“%s” is not a valid translation catalog"), name);
  return NULL;
}

void
ed_mo_file_free (EdMoFile *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->messages, g_hash_table_unref);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self);
}

/**
 * ed_mo_file_lookup:
 * @context: (nullable): the message context (msgctxt)
 *
 * Returns: (nullable): the translation, or %NULL when the catalog has
 *   none.
 */
const char *
ed_mo_file_lookup (EdMoFile   *self,
                   const char *context,
                   const char *msgid)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (msgid != NULL, NULL);

  if (context == NULL)
    return g_hash_table_lookup (self->messages, msgid);

  key = g_strconcat (context, "\004", msgid, NULL);
  return g_hash_table_lookup (self->messages, key);
}

typedef struct
{
  char     *domain;
  char     *localedir;
  EdMoFile *catalogs[ED_N_LANGUAGES];
  gboolean  tried[ED_N_LANGUAGES];
} Domain;

G_LOCK_DEFINE_STATIC (domains);
static GPtrArray *domains;

static EdMoFile *
load_catalog (const char *domain,
              const char *localedir,
              EdLanguage  language)
{
  g_autofree char *file = g_strconcat (domain, ".mo", NULL);
  g_autofree char *path = g_build_filename (localedir, ed_language_code (language),
                                            "LC_MESSAGES", file, NULL);

  return ed_mo_file_new (path, NULL);
}

static EdMoFile *
get_catalog (const char *domain,
             const char *localedir,
             EdLanguage  language)
{
  Domain *entry = NULL;
  EdMoFile *catalog;

  G_LOCK (domains);

  if (domains == NULL)
    domains = g_ptr_array_new ();

  for (guint i = 0; i < domains->len && entry == NULL; i++)
    {
      Domain *d = g_ptr_array_index (domains, i);

      if (strcmp (d->domain, domain) == 0 && strcmp (d->localedir, localedir) == 0)
        entry = d;
    }

  /* Catalogs live as long as the process, like gettext's own. */
  if (entry == NULL)
    {
      entry = g_new0 (Domain, 1);
      entry->domain = g_strdup (domain);
      entry->localedir = g_strdup (localedir);
      g_ptr_array_add (domains, entry);
    }

  if (!entry->tried[language])
    {
      entry->catalogs[language] = load_catalog (domain, localedir, language);
      entry->tried[language] = TRUE;
    }
  catalog = entry->catalogs[language];

  G_UNLOCK (domains);

  return catalog;
}

/**
 * ed_translate_domain:
 * @context: (nullable): the message context
 *
 * Like dpgettext(), but into @language whatever the process locale is.
 * Traditional Chinese falls back to Simplified where its catalog lacks
 * the message.
 *
 * Returns: the translation, or @msgid
 */
const char *
ed_translate_domain (const char *domain,
                     const char *localedir,
                     EdLanguage  language,
                     const char *context,
                     const char *msgid)
{
  EdMoFile *catalog;
  const char *translation = NULL;

  g_return_val_if_fail (language < ED_N_LANGUAGES, msgid);

  if (language == ED_LANGUAGE_EN || msgid == NULL || *msgid == '\0')
    return msgid;

  catalog = get_catalog (domain, localedir, language);
  if (catalog != NULL)
    translation = ed_mo_file_lookup (catalog, context, msgid);

  if (translation == NULL && language == ED_LANGUAGE_ZH_TW)
    return ed_translate_domain (domain, localedir, ED_LANGUAGE_ZH_CN, context, msgid);

  return translation != NULL ? translation : msgid;
}

/**
 * ed_translate:
 * @context: the message context, e.g. "sheet"
 *
 * Translates one of Entry Desk's own messages into @language, whatever
 * the UI language is. xgettext finds them as
 * `ed_translate (language, "sheet", "Contacts")`.
 *
 * Returns: the translation, or @msgid
 */
const char *
ed_translate (EdLanguage  language,
              const char *context,
              const char *msgid)
{
  return ed_translate_domain (GETTEXT_PACKAGE, ed_i18n_localedir (), language, context, msgid);
}
