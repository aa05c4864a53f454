/* ed-banner.h — what stays true until it is dealt with, in a bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ED_TYPE_BANNER (ed_banner_get_type ())
G_DECLARE_FINAL_TYPE (EdBanner, ed_banner, ED, BANNER, GtkWidget)

GtkWidget *ed_banner_new       (void);
void       ed_banner_show      (EdBanner *self,
                                AdwToast *toast);
void       ed_banner_dismiss   (EdBanner *self,
                                AdwToast *toast);
AdwToast  *ed_banner_get_shown (EdBanner *self);
EdBanner  *ed_banner_find      (AdwToast *toast);

EdBanner  *ed_banner_add_to_window (AdwWindow *window);

G_END_DECLS
