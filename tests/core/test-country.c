/* test-country.c — nationalities from iso-codes, ICAO codes, search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "ed-core.h"

static const char *
first_code (const char *query)
{
  g_autoptr(GPtrArray) found = ed_country_search (query);

  if (found->len == 0)
    return NULL;
  return ed_country_get_code (g_ptr_array_index (found, 0));
}

static gboolean
finds (const char *query,
       const char *code)
{
  g_autoptr(GPtrArray) found = ed_country_search (query);

  for (guint i = 0; i < found->len; i++)
    if (g_str_equal (ed_country_get_code (g_ptr_array_index (found, i)), code))
      return TRUE;

  return FALSE;
}

static void
test_country_lookup (void)
{
  const EdCountry *japan = ed_country_lookup ("JPN");

  g_assert_nonnull (japan);
  g_assert_true (ed_country_lookup ("jp") == japan);
  g_assert_true (ed_country_lookup ("ｊｐｎ") == japan);
  g_assert_cmpstr (ed_country_get_code (japan), ==, "JPN");
  g_assert_cmpstr (ed_country_get_alpha_2 (japan), ==, "JP");
  g_assert_cmpstr (ed_country_get_flag (japan), ==, "🇯🇵");
  g_assert_false (ed_country_is_icao_only (japan));

  g_assert_null (ed_country_lookup ("ZZZ"));
  g_assert_null (ed_country_lookup (""));
  g_assert_null (ed_country_lookup (NULL));
}

static void
test_country_names (void)
{
  const EdCountry *japan = ed_country_lookup ("JPN");
  const EdCountry *germany = ed_country_lookup ("DEU");
  const EdCountry *korea = ed_country_lookup ("KOR");

  g_assert_cmpstr (ed_country_get_name (japan, ED_LANGUAGE_EN), ==, "Japan");
  g_assert_cmpstr (ed_country_get_name (japan, ED_LANGUAGE_JA), ==, "日本");
  g_assert_cmpstr (ed_country_get_name (germany, ED_LANGUAGE_JA), ==, "ドイツ");
  g_assert_cmpstr (ed_country_get_name (germany, ED_LANGUAGE_ZH_CN), ==, "德国");
  g_assert_cmpstr (ed_country_get_name (germany, ED_LANGUAGE_ZH_TW), ==, "德國");
  /* The common name, where the language has it. */
  g_assert_cmpstr (ed_country_get_name (korea, ED_LANGUAGE_EN), ==, "South Korea");
  g_assert_cmpstr (ed_country_get_name (korea, ED_LANGUAGE_ZH_CN), ==, "韩国");
  /* The UI language is English in the tests. */
  g_assert_cmpstr (ed_country_get_display_name (japan), ==, "Japan");
}

static void
test_country_icao (void)
{
  const EdCountry *d = ed_country_lookup ("D");
  const EdCountry *stateless = ed_country_lookup ("XXA");
  const char *icao[] = { "GBD", "GBN", "GBO", "GBP", "GBS", "UNO", "UNA", "UNK",
                         "XXA", "XXB", "XXC", "XXX", "XOM", "XPO", "EUE", "RKS" };

  g_assert_nonnull (d);
  g_assert_true (ed_country_is_icao_only (d));
  g_assert_cmpstr (ed_country_get_code (d), ==, "D");
  g_assert_cmpstr (ed_country_get_name (d, ED_LANGUAGE_EN), ==, "Germany");
  g_assert_cmpstr (ed_country_get_name (d, ED_LANGUAGE_JA), ==, "ドイツ");

  for (guint i = 0; i < G_N_ELEMENTS (icao); i++)
    {
      const EdCountry *country = ed_country_lookup (icao[i]);

      g_assert_nonnull (country);
      g_assert_true (ed_country_is_icao_only (country));
      g_assert_cmpstr (ed_country_get_name (country, ED_LANGUAGE_EN), !=, "");
    }

  g_assert_cmpstr (ed_country_get_name (stateless, ED_LANGUAGE_EN), ==, "Stateless person");
  /* Our own catalogs translate the ICAO-only names. */
  g_assert_cmpstr (ed_country_get_name (stateless, ED_LANGUAGE_JA), ==, "無国籍者");
  g_assert_cmpstr (ed_country_get_name (stateless, ED_LANGUAGE_ZH_CN), ==, "无国籍人");
}

static void
test_country_search_languages (void)
{
  g_assert_cmpstr (first_code ("japan"), ==, "JPN");
  g_assert_cmpstr (first_code ("Japan"), ==, "JPN");
  g_assert_cmpstr (first_code ("日本"), ==, "JPN");
  g_assert_cmpstr (first_code ("ドイツ"), ==, "DEU");
  g_assert_cmpstr (first_code ("どいつ"), ==, "DEU");
  g_assert_cmpstr (first_code ("德国"), ==, "DEU");
  g_assert_cmpstr (first_code ("德國"), ==, "DEU");
  g_assert_cmpstr (first_code ("ＪＡＰＡＮ"), ==, "JPN");
  g_assert_cmpstr (first_code ("aland"), ==, "ALA");
  g_assert_cmpstr (first_code ("stateless"), ==, "XXA");
  g_assert_null (first_code ("nowhereland"));
  g_assert_null (first_code (""));
  g_assert_null (first_code ("   "));
}

/* What clerks type, in the script and spelling they know: the common
 * name, the other Chinese script, an abbreviation. */
static void
test_country_search_clerks (void)
{
  const struct { const char *query; const char *code; } typed[] = {
    { "中国", "CHN" }, { "中國", "CHN" }, { "China", "CHN" }, { "CHN", "CHN" },
    { "cn", "CHN" }, { "中华人民共和国", "CHN" },
    { "日本", "JPN" }, { "JP", "JPN" },
    { "台灣", "TWN" }, { "台湾", "TWN" }, { "臺灣", "TWN" }, { "Taiwan", "TWN" },
    { "中華民国", "TWN" }, { "中華民國", "TWN" },
    { "韓国", "KOR" }, { "韓國", "KOR" }, { "韩国", "KOR" }, { "한국", "KOR" },
    { "北朝鮮", "PRK" }, { "朝鲜", "PRK" },
    { "英国", "GBR" }, { "英國", "GBR" }, { "イギリス", "GBR" }, { "UK", "GBR" },
    { "米国", "USA" }, { "美国", "USA" }, { "アメリカ", "USA" }, { "US", "USA" },
    { "香港", "HKG" }, { "澳門", "MAC" }, { "Burma", "MMR" }, { "チェコ", "CZE" },
    { "越南", "VNM" }, { "ベトナム", "VNM" }, { "菲律宾", "PHL" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_test_message ("%s", typed[i].query);
      g_assert_cmpstr (first_code (typed[i].query), ==, typed[i].code);
    }

  /* "UK" is also the start of UKR: Ukraine comes after. */
  g_assert_true (finds ("UK", "UKR"));
}

static void
test_country_search_codes (void)
{
  g_autoptr(GPtrArray) de = ed_country_search ("de");
  g_autoptr(GPtrArray) germany = ed_country_search ("germany");

  g_assert_cmpstr (first_code ("DEU"), ==, "DEU");
  g_assert_cmpstr (first_code ("deu"), ==, "DEU");
  g_assert_cmpstr (first_code ("jp"), ==, "JPN");
  g_assert_cmpstr (first_code ("D"), ==, "D");
  g_assert_cmpstr (first_code ("gbd"), ==, "GBD");

  /* "de": Germany by its code first, then names starting with "de". */
  g_assert_cmpuint (de->len, >, 2);
  g_assert_cmpstr (ed_country_get_code (g_ptr_array_index (de, 0)), ==, "DEU");
  g_assert_cmpstr (ed_country_get_code (g_ptr_array_index (de, 1)), ==, "DNK");

  /* D is Germany too, but a name search lists Germany once. */
  g_assert_cmpuint (germany->len, ==, 1);
  g_assert_cmpstr (ed_country_get_code (g_ptr_array_index (germany, 0)), ==, "DEU");
}

static int
position (GPtrArray  *found,
          const char *code)
{
  for (guint i = 0; i < found->len; i++)
    if (g_str_equal (ed_country_get_code (g_ptr_array_index (found, i)), code))
      return (int) i;

  return -1;
}

static void
test_country_search_ranking (void)
{
  g_autoptr(GPtrArray) guinea = ed_country_search ("guinea");
  g_autoptr(GPtrArray) land = ed_country_search ("land");

  /* Names starting with the query, then names with a word starting with
   * it, each in alphabetical order. */
  g_assert_cmpint (position (guinea, "GIN"), ==, 0);
  g_assert_cmpint (position (guinea, "GNB"), ==, 1);
  g_assert_cmpint (position (guinea, "GNQ"), ==, 2);
  g_assert_cmpint (position (guinea, "PNG"), ==, 3);

  /* Then names containing it anywhere. */
  g_assert_cmpint (position (land, "FIN"), >=, 0);
  g_assert_cmpint (position (land, "POL"), >, position (land, "FIN"));
  g_assert_true (finds ("korea", "KOR"));
  g_assert_true (finds ("korea", "PRK"));
}

static void
test_country_search_speed (void)
{
  const char *queries[] = { "a", "ja", "日", "ド", "united", "xx", "zz", "korea" };
  g_autoptr(GTimer) timer = NULL;
  double per_search;
  guint n = 0;

  /* The index is built once, before the clock starts. */
  g_ptr_array_unref (ed_country_search ("warm up"));

  timer = g_timer_new ();
  for (guint round = 0; round < 100; round++)
    for (guint i = 0; i < G_N_ELEMENTS (queries); i++, n++)
      g_ptr_array_unref (ed_country_search (queries[i]));
  per_search = g_timer_elapsed (timer, NULL) / n;

  g_test_message ("%u searches, %.3f ms each", n, per_search * 1000);
  /* Per keystroke: well under a frame, even in a sanitizer build. */
  g_assert_cmpfloat (per_search, <, 0.010);
}

/* A desk without iso-codes: the codes and English names built in still
 * find, check and name every country; ICAO's own codes as ever. */
static void
test_country_without_iso_codes (void)
{
  if (g_test_subprocess ())
    {
      /* The warning is the point here, not a failure. */
      g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
      g_setenv ("ENTRY_DESK_ISO_CODES_PREFIX", "/nonexistent", TRUE);

      g_assert_nonnull (ed_country_lookup ("JPN"));
      g_assert_true (ed_country_lookup ("jp") == ed_country_lookup ("JPN"));
      g_assert_cmpstr (ed_country_get_name (ed_country_lookup ("JPN"), ED_LANGUAGE_JA), ==,
                       "Japan");
      g_assert_cmpstr (ed_country_get_name (ed_country_lookup ("KOR"), ED_LANGUAGE_EN), ==,
                       "South Korea");
      g_assert_cmpstr (first_code ("CHN"), ==, "CHN");
      g_assert_cmpstr (first_code ("china"), ==, "CHN");
      g_assert_cmpstr (first_code ("UK"), ==, "GBR");
      g_assert_cmpstr (first_code ("台灣"), ==, "TWN");
      g_assert_cmpstr (first_code ("stateless"), ==, "XXA");
      g_assert_cmpstr (ed_country_get_code (ed_country_lookup ("D")), ==, "D");
      g_assert_cmpstr (ed_country_get_name (ed_country_lookup ("D"), ED_LANGUAGE_EN), ==,
                       "Germany");
      g_assert_null (ed_country_get_flag (ed_country_lookup ("JPN")));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*Cannot read the countries of iso-codes*");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/country/lookup", test_country_lookup);
  g_test_add_func ("/country/names", test_country_names);
  g_test_add_func ("/country/icao", test_country_icao);
  g_test_add_func ("/country/search/languages", test_country_search_languages);
  g_test_add_func ("/country/search/clerks", test_country_search_clerks);
  g_test_add_func ("/country/search/codes", test_country_search_codes);
  g_test_add_func ("/country/search/ranking", test_country_search_ranking);
  g_test_add_func ("/country/without-iso-codes", test_country_without_iso_codes);
  g_test_add_func ("/country/search/speed", test_country_search_speed);

  return g_test_run ();
}
