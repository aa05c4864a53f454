/* test-cli-sheet.c — entry-desk-cli sheet and batch, read back as a reader
 * would: pdftotext for the text of each language, pdffonts for embedded
 * fonts, pdftoppm and zbarimg for every QR code.
 *
 * These tests need poppler-utils and zbar-tools (build-aux/deps installs
 * them); without them they fail, they are not skipped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include "ed-core.h"
#include "ed-test-pdf.h"
#include "ed-test-procedure.h"
#include "ed-test-util.h"

#define MYSOS_URL "https://mysosp.page.link/sfY2kRrviv4t4eFy7"

typedef struct
{
  char *dir;
  char *env_home;
  char *env_epoch;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = ed_test_make_tmpdir ();
  f->env_home = g_strconcat ("XDG_DATA_HOME=", f->dir, NULL);
  f->env_epoch = g_strdup ("SOURCE_DATE_EPOCH=1700000000");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ed_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->env_home);
  g_free (f->env_epoch);
}

static char *
run_sheet (Fixture    *f,
           const char *id,
           const char *languages,
           const char *paper,
           const char *traveller)
{
  g_autofree char *name = g_strdup_printf ("%s-%s-%s%s.pdf", id, languages, paper,
                                           traveller != NULL ? "-traveller" : "");
  char *path = g_build_filename (f->dir, name, NULL);
  const char *env[] = { f->env_home, f->env_epoch, NULL };
  const char *args[] = { "sheet", id, "--lang", languages, "--paper", paper, "-o", path,
                         traveller != NULL ? "--traveller" : NULL, traveller, NULL };
  g_autofree char *err = NULL;

  g_assert_cmpint (ed_test_run_cli (env, args, NULL, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  return path;
}

/* What only a sheet in @language says: the procedure's title in it, and
 * the sheet's own words translated. */
static void
language_marks (EdProcedure  *procedure,
                EdLanguage    language,
                char        **title,
                char        **word)
{
  *title = ed_test_flatten (ed_text_get (ed_procedure_get_title (procedure), language));
  *word = ed_test_flatten (ed_translate (language, "sheet", "Check sheet"));
}

/* Each chosen language's text is there, and none of the others'. */
static void
test_sheet_languages (Fixture       *f,
                      gconstpointer  data)
{
  static const char * const ids[] = {
    "jp-entry-waiting-mysos", "cn-shanghai-health-code", "jp-mynumber-insurance-card",
  };
  static const char * const sets[] = { "en", "ja", "zh_CN", "ja,zh_CN", "en,ja,zh_CN" };
  static const EdLanguage all[] = { ED_LANGUAGE_EN, ED_LANGUAGE_JA, ED_LANGUAGE_ZH_CN };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(EdProcedure) procedure = ed_test_load_procedure (ids[i]);

      for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
        {
          g_autofree char *path = NULL;
          g_autofree char *text = NULL;

          /* The long procedure in every set, the others in two. */
          if (i > 0 && s != 0 && s != 3)
            continue;

          path = run_sheet (f, ids[i], sets[s], "a4", NULL);
          text = ed_test_pdf_text (path, 0);

          for (guint l = 0; l < G_N_ELEMENTS (all); l++)
            {
              g_autofree char *title = NULL;
              g_autofree char *word = NULL;
              gboolean chosen = strstr (sets[s], ed_language_code (all[l])) != NULL;

              language_marks (procedure, all[l], &title, &word);
              g_test_message ("%s %s: %s %s", ids[i], sets[s], ed_language_code (all[l]),
                              chosen ? "present" : "absent");
              if (chosen)
                {
                  g_assert_nonnull (strstr (text, title));
                  g_assert_nonnull (strstr (text, word));
                }
              else
                {
                  g_assert_null (strstr (text, title));
                  g_assert_null (strstr (text, word));
                }
            }
        }
    }
}

/* Every font is embedded, and the Han text is in Noto Sans CJK. */
static void
test_sheet_fonts (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *traveller = ed_test_data_path ("sheet", "wang.json", NULL);
  g_autofree char *path = run_sheet (f, "jp-entry-waiting-mysos", "en,ja,zh_CN", "a4", traveller);
  const char *argv[] = { "pdffonts", path, NULL };
  g_autofree char *out = ed_test_run_tool (argv, NULL);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  guint fonts = 0;

  g_assert_nonnull (strstr (out, "NotoSansCJKjp-Regular"));
  g_assert_nonnull (strstr (out, "NotoSansCJKjp-Bold"));

  /* Two header lines, then one line a font: name type encoding emb sub uni … */
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) split = NULL;
      g_autoptr(GPtrArray) columns = g_ptr_array_new ();

      if (*lines[i] == '\0')
        continue;
      split = g_strsplit_set (lines[i], " ", -1);
      for (guint c = 0; split[c] != NULL; c++)
        if (*split[c] != '\0')
          g_ptr_array_add (columns, split[c]);
      g_assert_cmpuint (columns->len, >=, 7);
      /* "emb" is the fourth column from the right. */
      g_assert_cmpstr (g_ptr_array_index (columns, columns->len - 4), ==, "yes");
      fonts++;
    }
  g_assert_cmpuint (fonts, >=, 2);
}

/* The URLs a sheet of @procedure prints as QR codes. */
static GHashTable *
expected_codes (EdProcedure *procedure)
{
  GHashTable *urls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *steps = ed_procedure_get_steps (procedure);
  GPtrArray *contacts = ed_procedure_get_contacts (procedure);

  for (guint s = 0; s < steps->len; s++)
    {
      const EdStep *step = g_ptr_array_index (steps, s);
      g_autoptr(GPtrArray) lists = g_ptr_array_new ();

      g_ptr_array_add (lists, step->links);
      for (guint a = 0; step->alternatives != NULL && a < step->alternatives->len; a++)
        g_ptr_array_add (lists,
                         ((EdAlternative *) g_ptr_array_index (step->alternatives, a))->links);

      for (guint l = 0; l < lists->len; l++)
        {
          GPtrArray *links = g_ptr_array_index (lists, l);

          for (guint i = 0; links != NULL && i < links->len; i++)
            {
              const EdLink *link = g_ptr_array_index (links, i);

              if (link->qr)
                g_hash_table_add (urls, g_strdup (link->url));
            }
        }
    }

  for (guint c = 0; contacts != NULL && c < contacts->len; c++)
    {
      const EdContact *contact = g_ptr_array_index (contacts, c);

      if (contact->qr && contact->url != NULL)
        g_hash_table_add (urls, g_strdup (contact->url));
    }

  return urls;
}

/* Every QR code decodes to exactly its URL, and every URL meant to be a
 * code is one. */
static void
check_codes (Fixture    *f,
             const char *id,
             const char *languages)
{
  g_autoptr(EdProcedure) procedure = ed_test_load_procedure (id);
  g_autoptr(GHashTable) expected = expected_codes (procedure);
  g_autofree char *path = run_sheet (f, id, languages, "a4", NULL);
  g_autoptr(GHashTable) found = ed_test_pdf_qr_codes (path);
  GHashTableIter iter;
  const char *code;

  g_hash_table_iter_init (&iter, found);
  while (g_hash_table_iter_next (&iter, (gpointer *) &code, NULL))
    if (!g_hash_table_contains (expected, code))
      g_error ("%s: a QR code reads “%s”, which the procedure does not give", id, code);

  g_assert_cmpuint (g_hash_table_size (expected), >, 0);
  g_assert_cmpuint (g_hash_table_size (found), ==, g_hash_table_size (expected));
}

static void
test_sheet_qr_codes (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(EdProcedure) procedure = ed_test_load_procedure ("jp-entry-waiting-mysos");
  g_autoptr(GHashTable) mysos = expected_codes (procedure);

  g_assert_true (g_hash_table_contains (mysos, MYSOS_URL));
  check_codes (f, "jp-entry-waiting-mysos", "zh_CN,ja");
  check_codes (f, "jp-mynumber-insurance-card", "en");
}

/* The references @links make to QR codes shown before: the step for
 * each link whose code an earlier step (or the same one) showed; @first
 * maps the URLs shown so far to their step. */
static void
expect_references (GPtrArray  *links,
                   int         step,
                   GHashTable *first,
                   GString    *expected)
{
  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      const EdLink *link = g_ptr_array_index (links, i);
      gpointer shown;

      if (!link->qr)
        continue;
      if (g_hash_table_lookup_extended (first, link->url, NULL, &shown))
        g_string_append_printf (expected, " %d", GPOINTER_TO_INT (shown));
      else
        g_hash_table_insert (first, link->url, GINT_TO_POINTER (step));
    }
}

/* A QR code is shown once, in the first step that gives its link; a
 * later step, and the contacts at the back, name that step instead. The
 * sheet's parts are built on two threads at once: each still knows what
 * the steps before it showed. MySOS gives its app's link in steps 2, 3
 * and 11. */
static void
test_sheet_qr_steps (Fixture       *f,
                     gconstpointer  data)
{
  static const char said[] = "TheQRcodeforitisinstep";
  g_autoptr(EdProcedure) procedure = ed_test_load_procedure ("jp-entry-waiting-mysos");
  g_autoptr(GHashTable) first = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GString) found = g_string_new (NULL);
  GPtrArray *steps = ed_procedure_get_steps (procedure);
  GPtrArray *contacts = ed_procedure_get_contacts (procedure);
  g_autofree char *path = run_sheet (f, "jp-entry-waiting-mysos", "en", "a4", NULL);
  g_autofree char *text = ed_test_pdf_text (path, 0);

  for (guint s = 0; s < steps->len; s++)
    {
      const EdStep *step = g_ptr_array_index (steps, s);

      for (guint a = 0; step->alternatives != NULL && a < step->alternatives->len; a++)
        expect_references (((EdAlternative *) g_ptr_array_index (step->alternatives, a))->links,
                           (int) s + 1, first, expected);
      expect_references (step->links, (int) s + 1, first, expected);
    }
  for (guint c = 0; contacts != NULL && c < contacts->len; c++)
    {
      const EdContact *contact = g_ptr_array_index (contacts, c);
      gpointer shown;

      if (contact->qr && contact->url != NULL &&
          g_hash_table_lookup_extended (first, contact->url, NULL, &shown))
        g_string_append_printf (expected, " %d", GPOINTER_TO_INT (shown));
    }
  g_assert_cmpstr (expected->str, ==, " 2 2 11 17");

  /* In the order the sheet prints them. */
  for (const char *at = strstr (text, said); at != NULL; at = strstr (at + 1, said))
    g_string_append_printf (found, " %d", atoi (at + strlen (said)));
  g_assert_cmpstr (found->str, ==, expected->str);
}

/* An ended procedure says so on every page; a current one nowhere. */
static void
test_sheet_ended_banner (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *ended = run_sheet (f, "jp-entry-waiting-mysos", "en,ja", "letter", NULL);
  g_autofree char *current = run_sheet (f, "jp-mynumber-insurance-card", "en,ja", "letter", NULL);
  g_autofree char *text = NULL;
  guint n = ed_test_pdf_pages (ended);

  g_assert_cmpuint (n, >, 5);
  for (guint p = 1; p <= n; p++)
    {
      g_autofree char *page = ed_test_pdf_text (ended, (int) p);

      g_assert_nonnull (strstr (page, "Endedon2022-10-11:thisprocedurenolongerapplies."));
      g_assert_nonnull (strstr (page, "2022-10-11に終了"));
    }

  text = ed_test_pdf_text (current, 0);
  g_assert_null (strstr (text, "Ended"));
  g_assert_nonnull (strstr (text, "Inforcesince2024-12-02"));
}

/* Nothing is printed where a printer cannot reach: every word lies at
 * least 10 mm from each edge, on A4 and on Letter. */
static void
check_fits (const char *path)
{
  const char *argv[] = { "pdftotext", "-bbox", path, "-", NULL };
  g_autofree char *html = ed_test_run_tool (argv, NULL);
  double margin = 10.0 * 72.0 / 25.4;
  double width, height;
  guint words = 0;
  const char *p;

  p = strstr (html, "<page width=\"");
  g_assert_nonnull (p);
  g_assert_cmpint (sscanf (p, "<page width=\"%lf\" height=\"%lf\"", &width, &height), ==, 2);

  for (p = html; (p = strstr (p, "<word xMin=\"")) != NULL; p++)
    {
      double x0, y0, x1, y1;

      g_assert_cmpint (sscanf (p, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"",
                               &x0, &y0, &x1, &y1), ==, 4);
      if (x0 < margin || y0 < margin || x1 > width - margin || y1 > height - margin)
        {
          g_autofree char *word = g_strndup (strchr (p, '>') + 1,
                                             strcspn (strchr (p, '>') + 1, "<"));

          g_error ("%s: “%s” at (%.1f, %.1f)–(%.1f, %.1f) is within 10 mm of the edge of a "
                   "%.0f×%.0f page", path, word, x0, y0, x1, y1, width, height);
        }
      words++;
    }
  g_assert_cmpuint (words, >, 100);
}

static void
test_sheet_paper (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *traveller = ed_test_data_path ("sheet", "wang.json", NULL);
  g_autofree char *a4 = run_sheet (f, "jp-entry-waiting-mysos", "en,ja,zh_CN", "a4", traveller);
  g_autofree char *letter = run_sheet (f, "jp-entry-waiting-mysos", "en,ja,zh_CN", "letter",
                                       traveller);
  g_autofree char *letter_ja = run_sheet (f, "jp-my-her-sys", "ja", "letter", NULL);
  const char *info_a4[] = { "pdfinfo", a4, NULL };
  const char *info_letter[] = { "pdfinfo", letter, NULL };
  g_autofree char *out_a4 = ed_test_run_tool (info_a4, NULL);
  g_autofree char *out_letter = ed_test_run_tool (info_letter, NULL);

  g_assert_nonnull (strstr (out_a4, "(A4)"));
  g_assert_nonnull (strstr (out_letter, "(letter)"));
  check_fits (a4);
  check_fits (letter);
  check_fits (letter_ja);
}

/* The traveller's answers and computed dates are printed; a blank sheet
 * has none of them. */
static void
test_sheet_traveller (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *traveller = ed_test_data_path ("sheet", "wang.json", NULL);
  g_autofree char *filled = run_sheet (f, "jp-entry-waiting-mysos", "zh_CN,ja", "a4", traveller);
  g_autofree char *blank = run_sheet (f, "jp-entry-waiting-mysos", "zh_CN,ja", "a4", NULL);
  g_autofree char *text = ed_test_pdf_text (filled, 0);
  g_autofree char *cover = ed_test_pdf_text (filled, 1);
  g_autofree char *first = ed_test_pdf_text (filled, 2);
  g_autofree char *blank_text = ed_test_pdf_text (blank, 0);

  /* The one-page summary says whom it is for and the last day of the
   * 14 days; the detailed sheet follows from the second page. */
  g_assert_nonnull (strstr (cover, "WANGXIAOMING"));
  g_assert_nonnull (strstr (cover, "2022-01-15"));
  g_assert_nonnull (strstr (first, "WANGXIAOMING"));
  g_assert_nonnull (strstr (first, "王小明"));
  g_assert_nonnull (strstr (first, "E12345678"));
  /* Arrival 2022-01-01, day 0: the 14 days end on 2022-01-15 (on the
   * second page since the status note tells the whole chronology). */
  g_assert_nonnull (strstr (text, "2022-01-15"));
  g_assert_nonnull (strstr (text, "1990-05-17"));
  g_assert_nonnull (strstr (text, "東京都港区芝公園4-2-8"));

  g_assert_null (strstr (blank_text, "WANG"));
  g_assert_null (strstr (blank_text, "E12345678"));
  g_assert_null (strstr (blank_text, "2022-01-15"));
  g_assert_cmpuint (ed_test_pdf_pages (filled), ==, ed_test_pdf_pages (blank));
}

/* Writes @id's sheet for Wang with the test office's letterhead and
 * logo, or only its summary page. */
static char *
run_office_sheet (Fixture    *f,
                  const char *id,
                  const char *languages,
                  gboolean    summary_only,
                  const char *name)
{
  g_autofree char *traveller = ed_test_data_path ("sheet", "wang.json", NULL);
  g_autofree char *office = ed_test_data_path ("sheet", "office.json", NULL);
  char *path = g_build_filename (f->dir, name, NULL);
  const char *env[] = { f->env_home, f->env_epoch, NULL };
  const char *args[] = { "sheet", id, "--lang", languages, "--traveller", traveller,
                         "--office", office, "-o", path,
                         summary_only ? "--summary-only" : NULL, NULL };
  g_autofree char *err = NULL;

  g_assert_cmpint (ed_test_run_cli (env, args, NULL, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  return path;
}

/* The first page is the summary: the firm's letterhead, whom it is for,
 * every step with its deadline, the codes that matter; the firm and the
 * print date are in every footer. */
static void
test_sheet_summary (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = run_office_sheet (f, "jp-entry-waiting-mysos", "zh_CN,ja", FALSE,
                                            "mysos.pdf");
  g_autofree char *only = run_office_sheet (f, "jp-entry-waiting-mysos", "zh_CN,ja", TRUE,
                                            "only.pdf");
  g_autofree char *cover = ed_test_pdf_text (path, 1);
  g_autofree char *only_text = ed_test_pdf_text (only, 0);
  g_autoptr(EdProcedure) procedure = ed_test_load_procedure ("jp-entry-waiting-mysos");
  g_autoptr(GHashTable) codes = ed_test_pdf_qr_codes (only);
  GPtrArray *steps = ed_procedure_get_steps (procedure);
  guint pages = ed_test_pdf_pages (path);

  g_assert_nonnull (strstr (cover, "SakuraImmigrationLawOffice"));
  g_assert_nonnull (strstr (cover, "03-5555-0142"));
  g_assert_nonnull (strstr (cover, "desk@sakura-law.example"));
  g_assert_nonnull (strstr (cover, "您的联系人：MeiLin"));
  g_assert_nonnull (strstr (cover, "要做的事和期限"));
  g_assert_nonnull (strstr (cover, "WANGXIAOMING"));
  g_assert_nonnull (strstr (cover, "2022-01-15"));
  /* Every step's title, in both languages. */
  for (guint s = 0; s < steps->len; s++)
    {
      const EdStep *step = g_ptr_array_index (steps, s);
      g_autofree char *zh = ed_test_flatten (ed_text_lookup (step->title, ED_LANGUAGE_ZH_CN));
      g_autofree char *ja = ed_test_flatten (ed_text_lookup (step->title, ED_LANGUAGE_JA));

      g_assert_nonnull (strstr (only_text, zh));
      g_assert_nonnull (strstr (only_text, ja));
    }
  /* The official MySOS link is among the cover's codes. */
  g_assert_true (g_hash_table_contains (codes, MYSOS_URL));

  /* Its codes open their page in a PDF reader; the outline names the
   * traveller, the summary and each step. */
  {
    const char *urls[] = { "pdfinfo", "-url", path, NULL };
    const char *outline[] = { "pdftohtml", "-xml", "-i", "-stdout", "-f", "1", "-l", "1", path,
                              NULL };
    g_autofree char *url_list = ed_test_run_tool (urls, NULL);
    g_autofree char *xml = ed_test_run_tool (outline, NULL);
    g_autofree char *link = g_strdup_printf ("   1  Annotation    %s\n", MYSOS_URL);
    const EdStep *first = g_ptr_array_index (steps, 0);
    const EdStep *last = g_ptr_array_index (steps, steps->len - 1);
    g_autofree char *first_mark = g_strdup_printf (">1. %s</item>",
                                                   ed_text_get (first->title, ED_LANGUAGE_ZH_CN));
    g_autofree char *last_mark = g_strdup_printf (">%u. %s</item>", steps->len,
                                                  ed_text_get (last->title, ED_LANGUAGE_ZH_CN));

    g_assert_nonnull (strstr (url_list, link));
    g_assert_nonnull (strstr (xml, "<item page=\"1\">WANG XIAOMING</item>"));
    g_assert_nonnull (strstr (xml, "<item page=\"1\">摘要：要做什么，何时之前</item>"));
    g_assert_nonnull (strstr (xml, first_mark));
    g_assert_nonnull (strstr (xml, last_mark));
  }

  g_assert_cmpuint (ed_test_pdf_pages (only), ==, 1);
  g_assert_nonnull (strstr (only_text, "SakuraImmigrationLawOffice"));
  g_assert_nonnull (strstr (only_text, "2022-01-15"));
  for (guint page = 1; page <= pages; page++)
    {
      g_autofree char *text = ed_test_pdf_text (path, (int) page);

      g_test_message ("page %u", page);
      g_assert_nonnull (strstr (text, "SakuraImmigrationLawOffice·2023-11-14打印·MeiLin"));
    }
}

/* Without an office file nothing of a letterhead is printed; a wrong one
 * is refused before anything is written. */
static void
test_sheet_office_errors (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *plain = run_sheet (f, "jp-my-her-sys", "ja,zh_CN", "a4", NULL);
  g_autofree char *text = ed_test_pdf_text (plain, 0);
  g_autofree char *out = g_build_filename (f->dir, "out.pdf", NULL);
  g_autofree char *office = g_build_filename (f->dir, "office.json", NULL);
  const char *env[] = { f->env_home, NULL };
  const char *args[] = { "sheet", "jp-my-her-sys", "--office", office, "-o", out, NULL };
  static const struct { const char *json; const char *says; } wrong[] = {
    { "{\"address\": \"Tokyo\"}", "“name”" },
    { "{\"name\": \"A\", \"fax\": \"1\"}", "“fax”" },
    { "{\"name\": \"A\", \"logo\": \"nothing.svg\"}", "nothing.svg" },
    { "{\"name\": 3}", "“name”" },
    { "[]", "JSON object" },
  };

  g_assert_null (strstr (text, "担当："));
  g_assert_null (strstr (text, "您的联系人"));
  g_assert_null (strstr (text, "ご質問は当事務所へ"));

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autofree char *err = NULL;

      g_assert_true (g_file_set_contents (office, wrong[i].json, -1, NULL));
      g_assert_cmpint (ed_test_run_cli (env, args, NULL, &err), ==, 1);
      g_assert_nonnull (strstr (err, wrong[i].says));
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
}

/* Traditional Chinese where the procedure is written in it. */
static void
test_sheet_zh_tw (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(EdProcedure) procedure = ed_test_load_procedure ("jp-my-her-sys");
  g_autofree char *path = run_sheet (f, "jp-my-her-sys", "zh_TW,ja", "a4", NULL);
  g_autofree char *text = ed_test_pdf_text (path, 0);
  g_autofree char *title = ed_test_flatten (ed_text_get (ed_procedure_get_title (procedure),
                                                         ED_LANGUAGE_ZH_TW));
  g_autofree char *out = g_build_filename (f->dir, "out.pdf", NULL);
  const char *env[] = { f->env_home, NULL };
  const char *mysos[] = { "sheet", "jp-entry-waiting-mysos", "--lang", "zh_TW", "-o", out, NULL };
  g_autofree char *err = NULL;

  g_assert_nonnull (strstr (text, title));
  g_assert_nonnull (strstr (text, "繁體中文"));
  /* The sheet's own words from the zh_TW catalogue, not Simplified ones. */
  g_assert_nonnull (strstr (text, "列印日期"));
  g_assert_nonnull (strstr (text, "聯絡方式"));
  g_assert_null (strstr (text, "联系方式"));

  g_assert_cmpint (ed_test_run_cli (env, mysos, NULL, &err), !=, 0);
  g_assert_nonnull (strstr (err, "zh_TW"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* Files @a and @b hold the same bytes. */
static void
assert_same_bytes (const char *a,
                   const char *b)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_length, second_length;

  g_assert_true (g_file_get_contents (a, &first, &first_length, NULL));
  g_assert_true (g_file_get_contents (b, &second, &second_length, NULL));
  g_assert_cmpuint (first_length, ==, second_length);
  g_assert_true (memcmp (first, second, first_length) == 0);
}

/* Same input, same bytes, with SOURCE_DATE_EPOCH; mode 0600; the same
 * lines, print after print. */
static void
test_sheet_reproducible (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *traveller = ed_test_data_path ("sheet", "wang.json", NULL);
  g_autofree char *path = run_sheet (f, "jp-my-her-sys", "en,ja,zh_CN", "a4", traveller);
  g_autofree char *copy = g_strconcat (path, ".first", NULL);
  g_autofree char *again = NULL;
  GStatBuf st;

  g_assert_cmpint (g_rename (path, copy), ==, 0);
  again = run_sheet (f, "jp-my-her-sys", "en,ja,zh_CN", "a4", traveller);
  assert_same_bytes (copy, again);

  g_assert_cmpint (g_stat (again, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* A sheet whose lines Pango broke one way or another from one print to
   * the next, as its two threads measured their fonts at once (a third of
   * its prints; ed-sheet-text.c): three prints, the same bytes. */
  {
    g_autofree char *visa = run_sheet (f, "cn-visa-free-entry", "zh_CN,ja", "a4", traveller);
    g_autofree char *kept = g_strconcat (visa, ".first", NULL);

    g_assert_cmpint (g_rename (visa, kept), ==, 0);
    for (guint i = 0; i < 2; i++)
      {
        g_autofree char *reprint = run_sheet (f, "cn-visa-free-entry", "zh_CN,ja", "a4",
                                              traveller);

        assert_same_bytes (kept, reprint);
      }
  }
}

static void
test_sheet_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "out.pdf", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.json", NULL);
  const char *env[] = { f->env_home, NULL };
  const char *no_output[] = { "sheet", "jp-my-her-sys", NULL };
  const char *bad_lang[] = { "sheet", "jp-my-her-sys", "--lang", "fr", "-o", out, NULL };
  const char *four[] = { "sheet", "jp-my-her-sys", "--lang", "en,ja,zh_CN,zh_TW", "-o", out, NULL };
  const char *bad_paper[] = { "sheet", "jp-my-her-sys", "--paper", "a5", "-o", out, NULL };
  const char *unknown[] = { "sheet", "xx-nothing", "-o", out, NULL };
  const char *invalid[] = { "sheet", "jp-my-her-sys", "--traveller", bad, "-o", out, NULL };
  g_autofree char *err = NULL;

  g_assert_cmpint (ed_test_run_cli (env, no_output, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "-o"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ed_test_run_cli (env, bad_lang, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "“fr”"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ed_test_run_cli (env, four, NULL, NULL), ==, 2);
  g_assert_cmpint (ed_test_run_cli (env, bad_paper, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "a5"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ed_test_run_cli (env, unknown, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "xx-nothing"));
  g_clear_pointer (&err, g_free);

  /* A passport number no form would take is not printed for copying. */
  g_assert_true (g_file_set_contents (bad, "{\"surname\": \"WANG\", \"passport_number\": "
                                           "\"E1234567890123\"}",
                                      -1, NULL));
  g_assert_cmpint (ed_test_run_cli (env, invalid, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "passport_number"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* The sheet log of the stored case @reference, as "cases export"
 * writes it. */
static JsonArray *
export_sheets (Fixture    *f,
               const char *reference)
{
  g_autofree char *path = g_build_filename (f->dir, "exported.json", NULL);
  const char *env[] = { f->env_home, NULL };
  const char *args[] = { "cases", "export", reference, "-o", path, NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *exported;

  g_assert_cmpint (ed_test_run_cli (env, args, NULL, NULL), ==, 0);
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  exported = json_node_get_object (json_parser_get_root (parser));

  return json_array_ref (json_object_get_array_member (exported, "sheets"));
}

/* A sheet for a stored case goes into the case's log, as the app's do;
 * any other reference is only printed in the footer. */
/* A batch row that names a stored case puts a "batch" line into that
 * case's sheet log; the other rows log nothing. */
static void
test_batch_case_log (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *fixture = ed_test_data_path ("store", "case.json", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "cohort.csv", NULL);
  g_autofree char *out = g_build_filename (f->dir, "cohort.pdf", NULL);
  const char *env[] = { f->env_home, f->env_epoch, NULL };
  const char *import[] = { "cases", "import", fixture, NULL };
  const char *batch[] = { "batch", "jp-my-her-sys", "--csv", csv, "--lang", "ja",
                          "--merge", out, NULL };
  g_autoptr(JsonArray) sheets = NULL;
  g_autofree char *err = NULL;
  JsonObject *line;

  g_assert_cmpint (ed_test_run_cli (env, import, NULL, NULL), ==, 0);
  g_assert_true (g_file_set_contents (csv,
                                      "case_reference,surname,given_names,email,"
                                      "answers.smartphone-input-id\n"
                                      "ed-4f7h-2k,YAMADA,HANAKO,hanako@example.com,123456\n"
                                      ",SUZUKI,ICHIRO,ichiro@example.com,654321\n", -1, NULL));

  g_assert_cmpint (ed_test_run_cli (env, batch, NULL, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  sheets = export_sheets (f, "ED-4F7H-2K");
  g_assert_cmpuint (json_array_get_length (sheets), ==, 2);
  line = json_array_get_object_element (sheets, 1);
  g_assert_cmpstr (json_object_get_string_member (line, "kind"), ==, "batch");
  g_assert_cmpstr (json_object_get_string_member (line, "procedure"), ==, "jp-my-her-sys");
  g_assert_cmpstr (json_object_get_string_member (line, "user"), ==, g_get_user_name ());
}

/* A column of a private field (a password) is ignored with a warning:
 * the rows are printed without it, and the batch ends well. */
static void
test_batch_private_column (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "private.csv", NULL);
  g_autofree char *out = g_build_filename (f->dir, "private.pdf", NULL);
  g_autofree char *header = g_strconcat (csv, ": row 1, answers.password: warning: ", NULL);
  const char *env[] = { f->env_home, f->env_epoch, NULL };
  const char *batch[] = { "batch", "jp-my-her-sys", "--csv", csv, "--lang", "ja",
                          "--merge", out, NULL };
  g_autofree char *stdout_text = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  const char *line;

  g_assert_true (g_file_set_contents (csv,
                                      "surname,given_names,email,answers.smartphone-input-id,"
                                      "answers.password\n"
                                      "YAMADA,HANAKO,hanako@example.com,123456,Secret-123\n"
                                      "SUZUKI,ICHIRO,ichiro@example.com,654321,Hidden-456\n",
                                      -1, NULL));

  g_assert_cmpint (ed_test_run_cli (env, batch, &stdout_text, &err), ==, 0);
  line = strstr (err, header);
  g_assert_nonnull (line);
  g_assert_nonnull (strstr (line, "private"));
  g_assert_null (strstr (line + strlen (header), "answers.password"));
  g_assert_nonnull (strstr (stdout_text, "sheets written: 2, rows skipped: 0, "
                                         "required values missing: 0, other warnings: 1"));

  text = ed_test_pdf_text (out, 0);
  g_assert_nonnull (strstr (text, "YAMADAHANAKO"));
  g_assert_nonnull (strstr (text, "SUZUKIICHIRO"));
  g_assert_null (strstr (text, "Secret"));
  g_assert_null (strstr (text, "Hidden"));
}

static void
test_sheet_case_log (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(EdProcedure) procedure = ed_test_load_procedure ("jp-my-her-sys");
  g_autofree char *fixture = ed_test_data_path ("store", "case.json", NULL);
  g_autofree char *out = g_build_filename (f->dir, "case.pdf", NULL);
  g_autofree char *db = g_build_filename (f->dir, "entry-desk", "cases.db", NULL);
  const char *env[] = { f->env_home, f->env_epoch, NULL };
  const char *import[] = { "cases", "import", fixture, NULL };
  const char *stored[] = { "sheet", "jp-my-her-sys", "--case-reference", "ED-4F7H-2K",
                           "--lang", "zh_CN,ja", "--paper", "letter", "-o", out, NULL };
  const char *unknown[] = { "sheet", "jp-my-her-sys", "--case-reference", "ED-9999-99",
                            "-o", out, NULL };
  const char *firm[] = { "sheet", "jp-my-her-sys", "--case-reference", "ACME/2026/17",
                         "-o", out, NULL };
  g_autofree char *office = ed_test_data_path ("sheet", "office.json", NULL);
  const char *lettered[] = { "sheet", "jp-my-her-sys", "--case-reference", "ED-4F7H-2K",
                             "--office", office, "-o", out, NULL };
  g_autoptr(JsonArray) sheets = NULL;
  g_autofree char *err = NULL;
  JsonObject *line;
  JsonArray *languages;

  /* No store yet: the reference is only printed, and makes no store. */
  g_assert_cmpint (ed_test_run_cli (env, stored, NULL, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (ed_test_run_cli (env, import, NULL, NULL), ==, 0);
  sheets = export_sheets (f, "ED-4F7H-2K");
  g_assert_cmpuint (json_array_get_length (sheets), ==, 1);
  g_clear_pointer (&sheets, json_array_unref);

  /* One line more, saying what was printed. */
  g_assert_cmpint (ed_test_run_cli (env, stored, NULL, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
  sheets = export_sheets (f, "ED-4F7H-2K");
  g_assert_cmpuint (json_array_get_length (sheets), ==, 2);
  line = json_array_get_object_element (sheets, 1);
  g_assert_cmpstr (json_object_get_string_member (line, "kind"), ==, "pdf");
  g_assert_cmpstr (json_object_get_string_member (line, "procedure"), ==, "jp-my-her-sys");
  g_assert_cmpint (json_object_get_int_member (line, "procedure_version"), ==,
                   ed_procedure_get_version (procedure));
  g_assert_cmpstr (json_object_get_string_member (line, "paper"), ==, "letter");
  languages = json_object_get_array_member (line, "languages");
  g_assert_cmpuint (json_array_get_length (languages), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (languages, 0), ==, "zh_CN");
  g_assert_cmpstr (json_array_get_string_element (languages, 1), ==, "ja");
  /* Who printed it; no letterhead, no office. */
  g_assert_cmpstr (json_object_get_string_member (line, "user"), ==, g_get_user_name ());
  g_assert_false (json_object_has_member (line, "office"));
  g_clear_pointer (&sheets, json_array_unref);
  g_clear_pointer (&err, g_free);

  /* With the firm's letterhead: the office is in the line. */
  g_assert_cmpint (ed_test_run_cli (env, lettered, NULL, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  sheets = export_sheets (f, "ED-4F7H-2K");
  g_assert_cmpuint (json_array_get_length (sheets), ==, 3);
  line = json_array_get_object_element (sheets, 2);
  g_assert_cmpstr (json_object_get_string_member (line, "kind"), ==, "pdf");
  g_assert_cmpstr (json_object_get_string_member (line, "user"), ==, g_get_user_name ());
  g_assert_cmpstr (json_object_get_string_member (line, "office"), ==,
                   "Sakura Immigration Law Office");
  g_clear_pointer (&sheets, json_array_unref);
  g_clear_pointer (&err, g_free);

  /* A reference the store does not hold, or not one of ours: printed,
   * nothing logged. */
  g_assert_cmpint (ed_test_run_cli (env, unknown, NULL, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ed_test_run_cli (env, firm, NULL, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  sheets = export_sheets (f, "ED-4F7H-2K");
  g_assert_cmpuint (json_array_get_length (sheets), ==, 3);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Bad rows are reported with their number and reason and skipped; the
 * good rows are printed; the exit status says some rows were bad. */
static void
test_batch_broken (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *csv = ed_test_data_path ("sheet", "broken.csv", NULL);
  g_autofree char *merged = g_build_filename (f->dir, "merged.pdf", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "sheets", NULL);
  g_autofree char *one = run_sheet (f, "jp-mynumber-insurance-card", "ja", "a4", NULL);
  const char *env[] = { f->env_home, f->env_epoch, NULL };
  const char *args_merge[] = { "batch", "jp-mynumber-insurance-card", "--csv", csv,
                               "--merge", merged, "--lang", "ja", NULL };
  const char *args_folder[] = { "batch", "jp-mynumber-insurance-card", "--csv", csv, "-o", folder,
                                "--lang", "ja", NULL };
  g_autofree char *out = NULL;
  static const char * const reports[] = {
    "row 3, birth_date: “1990-02-30” is not a date",
    "row 4, remarks: ",
    "row 5: a quoted field is not closed",
    "row 6: the row has 5 fields but the header has 7",
  };
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_cmpint (ed_test_run_cli (env, args_merge, &out, &err), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    g_assert_nonnull (strstr (err, reports[i]));
  /* Rows 3 to 6 left out; the header's unknown column is no row. */
  g_assert_nonnull (strstr (out, "sheets written: 2, rows skipped: 4, "));
  /* Not a terminal: no progress. */
  g_assert_null (strstr (err, "Rendering"));

  g_assert_cmpuint (ed_test_pdf_pages (merged), ==, 2 * ed_test_pdf_pages (one));
  text = ed_test_pdf_text (merged, 0);
  g_assert_nonnull (strstr (text, "WANGXIAOMING"));
  g_assert_nonnull (strstr (text, "TANAKAHANAKO"));
  g_assert_nonnull (strstr (text, "田中\"花子\""));
  g_assert_null (strstr (text, "LIWEI"));
  g_assert_null (strstr (text, "ZHANG"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (ed_test_run_cli (env, args_folder, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, reports[0]));
  dir = g_dir_open (folder, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (files, g_strdup (name));
  g_ptr_array_sort (files, compare_names);
  g_assert_cmpuint (files->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (files, 0), ==, "2-WANG-XIAOMING.pdf");
  g_assert_cmpstr (g_ptr_array_index (files, 1), ==, "7-TANAKA-HANAKO.pdf");

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (files, i), NULL);
      GStatBuf st;

      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      g_assert_cmpuint (ed_test_pdf_pages (path), ==, ed_test_pdf_pages (one));
    }
}

/* What a batch forgives, and says: full-width digits in a date, a
 * passport number with a hyphen, a column of another procedure's
 * answers (said once), a required value left empty (printed as
 * missing). Every row is printed; the exit status is 0. */
typedef struct
{
  const char *language;
  const char *locale;
  const char *header;        /* after the file name: where each warning is */
  const char *row2;
  const char *row3;
  const char *ignored;       /* the column warning */
  const char *passport;      /* the passport warning */
  const char *empty;         /* the missing value's warning */
  const char *summary;
  const char *mark;          /* on the sheet */
} Forgiven;

static const Forgiven forgiven[] = {
  { "en", "C.UTF-8", ": row 1, answers.move-in-date: warning: ",
    ": row 2, passport_number: warning: ", ": row 3, passport_number: warning: ",
    "not for “jp-entry-waiting-mysos”: it is ignored",
    "“E1234-567” is printed as “E1234567”: check it against the passport",
    "required, but empty: the sheet marks it as missing",
    "sheets written: 2, rows skipped: 0, required values missing: 1, other warnings: 2",
    "Missing" },
  { "ja", "ja_JP.UTF-8", ": 1 行目、answers.move-in-date: 警告: ",
    ": 2 行目、passport_number: 警告: ", ": 3 行目、passport_number: 警告: ",
    "「jp-entry-waiting-mysos」のものではありません",
    "「E1234-567」は「E1234567」として印刷します", "必須ですが空です",
    "作成したシート: 2、スキップした行: 0、未入力の必須項目: 1、その他の警告: 2", "未記入" },
  { "zh_CN", "zh_CN.UTF-8", ": 第 1 行，answers.move-in-date：警告：",
    ": 第 2 行，passport_number：警告：", ": 第 3 行，passport_number：警告：",
    "不是“jp-entry-waiting-mysos”的", "“E1234-567”按“E1234567”打印", "必填但为空",
    "已生成的核对表：2，跳过的行：0，缺少的必填项：1，其他警告：2", "未填写" },
};

static void
test_batch_forgiving (Fixture       *f,
                      gconstpointer  data)
{
  const Forgiven *expect = data;
  g_autofree char *csv = g_build_filename (f->dir, "forgiving.csv", NULL);
  g_autofree char *merged = g_build_filename (f->dir, "forgiving.pdf", NULL);
  g_autofree char *env_language = g_strconcat ("LANGUAGE=", expect->language, NULL);
  g_autofree char *env_locale = g_strconcat ("LC_ALL=", expect->locale, NULL);
  const char *env[] = { f->env_home, f->env_epoch, env_language, env_locale, NULL };
  const char *args[] = { "batch", "jp-entry-waiting-mysos", "--csv", csv, "--merge", merged,
                         "--lang", expect->language, NULL };
  g_autofree char *header = g_strconcat (csv, expect->header, NULL);
  g_autofree char *row2 = g_strconcat (csv, expect->row2, NULL);
  g_autofree char *row3 = g_strconcat (csv, expect->row3, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  guint n_marked = 0;
  guint n_pages;
  const char *line;

  g_assert_true (g_file_set_contents (csv,
                                      "surname,given_names,birth_date,passport_number,"
                                      "address_local,arrival_date,answers.move-in-date\n"
                                      "WANG,XIAOMING,１９９０-０５-１７,E1234-567,"
                                      "\"1-1 Chiyoda, Tokyo\",2022-01-01,2022-01-05\n"
                                      "LI,WEI,1991-02-03,,\"2-2 Kita, Osaka\",2022-01-02,"
                                      "2022-01-06\n", -1, NULL));

  g_assert_cmpint (ed_test_run_cli (env, args, &out, &err), ==, 0);

  /* Each said once, where it is. */
  line = strstr (err, header);
  g_assert_nonnull (line);
  g_assert_null (strstr (line + strlen (header), "answers.move-in-date"));
  g_assert_nonnull (strstr (line, expect->ignored));
  line = strstr (err, row2);
  g_assert_nonnull (line);
  g_assert_nonnull (strstr (line, expect->passport));
  line = strstr (err, row3);
  g_assert_nonnull (line);
  g_assert_nonnull (strstr (line, expect->empty));
  g_assert_null (strstr (err, "birth_date"));
  g_assert_nonnull (strstr (out, expect->summary));

  /* Both rows printed: the date and the passport number as the official
   * form wants them, and the empty one marked. */
  text = ed_test_pdf_text (merged, 0);
  g_assert_nonnull (strstr (text, "WANGXIAOMING"));
  g_assert_nonnull (strstr (text, "LIWEI"));
  g_assert_nonnull (strstr (text, "1990-05-17"));
  g_assert_nonnull (strstr (text, "E1234567"));
  g_assert_null (strstr (text, "E1234-567"));
  g_assert_nonnull (strstr (text, expect->mark));

  /* On the sheet of the row that lacks it (in the traveller box and
   * beside the field), not on the other's. */
  n_pages = ed_test_pdf_pages (merged);
  g_assert_cmpuint (n_pages % 2, ==, 0);
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *own = ed_test_pdf_text (merged, page);

      if (page <= n_pages / 2)
        g_assert_null (strstr (own, expect->mark));
      else if (strstr (own, expect->mark) != NULL)
        n_marked++;
    }
  g_assert_cmpuint (n_marked, ==, 2);
}

static void
test_batch_usage (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "empty.csv", NULL);
  g_autofree char *merged = g_build_filename (f->dir, "merged.pdf", NULL);
  const char *env[] = { f->env_home, NULL };
  const char *both[] = { "batch", "jp-my-her-sys", "--csv", csv, "-o", f->dir, "--merge",
                         merged, NULL };
  const char *neither[] = { "batch", "jp-my-her-sys", "--csv", csv, NULL };
  const char *no_csv[] = { "batch", "jp-my-her-sys", "--merge", merged, NULL };
  const char *empty[] = { "batch", "jp-my-her-sys", "--csv", csv, "--merge", merged, NULL };
  const char *help[] = { "batch", "--help", NULL };
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;

  g_assert_cmpint (ed_test_run_cli (env, both, NULL, NULL), ==, 2);
  g_assert_cmpint (ed_test_run_cli (env, neither, NULL, NULL), ==, 2);
  g_assert_cmpint (ed_test_run_cli (env, no_csv, NULL, NULL), ==, 2);

  g_assert_true (g_file_set_contents (csv, "surname,given_names\n", -1, NULL));
  g_assert_cmpint (ed_test_run_cli (env, empty, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "no traveller"));
  g_assert_false (g_file_test (merged, G_FILE_TEST_EXISTS));

  g_assert_cmpint (ed_test_run_cli (env, help, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "exit status is then 1"));
  g_assert_nonnull (strstr (out, "answers.FIELD"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/sheet/languages", test_sheet_languages);
  ADD ("/cli/sheet/fonts", test_sheet_fonts);
  ADD ("/cli/sheet/qr-codes", test_sheet_qr_codes);
  ADD ("/cli/sheet/qr-steps", test_sheet_qr_steps);
  ADD ("/cli/sheet/ended-banner", test_sheet_ended_banner);
  ADD ("/cli/sheet/paper", test_sheet_paper);
  ADD ("/cli/sheet/traveller", test_sheet_traveller);
  ADD ("/cli/sheet/summary", test_sheet_summary);
  ADD ("/cli/sheet/office-errors", test_sheet_office_errors);
  ADD ("/cli/sheet/zh-tw", test_sheet_zh_tw);
  ADD ("/cli/sheet/reproducible", test_sheet_reproducible);
  ADD ("/cli/sheet/errors", test_sheet_errors);
  ADD ("/cli/sheet/case-log", test_sheet_case_log);
  ADD ("/cli/batch/case-log", test_batch_case_log);
  ADD ("/cli/batch/broken", test_batch_broken);
  ADD ("/cli/batch/private-column", test_batch_private_column);
  for (guint i = 0; i < G_N_ELEMENTS (forgiven); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/batch/forgiving/%s", forgiven[i].language);

      g_test_add (path, Fixture, &forgiven[i], fixture_set_up, test_batch_forgiving,
                  fixture_tear_down);
    }
  ADD ("/cli/batch/usage", test_batch_usage);

  return g_test_run ();
}
