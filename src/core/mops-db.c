/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-db.c — opening library.db: schema versions, migrations, pragmas */

#include "config.h"

#define G_LOG_DOMAIN "mops-db"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mops-db-private.h"
#include "mops-error.h"

static const MopsMigration migrations[] = {
  { 1, mops_schema_v1_sql, NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == MOPS_DB_SCHEMA_VERSION);

const MopsMigration *
mops_db_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}

gboolean
mops_db_set_error (sqlite3     *db,
                   GError     **error,
                   const char  *what)
{
  int code = db != NULL ? sqlite3_errcode (db) : SQLITE_ERROR;
  const char *message = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (code);
  MopsError mops_code = MOPS_ERROR_DATABASE;

  switch (code & 0xff)
    {
    case SQLITE_NOTADB:
      mops_code = MOPS_ERROR_NOT_A_DATABASE;
      break;
    case SQLITE_CORRUPT:
      mops_code = MOPS_ERROR_CORRUPT;
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      mops_code = MOPS_ERROR_LOCKED;
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_FULL:
    case SQLITE_PERM:
      mops_code = MOPS_ERROR_IO;
      break;
    default:
      break;
    }

  g_set_error (error, MOPS_ERROR, mops_code, "%s: %s", what, message);
  return FALSE;
}

gboolean
mops_db_exec (sqlite3     *db,
              const char  *sql,
              GError     **error)
{
  char *errmsg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_DATABASE, "%s",
                   errmsg != NULL ? errmsg : sqlite3_errmsg (db));
      sqlite3_free (errmsg);
      return FALSE;
    }

  return TRUE;
}

gboolean
mops_db_begin (sqlite3  *db,
               GError  **error)
{
  return mops_db_exec (db, "BEGIN IMMEDIATE", error);
}

gboolean
mops_db_commit (sqlite3  *db,
                GError  **error)
{
  return mops_db_exec (db, "COMMIT", error);
}

void
mops_db_rollback (sqlite3 *db)
{
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
mops_db_begin_write (sqlite3   *db,
                     gboolean  *out_nested,
                     GError   **error)
{
  /* A savepoint, unlike BEGIN, may stand inside the transaction a caller holds. */
  *out_nested = !sqlite3_get_autocommit (db);
  return mops_db_exec (db, *out_nested ? "SAVEPOINT mops_write" : "BEGIN IMMEDIATE", error);
}

gboolean
mops_db_commit_write (sqlite3   *db,
                      gboolean   nested,
                      GError   **error)
{
  return mops_db_exec (db, nested ? "RELEASE mops_write" : "COMMIT", error);
}

void
mops_db_rollback_write (sqlite3  *db,
                        gboolean  nested)
{
  if (!nested)
    {
      mops_db_rollback (db);
      return;
    }

  /* Back to where the savepoint began; the caller's transaction goes on. */
  sqlite3_exec (db, "ROLLBACK TO mops_write; RELEASE mops_write", NULL, NULL, NULL);
}

sqlite3_stmt *
mops_db_prepare (sqlite3     *db,
                 const char  *sql,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      mops_db_set_error (db, error, _("Could not read the library"));
      return NULL;
    }

  return stmt;
}

char *
mops_db_ids_to_json (const gint64 *ids,
                     guint         n_ids)
{
  GString *json = g_string_sized_new (2 + n_ids * 8);

  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  g_string_append_c (json, '[');
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

gboolean
mops_db_row_exists (sqlite3     *db,
                    const char  *sql,
                    gint64       id,
                    gboolean    *out_exists,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = mops_db_prepare (db, sql, error);
  int rc;

  g_return_val_if_fail (out_exists != NULL, FALSE);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return mops_db_set_error (db, error, _("Could not read the library"));

  *out_exists = rc == SQLITE_ROW;
  return TRUE;
}

gint64
mops_db_query_int (sqlite3     *db,
                   const char  *sql,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = mops_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc == SQLITE_DONE)
    return 0;

  mops_db_set_error (db, error, _("Could not read the library"));
  return -1;
}

int
mops_db_bind_text_or_null (sqlite3_stmt *stmt,
                           int           index,
                           const char   *text)
{
  if (text == NULL)
    return sqlite3_bind_null (stmt, index);

  return sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

int
mops_db_get_schema_version (sqlite3 *db)
{
  return (int) mops_db_query_int (db, "PRAGMA user_version", NULL);
}

void
mops_db_close (sqlite3 *db)
{
  if (db != NULL)
    sqlite3_close_v2 (db);
}

/* Copies the live database to @backup_path with the online backup API, so a migration that
 * goes wrong in a way SQLite cannot roll back (a bug of ours) still leaves the old data. */
static gboolean
write_backup (sqlite3     *db,
              const char  *backup_path,
              GError     **error)
{
  g_autofree char *tmp_path = g_strconcat (backup_path, ".part", NULL);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_unlink (tmp_path);

  if (sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      mops_db_set_error (dest, error, _("Could not write a backup before upgrading the library"));
      sqlite3_close_v2 (dest);
      return FALSE;
    }

  backup = sqlite3_backup_init (dest, "main", db, "main");
  if (backup == NULL)
    {
      mops_db_set_error (dest, error, _("Could not write a backup before upgrading the library"));
      sqlite3_close_v2 (dest);
      g_unlink (tmp_path);
      return FALSE;
    }

  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_IO,
                   _("Could not write a backup before upgrading the library: %s"),
                   sqlite3_errstr (rc));
      sqlite3_close_v2 (dest);
      g_unlink (tmp_path);
      return FALSE;
    }

  /* The copy keeps the source's journal mode; a backup is a single self-contained file. */
  sqlite3_exec (dest, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
  sqlite3_close_v2 (dest);

  if (g_rename (tmp_path, backup_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, MOPS_ERROR, MOPS_ERROR_IO,
                   _("Could not write the backup “%s”: %s"),
                   backup_path, g_strerror (saved_errno));
      g_unlink (tmp_path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
run_migration (sqlite3              *db,
               const MopsMigration  *migration,
               GError              **error)
{
  g_autofree char *set_version = NULL;
  gint64 violations;

  if (!mops_db_begin (db, error))
    return FALSE;

  if (migration->sql != NULL && !mops_db_exec (db, migration->sql, error))
    goto failed;

  if (migration->func != NULL && !migration->func (db, error))
    goto failed;

  /* Foreign keys are off while migrating (table rebuilds need that); check them at the end. */
  violations = mops_db_query_int (db, "SELECT count(*) FROM pragma_foreign_key_check", error);
  if (violations < 0)
    goto failed;
  if (violations > 0)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_CORRUPT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Upgrading the library to version %d would break %d link between records",
                                "Upgrading the library to version %d would break %d links between records",
                                (gulong) violations),
                   migration->version, (int) MIN (violations, G_MAXINT));
      goto failed;
    }

  set_version = g_strdup_printf ("PRAGMA user_version = %d", migration->version);
  if (!mops_db_exec (db, set_version, error))
    goto failed;

  if (!mops_db_commit (db, error))
    goto failed;

  return TRUE;

failed:
  mops_db_rollback (db);
  g_prefix_error (error, _("Could not upgrade the library to version %d: "), migration->version);
  return FALSE;
}

static gboolean
migrate (sqlite3              *db,
         const char           *path,
         int                   from_version,
         const MopsMigration  *table,
         guint                 n_migrations,
         GError              **error)
{
  if (from_version > 0)
    {
      g_autofree char *backup_path = g_strdup_printf ("%s.v%d.bak", path, from_version);

      if (!write_backup (db, backup_path, error))
        return FALSE;
    }

  if (!mops_db_exec (db, "PRAGMA foreign_keys = OFF", error))
    return FALSE;

  for (guint i = 0; i < n_migrations; i++)
    {
      if (table[i].version <= from_version)
        continue;

      if (!run_migration (db, &table[i], error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_empty_database (sqlite3  *db,
                   GError  **error)
{
  gint64 n = mops_db_query_int (db, "SELECT count(*) FROM sqlite_master", error);

  return n == 0;
}

/* Commits made through this process's connections: what tells the library's watch
 * (mops_library_watch_changes()) this process's own writes from another process's. */
static gint own_commits;

static int
on_commit_cb (void *data)
{
  g_atomic_int_inc (&own_commits);
  return 0;   /* let it commit */
}

guint
mops_db_get_own_commits (void)
{
  return (guint) g_atomic_int_get (&own_commits);
}

sqlite3 *
mops_db_open_with_migrations (const char          *path,
                              MopsDbOpenFlags      flags,
                              const MopsMigration *table,
                              guint                n_migrations,
                              GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;
  sqlite3 *db = NULL;
  gboolean read_only = (flags & MOPS_DB_OPEN_READ_ONLY) != 0;
  int open_flags;
  int latest;
  int version;
  gint64 app_id;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (n_migrations > 0, NULL);

  display = g_filename_display_name (path);
  latest = table[n_migrations - 1].version;

  if (!(flags & MOPS_DB_OPEN_CREATE) && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NO_LIBRARY,
                   _("There is no library database at “%s”"), display);
      return NULL;
    }

  open_flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  if (read_only)
    open_flags |= SQLITE_OPEN_READONLY;
  else
    open_flags |= SQLITE_OPEN_READWRITE | ((flags & MOPS_DB_OPEN_CREATE) ? SQLITE_OPEN_CREATE : 0);

  if (sqlite3_open_v2 (path, &db, open_flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_IO,
                   _("Could not open “%s”: %s"), display,
                   db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (SQLITE_NOMEM));
      sqlite3_close_v2 (db);
      return NULL;
    }

  sqlite3_busy_timeout (db, 5000);
  sqlite3_extended_result_codes (db, 1);
  sqlite3_commit_hook (db, on_commit_cb, NULL);

  /* The first read of the header tells a database from any other file. */
  version = mops_db_get_schema_version (db);
  app_id = mops_db_query_int (db, "PRAGMA application_id", &local_error);
  if (version < 0 || app_id < 0)
    {
      int code = sqlite3_errcode (db) & 0xff;

      if (code == SQLITE_NOTADB)
        g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_A_DATABASE,
                     _("“%s” is not a Mops library: the file is not a database"), display);
      else if (code == SQLITE_CORRUPT)
        g_set_error (error, MOPS_ERROR, MOPS_ERROR_CORRUPT,
                     _("“%s” is damaged and cannot be opened"), display);
      else
        g_set_error (error, MOPS_ERROR, MOPS_ERROR_IO,
                     _("Could not read “%s”: %s"), display, sqlite3_errmsg (db));
      goto fail;
    }

  if (version == 0 && app_id == 0)
    {
      gboolean empty = is_empty_database (db, &local_error);

      if (local_error != NULL)
        {
          g_set_error (error, MOPS_ERROR, MOPS_ERROR_IO,
                       _("Could not read “%s”: %s"), display, local_error->message);
          goto fail;
        }

      if (!empty)
        {
          g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_A_LIBRARY,
                       _("“%s” is a database of another program, not a Mops library"), display);
          goto fail;
        }

      if (read_only)
        {
          g_set_error (error, MOPS_ERROR, MOPS_ERROR_NO_LIBRARY,
                       _("“%s” is an empty database, not a Mops library yet"), display);
          goto fail;
        }
    }
  else if (app_id != MOPS_DB_APPLICATION_ID)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_A_LIBRARY,
                   _("“%s” is a database of another program, not a Mops library"), display);
      goto fail;
    }

  if (version > latest)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_TOO_NEW,
                   _("“%s” was made by a newer version of Mops (library version %d; this version reads up to %d). "
                     "Update Mops to open it."),
                   display, version, latest);
      goto fail;
    }

  if (read_only)
    {
      if (version < latest)
        {
          g_set_error (error, MOPS_ERROR, MOPS_ERROR_TOO_NEW,
                       _("“%s” needs an upgrade from library version %d to %d; open it for writing first"),
                       display, version, latest);
          goto fail;
        }
      if (!mops_db_exec (db, "PRAGMA foreign_keys = ON; PRAGMA query_only = ON", error))
        goto fail;
      return db;
    }

  /* WAL can only be set outside a transaction; it persists in the file. */
  if (!mops_db_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL", error))
    {
      g_prefix_error (error, _("Could not open “%s”: "), display);
      goto fail;
    }

  if (version < latest)
    {
      if (version == 0 &&
          !mops_db_exec (db, "PRAGMA application_id = 1297043539", error))
        goto fail;

      if (!migrate (db, path, version, table, n_migrations, error))
        goto fail;
    }

  if (!mops_db_exec (db, "PRAGMA foreign_keys = ON", error))
    goto fail;

  return db;

fail:
  sqlite3_close_v2 (db);
  return NULL;
}

sqlite3 *
mops_db_open (const char       *path,
              MopsDbOpenFlags   flags,
              GError          **error)
{
  return mops_db_open_with_migrations (path, flags, migrations, G_N_ELEMENTS (migrations), error);
}
