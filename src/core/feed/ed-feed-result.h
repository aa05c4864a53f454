/* ed-feed-result.h — what an update of the procedures did
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ed-language.h"
#include "ed-text.h"

G_BEGIN_DECLS

typedef enum
{
  ED_FEED_OUTCOME_CHANGED,       /* procedures were added, updated or removed */
  ED_FEED_OUTCOME_NOT_MODIFIED,  /* every feed answered that nothing changed since last time */
  ED_FEED_OUTCOME_UP_TO_DATE,    /* the feeds were read; nothing in them is newer */
} EdFeedOutcome;

typedef enum
{
  ED_FEED_CHANGE_ADDED,     /* a procedure the catalog did not have */
  ED_FEED_CHANGE_UPDATED,   /* a newer version than the catalog had */
  ED_FEED_CHANGE_REMOVED,   /* no feed lists it any more: the installed or own copy is used again */
} EdFeedChangeKind;

typedef struct
{
  EdFeedChangeKind  kind;
  char             *id;
  int               old_version;   /* 0 when added */
  int               new_version;   /* 0 when removed */
  EdText           *title;         /* nullable */
} EdFeedChange;

#define ED_TYPE_FEED_RESULT (ed_feed_result_get_type ())

G_DECLARE_FINAL_TYPE (EdFeedResult, ed_feed_result, ED, FEED_RESULT, GObject)

EdFeedOutcome  ed_feed_result_get_outcome       (EdFeedResult  *self);
GPtrArray     *ed_feed_result_get_changes       (EdFeedResult  *self);
guint          ed_feed_result_get_n_downloaded  (EdFeedResult  *self);
char          *ed_feed_result_get_summary       (EdFeedResult  *self,
                                                 EdLanguage     language);
char          *ed_feed_result_describe          (EdFeedResult  *self,
                                                 EdLanguage     language);

G_END_DECLS
