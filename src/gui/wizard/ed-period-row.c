/* ed-period-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ed-period-row.h"
#include "ed-text-block.h"

/**
 * ed_period_row_new:
 * @traveller: (nullable): whose dates the rule counts from
 * @subtitle: (nullable): under the title, e.g. the rule in words
 * @missing: what to show while the date it counts from is not entered
 *
 * Returns: a row "Last day of the 14-day waiting period  2022-01-15"
 */
GtkWidget *
ed_period_row_new (const EdPeriod *period,
                   EdProcedure    *procedure,
                   EdTraveller    *traveller,
                   const char     *subtitle,
                   const char     *missing)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *value;
  GDate event, first, last;
  char buffer[11];

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 ed_text_lookup (period->label, ed_language_for_ui ()));
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (traveller != NULL &&
      ed_traveller_find_event_date (traveller, procedure, period, &event) &&
      ed_period_evaluate (period, &event, &first, &last))
    {
      ed_date_format_into (&last, buffer);
      value = gtk_label_new (buffer);
      gtk_widget_add_css_class (value, "computed-date");
    }
  else
    {
      value = gtk_label_new (missing);
      gtk_widget_add_css_class (value, "dim-label");
    }

  ed_label_set_selectable (GTK_LABEL (value));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);

  return row;
}
