/* ed-mrz.c — reading an MRZ (ICAO Doc 9303 parts 3 to 7)
 *
 * What a person or a scanner gives us is forgiven where it cannot be
 * misread: surrounding white space, lower case, full-width characters,
 * CR/LF or CR line ends (a USB scanner types the lines as keystrokes),
 * and the whole zone pasted as one line. Anything else is refused with
 * the line and column at fault.
 *
 * Two-digit years: a birth date is the latest date with those digits
 * that is not after today. An expiry date falls in the hundred years
 * from 79 years before this year to 20 years after it (a passport is
 * valid for 10 years at most, a few documents for 20, and an expired one
 * can still be read).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-date.h"
#include "ed-error.h"
#include "ed-mrz.h"
#include "ed-normalize.h"

G_DEFINE_BOXED_TYPE (EdMrz, ed_mrz, ed_mrz_copy, ed_mrz_free)

#define EXPIRY_YEARS_AHEAD 20

/**
 * ed_mrz_check_digit:
 * @text: MRZ characters
 * @length: how many, or -1 for all
 *
 * The Doc 9303 check digit: weights 7, 3, 1 repeated; digits count as
 * themselves, A–Z as 10–35, the filler `<` as 0.
 *
 * Returns: '0' … '9'
 */
char
ed_mrz_check_digit (const char *text,
                    gssize      length)
{
  static const int weights[] = { 7, 3, 1 };
  gsize n = length < 0 ? strlen (text) : (gsize) length;
  int sum = 0;

  for (gsize i = 0; i < n; i++)
    {
      char c = text[i];
      int value = 0;

      if (g_ascii_isdigit (c))
        value = c - '0';
      else if (c >= 'A' && c <= 'Z')
        value = c - 'A' + 10;
      sum += value * weights[i % 3];
    }

  return (char) ('0' + sum % 10);
}

static gboolean
date_after (guint        year,
            guint        month,
            guint        day,
            const GDate *today)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_compare (&date, today) > 0;
}

/**
 * ed_mrz_expand_year:
 * @is_birth: a birth date (never in the future) rather than an expiry
 * @date: (out caller-allocates): the date
 *
 * Returns: whether the date exists
 */
gboolean
ed_mrz_expand_year (guint        two_digit_year,
                    guint        month,
                    guint        day,
                    gboolean     is_birth,
                    const GDate *today,
                    GDate       *date)
{
  guint this_year = g_date_get_year (today);
  guint year = this_year / 100 * 100 + two_digit_year;

  g_return_val_if_fail (two_digit_year < 100, FALSE);

  g_date_clear (date, 1);
  if (month < 1 || month > 12 || day < 1 || day > 31)
    return FALSE;

  if (is_birth)
    {
      /* Compared on 28 February when the day does not exist that year, so
       * that a 29 February in the future still goes back a century. */
      if (date_after (year, month, MIN (day, g_date_get_days_in_month (month, year)), today))
        year -= 100;
    }
  else if (year > this_year + EXPIRY_YEARS_AHEAD)
    year -= 100;
  else if (year + 100 <= this_year + EXPIRY_YEARS_AHEAD)
    year += 100;

  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

/* Splits what was typed or pasted into upper-case lines. */
static GPtrArray *
split_lines (const char *text)
{
  g_autofree char *width = ed_fold_width (text);
  g_auto(GStrv) raw = NULL;
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  g_strdelimit (width, "\r", '\n');
  raw = g_strsplit (width, "\n", -1);
  for (guint i = 0; raw[i] != NULL; i++)
    {
      char *line = g_strstrip (g_ascii_strup (raw[i], -1));

      if (*line == '\0')
        g_free (line);
      else
        g_ptr_array_add (lines, line);
    }

  /* One line: the lines joined by spaces, or by nothing at all. */
  if (lines->len == 1 && strpbrk (g_ptr_array_index (lines, 0), " \t") != NULL)
    {
      g_auto(GStrv) parts = g_strsplit_set (g_ptr_array_index (lines, 0), " \t", -1);

      g_ptr_array_set_size (lines, 0);
      for (guint i = 0; parts[i] != NULL; i++)
        if (*parts[i] != '\0')
          g_ptr_array_add (lines, g_strdup (parts[i]));
    }
  else if (lines->len == 1)
    {
      char *blob = g_ptr_array_steal_index (lines, 0);
      gsize length = strlen (blob);
      gsize width_of_line = length == 90 ? 30 : length == 72 ? 36 : length == 88 ? 44 : 0;

      if (width_of_line == 0)
        g_ptr_array_add (lines, blob);
      else
        {
          for (gsize at = 0; at < length; at += width_of_line)
            g_ptr_array_add (lines, g_strndup (blob + at, width_of_line));
          g_free (blob);
        }
    }

  return lines;
}

static gboolean
check_shape (GPtrArray  *lines,
             GError    **error)
{
  guint expected = 0;

  if (lines->len == 0)
    {
      g_set_error_literal (error, ED_ERROR, ED_ERROR_PARSE,
                           _("The MRZ is empty: type or paste its two or three lines."));
      return FALSE;
    }
  if (lines->len == 1)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_PARSE,
                   _("An MRZ has two or three lines; this is one line of %ld characters."),
                   g_utf8_strlen (g_ptr_array_index (lines, 0), -1));
      return FALSE;
    }
  if (lines->len > 3)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_PARSE,
                   _("An MRZ has two or three lines; this has %u."), lines->len);
      return FALSE;
    }

  if (lines->len == 3)
    expected = 30;
  else
    for (guint i = 0; i < 2 && expected == 0; i++)
      {
        glong length = g_utf8_strlen (g_ptr_array_index (lines, i), -1);

        if (length == 36 || length == 44)
          expected = (guint) length;
      }

  if (expected == 0)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_PARSE,
                   _("Line 1 has %ld characters; the lines of a two-line MRZ have 36 (TD2, MRV-B) "
                     "or 44 (TD3, MRV-A) each."),
                   g_utf8_strlen (g_ptr_array_index (lines, 0), -1));
      return FALSE;
    }

  for (guint i = 0; i < lines->len; i++)
    {
      glong length = g_utf8_strlen (g_ptr_array_index (lines, i), -1);

      if ((guint) length == expected)
        continue;
      if (lines->len == 3)
        g_set_error (error, ED_ERROR, ED_ERROR_PARSE,
                     _("Line %u has %ld characters; the lines of a three-line MRZ (TD1) "
                       "have 30 each."),
                     i + 1, length);
      else
        g_set_error (error, ED_ERROR, ED_ERROR_PARSE,
                     _("Line %u has %ld characters; it must have %u, as the other line."),
                     i + 1, length, expected);
      return FALSE;
    }

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      guint column = 1;

      for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p), column++)
        {
          char shown[8] = { 0 };

          if (g_ascii_isdigit (*p) || (*p >= 'A' && *p <= 'Z') || *p == '<')
            continue;

          if (*p == ' ' || *p == '\t')
            g_set_error (error, ED_ERROR, ED_ERROR_PARSE,
                         _("Line %u, column %u: a space cannot be in an MRZ, "
                           "which has only A–Z, 0–9 and <."),
                         i + 1, column);
          else
            {
              g_unichar_to_utf8 (g_utf8_get_char (p), shown);
              g_set_error (error, ED_ERROR, ED_ERROR_PARSE,
                           _("Line %u, column %u: “%s” cannot be in an MRZ, "
                             "which has only A–Z, 0–9 and <."),
                           i + 1, column, shown);
            }
          return FALSE;
        }
    }

  return TRUE;
}

/* Trailing fillers dropped, runs of inner fillers one space. */
static char *
clean (const char *text,
       gsize       length)
{
  GString *out = g_string_sized_new (length);
  gboolean filler = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '<')
        {
          filler = TRUE;
          continue;
        }
      if (filler && out->len > 0)
        g_string_append_c (out, ' ');
      filler = FALSE;
      g_string_append_c (out, text[i]);
    }

  return g_string_free (out, FALSE);
}

/* Trailing fillers dropped; inner ones are data and stay. */
static char *
trim_fillers (const char *text,
              gsize       length)
{
  while (length > 0 && text[length - 1] == '<')
    length--;

  return g_strndup (text, length);
}

static void
parse_name (EdMrz      *self,
            const char *zone,
            gsize       length)
{
  g_autofree char *name = g_strndup (zone, length);
  char *separator = strstr (name, "<<");

  if (separator == NULL)
    {
      self->surname = clean (name, strlen (name));
      self->given_names = g_strdup ("");
      return;
    }

  self->surname = clean (name, (gsize) (separator - name));
  self->given_names = clean (separator + 2, strlen (separator + 2));
}

static char *
parse_date (const char  *digits,
            gboolean     is_birth,
            const GDate *today)
{
  GDate date;
  guint value[3];

  for (guint i = 0; i < 6; i++)
    if (!g_ascii_isdigit (digits[i]))
      return NULL;

  for (guint i = 0; i < 3; i++)
    value[i] = (guint) ((digits[2 * i] - '0') * 10 + (digits[2 * i + 1] - '0'));

  if (!ed_mrz_expand_year (value[0], value[1], value[2], is_birth, today, &date))
    return NULL;

  return ed_date_format (&date);
}

/* Records one check digit: @data is what it covers, @at where it is. */
static void
add_check (EdMrz      *self,
           EdMrzCheck  check,
           const char *data,
           gsize       length,
           guint       line,
           guint       column,
           gboolean    filler_allowed)
{
  EdMrzCheckDigit *digit = &self->checks[self->n_checks++];
  char found = self->lines[line - 1][column - 1];

  digit->check = check;
  digit->line = line;
  digit->column = column;
  digit->found = found;
  digit->expected = ed_mrz_check_digit (data, (gssize) length);

  /* An unused optional field may have a filler for its check digit. */
  if (found == '<' && filler_allowed)
    digit->expected = '<';

  if (digit->found != digit->expected)
    self->failed |= check;
}

static gboolean
all_fillers (const char *text,
             gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (text[i] != '<')
      return FALSE;

  return TRUE;
}

/* The document number of TD1 (line 1) and TD2 (line 2): nine characters
 * and a check digit; a longer number has `<` for its check digit and
 * runs on into the optional data, its check digit last (Doc 9303 part 5
 * 4.2.4, part 6 4.2.4 note j). */
static void
parse_document_number (EdMrz      *self,
                       guint       line,
                       guint       start,
                       guint       optional_start,
                       guint       optional_end)
{
  const char *text = self->lines[line - 1];
  g_autofree char *whole = NULL;
  gsize run = 0;

  if (text[start + 9] != '<')
    {
      self->document_number = trim_fillers (text + start, 9);
      add_check (self, ED_MRZ_CHECK_DOCUMENT_NUMBER, text + start, 9, line, start + 10, FALSE);
      self->optional_data = trim_fillers (text + optional_start, optional_end - optional_start);
      return;
    }

  while (optional_start + run < optional_end && text[optional_start + run] != '<')
    run++;

  if (run == 0)
    {
      /* A filler where the check digit should be, and nothing after. */
      self->document_number = trim_fillers (text + start, 9);
      add_check (self, ED_MRZ_CHECK_DOCUMENT_NUMBER, text + start, 9, line, start + 10, FALSE);
      self->optional_data = trim_fillers (text + optional_start, optional_end - optional_start);
      return;
    }

  whole = g_strdup_printf ("%.9s%.*s", text + start, (int) (run - 1), text + optional_start);
  self->document_number = g_steal_pointer (&whole);
  add_check (self, ED_MRZ_CHECK_DOCUMENT_NUMBER, self->document_number,
             strlen (self->document_number), line, optional_start + run, FALSE);

  /* What follows the check digit, less the filler that ends the number. */
  {
    gsize rest = optional_start + run;

    while (rest < optional_end && text[rest] == '<')
      rest++;
    self->optional_data = trim_fillers (text + rest, optional_end - rest);
  }
}

static void
parse_td1 (EdMrz       *self,
           const GDate *today)
{
  const char *l1 = self->lines[0];
  const char *l2 = self->lines[1];
  g_autofree char *composite = NULL;

  self->document_code = clean (l1, 2);
  self->issuing_state = clean (l1 + 2, 3);
  parse_document_number (self, 1, 5, 15, 30);

  self->birth_date = parse_date (l2, TRUE, today);
  add_check (self, ED_MRZ_CHECK_BIRTH_DATE, l2, 6, 2, 7, FALSE);
  self->sex = g_strndup (l2 + 7, 1);
  self->expiry_date = parse_date (l2 + 8, FALSE, today);
  add_check (self, ED_MRZ_CHECK_EXPIRY_DATE, l2 + 8, 6, 2, 15, FALSE);
  self->nationality = clean (l2 + 15, 3);
  self->optional_data_2 = trim_fillers (l2 + 18, 11);

  composite = g_strdup_printf ("%.25s%.7s%.7s%.11s", l1 + 5, l2, l2 + 8, l2 + 18);
  add_check (self, ED_MRZ_CHECK_COMPOSITE, composite, strlen (composite), 2, 30, FALSE);

  parse_name (self, self->lines[2], 30);
}

/* TD2, TD3, MRV-A and MRV-B share the layout of their second line up to
 * column 28. */
static void
parse_two_lines (EdMrz       *self,
                 const GDate *today)
{
  const char *l1 = self->lines[0];
  const char *l2 = self->lines[1];
  gsize width = strlen (l1);

  self->document_code = clean (l1, 2);
  self->issuing_state = clean (l1 + 2, 3);
  parse_name (self, l1 + 5, width - 5);

  switch (self->format)
    {
    case ED_MRZ_TD2:
      parse_document_number (self, 2, 0, 28, 35);
      break;
    case ED_MRZ_TD3:
      self->document_number = trim_fillers (l2, 9);
      add_check (self, ED_MRZ_CHECK_DOCUMENT_NUMBER, l2, 9, 2, 10, FALSE);
      self->optional_data = trim_fillers (l2 + 28, 14);
      break;
    case ED_MRZ_MRVA:
    case ED_MRZ_MRVB:
    case ED_MRZ_TD1:
    default:
      self->document_number = trim_fillers (l2, 9);
      add_check (self, ED_MRZ_CHECK_DOCUMENT_NUMBER, l2, 9, 2, 10, FALSE);
      self->optional_data = trim_fillers (l2 + 28, width - 28);
      break;
    }

  self->nationality = clean (l2 + 10, 3);
  self->birth_date = parse_date (l2 + 13, TRUE, today);
  add_check (self, ED_MRZ_CHECK_BIRTH_DATE, l2 + 13, 6, 2, 20, FALSE);
  self->sex = g_strndup (l2 + 20, 1);
  self->expiry_date = parse_date (l2 + 21, FALSE, today);
  add_check (self, ED_MRZ_CHECK_EXPIRY_DATE, l2 + 21, 6, 2, 28, FALSE);

  if (self->format == ED_MRZ_TD3)
    {
      g_autofree char *composite = g_strdup_printf ("%.10s%.7s%.22s", l2, l2 + 13, l2 + 21);

      add_check (self, ED_MRZ_CHECK_OPTIONAL_DATA, l2 + 28, 14, 2, 43, all_fillers (l2 + 28, 14));
      add_check (self, ED_MRZ_CHECK_COMPOSITE, composite, strlen (composite), 2, 44, FALSE);
    }
  else if (self->format == ED_MRZ_TD2)
    {
      g_autofree char *composite = g_strdup_printf ("%.10s%.7s%.14s", l2, l2 + 13, l2 + 21);

      add_check (self, ED_MRZ_CHECK_COMPOSITE, composite, strlen (composite), 2, 36, FALSE);
    }
}

/**
 * ed_mrz_parse:
 * @text: the lines, separated by line breaks, or all in one line
 * @today: (nullable): the day two-digit years are read from; %NULL for
 *   ed_date_today()
 *
 * A wrong check digit is no error here: the result says which failed
 * (#EdMrz.failed), so that the rest can still be shown and used.
 *
 * Returns: (transfer full): what the MRZ says, or %NULL with @error set
 *   when its shape or characters are wrong
 */
EdMrz *
ed_mrz_parse (const char   *text,
              const GDate  *today,
              GError      **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(EdMrz) self = NULL;
  GDate now;

  if (today == NULL)
    {
      ed_date_today (&now);
      today = &now;
    }

  lines = split_lines (text != NULL ? text : "");
  if (!check_shape (lines, error))
    return NULL;

  self = g_new0 (EdMrz, 1);
  self->n_lines = lines->len;
  for (guint i = 0; i < lines->len; i++)
    self->lines[i] = g_strdup (g_ptr_array_index (lines, i));

  if (self->n_lines == 3)
    self->format = ED_MRZ_TD1;
  else if (strlen (self->lines[0]) == 36)
    self->format = self->lines[0][0] == 'V' ? ED_MRZ_MRVB : ED_MRZ_TD2;
  else
    self->format = self->lines[0][0] == 'V' ? ED_MRZ_MRVA : ED_MRZ_TD3;

  if (self->format == ED_MRZ_TD1)
    parse_td1 (self, today);
  else
    parse_two_lines (self, today);

  return g_steal_pointer (&self);
}

EdMrz *
ed_mrz_copy (const EdMrz *self)
{
  EdMrz *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  for (guint i = 0; i < G_N_ELEMENTS (self->lines); i++)
    copy->lines[i] = g_strdup (self->lines[i]);
  copy->document_code = g_strdup (self->document_code);
  copy->issuing_state = g_strdup (self->issuing_state);
  copy->surname = g_strdup (self->surname);
  copy->given_names = g_strdup (self->given_names);
  copy->document_number = g_strdup (self->document_number);
  copy->nationality = g_strdup (self->nationality);
  copy->birth_date = g_strdup (self->birth_date);
  copy->expiry_date = g_strdup (self->expiry_date);
  copy->sex = g_strdup (self->sex);
  copy->optional_data = g_strdup (self->optional_data);
  copy->optional_data_2 = g_strdup (self->optional_data_2);

  return copy;
}

void
ed_mrz_free (EdMrz *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (self->lines); i++)
    g_free (self->lines[i]);
  g_free (self->document_code);
  g_free (self->issuing_state);
  g_free (self->surname);
  g_free (self->given_names);
  g_free (self->document_number);
  g_free (self->nationality);
  g_free (self->birth_date);
  g_free (self->expiry_date);
  g_free (self->sex);
  g_free (self->optional_data);
  g_free (self->optional_data_2);
  g_free (self);
}
