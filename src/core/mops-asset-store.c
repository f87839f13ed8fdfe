/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-asset-store.c — adding one file to a library: hash while copying, store, insert */

#include "config.h"

#define G_LOG_DOMAIN "mops-asset-store"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gnutls/crypto.h>

#include "mops-asset-store-private.h"
#include "mops-clock.h"
#include "mops-db-private.h"
#include "mops-error.h"
#include "mops-library-private.h"
#include "mops-text.h"

#define COPY_BUFFER_SIZE (256 * 1024)
#define SNIFF_SIZE       MOPS_ASSET_SNIFF_SIZE

char *
mops_asset_build_search_text (const char *const *parts,
                              gsize              n_parts)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (gsize i = 0; i < n_parts; i++)
    {
      g_autofree char *folded = NULL;

      if (parts[i] == NULL || *parts[i] == '\0')
        continue;

      folded = mops_text_fold (parts[i]);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, folded);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

gboolean
mops_asset_refresh_search_text (sqlite3  *db,
                                gint64    asset_id,
                                GError  **error)
{
  g_autoptr(sqlite3_stmt) read = NULL;
  g_autoptr(sqlite3_stmt) write = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  int rc;

  /* Fields first, then every tag path (parents included through the path), then licensors. */
  read = mops_db_prepare (db,
                          "SELECT title FROM assets WHERE id = ?1"
                          " UNION ALL SELECT original_name FROM assets WHERE id = ?1"
                          " UNION ALL SELECT description FROM assets WHERE id = ?1"
                          " UNION ALL SELECT creator FROM assets WHERE id = ?1"
                          " UNION ALL SELECT * FROM (WITH RECURSIVE tp(id, path) AS ("
                          "   SELECT id, name FROM tags WHERE parent_id IS NULL UNION ALL"
                          "   SELECT t.id, tp.path || '/' || t.name FROM tags t JOIN tp ON t.parent_id = tp.id)"
                          "   SELECT tp.path FROM asset_tags at JOIN tp ON tp.id = at.tag_id"
                          "   WHERE at.asset_id = ?1 ORDER BY tp.path)"
                          " UNION ALL SELECT * FROM (SELECT DISTINCT l.licensor FROM licence_assets la"
                          "   JOIN licences l ON l.id = la.licence_id WHERE la.asset_id = ?1"
                          "   ORDER BY l.licensor)",
                          error);
  if (read == NULL)
    return FALSE;

  sqlite3_bind_int64 (read, 1, asset_id);
  while ((rc = sqlite3_step (read)) == SQLITE_ROW)
    if (sqlite3_column_type (read, 0) != SQLITE_NULL)
      g_ptr_array_add (parts, g_strdup ((const char *) sqlite3_column_text (read, 0)));

  if (rc != SQLITE_DONE)
    return mops_db_set_error (db, error, _("Could not read the library"));

  text = mops_asset_build_search_text ((const char * const *) parts->pdata, parts->len);

  write = mops_db_prepare (db, "UPDATE assets SET search_text = ? WHERE id = ? AND search_text IS NOT ?", error);
  if (write == NULL)
    return FALSE;

  sqlite3_bind_text (write, 1, text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (write, 2, asset_id);
  sqlite3_bind_text (write, 3, text, -1, SQLITE_STATIC);
  if (sqlite3_step (write) != SQLITE_DONE)
    return mops_db_set_error (db, error, _("Could not update the search index"));

  return TRUE;
}

/* A short, safe extension from the original name: ASCII letters and digits, lower case. */
static char *
safe_extension (const char *name)
{
  const char *dot = strrchr (name, '.');
  g_autoptr(GString) ext = g_string_new (NULL);

  if (dot == NULL || dot == name || dot[1] == '\0')
    return g_strdup ("");

  for (const char *p = dot + 1; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) || ext->len >= 10)
        return g_strdup ("");
      g_string_append_c (ext, g_ascii_tolower (*p));
    }

  g_string_prepend_c (ext, '.');
  return g_string_free (g_steal_pointer (&ext), FALSE);
}

char *
mops_asset_sniff_mime (const char   *name,
                       const guchar *head,
                       gsize         head_len)
{
  gboolean name_uncertain = FALSE;
  g_autofree char *by_name = g_content_type_guess (name, NULL, 0, &name_uncertain);
  g_autofree char *by_data = g_content_type_guess (NULL, head, head_len, NULL);
  g_autofree char *guessed = NULL;
  const char *chosen;

  /* What g_content_type_guess (name, head) says, with one look at the content (the costly
   * part: ~0.1–0.3 ms, under GIO's lock) instead of two: GIO answers from the name alone when
   * exactly one type's pattern matches it, and from the content alone when none does (but
   * never calls a file a desktop entry unless its name says so). Only a name that several
   * types claim needs both. */
  if (!name_uncertain)
    guessed = g_steal_pointer (&by_name);
  else if (g_content_type_is_unknown (by_name) && !g_content_type_equals (by_data, "application/x-desktop"))
    guessed = g_strdup (by_data);
  else
    guessed = g_content_type_guess (name, head, head_len, NULL);

  /* An image type seen in the content wins over a contradicting extension. */
  chosen = guessed;
  if (by_data != NULL && g_content_type_is_a (by_data, "image/*") &&
      !g_content_type_equals (by_data, guessed))
    chosen = by_data;

  {
    g_autofree char *mime = g_content_type_get_mime_type (chosen);
    if (mime != NULL)
      return g_steal_pointer (&mime);
  }

  return g_strdup ("application/octet-stream");
}

static void
bind_positive_or_null (sqlite3_stmt *stmt,
                       int           index,
                       gint64        value)
{
  if (value > 0)
    sqlite3_bind_int64 (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

char *
mops_asset_copy_and_hash (int            src_fd,
                          const char    *staging,
                          const char    *display,
                          char         **out_sha256,
                          guchar        *head,
                          gsize         *head_len,
                          goffset       *out_size,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autofree char *tmp_path = NULL;
  g_autofree guchar *buffer = g_malloc (COPY_BUFFER_SIZE);
  gnutls_hash_hd_t hash = NULL;
  unsigned char digest[32];
  goffset total = 0;
  int dest_fd = -1;

  if (staging != NULL)
    {
      tmp_path = g_build_filename (staging, "copy-XXXXXX", NULL);
      dest_fd = g_mkstemp (tmp_path);
      if (dest_fd < 0)
        {
          int saved_errno = errno;

          g_set_error (error, MOPS_ERROR, MOPS_ERROR_IO,
                       _("Could not copy “%s” into the library: %s"), display, g_strerror (saved_errno));
          return NULL;
        }
    }

  if (gnutls_hash_init (&hash, GNUTLS_DIG_SHA256) < 0)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_FAILED, _("SHA-256 is not available"));
      hash = NULL;
      goto failed;
    }

  *head_len = 0;

  for (;;)
    {
      ssize_t n = read (src_fd, buffer, COPY_BUFFER_SIZE);
      ssize_t written = 0;

      if (n < 0 && errno == EINTR)
        continue;

      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, MOPS_ERROR, MOPS_ERROR_IO,
                       _("Could not read “%s”: %s"), display, g_strerror (saved_errno));
          goto failed;
        }

      if (n == 0)
        break;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto failed;

      if (*head_len < SNIFF_SIZE)
        {
          gsize take = MIN ((gsize) n, SNIFF_SIZE - *head_len);

          memcpy (head + *head_len, buffer, take);
          *head_len += take;
        }

      gnutls_hash (hash, buffer, (size_t) n);
      total += n;

      while (dest_fd >= 0 && written < n)
        {
          ssize_t w = write (dest_fd, buffer + written, (size_t) (n - written));

          if (w < 0 && errno == EINTR)
            continue;
          if (w < 0)
            {
              int saved_errno = errno;

              g_set_error (error, MOPS_ERROR, MOPS_ERROR_IO,
                           _("Could not copy “%s” into the library: %s"),
                           display, g_strerror (saved_errno));
              goto failed;
            }
          written += w;
        }
    }

  gnutls_hash_deinit (hash, digest);
  hash = NULL;

  if (dest_fd >= 0)
    {
      int rc = close (dest_fd);

      dest_fd = -1;
      if (rc != 0)
        {
          int saved_errno = errno;

          g_set_error (error, MOPS_ERROR, MOPS_ERROR_IO,
                       _("Could not copy “%s” into the library: %s"), display, g_strerror (saved_errno));
          goto failed;
        }
    }

  *out_sha256 = g_malloc (65);
  for (guint i = 0; i < 32; i++)
    g_snprintf (*out_sha256 + 2 * i, 3, "%02x", digest[i]);
  *out_size = total;

  return tmp_path != NULL ? g_steal_pointer (&tmp_path) : g_strdup ("");

failed:
  if (hash != NULL)
    gnutls_hash_deinit (hash, digest);
  if (dest_fd >= 0)
    close (dest_fd);
  if (tmp_path != NULL)
    g_unlink (tmp_path);
  return NULL;
}

char *
mops_asset_relative_store_path (const char *sha256,
                                const char *original_name)
{
  g_autofree char *ext = safe_extension (original_name);

  return g_strdup_printf ("files/%.2s/%s%s", sha256, sha256, ext);
}

sqlite3_stmt *
mops_asset_prepare_insert_row (sqlite3  *db,
                               GError  **error)
{
  return mops_db_prepare (db,
                          "INSERT INTO assets (sha256, stored_path, is_reference, original_name, mime,"
                          " size, width, height, page_count, title, description, creator, source,"
                          " rating, role, search_text, created_at, imported_at, imported_by,"
                          " modified_at)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          error);
}

gint64
mops_asset_insert_row_with (sqlite3_stmt        *stmt,
                            const char          *sha256,
                            const char          *stored_path,
                            gboolean             is_reference,
                            const char          *original_name,
                            const char          *mime,
                            goffset              size,
                            const MopsAssetInfo *info,
                            GError             **error)
{
  static const MopsAssetInfo no_info = { 0 };
  sqlite3 *db = sqlite3_db_handle (stmt);
  g_autofree char *search_text = NULL;
  gint64 now;
  int rc;

  if (info == NULL)
    info = &no_info;

  {
    const char *parts[] = { info->title, original_name, info->description, info->creator };
    search_text = mops_asset_build_search_text (parts, G_N_ELEMENTS (parts));
  }

  now = mops_clock_now_unix ();
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, stored_path, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, is_reference ? 1 : 0);
  sqlite3_bind_text (stmt, 4, original_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, mime, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, size);
  bind_positive_or_null (stmt, 7, info->width);
  bind_positive_or_null (stmt, 8, info->height);
  bind_positive_or_null (stmt, 9, info->page_count);
  mops_db_bind_text_or_null (stmt, 10, info->title);
  mops_db_bind_text_or_null (stmt, 11, info->description);
  mops_db_bind_text_or_null (stmt, 12, info->creator);
  mops_db_bind_text_or_null (stmt, 13, info->source);
  sqlite3_bind_int (stmt, 14, CLAMP (info->rating, 0, 5));
  sqlite3_bind_text (stmt, 15, info->role != NULL ? info->role : "asset", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 16, search_text, -1, SQLITE_STATIC);
  bind_positive_or_null (stmt, 17, info->created_at);
  sqlite3_bind_int64 (stmt, 18, now);
  bind_positive_or_null (stmt, 19, info->imported_by);
  sqlite3_bind_int64 (stmt, 20, now);

  rc = sqlite3_step (stmt);
  /* the bound strings are the caller's: let go of them before returning */
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      mops_db_set_error (db, error, _("Could not add the file to the library"));
      return 0;
    }

  return sqlite3_last_insert_rowid (db);
}

gint64
mops_asset_insert_row (sqlite3             *db,
                       const char          *sha256,
                       const char          *stored_path,
                       gboolean             is_reference,
                       const char          *original_name,
                       const char          *mime,
                       goffset              size,
                       const MopsAssetInfo *info,
                       GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = mops_asset_prepare_insert_row (db, error);

  if (stmt == NULL)
    return 0;

  return mops_asset_insert_row_with (stmt, sha256, stored_path, is_reference, original_name, mime, size,
                                     info, error);
}

static gint64
find_by_sha256 (sqlite3     *db,
                const char  *sha256,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = mops_db_prepare (db, "SELECT id FROM assets WHERE sha256 = ?", error);
  int rc;

  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc == SQLITE_DONE)
    return 0;

  mops_db_set_error (db, error, _("Could not read the library"));
  return -1;
}


gint64
mops_asset_store_file (MopsLibrary          *library,
                       const char           *path,
                       const MopsAssetInfo  *info,
                       gboolean             *out_duplicate,
                       GCancellable         *cancellable,
                       GError              **error)
{
  static const MopsAssetInfo no_info = { 0 };
  sqlite3 *db;
  g_autofree char *display = NULL;
  g_autofree char *base = NULL;
  g_autofree char *original_name = NULL;
  g_autofree char *staging = NULL;
  g_autofree char *tmp_copy = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *mime = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *final_path = NULL;
  g_autofree char *final_dir = NULL;
  guchar head[SNIFF_SIZE];
  gsize head_len = 0;
  goffset size = 0;
  struct stat st;
  gint64 existing;
  gint64 id = 0;
  int fd;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), 0);
  g_return_val_if_fail (path != NULL, 0);

  if (info == NULL)
    info = &no_info;
  if (out_duplicate != NULL)
    *out_duplicate = FALSE;

  db = mops_library_get_db (library);
  display = g_filename_display_name (path);
  base = g_path_get_basename (path);
  original_name = info->original_name != NULL ? g_strdup (info->original_name)
                                              : g_filename_display_name (base);

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, MOPS_ERROR, MOPS_ERROR_IO,
                   _("Could not read “%s”: %s"), display, g_strerror (saved_errno));
      return 0;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   _("“%s” is not a regular file"), display);
      close (fd);
      return 0;
    }

  if (st.st_size == 0)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID, _("“%s” is empty (zero bytes)"), display);
      close (fd);
      return 0;
    }

  staging = mops_library_create_staging (library, error);
  if (staging == NULL)
    {
      close (fd);
      return 0;
    }

  tmp_copy = mops_asset_copy_and_hash (fd, staging, display, &sha256, head, &head_len, &size,
                                       cancellable, error);
  close (fd);
  if (tmp_copy == NULL)
    goto out;

  existing = find_by_sha256 (db, sha256, error);
  if (existing < 0)
    goto out;
  if (existing > 0)
    {
      if (out_duplicate != NULL)
        *out_duplicate = TRUE;
      id = existing;
      goto out;
    }

  mime = info->mime != NULL ? g_strdup (info->mime)
                            : mops_asset_sniff_mime (original_name, head, head_len);
  relative = mops_asset_relative_store_path (sha256, original_name);
  final_path = mops_library_build_path (library, relative);
  final_dir = g_path_get_dirname (final_path);

  if (g_mkdir_with_parents (final_dir, 0755) != 0 || g_rename (tmp_copy, final_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, MOPS_ERROR, MOPS_ERROR_IO,
                   _("Could not store “%s” in the library: %s"), display, g_strerror (saved_errno));
      goto out;
    }

  /* The file must be on disk before its row commits (one syncfs, not an fsync per file). */
  {
    int dir_fd = g_open (final_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

    if (dir_fd >= 0)
      {
        syncfs (dir_fd);
        close (dir_fd);
      }
  }

  id = mops_asset_insert_row (db, sha256, relative, FALSE, original_name, mime, size, info, error);
  if (id == 0)
    goto remove_stored;

  goto out;

remove_stored:
  /* The row did not commit: the stored copy would be an orphan. */
  g_unlink (final_path);

out:
  if (tmp_copy != NULL)
    g_unlink (tmp_copy);
  mops_library_release_staging (library, staging);
  return id;
}
