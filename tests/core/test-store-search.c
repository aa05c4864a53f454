/* test-store-search.c — search as you type: names in every script,
 * passport numbers, references; order and filters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "ed-test-store.h"
#include "ed-test-util.h"

typedef struct
{
  EdTestStore  fixture;
  EdCase      *eriksson;   /* a family of two */
  EdCase      *wang;
  EdCase      *yamada;
  EdCase      *henrik;
} Cases;

static void
cases_set_up (Cases         *cases,
              gconstpointer  data)
{
  ed_test_store_open (&cases->fixture);
  cases->eriksson = ed_test_add_case (cases->fixture.store, "jp-my-her-sys",
                                      ed_test_traveller ("ERIKSSON", "ANNA MARIA", NULL, NULL,
                                                         "AB1234567"),
                                      ed_test_traveller ("ERIKSSON", "LARS", NULL, NULL,
                                                         "AB7654321"),
                                      NULL);
  cases->wang = ed_test_add_case (cases->fixture.store, "cn-shanghai-health-code",
                                  ed_test_traveller ("WANG", "XIAOMING", "王小明", NULL,
                                                     "E12345678"),
                                  NULL);
  cases->yamada = ed_test_add_case (cases->fixture.store, "jp-my-her-sys",
                                    ed_test_traveller ("YAMADA", "TARO", "山田 太郎",
                                                       "ヤマダ タロウ", "TK1234567"),
                                    NULL);
  cases->henrik = ed_test_add_case (cases->fixture.store, "jp-my-her-sys",
                                    ed_test_traveller ("MÜLLER", "HENRIK", NULL, NULL,
                                                       "C01X00T47"),
                                    NULL);
}

static void
cases_tear_down (Cases         *cases,
                 gconstpointer  data)
{
  g_clear_object (&cases->eriksson);
  g_clear_object (&cases->wang);
  g_clear_object (&cases->yamada);
  g_clear_object (&cases->henrik);
  ed_test_store_close (&cases->fixture);
}

static void
assert_finds (Cases      *cases,
              const char *typed,
              EdCase     *expected)
{
  if (!ed_test_found (cases->fixture.store, typed, expected))
    g_error ("“%s” does not find %s", typed, ed_case_get_reference (expected));
}

static void
assert_misses (Cases      *cases,
               const char *typed,
               EdCase     *unexpected)
{
  if (ed_test_found (cases->fixture.store, typed, unexpected))
    g_error ("“%s” finds %s", typed, ed_case_get_reference (unexpected));
}

static void
test_search_latin (Cases         *cases,
                   gconstpointer  data)
{
  EdStore *store = cases->fixture.store;

  /* Every keystroke of a name, in any case. */
  assert_finds (cases, "e", cases->eriksson);
  assert_finds (cases, "er", cases->eriksson);
  assert_finds (cases, "Eri", cases->eriksson);
  assert_finds (cases, "eriksson", cases->eriksson);
  assert_finds (cases, "maria", cases->eriksson);
  assert_finds (cases, "lars", cases->eriksson);
  assert_finds (cases, "eriksson lars", cases->eriksson);
  assert_finds (cases, "ＥＲＩ", cases->eriksson);
  assert_misses (cases, "eriksson taro", cases->eriksson);

  /* Inside a word from three letters on; one letter is a word start. */
  assert_finds (cases, "sson", cases->eriksson);
  assert_finds (cases, "rik", cases->henrik);
  assert_misses (cases, "i", cases->eriksson);

  /* Accents typed or not. */
  assert_finds (cases, "muller", cases->henrik);
  assert_finds (cases, "müll", cases->henrik);

  /* A family is one row. */
  g_assert_cmpuint (ed_test_count_found (store, "eriksson", 0), ==, 1);
  g_assert_cmpuint (ed_test_count_found (store, "nobody", 0), ==, 0);
}

static void
test_search_cjk (Cases         *cases,
                 gconstpointer  data)
{
  /* Any substring of one character or more. */
  assert_finds (cases, "王", cases->wang);
  assert_finds (cases, "小", cases->wang);
  assert_finds (cases, "明", cases->wang);
  assert_finds (cases, "王小", cases->wang);
  assert_finds (cases, "小明", cases->wang);
  assert_finds (cases, "王小明", cases->wang);
  assert_misses (cases, "明小", cases->wang);

  assert_finds (cases, "山", cases->yamada);
  assert_finds (cases, "太郎", cases->yamada);
  assert_finds (cases, "田 太", cases->yamada);

  /* Furigana in katakana or hiragana, full or half width. */
  assert_finds (cases, "ヤマダ", cases->yamada);
  assert_finds (cases, "やまだ", cases->yamada);
  assert_finds (cases, "ﾀﾛｳ", cases->yamada);
  assert_finds (cases, "ま", cases->yamada);

  /* The Latin name of the same person. */
  assert_finds (cases, "xiaoming", cases->wang);
}

/* Simplified, Traditional and Japanese forms of a name find each other,
 * whichever was stored and whichever is typed. */
static void
test_search_han_variants (Cases         *cases,
                          gconstpointer  data)
{
  EdStore *store = cases->fixture.store;
  g_autoptr(EdCase) zhang = NULL;
  g_autoptr(EdCase) chen = NULL;
  g_autoptr(EdCase) sawada = NULL;
  g_autoptr(EdCase) kokubu = NULL;
  g_autoptr(EdCase) li = NULL;
  g_autoptr(EdCaseInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  zhang = ed_test_add_case (store, "jp-my-her-sys",
                            ed_test_traveller ("ZHANG", "WEI", "張偉", NULL, "312345678"),
                            NULL);
  chen = ed_test_add_case (store, "jp-my-her-sys",
                           ed_test_traveller ("CHEN", "JING", "陈静", NULL, "E87654321"),
                           NULL);
  sawada = ed_test_add_case (store, "jp-my-her-sys",
                             ed_test_traveller ("SAWADA", "HIROSHI", "沢田 広", "サワダ ヒロシ",
                                                "TR1234567"),
                             NULL);
  kokubu = ed_test_add_case (store, "jp-my-her-sys",
                             ed_test_traveller ("KOKUBU", "SAKURA", "國分 櫻", NULL, "TR7654321"),
                             NULL);

  assert_finds (cases, "张伟", zhang);
  assert_finds (cases, "張偉", zhang);
  assert_finds (cases, "张", zhang);
  assert_finds (cases, "伟", zhang);
  assert_finds (cases, "陳静", chen);
  assert_finds (cases, "陳", chen);
  assert_finds (cases, "陈", chen);
  assert_finds (cases, "澤田", sawada);
  assert_finds (cases, "泽田", sawada);
  assert_finds (cases, "廣", sawada);
  assert_finds (cases, "广", sawada);
  assert_finds (cases, "国分", kokubu);
  assert_finds (cases, "國分", kokubu);
  assert_finds (cases, "桜", kokubu);
  assert_finds (cases, "樱", kokubu);
  assert_misses (cases, "张", chen);
  assert_misses (cases, "陈", zhang);
  g_assert_cmpuint (ed_test_count_found (store, "张", 0), ==, 1);

  /* A name in native script only is the name a list shows: not twice. */
  li = ed_test_add_case (store, "jp-my-her-sys",
                         ed_test_traveller (NULL, NULL, "李娜", NULL, NULL), NULL);
  g_assert_true (ed_store_flush (store, NULL));
  info = ed_store_find_case (store, ed_case_get_reference (li), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_case_info_get_title (info), ==, "李娜");
  g_assert_null (ed_case_info_get_native_name (info));
}

/* A store written before Han variants were folded (tests/data/store/
 * schema-4.db, see make-schema-4.sh): its search rows are made again,
 * so its Traditional and shinjitai names are found by their other forms,
 * and its list rows gain the names in native script. */
static void
test_search_migrate_from_4 (void)
{
  g_autofree char *dir = ed_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "cases.db", NULL);
  g_autofree char *fixture = ed_test_data_path ("store", "schema-4.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdStore) store = NULL;
  g_autoptr(EdCaseInfo) zhang = NULL;
  g_autoptr(EdCaseInfo) sawada = NULL;
  g_auto(GStrv) found = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (fixture, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  g_assert_cmpint (ed_test_sql_int (path, "PRAGMA user_version"), ==, 4);

  store = ed_store_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ed_test_sql_int (path, "PRAGMA user_version"), ==, 6);

  found = ed_test_search_refs (store, "张", 0);
  g_assert_cmpstrv (found, ((const char *[]) { "ED-4H7N-2P", NULL }));
  g_clear_pointer (&found, g_strfreev);
  found = ed_test_search_refs (store, "陈美", 0);
  g_assert_cmpstrv (found, ((const char *[]) { "ED-4H7N-2P", NULL }));
  g_clear_pointer (&found, g_strfreev);
  found = ed_test_search_refs (store, "澤田", 0);
  g_assert_cmpstrv (found, ((const char *[]) { "ED-8JKW-5T", NULL }));
  g_clear_pointer (&found, g_strfreev);
  found = ed_test_search_refs (store, "广", 0);
  g_assert_cmpstrv (found, ((const char *[]) { "ED-8JKW-5T", NULL }));
  g_clear_pointer (&found, g_strfreev);
  /* What was found before still is; the newer case still comes first. */
  found = ed_test_search_refs (store, "wei", 0);
  g_assert_cmpstrv (found, ((const char *[]) { "ED-4H7N-2P", NULL }));
  g_clear_pointer (&found, g_strfreev);
  found = ed_test_search_refs (store, "", 0);
  g_assert_cmpstrv (found, ((const char *[]) { "ED-8JKW-5T", "ED-4H7N-2P", NULL }));

  zhang = ed_store_find_case (store, "ED-4H7N-2P", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_case_info_get_native_name (zhang), ==, "張偉");
  sawada = ed_store_find_case (store, "ED-8JKW-5T", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_case_info_get_native_name (sawada), ==, "沢田広");

  g_assert_finalize_object (g_steal_pointer (&store));
  ed_test_rm_rf (dir);
}

static void
test_search_passport (Cases         *cases,
                      gconstpointer  data)
{
  assert_finds (cases, "E", cases->wang);
  assert_finds (cases, "E12", cases->wang);
  assert_finds (cases, "e12345678", cases->wang);
  assert_finds (cases, "TK12", cases->yamada);
  /* The last digits, as people read them off a photocopy. */
  assert_finds (cases, "5678", cases->wang);
  assert_finds (cases, "7654321", cases->eriksson);
  assert_misses (cases, "E12345679", cases->wang);
}

static void
test_search_reference (Cases         *cases,
                       gconstpointer  data)
{
  const char *shown = ed_case_get_reference (cases->wang);   /* ED-XXXX-XX */
  g_autofree char *lower = g_ascii_strdown (shown, -1);
  g_autofree char *compact = g_strdup_printf ("%.4s%.2s", shown + 3, shown + 8);
  g_autofree char *bare_start = g_strndup (shown + 3, 3);
  g_autofree char *typed_start = g_strndup (shown, 6);
  g_auto(GStrv) refs = NULL;

  assert_finds (cases, shown, cases->wang);
  assert_finds (cases, lower, cases->wang);
  assert_finds (cases, compact, cases->wang);
  assert_finds (cases, bare_start, cases->wang);
  assert_finds (cases, typed_start, cases->wang);

  /* A whole reference comes first, and alone when nothing else has it. */
  refs = ed_test_search_refs (cases->fixture.store, compact, ED_CASE_QUERY_OPEN);
  g_assert_cmpstr (refs[0], ==, shown);
}

static void
test_search_order (Cases         *cases,
                   gconstpointer  data)
{
  g_autoptr(EdCase) sonia = NULL;
  g_auto(GStrv) refs = NULL;
  g_auto(GStrv) recent = NULL;

  sonia = ed_test_add_case (cases->fixture.store, "jp-my-her-sys",
                            ed_test_traveller ("SONG", "SONIA", NULL, NULL, NULL), NULL);

  /* A name that starts with the text before one that holds it. */
  refs = ed_test_search_refs (cases->fixture.store, "son", ED_CASE_QUERY_OPEN);
  g_assert_cmpuint (g_strv_length (refs), ==, 2);
  g_assert_cmpstr (refs[0], ==, ed_case_get_reference (sonia));
  g_assert_cmpstr (refs[1], ==, ed_case_get_reference (cases->eriksson));

  /* Otherwise the case changed last comes first, in searches and in
   * the plain list, even within the same second. */
  ed_case_set_notes (cases->wang, "New address");
  g_assert_true (ed_store_flush (cases->fixture.store, NULL));
  g_clear_pointer (&refs, g_strfreev);
  refs = ed_test_search_refs (cases->fixture.store, "e", ED_CASE_QUERY_OPEN);
  g_assert_cmpstr (refs[0], ==, ed_case_get_reference (cases->wang));
  g_assert_true (g_strv_contains ((const char * const *) refs,
                                  ed_case_get_reference (cases->eriksson)));
  recent = ed_test_search_refs (cases->fixture.store, "", ED_CASE_QUERY_OPEN);
  g_assert_cmpuint (g_strv_length (recent), ==, 5);
  g_assert_cmpstr (recent[0], ==, ed_case_get_reference (cases->wang));
  g_assert_cmpstr (recent[1], ==, ed_case_get_reference (sonia));
}

static void
test_search_filters (Cases         *cases,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) two = NULL;

  /* Closed cases only when asked, except by their whole reference. */
  ed_case_set_status (cases->yamada, ED_CASE_CLOSED);
  g_assert_true (ed_store_flush (cases->fixture.store, NULL));
  g_assert_cmpuint (ed_test_count_found (cases->fixture.store, "yamada", ED_CASE_QUERY_OPEN), ==,
                    0);
  assert_finds (cases, "yamada", cases->yamada);
  g_assert_cmpuint (ed_test_count_found (cases->fixture.store,
                                         ed_case_get_reference (cases->yamada),
                                         ED_CASE_QUERY_OPEN), ==, 1);

  /* Deleted cases never. */
  g_assert_true (ed_store_trash_case (cases->fixture.store, ed_case_get_id (cases->wang), &error));
  assert_misses (cases, "王", cases->wang);
  assert_misses (cases, ed_case_get_reference (cases->wang), cases->wang);

  /* The limit. */
  two = ed_store_search (cases->fixture.store, "", ED_CASE_QUERY_INCLUDE_CLOSED, 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (two->len, ==, 2);
}

static void
test_search_cancelled (Cases         *cases,
                       gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;

  g_cancellable_cancel (cancellable);
  found = ed_store_search (cases->fixture.store, "e", 0, 0, cancellable, &error);
  g_assert_null (found);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_search_info (Cases         *cases,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdCaseInfo) info = NULL;
  const char *names[] = { "ERIKSSON ANNA MARIA", "ERIKSSON LARS", NULL };

  ed_case_set_item_done (cases->eriksson, NULL, "install", "app", TRUE);
  ed_case_set_current_step (cases->eriksson, "install");
  g_assert_true (ed_store_flush (cases->fixture.store, NULL));

  /* A row of the list without loading the case. */
  info = ed_store_find_case (cases->fixture.store, ed_case_get_reference (cases->eriksson),
                             &error);
  g_assert_no_error (error);
  g_assert_cmpint (ed_case_info_get_id (info), ==, ed_case_get_id (cases->eriksson));
  g_assert_cmpstrv (ed_case_info_get_names (info), names);
  g_assert_cmpstr (ed_case_info_get_title (info), ==, "ERIKSSON ANNA MARIA, ERIKSSON LARS");
  g_assert_null (ed_case_info_get_native_name (info));
  g_assert_cmpstr (ed_case_info_get_procedure_id (info), ==, "jp-my-her-sys");
  g_assert_cmpstr (ed_case_info_get_current_step (info), ==, "install");
  g_assert_cmpuint (ed_case_info_get_n_travellers (info), ==, 2);
  g_assert_cmpuint (ed_case_info_get_n_done (info), ==, 1);
  g_assert_cmpint (ed_case_info_get_status (info), ==, ED_CASE_OPEN);
  g_assert_cmpint (ed_case_info_get_modified (info), ==, ed_case_get_modified (cases->eriksson));
  g_clear_object (&info);

  /* The first traveller's name in native script, beside the passport
   * name; it follows a change. */
  info = ed_store_find_case (cases->fixture.store, ed_case_get_reference (cases->yamada),
                             &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_case_info_get_native_name (info), ==, "山田 太郎");
  g_clear_object (&info);
  ed_traveller_set (ed_case_get_traveller (cases->yamada, 0), "native_name", "山田 一郎");
  g_assert_true (ed_store_flush (cases->fixture.store, NULL));
  info = ed_store_find_case (cases->fixture.store, ed_case_get_reference (cases->yamada),
                             &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_case_info_get_native_name (info), ==, "山田 一郎");
  g_clear_object (&info);

  info = ed_store_find_case (cases->fixture.store, "ED-0000-00", &error);
  g_assert_error (error, ED_ERROR, ED_ERROR_NOT_FOUND);
  g_assert_null (info);
  g_clear_error (&error);
  info = ed_store_find_case (cases->fixture.store, "Eriksson", &error);
  g_assert_error (error, ED_ERROR, ED_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Cases, NULL, cases_set_up, func, cases_tear_down)

  ADD ("/store-search/latin", test_search_latin);
  ADD ("/store-search/cjk", test_search_cjk);
  ADD ("/store-search/han-variants", test_search_han_variants);
  g_test_add_func ("/store-search/migrate-from-4", test_search_migrate_from_4);
  ADD ("/store-search/passport", test_search_passport);
  ADD ("/store-search/reference", test_search_reference);
  ADD ("/store-search/order", test_search_order);
  ADD ("/store-search/filters", test_search_filters);
  ADD ("/store-search/cancelled", test_search_cancelled);
  ADD ("/store-search/info", test_search_info);

  return g_test_run ();
}
