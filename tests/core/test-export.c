/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export.c — copies carrying their metadata, and the viewer's large pictures */

#include "config.h"

#include <string.h>

#include "core/mops-assets.h"
#include "core/mops-db-private.h"
#include "core/mops-error.h"
#include "core/mops-export-private.h"
#include "core/mops-export.h"
#include "core/mops-import-private.h"
#include "core/mops-import.h"
#include "core/mops-library-private.h"
#include "core/mops-licences.h"
#include "core/mops-previews-private.h"
#include "core/mops-previews.h"
#include "core/mops-probe-client.h"
#include "core/mops-tags.h"
#include "mops-test-util.h"

#define DEJAVU_SANS "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

typedef struct
{
  char        *dir;
  char        *source;    /* files to import */
  char        *out;       /* where copies go */
  MopsLibrary *library;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->library = mops_test_create_library (&fixture->dir);
  fixture->source = mops_test_make_dir (fixture->dir, "in");
  fixture->out = mops_test_make_dir (fixture->dir, "Exported files");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  mops_test_close_library (&fixture->library, &fixture->dir);
  g_free (fixture->source);
  g_free (fixture->out);
}

/* Imports one file and returns its asset id. */
static gint64
import_file (Fixture    *fixture,
             const char *path)
{
  const char *paths[] = { path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(MopsImportReport) report =
    mops_import_run_in_db (fixture->library, mops_library_get_db (fixture->library), paths, NULL, NULL, NULL, NULL, &error);
  MopsImportItem *item;

  g_assert_no_error (error);
  g_assert_cmpuint (report->added->len, ==, 1);
  item = g_ptr_array_index (report->added, 0);
  return item->id;
}

/* The asset's file inside the library. */
static char *
stored_file (Fixture *fixture,
             gint64   id)
{
  g_autoptr(sqlite3_stmt) stmt =
    mops_db_prepare (mops_library_get_db (fixture->library), "SELECT stored_path FROM assets WHERE id = ?", NULL);

  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return mops_library_build_path (fixture->library, (const char *) sqlite3_column_text (stmt, 0));
}

/* Width and height from a PNG's IHDR chunk. */
static void
png_size (const char *path,
          int        *width,
          int        *height)
{
  g_autofree guchar *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, (char **) &data, &len, NULL));
  g_assert_cmpuint (len, >, 24);
  g_assert_cmpmem (data + 1, 3, "PNG", 3);
  *width = (data[16] << 24) | (data[17] << 16) | (data[18] << 8) | data[19];
  *height = (data[20] << 24) | (data[21] << 16) | (data[22] << 8) | data[23];
}

/* What mops-probe reads from a file's headers: the same code as import. */
static JsonObject *
read_back (const char *path,
           const char *mime)
{
  g_autoptr(MopsProbeClient) client = mops_probe_client_new ();
  g_autoptr(JsonObject) request = json_object_new ();
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (request, "path", path);
  json_object_set_string_member (request, "mime", mime);
  json_object_set_boolean_member (request, "metadata", TRUE);
  reply = mops_probe_client_request (client, request, 20000, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_has_member (reply, "metadata"));

  return json_object_ref (json_object_get_object_member (reply, "metadata"));
}

static gboolean
array_contains (JsonObject *object,
                const char *member,
                const char *value)
{
  JsonArray *array;

  if (!json_object_has_member (object, member))
    return FALSE;

  array = json_object_get_array_member (object, member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_array_get_string_element (array, i), value) == 0)
      return TRUE;

  return FALSE;
}

static const char *
meta_value (JsonObject *metadata,
            const char *key)
{
  JsonObject *meta = json_object_get_object_member (metadata, "meta");

  return json_object_get_string_member_with_default (meta, key, NULL);
}

/* Title, creator, description, two tags and a royalty-free licence from an agency. */
static void
describe_asset (Fixture *fixture,
                gint64   id)
{
  g_autoptr(MopsLicence) licence = mops_licence_new ();
  g_autoptr(GError) error = NULL;

  mops_assets_set_text_fields (fixture->library, id, "Fjord at sunrise", "Morning light over the fjord",
                               "Ingrid Dahl", &error);
  g_assert_no_error (error);
  mops_tags_add_to_assets (fixture->library, "Brand/Photos/Landscape", &id, 1, &error);
  g_assert_no_error (error);
  mops_tags_add_to_assets (fixture->library, "Campaigns/Summer 24\\/25", &id, 1, &error);
  g_assert_no_error (error);

  licence->licensor = g_strdup ("Nordic Stock AS");
  licence->kind = MOPS_LICENCE_KIND_ROYALTY_FREE;
  licence->media = MOPS_MEDIUM_WEB | MOPS_MEDIUM_SOCIAL;
  licence->starts_on = g_strdup ("2024-01-01");
  licence->expires_on = g_strdup ("2099-12-31");
  licence->attribution = g_strdup ("© Ingrid Dahl / Nordic Stock");
  mops_licences_create (fixture->library, licence, &id, 1, &error);
  g_assert_no_error (error);
}

static void
assert_described (JsonObject *metadata)
{
  const char *usage = meta_value (metadata, "Xmp.xmpRights.UsageTerms");

  g_assert_cmpstr (json_object_get_string_member_with_default (metadata, "title", NULL), ==, "Fjord at sunrise");
  g_assert_cmpstr (json_object_get_string_member_with_default (metadata, "description", NULL), ==,
                   "Morning light over the fjord");
  g_assert_cmpstr (json_object_get_string_member_with_default (metadata, "creator", NULL), ==, "Ingrid Dahl");
  g_assert_cmpstr (json_object_get_string_member_with_default (metadata, "copyright", NULL), ==,
                   "© Ingrid Dahl / Nordic Stock");

  g_assert_true (array_contains (metadata, "hierarchical_keywords", "Brand|Photos|Landscape"));
  g_assert_true (array_contains (metadata, "hierarchical_keywords", "Campaigns|Summer 24/25"));
  g_assert_true (array_contains (metadata, "keywords", "Landscape"));
  g_assert_true (array_contains (metadata, "keywords", "Summer 24/25"));

  g_assert_nonnull (usage);
  g_assert_nonnull (strstr (usage, "Royalty-free licence from Nordic Stock AS."));
  g_assert_nonnull (strstr (usage, "Web, Social media"));
  g_assert_nonnull (strstr (usage, "2099-12-31"));
  g_assert_cmpstr (meta_value (metadata, "Xmp.plus.Licensor[1]/plus:LicensorName"), ==, "Nordic Stock AS");
  g_assert_cmpstr (meta_value (metadata, "Xmp.plus.LicenseEndDate"), ==, "2099-12-31");
}

static void
export_and_check (Fixture    *fixture,
                  const char *source,
                  const char *copy_name,
                  const char *mime)
{
  g_autofree char *dest = g_build_filename (fixture->out, copy_name, NULL);
  g_autofree char *sidecar = NULL;
  g_autoptr(JsonObject) metadata = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = import_file (fixture, source);

  describe_asset (fixture, id);

  g_assert_true (mops_export_asset_copy_in_db (fixture->library, mops_library_get_db (fixture->library), id, dest,
                                               &sidecar, &error));
  g_assert_no_error (error);
  g_assert_null (sidecar);
  g_assert_true (g_file_test (dest, G_FILE_TEST_IS_REGULAR));

  metadata = read_back (dest, mime);
  assert_described (metadata);

  /* Still the same picture. */
  g_assert_cmpint (json_object_get_int_member (metadata, "width"), >, 0);

  /* The library's own file is untouched. */
  {
    g_autofree char *stored = stored_file (fixture, id);

    g_assert_true (mops_test_files_equal (source, stored));
    g_assert_false (mops_test_files_equal (source, dest));
  }
}

static void
test_png_copy_carries_title_tags_and_licence (Fixture       *fixture,
                                              gconstpointer  user_data)
{
  g_autofree char *source = mops_test_write_png (fixture->source, "fjord.png", 320, 200, NULL);

  export_and_check (fixture, source, "Fjord for the agency.png", "image/png");
}

static void
test_jpeg_copy_carries_title_tags_and_licence (Fixture       *fixture,
                                               gconstpointer  user_data)
{
  g_autofree char *fixture_jpeg = g_build_filename (MOPS_TEST_FIXTURES_DIR, "photo-160x120.jpg", NULL);
  g_autofree char *source = g_build_filename (fixture->source, "photo.jpg", NULL);
  g_autofree char *dest = g_build_filename (fixture->out, "photo.jpg", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (fixture_jpeg, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (source, contents, (gssize) len, NULL));

  export_and_check (fixture, source, "photo.jpg", "image/jpeg");

  /* A JPEG still, at its size. */
  {
    g_autoptr(JsonObject) metadata = read_back (dest, "image/jpeg");

    g_assert_cmpint (json_object_get_int_member (metadata, "width"), ==, 160);
    g_assert_cmpint (json_object_get_int_member (metadata, "height"), ==, 120);
  }
}

static void
test_formats_without_xmp_get_a_sidecar (Fixture       *fixture,
                                        gconstpointer  user_data)
{
  /* An empty ZIP archive: just its end-of-central-directory record. */
  static const char empty_zip[22] = "PK\x05\x06";
  static const struct { const char *name; const char *data; gssize len; } files[] = {
    { "brief.txt", "Launch brief\nTone: warm, plain.\n", -1 },
    { "logos.zip", empty_zip, sizeof empty_zip },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *source = mops_test_write_file (fixture->source, files[i].name, files[i].data, files[i].len);
      g_autofree char *dest = g_build_filename (fixture->out, files[i].name, NULL);
      g_autofree char *expected_sidecar = g_strconcat (dest, ".xmp", NULL);
      g_autofree char *sidecar = NULL;
      g_autoptr(JsonObject) metadata = NULL;
      g_autoptr(GError) error = NULL;
      gint64 id = import_file (fixture, source);

      describe_asset (fixture, id);
      g_assert_true (mops_export_asset_copy_in_db (fixture->library, mops_library_get_db (fixture->library), id, dest,
                                                   &sidecar, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (sidecar, ==, expected_sidecar);

      /* The copy is the file as it was; the sidecar says the rest. */
      g_assert_true (mops_test_files_equal (source, dest));
      metadata = read_back (sidecar, "application/xml");
      assert_described (metadata);
    }
}

static void
test_export_refuses_the_assets_own_file (Fixture       *fixture,
                                         gconstpointer  user_data)
{
  g_autofree char *source = mops_test_write_png (fixture->source, "logo.png", 64, 64, NULL);
  gint64 id = import_file (fixture, source);
  g_autofree char *stored = stored_file (fixture, id);
  g_autoptr(GError) error = NULL;

  g_assert_false (mops_export_asset_copy_in_db (fixture->library, mops_library_get_db (fixture->library), id, stored,
                                                NULL, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_assert_true (mops_test_files_equal (source, stored));
  g_clear_error (&error);

  {
    g_autofree char *dest = g_build_filename (fixture->out, "nothing.png", NULL);

    g_assert_false (mops_export_asset_copy_in_db (fixture->library, mops_library_get_db (fixture->library), id + 100,
                                                  dest, NULL, &error));
    g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
    g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
  }
}

static void
test_pdf_page_two_renders_at_size (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_autofree char *source = mops_test_write_pdf (fixture->source, "Brand guidelines.pdf", 3);
  gint64 id = import_file (fixture, source);
  g_autofree char *png = NULL;
  g_autofree char *again = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MopsPreviewReport) report = NULL;
  int page_count = 0, width = 0, height = 0, natural = 0;

  /* Header metadata first, as the app does after import: the page count is then known. */
  report = mops_previews_run_in_db (fixture->library, mops_library_get_db (fixture->library), &id, 1, 0, 1,
                                    NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (mops_preview_render (fixture->library, id, 1, 1024, &png, &page_count, &natural, &error));
  g_assert_no_error (error);
  g_assert_cmpint (page_count, ==, 3);
  g_assert_cmpint (natural, ==, 842);
  png_size (png, &width, &height);
  g_assert_cmpint (height, ==, 1024);
  g_assert_cmpint (width, ==, 724);   /* 595 × 842 pt */
  basename = g_path_get_basename (png);
  g_assert_true (g_str_has_suffix (basename, "-p1-1024.png"));

  /* The second time comes from the cache: no helper needed. */
  {
    g_autofree char *probe = g_strdup (g_getenv ("MOPS_PROBE"));

    g_setenv ("MOPS_PROBE", "/nonexistent/mops-probe", TRUE);
    natural = 0;
    g_assert_true (mops_preview_render (fixture->library, id, 1, 1024, &again, &page_count, &natural, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (again, ==, png);
    g_assert_cmpint (page_count, ==, 3);
    g_assert_cmpint (natural, ==, 842);
    g_setenv ("MOPS_PROBE", probe, TRUE);
  }

  /* There is no fourth page. */
  g_clear_pointer (&again, g_free);
  g_assert_false (mops_preview_render (fixture->library, id, 3, 1024, &again, NULL, NULL, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Brand guidelines.pdf"));
  g_assert_null (again);
}

static void
test_font_specimen_renders (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autofree char *source = g_build_filename (fixture->source, "DejaVuSans.ttf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *png = NULL;
  g_autoptr(GError) error = NULL;
  int page_count = 0, width = 0, height = 0, natural = -1;
  gsize len;
  gint64 id;

  if (!g_file_get_contents (DEJAVU_SANS, &contents, &len, NULL))
    {
      g_test_skip ("DejaVu Sans is not installed");
      return;
    }
  g_assert_true (g_file_set_contents (source, contents, (gssize) len, NULL));
  id = import_file (fixture, source);

  g_assert_true (mops_preview_render (fixture->library, id, 0, 1024, &png, &page_count, &natural, &error));
  g_assert_no_error (error);
  g_assert_cmpint (page_count, ==, 1);
  g_assert_cmpint (natural, ==, 0);   /* a specimen has no size of its own */
  png_size (png, &width, &height);
  g_assert_cmpint (width, ==, 1024);
  g_assert_cmpint (height, >, 600);    /* six sizes of the pangram, the largest on two lines */
  g_assert_cmpint (height, <=, 1024);
}

static void
test_images_are_never_enlarged (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autofree char *source = mops_test_write_png (fixture->source, "icon.png", 64, 48, NULL);
  g_autofree char *big = mops_test_write_png (fixture->source, "banner.png", 3000, 1000, NULL);
  g_autofree char *png = NULL;
  g_autoptr(GError) error = NULL;
  int width = 0, height = 0, natural = 0;

  g_assert_true (mops_preview_render (fixture->library, import_file (fixture, source), 0, 2048, &png, NULL, &natural,
                                      &error));
  g_assert_no_error (error);
  png_size (png, &width, &height);
  g_assert_cmpint (width, ==, 64);
  g_assert_cmpint (height, ==, 48);
  g_assert_cmpint (natural, ==, 64);

  g_clear_pointer (&png, g_free);
  g_assert_true (mops_preview_render (fixture->library, import_file (fixture, big), 0, 2048, &png, NULL, &natural,
                                      &error));
  g_assert_no_error (error);
  png_size (png, &width, &height);
  g_assert_cmpint (width, ==, 2048);
  g_assert_cmpint (height, ==, 683);
  g_assert_cmpint (natural, ==, 3000);
}

static void
on_open_copy_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  char **path = user_data;
  g_autoptr(GError) error = NULL;

  *path = mops_asset_open_copy_finish (MOPS_LIBRARY (source), result, &error);
  g_assert_no_error (error);
}

static char *
open_copy (Fixture *fixture,
           gint64   id)
{
  char *path = NULL;

  mops_asset_open_copy_async (fixture->library, id, NULL, on_open_copy_cb, &path);
  while (path == NULL)
    g_main_context_iteration (NULL, TRUE);
  return path;
}

/* "Open With…" gets a copy outside the library, named after the asset: the same copy again
 * while it is unchanged; once another program changed it, that copy stays and a new one is
 * made beside it. The library's own file is never handed out. */
static void
test_open_copy_keeps_the_library_s_file_out_of_reach (Fixture       *fixture,
                                                      gconstpointer  user_data)
{
  g_autofree char *source = mops_test_write_png (fixture->source, "Team photo.png", 40, 30, NULL);
  gint64 id = import_file (fixture, source);
  g_autofree char *stored = stored_file (fixture, id);
  g_autofree char *first = open_copy (fixture, id);
  g_autofree char *again = NULL;
  g_autofree char *after_edit = NULL;
  g_autofree char *base = g_path_get_basename (first);
  g_autofree char *edited = NULL;
  g_autofree char *original = NULL;
  g_autofree char *copy = NULL;

  g_assert_cmpstr (base, ==, "Team photo.png");
  g_assert_true (g_str_has_prefix (first, g_get_user_cache_dir ()));
  g_assert_cmpstr (first, !=, stored);
  g_assert_true (g_file_get_contents (stored, &original, NULL, NULL));
  g_assert_true (g_file_get_contents (first, &copy, NULL, NULL));
  g_assert_cmpstr (copy, ==, original);

  again = open_copy (fixture, id);
  g_assert_cmpstr (again, ==, first);

  /* An editor saves over the copy: it stays, the next open gets a new folder. */
  g_assert_true (g_file_set_contents (first, "edited elsewhere", -1, NULL));
  after_edit = open_copy (fixture, id);
  g_assert_cmpstr (after_edit, !=, first);
  g_assert_true (g_file_get_contents (first, &edited, NULL, NULL));
  g_assert_cmpstr (edited, ==, "edited elsewhere");
  g_clear_pointer (&copy, g_free);
  g_assert_true (g_file_get_contents (stored, &copy, NULL, NULL));
  g_assert_cmpstr (copy, ==, original);
}

/* Opened before its previews ran (the database knows neither its pages nor its size), a PDF
 * page still says how large it is at 100 %, the first time and from the cache. */
static void
test_pdf_knows_its_size_before_the_previews (Fixture       *fixture,
                                             gconstpointer  user_data)
{
  g_autofree char *source = mops_test_write_pdf (fixture->source, "Early guidelines.pdf", 2);
  gint64 id = import_file (fixture, source);
  int page_count = 0, natural = 0;

  g_assert_true (mops_db_exec (mops_library_get_db (fixture->library),
                               "UPDATE assets SET width = NULL, height = NULL, page_count = NULL", NULL));
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *png = NULL;
      g_autoptr(GError) error = NULL;

      natural = page_count = 0;
      g_assert_true (mops_preview_render (fixture->library, id, 0, 2048, &png, &page_count, &natural, &error));
      g_assert_no_error (error);
      g_assert_cmpint (page_count, ==, 2);
      g_assert_cmpint (natural, ==, 842);
    }
}

static void
test_corrupt_file_fails_cleanly_with_a_code (Fixture       *fixture,
                                             gconstpointer  user_data)
{
  static const char broken[] = "\x89PNG\r\n\x1a\n this is not really a picture at all";
  g_autofree char *source = mops_test_write_file (fixture->source, "broken.png", broken, sizeof broken - 1);
  gint64 id = import_file (fixture, source);
  g_autofree char *png = NULL;
  g_autofree char *view_dir = mops_library_build_path (fixture->library, "thumbs/view");
  g_autofree char *out = g_build_filename (view_dir, "broken.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MopsProbeClient) client = mops_probe_client_new ();
  g_autoptr(JsonObject) request = json_object_new ();
  g_autoptr(JsonObject) reply = NULL;

  g_assert_false (mops_preview_render (fixture->library, id, 0, 1024, &png, NULL, NULL, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "broken.png"));
  g_assert_null (png);
  g_clear_error (&error);

  /* The helper itself answers with a code, writes nothing and keeps running. */
  json_object_set_string_member (request, "op", "render");
  json_object_set_string_member (request, "path", source);
  json_object_set_string_member (request, "name", "broken.png");
  json_object_set_string_member (request, "mime", "image/png");
  json_object_set_int_member (request, "page", 0);
  json_object_set_int_member (request, "size", 1024);
  json_object_set_string_member (request, "out", out);
  reply = mops_probe_client_request (client, request, 20000, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (json_object_get_boolean_member (reply, "ok"));
  g_assert_cmpstr (json_object_get_string_member (reply, "code"), ==, "undecodable");
  g_assert_nonnull (strstr (json_object_get_string_member (reply, "error"), "broken.png"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  json_object_unref (g_steal_pointer (&reply));

  /* A request it does not understand is refused the same way. */
  json_object_set_int_member (request, "size", 100000);
  reply = mops_probe_client_request (client, request, 20000, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (json_object_get_boolean_member (reply, "ok"));
  g_assert_cmpstr (json_object_get_string_member (reply, "code"), ==, "bad_request");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = g_dir_make_tmp ("mops-test-cache-XXXXXX", NULL);
  int status;

  /* Before GLib caches it: copies to open go to a cache of the test's own. */
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/export/copy/png-carries-title-tags-and-licence", test_png_copy_carries_title_tags_and_licence);
  ADD ("/export/copy/jpeg-carries-title-tags-and-licence", test_jpeg_copy_carries_title_tags_and_licence);
  ADD ("/export/copy/formats-without-xmp-get-a-sidecar", test_formats_without_xmp_get_a_sidecar);
  ADD ("/export/copy/refuses-the-assets-own-file-and-unknown-assets", test_export_refuses_the_assets_own_file);
  ADD ("/preview/render/pdf-page-two-at-1024", test_pdf_page_two_renders_at_size);
  ADD ("/preview/render/pdf-knows-its-size-before-the-previews", test_pdf_knows_its_size_before_the_previews);
  ADD ("/export/open-copy/keeps-the-library-s-file-out-of-reach", test_open_copy_keeps_the_library_s_file_out_of_reach);
  ADD ("/preview/render/font-specimen", test_font_specimen_renders);
  ADD ("/preview/render/images-are-never-enlarged", test_images_are_never_enlarged);
  ADD ("/preview/render/corrupt-file-fails-cleanly-with-a-code", test_corrupt_file_fails_cleanly_with_a_code);
#undef ADD

  status = g_test_run ();
  mops_test_remove_tree (cache);
  return status;
}
