/* test-condition.c — whom a procedure, a step or a rule applies to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ed-core.h"
#include "ed-test-util.h"

#define L(text) "{ \"en\": \"" text "\", \"ja\": \"" text "\", \"zh_CN\": \"" text "\" }"

static EdProcedure *
parse (const char  *steps,
       GError     **error)
{
  g_autofree char *json = g_strdup_printf (
    "{ \"schema\": 2, \"id\": \"xx-who\", \"version\": 1, \"updated\": \"2026-12-06\",\n"
    "  \"reviewed\": \"2026-12-06\",\n"
    "  \"region\": { \"country\": \"JP\", \"subdivision\": null, \"name\": " L ("Japan") " },\n"
    "  \"title\": " L ("Who") ", \"summary\": " L ("Who.") ", \"status\": \"current\",\n"
    "  \"sources\": [ { \"id\": \"law\", \"title\": " L ("The law") " } ],\n"
    "  \"fields\": [ { \"id\": \"employer-scheme\", \"kind\": \"yes-no\",\n"
    "                \"label\": " L ("In an employer scheme") " } ],\n"
    "  \"questions\": [\n"
    "    { \"id\": \"hotel\", \"kind\": \"yes-no\", \"text\": " L ("Staying at a hotel?") " },\n"
    "    { \"id\": \"purpose\", \"kind\": \"choice\", \"text\": " L ("Purpose?") ",\n"
    "      \"choices\": [ { \"value\": \"tourism\", \"label\": " L ("Tourism") " },\n"
    "                     { \"value\": \"work\", \"label\": " L ("Work") " } ] } ],\n"
    "  \"steps\": [ %s ] }", steps);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return ed_procedure_new_from_bytes (bytes, "xx-who.json", ED_ORIGIN_OTHER, error);
}

static EdProcedure *
procedure_with (const char *steps)
{
  g_autoptr(GError) error = NULL;
  EdProcedure *procedure = parse (steps, &error);

  g_assert_no_error (error);
  return procedure;
}

#define STEP(id, extra) \
  "{ \"id\": \"" id "\", \"title\": " L ("Step") ", \"body\": " L ("Do it.") "," \
  "  \"sources\": [ \"law\" ]" extra " }"

/* The step @id of @procedure for @traveller, judged on 2026-12-06. */
static EdApplicability *
check_step (EdProcedure *procedure,
            EdTraveller *traveller,
            const char  *id)
{
  GDate today;
  EdFacts facts;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 6, G_DATE_DECEMBER, 2026);
  ed_traveller_get_facts (traveller, &facts, &today);
  return ed_procedure_check_step (procedure, ed_procedure_find_step (procedure, id), &facts);
}

static EdTraveller *
traveller_with (const char *first_key,
                ...)
{
  EdTraveller *traveller = ed_traveller_new ();
  va_list args;

  va_start (args, first_key);
  for (const char *key = first_key; key != NULL; key = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);

      if (ed_traveller_is_key (key))
        ed_traveller_set (traveller, key, value);
      else
        ed_traveller_set_answer (traveller, key, value);
    }
  va_end (args);
  return traveller;
}

static void
assert_reason (EdApplicability *applicability,
               EdProcedure     *procedure,
               const char      *expected)
{
  g_autofree char *reason = ed_applicability_describe (applicability, procedure, ED_LANGUAGE_EN);

  g_assert_cmpstr (reason, ==, expected);
}

/* A question: applies, does not apply with the answer and the file's
 * explanation, or may apply while unanswered. */
static void
test_condition_question (void)
{
  g_autoptr(EdProcedure) procedure = procedure_with (
    STEP ("register", ", \"applies_if\": { \"question\": \"hotel\", \"is\": \"no\" },"
          " \"not_applicable\": " L ("The hotel registers its guests.")));
  g_autoptr(EdTraveller) flat = traveller_with ("hotel", "no", NULL);
  g_autoptr(EdTraveller) hotel = traveller_with ("hotel", "yes", NULL);
  g_autoptr(EdTraveller) unknown = traveller_with (NULL, NULL);
  g_autoptr(EdApplicability) a = check_step (procedure, flat, "register");
  g_autoptr(EdApplicability) b = check_step (procedure, hotel, "register");
  g_autoptr(EdApplicability) c = check_step (procedure, unknown, "register");

  g_assert_cmpint (a->applies, ==, ED_APPLIES_YES);
  assert_reason (a, procedure, NULL);
  g_assert_cmpint (b->applies, ==, ED_APPLIES_NO);
  assert_reason (b, procedure,
                 "Not needed: the answer to “Staying at a hotel?” — Yes. The hotel registers its "
                 "guests.");
  g_assert_cmpint (c->applies, ==, ED_APPLIES_UNKNOWN);
  g_assert_cmpstr (g_ptr_array_index (c->missing, 0), ==, "hotel");
  assert_reason (c, procedure, "May apply: needs the answer to “Staying at a hotel?”");
}

/* Facts: a nationality list, the age on the arrival date (a birthday on
 * 29 February), the length of the stay, both days counted. */
static void
test_condition_facts (void)
{
  g_autoptr(EdProcedure) procedure = procedure_with (
    STEP ("list", ", \"applies_if\": { \"fact\": \"nationality\", \"in\": [ \"GBR\", \"CAN\" ],"
          " \"because\": " L ("nationality not on the list") " }") ","
    STEP ("adult", ", \"applies_if\": { \"fact\": \"age\", \"at_least\": 20 }") ","
    STEP ("short", ", \"applies_if\": { \"fact\": \"stay_days\", \"at_most\": 30 }"));
  g_autoptr(EdTraveller) british = traveller_with ("nationality", "GBR",
                                                   "birth_date", "2007-02-28",
                                                   "arrival_date", "2027-02-28",
                                                   "stay_expiry", "2027-03-29", NULL);
  g_autoptr(EdTraveller) leapling = traveller_with ("nationality", "USA",
                                                    "birth_date", "2008-02-29",
                                                    "arrival_date", "2028-02-28",
                                                    "stay_expiry", "2028-03-30", NULL);
  g_autoptr(EdApplicability) list_yes = check_step (procedure, british, "list");
  g_autoptr(EdApplicability) list_no = check_step (procedure, leapling, "list");
  g_autoptr(EdApplicability) adult_yes = check_step (procedure, british, "adult");
  g_autoptr(EdApplicability) adult_no = check_step (procedure, leapling, "adult");
  g_autoptr(EdApplicability) short_yes = check_step (procedure, british, "short");
  g_autoptr(EdApplicability) short_no = check_step (procedure, leapling, "short");

  g_assert_cmpint (list_yes->applies, ==, ED_APPLIES_YES);
  g_assert_cmpint (list_no->applies, ==, ED_APPLIES_NO);
  assert_reason (list_no, procedure, "Not needed: nationality not on the list");
  /* 20 on the day of arrival… */
  g_assert_cmpint (adult_yes->applies, ==, ED_APPLIES_YES);
  /* …and 19 the day before the 20th birthday (2028-02-29). */
  g_assert_cmpint (adult_no->applies, ==, ED_APPLIES_NO);
  assert_reason (adult_no, procedure, "Not needed: Age — 19 years");
  /* 2027-02-28 to 2027-03-29: 30 days; 2028-02-28 to 2028-03-30: 32. */
  g_assert_cmpint (short_yes->applies, ==, ED_APPLIES_YES);
  g_assert_cmpint (short_no->applies, ==, ED_APPLIES_NO);
  assert_reason (short_no, procedure, "Not needed: Length of stay — 32 days");
}

/* all / any / not: the reasons are the tests that decided. */
static void
test_condition_combined (void)
{
  g_autoptr(EdProcedure) procedure = procedure_with (
    STEP ("visa-free", ", \"applies_if\": { \"all\": ["
          "  { \"fact\": \"nationality\", \"in\": [ \"GBR\", \"FRA\" ] },"
          "  { \"any\": [ { \"question\": \"purpose\", \"is\": \"tourism\" },"
          "               { \"fact\": \"arrival_date\", \"on_or_before\": \"2026-12-31\" } ] },"
          "  { \"not\": { \"answer\": \"employer-scheme\", \"is\": \"yes\" } } ] }"));
  g_autoptr(EdTraveller) tourist = traveller_with ("nationality", "FRA", "purpose", "tourism",
                                                   "arrival_date", "2027-03-01",
                                                   "employer-scheme", "no", NULL);
  g_autoptr(EdTraveller) worker = traveller_with ("nationality", "FRA", "purpose", "work",
                                                  "arrival_date", "2027-03-01",
                                                  "employer-scheme", "yes", NULL);
  g_autoptr(EdTraveller) half = traveller_with ("nationality", "GBR", "purpose", "work", NULL);
  g_autoptr(EdApplicability) a = check_step (procedure, tourist, "visa-free");
  g_autoptr(EdApplicability) b = check_step (procedure, worker, "visa-free");
  g_autoptr(EdApplicability) c = check_step (procedure, half, "visa-free");

  g_assert_cmpint (a->applies, ==, ED_APPLIES_YES);
  g_assert_cmpint (b->applies, ==, ED_APPLIES_NO);
  assert_reason (b, procedure,
                 "Not needed: the answer to “Purpose?” — Work; Arrival date — 2027-03-01; "
                 "In an employer scheme — Yes");
  /* The arrival date and the employer scheme are missing: it may apply. */
  g_assert_cmpint (c->applies, ==, ED_APPLIES_UNKNOWN);
  g_assert_cmpuint (c->missing->len, ==, 2);
}

/* A step's own dates, judged on the arrival (or today). */
static void
test_condition_step_validity (void)
{
  g_autoptr(EdProcedure) procedure = procedure_with (
    STEP ("trial", ", \"valid_until\": \"2026-09-14\"") ","
    STEP ("card", ", \"valid_from\": \"2027-06-01\""));
  g_autoptr(EdTraveller) traveller = traveller_with ("arrival_date", "2026-12-29", NULL);
  g_autoptr(EdApplicability) trial = check_step (procedure, traveller, "trial");
  g_autoptr(EdApplicability) card = check_step (procedure, traveller, "card");

  g_assert_cmpint (trial->applies, ==, ED_APPLIES_NO);
  assert_reason (trial, procedure, "Not needed: this ended on 2026-09-14");
  g_assert_cmpint (card->applies, ==, ED_APPLIES_NO);
  assert_reason (card, procedure, "Not yet: this starts on 2027-06-01");
}

typedef struct
{
  const char *step;
  const char *place;
  const char *what;
} Refused;

/* Conditions that cannot be evaluated are refused with their place. */
static void
test_condition_refused (void)
{
  static const Refused refused[] = {
    { STEP ("a", ", \"applies_if\": { \"question\": \"nope\", \"is\": \"yes\" }"),
      "steps[0].applies_if.question", "not the id of a question" },
    { STEP ("a", ", \"applies_if\": { \"question\": \"hotel\", \"is\": \"maybe\" }"),
      "steps[0].applies_if.is", "“maybe” is not one of the answers" },
    { STEP ("a", ", \"applies_if\": { \"fact\": \"nationality\", \"in\": [ \"UK\" ] }"),
      "steps[0].applies_if.in", "not a nationality code" },
    { STEP ("a", ", \"applies_if\": { \"fact\": \"age\", \"is\": \"20\" }"),
      "steps[0].applies_if.is", "does not fit what it tests" },
    { STEP ("a", ", \"applies_if\": { \"fact\": \"shoe_size\", \"at_least\": 40 }"),
      "steps[0].applies_if.fact", "not a fact Entry Desk knows" },
    { STEP ("a", ", \"applies_if\": { \"fact\": \"age\", \"at_least\": 20, \"at_most\": 59 }"),
      "steps[0].applies_if", "exactly one of" },
    { STEP ("a", ", \"applies_if\": { \"all\": [] }"),
      "steps[0].applies_if.all", "at least one condition" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EdProcedure) procedure = parse (refused[i].step, &error);
      g_autofree char *expected = g_strdup_printf ("xx-who.json: %s: ", refused[i].place);

      g_test_message ("%s", error != NULL ? error->message : "(no error)");
      g_assert_null (procedure);
      g_assert_error (error, ED_ERROR, ED_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, expected));
      g_assert_nonnull (strstr (error->message, refused[i].what));
    }
}

/* Too deep a condition is refused before it can exhaust the stack. */
static void
test_condition_too_deep (void)
{
  g_autoptr(GString) condition = g_string_new (NULL);
  g_autoptr(GString) step = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdProcedure) procedure = NULL;

  for (guint i = 0; i < 40; i++)
    g_string_append (condition, "{ \"not\": ");
  g_string_append (condition, "{ \"question\": \"hotel\", \"is\": \"yes\" }");
  for (guint i = 0; i < 40; i++)
    g_string_append (condition, " }");
  g_string_printf (step, "{ \"id\": \"a\", \"title\": " L ("Step") ", \"body\": " L ("Do it.")
                   ", \"sources\": [ \"law\" ], \"applies_if\": %s }", condition->str);

  procedure = parse (step->str, &error);
  g_assert_null (procedure);
  g_assert_error (error, ED_ERROR, ED_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "nested too deeply"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/condition/question", test_condition_question);
  g_test_add_func ("/condition/facts", test_condition_facts);
  g_test_add_func ("/condition/combined", test_condition_combined);
  g_test_add_func ("/condition/step-validity", test_condition_step_validity);
  g_test_add_func ("/condition/refused", test_condition_refused);
  g_test_add_func ("/condition/too-deep", test_condition_too_deep);

  return g_test_run ();
}
