/* test-normalize.c — what staff type, in the form official systems accept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "ed-core.h"

typedef char *(*NormalizeFunc) (const char *text);

static void
assert_normalizes (NormalizeFunc  func,
                   const char    *input,
                   const char    *expected)
{
  g_autofree char *result = func (input);

  g_assert_cmpstr (result, ==, expected);
}

static void
test_normalize_width (void)
{
  /* Full-width ASCII and the ideographic space become half width. */
  assert_normalizes (ed_fold_width, "ＡＢ１２３４５６７", "AB1234567");
  assert_normalizes (ed_fold_width, "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ", "taro@example.com");
  assert_normalizes (ed_fold_width, "山田　太郎", "山田 太郎");
  /* Mixed widths in one value. */
  assert_normalizes (ed_fold_width, "AB１2３", "AB123");
  /* Half-width katakana become full width, voiced marks composed. */
  assert_normalizes (ed_fold_width, "ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダ タロウ");
  assert_normalizes (ed_fold_width, "ﾊﾟｽﾎﾟｰﾄ", "パスポート");
  /* A lone half-width voiced mark after a full-width kana. */
  assert_normalizes (ed_fold_width, "カﾞ", "ガ");
  /* What NFKC would change but a name or an address must keep. */
  assert_normalizes (ed_fold_width, "㈱山田商事", "㈱山田商事");
  assert_normalizes (ed_fold_width, "①丁目", "①丁目");
  assert_normalizes (ed_fold_width, "\xef\xa8\x99田", "\xef\xa8\x99田");  /* 神 U+FA19 */
  assert_normalizes (ed_fold_width, "髙橋", "髙橋");
  /* Zero-width spaces pasted from a web page go; no-break spaces are spaces. */
  assert_normalizes (ed_fold_width, "AB\xe2\x80\x8b" "12\xc2\xa0" "3", "AB12 3");
  assert_normalizes (ed_fold_width, NULL, NULL);
}

/* Simplified, Traditional and Japanese forms meet (OpenCC's tables). */
static void
test_normalize_fold_han (void)
{
  const char *same[][3] = {
    { "張偉", "张伟", "張偉" },
    { "陳", "陈", "陳" },
    { "沢田", "澤田", "泽田" },
    { "国", "國", "国" },
    { "広", "廣", "广" },
    { "桜", "櫻", "樱" },
    { "斉藤", "齊藤", "齐藤" },
    { "渡辺", "渡邊", "渡边" },
    /* The compatibility ideograph 神 (U+FA19) is the unified 神. */
    { "\xef\xa8\x99", "神", "神" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autofree char *a = ed_fold_search (same[i][0]);
      g_autofree char *b = ed_fold_search (same[i][1]);
      g_autofree char *c = ed_fold_search (same[i][2]);

      g_assert_cmpstr (a, ==, b);
      g_assert_cmpstr (b, ==, c);
    }

  /* One canonical form, the simplified one. */
  g_assert_cmpuint (ed_fold_han (0x5F35 /* 張 */), ==, 0x5F20 /* 张 */);
  g_assert_cmpuint (ed_fold_han (0x6CA2 /* 沢 */), ==, 0x6CFD /* 泽 */);
  /* A simplified character that is also a shinjitai keeps its Chinese
   * reading (芸 is not 藝); Latin letters and kana are not Han. */
  g_assert_cmpuint (ed_fold_han (0x82B8 /* 芸 */), ==, 0x82B8);
  g_assert_cmpuint (ed_fold_han ('A'), ==, 'A');
  g_assert_cmpuint (ed_fold_han (0x3042 /* あ */), ==, 0x3042);

  /* Folding twice changes nothing: the index and a query agree. */
  for (gunichar c = 0x2E80; c < 0x32000; c++)
    if (ed_fold_han (ed_fold_han (c)) != ed_fold_han (c))
      g_error ("U+%04X folds to U+%04X, then to U+%04X", c, ed_fold_han (c),
               ed_fold_han (ed_fold_han (c)));
}

/* What the case search and the Procedures view compare. */
static void
test_normalize_fold_search (void)
{
  assert_normalizes (ed_fold_search, "ＥＲＩＫＳＳＯＮ", "eriksson");
  assert_normalizes (ed_fold_search, "ﾔﾏﾀﾞ ヤマダ", "やまだ やまだ");
  assert_normalizes (ed_fold_search, "Müller", "müller");
  assert_normalizes (ed_fold_search, "張偉 ZHANG", "张伟 zhang");
  assert_normalizes (ed_fold_search, "", "");
}

static void
test_normalize_text (void)
{
  assert_normalizes (ed_fold_text, "　東京都千代田区１－１ ", "東京都千代田区1-1");
  assert_normalizes (ed_fold_text, "ﾔﾏﾀﾞ", "ヤマダ");
  assert_normalizes (ed_fold_text, "上海市㈱", "上海市㈱");
}

static void
test_normalize_name_latin (void)
{
  assert_normalizes (ed_normalize_name_latin, "  eriksson ", "ERIKSSON");
  assert_normalizes (ed_normalize_name_latin, "anna   maria", "ANNA MARIA");
  assert_normalizes (ed_normalize_name_latin, "ａｎｎａ　ｍａｒｉａ", "ANNA MARIA");
  assert_normalizes (ed_normalize_name_latin, "o’brien", "O'BRIEN");
  assert_normalizes (ed_normalize_name_latin, "Weiß", "WEISS");
  /* Accents are kept for the rules to ask about. */
  assert_normalizes (ed_normalize_name_latin, "José", "JOSÉ");
  assert_normalizes (ed_normalize_name_latin, "", "");
}

static void
test_normalize_passport_number (void)
{
  assert_normalizes (ed_normalize_passport_number, "ＡＢ１２３４５６７", "AB1234567");
  assert_normalizes (ed_normalize_passport_number, "ab 123 4567", "AB1234567");
  assert_normalizes (ed_normalize_passport_number, "TK-1234567", "TK1234567");
  assert_normalizes (ed_normalize_passport_number, "L898902C<", "L898902C");
  assert_normalizes (ed_normalize_passport_number, "ｅｊ１２３４５６７", "EJ1234567");
  /* What cannot be fixed is left for the rules. */
  assert_normalizes (ed_normalize_passport_number, "AB/12", "AB/12");
}

static void
test_normalize_phone (void)
{
  assert_normalizes (ed_normalize_phone, "090-1234-5678", "09012345678");
  assert_normalizes (ed_normalize_phone, "０９０－１２３４－５６７８", "09012345678");
  assert_normalizes (ed_normalize_phone, "090ー1234ー5678", "09012345678");
  assert_normalizes (ed_normalize_phone, "(03) 6757 1038", "0367571038");
  assert_normalizes (ed_normalize_phone, "+86 138 0013 8000", "+8613800138000");
  assert_normalizes (ed_normalize_phone, "＋８１ (0)90-1234-5678", "+819012345678");
  assert_normalizes (ed_normalize_phone, "03.6757.1038", "0367571038");
  assert_normalizes (ed_normalize_phone, "090x1234", "090x1234");
}

static void
test_normalize_email (void)
{
  assert_normalizes (ed_normalize_email, "  Taro.Yamada@Example.COM ", "Taro.Yamada@example.com");
  assert_normalizes (ed_normalize_email, "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", "taro@example.jp");
  assert_normalizes (ed_normalize_email, "no-at-sign", "no-at-sign");
}

static void
test_normalize_date (void)
{
  assert_normalizes (ed_normalize_date, "2024-01-02", "2024-01-02");
  assert_normalizes (ed_normalize_date, "2024/1/2", "2024-01-02");
  assert_normalizes (ed_normalize_date, "２０２４．０１．０２", "2024-01-02");
  assert_normalizes (ed_normalize_date, "2024年1月2日", "2024-01-02");
  assert_normalizes (ed_normalize_date, "20240102", "2024-01-02");
  /* Not rewritten: another order, or not a date at all. */
  assert_normalizes (ed_normalize_date, "02/01/2024", "02/01/2024");
  assert_normalizes (ed_normalize_date, " tomorrow ", "tomorrow");
  /* Existence is the rules' business. */
  assert_normalizes (ed_normalize_date, "2023/2/30", "2023-02-30");
}

static void
test_normalize_codes (void)
{
  assert_normalizes (ed_normalize_code, " ｆ ", "F");
  assert_normalizes (ed_normalize_country, "jpn", "JPN");
  assert_normalizes (ed_normalize_country, "ＣＨＮ", "CHN");
  /* Passports never use two letters: the alpha-3 code is meant. */
  assert_normalizes (ed_normalize_country, "jp", "JPN");
  assert_normalizes (ed_normalize_country, "d", "D");
  assert_normalizes (ed_normalize_country, "ZZ", "ZZ");
  assert_normalizes (ed_normalize_digits, "１２３ ４５６", "123456");
}

static void
test_normalize_for_kind (void)
{
  g_autofree char *password = ed_normalize_for_kind (ED_FIELD_PASSWORD, " Ｐａｓｓ word ");
  g_autofree char *yes = ed_normalize_for_kind (ED_FIELD_YES_NO, " Yes ");
  g_autofree char *choice = ed_normalize_for_kind (ED_FIELD_CHOICE, " wechat ");
  g_autofree char *address = ed_normalize_for_kind (ED_FIELD_ADDRESS, "東京都１－２㈱");

  /* A password is a secret, typed exactly. */
  g_assert_cmpstr (password, ==, " Ｐａｓｓ word ");
  g_assert_cmpstr (yes, ==, "yes");
  g_assert_cmpstr (choice, ==, "wechat");
  g_assert_cmpstr (address, ==, "東京都1-2㈱");
}

static void
test_normalize_traveller (void)
{
  g_autoptr(EdTraveller) traveller = ed_traveller_new ();

  ed_traveller_set (traveller, "surname", " eriksson ");
  ed_traveller_set (traveller, "given_names", "ａｎｎａ　ｍａｒｉａ");
  ed_traveller_set (traveller, "native_name", "山田　太郎");
  ed_traveller_set (traveller, "phonetic_name", "ﾔﾏﾀﾞ ﾀﾛｳ");
  ed_traveller_set (traveller, "sex", "f");
  ed_traveller_set (traveller, "birth_date", "1974/8/12");
  ed_traveller_set (traveller, "nationality", "se");
  ed_traveller_set (traveller, "passport_number", "ＡＢ１２３４５６７");
  ed_traveller_set (traveller, "email", "Anna@Example.ORG");
  ed_traveller_set (traveller, "phone", "+46 (0)70-123 45 67");
  ed_traveller_set (traveller, "address_local", "東京都千代田区１－１　㈱ホテル");
  ed_traveller_set_answer (traveller, "password", " Ｐａｓｓ ");

  ed_traveller_normalize (traveller, NULL);

  g_assert_cmpstr (ed_traveller_get (traveller, "surname"), ==, "ERIKSSON");
  g_assert_cmpstr (ed_traveller_get (traveller, "given_names"), ==, "ANNA MARIA");
  g_assert_cmpstr (ed_traveller_get (traveller, "native_name"), ==, "山田 太郎");
  g_assert_cmpstr (ed_traveller_get (traveller, "phonetic_name"), ==, "ヤマダ タロウ");
  g_assert_cmpstr (ed_traveller_get (traveller, "sex"), ==, "F");
  g_assert_cmpstr (ed_traveller_get (traveller, "birth_date"), ==, "1974-08-12");
  g_assert_cmpstr (ed_traveller_get (traveller, "nationality"), ==, "SWE");
  g_assert_cmpstr (ed_traveller_get (traveller, "passport_number"), ==, "AB1234567");
  g_assert_cmpstr (ed_traveller_get (traveller, "email"), ==, "Anna@example.org");
  g_assert_cmpstr (ed_traveller_get (traveller, "phone"), ==, "+46701234567");
  g_assert_cmpstr (ed_traveller_get (traveller, "address_local"), ==, "東京都千代田区1-1 ㈱ホテル");
  /* Without the procedure an answer's kind is unknown: left alone. */
  g_assert_cmpstr (ed_traveller_get_answer (traveller, "password"), ==, " Ｐａｓｓ ");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/normalize/width", test_normalize_width);
  g_test_add_func ("/normalize/text", test_normalize_text);
  g_test_add_func ("/normalize/fold-han", test_normalize_fold_han);
  g_test_add_func ("/normalize/fold-search", test_normalize_fold_search);
  g_test_add_func ("/normalize/name-latin", test_normalize_name_latin);
  g_test_add_func ("/normalize/passport-number", test_normalize_passport_number);
  g_test_add_func ("/normalize/phone", test_normalize_phone);
  g_test_add_func ("/normalize/email", test_normalize_email);
  g_test_add_func ("/normalize/date", test_normalize_date);
  g_test_add_func ("/normalize/codes", test_normalize_codes);
  g_test_add_func ("/normalize/for-kind", test_normalize_for_kind);
  g_test_add_func ("/normalize/traveller", test_normalize_traveller);

  return g_test_run ();
}
