/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-asset-list.c — the lazy GListModel of assets and the asset objects it makes */

#include "config.h"

#include <glib/gstdio.h>

#include "core/mops-asset-list.h"
#include "core/mops-db-private.h"
#include "core/mops-import-private.h"
#include "core/mops-import.h"
#include "core/mops-library-private.h"
#include "core/mops-search-private.h"
#include "core/mops-search.h"
#include "mops-test-util.h"

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint calls;
} Changes;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
  changes->calls++;
}

static void
test_list_makes_assets_on_demand (void)
{
  g_autofree char *dir = mops_test_make_tmp_dir ();
  g_autofree char *source = g_build_filename (dir, "in", NULL);
  g_autofree char *path = g_build_filename (dir, "library", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MopsLibrary) library = NULL;
  g_autoptr(MopsAssetList) list = NULL;
  g_autoptr(MopsImportReport) report = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(MopsAsset) asset = NULL;
  g_autofree char *file_path = NULL;
  MopsSearchQuery query = { .sort = MOPS_SEARCH_SORT_NAME };
  const char *paths[] = { source, NULL };
  Changes changes = { 0 };

  g_mkdir (source, 0755);
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *name = g_strdup_printf ("asset-%04u.txt", i);
      g_autofree char *content = g_strdup_printf ("content %u", i);
      g_free (mops_test_write_file (source, name, content, -1));
    }

  library = mops_library_open (path, MOPS_LIBRARY_OPEN_CREATE, &error);
  g_assert_no_error (error);
  report = mops_import_run_in_db (library, mops_library_get_db (library), paths, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added->len, ==, 2000);

  list = mops_asset_list_new (library);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changes);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == MOPS_TYPE_ASSET);

  ids = mops_search_assets_in_db (mops_library_get_db (library), &query, &error);
  mops_asset_list_set_ids (list, ids);
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (changes.added, ==, 2000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2000);

  asset = g_list_model_get_item (G_LIST_MODEL (list), 1234);
  g_assert_true (MOPS_IS_ASSET (asset));
  g_assert_cmpstr (mops_asset_get_display_name (asset), ==, "asset-1234.txt");
  g_assert_cmpstr (mops_asset_get_preview_state (asset), ==, "pending");
  g_assert_cmpint (mops_asset_get_size (asset), ==, 12);
  file_path = mops_asset_dup_file_path (asset);
  g_assert_true (g_file_test (file_path, G_FILE_TEST_IS_REGULAR));

  /* The same object while cached; every item reachable; nothing past the end. */
  {
    g_autoptr(MopsAsset) again = g_list_model_get_item (G_LIST_MODEL (list), 1234);
    g_assert_true (again == asset);
  }
  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(MopsAsset) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_assert_nonnull (item);
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 2000));

  g_assert_cmpuint (mops_asset_list_find (list, mops_asset_get_id (asset)), ==, 1234);
  g_assert_cmpuint (mops_asset_list_find (list, 999999), ==, G_MAXUINT);

  /* An edit is re-read and announced at its position. */
  g_assert_true (mops_db_exec (mops_library_get_db (library),
                               "UPDATE assets SET title = 'Renamed' WHERE original_name = 'asset-1234.txt'", NULL));
  mops_asset_list_invalidate (list, mops_asset_get_id (asset));
  g_assert_cmpuint (changes.position, ==, 1234);
  g_assert_cmpuint (changes.removed, ==, 1);
  {
    g_autoptr(MopsAsset) renamed = g_list_model_get_item (G_LIST_MODEL (list), 1234);
    g_assert_cmpstr (mops_asset_get_display_name (renamed), ==, "Renamed");
  }

  /* A first screen, then the whole result: only the tail is announced, cached rows stay. */
  {
    MopsSearchQuery first_query = { .sort = MOPS_SEARCH_SORT_NAME, .limit = 100 };
    g_autoptr(GArray) first = mops_search_assets_in_db (mops_library_get_db (library), &first_query, &error);
    g_autoptr(GArray) all = mops_search_assets_in_db (mops_library_get_db (library), &query, &error);
    g_autoptr(GArray) other = g_array_copy (all);
    g_autoptr(MopsAsset) cached = NULL;
    g_autoptr(MopsAsset) again = NULL;

    g_assert_no_error (error);
    mops_asset_list_set_ids (list, first);
    cached = g_list_model_get_item (G_LIST_MODEL (list), 10);
    changes.calls = 0;
    g_assert_true (mops_asset_list_extend (list, all));
    g_assert_cmpuint (changes.calls, ==, 1);
    g_assert_cmpuint (changes.position, ==, 100);
    g_assert_cmpuint (changes.removed, ==, 0);
    g_assert_cmpuint (changes.added, ==, 1900);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2000);
    again = g_list_model_get_item (G_LIST_MODEL (list), 10);
    g_assert_true (again == cached);

    /* Not a continuation: nothing changes. */
    g_array_index (other, gint64, 0) = g_array_index (all, gint64, 1);
    mops_asset_list_set_ids (list, first);
    changes.calls = 0;
    g_assert_false (mops_asset_list_extend (list, other));
    g_assert_cmpuint (changes.calls, ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 100);
  }

  g_clear_object (&asset);
  g_clear_object (&list);
  g_clear_object (&library);
  mops_test_remove_tree (dir);
}

static void
on_items_changed_log (GListModel *model,
                      guint       position,
                      guint       removed,
                      guint       added,
                      GString    *log)
{
  g_string_append_printf (log, "(%u,%u,%u)", position, removed, added);
}

static GArray *
ids_from (gint64 first,
          guint  n,
          gint64 skip)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (gint64 id = first; id < first + n; id++)
    if (id != skip)
      g_array_append_val (ids, id);

  return ids;
}

/* A new result is announced as the rows that changed between what both lists start and end
 * with; a replacement by many rows in two steps (gone, then new); an edit of many assets
 * only for the ones a view was given. */
static void
test_list_announces_only_the_change (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(MopsLibrary) library = mops_test_create_library (&dir);
  g_autoptr(MopsAssetList) list = mops_asset_list_new (library);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GArray) ten = ids_from (1, 10, 0);
  g_autoptr(GArray) nine = ids_from (1, 10, 5);
  g_autoptr(GArray) same = ids_from (1, 10, 5);
  g_autoptr(GArray) many = ids_from (100000, 3000, 0);
  static const char * const names[] = { "a.txt", "b.txt", "c.txt" };
  gint64 stored[G_N_ELEMENTS (names)];
  g_autoptr(GArray) real = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_log), log);

  mops_asset_list_set_ids (list, ten);
  mops_asset_list_set_ids (list, nine);
  mops_asset_list_set_ids (list, same);
  g_assert_cmpstr (log->str, ==, "(0,0,10)(4,1,0)");

  g_string_truncate (log, 0);
  mops_asset_list_set_ids (list, many);
  g_assert_cmpstr (log->str, ==, "(0,9,0)(0,0,3000)");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3000);

  /* Edits: only the assets read through the list are announced, one run each. */
  mops_test_store_files (library, dir, names, G_N_ELEMENTS (names), stored);
  g_array_append_vals (real, stored, G_N_ELEMENTS (stored));
  mops_asset_list_set_ids (list, real);
  {
    g_autoptr(MopsAsset) first = g_list_model_get_item (G_LIST_MODEL (list), 0);

    g_assert_nonnull (first);
  }
  g_string_truncate (log, 0);
  mops_asset_list_invalidate_many (list, stored, G_N_ELEMENTS (stored));
  g_assert_cmpstr (log->str, ==, "(0,3,3)");

  /* Nothing read since: nothing to announce. */
  g_string_truncate (log, 0);
  mops_asset_list_invalidate_many (list, stored, G_N_ELEMENTS (stored));
  g_assert_cmpstr (log->str, ==, "");

  /* The same result again (a query redone after an edit): the rows a view was given are
   * still known, so the edit that follows still reaches them. */
  {
    g_autoptr(GArray) again = g_array_copy (real);
    g_autoptr(MopsAsset) first = g_list_model_get_item (G_LIST_MODEL (list), 0);

    g_assert_nonnull (first);
    g_string_truncate (log, 0);
    mops_asset_list_set_ids (list, again);
    mops_asset_list_invalidate_many (list, stored, G_N_ELEMENTS (stored));
    g_assert_cmpstr (log->str, ==, "(0,3,3)");
  }

  g_clear_object (&list);
  mops_test_close_library (&library, &dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/asset-list/makes-assets-on-demand", test_list_makes_assets_on_demand);
  g_test_add_func ("/asset-list/announces-only-the-change", test_list_announces_only_the_change);

  return g_test_run ();
}
