/* ed-case.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ed-case-private.h"
#include "ed-case-reference.h"
#include "ed-string.h"

struct _EdCase
{
  GObject       parent_instance;

  gint64        id;                 /* 0 until stored */
  char         *reference;          /* canonical, NULL until stored */
  char         *display_reference;
  char         *journey_id;         /* the template it was started from, or NULL */
  GPtrArray    *procedures;         /* EdCaseProcedure, never empty */
  guint         current;            /* the one the wizard shows */
  char         *current_step;
  EdCaseStatus  status;
  gint64        closed;
  gint64        created;
  gint64        modified;
  char         *notes;
  GListStore   *travellers;
  GPtrArray    *ticks;              /* EdCaseTick */
};

G_DEFINE_FINAL_TYPE (EdCase, ed_case, G_TYPE_OBJECT)
G_DEFINE_ENUM_TYPE (EdCaseStatus, ed_case_status,
                    G_DEFINE_ENUM_VALUE (ED_CASE_OPEN, "open"),
                    G_DEFINE_ENUM_VALUE (ED_CASE_CLOSED, "closed"))

enum {
  PROP_0,
  PROP_ID,
  PROP_REFERENCE,
  PROP_PROCEDURE_ID,
  PROP_PROCEDURE_VERSION,
  PROP_JOURNEY_ID,
  PROP_N_PROCEDURES,
  PROP_CURRENT_STEP,
  PROP_STATUS,
  PROP_CLOSED,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_NOTES,
  PROP_N_TRAVELLERS,
  PROP_N_DONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  PROCEDURES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char *
ed_case_status_to_string (EdCaseStatus status)
{
  return status == ED_CASE_CLOSED ? "closed" : "open";
}

gboolean
ed_case_status_from_string (const char   *text,
                            EdCaseStatus *status)
{
  if (g_strcmp0 (text, "open") == 0)
    *status = ED_CASE_OPEN;
  else if (g_strcmp0 (text, "closed") == 0)
    *status = ED_CASE_CLOSED;
  else
    return FALSE;

  return TRUE;
}

/* Seconds are what staff read and what the export keeps. */
gint64
ed_case_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* Every change ends here: the case is newer, and whoever saves it hears. */
static void
touch (EdCase *self)
{
  gint64 now = ed_case_now ();

  if (now != self->modified)
    {
      self->modified = now;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

void
_ed_case_touch (EdCase *self)
{
  touch (self);
}

void
_ed_case_notify_n_done (EdCase *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
}

GPtrArray *
_ed_case_ticks (EdCase *self)
{
  return self->ticks;
}

GPtrArray *
_ed_case_procedures (EdCase *self)
{
  return self->procedures;
}

guint
_ed_case_get_current (EdCase *self)
{
  return self->current;
}

/* The current procedure moved, or its version changed. */
void
_ed_case_set_current (EdCase *self,
                      guint   position)
{
  const EdCaseProcedure *before = g_ptr_array_index (self->procedures, self->current);
  g_autofree char *id = g_strdup (before->id);
  int version = before->version;
  const EdCaseProcedure *now;

  self->current = MIN (position, self->procedures->len - 1);
  now = g_ptr_array_index (self->procedures, self->current);
  if (g_strcmp0 (id, now->id) != 0)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROCEDURE_ID]);
      /* The step belonged to the other procedure. */
      if (ed_string_replace (&self->current_step, NULL))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_STEP]);
    }
  if (version != now->version)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROCEDURE_VERSION]);
}

/* The array of procedures changed under the current one: its index
 * follows it, nothing else changed. */
void
_ed_case_keep_current (EdCase *self,
                       guint   position)
{
  self->current = position;
}

/* Whatever changed in the list of procedures: said once, then saved. */
void
_ed_case_procedures_changed (EdCase *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PROCEDURES]);
  g_signal_emit (self, signals[PROCEDURES_CHANGED], 0);
  touch (self);
}

void
_ed_case_procedure_free (gpointer data)
{
  EdCaseProcedure *procedure = data;

  g_free (procedure->id);
  g_free (procedure);
}

EdCaseProcedure *
_ed_case_procedure_new (const char *id,
                        int         version)
{
  EdCaseProcedure *procedure = g_new0 (EdCaseProcedure, 1);

  procedure->id = g_strdup (id);
  procedure->version = version;
  return procedure;
}

/**
 * ed_case_new:
 *
 * Returns: (transfer full): a case holding one procedure, without
 *   travellers; add more procedures with ed_case_add_procedure()
 */
EdCase *
ed_case_new (const char *procedure_id,
             int         procedure_version)
{
  EdCase *self;

  g_return_val_if_fail (procedure_id != NULL && *procedure_id != '\0', NULL);

  self = g_object_new (ED_TYPE_CASE, NULL);
  g_ptr_array_add (self->procedures, _ed_case_procedure_new (procedure_id, procedure_version));

  return self;
}

gint64
ed_case_get_id (EdCase *self)
{
  g_return_val_if_fail (ED_IS_CASE (self), 0);
  return self->id;
}

/**
 * ed_case_get_reference:
 *
 * Returns: (nullable): the reference as shown ("ED-7K3M-Q9"), or %NULL
 *   for a case the store has not taken yet
 */
const char *
ed_case_get_reference (EdCase *self)
{
  g_return_val_if_fail (ED_IS_CASE (self), NULL);
  return self->display_reference;
}

const char *
ed_case_get_canonical_reference (EdCase *self)
{
  return self->reference;
}

void
ed_case_set_identity (EdCase     *self,
                       gint64      id,
                       const char *canonical_reference)
{
  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
  if (ed_string_replace (&self->reference, canonical_reference))
    {
      g_clear_pointer (&self->display_reference, g_free);
      if (self->reference != NULL)
        self->display_reference = ed_case_reference_format (self->reference);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERENCE]);
    }
}

void
ed_case_set_times (EdCase *self,
                    gint64  created,
                    gint64  modified,
                    gint64  closed)
{
  self->created = created;
  self->modified = modified;
  self->closed = self->status == ED_CASE_CLOSED ? closed : 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOSED]);
}

static EdCaseProcedure *
current_procedure (EdCase *self)
{
  return g_ptr_array_index (self->procedures, self->current);
}

/**
 * ed_case_get_procedure_id:
 *
 * Returns: the current procedure: the one the wizard shows
 */
const char *
ed_case_get_procedure_id (EdCase *self)
{
  g_return_val_if_fail (ED_IS_CASE (self), NULL);
  return current_procedure (self)->id;
}

int
ed_case_get_procedure_version (EdCase *self)
{
  g_return_val_if_fail (ED_IS_CASE (self), 0);
  return current_procedure (self)->version;
}

/**
 * ed_case_set_procedure:
 *
 * Moves the current procedure to another version (an updated procedure
 * file) or makes @procedure_id current with that version when the case
 * holds it; otherwise @procedure_id takes the current procedure's place
 * in the journey. The checklist is kept: item ids that still exist stay
 * ticked.
 */
void
ed_case_set_procedure (EdCase     *self,
                       const char *procedure_id,
                       int         procedure_version)
{
  EdCaseProcedure *procedure;
  gboolean changed = FALSE;
  gboolean list_changed = FALSE;
  int position;

  g_return_if_fail (ED_IS_CASE (self));
  g_return_if_fail (procedure_id != NULL && *procedure_id != '\0');

  position = ed_case_find_procedure (self, procedure_id);
  if (position < 0)
    {
      /* Another procedure takes the current one's place. */
      procedure = current_procedure (self);
      _ed_case_rename_ticks (self, procedure->id, procedure_id);
      ed_string_replace (&procedure->id, procedure_id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROCEDURE_ID]);
      list_changed = TRUE;
    }
  else if ((guint) position != self->current)
    {
      _ed_case_set_current (self, (guint) position);
      changed = TRUE;
    }

  procedure = current_procedure (self);
  if (procedure->version != procedure_version)
    {
      procedure->version = procedure_version;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROCEDURE_VERSION]);
      list_changed = TRUE;
    }

  if (list_changed)
    _ed_case_procedures_changed (self);
  else if (changed)
    touch (self);
}

/**
 * ed_case_get_journey_id:
 *
 * Returns: (nullable): the journey template the case was started from
 */
const char *
ed_case_get_journey_id (EdCase *self)
{
  g_return_val_if_fail (ED_IS_CASE (self), NULL);
  return self->journey_id;
}

void
ed_case_set_journey_id (EdCase     *self,
                        const char *journey_id)
{
  g_return_if_fail (ED_IS_CASE (self));

  if (ed_string_replace (&self->journey_id, journey_id))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOURNEY_ID]);
      touch (self);
    }
}

const char *
ed_case_get_current_step (EdCase *self)
{
  g_return_val_if_fail (ED_IS_CASE (self), NULL);
  return self->current_step;
}

/**
 * ed_case_set_current_step:
 * @step_id: (nullable): the step the wizard shows, so it resumes there
 */
void
ed_case_set_current_step (EdCase     *self,
                          const char *step_id)
{
  g_return_if_fail (ED_IS_CASE (self));

  if (ed_string_replace (&self->current_step, step_id))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_STEP]);
      touch (self);
    }
}

EdCaseStatus
ed_case_get_status (EdCase *self)
{
  g_return_val_if_fail (ED_IS_CASE (self), ED_CASE_OPEN);
  return self->status;
}

/**
 * ed_case_set_status:
 *
 * Closing a case dates it: the retention period counts from then.
 * Reopening clears the date.
 */
void
ed_case_set_status (EdCase       *self,
                    EdCaseStatus  status)
{
  g_return_if_fail (ED_IS_CASE (self));

  if (self->status == status)
    return;

  self->status = status;
  self->closed = status == ED_CASE_CLOSED ? ed_case_now () : 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOSED]);
  touch (self);
}

/**
 * ed_case_get_closed:
 *
 * Returns: when the case was closed (seconds since 1970, UTC), or 0
 */
gint64
ed_case_get_closed (EdCase *self)
{
  g_return_val_if_fail (ED_IS_CASE (self), 0);
  return self->closed;
}

gint64
ed_case_get_created (EdCase *self)
{
  g_return_val_if_fail (ED_IS_CASE (self), 0);
  return self->created;
}

gint64
ed_case_get_modified (EdCase *self)
{
  g_return_val_if_fail (ED_IS_CASE (self), 0);
  return self->modified;
}

const char *
ed_case_get_notes (EdCase *self)
{
  g_return_val_if_fail (ED_IS_CASE (self), NULL);
  return self->notes;
}

void
ed_case_set_notes (EdCase     *self,
                   const char *notes)
{
  g_return_if_fail (ED_IS_CASE (self));

  if (ed_string_replace (&self->notes, notes))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
      touch (self);
    }
}

/**
 * ed_case_get_travellers:
 *
 * Returns: (transfer none): the travellers (#EdTraveller), in order.
 *   Change it with ed_case_add_traveller() and ed_case_remove_traveller().
 */
GListModel *
ed_case_get_travellers (EdCase *self)
{
  g_return_val_if_fail (ED_IS_CASE (self), NULL);
  return G_LIST_MODEL (self->travellers);
}

guint
ed_case_get_n_travellers (EdCase *self)
{
  g_return_val_if_fail (ED_IS_CASE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->travellers));
}

/**
 * ed_case_get_traveller:
 *
 * Returns: (transfer none) (nullable): the traveller at @position
 */
EdTraveller *
ed_case_get_traveller (EdCase *self,
                       guint   position)
{
  g_autoptr(EdTraveller) traveller = NULL;

  g_return_val_if_fail (ED_IS_CASE (self), NULL);

  /* The list keeps its reference; a borrowed pointer is what callers want. */
  traveller = g_list_model_get_item (G_LIST_MODEL (self->travellers), position);
  return traveller;
}

int
ed_case_find_traveller (EdCase      *self,
                        EdTraveller *traveller)
{
  guint position;

  g_return_val_if_fail (ED_IS_CASE (self), -1);

  if (traveller != NULL && g_list_store_find (self->travellers, traveller, &position))
    return (int) position;
  return -1;
}

static void
on_traveller_changed (EdTraveller *traveller,
                      const char  *key,
                      EdCase      *self)
{
  touch (self);
}

void
ed_case_add_traveller (EdCase      *self,
                       EdTraveller *traveller)
{
  g_return_if_fail (ED_IS_CASE (self));
  g_return_if_fail (ED_IS_TRAVELLER (traveller));
  g_return_if_fail (ed_case_find_traveller (self, traveller) < 0);

  g_signal_connect_object (traveller, "changed", G_CALLBACK (on_traveller_changed), self, 0);
  g_list_store_append (self->travellers, traveller);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TRAVELLERS]);
  touch (self);
}

/**
 * ed_case_remove_traveller:
 *
 * Removes @traveller and what was ticked for them.
 *
 * Returns: %TRUE when @traveller was in the case
 */
gboolean
ed_case_remove_traveller (EdCase      *self,
                          EdTraveller *traveller)
{
  int position;

  g_return_val_if_fail (ED_IS_CASE (self), FALSE);

  position = ed_case_find_traveller (self, traveller);
  if (position < 0)
    return FALSE;

  _ed_case_drop_ticks (self, traveller);
  g_signal_handlers_disconnect_by_func (traveller, on_traveller_changed, self);
  g_list_store_remove (self->travellers, (guint) position);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TRAVELLERS]);
  touch (self);

  return TRUE;
}

/**
 * ed_case_dup_title:
 *
 * Returns: (transfer full): the travellers' names, "ERIKSSON ANNA,
 *   ERIKSSON LARS", as a list shows the case; "" before any name is typed
 */
char *
ed_case_dup_title (EdCase *self)
{
  g_autoptr(GString) title = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (ED_IS_CASE (self), NULL);

  n = ed_case_get_n_travellers (self);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = ed_traveller_dup_display_name (ed_case_get_traveller (self, i));

      if (*name == '\0')
        continue;
      if (title->len > 0)
        g_string_append (title, ", ");
      g_string_append (title, name);
    }

  return g_string_free (g_steal_pointer (&title), FALSE);
}

/**
 * ed_case_equal:
 *
 * Returns: %TRUE when both cases hold the same data: reference,
 *   journey (its template, procedures in order with their versions, the
 *   current one), step, status, dates, notes, travellers (in order) and
 *   checklist. The store's row id is not compared.
 */
gboolean
ed_case_equal (EdCase *self,
               EdCase *other)
{
  guint n;

  g_return_val_if_fail (ED_IS_CASE (self), FALSE);
  g_return_val_if_fail (ED_IS_CASE (other), FALSE);

  if (g_strcmp0 (self->reference, other->reference) != 0 ||
      g_strcmp0 (self->journey_id, other->journey_id) != 0 ||
      self->current != other->current ||
      self->procedures->len != other->procedures->len ||
      g_strcmp0 (self->current_step, other->current_step) != 0 ||
      self->status != other->status ||
      self->closed != other->closed ||
      self->created != other->created ||
      self->modified != other->modified ||
      g_strcmp0 (self->notes, other->notes) != 0)
    return FALSE;

  for (guint i = 0; i < self->procedures->len; i++)
    {
      const EdCaseProcedure *a = g_ptr_array_index (self->procedures, i);
      const EdCaseProcedure *b = g_ptr_array_index (other->procedures, i);

      if (strcmp (a->id, b->id) != 0 || a->version != b->version)
        return FALSE;
    }

  n = ed_case_get_n_travellers (self);
  if (n != ed_case_get_n_travellers (other))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!ed_traveller_equal (ed_case_get_traveller (self, i), ed_case_get_traveller (other, i)))
      return FALSE;

  return _ed_case_ticks_equal (self, other);
}

static void
ed_case_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  EdCase *self = ED_CASE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_REFERENCE:
      g_value_set_string (value, self->display_reference);
      break;
    case PROP_PROCEDURE_ID:
      g_value_set_string (value, current_procedure (self)->id);
      break;
    case PROP_PROCEDURE_VERSION:
      g_value_set_int (value, current_procedure (self)->version);
      break;
    case PROP_JOURNEY_ID:
      g_value_set_string (value, self->journey_id);
      break;
    case PROP_N_PROCEDURES:
      g_value_set_uint (value, self->procedures->len);
      break;
    case PROP_CURRENT_STEP:
      g_value_set_string (value, self->current_step);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_CLOSED:
      g_value_set_int64 (value, self->closed);
      break;
    case PROP_CREATED:
      g_value_set_int64 (value, self->created);
      break;
    case PROP_MODIFIED:
      g_value_set_int64 (value, self->modified);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_N_TRAVELLERS:
      g_value_set_uint (value, ed_case_get_n_travellers (self));
      break;
    case PROP_N_DONE:
      g_value_set_uint (value, ed_case_count_done (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_case_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  EdCase *self = ED_CASE (object);

  switch (prop_id)
    {
    case PROP_CURRENT_STEP:
      ed_case_set_current_step (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      ed_case_set_status (self, g_value_get_enum (value));
      break;
    case PROP_NOTES:
      ed_case_set_notes (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_case_dispose (GObject *object)
{
  EdCase *self = ED_CASE (object);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->travellers));

  for (guint i = 0; i < n; i++)
    g_signal_handlers_disconnect_by_func (ed_case_get_traveller (self, i),
                                          on_traveller_changed, self);
  g_list_store_remove_all (self->travellers);
  g_ptr_array_set_size (self->ticks, 0);

  G_OBJECT_CLASS (ed_case_parent_class)->dispose (object);
}

static void
ed_case_finalize (GObject *object)
{
  EdCase *self = ED_CASE (object);

  g_free (self->reference);
  g_free (self->display_reference);
  g_free (self->journey_id);
  g_clear_pointer (&self->procedures, g_ptr_array_unref);
  g_free (self->current_step);
  g_free (self->notes);
  g_clear_object (&self->travellers);
  g_clear_pointer (&self->ticks, g_ptr_array_unref);

  G_OBJECT_CLASS (ed_case_parent_class)->finalize (object);
}

static void
ed_case_class_init (EdCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = ed_case_get_property;
  object_class->set_property = ed_case_set_property;
  object_class->dispose = ed_case_dispose;
  object_class->finalize = ed_case_finalize;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_REFERENCE] = g_param_spec_string ("reference", NULL, NULL, NULL, ro);
  properties[PROP_PROCEDURE_ID] = g_param_spec_string ("procedure-id", NULL, NULL, NULL, ro);
  properties[PROP_PROCEDURE_VERSION] =
    g_param_spec_int ("procedure-version", NULL, NULL, 0, G_MAXINT, 0, ro);
  properties[PROP_JOURNEY_ID] = g_param_spec_string ("journey-id", NULL, NULL, NULL, ro);
  properties[PROP_N_PROCEDURES] =
    g_param_spec_uint ("n-procedures", NULL, NULL, 1, G_MAXUINT, 1, ro);
  properties[PROP_CURRENT_STEP] = g_param_spec_string ("current-step", NULL, NULL, NULL, rw);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, ED_TYPE_CASE_STATUS, ED_CASE_OPEN, rw);
  properties[PROP_CLOSED] = g_param_spec_int64 ("closed", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CREATED] = g_param_spec_int64 ("created", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_MODIFIED] = g_param_spec_int64 ("modified", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, rw);
  properties[PROP_N_TRAVELLERS] =
    g_param_spec_uint ("n-travellers", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_DONE] = g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EdCase::changed:
   *
   * Something that must be saved changed: a field of the case, one of
   * its travellers, the traveller list or the checklist.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * EdCase::procedures-changed:
   *
   * A procedure was added, removed or moved, or took another version.
   * #EdCase::changed follows.
   */
  signals[PROCEDURES_CHANGED] =
    g_signal_new ("procedures-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
ed_case_init (EdCase *self)
{
  self->procedures = g_ptr_array_new_with_free_func (_ed_case_procedure_free);
  self->travellers = g_list_store_new (ED_TYPE_TRAVELLER);
  self->ticks = g_ptr_array_new_with_free_func (_ed_case_tick_free);
  self->created = self->modified = ed_case_now ();
}
