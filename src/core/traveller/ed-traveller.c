/* ed-traveller.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ed-date.h"
#include "ed-error.h"
#include "ed-string.h"
#include "ed-traveller.h"
#include "ed-traveller-keys.h"

#define N_KEYS ED_TRAVELLER_N_KEYS

struct _EdTraveller
{
  GObject     parent_instance;

  char       *values[N_KEYS];
  GHashTable *answers;    /* field id → value */
};

G_DEFINE_FINAL_TYPE (EdTraveller, ed_traveller, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

EdTraveller *
ed_traveller_new (void)
{
  return g_object_new (ED_TYPE_TRAVELLER, NULL);
}

EdTraveller *
ed_traveller_copy (EdTraveller *self)
{
  EdTraveller *copy;
  GHashTableIter iter;
  gpointer id, value;

  g_return_val_if_fail (ED_IS_TRAVELLER (self), NULL);

  copy = ed_traveller_new ();
  for (guint i = 0; i < N_KEYS; i++)
    copy->values[i] = g_strdup (self->values[i]);

  g_hash_table_iter_init (&iter, self->answers);
  while (g_hash_table_iter_next (&iter, &id, &value))
    g_hash_table_insert (copy->answers, g_strdup (id), g_strdup (value));

  return copy;
}

gboolean
ed_traveller_equal (EdTraveller *self,
                    EdTraveller *other)
{
  GHashTableIter iter;
  gpointer id, value;

  g_return_val_if_fail (ED_IS_TRAVELLER (self), FALSE);
  g_return_val_if_fail (ED_IS_TRAVELLER (other), FALSE);

  for (guint i = 0; i < N_KEYS; i++)
    if (g_strcmp0 (self->values[i], other->values[i]) != 0)
      return FALSE;

  if (g_hash_table_size (self->answers) != g_hash_table_size (other->answers))
    return FALSE;

  g_hash_table_iter_init (&iter, self->answers);
  while (g_hash_table_iter_next (&iter, &id, &value))
    if (g_strcmp0 (value, g_hash_table_lookup (other->answers, id)) != 0)
      return FALSE;

  return TRUE;
}

gboolean
ed_traveller_is_empty (EdTraveller *self)
{
  g_return_val_if_fail (ED_IS_TRAVELLER (self), TRUE);

  for (guint i = 0; i < N_KEYS; i++)
    if (self->values[i] != NULL)
      return FALSE;

  return g_hash_table_size (self->answers) == 0;
}

/**
 * ed_traveller_get:
 * @key: one of ed_traveller_keys()
 *
 * Returns: (nullable): the value as entered, or %NULL when empty
 */
const char *
ed_traveller_get (EdTraveller *self,
                  const char  *key)
{
  int i;

  g_return_val_if_fail (ED_IS_TRAVELLER (self), NULL);

  i = ed_traveller_key_index (key);
  g_return_val_if_fail (i >= 0, NULL);

  return self->values[i];
}

/**
 * ed_traveller_set:
 * @key: one of ed_traveller_keys()
 * @value: (nullable): the value; %NULL or "" clears it
 *
 * Emits #EdTraveller::changed with @key as detail when the value changes.
 */
void
ed_traveller_set (EdTraveller *self,
                  const char  *key,
                  const char  *value)
{
  int i;

  g_return_if_fail (ED_IS_TRAVELLER (self));

  i = ed_traveller_key_index (key);
  g_return_if_fail (i >= 0);

  if (ed_string_replace (&self->values[i], value))
    g_signal_emit (self, signals[CHANGED], g_quark_from_static_string (ed_traveller_keys ()[i]),
                   ed_traveller_keys ()[i]);
}

const char *
ed_traveller_get_answer (EdTraveller *self,
                         const char  *field_id)
{
  g_return_val_if_fail (ED_IS_TRAVELLER (self), NULL);
  g_return_val_if_fail (field_id != NULL, NULL);

  return g_hash_table_lookup (self->answers, field_id);
}

/**
 * ed_traveller_set_answer:
 *
 * Sets the answer to one of a procedure's own fields. Emits
 * #EdTraveller::changed with "answers" as detail and @field_id as
 * argument when the answer changes.
 */
void
ed_traveller_set_answer (EdTraveller *self,
                         const char  *field_id,
                         const char  *value)
{
  char *current;

  g_return_if_fail (ED_IS_TRAVELLER (self));
  g_return_if_fail (field_id != NULL);

  current = g_strdup (g_hash_table_lookup (self->answers, field_id));
  if (!ed_string_replace (&current, value))
    {
      g_free (current);
      return;
    }

  if (current == NULL)
    g_hash_table_remove (self->answers, field_id);
  else
    g_hash_table_replace (self->answers, g_strdup (field_id), current);

  g_signal_emit (self, signals[CHANGED], g_quark_from_static_string ("answers"), field_id);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * ed_traveller_dup_answer_ids:
 *
 * Returns: (transfer full): the ids of the answers given, sorted
 */
GStrv
ed_traveller_dup_answer_ids (EdTraveller *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer id;

  g_return_val_if_fail (ED_IS_TRAVELLER (self), NULL);

  g_hash_table_iter_init (&iter, self->answers);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_ptr_array_add (ids, g_strdup (id));
  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

/**
 * ed_traveller_get_field_value:
 *
 * Returns: (nullable): the value for a procedure's field: the traveller
 *   key it is filled from, or else the answer under its id.
 */
const char *
ed_traveller_get_field_value (EdTraveller   *self,
                              const EdField *field)
{
  g_return_val_if_fail (ED_IS_TRAVELLER (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (field->traveller_key != NULL && ed_traveller_is_key (field->traveller_key))
    return ed_traveller_get (self, field->traveller_key);

  return ed_traveller_get_answer (self, field->id);
}

void
ed_traveller_set_field_value (EdTraveller   *self,
                              const EdField *field,
                              const char    *value)
{
  g_return_if_fail (ED_IS_TRAVELLER (self));
  g_return_if_fail (field != NULL);

  if (field->traveller_key != NULL && ed_traveller_is_key (field->traveller_key))
    ed_traveller_set (self, field->traveller_key, value);
  else
    ed_traveller_set_answer (self, field->id, value);
}

/**
 * ed_traveller_dup_display_name:
 *
 * Returns: (transfer full): "SURNAME Given Names", the native name when
 *   there is no Latin one, or "" for a traveller without a name yet.
 */
char *
ed_traveller_dup_display_name (EdTraveller *self)
{
  const char *surname, *given, *native;

  g_return_val_if_fail (ED_IS_TRAVELLER (self), NULL);

  surname = ed_traveller_get (self, "surname");
  given = ed_traveller_get (self, "given_names");
  native = ed_traveller_get (self, "native_name");

  if (surname != NULL && given != NULL)
    return g_strdup_printf ("%s %s", surname, given);
  if (surname != NULL || given != NULL)
    return g_strdup (surname != NULL ? surname : given);

  return g_strdup (native != NULL ? native : "");
}

/**
 * ed_traveller_to_json:
 *
 * Returns: (transfer full): the traveller file's object: every key
 *   given, then `answers`. Private answers are never here: they are not
 *   kept at all.
 */
JsonNode *
ed_traveller_to_json (EdTraveller *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_auto(GStrv) ids = NULL;

  g_return_val_if_fail (ED_IS_TRAVELLER (self), NULL);

  json_builder_begin_object (builder);
  for (guint i = 0; i < N_KEYS; i++)
    {
      if (self->values[i] == NULL)
        continue;
      json_builder_set_member_name (builder, ed_traveller_keys ()[i]);
      json_builder_add_string_value (builder, self->values[i]);
    }

  json_builder_set_member_name (builder, "answers");
  json_builder_begin_object (builder);
  ids = ed_traveller_dup_answer_ids (self);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      json_builder_set_member_name (builder, ids[i]);
      json_builder_add_string_value (builder, g_hash_table_lookup (self->answers, ids[i]));
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
check_string_member (JsonNode    *value,
                     const char  *where,
                     const char  *name,
                     GError     **error)
{
  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    return TRUE;

  if (JSON_NODE_HOLDS_NULL (value))
    return TRUE;

  g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
               /* Translators: the first %s is a place such as "answers", the second a key */
               _("%s“%s” must be a text in quotes"), where, name);
  return FALSE;
}

/**
 * ed_traveller_new_from_json:
 * @node: a traveller file's root
 *
 * Reads the traveller file of DESIGN.md. Keys it does not know are
 * refused, so that a misspelt key is noticed, not silently lost.
 *
 * Returns: (transfer full): the traveller, or %NULL with @error set
 */
EdTraveller *
ed_traveller_new_from_json (JsonNode  *node,
                            GError   **error)
{
  g_autoptr(EdTraveller) self = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                   _("A traveller must be a JSON object with keys such as “surname”"));
      return NULL;
    }

  self = ed_traveller_new ();
  object = json_node_get_object (node);
  members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *value = json_object_get_member (object, name);

      if (g_strcmp0 (name, "answers") == 0)
        {
          g_autoptr(GList) answer_ids = NULL;
          JsonObject *answers;

          if (JSON_NODE_HOLDS_NULL (value))
            continue;
          if (!JSON_NODE_HOLDS_OBJECT (value))
            {
              g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                           _("“answers” must be a JSON object of field ids and texts"));
              return NULL;
            }

          answers = json_node_get_object (value);
          answer_ids = json_object_get_members (answers);
          for (GList *a = answer_ids; a != NULL; a = a->next)
            {
              JsonNode *answer = json_object_get_member (answers, a->data);

              if (!check_string_member (answer, "answers.", a->data, error))
                return NULL;
              if (!JSON_NODE_HOLDS_NULL (answer))
                ed_traveller_set_answer (self, a->data, json_node_get_string (answer));
            }
          continue;
        }

      if (!ed_traveller_is_key (name))
        {
          g_set_error (error, ED_ERROR, ED_ERROR_INVALID,
                       _("Unknown key “%s” in the traveller"), name);
          return NULL;
        }

      if (!check_string_member (value, "", name, error))
        return NULL;
      if (!JSON_NODE_HOLDS_NULL (value))
        ed_traveller_set (self, name, json_node_get_string (value));
    }

  return g_steal_pointer (&self);
}

EdTraveller *
ed_traveller_load (const char  *path,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  EdTraveller *traveller;

  g_return_val_if_fail (path != NULL, NULL);

  if (!json_parser_load_from_mapped_file (parser, path, &local_error))
    {
      g_set_error (error, ED_ERROR, ED_ERROR_PARSE,
                   "%s: %s", path, local_error->message);
      return NULL;
    }

  traveller = ed_traveller_new_from_json (json_parser_get_root (parser), &local_error);
  if (traveller == NULL)
    g_set_error (error, ED_ERROR, ED_ERROR_INVALID, "%s: %s", path, local_error->message);

  return traveller;
}

/**
 * ed_traveller_save:
 *
 * Writes the traveller file atomically, readable by its owner only: it
 * holds personal data.
 */
gboolean
ed_traveller_save (EdTraveller  *self,
                   const char   *path,
                   GError      **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (ED_IS_TRAVELLER (self), FALSE);

  root = ed_traveller_to_json (self);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, &length);

  return g_file_set_contents_full (path, data, (gssize) length,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

static void
ed_traveller_finalize (GObject *object)
{
  EdTraveller *self = ED_TRAVELLER (object);

  for (guint i = 0; i < N_KEYS; i++)
    g_free (self->values[i]);
  g_clear_pointer (&self->answers, g_hash_table_unref);

  G_OBJECT_CLASS (ed_traveller_parent_class)->finalize (object);
}

static void
ed_traveller_class_init (EdTravellerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ed_traveller_finalize;

  /**
   * EdTraveller::changed:
   * @key: the traveller key that changed, or the field id of an answer
   *
   * The detail is the key, or "answers" for an answer.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ed_traveller_init (EdTraveller *self)
{
  self->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * ed_traveller_find_event_date:
 * @procedure: the procedure of @period, whose fields it may name
 * @event: (out caller-allocates): the date
 *
 * The event is a traveller key (`arrival_date`) or the id of one of the
 * procedure's fields, whose value comes from its traveller key or the
 * traveller's answer.
 *
 * Returns: whether the traveller has a valid date for it
 */
gboolean
ed_traveller_find_event_date (EdTraveller    *traveller,
                              EdProcedure    *procedure,
                              const EdPeriod *period,
                              GDate          *event)
{
  const char *value = NULL;

  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (ED_IS_PROCEDURE (procedure), FALSE);
  g_return_val_if_fail (ED_IS_TRAVELLER (traveller), FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  if (ed_traveller_is_key (period->event))
    value = ed_traveller_get (traveller, period->event);
  else
    {
      const EdField *field = ed_procedure_find_field (procedure, period->event);

      if (field != NULL)
        value = ed_traveller_get_field_value (traveller, field);
    }

  return ed_date_parse (value, event);
}

static const char *
facts_get_key (gpointer    data,
               const char *name)
{
  return ed_traveller_get (data, name);
}

static const char *
facts_get_answer (gpointer    data,
                  const char *name)
{
  return ed_traveller_get_answer (data, name);
}

/**
 * ed_traveller_get_facts:
 * @facts: (out caller-allocates): filled to read @self
 * @today: (nullable): the day to judge on; %NULL for today
 *
 * What a procedure's rules need to know of @self (ed-facts.h). @facts
 * reads @self as it is: normalise it first (ed_traveller_normalize()),
 * and keep it alive while @facts is used.
 */
void
ed_traveller_get_facts (EdTraveller *self,
                        EdFacts     *facts,
                        const GDate *today)
{
  g_return_if_fail (ED_IS_TRAVELLER (self));
  g_return_if_fail (facts != NULL);

  facts->get_key = facts_get_key;
  facts->get_answer = facts_get_answer;
  facts->data = self;
  if (today != NULL && g_date_valid (today))
    facts->today = *today;
  else
    ed_date_today (&facts->today);
}
