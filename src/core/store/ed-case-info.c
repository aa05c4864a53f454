/* ed-case-info.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ed-case-info-private.h"
#include "ed-case-reference.h"

struct _EdCaseInfo
{
  GObject         parent_instance;

  EdCaseInfoData  data;
  char           *display_reference;
  char           *title;
};

G_DEFINE_FINAL_TYPE (EdCaseInfo, ed_case_info, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_REFERENCE,
  PROP_PROCEDURE_ID,
  PROP_PROCEDURE_VERSION,
  PROP_CURRENT_STEP,
  PROP_STATUS,
  PROP_NAMES,
  PROP_TITLE,
  PROP_NATIVE_NAME,
  PROP_N_TRAVELLERS,
  PROP_N_DONE,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_CLOSED,
  PROP_CHANGED_BY,
  PROP_OPEN_ELSEWHERE,
  PROP_WAITING,
  PROP_JOURNEY_ID,
  PROP_PROCEDURE_IDS,
  PROP_NEXT_DUE_AT,
  PROP_N_STEPS,
  PROP_STEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_ed_case_info_data_clear (EdCaseInfoData *data)
{
  g_clear_pointer (&data->reference, g_free);
  g_clear_pointer (&data->procedure_id, g_free);
  g_clear_pointer (&data->current_step, g_free);
  g_clear_pointer (&data->names, g_strfreev);
  g_clear_pointer (&data->native_name, g_free);
  g_clear_pointer (&data->changed_by, g_free);
  g_clear_pointer (&data->open_elsewhere, g_free);
  g_clear_pointer (&data->journey_id, g_free);
  g_clear_pointer (&data->procedure_ids, g_strfreev);
  ed_next_due_clear (&data->next_due);
}

EdCaseInfo *
_ed_case_info_new (EdCaseInfoData *data)
{
  EdCaseInfo *self = g_object_new (ED_TYPE_CASE_INFO, NULL);

  self->data = *data;
  memset (data, 0, sizeof *data);
  self->display_reference = ed_case_reference_format (self->data.reference);
  if (self->data.procedure_ids == NULL)
    self->data.procedure_ids = g_new0 (char *, 1);
  self->title = g_strjoinv (", ", self->data.names);

  return self;
}

/* Before the info is handed out: made of a case the store knows. */
void
_ed_case_info_set_waiting (EdCaseInfo *self,
                           gboolean    waiting)
{
  self->data.waiting = waiting;
}

/* Lists keep their row objects when a case changes, so that a selection
 * and the scroll position survive: the new values are copied in and
 * only what changed is notified. */
void
_ed_case_info_update (EdCaseInfo *self,
                      EdCaseInfo *newer)
{
  EdCaseInfoData *a = &self->data;
  EdCaseInfoData *b = &newer->data;
  GObject *object = G_OBJECT (self);

  g_return_if_fail (a->id == b->id);

  g_object_freeze_notify (object);

#define UPDATE_STRING(field, prop) \
  if (g_strcmp0 (a->field, b->field) != 0) \
    { \
      g_free (a->field); \
      a->field = g_strdup (b->field); \
      g_object_notify_by_pspec (object, properties[prop]); \
    }
#define UPDATE_VALUE(field, prop) \
  if (a->field != b->field) \
    { \
      a->field = b->field; \
      g_object_notify_by_pspec (object, properties[prop]); \
    }

  if (g_strcmp0 (a->reference, b->reference) != 0)
    {
      g_free (a->reference);
      a->reference = g_strdup (b->reference);
      g_free (self->display_reference);
      self->display_reference = g_strdup (newer->display_reference);
      g_object_notify_by_pspec (object, properties[PROP_REFERENCE]);
    }
  UPDATE_STRING (procedure_id, PROP_PROCEDURE_ID)
  UPDATE_VALUE (procedure_version, PROP_PROCEDURE_VERSION)
  UPDATE_STRING (current_step, PROP_CURRENT_STEP)
  UPDATE_VALUE (status, PROP_STATUS)
  UPDATE_VALUE (n_travellers, PROP_N_TRAVELLERS)
  UPDATE_VALUE (n_done, PROP_N_DONE)
  UPDATE_VALUE (created, PROP_CREATED)
  UPDATE_VALUE (modified, PROP_MODIFIED)
  UPDATE_VALUE (closed, PROP_CLOSED)
  UPDATE_STRING (changed_by, PROP_CHANGED_BY)
  UPDATE_STRING (open_elsewhere, PROP_OPEN_ELSEWHERE)
  UPDATE_VALUE (waiting, PROP_WAITING)
  UPDATE_STRING (journey_id, PROP_JOURNEY_ID)
  UPDATE_STRING (native_name, PROP_NATIVE_NAME)

  if (a->progress_known != b->progress_known ||
      a->progress.n_steps != b->progress.n_steps)
    {
      a->progress.n_steps = b->progress.n_steps;
      g_object_notify_by_pspec (object, properties[PROP_N_STEPS]);
    }
  if (a->progress_known != b->progress_known || a->progress.step != b->progress.step)
    {
      a->progress.step = b->progress.step;
      g_object_notify_by_pspec (object, properties[PROP_STEP]);
    }
  a->progress_known = b->progress_known;

#undef UPDATE_STRING
#undef UPDATE_VALUE

  if (!g_strv_equal ((const char * const *) a->names, (const char * const *) b->names))
    {
      g_strfreev (a->names);
      a->names = g_strdupv (b->names);
      g_free (self->title);
      self->title = g_strdup (newer->title);
      g_object_notify_by_pspec (object, properties[PROP_NAMES]);
      g_object_notify_by_pspec (object, properties[PROP_TITLE]);
    }

  if (!g_strv_equal ((const char * const *) a->procedure_ids,
                     (const char * const *) b->procedure_ids))
    {
      g_strfreev (a->procedure_ids);
      a->procedure_ids = g_strdupv (b->procedure_ids);
      g_object_notify_by_pspec (object, properties[PROP_PROCEDURE_IDS]);
    }

  /* Whichever part of the next deadline changed, a row redraws it whole. */
  if (a->next_due.due_at != b->next_due.due_at ||
      g_strcmp0 (a->next_due.when, b->next_due.when) != 0 ||
      g_strcmp0 (a->next_due.procedure_id, b->next_due.procedure_id) != 0 ||
      g_strcmp0 (a->next_due.rule_id, b->next_due.rule_id) != 0)
    {
      ed_next_due_copy (&a->next_due, &b->next_due);
      g_object_notify_by_pspec (object, properties[PROP_NEXT_DUE_AT]);
    }

  g_object_thaw_notify (object);
}

gint64
ed_case_info_get_id (EdCaseInfo *self)
{
  g_return_val_if_fail (ED_IS_CASE_INFO (self), 0);
  return self->data.id;
}

/**
 * ed_case_info_get_reference:
 *
 * Returns: the reference as shown, "ED-7K3M-Q9"
 */
const char *
ed_case_info_get_reference (EdCaseInfo *self)
{
  g_return_val_if_fail (ED_IS_CASE_INFO (self), NULL);
  return self->display_reference;
}

const char *
ed_case_info_get_procedure_id (EdCaseInfo *self)
{
  g_return_val_if_fail (ED_IS_CASE_INFO (self), NULL);
  return self->data.procedure_id;
}

int
ed_case_info_get_procedure_version (EdCaseInfo *self)
{
  g_return_val_if_fail (ED_IS_CASE_INFO (self), 0);
  return self->data.procedure_version;
}

const char *
ed_case_info_get_current_step (EdCaseInfo *self)
{
  g_return_val_if_fail (ED_IS_CASE_INFO (self), NULL);
  return self->data.current_step;
}

EdCaseStatus
ed_case_info_get_status (EdCaseInfo *self)
{
  g_return_val_if_fail (ED_IS_CASE_INFO (self), ED_CASE_OPEN);
  return self->data.status;
}

/**
 * ed_case_info_get_names:
 *
 * Returns: (transfer none): each traveller's name as
 *   ed_traveller_dup_display_name() gives it, travellers without a name
 *   left out
 */
const char * const *
ed_case_info_get_names (EdCaseInfo *self)
{
  g_return_val_if_fail (ED_IS_CASE_INFO (self), NULL);
  return (const char * const *) self->data.names;
}

/**
 * ed_case_info_get_title:
 *
 * Returns: the names joined by ", "; "" when nobody has a name yet
 */
const char *
ed_case_info_get_title (EdCaseInfo *self)
{
  g_return_val_if_fail (ED_IS_CASE_INFO (self), NULL);
  return self->title;
}

/**
 * ed_case_info_get_native_name:
 *
 * Returns: (nullable): the first named traveller's name in their own
 *   script (the traveller's "native_name": 張偉, 山田 太郎), when they also
 *   have a name in Latin letters, which the names hold; %NULL otherwise
 */
const char *
ed_case_info_get_native_name (EdCaseInfo *self)
{
  g_return_val_if_fail (ED_IS_CASE_INFO (self), NULL);
  return self->data.native_name;
}

guint
ed_case_info_get_n_travellers (EdCaseInfo *self)
{
  g_return_val_if_fail (ED_IS_CASE_INFO (self), 0);
  return self->data.n_travellers;
}

/**
 * ed_case_info_get_n_done:
 *
 * Returns: the number of checklist items ticked; the GUI divides it by
 *   what the procedure asks for to show progress
 */
guint
ed_case_info_get_n_done (EdCaseInfo *self)
{
  g_return_val_if_fail (ED_IS_CASE_INFO (self), 0);
  return self->data.n_done;
}

gint64
ed_case_info_get_created (EdCaseInfo *self)
{
  g_return_val_if_fail (ED_IS_CASE_INFO (self), 0);
  return self->data.created;
}

gint64
ed_case_info_get_modified (EdCaseInfo *self)
{
  g_return_val_if_fail (ED_IS_CASE_INFO (self), 0);
  return self->data.modified;
}

gint64
ed_case_info_get_closed (EdCaseInfo *self)
{
  g_return_val_if_fail (ED_IS_CASE_INFO (self), 0);
  return self->data.closed;
}

/**
 * ed_case_info_get_changed_by:
 *
 * Returns: (nullable): in an office database, the database role that
 *   changed the case last; %NULL in a desk's own store
 */
const char *
ed_case_info_get_changed_by (EdCaseInfo *self)
{
  g_return_val_if_fail (ED_IS_CASE_INFO (self), NULL);
  return self->data.changed_by;
}

/**
 * ed_case_info_get_open_elsewhere:
 *
 * Returns: (nullable): in an office database, the roles of the other
 *   desks that have the case open, joined by ", "; %NULL when none has
 */
const char *
ed_case_info_get_open_elsewhere (EdCaseInfo *self)
{
  g_return_val_if_fail (ED_IS_CASE_INFO (self), NULL);
  return self->data.open_elsewhere;
}

/**
 * ed_case_info_get_waiting:
 *
 * Returns: in an office database, whether a save of the case (or the
 *   new case itself) waits on this desk to be sent to the server
 */
gboolean
ed_case_info_get_waiting (EdCaseInfo *self)
{
  g_return_val_if_fail (ED_IS_CASE_INFO (self), FALSE);
  return self->data.waiting;
}

/* Returns: (nullable): the journey template the case was started from */
const char *
ed_case_info_get_journey_id (EdCaseInfo *self)
{
  g_return_val_if_fail (ED_IS_CASE_INFO (self), NULL);
  return self->data.journey_id;
}

/**
 * ed_case_info_get_procedure_ids:
 *
 * Returns: (transfer none): the ids of the case's procedures, in the
 *   journey's order
 */
const char * const *
ed_case_info_get_procedure_ids (EdCaseInfo *self)
{
  g_return_val_if_fail (ED_IS_CASE_INFO (self), NULL);
  return (const char * const *) self->data.procedure_ids;
}

/**
 * ed_case_info_get_next_due:
 *
 * Returns: (transfer none): the case's next deadline as it was worked
 *   out when the case was last saved; its @due_at is 0 when there is none
 */
const EdNextDue *
ed_case_info_get_next_due (EdCaseInfo *self)
{
  g_return_val_if_fail (ED_IS_CASE_INFO (self), NULL);
  return &self->data.next_due;
}

/**
 * ed_case_info_get_progress:
 * @progress: (out): how far the case is, in the steps that apply
 *
 * The case's progress as the wizard counts it (#EdCaseProgress), worked
 * out when the case was last saved with a catalog, or refreshed
 * (ed_store_refresh_due()).
 *
 * Returns: whether it is known: not before a catalog that has the
 *   case's procedure worked it out (then @progress is all 0)
 */
gboolean
ed_case_info_get_progress (EdCaseInfo     *self,
                           EdCaseProgress *progress)
{
  g_return_val_if_fail (ED_IS_CASE_INFO (self), FALSE);
  g_return_val_if_fail (progress != NULL, FALSE);

  *progress = self->data.progress_known ? self->data.progress : (EdCaseProgress) { 0 };
  return self->data.progress_known;
}

static void
ed_case_info_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  EdCaseInfo *self = ED_CASE_INFO (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->data.id);
      break;
    case PROP_REFERENCE:
      g_value_set_string (value, self->display_reference);
      break;
    case PROP_PROCEDURE_ID:
      g_value_set_string (value, self->data.procedure_id);
      break;
    case PROP_PROCEDURE_VERSION:
      g_value_set_int (value, self->data.procedure_version);
      break;
    case PROP_CURRENT_STEP:
      g_value_set_string (value, self->data.current_step);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->data.status);
      break;
    case PROP_NAMES:
      g_value_set_boxed (value, self->data.names);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_NATIVE_NAME:
      g_value_set_string (value, self->data.native_name);
      break;
    case PROP_N_TRAVELLERS:
      g_value_set_uint (value, self->data.n_travellers);
      break;
    case PROP_N_DONE:
      g_value_set_uint (value, self->data.n_done);
      break;
    case PROP_CREATED:
      g_value_set_int64 (value, self->data.created);
      break;
    case PROP_MODIFIED:
      g_value_set_int64 (value, self->data.modified);
      break;
    case PROP_CLOSED:
      g_value_set_int64 (value, self->data.closed);
      break;
    case PROP_CHANGED_BY:
      g_value_set_string (value, self->data.changed_by);
      break;
    case PROP_OPEN_ELSEWHERE:
      g_value_set_string (value, self->data.open_elsewhere);
      break;
    case PROP_WAITING:
      g_value_set_boolean (value, self->data.waiting);
      break;
    case PROP_JOURNEY_ID:
      g_value_set_string (value, self->data.journey_id);
      break;
    case PROP_PROCEDURE_IDS:
      g_value_set_boxed (value, self->data.procedure_ids);
      break;
    case PROP_NEXT_DUE_AT:
      g_value_set_int64 (value, self->data.next_due.due_at);
      break;
    case PROP_N_STEPS:
      g_value_set_int (value, self->data.progress_known ? (int) self->data.progress.n_steps : -1);
      break;
    case PROP_STEP:
      g_value_set_int (value, self->data.progress_known ? (int) self->data.progress.step : -1);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_case_info_finalize (GObject *object)
{
  EdCaseInfo *self = ED_CASE_INFO (object);

  _ed_case_info_data_clear (&self->data);
  g_free (self->display_reference);
  g_free (self->title);

  G_OBJECT_CLASS (ed_case_info_parent_class)->finalize (object);
}

static void
ed_case_info_class_init (EdCaseInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = ed_case_info_get_property;
  object_class->finalize = ed_case_info_finalize;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_REFERENCE] = g_param_spec_string ("reference", NULL, NULL, NULL, ro);
  properties[PROP_PROCEDURE_ID] = g_param_spec_string ("procedure-id", NULL, NULL, NULL, ro);
  properties[PROP_PROCEDURE_VERSION] =
    g_param_spec_int ("procedure-version", NULL, NULL, 0, G_MAXINT, 0, ro);
  properties[PROP_CURRENT_STEP] = g_param_spec_string ("current-step", NULL, NULL, NULL, ro);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, ED_TYPE_CASE_STATUS, ED_CASE_OPEN, ro);
  properties[PROP_NAMES] = g_param_spec_boxed ("names", NULL, NULL, G_TYPE_STRV, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_NATIVE_NAME] = g_param_spec_string ("native-name", NULL, NULL, NULL, ro);
  properties[PROP_N_TRAVELLERS] =
    g_param_spec_uint ("n-travellers", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_DONE] = g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_CREATED] = g_param_spec_int64 ("created", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_MODIFIED] = g_param_spec_int64 ("modified", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CLOSED] = g_param_spec_int64 ("closed", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CHANGED_BY] = g_param_spec_string ("changed-by", NULL, NULL, NULL, ro);
  properties[PROP_OPEN_ELSEWHERE] =
    g_param_spec_string ("open-elsewhere", NULL, NULL, NULL, ro);
  properties[PROP_WAITING] = g_param_spec_boolean ("waiting", NULL, NULL, FALSE, ro);
  properties[PROP_JOURNEY_ID] = g_param_spec_string ("journey-id", NULL, NULL, NULL, ro);
  properties[PROP_PROCEDURE_IDS] =
    g_param_spec_boxed ("procedure-ids", NULL, NULL, G_TYPE_STRV, ro);
  properties[PROP_NEXT_DUE_AT] =
    g_param_spec_int64 ("next-due-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);
  /* -1 while not known (ed_case_info_get_progress()) */
  properties[PROP_N_STEPS] = g_param_spec_int ("n-steps", NULL, NULL, -1, G_MAXINT, -1, ro);
  properties[PROP_STEP] = g_param_spec_int ("step", NULL, NULL, -1, G_MAXINT, -1, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ed_case_info_init (EdCaseInfo *self)
{
}
