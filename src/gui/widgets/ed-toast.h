/* ed-toast.h — every toast of the GUI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ed-banner.h"

G_BEGIN_DECLS

/* How long a toast stays, in seconds. */
#define ED_TOAST_TIMEOUT_DEFAULT 5  /* libadwaita's own */
#define ED_TOAST_TIMEOUT_LASTING 0  /* until dismissed */

/**
 * EdToastFunc:
 * @toast: (transfer full): what to show
 * @user_data: what the owner passed along with the function
 *
 * Shows @toast where the owner shows its toasts: how a helper that is
 * not a widget hands back what it has to say.
 */
typedef void (*EdToastFunc) (AdwToast *toast,
                             gpointer  user_data);

AdwToast *ed_toast_new         (const char *text,
                                guint       timeout);
AdwToast *ed_toast_new_lasting (const char *text);
AdwToast *ed_toast_new_wrapped (const char *heading,
                                const char *text,
                                guint       timeout);

void             ed_toast_overlay_add     (AdwToastOverlay *overlay,
                                           AdwToast        *toast);
void             ed_toast_overlay_set_bar (AdwToastOverlay *overlay,
                                           EdBanner        *bar);
AdwToastOverlay *ed_toast_find_overlay    (GtkWidget       *root);
void             ed_toast_dismiss         (AdwToast        *toast);

guint     ed_toast_signal_new  (GType       type);
void      ed_toast_emit        (gpointer    instance,
                                guint       signal_id,
                                AdwToast   *toast);

G_END_DECLS
