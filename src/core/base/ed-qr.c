/* ed-qr.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <qrencode.h>

#include "ed-error.h"
#include "ed-qr.h"

/* Up to this version (41 modules), a code 2 cm wide still has modules of
 * half a millimetre, which any phone reads; then Q's extra error
 * correction is worth having. Longer texts use M. */
#define ED_QR_MAX_VERSION_FOR_Q 6

struct _EdQr
{
  GObject    parent_instance;

  char      *text;
  QRcode    *code;
  EdQrLevel  level;
};

G_DEFINE_FINAL_TYPE (EdQr, ed_qr, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ed_qr_finalize (GObject *object)
{
  EdQr *self = ED_QR (object);

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->code, QRcode_free);

  G_OBJECT_CLASS (ed_qr_parent_class)->finalize (object);
}

static void
ed_qr_get_property (GObject    *object,
                    guint       prop_id,
                    GValue     *value,
                    GParamSpec *pspec)
{
  EdQr *self = ED_QR (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_qr_class_init (EdQrClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ed_qr_finalize;
  object_class->get_property = ed_qr_get_property;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ed_qr_init (EdQr *self)
{
}

EdQr *
ed_qr_new (void)
{
  return g_object_new (ED_TYPE_QR, NULL);
}

/**
 * ed_qr_new_for_text:
 *
 * Returns: (transfer full): a code for @text, or %NULL with @error set
 *   when the text does not fit in a QR code.
 */
EdQr *
ed_qr_new_for_text (const char  *text,
                    GError     **error)
{
  g_autoptr(EdQr) self = ed_qr_new ();

  if (!ed_qr_set_text (self, text, error))
    return NULL;

  return g_steal_pointer (&self);
}

static QRcode *
encode (const char *text,
        QRecLevel   level)
{
  /* 8-bit mode keeps the bytes as they are: URLs are case-sensitive. */
  return QRcode_encodeData ((int) strlen (text), (const unsigned char *) text, 0, level);
}

/**
 * ed_qr_set_text:
 * @text: what the code holds, as UTF-8 bytes
 *
 * Encodes @text in 8-bit mode with error correction Q when the code
 * stays small, M otherwise.
 *
 * Returns: %FALSE with @error set when @text is empty or too long; the
 *   code is then unchanged.
 */
gboolean
ed_qr_set_text (EdQr        *self,
                const char  *text,
                GError     **error)
{
  QRcode *code;
  EdQrLevel level = ED_QR_LEVEL_Q;

  g_return_val_if_fail (ED_IS_QR (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (g_strcmp0 (text, self->text) == 0)
    return TRUE;

  if (*text == '\0')
    {
      g_set_error (error, ED_ERROR, ED_ERROR_INVALID, _("A QR code cannot be empty"));
      return FALSE;
    }

  code = encode (text, QR_ECLEVEL_Q);
  if (code == NULL || code->version > ED_QR_MAX_VERSION_FOR_Q)
    {
      g_clear_pointer (&code, QRcode_free);
      code = encode (text, QR_ECLEVEL_M);
      level = ED_QR_LEVEL_M;
    }

  if (code == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                   /* Translators: %s is the reason given by the system */
                   _("Cannot make a QR code of this text: %s"),
                   saved_errno == ERANGE ? _("it is too long") : g_strerror (saved_errno));
      return FALSE;
    }

  g_clear_pointer (&self->code, QRcode_free);
  self->code = code;
  self->level = level;
  g_free (self->text);
  self->text = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);

  return TRUE;
}

const char *
ed_qr_get_text (EdQr *self)
{
  g_return_val_if_fail (ED_IS_QR (self), NULL);
  return self->text;
}

/**
 * ed_qr_get_modules:
 *
 * Returns: the width of the symbol in modules, without the quiet zone;
 *   0 before a text is set.
 */
int
ed_qr_get_modules (EdQr *self)
{
  g_return_val_if_fail (ED_IS_QR (self), 0);
  return self->code != NULL ? self->code->width : 0;
}

int
ed_qr_get_version (EdQr *self)
{
  g_return_val_if_fail (ED_IS_QR (self), 0);
  return self->code != NULL ? self->code->version : 0;
}

EdQrLevel
ed_qr_get_level (EdQr *self)
{
  g_return_val_if_fail (ED_IS_QR (self), ED_QR_LEVEL_M);
  return self->level;
}

/**
 * ed_qr_module_is_dark:
 * @x: column, from 0 to ed_qr_get_modules() − 1
 * @y: row
 *
 * Returns: whether the module is dark; %FALSE outside the symbol
 */
gboolean
ed_qr_module_is_dark (EdQr *self,
                      int   x,
                      int   y)
{
  g_return_val_if_fail (ED_IS_QR (self), FALSE);

  if (self->code == NULL || x < 0 || y < 0 || x >= self->code->width || y >= self->code->width)
    return FALSE;

  return self->code->data[y * self->code->width + x] & 1;
}

/**
 * ed_qr_size_for_width:
 * @symbol_width: the width the symbol itself must have
 *
 * Returns: the size to pass to ed_qr_draw() so that the symbol, without
 *   its quiet zone, is @symbol_width wide.
 */
double
ed_qr_size_for_width (EdQr   *self,
                      double  symbol_width)
{
  int modules = ed_qr_get_modules (self);

  if (modules == 0)
    return symbol_width;

  return symbol_width * (modules + 2 * ED_QR_QUIET_ZONE) / modules;
}

typedef struct
{
  int x0, x1;     /* modules [x0, x1) */
  int y0;         /* first row of the rectangle */
} Run;

static void
add_rect (cairo_t *cr,
          double   x,
          double   y,
          double   module,
          const Run *run,
          int      y1)
{
  cairo_rectangle (cr, x + run->x0 * module, y + run->y0 * module,
                   (run->x1 - run->x0) * module, (y1 - run->y0) * module);
}

/**
 * ed_qr_draw:
 * @x: left edge of the quiet zone
 * @y: top edge of the quiet zone
 * @size: width and height, quiet zone included
 *
 * Draws the code in black on white, the quiet zone included, whatever
 * the source of @cr was. Dark modules are merged into rectangles (runs
 * along a row, then identical runs down the rows) so that a PDF holds a
 * few dozen rectangles rather than hundreds of squares.
 */
void
ed_qr_draw (EdQr    *self,
            cairo_t *cr,
            double   x,
            double   y,
            double   size)
{
  g_autoptr(GArray) open = NULL;
  g_autoptr(GArray) next = NULL;
  int width;
  double module;

  g_return_if_fail (ED_IS_QR (self));

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, size, size);
  cairo_fill (cr);

  if (self->code == NULL)
    {
      cairo_restore (cr);
      return;
    }

  width = self->code->width;
  module = size / (width + 2 * ED_QR_QUIET_ZONE);
  x += ED_QR_QUIET_ZONE * module;
  y += ED_QR_QUIET_ZONE * module;

  open = g_array_new (FALSE, FALSE, sizeof (Run));
  next = g_array_new (FALSE, FALSE, sizeof (Run));

  for (int row = 0; row <= width; row++)
    {
      const unsigned char *data = self->code->data + (gsize) row * width;
      guint o = 0;

      g_array_set_size (next, 0);

      /* Runs of this row; row == width closes every open rectangle. */
      for (int col = 0; row < width && col < width; )
        {
          Run run;

          if (!(data[col] & 1))
            {
              col++;
              continue;
            }

          run.x0 = col;
          while (col < width && (data[col] & 1))
            col++;
          run.x1 = col;
          run.y0 = row;

          /* Both lists are sorted by x0: continue an open rectangle with
           * exactly the same span, close those passed over. */
          while (o < open->len && g_array_index (open, Run, o).x0 < run.x0)
            add_rect (cr, x, y, module, &g_array_index (open, Run, o++), row);
          if (o < open->len &&
              g_array_index (open, Run, o).x0 == run.x0 &&
              g_array_index (open, Run, o).x1 == run.x1)
            run.y0 = g_array_index (open, Run, o++).y0;

          g_array_append_val (next, run);
        }

      while (o < open->len)
        add_rect (cr, x, y, module, &g_array_index (open, Run, o++), row);

      { GArray *tmp = open; open = next; next = tmp; }
    }

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_fill (cr);
  cairo_restore (cr);
}
