/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-library.c — how long creating, filling and opening a library takes (not a test) */

#include "config.h"

#include <stdio.h>

#include "../core/mops-test-util.h"
#include "bench-fill.h"
#include "core/mops-db-private.h"
#include "core/mops-library.h"
#include "demo/mops-demo.h"

#define RUNS 15

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) create = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) demo = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) open_locked = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint run = 0; run < RUNS; run++)
    {
      g_autofree char *dir = mops_test_make_tmp_dir ();
      g_autofree char *path = g_build_filename (dir, "library", NULL);
      g_autoptr(GError) error = NULL;
      MopsLibraryCounts c;
      MopsLibrary *library;
      gint64 t0, t1, t2, t3, t4;

      t0 = g_get_monotonic_time ();
      library = mops_library_open (path, MOPS_LIBRARY_OPEN_CREATE, &error);
      t1 = g_get_monotonic_time ();
      g_assert_no_error (error);

      mops_demo_generate (library, NULL, NULL, NULL, &error);
      t2 = g_get_monotonic_time ();
      g_assert_no_error (error);
      g_object_unref (library);

      t3 = g_get_monotonic_time ();
      library = mops_library_open (path, MOPS_LIBRARY_OPEN_LOCK, &error);
      t4 = g_get_monotonic_time ();
      g_assert_no_error (error);

      {
        gint64 t5 = g_get_monotonic_time ();
        double ms;

        mops_library_get_counts (library, &c, NULL);
        ms = (g_get_monotonic_time () - t5) / 1000.0;
        g_array_append_val (counts, ms);
      }
      g_object_unref (library);

      {
        double ms_create = (t1 - t0) / 1000.0, ms_demo = (t2 - t1) / 1000.0, ms_open = (t4 - t3) / 1000.0;

        g_array_append_val (create, ms_create);
        g_array_append_val (demo, ms_demo);
        g_array_append_val (open_locked, ms_open);
      }

      mops_test_remove_tree (dir);
    }

  printf ("library: create empty        median %8.2f ms (%d runs)\n", bench_percentile (create, 0.5), RUNS);
  printf ("library: generate demo       median %8.2f ms\n", bench_percentile (demo, 0.5));
  printf ("library: open demo (locked)  median %8.2f ms\n", bench_percentile (open_locked, 0.5));
  printf ("library: counts of all tables median %7.2f ms\n", bench_percentile (counts, 0.5));
  return 0;
}
