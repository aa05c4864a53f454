/* ed-test-pdf.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ed-test-pdf.h"
#include "ed-test-util.h"

/**
 * ed_test_run_tool:
 * @exit_status: (out) (optional): 0 when the tool succeeded, else 1;
 *   without it, the tool must succeed
 *
 * Runs a tool of poppler-utils or zbar-tools.
 *
 * Returns: (transfer full): its standard output
 */
char *
ed_test_run_tool (const char * const *argv,
                  int                *exit_status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_find_program_in_path (argv[0]);
  char *out = NULL;
  int status;

  if (program == NULL)
    g_error ("%s is missing: install poppler-utils and zbar-tools (build-aux/deps does)", argv[0]);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  if (exit_status != NULL)
    *exit_status = g_spawn_check_wait_status (status, NULL) ? 0 : 1;
  else
    g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

/* @text without any white space: a title broken over two lines is
 * found whole. */
char *
ed_test_flatten (const char *text)
{
  GString *flat = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (flat, g_utf8_get_char (p));

  return g_string_free (flat, FALSE);
}

/* The flattened text of a PDF: all pages, or page @page (from 1). */
char *
ed_test_pdf_text (const char *path,
                  int         page)
{
  g_autofree char *first = g_strdup_printf ("%d", page > 0 ? page : 1);
  g_autofree char *last = g_strdup_printf ("%d", page > 0 ? page : 100000);
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", "-f", first, "-l", last,
                         path, "-", NULL };
  g_autofree char *text = ed_test_run_tool (argv, NULL);

  return ed_test_flatten (text);
}

guint
ed_test_pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = ed_test_run_tool (argv, NULL);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
}

/**
 * ed_test_pdf_qr_codes:
 *
 * Renders every page at 150 dpi, as a phone sees a printed page, and
 * decodes each QR code on it.
 *
 * Returns: (transfer full): a set of what the codes read, exactly
 */
GHashTable *
ed_test_pdf_qr_codes (const char *path)
{
  GHashTable *found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *dir = ed_test_make_tmpdir ();
  g_autofree char *prefix = g_build_filename (dir, "page", NULL);
  const char *render[] = { "pdftoppm", "-r", "150", "-png", path, prefix, NULL };
  g_autofree char *ignored = ed_test_run_tool (render, NULL);
  g_autoptr(GDir) pages = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (pages)) != NULL)
    {
      g_autofree char *png = g_build_filename (dir, name, NULL);
      const char *decode[] = { "zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable",
                               png, NULL };
      g_autofree char *out = NULL;
      g_auto(GStrv) codes = NULL;
      int status;

      /* zbarimg fails on a page without a code. */
      out = ed_test_run_tool (decode, &status);
      codes = g_strsplit (out, "\n", -1);
      for (guint i = 0; codes[i] != NULL; i++)
        if (*codes[i] != '\0')
          g_hash_table_add (found, g_strdup (codes[i]));
    }

  ed_test_rm_rf (dir);
  return found;
}
