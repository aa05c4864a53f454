/* test-sheet-office.c — the firm's letterhead: its file, its logo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "ed-core.h"
#include "ed-test-util.h"

/* The colour of the pixel at (x, y) of an image the logo was drawn on,
 * as 0xRRGGBB. */
static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guint8 *data;
  guint32 argb;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  argb = *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);
  return argb & 0xffffff;
}

static cairo_surface_t *
draw (EdSheetOffice *office,
      int            width,
      int            height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  ed_sheet_office_draw_logo (office, cr, 0, 0, width, height);
  cairo_destroy (cr);
  return surface;
}

/* The test office: every key, and its SVG logo drawn in its colours. */
static void
test_office_load (void)
{
  g_autofree char *path = ed_test_data_path ("sheet", "office.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdSheetOffice) office = ed_sheet_office_load (path, &error);
  cairo_surface_t *surface;
  double width, height;

  g_assert_no_error (error);
  g_assert_nonnull (office);
  g_assert_cmpstr (ed_sheet_office_get (office, "name"), ==, "Sakura Immigration Law Office");
  g_assert_cmpstr (ed_sheet_office_get (office, "phone"), ==, "03-5555-0142");
  g_assert_cmpstr (ed_sheet_office_get (office, "email"), ==, "desk@sakura-law.example");
  g_assert_cmpstr (ed_sheet_office_get (office, "handler"), ==, "Mei Lin");
  g_assert_nonnull (ed_sheet_office_get (office, "address"));
  /* The logo's path is the office file's folder's. */
  g_assert_true (g_str_has_suffix (ed_sheet_office_get (office, "logo"), "sheet/logo.svg"));
  g_assert_true (ed_sheet_office_has_logo (office));
  ed_sheet_office_get_logo_size (office, &width, &height);
  g_assert_cmpfloat (width, ==, 120);
  g_assert_cmpfloat (height, ==, 40);

  /* Drawn three times as large: the circle's rim is its colour, the
   * space right of the text stays white. */
  surface = draw (office, 360, 120);
  g_assert_cmphex (pixel (surface, 60, 20), ==, 0xc2185b);
  g_assert_cmphex (pixel (surface, 355, 5), ==, 0xffffff);
  cairo_surface_destroy (surface);
}

/* A PNG logo keeps its proportions in a box of other proportions. */
static void
test_office_png (void)
{
  g_autofree char *dir = ed_test_make_tmpdir ();
  g_autofree char *png = g_build_filename (dir, "logo.PNG", NULL);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 20, 10);
  cairo_t *cr = cairo_create (image);
  g_autoptr(EdSheetOffice) office = ed_sheet_office_new ("  A & B  ");
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  double width, height;

  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (image, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (image);

  g_assert_cmpstr (ed_sheet_office_get (office, "name"), ==, "A & B");
  ed_sheet_office_set (office, "phone", "   ");
  g_assert_null (ed_sheet_office_get (office, "phone"));
  g_assert_false (ed_sheet_office_has_logo (office));

  g_assert_true (ed_sheet_office_set_logo (office, png, &error));
  g_assert_no_error (error);
  ed_sheet_office_get_logo_size (office, &width, &height);
  g_assert_cmpfloat (width, ==, 20);
  g_assert_cmpfloat (height, ==, 10);

  /* In a 40 × 40 box: 40 × 20, centred up and down, at the left. */
  surface = draw (office, 40, 40);
  g_assert_cmphex (pixel (surface, 20, 20), ==, 0xff0000);
  g_assert_cmphex (pixel (surface, 20, 5), ==, 0xffffff);
  g_assert_cmphex (pixel (surface, 20, 35), ==, 0xffffff);
  cairo_surface_destroy (surface);

  /* None: nothing drawn. */
  g_assert_true (ed_sheet_office_set_logo (office, NULL, &error));
  g_assert_false (ed_sheet_office_has_logo (office));
  surface = draw (office, 40, 40);
  g_assert_cmphex (pixel (surface, 20, 20), ==, 0xffffff);
  cairo_surface_destroy (surface);

  ed_test_rm_rf (dir);
}

/* Every wrong office file is refused with a sentence that names what
 * is wrong; a logo that cannot be read leaves the old one. */
static void
test_office_errors (void)
{
  static const struct { const char *json; const char *says; } wrong[] = {
    { "{", NULL },
    { "[\"name\"]", "JSON object" },
    { "{\"address\": \"Tokyo\"}", "“name”" },
    { "{\"name\": \"   \"}", "“name”" },
    { "{\"name\": \"A\", \"fax\": \"1\"}", "“fax”" },
    { "{\"name\": [\"A\"]}", "“name”" },
    { "{\"name\": \"A\", \"logo\": \"none.svg\"}", "none.svg" },
    { "{\"name\": \"A\", \"logo\": \"text.svg\"}", "text.svg" },
    { "{\"name\": \"A\", \"logo\": \"text.png\"}", "text.png" },
    /* A logo that is no file: it would never end. */
    { "{\"name\": \"A\", \"logo\": \"/dev/zero\"}", "/dev/zero" },
    /* Hostile: a key twice, a second document, a control character. */
    { "{\"name\": \"A\",\n \"name\": \"B\"}", "given twice, on lines 1 and 2" },
    { "{\"name\": \"A\"} {\"name\": \"B\"}", "line 1" },
    { "{\"name\": \"A\", \"\\u001b[2J\": \"1\"}", "\\x1B[2J" },
  };
  g_autofree char *dir = ed_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "office.json", NULL);
  g_autofree char *text_svg = g_build_filename (dir, "text.svg", NULL);
  g_autofree char *text_png = g_build_filename (dir, "text.png", NULL);
  g_autofree char *logo = ed_test_data_path ("sheet", "logo.svg", NULL);
  g_autoptr(EdSheetOffice) office = ed_sheet_office_new ("A");
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (text_svg, "not an image", -1, NULL));
  g_assert_true (g_file_set_contents (text_png, "not an image", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autoptr(EdSheetOffice) loaded = NULL;

      g_test_message ("%s", wrong[i].json);
      g_assert_true (g_file_set_contents (path, wrong[i].json, -1, NULL));
      loaded = ed_sheet_office_load (path, &error);
      g_assert_null (loaded);
      g_assert_nonnull (error);
      g_assert_true (error->domain == ED_ERROR);
      if (wrong[i].says != NULL)
        g_assert_nonnull (strstr (error->message, wrong[i].says));
      g_clear_error (&error);
    }

  /* Nested too deep, or a value no sheet can print: refused, located. */
  {
    g_autofree char *deep = g_strnfill (1000, '[');
    g_autofree char *long_name = g_strnfill (301, 'A');
    g_autofree char *json = g_strdup_printf ("{\"name\": \"%s\"}", long_name);

    g_assert_true (g_file_set_contents (path, deep, -1, NULL));
    g_assert_null (ed_sheet_office_load (path, &error));
    g_assert_nonnull (strstr (error->message, "nested more than 64 deep"));
    g_clear_error (&error);

    g_assert_true (g_file_set_contents (path, json, -1, NULL));
    g_assert_null (ed_sheet_office_load (path, &error));
    g_assert_nonnull (strstr (error->message, "“name” is longer than 300 characters"));
    g_clear_error (&error);
  }

  /* No such file. */
  g_assert_null (ed_sheet_office_load (text_svg + 1, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_true (ed_sheet_office_set_logo (office, logo, &error));
  g_assert_false (ed_sheet_office_set_logo (office, text_png, &error));
  g_assert_error (error, ED_ERROR, ED_ERROR_INVALID);
  g_assert_true (ed_sheet_office_has_logo (office));
  g_assert_cmpstr (ed_sheet_office_get (office, "logo"), ==, logo);

  ed_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sheet-office/load", test_office_load);
  g_test_add_func ("/sheet-office/png", test_office_png);
  g_test_add_func ("/sheet-office/errors", test_office_errors);

  return g_test_run ();
}
