/* ed-sheet-dialog-private.h — the sheet dialog, split by concern:
 * ed-sheet-dialog.c the choices and the preview, ed-sheet-languages.c
 * the list of languages, ed-sheet-dialog-output.c printing and saving.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-sheet-dialog.h"
#include "ed-sheet-preview.h"

G_BEGIN_DECLS

struct _EdSheetDialog
{
  AdwWindow             parent_instance;

  EdSheetDialogMode     mode;
  EdCase               *kase;
  EdProcedure          *procedure;        /* NULL for the journey sheet */
  EdCatalog            *catalog;          /* the journey sheet's procedures */
  EdStore              *store;            /* nullable */
  GSettings            *settings;
  char                **languages;        /* codes, in column order */
  gboolean              traditional;      /* the procedure is written in zh_TW too */
  gboolean              keep_row_order;   /* a tick: its row stays under the pointer */
  gboolean              case_languages;   /* as the case's last sheet, not the office's */
  GCancellable         *log_cancellable;  /* reading the case's log of sheets */
  GPtrArray            *travellers;       /* EdTraveller: those with anything typed */

  EdSheetTemplate      *sheet_template;   /* the last made: a new traveller needs no other */
  EdSheetDocument      *document;         /* what is shown, and printed */
  GCancellable         *cancellable;      /* the layout under way */
  guint                 rebuild_source;
  gboolean              preparing;
  gboolean              busy;             /* printing or saving */
  gboolean              ended_confirmed;
  GtkNativeDialog      *chooser;
  EdSheetOffice        *letterhead;       /* Preferences' letterhead, or NULL */
  char                 *letterhead_problem; /* why it is printed without one */

  AdwWindowTitle       *window_title;
  GtkWidget            *accept_button;
  GtkWidget            *busy_spinner;
  GtkWidget            *ended_banner;
  GtkLabel             *ended_label;
  AdwPreferencesPage   *options_page;
  AdwPreferencesGroup  *languages_group;
  GtkListBox           *language_list;
  AdwComboRow          *paper_row;
  GtkSwitch            *personal_switch;
  GtkSwitch            *summary_switch;
  AdwPreferencesGroup  *travellers_group;
  AdwComboRow          *traveller_row;
  AdwActionRow         *single_traveller_row;
  AdwPreferencesGroup  *problems_group;
  GtkListBox           *problems_list;
  EdSheetPreview       *preview;
  GtkWidget            *working_box;
  GtkSpinner           *working_spinner;
  GtkLabel             *working_label;
  GtkLabel             *page_label;
  GtkButton            *zoom_button;
};

/* ed-sheet-dialog.c */
void  _ed_sheet_dialog_update_state      (EdSheetDialog *self);
void  _ed_sheet_dialog_choose_languages  (EdSheetDialog      *self,
                                          const char * const *codes);
void  _ed_sheet_dialog_set_busy          (EdSheetDialog *self,
                                          gboolean       busy,
                                          const char    *what);

/* ed-sheet-languages.c */
void  _ed_sheet_languages_init           (EdSheetDialog *self);
void  _ed_sheet_languages_update         (EdSheetDialog *self);
void  _ed_sheet_languages_add_traditional (EdSheetDialog *self);
char **_ed_sheet_languages_normalize     (EdSheetDialog      *self,
                                          const char * const *codes);

/* ed-sheet-dialog-output.c */
void  _ed_sheet_dialog_accept            (EdSheetDialog *self);
void  _ed_sheet_dialog_show_error        (EdSheetDialog *self,
                                          const char    *heading,
                                          const GError  *error);

G_END_DECLS
