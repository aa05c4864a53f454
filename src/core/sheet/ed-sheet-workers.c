/* ed-sheet-workers.c — sheets laid out or written in worker threads, counted
 *
 * A layout still running when the process exits crashes: the exit handlers
 * free HarfBuzz's language table while Pango shapes with it. The window
 * cancels its sheets when it closes, but a cancelled GTask returns at once
 * and leaves its thread running; the application waits here before it ends.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ed-sheet-private.h"

static GMutex workers_lock;
static GCond  workers_done;
static guint  n_workers;

static void
run_counted (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GTaskThreadFunc *func = g_object_get_data (G_OBJECT (task), "ed-sheet-thread-func");

  (*func) (task, source_object, task_data, cancellable);

  g_mutex_lock (&workers_lock);
  n_workers--;
  g_cond_broadcast (&workers_done);
  g_mutex_unlock (&workers_lock);
}

void
_ed_sheet_run_in_thread (GTask           *task,
                         GTaskThreadFunc  func)
{
  GTaskThreadFunc *boxed = g_new (GTaskThreadFunc, 1);

  *boxed = func;
  g_object_set_data_full (G_OBJECT (task), "ed-sheet-thread-func", boxed, g_free);

  g_mutex_lock (&workers_lock);
  n_workers++;
  g_mutex_unlock (&workers_lock);

  g_task_run_in_thread (task, run_counted);
}

/**
 * ed_sheet_wait_for_workers:
 *
 * Blocks until no sheet is being laid out or written in a worker thread
 * (ed_sheet_layout_new_async(), ed_sheet_document_new_async(),
 * ed_sheet_document_new_for_case_async(),
 * ed_sheet_document_write_pdf_async()). For the end of the process: cancel
 * the sheets first, so that the wait is short.
 */
void
ed_sheet_wait_for_workers (void)
{
  g_mutex_lock (&workers_lock);
  while (n_workers > 0)
    g_cond_wait (&workers_done, &workers_lock);
  g_mutex_unlock (&workers_lock);
}
