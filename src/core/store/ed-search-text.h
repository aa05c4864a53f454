/* ed-search-text.h — what the case search indexes and how a query reads
 *
 * Pure functions, no database: the store puts the text they make into
 * an SQLite FTS5 table (unicode61 tokenizer, prefix indexes) and runs
 * the match expressions they build.
 *
 * Each name and number is indexed as whole words, which a query matches
 * by prefix ("eri" → ERIKSSON), and as the word's inner suffixes marked
 * with '_', which a query matches by prefix too: a match inside a word.
 * Words in Chinese, Japanese or Korean script get every inner suffix, so
 * any substring of one character or more is found ("小" → 王小明); other
 * words get the suffixes of three characters or more, so "345" finds a
 * passport number but "r" does not find every name with an R in it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Also in the FTS5 table's tokenchars: it is never in a folded word. */
#define ED_SEARCH_INNER_MARK '_'

typedef struct
{
  char *exact_reference;   /* nullable: canonical, when the query is a whole reference */
  char *match_words;       /* nullable: every term as a word prefix */
  char *match_inner;       /* nullable: terms may also match inside words */
  char **words;            /* the folded words of the query, as the tokens hold them */
} EdSearchQuery;

char           *ed_search_fold         (const char         *text);
void            ed_search_add_text     (GHashTable         *tokens,
                                        const char         *text);
void            ed_search_add_reference (GHashTable        *tokens,
                                        const char         *canonical_reference);
char           *ed_search_join_tokens  (GHashTable         *tokens);
char           *ed_search_case_tokens  (const char         *canonical_reference,
                                        GPtrArray          *travellers);
gboolean        ed_search_word_can_be_inner (const char    *word);

EdSearchQuery  *ed_search_query_new    (const char         *typed);
gboolean        ed_search_query_is_empty (const EdSearchQuery *query);
void            ed_search_query_free   (EdSearchQuery      *query);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdSearchQuery, ed_search_query_free)

G_END_DECLS
