/* ed-procedure-status.c — a procedure's status, said in any language
 *
 * Staff must never hand out an ended procedure without seeing that it
 * ended: the status line is shown and printed wherever the procedure is,
 * in the language of the sheet, whatever the UI language is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ed-date.h"
#include "ed-mo.h"
#include "ed-procedure-private.h"

static void
today_or (const GDate *today,
          char         buffer[11])
{
  GDate now;

  if (today == NULL)
    {
      ed_date_today (&now);
      today = &now;
    }
  ed_date_format_into (today, buffer);
}

/**
 * ed_procedure_has_ended:
 * @today: (nullable): the day to judge on; %NULL for today
 *
 * Returns: whether the procedure no longer applies: it is archived, or
 *   its last day has passed (the dates win over a stale status)
 */
gboolean
ed_procedure_has_ended (EdProcedure *self,
                        const GDate *today)
{
  char day[11];

  g_return_val_if_fail (ED_IS_PROCEDURE (self), TRUE);

  if (self->status == ED_STATUS_ARCHIVED)
    return TRUE;
  if (self->valid_until == NULL)
    return FALSE;

  today_or (today, day);
  /* YYYY-MM-DD compares as text. */
  return strcmp (day, self->valid_until) > 0;
}

/**
 * ed_procedure_describe_status_on:
 * @language: the language of the line
 * @today: (nullable): the day to judge on; %NULL for today
 * @with_note: add the status note (why it ended)
 *
 * Returns: (transfer full): one line, such as "Ended, last day 2023-01-07 —
 *   China stopped…", "In force since 2024-12-02" or "Current"
 */
char *
ed_procedure_describe_status_on (EdProcedure *self,
                                 EdLanguage   language,
                                 const GDate *today,
                                 gboolean     with_note)
{
  g_autoptr(GString) line = g_string_new (NULL);
  const char *from = self->valid_from;
  const char *until = self->valid_until;
  char day[11];

  g_return_val_if_fail (ED_IS_PROCEDURE (self), NULL);
  g_return_val_if_fail (language < ED_N_LANGUAGES, NULL);

  today_or (today, day);

  if (ed_procedure_has_ended (self, today))
    {
      if (until != NULL)
        g_string_printf (line, ed_translate (language, "status", "Ended, last day %s"), until);
      else
        g_string_assign (line, ed_translate (language, "status", "Ended"));
    }
  else if (from != NULL && strcmp (from, day) > 0 && self->status == ED_STATUS_PLANNED)
    g_string_printf (line, ed_translate (language, "status", "Planned, from %s"), from);
  else if (from != NULL && strcmp (from, day) > 0)
    {
      if (until != NULL)
        g_string_printf (line, ed_translate (language, "status", "In force from %s to %s"),
                         from, until);
      else
        g_string_printf (line, ed_translate (language, "status", "In force from %s"), from);
    }
  else if (self->status == ED_STATUS_PLANNED)
    g_string_printf (line, ed_translate (language, "status", "In force since %s (announced as "
                                                             "planned: check that it started)"),
                     from);
  else if (ed_procedure_is_ending (self, today))
    g_string_printf (line, ed_translate (language, "status", "Ending: last day %s"), until);
  else if (from != NULL)
    {
      if (until != NULL)
        g_string_printf (line, ed_translate (language, "status", "In force since %s, until %s"),
                         from, until);
      else
        g_string_printf (line, ed_translate (language, "status", "In force since %s"), from);
    }
  else if (until != NULL)
    g_string_printf (line, ed_translate (language, "status", "Current, until %s"), until);
  else
    g_string_assign (line, ed_translate (language, "status", "Current"));

  if (self->superseded_by != NULL)
    {
      EdText *successor = g_atomic_pointer_get (&self->successor_title);

      g_string_append (line, " — ");
      g_string_append_printf (line, ed_translate (language, "status", "Replaced by %s"),
                              successor != NULL ? ed_text_lookup (successor, language)
                                                : self->superseded_by);
    }

  if (with_note && self->status_note != NULL)
    {
      g_string_append (line, " — ");
      g_string_append (line, ed_text_lookup (self->status_note, language));
    }

  return g_string_free (g_steal_pointer (&line), FALSE);
}

/**
 * ed_procedure_describe_status:
 *
 * Returns: (transfer full): the status line in @language, with the note
 *   that says why a procedure ended
 */
char *
ed_procedure_describe_status (EdProcedure *self,
                              EdLanguage   language)
{
  return ed_procedure_describe_status_on (self, language, NULL, TRUE);
}

/**
 * ed_procedure_describe_status_brief:
 *
 * Returns: (transfer full): the status line in @language without the
 *   note, for lists: "Ended, last day 2023-01-07"
 */
char *
ed_procedure_describe_status_brief (EdProcedure *self,
                                    EdLanguage   language)
{
  return ed_procedure_describe_status_on (self, language, NULL, FALSE);
}

/**
 * ed_procedure_get_state:
 * @today: (nullable): the day to judge on; %NULL for today
 *
 * Returns: whether the procedure is in force (and ending soon), planned
 *   or ended on @today: the dates win over a stale status
 */
EdProcedureState
ed_procedure_get_state (EdProcedure *self,
                        const GDate *today)
{
  g_return_val_if_fail (ED_IS_PROCEDURE (self), ED_PROCEDURE_ENDED);

  if (ed_procedure_has_ended (self, today))
    return ED_PROCEDURE_ENDED;
  if (ed_procedure_is_planned (self, today))
    return ED_PROCEDURE_PLANNED;
  if (ed_procedure_is_ending (self, today))
    return ED_PROCEDURE_ENDING;
  return ED_PROCEDURE_IN_FORCE;
}

/**
 * ed_procedure_is_planned:
 * @today: (nullable): the day to judge on; %NULL for today
 *
 * Returns: whether the procedure is announced but not in force yet: it
 *   must be shown "from DATE", never as current
 */
gboolean
ed_procedure_is_planned (EdProcedure *self,
                         const GDate *today)
{
  char day[11];

  g_return_val_if_fail (ED_IS_PROCEDURE (self), FALSE);

  if (self->status == ED_STATUS_ARCHIVED || self->valid_from == NULL)
    return FALSE;
  today_or (today, day);
  return strcmp (self->valid_from, day) > 0;
}

/**
 * ed_procedure_is_ending:
 * @today: (nullable): the day to judge on; %NULL for today
 *
 * Returns: whether the procedure is in force and its last day is at most
 *   %ED_PROCEDURE_ENDING_DAYS away: staff must hear of it
 */
gboolean
ed_procedure_is_ending (EdProcedure *self,
                        const GDate *today)
{
  GDate now, last;

  g_return_val_if_fail (ED_IS_PROCEDURE (self), FALSE);

  if (self->valid_until == NULL || ed_procedure_has_ended (self, today) ||
      !ed_date_parse (self->valid_until, &last))
    return FALSE;
  if (today == NULL)
    {
      ed_date_today (&now);
      today = &now;
    }
  return g_date_days_between (today, &last) <= ED_PROCEDURE_ENDING_DAYS;
}

/**
 * ed_procedure_review_is_stale:
 * @today: (nullable): the day to judge on; %NULL for today
 * @max_days: how old a review may be (%ED_PROCEDURE_REVIEW_MAX_DAYS, or
 *   the office's setting)
 *
 * Returns: whether the content was last checked against its sources more
 *   than @max_days ago
 */
gboolean
ed_procedure_review_is_stale (EdProcedure *self,
                              const GDate *today,
                              guint        max_days)
{
  GDate now, reviewed;

  g_return_val_if_fail (ED_IS_PROCEDURE (self), TRUE);

  if (!ed_date_parse (ed_procedure_get_reviewed (self), &reviewed))
    return TRUE;
  if (today == NULL)
    {
      ed_date_today (&now);
      today = &now;
    }
  return g_date_days_between (&reviewed, today) > (int) max_days;
}

/**
 * ed_procedure_describe_review:
 *
 * Returns: (transfer full): in @language, when the content was checked:
 *   "Reviewed 2026-12-06", and for a stale review "Reviewed 2025-01-10 —
 *   check with the source before use"
 */
char *
ed_procedure_describe_review (EdProcedure *self,
                              EdLanguage   language,
                              const GDate *today,
                              guint        max_days)
{
  const char *reviewed;

  g_return_val_if_fail (ED_IS_PROCEDURE (self), NULL);

  reviewed = ed_procedure_get_reviewed (self);
  if (ed_procedure_review_is_stale (self, today, max_days))
    return g_strdup_printf (ed_translate (language, "status",
                                          "Reviewed %s — check with the source before use"),
                            reviewed);
  return g_strdup_printf (ed_translate (language, "status", "Reviewed %s"), reviewed);
}

/**
 * ed_procedure_dup_fees_on:
 * @day: (nullable): the day; %NULL for today
 *
 * Returns: (transfer container) (element-type EdFee): the fees in force on
 *   @day, one version of each, in the file's order
 */
GPtrArray *
ed_procedure_dup_fees_on (EdProcedure *self,
                          const GDate *day)
{
  GPtrArray *fees = g_ptr_array_new ();
  char text[11];

  g_return_val_if_fail (ED_IS_PROCEDURE (self), fees);

  today_or (day, text);
  for (guint i = 0; i < self->fees->len; i++)
    {
      EdFee *fee = g_ptr_array_index (self->fees, i);

      if ((fee->valid_from == NULL || strcmp (fee->valid_from, text) <= 0) &&
          (fee->valid_until == NULL || strcmp (text, fee->valid_until) <= 0))
        g_ptr_array_add (fees, fee);
    }
  return fees;
}

/* "5500" → "5,500" */
static char *
group_digits (gint64 amount)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, amount);
  GString *out = g_string_new (NULL);
  gsize length = strlen (digits);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

/**
 * ed_fee_format_amount:
 *
 * Returns: (transfer full): the amount as @language writes it: "¥5,500",
 *   "5,500円", "RMB 2,000", "2,000元"
 */
char *
ed_fee_format_amount (const EdFee *fee,
                      EdLanguage   language)
{
  g_autofree char *amount = NULL;

  g_return_val_if_fail (fee != NULL, NULL);

  amount = group_digits (fee->amount);
  if (g_strcmp0 (fee->currency, "JPY") == 0)
    return g_strdup_printf (ed_translate (language, "fee", "¥%s"), amount);
  if (g_strcmp0 (fee->currency, "CNY") == 0)
    return g_strdup_printf (ed_translate (language, "fee", "RMB %s"), amount);
  return g_strdup_printf ("%s %s", amount, fee->currency);
}

const char *
ed_note_kind_to_string (EdNoteKind kind)
{
  g_return_val_if_fail (kind <= ED_NOTE_CHECK, NULL);
  return ed_procedure_note_kind_names[kind];
}
