/* ed-i18n.c — gettext set-up: the catalogs, and the UI language of
 * Hong Kong and Macau
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-i18n.h"

/* Tests and build-aux/run use the catalogs of the build tree. */
const char *
ed_i18n_localedir (void)
{
  const char *dir = g_getenv ("ENTRY_DESK_LOCALEDIR");

  return dir != NULL && *dir != '\0' ? dir : LOCALEDIR;
}

/* "zh_HK" of "zh_HK.UTF-8@variant". */
static char *
language_territory (const char *locale)
{
  return g_strndup (locale, strcspn (locale, ".@"));
}

static gboolean
is_hong_kong_or_macau (const char *locale)
{
  g_autofree char *name = language_territory (locale);

  return strcmp (name, "zh_HK") == 0 || strcmp (name, "zh_MO") == 0;
}

/**
 * ed_i18n_language_fallback:
 * @language: (nullable): the LANGUAGE variable, a list like "zh_HK:en"
 * @locale: (nullable): the locale of messages, e.g. "zh_HK.UTF-8"
 *
 * Hong Kong and Macau write Traditional Chinese, and the only catalog of
 * it is zh_TW: without this, gettext would look for zh_HK, then zh, and
 * fall back to English. zh_TW goes after the last zh_HK or zh_MO of the
 * list, or after the locale when the list is empty.
 *
 * Returns: (transfer full) (nullable): the LANGUAGE to set, or %NULL to
 *   leave it as it is
 */
char *
ed_i18n_language_fallback (const char *language,
                           const char *locale)
{
  g_auto(GStrv) entries = NULL;
  g_autoptr(GString) list = NULL;
  int last = -1;

  if (language == NULL || *language == '\0')
    {
      g_autofree char *name = NULL;

      if (locale == NULL || !is_hong_kong_or_macau (locale))
        return NULL;
      name = language_territory (locale);
      return g_strconcat (name, ":zh_TW", NULL);
    }

  entries = g_strsplit (language, ":", -1);
  for (guint i = 0; entries[i] != NULL; i++)
    {
      g_autofree char *name = language_territory (entries[i]);

      if (strcmp (name, "zh_TW") == 0)
        return NULL;
      if (is_hong_kong_or_macau (entries[i]))
        last = (int) i;
    }
  if (last < 0)
    return NULL;

  list = g_string_new (NULL);
  for (guint i = 0; entries[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (list, ':');
      g_string_append (list, entries[i]);
      if ((int) i == last)
        g_string_append (list, ":zh_TW");
    }

  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* The locale of messages as the environment names it, set up or not. */
static const char *
messages_locale_from_environment (void)
{
  static const char * const variables[] = { "LC_ALL", "LC_MESSAGES", "LANG" };

  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      const char *value = g_getenv (variables[i]);

      if (value != NULL && *value != '\0')
        return value;
    }

  return NULL;
}

void
ed_i18n_init (void)
{
  const char *locale = messages_locale_from_environment ();
  g_autofree char *language = NULL;

  /* A Hong Kong locale that is not installed still gets Traditional
   * Chinese: the messages in UTF-8, the catalog chosen by LANGUAGE
   * (which gettext ignores in the "C" locale, not in "C.UTF-8"). */
  if (setlocale (LC_ALL, "") == NULL && locale != NULL && is_hong_kong_or_macau (locale))
    setlocale (LC_ALL, "C.UTF-8");

  language = ed_i18n_language_fallback (g_getenv ("LANGUAGE"), locale);
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);

  bindtextdomain (GETTEXT_PACKAGE, ed_i18n_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
