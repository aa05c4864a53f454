/* ed-feed-result.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ed-feed-private.h"
#include "ed-feed-result.h"

struct _EdFeedResult
{
  GObject        parent_instance;

  EdFeedOutcome  outcome;
  GPtrArray     *changes;
  guint          n_downloaded;
};

G_DEFINE_FINAL_TYPE (EdFeedResult, ed_feed_result, G_TYPE_OBJECT)

EdFeedChange *
_ed_feed_change_new (EdFeedChangeKind  kind,
                     const char       *id,
                     int               old_version,
                     int               new_version,
                     EdText           *title)
{
  EdFeedChange *change = g_new0 (EdFeedChange, 1);

  change->kind = kind;
  change->id = g_strdup (id);
  change->old_version = old_version;
  change->new_version = new_version;
  change->title = title != NULL ? ed_text_ref (title) : NULL;

  return change;
}

void
_ed_feed_change_free (EdFeedChange *change)
{
  g_free (change->id);
  g_clear_pointer (&change->title, ed_text_unref);
  g_free (change);
}

static void
ed_feed_result_finalize (GObject *object)
{
  EdFeedResult *self = ED_FEED_RESULT (object);

  g_clear_pointer (&self->changes, g_ptr_array_unref);

  G_OBJECT_CLASS (ed_feed_result_parent_class)->finalize (object);
}

static void
ed_feed_result_class_init (EdFeedResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ed_feed_result_finalize;
}

static void
ed_feed_result_init (EdFeedResult *self)
{
}

/**
 * _ed_feed_result_new:
 * @changes: (element-type EdFeedChange): referenced
 */
EdFeedResult *
_ed_feed_result_new (EdFeedOutcome  outcome,
                     GPtrArray     *changes,
                     guint          n_downloaded)
{
  EdFeedResult *self = g_object_new (ED_TYPE_FEED_RESULT, NULL);

  self->outcome = outcome;
  self->changes = g_ptr_array_ref (changes);
  self->n_downloaded = n_downloaded;

  return self;
}

EdFeedOutcome
ed_feed_result_get_outcome (EdFeedResult *self)
{
  g_return_val_if_fail (ED_IS_FEED_RESULT (self), ED_FEED_OUTCOME_UP_TO_DATE);

  return self->outcome;
}

/**
 * ed_feed_result_get_changes:
 *
 * Returns: (transfer none) (element-type EdFeedChange): what was
 *   added, updated or removed, by procedure id
 */
GPtrArray *
ed_feed_result_get_changes (EdFeedResult *self)
{
  g_return_val_if_fail (ED_IS_FEED_RESULT (self), NULL);

  return self->changes;
}

/* Returns: how many files were actually transferred */
guint
ed_feed_result_get_n_downloaded (EdFeedResult *self)
{
  g_return_val_if_fail (ED_IS_FEED_RESULT (self), 0);

  return self->n_downloaded;
}

static const char *
change_name (const EdFeedChange *change,
             EdLanguage          language)
{
  return change->title != NULL ? ed_text_get (change->title, language) : change->id;
}

static char *
describe_change (const EdFeedChange *change,
                 EdLanguage          language)
{
  const char *name = change_name (change, language);

  switch (change->kind)
    {
    case ED_FEED_CHANGE_ADDED:
      return g_strdup_printf (_("Added: “%s” (version %d)"), name, change->new_version);
    case ED_FEED_CHANGE_UPDATED:
      return g_strdup_printf (_("Updated: “%s” (version %d → %d)"),
                              name, change->old_version, change->new_version);
    case ED_FEED_CHANGE_REMOVED:
    default:
      return g_strdup_printf (_("Removed from the updates: “%s” (no feed lists it any more)"),
                              name);
    }
}

/**
 * ed_feed_result_get_summary:
 * @language: the language of procedure titles
 *
 * Returns: one sentence for a toast: what changed, or why nothing did
 */
char *
ed_feed_result_get_summary (EdFeedResult *self,
                            EdLanguage    language)
{
  guint counts[3] = { 0, 0, 0 };

  g_return_val_if_fail (ED_IS_FEED_RESULT (self), NULL);

  if (self->outcome == ED_FEED_OUTCOME_NOT_MODIFIED)
    return g_strdup (_("No updates: the feeds have not changed since the last check."));
  if (self->outcome == ED_FEED_OUTCOME_UP_TO_DATE || self->changes->len == 0)
    return g_strdup (_("No updates: every procedure is already up to date."));

  if (self->changes->len == 1)
    return describe_change (self->changes->pdata[0], language);

  for (guint i = 0; i < self->changes->len; i++)
    counts[((EdFeedChange *) self->changes->pdata[i])->kind]++;

  return g_strdup_printf (_("Procedures updated: %u added, %u updated, %u removed."),
                          counts[ED_FEED_CHANGE_ADDED], counts[ED_FEED_CHANGE_UPDATED],
                          counts[ED_FEED_CHANGE_REMOVED]);
}

/**
 * ed_feed_result_describe:
 * @language: the language of procedure titles
 *
 * Returns: the summary, then one line for each change
 */
char *
ed_feed_result_describe (EdFeedResult *self,
                         EdLanguage    language)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *summary = NULL;

  g_return_val_if_fail (ED_IS_FEED_RESULT (self), NULL);

  summary = ed_feed_result_get_summary (self, language);
  g_string_append (text, summary);
  for (guint i = 0; self->changes->len > 1 && i < self->changes->len; i++)
    {
      g_autofree char *line = describe_change (self->changes->pdata[i], language);

      g_string_append_printf (text, "\n%s", line);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
