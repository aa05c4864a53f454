/* ed-mrz-result.c — what an MRZ read gives: JSON, problems, a traveller
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ed-mrz.h"
#include "ed-problem.h"

static const EdMrzCheck all_checks[ED_MRZ_N_CHECKS] = {
  ED_MRZ_CHECK_DOCUMENT_NUMBER,
  ED_MRZ_CHECK_BIRTH_DATE,
  ED_MRZ_CHECK_EXPIRY_DATE,
  ED_MRZ_CHECK_OPTIONAL_DATA,
  ED_MRZ_CHECK_COMPOSITE,
};

gboolean
ed_mrz_is_valid (const EdMrz *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->failed == 0;
}

/**
 * ed_mrz_is_visa:
 *
 * Returns: whether the MRZ is a visa's (MRV-A, MRV-B): its number and
 *   expiry are the visa's, not the passport's
 */
gboolean
ed_mrz_is_visa (const EdMrz *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->format == ED_MRZ_MRVA || self->format == ED_MRZ_MRVB;
}

/**
 * ed_mrz_format_name:
 *
 * Returns: "TD1", "TD2", "TD3", "MRVA" or "MRVB", as DESIGN.md's
 *   `mrz --json` writes it
 */
const char *
ed_mrz_format_name (EdMrzFormat format)
{
  switch (format)
    {
    case ED_MRZ_TD1:
      return "TD1";
    case ED_MRZ_TD2:
      return "TD2";
    case ED_MRZ_TD3:
      return "TD3";
    case ED_MRZ_MRVA:
      return "MRVA";
    case ED_MRZ_MRVB:
      return "MRVB";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * ed_mrz_check_name:
 *
 * Returns: the name in `errors` of `mrz --json`: "document_number",
 *   "birth_date", "expiry_date", "optional_data" or "composite"
 */
const char *
ed_mrz_check_name (EdMrzCheck check)
{
  switch (check)
    {
    case ED_MRZ_CHECK_DOCUMENT_NUMBER:
      return "document_number";
    case ED_MRZ_CHECK_BIRTH_DATE:
      return "birth_date";
    case ED_MRZ_CHECK_EXPIRY_DATE:
      return "expiry_date";
    case ED_MRZ_CHECK_OPTIONAL_DATA:
      return "optional_data";
    case ED_MRZ_CHECK_COMPOSITE:
      return "composite";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * ed_mrz_check_label:
 *
 * Returns: what the check digit covers, for people, in the UI language
 */
const char *
ed_mrz_check_label (EdMrzCheck check)
{
  switch (check)
    {
    case ED_MRZ_CHECK_DOCUMENT_NUMBER:
      return _("Document number");
    case ED_MRZ_CHECK_BIRTH_DATE:
      return _("Birth date");
    case ED_MRZ_CHECK_EXPIRY_DATE:
      return _("Expiry date");
    case ED_MRZ_CHECK_OPTIONAL_DATA:
      return _("Optional data");
    case ED_MRZ_CHECK_COMPOSITE:
      return _("Composite");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * ed_mrz_check_traveller_key:
 *
 * Where the editor shows a failed check digit.
 *
 * Returns: (nullable): the traveller key the check digit belongs to
 *   ("passport_number", "birth_date", "passport_expiry"), or %NULL when
 *   it belongs to the MRZ as a whole (the optional data and the
 *   composite, and a visa's own number and expiry)
 */
const char *
ed_mrz_check_traveller_key (const EdMrz *self,
                            EdMrzCheck   check)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (check)
    {
    case ED_MRZ_CHECK_DOCUMENT_NUMBER:
      return ed_mrz_is_visa (self) ? NULL : "passport_number";
    case ED_MRZ_CHECK_BIRTH_DATE:
      return "birth_date";
    case ED_MRZ_CHECK_EXPIRY_DATE:
      return ed_mrz_is_visa (self) ? NULL : "passport_expiry";
    case ED_MRZ_CHECK_OPTIONAL_DATA:
    case ED_MRZ_CHECK_COMPOSITE:
    default:
      return NULL;
    }
}

static char *
describe_failure (const EdMrzCheckDigit *digit)
{
  switch (digit->check)
    {
    case ED_MRZ_CHECK_DOCUMENT_NUMBER:
      return g_strdup_printf (_("The document number does not match its check digit: line %u, "
                                "column %u has “%c”, the number gives %c. "
                                "Compare the number with the document."),
                              digit->line, digit->column, digit->found, digit->expected);
    case ED_MRZ_CHECK_BIRTH_DATE:
      return g_strdup_printf (_("The birth date does not match its check digit: line %u, "
                                "column %u has “%c”, the date gives %c. "
                                "Compare the date with the document."),
                              digit->line, digit->column, digit->found, digit->expected);
    case ED_MRZ_CHECK_EXPIRY_DATE:
      return g_strdup_printf (_("The expiry date does not match its check digit: line %u, "
                                "column %u has “%c”, the date gives %c. "
                                "Compare the date with the document."),
                              digit->line, digit->column, digit->found, digit->expected);
    case ED_MRZ_CHECK_OPTIONAL_DATA:
      return g_strdup_printf (_("The optional data does not match its check digit: line %u, "
                                "column %u has “%c”, the data gives %c. "
                                "Compare it with the document."),
                              digit->line, digit->column, digit->found, digit->expected);
    case ED_MRZ_CHECK_COMPOSITE:
    default:
      return g_strdup_printf (_("The composite check digit does not match: line %u, "
                                "column %u has “%c”, the MRZ gives %c. "
                                "A character it covers is misread: "
                                "compare the MRZ with the document."),
                              digit->line, digit->column, digit->found, digit->expected);
    }
}

/**
 * ed_mrz_dup_problems:
 *
 * Every failed check digit as a problem on the traveller key it belongs
 * to (ed_mrz_check_traveller_key()) or on "mrz", and a warning for a
 * date the MRZ leaves unknown.
 *
 * Returns: (transfer full) (element-type EdProblem): the problems
 */
GPtrArray *
ed_mrz_dup_problems (const EdMrz *self)
{
  GPtrArray *problems = ed_problem_list_new ();

  g_return_val_if_fail (self != NULL, problems);

  for (guint i = 0; i < self->n_checks; i++)
    {
      const EdMrzCheckDigit *digit = &self->checks[i];
      const char *key = ed_mrz_check_traveller_key (self, digit->check);
      g_autofree char *code = NULL;
      g_autofree char *message = NULL;

      if (!(self->failed & digit->check))
        continue;

      code = g_strconcat ("mrz-check-", ed_mrz_check_name (digit->check), NULL);
      message = describe_failure (digit);
      ed_problem_list_add (problems, key != NULL ? key : "mrz", code, ED_SEVERITY_ERROR,
                           "%s", message);
    }

  if (self->birth_date == NULL)
    ed_problem_list_add (problems, "birth_date", "mrz-birth-date-unknown", ED_SEVERITY_WARNING,
                         "%s", _("The MRZ gives no complete birth date: "
                                 "enter it as the passport prints it."));
  if (self->expiry_date == NULL)
    ed_problem_list_add (problems, ed_mrz_is_visa (self) ? "mrz" : "passport_expiry",
                         "mrz-expiry-date-unknown", ED_SEVERITY_WARNING,
                         "%s",
                         _("The MRZ gives no valid expiry date: compare it with the document."));

  return problems;
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/**
 * ed_mrz_to_json:
 *
 * Returns: (transfer full): the object `entry-desk-cli mrz --json`
 *   prints (DESIGN.md). Dates the MRZ leaves unknown, and
 *   `optional_data_2` outside TD1, are null.
 */
JsonNode *
ed_mrz_to_json (const EdMrz *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  add_string (builder, "format", ed_mrz_format_name (self->format));
  add_string (builder, "document_code", self->document_code);
  add_string (builder, "issuing_state", self->issuing_state);
  add_string (builder, "surname", self->surname);
  add_string (builder, "given_names", self->given_names);
  add_string (builder, "document_number", self->document_number);
  add_string (builder, "nationality", self->nationality);
  add_string (builder, "birth_date", self->birth_date);
  add_string (builder, "expiry_date", self->expiry_date);
  add_string (builder, "sex", self->sex);
  add_string (builder, "optional_data", self->optional_data);
  add_string (builder, "optional_data_2", self->optional_data_2);
  json_builder_set_member_name (builder, "valid");
  json_builder_add_boolean_value (builder, ed_mrz_is_valid (self));
  json_builder_set_member_name (builder, "errors");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (all_checks); i++)
    if (self->failed & all_checks[i])
      json_builder_add_string_value (builder, ed_mrz_check_name (all_checks[i]));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * ed_mrz_apply_to_traveller:
 *
 * Fills surname, given names, nationality, birth date and sex, and for
 * a passport or an ID card (not a visa, whose number and expiry are the
 * visa's own) the passport number and expiry. Values are filled even
 * when a check digit fails: the editor shows the failure on the field
 * (ed_mrz_dup_problems()). A date the MRZ leaves unknown is not
 * touched. The sex `<` (unspecified) is X, as the visual zone prints it.
 */
void
ed_mrz_apply_to_traveller (const EdMrz *self,
                           EdTraveller *traveller)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (ED_IS_TRAVELLER (traveller));

  ed_traveller_set (traveller, "surname", self->surname);
  ed_traveller_set (traveller, "given_names", self->given_names);
  ed_traveller_set (traveller, "nationality", self->nationality);
  if (self->birth_date != NULL)
    ed_traveller_set (traveller, "birth_date", self->birth_date);
  ed_traveller_set (traveller, "sex", g_strcmp0 (self->sex, "<") == 0 ? "X" : self->sex);

  if (ed_mrz_is_visa (self))
    return;

  ed_traveller_set (traveller, "passport_number", self->document_number);
  if (self->expiry_date != NULL)
    ed_traveller_set (traveller, "passport_expiry", self->expiry_date);
}
