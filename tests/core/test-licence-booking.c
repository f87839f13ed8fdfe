/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-licence-booking.c — booking a licence's cost as an expense: links, checks, currencies */

#include "config.h"

#include "core/mops-db-private.h"
#include "core/mops-error.h"
#include "core/mops-library-private.h"
#include "core/mops-library.h"
#include "core/mops-licence-booking.h"
#include "core/mops-licences.h"
#include "mops-test-util.h"

#define TEST_NOW "2026-11-23T09:00:00+01:00"

typedef struct
{
  char        *dir;
  MopsLibrary *library;
  sqlite3     *db;
  gint64       licence_id;
  gint64       team_id;
} Fixture;

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  return mops_test_query_int (fixture->db, sql);
}

static void
exec (Fixture    *fixture,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mops_db_exec (fixture->db, sql, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MopsLicence) licence = mops_licence_new ();

  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_setenv ("MOPS_NOW", TEST_NOW, TRUE);

  fixture->library = mops_test_create_library (&fixture->dir);
  fixture->db = mops_library_get_db (fixture->library);

  licence->kind = MOPS_LICENCE_KIND_ROYALTY_FREE;
  licence->licensor = g_strdup ("Nordlicht Stock");
  licence->reference = g_strdup ("ORD-4711");
  licence->has_cost = TRUE;
  licence->cost = 34900;
  licence->currency = g_strdup ("EUR");
  fixture->licence_id = mops_licences_create (fixture->library, licence, NULL, 0, &error);
  g_assert_no_error (error);

  exec (fixture,
        "INSERT INTO teams (name) VALUES ('Brand & design');"
        "INSERT INTO teams (name, archived) VALUES ('Old team', 1);"
        "INSERT INTO fiscal_years (name, starts_on, currency) VALUES ('FY 2026', '2026-01-01', 'EUR');");
  fixture->team_id = query_int (fixture, "SELECT id FROM teams WHERE name = 'Brand & design'");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  mops_test_close_library (&fixture->library, &fixture->dir);
}

static void
test_books_an_expense_linked_both_ways (Fixture       *fixture,
                                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) expenses = NULL;
  MopsLicenceExpense *expense;
  gint64 id;

  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM categories"), ==, 0);

  id = mops_licences_book_expense (fixture->library, fixture->licence_id, fixture->team_id,
                                   "2026-03-01", 34900, "eur", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* The expense names its licence, the licensor as vendor and the reference */
  g_assert_cmpint (query_int (fixture, "SELECT licence_id FROM expenses"), ==, fixture->licence_id);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM expenses WHERE vendor = 'Nordlicht Stock'"
                                       " AND description = 'ORD-4711' AND date = '2026-03-01'"
                                       " AND currency = 'EUR' AND rate = '1' AND base_amount = 34900"), ==, 1);

  /* … in the category Licensing, created once */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM categories WHERE name = 'Licensing'"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT category_id FROM expenses"), ==,
                   query_int (fixture, "SELECT id FROM categories WHERE name = 'Licensing'"));
  id = mops_licences_book_expense (fixture->library, fixture->licence_id, fixture->team_id,
                                   "2026-02-01", 100, "EUR", "1.0", &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM categories"), ==, 1);

  /* The licence lists its expenses, by date */
  expenses = mops_licences_list_expenses (fixture->library, fixture->licence_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expenses->len, ==, 2);
  expense = g_ptr_array_index (expenses, 0);
  g_assert_cmpint (expense->id, ==, id);
  g_assert_cmpstr (expense->date, ==, "2026-02-01");
  g_assert_cmpint (expense->amount, ==, 100);
  expense = g_ptr_array_index (expenses, 1);
  g_assert_cmpstr (expense->date, ==, "2026-03-01");
  g_assert_cmpint (expense->amount, ==, 34900);
  g_assert_cmpstr (expense->currency, ==, "EUR");
  g_assert_cmpstr (expense->base_currency, ==, "EUR");
  g_assert_cmpstr (expense->team_name, ==, "Brand & design");
  g_assert_cmpstr (expense->category_name, ==, "Licensing");
  g_assert_cmpint (expense->licence_id, ==, fixture->licence_id);

  /* The last team used is remembered by the library */
  g_assert_cmpint (mops_licence_booking_last_team (fixture->library), ==, fixture->team_id);

  /* Deleting the licence keeps the expenses and drops the link */
  g_assert_true (mops_licences_delete (fixture->library, fixture->licence_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM expenses WHERE licence_id IS NULL"), ==, 2);
}

static void
test_uses_an_existing_category (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  exec (fixture, "INSERT INTO categories (name) VALUES ('Advertising'), ('licensing')");
  g_assert_cmpint (mops_licences_book_expense (fixture->library, fixture->licence_id, fixture->team_id,
                                               "2026-05-05", 500, "EUR", NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM categories"), ==, 2);
  g_assert_cmpint (query_int (fixture, "SELECT category_id FROM expenses"), ==,
                   query_int (fixture, "SELECT id FROM categories WHERE name = 'licensing'"));
}

static void
assert_nothing_written (Fixture *fixture)
{
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM expenses"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM categories"), ==, 0);
}

static void
test_rejects_unknown_licence_and_team (Fixture       *fixture,
                                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (mops_licences_book_expense (fixture->library, 9999, fixture->team_id,
                                               "2026-03-01", 100, "EUR", NULL, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
  g_assert_nonnull (g_strstr_len (error->message, -1, "9999"));
  g_clear_error (&error);

  g_assert_cmpint (mops_licences_book_expense (fixture->library, fixture->licence_id, 8888,
                                               "2026-03-01", 100, "EUR", NULL, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
  g_assert_nonnull (g_strstr_len (error->message, -1, "8888"));
  g_clear_error (&error);

  g_assert_null (mops_licences_list_expenses (fixture->library, 9999, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);

  assert_nothing_written (fixture);
}

static void
test_rejects_bad_input (Fixture       *fixture,
                        gconstpointer  user_data)
{
  static const struct { const char *date; gint64 amount; const char *currency; const char *rate; } cases[] = {
    { "2026-02-30", 100, "EUR", NULL },   /* no such day */
    { "1.3.2026", 100, "EUR", NULL },
    { "2026-03-01", 0, "EUR", NULL },     /* nothing to book */
    { "2026-03-01", -5, "EUR", NULL },
    { "2026-03-01", 100, "EUX", "1" },    /* unknown currency */
    { "2026-03-01", 100, "USD", NULL },   /* another currency needs a rate */
    { "2026-03-01", 100, "USD", "0" },
    { "2026-03-01", 100, "USD", "-0.9" },
    { "2026-03-01", 100, "USD", "0,92" },
    { "2026-03-01", 100, "USD", "1e3" },
    { "2026-03-01", 100, "USD", "0.1234567890123" },  /* 13 decimals */
    { "2026-03-01", 100, "EUR", "2" },    /* the year's own currency is at 1 */
    { "2026-03-01", G_MAXINT64, "USD", "2" },  /* too large */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u", i);
      g_assert_cmpint (mops_licences_book_expense (fixture->library, fixture->licence_id, fixture->team_id,
                                                   cases[i].date, cases[i].amount, cases[i].currency,
                                                   cases[i].rate, &error), ==, 0);
      g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
    }

  assert_nothing_written (fixture);
}

static void
test_needs_a_fiscal_year (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MopsBookingYear) year = NULL;

  /* FY 2026 runs 2026-01-01 … 2026-12-31 */
  g_assert_cmpint (mops_licences_book_expense (fixture->library, fixture->licence_id, fixture->team_id,
                                               "2027-01-01", 100, "EUR", NULL, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
  g_assert_nonnull (g_strstr_len (error->message, -1, "2027-01-01"));
  g_assert_nonnull (g_strstr_len (error->message, -1, "fiscal year"));
  g_clear_error (&error);
  g_assert_cmpint (mops_licences_book_expense (fixture->library, fixture->licence_id, fixture->team_id,
                                               "2025-12-31", 100, "EUR", NULL, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_nothing_written (fixture);

  year = mops_licence_booking_find_year (fixture->library, "2026-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (year->name, ==, "FY 2026");
  g_assert_cmpstr (year->currency, ==, "EUR");
  g_clear_pointer (&year, mops_booking_year_free);

  /* A year starting in April covers until the end of next March */
  exec (fixture, "INSERT INTO fiscal_years (name, starts_on, currency) VALUES ('FY 27/28', '2027-04-01', 'GBP')");
  year = mops_licence_booking_find_year (fixture->library, "2028-03-31", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (year->name, ==, "FY 27/28");
  g_clear_pointer (&year, mops_booking_year_free);
  g_assert_null (mops_licence_booking_find_year (fixture->library, "2028-04-01", &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
}

static void
test_converts_other_currencies (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 base = 0;

  /* USD 349.00 at 0.9215 = EUR 321.6035 → 321.60 */
  g_assert_cmpint (mops_licences_book_expense (fixture->library, fixture->licence_id, fixture->team_id,
                                               "2026-06-15", 34900, "USD", "0.9215", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT base_amount FROM expenses WHERE currency = 'USD'"), ==, 32160);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM expenses WHERE rate = '0.9215'"), ==, 1);

  /* JPY has no minor digits, BHD three */
  g_assert_true (mops_licence_booking_convert (120000, "JPY", "0.0062", "EUR", &base, &error));
  g_assert_cmpint (base, ==, 74400);   /* ¥120,000 → €744.00 */
  g_assert_true (mops_licence_booking_convert (74400, "EUR", "161.3", "JPY", &base, &error));
  g_assert_cmpint (base, ==, 120007);  /* €744.00 → ¥120,007.2 → 120,007 */
  g_assert_true (mops_licence_booking_convert (1, "EUR", "1", "BHD", &base, &error));
  g_assert_cmpint (base, ==, 10);
  g_assert_true (mops_licence_booking_convert (5, "BHD", "1", "EUR", &base, &error));
  g_assert_cmpint (base, ==, 1);       /* 0.005 → 0.01, half away from zero */
  g_assert_true (mops_licence_booking_convert (-5, "BHD", "1", "EUR", &base, &error));
  g_assert_cmpint (base, ==, -1);
  g_assert_true (mops_licence_booking_convert (G_MAXINT64, "EUR", "1", "EUR", &base, &error));
  g_assert_cmpint (base, ==, G_MAXINT64);
  g_assert_no_error (error);
  g_assert_false (mops_licence_booking_convert (G_MAXINT64, "EUR", "1", "BHD", &base, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
}

static void
test_lists_teams (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) teams = mops_licence_booking_list_teams (fixture->library, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (teams->len, ==, 1);   /* the archived team is left out */
  g_assert_cmpstr (((MopsBookingTeam *) g_ptr_array_index (teams, 0))->name, ==, "Brand & design");
  g_assert_cmpint (mops_licence_booking_last_team (fixture->library), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/licence/booking/creates-an-expense-linked-both-ways", test_books_an_expense_linked_both_ways);
  ADD ("/licence/booking/uses-an-existing-licensing-category", test_uses_an_existing_category);
  ADD ("/licence/booking/rejects-an-unknown-licence-or-team", test_rejects_unknown_licence_and_team);
  ADD ("/licence/booking/rejects-bad-dates-amounts-and-rates", test_rejects_bad_input);
  ADD ("/licence/booking/needs-a-fiscal-year-covering-the-date", test_needs_a_fiscal_year);
  ADD ("/licence/booking/converts-other-currencies-at-the-rate", test_converts_other_currencies);
  ADD ("/licence/booking/lists-teams-that-are-not-archived", test_lists_teams);
#undef ADD

  return g_test_run ();
}
