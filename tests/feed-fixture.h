/* feed-fixture.h — a publisher, its feed on 127.0.0.1 and a desk that updates from it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ed-feed.h"
#include "ed-feed-build.h"
#include "ed-signing.h"
#include "ed-test-server.h"

G_BEGIN_DECLS

typedef struct
{
  char          *tmp;
  char          *source_dir;   /* the publisher's procedure files */
  char          *www;          /* the web server's root */
  char          *feed_dir;     /* www/feed */
  char          *feed_url;
  EdSigningKey  *key;
  char          *public_key;   /* one line */
  EdTestServer  *server;
  guint          timeout;
} FeedFixture;

typedef void (*FeedFixtureTest) (FeedFixture   *fixture,
                                 gconstpointer  data);

void           feed_fixture_init          (int           *argc,
                                           char        ***argv);
void           feed_fixture_add_test      (const char    *name,
                                           FeedFixtureTest func);
int            feed_fixture_run           (void);
void           feed_fixture_set_up        (FeedFixture   *fixture,
                                           gconstpointer  data);
void           feed_fixture_tear_down     (FeedFixture   *fixture,
                                           gconstpointer  data);
void           feed_fixture_add           (FeedFixture   *fixture,
                                           const char    *fixture_path,
                                           int            version);
void           feed_fixture_remove        (FeedFixture   *fixture,
                                           const char    *id);
void           feed_fixture_publish       (FeedFixture   *fixture,
                                           gint64         sequence);
void           feed_fixture_alter         (FeedFixture   *fixture,
                                           const char    *file,
                                           const char    *from,
                                           const char    *to);
EdFeedResult  *feed_fixture_update        (FeedFixture   *fixture,
                                           const char    *trusted_key,
                                           GError       **error);
char          *feed_fixture_snapshot      (void);
void           feed_fixture_update_failed (GObject       *source,
                                           GAsyncResult  *result,
                                           gpointer       user_data);
char          *feed_fixture_current_dir   (void);
char          *feed_fixture_system_file   (const char    *id);
char          *feed_fixture_sample_file   (const char    *name);

G_END_DECLS
