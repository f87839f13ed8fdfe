/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-db-private.h — opening library.db (pragmas, migrations) and the SQLite helpers of
 * core's modules; visible to core and its tests only */

#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "mops-db.h"

G_BEGIN_DECLS

typedef enum
{
  MOPS_DB_OPEN_DEFAULT   = 0,
  MOPS_DB_OPEN_CREATE    = 1 << 0,  /* create the file and schema when missing */
  MOPS_DB_OPEN_READ_ONLY = 1 << 1,  /* never write: no creation, no migration */
} MopsDbOpenFlags;

/* Opens (and with MOPS_DB_OPEN_CREATE creates) the database at @path, sets WAL,
 * foreign_keys=ON and a busy timeout, and migrates an older schema forward after writing a
 * backup copy beside it ("library.db.v1.bak"). Refuses a file that is not an SQLite
 * database, an SQLite database that is not a Mops library, and a library made by a newer
 * Mops (MOPS_ERROR_TOO_NEW). Returns a connection owned by the caller (mops_db_close()). */
sqlite3  *mops_db_open                 (const char       *path,
                                        MopsDbOpenFlags   flags,
                                        GError          **error);

void      mops_db_close                (sqlite3          *db);

/* The schema version stored in @db (PRAGMA user_version), or -1 on error. */
int       mops_db_get_schema_version   (sqlite3          *db);

/* Runs @sql (one or more statements, no parameters). */
gboolean  mops_db_exec                 (sqlite3          *db,
                                        const char       *sql,
                                        GError          **error);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK. Rollback never fails loudly. */
gboolean  mops_db_begin                (sqlite3          *db,
                                        GError          **error);
gboolean  mops_db_commit               (sqlite3          *db,
                                        GError          **error);
void      mops_db_rollback             (sqlite3          *db);

/* The writes of one domain function, all or nothing, whether or not the caller holds a
 * transaction (mops_library_begin()): on its own the function gets a transaction of its own
 * (BEGIN IMMEDIATE … COMMIT); inside the caller's it gets a savepoint, released into that
 * transaction, whose end the caller decides. *@out_nested says which; pass it on to
 * mops_db_commit_write() or mops_db_rollback_write(). */
gboolean  mops_db_begin_write          (sqlite3          *db,
                                        gboolean         *out_nested,
                                        GError          **error);
gboolean  mops_db_commit_write         (sqlite3          *db,
                                        gboolean          nested,
                                        GError          **error);
void      mops_db_rollback_write       (sqlite3          *db,
                                        gboolean          nested);

/* Prepares @sql; on failure sets a MOPS_ERROR_DATABASE error. */
sqlite3_stmt *mops_db_prepare          (sqlite3          *db,
                                        const char       *sql,
                                        GError          **error);

/* Sets @error from the connection's last error, prefixed by @what. Returns FALSE. */
gboolean  mops_db_set_error            (sqlite3          *db,
                                        GError          **error,
                                        const char       *what);

/* Runs a query returning one integer (SELECT count(*) …); -1 on error. */
gint64    mops_db_query_int            (sqlite3          *db,
                                        const char       *sql,
                                        GError          **error);

/* Whether @sql (one "?" bound to @id, e.g. "SELECT 1 FROM tags WHERE id = ?") returns a row,
 * in @out_exists; FALSE with @error only when the database cannot be read. */
gboolean  mops_db_row_exists           (sqlite3          *db,
                                        const char       *sql,
                                        gint64            id,
                                        gboolean         *out_exists,
                                        GError          **error);

/* @ids as a JSON array ("[3,5,8]"), to bind where a statement reads many ids at once with
 * "IN (SELECT value FROM json_each (?))". Free with g_free(). */
char     *mops_db_ids_to_json          (const gint64     *ids,
                                        guint             n_ids);

/* Binds NULL for a NULL string, else the UTF-8 text (transient). */
int       mops_db_bind_text_or_null    (sqlite3_stmt     *stmt,
                                        int               index,
                                        const char       *text);

/* The number of commits made through connections this process opened with mops_db_open(),
 * whichever thread: PRAGMA data_version says that *another* connection committed, this says
 * whether it may have been one of ours. */
guint     mops_db_get_own_commits      (void);

/* ---- Migrations --------------------------------------------------------------------------- */


typedef gboolean (*MopsMigrationFunc) (sqlite3  *db,
                                       GError  **error);

/* One step from version - 1 to version: SQL, or a function for steps SQL cannot say. */
typedef struct
{
  int                version;
  const char        *sql;
  MopsMigrationFunc  func;
} MopsMigration;

extern const char mops_schema_v1_sql[];

/* The migrations of this build, in order; *n_migrations is set to their count. */
const MopsMigration *mops_db_get_migrations (guint *n_migrations);

/* mops_db_open() with another migration table: the tests inject a version 2 this way. */
sqlite3 *mops_db_open_with_migrations (const char          *path,
                                       MopsDbOpenFlags      flags,
                                       const MopsMigration *migrations,
                                       guint                n_migrations,
                                       GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
