/* ed-case-row-journey.c — what a case's row says of its journey: its
 * procedures (those ended marked) and its next deadline
 *
 * The next deadline is the one the store keeps beside the case, judged
 * against now: the list reads no case to show it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-case-row-private.h"
#include "ed-date.h"
#include "ed-timeline.h"

/* How many days make "due soon": the setting, read once for all rows. */
static guint
soon_days (void)
{
  static GSettings *settings;

  if (settings == NULL)
    settings = g_settings_new (APP_ID);
  return g_settings_get_uint (settings, "reminder-days");
}

/**
 * _ed_case_row_count_ended:
 *
 * Returns: how many of the case's procedures have ended; @n_known is
 *   set to how many the catalog has
 */
guint
_ed_case_row_count_ended (EdCaseInfo *info,
                          EdCatalog  *catalog,
                          guint      *n_known)
{
  const char * const *ids = ed_case_info_get_procedure_ids (info);
  guint n_ended = 0;
  GDate today;

  *n_known = 0;
  if (catalog == NULL)
    return 0;

  ed_date_today (&today);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      EdProcedure *procedure = ed_catalog_lookup (catalog, ids[i]);

      if (procedure == NULL)
        continue;
      (*n_known)++;
      n_ended += ed_procedure_has_ended (procedure, &today);
    }

  return n_ended;
}

/**
 * _ed_case_row_describe_procedures:
 * @all_ended: (out): whether every procedure the catalog has of the
 *   case has ended
 *
 * Returns: (transfer full): "Moving to Japan for work (new hire) · 6
 *   procedures · 1 ended", or the one procedure's title, "· ended" when
 *   it has
 */
char *
_ed_case_row_describe_procedures (EdCaseInfo *info,
                                  EdCatalog  *catalog,
                                  gboolean   *all_ended)
{
  const char * const *ids = ed_case_info_get_procedure_ids (info);
  const char *journey_id = ed_case_info_get_journey_id (info);
  EdJourney *journey = catalog != NULL && journey_id != NULL
                       ? ed_catalog_lookup_journey (catalog, journey_id) : NULL;
  guint n = g_strv_length ((char **) ids);
  guint n_known;
  guint n_ended = _ed_case_row_count_ended (info, catalog, &n_known);
  g_autoptr(GString) text = g_string_new (NULL);

  if (journey != NULL)
    g_string_append (text, ed_text_lookup (ed_journey_get_title (journey), ed_language_for_ui ()));
  if (journey != NULL || n > 1)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u procedure",
                                                 "%u procedures", n), n);
    }
  else
    {
      g_autofree char *title = ed_case_describe_procedure (catalog,
                                                          ed_case_info_get_procedure_id (info));

      g_string_append (text, title);
    }

  *all_ended = n_known > 0 && n_ended == n_known;
  if (n_ended > 0 && n > 1)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u ended", "%u ended",
                                                 n_ended), n_ended);
    }
  else if (n_ended > 0)
    {
      g_string_append (text, " · ");
      /* Translators: after the title of a case's procedure that has ended */
      g_string_append (text, C_("procedure", "ended"));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * _ed_case_row_describe_next_due:
 * @css_class: (out): "next-due-overdue", "next-due-soon" or ""
 *
 * The date comes first: a narrow row cuts the end of what is due, never
 * the day it is due by.
 *
 * Returns: (transfer full) (nullable): "Due soon: by 2027-01-23 — Last
 *   day to notify …", or %NULL when the case has no deadline ahead
 */
char *
_ed_case_row_describe_next_due (EdCaseInfo  *info,
                                EdCatalog   *catalog,
                                const char **css_class)
{
  const EdNextDue *next = ed_case_info_get_next_due (info);
  EdLanguage language = ed_language_for_ui ();
  EdProcedure *procedure;
  const EdPeriod *period = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *when = NULL;
  const char *label;
  EdTimelineState state;

  *css_class = "";
  if (next->due_at == 0 || next->when == NULL ||
      ed_case_info_get_status (info) != ED_CASE_OPEN)
    return NULL;

  procedure = catalog != NULL && next->procedure_id != NULL
              ? ed_catalog_lookup (catalog, next->procedure_id) : NULL;
  if (procedure != NULL && next->rule_id != NULL)
    period = ed_procedure_find_period (procedure, next->rule_id);
  label = period != NULL ? ed_text_lookup (period->label, language) : next->rule_id;

  when = ed_next_due_format_when (next);
  now = ed_date_dup_now ();
  state = ed_timeline_judge (next->due_at, next->end_at, 0, FALSE, now, soon_days ());
  switch (state)
    {
    case ED_TIMELINE_OVERDUE:
      *css_class = "next-due-overdue";
      /* Translators: a case's overdue deadline: the date, then what */
      return g_strdup_printf (_("Overdue: by %s — %s"), when, label);
    case ED_TIMELINE_DUE_SOON:
      *css_class = "next-due-soon";
      /* Translators: a case's deadline due soon: the date, then what */
      return g_strdup_printf (_("Due soon: by %s — %s"), when, label);
    case ED_TIMELINE_DONE:
    case ED_TIMELINE_OPEN:
    case ED_TIMELINE_UPCOMING:
    case ED_TIMELINE_NEEDS_DATA:
    default:
      /* Translators: a case's next deadline: the date, then what */
      return g_strdup_printf (_("Next: by %s — %s"), when, label);
    }
}
