/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-licence-booking.c — booking a licence's cost as an expense, and the expenses it has */

#include "config.h"

#define G_LOG_DOMAIN "mops-licence-booking"

#include <string.h>

#include <glib/gi18n.h>

#include "mops-clock.h"
#include "mops-db-private.h"
#include "mops-error.h"
#include "mops-library-private.h"
#include "mops-licence-booking-private.h"
#include "mops-licence-booking.h"
#include "mops-money.h"

#define MAX_RATE_DECIMALS 12

/* The year covering ?1: twelve months from its first day, the latest start first. */
#define YEAR_FOR_DATE_SQL \
  "SELECT id, name, starts_on, currency FROM fiscal_years" \
  " WHERE starts_on <= ?1 AND ?1 < date(starts_on, '+12 months')" \
  " ORDER BY starts_on DESC LIMIT 1"

void
mops_booking_year_free (MopsBookingYear *year)
{
  if (year == NULL)
    return;

  g_free (year->name);
  g_free (year->starts_on);
  g_free (year->currency);
  g_free (year);
}

void
mops_booking_team_free (MopsBookingTeam *team)
{
  if (team == NULL)
    return;

  g_free (team->name);
  g_free (team);
}

void
mops_licence_expense_free (MopsLicenceExpense *expense)
{
  if (expense == NULL)
    return;

  g_free (expense->date);
  g_free (expense->vendor);
  g_free (expense->description);
  g_free (expense->currency);
  g_free (expense->rate);
  g_free (expense->base_currency);
  g_free (expense->team_name);
  g_free (expense->category_name);
  g_free (expense);
}

/* Helpers ---------------------------------------------------------------------------------- */

static char *
dup_column_text (sqlite3_stmt *stmt,
                 int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static gboolean
check_date (const char  *date,
            GError     **error)
{
  GDate parsed;

  if (date != NULL && mops_clock_parse_date (date, &parsed))
    return TRUE;

  /* Translators: %s is what was given as a date */
  g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
               _("“%s” is not a date: write it as YYYY-MM-DD"), date != NULL ? date : "");
  return FALSE;
}

/* Splits a positive decimal "0.9215" into 9215 and 4 decimals. */
static gboolean
parse_rate (const char  *rate,
            guint64     *out_numerator,
            guint       *out_decimals,
            GError     **error)
{
  guint64 numerator = 0;
  guint decimals = 0;
  gboolean fraction = FALSE;
  gboolean digits = FALSE;

  if (rate == NULL || *rate == '\0')
    goto invalid;

  for (const char *p = rate; *p != '\0'; p++)
    {
      if (*p == '.' && !fraction && digits)
        {
          fraction = TRUE;
          digits = FALSE;
          continue;
        }
      if (!g_ascii_isdigit (*p))
        goto invalid;
      if (fraction && ++decimals > MAX_RATE_DECIMALS)
        goto invalid;
      if (!g_uint64_checked_mul (&numerator, numerator, 10) ||
          !g_uint64_checked_add (&numerator, numerator, (guint64) (*p - '0')))
        goto invalid;
      digits = TRUE;
    }

  if (!digits || numerator == 0)
    goto invalid;

  *out_numerator = numerator;
  *out_decimals = decimals;
  return TRUE;

invalid:
  /* Translators: %s is what was given as an exchange rate */
  g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
               _("“%s” is not an exchange rate: write a number above zero such as 0.9215"),
               rate != NULL ? rate : "");
  return FALSE;
}

static guint64
power_of_ten (guint exponent)
{
  guint64 result = 1;

  while (exponent-- > 0)
    result *= 10;

  return result;
}

static MopsBookingYear *
find_year (sqlite3     *db,
           const char  *date,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = mops_db_prepare (db, YEAR_FOR_DATE_SQL, error);
  MopsBookingYear *year;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      year = g_new0 (MopsBookingYear, 1);
      year->id = sqlite3_column_int64 (stmt, 0);
      year->name = dup_column_text (stmt, 1);
      year->starts_on = dup_column_text (stmt, 2);
      year->currency = dup_column_text (stmt, 3);
      return year;
    case SQLITE_DONE:
      /* Translators: %s is a date, YYYY-MM-DD */
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND,
                   _("No fiscal year covers %s: add that year to the budget before booking expenses in it"),
                   date);
      return NULL;
    default:
      mops_db_set_error (db, error, _("Could not read the fiscal years"));
      return NULL;
    }
}

/* The id of the category licence costs go to, created when there is none: "Licensing" or
 * its translation, any case, the English name first. (An IN list, not "a = ?1 COLLATE
 * NOCASE OR a = ?2 COLLATE NOCASE": SQLite 3.40 returns no row for that one over the
 * unique index when both names are equal.) */
static gint64
ensure_licensing_category (sqlite3  *db,
                           GError  **error)
{
  const char *translated = _("Licensing");
  g_autoptr(sqlite3_stmt) find = mops_db_prepare (db,
    "SELECT id FROM categories WHERE name COLLATE NOCASE IN (?1, ?2)"
    " ORDER BY name COLLATE NOCASE = ?1 DESC, id LIMIT 1", error);
  g_autoptr(sqlite3_stmt) insert = NULL;

  if (find == NULL)
    return 0;

  sqlite3_bind_text (find, 1, MOPS_LICENSING_CATEGORY, -1, SQLITE_STATIC);
  sqlite3_bind_text (find, 2, translated, -1, SQLITE_STATIC);
  switch (sqlite3_step (find))
    {
    case SQLITE_ROW:
      return sqlite3_column_int64 (find, 0);
    case SQLITE_DONE:
      break;
    default:
      mops_db_set_error (db, error, _("Could not read the categories"));
      return 0;
    }

  insert = mops_db_prepare (db, "INSERT INTO categories (name) VALUES (?)", error);
  if (insert == NULL)
    return 0;

  sqlite3_bind_text (insert, 1, translated, -1, SQLITE_STATIC);
  if (sqlite3_step (insert) != SQLITE_DONE)
    {
      mops_db_set_error (db, error, _("Could not create the category “Licensing”"));
      return 0;
    }

  return sqlite3_last_insert_rowid (db);
}

/* Public ----------------------------------------------------------------------------------- */

gboolean
mops_licence_booking_convert (gint64       amount,
                              const char  *currency,
                              const char  *rate,
                              const char  *base_currency,
                              gint64      *out_base_amount,
                              GError     **error)
{
  int digits = mops_currency_get_digits (currency);
  int base_digits = mops_currency_get_digits (base_currency);
  guint64 numerator, magnitude, denominator, result;
  guint decimals;

  g_return_val_if_fail (out_base_amount != NULL, FALSE);

  if (digits < 0 || base_digits < 0)
    {
      g_autoptr(GError) local_error = NULL;

      mops_currency_normalize (digits < 0 ? currency : base_currency, &local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!parse_rate (rate, &numerator, &decimals, error))
    return FALSE;

  /* amount × numerator × 10^(base digits − digits) / 10^decimals, all in unsigned integers */
  magnitude = amount < 0 ? (guint64) (-(amount + 1)) + 1 : (guint64) amount;
  denominator = power_of_ten (decimals + (guint) MAX (digits - base_digits, 0));
  if (!g_uint64_checked_mul (&magnitude, magnitude, numerator) ||
      !g_uint64_checked_mul (&magnitude, magnitude, power_of_ten ((guint) MAX (base_digits - digits, 0))) ||
      !g_uint64_checked_add (&magnitude, magnitude, denominator / 2) ||
      (result = magnitude / denominator) > (guint64) G_MAXINT64)
    {
      g_autofree char *text = mops_money_to_decimal (amount, currency);

      /* Translators: the first %s is an amount, the second a currency code, the third a rate */
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   _("%s %s at the rate %s is too large to convert"), text, currency, rate);
      return FALSE;
    }

  *out_base_amount = amount < 0 ? -(gint64) result : (gint64) result;
  return TRUE;
}

MopsBookingYear *
mops_licence_booking_find_year (MopsLibrary  *library,
                                const char   *date,
                                GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);

  if (!check_date (date, error))
    return NULL;

  return find_year (mops_library_get_db (library), date, error);
}

GPtrArray *
mops_licence_booking_list_teams (MopsLibrary  *library,
                                 GError      **error)
{
  sqlite3 *db;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  int rc;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);

  db = mops_library_get_db (library);
  stmt = mops_db_prepare (db, "SELECT id, name FROM teams WHERE archived = 0 ORDER BY name, id", error);
  if (stmt == NULL)
    return NULL;

  teams = g_ptr_array_new_with_free_func ((GDestroyNotify) mops_booking_team_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MopsBookingTeam *team = g_new0 (MopsBookingTeam, 1);

      team->id = sqlite3_column_int64 (stmt, 0);
      team->name = dup_column_text (stmt, 1);
      g_ptr_array_add (teams, team);
    }

  if (rc != SQLITE_DONE)
    {
      mops_db_set_error (db, error, _("Could not read the teams"));
      return NULL;
    }

  return g_steal_pointer (&teams);
}

gint64
mops_licence_booking_last_team (MopsLibrary *library)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), 0);

  stmt = mops_db_prepare (mops_library_get_db (library),
                          "SELECT e.team_id FROM expenses e JOIN teams t ON t.id = e.team_id"
                          " WHERE t.archived = 0"
                          " ORDER BY e.licence_id IS NOT NULL DESC, e.created_at DESC, e.id DESC"
                          " LIMIT 1",
                          &error);
  if (stmt == NULL)
    {
      g_debug ("Could not find the last team: %s", error->message);
      return 0;
    }

  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

gint64
mops_licences_book_expense_in_db (sqlite3     *db,
                                  gint64       licence_id,
                                  gint64       team_id,
                                  const char  *date,
                                  gint64       amount,
                                  const char  *currency,
                                  const char  *rate,
                                  GError     **error)
{
  gboolean nested = FALSE;
  g_autofree char *code = NULL;
  g_autofree char *vendor = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *stored_rate = NULL;
  g_autoptr(MopsBookingYear) year = NULL;
  g_autoptr(sqlite3_stmt) licence = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  gboolean team_exists = FALSE;
  gint64 category_id, base_amount, expense_id;

  g_return_val_if_fail (db != NULL, 0);

  if (!check_date (date, error))
    return 0;

  code = mops_currency_normalize (currency, error);
  if (code == NULL)
    return 0;

  if (amount <= 0)
    {
      g_autofree char *text = mops_money_to_decimal (amount, code);

      /* Translators: the first %s is an amount, the second a currency code */
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   _("Cannot book %s %s: the amount must be above zero"), text, code);
      return 0;
    }

  if (!mops_db_begin_write (db, &nested, error))
    return 0;

  licence = mops_db_prepare (db, "SELECT licensor, reference FROM licences WHERE id = ?", error);
  if (licence == NULL)
    goto failed;
  sqlite3_bind_int64 (licence, 1, licence_id);
  switch (sqlite3_step (licence))
    {
    case SQLITE_ROW:
      vendor = dup_column_text (licence, 0);
      reference = dup_column_text (licence, 1);
      break;
    case SQLITE_DONE:
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND,
                   _("There is no licence with id %lld"), (long long) licence_id);
      goto failed;
    default:
      mops_db_set_error (db, error, _("Could not read the licences"));
      goto failed;
    }

  if (!mops_db_row_exists (db, "SELECT 1 FROM teams WHERE id = ?", team_id, &team_exists, error))
    goto failed;
  if (!team_exists)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND,
                   _("There is no team with id %lld"), (long long) team_id);
      goto failed;
    }

  year = find_year (db, date, error);
  if (year == NULL)
    goto failed;

  if (g_str_equal (code, year->currency))
    {
      guint64 numerator;
      guint decimals;

      /* In the year's own currency the only rate is 1. */
      if (rate != NULL && *rate != '\0' &&
          (!parse_rate (rate, &numerator, &decimals, error) || numerator != power_of_ten (decimals)))
        {
          g_clear_error (error);
          /* Translators: %s is an exchange rate, the second %s a currency code */
          g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                       _("The rate %s does not apply: the expense is in %s, the fiscal year’s own currency"),
                       rate, code);
          goto failed;
        }
      stored_rate = g_strdup ("1");
      base_amount = amount;
    }
  else
    {
      if (rate == NULL || *rate == '\0')
        {
          /* Translators: the first %s is a currency code, the second a fiscal year's name, the
           * third its currency code */
          g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                       _("An expense in %s needs an exchange rate: %s is kept in %s"),
                       code, year->name, year->currency);
          goto failed;
        }
      if (!mops_licence_booking_convert (amount, code, rate, year->currency, &base_amount, error))
        goto failed;
      stored_rate = g_strdup (rate);
    }

  category_id = ensure_licensing_category (db, error);
  if (category_id == 0)
    goto failed;

  insert = mops_db_prepare (db,
                            "INSERT INTO expenses (date, vendor, description, amount, currency, rate,"
                            " base_amount, team_id, category_id, licence_id, created_at)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (insert == NULL)
    goto failed;

  sqlite3_bind_text (insert, 1, date, -1, SQLITE_TRANSIENT);
  mops_db_bind_text_or_null (insert, 2, vendor);
  mops_db_bind_text_or_null (insert, 3, reference);
  sqlite3_bind_int64 (insert, 4, amount);
  sqlite3_bind_text (insert, 5, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 6, stored_rate, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (insert, 7, base_amount);
  sqlite3_bind_int64 (insert, 8, team_id);
  sqlite3_bind_int64 (insert, 9, category_id);
  sqlite3_bind_int64 (insert, 10, licence_id);
  sqlite3_bind_int64 (insert, 11, mops_clock_now_unix ());
  if (sqlite3_step (insert) != SQLITE_DONE)
    {
      mops_db_set_error (db, error, _("Could not book the expense"));
      goto failed;
    }
  expense_id = sqlite3_last_insert_rowid (db);

  if (!mops_db_commit_write (db, nested, error))
    goto failed;

  return expense_id;

failed:
  mops_db_rollback_write (db, nested);
  return 0;
}

gint64
mops_licences_book_expense (MopsLibrary  *library,
                            gint64        licence_id,
                            gint64        team_id,
                            const char   *date,
                            gint64        amount,
                            const char   *currency,
                            const char   *rate,
                            GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), 0);

  return mops_licences_book_expense_in_db (mops_library_get_db (library), licence_id, team_id, date,
                                           amount, currency, rate, error);
}

GPtrArray *
mops_licences_list_expenses_in_db (sqlite3  *db,
                                   gint64    licence_id,
                                   GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) expenses = NULL;
  gboolean exists = FALSE;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  if (!mops_db_row_exists (db, "SELECT 1 FROM licences WHERE id = ?", licence_id, &exists, error))
    return NULL;
  if (!exists)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND,
                   _("There is no licence with id %lld"), (long long) licence_id);
      return NULL;
    }

  stmt = mops_db_prepare (db,
                          "SELECT e.id, e.date, e.vendor, e.description, e.amount, e.currency,"
                          " e.rate, e.base_amount, e.team_id, t.name, c.name, e.licence_id,"
                          " (SELECT y.currency FROM fiscal_years y WHERE y.starts_on <= e.date"
                          "   AND e.date < date(y.starts_on, '+12 months')"
                          "   ORDER BY y.starts_on DESC LIMIT 1)"
                          " FROM expenses e"
                          " JOIN teams t ON t.id = e.team_id"
                          " JOIN categories c ON c.id = e.category_id"
                          " WHERE e.licence_id = ? ORDER BY e.date, e.id",
                          error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, licence_id);
  expenses = g_ptr_array_new_with_free_func ((GDestroyNotify) mops_licence_expense_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MopsLicenceExpense *expense = g_new0 (MopsLicenceExpense, 1);

      expense->id = sqlite3_column_int64 (stmt, 0);
      expense->date = dup_column_text (stmt, 1);
      expense->vendor = dup_column_text (stmt, 2);
      expense->description = dup_column_text (stmt, 3);
      expense->amount = sqlite3_column_int64 (stmt, 4);
      expense->currency = dup_column_text (stmt, 5);
      expense->rate = dup_column_text (stmt, 6);
      expense->base_amount = sqlite3_column_int64 (stmt, 7);
      expense->team_id = sqlite3_column_int64 (stmt, 8);
      expense->team_name = dup_column_text (stmt, 9);
      expense->category_name = dup_column_text (stmt, 10);
      expense->licence_id = sqlite3_column_int64 (stmt, 11);
      expense->base_currency = dup_column_text (stmt, 12);
      g_ptr_array_add (expenses, expense);
    }

  if (rc != SQLITE_DONE)
    {
      mops_db_set_error (db, error, _("Could not read the expenses"));
      return NULL;
    }

  return g_steal_pointer (&expenses);
}

GPtrArray *
mops_licences_list_expenses (MopsLibrary  *library,
                             gint64        licence_id,
                             GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);

  return mops_licences_list_expenses_in_db (mops_library_get_db (library), licence_id, error);
}

static gpointer
list_expenses_job (MopsLibrary   *library,
                   sqlite3       *db,
                   gpointer       job_data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return mops_licences_list_expenses_in_db (db, *(gint64 *) job_data, error);
}

void
mops_licences_list_expenses_async (MopsLibrary         *library,
                                   gint64               licence_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (MOPS_IS_LIBRARY (library));

  mops_library_run_job (library, mops_licences_list_expenses_async, list_expenses_job,
                        g_memdup2 (&licence_id, sizeof licence_id), g_free,
                        (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
mops_licences_list_expenses_finish (MopsLibrary   *library,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return mops_library_job_finish (library, result, mops_licences_list_expenses_async, error);
}
