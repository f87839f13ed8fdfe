/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-demo.c — the demo data set: every table filled, every licence status, determinism */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "core/mops-asset-store.h"
#include "core/mops-clock.h"
#include "core/mops-db-private.h"
#include "core/mops-error.h"
#include "core/mops-library-private.h"
#include "core/mops-library.h"
#include "core/mops-licence-metadata.h"
#include "core/mops-licences.h"
#include "demo/mops-demo.h"
#include "mops-test-util.h"

/* A Monday in late autumn; UTC+1 in Oslo (the test sets TZ). */
#define DEMO_NOW "2026-11-23T09:00:00+01:00"

typedef struct
{
  char        *dir;
  MopsLibrary *library;
  sqlite3     *db;
  char        *today;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = mops_test_make_tmp_dir ();
  path = g_build_filename (fixture->dir, "Fjellvind demo", NULL);
  fixture->library = mops_library_open (path, MOPS_LIBRARY_OPEN_CREATE | MOPS_LIBRARY_OPEN_LOCK,
                                        &error);
  g_assert_no_error (error);
  fixture->db = mops_library_get_db (fixture->library);
  fixture->today = mops_clock_today_string ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->library);
  mops_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->today);
}

static void
generate (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = mops_demo_generate (fixture->library, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

/* Runs a query returning one integer, with ?1 bound to today. */
static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (fixture->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_text (stmt, 1, fixture->today, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* The schema's own tables: not SQLite's, not the full-text index's shadow tables. */
static GPtrArray *
list_tables (sqlite3  *db,
             gboolean  with_fts)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name FROM sqlite_master WHERE type = 'table'"
                                       " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                                       " AND (?1 OR name NOT LIKE 'asset\\_fts%' ESCAPE '\\')"
                                       " ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int (stmt, 1, with_fts);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));

  return g_steal_pointer (&tables);
}

/* Every row of @table, ordered by all of its columns (ids first where a table has them), as
 * text with types and blobs in hex: two equal dumps mean equal rows. */
static char *
dump_table (sqlite3    *db,
            const char *table)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *probe = g_strdup_printf ("SELECT * FROM \"%s\" LIMIT 0", table);
  int n_columns;

  g_assert_cmpint (sqlite3_prepare_v2 (db, probe, -1, &stmt, NULL), ==, SQLITE_OK);
  n_columns = sqlite3_column_count (stmt);
  g_clear_pointer (&stmt, sqlite3_finalize);

  g_string_printf (sql, "SELECT * FROM \"%s\" ORDER BY ", table);
  for (int c = 1; c <= n_columns; c++)
    g_string_append_printf (sql, c > 1 ? ", %d" : "%d", c);

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < n_columns; c++)
        {
          int type = sqlite3_column_type (stmt, c);

          g_string_append_printf (out, "%d:", type);
          if (type == SQLITE_BLOB)
            {
              const guchar *blob = sqlite3_column_blob (stmt, c);
              int len = sqlite3_column_bytes (stmt, c);

              for (int i = 0; i < len; i++)
                g_string_append_printf (out, "%02x", blob[i]);
            }
          else if (type != SQLITE_NULL)
            g_string_append (out, (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (out, '\t');
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
dump_database (sqlite3 *db)
{
  g_autoptr(GPtrArray) tables = list_tables (db, TRUE);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *rows = dump_table (db, tables->pdata[i]);

      g_string_append_printf (out, "== %s\n%s", (const char *) tables->pdata[i], rows);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* "relative/path sha256" for every file under @root, sorted. */
static void
collect_files (const char *root,
               const char *relative,
               GPtrArray  *out)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child_relative = g_build_filename (relative, name, NULL);
      g_autofree char *child = g_build_filename (root, child_relative, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        collect_files (root, child_relative, out);
      else
        {
          g_autofree char *contents = NULL;
          g_autofree char *sha256 = NULL;
          gsize len;

          g_assert_true (g_file_get_contents (child, &contents, &len, NULL));
          sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
          g_ptr_array_add (out, g_strdup_printf ("%s %s", child_relative, sha256));
        }
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
list_files (MopsLibrary *library)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  collect_files (mops_library_get_path (library), "files", files);
  g_ptr_array_sort (files, compare_strings);
  g_ptr_array_add (files, NULL);
  return g_strjoinv ("\n", (char **) files->pdata);
}

static void
assert_foreign_keys_and_integrity (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) fk = NULL;
  g_autoptr(sqlite3_stmt) integrity = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &fk, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (fk), ==, SQLITE_DONE);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &integrity, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (integrity), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (integrity, 0), ==, "ok");
}

/* ------------------------------------------------------------------ tests */

static void
test_fills_every_table (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GPtrArray) tables = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr(GDir) tmp_dir = NULL;
  gint64 start = g_get_monotonic_time ();

  generate (fixture);
  g_test_message ("generated in %.0f ms", (g_get_monotonic_time () - start) / 1000.0);

  /* a table added by a later migration without demo rows fails here */
  tables = list_tables (fixture->db, FALSE);
  g_assert_cmpuint (tables->len, >=, 34);
  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"",
                                              (const char *) tables->pdata[i]);

      g_test_message ("%s: %" G_GINT64_FORMAT " rows", (const char *) tables->pdata[i],
                      query_int (fixture, sql));
      if (query_int (fixture, sql) == 0)
        g_error ("the demo leaves table “%s” empty", (const char *) tables->pdata[i]);
    }

  g_assert_false (mops_library_is_empty (fixture->library));
  assert_foreign_keys_and_integrity (fixture->db);

  /* the brief's shape: 8–10 people with a non-ASCII name, a fiscal year containing today */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM people"), >=, 8);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM people WHERE name GLOB '*[^ -~]*'"), >, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM fiscal_years WHERE starts_on <= ?1"
                                       " AND ?1 < date(starts_on, '+1 year')"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM assets WHERE original_name IN"
                                       " ('会社ロゴ.png', 'Логотип компании.svg', 'Größenübersicht.pdf')"), ==, 3);
  /* about eighty assets to browse (records aside), each with a tag; every kind of file the
   * type filter knows but video; names in four more scripts and languages for the search */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM assets WHERE role = 'asset'"), >=, 75);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM assets a WHERE NOT EXISTS"
                                       " (SELECT 1 FROM asset_tags t WHERE t.asset_id = a.id)"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(DISTINCT CASE WHEN mime = 'image/svg+xml' THEN 'vector'"
                                       " WHEN mime LIKE 'image/%' THEN 'image' WHEN mime LIKE 'font/%' THEN 'font'"
                                       " WHEN mime = 'application/pdf' OR mime LIKE 'text/%' THEN 'document'"
                                       " ELSE 'other' END) FROM assets"), >=, 4);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM assets WHERE original_name IN"
                                       " ('北アルプス縦走.png', '商品説明 – ストームシェル.txt',"
                                       " 'Описание товара – термос Fjell.txt',"
                                       " 'Produktbeschreibung – Trail Runner X für Händler.md',"
                                       " 'Munții Făgăraș la răsărit.png',"
                                       " 'Fișă tehnică și texte pentru rețele sociale – Storm Shell.md')"), ==, 6);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM tags WHERE parent_id IS NULL"
                                       " AND name IN ('Products', 'Campaigns', 'Places', 'Seasons', 'People')"), ==, 5);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM saved_searches WHERE filters IS NOT NULL"
                                       " AND NOT json_valid(filters)"), ==, 0);
  /* every content status, the recurring items and their overrides */
  g_assert_cmpint (query_int (fixture, "SELECT count(DISTINCT status) FROM content_items"), ==, 6);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM content_items WHERE status = 'published'"
                                       " AND (publish_at >= ?1 OR published_at IS NULL OR url IS NULL)"
                                       " AND channel_id NOT IN (SELECT id FROM channels WHERE medium = 'outdoor')"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM content_items WHERE publish_at IS NULL"), >, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM content_items WHERE rrule = 'FREQ=WEEKLY;BYDAY=TU'"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM content_overrides WHERE cancelled = 1"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM content_overrides WHERE cancelled = 0"
                                       " AND publish_at IS NOT NULL"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM content_items WHERE uid NOT LIKE '%@demo.mops'"), ==, 0);
  /* money: a refund, foreign currencies converted at their rate, one receipt, one licence */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM expenses WHERE amount < 0"), >, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM expenses WHERE currency <> 'EUR'"), >, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM expenses WHERE currency = 'EUR'"
                                       " AND (rate <> '1' OR base_amount <> amount)"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM expenses WHERE date > ?1"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM expenses e JOIN assets a"
                                       " ON a.id = e.receipt_asset_id WHERE a.role = 'record'"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM expenses WHERE licence_id IS NOT NULL"), >, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM plan_snapshots WHERE is_baseline = 1"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(DISTINCT status) FROM spend_requests"), ==, 3);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM subscriptions WHERE cancelled_on IS NULL"
                                       " AND date(renews_on, '-' || notice_days || ' days')"
                                       "   BETWEEN ?1 AND date(?1, '+14 days') AND notice_days > 0"), >=, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM brand_kits WHERE name = 'Fjellvind Brand Kit'"
                                       " AND version = '2.1'"), ==, 1);

  /* the staging folder is gone */
  tmp = g_build_filename (mops_library_get_path (fixture->library), "tmp", NULL);
  tmp_dir = g_dir_open (tmp, 0, NULL);
  g_assert_nonnull (tmp_dir);
  g_assert_null (g_dir_read_name (tmp_dir));
}

/* The demo writes its rows directly; its licence "from file metadata" must be the one the
 * previews would pre-fill from the rights fields it stores for that photo. */
static void
check_metadata_licence_matches_the_embedded_fields (Fixture *fixture)
{
  g_autoptr(GHashTable) meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(MopsLicence) built = NULL;
  g_autoptr(MopsLicence) stored = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gint64 licence_id, asset_id;

  licence_id = query_int (fixture, "SELECT id FROM licences WHERE source = 'metadata' AND confirmed = 0");
  asset_id = query_int (fixture, "SELECT asset_id FROM licence_assets WHERE licence_id ="
                                 " (SELECT id FROM licences WHERE source = 'metadata')");
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM licence_assets WHERE licence_id ="
                                       " (SELECT id FROM licences WHERE source = 'metadata')"), ==, 1);

  g_assert_cmpint (sqlite3_prepare_v2 (fixture->db,
                                       "SELECT key, value FROM asset_meta WHERE asset_id = ? AND seq = 0",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, asset_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (meta, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));

  built = mops_licence_from_metadata (meta);
  stored = mops_licences_load (fixture->library, licence_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (built);
  g_assert_cmpstr (built->licensor, ==, stored->licensor);
  g_assert_cmpint (built->kind, ==, stored->kind);
  g_assert_cmpstr (built->starts_on, ==, stored->starts_on);
  g_assert_cmpstr (built->expires_on, ==, stored->expires_on);
  g_assert_cmpstr (built->reference, ==, stored->reference);
  g_assert_false (stored->confirmed);
  g_assert_cmpint (stored->source, ==, MOPS_LICENCE_SOURCE_METADATA);

  /* …and it is marked as made, as the previews mark it */
  g_assert_cmpint (query_int (fixture, "SELECT value FROM asset_meta WHERE key = '"
                                       MOPS_LICENCE_METADATA_MARKER "'"), ==, licence_id);
}

/* Licence status per design §12, for a licence on its own: its dates against today. */
static void
test_licences_in_every_status (Fixture       *fixture,
                               gconstpointer  user_data)
{
  generate (fixture);

  /* active, long-running and perpetual */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM licences WHERE (starts_on IS NULL OR starts_on <= ?1)"
                                       " AND expires_on > date(?1, '+30 days')"), >, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM licences WHERE kind = 'owned'"
                                       " AND starts_on IS NULL AND expires_on IS NULL"), >, 0);
  /* expiring within the warning period */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM licences WHERE (starts_on IS NULL OR starts_on <= ?1)"
                                       " AND expires_on BETWEEN ?1 AND date(?1, '+' ||"
                                       " (SELECT value FROM settings WHERE key = 'expiry_warning_days') || ' days')"), >, 0);
  /* expired, and pending (starts later) */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM licences WHERE expires_on < ?1"), >, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM licences WHERE starts_on > ?1"), >, 0);
  /* a renewal chain: one ends yesterday, the next for the same asset starts today */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM licences old"
                                       " JOIN licence_assets oa ON oa.licence_id = old.id"
                                       " JOIN licence_assets na ON na.asset_id = oa.asset_id"
                                       " JOIN licences new ON new.id = na.licence_id"
                                       " WHERE old.expires_on = date(?1, '-1 day') AND new.starts_on = ?1"), ==, 1);
  /* Creative Commons, the unconfirmed one from metadata, territories, a contract record */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM licences WHERE kind = 'creative_commons'"
                                       " AND cc_variant IS NOT NULL AND cc_version IS NOT NULL"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM licences WHERE confirmed = 0"
                                       " AND source = 'metadata'"), ==, 1);
  check_metadata_licence_matches_the_embedded_fields (fixture);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM licences l WHERE worldwide = 0 AND"
                                       " (SELECT count(*) FROM licence_territories t WHERE t.licence_id = l.id) >= 3"), >, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM licences l JOIN assets a"
                                       " ON a.id = l.contract_asset_id WHERE a.role = 'record'"), ==, 1);

  /* Assets: at least two plain assets with no licence at all ("missing") */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM assets a WHERE role = 'asset'"
                                       " AND trashed_at IS NULL AND NOT EXISTS"
                                       " (SELECT 1 FROM licence_assets la WHERE la.asset_id = a.id)"), >=, 2);
  /* and records are never linked as licensed assets */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM licence_assets la JOIN assets a"
                                       " ON a.id = la.asset_id WHERE a.role = 'record'"), ==, 0);
}

/* What the calendar check and the notification will find: scheduled content in the next two
 * weeks using a photo whose licence is expiring (and ends before the item goes out), and one
 * using a photo whose licence has already expired. */
static void
test_scheduled_content_uses_expiring_and_expired_photos (Fixture       *fixture,
                                                         gconstpointer  user_data)
{
  generate (fixture);

  g_assert_cmpint (query_int (fixture,
                              "SELECT count(*) FROM content_items c"
                              " JOIN content_assets ca ON ca.content_item_id = c.id"
                              " JOIN assets a ON a.id = ca.asset_id AND a.mime LIKE 'image/%'"
                              " JOIN licence_assets la ON la.asset_id = a.id"
                              " JOIN licences l ON l.id = la.licence_id"
                              " WHERE c.status = 'scheduled' AND c.rrule IS NULL"
                              " AND substr(c.publish_at, 1, 10) BETWEEN ?1 AND date(?1, '+14 days')"
                              " AND l.expires_on BETWEEN ?1 AND date(?1, '+30 days')"
                              " AND l.expires_on <= substr(c.publish_at, 1, 10)"), >=, 1);

  g_assert_cmpint (query_int (fixture,
                              "SELECT count(*) FROM content_items c"
                              " JOIN content_assets ca ON ca.content_item_id = c.id"
                              " JOIN assets a ON a.id = ca.asset_id"
                              " WHERE c.status = 'scheduled'"
                              " AND substr(c.publish_at, 1, 10) BETWEEN ?1 AND date(?1, '+14 days')"
                              " AND EXISTS (SELECT 1 FROM licence_assets la JOIN licences l"
                              "   ON l.id = la.licence_id WHERE la.asset_id = a.id AND l.expires_on < ?1)"
                              " AND NOT EXISTS (SELECT 1 FROM licence_assets la JOIN licences l"
                              "   ON l.id = la.licence_id WHERE la.asset_id = a.id"
                              "   AND (l.starts_on IS NULL OR l.starts_on <= ?1)"
                              "   AND (l.expires_on IS NULL OR ?1 <= l.expires_on))"), >=, 1);

  /* published content still using a photo whose licence has since expired (take-down) */
  g_assert_cmpint (query_int (fixture,
                              "SELECT count(*) FROM content_items c"
                              " JOIN content_assets ca ON ca.content_item_id = c.id"
                              " JOIN licence_assets la ON la.asset_id = ca.asset_id"
                              " JOIN licences l ON l.id = la.licence_id"
                              " WHERE c.status = 'published' AND l.expires_on < ?1"), >=, 1);
}

static void
test_refuses_a_library_that_is_not_empty (Fixture       *fixture,
                                          gconstpointer  user_data)
{
  static const char text[] = "A file someone imported before trying the demo.\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *source = mops_test_write_file (fixture->dir, "notes.txt", text, -1);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *files_before = NULL;
  g_autofree char *files_after = NULL;
  g_autofree char *name = NULL;
  gboolean ok;

  g_assert_cmpint (mops_asset_store_file (fixture->library, source, NULL, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  before = dump_database (fixture->db);
  files_before = list_files (fixture->library);

  ok = mops_demo_generate (fixture->library, NULL, NULL, NULL, &error);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_EMPTY);
  g_assert_false (ok);
  /* the message names the folder */
  name = mops_library_dup_display_name (fixture->library);
  g_assert_nonnull (strstr (error->message, name));

  after = dump_database (fixture->db);
  files_after = list_files (fixture->library);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (files_before, ==, files_after);
}

static void
test_is_deterministic (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MopsLibrary) second = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autofree char *second_path = g_build_filename (fixture->dir, "Second demo", NULL);
  g_autofree char *files_one = NULL;
  g_autofree char *files_two = NULL;
  sqlite3 *second_db;

  generate (fixture);
  second = mops_library_open (second_path, MOPS_LIBRARY_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (mops_demo_generate (second, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  second_db = mops_library_get_db (second);

  /* the same files, byte for byte (content-addressed names compared, then hashed again) */
  files_one = list_files (fixture->library);
  files_two = list_files (second);
  g_assert_cmpuint (strlen (files_one), >, 0);
  g_assert_cmpstr (files_one, ==, files_two);

  /* and the same rows in every table, the full-text index's included */
  tables = list_tables (fixture->db, TRUE);
  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *one = dump_table (fixture->db, tables->pdata[i]);
      g_autofree char *two = dump_table (second_db, tables->pdata[i]);

      if (g_strcmp0 (one, two) != 0)
        g_error ("table “%s” differs between two demo libraries made at the same time",
                 (const char *) tables->pdata[i]);
    }

  assert_foreign_keys_and_integrity (second_db);
}

/* An "empty" library may already list people and channels — a translated first channel may
 * even be called "Newsletter": the demo joins them instead of failing. */
static void
test_joins_existing_people_and_channels (Fixture       *fixture,
                                         gconstpointer  user_data)
{
  g_assert_cmpint (sqlite3_exec (fixture->db,
                                 "INSERT INTO channels (name, medium) VALUES ('Newsletter', 'email');"
                                 "INSERT INTO people (name) VALUES ('Ingrid Solberg');"
                                 "INSERT INTO teams (name) VALUES ('Content');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (mops_library_is_empty (fixture->library));

  generate (fixture);

  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM channels WHERE name = 'Newsletter'"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM content_items c JOIN channels ch"
                                       " ON ch.id = c.channel_id WHERE ch.name = 'Newsletter'"), >, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM people WHERE name = 'Ingrid Solberg'"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM expenses e JOIN teams t"
                                       " ON t.id = e.team_id WHERE t.name = 'Content'"), >, 0);
  assert_foreign_keys_and_integrity (fixture->db);
}

typedef struct
{
  GCancellable *cancellable;
  gboolean      cancelled;
} CancelState;

static void
on_progress_cancel_cb (double      fraction,
                       const char *what,
                       gpointer    user_data)
{
  CancelState *state = user_data;

  g_assert_cmpfloat (fraction, >=, 0.0);
  g_assert_cmpfloat (fraction, <=, 1.0);
  g_assert_nonnull (what);

  /* once some files are already stored */
  if (fraction > 0.75 && !state->cancelled)
    {
      state->cancelled = TRUE;
      g_cancellable_cancel (state->cancellable);
    }
}

static void
test_cancelled_leaves_the_library_empty (Fixture       *fixture,
                                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  CancelState state = { cancellable, FALSE };
  g_autofree char *files = NULL;
  gboolean ok;

  ok = mops_demo_generate (fixture->library, on_progress_cancel_cb, &state, cancellable, &error);
  g_assert_true (state.cancelled);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (ok);

  /* no rows and no stored files are left behind: the demo can simply be tried again */
  g_assert_true (mops_library_is_empty (fixture->library));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM people"), ==, 0);
  files = list_files (fixture->library);
  g_assert_cmpstr (files, ==, "");
  g_clear_error (&error);

  generate (fixture);
  g_assert_false (mops_library_is_empty (fixture->library));
}

/* Issue 18: the daily notification said "2 have expired" where the Licences page's banner
 * said 3 — it counted the assets' rows only, not the licences no asset row shows. Both now
 * count the page's rows with mops_licence_table_count_attention(): on the demo library that
 * count is every row of the table showing Expiring or Expired, more than the assets' rows
 * alone show. */
static void
test_attention_count_is_the_pages_rows (Fixture       *fixture,
                                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) table = NULL;
  g_autoptr(GPtrArray) asset_rows = NULL;
  GAsyncResult *result = NULL;
  guint n_expiring = 0, n_expired = 0;
  guint rows_expiring = 0, rows_expired = 0, of_licence = 0;
  guint assets_expiring = 0, assets_expired = 0;

  generate (fixture);
  mops_licences_list_table_async (fixture->library, -1, NULL, mops_test_store_result, &result);
  table = mops_licences_list_table_finish (fixture->library, mops_test_wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  mops_licence_table_count_attention (table, &n_expiring, &n_expired);

  for (guint i = 0; i < table->len; i++)
    {
      const MopsLicenceTableRow *row = g_ptr_array_index (table, i);
      gboolean counted = row->row->status == MOPS_LICENCE_STATUS_EXPIRING ||
                         row->row->status == MOPS_LICENCE_STATUS_EXPIRED;

      rows_expiring += row->row->status == MOPS_LICENCE_STATUS_EXPIRING;
      rows_expired += row->row->status == MOPS_LICENCE_STATUS_EXPIRED;
      of_licence += counted && row->of_licence;
    }
  g_assert_cmpuint (n_expiring, ==, rows_expiring);
  g_assert_cmpuint (n_expired, ==, rows_expired);
  g_assert_cmpuint (n_expiring + n_expired, >, 0);

  /* The demo has a licence no asset row shows that needs attention: the old count missed it */
  g_assert_cmpuint (of_licence, >, 0);
  asset_rows = mops_licences_list_rows (fixture->library, NULL, -1, MOPS_LICENCE_STATUS_NONE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < asset_rows->len; i++)
    {
      const MopsLicenceRow *row = g_ptr_array_index (asset_rows, i);

      assets_expiring += row->status == MOPS_LICENCE_STATUS_EXPIRING;
      assets_expired += row->status == MOPS_LICENCE_STATUS_EXPIRED;
    }
  g_assert_cmpuint (n_expiring + n_expired, ==, assets_expiring + assets_expired + of_licence);
  g_assert_cmpuint (n_expiring + n_expired, >, assets_expiring + assets_expired);

  /* Either count may be left out */
  mops_licence_table_count_attention (table, NULL, &rows_expired);
  g_assert_cmpuint (rows_expired, ==, n_expired);
}

int
main (int   argc,
      char *argv[])
{
  /* Dates are relative to MOPS_NOW in the local time zone: pin both. */
  g_setenv ("TZ", "Europe/Oslo", TRUE);
  g_setenv ("MOPS_NOW", DEMO_NOW, TRUE);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/demo/fills-every-table", test_fills_every_table);
  ADD ("/demo/has-licences-in-every-status", test_licences_in_every_status);
  ADD ("/demo/schedules-content-with-expiring-and-expired-photos",
       test_scheduled_content_uses_expiring_and_expired_photos);
  ADD ("/demo/refuses-a-library-that-is-not-empty", test_refuses_a_library_that_is_not_empty);
  ADD ("/demo/is-deterministic", test_is_deterministic);
  ADD ("/demo/joins-existing-people-and-channels", test_joins_existing_people_and_channels);
  ADD ("/demo/cancelled-leaves-the-library-empty", test_cancelled_leaves_the_library_empty);
  ADD ("/demo/attention-count-is-the-pages-rows", test_attention_count_is_the_pages_rows);
#undef ADD

  return g_test_run ();
}
