/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-db.c — library.db: creation, reopening, migrations, refusals, constraints */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "core/mops-db-private.h"
#include "core/mops-error.h"
#include "mops-test-util.h"

/* Every table of the design's data model that schema v1 must hold. */
static const char *v1_tables[] = {
  "settings", "people", "assets", "asset_meta", "asset_fts", "tags", "asset_tags",
  "collections", "collection_assets", "saved_searches", "licences", "licence_assets",
  "licence_media", "licence_territories", "channels", "campaigns", "content_items",
  "content_overrides", "content_assets", "content_comments", "content_tasks", "fiscal_years",
  "teams", "categories", "budget_lines", "plan_snapshots", "plan_snapshot_lines",
  "subscriptions", "spend_requests", "expenses", "brand_kits", "kit_items", "kit_colors",
  "kit_fonts", "kit_voice",
};

typedef struct
{
  char *dir;
  char *db_path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->dir = mops_test_make_tmp_dir ();
  fixture->db_path = g_build_filename (fixture->dir, "library.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  mops_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_path);
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = mops_db_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static sqlite3 *
open_ok (const char      *path,
         MopsDbOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = mops_db_open (path, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

static void
test_create_sets_schema_and_pragmas (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  sqlite3 *db = open_ok (fixture->db_path, MOPS_DB_OPEN_CREATE);
  g_autofree char *journal = query_text (db, "PRAGMA journal_mode");

  g_assert_cmpint (mops_db_get_schema_version (db), ==, MOPS_DB_SCHEMA_VERSION);
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpint (mops_db_query_int (db, "PRAGMA foreign_keys", NULL), ==, 1);
  g_assert_cmpint (mops_db_query_int (db, "PRAGMA application_id", NULL), ==, MOPS_DB_APPLICATION_ID);

  for (guint i = 0; i < G_N_ELEMENTS (v1_tables); i++)
    {
      g_autoptr(sqlite3_stmt) stmt =
        mops_db_prepare (db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", NULL);

      sqlite3_bind_text (stmt, 1, v1_tables[i], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      if (sqlite3_column_int (stmt, 0) != 1)
        g_error ("table %s is missing from schema v1", v1_tables[i]);
    }

  /* A new database is not migrated, so no backup is written. */
  {
    g_autofree char *backup = g_strconcat (fixture->db_path, ".v0.bak", NULL);
    g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  }

  mops_db_close (db);
}

/* Schema v1 is frozen: its DDL must stay exactly what tests/fixtures/schema-v1.sql holds, so
 * a change to it fails here and is written as a migration instead. */
static void
test_schema_v1_matches_frozen_fixture (Fixture       *fixture,
                                       gconstpointer  user_data)
{
  sqlite3 *db = open_ok (fixture->db_path, MOPS_DB_OPEN_CREATE);
  g_autofree char *fixture_path = g_build_filename (MOPS_TEST_FIXTURES_DIR, "schema-v1.sql", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GString) actual = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = mops_db_prepare (db,
                          "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL "
                          "AND name NOT LIKE 'asset_fts_%' ORDER BY type, name",
                          NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (actual, "%s;\n", sqlite3_column_text (stmt, 0));

  g_file_get_contents (fixture_path, &expected, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (actual->str, ==, expected);

  mops_db_close (db);
}

static void
test_reopen_keeps_data (Fixture       *fixture,
                        gconstpointer  user_data)
{
  sqlite3 *db = open_ok (fixture->db_path, MOPS_DB_OPEN_CREATE);
  g_autofree char *name = NULL;
  g_autofree char *backup = g_strconcat (fixture->db_path, ".v1.bak", NULL);

  g_assert_true (mops_db_exec (db, "INSERT INTO people (name, role) VALUES ('Åsa Lindqvist', 'Brand lead')", NULL));
  mops_db_close (db);

  db = open_ok (fixture->db_path, MOPS_DB_OPEN_DEFAULT);
  name = query_text (db, "SELECT name FROM people");
  g_assert_cmpstr (name, ==, "Åsa Lindqvist");
  g_assert_cmpint (mops_db_get_schema_version (db), ==, MOPS_DB_SCHEMA_VERSION);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  mops_db_close (db);
}

static gboolean
migration_v2_func (sqlite3  *db,
                   GError  **error)
{
  return mops_db_exec (db, "UPDATE people SET phone = '+49 30 1234567' WHERE phone IS NULL", error);
}

/* The migration table of this build plus a version 2 that only exists in this test. */
static MopsMigration *
make_migrations_with_v2 (const char        *v2_sql,
                         MopsMigrationFunc  v2_func,
                         guint             *n_out)
{
  guint n = 0;
  const MopsMigration *base = mops_db_get_migrations (&n);
  MopsMigration *table = g_new0 (MopsMigration, n + 1);

  memcpy (table, base, n * sizeof *table);
  table[n].version = base[n - 1].version + 1;
  table[n].sql = v2_sql;
  table[n].func = v2_func;
  *n_out = n + 1;
  return table;
}

static void
test_migrate_from_older_version (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree MopsMigration *table = NULL;
  g_autofree char *backup = g_strconcat (fixture->db_path, ".v1.bak", NULL);
  g_autofree char *phone = NULL;
  g_autofree char *name = NULL;
  sqlite3 *db;
  guint n;

  db = open_ok (fixture->db_path, MOPS_DB_OPEN_CREATE);
  g_assert_true (mops_db_exec (db, "INSERT INTO people (name) VALUES ('Мария Иванова')", NULL));
  mops_db_close (db);

  table = make_migrations_with_v2 ("ALTER TABLE people ADD COLUMN phone TEXT", migration_v2_func, &n);
  db = mops_db_open_with_migrations (fixture->db_path, MOPS_DB_OPEN_DEFAULT, table, n, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  g_assert_cmpint (mops_db_get_schema_version (db), ==, MOPS_DB_SCHEMA_VERSION + 1);
  phone = query_text (db, "SELECT phone FROM people");
  g_assert_cmpstr (phone, ==, "+49 30 1234567");
  g_assert_cmpint (mops_db_query_int (db, "PRAGMA foreign_keys", NULL), ==, 1);
  mops_db_close (db);

  /* The backup is a complete copy of the library as it was before the migration. */
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  db = open_ok (backup, MOPS_DB_OPEN_READ_ONLY);
  g_assert_cmpint (mops_db_get_schema_version (db), ==, MOPS_DB_SCHEMA_VERSION);
  name = query_text (db, "SELECT name FROM people");
  g_assert_cmpstr (name, ==, "Мария Иванова");
  mops_db_close (db);

  /* Opening again with the same table is a no-op. */
  db = mops_db_open_with_migrations (fixture->db_path, MOPS_DB_OPEN_DEFAULT, table, n, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mops_db_get_schema_version (db), ==, MOPS_DB_SCHEMA_VERSION + 1);
  mops_db_close (db);
}

static void
test_failed_migration_rolls_back (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree MopsMigration *table = NULL;
  sqlite3 *db;
  guint n;

  db = open_ok (fixture->db_path, MOPS_DB_OPEN_CREATE);
  g_assert_true (mops_db_exec (db, "INSERT INTO people (name) VALUES ('Kenji Sato')", NULL));
  mops_db_close (db);

  /* The first statement succeeds, the second fails: the whole step must be undone. */
  table = make_migrations_with_v2 ("ALTER TABLE people ADD COLUMN phone TEXT;"
                                   "INSERT INTO no_such_table VALUES (1);",
                                   NULL, &n);
  db = mops_db_open_with_migrations (fixture->db_path, MOPS_DB_OPEN_DEFAULT, table, n, &error);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_DATABASE);
  g_assert_null (db);
  g_assert_nonnull (strstr (error->message, "version 2"));

  db = open_ok (fixture->db_path, MOPS_DB_OPEN_DEFAULT);
  g_assert_cmpint (mops_db_get_schema_version (db), ==, MOPS_DB_SCHEMA_VERSION);
  g_assert_cmpint (mops_db_query_int (db, "SELECT count(*) FROM pragma_table_info('people') WHERE name = 'phone'", NULL), ==, 0);
  g_assert_cmpint (mops_db_query_int (db, "SELECT count(*) FROM people", NULL), ==, 1);
  mops_db_close (db);
}

static void
test_migration_breaking_foreign_keys_is_refused (Fixture       *fixture,
                                                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree MopsMigration *table = NULL;
  sqlite3 *db;
  guint n;

  db = open_ok (fixture->db_path, MOPS_DB_OPEN_CREATE);
  g_assert_true (mops_db_exec (db, "INSERT INTO people (id, name) VALUES (1, 'Kenji Sato');"
                                   "INSERT INTO teams (name, lead_id) VALUES ('Content', 1)", NULL));
  mops_db_close (db);

  table = make_migrations_with_v2 ("DELETE FROM people", NULL, &n);
  /* ON DELETE SET NULL does not fire while foreign keys are off, so the check must catch it. */
  db = mops_db_open_with_migrations (fixture->db_path, MOPS_DB_OPEN_DEFAULT, table, n, &error);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_CORRUPT);
  g_assert_null (db);

  db = open_ok (fixture->db_path, MOPS_DB_OPEN_DEFAULT);
  g_assert_cmpint (mops_db_query_int (db, "SELECT count(*) FROM people", NULL), ==, 1);
  mops_db_close (db);
}

static void
test_refuses_newer_library (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = open_ok (fixture->db_path, MOPS_DB_OPEN_CREATE);

  g_assert_true (mops_db_exec (db, "PRAGMA user_version = 99", NULL));
  mops_db_close (db);

  db = mops_db_open (fixture->db_path, MOPS_DB_OPEN_DEFAULT, &error);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_TOO_NEW);
  g_assert_null (db);
  g_assert_nonnull (strstr (error->message, "newer version of Mops"));
  g_assert_nonnull (strstr (error->message, fixture->db_path));
  g_clear_error (&error);

  /* Refusing it touched nothing. */
  {
    sqlite3 *raw = NULL;
    g_assert_cmpint (sqlite3_open_v2 (fixture->db_path, &raw, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (mops_db_get_schema_version (raw), ==, 99);
    sqlite3_close_v2 (raw);
  }
}

static void
test_refuses_file_that_is_not_a_database (Fixture       *fixture,
                                          gconstpointer  user_data)
{
  static const char garbage[] = "%PDF-1.7\nthis is not an SQLite database, it only sits where one should\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *path = mops_test_write_file (fixture->dir, "library.db", garbage, sizeof garbage - 1);
  g_autofree char *copy = g_build_filename (fixture->dir, "copy", NULL);
  sqlite3 *db;

  g_assert_true (g_file_set_contents (copy, garbage, sizeof garbage - 1, NULL));

  db = mops_db_open (path, MOPS_DB_OPEN_CREATE, &error);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_A_DATABASE);
  g_assert_null (db);
  g_assert_nonnull (strstr (error->message, "library.db"));
  g_assert_true (mops_test_files_equal (path, copy));
}

static void
test_refuses_database_of_another_program (Fixture       *fixture,
                                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *raw = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (fixture->db_path, &raw), ==, SQLITE_OK);
  g_assert_true (mops_db_exec (raw, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)", NULL));
  sqlite3_close (raw);

  db = mops_db_open (fixture->db_path, MOPS_DB_OPEN_CREATE, &error);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_A_LIBRARY);
  g_assert_null (db);
}

static void
test_refuses_missing_without_create (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = mops_db_open (fixture->db_path, MOPS_DB_OPEN_DEFAULT, &error);

  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NO_LIBRARY);
  g_assert_null (db);
  g_assert_false (g_file_test (fixture->db_path, G_FILE_TEST_EXISTS));
}

static void
test_read_only_never_writes (Fixture       *fixture,
                             gconstpointer  user_data)
{
  sqlite3 *db = open_ok (fixture->db_path, MOPS_DB_OPEN_CREATE);

  mops_db_close (db);
  db = open_ok (fixture->db_path, MOPS_DB_OPEN_READ_ONLY);
  g_assert_false (mops_db_exec (db, "INSERT INTO people (name) VALUES ('x')", NULL));
  g_assert_cmpint (mops_db_query_int (db, "SELECT count(*) FROM people", NULL), ==, 0);
  mops_db_close (db);
}

static void
test_constraints_guard_the_data (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  sqlite3 *db = open_ok (fixture->db_path, MOPS_DB_OPEN_CREATE);

  g_assert_true (mops_db_exec (db,
    "INSERT INTO assets (id, sha256, stored_path, original_name, mime, size, imported_at, modified_at)"
    " VALUES (1, printf('%064d', 1), 'files/00/x.png', 'x.png', 'image/png', 10, 0, 0);"
    "INSERT INTO content_items (id, uid, title, created_at, modified_at) VALUES (1, 'u1', 'Launch post', 0, 0);"
    "INSERT INTO content_assets (content_item_id, asset_id) VALUES (1, 1);", NULL));

  /* Dates, money, media and hex colours are checked by the schema itself. */
  g_assert_false (mops_db_exec (db, "INSERT INTO licences (kind, expires_on, created_at, modified_at) VALUES ('owned', '2026-02-30', 0, 0)", NULL));
  g_assert_false (mops_db_exec (db, "INSERT INTO licences (kind, expires_on, created_at, modified_at) VALUES ('owned', '23.11.2026', 0, 0)", NULL));
  g_assert_false (mops_db_exec (db, "INSERT INTO licences (kind, created_at, modified_at) VALUES ('stolen', 0, 0)", NULL));
  g_assert_false (mops_db_exec (db, "INSERT INTO licences (kind, cost, created_at, modified_at) VALUES ('owned', 1250, 0, 0)", NULL));
  g_assert_false (mops_db_exec (db, "INSERT INTO licences (kind, starts_on, expires_on, created_at, modified_at) VALUES ('owned', '2026-05-01', '2026-04-30', 0, 0)", NULL));
  g_assert_true (mops_db_exec (db, "INSERT INTO licences (kind, starts_on, expires_on, cost, currency, created_at, modified_at) VALUES ('royalty_free', '2026-01-01', '2026-12-31', 1250, 'EUR', 0, 0)", NULL));
  g_assert_false (mops_db_exec (db, "INSERT INTO licence_media VALUES (1, 'radio')", NULL));
  g_assert_false (mops_db_exec (db, "INSERT INTO kit_colors (kit_id, name, hex) VALUES (1, 'Red', 'red')", NULL));
  g_assert_false (mops_db_exec (db, "INSERT INTO budget_lines (fiscal_year_id, team_id, category_id, month) VALUES (1, 1, 1, '2026-13')", NULL));

  /* Foreign keys are on: no link to a missing asset, and an asset in use cannot be deleted. */
  g_assert_false (mops_db_exec (db, "INSERT INTO content_assets (content_item_id, asset_id) VALUES (1, 42)", NULL));
  g_assert_false (mops_db_exec (db, "DELETE FROM assets WHERE id = 1", NULL));
  g_assert_cmpint (mops_db_query_int (db, "SELECT count(*) FROM assets", NULL), ==, 1);

  /* Tags are unique per parent, also at the top level where parent_id is NULL. */
  g_assert_true (mops_db_exec (db, "INSERT INTO tags (id, name) VALUES (1, 'Brand')", NULL));
  g_assert_false (mops_db_exec (db, "INSERT INTO tags (name) VALUES ('Brand')", NULL));
  g_assert_true (mops_db_exec (db, "INSERT INTO tags (parent_id, name) VALUES (1, 'Brand')", NULL));

  mops_db_close (db);
}

static void
test_search_index_follows_search_text (Fixture       *fixture,
                                       gconstpointer  user_data)
{
  sqlite3 *db = open_ok (fixture->db_path, MOPS_DB_OPEN_CREATE);

  g_assert_true (mops_db_exec (db,
    "INSERT INTO assets (id, sha256, stored_path, original_name, mime, size, imported_at, modified_at, search_text)"
    " VALUES (7, printf('%064d', 7), 'files/00/y.png', '会社ロゴ.png', 'image/png', 10, 0, 0, '会社ロゴ.png');", NULL));
  g_assert_cmpint (mops_db_query_int (db, "SELECT rowid FROM asset_fts WHERE asset_fts MATCH '\"社ロゴ\"'", NULL), ==, 7);

  g_assert_true (mops_db_exec (db, "UPDATE assets SET search_text = 'логотип компании' WHERE id = 7", NULL));
  g_assert_cmpint (mops_db_query_int (db, "SELECT count(*) FROM asset_fts WHERE asset_fts MATCH '\"社ロゴ\"'", NULL), ==, 0);
  g_assert_cmpint (mops_db_query_int (db, "SELECT rowid FROM asset_fts WHERE asset_fts MATCH '\"логотип\"'", NULL), ==, 7);

  g_assert_true (mops_db_exec (db, "DELETE FROM assets WHERE id = 7", NULL));
  g_assert_cmpint (mops_db_query_int (db, "SELECT count(*) FROM asset_fts WHERE asset_fts MATCH '\"логотип\"'", NULL), ==, 0);
  mops_db_close (db);
}

/* Many ids in one statement: the JSON array json_each() reads back as the same ids. */
static void
test_ids_to_json (Fixture       *fixture,
                  gconstpointer  user_data)
{
  sqlite3 *db = open_ok (fixture->db_path, MOPS_DB_OPEN_CREATE);
  static const gint64 ids[] = { 1, 42, G_MAXINT64 };
  g_autofree char *none = mops_db_ids_to_json (NULL, 0);
  g_autofree char *three = mops_db_ids_to_json (ids, G_N_ELEMENTS (ids));
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM json_each ('%s') WHERE value IN (1, 42, %" G_GINT64_FORMAT ")",
                                          three, G_MAXINT64);

  g_assert_cmpstr (none, ==, "[]");
  g_assert_cmpstr (three, ==, "[1,42,9223372036854775807]");
  g_assert_cmpint (mops_db_query_int (db, sql, NULL), ==, 3);
  mops_db_close (db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/db/create/sets-schema-wal-and-foreign-keys", test_create_sets_schema_and_pragmas);
  ADD ("/db/create/schema-v1-matches-the-frozen-fixture", test_schema_v1_matches_frozen_fixture);
  ADD ("/db/reopen/keeps-data-without-migrating", test_reopen_keeps_data);
  ADD ("/db/migrate/from-an-older-version-with-a-backup", test_migrate_from_older_version);
  ADD ("/db/migrate/failure-rolls-back-the-whole-step", test_failed_migration_rolls_back);
  ADD ("/db/migrate/broken-links-are-refused", test_migration_breaking_foreign_keys_is_refused);
  ADD ("/db/refuse/a-newer-library", test_refuses_newer_library);
  ADD ("/db/refuse/a-file-that-is-not-a-database", test_refuses_file_that_is_not_a_database);
  ADD ("/db/refuse/a-database-of-another-program", test_refuses_database_of_another_program);
  ADD ("/db/refuse/a-missing-file-without-create", test_refuses_missing_without_create);
  ADD ("/db/read-only/never-writes", test_read_only_never_writes);
  ADD ("/db/schema/constraints-guard-the-data", test_constraints_guard_the_data);
  ADD ("/db/schema/search-index-follows-search-text", test_search_index_follows_search_text);
  ADD ("/db/ids/as-a-json-array", test_ids_to_json);
#undef ADD

  return g_test_run ();
}
