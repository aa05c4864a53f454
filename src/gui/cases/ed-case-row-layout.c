/* ed-case-row-layout.c — a case's row, side by side or stacked
 *
 * Wide, the row is three columns: the names and what the case is, the
 * state (progress and status, as wide in every row: a size group), the
 * menu button. Narrower than NARROW_WIDTH (a phone, a window at 360 px)
 * the state goes under the names, as wide as they are, so that the names
 * keep the room they need to be read; the menu button stays at the end.
 * libadwaita 1.2 has no breakpoints: the row measures and places its
 * three parts itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ed-case-row-private.h"

/* Between the columns, and between the names and the state stacked. */
#define SPACING        12
#define STACK_SPACING  6
/* From this width of the row on, the three parts are side by side. */
#define NARROW_WIDTH   480

struct _EdCaseRowLayout
{
  GtkLayoutManager parent_instance;
};

G_DEFINE_FINAL_TYPE (EdCaseRowLayout, ed_case_row_layout, GTK_TYPE_LAYOUT_MANAGER)

typedef struct
{
  GtkWidget *text;
  GtkWidget *state;
  GtkWidget *menu;
} Parts;

static void
get_parts (GtkWidget *widget,
           Parts     *parts)
{
  _ed_case_row_get_parts (ED_CASE_ROW (widget), &parts->text, &parts->state, &parts->menu);
}

static int
natural_width (GtkWidget *child)
{
  int natural = 0;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

static int
height_for (GtkWidget *child,
            int        width,
            int       *minimum)
{
  int natural = 0;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, minimum, &natural, NULL, NULL);
  return natural;
}

/* Whether a row @width wide shows its parts side by side; the width of
 * the names then. */
static gboolean
is_wide (Parts *parts,
         int    width,
         int   *text_width)
{
  int text_min = 0;

  gtk_widget_measure (parts->text, GTK_ORIENTATION_HORIZONTAL, -1, &text_min, NULL, NULL, NULL);
  *text_width = width - natural_width (parts->state) - natural_width (parts->menu) - 2 * SPACING;
  return width < 0 || (width >= NARROW_WIDTH && *text_width >= text_min);
}

static void
ed_case_row_layout_measure (GtkLayoutManager *manager,
                            GtkWidget        *widget,
                            GtkOrientation    orientation,
                            int               for_size,
                            int              *minimum,
                            int              *natural,
                            int              *minimum_baseline,
                            int              *natural_baseline)
{
  Parts parts;
  int text_width;

  get_parts (widget, &parts);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int text_min = 0, text_nat = 0, state_min = 0, state_nat = 0, menu_min = 0, menu_nat = 0;

      gtk_widget_measure (parts.text, orientation, -1, &text_min, &text_nat, NULL, NULL);
      gtk_widget_measure (parts.state, orientation, -1, &state_min, &state_nat, NULL, NULL);
      gtk_widget_measure (parts.menu, orientation, -1, &menu_min, &menu_nat, NULL, NULL);
      /* At the least stacked; at best side by side. */
      *minimum = MAX (text_min, state_min) + SPACING + menu_min;
      *natural = MAX (text_nat + SPACING + state_nat + SPACING + menu_nat, NARROW_WIDTH);
    }
  else if (is_wide (&parts, for_size, &text_width))
    {
      int text_min = 0, state_min = 0, menu_min = 0;
      int text_nat = height_for (parts.text, for_size < 0 ? -1 : text_width, &text_min);
      int state_nat = height_for (parts.state, -1, &state_min);
      int menu_nat = height_for (parts.menu, -1, &menu_min);

      *minimum = MAX (text_min, MAX (state_min, menu_min));
      *natural = MAX (text_nat, MAX (state_nat, menu_nat));
    }
  else
    {
      int column = MAX (for_size - natural_width (parts.menu) - SPACING, 0);
      int text_min = 0, state_min = 0, menu_min = 0;
      int text_nat = height_for (parts.text, column, &text_min);
      int state_nat = height_for (parts.state, column, &state_min);
      int menu_nat = height_for (parts.menu, -1, &menu_min);

      *minimum = MAX (text_min + STACK_SPACING + state_min, menu_min);
      *natural = MAX (text_nat + STACK_SPACING + state_nat, menu_nat);
    }

  *minimum_baseline = -1;
  *natural_baseline = -1;
}

/* @x from the start of the row, in either reading direction. */
static void
place (GtkWidget *widget,
       GtkWidget *child,
       int        row_width,
       int        x,
       int        y,
       int        width,
       int        height)
{
  GtkAllocation allocation = { x, y, width, height };

  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    allocation.x = row_width - x - width;
  gtk_widget_size_allocate (child, &allocation, -1);
}

static void
ed_case_row_layout_allocate (GtkLayoutManager *manager,
                             GtkWidget        *widget,
                             int               width,
                             int               height,
                             int               baseline)
{
  Parts parts;
  int menu_width, menu_height, text_width;

  get_parts (widget, &parts);
  menu_width = natural_width (parts.menu);
  menu_height = height_for (parts.menu, -1, NULL);
  place (widget, parts.menu, width, width - menu_width, (height - menu_height) / 2, menu_width,
         menu_height);

  if (is_wide (&parts, width, &text_width))
    {
      int state_width = natural_width (parts.state);
      int text_height = MIN (height_for (parts.text, text_width, NULL), height);
      int state_height = MIN (height_for (parts.state, state_width, NULL), height);

      place (widget, parts.text, width, 0, (height - text_height) / 2, text_width, text_height);
      place (widget, parts.state, width, text_width + SPACING, (height - state_height) / 2,
             state_width, state_height);
    }
  else
    {
      int column = MAX (width - menu_width - SPACING, 0);
      int text_height = height_for (parts.text, column, NULL);
      int state_height = height_for (parts.state, column, NULL);
      int top = MAX ((height - text_height - STACK_SPACING - state_height) / 2, 0);

      place (widget, parts.text, width, 0, top, column, text_height);
      place (widget, parts.state, width, 0, top + text_height + STACK_SPACING, column,
             state_height);
    }
}

static GtkSizeRequestMode
ed_case_row_layout_get_request_mode (GtkLayoutManager *manager,
                                     GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ed_case_row_layout_class_init (EdCaseRowLayoutClass *klass)
{
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  manager_class->get_request_mode = ed_case_row_layout_get_request_mode;
  manager_class->measure = ed_case_row_layout_measure;
  manager_class->allocate = ed_case_row_layout_allocate;
}

static void
ed_case_row_layout_init (EdCaseRowLayout *self)
{
}
