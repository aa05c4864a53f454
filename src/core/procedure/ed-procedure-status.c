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
  else if (from != NULL && strcmp (from, day) > 0)
    {
      if (until != NULL)
        g_string_printf (line, ed_translate (language, "status", "In force from %s to %s"),
                         from, until);
      else
        g_string_printf (line, ed_translate (language, "status", "In force from %s"), from);
    }
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
      g_string_append (line, " — ");
      g_string_append_printf (line, ed_translate (language, "status", "Replaced by %s"),
                              self->superseded_by);
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
