/* ed-due-view.c
 *
 * "Register by — by 2027-01-02 00:10 (UTC+08:00) — 24 hours after
 * arrival": a rule's label, the deadline or window the core computes
 * from the traveller's own dates (ed_period_compute()), the rule in
 * words and any warning. Every line is an EdTextBlock, so that the
 * traveller's language stands beside the staff's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ed-due-view.h"
#include "ed-text-block.h"

typedef char *(*DescribeFunc) (const EdDue    *due,
                               const EdPeriod *period,
                               EdProcedure    *procedure,
                               const char     *name,
                               EdLanguage      language);

static char *
describe_when (const EdDue    *due,
               const EdPeriod *period,
               EdProcedure    *procedure,
               const char     *name,
               EdLanguage      language)
{
  g_autofree char *when = ed_due_describe_when (due, procedure, language);

  if (name == NULL || when == NULL)
    return g_steal_pointer (&when);

  /* A family: whose date it is. */
  return g_strdup_printf (ed_translate (language, "case", "%s: %s"), name, when);
}

static char *
describe_rule (const EdDue    *due,
               const EdPeriod *period,
               EdProcedure    *procedure,
               const char     *name,
               EdLanguage      language)
{
  if (period->note != NULL)
    return g_strdup (ed_text_lookup (period->note, language));

  return ed_period_describe_rule (period, procedure, language);
}

static char *
describe_warnings (const EdDue    *due,
                   const EdPeriod *period,
                   EdProcedure    *procedure,
                   const char     *name,
                   EdLanguage      language)
{
  return ed_due_describe_warnings (due, language);
}

/* One text in every language, or %NULL when there is none. */
static EdText *
text_for (DescribeFunc    describe,
          const EdDue    *due,
          const EdPeriod *period,
          EdProcedure    *procedure,
          const char     *name)
{
  EdText *text = ed_text_new ();
  gboolean any = FALSE;

  for (EdLanguage language = 0; language < ED_N_LANGUAGES; language++)
    {
      g_autofree char *line = describe (due, period, procedure, name, language);

      if (line != NULL && *line != '\0')
        {
          ed_text_set (text, language, line);
          any = TRUE;
        }
    }

  if (!any)
    g_clear_pointer (&text, ed_text_unref);
  return text;
}

static void
append_line (GtkWidget  *box,
             EdText     *text,
             int         second_language,
             const char *css_class)
{
  GtkWidget *block;

  if (text == NULL)
    return;

  block = ed_text_block_new (text, ed_language_for_ui (), second_language);
  ed_text_block_add_css_class (ED_TEXT_BLOCK (block), css_class);
  gtk_box_append (GTK_BOX (box), block);
  ed_text_unref (text);
}

/**
 * ed_due_view_new:
 * @traveller: whose dates the rule counts from
 * @name: (nullable): the traveller's name, said before the date in a
 *   family
 *
 * Returns: the rule's label, when it is due for @traveller, the rule in
 *   words and its warnings
 */
GtkWidget *
ed_due_view_new (EdProcedure    *procedure,
                 const EdPeriod *period,
                 EdTraveller    *traveller,
                 const char     *name,
                 int             second_language)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autoptr(EdDue) due = NULL;
  EdFacts facts;

  g_return_val_if_fail (ED_IS_PROCEDURE (procedure), NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (ED_IS_TRAVELLER (traveller), NULL);

  ed_traveller_get_facts (traveller, &facts, NULL);
  due = ed_period_compute (period, procedure, &facts);

  gtk_widget_add_css_class (box, "due");
  gtk_widget_add_css_class (box, due->state == ED_DUE_COMPUTED ? "due-computed" : "due-waiting");
  append_line (box, ed_text_ref (period->label), second_language, "heading");
  append_line (box, text_for (describe_when, due, period, procedure, name), second_language,
               "due-when");
  append_line (box, text_for (describe_rule, due, period, procedure, NULL), second_language,
               "dim-label");
  append_line (box, text_for (describe_warnings, due, period, procedure, NULL), second_language,
               "warning");

  return box;
}

static gboolean
step_asks_for (EdProcedure  *procedure,
               const EdStep *step,
               const char   *event)
{
  for (guint i = 0; event != NULL && i < step->field_ids->len; i++)
    {
      const EdField *field = ed_procedure_find_field (procedure,
                                                      g_ptr_array_index (step->field_ids, i));

      if (field != NULL &&
          (g_strcmp0 (field->id, event) == 0 || g_strcmp0 (field->traveller_key, event) == 0))
        return TRUE;
    }

  return FALSE;
}

/**
 * ed_step_dup_periods:
 *
 * Returns: (transfer container) (element-type EdPeriod): the date rules
 *   shown on @step: those whose `step` it is, and a rule without one
 *   whose date the step asks for
 */
GPtrArray *
ed_step_dup_periods (EdProcedure  *procedure,
                     const EdStep *step)
{
  GPtrArray *periods = ed_procedure_get_periods (procedure);
  GPtrArray *mine = g_ptr_array_new ();

  for (guint i = 0; periods != NULL && i < periods->len; i++)
    {
      const EdPeriod *period = g_ptr_array_index (periods, i);

      if (period->step != NULL ? g_strcmp0 (period->step, step->id) == 0
                               : step_asks_for (procedure, step, period->event))
        g_ptr_array_add (mine, (gpointer) period);
    }

  return mine;
}
