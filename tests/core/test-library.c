/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-library.c — library folders: creation, refusals, lock, staging, settings, storing files */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "core/mops-asset-store.h"
#include "core/mops-db-private.h"
#include "core/mops-error.h"
#include "core/mops-library-private.h"
#include "core/mops-library.h"
#include "core/mops-tags.h"
#include "mops-test-util.h"

/* The bytes of a small PNG: its signature is what content sniffing looks at. */
static const guchar tiny_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
  0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
  0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
  0x42, 0x60, 0x82,
};

typedef struct
{
  char *dir;
  char *library_path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->dir = mops_test_make_tmp_dir ();
  fixture->library_path = g_build_filename (fixture->dir, "Brand library", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  mops_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->library_path);
}

static MopsLibrary *
open_ok (const char           *path,
         MopsLibraryOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  MopsLibrary *library = mops_library_open (path, flags, &error);

  g_assert_no_error (error);
  g_assert_true (MOPS_IS_LIBRARY (library));
  return library;
}

static void
test_create_in_missing_folder (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(MopsLibrary) library = open_ok (fixture->library_path, MOPS_LIBRARY_OPEN_CREATE);
  MopsLibraryCounts counts;
  g_autofree char *files = g_build_filename (fixture->library_path, "files", NULL);
  g_autofree char *tmp = g_build_filename (fixture->library_path, "tmp", NULL);
  g_autofree char *name = mops_library_dup_display_name (library);

  g_assert_true (mops_library_path_has_database (fixture->library_path));
  g_assert_true (g_file_test (files, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (tmp, G_FILE_TEST_IS_DIR));
  g_assert_cmpstr (mops_library_get_path (library), ==, fixture->library_path);
  g_assert_cmpstr (name, ==, "Brand library");
  g_assert_true (mops_library_is_empty (library));

  /* A new library starts with one channel per medium and the default warning period. */
  g_assert_true (mops_library_get_counts (library, &counts, NULL));
  g_assert_cmpint (counts.schema_version, ==, MOPS_DB_SCHEMA_VERSION);
  g_assert_cmpint (counts.channels, ==, 6);
  g_assert_cmpint (counts.assets, ==, 0);
  g_assert_cmpint (mops_db_query_int (mops_library_get_db (library),
                                      "SELECT count(DISTINCT medium) FROM channels", NULL), ==, 6);
  g_assert_cmpint (mops_library_get_expiry_warning_days (library), ==, 30);
}

static void
test_create_in_empty_folder_and_reopen (Fixture       *fixture,
                                        gconstpointer  user_data)
{
  MopsLibrary *library;

  g_assert_cmpint (g_mkdir (fixture->library_path, 0755), ==, 0);
  library = open_ok (fixture->library_path, MOPS_LIBRARY_OPEN_CREATE);
  g_assert_true (mops_library_set_expiry_warning_days (library, 14, NULL));
  g_object_unref (library);

  /* Reopening keeps the settings and does not seed the channels twice. */
  library = open_ok (fixture->library_path, MOPS_LIBRARY_OPEN_CREATE);
  g_assert_cmpint (mops_library_get_expiry_warning_days (library), ==, 14);
  g_assert_cmpint (mops_db_query_int (mops_library_get_db (library), "SELECT count(*) FROM channels", NULL), ==, 6);
  g_object_unref (library);
}

static void
test_refuses_non_empty_folder (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MopsLibrary) library = NULL;
  g_autofree char *note = NULL;

  g_assert_cmpint (g_mkdir (fixture->library_path, 0755), ==, 0);
  note = mops_test_write_file (fixture->library_path, "notes.txt", "holiday plans", -1);

  library = mops_library_open (fixture->library_path, MOPS_LIBRARY_OPEN_CREATE, &error);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_A_LIBRARY);
  g_assert_null (library);
  g_assert_nonnull (strstr (error->message, "Brand library"));

  /* Nothing was added to the person's folder. */
  g_assert_false (mops_library_path_has_database (fixture->library_path));
  {
    g_autofree char *files = g_build_filename (fixture->library_path, "files", NULL);
    g_assert_false (g_file_test (files, G_FILE_TEST_EXISTS));
  }
}

static void
test_refuses_missing_without_create (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MopsLibrary) library = mops_library_open (fixture->library_path, MOPS_LIBRARY_OPEN_DEFAULT, &error);

  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NO_LIBRARY);
  g_assert_null (library);
  g_assert_false (g_file_test (fixture->library_path, G_FILE_TEST_EXISTS));
}

static void
test_refuses_a_file (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MopsLibrary) library = NULL;
  g_autofree char *path = mops_test_write_file (fixture->dir, "report.pdf", "%PDF-1.4", -1);

  library = mops_library_open (path, MOPS_LIBRARY_OPEN_CREATE, &error);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_A_LIBRARY);
  g_assert_null (library);
}

static void
test_refuses_garbage_database (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MopsLibrary) library = NULL;
  g_autofree char *db_path = NULL;

  g_assert_cmpint (g_mkdir (fixture->library_path, 0755), ==, 0);
  db_path = mops_test_write_file (fixture->library_path, "library.db",
                                  "garbage garbage garbage garbage garbage garbage garbage", -1);

  library = mops_library_open (fixture->library_path, MOPS_LIBRARY_OPEN_CREATE | MOPS_LIBRARY_OPEN_LOCK, &error);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_A_DATABASE);
  g_assert_null (library);
}

static void
test_lock_allows_one_app_per_library (Fixture       *fixture,
                                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  MopsLibrary *first = open_ok (fixture->library_path, MOPS_LIBRARY_OPEN_CREATE | MOPS_LIBRARY_OPEN_LOCK);
  MopsLibrary *second;
  MopsLibrary *unlocked;

  second = mops_library_open (fixture->library_path, MOPS_LIBRARY_OPEN_LOCK, &error);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_LOCKED);
  g_assert_null (second);
  g_assert_nonnull (strstr (error->message, "open in another Mops"));
  g_clear_error (&error);

  /* mops-cli takes no lock: SQLite's own locking serves it. */
  unlocked = open_ok (fixture->library_path, MOPS_LIBRARY_OPEN_DEFAULT);
  g_object_unref (unlocked);

  g_object_unref (first);
  second = open_ok (fixture->library_path, MOPS_LIBRARY_OPEN_LOCK);
  g_object_unref (second);
}

static void
test_staging_is_cleaned_only_when_unlocked (Fixture       *fixture,
                                            gconstpointer  user_data)
{
  g_autoptr(MopsLibrary) library = open_ok (fixture->library_path, MOPS_LIBRARY_OPEN_CREATE);
  g_autoptr(GError) error = NULL;
  g_autofree char *staging = mops_library_create_staging (library, &error);
  g_autofree char *crashed = g_build_filename (fixture->library_path, "tmp", "4242-0badf00d", NULL);
  g_autofree char *crashed_lock = g_strconcat (crashed, ".lock", NULL);
  g_autofree char *busy = g_build_filename (fixture->library_path, "tmp", "4343-c0ffee00", NULL);
  g_autofree char *busy_lock = g_strconcat (busy, ".lock", NULL);
  g_autoptr(GPtrArray) stale = NULL;
  int busy_fd;

  g_assert_no_error (error);
  g_assert_true (g_file_test (staging, G_FILE_TEST_IS_DIR));

  /* A crash's leftovers: a folder whose lock nobody holds. */
  g_assert_cmpint (g_mkdir (crashed, 0700), ==, 0);
  g_free (mops_test_write_file (crashed, "half-copied.jpg", "xx", -1));
  g_free (mops_test_write_file (fixture->library_path, "tmp/4242-0badf00d.lock", "", 0));

  /* Another process at work: its lock is held (a separate open file description). */
  g_assert_cmpint (g_mkdir (busy, 0700), ==, 0);
  busy_fd = g_open (busy_lock, O_RDWR | O_CREAT, 0644);
  g_assert_cmpint (flock (busy_fd, LOCK_EX | LOCK_NB), ==, 0);

  stale = mops_library_find_stale_staging (library, FALSE);
  g_assert_cmpuint (stale->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (stale, 0), ==, "tmp/4242-0badf00d");
  g_assert_true (g_file_test (crashed, G_FILE_TEST_IS_DIR));
  g_clear_pointer (&stale, g_ptr_array_unref);

  stale = mops_library_find_stale_staging (library, TRUE);
  g_assert_cmpuint (stale->len, ==, 1);
  g_assert_false (g_file_test (crashed, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (crashed_lock, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (busy, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (staging, G_FILE_TEST_IS_DIR));

  close (busy_fd);
  mops_library_release_staging (library, staging);
  g_assert_false (g_file_test (staging, G_FILE_TEST_EXISTS));
}

static void
test_settings_are_validated (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(MopsLibrary) library = open_ok (fixture->library_path, MOPS_LIBRARY_OPEN_CREATE);
  g_autoptr(GError) error = NULL;

  g_assert_false (mops_library_set_expiry_warning_days (library, -1, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_assert_cmpint (mops_library_get_expiry_warning_days (library), ==, 30);

  /* A value someone wrote by hand that is not a number falls back to the default. */
  g_assert_true (mops_library_set_setting (library, MOPS_SETTING_EXPIRY_WARNING_DAYS, "soon", NULL));
  g_assert_cmpint (mops_library_get_expiry_warning_days (library), ==, 30);
}

static void
test_store_file_copies_hashes_and_dedupes (Fixture       *fixture,
                                           gconstpointer  user_data)
{
  g_autoptr(MopsLibrary) library = open_ok (fixture->library_path, MOPS_LIBRARY_OPEN_CREATE);
  g_autoptr(GError) error = NULL;
  /* PNG bytes behind a misleading extension: the content wins. */
  g_autofree char *source = mops_test_write_file (fixture->dir, "Grüße Logo.txt", tiny_png, sizeof tiny_png);
  g_autofree char *again = mops_test_write_file (fixture->dir, "copy.png", tiny_png, sizeof tiny_png);
  MopsAssetInfo info = { .title = "Grüße-Logo", .creator = "Brand team", .width = 1, .height = 1, .rating = 4 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stored = NULL;
  gboolean duplicate = TRUE;
  gint64 id, id2;

  id = mops_asset_store_file (library, source, &info, &duplicate, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_false (duplicate);

  stmt = mops_db_prepare (mops_library_get_db (library),
                          "SELECT sha256, stored_path, original_name, mime, size, search_text, rating FROM assets WHERE id = ?",
                          NULL);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==,
                   "2b1da20a14b97d8f01f0a809d9f7d53eeefc59df6312eaa5a0c8b5c1228d1d7f");
  g_assert_true (g_str_has_prefix ((const char *) sqlite3_column_text (stmt, 1), "files/2b/2b1da20a14b97d8f01f0a809d9f7d53eeefc59df6312eaa5a0c8b5c1228d1d7f"));
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "Grüße Logo.txt");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, "image/png");
  g_assert_cmpint (sqlite3_column_int64 (stmt, 4), ==, sizeof tiny_png);
  g_assert_nonnull (strstr ((const char *) sqlite3_column_text (stmt, 5), "grüsse-logo"));
  g_assert_cmpint (sqlite3_column_int (stmt, 6), ==, 4);

  stored = mops_library_build_path (library, (const char *) sqlite3_column_text (stmt, 1));
  g_assert_true (g_str_has_suffix (stored, ".txt"));
  g_assert_true (mops_test_files_equal (source, stored));

  /* The same content again adds nothing and reports the existing asset. */
  id2 = mops_asset_store_file (library, again, NULL, &duplicate, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id2, ==, id);
  g_assert_true (duplicate);
  g_assert_cmpint (mops_db_query_int (mops_library_get_db (library), "SELECT count(*) FROM assets", NULL), ==, 1);

  /* No staging folder is left behind. */
  {
    g_autoptr(GPtrArray) stale = mops_library_find_stale_staging (library, FALSE);
    g_assert_cmpuint (stale->len, ==, 0);
  }
  {
    g_autofree char *tmp = g_build_filename (fixture->library_path, "tmp", NULL);
    g_autoptr(GDir) dir = g_dir_open (tmp, 0, NULL);
    g_assert_null (g_dir_read_name (dir));
  }
}

static void
test_store_file_refuses_bad_input (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_autoptr(MopsLibrary) library = open_ok (fixture->library_path, MOPS_LIBRARY_OPEN_CREATE);
  g_autofree char *empty = mops_test_write_file (fixture->dir, "empty.png", "", 0);
  g_autofree char *missing = g_build_filename (fixture->dir, "gone.png", NULL);
  struct { const char *path; int code; } cases[] = {
    { empty, MOPS_ERROR_INVALID },
    { missing, MOPS_ERROR_IO },
    { fixture->dir, MOPS_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *base = g_path_get_basename (cases[i].path);

      g_assert_cmpint (mops_asset_store_file (library, cases[i].path, NULL, NULL, NULL, &error), ==, 0);
      g_assert_error (error, MOPS_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, base));
    }

  g_assert_true (mops_library_is_empty (library));
}

static void
on_previews_changed_cb (MopsLibrary *library,
                        gint64       asset_id,
                        GArray      *seen)
{
  g_array_append_val (seen, asset_id);
}

static void
test_previews_changed_signal (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(MopsLibrary) library = open_ok (fixture->library_path, MOPS_LIBRARY_OPEN_CREATE);
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_signal_connect (library, "previews-changed", G_CALLBACK (on_previews_changed_cb), seen);
  mops_library_previews_changed (library, 7);
  mops_library_previews_changed (library, 42);

  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpint (g_array_index (seen, gint64, 0), ==, 7);
  g_assert_cmpint (g_array_index (seen, gint64, 1), ==, 42);
}

static void
on_changed_cb (MopsLibrary *library,
               guint       *count)
{
  (*count)++;
}

/* Another process commits to @path's library.db (python3's sqlite3 module: any other
 * program with SQLite, as mops-cli is). */
static void
write_from_another_process (const char *path,
                            const char *sql)
{
  g_autofree char *db = g_build_filename (path, MOPS_LIBRARY_DB_NAME, NULL);
  g_autofree char *script = g_strdup_printf ("import sqlite3, sys\n"
                                             "c = sqlite3.connect(sys.argv[1])\n"
                                             "c.execute(\"%s\")\n"
                                             "c.commit()\n", sql);
  const char *argv[] = { "/usr/bin/python3", "-c", script, db, NULL };
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* Views hear of what another process wrote (mops-cli import into an open library), not of
 * this process's own writes, whichever connection made them. */
static void
test_changes_of_other_processes_are_noticed (Fixture       *fixture,
                                             gconstpointer  user_data)
{
  g_autoptr(MopsLibrary) library = open_ok (fixture->library_path, MOPS_LIBRARY_OPEN_CREATE);
  g_autoptr(MopsLibrary) twin = NULL;
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("no /usr/bin/python3 to write as another process");
      return;
    }

  g_signal_connect (library, "changed", G_CALLBACK (on_changed_cb), &changed);
  mops_library_watch_changes (library, 60 * 1000);   /* looks are made by hand below */
  g_assert_false (mops_library_check_changes (library));

  /* Our own writes: through the library and through another connection of this process. */
  g_assert_true (mops_library_set_expiry_warning_days (library, 14, &error));
  g_assert_no_error (error);
  twin = open_ok (fixture->library_path, MOPS_LIBRARY_OPEN_DEFAULT);
  g_assert_true (mops_library_set_expiry_warning_days (twin, 21, &error));
  g_assert_false (mops_library_check_changes (library));
  g_assert_cmpuint (changed, ==, 0);

  write_from_another_process (fixture->library_path,
                              "INSERT INTO people (name) VALUES ('Someone from mops-cli')");
  g_assert_true (mops_library_check_changes (library));
  g_assert_cmpuint (changed, ==, 1);

  /* Nothing new since. */
  g_assert_false (mops_library_check_changes (library));
  g_assert_cmpuint (changed, ==, 1);
  mops_library_watch_changes (library, 0);
}

static void
on_task_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
}

/* A worker's connection: one that works, and one whose failure is the task's error. */
static void
test_task_connection (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(MopsLibrary) library = open_ok (fixture->library_path, MOPS_LIBRARY_OPEN_CREATE);
  g_autofree char *db_path = g_build_filename (fixture->library_path, MOPS_LIBRARY_DB_NAME, NULL);
  g_autofree char *moved = g_build_filename (fixture->dir, "moved.db", NULL);
  g_autoptr(GTask) ok_task = g_task_new (NULL, NULL, on_task_done_cb, NULL);
  g_autoptr(GTask) failed_task = g_task_new (NULL, NULL, on_task_done_cb, NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  db = mops_library_open_task_connection (library, ok_task);
  g_assert_nonnull (db);
  g_assert_false (g_task_had_error (ok_task));
  mops_db_close (db);
  g_task_return_boolean (ok_task, TRUE);

  g_assert_cmpint (g_rename (db_path, moved), ==, 0);
  g_assert_null (mops_library_open_task_connection (library, failed_task));
  g_assert_true (g_task_had_error (failed_task));
  g_assert_false (g_task_propagate_boolean (failed_task, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (g_rename (moved, db_path), ==, 0);
}

/* Domain functions called inside mops_library_begin() write into that transaction: its
 * rollback undoes them, its commit keeps them. */
static void
test_transaction_holds_domain_writes (Fixture       *fixture,
                                      gconstpointer  user_data)
{
  g_autoptr(MopsLibrary) library = open_ok (fixture->library_path, MOPS_LIBRARY_OPEN_CREATE);
  g_autoptr(GError) error = NULL;
  gint64 asset = mops_test_store_file (library, fixture->dir, "logo.svg", "<svg/>", NULL);

  g_assert_true (mops_library_begin (library, &error));
  g_assert_no_error (error);
  g_assert_true (mops_tags_add_to_assets (library, "Brand/Logos", &asset, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mops_tags_lookup (library, "Brand/Logos", &error), >, 0);
  mops_library_rollback (library);
  g_assert_cmpint (mops_tags_lookup (library, "Brand/Logos", &error), ==, 0);
  g_assert_no_error (error);

  g_assert_true (mops_library_begin (library, &error));
  g_assert_true (mops_tags_add_to_assets (library, "Brand/Logos", &asset, 1, &error));
  g_assert_true (mops_library_commit (library, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mops_tags_lookup (library, "Brand/Logos", &error), >, 0);
}

/* A domain function that fails inside the caller's transaction takes back only its own
 * writes: what came before stays for the caller to commit. */
static void
test_transaction_keeps_writes_before_a_failed_one (Fixture       *fixture,
                                                   gconstpointer  user_data)
{
  g_autoptr(MopsLibrary) library = open_ok (fixture->library_path, MOPS_LIBRARY_OPEN_CREATE);
  g_autoptr(GError) error = NULL;
  gint64 asset = mops_test_store_file (library, fixture->dir, "logo.svg", "<svg/>", NULL);
  gint64 unknown = asset + 100;

  g_assert_true (mops_library_begin (library, &error));
  g_assert_true (mops_tags_add_to_assets (library, "Brand/Logos", &asset, 1, &error));
  g_assert_false (mops_tags_add_to_assets (library, "Brand/Icons", &unknown, 1, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (mops_library_commit (library, &error));
  g_assert_no_error (error);

  g_assert_cmpint (mops_tags_lookup (library, "Brand/Logos", &error), >, 0);
  g_assert_cmpint (mops_tags_lookup (library, "Brand/Icons", &error), ==, 0);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/library/create/in-a-missing-folder-with-default-channels", test_create_in_missing_folder);
  ADD ("/library/create/in-an-empty-folder-and-reopen", test_create_in_empty_folder_and_reopen);
  ADD ("/library/refuse/a-non-empty-folder-without-a-library", test_refuses_non_empty_folder);
  ADD ("/library/refuse/a-missing-folder-without-create", test_refuses_missing_without_create);
  ADD ("/library/refuse/a-file-instead-of-a-folder", test_refuses_a_file);
  ADD ("/library/refuse/a-garbage-database", test_refuses_garbage_database);
  ADD ("/library/lock/allows-one-app-per-library", test_lock_allows_one_app_per_library);
  ADD ("/library/staging/cleaned-only-when-unlocked", test_staging_is_cleaned_only_when_unlocked);
  ADD ("/library/settings/are-validated", test_settings_are_validated);
  ADD ("/library/store/copies-hashes-and-dedupes", test_store_file_copies_hashes_and_dedupes);
  ADD ("/library/store/refuses-zero-byte-missing-and-folders", test_store_file_refuses_bad_input);
  ADD ("/library/signals/previews-changed-names-the-asset", test_previews_changed_signal);
  ADD ("/library/signals/changes-of-other-processes-are-noticed", test_changes_of_other_processes_are_noticed);
  ADD ("/library/connection/a-worker-s-own-or-the-task-s-error", test_task_connection);
  ADD ("/library/transaction/holds-the-writes-of-domain-functions", test_transaction_holds_domain_writes);
  ADD ("/library/transaction/keeps-the-writes-before-a-failed-one",
       test_transaction_keeps_writes_before_a_failed_one);
#undef ADD

  return g_test_run ();
}
