/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-import.c — importing files and folders: recursive, deduplicated, batched, cancellable */

#include "config.h"

#define G_LOG_DOMAIN "mops-import"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mops-asset-store-private.h"
#include "mops-db-private.h"
#include "mops-error.h"
#include "mops-import-private.h"
#include "mops-import.h"
#include "mops-library-private.h"
#include "mops-licences-private.h"
#include "mops-tags-private.h"
#include "mops-tags.h"

#define BATCH_FILES 500
#define BATCH_BYTES (256 * 1024 * 1024)

/* A file hashed (and copied into staging) whose row is not committed yet. */
typedef struct
{
  char    *path;          /* display */
  char    *source;        /* file name as on disk */
  char    *staged;        /* copy in staging; NULL when referenced */
  char    *sha256;
  char    *mime;
  char    *original_name;
  goffset  size;
  gint64   restore_id;    /* > 0: a trashed asset with this content comes back */
} Pending;

typedef struct
{
  MopsLibrary             *library;
  sqlite3                 *db;
  const MopsImportOptions *options;
  char                    *staging;
  MopsImportReport        *report;
  GPtrArray               *batch;          /* Pending */
  GHashTable              *batch_by_sha;   /* sha256 → Pending (borrowed) */
  GPtrArray               *batch_dups;     /* MopsImportItem whose id is resolved on flush */
  goffset                  batch_bytes;
  guint                    dups_tagged;     /* report->duplicates before this index are tagged */
  MopsImportStats         *stats;
} Import;

/* With options->owned: links the assets of @ids that have no licence to the import's "owned
 * by us" licence, made in the first batch that needs it. Inside the batch's transaction;
 * *@created is set when this call made the licence (a rollback unmakes it). */
static gboolean
link_owned (Import     *import,
            GArray     *ids,
            gboolean   *created,
            GError    **error)
{
  g_autoptr(GArray) unlicensed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *json = mops_db_ids_to_json ((const gint64 *) (void *) ids->data, ids->len);
  int rc;

  *created = FALSE;

  stmt = mops_db_prepare (import->db,
                          "SELECT value FROM json_each (?)"
                          " WHERE NOT EXISTS (SELECT 1 FROM licence_assets WHERE asset_id = value)",
                          error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (unlicensed, id);
    }
  if (rc != SQLITE_DONE)
    return mops_db_set_error (import->db, error, _("Could not read the library"));

  if (unlicensed->len == 0)
    return TRUE;

  if (import->report->owned_licence_id == 0)
    {
      g_autoptr(MopsLicence) licence = mops_licence_new ();

      licence->kind = MOPS_LICENCE_KIND_OWNED;
      licence->source = import->options->owned_source;
      import->report->owned_licence_id =
        mops_licences_create_in_transaction (import->db, licence, (const gint64 *) (void *) unlicensed->data,
                                             unlicensed->len, error);
      *created = import->report->owned_licence_id != 0;
      return *created;
    }

  return mops_licences_attach_in_transaction (import->db, import->report->owned_licence_id,
                                              (const gint64 *) (void *) unlicensed->data,
                                              unlicensed->len, error);
}

static void
import_item_free (MopsImportItem *item)
{
  if (item == NULL)
    return;

  g_free (item->path);
  g_free (item->sha256);
  g_free (item->mime);
  g_free (item->code);
  g_free (item->error);
  g_free (item);
}

void
mops_import_report_free (MopsImportReport *report)
{
  if (report == NULL)
    return;

  g_ptr_array_unref (report->added);
  g_ptr_array_unref (report->duplicates);
  g_ptr_array_unref (report->warnings);
  g_ptr_array_unref (report->failed);
  g_free (report);
}

static MopsImportReport *
import_report_new (void)
{
  MopsImportReport *report = g_new0 (MopsImportReport, 1);

  report->added = g_ptr_array_new_with_free_func ((GDestroyNotify) import_item_free);
  report->duplicates = g_ptr_array_new_with_free_func ((GDestroyNotify) import_item_free);
  report->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) import_item_free);
  report->failed = g_ptr_array_new_with_free_func ((GDestroyNotify) import_item_free);
  return report;
}

static void
pending_free (Pending *pending)
{
  if (pending->staged != NULL)
    g_unlink (pending->staged);
  g_free (pending->path);
  g_free (pending->source);
  g_free (pending->staged);
  g_free (pending->sha256);
  g_free (pending->mime);
  g_free (pending->original_name);
  g_free (pending);
}

static void
report_failed (Import     *import,
               const char *path,
               const char *code,
               const char *message)
{
  MopsImportItem *item = g_new0 (MopsImportItem, 1);

  item->path = g_strdup (path);
  item->code = g_strdup (code);
  item->error = g_strdup (message);
  g_ptr_array_add (import->report->failed, item);
}

static gboolean
is_litter (const char *name)
{
  return name[0] == '.' ||                     /* hidden, .DS_Store, ._resource forks */
         g_str_equal (name, "__MACOSX") ||
         g_ascii_strcasecmp (name, "Thumbs.db") == 0 ||
         g_ascii_strcasecmp (name, "desktop.ini") == 0;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Lists the files to import under @path, in a stable order. */
static void
collect (Import      *import,
         const char  *path,
         gboolean     top_level,
         GPtrArray   *files)
{
  g_autofree char *display = g_filename_display_name (path);
  struct stat st;

  if (g_lstat (path, &st) != 0)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” does not exist (any more)"), display);
      report_failed (import, display, "vanished", message);
      return;
    }

  if (S_ISLNK (st.st_mode))
    {
      struct stat target;

      /* Symlinked folders are not followed (loops, surprises); linked files are imported. */
      if (g_stat (path, &target) != 0 || S_ISDIR (target.st_mode))
        return;
      st = target;
    }

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *canonical = g_canonicalize_filename (path, NULL);
      g_autoptr(GError) error = NULL;
      const char *name;

      /* Never import the library into itself. */
      if (g_str_equal (canonical, mops_library_get_path (import->library)))
        return;

      dir = g_dir_open (path, 0, &error);
      if (dir == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("Could not read the folder “%s”: %s"),
                                                      display, error->message);
          report_failed (import, display, "unreadable", message);
          return;
        }

      while ((name = g_dir_read_name (dir)) != NULL)
        if (!is_litter (name))
          g_ptr_array_add (names, g_strdup (name));

      g_ptr_array_sort (names, compare_names);
      for (guint i = 0; i < names->len; i++)
        {
          g_autofree char *child = g_build_filename (path, g_ptr_array_index (names, i), NULL);
          collect (import, child, FALSE, files);
        }
      return;
    }

  (void) top_level;
  g_ptr_array_add (files, g_strdup (path));
}

static gint64
lookup_existing (Import    *import,
                 const char *sha256,
                 gboolean   *trashed)
{
  g_autoptr(sqlite3_stmt) stmt =
    mops_db_prepare (import->db, "SELECT id, trashed_at IS NOT NULL FROM assets WHERE sha256 = ?", NULL);

  *trashed = FALSE;
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  *trashed = sqlite3_column_int (stmt, 1) != 0;
  return sqlite3_column_int64 (stmt, 0);
}

static void
add_duplicate (Import     *import,
               const char *path,
               gint64      id,
               const char *sha256)
{
  MopsImportItem *item = g_new0 (MopsImportItem, 1);

  item->path = g_strdup (path);
  item->id = id;
  item->sha256 = g_strdup (sha256);   /* resolved into an id on flush when 0 */
  g_ptr_array_add (import->report->duplicates, item);
  if (id == 0)
    g_ptr_array_add (import->batch_dups, item);
}

/* Reads one file: hash (and copy), then queue it, or record it as a duplicate or failure.
 * Returns FALSE when cancelled. */
static gboolean
process_file (Import       *import,
              const char   *path,
              GCancellable *cancellable)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *sha256 = NULL;
  guchar head[MOPS_ASSET_SNIFF_SIZE];
  gsize head_len = 0;
  goffset size = 0;
  struct stat st;
  gboolean trashed;
  gint64 existing;
  Pending *pending;
  gint64 t0;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *message = g_strdup_printf (_("Could not read “%s”: %s"), display, g_strerror (saved_errno));

      report_failed (import, display, saved_errno == ENOENT ? "vanished" : "unreadable", message);
      return TRUE;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a regular file"), display);

      close (fd);
      report_failed (import, display, "not_regular", message);
      return TRUE;
    }

  if (st.st_size == 0)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is empty (zero bytes)"), display);

      close (fd);
      report_failed (import, display, "empty", message);
      return TRUE;
    }

  t0 = g_get_monotonic_time ();
  copy = mops_asset_copy_and_hash (fd, import->options->reference ? NULL : import->staging,
                                   display, &sha256, head, &head_len, &size, cancellable, &error);
  close (fd);
  import->stats->read_us += g_get_monotonic_time () - t0;

  if (copy == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return FALSE;
      report_failed (import, display, "unreadable", error->message);
      return TRUE;
    }

  if (g_hash_table_contains (import->batch_by_sha, sha256))
    {
      if (*copy != '\0')
        g_unlink (copy);
      add_duplicate (import, display, 0, sha256);
      return TRUE;
    }

  t0 = g_get_monotonic_time ();
  existing = lookup_existing (import, sha256, &trashed);
  import->stats->rows_us += g_get_monotonic_time () - t0;
  if (existing > 0 && !trashed)
    {
      if (*copy != '\0')
        g_unlink (copy);
      add_duplicate (import, display, existing, NULL);
      return TRUE;
    }

  pending = g_new0 (Pending, 1);
  pending->path = g_steal_pointer (&display);
  pending->source = g_strdup (path);
  pending->staged = *copy != '\0' ? g_steal_pointer (&copy) : NULL;
  pending->sha256 = g_steal_pointer (&sha256);
  pending->original_name = g_filename_display_name (base);
  t0 = g_get_monotonic_time ();
  pending->mime = mops_asset_sniff_mime (pending->original_name, head, head_len);
  import->stats->sniff_us += g_get_monotonic_time () - t0;
  pending->size = size;
  pending->restore_id = existing;

  g_hash_table_insert (import->batch_by_sha, pending->sha256, pending);
  g_ptr_array_add (import->batch, pending);
  import->batch_bytes += size;
  return TRUE;
}

static gboolean
restore_from_trash (sqlite3  *db,
                    gint64    id,
                    GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = mops_db_prepare (db, "UPDATE assets SET trashed_at = NULL WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return mops_db_set_error (db, error, _("Could not restore the asset from the Trash"));

  return TRUE;
}

/* Stores the queued files: rename into files/, one syncfs, then one transaction for all rows.
 * A failure rolls the rows back and removes the files this batch brought in. */
static void
flush_batch (Import *import)
{
  g_autoptr(GPtrArray) moved = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) tagged = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func ((GDestroyNotify) import_item_free);
  gboolean any_copied = FALSE;
  gboolean owned_created = FALSE;

  gint64 t0;

  if (import->batch->len == 0 && import->batch_dups->len == 0)
    return;

  t0 = g_get_monotonic_time ();

  for (guint i = 0; i < import->batch->len; i++)
    {
      Pending *pending = g_ptr_array_index (import->batch, i);
      g_autofree char *relative = NULL;
      g_autofree char *final_path = NULL;
      g_autofree char *final_dir = NULL;

      if (pending->staged == NULL)
        continue;

      relative = mops_asset_relative_store_path (pending->sha256, pending->original_name);
      final_path = mops_library_build_path (import->library, relative);
      final_dir = g_path_get_dirname (final_path);

      if (g_file_test (final_path, G_FILE_TEST_EXISTS))
        {
          /* The same content is already there (a restored asset, or a crash's orphan). */
          g_unlink (pending->staged);
        }
      else if (g_mkdir_with_parents (final_dir, 0755) != 0 || g_rename (pending->staged, final_path) != 0)
        {
          int saved_errno = errno;

          g_set_error (&error, MOPS_ERROR, MOPS_ERROR_IO,
                       _("Could not store “%s” in the library: %s"),
                       pending->path, g_strerror (saved_errno));
          goto failed;
        }
      else
        {
          g_ptr_array_add (moved, g_strdup (final_path));
          any_copied = TRUE;
        }

      g_clear_pointer (&pending->staged, g_free);
    }

  import->stats->store_us += g_get_monotonic_time () - t0;

  /* The files reach the disk before the rows that point at them commit. */
  t0 = g_get_monotonic_time ();
  if (any_copied)
    {
      g_autofree char *files_dir = mops_library_build_path (import->library, "files");
      int dir_fd = g_open (files_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

      if (dir_fd >= 0)
        {
          syncfs (dir_fd);
          close (dir_fd);
          import->stats->syncs++;
        }
    }
  import->stats->sync_us += g_get_monotonic_time () - t0;
  import->stats->sync_wait_us += g_get_monotonic_time () - t0;
  t0 = g_get_monotonic_time ();

  if (!mops_db_begin (import->db, &error))
    goto failed;

  for (guint i = 0; i < import->batch->len; i++)
    {
      Pending *pending = g_ptr_array_index (import->batch, i);
      MopsAssetInfo info = { .imported_by = import->options->imported_by };
      MopsImportItem *item = g_new0 (MopsImportItem, 1);
      g_autofree char *relative = NULL;
      g_autofree char *absolute = NULL;
      gint64 id;

      if (pending->restore_id > 0)
        {
          if (!restore_from_trash (import->db, pending->restore_id, &error))
            {
              import_item_free (item);
              goto rollback;
            }
          id = pending->restore_id;
          item->restored = TRUE;
        }
      else
        {
          if (import->options->reference)
            absolute = g_canonicalize_filename (pending->source, NULL);
          else
            relative = mops_asset_relative_store_path (pending->sha256, pending->original_name);

          id = mops_asset_insert_row (import->db, pending->sha256,
                                      absolute != NULL ? absolute : relative,
                                      import->options->reference, pending->original_name,
                                      pending->mime, pending->size, &info, &error);
          if (id == 0)
            {
              import_item_free (item);
              goto rollback;
            }
        }

      item->id = id;
      item->path = g_strdup (pending->path);
      item->sha256 = g_strdup (pending->sha256);
      item->mime = g_strdup (pending->mime);
      g_ptr_array_add (added, item);
      g_array_append_val (tagged, id);
    }

  /* Duplicates within this batch point at the row just inserted. */
  for (guint i = 0; i < import->batch_dups->len; i++)
    {
      MopsImportItem *dup = g_ptr_array_index (import->batch_dups, i);
      gboolean trashed;

      dup->id = lookup_existing (import, dup->sha256, &trashed);
      g_clear_pointer (&dup->sha256, g_free);
    }

  /* Each duplicate is tagged once, in the batch that saw it. */
  for (guint i = import->dups_tagged; i < import->report->duplicates->len; i++)
    {
      MopsImportItem *dup = g_ptr_array_index (import->report->duplicates, i);

      if (dup->id > 0)
        g_array_append_val (tagged, dup->id);
    }

  for (guint i = 0; import->options->tags != NULL && import->options->tags[i] != NULL; i++)
    if (!mops_tags_link_in_transaction (import->db, import->options->tags[i],
                                        (const gint64 *) (void *) tagged->data, tagged->len, &error))
      goto rollback;

  if (import->options->owned)
    {
      g_autoptr(GArray) added_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      for (guint i = 0; i < added->len; i++)
        g_array_append_val (added_ids, ((MopsImportItem *) added->pdata[i])->id);
      if (!link_owned (import, added_ids, &owned_created, &error))
        goto rollback;
    }

  if (!mops_db_commit (import->db, &error))
    goto rollback;

  for (guint i = 0; i < added->len; i++)
    g_ptr_array_add (import->report->added, g_steal_pointer (&added->pdata[i]));
  import->dups_tagged = import->report->duplicates->len;
  goto done;

rollback:
  mops_db_rollback (import->db);
  if (owned_created)
    import->report->owned_licence_id = 0;

failed:
  for (guint i = 0; i < moved->len; i++)
    g_unlink (g_ptr_array_index (moved, i));

  for (guint i = 0; i < import->batch->len; i++)
    {
      Pending *pending = g_ptr_array_index (import->batch, i);
      report_failed (import, pending->path, "io", error->message);
    }

  import->dups_tagged = import->report->duplicates->len;

done:
  import->stats->rows_us += g_get_monotonic_time () - t0;
  g_ptr_array_set_size (import->batch, 0);
  g_ptr_array_set_size (import->batch_dups, 0);
  g_hash_table_remove_all (import->batch_by_sha);
  import->batch_bytes = 0;
}

MopsImportReport *
mops_import_run_in_db (MopsLibrary              *library,
                       sqlite3                  *db,
                       const char * const       *paths,
                       const MopsImportOptions  *options,
                       MopsImportProgressFunc    progress,
                       gpointer                  user_data,
                       GCancellable             *cancellable,
                       GError                  **error)
{
  return mops_import_run_measured (library, db, paths, options, progress, user_data, cancellable, NULL, error);
}

MopsImportReport *
mops_import_run_measured (MopsLibrary              *library,
                          sqlite3                  *db,
                          const char * const       *paths,
                          const MopsImportOptions  *options,
                          MopsImportProgressFunc    progress,
                          gpointer                  user_data,
                          GCancellable             *cancellable,
                          MopsImportStats          *stats,
                          GError                  **error)
{
  static const MopsImportOptions defaults = { 0 };
  MopsImportStats no_stats = { 0 };
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  Import import = { 0 };

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (paths != NULL, NULL);

  if (options == NULL)
    options = &defaults;

  /* Refuse a malformed tag before touching anything. */
  for (guint i = 0; options->tags != NULL && options->tags[i] != NULL; i++)
    {
      g_auto(GStrv) parts = mops_tag_path_split (options->tags[i], error);
      if (parts == NULL)
        return NULL;
    }

  if (stats == NULL)
    stats = &no_stats;
  *stats = (MopsImportStats) { .readers = 1 };
  import.stats = stats;
  import.library = library;
  import.db = db;
  import.options = options;
  import.report = import_report_new ();
  import.batch = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
  import.batch_by_sha = g_hash_table_new (g_str_hash, g_str_equal);
  import.batch_dups = g_ptr_array_new ();

  if (!options->reference)
    {
      import.staging = mops_library_create_staging (library, error);
      if (import.staging == NULL)
        {
          mops_import_report_free (import.report);
          import.report = NULL;
          goto out;
        }
    }

  for (guint i = 0; paths[i] != NULL; i++)
    collect (&import, paths[i], TRUE, files);
  stats->list_us = g_get_monotonic_time () - start;

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);

      if (g_cancellable_is_cancelled (cancellable) || !process_file (&import, path, cancellable))
        {
          import.report->cancelled = TRUE;
          break;
        }

      if (import.batch->len >= BATCH_FILES || import.batch_bytes >= BATCH_BYTES)
        flush_batch (&import);

      if (progress != NULL)
        {
          g_autofree char *display = g_filename_display_name (path);
          progress (i + 1, files->len, display, user_data);
        }
    }

  /* Cancelled or not, what was read so far is committed whole. */
  flush_batch (&import);

out:
  if (import.staging != NULL)
    mops_library_release_staging (library, import.staging);
  g_free (import.staging);
  g_clear_pointer (&import.batch, g_ptr_array_unref);
  g_clear_pointer (&import.batch_by_sha, g_hash_table_unref);
  g_clear_pointer (&import.batch_dups, g_ptr_array_unref);
  stats->wall_us = g_get_monotonic_time () - start;
  return import.report;
}

/* Async wrapper */

typedef struct
{
  GStrv                   paths;
  GStrv                   tags;
  MopsImportOptions       options;
  MopsImportProgressFunc  progress;
  gpointer                progress_data;
  GMainContext           *context;
} AsyncData;

typedef struct
{
  MopsImportProgressFunc  progress;
  gpointer                progress_data;
  guint                   done;
  guint                   total;
  char                   *current;
} ProgressCall;

static void
async_data_free (AsyncData *data)
{
  g_strfreev (data->paths);
  g_strfreev (data->tags);
  g_main_context_unref (data->context);
  g_free (data);
}

static void
progress_call_free (gpointer data)
{
  ProgressCall *call = data;

  g_free (call->current);
  g_free (call);
}

static gboolean
deliver_progress (gpointer data)
{
  ProgressCall *call = data;

  call->progress (call->done, call->total, call->current, call->progress_data);
  return G_SOURCE_REMOVE;
}

static void
forward_progress (guint       done,
                  guint       total,
                  const char *current,
                  gpointer    user_data)
{
  AsyncData *data = user_data;
  ProgressCall *call;

  if (data->progress == NULL)
    return;

  call = g_new0 (ProgressCall, 1);
  call->progress = data->progress;
  call->progress_data = data->progress_data;
  call->done = done;
  call->total = total;
  call->current = g_strdup (current);

  /* An idle source, not g_main_context_invoke(): that one runs the callback right here, in
   * the worker, whenever nobody owns the context at that moment. */
  {
    GSource *source = g_idle_source_new ();

    g_source_set_priority (source, G_PRIORITY_DEFAULT);
    g_source_set_callback (source, deliver_progress, call, progress_call_free);
    g_source_attach (source, data->context);
    g_source_unref (source);
  }
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  MopsLibrary *library = source_object;
  AsyncData *data = task_data;
  g_autoptr(GError) error = NULL;
  MopsImportReport *report;
  sqlite3 *db;

  db = mops_library_open_task_connection (library, task);
  if (db == NULL)
    return;

  report = mops_import_run_in_db (library, db, (const char * const *) data->paths, &data->options,
                                  forward_progress, data, cancellable, &error);
  mops_db_close (db);

  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, (GDestroyNotify) mops_import_report_free);
}

void
mops_import_async (MopsLibrary              *library,
                   const char * const       *paths,
                   const MopsImportOptions  *options,
                   MopsImportProgressFunc    progress,
                   gpointer                  progress_data,
                   GCancellable             *cancellable,
                   GAsyncReadyCallback       callback,
                   gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncData *data;

  g_return_if_fail (MOPS_IS_LIBRARY (library));
  g_return_if_fail (paths != NULL);

  data = g_new0 (AsyncData, 1);
  data->paths = g_strdupv ((char **) paths);
  if (options != NULL)
    {
      data->options = *options;
      data->tags = g_strdupv ((char **) options->tags);
    }
  data->options.tags = (const char * const *) data->tags;
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();

  task = g_task_new (library, cancellable, callback, user_data);
  g_task_set_source_tag (task, mops_import_async);
  g_task_set_task_data (task, data, (GDestroyNotify) async_data_free);
  g_task_run_in_thread (task, import_thread);
}

MopsImportReport *
mops_import_finish (MopsLibrary   *library,
                    GAsyncResult  *result,
                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, library), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

MopsImportReport *
mops_import_run (MopsLibrary              *library,
                 const char * const       *paths,
                 const MopsImportOptions  *options,
                 MopsImportProgressFunc    progress,
                 gpointer                  user_data,
                 GCancellable             *cancellable,
                 GError                  **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);

  return mops_import_run_in_db (library, mops_library_get_db (library), paths, options, progress, user_data,
                                cancellable, error);
}
