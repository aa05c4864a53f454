/* ed-cli.h — the verbs of entry-desk-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>
#include <glib.h>

#include "ed-core.h"

G_BEGIN_DECLS

/* Exit status, as DESIGN.md's command-line contract fixes it. */
enum
{
  ED_EXIT_OK      = 0,
  ED_EXIT_INVALID = 1,
  ED_EXIT_USAGE   = 2,
};

typedef int (*EdCliCommandFunc) (int    argc,
                                 char **argv);

typedef struct
{
  const char       *name;
  EdCliCommandFunc  run;
  const char       *parameters;
  const char       *summary;
} EdCliCommand;

/* A verb of a command group ("cases list"). */
typedef struct
{
  const char       *name;
  EdCliCommandFunc  run;
} EdCliVerb;

/* What ed_cli_run_verbs() returns for a verb it does not know. */
#define ED_CLI_UNKNOWN_VERB (-1)

int          ed_cli_batch         (int            argc,
                                   char         **argv);
int          ed_cli_cases         (int            argc,
                                   char         **argv);
int          ed_cli_check_catalog (int            argc,
                                   char         **argv);
int          ed_cli_dates         (int            argc,
                                   char         **argv);
int          ed_cli_journeys      (int            argc,
                                   char         **argv);
int          ed_cli_cases_new     (int            argc,
                                   char         **argv);
int          ed_cli_cases_timeline (int           argc,
                                   char         **argv);
int          ed_cli_feed          (int            argc,
                                   char         **argv);
int          ed_cli_list          (int            argc,
                                   char         **argv);
int          ed_cli_mrz           (int            argc,
                                   char         **argv);
int          ed_cli_sheet         (int            argc,
                                   char         **argv);
int          ed_cli_show          (int            argc,
                                   char         **argv);
int          ed_cli_validate      (int            argc,
                                   char         **argv);

/* ed-cli-common.c */
int          ed_cli_usage_error   (const char     *format,
                                   ...) G_GNUC_PRINTF (1, 2);
int          ed_cli_fail          (GError         *error);
gboolean     ed_cli_parse_options (GOptionContext *context,
                                   int            *argc,
                                   char         ***argv,
                                   int            *exit_status);
EdLanguage   ed_cli_language      (const char     *code,
                                   gboolean       *ok);
EdCatalog   *ed_cli_load_catalog  (void);
void         ed_cli_print_json    (JsonNode       *node);
guint        ed_cli_display_width (const char     *text);
gboolean     ed_cli_stderr_is_terminal (void);
void         ed_cli_append_padded (GString        *out,
                                   const char     *text,
                                   guint           width);
void         ed_cli_json_add_string (JsonBuilder  *builder,
                                   const char     *key,
                                   const char     *value);
const char  *ed_cli_origin_name   (EdOrigin        origin);
int          ed_cli_run_verbs     (const char     *group,
                                   const EdCliVerb *verbs,
                                   guint           n_verbs,
                                   void          (*print_help) (FILE *stream),
                                   int             argc,
                                   char          **argv);
EdJourney   *ed_cli_find_journey  (EdCatalog      *catalog,
                                   const char     *id);

/* ed-cli-cases.c */
EdStore         *ed_cli_open_case_store      (EdCatalog     *catalog,
                                              int           *status);

/* ed-cli-timeline.c */
EdCase          *ed_cli_load_case            (EdStore       *store,
                                              const char    *reference,
                                              int           *status);

/* ed-cli-dates.c */
char            *ed_cli_describe_dates       (EdProcedure   *procedure,
                                              const EdFacts *facts,
                                              EdLanguage     language);
EdTraveller     *ed_cli_load_traveller_facts (const char    *path,
                                              EdProcedure   *procedure,
                                              EdFacts       *facts,
                                              GError       **error);

/* ed-cli-cases.c, ed-cli-cases-edit.c, ed-cli-cases-migrate.c */
const char      *ed_cli_store_location (void);
EdStore         *ed_cli_open_store     (const char  *location,
                                        int         *status);
GOptionContext  *ed_cli_cases_context  (const char         *parameters,
                                        const char         *summary,
                                        const GOptionEntry *entries);
int              ed_cli_cases_edit     (int          argc,
                                        char       **argv);
int              ed_cli_cases_migrate  (int          argc,
                                        char       **argv);

/* ed-cli-batch.c */
char            *ed_cli_sheet_file_name      (const EdCsvTraveller *row,
                                              guint                digits);

/* ed-cli-journey-sheet.c */
int              ed_cli_sheet_for_case       (const char          *reference,
                                              const char          *procedure_id,
                                              EdSheetOptions      *options,
                                              const char          *output);
gboolean         ed_cli_batch_journey        (EdCatalog           *catalog,
                                              EdJourney           *journey,
                                              GPtrArray           *rows,
                                              const EdSheetOptions *options,
                                              const char          *directory,
                                              const char          *merge);

/* ed-cli-sheet.c */
gboolean         ed_cli_log_records    (EdStore          *store,
                                        EdCase           *kase,
                                        EdSheetDocument  *document,
                                        EdSheetKind       kind,
                                        GError          **error);
gboolean         ed_cli_log_sheet      (EdSheetDocument *document,
                                        const char      *reference,
                                        EdSheetKind      kind);
EdProcedure     *ed_cli_find_procedure (const char  *id,
                                        GError     **error);
EdSheetOptions  *ed_cli_sheet_options  (const char  *languages,
                                        const char  *paper,
                                        const char  *office,
                                        gboolean     summary_only,
                                        int         *exit_status);

G_END_DECLS
