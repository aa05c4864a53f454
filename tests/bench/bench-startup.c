/* bench-startup.c — from a cold process to the first painted window
 *
 * Each run is a fresh process (the benchmark starts itself again with
 * --once): load the catalog, build the main window, paint its first
 * frame; then the case store opens in the background, measured apart.
 * Prints every run and the median; fails above --target milliseconds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <adwaita.h>

#include "ed-application.h"
#include "ed-core.h"

static gint64 started;
static double first_frame_ms = -1;
static double store_ms = -1;

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWidget     *window)
{
  if (first_frame_ms < 0)
    first_frame_ms = (g_get_monotonic_time () - started) / 1000.0;
}

static void
window_mapped_cb (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), window);
}

static void
store_cb (EdApplication *app)
{
  if (store_ms < 0
      && (ed_application_get_store (app) != NULL || ed_application_get_store_error (app) != NULL))
    store_ms = (g_get_monotonic_time () - started) / 1000.0;
}

/* One start, as main.c does it. */
static int
run_once (int    argc,
          char **argv)
{
  g_autoptr(EdApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  gint64 deadline;

  started = g_get_monotonic_time ();
  ed_i18n_init ();
  gtk_init ();
  adw_init ();

  app = ed_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "notify::store", G_CALLBACK (store_cb), NULL);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);
  g_application_activate (G_APPLICATION (app));

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (gtk_widget_get_mapped (GTK_WIDGET (window)))
    window_mapped_cb (GTK_WIDGET (window));
  else
    g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), NULL);

  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while ((first_frame_ms < 0 || store_ms < 0) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_print ("%.1f %.1f\n", first_frame_ms, store_ms);
  _exit (first_frame_ms < 0 ? 1 : 0);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int    argc,
      char **argv)
{
  int runs = 7;
  double target = 0;
  gboolean once = FALSE;
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) stores = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *tmp = NULL;
  double median;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--once"))
        once = TRUE;
      else if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
        runs = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--target") && i + 1 < argc)
        target = g_ascii_strtod (argv[++i], NULL);
    }

  if (once)
    return run_once (argc, argv);

  /* Every run on the same store, as a desk starts each morning. */
  tmp = g_dir_make_tmp ("entry-desk-bench-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", tmp, TRUE);

  for (int i = 0; i < runs; i++)
    {
      const char *child[] = { argv[0], "--once", NULL };
      g_autofree char *out = NULL;
      g_autoptr(GError) error = NULL;
      int status;
      double frame, store;

      if (!g_spawn_sync (NULL, (char **) child, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                         &out, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error) ||
          sscanf (out, "%lf %lf", &frame, &store) != 2)
        {
          g_printerr ("run %d failed: %s\n", i + 1, error != NULL ? error->message : out);
          return 1;
        }

      g_print ("run %d: first frame %.1f ms, case store open %.1f ms\n", i + 1, frame, store);
      g_array_append_val (frames, frame);
      g_array_append_val (stores, store);
    }

  g_array_sort (frames, compare_doubles);
  g_array_sort (stores, compare_doubles);
  median = g_array_index (frames, double, frames->len / 2);
  g_print ("start-up to the first painted window: median %.1f ms (best %.1f, worst %.1f); "
           "case store open: median %.1f ms\n",
           median, g_array_index (frames, double, 0),
           g_array_index (frames, double, frames->len - 1),
           g_array_index (stores, double, stores->len / 2));

  if (target > 0 && median > target)
    {
      g_printerr ("slower than the target of %.0f ms\n", target);
      return 1;
    }

  return 0;
}
