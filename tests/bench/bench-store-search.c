/* bench-store-search.c — search as you type over a large case store
 *
 * Fills a new store with --cases cases (default 100,000): families and
 * single travellers with Latin, Chinese and Japanese names (native
 * script and furigana), passport numbers in their countries' formats,
 * a fifth of the cases closed. Then types sequences such as "e", "er",
 * "eri" or "王", "王小" one keystroke at a time and measures each
 * search as the GUI runs it (ED_STORE_SEARCH_LIMIT rows, open cases).
 *
 * Prints one line per keystroke (median and worst of --repeat runs) and
 * exits 1 when the worst median is over --target ms (16: one frame).
 *
 *   meson test -C _build --benchmark --verbose
 *   _build/tests/bench/bench-store-search --cases 100000
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "ed-core.h"
#include "ed-store-sqlite-private.h"
#include "ed-test-util.h"

typedef struct
{
  const char *native;
  const char *phonetic;   /* katakana, for Japanese names */
  const char *latin;
} Name;

static const char * const latin_surnames[] = {
  "ERIKSSON", "JOHANSSON", "ANDERSSON", "NILSSON", "MUELLER", "SCHMIDT", "SCHNEIDER", "FISCHER",
  "GARCIA", "MARTINEZ", "LOPEZ", "GONZALEZ", "ROSSI", "RUSSO", "FERRARI", "SMITH", "JOHNSON",
  "BROWN", "WILLIAMS", "TAYLOR", "NGUYEN", "TRAN", "PHAM", "SILVA", "SANTOS", "OLIVEIRA",
  "DUBOIS", "MARTIN", "BERNARD", "KOWALSKI", "NOWAK", "IVANOV", "PETROV", "HANSEN", "JENSEN",
  "EVANS", "EDWARDS", "ELLIS", "ENGEL", "ESPOSITO", "O'BRIEN", "MURPHY", "KELLY", "DE LA CRUZ",
  "VAN DER BERG", "PATEL", "SHARMA", "SINGH", "KHAN", "ALI", "HASSAN", "COHEN", "LEVI",
};

static const char * const latin_given[] = {
  "ANNA", "ERIK", "MARIA", "JOHN", "EMMA", "LUCAS", "SOFIA", "NOAH", "OLIVIA", "LIAM", "ELENA",
  "ERIC", "ERIKA", "EMIL", "ELIAS", "ISABELLA", "MATEO", "CHLOE", "DAVID", "SARAH", "THOMAS",
  "LAURA", "PETER", "JULIA", "MICHAEL", "ANNA MARIA", "JEAN PIERRE", "MARIE", "PAUL", "LENA",
};

static const Name chinese_surnames[] = {
  { "王", NULL, "WANG" }, { "李", NULL, "LI" }, { "张", NULL, "ZHANG" }, { "刘", NULL, "LIU" },
  { "陈", NULL, "CHEN" }, { "杨", NULL, "YANG" }, { "黄", NULL, "HUANG" }, { "赵", NULL, "ZHAO" },
  { "吴", NULL, "WU" }, { "周", NULL, "ZHOU" }, { "徐", NULL, "XU" }, { "孙", NULL, "SUN" },
  { "马", NULL, "MA" }, { "朱", NULL, "ZHU" }, { "胡", NULL, "HU" }, { "郭", NULL, "GUO" },
  { "何", NULL, "HE" }, { "高", NULL, "GAO" }, { "林", NULL, "LIN" }, { "罗", NULL, "LUO" },
  { "欧阳", NULL, "OUYANG" }, { "司马", NULL, "SIMA" },
};

static const Name chinese_given[] = {
  { "伟", NULL, "WEI" }, { "芳", NULL, "FANG" }, { "娜", NULL, "NA" }, { "敏", NULL, "MIN" },
  { "静", NULL, "JING" }, { "丽", NULL, "LI" }, { "强", NULL, "QIANG" }, { "磊", NULL, "LEI" },
  { "军", NULL, "JUN" }, { "洋", NULL, "YANG" }, { "勇", NULL, "YONG" }, { "艳", NULL, "YAN" },
  { "杰", NULL, "JIE" }, { "涛", NULL, "TAO" }, { "明", NULL, "MING" }, { "超", NULL, "CHAO" },
  { "秀", NULL, "XIU" }, { "霞", NULL, "XIA" }, { "平", NULL, "PING" }, { "华", NULL, "HUA" },
  { "小", NULL, "XIAO" }, { "文", NULL, "WEN" }, { "玲", NULL, "LING" }, { "建", NULL, "JIAN" },
  { "国", NULL, "GUO" }, { "红", NULL, "HONG" }, { "宇", NULL, "YU" }, { "浩", NULL, "HAO" },
};

static const Name japanese_surnames[] = {
  { "佐藤", "サトウ", "SATO" }, { "鈴木", "スズキ", "SUZUKI" },
  { "高橋", "タカハシ", "TAKAHASHI" }, { "田中", "タナカ", "TANAKA" },
  { "伊藤", "イトウ", "ITO" }, { "渡辺", "ワタナベ", "WATANABE" },
  { "山本", "ヤマモト", "YAMAMOTO" }, { "中村", "ナカムラ", "NAKAMURA" },
  { "小林", "コバヤシ", "KOBAYASHI" }, { "加藤", "カトウ", "KATO" },
  { "吉田", "ヨシダ", "YOSHIDA" }, { "山田", "ヤマダ", "YAMADA" },
  { "佐々木", "ササキ", "SASAKI" }, { "山口", "ヤマグチ", "YAMAGUCHI" },
  { "松本", "マツモト", "MATSUMOTO" }, { "井上", "イノウエ", "INOUE" },
  { "木村", "キムラ", "KIMURA" }, { "林", "ハヤシ", "HAYASHI" },
  { "清水", "シミズ", "SHIMIZU" }, { "王", "オウ", "OU" },
};

static const Name japanese_given[] = {
  { "太郎", "タロウ", "TARO" }, { "花子", "ハナコ", "HANAKO" }, { "翔", "ショウ", "SHO" },
  { "陽菜", "ヒナ", "HINA" }, { "大輝", "ダイキ", "DAIKI" }, { "美咲", "ミサキ", "MISAKI" },
  { "健太", "ケンタ", "KENTA" }, { "結衣", "ユイ", "YUI" }, { "拓海", "タクミ", "TAKUMI" },
  { "葵", "アオイ", "AOI" }, { "蓮", "レン", "REN" }, { "さくら", "サクラ", "SAKURA" },
  { "悠人", "ユウト", "YUTO" }, { "愛", "アイ", "AI" }, { "翼", "ツバサ", "TSUBASA" },
  { "恵理", "エリ", "ERI" }, { "小百合", "サユリ", "SAYURI" },
};

static const char * const procedures[] = {
  "jp-my-her-sys", "jp-mynumber-insurance-card", "jp-entry-waiting-mysos",
  "cn-shanghai-health-code", "cn-beijing-health-code", "cn-guangzhou-health-code",
};

#define PICK(rand, array) (array[g_rand_int_range (rand, 0, G_N_ELEMENTS (array))])

static char *
passport_number (GRand      *rand,
                 const char *format)
{
  GString *number = g_string_new (NULL);

  for (const char *f = format; *f != '\0'; f++)
    {
      if (*f == '9')
        g_string_append_c (number, (char) ('0' + g_rand_int_range (rand, 0, 10)));
      else if (*f == 'A')
        g_string_append_c (number, (char) ('A' + g_rand_int_range (rand, 0, 26)));
      else
        g_string_append_c (number, *f);
    }

  return g_string_free (number, FALSE);
}

static EdTraveller *
make_traveller (GRand      *rand,
                int         origin,
                const Name *family)
{
  EdTraveller *traveller = ed_traveller_new ();
  g_autofree char *passport = NULL;

  if (origin == 0)
    {
      ed_traveller_set (traveller, "surname", family->latin);
      ed_traveller_set (traveller, "given_names", PICK (rand, latin_given));
      ed_traveller_set (traveller, "nationality", "SWE");
      passport = passport_number (rand, g_rand_boolean (rand) ? "99999999" : "AA9999999");
    }
  else if (origin == 1)
    {
      const Name *first = &PICK (rand, chinese_given);
      const Name *second = g_rand_boolean (rand) ? &PICK (rand, chinese_given) : NULL;
      g_autofree char *native = g_strconcat (family->native, first->native,
                                             second != NULL ? second->native : "", NULL);
      g_autofree char *given = g_strconcat (first->latin, second != NULL ? second->latin : "",
                                            NULL);

      ed_traveller_set (traveller, "surname", family->latin);
      ed_traveller_set (traveller, "given_names", given);
      ed_traveller_set (traveller, "native_name", native);
      ed_traveller_set (traveller, "nationality", "CHN");
      passport = passport_number (rand, g_rand_boolean (rand) ? "E99999999" : "EA9999999");
    }
  else
    {
      const Name *given = &PICK (rand, japanese_given);
      g_autofree char *native = g_strconcat (family->native, " ", given->native, NULL);
      g_autofree char *phonetic = g_strconcat (family->phonetic, " ", given->phonetic, NULL);

      ed_traveller_set (traveller, "surname", family->latin);
      ed_traveller_set (traveller, "given_names", given->latin);
      ed_traveller_set (traveller, "native_name", native);
      ed_traveller_set (traveller, "phonetic_name", phonetic);
      ed_traveller_set (traveller, "nationality", "JPN");
      passport = passport_number (rand, "TK9999999");
    }

  ed_traveller_set (traveller, "passport_number", passport);
  ed_traveller_set (traveller, "birth_date", "1985-04-12");
  ed_traveller_set (traveller, "email", "someone@example.com");
  return traveller;
}

static EdCaseRecord *
make_record (GRand  *rand,
             gint64  now)
{
  EdCaseRecord *record = ed_case_record_new ();
  int origin = g_rand_int_range (rand, 0, 10);
  int size = g_rand_int_range (rand, 0, 10) < 8 ? 1 : g_rand_int_range (rand, 2, 5);
  Name latin_family = { NULL, NULL, PICK (rand, latin_surnames) };
  const Name *family;

  origin = origin < 4 ? 0 : origin < 7 ? 1 : 2;
  family = origin == 0 ? &latin_family
         : origin == 1 ? &PICK (rand, chinese_surnames) : &PICK (rand, japanese_surnames);

  record->procedure_id = g_strdup (PICK (rand, procedures));
  record->procedure_version = 1;
  record->created = now - g_rand_int_range (rand, 0, 3 * 365 * 86400);
  record->modified = record->created + g_rand_int_range (rand, 0, 30 * 86400);
  if (g_rand_int_range (rand, 0, 5) == 0)
    {
      record->status = ED_CASE_CLOSED;
      record->closed = record->modified;
    }
  for (int i = 0; i < size; i++)
    g_ptr_array_add (record->travellers, make_traveller (rand, origin, family));
  for (int i = 0; i < g_rand_int_range (rand, 0, 6); i++)
    {
      EdRecordTick tick = {
        .traveller = -1,
        .step_id = g_strdup ("register"),
        .item_id = g_strdup_printf ("item-%d", i),
        .done_at = record->modified,
      };

      g_array_append_val (record->ticks, tick);
    }

  return record;
}

/* Straight into the tables, thousands a transaction: the public API
 * commits (and syncs) once a case, as a person adds them. */
static void
fill (EdStore *store,
      guint    n_cases,
      GRand   *rand)
{
  EdStoreSqlite *sqlite = ED_STORE_SQLITE (ed_store_get_backend (store));
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GError) error = NULL;
  guint done = 0;

  g_mutex_lock (&sqlite->db_lock);
  while (done < n_cases)
    {
      g_assert_true (_ed_sql_begin (sqlite->db, &error));
      for (guint i = 0; i < 5000 && done < n_cases; i++, done++)
        {
          g_autoptr(EdCaseRecord) record = make_record (rand, now);

          if (!_ed_store_sqlite_insert_record (sqlite->db, record, TRUE, &error))
            g_error ("%s", error->message);
        }
      g_assert_true (_ed_sql_commit (sqlite->db, &error));
    }
  g_assert_true (_ed_sql_exec (sqlite->db, "PRAGMA wal_checkpoint (TRUNCATE)", &error));
  g_mutex_unlock (&sqlite->db_lock);
}

static double
file_megabytes (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL ? (double) g_file_info_get_size (info) / (1024.0 * 1024.0) : 0.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Returns the median in ms; prints the keystroke's line. */
static double
measure (EdStore    *store,
         const char *typed,
         guint       repeat)
{
  g_autofree double *times = g_new0 (double, repeat);
  guint n_found = 0;

  for (guint r = 0; r < repeat; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) found = NULL;
      gint64 start = g_get_monotonic_time ();

      found = ed_store_search (store, typed, ED_CASE_QUERY_OPEN, ED_STORE_SEARCH_LIMIT, NULL,
                               &error);
      times[r] = (double) (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
      n_found = found->len;
    }
  qsort (times, repeat, sizeof (double), compare_doubles);

  printf ("| %-14s | %5u | %8.2f | %8.2f |\n", typed, n_found, times[repeat / 2],
          times[repeat - 1]);
  return times[repeat / 2];
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20221011);
  g_autoptr(GPtrArray) any = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *reference = NULL;
  int n_cases = 100000, repeat = 7;
  double target = 16.0, worst = 0.0;
  gboolean keep = FALSE;
  gint64 start;
  const GOptionEntry entries[] = {
    { "cases", 0, 0, G_OPTION_ARG_INT, &n_cases, "Cases to fill the store with", "N" },
    { "repeat", 0, 0, G_OPTION_ARG_INT, &repeat, "Runs of each search", "N" },
    { "target", 0, 0, G_OPTION_ARG_DOUBLE, &target, "Worst median allowed, in ms", "MS" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the database and print where it is", NULL },
    { NULL }
  };
  const char * const sequences[][6] = {
    { "e", "er", "eri", "erik", "eriks", NULL },
    { "王", "王小", NULL },
    { "小", "小明", NULL },
    { "E", "E1", "E12", "E123", NULL },
    { "TK", "TK1", "TK12", NULL },
    { "やま", "やまだ", "ヤマダ タ", NULL },
    { "zhang", "zhang w", "zhang wei", NULL },
    { "sson", "345", NULL },
    { "", NULL },
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_cases < 1 || repeat < 1)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "--cases and --repeat must be > 0");
      return 2;
    }

  dir = ed_test_make_tmpdir ();
  path = g_build_filename (dir, "cases.db", NULL);
  store = ed_store_open (path, NULL, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  fill (store, (guint) n_cases, rand);
  printf ("Filled %d cases in %.1f s\n", n_cases,
          (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC);

  /* Opening checks the whole file (quick_check): what a start costs. */
  g_clear_object (&store);
  start = g_get_monotonic_time ();
  store = ed_store_open (path, NULL, &error);
  g_assert_no_error (error);
  printf ("Opened in %.0f ms; the file is %.1f MB\n\n",
          (double) (g_get_monotonic_time () - start) / 1000.0, file_megabytes (path));

  printf ("| typed          | found | median ms | worst ms |\n");
  printf ("| -------------- | ----- | --------- | -------- |\n");
  for (guint s = 0; s < G_N_ELEMENTS (sequences); s++)
    for (guint k = 0; sequences[s][k] != NULL; k++)
      {
        double median = measure (store, sequences[s][k], (guint) repeat);

        worst = MAX (worst, median);
      }

  /* A reference read off a paper, typed as it comes. */
  any = ed_store_search (store, "", ED_CASE_QUERY_OPEN, 1, NULL, &error);
  g_assert_no_error (error);
  reference = g_strdup (ed_case_info_get_reference (g_ptr_array_index (any, 0)));
  for (gsize len = 4; len <= strlen (reference); len += 3)
    {
      g_autofree char *typed = g_strndup (reference, len);
      double median = measure (store, typed, (guint) repeat);

      worst = MAX (worst, median);
    }

  printf ("\nWorst median per keystroke: %.2f ms (target %.1f ms) over %d cases\n",
          worst, target, n_cases);

  g_clear_object (&store);
  if (keep)
    printf ("The database is kept: %s\n", path);
  else
    ed_test_rm_rf (dir);
  return worst <= target ? 0 : 1;
}
