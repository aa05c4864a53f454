/* test-case-flow.c — the steps a case goes through, and why not the others
 *
 * On cn-accommodation-registration: "hotel-registers" is for guests of a
 * hotel, every other step for those who are not; each city has its own
 * optional step; "prepare-documents" has one required checklist item
 * (the passport) and three others.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ed-core.h"
#include "ed-test-procedure.h"

static const EdStep *
find_step (EdProcedure *procedure,
           const char  *id)
{
  const EdStep *step = ed_procedure_find_step (procedure, id);

  g_assert_nonnull (step);
  return step;
}

static EdCase *
new_case (EdProcedure  *procedure,
          EdTraveller **traveller)
{
  EdCase *kase = ed_case_new (ed_procedure_get_id (procedure),
                              ed_procedure_get_version (procedure));
  g_autoptr(EdTraveller) first = ed_traveller_new ();

  ed_case_add_traveller (kase, first);
  *traveller = first;
  return kase;
}

static char *
flow_ids (GPtrArray *flow)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < flow->len; i++)
    {
      if (i > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, ((const EdStep *) g_ptr_array_index (flow, i))->id);
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* Unanswered, every step may apply; answered, only those that do. */
static void
test_flow_answers (void)
{
  g_autoptr(EdProcedure) procedure = ed_test_load_procedure ("cn-accommodation-registration");
  EdTraveller *traveller;
  g_autoptr(EdCase) kase = new_case (procedure, &traveller);
  g_autoptr(GPtrArray) unanswered = ed_case_dup_flow (kase, procedure);
  g_autoptr(GPtrArray) hotel = NULL;
  g_autoptr(GPtrArray) shanghai = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *reason = NULL;

  g_assert_cmpuint (unanswered->len, ==, ed_procedure_get_steps (procedure)->len);
  g_assert_false (ed_case_questions_answered (kase, procedure));

  ed_traveller_set_answer (traveller, "stay-at-hotel", "yes");
  hotel = ed_case_dup_flow (kase, procedure);
  ids = flow_ids (hotel);
  g_assert_cmpstr (ids, ==, "hotel-registers");
  reason = ed_case_describe_step (kase, procedure, find_step (procedure, "register"),
                                  ED_LANGUAGE_EN);
  g_assert_nonnull (reason);
  g_assert_true (g_str_has_prefix (reason, "Not needed: "));
  g_assert_nonnull (strstr (reason, "staying at a hotel"));
  g_clear_pointer (&reason, g_free);
  g_assert_null (ed_case_describe_step (kase, procedure, find_step (procedure, "hotel-registers"),
                                        ED_LANGUAGE_EN));

  ed_traveller_set_answer (traveller, "stay-at-hotel", "no");
  ed_traveller_set_answer (traveller, "city", "shanghai");
  g_assert_true (ed_case_questions_answered (kase, procedure));
  shanghai = ed_case_dup_flow (kase, procedure);
  g_clear_pointer (&ids, g_free);
  ids = flow_ids (shanghai);
  g_assert_cmpstr (ids, ==,
                   "prepare-documents register register-shanghai keep-receipt register-again");
  g_assert_cmpint (ed_case_flow_position (shanghai, "register-shanghai"), ==, 3);
  g_assert_cmpint (ed_case_flow_position (shanghai, "register-jinan"), ==, 0);
  g_assert_cmpint (ed_case_flow_position (shanghai, "travellers"), ==, 0);
}

/* A family: a step is in the flow while it applies to one of them, and
 * says for whom it is not needed. */
static void
test_flow_family (void)
{
  g_autoptr(EdProcedure) procedure = ed_test_load_procedure ("cn-accommodation-registration");
  EdTraveller *first;
  g_autoptr(EdCase) kase = new_case (procedure, &first);
  g_autoptr(EdTraveller) second = ed_traveller_new ();
  const EdStep *hotel = find_step (procedure, "hotel-registers");
  g_autofree char *reason = NULL;

  ed_traveller_set (first, "surname", "WANG");
  ed_traveller_set (first, "given_names", "FANG");
  ed_traveller_set (second, "surname", "WANG");
  ed_traveller_set (second, "given_names", "LEI");
  ed_case_add_traveller (kase, second);
  ed_traveller_set_answer (first, "stay-at-hotel", "yes");
  ed_traveller_set_answer (second, "stay-at-hotel", "no");

  g_assert_cmpint (ed_case_check_step (kase, procedure, hotel), ==, ED_APPLIES_YES);
  reason = ed_case_describe_step (kase, procedure, hotel, ED_LANGUAGE_EN);
  g_assert_nonnull (reason);
  g_assert_true (g_str_has_prefix (reason, "WANG LEI: Not needed"));

  ed_traveller_set_answer (first, "stay-at-hotel", "no");
  g_assert_cmpint (ed_case_check_step (kase, procedure, hotel), ==, ED_APPLIES_NO);
  g_clear_pointer (&reason, g_free);
  reason = ed_case_describe_step (kase, procedure, hotel, ED_LANGUAGE_EN);
  g_assert_true (g_str_has_prefix (reason, "Not needed: "));
}

/* Only required items hold a step up; steps not needed miss nothing. */
static void
test_missing_required (void)
{
  g_autoptr(EdProcedure) procedure = ed_test_load_procedure ("cn-accommodation-registration");
  EdTraveller *traveller;
  g_autoptr(EdCase) kase = new_case (procedure, &traveller);
  const EdStep *prepare = find_step (procedure, "prepare-documents");
  g_autoptr(GPtrArray) missing = NULL;

  ed_traveller_set_answer (traveller, "stay-at-hotel", "no");
  missing = ed_case_missing (kase, procedure, prepare, ED_MISSING_DEFAULT);
  g_assert_cmpuint (missing->len, ==, 4);
  g_assert_cmpuint (ed_missing_count_required (missing), ==, 1);
  g_assert_cmpstr (((const EdMissing *) g_ptr_array_index (missing, 0))->item->id, ==,
                   "passport");

  ed_case_set_item_done (kase, traveller, prepare->id, "passport", TRUE);
  g_clear_pointer (&missing, g_ptr_array_unref);
  missing = ed_case_missing (kase, procedure, prepare, ED_MISSING_DEFAULT);
  g_assert_cmpuint (missing->len, ==, 3);
  g_assert_cmpuint (ed_missing_count_required (missing), ==, 0);

  /* At a hotel, nothing of these steps is missing: neither the items
   * nor the address that only they ask for. */
  ed_traveller_set_answer (traveller, "stay-at-hotel", "yes");
  g_clear_pointer (&missing, g_ptr_array_unref);
  missing = ed_case_missing (kase, procedure, prepare, ED_MISSING_DEFAULT);
  g_assert_cmpuint (missing->len, ==, 0);
  g_clear_pointer (&missing, g_ptr_array_unref);
  missing = ed_case_missing (kase, procedure, NULL, ED_MISSING_DEFAULT);
  for (guint i = 0; i < missing->len; i++)
    {
      const EdMissing *entry = g_ptr_array_index (missing, i);

      g_assert_cmpint (entry->kind, ==, ED_MISSING_VALUE);
      g_assert_true (entry->field == NULL || entry->step == NULL);
    }
}

/* How far a case is, counted in the steps that apply: the page it is on
 * among them; before them 0, past them (the review) one more. */
static void
test_flow_progress (void)
{
  g_autoptr(EdProcedure) procedure = ed_test_load_procedure ("cn-accommodation-registration");
  g_autoptr(EdCase) kase = NULL;
  EdTraveller *traveller;
  EdCaseProgress progress;

  kase = new_case (procedure, &traveller);
  /* Unanswered: all eleven may apply. */
  ed_case_get_progress (kase, procedure, &progress);
  g_assert_cmpuint (progress.n_steps, ==, 11);
  g_assert_cmpuint (progress.step, ==, 0);

  ed_traveller_set_answer (traveller, "stay-at-hotel", "no");
  ed_traveller_set_answer (traveller, "city", "shanghai");
  ed_case_set_current_step (kase, "register");
  ed_case_get_progress (kase, procedure, &progress);
  g_assert_cmpuint (progress.n_steps, ==, 5);
  g_assert_cmpuint (progress.step, ==, 2);

  ed_case_set_current_step (kase, "register-again");
  ed_case_get_progress (kase, procedure, &progress);
  g_assert_cmpuint (progress.step, ==, 5);
  ed_case_set_current_step (kase, ED_CASE_REVIEW_STEP);
  ed_case_get_progress (kase, procedure, &progress);
  g_assert_cmpuint (progress.step, ==, 6);
  ed_case_set_current_step (kase, "questions");
  ed_case_get_progress (kase, procedure, &progress);
  g_assert_cmpuint (progress.step, ==, 0);

  /* Left on a step the answers have left out since: before the steps,
   * where the wizard opens such a case. */
  ed_case_set_current_step (kase, "register");
  ed_traveller_set_answer (traveller, "stay-at-hotel", "yes");
  ed_case_get_progress (kase, procedure, &progress);
  g_assert_cmpuint (progress.n_steps, ==, 1);
  g_assert_cmpuint (progress.step, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/case-flow/answers", test_flow_answers);
  g_test_add_func ("/case-flow/family", test_flow_family);
  g_test_add_func ("/case-flow/missing-required", test_missing_required);
  g_test_add_func ("/case-flow/progress", test_flow_progress);

  return g_test_run ();
}
