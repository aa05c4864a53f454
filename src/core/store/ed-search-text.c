/* ed-search-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ed-case-reference.h"
#include "ed-fold.h"
#include "ed-search-text.h"
#include "ed-traveller.h"

/* Longer "words" are not names: they get no inner suffixes. */
#define MAX_SUFFIXED_CHARS 40
/* Shortest inner match for scripts with spaces between words. */
#define MIN_INNER_CHARS 3
/* More terms than this narrow nothing a person types. */
#define MAX_TERMS 8

/**
 * ed_search_fold:
 *
 * Returns: (transfer full): @text as the index compares it: ed_fold_search()
 *   (NFKC, case folded, katakana as hiragana, Han variants as one), the same
 *   for the tokens a case is stored with and the words typed
 */
char *
ed_search_fold (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return ed_fold_search (text);
}

/* What the unicode61 tokenizer keeps in a token by default: letters,
 * numbers and private use (categories L*, N*, Co). */
static gboolean
is_token_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_PRIVATE_USE:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Scripts written without spaces between words or names. */
static gboolean
is_cjk (const char *word)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      switch (g_unichar_get_script (g_utf8_get_char (p)))
        {
        case G_UNICODE_SCRIPT_HAN:
        case G_UNICODE_SCRIPT_HIRAGANA:
        case G_UNICODE_SCRIPT_KATAKANA:
        case G_UNICODE_SCRIPT_HANGUL:
        case G_UNICODE_SCRIPT_BOPOMOFO:
          return TRUE;
        default:
          break;
        }
    }

  return FALSE;
}

/* Splits folded text into the words the tokenizer will see. */
static GPtrArray *
split_words (const char *folded)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *start = NULL;
  const char *p;

  for (p = folded; ; p = g_utf8_next_char (p))
    {
      gboolean inside = *p != '\0' && is_token_char (g_utf8_get_char (p));

      if (inside && start == NULL)
        start = p;
      else if (!inside && start != NULL)
        {
          g_ptr_array_add (words, g_strndup (start, (gsize) (p - start)));
          start = NULL;
        }
      if (*p == '\0')
        break;
    }

  return words;
}

static void
add_word (GHashTable *tokens,
          const char *word)
{
  glong n_chars = g_utf8_strlen (word, -1);
  glong min_inner = is_cjk (word) ? 1 : MIN_INNER_CHARS;
  const char *suffix = word;

  g_hash_table_add (tokens, g_strdup (word));
  if (n_chars > MAX_SUFFIXED_CHARS)
    return;

  for (glong i = 1; n_chars - i >= min_inner; i++)
    {
      suffix = g_utf8_next_char (suffix);
      g_hash_table_add (tokens, g_strdup_printf ("%c%s", ED_SEARCH_INNER_MARK, suffix));
    }
}

/**
 * ed_search_add_text:
 * @tokens: a set of strings (g_str_hash, g_free)
 * @text: (nullable): a name or a number as the user typed it
 *
 * Adds the tokens that make @text findable.
 */
void
ed_search_add_text (GHashTable *tokens,
                    const char *text)
{
  g_autofree char *folded = NULL;
  g_autoptr(GPtrArray) words = NULL;

  if (text == NULL || *text == '\0')
    return;

  folded = ed_search_fold (text);
  words = split_words (folded);
  for (guint i = 0; i < words->len; i++)
    add_word (tokens, g_ptr_array_index (words, i));
}

/**
 * ed_search_add_reference:
 *
 * A reference is found typed whole or in part, with or without "ED" and
 * hyphens: its six characters as one word and its two groups as words.
 * "ED" itself is not indexed, or "e" would find every case.
 */
void
ed_search_add_reference (GHashTable *tokens,
                         const char *canonical_reference)
{
  g_autofree char *folded = g_ascii_strdown (canonical_reference, -1);

  g_hash_table_add (tokens, g_strdup (folded));
  g_hash_table_add (tokens, g_strndup (folded, 4));
  g_hash_table_add (tokens, g_strdup (folded + 4));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * ed_search_join_tokens:
 *
 * Returns: (transfer full): the tokens separated by spaces, sorted, as
 *   the FTS5 table stores them
 */
char *
ed_search_join_tokens (GHashTable *tokens)
{
  g_autofree gpointer *keys = NULL;
  guint n = 0;
  GString *text = g_string_new (NULL);

  keys = g_hash_table_get_keys_as_array (tokens, &n);
  qsort (keys, n, sizeof (gpointer), compare_strings);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, keys[i]);
    }

  return g_string_free (text, FALSE);
}

/* What the search finds a traveller by (DESIGN.md "Traveller data"). */
static const char * const searched_keys[] = {
  "surname", "given_names", "native_name", "phonetic_name", "passport_number", NULL
};

/**
 * ed_search_case_tokens:
 * @travellers: (element-type EdTraveller): the case's travellers
 *
 * Returns: (transfer full): every token that finds a case, joined as
 *   ed_search_join_tokens() does: its reference, and its travellers'
 *   names and passport numbers
 */
char *
ed_search_case_tokens (const char *canonical_reference,
                       GPtrArray  *travellers)
{
  g_autoptr(GHashTable) tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  ed_search_add_reference (tokens, canonical_reference);
  for (guint i = 0; i < travellers->len; i++)
    for (guint k = 0; searched_keys[k] != NULL; k++)
      ed_search_add_text (tokens, ed_traveller_get (g_ptr_array_index (travellers, i),
                                                    searched_keys[k]));

  return ed_search_join_tokens (tokens);
}

/**
 * ed_search_word_can_be_inner:
 * @word: a folded word of a query
 *
 * Returns: whether the word may match inside a name, as the tokens allow:
 *   any word in Chinese, Japanese or Korean script, others from three
 *   characters
 */
gboolean
ed_search_word_can_be_inner (const char *word)
{
  return is_cjk (word) || g_utf8_strlen (word, -1) >= MIN_INNER_CHARS;
}

/* "ed-7k3m" and "ed7k3m" are references being typed: the "ed" is not a
 * name's first letters, so it is dropped. A bare "ed" or "edward" stays. */
static const char *
skip_reference_prefix (const char *term)
{
  if (strncmp (term, "ed", 2) != 0)
    return term;
  if (term[2] == '-' && term[3] != '\0')
    return term + 3;
  if (g_ascii_isdigit (term[2]))
    return term + 2;
  return term;
}

static void
append_term (GString    *match,
             const char *prefix,
             const char *word)
{
  if (match->len > 0)
    g_string_append (match, " AND ");
  g_string_append_printf (match, "%s\"%s\"*", prefix, word);
}

/**
 * ed_search_query_new:
 * @typed: what the user typed in the search field
 *
 * Returns: (transfer full): the query; empty when @typed holds nothing
 *   to search for (the caller then lists the recent cases)
 */
EdSearchQuery *
ed_search_query_new (const char *typed)
{
  EdSearchQuery *query;
  g_autoptr(GString) words = g_string_new (NULL);
  g_autoptr(GString) inner = g_string_new (NULL);
  g_autofree char *trimmed = NULL;
  g_autofree char *folded = NULL;
  g_auto(GStrv) terms = NULL;
  g_autoptr(GPtrArray) all_words = g_ptr_array_new_with_free_func (g_free);
  gboolean any_inner = FALSE;
  guint n_words = 0;

  g_return_val_if_fail (typed != NULL, NULL);

  query = g_new0 (EdSearchQuery, 1);
  trimmed = g_strstrip (g_strdup (typed));
  query->exact_reference = ed_case_reference_normalize (trimmed);
  folded = ed_search_fold (typed);
  terms = g_strsplit_set (folded, " \t\n\r", -1);

  for (guint t = 0; terms[t] != NULL && n_words < MAX_TERMS; t++)
    {
      g_autoptr(GPtrArray) term_words = split_words (skip_reference_prefix (terms[t]));

      for (guint i = 0; i < term_words->len && n_words < MAX_TERMS; i++, n_words++)
        {
          const char *word = g_ptr_array_index (term_words, i);
          gboolean can_be_inner = ed_search_word_can_be_inner (word);

          g_ptr_array_add (all_words, g_strdup (word));
          append_term (words, "", word);
          if (can_be_inner)
            {
              if (inner->len > 0)
                g_string_append (inner, " AND ");
              g_string_append_printf (inner, "(\"%s\"* OR \"%c%s\"*)",
                                      word, ED_SEARCH_INNER_MARK, word);
              any_inner = TRUE;
            }
          else
            append_term (inner, "", word);
        }
    }

  if (n_words > 0)
    query->match_words = g_string_free (g_steal_pointer (&words), FALSE);
  if (any_inner)
    query->match_inner = g_string_free (g_steal_pointer (&inner), FALSE);
  g_ptr_array_add (all_words, NULL);
  query->words = (char **) g_ptr_array_free (g_steal_pointer (&all_words), FALSE);

  return query;
}

gboolean
ed_search_query_is_empty (const EdSearchQuery *query)
{
  return query->exact_reference == NULL && query->match_words == NULL;
}

void
ed_search_query_free (EdSearchQuery *query)
{
  if (query == NULL)
    return;

  g_free (query->exact_reference);
  g_free (query->match_words);
  g_free (query->match_inner);
  g_strfreev (query->words);
  g_free (query);
}
