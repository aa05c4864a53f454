/* test-validate.c — the rules, one by one, and a procedure's fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ed-core.h"
#include "ed-test-util.h"

static GDate today;

/* "field:code,field:code" — what a user would see, in short. */
static char *
summarize (GPtrArray *problems)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      const EdProblem *problem = g_ptr_array_index (problems, i);

      g_string_append_printf (out, "%s%s:%s%s", i > 0 ? "," : "", problem->field, problem->code,
                              problem->severity == ED_SEVERITY_WARNING ? "(warning)" : "");
    }

  return g_string_free (out, FALSE);
}

static char *
check_key (const char *key,
           const char *value)
{
  g_autoptr(GPtrArray) problems = ed_validate_key (key, value, NULL, &today);

  return summarize (problems);
}

static char *
message_for (const char *key,
             const char *value)
{
  g_autoptr(GPtrArray) problems = ed_validate_key (key, value, NULL, &today);

  g_assert_cmpuint (problems->len, >=, 1);
  return g_strdup (((EdProblem *) g_ptr_array_index (problems, 0))->message);
}

#define assert_key(key, value, expected) \
  G_STMT_START { \
    g_autofree char *summary_ = check_key ((key), (value)); \
    g_assert_cmpstr (summary_, ==, (expected)); \
  } G_STMT_END

#define assert_message(key, value, expected) \
  G_STMT_START { \
    g_autofree char *message_ = message_for ((key), (value)); \
    g_assert_cmpstr (message_, ==, (expected)); \
  } G_STMT_END

static void
test_validate_passport_number (void)
{
  assert_key ("passport_number", "AB1234567", "");
  /* Full width and lower case are normalised, never rejected. */
  assert_key ("passport_number", "ＡＢ１２３４５６７", "");
  assert_key ("passport_number", "ａｂ１２３４５６７", "");
  assert_key ("passport_number", "AB１23４567", "");
  assert_key ("passport_number", "TK 123-4567", "");
  assert_key ("passport_number", "AB12345678", "passport_number:passport-number-too-long");
  assert_message ("passport_number", "AB12345678",
                  "The passport number has 10 characters; it can have at most 9.");
  assert_key ("passport_number", "AB/12345", "passport_number:passport-number-characters");
  assert_message ("passport_number", "AB/12345",
                  "The passport number can only have letters A–Z and digits; remove “/”.");
  assert_key ("passport_number", "AB12345É", "passport_number:passport-number-characters");
  assert_key ("passport_number", "", "");
}

static void
test_validate_names (void)
{
  assert_key ("surname", "ERIKSSON", "");
  assert_key ("surname", "ｅｒｉｋｓｓｏｎ", "");
  assert_key ("given_names", "anna  maria", "");
  assert_key ("surname", "O’Brien-Smith", "");
  assert_key ("surname", "José", "surname:name-accent");
  assert_message ("surname", "José",
                  "“É” has an accent: write the name without accents, as the passport’s "
                  "machine-readable zone does (for example “E”).");
  assert_key ("surname", "山田", "surname:name-characters");
  assert_key ("given_names", "ANNA2", "given_names:name-characters");
  /* The native name and the furigana are free text. */
  assert_key ("native_name", "山田　太郎", "");
  assert_key ("phonetic_name", "ﾔﾏﾀﾞ ﾀﾛｳ", "");
}

static void
test_validate_phone (void)
{
  assert_key ("phone", "09012345678", "");
  assert_key ("phone", "０９０－１２３４－５６７８", "");
  assert_key ("phone", "+81 90 1234 5678", "");
  assert_key ("phone", "090-1234-567x", "phone:phone-characters");
  assert_message ("phone", "090-1234-567x",
                  "The phone number can only have digits, "
                  "and + at the start of an international number; remove “x”.");
  assert_key ("phone", "81+9012345678", "phone:phone-characters");
  assert_key ("phone", "+1234567890123456", "phone:phone-too-long");
}

static void
test_validate_dates (void)
{
  assert_key ("arrival_date", "2024-02-29", "");
  assert_key ("arrival_date", "２０２４／２／２９", "");
  assert_key ("arrival_date", "2023-02-29", "arrival_date:date-not-exist");
  assert_message ("arrival_date", "2023-02-30", "“2023-02-30” is not a date: 2023-02 has 28 days.");
  assert_message ("arrival_date", "2023-04-31", "“2023-04-31” is not a date: 2023-04 has 30 days.");
  assert_key ("arrival_date", "2023-13-01", "arrival_date:date-not-exist");
  assert_message ("arrival_date", "2023-13-01",
                  "“2023-13-01” is not a date: there is no month 13. "
                  "Write the date as YYYY-MM-DD.");
  assert_key ("arrival_date", "12/05/2020", "arrival_date:date-format");
  assert_key ("arrival_date", "tomorrow", "arrival_date:date-format");
}

static void
test_validate_birth_date (void)
{
  /* Today is 2025-06-01. */
  assert_key ("birth_date", "1974-08-12", "");
  assert_key ("birth_date", "2025-06-01", "");
  assert_key ("birth_date", "2025-06-02", "birth_date:birth-date-future");
  assert_message ("birth_date", "2025-06-02",
                  "The birth date 2025-06-02 is in the future: check the year.");
  assert_key ("birth_date", "2025-02-29", "birth_date:date-not-exist");
}

static void
test_validate_passport_expiry (void)
{
  g_autoptr(EdTraveller) traveller = ed_traveller_new ();
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) same_day = NULL;
  g_autofree char *summary = NULL;

  assert_key ("passport_expiry", "2030-01-01", "");
  /* Expired: a warning, not an error. */
  assert_key ("passport_expiry", "2025-05-31", "passport_expiry:passport-expired(warning)");
  assert_message ("passport_expiry", "2025-05-31",
                  "The passport expired on 2025-05-31: the traveller needs a valid passport.");
  assert_key ("passport_expiry", "2025-06-01", "");

  /* Valid today, but not on the day of arrival. */
  ed_traveller_set (traveller, "arrival_date", "2025/7/1");
  before = ed_validate_key ("passport_expiry", "2025-06-30", traveller, &today);
  summary = summarize (before);
  g_assert_cmpstr (summary, ==, "passport_expiry:passport-expires-before-arrival(warning)");
  g_assert_cmpstr (((EdProblem *) g_ptr_array_index (before, 0))->message, ==,
                   "The passport expires on 2025-06-30, before the arrival on 2025-07-01: "
                   "the traveller needs a passport valid on arrival.");
  g_assert_false (ed_problem_list_has_errors (before));

  same_day = ed_validate_key ("passport_expiry", "2025-07-01", traveller, &today);
  g_assert_cmpuint (same_day->len, ==, 0);
}

static void
test_validate_email (void)
{
  assert_key ("email", "taro@example.com", "");
  assert_key ("email", "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ", "");
  assert_key ("email", " Taro@Example.COM ", "");
  assert_key ("email", "taro.example.com", "email:email-format");
  assert_message ("email", "taro.example.com",
                  "The e-mail address has no “@”: write it as name@example.com.");
  assert_key ("email", "taro@localhost", "email:email-format");
  assert_key ("email", "taro@example..com", "email:email-format");
  assert_key ("email", "a@b@example.com", "email:email-format");
  assert_key ("email", "@example.com", "email:email-format");
  assert_key ("email", "taro yamada@example.com", "email:email-format");
}

static void
test_validate_nationality (void)
{
  assert_key ("nationality", "JPN", "");
  assert_key ("nationality", "jp", "");
  assert_key ("nationality", "ｃｈｎ", "");
  /* The codes only ICAO defines. */
  assert_key ("nationality", "D", "");
  assert_key ("nationality", "GBD", "");
  assert_key ("nationality", "XXA", "");
  assert_key ("nationality", "UNO", "");
  assert_key ("nationality", "ABC", "nationality:country-unknown");
  assert_message ("nationality", "ABC",
                  "“ABC” is not a nationality code: write the passport’s three-letter code, "
                  "such as JPN or CHN.");
  /* A name instead of a code: the code is suggested. */
  assert_message ("nationality", "Japan",
                  "“JAPAN” is not a nationality code: write the passport’s three-letter code, "
                  "JPN for Japan.");
}

static void
test_validate_sex (void)
{
  assert_key ("sex", "F", "");
  assert_key ("sex", "m", "");
  assert_key ("sex", "Ｘ", "");
  assert_key ("sex", "male", "sex:sex-unknown");
  assert_message ("sex", "male", "“MALE” is not a sex as passports write it: use M, F or X.");
}

static void
test_validate_digits (void)
{
  /* A field of 6 to 8 digits (the shipped HER-SYS procedure asks 6 or 7,
   * test_validate_her_sys()). */
  EdField field = {
    .id = (char *) "smartphone-input-id", .kind = ED_FIELD_DIGITS, .required = TRUE,
    .rule = { .type = ED_FIELD_RULE_DIGITS, .min_length = 6, .max_length = 8, .min_classes = -1 },
  };
  struct {
    const char *value;
    const char *expected;
  } cases[] = {
    { "123456", "" },
    { "1234567", "" },
    { "12345678", "" },
    { "１２３４５６", "" },
    { "12 34 56", "" },
    { "12345", "smartphone-input-id:digits-too-short" },
    { "123456789", "smartphone-input-id:digits-too-long" },
    { "12a456", "smartphone-input-id:digits-characters" },
    { "", "smartphone-input-id:required" },
    { NULL, "smartphone-input-id:required" },
  };
  g_autoptr(GPtrArray) five = ed_validate_field (&field, "12345", NULL, &today);
  g_autoptr(GPtrArray) nine = ed_validate_field (&field, "123456789", NULL, &today);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) problems = ed_validate_field (&field, cases[i].value, NULL, &today);
      g_autofree char *summary = summarize (problems);

      g_assert_cmpstr (summary, ==, cases[i].expected);
    }

  g_assert_cmpstr (((EdProblem *) g_ptr_array_index (five, 0))->message, ==,
                   "It has 5 digits; it must have 6 to 8.");
  g_assert_cmpstr (((EdProblem *) g_ptr_array_index (nine, 0))->message, ==,
                   "It has 9 digits; it must have 6 to 8.");
}

static void
test_validate_password (void)
{
  EdField field = {
    .id = (char *) "password", .kind = ED_FIELD_PASSWORD, .required = TRUE, .is_private = TRUE,
    .rule = { .type = ED_FIELD_RULE_PASSWORD, .min_length = 8, .min_classes = 3, .max_length = -1 },
  };
  struct {
    const char *value;
    const char *expected;
  } cases[] = {
    { "abcDEF12", "" },
    { "abc-DEF-", "" },
    { "ab12!@#$", "" },
    { "abcdefgh", "password:password-classes" },
    { "abcd1234", "password:password-classes" },
    { "aB1!", "password:password-too-short" },
    { "abc", "password:password-too-short,password:password-classes" },
    { "ｐａｓｓＷＯＲＤ１２", "password:password-characters" },
    /* Private: never in a saved traveller, so never "required". */
    { "", "" },
  };
  g_autoptr(GPtrArray) problems = ed_validate_field (&field, "secretpw", NULL, &today);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) found = ed_validate_field (&field, cases[i].value, NULL, &today);
      g_autofree char *summary = summarize (found);

      g_assert_cmpstr (summary, ==, cases[i].expected);
    }

  /* The message never quotes the password. */
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_null (strstr (((EdProblem *) g_ptr_array_index (problems, 0))->message, "secretpw"));
  g_assert_cmpstr (((EdProblem *) g_ptr_array_index (problems, 0))->message, ==,
                   "The password uses 1 kind of character; it needs at least 3 of these four: "
                   "lower-case letters, upper-case letters, digits, symbols.");
}

static void
test_validate_choice_and_pattern (void)
{
  g_autoptr(EdText) message = ed_text_new ();
  g_autoptr(EdText) label = ed_text_new ();
  g_autoptr(GPtrArray) choices = g_ptr_array_new ();
  EdChoice wechat = { .value = (char *) "wechat", .label = label };
  EdChoice alipay = { .value = (char *) "alipay", .label = label };
  EdField choice = { .id = (char *) "payment", .kind = ED_FIELD_CHOICE, .choices = choices,
                     .rule = { .type = ED_FIELD_RULE_NONE } };
  EdField yes_no = { .id = (char *) "fever", .kind = ED_FIELD_YES_NO,
                     .rule = { .type = ED_FIELD_RULE_NONE } };
  EdField pattern = { .id = (char *) "member-code", .kind = ED_FIELD_TEXT,
                      .rule = { .type = ED_FIELD_RULE_PATTERN,
                                .pattern = (char *) "[A-Z]{2}[0-9]{4}",
                                .message = message } };
  g_autoptr(GPtrArray) ok = NULL, bad = NULL, fever = NULL, maybe = NULL;
  g_autoptr(GPtrArray) code_ok = NULL, code_bad = NULL, code_long = NULL;

  ed_text_set (message, ED_LANGUAGE_EN, "Two letters and four digits, such as AB1234.");
  g_ptr_array_add (choices, &wechat);
  g_ptr_array_add (choices, &alipay);

  ok = ed_validate_field (&choice, " wechat ", NULL, &today);
  bad = ed_validate_field (&choice, "line", NULL, &today);
  g_assert_cmpuint (ok->len, ==, 0);
  g_assert_cmpuint (bad->len, ==, 1);
  g_assert_cmpstr (((EdProblem *) g_ptr_array_index (bad, 0))->message, ==,
                   "“line” is not one of the choices: wechat, alipay.");

  fever = ed_validate_field (&yes_no, "Yes", NULL, &today);
  maybe = ed_validate_field (&yes_no, "maybe", NULL, &today);
  g_assert_cmpuint (fever->len, ==, 0);
  g_assert_cmpstr (((EdProblem *) g_ptr_array_index (maybe, 0))->code, ==, "yes-no");

  /* The pattern matches the whole value, and its own message is shown. */
  code_ok = ed_validate_field (&pattern, "ＡＢ１２３４", NULL, &today);
  code_bad = ed_validate_field (&pattern, "A12345", NULL, &today);
  code_long = ed_validate_field (&pattern, "AB12345", NULL, &today);
  g_assert_cmpuint (code_ok->len, ==, 0);
  g_assert_cmpstr (((EdProblem *) g_ptr_array_index (code_bad, 0))->code, ==, "pattern");
  g_assert_cmpstr (((EdProblem *) g_ptr_array_index (code_bad, 0))->message, ==,
                   "Two letters and four digits, such as AB1234.");
  g_assert_cmpuint (code_long->len, ==, 1);
}

static void
test_validate_traveller (void)
{
  g_autoptr(EdTraveller) empty = ed_traveller_new ();
  g_autoptr(EdTraveller) traveller = ed_traveller_new ();
  g_autoptr(GPtrArray) none = ed_validate_traveller (empty, NULL, &today);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *summary = NULL;

  g_assert_cmpuint (none->len, ==, 0);

  ed_traveller_set (traveller, "surname", "ｅｒｉｋｓｓｏｎ");
  ed_traveller_set (traveller, "given_names", "Zoë");
  ed_traveller_set (traveller, "sex", "Q");
  ed_traveller_set (traveller, "birth_date", "2031-01-01");
  ed_traveller_set (traveller, "nationality", "SWE");
  ed_traveller_set (traveller, "passport_number", "ＡＢ１２３４５６７８");
  ed_traveller_set (traveller, "passport_expiry", "2020-01-01");
  ed_traveller_set (traveller, "phone", "+46 70 123 45 67");
  ed_traveller_set (traveller, "arrival_date", "2023-02-30");

  /* In the order of the traveller keys; the nationality and phone pass. */
  problems = ed_validate_traveller (traveller, NULL, &today);
  summary = summarize (problems);
  g_assert_cmpstr (summary, ==,
                   "given_names:name-accent,"
                   "sex:sex-unknown,"
                   "birth_date:birth-date-future,"
                   "passport_number:passport-number-too-long,"
                   "passport_expiry:passport-expired(warning),"
                   "arrival_date:date-not-exist");
  g_assert_true (ed_problem_list_has_errors (problems));
}

static void
test_validate_procedure (void)
{
  g_autofree char *path = ed_test_data_path ("traveller", "xx-validate.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdProcedure) procedure = ed_procedure_new_from_file (path, ED_ORIGIN_OTHER, &error);
  g_autoptr(EdTraveller) traveller = ed_traveller_new ();
  g_autoptr(EdTraveller) good = ed_traveller_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) no_problems = NULL;
  g_autofree char *summary = NULL;

  g_assert_no_error (error);

  /* Required fields missing, answers that break their field's rules. */
  ed_traveller_set (traveller, "passport_number", "AB1234567");
  ed_traveller_set_answer (traveller, "member-code", "A12345");
  ed_traveller_set_answer (traveller, "fever", "maybe");
  ed_traveller_set_answer (traveller, "input-id", "12345");
  ed_traveller_set_answer (traveller, "stay-country", "Atlantis");
  problems = ed_validate_traveller (traveller, procedure, &today);
  summary = summarize (problems);
  /* The procedure's stricter limit (8) wins over the built-in 9, and is
   * reported once; the private password is never "required". */
  g_assert_cmpstr (summary, ==,
                   "surname:required,"
                   "nationality:required,"
                   "passport_number:passport-number-too-long,"
                   "member-code:pattern,"
                   "payment:required,"
                   "fever:yes-no,"
                   "input-id:digits-too-short,"
                   "stay-country:country-unknown");
  g_assert_cmpstr (((EdProblem *) g_ptr_array_index (problems, 2))->message, ==,
                   "The passport number has 9 characters; it can have at most 8.");
  g_assert_cmpstr (((EdProblem *) g_ptr_array_index (problems, 3))->message, ==,
                   "Two letters and four digits, such as AB1234.");

  /* Full-width everywhere, and nothing wrong. */
  ed_traveller_set (good, "surname", "ｙａｍａｄａ");
  ed_traveller_set (good, "passport_number", "ＴＫ１２３４５６");
  ed_traveller_set (good, "nationality", "ｊｐｎ");
  ed_traveller_set_answer (good, "member-code", "ＡＢ１２３４");
  ed_traveller_set_answer (good, "payment", "alipay");
  ed_traveller_set_answer (good, "fever", "No");
  ed_traveller_set_answer (good, "input-id", "１２３４５６７８");
  no_problems = ed_validate_traveller (good, procedure, &today);
  g_assert_cmpuint (no_problems->len, ==, 0);

  /* What the editor stores: the normalised values. */
  ed_traveller_normalize (good, procedure);
  g_assert_cmpstr (ed_traveller_get (good, "surname"), ==, "YAMADA");
  g_assert_cmpstr (ed_traveller_get (good, "passport_number"), ==, "TK123456");
  g_assert_cmpstr (ed_traveller_get (good, "nationality"), ==, "JPN");
  g_assert_cmpstr (ed_traveller_get_answer (good, "member-code"), ==, "AB1234");
  g_assert_cmpstr (ed_traveller_get_answer (good, "fever"), ==, "no");
  g_assert_cmpstr (ed_traveller_get_answer (good, "input-id"), ==, "12345678");
}

static void
test_validate_her_sys (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("ENTRY_DESK_DATADIR"), "procedures",
                                            "jp-my-her-sys.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdProcedure) procedure = ed_procedure_new_from_file (path, ED_ORIGIN_SYSTEM, &error);
  g_autoptr(EdTraveller) traveller = ed_traveller_new ();
  /* 6 or 7 digits, as seed 002 says. */
  const char *ids[] = { "123456", "1234567", "12345678", "12345", "123456789" };
  const char *expected[] = { "", "", "smartphone-input-id:digits-too-long",
                             "smartphone-input-id:digits-too-short",
                             "smartphone-input-id:digits-too-long" };

  g_assert_no_error (error);

  ed_traveller_set (traveller, "email", "taro@example.com");
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GPtrArray) problems = NULL;
      g_autofree char *summary = NULL;

      ed_traveller_set_answer (traveller, "smartphone-input-id", ids[i]);
      problems = ed_validate_traveller (traveller, procedure, &today);
      summary = summarize (problems);
      g_assert_cmpstr (summary, ==, expected[i]);
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_JUNE, 2025);

  g_test_add_func ("/validate/passport-number", test_validate_passport_number);
  g_test_add_func ("/validate/names", test_validate_names);
  g_test_add_func ("/validate/phone", test_validate_phone);
  g_test_add_func ("/validate/dates", test_validate_dates);
  g_test_add_func ("/validate/birth-date", test_validate_birth_date);
  g_test_add_func ("/validate/passport-expiry", test_validate_passport_expiry);
  g_test_add_func ("/validate/email", test_validate_email);
  g_test_add_func ("/validate/nationality", test_validate_nationality);
  g_test_add_func ("/validate/sex", test_validate_sex);
  g_test_add_func ("/validate/digits", test_validate_digits);
  g_test_add_func ("/validate/password", test_validate_password);
  g_test_add_func ("/validate/choice-and-pattern", test_validate_choice_and_pattern);
  g_test_add_func ("/validate/traveller", test_validate_traveller);
  g_test_add_func ("/validate/procedure", test_validate_procedure);
  g_test_add_func ("/validate/her-sys", test_validate_her_sys);

  return g_test_run ();
}
