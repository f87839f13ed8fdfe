/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-import.c — importing files and folders: recursive, deduplicated, batched, cancellable */

#include "config.h"

#define G_LOG_DOMAIN "mops-import"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gnutls/crypto.h>

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
#define BATCH_FILES 500
#define BATCH_BYTES (256 * 1024 * 1024)
#define READERS     2                   /* the machines Mops runs on have 2 cores or more */
#define MAX_READERS 8
#define READ_AHEAD  (2 * BATCH_FILES)   /* files the readers may be ahead of the rows… */
#define AHEAD_BYTES BATCH_BYTES         /* …and bytes */
#define COPY_BUFFER (1024 * 1024)

/* What a reader made of one file. */
typedef enum
{
  READ_OK,
  READ_FAILED,
  READ_CANCELLED,
} ReadStatus;

typedef struct
{
  ReadStatus  status;
  char       *display;
  char       *staged;         /* the copy in the reader's staging folder; NULL when referenced */
  char       *sha256;
  char       *original_name;
  char       *mime;           /* READ_OK, once sniffed */
  gboolean    sniffed;        /* the sniffer is done with it (under the lock) */
  goffset     size;
  char       *code;           /* READ_FAILED */
  char       *message;        /* READ_FAILED: translated, names the file */
  gsize       head_len;
  guchar      head[MOPS_ASSET_SNIFF_SIZE];   /* the first bytes, for the MIME type */
} ReadResult;

/* The readers' shared state: they take files in order and leave their results in @results,
 * which the rows consume in the same order (so the report and the ids follow the files). */
typedef struct
{
  GPtrArray               *files;
  const MopsImportOptions *options;
  GCancellable            *cancellable;
  GMutex                   lock;
  GCond                    cond;
  guint                    next;        /* the next file a reader takes */
  guint                    consumed;    /* the files the rows have taken */
  goffset                  ahead_bytes; /* the size of the results not taken yet */
  gboolean                 stop;
  ReadResult             **results;     /* one per file */
  MopsImportStats         *stats;       /* the readers' sums, added under @lock */
} Readers;

typedef struct
{
  Readers *shared;
  char    *staging;                     /* a folder of its own: no two readers pick one name */
  GThread *thread;
} Reader;

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
  sqlite3_stmt            *lookup;         /* prepared once, reused for every file */
  sqlite3_stmt            *restore;
  sqlite3_stmt            *insert;
  int                      files_fd;       /* the library's files/ folder */
  MopsImportStats         *stats;
} Import;

/* The calling thread's CPU time in µs: the breakdown counts work, not waiting for a core
 * (the machines Mops runs on are busy with other things too). */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* The CPU time since *@start, which moves to now. */
static gint64
cpu_since (gint64 *start)
{
  gint64 now = thread_cpu_us ();
  gint64 elapsed = now - *start;

  *start = now;
  return elapsed;
}

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
lookup_existing (Import     *import,
                 const char *sha256,
                 gboolean   *trashed)
{
  sqlite3_stmt *stmt = import->lookup;
  gint64 id = 0;

  *trashed = FALSE;
  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *trashed = sqlite3_column_int (stmt, 1) != 0;
      id = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_reset (stmt);
  return id;
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

static void
read_result_free (ReadResult *result)
{
  if (result == NULL)
    return;

  if (result->staged != NULL)
    g_unlink (result->staged);
  g_free (result->display);
  g_free (result->staged);
  g_free (result->sha256);
  g_free (result->original_name);
  g_free (result->mime);
  g_free (result->code);
  g_free (result->message);
  g_free (result);
}

static ReadResult *
read_failed (ReadResult *result,
             const char *code,
             char       *message)
{
  result->status = READ_FAILED;
  result->code = g_strdup (code);
  result->message = message;
  return result;
}

static gboolean
write_all (int           fd,
           const guchar *data,
           gsize         len)
{
  while (len > 0)
    {
      ssize_t w = write (fd, data, len);

      if (w < 0 && errno == EINTR)
        continue;
      if (w < 0)
        return FALSE;
      data += w;
      len -= (gsize) w;
    }
  return TRUE;
}

/* Reads @fd to its end with one large buffer: hashes it, writes the copy to @copy_fd (unless
 * -1) and keeps the first bytes in @head. Returns 0, or the errno of the failed read (> 0) or
 * write (< 0); cancelled: ECANCELED. */
static int
copy_and_hash (Readers      *shared,
               int           fd,
               int           copy_fd,
               guchar       *buffer,
               guchar        digest[32],
               guchar       *head,
               gsize        *head_len,
               goffset      *size,
               gint64        times[3])
{
  gnutls_hash_hd_t hash;
  gint64 t = thread_cpu_us ();

  if (gnutls_hash_init (&hash, GNUTLS_DIG_SHA256) < 0)
    return EINVAL;

  *head_len = 0;
  *size = 0;
  for (;;)
    {
      ssize_t n = read (fd, buffer, COPY_BUFFER);

      if (n < 0 && errno == EINTR)
        continue;
      times[0] += cpu_since (&t);
      if (n < 0 || (n > 0 && g_cancellable_is_cancelled (shared->cancellable)))
        {
          int saved_errno = n < 0 ? errno : ECANCELED;

          gnutls_hash_deinit (hash, digest);
          return saved_errno;
        }
      if (n == 0)
        break;

      if (*head_len < MOPS_ASSET_SNIFF_SIZE)
        {
          gsize take = MIN ((gsize) n, MOPS_ASSET_SNIFF_SIZE - *head_len);

          memcpy (head + *head_len, buffer, take);
          *head_len += take;
        }
      gnutls_hash (hash, buffer, (size_t) n);
      *size += n;
      times[1] += cpu_since (&t);

      if (copy_fd >= 0 && !write_all (copy_fd, buffer, (gsize) n))
        {
          int saved_errno = errno;

          gnutls_hash_deinit (hash, digest);
          return -saved_errno;
        }
      times[2] += cpu_since (&t);
    }

  gnutls_hash_deinit (hash, digest);
  times[1] += cpu_since (&t);
  return 0;
}

/* One file, start to end, in a reader thread: the same checks, copy and hash as a single add,
 * and the first bytes for its MIME type. @index names the copy, unique within the reader's
 * staging folder. */
static ReadResult *
read_file (Reader     *reader,
           const char *path,
           guint       index,
           guchar     *buffer,
           gint64      times[3])
{
  Readers *shared = reader->shared;
  ReadResult *result = g_new0 (ReadResult, 1);
  g_autofree char *base = g_path_get_basename (path);
  guchar digest[32];
  struct stat st;
  gint64 t = thread_cpu_us ();
  int copy_fd = -1;
  int rc;
  int fd;

  result->display = g_filename_display_name (path);

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      return read_failed (result, saved_errno == ENOENT ? "vanished" : "unreadable",
                          g_strdup_printf (_("Could not read “%s”: %s"), result->display,
                                           g_strerror (saved_errno)));
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      return read_failed (result, "not_regular",
                          g_strdup_printf (_("“%s” is not a regular file"), result->display));
    }

  if (st.st_size == 0)
    {
      close (fd);
      return read_failed (result, "empty",
                          g_strdup_printf (_("“%s” is empty (zero bytes)"), result->display));
    }
  times[0] += cpu_since (&t);

  if (!shared->options->reference)
    {
      char name[16];

      g_snprintf (name, sizeof name, "%u", index);
      result->staged = g_build_filename (reader->staging, name, NULL);
      copy_fd = g_open (result->staged, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
      if (copy_fd < 0)
        {
          int saved_errno = errno;

          close (fd);
          g_clear_pointer (&result->staged, g_free);
          return read_failed (result, "unreadable",
                              g_strdup_printf (_("Could not copy “%s” into the library: %s"),
                                               result->display, g_strerror (saved_errno)));
        }
      times[2] += cpu_since (&t);
    }

  rc = copy_and_hash (shared, fd, copy_fd, buffer, digest, result->head, &result->head_len, &result->size, times);
  close (fd);
  t = thread_cpu_us ();
  if (copy_fd >= 0 && close (copy_fd) != 0 && rc == 0)
    rc = -errno;
  times[2] += cpu_since (&t);

  if (rc == ECANCELED)
    {
      result->status = READ_CANCELLED;
      return result;
    }
  if (rc > 0)
    return read_failed (result, "unreadable",
                        g_strdup_printf (_("Could not read “%s”: %s"), result->display, g_strerror (rc)));
  if (rc < 0)
    return read_failed (result, "unreadable",
                        g_strdup_printf (_("Could not copy “%s” into the library: %s"),
                                         result->display, g_strerror (-rc)));

  result->sha256 = g_malloc (65);
  for (guint i = 0; i < 32; i++)
    g_snprintf (result->sha256 + 2 * i, 3, "%02x", digest[i]);
  result->original_name = g_filename_display_name (base);

  result->status = READ_OK;
  return result;
}

static gpointer
reader_thread (gpointer data)
{
  Reader *reader = data;
  Readers *shared = reader->shared;
  g_autofree guchar *buffer = g_malloc (COPY_BUFFER);
  gint64 times[3] = { 0 };   /* read, hash, write */

  for (;;)
    {
      ReadResult *result;
      guint index;

      g_mutex_lock (&shared->lock);
      while (!shared->stop && shared->next < shared->files->len &&
             (shared->next >= shared->consumed + READ_AHEAD || shared->ahead_bytes >= AHEAD_BYTES))
        g_cond_wait (&shared->cond, &shared->lock);
      if (shared->stop || shared->next >= shared->files->len)
        {
          g_mutex_unlock (&shared->lock);
          break;
        }
      index = shared->next++;
      g_mutex_unlock (&shared->lock);

      result = read_file (reader, g_ptr_array_index (shared->files, index), index, buffer, times);

      g_mutex_lock (&shared->lock);
      shared->results[index] = result;
      shared->ahead_bytes += result->size;
      g_cond_broadcast (&shared->cond);
      g_mutex_unlock (&shared->lock);
    }

  g_mutex_lock (&shared->lock);
  shared->stats->read_us += times[0];
  shared->stats->hash_us += times[1];
  shared->stats->write_us += times[2];
  g_mutex_unlock (&shared->lock);
  return NULL;
}

/* Gives each read file its MIME type, in order, beside the readers and the rows: GIO sniffs
 * under one global lock, so one thread does it (readers waiting for that lock lose their
 * core), and the rows thread, which also waits for each batch's syncfs, does not carry it. */
static gpointer
sniffer_thread (gpointer data)
{
  Readers *shared = data;
  gint64 sniff_us = 0;

  for (guint index = 0; index < shared->files->len; index++)
    {
      ReadResult *result;
      gint64 t;

      g_mutex_lock (&shared->lock);
      while (!shared->stop && shared->results[index] == NULL)
        g_cond_wait (&shared->cond, &shared->lock);
      result = shared->results[index];
      g_mutex_unlock (&shared->lock);
      if (result == NULL)
        break;

      /* the rows take a result only once it is sniffed: until then it is this thread's */
      t = thread_cpu_us ();
      if (result->status == READ_OK)
        result->mime = mops_asset_sniff_mime (result->original_name, result->head, result->head_len);
      sniff_us += cpu_since (&t);

      g_mutex_lock (&shared->lock);
      result->sniffed = TRUE;
      g_cond_broadcast (&shared->cond);
      g_mutex_unlock (&shared->lock);
    }

  g_mutex_lock (&shared->lock);
  shared->stats->sniff_us += sniff_us;
  g_mutex_unlock (&shared->lock);
  return NULL;
}

/* The result of file @index, once a reader has left it and the sniffer has seen it; the
 * caller owns it. */
static ReadResult *
take_result (Readers *shared,
             guint    index)
{
  ReadResult *result;

  g_mutex_lock (&shared->lock);
  while (shared->results[index] == NULL || !shared->results[index]->sniffed)
    g_cond_wait (&shared->cond, &shared->lock);
  result = g_steal_pointer (&shared->results[index]);
  shared->consumed = index + 1;
  shared->ahead_bytes -= result->size;
  g_cond_broadcast (&shared->cond);
  g_mutex_unlock (&shared->lock);
  return result;
}

/* Queues a file the readers have read, or records it as a duplicate or a failure. */
static void
queue_result (Import     *import,
              const char *path,
              ReadResult *result)
{
  gboolean trashed;
  gint64 existing;
  Pending *pending;
  gint64 t;

  if (result->status == READ_FAILED)
    {
      report_failed (import, result->display, result->code, result->message);
      read_result_free (result);
      return;
    }

  if (g_hash_table_contains (import->batch_by_sha, result->sha256))
    {
      add_duplicate (import, result->display, 0, result->sha256);
      read_result_free (result);
      return;
    }

  t = thread_cpu_us ();
  existing = lookup_existing (import, result->sha256, &trashed);
  import->stats->rows_us += cpu_since (&t);
  if (existing > 0 && !trashed)
    {
      add_duplicate (import, result->display, existing, NULL);
      read_result_free (result);
      return;
    }

  pending = g_new0 (Pending, 1);
  pending->path = g_steal_pointer (&result->display);
  pending->source = g_strdup (path);
  pending->staged = g_steal_pointer (&result->staged);
  pending->sha256 = g_steal_pointer (&result->sha256);
  pending->original_name = g_steal_pointer (&result->original_name);
  pending->mime = g_steal_pointer (&result->mime);
  pending->size = result->size;
  pending->restore_id = existing;
  read_result_free (result);

  g_hash_table_insert (import->batch_by_sha, pending->sha256, pending);
  g_ptr_array_add (import->batch, pending);
  import->batch_bytes += pending->size;
}

static gboolean
restore_from_trash (Import  *import,
                    gint64   id,
                    GError **error)
{
  sqlite3_stmt *stmt = import->restore;
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return mops_db_set_error (import->db, error, _("Could not restore the asset from the Trash"));

  return TRUE;
}

/* Moves a staged copy to @relative under files/ without replacing what is there: FALSE with
 * errno set on failure; *@stored tells whether it moved (else the same content was there). */
static gboolean
store_file (Import     *import,
            const char *staged,
            const char *relative,
            gboolean   *stored)
{
  const char *inside = relative + strlen ("files/");

  *stored = FALSE;
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      if (renameat2 (AT_FDCWD, staged, import->files_fd, inside, RENAME_NOREPLACE) == 0)
        {
          *stored = TRUE;
          return TRUE;
        }

      if (errno == EEXIST)
        {
          /* The same content is already there (a restored asset, or a crash's orphan). */
          g_unlink (staged);
          return TRUE;
        }

      if (errno == EINVAL || errno == ENOSYS)
        {
          /* A filesystem without RENAME_NOREPLACE: look, then rename. */
          g_autofree char *final_path = mops_library_build_path (import->library, relative);

          if (g_file_test (final_path, G_FILE_TEST_EXISTS))
            {
              g_unlink (staged);
              return TRUE;
            }
          if (g_rename (staged, final_path) != 0)
            return FALSE;
          *stored = TRUE;
          return TRUE;
        }

      if (errno != ENOENT || attempt > 0)
        return FALSE;

      /* The first file of its files/ab/ folder. */
      {
        char dir[3] = { inside[0], inside[1], '\0' };

        if (mkdirat (import->files_fd, dir, 0755) != 0 && errno != EEXIST)
          return FALSE;
      }
    }
  return FALSE;
}

/* Stores the queued files: rename into files/, one syncfs, then one transaction for all rows.
 * A failure rolls the rows back and removes the files this batch brought in. */
static void
flush_batch (Import *import)
{
  g_autoptr(GPtrArray) moved = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) tagged = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func ((GDestroyNotify) import_item_free);
  gboolean any_copied = FALSE;
  gboolean owned_created = FALSE;
  gint64 t;

  if (import->batch->len == 0 && import->batch_dups->len == 0)
    return;

  t = thread_cpu_us ();
  for (guint i = 0; i < import->batch->len; i++)
    {
      Pending *pending = g_ptr_array_index (import->batch, i);
      g_autofree char *relative = NULL;
      gboolean stored;

      if (pending->staged == NULL)
        continue;

      relative = mops_asset_relative_store_path (pending->sha256, pending->original_name);
      if (!store_file (import, pending->staged, relative, &stored))
        {
          int saved_errno = errno;

          g_set_error (&error, MOPS_ERROR, MOPS_ERROR_IO,
                       _("Could not store “%s” in the library: %s"),
                       pending->path, g_strerror (saved_errno));
          goto failed;
        }
      if (stored)
        {
          g_ptr_array_add (moved, g_steal_pointer (&relative));
          any_copied = TRUE;
        }

      g_clear_pointer (&pending->staged, g_free);
    }
  import->stats->store_us += cpu_since (&t);

  /* The files reach the disk before the rows that point at them commit: one syncfs for the
   * batch, not an fsync per file (the readers go on reading meanwhile). */
  if (any_copied)
    {
      gint64 sync_start = g_get_monotonic_time ();
      int rc = syncfs (import->files_fd);

      import->stats->syncs++;
      import->stats->sync_us += g_get_monotonic_time () - sync_start;
      import->stats->sync_wait_us = import->stats->sync_us;
      t = thread_cpu_us ();
      if (rc != 0)
        {
          int saved_errno = errno;

          g_set_error (&error, MOPS_ERROR, MOPS_ERROR_IO,
                       _("Could not store “%s” in the library: %s"),
                       ((Pending *) g_ptr_array_index (import->batch, 0))->path, g_strerror (saved_errno));
          goto failed;
        }
    }

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
          if (!restore_from_trash (import, pending->restore_id, &error))
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

          id = mops_asset_insert_row_with (import->insert, pending->sha256,
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
    unlinkat (import->files_fd, (const char *) g_ptr_array_index (moved, i) + strlen ("files/"), 0);

  for (guint i = 0; i < import->batch->len; i++)
    {
      Pending *pending = g_ptr_array_index (import->batch, i);
      report_failed (import, pending->path, "io", error->message);
    }

  import->dups_tagged = import->report->duplicates->len;

done:
  import->stats->rows_us += cpu_since (&t);
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

/* Everything the readers and the rows need before the first file: staging folders, files/,
 * the prepared statements. FALSE with @error set when the library cannot be written. */
static gboolean
import_prepare (Import   *import,
                Readers  *shared,
                Reader   *readers,
                guint     n_readers,
                GError  **error)
{
  g_autofree char *files_dir = mops_library_build_path (import->library, "files");

  import->lookup = mops_db_prepare (import->db, "SELECT id, trashed_at IS NOT NULL FROM assets WHERE sha256 = ?",
                                    error);
  if (import->lookup == NULL)
    return FALSE;
  import->restore = mops_db_prepare (import->db, "UPDATE assets SET trashed_at = NULL WHERE id = ?", error);
  if (import->restore == NULL)
    return FALSE;
  import->insert = mops_asset_prepare_insert_row (import->db, error);
  if (import->insert == NULL)
    return FALSE;

  if (g_mkdir_with_parents (files_dir, 0755) != 0 ||
      (import->files_fd = g_open (files_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)) < 0)
    {
      int saved_errno = errno;

      g_set_error (error, MOPS_ERROR, MOPS_ERROR_IO,
                   _("Could not create the folder “%s”: %s"), files_dir, g_strerror (saved_errno));
      return FALSE;
    }

  for (guint i = 0; i < n_readers; i++)
    {
      readers[i].shared = shared;
      if (import->staging == NULL)
        continue;

      readers[i].staging = g_strdup_printf ("%s/reader-%u", import->staging, i);
      if (g_mkdir (readers[i].staging, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, MOPS_ERROR, MOPS_ERROR_IO,
                       _("Could not create the folder “%s”: %s"), readers[i].staging,
                       g_strerror (saved_errno));
          return FALSE;
        }
    }
  return TRUE;
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
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  MopsImportStats no_stats = { 0 };
  gint64 start = g_get_monotonic_time ();
  Reader readers[MAX_READERS] = { { 0 } };
  Readers shared = { 0 };
  guint n_readers = 0;
  GThread *sniffer;
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
  n_readers = stats->readers > 0 ? MIN (stats->readers, MAX_READERS) : READERS;
  *stats = (MopsImportStats) { 0 };
  import.stats = stats;
  import.library = library;
  import.db = db;
  import.options = options;
  import.files_fd = -1;
  import.report = import_report_new ();
  import.batch = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
  import.batch_by_sha = g_hash_table_new (g_str_hash, g_str_equal);
  import.batch_dups = g_ptr_array_new ();

  if (!options->reference)
    {
      import.staging = mops_library_create_staging (library, error);
      if (import.staging == NULL)
        goto failed;
    }

  for (guint i = 0; paths[i] != NULL; i++)
    collect (&import, paths[i], TRUE, files);
  stats->list_us = g_get_monotonic_time () - start;

  n_readers = MIN (n_readers, MAX (files->len, 1));
  if (!import_prepare (&import, &shared, readers, n_readers, error))
    goto failed;

  g_mutex_init (&shared.lock);
  g_cond_init (&shared.cond);
  shared.files = files;
  shared.options = options;
  shared.cancellable = cancellable;
  shared.stats = stats;
  shared.results = g_new0 (ReadResult *, files->len + 1);
  stats->readers = n_readers;
  for (guint i = 0; i < n_readers; i++)
    readers[i].thread = g_thread_new ("mops-import-reader", reader_thread, &readers[i]);
  sniffer = g_thread_new ("mops-import-sniff", sniffer_thread, &shared);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      ReadResult *result;

      if (g_cancellable_is_cancelled (cancellable))
        {
          import.report->cancelled = TRUE;
          break;
        }

      result = take_result (&shared, i);
      if (result->status == READ_CANCELLED)
        {
          read_result_free (result);
          import.report->cancelled = TRUE;
          break;
        }
      queue_result (&import, path, result);

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

  g_mutex_lock (&shared.lock);
  shared.stop = TRUE;
  g_cond_broadcast (&shared.cond);
  g_mutex_unlock (&shared.lock);
  for (guint i = 0; i < n_readers; i++)
    g_thread_join (readers[i].thread);
  g_thread_join (sniffer);
  for (guint i = 0; i < files->len; i++)
    read_result_free (shared.results[i]);
  g_free (shared.results);
  g_mutex_clear (&shared.lock);
  g_cond_clear (&shared.cond);
  goto out;

failed:
  mops_import_report_free (import.report);
  import.report = NULL;

out:
  for (guint i = 0; i < n_readers; i++)
    g_free (readers[i].staging);
  if (import.staging != NULL)
    mops_library_release_staging (library, import.staging);
  if (import.files_fd >= 0)
    close (import.files_fd);
  g_clear_pointer (&import.lookup, sqlite3_finalize);
  g_clear_pointer (&import.restore, sqlite3_finalize);
  g_clear_pointer (&import.insert, sqlite3_finalize);
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
