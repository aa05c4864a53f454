/* ed-sheet-private.h — how a sheet is built, inside the core
 *
 * A template is built in two passes. The builder turns the procedure
 * into blocks of rows (a step is a block; a row is its title, one
 * paragraph in every language side by side, a QR card, an answer …), each
 * row a list of drawing operations and of slots, positioned relative to
 * the row. The paginator then places the rows on pages. Slots are the
 * places for what differs between travellers — name, answers, computed
 * dates — and have a fixed size, so that every traveller's sheet has the
 * same pages and only the slots are shaped per traveller.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-qr.h"
#include "ed-sheet.h"
#include "ed-sheet-fonts.h"
#include "ed-sheet-text.h"

G_BEGIN_DECLS

/* Colours: a restrained palette that prints well in grey too. */
#define ED_SHEET_INK        0x1d1d1f
#define ED_SHEET_MUTED      0x5a5a62
#define ED_SHEET_FAINT      0x9a9aa2
#define ED_SHEET_ACCENT     0x1f3a5f
#define ED_SHEET_RULE       0xc8ccd2
#define ED_SHEET_TINT       0xf1f4f8
#define ED_SHEET_ENDED      0xa51d2d
#define ED_SHEET_WARNING    0x8a5a00
#define ED_SHEET_CURRENT    0x26734d
#define ED_SHEET_WHITE      0xffffff

/* The least size of anything a traveller must act on (warnings, notes,
 * contacts, how a date is counted); captions and labels may be smaller. */
#define ED_SHEET_MIN_ACTION_SIZE 8.0

/* Points per millimetre. */
#define ED_MM (72.0 / 25.4)

typedef struct
{
  double      page_width;
  double      page_height;
  double      left;             /* content box */
  double      right;
  double      top;
  double      bottom;
  double      gutter;           /* step numbers and tick boxes */
  double      column_gap;
  double      column_width;
  double      column_x[ED_SHEET_MAX_LANGUAGES];
  EdLanguage  languages[ED_SHEET_MAX_LANGUAGES];
  guint       n_languages;
  double      base;             /* body text size, points */
  double      line_spacing;     /* 0 for the font's own; tighter on a full cover */
} EdSheetGeometry;

typedef enum
{
  ED_SHEET_FONT_BODY,
  ED_SHEET_FONT_BODY_BOLD,
  ED_SHEET_FONT_SMALL,
  ED_SHEET_FONT_SMALL_BOLD,
  ED_SHEET_FONT_CAPTION,
  ED_SHEET_FONT_TITLE,
  ED_SHEET_FONT_HEADING,
  ED_SHEET_FONT_STEP,
  ED_SHEET_FONT_ADDRESS,
  ED_SHEET_FONT_ADDRESS_BOLD,
  ED_SHEET_FONT_VALUE,
} EdSheetFont;

typedef enum
{
  ED_SHEET_OP_TEXT,
  ED_SHEET_OP_FILL,
  ED_SHEET_OP_STROKE,
  ED_SHEET_OP_LINE,
  ED_SHEET_OP_QR,
  ED_SHEET_OP_LOGO,               /* the office's logo in (x, y, w, h) */
  ED_SHEET_OP_LINK,               /* (x, y, w, h) opens @uri: nothing drawn */
  ED_SHEET_OP_MARK,               /* a bookmark at y titled @uri: nothing drawn */
} EdSheetOpKind;

/* One drawing operation. TEXT draws lines [first_line, first_line +
 * n_lines) of @text with their top at @y; FILL and STROKE a rectangle;
 * LINE from (x, y) to (x + w, y + h); QR a code of size @w. */
typedef struct
{
  EdSheetOpKind  kind;
  double         x, y, w, h;
  guint32        color;
  double         line_width;
  EdSheetText   *text;
  guint          first_line;
  guint          n_lines;
  EdQr          *qr;
  EdSheetOffice *office;
  char          *uri;
} EdSheetOp;

typedef enum
{
  ED_SHEET_SLOT_NAME,             /* passport name, and native name */
  ED_SHEET_SLOT_PASSPORT,
  ED_SHEET_SLOT_FIELD,            /* @id: a field id */
  ED_SHEET_SLOT_PERIOD,           /* @id: a period id */
  ED_SHEET_SLOT_CASE_REFERENCE,
  ED_SHEET_SLOT_FOOTER,           /* name and case reference, small */
  ED_SHEET_SLOT_PERSONAL_QR,
  ED_SHEET_SLOT_DUE,              /* @id: a period id: "by 2027-01-14", in @language */
} EdSheetSlotKind;

/* A place for what differs between travellers, of fixed size. */
typedef struct
{
  EdSheetSlotKind  kind;
  char            *id;
  guint            page;
  double           x, y, w, h;
  EdSheetFont      font;
  EdLanguage       language;      /* how to shape the value */
  guint            max_lines;
  gboolean         blank_line;    /* draw a line to write on when empty */
} EdSheetSlot;

typedef enum
{
  ED_SHEET_ROW_KEEP_WITH_NEXT = 1 << 0,
  ED_SHEET_ROW_SPLITTABLE     = 1 << 1,   /* between lines of its texts */
} EdSheetRowFlags;

typedef struct
{
  GArray          *ops;           /* EdSheetOp, y relative to the row */
  GArray          *slots;         /* EdSheetSlot, y relative to the row */
  double           height;
  double           reach;         /* how far its ops reach below its top,
                                   * when more than @height: marks in the
                                   * gutter beside the rows that follow */
  double           space_after;
  EdSheetRowFlags  flags;
} EdSheetRow;

/* A run of rows that belongs together: a step, a section. */
typedef struct
{
  GPtrArray *rows;                /* EdSheetRow */
  gboolean   page_break_after;    /* what follows starts a new page */
} EdSheetBlock;

/* Why a page ends where it does. */
typedef enum
{
  ED_SHEET_PAGE_END_FULL,         /* what follows was split or fills it */
  ED_SHEET_PAGE_END_BREAK,        /* a section ends: the cover */
  ED_SHEET_PAGE_END_PUSHED,       /* what follows cannot be split and did
                                   * not fit: @pushed tall */
} EdSheetPageEnd;

typedef struct
{
  GArray         *ops;            /* EdSheetOp, page coordinates */
  GArray         *slots;          /* EdSheetSlot */
  double          body_bottom;    /* the lowest a row may reach */
  double          content_bottom; /* where its last row ends */
  EdSheetPageEnd  end;
  double          pushed;
  double          room;           /* left when it ended, spaces included */
} EdSheetPage;

typedef struct
{
  EdProcedure           *procedure;       /* NULL for a journey's cover */
  const EdText          *title;           /* without a procedure: the running head */
  const char            *title_id;        /* and the id beside it */
  const EdSheetOptions  *options;
  EdSheetGeometry        geometry;
  GPtrArray             *blocks;          /* EdSheetBlock */
  GHashTable            *qr_codes;        /* URL → EdQr */
  GHashTable            *qr_first_step;   /* URL → step number, GINT_TO_POINTER */
  int                    step_number;     /* the step being built */
} EdSheetBuilder;

/* ed-sheet-row.c */
void          _ed_sheet_geometry_init        (EdSheetGeometry       *geometry,
                                              const EdSheetOptions  *options);
EdSheetStyle  _ed_sheet_style                (const EdSheetGeometry *geometry,
                                              EdSheetFont            font,
                                              EdLanguage             language);
const char   *_ed_sheet_word                 (EdLanguage             language,
                                              const char            *msgid) G_GNUC_FORMAT (2);

GArray       *_ed_sheet_ops_new              (void);
GArray       *_ed_sheet_slots_new            (void);
EdSheetRow   *_ed_sheet_row_new              (void);
void          _ed_sheet_row_free             (EdSheetRow            *row);
EdSheetRow   *_ed_sheet_row_copy_part        (const EdSheetRow      *row,
                                              double                 from,
                                              double                 to);
void          _ed_sheet_row_add_op           (EdSheetRow            *row,
                                              const EdSheetOp       *op);
double        _ed_sheet_row_add_text         (EdSheetRow            *row,
                                              EdSheetText           *text,
                                              double                 x,
                                              double                 y);
double        _ed_sheet_row_add_string       (EdSheetRow            *row,
                                              const EdSheetGeometry *geometry,
                                              EdSheetFont            font,
                                              EdLanguage             language,
                                              guint32                color,
                                              const char            *string,
                                              double                 x,
                                              double                 y,
                                              double                 width);
void          _ed_sheet_row_add_rect         (EdSheetRow            *row,
                                              EdSheetOpKind          kind,
                                              double                 x,
                                              double                 y,
                                              double                 w,
                                              double                 h,
                                              guint32                color,
                                              double                 line_width);
void          _ed_sheet_row_add_line         (EdSheetRow            *row,
                                              double                 x0,
                                              double                 y0,
                                              double                 x1,
                                              double                 y1,
                                              guint32                color,
                                              double                 line_width);
void          _ed_sheet_row_add_qr           (EdSheetRow            *row,
                                              EdQr                  *qr,
                                              double                 x,
                                              double                 y,
                                              double                 size);
void          _ed_sheet_row_add_link         (EdSheetRow            *row,
                                              const char            *uri,
                                              double                 x,
                                              double                 y,
                                              double                 w,
                                              double                 h);
void          _ed_sheet_row_add_mark         (EdSheetRow            *row,
                                              const char            *title);
void          _ed_sheet_row_add_slot         (EdSheetRow            *row,
                                              const EdSheetSlot     *slot);
double        _ed_sheet_row_add_columns      (EdSheetRow            *row,
                                              const EdSheetGeometry *geometry,
                                              EdSheetFont            font,
                                              guint32                color,
                                              const EdText          *text,
                                              double                 y,
                                              double                 indent);
double        _ed_sheet_row_add_word_columns (EdSheetRow            *row,
                                              const EdSheetGeometry *geometry,
                                              EdSheetFont            font,
                                              guint32                color,
                                              const char            *msgid,
                                              const char            *argument,
                                              double                 y,
                                              double                 indent);
double        _ed_sheet_row_add_flow         (EdSheetRow            *row,
                                              const EdSheetGeometry *geometry,
                                              EdSheetFont            font,
                                              guint32                color,
                                              const char * const    *strings,
                                              const EdLanguage      *languages,
                                              guint                  n_strings,
                                              double                 x,
                                              double                 y,
                                              double                 width);
void          _ed_sheet_op_clear             (EdSheetOp             *op);
void          _ed_sheet_slot_clear           (EdSheetSlot           *slot);
void          _ed_sheet_draw_op              (const EdSheetOp       *op,
                                              cairo_t               *cr);
void          _ed_sheet_draw_link            (const EdSheetOp       *op,
                                              cairo_t               *cr);

EdSheetBlock *_ed_sheet_builder_add_block    (EdSheetBuilder        *builder);
void          _ed_sheet_block_free           (EdSheetBlock          *block);
EdSheetRow   *_ed_sheet_block_add_row        (EdSheetBlock          *block,
                                              double                 space_after);

/* ed-sheet-build.c */
void          _ed_sheet_build_front          (EdSheetBuilder        *builder);
void          _ed_sheet_build_status         (EdSheetBuilder        *builder,
                                              EdSheetRow            *row,
                                              gboolean               with_note);
char         *_ed_sheet_ended_date           (EdProcedure           *procedure);
void          _ed_sheet_build_paragraphs     (EdSheetBuilder        *builder,
                                              EdSheetBlock          *block,
                                              const EdText          *text,
                                              EdSheetFont            font,
                                              guint32                color,
                                              double                 indent);
void          _ed_sheet_build_form_row       (EdSheetBuilder        *builder,
                                              EdSheetBlock          *block,
                                              const char            *official,
                                              EdLanguage             official_language,
                                              const char * const    *labels,
                                              const char * const    *notes,
                                              const EdSheetSlot     *slot);

/* ed-sheet-steps.c */
typedef struct _EdSheetSteps EdSheetSteps;

EdSheetSteps *_ed_sheet_steps_new            (EdSheetBuilder        *builder,
                                              gboolean               front);
gboolean      _ed_sheet_steps_build_next     (EdSheetSteps          *steps);
void          _ed_sheet_steps_finish         (EdSheetSteps          *steps,
                                              EdSheetBuilder        *builder);
void          _ed_sheet_build_note           (EdSheetBuilder        *builder,
                                              EdSheetBlock          *block,
                                              const EdNote          *note);
void          _ed_sheet_build_heading        (EdSheetBuilder        *builder,
                                              EdSheetBlock          *block,
                                              const EdText          *title,
                                              const char            *word);
char         *_ed_sheet_address              (EdSheetBuilder        *builder,
                                              const char            *url,
                                              const char            *shown,
                                              EdLanguage            *language);
void          _ed_sheet_build_link           (EdSheetBuilder        *builder,
                                              EdSheetBlock          *block,
                                              const char            *url,
                                              const char            *shown,
                                              const EdText          *title,
                                              gboolean               qr,
                                              gboolean               official_only);

/* ed-sheet-summary.c */
void          _ed_sheet_build_summary        (EdSheetBuilder        *builder,
                                              EdProcedure * const   *procedures,
                                              guint                  n_procedures);
void          _ed_sheet_add_letterhead       (EdSheetBuilder        *builder,
                                              EdSheetRow            *row,
                                              double                 logo_h);

/* ed-sheet-back.c */
void          _ed_sheet_build_back           (EdSheetBuilder        *builder);

/* ed-sheet.c */
const EdSheetGeometry *_ed_sheet_template_get_geometry (EdSheetTemplate *self);
const EdSheetPage     *_ed_sheet_template_get_page     (EdSheetTemplate *self,
                                                        guint            page);
void          _ed_sheet_template_draw_static (EdSheetTemplate       *self,
                                              cairo_t               *cr,
                                              guint                  page);
EdSheetFonts *_ed_sheet_template_get_fonts   (EdSheetTemplate       *self);

/* ed-sheet-layout.c */
EdSheetFonts *_ed_sheet_layout_get_extra_fonts (EdSheetLayout       *self);
void          _ed_sheet_layout_set_extra_fonts (EdSheetLayout       *self,
                                                EdSheetFonts        *fonts);
void          _ed_sheet_layout_add_value_texts (EdSheetLayout       *self,
                                                GPtrArray           *texts);

/* ed-sheet-pdf.c */
void          _ed_sheet_pdf_set_sheet_fonts  (EdSheetPdf            *self,
                                              gboolean               sheet_fonts);

/* ed-sheet-template.c */
EdSheetTemplate *_ed_sheet_template_new_built (const EdSheetOptions *options,
                                             const EdSheetGeometry *geometry,
                                             GPtrArray             *pages);

/* ed-sheet-paginate.c */
GPtrArray    *_ed_sheet_paginate             (EdSheetBuilder        *builder);
double        _ed_sheet_first_page_room      (EdSheetBuilder        *builder);
void          _ed_sheet_page_free            (EdSheetPage           *page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdSheetRow, _ed_sheet_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdSheetPage, _ed_sheet_page_free)

/* Runs @func in a worker thread as g_task_run_in_thread() does, counted,
 * so that ed_sheet_wait_for_workers() can wait for it. */
void _ed_sheet_run_in_thread (GTask           *task,
                              GTaskThreadFunc  func);

G_END_DECLS
