/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-fill.c — a generated library of many assets, shared by the benchmarks */

#include "config.h"

#include "bench-fill.h"
#include "core/mops-asset-store.h"
#include "core/mops-db-private.h"
#include "core/mops-library-private.h"

const char *bench_words[] = {
  "logo", "banner", "summer", "winter", "campaign", "product", "hero", "team", "office",
  "fjord", "mountain", "coffee", "launch", "social", "poster", "brochure", "icon", "portrait",
  "ロゴ", "会社", "写真", "Логотип", "баннер", "Größe", "Straße", "Übersicht", "café",
};

const guint bench_n_words = G_N_ELEMENTS (bench_words);

void
bench_fill_library (MopsLibrary *library,
                    guint        n_assets,
                    gboolean     previews_done)
{
  sqlite3 *db = mops_library_get_db (library);
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) tag = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  g_assert_true (mops_db_exec (db,
    "INSERT INTO tags (id, parent_id, name) VALUES (1, NULL, 'Brand'), (2, 1, 'Logos'), (3, 2, 'Mono'),"
    " (4, NULL, 'Campaigns'), (5, 4, 'Summer'), (6, 4, 'Winter'), (7, NULL, 'Products')", NULL));
  g_assert_true (mops_db_begin (db, NULL));
  insert = mops_db_prepare (db,
                            "INSERT INTO assets (id, sha256, stored_path, original_name, mime, size, title,"
                            " rating, search_text, imported_at, modified_at, preview_state)"
                            " VALUES (?, printf('%064x', ?1), 'files/x', ?, ?, ?, ?, ?, ?, ?, ?, ?)", NULL);
  tag = mops_db_prepare (db, "INSERT INTO asset_tags (asset_id, tag_id) VALUES (?, ?)", NULL);

  for (guint i = 1; i <= n_assets; i++)
    {
      const char *a = bench_words[g_rand_int_range (rand, 0, bench_n_words)];
      const char *b = bench_words[g_rand_int_range (rand, 0, bench_n_words)];
      /* 30 % of the library is about "campaign", for the broad query */
      const char *c = g_rand_int_range (rand, 0, 100) < 30 ? "campaign" : "archive";
      g_autofree char *name = g_strdup_printf ("%s-%s-%06u.jpg", a, b, i);
      g_autofree char *title = g_strdup_printf ("%s %s %s", a, c, b);
      const char *parts[] = { title, name };
      g_autofree char *text = mops_asset_build_search_text (parts, 2);

      sqlite3_bind_int (insert, 1, (int) i);
      sqlite3_bind_text (insert, 2, name, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 3, i % 10 == 0 ? "image/svg+xml" : "image/jpeg", -1, SQLITE_STATIC);
      sqlite3_bind_int (insert, 4, 100000 + (int) i);
      sqlite3_bind_text (insert, 5, title, -1, SQLITE_STATIC);
      sqlite3_bind_int (insert, 6, (int) (i % 6));
      sqlite3_bind_text (insert, 7, text, -1, SQLITE_STATIC);
      sqlite3_bind_int (insert, 8, 1700000000 + (int) i);
      sqlite3_bind_int (insert, 9, 1700000000 + (int) i);
      sqlite3_bind_text (insert, 10, previews_done ? "ok" : "pending", -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (insert), ==, SQLITE_DONE);
      sqlite3_reset (insert);

      sqlite3_bind_int (tag, 1, (int) i);
      sqlite3_bind_int (tag, 2, 2 + g_rand_int_range (rand, 0, 6));
      g_assert_cmpint (sqlite3_step (tag), ==, SQLITE_DONE);
      sqlite3_reset (tag);
    }

  g_assert_true (mops_db_commit (db, NULL));
  g_assert_true (mops_db_exec (db, "ANALYZE", NULL));
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

double
bench_percentile (GArray *samples,
                  double  p)
{
  g_return_val_if_fail (samples != NULL && samples->len > 0, 0);

  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, MIN (samples->len - 1, (guint) (p * samples->len)));
}
