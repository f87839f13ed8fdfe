/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-workers.c — core's _async/_finish calls against their synchronous twins */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "core/mops-asset.h"
#include "core/mops-assets.h"
#include "core/mops-calendar.h"
#include "core/mops-clock.h"
#include "core/mops-db-private.h"
#include "core/mops-error.h"
#include "core/mops-export-private.h"
#include "core/mops-export.h"
#include "core/mops-library-private.h"
#include "core/mops-licences.h"
#include "core/mops-previews-private.h"
#include "core/mops-previews.h"
#include "core/mops-search-index.h"
#include "core/mops-search.h"
#include "core/mops-tags.h"
#include "mops-test-util.h"

/* Monday 23 November 2026, 09:00 in Berlin: the licences' "today". */
#define TEST_NOW "2026-11-23T09:00:00+01:00"

typedef MopsTestLibrary Fixture;

/* For tests that make several libraries, one after the other. */
static void
fixture_clear (Fixture *fixture)
{
  if (fixture->dir != NULL)
    mops_test_library_tear_down (fixture, NULL);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fixture, fixture_clear)

/* ---- Waiting for a callback -------------------------------------------------------------- */

/* One _async call, waited for by running the thread-default main context until its callback
 * has come: what the callback saw is kept for the test to check. */
typedef struct
{
  GMainContext *context;
  GMainLoop    *loop;
  GAsyncResult *result;
  GObject      *source;
  GThread      *thread;
  gboolean      context_owned;
  guint         n_callbacks;
} Waiter;

static void
waiter_init (Waiter *waiter)
{
  memset (waiter, 0, sizeof *waiter);
  waiter->context = g_main_context_ref_thread_default ();
  waiter->loop = g_main_loop_new (waiter->context, FALSE);
}

static void
waiter_clear (Waiter *waiter)
{
  g_clear_object (&waiter->result);
  g_clear_object (&waiter->source);
  g_clear_pointer (&waiter->loop, g_main_loop_unref);
  g_clear_pointer (&waiter->context, g_main_context_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Waiter, waiter_clear)

static void
on_call_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Waiter *waiter = user_data;

  waiter->n_callbacks++;
  g_set_object (&waiter->result, result);
  g_set_object (&waiter->source, source);
  waiter->thread = g_thread_self ();
  waiter->context_owned = g_main_context_is_owner (waiter->context);
  g_main_loop_quit (waiter->loop);
}

/* Runs the loop until the callback has come, then checks that it came once, on this thread and
 * its context, with @library as the source object. Returns the result (owned by @waiter). */
static GAsyncResult *
waiter_wait (Waiter      *waiter,
             MopsLibrary *library)
{
  while (waiter->n_callbacks == 0)
    g_main_loop_run (waiter->loop);

  /* Whatever else is queued runs too: a second callback would show here. */
  while (g_main_context_pending (waiter->context))
    g_main_context_iteration (waiter->context, FALSE);

  g_assert_cmpuint (waiter->n_callbacks, ==, 1);
  g_assert_true (waiter->thread == g_thread_self ());
  g_assert_true (waiter->context_owned);
  g_assert_true (waiter->source == G_OBJECT (library));
  return waiter->result;
}

/* ---- Helpers ----------------------------------------------------------------------------- */

static void
assert_same_ids (GArray     *expected,
                 GArray     *actual,
                 const char *what)
{
  g_assert_nonnull (expected);
  g_assert_nonnull (actual);
  if (expected->len != actual->len)
    g_error ("%s: the sync call found %u, the worker %u", what, expected->len, actual->len);
  for (guint i = 0; i < expected->len; i++)
    if (g_array_index (expected, gint64, i) != g_array_index (actual, gint64, i))
      g_error ("%s: position %u differs: %" G_GINT64_FORMAT " vs %" G_GINT64_FORMAT, what, i,
               g_array_index (expected, gint64, i), g_array_index (actual, gint64, i));
}

/* The text in the first column of the first row of @sql (NULL when it is NULL). */
static char *
query_text (sqlite3    *db,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = mops_db_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* The asset's file inside the library. */
static char *
stored_file (MopsLibrary *library,
             gint64       id)
{
  g_autoptr(sqlite3_stmt) stmt =
    mops_db_prepare (mops_library_get_db (library), "SELECT stored_path FROM assets WHERE id = ?", NULL);

  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return mops_library_build_path (library, (const char *) sqlite3_column_text (stmt, 0));
}

/* Stores the file at @path (written by the test) with its sniffed type. */
static gint64
store_path (MopsLibrary *library,
            const char  *path)
{
  g_autoptr(GError) error = NULL;
  gint64 id = mops_asset_store_file (library, path, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* A second library beside the fixture's, for calls that change what they read: the sync call
 * runs on one, the worker on the other. Removed with the fixture's folder. */
static MopsLibrary *
open_twin (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->dir, "twin", NULL);
  g_autoptr(GError) error = NULL;
  MopsLibrary *twin = mops_library_open (path, MOPS_LIBRARY_OPEN_CREATE, &error);

  g_assert_no_error (error);
  return twin;
}

/* Width and height from a PNG's IHDR chunk. */
static void
png_size (const char *path,
          int        *width,
          int        *height)
{
  g_autofree guchar *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, (char **) &data, &len, NULL));
  g_assert_cmpuint (len, >, 24);
  g_assert_cmpmem (data + 1, 3, "PNG", 3);
  *width = (data[16] << 24) | (data[17] << 16) | (data[18] << 8) | data[19];
  *height = (data[20] << 24) | (data[21] << 16) | (data[22] << 8) | data[23];
}

/* ---- Search ------------------------------------------------------------------------------ */

typedef struct
{
  const char *name;
  const char *mime;
  const char *title;
  int         rating;
  const char *tag;          /* NULL: none */
  const char *color_label;  /* NULL: none */
} Sample;

static const Sample samples[] = {
  { "会社ロゴ.png", "image/png", NULL, 5, "Brand/Logos", "red" },
  { "Логотип компании.svg", "image/svg+xml", "Logo, Russian office", 3, "Brand/Logos/Mono", NULL },
  { "Größenübersicht.pdf", "application/pdf", "Größentabelle Straße", 0, "Brand", "blue" },
  { "team-offsite.jpg", "image/jpeg", "Team offsite in Bergen", 4, "Campaigns/Summer", "red" },
  { "brand-voice.md", "text/markdown", "Brand voice: red AND bold", 1, "Brand", NULL },
  { "Inter.ttf", "font/ttf", NULL, 0, NULL, NULL },
  { "launch.mp4", "video/mp4", "Launch film with the logo", 2, "Campaigns/Summer", NULL },
  { "archive.zip", "application/zip", NULL, 0, NULL, "blue" },
  { "old-logo.png", "image/png", "Old logo", 5, "Brand/Logos", NULL },        /* trashed */
  { "contract.pdf", "application/pdf", "Logo contract", 0, NULL, NULL },     /* a record */
};

#define TRASHED_SAMPLE 8
#define RECORD_SAMPLE  9

/* Stores the samples (contents of different lengths, so sizes differ) with their tags and
 * labels, trashes one and makes one a record. */
static void
store_samples (Fixture *fixture,
               gint64  *ids)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *content = g_strnfill (10 + 7 * ((i * 3) % G_N_ELEMENTS (samples)), 'a' + i);
      MopsAssetInfo info = { .mime = samples[i].mime, .title = samples[i].title, .rating = samples[i].rating,
                             .role = i == RECORD_SAMPLE ? "record" : NULL };

      ids[i] = mops_test_store_file (fixture->library, fixture->source, samples[i].name, content, &info);
      if (samples[i].tag != NULL)
        g_assert_true (mops_tags_add_to_assets (fixture->library, samples[i].tag, &ids[i], 1, &error));
      g_assert_no_error (error);
      if (samples[i].color_label != NULL)
        g_assert_true (mops_assets_set_color_label (fixture->library, &ids[i], 1, samples[i].color_label, &error));
      g_assert_no_error (error);
    }

  g_assert_true (mops_assets_trash (fixture->library, &ids[TRASHED_SAMPLE], 1, &error));
  g_assert_no_error (error);
}

/* Queries over text, types, tags, labels, ratings, the Trash, records, every sort and limits. */
static const char *const brand_tags[] = { "Brand", NULL };
static const char *const mono_tags[] = { "Brand/Logos/Mono", NULL };
static const char *const logo_tags[] = { "Brand/Logos", NULL };
static const char *const two_tags[] = { "Brand", "Brand/Logos", NULL };

static const MopsSearchQuery queries[] = {
  { 0 },
  { .text = "logo" },
  { .text = "ロゴ" },
  { .text = "GRÖSSEN" },
  { .text = "team bergen" },
  { .text = "\"red and bold\"" },
  { .types = MOPS_ASSET_TYPE_IMAGE | MOPS_ASSET_TYPE_VECTOR },
  { .types = MOPS_ASSET_TYPE_DOCUMENT | MOPS_ASSET_TYPE_FONT, .sort = MOPS_SEARCH_SORT_NAME },
  { .tags = brand_tags },
  { .tags = mono_tags },
  { .tags = logo_tags, .sort = MOPS_SEARCH_SORT_RATING },
  { .tags = two_tags },
  { .text = "logo", .tags = brand_tags, .sort = MOPS_SEARCH_SORT_NAME },
  { .color_label = "red", .sort = MOPS_SEARCH_SORT_SIZE },
  { .min_rating = 3, .sort = MOPS_SEARCH_SORT_RATING },
  { .sort = MOPS_SEARCH_SORT_NAME },
  { .sort = MOPS_SEARCH_SORT_IMPORTED },
  { .sort = MOPS_SEARCH_SORT_CAPTURED },
  { .sort = MOPS_SEARCH_SORT_SIZE },
  { .sort = MOPS_SEARCH_SORT_RATING, .limit = 3 },
  { .sort = MOPS_SEARCH_SORT_NAME, .limit = 1 },
  { .trashed = TRUE },
  { .text = "logo", .include_records = TRUE, .sort = MOPS_SEARCH_SORT_NAME },
  { .text = "nothing is called like this" },
};

static GArray *
search_in_worker (MopsLibrary           *library,
                  const MopsSearchQuery *query,
                  GError               **error)
{
  g_auto(Waiter) waiter = { 0 };

  waiter_init (&waiter);
  mops_search_assets_async (library, query, NULL, on_call_done_cb, &waiter);
  g_assert_cmpuint (waiter.n_callbacks, ==, 0);   /* never from inside the call */
  return mops_search_assets_finish (library, waiter_wait (&waiter, library), error);
}

static void
test_search_answers_like_the_sync_search (Fixture       *fixture,
                                          gconstpointer  user_data)
{
  gint64 ids[G_N_ELEMENTS (samples)];
  guint n_found = 0;

  store_samples (fixture, ids);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autofree char *what = g_strdup_printf ("query %u", q);
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) expected = mops_search_assets (fixture->library, &queries[q], &error);
      g_autoptr(GArray) actual = NULL;

      g_assert_no_error (error);
      actual = search_in_worker (fixture->library, &queries[q], &error);
      g_assert_no_error (error);
      assert_same_ids (expected, actual, what);
      n_found += expected->len > 0;
    }

  /* Only the last query finds nothing: the others compare real answers. */
  g_assert_cmpuint (n_found, ==, G_N_ELEMENTS (queries) - 1);

  /* Spot checks that the queries mean what they say. */
  {
    g_autoptr(GArray) trashed = search_in_worker (fixture->library, &queries[21], NULL);
    g_autoptr(GArray) limited = search_in_worker (fixture->library, &queries[19], NULL);

    g_assert_cmpuint (trashed->len, ==, 1);
    g_assert_cmpint (g_array_index (trashed, gint64, 0), ==, ids[TRASHED_SAMPLE]);
    g_assert_cmpuint (limited->len, ==, 3);
    g_assert_cmpint (g_array_index (limited, gint64, 0), ==, ids[0]);   /* rated 5 */
  }
}

/* The caller may free or reuse every string of its query as soon as the call returns. */
static void
test_search_keeps_its_own_copy_of_the_query (Fixture       *fixture,
                                             gconstpointer  user_data)
{
  gint64 ids[G_N_ELEMENTS (samples)];
  const char *tags[] = { "Brand", NULL };
  MopsSearchQuery reference = { .text = "ロゴ", .tags = tags, .color_label = "red",
                                .sort = MOPS_SEARCH_SORT_NAME };
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GArray) actual = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Waiter) waiter = { 0 };
  MopsSearchQuery *query;
  char *text, *label;
  GStrv heap_tags;

  store_samples (fixture, ids);
  expected = mops_search_assets (fixture->library, &reference, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expected->len, ==, 1);
  g_assert_cmpint (g_array_index (expected, gint64, 0), ==, ids[0]);

  text = g_strdup (reference.text);
  label = g_strdup (reference.color_label);
  heap_tags = g_strdupv ((char **) tags);
  query = g_new (MopsSearchQuery, 1);
  *query = reference;
  query->text = text;
  query->color_label = label;
  query->tags = (const char * const *) heap_tags;

  waiter_init (&waiter);
  mops_search_assets_async (fixture->library, query, NULL, on_call_done_cb, &waiter);

  /* Overwritten, then freed, before the worker may even have started. */
  memset (text, 'z', strlen (text));
  memset (label, 'z', strlen (label));
  memset (heap_tags[0], 'z', strlen (heap_tags[0]));
  query->sort = MOPS_SEARCH_SORT_SIZE;
  query->limit = 0;
  query->trashed = TRUE;
  g_free (text);
  g_free (label);
  g_strfreev (heap_tags);
  g_free (query);

  actual = mops_search_assets_finish (fixture->library, waiter_wait (&waiter, fixture->library), &error);
  g_assert_no_error (error);
  assert_same_ids (expected, actual, "copied query");
}

static void
test_search_passes_on_the_error_of_a_bad_tag (Fixture       *fixture,
                                              gconstpointer  user_data)
{
  const char *tags[] = { "Brand//Logos", NULL };
  MopsSearchQuery query = { .tags = tags };
  g_autoptr(GError) sync_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) expected = mops_search_assets (fixture->library, &query, &sync_error);
  g_autoptr(GArray) actual = search_in_worker (fixture->library, &query, &error);

  g_assert_null (expected);
  g_assert_error (sync_error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_assert_null (actual);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, sync_error->message);
}

/* ---- The search index -------------------------------------------------------------------- */

static MopsSearchIndex *
load_index_in_worker (MopsLibrary  *library,
                      GError      **error)
{
  g_auto(Waiter) waiter = { 0 };

  waiter_init (&waiter);
  mops_search_index_load_async (library, NULL, on_call_done_cb, &waiter);
  g_assert_cmpuint (waiter.n_callbacks, ==, 0);
  return mops_search_index_load_finish (library, waiter_wait (&waiter, library), error);
}

static void
assert_index_answers_like_sql (MopsLibrary     *library,
                               MopsSearchIndex *index,
                               const char      *when)
{
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autofree char *what = g_strdup_printf ("%s, query %u", when, q);
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) expected = mops_search_assets (library, &queries[q], &error);
      g_autoptr(GArray) actual = mops_search_index_query (index, &queries[q]);

      g_assert_no_error (error);
      assert_same_ids (expected, actual, what);
    }
}

static void
test_index_answers_like_the_sync_search (Fixture       *fixture,
                                         gconstpointer  user_data)
{
  gint64 ids[G_N_ELEMENTS (samples)];
  g_autoptr(MopsSearchIndex) index = NULL;
  g_autoptr(GError) error = NULL;

  store_samples (fixture, ids);
  index = load_index_in_worker (fixture->library, &error);
  g_assert_no_error (error);
  g_assert_nonnull (index);

  /* Every asset, trashed and records included. */
  g_assert_cmpuint (mops_search_index_get_size (index), ==, G_N_ELEMENTS (samples));
  assert_index_answers_like_sql (fixture->library, index, "loaded");
}

static void
test_index_answers_like_the_sync_search_after_an_update (Fixture       *fixture,
                                                         gconstpointer  user_data)
{
  gint64 ids[G_N_ELEMENTS (samples)];
  gint64 changed[6];
  MopsSearchQuery zebra = { .text = "zebra" };
  g_autoptr(MopsSearchIndex) index = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GError) error = NULL;

  store_samples (fixture, ids);
  index = load_index_in_worker (fixture->library, &error);
  g_assert_no_error (error);

  /* A new title, a new rating and label, the Trash both ways, a new tag, a new asset. */
  g_assert_true (mops_assets_set_text_fields (fixture->library, ids[5], "Zebra crossing poster", NULL, NULL, &error));
  g_assert_true (mops_assets_set_rating (fixture->library, &ids[7], 1, 5, &error));
  g_assert_true (mops_assets_set_color_label (fixture->library, &ids[7], 1, "red", &error));
  g_assert_true (mops_assets_trash (fixture->library, &ids[3], 1, &error));
  g_assert_true (mops_assets_restore (fixture->library, &ids[TRASHED_SAMPLE], 1, &error));
  g_assert_true (mops_tags_add_to_assets (fixture->library, "Brand/Logos/Mono", &ids[6], 1, &error));
  g_assert_no_error (error);
  changed[0] = ids[5];
  changed[1] = ids[7];
  changed[2] = ids[3];
  changed[3] = ids[TRASHED_SAMPLE];
  changed[4] = ids[6];
  changed[5] = mops_test_store_file (fixture->library, fixture->source, "zebra-logo.svg", "<svg/> zebra",
                                     &(MopsAssetInfo) { .mime = "image/svg+xml", .title = "Zebra logo" });

  /* Before the update the index still answers from what it loaded. */
  found = mops_search_index_query (index, &zebra);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_array_unref);

  g_assert_true (mops_search_index_update (index, fixture->library, changed, G_N_ELEMENTS (changed), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mops_search_index_get_size (index), ==, G_N_ELEMENTS (samples) + 1);
  assert_index_answers_like_sql (fixture->library, index, "updated");

  found = mops_search_index_query (index, &zebra);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpint (g_array_index (found, gint64, 0), ==, ids[5]);
  g_assert_cmpint (g_array_index (found, gint64, 1), ==, changed[5]);
}

/* ---- Tags -------------------------------------------------------------------------------- */

static void
test_tags_list_the_same_tree_as_the_sync_call (Fixture       *fixture,
                                               gconstpointer  user_data)
{
  gint64 ids[G_N_ELEMENTS (samples)];
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) actual = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Waiter) waiter = { 0 };

  store_samples (fixture, ids);
  /* Tags that no asset carries any more stay in the tree. */
  g_assert_true (mops_tags_add_to_assets (fixture->library, "Campaigns/Winter 24\\/25", ids, 1, &error));
  g_assert_true (mops_tags_remove_from_assets (fixture->library, "Campaigns/Winter 24\\/25", ids, 1, &error));
  g_assert_true (mops_tags_add_to_assets (fixture->library, "Archive", ids, 1, &error));
  g_assert_true (mops_tags_remove_from_assets (fixture->library, "Archive", ids, 1, &error));
  g_assert_no_error (error);

  expected = mops_tags_list (fixture->library, &error);
  g_assert_no_error (error);

  waiter_init (&waiter);
  mops_tags_list_async (fixture->library, NULL, on_call_done_cb, &waiter);
  g_assert_cmpuint (waiter.n_callbacks, ==, 0);
  actual = mops_tags_list_finish (fixture->library, waiter_wait (&waiter, fixture->library), &error);
  g_assert_no_error (error);

  /* Archive, Brand, Logos, Mono, Campaigns, Summer, Winter 24/25 */
  g_assert_cmpuint (expected->len, ==, 7);
  g_assert_cmpuint (actual->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      const MopsTagInfo *a = g_ptr_array_index (expected, i);
      const MopsTagInfo *b = g_ptr_array_index (actual, i);

      g_assert_cmpint (b->id, ==, a->id);
      g_assert_cmpint (b->parent_id, ==, a->parent_id);
      g_assert_cmpstr (b->name, ==, a->name);
      g_assert_cmpstr (b->path, ==, a->path);
      g_assert_cmpuint (b->depth, ==, a->depth);
      g_assert_cmpint (b->asset_count, ==, a->asset_count);
    }

  /* The counts are real ones: Brand holds four assets (not the trashed logo), Mono one. */
  g_assert_cmpstr (((MopsTagInfo *) actual->pdata[1])->path, ==, "Brand");
  g_assert_cmpint (((MopsTagInfo *) actual->pdata[1])->asset_count, ==, 4);
  g_assert_cmpstr (((MopsTagInfo *) actual->pdata[3])->path, ==, "Brand/Logos/Mono");
  g_assert_cmpint (((MopsTagInfo *) actual->pdata[3])->asset_count, ==, 1);
  g_assert_cmpstr (((MopsTagInfo *) actual->pdata[6])->path, ==, "Campaigns/Winter 24\\/25");
}

/* ---- Licences ---------------------------------------------------------------------------- */

/* Today + @offset days as "YYYY-MM-DD" (local date from MOPS_NOW). */
static char *
day (int offset)
{
  g_autoptr(GDate) date = mops_clock_today ();

  if (offset > 0)
    g_date_add_days (date, (guint) offset);
  else if (offset < 0)
    g_date_subtract_days (date, (guint) -offset);

  return mops_clock_format_date (date);
}

/* The assets of the licence tests, each in one situation on TEST_NOW. */
typedef struct
{
  gint64 active;          /* confirmed, a year left, with a cost */
  gint64 expiring;        /* ends in 10 days: inside the 30-day window */
  gint64 expired;         /* ended yesterday */
  gint64 pending;         /* starts in 5 days, pre-filled from metadata */
  gint64 missing;         /* no licence */
  gint64 to_confirm;      /* perpetual, active, pre-filled from metadata */
  gint64 renewed;         /* an older licence and the current renewal */
  gint64 record;          /* a contract: no status */
  gint64 trashed;         /* in the Trash: no status */

  gint64 active_licence;
  gint64 older_licence;   /* the renewed asset's first licence: no row shows it */
  gint64 renewal;
  gint64 orphan_licence;  /* covers no asset yet */
} LicenceAssets;

static gint64
add_licence (Fixture    *fixture,
             gint64      asset_id,
             int         starts,
             int         expires,
             gboolean    confirmed,
             const char *currency,
             gint64      cost)
{
  g_autoptr(MopsLicence) licence = mops_licence_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  licence->kind = MOPS_LICENCE_KIND_ROYALTY_FREE;
  licence->licensor = g_strdup ("Stock House");
  licence->starts_on = starts != G_MININT ? day (starts) : NULL;
  licence->expires_on = expires != G_MAXINT ? day (expires) : NULL;
  licence->confirmed = confirmed;
  licence->source = confirmed ? MOPS_LICENCE_SOURCE_USER : MOPS_LICENCE_SOURCE_METADATA;
  if (currency != NULL)
    {
      licence->has_cost = TRUE;
      licence->cost = cost;
      licence->currency = g_strdup (currency);
    }

  id = mops_licences_create (fixture->library, licence, asset_id > 0 ? &asset_id : NULL, asset_id > 0 ? 1 : 0,
                             &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
add_licence_assets (Fixture       *fixture,
                    LicenceAssets *assets)
{
  g_autoptr(GError) error = NULL;

  assets->active = mops_test_insert_asset (fixture->db, "harbour.jpg");
  assets->expiring = mops_test_insert_asset (fixture->db, "expiring.jpg");
  assets->expired = mops_test_insert_asset (fixture->db, "expired.jpg");
  assets->pending = mops_test_insert_asset (fixture->db, "pending.jpg");
  assets->missing = mops_test_insert_asset (fixture->db, "missing.jpg");
  assets->to_confirm = mops_test_insert_asset (fixture->db, "from-metadata.jpg");
  assets->renewed = mops_test_insert_asset (fixture->db, "renewed.jpg");
  assets->record = mops_test_insert_asset_full (fixture->db, "contract.pdf", "record", FALSE);
  assets->trashed = mops_test_insert_asset_full (fixture->db, "trashed.jpg", "asset", TRUE);

  g_assert_true (mops_assets_set_text_fields (fixture->library, assets->active, "Harbour at dusk", NULL, NULL,
                                              &error));
  g_assert_no_error (error);

  assets->active_licence = add_licence (fixture, assets->active, -100, 265, TRUE, "EUR", 1250);
  add_licence (fixture, assets->expiring, -100, 10, TRUE, NULL, 0);
  add_licence (fixture, assets->expired, -100, -1, TRUE, "USD", 9900);
  add_licence (fixture, assets->pending, 5, 100, FALSE, NULL, 0);
  add_licence (fixture, assets->to_confirm, -10, G_MAXINT, FALSE, NULL, 0);
  assets->older_licence = add_licence (fixture, assets->renewed, -400, -20, TRUE, "EUR", 300);
  assets->renewal = add_licence (fixture, assets->renewed, -19, 300, TRUE, "EUR", 450);
  assets->orphan_licence = add_licence (fixture, 0, G_MININT, G_MAXINT, TRUE, "CHF", 4500);
}

static void
assert_same_row (const MopsLicenceRow *a,
                 const MopsLicenceRow *b)
{
  g_assert_cmpint (b->asset_id, ==, a->asset_id);
  g_assert_cmpint (b->licence_id, ==, a->licence_id);
  g_assert_cmpstr (b->licensor, ==, a->licensor);
  g_assert_cmpint (b->kind, ==, a->kind);
  g_assert_cmpstr (b->starts_on, ==, a->starts_on);
  g_assert_cmpstr (b->expires_on, ==, a->expires_on);
  g_assert_cmpstr (b->covered_until, ==, a->covered_until);
  g_assert_cmpint (b->has_days_left, ==, a->has_days_left);
  g_assert_cmpint (b->days_left, ==, a->days_left);
  g_assert_cmpuint (b->media, ==, a->media);
  g_assert_cmpint (b->worldwide, ==, a->worldwide);
  g_assert_cmpstrv (b->territories, a->territories);
  g_assert_cmpint (b->status, ==, a->status);
  g_assert_cmpint (b->to_confirm, ==, a->to_confirm);
}

static void
assert_same_rows (GPtrArray *expected,
                  GPtrArray *actual)
{
  g_assert_nonnull (expected);
  g_assert_nonnull (actual);
  g_assert_cmpuint (actual->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    assert_same_row (g_ptr_array_index (expected, i), g_ptr_array_index (actual, i));
}

static GPtrArray *
list_rows_in_worker (MopsLibrary       *library,
                     int                within,
                     MopsLicenceStatus  filter_status)
{
  g_autoptr(GError) error = NULL;
  g_auto(Waiter) waiter = { 0 };
  GPtrArray *rows;

  waiter_init (&waiter);
  mops_licences_list_rows_async (library, within, filter_status, NULL, on_call_done_cb, &waiter);
  g_assert_cmpuint (waiter.n_callbacks, ==, 0);
  rows = mops_licences_list_rows_finish (library, waiter_wait (&waiter, library), &error);
  g_assert_no_error (error);
  return rows;
}

static MopsLicenceStatus
status_in (GPtrArray *rows,
           gint64     asset_id)
{
  for (guint i = 0; i < rows->len; i++)
    if (((MopsLicenceRow *) rows->pdata[i])->asset_id == asset_id)
      return ((MopsLicenceRow *) rows->pdata[i])->status;

  return MOPS_LICENCE_STATUS_NONE;
}

static void
test_licence_rows_are_the_sync_rows (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  static const int windows[] = { -1, 0, 10, 30, 365 };
  LicenceAssets assets;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;

  add_licence_assets (fixture, &assets);

  for (guint w = 0; w < G_N_ELEMENTS (windows); w++)
    for (MopsLicenceStatus s = MOPS_LICENCE_STATUS_NONE; s <= MOPS_LICENCE_STATUS_MISSING; s++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) expected = mops_licences_list_rows (fixture->library, NULL, windows[w], s, &error);
        g_autoptr(GPtrArray) actual = list_rows_in_worker (fixture->library, windows[w], s);

        g_assert_no_error (error);
        assert_same_rows (expected, actual);
        if (s == MOPS_LICENCE_STATUS_NONE)
          g_assert_cmpuint (actual->len, ==, 7);   /* neither the record nor the trashed asset */
        else if (w == 0)
          g_assert_cmpuint (actual->len, >=, 1);   /* every status is there today */
      }

  /* The worker reads the library's warning period on its own connection. */
  before = list_rows_in_worker (fixture->library, -1, MOPS_LICENCE_STATUS_NONE);
  g_assert_cmpint (status_in (before, assets.expiring), ==, MOPS_LICENCE_STATUS_EXPIRING);
  g_assert_true (mops_library_set_expiry_warning_days (fixture->library, 5, NULL));
  after = list_rows_in_worker (fixture->library, -1, MOPS_LICENCE_STATUS_NONE);
  g_assert_cmpint (status_in (after, assets.expiring), ==, MOPS_LICENCE_STATUS_ACTIVE);
  {
    g_autoptr(GPtrArray) expected = mops_licences_list_rows (fixture->library, NULL, -1, MOPS_LICENCE_STATUS_NONE,
                                                             NULL);

    assert_same_rows (expected, after);
  }
}

static void
test_assets_with_status_are_the_sync_ids (Fixture       *fixture,
                                          gconstpointer  user_data)
{
  LicenceAssets assets;

  add_licence_assets (fixture, &assets);

  /* Every combination of the five statuses, and NONE (which nothing has). */
  for (guint mask = 0; mask < (1u << (MOPS_LICENCE_STATUS_MISSING + 1)); mask++)
    {
      g_autofree char *what = g_strdup_printf ("mask 0x%x", mask);
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) expected = mops_licences_assets_with_status (fixture->library, mask, NULL, -1, &error);
      g_autoptr(GArray) actual = NULL;
      g_auto(Waiter) waiter = { 0 };

      g_assert_no_error (error);
      waiter_init (&waiter);
      mops_licences_assets_with_status_async (fixture->library, mask, NULL, on_call_done_cb, &waiter);
      g_assert_cmpuint (waiter.n_callbacks, ==, 0);
      actual = mops_licences_assets_with_status_finish (fixture->library, waiter_wait (&waiter, fixture->library),
                                                        &error);
      g_assert_no_error (error);
      assert_same_ids (expected, actual, what);

      if (mask == (1u << MOPS_LICENCE_STATUS_EXPIRED | 1u << MOPS_LICENCE_STATUS_MISSING))
        {
          g_assert_cmpuint (actual->len, ==, 2);
          g_assert_cmpint (g_array_index (actual, gint64, 0), ==, assets.expired);
          g_assert_cmpint (g_array_index (actual, gint64, 1), ==, assets.missing);
        }
    }
}

static void
test_attention_holds_exactly_the_assets_to_look_at (Fixture       *fixture,
                                                    gconstpointer  user_data)
{
  LicenceAssets assets;
  g_autoptr(GHashTable) attention = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Waiter) waiter = { 0 };
  static const guint values[] = {
    MOPS_LICENCE_STATUS_EXPIRING,
    MOPS_LICENCE_STATUS_EXPIRED,
    MOPS_LICENCE_STATUS_PENDING | MOPS_LICENCE_ATTENTION_TO_CONFIRM,
    MOPS_LICENCE_STATUS_MISSING,
    MOPS_LICENCE_STATUS_ACTIVE | MOPS_LICENCE_ATTENTION_TO_CONFIRM,
  };

  add_licence_assets (fixture, &assets);

  waiter_init (&waiter);
  mops_licences_list_attention_async (fixture->library, NULL, on_call_done_cb, &waiter);
  g_assert_cmpuint (waiter.n_callbacks, ==, 0);
  attention = mops_licences_list_attention_finish (fixture->library, waiter_wait (&waiter, fixture->library),
                                                   &error);
  g_assert_no_error (error);

  /* Exactly these five, each with its status and the to-confirm bit. */
  {
    const gint64 ids[] = { assets.expiring, assets.expired, assets.pending, assets.missing, assets.to_confirm };

    G_STATIC_ASSERT (G_N_ELEMENTS (ids) == G_N_ELEMENTS (values));
    g_assert_cmpuint (g_hash_table_size (attention), ==, G_N_ELEMENTS (ids));
    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      {
        gpointer value = NULL;

        g_assert_true (g_hash_table_lookup_extended (attention, &ids[i], NULL, &value));
        g_assert_cmphex (GPOINTER_TO_UINT (value), ==, values[i]);
      }
  }

  /* The same as the sync rows say: not active-and-confirmed, and no status at all left out. */
  rows = mops_licences_list_rows (fixture->library, NULL, -1, MOPS_LICENCE_STATUS_NONE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      const MopsLicenceRow *row = g_ptr_array_index (rows, i);
      gboolean wanted = row->status != MOPS_LICENCE_STATUS_ACTIVE || row->to_confirm;
      gpointer value = NULL;

      g_assert_cmpint (g_hash_table_lookup_extended (attention, &row->asset_id, NULL, &value), ==, wanted);
      if (wanted)
        g_assert_cmphex (GPOINTER_TO_UINT (value), ==,
                         row->status | (row->to_confirm ? MOPS_LICENCE_ATTENTION_TO_CONFIRM : 0));
    }
  g_assert_false (g_hash_table_contains (attention, &assets.active));
  g_assert_false (g_hash_table_contains (attention, &assets.renewed));
  g_assert_false (g_hash_table_contains (attention, &assets.record));
  g_assert_false (g_hash_table_contains (attention, &assets.trashed));
}

static GPtrArray *
list_table_in_worker (MopsLibrary *library,
                      int          within)
{
  g_autoptr(GError) error = NULL;
  g_auto(Waiter) waiter = { 0 };
  GPtrArray *table;

  waiter_init (&waiter);
  mops_licences_list_table_async (library, within, NULL, on_call_done_cb, &waiter);
  g_assert_cmpuint (waiter.n_callbacks, ==, 0);
  table = mops_licences_list_table_finish (library, waiter_wait (&waiter, library), &error);
  g_assert_no_error (error);
  return table;
}

static const MopsLicence *
find_licence (GPtrArray *licences,
              gint64     id)
{
  for (guint i = 0; i < licences->len; i++)
    if (((MopsLicence *) licences->pdata[i])->id == id)
      return licences->pdata[i];

  return NULL;
}

/* What the table says of an asset: its row's title, name, hash and type. */
static void
assert_asset_columns (Fixture                   *fixture,
                      const MopsLicenceTableRow *row)
{
  g_autofree char *sql = g_strdup_printf ("SELECT title FROM assets WHERE id = %" G_GINT64_FORMAT, row->row->asset_id);
  g_autofree char *title = query_text (fixture->db, sql);
  g_autofree char *name = NULL;
  g_autofree char *sha = NULL;

  g_free (sql);
  sql = g_strdup_printf ("SELECT original_name FROM assets WHERE id = %" G_GINT64_FORMAT, row->row->asset_id);
  name = query_text (fixture->db, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT sha256 FROM assets WHERE id = %" G_GINT64_FORMAT, row->row->asset_id);
  sha = query_text (fixture->db, sql);

  g_assert_cmpstr (row->asset_title, ==, title);
  g_assert_cmpstr (row->original_name, ==, name);
  g_assert_cmpstr (row->sha256, ==, sha);
  g_assert_nonnull (row->sha256);
  g_assert_cmpstr (row->mime, ==, "image/jpeg");
}

static void
assert_cost_of_licence (const MopsLicenceTableRow *row,
                        const MopsLicence         *licence)
{
  g_assert_cmpint (row->has_cost, ==, licence != NULL && licence->has_cost);
  if (row->has_cost)
    {
      g_assert_cmpint (row->cost, ==, licence->cost);
      g_assert_cmpstr (row->currency, ==, licence->currency);
    }
  else
    g_assert_null (row->currency);
}

static void
test_table_lists_asset_rows_then_licences_no_row_shows (Fixture       *fixture,
                                                        gconstpointer  user_data)
{
  LicenceAssets assets;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) licences = NULL;
  g_autoptr(GPtrArray) table = NULL;
  g_autoptr(GHashTable) shown = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GError) error = NULL;
  guint n_of_licence = 0;
  gint64 last_licence = 0;

  add_licence_assets (fixture, &assets);
  rows = mops_licences_list_rows (fixture->library, NULL, -1, MOPS_LICENCE_STATUS_NONE, &error);
  g_assert_no_error (error);
  licences = mops_licences_list (fixture->library, &error);
  g_assert_no_error (error);
  table = list_table_in_worker (fixture->library, -1);

  /* First the asset rows, in list-rows order, each as the sync call made it. */
  g_assert_cmpuint (table->len, >, rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      const MopsLicenceTableRow *row = g_ptr_array_index (table, i);
      const MopsLicenceRow *sync_row = g_ptr_array_index (rows, i);

      g_assert_false (row->of_licence);
      assert_same_row (sync_row, row->row);
      assert_asset_columns (fixture, row);
      assert_cost_of_licence (row, row->row->licence_id != 0 ? find_licence (licences, row->row->licence_id) : NULL);
      if (sync_row->licence_id != 0)
        g_hash_table_add (shown, (gpointer) &sync_row->licence_id);
    }

  /* Then every licence no asset row shows, by id, with the status it has on its own. */
  for (guint i = rows->len; i < table->len; i++)
    {
      const MopsLicenceTableRow *row = g_ptr_array_index (table, i);
      const MopsLicence *licence = find_licence (licences, row->row->licence_id);

      g_assert_true (row->of_licence);
      g_assert_nonnull (licence);
      g_assert_false (g_hash_table_contains (shown, &licence->id));
      g_assert_cmpint (licence->id, >, last_licence);
      last_licence = licence->id;
      g_assert_cmpint (row->row->status, ==, mops_licence_get_status (licence, NULL, -1, NULL, NULL));
      g_assert_cmpint (row->row->to_confirm, ==, !licence->confirmed);
      assert_cost_of_licence (row, licence);
      if (row->row->asset_id != 0)
        {
          g_assert_cmpint (row->row->asset_id, ==, g_array_index (licence->asset_ids, gint64, 0));
          assert_asset_columns (fixture, row);
        }
      n_of_licence++;
    }
  g_assert_cmpuint (n_of_licence + g_hash_table_size (shown), ==, licences->len);

  /* By name: the renewed asset's older licence and the licence without assets. */
  g_assert_cmpuint (n_of_licence, ==, 2);
  {
    const MopsLicenceTableRow *older = g_ptr_array_index (table, rows->len);
    const MopsLicenceTableRow *orphan = g_ptr_array_index (table, rows->len + 1);

    g_assert_cmpint (older->row->licence_id, ==, assets.older_licence);
    g_assert_cmpint (older->row->asset_id, ==, assets.renewed);
    g_assert_cmpstr (older->original_name, ==, "renewed.jpg");
    g_assert_cmpint (older->row->status, ==, MOPS_LICENCE_STATUS_EXPIRED);
    g_assert_true (older->has_cost);
    g_assert_cmpint (older->cost, ==, 300);
    g_assert_cmpstr (older->currency, ==, "EUR");

    g_assert_cmpint (orphan->row->licence_id, ==, assets.orphan_licence);
    g_assert_cmpint (orphan->row->asset_id, ==, 0);
    g_assert_null (orphan->original_name);
    g_assert_null (orphan->asset_title);
    g_assert_null (orphan->sha256);
    g_assert_null (orphan->mime);
    g_assert_cmpint (orphan->row->status, ==, MOPS_LICENCE_STATUS_ACTIVE);
    g_assert_true (orphan->has_cost);
    g_assert_cmpint (orphan->cost, ==, 4500);
    g_assert_cmpstr (orphan->currency, ==, "CHF");
  }

  /* The asset row of the active asset carries its title and its licence's cost. */
  for (guint i = 0; i < rows->len; i++)
    {
      const MopsLicenceTableRow *row = g_ptr_array_index (table, i);

      if (row->row->asset_id == assets.active)
        {
          g_assert_cmpstr (row->asset_title, ==, "Harbour at dusk");
          g_assert_cmpint (row->row->licence_id, ==, assets.active_licence);
          g_assert_cmpint (row->cost, ==, 1250);
          g_assert_cmpstr (row->currency, ==, "EUR");
        }
      else if (row->row->asset_id == assets.renewed)
        g_assert_cmpint (row->row->licence_id, ==, assets.renewal);
      else if (row->row->asset_id == assets.missing)
        {
          g_assert_cmpint (row->row->licence_id, ==, 0);
          g_assert_false (row->has_cost);
        }
    }

  /* A window of its own: the asset rows follow it, as the sync rows do. */
  {
    g_autoptr(GPtrArray) narrow = list_table_in_worker (fixture->library, 0);
    g_autoptr(GPtrArray) narrow_rows = mops_licences_list_rows (fixture->library, NULL, 0, MOPS_LICENCE_STATUS_NONE,
                                                                &error);

    g_assert_no_error (error);
    g_assert_cmpuint (narrow->len, ==, table->len);
    for (guint i = 0; i < narrow_rows->len; i++)
      assert_same_row (g_ptr_array_index (narrow_rows, i), ((MopsLicenceTableRow *) narrow->pdata[i])->row);
  }
}

/* ---- Previews ---------------------------------------------------------------------------- */

/* Files for the previews, stored in this order in a library: pictures, one that cannot be
 * decoded, and some without a picture. Returns how many were stored. */
static guint
store_preview_files (MopsLibrary *library,
                     const char  *dir,
                     gint64      *ids)
{
  static const char xmp[] =
    "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
    "<rdf:Description rdf:about='' xmlns:dc='http://purl.org/dc/elements/1.1/'>"
    "<dc:title><rdf:Alt><rdf:li xml:lang='x-default'>Fjord at dawn</rdf:li></rdf:Alt></dc:title>"
    "</rdf:Description></rdf:RDF></x:xmpmeta>";
  g_autofree char *fjord = mops_test_write_png (dir, "fjord.png", 1600, 1067, xmp);
  g_autofree char *small = mops_test_write_png (dir, "small.png", 120, 80, NULL);
  g_autofree char *tall = mops_test_write_png (dir, "tall.png", 300, 900, NULL);
  g_autofree char *svg = mops_test_write_file (dir, "logo.svg",
                                               "<svg xmlns='http://www.w3.org/2000/svg' width='200' height='100'>"
                                               "<rect width='200' height='100' fill='#e66100'/></svg>", -1);
  g_autofree char *broken = mops_test_write_file (dir, "broken.png", "\x89PNG\r\n\x1a\nnot the rest of a png", -1);
  g_autofree char *notes = mops_test_write_file (dir, "notes.md", "# Launch\n\nCopy for the launch.\n", -1);
  g_autofree char *zip = mops_test_write_file (dir, "bundle.zip", "PK\x03\x04 an archive", -1);
  const char *paths[] = { fjord, small, tall, svg, broken, notes, zip };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    ids[i] = store_path (library, paths[i]);

  return G_N_ELEMENTS (paths);
}

#define N_PREVIEW_FILES 7
#define BROKEN_FILE     4

/* What the progress callback saw. */
typedef struct
{
  GMainContext *context;     /* where it must come */
  GThread      *thread;
  GArray       *asset_ids;   /* one per call, in order */
  guint         n_calls;
  guint         n_wrong_place;
  guint         n_out_of_order;
  guint         total;
  GCancellable *cancel_at_first;   /* cancelled by the first call when set */
  gboolean      cancelled;
  guint         n_after_cancel;
} Progress;

static void
progress_init (Progress *progress)
{
  memset (progress, 0, sizeof *progress);
  progress->context = g_main_context_ref_thread_default ();
  progress->thread = g_thread_self ();
  progress->asset_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
progress_clear (Progress *progress)
{
  g_clear_pointer (&progress->context, g_main_context_unref);
  g_clear_pointer (&progress->asset_ids, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Progress, progress_clear)

static void
on_preview_progress (guint    done,
                     guint    total,
                     gint64   asset_id,
                     gpointer user_data)
{
  Progress *progress = user_data;

  if (progress->cancelled)
    progress->n_after_cancel++;

  progress->n_calls++;
  if (!g_main_context_is_owner (progress->context) || g_thread_self () != progress->thread)
    progress->n_wrong_place++;
  if (done != progress->n_calls || (progress->total != 0 && total != progress->total))
    progress->n_out_of_order++;
  progress->total = total;
  g_array_append_val (progress->asset_ids, asset_id);

  if (progress->cancel_at_first != NULL && !progress->cancelled)
    {
      progress->cancelled = TRUE;
      g_cancellable_cancel (progress->cancel_at_first);
    }
}

static MopsPreviewReport *
run_previews_in_worker (MopsLibrary  *library,
                        const gint64 *ids,
                        guint         n_ids,
                        Progress     *progress,
                        GCancellable *cancellable,
                        GError      **error)
{
  g_auto(Waiter) waiter = { 0 };
  MopsPreviewReport *report;
  guint n_before;

  waiter_init (&waiter);
  mops_previews_run_async (library, ids, n_ids, 0, 2, progress != NULL ? on_preview_progress : NULL, progress,
                           cancellable, on_call_done_cb, &waiter);
  g_assert_cmpuint (waiter.n_callbacks, ==, 0);
  report = mops_previews_run_finish (library, waiter_wait (&waiter, library), error);

  /* Nothing comes after the callback. */
  n_before = progress != NULL ? progress->n_calls : 0;
  while (g_main_context_iteration (waiter.context, FALSE))
    ;
  if (progress != NULL)
    g_assert_cmpuint (progress->n_calls, ==, n_before);

  return report;
}

static void
assert_same_report (const MopsPreviewReport *expected,
                    const MopsPreviewReport *actual)
{
  g_assert_nonnull (expected);
  g_assert_nonnull (actual);
  g_assert_cmpuint (actual->generated, ==, expected->generated);
  g_assert_cmpuint (actual->skipped, ==, expected->skipped);
  g_assert_cmpint (actual->cancelled, ==, expected->cancelled);
  g_assert_cmpuint (actual->cannot_preview->len, ==, expected->cannot_preview->len);
  for (guint i = 0; i < expected->cannot_preview->len; i++)
    {
      const MopsPreviewProblem *a = g_ptr_array_index (expected->cannot_preview, i);
      const MopsPreviewProblem *b = g_ptr_array_index (actual->cannot_preview, i);

      g_assert_cmpint (b->id, ==, a->id);
      g_assert_cmpstr (b->code, ==, a->code);
      g_assert_cmpstr (b->error, ==, a->error);
    }
}

/* What the previews wrote into the rows: sizes, titles, states. */
static char *
describe_previews (MopsLibrary *library)
{
  return query_text (mops_library_get_db (library),
                     "SELECT group_concat(id || ' ' || ifnull(width, '-') || 'x' || ifnull(height, '-') || ' '"
                     " || preview_state || ' ' || ifnull(title, '-'), '; ') FROM (SELECT * FROM assets ORDER BY id)");
}

static void
test_previews_report_equals_the_sync_report_of_a_twin (Fixture       *fixture,
                                                       gconstpointer  user_data)
{
  g_autoptr(MopsLibrary) twin = open_twin (fixture);
  g_autofree char *twin_source = mops_test_make_dir (fixture->dir, "twin-in");
  g_autoptr(MopsPreviewReport) expected = NULL;
  g_autoptr(MopsPreviewReport) actual = NULL;
  g_autoptr(MopsPreviewReport) expected_again = NULL;
  g_autoptr(MopsPreviewReport) actual_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sync_rows = NULL;
  g_autofree char *async_rows = NULL;
  gint64 ids[N_PREVIEW_FILES], twin_ids[N_PREVIEW_FILES];
  g_auto(Progress) progress = { 0 };

  store_preview_files (fixture->library, fixture->source, ids);
  store_preview_files (twin, twin_source, twin_ids);
  g_assert_cmpmem (ids, sizeof ids, twin_ids, sizeof twin_ids);

  expected = mops_previews_run (twin, NULL, 0, 0, 2, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  progress_init (&progress);
  actual = run_previews_in_worker (fixture->library, NULL, 0, &progress, NULL, &error);
  g_assert_no_error (error);
  assert_same_report (expected, actual);

  /* Four pictures and the notes made; the broken one cannot be; the archive has no picture. */
  g_assert_cmpuint (actual->generated, ==, 5);
  g_assert_cmpuint (actual->cannot_preview->len, ==, 1);
  g_assert_cmpint (((MopsPreviewProblem *) actual->cannot_preview->pdata[0])->id, ==, ids[BROKEN_FILE]);
  g_assert_nonnull (strstr (((MopsPreviewProblem *) actual->cannot_preview->pdata[0])->error, "broken.png"));
  g_assert_false (actual->cancelled);
  g_assert_cmpuint (progress.n_calls, ==, N_PREVIEW_FILES);

  /* The rows say the same in both libraries. */
  sync_rows = describe_previews (twin);
  async_rows = describe_previews (fixture->library);
  g_assert_cmpstr (async_rows, ==, sync_rows);
  g_assert_nonnull (strstr (async_rows, "1600x1067 ok Fjord at dawn"));

  /* A second run skips what is done, alike. */
  expected_again = mops_previews_run (twin, NULL, 0, 0, 2, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  actual_again = run_previews_in_worker (fixture->library, NULL, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_same_report (expected_again, actual_again);
  g_assert_cmpuint (actual_again->generated, ==, 0);
  g_assert_cmpuint (actual_again->skipped, ==, N_PREVIEW_FILES - 1);
}

static void
assert_progress_once_per_asset (Progress     *progress,
                                const gint64 *ids,
                                guint         n_ids)
{
  g_assert_cmpuint (progress->n_calls, ==, n_ids);
  g_assert_cmpuint (progress->n_wrong_place, ==, 0);
  g_assert_cmpuint (progress->n_out_of_order, ==, 0);
  g_assert_cmpuint (progress->total, ==, n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      guint seen = 0;

      for (guint j = 0; j < progress->asset_ids->len; j++)
        seen += g_array_index (progress->asset_ids, gint64, j) == ids[i];
      g_assert_cmpuint (seen, ==, 1);
    }
}

/* The caller's thread-default context is not the global default: progress must come there. */
static void
test_previews_progress_comes_once_per_asset_on_the_callers_context (Fixture       *fixture,
                                                                    gconstpointer  user_data)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(MopsPreviewReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[N_PREVIEW_FILES];
  g_auto(Progress) progress = { 0 };

  store_preview_files (fixture->library, fixture->source, ids);

  g_main_context_push_thread_default (context);
  progress_init (&progress);
  g_assert_true (progress.context == context);
  report = run_previews_in_worker (fixture->library, NULL, 0, &progress, NULL, &error);
  g_main_context_pop_thread_default (context);

  g_assert_no_error (error);
  assert_progress_once_per_asset (&progress, ids, N_PREVIEW_FILES);
  g_assert_cmpuint (report->generated + report->cannot_preview->len, ==, N_PREVIEW_FILES - 1);
  g_assert_false (g_main_context_pending (NULL));
}

/* A previews run started from another thread, and what came back there. */
typedef struct
{
  MopsLibrary       *library;
  const gint64      *ids;
  guint              n_ids;
  Progress           progress;
  MopsPreviewReport *report;
  GError            *error;
} ThreadRun;

/* The thread: a context of its own, pushed as its thread-default one. */
static gpointer
run_previews_on_a_thread (gpointer data)
{
  ThreadRun *run = data;
  g_autoptr(GMainContext) context = g_main_context_new ();

  g_main_context_push_thread_default (context);
  progress_init (&run->progress);
  run->report = run_previews_in_worker (run->library, run->ids, run->n_ids, &run->progress, NULL, &run->error);
  g_main_context_pop_thread_default (context);
  return NULL;
}

static void
test_previews_progress_comes_on_the_thread_that_asked (Fixture       *fixture,
                                                       gconstpointer  user_data)
{
  gint64 ids[N_PREVIEW_FILES];
  g_autoptr(GArray) caller_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  ThreadRun run = { 0 };
  GThread *thread;

  store_preview_files (fixture->library, fixture->source, ids);

  /* Only the four pictures. */
  g_array_append_vals (caller_ids, ids, 4);
  run.library = fixture->library;
  run.ids = (const gint64 *) (void *) caller_ids->data;
  run.n_ids = caller_ids->len;
  thread = g_thread_new ("caller", run_previews_on_a_thread, &run);
  g_thread_join (thread);

  g_assert_no_error (run.error);
  g_assert_nonnull (run.report);
  g_assert_cmpuint (run.report->generated, ==, 4);
  assert_progress_once_per_asset (&run.progress, ids, 4);
  g_assert_false (run.progress.thread == g_thread_self ());
  g_assert_false (g_main_context_pending (NULL));

  mops_preview_report_free (run.report);
  progress_clear (&run.progress);
}

/* The caller's copy of the ids goes right after the call. */
static void
test_previews_copy_the_ids (Fixture       *fixture,
                            gconstpointer  user_data)
{
  gint64 ids[N_PREVIEW_FILES];
  g_autoptr(MopsPreviewReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Waiter) waiter = { 0 };
  g_auto(Progress) progress = { 0 };
  gint64 *heap_ids;

  store_preview_files (fixture->library, fixture->source, ids);

  heap_ids = g_new (gint64, 2);
  heap_ids[0] = ids[1];
  heap_ids[1] = ids[BROKEN_FILE];
  progress_init (&progress);
  waiter_init (&waiter);
  mops_previews_run_async (fixture->library, heap_ids, 2, 0, 1, on_preview_progress, &progress, NULL,
                           on_call_done_cb, &waiter);
  heap_ids[0] = heap_ids[1] = ids[0];
  g_free (heap_ids);

  report = mops_previews_run_finish (fixture->library, waiter_wait (&waiter, fixture->library), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->generated, ==, 1);
  g_assert_cmpuint (report->cannot_preview->len, ==, 1);
  assert_progress_once_per_asset (&progress, (const gint64[]) { ids[1], ids[BROKEN_FILE] }, 2);
}

/* An empty list of ids is no asset, as in the sync call, not every asset. */
static void
test_previews_of_no_ids_preview_nothing (Fixture       *fixture,
                                         gconstpointer  user_data)
{
  gint64 ids[N_PREVIEW_FILES];
  g_autoptr(MopsPreviewReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Waiter) waiter = { 0 };
  g_auto(Progress) progress = { 0 };

  store_preview_files (fixture->library, fixture->source, ids);
  progress_init (&progress);
  waiter_init (&waiter);
  mops_previews_run_async (fixture->library, ids, 0, 0, 2, on_preview_progress, &progress, NULL,
                           on_call_done_cb, &waiter);
  report = mops_previews_run_finish (fixture->library, waiter_wait (&waiter, fixture->library), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->generated, ==, 0);
  g_assert_cmpuint (report->cannot_preview->len, ==, 0);
  g_assert_cmpuint (progress.n_calls, ==, 0);
}

static void
test_previews_progress_stops_once_cancelled (Fixture       *fixture,
                                             gconstpointer  user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(MopsPreviewReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[N_PREVIEW_FILES];
  g_auto(Progress) progress = { 0 };

  store_preview_files (fixture->library, fixture->source, ids);
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("more-%02u.png", i);
      g_autofree char *path = mops_test_write_png (fixture->source, name, 200 + i, 150, NULL);

      store_path (fixture->library, path);
    }

  progress_init (&progress);
  progress.cancel_at_first = cancellable;
  report = run_previews_in_worker (fixture->library, NULL, 0, &progress, cancellable, &error);

  /* The first call cancelled: whatever the worker had done by then, nothing more came. */
  g_assert_cmpuint (progress.n_calls, ==, 1);
  g_assert_cmpuint (progress.n_after_cancel, ==, 0);
  g_assert_cmpuint (progress.n_wrong_place, ==, 0);

  /* GIO's convention (an error) or a report that says so. */
  if (report == NULL)
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  else
    {
      g_assert_no_error (error);
      g_assert_true (report->cancelled);
    }
}

/* ---- Renders, copies and text ------------------------------------------------------------ */

static char *
render_in_worker (MopsLibrary  *library,
                  gint64        asset_id,
                  int           page,
                  int           size,
                  int          *out_page_count,
                  int          *out_natural,
                  GError      **error)
{
  g_auto(Waiter) waiter = { 0 };

  waiter_init (&waiter);
  mops_preview_render_async (library, asset_id, page, size, NULL, on_call_done_cb, &waiter);
  g_assert_cmpuint (waiter.n_callbacks, ==, 0);
  return mops_preview_render_finish (library, waiter_wait (&waiter, library), out_page_count, out_natural, error);
}

static void
test_render_gives_a_png_its_pages_and_natural_size (Fixture       *fixture,
                                                    gconstpointer  user_data)
{
  g_autofree char *pdf = mops_test_write_pdf (fixture->source, "Brand guidelines.pdf", 3);
  gint64 id = store_path (fixture->library, pdf);
  g_autofree char *png = NULL;
  g_autofree char *sync_png = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(GError) error = NULL;
  int page_count = 0, natural = 0, sync_page_count = 0, sync_natural = 0, width = 0, height = 0;

  png = render_in_worker (fixture->library, id, 1, 1024, &page_count, &natural, &error);
  g_assert_no_error (error);
  g_assert_nonnull (png);
  g_assert_true (g_path_is_absolute (png));
  basename = g_path_get_basename (png);
  g_assert_true (g_str_has_suffix (basename, "-p1-1024.png"));
  g_assert_cmpint (page_count, ==, 3);
  g_assert_cmpint (natural, ==, 842);   /* an A4 page's long edge in points */
  png_size (png, &width, &height);
  g_assert_cmpint (width, ==, 724);
  g_assert_cmpint (height, ==, 1024);

  /* The sync call says the same (from the cache the worker wrote). */
  g_assert_true (mops_preview_render (fixture->library, id, 1, 1024, &sync_png, &sync_page_count, &sync_natural,
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sync_png, ==, png);
  g_assert_cmpint (sync_page_count, ==, page_count);
  g_assert_cmpint (sync_natural, ==, natural);

  /* The out-values may be left out. */
  g_clear_pointer (&png, g_free);
  png = render_in_worker (fixture->library, id, 0, 256, NULL, NULL, &error);
  g_assert_no_error (error);
  png_size (png, &width, &height);
  g_assert_cmpint (height, ==, 256);
}

static void
test_render_refuses_what_it_cannot_show (Fixture       *fixture,
                                         gconstpointer  user_data)
{
  g_autofree char *pdf = mops_test_write_pdf (fixture->source, "Two pages.pdf", 2);
  gint64 id = store_path (fixture->library, pdf);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) sync_error = NULL;
  g_autofree char *png = NULL;
  int page_count = -7, natural = -7;

  png = render_in_worker (fixture->library, id, 2, 1024, &page_count, &natural, &error);
  g_assert_null (png);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Two pages.pdf"));
  g_assert_cmpint (page_count, ==, -7);
  g_assert_cmpint (natural, ==, -7);
  g_assert_false (mops_preview_render (fixture->library, id, 2, 1024, &png, NULL, NULL, &sync_error));
  g_assert_error (sync_error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, sync_error->message);
  g_clear_error (&error);

  png = render_in_worker (fixture->library, id, 0, MOPS_PREVIEW_RENDER_MAX + 1, NULL, NULL, &error);
  g_assert_null (png);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);

  png = render_in_worker (fixture->library, id + 100, 0, 1024, NULL, NULL, &error);
  g_assert_null (png);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
}

static gboolean
copy_in_worker (MopsLibrary  *library,
                gint64        asset_id,
                const char   *dest,
                char        **out_sidecar,
                GError      **error)
{
  g_auto(Waiter) waiter = { 0 };

  waiter_init (&waiter);
  mops_export_asset_copy_async (library, asset_id, dest, NULL, on_call_done_cb, &waiter);
  g_assert_cmpuint (waiter.n_callbacks, ==, 0);
  return mops_export_asset_copy_finish (library, waiter_wait (&waiter, library), out_sidecar, error);
}

/* A title, a tag and a licence to write into the copies. */
static void
describe_for_export (MopsLibrary *library,
                     gint64       id)
{
  g_autoptr(MopsLicence) licence = mops_licence_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (mops_assets_set_text_fields (library, id, "Fjord at sunrise", "Morning light", "Ingrid Dahl",
                                              &error));
  g_assert_true (mops_tags_add_to_assets (library, "Brand/Photos", &id, 1, &error));
  licence->licensor = g_strdup ("Nordic Stock AS");
  licence->kind = MOPS_LICENCE_KIND_ROYALTY_FREE;
  licence->expires_on = g_strdup ("2099-12-31");
  g_assert_cmpint (mops_licences_create (library, licence, &id, 1, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_copy_embeds_xmp_like_the_sync_copy (Fixture       *fixture,
                                         gconstpointer  user_data)
{
  g_autofree char *source = mops_test_write_png (fixture->source, "fjord.png", 320, 200, NULL);
  g_autofree char *out = mops_test_make_dir (fixture->dir, "Exported files");
  g_autofree char *dest = g_build_filename (out, "Fjord for the agency.png", NULL);
  g_autofree char *sync_dest = g_build_filename (out, "sync.png", NULL);
  g_autofree char *marker = g_strdup ("not touched");
  char *sidecar = marker;
  g_autofree char *sync_sidecar = NULL;
  g_autofree char *stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = store_path (fixture->library, source);

  describe_for_export (fixture->library, id);

  /* The sidecar's path is set to NULL when the XMP went into the copy. */
  g_assert_true (copy_in_worker (fixture->library, id, dest, &sidecar, &error));
  g_assert_no_error (error);
  g_assert_null (sidecar);
  g_assert_true (g_file_test (dest, G_FILE_TEST_IS_REGULAR));
  g_assert_false (mops_test_files_equal (source, dest));   /* the XMP went in */

  g_assert_true (mops_export_asset_copy_in_db (fixture->library, fixture->db, id, sync_dest, &sync_sidecar, &error));
  g_assert_no_error (error);
  g_assert_null (sync_sidecar);
  g_assert_true (mops_test_files_equal (sync_dest, dest));

  /* The library's own file is untouched, and cannot be the copy. */
  stored = stored_file (fixture->library, id);
  g_assert_true (mops_test_files_equal (source, stored));
  g_assert_false (copy_in_worker (fixture->library, id, stored, NULL, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_assert_true (mops_test_files_equal (source, stored));
  g_clear_error (&error);

  /* An unknown asset writes nothing. */
  {
    g_autofree char *nothing = g_build_filename (out, "nothing.png", NULL);

    g_assert_false (copy_in_worker (fixture->library, id + 100, nothing, NULL, &error));
    g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
    g_assert_false (g_file_test (nothing, G_FILE_TEST_EXISTS));
  }
}

static void
test_copy_of_a_format_without_xmp_returns_a_sidecar (Fixture       *fixture,
                                                     gconstpointer  user_data)
{
  g_autofree char *source = mops_test_write_file (fixture->source, "brief.txt", "Launch brief\nTone: warm.\n", -1);
  g_autofree char *out = mops_test_make_dir (fixture->dir, "Exported files");
  g_autofree char *dest = g_build_filename (out, "brief.txt", NULL);
  g_autofree char *sync_dest = g_build_filename (out, "sync.txt", NULL);
  g_autofree char *expected_sidecar = g_strconcat (dest, ".xmp", NULL);
  g_autofree char *sidecar = NULL;
  g_autofree char *sync_sidecar = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = store_path (fixture->library, source);

  describe_for_export (fixture->library, id);

  g_assert_true (copy_in_worker (fixture->library, id, dest, &sidecar, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sidecar, ==, expected_sidecar);
  g_assert_true (mops_test_files_equal (source, dest));
  g_assert_true (g_file_test (sidecar, G_FILE_TEST_IS_REGULAR));

  g_assert_true (mops_export_asset_copy_in_db (fixture->library, fixture->db, id, sync_dest, &sync_sidecar, &error));
  g_assert_no_error (error);
  g_assert_true (mops_test_files_equal (sync_dest, dest));
  g_assert_true (mops_test_files_equal (sync_sidecar, sidecar));

  /* Without asking for the sidecar's path, it is written all the same. */
  g_assert_no_errno (g_unlink (sidecar));
  g_assert_true (copy_in_worker (fixture->library, id, dest, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (mops_test_files_equal (sync_sidecar, sidecar));
}

static char *
read_text_in_worker (MopsLibrary  *library,
                     gint64        asset_id,
                     gsize         max_bytes,
                     gboolean     *out_truncated,
                     GError      **error)
{
  g_auto(Waiter) waiter = { 0 };

  waiter_init (&waiter);
  mops_asset_read_text_async (library, asset_id, max_bytes, NULL, on_call_done_cb, &waiter);
  g_assert_cmpuint (waiter.n_callbacks, ==, 0);
  return mops_asset_read_text_finish (library, waiter_wait (&waiter, library), out_truncated, error);
}

static void
test_read_text_is_valid_utf8_and_says_when_truncated (Fixture       *fixture,
                                                      gconstpointer  user_data)
{
  /* "ö" and "ß" take two bytes, "—" three, "ロ" three. */
  static const char content[] = "Grüße aus Köln — ロゴ\nZweite Zeile.\n";
  const gsize len = sizeof content - 1;
  gint64 id = mops_test_store_file (fixture->library, fixture->source, "greeting.txt", content,
                                    &(MopsAssetInfo) { .mime = "text/plain" });
  gint64 latin1 = mops_test_store_file (fixture->library, fixture->source, "latin1.txt", "Gr\xfc\xdf" "e\n",
                                        &(MopsAssetInfo) { .mime = "text/plain" });
  g_autoptr(GError) error = NULL;

  /* Longer than the file, exactly the file, one byte short. */
  {
    gboolean truncated = TRUE;
    g_autofree char *text = read_text_in_worker (fixture->library, id, 4096, &truncated, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (text, ==, content);
    g_assert_false (truncated);
  }
  {
    gboolean truncated = TRUE;
    g_autofree char *text = read_text_in_worker (fixture->library, id, len, &truncated, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (text, ==, content);
    g_assert_false (truncated);
  }
  {
    gboolean truncated = FALSE;
    g_autofree char *text = read_text_in_worker (fixture->library, id, len - 1, &truncated, &error);

    g_assert_no_error (error);
    g_assert_true (truncated);
    g_assert_cmpuint (strlen (text), ==, len - 1);
    g_assert_true (strncmp (text, content, len - 1) == 0);
  }

  /* Every cut, also inside a character, is valid UTF-8 beginning like the file. */
  for (gsize max = 1; max < len; max++)
    {
      gboolean truncated = FALSE;
      g_autofree char *text = read_text_in_worker (fixture->library, id, max, &truncated, &error);
      gsize boundary = max;

      g_assert_no_error (error);
      g_assert_true (truncated);
      g_assert_true (g_utf8_validate (text, -1, NULL));
      while (boundary > 0 && (content[boundary] & 0xc0) == 0x80)
        boundary--;
      g_assert_true (strncmp (text, content, boundary) == 0);
      g_assert_cmpuint (strlen (text), <=, boundary + 3 * (max - boundary));   /* U+FFFD per byte left */
    }

  /* Bytes that are not UTF-8 come back replaced, and the truncated flag may be left out. */
  {
    g_autofree char *text = read_text_in_worker (fixture->library, latin1, 100, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (g_utf8_validate (text, -1, NULL));
    g_assert_true (g_str_has_prefix (text, "Gr"));
    g_assert_nonnull (strstr (text, "\xef\xbf\xbd"));
    g_assert_true (g_str_has_suffix (text, "e\n"));
  }
}

/* A limit far larger than the file costs no more than the file. */
static void
test_read_text_with_a_huge_limit_reads_the_file (Fixture       *fixture,
                                                 gconstpointer  user_data)
{
  gint64 id = mops_test_store_file (fixture->library, fixture->source, "short.txt", "short\n",
                                    &(MopsAssetInfo) { .mime = "text/plain" });
  g_autoptr(GError) error = NULL;
  gboolean truncated = TRUE;
  g_autofree char *text = read_text_in_worker (fixture->library, id, G_MAXUINT - 1, &truncated, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "short\n");
  g_assert_false (truncated);
}

static void
test_read_text_of_a_missing_file_is_an_error_naming_it (Fixture       *fixture,
                                                        gconstpointer  user_data)
{
  gint64 id = mops_test_store_file (fixture->library, fixture->source, "Launch copy.txt", "We launch on Monday.\n",
                                    &(MopsAssetInfo) { .mime = "text/plain" });
  g_autofree char *stored = stored_file (fixture->library, id);
  g_autoptr(GError) error = NULL;
  gboolean truncated = TRUE;
  g_autofree char *text = NULL;

  g_assert_no_errno (g_unlink (stored));
  text = read_text_in_worker (fixture->library, id, 100, &truncated, &error);
  g_assert_null (text);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "Launch copy.txt"));
  g_assert_true (truncated);   /* out-values are left alone on failure */
  g_clear_error (&error);

  text = read_text_in_worker (fixture->library, id + 100, 100, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
}

/* ---- The Trash --------------------------------------------------------------------------- */

/* Five files; the first three trashed, the second used by a content item and the third the
 * contract of a licence. Returns the ids through @ids. */
static void
fill_trash (MopsLibrary *library,
            const char  *dir,
            gint64      *ids)
{
  static const char *const names[] = { "old-banner.png", "launch-visual.png", "signed-contract.pdf", "keep-1.png",
                                       "keep-2.png" };
  g_autoptr(MopsLicence) licence = mops_licence_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  mops_test_store_files (library, dir, names, G_N_ELEMENTS (names), ids);

  sql = g_strdup_printf ("INSERT INTO content_items (uid, title, created_at, modified_at)"
                         " VALUES ('u1', 'Launch post', 0, 0);"
                         "INSERT INTO content_assets VALUES (last_insert_rowid (), %" G_GINT64_FORMAT ", 0)",
                         ids[1]);
  g_assert_true (mops_db_exec (mops_library_get_db (library), sql, &error));
  g_assert_no_error (error);

  licence->licensor = g_strdup ("Agency Nord");
  licence->contract_asset_id = ids[2];
  g_assert_cmpint (mops_licences_create (library, licence, &ids[3], 1, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (mops_assets_trash (library, ids, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mops_assets_count_trashed (library), ==, 3);
}

/* A cancel that comes after the worker did its work does not hide what it did. */
static void
test_empty_trash_cancelled_afterwards_says_what_it_did (Fixture       *fixture,
                                                        gconstpointer  user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Waiter) waiter = { 0 };
  gint64 ids[5];
  gint64 before, deleted;

  fill_trash (fixture->library, fixture->source, ids);
  before = mops_assets_count_trashed (fixture->library);
  waiter_init (&waiter);
  mops_assets_empty_trash_async (fixture->library, cancellable, on_call_done_cb, &waiter);
  while (waiter.n_callbacks == 0)
    g_main_loop_run (waiter.loop);
  g_cancellable_cancel (cancellable);

  deleted = mops_assets_empty_trash_finish (fixture->library, waiter.result, &kept, &error);
  g_assert_no_error (error);
  g_assert_cmpint (deleted, >, 0);
  g_assert_cmpint (mops_assets_count_trashed (fixture->library), ==, before - deleted);
  g_assert_nonnull (kept);
}

static void
test_empty_trash_deletes_and_keeps_like_the_sync_call (Fixture       *fixture,
                                                       gconstpointer  user_data)
{
  g_autoptr(MopsLibrary) twin = open_twin (fixture);
  g_autofree char *twin_source = mops_test_make_dir (fixture->dir, "twin-in");
  g_autoptr(GPtrArray) expected_kept = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *gone_file = NULL;
  g_autofree char *kept_file = NULL;
  gint64 ids[5], twin_ids[5];
  gint64 expected, deleted;
  g_auto(Waiter) waiter = { 0 };

  fill_trash (fixture->library, fixture->source, ids);
  fill_trash (twin, twin_source, twin_ids);
  g_assert_cmpmem (ids, sizeof ids, twin_ids, sizeof twin_ids);
  gone_file = stored_file (fixture->library, ids[0]);
  kept_file = stored_file (fixture->library, ids[1]);

  expected = mops_assets_empty_trash (twin, &expected_kept, &error);
  g_assert_no_error (error);

  waiter_init (&waiter);
  mops_assets_empty_trash_async (fixture->library, NULL, on_call_done_cb, &waiter);
  g_assert_cmpuint (waiter.n_callbacks, ==, 0);
  deleted = mops_assets_empty_trash_finish (fixture->library, waiter_wait (&waiter, fixture->library), &kept, &error);
  g_assert_no_error (error);

  g_assert_cmpint (deleted, ==, expected);
  g_assert_cmpint (deleted, ==, 1);
  g_assert_cmpuint (kept->len, ==, expected_kept->len);
  g_assert_cmpuint (kept->len, ==, 2);
  for (guint i = 0; i < kept->len; i++)
    {
      const MopsTrashKept *a = g_ptr_array_index (expected_kept, i);
      const MopsTrashKept *b = g_ptr_array_index (kept, i);

      g_assert_cmpint (b->id, ==, a->id);
      g_assert_cmpstr (b->name, ==, a->name);
      g_assert_cmpstr (b->used_by, ==, a->used_by);
    }
  g_assert_cmpint (((MopsTrashKept *) kept->pdata[0])->id, ==, ids[1]);
  g_assert_nonnull (strstr (((MopsTrashKept *) kept->pdata[0])->used_by, "Launch post"));
  g_assert_cmpint (((MopsTrashKept *) kept->pdata[1])->id, ==, ids[2]);

  /* The rows and the file went; what is kept stays in the Trash with its file. */
  g_assert_cmpint (mops_assets_count_trashed (fixture->library), ==, 2);
  g_assert_cmpint (mops_assets_count_trashed (twin), ==, 2);
  g_assert_false (g_file_test (gone_file, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (kept_file, G_FILE_TEST_EXISTS));

  /* Emptied again: nothing more goes, the same two stay; the kept list may be left out. */
  g_clear_object (&waiter.result);
  g_clear_object (&waiter.source);
  waiter.n_callbacks = 0;
  mops_assets_empty_trash_async (fixture->library, NULL, on_call_done_cb, &waiter);
  deleted = mops_assets_empty_trash_finish (fixture->library, waiter_wait (&waiter, fixture->library), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (deleted, ==, 0);
  g_assert_cmpint (mops_assets_count_trashed (fixture->library), ==, 2);
}

/* ---- Every call -------------------------------------------------------------------------- */

/* A small library with something for every call to work on. */
typedef struct
{
  Fixture  *fixture;
  gint64    png;
  gint64    text;
  char     *dest;       /* where the copy goes */
  Progress  progress;
  gint64    item;       /* a draft with a comment, a task and the PNG */
  gint64    task;       /* its task */
  gint64    draft;      /* an unscheduled draft, for review */
  char     *ics_out;    /* where the calendar export goes */
  char     *ics_in;     /* a calendar of one new item */
  gint64    licence;    /* the PNG's licence */
  gint64    team;       /* a team to book for, in a library with FY 2026 in EUR */
} Everyday;

static void
add_content_item (Everyday *everyday)
{
  MopsLibrary *library = everyday->fixture->library;
  MopsContentItemInfo info = {
    .uid = "launch@test", .title = "Launch post", .status = MOPS_CONTENT_STATUS_DRAFT,
    .publish_at = "2026-11-24T10:00",
  };
  MopsCommentInfo comment = { .body = "Nice", .created_at = 1795000000 };
  MopsContentTaskInfo task = { .title = "Proofread", .due_on = "2026-11-20" };
  MopsContentItemInfo draft = { .uid = "draft@test", .title = "Draft", .status = MOPS_CONTENT_STATUS_DRAFT };

  everyday->item = mops_content_items_add (library, &info, NULL);
  g_assert_cmpint (everyday->item, >, 0);
  g_assert_cmpint (mops_content_items_add_comment (library, everyday->item, &comment, NULL), >, 0);
  everyday->task = mops_content_items_add_task (library, everyday->item, &task, NULL);
  g_assert_cmpint (everyday->task, >, 0);
  everyday->draft = mops_content_items_add (library, &draft, NULL);
  g_assert_cmpint (everyday->draft, >, 0);
  g_assert_true (mops_content_items_add_asset (library, everyday->item, everyday->png, 0, NULL));
}

static void
everyday_init (Everyday *everyday,
               Fixture  *fixture)
{
  g_autofree char *png = mops_test_write_png (fixture->source, "logo.png", 64, 48, NULL);
  g_autofree char *trashed = mops_test_write_png (fixture->source, "old.png", 32, 32, NULL);
  gint64 old;

  memset (everyday, 0, sizeof *everyday);
  everyday->fixture = fixture;
  everyday->png = store_path (fixture->library, png);
  everyday->text = mops_test_store_file (fixture->library, fixture->source, "notes.txt", "Some notes.\n",
                                         &(MopsAssetInfo) { .mime = "text/plain" });
  old = store_path (fixture->library, trashed);
  g_assert_true (mops_tags_add_to_assets (fixture->library, "Brand/Logos", &everyday->png, 1, NULL));
  everyday->licence = add_licence (fixture, everyday->png, -10, 100, TRUE, NULL, 0);
  g_assert_cmpint (sqlite3_exec (fixture->db,
                                 "INSERT INTO teams (name) VALUES ('Brand');"
                                 "INSERT INTO fiscal_years (name, starts_on, currency)"
                                 " VALUES ('FY 2026', '2026-01-01', 'EUR');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  everyday->team = mops_test_query_int (fixture->db, "SELECT id FROM teams WHERE name = 'Brand'");
  g_assert_true (mops_assets_trash (fixture->library, &old, 1, NULL));
  everyday->dest = g_build_filename (fixture->dir, "copy.png", NULL);
  progress_init (&everyday->progress);
  add_content_item (everyday);
  everyday->ics_out = g_build_filename (fixture->dir, "calendar.ics", NULL);
  everyday->ics_in = mops_test_write_file (fixture->dir, "in.ics",
                                           "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
                                           "BEGIN:VEVENT\r\nUID:new@test\r\nDTSTAMP:20261101T000000Z\r\n"
                                           "DTSTART:20261126T090000\r\nSUMMARY:From a file\r\n"
                                           "END:VEVENT\r\nEND:VCALENDAR\r\n", -1);
}

static void
everyday_clear (Everyday *everyday)
{
  g_clear_pointer (&everyday->dest, g_free);
  g_clear_pointer (&everyday->ics_out, g_free);
  g_clear_pointer (&everyday->ics_in, g_free);
  progress_clear (&everyday->progress);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Everyday, everyday_clear)

typedef void     (*StartFunc)  (Everyday            *everyday,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data);
typedef gboolean (*FinishFunc) (Everyday            *everyday,
                                GAsyncResult        *result,
                                GError             **error);

/* One _async call with its _finish; finish frees what it got and says whether it got it. */
typedef struct
{
  const char *name;
  gpointer    source_tag;
  StartFunc   start;
  FinishFunc  finish;
  gboolean    changes_answers;   /* what it writes changes what the others read */
} Call;

/* ---- Calendar ---------------------------------------------------------------------------- */

static void
start_calendar_list (Everyday            *everyday,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  mops_content_items_list_async (everyday->fixture->library, "2026-11-01", "2026-11-30", cancellable,
                                 callback, user_data);
}

static gboolean
finish_calendar_list (Everyday      *everyday,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_autoptr(GPtrArray) items = mops_content_items_list_finish (everyday->fixture->library, result, error);

  if (items != NULL)
    {
      g_assert_cmpuint (items->len, ==, 1);
      g_assert_cmpstr (((MopsContentItem *) g_ptr_array_index (items, 0))->uid, ==, "launch@test");
    }
  return items != NULL;
}

static void
start_calendar_load (Everyday            *everyday,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  mops_content_items_load_async (everyday->fixture->library, everyday->item, cancellable, callback, user_data);
}

static gboolean
finish_calendar_load (Everyday      *everyday,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_autoptr(MopsContentItemDetails) details = mops_content_items_load_finish (everyday->fixture->library,
                                                                              result, error);

  if (details != NULL)
    {
      g_assert_cmpstr (details->item->title, ==, "Launch post");
      g_assert_cmpuint (details->comments->len, ==, 1);
      g_assert_cmpuint (details->tasks->len, ==, 1);
      g_assert_cmpuint (details->asset_ids->len, ==, 1);
      g_assert_cmpint (g_array_index (details->asset_ids, gint64, 0), ==, everyday->png);
    }
  return details != NULL;
}

static void
start_open_tasks (Everyday            *everyday,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  mops_content_tasks_list_open_async (everyday->fixture->library, cancellable, callback, user_data);
}

static gboolean
finish_open_tasks (Everyday      *everyday,
                   GAsyncResult  *result,
                   GError       **error)
{
  g_autoptr(GPtrArray) tasks = mops_content_tasks_list_open_finish (everyday->fixture->library, result, error);

  if (tasks != NULL)
    g_assert_cmpuint (tasks->len, ==, 1);
  return tasks != NULL;
}

static void
start_calendar_update (Everyday            *everyday,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autofree char *title = g_strdup ("Launch post, revised");
  MopsContentItemInfo info = {
    .title = title, .status = MOPS_CONTENT_STATUS_DRAFT, .publish_at = "2026-11-25T10:00",
  };

  /* the call keeps its own copy of the strings */
  mops_content_items_update_async (everyday->fixture->library, everyday->item, &info, cancellable,
                                   callback, user_data);
  memset (title, 'x', strlen (title));
}

static gboolean
finish_calendar_update (Everyday      *everyday,
                        GAsyncResult  *result,
                        GError       **error)
{
  gboolean done = mops_content_items_update_finish (everyday->fixture->library, result, error);
  g_autoptr(MopsContentItem) item = mops_content_items_load (everyday->fixture->library, everyday->item, NULL);

  g_assert_cmpstr (item->title, ==, done ? "Launch post, revised" : "Launch post");
  return done;
}

static void
start_calendar_status (Everyday            *everyday,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  mops_content_items_set_status_async (everyday->fixture->library, everyday->item,
                                       MOPS_CONTENT_STATUS_IN_REVIEW, cancellable, callback, user_data);
}

static gboolean
finish_calendar_status (Everyday      *everyday,
                        GAsyncResult  *result,
                        GError       **error)
{
  gboolean done = mops_content_items_set_status_finish (everyday->fixture->library, result, error);
  g_autoptr(MopsContentItem) item = mops_content_items_load (everyday->fixture->library, everyday->item, NULL);

  g_assert_cmpint (item->status, ==, done ? MOPS_CONTENT_STATUS_IN_REVIEW : MOPS_CONTENT_STATUS_DRAFT);
  return done;
}

static void
start_calendar_delete (Everyday            *everyday,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  mops_content_items_delete_async (everyday->fixture->library, everyday->item, cancellable, callback, user_data);
}

static gboolean
finish_calendar_delete (Everyday      *everyday,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_autoptr(MopsContentItemTrash) trash = mops_content_items_delete_finish (everyday->fixture->library,
                                                                            result, error);

  if (trash != NULL)
    g_assert_cmpint (mops_content_item_trash_get_id (trash), ==, everyday->item);
  g_assert_cmpint (mops_test_query_int (everyday->fixture->db,
                                        "SELECT count(*) FROM content_items WHERE uid = 'launch@test'"),
                   ==, trash != NULL ? 0 : 1);
  return trash != NULL;
}

static void
start_ics_export (Everyday            *everyday,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  mops_calendar_export_ics_async (everyday->fixture->library, everyday->ics_out, NULL, 0, cancellable,
                                  callback, user_data);
}

static gboolean
finish_ics_export (Everyday      *everyday,
                   GAsyncResult  *result,
                   GError       **error)
{
  gboolean done = mops_calendar_export_ics_finish (everyday->fixture->library, result, error);

  g_assert_cmpint (g_file_test (everyday->ics_out, G_FILE_TEST_EXISTS), ==, done);
  return done;
}

static void
start_ics_import (Everyday            *everyday,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  mops_calendar_import_ics_async (everyday->fixture->library, everyday->ics_in, cancellable, callback, user_data);
}

static gboolean
finish_ics_import (Everyday      *everyday,
                   GAsyncResult  *result,
                   GError       **error)
{
  MopsIcsReport report = { 0 };
  gboolean done = mops_calendar_import_ics_finish (everyday->fixture->library, result, &report, error);

  g_assert_cmpuint (report.added, ==, done ? 1 : 0);
  g_assert_cmpint (mops_test_query_int (everyday->fixture->db,
                                        "SELECT count(*) FROM content_items WHERE uid = 'new@test'"),
                   ==, done ? 1 : 0);
  return done;
}

static void
start_calendar_warnings (Everyday            *everyday,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  mops_calendar_list_warnings_async (everyday->fixture->library, cancellable, callback, user_data);
}

static gboolean
finish_calendar_warnings (Everyday      *everyday,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_autoptr(GPtrArray) warnings = mops_calendar_list_warnings_finish (everyday->fixture->library, result, error);

  if (warnings != NULL)
    g_assert_cmpuint (warnings->len, ==, 0);  /* the logo's licence covers the post */
  return warnings != NULL;
}

static void
start_budget_impact (Everyday            *everyday,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  mops_calendar_budget_impact_async (everyday->fixture->library, everyday->item, "2026-12-02", cancellable,
                                     callback, user_data);
}

static gboolean
finish_budget_impact (Everyday      *everyday,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_autoptr(MopsBudgetImpact) impact = mops_calendar_budget_impact_finish (everyday->fixture->library, result, error);

  if (impact != NULL)
    {
      g_assert_true (impact->changes_month);
      g_assert_cmpstr (impact->to_month, ==, "2026-12");
      g_assert_cmpint (impact->amount, ==, 0);  /* no campaign, nothing moves */
    }
  return impact != NULL;
}

static void
start_calendar_add (Everyday            *everyday,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  MopsContentItemInfo info = { .uid = "added@test", .title = "Added in a worker", .publish_at = "2026-12-24" };

  mops_content_items_add_async (everyday->fixture->library, &info, cancellable, callback, user_data);
}

static gboolean
finish_calendar_add (Everyday      *everyday,
                     GAsyncResult  *result,
                     GError       **error)
{
  gint64 id = mops_content_items_add_finish (everyday->fixture->library, result, error);

  g_assert_cmpint (mops_test_query_int (everyday->fixture->db,
                                        "SELECT count(*) FROM content_items WHERE uid = 'added@test'"),
                   ==, id > 0 ? 1 : 0);
  return id > 0;
}

static void
start_calendar_reschedule (Everyday            *everyday,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  mops_content_items_reschedule_async (everyday->fixture->library, everyday->item, "2026-11-26T10:00",
                                       cancellable, callback, user_data);
}

static gboolean
finish_calendar_reschedule (Everyday      *everyday,
                            GAsyncResult  *result,
                            GError       **error)
{
  gboolean done = mops_content_items_reschedule_finish (everyday->fixture->library, result, error);
  g_autoptr(MopsContentItem) item = mops_content_items_load (everyday->fixture->library, everyday->item, NULL);

  g_assert_cmpint (g_strcmp0 (item->publish_at, "2026-11-26T10:00") == 0, ==, done);
  return done;
}

static void
start_calendar_review (Everyday            *everyday,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  mops_content_items_review_async (everyday->fixture->library, everyday->draft, MOPS_REVIEW_REQUEST, 0, NULL,
                                   cancellable, callback, user_data);
}

static gboolean
finish_calendar_review (Everyday      *everyday,
                        GAsyncResult  *result,
                        GError       **error)
{
  gboolean done = mops_content_items_review_finish (everyday->fixture->library, result, error);
  g_autoptr(MopsContentItem) item = mops_content_items_load (everyday->fixture->library, everyday->draft, NULL);

  g_assert_cmpint (item->status, ==, done ? MOPS_CONTENT_STATUS_IN_REVIEW : MOPS_CONTENT_STATUS_DRAFT);
  return done;
}

static void
start_task_done (Everyday            *everyday,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  mops_content_tasks_set_done_async (everyday->fixture->library, everyday->task, TRUE, cancellable,
                                     callback, user_data);
}

static gboolean
finish_task_done (Everyday      *everyday,
                  GAsyncResult  *result,
                  GError       **error)
{
  gboolean done = mops_content_tasks_set_done_finish (everyday->fixture->library, result, error);

  g_assert_cmpint (mops_test_query_int (everyday->fixture->db, "SELECT sum (done) FROM content_tasks"),
                   ==, done ? 1 : 0);
  return done;
}

static void
start_check_move (Everyday            *everyday,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  mops_calendar_check_move_async (everyday->fixture->library, everyday->item, "2026-12-02", cancellable,
                                  callback, user_data);
}

static gboolean
finish_check_move (Everyday      *everyday,
                   GAsyncResult  *result,
                   GError       **error)
{
  g_autoptr(MopsMoveCheck) check = mops_calendar_check_move_finish (everyday->fixture->library, result, error);

  if (check != NULL)
    {
      g_assert_cmpuint (check->licence_problems->len, ==, 0);  /* the logo's licence runs 100 days */
      g_assert_cmpuint (check->channel_problems->len, ==, 0);
      g_assert_true (check->budget->changes_month);
    }
  return check != NULL;
}

/* Deleting in a worker and restoring in another gives back the same rows, as the sync calls
 * do; the list of a recurring item is the sync list. */
static void
test_calendar_calls_answer_like_their_sync_twins (Fixture       *fixture,
                                                  gconstpointer  user_data)
{
  g_auto(Everyday) everyday = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sync_list = NULL;
  g_autoptr(GPtrArray) async_list = NULL;
  g_autoptr(MopsContentItemTrash) trash = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  MopsContentItemInfo weekly = {
    .title = "Letter", .publish_at = "2026-11-03T07:30", .rrule = "FREQ=WEEKLY;COUNT=6",
  };
  MopsContentOverrideInfo skip = { .recurrence_id = "2026-11-10T07:30", .cancelled = TRUE };
  const char *dump_sql = "SELECT * FROM content_items UNION ALL SELECT content_item_id, asset_id,"
                         " position, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 FROM content_assets"
                         " UNION ALL SELECT id, body, kind, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0"
                         " FROM content_comments";
  gint64 letter;

  everyday_init (&everyday, fixture);
  letter = mops_content_items_add (fixture->library, &weekly, &error);
  g_assert_true (mops_content_items_add_override (fixture->library, letter, &skip, &error));
  g_assert_no_error (error);

  sync_list = mops_content_items_list (fixture->library, "2026-11-01", "2026-12-31", &error);
  {
    g_auto(Waiter) waiter = { 0 };

    waiter_init (&waiter);
    mops_content_items_list_async (fixture->library, "2026-11-01", "2026-12-31", NULL, on_call_done_cb, &waiter);
    async_list = mops_content_items_list_finish (fixture->library, waiter_wait (&waiter, fixture->library), &error);
  }
  g_assert_no_error (error);
  g_assert_cmpuint (async_list->len, ==, 6);  /* five of the letter, one launch post */
  g_assert_cmpuint (async_list->len, ==, sync_list->len);
  for (guint i = 0; i < sync_list->len; i++)
    {
      const MopsContentItem *a = g_ptr_array_index (sync_list, i);
      const MopsContentItem *b = g_ptr_array_index (async_list, i);

      g_assert_cmpint (a->id, ==, b->id);
      g_assert_cmpstr (a->publish_at, ==, b->publish_at);
      g_assert_cmpstr (a->recurrence_id, ==, b->recurrence_id);
    }

  /* this one moves in a worker, and comes back in another */
  {
    g_auto(Waiter) waiter = { 0 };
    g_autofree char *rid = g_strdup ("2026-11-17T07:30");
    MopsContentOverrideInfo moved = { .recurrence_id = rid, .publish_at = "2026-11-18T07:30" };
    g_autoptr(GPtrArray) after_move = NULL;

    waiter_init (&waiter);
    mops_content_items_set_override_async (fixture->library, letter, &moved, NULL, on_call_done_cb, &waiter);
    memset (rid, '0', strlen (rid));  /* the call keeps its own copy */
    g_assert_true (mops_content_items_set_override_finish (fixture->library, waiter_wait (&waiter, fixture->library),
                                                           &error));
    g_assert_no_error (error);
    after_move = mops_content_items_list (fixture->library, "2026-11-18", "2026-11-18", &error);
    g_assert_cmpuint (after_move->len, ==, 1);
    g_assert_cmpstr (((MopsContentItem *) g_ptr_array_index (after_move, 0))->recurrence_id, ==, "2026-11-17T07:30");
  }
  {
    g_auto(Waiter) waiter = { 0 };

    waiter_init (&waiter);
    mops_content_items_remove_override_async (fixture->library, letter, "2026-11-17T07:30", NULL, on_call_done_cb,
                                              &waiter);
    g_assert_true (mops_content_items_remove_override_finish (fixture->library,
                                                              waiter_wait (&waiter, fixture->library), &error));
    g_assert_no_error (error);
  }

  before = mops_test_dump (fixture->db, dump_sql);
  {
    g_auto(Waiter) waiter = { 0 };

    waiter_init (&waiter);
    mops_content_items_delete_async (fixture->library, everyday.item, NULL, on_call_done_cb, &waiter);
    trash = mops_content_items_delete_finish (fixture->library, waiter_wait (&waiter, fixture->library), &error);
  }
  g_assert_no_error (error);
  {
    g_auto(Waiter) waiter = { 0 };

    waiter_init (&waiter);
    mops_content_items_restore_async (fixture->library, trash, NULL, on_call_done_cb, &waiter);
    g_clear_pointer (&trash, mops_content_item_trash_free);  /* the call holds its own copy */
    g_assert_true (mops_content_items_restore_finish (fixture->library, waiter_wait (&waiter, fixture->library),
                                                      &error));
  }
  g_assert_no_error (error);
  after = mops_test_dump (fixture->db, dump_sql);
  g_assert_cmpstr (after, ==, before);
}

static const char *const logo_only[] = { "Brand/Logos", NULL };

static void
start_search (Everyday            *everyday,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  MopsSearchQuery query = { .tags = logo_only };

  mops_search_assets_async (everyday->fixture->library, &query, cancellable, callback, user_data);
}

static gboolean
finish_search (Everyday      *everyday,
               GAsyncResult  *result,
               GError       **error)
{
  g_autoptr(GArray) ids = mops_search_assets_finish (everyday->fixture->library, result, error);

  if (ids != NULL)
    {
      g_assert_cmpuint (ids->len, ==, 1);
      g_assert_cmpint (g_array_index (ids, gint64, 0), ==, everyday->png);
    }
  return ids != NULL;
}

static void
start_index (Everyday            *everyday,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  mops_search_index_load_async (everyday->fixture->library, cancellable, callback, user_data);
}

static gboolean
finish_index (Everyday      *everyday,
              GAsyncResult  *result,
              GError       **error)
{
  g_autoptr(MopsSearchIndex) index = mops_search_index_load_finish (everyday->fixture->library, result, error);

  if (index != NULL)
    g_assert_cmpuint (mops_search_index_get_size (index), ==, 3);
  return index != NULL;
}

static void
start_tags (Everyday            *everyday,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  mops_tags_list_async (everyday->fixture->library, cancellable, callback, user_data);
}

static gboolean
finish_tags (Everyday      *everyday,
             GAsyncResult  *result,
             GError       **error)
{
  g_autoptr(GPtrArray) tags = mops_tags_list_finish (everyday->fixture->library, result, error);

  if (tags != NULL)
    g_assert_cmpuint (tags->len, ==, 2);
  return tags != NULL;
}

static void
start_rows (Everyday            *everyday,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  mops_licences_list_rows_async (everyday->fixture->library, -1, MOPS_LICENCE_STATUS_NONE, cancellable, callback,
                                 user_data);
}

static gboolean
finish_rows (Everyday      *everyday,
             GAsyncResult  *result,
             GError       **error)
{
  g_autoptr(GPtrArray) rows = mops_licences_list_rows_finish (everyday->fixture->library, result, error);

  if (rows != NULL)
    g_assert_cmpuint (rows->len, ==, 2);   /* the logo (active) and the notes (missing) */
  return rows != NULL;
}

static void
start_with_status (Everyday            *everyday,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  mops_licences_assets_with_status_async (everyday->fixture->library, 1u << MOPS_LICENCE_STATUS_MISSING, cancellable,
                                          callback, user_data);
}

static gboolean
finish_with_status (Everyday      *everyday,
                    GAsyncResult  *result,
                    GError       **error)
{
  g_autoptr(GArray) ids = mops_licences_assets_with_status_finish (everyday->fixture->library, result, error);

  if (ids != NULL)
    {
      g_assert_cmpuint (ids->len, ==, 1);
      g_assert_cmpint (g_array_index (ids, gint64, 0), ==, everyday->text);
    }
  return ids != NULL;
}

static void
start_attention (Everyday            *everyday,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  mops_licences_list_attention_async (everyday->fixture->library, cancellable, callback, user_data);
}

static gboolean
finish_attention (Everyday      *everyday,
                  GAsyncResult  *result,
                  GError       **error)
{
  g_autoptr(GHashTable) attention = mops_licences_list_attention_finish (everyday->fixture->library, result, error);

  if (attention != NULL)
    {
      g_assert_cmpuint (g_hash_table_size (attention), ==, 1);
      g_assert_true (g_hash_table_contains (attention, &everyday->text));
    }
  return attention != NULL;
}

static void
start_table (Everyday            *everyday,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  mops_licences_list_table_async (everyday->fixture->library, -1, cancellable, callback, user_data);
}

static gboolean
finish_table (Everyday      *everyday,
              GAsyncResult  *result,
              GError       **error)
{
  g_autoptr(GPtrArray) table = mops_licences_list_table_finish (everyday->fixture->library, result, error);

  if (table != NULL)
    g_assert_cmpuint (table->len, ==, 2);
  return table != NULL;
}

static void
start_previews (Everyday            *everyday,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  mops_previews_run_async (everyday->fixture->library, NULL, 0, 0, 1, on_preview_progress, &everyday->progress,
                           cancellable, callback, user_data);
}

static gboolean
finish_previews (Everyday      *everyday,
                 GAsyncResult  *result,
                 GError       **error)
{
  g_autoptr(MopsPreviewReport) report = mops_previews_run_finish (everyday->fixture->library, result, error);

  if (report != NULL)
    {
      g_assert_cmpuint (report->generated, ==, 2);
      g_assert_cmpuint (everyday->progress.n_calls, ==, 2);
    }
  else
    g_assert_cmpuint (everyday->progress.n_calls, ==, 0);
  return report != NULL;
}

static void
start_render (Everyday            *everyday,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  mops_preview_render_async (everyday->fixture->library, everyday->png, 0, 512, cancellable, callback, user_data);
}

static gboolean
finish_render (Everyday      *everyday,
               GAsyncResult  *result,
               GError       **error)
{
  int natural = 0;
  g_autofree char *png = mops_preview_render_finish (everyday->fixture->library, result, NULL, &natural, error);

  if (png != NULL)
    {
      g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
      g_assert_cmpint (natural, ==, 64);
    }
  return png != NULL;
}

static void
start_copy (Everyday            *everyday,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  mops_export_asset_copy_async (everyday->fixture->library, everyday->png, everyday->dest, cancellable, callback,
                                user_data);
}

static gboolean
finish_copy (Everyday      *everyday,
             GAsyncResult  *result,
             GError       **error)
{
  g_autofree char *sidecar = NULL;
  gboolean copied = mops_export_asset_copy_finish (everyday->fixture->library, result, &sidecar, error);

  g_assert_null (sidecar);
  g_assert_cmpint (g_file_test (everyday->dest, G_FILE_TEST_EXISTS), ==, copied);
  return copied;
}

static void
start_text (Everyday            *everyday,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  mops_asset_read_text_async (everyday->fixture->library, everyday->text, 1024, cancellable, callback, user_data);
}

static gboolean
finish_text (Everyday      *everyday,
             GAsyncResult  *result,
             GError       **error)
{
  g_autofree char *text = mops_asset_read_text_finish (everyday->fixture->library, result, NULL, error);

  if (text != NULL)
    g_assert_cmpstr (text, ==, "Some notes.\n");
  return text != NULL;
}

static void
start_trash (Everyday            *everyday,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  mops_assets_empty_trash_async (everyday->fixture->library, cancellable, callback, user_data);
}

static gboolean
finish_trash (Everyday      *everyday,
              GAsyncResult  *result,
              GError       **error)
{
  g_autoptr(GPtrArray) kept = NULL;
  gint64 deleted = mops_assets_empty_trash_finish (everyday->fixture->library, result, &kept, error);

  if (deleted >= 0)
    {
      g_assert_cmpint (deleted, ==, 1);
      g_assert_cmpuint (kept->len, ==, 0);
    }
  else
    g_assert_null (kept);
  g_assert_cmpint (mops_assets_count_trashed (everyday->fixture->library), ==, deleted >= 0 ? 0 : 1);
  return deleted >= 0;
}

/* ---- The licence editor ------------------------------------------------------------------ */

static void
start_licence_load (Everyday            *everyday,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  mops_licences_load_async (everyday->fixture->library, everyday->licence, cancellable, callback, user_data);
}

static gboolean
finish_licence_load (Everyday      *everyday,
                     GAsyncResult  *result,
                     GError       **error)
{
  g_autoptr(MopsLicence) licence = mops_licences_load_finish (everyday->fixture->library, result, error);

  if (licence != NULL)
    {
      g_autoptr(MopsLicence) sync = mops_licences_load (everyday->fixture->library, everyday->licence, NULL);

      g_assert_cmpint (licence->id, ==, everyday->licence);
      g_assert_cmpstr (licence->licensor, ==, sync->licensor);
      g_assert_cmpstr (licence->expires_on, ==, sync->expires_on);
      g_assert_cmpuint (licence->asset_ids->len, ==, 1);
      g_assert_cmpint (g_array_index (licence->asset_ids, gint64, 0), ==, everyday->png);
    }
  return licence != NULL;
}

static void
start_expenses (Everyday            *everyday,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  mops_licences_list_expenses_async (everyday->fixture->library, everyday->licence, cancellable, callback,
                                     user_data);
}

static gboolean
finish_expenses (Everyday      *everyday,
                 GAsyncResult  *result,
                 GError       **error)
{
  g_autoptr(GPtrArray) expenses = mops_licences_list_expenses_finish (everyday->fixture->library, result, error);

  if (expenses != NULL)
    g_assert_cmpuint (expenses->len, ==, 0);
  return expenses != NULL;
}

/* A new licence for the notes, booked at once: the editor's Save of a new licence. */
static void
start_licence_save (Everyday            *everyday,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(MopsLicence) licence = mops_licence_new ();
  MopsLicenceBooking booking = {
    .team_id = everyday->team, .date = "2026-11-23", .amount = 4900, .currency = "EUR",
  };

  licence->licensor = g_strdup ("Worker House");
  licence->kind = MOPS_LICENCE_KIND_ROYALTY_FREE;
  mops_licences_save_async (everyday->fixture->library, licence, &everyday->text, 1, NULL, 0, &booking,
                            cancellable, callback, user_data);
}

static gboolean
finish_licence_save (Everyday      *everyday,
                     GAsyncResult  *result,
                     GError       **error)
{
  gint64 id = mops_licences_save_finish (everyday->fixture->library, result, error);
  sqlite3 *db = everyday->fixture->db;

  g_assert_cmpint (mops_test_query_int (db, "SELECT count(*) FROM licences WHERE licensor = 'Worker House'"),
                   ==, id > 0 ? 1 : 0);
  g_assert_cmpint (mops_test_query_int (db, "SELECT count(*) FROM expenses e JOIN licences l ON l.id = e.licence_id"
                                            " WHERE l.licensor = 'Worker House' AND e.amount = 4900"),
                   ==, id > 0 ? 1 : 0);
  if (id > 0)
    g_assert_cmpint (mops_test_query_int (db, "SELECT asset_id FROM licence_assets WHERE licence_id ="
                                              " (SELECT id FROM licences WHERE licensor = 'Worker House')"),
                     ==, everyday->text);
  return id > 0;
}

static void
start_licence_confirm (Everyday            *everyday,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  mops_licences_confirm_async (everyday->fixture->library, everyday->licence, cancellable, callback, user_data);
}

static gboolean
finish_licence_confirm (Everyday      *everyday,
                        GAsyncResult  *result,
                        GError       **error)
{
  return mops_licences_confirm_finish (everyday->fixture->library, result, error);
}

static void
start_licence_delete (Everyday            *everyday,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  mops_licences_delete_async (everyday->fixture->library, everyday->licence, cancellable, callback, user_data);
}

static gboolean
finish_licence_delete (Everyday      *everyday,
                       GAsyncResult  *result,
                       GError       **error)
{
  gboolean done = mops_licences_delete_finish (everyday->fixture->library, result, error);

  g_assert_cmpint (mops_test_query_int (everyday->fixture->db, "SELECT count(*) FROM licences WHERE kind = 'royalty_free'"
                                                               " AND licensor = 'Stock House'"),
                   ==, done ? 0 : 1);
  return done;
}

static void
start_text_fields (Everyday            *everyday,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  mops_assets_set_text_fields_async (everyday->fixture->library, everyday->text, "Meeting notes",
                                     "From the kick-off", "Ingrid Dahl", cancellable, callback, user_data);
}

static gboolean
finish_text_fields (Everyday      *everyday,
                    GAsyncResult  *result,
                    GError       **error)
{
  gboolean saved = mops_assets_set_text_fields_finish (everyday->fixture->library, result, error);
  g_autoptr(MopsAsset) asset = mops_asset_load (everyday->fixture->library, everyday->text, NULL);

  /* All three or none, as the sync call writes them. */
  if (asset == NULL)
    g_assert_false (saved);
  else
    {
      g_assert_cmpstr (mops_asset_get_title (asset), ==, saved ? "Meeting notes" : NULL);
      g_assert_cmpstr (mops_asset_get_description (asset), ==, saved ? "From the kick-off" : NULL);
      g_assert_cmpstr (mops_asset_get_creator (asset), ==, saved ? "Ingrid Dahl" : NULL);
    }
  return saved;
}

static const Call calls[] = {
  { "search", mops_search_assets_async, start_search, finish_search },
  { "search index", mops_search_index_load_async, start_index, finish_index },
  { "tags", mops_tags_list_async, start_tags, finish_tags },
  { "licence rows", mops_licences_list_rows_async, start_rows, finish_rows },
  { "assets with status", mops_licences_assets_with_status_async, start_with_status, finish_with_status },
  { "attention", mops_licences_list_attention_async, start_attention, finish_attention },
  { "licence table", mops_licences_list_table_async, start_table, finish_table },
  { "calendar list", mops_content_items_list_async, start_calendar_list, finish_calendar_list },
  { "calendar load", mops_content_items_load_async, start_calendar_load, finish_calendar_load },
  { "open tasks", mops_content_tasks_list_open_async, start_open_tasks, finish_open_tasks },
  { "ics export", mops_calendar_export_ics_async, start_ics_export, finish_ics_export },
  { "calendar warnings", mops_calendar_list_warnings_async, start_calendar_warnings, finish_calendar_warnings },
  { "budget impact", mops_calendar_budget_impact_async, start_budget_impact, finish_budget_impact },
  { "check move", mops_calendar_check_move_async, start_check_move, finish_check_move },
  { "previews", mops_previews_run_async, start_previews, finish_previews },
  { "render", mops_preview_render_async, start_render, finish_render },
  { "export copy", mops_export_asset_copy_async, start_copy, finish_copy },
  { "read text", mops_asset_read_text_async, start_text, finish_text },
  { "empty trash", mops_assets_empty_trash_async, start_trash, finish_trash, TRUE },
  { "text fields", mops_assets_set_text_fields_async, start_text_fields, finish_text_fields, TRUE },
  { "calendar update", mops_content_items_update_async, start_calendar_update, finish_calendar_update, TRUE },
  { "calendar status", mops_content_items_set_status_async, start_calendar_status, finish_calendar_status, TRUE },
  { "calendar add", mops_content_items_add_async, start_calendar_add, finish_calendar_add, TRUE },
  { "calendar reschedule", mops_content_items_reschedule_async, start_calendar_reschedule,
    finish_calendar_reschedule, TRUE },
  { "calendar review", mops_content_items_review_async, start_calendar_review, finish_calendar_review, TRUE },
  { "task done", mops_content_tasks_set_done_async, start_task_done, finish_task_done, TRUE },
  { "calendar delete", mops_content_items_delete_async, start_calendar_delete, finish_calendar_delete, TRUE },
  { "ics import", mops_calendar_import_ics_async, start_ics_import, finish_ics_import, TRUE },
  { "licence load", mops_licences_load_async, start_licence_load, finish_licence_load },
  { "licence expenses", mops_licences_list_expenses_async, start_expenses, finish_expenses },
  { "licence save", mops_licences_save_async, start_licence_save, finish_licence_save, TRUE },
  { "licence confirm", mops_licences_confirm_async, start_licence_confirm, finish_licence_confirm, TRUE },
  { "licence delete", mops_licences_delete_async, start_licence_delete, finish_licence_delete, TRUE },
};

/* Save writes the licence, its links and its booking in one transaction: a booking that
 * cannot be written (an unknown team, no fiscal year) leaves no licence behind, and an edit
 * of an existing licence stays unwritten with it. */
static void
test_licence_save_writes_the_licence_and_its_booking_or_neither (Fixture       *fixture,
                                                                 gconstpointer  user_data)
{
  g_auto(Everyday) everyday = { 0 };
  g_autoptr(MopsLicence) licence = mops_licence_new ();
  g_autoptr(MopsLicence) stored = NULL;
  g_autoptr(GError) error = NULL;
  MopsLicenceBooking no_team = { .team_id = 9999, .date = "2026-11-23", .amount = 100, .currency = "EUR" };
  MopsLicenceBooking no_year = { .date = "2019-05-01", .amount = 100, .currency = "EUR" };
  gint64 before, id;

  everyday_init (&everyday, fixture);
  no_year.team_id = everyday.team;
  before = mops_test_query_int (fixture->db, "SELECT count(*) FROM licences");
  licence->licensor = g_strdup ("Half Done");

  {
    g_auto(Waiter) waiter = { 0 };

    waiter_init (&waiter);
    mops_licences_save_async (fixture->library, licence, &everyday.text, 1, NULL, 0, &no_team, NULL,
                              on_call_done_cb, &waiter);
    id = mops_licences_save_finish (fixture->library, waiter_wait (&waiter, fixture->library), &error);
  }
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
  g_assert_cmpint (id, ==, 0);
  g_assert_cmpint (mops_test_query_int (fixture->db, "SELECT count(*) FROM licences"), ==, before);
  g_assert_cmpint (mops_test_query_int (fixture->db, "SELECT count(*) FROM licence_assets"), ==, 1);
  g_clear_error (&error);

  /* An edit of the PNG's licence, with a booking no fiscal year covers */
  stored = mops_licences_load (fixture->library, everyday.licence, &error);
  g_assert_no_error (error);
  g_free (stored->licensor);
  stored->licensor = g_strdup ("Renamed");
  {
    g_auto(Waiter) waiter = { 0 };

    waiter_init (&waiter);
    mops_licences_save_async (fixture->library, stored, &everyday.text, 1, NULL, 0, &no_year, NULL,
                              on_call_done_cb, &waiter);
    id = mops_licences_save_finish (fixture->library, waiter_wait (&waiter, fixture->library), &error);
  }
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
  g_assert_cmpint (id, ==, 0);
  g_assert_cmpint (mops_test_query_int (fixture->db, "SELECT count(*) FROM licences WHERE licensor = 'Renamed'"),
                   ==, 0);
  g_assert_cmpint (mops_test_query_int (fixture->db, "SELECT count(*) FROM licence_assets"), ==, 1);
  g_assert_cmpint (mops_test_query_int (fixture->db, "SELECT count(*) FROM expenses"), ==, 0);
  g_clear_error (&error);

  /* The same edit without the booking is written, links and all */
  {
    g_auto(Waiter) waiter = { 0 };

    waiter_init (&waiter);
    mops_licences_save_async (fixture->library, stored, &everyday.text, 1, &everyday.png, 1, NULL, NULL,
                              on_call_done_cb, &waiter);
    id = mops_licences_save_finish (fixture->library, waiter_wait (&waiter, fixture->library), &error);
  }
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, everyday.licence);
  g_clear_pointer (&stored, mops_licence_free);
  stored = mops_licences_load (fixture->library, everyday.licence, &error);
  g_assert_cmpstr (stored->licensor, ==, "Renamed");
  g_assert_cmpuint (stored->asset_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (stored->asset_ids, gint64, 0), ==, everyday.text);
}

/* Runs @call on a new everyday library and waits for it; returns what finish said. */
static gboolean
run_call (Fixture      *fixture,
          Everyday     *everyday,
          const Call   *call,
          GCancellable *cancellable,
          GError      **error)
{
  g_auto(Waiter) waiter = { 0 };
  GAsyncResult *result;

  waiter_init (&waiter);
  call->start (everyday, cancellable, on_call_done_cb, &waiter);
  g_assert_cmpuint (waiter.n_callbacks, ==, 0);
  result = waiter_wait (&waiter, fixture->library);

  /* The result speaks of the library and of this call. */
  {
    g_autoptr(GObject) source = g_async_result_get_source_object (result);

    g_assert_true (source == G_OBJECT (fixture->library));
    g_assert_true (g_async_result_is_tagged (result, call->source_tag));
  }

  return call->finish (everyday, result, error);
}

static void
test_every_call_comes_back_to_the_caller_from_the_library (gconstpointer user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_auto(Fixture) fixture = { 0 };
      g_auto(Everyday) everyday = { 0 };
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", calls[i].name);
      mops_test_library_set_up (&fixture, NULL);
      everyday_init (&everyday, &fixture);
      g_assert_true (run_call (&fixture, &everyday, &calls[i], NULL, &error));
      g_assert_no_error (error);
    }
}

/* How a test spoils library.db after the library was opened. */
typedef enum
{
  SPOIL_DELETE,       /* the file is gone */
  SPOIL_GARBAGE,      /* another file, not a database, in its place */
  SPOIL_FOLDER,       /* a folder in its place: cannot be opened, even by root */
} Spoil;

static void
spoil_database (Fixture *fixture,
                Spoil    spoil)
{
  g_autofree char *path = mops_library_build_path (fixture->library, MOPS_LIBRARY_DB_NAME);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  /* The library's own connection keeps the files it has open. The WAL goes too: SQLite
   * would read the old pages from it beside any new file. */
  g_assert_no_errno (g_unlink (path));
  g_unlink (wal);
  g_unlink (shm);
  if (spoil == SPOIL_GARBAGE)
    g_assert_true (g_file_set_contents (path, "This is not an SQLite database, not even close to one.", -1, NULL));
  else if (spoil == SPOIL_FOLDER)
    g_assert_no_errno (g_mkdir (path, 0755));
}

static void
test_every_call_returns_the_error_of_a_database_it_cannot_open (gconstpointer user_data)
{
  static const struct { Spoil spoil; int code; } cases[] = {
    { SPOIL_DELETE, MOPS_ERROR_NO_LIBRARY },
    { SPOIL_GARBAGE, MOPS_ERROR_NOT_A_DATABASE },
    { SPOIL_FOLDER, MOPS_ERROR_IO },
  };

  /* A failed call changes nothing, so every call can try the same spoiled library. */
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_auto(Fixture) fixture = { 0 };
      g_auto(Everyday) everyday = { 0 };

      mops_test_library_set_up (&fixture, NULL);
      everyday_init (&everyday, &fixture);
      spoil_database (&fixture, cases[c].spoil);

      for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
        {
          g_autoptr(GError) error = NULL;

          g_test_message ("%s, spoiled %d", calls[i].name, cases[c].spoil);
          g_assert_false (run_call (&fixture, &everyday, &calls[i], NULL, &error));
          g_assert_error (error, MOPS_ERROR, cases[c].code);
          g_assert_nonnull (strstr (error->message, MOPS_LIBRARY_DB_NAME));
          g_assert_cmpuint (everyday.progress.n_calls, ==, 0);
        }
    }
}

static void
test_every_call_cancelled_before_it_starts_is_cancelled (gconstpointer user_data)
{
  g_auto(Fixture) fixture = { 0 };
  g_auto(Everyday) everyday = { 0 };
  g_autofree char *render_dir = NULL;

  mops_test_library_set_up (&fixture, NULL);
  everyday_init (&everyday, &fixture);
  render_dir = mops_library_build_path (fixture.library, "thumbs/view");

  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", calls[i].name);
      g_cancellable_cancel (cancellable);
      g_assert_false (run_call (&fixture, &everyday, &calls[i], cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

      /* And nothing was done: no progress or previews, no copy, no render, the Trash as it was. */
      g_assert_cmpuint (everyday.progress.n_calls, ==, 0);
      g_assert_cmpint (mops_test_query_int (fixture.db, "SELECT count(*) FROM assets WHERE preview_state <> 'pending'"),
                       ==, 0);
      g_assert_false (g_file_test (everyday.dest, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (render_dir, G_FILE_TEST_EXISTS));
      g_assert_cmpint (mops_assets_count_trashed (fixture.library), ==, 1);
    }
}

/* Workers of different calls share the library, each on its own connection: all of them at
 * once (the previews writing rows meanwhile) answer as each does alone. Emptying the Trash
 * would change the others' answers, so it waits. */
static void
test_every_call_at_once_answers_alike (gconstpointer user_data)
{
  g_auto(Fixture) fixture = { 0 };
  g_auto(Everyday) everyday = { 0 };
  Waiter waiters[G_N_ELEMENTS (calls)];

  mops_test_library_set_up (&fixture, NULL);
  everyday_init (&everyday, &fixture);

  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      waiter_init (&waiters[i]);
      if (!calls[i].changes_answers)
        calls[i].start (&everyday, NULL, on_call_done_cb, &waiters[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", calls[i].name);
      if (calls[i].changes_answers)
        calls[i].start (&everyday, NULL, on_call_done_cb, &waiters[i]);
      g_assert_true (calls[i].finish (&everyday, waiter_wait (&waiters[i], fixture.library), &error));
      g_assert_no_error (error);
      waiter_clear (&waiters[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Before any thread: workers read the clock and the time zone. */
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_setenv ("MOPS_NOW", TEST_NOW, TRUE);

  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("MOPS_PROBE") == NULL)
    {
      g_printerr ("MOPS_PROBE must name the built mops-probe\n");
      return 1;
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, mops_test_library_set_up, func, mops_test_library_tear_down)
  ADD ("/workers/search/answers-like-the-sync-search", test_search_answers_like_the_sync_search);
  ADD ("/workers/search/keeps-its-own-copy-of-the-query", test_search_keeps_its_own_copy_of_the_query);
  ADD ("/workers/search/passes-on-the-error-of-a-bad-tag", test_search_passes_on_the_error_of_a_bad_tag);
  ADD ("/workers/search-index/answers-like-the-sync-search", test_index_answers_like_the_sync_search);
  ADD ("/workers/search-index/answers-like-the-sync-search-after-an-update",
       test_index_answers_like_the_sync_search_after_an_update);
  ADD ("/workers/tags/list-the-same-tree-as-the-sync-call", test_tags_list_the_same_tree_as_the_sync_call);
  ADD ("/workers/licences/rows-are-the-sync-rows-for-every-window-and-filter", test_licence_rows_are_the_sync_rows);
  ADD ("/workers/licences/assets-with-status-are-the-sync-ids-for-every-mask",
       test_assets_with_status_are_the_sync_ids);
  ADD ("/workers/licences/attention-holds-exactly-the-assets-to-look-at",
       test_attention_holds_exactly_the_assets_to_look_at);
  ADD ("/workers/licences/table-lists-asset-rows-then-licences-no-row-shows",
       test_table_lists_asset_rows_then_licences_no_row_shows);
  ADD ("/workers/previews/report-equals-the-sync-report-of-a-twin-library",
       test_previews_report_equals_the_sync_report_of_a_twin);
  ADD ("/workers/previews/progress-comes-once-per-asset-on-the-callers-context",
       test_previews_progress_comes_once_per_asset_on_the_callers_context);
  ADD ("/workers/previews/progress-comes-on-the-thread-that-asked",
       test_previews_progress_comes_on_the_thread_that_asked);
  ADD ("/workers/previews/copy-the-ids", test_previews_copy_the_ids);
  ADD ("/workers/previews/of-no-ids-preview-nothing", test_previews_of_no_ids_preview_nothing);
  ADD ("/workers/previews/progress-stops-once-cancelled", test_previews_progress_stops_once_cancelled);
  ADD ("/workers/render/gives-a-png-its-pages-and-natural-size", test_render_gives_a_png_its_pages_and_natural_size);
  ADD ("/workers/render/refuses-what-it-cannot-show", test_render_refuses_what_it_cannot_show);
  ADD ("/workers/export/copy-embeds-xmp-like-the-sync-copy", test_copy_embeds_xmp_like_the_sync_copy);
  ADD ("/workers/export/copy-of-a-format-without-xmp-returns-a-sidecar",
       test_copy_of_a_format_without_xmp_returns_a_sidecar);
  ADD ("/workers/text/is-valid-utf8-and-says-when-truncated", test_read_text_is_valid_utf8_and_says_when_truncated);
  ADD ("/workers/text/of-a-missing-file-is-an-error-naming-it", test_read_text_of_a_missing_file_is_an_error_naming_it);
  ADD ("/workers/text/with-a-huge-limit-reads-the-file", test_read_text_with_a_huge_limit_reads_the_file);
  ADD ("/workers/trash/cancelled-afterwards-says-what-it-did", test_empty_trash_cancelled_afterwards_says_what_it_did);
  ADD ("/workers/trash/empty-deletes-and-keeps-like-the-sync-call",
       test_empty_trash_deletes_and_keeps_like_the_sync_call);
  ADD ("/workers/calendar/calls-answer-like-their-sync-twins", test_calendar_calls_answer_like_their_sync_twins);
  ADD ("/workers/licences/save-writes-the-licence-and-its-booking-or-neither",
       test_licence_save_writes_the_licence_and_its_booking_or_neither);
#undef ADD

  g_test_add_data_func ("/workers/every-call/comes-back-to-the-caller-from-the-library", NULL,
                        test_every_call_comes_back_to_the_caller_from_the_library);
  g_test_add_data_func ("/workers/every-call/returns-the-error-of-a-database-it-cannot-open", NULL,
                        test_every_call_returns_the_error_of_a_database_it_cannot_open);
  g_test_add_data_func ("/workers/every-call/cancelled-before-it-starts-is-cancelled", NULL,
                        test_every_call_cancelled_before_it_starts_is_cancelled);
  g_test_add_data_func ("/workers/every-call/at-once-answers-alike", NULL, test_every_call_at_once_answers_alike);

  return g_test_run ();
}
