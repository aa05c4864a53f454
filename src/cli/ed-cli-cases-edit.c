/* ed-cli-cases-edit.c — entry-desk-cli cases edit: change a case from a script
 *
 * Each edit reads the case as the store has it, changes it and saves it
 * at once. In an office database a save never overwrites another desk's:
 * when another desk saved the case in between, the edit is not saved and
 * the conflict is reported ("conflict REFERENCE" and why); run it again
 * to apply it to the other desk's version. --batch runs many edits on
 * one connection, one a line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "ed-cli.h"
#include "ed-store-backend.h"

typedef enum
{
  EDIT_SAVED,
  EDIT_QUEUED,
  EDIT_CONFLICT,
  EDIT_FAILED,
} EditResult;

static EdTraveller *
traveller_for (EdCase      *kase,
               const char  *number,
               gboolean     apply,
               GError     **error)
{
  guint64 n = 0;
  guint count = ed_case_get_n_travellers (kase);

  if (!g_ascii_string_to_unsigned (number, 10, 1, count + 1, &n, NULL))
    {
      g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                   _("“%s” is not a traveller of the case: give 1 to %u (%u adds one)"),
                   number, count, count + 1);
      return NULL;
    }
  if (!apply)
    return n <= count ? ed_case_get_traveller (kase, (guint) n - 1) : (EdTraveller *) kase;
  if (n == count + 1)
    {
      g_autoptr(EdTraveller) traveller = ed_traveller_new ();

      ed_case_add_traveller (kase, traveller);
    }

  return ed_case_get_traveller (kase, (guint) n - 1);
}

/* KEY=VALUE: notes, notes+ (adds a line), status, step, N.KEY (a
 * traveller's value), N.answer.ID (a traveller's answer). Without
 * @apply, only checks it: an edit with a wrong part changes nothing. */
static gboolean
apply_assignment (EdCase      *kase,
                  const char  *assignment,
                  gboolean     apply,
                  GError     **error)
{
  const char *equals = strchr (assignment, '=');
  g_autofree char *key = NULL;
  const char *value;
  const char *dot;

  if (equals == NULL || equals == assignment)
    {
      g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                   _("“%s” is not KEY=VALUE"), assignment);
      return FALSE;
    }
  key = g_strndup (assignment, (gsize) (equals - assignment));
  value = equals + 1;

  if (strcmp (key, "notes") == 0)
    {
      if (apply)
        ed_case_set_notes (kase, *value != '\0' ? value : NULL);
    }
  else if (strcmp (key, "notes+") == 0)
    {
      const char *notes = ed_case_get_notes (kase);
      g_autofree char *longer = notes != NULL && *notes != '\0'
                                ? g_strconcat (notes, "\n", value, NULL) : g_strdup (value);

      if (apply)
        ed_case_set_notes (kase, longer);
    }
  else if (strcmp (key, "status") == 0)
    {
      EdCaseStatus status;

      if (!ed_case_status_from_string (value, &status))
        {
          g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                       _("A case’s status is “open” or “closed”, not “%s”"), value);
          return FALSE;
        }
      if (apply)
        ed_case_set_status (kase, status);
    }
  else if (strcmp (key, "step") == 0)
    {
      if (apply)
        ed_case_set_current_step (kase, *value != '\0' ? value : NULL);
    }
  else if ((dot = strchr (key, '.')) != NULL)
    {
      g_autofree char *number = g_strndup (key, (gsize) (dot - key));
      const char *field = dot + 1;
      gpointer traveller = traveller_for (kase, number, apply, error);

      if (traveller == NULL)
        return FALSE;
      if (g_str_has_prefix (field, "answer.") && field[7] != '\0')
        {
          if (apply)
            ed_traveller_set_answer (traveller, field + 7, *value != '\0' ? value : NULL);
        }
      else if (ed_traveller_is_key (field))
        {
          if (apply)
            ed_traveller_set (traveller, field, *value != '\0' ? value : NULL);
        }
      else
        {
          g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                       _("“%s” is not a traveller key such as surname or passport_number"),
                       field);
          return FALSE;
        }
    }
  else
    {
      g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                   _("Unknown key “%s”: use notes, notes+, status, step, N.KEY or N.answer.ID"),
                   key);
      return FALSE;
    }

  return TRUE;
}

/* The edit is dropped: the case here takes the other desk's version. */
static void
drop_edit (EdStore *store,
           gint64   id)
{
  GPtrArray *conflicts = ed_store_get_conflicts (store);

  for (guint i = 0; i < conflicts->len; i++)
    {
      EdCaseConflict *conflict = g_ptr_array_index (conflicts, i);

      if (ed_case_conflict_get_id (conflict) == id)
        {
          ed_case_conflict_choose_all (conflict, ED_CONFLICT_TAKE_THEIRS);
          ed_store_resolve_conflict (store, conflict, NULL);
          return;
        }
    }
}

static EditResult
edit_case (EdStore     *store,
           const char  *reference,
           char       **assignments)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdCaseInfo) info = NULL;
  g_autoptr(EdCase) kase = NULL;
  EdStoreBackend *backend = ed_store_get_backend (store);

  info = ed_store_find_case (store, reference, &error);
  if (info != NULL)
    kase = ed_store_load_case (store, ed_case_info_get_id (info), &error);
  if (kase == NULL)
    {
      g_printerr ("entry-desk-cli: %s\n", error->message);
      return EDIT_FAILED;
    }

  for (guint i = 0; assignments[i] != NULL; i++)
    if (!apply_assignment (kase, assignments[i], FALSE, &error))
      {
        g_printerr ("entry-desk-cli: %s\n", error->message);
        return EDIT_FAILED;
      }
  for (guint i = 0; assignments[i] != NULL; i++)
    apply_assignment (kase, assignments[i], TRUE, NULL);

  if (ed_store_flush (store, &error))
    {
      gboolean queued = ed_store_backend_get_offline (backend);

      g_print ("%s %s\n", queued ? "queued" : "saved", ed_case_info_get_reference (info));
      return queued ? EDIT_QUEUED : EDIT_SAVED;
    }

  if (g_error_matches (error, ED_ERROR, ED_ERROR_CONFLICT))
    {
      g_print ("conflict %s\n", ed_case_info_get_reference (info));
      g_printerr ("entry-desk-cli: %s\n", error->message);
      drop_edit (store, ed_case_get_id (kase));
      return EDIT_CONFLICT;
    }

  g_printerr ("entry-desk-cli: %s\n", error->message);
  return EDIT_FAILED;
}

static int
run_batch (EdStore    *store,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean all_saved = TRUE;

  if (strcmp (path, "-") == 0)
    {
      g_autoptr(GString) input = g_string_new (NULL);
      char buffer[4096];
      size_t n;

      while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
        g_string_append_len (input, buffer, (gssize) n);
      contents = g_string_free (g_steal_pointer (&input), FALSE);
    }
  else if (!g_file_get_contents (path, &contents, NULL, &error))
    return ed_cli_fail (g_steal_pointer (&error));

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;
      g_autoptr(GError) line_error = NULL;

      if (*g_strstrip (lines[i]) == '\0' || lines[i][0] == '#')
        continue;
      if (!g_shell_parse_argv (lines[i], NULL, &words, &line_error) || words[1] == NULL)
        {
          g_printerr (_("entry-desk-cli: line %u: give REFERENCE KEY=VALUE…\n"), i + 1);
          all_saved = FALSE;
          continue;
        }
      if (edit_case (store, words[0], words + 1) > EDIT_QUEUED)
        all_saved = FALSE;
    }

  return all_saved ? ED_EXIT_OK : ED_EXIT_INVALID;
}

int
ed_cli_cases_edit (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EdStore) store = NULL;
  g_autofree char *batch = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "batch", 0, 0, G_OPTION_ARG_FILENAME, &batch,
      N_("Run the edits of FILE (- for standard input), one a line: REFERENCE KEY=VALUE…"),
      N_("FILE") },
    { NULL }
  };

  context = ed_cli_cases_context (_("REFERENCE KEY=VALUE…"),
                                  _("Change a case and save it at once. KEY is notes, notes+ "
                                    "(adds a line to the notes), status (open or closed), step, "
                                    "N.KEY (traveller N’s surname, passport_number…; one more "
                                    "than there are adds a traveller) or N.answer.ID. In an "
                                    "office database an edit never overwrites another desk’s: "
                                    "it is reported as a conflict and not saved (exit 1)."),
                                  entries);
  if (!ed_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (batch == NULL && argc < 3)
    return ed_cli_usage_error (_("Give a case reference and at least one KEY=VALUE"));
  if (batch != NULL && argc > 1)
    return ed_cli_usage_error (_("Unexpected argument “%s”"), argv[1]);

  store = ed_cli_open_store (NULL, &status);
  if (store == NULL)
    return status;

  if (batch != NULL)
    return run_batch (store, batch);

  return edit_case (store, argv[1], argv + 2) <= EDIT_QUEUED ? ED_EXIT_OK : ED_EXIT_INVALID;
}
