/* ed-update-toast.h — what an update of the procedures did, as a toast
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ed-feed-result.h"

G_BEGIN_DECLS

AdwToast *ed_update_toast_new (EdFeedResult  *result,
                               const GError  *error,
                               GtkWindow     *parent);

G_END_DECLS
