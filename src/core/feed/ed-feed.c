/* ed-feed.c — the feed client's settings and progress
 *
 * The update itself is in ed-feed-update.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ed-feed.h"
#include "ed-feed-private.h"

struct _EdFeed
{
  GObject     parent_instance;

  GStrv       urls;
  GStrv       trusted_keys;
  guint       timeout;
  EdCatalog  *catalog;

  gboolean    running;
  double      fraction;
  char       *status;
};

enum {
  PROP_0,
  PROP_URLS,
  PROP_TRUSTED_KEYS,
  PROP_TIMEOUT,
  PROP_CATALOG,
  PROP_RUNNING,
  PROP_FRACTION,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (EdFeed, ed_feed, G_TYPE_OBJECT)

static void
ed_feed_finalize (GObject *object)
{
  EdFeed *self = ED_FEED (object);

  g_clear_pointer (&self->urls, g_strfreev);
  g_clear_pointer (&self->trusted_keys, g_strfreev);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->status, g_free);

  G_OBJECT_CLASS (ed_feed_parent_class)->finalize (object);
}

static void
ed_feed_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  EdFeed *self = ED_FEED (object);

  switch (prop_id)
    {
    case PROP_URLS:
      g_value_set_boxed (value, self->urls);
      break;
    case PROP_TRUSTED_KEYS:
      g_value_set_boxed (value, self->trusted_keys);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_feed_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  EdFeed *self = ED_FEED (object);

  switch (prop_id)
    {
    case PROP_URLS:
      ed_feed_set_urls (self, g_value_get_boxed (value));
      break;
    case PROP_TRUSTED_KEYS:
      ed_feed_set_trusted_keys (self, g_value_get_boxed (value));
      break;
    case PROP_TIMEOUT:
      ed_feed_set_timeout (self, g_value_get_uint (value));
      break;
    case PROP_CATALOG:
      ed_feed_set_catalog (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_feed_class_init (EdFeedClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ed_feed_finalize;
  object_class->get_property = ed_feed_get_property;
  object_class->set_property = ed_feed_set_property;

  /* The feeds' addresses (https://, or http:// to this computer). */
  properties[PROP_URLS] =
    g_param_spec_boxed ("urls", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Public keys, one line each, trusted in addition to the system's. */
  properties[PROP_TRUSTED_KEYS] =
    g_param_spec_boxed ("trusted-keys", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Seconds a server may stay silent; a whole file may take four times that. */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 1, 3600, ED_FEED_DEFAULT_TIMEOUT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The catalog the user sees: no update may go below its versions. */
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, ED_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* What the update is doing, in the UI language, for a progress label. */
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ed_feed_init (EdFeed *self)
{
  self->timeout = ED_FEED_DEFAULT_TIMEOUT;
  self->status = g_strdup ("");
}

EdFeed *
ed_feed_new (void)
{
  return g_object_new (ED_TYPE_FEED, NULL);
}

const char * const *
ed_feed_get_urls (EdFeed *self)
{
  g_return_val_if_fail (ED_IS_FEED (self), NULL);

  return (const char * const *) self->urls;
}

void
ed_feed_set_urls (EdFeed             *self,
                  const char * const *urls)
{
  g_return_if_fail (ED_IS_FEED (self));

  if (self->urls != NULL && urls != NULL && g_strv_equal ((const char * const *) self->urls, urls))
    return;

  g_strfreev (self->urls);
  self->urls = g_strdupv ((char **) urls);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URLS]);
}

const char * const *
ed_feed_get_trusted_keys (EdFeed *self)
{
  g_return_val_if_fail (ED_IS_FEED (self), NULL);

  return (const char * const *) self->trusted_keys;
}

void
ed_feed_set_trusted_keys (EdFeed             *self,
                          const char * const *keys)
{
  g_return_if_fail (ED_IS_FEED (self));

  if (self->trusted_keys != NULL && keys != NULL &&
      g_strv_equal ((const char * const *) self->trusted_keys, keys))
    return;

  g_strfreev (self->trusted_keys);
  self->trusted_keys = g_strdupv ((char **) keys);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRUSTED_KEYS]);
}

guint
ed_feed_get_timeout (EdFeed *self)
{
  g_return_val_if_fail (ED_IS_FEED (self), 0);

  return self->timeout;
}

void
ed_feed_set_timeout (EdFeed *self,
                     guint   seconds)
{
  g_return_if_fail (ED_IS_FEED (self));
  g_return_if_fail (seconds > 0);

  if (self->timeout == seconds)
    return;

  self->timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

EdCatalog *
ed_feed_get_catalog (EdFeed *self)
{
  g_return_val_if_fail (ED_IS_FEED (self), NULL);

  return self->catalog;
}

/**
 * ed_feed_set_catalog:
 * @catalog: (nullable): the catalog the user sees; when %NULL, an update
 *   reads the default catalog to know which versions the user has
 */
void
ed_feed_set_catalog (EdFeed    *self,
                     EdCatalog *catalog)
{
  g_return_if_fail (ED_IS_FEED (self));

  if (g_set_object (&self->catalog, catalog))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
}

gboolean
ed_feed_get_running (EdFeed *self)
{
  g_return_val_if_fail (ED_IS_FEED (self), FALSE);

  return self->running;
}

double
ed_feed_get_fraction (EdFeed *self)
{
  g_return_val_if_fail (ED_IS_FEED (self), 0.0);

  return self->fraction;
}

const char *
ed_feed_get_status (EdFeed *self)
{
  g_return_val_if_fail (ED_IS_FEED (self), NULL);

  return self->status;
}

void
_ed_feed_set_progress (EdFeed     *self,
                       double      fraction,
                       const char *status)
{
  fraction = CLAMP (fraction, 0.0, 1.0);
  if (fraction != self->fraction)
    {
      self->fraction = fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }
  if (status != NULL && g_strcmp0 (status, self->status) != 0)
    {
      g_free (self->status);
      self->status = g_strdup (status);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
}

void
_ed_feed_set_running (EdFeed   *self,
                      gboolean  running)
{
  if (running == self->running)
    return;

  self->running = running;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

/**
 * ed_feed_check_key:
 *
 * Checks a public key as a user would paste it: 44 characters of
 * base64, optionally followed by a space and a comment.
 */
gboolean
ed_feed_check_key (const char  *key,
                   GError     **error)
{
  g_autoptr(EdPublicKey) parsed = ed_public_key_parse (key, error);

  return parsed != NULL;
}
