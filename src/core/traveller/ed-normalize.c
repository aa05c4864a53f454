/* ed-normalize.c
 *
 * Each field kind gets the folding it needs (ed-fold.h): width only for
 * text that may be in Chinese or Japanese (names in native script,
 * furigana, addresses); full NFKC for what must end up in Latin letters
 * and digits anyway: Latin names, passport numbers, phone numbers,
 * e-mail, dates, codes.
 *
 * Passwords are never touched: they are secrets typed exactly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ed-country.h"
#include "ed-fold.h"
#include "ed-normalize.h"

/* Inner runs of spaces become one; typographic apostrophes (O’BRIEN
 * as a phone keyboard types it) the passport's '. */
static char *
collapse_spaces (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      if (c == 0x2018 || c == 0x2019 || c == 0x02BC)
        g_string_append_c (out, '\'');
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * ed_normalize_name_latin:
 *
 * A surname or given names as in the passport: NFKC, upper case
 * (ß → SS, as ICAO transliterates it), trimmed, inner spaces collapsed.
 * Accents are kept: whether Ä is written A or AE depends on the
 * passport, so the rules ask staff instead of guessing.
 */
char *
ed_normalize_name_latin (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *upper = NULL;

  if (text == NULL)
    return NULL;

  folded = ed_fold_nfkc (text);
  upper = g_utf8_strup (folded, -1);
  return collapse_spaces (upper);
}

static gboolean
is_passport_separator (gunichar c)
{
  return g_unichar_isspace (c) || ed_fold_is_dash (c) || c == '<';
}

/**
 * ed_normalize_passport_number:
 *
 * ICAO Doc 9303 document numbers are letters and digits only: a space
 * or hyphen printed in the visual zone of some passports is not part
 * of the number (the MRZ, which official systems read, has none), and
 * `<` is the MRZ's filler. All three are removed; letters are upper
 * case.
 */
char *
ed_normalize_passport_number (const char *text)
{
  g_autofree char *bare = NULL;

  if (text == NULL)
    return NULL;

  bare = ed_fold_nfkc_dropping (text, is_passport_separator);
  return g_utf8_strup (bare, -1);
}

static gboolean
is_phone_separator (gunichar c)
{
  return g_unichar_isspace (c) || ed_fold_is_dash (c) || c == '(' || c == ')' || c == '.';
}

/**
 * ed_normalize_phone:
 *
 * Digits only, with a leading `+` kept: spaces, hyphens (and the
 * dashes an input method gives), parentheses and dots go. In an
 * international number the trunk prefix written "(0)" goes as well:
 * +81 (0)90-1234-5678 is dialled +819012345678.
 */
char *
ed_normalize_phone (const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return NULL;

  folded = ed_fold_nfkc (text);
  if (folded[0] == '+')
    {
      g_autoptr(GString) international = g_string_new (folded);

      g_string_replace (international, "(0)", "", 0);
      return ed_fold_nfkc_dropping (international->str, is_phone_separator);
    }

  return ed_fold_nfkc_dropping (folded, is_phone_separator);
}

/**
 * ed_normalize_email:
 *
 * NFKC (so ＠ is @), trimmed, and the domain in lower case. The part
 * before the @ keeps its case: a mail server may tell them apart.
 */
char *
ed_normalize_email (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *domain = NULL;
  const char *at;

  if (text == NULL)
    return NULL;

  folded = ed_fold_nfkc (text);
  at = strrchr (folded, '@');
  if (at == NULL)
    return g_steal_pointer (&folded);

  domain = g_utf8_strdown (at + 1, -1);
  return g_strdup_printf ("%.*s@%s", (int) (at - folded), folded, domain);
}

static gboolean
read_number (const char **p,
             guint        min_digits,
             guint        max_digits,
             guint       *value)
{
  guint n = 0;

  *value = 0;
  while (g_ascii_isdigit (**p) && n < max_digits)
    {
      *value = *value * 10 + (guint) (**p - '0');
      (*p)++;
      n++;
    }

  return n >= min_digits && !g_ascii_isdigit (**p);
}

static gboolean
skip_separator (const char **p,
                const char  *kanji)
{
  if (**p == '-' || **p == '/' || **p == '.')
    {
      (*p)++;
      return TRUE;
    }
  if (kanji != NULL && g_str_has_prefix (*p, kanji))
    {
      *p += strlen (kanji);
      return TRUE;
    }

  return FALSE;
}

/**
 * ed_normalize_date:
 *
 * Year-month-day as Japanese and Chinese staff write it — 2024/1/2,
 * 2024.01.02, 2024年1月2日, 20240102 — becomes 2024-01-02. Only that
 * order, which is never ambiguous, is rewritten; anything else is left
 * (trimmed) for the rules to explain. Whether the date exists is the
 * rules' business too.
 */
char *
ed_normalize_date (const char *text)
{
  g_autofree char *folded = NULL;
  const char *p;
  guint year, month, day;

  if (text == NULL)
    return NULL;

  folded = ed_fold_nfkc (text);
  p = folded;

  if (strlen (folded) == 8 && read_number (&p, 8, 8, &year))
    return g_strdup_printf ("%.4s-%.2s-%.2s", folded, folded + 4, folded + 6);

  p = folded;
  if (read_number (&p, 4, 4, &year) && skip_separator (&p, "年") &&
      read_number (&p, 1, 2, &month) && skip_separator (&p, "月") &&
      read_number (&p, 1, 2, &day))
    {
      if (g_str_has_prefix (p, "日"))
        p += strlen ("日");
      if (*p == '\0')
        return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
    }

  return g_steal_pointer (&folded);
}

/**
 * ed_normalize_digits:
 *
 * NFKC, and spaces removed (an ID read out in groups of digits).
 */
char *
ed_normalize_digits (const char *text)
{
  if (text == NULL)
    return NULL;

  return ed_fold_nfkc_dropping (text, g_unichar_isspace);
}

/**
 * ed_normalize_code:
 *
 * Codes such as the sex (M, F, X): NFKC, trimmed, ASCII upper case.
 */
char *
ed_normalize_code (const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return NULL;

  folded = ed_fold_nfkc (text);
  return g_ascii_strup (folded, -1);
}

/**
 * ed_normalize_country:
 *
 * A nationality as passports write it: ed_normalize_code(), and a
 * two-letter ISO 3166-1 code (JP) replaced by its three-letter one
 * (JPN). No passport uses two letters, so nothing is lost.
 */
char *
ed_normalize_country (const char *text)
{
  g_autofree char *code = NULL;
  const EdCountry *country;

  if (text == NULL)
    return NULL;

  code = ed_normalize_code (text);
  if (strlen (code) == 2 && (country = ed_country_lookup (code)) != NULL)
    return g_strdup (ed_country_get_code (country));

  return g_steal_pointer (&code);
}

/**
 * ed_normalize_choice:
 *
 * The value of a choice: NFKC and trimmed; its case is the catalog's.
 */
char *
ed_normalize_choice (const char *text)
{
  return ed_fold_nfkc (text);
}

/**
 * ed_normalize_time:
 *
 * A time of day as staff type it (9:05, ０９：０５, 0905, 9.05) in the
 * form the rules check: HH:MM. What cannot be read is left for the
 * rules to report.
 *
 * Returns: (transfer full) (nullable): the time
 */
char *
ed_normalize_time (const char *text)
{
  g_autofree char *folded = NULL;
  const char *p;
  guint hour = 0, minute = 0, n = 0;

  if (text == NULL)
    return NULL;

  folded = ed_fold_nfkc (text);
  p = folded;
  while (g_ascii_isdigit (*p) && n < 4)
    hour = hour * 10 + (guint) (*p++ - '0'), n++;

  if (*p == '\0' && (n == 3 || n == 4))
    {
      /* 905, 0905 */
      minute = hour % 100;
      hour /= 100;
    }
  else if (n >= 1 && n <= 2 && (*p == ':' || *p == '.') &&
           g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && p[3] == '\0')
    minute = (guint) (p[1] - '0') * 10 + (guint) (p[2] - '0');
  else
    return g_steal_pointer (&folded);

  if (hour > 23 || minute > 59)
    return g_steal_pointer (&folded);
  return g_strdup_printf ("%02u:%02u", hour, minute);
}

/* Letters and digits only, upper case: flight numbers, residence card
 * numbers and visa categories as their documents print them. */
static char *
normalize_upper_code (const char *text)
{
  g_autofree char *bare = NULL;

  if (text == NULL)
    return NULL;

  bare = ed_fold_nfkc_dropping (text, is_passport_separator);
  return g_ascii_strup (bare, -1);
}

/**
 * ed_normalize_for_kind:
 *
 * Returns: (transfer full) (nullable): @value normalised as a field of
 *   @kind wants it; a password is returned unchanged.
 */
char *
ed_normalize_for_kind (EdFieldKind  kind,
                       const char  *value)
{
  switch (kind)
    {
    case ED_FIELD_NAME_LATIN:
      return ed_normalize_name_latin (value);
    case ED_FIELD_DATE:
      return ed_normalize_date (value);
    case ED_FIELD_PHONE:
      return ed_normalize_phone (value);
    case ED_FIELD_EMAIL:
      return ed_normalize_email (value);
    case ED_FIELD_COUNTRY:
      return ed_normalize_country (value);
    case ED_FIELD_PASSPORT_NUMBER:
      return ed_normalize_passport_number (value);
    case ED_FIELD_CHOICE:
      return ed_normalize_choice (value);
    case ED_FIELD_YES_NO:
      {
        g_autofree char *choice = ed_normalize_choice (value);

        return choice != NULL ? g_ascii_strdown (choice, -1) : NULL;
      }
    case ED_FIELD_DIGITS:
      return ed_normalize_digits (value);
    case ED_FIELD_PASSWORD:
      return g_strdup (value);
    case ED_FIELD_TIME:
      return ed_normalize_time (value);
    case ED_FIELD_NUMBER:
      return ed_normalize_digits (value);
    case ED_FIELD_TEXT:
    case ED_FIELD_ADDRESS:
    default:
      return ed_fold_text (value);
    }
}

/**
 * ed_normalize_for_key:
 * @key: a traveller key
 *
 * Returns: (transfer full) (nullable): @value normalised as that key of
 *   the traveller wants it
 */
char *
ed_normalize_for_key (const char *key,
                      const char *value)
{
  g_return_val_if_fail (key != NULL, NULL);

  if (g_str_equal (key, "surname") || g_str_equal (key, "given_names"))
    return ed_normalize_name_latin (value);
  if (g_str_equal (key, "sex"))
    return ed_normalize_code (value);
  if (ed_traveller_key_is_date (key))
    return ed_normalize_date (value);
  if (g_str_equal (key, "nationality"))
    return ed_normalize_country (value);
  if (g_str_equal (key, "passport_number"))
    return ed_normalize_passport_number (value);
  if (g_str_equal (key, "email"))
    return ed_normalize_email (value);
  if (g_str_equal (key, "phone"))
    return ed_normalize_phone (value);
  if (ed_traveller_key_is_time (key))
    return ed_normalize_time (value);
  if (g_str_equal (key, "flight_number") || g_str_equal (key, "residence_card_number"))
    return normalize_upper_code (value);
  if (g_str_equal (key, "visa_type"))
    {
      g_autofree char *code = normalize_upper_code (value);

      return code != NULL && g_ascii_strcasecmp (code, "none") == 0 ? g_strdup ("none")
                                                                   : g_steal_pointer (&code);
    }
  if (g_str_equal (key, "status_of_residence"))
    {
      g_autofree char *code = ed_fold_nfkc (value);

      return code != NULL ? g_ascii_strdown (code, -1) : NULL;
    }

  /* native_name, phonetic_name, addresses, arrival_port, employer */
  return ed_fold_text (value);
}

/**
 * ed_normalize_for_field:
 *
 * A field filled from a traveller key is normalised as that key is:
 * the one value serves every procedure.
 */
char *
ed_normalize_for_field (const EdField *field,
                        const char    *value)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (field->traveller_key != NULL && ed_traveller_is_key (field->traveller_key))
    return ed_normalize_for_key (field->traveller_key, value);

  return ed_normalize_for_kind (field->kind, value);
}

/**
 * ed_traveller_normalize:
 * @procedure: (nullable): the procedure whose own fields' answers are
 *   normalised too; without it, answers are left alone (their kind is
 *   unknown, and one may be a password)
 *
 * Normalises every key of @traveller in place. Only values that change
 * are set, so #EdTraveller::changed fires for those alone.
 */
void
ed_traveller_normalize (EdTraveller *traveller,
                        EdProcedure *procedure)
{
  const char * const *keys = ed_traveller_keys ();
  GPtrArray *fields;

  g_return_if_fail (ED_IS_TRAVELLER (traveller));
  g_return_if_fail (procedure == NULL || ED_IS_PROCEDURE (procedure));

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *value = ed_normalize_for_key (keys[i],
                                                     ed_traveller_get (traveller, keys[i]));

      ed_traveller_set (traveller, keys[i], value);
    }

  if (procedure == NULL)
    return;

  fields = ed_procedure_get_fields (procedure);
  for (guint i = 0; fields != NULL && i < fields->len; i++)
    {
      const EdField *field = g_ptr_array_index (fields, i);
      g_autofree char *value = NULL;

      if (field->traveller_key != NULL && ed_traveller_is_key (field->traveller_key))
        continue;

      value = ed_normalize_for_kind (field->kind, ed_traveller_get_answer (traveller, field->id));
      ed_traveller_set_answer (traveller, field->id, value);
    }
}
