/* test-case.c — the case model, its reference and its search text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ed-case-record.h"
#include "ed-core.h"

static void
count (gpointer  instance,
       guint    *n)
{
  (*n)++;
}

static void
test_case_changes (void)
{
  g_autoptr(EdCase) kase = ed_case_new ("jp-my-her-sys", 3);
  g_autoptr(EdTraveller) mother = ed_traveller_new ();
  g_autoptr(EdTraveller) child = ed_traveller_new ();
  guint changed = 0;

  g_signal_connect (kase, "changed", G_CALLBACK (count), &changed);
  g_assert_cmpint (ed_case_get_id (kase), ==, 0);
  g_assert_null (ed_case_get_reference (kase));
  g_assert_cmpint (ed_case_get_status (kase), ==, ED_CASE_OPEN);
  g_assert_cmpint (ed_case_get_created (kase), >, 0);

  /* Every change the store must save is signalled, once. */
  ed_case_add_traveller (kase, mother);
  ed_case_add_traveller (kase, child);
  g_assert_cmpuint (changed, ==, 2);
  ed_traveller_set (child, "surname", "LI");
  g_assert_cmpuint (changed, ==, 3);
  ed_case_set_current_step (kase, "register");
  ed_case_set_current_step (kase, "register");
  ed_case_set_notes (kase, "Hotel until the 14th");
  ed_case_set_procedure (kase, "jp-my-her-sys", 4);
  g_assert_cmpuint (changed, ==, 6);
  g_assert_cmpint (ed_case_get_procedure_version (kase), ==, 4);

  /* Ticked for one traveller is not ticked for the other, nor for all. */
  ed_case_set_item_done (kase, child, "register", "registered", TRUE);
  ed_case_set_item_done (kase, child, "register", "registered", TRUE);
  g_assert_cmpuint (changed, ==, 7);
  g_assert_true (ed_case_get_item_done (kase, child, "register", "registered"));
  g_assert_false (ed_case_get_item_done (kase, mother, "register", "registered"));
  g_assert_false (ed_case_get_item_done (kase, NULL, "register", "registered"));
  ed_case_set_item_done (kase, NULL, "install", "app", TRUE);
  g_assert_cmpuint (ed_case_count_done (kase), ==, 2);

  /* A traveller leaves with their ticks; they no longer change the case. */
  g_assert_true (ed_case_remove_traveller (kase, child));
  g_assert_false (ed_case_remove_traveller (kase, child));
  g_assert_cmpuint (ed_case_count_done (kase), ==, 1);
  g_assert_cmpuint (ed_case_get_n_travellers (kase), ==, 1);
  changed = 0;
  ed_traveller_set (child, "surname", "WANG");
  g_assert_cmpuint (changed, ==, 0);

  /* Closing dates the case; reopening clears the date. */
  ed_case_set_status (kase, ED_CASE_CLOSED);
  g_assert_cmpint (ed_case_get_closed (kase), >=, ed_case_get_created (kase));
  ed_case_set_status (kase, ED_CASE_OPEN);
  g_assert_cmpint (ed_case_get_closed (kase), ==, 0);
}

static void
test_case_title_and_equal (void)
{
  g_autoptr(EdCase) a = ed_case_new ("cn-shanghai-health-code", 1);
  g_autoptr(EdCase) b = NULL;
  g_autoptr(EdCaseRecord) record = NULL;
  g_autoptr(EdTraveller) wang = ed_traveller_new ();
  g_autoptr(EdTraveller) nobody = ed_traveller_new ();
  g_autofree char *title = NULL;

  ed_traveller_set (wang, "native_name", "王小明");
  ed_case_add_traveller (a, nobody);
  ed_case_add_traveller (a, wang);
  ed_case_set_item_done (a, wang, "register", "registered", TRUE);
  ed_case_set_status (a, ED_CASE_CLOSED);
  title = ed_case_dup_title (a);
  g_assert_cmpstr (title, ==, "王小明");

  /* Through a record (what the store writes) and back: equal, the tick
   * still on the second traveller. */
  record = ed_case_record_new_from_case (a);
  b = ed_case_record_to_case (record);
  g_assert_true (ed_case_equal (a, b));
  g_assert_true (ed_case_get_item_done (b, ed_case_get_traveller (b, 1), "register",
                                        "registered"));
  g_assert_cmpint (ed_case_get_closed (b), ==, ed_case_get_closed (a));

  ed_traveller_set (ed_case_get_traveller (b, 0), "surname", "WANG");
  g_assert_false (ed_case_equal (a, b));
}

static const char *
procedure_at (EdCase *kase,
              guint   position)
{
  return ed_case_get_procedure (kase, position)->id;
}

/* A case holds procedures in order; one is current. */
static void
test_case_journey (void)
{
  g_autoptr(EdCase) kase = ed_case_new ("jp-residence-registration", 1);
  g_autoptr(EdTraveller) wang = ed_traveller_new ();
  guint changed = 0, journey_changed = 0;

  g_signal_connect (kase, "changed", G_CALLBACK (count), &changed);
  g_signal_connect (kase, "procedures-changed", G_CALLBACK (count), &journey_changed);
  ed_case_add_traveller (kase, wang);
  changed = 0;

  g_assert_cmpuint (ed_case_get_n_procedures (kase), ==, 1);
  g_assert_null (ed_case_get_journey_id (kase));
  ed_case_set_journey_id (kase, "jp-new-hire");
  g_assert_cmpstr (ed_case_get_journey_id (kase), ==, "jp-new-hire");
  g_assert_cmpuint (changed, ==, 1);

  /* Added at the end, at the start, twice refused. */
  g_assert_true (ed_case_add_procedure (kase, "jp-national-pension", 2, -1));
  g_assert_true (ed_case_add_procedure (kase, "jp-visit-japan-web", 1, 0));
  g_assert_false (ed_case_add_procedure (kase, "jp-visit-japan-web", 1, -1));
  g_assert_cmpuint (ed_case_get_n_procedures (kase), ==, 3);
  g_assert_cmpstr (procedure_at (kase, 0), ==, "jp-visit-japan-web");
  g_assert_cmpstr (procedure_at (kase, 1), ==, "jp-residence-registration");
  g_assert_cmpstr (procedure_at (kase, 2), ==, "jp-national-pension");
  g_assert_cmpint (ed_case_get_procedure (kase, 2)->version, ==, 2);
  g_assert_null (ed_case_get_procedure (kase, 3));
  g_assert_cmpuint (journey_changed, ==, 2);
  g_assert_cmpuint (changed, ==, 3);
  /* The current one stays current wherever it moves. */
  g_assert_cmpstr (ed_case_get_procedure_id (kase), ==, "jp-residence-registration");

  /* Ticks belong to a procedure; the plain calls are the current one's. */
  ed_case_set_item_done (kase, wang, "gather-documents", "passport", TRUE);
  ed_case_set_item_done_in (kase, "jp-national-pension", NULL, "enrol-at-counter", "identity",
                            TRUE);
  ed_case_set_date_done (kase, "jp-national-pension", wang, "enrol-deadline", TRUE);
  g_assert_true (ed_case_get_item_done_in (kase, "jp-residence-registration", wang,
                                           "gather-documents", "passport"));
  g_assert_false (ed_case_get_item_done_in (kase, "jp-national-pension", wang,
                                            "gather-documents", "passport"));
  g_assert_true (ed_case_get_date_done (kase, "jp-national-pension", wang, "enrol-deadline"));
  g_assert_false (ed_case_get_date_done (kase, "jp-national-pension", NULL, "enrol-deadline"));
  /* Dates marked done are not checklist items. */
  g_assert_cmpuint (ed_case_count_done (kase), ==, 2);
  g_assert_cmpuint (ed_case_get_ticks (kase)->len, ==, 3);

  /* Reordering keeps everything; the current one is still current. */
  g_assert_true (ed_case_move_procedure (kase, "jp-national-pension", 0));
  g_assert_cmpstr (procedure_at (kase, 0), ==, "jp-national-pension");
  g_assert_cmpstr (procedure_at (kase, 1), ==, "jp-visit-japan-web");
  g_assert_cmpstr (ed_case_get_procedure_id (kase), ==, "jp-residence-registration");
  g_assert_true (ed_case_move_procedure (kase, "jp-national-pension", 99));
  g_assert_cmpstr (procedure_at (kase, 2), ==, "jp-national-pension");
  g_assert_false (ed_case_move_procedure (kase, "cn-arrival-card", 0));
  g_assert_cmpuint (journey_changed, ==, 4);

  /* The wizard moves to another procedure: the step is forgotten. */
  ed_case_set_current_step (kase, "file-notification");
  g_assert_true (ed_case_set_current_procedure (kase, "jp-visit-japan-web"));
  g_assert_cmpstr (ed_case_get_procedure_id (kase), ==, "jp-visit-japan-web");
  g_assert_null (ed_case_get_current_step (kase));
  g_assert_false (ed_case_set_current_procedure (kase, "cn-arrival-card"));

  /* Removing takes the procedure's ticks and dates along; the current
   * one removed, the next becomes current. */
  g_assert_true (ed_case_remove_procedure (kase, "jp-national-pension"));
  g_assert_cmpuint (ed_case_get_ticks (kase)->len, ==, 1);
  g_assert_true (ed_case_remove_procedure (kase, "jp-visit-japan-web"));
  g_assert_cmpstr (ed_case_get_procedure_id (kase), ==, "jp-residence-registration");
  g_assert_cmpuint (ed_case_get_n_procedures (kase), ==, 1);
  /* The last one stays. */
  g_assert_false (ed_case_remove_procedure (kase, "jp-residence-registration"));
  g_assert_false (ed_case_remove_procedure (kase, "cn-arrival-card"));
  g_assert_true (ed_case_get_item_done (kase, wang, "gather-documents", "passport"));

  /* Another procedure in the current one's place keeps its checklist. */
  ed_case_set_procedure (kase, "jp-residence-registration-2", 1);
  g_assert_cmpstr (procedure_at (kase, 0), ==, "jp-residence-registration-2");
  g_assert_true (ed_case_get_item_done (kase, wang, "gather-documents", "passport"));
}

/* Through a record and back, the journey is whole. */
static void
test_case_journey_record (void)
{
  g_autoptr(EdCase) a = ed_case_new ("cn-work-residence-permit", 3);
  g_autoptr(EdCase) b = NULL;
  g_autoptr(EdCaseRecord) record = NULL;
  g_autoptr(EdTraveller) li = ed_traveller_new ();

  ed_case_add_traveller (a, li);
  ed_case_add_procedure (a, "cn-arrival-card", 1, -1);
  ed_case_add_procedure (a, "cn-accommodation-registration", 2, -1);
  ed_case_set_current_procedure (a, "cn-arrival-card");
  ed_case_set_journey_id (a, "cn-new-hire");
  ed_case_set_item_done_in (a, "cn-work-residence-permit", li, "residence-permit", "photo", TRUE);
  ed_case_set_date_done (a, "cn-accommodation-registration", li, "register-after-arrival", TRUE);

  record = ed_case_record_new_from_case (a);
  g_assert_cmpuint (record->procedures->len, ==, 3);
  g_assert_cmpstr (record->procedure_id, ==, "cn-arrival-card");
  b = ed_case_record_to_case (record);
  g_assert_true (ed_case_equal (a, b));
  g_assert_cmpstr (ed_case_get_procedure_id (b), ==, "cn-arrival-card");
  g_assert_cmpstr (procedure_at (b, 2), ==, "cn-accommodation-registration");
  g_assert_cmpint (ed_case_get_procedure (b, 2)->version, ==, 2);
  g_assert_true (ed_case_get_date_done (b, "cn-accommodation-registration",
                                        ed_case_get_traveller (b, 0), "register-after-arrival"));

  ed_case_move_procedure (b, "cn-arrival-card", 0);
  g_assert_false (ed_case_equal (a, b));
}

static void
test_reference (void)
{
  g_autofree char *generated = ed_case_reference_generate ();
  g_autofree char *shown = NULL;
  const struct { const char *typed; const char *canonical; } cases[] = {
    { "ED-7K3M-Q9", "7K3MQ9" },
    { "ed-7k3m-q9", "7K3MQ9" },
    { "ED 7K3M Q9", "7K3MQ9" },
    { "7k3mq9", "7K3MQ9" },
    { "ed7k3mq9", "7K3MQ9" },
    /* Read aloud and typed back: O for 0, I and L for 1. */
    { "ED-OK1M-L9", "0K1M19" },
    { "ED-1KIM-O9", "1K1M09" },
    /* A reference that itself starts with ED. */
    { "ED-ED12-34", "ED1234" },
    { "ED1234", "ED1234" },
    /* U is not in the alphabet, and lengths are fixed. */
    { "ED-7K3M-U9", NULL },
    { "ED-7K3M-Q", NULL },
    { "7K3MQ9Z", NULL },
    { "", NULL },
    { "ERIKSSON", NULL },
  };

  g_assert_cmpuint (strlen (generated), ==, ED_CASE_REFERENCE_LENGTH);
  g_assert_true (strspn (generated, "0123456789ABCDEFGHJKMNPQRSTVWXYZ") == 6);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *canonical = ed_case_reference_normalize (cases[i].typed);

      g_assert_cmpstr (canonical, ==, cases[i].canonical);
    }

  shown = ed_case_reference_format ("7K3MQ9");
  g_assert_cmpstr (shown, ==, "ED-7K3M-Q9");
}

static void
test_search_fold (void)
{
  const struct { const char *text; const char *folded; } cases[] = {
    { "ERIKSSON", "eriksson" },
    { "ＥＲＩＫ１２", "erik12" },
    { "ﾔﾏﾀﾞ", "やまだ" },
    { "ヤマダ タロウ", "やまだ たろう" },
    { "王小明", "王小明" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = ed_search_fold (cases[i].text);

      g_assert_cmpstr (folded, ==, cases[i].folded);
    }
}

static void
test_search_tokens (void)
{
  g_autoptr(GHashTable) tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *text = NULL;

  ed_search_add_text (tokens, "王小明");
  ed_search_add_text (tokens, "LEE");
  ed_search_add_text (tokens, "ANNA-MARIA");
  ed_search_add_reference (tokens, "7K3MQ9");
  text = ed_search_join_tokens (tokens);

  /* CJK: every inner suffix; Latin: words and suffixes of 3 or more. */
  g_assert_cmpstr (text, ==,
                   "7k3m 7k3mq9 _aria _nna _ria _小明 _明 anna lee maria q9 王小明");
}

static void
test_search_query (void)
{
  g_autoptr(EdSearchQuery) short_latin = ed_search_query_new ("e");
  g_autoptr(EdSearchQuery) two = ed_search_query_new ("Eri  王");
  g_autoptr(EdSearchQuery) reference = ed_search_query_new (" ed-7k3m-q9 ");
  g_autoptr(EdSearchQuery) typing_reference = ed_search_query_new ("ED-7K");
  g_autoptr(EdSearchQuery) edward = ed_search_query_new ("edw");
  g_autoptr(EdSearchQuery) empty = ed_search_query_new (" - ");

  /* One Latin letter: the start of a word only. */
  g_assert_cmpstr (short_latin->match_words, ==, "\"e\"*");
  g_assert_null (short_latin->match_inner);

  g_assert_cmpstr (two->match_words, ==, "\"eri\"* AND \"王\"*");
  g_assert_cmpstr (two->match_inner, ==, "(\"eri\"* OR \"_eri\"*) AND (\"王\"* OR \"_王\"*)");

  g_assert_cmpstr (reference->exact_reference, ==, "7K3MQ9");
  g_assert_cmpstr (reference->match_words, ==, "\"7k3m\"* AND \"q9\"*");
  g_assert_cmpstr (typing_reference->match_words, ==, "\"7k\"*");
  g_assert_null (typing_reference->exact_reference);
  g_assert_cmpstr (edward->match_words, ==, "\"edw\"*");

  g_assert_true (ed_search_query_is_empty (empty));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/case/changes", test_case_changes);
  g_test_add_func ("/case/title-and-equal", test_case_title_and_equal);
  g_test_add_func ("/case/journey", test_case_journey);
  g_test_add_func ("/case/journey-record", test_case_journey_record);
  g_test_add_func ("/case/reference", test_reference);
  g_test_add_func ("/case/search-fold", test_search_fold);
  g_test_add_func ("/case/search-tokens", test_search_tokens);
  g_test_add_func ("/case/search-query", test_search_query);

  return g_test_run ();
}
