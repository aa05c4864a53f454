/* test-sheet-journey.c — a case's journey sheet: a cover with its
 * timeline, then the sheet of each procedure that applies, as one sheet
 * document; its log lines; a cohort's, merged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ed-core.h"
#include "ed-test-pdf.h"
#include "ed-test-procedure.h"
#include "ed-test-util.h"

static EdCatalog *catalog;

/* A Chinese engineer hired in Tokyo, arriving on 2027-01-10. */
static EdTraveller *
engineer (const char *given_names)
{
  EdTraveller *traveller = ed_test_new_hire ("ZHANG", given_names, "2027-01-10");

  ed_traveller_set (traveller, "stay_expiry", "2028-01-10");
  return traveller;
}

static EdCase *
new_hire_case (guint n_travellers)
{
  g_autoptr(GPtrArray) travellers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  EdCase *kase;
  GDate today;

  for (guint i = 0; i < n_travellers; i++)
    g_ptr_array_add (travellers, engineer (i == 0 ? "WEI" : "LI"));
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 5, G_DATE_JANUARY, 2027);
  kase = ed_case_new_from_journey (ed_catalog_lookup_journey (catalog, "jp-new-hire"), catalog,
                                   travellers, &today, NULL, &error);
  g_assert_no_error (error);
  return kase;
}

static GDateTime *
now (void)
{
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("Asia/Tokyo");

  return g_date_time_new (tokyo, 2027, 1, 8, 9, 0, 0);
}

static EdSheetOptions *
options_new (const char *languages)
{
  EdSheetOptions *options = ed_sheet_options_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (ed_sheet_options_parse_languages (options, languages, &error));
  /* A case not stored has no reference of its own. */
  ed_sheet_options_set_case_reference (options, "ED-7K3M-Q9");
  return options;
}

/* The cover first, then each procedure of the case that applies, in the
 * journey's order, for each traveller; the pages are those of the
 * sheets, one after the other. */
static void
test_journey_case (void)
{
  g_autoptr(EdCase) kase = new_hire_case (2);
  g_autoptr(GDateTime) time = now ();
  g_autoptr(EdSheetOptions) options = options_new ("ja,zh_CN");
  g_autoptr(EdSheetDocument) document = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  const char *previous = NULL;
  int last_index = -1;
  guint n_pages = 0;

  document = ed_sheet_document_new_for_case (kase, catalog, time, options, &error);
  g_assert_no_error (error);

  g_assert_null (ed_sheet_document_get_traveller (document, 0));
  g_assert_null (ed_sheet_template_get_procedure (ed_sheet_layout_get_template (
    ed_sheet_document_get_sheet (document, 0))));
  /* Two travellers: a sheet each for every procedure. */
  g_assert_cmpuint ((ed_sheet_document_get_n_sheets (document) - 1) % 2, ==, 0);
  for (guint i = 1; i < ed_sheet_document_get_n_sheets (document); i++)
    {
      EdSheetLayout *sheet = ed_sheet_document_get_sheet (document, i);
      EdProcedure *procedure = ed_sheet_template_get_procedure (
        ed_sheet_layout_get_template (sheet));
      int index = ed_case_find_procedure (kase, ed_procedure_get_id (procedure));

      g_assert_cmpint (index, >=, last_index);
      last_index = index;
      g_assert_nonnull (ed_sheet_document_get_traveller (document, i));
      if (i % 2 == 1)
        previous = ed_procedure_get_id (procedure);
      else
        g_assert_cmpstr (ed_procedure_get_id (procedure), ==, previous);
    }
  for (guint i = 0; i < ed_sheet_document_get_n_sheets (document); i++)
    n_pages += ed_sheet_layout_get_n_pages (ed_sheet_document_get_sheet (document, i));
  g_assert_cmpuint (ed_sheet_document_get_n_pages (document), ==, n_pages);

  /* The journey's title, the case reference for the file. */
  title = ed_sheet_document_dup_title (document);
  g_assert_true (g_str_has_prefix (title, ed_text_get (ed_journey_get_title (
    ed_catalog_lookup_journey (catalog, "jp-new-hire")), ED_LANGUAGE_JA)));
  name = ed_sheet_document_dup_file_name (document);
  g_assert_true (g_str_has_prefix (name, "ED-7K3M-Q9 "));

  /* One log line a procedure, each marked as part of a journey sheet. */
  records = ed_sheet_document_new_records (document, ED_SHEET_PRINT);
  g_assert_cmpuint (records->len, ==, (ed_sheet_document_get_n_sheets (document) - 1) / 2);
  for (guint i = 0; i < records->len; i++)
    {
      EdSheetRecord *record = g_ptr_array_index (records, i);

      g_assert_true (record->journey);
      g_assert_cmpint (record->kind, ==, ED_SHEET_PRINT);
      g_assert_cmpint (ed_case_find_procedure (kase, record->procedure_id), >=, 0);
    }
}

/* A procedure that applies to nobody has no sheet; without travellers,
 * one blank sheet for each procedure. */
static void
test_journey_who (void)
{
  g_autoptr(EdCase) kase = new_hire_case (1);
  g_autoptr(EdCase) blank = new_hire_case (0);
  g_autoptr(GDateTime) time = now ();
  g_autoptr(EdSheetOptions) options = options_new ("en");
  g_autoptr(EdSheetDocument) document = NULL;
  g_autoptr(EdSheetDocument) blank_document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;

  /* A short stay: no residence registration, no health insurance. */
  ed_traveller_set (ed_case_get_traveller (kase, 0), "status_of_residence", "temporary-visitor");
  document = ed_sheet_document_new_for_case (kase, catalog, time, options, &error);
  g_assert_no_error (error);
  records = ed_sheet_document_new_records (document, ED_SHEET_PDF);
  g_assert_cmpuint (records->len, <, ed_case_get_n_procedures (kase));
  for (guint i = 0; i < records->len; i++)
    g_assert_cmpstr (((EdSheetRecord *) g_ptr_array_index (records, i))->procedure_id, !=,
                     "jp-residence-registration");

  blank_document = ed_sheet_document_new_for_case (blank, catalog, time, options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ed_sheet_document_get_n_sheets (blank_document), ==,
                    ed_case_get_n_procedures (blank) + 1);
  for (guint i = 0; i < ed_sheet_document_get_n_sheets (blank_document); i++)
    g_assert_null (ed_sheet_document_get_traveller (blank_document, i));
}

static void
document_ready_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  EdSheetDocument **document = user_data;
  g_autoptr(GError) error = NULL;

  *document = ed_sheet_document_new_finish (result, &error);
  g_assert_no_error (error);
}

/* Made in a worker thread from what the case held when asked. */
static void
test_journey_async (void)
{
  g_autoptr(EdCase) kase = new_hire_case (1);
  g_autoptr(GDateTime) time = now ();
  g_autoptr(EdSheetOptions) options = options_new ("zh_CN");
  g_autoptr(EdSheetDocument) document = NULL;

  ed_sheet_document_new_for_case_async (kase, catalog, time, options, NULL, document_ready_cb,
                                        &document);
  ed_traveller_set (ed_case_get_traveller (kase, 0), "surname", "CHANGED");
  while (document == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpstr (ed_traveller_get (ed_sheet_document_get_traveller (document, 1), "surname"),
                   ==, "ZHANG");
}

/* A cohort's journey sheets in one file, each traveller's cover first. */
static void
test_journey_concat (void)
{
  g_autoptr(EdCase) first = new_hire_case (1);
  g_autoptr(EdCase) second = new_hire_case (1);
  g_autoptr(GDateTime) time = now ();
  g_autoptr(EdSheetOptions) options = options_new ("en,ja");
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(EdSheetDocument) merged = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = ed_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "cohort.pdf", NULL);
  g_autofree char *text = NULL;
  EdSheetDocument *one;
  guint n_pages = 0;

  g_ptr_array_add (documents,
                   ed_sheet_document_new_for_case (first, catalog, time, options, &error));
  g_assert_no_error (error);
  g_ptr_array_add (documents,
                   ed_sheet_document_new_for_case (second, catalog, time, options, &error));
  g_assert_no_error (error);
  one = g_ptr_array_index (documents, 0);
  n_pages = ed_sheet_document_get_n_pages (one);

  merged = ed_sheet_document_new_concat (documents);
  g_assert_cmpuint (ed_sheet_document_get_n_sheets (merged), ==,
                    2 * ed_sheet_document_get_n_sheets (one));
  g_assert_cmpuint (ed_sheet_document_get_n_pages (merged), ==, 2 * n_pages);
  g_assert_null (ed_sheet_document_get_traveller (merged, ed_sheet_document_get_n_sheets (one)));

  g_assert_true (ed_sheet_document_write_pdf (merged, path, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ed_test_pdf_pages (path), ==, 2 * n_pages);
  /* The second cover, after the first journey sheet's last page. */
  text = ed_test_pdf_text (path, n_pages);
  g_assert_nonnull (strstr (text, "ED-7K3M-Q9"));
  ed_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *procedures = NULL;
  g_autofree char *journeys = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  catalog = ed_catalog_new ();
  procedures = ed_paths_system_procedures_dir ();
  journeys = ed_paths_system_journeys_dir ();
  ed_catalog_load_directory (catalog, procedures, ED_ORIGIN_SYSTEM);
  ed_catalog_load_journey_directory (catalog, journeys, ED_ORIGIN_SYSTEM);
  g_assert_cmpuint (ed_catalog_get_errors (catalog)->len, ==, 0);

  g_test_add_func ("/sheet-journey/case", test_journey_case);
  g_test_add_func ("/sheet-journey/who", test_journey_who);
  g_test_add_func ("/sheet-journey/async", test_journey_async);
  g_test_add_func ("/sheet-journey/concat", test_journey_concat);

  status = g_test_run ();
  g_clear_object (&catalog);
  return status;
}
