/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-budget.c — the marketing budget: fiscal years, teams, categories, plan, spending */

#include "config.h"

#define G_LOG_DOMAIN "mops-budget"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "mops-budget.h"
#include "mops-domain-private.h"
#include "mops-enum-names-private.h"
#include "mops-enums.h"
#include "mops-error.h"
#include "mops-licence-booking.h"
#include "mops-money.h"

const char *
mops_subscription_period_to_name (MopsSubscriptionPeriod period)
{
  return mops_enum_to_name (MOPS_TYPE_SUBSCRIPTION_PERIOD, (int) period);
}

gboolean
mops_subscription_period_from_name (const char             *name,
                                    MopsSubscriptionPeriod *out_period)
{
  g_return_val_if_fail (out_period != NULL, FALSE);

  return mops_enum_from_name (MOPS_TYPE_SUBSCRIPTION_PERIOD, name, (int *) out_period);
}

const char *
mops_spend_request_status_to_name (MopsSpendRequestStatus status)
{
  return mops_enum_to_name (MOPS_TYPE_SPEND_REQUEST_STATUS, (int) status);
}

gboolean
mops_spend_request_status_from_name (const char             *name,
                                     MopsSpendRequestStatus *out_status)
{
  g_return_val_if_fail (out_status != NULL, FALSE);

  return mops_enum_from_name (MOPS_TYPE_SPEND_REQUEST_STATUS, name, (int *) out_status);
}

/* The currency in upper case, or NULL with MOPS_ERROR_INVALID naming it. */
static char *
normalize_currency (const char  *currency,
                    GError     **error)
{
  if (currency == NULL)
    {
      g_set_error_literal (error, MOPS_ERROR, MOPS_ERROR_INVALID, _("An amount needs a currency"));
      return NULL;
    }

  return mops_currency_normalize (currency, error);
}

static gboolean
check_not_negative (gint64        amount,
                    const char   *currency,
                    GError      **error)
{
  g_autofree char *text = NULL;

  if (amount >= 0)
    return TRUE;

  text = mops_money_to_decimal (amount, currency);
  /* Translators: an amount and its currency code, "-12.50 EUR" */
  g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID, _("%s %s is below zero"), text, currency);
  return FALSE;
}

/* ---- Years, teams, categories ------------------------------------------------------------ */

gint64
mops_fiscal_years_add (MopsLibrary               *library,
                       const MopsFiscalYearInfo  *info,
                       GError                   **error)
{
  g_autofree char *name = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *exists = NULL;
  g_autofree char *what = NULL;
  sqlite3_stmt *stmt;
  MopsRowRef refs[] = { { MOPS_ROW_PERSON, info != NULL ? info->locked_by : 0 } };

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), 0);
  g_return_val_if_fail (info != NULL, 0);

  name = mops_domain_clean_name (info->name, _("A fiscal year needs a name"), error);
  if (name == NULL)
    return 0;

  if (info->starts_on == NULL || !mops_domain_check_date (info->starts_on, error)
      || !g_str_has_suffix (info->starts_on, "-01"))
    {
      g_clear_error (error);
      /* Translators: %s is a fiscal year's name */
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   _("The fiscal year “%s” must start on the first day of a month (YYYY-MM-01)"),
                   name);
      return 0;
    }

  currency = normalize_currency (info->currency, error);
  if (currency == NULL || (info->has_total && !check_not_negative (info->total, currency, error)))
    return 0;

  stmt = mops_library_prepare_cached (library,
                                      "INSERT INTO fiscal_years (name, starts_on, currency, total,"
                                      " locked_at, locked_by) VALUES (?, ?, ?, ?, ?, ?)",
                                      error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, info->starts_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, currency, -1, SQLITE_STATIC);
  if (info->has_total)
    sqlite3_bind_int64 (stmt, 4, info->total);
  else
    sqlite3_bind_null (stmt, 4);
  mops_domain_bind_int_or_null (stmt, 5, info->locked_at);
  mops_domain_bind_id (stmt, 6, info->locked_by);

  /* Translators: a fiscal year's name, then a date */
  exists = g_strdup_printf (_("There is already a fiscal year called “%s” or starting on %s"),
                            name, info->starts_on);
  what = g_strdup_printf (_("Could not add the fiscal year “%s”"), name);
  return mops_domain_insert (library, stmt, refs, G_N_ELEMENTS (refs), exists, what, error);
}

/* The id of the row of @sql ("SELECT id … WHERE name = ?") for @name; 0 for none, -1 on
 * error. */
static gint64
lookup_by_name (MopsLibrary  *library,
                const char   *sql,
                const char   *name,
                GError      **error)
{
  sqlite3_stmt *stmt = mops_library_prepare_cached (library, sql, error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    id = -1;
  sqlite3_reset (stmt);

  if (id < 0)
    mops_db_set_error (mops_library_get_db (library), error, _("Could not read the budget"));
  return id;
}

gint64
mops_teams_add (MopsLibrary  *library,
                const char   *name,
                const char   *color,
                gint64        lead_id,
                GError      **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *exists = NULL;
  g_autofree char *what = NULL;
  sqlite3_stmt *stmt;
  MopsRowRef refs[] = { { MOPS_ROW_PERSON, lead_id } };

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), 0);

  clean = mops_domain_clean_name (name, _("A team needs a name"), error);
  if (clean == NULL || !mops_domain_check_color (color, error))
    return 0;

  stmt = mops_library_prepare_cached (library,
                                      "INSERT INTO teams (name, color, lead_id) VALUES (?, ?, ?)",
                                      error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_STATIC);
  mops_db_bind_text_or_null (stmt, 2, color);
  mops_domain_bind_id (stmt, 3, lead_id);

  exists = g_strdup_printf (_("There is already a team called “%s”"), clean);
  what = g_strdup_printf (_("Could not add the team “%s”"), clean);
  return mops_domain_insert (library, stmt, refs, G_N_ELEMENTS (refs), exists, what, error);
}

gint64
mops_teams_lookup (MopsLibrary  *library,
                   const char   *name,
                   GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), -1);
  g_return_val_if_fail (name != NULL, -1);

  return lookup_by_name (library, "SELECT id FROM teams WHERE name = ?", name, error);
}

gint64
mops_categories_add (MopsLibrary  *library,
                     const char   *name,
                     const char   *color,
                     GError      **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *exists = NULL;
  g_autofree char *what = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), 0);

  clean = mops_domain_clean_name (name, _("A category needs a name"), error);
  if (clean == NULL || !mops_domain_check_color (color, error))
    return 0;

  stmt = mops_library_prepare_cached (library,
                                      "INSERT INTO categories (name, color) VALUES (?, ?)", error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_STATIC);
  mops_db_bind_text_or_null (stmt, 2, color);

  exists = g_strdup_printf (_("There is already a category called “%s”"), clean);
  what = g_strdup_printf (_("Could not add the category “%s”"), clean);
  return mops_domain_insert (library, stmt, NULL, 0, exists, what, error);
}

gint64
mops_categories_lookup (MopsLibrary  *library,
                        const char   *name,
                        GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), -1);
  g_return_val_if_fail (name != NULL, -1);

  return lookup_by_name (library, "SELECT id FROM categories WHERE name = ?", name, error);
}

/* ---- The plan ---------------------------------------------------------------------------- */

/* That @month is one of the twelve of the fiscal year of @sql's row (?1 = @id, one column:
 * the year's starts_on), the row being @ref. */
static gboolean
check_month_in_year (MopsLibrary       *library,
                     const char        *sql,
                     const MopsRowRef  *ref,
                     const char        *month,
                     GError           **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *starts_on = NULL;
  int year, first, number, rc;

  if (month == NULL)
    {
      g_set_error_literal (error, MOPS_ERROR, MOPS_ERROR_INVALID, _("A plan line needs a month"));
      return FALSE;
    }
  if (!mops_domain_check_month (month, error))
    return FALSE;

  stmt = mops_library_prepare_cached (library, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, ref->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    starts_on = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return mops_domain_check_refs (library, ref, 1, error);
  if (rc != SQLITE_ROW)
    return mops_db_set_error (mops_library_get_db (library), error, _("Could not read the budget"));

  /* months counted from year 0, so "2026-03" − "2025-07" is 8 */
  year = atoi (starts_on);
  first = year * 12 + atoi (starts_on + 5) - 1;
  number = atoi (month) * 12 + atoi (month + 5) - 1;
  if (number >= first && number < first + 12)
    return TRUE;

  /* Translators: a month (YYYY-MM), then the first day of a fiscal year (YYYY-MM-DD) */
  g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
               _("%s is not a month of the fiscal year starting on %s"), month, starts_on);
  return FALSE;
}

gint64
mops_budget_lines_add (MopsLibrary               *library,
                       const MopsBudgetLineInfo  *info,
                       GError                   **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *exists = NULL;
  MopsRowRef refs[] = {
    { MOPS_ROW_FISCAL_YEAR, info != NULL ? info->fiscal_year_id : 0 },
    { MOPS_ROW_TEAM, info != NULL ? info->team_id : 0 },
    { MOPS_ROW_CATEGORY, info != NULL ? info->category_id : 0 },
  };

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), 0);
  g_return_val_if_fail (info != NULL, 0);
  g_return_val_if_fail (info->fiscal_year_id > 0 && info->team_id > 0 && info->category_id > 0, 0);

  if (!check_month_in_year (library, "SELECT starts_on FROM fiscal_years WHERE id = ?",
                            &refs[0], info->month, error))
    return 0;
  if (info->planned < 0)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   _("The plan for %s cannot be below zero"), info->month);
      return 0;
    }

  stmt = mops_library_prepare_cached (library,
                                      "INSERT INTO budget_lines (fiscal_year_id, team_id,"
                                      " category_id, month, planned, note)"
                                      " VALUES (?, ?, ?, ?, ?, ?)",
                                      error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, info->fiscal_year_id);
  sqlite3_bind_int64 (stmt, 2, info->team_id);
  sqlite3_bind_int64 (stmt, 3, info->category_id);
  sqlite3_bind_text (stmt, 4, info->month, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, info->planned);
  mops_db_bind_text_or_null (stmt, 6, info->note);

  /* Translators: %s is a month, YYYY-MM */
  exists = g_strdup_printf (_("The plan already has a line for this team and category in %s"),
                            info->month);
  return mops_domain_insert (library, stmt, refs, G_N_ELEMENTS (refs), exists,
                             _("Could not add the plan line"), error);
}

gint64
mops_plan_snapshots_add (MopsLibrary                 *library,
                         const MopsPlanSnapshotInfo  *info,
                         GError                     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *what = NULL;
  sqlite3_stmt *stmt;
  MopsRowRef refs[] = {
    { MOPS_ROW_FISCAL_YEAR, info != NULL ? info->fiscal_year_id : 0 },
    { MOPS_ROW_PERSON, info != NULL ? info->created_by : 0 },
  };

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), 0);
  g_return_val_if_fail (info != NULL, 0);
  g_return_val_if_fail (info->fiscal_year_id > 0, 0);

  name = mops_domain_clean_name (info->name, _("A plan snapshot needs a name"), error);
  if (name == NULL)
    return 0;

  stmt = mops_library_prepare_cached (library,
                                      "INSERT INTO plan_snapshots (fiscal_year_id, name,"
                                      " is_baseline, created_at, created_by)"
                                      " VALUES (?, ?, ?, ?, ?)",
                                      error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, info->fiscal_year_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, info->is_baseline ? 1 : 0);
  sqlite3_bind_int64 (stmt, 4, mops_domain_instant_or_now (info->created_at));
  mops_domain_bind_id (stmt, 5, info->created_by);

  what = g_strdup_printf (_("Could not add the plan snapshot “%s”"), name);
  return mops_domain_insert (library, stmt, refs, G_N_ELEMENTS (refs), NULL, what, error);
}

gboolean
mops_plan_snapshots_add_line (MopsLibrary  *library,
                              gint64        snapshot_id,
                              gint64        team_id,
                              gint64        category_id,
                              const char   *month,
                              gint64        planned,
                              GError      **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *exists = NULL;
  MopsRowRef refs[] = {
    { MOPS_ROW_PLAN_SNAPSHOT, snapshot_id },
    { MOPS_ROW_TEAM, team_id },
    { MOPS_ROW_CATEGORY, category_id },
  };

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (snapshot_id > 0 && team_id > 0 && category_id > 0, FALSE);

  if (!check_month_in_year (library,
                            "SELECT y.starts_on FROM plan_snapshots s"
                            " JOIN fiscal_years y ON y.id = s.fiscal_year_id WHERE s.id = ?",
                            &refs[0], month, error))
    return FALSE;
  if (planned < 0)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   _("The plan for %s cannot be below zero"), month);
      return FALSE;
    }

  stmt = mops_library_prepare_cached (library,
                                      "INSERT INTO plan_snapshot_lines (snapshot_id, team_id,"
                                      " category_id, month, planned) VALUES (?, ?, ?, ?, ?)",
                                      error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, snapshot_id);
  sqlite3_bind_int64 (stmt, 2, team_id);
  sqlite3_bind_int64 (stmt, 3, category_id);
  sqlite3_bind_text (stmt, 4, month, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, planned);

  /* Translators: %s is a month, YYYY-MM */
  exists = g_strdup_printf (_("The snapshot already has a line for this team and category in %s"),
                            month);
  return mops_domain_step (library, stmt, refs, G_N_ELEMENTS (refs), exists,
                           _("Could not add the plan line"), error);
}

/* ---- Spending ---------------------------------------------------------------------------- */

gint64
mops_subscriptions_add (MopsLibrary                 *library,
                        const MopsSubscriptionInfo  *info,
                        GError                     **error)
{
  g_autofree char *vendor = NULL;
  g_autofree char *product = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *what = NULL;
  sqlite3_stmt *stmt;
  MopsRowRef refs[] = {
    { MOPS_ROW_PERSON, info != NULL ? info->owner_id : 0 },
    { MOPS_ROW_TEAM, info != NULL ? info->team_id : 0 },
    { MOPS_ROW_CATEGORY, info != NULL ? info->category_id : 0 },
  };

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), 0);
  g_return_val_if_fail (info != NULL, 0);

  vendor = mops_domain_clean_name (info->vendor, _("A subscription needs a vendor"), error);
  product = vendor == NULL ? NULL
    : mops_domain_clean_name (info->product, _("A subscription needs a product"), error);
  if (product == NULL)
    return 0;

  currency = normalize_currency (info->currency, error);
  if (currency == NULL || !check_not_negative (info->cost, currency, error))
    return 0;
  if (mops_subscription_period_to_name (info->period) == NULL)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID, _("%d is not a subscription period"),
                   info->period);
      return 0;
    }
  if (info->renews_on == NULL)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   _("The subscription to %s needs its renewal date"), product);
      return 0;
    }
  if (!mops_domain_check_date (info->renews_on, error)
      || !mops_domain_check_date (info->cancelled_on, error))
    return 0;
  if (info->notice_days < 0 || info->seats < 0)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   _("The notice period and the seats of %s cannot be below zero"), product);
      return 0;
    }

  stmt = mops_library_prepare_cached (library,
                                      "INSERT INTO subscriptions (vendor, product, cost, currency,"
                                      " period, renews_on, notice_days, owner_id, team_id,"
                                      " category_id, seats, url, notes, cancelled_on)"
                                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                      error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, vendor, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, product, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, info->cost);
  sqlite3_bind_text (stmt, 4, currency, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, mops_subscription_period_to_name (info->period), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, info->renews_on, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, info->notice_days);
  mops_domain_bind_id (stmt, 8, info->owner_id);
  mops_domain_bind_id (stmt, 9, info->team_id);
  mops_domain_bind_id (stmt, 10, info->category_id);
  mops_domain_bind_int_or_null (stmt, 11, info->seats);
  mops_db_bind_text_or_null (stmt, 12, info->url);
  mops_db_bind_text_or_null (stmt, 13, info->notes);
  mops_db_bind_text_or_null (stmt, 14, info->cancelled_on);

  /* Translators: a vendor and its product, "Adobe Creative Cloud" */
  what = g_strdup_printf (_("Could not add the subscription to %s %s"), vendor, product);
  return mops_domain_insert (library, stmt, refs, G_N_ELEMENTS (refs), NULL, what, error);
}

gint64
mops_spend_requests_add (MopsLibrary                 *library,
                         const MopsSpendRequestInfo  *info,
                         GError                     **error)
{
  g_autofree char *purpose = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *what = NULL;
  gboolean decided;
  sqlite3_stmt *stmt;
  MopsRowRef refs[] = {
    { MOPS_ROW_PERSON, info != NULL ? info->requester_id : 0 },
    { MOPS_ROW_TEAM, info != NULL ? info->team_id : 0 },
    { MOPS_ROW_CATEGORY, info != NULL ? info->category_id : 0 },
    { MOPS_ROW_CAMPAIGN, info != NULL ? info->campaign_id : 0 },
    { MOPS_ROW_PERSON, info != NULL ? info->decided_by : 0 },
  };

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), 0);
  g_return_val_if_fail (info != NULL, 0);
  g_return_val_if_fail (info->team_id > 0 && info->category_id > 0, 0);

  purpose = mops_domain_clean_name (info->purpose, _("A spend request needs a purpose"), error);
  if (purpose == NULL || !mops_domain_check_date (info->needed_by, error))
    return 0;

  currency = normalize_currency (info->currency, error);
  if (currency == NULL)
    return 0;
  if (info->amount <= 0)
    {
      g_autofree char *text = mops_money_to_decimal (info->amount, currency);

      /* Translators: an amount and its currency code, then what the money is for */
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   _("Cannot ask for %s %s for “%s”: the amount must be above zero"), text,
                   currency, purpose);
      return 0;
    }
  if (mops_spend_request_status_to_name (info->status) == NULL)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID, _("%d is not the status of a request"),
                   info->status);
      return 0;
    }

  decided = info->status != MOPS_SPEND_REQUEST_PENDING;
  if (!decided && (info->decided_by > 0 || info->decided_at > 0))
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   _("The request “%s” is pending: nobody has decided it yet"), purpose);
      return 0;
    }

  stmt = mops_library_prepare_cached (library,
                                      "INSERT INTO spend_requests (requester_id, team_id,"
                                      " category_id, campaign_id, amount, currency, purpose,"
                                      " needed_by, status, decided_by, decided_at, note,"
                                      " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                      error);
  if (stmt == NULL)
    return 0;

  mops_domain_bind_id (stmt, 1, info->requester_id);
  sqlite3_bind_int64 (stmt, 2, info->team_id);
  sqlite3_bind_int64 (stmt, 3, info->category_id);
  mops_domain_bind_id (stmt, 4, info->campaign_id);
  sqlite3_bind_int64 (stmt, 5, info->amount);
  sqlite3_bind_text (stmt, 6, currency, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, purpose, -1, SQLITE_STATIC);
  mops_db_bind_text_or_null (stmt, 8, info->needed_by);
  sqlite3_bind_text (stmt, 9, mops_spend_request_status_to_name (info->status), -1, SQLITE_STATIC);
  mops_domain_bind_id (stmt, 10, info->decided_by);
  if (decided)
    sqlite3_bind_int64 (stmt, 11, mops_domain_instant_or_now (info->decided_at));
  else
    sqlite3_bind_null (stmt, 11);
  mops_db_bind_text_or_null (stmt, 12, info->note);
  sqlite3_bind_int64 (stmt, 13, mops_domain_instant_or_now (info->created_at));

  what = g_strdup_printf (_("Could not add the request “%s”"), purpose);
  return mops_domain_insert (library, stmt, refs, G_N_ELEMENTS (refs), NULL, what, error);
}

/* "1", "1.0", "1.00"…: the rate of a currency into itself. */
static gboolean
is_rate_one (const char *rate)
{
  if (rate[0] != '1')
    return FALSE;
  if (rate[1] == '\0')
    return TRUE;
  if (rate[1] != '.' || rate[2] == '\0')
    return FALSE;
  for (const char *p = rate + 2; *p != '\0'; p++)
    if (*p != '0')
      return FALSE;

  return TRUE;
}

/* The fiscal year covering @date: its name and currency, or FALSE with
 * MOPS_ERROR_NOT_FOUND. */
static gboolean
find_year (MopsLibrary  *library,
           const char   *date,
           char        **out_name,
           char        **out_currency,
           GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = mops_library_prepare_cached (library,
                                      "SELECT name, currency FROM fiscal_years"
                                      " WHERE starts_on <= ?1 AND ?1 < date(starts_on, '+12 months')"
                                      " ORDER BY starts_on DESC LIMIT 1",
                                      error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *out_currency = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return mops_db_set_error (mops_library_get_db (library), error, _("Could not read the budget"));

  /* Translators: %s is a date, YYYY-MM-DD */
  g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND,
               _("No fiscal year covers %s: add that year to the budget before booking expenses in it"),
               date);
  return FALSE;
}

/* A receipt is a record: hidden from the grid, never "missing" (design §12). */
static gboolean
mark_receipt_as_record (MopsLibrary  *library,
                        gint64        asset_id,
                        GError      **error)
{
  sqlite3_stmt *stmt;
  MopsRowRef refs[] = { { MOPS_ROW_ASSET, asset_id } };

  stmt = mops_library_prepare_cached (library,
                                      "UPDATE assets SET role = 'record', modified_at = ?"
                                      " WHERE id = ? AND role <> 'record'",
                                      error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, mops_domain_instant_or_now (0));
  sqlite3_bind_int64 (stmt, 2, asset_id);
  return mops_domain_step (library, stmt, refs, G_N_ELEMENTS (refs), NULL,
                           _("Could not keep the receipt as a record"), error);
}

gint64
mops_expenses_add (MopsLibrary            *library,
                   const MopsExpenseInfo  *info,
                   GError                **error)
{
  g_autofree char *currency = NULL;
  g_autofree char *year_name = NULL;
  g_autofree char *year_currency = NULL;
  const char *rate;
  gint64 base_amount, id;
  sqlite3_stmt *stmt;
  sqlite3 *db;
  gboolean nested = FALSE;
  MopsRowRef refs[] = {
    { MOPS_ROW_TEAM, info != NULL ? info->team_id : 0 },
    { MOPS_ROW_CATEGORY, info != NULL ? info->category_id : 0 },
    { MOPS_ROW_CAMPAIGN, info != NULL ? info->campaign_id : 0 },
    { MOPS_ROW_LICENCE, info != NULL ? info->licence_id : 0 },
    { MOPS_ROW_SUBSCRIPTION, info != NULL ? info->subscription_id : 0 },
    { MOPS_ROW_SPEND_REQUEST, info != NULL ? info->request_id : 0 },
    { MOPS_ROW_ASSET, info != NULL ? info->receipt_asset_id : 0 },
    { MOPS_ROW_PERSON, info != NULL ? info->created_by : 0 },
  };

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), 0);
  g_return_val_if_fail (info != NULL, 0);
  g_return_val_if_fail (info->team_id > 0 && info->category_id > 0, 0);

  if (info->date == NULL)
    {
      g_set_error_literal (error, MOPS_ERROR, MOPS_ERROR_INVALID, _("An expense needs a date"));
      return 0;
    }
  if (!mops_domain_check_date (info->date, error))
    return 0;

  currency = normalize_currency (info->currency, error);
  if (currency == NULL)
    return 0;
  if (info->amount == 0)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   _("An expense of nothing on %s: the amount cannot be 0"), info->date);
      return 0;
    }

  if (!find_year (library, info->date, &year_name, &year_currency, error))
    return 0;

  rate = info->rate != NULL && *info->rate != '\0' ? info->rate : NULL;
  if (g_str_equal (currency, year_currency))
    {
      if (rate != NULL && !is_rate_one (rate))
        {
          /* Translators: %s is an exchange rate, the second %s a currency code */
          g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                       _("The rate %s does not apply: the expense is in %s, the fiscal year’s own currency"),
                       rate, currency);
          return 0;
        }
      rate = "1";
      base_amount = info->amount;
    }
  else if (rate == NULL)
    {
      /* Translators: the first %s is a currency code, the second a fiscal year's name, the
       * third its currency code */
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   _("An expense in %s needs an exchange rate: %s is kept in %s"),
                   currency, year_name, year_currency);
      return 0;
    }
  else if (!mops_licence_booking_convert (info->amount, currency, rate, year_currency,
                                          &base_amount, error))
    return 0;

  stmt = mops_library_prepare_cached (library,
                                      "INSERT INTO expenses (date, vendor, description, amount,"
                                      " currency, rate, base_amount, team_id, category_id,"
                                      " campaign_id, licence_id, subscription_id, request_id,"
                                      " receipt_asset_id, created_at, created_by)"
                                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                      error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, info->date, -1, SQLITE_STATIC);
  mops_db_bind_text_or_null (stmt, 2, info->vendor);
  mops_db_bind_text_or_null (stmt, 3, info->description);
  sqlite3_bind_int64 (stmt, 4, info->amount);
  sqlite3_bind_text (stmt, 5, currency, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, rate, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, base_amount);
  sqlite3_bind_int64 (stmt, 8, info->team_id);
  sqlite3_bind_int64 (stmt, 9, info->category_id);
  mops_domain_bind_id (stmt, 10, info->campaign_id);
  mops_domain_bind_id (stmt, 11, info->licence_id);
  mops_domain_bind_id (stmt, 12, info->subscription_id);
  mops_domain_bind_id (stmt, 13, info->request_id);
  mops_domain_bind_id (stmt, 14, info->receipt_asset_id);
  sqlite3_bind_int64 (stmt, 15, mops_domain_instant_or_now (info->created_at));
  mops_domain_bind_id (stmt, 16, info->created_by);

  if (info->receipt_asset_id <= 0)
    return mops_domain_insert (library, stmt, refs, G_N_ELEMENTS (refs), NULL,
                               _("Could not add the expense"), error);

  /* with a receipt, two writes: both or neither */
  db = mops_library_get_db (library);
  if (!mops_db_begin_write (db, &nested, error))
    {
      sqlite3_reset (stmt);
      return 0;
    }

  id = mops_domain_insert (library, stmt, refs, G_N_ELEMENTS (refs), NULL,
                           _("Could not add the expense"), error);
  if (id == 0 || !mark_receipt_as_record (library, info->receipt_asset_id, error)
      || !mops_db_commit_write (db, nested, error))
    {
      mops_db_rollback_write (db, nested);
      return 0;
    }

  return id;
}
