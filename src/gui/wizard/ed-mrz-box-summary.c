/* ed-mrz-box-summary.c — what the MRZ box says it read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-mrz-box-private.h"

static const char *
describe_document (const EdMrz *mrz)
{
  switch (mrz->format)
    {
    case ED_MRZ_TD1:
      return _("TD1 ID card");
    case ED_MRZ_TD2:
      return _("TD2 ID card");
    case ED_MRZ_MRVA:
      return _("MRV-A visa");
    case ED_MRZ_MRVB:
      return _("MRV-B visa");
    case ED_MRZ_TD3:
    default:
      return _("TD3 passport");
    }
}

/* The details ed_mrz_apply_to_traveller() fills from @mrz. */
static guint
count_filled (const EdMrz *mrz)
{
  const char *values[] = {
    mrz->surname, mrz->given_names, mrz->nationality, mrz->birth_date, mrz->sex,
    ed_mrz_is_visa (mrz) ? NULL : mrz->document_number,
    ed_mrz_is_visa (mrz) ? NULL : mrz->expiry_date,
  };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    n += values[i] != NULL && *values[i] != '\0';

  return n;
}

/**
 * _ed_mrz_box_summarize:
 * @problems: (element-type EdProblem): ed_mrz_dup_problems() of @mrz
 *
 * Returns: (transfer full): the line under the box: what was read and
 *   filled in, which check digits failed, and the MRZ's own problems
 *   (those of the other details are shown on their rows)
 */
char *
_ed_mrz_box_summarize (const EdMrz *mrz,
                       GPtrArray   *problems)
{
  GString *text = g_string_new (NULL);
  guint filled = count_filled (mrz);
  g_autoptr(GString) failed = g_string_new (NULL);
  guint n_failed = 0;

  g_string_append_printf (text,
                          /* Translators: %s is a document such as "TD3 passport" */
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%s read: %u detail filled in.",
                                       "%s read: %u details filled in.", filled),
                          describe_document (mrz), filled);

  for (guint i = 0; i < mrz->n_checks; i++)
    {
      if (!(mrz->failed & mrz->checks[i].check))
        continue;
      if (n_failed++ > 0)
        g_string_append (failed, _(", "));
      g_string_append (failed, ed_mrz_check_label (mrz->checks[i].check));
    }
  if (n_failed > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              /* Translators: %s names the check digits, such as "Birth date" */
                              g_dngettext (GETTEXT_PACKAGE,
                                           "The check digit of %s does not match: "
                                           "compare with the document.",
                                           "The check digits of %s do not match: "
                                           "compare with the document.",
                                           n_failed),
                              failed->str);
    }

  if (ed_mrz_is_visa (mrz))
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _("A visa’s number and expiry are the visa’s own: "
                               "enter the passport number and expiry from the passport."));
    }

  /* The MRZ's own problems; the others are shown on their rows. */
  for (guint i = 0; i < problems->len; i++)
    {
      const EdProblem *problem = g_ptr_array_index (problems, i);

      if (g_str_equal (problem->field, "mrz"))
        g_string_append_printf (text, "\n%s", problem->message);
    }

  return g_string_free (text, FALSE);
}
