/* ed-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ed-application.h"
#include "ed-case.h"
#include "ed-procedure.h"

G_BEGIN_DECLS

#define ED_TYPE_WINDOW (ed_window_get_type ())

G_DECLARE_FINAL_TYPE (EdWindow, ed_window, ED, WINDOW, AdwApplicationWindow)

EdWindow *ed_window_new              (EdApplication *application);
void      ed_window_present_with_cases (EdWindow    *self,
                                        guint        max_wait_ms);
void      ed_window_add_toast        (EdWindow      *self,
                                      AdwToast      *toast);
void      ed_window_open_case        (EdWindow      *self,
                                      gint64         case_id);
void      ed_window_show_case        (EdWindow      *self,
                                      EdCase        *edcase);
void      ed_window_show_procedure   (EdWindow      *self,
                                      EdCase        *edcase,
                                      const char    *procedure_id);
void      ed_window_start_case       (EdWindow      *self,
                                      EdCase        *edcase);
void      ed_window_show_cases       (EdWindow      *self);
GtkWidget *ed_window_get_wizard      (EdWindow      *self);
void      ed_window_show_procedure_view (EdWindow   *self,
                                         EdProcedure *procedure);
GtkWidget *ed_window_get_procedure_view (EdWindow   *self);
GtkWidget *ed_window_get_case_page   (EdWindow      *self);

G_END_DECLS
