/* ed-import-problems.c — a case file's problems in an office's words
 *
 * The store reports a problem of a case file at its JSON path
 * ("travellers[0].pasport_number: unknown key …"), which a file author
 * needs and an HR officer does not read. Here the path becomes words:
 * "traveller 1: unknown field “pasport_number”", "traveller 2, Date of
 * Birth: …". A place that is not a path (a line and column of broken
 * JSON) is left as it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ed-field-row.h"
#include "ed-import-problems.h"

/* The words for a key of the case file, or NULL for one it does not have. */
static const char *
describe_key (const char *key)
{
  static const struct
  {
    const char *key;
    const char *words;
  } keys[] = {
    /* Translators: places in a case file, in problems shown when it is imported */
    { "entry_desk_case", N_("case file format") },
    { "reference", N_("case reference") },
    { "procedure", N_("procedure") },
    { "procedure_version", N_("procedure version") },
    { "journey", N_("journey") },
    { "template", N_("journey template") },
    { "status", N_("case status") },
    { "created", N_("date created") },
    { "modified", N_("date changed") },
    { "closed", N_("date closed") },
    { "current_step", N_("current step") },
    { "notes", N_("notes") },
    { "travellers", N_("travellers") },
    { "answers", N_("answers") },
    { "checklist", N_("checklist") },
    { "sheets", N_("print log") },
  };
  const char *msgid = ed_field_row_key_msgid (key);

  if (msgid != NULL)
    return _(msgid);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_str_equal (keys[i].key, key))
      return _(keys[i].words);

  return NULL;
}

/* One step of a path, "travellers[0]" or "surname", in words. */
static char *
describe_step (const char *key,
               gint64      index)
{
  const char *words;

  if (index >= 0 && g_str_equal (key, "travellers"))
    /* Translators: the traveller of a case file, counted from 1 */
    return g_strdup_printf (_("traveller %u"), (guint) index + 1);
  if (index >= 0 && g_str_equal (key, "checklist"))
    /* Translators: a line of a case file's checklist, counted from 1 */
    return g_strdup_printf (_("checklist line %u"), (guint) index + 1);
  if (index >= 0 && g_str_equal (key, "sheets"))
    /* Translators: a line of a case file's log of printed sheets, counted from 1 */
    return g_strdup_printf (_("print log line %u"), (guint) index + 1);
  if (index >= 0 && g_str_equal (key, "procedures"))
    /* Translators: a procedure of a case's journey, counted from 1 */
    return g_strdup_printf (_("journey procedure %u"), (guint) index + 1);

  words = describe_key (key);
  if (words == NULL)
    return NULL;
  if (index >= 0)
    /* Translators: an item of a list in a case file: the list, then its number from 1 */
    return g_strdup_printf (_("%s, item %u"), words, (guint) index + 1);
  return g_strdup (words);
}

/* Splits "name[3]" into its name and index (-1 for none); FALSE when
 * the text is no step of a JSON path. */
static gboolean
split_step (const char  *step,
            char       **key,
            gint64      *index)
{
  const char *bracket = strchr (step, '[');
  char *end = NULL;

  *index = -1;
  if (bracket == NULL)
    {
      *key = g_strdup (step);
      return *step != '\0' && strpbrk (step, " ]") == NULL;
    }

  if (!g_ascii_isdigit (bracket[1]))
    return FALSE;
  *index = g_ascii_strtoll (bracket + 1, &end, 10);
  if (end == NULL || g_strcmp0 (end, "]") != 0 || bracket == step)
    return FALSE;
  *key = g_strndup (step, bracket - step);
  return strpbrk (*key, " ]") == NULL;
}

/* The place in words, or NULL when @place is not a path of a case file
 * (the last step of a path may be unknown: it is the misspelt key). */
static char *
describe_place (const char  *place,
                char       **unknown)
{
  g_auto(GStrv) steps = g_strsplit (place, ".", -1);
  g_autoptr(GString) words = g_string_new (NULL);
  guint n = g_strv_length (steps);

  *unknown = NULL;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = NULL;
      g_autofree char *step = NULL;
      gint64 index;

      if (!split_step (steps[i], &key, &index))
        return NULL;
      step = describe_step (key, index);
      if (step == NULL)
        {
          if (i + 1 < n || index >= 0)
            return NULL;
          *unknown = g_steal_pointer (&key);
          break;
        }
      if (words->len > 0)
        /* Translators: joins the parts of a place in a case file: "traveller 1, Surname" */
        g_string_append (words, _(", "));
      g_string_append (words, step);
    }

  return g_string_free (g_steal_pointer (&words), FALSE);
}

/**
 * ed_import_problem_describe:
 * @line: a problem as the store words it, "place: what", the file's
 *   name already taken off
 *
 * Returns: (transfer full): the problem in words an office reads
 */
char *
ed_import_problem_describe (const char *line)
{
  const char *separator = strstr (line, ": ");
  const char *unknown_key = _("unknown key (check its spelling in the format reference)");
  g_autofree char *place = NULL;
  g_autofree char *words = NULL;
  g_autofree char *unknown = NULL;
  const char *what;

  g_return_val_if_fail (line != NULL, NULL);

  if (separator == NULL)
    return g_strdup (line);
  place = g_strndup (line, separator - line);
  what = separator + 2;
  words = describe_place (place, &unknown);
  if (words == NULL)
    return g_strdup (line);

  if (unknown != NULL && g_str_equal (what, unknown_key))
    {
      g_autofree char *field = NULL;

      /* Translators: a key of a case file that Entry Desk does not know, likely misspelt */
      field = g_strdup_printf (_("unknown field “%s”"), unknown);
      if (*words == '\0')
        return g_steal_pointer (&field);
      /* Translators: an imported file's problem: where, in words, then what */
      return g_strdup_printf (C_("import problem", "%s: %s"), words, field);
    }
  if (unknown != NULL)
    return g_strdup (line);

  return g_strdup_printf (C_("import problem", "%s: %s"), words, what);
}
