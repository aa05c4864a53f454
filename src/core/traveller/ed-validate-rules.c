/* ed-validate-rules.c — checks on the characters and length of one value
 *
 * Each check takes the normalised value and adds what is wrong to a
 * problem list; the messages say what is wrong and how to fix it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-validate-private.h"

#define PASSPORT_NUMBER_MAX 9
#define E164_MAX_DIGITS 15

/* The first character of @value not allowed by @allowed, as a string. */
static gboolean
find_bad_char (const char *value,
               gboolean  (*allowed) (gunichar c, gsize offset),
               char        shown[8])
{
  gsize offset = 0;

  memset (shown, 0, 8);
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p), offset++)
    {
      gunichar c = g_utf8_get_char (p);

      if (!allowed (c, offset))
        {
          g_unichar_to_utf8 (c, shown);
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
is_name_char (gunichar c,
              gsize    offset)
{
  return (c >= 'A' && c <= 'Z') || c == ' ' || c == '-' || c == '\'';
}

/* É → E: the letter without its accents, when that is A–Z. */
static gboolean
strip_accents (gunichar  c,
               char     *base)
{
  gunichar decomposed[4];
  gsize n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));

  if (n < 2 || decomposed[0] < 'A' || decomposed[0] > 'Z')
    return FALSE;

  *base = (char) decomposed[0];
  return TRUE;
}

void
_ed_check_name_latin (GPtrArray  *problems,
                      const char *field,
                      const char *value)
{
  char shown[8];
  char base;

  if (!find_bad_char (value, is_name_char, shown))
    return;

  if (strip_accents (g_utf8_get_char (shown), &base))
    ed_problem_list_add (problems, field, "name-accent", ED_SEVERITY_ERROR,
                         _("“%s” has an accent: write the name without accents, "
                           "as the passport’s machine-readable zone does (for example “%c”)."),
                         shown, base);
  else
    ed_problem_list_add (problems, field, "name-characters", ED_SEVERITY_ERROR,
                         _("“%s” cannot be in a name as the passport writes it: "
                           "use Latin letters A–Z, spaces, “-” and “'”."),
                         shown);
}

static gboolean
is_passport_char (gunichar c,
                  gsize    offset)
{
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

void
_ed_check_passport_number (GPtrArray   *problems,
                           const char  *field,
                           const char  *value,
                           int          max_length)
{
  guint length = (guint) g_utf8_strlen (value, -1);
  char shown[8];

  if (max_length <= 0)
    max_length = PASSPORT_NUMBER_MAX;

  if (find_bad_char (value, is_passport_char, shown))
    ed_problem_list_add (problems, field, "passport-number-characters", ED_SEVERITY_ERROR,
                         _("The passport number can only have letters A–Z and digits; "
                           "remove “%s”."),
                         shown);

  if (length > (guint) max_length)
    ed_problem_list_add (problems, field, "passport-number-too-long", ED_SEVERITY_ERROR,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "The passport number has %u character; "
                                      "it can have at most %d.",
                                      "The passport number has %u characters; "
                                      "it can have at most %d.",
                                      length),
                         length, max_length);
}

static gboolean
is_phone_char (gunichar c,
               gsize    offset)
{
  return (c >= '0' && c <= '9') || (c == '+' && offset == 0);
}

void
_ed_check_phone (GPtrArray        *problems,
                 const char       *field,
                 const char       *value,
                 const EdFieldRule *rule)
{
  guint digits = 0;
  int min_length = rule != NULL ? rule->min_length : -1;
  int max_length = rule != NULL && rule->max_length > 0 ? rule->max_length : E164_MAX_DIGITS;
  char shown[8];

  if (find_bad_char (value, is_phone_char, shown))
    {
      ed_problem_list_add (problems, field, "phone-characters", ED_SEVERITY_ERROR,
                           _("The phone number can only have digits, "
                             "and + at the start of an international number; remove “%s”."),
                           shown);
      return;
    }

  for (const char *p = value; *p != '\0'; p++)
    digits += g_ascii_isdigit (*p) ? 1 : 0;

  if (min_length > 0 && digits < (guint) min_length)
    ed_problem_list_add (problems, field, "phone-too-short", ED_SEVERITY_ERROR,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "The phone number has %u digit; it needs at least %d.",
                                      "The phone number has %u digits; it needs at least %d.",
                                      digits),
                         digits, min_length);
  if (digits > (guint) max_length)
    ed_problem_list_add (problems, field, "phone-too-long", ED_SEVERITY_ERROR,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "The phone number has %u digit; it can have at most %d.",
                                      "The phone number has %u digits; it can have at most %d.",
                                      digits),
                         digits, max_length);
}

static gboolean
is_digit_char (gunichar c,
               gsize    offset)
{
  return c >= '0' && c <= '9';
}

void
_ed_check_digits (GPtrArray         *problems,
                  const char        *field,
                  const char        *value,
                  const EdFieldRule *rule)
{
  guint length = (guint) g_utf8_strlen (value, -1);
  int min = rule != NULL ? rule->min_length : -1;
  int max = rule != NULL ? rule->max_length : -1;
  gboolean too_short = min > 0 && length < (guint) min;
  gboolean too_long = max > 0 && length > (guint) max;
  char shown[8];

  if (find_bad_char (value, is_digit_char, shown))
    {
      ed_problem_list_add (problems, field, "digits-characters", ED_SEVERITY_ERROR,
                           _("Only digits can be here; remove “%s”."), shown);
      return;
    }

  if (!too_short && !too_long)
    return;

  if (min > 0 && max > 0)
    ed_problem_list_add (problems, field, too_short ? "digits-too-short" : "digits-too-long",
                         ED_SEVERITY_ERROR,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "It has %u digit; it must have %d to %d.",
                                      "It has %u digits; it must have %d to %d.",
                                      length),
                         length, min, max);
  else if (too_short)
    ed_problem_list_add (problems, field, "digits-too-short", ED_SEVERITY_ERROR,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "It has %u digit; it needs at least %d.",
                                      "It has %u digits; it needs at least %d.",
                                      length),
                         length, min);
  else
    ed_problem_list_add (problems, field, "digits-too-long", ED_SEVERITY_ERROR,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "It has %u digit; it can have at most %d.",
                                      "It has %u digits; it can have at most %d.",
                                      length),
                         length, max);
}

/* Never quotes the password's characters: a message may be seen or
 * logged. */
void
_ed_check_password (GPtrArray         *problems,
                    const char        *field,
                    const char        *value,
                    const EdFieldRule *rule)
{
  guint length = (guint) g_utf8_strlen (value, -1);
  gboolean lower = FALSE, upper = FALSE, digit = FALSE, symbol = FALSE;
  guint classes;

  for (const char *p = value; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 || (guchar) *p > 0x7E)
        {
          ed_problem_list_add (problems, field, "password-characters", ED_SEVERITY_ERROR, "%s",
                               _("The password can only have half-width letters, "
                                 "digits and symbols: switch the input method to direct "
                                 "(half-width) input and type it again."));
          return;
        }
      lower |= g_ascii_islower (*p);
      upper |= g_ascii_isupper (*p);
      digit |= g_ascii_isdigit (*p);
      symbol |= g_ascii_ispunct (*p) || *p == ' ';
    }

  if (rule == NULL)
    return;

  if (rule->min_length > 0 && length < (guint) rule->min_length)
    ed_problem_list_add (problems, field, "password-too-short", ED_SEVERITY_ERROR,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "The password has %u character; it needs at least %d.",
                                      "The password has %u characters; it needs at least %d.",
                                      length),
                         length, rule->min_length);

  classes = (guint) lower + (guint) upper + (guint) digit + (guint) symbol;
  if (rule->min_classes > 0 && classes < (guint) rule->min_classes)
    ed_problem_list_add (problems, field, "password-classes", ED_SEVERITY_ERROR,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "The password uses %u kind of character; "
                                      "it needs at least %d of these four: lower-case letters, "
                                      "upper-case letters, digits, symbols.",
                                      "The password uses %u kinds of character; "
                                      "it needs at least %d of these four: lower-case letters, "
                                      "upper-case letters, digits, symbols.",
                                      classes),
                         classes, rule->min_classes);
}

void
_ed_check_pattern (GPtrArray         *problems,
                   const char        *field,
                   const char        *value,
                   const EdFieldRule *rule)
{
  g_autoptr(GRegex) compiled = NULL;
  GRegex *regex = rule->regex;

  if (regex == NULL && rule->pattern != NULL)
    {
      g_autofree char *anchored = g_strdup_printf ("^(?:%s)$", rule->pattern);

      regex = compiled = g_regex_new (anchored, G_REGEX_OPTIMIZE, 0, NULL);
    }
  if (regex == NULL || g_regex_match (regex, value, 0, NULL))
    return;

  if (rule->message != NULL)
    ed_problem_list_add (problems, field, "pattern", ED_SEVERITY_ERROR, "%s",
                         ed_text_lookup (rule->message, ed_language_for_ui ()));
  else
    ed_problem_list_add (problems, field, "pattern", ED_SEVERITY_ERROR, "%s",
                         _("This does not have the form the official form asks for."));
}

void
_ed_check_choice (GPtrArray     *problems,
                  const char    *field_name,
                  const EdField *field,
                  const char    *value)
{
  g_autoptr(GString) values = NULL;

  if (field->kind == ED_FIELD_YES_NO)
    {
      if (!g_str_equal (value, "yes") && !g_str_equal (value, "no"))
        ed_problem_list_add (problems, field_name, "yes-no", ED_SEVERITY_ERROR,
                             _("“%s” is not an answer here: answer “yes” or “no”."), value);
      return;
    }

  if (field->choices == NULL || field->choices->len == 0)
    return;

  values = g_string_new (NULL);
  for (guint i = 0; i < field->choices->len; i++)
    {
      const EdChoice *choice = g_ptr_array_index (field->choices, i);

      if (g_strcmp0 (choice->value, value) == 0)
        return;
      if (i > 0)
        g_string_append (values, _(", "));
      g_string_append (values, choice->value);
    }

  ed_problem_list_add (problems, field_name, "choice-unknown", ED_SEVERITY_ERROR,
                       _("“%s” is not one of the choices: %s."), value, values->str);
}
