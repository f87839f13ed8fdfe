/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-library.c — a library folder: its database, files, lock, staging and settings */

#include "config.h"

#define G_LOG_DOMAIN "mops-library"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mops-clock.h"
#include "mops-db-private.h"
#include "mops-error.h"
#include "mops-library-private.h"

struct _MopsLibrary
{
  GObject      parent_instance;

  char        *path;
  sqlite3     *db;
  int          lock_fd;
  gboolean     read_only;

  /* staging path → lock fd, for the folders this process created; workers use it too */
  GMutex       staging_lock;
  GHashTable  *staging;

  /* watching for other processes' writes */
  guint        watch_id;
  gint64       data_version;
  guint        own_commits;
  /* SQL → statement on db, prepared once for the domain functions' one-row writes */
  GHashTable  *statements;
};

G_DEFINE_FINAL_TYPE (MopsLibrary, mops_library, G_TYPE_OBJECT)

enum
{
  PREVIEWS_CHANGED,
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* statfs magic numbers of network file systems */
#define NFS_MAGIC   0x6969
#define SMB_MAGIC   0x517B
#define CIFS_MAGIC  0xFF534D42
#define SMB2_MAGIC  0xFE534D42

static void
close_fd (gpointer data)
{
  close (GPOINTER_TO_INT (data));
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
mops_library_finalize (GObject *object)
{
  MopsLibrary *self = (MopsLibrary *) object;
  GHashTableIter iter;
  gpointer key;

  if (self->staging != NULL)
    {
      g_hash_table_iter_init (&iter, self->staging);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          g_autoptr(GFile) dir = g_file_new_for_path (key);
          g_autofree char *lock_path = g_strconcat (key, ".lock", NULL);

          g_file_delete (dir, NULL, NULL);
          g_unlink (lock_path);
        }
      g_clear_pointer (&self->staging, g_hash_table_unref);
    }

  g_clear_handle_id (&self->watch_id, g_source_remove);
  /* before the connection goes: a statement keeps it open */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, mops_db_close);

  if (self->lock_fd >= 0)
    close (self->lock_fd);

  g_mutex_clear (&self->staging_lock);
  g_free (self->path);

  G_OBJECT_CLASS (mops_library_parent_class)->finalize (object);
}

static void
mops_library_class_init (MopsLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mops_library_finalize;

  signals[PREVIEWS_CHANGED] =
    g_signal_new ("previews-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

void
mops_library_previews_changed (MopsLibrary *self,
                               gint64       asset_id)
{
  g_return_if_fail (MOPS_IS_LIBRARY (self));

  g_signal_emit (self, signals[PREVIEWS_CHANGED], 0, asset_id);
}

/* Another process has committed when the main connection's data_version moved while this
 * process committed nothing: an import by mops-cli, an edit in a second Mops. A write of
 * another process during one of ours goes unseen until the next quiet interval shows a
 * change of its own, which is rare and harmless (the views just read less soon). */
gboolean
mops_library_check_changes (MopsLibrary *self)
{
  gint64 version;
  guint own;
  gboolean theirs;

  g_return_val_if_fail (MOPS_IS_LIBRARY (self), FALSE);

  version = mops_db_query_int (self->db, "PRAGMA data_version", NULL);
  own = mops_db_get_own_commits ();
  theirs = version >= 0 && version != self->data_version && own == self->own_commits;
  self->data_version = version;
  self->own_commits = own;
  if (theirs)
    g_signal_emit (self, signals[CHANGED], 0);

  return theirs;
}

static gboolean
on_watch_cb (gpointer user_data)
{
  mops_library_check_changes (user_data);
  return G_SOURCE_CONTINUE;
}

void
mops_library_watch_changes (MopsLibrary *self,
                            guint        interval_ms)
{
  g_return_if_fail (MOPS_IS_LIBRARY (self));

  g_clear_handle_id (&self->watch_id, g_source_remove);
  if (interval_ms == 0)
    return;

  mops_library_check_changes (self);
  self->watch_id = g_timeout_add (interval_ms, on_watch_cb, self);
}

static void
mops_library_init (MopsLibrary *self)
{
  self->lock_fd = -1;
  g_mutex_init (&self->staging_lock);
  self->staging = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, close_fd);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

char *
mops_library_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "mops", "library", NULL);
}

char *
mops_library_get_demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "mops", "demo", NULL);
}

gboolean
mops_library_path_has_database (const char *path)
{
  g_autofree char *db_path = g_build_filename (path, MOPS_LIBRARY_DB_NAME, NULL);

  return g_file_test (db_path, G_FILE_TEST_IS_REGULAR);
}

static gboolean
folder_is_empty (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);

  return dir != NULL && g_dir_read_name (dir) == NULL;
}

static gboolean
take_lock (MopsLibrary  *self,
           GError      **error)
{
  g_autofree char *lock_path = g_build_filename (self->path, MOPS_LIBRARY_LOCK_NAME, NULL);
  g_autofree char *display = g_filename_display_name (self->path);
  int fd;

  fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, MOPS_ERROR, MOPS_ERROR_IO,
                   _("Could not lock the library “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved_errno = errno;

      close (fd);
      if (saved_errno == EWOULDBLOCK)
        g_set_error (error, MOPS_ERROR, MOPS_ERROR_LOCKED,
                     _("This library is open in another Mops: “%s”"), display);
      else
        g_set_error (error, MOPS_ERROR, MOPS_ERROR_IO,
                     _("Could not lock the library “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  self->lock_fd = fd;
  return TRUE;
}

static gboolean
ensure_layout (MopsLibrary  *self,
               GError      **error)
{
  static const char *folders[] = { "files", "thumbs", "tmp" };

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *folder = g_build_filename (self->path, folders[i], NULL);

      if (g_mkdir_with_parents (folder, 0755) != 0)
        {
          int saved_errno = errno;
          g_autofree char *display = g_filename_display_name (folder);

          g_set_error (error, MOPS_ERROR, MOPS_ERROR_IO,
                       _("Could not create the folder “%s”: %s"), display, g_strerror (saved_errno));
          return FALSE;
        }
    }

  return TRUE;
}

/* A new library starts with one channel per medium (design §12) and the default settings.
 * Channel names are data from then on: they are written in the language of whoever creates
 * the library. */
static gboolean
seed_new_library (MopsLibrary  *self,
                  GError      **error)
{
  static const struct { const char *name; const char *medium; const char *color; } channels[] = {
    { N_("Website"), "web", "#3584E4" },
    { N_("Social media"), "social", "#E66100" },
    { N_("Print"), "print", "#613583" },
    { N_("Broadcast"), "broadcast", "#C01C28" },
    { N_("Outdoor"), "outdoor", "#26A269" },
    { N_("Email newsletter"), "email", "#986A44" },
  };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *days = g_strdup_printf ("%d", MOPS_DEFAULT_EXPIRY_WARNING_DAYS);

  if (!mops_db_begin (self->db, error))
    return FALSE;

  stmt = mops_db_prepare (self->db,
                          "INSERT OR IGNORE INTO channels (name, medium, color) VALUES (?, ?, ?)",
                          error);
  if (stmt == NULL)
    goto failed;

  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    {
      sqlite3_bind_text (stmt, 1, _(channels[i].name), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, channels[i].medium, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, channels[i].color, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          mops_db_set_error (self->db, error, _("Could not create the library"));
          goto failed;
        }
      sqlite3_reset (stmt);
    }

  if (!mops_library_set_setting (self, MOPS_SETTING_EXPIRY_WARNING_DAYS, days, error))
    goto failed;

  return mops_db_commit (self->db, error);

failed:
  mops_db_rollback (self->db);
  return FALSE;
}

MopsLibrary *
mops_library_open (const char            *path,
                   MopsLibraryOpenFlags   flags,
                   GError               **error)
{
  g_autoptr(MopsLibrary) self = NULL;
  g_autofree char *display = NULL;
  g_autofree char *db_path = NULL;
  gboolean create = (flags & MOPS_LIBRARY_OPEN_CREATE) != 0;
  gboolean read_only = (flags & MOPS_LIBRARY_OPEN_READ_ONLY) != 0;
  gboolean is_new;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (!(create && read_only), NULL);

  self = g_object_new (MOPS_TYPE_LIBRARY, NULL);
  self->read_only = read_only;

  if (g_path_is_absolute (path))
    self->path = g_canonicalize_filename (path, NULL);
  else
    {
      g_autofree char *cwd = g_get_current_dir ();
      self->path = g_canonicalize_filename (path, cwd);
    }

  display = g_filename_display_name (self->path);
  db_path = g_build_filename (self->path, MOPS_LIBRARY_DB_NAME, NULL);
  is_new = !g_file_test (db_path, G_FILE_TEST_EXISTS);

  if (g_file_test (self->path, G_FILE_TEST_EXISTS) && !g_file_test (self->path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_A_LIBRARY,
                   _("“%s” is a file, not a library folder"), display);
      return NULL;
    }

  if (is_new)
    {
      if (!create)
        {
          g_set_error (error, MOPS_ERROR, MOPS_ERROR_NO_LIBRARY,
                       _("There is no Mops library in “%s”"), display);
          return NULL;
        }

      if (g_file_test (self->path, G_FILE_TEST_IS_DIR) && !folder_is_empty (self->path))
        {
          g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_A_LIBRARY,
                       _("“%s” is not empty and holds no Mops library; choose an empty folder"),
                       display);
          return NULL;
        }

      if (g_mkdir_with_parents (self->path, 0755) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, MOPS_ERROR, MOPS_ERROR_IO,
                       _("Could not create the library folder “%s”: %s"),
                       display, g_strerror (saved_errno));
          return NULL;
        }
    }

  if ((flags & MOPS_LIBRARY_OPEN_LOCK) && !take_lock (self, error))
    return NULL;

  self->db = mops_db_open (db_path,
                           read_only ? MOPS_DB_OPEN_READ_ONLY
                                     : (create ? MOPS_DB_OPEN_CREATE : MOPS_DB_OPEN_DEFAULT),
                           error);
  if (self->db == NULL)
    return NULL;

  if (!read_only)
    {
      if (!ensure_layout (self, error))
        return NULL;

      if (is_new && !seed_new_library (self, error))
        return NULL;

      if (flags & MOPS_LIBRARY_OPEN_LOCK)
        g_ptr_array_unref (mops_library_find_stale_staging (self, TRUE));
    }

  return g_steal_pointer (&self);
}

const char *
mops_library_get_path (MopsLibrary *self)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (self), NULL);

  return self->path;
}

char *
mops_library_dup_display_name (MopsLibrary *self)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (MOPS_IS_LIBRARY (self), NULL);

  base = g_path_get_basename (self->path);
  return g_filename_display_name (base);
}

sqlite3 *
mops_library_get_db (MopsLibrary *self)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (self), NULL);

  return self->db;
}

sqlite3_stmt *
mops_library_prepare_cached (MopsLibrary  *self,
                             const char   *sql,
                             GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MOPS_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  stmt = mops_db_prepare (self->db, sql, error);
  if (stmt != NULL)
    g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

gboolean
mops_library_begin (MopsLibrary  *self,
                    GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (self), FALSE);

  return mops_db_begin (self->db, error);
}

gboolean
mops_library_commit (MopsLibrary  *self,
                     GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (self), FALSE);

  return mops_db_commit (self->db, error);
}

void
mops_library_rollback (MopsLibrary *self)
{
  g_return_if_fail (MOPS_IS_LIBRARY (self));

  mops_db_rollback (self->db);
}

sqlite3 *
mops_library_open_connection (MopsLibrary  *self,
                              GError      **error)
{
  g_autofree char *db_path = NULL;

  g_return_val_if_fail (MOPS_IS_LIBRARY (self), NULL);

  db_path = g_build_filename (self->path, MOPS_LIBRARY_DB_NAME, NULL);
  return mops_db_open (db_path, self->read_only ? MOPS_DB_OPEN_READ_ONLY : MOPS_DB_OPEN_DEFAULT,
                       error);
}

sqlite3 *
mops_library_open_task_connection (MopsLibrary *self,
                                   GTask       *task)
{
  GError *error = NULL;
  sqlite3 *db;

  g_return_val_if_fail (MOPS_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (G_IS_TASK (task), NULL);

  db = mops_library_open_connection (self, &error);
  if (db == NULL)
    g_task_return_error (task, error);

  return db;
}

typedef struct
{
  MopsLibraryJobFunc  func;
  gpointer            data;
  GDestroyNotify      data_free;
  GDestroyNotify      result_free;
} Job;

static void
job_free (Job *job)
{
  if (job->data_free != NULL && job->data != NULL)
    job->data_free (job->data);
  g_free (job);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  MopsLibrary *self = source_object;
  Job *job = task_data;
  GError *error = NULL;
  gpointer result;
  sqlite3 *db;

  if (g_task_return_error_if_cancelled (task))
    return;

  db = mops_library_open_task_connection (self, task);
  if (db == NULL)
    return;

  result = job->func (self, db, job->data, cancellable, &error);
  mops_db_close (db);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, job->result_free);
}

void
mops_library_run_job (MopsLibrary         *self,
                      gpointer             source_tag,
                      MopsLibraryJobFunc   func,
                      gpointer             job_data,
                      GDestroyNotify       job_data_free,
                      GDestroyNotify       result_free,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (MOPS_IS_LIBRARY (self));
  g_return_if_fail (func != NULL);

  job = g_new0 (Job, 1);
  job->func = func;
  job->data = job_data;
  job->data_free = job_data_free;
  job->result_free = result_free;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  /* What the worker did is what _finish() says, even when the cancellable is cancelled after
   * it: a Trash emptied before the cancel was emptied. A worker that stops early for a
   * cancel returns G_IO_ERROR_CANCELLED itself. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, job_thread);
}

gpointer
mops_library_job_finish (MopsLibrary   *self,
                         GAsyncResult  *result,
                         gpointer       source_tag,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gpointer
mops_library_job_get_data (GAsyncResult *result)
{
  Job *job;

  g_return_val_if_fail (G_IS_TASK (result), NULL);

  job = g_task_get_task_data (G_TASK (result));
  return job->data;
}

gboolean
mops_library_is_read_only (MopsLibrary *self)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (self), TRUE);

  return self->read_only;
}

gboolean
mops_library_is_on_network_fs (MopsLibrary *self)
{
  struct statfs buf;

  g_return_val_if_fail (MOPS_IS_LIBRARY (self), FALSE);

  if (statfs (self->path, &buf) != 0)
    return FALSE;

  switch ((unsigned long) buf.f_type)
    {
    case NFS_MAGIC:
    case SMB_MAGIC:
    case CIFS_MAGIC:
    case SMB2_MAGIC:
      return TRUE;
    default:
      return FALSE;
    }
}

char *
mops_library_build_path (MopsLibrary *self,
                         const char  *relative)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (relative != NULL, NULL);

  return g_build_filename (self->path, relative, NULL);
}

char *
mops_library_dup_setting (MopsLibrary *self,
                          const char  *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (MOPS_IS_LIBRARY (self), NULL);

  stmt = mops_db_prepare (self->db, "SELECT value FROM settings WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

gboolean
mops_library_set_setting (MopsLibrary  *self,
                          const char   *key,
                          const char   *value,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (MOPS_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  stmt = mops_db_prepare (self->db,
                          "INSERT INTO settings (key, value) VALUES (?, ?) "
                          "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                          error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return mops_db_set_error (self->db, error, _("Could not save the setting"));

  return TRUE;
}

int
mops_library_get_expiry_warning_days (MopsLibrary *self)
{
  g_autofree char *value = mops_library_dup_setting (self, MOPS_SETTING_EXPIRY_WARNING_DAYS);
  gint64 days;

  if (value == NULL || !g_ascii_string_to_signed (value, 10, 0, 3650, &days, NULL))
    return MOPS_DEFAULT_EXPIRY_WARNING_DAYS;

  return (int) days;
}

gboolean
mops_library_set_expiry_warning_days (MopsLibrary  *self,
                                      int           days,
                                      GError      **error)
{
  g_autofree char *value = NULL;

  if (days < 0 || days > 3650)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   _("The warning period must be between 0 and 3650 days, not %d"), days);
      return FALSE;
    }

  value = g_strdup_printf ("%d", days);
  return mops_library_set_setting (self, MOPS_SETTING_EXPIRY_WARNING_DAYS, value, error);
}

gboolean
mops_library_get_counts (MopsLibrary        *self,
                         MopsLibraryCounts  *counts,
                         GError            **error)
{
  static const char sql[] =
    "SELECT"
    " (SELECT count(*) FROM assets WHERE trashed_at IS NULL),"
    " (SELECT count(*) FROM assets WHERE trashed_at IS NOT NULL),"
    " (SELECT count(*) FROM tags),"
    " (SELECT count(*) FROM collections),"
    " (SELECT count(*) FROM licences),"
    " (SELECT count(*) FROM people),"
    " (SELECT count(*) FROM channels),"
    " (SELECT count(*) FROM campaigns),"
    " (SELECT count(*) FROM content_items),"
    " (SELECT count(*) FROM fiscal_years),"
    " (SELECT count(*) FROM budget_lines),"
    " (SELECT count(*) FROM expenses),"
    " (SELECT count(*) FROM subscriptions),"
    " (SELECT count(*) FROM spend_requests),"
    " (SELECT count(*) FROM brand_kits)";
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 *fields[] = {
    &counts->assets, &counts->trashed_assets, &counts->tags, &counts->collections,
    &counts->licences, &counts->people, &counts->channels, &counts->campaigns,
    &counts->content_items, &counts->fiscal_years, &counts->budget_lines, &counts->expenses,
    &counts->subscriptions, &counts->spend_requests, &counts->brand_kits,
  };

  g_return_val_if_fail (MOPS_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);

  stmt = mops_db_prepare (self->db, sql, error);
  if (stmt == NULL)
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return mops_db_set_error (self->db, error, _("Could not read the library"));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    *fields[i] = sqlite3_column_int64 (stmt, (int) i);

  counts->schema_version = mops_db_get_schema_version (self->db);
  return TRUE;
}

gboolean
mops_library_is_empty (MopsLibrary *self)
{
  gint64 n;

  g_return_val_if_fail (MOPS_IS_LIBRARY (self), FALSE);

  /* EXISTS stops at the first row; count(*) would read all 100,000 assets. */
  n = mops_db_query_int (self->db,
                         "SELECT EXISTS (SELECT 1 FROM assets) OR EXISTS (SELECT 1 FROM licences)"
                         " OR EXISTS (SELECT 1 FROM content_items)"
                         " OR EXISTS (SELECT 1 FROM expenses) OR EXISTS (SELECT 1 FROM brand_kits)",
                         NULL);
  return n == 0;
}

/* Opens and locks @lock_path, making sure the file we locked is still the one at that path:
 * a cleaner may have removed it between our open() and flock(). */
static int
open_and_lock (const char *lock_path,
               gboolean    create,
               gboolean    wait)
{
  for (guint attempt = 0; attempt < 8; attempt++)
    {
      struct stat fd_stat, path_stat;
      int fd = g_open (lock_path, O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0), 0644);

      if (fd < 0)
        return -1;

      if (flock (fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0)
        {
          close (fd);
          return -1;
        }

      if (fstat (fd, &fd_stat) == 0 && g_stat (lock_path, &path_stat) == 0 &&
          fd_stat.st_ino == path_stat.st_ino && fd_stat.st_dev == path_stat.st_dev)
        return fd;

      close (fd);
      if (!create)
        return -1;
    }

  return -1;
}

char *
mops_library_create_staging (MopsLibrary  *self,
                             GError      **error)
{
  g_autofree char *tmp_root = NULL;

  g_return_val_if_fail (MOPS_IS_LIBRARY (self), NULL);

  tmp_root = g_build_filename (self->path, "tmp", NULL);
  if (g_mkdir_with_parents (tmp_root, 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, MOPS_ERROR, MOPS_ERROR_IO,
                   _("Could not create the folder “%s”: %s"), tmp_root, g_strerror (saved_errno));
      return NULL;
    }

  /* What a killed writer left behind goes now, not at the next `check --repair`: a
   * staging folder whose lock nobody holds (mops-cli never opens with the library lock, so
   * this is where its imports clean up after each other). */
  g_ptr_array_unref (mops_library_find_stale_staging (self, TRUE));

  for (guint attempt = 0; attempt < 16; attempt++)
    {
      g_autofree char *name = g_strdup_printf ("%d-%08x", (int) getpid (), g_random_int ());
      g_autofree char *dir = g_build_filename (tmp_root, name, NULL);
      g_autofree char *lock_path = g_strconcat (dir, ".lock", NULL);
      int fd;

      if (g_file_test (lock_path, G_FILE_TEST_EXISTS) || g_file_test (dir, G_FILE_TEST_EXISTS))
        continue;

      /* The lock comes first: a folder without a held lock is garbage to every cleaner. */
      fd = open_and_lock (lock_path, TRUE, FALSE);
      if (fd < 0)
        continue;

      if (g_mkdir (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_unlink (lock_path);
          close (fd);
          if (saved_errno == EEXIST)
            continue;

          g_set_error (error, MOPS_ERROR, MOPS_ERROR_IO,
                       _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
          return NULL;
        }

      g_mutex_lock (&self->staging_lock);
      g_hash_table_insert (self->staging, g_strdup (dir), GINT_TO_POINTER (fd));
      g_mutex_unlock (&self->staging_lock);
      return g_steal_pointer (&dir);
    }

  g_set_error (error, MOPS_ERROR, MOPS_ERROR_IO,
               _("Could not create a staging folder in “%s”"), tmp_root);
  return NULL;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
    }

  g_rmdir (path);
}

void
mops_library_release_staging (MopsLibrary *self,
                              const char  *staging_path)
{
  g_autofree char *lock_path = NULL;

  g_return_if_fail (MOPS_IS_LIBRARY (self));
  g_return_if_fail (staging_path != NULL);

  g_mutex_lock (&self->staging_lock);
  if (g_hash_table_contains (self->staging, staging_path))
    {
      lock_path = g_strconcat (staging_path, ".lock", NULL);
      remove_tree (staging_path);
      g_unlink (lock_path);
      g_hash_table_remove (self->staging, staging_path);
    }
  g_mutex_unlock (&self->staging_lock);
}

GPtrArray *
mops_library_find_stale_staging (MopsLibrary *self,
                                 gboolean     remove)
{
  g_autoptr(GPtrArray) stale = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *tmp_root = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (MOPS_IS_LIBRARY (self), NULL);

  tmp_root = g_build_filename (self->path, "tmp", NULL);
  dir = g_dir_open (tmp_root, 0, NULL);
  if (dir == NULL)
    return g_steal_pointer (&stale);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *entry = NULL;
      g_autofree char *lock_path = NULL;
      int fd;

      if (g_str_has_suffix (name, ".lock"))
        continue;

      entry = g_build_filename (tmp_root, name, NULL);
      g_mutex_lock (&self->staging_lock);
      if (g_hash_table_contains (self->staging, entry))
        {
          g_mutex_unlock (&self->staging_lock);
          continue;
        }
      g_mutex_unlock (&self->staging_lock);

      /* Only what nobody holds a lock on is garbage — never judged by age. */
      lock_path = g_strconcat (entry, ".lock", NULL);
      fd = open_and_lock (lock_path, FALSE, FALSE);
      if (fd < 0 && g_file_test (lock_path, G_FILE_TEST_EXISTS))
        continue;

      g_ptr_array_add (stale, g_build_filename ("tmp", name, NULL));

      if (remove)
        {
          remove_tree (entry);
          g_unlink (lock_path);
        }

      if (fd >= 0)
        close (fd);
    }

  /* Lock files whose folder is gone and that nobody holds */
  if (remove)
    {
      g_dir_rewind (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *lock_path = NULL;
          g_autofree char *folder = NULL;
          int fd;

          if (!g_str_has_suffix (name, ".lock"))
            continue;

          lock_path = g_build_filename (tmp_root, name, NULL);
          folder = g_strndup (lock_path, strlen (lock_path) - strlen (".lock"));
          if (g_file_test (folder, G_FILE_TEST_EXISTS))
            continue;

          fd = open_and_lock (lock_path, FALSE, FALSE);
          if (fd >= 0)
            {
              g_unlink (lock_path);
              close (fd);
            }
        }
    }

  return g_steal_pointer (&stale);
}
