/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-test-util.c — temporary folders, libraries and files shared by the core tests */

#include "config.h"

#include <string.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "core/mops-db-private.h"
#include "core/mops-library-private.h"
#include "mops-test-util.h"

char *
mops_test_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("mops-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
mops_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK) || !g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_unlink (path);
      return;
    }

  /* A test may have made a folder unreadable; give it back first. */
  g_chmod (path, 0755);

  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        mops_test_remove_tree (child);
      }

  g_rmdir (path);
}

char *
mops_test_make_dir (const char *parent,
                    const char *name)
{
  char *path = g_build_filename (parent, name, NULL);

  g_assert_no_errno (g_mkdir (path, 0755));
  return path;
}

char *
mops_test_write_file (const char *dir,
                      const char *name,
                      const void *data,
                      gssize      len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  if (len < 0)
    len = (gssize) strlen (data);

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  return path;
}

/* The CRC-32 of PNG chunks (ISO 3309), bit by bit: the test files are small. */
static guint32
compute_png_crc (const guchar *data,
                 gsize         len)
{
  guint32 crc = ~0u;

  for (gsize i = 0; i < len; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
    }
  return ~crc;
}

static void
append_be32 (GByteArray *bytes,
             guint32     value)
{
  guchar be[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (bytes, be, sizeof be);
}

/* Rewrites the PNG at @path with an iTXt chunk "XML:com.adobe.xmp" holding @xmp. */
static void
insert_png_xmp (const char *path,
                const char *xmp)
{
  static const char keyword[] = "XML:com.adobe.xmp";
  /* The 8-byte signature and the 25-byte IHDR chunk come first. */
  const gsize header_len = 33;
  g_autoptr(GByteArray) chunk = g_byte_array_new ();
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, header_len);

  g_byte_array_append (chunk, (const guchar *) "iTXt", 4);
  g_byte_array_append (chunk, (const guchar *) keyword, sizeof keyword);   /* with NUL */
  g_byte_array_append (chunk, (const guchar *) "\0\0\0\0", 4);            /* flags, method, lang, key */
  g_byte_array_append (chunk, (const guchar *) xmp, strlen (xmp));

  g_byte_array_append (out, (const guchar *) contents, header_len);
  append_be32 (out, chunk->len - 4);
  g_byte_array_append (out, chunk->data, chunk->len);
  append_be32 (out, compute_png_crc (chunk->data, chunk->len));
  g_byte_array_append (out, (const guchar *) contents + header_len, len - header_len);
  g_assert_true (g_file_set_contents (path, (const char *) out->data, out->len, NULL));
}

char *
mops_test_write_png (const char *dir,
                     const char *name,
                     int         width,
                     int         height,
                     const char *xmp)
{
  char *path = g_build_filename (dir, name, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.2, 0.5, 0.8);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 1, 0.6, 0.1);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 3.0, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  if (xmp != NULL)
    insert_png_xmp (path, xmp);

  return path;
}

char *
mops_test_write_pdf (const char *dir,
                     const char *name,
                     int         n_pages)
{
  char *path = g_build_filename (dir, name, NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  for (int i = 0; i < n_pages; i++)
    {
      g_autofree char *number = g_strdup_printf ("Page %d", i + 1);

      cairo_set_source_rgb (cr, 0.1 * i, 0.3, 0.6);
      cairo_rectangle (cr, 60, 60, 475, 300);
      cairo_fill (cr);
      cairo_move_to (cr, 60, 500);
      cairo_set_font_size (cr, 48);
      cairo_show_text (cr, number);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

gboolean
mops_test_files_equal (const char *a,
                       const char *b)
{
  g_autofree char *da = NULL;
  g_autofree char *db = NULL;
  gsize la = 0, lb = 0;

  if (!g_file_get_contents (a, &da, &la, NULL) || !g_file_get_contents (b, &db, &lb, NULL))
    return FALSE;

  return la == lb && memcmp (da, db, la) == 0;
}

MopsLibrary *
mops_test_create_library (char **dir)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  MopsLibrary *library;

  *dir = mops_test_make_tmp_dir ();
  path = g_build_filename (*dir, "library", NULL);
  library = mops_library_open (path, MOPS_LIBRARY_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (MOPS_IS_LIBRARY (library));
  return library;
}

void
mops_test_close_library (MopsLibrary **library,
                         char        **dir)
{
  g_clear_object (library);
  mops_test_remove_tree (*dir);
  g_clear_pointer (dir, g_free);
}

void
mops_test_library_set_up (MopsTestLibrary *fixture,
                          gconstpointer    user_data)
{
  fixture->library = mops_test_create_library (&fixture->dir);
  fixture->db = mops_library_get_db (fixture->library);
  fixture->source = mops_test_make_dir (fixture->dir, "in");
}

void
mops_test_library_tear_down (MopsTestLibrary *fixture,
                             gconstpointer    user_data)
{
  mops_test_close_library (&fixture->library, &fixture->dir);
  fixture->db = NULL;
  g_clear_pointer (&fixture->source, g_free);
}

gint64
mops_test_store_file (MopsLibrary         *library,
                      const char          *dir,
                      const char          *name,
                      const char          *content,
                      const MopsAssetInfo *info)
{
  g_autofree char *file = mops_test_write_file (dir, name, content, -1);
  g_autoptr(GError) error = NULL;
  gint64 id = mops_asset_store_file (library, file, info, NULL, NULL, &error);

  g_assert_no_error (error);
  return id;
}

void
mops_test_store_files (MopsLibrary        *library,
                       const char         *dir,
                       const char * const *names,
                       guint               n_names,
                       gint64             *ids)
{
  for (guint i = 0; i < n_names; i++)
    {
      g_autofree char *content = g_strdup_printf ("content of %s", names[i]);

      ids[i] = mops_test_store_file (library, dir, names[i], content, NULL);
    }
}

gint64
mops_test_insert_asset_full (sqlite3    *db,
                             const char *name,
                             const char *role,
                             gboolean    trashed)
{
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, name, -1);
  g_autofree char *stored_path = g_strconcat ("files/", sha, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO assets (sha256, stored_path, original_name, mime, size,"
                                       " role, imported_at, modified_at, trashed_at)"
                                       " VALUES (?, ?, ?, 'image/jpeg', 10, ?, 1, 1, ?)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, sha, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, stored_path, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, role, -1, SQLITE_STATIC);
  if (trashed)
    sqlite3_bind_int64 (stmt, 5, 2);
  else
    sqlite3_bind_null (stmt, 5);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);

  return sqlite3_last_insert_rowid (db);
}

gint64
mops_test_insert_asset (sqlite3    *db,
                        const char *name)
{
  return mops_test_insert_asset_full (db, name, "asset", FALSE);
}

gint64
mops_test_query_int (sqlite3    *db,
                     const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 value = mops_db_query_int (db, sql, &error);

  g_assert_no_error (error);
  return value;
}

char *
mops_test_dump (sqlite3    *db,
                const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = mops_db_prepare (db, sql, &error);
  GString *dump = g_string_new (NULL);
  int rc;

  g_assert_no_error (error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (dump, "%s%s", i > 0 ? "|" : "", text != NULL ? text : "∅");
        }
      g_string_append_c (dump, '\n');
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);

  return g_string_free (dump, FALSE);
}

void
mops_test_store_result (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

GAsyncResult *
mops_test_wait_for_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return g_steal_pointer (result);
}
