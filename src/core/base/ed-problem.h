/* ed-problem.h — one thing wrong with what a user typed
 *
 * The rules (ed-validate.h) and the MRZ reader (ed-mrz.h) report what
 * they find as problems, so that the editor and the command line show
 * them the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  ED_SEVERITY_ERROR,    /* an official system would refuse the value */
  ED_SEVERITY_WARNING,  /* accepted, but staff should look again */
} EdSeverity;

/**
 * EdProblem:
 * @field: the traveller key ("passport_number"), the id of a
 *   procedure's own field, or "mrz" for the MRZ as a whole
 * @code: a stable name for code and tests ("passport-number-too-long");
 *   never shown to a user
 * @severity: error or warning
 * @message: what is wrong and how to fix it, in the UI language
 */
typedef struct
{
  char       *field;
  char       *code;
  EdSeverity  severity;
  char       *message;
} EdProblem;

#define ED_TYPE_PROBLEM (ed_problem_get_type ())

GType       ed_problem_get_type       (void) G_GNUC_CONST;
EdProblem  *ed_problem_new            (const char      *field,
                                       const char      *code,
                                       EdSeverity       severity,
                                       const char      *message);
EdProblem  *ed_problem_copy           (const EdProblem *self);
void        ed_problem_free           (EdProblem       *self);

GPtrArray  *ed_problem_list_new       (void);
void        ed_problem_list_add       (GPtrArray       *problems,
                                       const char      *field,
                                       const char      *code,
                                       EdSeverity       severity,
                                       const char      *format,
                                       ...) G_GNUC_PRINTF (5, 6);
gboolean    ed_problem_list_has_errors (GPtrArray      *problems);
const EdProblem *ed_problem_list_find (GPtrArray       *problems,
                                       const char      *field,
                                       const char      *code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdProblem, ed_problem_free)

G_END_DECLS
