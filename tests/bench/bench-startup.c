/* bench-startup.c — from a cold process to the first painted window
 *
 * Each run is a fresh process (the benchmark starts itself again with
 * --once): load the catalog, build the main window, paint its first
 * frame; then the case store opens in the background, measured apart.
 * The first frame is timed twice: from main(), and from the moment the
 * process was started, its libraries' loading by the dynamic linker
 * included, as a user waits for it. Prints every run and the medians;
 * fails when the latter's is above --target milliseconds.
 *
 * With --cases N --filler BENCH-REMINDERS, the store holds N open cases
 * with journeys (filled by bench-reminders, at its fixed "now"): then
 * also when the case list with its next deadlines is first painted, and
 * in which of the window's frames (1: its first). --frames F fails a
 * run whose list came later than the window's frame F. With
 * $ED_SCREENSHOT_DIR, the first frame is saved there to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <adwaita.h>

#include "ed-application.h"
#include "ed-case-list-view.h"
#include "ed-case-row.h"
#include "ed-core.h"
#include "ed-test-util.h"

static gint64 started;
static gint64 spawned;          /* when the parent started this process */
static double first_frame_exec_ms = -1;
static double first_frame_ms = -1;
static double store_ms = -1;
static double list_ms = -1;
static int frames_after_store = 0;
static int frames = 0;            /* the window's, painted */
static int list_frame = -1;       /* the one that first showed the list */
static gboolean listed_at_map;    /* the cases were in before the window showed */
static gboolean with_cases;
static char *tmp;                 /* the runs' data folder, removed at exit */

static gboolean
has_row (GtkWidget *root)
{
  if (ED_IS_CASE_ROW (root))
    return gtk_widget_get_mapped (root) && ed_case_row_get_info (ED_CASE_ROW (root)) != NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_row (child))
      return TRUE;

  return FALSE;
}

static GtkWidget *
find_list (GtkWidget *root)
{
  if (ED_IS_CASE_LIST_VIEW (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* What the window's first frame showed, as $ED_SCREENSHOT_DIR/startup-first-frame.png,
 * for people to look at. */
static void
save_first_frame (GtkWidget *window)
{
  const char *dir = g_getenv ("ED_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  graphene_rect_t bounds;

  if (dir == NULL || *dir == '\0')
    return;

  paintable = gtk_widget_paintable_new (window);
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (window),
                          gtk_widget_get_height (window));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  graphene_rect_init (&bounds, 0, 0, gtk_widget_get_width (window),
                      gtk_widget_get_height (window));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &bounds);
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, "startup-first-frame.png", NULL);
  gdk_texture_save_to_png (texture, path);
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWidget     *window)
{
  if (first_frame_ms < 0)
    {
      gint64 now = g_get_monotonic_time ();

      first_frame_ms = (now - started) / 1000.0;
      first_frame_exec_ms = (now - spawned) / 1000.0;
      save_first_frame (window);
    }
  frames++;

  /* The frame that painted the case list's rows. */
  if (list_ms < 0)
    {
      GtkWidget *list = find_list (window);
      EdCaseList *cases = list != NULL ? ed_case_list_view_get_cases (ED_CASE_LIST_VIEW (list))
                                       : NULL;

      if (store_ms >= 0)
        frames_after_store++;
      if (cases != NULL && !ed_case_list_get_loading (cases) &&
          g_list_model_get_n_items (G_LIST_MODEL (cases)) > 0 && has_row (list))
        {
          list_ms = (g_get_monotonic_time () - started) / 1000.0;
          list_frame = frames;
        }
    }
}

static void
window_mapped_cb (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  GtkWidget *list = find_list (window);
  EdCaseList *cases = list != NULL ? ed_case_list_view_get_cases (ED_CASE_LIST_VIEW (list))
                                   : NULL;

  listed_at_map = cases != NULL && !ed_case_list_get_loading (cases) &&
                  g_list_model_get_n_items (G_LIST_MODEL (cases)) > 0;

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
  /* The monotonic clock is the system's: the parent's reading holds. */
  spawned = g_ascii_strtoll (g_getenv ("ED_BENCH_SPAWNED"), NULL, 10);
  if (spawned <= 0 || spawned > started)
    spawned = started;
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
  while ((first_frame_ms < 0 || store_ms < 0 || (with_cases && list_ms < 0)) &&
         g_get_monotonic_time () < deadline)
    {
      /* A frame when anything changes, as a visible window has. */
      gtk_widget_queue_draw (GTK_WIDGET (window));
      g_main_context_iteration (NULL, TRUE);
    }

  g_print ("%.1f %.1f %.1f %d %d %d %.1f\n", first_frame_ms, store_ms, list_ms,
           frames_after_store, list_frame, listed_at_map, first_frame_exec_ms);
  _exit (first_frame_ms < 0 ? 1 : 0);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
remove_tmp (void)
{
  if (tmp != NULL)
    ed_test_rm_rf (tmp);
  g_clear_pointer (&tmp, g_free);
}

int
main (int    argc,
      char **argv)
{
  int runs = 7;
  int n_cases = 0;
  const char *filler = NULL;
  double target = 0;
  gboolean once = FALSE;
  g_autoptr(GArray) frames_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) execs_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) stores = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lists = g_array_new (FALSE, FALSE, sizeof (double));
  int most_frames = 0;
  int latest_frame = 0;           /* of the window's, the list's latest */
  int frames_target = 0;
  double median, exec_median;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--once"))
        once = TRUE;
      else if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
        runs = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--target") && i + 1 < argc)
        target = g_ascii_strtod (argv[++i], NULL);
      else if (g_str_equal (argv[i], "--cases") && i + 1 < argc)
        n_cases = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--filler") && i + 1 < argc)
        filler = argv[++i];
      else if (g_str_equal (argv[i], "--frames") && i + 1 < argc)
        frames_target = atoi (argv[++i]);
    }

  with_cases = g_getenv ("ED_BENCH_WITH_CASES") != NULL;
  if (once)
    return run_once (argc, argv);

  /* Every run on the same store, as a desk starts each morning; the
   * store and its folder go when the benchmark ends, whatever it said. */
  tmp = g_dir_make_tmp ("entry-desk-bench-XXXXXX", NULL);
  atexit (remove_tmp);
  g_setenv ("XDG_DATA_HOME", tmp, TRUE);

  if (n_cases > 0 && filler != NULL)
    {
      g_autofree char *folder = g_build_filename (tmp, "entry-desk", NULL);
      g_autofree char *store = g_build_filename (folder, "cases.db", NULL);
      g_autofree char *count = g_strdup_printf ("%d", n_cases);
      const char *fill[] = { filler, "--cases", count, "--repeat", "1", "--keep", store, NULL };
      g_autofree char *out = NULL;
      g_autoptr(GError) error = NULL;
      int status;

      g_mkdir_with_parents (folder, 0700);
      if (!g_spawn_sync (NULL, (char **) fill, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                         &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        {
          g_printerr ("filling the store failed: %s\n", error->message);
          return 1;
        }
      g_print ("%s", out);
      /* The filler's "now": deadlines due soon, reminders raised. */
      g_setenv ("ENTRY_DESK_NOW", "2027-01-20T09:00:00+09:00", TRUE);
      g_setenv ("ED_BENCH_WITH_CASES", "1", TRUE);
    }

  for (int i = 0; i < runs; i++)
    {
      const char *child[] = { argv[0], "--once", NULL };
      g_autofree char *out = NULL;
      g_autoptr(GError) error = NULL;
      int status;
      g_autofree char *now = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
      double frame, store, list, exec;
      int after_store, in_frame, at_map;

      g_setenv ("ED_BENCH_SPAWNED", now, TRUE);
      if (!g_spawn_sync (NULL, (char **) child, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                         &out, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error) ||
          sscanf (out, "%lf %lf %lf %d %d %d %lf", &frame, &store, &list, &after_store, &in_frame,
                  &at_map, &exec) != 7)
        {
          g_printerr ("run %d failed: %s\n", i + 1, error != NULL ? error->message : out);
          return 1;
        }

      g_print ("run %d: first frame %.1f ms (%.1f ms from the process's start), case store open "
               "%.1f ms", i + 1, frame, exec, store);
      if (list >= 0)
        g_print (", case list painted %.1f ms (the window's frame %d; %d frame%s after the store "
                 "opened%s)", list, in_frame, after_store, after_store == 1 ? "" : "s",
                 at_map ? "; listed when the window mapped" : "");
      g_print ("\n");
      if (list >= 0)
        latest_frame = MAX (latest_frame, in_frame);
      g_array_append_val (frames_ms, frame);
      g_array_append_val (execs_ms, exec);
      g_array_append_val (stores, store);
      if (list >= 0)
        g_array_append_val (lists, list);
      most_frames = MAX (most_frames, after_store);
    }

  g_array_sort (frames_ms, compare_doubles);
  g_array_sort (execs_ms, compare_doubles);
  g_array_sort (stores, compare_doubles);
  median = g_array_index (frames_ms, double, frames_ms->len / 2);
  exec_median = g_array_index (execs_ms, double, execs_ms->len / 2);
  g_print ("start-up to the first painted window: median %.1f ms from the process's start "
           "(best %.1f, worst %.1f), %.1f ms from main() (best %.1f, worst %.1f); "
           "case store open: median %.1f ms\n",
           exec_median, g_array_index (execs_ms, double, 0),
           g_array_index (execs_ms, double, execs_ms->len - 1),
           median, g_array_index (frames_ms, double, 0),
           g_array_index (frames_ms, double, frames_ms->len - 1),
           g_array_index (stores, double, stores->len / 2));

  if (lists->len > 0)
    {
      g_array_sort (lists, compare_doubles);
      g_print ("case list with %d cases and their next deadlines painted: median %.1f ms after "
               "start, at most %d frame%s after the store opened, at the latest in the "
               "window's frame %d\n", n_cases,
               g_array_index (lists, double, lists->len / 2), most_frames,
               most_frames == 1 ? "" : "s", latest_frame);
    }

  if (frames_target > 0 && (lists->len < (guint) runs || latest_frame > frames_target))
    {
      g_printerr ("the case list came later than the window's frame %d\n", frames_target);
      return 1;
    }

  if (target > 0 && exec_median > target)
    {
      g_printerr ("slower than the target of %.0f ms\n", target);
      return 1;
    }

  return 0;
}
