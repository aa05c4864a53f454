/* ed-country.c
 *
 * The table is read once, on first use, with every name folded for
 * search in English, Japanese and both Chineses; a search is then a
 * scan of short strings, fast enough for every keystroke.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "ed-country.h"
#include "ed-country-builtin.h"
#include "ed-mo.h"
#include "ed-fold.h"
#include "ed-json-guard.h"
#include "ed-normalize.h"

struct _EdCountry
{
  char            *code;           /* alpha-3, or the ICAO code */
  char            *alpha_2;        /* nullable */
  char            *flag;           /* nullable */
  char            *name;           /* English: iso-codes' msgid, or ours */
  char            *common_name;    /* nullable */
  char            *official_name;  /* nullable */
  gboolean         icao_only;
  const EdCountry *same_as;        /* D is Germany: found by its code only */
  GPtrArray       *keys;           /* folded names in every language */
  char            *sort_key;
};

typedef struct
{
  GPtrArray  *countries;
  GHashTable *by_code;             /* alpha-2, alpha-3 and ICAO codes */
  char       *iso_localedir;
  gboolean    builtin;             /* iso-codes missing: English names, no translations */
} Table;

/* ICAO Doc 9303 Part 3, the codes for nationality and issuing
 * authority that are not ISO 3166-1 alpha-3, and RKS, which Kosovo's
 * passports use. */
static const struct
{
  const char *code;
  const char *same_as;
  const char *name;
} icao_codes[] = {
  { "D", "DEU", NULL },
  { "EUE", NULL, NC_("country", "European Union") },
  { "GBD", NULL, NC_("country", "British Overseas Territories Citizen") },
  { "GBN", NULL, NC_("country", "British National (Overseas)") },
  { "GBO", NULL, NC_("country", "British Overseas Citizen") },
  { "GBP", NULL, NC_("country", "British Protected Person") },
  { "GBS", NULL, NC_("country", "British Subject") },
  { "RKS", NULL, NC_("country", "Kosovo") },
  { "UNA", NULL, NC_("country", "Specialized agency of the United Nations") },
  { "UNK", NULL, NC_("country", "Kosovo (UNMIK travel document)") },
  { "UNO", NULL, NC_("country", "United Nations") },
  { "XBA", NULL, NC_("country", "African Development Bank") },
  { "XCC", NULL, NC_("country", "Caribbean Community (CARICOM)") },
  { "XCE", NULL, NC_("country", "Council of Europe") },
  { "XCO", NULL, NC_("country", "Common Market for Eastern and Southern Africa (COMESA)") },
  { "XDC", NULL, NC_("country", "Southern African Development Community") },
  { "XEC", NULL, NC_("country", "Economic Community of West African States (ECOWAS)") },
  { "XES", NULL, NC_("country", "Organisation of Eastern Caribbean States") },
  { "XIM", NULL, NC_("country", "African Export-Import Bank") },
  { "XMP", NULL, NC_("country", "Parliamentary Assembly of the Mediterranean") },
  { "XOM", NULL, NC_("country", "Sovereign Military Order of Malta") },
  { "XPO", NULL, NC_("country", "Interpol") },
  { "XXA", NULL, NC_("country", "Stateless person") },
  { "XXB", NULL, NC_("country", "Refugee (1951 Convention)") },
  { "XXC", NULL, NC_("country", "Refugee (other)") },
  { "XXX", NULL, NC_("country", "Unspecified nationality") },
};

/* What staff type that iso-codes does not name: the short or older
 * name, the other script's spelling (台灣 beside 中華民國, 韓國 beside
 * 大韓民國), an abbreviation. Search keys only, never shown. */
static const struct
{
  const char *code;
  const char *names;               /* separated by | */
} search_aliases[] = {
  { "CHN", "中華人民共和国|中华人民共和国|中華人民共和國|中国大陆|中國大陸|PRC" },
  { "CZE", "Czech Republic|チェコ" },
  { "GBR", "UK|Great Britain|Britain|England|Scotland|Wales|イギリス|英國|大不列颠|大不列顛" },
  { "HKG", "Hongkong|ホンコン" },
  { "KOR", "韓国|韓國|韩国|南韓|南韩|한국|대한민국|ROK" },
  { "MAC", "Macau" },
  { "MMR", "Burma|ビルマ" },
  { "NLD", "Holland" },
  { "PRK", "北朝鮮|北韓|北韩|朝鮮|朝鲜|DPRK" },
  { "TWN", "台灣|臺灣|台湾|中華民国|中华民国|中華民國|Republic of China" },
  { "USA", "America|アメリカ|アメリカ合衆国|米国|美国|美國" },
};

static Table *get_table (void);

/**
 * ed_country_fold_for_search:
 *
 * How names and queries are compared: widths folded, Latin accents
 * dropped (aland finds Åland), case folded, and katakana as hiragana
 * (どいつ finds ドイツ).
 *
 * Returns: (transfer full): the folded text
 */
char *
ed_country_fold_for_search (const char *text)
{
  g_autofree char *width = ed_fold_width (text != NULL ? text : "");
  g_autofree char *decomposed = g_utf8_normalize (width, -1, G_NORMALIZE_NFKD);
  g_autofree char *composed = NULL;
  GString *bare = g_string_sized_new (strlen (decomposed));
  g_autofree char *stripped = NULL;
  char *folded;

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x0300 && c <= 0x036F)
        continue;
      if (c >= 0x30A1 && c <= 0x30F6)
        c -= 0x60;
      g_string_append_unichar (bare, c);
    }

  stripped = g_string_free (bare, FALSE);
  composed = g_utf8_normalize (g_strstrip (stripped), -1, G_NORMALIZE_NFC);
  folded = g_utf8_casefold (composed, -1);

  return folded;
}

static const char *
iso_translate (Table      *table,
               EdLanguage  language,
               const char *msgid)
{
  return ed_translate_domain ("iso_3166-1", table->iso_localedir, language, NULL, msgid);
}

static const char *
country_name (Table           *table,
              const EdCountry *self,
              EdLanguage       language)
{
  const char *name;

  if (self->same_as != NULL)
    return country_name (table, self->same_as, language);

  if (self->icao_only)
    return ed_translate (language, "country", self->name);

  if (table->builtin)
    return self->name;

  /* "South Korea" rather than "Korea, Republic of", where the language
   * has it. */
  if (self->common_name != NULL)
    {
      name = iso_translate (table, language, self->common_name);
      if (language == ED_LANGUAGE_EN || name != self->common_name)
        return name;
    }

  return iso_translate (table, language, self->name);
}

static void
add_key (EdCountry  *self,
         const char *name)
{
  g_autofree char *folded = NULL;

  if (name == NULL)
    return;

  folded = ed_country_fold_for_search (name);
  for (guint i = 0; i < self->keys->len; i++)
    if (g_str_equal (g_ptr_array_index (self->keys, i), folded))
      return;

  g_ptr_array_add (self->keys, g_steal_pointer (&folded));
}

static void
index_country (Table     *table,
               EdCountry *self)
{
  self->keys = g_ptr_array_new_with_free_func (g_free);
  self->sort_key = ed_country_fold_for_search (country_name (table, self, ED_LANGUAGE_EN));

  if (self->same_as != NULL)
    return;

  for (EdLanguage language = 0; language < ED_N_LANGUAGES; language++)
    {
      if (self->icao_only)
        {
          add_key (self, ed_translate (language, "country", self->name));
          continue;
        }
      add_key (self, table->builtin ? self->name : iso_translate (table, language, self->name));
      if (self->common_name != NULL)
        add_key (self, iso_translate (table, language, self->common_name));
      if (self->official_name != NULL)
        add_key (self, iso_translate (table, language, self->official_name));
    }
}

static char *
dup_member (JsonObject *object,
            const char *name)
{
  return g_strdup (json_object_get_string_member_with_default (object, name, NULL));
}

static void
add_country (Table     *table,
             EdCountry *country)
{
  g_ptr_array_add (table->countries, country);
  g_hash_table_insert (table->by_code, country->code, country);
  if (country->alpha_2 != NULL)
    g_hash_table_insert (table->by_code, country->alpha_2, country);
}

/* Where iso-codes is installed: ENTRY_DESK_ISO_CODES_PREFIX, for a
 * relocated build (and the test of a desk without it), or where it was
 * found when Entry Desk was built. */
static const char *
iso_codes_prefix (void)
{
  const char *prefix = g_getenv ("ENTRY_DESK_ISO_CODES_PREFIX");

  return prefix != NULL && *prefix != '\0' ? prefix : ISO_CODES_PREFIX;
}

/* Without iso-codes, the codes and English names built in. */
static void
load_builtin (Table *table)
{
  table->builtin = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (builtin_countries); i++)
    {
      EdCountry *country = g_new0 (EdCountry, 1);

      country->code = g_strdup (builtin_countries[i].alpha_3);
      country->alpha_2 = g_strdup (builtin_countries[i].alpha_2);
      country->name = g_strdup (builtin_countries[i].name);
      add_country (table, country);
    }
}

static gboolean
load_iso_codes (Table *table)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (iso_codes_prefix (), "share", "iso-codes", "json",
                                            "iso_3166-1.json", NULL);
  g_autoptr(JsonNode) document = ed_json_guard_parse_file (path, ED_JSON_MAX_SIZE, &error);
  JsonObject *root;
  JsonArray *entries;

  if (document == NULL || !JSON_NODE_HOLDS_OBJECT (document))
    {
      g_warning ("Cannot read the countries of iso-codes, using the built-in codes and "
                 "English names: %s", error != NULL ? error->message : path);
      return FALSE;
    }

  root = json_node_get_object (document);
  entries = json_object_get_array_member (root, "3166-1");
  for (guint i = 0; entries != NULL && i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      EdCountry *country;

      if (entry == NULL || !json_object_has_member (entry, "alpha_3"))
        continue;

      country = g_new0 (EdCountry, 1);
      country->code = dup_member (entry, "alpha_3");
      country->alpha_2 = dup_member (entry, "alpha_2");
      country->flag = dup_member (entry, "flag");
      country->name = dup_member (entry, "name");
      country->common_name = dup_member (entry, "common_name");
      country->official_name = dup_member (entry, "official_name");
      add_country (table, country);
    }

  return table->countries->len > 0;
}

static gpointer
build_table (gpointer data)
{
  Table *table = g_new0 (Table, 1);

  table->countries = g_ptr_array_new ();
  table->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  table->iso_localedir = g_build_filename (iso_codes_prefix (), "share", "locale", NULL);

  if (!load_iso_codes (table))
    load_builtin (table);

  for (guint i = 0; i < G_N_ELEMENTS (icao_codes); i++)
    {
      EdCountry *country = g_new0 (EdCountry, 1);

      country->code = g_strdup (icao_codes[i].code);
      country->icao_only = TRUE;
      country->name = g_strdup (icao_codes[i].name);
      if (icao_codes[i].same_as != NULL)
        {
          country->same_as = g_hash_table_lookup (table->by_code, icao_codes[i].same_as);
          if (country->same_as == NULL)
            {
              g_free (country->code);
              g_free (country);
              continue;
            }
        }
      g_ptr_array_add (table->countries, country);
      g_hash_table_insert (table->by_code, country->code, country);
    }

  for (guint i = 0; i < table->countries->len; i++)
    index_country (table, g_ptr_array_index (table->countries, i));

  for (guint i = 0; i < G_N_ELEMENTS (search_aliases); i++)
    {
      EdCountry *country = g_hash_table_lookup (table->by_code, search_aliases[i].code);
      g_auto(GStrv) names = NULL;

      if (country == NULL)
        continue;
      names = g_strsplit (search_aliases[i].names, "|", -1);
      for (guint j = 0; names[j] != NULL; j++)
        add_key (country, names[j]);
    }

  return table;
}

static Table *
get_table (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, build_table, NULL);
}

/**
 * ed_country_lookup:
 * @code: an ISO 3166-1 alpha-2 or alpha-3 code, or an ICAO code; any
 *   case or width
 *
 * Returns: (nullable) (transfer none): the country
 */
const EdCountry *
ed_country_lookup (const char *code)
{
  g_autofree char *upper = NULL;

  if (code == NULL)
    return NULL;

  upper = ed_normalize_code (code);
  return g_hash_table_lookup (get_table ()->by_code, upper);
}

typedef struct
{
  const EdCountry *country;
  int              rank;
} Match;

enum
{
  RANK_CODE,
  RANK_NAME,                       /* the whole name: 英国 is GBR before IOT */
  RANK_PREFIX,
  RANK_WORD,
  RANK_SUBSTRING,
  RANK_NONE,
};

static gboolean
is_word_start (const char *key,
               const char *at)
{
  return at == key || strchr (" (,-'./", at[-1]) != NULL;
}

static int
rank_country (const EdCountry *country,
              const char      *folded,
              const char      *code)
{
  int rank = RANK_NONE;

  if (code != NULL)
    {
      if (g_str_equal (country->code, code) || g_strcmp0 (country->alpha_2, code) == 0)
        return RANK_CODE;
      if (strlen (code) >= 2 && g_str_has_prefix (country->code, code))
        rank = RANK_PREFIX;
    }

  for (guint i = 0; i < country->keys->len && rank > RANK_NAME; i++)
    {
      const char *key = g_ptr_array_index (country->keys, i);
      const char *at = strstr (key, folded);

      if (at == NULL)
        continue;
      if (at == key && at[strlen (folded)] == '\0')
        rank = RANK_NAME;
      else if (at == key)
        rank = MIN (rank, RANK_PREFIX);
      else if (is_word_start (key, at))
        rank = MIN (rank, RANK_WORD);
      else
        rank = MIN (rank, RANK_SUBSTRING);
    }

  return rank;
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const Match *x = a;
  const Match *y = b;
  int order;

  if (x->rank != y->rank)
    return x->rank - y->rank;
  order = strcmp (x->country->sort_key, y->country->sort_key);
  if (order != 0)
    return order;

  /* DEU before D */
  return (int) strlen (y->country->code) - (int) strlen (x->country->code);
}

/**
 * ed_country_search:
 * @query: what the user typed: a code (JPN, jp, D) or part of a name in
 *   English, Japanese or Chinese (japan, 日本, ドイツ, 德国)
 *
 * Best first: code matches, then whole names (英国 is the United
 * Kingdom before the British Indian Ocean Territory, UK before UKR),
 * then names starting with @query, then
 * names with a word starting with it, then names containing it; ties in
 * English alphabetical order.
 *
 * Returns: (transfer container) (element-type EdCountry): the countries
 *   found, empty for an empty query
 */
GPtrArray *
ed_country_search (const char *query)
{
  Table *table = get_table ();
  g_autofree char *folded = ed_country_fold_for_search (query);
  g_autofree char *code = NULL;
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (Match));
  GPtrArray *result = g_ptr_array_new ();

  if (*folded == '\0')
    return result;

  code = g_ascii_strup (folded, -1);
  if (strlen (code) > 3)
    g_clear_pointer (&code, g_free);
  for (const char *p = code; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isalpha (*p))
      {
        g_clear_pointer (&code, g_free);
        break;
      }

  for (guint i = 0; i < table->countries->len; i++)
    {
      Match match = { g_ptr_array_index (table->countries, i), RANK_NONE };

      match.rank = rank_country (match.country, folded, code);
      if (match.rank != RANK_NONE)
        g_array_append_val (matches, match);
    }

  g_array_sort (matches, compare_matches);
  for (guint i = 0; i < matches->len; i++)
    g_ptr_array_add (result, (gpointer) g_array_index (matches, Match, i).country);

  return result;
}

/**
 * ed_country_get_code:
 *
 * Returns: the code a passport writes: ISO alpha-3 (JPN), or the ICAO
 *   code (D, GBD, XXA)
 */
const char *
ed_country_get_code (const EdCountry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->code;
}

/**
 * ed_country_get_alpha_2:
 *
 * Returns: (nullable): the ISO alpha-2 code, %NULL for ICAO-only codes
 */
const char *
ed_country_get_alpha_2 (const EdCountry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->alpha_2;
}

/**
 * ed_country_get_flag:
 *
 * Returns: (nullable): the flag emoji, when there is one
 */
const char *
ed_country_get_flag (const EdCountry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->same_as != NULL)
    return self->same_as->flag;

  return self->flag;
}

gboolean
ed_country_is_icao_only (const EdCountry *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->icao_only;
}

/**
 * ed_country_get_name:
 *
 * Returns: the name in @language: iso-codes' translation, the common
 *   name where the language has one (South Korea, 韩国)
 */
const char *
ed_country_get_name (const EdCountry *self,
                     EdLanguage       language)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (language < ED_N_LANGUAGES, NULL);

  return country_name (get_table (), self, language);
}

/**
 * ed_country_get_display_name:
 *
 * Returns: the name in the UI language
 */
const char *
ed_country_get_display_name (const EdCountry *self)
{
  return ed_country_get_name (self, ed_language_for_ui ());
}
