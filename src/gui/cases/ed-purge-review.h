/* ed-purge-review.h — old closed cases: shown, then deleted if confirmed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ed-catalog.h"
#include "ed-store.h"
#include "ed-toast.h"

G_BEGIN_DECLS

void      ed_purge_review_async        (GtkWindow            *parent,
                                        EdStore              *store,
                                        EdCatalog            *catalog,
                                        guint                 older_than_days,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean  ed_purge_review_finish       (GAsyncResult         *result,
                                        guint                *n_purged,
                                        GError              **error);
AdwToast *ed_purge_review_finish_toast (GAsyncResult         *result);
void      ed_purge_review_remind       (GtkWindow            *parent,
                                        EdStore              *store,
                                        EdCatalog            *catalog,
                                        EdToastFunc           show_toast,
                                        gpointer              user_data,
                                        GDestroyNotify        destroy);

G_END_DECLS
