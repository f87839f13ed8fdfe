/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-assets.c — editing assets, the Trash and emptying it without breaking what uses them */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "core/mops-asset-store.h"
#include "core/mops-asset.h"
#include "core/mops-assets.h"
#include "core/mops-db-private.h"
#include "core/mops-error.h"
#include "core/mops-library-private.h"
#include "core/mops-search-private.h"
#include "core/mops-search.h"
#include "mops-test-util.h"

static const char * const photo_names[] = { "photo-0.jpg", "photo-1.jpg", "photo-2.jpg" };

typedef struct
{
  char        *dir;
  MopsLibrary *library;
  gint64       ids[G_N_ELEMENTS (photo_names)];
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->library = mops_test_create_library (&fixture->dir);
  mops_test_store_files (fixture->library, fixture->dir, photo_names, G_N_ELEMENTS (photo_names),
                         fixture->ids);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  mops_test_close_library (&fixture->library, &fixture->dir);
}

static guint
count_matches (Fixture    *fixture,
               const char *text,
               gboolean    trashed)
{
  MopsSearchQuery query = { .text = text, .trashed = trashed };
  g_autoptr(GArray) ids = mops_search_assets_in_db (mops_library_get_db (fixture->library), &query, NULL);

  return ids->len;
}

static void
test_fields_rating_and_label (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MopsAsset) asset = NULL;

  g_assert_true (mops_assets_set_text_fields (fixture->library, fixture->ids[0], "Fjord at dawn",
                                              "Morning light", "Ingrid Haugen", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_matches (fixture, "haugen", FALSE), ==, 1);

  g_assert_true (mops_assets_set_rating (fixture->library, fixture->ids, 2, 4, &error));
  g_assert_true (mops_assets_set_color_label (fixture->library, fixture->ids, 1, "green", &error));
  asset = mops_asset_load (fixture->library, fixture->ids[0], &error);
  g_assert_cmpstr (mops_asset_get_display_name (asset), ==, "Fjord at dawn");
  g_assert_cmpstr (mops_asset_get_creator (asset), ==, "Ingrid Haugen");
  g_assert_cmpint (mops_asset_get_rating (asset), ==, 4);
  g_assert_cmpstr (mops_asset_get_color_label (asset), ==, "green");

  /* Clearing a field with "" */
  g_assert_true (mops_assets_set_text_fields (fixture->library, fixture->ids[0], "", NULL, NULL, &error));
  g_clear_object (&asset);
  asset = mops_asset_load (fixture->library, fixture->ids[0], &error);
  g_assert_null (mops_asset_get_title (asset));
  g_assert_cmpuint (count_matches (fixture, "haugen", FALSE), ==, 0);

  g_assert_false (mops_assets_set_rating (fixture->library, fixture->ids, 1, 6, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mops_assets_set_color_label (fixture->library, fixture->ids, 1, "pink", &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);
  {
    gint64 ids[] = { fixture->ids[1], 424242 };

    g_assert_false (mops_assets_set_rating (fixture->library, ids, 2, 1, &error));
    g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "424242"));
    g_clear_object (&asset);
    asset = mops_asset_load (fixture->library, fixture->ids[1], NULL);
    g_assert_cmpint (mops_asset_get_rating (asset), ==, 4);   /* unchanged: all or nothing */
  }
}

static void
test_trash_restore_and_empty (Fixture       *fixture,
                              gconstpointer  user_data)
{
  sqlite3 *db = mops_library_get_db (fixture->library);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(MopsAsset) used = NULL;
  g_autoptr(MopsAsset) gone = NULL;
  g_autofree char *used_file = NULL;
  g_autofree char *gone_file = NULL;
  g_autofree char *used_render = NULL;
  g_autofree char *gone_render = NULL;
  gint64 deleted;

  used = mops_asset_load (fixture->library, fixture->ids[0], NULL);
  gone = mops_asset_load (fixture->library, fixture->ids[1], NULL);
  used_file = mops_asset_dup_file_path (used);
  gone_file = mops_asset_dup_file_path (gone);

  /* The viewer's cached renders (thumbs/view/<sha256>-p<page>-<size>.png) */
  {
    g_autofree char *view = mops_library_build_path (fixture->library, "thumbs/view");

    g_assert_no_errno (g_mkdir_with_parents (view, 0755));
    used_render = g_strdup_printf ("%s/%s-p0-2048.png", view, mops_asset_get_sha256 (used));
    gone_render = g_strdup_printf ("%s/%s-p3-1024.png", view, mops_asset_get_sha256 (gone));
    g_assert_true (g_file_set_contents (used_render, "png", -1, NULL));
    g_assert_true (g_file_set_contents (gone_render, "png", -1, NULL));
  }

  /* Asset 0 is used by a content item: the Trash must keep it. */
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO content_items (id, uid, title, created_at, modified_at)"
                                            " VALUES (1, 'u1', 'Launch post', 0, 0);"
                                            "INSERT INTO content_assets VALUES (1, %" G_GINT64_FORMAT ", 0)",
                                            fixture->ids[0]);
    g_assert_true (mops_db_exec (db, sql, NULL));
  }

  g_assert_cmpint (mops_assets_count_trashed (fixture->library), ==, 0);
  g_assert_true (mops_assets_trash (fixture->library, fixture->ids, 2, &error));
  g_assert_cmpuint (count_matches (fixture, NULL, FALSE), ==, 1);
  g_assert_cmpuint (count_matches (fixture, NULL, TRUE), ==, 2);
  g_assert_cmpint (mops_assets_count_trashed (fixture->library), ==, 2);

  g_assert_true (mops_assets_restore (fixture->library, &fixture->ids[1], 1, &error));
  g_assert_cmpuint (count_matches (fixture, NULL, TRUE), ==, 1);
  g_assert_cmpint (mops_assets_count_trashed (fixture->library), ==, 1);
  g_assert_true (mops_assets_trash (fixture->library, &fixture->ids[1], 1, &error));

  deleted = mops_assets_empty_trash (fixture->library, &kept, &error);
  g_assert_no_error (error);
  g_assert_cmpint (deleted, ==, 1);
  g_assert_cmpuint (kept->len, ==, 1);
  g_assert_cmpint (((MopsTrashKept *) kept->pdata[0])->id, ==, fixture->ids[0]);
  g_assert_nonnull (strstr (((MopsTrashKept *) kept->pdata[0])->used_by, "Launch post"));

  g_assert_true (g_file_test (used_file, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (gone_file, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (used_render, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (gone_render, G_FILE_TEST_EXISTS));
  g_assert_cmpint (mops_db_query_int (db, "SELECT count(*) FROM assets", NULL), ==, 2);
  g_assert_cmpint (mops_assets_count_trashed (fixture->library), ==, 1);
}

/* Many assets in one query: those that exist, each as mops_asset_load() reads it. */
static void
test_load_many (Fixture       *fixture,
                gconstpointer  user_data)
{
  gint64 ids[] = { fixture->ids[2], 999999, fixture->ids[0] };
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) some = NULL;
  g_autoptr(GError) error = NULL;

  none = mops_asset_load_many (fixture->library, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  some = mops_asset_load_many (fixture->library, ids, G_N_ELEMENTS (ids), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (some->len, ==, 2);
  for (guint i = 0; i < some->len; i++)
    {
      MopsAsset *asset = g_ptr_array_index (some, i);
      g_autoptr(MopsAsset) single = mops_asset_load (fixture->library, mops_asset_get_id (asset), &error);

      g_assert_no_error (error);
      g_assert_true (mops_asset_get_id (asset) == fixture->ids[0] || mops_asset_get_id (asset) == fixture->ids[2]);
      g_assert_cmpstr (mops_asset_get_original_name (asset), ==, mops_asset_get_original_name (single));
      g_assert_cmpstr (mops_asset_get_sha256 (asset), ==, mops_asset_get_sha256 (single));
      g_assert_cmpstr (mops_asset_get_mime (asset), ==, mops_asset_get_mime (single));
      g_assert_cmpint (mops_asset_get_size (asset), ==, mops_asset_get_size (single));
    }
}

static void
test_imported_by_names_a_person (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = mops_library_get_db (fixture->library);
  gint64 person;

  g_assert_true (mops_db_exec (db, "INSERT INTO people (name) VALUES ('Yuki Tanaka')", NULL));
  person = mops_db_query_int (db, "SELECT id FROM people", NULL);

  g_assert_true (mops_assets_set_imported_by (fixture->library, fixture->ids, 2, person, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mops_db_query_int (db, "SELECT count(*) FROM assets WHERE imported_by IS NOT NULL", NULL), ==, 2);

  g_assert_false (mops_assets_set_imported_by (fixture->library, fixture->ids, 1, person + 1, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "person"));
  g_clear_error (&error);

  g_assert_true (mops_assets_set_imported_by (fixture->library, fixture->ids, 1, 0, &error));
  g_assert_cmpint (mops_db_query_int (db, "SELECT count(*) FROM assets WHERE imported_by IS NOT NULL", NULL), ==, 1);
}

static void
test_metadata_fields_are_replaced_in_order (Fixture       *fixture,
                                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = mops_library_get_db (fixture->library);
  const char *subjects[] = { "fjord", "sunrise", "Norway", NULL };
  const char *one[] = { "Fjord", NULL };
  g_autofree char *sql = g_strdup_printf ("SELECT group_concat (value, ',') FROM (SELECT value FROM asset_meta"
                                          " WHERE asset_id = %" G_GINT64_FORMAT
                                          " AND key = 'Xmp.dc.subject' ORDER BY seq)", fixture->ids[0]);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_true (mops_assets_set_metadata (fixture->library, fixture->ids[0], "Xmp.dc.subject", subjects, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "fjord,sunrise,Norway");
  sqlite3_reset (stmt);

  g_assert_true (mops_assets_set_metadata (fixture->library, fixture->ids[0], "Xmp.dc.subject", one, &error));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "Fjord");
  sqlite3_reset (stmt);

  g_assert_true (mops_assets_set_metadata (fixture->library, fixture->ids[0], "Xmp.dc.subject", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mops_db_query_int (db, "SELECT count(*) FROM asset_meta WHERE key = 'Xmp.dc.subject'", NULL), ==, 0);

  g_assert_false (mops_assets_set_metadata (fixture->library, 4242, "Xmp.dc.subject", one, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
}

/* The bulk edits in a worker against the same edits on the main thread ------------------ */

/* What the bulk edits change, timestamps left out (two clocks read apart may differ). */
#define ASSETS_DUMP "SELECT id, rating, color_label, trashed_at IS NOT NULL, search_text FROM assets ORDER BY id"

typedef enum
{
  EDIT_RATING,
  EDIT_LABEL,
  EDIT_TRASH,
  EDIT_RESTORE,
} Edit;

static gboolean
edit_sync (MopsLibrary   *library,
           Edit           edit,
           const gint64  *ids,
           guint          n_ids,
           int            rating,
           const char    *label,
           GError       **error)
{
  switch (edit)
    {
    case EDIT_RATING:
      return mops_assets_set_rating (library, ids, n_ids, rating, error);
    case EDIT_LABEL:
      return mops_assets_set_color_label (library, ids, n_ids, label, error);
    case EDIT_TRASH:
      return mops_assets_trash (library, ids, n_ids, error);
    case EDIT_RESTORE:
    default:
      return mops_assets_restore (library, ids, n_ids, error);
    }
}

/* The same through the _async call; the ids are overwritten as soon as it returns, so the
 * worker must have its own copy. */
static gboolean
edit_async (MopsLibrary   *library,
            Edit           edit,
            const gint64  *ids,
            guint          n_ids,
            int            rating,
            const char    *label,
            GError       **error)
{
  g_autofree gint64 *copy = g_memdup2 (ids, sizeof (gint64) * n_ids);
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *pending = NULL;

  switch (edit)
    {
    case EDIT_RATING:
      mops_assets_set_rating_async (library, copy, n_ids, rating, NULL, mops_test_store_result, &pending);
      break;
    case EDIT_LABEL:
      mops_assets_set_color_label_async (library, copy, n_ids, label, NULL, mops_test_store_result, &pending);
      break;
    case EDIT_TRASH:
      mops_assets_trash_async (library, copy, n_ids, NULL, mops_test_store_result, &pending);
      break;
    case EDIT_RESTORE:
    default:
      mops_assets_restore_async (library, copy, n_ids, NULL, mops_test_store_result, &pending);
      break;
    }
  if (copy != NULL)
    memset (copy, 0, sizeof (gint64) * n_ids);
  result = mops_test_wait_for_result (&pending);

  switch (edit)
    {
    case EDIT_RATING:
      return mops_assets_set_rating_finish (library, result, error);
    case EDIT_LABEL:
      return mops_assets_set_color_label_finish (library, result, error);
    case EDIT_TRASH:
      return mops_assets_trash_finish (library, result, error);
    case EDIT_RESTORE:
    default:
      return mops_assets_restore_finish (library, result, error);
    }
}

/* Runs @edit in @sync_library on the main thread and in @async_library (the same rows) in a
 * worker: both succeed or fail with the same error, and leave the same rows. */
static void
assert_edit_alike (MopsLibrary  *sync_library,
                   MopsLibrary  *async_library,
                   Edit          edit,
                   const gint64 *ids,
                   guint         n_ids,
                   int           rating,
                   const char   *label)
{
  g_autoptr(GError) sync_error = NULL;
  g_autoptr(GError) async_error = NULL;
  gboolean sync_done = edit_sync (sync_library, edit, ids, n_ids, rating, label, &sync_error);
  gboolean async_done = edit_async (async_library, edit, ids, n_ids, rating, label, &async_error);
  g_autofree char *sync_rows = mops_test_dump (mops_library_get_db (sync_library), ASSETS_DUMP);
  g_autofree char *async_rows = mops_test_dump (mops_library_get_db (async_library), ASSETS_DUMP);

  g_assert_cmpint (sync_done, ==, async_done);
  if (sync_error != NULL)
    {
      g_assert_error (async_error, sync_error->domain, sync_error->code);
      g_assert_cmpstr (async_error->message, ==, sync_error->message);
    }
  else
    g_assert_no_error (async_error);
  g_assert_cmpstr (async_rows, ==, sync_rows);
}

static void
test_async_edits_match_sync (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autofree char *other_dir = NULL;
  g_autoptr(MopsLibrary) other = mops_test_create_library (&other_dir);
  gint64 other_ids[G_N_ELEMENTS (photo_names)];
  gint64 two[] = { fixture->ids[2], fixture->ids[0] };
  gint64 unknown[] = { fixture->ids[1], 4242 };

  mops_test_store_files (other, other_dir, photo_names, G_N_ELEMENTS (photo_names), other_ids);
  g_assert_cmpmem (other_ids, sizeof other_ids, fixture->ids, sizeof fixture->ids);

  assert_edit_alike (fixture->library, other, EDIT_RATING, two, 2, 4, NULL);
  assert_edit_alike (fixture->library, other, EDIT_RATING, fixture->ids, 3, 2, NULL);
  assert_edit_alike (fixture->library, other, EDIT_RATING, two, 2, 7, NULL);           /* not 0–5 */
  assert_edit_alike (fixture->library, other, EDIT_LABEL, two, 2, 0, "green");
  assert_edit_alike (fixture->library, other, EDIT_LABEL, two, 1, 0, NULL);
  assert_edit_alike (fixture->library, other, EDIT_LABEL, two, 2, 0, "mauve");         /* no such label */
  assert_edit_alike (fixture->library, other, EDIT_RATING, unknown, 2, 5, NULL);       /* nothing changes */
  assert_edit_alike (fixture->library, other, EDIT_TRASH, two, 2, 0, NULL);
  assert_edit_alike (fixture->library, other, EDIT_TRASH, fixture->ids, 3, 0, NULL);   /* two already there */
  assert_edit_alike (fixture->library, other, EDIT_TRASH, unknown, 2, 0, NULL);
  assert_edit_alike (fixture->library, other, EDIT_RESTORE, two, 2, 0, NULL);
  assert_edit_alike (fixture->library, other, EDIT_RESTORE, fixture->ids, 0, 0, NULL);

  g_assert_cmpint (mops_assets_count_trashed (other), ==, 1);
  mops_test_close_library (&other, &other_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/assets/edit/fields-rating-and-label", test_fields_rating_and_label);
  ADD ("/assets/trash/restore-and-empty-keeping-what-is-used", test_trash_restore_and_empty);
  ADD ("/assets/load/many-in-one-query", test_load_many);
  ADD ("/assets/edit/imported-by-names-a-person", test_imported_by_names_a_person);
  ADD ("/assets/edit/metadata-fields-are-replaced-in-order", test_metadata_fields_are_replaced_in_order);
  ADD ("/assets/async/bulk-edits-match-the-main-thread-ones", test_async_edits_match_sync);
#undef ADD

  return g_test_run ();
}
