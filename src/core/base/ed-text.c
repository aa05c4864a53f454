/* ed-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ed-fold.h"
#include "ed-text.h"

struct _EdText
{
  gatomicrefcount ref_count;
  char *strings[ED_N_LANGUAGES];
};

G_DEFINE_BOXED_TYPE (EdText, ed_text, ed_text_ref, ed_text_unref)

EdText *
ed_text_new (void)
{
  EdText *self = g_new0 (EdText, 1);

  g_atomic_ref_count_init (&self->ref_count);
  return self;
}

EdText *
ed_text_ref (EdText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ed_text_unref (EdText *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      for (guint i = 0; i < ED_N_LANGUAGES; i++)
        g_free (self->strings[i]);
      g_free (self);
    }
}

void
ed_text_set (EdText     *self,
             EdLanguage  language,
             const char *text)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (language < ED_N_LANGUAGES);

  g_free (self->strings[language]);
  self->strings[language] = g_strdup (text);
}

/**
 * ed_text_get:
 *
 * Returns: (nullable): the text in exactly @language, or %NULL.
 */
const char *
ed_text_get (const EdText *self,
             EdLanguage    language)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (language < ED_N_LANGUAGES, NULL);

  return self->strings[language];
}

/**
 * ed_text_lookup:
 *
 * Like ed_text_get(), but falls back to the nearest language present:
 * Traditional Chinese to Simplified, then English.
 *
 * Returns: the text, or "" when the text is empty in every language.
 */
const char *
ed_text_lookup (const EdText *self,
                EdLanguage    language)
{
  g_return_val_if_fail (self != NULL, "");
  g_return_val_if_fail (language < ED_N_LANGUAGES, "");

  if (self->strings[language] != NULL)
    return self->strings[language];
  if (language == ED_LANGUAGE_ZH_TW && self->strings[ED_LANGUAGE_ZH_CN] != NULL)
    return self->strings[ED_LANGUAGE_ZH_CN];
  if (self->strings[ED_LANGUAGE_EN] != NULL)
    return self->strings[ED_LANGUAGE_EN];

  for (guint i = 0; i < ED_N_LANGUAGES; i++)
    if (self->strings[i] != NULL)
      return self->strings[i];

  return "";
}

gboolean
ed_text_has (const EdText *self,
             EdLanguage    language)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (language < ED_N_LANGUAGES, FALSE);

  return self->strings[language] != NULL && self->strings[language][0] != '\0';
}

/**
 * ed_text_contains:
 * @needle: what the user typed (already through g_utf8_casefold() or
 *   ed_fold_search() is as good)
 *
 * Returns: whether any language of the text contains the needle,
 *   ignoring case and width, katakana as hiragana and Han variants as
 *   one (ed_fold_search()).
 */
gboolean
ed_text_contains (const EdText *self,
                  const char   *needle)
{
  g_autofree char *folded_needle = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (needle == NULL || *needle == '\0')
    return TRUE;

  folded_needle = ed_fold_search (needle);
  for (guint i = 0; i < ED_N_LANGUAGES; i++)
    {
      g_autofree char *folded = NULL;

      if (self->strings[i] == NULL)
        continue;
      folded = ed_fold_search (self->strings[i]);
      if (strstr (folded, folded_needle) != NULL)
        return TRUE;
    }

  return FALSE;
}
