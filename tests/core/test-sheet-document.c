/* test-sheet-document.c — check sheets for many travellers as one
 * document: pages, what stops printing, names, and the PDF writers the
 * app and the command line share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "ed-core.h"
#include "ed-test-pdf.h"
#include "ed-test-procedure.h"
#include "ed-test-util.h"

typedef struct
{
  EdProcedure     *procedure;
  EdSheetTemplate *sheet_template;
  char            *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(EdSheetOptions) options = ed_sheet_options_new ();
  g_autoptr(GError) error = NULL;

  f->procedure = ed_test_load_procedure ("jp-mynumber-insurance-card");
  g_assert_true (ed_sheet_options_parse_languages (options, "ja,en", &error));
  ed_sheet_options_set_case_reference (options, "ED-7K3M-Q9");
  f->sheet_template = ed_sheet_template_new (f->procedure, options, &error);
  g_assert_no_error (error);
  f->dir = ed_test_make_tmpdir ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ed_test_rm_rf (f->dir);
  g_free (f->dir);
  g_clear_object (&f->sheet_template);
  g_clear_object (&f->procedure);
}

static EdTraveller *
traveller_new (const char *surname,
               const char *given_names,
               const char *passport_number)
{
  EdTraveller *traveller = ed_traveller_new ();

  ed_traveller_set (traveller, "surname", surname);
  ed_traveller_set (traveller, "given_names", given_names);
  ed_traveller_set (traveller, "passport_number", passport_number);
  return traveller;
}

/* @n travellers, all fit to print. */
static GPtrArray *
travellers_new (guint n)
{
  static const char * const surnames[] = { "WANG", "TANAKA", "SMITH", "KIM" };
  GPtrArray *travellers = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *passport = g_strdup_printf ("E%08u", i);

      g_ptr_array_add (travellers, traveller_new (surnames[i % 4], "ANNA", passport));
    }
  return travellers;
}

typedef struct
{
  guint calls;
  guint last;
  guint total;
} Progress;

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (done, >, progress->last);
  g_assert_cmpuint (done, <=, total);
  progress->calls++;
  progress->last = done;
  progress->total = total;
}

/* No traveller: one blank sheet, named after the procedure. */
static void
test_document_blank (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(EdSheetDocument) document = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  double width, height, a4_width, a4_height;

  document = ed_sheet_document_new_for_template (f->sheet_template, NULL);
  title = ed_sheet_document_dup_title (document);
  name = ed_sheet_document_dup_file_name (document);

  g_assert_cmpuint (ed_sheet_document_get_n_sheets (document), ==, 1);
  g_assert_cmpuint (ed_sheet_document_get_n_pages (document), ==,
                    ed_sheet_template_get_n_pages (f->sheet_template));
  g_assert_null (ed_sheet_document_get_traveller (document, 0));
  g_assert_null (ed_sheet_layout_get_traveller (ed_sheet_document_get_sheet (document, 0)));
  g_assert_cmpuint (ed_sheet_document_get_missing (document, 0)->len, ==, 0);
  g_assert_cmpuint (ed_sheet_document_get_problems (document)->len, ==, 0);

  g_assert_cmpstr (title, ==, ed_text_get (ed_procedure_get_title (f->procedure), ED_LANGUAGE_JA));
  g_assert_cmpstr (name, ==, "ED-7K3M-Q9.pdf");
  ed_sheet_document_get_page_size (document, 0, &width, &height);
  ed_paper_get_size (ED_PAPER_A4, &a4_width, &a4_height);
  g_assert_cmpfloat (width, ==, a4_width);
  g_assert_cmpfloat (height, ==, a4_height);
}

/* Travellers are copied and tidied; a refused value stops printing
 * and is said with the traveller's name and the field's label. */
static void
test_document_travellers (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) travellers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(EdSheetDocument) document = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  GPtrArray *missing;
  EdTraveller *traveller;
  EdSheetLayout *sheet;
  const EdMissing *found;
  guint n_pages = ed_sheet_template_get_n_pages (f->sheet_template);

  g_ptr_array_add (travellers, traveller_new ("wang", "xiaoming", "ｅ１２３４５６７８"));
  g_ptr_array_add (travellers, traveller_new ("TANAKA", "HANAKO", "E1234567890123"));
  document = ed_sheet_document_new_for_template (f->sheet_template, travellers);

  g_assert_cmpuint (ed_sheet_document_get_n_sheets (document), ==, 2);
  g_assert_cmpuint (ed_sheet_document_get_n_pages (document), ==, 2 * n_pages);
  traveller = ed_sheet_document_get_traveller (document, 0);
  g_assert_cmpstr (ed_traveller_get (traveller, "passport_number"), ==, "E12345678");
  g_assert_cmpstr (ed_traveller_get (g_ptr_array_index (travellers, 0), "passport_number"),
                   ==, "ｅ１２３４５６７８");

  g_assert_cmpuint (ed_sheet_document_get_missing (document, 0)->len, ==, 0);
  missing = ed_sheet_document_get_missing (document, 1);
  g_assert_cmpuint (missing->len, ==, 1);
  found = g_ptr_array_index (missing, 0);
  g_assert_cmpstr (found->name, ==, "passport_number");
  g_assert_cmpuint (ed_sheet_document_get_problems (document)->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (ed_sheet_document_get_problems (document), 0),
                                   "TANAKA HANAKO"));

  /* Laid out once, and kept. */
  sheet = ed_sheet_document_get_sheet (document, 1);
  g_assert_true (sheet == ed_sheet_document_get_sheet (document, 1));
  traveller = ed_sheet_layout_get_traveller (sheet);
  g_assert_cmpstr (ed_traveller_get (traveller, "surname"), ==, "TANAKA");

  title = ed_sheet_document_dup_title (document);
  g_assert_true (g_str_has_suffix (title, " — WANG XIAOMING, TANAKA HANAKO"));
  name = ed_sheet_document_dup_file_name (document);
  g_assert_cmpstr (name, ==, "ED-7K3M-Q9 WANG XIAOMING and 1 more.pdf");
}

/* Every sheet in order into one file, told after each; a sheet's page
 * drawn as the document's page. */
static void
test_document_write_merged (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) travellers = travellers_new (12);
  g_autoptr(EdSheetDocument) document = ed_sheet_document_new_for_template (f->sheet_template,
                                                                            travellers);
  g_autofree char *path = g_build_filename (f->dir, "merged.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { 0, };
  guint first_page;
  GStatBuf st;

  g_assert_true (ed_sheet_document_write_pdf (document, path, NULL, progress_cb, &progress, NULL,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpuint (progress.calls, ==, 12);
  g_assert_cmpuint (progress.last, ==, 12);
  g_assert_cmpuint (progress.total, ==, 12);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (ed_test_pdf_pages (path), ==, ed_sheet_document_get_n_pages (document));

  /* The last sheet is the last traveller's (pages count from 1): its
   * one-page summary, then the detailed sheet with the passport. */
  first_page = 11 * ed_sheet_template_get_n_pages (f->sheet_template) + 1;
  text = ed_test_pdf_text (path, (int) first_page);
  g_assert_nonnull (strstr (text, "KIMANNA"));
  g_assert_null (strstr (text, "TANAKAANNA"));
  g_free (text);
  text = ed_test_pdf_text (path, (int) first_page + 1);
  g_assert_nonnull (strstr (text, "E00000011"));

  /* What is the same on every sheet is in the file once (a form each
   * page refers to), not once a traveller: twelve sheets take less room
   * than three files of one sheet each (drawn twelve times over, about
   * five). */
  {
    g_autoptr(GPtrArray) one = travellers_new (1);
    g_autoptr(EdSheetDocument) single = ed_sheet_document_new_for_template (f->sheet_template,
                                                                          one);
    g_autofree char *single_path = g_build_filename (f->dir, "single.pdf", NULL);
    GStatBuf single_st;

    g_assert_true (ed_sheet_document_write_pdf (single, single_path, NULL, NULL, NULL, NULL,
                                                &error));
    g_assert_cmpint (g_stat (single_path, &single_st), ==, 0);
    g_test_message ("1 sheet: %" G_GINT64_FORMAT " bytes; 12 sheets: %" G_GINT64_FORMAT " bytes",
                    (gint64) single_st.st_size, (gint64) st.st_size);
    g_assert_cmpint (st.st_size, <, 3 * single_st.st_size);
  }

  /* One bookmark a traveller, at their first page. */
  {
    const char *outline[] = { "pdftohtml", "-xml", "-i", "-stdout", "-f", "1", "-l", "1", path,
                              NULL };
    g_autofree char *xml = ed_test_run_tool (outline, NULL);
    g_autofree char *mark = g_strdup_printf ("<item page=\"%u\">KIM ANNA</item>", first_page);

    g_assert_nonnull (strstr (xml, "<item page=\"1\">WANG ANNA</item>"));
    g_assert_nonnull (strstr (xml, mark));
  }
}

/* Cancelled, or a folder that is not there: no file, an error. */
static void
test_document_write_fails (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) travellers = travellers_new (3);
  g_autoptr(EdSheetDocument) document = ed_sheet_document_new_for_template (f->sheet_template,
                                                                            travellers);
  g_autofree char *path = g_build_filename (f->dir, "merged.pdf", NULL);
  g_autofree char *nowhere = g_build_filename (f->dir, "no-such-folder", "merged.pdf", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Progress progress = { 0, };

  g_cancellable_cancel (cancellable);
  g_assert_false (ed_sheet_document_write_pdf (document, path, NULL, progress_cb, &progress,
                                               cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (progress.calls, ==, 0);
  g_clear_error (&error);

  g_assert_false (ed_sheet_document_write_pdf (document, nowhere, "Title", NULL, NULL, NULL,
                                               &error));
  g_assert_error (error, ED_ERROR, ED_ERROR_IO);
}

/* One file a sheet; one that cannot be written stops no other. */
static void
test_document_write_each (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) travellers = travellers_new (3);
  g_autoptr(EdSheetDocument) document = ed_sheet_document_new_for_template (f->sheet_template,
                                                                            travellers);
  g_autofree char *first = g_build_filename (f->dir, "1.pdf", NULL);
  g_autofree char *second = g_build_filename (f->dir, "no-such-folder", "2.pdf", NULL);
  g_autofree char *third = g_build_filename (f->dir, "3.pdf", NULL);
  const char *paths[] = { first, second, third, NULL };
  g_autoptr(GPtrArray) failures = NULL;
  Progress progress = { 0, };
  guint n_pages;

  g_assert_false (ed_sheet_document_write_each_pdf (document, paths, progress_cb, &progress, NULL,
                                                    &failures));
  g_assert_cmpuint (progress.last, ==, 3);
  g_assert_nonnull (failures);
  g_assert_cmpuint (failures->len, ==, 3);
  g_assert_null (g_ptr_array_index (failures, 0));
  g_assert_error ((GError *) g_ptr_array_index (failures, 1), ED_ERROR, ED_ERROR_IO);
  g_assert_null (g_ptr_array_index (failures, 2));

  n_pages = ed_sheet_template_get_n_pages (f->sheet_template);
  g_assert_cmpuint (ed_test_pdf_pages (first), ==, n_pages);
  g_assert_cmpuint (ed_test_pdf_pages (third), ==, n_pages);
  g_clear_pointer (&failures, g_ptr_array_unref);

  paths[1] = first;
  g_assert_true (ed_sheet_document_write_each_pdf (document, paths, NULL, NULL, NULL, &failures));
  g_assert_null (failures);
}

/* A batch of files, more than a family's: the names in Chinese and
 * Japanese characters are cut into one font for many sheets, and still
 * each file holds its own name, its fonts embedded, and opens alone. */
static void
test_document_write_batch (Fixture       *f,
                           gconstpointer  data)
{
  static const char * const natives[] = { "王小明", "李伟", "张芳", "田中花子", "佐藤健二",
                                          "鈴木一郎", "陳美玲", "劉德華", "高橋直子",
                                          "趙麗穎", "山本五十", "黄飛鴻" };
  g_autoptr(GPtrArray) travellers = travellers_new (G_N_ELEMENTS (natives));
  g_autoptr(EdSheetDocument) document = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) failures = NULL;
  Progress progress = { 0, };

  for (guint i = 0; i < G_N_ELEMENTS (natives); i++)
    {
      ed_traveller_set (g_ptr_array_index (travellers, i), "native_name", natives[i]);
      g_ptr_array_add (paths, g_strdup_printf ("%s/%u.pdf", f->dir, i));
    }
  g_ptr_array_add (paths, NULL);
  document = ed_sheet_document_new_for_template (f->sheet_template, travellers);

  g_assert_true (ed_sheet_document_write_each_pdf (document, (const char * const *) paths->pdata,
                                                   progress_cb, &progress, NULL, &failures));
  g_assert_null (failures);
  g_assert_cmpuint (progress.last, ==, G_N_ELEMENTS (natives));

  for (guint i = 0; i < G_N_ELEMENTS (natives); i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      const char *argv[] = { "pdffonts", path, NULL };
      g_autofree char *text = ed_test_pdf_text (path, 0);
      g_autofree char *fonts = ed_test_run_tool (argv, NULL);
      g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
      guint n_fonts = 0;

      g_assert_nonnull (strstr (text, natives[i]));
      for (guint j = 0; j < G_N_ELEMENTS (natives); j++)
        if (j != i && strstr (natives[i], natives[j]) == NULL)
          g_assert_null (strstr (text, natives[j]));

      /* Every font embedded and cut to what the file shows. */
      for (guint l = 2; lines[l] != NULL; l++)
        {
          if (*lines[l] == '\0')
            continue;
          g_assert_nonnull (strstr (lines[l], " yes yes "));
          n_fonts++;
        }
      g_assert_cmpuint (n_fonts, >, 0);
    }
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GError **error = user_data;

  if (!ed_sheet_document_write_pdf_finish (ED_SHEET_DOCUMENT (object), result, error))
    g_assert_nonnull (*error);
  else
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "written");
}

/* As the app saves: in a worker thread, into a local file only. */
static void
test_document_write_async (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) travellers = travellers_new (2);
  g_autoptr(EdSheetDocument) document = ed_sheet_document_new_for_template (f->sheet_template,
                                                                            travellers);
  g_autofree char *path = g_build_filename (f->dir, "family.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) remote = g_file_new_for_uri ("http://example.org/family.pdf");
  GError *error = NULL;

  ed_sheet_document_write_pdf_async (document, file, NULL, written_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpuint (ed_test_pdf_pages (path), ==, ed_sheet_document_get_n_pages (document));

  ed_sheet_document_write_pdf_async (document, remote, NULL, written_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, ED_ERROR, ED_ERROR_IO);
  g_clear_error (&error);
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

/* The template made in a worker thread; the travellers copied first. */
static void
test_document_async (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) travellers = travellers_new (2);
  g_autoptr(EdSheetOptions) options = ed_sheet_options_new ();
  g_autoptr(EdSheetDocument) document = NULL;
  g_autoptr(EdSheetRecord) record = NULL;

  ed_sheet_document_new_async (f->procedure, travellers, options, NULL, document_ready_cb,
                               &document);
  ed_traveller_set (g_ptr_array_index (travellers, 0), "surname", "CHANGED");
  while (document == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (ed_sheet_document_get_n_sheets (document), ==, 2);
  g_assert_cmpstr (ed_traveller_get (ed_sheet_document_get_traveller (document, 0), "surname"),
                   ==, "WANG");

  /* What whoever prints it logs for a stored case. */
  record = ed_sheet_template_new_record (ed_sheet_document_get_template (document), ED_SHEET_BATCH);
  g_assert_cmpint (record->kind, ==, ED_SHEET_BATCH);
  g_assert_cmpstr (record->procedure_id, ==, "jp-mynumber-insurance-card");
  g_assert_cmpuint (g_strv_length (record->languages), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/sheet-document/blank", test_document_blank);
  ADD ("/sheet-document/travellers", test_document_travellers);
  ADD ("/sheet-document/write-merged", test_document_write_merged);
  ADD ("/sheet-document/write-fails", test_document_write_fails);
  ADD ("/sheet-document/write-each", test_document_write_each);
  ADD ("/sheet-document/write-batch", test_document_write_batch);
  ADD ("/sheet-document/write-async", test_document_write_async);
  ADD ("/sheet-document/async", test_document_async);

  return g_test_run ();
}
