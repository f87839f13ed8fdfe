/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-demo-budget.c — the demo's budget: years, plan, snapshots, subscriptions, requests, spending */

#include "config.h"

#define G_LOG_DOMAIN "mops-demo"

#include <stdlib.h>

#include "core/mops-budget.h"
#include "mops-demo-private.h"

/* Month names for invoice descriptions: demo data is English whatever the locale. */
static const char *const month_names[12] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
};

/* What the rules below read from budget.json, looked up once. */
typedef struct
{
  JsonObject *budget;
  JsonArray  *years;
  JsonArray  *teams;
  JsonArray  *categories;
  JsonArray  *seasonality;
  JsonObject *rates;
  const char *currency;
  gint64     *year_ids;         /* per entry of years */
  int         current_month;    /* today's, 0 … 11 */
} Budget;

/* The year of the fiscal year @year starts in, and its first month (1 … 12). */
static void
year_start (MopsDemo   *d,
            JsonObject *year,
            int        *out_year,
            int        *out_month)
{
  const char *starts = mops_demo_expand (d, mops_demo_get_string (year, "starts"), NULL);

  *out_year = starts != NULL ? atoi (starts) : d->year;
  *out_month = starts != NULL ? atoi (starts + 5) : 1;
}

static JsonObject *
find_by_key (JsonArray  *array,
             const char *key)
{
  for (guint i = 0; key != NULL && array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (mops_demo_get_string (object, "key"), key) == 0)
        return object;
    }

  return NULL;
}

static gint64
year_id (Budget     *b,
         const char *key)
{
  for (guint i = 0; key != NULL && i < json_array_get_length (b->years); i++)
    if (g_strcmp0 (mops_demo_get_string (json_array_get_object_element (b->years, i), "key"), key) == 0)
      return b->year_ids[i];

  return 0;
}

/* What a team plans a month for a category before seasonality, in whole euros; 0: nothing. */
static gint64
plan_base (JsonObject *team,
           JsonObject *category)
{
  return mops_demo_get_int (mops_demo_get_object (team, "plan"),
                            mops_demo_get_string (category, "key"), 0);
}

/* A team's plan for a category in calendar month @month (0 … 11): whole euros a month before
 * seasonality, times the season's percentage, times the year's share (@percent), rounded to
 * whole 50 euros; in cents. */
static gint64
planned_amount (Budget     *b,
                JsonObject *team,
                JsonObject *category,
                int         month,
                gint64      percent)
{
  gint64 cents = plan_base (team, category) * json_array_get_int_element (b->seasonality, (guint) month);

  cents = cents * percent / 100;
  return (cents + 2500) / 5000 * 5000;
}

/* The plan changed since it was approved: for the months after this one. */
static JsonObject *
find_change (Budget     *b,
             JsonObject *year,
             JsonObject *team,
             JsonObject *category)
{
  JsonArray *changes = mops_demo_get_array (b->budget, "changes");

  for (guint i = 0; changes != NULL && i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);

      if (g_strcmp0 (mops_demo_get_string (change, "year"), mops_demo_get_string (year, "key")) == 0
          && g_strcmp0 (mops_demo_get_string (change, "team"), mops_demo_get_string (team, "key")) == 0
          && g_strcmp0 (mops_demo_get_string (change, "category"), mops_demo_get_string (category, "key")) == 0)
        return change;
    }

  return NULL;
}

/* ---- years, teams, categories, plan ------------------------------------------------------ */

static void
add_years (MopsDemo *d,
           Budget   *b)
{
  MOPS_DEMO_FOR_EACH_OBJECT (d, b->years, y, year)
    {
      JsonObject *locked = mops_demo_get_object (year, "locked");
      gint64 total = 0;
      MopsFiscalYearInfo info = {
        .name = mops_demo_expand (d, mops_demo_get_string (year, "name"), NULL),
        .starts_on = mops_demo_expand (d, mops_demo_get_string (year, "starts"), NULL),
        .currency = b->currency,
        .has_total = TRUE,
        .locked_at = mops_demo_get_instant (d, year, "locked"),
        .locked_by = mops_demo_id (d, "person", mops_demo_get_string (locked, "by")),
      };

      /* the envelope: the plan and a reserve, in whole thousands */
      MOPS_DEMO_FOR_EACH_OBJECT (d, b->teams, t, team)
        MOPS_DEMO_FOR_EACH_OBJECT (d, b->categories, c, category)
          for (int m = 0; m < 12; m++)
            total += planned_amount (b, team, category, m, mops_demo_get_int (year, "plan_percent", 100));
      info.total = (total * mops_demo_get_int (year, "total_percent", 100) / 100 / 100000 + 1) * 100000;

      if (d->error == NULL)
        b->year_ids[y] = mops_fiscal_years_add (d->library, &info, &d->error);
    }
}

static void
add_teams_and_categories (MopsDemo *d,
                          Budget   *b)
{
  /* a library that lists teams or categories already keeps them */
  MOPS_DEMO_FOR_EACH_OBJECT (d, b->teams, t, team)
    {
      const char *name = mops_demo_get_string (team, "name");
      gint64 id = mops_teams_lookup (d->library, name, &d->error);

      if (id == 0)
        id = mops_teams_add (d->library, name, mops_demo_get_string (team, "color"),
                             mops_demo_id (d, "person", mops_demo_get_string (team, "lead")),
                             &d->error);
      mops_demo_set_id (d, "team", mops_demo_get_string (team, "key"), id);
    }

  MOPS_DEMO_FOR_EACH_OBJECT (d, b->categories, c, category)
    {
      const char *name = mops_demo_get_string (category, "name");
      gint64 id = mops_categories_lookup (d->library, name, &d->error);

      if (id == 0)
        id = mops_categories_add (d->library, name, mops_demo_get_string (category, "color"),
                                  &d->error);
      mops_demo_set_id (d, "category", mops_demo_get_string (category, "key"), id);
    }
}

/* Every team's plan for every category it plans, month by month, in each year; and the
 * snapshots of the current plan as it was approved and drafted. */
static void
add_plan (MopsDemo *d,
          Budget   *b)
{
  JsonArray *snapshots = mops_demo_get_array (b->budget, "snapshots");
  guint n_snapshots = snapshots != NULL ? json_array_get_length (snapshots) : 0;
  g_autofree gint64 *snapshot_ids = g_new0 (gint64, MAX (n_snapshots, 1));
  int today_index = g_date_get_year (&d->today) * 12 + b->current_month;

  MOPS_DEMO_FOR_EACH_OBJECT (d, snapshots, s, snapshot)
    {
      MopsPlanSnapshotInfo info = {
        .fiscal_year_id = year_id (b, mops_demo_get_string (snapshot, "year")),
        .name = mops_demo_expand (d, mops_demo_get_string (snapshot, "name"), NULL),
        .is_baseline = mops_demo_get_bool (snapshot, "baseline"),
        .created_at = mops_demo_get_instant (d, snapshot, "created"),
        .created_by = mops_demo_id (d, "person", mops_demo_get_string (snapshot, "by")),
      };

      if (d->error == NULL)
        snapshot_ids[s] = mops_plan_snapshots_add (d->library, &info, &d->error);
    }

  MOPS_DEMO_FOR_EACH_OBJECT (d, b->teams, t, team)
    MOPS_DEMO_FOR_EACH_OBJECT (d, b->categories, c, category)
      for (int m = 0; m < 12 && d->error == NULL; m++)
        {
          gint64 team_id = mops_demo_id (d, "team", mops_demo_get_string (team, "key"));
          gint64 category_id = mops_demo_id (d, "category", mops_demo_get_string (category, "key"));

          if (plan_base (team, category) == 0)
            continue;

          MOPS_DEMO_FOR_EACH_OBJECT (d, b->years, y, year)
            {
              JsonObject *change = find_change (b, year, team, category);
              int start_year, start_month, index;
              char month[8];
              MopsBudgetLineInfo line = {
                .fiscal_year_id = b->year_ids[y], .team_id = team_id, .category_id = category_id,
                .month = month,
                .planned = planned_amount (b, team, category, m, mops_demo_get_int (year, "plan_percent", 100)),
              };

              year_start (d, year, &start_year, &start_month);
              index = start_year * 12 + m;
              g_snprintf (month, sizeof month, "%04d-%02d", index / 12, index % 12 + 1);
              if (change != NULL && index > today_index)
                {
                  line.planned = line.planned * mops_demo_get_int (change, "percent", 100) / 100 / 5000 * 5000;
                  line.note = mops_demo_get_string (change, "note");
                }

              mops_budget_lines_add (d->library, &line, &d->error);
            }

          MOPS_DEMO_FOR_EACH_OBJECT (d, snapshots, s, snapshot)
            {
              JsonObject *year = find_by_key (b->years, mops_demo_get_string (snapshot, "year"));
              int start_year, start_month;
              char month[8];
              gint64 planned;

              year_start (d, year, &start_year, &start_month);
              g_snprintf (month, sizeof month, "%04d-%02d", start_year, m + 1);
              planned = planned_amount (b, team, category, m, mops_demo_get_int (year, "plan_percent", 100));
              mops_plan_snapshots_add_line (d->library, snapshot_ids[s], team_id, category_id, month,
                                            planned * mops_demo_get_int (snapshot, "percent", 100) / 100 / 5000 * 5000,
                                            &d->error);
            }
        }
}

/* ---- subscriptions and requests ----------------------------------------------------------- */

static void
add_subscriptions (MopsDemo *d,
                   Budget   *b)
{
  JsonArray *subscriptions = mops_demo_get_array (b->budget, "subscriptions");

  MOPS_DEMO_FOR_EACH_OBJECT (d, subscriptions, s, spec)
    {
      MopsSubscriptionInfo info = {
        .vendor = mops_demo_get_string (spec, "vendor"),
        .product = mops_demo_get_string (spec, "product"),
        .cost = mops_demo_get_int (spec, "cost", 0),
        .currency = mops_demo_get_string (spec, "currency"),
        .renews_on = mops_demo_day (d, (int) mops_demo_get_int (spec, "renews", 0)),
        .notice_days = (int) mops_demo_get_int (spec, "notice_days", 0),
        .owner_id = mops_demo_id (d, "person", mops_demo_get_string (spec, "owner")),
        .team_id = mops_demo_id (d, "team", mops_demo_get_string (spec, "team")),
        .category_id = mops_demo_id (d, "category", mops_demo_get_string (spec, "category")),
        .seats = (int) mops_demo_get_int (spec, "seats", 0),
        .url = mops_demo_get_string (spec, "url"),
        .notes = mops_demo_get_string (spec, "notes"),
        .cancelled_on = mops_demo_day (d, (int) mops_demo_get_int (spec, "cancelled", MOPS_DEMO_NO_DAY)),
      };
      gint64 id;

      if (!mops_subscription_period_from_name (mops_demo_get_string (spec, "period"), &info.period))
        mops_demo_data_error (d, "the subscription to %s has no period", info.product);
      if (d->error != NULL)
        return;

      id = mops_subscriptions_add (d->library, &info, &d->error);
      mops_demo_set_id (d, "subscription", mops_demo_get_string (spec, "key"), id);
    }
}

static void
add_requests (MopsDemo *d,
              Budget   *b)
{
  JsonArray *requests = mops_demo_get_array (b->budget, "requests");

  MOPS_DEMO_FOR_EACH_OBJECT (d, requests, r, spec)
    {
      MopsSpendRequestInfo info = {
        .requester_id = mops_demo_id (d, "person", mops_demo_get_string (spec, "requester")),
        .team_id = mops_demo_id (d, "team", mops_demo_get_string (spec, "team")),
        .category_id = mops_demo_id (d, "category", mops_demo_get_string (spec, "category")),
        .campaign_id = mops_demo_id (d, "campaign", mops_demo_get_string (spec, "campaign")),
        .amount = mops_demo_get_int (spec, "amount", 0),
        .currency = b->currency,
        .purpose = mops_demo_get_string (spec, "purpose"),
        .needed_by = mops_demo_day (d, (int) mops_demo_get_int (spec, "needed_by", MOPS_DEMO_NO_DAY)),
        .decided_by = mops_demo_id (d, "person", mops_demo_get_string (spec, "decided_by")),
        .decided_at = mops_demo_get_instant (d, spec, "decided"),
        .note = mops_demo_get_string (spec, "note"),
        .created_at = mops_demo_get_instant (d, spec, "created"),
      };
      gint64 id;

      if (!mops_spend_request_status_from_name (mops_demo_get_string (spec, "status"), &info.status))
        mops_demo_data_error (d, "the request “%s” has no status", info.purpose);
      if (d->error != NULL)
        return;

      id = mops_spend_requests_add (d->library, &info, &d->error);
      mops_demo_set_id (d, "request", mops_demo_get_string (spec, "key"), id);
    }
}

/* ---- spending ---------------------------------------------------------------------------- */

/* The finance team's rate into the budget's currency for @currency; 1 for its own. */
static const char *
rate_for (Budget     *b,
          const char *currency)
{
  const char *rate = mops_demo_get_string (b->rates, currency);

  return rate != NULL ? rate : "1";
}

/* How much of a currency @cents of the budget's currency buy at @rate, rounded to a cent. */
static gint64
from_base (gint64      cents,
           const char *rate)
{
  gint64 numerator = 0, scale = 1;
  gboolean fraction = FALSE;

  for (const char *p = rate; *p != '\0'; p++)
    {
      if (*p == '.')
        {
          fraction = TRUE;
          continue;
        }
      numerator = numerator * 10 + (*p - '0');
      if (fraction)
        scale *= 10;
    }

  return numerator > 0 ? (cents * scale + numerator / 2) / numerator : cents;
}

static void
add_expense (MopsDemo        *d,
             Budget          *b,
             const GDate     *date,
             MopsExpenseInfo *info,
             const char      *team_key,
             const char      *category_key,
             const char      *campaign_key,
             const char      *by)
{
  info->date = mops_demo_format_date (d, date);
  info->rate = rate_for (b, info->currency);
  info->team_id = mops_demo_id (d, "team", team_key);
  info->category_id = mops_demo_id (d, "category", category_key);
  info->campaign_id = mops_demo_id (d, "campaign", campaign_key);
  info->created_at = MIN (mops_demo_local_instant (date, 17, 30), d->now);
  info->created_by = mops_demo_id (d, "person", by);

  if (d->error == NULL)
    mops_expenses_add (d->library, info, &d->error);
}

/* Spending against one plan line in one month: one invoice near the plan, or several for
 * categories that have them, from the category's vendors in turn. */
static void
add_monthly_actuals (MopsDemo   *d,
                     Budget     *b,
                     JsonObject *year,
                     guint       t,
                     JsonObject *team,
                     JsonObject *category,
                     int         m)
{
  JsonArray *vendors = mops_demo_get_array (category, "vendors");
  gint64 planned = planned_amount (b, team, category, m, mops_demo_get_int (year, "plan_percent", 100));
  int pieces = (int) mops_demo_get_int (category, "invoices_per_month", 1);
  gboolean current = g_strcmp0 (mops_demo_get_string (year, "key"), "current") == 0;
  int start_year, start_month;

  year_start (d, year, &start_year, &start_month);

  for (int p = 0; p < pieces && d->error == NULL; p++)
    {
      JsonObject *vendor = json_array_get_object_element (vendors, (t + 1 + (guint) m + (guint) p)
                                                                   % json_array_get_length (vendors));
      int dom = 3 + (int) g_rand_int_range (d->rand, 0, 24);
      int percent = g_rand_int_range (d->rand, 70, 112);
      const char *currency = mops_demo_get_string (vendor, "currency");
      g_autofree char *description = g_strdup_printf ("%s, %s %d",
                                                      mops_demo_get_string (vendor, "description"),
                                                      month_names[m], start_year);
      MopsExpenseInfo info = {
        .vendor = mops_demo_get_string (vendor, "name"),
        .description = description,
        .currency = currency,
      };
      const char *campaign = NULL;
      GDate date;

      g_date_set_dmy (&date, (GDateDay) dom, (GDateMonth) (m + 1), (GDateYear) start_year);
      if (g_date_compare (&date, &d->today) > 0)
        continue;

      /* in the vendor's currency, whole units, so it converts back near the plan */
      info.amount = from_base (planned * percent / 100 / pieces, rate_for (b, currency)) / 100 * 100;

      /* this year's spending goes to the team's campaign, else the category's */
      if (current && mops_demo_get_string (team, "campaign") != NULL)
        campaign = mops_demo_get_string (team, "campaign");
      else if (current && mops_demo_get_string (category, "campaign") != NULL)
        campaign = m == b->current_month ? mops_demo_get_string (category, "campaign_this_month")
                                         : mops_demo_get_string (category, "campaign");

      add_expense (d, b, &date, &info, mops_demo_get_string (team, "key"),
                   mops_demo_get_string (category, "key"), campaign,
                   (p + m) % 2 == 0 ? mops_demo_get_string (b->budget, "booked_by")
                                    : mops_demo_get_string (team, "lead"));
    }
}

/* Subscriptions charge on their renewal day: monthly ones every month, yearly ones once,
 * since the first year began. */
static void
add_subscription_charges (MopsDemo *d,
                          Budget   *b)
{
  JsonArray *subscriptions = mops_demo_get_array (b->budget, "subscriptions");
  GDate first;
  int start_year, start_month;

  year_start (d, json_array_get_object_element (b->years, 0), &start_year, &start_month);
  g_date_set_dmy (&first, 1, (GDateMonth) start_month, (GDateYear) start_year);

  MOPS_DEMO_FOR_EACH_OBJECT (d, subscriptions, s, spec)
    {
      gboolean monthly = g_strcmp0 (mops_demo_get_string (spec, "period"), "monthly") == 0;
      int cancelled_day = (int) mops_demo_get_int (spec, "cancelled", 0);
      const char *vendor = mops_demo_get_string (spec, "vendor");
      const char *product = mops_demo_get_string (spec, "product");
      g_autofree char *description = g_strdup_printf ("%s %s", vendor, product);
      gint64 subscription = mops_demo_id (d, "subscription", mops_demo_get_string (spec, "key"));
      GDate renews, charge, cancelled;

      mops_demo_date_from_today (d, (int) mops_demo_get_int (spec, "renews", 0), &renews);
      mops_demo_date_from_today (d, cancelled_day, &cancelled);
      for (guint k = 1; k <= (monthly ? 24u : 2u) && d->error == NULL; k++)
        {
          MopsExpenseInfo info = {
            .vendor = vendor,
            .description = description,
            .amount = mops_demo_get_int (spec, "cost", 0),
            .currency = mops_demo_get_string (spec, "currency"),
            .subscription_id = subscription,
          };

          charge = renews;
          if (monthly)
            g_date_subtract_months (&charge, k);
          else
            g_date_subtract_years (&charge, k);

          if (g_date_compare (&charge, &first) < 0)
            break;
          if (g_date_compare (&charge, &d->today) > 0)
            continue;
          if (cancelled_day != 0 && g_date_compare (&charge, &cancelled) >= 0)
            continue;

          add_expense (d, b, &charge, &info, mops_demo_get_string (spec, "team"),
                       mops_demo_get_string (spec, "category"), NULL,
                       mops_demo_get_string (b->budget, "booked_by"));
        }
    }
}

/* The expenses people ask about: a licence renewal with its receipt, a refund, the approved
 * request that was spent. None before this year began. */
static void
add_notable_expenses (MopsDemo *d,
                      Budget   *b)
{
  JsonArray *expenses = mops_demo_get_array (b->budget, "expenses");
  JsonObject *current = find_by_key (b->years, "current");
  int start_year, start_month;
  GDate first;

  year_start (d, current, &start_year, &start_month);
  g_date_set_dmy (&first, 1, (GDateMonth) start_month, (GDateYear) start_year);

  MOPS_DEMO_FOR_EACH_OBJECT (d, expenses, e, spec)
    {
      const char *licence_key = mops_demo_get_string (spec, "licence");
      JsonObject *licence = licence_key != NULL ? g_hash_table_lookup (d->licence_specs, licence_key) : NULL;
      MopsExpenseInfo info = {
        .vendor = mops_demo_get_string (licence != NULL ? licence : spec,
                                        licence != NULL ? "licensor" : "vendor"),
        .description = mops_demo_get_string (spec, "description"),
        .amount = mops_demo_get_int (licence != NULL ? licence : spec, licence != NULL ? "cost" : "amount", 0),
        .currency = mops_demo_get_string (licence != NULL ? licence : spec, "currency"),
        .licence_id = mops_demo_id (d, "licence", licence_key),
        .request_id = mops_demo_id (d, "request", mops_demo_get_string (spec, "request")),
        .receipt_asset_id = mops_demo_asset_id (d, mops_demo_get_string (spec, "receipt")),
      };
      GDate date;

      mops_demo_date_from_today (d, (int) mops_demo_get_int (spec, "day", 0), &date);
      if (g_date_compare (&date, &first) < 0)
        date = first;

      add_expense (d, b, &date, &info, mops_demo_get_string (spec, "team"),
                   mops_demo_get_string (spec, "category"), mops_demo_get_string (spec, "campaign"),
                   mops_demo_get_string (spec, "by"));
    }
}

static void
add_expenses (MopsDemo *d,
              Budget   *b)
{
  MOPS_DEMO_FOR_EACH_OBJECT (d, b->years, y, year)
    MOPS_DEMO_FOR_EACH_OBJECT (d, b->teams, t, team)
      MOPS_DEMO_FOR_EACH_OBJECT (d, b->categories, c, category)
        for (int m = 0; m < 12 && d->error == NULL; m++)
          if (plan_base (team, category) > 0 && mops_demo_get_array (category, "vendors") != NULL)
            add_monthly_actuals (d, b, year, t, team, category, m);

  add_subscription_charges (d, b);
  add_notable_expenses (d, b);
}

void
mops_demo_add_budget (MopsDemo *d)
{
  Budget b = { .budget = mops_demo_data_get_object (d, "budget.json") };
  g_autofree gint64 *year_ids = NULL;

  if (b.budget == NULL)
    return;

  b.years = mops_demo_get_array (b.budget, "years");
  b.teams = mops_demo_get_array (b.budget, "teams");
  b.categories = mops_demo_get_array (b.budget, "categories");
  b.seasonality = mops_demo_get_array (b.budget, "seasonality");
  b.rates = mops_demo_get_object (b.budget, "rates");
  b.currency = mops_demo_get_string (b.budget, "currency");
  b.current_month = g_date_get_month (&d->today) - 1;
  if (b.years == NULL || b.teams == NULL || b.categories == NULL || b.seasonality == NULL
      || json_array_get_length (b.seasonality) != 12)
    {
      mops_demo_data_error (d, "budget.json lacks years, teams, categories or seasonality");
      return;
    }
  year_ids = g_new0 (gint64, json_array_get_length (b.years));
  b.year_ids = year_ids;

  add_years (d, &b);
  add_teams_and_categories (d, &b);
  add_plan (d, &b);
  add_subscriptions (d, &b);
  add_requests (d, &b);
  add_expenses (d, &b);
}
