/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-collections.c — manual collections and saved searches */

#include "config.h"

#include <string.h>

#include "core/mops-asset-store.h"
#include "core/mops-collections.h"
#include "core/mops-db-private.h"
#include "core/mops-error.h"
#include "core/mops-library-private.h"
#include "mops-test-util.h"

static const char * const poster_names[] = { "poster-0.png", "poster-1.png", "poster-2.png" };

typedef struct
{
  char        *dir;
  MopsLibrary *library;
  gint64       ids[G_N_ELEMENTS (poster_names)];
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->library = mops_test_create_library (&fixture->dir);
  mops_test_store_files (fixture->library, fixture->dir, poster_names, G_N_ELEMENTS (poster_names),
                         fixture->ids);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  mops_test_close_library (&fixture->library, &fixture->dir);
}

static void
test_collections_group_assets (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GArray) members = NULL;
  gint64 ids[] = { fixture->ids[2], fixture->ids[0] };
  gint64 press, again;

  press = mops_collections_ensure (fixture->library, "  Press kit ", &error);
  g_assert_no_error (error);
  again = mops_collections_ensure (fixture->library, "Press kit", &error);
  g_assert_cmpint (press, ==, again);
  g_assert_cmpint (mops_collections_ensure (fixture->library, "   ", &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (mops_collections_add_assets (fixture->library, press, ids, 2, &error));
  g_assert_true (mops_collections_add_assets (fixture->library, press, ids, 1, &error));   /* idempotent */
  members = mops_collections_get_asset_ids (fixture->library, press, &error);
  g_assert_cmpuint (members->len, ==, 2);
  g_assert_cmpint (g_array_index (members, gint64, 0), ==, fixture->ids[2]);   /* order added */

  /* An unknown asset changes nothing. */
  {
    gint64 bad[] = { fixture->ids[1], 4242 };

    g_assert_false (mops_collections_add_assets (fixture->library, press, bad, 2, &error));
    g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* Trashed members are not counted. */
  g_assert_true (mops_db_exec (mops_library_get_db (fixture->library), "UPDATE assets SET trashed_at = 1 WHERE id = 1", NULL));
  list = mops_collections_list (fixture->library, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((MopsCollectionInfo *) list->pdata[0])->name, ==, "Press kit");
  g_assert_cmpint (((MopsCollectionInfo *) list->pdata[0])->asset_count, ==, 1);

  g_assert_true (mops_collections_remove_assets (fixture->library, press, &fixture->ids[2], 1, &error));
  g_assert_true (mops_collections_rename (fixture->library, press, "Press kit 2026", &error));
  g_assert_true (mops_collections_delete (fixture->library, press, &error));
  g_assert_cmpint (mops_db_query_int (mops_library_get_db (fixture->library), "SELECT count(*) FROM assets", NULL), ==, 3);
  g_assert_false (mops_collections_delete (fixture->library, press, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
}

static void
test_saved_searches_round_trip (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 id, same;

  id = mops_saved_searches_save (fixture->library, "Vector logos", "logo", "{\"type\":[\"vector\"]}", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  same = mops_saved_searches_save (fixture->library, "Vector logos", "mark", NULL, &error);
  g_assert_cmpint (same, ==, id);

  list = mops_saved_searches_list (fixture->library, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((MopsSavedSearch *) list->pdata[0])->query, ==, "mark");
  g_assert_null (((MopsSavedSearch *) list->pdata[0])->filters);

  g_assert_cmpint (mops_saved_searches_save (fixture->library, "Broken", "", "[1,2]", &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (mops_saved_searches_delete (fixture->library, id, &error));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = mops_saved_searches_list (fixture->library, &error);
  g_assert_cmpuint (list->len, ==, 0);
}

/* "press kit" finds "Press kit" instead of making a second one; so do full-width letters and
 * a decomposed "ü" (NFKC + case fold). */
static void
test_collections_names_compare_folded (Fixture       *fixture,
                                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 press = mops_collections_ensure (fixture->library, "Press kit", &error);
  gint64 munich = mops_collections_ensure (fixture->library, "Launch München", &error);

  g_assert_no_error (error);
  g_assert_cmpint (mops_collections_ensure (fixture->library, "press kit", &error), ==, press);
  g_assert_cmpint (mops_collections_ensure (fixture->library, "PRESS KIT", &error), ==, press);
  g_assert_cmpint (mops_collections_ensure (fixture->library, "\xef\xbc\xb0ress kit", &error), ==, press);
  g_assert_cmpint (mops_collections_ensure (fixture->library, "launch mu\xcc\x88nchen", &error), ==, munich);
  g_assert_no_error (error);

  list = mops_collections_list (fixture->library, &error);
  g_assert_cmpuint (list->len, ==, 2);
}

/* A collection made elsewhere keeps its description, date, order and the dates of its members. */
static void
test_collections_keep_order_and_dates_given (Fixture       *fixture,
                                             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) members = NULL;
  sqlite3 *db = mops_library_get_db (fixture->library);
  gint64 id;

  id = mops_collections_add (fixture->library, "Press kit", "What journalists get.", 1790000000, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mops_collections_ensure (fixture->library, "Press kit", &error), ==, id);

  g_assert_true (mops_collections_insert_asset (fixture->library, id, fixture->ids[0], 5, 1790000300, &error));
  g_assert_true (mops_collections_insert_asset (fixture->library, id, fixture->ids[1], 0, 1790000100, &error));
  g_assert_no_error (error);
  members = mops_collections_get_asset_ids (fixture->library, id, &error);
  g_assert_cmpuint (members->len, ==, 2);
  g_assert_cmpint (g_array_index (members, gint64, 0), ==, fixture->ids[1]);
  g_assert_cmpint (mops_db_query_int (db, "SELECT created_at FROM collections", NULL), ==, 1790000000);
  g_assert_cmpint (mops_db_query_int (db, "SELECT sum (added_at) - 2 * 1790000000 FROM collection_assets",
                                      NULL), ==, 400);
  g_assert_cmpint (mops_db_query_int (db, "SELECT count(*) FROM collections WHERE description = 'What journalists get.'",
                                      NULL), ==, 1);

  g_assert_false (mops_collections_insert_asset (fixture->library, id, fixture->ids[0], 1, 0, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (mops_collections_insert_asset (fixture->library, id + 1, fixture->ids[2], 1, 0, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "collection"));
}

/* Adding, unlike saving, keeps a search that is already there. */
static void
test_saved_searches_added_with_their_date_never_replace (Fixture       *fixture,
                                                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 id;

  id = mops_saved_searches_add (fixture->library, "Expiring licences", "",
                                "{\"licence\":\"expiring\"}", 1790000000, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mops_saved_searches_lookup (fixture->library, "Expiring licences", &error), ==, id);
  g_assert_cmpint (mops_saved_searches_lookup (fixture->library, "Missing licences", &error), ==, 0);
  g_assert_cmpint (mops_db_query_int (mops_library_get_db (fixture->library),
                                      "SELECT created_at FROM saved_searches", NULL), ==, 1790000000);

  g_assert_cmpint (mops_saved_searches_add (fixture->library, "Expiring licences", "x", NULL, 0, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpint (mops_saved_searches_add (fixture->library, "Odd", "", "\"text\"", 0, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);

  list = mops_saved_searches_list (fixture->library, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((MopsSavedSearch *) list->pdata[0])->filters, ==, "{\"licence\":\"expiring\"}");
}

/* Members changed in a worker against the same change on the main thread ------------------ */

#define MEMBERS_DUMP "SELECT collection_id, asset_id, position FROM collection_assets ORDER BY 1, 3, 2"

static void
assert_members_alike (MopsLibrary  *sync_library,
                      MopsLibrary  *async_library,
                      gboolean      add,
                      gint64        collection,
                      const gint64 *ids,
                      guint         n_ids)
{
  g_autoptr(GError) sync_error = NULL;
  g_autoptr(GError) async_error = NULL;
  g_autofree gint64 *copy = g_memdup2 (ids, sizeof (gint64) * n_ids);
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *pending = NULL;
  g_autofree char *sync_rows = NULL;
  g_autofree char *async_rows = NULL;
  gboolean sync_done, async_done;

  if (add)
    {
      sync_done = mops_collections_add_assets (sync_library, collection, ids, n_ids, &sync_error);
      mops_collections_add_assets_async (async_library, collection, copy, n_ids, NULL, mops_test_store_result, &pending);
    }
  else
    {
      sync_done = mops_collections_remove_assets (sync_library, collection, ids, n_ids, &sync_error);
      mops_collections_remove_assets_async (async_library, collection, copy, n_ids, NULL, mops_test_store_result,
                                            &pending);
    }
  if (copy != NULL)
    memset (copy, 0, sizeof (gint64) * n_ids);   /* the worker has its own copy */
  result = mops_test_wait_for_result (&pending);
  async_done = add ? mops_collections_add_assets_finish (async_library, result, &async_error)
                   : mops_collections_remove_assets_finish (async_library, result, &async_error);

  g_assert_cmpint (sync_done, ==, async_done);
  if (sync_error != NULL)
    {
      g_assert_error (async_error, sync_error->domain, sync_error->code);
      g_assert_cmpstr (async_error->message, ==, sync_error->message);
    }
  else
    g_assert_no_error (async_error);

  sync_rows = mops_test_dump (mops_library_get_db (sync_library), MEMBERS_DUMP);
  async_rows = mops_test_dump (mops_library_get_db (async_library), MEMBERS_DUMP);
  g_assert_cmpstr (async_rows, ==, sync_rows);
}

static void
test_async_members_match_sync (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autofree char *other_dir = NULL;
  g_autoptr(MopsLibrary) other = mops_test_create_library (&other_dir);
  g_autoptr(GError) error = NULL;
  gint64 other_ids[G_N_ELEMENTS (poster_names)];
  gint64 two[] = { fixture->ids[2], fixture->ids[0] };
  gint64 unknown[] = { fixture->ids[1], 4242 };
  gint64 press, other_press;

  mops_test_store_files (other, other_dir, poster_names, G_N_ELEMENTS (poster_names), other_ids);
  g_assert_cmpmem (other_ids, sizeof other_ids, fixture->ids, sizeof fixture->ids);
  press = mops_collections_ensure (fixture->library, "Press kit", &error);
  other_press = mops_collections_ensure (other, "Press kit", &error);
  g_assert_no_error (error);
  g_assert_cmpint (press, ==, other_press);

  assert_members_alike (fixture->library, other, TRUE, press, two, 2);
  assert_members_alike (fixture->library, other, TRUE, press, fixture->ids, G_N_ELEMENTS (poster_names));
  assert_members_alike (fixture->library, other, TRUE, press, unknown, 2);      /* nothing changes */
  assert_members_alike (fixture->library, other, TRUE, 4242, two, 2);           /* no such collection */
  assert_members_alike (fixture->library, other, FALSE, press, two, 1);
  assert_members_alike (fixture->library, other, FALSE, press, unknown, 2);

  mops_test_close_library (&other, &other_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/collections/group-assets-without-owning-them", test_collections_group_assets);
  ADD ("/collections/names-compare-folded", test_collections_names_compare_folded);
  ADD ("/collections/keep-the-order-and-dates-they-are-given", test_collections_keep_order_and_dates_given);
  ADD ("/saved-searches/round-trip-and-replace-by-name", test_saved_searches_round_trip);
  ADD ("/saved-searches/added-with-their-date-never-replace-one",
       test_saved_searches_added_with_their_date_never_replace);
  ADD ("/collections/async/members-match-the-main-thread", test_async_members_match_sync);
#undef ADD

  return g_test_run ();
}
