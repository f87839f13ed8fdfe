/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-db.h — opening library.db: schema versions, migrations, pragmas
 *
 * Conventions for every table (schema v1 is frozen; later versions are numbered migrations):
 *  - calendar dates (starts_on, expires_on, expense date, renews_on, …) are TEXT "YYYY-MM-DD",
 *    budget months TEXT "YYYY-MM";
 *  - instants (imported_at, modified_at, trashed_at, decided_at, published_at, created_at of
 *    rows) are INTEGER Unix seconds, UTC; assets.created_at is the capture date, NULL when the
 *    file does not say;
 *  - publish_at and due_at are TEXT local wall time "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM";
 *  - money is INTEGER minor units beside an ISO 4217 code, never a double;
 *  - "now" comes from mops_clock_now(), which honours MOPS_NOW.
 * Only src/core sees SQL: everything else calls typed functions. */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The schema version this build creates and reads. */
#define MOPS_DB_SCHEMA_VERSION 1

/* PRAGMA application_id of every library.db: "MOPS" */
#define MOPS_DB_APPLICATION_ID 0x4D4F5053

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
