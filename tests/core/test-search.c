/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-search.c — substring search in any script, types, filters, order */

#include "config.h"

#include "core/mops-asset-store.h"
#include "core/mops-db-private.h"
#include "core/mops-library-private.h"
#include "core/mops-search-index-private.h"
#include "core/mops-search-index.h"
#include "core/mops-search-private.h"
#include "core/mops-search.h"
#include "core/mops-tags.h"
#include "mops-test-util.h"

typedef struct
{
  const char *name;
  const char *mime;
  const char *title;
  int         rating;
} Sample;

static const Sample samples[] = {
  { "会社ロゴ.png", "image/png", NULL, 5 },
  { "Логотип компании.svg", "image/svg+xml", NULL, 3 },
  { "Größenübersicht.pdf", "application/pdf", "Größentabelle Straße", 0 },
  { "team-offsite.jpg", "image/jpeg", "Team offsite in Bergen", 4 },
  { "brand-voice.md", "text/markdown", "Brand voice: red AND bold", 0 },
  { "Inter.ttf", "font/ttf", NULL, 0 },
  { "launch.mp4", "video/mp4", "Launch film", 2 },
  { "archive.zip", "application/zip", NULL, 0 },
};

typedef struct
{
  char        *dir;
  MopsLibrary *library;
  gint64       ids[G_N_ELEMENTS (samples)];
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->library = mops_test_create_library (&fixture->dir);

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *content = g_strdup_printf ("bytes of sample %u", i);
      MopsAssetInfo info = { .mime = samples[i].mime, .title = samples[i].title, .rating = samples[i].rating };

      fixture->ids[i] = mops_test_store_file (fixture->library, fixture->dir, samples[i].name, content, &info);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  mops_test_close_library (&fixture->library, &fixture->dir);
}

/* Asserts that @query finds exactly the samples listed in @expected (indexes, -1 ends). */
static void
assert_finds (Fixture         *fixture,
              MopsSearchQuery *query,
              const int       *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = mops_search_assets_in_db (mops_library_get_db (fixture->library), query, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (; expected[n] >= 0; n++)
    {
      g_assert_cmpuint (n, <, ids->len);
      g_assert_cmpint (g_array_index (ids, gint64, n), ==, fixture->ids[expected[n]]);
    }
  g_assert_cmpuint (ids->len, ==, n);
}

static void
assert_text_finds (Fixture    *fixture,
                   const char *text,
                   const int  *expected)
{
  MopsSearchQuery query = { .text = text };

  assert_finds (fixture, &query, expected);
}

static void
test_japanese_and_russian_substrings (Fixture       *fixture,
                                      gconstpointer  user_data)
{
  assert_text_finds (fixture, "ロゴ", (int[]) { 0, -1 });          /* two characters: the scan */
  assert_text_finds (fixture, "社ロゴ", (int[]) { 0, -1 });        /* three: the trigram index */
  assert_text_finds (fixture, "логотип", (int[]) { 1, -1 });
  assert_text_finds (fixture, "ЛОГОТИП", (int[]) { 1, -1 });
  assert_text_finds (fixture, "го", (int[]) { 1, -1 });
}

static void
test_german_folds_case_and_eszett (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  /* NFD "Größe" (o + combining diaeresis) must match the NFC title */
  assert_text_finds (fixture, "GRÖSSEN", (int[]) { 2, -1 });
  assert_text_finds (fixture, "gro\xcc\x88\xc3\x9f" "e", (int[]) { 2, -1 });
  assert_text_finds (fixture, "strasse", (int[]) { 2, -1 });
  assert_text_finds (fixture, "übersicht", (int[]) { 2, -1 });
}

static void
test_terms_are_anded_and_never_syntax (Fixture       *fixture,
                                       gconstpointer  user_data)
{
  assert_text_finds (fixture, "team bergen", (int[]) { 3, -1 });
  assert_text_finds (fixture, "team paris", (int[]) { -1 });
  assert_text_finds (fixture, "red AND", (int[]) { 4, -1 });
  assert_text_finds (fixture, "\"red and bold\"", (int[]) { 4, -1 });
  assert_text_finds (fixture, "\"bold red\"", (int[]) { -1 });
  assert_text_finds (fixture, "NEAR( * ^ \"", (int[]) { -1 });
  assert_text_finds (fixture, "", (int[]) { 0, 1, 2, 3, 4, 5, 6, 7, -1 });
}

static void
test_types_follow_the_contract (Fixture       *fixture,
                                gconstpointer  user_data)
{
  MopsSearchQuery query = { 0 };

  query.types = MOPS_ASSET_TYPE_IMAGE;
  assert_finds (fixture, &query, (int[]) { 0, 3, -1 });
  query.types = MOPS_ASSET_TYPE_VECTOR;
  assert_finds (fixture, &query, (int[]) { 1, -1 });
  query.types = MOPS_ASSET_TYPE_DOCUMENT | MOPS_ASSET_TYPE_FONT;
  assert_finds (fixture, &query, (int[]) { 2, 4, 5, -1 });
  query.types = MOPS_ASSET_TYPE_VIDEO | MOPS_ASSET_TYPE_OTHER;
  assert_finds (fixture, &query, (int[]) { 6, 7, -1 });

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    g_assert_cmpint (mops_asset_type_for_mime (samples[i].mime), !=, 0);
  g_assert_cmpint (mops_asset_type_for_mime ("image/svg+xml"), ==, MOPS_ASSET_TYPE_VECTOR);
  g_assert_cmpint (mops_asset_type_for_mime ("application/vnd.openxmlformats-officedocument.wordprocessingml.document"), ==, MOPS_ASSET_TYPE_DOCUMENT);
  g_assert_cmpint (mops_asset_type_from_name ("Font"), ==, MOPS_ASSET_TYPE_FONT);
  g_assert_cmpint (mops_asset_type_from_name ("spreadsheet"), ==, 0);
}

static void
test_rating_trash_sort_and_limit (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  MopsSearchQuery query = { .min_rating = 3, .sort = MOPS_SEARCH_SORT_RATING };

  assert_finds (fixture, &query, (int[]) { 0, 3, 1, -1 });
  query.limit = 2;
  assert_finds (fixture, &query, (int[]) { 0, 3, -1 });

  g_assert_true (mops_db_exec (mops_library_get_db (fixture->library),
                               "UPDATE assets SET trashed_at = 1 WHERE rating = 5", NULL));
  query.limit = 0;
  assert_finds (fixture, &query, (int[]) { 3, 1, -1 });
  query.trashed = TRUE;
  assert_finds (fixture, &query, (int[]) { 0, -1 });
}

static void
assert_same_ids (GArray     *a,
                 GArray     *b,
                 const char *what)
{
  if (a->len != b->len)
    g_error ("%s: SQL found %u, the index %u", what, a->len, b->len);
  for (guint i = 0; i < a->len; i++)
    if (g_array_index (a, gint64, i) != g_array_index (b, gint64, i))
      g_error ("%s: position %u differs: %" G_GINT64_FORMAT " vs %" G_GINT64_FORMAT, what, i,
               g_array_index (a, gint64, i), g_array_index (b, gint64, i));
}

static void
compare_paths (sqlite3         *db,
               MopsSearchIndex *index,
               GRand           *rand,
               guint            n_queries)
{
  static const char *texts[] = { NULL, "", "logo", "ロゴ", "LOGO team", "\"red and\"", "ü", "grösse",
                                 "zz", "e", "team bergen", "логотип", "sample", "s" };
  static const char *tags[] = { "Brand", "Brand/Logos", "Campaigns", "Nope", NULL };
  static const char *labels[] = { NULL, "red", "blue" };

  for (guint q = 0; q < n_queries; q++)
    {
      const char *tag_list[] = { tags[g_rand_int_range (rand, 0, G_N_ELEMENTS (tags))], NULL };
      MopsSearchQuery query = {
        .text = texts[g_rand_int_range (rand, 0, G_N_ELEMENTS (texts))],
        .types = g_rand_int_range (rand, 0, 4) == 0 ? (guint) g_rand_int_range (rand, 1, 64) : 0,
        .tags = g_rand_boolean (rand) ? tag_list : NULL,
        .min_rating = g_rand_int_range (rand, 0, 4) == 0 ? g_rand_int_range (rand, 1, 6) : 0,
        .color_label = labels[g_rand_int_range (rand, 0, G_N_ELEMENTS (labels))],
        .trashed = g_rand_int_range (rand, 0, 5) == 0,
        .include_records = g_rand_boolean (rand),
        .sort = (MopsSearchSort) g_rand_int_range (rand, 0, MOPS_SEARCH_SORT_RATING + 1),
        .limit = g_rand_boolean (rand) ? (guint) g_rand_int_range (rand, 1, 20) : 0,
      };
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) by_sql = mops_search_assets_in_db (db, &query, &error);
      g_autoptr(GArray) by_index = mops_search_index_query (index, &query);
      g_autofree char *what = g_strdup_printf ("query %u (“%s”, sort %d)", q, query.text ? query.text : "", query.sort);

      g_assert_no_error (error);
      if (g_getenv ("MOPS_TEST_DEBUG") != NULL && by_sql->len > 0 && by_index->len > 0 &&
          g_array_index (by_sql, gint64, 0) != g_array_index (by_index, gint64, 0))
        g_printerr ("types %u tag %s rating %d label %s trashed %d records %d limit %u\n", query.types,
                    query.tags ? query.tags[0] : "-", query.min_rating, query.color_label, query.trashed,
                    query.include_records, query.limit);
      assert_same_ids (by_sql, by_index, what);
    }
}

/* The app's in-memory index and the CLI's SQL must answer every query alike, also after
 * edits: random libraries, random queries, compared id by id. */
static void
test_index_answers_like_sql (Fixture       *fixture,
                             gconstpointer  user_data)
{
  sqlite3 *db = mops_library_get_db (fixture->library);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(MopsSearchIndex) index = NULL;
  g_autoptr(GError) error = NULL;
  static const char *names[] = { "Team logo", "logo", "LOGO", "ロゴ", "Größe", "banner", "Banner", "zebra", "Äpfel" };
  static const char *labels[] = { "red", "blue", NULL };
  gint64 changed[8];

  /* 300 more assets with titles, ratings, labels, dates, trash, records and tags */
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *content = g_strdup_printf ("random asset %u", i);
      g_autofree char *name = g_strdup_printf ("file-%03u.%s", i, i % 3 ? "png" : "pdf");
      g_autofree char *file = mops_test_write_file (fixture->dir, name, content, -1);
      MopsAssetInfo info = { .title = g_rand_boolean (rand) ? names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))] : NULL,
                             .rating = g_rand_int_range (rand, 0, 6),
                             .role = g_rand_int_range (rand, 0, 10) == 0 ? "record" : NULL,
                             .created_at = g_rand_boolean (rand) ? 1700000000 + g_rand_int_range (rand, 0, 1000) : 0 };
      gint64 id = mops_asset_store_file (fixture->library, file, &info, NULL, NULL, &error);
      g_autofree char *sql = g_strdup_printf ("UPDATE assets SET color_label = %s, imported_at = %d, size = %d,"
                                              " trashed_at = %s WHERE id = %" G_GINT64_FORMAT,
                                              labels[i % 3] ? (i % 3 == 0 ? "'red'" : "'blue'") : "NULL",
                                              1700000000 + g_rand_int_range (rand, 0, 50),
                                              g_rand_int_range (rand, 1, 40),
                                              g_rand_int_range (rand, 0, 8) == 0 ? "1" : "NULL", id);

      g_assert_no_error (error);
      g_assert_true (mops_db_exec (db, sql, NULL));
      if (i % 4 == 0)
        g_assert_true (mops_tags_add_to_assets (fixture->library, i % 8 ? "Brand/Logos" : "Campaigns/Summer", &id, 1, NULL));
    }

  index = mops_search_index_load_in_db (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mops_search_index_get_size (index), ==, 300 + G_N_ELEMENTS (samples));
  compare_paths (db, index, rand, 400);

  /* Edits, trash, new tags and a deletion, then an update of just those rows */
  for (guint i = 0; i < G_N_ELEMENTS (changed); i++)
    changed[i] = fixture->ids[0] + g_rand_int_range (rand, 0, 300);
  changed[7] = 999999;   /* not an asset: ignored */
  g_assert_true (mops_db_exec (db, "UPDATE assets SET search_text = 'zebra crossing', title = 'Zebra' WHERE id % 7 = 0", NULL));
  g_assert_true (mops_db_exec (db, "UPDATE assets SET trashed_at = 5 WHERE id % 11 = 0", NULL));
  g_assert_true (mops_tags_add_to_assets (fixture->library, "Brand", changed, 3, NULL));
  g_assert_true (mops_db_exec (db, "DELETE FROM asset_tags WHERE asset_id % 13 = 0; DELETE FROM assets WHERE id % 13 = 0", NULL));
  {
    g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (gint64));

    for (gint64 id = 1; id <= 400; id++)
      if (id % 7 == 0 || id % 11 == 0 || id % 13 == 0)
        g_array_append_val (all, id);
    g_array_append_vals (all, changed, G_N_ELEMENTS (changed));
    g_assert_true (mops_search_index_update_in_db (index, db, (const gint64 *) (void *) all->data, all->len, &error));
    g_assert_no_error (error);
  }
  compare_paths (db, index, rand, 400);

  /* A few rows (each put in place) rather than many (all sorted again) */
  g_assert_true (mops_db_exec (db, "UPDATE assets SET title = 'Aardvark', rating = 5 WHERE id IN (20, 21, 22)", NULL));
  {
    static const gint64 few[] = { 20, 21, 22 };

    g_assert_true (mops_search_index_update_in_db (index, db, few, G_N_ELEMENTS (few), &error));
    g_assert_no_error (error);
  }
  compare_paths (db, index, rand, 400);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/search/text/japanese-and-russian-substrings", test_japanese_and_russian_substrings);
  ADD ("/search/text/german-folds-case-and-eszett", test_german_folds_case_and_eszett);
  ADD ("/search/text/terms-are-anded-and-never-syntax", test_terms_are_anded_and_never_syntax);
  ADD ("/search/filter/types-follow-the-contract", test_types_follow_the_contract);
  ADD ("/search/filter/rating-trash-sort-and-limit", test_rating_trash_sort_and_limit);
  ADD ("/search/index/answers-like-sql", test_index_answers_like_sql);
#undef ADD

  return g_test_run ();
}
