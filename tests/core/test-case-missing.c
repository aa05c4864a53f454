/* test-case-missing.c — what a step, a traveller or a case still lacks
 *
 * On the test procedure (tests/data/catalog/xx-valid.json): step
 * "register" asks for "passport" (passport_number, required) and
 * "arrival" (arrival_date); step "report" asks for "sick" and has the
 * checklist item "reported"; the field "code" (a pattern) no step asks
 * for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "ed-core.h"
#include "ed-test-procedure.h"
#include "ed-test-util.h"

static EdProcedure *
load_test_procedure (void)
{
  g_autofree char *path = ed_test_data_path ("catalog", "xx-valid.json", NULL);
  g_autoptr(GError) error = NULL;
  EdProcedure *procedure = ed_procedure_new_from_file (path, ED_ORIGIN_OTHER, &error);

  g_assert_no_error (error);
  return procedure;
}

static const EdStep *
find_step (EdProcedure *procedure,
           const char  *id)
{
  GPtrArray *steps = ed_procedure_get_steps (procedure);

  for (guint i = 0; i < steps->len; i++)
    if (g_str_equal (((const EdStep *) g_ptr_array_index (steps, i))->id, id))
      return g_ptr_array_index (steps, i);

  g_assert_not_reached ();
}

static const EdMissing *
entry (GPtrArray *missing,
       guint      index)
{
  g_assert_cmpuint (index, <, missing->len);
  return g_ptr_array_index (missing, index);
}

static const EdProblem *
first_problem (const EdMissing *missing)
{
  g_assert_cmpint (missing->kind, ==, ED_MISSING_VALUE);
  g_assert_cmpuint (missing->problems->len, >, 0);
  return g_ptr_array_index (missing->problems, 0);
}

/* A step: its fields one by one, required and empty or refused, then
 * its checklist, for each traveller in the case's order. */
static void
test_missing_step (void)
{
  g_autoptr(EdProcedure) procedure = load_test_procedure ();
  const EdStep *registration = find_step (procedure, "register");
  const EdStep *report = find_step (procedure, "report");
  g_autoptr(EdCase) kase = ed_case_new ("xx-valid", 1);
  g_autoptr(EdTraveller) first = ed_traveller_new ();
  g_autoptr(EdTraveller) second = ed_traveller_new ();
  g_autoptr(GPtrArray) missing = NULL;
  const EdMissing *found;

  ed_case_add_traveller (kase, first);
  ed_case_add_traveller (kase, second);
  ed_traveller_set (second, "passport_number", "E1234567890123");
  ed_traveller_set (second, "arrival_date", "2022-02-30");

  missing = ed_case_missing (kase, procedure, registration, ED_MISSING_DEFAULT);
  g_assert_cmpuint (missing->len, ==, 3);

  /* Empty and required; an empty arrival date is not required. */
  found = entry (missing, 0);
  g_assert_true (found->traveller == first);
  g_assert_true (found->step == registration);
  g_assert_cmpstr (found->field->id, ==, "passport");
  g_assert_cmpstr (found->name, ==, "passport_number");
  g_assert_cmpstr (first_problem (found)->code, ==, "required");
  g_assert_cmpstr (ed_missing_get_label (found, ED_LANGUAGE_EN), ==, "Passport number");

  /* Filled in, and refused. */
  found = entry (missing, 1);
  g_assert_true (found->traveller == second);
  g_assert_cmpstr (found->field->id, ==, "passport");
  g_assert_cmpint (first_problem (found)->severity, ==, ED_SEVERITY_ERROR);
  g_assert_cmpstr (first_problem (found)->code, !=, "required");
  found = entry (missing, 2);
  g_assert_true (found->traveller == second);
  g_assert_cmpstr (found->field->id, ==, "arrival");
  g_assert_cmpstr (found->name, ==, "arrival_date");
  g_clear_pointer (&missing, g_ptr_array_unref);

  /* Fixed: the step is complete. */
  ed_traveller_set (first, "passport_number", "E12345678");
  ed_traveller_set (second, "passport_number", "E23456789");
  ed_traveller_set (second, "arrival_date", "2022-02-28");
  missing = ed_case_missing (kase, procedure, registration, ED_MISSING_DEFAULT);
  g_assert_cmpuint (missing->len, ==, 0);
  g_clear_pointer (&missing, g_ptr_array_unref);

  /* The checklist: each traveller ticks for themselves. */
  missing = ed_case_missing (kase, procedure, report, ED_MISSING_DEFAULT);
  g_assert_cmpuint (missing->len, ==, 2);
  found = entry (missing, 0);
  g_assert_cmpint (found->kind, ==, ED_MISSING_TICK);
  g_assert_true (found->traveller == first);
  g_assert_true (found->step == report);
  g_assert_cmpstr (found->item->id, ==, "reported");
  g_assert_cmpstr (ed_missing_get_label (found, ED_LANGUAGE_EN), ==, "Reported");
  g_assert_null (found->problems);
  g_clear_pointer (&missing, g_ptr_array_unref);

  ed_case_set_item_done (kase, first, "report", "reported", TRUE);
  missing = ed_case_missing (kase, procedure, report, ED_MISSING_DEFAULT);
  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_true (entry (missing, 0)->traveller == second);
  g_clear_pointer (&missing, g_ptr_array_unref);

  /* Without the case, a traveller has no checklist. */
  missing = ed_traveller_missing (second, NULL, procedure, report, ED_MISSING_DEFAULT);
  g_assert_cmpuint (missing->len, ==, 0);
}

/* The whole traveller: every key and every field, the step that asks
 * for each, and every step's checklist. */
static void
test_missing_traveller (void)
{
  g_autoptr(EdProcedure) procedure = load_test_procedure ();
  g_autoptr(EdCase) kase = ed_case_new ("xx-valid", 1);
  g_autoptr(EdTraveller) traveller = ed_traveller_new ();
  g_autoptr(GPtrArray) missing = NULL;
  const EdMissing *found;

  ed_case_add_traveller (kase, traveller);
  ed_traveller_set (traveller, "passport_number", "E12345678");
  ed_traveller_set (traveller, "email", "not an address");
  ed_traveller_set_answer (traveller, "code", "abc");

  missing = ed_case_missing (kase, procedure, NULL, ED_MISSING_DEFAULT);
  g_assert_cmpuint (missing->len, ==, 3);

  /* A key the procedure does not ask for still has its rules. */
  found = entry (missing, 0);
  g_assert_cmpstr (found->name, ==, "email");
  g_assert_null (found->field);
  g_assert_null (found->step);
  g_assert_null (ed_missing_get_label (found, ED_LANGUAGE_EN));

  /* The procedure's own question, which no step asks. */
  found = entry (missing, 1);
  g_assert_cmpstr (found->name, ==, "code");
  g_assert_cmpstr (found->field->id, ==, "code");
  g_assert_null (found->step);
  g_assert_cmpstr (first_problem (found)->message, ==, "Two letters, then digits");

  found = entry (missing, 2);
  g_assert_cmpint (found->kind, ==, ED_MISSING_TICK);
  g_assert_cmpstr (found->step->id, ==, "report");
  g_clear_pointer (&missing, g_ptr_array_unref);

  /* The keys alone leave the answers out. */
  missing = ed_traveller_missing (traveller, NULL, procedure, NULL, ED_MISSING_KEYS_ONLY);
  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_cmpstr (entry (missing, 0)->name, ==, "email");
  g_clear_pointer (&missing, g_ptr_array_unref);

  /* A field the traveller key fills is found with its step; keys come
   * in their own order. */
  ed_traveller_set (traveller, "passport_number", "");
  missing = ed_traveller_missing (traveller, NULL, procedure, NULL, ED_MISSING_KEYS_ONLY);
  g_assert_cmpuint (missing->len, ==, 2);
  g_assert_cmpstr (entry (missing, 1)->name, ==, "email");
  found = entry (missing, 0);
  g_assert_cmpstr (found->name, ==, "passport_number");
  g_assert_cmpstr (found->field->id, ==, "passport");
  g_assert_cmpstr (found->step->id, ==, "register");
  g_clear_pointer (&missing, g_ptr_array_unref);

  /* Without a procedure, the keys' own rules. */
  missing = ed_traveller_missing (traveller, NULL, NULL, NULL, ED_MISSING_DEFAULT);
  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_cmpstr (entry (missing, 0)->name, ==, "email");
}

/* Warnings never make anything missing; asked for, they are listed. */
static void
test_missing_warnings (void)
{
  g_autoptr(EdProcedure) procedure = load_test_procedure ();
  g_autoptr(EdTraveller) traveller = ed_traveller_new ();
  g_autoptr(GPtrArray) missing = NULL;
  const EdMissing *found;

  ed_traveller_set (traveller, "passport_number", "E12345678");
  ed_traveller_set (traveller, "passport_expiry", "2000-01-01");

  missing = ed_traveller_missing (traveller, NULL, procedure, NULL, ED_MISSING_DEFAULT);
  g_assert_cmpuint (missing->len, ==, 0);
  g_clear_pointer (&missing, g_ptr_array_unref);

  missing = ed_traveller_missing (traveller, NULL, procedure, NULL, ED_MISSING_WARNINGS);
  g_assert_cmpuint (missing->len, ==, 1);
  found = entry (missing, 0);
  g_assert_cmpstr (found->name, ==, "passport_expiry");
  g_assert_cmpint (first_problem (found)->severity, ==, ED_SEVERITY_WARNING);
  g_assert_cmpstr (first_problem (found)->code, ==, "passport-expired");
}

/* What stops a sheet: a value filled in and refused, after tidying; not
 * an empty one, nor the checklist. */
static void
test_missing_for_print (void)
{
  g_autoptr(EdProcedure) procedure = load_test_procedure ();
  g_autoptr(EdCase) kase = ed_case_new ("xx-valid", 1);
  g_autoptr(EdTraveller) traveller = ed_traveller_new ();
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  ed_case_add_traveller (kase, traveller);
  missing = ed_case_missing (kase, procedure, NULL, ED_MISSING_FOR_PRINT);
  g_assert_cmpuint (missing->len, ==, 0);
  g_clear_pointer (&missing, g_ptr_array_unref);

  /* Typed in full width: tidied in place, and accepted. */
  ed_traveller_set (traveller, "passport_number", "ｅ１２３４５６７８");
  missing = ed_traveller_missing (traveller, NULL, procedure, NULL, ED_MISSING_FOR_PRINT);
  g_assert_cmpuint (missing->len, ==, 0);
  g_assert_cmpstr (ed_traveller_get (traveller, "passport_number"), ==, "E12345678");
  g_clear_pointer (&missing, g_ptr_array_unref);

  /* The same errors as the traveller module's check for print. */
  ed_traveller_set (traveller, "passport_number", "E1234567890123");
  missing = ed_traveller_missing (traveller, NULL, procedure, NULL, ED_MISSING_FOR_PRINT);
  problems = ed_validate_traveller_for_print (traveller, procedure);
  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_cmpuint (entry (missing, 0)->problems->len, ==, problems->len);
  g_assert_cmpstr (first_problem (entry (missing, 0))->code, ==,
                   ((const EdProblem *) g_ptr_array_index (problems, 0))->code);
  g_assert_cmpstr (entry (missing, 0)->field->id, ==, "passport");
}

/* A password is never kept, so never missing. */
static void
test_missing_private (void)
{
  g_autoptr(EdProcedure) procedure = ed_test_load_procedure ("jp-my-her-sys");
  g_autoptr(EdCase) kase = ed_case_new ("jp-my-her-sys", 1);
  g_autoptr(EdTraveller) traveller = ed_traveller_new ();
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GPtrArray) email = NULL;

  ed_case_add_traveller (kase, traveller);
  missing = ed_case_missing (kase, procedure, find_step (procedure, "set-password"),
                             ED_MISSING_DEFAULT);
  g_assert_cmpuint (missing->len, ==, 0);

  email = ed_case_missing (kase, procedure, find_step (procedure, "enter-email"),
                           ED_MISSING_DEFAULT);
  g_assert_cmpuint (email->len, ==, 1);
  g_assert_cmpstr (first_problem (entry (email, 0))->code, ==, "required");
}

/* The checklist's size, as the case list shows it beside the ticks. */
static void
test_missing_count_checklist (void)
{
  g_autoptr(EdProcedure) procedure = load_test_procedure ();
  g_autoptr(EdProcedure) mysos = ed_test_load_procedure ("jp-entry-waiting-mysos");
  g_autoptr(EdCase) kase = ed_case_new ("jp-entry-waiting-mysos", 1);
  g_autoptr(GPtrArray) missing = NULL;
  guint ticks = 0;

  g_assert_cmpuint (ed_case_count_checklist (procedure, 0), ==, 1);
  g_assert_cmpuint (ed_case_count_checklist (procedure, 1), ==, 1);
  g_assert_cmpuint (ed_case_count_checklist (procedure, 3), ==, 3);

  /* Nothing ticked: every item of every traveller is missing. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(EdTraveller) traveller = ed_traveller_new ();

      ed_case_add_traveller (kase, traveller);
    }
  missing = ed_case_missing (kase, mysos, NULL, ED_MISSING_DEFAULT);
  for (guint i = 0; i < missing->len; i++)
    ticks += entry (missing, i)->kind == ED_MISSING_TICK;
  g_assert_cmpuint (ticks, >, 0);
  g_assert_cmpuint (ticks, ==, ed_case_count_checklist (mysos, 2));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/case-missing/step", test_missing_step);
  g_test_add_func ("/case-missing/traveller", test_missing_traveller);
  g_test_add_func ("/case-missing/warnings", test_missing_warnings);
  g_test_add_func ("/case-missing/for-print", test_missing_for_print);
  g_test_add_func ("/case-missing/private", test_missing_private);
  g_test_add_func ("/case-missing/count-checklist", test_missing_count_checklist);

  return g_test_run ();
}
