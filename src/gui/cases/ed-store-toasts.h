/* ed-store-toasts.h — what the case store tells staff, as toasts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwToast *ed_store_recovery_toast_new    (const GError *recovery,
                                          GtkWindow    *parent);
AdwToast *ed_store_save_failed_toast_new (const GError *error);
AdwToast *ed_store_saved_toast_new       (void);

G_END_DECLS
