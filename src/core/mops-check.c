/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-check.c — checking a library: database integrity, stored files and leftovers */

#include "config.h"

#define G_LOG_DOMAIN "mops-check"

#include <errno.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mops-check.h"
#include "mops-db-private.h"
#include "mops-error.h"
#include "mops-library-private.h"

/* A non-folder found under files/ while walking it. */
typedef struct
{
  char   *relative;  /* raw file name bytes, "files/ab/…" */
  gint64  mtime;
} StoredEntry;

static void
stored_entry_free (gpointer data)
{
  StoredEntry *entry = data;

  g_free (entry->relative);
  g_free (entry);
}

static void
check_file_free (gpointer data)
{
  MopsCheckFile *file = data;

  g_free (file->path);
  g_free (file);
}

static void
add_check_file (GPtrArray  *files,
                gint64      asset_id,
                const char *path)
{
  MopsCheckFile *file = g_new0 (MopsCheckFile, 1);

  file->asset_id = asset_id;
  file->path = g_utf8_make_valid (path, -1);
  g_ptr_array_add (files, file);
}

static MopsCheckReport *
check_report_new (void)
{
  MopsCheckReport *report = g_new0 (MopsCheckReport, 1);

  report->missing_files = g_ptr_array_new_with_free_func (check_file_free);
  report->offline_references = g_ptr_array_new_with_free_func (check_file_free);
  report->orphan_files = g_ptr_array_new_with_free_func (g_free);
  report->stale_tmp = g_ptr_array_new_with_free_func (g_free);
  return report;
}

void
mops_check_report_free (MopsCheckReport *report)
{
  if (report == NULL)
    return;

  g_free (report->integrity);
  g_ptr_array_unref (report->missing_files);
  g_ptr_array_unref (report->offline_references);
  g_ptr_array_unref (report->orphan_files);
  g_ptr_array_unref (report->stale_tmp);
  g_free (report);
}

/* Walks @relative (under @root) without following symbolic links; every non-folder becomes a
 * StoredEntry. A missing files/ folder is an empty one. */
static gboolean
collect_stored_files (const char    *root,
                      const char    *relative,
                      GPtrArray     *entries,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *dir_path = g_build_filename (root, relative, NULL);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  dir = g_dir_open (dir_path, 0, &local_error);
  if (dir == NULL)
    {
      g_autofree char *display = NULL;

      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;

      display = g_filename_display_name (dir_path);
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_IO,
                   _("Could not read the folder “%s”: %s"), display, local_error->message);
      return FALSE;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child_relative = g_build_filename (relative, name, NULL);
      g_autofree char *child_path = g_build_filename (root, child_relative, NULL);
      StoredEntry *entry;
      GStatBuf st;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      /* Gone since the folder was listed: nothing to report. */
      if (g_lstat (child_path, &st) != 0)
        continue;

      if (S_ISDIR (st.st_mode))
        {
          if (!collect_stored_files (root, child_relative, entries, cancellable, error))
            return FALSE;
          continue;
        }

      entry = g_new0 (StoredEntry, 1);
      entry->relative = g_steal_pointer (&child_relative);
      entry->mtime = st.st_mtime;
      g_ptr_array_add (entries, entry);
    }

  return TRUE;
}

static gboolean
is_damage (sqlite3 *db)
{
  int code = sqlite3_errcode (db) & 0xff;

  return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
}

/* PRAGMA integrity_check's rows joined by newlines. A database too damaged to run it gives
 * SQLite's message instead: that is the answer to "is it sound?", not a failure to check. */
static char *
read_integrity (sqlite3  *db,
                GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  int rc;

  if (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) != SQLITE_OK)
    {
      if (is_damage (db))
        return g_strdup (sqlite3_errmsg (db));

      mops_db_set_error (db, error, _("Could not check the library"));
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *row = (const char *) sqlite3_column_text (stmt, 0);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, row != NULL ? row : "");
    }

  if (rc != SQLITE_DONE)
    {
      if (!is_damage (db))
        {
          mops_db_set_error (db, error, _("Could not check the library"));
          return NULL;
        }

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, sqlite3_errmsg (db));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Checks every asset's file and fills @referenced with the canonical absolute path of every
 * file an asset names, so that the rest of files/ can be told apart. */
static gboolean
check_asset_files (MopsLibrary      *library,
                   MopsCheckReport  *report,
                   GHashTable       *referenced,
                   GError          **error)
{
  sqlite3 *db = mops_library_get_db (library);
  const char *root = mops_library_get_path (library);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = mops_db_prepare (db, "SELECT id, stored_path, is_reference FROM assets ORDER BY id",
                          error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *stored_path = (const char *) sqlite3_column_text (stmt, 1);
      gboolean is_reference = sqlite3_column_int (stmt, 2) != 0;
      g_autofree char *path = NULL;

      if (stored_path == NULL || *stored_path == '\0')
        {
          add_check_file (is_reference ? report->offline_references : report->missing_files,
                          id, "");
          continue;
        }

      path = g_canonicalize_filename (stored_path, root);

      if (is_reference)
        {
          if (!g_file_test (path, G_FILE_TEST_EXISTS))
            add_check_file (report->offline_references, id, stored_path);
        }
      else if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        add_check_file (report->missing_files, id, stored_path);

      g_hash_table_add (referenced, g_steal_pointer (&path));
    }

  if (rc != SQLITE_DONE)
    return mops_db_set_error (db, error, _("Could not read the library"));

  return TRUE;
}

/* Removes @entry when it is still an old non-folder; TRUE when it is gone. */
static gboolean
remove_old_orphan (const char        *root,
                   const StoredEntry *entry,
                   gint64             now)
{
  g_autofree char *path = g_build_filename (root, entry->relative, NULL);
  GStatBuf st;

  if (now - entry->mtime <= MOPS_CHECK_ORPHAN_MIN_AGE_SECONDS)
    return FALSE;

  /* Look again right before removing: it may have been replaced since the walk. */
  if (g_lstat (path, &st) != 0 || S_ISDIR (st.st_mode) ||
      now - (gint64) st.st_mtime <= MOPS_CHECK_ORPHAN_MIN_AGE_SECONDS)
    return FALSE;

  if (g_unlink (path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_debug ("Could not remove the orphan file “%s”: %s", display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static gboolean
contains_string (GPtrArray  *strings,
                 const char *string)
{
  return g_ptr_array_find_with_equal_func (strings, string, g_str_equal, NULL);
}

/* Lists unheld staging folders (and with @repair removes them). @stale_before holds those a
 * lock-taking open already removed: they are reported as found and repaired too. */
static void
check_staging (MopsLibrary     *library,
               MopsCheckReport *report,
               gboolean         repair,
               GPtrArray       *stale_before)
{
  g_autoptr(GPtrArray) stale = mops_library_find_stale_staging (library, repair);

  if (stale_before != NULL)
    {
      for (guint i = 0; i < stale_before->len; i++)
        {
          const char *relative = g_ptr_array_index (stale_before, i);

          if (!contains_string (stale, relative))
            g_ptr_array_add (stale, g_strdup (relative));
        }
    }

  for (guint i = 0; i < stale->len; i++)
    {
      const char *relative = g_ptr_array_index (stale, i);

      if (repair)
        {
          g_autofree char *path = mops_library_build_path (library, relative);

          if (!g_file_test (path, G_FILE_TEST_EXISTS))
            report->repaired_stale_tmp++;
        }

      g_ptr_array_add (report->stale_tmp, g_filename_display_name (relative));
    }
}

static MopsCheckReport *
run_check (MopsLibrary   *library,
           gboolean       repair,
           GPtrArray     *stale_before,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(MopsCheckReport) report = check_report_new ();
  g_autoptr(GPtrArray) stored = g_ptr_array_new_with_free_func (stored_entry_free);
  g_autoptr(GHashTable) referenced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) assets_error = NULL;
  sqlite3 *db = mops_library_get_db (library);
  const char *root = mops_library_get_path (library);
  gboolean assets_read;
  gboolean sound;
  gint64 now;

  /* files/ is listed before the rows are read: a file an import renames in and commits in
   * between is then referenced, never mistaken for an orphan. */
  if (!collect_stored_files (root, "files", stored, cancellable, error))
    return NULL;

  report->integrity = read_integrity (db, error);
  if (report->integrity == NULL)
    return NULL;
  sound = g_strcmp0 (report->integrity, "ok") == 0;

  report->schema_version = mops_db_get_schema_version (db);

  assets_read = check_asset_files (library, report, referenced, &assets_error);
  if (!assets_read)
    {
      /* Rows a damaged database cannot give back are what its integrity text reports. */
      if (sound)
        {
          g_propagate_error (error, g_steal_pointer (&assets_error));
          return NULL;
        }
      g_ptr_array_set_size (report->missing_files, 0);
      g_ptr_array_set_size (report->offline_references, 0);
    }

  now = g_get_real_time () / G_USEC_PER_SEC;
  for (guint i = 0; assets_read && i < stored->len; i++)
    {
      const StoredEntry *entry = g_ptr_array_index (stored, i);
      g_autofree char *path = g_build_filename (root, entry->relative, NULL);

      if (g_hash_table_contains (referenced, path))
        continue;

      g_ptr_array_add (report->orphan_files, g_filename_display_name (entry->relative));
      if (repair && sound && remove_old_orphan (root, entry, now))
        report->repaired_orphan_files++;
    }

  check_staging (library, report, repair, stale_before);

  report->repaired = repair;
  report->ok = sound && report->missing_files->len == 0;
  return g_steal_pointer (&report);
}

MopsCheckReport *
mops_check_run (MopsLibrary   *library,
                gboolean       repair,
                GCancellable  *cancellable,
                GError       **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (!repair || !mops_library_is_read_only (library), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return run_check (library, repair, NULL, cancellable, error);
}

MopsCheckReport *
mops_check_run_at_path (const char    *path,
                        gboolean       repair,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(MopsLibrary) library = NULL;
  g_autoptr(GPtrArray) stale_before = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!repair)
    {
      library = mops_library_open (path, MOPS_LIBRARY_OPEN_READ_ONLY, error);
      if (library == NULL)
        return NULL;

      return run_check (library, FALSE, NULL, cancellable, error);
    }

  /* A look first, changing nothing; when it cannot open the library, the open below says why. */
  library = mops_library_open (path, MOPS_LIBRARY_OPEN_READ_ONLY, NULL);
  if (library != NULL)
    {
      stale_before = mops_library_find_stale_staging (library, FALSE);
      g_clear_object (&library);
    }

  library = mops_library_open (path, MOPS_LIBRARY_OPEN_LOCK, error);
  if (library == NULL)
    return NULL;

  return run_check (library, TRUE, stale_before, cancellable, error);
}

static void
add_check_files (JsonBuilder *builder,
                 const char  *member,
                 GPtrArray   *files)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < files->len; i++)
    {
      const MopsCheckFile *file = g_ptr_array_index (files, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "asset_id");
      json_builder_add_int_value (builder, file->asset_id);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, file->path);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_strings (JsonBuilder *builder,
             const char  *member,
             GPtrArray   *strings)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < strings->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (strings, i));
  json_builder_end_array (builder);
}

JsonNode *
mops_check_report_to_json (const MopsCheckReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (report != NULL, NULL);

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "ok");
  json_builder_add_boolean_value (builder, report->ok);
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, report->schema_version);
  json_builder_set_member_name (builder, "integrity");
  json_builder_add_string_value (builder, report->integrity);

  add_check_files (builder, "missing_files", report->missing_files);
  add_check_files (builder, "offline_references", report->offline_references);
  add_strings (builder, "orphan_files", report->orphan_files);
  add_strings (builder, "stale_tmp", report->stale_tmp);

  json_builder_set_member_name (builder, "repaired");
  if (report->repaired)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "orphan_files");
      json_builder_add_int_value (builder, report->repaired_orphan_files);
      json_builder_set_member_name (builder, "stale_tmp");
      json_builder_add_int_value (builder, report->repaired_stale_tmp);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
