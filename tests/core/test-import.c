/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import.c — importing files and folders: recursion, dedupe, failures, cancel, tags */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "core/mops-db-private.h"
#include "core/mops-import-private.h"
#include "core/mops-import.h"
#include "core/mops-library-private.h"
#include "core/mops-licences.h"
#include "core/mops-search-private.h"
#include "core/mops-search.h"
#include "mops-test-util.h"

typedef struct
{
  char        *dir;
  char        *source;
  MopsLibrary *library;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->library = mops_test_create_library (&fixture->dir);
  fixture->source = mops_test_make_dir (fixture->dir, "Agency delivery");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  mops_test_close_library (&fixture->library, &fixture->dir);
  g_free (fixture->source);
}

/* Writes @relative under the source folder, creating folders. */
static char *
put (Fixture    *fixture,
     const char *relative,
     const char *content)
{
  g_autofree char *path = g_build_filename (fixture->source, relative, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, content, -1, NULL));
  return g_steal_pointer (&path);
}

static MopsImportReport *
import (Fixture                 *fixture,
        const char              *path,
        const MopsImportOptions *options)
{
  const char *paths[] = { path, NULL };
  g_autoptr(GError) error = NULL;
  MopsImportReport *report = mops_import_run_in_db (fixture->library, mops_library_get_db (fixture->library),
                                                    paths, options, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static gint64
count (Fixture    *fixture,
       const char *sql)
{
  return mops_db_query_int (mops_library_get_db (fixture->library), sql, NULL);
}

static gboolean
report_has_path (GPtrArray  *items,
                 const char *suffix)
{
  for (guint i = 0; i < items->len; i++)
    if (g_str_has_suffix (((MopsImportItem *) items->pdata[i])->path, suffix))
      return TRUE;

  return FALSE;
}

static void
assert_no_staging_left (Fixture *fixture)
{
  g_autofree char *tmp = g_build_filename (mops_library_get_path (fixture->library), "tmp", NULL);
  g_autoptr(GDir) dir = g_dir_open (tmp, 0, NULL);

  g_assert_nonnull (dir);
  g_assert_null (g_dir_read_name (dir));
}

static void
test_folders_recurse_and_skip_litter (Fixture       *fixture,
                                      gconstpointer  user_data)
{
  g_autoptr(MopsImportReport) report = NULL;
  g_autofree char *link = g_build_filename (fixture->source, "photos", "loop", NULL);
  g_autoptr(GArray) found = NULL;
  MopsSearchQuery query = { .text = "ロゴ" };

  g_free (put (fixture, "logos/会社ロゴ.png", "logo bytes"));
  g_free (put (fixture, "logos/Логотип.svg", "<svg/>"));
  g_free (put (fixture, "photos/2026/summer/beach.jpg", "beach bytes"));
  g_free (put (fixture, "copy/line\nbreak.txt", "a name with a newline"));
  g_free (put (fixture, "photos/.hidden.jpg", "hidden"));
  g_free (put (fixture, "photos/._beach.jpg", "resource fork"));
  g_free (put (fixture, "photos/.DS_Store", "finder"));
  g_free (put (fixture, "photos/Thumbs.db", "explorer"));
  g_free (put (fixture, "__MACOSX/logos/._会社ロゴ.png", "zip litter"));
  g_assert_cmpint (symlink (fixture->source, link), ==, 0);   /* a loop, never followed */

  report = import (fixture, fixture->source, NULL);
  g_assert_cmpuint (report->added->len, ==, 4);
  g_assert_cmpuint (report->duplicates->len, ==, 0);
  g_assert_cmpuint (report->failed->len, ==, 0);
  g_assert_false (report->cancelled);
  g_assert_true (report_has_path (report->added, "会社ロゴ.png"));
  g_assert_true (report_has_path (report->added, "line\nbreak.txt"));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM assets WHERE original_name = 'line' || char(10) || 'break.txt'"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM assets WHERE mime = 'image/svg+xml'"), ==, 1);

  found = mops_search_assets_in_db (mops_library_get_db (fixture->library), &query, NULL);
  g_assert_cmpuint (found->len, ==, 1);
  assert_no_staging_left (fixture);
}

static void
test_same_content_is_stored_once (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(MopsImportReport) first = NULL;
  g_autoptr(MopsImportReport) second = NULL;
  MopsImportItem *dup;

  g_free (put (fixture, "a/logo.png", "identical"));
  g_free (put (fixture, "b/logo copy.png", "identical"));
  g_free (put (fixture, "b/other.png", "different"));

  first = import (fixture, fixture->source, NULL);
  g_assert_cmpuint (first->added->len, ==, 2);
  g_assert_cmpuint (first->duplicates->len, ==, 1);
  dup = g_ptr_array_index (first->duplicates, 0);
  g_assert_true (g_str_has_suffix (dup->path, "logo copy.png"));
  g_assert_cmpint (dup->id, ==, ((MopsImportItem *) first->added->pdata[0])->id);

  /* Importing again adds nothing and says so, with the existing ids. */
  second = import (fixture, fixture->source, NULL);
  g_assert_cmpuint (second->added->len, ==, 0);
  g_assert_cmpuint (second->duplicates->len, ==, 3);
  for (guint i = 0; i < second->duplicates->len; i++)
    g_assert_cmpint (((MopsImportItem *) second->duplicates->pdata[i])->id, >, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM assets"), ==, 2);
}

static void
test_bad_files_fail_and_the_rest_continues (Fixture       *fixture,
                                            gconstpointer  user_data)
{
  g_autoptr(MopsImportReport) report = NULL;
  g_autofree char *fifo = g_build_filename (fixture->source, "pipe.png", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "gone.png", NULL);
  g_autofree char *locked = NULL;
  const char *paths[4];
  g_autoptr(GError) error = NULL;
  gboolean as_root = geteuid () == 0;

  g_free (put (fixture, "ok.png", "fine"));
  g_free (put (fixture, "empty.png", ""));
  locked = put (fixture, "locked.png", "secret");
  g_assert_cmpint (g_chmod (locked, 0), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);

  paths[0] = fixture->source;
  paths[1] = missing;
  paths[2] = NULL;
  report = mops_import_run_in_db (fixture->library, mops_library_get_db (fixture->library), paths,
                                  NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  /* root reads a file whatever its mode: then it is simply imported. */
  g_assert_cmpuint (report->added->len, ==, as_root ? 2 : 1);
  g_assert_cmpuint (report->failed->len, ==, as_root ? 3 : 4);
  for (guint i = 0; i < report->failed->len; i++)
    {
      MopsImportItem *item = g_ptr_array_index (report->failed, i);
      g_autofree char *base = g_path_get_basename (item->path);

      g_assert_nonnull (strstr (item->error, base));
      if (g_str_has_suffix (item->path, "empty.png"))
        g_assert_cmpstr (item->code, ==, "empty");
      else if (g_str_has_suffix (item->path, "pipe.png"))
        g_assert_cmpstr (item->code, ==, "not_regular");
      else if (g_str_has_suffix (item->path, "gone.png"))
        g_assert_cmpstr (item->code, ==, "vanished");
      else if (g_str_has_suffix (item->path, "locked.png"))
        g_assert_cmpstr (item->code, ==, "unreadable");
      else
        g_assert_not_reached ();
    }
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM assets"), ==, as_root ? 2 : 1);
  assert_no_staging_left (fixture);
}

static void
cancel_after_three (guint       done,
                    guint       total,
                    const char *current,
                    gpointer    user_data)
{
  if (done == 3)
    g_cancellable_cancel (user_data);
}

static void
test_cancel_keeps_what_was_imported (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(MopsImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { fixture->source, NULL };
  g_autofree char *files = NULL;
  guint stored = 0;

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("photo-%02u.jpg", i);
      g_autofree char *content = g_strdup_printf ("photo number %u", i);
      g_free (put (fixture, name, content));
    }

  report = mops_import_run_in_db (fixture->library, mops_library_get_db (fixture->library), paths, NULL,
                                  cancel_after_three, cancellable, cancellable, &error);
  g_assert_no_error (error);
  g_assert_true (report->cancelled);
  g_assert_cmpuint (report->added->len, ==, 3);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM assets"), ==, 3);

  /* Exactly the committed files are in files/: no orphans, no staging. */
  files = g_build_filename (mops_library_get_path (fixture->library), "files", NULL);
  {
    g_autoptr(GDir) top = g_dir_open (files, 0, NULL);
    const char *sub;

    while ((sub = g_dir_read_name (top)) != NULL)
      {
        g_autofree char *subdir = g_build_filename (files, sub, NULL);
        g_autoptr(GDir) inner = g_dir_open (subdir, 0, NULL);

        while (g_dir_read_name (inner) != NULL)
          stored++;
      }
  }
  g_assert_cmpuint (stored, ==, 3);
  assert_no_staging_left (fixture);
}

static char *
stored_path (Fixture *fixture,
             gint64   id)
{
  g_autoptr(sqlite3_stmt) stmt = mops_db_prepare (mops_library_get_db (fixture->library),
                                                  "SELECT stored_path FROM assets WHERE id = ?", NULL);

  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* Two readers take the files in turn, and run up to two batches ahead of the rows: the report
 * and the ids still follow the files' order, across batches, with duplicates and failures in
 * the middle, and every stored copy holds its file's bytes. */
static void
test_readers_keep_the_files_order_across_batches (Fixture       *fixture,
                                                  gconstpointer  user_data)
{
  g_autoptr(MopsImportReport) report = NULL;
  guint n = 1200;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("part-%02u/file-%04u.dat", i / 300, i);
      /* every 100th file repeats the one before it; file 7 is empty */
      g_autofree char *content = i == 7 ? g_strdup ("")
                                        : g_strdup_printf ("bytes of file %04u", i % 100 == 99 ? i - 1 : i);

      g_free (put (fixture, name, content));
    }

  report = import (fixture, fixture->source, NULL);
  g_assert_false (report->cancelled);
  g_assert_cmpuint (report->failed->len, ==, 1);
  g_assert_cmpstr (((MopsImportItem *) report->failed->pdata[0])->code, ==, "empty");
  g_assert_cmpuint (report->duplicates->len, ==, n / 100);
  g_assert_cmpuint (report->added->len, ==, n - 1 - n / 100);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM assets"), ==, report->added->len);

  for (guint i = 0; i < report->added->len; i++)
    {
      MopsImportItem *item = report->added->pdata[i];
      g_autofree char *stored = NULL;
      g_autofree char *relative = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *expected = NULL;
      const char *name = strrchr (item->path, '/') + 1;
      guint number = (guint) g_ascii_strtoull (name + strlen ("file-"), NULL, 10);

      if (i > 0)
        {
          MopsImportItem *previous = report->added->pdata[i - 1];

          g_assert_cmpstr (previous->path, <, item->path);
          g_assert_cmpint (previous->id, <, item->id);
        }

      relative = stored_path (fixture, item->id);
      stored = g_build_filename (mops_library_get_path (fixture->library), relative, NULL);
      g_assert_true (g_file_get_contents (stored, &contents, NULL, NULL));
      expected = g_strdup_printf ("bytes of file %04u", number);
      g_assert_cmpstr (contents, ==, expected);
    }

  for (guint i = 0; i < report->duplicates->len; i++)
    g_assert_cmpint (((MopsImportItem *) report->duplicates->pdata[i])->id, >, 0);
  assert_no_staging_left (fixture);
}

static void
test_tags_apply_to_added_and_duplicates (Fixture       *fixture,
                                         gconstpointer  user_data)
{
  const char *tags[] = { "Campaigns/Summer 2026", "Agency\\/Partner", NULL };
  MopsImportOptions options = { .tags = tags };
  g_autoptr(MopsImportReport) first = NULL;
  g_autoptr(MopsImportReport) second = NULL;
  const char *bad_tags[] = { "Campaigns//Oops", NULL };
  MopsImportOptions bad = { .tags = bad_tags };
  const char *paths[] = { fixture->source, NULL };
  g_autoptr(GError) error = NULL;

  g_free (put (fixture, "one.png", "one"));
  first = import (fixture, fixture->source, NULL);
  g_free (put (fixture, "two.png", "two"));

  second = import (fixture, fixture->source, &options);
  g_assert_cmpuint (second->added->len, ==, 1);
  g_assert_cmpuint (second->duplicates->len, ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(DISTINCT asset_id) FROM asset_tags"), ==, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM tags WHERE name = 'Agency/Partner'"), ==, 1);

  /* A malformed tag refuses the import before anything happens. */
  g_assert_null (mops_import_run_in_db (fixture->library, mops_library_get_db (fixture->library), paths,
                                        &bad, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
}

static void
test_trashed_duplicate_is_restored (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_autoptr(MopsImportReport) first = NULL;
  g_autoptr(MopsImportReport) second = NULL;

  g_free (put (fixture, "logo.png", "logo"));
  first = import (fixture, fixture->source, NULL);
  g_assert_true (mops_db_exec (mops_library_get_db (fixture->library), "UPDATE assets SET trashed_at = 1", NULL));

  second = import (fixture, fixture->source, NULL);
  g_assert_cmpuint (second->added->len, ==, 1);
  g_assert_true (((MopsImportItem *) second->added->pdata[0])->restored);
  g_assert_cmpint (((MopsImportItem *) second->added->pdata[0])->id, ==,
                   ((MopsImportItem *) first->added->pdata[0])->id);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM assets WHERE trashed_at IS NULL"), ==, 1);
}

/* "These files are ours": one owned licence for the import's new assets, across batches;
 * duplicates and assets that already have a licence keep what they have. */
static void
test_owned_links_new_assets_to_one_licence (Fixture       *fixture,
                                            gconstpointer  user_data)
{
  MopsImportOptions owned = { .owned = TRUE };
  g_autoptr(MopsImportReport) first = NULL;
  g_autoptr(MopsImportReport) second = NULL;
  g_autoptr(MopsImportReport) third = NULL;
  g_autoptr(MopsLicence) licence = NULL;
  g_autoptr(MopsLicence) agency = mops_licence_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *logo = put (fixture, "logo.png", "logo");
  g_autofree char *photo = put (fixture, "agency/photo.jpg", "photo");
  g_autofree char *sql = NULL;
  gint64 logo_id, photo_id, agency_id;

  first = import (fixture, logo, NULL);
  second = import (fixture, photo, NULL);
  logo_id = ((MopsImportItem *) first->added->pdata[0])->id;
  photo_id = ((MopsImportItem *) second->added->pdata[0])->id;
  g_assert_cmpint (first->owned_licence_id, ==, 0);

  /* The photo has its agency's licence and then goes to the Trash. */
  agency->kind = MOPS_LICENCE_KIND_ROYALTY_FREE;
  agency_id = mops_licences_create (fixture->library, agency, &photo_id, 1, &error);
  g_assert_no_error (error);
  g_assert_true (mops_db_exec (mops_library_get_db (fixture->library),
                               "UPDATE assets SET trashed_at = 1 WHERE id IN (SELECT asset_id FROM licence_assets)",
                               NULL));

  /* 501 new files: two batches of the import. */
  for (guint i = 0; i < 501; i++)
    {
      g_autofree char *name = g_strdup_printf ("shoot/frame-%03u.txt", i);
      g_autofree char *content = g_strdup_printf ("frame %u", i);

      g_free (put (fixture, name, content));
    }

  third = import (fixture, fixture->source, &owned);
  g_assert_cmpuint (third->added->len, ==, 502);        /* 501 new + the restored photo */
  g_assert_cmpuint (third->duplicates->len, ==, 1);     /* the logo */
  g_assert_cmpint (third->owned_licence_id, >, 0);

  licence = mops_licences_load (fixture->library, third->owned_licence_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (licence->kind, ==, MOPS_LICENCE_KIND_OWNED);
  g_assert_true (licence->confirmed);
  g_assert_true (licence->worldwide);
  g_assert_null (licence->expires_on);
  g_assert_cmpuint (licence->media, ==, 0);
  g_assert_cmpuint (licence->asset_ids->len, ==, 501);

  /* The duplicate gained nothing; the restored photo kept only its agency licence. */
  sql = g_strdup_printf ("SELECT count(*) FROM licence_assets WHERE asset_id = %" G_GINT64_FORMAT, logo_id);
  g_assert_cmpint (count (fixture, sql), ==, 0);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT licence_id FROM licence_assets WHERE asset_id = %" G_GINT64_FORMAT, photo_id);
  g_assert_cmpint (count (fixture, sql), ==, agency_id);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM licences"), ==, 2);
}

static void
test_reference_keeps_files_in_place (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  MopsImportOptions options = { .reference = TRUE };
  g_autoptr(MopsImportReport) report = NULL;
  g_autofree char *video = put (fixture, "launch film.mp4", "a big video");
  g_autoptr(sqlite3_stmt) stmt = NULL;

  report = import (fixture, video, &options);
  g_assert_cmpuint (report->added->len, ==, 1);

  stmt = mops_db_prepare (mops_library_get_db (fixture->library),
                          "SELECT is_reference, stored_path FROM assets", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, video);
}

static void
test_library_never_imports_itself (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_autoptr(MopsImportReport) first = NULL;
  g_autoptr(MopsImportReport) second = NULL;

  g_free (put (fixture, "logo.png", "logo"));
  first = import (fixture, fixture->source, NULL);
  /* fixture->dir holds both the source and the library */
  second = import (fixture, fixture->dir, NULL);
  g_assert_cmpuint (second->added->len, ==, 0);
  g_assert_cmpuint (second->duplicates->len, ==, 1);
}

typedef struct
{
  GMainLoop        *loop;
  MopsImportReport *report;
  guint             progress_calls;
  GThread          *main_thread;
} AsyncState;

static void
on_progress (guint       done,
             guint       total,
             const char *current,
             gpointer    user_data)
{
  AsyncState *state = user_data;

  g_assert_true (g_thread_self () == state->main_thread);
  g_assert_cmpuint (done, <=, total);
  state->progress_calls++;
}

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncState *state = user_data;
  g_autoptr(GError) error = NULL;

  state->report = mops_import_finish (MOPS_LIBRARY (source), result, &error);
  g_assert_no_error (error);
  g_main_loop_quit (state->loop);
}

static void
test_async_reports_progress_on_the_main_thread (Fixture       *fixture,
                                                gconstpointer  user_data)
{
  AsyncState state = { g_main_loop_new (NULL, FALSE), NULL, 0, g_thread_self () };
  const char *paths[] = { fixture->source, NULL };

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("asset-%u.txt", i);
      g_autofree char *content = g_strdup_printf ("asset %u", i);
      g_free (put (fixture, name, content));
    }

  mops_import_async (fixture->library, paths, NULL, on_progress, &state, NULL, on_import_done, &state);
  g_main_loop_run (state.loop);

  g_assert_nonnull (state.report);
  g_assert_cmpuint (state.report->added->len, ==, 5);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (state.progress_calls, ==, 5);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM assets"), ==, 5);

  mops_import_report_free (state.report);
  g_main_loop_unref (state.loop);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/import/folders/recurse-and-skip-litter", test_folders_recurse_and_skip_litter);
  ADD ("/import/dedupe/same-content-is-stored-once", test_same_content_is_stored_once);
  ADD ("/import/failures/bad-files-fail-and-the-rest-continues", test_bad_files_fail_and_the_rest_continues);
  ADD ("/import/cancel/keeps-what-was-imported", test_cancel_keeps_what_was_imported);
  ADD ("/import/readers/keep-the-files-order-across-batches", test_readers_keep_the_files_order_across_batches);
  ADD ("/import/tags/apply-to-added-and-duplicates", test_tags_apply_to_added_and_duplicates);
  ADD ("/import/dedupe/trashed-duplicate-is-restored", test_trashed_duplicate_is_restored);
  ADD ("/import/reference/keeps-files-in-place", test_reference_keeps_files_in_place);
  ADD ("/import/owned/links-new-assets-to-one-licence", test_owned_links_new_assets_to_one_licence);
  ADD ("/import/folders/library-never-imports-itself", test_library_never_imports_itself);
  ADD ("/import/async/reports-progress-on-the-main-thread", test_async_reports_progress_on_the_main_thread);
#undef ADD

  return g_test_run ();
}
