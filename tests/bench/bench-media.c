/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-media.c — import against cp -r, thumbnails against vipsthumbnail (not a test)
 *
 * MOPS_BENCH_IMAGES (default 500) 12-megapixel JPEGs and MOPS_BENCH_FILES (default 4000)
 * files of 100 KB are generated once into MOPS_BENCH_DIR (default a temporary folder); the
 * import and its peer run MOPS_BENCH_RUNS (default 5) times each, alternately; the import
 * with MOPS_BENCH_READERS reader threads (default: Mops's choice).
 *
 * Read the figures with the load average printed beside them: on a shared 2-core machine
 * both sides' times swing 2–4× from run to run, and CPU time (also printed) says more than
 * the wall. Leave a few minutes between two runs of this benchmark: its clean-up frees
 * ~40,000 inodes, and on an ext4 without a journal (this machine's) every file created in
 * the next minutes first skips the recently freed inodes of its block group
 * (recently_deleted() in the kernel's profile), which can double both sides' create cost. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/resource.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include "../core/mops-test-util.h"
#include "core/mops-db-private.h"
#include "core/mops-import-private.h"
#include "core/mops-import.h"
#include "core/mops-library-private.h"
#include "core/mops-library.h"
#include "core/mops-previews-private.h"
#include "core/mops-previews.h"

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *value = g_getenv (name);

  return value != NULL ? (guint) g_ascii_strtoull (value, NULL, 10) : fallback;
}

static double
now_s (void)
{
  return g_get_monotonic_time () / 1e6;
}

static double
run_shell (const char *command)
{
  double start = now_s ();
  int status = 0;

  if (!g_spawn_command_line_sync (command, NULL, NULL, &status, NULL) || status != 0)
    g_printerr ("bench: “%s” failed\n", command);
  return now_s () - start;
}

/* A photo-like 4000×3000 picture: gradients and noise, so JPEG has real work. */
static void
make_jpegs (const char *dir,
            guint       count)
{
  g_autoptr(GdkPixbuf) base = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 4000, 3000);
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  int stride = gdk_pixbuf_get_rowstride (base);
  guchar *pixels = gdk_pixbuf_get_pixels (base);

  for (int y = 0; y < 3000; y++)
    for (int x = 0; x < 4000; x++)
      {
        guchar *p = pixels + y * stride + x * 3;
        int noise = g_rand_int_range (rand, -12, 12);

        p[0] = (guchar) CLAMP (40 + x * 180 / 4000 + noise, 0, 255);
        p[1] = (guchar) CLAMP (90 + y * 120 / 3000 + noise, 0, 255);
        p[2] = (guchar) CLAMP (200 - (x + y) * 100 / 7000 + noise, 0, 255);
      }

  for (guint i = 0; i < count; i++)
    {
      g_autofree char *name = g_strdup_printf ("photo-%04u.jpg", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        continue;

      /* The file's number in a row of black and white 8×8 blocks at the top: no two files
       * hold the same picture (import keeps one copy of identical files), and the change is
       * strong enough to survive JPEG's quantization. */
      for (int bit = 0; bit < 16; bit++)
        for (int y = 0; y < 8; y++)
          memset (pixels + y * stride + bit * 8 * 3, (i >> bit) & 1 ? 255 : 0, 8 * 3);
      gdk_pixbuf_save (base, path, "jpeg", NULL, "quality", "90", NULL);
    }
}

static void
make_files (const char *dir,
            guint       count)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (34);
  g_autofree guint32 *buffer = g_new (guint32, 25600);

  for (guint i = 0; i < count; i++)
    {
      g_autofree char *sub = g_strdup_printf ("%s/batch-%02u", dir, i / 500);
      g_autofree char *path = g_strdup_printf ("%s/asset-%05u.bin", sub, i);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        continue;

      g_mkdir_with_parents (sub, 0755);
      for (guint w = 0; w < 25600; w++)
        buffer[w] = g_rand_int (rand);
      g_file_set_contents (path, (const char *) buffer, 25600 * 4, NULL);
    }
}

static sqlite3 *
fresh_library (const char   *root,
               const char   *name,
               MopsLibrary **out)
{
  g_autofree char *path = g_build_filename (root, name, NULL);

  mops_test_remove_tree (path);
  *out = mops_library_open (path, MOPS_LIBRARY_OPEN_CREATE, NULL);
  return mops_library_get_db (*out);
}

static double
run_argv (const char * const *argv)
{
  double start = now_s ();
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, NULL) ||
      status != 0)
    g_printerr ("bench: “%s” failed\n", argv[0]);
  return now_s () - start;
}

/* User + system CPU seconds of this process (@who RUSAGE_SELF) or of its waited-for children. */
static double
cpu_s (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/* Flushes what earlier steps left dirty on @path's filesystem, so no run pays for another. */
static void
settle (const char *path)
{
  const char *argv[] = { "sync", "-f", path, NULL };

  run_argv (argv);
}

/* Each run writes to a folder of its own under @outputs, removed only after the last run: on
 * ext4 a file made within a minute of many deletions in its block group has to skip every
 * recently freed inode, which would time the previous run's clean-up, not this run. */
static double
time_cp (const char *files,
         const char *outputs,
         guint       run,
         double     *cpu)
{
  g_autofree char *copy = g_strdup_printf ("%s/cp-copy-%u", outputs, run);
  const char *cp[] = { "cp", "-r", "--reflink=never", files, copy, NULL };
  const char *sync_copy[] = { "sync", "-f", copy, NULL };
  double elapsed;

  settle (files);
  *cpu = cpu_s (RUSAGE_CHILDREN);
  elapsed = run_argv (cp) + run_argv (sync_copy);
  *cpu = cpu_s (RUSAGE_CHILDREN) - *cpu;
  return elapsed;
}

static double
time_import (const char      *outputs,
             guint            run,
             const char      *files,
             MopsImportStats *stats,
             guint           *added,
             double          *cpu)
{
  const char *paths[] = { files, NULL };
  g_autoptr(MopsImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  MopsLibrary *library = NULL;
  g_autofree char *name = g_strdup_printf ("import-library-%u", run);
  sqlite3 *db = fresh_library (outputs, name, &library);
  double start;
  double elapsed;

  settle (outputs);
  *cpu = cpu_s (RUSAGE_SELF);
  start = now_s ();
  report = mops_import_run_measured (library, db, paths, NULL, NULL, NULL, NULL, stats, &error);
  elapsed = now_s () - start;
  *cpu = cpu_s (RUSAGE_SELF) - *cpu;
  g_assert_no_error (error);
  *added = report->added->len;
  g_clear_object (&library);
  return elapsed;
}

/* /proc/loadavg: the machine is shared, and other work shows in the times. */
static char *
load_average (void)
{
  char *contents = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &contents, NULL, NULL))
    return g_strdup ("unknown\n");
  return contents;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (const double *values,
        guint         n)
{
  g_autofree double *sorted = g_memdup2 (values, n * sizeof (double));

  qsort (sorted, n, sizeof (double), compare_doubles);
  return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/* The median over the runs of one MopsImportStats field, in seconds. */
static double
median_field (const MopsImportStats *stats,
              guint                  n,
              gsize                  offset)
{
  g_autofree double *values = g_new (double, n);

  for (guint i = 0; i < n; i++)
    values[i] = G_STRUCT_MEMBER (gint64, &stats[i], offset) / 1e6;
  return median (values, n);
}

#define MEDIAN_OF(field) median_field (stats, n, G_STRUCT_OFFSET (MopsImportStats, field))

static void
print_breakdown (const MopsImportStats *stats,
                 guint                  n)
{
  printf ("media: where mops's time went (medians): wall %.2f s, of which listing %.2f s and syncfs %.2f s "
          "(%u calls); CPU s — %u readers, summed: open+read %.2f, hash %.2f, create+write copies %.2f; "
          "sniffer: MIME types %.2f; rows thread: rename %.2f, SQL (lookups, inserts, commits) %.2f\n",
          MEDIAN_OF (wall_us), MEDIAN_OF (list_us), MEDIAN_OF (sync_us), stats[0].syncs, stats[0].readers,
          MEDIAN_OF (read_us), MEDIAN_OF (hash_us), MEDIAN_OF (write_us), MEDIAN_OF (sniff_us),
          MEDIAN_OF (store_us), MEDIAN_OF (rows_us));
}

int
main (int   argc,
      char *argv[])
{
  guint n_images = env_uint ("MOPS_BENCH_IMAGES", 500);
  guint n_files = env_uint ("MOPS_BENCH_FILES", 4000);
  guint n_runs = MAX (env_uint ("MOPS_BENCH_RUNS", 5), 1);
  g_autofree char *root = g_strdup (g_getenv ("MOPS_BENCH_DIR"));
  g_autofree char *images = NULL;
  g_autofree char *files = NULL;
  g_autofree char *vips_out = NULL;
  g_autofree char *outputs = NULL;
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  gboolean own_root = root == NULL;
  MopsLibrary *library = NULL;
  sqlite3 *db;
  double t, mops_import, cp_time, mops_thumbs, vips_time;

  if (own_root)
    root = mops_test_make_tmp_dir ();
  /* one folder per count: the thumbnail runs take every file in it */
  images = g_strdup_printf ("%s/images-%u", root, n_images);
  files = g_build_filename (root, "files", NULL);
  vips_out = g_build_filename (root, "vips-out", NULL);
  outputs = g_build_filename (root, "outputs", NULL);
  g_mkdir_with_parents (images, 0755);
  g_mkdir_with_parents (files, 0755);
  mops_test_remove_tree (outputs);
  g_mkdir_with_parents (outputs, 0755);

  t = now_s ();
  make_jpegs (images, n_images);
  make_files (files, n_files);
  printf ("media: inputs ready in %.0f s (%u JPEGs of 12 MP, %u files of 100 KB)\n", now_s () - t, n_images, n_files);

  /* Import against cp -r of the same folder; both end with the data on disk: cp's copy
   * through sync -f on its filesystem (not a global sync, which would flush the rest of the
   * machine too), Mops's files through its syncfs before each commit. */
  /* a warm page cache for both */
  command = g_strdup_printf ("sh -c 'cat %s/*/* > /dev/null'", files);
  run_shell (command);
  g_free (g_steal_pointer (&command));
  {
    g_autofree double *mops_times = g_new0 (double, n_runs);
    g_autofree double *cp_times = g_new0 (double, n_runs);
    g_autofree MopsImportStats *stats = g_new0 (MopsImportStats, n_runs);
    g_autofree double *mops_cpu = g_new0 (double, n_runs);
    g_autofree double *cp_cpu = g_new0 (double, n_runs);
    double cpu;
    guint added = 0;

    /* one round of each to warm up, then n_runs alternating: mops first, then cp first */
    for (guint run = 0; run <= n_runs; run++)
      for (guint side = 0; side < 2; side++)
        {
          gboolean mops_turn = (side == 0) == (run % 2 == 0);

          if (mops_turn)
            {
              MopsImportStats run_stats = { .readers = env_uint ("MOPS_BENCH_READERS", 0) };

              mops_import = time_import (outputs, run, files, &run_stats, &added, &cpu);
              if (run > 0)
                {
                  mops_times[run - 1] = mops_import;
                  mops_cpu[run - 1] = cpu;
                  stats[run - 1] = run_stats;
                }
            }
          else
            {
              cp_time = time_cp (files, outputs, run, &cpu);
              if (run > 0)
                {
                  cp_times[run - 1] = cp_time;
                  cp_cpu[run - 1] = cpu;
                }
            }
        }
    mops_test_remove_tree (outputs);

    for (guint run = 0; run < n_runs; run++)
      printf ("media: import run %u: mops %.2f s (CPU %.2f s), cp + sync -f %.2f s (CPU %.2f s)\n", run + 1,
              mops_times[run], mops_cpu[run], cp_times[run], cp_cpu[run]);
    mops_import = median (mops_times, n_runs);
    cp_time = median (cp_times, n_runs);
    printf ("media: import of %u files (%.0f MB), median of %u alternating runs: mops %.2f s, "
            "cp -r --reflink=never + sync -f %.2f s, ratio %.2f× (target ≤ 1.5×)\n",
            added, n_files * 0.1024, n_runs, mops_import, cp_time, mops_import / cp_time);
    {
      g_autofree char *load = load_average ();

      printf ("media: CPU time (user + system, medians): mops %.2f s, cp -r + sync -f %.2f s; load average %s",
              median (mops_cpu, n_runs), median (cp_cpu, n_runs), load);
    }
    print_breakdown (stats, n_runs);
  }

  if (n_images == 0)
    goto out;

  /* Thumbnails: 512 px decoded once and 256 px derived, two helpers, against vipsthumbnail
   * making both sizes two files at a time on the same two cores. */
  {
    const char *paths[] = { images, NULL };
    MopsImportOptions options = { .reference = TRUE };
    g_autoptr(MopsImportReport) imported = NULL;
    g_autoptr(MopsPreviewReport) report = NULL;

    db = fresh_library (root, "thumb-library", &library);
    imported = mops_import_run_in_db (library, db, paths, &options, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    /* both sides must make thumbnails of the same number of files */
    g_assert_cmpuint (imported->added->len, ==, n_images);

    t = now_s ();
    report = mops_previews_run_in_db (library, db, NULL, 0, 0, 2, NULL, NULL, NULL, &error);
    mops_thumbs = now_s () - t;
    g_assert_no_error (error);
    g_clear_object (&library);

    mops_test_remove_tree (vips_out);
    g_mkdir_with_parents (vips_out, 0755);
    command = g_strdup_printf ("sh -c 'cd %s && ls | xargs -P2 -n 25 sh -c \"vipsthumbnail -s 512 -o %s/%%s_512.png \\\"\\$@\\\" && "
                               "vipsthumbnail -s 256 -o %s/%%s_256.png \\\"\\$@\\\"\" _'",
                               images, vips_out, vips_out);
    vips_time = run_shell (command);

    printf ("media: thumbnails of %u JPEGs (512 + 256 px PNG): mops %.2f s (%.1f files/s), vipsthumbnail %.2f s (%.1f files/s), "
            "mops is %.2f× vipsthumbnail's throughput (target ≥ 1.2×)\n",
            report->generated, mops_thumbs, report->generated / mops_thumbs, vips_time,
            n_images / vips_time, vips_time / mops_thumbs);
  }

out:
  if (own_root)
    mops_test_remove_tree (root);
  return 0;
}
