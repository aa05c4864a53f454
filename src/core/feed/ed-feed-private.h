/* ed-feed-private.h — the parts of the feed client, for each other and the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "ed-catalog.h"
#include "ed-feed.h"
#include "ed-feed-index.h"
#include "ed-feed-result.h"
#include "ed-signing.h"

G_BEGIN_DECLS

/* ed-feed-store.c */
typedef struct _EdFeedLock EdFeedLock;

typedef enum
{
  ED_FEED_SWAP_ALL,
  ED_FEED_SWAP_STOP_AFTER_OLD,      /* killed after current/ → old/ */
  ED_FEED_SWAP_STOP_AFTER_CURRENT,  /* killed after new-XXXXXX/ → current/ */
  ED_FEED_SWAP_STOP_IN_REMOVE,      /* killed while removing old/ */
} EdFeedSwapStep;

EdFeedLock  *_ed_feed_store_lock        (const char      *store_dir,
                                         GError         **error);
void         _ed_feed_store_unlock      (EdFeedLock      *lock);
gboolean     _ed_feed_store_recover     (const char      *store_dir,
                                         GError         **error);
char        *_ed_feed_store_make_stage  (const char      *store_dir,
                                         GError         **error);
gboolean     _ed_feed_store_write_file  (const char      *dir,
                                         const char      *name,
                                         GBytes          *contents,
                                         GError         **error);
gboolean     _ed_feed_store_swap        (const char      *store_dir,
                                         const char      *stage_dir,
                                         EdFeedSwapStep   stop,
                                         GError         **error);
void         _ed_feed_store_remove_set  (const char      *dir);
GHashTable  *_ed_feed_store_hash_files  (const char      *dir);

/* ed-feed-state.c */
typedef struct
{
  char        *etag;           /* nullable */
  char        *last_modified;  /* nullable */
  EdFeedIndex *index;          /* the last index that passed every check */
} EdFeedRecord;

typedef struct
{
  GHashTable *records;   /* feed URL → EdFeedRecord */
  GHashTable *versions;  /* id → highest version ever installed */
} EdFeedState;

EdFeedState   *_ed_feed_state_new           (void);
EdFeedState   *_ed_feed_state_load          (const char   *path);
gboolean       _ed_feed_state_save          (EdFeedState  *self,
                                             const char   *path,
                                             GError      **error);
void           _ed_feed_state_free          (EdFeedState  *self);
EdFeedRecord  *_ed_feed_state_get_record    (EdFeedState  *self,
                                             const char   *url);
void           _ed_feed_state_set_record    (EdFeedState  *self,
                                             const char   *url,
                                             const char   *etag,
                                             const char   *last_modified,
                                             EdFeedIndex  *index);
int            _ed_feed_state_get_version   (EdFeedState  *self,
                                             const char   *id);
void           _ed_feed_state_note_version  (EdFeedState  *self,
                                             const char   *id,
                                             int           version);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdFeedState, _ed_feed_state_free)

/* ed-feed-http.c */
typedef struct
{
  gboolean  not_modified;
  GBytes   *body;            /* NULL when not modified */
  char     *etag;
  char     *last_modified;
} EdFeedResponse;

typedef void (*EdFeedFetchProgress) (gsize    received,
                                     gpointer user_data);

void             _ed_feed_fetch_async    (SoupSession          *session,
                                          const char           *url,
                                          const char           *etag,
                                          const char           *last_modified,
                                          gsize                 max_size,
                                          guint                 deadline,
                                          GCancellable         *cancellable,
                                          EdFeedFetchProgress   progress,
                                          gpointer              progress_data,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
EdFeedResponse  *_ed_feed_fetch_finish   (GAsyncResult         *result,
                                          GError              **error);
void             _ed_feed_response_free  (EdFeedResponse       *response);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdFeedResponse, _ed_feed_response_free)

/* ed-feed-install.c: the work on disk of one update, in a worker thread */
typedef struct
{
  char        *url;               /* as configured */
  char        *base;              /* the feed's folder, ending in “/” */
  char        *etag;              /* sent with the request, nullable */
  char        *last_modified;     /* sent with the request, nullable */
  gboolean     not_modified;
  char        *new_etag;
  char        *new_last_modified;
  EdFeedIndex *index;             /* verified, or remembered when not modified */
} EdFeedSource;

typedef struct
{
  int     version;
  EdText *title;                  /* nullable */
} EdFeedKnown;

typedef struct
{
  GPtrArray    *sources;          /* EdFeedSource */
  GPtrArray    *trusted;          /* EdPublicKey */
  GHashTable   *known;            /* id → EdFeedKnown: what the catalog has; NULL to load it */
  char         *store_dir;

  EdFeedLock   *lock;
  EdFeedState  *state;
  GHashTable   *current_hashes;   /* file → SHA-256 of the installed set */
  char         *current_dir;
  char         *stage_dir;

  GPtrArray    *chosen;           /* EdFeedEntry: the new set */
  GHashTable   *chosen_source;    /* id → EdFeedSource that provides it */
  guint         n_downloaded;

  EdFeedResult *result;
} EdFeedJob;

EdFeedJob     *_ed_feed_job_new            (void);
void           _ed_feed_job_free           (EdFeedJob     *job);
gboolean       _ed_feed_job_prepare        (EdFeedJob     *job,
                                            GError       **error);
EdFeedIndex   *_ed_feed_job_verify_index   (EdFeedJob     *job,
                                            EdFeedSource  *source,
                                            GBytes        *index_bytes,
                                            GBytes        *signature_bytes,
                                            GError       **error);
void           _ed_feed_job_choose         (EdFeedJob     *job);
gboolean       _ed_feed_job_needs_download (EdFeedJob     *job,
                                            EdFeedEntry   *entry);
gboolean       _ed_feed_job_install        (EdFeedJob     *job,
                                            GCancellable  *cancellable,
                                            GError       **error);
void           _ed_feed_job_abandon        (EdFeedJob     *job);
void           _ed_feed_known_free         (EdFeedKnown   *known);
GHashTable    *_ed_feed_known_from_catalog (EdCatalog     *catalog);

/* ed-feed.c */
void           _ed_feed_set_progress       (EdFeed        *self,
                                            double         fraction,
                                            const char    *status);
void           _ed_feed_set_running        (EdFeed        *self,
                                            gboolean       running);

/* ed-feed-result.c */
EdFeedResult  *_ed_feed_result_new         (EdFeedOutcome  outcome,
                                            GPtrArray     *changes,
                                            guint          n_downloaded);
EdFeedChange  *_ed_feed_change_new         (EdFeedChangeKind  kind,
                                            const char       *id,
                                            int               old_version,
                                            int               new_version,
                                            EdText           *title);
void           _ed_feed_change_free        (EdFeedChange     *change);

G_END_DECLS
