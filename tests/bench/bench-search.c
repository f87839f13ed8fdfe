/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-search.c — search and tag filters on a generated library of 100,000 assets */

#include "config.h"

#include <stdio.h>
#include <sys/resource.h>

#include "../core/mops-test-util.h"
#include "bench-fill.h"
#include "core/mops-db-private.h"
#include "core/mops-library-private.h"
#include "core/mops-library.h"
#include "core/mops-search-index-private.h"
#include "core/mops-search-index.h"
#include "core/mops-search-private.h"
#include "core/mops-search.h"

#define N_ASSETS  100000
#define N_QUERIES 200

/* The app's path (the in-memory index) unless MOPS_BENCH_SQL is set: then the CLI's. */
static MopsSearchIndex *index_for_bench;

static double
time_query (sqlite3         *db,
            MopsSearchQuery *query,
            guint           *n_found)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GArray) ids = index_for_bench != NULL ? mops_search_index_query (index_for_bench, query)
                                                  : mops_search_assets_in_db (db, query, NULL);

  *n_found = ids->len;
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = mops_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "library", NULL);
  g_autoptr(MopsLibrary) library = mops_library_open (path, MOPS_LIBRARY_OPEN_CREATE, NULL);
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) full = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) broad_first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) broad_full = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) tag_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  sqlite3 *db = mops_library_get_db (library);
  struct rusage usage;
  gint64 t0;
  guint n = 0, broad_n = 0, tag_n = 0;

  t0 = g_get_monotonic_time ();
  bench_fill_library (library, N_ASSETS, FALSE);
  printf ("search: library of %d assets generated in %.1f s\n", N_ASSETS, (g_get_monotonic_time () - t0) / 1e6);

  if (g_getenv ("MOPS_BENCH_SQL") == NULL)
    {
      MopsSearchQuery warm = { .sort = MOPS_SEARCH_SORT_NAME, .limit = 1 };

      t0 = g_get_monotonic_time ();
      index_for_bench = mops_search_index_load_in_db (db, NULL);
      printf ("search: in-memory index of %u assets loaded in %.0f ms\n",
              mops_search_index_get_size (index_for_bench), (g_get_monotonic_time () - t0) / 1e3);
      t0 = g_get_monotonic_time ();
      g_array_unref (mops_search_index_query (index_for_bench, &warm));
      printf ("search: first name-ordered query (builds the order) %.0f ms\n", (g_get_monotonic_time () - t0) / 1e3);
    }
  else
    printf ("search: measuring the SQL path (mops-cli)\n");

  for (int q = 0; q < N_QUERIES; q++)
    {
      const char *word = bench_words[g_rand_int_range (rand, 0, bench_n_words)];
      /* a mix: whole words, 2-character prefixes (the scan), and two-term queries */
      g_autofree char *text = q % 4 == 0 ? g_utf8_substring (word, 0, 2)
                            : q % 4 == 1 ? g_strdup_printf ("%s %s", word, bench_words[q % bench_n_words])
                                         : g_strdup (word);
      MopsSearchQuery query = { .text = text, .sort = MOPS_SEARCH_SORT_NAME, .limit = 200 };
      double ms;

      ms = time_query (db, &query, &n);
      g_array_append_val (first, ms);
      query.limit = 0;
      ms = time_query (db, &query, &n);
      g_array_append_val (full, ms);
    }

  for (int q = 0; q < 50; q++)
    {
      MopsSearchQuery query = { .text = "campaign", .sort = MOPS_SEARCH_SORT_NAME, .limit = 200 };
      double ms = time_query (db, &query, &broad_n);

      g_array_append_val (broad_first, ms);
      query.limit = 0;
      ms = time_query (db, &query, &broad_n);
      g_array_append_val (broad_full, ms);
    }

  for (int q = 0; q < 50; q++)
    {
      const char *tags[] = { q % 2 ? "Brand" : "Campaigns/Summer", NULL };
      MopsSearchQuery query = { .tags = tags, .sort = MOPS_SEARCH_SORT_IMPORTED };
      double ms = time_query (db, &query, &tag_n);

      g_array_append_val (tag_times, ms);
    }

  getrusage (RUSAGE_SELF, &usage);

  printf ("search: %d mixed queries, first 200 (name order)  p50 %6.2f ms  p95 %6.2f ms  (target p95 < 15)\n",
          N_QUERIES, bench_percentile (first, 0.5), bench_percentile (first, 0.95));
  printf ("search: %d mixed queries, complete sorted list    p50 %6.2f ms  p95 %6.2f ms\n",
          N_QUERIES, bench_percentile (full, 0.5), bench_percentile (full, 0.95));
  printf ("search: query matching %.0f %% of the library, first 200  p50 %6.2f ms  p95 %6.2f ms  (target < 15)\n",
          100.0 * broad_n / N_ASSETS, bench_percentile (broad_first, 0.5), bench_percentile (broad_first, 0.95));
  printf ("search: query matching %.0f %% of the library, all sorted p50 %6.2f ms  p95 %6.2f ms  (target < 50)\n",
          100.0 * broad_n / N_ASSETS, bench_percentile (broad_full, 0.5), bench_percentile (broad_full, 0.95));
  printf ("search: tag filter with descendants (%u hits)     p50 %6.2f ms  p95 %6.2f ms\n",
          tag_n, bench_percentile (tag_times, 0.5), bench_percentile (tag_times, 0.95));
  printf ("search: peak RSS %ld MB (target < 250)\n", usage.ru_maxrss / 1024);

  g_clear_pointer (&index_for_bench, mops_search_index_free);
  g_clear_object (&library);
  if (g_getenv ("MOPS_BENCH_KEEP") == NULL)
    mops_test_remove_tree (dir);
  else
    printf ("search: library kept in %s\n", path);
  return 0;
}
