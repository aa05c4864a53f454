/* ed-language.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-error.h"
#include "ed-language.h"

static const struct {
  const char *code;
  const char *bcp47;
  const char *native_name;
} languages[ED_N_LANGUAGES] = {
  [ED_LANGUAGE_EN]    = { "en",    "en",    "English" },
  [ED_LANGUAGE_JA]    = { "ja",    "ja",    "日本語" },
  [ED_LANGUAGE_ZH_CN] = { "zh_CN", "zh-CN", "简体中文" },
  [ED_LANGUAGE_ZH_TW] = { "zh_TW", "zh-TW", "繁體中文" },
};

gboolean
ed_language_from_code (const char *code,
                       EdLanguage *language)
{
  g_return_val_if_fail (code != NULL, FALSE);

  for (guint i = 0; i < ED_N_LANGUAGES; i++)
    {
      if (strcmp (code, languages[i].code) == 0 ||
          g_ascii_strcasecmp (code, languages[i].bcp47) == 0)
        {
          if (language != NULL)
            *language = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
ed_language_code (EdLanguage language)
{
  g_return_val_if_fail (language < ED_N_LANGUAGES, NULL);
  return languages[language].code;
}

/* The tag Pango wants, so that Han characters take their Japanese or
 * Simplified/Traditional Chinese forms. */
const char *
ed_language_bcp47 (EdLanguage language)
{
  g_return_val_if_fail (language < ED_N_LANGUAGES, NULL);
  return languages[language].bcp47;
}

const char *
ed_language_native_name (EdLanguage language)
{
  g_return_val_if_fail (language < ED_N_LANGUAGES, NULL);
  return languages[language].native_name;
}

/**
 * ed_language_for_locale:
 * @locale: a POSIX locale name such as `ja_JP.UTF-8` or `zh_CN`
 *
 * Returns: the content language closest to @locale, English when none is.
 */
EdLanguage
ed_language_for_locale (const char *locale)
{
  if (locale == NULL)
    return ED_LANGUAGE_EN;

  if (g_str_has_prefix (locale, "ja"))
    return ED_LANGUAGE_JA;
  if (g_str_has_prefix (locale, "zh_TW") || g_str_has_prefix (locale, "zh_HK") ||
      g_str_has_prefix (locale, "zh_MO"))
    return ED_LANGUAGE_ZH_TW;
  if (g_str_has_prefix (locale, "zh"))
    return ED_LANGUAGE_ZH_CN;

  return ED_LANGUAGE_EN;
}

/**
 * ed_language_for_ui:
 *
 * Returns: the language of the user interface, from the process locale
 *   (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), as gettext chooses it.
 */
EdLanguage
ed_language_for_ui (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (strcmp (names[i], "C") == 0 || strcmp (names[i], "POSIX") == 0)
        break;
      if (g_str_has_prefix (names[i], "en"))
        return ED_LANGUAGE_EN;
      if (g_str_has_prefix (names[i], "ja") || g_str_has_prefix (names[i], "zh"))
        return ed_language_for_locale (names[i]);
    }

  return ED_LANGUAGE_EN;
}

/**
 * ed_language_parse_list:
 * @list: a comma-separated list such as `en,ja,zh_CN`
 * @error: return location for an error
 *
 * Returns: (transfer full): an array of #EdLanguage without duplicates,
 *   in the order given, or %NULL with @error set.
 */
GArray *
ed_language_parse_list (const char  *list,
                        GError     **error)
{
  g_autoptr(GArray) result = g_array_new (FALSE, FALSE, sizeof (EdLanguage));
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (list != NULL, NULL);

  parts = g_strsplit (list, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *code = g_strstrip (parts[i]);
      EdLanguage language;
      gboolean seen = FALSE;

      if (*code == '\0')
        continue;

      if (!ed_language_from_code (code, &language))
        {
          g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                       /* Translators: %s is what the user typed, e.g. "fr" */
                       _("Unknown language “%s”: use en, ja, zh_CN or zh_TW"), code);
          return NULL;
        }

      for (guint j = 0; j < result->len; j++)
        seen |= g_array_index (result, EdLanguage, j) == language;
      if (!seen)
        g_array_append_val (result, language);
    }

  if (result->len == 0)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                   _("No language given: use en, ja, zh_CN or zh_TW"));
      return NULL;
    }

  return g_steal_pointer (&result);
}
