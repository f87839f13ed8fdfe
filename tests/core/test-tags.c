/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-tags.c — hierarchical tags: paths, links to assets, rename, merge, counts */

#include "config.h"

#include <string.h>

#include "core/mops-asset-store.h"
#include "core/mops-db-private.h"
#include "core/mops-error.h"
#include "core/mops-library-private.h"
#include "core/mops-search-private.h"
#include "core/mops-search.h"
#include "core/mops-tags.h"
#include "mops-test-util.h"

static const char * const file_names[] = { "logo-mono.svg", "logo-colour.svg", "team.jpg", "brief.md" };

typedef struct
{
  char        *dir;
  MopsLibrary *library;
  gint64       ids[G_N_ELEMENTS (file_names)];
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->library = mops_test_create_library (&fixture->dir);
  mops_test_store_files (fixture->library, fixture->dir, file_names, G_N_ELEMENTS (file_names),
                         fixture->ids);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  mops_test_close_library (&fixture->library, &fixture->dir);
}

static GArray *
search (Fixture    *fixture,
        const char *text,
        const char *tag)
{
  const char *tags[] = { tag, NULL };
  MopsSearchQuery query = { .text = text, .tags = tag != NULL ? tags : NULL };
  g_autoptr(GError) error = NULL;
  GArray *ids = mops_search_assets_in_db (mops_library_get_db (fixture->library), &query, &error);

  g_assert_no_error (error);
  return ids;
}

static void
test_paths_split_and_join (void)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *joined = NULL;
  g_autoptr(GError) error = NULL;

  parts = mops_tag_path_split (" Brand / Logos\\/Marks /Mono", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  g_assert_cmpstr (parts[0], ==, "Brand");
  g_assert_cmpstr (parts[1], ==, "Logos/Marks");
  g_assert_cmpstr (parts[2], ==, "Mono");

  joined = mops_tag_path_join ((const char * const *) parts);
  g_assert_cmpstr (joined, ==, "Brand/Logos\\/Marks/Mono");

  g_assert_null (mops_tag_path_split ("Brand//Mono", &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (mops_tag_path_split ("", &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
}

static void
test_add_creates_parents_and_counts_descendants (Fixture       *fixture,
                                                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GArray) found = NULL;
  g_auto(GStrv) own = NULL;

  g_assert_true (mops_tags_add_to_assets (fixture->library, "Brand/Logos/Mono", &fixture->ids[0], 1, &error));
  g_assert_true (mops_tags_add_to_assets (fixture->library, "Brand/Logos/Colour", &fixture->ids[1], 1, &error));
  g_assert_true (mops_tags_add_to_assets (fixture->library, "Brand", &fixture->ids[2], 1, &error));
  g_assert_no_error (error);

  tags = mops_tags_list (fixture->library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tags->len, ==, 4);
  /* Depth-first, names in order: Brand, Brand/Logos, Brand/Logos/Colour, Brand/Logos/Mono */
  g_assert_cmpstr (((MopsTagInfo *) tags->pdata[0])->path, ==, "Brand");
  g_assert_cmpint (((MopsTagInfo *) tags->pdata[0])->asset_count, ==, 3);
  g_assert_cmpstr (((MopsTagInfo *) tags->pdata[1])->path, ==, "Brand/Logos");
  g_assert_cmpint (((MopsTagInfo *) tags->pdata[1])->asset_count, ==, 2);
  g_assert_cmpstr (((MopsTagInfo *) tags->pdata[2])->path, ==, "Brand/Logos/Colour");
  g_assert_cmpuint (((MopsTagInfo *) tags->pdata[2])->depth, ==, 2);
  g_assert_cmpint (((MopsTagInfo *) tags->pdata[3])->asset_count, ==, 1);

  /* Filtering by a tag finds its descendants' assets too. */
  found = search (fixture, NULL, "Brand/Logos");
  g_assert_cmpuint (found->len, ==, 2);
  g_clear_pointer (&found, g_array_unref);
  found = search (fixture, NULL, "Brand/Nope");
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_array_unref);

  /* The tag path is searchable text of the asset. */
  found = search (fixture, "mono", NULL);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (g_array_index (found, gint64, 0), ==, fixture->ids[0]);

  own = mops_tags_for_asset (fixture->library, fixture->ids[0], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (own), ==, 1);
  g_assert_cmpstr (own[0], ==, "Brand/Logos/Mono");
}

static void
test_unknown_asset_changes_nothing (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[] = { fixture->ids[0], 9999 };

  g_assert_false (mops_tags_add_to_assets (fixture->library, "Campaigns/Summer", ids, 2, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "9999"));
  g_assert_cmpint (mops_db_query_int (mops_library_get_db (fixture->library), "SELECT count(*) FROM tags", NULL), ==, 0);
  g_assert_cmpint (mops_db_query_int (mops_library_get_db (fixture->library), "SELECT count(*) FROM asset_tags", NULL), ==, 0);
}

static void
test_remove_takes_exactly_that_tag (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) found = NULL;

  g_assert_true (mops_tags_add_to_assets (fixture->library, "Brand", fixture->ids, 2, &error));
  g_assert_true (mops_tags_add_to_assets (fixture->library, "Brand/Logos", fixture->ids, 2, &error));
  g_assert_true (mops_tags_remove_from_assets (fixture->library, "Brand", fixture->ids, 1, &error));
  g_assert_no_error (error);

  found = search (fixture, NULL, "Brand");
  g_assert_cmpuint (found->len, ==, 2);   /* asset 0 still has Brand/Logos */
  g_clear_pointer (&found, g_array_unref);

  /* Removing a tag nobody has is not an error. */
  g_assert_true (mops_tags_remove_from_assets (fixture->library, "Never/Used", fixture->ids, 1, &error));
  g_assert_no_error (error);
}

static void
test_rename_refreshes_search (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) found = NULL;
  gint64 logos;

  g_assert_true (mops_tags_add_to_assets (fixture->library, "Brand/Logos", fixture->ids, 2, &error));
  g_assert_true (mops_tags_add_to_assets (fixture->library, "Brand/Icons", &fixture->ids[2], 1, &error));
  logos = mops_tags_lookup (fixture->library, "Brand/Logos", &error);
  g_assert_cmpint (logos, >, 0);

  g_assert_true (mops_tags_rename (fixture->library, logos, "Логотипы", &error));
  g_assert_no_error (error);
  found = search (fixture, "логотип", NULL);
  g_assert_cmpuint (found->len, ==, 2);
  g_clear_pointer (&found, g_array_unref);
  found = search (fixture, "logos", NULL);
  g_assert_cmpuint (found->len, ==, 0);

  /* A sibling of that name exists: rename refuses and says to merge. */
  g_assert_false (mops_tags_rename (fixture->library, logos, "Icons", &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mops_tags_rename (fixture->library, logos, "a/b", &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
}

static void
test_merge_moves_assets_and_children (Fixture       *fixture,
                                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  gint64 logo, logos, brand;

  /* "Logo" was a typo of "Logos"; both have a "Mono" child. */
  g_assert_true (mops_tags_add_to_assets (fixture->library, "Brand/Logo/Mono", &fixture->ids[0], 1, &error));
  g_assert_true (mops_tags_add_to_assets (fixture->library, "Brand/Logo/Print", &fixture->ids[3], 1, &error));
  g_assert_true (mops_tags_add_to_assets (fixture->library, "Brand/Logo", &fixture->ids[1], 1, &error));
  g_assert_true (mops_tags_add_to_assets (fixture->library, "Brand/Logos/Mono", &fixture->ids[2], 1, &error));
  logo = mops_tags_lookup (fixture->library, "Brand/Logo", NULL);
  logos = mops_tags_lookup (fixture->library, "Brand/Logos", NULL);
  brand = mops_tags_lookup (fixture->library, "Brand", NULL);

  /* Into itself or a descendant is refused. */
  g_assert_false (mops_tags_merge (fixture->library, brand, logos, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (mops_tags_merge (fixture->library, logo, logos, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mops_tags_lookup (fixture->library, "Brand/Logo", NULL), ==, 0);

  tags = mops_tags_list (fixture->library, &error);
  g_assert_cmpuint (tags->len, ==, 4);   /* Brand, Logos, Logos/Mono, Logos/Print */
  g_assert_cmpstr (((MopsTagInfo *) tags->pdata[1])->path, ==, "Brand/Logos");
  g_assert_cmpint (((MopsTagInfo *) tags->pdata[1])->asset_count, ==, 4);
  g_assert_cmpstr (((MopsTagInfo *) tags->pdata[2])->path, ==, "Brand/Logos/Mono");
  g_assert_cmpint (((MopsTagInfo *) tags->pdata[2])->asset_count, ==, 2);
  g_assert_cmpstr (((MopsTagInfo *) tags->pdata[3])->path, ==, "Brand/Logos/Print");
}

/* Keywords from the file are offered, minus those the asset already has as tags. */
static void
test_keywords_are_suggested (Fixture       *fixture,
                             gconstpointer  user_data)
{
  sqlite3 *db = mops_library_get_db (fixture->library);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) suggested = NULL;
  g_auto(GStrv) after = NULL;
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("INSERT INTO asset_meta (asset_id, key, seq, value) VALUES"
                         " (%lld, 'keywords', 0, 'Fjord'), (%lld, 'keywords', 1, ' morning '),"
                         " (%lld, 'keywords', 2, 'MOUNTAINS'), (%lld, 'keywords', 3, 'fjord'),"
                         " (%lld, 'keywords', 4, 'Ålesund'), (%lld, 'keywords', 5, ''),"
                         " (%lld, 'keywords', 0, 'other asset')",
                         (long long) fixture->ids[0], (long long) fixture->ids[0],
                         (long long) fixture->ids[0], (long long) fixture->ids[0],
                         (long long) fixture->ids[0], (long long) fixture->ids[0],
                         (long long) fixture->ids[1]);
  g_assert_true (mops_db_exec (db, sql, &error));
  g_assert_no_error (error);
  g_assert_true (mops_tags_add_to_assets (fixture->library, "Places/Mountains", &fixture->ids[0], 1, &error));

  suggested = mops_tags_suggest_from_keywords (fixture->library, fixture->ids[0], &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (suggested, ((const char *[]) { "Fjord", "morning", "Ålesund", NULL }));

  /* Taking one as a tag (in another case) removes it from the offer. */
  g_assert_true (mops_tags_add_to_assets (fixture->library, "ålesund", &fixture->ids[0], 1, &error));
  after = mops_tags_suggest_from_keywords (fixture->library, fixture->ids[0], &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (after, ((const char *[]) { "Fjord", "morning", NULL }));
}

/* Tagging in a worker against tagging on the main thread -------------------------------- */

/* The tag tree, the links and the search text they feed. */
static char *
dump_tags (MopsLibrary *library)
{
  sqlite3 *db = mops_library_get_db (library);
  g_autofree char *tags = mops_test_dump (db, "SELECT id, parent_id, name FROM tags ORDER BY id");
  g_autofree char *links = mops_test_dump (db, "SELECT asset_id, tag_id FROM asset_tags ORDER BY 1, 2");
  g_autofree char *text = mops_test_dump (db, "SELECT id, search_text FROM assets ORDER BY id");

  return g_strconcat (tags, "--\n", links, "--\n", text, NULL);
}

/* Adds (or removes) @path on @ids in @sync_library on the main thread and in @async_library
 * (the same rows) in a worker: the same outcome, the same error, the same rows. */
static void
assert_tagging_alike (MopsLibrary  *sync_library,
                      MopsLibrary  *async_library,
                      gboolean      add,
                      const char   *path,
                      const gint64 *ids,
                      guint         n_ids)
{
  g_autoptr(GError) sync_error = NULL;
  g_autoptr(GError) async_error = NULL;
  g_autofree gint64 *copy = g_memdup2 (ids, sizeof (gint64) * n_ids);
  g_autofree char *path_copy = g_strdup (path);
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *pending = NULL;
  g_autofree char *sync_rows = NULL;
  g_autofree char *async_rows = NULL;
  gboolean sync_done, async_done;

  if (add)
    {
      sync_done = mops_tags_add_to_assets (sync_library, path, ids, n_ids, &sync_error);
      mops_tags_add_to_assets_async (async_library, path_copy, copy, n_ids, NULL, mops_test_store_result, &pending);
    }
  else
    {
      sync_done = mops_tags_remove_from_assets (sync_library, path, ids, n_ids, &sync_error);
      mops_tags_remove_from_assets_async (async_library, path_copy, copy, n_ids, NULL, mops_test_store_result, &pending);
    }
  /* The worker has its own copies. */
  if (copy != NULL)
    memset (copy, 0, sizeof (gint64) * n_ids);
  memset (path_copy, 'x', strlen (path_copy));
  result = mops_test_wait_for_result (&pending);
  async_done = add ? mops_tags_add_to_assets_finish (async_library, result, &async_error)
                   : mops_tags_remove_from_assets_finish (async_library, result, &async_error);

  g_assert_cmpint (sync_done, ==, async_done);
  if (sync_error != NULL)
    {
      g_assert_error (async_error, sync_error->domain, sync_error->code);
      g_assert_cmpstr (async_error->message, ==, sync_error->message);
    }
  else
    g_assert_no_error (async_error);

  sync_rows = dump_tags (sync_library);
  async_rows = dump_tags (async_library);
  g_assert_cmpstr (async_rows, ==, sync_rows);
}

static void
test_async_tagging_matches_sync (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autofree char *other_dir = NULL;
  g_autoptr(MopsLibrary) other = mops_test_create_library (&other_dir);
  gint64 other_ids[G_N_ELEMENTS (file_names)];
  gint64 logos[] = { fixture->ids[1], fixture->ids[0] };
  gint64 unknown[] = { fixture->ids[2], 4242 };

  mops_test_store_files (other, other_dir, file_names, G_N_ELEMENTS (file_names), other_ids);
  g_assert_cmpmem (other_ids, sizeof other_ids, fixture->ids, sizeof fixture->ids);

  assert_tagging_alike (fixture->library, other, TRUE, "Brand/Logos/Mono", logos, 2);
  assert_tagging_alike (fixture->library, other, TRUE, "Brand/Logos", fixture->ids, G_N_ELEMENTS (file_names));
  assert_tagging_alike (fixture->library, other, TRUE, "Team", unknown, 2);             /* nothing changes */
  assert_tagging_alike (fixture->library, other, TRUE, "Brand//", logos, 2);            /* an empty part */
  assert_tagging_alike (fixture->library, other, FALSE, "Brand/Logos", logos, 1);
  assert_tagging_alike (fixture->library, other, FALSE, "No/Such/Tag", logos, 2);       /* changes nothing */
  assert_tagging_alike (fixture->library, other, FALSE, "Brand/Logos/Mono", unknown, 2);

  mops_test_close_library (&other, &other_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tags/paths/split-and-join-with-escapes", test_paths_split_and_join);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/tags/add/creates-parents-and-counts-descendants", test_add_creates_parents_and_counts_descendants);
  ADD ("/tags/add/an-unknown-asset-changes-nothing", test_unknown_asset_changes_nothing);
  ADD ("/tags/remove/takes-exactly-that-tag", test_remove_takes_exactly_that_tag);
  ADD ("/tags/rename/refreshes-search", test_rename_refreshes_search);
  ADD ("/tags/merge/moves-assets-and-children", test_merge_moves_assets_and_children);
  ADD ("/tags/keywords/are-suggested", test_keywords_are_suggested);
  ADD ("/tags/async/tagging-matches-the-main-thread", test_async_tagging_matches_sync);
#undef ADD

  return g_test_run ();
}
