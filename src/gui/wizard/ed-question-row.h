/* ed-question-row.h — one of a procedure's questions, answered for one traveller
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ed-core.h"

G_BEGIN_DECLS

GtkWidget  *ed_question_row_new        (const EdQuestion *question,
                                        EdTraveller      *traveller,
                                        int               second_language);
char       *ed_question_describe_answer (const EdQuestion *question,
                                        const char       *answer,
                                        EdLanguage        language);

G_END_DECLS
