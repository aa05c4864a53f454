/* ed-test-server.h — a real HTTP server on 127.0.0.1 for the feed tests
 *
 * It serves a folder in its own thread, so that a test can run the
 * command line against it while waiting, and it can misbehave the ways
 * a real server does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ED_TEST_SERVE_FILES,   /* 200 with an ETag, 304 when it matches, 404 when missing */
  ED_TEST_SERVE_404,
  ED_TEST_SERVE_500,
  ED_TEST_SERVE_STALL,   /* accept the request, never answer */
  ED_TEST_SERVE_DROP,    /* send the headers and half the body, then close */
  ED_TEST_SERVE_ENDLESS, /* a body that never ends */
} EdTestServeMode;

typedef struct _EdTestServer EdTestServer;

EdTestServer  *ed_test_server_new        (const char       *root);
const char    *ed_test_server_get_url    (EdTestServer     *self);
void           ed_test_server_set_mode   (EdTestServer     *self,
                                          const char       *path,
                                          EdTestServeMode   mode);
guint          ed_test_server_get_count  (EdTestServer     *self,
                                          const char       *path);
void           ed_test_server_free       (EdTestServer     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdTestServer, ed_test_server_free)

G_END_DECLS
