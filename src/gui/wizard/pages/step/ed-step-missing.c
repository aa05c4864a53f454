/* ed-step-missing.c — what a step still lacks, for every traveller
 *
 * The rule is the core's (ed_case_missing()); this says it in the UI
 * language, so that the wizard knows whether a step is complete without
 * building its page, and the summary can list what is missing step by
 * step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-step-page.h"

static char *
dup_traveller_name (EdCase      *edcase,
                    EdTraveller *traveller)
{
  g_autofree char *name = ed_traveller_dup_display_name (traveller);

  if (*name != '\0')
    return g_steal_pointer (&name);

  /* Translators: a traveller without a name yet, by their place in the case */
  return g_strdup_printf (_("Traveller %d"), ed_case_find_traveller (edcase, traveller) + 1);
}

static void
add_missing (GPtrArray   *missing,
             EdCase      *edcase,
             EdTraveller *traveller,
             const char  *what)
{
  g_autofree char *name = NULL;

  if (ed_case_get_n_travellers (edcase) < 2)
    {
      g_ptr_array_add (missing, g_strdup (what));
      return;
    }

  name = dup_traveller_name (edcase, traveller);
  /* Translators: a traveller's name, then what is missing for them */
  g_ptr_array_add (missing, g_strdup_printf (_("%s: %s"), name, what));
}

/**
 * ed_step_dup_missing:
 *
 * Returns: (transfer full) (element-type utf8): one line in the UI
 *   language for each thing ed_case_missing() finds missing in @step,
 *   for each traveller; empty when the step is complete
 */
GPtrArray *
ed_step_dup_missing (EdCase       *edcase,
                     EdProcedure  *procedure,
                     const EdStep *step)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) missing = ed_case_missing (edcase, procedure, step, ED_MISSING_DEFAULT);
  EdLanguage ui = ed_language_for_ui ();

  for (guint i = 0; i < missing->len; i++)
    {
      const EdMissing *entry = g_ptr_array_index (missing, i);

      add_missing (lines, edcase, entry->traveller, ed_missing_get_label (entry, ui));
    }

  return lines;
}
