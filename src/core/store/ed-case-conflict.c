/* ed-case-conflict.c — what differs between two desks' versions of a case
 *
 * The fields compared are those a person edits: the procedure, status,
 * step and notes of the case; each traveller's values and answers (by
 * position); each checklist item. A traveller that only one version has
 * is one field. With the version both desks started from, each field
 * knows who changed it, and the merge takes by default the side that
 * changed it: a field only the other desk changed comes from there, one
 * only this desk changed stays, one both changed stays this desk's
 * until the user says otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ed-case-conflict.h"

struct _EdCaseConflict
{
  GObject        parent_instance;

  EdCaseRecord  *base;      /* nullable */
  EdCaseRecord  *mine;
  EdCaseRecord  *theirs;
  GArray        *fields;    /* EdConflictField */
};

G_DEFINE_FINAL_TYPE (EdCaseConflict, ed_case_conflict, G_TYPE_OBJECT)

static void
field_clear (gpointer data)
{
  EdConflictField *field = data;

  g_free (field->key);
  g_free (field->step);
  g_free (field->mine);
  g_free (field->theirs);
  g_free (field->base);
}

static void
add_field (EdCaseConflict      *self,
           EdConflictFieldKind  kind,
           int                  traveller,
           const char          *key,
           const char          *step,
           const char          *base,
           const char          *mine,
           const char          *theirs)
{
  EdConflictField field = { 0 };

  if (g_strcmp0 (mine, theirs) == 0)
    return;

  field.kind = kind;
  field.traveller = traveller;
  field.key = g_strdup (key);
  field.step = g_strdup (step);
  field.mine = g_strdup (mine);
  field.theirs = g_strdup (theirs);
  field.base = g_strdup (base);
  field.mine_changed = self->base == NULL || g_strcmp0 (mine, base) != 0;
  field.theirs_changed = self->base == NULL || g_strcmp0 (theirs, base) != 0;
  field.choice = field.mine_changed ? ED_CONFLICT_KEEP_MINE : ED_CONFLICT_TAKE_THEIRS;
  g_array_append_val (self->fields, field);
}

static EdTraveller *
traveller_at (EdCaseRecord *record,
              guint         position)
{
  if (record == NULL || position >= record->travellers->len)
    return NULL;
  return g_ptr_array_index (record->travellers, position);
}

static char *
procedure_text (EdCaseRecord *record)
{
  return record != NULL ? g_strdup_printf ("%s %d", record->procedure_id,
                                           record->procedure_version) : NULL;
}

static const char *
status_text (EdCaseRecord *record)
{
  return record != NULL ? ed_case_status_to_string (record->status) : NULL;
}

/* A traveller as one field: its name, "" without one; NULL when absent. */
static char *
presence_text (EdTraveller *traveller)
{
  return traveller != NULL ? ed_traveller_dup_display_name (traveller) : NULL;
}

static void
add_answer_ids (GHashTable  *ids,
                EdTraveller *traveller)
{
  g_auto(GStrv) answer_ids = NULL;

  if (traveller == NULL)
    return;
  answer_ids = ed_traveller_dup_answer_ids (traveller);
  for (guint i = 0; answer_ids[i] != NULL; i++)
    g_hash_table_add (ids, g_strdup (answer_ids[i]));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
compare_traveller (EdCaseConflict *self,
                   guint           position)
{
  EdTraveller *mine = traveller_at (self->mine, position);
  EdTraveller *theirs = traveller_at (self->theirs, position);
  EdTraveller *base = traveller_at (self->base, position);
  const char * const *keys = ed_traveller_keys ();
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree gpointer *sorted = NULL;
  guint n = 0;

  if (mine == NULL || theirs == NULL)
    {
      g_autofree char *m = presence_text (mine);
      g_autofree char *t = presence_text (theirs);
      g_autofree char *b = presence_text (base);

      add_field (self, ED_CONFLICT_FIELD_TRAVELLER, (int) position, NULL, NULL, b,
                 m != NULL ? m : NULL, t != NULL ? t : NULL);
      /* Both absent cannot be: position is below one of the counts. */
      return;
    }

  for (guint k = 0; keys[k] != NULL; k++)
    add_field (self, ED_CONFLICT_FIELD_DATA, (int) position, keys[k], NULL,
               base != NULL ? ed_traveller_get (base, keys[k]) : NULL,
               ed_traveller_get (mine, keys[k]), ed_traveller_get (theirs, keys[k]));

  add_answer_ids (ids, mine);
  add_answer_ids (ids, theirs);
  sorted = g_hash_table_get_keys_as_array (ids, &n);
  qsort (sorted, n, sizeof (gpointer), compare_strings);
  for (guint i = 0; i < n; i++)
    add_field (self, ED_CONFLICT_FIELD_ANSWER, (int) position, sorted[i], NULL,
               base != NULL ? ed_traveller_get_answer (base, sorted[i]) : NULL,
               ed_traveller_get_answer (mine, sorted[i]),
               ed_traveller_get_answer (theirs, sorted[i]));
}

static char *
tick_key (const EdRecordTick *tick)
{
  return g_strdup_printf ("%d\x1f%s\x1f%s", tick->traveller, tick->step_id, tick->item_id);
}

static const EdRecordTick *
find_tick (EdCaseRecord *record,
           int           traveller,
           const char   *step_id,
           const char   *item_id)
{
  if (record == NULL)
    return NULL;

  for (guint i = 0; i < record->ticks->len; i++)
    {
      const EdRecordTick *tick = &g_array_index (record->ticks, EdRecordTick, i);

      if (tick->traveller == traveller && g_strcmp0 (tick->step_id, step_id) == 0 &&
          g_strcmp0 (tick->item_id, item_id) == 0)
        return tick;
    }

  return NULL;
}

static void
collect_ticks (GHashTable   *all,
               GPtrArray    *order,
               EdCaseRecord *record)
{
  for (guint i = 0; i < record->ticks->len; i++)
    {
      const EdRecordTick *tick = &g_array_index (record->ticks, EdRecordTick, i);
      char *key = tick_key (tick);

      if (g_hash_table_add (all, key))
        g_ptr_array_add (order, (gpointer) tick);
    }
}

static void
compare_ticks (EdCaseConflict *self)
{
  g_autoptr(GHashTable) all = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  collect_ticks (all, order, self->mine);
  collect_ticks (all, order, self->theirs);

  for (guint i = 0; i < order->len; i++)
    {
      const EdRecordTick *tick = g_ptr_array_index (order, i);
      const char *done = "done";

      add_field (self, ED_CONFLICT_FIELD_CHECK, tick->traveller, tick->item_id, tick->step_id,
                 find_tick (self->base, tick->traveller, tick->step_id, tick->item_id) ? done
                                                                                       : NULL,
                 find_tick (self->mine, tick->traveller, tick->step_id, tick->item_id) ? done
                                                                                       : NULL,
                 find_tick (self->theirs, tick->traveller, tick->step_id, tick->item_id) ? done
                                                                                         : NULL);
    }
}

/**
 * ed_case_conflict_new:
 * @base: (nullable): the case as both desks had it before, when known
 * @mine: what this desk would save
 * @theirs: what the store has now, saved by another desk
 *
 * Returns: (transfer full): the conflict, with copies of the three
 */
EdCaseConflict *
ed_case_conflict_new (EdCaseRecord *base,
                      EdCaseRecord *mine,
                      EdCaseRecord *theirs)
{
  EdCaseConflict *self;
  g_autofree char *procedure_b = NULL;
  g_autofree char *procedure_m = NULL;
  g_autofree char *procedure_t = NULL;
  guint n;

  g_return_val_if_fail (mine != NULL && theirs != NULL, NULL);

  self = g_object_new (ED_TYPE_CASE_CONFLICT, NULL);
  self->base = base != NULL ? ed_case_record_copy (base) : NULL;
  self->mine = ed_case_record_copy (mine);
  self->theirs = ed_case_record_copy (theirs);

  procedure_b = procedure_text (self->base);
  procedure_m = procedure_text (self->mine);
  procedure_t = procedure_text (self->theirs);
  add_field (self, ED_CONFLICT_FIELD_PROCEDURE, -1, NULL, NULL, procedure_b, procedure_m,
             procedure_t);
  add_field (self, ED_CONFLICT_FIELD_STATUS, -1, NULL, NULL, status_text (self->base),
             status_text (self->mine), status_text (self->theirs));
  add_field (self, ED_CONFLICT_FIELD_STEP, -1, NULL, NULL,
             self->base != NULL ? self->base->current_step : NULL,
             self->mine->current_step, self->theirs->current_step);
  add_field (self, ED_CONFLICT_FIELD_NOTES, -1, NULL, NULL,
             self->base != NULL ? self->base->notes : NULL, self->mine->notes,
             self->theirs->notes);

  n = MAX (self->mine->travellers->len, self->theirs->travellers->len);
  for (guint i = 0; i < n; i++)
    compare_traveller (self, i);

  compare_ticks (self);

  return self;
}

gint64
ed_case_conflict_get_id (EdCaseConflict *self)
{
  g_return_val_if_fail (ED_IS_CASE_CONFLICT (self), 0);
  return self->theirs->id;
}

/**
 * ed_case_conflict_get_reference:
 *
 * Returns: the case's canonical reference
 */
const char *
ed_case_conflict_get_reference (EdCaseConflict *self)
{
  g_return_val_if_fail (ED_IS_CASE_CONFLICT (self), NULL);
  return self->theirs->reference;
}

/**
 * ed_case_conflict_get_changed_by:
 *
 * Returns: (nullable): the database role that saved the other version
 */
const char *
ed_case_conflict_get_changed_by (EdCaseConflict *self)
{
  g_return_val_if_fail (ED_IS_CASE_CONFLICT (self), NULL);
  return self->theirs->changed_by;
}

/**
 * ed_case_conflict_get_mine:
 *
 * Returns: (transfer none): what this desk would have saved
 */
EdCaseRecord *
ed_case_conflict_get_mine (EdCaseConflict *self)
{
  g_return_val_if_fail (ED_IS_CASE_CONFLICT (self), NULL);
  return self->mine;
}

/**
 * ed_case_conflict_get_theirs:
 *
 * Returns: (transfer none): what the store has, with its version
 */
EdCaseRecord *
ed_case_conflict_get_theirs (EdCaseConflict *self)
{
  g_return_val_if_fail (ED_IS_CASE_CONFLICT (self), NULL);
  return self->theirs;
}

/**
 * ed_case_conflict_get_base:
 *
 * Returns: (transfer none) (nullable): the version both started from
 */
EdCaseRecord *
ed_case_conflict_get_base (EdCaseConflict *self)
{
  g_return_val_if_fail (ED_IS_CASE_CONFLICT (self), NULL);
  return self->base;
}

/**
 * ed_case_conflict_get_n_fields:
 *
 * Returns: how many fields differ; 0 when both desks saved the same
 */
guint
ed_case_conflict_get_n_fields (EdCaseConflict *self)
{
  g_return_val_if_fail (ED_IS_CASE_CONFLICT (self), 0);
  return self->fields->len;
}

const EdConflictField *
ed_case_conflict_get_field (EdCaseConflict *self,
                            guint           position)
{
  g_return_val_if_fail (ED_IS_CASE_CONFLICT (self), NULL);
  g_return_val_if_fail (position < self->fields->len, NULL);
  return &g_array_index (self->fields, EdConflictField, position);
}

void
ed_case_conflict_choose (EdCaseConflict   *self,
                         guint             position,
                         EdConflictChoice  choice)
{
  g_return_if_fail (ED_IS_CASE_CONFLICT (self));
  g_return_if_fail (position < self->fields->len);
  g_array_index (self->fields, EdConflictField, position).choice = choice;
}

void
ed_case_conflict_choose_all (EdCaseConflict   *self,
                             EdConflictChoice  choice)
{
  g_return_if_fail (ED_IS_CASE_CONFLICT (self));
  for (guint i = 0; i < self->fields->len; i++)
    g_array_index (self->fields, EdConflictField, i).choice = choice;
}

/**
 * ed_case_conflict_is_same:
 *
 * Returns: %TRUE when the two versions hold the same (no field differs)
 */
gboolean
ed_case_conflict_is_same (EdCaseConflict *self)
{
  g_return_val_if_fail (ED_IS_CASE_CONFLICT (self), FALSE);
  return self->fields->len == 0;
}

static void
set_tick (EdCaseRecord       *record,
          const EdRecordTick *tick,
          int                 traveller,
          const char         *step_id,
          const char         *item_id)
{
  for (guint i = 0; i < record->ticks->len; i++)
    {
      EdRecordTick *have = &g_array_index (record->ticks, EdRecordTick, i);

      if (have->traveller == traveller && g_strcmp0 (have->step_id, step_id) == 0 &&
          g_strcmp0 (have->item_id, item_id) == 0)
        {
          if (tick == NULL)
            g_array_remove_index (record->ticks, i);
          return;
        }
    }

  if (tick != NULL)
    {
      EdRecordTick copy = {
        .traveller = traveller,
        .step_id = g_strdup (step_id),
        .item_id = g_strdup (item_id),
        .done_at = tick->done_at,
      };

      g_array_append_val (record->ticks, copy);
    }
}

static void
take_mine (EdCaseConflict        *self,
           EdCaseRecord          *result,
           const EdConflictField *field)
{
  EdCaseRecord *mine = self->mine;
  EdTraveller *traveller = field->traveller >= 0 ? traveller_at (result, (guint) field->traveller)
                                                 : NULL;

  switch (field->kind)
    {
    case ED_CONFLICT_FIELD_PROCEDURE:
      g_free (result->procedure_id);
      result->procedure_id = g_strdup (mine->procedure_id);
      result->procedure_version = mine->procedure_version;
      break;
    case ED_CONFLICT_FIELD_STATUS:
      result->status = mine->status;
      result->closed = mine->closed;
      break;
    case ED_CONFLICT_FIELD_STEP:
      g_free (result->current_step);
      result->current_step = g_strdup (mine->current_step);
      break;
    case ED_CONFLICT_FIELD_NOTES:
      g_free (result->notes);
      result->notes = g_strdup (mine->notes);
      break;
    case ED_CONFLICT_FIELD_DATA:
      if (traveller != NULL)
        ed_traveller_set (traveller, field->key, field->mine);
      break;
    case ED_CONFLICT_FIELD_ANSWER:
      if (traveller != NULL)
        ed_traveller_set_answer (traveller, field->key, field->mine);
      break;
    case ED_CONFLICT_FIELD_CHECK:
      set_tick (result, find_tick (mine, field->traveller, field->step, field->key),
                field->traveller, field->step, field->key);
      break;
    case ED_CONFLICT_FIELD_TRAVELLER:
    default:
      /* Travellers come and go in ed_case_conflict_merge(). */
      break;
    }
}

/**
 * ed_case_conflict_merge:
 *
 * Returns: (transfer full): the other desk's version with the fields
 *   chosen from this desk's, carrying the other desk's version number so
 *   that it can be saved over it
 */
EdCaseRecord *
ed_case_conflict_merge (EdCaseConflict *self)
{
  EdCaseRecord *result;
  guint n_travellers;

  g_return_val_if_fail (ED_IS_CASE_CONFLICT (self), NULL);

  result = ed_case_record_copy (self->theirs);
  result->modified = MAX (self->mine->modified, self->theirs->modified);

  /* Travellers first, so that the values below find them. Only the tail
   * can differ in count: travellers beyond the shorter list. */
  n_travellers = result->travellers->len;
  for (guint i = 0; i < self->fields->len; i++)
    {
      const EdConflictField *field = &g_array_index (self->fields, EdConflictField, i);
      EdTraveller *mine;

      if (field->kind != ED_CONFLICT_FIELD_TRAVELLER || field->choice != ED_CONFLICT_KEEP_MINE)
        continue;
      mine = traveller_at (self->mine, (guint) field->traveller);
      if (mine != NULL && (guint) field->traveller >= result->travellers->len)
        g_ptr_array_add (result->travellers, ed_traveller_copy (mine));
      else if (mine == NULL)
        n_travellers = MIN (n_travellers, (guint) field->traveller);
    }
  if (n_travellers < result->travellers->len)
    g_ptr_array_set_size (result->travellers, n_travellers);

  for (guint i = 0; i < self->fields->len; i++)
    {
      const EdConflictField *field = &g_array_index (self->fields, EdConflictField, i);

      if (field->choice == ED_CONFLICT_KEEP_MINE)
        take_mine (self, result, field);
    }

  /* Ticks of travellers no longer there go with them. */
  for (guint i = result->ticks->len; i > 0; i--)
    if (g_array_index (result->ticks, EdRecordTick, i - 1).traveller >=
        (int) result->travellers->len)
      g_array_remove_index (result->ticks, i - 1);

  return result;
}

static char *
content_text (EdCaseRecord *record)
{
  g_autoptr(JsonNode) node = ed_case_record_to_json (record);
  JsonObject *object = json_node_get_object (node);

  /* The sheet log is not part of what a save writes. */
  json_object_remove_member (object, "sheets");
  return json_to_string (node, FALSE);
}

/**
 * ed_case_record_same_content:
 *
 * Returns: %TRUE when @a and @b hold the same case, times included
 *   (their versions and who saved them aside)
 */
gboolean
ed_case_record_same_content (EdCaseRecord *a,
                             EdCaseRecord *b)
{
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  text_a = content_text (a);
  text_b = content_text (b);
  return strcmp (text_a, text_b) == 0;
}

static void
ed_case_conflict_finalize (GObject *object)
{
  EdCaseConflict *self = ED_CASE_CONFLICT (object);

  g_clear_pointer (&self->base, ed_case_record_free);
  g_clear_pointer (&self->mine, ed_case_record_free);
  g_clear_pointer (&self->theirs, ed_case_record_free);
  g_clear_pointer (&self->fields, g_array_unref);

  G_OBJECT_CLASS (ed_case_conflict_parent_class)->finalize (object);
}

static void
ed_case_conflict_class_init (EdCaseConflictClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ed_case_conflict_finalize;
}

static void
ed_case_conflict_init (EdCaseConflict *self)
{
  self->fields = g_array_new (FALSE, TRUE, sizeof (EdConflictField));
  g_array_set_clear_func (self->fields, field_clear);
}
