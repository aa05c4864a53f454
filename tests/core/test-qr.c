/* test-qr.c — QR codes: encoding, a white quiet zone, and reading them back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <cairo-svg.h>
#include <glib/gstdio.h>

#include "ed-core.h"
#include "ed-test-util.h"

#define MYSOS_URL "https://mysosp.page.link/sfY2kRrviv4t4eFy7"

/* Draws @qr on a black page, as a dark theme would, and reads it back
 * with zbarimg. */
static char *
draw_and_decode (EdQr   *qr,
                 double  size)
{
  g_autofree char *dir = ed_test_make_tmpdir ();
  g_autofree char *png = g_build_filename (dir, "qr.png", NULL);
  int side = (int) size + 40;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, side, side);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", png, NULL };
  int status;

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_paint (cr);
  ed_qr_draw (qr, cr, 20, 20, size);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  ed_test_rm_rf (dir);

  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_strchomp (out);
  return g_steal_pointer (&out);
}

static void
test_qr_mysos (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdQr) qr = ed_qr_new_for_text (MYSOS_URL, &error);
  g_autofree char *decoded = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (ed_qr_get_text (qr), ==, MYSOS_URL);
  /* A short URL gets the stronger error correction and stays small. */
  g_assert_cmpint (ed_qr_get_level (qr), ==, ED_QR_LEVEL_Q);
  g_assert_cmpint (ed_qr_get_version (qr), <=, 6);
  g_assert_cmpint (ed_qr_get_modules (qr), ==, 17 + 4 * ed_qr_get_version (qr));

  decoded = draw_and_decode (qr, ed_qr_size_for_width (qr, 4.0 * ed_qr_get_modules (qr)));
  g_assert_cmpstr (decoded, ==, MYSOS_URL);
}

/* A long text falls back to M rather than failing. */
static void
test_qr_long (void)
{
  g_autoptr(GString) text = g_string_new ("https://example.org/?q=");
  g_autoptr(EdQr) qr = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *decoded = NULL;

  while (text->len < 300)
    g_string_append (text, "entry-desk-");
  qr = ed_qr_new_for_text (text->str, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ed_qr_get_level (qr), ==, ED_QR_LEVEL_M);
  decoded = draw_and_decode (qr, 3.0 * ed_qr_size_for_width (qr, ed_qr_get_modules (qr)));
  g_assert_cmpstr (decoded, ==, text->str);
}

/* UTF-8 is kept byte for byte (8-bit mode). */
static void
test_qr_utf8 (void)
{
  const char *text = "氏名: 王小明\nパスポート番号: E12345678";
  g_autoptr(EdQr) qr = ed_qr_new_for_text (text, NULL);
  g_autofree char *decoded = NULL;

  g_assert_nonnull (qr);
  decoded = draw_and_decode (qr, ed_qr_size_for_width (qr, 4.0 * ed_qr_get_modules (qr)));
  g_assert_cmpstr (decoded, ==, text);
}

static void
test_qr_errors (void)
{
  g_autoptr(EdQr) qr = ed_qr_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *huge = g_strnfill (8000, 'x');

  g_assert_false (ed_qr_set_text (qr, "", &error));
  g_assert_error (error, ED_ERROR, ED_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (ed_qr_set_text (qr, huge, &error));
  g_assert_error (error, ED_ERROR, ED_ERROR_INVALID);
  g_assert_null (ed_qr_get_text (qr));
  g_assert_cmpint (ed_qr_get_modules (qr), ==, 0);
}

/* The quiet zone is white and 4 modules wide, whatever was under it, and
 * the symbol itself has the width asked for. */
static void
test_qr_quiet_zone (void)
{
  g_autoptr(EdQr) qr = ed_qr_new_for_text (MYSOS_URL, NULL);
  int modules = ed_qr_get_modules (qr);
  double size = ed_qr_size_for_width (qr, 2.0 * modules);
  int side = (int) size;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, side, side);
  cairo_t *cr = cairo_create (surface);
  guint32 *pixels;
  int stride;

  g_assert_cmpfloat_with_epsilon (size, 2.0 * (modules + 2 * ED_QR_QUIET_ZONE), 1e-9);

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_paint (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  ed_qr_draw (qr, cr, 0, 0, size);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  pixels = (guint32 *) cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;
  for (int y = 0; y < side; y++)
    for (int x = 0; x < side; x++)
      if (x < 2 * ED_QR_QUIET_ZONE || y < 2 * ED_QR_QUIET_ZONE ||
          x >= side - 2 * ED_QR_QUIET_ZONE || y >= side - 2 * ED_QR_QUIET_ZONE)
        g_assert_cmphex (pixels[y * stride + x] & 0xffffff, ==, 0xffffff);

  /* The finder pattern's corner module is dark. */
  g_assert_cmphex (pixels[(2 * ED_QR_QUIET_ZONE) * stride + 2 * ED_QR_QUIET_ZONE] & 0xffffff,
                   ==, 0);
  cairo_surface_destroy (surface);
}

/* Vector output: runs of dark modules become a few rectangles, not
 * one square a module. Counted in SVG, where each is a closed subpath. */
static cairo_status_t
append_svg (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
test_qr_rectangles (void)
{
  g_autoptr(EdQr) qr = ed_qr_new_for_text (MYSOS_URL, NULL);
  g_autoptr(GString) svg = g_string_new (NULL);
  cairo_surface_t *surface = cairo_svg_surface_create_for_stream (append_svg, svg, 100, 100);
  cairo_t *cr = cairo_create (surface);
  int modules = ed_qr_get_modules (qr);
  guint dark = 0, rectangles = 0;

  ed_qr_draw (qr, cr, 0, 0, 100);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  for (const char *p = svg->str; (p = strchr (p, 'Z')) != NULL; p++)
    rectangles++;
  /* The white quiet zone is one rectangle; the rest are dark runs. */
  g_assert_cmpuint (rectangles, >, 10);

  for (int y = 0; y < modules; y++)
    for (int x = 0; x < modules; x++)
      dark += ed_qr_module_is_dark (qr, x, y);
  g_assert_cmpuint (rectangles, <, dark / 2);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/qr/mysos", test_qr_mysos);
  g_test_add_func ("/qr/long", test_qr_long);
  g_test_add_func ("/qr/utf8", test_qr_utf8);
  g_test_add_func ("/qr/errors", test_qr_errors);
  g_test_add_func ("/qr/quiet-zone", test_qr_quiet_zone);
  g_test_add_func ("/qr/rectangles", test_qr_rectangles);

  return g_test_run ();
}
