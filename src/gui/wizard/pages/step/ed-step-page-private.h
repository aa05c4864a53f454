/* ed-step-page-private.h — the builders of a step page's parts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ed-core.h"

G_BEGIN_DECLS

GtkWidget *_ed_step_part_note           (const EdNote *note,
                                         EdLanguage    language,
                                         int           second_language);
GtkWidget *_ed_step_part_notes          (GPtrArray    *notes,
                                         EdLanguage    language,
                                         int           second_language);
GtkWidget *_ed_step_part_links          (GPtrArray    *links,
                                         EdLanguage    language,
                                         int           second_language);
GtkWidget *_ed_step_part_original_codes (GPtrArray    *codes,
                                         EdLanguage    language,
                                         int           second_language);
GtkWidget *_ed_step_part_alternatives   (GPtrArray    *alternatives,
                                         EdLanguage    language,
                                         int           second_language);
void       _ed_step_part_set_languages  (GtkWidget    *root,
                                         EdLanguage    language,
                                         int           second_language);

G_END_DECLS
