/* main.c — entry-desk, the Entry Desk application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ed-application.h"
#include "ed-core.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(EdApplication) app = NULL;

  ed_paths_init_profile ();
  ed_i18n_init ();

  app = ed_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
