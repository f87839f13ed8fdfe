/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-licences.c — licence records, money, territories, derived status, listing, calendar check */

#include "config.h"

#include <string.h>

#include "core/mops-clock.h"
#include "core/mops-csv-writer.h"
#include "core/mops-db-private.h"
#include "core/mops-error.h"
#include "core/mops-assets.h"
#include "core/mops-library.h"
#include "core/mops-licence-metadata.h"
#include "core/mops-licences-private.h"
#include "core/mops-licences.h"
#include "core/mops-money.h"
#include "mops-test-util.h"

/* Monday 23 November 2026, 09:00 in Berlin: every date below is relative to this "today". */
#define TEST_NOW "2026-11-23T09:00:00+01:00"

typedef MopsTestLibrary Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_setenv ("MOPS_NOW", TEST_NOW, TRUE);
  mops_test_library_set_up (fixture, user_data);
}

/* ---- Helpers ----------------------------------------------------------------------------- */

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

static gint64
exec_insert (Fixture    *fixture,
             const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mops_db_exec (fixture->db, sql, &error));
  g_assert_no_error (error);
  return sqlite3_last_insert_rowid (fixture->db);
}

/* A royalty-free licence from @starts to @expires (NULL = open) for one asset. */
static gint64
add_licence (Fixture    *fixture,
             gint64      asset_id,
             const char *starts,
             const char *expires)
{
  g_autoptr(MopsLicence) licence = mops_licence_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  licence->kind = MOPS_LICENCE_KIND_ROYALTY_FREE;
  licence->licensor = g_strdup ("Stock House");
  licence->starts_on = g_strdup (starts);
  licence->expires_on = g_strdup (expires);

  id = mops_licences_create (fixture->library, licence, asset_id > 0 ? &asset_id : NULL,
                             asset_id > 0 ? 1 : 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* The status of @asset_id today with the window @within (negative = the setting). */
static MopsLicenceStatus
status_of (Fixture        *fixture,
           gint64          asset_id,
           int             within,
           MopsLicenceRow *out_row)
{
  g_autoptr(GError) error = NULL;
  MopsLicenceRow row;
  MopsLicenceStatus status;

  g_assert_true (mops_licences_status_for_asset (fixture->library, asset_id, NULL, within, &row, &error));
  g_assert_no_error (error);
  status = row.status;

  if (out_row != NULL)
    *out_row = row;
  else
    mops_licence_row_clear (&row);

  return status;
}

static gint64
count (Fixture    *fixture,
       const char *sql)
{
  return mops_db_query_int (fixture->db, sql, NULL);
}

/* ---- Names ------------------------------------------------------------------------------- */

static void
test_names_round_trip (void)
{
  MopsLicenceKind kind;
  MopsLicenceStatus status;
  MopsMedium medium;
  MopsRelease release;
  MopsCcVariant variant;
  guint media = 0;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  g_assert_true (mops_licence_kind_from_name ("royalty-free", &kind));
  g_assert_cmpint (kind, ==, MOPS_LICENCE_KIND_ROYALTY_FREE);
  g_assert_true (mops_licence_kind_from_name ("Rights_Managed", &kind));
  g_assert_cmpint (kind, ==, MOPS_LICENCE_KIND_RIGHTS_MANAGED);
  g_assert_true (mops_licence_kind_from_name ("creative-commons", &kind));
  g_assert_cmpstr (mops_licence_kind_to_name (kind), ==, "creative_commons");
  g_assert_false (mops_licence_kind_from_name ("free", &kind));
  g_assert_false (mops_licence_kind_from_name ("", &kind));
  g_assert_false (mops_licence_kind_from_name (NULL, &kind));
  g_assert_cmpstr (mops_licence_kind_get_label (MOPS_LICENCE_KIND_ROYALTY_FREE), ==, "Royalty-free");

  for (MopsLicenceStatus s = MOPS_LICENCE_STATUS_ACTIVE; s <= MOPS_LICENCE_STATUS_MISSING; s++)
    {
      g_assert_true (mops_licence_status_from_name (mops_licence_status_to_name (s), &status));
      g_assert_cmpint (status, ==, s);
    }
  g_assert_null (mops_licence_status_to_name (MOPS_LICENCE_STATUS_NONE));
  g_assert_false (mops_licence_status_from_name ("none", &status));

  g_assert_true (mops_medium_from_name ("Broadcast", &medium));
  g_assert_cmpint (medium, ==, MOPS_MEDIUM_BROADCAST);
  g_assert_cmpstr (mops_medium_to_name (MOPS_MEDIUM_EMAIL), ==, "email");
  g_assert_null (mops_medium_to_name (MOPS_MEDIUM_WEB | MOPS_MEDIUM_PRINT));

  g_assert_true (mops_media_parse (" web, print ,,email", &media, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (media, ==, MOPS_MEDIUM_WEB | MOPS_MEDIUM_PRINT | MOPS_MEDIUM_EMAIL);
  names = mops_media_to_names (media);
  g_assert_cmpstrv (names, ((const char *[]) { "web", "print", "email", NULL }));
  g_assert_false (mops_media_parse ("web,tv", &media, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "tv"));

  g_assert_true (mops_release_from_name ("not-applicable", &release));
  g_assert_cmpint (release, ==, MOPS_RELEASE_NOT_APPLICABLE);
  g_assert_cmpstr (mops_release_to_name (MOPS_RELEASE_UNLIMITED), ==, "unlimited");
  g_assert_null (mops_release_to_name (MOPS_RELEASE_UNSET));

  g_assert_true (mops_cc_variant_from_name ("by-nc-sa", &variant));
  g_assert_cmpint (variant, ==, MOPS_CC_VARIANT_BY_NC_SA);
  g_assert_cmpstr (mops_cc_variant_to_name (variant), ==, "BY-NC-SA");
  g_assert_true (mops_cc_variant_from_name ("CC0", &variant));
  g_assert_false (mops_cc_variant_from_name ("BY-XX", &variant));
}

/* ---- Money ------------------------------------------------------------------------------- */

static gint64
parse_ok (const char *text,
          const char *currency)
{
  g_autoptr(GError) error = NULL;
  gint64 minor = 0;

  g_assert_true (mops_money_parse (text, currency, &minor, &error));
  g_assert_no_error (error);
  return minor;
}

static void
parse_fails (const char *text,
             const char *currency,
             const char *message_part)
{
  g_autoptr(GError) error = NULL;
  gint64 minor = 77;

  g_assert_false (mops_money_parse (text, currency, &minor, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_assert_cmpint (minor, ==, 77);
  if (message_part != NULL)
    g_assert_nonnull (strstr (error->message, message_part));
}

static void
test_money_uses_each_currency_s_digits (void)
{
  g_assert_cmpint (mops_currency_get_digits ("JPY"), ==, 0);
  g_assert_cmpint (mops_currency_get_digits ("EUR"), ==, 2);
  g_assert_cmpint (mops_currency_get_digits ("BHD"), ==, 3);

  g_assert_cmpint (parse_ok ("1234", "JPY"), ==, 1234);
  g_assert_cmpint (parse_ok ("12.50", "EUR"), ==, 1250);
  g_assert_cmpint (parse_ok ("12.5", "EUR"), ==, 1250);
  g_assert_cmpint (parse_ok ("12", "EUR"), ==, 1200);
  g_assert_cmpint (parse_ok ("0.05", "eur"), ==, 5);
  g_assert_cmpint (parse_ok ("1.234", "BHD"), ==, 1234);
  g_assert_cmpint (parse_ok ("7", "BHD"), ==, 7000);
  g_assert_cmpint (parse_ok ("92233720368547758.07", "EUR"), ==, G_MAXINT64);
}

static void
test_money_refuses_too_many_decimals (void)
{
  parse_fails ("12.505", "EUR", "12.505");
  parse_fails ("1234.0", "JPY", "JPY");
  parse_fails ("1.2345", "BHD", "BHD");
}

static void
test_money_accepts_negative_amounts (void)
{
  /* A refund; licences refuse a negative cost themselves. */
  g_assert_cmpint (parse_ok ("-12.50", "EUR"), ==, -1250);
  g_assert_cmpint (parse_ok ("-0.001", "BHD"), ==, -1);
  g_assert_cmpint (parse_ok ("-300", "JPY"), ==, -300);
}

static void
test_money_refuses_garbage (void)
{
  const char *garbage[] = {
    "", "-", "abc", "12,50", "1 000", " 12", "12 ", "+12", "12.", ".5", "1e3", "12.5x",
    "--1", "0x10", "1.2.3", "１２", "92233720368547758.08", "99999999999999999999",
  };

  for (guint i = 0; i < G_N_ELEMENTS (garbage); i++)
    parse_fails (garbage[i], "EUR", NULL);
}

static void
test_money_refuses_unknown_currencies (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *upper = NULL;

  parse_fails ("12", "ABC", "ABC");
  parse_fails ("12", "EURO", NULL);
  parse_fails ("12", "XXX", NULL);
  parse_fails ("12", NULL, NULL);
  g_assert_false (mops_currency_is_valid ("E1R"));
  g_assert_true (mops_currency_is_valid ("usd"));

  upper = mops_currency_normalize ("bhd", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upper, ==, "BHD");
  g_assert_null (mops_currency_normalize ("QQQ", &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
}

static void
test_money_writes_plain_decimals (void)
{
  struct { gint64 minor; const char *currency; const char *text; } cases[] = {
    { 1250, "EUR", "12.50" }, { -5, "EUR", "-0.05" }, { 0, "EUR", "0.00" },
    { 1234, "JPY", "1234" }, { -1234, "JPY", "-1234" }, { 1, "BHD", "0.001" },
    { G_MAXINT64, "EUR", "92233720368547758.07" }, { G_MININT64, "EUR", "-92233720368547758.08" },
  };
  g_autofree char *german = NULL;
  g_autofree char *japanese = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = mops_money_to_decimal (cases[i].minor, cases[i].currency);
      g_assert_cmpstr (text, ==, cases[i].text);

      /* What is written reads back the same (except G_MININT64, which has no opposite). */
      if (cases[i].minor != G_MININT64)
        g_assert_cmpint (parse_ok (text, cases[i].currency), ==, cases[i].minor);
    }
  g_assert_null (mops_money_to_decimal (1, "ABC"));

  /* For people: ICU's formatter fed the exact decimal. */
  german = mops_money_format (-123456750, "EUR", "de_DE");
  g_assert_cmpstr (german, ==, "-1.234.567,50\u00a0€");  /* a no-break space */
  japanese = mops_money_format (1234567, "JPY", "ja_JP");
  g_assert_cmpstr (japanese, ==, "￥1,234,567");
}

/* ---- Territories ------------------------------------------------------------------------- */

static void
test_territories_accept_any_case_and_store_upper_case (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) codes = NULL;
  gboolean worldwide = TRUE;

  g_assert_true (mops_territory_is_valid ("de"));
  g_assert_true (mops_territory_is_valid ("JP"));
  g_assert_false (mops_territory_is_valid ("UK"));
  g_assert_false (mops_territory_is_valid ("DEU"));
  g_assert_false (mops_territory_is_valid ("1A"));
  g_assert_false (mops_territory_is_valid (NULL));

  g_assert_true (mops_territories_parse ("fr, de,De ,jp", &worldwide, &codes, &error));
  g_assert_no_error (error);
  g_assert_false (worldwide);
  g_assert_cmpstrv (codes, ((const char *[]) { "DE", "FR", "JP", NULL }));
}

static void
test_territories_refuse_unknown_codes (void)
{
  g_autoptr(GError) error = NULL;
  GStrv codes = NULL;
  gboolean worldwide = FALSE;

  g_assert_false (mops_territories_parse ("DE,UK", &worldwide, &codes, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "UK"));
  g_assert_null (codes);
  g_clear_error (&error);

  g_assert_false (mops_territories_parse ("DE,worldwide", &worldwide, &codes, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
}

static void
test_territories_worldwide (void)
{
  g_autoptr(GError) error = NULL;
  GStrv codes = NULL;
  gboolean worldwide = FALSE;

  g_assert_true (mops_territories_parse ("WorldWide", &worldwide, &codes, &error));
  g_assert_true (worldwide);
  g_assert_null (codes);

  worldwide = FALSE;
  g_assert_true (mops_territories_parse ("", &worldwide, &codes, &error));
  g_assert_true (worldwide);
  g_assert_no_error (error);
}

/* ---- Records ----------------------------------------------------------------------------- */

static void
test_create_stores_every_field (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(MopsLicence) licence = mops_licence_new ();
  g_autoptr(MopsLicence) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 photo = mops_test_insert_asset (fixture->db, "beach.jpg");
  gint64 poster = mops_test_insert_asset (fixture->db, "poster.jpg");
  gint64 contract = mops_test_insert_asset (fixture->db, "contract.pdf");
  gint64 assets[] = { poster, photo, photo };
  gint64 id;

  licence->kind = MOPS_LICENCE_KIND_CREATIVE_COMMONS;
  licence->cc_variant = MOPS_CC_VARIANT_BY_SA;
  licence->cc_version = g_strdup ("4.0");
  licence->licensor = g_strdup ("Fotografin Jäger");
  licence->territories = g_strdupv ((char *[]) { "fr", "DE", "de", NULL });  /* worldwide stays TRUE */
  licence->media = MOPS_MEDIUM_WEB | MOPS_MEDIUM_SOCIAL;
  licence->starts_on = g_strdup ("2026-01-01");
  licence->expires_on = g_strdup ("2027-12-31");
  licence->has_cost = TRUE;
  licence->cost = 1250;
  licence->currency = g_strdup ("eur");
  licence->attribution = g_strdup ("Photo: J. Jäger, CC BY-SA 4.0");
  licence->model_release = MOPS_RELEASE_UNLIMITED;
  licence->property_release = MOPS_RELEASE_NOT_APPLICABLE;
  licence->contract_asset_id = contract;
  licence->reference = g_strdup ("INV-2026-017");
  licence->notes = g_strdup ("Renew in December");
  licence->confirmed = FALSE;
  licence->source = MOPS_LICENCE_SOURCE_METADATA;

  id = mops_licences_create (fixture->library, licence, assets, G_N_ELEMENTS (assets), &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  loaded = mops_licences_load (fixture->library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->id, ==, id);
  g_assert_cmpint (loaded->kind, ==, MOPS_LICENCE_KIND_CREATIVE_COMMONS);
  g_assert_cmpint (loaded->cc_variant, ==, MOPS_CC_VARIANT_BY_SA);
  g_assert_cmpstr (loaded->cc_version, ==, "4.0");
  g_assert_cmpstr (loaded->licensor, ==, "Fotografin Jäger");
  g_assert_false (loaded->worldwide);
  g_assert_cmpstrv (loaded->territories, ((const char *[]) { "DE", "FR", NULL }));
  g_assert_cmpuint (loaded->media, ==, MOPS_MEDIUM_WEB | MOPS_MEDIUM_SOCIAL);
  g_assert_cmpstr (loaded->starts_on, ==, "2026-01-01");
  g_assert_cmpstr (loaded->expires_on, ==, "2027-12-31");
  g_assert_true (loaded->has_cost);
  g_assert_cmpint (loaded->cost, ==, 1250);
  g_assert_cmpstr (loaded->currency, ==, "EUR");
  g_assert_cmpstr (loaded->attribution, ==, "Photo: J. Jäger, CC BY-SA 4.0");
  g_assert_cmpint (loaded->model_release, ==, MOPS_RELEASE_UNLIMITED);
  g_assert_cmpint (loaded->property_release, ==, MOPS_RELEASE_NOT_APPLICABLE);
  g_assert_cmpint (loaded->contract_asset_id, ==, contract);
  g_assert_cmpstr (loaded->reference, ==, "INV-2026-017");
  g_assert_cmpstr (loaded->notes, ==, "Renew in December");
  g_assert_false (loaded->confirmed);
  g_assert_cmpint (loaded->source, ==, MOPS_LICENCE_SOURCE_METADATA);
  g_assert_cmpint (loaded->created_at, ==, 1795420800);  /* TEST_NOW */
  g_assert_cmpint (loaded->modified_at, ==, loaded->created_at);
  g_assert_cmpuint (loaded->asset_ids->len, ==, 2);
  g_assert_cmpint (g_array_index (loaded->asset_ids, gint64, 0), ==, photo);
  g_assert_cmpint (g_array_index (loaded->asset_ids, gint64, 1), ==, poster);

  /* The signed contract is a record now: hidden from the grid, never "missing". */
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM assets WHERE role = 'record'"), ==, 1);
  g_assert_cmpint (status_of (fixture, contract, -1, NULL), ==, MOPS_LICENCE_STATUS_NONE);
}

static void
test_create_defaults_and_lists (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(MopsLicence) licence = mops_licence_new ();
  g_autoptr(MopsLicence) loaded = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GError) error = NULL;
  gint64 photo = mops_test_insert_asset (fixture->db, "team.jpg");
  gint64 first, second;

  /* Empty text from a form is stored as NULL; no territory means worldwide. */
  licence->licensor = g_strdup ("");
  first = mops_licences_create (fixture->library, licence, NULL, 0, &error);
  g_assert_no_error (error);
  second = add_licence (fixture, photo, "2026-01-01", NULL);

  loaded = mops_licences_load (fixture->library, first, &error);
  g_assert_no_error (error);
  g_assert_null (loaded->licensor);
  g_assert_cmpint (loaded->kind, ==, MOPS_LICENCE_KIND_OWNED);
  g_assert_true (loaded->worldwide);
  g_assert_null (loaded->territories);
  g_assert_false (loaded->has_cost);
  g_assert_null (loaded->currency);
  g_assert_true (loaded->confirmed);
  g_assert_cmpuint (loaded->asset_ids->len, ==, 0);

  all = mops_licences_list (fixture->library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpint (((MopsLicence *) all->pdata[0])->id, ==, first);
  g_assert_cmpint (((MopsLicence *) all->pdata[1])->id, ==, second);
  g_assert_cmpuint (((MopsLicence *) all->pdata[1])->asset_ids->len, ==, 1);

  mine = mops_licences_for_asset (fixture->library, photo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mine->len, ==, 1);
  g_assert_cmpint (((MopsLicence *) mine->pdata[0])->id, ==, second);

  g_assert_null (mops_licences_load (fixture->library, 999, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
}

/* Creating @licence fails with MOPS_ERROR_INVALID and leaves no licence behind. */
static void
assert_create_refused (Fixture     *fixture,
                       MopsLicence *licence,
                       const char  *message_part)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (mops_licence_validate (licence, NULL));
  g_assert_cmpint (mops_licences_create (fixture->library, licence, NULL, 0, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  if (message_part != NULL)
    g_assert_nonnull (strstr (error->message, message_part));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM licences"), ==, 0);
}

static void
test_create_refuses_invalid_licences (Fixture       *fixture,
                                      gconstpointer  user_data)
{
  g_autoptr(MopsLicence) licence = NULL;

  licence = mops_licence_new ();
  licence->starts_on = g_strdup ("2026-06-01");
  licence->expires_on = g_strdup ("2026-05-31");
  assert_create_refused (fixture, licence, "2026-05-31");
  g_clear_pointer (&licence, mops_licence_free);

  licence = mops_licence_new ();
  licence->expires_on = g_strdup ("2026-02-30");
  assert_create_refused (fixture, licence, "2026-02-30");
  g_clear_pointer (&licence, mops_licence_free);

  licence = mops_licence_new ();
  licence->has_cost = TRUE;
  licence->cost = 500;
  assert_create_refused (fixture, licence, "currency");
  g_clear_pointer (&licence, mops_licence_free);

  licence = mops_licence_new ();
  licence->has_cost = TRUE;
  licence->cost = 500;
  licence->currency = g_strdup ("EURO");
  assert_create_refused (fixture, licence, "EURO");
  g_clear_pointer (&licence, mops_licence_free);

  licence = mops_licence_new ();
  licence->has_cost = TRUE;
  licence->cost = -1;
  licence->currency = g_strdup ("EUR");
  assert_create_refused (fixture, licence, NULL);
  g_clear_pointer (&licence, mops_licence_free);

  licence = mops_licence_new ();
  licence->worldwide = FALSE;
  licence->territories = g_strdupv ((char *[]) { "DE", "XY", NULL });
  assert_create_refused (fixture, licence, "XY");
  g_clear_pointer (&licence, mops_licence_free);

  licence = mops_licence_new ();
  licence->kind = MOPS_LICENCE_KIND_ROYALTY_FREE;
  licence->cc_variant = MOPS_CC_VARIANT_BY;
  assert_create_refused (fixture, licence, NULL);
  g_clear_pointer (&licence, mops_licence_free);

  licence = mops_licence_new ();
  licence->media = 1u << 7;
  assert_create_refused (fixture, licence, NULL);
}

static void
test_create_with_unknown_asset_writes_nothing (Fixture       *fixture,
                                               gconstpointer  user_data)
{
  g_autoptr(MopsLicence) licence = mops_licence_new ();
  g_autoptr(GError) error = NULL;
  gint64 photo = mops_test_insert_asset (fixture->db, "a.jpg");
  gint64 assets[] = { photo, 4242 };

  licence->media = MOPS_MEDIUM_PRINT;
  licence->worldwide = FALSE;
  licence->territories = g_strdupv ((char *[]) { "AT", NULL });
  g_assert_cmpint (mops_licences_create (fixture->library, licence, assets, 2, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "4242"));
  g_clear_error (&error);

  licence->contract_asset_id = 4343;
  g_assert_cmpint (mops_licences_create (fixture->library, licence, &photo, 1, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);

  g_assert_cmpint (count (fixture, "SELECT count(*) FROM licences"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM licence_assets"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM licence_media"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM licence_territories"), ==, 0);
}

static char *
search_text_of (Fixture *fixture,
                gint64   asset_id)
{
  g_autoptr(sqlite3_stmt) stmt = mops_db_prepare (fixture->db, "SELECT search_text FROM assets WHERE id = ?", NULL);

  sqlite3_bind_int64 (stmt, 1, asset_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
test_licensor_is_searchable (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(MopsLicence) licence = mops_licence_new ();
  g_autoptr(GError) error = NULL;
  gint64 photo = mops_test_insert_asset (fixture->db, "harbour.jpg");
  gint64 other = mops_test_insert_asset (fixture->db, "street.jpg");
  g_autofree char *text = NULL;
  gint64 id;

  licence->licensor = g_strdup ("GRÜSSE Bildagentur");
  id = mops_licences_create (fixture->library, licence, &photo, 1, &error);
  g_assert_no_error (error);

  text = search_text_of (fixture, photo);
  g_assert_nonnull (strstr (text, "grüsse bildagentur"));
  g_clear_pointer (&text, g_free);

  /* A new licensor replaces the old one in every linked asset's text. */
  g_clear_pointer (&licence, mops_licence_free);
  licence = mops_licences_load (fixture->library, id, &error);
  g_free (licence->licensor);
  licence->licensor = g_strdup ("Nordlicht Photo");
  g_assert_true (mops_licences_update (fixture->library, licence, &error));
  g_assert_no_error (error);
  text = search_text_of (fixture, photo);
  g_assert_null (strstr (text, "bildagentur"));
  g_assert_nonnull (strstr (text, "nordlicht photo"));
  g_clear_pointer (&text, g_free);

  /* Attaching and detaching carry the licensor along. */
  g_assert_true (mops_licences_attach (fixture->library, id, &other, 1, &error));
  text = search_text_of (fixture, other);
  g_assert_nonnull (strstr (text, "nordlicht"));
  g_clear_pointer (&text, g_free);
  g_assert_true (mops_licences_detach (fixture->library, id, &other, 1, &error));
  text = search_text_of (fixture, other);
  g_assert_null (strstr (text, "nordlicht"));
  g_clear_pointer (&text, g_free);

  /* Deleting the licence takes it out of the search text. */
  g_assert_true (mops_licences_delete (fixture->library, id, &error));
  g_assert_no_error (error);
  text = search_text_of (fixture, photo);
  g_assert_null (strstr (text, "nordlicht"));
}

static void
test_update_replaces_fields_and_keeps_links (Fixture       *fixture,
                                             gconstpointer  user_data)
{
  g_autoptr(MopsLicence) licence = NULL;
  g_autoptr(MopsLicence) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 photo = mops_test_insert_asset (fixture->db, "a.jpg");
  gint64 id = add_licence (fixture, photo, "2026-01-01", "2026-12-31");

  licence = mops_licences_load (fixture->library, id, &error);
  g_assert_no_error (error);
  g_free (licence->expires_on);
  licence->expires_on = g_strdup ("2027-12-31");
  licence->media = MOPS_MEDIUM_PRINT;
  licence->worldwide = FALSE;
  licence->territories = g_strdupv ((char *[]) { "jp", NULL });
  licence->has_cost = TRUE;
  licence->cost = 50000;
  licence->currency = g_strdup ("JPY");
  g_assert_true (mops_licences_update (fixture->library, licence, &error));
  g_assert_no_error (error);

  loaded = mops_licences_load (fixture->library, id, &error);
  g_assert_cmpstr (loaded->expires_on, ==, "2027-12-31");
  g_assert_cmpuint (loaded->media, ==, MOPS_MEDIUM_PRINT);
  g_assert_cmpstrv (loaded->territories, ((const char *[]) { "JP", NULL }));
  g_assert_cmpint (loaded->cost, ==, 50000);
  g_assert_cmpuint (loaded->asset_ids->len, ==, 1);

  /* Invalid changes are refused and change nothing. */
  g_free (licence->starts_on);
  licence->starts_on = g_strdup ("2028-01-01");
  g_assert_false (mops_licences_update (fixture->library, licence, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&loaded, mops_licence_free);
  loaded = mops_licences_load (fixture->library, id, &error);
  g_assert_cmpstr (loaded->starts_on, ==, "2026-01-01");

  licence->id = 999;
  g_free (licence->starts_on);
  licence->starts_on = NULL;
  g_assert_false (mops_licences_update (fixture->library, licence, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
}

static void
test_delete_keeps_assets_and_expenses (Fixture       *fixture,
                                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 photo = mops_test_insert_asset (fixture->db, "a.jpg");
  gint64 id = add_licence (fixture, photo, NULL, NULL);
  g_autofree char *expense = NULL;

  exec_insert (fixture, "INSERT INTO teams (name) VALUES ('Brand')");
  exec_insert (fixture, "INSERT INTO categories (name) VALUES ('Licensing')");
  expense = g_strdup_printf ("INSERT INTO expenses (date, amount, currency, base_amount, team_id,"
                             " category_id, licence_id, created_at) VALUES ('2026-11-01', 1250, 'EUR',"
                             " 1250, 1, 1, %" G_GINT64_FORMAT ", 1)", id);
  exec_insert (fixture, expense);

  g_assert_true (mops_licences_delete (fixture->library, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM licences"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM licence_assets"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM assets"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM expenses WHERE licence_id IS NULL"), ==, 1);
  g_assert_cmpint (status_of (fixture, photo, -1, NULL), ==, MOPS_LICENCE_STATUS_MISSING);

  g_assert_false (mops_licences_delete (fixture->library, id, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
}

static void
test_attach_and_detach_are_idempotent (Fixture       *fixture,
                                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = mops_test_insert_asset (fixture->db, "a.jpg");
  gint64 b = mops_test_insert_asset (fixture->db, "b.jpg");
  gint64 both[] = { a, b, a };
  gint64 id = add_licence (fixture, a, NULL, NULL);

  g_assert_true (mops_licences_attach (fixture->library, id, both, G_N_ELEMENTS (both), &error));
  g_assert_no_error (error);
  g_assert_true (mops_licences_attach (fixture->library, id, both, G_N_ELEMENTS (both), &error));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM licence_assets"), ==, 2);

  g_assert_true (mops_licences_detach (fixture->library, id, &b, 1, &error));
  g_assert_true (mops_licences_detach (fixture->library, id, &b, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM licence_assets"), ==, 1);

  /* Detaching the last asset keeps the licence. */
  g_assert_true (mops_licences_detach (fixture->library, id, &a, 1, &error));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM licence_assets"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM licences"), ==, 1);
  g_assert_cmpint (status_of (fixture, a, -1, NULL), ==, MOPS_LICENCE_STATUS_MISSING);
}

/* Save: the fields and the links in one transaction, all or nothing. */
static void
test_save_is_all_or_nothing (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MopsLicence) licence = NULL;
  gint64 a = mops_test_insert_asset (fixture->db, "a.jpg");
  gint64 b = mops_test_insert_asset (fixture->db, "b.jpg");
  gint64 id = add_licence (fixture, a, NULL, NULL);
  gint64 unknown[] = { b, 999 };

  licence = mops_licences_load (fixture->library, id, &error);
  g_assert_no_error (error);
  g_free (licence->licensor);
  licence->licensor = g_strdup ("Changed Licensor");

  /* An unknown asset to attach: the new licensor is not written either. */
  g_assert_false (mops_licences_save (fixture->library, licence, unknown, 2, NULL, 0, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM licences WHERE licensor = 'Changed Licensor'"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM licence_assets"), ==, 1);

  /* Attach b, detach a, new licensor: all at once. */
  g_assert_true (mops_licences_save (fixture->library, licence, &b, 1, &a, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM licences WHERE licensor = 'Changed Licensor'"), ==, 1);
  g_assert_cmpint (status_of (fixture, a, -1, NULL), ==, MOPS_LICENCE_STATUS_MISSING);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM licence_assets"), ==, 1);
}

static void
test_attach_with_an_unknown_id_changes_nothing (Fixture       *fixture,
                                                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = mops_test_insert_asset (fixture->db, "a.jpg");
  gint64 b = mops_test_insert_asset (fixture->db, "b.jpg");
  gint64 id = add_licence (fixture, a, NULL, NULL);
  gint64 with_unknown[] = { b, 777 };
  gint64 known[] = { a, b };

  g_assert_false (mops_licences_attach (fixture->library, id, with_unknown, 2, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "777"));
  g_clear_error (&error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM licence_assets"), ==, 1);

  g_assert_false (mops_licences_attach (fixture->library, 555, known, 2, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "555"));
  g_clear_error (&error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM licence_assets"), ==, 1);

  /* Detaching with one unknown id keeps the known one linked. */
  g_assert_false (mops_licences_detach (fixture->library, id, (gint64[]) { a, 888 }, 2, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM licence_assets"), ==, 1);
}

static void
test_confirm_clears_to_confirm (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(MopsLicence) licence = mops_licence_new ();
  g_autoptr(GError) error = NULL;
  gint64 photo = mops_test_insert_asset (fixture->db, "agency.jpg");
  MopsLicenceRow row;
  gint64 id;

  /* An agency's embedded end date of 2020 counts like any other: the asset is expired. */
  licence->kind = MOPS_LICENCE_KIND_RIGHTS_MANAGED;
  licence->expires_on = g_strdup ("2020-06-30");
  licence->confirmed = FALSE;
  licence->source = MOPS_LICENCE_SOURCE_METADATA;
  id = mops_licences_create (fixture->library, licence, &photo, 1, &error);
  g_assert_no_error (error);

  g_assert_cmpint (status_of (fixture, photo, -1, &row), ==, MOPS_LICENCE_STATUS_EXPIRED);
  g_assert_true (row.to_confirm);
  mops_licence_row_clear (&row);

  g_assert_true (mops_licences_confirm (fixture->library, id, &error));
  g_assert_true (mops_licences_confirm (fixture->library, id, &error));
  g_assert_no_error (error);
  status_of (fixture, photo, -1, &row);
  g_assert_false (row.to_confirm);
  mops_licence_row_clear (&row);

  g_assert_false (mops_licences_confirm (fixture->library, 99, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
}

/* ---- Status at the boundaries ------------------------------------------------------------ */

/* The status of a fresh asset with one licence from today+@starts to today+@expires
 * (G_MININT = open end), checking days_left too (G_MININT = null). */
static void
assert_single_status (Fixture           *fixture,
                      int                starts,
                      int                expires,
                      int                within,
                      MopsLicenceStatus  expected,
                      gint64             expected_days_left)
{
  static guint n = 0;
  g_autofree char *name = g_strdup_printf ("asset-%u.jpg", n++);
  g_autofree char *s = starts == G_MININT ? NULL : day (starts);
  g_autofree char *e = expires == G_MININT ? NULL : day (expires);
  gint64 asset = mops_test_insert_asset (fixture->db, name);
  MopsLicenceRow row;

  add_licence (fixture, asset, s, e);
  g_assert_cmpstr (mops_licence_status_to_name (status_of (fixture, asset, within, &row)), ==,
                   mops_licence_status_to_name (expected));
  if (expected_days_left == G_MININT)
    g_assert_false (row.has_days_left);
  else
    {
      g_assert_true (row.has_days_left);
      g_assert_cmpint (row.days_left, ==, expected_days_left);
    }
  mops_licence_row_clear (&row);
}

static void
test_status_at_the_expiry_boundary (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  /* Both ends inclusive: expiring today is still valid today. */
  assert_single_status (fixture, -100, -1, -1, MOPS_LICENCE_STATUS_EXPIRED, -1);
  assert_single_status (fixture, -100, 0, -1, MOPS_LICENCE_STATUS_EXPIRING, 0);
  assert_single_status (fixture, -100, 1, -1, MOPS_LICENCE_STATUS_EXPIRING, 1);
  assert_single_status (fixture, G_MININT, -365, -1, MOPS_LICENCE_STATUS_EXPIRED, -365);
}

static void
test_status_at_the_warning_window_edge (Fixture       *fixture,
                                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  /* The library's default window is 30 days. */
  assert_single_status (fixture, -10, 30, -1, MOPS_LICENCE_STATUS_EXPIRING, 30);
  assert_single_status (fixture, -10, 31, -1, MOPS_LICENCE_STATUS_ACTIVE, 31);

  /* --within overrides it for one call. */
  assert_single_status (fixture, -10, 7, 7, MOPS_LICENCE_STATUS_EXPIRING, 7);
  assert_single_status (fixture, -10, 8, 7, MOPS_LICENCE_STATUS_ACTIVE, 8);
  assert_single_status (fixture, -10, 0, 0, MOPS_LICENCE_STATUS_EXPIRING, 0);
  assert_single_status (fixture, -10, 1, 0, MOPS_LICENCE_STATUS_ACTIVE, 1);

  /* The library's setting decides otherwise. */
  g_assert_true (mops_library_set_expiry_warning_days (fixture->library, 60, &error));
  assert_single_status (fixture, -10, 60, -1, MOPS_LICENCE_STATUS_EXPIRING, 60);
  assert_single_status (fixture, -10, 61, -1, MOPS_LICENCE_STATUS_ACTIVE, 61);
}

static void
test_status_perpetual_and_pending (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  /* Perpetual: active, no days left. */
  assert_single_status (fixture, G_MININT, G_MININT, -1, MOPS_LICENCE_STATUS_ACTIVE, G_MININT);
  assert_single_status (fixture, -5, G_MININT, -1, MOPS_LICENCE_STATUS_ACTIVE, G_MININT);
  /* Starts today: covered today. Starts tomorrow: pending. */
  assert_single_status (fixture, 0, 100, -1, MOPS_LICENCE_STATUS_ACTIVE, 100);
  assert_single_status (fixture, 0, 0, -1, MOPS_LICENCE_STATUS_EXPIRING, 0);
  assert_single_status (fixture, 1, 100, -1, MOPS_LICENCE_STATUS_PENDING, G_MININT);
  assert_single_status (fixture, 1, G_MININT, -1, MOPS_LICENCE_STATUS_PENDING, G_MININT);
}

static void
test_status_missing_without_licence (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 photo = mops_test_insert_asset (fixture->db, "lonely.jpg");
  MopsLicenceRow row;

  g_assert_cmpint (status_of (fixture, photo, -1, &row), ==, MOPS_LICENCE_STATUS_MISSING);
  g_assert_cmpint (row.licence_id, ==, 0);
  g_assert_null (row.expires_on);
  g_assert_false (row.has_days_left);
  mops_licence_row_clear (&row);

  g_assert_false (mops_licences_status_for_asset (fixture->library, 4040, NULL, -1, &row, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
}

static void
test_status_uses_the_local_date (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  gint64 photo = mops_test_insert_asset (fixture->db, "midnight.jpg");

  add_licence (fixture, photo, NULL, "2026-11-23");

  /* 23:30 UTC on the 23rd is already the 24th in Berlin: the licence has expired there. */
  g_setenv ("MOPS_NOW", "2026-11-23T23:30:00Z", TRUE);
  g_assert_cmpint (status_of (fixture, photo, -1, NULL), ==, MOPS_LICENCE_STATUS_EXPIRED);

  /* The same instant in New York is still the 23rd. */
  g_setenv ("TZ", "America/New_York", TRUE);
  g_assert_cmpint (status_of (fixture, photo, -1, NULL), ==, MOPS_LICENCE_STATUS_EXPIRING);

  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_setenv ("MOPS_NOW", TEST_NOW, TRUE);
}

static void
test_status_on_a_given_date (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 photo = mops_test_insert_asset (fixture->db, "a.jpg");
  GDate date;
  MopsLicenceRow row;

  add_licence (fixture, photo, "2027-03-01", "2027-03-31");

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 15, G_DATE_MARCH, 2027);
  g_assert_true (mops_licences_status_for_asset (fixture->library, photo, &date, -1, &row, &error));
  g_assert_cmpint (row.status, ==, MOPS_LICENCE_STATUS_EXPIRING);
  g_assert_cmpint (row.days_left, ==, 16);
  mops_licence_row_clear (&row);

  g_date_set_dmy (&date, 1, G_DATE_APRIL, 2027);
  g_assert_true (mops_licences_status_for_asset (fixture->library, photo, &date, -1, &row, &error));
  g_assert_cmpint (row.status, ==, MOPS_LICENCE_STATUS_EXPIRED);
  mops_licence_row_clear (&row);
}

/* ---- Renewals and the current licence ---------------------------------------------------- */

static void
test_renewal_the_next_day_continues_the_chain (Fixture       *fixture,
                                               gconstpointer  user_data)
{
  gint64 photo = mops_test_insert_asset (fixture->db, "renewed.jpg");
  g_autofree char *end1 = day (10);
  g_autofree char *start2 = day (11);
  g_autofree char *end2 = day (375);
  g_autofree char *start0 = day (-355);
  gint64 first;
  MopsLicenceRow row;

  first = add_licence (fixture, photo, start0, end1);
  add_licence (fixture, photo, start2, end2);

  /* The current licence ends in 10 days, but the renewal continues it: active. */
  g_assert_cmpint (status_of (fixture, photo, -1, &row), ==, MOPS_LICENCE_STATUS_ACTIVE);
  g_assert_cmpint (row.licence_id, ==, first);
  g_assert_cmpstr (row.expires_on, ==, end1);
  g_assert_cmpstr (row.covered_until, ==, end2);
  g_assert_cmpint (row.days_left, ==, 375);
  mops_licence_row_clear (&row);

  /* A third, perpetual one starting the day after the second makes it perpetual. */
  {
    g_autofree char *start3 = day (376);
    add_licence (fixture, photo, start3, NULL);
  }
  g_assert_cmpint (status_of (fixture, photo, -1, &row), ==, MOPS_LICENCE_STATUS_ACTIVE);
  g_assert_null (row.covered_until);
  g_assert_false (row.has_days_left);
  mops_licence_row_clear (&row);
}

static void
test_a_gap_breaks_the_chain (Fixture       *fixture,
                             gconstpointer  user_data)
{
  gint64 photo = mops_test_insert_asset (fixture->db, "gap.jpg");
  g_autofree char *end1 = day (10);
  g_autofree char *start2 = day (12);
  g_autofree char *end2 = day (400);
  MopsLicenceRow row;

  add_licence (fixture, photo, NULL, end1);
  add_licence (fixture, photo, start2, end2);

  /* One day uncovered (today + 11): the chain ends with the first licence. */
  g_assert_cmpint (status_of (fixture, photo, -1, &row), ==, MOPS_LICENCE_STATUS_EXPIRING);
  g_assert_cmpstr (row.covered_until, ==, end1);
  g_assert_cmpint (row.days_left, ==, 10);
  mops_licence_row_clear (&row);
}

static void
test_overlapping_licences_extend_the_chain (Fixture       *fixture,
                                            gconstpointer  user_data)
{
  gint64 photo = mops_test_insert_asset (fixture->db, "overlap.jpg");
  g_autofree char *s1 = day (-30), *e1 = day (5);
  g_autofree char *s2 = day (3), *e2 = day (20);
  g_autofree char *s3 = day (21), *e3 = day (40);
  g_autofree char *s4 = day (-400), *e4 = day (-200);   /* an old, unrelated one */
  MopsLicenceRow row;

  add_licence (fixture, photo, s3, e3);
  add_licence (fixture, photo, s1, e1);
  add_licence (fixture, photo, s2, e2);
  add_licence (fixture, photo, s4, e4);

  g_assert_cmpint (status_of (fixture, photo, -1, &row), ==, MOPS_LICENCE_STATUS_ACTIVE);
  g_assert_cmpstr (row.expires_on, ==, e1);
  g_assert_cmpstr (row.covered_until, ==, e3);
  g_assert_cmpint (row.days_left, ==, 40);
  mops_licence_row_clear (&row);
}

static void
test_current_licence_tie_rules (Fixture       *fixture,
                                gconstpointer  user_data)
{
  gint64 a = mops_test_insert_asset (fixture->db, "tie.jpg");
  gint64 b = mops_test_insert_asset (fixture->db, "perpetual.jpg");
  g_autofree char *s = day (-10), *e = day (100), *e_short = day (50);
  gint64 lower, higher, perpetual;
  MopsLicenceRow row;

  /* Same expiry: the higher id is current. */
  lower = add_licence (fixture, a, s, e);
  higher = add_licence (fixture, a, NULL, e);
  add_licence (fixture, a, s, e_short);
  g_assert_cmpint (lower, <, higher);
  status_of (fixture, a, -1, &row);
  g_assert_cmpint (row.licence_id, ==, higher);
  g_assert_null (row.starts_on);
  mops_licence_row_clear (&row);

  /* A perpetual licence is the latest of all, whatever its id. */
  perpetual = add_licence (fixture, b, s, NULL);
  add_licence (fixture, b, s, e);
  status_of (fixture, b, -1, &row);
  g_assert_cmpint (row.licence_id, ==, perpetual);
  g_assert_cmpint (row.status, ==, MOPS_LICENCE_STATUS_ACTIVE);
  mops_licence_row_clear (&row);
}

static void
test_pending_and_expired_rows_show_the_nearest_licence (Fixture       *fixture,
                                                        gconstpointer  user_data)
{
  gint64 waiting = mops_test_insert_asset (fixture->db, "waiting.jpg");
  gint64 lapsed = mops_test_insert_asset (fixture->db, "lapsed.jpg");
  g_autofree char *soon = day (5), *later = day (50), *end = day (400);
  g_autofree char *old_end = day (-100), *recent_end = day (-3);
  gint64 next, last;
  MopsLicenceRow row;

  add_licence (fixture, waiting, later, end);
  next = add_licence (fixture, waiting, soon, end);
  add_licence (fixture, waiting, NULL, old_end);
  status_of (fixture, waiting, -1, &row);
  g_assert_cmpint (row.status, ==, MOPS_LICENCE_STATUS_PENDING);
  g_assert_cmpint (row.licence_id, ==, next);
  g_assert_cmpstr (row.starts_on, ==, soon);
  g_assert_null (row.covered_until);
  g_assert_false (row.has_days_left);
  mops_licence_row_clear (&row);

  last = add_licence (fixture, lapsed, NULL, recent_end);
  add_licence (fixture, lapsed, NULL, old_end);
  status_of (fixture, lapsed, -1, &row);
  g_assert_cmpint (row.status, ==, MOPS_LICENCE_STATUS_EXPIRED);
  g_assert_cmpint (row.licence_id, ==, last);
  g_assert_cmpint (row.days_left, ==, -3);
  g_assert_null (row.covered_until);
  mops_licence_row_clear (&row);
}

static void
test_records_and_trash_have_no_status (Fixture       *fixture,
                                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 record = mops_test_insert_asset_full (fixture->db, "receipt.pdf", "record", FALSE);
  gint64 trashed = mops_test_insert_asset_full (fixture->db, "old.jpg", "asset", TRUE);
  gint64 licensed_trashed = mops_test_insert_asset_full (fixture->db, "gone.jpg", "asset", TRUE);
  gint64 kept = mops_test_insert_asset (fixture->db, "kept.jpg");
  MopsLicenceRow row;

  add_licence (fixture, licensed_trashed, NULL, NULL);

  g_assert_cmpint (status_of (fixture, record, -1, &row), ==, MOPS_LICENCE_STATUS_NONE);
  g_assert_cmpint (row.asset_id, ==, record);
  mops_licence_row_clear (&row);
  g_assert_cmpint (status_of (fixture, trashed, -1, NULL), ==, MOPS_LICENCE_STATUS_NONE);
  g_assert_cmpint (status_of (fixture, licensed_trashed, -1, NULL), ==, MOPS_LICENCE_STATUS_NONE);

  rows = mops_licences_list_rows (fixture->library, NULL, -1, MOPS_LICENCE_STATUS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (((MopsLicenceRow *) rows->pdata[0])->asset_id, ==, kept);
  g_assert_cmpint (((MopsLicenceRow *) rows->pdata[0])->status, ==, MOPS_LICENCE_STATUS_MISSING);
}

static void
test_a_licence_on_its_own (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(MopsLicence) licence = mops_licence_new ();
  gboolean has_days = FALSE;
  gint64 days = 0;

  licence->expires_on = day (30);
  g_assert_cmpint (mops_licence_get_status (licence, NULL, -1, &has_days, &days), ==, MOPS_LICENCE_STATUS_EXPIRING);
  g_assert_true (has_days);
  g_assert_cmpint (days, ==, 30);
  g_assert_cmpint (mops_licence_get_status (licence, NULL, 29, NULL, NULL), ==, MOPS_LICENCE_STATUS_ACTIVE);

  g_free (licence->expires_on);
  licence->expires_on = day (-1);
  g_assert_cmpint (mops_licence_get_status (licence, NULL, -1, &has_days, &days), ==, MOPS_LICENCE_STATUS_EXPIRED);
  g_assert_cmpint (days, ==, -1);

  g_free (licence->expires_on);
  licence->expires_on = NULL;
  licence->starts_on = day (1);
  g_assert_cmpint (mops_licence_get_status (licence, NULL, -1, &has_days, &days), ==, MOPS_LICENCE_STATUS_PENDING);
  g_assert_false (has_days);

  g_free (licence->starts_on);
  licence->starts_on = day (0);
  g_assert_cmpint (mops_licence_get_status (licence, NULL, -1, NULL, NULL), ==, MOPS_LICENCE_STATUS_ACTIVE);
}

/* ---- Listing, JSON, CSV ------------------------------------------------------------------ */

typedef struct
{
  gint64 perpetual, later, missing, expired, soon, pending, record;
  gint64 soon_licence, expired_licence;
} Listing;

static void
make_listing (Fixture *fixture,
              Listing *l)
{
  g_autoptr(MopsLicence) licence = mops_licence_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *e_later = day (200), *e_expired = day (-2), *s_pending = day (3);
  g_autofree char *e_pending = day (90);

  l->perpetual = mops_test_insert_asset (fixture->db, "perpetual.jpg");
  l->later = mops_test_insert_asset (fixture->db, "later.jpg");
  l->missing = mops_test_insert_asset (fixture->db, "missing.jpg");
  l->expired = mops_test_insert_asset (fixture->db, "expired.jpg");
  l->soon = mops_test_insert_asset (fixture->db, "soon.jpg");
  l->pending = mops_test_insert_asset (fixture->db, "pending.jpg");
  l->record = mops_test_insert_asset_full (fixture->db, "contract.pdf", "record", FALSE);

  add_licence (fixture, l->perpetual, NULL, NULL);
  add_licence (fixture, l->later, NULL, e_later);
  l->expired_licence = add_licence (fixture, l->expired, NULL, e_expired);
  add_licence (fixture, l->pending, s_pending, e_pending);

  /* A shared agency licence with a licensor that looks like a formula. */
  licence->kind = MOPS_LICENCE_KIND_RIGHTS_MANAGED;
  licence->licensor = g_strdup ("=HYPERLINK(\"http://x\",\"Agency, Inc\")");
  licence->starts_on = day (-20);
  licence->expires_on = day (10);
  licence->media = MOPS_MEDIUM_WEB | MOPS_MEDIUM_PRINT;
  licence->worldwide = FALSE;
  licence->territories = g_strdupv ((char *[]) { "FR", "de", NULL });
  licence->confirmed = FALSE;
  licence->source = MOPS_LICENCE_SOURCE_METADATA;
  l->soon_licence = mops_licences_create (fixture->library, licence, &l->soon, 1, &error);
  g_assert_no_error (error);
}

static void
test_rows_one_per_asset_in_order (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) expiring = NULL;
  g_autoptr(GArray) ids = NULL;
  Listing l;
  gint64 order[6];

  make_listing (fixture, &l);
  rows = mops_licences_list_rows (fixture->library, NULL, -1, MOPS_LICENCE_STATUS_NONE, &error);
  g_assert_no_error (error);

  /* expires_on ascending, null last, then asset id. */
  order[0] = l.expired;
  order[1] = l.soon;
  order[2] = l.pending;
  order[3] = l.later;
  order[4] = l.perpetual;
  order[5] = l.missing;
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpint (((MopsLicenceRow *) rows->pdata[i])->asset_id, ==, order[i]);

  g_assert_cmpint (((MopsLicenceRow *) rows->pdata[0])->status, ==, MOPS_LICENCE_STATUS_EXPIRED);
  g_assert_cmpint (((MopsLicenceRow *) rows->pdata[1])->status, ==, MOPS_LICENCE_STATUS_EXPIRING);
  g_assert_cmpint (((MopsLicenceRow *) rows->pdata[2])->status, ==, MOPS_LICENCE_STATUS_PENDING);
  g_assert_cmpint (((MopsLicenceRow *) rows->pdata[3])->status, ==, MOPS_LICENCE_STATUS_ACTIVE);
  g_assert_cmpint (((MopsLicenceRow *) rows->pdata[4])->status, ==, MOPS_LICENCE_STATUS_ACTIVE);
  g_assert_cmpint (((MopsLicenceRow *) rows->pdata[5])->status, ==, MOPS_LICENCE_STATUS_MISSING);

  /* The bulk listing agrees with the single-asset function. */
  for (guint i = 0; i < rows->len; i++)
    {
      const MopsLicenceRow *bulk = rows->pdata[i];
      MopsLicenceRow single;

      status_of (fixture, bulk->asset_id, -1, &single);
      g_assert_cmpint (single.status, ==, bulk->status);
      g_assert_cmpint (single.licence_id, ==, bulk->licence_id);
      g_assert_cmpstr (single.covered_until, ==, bulk->covered_until);
      g_assert_cmpint (single.days_left, ==, bulk->days_left);
      g_assert_cmpstrv (single.territories, bulk->territories);
      mops_licence_row_clear (&single);
    }

  /* A filter keeps the order; a wider window turns "active" into "expiring". */
  expiring = mops_licences_list_rows (fixture->library, NULL, 365, MOPS_LICENCE_STATUS_EXPIRING, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expiring->len, ==, 2);
  g_assert_cmpint (((MopsLicenceRow *) expiring->pdata[0])->asset_id, ==, l.soon);
  g_assert_cmpint (((MopsLicenceRow *) expiring->pdata[1])->asset_id, ==, l.later);

  ids = mops_licences_assets_with_status_in_db (fixture->db,
                                                1u << MOPS_LICENCE_STATUS_MISSING | 1u << MOPS_LICENCE_STATUS_EXPIRED,
                                                NULL, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, l.missing);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, l.expired);
}

static void
test_rows_as_json_keep_keys_and_nulls (Fixture       *fixture,
                                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *soon_until = day (10);
  g_autofree char *soon_start = day (-20);
  JsonArray *array;
  JsonObject *soon, *missing, *perpetual;
  const char * const *keys;
  guint n_keys;
  Listing l;

  make_listing (fixture, &l);
  rows = mops_licences_list_rows (fixture->library, NULL, -1, MOPS_LICENCE_STATUS_NONE, &error);
  g_assert_no_error (error);
  json = mops_licence_rows_to_json (rows);
  array = json_node_get_array (json);
  g_assert_cmpuint (json_array_get_length (array), ==, 6);

  /* Every object has exactly the keys, in order. */
  keys = mops_licence_row_get_json_keys (&n_keys);
  g_assert_cmpuint (n_keys, ==, 12);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GList) members = json_object_get_members (json_array_get_object_element (array, i));
      guint k = 0;

      for (GList *m = members; m != NULL; m = m->next, k++)
        g_assert_cmpstr (m->data, ==, keys[k]);
      g_assert_cmpuint (k, ==, n_keys);
    }

  soon = json_array_get_object_element (array, 1);
  g_assert_cmpint (json_object_get_int_member (soon, "asset_id"), ==, l.soon);
  g_assert_cmpint (json_object_get_int_member (soon, "licence_id"), ==, l.soon_licence);
  g_assert_cmpstr (json_object_get_string_member (soon, "kind"), ==, "rights_managed");
  g_assert_cmpstr (json_object_get_string_member (soon, "starts_on"), ==, soon_start);
  g_assert_cmpstr (json_object_get_string_member (soon, "expires_on"), ==, soon_until);
  g_assert_cmpstr (json_object_get_string_member (soon, "covered_until"), ==, soon_until);
  g_assert_cmpint (json_object_get_int_member (soon, "days_left"), ==, 10);
  g_assert_cmpstr (json_object_get_string_member (soon, "status"), ==, "expiring");
  g_assert_true (json_object_get_boolean_member (soon, "to_confirm"));
  {
    JsonArray *channels = json_object_get_array_member (soon, "channels");
    JsonArray *territories = json_object_get_array_member (soon, "territories");

    g_assert_cmpuint (json_array_get_length (channels), ==, 2);
    g_assert_cmpstr (json_array_get_string_element (channels, 0), ==, "web");
    g_assert_cmpstr (json_array_get_string_element (channels, 1), ==, "print");
    g_assert_cmpuint (json_array_get_length (territories), ==, 2);
    g_assert_cmpstr (json_array_get_string_element (territories, 0), ==, "DE");
    g_assert_cmpstr (json_array_get_string_element (territories, 1), ==, "FR");
  }

  /* Missing: the licence fields are null, never omitted or "". */
  missing = json_array_get_object_element (array, 5);
  g_assert_cmpstr (json_object_get_string_member (missing, "status"), ==, "missing");
  for (guint k = 1; k <= 9; k++)
    g_assert_true (json_object_get_null_member (missing, keys[k]));
  g_assert_false (json_object_get_boolean_member (missing, "to_confirm"));

  /* Perpetual: dates, covered_until and days_left null; worldwide; no media named. */
  perpetual = json_array_get_object_element (array, 4);
  g_assert_true (json_object_get_null_member (perpetual, "starts_on"));
  g_assert_true (json_object_get_null_member (perpetual, "expires_on"));
  g_assert_true (json_object_get_null_member (perpetual, "covered_until"));
  g_assert_true (json_object_get_null_member (perpetual, "days_left"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (perpetual, "channels")), ==, 0);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (perpetual, "territories"), 0),
                   ==, "worldwide");
}

static void
test_rows_as_csv (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *expired_end = day (-2);
  g_autofree char *soon_start = day (-20), *soon_end = day (10);
  g_autofree char *expected_soon = NULL;
  g_autofree char *expected_expired = NULL;
  g_autofree char *expected_missing = NULL;
  g_auto(GStrv) lines = NULL;
  Listing l;

  make_listing (fixture, &l);
  rows = mops_licences_list_rows (fixture->library, NULL, -1, MOPS_LICENCE_STATUS_NONE, &error);
  csv = mops_licence_rows_to_csv (rows);

  g_assert_true (g_str_has_prefix (csv, "asset_id,licence_id,licensor,kind,starts_on,expires_on,"
                                        "covered_until,days_left,channels,territories,status,to_confirm\r\n"));
  g_assert_true (g_str_has_suffix (csv, "\r\n"));
  g_assert_null (strstr (csv, "\xEF\xBB\xBF"));

  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 6 + 1);

  /* A negative number of days stays a number; the licensor's formula is neutralised and
   * quoted (it holds commas and quotes); arrays are joined with ";". */
  expected_expired = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",Stock House,royalty_free,,%s,,-2,,worldwide,expired,false",
                                      l.expired, l.expired_licence, expired_end);
  g_assert_cmpstr (lines[1], ==, expected_expired);
  expected_soon = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",\"'=HYPERLINK(\"\"http://x\"\",\"\"Agency, Inc\"\")\","
                                   "rights_managed,%s,%s,%s,10,web;print,DE;FR,expiring,true",
                                   l.soon, l.soon_licence, soon_start, soon_end, soon_end);
  g_assert_cmpstr (lines[2], ==, expected_soon);
  expected_missing = g_strdup_printf ("%" G_GINT64_FORMAT ",,,,,,,,,,missing,false", l.missing);
  g_assert_cmpstr (lines[6], ==, expected_missing);
  g_assert_cmpstr (lines[7], ==, "");

  /* The same text as the JSON rows written through the generic writer: the keys agree. */
  {
    g_autoptr(JsonNode) json = mops_licence_rows_to_json (rows);
    guint n_keys;
    const char * const *keys = mops_licence_row_get_json_keys (&n_keys);
    g_autofree char *via_json = mops_csv_from_json_array (json_node_get_array (json), keys, n_keys);

    g_assert_cmpstr (csv, ==, via_json);
  }
}

static void
test_csv_of_no_rows_is_the_header (void)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *csv = mops_licence_rows_to_csv (rows);
  g_autoptr(JsonNode) json = mops_licence_rows_to_json (rows);
  g_autofree char *text = json_to_string (json, FALSE);

  g_assert_cmpstr (csv, ==, "asset_id,licence_id,licensor,kind,starts_on,expires_on,"
                            "covered_until,days_left,channels,territories,status,to_confirm\r\n");
  g_assert_cmpstr (text, ==, "[]");
}

/* The page's CSV for finance and legal: the CLI's columns first, then the asset's title and
 * file name, the cost as a decimal in its currency's digits, the status and days as shown. */
static void
test_table_csv_adds_what_finance_needs (void)
{
  g_autoptr(GPtrArray) table = g_ptr_array_new_with_free_func ((GDestroyNotify) mops_licence_table_row_free);
  MopsLicenceTableRow *row = g_new0 (MopsLicenceTableRow, 1);
  MopsLicenceTableRow *yen = g_new0 (MopsLicenceTableRow, 1);
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;

  row->row = g_new0 (MopsLicenceRow, 1);
  row->row->asset_id = 12;
  row->row->licence_id = 3;
  row->row->licensor = g_strdup ("Nordlys Stock");
  row->row->kind = MOPS_LICENCE_KIND_ROYALTY_FREE;
  row->row->starts_on = g_strdup ("2026-12-10");
  row->row->status = MOPS_LICENCE_STATUS_PENDING;
  row->row->has_days_left = TRUE;
  row->row->days_left = -40;
  row->row->worldwide = TRUE;
  row->asset_title = g_strdup ("Fjord at dawn");
  row->original_name = g_strdup ("fjord-dawn.jpg");
  row->has_cost = TRUE;
  row->cost = 4900;
  row->currency = g_strdup ("EUR");
  g_ptr_array_add (table, row);

  yen->row = g_new0 (MopsLicenceRow, 1);
  yen->row->asset_id = 13;
  yen->row->licence_id = 4;
  yen->row->kind = MOPS_LICENCE_KIND_OWNED;
  yen->row->status = MOPS_LICENCE_STATUS_ACTIVE;
  yen->row->has_days_left = TRUE;
  yen->row->days_left = 7;
  yen->row->worldwide = TRUE;
  yen->original_name = g_strdup ("=SUM(A1).png");
  yen->has_cost = TRUE;
  yen->cost = 1234;
  yen->currency = g_strdup ("JPY");
  g_ptr_array_add (table, yen);

  csv = mops_licence_table_to_csv (table);
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "asset_id,licence_id,licensor,kind,starts_on,expires_on,covered_until,days_left,"
                                 "channels,territories,status,to_confirm,asset_title,file_name,cost,currency,"
                                 "status_label,days_left_label");
  g_assert_cmpstr (lines[1], ==, "12,3,Nordlys Stock,royalty_free,2026-12-10,,,-40,,worldwide,pending,false,"
                                 "Fjord at dawn,fjord-dawn.jpg,49.00,EUR,Not started,40 days ago");
  g_assert_cmpstr (lines[2], ==, "13,4,,owned,,,,7,,worldwide,active,false,,'=SUM(A1).png,1234,JPY,Active,in 7 days");
  g_assert_cmpstr (lines[3], ==, "");
}

static void
on_csv_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The page writes copies of its rows in a worker: the same text as mops_licence_table_to_csv()
 * through a temporary file renamed into place; a folder that does not exist is said with the
 * file's own name, not the temporary one. */
static void
test_table_csv_is_written_in_a_worker (void)
{
  g_autofree char *dir = NULL;
  MopsLibrary *library = mops_test_create_library (&dir);
  g_autoptr(GPtrArray) table = g_ptr_array_new_with_free_func ((GDestroyNotify) mops_licence_table_row_free);
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func ((GDestroyNotify) mops_licence_table_row_free);
  g_autoptr(MopsLicenceTableRow) row = g_new0 (MopsLicenceTableRow, 1);
  g_autofree char *path = g_build_filename (dir, "licences.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "no-such-folder", "licences.csv", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  row->row = g_new0 (MopsLicenceRow, 1);
  row->row->asset_id = 12;
  row->row->licence_id = 3;
  row->row->licensor = g_strdup ("Nordlys Stock");
  row->row->expires_on = g_strdup ("2027-01-05");
  row->row->territories = g_strsplit ("DE,NO", ",", -1);
  row->row->status = MOPS_LICENCE_STATUS_ACTIVE;
  row->asset_title = g_strdup ("Fjord at dawn");
  row->original_name = g_strdup ("fjord-dawn.jpg");
  row->has_cost = TRUE;
  row->cost = 4900;
  row->currency = g_strdup ("EUR");
  g_ptr_array_add (table, mops_licence_table_row_copy (row));
  g_ptr_array_add (copies, mops_licence_table_row_copy (row));
  g_clear_pointer (&row, mops_licence_table_row_free);
  expected = mops_licence_table_to_csv (table);

  mops_licence_table_write_csv_async (library, copies, path, NULL, on_csv_written_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (mops_licence_table_write_csv_finish (library, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_true (g_file_get_contents (path, &written, NULL, &error));
  g_assert_cmpstr (written, ==, expected);

  mops_licence_table_write_csv_async (library, copies, bad, NULL, on_csv_written_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (mops_licence_table_write_csv_finish (library, result, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "licences.csv”"));
  g_assert_null (strstr (error->message, "licences.csv."));
  g_clear_object (&result);

  mops_test_close_library (&library, &dir);
}

/* ---- Calendar cross-check ---------------------------------------------------------------- */

/* A content item on @publish_at (NULL = unscheduled) in the first channel of @medium (NULL =
 * no channel) using @assets. */
static gint64
add_content_item (Fixture      *fixture,
                  const char   *publish_at,
                  const char   *medium,
                  const gint64 *assets,
                  guint         n_assets)
{
  static guint n = 0;
  g_autofree char *sql = NULL;
  g_autofree char *publish = publish_at != NULL ? g_strdup_printf ("'%s'", publish_at) : g_strdup ("NULL");
  g_autofree char *channel = medium != NULL
    ? g_strdup_printf ("(SELECT min(id) FROM channels WHERE medium = '%s')", medium) : g_strdup ("NULL");
  gint64 id;

  sql = g_strdup_printf ("INSERT INTO content_items (uid, title, status, channel_id, publish_at,"
                         " created_at, modified_at) VALUES ('item-%u@test', 'Post', 'scheduled', %s, %s, 1, 1)",
                         n++, channel, publish);
  id = exec_insert (fixture, sql);

  for (guint i = 0; i < n_assets; i++)
    {
      g_autofree char *link = g_strdup_printf ("INSERT INTO content_assets (content_item_id, asset_id, position)"
                                               " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %u)",
                                               id, assets[i], i);
      exec_insert (fixture, link);
    }

  return id;
}

static GPtrArray *
check_item (Fixture     *fixture,
            gint64       item,
            const GDate *date)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *problems = mops_licences_check_content_item (fixture->library, item, date, &error);

  g_assert_no_error (error);
  g_assert_nonnull (problems);
  return problems;
}

static void
test_check_flags_assets_not_usable_that_day (Fixture       *fixture,
                                             gconstpointer  user_data)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) later = NULL;
  gint64 ok = mops_test_insert_asset (fixture->db, "ok.jpg");
  gint64 expiring = mops_test_insert_asset (fixture->db, "expiring.jpg");
  gint64 lapsing = mops_test_insert_asset (fixture->db, "lapsing.jpg");
  gint64 early = mops_test_insert_asset (fixture->db, "early.jpg");
  gint64 none = mops_test_insert_asset (fixture->db, "none.jpg");
  gint64 record = mops_test_insert_asset_full (fixture->db, "brief.pdf", "record", FALSE);
  gint64 trashed = mops_test_insert_asset_full (fixture->db, "trashed.jpg", "asset", TRUE);
  gint64 assets[] = { ok, expiring, lapsing, early, none, record, trashed };
  g_autofree char *publish = day (14);
  g_autofree char *publish_at = g_strdup_printf ("%sT10:30", publish);
  g_autofree char *e_expiring = day (14), *e_lapsing = day (13), *s_early = day (15);
  const MopsLicenceProblem *p;
  gint64 item;
  GDate date;

  add_licence (fixture, ok, NULL, NULL);
  add_licence (fixture, expiring, NULL, e_expiring);   /* last valid day is the publish day */
  add_licence (fixture, lapsing, NULL, e_lapsing);
  add_licence (fixture, early, s_early, NULL);

  item = add_content_item (fixture, publish_at, NULL, assets, G_N_ELEMENTS (assets));
  problems = check_item (fixture, item, NULL);
  g_assert_cmpuint (problems->len, ==, 3);

  p = problems->pdata[0];
  g_assert_cmpint (p->asset_id, ==, lapsing);
  g_assert_cmpint (p->code, ==, MOPS_LICENCE_PROBLEM_EXPIRED);
  g_assert_cmpstr (mops_licence_problem_code_to_name (p->code), ==, "expired");
  g_assert_nonnull (strstr (p->message, "lapsing.jpg"));
  g_assert_nonnull (strstr (p->message, publish));

  p = problems->pdata[1];
  g_assert_cmpint (p->asset_id, ==, early);
  g_assert_cmpstr (mops_licence_problem_code_to_name (p->code), ==, "not_started");
  g_assert_nonnull (strstr (p->message, "early.jpg"));
  g_assert_nonnull (strstr (p->message, publish));

  p = problems->pdata[2];
  g_assert_cmpint (p->asset_id, ==, none);
  g_assert_cmpstr (mops_licence_problem_code_to_name (p->code), ==, "missing");
  g_assert_cmpint (p->licence_id, ==, 0);
  g_assert_nonnull (strstr (p->message, "none.jpg"));

  /* The same item checked on another day: a year later only the perpetual ones are fine. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2028);
  later = check_item (fixture, item, &date);
  g_assert_cmpuint (later->len, ==, 3);
  g_assert_cmpint (((MopsLicenceProblem *) later->pdata[0])->asset_id, ==, expiring);
  g_assert_cmpint (((MopsLicenceProblem *) later->pdata[1])->asset_id, ==, lapsing);
  g_assert_cmpint (((MopsLicenceProblem *) later->pdata[2])->asset_id, ==, none);
}

static void
test_check_flags_uncovered_media (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(MopsLicence) licence = mops_licence_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) print_problems = NULL;
  g_autoptr(GPtrArray) web_problems = NULL;
  g_autoptr(GPtrArray) no_channel = NULL;
  g_autoptr(GPtrArray) outdoor_problems = NULL;
  gint64 web_only = mops_test_insert_asset (fixture->db, "web-only.jpg");
  gint64 any_medium = mops_test_insert_asset (fixture->db, "any.jpg");
  gint64 two_licences = mops_test_insert_asset (fixture->db, "two.jpg");
  gint64 assets[] = { web_only, any_medium, two_licences };
  g_autofree char *publish = day (3);
  const MopsLicenceProblem *p;
  gint64 outdoor_id;

  /* web-only.jpg: web and social only. */
  licence->media = MOPS_MEDIUM_WEB | MOPS_MEDIUM_SOCIAL;
  licence->expires_on = day (30);
  mops_licences_create (fixture->library, licence, &web_only, 1, &error);
  g_assert_no_error (error);
  /* any.jpg: a licence naming no medium allows every medium. */
  add_licence (fixture, any_medium, NULL, NULL);
  /* two.jpg: a web licence running longest (current) and a print one also covering the day. */
  licence->media = MOPS_MEDIUM_WEB;
  g_free (licence->expires_on);
  licence->expires_on = day (300);
  mops_licences_create (fixture->library, licence, &two_licences, 1, &error);
  licence->media = MOPS_MEDIUM_PRINT | MOPS_MEDIUM_OUTDOOR;
  g_free (licence->expires_on);
  licence->expires_on = day (20);
  outdoor_id = mops_licences_create (fixture->library, licence, &two_licences, 1, &error);
  g_assert_no_error (error);

  print_problems = check_item (fixture, add_content_item (fixture, publish, "print", assets, 3), NULL);
  g_assert_cmpuint (print_problems->len, ==, 1);
  p = print_problems->pdata[0];
  g_assert_cmpint (p->asset_id, ==, web_only);
  g_assert_cmpstr (mops_licence_problem_code_to_name (p->code), ==, "medium_not_covered");
  g_assert_nonnull (strstr (p->message, "web-only.jpg"));
  g_assert_nonnull (strstr (p->message, publish));
  g_assert_nonnull (strstr (p->message, "Print"));

  web_problems = check_item (fixture, add_content_item (fixture, publish, "web", assets, 3), NULL);
  g_assert_cmpuint (web_problems->len, ==, 0);

  no_channel = check_item (fixture, add_content_item (fixture, publish, NULL, assets, 3), NULL);
  g_assert_cmpuint (no_channel->len, ==, 0);

  /* Past the outdoor licence's end only the web one covers two.jpg. */
  {
    g_autofree char *after = day (25);
    gint64 item = add_content_item (fixture, after, "outdoor", assets, 3);

    outdoor_problems = check_item (fixture, item, NULL);
  }
  g_assert_cmpuint (outdoor_problems->len, ==, 2);
  g_assert_cmpint (((MopsLicenceProblem *) outdoor_problems->pdata[0])->asset_id, ==, web_only);
  g_assert_cmpint (((MopsLicenceProblem *) outdoor_problems->pdata[1])->asset_id, ==, two_licences);
  g_assert_cmpint (((MopsLicenceProblem *) outdoor_problems->pdata[1])->licence_id, !=, outdoor_id);
}

static void
test_check_dates_of_unscheduled_and_published_items (Fixture       *fixture,
                                                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) unscheduled = NULL;
  g_autoptr(GPtrArray) published = NULL;
  gint64 photo = mops_test_insert_asset (fixture->db, "a.jpg");
  gint64 idea, post;

  add_licence (fixture, photo, NULL, "2026-11-10");

  idea = add_content_item (fixture, NULL, "web", &photo, 1);
  unscheduled = check_item (fixture, idea, NULL);
  g_assert_cmpuint (unscheduled->len, ==, 0);

  /* Published at 23:30 UTC on 10 November: already the 11th in Berlin, a day too late. */
  post = add_content_item (fixture, NULL, "web", &photo, 1);
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE content_items SET status = 'published',"
                                            " published_at = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT,
                                            (gint64) 1794353400, post);
    exec_insert (fixture, sql);
  }
  published = check_item (fixture, post, NULL);
  g_assert_cmpuint (published->len, ==, 1);
  g_assert_cmpint (((MopsLicenceProblem *) published->pdata[0])->code, ==, MOPS_LICENCE_PROBLEM_EXPIRED);
  g_assert_nonnull (strstr (((MopsLicenceProblem *) published->pdata[0])->message, "2026-11-11"));

  g_assert_null (mops_licences_check_content_item (fixture->library, 31337, NULL, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
}

/* A licence kept elsewhere comes in with its own dates; the search text waits for the caller. */
static void
test_import_keeps_the_record_s_times_and_leaves_search_text_to_the_caller (Fixture       *fixture,
                                                                          gconstpointer  user_data)
{
  g_autoptr(MopsLicence) licence = mops_licence_new ();
  g_autoptr(MopsLicence) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 photo = mops_test_insert_asset (fixture->db, "aurora.png");
  g_autofree char *text = NULL;
  g_autofree char *marker = NULL;
  gint64 id;

  licence->licensor = g_strdup ("Arctic Light Images");
  licence->kind = MOPS_LICENCE_KIND_EDITORIAL;
  licence->starts_on = g_strdup ("2026-10-08");
  licence->expires_on = g_strdup ("2027-06-25");
  licence->confirmed = FALSE;
  licence->source = MOPS_LICENCE_SOURCE_METADATA;
  licence->created_at = 1790000000;
  licence->modified_at = 1790259200;

  id = mops_licences_import (fixture->library, licence, &photo, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  loaded = mops_licences_load (fixture->library, id, &error);
  g_assert_cmpint (loaded->created_at, ==, 1790000000);
  g_assert_cmpint (loaded->modified_at, ==, 1790259200);
  g_assert_false (loaded->confirmed);
  g_assert_cmpint (loaded->source, ==, MOPS_LICENCE_SOURCE_METADATA);
  g_assert_cmpuint (loaded->asset_ids->len, ==, 1);

  /* pre-filled from the file, as the previews record it */
  marker = g_strdup_printf ("SELECT value FROM asset_meta WHERE key = '" MOPS_LICENCE_METADATA_MARKER "'"
                            " AND asset_id = %" G_GINT64_FORMAT, photo);
  g_assert_cmpint (mops_test_query_int (fixture->db, marker), ==, id);

  /* the licensor is searchable once the caller refreshes */
  text = search_text_of (fixture, photo);
  g_assert_null (strstr (text, "arctic"));
  g_clear_pointer (&text, g_free);
  g_assert_true (mops_assets_refresh_search_text (fixture->library, &photo, 1, &error));
  g_assert_no_error (error);
  text = search_text_of (fixture, photo);
  g_assert_nonnull (strstr (text, "arctic light images"));

  /* the checks of create: nothing is written */
  licence->currency = g_strdup ("EURO");
  licence->has_cost = TRUE;
  licence->cost = 100;
  g_assert_cmpint (mops_licences_import (fixture->library, licence, &photo, 1, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);
  g_free (licence->currency);
  licence->currency = g_strdup ("EUR");
  photo += 100;
  g_assert_cmpint (mops_licences_import (fixture->library, licence, &photo, 1, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
  g_assert_cmpint (mops_test_query_int (fixture->db, "SELECT count(*) FROM licences"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_setenv ("MOPS_NOW", TEST_NOW, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/licence/names/convert-both-ways-and-accept-hyphens", test_names_round_trip);
  g_test_add_func ("/licence/csv/the-page-s-table-adds-what-finance-needs", test_table_csv_adds_what_finance_needs);
  g_test_add_func ("/licence/csv/the-page-s-table-is-written-in-a-worker", test_table_csv_is_written_in_a_worker);
  g_test_add_func ("/licence/money/uses-each-currency-s-digits", test_money_uses_each_currency_s_digits);
  g_test_add_func ("/licence/money/refuses-more-decimals-than-the-currency-has", test_money_refuses_too_many_decimals);
  g_test_add_func ("/licence/money/accepts-negative-amounts", test_money_accepts_negative_amounts);
  g_test_add_func ("/licence/money/refuses-garbage", test_money_refuses_garbage);
  g_test_add_func ("/licence/money/refuses-unknown-currencies", test_money_refuses_unknown_currencies);
  g_test_add_func ("/licence/money/writes-plain-decimals-that-read-back", test_money_writes_plain_decimals);
  g_test_add_func ("/licence/territories/accept-any-case-and-store-upper-case",
                   test_territories_accept_any_case_and_store_upper_case);
  g_test_add_func ("/licence/territories/refuse-unknown-codes", test_territories_refuse_unknown_codes);
  g_test_add_func ("/licence/territories/worldwide-is-the-default", test_territories_worldwide);
  g_test_add_func ("/licence/rows/csv-of-no-rows-is-the-header", test_csv_of_no_rows_is_the_header);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, mops_test_library_tear_down)
  ADD ("/licence/create/stores-every-field", test_create_stores_every_field);
  ADD ("/licence/create/has-defaults-and-lists", test_create_defaults_and_lists);
  ADD ("/licence/create/refuses-invalid-licences", test_create_refuses_invalid_licences);
  ADD ("/licence/create/with-an-unknown-asset-writes-nothing", test_create_with_unknown_asset_writes_nothing);
  ADD ("/licence/update/replaces-fields-and-keeps-links", test_update_replaces_fields_and_keeps_links);
  ADD ("/licence/delete/keeps-assets-and-expenses", test_delete_keeps_assets_and_expenses);
  ADD ("/licence/search/licensor-is-searchable-through-every-change", test_licensor_is_searchable);
  ADD ("/licence/attach/and-detach-are-idempotent", test_attach_and_detach_are_idempotent);
  ADD ("/licence/attach/with-an-unknown-id-changes-nothing", test_attach_with_an_unknown_id_changes_nothing);
  ADD ("/licence/save/is-all-or-nothing", test_save_is_all_or_nothing);
  ADD ("/licence/confirm/clears-to-confirm", test_confirm_clears_to_confirm);
  ADD ("/licence/import/keeps-the-record-s-times-and-leaves-search-text-to-the-caller",
       test_import_keeps_the_record_s_times_and_leaves_search_text_to_the_caller);
  ADD ("/licence/status/expires-yesterday-today-tomorrow", test_status_at_the_expiry_boundary);
  ADD ("/licence/status/warning-window-edge-is-inclusive", test_status_at_the_warning_window_edge);
  ADD ("/licence/status/perpetual-starts-today-and-pending", test_status_perpetual_and_pending);
  ADD ("/licence/status/no-licence-is-missing", test_status_missing_without_licence);
  ADD ("/licence/status/uses-the-local-date", test_status_uses_the_local_date);
  ADD ("/licence/status/on-a-given-date", test_status_on_a_given_date);
  ADD ("/licence/status/renewal-the-next-day-continues-the-chain", test_renewal_the_next_day_continues_the_chain);
  ADD ("/licence/status/a-gap-breaks-the-chain", test_a_gap_breaks_the_chain);
  ADD ("/licence/status/overlapping-licences-extend-the-chain", test_overlapping_licences_extend_the_chain);
  ADD ("/licence/status/current-is-latest-expiry-then-higher-id", test_current_licence_tie_rules);
  ADD ("/licence/status/pending-and-expired-show-the-nearest-licence",
       test_pending_and_expired_rows_show_the_nearest_licence);
  ADD ("/licence/status/records-and-trash-have-none", test_records_and_trash_have_no_status);
  ADD ("/licence/status/of-a-licence-on-its-own", test_a_licence_on_its_own);
  ADD ("/licence/rows/one-per-asset-in-expiry-order", test_rows_one_per_asset_in_order);
  ADD ("/licence/rows/json-keeps-keys-and-nulls", test_rows_as_json_keep_keys_and_nulls);
  ADD ("/licence/rows/csv-neutralises-and-joins", test_rows_as_csv);
  ADD ("/licence/check/flags-assets-not-usable-that-day", test_check_flags_assets_not_usable_that_day);
  ADD ("/licence/check/flags-uncovered-media", test_check_flags_uncovered_media);
  ADD ("/licence/check/dates-of-unscheduled-and-published-items", test_check_dates_of_unscheduled_and_published_items);
#undef ADD

  return g_test_run ();
}
