/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-previews.c — thumbnails and metadata through the mops-probe helper, and its failures */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "core/mops-db-private.h"
#include "core/mops-import-private.h"
#include "core/mops-import.h"
#include "core/mops-library-private.h"
#include "core/mops-previews-private.h"
#include "core/mops-previews.h"
#include "core/mops-tags.h"
#include "mops-test-util.h"

typedef MopsTestLibrary Fixture;

/* Width and height from a PNG's IHDR chunk. */
static gboolean
png_size (const char *path,
          int        *width,
          int        *height)
{
  g_autofree guchar *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, (char **) &data, &len, NULL) || len < 24)
    return FALSE;

  *width = (data[16] << 24) | (data[17] << 16) | (data[18] << 8) | data[19];
  *height = (data[20] << 24) | (data[21] << 16) | (data[22] << 8) | data[23];
  return TRUE;
}

static void
import_all (Fixture *fixture)
{
  const char *paths[] = { fixture->source, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(MopsImportReport) report =
    mops_import_run_in_db (fixture->library, mops_library_get_db (fixture->library), paths, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (report->failed->len, ==, 0);
}

static gint64
id_of (Fixture    *fixture,
       const char *name)
{
  g_autoptr(sqlite3_stmt) stmt =
    mops_db_prepare (mops_library_get_db (fixture->library), "SELECT id FROM assets WHERE original_name = ?", NULL);

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
column_text (Fixture    *fixture,
             const char *sql,
             gint64      id)
{
  g_autoptr(sqlite3_stmt) stmt = mops_db_prepare (mops_library_get_db (fixture->library), sql, NULL);

  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
test_thumbnails_metadata_and_states (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  static const char xmp[] =
    "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
    "<rdf:Description rdf:about='' xmlns:dc='http://purl.org/dc/elements/1.1/'"
    " xmlns:lr='http://ns.adobe.com/lightroom/1.0/' xmlns:photoshop='http://ns.adobe.com/photoshop/1.0/'>"
    "<dc:title><rdf:Alt><rdf:li xml:lang='x-default'>Fjord at dawn</rdf:li></rdf:Alt></dc:title>"
    "<dc:creator><rdf:Seq><rdf:li>Ingrid Haugen</rdf:li></rdf:Seq></dc:creator>"
    "<dc:rights><rdf:Alt><rdf:li xml:lang='x-default'>© 2026 Nordlys Stock</rdf:li></rdf:Alt></dc:rights>"
    "<dc:subject><rdf:Bag><rdf:li>fjord</rdf:li><rdf:li>morning</rdf:li></rdf:Bag></dc:subject>"
    "<lr:hierarchicalSubject><rdf:Bag><rdf:li>Places|Norway|Fjords</rdf:li></rdf:Bag></lr:hierarchicalSubject>"
    "<photoshop:DateCreated>2026-06-21T04:30:00+02:00</photoshop:DateCreated>"
    "</rdf:Description></rdf:RDF></x:xmpmeta>";
  g_autoptr(GError) error = NULL;
  g_autoptr(MopsPreviewReport) report = NULL;
  g_autoptr(MopsPreviewReport) again = NULL;
  g_autofree char *title = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *state = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *thumb256 = NULL;
  g_autofree char *thumb512 = NULL;
  gint64 photo, big, broken;
  int w, h;

  g_free (mops_test_write_png (fixture->source, "fjord.png", 1600, 1067, xmp));
  g_free (mops_test_write_png (fixture->source, "small.png", 120, 80, NULL));
  g_free (mops_test_write_file (fixture->source, "logo.svg",
                                "<svg xmlns='http://www.w3.org/2000/svg' width='200' height='100'>"
                                "<rect width='200' height='100' fill='#e66100'/></svg>", -1));
  g_free (mops_test_write_file (fixture->source, "broken.png", "\x89PNG\r\n\x1a\nthis is not the rest of a png", -1));
  g_free (mops_test_write_file (fixture->source, "notes.md", "# Launch\n\nCopy for the launch.\n", -1));
  g_free (mops_test_write_file (fixture->source, "bundle.zip", "PK\x03\x04 an archive", -1));
  import_all (fixture);

  report = mops_previews_run_in_db (fixture->library, mops_library_get_db (fixture->library), NULL, 0,
                                    0, 2, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->generated, ==, 4);            /* fjord, small, svg, notes */
  g_assert_cmpuint (report->cannot_preview->len, ==, 1);  /* broken; the zip has no picture */
  broken = id_of (fixture, "broken.png");
  g_assert_cmpint (((MopsPreviewProblem *) report->cannot_preview->pdata[0])->id, ==, broken);
  g_assert_cmpstr (((MopsPreviewProblem *) report->cannot_preview->pdata[0])->code, ==, "undecodable");
  g_assert_nonnull (strstr (((MopsPreviewProblem *) report->cannot_preview->pdata[0])->error, "broken.png"));
  state = column_text (fixture, "SELECT preview_state FROM assets WHERE id = ?", broken);
  g_assert_cmpstr (state, ==, "cannot_preview");

  /* Header metadata and XMP */
  photo = id_of (fixture, "fjord.png");
  title = column_text (fixture, "SELECT title FROM assets WHERE id = ?", photo);
  creator = column_text (fixture, "SELECT creator FROM assets WHERE id = ?", photo);
  g_assert_cmpstr (title, ==, "Fjord at dawn");
  g_assert_cmpstr (creator, ==, "Ingrid Haugen");
  g_assert_cmpint (mops_db_query_int (mops_library_get_db (fixture->library),
                                      "SELECT width * 10000 + height FROM assets WHERE original_name = 'fjord.png'", NULL),
                   ==, 1600 * 10000 + 1067);
  g_assert_cmpint (mops_db_query_int (mops_library_get_db (fixture->library),
                                      "SELECT created_at FROM assets WHERE original_name = 'fjord.png'", NULL),
                   ==, 1782009000);
  g_assert_cmpint (mops_db_query_int (mops_library_get_db (fixture->library),
                                      "SELECT count(*) FROM asset_meta WHERE key = 'keywords'", NULL), ==, 2);
  g_assert_cmpint (mops_tags_lookup (fixture->library, "Places/Norway/Fjords", NULL), >, 0);

  /* Decoded once at 512, 256 derived; small images are never enlarged. */
  sha = column_text (fixture, "SELECT sha256 FROM assets WHERE id = ?", photo);
  thumb256 = mops_previews_thumbnail_path (fixture->library, sha, 256);
  thumb512 = mops_previews_thumbnail_path (fixture->library, sha, 512);
  g_assert_true (png_size (thumb256, &w, &h));
  g_assert_cmpint (w, ==, 256);
  g_assert_cmpint (h, ==, 171);
  g_assert_true (png_size (thumb512, &w, &h));
  g_assert_cmpint (w, ==, 512);

  big = id_of (fixture, "small.png");
  g_clear_pointer (&sha, g_free);
  sha = column_text (fixture, "SELECT sha256 FROM assets WHERE id = ?", big);
  g_clear_pointer (&thumb512, g_free);
  thumb512 = mops_previews_thumbnail_path (fixture->library, sha, 512);
  g_assert_true (png_size (thumb512, &w, &h));
  g_assert_cmpint (w, ==, 120);

  /* A second run finds nothing to do but the one that cannot be previewed. */
  again = mops_previews_run_in_db (fixture->library, mops_library_get_db (fixture->library), NULL, 0,
                                   0, 2, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->generated, ==, 0);
  g_assert_cmpuint (again->skipped, ==, 5);
}

static void
test_a_crashing_or_hanging_helper_costs_one_preview (Fixture       *fixture,
                                                     gconstpointer  user_data)
{
  g_autofree char *crasher = g_build_filename (fixture->dir, "crash.sh", NULL);
  g_autofree char *hanger = g_build_filename (fixture->dir, "hang.sh", NULL);
  g_autofree char *real = g_strdup (g_getenv ("MOPS_PROBE"));
  g_autoptr(GError) error = NULL;
  g_autoptr(MopsPreviewReport) crashed = NULL;
  g_autoptr(MopsPreviewReport) hung = NULL;
  g_autoptr(MopsPreviewReport) healed = NULL;

  g_free (mops_test_write_png (fixture->source, "a.png", 64, 64, NULL));
  g_free (mops_test_write_file (fixture->source, "b.txt", "words", -1));
  import_all (fixture);

  g_assert_true (g_file_set_contents (crasher, "#!/bin/sh\nread line\nkill -SEGV $$\n", -1, NULL));
  g_assert_true (g_file_set_contents (hanger, "#!/bin/sh\nread line\nexec sleep 30\n", -1, NULL));
  g_chmod (crasher, 0755);
  g_chmod (hanger, 0755);

  g_setenv ("MOPS_PROBE", crasher, TRUE);
  crashed = mops_previews_run_in_db (fixture->library, mops_library_get_db (fixture->library), NULL, 0,
                                     0, 1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crashed->cannot_preview->len, ==, 2);
  g_assert_cmpstr (((MopsPreviewProblem *) crashed->cannot_preview->pdata[0])->code, ==, "crashed");

  g_setenv ("MOPS_PROBE", hanger, TRUE);
  g_setenv ("MOPS_PROBE_TIMEOUT_MS", "300", TRUE);
  hung = mops_previews_run_in_db (fixture->library, mops_library_get_db (fixture->library), NULL, 0,
                                  0, 1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hung->cannot_preview->len, ==, 2);
  g_assert_cmpstr (((MopsPreviewProblem *) hung->cannot_preview->pdata[0])->code, ==, "timeout");
  g_unsetenv ("MOPS_PROBE_TIMEOUT_MS");

  /* With the real helper back, the same files are previewed. */
  g_setenv ("MOPS_PROBE", real, TRUE);
  healed = mops_previews_run_in_db (fixture->library, mops_library_get_db (fixture->library), NULL, 0,
                                    0, 1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (healed->generated, ==, 2);
  g_assert_cmpuint (healed->cannot_preview->len, ==, 0);
}

static gpointer
cancel_when_file_exists (gpointer data)
{
  GCancellable *cancellable = data;
  const char *marker = g_object_get_data (G_OBJECT (cancellable), "marker");

  /* Waits for the state (the helper has the request), then cancels. */
  while (!g_file_test (marker, G_FILE_TEST_EXISTS))
    g_usleep (10 * 1000);
  g_cancellable_cancel (cancellable);
  return NULL;
}

/* A cancel ends the wait for the helper at once, whatever its time limit: closing a window or
 * switching libraries must not wait for a large file to decode. Nothing is said about the file
 * the helper was working on. */
static void
test_cancel_ends_the_wait_for_the_helper (Fixture       *fixture,
                                          gconstpointer  user_data)
{
  g_autofree char *hanger = g_build_filename (fixture->dir, "hang.sh", NULL);
  g_autofree char *marker = g_build_filename (fixture->dir, "asked", NULL);
  g_autofree char *script = g_strdup_printf ("#!/bin/sh\nread line\ntouch '%s'\nexec sleep 600\n", marker);
  g_autofree char *real = g_strdup (g_getenv ("MOPS_PROBE"));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(MopsPreviewReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GThread *canceller;

  g_free (mops_test_write_png (fixture->source, "a.png", 64, 64, NULL));
  import_all (fixture);
  g_assert_true (g_file_set_contents (hanger, script, -1, NULL));
  g_chmod (hanger, 0755);

  g_setenv ("MOPS_PROBE", hanger, TRUE);
  g_setenv ("MOPS_PROBE_TIMEOUT_MS", "600000", TRUE);
  g_object_set_data (G_OBJECT (cancellable), "marker", marker);
  canceller = g_thread_new ("canceller", cancel_when_file_exists, cancellable);
  report = mops_previews_run_in_db (fixture->library, mops_library_get_db (fixture->library), NULL, 0,
                                    0, 1, NULL, NULL, cancellable, &error);
  g_thread_join (canceller);
  g_unsetenv ("MOPS_PROBE_TIMEOUT_MS");
  g_setenv ("MOPS_PROBE", real, TRUE);

  g_assert_no_error (error);
  g_assert_true (report->cancelled);
  g_assert_cmpuint (report->generated, ==, 0);
  g_assert_cmpuint (report->cannot_preview->len, ==, 0);
  g_assert_cmpint (mops_db_query_int (mops_library_get_db (fixture->library),
                                      "SELECT count(*) FROM assets WHERE preview_state = 'cannot_preview'", NULL),
                   ==, 0);
}

/* WebP goes through GdkPixbuf's WebP loader (Debian's webp-pixbuf-loader, installed by
 * build-aux/install-deps): a real thumbnail, not an icon. */
static void
test_webp (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autofree char *fixture_webp = g_build_filename (MOPS_TEST_FIXTURES_DIR, "photo-160x120.webp", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *mime = NULL;
  g_autofree char *thumb256 = NULL;
  g_autoptr(MopsPreviewReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  gint64 id;
  int w, h;

  g_assert_true (g_file_get_contents (fixture_webp, &contents, &len, NULL));
  g_free (mops_test_write_file (fixture->source, "harbour.webp", contents, len));
  import_all (fixture);

  report = mops_previews_run_in_db (fixture->library, mops_library_get_db (fixture->library), NULL, 0,
                                    0, 1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->generated, ==, 1);
  g_assert_cmpuint (report->cannot_preview->len, ==, 0);

  id = id_of (fixture, "harbour.webp");
  mime = column_text (fixture, "SELECT mime FROM assets WHERE id = ?", id);
  g_assert_cmpstr (mime, ==, "image/webp");
  g_assert_cmpint (mops_db_query_int (mops_library_get_db (fixture->library),
                                      "SELECT width * 10000 + height FROM assets WHERE original_name = 'harbour.webp'", NULL),
                   ==, 160 * 10000 + 120);
  sha = column_text (fixture, "SELECT sha256 FROM assets WHERE id = ?", id);
  thumb256 = mops_previews_thumbnail_path (fixture->library, sha, 256);
  g_assert_true (png_size (thumb256, &w, &h));
  g_assert_cmpint (w, ==, 160);
  g_assert_cmpint (h, ==, 120);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("MOPS_PROBE") == NULL)
    {
      g_printerr ("MOPS_PROBE must name the built mops-probe\n");
      return 1;
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, mops_test_library_set_up, func, mops_test_library_tear_down)
  ADD ("/previews/thumbnails-metadata-and-states", test_thumbnails_metadata_and_states);
  ADD ("/previews/a-crashing-or-hanging-helper-costs-one-preview", test_a_crashing_or_hanging_helper_costs_one_preview);
  ADD ("/previews/cancel-ends-the-wait-for-the-helper", test_cancel_ends_the_wait_for_the_helper);
  ADD ("/previews/webp", test_webp);
#undef ADD

  return g_test_run ();
}
