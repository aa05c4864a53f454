/* fuzz.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "ed-core.h"
#include "fuzz.h"

/* A critical or a warning is a bug the input found: the target stops
 * there, and libFuzzer keeps the input as a reproducer. */
static GLogWriterOutput
abort_on_warning (GLogLevelFlags   level,
                  const GLogField *fields,
                  gsize            n_fields,
                  gpointer         user_data)
{
  if ((level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)) == 0)
    return G_LOG_WRITER_HANDLED;

  g_log_writer_standard_streams (level, fields, n_fields, user_data);
  abort ();
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("ENTRY_DESK_DATADIR", FUZZ_DATADIR, TRUE);
  g_setenv ("LANGUAGE", "", TRUE);
  g_log_set_writer_func (abort_on_warning, NULL, NULL);
  return 0;
}

/* Returns: (transfer full): the bytes as a C string, cut at a NUL as a
 * command line or a text box would cut them */
char *
fuzz_dup_text (const uint8_t *data,
               size_t         size)
{
  return g_strndup ((const char *) data, size);
}

/* Returns: the same day every run, so that a run can be repeated */
const GDate *
fuzz_today (void)
{
  static GDate today;

  if (!g_date_valid (&today))
    g_date_set_dmy (&today, 1, G_DATE_JUNE, 2025);
  return &today;
}

/* Returns: (transfer none) (type EdProcedure): a shipped procedure with
 * fields of every kind, to read travellers against */
gpointer
fuzz_procedure (void)
{
  static EdProcedure *procedure;

  if (procedure == NULL)
    {
      g_autofree char *path = g_build_filename (FUZZ_DATADIR, "procedures", "jp-my-her-sys.json",
                                                NULL);
      g_autoptr(GError) error = NULL;

      procedure = ed_procedure_new_from_file (path, ED_ORIGIN_SYSTEM, &error);
      if (procedure == NULL)
        g_error ("%s", error->message);
    }

  return procedure;
}

/* Returns: (transfer none) (type EdCatalog): the shipped procedures, for
 * a reader that looks at the others (a batch's columns) */
gpointer
fuzz_catalog (void)
{
  static EdCatalog *catalog;

  if (catalog == NULL)
    {
      g_autofree char *path = g_build_filename (FUZZ_DATADIR, "procedures", NULL);

      catalog = ed_catalog_new ();
      ed_catalog_load_directory (catalog, path, ED_ORIGIN_SYSTEM);
    }

  return catalog;
}
