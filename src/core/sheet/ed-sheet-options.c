/* ed-sheet-options.c — paper sizes and what staff choose before printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-date.h"
#include "ed-error.h"
#include "ed-sheet.h"

struct _EdSheetOptions
{
  EdLanguage  languages[ED_SHEET_MAX_LANGUAGES];
  guint       n_languages;
  EdPaper     paper;
  char       *as_of;
  char       *case_reference;
  gboolean    personal_qr;
  guint       review_max_days;
  EdSheetOffice *office;
  char       *printed_on;
  gboolean    no_summary;
  gboolean    summary_only;
};

G_DEFINE_BOXED_TYPE (EdSheetOptions, ed_sheet_options, ed_sheet_options_copy, ed_sheet_options_free)

gboolean
ed_paper_from_string (const char *name,
                      EdPaper    *paper)
{
  if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = ED_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    *paper = ED_PAPER_LETTER;
  else
    return FALSE;

  return TRUE;
}

const char *
ed_paper_to_string (EdPaper paper)
{
  return paper == ED_PAPER_LETTER ? "letter" : "a4";
}

/**
 * ed_paper_get_size:
 *
 * The paper's width and height in points (1/72 inch), portrait.
 */
void
ed_paper_get_size (EdPaper  paper,
                   double  *width,
                   double  *height)
{
  if (paper == ED_PAPER_LETTER)
    {
      *width = 612.0;
      *height = 792.0;
    }
  else
    {
      *width = 210.0 * 72.0 / 25.4;
      *height = 297.0 * 72.0 / 25.4;
    }
}

/**
 * ed_sheet_options_new:
 *
 * Returns: (transfer full): options for an A4 sheet in English,
 *   Japanese and Simplified Chinese, without personal data in QR codes
 */
EdSheetOptions *
ed_sheet_options_new (void)
{
  EdSheetOptions *self = g_new0 (EdSheetOptions, 1);

  self->languages[0] = ED_LANGUAGE_EN;
  self->languages[1] = ED_LANGUAGE_JA;
  self->languages[2] = ED_LANGUAGE_ZH_CN;
  self->n_languages = 3;
  self->paper = ED_PAPER_A4;

  return self;
}

EdSheetOptions *
ed_sheet_options_copy (const EdSheetOptions *self)
{
  EdSheetOptions *copy = g_memdup2 (self, sizeof *self);

  copy->as_of = g_strdup (self->as_of);
  copy->case_reference = g_strdup (self->case_reference);
  copy->office = self->office != NULL ? ed_sheet_office_ref (self->office) : NULL;
  copy->printed_on = g_strdup (self->printed_on);

  return copy;
}

void
ed_sheet_options_free (EdSheetOptions *self)
{
  if (self == NULL)
    return;

  g_free (self->as_of);
  g_free (self->case_reference);
  g_clear_pointer (&self->office, ed_sheet_office_unref);
  g_free (self->printed_on);
  g_free (self);
}

/**
 * ed_sheet_options_set_languages:
 * @languages: (array length=n_languages): one to three of en, ja and
 *   zh_CN, in the order of the sheet's columns
 *
 * Returns: %FALSE with @error set, the options unchanged, when the list
 *   is empty, too long, repeats a language or holds one a sheet cannot
 *   print
 */
gboolean
ed_sheet_options_set_languages (EdSheetOptions    *self,
                                const EdLanguage  *languages,
                                guint              n_languages,
                                GError           **error)
{
  if (n_languages == 0 || n_languages > ED_SHEET_MAX_LANGUAGES)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                   _("A sheet prints one to three languages: choose among en, ja, zh_CN "
                     "and zh_TW"));
      return FALSE;
    }

  for (guint i = 0; i < n_languages; i++)
    {
      if (languages[i] != ED_LANGUAGE_EN && languages[i] != ED_LANGUAGE_JA &&
          languages[i] != ED_LANGUAGE_ZH_CN && languages[i] != ED_LANGUAGE_ZH_TW)
        {
          g_set_error (error, ED_ERROR, ED_ERROR_UNSUPPORTED,
                       /* Translators: %s is a language code */
                       _("Sheets are not printed in “%s”: choose among en, ja, zh_CN and zh_TW"),
                       ed_language_code (languages[i]));
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (languages[j] == languages[i])
          {
            g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                         _("The language “%s” is given twice"), ed_language_code (languages[i]));
            return FALSE;
          }
    }

  memcpy (self->languages, languages, n_languages * sizeof (EdLanguage));
  self->n_languages = n_languages;

  return TRUE;
}

/**
 * ed_sheet_options_parse_languages:
 * @list: such as "en,ja,zh_CN"
 */
gboolean
ed_sheet_options_parse_languages (EdSheetOptions  *self,
                                  const char      *list,
                                  GError         **error)
{
  g_autoptr(GArray) languages = ed_language_parse_list (list, error);

  if (languages == NULL)
    return FALSE;

  return ed_sheet_options_set_languages (self, (const EdLanguage *) languages->data,
                                         languages->len, error);
}

const EdLanguage *
ed_sheet_options_get_languages (const EdSheetOptions *self,
                                guint                *n_languages)
{
  *n_languages = self->n_languages;
  return self->languages;
}

/**
 * ed_sheet_options_dup_languages_string:
 *
 * Returns: (transfer full): the languages as "en,ja,zh_CN"
 */
char *
ed_sheet_options_dup_languages_string (const EdSheetOptions *self)
{
  GString *string = g_string_new (NULL);

  for (guint i = 0; i < self->n_languages; i++)
    g_string_append_printf (string, "%s%s", i > 0 ? "," : "",
                            ed_language_code (self->languages[i]));

  return g_string_free (string, FALSE);
}

void
ed_sheet_options_set_paper (EdSheetOptions *self,
                            EdPaper         paper)
{
  self->paper = paper;
}

EdPaper
ed_sheet_options_get_paper (const EdSheetOptions *self)
{
  return self->paper;
}

/**
 * ed_sheet_options_set_as_of:
 * @date: (nullable): YYYY-MM-DD, or %NULL for the date the procedure's
 *   content was last checked against its sources (its "reviewed")
 */
gboolean
ed_sheet_options_set_as_of (EdSheetOptions *self,
                            const char     *date)
{
  GDate parsed;

  if (date != NULL && !ed_date_parse (date, &parsed))
    return FALSE;

  g_free (self->as_of);
  self->as_of = g_strdup (date);
  return TRUE;
}

const char *
ed_sheet_options_get_as_of (const EdSheetOptions *self)
{
  return self->as_of;
}

/**
 * ed_sheet_options_set_review_max_days:
 * @days: how old a procedure's review may be before the sheet says
 *   "check with the source before use" (the office's setting)
 */
void
ed_sheet_options_set_review_max_days (EdSheetOptions *self,
                                      guint           days)
{
  self->review_max_days = MAX (days, 1);
}

guint
ed_sheet_options_get_review_max_days (const EdSheetOptions *self)
{
  return self->review_max_days != 0 ? self->review_max_days : ED_PROCEDURE_REVIEW_MAX_DAYS;
}

void
ed_sheet_options_set_case_reference (EdSheetOptions *self,
                                     const char     *reference)
{
  g_free (self->case_reference);
  self->case_reference = g_strdup (reference != NULL && *reference != '\0' ? reference : NULL);
}

const char *
ed_sheet_options_get_case_reference (const EdSheetOptions *self)
{
  return self->case_reference;
}

/**
 * ed_sheet_options_set_personal_qr:
 *
 * Whether the sheet also prints the traveller's prepared answers as a QR
 * code, for copying them into a phone. Off by default: a code anyone can
 * scan is personal data lying about on paper.
 */
void
ed_sheet_options_set_personal_qr (EdSheetOptions *self,
                                  gboolean        personal_qr)
{
  self->personal_qr = personal_qr;
}

gboolean
ed_sheet_options_get_personal_qr (const EdSheetOptions *self)
{
  return self->personal_qr;
}

/**
 * ed_sheet_options_set_office:
 * @office: (nullable): the firm's letterhead; %NULL for none
 */
void
ed_sheet_options_set_office (EdSheetOptions *self,
                             EdSheetOffice  *office)
{
  g_clear_pointer (&self->office, ed_sheet_office_unref);
  self->office = office != NULL ? ed_sheet_office_ref (office) : NULL;
}

/* Returns: (nullable) (transfer none): the letterhead */
EdSheetOffice *
ed_sheet_options_get_office (const EdSheetOptions *self)
{
  return self->office;
}

/**
 * ed_sheet_options_set_printed_on:
 * @date: (nullable): YYYY-MM-DD; %NULL for today (or the day of
 *   SOURCE_DATE_EPOCH, for reproducible files)
 */
gboolean
ed_sheet_options_set_printed_on (EdSheetOptions *self,
                                 const char     *date)
{
  GDate parsed;

  if (date != NULL && !ed_date_parse (date, &parsed))
    return FALSE;

  g_free (self->printed_on);
  self->printed_on = g_strdup (date);
  return TRUE;
}

/* Returns: (transfer full): the day the sheet is printed, YYYY-MM-DD */
char *
ed_sheet_options_dup_printed_on (const EdSheetOptions *self)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) now = NULL;

  if (self->printed_on != NULL)
    return g_strdup (self->printed_on);

  if (epoch != NULL && *epoch != '\0')
    now = g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10));
  if (now == NULL)
    now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * ed_sheet_options_set_summary:
 * @summary: whether the sheet opens with its one-page summary (the
 *   default)
 * @summary_only: whether it is only that page
 */
void
ed_sheet_options_set_summary (EdSheetOptions *self,
                              gboolean        summary,
                              gboolean        summary_only)
{
  self->no_summary = !summary && !summary_only;
  self->summary_only = summary_only;
}

gboolean
ed_sheet_options_get_summary (const EdSheetOptions *self)
{
  return !self->no_summary;
}

gboolean
ed_sheet_options_get_summary_only (const EdSheetOptions *self)
{
  return self->summary_only;
}
