/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-budget.h — the marketing budget: fiscal years, teams, categories, plan, spending */

#pragma once

#include <glib.h>

#include "mops-library.h"

G_BEGIN_DECLS

/* Every function uses the library's own connection (the thread that opened it); inside
 * mops_library_begin() they write into that transaction. Money is integer minor units beside
 * an ISO 4217 code (mops-money.h); dates are "YYYY-MM-DD", plan months "YYYY-MM", instants
 * Unix seconds. Ids of 0 refer to nothing. A reference to a row that does not exist is
 * MOPS_ERROR_NOT_FOUND naming it; a malformed field MOPS_ERROR_INVALID naming the value;
 * nothing is written then. The arithmetic over these rows is design §12 "Budget arithmetic". */

/* ---- Names ------------------------------------------------------------------------------- */

typedef enum
{
  MOPS_SUBSCRIPTION_PERIOD_MONTHLY,
  MOPS_SUBSCRIPTION_PERIOD_YEARLY,
} MopsSubscriptionPeriod;

typedef enum
{
  MOPS_SPEND_REQUEST_PENDING,
  MOPS_SPEND_REQUEST_APPROVED,
  MOPS_SPEND_REQUEST_DECLINED,
} MopsSpendRequestStatus;

/* The stable English names of the table, JSON and CLI ("monthly", "declined"), or NULL for a
 * value out of range; *_from_name() take them in any ASCII case, "-" and "_" alike, FALSE
 * for anything else. */
const char *mops_subscription_period_to_name     (MopsSubscriptionPeriod   period);
gboolean    mops_subscription_period_from_name   (const char              *name,
                                                  MopsSubscriptionPeriod  *out_period);
const char *mops_spend_request_status_to_name    (MopsSpendRequestStatus   status);
gboolean    mops_spend_request_status_from_name  (const char              *name,
                                                  MopsSpendRequestStatus  *out_status);

/* ---- Years, teams, categories ------------------------------------------------------------ */

typedef struct
{
  const char *name;           /* required, unique: "FY 2026" */
  const char *starts_on;      /* the first day of a month, "2026-01-01"; unique */
  const char *currency;       /* ISO 4217: every amount of the year is reported in it */
  gboolean    has_total;
  gint64      total;          /* the envelope, minor units, >= 0; when has_total */
  gint64      locked_at;      /* instant the plan was locked (approved); 0 = open */
  gint64      locked_by;      /* people; 0 = not recorded */
} MopsFiscalYearInfo;

/* Adds a fiscal year: twelve months from starts_on. A name or a first day another year has
 * is MOPS_ERROR_EXISTS. Returns the new id, or 0 with @error set. */
gint64      mops_fiscal_years_add        (MopsLibrary               *library,
                                          const MopsFiscalYearInfo  *info,
                                          GError                   **error);

/* Adds a team that plans and spends (demand generation, content, brand…), with its colour
 * ("#RRGGBB" or NULL) and lead (people; 0 = none). A name the library already has is
 * MOPS_ERROR_EXISTS. Returns the new id, or 0 with @error set. */
gint64      mops_teams_add               (MopsLibrary               *library,
                                          const char                *name,
                                          const char                *color,
                                          gint64                     lead_id,
                                          GError                   **error);

/* The id of the team called exactly @name; 0 when none, -1 with @error on a read error. */
gint64      mops_teams_lookup            (MopsLibrary               *library,
                                          const char                *name,
                                          GError                   **error);

/* Adds a spending category (advertising, events, licensing…) with its colour. A name the
 * library already has is MOPS_ERROR_EXISTS. Returns the new id, or 0 with @error set. */
gint64      mops_categories_add          (MopsLibrary               *library,
                                          const char                *name,
                                          const char                *color,
                                          GError                   **error);

/* The id of the category called exactly @name; 0 when none, -1 with @error on a read error. */
gint64      mops_categories_lookup       (MopsLibrary               *library,
                                          const char                *name,
                                          GError                   **error);

/* ---- The plan ---------------------------------------------------------------------------- */

/* What a team plans to spend on a category in one month of a fiscal year. */
typedef struct
{
  gint64      fiscal_year_id;
  gint64      team_id;
  gint64      category_id;
  const char *month;          /* "YYYY-MM", one of the year's twelve */
  gint64      planned;        /* minor units of the year's currency, >= 0 */
  const char *note;           /* why it changed; NULL = none */
} MopsBudgetLineInfo;

/* Adds a plan line. A month outside the year is MOPS_ERROR_INVALID; a second line for the
 * same team, category and month is MOPS_ERROR_EXISTS. Returns the new id, or 0 with @error
 * set. */
gint64      mops_budget_lines_add        (MopsLibrary               *library,
                                          const MopsBudgetLineInfo  *info,
                                          GError                   **error);

/* A named copy of a year's plan, to compare later plans and the spending against. */
typedef struct
{
  gint64      fiscal_year_id;
  const char *name;           /* required: "Approved plan FY 2026" */
  gboolean    is_baseline;    /* the approved plan the year is measured against */
  gint64      created_at;     /* instant; 0 = now */
  gint64      created_by;     /* people; 0 = not recorded */
} MopsPlanSnapshotInfo;

/* Adds an empty snapshot; its lines follow with mops_plan_snapshots_add_line(). Returns the
 * new id, or 0 with @error set. */
gint64      mops_plan_snapshots_add      (MopsLibrary                 *library,
                                          const MopsPlanSnapshotInfo  *info,
                                          GError                     **error);

/* Adds the line of @team_id and @category_id for @month ("YYYY-MM", of the snapshot's year)
 * to snapshot @snapshot_id: @planned minor units, >= 0. A month outside the year is
 * MOPS_ERROR_INVALID, a line the snapshot already has MOPS_ERROR_EXISTS. */
gboolean    mops_plan_snapshots_add_line (MopsLibrary               *library,
                                          gint64                     snapshot_id,
                                          gint64                     team_id,
                                          gint64                     category_id,
                                          const char                *month,
                                          gint64                     planned,
                                          GError                   **error);

/* ---- Spending ---------------------------------------------------------------------------- */

/* A SaaS subscription, charged every period on its renewal day. */
typedef struct
{
  const char             *vendor;        /* required */
  const char             *product;       /* required */
  gint64                  cost;          /* per period, minor units, >= 0 */
  const char             *currency;      /* ISO 4217 */
  MopsSubscriptionPeriod  period;
  const char             *renews_on;     /* required: the next renewal */
  int                     notice_days;   /* cancel at least this many days before; >= 0 */
  gint64                  owner_id;      /* people */
  gint64                  team_id;
  gint64                  category_id;
  int                     seats;         /* 0 = not counted */
  const char             *url;
  const char             *notes;
  const char             *cancelled_on;  /* NULL = running */
} MopsSubscriptionInfo;

/* Adds a subscription. Returns the new id, or 0 with @error set. */
gint64      mops_subscriptions_add       (MopsLibrary                 *library,
                                          const MopsSubscriptionInfo  *info,
                                          GError                     **error);

/* Someone asks to spend money; someone else approves or declines it. */
typedef struct
{
  gint64                  requester_id;  /* people; 0 = not recorded */
  gint64                  team_id;       /* required */
  gint64                  category_id;   /* required */
  gint64                  campaign_id;
  gint64                  amount;        /* minor units, > 0 */
  const char             *currency;      /* ISO 4217 */
  const char             *purpose;       /* required */
  const char             *needed_by;     /* date; NULL = none */
  MopsSpendRequestStatus  status;
  gint64                  decided_by;    /* people; only for a decided request */
  gint64                  decided_at;    /* instant; 0 = now for a decided request */
  const char             *note;          /* the decision's note */
  gint64                  created_at;    /* instant; 0 = now */
} MopsSpendRequestInfo;

/* Adds a spend request. A pending request with a decision (decided_by or decided_at) is
 * MOPS_ERROR_INVALID. Returns the new id, or 0 with @error set. */
gint64      mops_spend_requests_add      (MopsLibrary                 *library,
                                          const MopsSpendRequestInfo  *info,
                                          GError                     **error);

/* Money spent (or refunded, with a negative amount). */
typedef struct
{
  const char *date;              /* required; a fiscal year must cover it */
  const char *vendor;
  const char *description;
  gint64      amount;            /* minor units of currency; not 0 (negative: a refund) */
  const char *currency;          /* ISO 4217 */
  const char *rate;              /* one unit of currency in the year's currency, a decimal
                                  * ("0.0851"); NULL or "1" in the year's own currency */
  gint64      team_id;           /* required */
  gint64      category_id;       /* required */
  gint64      campaign_id;
  gint64      licence_id;        /* the licence it paid for */
  gint64      subscription_id;   /* the subscription it charged */
  gint64      request_id;        /* the approved request it spent */
  gint64      receipt_asset_id;  /* the receipt, an asset: it becomes a record (role 'record') */
  gint64      created_at;        /* instant; 0 = now */
  gint64      created_by;        /* people; 0 = not recorded */
} MopsExpenseInfo;

/* Adds an expense. The fiscal year covering its date gives the base currency: there the rate
 * is 1; in another currency the rate is required, and the amount in the year's currency is
 * amount × rate rounded half away from zero into its minor units (stored beside it, as the
 * budget's totals use it). No year covering the date is MOPS_ERROR_NOT_FOUND; a missing or
 * malformed rate, an unknown currency or an amount of 0 is MOPS_ERROR_INVALID. Returns the
 * new id, or 0 with @error set. */
gint64      mops_expenses_add            (MopsLibrary               *library,
                                          const MopsExpenseInfo     *info,
                                          GError                   **error);

G_END_DECLS
