/* ed-validate.c — the rules of DESIGN.md and of the procedures' fields
 *
 * A value is checked by its field: the kind says what it is (a date, a
 * phone number), the rule adds the procedure's own limits (6 to 8
 * digits), and the traveller key it fills adds what only that key
 * means (a birth date is not in the future). Traveller keys a procedure
 * does not ask for are checked by built-in fields of the same shape.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-country.h"
#include "ed-date.h"
#include "ed-normalize.h"
#include "ed-residence-status.h"
#include "ed-validate-private.h"

#define NO_RULE(t) { .type = (t), .min_length = -1, .max_length = -1, .min_classes = -1 }
#define KEY_FIELD(key, field_kind, rule_type) \
  { .id = (char *) (key), .traveller_key = (char *) (key), .kind = (field_kind), \
    .rule = NO_RULE (rule_type), .repeat = 1 }

/* The traveller keys of DESIGN.md as fields, for their built-in rules. */
static const EdField default_fields[] = {
  KEY_FIELD ("surname", ED_FIELD_NAME_LATIN, ED_FIELD_RULE_NAME_LATIN),
  KEY_FIELD ("given_names", ED_FIELD_NAME_LATIN, ED_FIELD_RULE_NAME_LATIN),
  KEY_FIELD ("native_name", ED_FIELD_TEXT, ED_FIELD_RULE_NONE),
  KEY_FIELD ("phonetic_name", ED_FIELD_TEXT, ED_FIELD_RULE_NONE),
  KEY_FIELD ("sex", ED_FIELD_TEXT, ED_FIELD_RULE_NONE),
  KEY_FIELD ("birth_date", ED_FIELD_DATE, ED_FIELD_RULE_NONE),
  KEY_FIELD ("nationality", ED_FIELD_COUNTRY, ED_FIELD_RULE_NONE),
  KEY_FIELD ("passport_number", ED_FIELD_PASSPORT_NUMBER, ED_FIELD_RULE_PASSPORT_NUMBER),
  KEY_FIELD ("passport_expiry", ED_FIELD_DATE, ED_FIELD_RULE_NONE),
  KEY_FIELD ("email", ED_FIELD_EMAIL, ED_FIELD_RULE_NONE),
  KEY_FIELD ("phone", ED_FIELD_PHONE, ED_FIELD_RULE_PHONE),
  KEY_FIELD ("address_abroad", ED_FIELD_ADDRESS, ED_FIELD_RULE_NONE),
  KEY_FIELD ("address_local", ED_FIELD_ADDRESS, ED_FIELD_RULE_NONE),
  KEY_FIELD ("arrival_date", ED_FIELD_DATE, ED_FIELD_RULE_NONE),
  KEY_FIELD ("arrival_time", ED_FIELD_TIME, ED_FIELD_RULE_NONE),
  KEY_FIELD ("arrival_port", ED_FIELD_TEXT, ED_FIELD_RULE_NONE),
  KEY_FIELD ("flight_number", ED_FIELD_TEXT, ED_FIELD_RULE_NONE),
  KEY_FIELD ("visa_type", ED_FIELD_TEXT, ED_FIELD_RULE_NONE),
  KEY_FIELD ("status_of_residence", ED_FIELD_TEXT, ED_FIELD_RULE_NONE),
  KEY_FIELD ("stay_expiry", ED_FIELD_DATE, ED_FIELD_RULE_NONE),
  KEY_FIELD ("residence_card_number", ED_FIELD_TEXT, ED_FIELD_RULE_NONE),
  KEY_FIELD ("employer", ED_FIELD_TEXT, ED_FIELD_RULE_NONE),
};
G_STATIC_ASSERT (G_N_ELEMENTS (default_fields) == ED_TRAVELLER_N_KEYS);

/**
 * ed_validate_default_field:
 * @key: a traveller key
 *
 * Returns: (nullable): the built-in field that checks @key when no
 *   procedure asks for it: its kind and rule, without labels
 */
const EdField *
ed_validate_default_field (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (default_fields); i++)
    if (g_strcmp0 (default_fields[i].traveller_key, key) == 0)
      return &default_fields[i];

  return NULL;
}

static gboolean
has_key (const EdField *field)
{
  return field->traveller_key != NULL && ed_traveller_is_key (field->traveller_key);
}

static gboolean
check_date (GPtrArray  *problems,
            const char *field,
            const char *value,
            GDate      *date)
{
  guint year, month, day;

  if (ed_date_parse (value, date))
    return TRUE;

  if (strlen (value) == 10 && value[4] == '-' && value[7] == '-' &&
      sscanf (value, "%4u-%2u-%2u", &year, &month, &day) == 3 && year > 0)
    {
      if (month < 1 || month > 12)
        ed_problem_list_add (problems, field, "date-not-exist", ED_SEVERITY_ERROR,
                             _("“%s” is not a date: there is no month %u. "
                               "Write the date as YYYY-MM-DD."),
                             value, month);
      else
        ed_problem_list_add (problems, field, "date-not-exist", ED_SEVERITY_ERROR,
                             _("“%s” is not a date: %04u-%02u has %u days."),
                             value, year, month,
                             (guint) g_date_get_days_in_month ((GDateMonth) month,
                                                               (GDateYear) year));
      return FALSE;
    }

  ed_problem_list_add (problems, field, "date-format", ED_SEVERITY_ERROR,
                       _("“%s” is not a date as Entry Desk writes them: use YYYY-MM-DD, "
                         "for example 1990-04-25."),
                       value);
  return FALSE;
}

static void
check_email (GPtrArray  *problems,
             const char *field,
             const char *value)
{
  const char *at = strchr (value, '@');
  const char *domain;

  if (strpbrk (value, " \t") != NULL)
    ed_problem_list_add (problems, field, "email-format", ED_SEVERITY_ERROR, "%s",
                         _("An e-mail address has no spaces: remove them."));
  else if (at == NULL)
    ed_problem_list_add (problems, field, "email-format", ED_SEVERITY_ERROR, "%s",
                         _("The e-mail address has no “@”: write it as name@example.com."));
  else if (strchr (at + 1, '@') != NULL)
    ed_problem_list_add (problems, field, "email-format", ED_SEVERITY_ERROR, "%s",
                         _("The e-mail address has more than one “@”: write one address, "
                           "such as name@example.com."));
  else if (at == value)
    ed_problem_list_add (problems, field, "email-format", ED_SEVERITY_ERROR, "%s",
                         _("The e-mail address has nothing before the “@”: "
                           "write it as name@example.com."));
  else
    {
      domain = at + 1;
      if (strchr (domain, '.') == NULL || *domain == '.' || g_str_has_suffix (domain, ".") ||
          strstr (domain, "..") != NULL)
        ed_problem_list_add (problems, field, "email-format", ED_SEVERITY_ERROR,
                             _("After the “@” comes a domain such as example.com; "
                               "“%s” is not one."),
                             domain);
    }
}

static void
check_country (GPtrArray  *problems,
               const char *field,
               const char *value)
{
  g_autoptr(GPtrArray) found = NULL;
  const EdCountry *country;

  country = ed_country_lookup (value);
  if (country != NULL && strlen (value) != 2)
    return;

  found = ed_country_search (value);
  if (found->len > 0)
    {
      country = g_ptr_array_index (found, 0);
      ed_problem_list_add (problems, field, "country-unknown", ED_SEVERITY_ERROR,
                           _("“%s” is not a nationality code: "
                             "write the passport’s three-letter code, %s for %s."),
                           value, ed_country_get_code (country),
                           ed_country_get_display_name (country));
    }
  else
    ed_problem_list_add (problems, field, "country-unknown", ED_SEVERITY_ERROR,
                         _("“%s” is not a nationality code: "
                           "write the passport’s three-letter code, such as JPN or CHN."),
                         value);
}

static void
check_key_date (GPtrArray   *problems,
                const char  *key,
                const GDate *date,
                EdTraveller *traveller,
                const GDate *today)
{
  char shown[11];

  ed_date_format_into (date, shown);

  if (g_str_equal (key, "birth_date") && g_date_compare (date, today) > 0)
    ed_problem_list_add (problems, key, "birth-date-future", ED_SEVERITY_ERROR,
                         _("The birth date %s is in the future: check the year."), shown);

  if (g_str_equal (key, "stay_expiry") && traveller != NULL)
    {
      g_autofree char *arrival_text = ed_normalize_date (ed_traveller_get (traveller,
                                                                           "arrival_date"));
      GDate arrival;

      if (arrival_text != NULL && ed_date_parse (arrival_text, &arrival) &&
          g_date_compare (date, &arrival) < 0)
        ed_problem_list_add (problems, key, "stay-ends-before-arrival", ED_SEVERITY_ERROR,
                             _("The stay ends on %s, before the arrival on %s: check both dates."),
                             shown, arrival_text);
    }

  if (g_str_equal (key, "passport_expiry"))
    {
      g_autofree char *arrival_text = NULL;
      GDate arrival;

      if (g_date_compare (date, today) < 0)
        {
          ed_problem_list_add (problems, key, "passport-expired", ED_SEVERITY_WARNING,
                               _("The passport expired on %s: "
                                 "the traveller needs a valid passport."),
                               shown);
          return;
        }

      if (traveller == NULL)
        return;
      arrival_text = ed_normalize_date (ed_traveller_get (traveller, "arrival_date"));
      if (arrival_text != NULL && ed_date_parse (arrival_text, &arrival) &&
          g_date_compare (date, &arrival) < 0)
        ed_problem_list_add (problems, key, "passport-expires-before-arrival", ED_SEVERITY_WARNING,
                             _("The passport expires on %s, before the arrival on %s: "
                               "the traveller needs a passport valid on arrival."),
                             shown, arrival_text);
    }
}

/* HH:MM, as ed_normalize_time() writes it */
static void
check_time (GPtrArray  *problems,
            const char *field,
            const char *value)
{
  if (strlen (value) == 5 && g_ascii_isdigit (value[0]) && g_ascii_isdigit (value[1]) &&
      value[2] == ':' && g_ascii_isdigit (value[3]) && g_ascii_isdigit (value[4]) &&
      (value[0] - '0') * 10 + (value[1] - '0') < 24 && value[3] < '6')
    return;

  ed_problem_list_add (problems, field, "time-format", ED_SEVERITY_ERROR,
                       _("“%s” is not a time of day: write it as HH:MM on the 24-hour clock, for "
                         "example 23:10."),
                       value);
}

static gboolean
matches (const char *pattern,
         const char *value)
{
  return g_regex_match_simple (pattern, value, 0, 0);
}

/* What only one traveller key means. */
static void
check_key_text (GPtrArray   *problems,
                const char  *key,
                const char  *value)
{
  if (g_str_equal (key, "flight_number") && !matches ("^[A-Z0-9]{2}[0-9]{1,4}[A-Z]?$", value))
    ed_problem_list_add (problems, key, "flight-number-format", ED_SEVERITY_ERROR,
                         _("“%s” is not a flight number: write the airline’s two-character code "
                           "and the number, such as NH919 or MU523."),
                         value);
  else if (g_str_equal (key, "residence_card_number") &&
           !matches ("^[A-Z]{2}[0-9]{8}[A-Z]{2}$", value))
    ed_problem_list_add (problems, key, "residence-card-format", ED_SEVERITY_ERROR,
                         _("“%s” is not a residence card number: it has 12 characters, two "
                           "letters, eight digits and two letters, such as AB12345678CD."),
                         value);
  else if (g_str_equal (key, "visa_type") && !ed_visa_type_is_code (value))
    ed_problem_list_add (problems, key, "visa-type-unknown", ED_SEVERITY_ERROR,
                         _("“%s” is not a visa category: use the letter and digit printed on the "
                           "visa (Z, M, L, X1, S2…), or “none” for an entry without a visa."),
                         value);
  else if (g_str_equal (key, "status_of_residence") && !ed_residence_status_is_code (value))
    ed_problem_list_add (problems, key, "status-unknown", ED_SEVERITY_ERROR,
                         _("“%s” is not a status of residence Entry Desk knows: choose one from "
                           "the list."),
                         value);
}

static void
check_sex (GPtrArray  *problems,
           const char *value)
{
  if (!g_str_equal (value, "M") && !g_str_equal (value, "F") && !g_str_equal (value, "X"))
    ed_problem_list_add (problems, "sex", "sex-unknown", ED_SEVERITY_ERROR,
                         _("“%s” is not a sex as passports write it: use M, F or X."), value);
}

static void
check_value (GPtrArray     *problems,
             const EdField *field,
             const char    *name,
             const char    *value,
             EdTraveller   *traveller,
             const GDate   *today)
{
  const EdFieldRule *rule = &field->rule;
  GDate date;

  switch (field->kind)
    {
    case ED_FIELD_NAME_LATIN:
      _ed_check_name_latin (problems, name, value);
      break;
    case ED_FIELD_DATE:
      if (check_date (problems, name, value, &date) && has_key (field))
        check_key_date (problems, field->traveller_key, &date, traveller, today);
      break;
    case ED_FIELD_PHONE:
      _ed_check_phone (problems, name, value, rule->type == ED_FIELD_RULE_PHONE ? rule : NULL);
      break;
    case ED_FIELD_EMAIL:
      check_email (problems, name, value);
      break;
    case ED_FIELD_COUNTRY:
      check_country (problems, name, value);
      break;
    case ED_FIELD_PASSPORT_NUMBER:
      _ed_check_passport_number (problems, name, value,
                                 rule->type == ED_FIELD_RULE_PASSPORT_NUMBER
                                 ? rule->max_length
                                 : -1);
      break;
    case ED_FIELD_CHOICE:
    case ED_FIELD_YES_NO:
      _ed_check_choice (problems, name, field, value);
      break;
    case ED_FIELD_DIGITS:
      _ed_check_digits (problems, name, value, rule->type == ED_FIELD_RULE_DIGITS ? rule : NULL);
      break;
    case ED_FIELD_PASSWORD:
      _ed_check_password (problems, name, value,
                          rule->type == ED_FIELD_RULE_PASSWORD ? rule : NULL);
      break;
    case ED_FIELD_TIME:
      check_time (problems, name, value);
      break;
    case ED_FIELD_NUMBER:
      _ed_check_digits (problems, name, value, NULL);
      break;
    case ED_FIELD_TEXT:
    case ED_FIELD_ADDRESS:
    default:
      break;
    }

  /* A rule on a field of another kind (digits asked of a text field)
   * still applies. */
  switch (rule->type)
    {
    case ED_FIELD_RULE_PASSPORT_NUMBER:
      _ed_check_passport_number (problems, name, value, rule->max_length);
      break;
    case ED_FIELD_RULE_NAME_LATIN:
      _ed_check_name_latin (problems, name, value);
      break;
    case ED_FIELD_RULE_PHONE:
      _ed_check_phone (problems, name, value, rule);
      break;
    case ED_FIELD_RULE_DIGITS:
      _ed_check_digits (problems, name, value, rule);
      break;
    case ED_FIELD_RULE_PASSWORD:
      _ed_check_password (problems, name, value, rule);
      break;
    case ED_FIELD_RULE_PATTERN:
      _ed_check_pattern (problems, name, value, rule);
      break;
    case ED_FIELD_RULE_NONE:
    default:
      break;
    }

  if (has_key (field) && g_str_equal (field->traveller_key, "sex"))
    check_sex (problems, value);
  if (has_key (field))
    check_key_text (problems, field->traveller_key, value);
  if (has_key (field) && g_str_equal (field->traveller_key, "nationality") &&
      field->kind != ED_FIELD_COUNTRY)
    check_country (problems, name, value);
}

static void
validate_field_into (GPtrArray     *problems,
                     const EdField *field,
                     const char    *value,
                     EdTraveller   *traveller,
                     const GDate   *today)
{
  const char *name = has_key (field) ? field->traveller_key : field->id;
  g_autofree char *normalized = ed_normalize_for_field (field, value);

  if (normalized == NULL || *normalized == '\0')
    {
      /* A private field (a password) is never kept, so a saved
       * traveller never has it: only the official site asks for it. */
      if (field->required && !field->is_private)
        ed_problem_list_add (problems, name, "required", ED_SEVERITY_ERROR, "%s",
                             _("This is required: fill it in."));
      return;
    }

  check_value (problems, field, name, normalized, traveller, today);
}

static const GDate *
today_or_now (const GDate *today,
              GDate       *now)
{
  if (today != NULL && g_date_valid (today))
    return today;

  ed_date_today (now);
  return now;
}

/**
 * ed_validate_field:
 * @field: a procedure's field, or ed_validate_default_field()
 * @value: (nullable): the value as typed
 * @traveller: (nullable): the traveller, for rules that compare keys
 *   (a passport that expires before the arrival date)
 * @today: (nullable): the day to compare dates with; %NULL for today
 *
 * Checks one value as the user types it. Problems are reported on the
 * traveller key the field fills, or else on the field's id.
 *
 * Returns: (transfer full) (element-type EdProblem): the problems
 */
GPtrArray *
ed_validate_field (const EdField *field,
                   const char    *value,
                   EdTraveller   *traveller,
                   const GDate   *today)
{
  GPtrArray *problems = ed_problem_list_new ();
  GDate now;

  g_return_val_if_fail (field != NULL, problems);
  g_return_val_if_fail (traveller == NULL || ED_IS_TRAVELLER (traveller), problems);

  validate_field_into (problems, field, value, traveller, today_or_now (today, &now));
  return problems;
}

/**
 * ed_validate_key:
 * @key: a traveller key
 *
 * ed_validate_field() with the key's built-in field.
 *
 * Returns: (transfer full) (element-type EdProblem): the problems
 */
GPtrArray *
ed_validate_key (const char  *key,
                 const char  *value,
                 EdTraveller *traveller,
                 const GDate *today)
{
  const EdField *field = ed_validate_default_field (key);

  g_return_val_if_fail (field != NULL, ed_problem_list_new ());

  return ed_validate_field (field, value, traveller, today);
}

/**
 * ed_validate_traveller:
 * @procedure: (nullable): the procedure whose fields apply as well
 * @today: (nullable): the day to compare dates with; %NULL for today
 *
 * Every rule: the traveller keys' own, and the procedure's fields
 * (required, kind, rule, choices). A key and a procedure field that
 * fills it report a shared problem once, the procedure's wording
 * first. Problems come in the order of the traveller keys, then of the
 * procedure's own fields.
 *
 * Returns: (transfer full) (element-type EdProblem): the problems
 */
GPtrArray *
ed_validate_traveller (EdTraveller *traveller,
                       EdProcedure *procedure,
                       const GDate *today)
{
  GPtrArray *problems = ed_problem_list_new ();
  const char * const *keys = ed_traveller_keys ();
  GPtrArray *fields = NULL;
  GDate now;

  g_return_val_if_fail (ED_IS_TRAVELLER (traveller), problems);
  g_return_val_if_fail (procedure == NULL || ED_IS_PROCEDURE (procedure), problems);

  today = today_or_now (today, &now);
  if (procedure != NULL)
    fields = ed_procedure_get_fields (procedure);

  for (guint k = 0; keys[k] != NULL; k++)
    {
      const char *value = ed_traveller_get (traveller, keys[k]);

      for (guint i = 0; fields != NULL && i < fields->len; i++)
        {
          const EdField *field = g_ptr_array_index (fields, i);

          if (has_key (field) && g_str_equal (field->traveller_key, keys[k]))
            validate_field_into (problems, field, value, traveller, today);
        }

      validate_field_into (problems, ed_validate_default_field (keys[k]), value, traveller, today);
    }

  for (guint i = 0; fields != NULL && i < fields->len; i++)
    {
      const EdField *field = g_ptr_array_index (fields, i);

      if (!has_key (field))
        validate_field_into (problems, field, ed_traveller_get_answer (traveller, field->id),
                             traveller, today);
    }

  return problems;
}

/**
 * ed_validate_traveller_for_print:
 *
 * Normalises @traveller in place as staff would have typed it (half-width
 * digits, upper-case passport letters…) and checks it with the
 * procedure's rules. What stops a sheet is a value an official system
 * would refuse: copied from the sheet, it would fail there. An empty
 * value does not: the sheet leaves a line to fill in by hand.
 *
 * Returns: (transfer full) (element-type EdProblem): the errors that stop
 *   printing, empty when the sheet may be printed
 */
GPtrArray *
ed_validate_traveller_for_print (EdTraveller *traveller,
                                 EdProcedure *procedure)
{
  g_autoptr(GPtrArray) found = NULL;
  GPtrArray *errors = ed_problem_list_new ();

  g_return_val_if_fail (ED_IS_TRAVELLER (traveller), errors);
  g_return_val_if_fail (ED_IS_PROCEDURE (procedure), errors);

  ed_traveller_normalize (traveller, procedure);
  found = ed_validate_traveller (traveller, procedure, NULL);

  for (guint i = 0; i < found->len; i++)
    {
      const EdProblem *problem = g_ptr_array_index (found, i);

      if (problem->severity == ED_SEVERITY_ERROR && g_strcmp0 (problem->code, "required") != 0)
        g_ptr_array_add (errors, ed_problem_copy (problem));
    }

  return errors;
}
