/* ed-procedure.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-date.h"
#include "ed-error.h"
#include "ed-fold.h"
#include "ed-mo.h"
#include "ed-procedure-private.h"

G_DEFINE_FINAL_TYPE (EdProcedure, ed_procedure, G_TYPE_OBJECT)

static void
ed_procedure_finalize (GObject *object)
{
  EdProcedure *self = ED_PROCEDURE (object);

  g_free (self->path);
  g_free (self->id);
  g_free (self->updated);
  g_clear_pointer (&self->extra_languages, g_array_unref);
  g_free (self->country);
  g_free (self->subdivision);
  g_clear_pointer (&self->region_name, ed_text_unref);
  g_clear_pointer (&self->title, ed_text_unref);
  g_clear_pointer (&self->summary, ed_text_unref);
  g_clear_pointer (&self->intro, ed_text_unref);
  g_free (self->valid_from);
  g_free (self->valid_until);
  g_free (self->superseded_by);
  g_clear_pointer (&self->successor_title, ed_text_unref);
  g_clear_pointer (&self->status_note, ed_text_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->phases, g_ptr_array_unref);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->periods, g_ptr_array_unref);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_free (self->search_text);
  g_free (self->reviewed);
  g_free (self->time_zone);
  g_clear_pointer (&self->see_also, g_ptr_array_unref);
  g_clear_pointer (&self->condition, ed_condition_free);
  g_clear_pointer (&self->not_applicable, ed_text_unref);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->fees, g_ptr_array_unref);

  G_OBJECT_CLASS (ed_procedure_parent_class)->finalize (object);
}

static void
ed_procedure_class_init (EdProcedureClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ed_procedure_finalize;
}

static void
ed_procedure_init (EdProcedure *self)
{
  /* Every list is there, empty when the file has none. */
  self->extra_languages = g_array_new (FALSE, FALSE, sizeof (EdLanguage));
  self->sources = g_ptr_array_new ();
  self->rules = g_ptr_array_new ();
  self->notes = g_ptr_array_new ();
  self->phases = g_ptr_array_new ();
  self->steps = g_ptr_array_new ();
  self->fields = g_ptr_array_new ();
  self->periods = g_ptr_array_new ();
  self->contacts = g_ptr_array_new ();
  self->see_also = g_ptr_array_new ();
  self->questions = g_ptr_array_new ();
  self->fees = g_ptr_array_new ();
}

static void
parse_procedure (EdJsonReader *reader,
                 JsonNode     *root,
                 gpointer      user_data,
                 gboolean     *newer)
{
  g_autofree char *expected_id = ed_json_reader_expected_id (reader->file);

  _ed_procedure_parse (user_data, reader, root, expected_id, newer);
}

/**
 * ed_procedure_new_from_bytes:
 * @bytes: the content of a procedure file
 * @name: (nullable): the file's name or path, for messages; when it ends
 *   in `.json`, the procedure's id must be the name without it
 * @origin: where the file comes from
 * @error: return location for an error
 *
 * Reads and checks a procedure. Every problem is reported, one a line,
 * each as "FILE: PLACE: WHAT" where PLACE is a JSON path
 * (`steps[3].links[0].url`) or, for broken JSON, the line and column.
 *
 * Returns: (transfer full): the procedure, or %NULL with @error set
 *   (%ED_ERROR_PARSE: broken JSON; %ED_ERROR_UNSUPPORTED: made for a
 *   newer Entry Desk; %ED_ERROR_INVALID: anything else)
 */
EdProcedure *
ed_procedure_new_from_bytes (GBytes      *bytes,
                             const char  *name,
                             EdOrigin     origin,
                             GError     **error)
{
  g_autoptr(EdProcedure) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  self = g_object_new (ED_TYPE_PROCEDURE, NULL);
  self->origin = origin;
  if (!ed_json_reader_read_bytes (bytes, name, ED_PROCEDURE_MAX_SIZE, parse_procedure, self,
                                  error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * ed_procedure_new_from_file:
 *
 * Like ed_procedure_new_from_bytes(), for a file; the procedure's id
 * must be the file's name without `.json`.
 *
 * Returns: (transfer full): the procedure, or %NULL with @error set
 */
EdProcedure *
ed_procedure_new_from_file (const char  *path,
                            EdOrigin     origin,
                            GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  EdProcedure *self;

  g_return_val_if_fail (path != NULL, NULL);

  /* Not even read when it is larger than any procedure. */
  file = g_file_new_for_path (path);
  bytes = ed_json_guard_load (file, ED_PROCEDURE_MAX_SIZE, NULL, error);
  if (bytes == NULL)
    return NULL;

  self = ed_procedure_new_from_bytes (bytes, path, origin, error);
  if (self != NULL)
    self->path = g_strdup (path);

  return self;
}

const char *
ed_procedure_get_id (EdProcedure *self)
{
  g_return_val_if_fail (ED_IS_PROCEDURE (self), NULL);
  return self->id;
}

int
ed_procedure_get_version (EdProcedure *self)
{
  g_return_val_if_fail (ED_IS_PROCEDURE (self), 0);
  return self->version;
}

const char *
ed_procedure_get_updated (EdProcedure *self)
{
  g_return_val_if_fail (ED_IS_PROCEDURE (self), NULL);
  return self->updated;
}

/* Returns: (nullable): the file it was read from */
const char *
ed_procedure_get_path (EdProcedure *self)
{
  g_return_val_if_fail (ED_IS_PROCEDURE (self), NULL);
  return self->path;
}

EdOrigin
ed_procedure_get_origin (EdProcedure *self)
{
  g_return_val_if_fail (ED_IS_PROCEDURE (self), ED_ORIGIN_OTHER);
  return self->origin;
}

/**
 * ed_procedure_requires_language:
 *
 * Returns: whether every text of the procedure is in @language: always
 *   for en, ja and zh_CN, and for the languages its file lists
 */
gboolean
ed_procedure_requires_language (EdProcedure *self,
                                EdLanguage   language)
{
  g_return_val_if_fail (ED_IS_PROCEDURE (self), FALSE);
  g_return_val_if_fail (language < ED_N_LANGUAGES, FALSE);

  if (language < ED_N_BASE_LANGUAGES)
    return TRUE;
  for (guint i = 0; i < self->extra_languages->len; i++)
    if (g_array_index (self->extra_languages, EdLanguage, i) == language)
      return TRUE;
  return FALSE;
}

const char *
ed_procedure_get_country (EdProcedure *self)
{
  g_return_val_if_fail (ED_IS_PROCEDURE (self), NULL);
  return self->country;
}

/* Returns: (nullable): the ISO 3166-2 code, %NULL for a national procedure */
const char *
ed_procedure_get_subdivision (EdProcedure *self)
{
  g_return_val_if_fail (ED_IS_PROCEDURE (self), NULL);
  return self->subdivision;
}

EdText *
ed_procedure_get_region_name (EdProcedure *self)
{
  g_return_val_if_fail (ED_IS_PROCEDURE (self), NULL);
  return self->region_name;
}

EdText *
ed_procedure_get_title (EdProcedure *self)
{
  g_return_val_if_fail (ED_IS_PROCEDURE (self), NULL);
  return self->title;
}

EdText *
ed_procedure_get_summary (EdProcedure *self)
{
  g_return_val_if_fail (ED_IS_PROCEDURE (self), NULL);
  return self->summary;
}

/* Returns: (nullable): the source's introduction */
EdText *
ed_procedure_get_intro (EdProcedure *self)
{
  g_return_val_if_fail (ED_IS_PROCEDURE (self), NULL);
  return self->intro;
}

EdStatus
ed_procedure_get_status (EdProcedure *self)
{
  g_return_val_if_fail (ED_IS_PROCEDURE (self), ED_STATUS_ARCHIVED);
  return self->status;
}

/* Returns: (nullable): YYYY-MM-DD */
const char *
ed_procedure_get_valid_from (EdProcedure *self)
{
  g_return_val_if_fail (ED_IS_PROCEDURE (self), NULL);
  return self->valid_from;
}

/* Returns: (nullable): YYYY-MM-DD, the last day it applied (inclusive) */
const char *
ed_procedure_get_valid_until (EdProcedure *self)
{
  g_return_val_if_fail (ED_IS_PROCEDURE (self), NULL);
  return self->valid_until;
}

/* Returns: (nullable): a procedure id, which the catalog may lack */
const char *
ed_procedure_get_superseded_by (EdProcedure *self)
{
  g_return_val_if_fail (ED_IS_PROCEDURE (self), NULL);
  return self->superseded_by;
}

/* The catalog names the successor by its title once it holds both. Set
 * once: sheets read it in worker threads, so it is never replaced. */
void
_ed_procedure_set_successor_title (EdProcedure *self,
                                   EdText      *title)
{
  ed_text_ref (title);
  if (!g_atomic_pointer_compare_and_exchange (&self->successor_title, NULL, title))
    ed_text_unref (title);
}

/* Returns: (nullable): set on every archived procedure */
EdText *
ed_procedure_get_status_note (EdProcedure *self)
{
  g_return_val_if_fail (ED_IS_PROCEDURE (self), NULL);
  return self->status_note;
}

#define DEFINE_LIST_GETTER(name) \
  GPtrArray * \
  ed_procedure_get_##name (EdProcedure *self) \
  { \
    g_return_val_if_fail (ED_IS_PROCEDURE (self), NULL); \
    return self->name; \
  }

/* Every list is there (empty when the file has none); treat as read-only. */
DEFINE_LIST_GETTER (sources)
DEFINE_LIST_GETTER (rules)
DEFINE_LIST_GETTER (notes)
DEFINE_LIST_GETTER (phases)
DEFINE_LIST_GETTER (steps)
DEFINE_LIST_GETTER (fields)
DEFINE_LIST_GETTER (periods)
DEFINE_LIST_GETTER (contacts)
DEFINE_LIST_GETTER (see_also)
DEFINE_LIST_GETTER (questions)
DEFINE_LIST_GETTER (fees)

#undef DEFINE_LIST_GETTER

/* The parts with an id start with it: find them in one way. */
typedef struct
{
  char *id;
} Identified;

static gconstpointer
find_by_id (GPtrArray  *items,
            const char *id)
{
  if (id == NULL)
    return NULL;

  for (guint i = 0; i < items->len; i++)
    {
      const Identified *item = g_ptr_array_index (items, i);

      if (g_strcmp0 (item->id, id) == 0)
        return item;
    }

  return NULL;
}

G_STATIC_ASSERT (G_STRUCT_OFFSET (EdField, id) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (EdStep, id) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (EdPhase, id) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (EdQuestion, id) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (EdPeriod, id) == 0);

const EdQuestion *
ed_procedure_find_question (EdProcedure *self,
                            const char  *question_id)
{
  g_return_val_if_fail (ED_IS_PROCEDURE (self), NULL);
  return find_by_id (self->questions, question_id);
}

const EdPeriod *
ed_procedure_find_period (EdProcedure *self,
                          const char  *period_id)
{
  g_return_val_if_fail (ED_IS_PROCEDURE (self), NULL);
  return find_by_id (self->periods, period_id);
}

/* Sources have ids from procedure format 2 on. */
const EdSource *
ed_procedure_find_source (EdProcedure *self,
                          const char  *source_id)
{
  g_return_val_if_fail (ED_IS_PROCEDURE (self), NULL);

  for (guint i = 0; source_id != NULL && i < self->sources->len; i++)
    {
      const EdSource *source = g_ptr_array_index (self->sources, i);

      if (g_strcmp0 (source->id, source_id) == 0)
        return source;
    }
  return NULL;
}

/* Returns: the procedure format the file is written in, 1 or 2 */
int
ed_procedure_get_schema (EdProcedure *self)
{
  g_return_val_if_fail (ED_IS_PROCEDURE (self), 0);
  return self->schema;
}

/* Returns: when the content was last checked against its sources:
 *   `reviewed`, or for a format 1 file `updated` */
const char *
ed_procedure_get_reviewed (EdProcedure *self)
{
  g_return_val_if_fail (ED_IS_PROCEDURE (self), NULL);
  return self->reviewed != NULL ? self->reviewed : self->updated;
}

/* Returns: the IANA zone the procedure's hours are in: its own, or its
 *   country's */
const char *
ed_procedure_get_time_zone (EdProcedure *self)
{
  g_return_val_if_fail (ED_IS_PROCEDURE (self), "UTC");

  if (self->time_zone != NULL)
    return self->time_zone;
  if (g_strcmp0 (self->country, "CN") == 0)
    return "Asia/Shanghai";
  if (g_strcmp0 (self->country, "JP") == 0)
    return "Asia/Tokyo";
  return "UTC";
}

/* Returns: (nullable): who the whole procedure applies to */
const EdCondition *
ed_procedure_get_condition (EdProcedure *self)
{
  g_return_val_if_fail (ED_IS_PROCEDURE (self), NULL);
  return self->condition;
}

/* Returns: (nullable): why it is not needed, when it does not apply */
EdText *
ed_procedure_get_not_applicable (EdProcedure *self)
{
  g_return_val_if_fail (ED_IS_PROCEDURE (self), NULL);
  return self->not_applicable;
}

const EdField *
ed_procedure_find_field (EdProcedure *self,
                         const char  *field_id)
{
  g_return_val_if_fail (ED_IS_PROCEDURE (self), NULL);
  return find_by_id (self->fields, field_id);
}

const EdStep *
ed_procedure_find_step (EdProcedure *self,
                        const char  *step_id)
{
  g_return_val_if_fail (ED_IS_PROCEDURE (self), NULL);
  return find_by_id (self->steps, step_id);
}

const EdPhase *
ed_procedure_find_phase (EdProcedure *self,
                         const char  *phase_id)
{
  g_return_val_if_fail (ED_IS_PROCEDURE (self), NULL);
  return find_by_id (self->phases, phase_id);
}

/**
 * ed_procedure_matches:
 * @needle: what the user typed (already through g_utf8_casefold() or
 *   ed_fold_search() is as good)
 *
 * Searches the id, and the title, summary and region name in every
 * language, as the case search compares: ignoring case and width,
 * katakana as hiragana, Han variants as one (ed_fold_search()).
 */
gboolean
ed_procedure_matches (EdProcedure *self,
                      const char  *needle)
{
  g_autofree char *folded_needle = NULL;

  g_return_val_if_fail (ED_IS_PROCEDURE (self), FALSE);

  if (needle == NULL || *needle == '\0')
    return TRUE;

  /* Searched as the user types: fold the texts once, on the first search. */
  if (self->search_text == NULL)
    {
      g_autoptr(GString) all = g_string_new (self->id);
      EdText *texts[] = { self->title, self->summary, self->region_name };

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        for (EdLanguage l = 0; l < ED_N_LANGUAGES; l++)
          if (texts[t] != NULL && ed_text_get (texts[t], l) != NULL)
            {
              g_string_append_c (all, '\n');
              g_string_append (all, ed_text_get (texts[t], l));
            }

      self->search_text = ed_fold_search (all->str);
    }

  folded_needle = ed_fold_search (needle);
  return strstr (self->search_text, folded_needle) != NULL;
}
