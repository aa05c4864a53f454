/* ed-sheet-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ed-sheet-record.h"

static const char * const sheet_kinds[] = { "print", "pdf", "batch" };

const char *
ed_sheet_kind_to_string (EdSheetKind kind)
{
  g_return_val_if_fail (kind <= ED_SHEET_BATCH, NULL);
  return sheet_kinds[kind];
}

gboolean
ed_sheet_kind_from_string (const char  *text,
                           EdSheetKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (sheet_kinds); i++)
    if (g_strcmp0 (text, sheet_kinds[i]) == 0)
      {
        *kind = (EdSheetKind) i;
        return TRUE;
      }

  return FALSE;
}

/**
 * ed_sheet_record_copy:
 *
 * Returns: (transfer full): a copy of @record
 */
EdSheetRecord *
ed_sheet_record_copy (const EdSheetRecord *record)
{
  EdSheetRecord *copy = g_new0 (EdSheetRecord, 1);

  copy->at = record->at;
  copy->kind = record->kind;
  copy->procedure_id = g_strdup (record->procedure_id);
  copy->procedure_version = record->procedure_version;
  copy->languages = g_strdupv (record->languages);
  copy->paper = g_strdup (record->paper);
  copy->by = g_strdup (record->by);
  copy->journey = record->journey;
  copy->user = g_strdup (record->user);
  copy->office = g_strdup (record->office);

  return copy;
}

void
ed_sheet_record_free (EdSheetRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->procedure_id);
  g_strfreev (record->languages);
  g_free (record->paper);
  g_free (record->by);
  g_free (record->user);
  g_free (record->office);
  g_free (record);
}
