/* ed-case-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ed-case-info-private.h"
#include "ed-case-list.h"
#include "ed-error.h"

/* Saves come in bursts while someone types: one search for a burst. */
#define REFRESH_DELAY_MS 150

struct _EdCaseList
{
  GObject        parent_instance;

  EdStore       *store;
  char          *search_text;
  gboolean       include_closed;
  guint          limit;

  GPtrArray     *items;          /* EdCaseInfo */
  GCancellable  *cancellable;    /* of the running search */
  guint          refresh_source;
};

static void ed_case_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EdCaseList, ed_case_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, ed_case_list_model_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_SEARCH_TEXT,
  PROP_INCLUDE_CLOSED,
  PROP_LIMIT,
  PROP_LOADING,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
get_item_type (GListModel *model)
{
  return ED_TYPE_CASE_INFO;
}

static guint
get_n_items (GListModel *model)
{
  return ED_CASE_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  EdCaseList *self = ED_CASE_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
ed_case_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* Rows of cases still found keep their object, updated in place; then
 * only the range that differs is replaced. */
static void
apply_results (EdCaseList *self,
               GPtrArray  *found)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) old = g_steal_pointer (&self->items);
  guint prefix = 0, suffix = 0;

  for (guint i = 0; i < old->len; i++)
    {
      EdCaseInfo *info = g_ptr_array_index (old, i);
      gint64 id = ed_case_info_get_id (info);

      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), info);
    }

  self->items = g_ptr_array_new_full (found->len, g_object_unref);
  for (guint i = 0; i < found->len; i++)
    {
      EdCaseInfo *newer = g_ptr_array_index (found, i);
      gint64 id = ed_case_info_get_id (newer);
      EdCaseInfo *kept = g_hash_table_lookup (by_id, &id);

      if (kept != NULL)
        _ed_case_info_update (kept, newer);
      g_ptr_array_add (self->items, g_object_ref (kept != NULL ? kept : newer));
    }

  while (prefix < old->len && prefix < self->items->len &&
         g_ptr_array_index (old, prefix) == g_ptr_array_index (self->items, prefix))
    prefix++;
  while (suffix < old->len - prefix && suffix < self->items->len - prefix &&
         g_ptr_array_index (old, old->len - 1 - suffix) ==
         g_ptr_array_index (self->items, self->items->len - 1 - suffix))
    suffix++;

  if (prefix + suffix < MAX (old->len, self->items->len))
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old->len - prefix - suffix,
                                self->items->len - prefix - suffix);
  if (old->len != self->items->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
set_loading (EdCaseList   *self,
             GCancellable *cancellable)
{
  gboolean was_loading = self->cancellable != NULL;

  g_clear_object (&self->cancellable);
  self->cancellable = cancellable;
  if (was_loading != (cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
on_searched (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(EdCaseList) self = user_data;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  found = ed_store_search_finish (ED_STORE (object), result, &error);
  /* An older search, overtaken by a newer keystroke. */
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;

  set_loading (self, NULL);
  /* An office database out of reach: the cases listed stay, as they
   * were last read (it is read again when it is back). */
  if (found == NULL && g_error_matches (error, ED_ERROR, ED_ERROR_OFFLINE))
    return;
  /* A store that cannot be read shows no cases; the store reports why. */
  if (found == NULL)
    found = g_ptr_array_new ();
  apply_results (self, found);
}

static void
refresh (EdCaseList *self)
{
  GCancellable *cancellable = g_cancellable_new ();

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  set_loading (self, cancellable);

  /* The plain list comes by next deadline: what is due first. */
  ed_store_search_async (self->store, self->search_text,
                         (self->include_closed ? ED_CASE_QUERY_INCLUDE_CLOSED
                                               : ED_CASE_QUERY_OPEN) | ED_CASE_QUERY_BY_DUE,
                         self->limit, cancellable, on_searched, g_object_ref (self));
}

static gboolean
refresh_later (gpointer data)
{
  EdCaseList *self = data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (EdStore    *store,
                  EdCaseList *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_timeout_add (REFRESH_DELAY_MS, refresh_later, self);
}

/* An office database that comes back is read again: what other desks
 * did meanwhile, and the cases a desk that started offline never saw. */
static void
on_store_offline (EdStore    *store,
                  GParamSpec *pspec,
                  EdCaseList *self)
{
  if (!ed_store_get_offline (store))
    on_store_changed (store, self);
}

/**
 * ed_case_list_new:
 *
 * Returns: (transfer full): the open cases of @store, the most recently
 *   changed first; it fills in shortly (see #EdCaseList:loading)
 */
EdCaseList *
ed_case_list_new (EdStore *store)
{
  g_return_val_if_fail (ED_IS_STORE (store), NULL);

  return g_object_new (ED_TYPE_CASE_LIST, "store", store, NULL);
}

EdStore *
ed_case_list_get_store (EdCaseList *self)
{
  g_return_val_if_fail (ED_IS_CASE_LIST (self), NULL);
  return self->store;
}

const char *
ed_case_list_get_search_text (EdCaseList *self)
{
  g_return_val_if_fail (ED_IS_CASE_LIST (self), NULL);
  return self->search_text;
}

void
ed_case_list_set_search_text (EdCaseList *self,
                              const char *text)
{
  g_return_if_fail (ED_IS_CASE_LIST (self));

  if (g_strcmp0 (self->search_text, text) != 0)
    {
      g_free (self->search_text);
      self->search_text = g_strdup (text);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
      refresh (self);
    }
}

gboolean
ed_case_list_get_include_closed (EdCaseList *self)
{
  g_return_val_if_fail (ED_IS_CASE_LIST (self), FALSE);
  return self->include_closed;
}

void
ed_case_list_set_include_closed (EdCaseList *self,
                                 gboolean    include_closed)
{
  g_return_if_fail (ED_IS_CASE_LIST (self));

  include_closed = !!include_closed;
  if (self->include_closed != include_closed)
    {
      self->include_closed = include_closed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDE_CLOSED]);
      refresh (self);
    }
}

guint
ed_case_list_get_limit (EdCaseList *self)
{
  g_return_val_if_fail (ED_IS_CASE_LIST (self), 0);
  return self->limit;
}

/**
 * ed_case_list_set_limit:
 * @limit: the most rows, 0 for every case (slower with many cases)
 */
void
ed_case_list_set_limit (EdCaseList *self,
                        guint       limit)
{
  g_return_if_fail (ED_IS_CASE_LIST (self));

  if (self->limit != limit)
    {
      self->limit = limit;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIMIT]);
      refresh (self);
    }
}

/**
 * ed_case_list_get_loading:
 *
 * Returns: %TRUE while a search runs; the rows are those of the last one
 */
gboolean
ed_case_list_get_loading (EdCaseList *self)
{
  g_return_val_if_fail (ED_IS_CASE_LIST (self), FALSE);
  return self->cancellable != NULL;
}

static void
ed_case_list_constructed (GObject *object)
{
  EdCaseList *self = ED_CASE_LIST (object);

  G_OBJECT_CLASS (ed_case_list_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self, 0);
  g_signal_connect_object (self->store, "notify::offline", G_CALLBACK (on_store_offline), self,
                           0);
  refresh (self);
}

static void
ed_case_list_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  EdCaseList *self = ED_CASE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->search_text);
      break;
    case PROP_INCLUDE_CLOSED:
      g_value_set_boolean (value, self->include_closed);
      break;
    case PROP_LIMIT:
      g_value_set_uint (value, self->limit);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, ed_case_list_get_loading (self));
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_case_list_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  EdCaseList *self = ED_CASE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SEARCH_TEXT:
      ed_case_list_set_search_text (self, g_value_get_string (value));
      break;
    case PROP_INCLUDE_CLOSED:
      ed_case_list_set_include_closed (self, g_value_get_boolean (value));
      break;
    case PROP_LIMIT:
      ed_case_list_set_limit (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_case_list_dispose (GObject *object)
{
  EdCaseList *self = ED_CASE_LIST (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ed_case_list_parent_class)->dispose (object);
}

static void
ed_case_list_finalize (GObject *object)
{
  EdCaseList *self = ED_CASE_LIST (object);

  g_free (self->search_text);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (ed_case_list_parent_class)->finalize (object);
}

static void
ed_case_list_class_init (EdCaseListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = ed_case_list_constructed;
  object_class->get_property = ed_case_list_get_property;
  object_class->set_property = ed_case_list_set_property;
  object_class->dispose = ed_case_list_dispose;
  object_class->finalize = ed_case_list_finalize;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ED_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, NULL, rw);
  properties[PROP_INCLUDE_CLOSED] =
    g_param_spec_boolean ("include-closed", NULL, NULL, FALSE, rw);
  properties[PROP_LIMIT] =
    g_param_spec_uint ("limit", NULL, NULL, 0, G_MAXUINT, ED_STORE_SEARCH_LIMIT, rw);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, ro);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ed_case_list_init (EdCaseList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->limit = ED_STORE_SEARCH_LIMIT;
}
