/* ed-residence-status.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ed-mo.h"
#include "ed-residence-status.h"

/* The statuses of the Immigration Control Act's appended tables, with
 * the English names the Immigration Services Agency uses; the Japanese
 * and Chinese names come from the catalogs (context "status of
 * residence"). */
static const struct
{
  const char *code;
  const char *label;
} statuses[] = {
  { "diplomat", NC_("status of residence", "Diplomat") },
  { "official", NC_("status of residence", "Official") },
  { "professor", NC_("status of residence", "Professor") },
  { "artist", NC_("status of residence", "Artist") },
  { "religious-activities", NC_("status of residence", "Religious Activities") },
  { "journalist", NC_("status of residence", "Journalist") },
  { "highly-skilled-professional-1",
    NC_("status of residence", "Highly Skilled Professional (i)") },
  { "highly-skilled-professional-2",
    NC_("status of residence", "Highly Skilled Professional (ii)") },
  { "business-manager", NC_("status of residence", "Business Manager") },
  { "legal-accounting", NC_("status of residence", "Legal/Accounting Services") },
  { "medical", NC_("status of residence", "Medical Services") },
  { "researcher", NC_("status of residence", "Researcher") },
  { "instructor", NC_("status of residence", "Instructor") },
  { "engineer-humanities-international",
    NC_("status of residence", "Engineer/Specialist in Humanities/International Services") },
  { "intra-company-transferee", NC_("status of residence", "Intra-company Transferee") },
  { "nursing-care", NC_("status of residence", "Nursing Care") },
  { "entertainer", NC_("status of residence", "Entertainer") },
  { "skilled-labor", NC_("status of residence", "Skilled Labor") },
  { "specified-skilled-worker-1", NC_("status of residence", "Specified Skilled Worker (i)") },
  { "specified-skilled-worker-2", NC_("status of residence", "Specified Skilled Worker (ii)") },
  { "technical-intern-training", NC_("status of residence", "Technical Intern Training") },
  { "cultural-activities", NC_("status of residence", "Cultural Activities") },
  { "temporary-visitor", NC_("status of residence", "Temporary Visitor") },
  { "student", NC_("status of residence", "Student") },
  { "trainee", NC_("status of residence", "Trainee") },
  { "dependent", NC_("status of residence", "Dependent") },
  { "designated-activities", NC_("status of residence", "Designated Activities") },
  { "permanent-resident", NC_("status of residence", "Permanent Resident") },
  { "spouse-of-japanese", NC_("status of residence", "Spouse or Child of Japanese National") },
  { "spouse-of-permanent-resident",
    NC_("status of residence", "Spouse or Child of Permanent Resident") },
  { "long-term-resident", NC_("status of residence", "Long Term Resident") },
  { "special-permanent-resident", NC_("status of residence", "Special Permanent Resident") },
};

static const char * const visa_types[] = {
  "Z", "X1", "X2", "M", "F", "L", "S1", "S2", "Q1", "Q2", "J1", "J2", "C", "G", "D", "R", "none",
  NULL
};

const char * const *
ed_residence_status_codes (void)
{
  static const char *codes[G_N_ELEMENTS (statuses) + 1];
  static gsize ready;

  if (g_once_init_enter (&ready))
    {
      for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
        codes[i] = statuses[i].code;
      g_once_init_leave (&ready, 1);
    }
  return codes;
}

gboolean
ed_residence_status_is_code (const char *code)
{
  return ed_residence_status_label (code, ED_LANGUAGE_EN) != NULL;
}

/**
 * ed_residence_status_label:
 *
 * Returns: (nullable): the status's official name in @language, %NULL
 *   for an unknown code
 */
const char *
ed_residence_status_label (const char *code,
                           EdLanguage  language)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (statuses); i++)
    if (g_str_equal (statuses[i].code, code))
      return ed_translate (language, "status of residence", statuses[i].label);
  return NULL;
}

const char * const *
ed_visa_type_codes (void)
{
  return visa_types;
}

gboolean
ed_visa_type_is_code (const char *code)
{
  return code != NULL && g_strv_contains (visa_types, code);
}
