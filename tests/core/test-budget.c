/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-budget.c — fiscal years, teams, categories, plan lines, snapshots, subscriptions, requests, expenses */

#include "config.h"

#include <string.h>

#include "core/mops-budget.h"
#include "core/mops-db-private.h"
#include "core/mops-error.h"
#include "core/mops-library.h"
#include "core/mops-people.h"
#include "mops-test-util.h"

/* A library with a fiscal year 2026 in EUR, a team and a category. */
typedef struct
{
  MopsTestLibrary base;
  gint64          year;
  gint64          team;
  gint64          category;
  gint64          person;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  MopsFiscalYearInfo year = {
    .name = "FY 2026", .starts_on = "2026-01-01", .currency = "eur", .has_total = TRUE,
    .total = 90000000,
  };
  MopsPersonInfo person = { .name = "Ingrid Solberg", .role = "Head of Marketing" };

  mops_test_library_set_up (&fixture->base, user_data);
  fixture->year = mops_fiscal_years_add (fixture->base.library, &year, &error);
  fixture->team = mops_teams_add (fixture->base.library, "Events", "#E66100", 0, &error);
  fixture->category = mops_categories_add (fixture->base.library, "Travel", NULL, &error);
  fixture->person = mops_people_add (fixture->base.library, &person, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fixture->year, >, 0);
  g_assert_cmpint (fixture->team, >, 0);
  g_assert_cmpint (fixture->category, >, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  mops_test_library_tear_down (&fixture->base, user_data);
}

/* One column of one row as text ("NULL" for NULL), @sql with ?1 bound to @id. */
static char *
query_text (Fixture    *fixture,
            const char *sql,
            gint64      id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (fixture->base.db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup (sqlite3_column_type (stmt, 0) == SQLITE_NULL
                   ? "NULL" : (const char *) sqlite3_column_text (stmt, 0));
}

static void
test_names_round_trip (void)
{
  MopsSubscriptionPeriod period = MOPS_SUBSCRIPTION_PERIOD_MONTHLY;
  MopsSpendRequestStatus status = MOPS_SPEND_REQUEST_PENDING;

  g_assert_true (mops_subscription_period_from_name ("yearly", &period));
  g_assert_cmpint (period, ==, MOPS_SUBSCRIPTION_PERIOD_YEARLY);
  g_assert_cmpstr (mops_subscription_period_to_name (MOPS_SUBSCRIPTION_PERIOD_MONTHLY), ==, "monthly");
  g_assert_false (mops_subscription_period_from_name ("weekly", &period));

  g_assert_true (mops_spend_request_status_from_name ("declined", &status));
  g_assert_cmpint (status, ==, MOPS_SPEND_REQUEST_DECLINED);
  g_assert_null (mops_spend_request_status_to_name (7));
}

static void
test_years_start_on_the_first_and_are_unique (Fixture       *fixture,
                                              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  MopsFiscalYearInfo year = {
    .name = "FY 2025", .starts_on = "2025-01-01", .currency = "EUR",
    .locked_at = 1768899600, .locked_by = fixture->person,
  };
  g_autofree char *stored = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *first = NULL;
  gint64 id;

  id = mops_fiscal_years_add (fixture->base.library, &year, &error);
  g_assert_no_error (error);
  stored = query_text (fixture, "SELECT quote (total) || ' ' || locked_at || ' ' || locked_by"
                                " FROM fiscal_years WHERE id = ?1", id);
  expected = g_strdup_printf ("NULL 1768899600 %" G_GINT64_FORMAT, fixture->person);
  g_assert_cmpstr (stored, ==, expected);
  /* the currency is stored upper case */
  first = query_text (fixture, "SELECT currency || ' ' || total FROM fiscal_years WHERE id = ?1",
                      fixture->year);
  g_assert_cmpstr (first, ==, "EUR 90000000");

  year.name = "FY 2027";
  year.starts_on = "2027-01-15";
  g_assert_cmpint (mops_fiscal_years_add (fixture->base.library, &year, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "FY 2027"));
  g_clear_error (&error);

  year.starts_on = "2026-01-01";
  g_assert_cmpint (mops_fiscal_years_add (fixture->base.library, &year, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_EXISTS);
  g_clear_error (&error);

  year.starts_on = "2027-01-01";
  year.currency = "EURO";
  g_assert_cmpint (mops_fiscal_years_add (fixture->base.library, &year, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);

  year.currency = "EUR";
  year.locked_by = 99;
  g_assert_cmpint (mops_fiscal_years_add (fixture->base.library, &year, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
}

static void
test_teams_and_categories_are_found_by_name (Fixture       *fixture,
                                             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *team = NULL;
  g_autofree char *expected = NULL;
  gint64 content;

  content = mops_teams_add (fixture->base.library, "Content", "#26A269", fixture->person, &error);
  g_assert_no_error (error);
  team = query_text (fixture, "SELECT color || ' ' || lead_id FROM teams WHERE id = ?1", content);
  expected = g_strdup_printf ("#26A269 %" G_GINT64_FORMAT, fixture->person);
  g_assert_cmpstr (team, ==, expected);
  g_assert_cmpint (mops_teams_lookup (fixture->base.library, "Content", &error), ==, content);
  g_assert_cmpint (mops_teams_lookup (fixture->base.library, "Brand", &error), ==, 0);
  g_assert_cmpint (mops_categories_lookup (fixture->base.library, "Travel", &error), ==,
                   fixture->category);
  g_assert_no_error (error);

  g_assert_cmpint (mops_teams_add (fixture->base.library, "Content", NULL, 0, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpint (mops_categories_add (fixture->base.library, "Travel", NULL, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpint (mops_teams_add (fixture->base.library, "Brand", "#12345", 0, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
}

static void
test_plan_lines_belong_to_a_month_of_their_year (Fixture       *fixture,
                                                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  MopsBudgetLineInfo line = {
    .fiscal_year_id = fixture->year, .team_id = fixture->team, .category_id = fixture->category,
    .month = "2026-12", .planned = 120000, .note = "Fewer trade fairs this year",
  };
  g_autofree char *stored = NULL;
  gint64 id;

  id = mops_budget_lines_add (fixture->base.library, &line, &error);
  g_assert_no_error (error);
  stored = query_text (fixture, "SELECT month || ' ' || planned || ' ' || note"
                                " FROM budget_lines WHERE id = ?1", id);
  g_assert_cmpstr (stored, ==, "2026-12 120000 Fewer trade fairs this year");

  g_assert_cmpint (mops_budget_lines_add (fixture->base.library, &line, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_EXISTS);
  g_clear_error (&error);

  line.month = "2027-01";
  g_assert_cmpint (mops_budget_lines_add (fixture->base.library, &line, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2027-01"));
  g_clear_error (&error);

  line.month = "2026-13";
  g_assert_cmpint (mops_budget_lines_add (fixture->base.library, &line, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);

  line.month = "2026-01";
  line.planned = -1;
  g_assert_cmpint (mops_budget_lines_add (fixture->base.library, &line, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);

  line.planned = 1;
  line.team_id = fixture->team + 10;
  g_assert_cmpint (mops_budget_lines_add (fixture->base.library, &line, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "team"));
}

static void
test_snapshots_keep_their_own_lines (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  MopsPlanSnapshotInfo baseline = {
    .fiscal_year_id = fixture->year, .name = "Approved plan FY 2026", .is_baseline = TRUE,
    .created_at = 1765807200, .created_by = fixture->person,
  };
  g_autofree char *stored = NULL;
  gint64 id;

  id = mops_plan_snapshots_add (fixture->base.library, &baseline, &error);
  g_assert_no_error (error);
  g_assert_true (mops_plan_snapshots_add_line (fixture->base.library, id, fixture->team,
                                               fixture->category, "2026-03", 150000, &error));
  g_assert_no_error (error);
  stored = query_text (fixture, "SELECT s.is_baseline || ' ' || s.created_at || ' ' || l.month"
                                " || ' ' || l.planned FROM plan_snapshots s JOIN plan_snapshot_lines l"
                                " ON l.snapshot_id = s.id WHERE s.id = ?1", id);
  g_assert_cmpstr (stored, ==, "1 1765807200 2026-03 150000");

  g_assert_false (mops_plan_snapshots_add_line (fixture->base.library, id, fixture->team,
                                                fixture->category, "2026-03", 1, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (mops_plan_snapshots_add_line (fixture->base.library, id, fixture->team,
                                                fixture->category, "2025-12", 1, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mops_plan_snapshots_add_line (fixture->base.library, id + 1, fixture->team,
                                                fixture->category, "2026-04", 1, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "snapshot"));
}

static void
test_subscriptions_keep_their_terms (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  MopsSubscriptionInfo semrush = {
    .vendor = "Semrush", .product = "Guru (annual)", .cost = 239900, .currency = "USD",
    .period = MOPS_SUBSCRIPTION_PERIOD_YEARLY, .renews_on = "2027-01-16", .notice_days = 30,
    .owner_id = fixture->person, .team_id = fixture->team, .category_id = fixture->category,
    .seats = 1, .url = "https://www.semrush.com/",
  };
  g_autofree char *stored = NULL;
  gint64 id;

  id = mops_subscriptions_add (fixture->base.library, &semrush, &error);
  g_assert_no_error (error);
  stored = query_text (fixture, "SELECT cost || ' ' || currency || ' ' || period || ' '"
                                " || renews_on || ' ' || notice_days || ' ' || seats || ' '"
                                " || quote (cancelled_on) FROM subscriptions WHERE id = ?1", id);
  g_assert_cmpstr (stored, ==, "239900 USD yearly 2027-01-16 30 1 NULL");

  semrush.renews_on = NULL;
  g_assert_cmpint (mops_subscriptions_add (fixture->base.library, &semrush, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);
  semrush.renews_on = "2027-01-16";
  semrush.cost = -1;
  g_assert_cmpint (mops_subscriptions_add (fixture->base.library, &semrush, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
}

static void
test_requests_are_pending_or_decided (Fixture       *fixture,
                                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  MopsSpendRequestInfo request = {
    .requester_id = fixture->person, .team_id = fixture->team, .category_id = fixture->category,
    .amount = 240000, .currency = "EUR", .purpose = "Travel to the Tromsø winter demo days",
    .needed_by = "2027-01-06", .created_at = 1796550000,
  };
  g_autofree char *pending = NULL;
  g_autofree char *approved = NULL;
  gint64 id;

  id = mops_spend_requests_add (fixture->base.library, &request, &error);
  g_assert_no_error (error);
  pending = query_text (fixture, "SELECT status || ' ' || quote (decided_at) || ' ' || created_at"
                                 " FROM spend_requests WHERE id = ?1", id);
  g_assert_cmpstr (pending, ==, "pending NULL 1796550000");

  request.status = MOPS_SPEND_REQUEST_APPROVED;
  request.decided_by = fixture->person;
  request.decided_at = 1796560000;
  request.note = "Approved from the Q reserve.";
  id = mops_spend_requests_add (fixture->base.library, &request, &error);
  g_assert_no_error (error);
  approved = query_text (fixture, "SELECT status || ' ' || decided_at || ' ' || note"
                                  " FROM spend_requests WHERE id = ?1", id);
  g_assert_cmpstr (approved, ==, "approved 1796560000 Approved from the Q reserve.");

  /* a pending request has no decision yet */
  request.status = MOPS_SPEND_REQUEST_PENDING;
  g_assert_cmpint (mops_spend_requests_add (fixture->base.library, &request, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);

  request.decided_by = 0;
  request.decided_at = 0;
  request.amount = 0;
  g_assert_cmpint (mops_spend_requests_add (fixture->base.library, &request, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
}

static void
test_expenses_are_converted_into_the_year_s_currency (Fixture       *fixture,
                                                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  MopsExpenseInfo flight = {
    .date = "2026-03-14", .vendor = "SAS Scandinavian Airlines", .description = "Flights",
    .amount = 640000, .currency = "NOK", .rate = "0.0851", .team_id = fixture->team,
    .category_id = fixture->category, .created_at = 1773505800, .created_by = fixture->person,
  };
  MopsExpenseInfo refund = {
    .date = "2026-11-25", .vendor = "Outdoor Trade Fair GmbH", .amount = -45000,
    .currency = "EUR", .rate = "1", .team_id = fixture->team, .category_id = fixture->category,
  };
  g_autofree char *converted = NULL;
  g_autofree char *refunded = NULL;
  gint64 id;

  /* 6,400.00 NOK × 0.0851 = 544.64 EUR */
  id = mops_expenses_add (fixture->base.library, &flight, &error);
  g_assert_no_error (error);
  converted = query_text (fixture, "SELECT amount || ' ' || currency || ' ' || rate || ' '"
                                   " || base_amount || ' ' || created_at FROM expenses WHERE id = ?1",
                          id);
  g_assert_cmpstr (converted, ==, "640000 NOK 0.0851 54464 1773505800");

  id = mops_expenses_add (fixture->base.library, &refund, &error);
  g_assert_no_error (error);
  refunded = query_text (fixture, "SELECT amount || ' ' || rate || ' ' || base_amount"
                                  " FROM expenses WHERE id = ?1", id);
  g_assert_cmpstr (refunded, ==, "-45000 1 -45000");

  /* another currency needs its rate; the year's own has none but 1 */
  flight.rate = NULL;
  g_assert_cmpint (mops_expenses_add (fixture->base.library, &flight, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "NOK"));
  g_clear_error (&error);
  refund.rate = "1.2";
  g_assert_cmpint (mops_expenses_add (fixture->base.library, &refund, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);

  /* no year covers 2027 */
  refund.rate = NULL;
  refund.date = "2027-01-02";
  g_assert_cmpint (mops_expenses_add (fixture->base.library, &refund, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "2027-01-02"));
  g_clear_error (&error);

  refund.date = "2026-11-25";
  refund.amount = 0;
  g_assert_cmpint (mops_expenses_add (fixture->base.library, &refund, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);

  g_assert_cmpint (mops_test_query_int (fixture->base.db, "SELECT count(*) FROM expenses"), ==, 2);
}

static void
test_expense_receipts_become_records (Fixture       *fixture,
                                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 receipt = mops_test_store_file (fixture->base.library, fixture->base.dir, "receipt.pdf",
                                         "%PDF-1.4 receipt", NULL);
  MopsExpenseInfo expense = {
    .date = "2026-12-07", .amount = 640000, .currency = "NOK", .rate = "0.0851",
    .team_id = fixture->team, .category_id = fixture->category, .receipt_asset_id = receipt,
  };
  g_autofree char *role = NULL;

  g_assert_cmpint (mops_expenses_add (fixture->base.library, &expense, &error), >, 0);
  g_assert_no_error (error);
  role = query_text (fixture, "SELECT role FROM assets WHERE id = ?1", receipt);
  g_assert_cmpstr (role, ==, "record");

  /* an unknown receipt writes nothing */
  expense.receipt_asset_id = receipt + 1;
  g_assert_cmpint (mops_expenses_add (fixture->base.library, &expense, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
  g_assert_cmpint (mops_test_query_int (fixture->base.db, "SELECT count(*) FROM expenses"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Oslo", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/budget/names/convert-both-ways", test_names_round_trip);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/budget/years/start-on-the-first-of-a-month-and-are-unique",
       test_years_start_on_the_first_and_are_unique);
  ADD ("/budget/teams-and-categories/are-found-by-name", test_teams_and_categories_are_found_by_name);
  ADD ("/budget/plan/lines-belong-to-a-month-of-their-year",
       test_plan_lines_belong_to_a_month_of_their_year);
  ADD ("/budget/plan/snapshots-keep-their-own-lines", test_snapshots_keep_their_own_lines);
  ADD ("/budget/subscriptions/keep-their-terms", test_subscriptions_keep_their_terms);
  ADD ("/budget/requests/are-pending-or-decided", test_requests_are_pending_or_decided);
  ADD ("/budget/expenses/are-converted-into-the-year-s-currency",
       test_expenses_are_converted_into_the_year_s_currency);
  ADD ("/budget/expenses/receipts-become-records", test_expense_receipts_become_records);
#undef ADD

  return g_test_run ();
}
